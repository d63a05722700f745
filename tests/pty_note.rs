//! The browser's `e` in the real binary, in a pseudo-terminal at 80x24 and 120x40: each press
//! writes a new briefing note beside the earlier ones (`NAME.md`, `NAME-2.md`, …), never over
//! a note the user may have edited. The browser runs in a temporary directory, on the fixture
//! corpus.

use std::os::unix::fs::PermissionsExt;
use std::time::Duration;

use crate::support::fixture;
use crate::support::pty::{BIN, Key, Pty};

/// Generous for a debug binary starting on a busy machine.
const WAIT: Duration = Duration::from_secs(10);

fn names_in(dir: &std::path::Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .expect("the directory is readable")
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

#[test]
fn e_twice_leaves_two_new_notes_and_the_users_note_untouched() {
    for (cols, rows) in [(80, 24), (120, 40)] {
        e_twice_at(cols, rows);
    }
}

fn e_twice_at(cols: u16, rows: u16) {
    let dir = tempfile::tempdir().expect("a temporary directory");
    // A note from an earlier `e`, since edited by its user, with its own permissions.
    let edited = dir.path().join(format!("entente-{}.md", fixture::LATEST));
    std::fs::write(&edited, "my edited note").expect("write the user's note");
    std::fs::set_permissions(&edited, std::fs::Permissions::from_mode(0o600)).expect("chmod 600");
    let script = format!(
        "cd '{}' && exec '{BIN}' --corpus '{}'",
        dir.path().display(),
        fixture::DIR
    );
    let mut pty = Pty::spawn_program("sh", &["-c", &script], &[], cols, rows);
    pty.wait_for_text("3rd Data Dialogue", WAIT)
        .unwrap_or_else(|e| panic!("no first frame: {e}"));
    for n in [2, 3] {
        pty.send_key(Key::Char('e'));
        let name = format!("entente-{}-{n}.md", fixture::LATEST);
        pty.wait_for_text(&name, WAIT)
            .unwrap_or_else(|e| panic!("at {cols}x{rows} the footer names {name}: {e}"));
    }
    pty.send_key(Key::Char('q'));
    assert!(pty.wait_exit(WAIT).is_some_and(|s| s.success()), "q quits");
    assert_eq!(
        names_in(dir.path()),
        [
            "entente-data-dialogue-3-2.md",
            "entente-data-dialogue-3-3.md",
            "entente-data-dialogue-3.md"
        ],
        "two new notes and no temporary file"
    );
    assert_eq!(
        std::fs::read_to_string(&edited).expect("the user's note"),
        "my edited note"
    );
    let mode = std::fs::metadata(&edited)
        .expect("stat")
        .permissions()
        .mode()
        & 0o777;
    assert_eq!(mode, 0o600, "mode {mode:o}");
    for n in [2, 3] {
        let note = std::fs::read_to_string(
            dir.path()
                .join(format!("entente-{}-{n}.md", fixture::LATEST)),
        )
        .expect("a new note");
        assert!(
            note.starts_with("# 3rd EU–ROK Data Dialogue\n\n## Summary\n"),
            "{note}"
        );
        assert!(note.contains("\nPrepared on "), "{note}");
    }
}
