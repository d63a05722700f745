//! The fuzzy finder engine: one list over topics, organisations, people, meetings and places.
//!
//! Scores are fuzzy-matcher's `SkimMatcherV2` scores: `score` ports its scoring (for speed
//! and because the crate's reused matrix makes a score depend on earlier calls) and a test
//! holds the port to the crate; highlighted positions come from the crate itself. Around it
//! we add what it lacks (see PITFALLS.md): Unicode case folding done once per key at build
//! time, words matched in any order, a query prefix per kind, cheap rejections before any
//! scoring (a `memchr` prefilter through the key arena, character masks, bytes in order, an
//! exact score bound), a scan over both cores,
//! top-`limit` selection instead of a full sort, positions for the returned rows only, and an
//! incremental [`Session`] that re-scans only the previous matches while a query is refined.
//! Ranking: the [`Tier`] first (the whole key typed, whole words, word starts or initials,
//! letters inside words), then as `fzf --filter`: score, then the shorter key, then candidate
//! order (see `rank` for the last tie-breaks).
//!
//! Besides its keys as written, a candidate is matched through two derived forms of them: a
//! key holding Hangul also in initial consonants (ㄱㅈㅇ for 국정원), searched when a query word
//! holds a typed initial; a person's key with surname spellings made one (Yun → Yoon).
//!
//! Everything a search reads, and every candidate's text shown, is one [`FinderIndex`]: fixed
//! tables in one aligned buffer (`index`), built in memory by [`FinderIndex::build`] or opened
//! in place from a cache file (`store` maps it). The candidates it was built from are not
//! kept beside it: their text is in the index once, and [`CandidateRef`] reads it there. A scan can be cancelled ([`Cancel`]): the browser's finder worker
//! stops a stale query's scan as soon as a newer one is asked.
//!
//! Only the first [`MATCHED_KEY_CHARS`] characters of a key are matched: scoring and
//! highlighting cost time (and the crate's highlighting, memory) in proportion to key length ×
//! query length, so a bounded prefix keeps every keystroke within a bound on any corpus.

mod candidates;
mod index;
mod query;
mod scan;
mod score;
mod session;
mod store;
mod tier;

use std::cmp::Ordering;

use fuzzy_matcher::FuzzyMatcher;
use fuzzy_matcher::skim::SkimMatcherV2;

use super::fold::{fold_into, fold_with_char_map};
use super::{hangul, roman};
use crate::corpus::Facet;
pub use candidates::candidates_from;
use index::FoldedKey;
pub use index::{CandidateRef, Candidates, FinderIndex, Refused, Text};
pub use query::Query;
pub use scan::Cancel;
pub use session::Session;
pub use store::Store;
pub use tier::Tier;

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

impl Candidate {
    /// The candidate's name in another script, shown beside the label: the first key in
    /// Hangul when the label has none ("National Intelligence Service · 국가정보원").
    pub fn other_name(&self) -> Option<&str> {
        other_name(&self.label, self.keys.iter().skip(1).map(String::as_str))
    }
}

/// One matching candidate.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Match {
    /// Index into [`FinderIndex::candidates`].
    pub candidate: usize,
    /// How the query matched the key; ranks before `score`.
    pub tier: Tier,
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

/// Which form of a key a folded key holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Form {
    /// As written (folded).
    Plain,
    /// A person's key with surname spellings made one (only when that changes it).
    Roman,
    /// A key with Hangul, in initial consonants.
    Initials,
}

/// A scored candidate during a scan: small and `Copy`, positions come later.
#[derive(Debug, Clone, Copy)]
struct Scored {
    tier: Tier,
    score: i64,
    key_len: u32,
    /// Length in chars of the candidate's label: of two equal matches (an acronym that is
    /// both an organisation's and an alias of a topic), the shorter name first.
    label_len: u32,
    candidate: u32,
    /// The candidate's key that matched.
    key: u32,
    /// The [`FoldedKey`] that matched, as an offset in the candidate's keys.
    slot: u32,
}

/// How far apart tiers are in [`Scored::rank_value`]: more than any score.
const TIER_STEP: i64 = 1 << 40;

impl Scored {
    /// Tier and score as one number, ordered as [`rank`] orders them (the scan's bar).
    fn rank_value(&self) -> i64 {
        tier_value(self.tier, self.score)
    }
}

fn tier_value(tier: Tier, score: i64) -> i64 {
    (tier as i64) * TIER_STEP + score.clamp(-TIER_STEP / 2, TIER_STEP / 2)
}

/// How many characters of each key are matched (see the module documentation). Names,
/// acronyms and titles are far shorter; a longer key is matched on its start.
pub const MATCHED_KEY_CHARS: usize = 1024;

/// The part of `key` that is matched: its first [`MATCHED_KEY_CHARS`] characters.
fn matched_part(key: &str) -> &str {
    // A key of no more bytes than that has no more characters either (nearly every key).
    if key.len() <= MATCHED_KEY_CHARS {
        return key;
    }
    match key.char_indices().nth(MATCHED_KEY_CHARS) {
        Some((end, _)) => &key[..end],
        None => key,
    }
}

