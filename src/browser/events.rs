//! Terminal events → actions: keys through the key map in the app's current contexts, resizes
//! as they come, pasted text while a query line is open, the mouse only when it is captured.

use ratatui::crossterm::event::{Event, MouseButton, MouseEventKind};

use crate::app::keymap::action_for as key_action;
use crate::app::{Action, App, Mode};

/// The action a terminal event asks of `app`, if any.
pub fn action_for(app: &App, event: &Event) -> Option<Action> {
    match event {
        Event::Key(key) => key_action(key, app.contexts()),
        Event::Resize(w, h) => Some(Action::Resize(*w, *h)),
        Event::Paste(text)
            if matches!(app.mode(), Mode::Finder | Mode::Search | Mode::CorpusSearch) =>
        {
            Some(Action::Paste(text.clone()))
        }
        Event::Mouse(m) if app.options().mouse => match m.kind {
            MouseEventKind::ScrollDown => Some(Action::Wheel {
                column: m.column,
                row: m.row,
                down: true,
            }),
            MouseEventKind::ScrollUp => Some(Action::Wheel {
                column: m.column,
                row: m.row,
                down: false,
            }),
            MouseEventKind::Down(MouseButton::Left) => Some(Action::Click {
                column: m.column,
                row: m.row,
            }),
            _ => None,
        },
        _ => None,
    }
}
