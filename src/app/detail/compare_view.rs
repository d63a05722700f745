//! Two accounts compared (see [`crate::compare`]): what only one account says is marked in
//! words as well as by tone — a whole sentence as "[only in ROK] …", a clause inside a shared
//! sentence as «…». Wide, the accounts sit side by side, each paragraph facing its counterpart
//! by content (a paragraph without one faces a gap that names the nearest paragraph); narrow,
//! one column: the current account, then what only the other account says.

use std::ops::Range;

use crate::accounts::{TextSource, source};
use crate::app::cite::source_name;
use crate::app::doc::{Doc, DocLine, Seg, Target, Tone, wrap_doc};
use crate::app::strings::Strings;
use crate::compare::{self, Comparison};
use crate::corpus::Citation;
use crate::corpus::Corpus;
use crate::corpus::names::side_label_in;
use crate::facts::cite::copy_line;
use crate::text::{display_width, sanitize_line};

/// Opens and closes a clause only one account has (a whole sentence gets the words marker).
const CLAUSE_OPEN: &str = "«";
const CLAUSE_CLOSE: &str = "»";

/// A passage of a paragraph only one account has: a whole sentence or a clause.
struct Mark {
    range: Range<usize>,
    whole: bool,
}

/// The marks of paragraph `p`, in text order.
fn marks_in(sentences: &[compare::Sentence], p: usize) -> Vec<Mark> {
    let mut out: Vec<Mark> = sentences
        .iter()
        .filter(|s| s.paragraph == p)
        .flat_map(|s| {
            s.marks().into_iter().map(|range| Mark {
                range,
                whole: s.only_here,
            })
        })
        .collect();
    out.sort_by_key(|m| m.range.start);
    out
}

/// Segments of `text` with its marks: "[only in ROK] " before a whole sentence, «…» around a
/// clause, the passage itself in the only-here tone.
fn marked(text: &str, marks: &[Mark], marker: &str) -> Vec<Seg> {
    let mut segs = Vec::new();
    let mut at = 0;
    for m in marks {
        let (start, end) = (m.range.start.max(at), m.range.end.min(text.len()));
        if start >= end || !text.is_char_boundary(start) || !text.is_char_boundary(end) {
            continue;
        }
        if at < start {
            segs.push(Seg::plain(&text[at..start]));
        }
        if m.whole {
            segs.push(Seg::new(marker, Tone::Marker));
            segs.push(Seg::new(&text[start..end], Tone::OnlyHere));
        } else {
            segs.push(Seg::new(CLAUSE_OPEN, Tone::Marker));
            segs.push(Seg::new(&text[start..end], Tone::OnlyHere));
            segs.push(Seg::new(CLAUSE_CLOSE, Tone::Marker));
        }
        at = end;
    }
    if at < text.len() {
        segs.push(Seg::plain(&text[at..]));
    }
    segs
}

fn paragraphs(corpus: &Corpus, id: &str) -> Vec<String> {
    source(corpus, id).map_or_else(Vec::new, |s| {
        s.paragraphs.iter().map(|p| sanitize_line(p)).collect()
    })
}

/// A line of text from an account: `segs` hang under their `prefix`; Enter opens `cite`, and
/// `y` copies `text` with its citation.
fn cited_line(
    corpus: &Corpus,
    segs: Vec<Seg>,
    prefix: &str,
    text: &str,
    cite: Citation,
) -> DocLine {
    DocLine::item(segs)
        .with_indent(display_width(prefix))
        .with_copy(copy_line(corpus, text, std::slice::from_ref(&cite)))
        .with_target(Some(Target::Cite(cite)))
}

fn cite_of(id: &str, p: usize) -> Citation {
    Citation::at(id, u32::try_from(p + 1).unwrap_or(u32::MAX))
}

/// One account of the comparison: its id, cleaned paragraphs, sentences and marker words.
struct Side<'a> {
    id: &'a str,
    paras: &'a [String],
    sentences: &'a [compare::Sentence],
    marker: String,
}

impl Side<'_> {
    /// Paragraph `p` as one line: "¶4 " and its text with marks; Enter cites it, `y` copies it.
    fn paragraph_line(&self, corpus: &Corpus, p: usize) -> Option<DocLine> {
        let text = self.paras.get(p)?;
        let prefix = format!("¶{} ", p + 1);
        let mut segs = vec![Seg::new(&prefix, Tone::Dim)];
        segs.extend(marked(text, &marks_in(self.sentences, p), &self.marker));
        Some(cited_line(corpus, segs, &prefix, text, cite_of(self.id, p)))
    }

    /// Every paragraph, a blank line between.
    fn doc(&self, corpus: &Corpus) -> Doc {
        let mut doc = Doc::default();
        for p in 0..self.paras.len() {
            if p > 0 {
                doc.push(DocLine::blank());
            }
            doc.lines.extend(self.paragraph_line(corpus, p));
        }
        doc
    }
}

