//! The bridge to the terminal loop: [`App`] as a [`Program`]. Terminal events become actions
//! (keys through the key map), copied text leaves as OSC 52, drawing is [`crate::ui::draw`].

use std::io::Write;

use ratatui::Frame;
use ratatui::crossterm::clipboard::CopyToClipboard;
use ratatui::crossterm::event::{Event, MouseButton, MouseEventKind};
use ratatui::crossterm::execute;

use super::action::Action;
use super::keymap::{Context, action_for};
use super::layout::{Focus, Geometry};
use super::{App, AppOptions, Mode};
use crate::corpus::LoadedCorpus;
use crate::index::Index;
use crate::tui::{Flow, Options, Program, ScrollHint};

/// Where copied text goes.
pub trait ClipboardSink {
    fn copy(&mut self, text: &str) -> std::io::Result<()>;
}

/// Writes OSC 52 straight to the terminal (stdout), outside ratatui's buffer, so the sequence
/// is never mistaken for cell content. Works over SSH; inside tmux with `set-clipboard on`.
pub struct Osc52;

impl ClipboardSink for Osc52 {
    fn copy(&mut self, text: &str) -> std::io::Result<()> {
        let mut out = std::io::stdout();
        execute!(out, CopyToClipboard::to_clipboard_from(text.as_bytes()))?;
        out.flush()
    }
}

/// Runs the browser on a loaded corpus until the user quits: what `entente` without a
/// subcommand does. `NO_COLOR` and the terminal size are read here.
pub fn run(loaded: LoadedCorpus, index: Index, mouse: bool) -> anyhow::Result<()> {
    let mut app = App::new(loaded, index, AppOptions::from_env(mouse));
    crate::tui::run(&mut app, &Options { mouse })
}

impl App {
    /// The key map contexts active in the current mode, most specific first.
    pub fn contexts(&self) -> &'static [Context] {
        match self.mode {
            Mode::Normal => &[Context::Browse, Context::Detail],
            Mode::Finder => &[Context::Finder],
            Mode::Search => &[Context::Search],
            Mode::Help => &[Context::Help],
        }
    }

    /// The action a terminal event asks for, if any.
    pub fn action_for_event(&self, event: &Event) -> Option<Action> {
        match event {
            Event::Key(key) => action_for(key, self.contexts()),
            Event::Resize(w, h) => Some(Action::Resize(*w, *h)),
            Event::Paste(text) if matches!(self.mode, Mode::Finder | Mode::Search) => {
                Some(Action::Paste(text.clone()))
            }
            Event::Mouse(m) if self.options.mouse => match m.kind {
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
}

/// What must stay the same for a change of the detail pane's scroll to be a plain scroll.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct DetailScrollState {
    mode: Mode,
    focus: Focus,
    size: (u16, u16),
    tab: super::action::Tab,
    account: usize,
    compare: bool,
    selected: usize,
    rows: usize,
    width: usize,
    scroll: usize,
}

impl App {
    fn detail_scroll_state(&self) -> DetailScrollState {
        DetailScrollState {
            mode: self.mode,
            focus: self.focus,
            size: self.size,
            tab: self.tab,
            account: self.account,
            compare: self.compare,
            selected: self.timeline.selected,
            rows: self.detail.rows(),
            width: self.detail.width,
            scroll: self.detail.scroll,
        }
    }

    /// The scroll hint for an update, if all it did to the detail pane was scroll it and the
    /// pane spans the full width (terminal scroll regions move whole rows).
    fn detail_scrolled(&self, before: DetailScrollState) -> Option<ScrollHint> {
        let after = self.detail_scroll_state();
        if before.mode != Mode::Normal
            || before
                != (DetailScrollState {
                    scroll: before.scroll,
                    ..after.clone()
                })
        {
            return None;
        }
        let geometry = Geometry::new(self.size.0, self.size.1, self.focus);
        let text = geometry.detail_text();
        let full_width = geometry.detail.x == 0 && geometry.detail.width == self.size.0;
        let lines = i32::try_from(after.scroll).ok()? - i32::try_from(before.scroll).ok()?;
        (geometry.show_detail
            && full_width
            && lines != 0
            && lines.unsigned_abs() < u32::from(text.height))
        .then(|| ScrollHint {
            rows: text.y..text.y + text.height,
            lines,
        })
    }
}

impl Program for App {
    fn handle(&mut self, event: Event) -> Flow {
        let Some(action) = self.action_for_event(&event) else {
            return Flow::Idle;
        };
        let before = self.detail_scroll_state();
        self.update(action);
        let hint = self.detail_scrolled(before);
        self.scroll_hint = match (self.scroll_hint.take(), hint) {
            (Some(pending), Some(hint)) => pending.then(hint),
            (_, hint) => hint,
        };
        // The terminal side of `y`: update produced the text, it leaves here, outside
        // ratatui's buffer.
        if let Some(text) = self.pending_clipboard.take() {
            let result = match self.clipboard.as_mut() {
                Some(sink) => sink.copy(&text),
                None => Osc52.copy(&text),
            };
            if result.is_err() {
                self.update(Action::CopyFailed);
            }
        }
        // The side of `e` that touches the disk: atomically, never over a corpus file (the
        // name is derived from a meeting id, in the current directory).
        if let Some((file, note)) = self.pending_export.take() {
            let action =
                match crate::atomic::write_atomic(std::path::Path::new(&file), note.as_bytes()) {
                    Ok(()) => Action::Exported(file),
                    Err(e) => Action::ExportFailed(format!("{e:#}")),
                };
            self.update(action);
        }
        if self.quit { Flow::Quit } else { Flow::Redraw }
    }

    fn draw(&self, frame: &mut Frame) {
        crate::ui::draw(self, frame);
    }

    fn busy(&self) -> bool {
        self.worker.busy()
    }

    fn scroll_hint(&mut self) -> Option<ScrollHint> {
        self.scroll_hint.take()
    }

    fn poll_background(&mut self) -> bool {
        if !self.worker.ready() {
            return false;
        }
        self.update(Action::TakeResults);
        true
    }
}
