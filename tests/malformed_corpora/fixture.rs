//! Helpers for the malformed-corpus suites: the fixture paths, broken variants of the valid
//! fixture corpus in temporary directories, and finders that fail with every problem listed.

use std::path::{Path, PathBuf};

use entente::corpus::problem::Location;
use entente::corpus::{Problem, load_path};
use tempfile::TempDir;

pub fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures")
}

/// The valid fixture corpus: `sources.json` and `records.json`.
pub fn valid_dir() -> PathBuf {
    fixtures().join("valid")
}

pub fn malformed(name: &str) -> PathBuf {
    fixtures().join("malformed").join(name)
}

pub fn read_valid(name: &str) -> String {
    std::fs::read_to_string(valid_dir().join(name)).expect("fixture readable")
}

/// Writes files into a new temporary directory.
pub fn write_dir(files: &[(&str, &str)]) -> TempDir {
    let dir = tempfile::tempdir().expect("tempdir");
    for (name, text) in files {
        std::fs::write(dir.path().join(name), text).expect("write fixture");
    }
    dir
}

/// A copy of the valid corpus with each `(from, to)` edit applied to `file`; `from` must occur
/// exactly once, so an edit cannot silently miss.
pub fn variant(file: &str, edits: &[(&str, &str)]) -> TempDir {
    let mut text = read_valid(file);
    for (from, to) in edits {
        assert_eq!(
            text.matches(from).count(),
            1,
            "edit target {from:?} in {file}"
        );
        text = text.replacen(from, to, 1);
    }
    let other = if file == "sources.json" {
        "records.json"
    } else {
        "sources.json"
    };
    write_dir(&[(file, &text), (other, &read_valid(other))])
}

/// The problems of a corpus that must fail to load.
pub fn problems(path: &Path) -> Vec<Problem> {
    match load_path(path) {
        Ok(_) => panic!("{} loaded, but it is malformed", path.display()),
        Err(problems) => problems.0,
    }
}

/// The one problem at `record`, `field`; fails listing every problem if there is none.
pub fn at_field<'a>(problems: &'a [Problem], record: &str, field: &str) -> &'a Problem {
    let found: Vec<&Problem> = problems
        .iter()
        .filter(|p| {
            matches!(&p.location, Location::Field { record: r, field: f } if r == record && f == field)
        })
        .collect();
    assert_eq!(
        found.len(),
        1,
        "expected one problem at {record} / {field}, got:\n{}",
        list(problems)
    );
    found[0]
}

/// The file:line:column a problem points at, as (file name, line, column).
pub fn position(problem: &Problem) -> (String, usize, usize) {
    let file = problem
        .file
        .as_deref()
        .and_then(|f| Path::new(f).file_name())
        .map(|f| f.to_string_lossy().into_owned())
        .unwrap_or_default();
    match problem.location {
        Location::Position { line, column } => (file, line, column),
        _ => panic!("expected a position, got {problem}"),
    }
}

/// The file name (not the whole path) a problem names.
pub fn file_name(problem: &Problem) -> String {
    problem
        .file
        .as_deref()
        .and_then(|f| Path::new(f).file_name())
        .map(|f| f.to_string_lossy().into_owned())
        .unwrap_or_default()
}

pub fn list(problems: &[Problem]) -> String {
    problems
        .iter()
        .map(|p| format!("  {p}\n"))
        .collect::<String>()
}

/// Asserts that a message says each of `parts`.
pub fn says(problem: &Problem, parts: &[&str]) {
    for part in parts {
        assert!(
            problem.message.contains(part),
            "message lacks {part:?}: {problem}"
        );
    }
}
