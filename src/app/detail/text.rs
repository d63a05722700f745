//! The Text tab: the cleaned text of one account with paragraph numbers, search matches and
//! the paragraph a citation jumped to highlighted; or two accounts compared, side by side when
//! the pane is wide enough and in one column with markers otherwise.

use crate::app::cite::full_list;
use crate::app::doc::{Doc, DocLine, Seg, Target, Tone, highlight, wrap_doc};
use crate::app::strings;
use crate::compare::{self, Comparison};
use crate::corpus::{Citation, Corpus, Side, Source};
use crate::index::EntryRef;
use crate::search::fulltext::find_in;
use crate::text::{display_width, sanitize_line};

use super::DocMatch;

/// Text widths from which a comparison may be drawn in two columns (in a wide layout only:
/// a narrow terminal gets one column with markers).
pub const SIDE_BY_SIDE_FROM: usize = 60;

/// A source whose text the Text tab can show for an entry.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TextSource {
    pub id: String,
    /// An account of the meeting (rather than a source cited for one fact).
    pub account: bool,
    pub side: Option<Side>,
}

/// The sources of an entry: a meeting's accounts first, then any other source it cites; an
/// event's cited sources. Only sources present in the corpus.
pub fn text_sources(corpus: &Corpus, entry: EntryRef) -> Vec<TextSource> {
    let mut out: Vec<TextSource> = Vec::new();
    let mut add = |id: &str, account: bool, side: Option<Side>| {
        if out.iter().any(|s| s.id == id) {
            return;
        }
        if let Some(src) = corpus.sources.iter().find(|s| s.id == id) {
            out.push(TextSource {
                id: id.to_string(),
                account,
                side: side.or(src.side),
            });
        }
    };
    match entry {
        EntryRef::Meeting(i) => {
            if let Some(m) = corpus.meetings.get(i) {
                for a in &m.accounts {
                    add(&a.source, true, a.side);
                }
                for c in super::super::cites::meeting(m) {
                    add(&c.source, false, None);
                }
            }
        }
        EntryRef::Event(i) => {
            if let Some(e) = corpus.events.get(i) {
                for c in super::super::cites::event(e) {
                    add(&c.source, false, None);
                }
            }
        }
    }
    out
}

/// What the reader asked the Text tab to show.
#[derive(Debug, Clone, Copy)]
pub struct TextRequest<'a> {
    /// Index into [`text_sources`].
    pub account: usize,
    pub compare: bool,
    pub query: &'a str,
    /// Index of the current match among all matches.
    pub current: usize,
    pub highlight: Option<&'a Citation>,
    pub width: usize,
    /// The layout is wide (both panes shown): two columns fit when `width` allows.
    pub wide: bool,
}

/// The Text tab's document and what `update` needs to move in it.
#[derive(Debug, Clone, Default)]
pub struct TextDoc {
    pub doc: Doc,
    pub matches: Vec<DocMatch>,
    /// The line of each paragraph (by 0-based paragraph index) in single-account view.
    pub paragraph_lines: Vec<usize>,
    /// Whether the document is a comparison.
    pub compared: bool,
}

fn source<'a>(corpus: &'a Corpus, id: &str) -> Option<&'a Source> {
    corpus.sources.iter().find(|s| s.id == id)
}

/// "EU account", "ROK account", "cited source".
pub fn source_name(s: &TextSource) -> String {
    let kind = if s.account {
        strings::ACCOUNT
    } else {
        strings::CITED_SOURCE
    };
    match s.side {
        Some(side) => format!("{} {kind}", side.label()),
        None => kind.to_string(),
    }
}

pub fn build(corpus: &Corpus, entry: EntryRef, req: TextRequest) -> TextDoc {
    let sources = text_sources(corpus, entry);
    let Some(current) = sources.get(req.account).or(sources.first()) else {
        let mut doc = Doc::default();
        doc.push(DocLine::fixed(vec![Seg::new(strings::NO_TEXT, Tone::Dim)]));
        return TextDoc {
            doc,
            ..TextDoc::default()
        };
    };
    let other = sources.iter().find(|s| s.account && s.id != current.id);
    if req.compare
        && current.account
        && let Some(other) = other
    {
        return compared(corpus, current, other, req.width, req.wide);
    }
    single(corpus, &sources, current, req)
}

