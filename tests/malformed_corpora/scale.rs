//! Inputs at scale: 100k-deep nesting must not overflow the stack, and a valid 50 MB corpus
//! (generated into a temporary directory, never committed) must load within a memory bound.

// Test helper: getrusage(2) through libc.
#![allow(unsafe_code)]

use std::io::Write;

use entente::corpus::problem::Location;
use entente::corpus::{load_path, parse_str};

use super::fixture::{list, problems, says, write_dir};

const DEPTH: usize = 100_000;

fn nested(open: &str, close: &str) -> String {
    let mut text = String::from("{\"format\": \"entente-corpus/1\", \"meetings\": ");
    text.push_str(&open.repeat(DEPTH));
    text.push_str(&close.repeat(DEPTH));
    text.push('}');
    text
}

#[test]
fn deeply_nested_arrays_give_an_error_not_a_stack_overflow() {
    let text = nested("[", "]");
    let p = parse_str(&text, "deep.json").expect_err("100k nesting is not a corpus");
    let Location::Position { line, column } = p.location else {
        panic!("expected a position: {p}");
    };
    // The loader gives up at the first level that cannot be a meeting, near the start.
    assert_eq!(line, 1);
    assert!(column < 100, "{p}");
    assert_eq!(
        p.message,
        "meetings[0]: invalid type: list, expected an object (Meeting); further errors in \
         this file are not checked until this one is fixed"
    );
}

#[test]
fn deeply_nested_objects_in_a_file_give_an_error_not_a_stack_overflow() {
    let text = nested("{\"a\": ", "}");
    let dir = write_dir(&[("deep.json", &text)]);
    let ps = problems(dir.path());
    assert_eq!(ps.len(), 1, "{}", list(&ps));
    let Location::Position { line, column } = ps[0].location else {
        panic!("expected a position: {}", ps[0]);
    };
    assert_eq!(line, 1);
    assert!(column < 100, "{}", ps[0]);
    says(
        &ps[0],
        &["meetings", "invalid type: object, expected a list"],
    );
}

/// Writes a valid corpus of at least `bytes` bytes, streaming, so the test itself does not
/// hold it in memory. Returns the number of sources written.
fn write_big_corpus(path: &std::path::Path, bytes: u64) -> usize {
    let file = std::fs::File::create(path).expect("create");
    let mut out = std::io::BufWriter::new(file);
    let paragraph = "The EU and the Republic of Korea discussed cyber threats, ransomware, \
                     capacity building and the UN Open-Ended Working Group; 양측은 사이버 위협과 \
                     랜섬웨어 대응 협력을 논의하였다. "
        .repeat(3);
    let mut written: u64 = 0;
    let mut put = |s: &str, out: &mut std::io::BufWriter<std::fs::File>| {
        out.write_all(s.as_bytes()).expect("write");
        written += s.len() as u64;
        written
    };
    put(
        r#"{"format": "entente-corpus/1", "topics": [{"id": "cyber", "label": "Cyber"}], "sources": ["#,
        &mut out,
    );
    let mut n = 0;
    loop {
        let paragraphs: Vec<String> = (0..20).map(|i| format!("\"{i}. {paragraph}\"")).collect();
        let record = format!(
            r#"{}{{"id": "s-{n}", "title": "Source {n}", "language": "en", "kind": "news-item", "raw": "{paragraph}", "paragraphs": [{}]}}"#,
            if n == 0 { "" } else { "," },
            paragraphs.join(",")
        );
        n += 1;
        if put(&record, &mut out) >= bytes {
            break;
        }
    }
    put("], \"meetings\": [", &mut out);
    for i in 0..n {
        let meeting = format!(
            r#"{}{{"id": "m-{i}", "series": "big", "edition": {}, "title": "Meeting {i}", "short_title": "M{i}", "date": {{"value": "2020-02-29", "precision": "day", "provenance": "stated", "cite": [{{"source": "s-{i}", "paragraph": 20}}]}}, "topics": [{{"topic": "cyber", "cite": [{{"source": "s-{i}", "paragraph": 1}}]}}], "accounts": [{{"source": "s-{i}"}}]}}"#,
            if i == 0 { "" } else { "," },
            i + 1
        );
        put(&meeting, &mut out);
    }
    put("]}\n", &mut out);
    out.flush().expect("flush");
    n
}

/// Peak resident set size of this process so far, in KiB (Linux reports ru_maxrss in KiB).
fn peak_rss_kib() -> i64 {
    // SAFETY: getrusage only writes into the zeroed struct we own.
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    let rc = unsafe { libc::getrusage(libc::RUSAGE_SELF, &mut usage) };
    assert_eq!(rc, 0, "getrusage failed");
    usage.ru_maxrss
}

#[test]
fn a_valid_50_mb_corpus_loads_within_a_memory_bound() {
    const SIZE: u64 = 50 * 1024 * 1024;
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("big.json");
    let sources = write_big_corpus(&path, SIZE);
    let len = std::fs::metadata(&path).expect("metadata").len();
    assert!(len >= SIZE, "generated only {len} bytes");
    let before = peak_rss_kib();
    let loaded = match load_path(&path) {
        Ok(loaded) => loaded,
        Err(problems) => panic!("the big corpus must load: {problems}"),
    };
    let after = peak_rss_kib();
    assert_eq!(loaded.corpus.sources.len(), sources);
    assert_eq!(loaded.corpus.meetings.len(), sources);
    assert_eq!(loaded.corpus.sources[0].paragraphs.len(), 20);
    drop(loaded);
    let mib = |kib: i64| kib as f64 / 1024.0;
    println!(
        "50 MB corpus: {:.1} MiB file, {sources} sources; peak RSS {:.1} MiB before loading, \
         {:.1} MiB after (ru_maxrss, whole test process)",
        len as f64 / (1024.0 * 1024.0),
        mib(before),
        mib(after)
    );
    assert!(after < 400 * 1024, "peak RSS {:.1} MiB", mib(after));
}
