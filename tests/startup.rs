//! The browser's start: its index is built without what the first frame does not use (the
//! names in the accounts' text, the table of names: `Index::build_for_first_frame`), the first
//! frame drawn, then the index completed. The first frame must be the one a whole index gives,
//! and the completed index the whole one.

use entente::app::strings::Lang;
use entente::app::{App, AppOptions};
use entente::corpus::{Corpus, Facet, LoadedCorpus, builtin};
use entente::index::{Index, IndexRest};

use crate::support::fixture;
use crate::support::screen::render;

fn corpora() -> [(&'static str, LoadedCorpus); 2] {
    [
        (
            "built-in",
            builtin::load().expect("the built-in corpus loads"),
        ),
        ("fixture", fixture::load()),
    ]
}

/// What the index says of every organisation, person and topic: where each appears (the
/// facets the text's mentions add to, and one they do not), and what each of its names and
/// its id resolve to; and of every place, its name.
fn linked(index: &Index, corpus: &Corpus) -> Vec<String> {
    let organisations = corpus.organisations.iter().map(|o| {
        let names = [&o.id, &o.name]
            .into_iter()
            .chain(&o.acronym)
            .chain(&o.aliases);
        (
            Facet::Organisation,
            &o.id,
            names.cloned().collect::<Vec<_>>(),
        )
    });
    let people = corpus.people.iter().map(|p| {
        let names = [&p.id, &p.name].into_iter().chain(&p.aliases);
        (Facet::Person, &p.id, names.cloned().collect())
    });
    let topics = corpus.topics.iter().map(|t| {
        let names = [&t.id, &t.label].into_iter().chain(&t.aliases);
        (Facet::Topic, &t.id, names.cloned().collect())
    });
    let places = corpus
        .places()
        .map(|p| format!("{:?}", index.place_name(&p.key())));
    organisations
        .chain(people)
        .chain(topics)
        .map(|(facet, id, names)| {
            let resolved: Vec<Option<&str>> =
                names.iter().map(|n| index.resolve(facet, n)).collect();
            format!(
                "{facet:?} {id}: {:?} {resolved:?}",
                index.appearances(facet, id)
            )
        })
        .chain(places)
        .collect()
}

#[test]
fn an_index_for_the_first_frame_completed_is_the_whole_index() {
    for (name, loaded) in corpora() {
        let corpus = &loaded.corpus;
        let whole = Index::build(corpus);
        let mut first = Index::build_for_first_frame(corpus);
        assert!(first.is_incomplete() && !whole.is_incomplete());
        assert_ne!(
            linked(&first, corpus),
            linked(&whole, corpus),
            "{name}: names resolve, and some record is linked by a mention only"
        );
        first.complete(corpus);
        assert!(!first.is_incomplete());
        assert_eq!(linked(&first, corpus), linked(&whole, corpus), "{name}");
        // Completing again changes nothing.
        first.complete(corpus);
        assert_eq!(linked(&first, corpus), linked(&whole, corpus), "{name}");
        assert_eq!(first.timeline(), whole.timeline(), "{name}");
        assert_eq!(first.series(), whole.series(), "{name}");
    }
}

/// The rest of the index made on another thread, as the browser makes it for a big corpus,
/// then added: the whole index.
#[test]
fn the_rest_of_an_index_made_on_another_thread_completes_it() {
    for (name, loaded) in corpora() {
        let corpus = &loaded.corpus;
        let whole = Index::build(corpus);
        let mut first = Index::build_for_first_frame(corpus);
        let seed = first.rest_seed();
        let rest = std::thread::scope(|s| s.spawn(|| IndexRest::build(corpus, seed)).join())
            .expect("the rest is made");
        first.finish(rest);
        assert!(!first.is_incomplete());
        assert_eq!(linked(&first, corpus), linked(&whole, corpus), "{name}");
        // Finishing a whole index again changes nothing.
        first.finish(IndexRest::build(corpus, first.rest_seed()));
        assert_eq!(linked(&first, corpus), linked(&whole, corpus), "{name}");
    }
}

#[test]
fn the_first_frame_is_the_same_on_an_index_for_it() {
    for (width, height) in [(80, 24), (200, 50), (120, 40)] {
        for monochrome in [false, true] {
            for (name, loaded) in corpora() {
                let options = AppOptions {
                    monochrome,
                    ascii: false,
                    mouse: false,
                    size: (width, height),
                    lang: Lang::En,
                };
                let first = Index::build_for_first_frame(&loaded.corpus);
                let whole = Index::build(&loaded.corpus);
                let first = App::new(loaded.clone(), first, options);
                let reference = App::new(loaded, whole, options);
                assert_eq!(
                    render(&first, width, height).buffer(),
                    render(&reference, width, height).buffer(),
                    "{name} at {width}x{height}"
                );
            }
        }
    }
}

/// The first frame is written without ratatui's diff only when the browser says it places no
/// cursor, so the cursor is hidden then: in every mode where it says so, the screen must
/// indeed show no cursor; in the modes with a text field, it shows one.
#[test]
fn the_browser_places_the_cursor_only_where_it_says_it_may() {
    use entente::app::Mode;
    use entente::browser::Browser;
    use entente::tui::Program as _;

    use crate::support::screen::{fixture_app, keys};

    // (keys, mode): `⏎` Enter, `⎋` Esc.
    let cases = [
        ("", Mode::Normal),
        ("l", Mode::Normal),
        ("2", Mode::Normal),
        ("?", Mode::Help),
        ("m", Mode::Matrix),
        ("f", Mode::Finder),
        ("fkdsa", Mode::Finder),
        ("l/aurora", Mode::Search),
        ("/", Mode::CorpusSearch),
        ("/resilience", Mode::CorpusSearch),
        ("f#resilience⏎", Mode::Normal),
    ];
    for (width, height) in [(80, 24), (200, 50)] {
        for (typed, mode) in cases {
            let mut app = fixture_app(width, height);
            keys(&mut app, typed);
            assert_eq!(app.mode(), mode, "after {typed:?}");
            let shown = render(&app, width, height).cursor_visible();
            let says = Browser::new(app).places_cursor();
            assert!(
                says || !shown,
                "{typed:?} at {width}x{height}: a cursor it did not announce"
            );
            if matches!(mode, Mode::Search | Mode::Finder | Mode::CorpusSearch) {
                assert!(says && shown, "{typed:?}: the text field's cursor shows");
            }
        }
    }
}

/// A plain `entente` skips clap (`Args::from_process`) and must behave as clap's parse of no
/// arguments does: the browser, which without a terminal says so and exits 2, as it does with
/// a flag given (clap's path).
#[test]
fn a_plain_start_without_a_terminal_is_refused_as_through_clap() {
    use std::process::{Command, Stdio};

    let run = |args: &[&str]| {
        let out = Command::new(env!("CARGO_BIN_EXE_entente"))
            .args(args)
            .env("ENTENTE_CORPUS_DIR", "/nonexistent/entente-test")
            .stdin(Stdio::null())
            .output()
            .expect("the binary runs");
        (
            out.status.code(),
            String::from_utf8_lossy(&out.stderr).into_owned(),
        )
    };
    let (plain, plain_message) = run(&[]);
    let (flagged, flagged_message) = run(&["--ascii"]);
    assert_eq!(plain, Some(2));
    assert_eq!(flagged, Some(2));
    assert!(
        plain_message.contains("needs a terminal") && plain_message.contains("entente list"),
        "{plain_message}"
    );
    assert_eq!(plain_message, flagged_message);
}
