//! Property tests of the browser: random sequences of actions (resizes included) at random
//! sizes from 1x1 to 400x150, on the built-in corpus and on generated ones (empty, one
//! meeting, 2,000 meetings, hostile text). After every step the app must not have panicked, its
//! invariants must hold, and the screen drawn on a `TestBackend` must agree with the state
//! (the header's "N of M" is the filtered length).

use std::sync::OnceLock;

use entente::app::{Action, App, AppOptions, Mode, Tab};
use entente::corpus::{LoadedCorpus, builtin};
use entente::index::Index;
use entente::synth::{Style, stress};
use proptest::prelude::*;
use proptest::strategy::ValueTree;
use proptest::test_runner::{Config, TestRunner};

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

/// Lists every [`Action`] variant with one example of it. The `match` in `is_listed` has no
/// wildcard, so a new variant does not compile until it is listed here; and the generator
/// draws from every listed example, so it covers every variant
/// (`the_generator_covers_every_action_variant` checks each example is its own variant).
macro_rules! every_action {
    ($($variant:pat => $example:expr),* $(,)?) => {
        /// One example of each variant, in the order listed.
        fn examples() -> Vec<Action> {
            vec![$($example),*]
        }

        /// For each listed variant, whether an action is of it.
        const LISTED: &[fn(&Action) -> bool] = &[$(|a| matches!(a, $variant)),*];

        /// Exhaustive: compiles only while every variant is listed.
        fn is_listed(action: &Action) -> bool {
            match action {
                $($variant => true),*
            }
        }
    };
}

every_action! {
    Action::Quit => Action::Quit,
    Action::Down => Action::Down,
    Action::Up => Action::Up,
    Action::PageDown => Action::PageDown,
    Action::PageUp => Action::PageUp,
    Action::Top => Action::Top,
    Action::Bottom => Action::Bottom,
    Action::SwitchPane => Action::SwitchPane,
    Action::FocusTimeline => Action::FocusTimeline,
    Action::FocusDetail => Action::FocusDetail,
    Action::SelectTab(_) => Action::SelectTab(Tab::Text),
    Action::NextTab => Action::NextTab,
    Action::PrevTab => Action::PrevTab,
    Action::Activate => Action::Activate,
    Action::ClearFilter => Action::ClearFilter,
    Action::SwitchAccount => Action::SwitchAccount,
    Action::ToggleCompare => Action::ToggleCompare,
    Action::Copy => Action::Copy,
    Action::Export => Action::Export,
    Action::Exported(_) => Action::Exported("entente-note.md".into()),
    Action::ExportFailed(_) => Action::ExportFailed("disk full".into()),
    Action::OpenFinder => Action::OpenFinder,
    Action::OpenHelp => Action::OpenHelp,
    Action::StartSearch => Action::StartSearch,
    Action::NextMatch => Action::NextMatch,
    Action::PrevMatch => Action::PrevMatch,
    Action::Close => Action::Close,
    Action::Accept => Action::Accept,
    Action::NextKind => Action::NextKind,
    Action::PrevKind => Action::PrevKind,
    Action::Insert(_) => Action::Insert('a'),
    Action::Paste(_) => Action::Paste("a b".into()),
    Action::Backspace => Action::Backspace,
    Action::DeleteForward => Action::DeleteForward,
    Action::DeleteWord => Action::DeleteWord,
    Action::ClearInput => Action::ClearInput,
    Action::CursorLeft => Action::CursorLeft,
    Action::CursorRight => Action::CursorRight,
    Action::CursorHome => Action::CursorHome,
    Action::CursorEnd => Action::CursorEnd,
    Action::Resize(..) => Action::Resize(80, 24),
    Action::Wheel { .. } => Action::Wheel { column: 1, row: 1, down: true },
    Action::Click { .. } => Action::Click { column: 1, row: 1 },
    Action::Suspend => Action::Suspend,
    Action::Back => Action::Back,
    Action::Forward => Action::Forward,
    Action::HalfPageDown => Action::HalfPageDown,
    Action::HalfPageUp => Action::HalfPageUp,
    Action::CopyToFile => Action::CopyToFile,
    Action::Copied(_) => Action::Copied(entente::app::action::CopyDestination::Osc52),
    Action::CopyFailed(_) => Action::CopyFailed("terminal gone".into()),
    Action::OpenMatrix => Action::OpenMatrix,
    Action::ColumnLeft => Action::ColumnLeft,
    Action::ColumnRight => Action::ColumnRight,
    Action::FinderResults { .. } => Action::FinderResults {
        generation: 1,
        results: entente::search::fuzzy::Results::default(),
    },
}