/// Appends the folded form (`search::fold`) of the matched part of `key` to `out`, returning
/// what `fold_into` returns (whether folded char i came from char i). ASCII, nearly every
/// key, folds to its lower case, one char for one.
fn fold_key_into(key: &str, out: &mut String) -> bool {
    let part = matched_part(key);
    if part.is_ascii() {
        let start = out.len();
        out.push_str(part);
        out[start..].make_ascii_lowercase();
        return true;
    }
    fold_into(part, out)
}

impl FinderIndex {
    /// The best `limit` matches for `q`, best first, and the number of matches in all.
    pub fn search(&self, q: &Query, limit: usize) -> Results {
        let scan = self.scan(q, None, limit, false, None).unwrap_or_default();
        Results {
            matches: self.best(q, scan.scored, limit, true),
            total: scan.total,
        }
    }

    /// As [`FinderIndex::search`], but every `Match::positions` is left empty: for callers
    /// that show no highlights (plain `entente find`), where positions would cost more than
    /// the search.
    pub fn search_unhighlighted(&self, q: &Query, limit: usize) -> Results {
        let scan = self.scan(q, None, limit, false, None).unwrap_or_default();
        Results {
            matches: self.best(q, scan.scored, limit, false),
            total: scan.total,
        }
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
        let view = self.view();
        scored
            .iter()
            .map(|s| Match {
                candidate: s.candidate as usize,
                tier: s.tier,
                score: s.score,
                key: s.key as usize,
                positions: if with_positions {
                    positions(view, q, s.candidate as usize, s.slot as usize)
                } else {
                    Vec::new()
                },
            })
            .collect()
    }
}

/// The union of every word's matched characters in the key, as original char indices.
fn positions(view: index::View<'_>, q: &Query, candidate: usize, slot: usize) -> Vec<usize> {
    let Some(folded_key) = view.keys_of(candidate).get(slot).map(FoldedKey::decode) else {
        return Vec::new();
    };
    let Some(text) = view
        .folded_bytes(&folded_key)
        .and_then(|b| std::str::from_utf8(b).ok())
    else {
        return Vec::new();
    };
    let words: Vec<&str> = match (folded_key.form, &q.initials) {
        (Form::Initials, Some(initials)) => initials.iter().map(|w| w.text.as_str()).collect(),
        (Form::Roman, _) => q.roman.iter().map(|w| w.text.as_str()).collect(),
        _ => q.words.iter().map(String::as_str).collect(),
    };
    // A new matcher per call: a reused one carries state from earlier calls (see `score`),
    // which would make the highlighted characters depend on history. This runs for the
    // returned rows only.
    let mut positions: Vec<usize> = words
        .iter()
        .filter_map(|w| {
            SkimMatcherV2::default()
                .respect_case()
                .fuzzy_indices(text, w)
        })
        .flat_map(|(_, p)| p)
        .collect();
    let original = view
        .candidate(candidate)
        .and_then(|c| c.key(folded_key.source as usize)?.as_str())
        .map_or("", matched_part);
    if folded_key.form == Form::Roman {
        let (folded, fold_map) = fold_with_char_map(original);
        let (_, roman_map) = roman::canonical_with_map(&folded);
        for p in &mut positions {
            let in_folded = roman_map.get(*p).copied().unwrap_or(*p);
            *p = fold_map.get(in_folded).copied().unwrap_or(in_folded);
        }
    } else if !folded_key.identity {
        let (_, map) = fold_with_char_map(original);
        for p in &mut positions {
            *p = map.get(*p).copied().unwrap_or(*p);
        }
    }
    positions.sort_unstable();
    positions.dedup();
    positions
}

/// A name in another script to show beside `label`: the first of the `later` keys (those
/// after the first) in Hangul, when the label has none.
fn other_name<'a>(label: &str, mut later: impl Iterator<Item = &'a str>) -> Option<&'a str> {
    if hangul::has_syllable(label) {
        return None;
    }
    later.find(|k| hangul::has_syllable(k))
}

/// Best first: higher tier, higher score, then shorter key, then a record's own name before
/// its aliases (the earlier key: "OSCE" is the organisation's acronym and a topic's alias),
/// then the shorter label, then earlier candidate (a total order, so unstable sorts and selection give the same, deterministic result as a stable sort).
/// An empty query keeps candidate order (`best` does not sort it).
fn rank(a: &Scored, b: &Scored) -> Ordering {
    b.tier
        .cmp(&a.tier)
        .then(b.score.cmp(&a.score))
        .then(a.key_len.cmp(&b.key_len))
        .then(a.key.cmp(&b.key))
        .then(a.label_len.cmp(&b.label_len))
        .then(a.candidate.cmp(&b.candidate))
        .then(a.slot.cmp(&b.slot))
}

/// The [`query::char_bit`]s of the characters that start words of `text`.
fn word_starts(text: &str) -> u64 {
    let mut prev_alnum = false;
    let mut mask = 0;
    for c in text.chars() {
        let alnum = c.is_alphanumeric();
        if alnum && !prev_alnum {
            mask |= query::char_bit(c);
        }
        prev_alnum = alnum;
    }
    mask
}

/// The length in chars of the shortest run of letters and digits in `text` (0 if none).
pub(super) fn shortest_word(text: &str) -> usize {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(|w| w.chars().count())
        .min()
        .unwrap_or(0)
}

#[cfg(test)]
mod tests;
