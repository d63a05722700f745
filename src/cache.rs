//! The user's cache directory, and the rules every entry in it follows: where an entry lives,
//! the key that tells whether it is still the corpus's, how it is opened and how it is
//! written. Two kinds of entry follow them: `find`'s finder index (`cli::find::cache`) and
//! the loaded corpus (`corpus::load::cache`).
//!
//! - Where: `$XDG_CACHE_HOME/entente/` (or `~/.cache/entente/`), one entry of each kind per
//!   corpus path (`PREFIX-HASH.bin`, the hash of the corpus's canonical path), so editing a
//!   corpus replaces its entries instead of adding some. `ENTENTE_NO_CACHE=1` turns the cache
//!   off ([`in_use`]).
//! - The key ([`Entry::key`]): for the running executable (a new build may write entries
//!   differently), the corpus path and each of its files (and the directory, so an added or
//!   removed file changes it), the path, size, modification and status-change times
//!   (nanoseconds), inode and device. The inode and change time catch a file replaced with
//!   its modification time preserved (`touch -r`, `cp -p`, `rsync -t`). An entry holds its
//!   key; one whose key is not the corpus's now is a miss.
//! - Opening ([`open_bounded`]): without following a symbolic link and without blocking (a
//!   FIFO cannot hang a start), and only a regular file owned by the user, at most its cap
//!   ([`cap_for`]) long (a sparse or endless file is not read). Anything else is a miss.
//! - Writing ([`Entry::write`], [`Entry::write_with`]): through [`crate::atomic`], so a
//!   reader sees a whole entry or none; temporary files a killed writer left are removed at
//!   the next write of the same kind (only of that kind: the browser writes both at once).
//!   Failing to write costs only time.
//!
//! The cache is never the only truth: a missing, stale, truncated or corrupt entry is
//! ignored and the corpus is read instead.

use std::fs::{File, OpenOptions};
use std::io::Write;
use std::os::unix::fs::{MetadataExt, OpenOptionsExt};
use std::path::{Path, PathBuf};

/// The finder index's entries: `candidates-HASH.bin`.
pub const FINDER_PREFIX: &str = "candidates-";
/// The loaded corpus's entries: `corpus-HASH.bin`.
pub const CORPUS_PREFIX: &str = "corpus-";

/// The slack in [`cap_for`] for a corpus whose entry outweighs its text (a tiny one).
const CAP_SLACK: u64 = 1024 * 1024;

/// The cache file of one corpus, the key it must hold, and the most bytes it may have.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    pub file: PathBuf,
    pub key: Vec<u8>,
    pub cap: u64,
}

/// The cache directory, unless `ENTENTE_NO_CACHE` (set and not empty) turns the cache off.
pub fn in_use() -> Option<PathBuf> {
    let disabled = std::env::var_os("ENTENTE_NO_CACHE").is_some_and(|v| !v.is_empty());
    if disabled { None } else { cache_dir() }
}

/// The cache directory: `$XDG_CACHE_HOME/entente`, else `$HOME/.cache/entente`.
pub fn cache_dir() -> Option<PathBuf> {
    let base = match std::env::var_os("XDG_CACHE_HOME") {
        Some(x) if Path::new(&x).is_absolute() => PathBuf::from(x),
        _ => PathBuf::from(std::env::var_os("HOME")?).join(".cache"),
    };
    Some(base.join("entente"))
}

/// The most bytes a cache entry may have for a corpus of `corpus_bytes`: twice the corpus
/// plus 1 MiB. An entry is taken from the corpus (its candidates, or its records without
/// JSON's punctuation), so a real one is smaller; an entry over the cap is neither written
/// nor read.
pub fn cap_for(corpus_bytes: u64) -> u64 {
    corpus_bytes.saturating_mul(2).saturating_add(CAP_SLACK)
}

