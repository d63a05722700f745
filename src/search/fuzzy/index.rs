//! The finder index: every table a search reads, in one byte buffer that is used in place —
//! built in memory by [`FinderIndex::build`], or a cache file read or mapped by
//! [`FinderIndex::open`] with no decoding step and no allocation per candidate.
//!
//! Format (native little-endian integers, every section 8-byte aligned):
//!
//! - a header of [`HEADER_WORDS`] 64-bit words: the magic (16 bytes), the version, an endian
//!   mark, the file's total length, the length of the caller's key, the number of candidates
//!   and of folded keys, flags, then the offset and length of each of the [`SECTIONS`];
//! - the caller's key (a cache keys its entry by the corpus's file status), padded;
//! - the sections: each candidate's kind and label length, the first folded key of each
//!   candidate, the folded keys (fixed records, see [`FoldedKey::encode`]), the folded text
//!   of every key end to end, the in-place bonus of every unit of every key, and for display
//!   each candidate's strings (id, label, detail, keys as written): where its strings start,
//!   where each string ends, and their text end to end.
//!
//! Opening checks the header (magic, version, endian mark, length, key, that the sections
//! follow each other inside the file with the sizes their counts imply) and a checksum of
//! the rest: a truncated or damaged file, or one of another version, is refused. That
//! checksum is the one pass over the bytes; nothing is decoded or allocated per candidate.
//! The tables are still not trusted: every index read from them is bounds-checked, a span out
//! of range or text that is not UTF-8 makes that key not match, and what is shown still goes
//! through [`crate::text::sanitize_line`]. A damaged entry that passed the checksum would give
//! wrong rows at worst, never a panic
//! or an escape sequence on the terminal.

use std::ops::Range;
use std::sync::atomic::{AtomicU64, Ordering};

use super::store::Store;
use super::{Candidate, Form, Kind};

mod build;

const MAGIC: &[u8; 16] = b"entente-findidx\n";
/// Bumped whenever the format, or the way keys are folded or scored, changes.
const VERSION: u64 = 2;
const ENDIAN_MARK: u64 = 0x0102_0304_0506_0708;
/// Sections, in file order.
const SECTIONS: usize = 10;
/// magic (2) + version, endian, length, key length, candidates, keys, flags, checksum (8),
/// then the sections' offsets and lengths.
const FIXED_WORDS: usize = 10;
pub const HEADER_WORDS: usize = FIXED_WORDS + 2 * SECTIONS;
const HEADER_BYTES: usize = HEADER_WORDS * 8;
const FLAG_INITIALS: u64 = 1;

/// Section numbers.
const KINDS: usize = 0;
const LABEL_LENS: usize = 1;
const FIRST_KEY: usize = 2;
const KEYS: usize = 3;
const FOLDED: usize = 4;
const BONUSES: usize = 5;
const FIRST_STRING: usize = 6;
const STRING_ENDS: usize = 7;
const STRINGS: usize = 8;
const OTHER_NAME: usize = 9;

/// The strings of a candidate before its keys: id, label, detail.
const FIXED_STRINGS: usize = 3;

static NEXT_INDEX_ID: AtomicU64 = AtomicU64::new(0);

/// Why an index file was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Refused {
    /// Shorter than its header, or than the length its header gives.
    Truncated,
    /// Not an index, or one of another version or byte order.
    NotAnIndex,
    /// Written under another key (the corpus or the program changed).
    OtherKey,
    /// A section lies outside the file or has the wrong size.
    Damaged,
}

/// A searchable index (see the module documentation).
pub struct FinderIndex {
    store: Store,
    candidates: usize,
    has_initials: bool,
    sections: [Range<usize>; SECTIONS],
    /// Tells a [`super::Session`] whether its remembered matches belong to this index.
    id: u64,
}

