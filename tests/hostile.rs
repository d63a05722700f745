//! Untrusted corpus text never reaches the terminal raw. A valid corpus whose titles, names,
//! labels, places, paragraphs and notes carry terminal attacks (tests/fixtures/hostile,
//! written by its make.py) is browsed in a pseudo-terminal and printed by every command; the
//! bytes written must hold none of the attacks, while `--json` keeps the original strings
//! (escaped by JSON, so they parse and round-trip).

use std::collections::BTreeSet;
use std::process::{Command, Output};
use std::time::Duration;

use serde_json::Value;

use crate::support::pty::{BIN, Key, Pty, find_from};

const CORPUS: &str = "tests/fixtures/hostile/corpus.json";
const BROKEN: &str = "tests/fixtures/hostile/broken.json";
const WAIT: Duration = Duration::from_secs(10);

/// What each attack leaves in a byte stream if it got through, and why it is unique to the
/// corpus: the browser and ratatui write CSI sequences of their own (`ESC [ 2 J` included), so
/// those are searched with the visible marker the fixture puts right after each escape.
const FORBIDDEN: &[(&str, &[u8])] = &[
    ("OSC (any: 52 clipboard, 0 title, 8 link)", b"\x1b]"),
    ("OSC 52 clipboard write", b"]52;"),
    ("OSC 0 title", b"]0;pwned"),
    ("OSC 8 link", b"]8;"),
    ("String Terminator (ST)", b"\x1b\\"),
    ("CSI 2J from the corpus", b"\x1b[2JZQ"),
    ("CSI ?1049l from the corpus", b"\x1b[?1049lZQ"),
    ("CR overwrite", b"\rEVIL"),
    ("NUL", b"\x00"),
    ("BEL", b"\x07"),
    ("C1 CSI (U+009B)", "\u{9b}".as_bytes()),
    ("bidi override U+202E", "\u{202e}".as_bytes()),
    ("bidi isolate U+2066", "\u{2066}".as_bytes()),
    ("bidi isolate end U+2069", "\u{2069}".as_bytes()),
];

/// Every occurrence of a forbidden sequence in `bytes`: (what, offset). Empty when clean.
fn attacks_in(bytes: &[u8]) -> Vec<(&'static str, usize, usize)> {
    let mut found = Vec::new();
    for (what, needle) in FORBIDDEN {
        let mut from = 0;
        while let Some(at) = find_from(bytes, needle, from) {
            found.push((*what, at, needle.len()));
            from = at + 1;
        }
    }
    found
}

/// Bytes of corpus escape sequences in `bytes` (0 when clean), with a readable account.
fn assert_clean(bytes: &[u8], context: &str) -> usize {
    let found = attacks_in(bytes);
    let total: usize = found.iter().map(|(_, _, len)| len).sum();
    if let Some((what, at, _)) = found.first() {
        let from = at.saturating_sub(40);
        let around = String::from_utf8_lossy(&bytes[from..(at + 40).min(bytes.len())]);
        panic!(
            "{context}: {} attack sequence(s), {total} bytes; first: {what} at byte {at}: {around:?}",
            found.len()
        );
    }
    total
}

/// A bare CR (not followed by LF) lets text overwrite the start of its line.
fn bare_carriage_returns(bytes: &[u8]) -> usize {
    bytes
        .windows(2)
        .filter(|w| w[0] == b'\r' && w[1] != b'\n')
        .count()
        + usize::from(bytes.last() == Some(&b'\r'))
}

#[test]
fn the_fixture_carries_every_attack_and_is_a_valid_corpus() {
    let text = std::fs::read_to_string(CORPUS).expect("the hostile fixture");
    let decoded: Value = serde_json::from_str(&text).expect("JSON");
    let strings = strings_with_markers(&decoded);
    let all: String = strings.iter().cloned().collect();
    // Without this the tests below would pass on a harmless corpus.
    assert!(
        attacks_in(all.as_bytes()).len() >= FORBIDDEN.len(),
        "the fixture lacks attacks"
    );
    let output = entente(&["check", CORPUS]);
    assert!(output.status.success(), "{}", describe(&output));
}

// (a) The browser.

