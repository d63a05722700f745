//! `entente search TEXT`: full text over the cleaned paragraphs, each hit with its meeting, the
//! account (whose source it is) and its citation.
//!
//! Matches are shown as the [`Marks`] say: highlighted (SGR reverse) when colouring, »bracketed«
//! with `--markers`, or not at all. A mark covers whole words, so a match inside a word
//! (`commission` in "Commissioner") marks the word. JSON `ranges` are the exact matches, in
//! Unicode scalar values (chars) of `text`, end exclusive, as `find`'s `positions` are.

use std::collections::HashMap;
use std::io::Write;
use std::ops::Range;

use anyhow::{Result, bail};
use serde_json::json;

use super::output::{Doc, Marks, write_json};
use super::{Library, Outcome, refs};
use crate::corpus::names::side_label;
use crate::corpus::{Corpus, Side};
use crate::facts::cite::source_label;
use crate::search::fulltext::TextIndex;
use crate::text::sanitize_line;

pub fn run(
    library: &Library,
    text: &str,
    limit: usize,
    json: bool,
    marks: Marks,
    out: &mut dyn Write,
) -> Result<Outcome> {
    if text.split_whitespace().all(|w| w.chars().all(|c| c == '"')) {
        bail!(
            "invalid value {:?} for TEXT: expected at least one word or \"quoted phrase\"",
            sanitize_line(text)
        );
    }
    let index = TextIndex::new(&library.loaded.corpus);
    let accounts = Accounts::of(&library.loaded.corpus);
    if json {
        run_json(library, &index, &accounts, text, limit, out)
    } else {
        run_on(&index, &accounts, text, limit, marks, out)
    }
}

/// Source id → the meeting whose account it is, and the account's side.
struct Accounts<'a> {
    corpus: &'a Corpus,
    of_source: HashMap<&'a str, (usize, Option<Side>)>,
}

impl<'a> Accounts<'a> {
    fn of(corpus: &'a Corpus) -> Self {
        let mut of_source = HashMap::new();
        for (i, m) in corpus.meetings.iter().enumerate() {
            for a in &m.accounts {
                of_source
                    .entry(a.source.as_str())
                    .or_insert((i, a.side.clone()));
            }
        }
        Accounts { corpus, of_source }
    }

    /// "5th Cyber Dialogue — EU account, EU 2019 ¶3  [eu-2019]".
    fn heading(&self, source: &str, paragraph: u32) -> String {
        let cite = format!("{} ¶{paragraph}", source_label(self.corpus, source));
        match self.of_source.get(source) {
            Some((m, side)) => {
                let account = side
                    .as_ref()
                    .map(|s| format!("{} account, ", side_label(self.corpus, s)))
                    .unwrap_or_default();
                format!(
                    "{} — {account}{cite}  [{source}]",
                    self.corpus.meetings[*m].short_title
                )
            }
            None => format!("{cite}  [{source}]"),
        }
    }
}

/// Byte ranges of `text` → char (Unicode scalar value) ranges, in one pass over the text.
pub fn char_ranges(text: &str, ranges: &[Range<usize>]) -> Vec<[usize; 2]> {
    let mut out = Vec::with_capacity(ranges.len());
    let mut chars = 0;
    let mut at = 0;
    let count_to = |byte: usize, chars: &mut usize, at: &mut usize| {
        let byte = byte.min(text.len());
        if byte > *at {
            *chars += text.get(*at..byte).map_or(0, |s| s.chars().count());
            *at = byte;
        }
        *chars
    };
    for r in ranges {
        let start = count_to(r.start, &mut chars, &mut at);
        let end = count_to(r.end, &mut chars, &mut at);
        out.push([start, end]);
    }
    out
}

fn run_json(
    library: &Library,
    index: &TextIndex,
    accounts: &Accounts,
    text: &str,
    limit: usize,
    out: &mut dyn Write,
) -> Result<Outcome> {
    let hits = index.search(text);
    let total = hits.len();
    let shown = if limit == 0 { total } else { limit.min(total) };
    let list: Vec<_> = hits[..shown]
        .iter()
        .map(|h| {
            let paragraph = index.text(&h.source, h.paragraph).unwrap_or_default();
            let (meeting, side) = match accounts.of_source.get(h.source.as_str()) {
                Some((m, side)) => (
                    refs::reference(library, &library.loaded.corpus.meetings[*m].id),
                    side.clone(),
                ),
                None => (None, None),
            };
            json!({
                "source": refs::reference(library, &h.source).unwrap_or_else(|| json!({ "id": h.source })),
                "meeting": meeting,
                "account": side,
                "paragraph": h.paragraph,
                "text": paragraph,
                "ranges": char_ranges(paragraph, &h.ranges),
            })
        })
        .collect();
    write_json(
        out,
        &json!({
            "format": "entente-search/1",
            "query": text,
            "total": total,
            "hits": list,
        }),
    )?;
    Ok(if total == 0 {
        Outcome::NothingFound
    } else {
        Outcome::Found
    })
}