/// The tables of an index, borrowed.
#[derive(Clone, Copy)]
pub(super) struct View<'a> {
    pub kinds: &'a [u8],
    pub label_lens: &'a [u32],
    pub first_key: &'a [u32],
    pub keys: &'a [[u64; 8]],
    pub folded: &'a [u8],
    pub bonuses: &'a [i8],
    pub first_string: &'a [u32],
    pub string_ends: &'a [u32],
    pub strings: &'a [u8],
    /// Per candidate, which key is its name in another script (see
    /// [`Candidate::other_name`]), plus one; 0 for none.
    pub other_name: &'a [u16],
}

/// One candidate as the index holds it, for display.
#[derive(Debug, Clone, Copy)]
pub struct CandidateRef<'a> {
    pub kind: Kind,
    pub id: Text<'a>,
    pub label: Text<'a>,
    pub detail: Text<'a>,
    view: View<'a>,
    index: usize,
    first: usize,
    end: usize,
}

/// The candidates of an index, for display (see [`FinderIndex::candidates`]).
#[derive(Debug, Clone, Copy)]
pub struct Candidates<'a>(View<'a>);

impl<'a> Candidates<'a> {
    /// Candidate `i`, or `None` past the end (or in a damaged index).
    pub fn get(&self, i: usize) -> Option<CandidateRef<'a>> {
        self.0.candidate(i)
    }

    /// No candidates (a finder not built yet).
    pub fn none() -> Candidates<'a> {
        Candidates(View::EMPTY)
    }

    pub fn len(&self) -> usize {
        self.0.len()
    }

    pub fn is_empty(&self) -> bool {
        self.0.len() == 0
    }
}

/// A string of the index as stored: bytes that should be UTF-8 (a cache file is not trusted
/// to be), so that a caller printing printable ASCII (nearly every row) need not validate it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Text<'a>(&'a [u8]);

impl<'a> Text<'a> {
    pub fn bytes(self) -> &'a [u8] {
        self.0
    }

    /// The text, or `None` if the bytes are not UTF-8.
    pub fn as_str(self) -> Option<&'a str> {
        std::str::from_utf8(self.0).ok()
    }

    pub fn is_empty(self) -> bool {
        self.0.is_empty()
    }
}

impl std::fmt::Debug for View<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("View").finish_non_exhaustive()
    }
}

impl<'a> CandidateRef<'a> {
    /// The candidate's `k`th key as written.
    pub fn key(&self, k: usize) -> Option<Text<'a>> {
        let at = self.first.checked_add(FIXED_STRINGS)?.checked_add(k)?;
        (at < self.end).then(|| self.view.text(at)).flatten()
    }

    /// Its keys as written, in order (those that are not UTF-8 left out).
    pub fn keys(&self) -> impl Iterator<Item = &'a str> + 'a {
        let view = self.view;
        (self.first + FIXED_STRINGS..self.end).filter_map(move |at| view.text(at)?.as_str())
    }

    /// The candidate as built: an owned copy of its strings (for the few rows on screen; the
    /// index keeps the text once). Bytes that are not UTF-8 (a damaged cache entry) become
    /// replacement characters.
    pub fn to_candidate(&self) -> Candidate {
        let owned = |t: Text<'_>| String::from_utf8_lossy(t.bytes()).into_owned();
        Candidate {
            kind: self.kind,
            id: owned(self.id),
            label: owned(self.label),
            detail: owned(self.detail),
            keys: (self.first + FIXED_STRINGS..self.end)
                .filter_map(|at| self.view.text(at))
                .map(owned)
                .collect(),
        }
    }

    /// As [`Candidate::other_name`], found when the index was built.
    pub fn other_name(&self) -> Option<Text<'a>> {
        let key = self.view.other_name.get(self.index).copied()?;
        self.key(usize::from(key.checked_sub(1)?))
    }
}

impl FinderIndex {
    /// Folds every key of `candidates` once, under an empty key.
    pub fn build(candidates: &[Candidate]) -> FinderIndex {
        let bytes = build::encode(candidates, b"");
        match FinderIndex::open(Store::from_words(bytes.0, bytes.1), b"") {
            Ok(index) => index,
            // What we just wrote always opens; an empty index is the only safe answer if not.
            Err(_) => FinderIndex::empty(),
        }
    }

