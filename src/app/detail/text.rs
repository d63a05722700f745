//! The Text tab: the cleaned text of one account with paragraph numbers and the paragraph a
//! citation jumped to highlighted; or two accounts compared (see `compare_view`).
//!
//! The document does not depend on the `/` search: its matches are found apart
//! ([`find_matches`]) and painted over the rows in view when drawn, so typing a query or
//! stepping between matches keeps the document, and its wrapping, as built (a 10 MB paragraph
//! took most of a second per key to rebuild and re-wrap).

use crate::accounts::{TextSource, source, text_sources};
use crate::app::cite::source_name;
use crate::app::doc::{Doc, DocLine, Seg, Target, Tone};
use crate::app::search::TextSearches;
use crate::app::strings::Strings;
use crate::corpus::{Citation, Corpus};
use crate::facts::cite::copy_line;
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
    pub highlight: Option<&'a Citation>,
    pub width: usize,
    /// The layout is wide (both panes shown): two columns fit when `width` allows.
    pub wide: bool,
    /// The interface's words.
    pub text: &'static Strings,
}

/// Everything a Text tab document is built from: a document built for an equal key is the
/// same document (the interface's words are fixed for an [`App`](crate::app::App)).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TextKey {
    pub entry: EntryRef,
    pub account: usize,
    pub compare: bool,
    pub highlight: Option<Citation>,
    pub width: usize,
    pub wide: bool,
}

impl TextKey {
    pub fn of(entry: EntryRef, req: &TextRequest) -> TextKey {
        TextKey {
            entry,
            account: req.account,
            compare: req.compare,
            highlight: req.highlight.cloned(),
            width: req.width,
            wide: req.wide,
        }
    }
}

/// Where things are in a Text tab document: what `update` needs to move in it and to place
/// search matches.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TextLayout {
    /// The source shown in single-account view, whose paragraphs are searched.
    pub source: Option<String>,
    /// The line of each paragraph (by 0-based paragraph index) in single-account view.
    pub paragraph_lines: Vec<usize>,
    /// Whether the document is a comparison.
    pub compared: bool,
}

/// The Text tab's document and its layout.
#[derive(Debug, Clone, Default)]
pub struct TextDoc {
    pub doc: Doc,
    pub layout: TextLayout,
}

/// The paragraph number before a paragraph's text, padded to the widest number (`digits`).
fn paragraph_prefix(number: usize, digits: usize) -> String {
    format!("¶{number:<digits$} ")
}

/// The matches of `query` in the single-account document laid out as `layout` (none in a
/// comparison), in document order. `searches` keeps the texts prepared from one keystroke to
/// the next.
pub fn find_matches(
    corpus: &Corpus,
    layout: &TextLayout,
    query: &str,
    searches: &mut TextSearches,
) -> Vec<DocMatch> {
    let Some(src) = layout.source.as_deref().and_then(|id| source(corpus, id)) else {
        return Vec::new();
    };
    let digits = src.paragraphs.len().to_string().len();
    let mut matches = Vec::new();
    for (p, (ranges, &line)) in searches
        .find(src, query)
        .into_iter()
        .zip(&layout.paragraph_lines)
        .enumerate()
    {
        let at = paragraph_prefix(p + 1, digits).len();
        matches.extend(ranges.into_iter().map(|r| DocMatch {
            line,
            range: r.start + at..r.end + at,
        }));
    }
    matches
}

pub fn build(corpus: &Corpus, entry: EntryRef, req: TextRequest) -> TextDoc {
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
            layout: TextLayout {
                compared: true,
                ..TextLayout::default()
            },
        };
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
    out.layout.source = Some(src.id.to_string());
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
    for (p, raw) in src.paragraphs.iter().enumerate() {
        let text = sanitize_line(raw);
        let number = p + 1;
        let prefix = paragraph_prefix(number, digits);
        let targeted = req.highlight.is_some_and(|c| {
            c.source == src.id && c.paragraph.is_some_and(|p| p as usize == number)
        });
        let base = if targeted { Tone::Target } else { Tone::Plain };
        out.doc.push(DocLine::blank());
        let line = out.doc.lines.len();
        // The text is sanitised already: its bytes are where `find_matches` places matches.
        let mut segs = vec![Seg::new(&prefix, Tone::Dim)];
        if !text.is_empty() {
            segs.push(Seg {
                text: text.clone(),
                tone: base,
            });
        }
        let cite = Citation::at(src.id.clone(), u32::try_from(number).unwrap_or(u32::MAX));
        out.doc.push(
            DocLine::item(segs)
                .with_indent(display_width(&prefix))
                .with_copy(copy_line(corpus, &text, std::slice::from_ref(&cite)))
                .with_target(Some(Target::Cite(cite))),
        );
        out.layout.paragraph_lines.push(line);
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
