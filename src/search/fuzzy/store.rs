//! Where a [`FinderIndex`](super::FinderIndex)'s bytes live: a buffer of our own, or a file
//! mapped into memory. The one place in the crate that maps a file (`unsafe`).
//!
//! Both are 8-byte aligned (a `Vec<u64>`, a page), so the index's tables are cast in place
//! (`bytemuck`), never copied or decoded.
//!
//! **Mapping and truncation.** A mapped file that another process truncates while it is mapped
//! makes reading the lost pages raise SIGBUS, which ends the process. entente never truncates
//! an index: it writes a new file and renames it over the old one (`crate::atomic::replace`),
//! which leaves the mapped inode whole. Only a foreign process rewriting the file in place
//! can cause it, in the user's own cache directory; the result is a killed `entente find`,
//! never wrong output or a write anywhere. Callers that live long (the browser's finder, in
//! raw mode) read the file instead ([`Store::read`]), which has no such window.

use std::fs::File;
use std::io::Read;

/// An index's bytes.
pub enum Store {
    /// Our own buffer: the first `len` bytes of the words.
    Owned { words: Vec<u64>, len: usize },
    /// A read-only, private mapping of a file.
    Mapped(memmap2::Mmap),
}

impl Store {
    /// Takes bytes built in memory (copied once into an aligned buffer).
    pub fn from_bytes(bytes: &[u8]) -> Store {
        let mut words = vec![0u64; bytes.len().div_ceil(8)];
        bytemuck::cast_slice_mut::<u64, u8>(&mut words)[..bytes.len()].copy_from_slice(bytes);
        Store::Owned {
            words,
            len: bytes.len(),
        }
    }

    /// Takes an aligned buffer of which the first `len` bytes count.
    pub fn from_words(words: Vec<u64>, len: usize) -> Store {
        let len = len.min(words.len() * 8);
        Store::Owned { words, len }
    }

    /// Reads `len` bytes of `file` in one read into one aligned buffer; `None` if the file
    /// ends sooner.
    pub fn read(file: &mut File, len: usize) -> Option<Store> {
        let mut words = vec![0u64; len.div_ceil(8)];
        let bytes = &mut bytemuck::cast_slice_mut::<u64, u8>(&mut words)[..len];
        file.read_exact(bytes).ok()?;
        Some(Store::Owned { words, len })
    }

    /// Maps `file` read-only; `None` if it cannot be mapped. See the module documentation
    /// for what a truncation by another process does.
    pub fn map(file: &File) -> Option<Store> {
        // SAFETY: `Mmap::map` is unsafe because the mapped file may change or shrink while
        // mapped. The map is read-only and private; the bytes are only ever read as plain
        // integers (any value is valid: every table is checked before use and every index
        // into it is bounds-checked), so a change by another process gives wrong matches at
        // worst, never undefined behaviour of ours. A truncation raises SIGBUS, which ends
        // the process (see the module documentation); entente itself replaces index files
        // by renaming, never truncating them.
        #[allow(unsafe_code)]
        let map = unsafe { memmap2::MmapOptions::new().populate().map(file) };
        map.ok().map(Store::Mapped)
    }

    pub fn bytes(&self) -> &[u8] {
        match self {
            Store::Owned { words, len } => &bytemuck::cast_slice::<u64, u8>(words)[..*len],
            Store::Mapped(map) => map,
        }
    }
}
