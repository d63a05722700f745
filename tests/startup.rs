//! The browser's start: its index is built without the names in the accounts' text
//! (`Index::build_deferring_mentions`), the first frame drawn, then the index completed. The
//! first frame must be the one a whole index gives, and the completed index the whole one.

use entente::app::strings::Lang;
use entente::app::{App, AppOptions};
use entente::corpus::{Corpus, Facet, LoadedCorpus, builtin};
use entente::index::Index;

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

/// Every organisation's and person's appearances (the facets the text's mentions add to).
fn linked(index: &Index, corpus: &Corpus) -> Vec<String> {
    let organisations = corpus
        .organisations
        .iter()
        .map(|o| (Facet::Organisation, &o.id));
    let people = corpus.people.iter().map(|p| (Facet::Person, &p.id));
    let topics = corpus.topics.iter().map(|t| (Facet::Topic, &t.id));
    organisations
        .chain(people)
        .chain(topics)
        .map(|(facet, id)| format!("{facet:?} {id}: {:?}", index.appearances(facet, id)))
        .collect()
}

#[test]
fn a_deferred_index_completed_is_the_whole_index() {
    for (name, loaded) in corpora() {
        let corpus = &loaded.corpus;
        let whole = Index::build(corpus);
        let mut deferred = Index::build_deferring_mentions(corpus);
        assert!(deferred.mentions_deferred() && !whole.mentions_deferred());
        assert_ne!(
            linked(&deferred, corpus),
            linked(&whole, corpus),
            "{name}: some record is linked by a mention only, so the two differ before"
        );
        deferred.link_deferred_mentions(corpus);
        assert!(!deferred.mentions_deferred());
        assert_eq!(linked(&deferred, corpus), linked(&whole, corpus), "{name}");
        // Completing again changes nothing.
        deferred.link_deferred_mentions(corpus);
        assert_eq!(linked(&deferred, corpus), linked(&whole, corpus), "{name}");
        assert_eq!(deferred.timeline(), whole.timeline(), "{name}");
    }
}

#[test]
fn the_first_frame_is_the_same_without_the_mentions() {
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
                let deferred = Index::build_deferring_mentions(&loaded.corpus);
                let whole = Index::build(&loaded.corpus);
                let first = App::new(loaded.clone(), deferred, options);
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
