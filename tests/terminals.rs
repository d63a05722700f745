//! Any terminal: completions and the man page from the real binary; TERM, NO_COLOR, locale
//! and `--ascii` in a pseudo-terminal (no byte above 0x7F, no colour where none is wanted).

use std::process::Command;
use std::time::Duration;

use crate::support::fixture;
use crate::support::pty::{BIN, Pty, find_from};

/// Generous for a debug binary starting on a busy machine.
const START: Duration = Duration::from_secs(10);
const SYNC_END: &[u8] = b"\x1b[?2026l";
/// A timeline row of the fixture corpus, on screen in the first frame.
const FIRST_FRAME: &str = "3rd Data Dialogue";

/// The bytes of the first complete frame (from the start) of the browser on the fixture,
/// with `args` and `env`, at 80x24; and the screen it drew.
fn first_frame(args: &[&str], env: &[(&str, &str)]) -> (Vec<u8>, String) {
    let mut all = vec!["--corpus", fixture::DIR];
    all.extend_from_slice(args);
    let mut pty = Pty::spawn(&all, env, 80, 24);
    pty.wait_for_text(FIRST_FRAME, START)
        .unwrap_or_else(|err| panic!("no first frame: {err}"));
    pty.wait_for_bytes(SYNC_END, START)
        .unwrap_or_else(|err| panic!("the first frame was not completed: {err}"));
    let raw = pty.raw_bytes().to_vec();
    let end = find_from(&raw, SYNC_END, 0).expect("a frame end was seen");
    let screen = pty.screen_text();
    (raw[..end + SYNC_END.len()].to_vec(), screen)
}

/// The parameter lists of every SGR sequence (`ESC [ … m`) in `bytes`.
fn sgr_params(bytes: &[u8]) -> Vec<Vec<u16>> {
    let mut found = Vec::new();
    let mut at = 0;
    while let Some(start) = find_from(bytes, b"\x1b[", at) {
        let body = &bytes[start + 2..];
        let len = body
            .iter()
            .position(|b| !(b.is_ascii_digit() || *b == b';'))
            .unwrap_or(body.len());
        if body.get(len) == Some(&b'm') {
            let text = std::str::from_utf8(&body[..len]).unwrap();
            found.push(text.split(';').map(|p| p.parse().unwrap_or(0)).collect());
        }
        at = start + 2;
    }
    found
}

/// Whether an SGR parameter list sets a colour (foreground or background, any depth).
fn sets_colour(params: &[u16]) -> bool {
    params
        .iter()
        .any(|p| matches!(p, 30..=38 | 40..=48 | 90..=97 | 100..=107))
}

fn assert_no_colour(frame: &[u8], what: &str) {
    for params in sgr_params(frame) {
        assert!(!sets_colour(&params), "{what}: colour SGR {params:?}");
        assert!(!params.contains(&3), "{what}: italics {params:?}");
    }
}

fn assert_ascii(frame: &[u8], what: &str) {
    if let Some(at) = frame.iter().position(|b| *b > 0x7f) {
        let from = at.saturating_sub(40);
        panic!(
            "{what}: byte {:#x} at {at}: {:?}",
            frame[at],
            String::from_utf8_lossy(&frame[from..(at + 10).min(frame.len())])
        );
    }
}

#[test]
fn c_locale_and_dumb_terminal_draw_pure_ascii_without_colour() {
    let (frame, screen) = first_frame(&[], &[("LC_ALL", "C"), ("TERM", "dumb")]);
    assert_ascii(&frame, "LC_ALL=C TERM=dumb");
    assert_no_colour(&frame, "LC_ALL=C TERM=dumb");
    // Borders are drawn, with ASCII.
    assert!(screen.contains("+-"), "{screen}");
}

#[test]
fn posix_locale_alone_is_ascii_and_keeps_colour() {
    let (frame, _) = first_frame(&[], &[("LANG", "POSIX")]);
    assert_ascii(&frame, "LANG=POSIX");
    assert!(
        sgr_params(&frame).iter().any(|p| sets_colour(p)),
        "colour expected"
    );
}

#[test]
fn the_ascii_flag_forces_ascii_under_a_utf8_locale() {
    let (frame, _) = first_frame(&["--ascii"], &[("LANG", "en_GB.UTF-8")]);
    assert_ascii(&frame, "--ascii");
    let (utf8, _) = first_frame(&[], &[("LANG", "en_GB.UTF-8")]);
    assert!(
        utf8.iter().any(|b| *b > 0x7f),
        "UTF-8 borders expected without --ascii"
    );
}