/// The entry named `prefix` in `cache` for the corpus at `path`; `None` when the corpus's
/// files cannot be listed (the load will then report why). Made before the corpus is read:
/// what is built from a corpus that changes while it loads is kept under the key of the
/// corpus before the change, which no later run asks for.
pub fn entry_for(cache: &Path, path: &Path, prefix: &str) -> Option<Entry> {
    let canonical = std::fs::canonicalize(path).ok()?;
    let mut key = Vec::new();
    // A new build of entente may write entries differently: its own file is in the key.
    if let Ok(exe) = std::env::current_exe() {
        push_stat(&mut key, &exe)?;
    }
    let mut corpus_bytes = push_stat(&mut key, &canonical)?;
    if canonical.is_dir() {
        corpus_bytes = 0;
        let mut files: Vec<PathBuf> = std::fs::read_dir(&canonical)
            .ok()?
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|x| x == "json"))
            .collect();
        files.sort();
        for file in &files {
            corpus_bytes = corpus_bytes.saturating_add(push_stat(&mut key, file)?);
        }
    }
    // One entry per corpus path (the rest of the key is checked inside).
    let name = format!(
        "{prefix}{:016x}.bin",
        checksum(canonical.to_string_lossy().as_bytes())
    );
    Some(Entry {
        file: cache.join(name),
        key,
        cap: cap_for(corpus_bytes),
    })
}

impl Entry {
    /// Writes `bytes` as the entry (when they fit under its cap).
    pub fn write(&self, bytes: &[u8]) -> anyhow::Result<()> {
        if bytes.len() as u64 > self.cap {
            anyhow::bail!("the entry outweighs the cache's cap");
        }
        self.write_with(|out| Ok(out.write_all(bytes)?))
    }

    /// Writes the entry as `write` streams it (never held whole), first removing what killed
    /// writers left; the entry is put in place only if `write` succeeds and wrote at most the
    /// cap.
    pub fn write_with(
        &self,
        write: impl FnOnce(&mut dyn Write) -> anyhow::Result<()>,
    ) -> anyhow::Result<()> {
        let dir = self
            .file
            .parent()
            .ok_or_else(|| anyhow::anyhow!("the cache file has no directory"))?;
        std::fs::create_dir_all(dir)?;
        remove_leftovers(dir, &self.prefix());
        let cap = self.cap;
        crate::atomic::replace_with(&self.file, |out| {
            let mut capped = Capped { out, left: cap };
            write(&mut capped)
        })
    }
}

impl Entry {
    /// The prefix of the entry's name (its kind), up to and with its `-`.
    fn prefix(&self) -> String {
        let name = self
            .file
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        match name.find('-') {
            Some(dash) => name[..=dash].to_string(),
            None => name,
        }
    }
}

/// A writer that fails once more than its cap would be written.
struct Capped<'a> {
    out: &'a mut dyn Write,
    left: u64,
}

impl Write for Capped<'_> {
    fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
        if bytes.len() as u64 > self.left {
            return Err(std::io::Error::other("the entry outweighs the cache's cap"));
        }
        let written = self.out.write(bytes)?;
        self.left -= written as u64;
        Ok(written)
    }

    fn flush(&mut self) -> std::io::Result<()> {
        self.out.flush()
    }
}

/// The cache file at `file`, opened, with its length, or `None` (a miss) unless it is a
/// regular file owned by the user, at most `cap` bytes long. Never follows a symbolic link,
/// never blocks on a FIFO. (A reader must still take no more than the length: the file may
/// grow after it was measured.)
pub fn open_bounded(file: &Path, cap: u64) -> Option<(File, u64)> {
    let handle: File = OpenOptions::new()
        .read(true)
        .custom_flags(libc::O_NOFOLLOW | libc::O_NONBLOCK | libc::O_NOCTTY)
        .open(file)
        .ok()?;
    let meta = handle.metadata().ok()?;
    let own = meta.uid() == rustix::process::geteuid().as_raw();
    if !meta.is_file() || !own || meta.len() > cap {
        return None;
    }
    Some((handle, meta.len()))
}

