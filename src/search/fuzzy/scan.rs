//! The scan: every candidate (or the previous match set) tested and scored against a query.
//!
//! The scan reads a [`FinderIndex`]'s tables in place. Work, cheapest first:
//!
//! - The prefilter, over a run of candidates: every candidate's keys (all forms) lie end to
//!   end in the folded arena, so `memchr` finds the next place the query's first byte occurs
//!   and the scan jumps (binary search on where candidates start) to the candidate holding
//!   it; the candidates before it are not looked at. That candidate must then hold each
//!   query word's bytes in order (`memchr` again). A query none of whose bytes is common
//!   ("zzqxj") touches little more than the arena.
//! - Per key: the kind, the character masks, the bytes in order, then the tier and the
//!   score. Each form of a key is tested with the query's words in that form (see `Form`).
//!
//! Two things keep the score (a dynamic program) off most keys:
//!
//! - A bound: a key cannot score above `score::upper_bound` (from its first character and
//!   the characters at its word starts), nor rank above its tier; tier and score are compared
//!   as one number (`tier_value`). Each task keeps the `limit` best scores it has seen;
//!   a key whose bound is below the lowest of them cannot reach the results, so it is only
//!   counted. This is exact: a skipped candidate has at least `limit` better ones in that
//!   task. Tasks share the highest such bar, so later tasks skip from their first key. While
//!   a name is typed from its start, this skips most keys.
//! - Both cores: tasks of [`CHUNK`] candidates, each with its own buffers and results.
//!
//! A scan given a [`Cancel`] looks at it every [`CHECK_EVERY`] candidates and gives up once a
//! newer query has been asked for (the browser's finder worker).

use std::cmp::Reverse;
use std::collections::BinaryHeap;
use std::ops::Range;
use std::sync::atomic::{AtomicI64, AtomicU64, Ordering};

use memchr::memchr;
use rayon::prelude::*;

use super::index::View;
use super::query::{Word, char_bit, is_subsequence};
use super::score::{self, Scratch};
use super::tier::{Tier, tier};
use super::{FinderIndex, FoldedKey, Form, Query, Scored, rank, shortest_word, tier_value};
use crate::search::hangul;

/// Below this many candidates a scan stays on the calling thread (rayon's hand-off would
/// cost more than it saves).
pub(super) const PARALLEL_MIN: usize = 4096;
/// Candidates per rayon task: large enough to amortise the hand-off, small enough that both
/// cores stay busy to the end. Each task collects into its own vectors (rayon's `flatten`
/// over `Option`s allocated per item and cost more than the scoring itself).
const CHUNK: usize = 4096;
// A scan too small to split is one task: it must not exceed a chunk either (see `Bar::push`).
const _: () = assert!(PARALLEL_MIN <= CHUNK);

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
        // A task scans at most `CHUNK` candidates, so a larger limit is never reached and its
        // bar never rises: keep no heap (`--limit 0` asks for every match).
        if self.limit == 0 || self.limit > CHUNK {
            return;
        }
        self.heap.push(Reverse(score));
        if self.heap.len() > self.limit {
            self.heap.pop();
        }
    }
}

/// A scan's cancellation: it stops (and gives nothing) once `latest` no longer holds its
/// `generation`, i.e. a newer query was asked for. Checked every few hundred candidates.
#[derive(Debug, Clone, Copy)]
pub struct Cancel<'a> {
    latest: &'a AtomicU64,
    generation: u64,
}

/// Candidates between two looks at a [`Cancel`] (a few microseconds of work).
const CHECK_EVERY: usize = 256;

