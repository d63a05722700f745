//! The browser's side of each event: actions from terminal events, copied text leaving through
//! the clipboard sink, the flow answered to the loop; and the boundary that keeps the app
//! free of the terminal.

use std::cell::RefCell;
use std::path::{Path, PathBuf};
use std::rc::Rc;

use ratatui::crossterm::event::{
    Event, KeyCode, KeyEvent, KeyModifiers, MouseButton, MouseEvent, MouseEventKind,
};

use super::*;

fn app_with(mouse: bool) -> App {
    let loaded = crate::test_fixture::small();
    let index = Index::build(&loaded.corpus);
    let options = AppOptions {
        size: (120, 40),
        mouse,
        ..AppOptions::default()
    };
    App::new(loaded, index, options)
}

/// Collects what is copied.
struct Memory(Rc<RefCell<Vec<String>>>);

impl ClipboardSink for Memory {
    fn copy(&mut self, text: &str) -> Result<crate::app::action::CopyDestination, String> {
        self.0.borrow_mut().push(text.to_string());
        Ok(crate::app::action::CopyDestination::TmuxAndOsc52)
    }
}

struct Broken;

impl ClipboardSink for Broken {
    fn copy(&mut self, _: &str) -> Result<crate::app::action::CopyDestination, String> {
        Err("terminal gone".into())
    }
}

fn press(browser: &mut Browser, c: char) -> Flow {
    browser.handle(Event::Key(KeyEvent::new(
        KeyCode::Char(c),
        KeyModifiers::NONE,
    )))
}

#[test]
fn y_sends_what_the_app_copied_to_the_clipboard_once() {
    let mut alone = app_with(true);
    alone.update(Action::FocusDetail);
    alone.update(Action::Copy);
    let expected = alone
        .pending_copy
        .take()
        .expect("the app copies a fact")
        .text;

    let copied = Rc::new(RefCell::new(Vec::new()));
    let mut browser = Browser::with_clipboard(app_with(true), Box::new(Memory(copied.clone())));
    assert_eq!(press(&mut browser, 'l'), Flow::Redraw);
    assert_eq!(press(&mut browser, 'y'), Flow::Redraw);
    assert_eq!(copied.borrow().as_slice(), std::slice::from_ref(&expected));
    let status = browser.app().status().unwrap_or_default();
    assert!(
        status.starts_with("copied to tmux buffer and clipboard: “"),
        "{status}"
    );
    let first_word = expected.split_whitespace().next().unwrap_or_default();
    assert!(status.contains(first_word), "{status} / {expected}");
    assert!(browser.app().pending_copy.is_none());
}

#[test]
fn a_failed_copy_says_so() {
    let mut browser = Browser::with_clipboard(app_with(true), Box::new(Broken));
    press(&mut browser, 'y');
    assert_eq!(browser.app().status(), Some("copy failed: terminal gone"));
}

#[test]
fn q_quits_ctrl_z_suspends_and_unbound_keys_do_nothing() {
    let mut browser = Browser::new(app_with(true));
    let f5 = Event::Key(KeyEvent::new(KeyCode::F(5), KeyModifiers::NONE));
    assert_eq!(browser.handle(f5), Flow::Idle);
    let ctrl_z = Event::Key(KeyEvent::new(KeyCode::Char('z'), KeyModifiers::CONTROL));
    assert_eq!(browser.handle(ctrl_z), Flow::Suspend);
    assert_eq!(press(&mut browser, 'q'), Flow::Quit);
}

#[test]
fn without_mouse_capture_pointer_events_are_ignored() {
    let click = Event::Mouse(MouseEvent {
        kind: MouseEventKind::Down(MouseButton::Left),
        column: 5,
        row: 3,
        modifiers: KeyModifiers::NONE,
    });
    assert_eq!(
        Browser::new(app_with(false)).handle(click.clone()),
        Flow::Idle
    );
    assert_eq!(
        action_for(&app_with(true), &click),
        Some(Action::Click { column: 5, row: 3 })
    );
}

#[test]
fn pasted_text_goes_into_the_finder_query_on_one_line() {
    let mut browser = Browser::new(app_with(true));
    assert_eq!(action_for(browser.app(), &Event::Paste("x".into())), None);
    press(&mut browser, 'f');
    browser.handle(Event::Paste("cyber\nresilience".into()));
    let app = browser.app();
    assert_eq!(app.finder().input.text(), "cyber resilience");
    let first = app.finder().rows[0].candidate;
    assert_eq!(app.finder_candidate(first).unwrap().id, "cyber-resilience");
}

