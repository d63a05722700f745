//! The browser end to end: the real binary in a pseudo-terminal, driven by keys as a reader
//! would, on the fixture corpus (`--corpus tests/fixtures/small`). The five scenarios
//! (timeline and heads of delegation at start, a topic filter from the finder, search across
//! accounts with its highlight, switching panes on a small terminal, quitting cleanly), the
//! selection under `NO_COLOR`, and four briefing questions, each answered in fewer than ten
//! keys. One smoke test opens the built-in corpus and checks only what holds whatever it
//! records.

use std::time::Duration;

use crate::support::fixture;
use crate::support::pty::{Key, Pty, find_from, rfind};
use crate::support::vt;

/// Generous for a debug binary starting on a busy machine.
const WAIT: Duration = Duration::from_secs(10);

/// The four meetings the fixture reports, in date order, as the timeline names them.
const MEETINGS: [&str; 4] = [
    "1st Data Dialogue",
    "2nd Data Dialogue",
    "1st Standards Council",
    "3rd Data Dialogue",
];

/// The browser on the fixture at `cols` x `rows` with extra `env`, after its first frame.
fn browser(cols: u16, rows: u16, env: &[(&str, &str)]) -> Pty {
    let mut pty = Pty::spawn(&["--corpus", fixture::DIR], env, cols, rows);
    pty.wait_for_text("3rd Data Dialogue", WAIT)
        .unwrap_or_else(|err| panic!("no first frame: {err}"));
    // The end of the first synchronized update: the whole frame has been written.
    pty.wait_for_bytes(b"\x1b[?2026l", WAIT)
        .unwrap_or_else(|err| panic!("the first frame was not completed: {err}"));
    pty
}

/// Types keys, each a [`Key`]; returns how many were typed.
fn press(pty: &mut Pty, keys: &[Key]) -> usize {
    for key in keys {
        pty.send_key(*key);
    }
    keys.len()
}

/// Keys for typing `text` character by character.
fn chars(text: &str) -> Vec<Key> {
    text.chars().map(Key::Char).collect()
}

const SYNC_BEGIN: &[u8] = b"\x1b[?2026h";
const SYNC_END: &[u8] = b"\x1b[?2026l";

/// Waits until `ready` holds for a screen whose last frame is complete (a frame arrives in
/// several reads: half of it can already show what a test waits for); panics with the screen
/// otherwise.
fn until(pty: &mut Pty, what: &str, ready: impl Fn(&str) -> bool) -> String {
    let deadline = std::time::Instant::now() + WAIT;
    loop {
        let left = deadline.saturating_duration_since(std::time::Instant::now());
        let screen = pty
            .wait_for(&ready, left)
            .unwrap_or_else(|err| panic!("{what}: {err}"));
        let raw = pty.raw_bytes();
        let complete =
            rfind(raw, SYNC_BEGIN).is_none_or(|begin| find_from(raw, SYNC_END, begin).is_some());
        if complete {
            return screen;
        }
        pty.idle_for(Duration::from_millis(5));
    }
}

/// The row of each needle on `screen` (text), `None` where it is absent.
fn rows_of(screen: &str, needles: &[&str]) -> Vec<Option<usize>> {
    needles
        .iter()
        .map(|n| screen.lines().position(|l| l.contains(n)))
        .collect()
}

/// "7 of 22" at the end of the header's first row: (shown, total).
fn counts_in(screen: &str) -> Option<(usize, usize)> {
    let first = screen.lines().next()?;
    let words: Vec<&str> = first.split_whitespace().collect();
    let at = words.iter().rposition(|w| *w == "of")?;
    let shown = words.get(at.checked_sub(1)?)?.parse().ok()?;
    let total = words.get(at + 1)?.parse().ok()?;
    Some((shown, total))
}

/// The header's counts, which every frame shows.
fn header_counts(screen: &str) -> (usize, usize) {
    counts_in(screen).unwrap_or_else(|| panic!("no counts in the header:\n{screen}"))
}

/// Quits with `q` and checks the terminal was handed back.
fn quit(pty: &mut Pty) {
    pty.send_key(Key::Char('q'));
    let status = pty
        .wait_exit(WAIT)
        .unwrap_or_else(|| panic!("q did not quit: {}", pty.screen_text()));
    assert_eq!(status.exit_code(), 0, "exit status after q: {status:?}");
}

