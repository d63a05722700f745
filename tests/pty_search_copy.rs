//! The search across every text and copying, end to end with the real binary.
//!
//! - In a pseudo-terminal, on the fixture: `/` from the timeline lists the hits of every
//!   text, Enter opens the paragraph of one (its meeting's Text tab, the paragraph marked),
//!   `n` walks to the next hit in another account; from the detail, `/` still searches the
//!   meeting's own text.
//! - Inside a private tmux server started with no configuration (`-f /dev/null`: tmux's
//!   defaults, `set-clipboard external`, which ignores OSC 52 from programs): `y` lands the
//!   copied paragraph, with one readable citation, in tmux's paste buffer (`show-buffer`).
//!
//! Where tmux is not installed the tmux test prints why and checks nothing further (CI
//! images may lack it); set `ENTENTE_REQUIRE_TMUX=1` to make its absence a failure instead.
//! The private server has its own socket name (`entente-test-PID-N`) and is killed when the
//! test ends, passed or failed.

use std::process::{Command, Output};
use std::time::{Duration, Instant};

use crate::support::bin::{BIN, no_user_corpus};
use crate::support::fixture;
use crate::support::pty::{Key, Pty};

/// Generous for a debug binary starting on a busy machine.
const WAIT: Duration = Duration::from_secs(10);

fn browser(cols: u16, rows: u16) -> Pty {
    let mut pty = Pty::spawn(&["--corpus", fixture::DIR], &[], cols, rows);
    pty.wait_for_text("3rd Data Dialogue", WAIT)
        .unwrap_or_else(|err| panic!("no first frame: {err}"));
    pty
}

fn type_keys(pty: &mut Pty, keys: &str) {
    for c in keys.chars() {
        pty.send_key(Key::Char(c));
    }
}

fn until(pty: &mut Pty, what: &str, ready: impl Fn(&str) -> bool) -> String {
    pty.wait_for(&ready, WAIT)
        .unwrap_or_else(|err| panic!("{what}: {err}"))
}

#[test]
fn slash_from_the_timeline_searches_every_text_enter_opens_a_hit_and_n_walks_on() {
    for (cols, rows) in [(80, 24), (120, 40)] {
        let mut pty = browser(cols, rows);
        type_keys(&mut pty, "/resilience");
        let list = until(&mut pty, "the hit list", |s| {
            s.contains("Search every text") && s.contains("3 hits")
        });
        // Each hit names its meeting, account and paragraph.
        assert!(
            list.contains("2nd EU–ROK Data Dialogue · ROK account ¶3"),
            "{list}"
        );
        assert!(
            list.contains("3rd EU–ROK Data Dialogue · EU account ¶3"),
            "{list}"
        );
        pty.send_key(Key::Enter);
        let opened = until(&mut pty, "the first hit opened", |s| {
            s.contains("hit 1 of 3") && s.contains("2nd ROK-EU Data Dialogue Held")
        });
        assert!(
            opened.contains("cyber resilience of data centres"),
            "{opened}"
        );
        type_keys(&mut pty, "n");
        until(&mut pty, "the next hit, in the next meeting", |s| {
            s.contains("hit 2 of 3") && s.contains("Both sides discussed cyber resilience")
        });
        // N walks back across meetings.
        type_keys(&mut pty, "N");
        until(&mut pty, "back to the first hit", |s| {
            s.contains("hit 1 of 3") && s.contains("2nd ROK-EU Data Dialogue Held")
        });
        // From the detail pane `/` is the search in this meeting's text, as before.
        type_keys(&mut pty, "/Aurora");
        until(&mut pty, "the search in the meeting", |s| {
            s.contains("/Aurora") && !s.contains("Search every text")
        });
        pty.send_key(Key::Esc);
        type_keys(&mut pty, "q");
        assert!(
            pty.wait_exit(WAIT).is_some_and(|s| s.success()),
            "the browser quits cleanly"
        );
    }
}

/// The fixture with a Korean paragraph: the ROK account of the 2nd Data Dialogue's ¶4 in
/// Korean. Dropping the directory removes it.
fn korean_text_fixture() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("a temporary directory");
    let sources = std::fs::read_to_string(std::path::Path::new(fixture::DIR).join("sources.json"))
        .expect("the fixture's sources");
    let english = "4. The next Dialogue is to be held in Brussels in 2021.";
    assert_eq!(
        sources.matches(english).count(),
        2,
        "in raw and in paragraphs"
    );
    let korean = sources.replace(english, "4. 양측은 데이터센터의 사이버 복원력을 논의했다.");
    std::fs::write(dir.path().join("sources.json"), korean).expect("sources written");
    std::fs::copy(
        std::path::Path::new(fixture::DIR).join("records.json"),
        dir.path().join("records.json"),
    )
    .expect("records copied");
    dir
}

