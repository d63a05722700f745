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
//! stale, truncated or corrupt entry (checked by a checksum) is ignored and rebuilt from the
//! corpus, and failing to write it is not an error. `ENTENTE_NO_CACHE=1` turns it off.
//!
//! Reading is bounded: the entry is opened without following a symbolic link and without
//! blocking (a FIFO cannot hang `find`), and is read only when it is a regular file owned by
//! the user and at most [`cap_for`] bytes long (a sparse or endless file is not read).
//! Anything else is a miss, and the rebuilt entry replaces it. Writes go through
//! [`crate::atomic::replace`]; temporary files that a killed writer left in the cache
//! directory are removed at the next write.
//!
//! Format (little-endian): a magic line, the key (length-prefixed), the number of candidates,
//! the end offsets of the chunks of `CHUNK` candidates (so they decode in parallel), each
//! candidate as a kind byte and length-prefixed id, label (unless it is the first key),
//! detail and keys, then a checksum of everything before it.

use std::fs::OpenOptions;
use std::io::Read;
use std::os::unix::fs::{MetadataExt, OpenOptionsExt};
use std::path::{Path, PathBuf};

use rayon::prelude::*;

use crate::corpus::{Problems, load_path};
use crate::search::fuzzy::{Candidate, Kind, candidates_from};

/// Bumped whenever the format, the key or the way candidates are built changes.
const MAGIC: &[u8] = b"entente-candidates v4\n";
/// Candidates per chunk; chunks are decoded in parallel.
const CHUNK: usize = 4096;
/// Set in a candidate's kind byte when its label is its first key (the usual case), which is
/// then stored once.
const LABEL_IS_KEY: u8 = 0x80;
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

/// The cache file of one corpus, the key it must hold, and the most bytes it may have.
struct Entry {
    file: PathBuf,
    key: Vec<u8>,
    cap: u64,
}

/// The finder candidates of the corpus at `path`, from the cache when it is fresh, else by
/// loading and validating the corpus (every problem reported as by `load_path`).
pub fn candidates_for(path: &Path) -> Result<(Vec<Candidate>, Origin), Problems> {
    let disabled = std::env::var_os("ENTENTE_NO_CACHE").is_some_and(|v| !v.is_empty());
    let entry = if disabled { None } else { entry_for(path) };
    if let Some(entry) = &entry
        && let Some(bytes) = read_bounded(&entry.file, entry.cap)
        && let Some(candidates) = decode(&bytes, &entry.key)
    {
        return Ok((candidates, Origin::Cache));
    }
    let loaded = load_path(path)?;
    let candidates = candidates_from(&loaded.corpus);
    if let Some(entry) = entry {
        // A cache that cannot be written (read-only home, full disk) only costs time.
        let _ = write_entry(&entry, &encode(&entry.key, &candidates));
    }
    Ok((candidates, Origin::Corpus))
}

/// The most bytes a cache entry may have for a corpus of `corpus_bytes`: twice the corpus
/// plus 1 MiB. Candidates are names, ids and short details taken from the corpus, so a real
/// entry is far smaller; an entry over the cap is neither written nor read.
pub fn cap_for(corpus_bytes: u64) -> u64 {
    corpus_bytes.saturating_mul(2).saturating_add(CAP_SLACK)
}

