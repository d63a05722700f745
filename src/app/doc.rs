//! A styled document for the detail pane, independent of ratatui: logical lines made of toned
//! segments, wrapped into screen rows by display width.
//!
//! Every [`Seg`] goes through [`text::sanitize_line`] when it is made, so corpus text cannot
//! reach a terminal unsanitised, whichever builder produced it. The theme (in `ui`) turns a
//! [`Tone`] into a style; nothing here knows colours.

use std::ops::Range;

use crate::corpus::Citation;
use crate::index::EntryRef;
use crate::text;

/// What a piece of text is, for the theme to style.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Tone {
    Plain,
    /// A section or record title.
    Heading,
    /// A field label ("Date", "Place").
    Label,
    /// Secondary text: paragraph numbers, hints, inferred-how notes.
    Dim,
    /// A citation ("[EU 2025 ¶7]").
    Cite,
    /// A textual marker that must survive without colour ("only in ROK account").
    Marker,
    /// A search match.
    Match,
    /// The search match the cursor is on.
    CurrentMatch,
    /// The paragraph a citation jumped to.
    Target,
    /// A sentence only one account reports.
    OnlyHere,
}

/// A run of text with one tone. Sanitised on construction.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Seg {
    pub text: String,
    pub tone: Tone,
}

impl Seg {
    /// A segment of (possibly untrusted) text; control characters and escapes are removed.
    pub fn new(text: &str, tone: Tone) -> Seg {
        Seg {
            text: text::sanitize_line(text),
            tone,
        }
    }

    /// Plain text.
    pub fn plain(text: &str) -> Seg {
        Seg::new(text, Tone::Plain)
    }
}

/// Where `Enter` on a line goes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Target {
    /// A cited paragraph, shown in the Text tab.
    Cite(Citation),
    /// A timeline entry.
    Entry(EntryRef),
}

/// One logical line: wraps onto as many rows as it needs.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct DocLine {
    pub segs: Vec<Seg>,
    /// Columns of hanging indent for continuation rows.
    pub indent: usize,
    pub target: Option<Target>,
    /// Whether the cursor may rest on it (headings and blank lines: no).
    pub selectable: bool,
    /// What `y` copies when the cursor is on it.
    pub copy: Option<String>,
}

impl DocLine {
    /// A selectable line.
    pub fn item(segs: Vec<Seg>) -> DocLine {
        DocLine {
            segs,
            selectable: true,
            ..DocLine::default()
        }
    }

    /// A line the cursor skips.
    pub fn fixed(segs: Vec<Seg>) -> DocLine {
        DocLine {
            segs,
            ..DocLine::default()
        }
    }

    pub fn blank() -> DocLine {
        DocLine::default()
    }

    pub fn with_indent(mut self, indent: usize) -> DocLine {
        self.indent = indent;
        self
    }

    pub fn with_target(mut self, target: Option<Target>) -> DocLine {
        self.target = target;
        self
    }

    pub fn with_copy(mut self, copy: String) -> DocLine {
        // Most copy lines come sanitised already (`cite::copy_line`): kept, not copied again.
        self.copy = Some(match text::sanitize_line_cow(&copy) {
            std::borrow::Cow::Borrowed(_) => copy,
            std::borrow::Cow::Owned(clean) => clean,
        });
        self
    }

    /// The line's text without tones.
    pub fn plain_text(&self) -> String {
        self.segs.iter().map(|s| s.text.as_str()).collect()
    }
}

/// A document: what the detail pane shows for one entry and tab.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Doc {
    pub lines: Vec<DocLine>,
}

impl Doc {
    pub fn push(&mut self, line: DocLine) {
        self.lines.push(line);
    }
}

/// One screen row of a wrapped document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    /// The logical line it belongs to.
    pub line: usize,
    /// Byte offset in the line's text (all its segments joined) where this row starts.
    pub start: usize,
    /// Byte offset in the line's text where this row ends.
    pub end: usize,
    /// Whether `segs` opens with a hanging indent (one segment of spaces that is not part of
    /// the line's text).
    pub indented: bool,
    pub segs: Vec<Seg>,
}

/// A document wrapped to a width: its rows and, per logical line, the rows it covers.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Wrapped {
    pub rows: Vec<Row>,
    pub line_rows: Vec<Range<usize>>,
}

/// Wraps every line of `doc` to `width` columns. Width 0 gives no rows.
pub fn wrap_doc(doc: &Doc, width: usize) -> Wrapped {
    let mut out = Wrapped::default();
    for (i, line) in doc.lines.iter().enumerate() {
        let start = out.rows.len();
        if width > 0 {
            wrap_line(i, line, width, &mut out.rows);
        }
        out.line_rows.push(start..out.rows.len());
    }
    out
}