    fn empty() -> FinderIndex {
        FinderIndex {
            store: Store::from_bytes(&[]),
            candidates: 0,
            has_initials: false,
            sections: Default::default(),
            id: NEXT_INDEX_ID.fetch_add(1, Ordering::Relaxed),
        }
    }

    /// Opens an index in `store` written under `key`, checking its header only.
    pub fn open(store: Store, key: &[u8]) -> Result<FinderIndex, Refused> {
        let bytes = store.bytes();
        let header: &[u64] = bytes
            .get(..HEADER_BYTES)
            .and_then(|h| bytemuck::try_cast_slice(h).ok())
            .ok_or(Refused::Truncated)?;
        if &bytes[..16] != MAGIC || header[2] != VERSION || header[3] != ENDIAN_MARK {
            return Err(Refused::NotAnIndex);
        }
        let total = usize::try_from(header[4]).map_err(|_| Refused::Damaged)?;
        if bytes.len() < total {
            return Err(Refused::Truncated);
        }
        if bytes.len() != total {
            return Err(Refused::Damaged);
        }
        let key_len = usize::try_from(header[5]).map_err(|_| Refused::Damaged)?;
        let stored_key = HEADER_BYTES
            .checked_add(key_len)
            .and_then(|end| bytes.get(HEADER_BYTES..end))
            .ok_or(Refused::Damaged)?;
        if stored_key != key {
            return Err(Refused::OtherKey);
        }
        let count = |w: u64| usize::try_from(w).map_err(|_| Refused::Damaged);
        let (candidates, keys) = (count(header[6])?, count(header[7])?);
        // Sections follow each other in order, each 8-byte aligned, right after the key, and
        // the last one ends the file: the layout is fixed by the lengths.
        let mut sections: [Range<usize>; SECTIONS] = Default::default();
        let mut expected = HEADER_BYTES + padded(key_len);
        for (s, range) in sections.iter_mut().enumerate() {
            let start = count(header[FIXED_WORDS + 2 * s])?;
            let len = count(header[FIXED_WORDS + 1 + 2 * s])?;
            let end = start.checked_add(len).ok_or(Refused::Damaged)?;
            if start != expected || end > total {
                return Err(Refused::Damaged);
            }
            expected = padded(end);
            *range = start..end;
        }
        if expected != total {
            return Err(Refused::Damaged);
        }
        let body: &[u64] =
            bytemuck::try_cast_slice(&bytes[HEADER_BYTES..]).map_err(|_| Refused::Damaged)?;
        if checksum(body) != header[9] {
            return Err(Refused::Damaged);
        }
        let len = |s: usize| sections[s].len();
        let per = |n: usize, size: usize| n.checked_mul(size).ok_or(Refused::Damaged);
        let sized = len(KINDS) == candidates
            && len(LABEL_LENS) == per(candidates, 4)?
            && len(FIRST_KEY) == per(candidates.checked_add(1).ok_or(Refused::Damaged)?, 4)?
            && len(KEYS) == per(keys, 64)?
            && len(FIRST_STRING) == len(FIRST_KEY)
            && len(STRING_ENDS) % 4 == 0
            && len(OTHER_NAME) == per(candidates, 2)?;
        if !sized {
            return Err(Refused::Damaged);
        }
        let index = FinderIndex {
            has_initials: header[8] & FLAG_INITIALS != 0,
            store,
            candidates,
            sections,
            id: NEXT_INDEX_ID.fetch_add(1, Ordering::Relaxed),
        };
        // Casting checks alignment and sizes; after the checks above it cannot fail, but a
        // view that could not be made must refuse the file rather than read nothing.
        if index.try_view().is_none() {
            return Err(Refused::Damaged);
        }
        Ok(index)
    }