#[test]
fn at_start_the_timeline_lists_the_meetings_in_date_order_and_the_detail_its_heads() {
    let mut pty = browser(120, 40, &[]);
    let screen = until(&mut pty, "the 3rd's heads of delegation", |s| {
        s.contains("PARK Min-seo") && s.contains("Anna Berg")
    });
    let rows = rows_of(&screen, &MEETINGS);
    let rows: Vec<usize> = rows
        .iter()
        .zip(MEETINGS)
        .map(|(r, m)| r.unwrap_or_else(|| panic!("{m:?} not on screen:\n{screen}")))
        .collect();
    assert!(
        rows.windows(2).all(|w| w[0] < w[1]),
        "meetings out of date order (rows {rows:?}):\n{screen}"
    );
    // The detail is about the 3rd, the meeting selected at start.
    assert!(screen.contains("3rd EU–ROK Data Dialogue"), "{screen}");
    assert_eq!(
        header_counts(&screen),
        (8, 8),
        "four meetings and three events, no filter"
    );
    quit(&mut pty);
}

#[test]
fn the_finder_filters_the_timeline_by_a_topic() {
    let mut pty = browser(120, 40, &[]);
    let start = header_counts(&pty.screen_text());
    pty.send_key(Key::Ctrl('p'));
    until(&mut pty, "the finder opens", |s| {
        s.contains("all  # topics")
    });
    press(&mut pty, &chars("resilien"));
    until(&mut pty, "the finder finds the topic", |s| {
        s.contains("> resilien") && s.contains("Cyber resilience")
    });
    pty.send_key(Key::Enter);
    let screen = until(&mut pty, "the header names the filter", |s| {
        s.contains("topic: Cyber resilience")
    });
    let (shown, total) = header_counts(&screen);
    assert_eq!(
        (shown, total),
        (3, start.1),
        "the 2nd and 3rd meetings and the workshop discussed resilience"
    );
    assert!(screen.contains(&format!("{shown} of {total}")), "{screen}");
    let rows = rows_of(&screen, &MEETINGS);
    assert_eq!(
        rows.iter().map(Option::is_some).collect::<Vec<_>>(),
        [false, true, false, true],
        "only the 2nd and 3rd stay on the timeline:\n{screen}"
    );
    quit(&mut pty);
}

#[test]
fn a_search_finds_and_highlights_what_only_the_rok_account_says() {
    let mut pty = browser(120, 40, &[]);
    // From the detail pane, `/` searches the meeting's text (from the timeline, every text).
    press(&mut pty, &[Key::Char('l'), Key::Char('/')]);
    until(&mut pty, "the search prompt opens", |s| {
        s.contains("EU account (1 of 2)")
    });
    press(&mut pty, &chars("Aurora"));
    // The EU account, shown first, lacks the word: the search moves to the ROK account's ¶4
    // (numbered "4." in its text, which the EU account never does).
    let screen = until(&mut pty, "the match in the ROK account", |s| {
        // "/Aurora" whole: the frame for "Auror" already says "match 1 of 1".
        s.contains("/Aurora") && s.contains("match 1 of 1") && s.contains("4. They also")
    });
    assert!(!screen.contains("EU account (1 of 2)"), "{screen}");
    let found = vt::find(pty.screen(), "Aurora");
    // The prompt echoes the query on the last row; the match is in the text above it.
    let last_row = u16::try_from(screen.lines().count().saturating_sub(1)).unwrap_or(0);
    let (row, columns) = found
        .iter()
        .find(|(row, _)| *row < last_row)
        .unwrap_or_else(|| panic!("Aurora not in the text:\n{screen}"))
        .clone();
    let screen = pty.screen();
    let looks: Vec<vt::Look> = columns
        .iter()
        .map(|&c| vt::look(screen, row, c).expect("on screen"))
        .collect();
    assert!(
        looks.windows(2).all(|w| w[0] == w[1]),
        "the match is drawn one way: {looks:?}"
    );
    let first = *columns.first().expect("a match has characters");
    let last = *columns.last().expect("a match has characters");
    // The text on each side of the match (skipping the space just before and after).
    let before = vt::look(screen, row, first.saturating_sub(2)).expect("on screen");
    let after = vt::look(screen, row, last + 2).expect("on screen");
    for (side, around) in [("before", before), ("after", after)] {
        assert_ne!(
            looks[0], around,
            "the match looks like the text {side} it (row {row})"
        );
    }
    assert!(
        looks[0].inverse || looks[0].bg != before.bg,
        "the match is reversed or coloured: {:?}",
        looks[0]
    );
    pty.send_key(Key::Enter);
    until(&mut pty, "the kept search", |s| {
        s.contains("/Aurora match 1 of 1")
    });
    quit(&mut pty);
}

