//! The validated-candidates cache: what `entente find --corpus PATH` reads instead of parsing
//! and validating the whole corpus again.
//!
//! Parsing and validating a 130 MB corpus takes seconds; its finder candidates are a few MB.
//! After a corpus loads and validates, its candidates are written to the user's cache
//! directory as an entry `candidates-HASH.bin`, under the rules every cache entry follows
//! (where it lives, its key of the corpus's and the executable's file status, the bounded
//! no-follow open, the atomic write, `ENTENTE_NO_CACHE=1`): see [`crate::cache`]. The cache
//! is never the only truth: a missing, stale, truncated or corrupt entry (checked by its
//! header and a checksum) is ignored and rebuilt from the corpus, and failing to write it is
//! not an error. `find` writes a fresh entry on another thread while it searches and prints
//! ([`with_index`]), and waits for that write before it ends.
//!
//! The entry is a [`FinderIndex`] file (see `search::fuzzy::index` for its format), keyed by
//! the key above: it is mapped and searched in place, with no decoding step. A header of
//! another version, a length that is not the file's, or another key makes it a miss.
//!
//! The browser's finder uses the same entry ([`for_browser`]): on a corpus read from a file it
//! opens the entry `find` wrote, or writes it after building the index itself, so either
//! program finds what the other built. It reads the entry into memory ([`Access::Read`])
//! rather than mapping it: it runs for as long as the user likes, in raw mode, and a file
//! truncated under a mapping would end it with the terminal left raw (see
//! `search::fuzzy::store`). The bytes in memory are the same either way.

use std::path::{Path, PathBuf};

use crate::app::finder::FinderCache;
use crate::cache::{self, Entry, FINDER_PREFIX};
use crate::corpus::{Problems, load_path};
use crate::search::fuzzy::{FinderIndex, Store};

/// Where the candidates came from: the cache, or a full load (then written to the cache).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Origin {
    Cache,
    Corpus,
}

/// How an entry's bytes are brought in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Access {
    /// Mapped (see `search::fuzzy::store` for what a truncation by another process does).
    Map,
    /// Read in one read into one buffer.
    Read,
}

/// What becomes of the corpus that a fresh build leaves behind.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Leftovers {
    /// Freed as usual.
    Free,
    /// Never freed (`std::mem::forget`): for a process that ends once the index is used,
    /// where the system takes the memory back at once. Freeing a 100k corpus record by
    /// record took 140–160 ms of a cold `find` (BENCHMARKS.md).
    LeaveToExit,
}

/// The finder index of the corpus at `path`, from the cache when it is fresh, else by
/// loading and validating the corpus (every problem reported as by `load_path`), handed to
/// `use_index`; returns what that returns. A fresh index is written to the cache on another
/// thread while `use_index` runs (the search and its output need not wait for the disk),
/// and this returns only once that write has ended: the entry is then whole, or was never
/// put in place (see [`crate::atomic::replace`]), whatever the process does next.
pub fn with_index<R>(
    path: &Path,
    access: Access,
    leftovers: Leftovers,
    use_index: impl FnOnce(&FinderIndex, Origin) -> R,
) -> Result<R, Problems> {
    with_index_in(cache::in_use(), path, access, leftovers, use_index)
}

/// [`with_index`] with the cache in `cache` (`None`: no cache).
fn with_index_in<R>(
    cache: Option<PathBuf>,
    path: &Path,
    access: Access,
    leftovers: Leftovers,
    use_index: impl FnOnce(&FinderIndex, Origin) -> R,
) -> Result<R, Problems> {
    let (index, origin, entry) = open_or_build(cache, path, access, leftovers)?;
    Ok(std::thread::scope(|scope| {
        if let Some(entry) = &entry {
            let bytes = index.bytes();
            // A cache that cannot be written (read-only home, full disk) only costs time.
            scope.spawn(move || entry.write(bytes));
        }
        use_index(&index, origin)
    }))
}

