//! The scan: every candidate (or the previous match set) tested and scored against a query.
//!
//! Work per key, cheapest first: the kind, the character masks, the bytes in order, then
//! the tier and the score. Each form of a key is tested with the query's words in that form
//! (see `Form`). Two things keep the score (a dynamic program) off most keys:
//!
//! - A bound: a key cannot score above `score::upper_bound` (from its first character and
//!   the characters at its word starts), nor rank above its tier; tier and score are compared
//!   as one number (`tier_value`). Each task keeps the `limit` best scores it has seen;
//!   a key whose bound is below the lowest of them cannot reach the results, so it is only
//!   counted. This is exact: a skipped candidate has at least `limit` better ones in that
//!   task. Tasks share the highest such bar, so later tasks skip from their first key. While
//!   a name is typed from its start, this skips most keys.
//! - Both cores: tasks of [`CHUNK`] candidates, each with its own buffers and results.

use std::cmp::Reverse;
use std::collections::BinaryHeap;
use std::ops::Range;
use std::sync::atomic::{AtomicI64, Ordering};

use rayon::prelude::*;

use super::query::{Word, char_bit, is_subsequence};
use super::score::{self, Scratch};
use super::tier::{Tier, tier};
use super::{Finder, FoldedKey, Form, Query, Scored, rank, shortest_word, tier_value};
use crate::search::hangul;

/// Below this many candidates a scan stays on the calling thread (rayon's hand-off would
/// cost more than it saves).
pub(super) const PARALLEL_MIN: usize = 4096;
/// Candidates per rayon task: large enough to amortise the hand-off, small enough that both
/// cores stay busy to the end. Each task collects into its own vectors (rayon's `flatten`
/// over `Option`s allocated per item and cost more than the scoring itself).
const CHUNK: usize = 4096;

/// What a scan found.
#[derive(Default)]
pub(super) struct Scan {
    /// How many candidates matched.
    pub total: usize,
    /// Their indices, ascending (only when asked for: a [`super::Session`] keeps them).
    pub matched: Vec<u32>,
    /// Candidates with their best score; a superset of the best `limit`. An empty query
    /// scores every candidate 0.
    pub scored: Vec<Scored>,
}

/// What one candidate came to.
enum Outcome {
    NoMatch,
    /// Matches, but cannot be among the best: not scored.
    Below,
    Scored(Scored),
}

/// The `limit` best scores of a task so far: the lowest of them is the bar a key's bound must
/// reach to be worth scoring.
struct Bar {
    heap: BinaryHeap<Reverse<i64>>,
    limit: usize,
}

impl Bar {
    fn new(limit: usize) -> Self {
        Bar {
            heap: BinaryHeap::with_capacity(limit.min(CHUNK) + 1),
            limit,
        }
    }

    /// Keys whose bound is below this need no score.
    fn floor(&self) -> Option<i64> {
        if self.limit == 0 {
            Some(i64::MAX)
        } else if self.heap.len() >= self.limit {
            self.heap.peek().map(|r| r.0)
        } else {
            None
        }
    }

    fn push(&mut self, score: i64) {
        if self.limit == 0 {
            return;
        }
        self.heap.push(Reverse(score));
        if self.heap.len() > self.limit {
            self.heap.pop();
        }
    }
}

impl Finder {
    /// Scans all candidates (`subset` = `None`) or the given ones (ascending indices).
    pub(super) fn scan(
        &self,
        q: &Query,
        subset: Option<&[u32]>,
        limit: usize,
        keep_ids: bool,
    ) -> Scan {
        if q.initials.is_some() && !self.has_initials {
            // Initial consonants can only match Hangul, and no key has any.
            return Scan::default();
        }
        let n = subset.map_or(self.candidates.len(), <[u32]>::len);
        let shared = AtomicI64::new(i64::MIN);
        let task = |range: Range<usize>| {
            let ids = range.map(|k| subset.map_or(k, |s| s[k] as usize));
            self.scan_task(q, ids, limit, keep_ids, &shared)
        };
        if n < PARALLEL_MIN {
            return task(0..n);
        }
        let parts: Vec<Scan> = (0..n.div_ceil(CHUNK))
            .into_par_iter()
            .map(|c| task(c * CHUNK..n.min((c + 1) * CHUNK)))
            .collect();
        let mut all = Scan {
            total: parts.iter().map(|p| p.total).sum(),
            matched: Vec::with_capacity(if keep_ids { n } else { 0 }),
            scored: Vec::new(),
        };
        for part in parts {
            all.matched.extend(part.matched);
            all.scored.extend(part.scored);
        }
        all
    }

