//! The loaded corpus's cache entry: a later start on the same corpus file decodes the corpus
//! it holds instead of parsing, normalising and validating the JSON again.
//!
//! A 100k corpus (132 MB of JSON) takes some 0.4 s to parse on two cores and check; decoding
//! the same corpus from this entry takes a fraction of that (BENCHMARKS.md). The entry is
//! written by the browser after its first frame ([`CorpusEntry::write`], on a thread of low
//! priority) from the corpus it loaded, parsed and checked, and read at its next start on the
//! same corpus ([`CorpusEntry::read`]). It lives in the user's cache directory as
//! `corpus-HASH.bin` and follows every rule of [`crate::cache`]: the key of the corpus's files
//! and of the executable (a stale entry, or one a new build wrote, is a miss), the bounded
//! no-follow open, the atomic write, `ENTENTE_NO_CACHE=1`. It holds the browser's load: each
//! source's received text is dropped (see [`super::ReceivedText`]), so it serves only the
//! browser. Only a corpus that loaded without a problem is ever written, so a corpus with
//! problems is parsed, and its problems reported, at every start.
//!
//! Format (integers little-endian): [`MAGIC`] (with the format's version); the key's length
//! (8 bytes) and the key; then frames, each its payload's length (4 bytes), the payload's
//! [`crate::cache::checksum`] (8 bytes) and the payload: which part it holds (1 byte), how many
//! records (4 bytes), the length of its structure (4 bytes), then a value packed as the
//! built-in corpus is (`corpus::builtin::pack`: a structure of tagged values and a
//! table of the strings, each distinct one once, so a field name is held once per frame),
//! written straight from the model's `Serialize` impls (`packer`). The
//! first frame is the head: the corpus with its record lists left empty (format, title, side
//! tables), how many records each list has, the files read and the file of each record (for
//! [`Origins`]). Then each record list in the model's order, in frames of at most
//! `FRAME_RECORDS` records or about `FRAME_BYTES` packed; then an end frame, and nothing
//! after it.
//!
//! Reading is bounded in memory: the file is read `GROUP` frames at a time into a window
//! (about 256 KiB each; as large as the largest record, if one is larger), they are
//! decoded on every core and put in order, and the window is reused, so the entry is never
//! held whole beside the corpus. Every read is checked: a frame
//! whose checksum, part, count or packed value is not what it must be, a file cut short or
//! with bytes after its end frame, a head that does not add up, is a miss, and the caller
//! parses the corpus instead. Nothing in it can panic.

use std::io::{Read, Write};
use std::path::Path;
use std::sync::Arc;

mod packer;

use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};

use super::{LoadProgress, LoadedCorpus, Origins, progress};
use crate::cache::{self, CORPUS_PREFIX, Entry};
use crate::corpus::builtin::pack::Packed;
use crate::corpus::builtin::unpack;
use crate::corpus::model::Corpus;
use packer::FramePacker;

/// What every entry starts with: its kind and the version of this format.
pub const MAGIC: &[u8; 16] = b"entente-corpus\x00\x01";

/// A frame holds at most this many records…
const FRAME_RECORDS: usize = 512;
/// …and is closed once it is about this many bytes packed (256 KiB): small enough that the
/// writer's frame and the reader's window of [`GROUP`] frames cost a few MiB, large enough
/// that a frame's field names, held once in it, are a small part of it.
const FRAME_BYTES: usize = 256 << 10;
/// The longest key read (a key names a few files; a directory's, one per file).
const MAX_KEY: u64 = 16 << 20;

/// The parts a frame can hold: the head, a record list, or the end.
const HEAD: u8 = 0;
const SOURCES: u8 = 1;
const MEETINGS: u8 = 2;
const EVENTS: u8 = 3;
const ORGANISATIONS: u8 = 4;
const PEOPLE: u8 = 5;
const TOPICS: u8 = 6;
const END: u8 = 7;

