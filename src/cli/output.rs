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
    fn lines_fit_80_columns_and_carry_no_controls() {
        let mut doc = Doc::default();
        doc.field("Title", &"word \x1b[2J ".repeat(40));
        for line in &doc.lines {
            assert!(display_width(line) <= WIDTH, "{line:?}");
            assert!(!line.contains('\x1b'));
        }
    }
}
