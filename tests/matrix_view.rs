//! The browser's topic matrix (`m`) on the fixture corpus, headless: snapshots at 80x24 and
//! 200x50, moving on both axes, Enter opening the cited paragraph, the filter choosing the
//! columns, and the view covering the whole screen. Review snapshot changes with
//! `INSTA_UPDATE=always CI= cargo test --test integration matrix_view`.

use entente::app::{App, Mode, Tab};
use entente::index::{EntryRef, Filter, Index};
use entente::matrix::Matrix;

use crate::support::fixture;
use crate::support::screen::{fixture_app, keys, korean_fixture_app, screen};

/// (name, keys). The matrix opens with the cursor on the first topic (Data governance) at the
/// newest meeting (D3 2024).
const SCENARIOS: &[(&str, &str)] = &[
    ("matrix", "m"),
    // Down to "Cross-border data flows", left to D1 2018.
    ("matrix_moved", "mjhhh"),
    // Filtered by a topic first: only the meetings that discussed cyber resilience.
    ("matrix_filtered", "f#resilience⏎m"),
];

const SIZES: [(u16, u16); 2] = [(80, 24), (200, 50)];

#[test]
fn matrix_screens() {
    for (name, typed) in SCENARIOS {
        for (w, h) in SIZES {
            let mut app = fixture_app(w, h);
            keys(&mut app, typed);
            app.check_invariants().unwrap();
            assert_eq!(app.mode(), Mode::Matrix, "{name}");
            insta::assert_snapshot!(format!("{name}_{w}x{h}"), screen(&app, w, h));
        }
    }
}

#[test]
fn korean_matrix_screens() {
    for (w, h) in SIZES {
        let mut app = korean_fixture_app(w, h);
        keys(&mut app, "mjhhh");
        let s = screen(&app, w, h);
        assert!(s.starts_with(" 주제 매트릭스"), "{s}");
        for line in s.lines() {
            assert!(
                unicode_width::UnicodeWidthStr::width(line) <= usize::from(w),
                "{line}"
            );
        }
        insta::assert_snapshot!(format!("ko_matrix_moved_{w}x{h}"), s);
    }
}

#[test]
fn the_matrix_covers_the_panes_and_has_frozen_headers() {
    let mut app = fixture_app(80, 24);
    keys(&mut app, "m");
    let s = screen(&app, 80, 24);
    let lines: Vec<&str> = s.lines().collect();
    assert!(
        lines[0].contains("Topic matrix") && lines[0].ends_with("1/7"),
        "{s}"
    );
    for label in ["D1 2018", "D2 2020", "S1 2022", "D3 2024"] {
        assert!(lines[1].contains(label), "{s}");
    }
    assert!(!s.contains('┃'), "a pane's border shows through:\n{s}");
    assert!(
        lines[23].contains("● EU and ROK") && lines[23].contains("Esc close"),
        "{s}"
    );
    assert!(lines[22].contains("D3 2024 · Data governance"), "{s}");
}

#[test]
fn scrolling_keeps_the_headers_and_the_cursor_in_view() {
    // Eight rows leave room for four topics, and 40 columns for two meetings.
    let mut app = fixture_app(40, 8);
    keys(&mut app, "mGhhh");
    let s = screen(&app, 40, 8);
    let lines: Vec<&str> = s.lines().collect();
    assert!(
        lines[1].contains("D1 2018") && !lines[1].contains("D3 2024"),
        "{s}"
    );
    assert!(lines[1].contains('›'), "more meetings to the right:\n{s}");
    assert!(s.contains("Quantum standards"), "{s}");
    assert!(
        !s.contains("Data governance"),
        "scrolled past the first topic:\n{s}"
    );
    keys(&mut app, "gll");
    let s = screen(&app, 40, 8);
    let header = s.lines().nth(1).unwrap_or_default();
    assert!(s.contains("Data governance"), "{s}");
    assert!(header.contains('‹') && header.contains("S1 2022"), "{s}");
    app.check_invariants().unwrap();
}

#[test]
fn enter_opens_the_meeting_at_the_cited_paragraph() {
    let loaded = fixture::load();
    let index = Index::build(&loaded.corpus);
    let model = Matrix::build(&loaded.corpus, &index, &Filter::default());
    let mut app = fixture_app(80, 24);
    // Cross-border data flows at D1 2018.
    keys(&mut app, "mjhhh⏎");
    let row = model
        .rows
        .iter()
        .position(|r| r.topic == "cross-border-data")
        .unwrap();
    assert_eq!(row, 1);
    let cell = model
        .cell(row, 0)
        .expect("discussed at the 1st Data Dialogue");
    let meeting = model.columns[0].meeting;
    assert_eq!(app.mode(), Mode::Normal);
    assert_eq!(app.selected(), Some(EntryRef::Meeting(meeting)));
    assert_eq!(app.tab(), Tab::Text);
    assert_eq!(app.highlight(), cell.first_paragraph());
    let s = screen(&app, 80, 24);
    assert!(s.contains("exchanged views on data governance"), "{s}");
}

#[test]
fn enter_on_an_empty_cell_stays_and_esc_closes() {
    let mut app = fixture_app(80, 24);
    // Data governance at D2 2020: not recorded.
    keys(&mut app, "mh⏎");
    assert_eq!(app.mode(), Mode::Matrix);
    keys(&mut app, "⎋");
    assert_eq!(app.mode(), Mode::Normal);
    keys(&mut app, "mq");
    assert_eq!(
        app.mode(),
        Mode::Normal,
        "q closes the matrix, not the browser"
    );
}

#[test]
fn ascii_mode_uses_ascii_glyphs() {
    let loaded = fixture::load();
    let index = Index::build(&loaded.corpus);
    let options = entente::app::AppOptions {
        ascii: true,
        size: (80, 24),
        ..entente::app::AppOptions::default()
    };
    let mut app = App::new(loaded, index, options);
    keys(&mut app, "m");
    let s = screen(&app, 80, 24);
    assert!(s.is_ascii(), "{s}");
    assert!(s.lines().any(|l| l.starts_with(" B EU and ROK")), "{s}");
}