    fn scan_task(
        &self,
        q: &Query,
        ids: impl Iterator<Item = usize>,
        limit: usize,
        keep_ids: bool,
        shared: &AtomicI64,
    ) -> Scan {
        let mut scratch = Scratch::default();
        let mut bar = Bar::new(limit);
        let mut out = Scan::default();
        for i in ids {
            // Any task's bar is valid for all: it has `limit` candidates at or above it.
            let others = shared.load(Ordering::Relaxed);
            let floor = match bar.floor() {
                Some(own) => Some(own.max(others)),
                None => (others > i64::MIN).then_some(others),
            };
            match self.score(i, q, floor, &mut scratch) {
                Outcome::NoMatch => continue,
                Outcome::Below => {}
                Outcome::Scored(s) => {
                    bar.push(s.rank_value());
                    out.scored.push(s);
                    if let Some(own) = bar.floor()
                        && own > others
                    {
                        shared.fetch_max(own, Ordering::Relaxed);
                    }
                }
            }
            out.total += 1;
            if keep_ids {
                out.matched.extend(u32::try_from(i).ok());
            }
        }
        out
    }

    /// Candidate `i`'s best key for `q`, if some key holds every word. Keys whose bound is
    /// below `floor` are only tested, not scored.
    fn score(&self, i: usize, q: &Query, floor: Option<i64>, scratch: &mut Scratch) -> Outcome {
        if q.kind.is_some_and(|k| self.kinds[i] != k) {
            return Outcome::NoMatch;
        }
        let Ok(candidate) = u32::try_from(i) else {
            return Outcome::NoMatch;
        };
        let keys = &self.keys[self.first_key[i]..self.first_key[i + 1]];
        if q.words.is_empty() {
            return Outcome::Scored(Scored {
                tier: Tier::Fuzzy,
                score: 0,
                key_len: keys.first().map_or(0, |k| k.len),
                label_len: 0,
                candidate,
                key: 0,
                slot: 0,
            });
        }
        let mut matched = false;
        let mut best: Option<Scored> = None;
        for (slot, key) in (0u32..).zip(keys) {
            for words in self.word_sets(q, key).into_iter().flatten() {
                let Some(found) =
                    self.test_key(keys, key, words, &q.compiled, floor, matched, scratch)
                else {
                    continue;
                };
                matched = true;
                let Some((tier, score)) = found else {
                    continue;
                };
                let here = Scored {
                    tier,
                    score,
                    key_len: key.len,
                    label_len: self.label_lens[i],
                    candidate,
                    key: key.source,
                    slot,
                };
                // Ties keep the earlier key: the label wins over an alias that scores the same.
                if best.is_none_or(|b| rank(&here, &b).is_lt()) {
                    best = Some(here);
                }
            }
        }
        match best {
            Some(s) => Outcome::Scored(s),
            None if matched => Outcome::Below,
            None => Outcome::NoMatch,
        }
    }

