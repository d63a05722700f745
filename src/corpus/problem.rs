//! A problem found while loading or validating a corpus, with where it is and what is wrong.

use std::fmt;

use crate::text::escape_controls;

/// Where a problem is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Location {
    /// A position in a file (1-based line and column), for syntax and type errors.
    Position { line: usize, column: usize },
    /// A field of a record, for semantic errors: `record` is e.g. `meeting eu-rok-2019`,
    /// `field` a path such as `delegations[0].heads[1].person`.
    Field { record: String, field: String },
    /// The file as a whole (unreadable, empty, too large, not UTF-8).
    File,
}

/// One problem: the file it is in (if any), where, and what is wrong.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// The file (a path, or `<built-in>/name.json`), when known.
    pub file: Option<String>,
    pub location: Location,
    /// What is wrong and, where it helps, what was expected.
    pub message: String,
}

impl Problem {
    pub fn at_position(file: &str, line: usize, column: usize, message: impl Into<String>) -> Self {
        Problem {
            file: Some(file.to_string()),
            location: Location::Position { line, column },
            message: message.into(),
        }
    }

    pub fn in_file(file: &str, message: impl Into<String>) -> Self {
        Problem {
            file: Some(file.to_string()),
            location: Location::File,
            message: message.into(),
        }
    }

    pub fn in_field(
        file: Option<&str>,
        record: impl Into<String>,
        field: impl Into<String>,
        message: impl Into<String>,
    ) -> Self {
        Problem {
            file: file.map(str::to_string),
            location: Location::Field {
                record: record.into(),
                field: field.into(),
            },
            message: message.into(),
        }
    }
}

/// One line whatever the corpus holds: file names, record ids and messages (which quote
/// ids and values) come from the user's files, so line breaks show as `\n` and escape
/// sequences are removed (see [`escape_controls`]).
impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let file = escape_controls(self.file.as_deref().unwrap_or("<corpus>"));
        let message = escape_controls(&self.message);
        match &self.location {
            Location::Position { line, column } => {
                write!(f, "{file}:{line}:{column}: {message}")
            }
            Location::Field { record, field } => {
                let (record, field) = (escape_controls(record), escape_controls(field));
                write!(f, "{file}: {record}, field `{field}`: {message}")
            }
            Location::File => write!(f, "{file}: {message}"),
        }
    }
}

/// Every problem found in a corpus; the error type of loading.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Problems(pub Vec<Problem>);

impl fmt::Display for Problems {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let n = self.0.len();
        writeln!(
            f,
            "the corpus has {n} problem{}:",
            if n == 1 { "" } else { "s" }
        )?;
        for problem in &self.0 {
            writeln!(f, "  {problem}")?;
        }
        Ok(())
    }
}

impl std::error::Error for Problems {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_three_message_shapes() {
        let at = Problem::at_position("a.json", 3, 7, "expected `,` or `}`");
        assert_eq!(at.to_string(), "a.json:3:7: expected `,` or `}`");
        let field = Problem::in_field(Some("a.json"), "meeting m1", "date.value", "bad");
        assert_eq!(
            field.to_string(),
            "a.json: meeting m1, field `date.value`: bad"
        );
        let file = Problem::in_file("a.json", "the file is empty");
        assert_eq!(file.to_string(), "a.json: the file is empty");
        let all = Problems(vec![at, file]).to_string();
        let hostile = Problem::in_field(
            Some("dir/\x1b[2Ja.json"),
            "meeting m1\nentente: ok",
            "id",
            "duplicate id `m1\nentente: ok`",
        );
        let shown = hostile.to_string();
        assert!(
            !shown.contains('\n') && !shown.contains('\x1b'),
            "{shown:?}"
        );
        assert!(
            shown.contains("m1\\nentente") && shown.contains("dir/a.json"),
            "{shown}"
        );
        assert!(
            all.starts_with("the corpus has 2 problems:\n  a.json:3:7:"),
            "{all}"
        );
    }
}
