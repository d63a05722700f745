//! Faults and hostile input through the real binary: bounded memory for long finder keys,
//! a closed pipe in `--json` mode, JSON escapes, unfollowable links and devices as corpora,
//! numbers worded as written, sanitised one-line messages and the load progress line.

// Test helper: a memory limit (setrlimit) set in the child between fork and exec needs
// `pre_exec`, which is unsafe.
#![allow(unsafe_code)]

use std::io::Read;
use std::path::Path;
use std::process::{Command, Stdio};

use entente::corpus::Corpus;
use entente::synth::{Spec, generate};

fn entente() -> Command {
    let mut c = crate::support::bin::command();
    c.env("ENTENTE_NO_CACHE", "1")
        .env_remove("ENTENTE_PROGRESS")
        .stdin(Stdio::null());
    c
}

fn write_corpus(path: &Path, corpus: &Corpus) {
    std::fs::write(path, serde_json::to_string(corpus).expect("serialise")).expect("write");
}

/// Runs `cmd` to the end with its data memory (heap and private mappings: `RLIMIT_DATA`)
/// capped at `mib` MiB, so the kernel refuses any allocation past the bound and the child
/// aborts instead of growing. Returns its exit code (-1 when a signal ended it, as an abort
/// does) and stdout. A cap holds whatever the test process itself uses (a child's
/// `ru_maxrss` after spawn counts the parent's peak, which other tests of this binary raise).
fn run_capped(mut cmd: Command, mib: u64) -> (i32, String) {
    use std::os::unix::process::CommandExt;
    let bytes = mib * 1024 * 1024;
    // SAFETY: only setrlimit, which is async-signal-safe, runs between fork and exec.
    unsafe {
        cmd.pre_exec(move || {
            let limit = libc::rlimit {
                rlim_cur: bytes,
                rlim_max: bytes,
            };
            if libc::setrlimit(libc::RLIMIT_DATA, &limit) == 0 {
                Ok(())
            } else {
                Err(std::io::Error::last_os_error())
            }
        });
    }
    let out = cmd.output().expect("the entente binary runs");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
    )
}

/// Text of about `bytes` bytes from words the queries below match.
fn long_text(bytes: usize) -> String {
    let unit = "cyber dialogue policy council ";
    unit.repeat(bytes / unit.len() + 1)
}

#[test]
fn find_with_a_64_character_query_on_a_1_mb_alias_runs_within_100_mib() {
    let dir = tempfile::tempdir().unwrap();
    let mut corpus = generate(Spec::with_candidates(200));
    corpus.organisations[0].aliases = vec![long_text(1024 * 1024).into()];
    let path = dir.path().join("corpus.json");
    write_corpus(&path, &corpus);
    let query: String = "cyberdialoguepolicycouncil"
        .repeat(3)
        .chars()
        .take(64)
        .collect();
    let mut cmd = entente();
    cmd.args(["--corpus", path.to_str().unwrap(), "--json", "find", &query]);
    // A full matrix over the alias took 1.08 GB: it aborts under the cap.
    let (code, out) = run_capped(cmd, 100);
    assert_eq!(code, 0, "{out}");
    let v: serde_json::Value = serde_json::from_str(&out).expect("JSON");
    let id = &corpus.organisations[0].id;
    assert!(
        out.contains(&format!("\"{id}\"")),
        "the alias still matches: {v}"
    );
}

#[test]
fn find_on_a_16_mb_label_runs_within_200_mib() {
    let dir = tempfile::tempdir().unwrap();
    let mut corpus = generate(Spec::with_candidates(200));
    // 16 MB keeps the suite quick; BENCHMARKS.md has the 50 MB case measured.
    corpus.topics[0].label = long_text(16 * 1024 * 1024).into();
    let path = dir.path().join("corpus.json");
    write_corpus(&path, &corpus);
    let mut cmd = entente();
    cmd.args([
        "--corpus",
        path.to_str().unwrap(),
        "--json",
        "find",
        "cyber dialogue",
    ]);
    // The file, its parsed copy and the candidate's copies of the label (label, folded
    // comparison, output), with room; a full matrix over the label took about 100 bytes per
    // character (4.8 GB at 50 MB).
    let (code, out) = run_capped(cmd, 200);
    assert_eq!(code, 0);
    assert!(out.contains(&format!("\"{}\"", corpus.topics[0].id)));
}

