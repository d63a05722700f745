//! The key map: one table of (keys, context, action, help text). Key handling looks actions up
//! in it and the help overlay is generated from it, so the two cannot disagree.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

use super::action::{Action, Tab};

/// A key as the table names it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Key {
    /// A printable character, typed with or without Shift.
    Char(char),
    /// Ctrl and a (lower-case) letter.
    Ctrl(char),
    /// A named key (arrows, Enter, Esc, …) without Ctrl or Alt.
    Code(KeyCode),
    /// Any printable character, turned into [`Action::Insert`] with that character.
    AnyChar,
}

impl Key {
    /// Whether a key event is this key.
    pub fn matches(self, event: &KeyEvent) -> bool {
        let ctrl = event.modifiers.contains(KeyModifiers::CONTROL);
        let alt = event.modifiers.contains(KeyModifiers::ALT);
        match (self, event.code) {
            (Key::Char(c), KeyCode::Char(e)) => !ctrl && !alt && c == e,
            (Key::Ctrl(c), KeyCode::Char(e)) => ctrl && !alt && c == e.to_ascii_lowercase(),
            (Key::Code(c), code) => !ctrl && !alt && c == code,
            (Key::AnyChar, KeyCode::Char(e)) => !ctrl && !alt && !e.is_control(),
            _ => false,
        }
    }

    /// The key's name in help and hints ("j", "Ctrl-P", "PgDn").
    pub fn name(self) -> String {
        match self {
            Key::Char(' ') => "Space".to_string(),
            Key::Char(c) => c.to_string(),
            Key::Ctrl(c) => format!("Ctrl-{}", c.to_ascii_uppercase()),
            Key::AnyChar => "any character".to_string(),
            Key::Code(code) => match code {
                KeyCode::Up => "↑".to_string(),
                KeyCode::Down => "↓".to_string(),
                KeyCode::Left => "←".to_string(),
                KeyCode::Right => "→".to_string(),
                KeyCode::PageUp => "PgUp".to_string(),
                KeyCode::PageDown => "PgDn".to_string(),
                KeyCode::BackTab => "Shift-Tab".to_string(),
                KeyCode::Backspace => "Backspace".to_string(),
                other => other.to_string(),
            },
        }
    }
}

/// Where a binding applies. Browsing activates [`Context::Browse`] and [`Context::Detail`];
/// an overlay or prompt takes every key while it is open.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Context {
    /// Moving around the timeline and the detail.
    Browse,
    /// Detail tabs, accounts, search matches, copying.
    Detail,
    /// The finder overlay is open.
    Finder,
    /// Typing a search in the text.
    Search,
    /// The help overlay is open.
    Help,
}

impl Context {
    /// Every context, in the order help lists them.
    pub const ALL: [Context; 5] = [
        Context::Browse,
        Context::Detail,
        Context::Finder,
        Context::Search,
        Context::Help,
    ];
}

/// One row of the key map.
#[derive(Debug, Clone)]
pub struct Binding {
    pub keys: &'static [Key],
    pub context: Context,
    pub action: Action,
    pub help: &'static str,
}

const fn b(keys: &'static [Key], context: Context, action: Action, help: &'static str) -> Binding {
    Binding {
        keys,
        context,
        action,
        help,
    }
}

use Context::{Browse, Detail, Finder, Help, Search};
use Key::{AnyChar, Char, Code, Ctrl};

