//! The fuzzy finder engine: one list over topics, organisations, people, meetings and places.
//!
//! Scores are fuzzy-matcher's `SkimMatcherV2` scores: `score` ports its scoring (for speed
//! and because the crate's reused matrix makes a score depend on earlier calls) and a test
//! holds the port to the crate; highlighted positions come from the crate itself. Around it
//! we add what it lacks (see PITFALLS.md): Unicode case folding done once per key at build
//! time, words matched in any order, a query prefix per kind, cheap rejections before any
//! scoring (character masks, bytes in order, an exact score bound), a scan over both cores,
//! top-`limit` selection instead of a full sort, positions for the returned rows only, and an
//! incremental [`Session`] that re-scans only the previous matches while a query is refined.
//! Ranking follows `fzf --filter`: score, then the shorter key, then candidate order.
//!
//! Only the first [`MATCHED_KEY_CHARS`] characters of a key are matched: scoring and
//! highlighting cost time (and the crate's highlighting, memory) in proportion to key length ×
//! query length, so a bounded prefix keeps every keystroke within a bound on any corpus.

mod candidates;
mod query;
mod scan;
mod score;
mod session;

use std::cmp::Ordering;
use std::sync::atomic::{AtomicU64, Ordering as AtomicOrdering};

use fuzzy_matcher::FuzzyMatcher;
use fuzzy_matcher::skim::SkimMatcherV2;

use super::fold::{fold_into, fold_with_char_map};
use crate::corpus::Facet;
pub use candidates::candidates_from;
pub use query::Query;
pub use session::Session;

/// What a candidate is. The order is the order kinds are listed in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Kind {
    Topic,
    Organisation,
    Person,
    Meeting,
    Place,
}

impl Kind {
    /// Every kind, in order.
    pub const ALL: [Kind; 5] = [
        Kind::Topic,
        Kind::Organisation,
        Kind::Person,
        Kind::Meeting,
        Kind::Place,
    ];

    /// A human name ("organisation").
    pub fn label(self) -> &'static str {
        match self {
            Kind::Topic => "topic",
            Kind::Organisation => "organisation",
            Kind::Person => "person",
            Kind::Meeting => "meeting",
            Kind::Place => "place",
        }
    }

    /// A short fixed-width tag for list rows.
    pub fn badge(self) -> &'static str {
        match self {
            Kind::Topic => "TOP",
            Kind::Organisation => "ORG",
            Kind::Person => "PER",
            Kind::Meeting => "MTG",
            Kind::Place => "PLC",
        }
    }

    /// The query prefix that narrows the finder to this kind.
    pub fn prefix(self) -> char {
        match self {
            Kind::Topic => '#',
            Kind::Organisation => '@',
            Kind::Person => '~',
            Kind::Meeting => ':',
            Kind::Place => '%',
        }
    }

    /// The facet a pick of this kind narrows the timeline by (a meeting is jumped to instead).
    pub fn facet(self) -> Option<Facet> {
        match self {
            Kind::Topic => Some(Facet::Topic),
            Kind::Organisation => Some(Facet::Organisation),
            Kind::Person => Some(Facet::Person),
            Kind::Place => Some(Facet::Place),
            Kind::Meeting => None,
        }
    }

    /// The kind a query prefix stands for.
    pub fn from_prefix(c: char) -> Option<Kind> {
        Kind::ALL.into_iter().find(|k| k.prefix() == c)
    }
}

/// One row the finder can offer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Candidate {
    pub kind: Kind,
    /// The record id, or the place key ([`crate::corpus::place_key`]) for places.
    pub id: String,
    /// What the list shows.
    pub label: String,
    /// What the query is matched against: the label first, then acronyms, aliases…
    pub keys: Vec<String>,
    /// Short context shown beside the label: side, title, date.
    pub detail: String,
}