#[test]
fn scrolling_the_full_width_detail_pane_gives_a_scroll_hint() {
    // 80 columns: one pane at a time, the detail spans the full width once shown.
    let loaded = crate::test_fixture::small();
    let index = Index::build(&loaded.corpus);
    let options = AppOptions {
        size: (80, 24),
        ..AppOptions::default()
    };
    let mut browser = Browser::new(App::new(loaded, index, options));
    browser.handle(Event::Key(KeyEvent::new(KeyCode::Tab, KeyModifiers::NONE)));
    assert_eq!(
        browser.scroll_hint(),
        None,
        "switching panes is not a scroll"
    );
    // Moving down line by line scrolls the pane once the cursor reaches its bottom.
    let hint = (0..200)
        .find_map(|_| {
            press(&mut browser, 'j');
            browser.scroll_hint()
        })
        .expect("moving down scrolls the pane");
    assert!(hint.lines > 0, "{hint:?}");
    assert_eq!(
        hint.rows,
        browser.app().geometry().detail_text().y..browser.app().geometry().detail_text().bottom()
    );
    assert_eq!(browser.scroll_hint(), None, "a hint is taken once");
}

/// Names in code (not in comments or string literals) that would tie the app to the terminal:
/// the terminal layer, the renderer, ratatui's frame and terminal, crossterm's terminal,
/// event-reading and clipboard functions, writing to stdout, the environment.
const FORBIDDEN_IN_APP: &[&str] = &[
    "crate::tui",
    "crate::ui",
    "crossterm::terminal",
    "clipboard",
    "Clipboard",
    "Frame",
    "Canvas",
    "Terminal",
    "event::read",
    "event::poll",
    "execute!",
    "queue!",
    "stdout",
    "std::env",
];

/// Each line of Rust source without its `//` comment and with string literals emptied, so
/// that prose may name what code may not.
fn code_of(source: &str) -> Vec<String> {
    source
        .lines()
        .map(|line| {
            let mut code = String::new();
            let mut in_string = false;
            let mut chars = line.chars().peekable();
            while let Some(c) = chars.next() {
                match c {
                    '\\' if in_string => {
                        chars.next();
                    }
                    '"' => {
                        in_string = !in_string;
                        code.push('"');
                    }
                    '/' if !in_string && chars.peek() == Some(&'/') => break,
                    _ if in_string => {}
                    c => code.push(c),
                }
            }
            code
        })
        .collect()
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).expect("a source directory") {
        let path = entry.expect("a directory entry").path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

#[test]
fn the_app_never_names_the_terminal_the_renderer_or_the_clipboard() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = vec![src.join("app.rs")];
    rust_files(&src.join("app"), &mut files);
    assert!(
        files.len() > 10,
        "the app's sources were not found: {files:?}"
    );
    let mut found = Vec::new();
    for file in &files {
        let text = std::fs::read_to_string(file).expect("readable source");
        for (n, line) in code_of(&text).iter().enumerate() {
            for word in FORBIDDEN_IN_APP {
                if line.contains(word) {
                    found.push(format!("{}:{}: {word}", file.display(), n + 1));
                }
            }
        }
    }
    assert!(
        found.is_empty(),
        "the app reaches for the terminal:\n{}",
        found.join("\n")
    );
}

#[test]
fn the_boundary_scan_sees_code_and_skips_prose() {
    let code = code_of(
        "use crate::tui::Flow; // crate::ui\nlet s = \"Frame \\\" clipboard\"; let f: Frame;",
    );
    assert_eq!(code[0].trim(), "use crate::tui::Flow;");
    assert_eq!(code[1], "let s = \"\"; let f: Frame;");
}

#[test]
fn an_interactive_browser_builds_its_finder_only_after_the_first_frame() {
    let mut browser = Browser::interactive(app_with(false));
    assert!(browser.finder.is_none(), "no thread before the first frame");
    assert!(
        browser.app().finder_indexing(),
        "no finder before the first frame"
    );
    assert_eq!(browser.app().finder_waiting_text(), "indexing…");
    browser.drawn();
    assert!(
        browser.finder.is_some(),
        "the worker starts once a frame is out"
    );
    // A query typed meanwhile is answered once the worker has built the finder.
    browser.handle(Event::Key(KeyEvent::new(
        KeyCode::Char('f'),
        KeyModifiers::NONE,
    )));
    // The query is asked for once the frame that shows the finder is out, not before.
    assert!(browser.held_request.is_some());
    assert!(
        !browser.finder.as_ref().unwrap().busy(),
        "nothing asked yet"
    );
    assert!(browser.busy(), "but the loop must come back for it");
    browser.drawn();
    assert!(browser.held_request.is_none());
    assert!(browser.finder.as_ref().unwrap().busy(), "asked once drawn");
    let worker = browser.finder.as_mut().unwrap();
    let results = worker
        .wait(std::time::Duration::from_secs(60))
        .expect("the empty query is answered");
    browser.app.update(results);
    assert!(!browser.app().finder_indexing());
    assert_eq!(browser.app().finder_waiting_text(), "searching…");
    assert!(!browser.app().finder().searching);
    assert!(!browser.app().finder().rows.is_empty());
}