/// The index from the cache entry when it is fresh, else built from the corpus together
/// with the entry to write it to (`None` when the cache is off or the corpus's files cannot
/// be listed).
fn open_or_build(
    cache: Option<PathBuf>,
    path: &Path,
    access: Access,
    leftovers: Leftovers,
) -> Result<(FinderIndex, Origin, Option<Entry>), Problems> {
    let entry = cache.and_then(|dir| cache::entry_for(&dir, path, FINDER_PREFIX));
    if let Some(index) = entry.as_ref().and_then(|e| open_index(e, access)) {
        return Ok((index, Origin::Cache, None));
    }
    let loaded = load_path(path)?;
    let key = entry.as_ref().map_or(&[][..], |e| &e.key);
    // Made a part at a time: the candidates are never all held (each part's are freed as it
    // is folded, on both cores).
    let index = FinderIndex::build_from_corpus(&loaded.corpus, key);
    if leftovers == Leftovers::LeaveToExit {
        std::mem::forget(loaded);
    }
    Ok((index, Origin::Corpus, entry))
}

/// The index `entry` holds, when it is there, safe to take in and valid under its key.
fn open_index(entry: &Entry, access: Access) -> Option<FinderIndex> {
    let store = open_bounded(&entry.file, entry.cap, access)?;
    FinderIndex::open(store, &entry.key).ok()
}

/// The cache entry of the corpus at `path`, for the browser's finder (see the module
/// documentation); `None` when the cache is off or the corpus's files cannot be listed. Made
/// before the corpus is loaded, as `find` does: an index built from a corpus that changes
/// while it loads is kept under the key of the corpus before the change, which no later run
/// asks for.
pub fn for_browser(path: &Path) -> Option<Box<dyn FinderCache>> {
    Some(Box::new(cache::entry_for(
        &cache::in_use()?,
        path,
        FINDER_PREFIX,
    )?))
}

impl FinderCache for Entry {
    fn open(&self) -> Option<FinderIndex> {
        open_index(self, Access::Read)
    }

    fn key(&self) -> &[u8] {
        &self.key
    }

    fn keep(&self, index: &FinderIndex) {
        // A cache that cannot be written (read-only home, full disk) only costs time.
        let _ = self.write(index.bytes());
    }
}

