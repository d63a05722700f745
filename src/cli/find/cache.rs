//! The validated-candidates cache: what `entente find --corpus PATH` reads instead of parsing
//! and validating the whole corpus again.
//!
//! Parsing and validating a 130 MB corpus takes seconds; its finder candidates are a few MB.
//! After a corpus loads and validates, its candidates are written to
//! `$XDG_CACHE_HOME/entente/` (or `~/.cache/entente/`), keyed by the corpus's canonical path
//! and, for each of its files (and the directory, so an added or removed file changes the
//! key), the path, size, modification and status-change times (nanoseconds), inode and
//! device, and the same of the running executable (a new build may build candidates
//! differently). The inode and change time catch a file replaced with its modification time
//! preserved (`touch -r`, `cp -p`, `rsync -t`). The cache is never the only truth: a missing,
//! stale, truncated or corrupt entry (checked by its header and a checksum) is ignored and rebuilt from the
//! corpus, and failing to write it is not an error. `ENTENTE_NO_CACHE=1` turns it off.
//!
//! Reading is bounded: the entry is opened without following a symbolic link and without
//! blocking (a FIFO cannot hang `find`), and is read only when it is a regular file owned by
//! the user and at most [`cap_for`] bytes long (a sparse or endless file is not read).
//! Anything else is a miss, and the rebuilt entry replaces it. Writes go through
//! [`crate::atomic::replace`]; temporary files that a killed writer left in the cache
//! directory are removed at the next write. `find` writes a fresh entry on another thread
//! while it searches and prints ([`with_index`]), and waits for that write before it ends.
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

use std::fs::{File, OpenOptions};
use std::os::unix::fs::{MetadataExt, OpenOptionsExt};
use std::path::{Path, PathBuf};

use crate::app::finder::FinderCache;
use crate::corpus::{Problems, load_path};
use crate::search::fuzzy::{FinderIndex, Store};

/// Every cache entry's name starts with this (`candidates-HASH.bin`); its temporary files
/// start with a dot and it (see [`crate::atomic`]).
const ENTRY_PREFIX: &str = "candidates-";
/// The slack in [`cap_for`] for a corpus whose candidates outweigh its text (a tiny one).
const CAP_SLACK: u64 = 1024 * 1024;

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