/// A corpus whose every subcommand prints more JSON than a pipe holds (64 KiB on Linux).
fn big_output_corpus(dir: &Path) -> (std::path::PathBuf, std::path::PathBuf, String) {
    let mut corpus = generate(Spec::with_candidates(4_000));
    let source = corpus.sources[0].id.clone();
    let paragraphs: Vec<String> = (1..=200)
        .map(|i| format!("{i}. {}", long_text(1_000).trim_end()))
        .collect();
    corpus.sources[0].raw = paragraphs.join("\n\n").into();
    corpus.sources[0].paragraphs = paragraphs.into_iter().map(Into::into).collect();
    let valid = dir.join("valid.json");
    write_corpus(&valid, &corpus);
    // Every meeting cites a source that is not there: a problem each.
    for m in &mut corpus.meetings {
        for a in &mut m.accounts {
            a.source = "no-such-source".into();
        }
    }
    let invalid = dir.join("invalid.json");
    write_corpus(&invalid, &corpus);
    (valid, invalid, source.to_string())
}

#[test]
fn json_output_into_a_pipe_closed_after_one_byte_exits_0_for_every_subcommand() {
    let dir = tempfile::tempdir().unwrap();
    let (valid, invalid, source) = big_output_corpus(dir.path());
    let (valid, invalid) = (valid.to_str().unwrap(), invalid.to_str().unwrap());
    let cases: [Vec<&str>; 6] = [
        vec!["--corpus", valid, "list"],
        vec!["--corpus", valid, "show", &source],
        vec!["--corpus", valid, "find", "--limit", "0", "e"],
        vec!["--corpus", valid, "search", "--limit", "0", "the"],
        vec!["check", invalid],
        vec!["--corpus", valid, "list", "--kind", "meeting"],
    ];
    for args in cases {
        // First, that the output is larger than a pipe holds.
        let full = entente().arg("--json").args(&args).output().unwrap();
        assert!(
            full.stdout.len() > 256 * 1024,
            "{args:?}: {} bytes",
            full.stdout.len()
        );
        // Then `| head -c 1`.
        let mut child = entente()
            .arg("--json")
            .args(&args)
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let mut stdout = child.stdout.take().unwrap();
        let mut one = [0u8; 1];
        stdout.read_exact(&mut one).unwrap();
        drop(stdout);
        let out = child.wait_with_output().unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        // A reader that stops early is success, as in text mode, whatever was found.
        assert_eq!(out.status.code(), Some(0), "{args:?}: {stderr}");
        assert!(!stderr.contains("Broken pipe"), "{args:?}: {stderr}");
    }
}

#[test]
fn json_output_escapes_c1_and_bidi_controls() {
    let dir = tempfile::tempdir().unwrap();
    let mut corpus = generate(Spec::with_candidates(100));
    corpus.topics[0].label = "Ransom\u{9b}31mware \u{9d}0;x\u{7} \u{202e}evil\u{2066}".into();
    let path = dir.path().join("corpus.json");
    write_corpus(&path, &corpus);
    let id = corpus.topics[0].id.clone();
    let out = entente()
        .args(["--corpus", path.to_str().unwrap(), "--json", "show", &id])
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = String::from_utf8(out.stdout).unwrap();
    for c in ['\u{9b}', '\u{9d}', '\u{202e}', '\u{2066}'] {
        assert!(!text.contains(c), "{c:?} unescaped");
    }
    assert!(
        text.contains("\\u009b") && text.contains("\\u202e"),
        "{text}"
    );
    let v: serde_json::Value = serde_json::from_str(&text).unwrap();
    assert!(
        v.to_string().contains('\u{202e}'),
        "the value itself is unchanged"
    );
}

fn check(path: &Path) -> (i32, String) {
    let out = entente().arg("check").arg(path).output().unwrap();
    let mut text = String::from_utf8(out.stdout).unwrap();
    text.push_str(&String::from_utf8(out.stderr).unwrap());
    (out.status.code().unwrap_or(-1), text)
}

