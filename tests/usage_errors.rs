//! One rule for exits and messages: a table of command lines with the exit code each must give
//! (0 found, 1 nothing found, 2 usage error) and the words its message must hold (the bad value,
//! and what is accepted). Global flags are given last, after the subcommand's arguments.

use std::process::Stdio;

use crate::support::fixture;

/// (arguments, exit code, words stderr must contain). `--corpus FIXTURE` is appended unless
/// the row is a `check`.
const TABLE: &[(&[&str], i32, &[&str])] = &[
    (&["list", "--year", "abc"], 2, &["abc", "2019..2021"]),
    (
        &["list", "--series", "foo"],
        2,
        &["\"foo\"", "data-dialogue"],
    ),
    (
        &["list", "--kind", "topic"],
        2,
        &["topic", "meeting", "event"],
    ),
    (&["search", ""], 2, &["\"\"", "word"]),
    (&["search", "\"\""], 2, &["word"]),
    (
        &["export", "data-dialogue-1", "--json"],
        2,
        &["--json", "Markdown"],
    ),
    (
        &["show", "data-dialoge-1"],
        1,
        &["data-dialoge-1", "did you mean `data-dialogue-1`"],
    ),
    (
        &["list", "--topic", "no-such-topic"],
        1,
        &["no-such-topic", "entente find '#no-such-topic'"],
    ),
    (
        &["list", "--org", "data"],
        2,
        &["\"data\"", "[kdsa]", "organisations"],
    ),
    (
        &["show", "data-dialogue-1", "--color", "sometimes"],
        2,
        &["sometimes", "auto", "always", "never"],
    ),
    (
        &["check", "--corpus", "elsewhere", fixture::DIR],
        2,
        &["--corpus elsewhere", "check"],
    ),
];

fn run(args: &[&str]) -> std::process::Output {
    let mut all: Vec<&str> = args.to_vec();
    if args.first() != Some(&"check") {
        all.extend(["--corpus", fixture::DIR]);
    }
    crate::support::bin::command()
        .args(&all)
        .env("ENTENTE_NO_CACHE", "1")
        .stdin(Stdio::null())
        .output()
        .expect("the entente binary runs")
}

#[test]
fn every_usage_error_exits_as_the_table_says_with_a_message_naming_the_value() {
    for (args, code, words) in TABLE {
        let o = run(args);
        let err = String::from_utf8_lossy(&o.stderr);
        assert_eq!(o.status.code(), Some(*code), "{args:?}: {err}");
        assert!(o.stdout.is_empty(), "{args:?} printed to stdout");
        for w in *words {
            assert!(err.contains(w), "{args:?}: {w:?} not in {err}");
        }
    }
}

#[test]
fn names_acronyms_and_ids_in_any_case_resolve_when_unambiguous() {
    for args in [
        &["show", "KDSA"][..],
        &["show", "Data-Dialogue-1"],
        &["show", "korea data security agency"],
        &["list", "--org", "security agency"],
        &["list", "--person", "lee"],
    ] {
        let o = run(args);
        assert_eq!(
            o.status.code(),
            Some(0),
            "{args:?}: {}",
            String::from_utf8_lossy(&o.stderr)
        );
    }
}
