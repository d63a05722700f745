//! The whole vocabulary of the browser: every change of state is one [`Action`].
//!
//! Keys become actions through the key map table ([`super::keymap`]); the browser module
//! turns mouse, paste and resize events into actions. [`App::update`](super::App::update) is
//! the only place an action changes state.

/// A detail tab.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Tab {
    /// Facts about the selected entry, with citations.
    Overview,
    /// The full text of an account, with paragraph numbers.
    Text,
    /// Other meetings sharing topics, organisations or people.
    Related,
}

impl Tab {
    /// All tabs, in their order on screen.
    pub const ALL: [Tab; 3] = [Tab::Overview, Tab::Text, Tab::Related];

    /// Position in [`Tab::ALL`].
    pub fn position(self) -> usize {
        match self {
            Tab::Overview => 0,
            Tab::Text => 1,
            Tab::Related => 2,
        }
    }
}

/// One thing the user (or the terminal) asks the browser to do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Action {
    /// Leave the browser.
    Quit,
    /// Suspend the browser (as Ctrl-Z does in a shell); `fg` resumes it, redrawn.
    Suspend,
    /// Move the cursor one line down in the focused pane (or list).
    Down,
    /// Move the cursor one line up in the focused pane (or list).
    Up,
    /// Move one page down in the focused pane.
    PageDown,
    /// Move one page up in the focused pane.
    PageUp,
    /// Go to the first line of the focused pane.
    Top,
    /// Go to the last line of the focused pane.
    Bottom,
    /// Switch focus to the other pane (in a narrow terminal: show the other pane).
    SwitchPane,
    /// Focus the timeline pane.
    FocusTimeline,
    /// Focus the detail pane.
    FocusDetail,
    /// Show a detail tab.
    SelectTab(Tab),
    /// Show the next detail tab.
    NextTab,
    /// Show the previous detail tab.
    PrevTab,
    /// Open what is under the cursor: an entry, a citation's paragraph, a related meeting.
    Activate,
    /// Clear the search highlights if any, else the timeline filter.
    ClearFilter,
    /// Show the other account of a meeting reported twice.
    SwitchAccount,
    /// Toggle the comparison of two accounts.
    ToggleCompare,
    /// Copy the current fact or paragraph with its citation to the clipboard (OSC 52).
    Copy,
    /// Write a Markdown briefing note of the selected meeting to the current directory.
    Export,
    /// The briefing note was written to this file (the terminal side reports back).
    Exported(String),
    /// The briefing note could not be written: the error, for the status line.
    ExportFailed(String),
    /// Open the fuzzy finder overlay.
    OpenFinder,
    /// Open the help overlay.
    OpenHelp,
    /// Start a search in the account text.
    StartSearch,
    /// Go to the next search match.
    NextMatch,
    /// Go to the previous search match.
    PrevMatch,
    /// Close the overlay or prompt on top (finder, help, search) without acting.
    Close,
    /// Accept the finder pick or keep the search.
    Accept,
    /// Cycle the finder's kind filter forwards (all → topics → … → places).
    NextKind,
    /// Cycle the finder's kind filter backwards.
    PrevKind,
    /// Type one character into the input line.
    Insert(char),
    /// Insert pasted text into the input line.
    Paste(String),
    /// Delete the character before the input cursor.
    Backspace,
    /// Delete the character under the input cursor.
    DeleteForward,
    /// Delete the word before the input cursor.
    DeleteWord,
    /// Clear the input line.
    ClearInput,
    /// Move the input cursor one character left.
    CursorLeft,
    /// Move the input cursor one character right.
    CursorRight,
    /// Move the input cursor to the start of the line.
    CursorHome,
    /// Move the input cursor to the end of the line.
    CursorEnd,
    /// The terminal now has this many columns and rows.
    Resize(u16, u16),
    /// Mouse wheel at a cell: scroll the pane under the pointer (down when true).
    Wheel { column: u16, row: u16, down: bool },
    /// Mouse click at a cell: select a timeline row or a tab.
    Click { column: u16, row: u16 },
    // Navigation habits (history, half pages).
    /// Return to the place the last jump left (`Backspace`, `Ctrl-O`).
    Back,
    /// Undo a [`Action::Back`] (`Ctrl-I` where the terminal tells it from Tab, `Ctrl-]`).
    Forward,
    /// Move half a page down in the focused pane (less and vim's Ctrl-D).
    HalfPageDown,
    /// Move half a page up in the focused pane (less and vim's Ctrl-U).
    HalfPageUp,
    // Copying (`y`, `Y`): where the text went, as the terminal side reports it.
    /// Write the text `y` would copy to a new file in the current directory: the fallback
    /// where no clipboard is reachable (plain SSH to a terminal without OSC 52).
    CopyToFile,
    /// The copied text was delivered (the terminal side reports where).
    Copied(CopyDestination),
    /// The copied text could not be delivered: the error, for the status line.
    CopyFailed(String),
    // The topic matrix (`m`).
    /// Open the topic matrix: which topics the meetings of the filtered timeline discussed.
    OpenMatrix,
    /// Move the matrix cursor one meeting to the left.
    ColumnLeft,
    /// Move the matrix cursor one meeting to the right.
    ColumnRight,
    /// A background worker's answer to the finder query of `generation`; dropped unless that
    /// is still the newest query.
    FinderResults {
        generation: u64,
        results: crate::search::fuzzy::Results,
    },
}

/// Where copied text went.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CopyDestination {
    /// The terminal's clipboard, by OSC 52 (whether the terminal honours it, nothing says).
    Osc52,
    /// tmux's paste buffer (`tmux load-buffer -w`), and the clipboard by OSC 52.
    TmuxAndOsc52,
    /// A new file, by this name.
    File(String),
}