#[test]
fn browsing_a_hostile_corpus_writes_no_attack_to_the_terminal() {
    let mut reached = 0;
    for (cols, rows) in [(120, 40), (80, 24)] {
        let mut pty = Pty::spawn(&["--corpus", CORPUS], &[], cols, rows);
        let step = |pty: &mut Pty, keys: &[Key], shows: &str| {
            for key in keys {
                pty.send_key(*key);
            }
            pty.wait_for_text(shows, WAIT)
                .unwrap_or_else(|err| panic!("{cols}x{rows}, after {keys:?}: {err}"));
        };
        step(&mut pty, &[], "Hostile 7th");
        // The meeting's Overview (names, places, delegations), its Text tab in both accounts,
        // the comparison, a search, Related, the events, the finder and the help.
        step(&mut pty, &[Key::Enter], "Overview");
        step(&mut pty, &[Key::Char('2')], "hostile paragraph");
        step(&mut pty, &[Key::Char('a')], "showing");
        step(&mut pty, &[Key::Char('c')], "account");
        let mut search = vec![Key::Char('/')];
        search.extend("hostile".chars().map(Key::Char));
        search.push(Key::Enter);
        step(&mut pty, &search, "/hostile match");
        step(&mut pty, &[Key::Char('n'), Key::Char('n')], "/hostile");
        step(&mut pty, &[Key::Char('3')], "Related");
        step(&mut pty, &[Key::Esc, Key::Char('h')], "Hostile 7th");
        for _ in 0..4 {
            step(&mut pty, &[Key::Char('k')], "Hostile 7th");
            step(&mut pty, &[Key::Char('1')], "Overview");
            step(&mut pty, &[Key::Char('h')], "Hostile 7th");
        }
        let mut find = vec![Key::Ctrl('p')];
        find.extend("hostile".chars().map(Key::Char));
        step(&mut pty, &find, "Joanna Hostile");
        for kind in ["topics", "orgs", "people", "meetings", "places"] {
            step(&mut pty, &[Key::Tab], kind);
        }
        step(&mut pty, &[Key::Ctrl('u')], "> ");
        pty.type_text("zq");
        step(&mut pty, &[], "> zq");
        step(&mut pty, &[Key::Enter], "Hostile");
        step(&mut pty, &[Key::Char('?')], "this help");
        step(&mut pty, &[Key::Esc], "Hostile");
        pty.send_key(Key::Char('q'));
        let status = pty.wait_exit(WAIT).expect("q quits");
        assert_eq!(status.exit_code(), 0);

        let raw = pty.raw_bytes().to_vec();
        // The hostile text was drawn (its markers, as plain text), yet no attack got through.
        for marker in [
            "ZQ-OSC52", "ZQ-TITLE", "ZQ-CLEAR", "ZQ-ALT", "ZQ-NUL", "ZQ-C1", "EVIL",
        ] {
            assert!(
                find_from(&raw, marker.as_bytes(), 0).is_some(),
                "{cols}x{rows}: {marker} never drawn: the corpus text did not reach the screen"
            );
        }
        reached += assert_clean(&raw, &format!("browser at {cols}x{rows}"));
        assert_eq!(
            bare_carriage_returns(&raw),
            0,
            "{cols}x{rows}: a bare CR reached the terminal"
        );
        eprintln!(
            "hostile corpus, browser {cols}x{rows}: {} bytes written, {reached} bytes of corpus \
             escape sequences reached the terminal",
            raw.len()
        );
    }
    assert_eq!(reached, 0);
}

/// Standard base64 (what OSC 52 carries), for reading back what a copy put on the clipboard.
fn base64_decode(text: &[u8]) -> Vec<u8> {
    let value = |c: u8| match c {
        b'A'..=b'Z' => Some(c - b'A'),
        b'a'..=b'z' => Some(c - b'a' + 26),
        b'0'..=b'9' => Some(c - b'0' + 52),
        b'+' => Some(62),
        b'/' => Some(63),
        _ => None,
    };
    let sextets: Vec<u8> = text.iter().filter_map(|&c| value(c)).collect();
    let mut out = Vec::new();
    for chunk in sextets.chunks(4) {
        let bits = chunk
            .iter()
            .enumerate()
            .fold(0u32, |acc, (i, &v)| acc | u32::from(v) << (18 - 6 * i));
        let bytes = bits.to_be_bytes();
        out.extend_from_slice(&bytes[1..chunk.len()]);
    }
    out
}

