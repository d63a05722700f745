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
    let index = TextIndex::new(&library.loaded.corpus);
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
