//! The index encoder as it was before it was split across cores (kept verbatim but for
//! these lines, the imports and the name): the oracle that `build::encode` must equal byte
//! for byte.

use super::super::{
    ENDIAN_MARK, FIXED_WORDS, FLAG_INITIALS, FoldedKey, HEADER_BYTES, HEADER_WORDS, MAGIC,
    SECTIONS, VERSION, checksum, padded,
};
use super::{ARENA_MAX, cap16, cap32};
use crate::search::fold::fold_into;
use crate::search::fuzzy::{Candidate, Form, Kind, query, score, shortest_word, word_starts};
use crate::search::{hangul, roman};

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
}

impl Tables {
    fn push_string(&mut self, s: &str) {
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
            score::push_bonuses(text.as_bytes(), &mut self.bonuses);
            score::bonus_mask(text.as_bytes(), &self.bonuses[bonus_at..])
        } else {
            self.chars.clear();
            self.chars.extend(text.chars());
            score::push_bonuses(&self.chars, &mut self.bonuses);
            score::bonus_mask(&self.chars, &self.bonuses[bonus_at..])
        };
        let key = FoldedKey {
            source,
            form,
            roman_same: false,
            start,
            end: self.folded.len(),
            bonus_at,
            units: self.bonuses.len() - bonus_at,
            ascii,
            mask: query::mask(text),
            first: text.chars().next().unwrap_or('\0'),
            heads,
            starts: word_starts(text),
            alnum_len: cap16(text.chars().filter(|c| c.is_alphanumeric()).count()),
            min_word: cap16(shortest_word(text)),
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
        let first = self.keys.len();
        // Plain forms first, so a key's plain form sits at its own index.
        for (source, key) in (0u32..).zip(&c.keys) {
            if self.folded.len() + 4 * key.len() >= ARENA_MAX {
                return;
            }
            let start = self.folded.len();
            let identity = fold_into(matched_part(key), &mut self.folded);
            let len = cap32(key.chars().count());
            self.finish(start, source, Form::Plain, len, identity);
        }
        for k in first..self.keys.len() {
            let plain = FoldedKey::decode(&self.keys[k]);
            let text = self.folded[plain.start..plain.end].to_owned();
            if hangul::has_syllable(&text) {
                let start = self.folded.len();
                self.folded.push_str(&hangul::initials_of(&text));
                self.finish(
                    start,
                    plain.source,
                    Form::Initials,
                    plain.len,
                    plain.identity,
                );
            }
            if c.kind == Kind::Person {
                let canonical = roman::canonical(&text);
                if canonical == text {
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

/// The index of `candidates` under `key`, as 8-byte words and its length in bytes.
pub(crate) fn old_encode(candidates: &[Candidate], key: &[u8]) -> (Vec<u64>, usize) {
    let mut t = Tables::default();
    for c in candidates {
        t.add(c);
    }
    t.first_key.push(cap32(t.keys.len()));
    t.first_string.push(cap32(t.string_ends.len()));
    let has_initials = t
        .keys
        .iter()
        .any(|k| FoldedKey::decode(k).form == Form::Initials);
    let sections: [&[u8]; SECTIONS] = [
        &t.kinds,
        bytemuck::cast_slice(&t.label_lens),
        bytemuck::cast_slice(&t.first_key),
        bytemuck::cast_slice(&t.keys),
        t.folded.as_bytes(),
        bytemuck::cast_slice(&t.bonuses),
        bytemuck::cast_slice(&t.first_string),
        bytemuck::cast_slice(&t.string_ends),
        t.strings.as_bytes(),
        bytemuck::cast_slice(&t.other_name),
    ];
    let mut at = HEADER_BYTES + padded(key.len());
    let mut header = [0u64; HEADER_WORDS];
    for (s, bytes) in sections.iter().enumerate() {
        header[FIXED_WORDS + 2 * s] = at as u64;
        header[FIXED_WORDS + 1 + 2 * s] = bytes.len() as u64;
        at += padded(bytes.len());
    }
    let total = at;
    let magic: &[u64] = bytemuck::cast_slice(MAGIC);
    header[..2].copy_from_slice(magic);
    header[2] = VERSION;
    header[3] = ENDIAN_MARK;
    header[4] = total as u64;
    header[5] = key.len() as u64;
    header[6] = candidates.len() as u64;
    header[7] = t.keys.len() as u64;
    header[8] = if has_initials { FLAG_INITIALS } else { 0 };
    let mut words = vec![0u64; total / 8];
    let out: &mut [u8] = bytemuck::cast_slice_mut(&mut words);
    out[HEADER_BYTES..HEADER_BYTES + key.len()].copy_from_slice(key);
    for (s, bytes) in sections.iter().enumerate() {
        let start = header[FIXED_WORDS + 2 * s] as usize;
        out[start..start + bytes.len()].copy_from_slice(bytes);
    }
    header[9] = checksum(&words[HEADER_WORDS..]);
    words[..HEADER_WORDS].copy_from_slice(&header);
    (words, total)
}

fn matched_part(key: &str) -> &str {
    match key
        .char_indices()
        .nth(crate::search::fuzzy::MATCHED_KEY_CHARS)
    {
        Some((end, _)) => &key[..end],
        None => key,
    }
}
