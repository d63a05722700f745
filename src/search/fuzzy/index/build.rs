//! Building a finder index from candidates: the bytes that [`FinderIndex::open`] reads.
//!
//! Candidates are folded in parts of [`PART`] on both cores, each part into tables of its
//! own with offsets from its own start; the parts are then laid out one after another in
//! the index, their offsets moved by what comes before them. The bytes are exactly those of
//! one pass over the candidates in order (`oracle` keeps that pass; the tests compare them
//! byte for byte). One pass is still taken where a part could not know what the whole
//! would do: when the arenas come near the 32-bit limit at which keys and strings stop
//! being taken (see [`ARENA_MAX`]), far beyond any corpus the loader accepts.

use rayon::prelude::*;

use super::{
    BONUSES, ENDIAN_MARK, FIRST_KEY, FIRST_STRING, FIXED_WORDS, FLAG_INITIALS, FOLDED, FinderIndex,
    FoldedKey, HEADER_BYTES, HEADER_WORDS, KEYS, KINDS, LABEL_LENS, MAGIC, OTHER_NAME, SECTIONS,
    STRING_ENDS, STRINGS, Store, VERSION, checksum, padded,
};
use crate::corpus::Corpus;
use crate::search::fuzzy::candidates::candidate_parts;
use crate::search::fuzzy::{
    Candidate, Form, Kind, fold_key_into, query, score, shortest_word, word_starts,
};
use crate::search::{hangul, roman};

#[cfg(test)]
mod oracle;

/// Candidates per part: enough that a part's overhead does not count, few enough that both
/// cores finish together.
const PART: usize = 4096;

/// The tables while they are built.
#[derive(Default)]
struct Tables {
    kinds: Vec<u8>,
    label_lens: Vec<u32>,
    first_key: Vec<u32>,
    keys: Vec<[u64; 8]>,
    folded: String,
    bonuses: Vec<i8>,
    first_string: Vec<u32>,
    string_ends: Vec<u32>,
    strings: String,
    other_name: Vec<u16>,
    /// One key's chars, reused.
    chars: Vec<char>,
    /// The longest string and key seen, in bytes: whether a part's tables are those the
    /// whole would have built (see [`fits`]).
    longest_string: usize,
    longest_key: usize,
}

/// Offsets are 32-bit: an index stops taking keys and strings before its arenas pass 4 GiB
/// (a corpus that large is refused by the loader long before).
const ARENA_MAX: usize = u32::MAX as usize - (1 << 20);

