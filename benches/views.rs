//! Drawing one frame of each view at 200x50 on ratatui's `TestBackend`: timeline + overview,
//! text, related, the finder open with a query, help. Target (issue 5): within 2 ms a frame.
//!
//! The terminal is kept between iterations, as the event loop keeps it, so each iteration is
//! what one `draw` costs: building the widgets, rendering into the buffer, diffing it against
//! the previous frame (unchanged here, so the backend receives nothing).

use std::hint::black_box;
use std::time::Duration;

use criterion::{Criterion, criterion_group, criterion_main};
use entente::app::{App, AppOptions};
use entente::corpus::builtin;
use entente::index::Index;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};

const SIZE: (u16, u16) = (200, 50);

/// (name, keys typed from the start screen).
const VIEWS: &[(&str, &str)] = &[
    ("timeline+overview", ""),
    ("text", "2"),
    ("related", "3"),
    ("finder-query", "fcyber dia"),
    ("help", "?"),
];

fn app() -> App {
    let loaded = builtin::load().expect("the built-in corpus loads");
    let index = Index::build(&loaded.corpus);
    let options = AppOptions {
        monochrome: false,
        ascii: false,
        mouse: false,
        size: SIZE,
        ..AppOptions::default()
    };
    App::new(loaded, index, options)
}

fn type_keys(app: &mut App, keys: &str) {
    for c in keys.chars() {
        let event = Event::Key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE));
        if let Some(action) = entente::browser::action_for(app, &event) {
            app.update(action);
        }
    }
}

fn bench_views(c: &mut Criterion) {
    let mut group = c.benchmark_group("draw-200x50");
    for (name, keys) in VIEWS {
        let mut app = app();
        type_keys(&mut app, keys);
        let mut terminal = Terminal::new(TestBackend::new(SIZE.0, SIZE.1)).expect("terminal");
        group.bench_function(*name, |b| {
            b.iter(|| {
                terminal
                    .draw(|frame| {
                        entente::tui::draw_in_frame(frame, |canvas| entente::ui::draw(&app, canvas))
                    })
                    .expect("draw");
                black_box(&terminal);
            })
        });
    }
    group.finish();
}

fn config() -> Criterion {
    Criterion::default()
        .sample_size(30)
        .warm_up_time(Duration::from_millis(300))
        .measurement_time(Duration::from_secs(1))
}

criterion_group! {
    name = benches;
    config = config();
    targets = bench_views
}
criterion_main!(benches);