#[test]
fn copying_hostile_text_puts_no_attack_on_the_clipboard() {
    // `y` is the one way the browser writes an OSC sequence of its own (52, the clipboard);
    // what it carries is corpus text, so it must be the sanitised text.
    let mut pty = Pty::spawn(&["--corpus", CORPUS], &[], 120, 40);
    pty.wait_for_text("Hostile 7th", WAIT).expect("first frame");
    pty.send_key(Key::Char('2'));
    pty.wait_for_text("hostile paragraph", WAIT)
        .expect("the Text tab");
    let mark = pty.mark();
    pty.send_key(Key::Char('y'));
    pty.wait_for_text("copied", WAIT).expect("copied");
    let written = pty.bytes_since(mark).to_vec();
    const OSC52: &[u8] = b"\x1b]52;c;";
    let start = find_from(&written, OSC52, 0).expect("the copy writes OSC 52") + OSC52.len();
    let end = written[start..]
        .iter()
        .position(|&b| b == 0x07 || b == 0x1b)
        .map(|n| start + n)
        .expect("OSC 52 is terminated");
    let copied = base64_decode(&written[start..end]);
    let copied_text = String::from_utf8_lossy(&copied);
    assert!(
        copied_text.contains("hostile paragraph") && copied_text.contains("ZQ-CLEAR"),
        "the paragraph was copied: {copied_text:?}"
    );
    assert_clean(&copied, "the copied text");
    // Outside the clipboard sequence itself, nothing else.
    let rest = [&written[..start - OSC52.len()], &written[end + 1..]].concat();
    assert_clean(&rest, "the bytes around the copy");
    pty.send_key(Key::Char('q'));
    assert_eq!(pty.wait_exit(WAIT).map(|s| s.exit_code()), Some(0));
}

// (b) and (c): the command line.

fn entente(args: &[&str]) -> Output {
    Command::new(BIN)
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env_remove("NO_COLOR")
        // A test never writes to the user's cache directory.
        .env("ENTENTE_NO_CACHE", "1")
        .output()
        .expect("run entente")
}

fn describe(output: &Output) -> String {
    format!(
        "{:?}\nstdout: {}\nstderr: {}",
        output.status,
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    )
}

/// The commands that print corpus text, each with what its output must show.
const COMMANDS: &[(&[&str], &str)] = &[
    (&["list"], "Hostile 7th"),
    (&["show", "eu-rok-cyber-7"], "Cyber Dialogue ZQ-"),
    (&["show", "joanna-smith"], "Joanna Hostile"),
    (&["show", "eeas-7th"], "hostile paragraph"),
    (&["show", "cyber-threats"], "Hostile topic"),
    (&["show", "eeas"], "European External Action Service"),
    (&["find", "hostile"], "Joanna Hostile"),
    (&["find", "~hostile"], "Joanna Hostile"),
    (&["search", "hostile paragraph"], "hostile"),
    (&["export", "eu-rok-cyber-7"], "Joanna Hostile"),
];

