//! Whole-screen snapshots of the browser on the small fixture corpus (`tests/fixtures/small/`),
//! at 80x24 and 120x40: each scenario is a key sequence typed through the key map, then the
//! screen as text (insta). The built-in corpus has no snapshot, so adding to the record changes
//! none. Review changes with `INSTA_UPDATE=always cargo test snapshots` and read the .snap files.

use ratatui::style::Color;

use crate::support::fixture;
use entente::app::strings::Lang;
use unicode_width::UnicodeWidthStr;

use crate::support::screen::{
    app_in, app_on, fixture_app, keys, korean_fixture_app, render, screen,
};

/// (name, keys): `⏎` Enter, `⎋` Esc, `⇥` Tab, `⌫` Backspace. The browser opens on the 3rd Data Dialogue,
/// the latest meeting, reported by an EU and a ROK account.
const SCENARIOS: &[(&str, &str)] = &[
    ("start", ""),
    ("overview", "l"),
    ("overview_scrolled", "ljjjjjjjjjjjj"),
    // The planned 4th Data Dialogue, the entry after the 3rd.
    ("event_overview", "hjl"),
    // The Standards Council: a day without a year in its source, the year inferred.
    ("inferred_date_overview", "f:standards council⏎"),
    ("text", "2"),
    ("text_rok_account", "a"),
    ("citation_jump", "ljjjjjjjjj⏎"),
    ("compare", "c"),
    ("related", "3"),
    ("finder_query", "fkdsa"),
    ("finder_prefix", "f#data"),
    ("finder_recent_first", "fgeneva⏎f"),
    // "Aurora" is only in the ROK account: the search moves to it.
    ("search_typing", "l/aurora"),
    ("search_no_match", "l/zzyzx"),
    ("search_kept", "l/resilience⏎nn"),
    ("help", "?"),
    ("help_scrolled", "?jjjjjjjjjjjjjjjjjjjj"),
    ("filter_topic", "f#resilience⏎"),
    ("filter_cleared", "f#resilience⏎⎋"),
    // Navigation: back from a citation jump to the Overview line it left; the timeline's
    // position at its end.
    ("citation_back", "ljjjjjjjjj⏎⌫"),
    // Queries longer than their field scroll sideways: the end typed, and the cursor, show.
    (
        "finder_long_query",
        "fcross border data flows between the european union and the republic of korea",
    ),
    (
        "search_long_query",
        "2/resilience of data centres against attacks in the european union and korea",
    ),
    ("timeline_end", "G"),
];

const SIZES: [(u16, u16); 2] = [(80, 24), (120, 40)];

#[test]
fn screens() {
    for (name, typed) in SCENARIOS {
        for (w, h) in SIZES {
            let mut app = fixture_app(w, h);
            keys(&mut app, typed);
            app.check_invariants().unwrap();
            insta::assert_snapshot!(format!("{name}_{w}x{h}"), screen(&app, w, h));
        }
    }
}

/// The fixture's timeline fits 80x24 and 120x40, so its scrollbar and sticky year heading
/// show in shorter terminals: at the end of the timeline, half-way down, and after the wheel
/// scrolled the top row onto an entry whose year heading went out of view (the heading stays,
/// sticky, above it).
#[test]
fn sticky_year_screens() {
    use entente::app::Action;
    for (name, typed, wheel) in [
        ("sticky_year_end", "G", false),
        ("sticky_year_middle", "gjjjj", false),
        ("sticky_year_wheel", "g", true),
    ] {
        for (w, h) in [(80, 11), (120, 11)] {
            let mut app = fixture_app(w, h);
            keys(&mut app, typed);
            if wheel {
                app.update(Action::Wheel {
                    column: 5,
                    row: 3,
                    down: true,
                });
                assert!(app.timeline().sticky_year().is_some());
            }
            app.check_invariants().unwrap();
            insta::assert_snapshot!(format!("{name}_{w}x{h}"), screen(&app, w, h));
        }
    }
}

#[test]
fn too_small() {
    for (w, h) in [(39, 24), (80, 7), (20, 3), (1, 1)] {
        let app = fixture_app(w, h);
        insta::assert_snapshot!(format!("too_small_{w}x{h}"), screen(&app, w, h));
    }
}

