//! `entente fmt [--check] PATH…`: rewrite corpus files in the canonical layout of
//! [`crate::corpus::format`], or (`--check`) list the files that are not in it.
//!
//! Files are found as the loader finds them (a file, or a directory's `*.json` files). Each is
//! handled on its own: a file that cannot be read, or is not a corpus file, is reported and left
//! untouched, and the others are still formatted. A file is replaced atomically, and only when
//! its text changes.

use std::io::Write;
use std::path::{Path, PathBuf};

use anyhow::Result;
use serde_json::json;

use super::Outcome;
use super::check::problem_json;
use super::output::write_json;
use crate::atomic::write_atomic;
use crate::corpus::format::canonical;
use crate::corpus::load::{corpus_files, read_capped};
use crate::corpus::problem::Problem;
use crate::text::{sanitize_block, sanitize_line};

/// What happened to one file.
enum Done {
    /// Already canonical.
    Unchanged,
    /// Not canonical: rewritten, or (with `--check`) would be. `line` is the first line that
    /// differs.
    Changed { line: usize },
}

pub fn run(paths: &[PathBuf], check: bool, json: bool, out: &mut dyn Write) -> Result<Outcome> {
    let mut changed = Vec::new();
    let mut problems = Vec::new();
    let mut seen = 0;
    for path in paths {
        let files = match corpus_files(path) {
            Ok((files, unreadable)) => {
                problems.extend(unreadable);
                files
            }
            Err(problem) => {
                problems.push(problem);
                continue;
            }
        };
        for file in files {
            seen += 1;
            let name = file.display().to_string();
            match format_file(&file, &name, check) {
                Ok(Done::Unchanged) => {}
                Ok(Done::Changed { line }) => changed.push((name, line)),
                Err(problem) => problems.push(problem),
            }
        }
    }
    if json {
        write_json(
            out,
            &json!({
                "format": "entente-fmt/1",
                "ok": problems.is_empty() && (!check || changed.is_empty()),
                "check": check,
                "files": seen,
                "changed": changed.iter().map(|(name, _)| name).collect::<Vec<_>>(),
                "problems": problems.iter().map(problem_json).collect::<Vec<_>>(),
            }),
        )?;
    } else {
        write_text(check, seen, &changed, &problems, out)?;
    }
    Ok(if !problems.is_empty() {
        Outcome::Invalid
    } else if check && !changed.is_empty() {
        Outcome::Unclean
    } else {
        Outcome::Found
    })
}

fn format_file(path: &Path, name: &str, check: bool) -> Result<Done, Problem> {
    let bytes = read_capped(path, name)?;
    let text = std::str::from_utf8(&bytes).map_err(|e| {
        Problem::in_file(
            name,
            format!(
                "the file is not valid UTF-8 (bad byte at byte offset {}); expected UTF-8 text",
                e.valid_up_to()
            ),
        )
    })?;
    let formatted = canonical(text, name)?;
    if formatted == text {
        return Ok(Done::Unchanged);
    }
    if !check {
        write_atomic(path, formatted.as_bytes())
            .map_err(|e| Problem::in_file(name, format!("cannot write the file: {e:#}")))?;
    }
    Ok(Done::Changed {
        line: first_different_line(text, &formatted),
    })
}

/// The 1-based number of the first line where two texts differ.
fn first_different_line(a: &str, b: &str) -> usize {
    let mut a_lines = a.split('\n');
    let mut b_lines = b.split('\n');
    let mut line = 1;
    while let (Some(x), Some(y)) = (a_lines.next(), b_lines.next()) {
        if x != y {
            break;
        }
        line += 1;
    }
    line
}

fn write_text(
    check: bool,
    seen: usize,
    changed: &[(String, usize)],
    problems: &[Problem],
    out: &mut dyn Write,
) -> Result<()> {
    // File names come from the user's disk: sanitise before they reach a terminal.
    for (name, line) in changed {
        let name = sanitize_line(name);
        if check {
            writeln!(
                out,
                "{name}: not in the canonical layout (from line {line}); run `entente fmt {name}`"
            )?;
        } else {
            writeln!(out, "reformatted {name}")?;
        }
    }
    if !problems.is_empty() {
        let n = problems.len();
        let mut text = format!("not formatted ({n}), left as they are:\n");
        for p in problems {
            text.push_str(&format!("  {p}\n"));
        }
        write!(out, "{}", sanitize_block(&text))?;
    }
    let files = if seen == 1 { "file" } else { "files" };
    let verb = if check {
        "would be reformatted"
    } else {
        "reformatted"
    };
    let mut summary = Vec::new();
    if !changed.is_empty() {
        summary.push(format!("{} {verb}", changed.len()));
    }
    if !problems.is_empty() {
        summary.push(format!("{} not formatted", problems.len()));
    }
    if summary.is_empty() {
        summary.push("all in the canonical layout".to_string());
    }
    writeln!(out, "{seen} {files} read: {}", summary.join(", "))?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_first_different_line_is_found() {
        assert_eq!(first_different_line("a\nb\nc", "a\nb\nc"), 4);
        assert_eq!(first_different_line("a\nb\nc", "a\nx\nc"), 2);
        assert_eq!(first_different_line("{\"a\":1}", "{\n  \"a\": 1\n}\n"), 1);
    }
}