/// The bytes of the cache file at `file`, or `None` (a miss) unless it is a regular file owned
/// by the user, at most `cap` bytes long. Never follows a symbolic link, never blocks on a
/// FIFO, never reads more than `cap + 1` bytes.
fn read_bounded(file: &Path, cap: u64) -> Option<Vec<u8>> {
    let handle = OpenOptions::new()
        .read(true)
        .custom_flags(libc::O_NOFOLLOW | libc::O_NONBLOCK | libc::O_NOCTTY)
        .open(file)
        .ok()?;
    let meta = handle.metadata().ok()?;
    let own = meta.uid() == rustix::process::geteuid().as_raw();
    if !meta.is_file() || !own || meta.len() > cap {
        return None;
    }
    let mut bytes = Vec::with_capacity(usize::try_from(meta.len()).ok()?);
    // `take` guards a file that grows after the size was read.
    handle.take(cap + 1).read_to_end(&mut bytes).ok()?;
    (bytes.len() as u64 <= cap).then_some(bytes)
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

/// The cache directory: `$XDG_CACHE_HOME/entente`, else `$HOME/.cache/entente`.
pub fn cache_dir() -> Option<PathBuf> {
    let base = match std::env::var_os("XDG_CACHE_HOME") {
        Some(x) if Path::new(&x).is_absolute() => PathBuf::from(x),
        _ => PathBuf::from(std::env::var_os("HOME")?).join(".cache"),
    };
    Some(base.join("entente"))
}

/// The cache entry for the corpus at `path`; `None` when the corpus's files cannot be listed
/// (the load will then report why).
fn entry_for(path: &Path) -> Option<Entry> {
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
        file: cache_dir()?.join(name),
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

/// The cache file's bytes for these candidates under this key.
pub fn encode(key: &[u8], candidates: &[Candidate]) -> Vec<u8> {
    let size: usize = candidates
        .iter()
        .map(|c| {
            17 + c.id.len()
                + c.label.len()
                + c.detail.len()
                + c.keys.iter().map(|k| k.len() + 4).sum::<usize>()
        })
        .sum();
    let mut out = Vec::with_capacity(MAGIC.len() + key.len() + size + 32);
    out.extend_from_slice(MAGIC);
    out.extend_from_slice(&(key.len() as u64).to_le_bytes());
    out.extend_from_slice(key);
    out.extend_from_slice(&(candidates.len() as u64).to_le_bytes());
    let mut body = Vec::with_capacity(size);
    let mut ends = Vec::new();
    for chunk in candidates.chunks(CHUNK) {
        for c in chunk {
            let kind = Kind::ALL.iter().position(|k| *k == c.kind).unwrap_or(0) as u8;
            let label_is_key = c.keys.first() == Some(&c.label);
            body.push(if label_is_key {
                kind | LABEL_IS_KEY
            } else {
                kind
            });
            push_str(&mut body, &c.id);
            if !label_is_key {
                push_str(&mut body, &c.label);
            }
            push_str(&mut body, &c.detail);
            body.extend_from_slice(&(c.keys.len() as u32).to_le_bytes());
            for k in &c.keys {
                push_str(&mut body, k);
            }
        }
        ends.push(body.len() as u64);
    }
    for end in ends {
        out.extend_from_slice(&end.to_le_bytes());
    }
    out.extend_from_slice(&body);
    let sum = checksum(&out);
    out.extend_from_slice(&sum.to_le_bytes());
    out
}

/// The candidates of a cache file, or `None` when it is not one written under `key` or is
/// damaged in any way.
pub fn decode(bytes: &[u8], key: &[u8]) -> Option<Vec<Candidate>> {
    let (body, sum) = bytes.split_at_checked(bytes.len().checked_sub(8)?)?;
    if checksum(body).to_le_bytes() != sum {
        return None;
    }
    let mut r = Reader(body.strip_prefix(MAGIC)?);
    let key_len = usize::try_from(r.u64()?).ok()?;
    if r.take(key_len)? != key {
        return None;
    }
    let count = usize::try_from(r.u64()?).ok()?;
    let chunks = count.div_ceil(CHUNK);
    let mut ends = Vec::with_capacity(chunks.min(r.0.len() / 8));
    for _ in 0..chunks {
        ends.push(usize::try_from(r.u64()?).ok()?);
    }
    let body = r.0;
    if ends.last().copied().unwrap_or(0) != body.len() {
        return None;
    }
    let mut spans = Vec::with_capacity(chunks);
    let mut start = 0;
    for (i, &end) in ends.iter().enumerate() {
        let n = CHUNK.min(count - i * CHUNK);
        spans.push((body.get(start..end)?, n));
        start = end;
    }
    let decoded: Vec<Option<Vec<Candidate>>> = spans
        .into_par_iter()
        .map(|(bytes, n)| decode_chunk(bytes, n))
        .collect();
    let mut out = Vec::with_capacity(count);
    for chunk in decoded {
        out.extend(chunk?);
    }
    Some(out)
}

/// One chunk's `n` candidates, which must fill `bytes` exactly.
fn decode_chunk(bytes: &[u8], n: usize) -> Option<Vec<Candidate>> {
    let mut r = Reader(bytes);
    let mut out = Vec::with_capacity(n);
    for _ in 0..n {
        let tag = r.take(1)?[0];
        let kind = *Kind::ALL.get(usize::from(tag & !LABEL_IS_KEY))?;
        let id = r.string()?;
        let label = if tag & LABEL_IS_KEY == 0 {
            Some(r.string()?)
        } else {
            None
        };
        let detail = r.string()?;
        let k = r.u32()? as usize;
        let mut keys = Vec::with_capacity(k.min(r.0.len() / 4));
        for _ in 0..k {
            keys.push(r.string()?);
        }
        let label = match label {
            Some(label) => label,
            None => keys.first()?.clone(),
        };
        out.push(Candidate {
            kind,
            id,
            label,
            keys,
            detail,
        });
    }
    r.0.is_empty().then_some(out)
}

struct Reader<'a>(&'a [u8]);

impl<'a> Reader<'a> {
    fn take(&mut self, n: usize) -> Option<&'a [u8]> {
        let (head, rest) = self.0.split_at_checked(n)?;
        self.0 = rest;
        Some(head)
    }

    fn u32(&mut self) -> Option<u32> {
        Some(u32::from_le_bytes(self.take(4)?.try_into().ok()?))
    }

    fn u64(&mut self) -> Option<u64> {
        Some(u64::from_le_bytes(self.take(8)?.try_into().ok()?))
    }

    fn string(&mut self) -> Option<String> {
        let n = self.u32()? as usize;
        std::str::from_utf8(self.take(n)?).ok().map(str::to_string)
    }
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

    fn sample() -> Vec<Candidate> {
        let corpus = crate::synth::generate(crate::synth::Spec::with_candidates(5_000));
        let mut c = candidates_from(&corpus);
        // A label that is not the first key, and a candidate without keys, are kept too.
        c[1].label = "Shown differently".into();
        c[2].keys.clear();
        c
    }

    #[test]
    fn round_trips_and_rejects_another_key() {
        let c = sample();
        assert!(c.len() > CHUNK, "several chunks: {}", c.len());
        let bytes = encode(b"key", &c);
        assert_eq!(decode(&bytes, b"key").as_deref(), Some(&c[..]));
        assert!(decode(&bytes, b"other").is_none());
    }

    #[test]
    fn any_damage_is_refused() {
        let c = sample();
        let bytes = encode(b"key", &c);
        for cut in [0, 1, 8, bytes.len() / 2, bytes.len() - 1] {
            assert!(decode(&bytes[..cut], b"key").is_none(), "cut at {cut}");
        }
        for at in [0, MAGIC.len() + 3, bytes.len() / 3, bytes.len() - 9] {
            let mut bad = bytes.clone();
            bad[at] ^= 0x40;
            assert!(decode(&bad, b"key").is_none(), "flip at {at}");
        }
    }

    #[test]
    fn only_the_users_regular_file_within_the_cap_is_read() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("entry.bin");
        std::fs::write(&file, b"0123456789").unwrap();
        assert_eq!(read_bounded(&file, 10).as_deref(), Some(&b"0123456789"[..]));
        assert!(read_bounded(&file, 9).is_none(), "over the cap");
        let link = dir.path().join("link.bin");
        std::os::unix::fs::symlink(&file, &link).unwrap();
        assert!(read_bounded(&link, 10).is_none(), "a link is not followed");
        let fifo = dir.path().join("fifo.bin");
        let made = std::process::Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .unwrap();
        assert!(made.success());
        assert!(
            read_bounded(&fifo, 10).is_none(),
            "a FIFO is not read, nor waited on"
        );
        assert!(
            read_bounded(dir.path(), 10).is_none(),
            "a directory is not read"
        );
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
    fn the_cap_leaves_room_for_a_small_corpus_and_grows_with_it() {
        assert_eq!(cap_for(0), CAP_SLACK);
        assert_eq!(cap_for(100 << 20), (200 << 20) + CAP_SLACK);
        assert_eq!(cap_for(u64::MAX), u64::MAX, "no overflow");
    }
}