/// Removes the temporary files of cache writes of entries named `prefix` that never
/// finished (a process killed while writing). Only the same kind's: the browser writes both
/// kinds at once, each removing the other's file at work would lose it. A concurrent writer
/// of the same kind (another process) whose file is removed only fails to cache, which is
/// harmless.
pub fn remove_leftovers(dir: &Path, prefix: &str) {
    let Ok(listing) = std::fs::read_dir(dir) else {
        return;
    };
    for item in listing.flatten() {
        let name = item.file_name();
        let name = name.to_string_lossy();
        let temporary = name.strip_prefix('.').is_some_and(|rest| {
            rest.starts_with(prefix)
                // Ours, and those of versions that named them `.NAME.tmp-PID`.
                && (rest.ends_with(crate::atomic::TEMPORARY_SUFFIX) || rest.contains(".tmp-"))
        });
        if temporary {
            let _ = std::fs::remove_file(item.path());
        }
    }
}

/// Appends a file's path, size, modification and status-change times (nanoseconds), inode
/// and device to a key; returns its size.
fn push_stat(key: &mut Vec<u8>, path: &Path) -> Option<u64> {
    let meta = std::fs::metadata(path).ok()?;
    push_str(key, &path.to_string_lossy());
    for field in [
        meta.len(),
        meta.mtime() as u64,
        meta.mtime_nsec() as u64,
        meta.ctime() as u64,
        meta.ctime_nsec() as u64,
        meta.ino(),
        meta.dev(),
    ] {
        key.extend_from_slice(&field.to_le_bytes());
    }
    Some(meta.len())
}

fn push_str(out: &mut Vec<u8>, s: &str) {
    let len = u32::try_from(s.len()).unwrap_or(u32::MAX);
    out.extend_from_slice(&len.to_le_bytes());
    out.extend_from_slice(&s.as_bytes()[..len as usize]);
}

/// A fast 64-bit checksum (word-at-a-time multiply-xor): it catches damage, not attacks —
/// the cache lives in the user's own directory.
pub fn checksum(bytes: &[u8]) -> u64 {
    const K: u64 = 0x9E37_79B9_7F4A_7C15;
    let mut h: u64 = 0xCBF2_9CE4_8422_2325 ^ bytes.len() as u64;
    let mut words = bytes.chunks_exact(8);
    for w in &mut words {
        let mut b = [0u8; 8];
        b.copy_from_slice(w);
        h = (h ^ u64::from_le_bytes(b)).wrapping_mul(K).rotate_left(29);
    }
    for &b in words.remainder() {
        h = (h ^ u64::from(b)).wrapping_mul(K).rotate_left(29);
    }
    h ^ (h >> 31)
}

/// The rules of [`open_bounded`] as seen through a reader of an entry (`read(file, cap)`, its
/// bytes or `None`): the entry within the cap is read whole; one over the cap, a symbolic
/// link, a FIFO (not waited on) and a directory are not. For the tests of each kind of entry.
#[cfg(test)]
pub(crate) fn assert_only_regular_files_within_the_cap_are_read(
    read: impl Fn(&Path, u64) -> Option<Vec<u8>>,
) {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("entry.bin");
    std::fs::write(&file, b"0123456789").unwrap();
    assert_eq!(read(&file, 10).as_deref(), Some(&b"0123456789"[..]));
    assert!(read(&file, 9).is_none(), "over the cap");
    let link = dir.path().join("link.bin");
    std::os::unix::fs::symlink(&file, &link).unwrap();
    assert!(read(&link, 10).is_none(), "a link is not followed");
    let fifo = dir.path().join("fifo.bin");
    let made = std::process::Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .unwrap();
    assert!(made.success());
    assert!(
        read(&fifo, 10).is_none(),
        "a FIFO is not read, nor waited on"
    );
    assert!(read(dir.path(), 10).is_none(), "a directory is not read");
}