/// The first frame: what is not a record list, and what the lists must add up to.
#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct Head {
    /// The corpus with its record lists left empty: its format, title and side tables.
    corpus: Corpus,
    /// How many records each list has, sources to topics (the model's order).
    counts: [u64; 6],
    /// The files the corpus was read from ([`Origins::files`]).
    files: Vec<String>,
    /// The file of each record (its place in `files`), in the order of
    /// [`Corpus::records`], as runs of (file, how many records).
    origins: Vec<(u32, u64)>,
}

/// The cache entry of the loaded corpus at a path.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CorpusEntry {
    entry: Entry,
}

impl CorpusEntry {
    /// The entry of the corpus at `path`, by its files as they are now; `None` when the cache
    /// is off or the corpus's files cannot be listed.
    pub fn for_path(path: &Path) -> Option<CorpusEntry> {
        CorpusEntry::in_dir(&cache::in_use()?, path)
    }

    /// [`CorpusEntry::for_path`] with the cache in `dir`.
    pub fn in_dir(dir: &Path, path: &Path) -> Option<CorpusEntry> {
        Some(CorpusEntry {
            entry: cache::entry_for(dir, path, CORPUS_PREFIX)?,
        })
    }

    /// The file the entry is kept in.
    pub fn file(&self) -> &Path {
        &self.entry.file
    }

    /// The corpus the entry holds, when it is there, safe to open, under the corpus's key and
    /// whole; `None` (a miss) otherwise. Tells `progress` of the bytes and records read.
    /// A miss leaves `progress` as it found it, for the parse that follows.
    pub fn read(&self, progress: &Arc<LoadProgress>) -> Option<LoadedCorpus> {
        self.read_with(progress, true)
    }

    /// [`CorpusEntry::read`] without the file of each record (the origins are left empty):
    /// for the browser, which names no file, so its start does not map 130,000 ids to their
    /// file at 100k records only to drop the map.
    pub fn read_corpus(&self, progress: &Arc<LoadProgress>) -> Option<Corpus> {
        self.read_with(progress, false).map(|loaded| loaded.corpus)
    }

    fn read_with(&self, progress: &Arc<LoadProgress>, origins: bool) -> Option<LoadedCorpus> {
        let (file, len) = cache::open_bounded(&self.entry.file, self.entry.cap)?;
        let steps = progress::Progress::observed(Arc::clone(progress));
        let (read_before, _) = progress.bytes();
        let records_before = progress.records();
        steps.shared().add_total(len);
        steps.file(1, 1);
        let mut reader = Reader {
            input: file.take(len),
            left: len,
            window: Vec::new(),
            progress: steps.shared(),
        };
        let loaded = reader.corpus(&self.entry.key, origins);
        match loaded {
            Some(_) => steps.checking(),
            None => progress.take_back(
                progress.bytes().0 - read_before,
                len,
                progress.records() - records_before,
            ),
        }
        loaded
    }

    /// Writes `corpus` (read from `origins`' files) as the entry, streamed a frame at a time
    /// (never held whole). A corpus that amends the built-in one (a layered load) is not
    /// kept: its amendments are not in the model's serialised form.
    pub fn write(&self, corpus: &Corpus, origins: &Origins) -> anyhow::Result<()> {
        if !corpus.amendments.is_empty() {
            anyhow::bail!("a layered corpus is not cached");
        }
        let head = head_of(corpus, origins)?;
        self.entry
            .write_with(|out| encode(out, &self.entry.key, &head, corpus))
    }
}