    /// The index's bytes (what a cache writes).
    pub fn bytes(&self) -> &[u8] {
        self.store.bytes()
    }

    /// How many candidates it holds.
    pub fn len(&self) -> usize {
        self.candidates
    }

    pub fn is_empty(&self) -> bool {
        self.candidates == 0
    }

    pub(super) fn has_initials(&self) -> bool {
        self.has_initials
    }

    pub(crate) fn id(&self) -> u64 {
        self.id
    }

    fn try_view(&self) -> Option<View<'_>> {
        let bytes = self.store.bytes();
        let section = |s: usize| bytes.get(self.sections[s].clone());
        Some(View {
            kinds: section(KINDS)?,
            label_lens: bytemuck::try_cast_slice(section(LABEL_LENS)?).ok()?,
            first_key: bytemuck::try_cast_slice(section(FIRST_KEY)?).ok()?,
            keys: bytemuck::try_cast_slice(section(KEYS)?).ok()?,
            folded: section(FOLDED)?,
            bonuses: bytemuck::try_cast_slice(section(BONUSES)?).ok()?,
            first_string: bytemuck::try_cast_slice(section(FIRST_STRING)?).ok()?,
            string_ends: bytemuck::try_cast_slice(section(STRING_ENDS)?).ok()?,
            strings: section(STRINGS)?,
            other_name: bytemuck::try_cast_slice(section(OTHER_NAME)?).ok()?,
        })
    }

    pub(super) fn view(&self) -> View<'_> {
        self.try_view().unwrap_or(View::EMPTY)
    }

    /// Candidate `i` for display, or `None` past the end (or in a damaged index).
    pub fn candidate(&self, i: usize) -> Option<CandidateRef<'_>> {
        self.view().candidate(i)
    }

    /// Every candidate for display, for a caller that looks up many (the tables are found
    /// once, not per row).
    pub fn candidates(&self) -> Candidates<'_> {
        Candidates(self.view())
    }
}

impl<'a> View<'a> {
    /// The tables of an index with nothing in it.
    const EMPTY: View<'static> = View {
        kinds: &[],
        label_lens: &[],
        first_key: &[],
        keys: &[],
        folded: &[],
        bonuses: &[],
        first_string: &[],
        string_ends: &[],
        strings: &[],
        other_name: &[],
    };

    pub fn len(&self) -> usize {
        self.kinds.len()
    }

    pub fn kind(&self, i: usize) -> Option<Kind> {
        Kind::ALL.get(usize::from(*self.kinds.get(i)?)).copied()
    }

    /// Candidate `i`'s folded-key records.
    pub fn keys_of(&self, i: usize) -> &'a [[u64; 8]] {
        let bound = |j: usize| self.first_key.get(j).map(|&k| k as usize);
        match (bound(i), bound(i + 1)) {
            (Some(a), Some(b)) => self.keys.get(a..b).unwrap_or(&[]),
            _ => &[],
        }
    }

    /// The folded text of a key: `None` when its span is not in the arena.
    pub fn folded_bytes(&self, key: &FoldedKey) -> Option<&'a [u8]> {
        self.folded.get(key.start..key.end)
    }

    pub fn bonuses_of(&self, key: &FoldedKey) -> Option<&'a [i8]> {
        self.bonuses
            .get(key.bonus_at..key.bonus_at.checked_add(key.units)?)
    }

    /// The bytes of string `at` of the arena.
    fn raw_string(&self, at: usize) -> Option<&'a [u8]> {
        let start = match at.checked_sub(1) {
            Some(before) => *self.string_ends.get(before)? as usize,
            None => 0,
        };
        let end = *self.string_ends.get(at)? as usize;
        self.strings.get(start..end)
    }

    /// String `at` of the arena.
    fn text(&self, at: usize) -> Option<Text<'a>> {
        self.raw_string(at).map(Text)
    }

    pub fn candidate(&self, i: usize) -> Option<CandidateRef<'a>> {
        let first = *self.first_string.get(i)? as usize;
        let end = *self.first_string.get(i + 1)? as usize;
        if end < first + FIXED_STRINGS {
            return None;
        }
        Some(CandidateRef {
            kind: self.kind(i)?,
            id: self.text(first)?,
            label: self.text(first + 1)?,
            detail: self.text(first + 2)?,
            view: *self,
            index: i,
            first,
            end,
        })
    }
}