/// Every key the browser knows.
pub static KEYMAP: &[Binding] = &[
    // Browsing.
    b(&[Char('q'), Ctrl('c')], Browse, Action::Quit, "quit"),
    b(
        &[Char('j'), Code(KeyCode::Down)],
        Browse,
        Action::Down,
        "next line",
    ),
    b(
        &[Char('k'), Code(KeyCode::Up)],
        Browse,
        Action::Up,
        "previous line",
    ),
    b(
        &[Code(KeyCode::PageDown), Ctrl('d'), Char(' ')],
        Browse,
        Action::PageDown,
        "page down",
    ),
    b(
        &[Code(KeyCode::PageUp), Ctrl('u')],
        Browse,
        Action::PageUp,
        "page up",
    ),
    b(
        &[Char('g'), Code(KeyCode::Home)],
        Browse,
        Action::Top,
        "first line",
    ),
    b(
        &[Char('G'), Code(KeyCode::End)],
        Browse,
        Action::Bottom,
        "last line",
    ),
    b(
        &[Code(KeyCode::Tab), Code(KeyCode::BackTab)],
        Browse,
        Action::SwitchPane,
        "switch pane",
    ),
    b(
        &[Char('h'), Code(KeyCode::Left)],
        Browse,
        Action::FocusTimeline,
        "focus the timeline",
    ),
    b(
        &[Char('l'), Code(KeyCode::Right)],
        Browse,
        Action::FocusDetail,
        "focus the detail",
    ),
    b(
        &[Code(KeyCode::Enter)],
        Browse,
        Action::Activate,
        "open: entry, cited paragraph, related meeting",
    ),
    b(
        &[Code(KeyCode::Esc)],
        Browse,
        Action::ClearFilter,
        "clear the search, else the filter",
    ),
    b(
        &[Char('f'), Ctrl('p')],
        Browse,
        Action::OpenFinder,
        "find a topic, organisation, person, meeting or place",
    ),
    b(&[Char('?')], Browse, Action::OpenHelp, "this help"),
    // Detail.
    b(
        &[Char('1')],
        Detail,
        Action::SelectTab(Tab::Overview),
        "Overview tab",
    ),
    b(
        &[Char('2')],
        Detail,
        Action::SelectTab(Tab::Text),
        "Text tab",
    ),
    b(
        &[Char('3')],
        Detail,
        Action::SelectTab(Tab::Related),
        "Related tab",
    ),
    b(&[Char(']')], Detail, Action::NextTab, "next tab"),
    b(&[Char('[')], Detail, Action::PrevTab, "previous tab"),
    b(
        &[Char('a')],
        Detail,
        Action::SwitchAccount,
        "other account (meetings reported twice)",
    ),
    b(
        &[Char('c')],
        Detail,
        Action::ToggleCompare,
        "compare the two accounts",
    ),
    b(
        &[Char('/')],
        Detail,
        Action::StartSearch,
        "search in the text",
    ),
    b(&[Char('n')], Detail, Action::NextMatch, "next match"),
    b(&[Char('N')], Detail, Action::PrevMatch, "previous match"),
    b(
        &[Char('y')],
        Detail,
        Action::Copy,
        "copy the fact or paragraph with its citation",
    ),
    // Finder.
    b(
        &[Code(KeyCode::Enter)],
        Finder,
        Action::Accept,
        "filter the timeline by the pick",
    ),
    b(
        &[Code(KeyCode::Esc), Ctrl('c')],
        Finder,
        Action::Close,
        "close",
    ),
    b(
        &[Code(KeyCode::Down), Ctrl('n'), Ctrl('j')],
        Finder,
        Action::Down,
        "next result",
    ),
    b(
        &[Code(KeyCode::Up), Ctrl('p'), Ctrl('k')],
        Finder,
        Action::Up,
        "previous result",
    ),
    b(
        &[Code(KeyCode::PageDown)],
        Finder,
        Action::PageDown,
        "page down",
    ),
    b(&[Code(KeyCode::PageUp)], Finder, Action::PageUp, "page up"),
    b(
        &[Code(KeyCode::Tab)],
        Finder,
        Action::NextKind,
        "next kind (all, # @ ~ : %)",
    ),
    b(
        &[Code(KeyCode::BackTab)],
        Finder,
        Action::PrevKind,
        "previous kind",
    ),
    b(
        &[Code(KeyCode::Backspace)],
        Finder,
        Action::Backspace,
        "delete back",
    ),
    b(
        &[Code(KeyCode::Delete)],
        Finder,
        Action::DeleteForward,
        "delete forward",
    ),
    b(&[Ctrl('w')], Finder, Action::DeleteWord, "delete a word"),
    b(&[Ctrl('u')], Finder, Action::ClearInput, "clear the query"),
    b(
        &[Code(KeyCode::Left)],
        Finder,
        Action::CursorLeft,
        "cursor left",
    ),
    b(
        &[Code(KeyCode::Right)],
        Finder,
        Action::CursorRight,
        "cursor right",
    ),
    b(
        &[Code(KeyCode::Home), Ctrl('a')],
        Finder,
        Action::CursorHome,
        "start of the query",
    ),
    b(
        &[Code(KeyCode::End), Ctrl('e')],
        Finder,
        Action::CursorEnd,
        "end of the query",
    ),
    b(
        &[AnyChar],
        Finder,
        Action::Insert(' '),
        "type the query; # @ ~ : % narrow the kind",
    ),
    // Search prompt.
    b(
        &[Code(KeyCode::Enter)],
        Search,
        Action::Accept,
        "keep the search (n/N to move)",
    ),
    b(
        &[Code(KeyCode::Esc), Ctrl('c')],
        Search,
        Action::Close,
        "cancel the search",
    ),
    b(
        &[Code(KeyCode::Down), Ctrl('n')],
        Search,
        Action::NextMatch,
        "next match",
    ),
    b(
        &[Code(KeyCode::Up), Ctrl('p')],
        Search,
        Action::PrevMatch,
        "previous match",
    ),
    b(
        &[Code(KeyCode::Backspace)],
        Search,
        Action::Backspace,
        "delete back",
    ),
    b(
        &[Code(KeyCode::Delete)],
        Search,
        Action::DeleteForward,
        "delete forward",
    ),
    b(&[Ctrl('w')], Search, Action::DeleteWord, "delete a word"),
    b(&[Ctrl('u')], Search, Action::ClearInput, "clear"),
    b(
        &[Code(KeyCode::Left)],
        Search,
        Action::CursorLeft,
        "cursor left",
    ),
    b(
        &[Code(KeyCode::Right)],
        Search,
        Action::CursorRight,
        "cursor right",
    ),
    b(
        &[Code(KeyCode::Home), Ctrl('a')],
        Search,
        Action::CursorHome,
        "start of the line",
    ),
    b(
        &[Code(KeyCode::End), Ctrl('e')],
        Search,
        Action::CursorEnd,
        "end of the line",
    ),
    b(
        &[AnyChar],
        Search,
        Action::Insert(' '),
        "type; matches show as you type",
    ),
    // Help.
    b(
        &[Code(KeyCode::Esc), Char('?'), Char('q')],
        Help,
        Action::Close,
        "close help",
    ),
    b(
        &[Char('j'), Code(KeyCode::Down)],
        Help,
        Action::Down,
        "scroll down",
    ),
    b(
        &[Char('k'), Code(KeyCode::Up)],
        Help,
        Action::Up,
        "scroll up",
    ),
    b(
        &[Code(KeyCode::PageDown), Char(' ')],
        Help,
        Action::PageDown,
        "page down",
    ),
    b(&[Code(KeyCode::PageUp)], Help, Action::PageUp, "page up"),
    b(&[Char('g'), Code(KeyCode::Home)], Help, Action::Top, "top"),
    b(
        &[Char('G'), Code(KeyCode::End)],
        Help,
        Action::Bottom,
        "bottom",
    ),
];

/// The action bound to a key event in the first of `contexts` that binds it. Key releases
/// (reported by terminals with keyboard enhancement) are ignored.
pub fn action_for(event: &KeyEvent, contexts: &[Context]) -> Option<Action> {
    if event.kind == KeyEventKind::Release {
        return None;
    }
    for context in contexts {
        for binding in KEYMAP.iter().filter(|b| b.context == *context) {
            for key in binding.keys {
                if key.matches(event) {
                    return Some(match (key, event.code) {
                        (Key::AnyChar, KeyCode::Char(c)) => Action::Insert(c),
                        _ => binding.action.clone(),
                    });
                }
            }
        }
    }
    None
}

/// The name of the first key bound to an action in a context (for footer hints).
pub fn key_for(action: &Action, context: Context) -> Option<String> {
    KEYMAP
        .iter()
        .find(|b| b.context == context && b.action == *action)
        .and_then(|b| b.keys.first())
        .map(|k| k.name())
}

#[cfg(test)]
mod tests {
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
}
