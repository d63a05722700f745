//! The Text tab: the cleaned text of one account with paragraph numbers, search matches and
//! the paragraph a citation jumped to highlighted; or two accounts compared (see
//! `compare_view`).

use crate::accounts::{TextSource, source, text_sources};
use crate::app::cite::{full_list, source_name};
use crate::app::doc::{Doc, DocLine, Seg, Target, Tone, highlight};
use crate::app::search::TextSearches;
use crate::app::strings::Strings;
use crate::corpus::{Citation, Corpus};
use crate::index::EntryRef;
use crate::text::{display_width, sanitize_line};

use super::DocMatch;

/// Text widths from which a comparison may be drawn in two columns (in a wide layout only:
/// a narrow terminal gets one column with markers).
pub const SIDE_BY_SIDE_FROM: usize = 60;

/// How many matches of `query` each of the entry's [`text_sources`] holds, counted as the single-account
/// view finds them (in the sanitised paragraphs), so the counts agree with its matches.
pub fn match_counts(
    corpus: &Corpus,
    entry: EntryRef,
    query: &str,
    searches: &mut TextSearches,
) -> Vec<usize> {
    text_sources(corpus, entry)
        .iter()
        .map(|s| {
            source(corpus, &s.id).map_or(0, |src| {
                searches.find(src, query).iter().map(Vec::len).sum()
            })
        })
        .collect()
}

/// What the reader asked the Text tab to show.
#[derive(Clone, Copy)]
pub struct TextRequest<'a> {
    /// Index into the entry's [`text_sources`].
    pub account: usize,
    pub compare: bool,
    pub query: &'a str,
    /// Index of the current match among all matches.
    pub current: usize,
    pub highlight: Option<&'a Citation>,
    pub width: usize,
    /// The layout is wide (both panes shown): two columns fit when `width` allows.
    pub wide: bool,
    /// The interface's words.
    pub text: &'static Strings,
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

/// `searches` keeps the texts prepared for search from one keystroke to the next.
pub fn build(
    corpus: &Corpus,
    entry: EntryRef,
    req: TextRequest,
    searches: &mut TextSearches,
) -> TextDoc {
    let sources = text_sources(corpus, entry);
    let Some(current) = sources.get(req.account).or(sources.first()) else {
        let mut doc = Doc::default();
        doc.push(DocLine::fixed(vec![Seg::new(req.text.no_text, Tone::Dim)]));
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
        let side_by_side = req.wide && req.width >= SIDE_BY_SIDE_FROM;
        return TextDoc {
            doc: super::compare_view::compared(
                corpus,
                req.text,
                current,
                other,
                side_by_side,
                req.width,
            ),
            compared: true,
            ..TextDoc::default()
        };
    }
    single(corpus, &sources, current, req, searches)
}

fn single(
    corpus: &Corpus,
    sources: &[TextSource],
    current: &TextSource,
    req: TextRequest,
    searches: &mut TextSearches,
) -> TextDoc {
    let mut out = TextDoc::default();
    let Some(src) = source(corpus, &current.id) else {
        return out;
    };
    let mut found = searches.find(src, req.query).into_iter();
    let position = sources.iter().position(|s| s.id == current.id).unwrap_or(0);
    out.doc.push(
        DocLine::fixed(vec![
            Seg::new(
                &format!(
                    "{} ({}) ",
                    source_name(corpus, req.text, current),
                    (req.text.counts)(position + 1, sources.len())
                ),
                Tone::Label,
            ),
            Seg::new(&src.title, Tone::Heading),
        ])
        .with_indent(2),
    );
    let hint = match sources.iter().filter(|s| s.account).count() {
        _ if sources.len() < 2 => None,
        0 | 1 => Some(req.text.text_keys_sources),
        _ => Some(req.text.text_keys_two),
    };
    if let Some(hint) = hint {
        out.doc
            .push(DocLine::fixed(vec![Seg::new(hint, Tone::Dim)]));
    }
    // A reference source: say plainly that its text is elsewhere, and where.
    if let Some(absence) = crate::facts::cite::Reference::of(corpus, &src.id).absence() {
        out.doc.push(DocLine::blank());
        out.doc.push(
            DocLine::item(vec![Seg::new(&sanitize_line(&absence), Tone::Dim)]).with_indent(2),
        );
    }
    let digits = src.paragraphs.len().to_string().len();
    let mut match_index = 0;
    for (p, raw) in src.paragraphs.iter().enumerate() {
        let text = sanitize_line(raw);
        let number = p + 1;
        let prefix = format!("¶{number:<digits$} ");
        let ranges = found.next().unwrap_or_default();
        let targeted = req.highlight.is_some_and(|c| {
            c.source == src.id && c.paragraph.is_some_and(|p| p as usize == number)
        });
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
        let cite = Citation::at(src.id.clone(), u32::try_from(number).unwrap_or(u32::MAX));
        out.doc.push(
            DocLine::item(segs)
                .with_indent(display_width(&prefix))
                .with_copy(format!(
                    "{text} {}",
                    full_list(corpus, std::slice::from_ref(&cite))
                ))
                .with_target(Some(Target::Cite(cite))),
        );
        out.paragraph_lines.push(line);
    }
    // The curators' remarks on the source, after the text they describe.
    if !src.notes.is_empty() {
        out.doc.push(DocLine::blank());
        out.doc.push(DocLine::fixed(vec![Seg::new(
            req.text.source_notes,
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