impl<'a> Cancel<'a> {
    pub fn new(latest: &'a AtomicU64, generation: u64) -> Cancel<'a> {
        Cancel { latest, generation }
    }

    pub fn is_stale(&self) -> bool {
        self.latest.load(Ordering::Relaxed) != self.generation
    }
}

/// Buffers one task reuses: the score's rows, and a key's chars (and its plain key's) when
/// it is not ASCII.
#[derive(Default)]
struct Buffers {
    scratch: Scratch,
    chars: Vec<char>,
    plain: Vec<char>,
}

/// Where candidate `j`'s folded keys start in the arena (all its keys lie end to end, and
/// candidates follow each other): candidate `j` spans `arena_start(j)..arena_start(j + 1)`.
fn arena_start(view: &View<'_>, j: usize) -> usize {
    view.first_key
        .get(j)
        .and_then(|&k| view.keys.get(k as usize))
        .map_or(view.folded.len(), |r| FoldedKey::decode(r).start)
}

/// The bytes the prefilter looks for: every word (in the form the keys are tested with) in
/// order somewhere in a candidate's keys. `None` when no such necessary condition is cheap to
/// state (a surname spelling that is compared as another).
fn prefilter_words(q: &Query) -> Option<&[Word]> {
    match &q.initials {
        Some(initials) => Some(initials.as_slice()),
        None if q.roman_differs => None,
        None => Some(q.compiled.as_slice()),
    }
    .filter(|w| w.first().is_some_and(|w| !w.text.is_empty()))
}

impl FinderIndex {
    /// Scans all candidates (`subset` = `None`) or the given ones (ascending indices).
    /// `None` when `cancel` says a newer query replaced this one.
    pub(super) fn scan(
        &self,
        q: &Query,
        subset: Option<&[u32]>,
        limit: usize,
        keep_ids: bool,
        cancel: Option<Cancel<'_>>,
    ) -> Option<Scan> {
        if q.initials.is_some() && !self.has_initials() {
            // Initial consonants can only match Hangul, and no key has any.
            return Some(Scan::default());
        }
        let view = self.view();
        let n = subset.map_or(view.len(), <[u32]>::len);
        let shared = AtomicI64::new(i64::MIN);
        let task = |range: Range<usize>| {
            let task = Task {
                view,
                q,
                limit,
                keep_ids,
                shared: &shared,
                cancel,
                prefilter: prefilter_words(q),
            };
            match subset {
                Some(ids) => task.run(Ids::Subset(ids.get(range).unwrap_or_default())),
                None => task.run(Ids::Range(range)),
            }
        };
        if n < PARALLEL_MIN {
            return task(0..n);
        }
        let parts: Vec<Option<Scan>> = (0..n.div_ceil(CHUNK))
            .into_par_iter()
            .map(|c| task(c * CHUNK..n.min((c + 1) * CHUNK)))
            .collect();
        let mut all = Scan {
            total: 0,
            matched: Vec::with_capacity(if keep_ids { n } else { 0 }),
            scored: Vec::new(),
        };
        for part in parts {
            let part = part?;
            all.total += part.total;
            all.matched.extend(part.matched);
            all.scored.extend(part.scored);
        }
        Some(all)
    }
}

/// The candidates a task scans.
enum Ids<'a> {
    Range(Range<usize>),
    /// Ascending candidate indices.
    Subset(&'a [u32]),
}

/// The first candidate in `range` whose keys end after arena offset `at` (the candidate
/// holding it), or `range.end`.
fn first_ending_after(view: &View<'_>, range: Range<usize>, at: usize) -> usize {
    let (mut lo, mut hi) = (range.start, range.end);
    while lo < hi {
        let mid = lo + (hi - lo) / 2;
        if arena_start(view, mid + 1) > at {
            hi = mid;
        } else {
            lo = mid + 1;
        }
    }
    lo
}

/// One task of a scan: a run of candidates, its own bar and results.
struct Task<'a, 'q> {
    view: View<'a>,
    q: &'q Query,
    limit: usize,
    keep_ids: bool,
    shared: &'q AtomicI64,
    cancel: Option<Cancel<'q>>,
    prefilter: Option<&'q [Word]>,
}

impl Task<'_, '_> {
    /// Scans `ids`. Over a range of candidates the prefilter jumps with `memchr` through the
    /// arena to the next candidate holding the query's first byte.
    fn run(&self, ids: Ids<'_>) -> Option<Scan> {
        let mut buffers = Buffers::default();
        let mut bar = Bar::new(self.limit);
        let mut out = Scan::default();
        let lead = self
            .prefilter
            .and_then(|w| w.first()?.text.as_bytes().first().copied());
        // The next place in the arena holding the lead byte, once looked for.
        let mut hit: Option<usize> = None;
        // Position in `ids`, and candidates looked at (for the cancellation check).
        let mut k = 0usize;
        let mut steps = 0usize;
        loop {
            let mut i = match ids {
                Ids::Range(ref r) if r.start + k < r.end => r.start + k,
                Ids::Subset(s) if k < s.len() => s[k] as usize,
                _ => break,
            };
            k += 1;
            steps += 1;
            if steps.is_multiple_of(CHECK_EVERY) && self.cancel.is_some_and(|c| c.is_stale()) {
                return None;
            }
            let mut end = arena_start(&self.view, i + 1);
            if let (Ids::Range(r), Some(lead)) = (&ids, lead) {
                let start = arena_start(&self.view, i);
                if hit.is_none_or(|at| at < start) {
                    let found = self
                        .view
                        .folded
                        .get(start..)
                        .and_then(|rest| memchr(lead, rest));
                    hit = Some(found.map_or(usize::MAX, |at| start + at));
                }
                let at = hit.unwrap_or(usize::MAX);
                if at >= end {
                    // Jump to the candidate holding it: the ones before cannot match.
                    let j = first_ending_after(&self.view, i + 1..r.end, at);
                    if j >= r.end {
                        break;
                    }
                    i = j;
                    k = j - r.start + 1;
                    end = arena_start(&self.view, i + 1);
                }
            }
            if let Some(words) = self.prefilter {
                let bytes = self
                    .view
                    .folded
                    .get(arena_start(&self.view, i)..end)
                    .unwrap_or_default();
                if !words
                    .iter()
                    .all(|w| is_subsequence(w.text.as_bytes(), bytes))
                {
                    continue;
                }
            }
            // Any task's bar is valid for all: it has `limit` candidates at or above it.
            let others = self.shared.load(Ordering::Relaxed);
            let floor = match bar.floor() {
                Some(own) => Some(own.max(others)),
                None => (others > i64::MIN).then_some(others),
            };
            match score(&self.view, i, self.q, floor, &mut buffers) {
                Outcome::NoMatch => continue,
                Outcome::Below => {}
                Outcome::Scored(s) => {
                    bar.push(s.rank_value());
                    out.scored.push(s);
                    if let Some(own) = bar.floor()
                        && own > others
                    {
                        self.shared.fetch_max(own, Ordering::Relaxed);
                    }
                }
            }
            out.total += 1;
            if self.keep_ids {
                out.matched.extend(u32::try_from(i).ok());
            }
        }
        Some(out)
    }
}

/// Candidate `i`'s best key for `q`, if some key holds every word. Keys whose bound is
/// below `floor` are only tested, not scored.
fn score(
    view: &View<'_>,
    i: usize,
    q: &Query,
    floor: Option<i64>,
    buffers: &mut Buffers,
) -> Outcome {
    let Some(kind) = view.kind(i) else {
        return Outcome::NoMatch;
    };
    if q.kind.is_some_and(|k| kind != k) {
        return Outcome::NoMatch;
    }
    let Ok(candidate) = u32::try_from(i) else {
        return Outcome::NoMatch;
    };
    let keys = view.keys_of(i);
    if q.words.is_empty() {
        return Outcome::Scored(Scored {
            tier: Tier::Fuzzy,
            score: 0,
            key_len: keys.first().map_or(0, |k| FoldedKey::decode(k).len),
            label_len: 0,
            candidate,
            key: 0,
            slot: 0,
        });
    }
    let label_len = view.label_lens.get(i).copied().unwrap_or(0);
    let mut matched = false;
    let mut best: Option<Scored> = None;
    for (slot, raw) in (0u32..).zip(keys) {
        let key = FoldedKey::decode(raw);
        for words in word_sets(q, &key).into_iter().flatten() {
            let Some(found) = test_key(
                view,
                keys,
                &key,
                words,
                &q.compiled,
                floor,
                matched,
                buffers,
            ) else {
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
                label_len,
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
fn word_sets<'q>(q: &'q Query, key: &FoldedKey) -> [Option<&'q [Word]>; 2] {
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

/// `text`'s chars into `out` (which is cleared); `None` if it is not UTF-8.
fn chars_into<'b>(text: &[u8], out: &'b mut Vec<char>) -> Option<&'b [char]> {
    out.clear();
    out.extend(std::str::from_utf8(text).ok()?.chars());
    Some(out)
}

/// Tests one key form with `words` (`typed`: the query's words as typed, which an initials
/// form checks against its key as written): `None` if they do not all match it,
/// `Some(None)` if they do but it cannot reach `floor` (or the candidate is already known
/// to match and the key's bound is below it: then it is not even tested), else its tier
/// and score.
#[allow(clippy::too_many_arguments)]
fn test_key(
    view: &View<'_>,
    keys: &[[u64; 8]],
    key: &FoldedKey,
    words: &[Word],
    typed: &[Word],
    floor: Option<i64>,
    matched: bool,
    buffers: &mut Buffers,
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
    let text = view.folded_bytes(key)?;
    if !words
        .iter()
        .all(|w| is_subsequence(w.text.as_bytes(), text))
    {
        return None;
    }
    let Buffers {
        scratch,
        chars,
        plain,
    } = buffers;
    let chars = if key.ascii {
        None
    } else {
        Some(chars_into(text, chars)?)
    };
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
        let plain_key = FoldedKey::decode(keys.get(key.source as usize)?);
        let plain_chars = chars_into(view.folded_bytes(&plain_key)?, plain)?;
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
    let found_tier = match cap {
        Tier::Fuzzy => Tier::Fuzzy,
        // Never above the cap (a key of more words than `tier` reads is not typed whole).
        _ => tier(
            words.iter().map(|w| w.text.as_str()),
            std::str::from_utf8(text).ok()?,
        )
        .min(cap),
    };
    if floor.is_some_and(|floor| tier_value(found_tier, bound) < floor) {
        return Some(None);
    }
    let bonuses = view.bonuses_of(key)?;
    let mut total = 0;
    for w in words {
        let word = match chars {
            None if bonuses.len() == text.len() => {
                score::score_units(text, bonuses, w.text.as_bytes(), scratch)
            }
            Some(chars) if bonuses.len() == chars.len() => {
                score::score_units(chars, bonuses, &w.chars, scratch)
            }
            _ => None,
        };
        total += word?;
    }
    Some(Some((found_tier, total)))
}

/// Whether `needle`'s chars appear in order in `haystack`.
fn chars_in_order(needle: &[char], haystack: &[char]) -> bool {
    let mut hay = haystack.iter();
    needle.iter().all(|c| hay.by_ref().any(|h| h == c))
}
