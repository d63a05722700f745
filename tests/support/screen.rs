//! Drawing the browser headless: an [`App`] on the fixture, the built-in or any corpus, keys
//! typed through its key map, and the screen rendered on ratatui's `TestBackend` as plain text
//! lines.

#![allow(dead_code)] // Helpers serve several suites; each suite uses a subset.

use entente::app::strings::Lang;
use entente::app::{App, AppOptions};
use entente::corpus::{LoadedCorpus, builtin};
use entente::index::Index;
use entente::ui;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};
use unicode_width::UnicodeWidthStr;

/// An app on a loaded corpus at a terminal size.
pub fn app_on(loaded: LoadedCorpus, width: u16, height: u16, monochrome: bool) -> App {
    app_in(loaded, width, height, monochrome, Lang::En)
}

/// An app on a loaded corpus at a terminal size, its interface in `lang`.
pub fn app_in(loaded: LoadedCorpus, width: u16, height: u16, monochrome: bool, lang: Lang) -> App {
    let index = Index::build(&loaded.corpus);
    let options = AppOptions {
        monochrome,
        ascii: false,
        mouse: true,
        size: (width, height),
        lang,
    };
    App::new(loaded, index, options)
}

/// An app on the small fixture corpus.
pub fn fixture_app(width: u16, height: u16) -> App {
    app_on(super::fixture::load(), width, height, false)
}

/// An app on the small fixture corpus with a Korean interface.
pub fn korean_fixture_app(width: u16, height: u16) -> App {
    app_in(super::fixture::load(), width, height, false, Lang::Ko)
}

/// An app on the built-in corpus.
pub fn builtin_app(width: u16, height: u16) -> App {
    app_on(
        builtin::load().expect("the built-in corpus loads"),
        width,
        height,
        false,
    )
}

/// Sends one key event through the app's key map.
pub fn key(app: &mut App, code: KeyCode, modifiers: KeyModifiers) {
    let event = Event::Key(KeyEvent::new(code, modifiers));
    if let Some(action) = entente::browser::action_for(app, &event) {
        app.update(action);
    }
}

/// Types text key by key; `⏎` is Enter, `⎋` Esc, `⇥` Tab.
pub fn keys(app: &mut App, text: &str) {
    for c in text.chars() {
        match c {
            '⏎' => key(app, KeyCode::Enter, KeyModifiers::NONE),
            '⎋' => key(app, KeyCode::Esc, KeyModifiers::NONE),
            '⇥' => key(app, KeyCode::Tab, KeyModifiers::NONE),
            '⌫' => key(app, KeyCode::Backspace, KeyModifiers::NONE),
            c if c.is_uppercase() => key(app, KeyCode::Char(c), KeyModifiers::SHIFT),
            c => key(app, KeyCode::Char(c), KeyModifiers::NONE),
        }
    }
}

/// Draws the app on a fresh `TestBackend` of its size; returns the backend.
pub fn render(app: &App, width: u16, height: u16) -> TestBackend {
    let mut terminal = Terminal::new(TestBackend::new(width, height)).expect("test terminal");
    terminal
        .draw(|f| entente::tui::draw_in_frame(f, |c| ui::draw(app, c)))
        .expect("draw");
    terminal.backend().clone()
}

/// The buffer as text: one line per row, wide characters once, trailing spaces trimmed.
pub fn text_of(buffer: &Buffer) -> String {
    let width = usize::from(buffer.area.width).max(1);
    let mut out = String::new();
    for cells in buffer.content.chunks(width) {
        let mut line = String::new();
        let mut skip = 0u16;
        for c in cells {
            if skip == 0 {
                line.push_str(c.symbol());
            }
            let w = u16::try_from(UnicodeWidthStr::width(c.symbol())).unwrap_or(1);
            skip = skip.max(w).saturating_sub(1);
        }
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
}

/// The screen as text, with the terminal cursor's position when it is shown.
pub fn screen(app: &App, width: u16, height: u16) -> String {
    let backend = render(app, width, height);
    let mut s = text_of(backend.buffer());
    if backend.cursor_visible() {
        let p = backend.cursor_position();
        s.push_str(&format!("[cursor at column {}, row {}]\n", p.x, p.y));
    }
    s
}