fn cap32(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

fn cap16(n: usize) -> u16 {
    u16::try_from(n).unwrap_or(u16::MAX)
}

/// What [`Tables::finish`] records of a folded text besides its bonuses.
#[derive(Debug, PartialEq, Eq)]
struct Summary {
    mask: u64,
    first: char,
    starts: u64,
    alnum_len: u16,
    min_word: u16,
}

impl Summary {
    fn of(text: &str) -> Summary {
        if text.is_ascii() {
            return Summary::of_ascii(text.as_bytes());
        }
        Summary {
            mask: query::mask(text),
            first: text.chars().next().unwrap_or('\0'),
            starts: word_starts(text),
            alnum_len: cap16(text.chars().filter(|c| c.is_alphanumeric()).count()),
            min_word: cap16(shortest_word(text)),
        }
    }

    /// The same in one pass over ASCII bytes (where a char is a byte and alphanumeric
    /// means ASCII alphanumeric).
    fn of_ascii(text: &[u8]) -> Summary {
        let (mut mask, mut starts, mut alnum) = (0u64, 0u64, 0usize);
        let (mut run, mut shortest) = (0usize, usize::MAX);
        for &b in text {
            let bit = query::char_bit(char::from(b));
            mask |= bit;
            if b.is_ascii_alphanumeric() {
                if run == 0 {
                    starts |= bit;
                }
                run += 1;
                alnum += 1;
            } else if run > 0 {
                shortest = shortest.min(run);
                run = 0;
            }
        }
        if run > 0 {
            shortest = shortest.min(run);
        }
        Summary {
            mask,
            first: text.first().map_or('\0', |&b| char::from(b)),
            starts,
            alnum_len: cap16(alnum),
            min_word: cap16(if shortest == usize::MAX { 0 } else { shortest }),
        }
    }
}

impl Tables {
    fn of(candidates: &[Candidate]) -> Tables {
        let mut t = Tables::default();
        // Room for what is known ahead (growing a table copies it and faults in pages
        // again), and a quarter more of folded text for the forms some keys add.
        let n = candidates.len();
        let keys: usize = candidates.iter().map(|c| c.keys.len()).sum();
        let key_bytes: usize = candidates
            .iter()
            .flat_map(|c| &c.keys)
            .map(String::len)
            .sum();
        let other_bytes: usize = candidates
            .iter()
            .map(|c| c.id.len() + c.label.len() + c.detail.len())
            .sum();
        t.kinds.reserve(n);
        t.label_lens.reserve(n);
        t.first_key.reserve(n);
        t.first_string.reserve(n);
        t.other_name.reserve(n);
        t.string_ends.reserve(3 * n + keys);
        t.strings.reserve(key_bytes + other_bytes);
        t.keys.reserve(keys + keys / 4);
        t.folded.reserve(key_bytes + key_bytes / 4);
        t.bonuses.reserve(key_bytes + key_bytes / 4);
        for c in candidates {
            t.add(c);
        }
        t
    }

    fn push_string(&mut self, s: &str) {
        self.longest_string = self.longest_string.max(s.len());
        if self.strings.len() + s.len() < ARENA_MAX {
            self.strings.push_str(s);
        }
        self.string_ends.push(cap32(self.strings.len()));
    }

    /// Records the key whose folded text is `folded[start..]`: its bonuses and summaries.
    fn finish(&mut self, start: usize, source: u32, form: Form, len: u32, identity: bool) {
        let text = &self.folded[start..];
        let bonus_at = self.bonuses.len();
        let ascii = text.is_ascii();
        let heads = if ascii {
            score::push_ascii_bonuses(text.as_bytes(), &mut self.bonuses)
        } else {
            self.chars.clear();
            self.chars.extend(text.chars());
            score::push_bonuses(&self.chars, &mut self.bonuses);
            score::bonus_mask(&self.chars, &self.bonuses[bonus_at..])
        };
        let summary = Summary::of(text);
        let key = FoldedKey {
            source,
            form,
            roman_same: false,
            start,
            end: self.folded.len(),
            bonus_at,
            units: self.bonuses.len() - bonus_at,
            ascii,
            mask: summary.mask,
            first: summary.first,
            heads,
            starts: summary.starts,
            alnum_len: summary.alnum_len,
            min_word: summary.min_word,
            len,
            identity,
        };
        self.keys.push(key.encode());
    }

    fn add(&mut self, c: &Candidate) {
        self.kinds
            .push(Kind::ALL.iter().position(|k| *k == c.kind).unwrap_or(0) as u8);
        self.label_lens.push(cap32(c.label.chars().count()));
        let other = c
            .other_name()
            .and_then(|o| c.keys.iter().position(|k| k == o))
            .and_then(|k| u16::try_from(k + 1).ok());
        self.other_name.push(other.unwrap_or(0));
        self.first_key.push(cap32(self.keys.len()));
        self.first_string.push(cap32(self.string_ends.len()));
        for s in [&c.id, &c.label, &c.detail].into_iter().chain(&c.keys) {
            self.push_string(s);
        }
        for key in &c.keys {
            self.longest_key = self.longest_key.max(key.len());
        }
        let first = self.keys.len();
        // Plain forms first, so a key's plain form sits at its own index.
        for (source, key) in (0u32..).zip(&c.keys) {
            if self.folded.len() + 4 * key.len() >= ARENA_MAX {
                return;
            }
            let start = self.folded.len();
            let identity = fold_key_into(key, &mut self.folded);
            let len = cap32(key.chars().count());
            self.finish(start, source, Form::Plain, len, identity);
        }
        for k in first..self.keys.len() {
            let plain = FoldedKey::decode(&self.keys[k]);
            let span = plain.start..plain.end;
            // ASCII holds no Hangul.
            if !plain.ascii && hangul::has_syllable(&self.folded[span.clone()]) {
                let initials = hangul::initials_of(&self.folded[span.clone()]);
                let start = self.folded.len();
                self.folded.push_str(&initials);
                self.finish(
                    start,
                    plain.source,
                    Form::Initials,
                    plain.len,
                    plain.identity,
                );
            }
            if c.kind == Kind::Person {
                let canonical = roman::canonical(&self.folded[span.clone()]);
                if canonical == self.folded[span] {
                    let mut same = plain;
                    same.roman_same = true;
                    self.keys[k] = same.encode();
                } else {
                    let start = self.folded.len();
                    self.folded.push_str(&canonical);
                    self.finish(start, plain.source, Form::Roman, plain.len, false);
                }
            }
        }
    }
}

/// Whether `parts`, laid out one after another, are exactly the tables one pass over all
/// their candidates builds: no string or key was left out in either (each part's arenas are
/// smaller than the whole's, so the whole's totals bound every check either made), and every
/// offset fits its 32 bits.
fn fits(parts: &[Tables]) -> bool {
    let total = |size: fn(&Tables) -> usize| -> usize { parts.iter().map(size).sum() };
    let longest = |size: fn(&Tables) -> usize| parts.iter().map(size).max().unwrap_or(0);
    let strings = total(|t| t.strings.len());
    let folded = total(|t| t.folded.len());
    strings.saturating_add(longest(|t| t.longest_string)) < ARENA_MAX
        && folded.saturating_add(longest(|t| t.longest_key).saturating_mul(4)) < ARENA_MAX
        && total(|t| t.bonuses.len()) < ARENA_MAX
        && total(|t| t.keys.len()) < ARENA_MAX
        && total(|t| t.string_ends.len()) < ARENA_MAX
}

/// The index of `candidates` under `key`, as 8-byte words and its length in bytes.
pub(super) fn encode(candidates: &[Candidate], key: &[u8]) -> (Vec<u64>, usize) {
    if candidates.len() <= PART {
        return lay_out(vec![Tables::of(candidates)], key);
    }
    let parts: Vec<Tables> = candidates.par_chunks(PART).map(Tables::of).collect();
    if fits(&parts) {
        lay_out(parts, key)
    } else {
        drop(parts);
        lay_out(vec![Tables::of(candidates)], key)
    }
}

/// The index of `corpus`'s candidates under `key`, as [`encode`] of
/// [`candidates_from`](super::super::candidates_from) gives it, without ever holding every
/// candidate: each part's are folded into its tables and dropped.
pub(super) fn encode_corpus(corpus: &Corpus, key: &[u8]) -> (Vec<u64>, usize) {
    let parts: Vec<Tables> = candidate_parts(corpus, PART, |c| Tables::of(&c));
    // What made the parts (each part's candidates, freed) goes back before the index is
    // laid out on top of it.
    crate::heap::release_free_memory();
    if fits(&parts) {
        lay_out(parts, key)
    } else {
        drop(parts);
        encode(&super::super::candidates_from(corpus), key)
    }
}

/// A table's values, each moved by `by`, as native-endian bytes into `out`.
fn put_moved(out: &mut [u8], values: &[u32], by: usize) {
    // Within 32 bits: `fits` checked the totals (a single part is not moved).
    let by = cap32(by);
    for (slot, &v) in out.chunks_exact_mut(4).zip(values) {
        slot.copy_from_slice(&v.wrapping_add(by).to_ne_bytes());
    }
}

/// Where a part's tables go in the whole: how much of each arena and table comes before it.
#[derive(Clone, Copy, Default)]
struct Before {
    keys: usize,
    strings: usize,
    string_ends: usize,
    folded: usize,
    bonuses: usize,
}

/// The bytes each section of a part takes.
fn section_lens(t: &Tables) -> [usize; SECTIONS] {
    let n = t.kinds.len();
    [
        n,
        4 * n,
        4 * n,
        64 * t.keys.len(),
        t.folded.len(),
        t.bonuses.len(),
        4 * n,
        4 * t.string_ends.len(),
        t.strings.len(),
        2 * n,
    ]
}

/// Cuts `bytes` into consecutive pieces of `lens`, and what is left after them.
fn cut(mut bytes: &mut [u8], lens: impl IntoIterator<Item = usize>) -> (Vec<&mut [u8]>, &mut [u8]) {
    let mut pieces = Vec::new();
    for len in lens {
        let len = len.min(bytes.len());
        let (piece, rest) = std::mem::take(&mut bytes).split_at_mut(len);
        pieces.push(piece);
        bytes = rest;
    }
    (pieces, bytes)
}

/// Writes part `t` into its pieces of the sections, its offsets moved by `before`.
fn put_part(t: &Tables, before: Before, out: &mut [&mut [u8]]) {
    out[KINDS].copy_from_slice(&t.kinds);
    out[LABEL_LENS].copy_from_slice(bytemuck::cast_slice(&t.label_lens));
    out[FOLDED].copy_from_slice(t.folded.as_bytes());
    out[BONUSES].copy_from_slice(bytemuck::cast_slice(&t.bonuses));
    out[STRINGS].copy_from_slice(t.strings.as_bytes());
    out[OTHER_NAME].copy_from_slice(bytemuck::cast_slice(&t.other_name));
    put_moved(out[FIRST_KEY], &t.first_key, before.keys);
    put_moved(out[FIRST_STRING], &t.first_string, before.string_ends);
    put_moved(out[STRING_ENDS], &t.string_ends, before.strings);
    // A key record's arena spans move with the arenas before it: the folded span's start
    // and end (both halves of word 3), the bonuses' start (the low half of word 4).
    let folded_by = before.folded as u64;
    let bonuses_by = before.bonuses as u64;
    for (slot, record) in out[KEYS].chunks_exact_mut(64).zip(&t.keys) {
        let mut moved = *record;
        moved[3] = moved[3].wrapping_add(folded_by | folded_by << 32);
        moved[4] = moved[4].wrapping_add(bonuses_by);
        slot.copy_from_slice(bytemuck::cast_slice(&moved));
    }
}

/// Lays `parts` out in one index under `key`: the header, the key, then each section with
/// the parts' tables one after another (the parts written on both cores, each into its own
/// pieces of the sections). Each part is dropped as soon as it is written, and the heap's
/// free pages handed back to the system then: a freed part otherwise stays in the
/// allocator's arenas, and the process's resident size held the parts and the index together
/// at the end of a build (BENCHMARKS.md). The index's own pages are touched only as they are
/// written, so resident memory grows by about what the parts give back.
fn lay_out(parts: Vec<Tables>, key: &[u8]) -> (Vec<u64>, usize) {
    let part_lens: Vec<[usize; SECTIONS]> = parts.iter().map(section_lens).collect();
    let candidates: usize = parts.iter().map(|t| t.kinds.len()).sum();
    let keys: usize = parts.iter().map(|t| t.keys.len()).sum();
    let string_count: usize = parts.iter().map(|t| t.string_ends.len()).sum();
    let mut lens = [0usize; SECTIONS];
    for part in &part_lens {
        for (len, part_len) in lens.iter_mut().zip(part) {
            *len += part_len;
        }
    }
    // Each offset table ends with the total, one past its last entry.
    lens[FIRST_KEY] += 4;
    lens[FIRST_STRING] += 4;
    let mut at = HEADER_BYTES + padded(key.len());
    let mut header = [0u64; HEADER_WORDS];
    for (s, &len) in lens.iter().enumerate() {
        header[FIXED_WORDS + 2 * s] = at as u64;
        header[FIXED_WORDS + 1 + 2 * s] = len as u64;
        at += padded(len);
    }
    let total_len = at;
    let has_initials = parts.iter().any(|t| {
        t.keys
            .iter()
            .any(|k| FoldedKey::decode(k).form == Form::Initials)
    });
    let magic: &[u64] = bytemuck::cast_slice(MAGIC);
    header[..2].copy_from_slice(magic);
    header[2] = VERSION;
    header[3] = ENDIAN_MARK;
    header[4] = total_len as u64;
    header[5] = key.len() as u64;
    header[6] = candidates as u64;
    header[7] = keys as u64;
    header[8] = if has_initials { FLAG_INITIALS } else { 0 };
    let mut words = vec![0u64; total_len / 8];
    let out: &mut [u8] = bytemuck::cast_slice_mut(&mut words);
    let (head, body) = out.split_at_mut(HEADER_BYTES + padded(key.len()));
    head[HEADER_BYTES..HEADER_BYTES + key.len()].copy_from_slice(key);
    // The sections, each cut into the parts' pieces; the padding between them stays zero.
    let (sections, _) = cut(body, lens.iter().flat_map(|&len| [len, padded(len) - len]));
    let mut pieces: Vec<Vec<&mut [u8]>> = (0..parts.len())
        .map(|_| Vec::with_capacity(SECTIONS))
        .collect();
    for (s, section) in sections.into_iter().step_by(2).enumerate() {
        let (cut_up, rest) = cut(section, part_lens.iter().map(|lens| lens[s]));
        for (part, piece) in pieces.iter_mut().zip(cut_up) {
            part.push(piece);
        }
        let end = match s {
            FIRST_KEY => Some(keys),
            FIRST_STRING => Some(string_count),
            _ => None,
        };
        if let Some(end) = end {
            rest.copy_from_slice(&cap32(end).to_ne_bytes());
        }
    }
    let mut before = Vec::with_capacity(parts.len());
    let mut sum = Before::default();
    for t in &parts {
        before.push(sum);
        sum.keys += t.keys.len();
        sum.strings += t.strings.len();
        sum.string_ends += t.string_ends.len();
        sum.folded += t.folded.len();
        sum.bonuses += t.bonuses.len();
    }
    parts
        .into_par_iter()
        .zip(before)
        .zip(&mut pieces)
        .for_each(|((t, before), out)| {
            put_part(&t, before, out);
            drop(t);
            // The part's memory goes back to the system as its place in the index is
            // written, so the two are not resident together (see the function's doc).
            crate::heap::release_free_memory();
        });
    header[9] = checksum(&words[HEADER_WORDS..]);
    words[..HEADER_WORDS].copy_from_slice(&header);
    (words, total_len)
}

impl FinderIndex {
    /// The index of `candidates` written under `key` (for a cache): the bytes of
    /// [`FinderIndex::open`].
    pub fn build_keyed(candidates: &[Candidate], key: &[u8]) -> FinderIndex {
        let (words, len) = encode(candidates, key);
        FinderIndex::open(Store::from_words(words, len), key).unwrap_or_else(|_| Self::empty())
    }

    /// The index of `corpus`'s candidates ([`candidates_from`](super::super::candidates_from))
    /// written under `key`, the same bytes as [`FinderIndex::build_keyed`] gives, made in
    /// parts so that the candidates are never all held at once (the browser's finder: the
    /// corpus is held already, and the candidates would be a third more).
    pub fn build_from_corpus(corpus: &Corpus, key: &[u8]) -> FinderIndex {
        let (words, len) = encode_corpus(corpus, key);
        FinderIndex::open(Store::from_words(words, len), key).unwrap_or_else(|_| Self::empty())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::search::fuzzy::candidates_from;
    use crate::synth::{Spec, Style, finder_candidates, generate, stress};

    fn same_bytes(candidates: &[Candidate], what: &str) {
        for key in [&b""[..], b"a stat key"] {
            let (words, len) = encode(candidates, key);
            let (old_words, old_len) = oracle::old_encode(candidates, key);
            assert_eq!(len, old_len, "{what}");
            let (now, before): (&[u8], &[u8]) = (
                &bytemuck::cast_slice(&words)[..len],
                &bytemuck::cast_slice(&old_words)[..old_len],
            );
            if let Some(at) = now.iter().zip(before).position(|(a, b)| a != b) {
                panic!("{what}: the index differs from the old encoder's at byte {at} of {len}");
            }
        }
    }

    #[test]
    fn the_same_bytes_as_one_pass_in_order() {
        // Across several parts, with Hangul (initials), people (surname forms), keys over
        // the matched part, and a part boundary inside each kind.
        let mut awkward = finder_candidates(3 * PART + 17);
        awkward[5].keys.push("국가정보원".into());
        awkward[PART].keys.clear();
        awkward[PART + 1].keys.push("é".repeat(1100));
        awkward[2 * PART - 1].kind = Kind::Person;
        awkward[2 * PART - 1].keys.push("Yun Seok-yeol".into());
        awkward[2 * PART].keys.push(String::new());
        same_bytes(&awkward, "synthetic candidates");
        same_bytes(
            &candidates_from(&generate(Spec::with_candidates(3 * PART))),
            "a generated corpus",
        );
        same_bytes(
            &candidates_from(&stress(500, Style::Hostile).corpus),
            "a hostile corpus",
        );
        same_bytes(&finder_candidates(100), "one part");
        same_bytes(&[], "nothing");
    }

    #[test]
    fn a_corpus_built_in_parts_gives_the_bytes_of_its_candidates_list() {
        for (corpus, what) in [
            (generate(Spec::with_candidates(3 * PART + 100)), "generated"),
            (stress(600, Style::Hostile).corpus, "hostile"),
            (crate::corpus::Corpus::default(), "empty"),
        ] {
            let whole = encode(&candidates_from(&corpus), b"k");
            let parts = encode_corpus(&corpus, b"k");
            assert_eq!(whole.1, parts.1, "{what}");
            assert!(whole.0 == parts.0, "{what}: the bytes differ");
        }
        let corpus = generate(Spec::with_candidates(PART + 5));
        let parts = candidate_parts(&corpus, 100, |c| c.len());
        assert!(parts.iter().all(|&n| n <= 100), "no part over its size");
        assert_eq!(parts.iter().sum::<usize>(), candidates_from(&corpus).len());
    }

    #[test]
    fn one_pass_summary_of_ascii_is_the_general_one() {
        let general = |text: &str| Summary {
            mask: query::mask(text),
            first: text.chars().next().unwrap_or('\0'),
            starts: word_starts(text),
            alnum_len: cap16(text.chars().filter(|c| c.is_alphanumeric()).count()),
            min_word: cap16(shortest_word(text)),
        };
        for text in [
            "",
            " ",
            "a",
            "eu-rok cyber dialogue 2019",
            "  two  spaces ",
            "x9 (y) z_",
            "...",
            "nist sp 800-53 rev. 5",
        ] {
            assert_eq!(
                Summary::of_ascii(text.as_bytes()),
                general(text),
                "{text:?}"
            );
        }
        let long = "word ".repeat(20_000);
        assert_eq!(Summary::of_ascii(long.as_bytes()), general(&long));
    }

    proptest::proptest! {
        #[test]
        fn one_pass_summary_of_any_ascii_is_the_general_one(text in "[ -~\t]{0,60}") {
            let general = Summary {
                mask: query::mask(&text),
                first: text.chars().next().unwrap_or('\0'),
                starts: word_starts(&text),
                alnum_len: cap16(text.chars().filter(|c| c.is_alphanumeric()).count()),
                min_word: cap16(shortest_word(&text)),
            };
            proptest::prop_assert_eq!(Summary::of_ascii(text.as_bytes()), general);
        }
    }
}
