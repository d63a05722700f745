//! One meeting, three surfaces: `entente show` and the briefing note (`entente export`) print
//! every fact's citations with the same labels, and the browser's copy (`y` on an Overview
//! line) the same fact and qualifier with one readable citation per source; all three date
//! the meeting with the same text. Expectations come from the facts builder, so the test
//! holds for whatever meetings the built-in corpus has.

use std::process::Stdio;

use entente::app::detail::overview;
use entente::facts::{self, Field, Heading, cite};
use entente::index::EntryRef;

fn run(args: &[&str]) -> String {
    let o = crate::support::bin::command()
        .args(args)
        .env("ENTENTE_NO_CACHE", "1")
        .stdin(Stdio::null())
        .output()
        .expect("the entente binary runs");
    assert_eq!(o.status.code(), Some(0), "{args:?}");
    String::from_utf8(o.stdout).expect("UTF-8")
}

/// Wrapped output read as one line: runs of white space (line breaks and indents) become one
/// space.
fn flat(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[test]
fn show_the_note_and_the_copy_cite_and_date_a_meeting_alike() {
    let loaded = entente::corpus::builtin::load().expect("the built-in corpus loads");
    let corpus = &loaded.corpus;
    assert!(!corpus.meetings.is_empty());
    for (i, m) in corpus.meetings.iter().enumerate() {
        let show = flat(&run(&["show", &m.id]));
        let note = flat(&run(&["export", &m.id]));
        let copies: Vec<String> = overview::build(
            corpus,
            entente::app::strings::Lang::En.strings(),
            EntryRef::Meeting(i),
            (2026, 11, 28),
        )
        .lines
        .iter()
        .filter_map(|l| l.copy.clone())
        .collect();
        let facts = facts::of_meeting(corpus, m);
        // The date fact as every surface must print it: the one date formatter's text (with
        // any alternative a source gives), its qualifier or preference rule, its citations.
        let date_fact = facts.key(Field::Date).expect("a meeting has a date fact");
        let cited = date_fact.cited_text(corpus);
        let dated = flat(cited.strip_prefix("Date: ").unwrap_or(&cited));
        assert!(
            dated.starts_with(&flat(&facts::date::long(&m.date))),
            "{}: {dated}",
            m.id
        );
        assert!(show.contains(&dated), "show of {}: {dated}\n{show}", m.id);
        assert!(note.contains(&dated), "note of {}: {dated}\n{note}", m.id);
        // The copy carries the same date text, with one readable citation (read outside
        // entente, where short labels mean nothing).
        let copied = date_fact.copy_text(corpus);
        assert!(
            flat(&copied).starts_with(&format!("Date: {}", flat(&facts::date::long(&m.date)))),
            "copy of {}: {copied}",
            m.id
        );
        assert!(
            copies.contains(&copied),
            "copy of {}: {copied}\n{copies:#?}",
            m.id
        );
        for section in facts
            .sections
            .iter()
            .filter(|s| s.heading != Heading::Accounts)
        {
            for f in section.facts.iter().filter(|f| !f.cite.is_empty()) {
                let list = cite::list(corpus, &f.cite);
                assert!(show.contains(&list), "show of {}: {list}", m.id);
                assert!(note.contains(&list), "note of {}: {list}", m.id);
                let copy = f.copy_text(corpus);
                assert!(copies.contains(&copy), "copy of {}: {copy}", m.id);
                // One readable citation, each source once, ending the line.
                let readable = cite::full_list(corpus, &f.cite);
                assert!(copy.ends_with(&readable), "{copy}");
                assert_eq!(copy.matches(&readable).count(), 1, "{copy}");
            }
        }
        // The sources' labels are what the citations print, in all three.
        for r in &facts.legend(corpus).references {
            assert!(show.contains(&format!("{} —", r.label)), "{}", r.label);
            assert!(note.contains(&format!("**{}** —", r.label)), "{}", r.label);
        }
    }
}