/// A Hangul query finds the Korean paragraph, as `entente search` does.
#[test]
fn a_korean_query_finds_what_the_search_command_finds() {
    let dir = korean_text_fixture();
    let corpus = dir.path().to_str().expect("a UTF-8 path");
    let cli = crate::support::bin::command()
        .args(["--corpus", corpus, "search", "사이버", "--json"])
        .output()
        .expect("entente search runs");
    let json: serde_json::Value = serde_json::from_slice(&cli.stdout).expect("JSON");
    assert_eq!(json["total"], 1, "{json}");
    assert_eq!(json["hits"][0]["paragraph"], 4, "{json}");

    let mut pty = Pty::spawn(&["--corpus", corpus], &[], 80, 24);
    pty.wait_for_text("3rd Data Dialogue", WAIT)
        .unwrap_or_else(|err| panic!("no first frame: {err}"));
    pty.type_text("/사이버");
    let screen = until(&mut pty, "the Korean hit", |s| {
        s.contains("/사이버") && s.contains("1 hit")
    });
    assert!(
        screen.contains("2nd EU–ROK Data Dialogue · ROK account ¶4"),
        "{screen}"
    );
    assert!(screen.contains("데이터센터의 사이버 복원력을"), "{screen}");
    pty.send_key(Key::Enter);
    until(&mut pty, "the Korean paragraph opened", |s| {
        s.contains("hit 1 of 1") && s.contains("¶4 4. 양측은")
    });
    type_keys(&mut pty, "q");
    assert!(pty.wait_exit(WAIT).is_some());
}

/// A private tmux server, killed when dropped.
struct TmuxServer {
    socket: String,
}

impl TmuxServer {
    fn tmux(&self, args: &[&str]) -> Output {
        Command::new("tmux")
            .args(["-L", &self.socket, "-f", "/dev/null"])
            .args(args)
            .output()
            .unwrap_or_else(|e| panic!("tmux {args:?}: {e}"))
    }

    fn screen(&self) -> String {
        String::from_utf8_lossy(&self.tmux(&["capture-pane", "-p"]).stdout).into_owned()
    }

    fn wait_for(&self, what: &str, ready: impl Fn(&str) -> bool) -> String {
        let deadline = Instant::now() + WAIT;
        loop {
            let screen = self.screen();
            if ready(&screen) {
                return screen;
            }
            assert!(Instant::now() < deadline, "{what}: the screen is\n{screen}");
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    fn keys(&self, keys: &[&str]) {
        let mut args = vec!["send-keys"];
        args.extend(keys);
        assert!(self.tmux(&args).status.success());
    }
}

impl Drop for TmuxServer {
    fn drop(&mut self) {
        // Best effort: a server that already exited has nothing to kill.
        let _ = Command::new("tmux")
            .args(["-L", &self.socket, "kill-server"])
            .output();
    }
}

/// Whether tmux can be run; `None` with the reason when not.
fn tmux_missing() -> Option<String> {
    match Command::new("tmux").arg("-V").output() {
        Ok(o) if o.status.success() => None,
        Ok(o) => Some(format!("`tmux -V` failed: {}", o.status)),
        Err(e) => Some(format!("tmux is not installed: {e}")),
    }
}

#[test]
fn y_inside_tmux_with_default_settings_fills_tmux_s_buffer() {
    if let Some(reason) = tmux_missing() {
        assert!(
            std::env::var_os("ENTENTE_REQUIRE_TMUX").is_none(),
            "ENTENTE_REQUIRE_TMUX is set but {reason}"
        );
        println!("skipped: {reason}");
        return;
    }
    static SERVERS: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
    let n = SERVERS.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    let server = TmuxServer {
        socket: format!("entente-test-{}-{n}", std::process::id()),
    };
    let command = format!(
        // No test writes to the user's cache (the browser keeps its finder index there).
        "ENTENTE_CORPUS_DIR='{}' ENTENTE_NO_CACHE=1 LANG=C.UTF-8 '{BIN}' --corpus '{}'",
        no_user_corpus().display(),
        fixture::DIR
    );
    let started = server.tmux(&["new-session", "-d", "-x", "80", "-y", "24", &command]);
    assert!(
        started.status.success(),
        "tmux new-session: {}",
        String::from_utf8_lossy(&started.stderr)
    );
    let clipboard = server.tmux(&["show-options", "-g", "set-clipboard"]);
    assert_eq!(
        String::from_utf8_lossy(&clipboard.stdout).trim(),
        "set-clipboard external",
        "tmux's default"
    );
    server.wait_for("the first frame", |s| s.contains("3rd Data Dialogue"));
    // The cited sentence on resilience, found across the corpus, opened and copied.
    server.keys(&["/", "resilience"]);
    server.wait_for("the hit list", |s| s.contains("3 hits"));
    server.keys(&["Enter"]);
    server.wait_for("the paragraph", |s| s.contains("hit 1 of 3"));
    server.keys(&["y"]);
    let screen = server.wait_for("the copy's report", |s| s.contains("copied to"));
    assert!(
        screen.contains("copied to tmux buffer and clipboard: “3. The two sides"),
        "{screen}"
    );
    let buffer = server.tmux(&["show-buffer"]);
    assert!(buffer.status.success(), "tmux show-buffer: no buffer");
    let copied = String::from_utf8_lossy(&buffer.stdout).into_owned();
    assert_eq!(
        copied,
        "3. The two sides discussed cyber resilience of data centres and capacity building \
         in third countries. — “2nd ROK-EU Data Dialogue Held”, ¶3",
        "the paragraph with one readable citation"
    );
    server.keys(&["q"]);
}