#[cfg(test)]
mod tests {
    use super::*;

    fn bytes_of(file: &Path, cap: u64) -> Option<Vec<u8>> {
        use std::io::Read;
        let (handle, len) = open_bounded(file, cap)?;
        let mut bytes = Vec::new();
        handle.take(len).read_to_end(&mut bytes).ok()?;
        Some(bytes)
    }

    #[test]
    fn only_the_users_regular_file_within_the_cap_is_opened() {
        assert_only_regular_files_within_the_cap_are_read(bytes_of);
    }

    #[test]
    fn leftovers_of_one_kinds_writes_are_removed_and_nothing_else() {
        let dir = tempfile::tempdir().unwrap();
        for name in [
            ".candidates-00ab.bin.x1Y2z3.tmp",
            ".candidates-00ab.bin.tmp-4242",
            ".corpus-00ab.bin.q9W8e7.tmp",
            "candidates-00ab.bin",
            "corpus-00ab.bin",
            "notes.txt",
            ".other.tmp",
        ] {
            std::fs::write(dir.path().join(name), "x").unwrap();
        }
        remove_leftovers(dir.path(), FINDER_PREFIX);
        let mut left: Vec<String> = std::fs::read_dir(dir.path())
            .unwrap()
            .flatten()
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .collect();
        left.sort();
        assert_eq!(
            left,
            [
                ".corpus-00ab.bin.q9W8e7.tmp",
                ".other.tmp",
                "candidates-00ab.bin",
                "corpus-00ab.bin",
                "notes.txt"
            ],
            "the other kind's temporary file (a writer at work in the same browser) is left"
        );
        let entry = Entry {
            file: dir.path().join("corpus-00ab.bin"),
            key: Vec::new(),
            cap: 8,
        };
        assert_eq!(entry.prefix(), CORPUS_PREFIX);
    }

    #[test]
    fn a_write_over_the_cap_leaves_no_entry_and_no_temporary() {
        let dir = tempfile::tempdir().unwrap();
        let entry = Entry {
            file: dir.path().join("cache").join("corpus-0.bin"),
            key: Vec::new(),
            cap: 8,
        };
        assert!(entry.write(b"123456789").is_err());
        assert!(
            entry
                .write_with(|out| Ok(out
                    .write_all(b"1234")
                    .and_then(|()| out.write_all(b"56789"))?))
                .is_err(),
            "streamed past the cap"
        );
        let left: Vec<_> = std::fs::read_dir(dir.path().join("cache"))
            .unwrap()
            .flatten()
            .collect();
        assert!(left.is_empty(), "{left:?}");
        entry.write(b"12345678").unwrap();
        assert_eq!(std::fs::read(&entry.file).unwrap(), b"12345678");
    }

    #[test]
    fn the_two_kinds_of_entry_of_a_corpus_share_its_key_not_their_file() {
        let dir = tempfile::tempdir().unwrap();
        let corpus = dir.path().join("c.json");
        std::fs::write(&corpus, "{}").unwrap();
        let finder = entry_for(dir.path(), &corpus, FINDER_PREFIX).unwrap();
        let loaded = entry_for(dir.path(), &corpus, CORPUS_PREFIX).unwrap();
        assert_eq!(finder.key, loaded.key);
        assert_ne!(finder.file, loaded.file);
        assert_eq!(finder.cap, cap_for(2));
        // The file changed (its size and times): another key.
        std::fs::write(&corpus, "{ }").unwrap();
        assert_ne!(
            entry_for(dir.path(), &corpus, CORPUS_PREFIX).unwrap().key,
            loaded.key
        );
    }

    #[test]
    fn the_cap_leaves_room_for_a_small_corpus_and_grows_with_it() {
        assert_eq!(cap_for(0), CAP_SLACK);
        assert_eq!(cap_for(100 << 20), (200 << 20) + CAP_SLACK);
        assert_eq!(cap_for(u64::MAX), u64::MAX, "no overflow");
    }
}