/// The comparison document: two columns when `side_by_side`, else one column followed by
/// what only the right account says.
pub(super) fn compared(
    corpus: &Corpus,
    t: &Strings,
    left: &TextSource,
    right: &TextSource,
    side_by_side: bool,
    width: usize,
) -> Doc {
    let lp = paragraphs(corpus, &left.id);
    let rp = paragraphs(corpus, &right.id);
    let cmp: Comparison = compare::compare(&lp, &rp);
    let (ln, rn) = (source_name(corpus, t, left), source_name(corpus, t, right));
    let l_side = left
        .side
        .as_ref()
        .map_or("S1", |s| side_label_in(corpus, s, t.code));
    let r_side = right
        .side
        .as_ref()
        .map_or("S2", |s| side_label_in(corpus, s, t.code));
    let l = Side {
        id: &left.id,
        paras: &lp,
        sentences: &cmp.left,
        marker: format!("[{}] ", (t.only_in)(l_side)),
    };
    let r = Side {
        id: &right.id,
        paras: &rp,
        sentences: &cmp.right,
        marker: format!("[{}] ", (t.only_in)(r_side)),
    };
    let mut out = Doc::default();
    out.push(DocLine::fixed(vec![
        Seg::new(&format!("{ln} ⇄ {rn}  "), Tone::Label),
        Seg::new(t.compare_keys, Tone::Dim),
    ]));
    out.push(DocLine::fixed(vec![Seg::new(
        &(t.compare_summary)(&ln, cmp.mark_count(true), &rn, cmp.mark_count(false)),
        Tone::Dim,
    )]));
    out.push(DocLine::blank());
    if side_by_side {
        columns(corpus, &mut out, &cmp, (&l, &r), (&ln, &rn), width);
        return out;
    }
    out.lines.extend(l.doc(corpus).lines);
    out.push(DocLine::blank());
    out.push(DocLine::fixed(vec![Seg::new(
        &(t.only_in)(&rn),
        Tone::Heading,
    )]));
    for s in cmp.marked(false) {
        let Some(text) = rp.get(s.paragraph).and_then(|t| t.get(s.range.clone())) else {
            continue;
        };
        let cite = cite_of(&right.id, s.paragraph);
        // The one citation style: the source's own label ("ROK 2025 ¶4").
        let label = format!(
            "{} ¶{} ",
            crate::facts::cite::source_label(corpus, &right.id),
            s.paragraph + 1
        );
        // A clause is shown in its sentence, so it reads as it was written.
        let body = if s.only_here {
            vec![Seg::new(text, Tone::OnlyHere)]
        } else {
            let local: Vec<Mark> = s
                .phrases
                .iter()
                .map(|p| Mark {
                    range: p.start.saturating_sub(s.range.start)
                        ..p.end.saturating_sub(s.range.start),
                    whole: false,
                })
                .collect();
            marked(text, &local, "")
        };
        let mut segs = vec![Seg::new(&label, Tone::Cite)];
        segs.extend(body);
        out.push(cited_line(corpus, segs, &label, text, cite));
    }
    out
}