/// The text output, over an index already built. Each hit's text is a direct look-up, so
/// printing every hit (`--limit 0`) costs time linear in the hits.
fn run_on(
    index: &TextIndex,
    accounts: &Accounts,
    text: &str,
    limit: usize,
    marks: Marks,
    out: &mut dyn Write,
) -> Result<Outcome> {
    let hits = index.search(text);
    let total = hits.len();
    let shown = if limit == 0 { total } else { limit.min(total) };
    let mut doc = Doc::default();
    for h in &hits[..shown] {
        let paragraph = index.text(&h.source, h.paragraph).unwrap_or_default();
        doc.para(0, &accounts.heading(&h.source, h.paragraph));
        match marks {
            Marks::None => doc.para(2, paragraph),
            Marks::Brackets => doc.para(2, &mark(paragraph, &h.ranges, "»", "«")),
            // Escapes are added after wrapping, so they count for no width.
            Marks::Highlight => doc.para_marked(2, paragraph, &whole_words(paragraph, &h.ranges)),
        }
        doc.blank();
    }
    doc.write(out)?;
    if shown < total {
        writeln!(out, "({shown} of {total} hits; --limit 0 prints all)")?;
    }
    Ok(if total == 0 {
        Outcome::NothingFound
    } else {
        Outcome::Found
    })
}

/// Each range widened to the whole words it touches, so a mark never splits a word; ranges
/// that come to overlap are merged. Ranges not on char boundaries are dropped.
fn whole_words(text: &str, ranges: &[Range<usize>]) -> Vec<Range<usize>> {
    let mut out: Vec<Range<usize>> = Vec::with_capacity(ranges.len());
    for r in ranges {
        if r.start > r.end
            || r.end > text.len()
            || !text.is_char_boundary(r.start)
            || !text.is_char_boundary(r.end)
        {
            continue;
        }
        let start = text[..r.start]
            .char_indices()
            .rev()
            .take_while(|(_, c)| c.is_alphanumeric())
            .last()
            .map_or(r.start, |(i, _)| i);
        let end = r.end
            + text[r.end..]
                .char_indices()
                .find(|(_, c)| !c.is_alphanumeric())
                .map_or(text.len() - r.end, |(i, _)| i);
        match out.last_mut() {
            Some(last) if start <= last.end => last.end = last.end.max(end),
            _ => out.push(start..end),
        }
    }
    out
}

/// Brackets each match, widened to whole words, with `open` and `close`.
fn mark(text: &str, ranges: &[Range<usize>], open: &str, close: &str) -> String {
    let ranges = whole_words(text, ranges);
    let mut s = String::with_capacity(text.len() + ranges.len() * 4);
    let mut at = 0;
    for r in ranges {
        s.push_str(&text[at..r.start]);
        s.push_str(open);
        s.push_str(&text[r.clone()]);
        s.push_str(close);
        at = r.end;
    }
    s.push_str(&text[at..]);
    s
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::synth::{Spec, generate};

    /// Every hit printed at 10k meetings: the paragraphs visited must stay linear (one pass to
    /// search, one look-up per hit). A scan per hit's text visits ~N²/2 (about 10⁹ here).
    #[test]
    fn printing_every_hit_at_10k_meetings_visits_each_paragraph_a_bounded_number_of_times() {
        // About 30% of synthetic candidates are meetings.
        let corpus = generate(Spec::with_candidates(34_000));
        assert!(corpus.meetings.len() >= 10_000, "{}", corpus.meetings.len());
        let index = TextIndex::new(&corpus);
        let paragraphs = index.paragraph_count() as u64;
        for json in [false, true] {
            let before = index.paragraphs_visited();
            let mut out = Vec::new();
            let accounts = Accounts::of(&corpus);
            let outcome = if json {
                let library = Library::new(crate::corpus::LoadedCorpus {
                    corpus: corpus.clone(),
                    origins: Default::default(),
                });
                run_json(&library, &index, &accounts, "e", 0, &mut out).unwrap()
            } else {
                run_on(&index, &accounts, "e", 0, Marks::Brackets, &mut out).unwrap()
            };
            assert_eq!(outcome, Outcome::Found);
            let hits = index.search("e").len() as u64;
            assert!(hits > 10_000, "{hits} hits");
            let visited = index.paragraphs_visited() - before - paragraphs;
            assert!(
                visited <= 2 * paragraphs + hits,
                "{visited} paragraphs visited for {hits} hits of {paragraphs}"
            );
        }
    }
    #[test]
    fn marks_every_range_and_skips_bad_ones() {
        assert_eq!(
            mark("a cyber b cyber", &[2..7, 10..15], "»", "«"),
            "a »cyber« b »cyber«"
        );
        let out_of_bounds = std::slice::from_ref(&(1..9));
        assert_eq!(mark("abc", out_of_bounds, "»", "«"), "abc");
    }

    #[test]
    fn a_mark_never_splits_a_word() {
        let text = "the Commissioner and Kommissionär";
        assert_eq!(
            mark(text, &[4..14, 25..33], "»", "«"),
            "the »Commissioner« and »Kommissionär«"
        );
    }

    #[test]
    fn char_ranges_count_scalar_values_not_bytes() {
        let text = "Ünïon — European Commission";
        let start = text.find("European").unwrap();
        let end = start + "European Commission".len();
        let ranges = char_ranges(text, std::slice::from_ref(&(start..end)));
        let [a, b] = ranges[0];
        let sliced: String = text.chars().skip(a).take(b - a).collect();
        assert_eq!(sliced, "European Commission");
    }
}