    /// The query's words to test a key form with: initials forms only by a query of initials
    /// (and nothing else by it); a person's surname-mapped form by the surname-mapped words,
    /// as is a person's plain key that mapping leaves as it is.
    fn word_sets<'q>(&self, q: &'q Query, key: &FoldedKey) -> [Option<&'q [Word]>; 2] {
        match (key.form, &q.initials) {
            (Form::Initials, Some(initials)) => [Some(initials.as_slice()), None],
            (Form::Initials, None) | (_, Some(_)) => [None, None],
            (Form::Roman, None) => [Some(q.roman.as_slice()), None],
            (Form::Plain, None) if key.roman_same && q.roman_differs => {
                [Some(q.compiled.as_slice()), Some(q.roman.as_slice())]
            }
            (Form::Plain, None) => [Some(q.compiled.as_slice()), None],
        }
    }

    /// Tests one key form with `words` (`typed`: the query's words as typed, which an initials
    /// form checks against its key as written): `None` if they do not all match it,
    /// `Some(None)` if they do but it cannot reach `floor` (or the candidate is already known
    /// to match and the key's bound is below it: then it is not even tested), else its tier
    /// and score.
    #[allow(clippy::too_many_arguments)]
    fn test_key(
        &self,
        keys: &[FoldedKey],
        key: &FoldedKey,
        words: &[Word],
        typed: &[Word],
        floor: Option<i64>,
        matched: bool,
        scratch: &mut Scratch,
    ) -> Option<Option<(Tier, i64)>> {
        if words.iter().any(|w| w.mask & !key.mask != 0) {
            return None;
        }
        let bound: i64 = words
            .iter()
            .map(|w| score::upper_bound(&w.chars, key.first, key.heads))
            .sum();
        // The best tier the key could reach (each is needed for the one above): every tier above
        // fuzzy starts the query at a key word's start, an exact match has as many letters and
        // digits, a whole-word match no query word shorter than the key's shortest word.
        let lead = words
            .iter()
            .flat_map(|w| w.chars.iter())
            .find(|c| c.is_alphanumeric());
        let cap = match lead {
            Some(&c) if key.starts & char_bit(c) != 0 => {
                let alnum = words
                    .iter()
                    .flat_map(|w| w.chars.iter())
                    .filter(|c| c.is_alphanumeric())
                    .count();
                let shortest = words
                    .iter()
                    .map(|w| shortest_word(&w.text))
                    .filter(|&n| n > 0)
                    .min()
                    .unwrap_or(0);
                if alnum == usize::from(key.alnum_len) {
                    Tier::Exact
                } else if shortest >= usize::from(key.min_word) {
                    Tier::WholeWords
                } else {
                    Tier::WordStart
                }
            }
            _ => Tier::Fuzzy,
        };
        let below_any = floor.is_some_and(|floor| tier_value(cap, bound) < floor);
        // Once the candidate is known to match, a key that cannot reach the results needs
        // no test at all.
        if below_any && matched {
            return Some(None);
        }
        let text = &self.folded.as_bytes()[key.start..key.end];
        if !words
            .iter()
            .all(|w| is_subsequence(w.text.as_bytes(), text))
        {
            return None;
        }
        let chars = key.chars_at.map(|at| &self.chars[at..at + key.units]);
        // Bytes in order do not imply characters in order (a character's bytes may be
        // found in different characters): for a key that is not ASCII, check chars.
        if let Some(chars) = chars
            && !words.iter().all(|w| chars_in_order(&w.chars, chars))
        {
            return None;
        }
        if key.form == Form::Initials {
            // The initials matched; the syllables typed whole must match whole too (국ㅈ is
            // not 가정), checked on the key as written.
            let plain = keys.get(key.source as usize)?;
            let plain_chars = plain.chars_at.map(|at| &self.chars[at..at + plain.units])?;
            if !typed
                .iter()
                .all(|w| hangul::matches_in_order(&w.chars, plain_chars))
            {
                return None;
            }
        }
        if below_any {
            return Some(None);
        }
        let key_text = &self.folded[key.start..key.end];
        let found_tier = match cap {
            Tier::Fuzzy => Tier::Fuzzy,
            // Never above the cap (a key of more words than `tier` reads is not typed whole).
            _ => tier(words.iter().map(|w| w.text.as_str()), key_text).min(cap),
        };
        if floor.is_some_and(|floor| tier_value(found_tier, bound) < floor) {
            return Some(None);
        }
        let bonuses = &self.bonuses[key.bonus_at..key.bonus_at + key.units];
        let mut total = 0;
        for w in words {
            let word = match chars {
                None => score::score_units(text, bonuses, w.text.as_bytes(), scratch),
                Some(chars) => score::score_units(chars, bonuses, &w.chars, scratch),
            };
            total += word?;
        }
        Some(Some((found_tier, total)))
    }
}

/// Whether `needle`'s chars appear in order in `haystack`.
fn chars_in_order(needle: &[char], haystack: &[char]) -> bool {
    let mut hay = haystack.iter();
    needle.iter().all(|c| hay.by_ref().any(|h| h == c))
}