/// The aligned rows as two columns: each paragraph beside its counterpart, a paragraph alone
/// beside a dim "cf. ¶N" naming the other account's nearest paragraph, or nothing.
fn columns(
    corpus: &Corpus,
    doc: &mut Doc,
    cmp: &Comparison,
    sides: (&Side, &Side),
    names: (&str, &str),
    width: usize,
) {
    let col = width.saturating_sub(3) / 2;
    let pad = |segs: &mut Vec<Seg>| {
        let used: usize = segs.iter().map(|s| display_width(&s.text)).sum();
        segs.push(Seg::plain(&" ".repeat(col.saturating_sub(used))));
    };
    let mut head = vec![Seg::new(&crate::text::truncate(names.0, col), Tone::Label)];
    pad(&mut head);
    head.push(Seg::new(" │ ", Tone::Dim));
    head.push(Seg::new(&crate::text::truncate(names.1, col), Tone::Label));
    doc.push(DocLine::fixed(head));
    let cell = |side: &Side, mine: Option<usize>, near: Option<usize>| -> Option<DocLine> {
        match (mine, near) {
            (Some(p), _) => side.paragraph_line(corpus, p),
            (None, Some(n)) => Some(DocLine::item(vec![Seg::new(
                &format!("  (cf. ¶{})", n + 1),
                Tone::Dim,
            )])),
            (None, None) => None,
        }
    };
    for (k, row) in cmp.rows.iter().enumerate() {
        if k > 0 {
            let mut gap = Vec::new();
            pad(&mut gap);
            gap.push(Seg::new(" │", Tone::Dim));
            doc.push(DocLine::fixed(gap));
        }
        // A lone paragraph's `near` is a paragraph of the other account: the gap facing it
        // names it.
        let left = cell(sides.0, row.left, row.near.filter(|_| row.left.is_none()));
        let right = cell(sides.1, row.right, row.near.filter(|_| row.right.is_none()));
        let wrap = |line: &Option<DocLine>| {
            let mut d = Doc::default();
            d.lines.extend(line.clone());
            wrap_doc(&d, col)
        };
        let (lw, rw) = (wrap(&left), wrap(&right));
        // Enter and `y` on a row act on the left paragraph, else the right one.
        let source = left
            .as_ref()
            .filter(|l| l.target.is_some())
            .or(right.as_ref());
        for n in 0..lw.rows.len().max(rw.rows.len()) {
            let mut segs = lw.rows.get(n).map_or_else(Vec::new, |r| r.segs.clone());
            pad(&mut segs);
            segs.push(Seg::new(" │ ", Tone::Dim));
            if let Some(r) = rw.rows.get(n) {
                segs.extend(r.segs.iter().cloned());
            }
            let mut line = DocLine::item(segs);
            if let Some(l) = source {
                line.target = l.target.clone();
                line.copy = l.copy.clone();
            }
            doc.push(line);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_whole_sentence_gets_the_words_marker_and_a_clause_its_brackets() {
        let text = "Shared words here, with a new clause. Only this one says Budapest.";
        let marks = [
            Mark {
                range: 19..36,
                whole: false,
            },
            Mark {
                range: 38..text.len(),
                whole: true,
            },
        ];
        let segs = marked(text, &marks, "[only in ROK] ");
        let tones: Vec<Tone> = segs.iter().map(|s| s.tone).collect();
        assert_eq!(
            tones,
            vec![
                Tone::Plain,
                Tone::Marker,
                Tone::OnlyHere,
                Tone::Marker,
                Tone::Plain,
                Tone::Marker,
                Tone::OnlyHere
            ]
        );
        let joined: String = segs.iter().map(|s| s.text.as_str()).collect();
        assert_eq!(
            joined,
            "Shared words here, «with a new clause». [only in ROK] Only this one says Budapest."
        );
    }

    /// The 7th Cyber Dialogue side by side, ROK account on the left: its ¶4 (threat landscape)
    /// shares its first row with the EU ¶2, and its crypto clause is bracketed.
    #[test]
    fn the_seventh_side_by_side_puts_counterparts_on_one_row() {
        let corpus = crate::corpus::layers::load_layered(None)
            .expect("the built-in corpus loads")
            .corpus;
        let account = |id: &str, side| TextSource {
            id: id.into(),
            account: true,
            side: Some(side),
        };
        let party = |id: &str| crate::corpus::Side::Party(id.into());
        let rok = account("rok-7th-cyber-policy-consultation", party("rok"));
        let eu = account("eu-7th-cyber-dialogue", party("eu"));
        let t = crate::app::strings::Lang::En.strings();
        let doc = compared(&corpus, t, &rok, &eu, true, 200);
        let rows: Vec<String> = doc.lines.iter().map(DocLine::plain_text).collect();
        let row = rows
            .iter()
            .find(|r| r.starts_with("¶4 "))
            .unwrap_or_else(|| panic!("ROK ¶4 starts a row: {rows:#?}"));
        let right = row.split(" │ ").nth(1).unwrap_or_default();
        assert!(right.starts_with("¶2 Both parties assessed"), "{row}");
        // The ROK column's words, unwrapped: the clause is bracketed whole.
        let left: Vec<&str> = rows
            .iter()
            .filter_map(|r| r.split(" │").next())
            .flat_map(str::split_whitespace)
            .collect();
        let left = left.join(" ");
        assert!(
            left.contains("actors, «including cryptocurrency theft by North Korea». Both"),
            "{left}"
        );
        assert!(left.contains("May 20, «at the Ministry of Foreign Affairs» in Seoul."));
        // Narrow: one column, the EU's Brussels sentence listed as only in the EU account.
        let narrow = compared(&corpus, t, &rok, &eu, false, 80);
        let all: Vec<String> = narrow.lines.iter().map(DocLine::plain_text).collect();
        assert!(
            all.iter()
                .any(|l| l.starts_with("EU 2025 ¶6 The EU will host the next")),
            "{all:#?}"
        );
        assert!(!all.iter().any(|l| l.contains(" │ ")));
    }
}