#[test]
fn dumb_terminal_and_no_color_draw_without_colour() {
    let (dumb, _) = first_frame(&[], &[("TERM", "dumb")]);
    assert_no_colour(&dumb, "TERM=dumb");
    let (no_color, _) = first_frame(&[], &[("NO_COLOR", "1")]);
    assert_no_colour(&no_color, "NO_COLOR=1");
}

#[test]
fn screen_and_linux_get_no_256_colour_codes() {
    for term in ["screen", "linux", "xterm-256color"] {
        let (frame, _) = first_frame(&[], &[("TERM", term)]);
        let all = sgr_params(&frame);
        assert!(
            all.iter().any(|p| sets_colour(p)),
            "{term}: colour expected"
        );
        for params in all {
            let extended = params.windows(2).any(|w| matches!(w, [38 | 48, 5 | 2]));
            assert!(!extended, "{term}: 256-colour or RGB code {params:?}");
        }
    }
}

#[test]
fn cli_text_under_a_c_locale_is_ascii_and_json_is_not_changed() {
    let run = |args: &[&str], env: &[(&str, &str)]| {
        let out = Command::new(BIN)
            .args(["--corpus", fixture::DIR])
            .args(args)
            .env_remove("LC_ALL")
            .env_remove("LC_CTYPE")
            .envs(env.iter().copied())
            .output()
            .unwrap();
        assert!(out.status.success(), "{args:?}: {out:?}");
        out.stdout
    };
    let utf8 = run(&["show", "data-dialogue-3"], &[("LANG", "C.UTF-8")]);
    assert!(
        utf8.iter().any(|b| *b > 0x7f),
        "the fixture record has a ¶ citation"
    );
    let ascii = run(&["show", "data-dialogue-3"], &[("LC_ALL", "C")]);
    assert_ascii(&ascii, "show under LC_ALL=C");
    assert_eq!(
        run(
            &["show", "data-dialogue-3", "--ascii"],
            &[("LANG", "C.UTF-8")]
        ),
        ascii
    );
    let json = run(&["show", "data-dialogue-3", "--json"], &[("LC_ALL", "C")]);
    assert_eq!(
        json,
        run(
            &["show", "data-dialogue-3", "--json"],
            &[("LANG", "C.UTF-8")]
        )
    );
}

fn stdout_of(args: &[&str]) -> String {
    let out = Command::new(BIN).args(args).output().unwrap();
    assert!(out.status.success(), "{args:?}: {:?}", out);
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn completions_for_each_shell_name_the_subcommands() {
    for shell in ["bash", "zsh", "fish", "powershell"] {
        let script = stdout_of(&["completions", shell]);
        for sub in [
            "list", "show", "find", "search", "matrix", "export", "check", "fmt", "man",
        ] {
            assert!(script.contains(sub), "{shell} completions lack {sub}");
        }
    }
}

#[test]
fn an_unknown_shell_is_a_usage_error() {
    let out = Command::new(BIN)
        .args(["completions", "tcsh"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("tcsh"));
}

#[test]
fn the_man_page_documents_every_subcommand() {
    let page = stdout_of(&["man"]);
    assert!(page.contains(".TH entente 1"), "{page}");
    for sub in [
        "LIST",
        "SHOW",
        "FIND",
        "SEARCH",
        "MATRIX",
        "EXPORT",
        "CHECK",
        "FMT",
        "COMPLETIONS",
    ] {
        assert!(
            page.contains(&format!("ENTENTE {sub}")),
            "man page lacks {sub}"
        );
    }
}

/// The browser in ASCII mode on the fixture, headless, after typing `typed`.
fn ascii_screen(typed: &str, width: u16, height: u16) -> String {
    use entente::app::{App, AppOptions};
    use entente::index::Index;
    let loaded = fixture::load();
    let index = Index::build(&loaded.corpus);
    let options = AppOptions {
        monochrome: true,
        ascii: true,
        mouse: false,
        size: (width, height),
        ..AppOptions::default()
    };
    let mut app = App::new(loaded, index, options);
    crate::support::screen::keys(&mut app, typed);
    crate::support::screen::screen(&app, width, height)
}

#[test]
fn ascii_frames() {
    for (name, typed) in [
        ("overview", ""),
        ("text", "t"),
        ("finder", "f#data"),
        ("help", "?"),
    ] {
        let screen = ascii_screen(typed, 100, 30);
        assert!(screen.is_ascii(), "{name}: {screen}");
        insta::assert_snapshot!(format!("ascii_{name}_100x30"), screen);
    }
}
