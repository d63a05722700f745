//! The topic matrix in the real binary, in a pseudo-terminal at 80x24 and 120x40: `m` opens
//! it, the arrow keys and h/j move the cursor, Enter opens the meeting at the cited paragraph.

use std::time::Duration;

use crate::support::fixture;
use crate::support::pty::{Key, Pty};

/// Generous for a debug binary starting on a busy machine.
const WAIT: Duration = Duration::from_secs(10);

fn started_at(cols: u16, rows: u16) -> Pty {
    let mut pty = Pty::spawn(&["--corpus", fixture::DIR], &[], cols, rows);
    pty.wait_for_text("3rd Data Dialogue", WAIT)
        .unwrap_or_else(|e| panic!("no first frame: {e}"));
    pty
}

#[test]
fn m_opens_the_matrix_and_enter_opens_the_cited_paragraph() {
    for (cols, rows) in [(80, 24), (120, 40)] {
        let mut pty = started_at(cols, rows);
        pty.send_key(Key::Char('m'));
        pty.wait_for_text("D3 2024 · Data governance", WAIT)
            .unwrap_or_else(|e| panic!("{cols}x{rows}: the matrix did not open: {e}"));
        // One topic down, three meetings left: Cross-border data flows at D1 2018.
        pty.send_key(Key::Char('j'));
        for _ in 0..3 {
            pty.send_key(Key::Left);
        }
        pty.wait_for_text("D1 2018 · Cross-border data flows", WAIT)
            .unwrap_or_else(|e| panic!("{cols}x{rows}: the cursor did not move: {e}"));
        pty.send_key(Key::Enter);
        let screen = pty
            .wait_for_text("exchanged views on data governance", WAIT)
            .unwrap_or_else(|e| panic!("{cols}x{rows}: the paragraph did not open: {e}"));
        assert!(!screen.contains("Topic matrix"), "{screen}");
        let cited = screen
            .lines()
            .find(|l| l.contains("¶3"))
            .unwrap_or_else(|| panic!("{cols}x{rows}: no ¶3 on screen:\n{screen}"));
        assert!(
            cited.contains('▌'),
            "the cited paragraph is marked: {cited:?}\n{screen}"
        );
        pty.send_key(Key::Char('q'));
    }
}
