//! Where copied text goes: the terminal's clipboard by default (OSC 52), anything else in
//! tests.

use std::io::Write;

use ratatui::crossterm::clipboard::CopyToClipboard;
use ratatui::crossterm::execute;

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
