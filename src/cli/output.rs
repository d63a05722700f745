//! Plain-text output for the subcommands: sanitised, wrapped to 80 columns, citations numbered
//! against a legend of sources, and JSON writing.
//!
//! Corpus text is untrusted: everything printed as text goes through
//! [`crate::text::sanitize_line`]. JSON output is escaped by serde_json, so it stays valid and
//! inert whatever the corpus holds.

use std::io::Write;

use anyhow::Result;

use crate::corpus::{Citation, Corpus};
use crate::text::{sanitize_line, wrap};

/// Width that plain output is wrapped to: readable in an 80-column terminal.
pub const WIDTH: usize = 80;

/// Numbers sources in order of first citation, so citations print short (`[1¶7]`) and a legend
/// at the end says which source each number is.
#[derive(Debug, Default)]
pub struct Legend {
    sources: Vec<String>,
}

impl Legend {
    fn number(&mut self, source: &str) -> usize {
        match self.sources.iter().position(|s| s == source) {
            Some(i) => i + 1,
            None => {
                self.sources.push(source.to_string());
                self.sources.len()
            }
        }
    }

    /// `[1¶3, 1¶5, 2¶7]`, or empty when there are no citations.
    pub fn cite(&mut self, cites: &[Citation]) -> String {
        if cites.is_empty() {
            return String::new();
        }
        let parts: Vec<String> = cites
            .iter()
            .map(|c| format!("{}¶{}", self.number(&c.source), c.paragraph))
            .collect();
        format!("[{}]", parts.join(", "))
    }

    /// The legend lines: `[1] source-id — title`.
    pub fn lines(&self, corpus: &Corpus) -> Vec<String> {
        self.sources
            .iter()
            .enumerate()
            .map(|(i, id)| {
                let title = corpus
                    .sources
                    .iter()
                    .find(|s| &s.id == id)
                    .map(|s| s.title.as_str())
                    .unwrap_or("");
                format!("[{}] {id} — {title}", i + 1)
            })
            .collect()
    }
}

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

    /// A `label  value` line, the value wrapped under itself.
    pub fn field(&mut self, label: &str, value: &str) {
        const COL: usize = 12;
        let text = format!("{label:<width$}{value}", width = COL);
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
    serde_json::to_writer_pretty(&mut *out, value)?;
    writeln!(out)?;
    Ok(())
}

/// A date for people: `28 June 2019`, `March 2024`, `2021`, from `YYYY[-MM[-DD]]`.
pub fn human_date(value: &str) -> String {
    const MONTHS: [&str; 12] = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ];
    let parts: Vec<&str> = value.split('-').collect();
    let month = |m: &str| {
        m.parse::<usize>()
            .ok()
            .and_then(|m| MONTHS.get(m.wrapping_sub(1)))
            .copied()
    };
    match parts.as_slice() {
        [y, m, d] => match (month(m), d.parse::<u32>()) {
            (Some(m), Ok(d)) => format!("{d} {m} {y}"),
            _ => value.to_string(),
        },
        [y, m] => month(m).map_or_else(|| value.to_string(), |m| format!("{m} {y}")),
        _ => value.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_read_as_people_write_them() {
        assert_eq!(human_date("2019-06-28"), "28 June 2019");
        assert_eq!(human_date("2024-03"), "March 2024");
        assert_eq!(human_date("2021"), "2021");
        assert_eq!(human_date("2021-13"), "2021-13");
    }

    #[test]
    fn legend_numbers_sources_in_order_of_first_use() {
        let mut legend = Legend::default();
        let c = |s: &str, p| Citation {
            source: s.into(),
            paragraph: p,
        };
        assert_eq!(legend.cite(&[c("b", 2), c("a", 1)]), "[1¶2, 2¶1]");
        assert_eq!(legend.cite(&[c("a", 4)]), "[2¶4]");
        assert_eq!(legend.cite(&[]), "");
    }

    #[test]
    fn lines_fit_80_columns_and_carry_no_controls() {
        let mut doc = Doc::default();
        doc.field("Title", &"word \x1b[2J ".repeat(40));
        for line in &doc.lines {
            assert!(line.chars().count() <= WIDTH, "{line:?}");
            assert!(!line.contains('\x1b'));
        }
    }
}
