//! `entente search TEXT`: full text over the cleaned paragraphs, each hit with its citation.

use std::io::Write;

use anyhow::Result;
use serde_json::json;

use super::output::{Doc, write_json};
use super::{Library, Outcome};
use crate::search::fulltext::TextIndex;

pub fn run(
    library: &Library,
    text: &str,
    limit: usize,
    json: bool,
    out: &mut dyn Write,
) -> Result<Outcome> {
    run_on(
        &TextIndex::new(&library.loaded.corpus),
        text,
        limit,
        json,
        out,
    )
}

/// [`run`] over an index already built. Each hit's text is a direct look-up, so printing
/// every hit (`--limit 0`) costs time linear in the hits.
fn run_on(
    index: &TextIndex,
    text: &str,
    limit: usize,
    json: bool,
    out: &mut dyn Write,
) -> Result<Outcome> {
    let hits = index.search(text);
    let total = hits.len();
    let shown = if limit == 0 { total } else { limit.min(total) };
    if json {
        let list: Vec<_> = hits[..shown]
            .iter()
            .map(|h| {
                json!({
                    "source": h.source,
                    "paragraph": h.paragraph,
                    "text": index.text(&h.source, h.paragraph),
                    "ranges": h.ranges.iter().map(|r| [r.start, r.end]).collect::<Vec<_>>(),
                })
            })
            .collect();
        write_json(out, &json!({ "query": text, "total": total, "hits": list }))?;
    } else {
        let mut doc = Doc::default();
        for h in &hits[..shown] {
            let paragraph = index.text(&h.source, h.paragraph).unwrap_or_default();
            doc.para(0, &format!("{} ¶{}", h.source, h.paragraph));
            doc.para(2, &mark(paragraph, &h.ranges));
            doc.blank();
        }
        doc.write(out)?;
        if shown < total {
            writeln!(out, "({shown} of {total} hits; --limit 0 prints all)")?;
        }
    }
    Ok(if total == 0 {
        Outcome::NothingFound
    } else {
        Outcome::Found
    })
}

/// Brackets each match »like this« so it stands out in plain text.
fn mark(text: &str, ranges: &[std::ops::Range<usize>]) -> String {
    let mut s = String::with_capacity(text.len() + ranges.len() * 4);
    let mut at = 0;
    for r in ranges {
        if r.start < at
            || r.end > text.len()
            || !text.is_char_boundary(r.start)
            || !text.is_char_boundary(r.end)
        {
            continue;
        }
        s.push_str(&text[at..r.start]);
        s.push('»');
        s.push_str(&text[r.clone()]);
        s.push('«');
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
            let outcome = run_on(&index, "e", 0, json, &mut out).unwrap();
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
            super::mark("a cyber b cyber", &[2..7, 10..15]),
            "a »cyber« b »cyber«"
        );
        let out_of_bounds = std::slice::from_ref(&(1..9));
        assert_eq!(super::mark("abc", out_of_bounds), "abc");
    }
}