#[test]
fn counts_in_the_header_follow_the_filter() {
    let mut app = fixture_app(120, 40);
    keys(&mut app, "f#resilience⏎");
    let (shown, total) = app.counts();
    let s = screen(&app, 120, 40);
    let header = s.lines().next().unwrap_or_default();
    assert!(header.ends_with(&format!("{shown} of {total}")), "{header}");
    assert!(header.contains("topic: Cyber resilience"), "{header}");
    assert_eq!(shown, app.filtered().len());
}

#[test]
fn no_color_draws_without_colours_and_events_stay_distinct_by_text() {
    let loaded = fixture::load();
    for typed in ["", "f#data", "l/resilience⏎", "c", "?"] {
        let mut app = app_on(loaded.clone(), 120, 40, true);
        keys(&mut app, typed);
        let backend = render(&app, 120, 40);
        for cell in &backend.buffer().content {
            assert!(
                matches!(cell.fg, Color::Reset) && matches!(cell.bg, Color::Reset),
                "{typed:?}: coloured cell {cell:?}"
            );
        }
    }
    let app = app_on(loaded, 120, 40, true);
    let s = screen(&app, 120, 40);
    assert!(
        s.contains("· mentioned") && s.contains("× superseded") && s.contains("◦ upcoming"),
        "{s}"
    );
}

#[test]
fn the_selection_is_drawn_in_reverse() {
    use ratatui::style::Modifier;
    let loaded = fixture::load();
    let app = app_on(loaded, 120, 40, true);
    let backend = render(&app, 120, 40);
    let buf = backend.buffer();
    let reversed_rows: Vec<u16> = (0..40)
        .filter(|&y| (1..40).all(|x| buf[(x, y)].modifier.contains(Modifier::REVERSED)))
        .collect();
    assert_eq!(reversed_rows.len(), 1, "exactly one selected timeline row");
    let row = reversed_rows[0];
    let text: String = (0..48)
        .map(|x| buf[(x, row)].symbol().to_string())
        .collect();
    assert!(text.contains("3rd Data Dialogue"), "{text}");
}

/// (name, keys) shown with the Korean interface (`--lang ko`): labels, tabs, footer, help,
/// finder and messages in Korean over the same fixture; "finder_hangul" puts the cursor after
/// a Hangul query (two columns a syllable).
const KOREAN_SCENARIOS: &[(&str, &str)] = &[
    ("start", ""),
    ("overview", "l"),
    ("text", "2"),
    ("compare", "c"),
    ("related", "3"),
    ("finder_query", "fkdsa"),
    ("finder_hangul", "f데이터"),
    ("search_kept", "l/resilience⏎nn"),
    ("help", "?"),
    ("filter_topic", "f#resilience⏎"),
    ("filter_cleared", "f#resilience⏎⎋"),
];

#[test]
fn korean_screens() {
    for (name, typed) in KOREAN_SCENARIOS {
        for (w, h) in SIZES {
            let mut app = korean_fixture_app(w, h);
            keys(&mut app, typed);
            app.check_invariants().unwrap();
            insta::assert_snapshot!(format!("ko_{name}_{w}x{h}"), screen(&app, w, h));
        }
    }
}

/// Korean titles in the timeline and the detail: rows are cut by display columns, so no
/// syllable is split and the panes keep their borders.
#[test]
fn korean_titles_screens() {
    let dir = fixture::korean_titles();
    for (w, h) in SIZES {
        let loaded = entente::corpus::load_path(dir.path()).expect("the Korean-titled copy loads");
        let mut app = app_in(loaded, w, h, false, Lang::Ko);
        keys(&mut app, "l");
        let text = screen(&app, w, h);
        for line in text.lines().filter(|l| !l.starts_with("[cursor")) {
            assert!(line.width() <= usize::from(w), "too wide: {line:?}");
        }
        insta::assert_snapshot!(format!("ko_titles_overview_{w}x{h}"), text);
    }
}

#[test]
fn korean_too_small() {
    let app = korean_fixture_app(30, 5);
    let text = screen(&app, 30, 5);
    assert!(text.contains("터미널이"), "{text}");
    insta::assert_snapshot!("ko_too_small_30x5", text);
}