fn with_corpus<'a>(corpus: &'a str, json: bool, command: &[&'a str]) -> Vec<&'a str> {
    let mut args = vec!["--corpus", corpus];
    if json {
        args.push("--json");
    }
    args.extend_from_slice(command);
    args
}

#[test]
fn command_line_text_output_carries_no_attack() {
    let mut reached = 0;
    for (command, shows) in COMMANDS {
        let output = entente(&with_corpus(CORPUS, false, command));
        assert!(
            output.status.success(),
            "{command:?}: {}",
            describe(&output)
        );
        let stdout = String::from_utf8_lossy(&output.stdout);
        assert!(
            stdout.contains(shows),
            "{command:?} shows {shows:?}: {stdout}"
        );
        for (stream, bytes) in [("stdout", &output.stdout), ("stderr", &output.stderr)] {
            reached += assert_clean(bytes, &format!("{command:?} {stream}"));
            assert_eq!(
                bare_carriage_returns(bytes),
                0,
                "{command:?} {stream}: bare CR"
            );
        }
    }
    // A broken hostile corpus: the problems quote the hostile ids, sanitised.
    let output = entente(&["check", BROKEN]);
    assert_eq!(output.status.code(), Some(2), "{}", describe(&output));
    let all = [&output.stdout[..], &output.stderr[..]].concat();
    let text = String::from_utf8_lossy(&all);
    for quoted in ["missing-topic", "missing-source", "EVIL"] {
        assert!(text.contains(quoted), "check quotes {quoted:?}: {text}");
    }
    reached += assert_clean(&all, "check on the broken corpus");
    assert_eq!(bare_carriage_returns(&all), 0, "check: bare CR");
    // And loading it for any other command fails with a sanitised message.
    let output = entente(&["--corpus", BROKEN, "list"]);
    assert_eq!(output.status.code(), Some(2), "{}", describe(&output));
    reached += assert_clean(&output.stderr, "list on the broken corpus");
    eprintln!("hostile corpus, command line: {reached} bytes of corpus escape sequences");
    assert_eq!(reached, 0);
}

/// Every string in a JSON value that carries a fixture marker.
fn strings_with_markers(value: &Value) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    let mut stack = vec![value];
    while let Some(v) = stack.pop() {
        match v {
            Value::String(s) if s.contains("ZQ-") || s.contains("EVIL") => {
                out.insert(s.clone());
            }
            Value::Array(items) => stack.extend(items),
            Value::Object(map) => stack.extend(map.values()),
            _ => {}
        }
    }
    out
}

#[test]
fn json_output_parses_and_round_trips_the_original_strings() {
    let fixture: Value =
        serde_json::from_str(&std::fs::read_to_string(CORPUS).expect("fixture")).expect("JSON");
    let originals = strings_with_markers(&fixture);
    let display: BTreeSet<String> = originals
        .iter()
        .map(|s| entente::text::sanitize_line(s))
        .collect();
    // Commands whose JSON shows the finder's or the search's display text (sanitised, with
    // positions into it) rather than the records' own strings.
    let shows_display_text = |command: &[&str]| matches!(command[0], "find" | "search");
    for (command, _) in COMMANDS.iter().filter(|(c, _)| c[0] != "export") {
        let output = entente(&with_corpus(CORPUS, true, command));
        assert!(
            output.status.success(),
            "{command:?}: {}",
            describe(&output)
        );
        let value: Value = serde_json::from_slice(&output.stdout)
            .unwrap_or_else(|err| panic!("{command:?} --json: {err}: {}", describe(&output)));
        let strings = strings_with_markers(&value);
        assert!(
            !strings.is_empty(),
            "{command:?} --json shows no corpus text"
        );
        let mut raw = 0;
        for s in &strings {
            if originals.contains(s) {
                raw += 1;
            } else {
                assert!(
                    shows_display_text(command) && display.contains(s),
                    "{command:?} --json altered a corpus string: {s:?}"
                );
            }
        }
        if !shows_display_text(command) {
            // Round trip: the attacks are there, escaped by JSON, not stripped.
            let all: String = strings.iter().cloned().collect();
            assert!(
                !attacks_in(all.as_bytes()).is_empty(),
                "{command:?} --json stripped the original strings"
            );
            assert_eq!(raw, strings.len());
        }
        // Control characters inside JSON strings are escaped: none reach a terminal raw.
        assert!(
            !output.stdout.iter().any(|&b| b < 0x20 && b != b'\n'),
            "{command:?} --json wrote a raw control character"
        );
    }
    // `check --json` on the broken corpus quotes the hostile ids exactly.
    let output = entente(&["--json", "check", BROKEN]);
    assert_eq!(output.status.code(), Some(2), "{}", describe(&output));
    let value: Value = serde_json::from_slice(&output.stdout)
        .unwrap_or_else(|err| panic!("check --json: {err}: {}", describe(&output)));
    let messages = strings_with_markers(&value);
    for bad in [
        "missing-topic\u{1b}]0;pwned\u{7}ZQ-TITLE",
        "missing\u{202e}personsafe\rEVIL",
    ] {
        assert!(
            messages.iter().any(|m| m.contains(bad)),
            "check --json quotes {bad:?} exactly: {messages:?}"
        );
    }
}