/// The head of `corpus`: its lists' counts, its side tables, and the file of each record.
fn head_of(corpus: &Corpus, origins: &Origins) -> anyhow::Result<Head> {
    let mut runs: Vec<(u32, u64)> = Vec::new();
    for record in corpus.records() {
        let n = origins
            .file_number(record.id)
            .ok_or_else(|| anyhow::anyhow!("a record of no file: {}", record.id))?;
        match runs.last_mut() {
            Some((file, count)) if *file == n => *count += 1,
            _ => runs.push((n, 1)),
        }
    }
    let side_tables = Corpus {
        format: corpus.format.clone(),
        title: corpus.title.clone(),
        series: corpus.series.clone(),
        place_names: corpus.place_names.clone(),
        parties: corpus.parties.clone(),
        ..Corpus::default()
    };
    Ok(Head {
        corpus: side_tables,
        counts: [
            corpus.sources.len() as u64,
            corpus.meetings.len() as u64,
            corpus.events.len() as u64,
            corpus.organisations.len() as u64,
            corpus.people.len() as u64,
            corpus.topics.len() as u64,
        ],
        files: origins.files().to_vec(),
        origins: runs,
    })
}

/// Writes the whole entry: magic, key, head, the record lists, the end.
fn encode(out: &mut dyn Write, key: &[u8], head: &Head, corpus: &Corpus) -> anyhow::Result<()> {
    out.write_all(MAGIC)?;
    out.write_all(&(key.len() as u64).to_le_bytes())?;
    out.write_all(key)?;
    write_frame(out, HEAD, 1, &FramePacker::single(head)?)?;
    write_list(out, SOURCES, &corpus.sources)?;
    write_list(out, MEETINGS, &corpus.meetings)?;
    write_list(out, EVENTS, &corpus.events)?;
    write_list(out, ORGANISATIONS, &corpus.organisations)?;
    write_list(out, PEOPLE, &corpus.people)?;
    write_list(out, TOPICS, &corpus.topics)?;
    write_frame(out, END, 0, &FramePacker::single(&())?)
}

/// Writes `records` in frames of at most [`FRAME_RECORDS`] records or about [`FRAME_BYTES`]
/// packed.
fn write_list<T: Serialize>(out: &mut dyn Write, part: u8, records: &[T]) -> anyhow::Result<()> {
    let mut packer = FramePacker::default();
    for record in records {
        packer.push(record)?;
        if packer.len() >= FRAME_RECORDS || packer.bytes() >= FRAME_BYTES {
            let count = packer.len();
            write_frame(out, part, count, &packer.finish())?;
        }
    }
    if packer.len() == 0 {
        return Ok(());
    }
    let count = packer.len();
    write_frame(out, part, count, &packer.finish())
}

/// Writes one frame: length, checksum, then the part, the count and the packed value.
fn write_frame(out: &mut dyn Write, part: u8, count: usize, packed: &Packed) -> anyhow::Result<()> {
    let mut payload = Vec::with_capacity(9 + packed.structure.len() + packed.strings.len());
    payload.push(part);
    payload.extend_from_slice(&u32::try_from(count)?.to_le_bytes());
    payload.extend_from_slice(&u32::try_from(packed.structure.len())?.to_le_bytes());
    payload.extend_from_slice(&packed.structure);
    payload.extend_from_slice(packed.strings.as_bytes());
    out.write_all(&u32::try_from(payload.len())?.to_le_bytes())?;
    out.write_all(&cache::checksum(&payload).to_le_bytes())?;
    out.write_all(&payload)?;
    Ok(())
}

/// Reads an entry a few frames at a time through a window of [`GROUP`] frames.
struct Reader<'p, R> {
    input: std::io::Take<R>,
    /// Bytes of the entry not yet read.
    left: u64,
    /// The frames read and not yet decoded (their buffers are reused).
    window: Vec<RawFrame>,
    progress: &'p LoadProgress,
}

/// How many frames are read before they are decoded together, on every core (the window
/// holds about this many times [`FRAME_BYTES`]).
const GROUP: usize = 8;

/// A frame as read: its checksum and payload, neither checked yet.
#[derive(Default)]
struct RawFrame {
    sum: u64,
    payload: Vec<u8>,
}

impl RawFrame {
    /// The frame's part and record count as its payload says (checked by [`RawFrame::decode`]).
    fn claims(&self) -> Option<(u8, usize)> {
        let part = *self.payload.first()?;
        let count = u32::from_le_bytes(self.payload.get(1..5)?.try_into().ok()?);
        Some((part, count as usize))
    }