/// A key, folded once at build time, as spans of the index's arenas. Stored as a fixed
/// record of eight words ([`FoldedKey::encode`]) and read back by [`FoldedKey::decode`]
/// where the scan needs it (a few shifts, nothing allocated).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct FoldedKey {
    /// Which of the candidate's keys it is a form of.
    pub source: u32,
    pub form: Form,
    /// A person's plain key that surname spellings do not change: matched with the query's
    /// surname-mapped words too.
    pub roman_same: bool,
    /// Byte span in the folded arena.
    pub start: usize,
    pub end: usize,
    /// Where its units' in-place bonuses start; a unit is a byte of an ASCII key, a char of
    /// any other.
    pub bonus_at: usize,
    /// Number of units.
    pub units: usize,
    /// Whether its folded text is ASCII (units are bytes).
    pub ascii: bool,
    /// Which characters it holds (see `query::mask`).
    pub mask: u64,
    /// Its first folded char ('\0' for an empty key) and the characters at its word starts,
    /// for `score::upper_bound`.
    pub first: char,
    pub heads: u64,
    /// The characters that start its words (runs of letters and digits, as the tiers see
    /// them): a key none of whose words starts with the query's first letter can only match
    /// in [`super::Tier::Fuzzy`].
    pub starts: u64,
    /// Its letters and digits (capped), and the length of its shortest word: an exact match
    /// needs as many, a whole-word match no query word shorter.
    pub alnum_len: u16,
    pub min_word: u16,
    /// Length in chars of the original key (the ranking's tie-break; forms keep their key's).
    pub len: u32,
    /// Folded char i came from original char i, so positions need no mapping.
    pub identity: bool,
}

fn lo(w: u64) -> usize {
    (w & 0xFFFF_FFFF) as usize
}

fn hi(w: u64) -> usize {
    (w >> 32) as usize
}

fn pair(a: usize, b: usize) -> u64 {
    (a as u64 & 0xFFFF_FFFF) | ((b as u64) << 32)
}

impl FoldedKey {
    pub fn encode(&self) -> [u64; 8] {
        let form = match self.form {
            Form::Plain => 0,
            Form::Roman => 1,
            Form::Initials => 2,
        };
        let flags = form
            | u64::from(self.roman_same) << 2
            | u64::from(self.identity) << 3
            | u64::from(self.ascii) << 4;
        [
            self.mask,
            self.heads,
            self.starts,
            pair(self.start, self.end),
            pair(self.bonus_at, self.units),
            pair(self.source as usize, self.len as usize),
            u64::from(u32::from(self.first))
                | u64::from(self.alnum_len) << 32
                | u64::from(self.min_word) << 48,
            flags,
        ]
    }

    #[inline]
    pub fn decode(r: &[u64; 8]) -> FoldedKey {
        let flags = r[7];
        FoldedKey {
            mask: r[0],
            heads: r[1],
            starts: r[2],
            start: lo(r[3]),
            end: hi(r[3]),
            bonus_at: lo(r[4]),
            units: hi(r[4]),
            source: lo(r[5]) as u32,
            len: hi(r[5]) as u32,
            first: char::from_u32((r[6] & 0xFFFF_FFFF) as u32).unwrap_or('\0'),
            alnum_len: ((r[6] >> 32) & 0xFFFF) as u16,
            min_word: (r[6] >> 48) as u16,
            form: match flags & 3 {
                1 => Form::Roman,
                2 => Form::Initials,
                _ => Form::Plain,
            },
            roman_same: flags & 4 != 0,
            identity: flags & 8 != 0,
            ascii: flags & 16 != 0,
        }
    }
}

