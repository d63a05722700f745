//! Two accounts compared: each sentence only one account reports is marked in words
//! ("[only in ROK]") as well as by tone; side by side in a wide layout, otherwise one column
//! followed by what only the other account says.

use crate::accounts::{TextSource, source};
use crate::app::cite::{full_list, source_name};
use crate::app::doc::{Doc, DocLine, Seg, Target, Tone, wrap_doc};
use crate::app::strings::Strings;
use crate::compare::{self, Comparison};
use crate::corpus::Citation;
use crate::corpus::Corpus;
use crate::corpus::names::side_label_in;
use crate::text::{display_width, sanitize_line};

/// Segments of one paragraph with the sentences only this account has marked.
fn marked(text: &str, sentences: &[&compare::Sentence], marker: &str) -> Vec<Seg> {
    let mut segs = Vec::new();
    let mut at = 0;
    for s in sentences {
        let (start, end) = (s.range.start.max(at), s.range.end.min(text.len()));
        if start >= end || !text.is_char_boundary(start) || !text.is_char_boundary(end) {
            continue;
        }
        if at < start {
            segs.push(Seg::plain(&text[at..start]));
        }
        segs.push(Seg::new(marker, Tone::Marker));
        segs.push(Seg::new(&text[start..end], Tone::OnlyHere));
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

/// One document per account: its paragraphs with only-here sentences marked.
fn account_doc(
    corpus: &Corpus,
    id: &str,
    paras: &[String],
    only: &[compare::Sentence],
    marker: &str,
) -> Doc {
    let marker = format!("[{marker}] ");
    let mut doc = Doc::default();
    for (p, text) in paras.iter().enumerate() {
        let mine: Vec<&compare::Sentence> = only
            .iter()
            .filter(|s| s.paragraph == p && s.only_here)
            .collect();
        let prefix = format!("¶{} ", p + 1);
        let mut segs = vec![Seg::new(&prefix, Tone::Dim)];
        segs.extend(marked(text, &mine, &marker));
        let cite = Citation::at(id, u32::try_from(p + 1).unwrap_or(u32::MAX));
        if p > 0 {
            doc.push(DocLine::blank());
        }
        doc.push(
            DocLine::item(segs)
                .with_indent(display_width(&prefix))
                .with_copy(format!(
                    "{text} {}",
                    full_list(corpus, std::slice::from_ref(&cite))
                ))
                .with_target(Some(Target::Cite(cite))),
        );
    }
    doc
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
    let left_doc = account_doc(corpus, &left.id, &lp, &cmp.left, &(t.only_in)(l_side));
    let mut out = Doc::default();
    out.push(DocLine::fixed(vec![
        Seg::new(&format!("{ln} ⇄ {rn}  "), Tone::Label),
        Seg::new(t.compare_keys, Tone::Dim),
    ]));
    out.push(DocLine::fixed(vec![Seg::new(
        &(t.compare_summary)(&ln, cmp.only(true).count(), &rn, cmp.only(false).count()),
        Tone::Dim,
    )]));
    out.push(DocLine::blank());
    if side_by_side {
        let right_doc = account_doc(corpus, &right.id, &rp, &cmp.right, &(t.only_in)(r_side));
        columns(&mut out, &left_doc, &right_doc, (&ln, &rn), width);
        return out;
    }
    out.lines.extend(left_doc.lines);
    out.push(DocLine::blank());
    out.push(DocLine::fixed(vec![Seg::new(
        &(t.only_in)(&rn),
        Tone::Heading,
    )]));
    for s in cmp.only(false) {
        let Some(text) = rp.get(s.paragraph).and_then(|t| t.get(s.range.clone())) else {
            continue;
        };
        let cite = Citation::at(
            right.id.clone(),
            u32::try_from(s.paragraph + 1).unwrap_or(u32::MAX),
        );
        // The one citation style: the source's own label ("ROK 2025 ¶4").
        let label = format!(
            "{} ¶{} ",
            crate::facts::cite::source_label(corpus, &right.id),
            s.paragraph + 1
        );
        out.push(
            DocLine::item(vec![
                Seg::new(&label, Tone::Cite),
                Seg::new(text, Tone::OnlyHere),
            ])
            .with_indent(display_width(&label))
            .with_copy(format!(
                "{text} {}",
                full_list(corpus, std::slice::from_ref(&cite))
            ))
            .with_target(Some(Target::Cite(cite))),
        );
    }
    out
}

fn columns(doc: &mut Doc, left: &Doc, right: &Doc, names: (&str, &str), width: usize) {
    let col = width.saturating_sub(3) / 2;
    let lw = wrap_doc(left, col);
    let rw = wrap_doc(right, col);
    let pad = |segs: &mut Vec<Seg>| {
        let used: usize = segs.iter().map(|s| display_width(&s.text)).sum();
        segs.push(Seg::plain(&" ".repeat(col.saturating_sub(used))));
    };
    let mut head = vec![Seg::new(&crate::text::truncate(names.0, col), Tone::Label)];
    pad(&mut head);
    head.push(Seg::new(" │ ", Tone::Dim));
    head.push(Seg::new(&crate::text::truncate(names.1, col), Tone::Label));
    doc.push(DocLine::fixed(head));
    for k in 0..lw.rows.len().max(rw.rows.len()) {
        let mut segs = lw.rows.get(k).map_or_else(Vec::new, |r| r.segs.clone());
        pad(&mut segs);
        segs.push(Seg::new(" │ ", Tone::Dim));
        if let Some(r) = rw.rows.get(k) {
            segs.extend(r.segs.iter().cloned());
        }
        let source_line = lw.rows.get(k).and_then(|r| left.lines.get(r.line));
        let mut line = DocLine::item(segs);
        if let Some(l) = source_line {
            line.target = l.target.clone();
            line.copy = l.copy.clone();
        }
        doc.push(line);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn marking_wraps_only_here_sentences() {
        let text = "Shared words here. Only this one says Budapest.";
        let s = compare::Sentence {
            paragraph: 0,
            range: 19..text.len(),
            best: 0.0,
            only_here: true,
        };
        let segs = marked(text, &[&s], "[only in ROK] ");
        let tones: Vec<Tone> = segs.iter().map(|s| s.tone).collect();
        assert_eq!(tones, vec![Tone::Plain, Tone::Marker, Tone::OnlyHere]);
        assert_eq!(segs[2].text, "Only this one says Budapest.");
    }
}
