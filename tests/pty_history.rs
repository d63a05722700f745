//! Back and forward in the real binary, in a pseudo-terminal at 80x24 and 120x40, on the
//! fixture corpus: after following a related meeting and after following a citation,
//! `Backspace` (and `Ctrl-O`) returns to the place left and `Ctrl-]` goes forward again —
//! sent as the byte 0x1D a terminal sends for it, which arrives as Ctrl-5.

use std::time::Duration;

use crate::support::fixture;
use crate::support::pty::{Key, Pty};

/// Generous for a debug binary starting on a busy machine.
const WAIT: Duration = Duration::from_secs(10);

/// The byte terminals send for Ctrl-].
const CTRL_RIGHT_BRACKET: &[u8] = b"\x1d";

/// The fixture's newest meeting, selected at start.
const START_MEETING: &str = "3rd EU–ROK Data Dialogue";
/// Its first related meeting, on the cursor line of the Related tab.
const RELATED_MEETING: &str = "2nd EU–ROK Data Dialogue";
/// The Related tab's heading.
const RELATED_HEADING: &str = "Meetings sharing topics, organisations or people";
/// The cited paragraph the Overview's first line (the date) opens.
const CITED_PARAGRAPH: &str = "¶1 On 11 June 2024, the European Union";

fn started(cols: u16, rows: u16) -> Pty {
    let mut pty = Pty::spawn(&["--corpus", fixture::DIR], &[], cols, rows);
    pty.wait_for_text("3rd Data Dialogue", WAIT)
        .unwrap_or_else(|err| panic!("no first frame at {cols}x{rows}: {err}"));
    pty
}

/// Sends `keys`, then waits until the screen holds `shown` and not `gone`.
fn step(pty: &mut Pty, keys: &[u8], shown: &str, gone: &str, what: &str) -> String {
    pty.send(keys);
    pty.wait_for(|s| s.contains(shown) && !s.contains(gone), WAIT)
        .unwrap_or_else(|err| panic!("{what}: expected {shown:?} without {gone:?}: {err}"))
}

fn quit(pty: &mut Pty) {
    pty.send_key(Key::Char('q'));
}

fn back_and_forward_after_a_related_jump(cols: u16, rows: u16) {
    let mut pty = started(cols, rows);
    pty.send_key(Key::Char('l'));
    step(
        &mut pty,
        b"3",
        RELATED_HEADING,
        "\u{0}",
        "3 shows the Related tab",
    );
    // Enter on the first related meeting: its Overview, headed by its title.
    let screen = step(
        &mut pty,
        b"\r",
        &format!("┃ {RELATED_MEETING}"),
        RELATED_HEADING,
        "Enter follows the related meeting",
    );
    assert!(screen.contains("March 2020"), "{screen}");
    step(
        &mut pty,
        &Key::Backspace.bytes(),
        RELATED_HEADING,
        &format!("┃ {RELATED_MEETING}"),
        "Backspace returns to the Related tab of the meeting left",
    );
    step(
        &mut pty,
        CTRL_RIGHT_BRACKET,
        &format!("┃ {RELATED_MEETING}"),
        RELATED_HEADING,
        "Ctrl-] goes forward to the related meeting again",
    );
    step(
        &mut pty,
        &Key::Ctrl('o').bytes(),
        RELATED_HEADING,
        &format!("┃ {RELATED_MEETING}"),
        "Ctrl-O goes back too",
    );
    quit(&mut pty);
}

fn back_and_forward_after_a_citation_jump(cols: u16, rows: u16) {
    let mut pty = started(cols, rows);
    pty.send_key(Key::Char('l'));
    pty.wait_for_text(&format!("┃ {START_MEETING}"), WAIT)
        .unwrap_or_else(|err| panic!("the Overview shows: {err}"));
    // Enter on the date line, whose citation opens ¶1 of the EU account.
    step(
        &mut pty,
        b"\r",
        CITED_PARAGRAPH,
        "Participants",
        "Enter follows the citation into the text",
    );
    step(
        &mut pty,
        &Key::Backspace.bytes(),
        "Participants",
        CITED_PARAGRAPH,
        "Backspace returns to the Overview",
    );
    step(
        &mut pty,
        CTRL_RIGHT_BRACKET,
        CITED_PARAGRAPH,
        "Participants",
        "Ctrl-] goes forward to the cited paragraph",
    );
    // 1 shows the Overview; Backspace returns to the cited paragraph, not its top.
    step(
        &mut pty,
        b"1",
        "Participants",
        CITED_PARAGRAPH,
        "1 shows the Overview",
    );
    step(
        &mut pty,
        &Key::Backspace.bytes(),
        CITED_PARAGRAPH,
        "Participants",
        "Backspace after 1 returns to the cited paragraph",
    );
    quit(&mut pty);
}

#[test]
fn back_and_forward_after_a_related_jump_at_80x24() {
    back_and_forward_after_a_related_jump(80, 24);
}

#[test]
fn back_and_forward_after_a_related_jump_at_120x40() {
    back_and_forward_after_a_related_jump(120, 40);
}

#[test]
fn back_and_forward_after_a_citation_jump_at_80x24() {
    back_and_forward_after_a_citation_jump(80, 24);
}

#[test]
fn back_and_forward_after_a_citation_jump_at_120x40() {
    back_and_forward_after_a_citation_jump(120, 40);
}