/// Words per checksum block: blocks are hashed on both cores, then combined in order.
const CHECKSUM_BLOCK: usize = 1 << 17;

/// A fast 64-bit checksum of everything after the header: four independent multiply-xor
/// lanes per block (so the multiplies overlap), blocks in parallel. It catches damage (a
/// flipped bit, a torn write), not attacks: the file is the user's own. Every byte is read,
/// which is the one linear pass over the file; it costs a few milliseconds at 100k
/// candidates (see BENCHMARKS.md) and keeps a damaged entry from answering at all.
fn checksum(words: &[u64]) -> u64 {
    use rayon::prelude::*;
    const K: u64 = 0x9E37_79B9_7F4A_7C15;
    let block = |words: &[u64]| -> u64 {
        let mut lanes = [0xCBF2_9CE4_8422_2325u64, 1, 2, 3];
        let mut quads = words.chunks_exact(4);
        for q in &mut quads {
            for (lane, &w) in lanes.iter_mut().zip(q) {
                *lane = (*lane ^ w).wrapping_mul(K).rotate_left(29);
            }
        }
        for (lane, &w) in lanes.iter_mut().zip(quads.remainder()) {
            *lane = (*lane ^ w).wrapping_mul(K).rotate_left(29);
        }
        lanes.iter().fold(words.len() as u64, |h, &l| {
            (h ^ l).wrapping_mul(K).rotate_left(31)
        })
    };
    let sums: Vec<u64> = if words.len() > CHECKSUM_BLOCK {
        words.par_chunks(CHECKSUM_BLOCK).map(block).collect()
    } else {
        vec![block(words)]
    };
    sums.iter().fold(words.len() as u64, |h, &s| {
        (h ^ s).wrapping_mul(K).rotate_left(27)
    })
}