/// The cursor after Hangul sits past its display columns (two a syllable), in the search
/// prompt and in the finder, in either interface.
#[test]
fn the_cursor_follows_hangul_by_display_columns() {
    for lang in [Lang::En, Lang::Ko] {
        let mut app = app_in(fixture::load(), 80, 24, false, lang);
        keys(&mut app, "2/사이버");
        let text = screen(&app, 80, 24);
        // "/" then three syllables: column 1 + 6.
        assert!(text.ends_with("[cursor at column 7, row 23]\n"), "{text}");
        let mut app = app_in(fixture::load(), 80, 24, false, lang);
        keys(&mut app, "f데이터");
        let text = screen(&app, 80, 24);
        let finder_input = text
            .lines()
            .find(|l| l.contains("> 데이터"))
            .unwrap_or_else(|| panic!("no finder input:\n{text}"));
        let prompt_column = finder_input.find("> ").map(|b| finder_input[..b].width());
        let expected = prompt_column.map(|c| c + 2 + 6);
        assert!(
            text.ends_with(&format!(
                "[cursor at column {}, row 2]\n",
                expected.unwrap_or(0)
            )),
            "{text}"
        );
    }
}

/// Search matches are painted over the rows shown: the current one reversed, the others
/// underlined (monochrome), exactly over the matched letters.
#[test]
fn search_matches_are_painted_in_the_rows_shown() {
    use ratatui::style::Modifier;
    let (w, h) = (80, 24);
    let mut app = app_on(fixture::load(), w, h, true);
    // `l` focuses the detail pane, where `/` searches the meeting's text.
    keys(&mut app, "l/resilience⏎");
    let backend = render(&app, w, h);
    let buf = backend.buffer();
    let needle = "resilience";
    let mut found = Vec::new();
    // The detail pane's rows (not the header, nor the footer's prompt).
    for y in 1..h - 1 {
        let row: Vec<String> = (0..w)
            .map(|x| buf[(x, y)].symbol().to_lowercase())
            .collect();
        for x in 0..w.saturating_sub(needle.len() as u16) {
            let at = usize::from(x);
            if row[at..at + needle.len()].concat() == needle {
                let cells = |m: Modifier| (x..x + 10).all(|c| buf[(c, y)].modifier.contains(m));
                let before = buf[(x.saturating_sub(1), y)].modifier;
                let painted = if cells(Modifier::REVERSED) {
                    "current"
                } else if cells(Modifier::UNDERLINED) {
                    "match"
                } else {
                    "plain"
                };
                let edge = before.intersects(Modifier::REVERSED | Modifier::UNDERLINED);
                found.push((painted, edge));
            }
        }
    }
    assert_eq!(
        found,
        vec![("current", false), ("match", false)],
        "{}",
        crate::support::screen::text_of(buf)
    );
}

/// The compare view at 200x50, the widest layout: each paragraph beside its counterpart.
#[test]
fn compare_200x50() {
    let (w, h) = (200, 50);
    let mut app = fixture_app(w, h);
    keys(&mut app, "c");
    app.check_invariants().unwrap();
    insta::assert_snapshot!("compare_200x50", screen(&app, w, h));
}

/// The search across every text (`/` from the timeline), at 80x24 and 200x50: the prompt
/// before typing, the hit list (meeting, account, ¶, the words in context), no hits, a hit
/// opened (Enter) and the next one (n), in English and Korean.
#[test]
fn corpus_search_screens() {
    const SCENARIOS: &[(&str, &str)] = &[
        ("corpus_search_empty", "/"),
        ("corpus_search_hits", "/resilience"),
        ("corpus_search_moved", "/data⇣⇣⇣"),
        ("corpus_search_no_hits", "/zzyzx"),
        ("corpus_search_opened", "/resilience⏎"),
        ("corpus_search_next", "/resilience⏎n"),
    ];
    for (w, h) in [(80, 24), (200, 50)] {
        for (name, typed) in SCENARIOS {
            let mut app = fixture_app(w, h);
            // ⇣: the Down arrow (the next hit), which `keys` does not type.
            for part in typed.split_inclusive('⇣') {
                keys(&mut app, part.trim_end_matches('⇣'));
                if part.ends_with('⇣') {
                    app.update(entente::app::Action::Down);
                }
            }
            app.check_invariants().unwrap();
            insta::assert_snapshot!(format!("{name}_{w}x{h}"), screen(&app, w, h));
        }
        let mut app = korean_fixture_app(w, h);
        keys(&mut app, "/resilience");
        insta::assert_snapshot!(format!("ko_corpus_search_hits_{w}x{h}"), screen(&app, w, h));
    }
}
