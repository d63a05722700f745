//! Plain-text output for the subcommands: sanitised, wrapped to 80 columns, and JSON writing.
//!
//! Corpus text is untrusted: everything printed as text goes through
//! [`crate::text::sanitize_line`]. JSON output is escaped by serde_json, and C1 and bidi
//! controls besides (the `json` module), so it stays valid and inert whatever the corpus holds.

mod json;

use std::io::Write;

use anyhow::Result;

use crate::text::{pad, sanitize_line, wrap};

/// Width that plain output is wrapped to: readable in an 80-column terminal.
pub const WIDTH: usize = 80;

/// How search marks its matches in text output.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Marks {
    /// Plain text, no marks (a pipe, by default).
    None,
    /// »Bracketed« (`--markers` when not colouring).
    Brackets,
    /// Reverse video (colouring: `--color always`, or `auto` on a terminal).
    Highlight,
}

impl Marks {
    /// Colouring wins; otherwise brackets if asked for, else none.
    pub fn choose(colour: bool, markers: bool) -> Marks {
        match (colour, markers) {
            (true, _) => Marks::Highlight,
            (false, true) => Marks::Brackets,
            (false, false) => Marks::None,
        }
    }
}

/// SGR reverse video on, and all attributes off: the only escapes text output writes.
const HIGHLIGHT_ON: &str = "\x1b[7m";
const HIGHLIGHT_OFF: &str = "\x1b[0m";

/// A text document being built: lines of sanitised, wrapped text.
#[derive(Debug, Default)]
pub struct Doc {
    lines: Vec<String>,
}

impl Doc {
    /// Adds `text`, sanitised and wrapped, with `indent` spaces on every line.
    pub fn para(&mut self, indent: usize, text: &str) {
        self.hanging(indent, indent, text);
    }

    /// Adds `text` with `first` spaces before the first line and `rest` before the others.
    pub fn hanging(&mut self, first: usize, rest: usize, text: &str) {
        let clean = sanitize_line(text);
        let width = WIDTH.saturating_sub(rest).max(20);
        let ranges = wrap(&clean, width);
        if ranges.is_empty() {
            self.lines.push(String::new());
        }
        for (n, r) in ranges.into_iter().enumerate() {
            let pad = if n == 0 { first } else { rest };
            self.lines
                .push(format!("{}{}", " ".repeat(pad), clean[r].trim_end()));
        }
    }

    /// Like [`Doc::para`], with the byte `ranges` of `text` in reverse video. Escapes go in
    /// after wrapping, so they take no width. If sanitising changes `text` (the ranges would
    /// no longer index it), no marks are drawn.
    pub fn para_marked(&mut self, indent: usize, text: &str, ranges: &[std::ops::Range<usize>]) {
        let clean = sanitize_line(text);
        if clean != text || ranges.is_empty() {
            self.para(indent, &clean);
            return;
        }
        let width = WIDTH.saturating_sub(indent).max(20);
        let lines = wrap(&clean, width);
        if lines.is_empty() {
            self.lines.push(String::new());
        }
        for line in lines {
            let end = line.start + clean[line.clone()].trim_end().len();
            let mut s = " ".repeat(indent);
            let mut at = line.start;
            for r in ranges {
                let (a, b) = (r.start.max(at), r.end.min(end));
                if a >= b || !clean.is_char_boundary(a) || !clean.is_char_boundary(b) {
                    continue;
                }
                s.push_str(&clean[at..a]);
                s.push_str(HIGHLIGHT_ON);
                s.push_str(&clean[a..b]);
                s.push_str(HIGHLIGHT_OFF);
                at = b;
            }
            s.push_str(&clean[at..end]);
            self.lines.push(s);
        }
    }

    /// A `label  value` line, the value wrapped under itself (the label padded by display
    /// columns, so a Korean label lines up too).
    pub fn field(&mut self, label: &str, value: &str) {
        const COL: usize = 12;
        let text = format!("{}{value}", pad(label, COL));
        self.hanging(0, COL, &text);
    }

    pub fn heading(&mut self, text: &str) {
        if !self.lines.is_empty() {
            self.lines.push(String::new());
        }
        self.para(0, text);
    }

    pub fn blank(&mut self) {
        self.lines.push(String::new());
    }

    pub fn write(&self, out: &mut dyn Write) -> Result<()> {
        for line in &self.lines {
            writeln!(out, "{line}")?;
        }
        Ok(())
    }
}

/// Writes a value as pretty JSON followed by a newline.
pub fn write_json(out: &mut dyn Write, value: &serde_json::Value) -> Result<()> {
    json::write_pretty(out, value)?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::display_width;

    #[test]
    fn korean_text_wraps_within_80_display_columns() {
        let mut doc = Doc::default();
        doc.field(
            "장소",
            &"한국인터넷진흥원과 국가정보원이 참석했다 ".repeat(12),
        );
        doc.para(4, &"사이버정책협의회".repeat(20));
        assert!(doc.lines.len() > 4);
        for line in &doc.lines {
            assert!(display_width(line) <= WIDTH, "{line:?}");
        }
        // The value starts at column 12 on the first line and hangs there after.
        assert!(
            doc.lines[0].starts_with("장소        한국"),
            "{:?}",
            doc.lines[0]
        );
        assert!(
            doc.lines[1].starts_with("            "),
            "{:?}",
            doc.lines[1]
        );
    }

    #[test]
    fn marked_text_highlights_only_the_ranges_and_wraps_as_plain() {
        let text = "the cyber dialogue ".repeat(10);
        let mut plain = Doc::default();
        plain.para(2, &text);
        let mut marked = Doc::default();
        marked.para_marked(2, &text, &[4..9, 99..104]);
        let strip = |l: &String| l.replace(HIGHLIGHT_ON, "").replace(HIGHLIGHT_OFF, "");
        let stripped: Vec<String> = marked.lines.iter().map(strip).collect();
        assert_eq!(stripped, plain.lines);
        let joined = marked.lines.join("\n");
        assert_eq!(joined.matches(HIGHLIGHT_ON).count(), 2, "{joined:?}");
        assert!(joined.contains(&format!("{HIGHLIGHT_ON}cyber{HIGHLIGHT_OFF}")));
    }

    #[test]
    fn lines_fit_80_columns_and_carry_no_controls() {
        let mut doc = Doc::default();
        doc.field("Title", &"word \x1b[2J ".repeat(40));
        for line in &doc.lines {
            assert!(display_width(line) <= WIDTH, "{line:?}");
            assert!(!line.contains('\x1b'));
        }
    }
}