/// `n` rounded up to a multiple of 8.
fn padded(n: usize) -> usize {
    n.div_ceil(8) * 8
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> Vec<Candidate> {
        let corpus = crate::synth::generate(crate::synth::Spec::with_candidates(2_000));
        let mut c = super::super::candidates_from(&corpus);
        c[1].label = "Shown differently".into();
        c[2].keys.clear();
        c[3].keys.push("국가정보원".into());
        c
    }

    fn reopened(bytes: &[u8], key: &[u8]) -> Result<FinderIndex, Refused> {
        FinderIndex::open(Store::from_bytes(bytes), key)
    }

    #[test]
    fn round_trips_every_candidate_and_key() {
        let cands = sample();
        let built = FinderIndex::build_keyed(&cands, b"key");
        let opened = reopened(built.bytes(), b"key").unwrap();
        assert_eq!(opened.len(), cands.len());
        assert!(opened.has_initials(), "the Hangul key has an initials form");
        for (i, c) in cands.iter().enumerate() {
            let r = opened.candidate(i).unwrap();
            let texts = [r.id, r.label, r.detail].map(Text::as_str);
            assert_eq!(
                texts,
                [&c.id, &c.label, &c.detail].map(|s| Some(s.as_str()))
            );
            assert_eq!(r.kind, c.kind);
            assert_eq!(r.other_name().and_then(Text::as_str), c.other_name());
            assert_eq!(r.keys().collect::<Vec<_>>(), c.keys);
            assert_eq!(
                &r.to_candidate(),
                c,
                "the candidate as built, from the index alone"
            );
        }
        assert!(opened.candidate(cands.len()).is_none());
        let key = FoldedKey::decode(&opened.view().keys[5]);
        assert_eq!(FoldedKey::decode(&key.encode()), key);
    }

    #[test]
    fn a_truncated_damaged_or_foreign_file_is_refused() {
        let built = FinderIndex::build_keyed(&sample(), b"key");
        let bytes = built.bytes();
        assert_eq!(reopened(bytes, b"other").err(), Some(Refused::OtherKey));
        for cut in [0, 7, HEADER_BYTES - 1] {
            assert_eq!(
                reopened(&bytes[..cut], b"key").err(),
                Some(Refused::Truncated)
            );
        }
        for cut in [HEADER_BYTES, bytes.len() / 2, bytes.len() - 1] {
            assert_eq!(
                reopened(&bytes[..cut], b"key").err(),
                Some(Refused::Truncated),
                "{cut}"
            );
        }
        let mut longer = bytes.to_vec();
        longer.push(0);
        assert_eq!(reopened(&longer, b"key").err(), Some(Refused::Damaged));
        let flip = |at: usize| {
            let mut bad = bytes.to_vec();
            bad[at] ^= 0x40;
            reopened(&bad, b"key").err()
        };
        assert_eq!(flip(0), Some(Refused::NotAnIndex), "magic");
        assert_eq!(flip(16), Some(Refused::NotAnIndex), "version");
        assert_eq!(flip(24), Some(Refused::NotAnIndex), "endian mark");
        assert_eq!(
            flip(FIXED_WORDS * 8 + 1),
            Some(Refused::Damaged),
            "a section offset"
        );
        assert_eq!(
            flip(FIXED_WORDS * 8 + 8),
            Some(Refused::Damaged),
            "a section length"
        );
        assert_eq!(flip(9 * 8), Some(Refused::Damaged), "the checksum");
        for at in [
            HEADER_BYTES + 3,
            bytes.len() / 3,
            bytes.len() / 2,
            bytes.len() - 1,
        ] {
            assert_eq!(flip(at), Some(Refused::Damaged), "a table byte at {at}");
        }
    }

    #[test]
    fn the_memchr_jump_loses_no_match() {
        // A scan over a range of candidates jumps through the arena to the next one holding
        // the query's first byte; one over a subset looks at every candidate it is given.
        // Both must find the same matches, for rare, common, Korean and initials queries.
        let index = FinderIndex::build(&sample());
        let all: Vec<u32> = (0..u32::try_from(index.len()).unwrap()).collect();
        for text in [
            "zzqxj",
            "q",
            "eu",
            "cyber eu",
            "dialogue 7",
            "국가",
            "ㄱㅈ",
            "yun",
            "#",
            "",
        ] {
            let q = super::super::Query::parse(text);
            let jumped = index.scan(&q, None, usize::MAX, true, None).unwrap();
            let walked = index.scan(&q, Some(&all), usize::MAX, true, None).unwrap();
            assert_eq!(jumped.matched, walked.matched, "{text:?}");
            assert_eq!(jumped.total, walked.total, "{text:?}");
        }
        let q = super::super::Query::parse("dialogue");
        assert!(
            index.scan(&q, None, 10, true, None).unwrap().total > 0,
            "the sample matches"
        );
    }

    #[test]
    fn damaged_tables_never_panic() {
        let cands = sample();
        let built = FinderIndex::build_keyed(&cands, b"");
        let bytes = built.bytes();
        // Scribble over everything after the header: spans point anywhere.
        for seed in 1..6u8 {
            let mut bad = bytes.to_vec();
            for (i, b) in bad.iter_mut().enumerate().skip(HEADER_BYTES) {
                if i % usize::from(seed + 2) == 0 {
                    *b = b.wrapping_mul(31).wrapping_add(seed);
                }
            }
            // As if the damage had been written with a valid checksum (a buggy writer).
            let body: Vec<u64> = bad[HEADER_BYTES..]
                .chunks_exact(8)
                .map(|w| u64::from_ne_bytes(w.try_into().unwrap()))
                .collect();
            bad[72..80].copy_from_slice(&checksum(&body).to_ne_bytes());
            let index = reopened(&bad, b"").unwrap();
            for q in ["e", "eu cy", "ㄱㅈ", "yun", "#", "zz"] {
                let results = index.search(&super::super::Query::parse(q), 20);
                assert!(results.matches.len() <= 20);
                for m in &results.matches {
                    let _ = index.candidate(m.candidate);
                }
            }
        }
    }
}