fn wrap_line(index: usize, line: &DocLine, width: usize, rows: &mut Vec<Row>) {
    let mut full = String::new();
    let mut tones: Vec<(Range<usize>, Tone)> = Vec::with_capacity(line.segs.len());
    for seg in &line.segs {
        let start = full.len();
        full.push_str(&seg.text);
        tones.push((start..full.len(), seg.tone));
    }
    // A hanging indent that leaves no room for text is dropped.
    let indent = if line.indent.saturating_mul(2) < width {
        line.indent
    } else {
        0
    };
    let pieces = text::wrap(&full, width.saturating_sub(indent));
    if pieces.is_empty() {
        rows.push(Row {
            line: index,
            start: 0,
            end: 0,
            indented: false,
            segs: Vec::new(),
        });
        return;
    }
    // Pieces and tones both run in text order: one cursor over the tones keeps this linear
    // (a paragraph of megabytes with a search match every line has as many tones as rows).
    let mut first_tone = 0;
    for (k, piece) in pieces.iter().enumerate() {
        let mut segs = Vec::new();
        let indented = k > 0 && indent > 0;
        if indented {
            segs.push(Seg {
                text: " ".repeat(indent),
                tone: Tone::Plain,
            });
        }
        while tones
            .get(first_tone)
            .is_some_and(|(range, _)| range.end <= piece.start)
        {
            first_tone += 1;
        }
        for (range, tone) in tones[first_tone..]
            .iter()
            .take_while(|(range, _)| range.start < piece.end)
        {
            let s = range.start.max(piece.start);
            let e = range.end.min(piece.end);
            if s < e
                && let Some(text) = full.get(s..e)
            {
                segs.push(Seg {
                    text: text.to_string(),
                    tone: *tone,
                });
            }
        }
        rows.push(Row {
            line: index,
            start: piece.start,
            end: piece.end,
            indented,
            segs,
        });
    }
}

/// The segments of `row` with `marks` painted over them: each mark is a byte range of the
/// row's logical line (sorted, non-overlapping; parts outside the row are ignored) and the
/// tone its text takes. Search matches are drawn this way, so moving between them redraws the
/// rows in view instead of rebuilding and re-wrapping the document. A mark edge that is not a
/// character boundary is not painted.
pub fn overlay(row: &Row, marks: &[(Range<usize>, Tone)]) -> Vec<Seg> {
    let mut out = Vec::with_capacity(row.segs.len() + 2 * marks.len());
    let (indent, text) = row
        .segs
        .split_at(usize::from(row.indented).min(row.segs.len()));
    out.extend_from_slice(indent);
    let mut at = row.start;
    let mut mark = 0;
    for seg in text {
        let end = at + seg.text.len();
        // The part of `seg` from `cut` on is not yet out.
        let mut cut = at;
        while let Some((range, tone)) = marks.get(mark) {
            if range.start >= end {
                break;
            }
            let (s, e) = (range.start.max(cut), range.end.min(end));
            if s < e
                && let (Some(before), Some(marked)) =
                    (seg.text.get(cut - at..s - at), seg.text.get(s - at..e - at))
            {
                push_text(&mut out, before, seg.tone);
                push_text(&mut out, marked, *tone);
                cut = e;
            }
            if range.end > end {
                break;
            }
            mark += 1;
        }
        if let Some(rest) = seg.text.get(cut - at..) {
            push_text(&mut out, rest, seg.tone);
        }
        at = end;
    }
    out
}

