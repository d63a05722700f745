//! A Markdown briefing note for a meeting: the meeting's facts (see [`crate::facts`]) as
//! Markdown, every fact with its citations, then related meetings and the sources the
//! citations point to.
//!
//! Pure text generation, shared by `entente export` and the browser's `e` key. Corpus text is
//! sanitised, so the note is safe to print to a terminal.

use std::fmt::Write;

use crate::facts::{self, Fact, Heading, cite, date};
use crate::index::Index;
use crate::{corpus::Corpus, text::sanitize_line};

/// The briefing note for meeting number `meeting` of the corpus, as Markdown.
pub fn meeting_note(corpus: &Corpus, index: &Index, meeting: usize) -> String {
    let Some(m) = corpus.meetings.get(meeting) else {
        return String::new();
    };
    let facts = facts::of_meeting(corpus, m);
    let mut md = String::new();
    let _ = writeln!(md, "# {}", sanitize_line(&facts.title));
    for section in &facts.sections {
        // The accounts are the sources listed at the end.
        if section.heading == Heading::Accounts {
            continue;
        }
        if section.heading != Heading::Key {
            let _ = writeln!(md, "\n## {}", section.heading.label());
        }
        md.push('\n');
        for fact in &section.facts {
            let _ = writeln!(md, "- {}", line(corpus, section.heading, fact));
        }
    }
    let related = index.related(corpus, meeting);
    if !related.is_empty() {
        let _ = writeln!(md, "\n## Related meetings\n");
        for r in related.iter().take(5) {
            let other = &corpus.meetings[r.meeting];
            let _ = writeln!(
                md,
                "- {} ({})",
                sanitize_line(&other.title),
                date::long(&other.date)
            );
        }
    }
    let legend = facts.legend(corpus);
    if !legend.is_empty() {
        let _ = writeln!(md, "\n## Sources\n");
        for r in &legend.references {
            let _ = writeln!(
                md,
                "- **{}** — {}",
                sanitize_line(&r.label),
                sanitize_line(&r.description())
            );
        }
    }
    md
}

/// One fact as a Markdown list item: "**Date:** 20 May 2025 [EU 2025 ¶1]",
/// "ROK: **Youn Jong Kwon** — chair; … [ROK 2025 ¶1]", "**Topic** — summary [ROK 2025 ¶2]".
fn line(corpus: &Corpus, heading: Heading, fact: &Fact) -> String {
    let body = match (&fact.subject, fact.text.is_empty()) {
        (Some(s), true) => format!("**{s}**"),
        (Some(s), false) => format!("**{s}** — {}", fact.text),
        (None, _) => fact.text.clone(),
    };
    let mut s = match fact.caption(corpus) {
        Some(c) if heading == Heading::Key => format!("**{c}:** {body}"),
        Some(c) => format!("{c}: {body}"),
        None => body,
    };
    if let Some(q) = fact.note() {
        s.push_str(&format!(" ({q})"));
    }
    let cites = cite::list(corpus, &fact.cite);
    if !cites.is_empty() {
        s.push(' ');
        s.push_str(&cites);
    }
    sanitize_line(&s)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::Statement;
    use crate::corpus::{Account, Citation, DateFact, Meeting, Precision, Provenance, Source};

    fn corpus() -> Corpus {
        let cite = |p| Citation::at("eu", p);
        Corpus {
            sources: vec![Source {
                label: Some("EU 2025".into()),
                title: "A press release".into(),
                paragraphs: vec!["p".into(); 3],
                ..crate::test_fixture::source("eu")
            }],
            meetings: vec![Meeting {
                id: "m".into(),
                series: "s".into(),
                edition: None,
                title: "A \x1b[2Jmeeting".into(),
                short_title: "m".into(),
                names: vec![],
                date: DateFact {
                    value: "2025-07-07".into(),
                    end: Some("2025-07-11".into()),
                    precision: Precision::Day,
                    provenance: Provenance::Inferred,
                    how: Some("from ¶2".into()),
                    cite: vec![cite(1), cite(2), cite(1)],
                    alternatives: Vec::new(),
                    rule: None,
                },
                place: None,
                format: None,
                co_located: vec![],
                delegations: vec![],
                observers: vec![],
                topics: vec![],
                outcomes: vec![Statement {
                    text: "They agreed.".into(),
                    cite: vec![cite(3)],
                }],
                next_meeting: None,
                notes: vec![],
                accounts: vec![Account {
                    source: "eu".into(),
                    side: None,
                }],
                status: crate::corpus::MeetingStatus::Held,
                draft: false,
                amends: false,
            }],
            ..Corpus::default()
        }
    }

    #[test]
    fn the_note_renders_the_facts_with_labels_qualifiers_and_a_legend() {
        let corpus = corpus();
        let index = Index::build(&corpus);
        let note = meeting_note(&corpus, &index, 0);
        assert!(note.starts_with("# A meeting\n"), "sanitised title: {note}");
        assert!(
            note.contains("- **Date:** 7–11 July 2025 (inferred: from ¶2) [EU 2025 ¶1, ¶2]\n"),
            "{note}"
        );
        assert!(
            note.contains("## Outcomes\n\n- They agreed. [EU 2025 ¶3]\n"),
            "{note}"
        );
        assert!(!note.contains("## Accounts"), "{note}");
        assert!(
            note.contains("## Sources\n\n- **EU 2025** — A press release (eu)\n"),
            "{note}"
        );
        assert_eq!(meeting_note(&corpus, &index, 5), "");
    }

    #[test]
    fn the_note_shows_a_disagreement_and_a_reference_source_plainly() {
        let loaded = crate::test_fixture::small();
        let corpus = &loaded.corpus;
        let index = Index::build(corpus);
        let i = corpus
            .meetings
            .iter()
            .position(|m| m.id == "data-dialogue-2")
            .expect("the fixture has the 2nd Data Dialogue");
        let md = meeting_note(corpus, &index, i);
        assert!(
            md.contains(
                "**Date:** March 2020 (News 2020: February 2020) (preferred: official text \
                 over news) [rok-data-dialogue-2 ¶1; News 2020]"
            ),
            "{md}"
        );
        assert!(
            md.contains(
                "- **News 2020** — Partners hold second Data Dialogue online, Example Wire, \
                 28 February 2020 (accessed 1 November 2026) (news-data-dialogue-2); text not \
                 in the corpus — see https://news.example/2020/02/second-data-dialogue"
            ),
            "{md}"
        );
    }
}
