//! Full-text search in the cleaned source paragraphs, and `/` search inside one text.
//!
//! Matching is on case-folded text (see `fold`); folding can change byte lengths ("İ" is two
//! bytes and folds to the one-byte "i", "ẞ" is three and folds to "ss"), so every folded
//! paragraph keeps a map back to the original bytes and every range returned slices the
//! original text on character boundaries.

use std::collections::HashMap;
use std::ops::Range;
use std::sync::atomic::{AtomicU64, Ordering};

use super::fold::fold_each;
use crate::corpus::Corpus;
use crate::text::sanitize_line;

/// A paragraph that matched.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hit {
    /// The source id.
    pub source: String,
    /// 1-based, as in citations.
    pub paragraph: u32,
    /// Byte ranges of every occurrence of every term in the paragraph text (as returned by
    /// [`TextIndex::text`]), sorted, overlaps merged.
    pub ranges: Vec<Range<usize>>,
}

/// Folded text with the way back to the original's bytes.
#[derive(Debug)]
struct Folded {
    folded: String,
    /// `None` when every folded character has the byte offsets of its original (the common
    /// case: ASCII and most other text), so folded ranges are original ranges.
    map: Option<ByteMap>,
}

/// `start[i]`: original start of the character whose folded form starts at folded byte `i`;
/// `end[i]`: original end of the character whose folded form ends at folded byte `i`.
#[derive(Debug)]
struct ByteMap {
    start: Vec<usize>,
    end: Vec<usize>,
}

impl Folded {
    fn new(text: &str) -> Self {
        let mut folded = String::with_capacity(text.len());
        let mut start = Vec::new();
        let mut end = Vec::new();
        let mut identity = true;
        fold_each(text, |c, origin| {
            let at = folded.len();
            folded.push(c);
            identity &= origin.start == at && origin.end == folded.len();
            start.resize(folded.len() + 1, 0);
            end.resize(folded.len() + 1, 0);
            start[at] = origin.start;
            end[folded.len()] = origin.end;
        });
        let map = (!identity).then_some(ByteMap { start, end });
        Folded { folded, map }
    }

    /// Ranges in the original text of every occurrence of `term` (folded), in order.
    fn occurrences<'a>(&'a self, term: &'a str) -> impl Iterator<Item = Range<usize>> + 'a {
        self.folded.match_indices(term).map(move |(at, m)| {
            let range = at..at + m.len();
            match &self.map {
                None => range,
                Some(map) => map.start[range.start]..map.end[range.end],
            }
        })
    }
}

/// One indexed paragraph.
#[derive(Debug)]
struct Paragraph {
    source: usize,
    number: u32,
    text: String,
    folded: Folded,
}

/// The corpus's paragraphs, sanitised and folded once, ready to be searched.
#[derive(Debug)]
pub struct TextIndex {
    sources: Vec<String>,
    /// Source id → its index in `sources` (the first, if an id repeats).
    source_at: HashMap<String, usize>,
    /// Source i's paragraphs are `paragraphs[first_paragraph[i]..first_paragraph[i + 1]]`.
    first_paragraph: Vec<usize>,
    paragraphs: Vec<Paragraph>,
    /// Paragraphs looked at by [`TextIndex::search`] and [`TextIndex::text`] so far: the work
    /// done, for tests and benches that hold a search over N paragraphs to O(N).
    visited: AtomicU64,
}

impl TextIndex {
    pub fn new(corpus: &Corpus) -> Self {
        let mut paragraphs = Vec::new();
        let mut first_paragraph = Vec::with_capacity(corpus.sources.len() + 1);
        let mut source_at = HashMap::with_capacity(corpus.sources.len());
        for (source, s) in corpus.sources.iter().enumerate() {
            first_paragraph.push(paragraphs.len());
            source_at.entry(s.id.clone()).or_insert(source);
            for (i, raw) in s.paragraphs.iter().enumerate() {
                let text = sanitize_line(raw);
                paragraphs.push(Paragraph {
                    source,
                    number: u32::try_from(i + 1).unwrap_or(u32::MAX),
                    folded: Folded::new(&text),
                    text,
                });
            }
        }
        first_paragraph.push(paragraphs.len());
        TextIndex {
            sources: corpus.sources.iter().map(|s| s.id.clone()).collect(),
            source_at,
            first_paragraph,
            paragraphs,
            visited: AtomicU64::new(0),
        }
    }

