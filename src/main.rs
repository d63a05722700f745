//! Placeholder entry point (to be replaced by the real CLI): a tiny full-screen program that
//! draws a border titled "entente" and the last key pressed, so the terminal layer can be
//! tested end to end. `q` quits; `--mouse` turns on mouse capture. `--browse` starts the
//! browser on the built-in corpus instead (a stop-gap until the CLI lands).

use std::io::{self, Write};
use std::process::ExitCode;

use entente::tui::{self, Flow, Options, Program};
use ratatui::Frame;
use ratatui::crossterm::event::{Event, KeyCode, KeyEventKind};
use ratatui::widgets::{Block, Paragraph};

/// What the placeholder shows: a description of the last input.
struct Placeholder {
    last: String,
}

impl Program for Placeholder {
    fn handle(&mut self, event: Event) -> Flow {
        self.last = match event {
            Event::Key(key) if key.kind != KeyEventKind::Press => return Flow::Idle,
            Event::Key(key) if key.code == KeyCode::Char('q') => return Flow::Quit,
            Event::Key(key) if key.modifiers.is_empty() => format!("last key: {}", key.code),
            Event::Key(key) => format!("last key: {}+{}", key.modifiers, key.code),
            Event::Paste(text) => format!("pasted {} chars", text.chars().count()),
            Event::Mouse(mouse) => format!("mouse: {:?}", mouse.kind),
            // The text stays: a resize arriving after a key must not hide that key.
            Event::Resize(..) => return Flow::Redraw,
            Event::FocusGained | Event::FocusLost => return Flow::Idle,
        };
        Flow::Redraw
    }

    fn draw(&self, frame: &mut Frame) {
        let text = Paragraph::new(self.last.as_str()).block(Block::bordered().title("entente"));
        frame.render_widget(text, frame.area());
    }
}

/// The browser on the built-in corpus (`--browse`), until the real CLI starts it.
fn browse(options: &Options) -> anyhow::Result<()> {
    let loaded = entente::corpus::builtin::load()
        .map_err(|p| anyhow::anyhow!("the built-in corpus is invalid: {p:?}"))?;
    let index = entente::index::Index::build(&loaded.corpus);
    entente::app::run(loaded, index, options.mouse)
}

fn main() -> ExitCode {
    let options = Options {
        mouse: std::env::args().skip(1).any(|arg| arg == "--mouse"),
    };
    let mut program = Placeholder {
        last: "press a key (q quits)".into(),
    };
    let result = if std::env::args().skip(1).any(|arg| arg == "--browse") {
        browse(&options)
    } else {
        tui::run(&mut program, &options)
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => {
            // The terminal is restored by now; stderr may still be gone, so never panic here.
            let _ = writeln!(io::stderr(), "entente: {err:#}");
            ExitCode::FAILURE
        }
    }
}