#[test]
fn on_a_small_terminal_tab_switches_between_the_panes() {
    let mut pty = browser(80, 24, &[]);
    let screen = pty.screen_text();
    assert!(screen.contains("[Timeline]"), "{screen}");
    assert!(screen.contains("1st Data Dialogue"), "{screen}");
    assert!(
        !screen.contains("1 Overview"),
        "one pane at a time:\n{screen}"
    );
    pty.send_key(Key::Tab);
    let screen = until(&mut pty, "the detail pane", |s| {
        s.contains("[Detail]") && s.contains("1 Overview")
    });
    assert!(screen.contains("3rd EU–ROK Data Dialogue"), "{screen}");
    assert!(
        !screen.contains("1st Data Dialogue"),
        "the timeline is hidden:\n{screen}"
    );
    pty.send_key(Key::Tab);
    let screen = until(&mut pty, "back to the timeline", |s| {
        s.contains("[Timeline]") && s.contains("1st Data Dialogue")
    });
    assert!(!screen.contains("1 Overview"), "{screen}");
    quit(&mut pty);
}

#[test]
fn q_exits_0_and_hands_the_terminal_back() {
    let mut pty = browser(120, 40, &[]);
    assert!(pty.screen().alternate_screen());
    quit(&mut pty);
    let raw = pty.raw_bytes().to_vec();
    let frame_end = rfind(&raw, b"\x1b[?2026l").expect("frames were drawn");
    for (sequence, what) in [
        (&b"\x1b[?1049l"[..], "leave the alternate screen"),
        (b"\x1b[?25h", "show the cursor"),
    ] {
        assert!(
            find_from(&raw, sequence, frame_end).is_some(),
            "no {what} after the last frame"
        );
    }
    let screen = pty.screen();
    assert!(!screen.alternate_screen(), "still on the alternate screen");
    assert!(!screen.hide_cursor(), "cursor still hidden");
}

#[test]
fn without_colour_the_selected_row_is_reversed() {
    let mut pty = browser(120, 40, &[("NO_COLOR", "1")]);
    let screen = pty.screen();
    let row_look = |name: &str| {
        let (row, columns) = vt::find(screen, name)
            .into_iter()
            .next()
            .unwrap_or_else(|| panic!("{name} not on screen"));
        vt::look(screen, row, columns[0]).expect("on screen")
    };
    let selected = row_look("3rd Data Dialogue");
    let other = row_look("1st Data Dialogue");
    assert!(
        selected.inverse,
        "the selected row is reversed: {selected:?}"
    );
    assert!(!other.inverse, "other rows are not: {other:?}");
    // No colour at all: every cell on screen uses the default colours.
    let (rows, cols) = screen.size();
    for row in 0..rows.get() {
        for col in 0..cols.get() {
            let look = vt::look(screen, row, col).expect("on screen");
            assert_eq!(
                (look.fg, look.bg),
                (vt100::Color::Default, vt100::Color::Default),
                "a colour at row {row}, column {col}"
            );
        }
    }
    quit(&mut pty);
}

// The briefing questions: each typed from the start screen, counted, answered on screen.

/// Types `keys` from the start screen and waits for `answer`; returns the key count.
fn answer(pty: &mut Pty, keys: &[Key], what: &str, answer: impl Fn(&str) -> bool) -> String {
    let count = press(pty, keys);
    assert!(count < 10, "{what}: {count} keys");
    let screen = until(pty, what, answer);
    eprintln!("briefing: {what}: {count} keys");
    screen
}

#[test]
fn briefing_who_led_the_korean_side_in_2018() {
    let mut pty = browser(120, 40, &[]);
    let mut keys = vec![Key::Char('f')];
    keys.extend(chars("1st da"));
    keys.push(Key::Enter);
    let screen = answer(&mut pty, &keys, "who led the Korean side in 2018", |s| {
        s.contains("1st EU–ROK Data Dialogue") && s.contains("LEE Do-yun")
    });
    assert!(screen.contains("2018"), "{screen}");
    // Listed under the ROK side of the participants.
    let detail: Vec<&str> = screen
        .lines()
        .map(|l| l.rsplit(['┃', '│']).nth(1).unwrap_or_default().trim())
        .collect();
    let lee = detail
        .iter()
        .position(|l| l.starts_with("LEE Do-yun"))
        .unwrap_or_else(|| panic!("LEE Do-yun heads no line:\n{screen}"));
    let side = detail[..lee]
        .iter()
        .rev()
        .find(|l| matches!(**l, "ROK" | "EU"))
        .copied();
    assert_eq!(side, Some("ROK"), "LEE Do-yun's side:\n{screen}");
    quit(&mut pty);
}