    /// Paragraphs holding every term of `query`, in source then paragraph order. Terms are
    /// whitespace-separated words or "quoted phrases", matched case-insensitively anywhere
    /// (a word also matches inside a longer one). An empty query finds nothing.
    pub fn search(&self, query: &str) -> Vec<Hit> {
        let terms = parse_terms(query);
        if terms.is_empty() {
            return Vec::new();
        }
        self.count_visits(self.paragraphs.len());
        self.paragraphs
            .iter()
            .filter_map(|p| {
                let mut ranges = Vec::new();
                for term in &terms {
                    let before = ranges.len();
                    ranges.extend(p.folded.occurrences(term));
                    if ranges.len() == before {
                        return None;
                    }
                }
                Some(Hit {
                    source: self.sources[p.source].clone(),
                    paragraph: p.number,
                    ranges: merge(ranges),
                })
            })
            .collect()
    }

    /// The (sanitised) text of a paragraph, which a [`Hit`]'s ranges index.
    /// A direct look-up (no scan), so printing every hit stays linear in the hits.
    pub fn text(&self, source: &str, paragraph: u32) -> Option<&str> {
        let s = *self.source_at.get(source)?;
        let offset = usize::try_from(paragraph.checked_sub(1)?).ok()?;
        let at = self.first_paragraph[s].checked_add(offset)?;
        if at >= self.first_paragraph[s + 1] {
            return None;
        }
        self.count_visits(1);
        let p = &self.paragraphs[at];
        (p.source == s && p.number == paragraph).then_some(p.text.as_str())
    }

    /// How many paragraphs searches and look-ups have visited so far (see `visited`).
    pub fn paragraphs_visited(&self) -> u64 {
        self.visited.load(Ordering::Relaxed)
    }

    /// How many paragraphs are indexed.
    pub fn paragraph_count(&self) -> usize {
        self.paragraphs.len()
    }

    fn count_visits(&self, n: usize) {
        self.visited.fetch_add(n as u64, Ordering::Relaxed);
    }
}

/// Splits a query into folded terms: words, and "quoted phrases" kept whole (an unclosed
/// quote runs to the end).
fn parse_terms(query: &str) -> Vec<String> {
    let mut terms = Vec::new();
    for (i, part) in query.split('"').enumerate() {
        if i % 2 == 1 {
            let phrase = part.trim();
            if !phrase.is_empty() {
                terms.push(fold_text(phrase));
            }
        } else {
            terms.extend(part.split_whitespace().map(fold_text));
        }
    }
    terms.retain(|t| !t.is_empty());
    terms
}

fn fold_text(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    fold_each(s, |c, _| out.push(c));
    out
}

/// Sorts ranges and merges the overlapping ones.
fn merge(mut ranges: Vec<Range<usize>>) -> Vec<Range<usize>> {
    ranges.sort_unstable_by_key(|r| (r.start, r.end));
    let mut out: Vec<Range<usize>> = Vec::with_capacity(ranges.len());
    for r in ranges {
        match out.last_mut() {
            Some(last) if r.start < last.end => last.end = last.end.max(r.end),
            _ => out.push(r),
        }
    }
    out
}

/// Every occurrence of `query` in `text`, as a literal, case-insensitive string (the `/`
/// search of the browser): byte ranges of `text`, in order, non-overlapping.
pub fn find_in(text: &str, query: &str) -> Vec<Range<usize>> {
    let term = fold_text(query);
    if term.is_empty() {
        return Vec::new();
    }
    merge(Folded::new(text).occurrences(&term).collect())
}

#[cfg(test)]
mod tests;