fn single(
    corpus: &Corpus,
    sources: &[TextSource],
    current: &TextSource,
    req: TextRequest,
) -> TextDoc {
    let mut out = TextDoc::default();
    let Some(src) = source(corpus, &current.id) else {
        return out;
    };
    let position = sources.iter().position(|s| s.id == current.id).unwrap_or(0);
    out.doc.push(
        DocLine::fixed(vec![
            Seg::new(
                &format!(
                    "{} ({} of {}) ",
                    source_name(current),
                    position + 1,
                    sources.len()
                ),
                Tone::Label,
            ),
            Seg::new(&src.title, Tone::Heading),
        ])
        .with_indent(2),
    );
    if sources.len() > 1 {
        out.doc.push(DocLine::fixed(vec![Seg::new(
            strings::TEXT_KEYS_TWO,
            Tone::Dim,
        )]));
    }
    let digits = src.paragraphs.len().to_string().len();
    let mut match_index = 0;
    for (p, raw) in src.paragraphs.iter().enumerate() {
        let text = sanitize_line(raw);
        let number = p + 1;
        let prefix = format!("¶{number:<digits$} ");
        let ranges = find_in(&text, req.query);
        let targeted = req
            .highlight
            .is_some_and(|c| c.source == src.id && c.paragraph as usize == number);
        let base = if targeted { Tone::Target } else { Tone::Plain };
        let current_here = req
            .current
            .checked_sub(match_index)
            .filter(|k| *k < ranges.len());
        out.doc.push(DocLine::blank());
        let line = out.doc.lines.len();
        for r in &ranges {
            out.matches.push(DocMatch {
                line,
                range: r.start + prefix.len()..r.end + prefix.len(),
            });
        }
        match_index += ranges.len();
        let mut segs = vec![Seg::new(&prefix, Tone::Dim)];
        segs.extend(highlight(&text, base, &ranges, current_here));
        let cite = Citation {
            source: src.id.clone(),
            paragraph: u32::try_from(number).unwrap_or(u32::MAX),
        };
        out.doc.push(
            DocLine::item(segs)
                .with_indent(display_width(&prefix))
                .with_copy(format!("{text} {}", full_list(std::slice::from_ref(&cite))))
                .with_target(Some(Target::Cite(cite))),
        );
        out.paragraph_lines.push(line);
    }
    // The curators' remarks on the source, after the text they describe.
    if !src.notes.is_empty() {
        out.doc.push(DocLine::blank());
        out.doc.push(DocLine::fixed(vec![Seg::new(
            strings::SOURCE_NOTES,
            Tone::Label,
        )]));
        for note in &src.notes {
            out.doc.push(
                DocLine::fixed(vec![Seg::plain("  "), Seg::new(note, Tone::Dim)]).with_indent(2),
            );
        }
    }
    out
}

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
fn account_doc(id: &str, paras: &[String], only: &[compare::Sentence], side: &str) -> Doc {
    let marker = format!("[{} {side}] ", strings::ONLY_IN);
    let mut doc = Doc::default();
    for (p, text) in paras.iter().enumerate() {
        let mine: Vec<&compare::Sentence> = only
            .iter()
            .filter(|s| s.paragraph == p && s.only_here)
            .collect();
        let prefix = format!("¶{} ", p + 1);
        let mut segs = vec![Seg::new(&prefix, Tone::Dim)];
        segs.extend(marked(text, &mine, &marker));
        let cite = Citation {
            source: id.to_string(),
            paragraph: u32::try_from(p + 1).unwrap_or(u32::MAX),
        };
        if p > 0 {
            doc.push(DocLine::blank());
        }
        doc.push(
            DocLine::item(segs)
                .with_indent(display_width(&prefix))
                .with_copy(format!("{text} {}", full_list(std::slice::from_ref(&cite))))
                .with_target(Some(Target::Cite(cite))),
        );
    }
    doc
}

fn compared(
    corpus: &Corpus,
    left: &TextSource,
    right: &TextSource,
    width: usize,
    wide: bool,
) -> TextDoc {
    let lp = paragraphs(corpus, &left.id);
    let rp = paragraphs(corpus, &right.id);
    let cmp: Comparison = compare::compare(&lp, &rp);
    let (ln, rn) = (source_name(left), source_name(right));
    let l_side = left.side.map_or("S1", |s| s.label());
    let r_side = right.side.map_or("S2", |s| s.label());
    let left_doc = account_doc(&left.id, &lp, &cmp.left, l_side);
    let mut out = TextDoc {
        compared: true,
        ..TextDoc::default()
    };
    out.doc.push(DocLine::fixed(vec![
        Seg::new(&format!("{ln} ⇄ {rn}  "), Tone::Label),
        Seg::new(strings::COMPARE_KEYS, Tone::Dim),
    ]));
    out.doc.push(DocLine::fixed(vec![Seg::new(
        &strings::compare_summary(&ln, cmp.only(true).count(), &rn, cmp.only(false).count()),
        Tone::Dim,
    )]));
    out.doc.push(DocLine::blank());
    if wide && width >= SIDE_BY_SIDE_FROM {
        let right_doc = account_doc(&right.id, &rp, &cmp.right, r_side);
        side_by_side(&mut out.doc, &left_doc, &right_doc, (&ln, &rn), width);
        return out;
    }
    out.doc.lines.extend(left_doc.lines);
    out.doc.push(DocLine::blank());
    out.doc.push(DocLine::fixed(vec![Seg::new(
        &format!("{} {rn}", strings::ONLY_IN),
        Tone::Heading,
    )]));
    for s in cmp.only(false) {
        let Some(text) = rp.get(s.paragraph).and_then(|t| t.get(s.range.clone())) else {
            continue;
        };
        let cite = Citation {
            source: right.id.clone(),
            paragraph: u32::try_from(s.paragraph + 1).unwrap_or(u32::MAX),
        };
        let label = format!("{r_side}¶{} ", s.paragraph + 1);
        out.doc.push(
            DocLine::item(vec![
                Seg::new(&label, Tone::Cite),
                Seg::new(text, Tone::OnlyHere),
            ])
            .with_indent(display_width(&label))
            .with_copy(format!("{text} {}", full_list(std::slice::from_ref(&cite))))
            .with_target(Some(Target::Cite(cite))),
        );
    }
    out
}

fn side_by_side(doc: &mut Doc, left: &Doc, right: &Doc, names: (&str, &str), width: usize) {
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
