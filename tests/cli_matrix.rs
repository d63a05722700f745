//! `entente matrix`: the topic matrix as text, CSV and JSON on the fixture corpus, the topic
//! roll-up and `--exact`, filters, and the refusals.
//!
//! The fixture's topics: data governance (sub-topics cross-border data flows, law enforcement
//! access), technical standards (sub-topic quantum standards), cyber resilience, capacity
//! building. Its meetings: D1 2018 (EU account), D2 2020 (ROK), S1 2022 (a news item), D3 2024
//! (both accounts).

use std::process::{Output, Stdio};

use crate::support::fixture;

fn matrix(args: &[&str]) -> Output {
    crate::support::bin::command()
        .args(["--corpus", fixture::DIR, "matrix"])
        .args(args)
        .env("ENTENTE_NO_CACHE", "1")
        .stdin(Stdio::null())
        .output()
        .expect("the entente binary runs")
}

fn text(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).expect("stdout is UTF-8")
}

/// The line of the text table that starts with `label` (after any indent).
fn row<'a>(out: &'a str, label: &str) -> &'a str {
    out.lines()
        .find(|l| l.trim_start().starts_with(label))
        .unwrap_or_else(|| panic!("no row {label:?} in\n{out}"))
}

/// The glyphs of a text row, one per meeting column.
fn glyphs(line: &str) -> Vec<&str> {
    line.split_whitespace()
        .filter(|w| ["●", "E", "R", "○", "·"].contains(w))
        .collect()
}

#[test]
fn the_text_table_has_a_column_per_meeting_and_a_glyph_per_cell() {
    let o = matrix(&[]);
    assert_eq!(o.status.code(), Some(0));
    let out = text(&o);
    let header = out.lines().next().expect("a header");
    let columns: Vec<&str> = header
        .split("  ")
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .collect();
    assert_eq!(columns, ["D1 2018", "D2 2020", "S1 2022", "D3 2024"]);
    // Data governance rolls up cross-border data flows (EU at D1) and law enforcement access
    // (ROK at D3, with its own EU+ROK record there).
    assert_eq!(glyphs(row(&out, "Data governance")), ["E", "·", "·", "●"]);
    assert_eq!(glyphs(row(&out, "Cyber resilience")), ["·", "R", "·", "●"]);
    assert_eq!(
        glyphs(row(&out, "Technical standards")),
        ["·", "·", "○", "E"]
    );
    let sub = row(&out, "Cross-border data flows");
    assert!(
        sub.starts_with("  Cross-border"),
        "a sub-topic is indented: {sub:?}"
    );
    assert!(out.contains("● EU and ROK"), "{out}");
    for line in out.lines() {
        assert!(
            unicode_width::UnicodeWidthStr::width(line) <= 80,
            "{line:?}"
        );
    }
}

#[test]
fn exact_leaves_sub_topics_out_of_a_parent_row() {
    let out = text(&matrix(&["--exact"]));
    // D3 recorded only its sub-topics.
    assert_eq!(glyphs(row(&out, "Data governance")), ["E", "·", "·", "·"]);
    assert_eq!(
        glyphs(row(&out, "Cross-border data flows")),
        ["E", "·", "·", "E"]
    );
    assert!(!out.contains("includes its sub-topics"), "{out}");
}

#[test]
fn a_topic_filter_rolls_up_unless_exact() {
    let rolled = text(&matrix(&["--topic", "data governance"]));
    assert!(
        rolled
            .lines()
            .next()
            .is_some_and(|h| h.contains("D1 2018") && h.contains("D3 2024"))
    );
    let exact = text(&matrix(&["--topic", "data governance", "--exact"]));
    assert_eq!(exact.lines().next().map(str::trim), Some("D1 2018"));
    let only_sub = text(&matrix(&["--topic", "law enforcement access", "--exact"]));
    let header = only_sub.lines().next().unwrap_or_default();
    assert_eq!(header.trim(), "D3 2024");
}

#[test]
fn csv_quotes_per_rfc_4180_and_ends_lines_in_crlf() {
    let o = matrix(&["--csv"]);
    assert_eq!(o.status.code(), Some(0));
    let out = text(&o);
    assert!(out.ends_with("\r\n"));
    let lines: Vec<&str> = out.split("\r\n").filter(|l| !l.is_empty()).collect();
    assert_eq!(
        lines[0],
        "topic,label,parent,depth,D1 2018,D2 2020,S1 2022,D3 2024"
    );
    let governance = lines
        .iter()
        .find(|l| l.starts_with("data-governance,"))
        .expect("a data governance line");
    // The rolled-up cell lists the sub-topic it came from; fields with commas are quoted.
    assert!(
        governance.contains(" via cross-border-data"),
        "{governance}"
    );
    let fields = rfc4180_fields(governance);
    assert_eq!(fields.len(), 8, "{fields:?}");
    assert!(fields[4].starts_with("EU ["), "{fields:?}");
    assert!(fields[7].starts_with("EU+ROK ["), "{fields:?}");
    assert!(fields[5].is_empty() && fields[6].is_empty(), "{fields:?}");
}

/// Splits one CSV line as RFC 4180 reads it (quoted fields, doubled quotes).
fn rfc4180_fields(line: &str) -> Vec<String> {
    let mut fields = vec![String::new()];
    let mut quoted = false;
    let mut chars = line.chars().peekable();
    while let Some(c) = chars.next() {
        match (c, quoted) {
            ('"', true) if chars.peek() == Some(&'"') => {
                chars.next();
                fields.last_mut().unwrap().push('"');
            }
            ('"', _) => quoted = !quoted,
            (',', false) => fields.push(String::new()),
            (c, _) => fields.last_mut().unwrap().push(c),
        }
    }
    assert!(!quoted, "an unclosed quote in {line:?}");
    fields
}

#[test]
fn json_and_csv_together_are_refused() {
    let o = crate::support::bin::command()
        .args(["--corpus", fixture::DIR, "matrix", "--csv", "--json"])
        .stdin(Stdio::null())
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("--csv"));
}

#[test]
fn a_filter_that_keeps_no_meeting_exits_1() {
    let o = matrix(&["--year", "1999"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(text(&o).contains("No meeting"));
}

#[test]
fn hostile_corpus_text_is_sanitised_in_csv() {
    let dir = tempfile::tempdir().unwrap();
    let records = std::fs::read_to_string(format!("{}/records.json", fixture::DIR)).unwrap();
    let hostile = records.replace("\"Data governance\"", "\"Data\\u001b[31m, \\\"gov\\\"\"");
    assert_ne!(records, hostile, "the fixture names the topic");
    std::fs::write(dir.path().join("records.json"), hostile).unwrap();
    std::fs::copy(
        format!("{}/sources.json", fixture::DIR),
        dir.path().join("sources.json"),
    )
    .unwrap();
    let o = crate::support::bin::command()
        .args(["--corpus"])
        .arg(dir.path())
        .args(["matrix", "--csv"])
        .stdin(Stdio::null())
        .output()
        .unwrap();
    let out = text(&o);
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    assert!(!out.contains('\u{1b}'), "{out:?}");
    let line = out
        .lines()
        .find(|l| l.starts_with("data-governance,"))
        .unwrap();
    assert_eq!(rfc4180_fields(line)[1], "Data, \"gov\"", "{line:?}");
}