    /// The frame's value and count, when its checksum holds, it is of `part`, and its
    /// structure and strings decode to a `T`.
    fn decode<T: DeserializeOwned>(&self, part: u8) -> Option<(T, usize)> {
        if cache::checksum(&self.payload) != self.sum {
            return None;
        }
        let (found, count) = self.claims()?;
        let structure_len = u32::from_le_bytes(self.payload.get(5..9)?.try_into().ok()?);
        let rest = self.payload.get(9..)?;
        let (structure, strings) = rest.split_at_checked(structure_len as usize)?;
        let strings = std::str::from_utf8(strings).ok()?;
        if found != part {
            return None;
        }
        let value = unpack::from_parts(structure, strings).ok()?;
        Some((value, count))
    }
}

impl<R: Read> Reader<'_, R> {
    /// The corpus of an entry under `key`, with its origins if `origins` says so, or `None`.
    fn corpus(&mut self, key: &[u8], origins: bool) -> Option<LoadedCorpus> {
        let mut magic = [0; MAGIC.len()];
        self.exact(&mut magic)?;
        if &magic != MAGIC {
            return None;
        }
        let mut len = [0; 8];
        self.exact(&mut len)?;
        let len = u64::from_le_bytes(len);
        if len != key.len() as u64 || len > MAX_KEY.min(self.left) {
            return None;
        }
        let mut found = vec![0; key.len()];
        self.exact(&mut found)?;
        if found != key {
            return None;
        }
        let head: Head = self.single(HEAD, 1)?;
        let mut corpus = head.corpus;
        let [sources, meetings, events, organisations, people, topics] = head.counts;
        // Records already in the head would be added to: an entry holds them in frames only.
        if corpus.records().next().is_some() {
            return None;
        }
        corpus.sources = self.list(SOURCES, sources)?;
        corpus.meetings = self.list(MEETINGS, meetings)?;
        corpus.events = self.list(EVENTS, events)?;
        corpus.organisations = self.list(ORGANISATIONS, organisations)?;
        corpus.people = self.list(PEOPLE, people)?;
        corpus.topics = self.list(TOPICS, topics)?;
        let () = self.single(END, 0)?;
        // Nothing after the end frame (`take` stops at the length measured on opening).
        if self.left != 0 || self.input.read(&mut [0]).ok()? != 0 {
            return None;
        }
        if !origins {
            return Some(LoadedCorpus {
                corpus,
                origins: Origins::default(),
            });
        }
        let numbers = head
            .origins
            .iter()
            .flat_map(|&(file, count)| std::iter::repeat_n(file, count as usize));
        let origins = Origins::of_numbers(head.files, &corpus, numbers)?;
        Some(LoadedCorpus { corpus, origins })
    }

    /// The `count` records of one list, from as many frames of `part` as they fill, read
    /// [`GROUP`] frames at a time and decoded on every core, then put in order.
    fn list<T: DeserializeOwned + Send>(&mut self, part: u8, count: u64) -> Option<Vec<T>> {
        use rayon::prelude::*;
        // Every record takes more than a byte: a count beyond the bytes left is false.
        let count = usize::try_from(count)
            .ok()
            .filter(|&n| n as u64 <= self.left)?;
        // Room for them all at once (no regrowth), but never more than the entry's bytes left
        // (a list of a real entry's records takes less memory than that; a false count in a
        // crafted one must not be a vast allocation): past that, the list grows as it fills.
        let bytes_left = usize::try_from(self.left).unwrap_or(usize::MAX);
        let room = bytes_left / std::mem::size_of::<T>().max(1);
        let mut records = Vec::with_capacity(count.min(room));
        if self.window.len() < GROUP {
            self.window.resize_with(GROUP, RawFrame::default);
        }
        while records.len() < count {
            // Read frames until they promise the rest of the list, or the window is full.
            let mut promised = records.len();
            let mut read = 0;
            while read < GROUP && promised < count {
                self.read_frame(read)?;
                let (_, n) = self.window[read].claims()?;
                if n == 0 {
                    return None;
                }
                promised = promised.saturating_add(n);
                read += 1;
            }
            if promised > count {
                return None;
            }
            let batches: Vec<Option<Vec<T>>> = self.window[..read]
                .par_iter()
                .map(|frame| {
                    let (batch, n): (Vec<T>, usize) = frame.decode(part)?;
                    // A batch holds what its frame says, so the list adds up to its count.
                    (batch.len() == n).then_some(batch)
                })
                .collect();
            for batch in batches {
                let batch = batch?;
                self.progress.add_records(batch.len());
                records.extend(batch);
            }
        }
        Some(records)
    }

    /// The value of the next frame, which must hold `part` and `count` records.
    fn single<T: DeserializeOwned>(&mut self, part: u8, count: usize) -> Option<T> {
        if self.window.is_empty() {
            self.window.push(RawFrame::default());
        }
        self.read_frame(0)?;
        let (value, n) = self.window[0].decode(part)?;
        (n == count).then_some(value)
    }

    /// Reads the next frame into the window's place `at`, or `None` if the entry is cut short
    /// or the frame's length is impossible.
    fn read_frame(&mut self, at: usize) -> Option<()> {
        let mut head = [0; 12];
        self.exact(&mut head)?;
        let len = u64::from(u32::from_le_bytes(head[..4].try_into().ok()?));
        if len < 9 || len > self.left {
            return None;
        }
        let frame = self.window.get_mut(at)?;
        frame.sum = u64::from_le_bytes(head[4..].try_into().ok()?);
        frame.payload.clear();
        let read = (&mut self.input)
            .take(len)
            .read_to_end(&mut frame.payload)
            .ok()?;
        self.left -= read as u64;
        self.progress.add_read(read as u64 + 12);
        (read as u64 == len).then_some(())
    }

    /// Fills `bytes` from the entry, or `None` if it ends first.
    fn exact(&mut self, bytes: &mut [u8]) -> Option<()> {
        if bytes.len() as u64 > self.left {
            return None;
        }
        self.input.read_exact(bytes).ok()?;
        self.left -= bytes.len() as u64;
        Some(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::load::{ReceivedText, load_path_observed};

    /// A synthetic corpus file of about `records` records in a temporary directory, with an
    /// empty cache directory beside it.
    struct Fixture {
        dir: tempfile::TempDir,
        corpus: std::path::PathBuf,
    }

    impl Fixture {
        fn new(records: usize) -> Fixture {
            let dir = tempfile::tempdir().unwrap();
            let corpus = dir.path().join("corpus.json");
            let synthetic = crate::synth::generate(crate::synth::Spec::with_candidates(records));
            std::fs::write(&corpus, serde_json::to_string(&synthetic).unwrap()).unwrap();
            Fixture { dir, corpus }
        }

        fn entry(&self) -> CorpusEntry {
            CorpusEntry::in_dir(&self.dir.path().join("cache"), &self.corpus).unwrap()
        }

        /// The corpus as the browser parses it.
        fn parsed(&self) -> LoadedCorpus {
            load_path_observed(&self.corpus, progress(), ReceivedText::Drop).unwrap()
        }
    }

    fn progress() -> Arc<LoadProgress> {
        Arc::new(LoadProgress::default())
    }

    #[test]
    fn an_entry_reads_back_the_corpus_and_origins_it_was_written_from() {
        let fixture = Fixture::new(6_000);
        let parsed = fixture.parsed();
        let c = &parsed.corpus;
        let longest = [c.sources.len(), c.meetings.len(), c.people.len()];
        assert!(
            longest.iter().any(|&n| n > FRAME_RECORDS),
            "a list in several frames: {longest:?}"
        );
        let entry = fixture.entry();
        assert!(entry.read(&progress()).is_none(), "no entry yet");
        entry.write(&parsed.corpus, &parsed.origins).unwrap();
        let seen = progress();
        let read = entry.read(&seen).expect("the entry reads");
        assert_eq!(read.corpus, parsed.corpus);
        assert_eq!(read.origins, parsed.origins);
        let corpus_only = entry.read_corpus(&progress()).expect("the entry reads");
        assert_eq!(corpus_only, parsed.corpus);
        assert_eq!(seen.records(), parsed.corpus.records().count());
        let (bytes, total) = seen.bytes();
        assert_eq!(
            bytes,
            total - (MAGIC.len() + 8 + entry.entry.key.len()) as u64
        );
    }

    #[test]
    fn a_directory_of_files_keeps_each_records_file() {
        let dir = tempfile::tempdir().unwrap();
        let files = dir.path().join("corpus");
        std::fs::create_dir(&files).unwrap();
        let small = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/small");
        for item in std::fs::read_dir(small).unwrap().flatten() {
            std::fs::copy(item.path(), files.join(item.file_name())).unwrap();
        }
        let parsed = load_path_observed(&files, progress(), ReceivedText::Drop).unwrap();
        assert!(
            parsed.origins.files().len() > 1,
            "{:?}",
            parsed.origins.files()
        );
        let entry = CorpusEntry::in_dir(&dir.path().join("cache"), &files).unwrap();
        entry.write(&parsed.corpus, &parsed.origins).unwrap();
        let read = entry.read(&progress()).expect("the entry reads");
        assert_eq!(read.corpus, parsed.corpus);
        assert_eq!(read.origins, parsed.origins);
        // A file added to the directory: the entry is stale.
        std::fs::write(files.join("zz.json"), "{\"format\": \"entente-corpus/1\"}").unwrap();
        let now = CorpusEntry::in_dir(&dir.path().join("cache"), &files).unwrap();
        assert_eq!(
            now.file(),
            entry.file(),
            "the same entry, under another key"
        );
        assert!(now.read(&progress()).is_none());
    }

    #[test]
    fn a_changed_corpus_file_makes_the_entry_stale() {
        let fixture = Fixture::new(200);
        let parsed = fixture.parsed();
        fixture
            .entry()
            .write(&parsed.corpus, &parsed.origins)
            .unwrap();
        assert!(fixture.entry().read(&progress()).is_some());
        // The same text written again: its times (and so the key) change, its size not.
        let text = std::fs::read(&fixture.corpus).unwrap();
        std::thread::sleep(std::time::Duration::from_millis(10));
        std::fs::write(&fixture.corpus, &text).unwrap();
        assert!(fixture.entry().read(&progress()).is_none());
    }

    #[test]
    fn a_damaged_or_truncated_entry_is_a_miss_never_a_panic() {
        let fixture = Fixture::new(1_500);
        let parsed = fixture.parsed();
        let entry = fixture.entry();
        entry.write(&parsed.corpus, &parsed.origins).unwrap();
        let whole = std::fs::read(entry.file()).unwrap();
        let put = |bytes: &[u8]| std::fs::write(entry.file(), bytes).unwrap();
        // Cut at every frame boundary and inside frames; a byte too many.
        let step = (whole.len() / 97).max(1);
        for end in (0..whole.len()).step_by(step).chain([whole.len() - 1]) {
            put(&whole[..end]);
            assert!(entry.read(&progress()).is_none(), "cut at {end}");
        }
        put(&[&whole[..], &[0]].concat());
        assert!(entry.read(&progress()).is_none(), "a byte after the end");
        // A bit flipped anywhere (the magic, the key, a frame's length, checksum or payload).
        for at in (0..whole.len()).step_by(step) {
            let mut damaged = whole.clone();
            damaged[at] ^= 0x20;
            put(&damaged);
            assert!(entry.read(&progress()).is_none(), "flipped at {at}");
        }
        // A miss part way leaves the progress as it found it, for the parse that follows.
        put(&whole[..whole.len() - 1]);
        let seen = progress();
        assert!(entry.read(&seen).is_none());
        assert_eq!((seen.bytes(), seen.records()), ((0, 0), 0));
        // Another kind of file altogether.
        put(b"{\"format\": \"entente-corpus/1\"}");
        assert!(entry.read(&progress()).is_none());
        put(&whole);
        assert_eq!(entry.read(&progress()).unwrap().corpus, parsed.corpus);
    }

    #[test]
    fn a_frame_that_checks_but_does_not_add_up_is_a_miss() {
        let fixture = Fixture::new(100);
        let parsed = fixture.parsed();
        let entry = fixture.entry();
        // A head whose counts promise one meeting more than the frames hold.
        let mut head = head_of(&parsed.corpus, &parsed.origins).unwrap();
        head.counts[1] += 1;
        let mut bytes = Vec::new();
        encode(&mut bytes, &entry.entry.key, &head, &parsed.corpus).unwrap();
        std::fs::create_dir_all(entry.file().parent().unwrap()).unwrap();
        std::fs::write(entry.file(), &bytes).unwrap();
        assert!(entry.read(&progress()).is_none(), "a count too high");
        // Origins naming a file the head does not list.
        let mut head = head_of(&parsed.corpus, &parsed.origins).unwrap();
        head.origins[0].0 = 99;
        let mut bytes = Vec::new();
        encode(&mut bytes, &entry.entry.key, &head, &parsed.corpus).unwrap();
        std::fs::write(entry.file(), &bytes).unwrap();
        assert!(entry.read(&progress()).is_none(), "a file out of range");
        let mut bytes = Vec::new();
        let head = head_of(&parsed.corpus, &parsed.origins).unwrap();
        encode(&mut bytes, &entry.entry.key, &head, &parsed.corpus).unwrap();
        std::fs::write(entry.file(), &bytes).unwrap();
        assert!(
            entry.read(&progress()).is_some(),
            "the same, unchanged, reads"
        );
    }

    #[test]
    fn a_symlinked_entry_is_refused() {
        let fixture = Fixture::new(100);
        let parsed = fixture.parsed();
        let entry = fixture.entry();
        entry.write(&parsed.corpus, &parsed.origins).unwrap();
        let elsewhere = fixture.dir.path().join("elsewhere.bin");
        std::fs::rename(entry.file(), &elsewhere).unwrap();
        std::os::unix::fs::symlink(&elsewhere, entry.file()).unwrap();
        assert!(entry.read(&progress()).is_none());
        // Writing replaces the link with a file and leaves its target alone.
        let before = std::fs::read(&elsewhere).unwrap();
        entry.write(&parsed.corpus, &parsed.origins).unwrap();
        assert!(!entry.file().is_symlink());
        assert_eq!(std::fs::read(&elsewhere).unwrap(), before);
        assert!(entry.read(&progress()).is_some());
    }

    #[test]
    fn the_writes_frames_stay_small_and_a_layered_corpus_is_not_kept() {
        let fixture = Fixture::new(3_000);
        let parsed = fixture.parsed();
        let head = head_of(&parsed.corpus, &parsed.origins).unwrap();
        let mut bytes = Vec::new();
        encode(&mut bytes, b"k", &head, &parsed.corpus).unwrap();
        // Walk the frames: none is over the window the reader needs.
        let mut at = MAGIC.len() + 8 + 1;
        let mut frames = 0;
        while at < bytes.len() {
            let len = u32::from_le_bytes(bytes[at..at + 4].try_into().unwrap()) as usize;
            assert!(len < 2 * FRAME_BYTES, "a frame of {len} bytes");
            at += 12 + len;
            frames += 1;
        }
        assert_eq!(at, bytes.len());
        assert!(frames > 3, "{frames}");
        let mut amended = parsed.corpus.clone();
        amended.amendments.push(crate::corpus::model::Amendment {
            meeting: "m".into(),
            file: "m.json".into(),
            added_accounts: Vec::new(),
        });
        assert!(fixture.entry().write(&amended, &parsed.origins).is_err());
        assert!(!fixture.entry().file().exists());
    }
}