/// Adds already sanitised `text` (a slice of a segment) unless it is empty.
fn push_text(out: &mut Vec<Seg>, text: &str, tone: Tone) {
    if !text.is_empty() {
        out.push(Seg {
            text: text.to_string(),
            tone,
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(row: &Row) -> String {
        row.segs.iter().map(|s| s.text.as_str()).collect()
    }

    /// Many tones on one long line (a search hit in every row of a huge paragraph): each row
    /// gets exactly its part of each tone, in order, whichever rows the tones span.
    #[test]
    fn a_line_of_many_tones_wraps_each_tone_into_its_rows() {
        let words: Vec<String> = (0..2000).map(|i| format!("w{i}")).collect();
        let segs: Vec<Seg> = words
            .iter()
            .enumerate()
            .map(|(i, w)| Seg {
                text: format!("{w} "),
                tone: if i % 3 == 0 { Tone::Match } else { Tone::Plain },
            })
            .collect();
        let mut doc = Doc::default();
        doc.push(DocLine::item(segs));
        let wrapped = wrap_doc(&doc, 17);
        let joined: Vec<String> = wrapped.rows.iter().map(texts).collect();
        let full: String = words.iter().map(|w| format!("{w} ")).collect();
        let expected: Vec<String> = crate::text::wrap(&full, 17)
            .into_iter()
            .map(|r| full[r].to_string())
            .collect();
        assert_eq!(joined, expected);
        let matched: Vec<&str> = wrapped
            .rows
            .iter()
            .flat_map(|r| &r.segs)
            .filter(|s| s.tone == Tone::Match)
            .map(|s| s.text.trim_end())
            .filter(|t| !t.is_empty())
            .collect();
        let expected_matches: Vec<String> = words.iter().step_by(3).cloned().collect();
        assert_eq!(matched, expected_matches);
    }

    /// One numbered paragraph with a hanging indent under its number.
    fn numbered_paragraph() -> Doc {
        let mut doc = Doc::default();
        doc.push(
            DocLine::item(vec![
                Seg::new("¶1 ", Tone::Dim),
                Seg::plain("alpha beta gamma delta"),
            ])
            .with_indent(3),
        );
        doc
    }

    #[test]
    fn wraps_with_hanging_indent_and_keeps_tones() {
        let mut doc = numbered_paragraph();
        doc.push(DocLine::blank());
        let w = wrap_doc(&doc, 12);
        let rows: Vec<String> = w.rows.iter().map(texts).collect();
        assert_eq!(
            rows,
            vec!["¶1 alpha", "   beta", "   gamma", "   delta", ""]
        );
        assert_eq!(w.line_rows, vec![0..4, 4..5]);
        assert_eq!(w.rows[0].segs[0].tone, Tone::Dim);
    }

    #[test]
    fn width_zero_gives_no_rows() {
        let mut doc = Doc::default();
        doc.push(DocLine::item(vec![Seg::plain("x")]));
        let w = wrap_doc(&doc, 0);
        assert!(w.rows.is_empty());
        assert_eq!(w.line_rows, vec![0..0]);
    }

    #[test]
    fn segments_are_sanitised() {
        let s = Seg::plain("a\u{1b}[2Jb\nc");
        assert!(!s.text.contains('\u{1b}'));
        assert!(!s.text.contains('\n'));
    }

    /// Marks split the segments they cover, across segment and row edges, and leave the
    /// hanging indent alone.
    #[test]
    fn overlay_paints_marks_over_the_rows_they_touch() {
        let w = wrap_doc(&numbered_paragraph(), 12);
        // "alpha" (4..9, after the 2-byte "¶"), "ta ga" (12..17, across rows), "delta".
        let marks = [
            (4..9, Tone::Match),
            (12..17, Tone::CurrentMatch),
            (21..26, Tone::Match),
        ];
        let painted: Vec<Vec<(String, Tone)>> = w
            .rows
            .iter()
            .map(|r| {
                overlay(r, &marks)
                    .into_iter()
                    .map(|s| (s.text, s.tone))
                    .collect()
            })
            .collect();
        let seg = |t: &str, tone| (t.to_string(), tone);
        assert_eq!(
            painted,
            vec![
                vec![seg("¶1 ", Tone::Dim), seg("alpha", Tone::Match)],
                vec![
                    seg("   ", Tone::Plain),
                    seg("be", Tone::Plain),
                    seg("ta", Tone::CurrentMatch),
                ],
                vec![
                    seg("   ", Tone::Plain),
                    seg("ga", Tone::CurrentMatch),
                    seg("mma", Tone::Plain),
                ],
                vec![seg("   ", Tone::Plain), seg("delta", Tone::Match)],
            ]
        );
        // No marks: the row as wrapped.
        assert_eq!(overlay(&w.rows[1], &[]), w.rows[1].segs);
    }

    #[test]
    fn overlay_skips_marks_that_cut_a_character() {
        let mut doc = Doc::default();
        doc.push(DocLine::item(vec![Seg::plain("한국 EU")]));
        let w = wrap_doc(&doc, 20);
        let painted = overlay(&w.rows[0], &[(1..4, Tone::Match), (7..9, Tone::Match)]);
        let texts: Vec<(&str, Tone)> = painted.iter().map(|s| (s.text.as_str(), s.tone)).collect();
        assert_eq!(texts, vec![("한국 ", Tone::Plain), ("EU", Tone::Match)]);
    }
}
