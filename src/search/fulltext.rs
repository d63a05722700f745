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
        // Made at the first character whose folded bytes are not its original ones: most texts
        // have none, and two offsets a byte cost 16 times the text (160 MB for a 10 MB one).
        let mut map: Option<ByteMap> = None;
        fold_each(text, |c, origin| {
            let at = folded.len();
            folded.push(c);
            if map.is_none() && (origin.start != at || origin.end != folded.len()) {
                // Every character before this one folded onto its own bytes.
                map = Some(ByteMap {
                    start: (0..=at).collect(),
                    end: (0..=at).collect(),
                });
            }
            if let Some(map) = &mut map {
                map.start.resize(folded.len() + 1, 0);
                map.end.resize(folded.len() + 1, 0);
                map.start[at] = origin.start;
                map.end[folded.len()] = origin.end;
            }
        });
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
            source_at.entry(s.id.to_string()).or_insert(source);
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
            sources: corpus.sources.iter().map(|s| s.id.to_string()).collect(),
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

/// One text prepared for `/` search as it is typed: folded once, and while the query grows
/// (each keystroke adds to the previous query), searched only where the previous query
/// matched, since every occurrence of the longer query starts at one of the shorter one's.
/// Results are [`find_in`]'s. Work (bytes scanned plus places re-checked) is counted, so a
/// test can hold a refined query to the previous hits rather than the whole text.
#[derive(Debug)]
pub struct TextSearch {
    folded: Folded,
    /// The last folded term and where it starts in the folded text: every start, overlapping
    /// ones included (a longer term may match only at an overlapping one).
    last: Option<(String, Vec<usize>)>,
    work: u64,
}

impl TextSearch {
    pub fn new(text: &str) -> Self {
        TextSearch {
            folded: Folded::new(text),
            last: None,
            work: 0,
        }
    }

    /// What [`find_in`] returns for the text this was built from.
    pub fn find(&mut self, query: &str) -> Vec<Range<usize>> {
        let term = fold_text(query);
        if term.is_empty() {
            self.last = None;
            return Vec::new();
        }
        let text = self.folded.folded.as_str();
        let starts: Vec<usize> = match self.last.take() {
            Some((previous, starts)) if term.starts_with(previous.as_str()) => {
                self.work += starts.len() as u64;
                starts
                    .into_iter()
                    .filter(|&at| text[at..].starts_with(term.as_str()))
                    .collect()
            }
            _ => {
                self.work += text.len() as u64;
                every_start(text, &term)
            }
        };
        // The leftmost non-overlapping occurrences, as `str::match_indices` gives them.
        let mut ranges = Vec::new();
        let mut free_from = 0;
        for &at in &starts {
            if at >= free_from {
                let folded = at..at + term.len();
                free_from = folded.end;
                ranges.push(match &self.folded.map {
                    None => folded,
                    Some(map) => map.start[folded.start]..map.end[folded.end],
                });
            }
        }
        self.last = Some((term, starts));
        merge(ranges)
    }

    /// Bytes scanned and places re-checked so far.
    pub fn work(&self) -> u64 {
        self.work
    }
}

/// Every byte offset at which `term` (not empty) starts in `text`, overlapping ones included.
fn every_start(text: &str, term: &str) -> Vec<usize> {
    let mut starts = Vec::new();
    let mut from = 0;
    while let Some(found) = text[from..].find(term) {
        let at = from + found;
        starts.push(at);
        // The next char boundary after `at`: an overlapping match may start there.
        from = at + text[at..].chars().next().map_or(1, char::len_utf8);
    }
    starts
}

#[cfg(test)]
mod tests;
