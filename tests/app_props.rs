//! Property tests of the browser: random sequences of actions (resizes included) at random
//! sizes from 1x1 to 400x150, on the built-in corpus and on generated ones (empty, one
//! meeting, 2,000 meetings, hostile text). After every step the app must not have panicked, its
//! invariants must hold, and the screen drawn on a `TestBackend` must agree with the state
//! (the header's "N of M" is the filtered length).

use std::sync::OnceLock;

use entente::app::{Action, App, AppOptions, Tab};
use entente::corpus::{LoadedCorpus, builtin};
use entente::index::Index;
use proptest::prelude::*;
use proptest::test_runner::{Config, TestRunner};

use crate::support::corpora::{Style, generated};
use crate::support::screen::{app_on, render, text_of};

fn size() -> impl Strategy<Value = (u16, u16)> {
    prop_oneof![
        (1u16..=400, 1u16..=150),
        (38u16..=42, 6u16..=10),
        (78u16..=122, 22u16..=42),
    ]
}

fn typed_char() -> impl Strategy<Value = char> {
    prop_oneof![
        proptest::char::range('a', 'z'),
        Just('#'),
        Just('@'),
        Just(':'),
        Just(' '),
        Just('사'),
        Just('é'),
    ]
}

fn action() -> impl Strategy<Value = Action> {
    let simple = prop_oneof![
        Just(Action::Down),
        Just(Action::Up),
        Just(Action::PageDown),
        Just(Action::PageUp),
        Just(Action::Top),
        Just(Action::Bottom),
        Just(Action::SwitchPane),
        Just(Action::FocusTimeline),
        Just(Action::FocusDetail),
        Just(Action::SelectTab(Tab::Overview)),
        Just(Action::SelectTab(Tab::Text)),
        Just(Action::SelectTab(Tab::Related)),
        Just(Action::NextTab),
        Just(Action::PrevTab),
        Just(Action::Activate),
        Just(Action::ClearFilter),
        Just(Action::SwitchAccount),
        Just(Action::ToggleCompare),
        Just(Action::Copy),
        Just(Action::OpenFinder),
        Just(Action::OpenHelp),
        Just(Action::StartSearch),
        Just(Action::NextMatch),
        Just(Action::PrevMatch),
        Just(Action::Close),
        Just(Action::Accept),
        Just(Action::NextKind),
        Just(Action::PrevKind),
        Just(Action::Backspace),
        Just(Action::DeleteForward),
        Just(Action::DeleteWord),
        Just(Action::ClearInput),
        Just(Action::CursorLeft),
        Just(Action::CursorRight),
        Just(Action::CursorHome),
        Just(Action::CursorEnd),
        Just(Action::Suspend),
        Just(Action::CopyFailed),
    ];
    prop_oneof![
        6 => simple,
        3 => typed_char().prop_map(Action::Insert),
        1 => "[a-z사 \n\u{1b}]{0,12}".prop_map(Action::Paste),
        1 => size().prop_map(|(w, h)| Action::Resize(w, h)),
        1 => (0u16..420, 0u16..160, any::<bool>())
            .prop_map(|(column, row, down)| Action::Wheel { column, row, down }),
        1 => (0u16..420, 0u16..160).prop_map(|(column, row)| Action::Click { column, row }),
    ]
}

/// Runs one sequence: every step updates, checks invariants, draws, and checks the header.
fn run_sequence(
    (loaded, index): &Prepared,
    start: (u16, u16),
    steps: &[Action],
) -> Result<(), TestCaseError> {
    let options = AppOptions {
        size: start,
        mouse: true,
        monochrome: false,
    };
    let mut app = App::new(loaded.clone(), index.clone(), options);
    app.update(Action::Resize(start.0, start.1));
    for (i, action) in steps.iter().enumerate() {
        app.update(action.clone());
        app.pending_copy = None;
        app.check_invariants()
            .map_err(|e| TestCaseError::fail(format!("step {i} {action:?}: {e}")))?;
        let (w, h) = app.size();
        let screen = text_of(render(&app, w, h).buffer());
        if !app.geometry().too_small {
            let (shown, total) = app.counts();
            prop_assert_eq!(shown, app.filtered().len());
            let header = screen.lines().next().unwrap_or_default();
            prop_assert!(
                header.ends_with(&format!("{shown} of {total}")),
                "step {} {:?}: header {:?}",
                i,
                action,
                header
            );
        }
    }
    // Drawing at a size the app has not heard of must not panic either.
    let _ = render(&app, start.1.max(1), start.0.max(1));
    Ok(())
}

/// A corpus with its index, built once (indexing 2,000 meetings takes seconds in a debug
/// build) and cloned for each case.
type Prepared = (LoadedCorpus, Index);

fn prepare(loaded: LoadedCorpus) -> Prepared {
    let index = Index::build(&loaded.corpus);
    (loaded, index)
}

fn check(prepared: &Prepared, cases: u32, steps: usize) {
    let config = Config {
        cases,
        failure_persistence: None,
        ..Config::default()
    };
    let mut runner = TestRunner::new(config);
    let strategy = (size(), proptest::collection::vec(action(), 1..=steps));
    runner
        .run(&strategy, |(start, actions)| {
            run_sequence(prepared, start, &actions)
        })
        .unwrap();
}

// Sequences × steps (at most) per corpus; together well under a minute on two cores.
const BUILTIN: (u32, usize) = (64, 60);
const EMPTY: (u32, usize) = (24, 40);
const ONE: (u32, usize) = (24, 40);
const MANY: (u32, usize) = (8, 30);
const HOSTILE: (u32, usize) = (24, 40);

#[test]
fn random_sessions_on_the_builtin_corpus() {
    static CORPUS: OnceLock<Prepared> = OnceLock::new();
    let prepared = CORPUS.get_or_init(|| prepare(builtin::load().expect("built-in corpus")));
    check(prepared, BUILTIN.0, BUILTIN.1);
}

#[test]
fn random_sessions_on_an_empty_corpus() {
    check(&prepare(generated(0, Style::Plain)), EMPTY.0, EMPTY.1);
}

#[test]
fn random_sessions_on_one_meeting() {
    check(&prepare(generated(1, Style::Plain)), ONE.0, ONE.1);
}

#[test]
fn random_sessions_on_two_thousand_meetings() {
    check(&prepare(generated(2000, Style::Plain)), MANY.0, MANY.1);
}

#[test]
fn random_sessions_on_hostile_text() {
    check(&prepare(generated(7, Style::Hostile)), HOSTILE.0, HOSTILE.1);
}

#[test]
fn hostile_text_never_reaches_the_screen_raw() {
    let loaded = generated(7, Style::Hostile);
    let mut app = app_on(loaded, 120, 40, false);
    for action in [
        Action::SelectTab(Tab::Text),
        Action::PageDown,
        Action::OpenFinder,
    ] {
        app.update(action);
        let screen = text_of(render(&app, 120, 40).buffer());
        for bad in ['\u{1b}', '\u{7}', '\r', '\u{202e}'] {
            assert!(!screen.contains(bad), "{bad:?} reached the screen");
        }
    }
}