#[test]
fn briefing_what_the_3rd_meeting_said_about_resilience() {
    let mut pty = browser(120, 40, &[]);
    let mut keys = vec![Key::Char('l'), Key::Char('/')];
    keys.extend(chars("resil"));
    let screen = answer(
        &mut pty,
        &keys,
        "what did the 3rd say about resilience",
        |s| s.contains("Both sides discussed cyber") && s.contains("match 1 of"),
    );
    // The sentence is shown in the EU account under its paragraph number, the citation.
    assert!(screen.contains("EU account (1 of 2)"), "{screen}");
    let lines: Vec<&str> = screen.lines().collect();
    let at = lines
        .iter()
        .position(|l| l.contains("Both sides discussed cyber"))
        .expect("the sentence is on screen");
    let paragraph = lines[..=at]
        .iter()
        .rev()
        .find_map(|l| l.split('¶').nth(1))
        .and_then(|rest| rest.split_whitespace().next())
        .unwrap_or_else(|| panic!("no paragraph number above the sentence:\n{screen}"));
    assert_eq!(paragraph, "3", "EU¶3 holds the sentence:\n{screen}");
    pty.send_key(Key::Enter);
    until(&mut pty, "the kept search", |s| {
        s.contains("/resil match 1 of")
    });
    quit(&mut pty);
}

#[test]
fn briefing_which_meetings_involved_the_kdsa() {
    let mut pty = browser(120, 40, &[]);
    let mut keys = vec![Key::Char('f')];
    keys.extend(chars("@kdsa"));
    keys.push(Key::Enter);
    let screen = answer(&mut pty, &keys, "which meetings involved the KDSA", |s| {
        s.contains("organisation: KDSA") && counts_in(s).is_some_and(|(n, all)| n < all)
    });
    let rows = rows_of(&screen, &MEETINGS);
    assert_eq!(
        rows.iter().map(Option::is_some).collect::<Vec<_>>(),
        [false, true, false, true],
        "the 2nd and 3rd Data Dialogues, not the 1st nor the Standards Council:\n{screen}"
    );
    quit(&mut pty);
}

#[test]
fn briefing_what_the_rok_account_of_the_3rd_said_that_the_eu_account_did_not() {
    let mut pty = browser(120, 40, &[]);
    let mut keys = 1;
    pty.send_key(Key::Char('c'));
    let mut screen = until(&mut pty, "the comparison", |s| {
        s.contains("EU account ⇄ ROK account") && s.contains("only in the ROK account")
    });
    // Page down the comparison to the Aurora Protocol, which only the ROK account names.
    while !screen.contains("Aurora") {
        assert!(keys < 9, "Aurora not found in {keys} keys:\n{screen}");
        let before = screen.clone();
        pty.send_key(Key::PageDown);
        keys += 1;
        screen = until(&mut pty, "the next page", |s| s != before);
    }
    eprintln!("briefing: only in the ROK account: {keys} keys");
    let lines: Vec<&str> = screen.lines().collect();
    let at = lines
        .iter()
        .position(|l| l.contains("Aurora"))
        .expect("on screen");
    let row = lines[at];
    // Side by side: the sentence is in the right (ROK) column, and is marked as only there.
    let column = row.find("Aurora").unwrap_or(0);
    let divider = row[..column].rfind('│').unwrap_or(0);
    assert!(
        row[..divider].contains('┃'),
        "Aurora in the ROK column:\n{screen}"
    );
    // The right column's words up to Aurora: the sentence opens with the marker.
    let right: Vec<&str> = lines[at.saturating_sub(8)..=at]
        .iter()
        .filter_map(|l| l.rsplit('│').next())
        .flat_map(|l| l.trim_end_matches(['┃', '█']).split_whitespace())
        .collect();
    let right = right.join(" ");
    let sentence = right.rsplit("[only in ROK]").next().unwrap_or_default();
    assert!(
        right.contains("[only in ROK]") && sentence.contains("They also discussed the Aurora"),
        "the sentence is marked only in ROK ({right:?}):\n{screen}"
    );
    quit(&mut pty);
}

// The built-in corpus: one smoke test, true whatever meetings it holds.

#[test]
fn builtin_first_frame_shows_every_entry_and_the_latest_meeting() {
    let corpus = entente::corpus::builtin::load()
        .expect("the built-in corpus loads")
        .corpus;
    let entries = corpus.meetings.len() + corpus.events.len();
    let mut pty = Pty::spawn(&[], &[], 120, 40);
    let screen = until(&mut pty, "the first frame", |s| counts_in(s).is_some());
    assert_eq!(header_counts(&screen), (entries, entries), "{screen}");
    let first = screen.lines().next().unwrap_or_default();
    assert!(first.contains("entente"), "{screen}");
    // The browser opens on the latest meeting (ISO dates order as text): its title heads the
    // detail.
    let latest = corpus
        .meetings
        .iter()
        .max_by_key(|m| &m.date.value)
        .expect("the built-in corpus has meetings");
    assert!(screen.contains(&*latest.title), "{}:\n{screen}", latest.id);
    quit(&mut pty);
}