/// Every variant (its listed example), plus varied values for the variants that carry some.
fn action() -> impl Strategy<Value = Action> {
    let tabs = prop_oneof![Just(Tab::Overview), Just(Tab::Text), Just(Tab::Related)];
    prop_oneof![
        6 => proptest::sample::select(examples()),
        1 => tabs.prop_map(Action::SelectTab),
        3 => typed_char().prop_map(Action::Insert),
        1 => "[a-z사 \n\u{1b}]{0,12}".prop_map(Action::Paste),
        1 => size().prop_map(|(w, h)| Action::Resize(w, h)),
        1 => (0u16..420, 0u16..160, any::<bool>())
            .prop_map(|(column, row, down)| Action::Wheel { column, row, down }),
        1 => (0u16..420, 0u16..160).prop_map(|(column, row)| Action::Click { column, row }),
    ]
}

#[test]
fn the_generator_covers_every_action_variant() {
    let examples = examples();
    assert_eq!(examples.len(), LISTED.len());
    for (i, example) in examples.iter().enumerate() {
        assert!(is_listed(example));
        let kinds: Vec<usize> = (0..LISTED.len()).filter(|&k| LISTED[k](example)).collect();
        assert_eq!(
            kinds,
            [i],
            "{example:?} is the example of the variant listed with it"
        );
    }
    // And the strategy really draws them all.
    let mut runner = TestRunner::deterministic();
    let strategy = action();
    let mut seen = vec![false; LISTED.len()];
    for _ in 0..20_000 {
        let action = strategy.new_tree(&mut runner).unwrap().current();
        for (k, listed) in LISTED.iter().enumerate() {
            seen[k] |= listed(&action);
        }
    }
    let missing: Vec<&Action> = examples
        .iter()
        .zip(&seen)
        .filter(|(_, s)| !**s)
        .map(|(e, _)| e)
        .collect();
    assert!(missing.is_empty(), "never generated: {missing:?}");
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
        ..AppOptions::default()
    };
    let mut app = App::new(loaded.clone(), index.clone(), options);
    app.update(Action::Resize(start.0, start.1));
    for (i, action) in steps.iter().enumerate() {
        app.update(action.clone());
        // The terminal side takes these after each update; nothing here writes a file.
        app.pending_copy = None;
        app.pending_export = None;
        app.check_invariants()
            .map_err(|e| TestCaseError::fail(format!("step {i} {action:?}: {e}")))?;
        let (w, h) = app.size();
        let screen = text_of(render(&app, w, h).buffer());
        if app.mode() == Mode::Matrix && !app.geometry().too_small {
            // The matrix covers the screen; its title line ends with the cursor's topic.
            let m = app.matrix();
            let header = screen.lines().next().unwrap_or_default();
            let position = format!("{}/{}", m.row + 1, m.model.rows.len());
            prop_assert!(
                m.model.rows.is_empty() || header.trim_end().ends_with(&position),
                "step {} {:?}: matrix header {:?}",
                i,
                action,
                header
            );
        } else if !app.geometry().too_small {
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
    check(&prepare(stress(0, Style::Plain)), EMPTY.0, EMPTY.1);
}

#[test]
fn random_sessions_on_one_meeting() {
    check(&prepare(stress(1, Style::Plain)), ONE.0, ONE.1);
}

#[test]
fn random_sessions_on_two_thousand_meetings() {
    check(&prepare(stress(2000, Style::Plain)), MANY.0, MANY.1);
}

#[test]
fn random_sessions_on_hostile_text() {
    check(&prepare(stress(7, Style::Hostile)), HOSTILE.0, HOSTILE.1);
}

#[test]
fn hostile_text_never_reaches_the_screen_raw() {
    let loaded = stress(7, Style::Hostile);
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