/// One matching candidate.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Match {
    /// Index into [`Finder::candidates`].
    pub candidate: usize,
    /// Sum of the words' scores on the matched key (0 for an empty query).
    pub score: i64,
    /// Index into the candidate's `keys` of the key that matched best; when it is not 0 the
    /// list can say "(via ACRONYM)".
    pub key: usize,
    /// Matched characters of `keys[key]`, as sorted CHAR indices (not bytes) into the original
    /// (unfolded) key.
    pub positions: Vec<usize>,
}

/// The best matches (at most `limit`, best first) and how many candidates matched in all.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Results {
    pub matches: Vec<Match>,
    pub total: usize,
}

/// A key, folded once at build time, as spans of [`Finder`]'s shared buffers.
struct FoldedKey {
    /// Byte span in `folded`.
    start: usize,
    end: usize,
    /// Where its units' in-place bonuses start in `bonuses`; a unit is a byte of an ASCII
    /// key, a char of any other.
    bonus_at: usize,
    /// Number of units.
    units: usize,
    /// Where its chars start in `chars`, for a key that is not ASCII.
    chars_at: Option<usize>,
    /// Which characters it holds (see `query::mask`).
    mask: u64,
    /// Its first folded char ('\0' for an empty key) and the characters at its word starts,
    /// for `score::upper_bound`.
    first: char,
    heads: u64,
    /// Length in chars of the original key (the ranking's tie-break).
    len: u32,
    /// Folded char i came from original char i, so positions need no mapping.
    identity: bool,
}

/// A scored candidate during a scan: small and `Copy`, positions come later.
#[derive(Debug, Clone, Copy)]
struct Scored {
    score: i64,
    key_len: u32,
    candidate: u32,
    key: u32,
}

/// How many characters of each key are matched (see the module documentation). Names,
/// acronyms and titles are far shorter; a longer key is matched on its start.
pub const MATCHED_KEY_CHARS: usize = 1024;

/// The part of `key` that is matched: its first [`MATCHED_KEY_CHARS`] characters.
fn matched_part(key: &str) -> &str {
    match key.char_indices().nth(MATCHED_KEY_CHARS) {
        Some((end, _)) => &key[..end],
        None => key,
    }
}

static NEXT_FINDER_ID: AtomicU64 = AtomicU64::new(0);

/// The candidates and their folded keys, built once; searched on every keystroke.
pub struct Finder {
    candidates: Vec<Candidate>,
    kinds: Vec<Kind>,
    /// Candidate i's keys are `keys[first_key[i]..first_key[i + 1]]`.
    first_key: Vec<usize>,
    keys: Vec<FoldedKey>,
    /// Every folded key, end to end: one allocation, scanned front to back.
    folded: String,
    /// The in-place bonus of every unit of every key.
    bonuses: Vec<i8>,
    /// The chars of the keys that are not ASCII.
    chars: Vec<char>,
    /// Tells a [`Session`] whether its remembered matches belong to this finder.
    id: u64,
}

impl Finder {
    /// Folds every key once. Candidate order is kept: it is the order of an empty query and
    /// the last tie-break.
    pub fn new(candidates: Vec<Candidate>) -> Self {
        let mut kinds = Vec::with_capacity(candidates.len());
        let mut first_key = Vec::with_capacity(candidates.len() + 1);
        let mut keys = Vec::new();
        let mut folded = String::new();
        let mut bonuses = Vec::new();
        let mut chars = Vec::new();
        for c in &candidates {
            kinds.push(c.kind);
            first_key.push(keys.len());
            for key in &c.keys {
                let start = folded.len();
                let identity = fold_into(matched_part(key), &mut folded);
                let text = &folded[start..];
                let bonus_at = bonuses.len();
                let (chars_at, heads) = if text.is_ascii() {
                    score::push_bonuses(text.as_bytes(), &mut bonuses);
                    let heads = score::bonus_mask(text.as_bytes(), &bonuses[bonus_at..]);
                    (None, heads)
                } else {
                    let at = chars.len();
                    chars.extend(text.chars());
                    score::push_bonuses(&chars[at..], &mut bonuses);
                    let heads = score::bonus_mask(&chars[at..], &bonuses[bonus_at..]);
                    (Some(at), heads)
                };
                keys.push(FoldedKey {
                    start,
                    end: folded.len(),
                    bonus_at,
                    units: bonuses.len() - bonus_at,
                    chars_at,
                    mask: query::mask(text),
                    first: text.chars().next().unwrap_or('\0'),
                    heads,
                    len: u32::try_from(key.chars().count()).unwrap_or(u32::MAX),
                    identity,
                });
            }
        }
        first_key.push(keys.len());
        Finder {
            candidates,
            kinds,
            first_key,
            keys,
            folded,
            bonuses,
            chars,
            id: NEXT_FINDER_ID.fetch_add(1, AtomicOrdering::Relaxed),
        }
    }