/// A corpus big enough for the rest of its index to be made on a thread, whose accounts name
/// people and organisations (the synthetic text names no one).
fn big_corpus_naming_people() -> crate::corpus::Corpus {
    let mut corpus = crate::synth::generate(crate::synth::Spec::with_candidates(12_000));
    crate::synth::name_people_in_accounts(&mut corpus);
    corpus
}

/// What an index says of every organisation and person: where each appears, and what its
/// name resolves to.
fn people_and_organisations(index: &Index, corpus: &crate::corpus::Corpus) -> Vec<String> {
    use crate::corpus::Facet;
    let organisations = corpus
        .organisations
        .iter()
        .map(|o| (Facet::Organisation, &o.id, &o.name));
    let people = corpus
        .people
        .iter()
        .map(|p| (Facet::Person, &p.id, &p.name));
    organisations
        .chain(people)
        .map(|(facet, id, name)| {
            format!(
                "{facet:?} {id} {:?} {:?}",
                index.resolve(facet, name),
                index.appearances(facet, id)
            )
        })
        .collect()
}

/// On a big corpus the index is completed on a thread after the first frame; the first key
/// is handled only once it is whole (never on a partial index), and the finder's worker
/// starts only then (the two builds' memory must not add up).
#[test]
fn a_big_corpus_index_is_completed_on_a_thread_before_any_key() {
    let corpus = big_corpus_naming_people();
    assert!(IndexRest::worth_a_thread(&corpus));
    let whole = Index::build(&corpus);
    let loaded = LoadedCorpus {
        corpus,
        origins: Default::default(),
    };
    let first = Index::build_for_first_frame(&loaded.corpus);
    let options = AppOptions {
        size: (80, 24),
        ..AppOptions::default()
    };
    let mut browser = Browser::interactive(App::new(loaded, first, options));
    assert!(
        browser.app().indexing(),
        "the first frame says the index is being made"
    );
    assert!(footer_of(&browser).contains("indexing…"));
    browser.drawn();
    assert!(browser.index_rest.is_some(), "made on a thread");
    assert!(browser.busy(), "the loop must come back for it");
    assert!(browser.finder.is_none(), "the finder waits for the index");
    // An event that is no action (a key bound to nothing) does not wait for it.
    browser.handle(Event::FocusGained);
    assert!(browser.finder.is_none());
    browser.handle(Event::Key(KeyEvent::new(
        KeyCode::Char('j'),
        KeyModifiers::NONE,
    )));
    assert!(browser.index_rest.is_none());
    assert!(!browser.app().index.is_incomplete(), "whole before the key");
    assert!(!browser.app().indexing());
    assert!(!footer_of(&browser).contains("indexing…"));
    assert!(
        browser.finder.is_some(),
        "the finder's worker started after it"
    );
    let corpus = &browser.app().corpus;
    let linked = people_and_organisations(&browser.app().index, corpus);
    assert_ne!(
        linked,
        people_and_organisations(&Index::build_for_first_frame(corpus), corpus),
        "names resolve, and the accounts' names add citations"
    );
    assert_eq!(linked, people_and_organisations(&whole, corpus));
}

/// The bottom row of the browser's screen, drawn at 80x24.
fn footer_of(browser: &Browser) -> String {
    let mut terminal = ratatui::Terminal::new(ratatui::backend::TestBackend::new(80, 24))
        .expect("a test terminal");
    terminal
        .draw(|frame| crate::tui::draw_in_frame(frame, |canvas| browser.draw(canvas)))
        .expect("it draws");
    let buffer = terminal.backend().buffer();
    (0..80).map(|x| buffer[(x, 23)].symbol()).collect()
}

/// A small corpus's index is completed at once after the first frame, on the same thread.
#[test]
fn a_small_corpus_index_is_completed_at_once() {
    let loaded = crate::test_fixture::small();
    assert!(!IndexRest::worth_a_thread(&loaded.corpus));
    let first = Index::build_for_first_frame(&loaded.corpus);
    let mut browser = Browser::interactive(App::new(loaded, first, AppOptions::default()));
    assert!(
        !browser.app().indexing(),
        "no frame says so: it is made before the first key, with no frame between"
    );
    browser.drawn();
    assert!(browser.index_rest.is_none());
    assert!(!browser.app().index.is_incomplete());
}

/// Quitting as the first key needs no index: it neither waits for the rest nor starts the
/// finder's worker.
#[test]
fn quitting_before_the_index_is_whole_does_not_wait_for_it() {
    let loaded = LoadedCorpus {
        corpus: big_corpus_naming_people(),
        origins: Default::default(),
    };
    let first = Index::build_for_first_frame(&loaded.corpus);
    let mut browser = Browser::interactive(App::new(loaded, first, AppOptions::default()));
    browser.drawn();
    let flow = browser.handle(Event::Key(KeyEvent::new(
        KeyCode::Char('q'),
        KeyModifiers::NONE,
    )));
    assert_eq!(flow, Flow::Quit);
    assert!(browser.index_rest.is_some(), "not waited for");
    assert!(browser.finder.is_none(), "no finder for a quitting browser");
}
