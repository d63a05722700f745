//! The key map: keys to actions per mode, no key bound twice, readable names.

use super::*;

fn key(code: KeyCode, modifiers: KeyModifiers) -> KeyEvent {
    KeyEvent::new(code, modifiers)
}

const BROWSE: &[Context] = &[Context::Browse, Context::Detail];

#[test]
fn browse_keys_map_to_actions() {
    let none = KeyModifiers::NONE;
    let cases = [
        (key(KeyCode::Char('j'), none), Action::Down),
        (key(KeyCode::Down, none), Action::Down),
        (key(KeyCode::Char('G'), KeyModifiers::SHIFT), Action::Bottom),
        (
            key(KeyCode::Char('p'), KeyModifiers::CONTROL),
            Action::OpenFinder,
        ),
        (key(KeyCode::Char('f'), none), Action::OpenFinder),
        (key(KeyCode::Char('2'), none), Action::SelectTab(Tab::Text)),
        (
            key(KeyCode::Char('N'), KeyModifiers::SHIFT),
            Action::PrevMatch,
        ),
        (
            key(KeyCode::Char('?'), KeyModifiers::SHIFT),
            Action::OpenHelp,
        ),
        (key(KeyCode::Esc, none), Action::ClearFilter),
        (
            key(KeyCode::BackTab, KeyModifiers::SHIFT),
            Action::SwitchPane,
        ),
    ];
    for (event, action) in cases {
        assert_eq!(action_for(&event, BROWSE), Some(action), "{event:?}");
    }
}

#[test]
fn finder_takes_typed_characters_and_ctrl_p_moves_up() {
    let finder = &[Context::Finder];
    let none = KeyModifiers::NONE;
    assert_eq!(
        action_for(&key(KeyCode::Char('q'), none), finder),
        Some(Action::Insert('q'))
    );
    assert_eq!(
        action_for(&key(KeyCode::Char('한'), none), finder),
        Some(Action::Insert('한'))
    );
    assert_eq!(
        action_for(&key(KeyCode::Char('p'), KeyModifiers::CONTROL), finder),
        Some(Action::Up)
    );
    assert_eq!(
        action_for(&key(KeyCode::Tab, none), finder),
        Some(Action::NextKind)
    );
    assert_eq!(
        action_for(&key(KeyCode::Char('x'), KeyModifiers::ALT), finder),
        None
    );
}

#[test]
fn releases_and_unbound_keys_give_nothing() {
    let mut release = key(KeyCode::Char('j'), KeyModifiers::NONE);
    release.kind = KeyEventKind::Release;
    assert_eq!(action_for(&release, BROWSE), None);
    assert_eq!(
        action_for(&key(KeyCode::F(5), KeyModifiers::NONE), BROWSE),
        None
    );
}

#[test]
fn no_key_is_bound_twice_in_one_mode() {
    let modes: [&[Context]; 4] = [
        BROWSE,
        &[Context::Finder],
        &[Context::Search],
        &[Context::Help],
    ];
    for mode in modes {
        let mut seen: Vec<Key> = Vec::new();
        for binding in KEYMAP.iter().filter(|b| mode.contains(&b.context)) {
            for key in binding.keys {
                assert!(!seen.contains(key), "{key:?} bound twice in {mode:?}");
                seen.push(*key);
            }
        }
    }
}

#[test]
fn key_names_read_well() {
    assert_eq!(Key::Ctrl('p').name(), "Ctrl-P");
    assert_eq!(Key::Code(KeyCode::PageDown).name(), "PgDn");
    assert_eq!(
        key_for(&Action::OpenFinder, Context::Browse).as_deref(),
        Some("f")
    );
}

#[test]
fn ctrl_z_suspends_in_every_context() {
    let ctrl_z = key(KeyCode::Char('z'), KeyModifiers::CONTROL);
    let modes: [&[Context]; 4] = [
        BROWSE,
        &[Context::Finder],
        &[Context::Search],
        &[Context::Help],
    ];
    for contexts in modes {
        assert_eq!(
            action_for(&ctrl_z, contexts),
            Some(Action::Suspend),
            "{contexts:?}"
        );
    }
    assert_eq!(
        key_for(&Action::Suspend, Context::Browse).as_deref(),
        Some("Ctrl-Z")
    );
}

#[test]
fn history_and_half_page_keys() {
    let none = KeyModifiers::NONE;
    let ctrl = KeyModifiers::CONTROL;
    let cases = [
        (key(KeyCode::Backspace, none), Action::Back),
        (key(KeyCode::Char('o'), ctrl), Action::Back),
        // Ctrl-] as a terminal without keyboard enhancement reports it (the byte 0x1D)...
        (key(KeyCode::Char('5'), ctrl), Action::Forward),
        // ...and as the kitty keyboard protocol does; Ctrl-I only when told apart from Tab.
        (key(KeyCode::Char(']'), ctrl), Action::Forward),
        (key(KeyCode::Char('i'), ctrl), Action::Forward),
        (key(KeyCode::Tab, none), Action::SwitchPane),
        (key(KeyCode::Char('d'), ctrl), Action::HalfPageDown),
        (key(KeyCode::Char('u'), ctrl), Action::HalfPageUp),
        (key(KeyCode::Char('f'), ctrl), Action::PageDown),
        (key(KeyCode::Char('b'), ctrl), Action::PageUp),
        (key(KeyCode::PageDown, none), Action::PageDown),
    ];
    for (event, action) in cases {
        assert_eq!(action_for(&event, BROWSE), Some(action), "{event:?}");
    }
    // A plain 5 stays a plain key (unbound while browsing), not Forward.
    assert_eq!(action_for(&key(KeyCode::Char('5'), none), BROWSE), None);
    assert_eq!(Key::Ctrl(']').name(), "Ctrl-]");
    // Ctrl-C closes help, as Esc does; in the finder and the search prompt too.
    let close = key(KeyCode::Char('c'), ctrl);
    for context in [Context::Help, Context::Finder, Context::Search] {
        assert_eq!(action_for(&close, &[context]), Some(Action::Close));
    }
    let help = &[Context::Help];
    assert_eq!(
        action_for(&key(KeyCode::Char('d'), ctrl), help),
        Some(Action::HalfPageDown)
    );
}
