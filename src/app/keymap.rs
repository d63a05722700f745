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
            (Key::Ctrl(c), KeyCode::Char(e)) => {
                ctrl && !alt && (c == e.to_ascii_lowercase() || legacy_ctrl(c) == Some(e))
            }
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

/// The character a terminal without keyboard enhancement reports, with Ctrl, for Ctrl and a
/// punctuation key: the control bytes 0x1C to 0x1F arrive as Ctrl-4 to Ctrl-7 (crossterm's
/// reading of them), so `Ctrl-]` (0x1D) arrives as Ctrl-5.
fn legacy_ctrl(c: char) -> Option<char> {
    match c {
        '\\' => Some('4'),
        ']' => Some('5'),
        '^' => Some('6'),
        '_' => Some('7'),
        _ => None,
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
    /// The search across every text is open (`/` from the timeline).
    CorpusSearch,
    /// The topic matrix is open.
    Matrix,
}

impl Context {
    /// Every context, in the order help lists them.
    pub const ALL: [Context; 7] = [
        Context::Browse,
        Context::Detail,
        Context::Finder,
        Context::Search,
        Context::CorpusSearch,
        Context::Help,
        Context::Matrix,
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

use Context::{Browse, CorpusSearch, Detail, Finder, Help, Matrix, Search};
use Key::{AnyChar, Char, Code, Ctrl};

// Named keys, so that the table below reads as a table.
const UP: Key = Code(KeyCode::Up);
const DOWN: Key = Code(KeyCode::Down);
const LEFT: Key = Code(KeyCode::Left);
const RIGHT: Key = Code(KeyCode::Right);
const PGUP: Key = Code(KeyCode::PageUp);
const PGDN: Key = Code(KeyCode::PageDown);
const HOME: Key = Code(KeyCode::Home);
const END: Key = Code(KeyCode::End);
const ENTER: Key = Code(KeyCode::Enter);
const ESC: Key = Code(KeyCode::Esc);
const TAB: Key = Code(KeyCode::Tab);
const BACKTAB: Key = Code(KeyCode::BackTab);
const BACKSPACE: Key = Code(KeyCode::Backspace);
const DELETE: Key = Code(KeyCode::Delete);

/// Every key the browser knows.
#[rustfmt::skip]
pub static KEYMAP: &[Binding] = &[
    // Browsing.
    b(&[Char('q'), Ctrl('c')],           Browse, Action::Quit,          "quit"),
    b(&[Char('j'), DOWN],                Browse, Action::Down,          "next line"),
    b(&[Char('k'), UP],                  Browse, Action::Up,            "previous line"),
    b(&[PGDN, Ctrl('f'), Char(' ')],     Browse, Action::PageDown,      "page down"),
    b(&[PGUP, Ctrl('b')],                Browse, Action::PageUp,        "page up"),
    b(&[Ctrl('d')],                      Browse, Action::HalfPageDown,  "half a page down"),
    b(&[Ctrl('u')],                      Browse, Action::HalfPageUp,    "half a page up"),
    b(&[Char('g'), HOME],                Browse, Action::Top,           "first line"),
    b(&[Char('G'), END],                 Browse, Action::Bottom,        "last line"),
    b(&[TAB, BACKTAB],                   Browse, Action::SwitchPane,    "switch pane"),
    b(&[Char('h'), LEFT],                Browse, Action::FocusTimeline, "focus the timeline"),
    b(&[Char('l'), RIGHT],               Browse, Action::FocusDetail,   "focus the detail"),
    b(&[ENTER],                          Browse, Action::Activate,      "open: entry, cited paragraph, related meeting"),
    b(&[ESC],                            Browse, Action::ClearFilter,   "clear the search, else the filter"),
    b(&[Char('f'), Ctrl('p')],           Browse, Action::OpenFinder,    "find a topic, organisation, person, meeting or place"),
    b(&[Char('?')],                      Browse, Action::OpenHelp,      "this help"),
    b(&[Ctrl('z')],                      Browse, Action::Suspend,       "suspend to the shell (fg resumes)"),
    b(&[BACKSPACE, Ctrl('o')],           Browse, Action::Back,          "back to where the last jump left"),
    b(&[Ctrl(']'), Ctrl('i')],           Browse, Action::Forward,       "forward again (Ctrl-I only where told apart from Tab)"),
    // Detail.
    b(&[Char('1')],                      Detail, Action::SelectTab(Tab::Overview), "Overview tab"),
    b(&[Char('2')],                      Detail, Action::SelectTab(Tab::Text),     "Text tab"),
    b(&[Char('3')],                      Detail, Action::SelectTab(Tab::Related),  "Related tab"),
    b(&[Char(']')],                      Detail, Action::NextTab,       "next tab"),
    b(&[Char('[')],                      Detail, Action::PrevTab,       "previous tab"),
    b(&[Char('a')],                      Detail, Action::SwitchAccount, "other account (meetings reported twice)"),
    b(&[Char('c')],                      Detail, Action::ToggleCompare, "compare the two accounts"),
    b(&[Char('/')],                      Detail, Action::StartSearch,   "search all texts (timeline) or this text (detail)"),
    b(&[Char('n')],                      Detail, Action::NextMatch,     "next match, or next hit across texts"),
    b(&[Char('N')],                      Detail, Action::PrevMatch,     "previous match, or previous hit across texts"),
    b(&[Char('y')],                      Detail, Action::Copy,          "copy the fact or paragraph with its citation"),
    b(&[Char('Y')],                      Detail, Action::CopyToFile,    "write that copy to a new file (no clipboard)"),
    b(&[Char('e')],                      Detail, Action::Export,        "write a briefing note to a new ./entente-ID.md"),
    // Finder.
    b(&[ENTER],                          Finder, Action::Accept,        "filter the timeline by the pick"),
    b(&[ESC, Ctrl('c')],                 Finder, Action::Close,         "close"),
    b(&[DOWN, Ctrl('n'), Ctrl('j')],     Finder, Action::Down,          "next result"),
    b(&[UP, Ctrl('p'), Ctrl('k')],       Finder, Action::Up,            "previous result"),
    b(&[PGDN],                           Finder, Action::PageDown,      "page down"),
    b(&[PGUP],                           Finder, Action::PageUp,        "page up"),
    b(&[TAB],                            Finder, Action::NextKind,      "next kind (all, # @ ~ : %)"),
    b(&[BACKTAB],                        Finder, Action::PrevKind,      "previous kind"),
    b(&[BACKSPACE],                      Finder, Action::Backspace,     "delete back"),
    b(&[DELETE],                         Finder, Action::DeleteForward, "delete forward"),
    b(&[Ctrl('w')],                      Finder, Action::DeleteWord,    "delete a word"),
    b(&[Ctrl('u')],                      Finder, Action::ClearInput,    "clear the query"),
    b(&[LEFT],                           Finder, Action::CursorLeft,    "cursor left"),
    b(&[RIGHT],                          Finder, Action::CursorRight,   "cursor right"),
    b(&[HOME, Ctrl('a')],                Finder, Action::CursorHome,    "start of the query"),
    b(&[END, Ctrl('e')],                 Finder, Action::CursorEnd,     "end of the query"),
    b(&[AnyChar],                        Finder, Action::Insert(' '),   "type the query; # @ ~ : % narrow the kind"),
    b(&[Ctrl('z')],                      Finder, Action::Suspend,       "suspend to the shell"),
    // Search prompt.
    b(&[ENTER],                          Search, Action::Accept,        "keep the search (n/N to move)"),
    b(&[ESC, Ctrl('c')],                 Search, Action::Close,         "cancel the search"),
    b(&[DOWN, Ctrl('n')],                Search, Action::NextMatch,     "next match"),
    b(&[UP, Ctrl('p')],                  Search, Action::PrevMatch,     "previous match"),
    b(&[BACKSPACE],                      Search, Action::Backspace,     "delete back"),
    b(&[DELETE],                         Search, Action::DeleteForward, "delete forward"),
    b(&[Ctrl('w')],                      Search, Action::DeleteWord,    "delete a word"),
    b(&[Ctrl('u')],                      Search, Action::ClearInput,    "clear"),
    b(&[LEFT],                           Search, Action::CursorLeft,    "cursor left"),
    b(&[RIGHT],                          Search, Action::CursorRight,   "cursor right"),
    b(&[HOME, Ctrl('a')],                Search, Action::CursorHome,    "start of the line"),
    b(&[END, Ctrl('e')],                 Search, Action::CursorEnd,     "end of the line"),
    b(&[AnyChar],                        Search, Action::Insert(' '),   "type; matches show as you type"),
    b(&[Ctrl('z')],                      Search, Action::Suspend,       "suspend to the shell"),
    // Search across every text.
    b(&[ENTER],                          CorpusSearch, Action::Accept,        "open the paragraph (n/N walk the hits)"),
    b(&[ESC, Ctrl('c')],                 CorpusSearch, Action::Close,         "close the search"),
    b(&[DOWN, Ctrl('n')],                CorpusSearch, Action::Down,          "next hit"),
    b(&[UP, Ctrl('p')],                  CorpusSearch, Action::Up,            "previous hit"),
    b(&[PGDN],                           CorpusSearch, Action::PageDown,      "page down"),
    b(&[PGUP],                           CorpusSearch, Action::PageUp,        "page up"),
    b(&[BACKSPACE],                      CorpusSearch, Action::Backspace,     "delete back"),
    b(&[DELETE],                         CorpusSearch, Action::DeleteForward, "delete forward"),
    b(&[Ctrl('w')],                      CorpusSearch, Action::DeleteWord,    "delete a word"),
    b(&[Ctrl('u')],                      CorpusSearch, Action::ClearInput,    "clear the query"),
    b(&[LEFT],                           CorpusSearch, Action::CursorLeft,    "cursor left"),
    b(&[RIGHT],                          CorpusSearch, Action::CursorRight,   "cursor right"),
    b(&[HOME, Ctrl('a')],                CorpusSearch, Action::CursorHome,    "start of the query"),
    b(&[END, Ctrl('e')],                 CorpusSearch, Action::CursorEnd,     "end of the query"),
    b(&[AnyChar],                        CorpusSearch, Action::Insert(' '),   "type words or a \"quoted phrase\""),
    b(&[Ctrl('z')],                      CorpusSearch, Action::Suspend,       "suspend to the shell"),
    // Help.
    b(&[ESC, Ctrl('c'), Char('?'), Char('q')], Help, Action::Close,   "close help"),
    b(&[Char('j'), DOWN],                Help,   Action::Down,          "scroll down"),
    b(&[Char('k'), UP],                  Help,   Action::Up,            "scroll up"),
    b(&[PGDN, Ctrl('f'), Char(' ')],     Help,   Action::PageDown,      "page down"),
    b(&[PGUP, Ctrl('b')],                Help,   Action::PageUp,        "page up"),
    b(&[Ctrl('d')],                      Help,   Action::HalfPageDown,  "half a page down"),
    b(&[Ctrl('u')],                      Help,   Action::HalfPageUp,    "half a page up"),
    b(&[Char('g'), HOME],                Help,   Action::Top,           "top"),
    b(&[Char('G'), END],                 Help,   Action::Bottom,        "bottom"),
    b(&[Ctrl('z')],                      Help,   Action::Suspend,       "suspend to the shell"),
    // Topic matrix.
    b(&[Char('m')],                      Browse, Action::OpenMatrix,    "topic matrix: which topics each meeting discussed"),
    b(&[Char('j'), DOWN],                Matrix, Action::Down,          "next topic"),
    b(&[Char('k'), UP],                  Matrix, Action::Up,            "previous topic"),
    b(&[Char('l'), RIGHT],               Matrix, Action::ColumnRight,   "next meeting"),
    b(&[Char('h'), LEFT],                Matrix, Action::ColumnLeft,    "previous meeting"),
    b(&[PGDN, Ctrl('d'), Char(' ')],     Matrix, Action::PageDown,      "page down"),
    b(&[PGUP, Ctrl('u')],                Matrix, Action::PageUp,        "page up"),
    b(&[Char('g'), HOME],                Matrix, Action::Top,           "first topic"),
    b(&[Char('G'), END],                 Matrix, Action::Bottom,        "last topic"),
    b(&[ENTER],                          Matrix, Action::Activate,      "open the meeting at the cited paragraph"),
    b(&[ESC, Char('q'), Char('m'), Ctrl('c')], Matrix, Action::Close,   "close the matrix"),
    b(&[Ctrl('z')],                      Matrix, Action::Suspend,       "suspend to the shell"),
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
mod tests;