/// The cache file at `file`, mapped or read, or `None` (a miss) unless it is a regular file
/// owned by the user, at most `cap` bytes long. Never follows a symbolic link, never blocks
/// on a FIFO, never takes in more than `cap` bytes.
fn open_bounded(file: &Path, cap: u64, access: Access) -> Option<Store> {
    let (mut handle, len) = cache::open_bounded(file, cap)?;
    let len = usize::try_from(len).ok()?;
    let store = match access {
        Access::Map => Store::map(&handle)?,
        Access::Read => Store::read(&mut handle, len)?,
    };
    // A file that grew after its size was read is not taken.
    (store.bytes().len() as u64 <= cap).then_some(store)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::search::fuzzy::candidates_from;

    fn bytes_of(file: &Path, cap: u64, access: Access) -> Option<Vec<u8>> {
        open_bounded(file, cap, access).map(|s| s.bytes().to_vec())
    }

    #[test]
    fn an_entry_opens_mapped_or_read_under_its_key_only_and_whole() {
        let corpus = crate::synth::generate(crate::synth::Spec::with_candidates(3_000));
        let candidates = candidates_from(&corpus);
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("candidates-0.bin");
        let built = FinderIndex::build_keyed(&candidates, b"stat key");
        let cap = built.bytes().len() as u64;
        std::fs::write(&file, built.bytes()).unwrap();
        for access in [Access::Map, Access::Read] {
            let store = open_bounded(&file, cap, access).unwrap();
            let index = FinderIndex::open(store, b"stat key").unwrap();
            assert_eq!(index.len(), candidates.len(), "{access:?}");
            let id = index.candidate(7).unwrap().id;
            assert_eq!(id.as_str(), Some(candidates[7].id.as_str()));
            let other = open_bounded(&file, cap, access).unwrap();
            assert!(
                FinderIndex::open(other, b"other key").is_err(),
                "{access:?}"
            );
        }
        // A truncated entry (a writer that died, a full disk) is refused, mapped or read.
        let half = built.bytes().len() / 2;
        std::fs::write(&file, &built.bytes()[..half]).unwrap();
        for access in [Access::Map, Access::Read] {
            let store = open_bounded(&file, cap, access).unwrap();
            assert!(FinderIndex::open(store, b"stat key").is_err(), "{access:?}");
        }
    }

    #[test]
    fn only_the_users_regular_file_within_the_cap_is_taken() {
        for access in [Access::Map, Access::Read] {
            crate::cache::assert_only_regular_files_within_the_cap_are_read(|file, cap| {
                bytes_of(file, cap, access)
            });
        }
    }

    #[test]
    fn a_fresh_index_is_searched_while_its_entry_is_written_and_the_entry_is_whole_after() {
        let dir = tempfile::tempdir().unwrap();
        let corpus = crate::synth::generate(crate::synth::Spec::with_candidates(2_000));
        let path = dir.path().join("corpus.json");
        std::fs::write(&path, serde_json::to_string(&corpus).unwrap()).unwrap();
        let cache = dir.path().join("cache");
        let expected = FinderIndex::build(&candidates_from(&corpus));
        let entry_file = || -> Vec<PathBuf> {
            std::fs::read_dir(&cache)
                .map(|d| d.flatten().map(|e| e.path()).collect())
                .unwrap_or_default()
        };
        let mut written = Vec::new();
        for (leftovers, origin) in [
            (Leftovers::LeaveToExit, Origin::Corpus),
            (Leftovers::Free, Origin::Cache),
        ] {
            let (len, seen) = with_index_in(
                Some(cache.clone()),
                &path,
                Access::Read,
                leftovers,
                |index, seen| (index.len(), seen),
            )
            .unwrap();
            assert_eq!((len, seen), (expected.len(), origin), "{leftovers:?}");
            // Written before `with_index` returned, whole: the second run opens it.
            let files = entry_file();
            assert_eq!(files.len(), 1, "one entry and no temporary file: {files:?}");
            written.push(std::fs::read(&files[0]).unwrap());
        }
        assert_eq!(written[0], written[1], "the cache was read, not rewritten");
        let store = Store::from_bytes(&written[0]);
        let key = cache::entry_for(&cache, &path, FINDER_PREFIX).unwrap().key;
        let opened = FinderIndex::open(store, &key).unwrap();
        assert_eq!(opened.len(), expected.len());
        assert_eq!(
            opened.candidate(9).unwrap().id,
            expected.candidate(9).unwrap().id
        );
    }

    #[test]
    fn the_browser_and_find_share_one_entry() {
        use crate::app::finder::{FinderMatcher, LazyFinder};
        let dir = tempfile::tempdir().unwrap();
        let corpus = crate::synth::generate(crate::synth::Spec::with_candidates(1_500));
        let path = dir.path().join("corpus.json");
        std::fs::write(&path, serde_json::to_string(&corpus).unwrap()).unwrap();
        let cache = dir.path().join("cache");
        let corpus = std::sync::Arc::new(corpus);
        let browse = |corpus: Option<std::sync::Arc<crate::corpus::Corpus>>| {
            let lazy = LazyFinder::of_corpus(corpus.unwrap_or_default());
            let mut matcher = FinderMatcher::with_finder(lazy);
            assert!(matcher.use_cache(Box::new(
                cache::entry_for(&cache, &path, FINDER_PREFIX).unwrap()
            )));
            matcher.ask("dialogue").unwrap()
        };
        // No entry: the browser builds the index and writes it, whole, where `find` looks.
        let built = browse(Some(std::sync::Arc::clone(&corpus)));
        assert!(built.total > 0);
        let (len, origin) = with_index_in(
            Some(cache.clone()),
            &path,
            Access::Map,
            Leftovers::Free,
            |index, origin| (index.len(), origin),
        )
        .unwrap();
        assert_eq!(origin, Origin::Cache, "find opens what the browser wrote");
        assert_eq!(len, candidates_from(&corpus).len());
        // Now the browser opens it too: the same results from an empty corpus show that
        // nothing was built.
        assert_eq!(browse(None), built);
        // A corpus changed since makes the entry a miss: the browser builds again.
        std::fs::write(&path, serde_json::to_string(&*corpus).unwrap() + " ").unwrap();
        assert_eq!(
            browse(None).total,
            0,
            "the stale entry is not used (the empty corpus is)"
        );
    }
}