    pub fn candidates(&self) -> &[Candidate] {
        &self.candidates
    }

    /// The best `limit` matches for `q`, best first, and the number of matches in all.
    pub fn search(&self, q: &Query, limit: usize) -> Results {
        let scan = self.scan(q, None, limit, false);
        Results {
            matches: self.best(q, scan.scored, limit, true),
            total: scan.total,
        }
    }

    /// As [`Finder::search`], but every `Match::positions` is left empty: for callers that show
    /// no highlights (plain `entente find`), where positions would cost more than the search.
    pub fn search_unhighlighted(&self, q: &Query, limit: usize) -> Results {
        let scan = self.scan(q, None, limit, false);
        Results {
            matches: self.best(q, scan.scored, limit, false),
            total: scan.total,
        }
    }

    pub(crate) fn id(&self) -> u64 {
        self.id
    }

    /// Keeps the best `limit` of `scored` (in candidate order), ranks them and computes their
    /// positions. An empty query keeps candidate order.
    fn best(
        &self,
        q: &Query,
        mut scored: Vec<Scored>,
        limit: usize,
        with_positions: bool,
    ) -> Vec<Match> {
        if limit == 0 {
            return Vec::new();
        }
        if !q.words.is_empty() {
            if scored.len() > limit {
                scored.select_nth_unstable_by(limit - 1, rank);
                scored.truncate(limit);
            }
            scored.sort_unstable_by(rank);
        }
        scored.truncate(limit);
        scored
            .iter()
            .map(|s| self.to_match(q, s, with_positions))
            .collect()
    }

    fn to_match(&self, q: &Query, s: &Scored, with_positions: bool) -> Match {
        let candidate = s.candidate as usize;
        let key = s.key as usize;
        Match {
            candidate,
            score: s.score,
            key,
            positions: if with_positions {
                self.positions(q, candidate, key)
            } else {
                Vec::new()
            },
        }
    }

    /// The union of every word's matched characters in the key, as original char indices.
    fn positions(&self, q: &Query, candidate: usize, key: usize) -> Vec<usize> {
        let Some(folded_key) = self.keys.get(self.first_key[candidate] + key) else {
            return Vec::new();
        };
        let text = &self.folded[folded_key.start..folded_key.end];
        // A new matcher per call: a reused one carries state from earlier calls (see
        // `score`), which would make the highlighted characters depend on history. This runs
        // for the returned rows only.
        let mut positions: Vec<usize> = q
            .words
            .iter()
            .filter_map(|w| {
                SkimMatcherV2::default()
                    .respect_case()
                    .fuzzy_indices(text, w)
            })
            .flat_map(|(_, p)| p)
            .collect();
        if !folded_key.identity {
            let (_, map) = fold_with_char_map(matched_part(&self.candidates[candidate].keys[key]));
            for p in &mut positions {
                *p = map.get(*p).copied().unwrap_or(*p);
            }
        }
        positions.sort_unstable();
        positions.dedup();
        positions
    }
}

/// Best first: higher score, then shorter key, then earlier candidate (a total order, so
/// unstable sorts and selection give the same, deterministic result as a stable sort).
fn rank(a: &Scored, b: &Scored) -> Ordering {
    b.score
        .cmp(&a.score)
        .then(a.key_len.cmp(&b.key_len))
        .then(a.candidate.cmp(&b.candidate))
        .then(a.key.cmp(&b.key))
}

#[cfg(test)]
mod tests;