/// The cache file of one corpus, the key it must hold, and the most bytes it may have.
struct Entry {
    file: PathBuf,
    key: Vec<u8>,
    cap: u64,
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
    with_index_in(cache_in_use(), path, access, leftovers, use_index)
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
            scope.spawn(move || write_entry(entry, bytes));
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
    let entry = cache.and_then(|dir| entry_for(&dir, path));
    if let Some(index) = entry.as_ref().and_then(|e| e.open(access)) {
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

impl Entry {
    /// The index the entry holds, when it is there, safe to take in and valid under its key.
    fn open(&self, access: Access) -> Option<FinderIndex> {
        let store = open_bounded(&self.file, self.cap, access)?;
        FinderIndex::open(store, &self.key).ok()
    }
}

/// The cache entry of the corpus at `path`, for the browser's finder (see the module
/// documentation); `None` when the cache is off or the corpus's files cannot be listed. Made
/// before the corpus is loaded, as `find` does: an index built from a corpus that changes
/// while it loads is kept under the key of the corpus before the change, which no later run
/// asks for.
pub fn for_browser(path: &Path) -> Option<Box<dyn FinderCache>> {
    Some(Box::new(entry_for(&cache_in_use()?, path)?))
}

impl FinderCache for Entry {
    fn open(&self) -> Option<FinderIndex> {
        Entry::open(self, Access::Read)
    }

    fn key(&self) -> &[u8] {
        &self.key
    }

    fn keep(&self, index: &FinderIndex) {
        // A cache that cannot be written (read-only home, full disk) only costs time.
        let _ = write_entry(self, index.bytes());
    }
}

/// The most bytes a cache entry may have for a corpus of `corpus_bytes`: twice the corpus
/// plus 1 MiB. Candidates are names, ids and short details taken from the corpus, so a real
/// entry is far smaller; an entry over the cap is neither written nor read.
pub fn cap_for(corpus_bytes: u64) -> u64 {
    corpus_bytes.saturating_mul(2).saturating_add(CAP_SLACK)
}

/// The cache file at `file`, mapped or read, or `None` (a miss) unless it is a regular file
/// owned by the user, at most `cap` bytes long. Never follows a symbolic link, never blocks
/// on a FIFO, never takes in more than `cap` bytes.
fn open_bounded(file: &Path, cap: u64, access: Access) -> Option<Store> {
    let mut handle: File = OpenOptions::new()
        .read(true)
        .custom_flags(libc::O_NOFOLLOW | libc::O_NONBLOCK | libc::O_NOCTTY)
        .open(file)
        .ok()?;
    let meta = handle.metadata().ok()?;
    let own = meta.uid() == rustix::process::geteuid().as_raw();
    if !meta.is_file() || !own || meta.len() > cap {
        return None;
    }
    let len = usize::try_from(meta.len()).ok()?;
    let store = match access {
        Access::Map => Store::map(&handle)?,
        Access::Read => Store::read(&mut handle, len)?,
    };
    // A file that grew after its size was read is not taken.
    (store.bytes().len() as u64 <= cap).then_some(store)
}

/// Writes an entry (when it fits under its cap), first removing what killed writers left.
fn write_entry(entry: &Entry, bytes: &[u8]) -> anyhow::Result<()> {
    if bytes.len() as u64 > entry.cap {
        anyhow::bail!("the candidates outweigh the cache's cap");
    }
    let dir = entry
        .file
        .parent()
        .ok_or_else(|| anyhow::anyhow!("the cache file has no directory"))?;
    std::fs::create_dir_all(dir)?;
    remove_leftovers(dir);
    crate::atomic::replace(&entry.file, bytes)
}

/// Removes the temporary files of cache writes that never finished (a process killed while
/// writing). A concurrent writer whose file is removed only fails to cache, which is harmless.
fn remove_leftovers(dir: &Path) {
    let Ok(listing) = std::fs::read_dir(dir) else {
        return;
    };
    for item in listing.flatten() {
        let name = item.file_name();
        let name = name.to_string_lossy();
        let temporary = name.strip_prefix('.').is_some_and(|rest| {
            rest.starts_with(ENTRY_PREFIX)
                // Ours, and those of versions that named them `.NAME.tmp-PID`.
                && (rest.ends_with(crate::atomic::TEMPORARY_SUFFIX) || rest.contains(".tmp-"))
        });
        if temporary {
            let _ = std::fs::remove_file(item.path());
        }
    }
}

/// The cache directory, unless `ENTENTE_NO_CACHE` turns the cache off.
fn cache_in_use() -> Option<PathBuf> {
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

/// The cache entry in `cache` for the corpus at `path`; `None` when the corpus's files
/// cannot be listed (the load will then report why).
fn entry_for(cache: &Path, path: &Path) -> Option<Entry> {
    let canonical = std::fs::canonicalize(path).ok()?;
    let mut key = Vec::new();
    // A new build of entente may build candidates differently: its own file is in the key.
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
    // One entry per corpus path (the rest of the key is checked inside), so editing a corpus
    // replaces its entry instead of adding one.
    let name = format!(
        "{ENTRY_PREFIX}{:016x}.bin",
        checksum(canonical.to_string_lossy().as_bytes())
    );
    Some(Entry {
        file: cache.join(name),
        key,
        cap: cap_for(corpus_bytes),
    })
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
fn checksum(bytes: &[u8]) -> u64 {
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
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("entry.bin");
        std::fs::write(&file, b"0123456789").unwrap();
        for access in [Access::Map, Access::Read] {
            assert_eq!(
                bytes_of(&file, 10, access).as_deref(),
                Some(&b"0123456789"[..])
            );
            assert!(bytes_of(&file, 9, access).is_none(), "over the cap");
            let link = dir.path().join("link.bin");
            let _ = std::fs::remove_file(&link);
            std::os::unix::fs::symlink(&file, &link).unwrap();
            assert!(
                bytes_of(&link, 10, access).is_none(),
                "a link is not followed"
            );
            let fifo = dir.path().join("fifo.bin");
            let _ = std::fs::remove_file(&fifo);
            let made = std::process::Command::new("mkfifo")
                .arg(&fifo)
                .status()
                .unwrap();
            assert!(made.success());
            assert!(
                bytes_of(&fifo, 10, access).is_none(),
                "a FIFO is not read, nor waited on"
            );
            assert!(
                bytes_of(dir.path(), 10, access).is_none(),
                "a directory is not read"
            );
        }
    }

    #[test]
    fn leftovers_of_cache_writes_are_removed_and_nothing_else() {
        let dir = tempfile::tempdir().unwrap();
        for name in [
            ".candidates-00ab.bin.x1Y2z3.tmp",
            ".candidates-00ab.bin.tmp-4242",
            "candidates-00ab.bin",
            "notes.txt",
            ".other.tmp",
        ] {
            std::fs::write(dir.path().join(name), "x").unwrap();
        }
        remove_leftovers(dir.path());
        let mut left: Vec<String> = std::fs::read_dir(dir.path())
            .unwrap()
            .flatten()
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .collect();
        left.sort();
        assert_eq!(left, [".other.tmp", "candidates-00ab.bin", "notes.txt"]);
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
        let key = entry_for(&cache, &path).unwrap().key;
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
            assert!(matcher.use_cache(Box::new(entry_for(&cache, &path).unwrap())));
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

    #[test]
    fn the_cap_leaves_room_for_a_small_corpus_and_grows_with_it() {
        assert_eq!(cap_for(0), CAP_SLACK);
        assert_eq!(cap_for(100 << 20), (200 << 20) + CAP_SLACK);
        assert_eq!(cap_for(u64::MAX), u64::MAX, "no overflow");
    }
}