#[test]
fn looping_and_dangling_json_links_in_a_corpus_directory_are_reported() {
    let dir = tempfile::tempdir().unwrap();
    write_corpus(
        &dir.path().join("a.json"),
        &generate(Spec::with_candidates(50)),
    );
    std::os::unix::fs::symlink("loop.json", dir.path().join("loop.json")).unwrap();
    std::os::unix::fs::symlink("gone.json", dir.path().join("dangling.json")).unwrap();
    let (code, text) = check(dir.path());
    assert_eq!(code, 2, "{text}");
    assert!(
        text.contains("loop.json: a symbolic link that loops"),
        "{text}"
    );
    assert!(
        text.contains("dangling.json: a symbolic link to gone.json, which does not exist"),
        "{text}"
    );
}

#[test]
fn a_character_device_is_refused_before_it_is_read() {
    let mut cmd = entente();
    cmd.args(["check", "/dev/zero"]);
    // Reading to the 256 MiB file cap first fails under this one.
    let (code, report) = run_capped(cmd, 64);
    assert_eq!(code, 2, "{report}");
    assert!(
        report.contains("/dev/zero: this is a character device"),
        "{report}"
    );
}

#[test]
fn negative_zero_and_too_large_numbers_are_named_as_written() {
    let dir = tempfile::tempdir().unwrap();
    let mut corpus = generate(Spec::with_candidates(50));
    corpus.meetings[0].edition = Some(424_242);
    let text = serde_json::to_string_pretty(&corpus).unwrap();
    for (written, what) in [
        ("-0", "negative zero"),
        ("18446744073709551616", "too large"),
    ] {
        let path = dir.path().join("n.json");
        std::fs::write(&path, text.replace("424242", written)).unwrap();
        let (code, out) = check(&path);
        assert_eq!(code, 2);
        assert!(out.contains(&format!("`{written}` is {what}")), "{out}");
        assert!(!out.contains("floating point"), "{out}");
        assert!(
            out.contains("further errors in this file are not checked until this one is fixed"),
            "{out}"
        );
    }
}

#[test]
fn ids_and_paths_with_controls_print_escaped_on_one_line() {
    let dir = tempfile::tempdir().unwrap();
    let mut corpus = generate(Spec::with_candidates(50));
    let twin = corpus.meetings[0].id.clone();
    corpus.meetings[1].id = format!("{twin}\nentente: ok \x1b[2J").into();
    corpus.meetings[2].id = corpus.meetings[1].id.clone();
    let path = dir.path().join("bad\x1b]0;title\x07.json");
    write_corpus(&path, &corpus);
    let (code, out) = check(&path);
    assert_eq!(code, 2, "{out}");
    assert!(!out.contains('\x1b') && !out.contains('\x07'), "{out:?}");
    assert!(
        !out.contains("]0;title") && out.contains("bad.json"),
        "{out}"
    );
    assert!(
        out.contains("\\nentente: ok"),
        "the newline shows as \\n: {out}"
    );
    assert!(
        !out.lines().any(|l| l.starts_with("entente: ok")),
        "an id's newline started a line: {out}"
    );
    // A clean corpus at a hostile path: the "ok" line is sanitised too.
    let ok = dir.path().join("ok\x1b[31m.json");
    write_corpus(&ok, &generate(Spec::with_candidates(50)));
    let (code, out) = check(&ok);
    assert_eq!(code, 0, "{out}");
    assert!(
        !out.contains('\x1b') && out.contains("ok.json: ok"),
        "{out}"
    );
}

#[test]
fn a_load_reports_progress_on_stderr_when_forced() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("corpus.json");
    write_corpus(&path, &generate(Spec::with_candidates(200)));
    let run = |progress: Option<&str>| {
        let mut cmd = entente();
        if let Some(p) = progress {
            cmd.env("ENTENTE_PROGRESS", p);
        }
        let out = cmd
            .args(["check", path.to_str().unwrap()])
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(0));
        String::from_utf8(out.stderr).unwrap()
    };
    let forced = run(Some("always"));
    assert!(forced.contains("entente: loading "), "{forced}");
    assert!(forced.contains("reading file 1 of 1"), "{forced}");
    // Not a terminal, not forced: nothing.
    assert_eq!(run(None), "");
}
