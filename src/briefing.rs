//! Markdown briefing notes, for a reader who has a minute: the note of one meeting
//! ([`meeting_note`]) and the note of one topic across all meetings ([`topic_note`]).
//!
//! A meeting's note opens with a summary — date, place, heads of delegation, up to
//! [`KEY_OUTCOMES`] outcomes, the next meeting — then the rest of the meeting's facts (see
//! [`crate::facts`]), topics that report the same thing merged into one line, related meetings,
//! and each source with its publisher, date and URL, or a plain word that the source gives
//! none. Every fact keeps its citations; nothing is added that the record does not hold. A
//! footer says when and from which version the note was prepared; the day is an argument, so
//! tests pin it.
//!
//! Pure text generation, shared by `entente export` and the browser's `e` key. Corpus text is
//! sanitised, so the note is safe to print to a terminal.

use std::fmt::Write;

use crate::compare::{containment, words};
use crate::corpus::{Citation, Corpus, Facet};
use crate::facts::{self, Fact, Facts, Field, Heading, cite, date};
use crate::index::status::Day;
use crate::index::{EntryRef, Index, TopicScope};
use crate::text::sanitize_line;

/// The most outcomes the summary lists; the rest follow under "Outcomes".
pub const KEY_OUTCOMES: usize = 5;

/// How much of a topic's summary (its content words) must be in an earlier topic's summary
/// for the two to share one line: on the 7th meeting, "Counter ransomware" (0.82) and
/// "Commercial spyware" (0.92) repeat "Countering malicious cyber activities"; distinct topics
/// score under 0.5.
pub const SAME_TOPIC_LINE: f32 = 0.75;

/// The briefing note for meeting number `meeting` of the corpus, as Markdown, prepared on
/// `today`; empty for an index out of range.
pub fn meeting_note(corpus: &Corpus, index: &Index, meeting: usize, today: Day) -> String {
    let Some(m) = corpus.meetings.get(meeting) else {
        return String::new();
    };
    let facts = facts::of_meeting(corpus, m);
    let mut md = String::new();
    let _ = writeln!(md, "# {}", sanitize_line(&facts.title));
    let outcomes = section(&facts, Heading::Outcomes);
    summary(&mut md, corpus, &facts, outcomes);
    for section in &facts.sections {
        let items: Vec<&Fact> = match section.heading {
            // In the summary, or (accounts) listed under Sources.
            Heading::NextMeeting | Heading::Accounts => continue,
            Heading::Key => section
                .facts
                .iter()
                .filter(|f| !matches!(f.field, Field::Date | Field::Place))
                .collect(),
            Heading::Outcomes => section.facts.iter().skip(KEY_OUTCOMES).collect(),
            Heading::Topics => {
                topics(&mut md, corpus, &section.facts);
                continue;
            }
            _ => section.facts.iter().collect(),
        };
        // The heads are in the summary; the delegation notes stay under Participants.
        let items: Vec<&Fact> = items
            .into_iter()
            .filter(|f| f.field != Field::Head)
            .collect();
        if items.is_empty() {
            continue;
        }
        let _ = writeln!(md, "\n## {}\n", section_title(section.heading));
        for fact in items {
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
    sources(&mut md, &facts.legend(corpus));
    footer(&mut md, today);
    md
}

/// The note on topic `topic` (an id) across every meeting and event that discussed it, in
/// date order, as Markdown prepared on `today`; `None` for an unknown topic.
///
/// With [`TopicScope::WithSubtopics`] the note includes the meetings that discussed any of its
/// sub-topics, as `list --topic` does; [`TopicScope::Exact`] keeps the topic alone.
pub fn topic_note(
    corpus: &Corpus,
    index: &Index,
    topic: &str,
    scope: TopicScope,
    today: Day,
) -> Option<String> {
    let t = corpus.topics.iter().find(|t| t.id == topic)?;
    let mut md = String::new();
    let _ = writeln!(md, "# Topic: {}", sanitize_line(&t.label));
    let entries = topic_appearances(index, topic, scope);
    let mut cited: Vec<Citation> = Vec::new();
    let _ = writeln!(md, "\n## Summary\n");
    let _ = writeln!(
        md,
        "- {}",
        match entries.len() {
            0 => "Not recorded as discussed at any meeting.".to_string(),
            1 => "Discussed at 1 meeting or event in the record.".to_string(),
            n => format!("Discussed at {n} meetings or events in the record."),
        }
    );
    if let Some((last, _)) = entries.last() {
        let (title, when) = entry_title(corpus, *last);
        let when = when.map(|w| format!(" ({w})")).unwrap_or_default();
        let _ = writeln!(
            md,
            "- Most recently: {}",
            sanitize_line(&format!("{title}{when}"))
        );
    }
    let children: Vec<&str> = corpus
        .topics
        .iter()
        .filter(|c| c.parent.as_deref() == Some(topic))
        .map(|c| c.label.as_str())
        .collect();
    if !children.is_empty() {
        let line = match scope {
            TopicScope::WithSubtopics => "Includes its sub-topics",
            TopicScope::Exact => "Sub-topics, not included in this note",
        };
        let _ = writeln!(md, "- {line}: {}", sanitize_line(&children.join(", ")));
    }
    for (entry, cites) in &entries {
        let (title, when) = entry_title(corpus, *entry);
        let what = match *entry {
            EntryRef::Meeting(i) => corpus.meetings.get(i).and_then(|m| {
                m.topics
                    .iter()
                    .find(|x| x.topic == topic)
                    .and_then(|x| x.summary.clone())
            }),
            EntryRef::Event(i) => corpus
                .events
                .get(i)
                .map(|e| e.description.clone())
                .filter(|d| !d.is_empty()),
        };
        let heading = match when {
            Some(when) => format!("{title} — {when}"),
            None => title.to_string(),
        };
        let _ = writeln!(md, "\n## {}\n", sanitize_line(&heading));
        let what =
            what.unwrap_or_else(|| "Linked to this topic; the record gives no summary.".into());
        let list = cite::list(corpus, cites);
        let _ = writeln!(
            md,
            "- {}",
            sanitize_line(format!("{what} {list}").trim_end())
        );
        cited.extend(cites.iter().cloned());
    }
    let legend = facts::Legend::of(corpus, cited.iter().map(|c| c.source.as_str()));
    sources(&mut md, &legend);
    footer(&mut md, today);
    Some(md)
}

/// Where topic `topic` was discussed: each meeting or event once, in timeline order, with
/// its citations; with its sub-topics' appearances unless `scope` is [`TopicScope::Exact`].
pub fn topic_appearances(
    index: &Index,
    topic: &str,
    scope: TopicScope,
) -> Vec<(EntryRef, Vec<Citation>)> {
    let mut out: Vec<(EntryRef, Vec<Citation>)> = Vec::new();
    for a in index.appearances_within(Facet::Topic, topic, scope) {
        match out.iter_mut().find(|(e, _)| *e == a.entry) {
            Some((_, cites)) => cites.extend(a.cite.iter().cloned()),
            None => out.push((a.entry, a.cite.to_vec())),
        }
    }
    let order = |e: &EntryRef| index.timeline().iter().position(|t| t == e);
    out.sort_by_key(|(e, _)| order(e));
    for (_, cites) in &mut out {
        *cites = cite::dedup(cites.drain(..));
    }
    out
}

/// A timeline entry's title and date as the note writes them.
fn entry_title(corpus: &Corpus, entry: EntryRef) -> (String, Option<String>) {
    match entry {
        EntryRef::Meeting(i) => corpus.meetings.get(i).map_or((String::new(), None), |m| {
            (m.title.to_string(), Some(date::long(&m.date)))
        }),
        EntryRef::Event(i) => corpus.events.get(i).map_or((String::new(), None), |e| {
            (e.title.to_string(), e.date.as_ref().map(date::long))
        }),
    }
}

fn section(facts: &Facts, heading: Heading) -> &[Fact] {
    facts
        .sections
        .iter()
        .find(|s| s.heading == heading)
        .map_or(&[], |s| s.facts.as_slice())
}

fn section_title(heading: Heading) -> &'static str {
    match heading {
        Heading::Key => "More facts",
        Heading::Outcomes => "Further outcomes",
        other => other.label(),
    }
}

/// "## Summary": date, place, heads, key outcomes, next meeting, each with its citations.
fn summary(md: &mut String, corpus: &Corpus, facts: &Facts, outcomes: &[Fact]) {
    let _ = writeln!(md, "\n## Summary\n");
    for f in section(facts, Heading::Key)
        .iter()
        .filter(|f| matches!(f.field, Field::Date | Field::Place))
    {
        let _ = writeln!(md, "- {}", line(corpus, Heading::Key, f));
    }
    let heads: Vec<&Fact> = section(facts, Heading::Participants)
        .iter()
        .filter(|f| f.field == Field::Head)
        .collect();
    let heads_line = if heads.is_empty() {
        "not named in the sources".to_string()
    } else {
        let names: Vec<String> = heads
            .iter()
            .map(|h| {
                let who = h.subject.clone().unwrap_or_default();
                let role = h.text.trim();
                let side = h
                    .caption(corpus)
                    .map(|c| format!("{c}: "))
                    .unwrap_or_default();
                if role.is_empty() {
                    format!("{side}{who}")
                } else {
                    format!("{side}{who} ({role})")
                }
            })
            .collect();
        let cites: Vec<Citation> = cite::dedup(heads.iter().flat_map(|h| h.cite.clone()));
        with_cites(corpus, &names.join("; "), &cites)
    };
    let _ = writeln!(md, "- **Heads:** {}", sanitize_line(&heads_line));
    if outcomes.is_empty() {
        let _ = writeln!(md, "- **Key outcomes:** none recorded");
    } else {
        let _ = writeln!(md, "- **Key outcomes:**");
        for (k, o) in outcomes.iter().take(KEY_OUTCOMES).enumerate() {
            let _ = writeln!(md, "  {}. {}", k + 1, line(corpus, Heading::Outcomes, o));
        }
    }
    let next = section(facts, Heading::NextMeeting);
    if next.is_empty() {
        let _ = writeln!(md, "- **Next meeting:** not announced in the sources");
    }
    for n in next {
        let _ = writeln!(
            md,
            "- **Next meeting:** {}",
            line(corpus, Heading::NextMeeting, n)
        );
    }
}

/// "## Topics", each line once: a topic whose summary repeats an earlier one's joins its line.
fn topics(md: &mut String, corpus: &Corpus, facts: &[Fact]) {
    struct Merged<'a> {
        first: &'a Fact,
        subjects: Vec<String>,
        cite: Vec<Citation>,
    }
    let mut lines: Vec<Merged> = Vec::new();
    for f in facts {
        let mine = words(&f.text);
        let same = lines.iter_mut().find(|l| {
            !mine.is_empty() && containment(&mine, &words(&l.first.text)) >= SAME_TOPIC_LINE
        });
        let subject = f.subject.clone().unwrap_or_default();
        match same {
            Some(l) => {
                l.subjects.push(subject);
                l.cite = cite::dedup(l.cite.drain(..).chain(f.cite.iter().cloned()));
            }
            None => lines.push(Merged {
                first: f,
                subjects: vec![subject],
                cite: f.cite.clone(),
            }),
        }
    }
    if lines.is_empty() {
        return;
    }
    let _ = writeln!(md, "\n## {}\n", Heading::Topics.label());
    for l in lines {
        let names: Vec<String> = l.subjects.iter().map(|s| format!("**{s}**")).collect();
        let body = if l.first.text.is_empty() {
            names.join(" · ")
        } else {
            format!("{} — {}", names.join(" · "), l.first.text)
        };
        let _ = writeln!(
            md,
            "- {}",
            sanitize_line(&with_cites(corpus, &body, &l.cite))
        );
    }
}

/// "## Sources": each source with its title, publisher, publication date and URL, saying so
/// where the record has none of these.
fn sources(md: &mut String, legend: &facts::Legend) {
    if legend.is_empty() {
        return;
    }
    let _ = writeln!(md, "\n## Sources\n");
    for r in &legend.references {
        let title = r.title.as_deref().unwrap_or("(no title recorded)");
        let id = if r.label == r.id {
            String::new()
        } else {
            format!(" ({})", r.id)
        };
        let _ = writeln!(
            md,
            "- {}",
            sanitize_line(&format!("**{}** — {title}{id}", r.label))
        );
        let publisher = r.publisher.as_deref().unwrap_or("not named in the source");
        let published = r.published.as_deref().unwrap_or("not dated in the source");
        let url = match (&r.url, &r.accessed) {
            (Some(u), Some(a)) => format!("{u} (accessed {a})"),
            (Some(u), None) => u.clone(),
            (None, _) => "none recorded".to_string(),
        };
        let _ = writeln!(md, "  - Publisher: {}", sanitize_line(publisher));
        let _ = writeln!(md, "  - Published: {}", sanitize_line(published));
        let _ = writeln!(md, "  - URL: {}", sanitize_line(&url));
        if !r.has_text {
            let _ = writeln!(md, "  - Text: {}", cite::NOT_IN_CORPUS);
        }
    }
}

/// "Prepared on 28 November 2026 from entente 0.1.0."
fn footer(md: &mut String, today: Day) {
    let (y, m, d) = today;
    let _ = writeln!(
        md,
        "\n---\n\nPrepared on {} from entente {}.",
        date::value(&format!("{y:04}-{m:02}-{d:02}")),
        env!("CARGO_PKG_VERSION")
    );
}

fn with_cites(corpus: &Corpus, text: &str, cites: &[Citation]) -> String {
    let list = cite::list(corpus, cites);
    if list.is_empty() {
        text.to_string()
    } else {
        format!("{text} {list}")
    }
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
    sanitize_line(&with_cites(corpus, &s, &fact.cite))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::Statement;
    use crate::corpus::names::topic_label;
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

    /// The day every note in these tests was "prepared".
    const DAY: Day = (2026, 11, 28);

    fn builtin() -> Corpus {
        crate::corpus::layers::load_layered(None)
            .expect("the built-in corpus loads")
            .corpus
    }

    fn meeting_index(corpus: &Corpus, id: &str) -> usize {
        corpus
            .meetings
            .iter()
            .position(|m| m.id == id)
            .unwrap_or_else(|| panic!("{id} is in the corpus"))
    }

    #[test]
    fn the_note_renders_the_facts_with_labels_qualifiers_and_a_legend() {
        let corpus = corpus();
        let index = Index::build(&corpus);
        let note = meeting_note(&corpus, &index, 0, DAY);
        assert!(note.starts_with("# A meeting\n"), "sanitised title: {note}");
        assert!(
            note.contains(
                "## Summary\n\n- **Date:** 7–11 July 2025 (inferred: from ¶2) [EU 2025 ¶1, ¶2]\n"
            ),
            "{note}"
        );
        assert!(
            note.contains("- **Heads:** not named in the sources\n"),
            "{note}"
        );
        assert!(
            note.contains("- **Key outcomes:**\n  1. They agreed. [EU 2025 ¶3]\n"),
            "{note}"
        );
        assert!(
            note.contains("- **Next meeting:** not announced in the sources\n"),
            "{note}"
        );
        // What the summary says is not said again.
        assert!(!note.contains("Outcomes\n"), "{note}");
        assert!(!note.contains("## Accounts"), "{note}");
        assert!(
            note.contains(
                "## Sources\n\n- **EU 2025** — A press release (eu)\n  - Publisher: not named \
                 in the source\n  - Published: not dated in the source\n  - URL: none recorded\n"
            ),
            "{note}"
        );
        let footer = format!(
            "\n---\n\nPrepared on 28 November 2026 from entente {}.\n",
            env!("CARGO_PKG_VERSION")
        );
        assert!(note.ends_with(&footer), "{note}");
        assert_eq!(meeting_note(&corpus, &index, 5, DAY), "");
    }

    #[test]
    fn the_fixture_summary_gives_date_place_heads_outcomes_and_next_meeting() {
        let loaded = crate::test_fixture::small();
        let corpus = &loaded.corpus;
        let index = Index::build(corpus);
        let md = meeting_note(
            corpus,
            &index,
            meeting_index(corpus, "data-dialogue-3"),
            DAY,
        );
        let summary = md
            .split("\n## Summary\n\n")
            .nth(1)
            .and_then(|s| s.split("\n## ").next())
            .unwrap_or_else(|| panic!("a summary: {md}"));
        let lines: Vec<&str> = summary.lines().collect();
        assert_eq!(
            lines,
            [
                "- **Date:** 11–12 June 2024 [EU DD3 ¶1; ROK DD3 ¶1]",
                "- **Place:** Seoul, Republic of Korea — Ministry of Digital Cooperation \
                 [EU DD3 ¶1; ROK DD3 ¶1]",
                "- **Heads:** EU: Anna Berg (head; Director for Data Policy, Directorate for \
                 Data Policy (DDP)); ROK: PARK Min-seo (head; Ambassador for Digital Affairs, \
                 Ministry of Digital Cooperation (MDC)) [EU DD3 ¶2; ROK DD3 ¶1]",
                "- **Key outcomes:**",
                "  1. The two sides agreed to hold the fourth Data Dialogue in Brussels in 2025. \
                 [EU DD3 ¶5; ROK DD3 ¶5]",
                "- **Next meeting:** The fourth Dialogue is to be held in Brussels in 2025. \
                 [EU DD3 ¶5]",
            ]
        );
        // The delegation note stays; the heads are not repeated below.
        assert!(md.contains("## Participants\n\n- ROK: The EU account names the head"));
        assert_eq!(md.matches("Anna Berg").count(), 1, "{md}");
    }

    #[test]
    fn the_seventh_note_sums_up_merges_repeated_topics_and_cites_every_outcome() {
        let corpus = builtin();
        let index = Index::build(&corpus);
        let md = meeting_note(
            &corpus,
            &index,
            meeting_index(&corpus, "eu-rok-cyber-7"),
            DAY,
        );
        assert!(
            md.contains(
                "- **Heads:** ROK: Youn Jong Kwon (chair; Director-General for International \
                 Security, Ministry of Foreign Affairs); EU: Maciej Stadejek (head; Director for \
                 Security and Defence Policy, European External Action Service (EEAS)) \
                 [ROK 2025 ¶1]\n"
            ),
            "{md}"
        );
        assert!(md.contains("- **Date:** 20 May 2025 [EU 2025 ¶1; ROK 2025 ¶1]\n"));
        assert!(md.contains(
            "- **Next meeting:** The EU will host the next EU-Republic of Korea Cyber Dialogue \
             in Brussels (no date given). [EU 2025 ¶6]\n"
        ));
        // Three to five key outcomes, each cited.
        let outcomes: Vec<&str> = md
            .lines()
            .filter(|l| l.starts_with("  ") && l.trim_start().starts_with(char::is_numeric))
            .collect();
        assert!((3..=KEY_OUTCOMES).contains(&outcomes.len()), "{outcomes:?}");
        assert!(outcomes.iter().all(|o| o.ends_with(']')), "{outcomes:?}");
        // The three topics that said one thing share one line.
        assert!(
            md.contains(
                "- **Countering malicious cyber activities** · **Counter ransomware** · \
                 **Commercial spyware** — The two sides exchanged views"
            ),
            "{md}"
        );
        assert_eq!(md.matches("multilateral mechanism").count(), 1, "{md}");
        // No topic line repeats another.
        let topics: Vec<&str> = md
            .split("## Topics\n\n")
            .nth(1)
            .and_then(|s| s.split("\n\n").next())
            .unwrap_or_default()
            .lines()
            .collect();
        assert!(topics.len() >= 8, "{topics:?}");
        for (k, a) in topics.iter().enumerate() {
            let body = |l: &str| l.split(" — ").nth(1).unwrap_or_default().to_string();
            for b in &topics[k + 1..] {
                assert_ne!(body(a), body(b), "repeated topic text");
            }
        }
    }

    #[test]
    fn a_topic_note_lists_each_meeting_that_discussed_it_with_its_citations() {
        let loaded = crate::test_fixture::small();
        let corpus = &loaded.corpus;
        let index = Index::build(corpus);
        let topic = &corpus
            .topics
            .iter()
            .find(|t| !index.appearances(Facet::Topic, &t.id).is_empty())
            .expect("a topic that appears")
            .id;
        let md = topic_note(corpus, &index, topic, TopicScope::Exact, DAY).expect("a known topic");
        let label = topic_label(corpus, topic);
        assert!(md.starts_with(&format!(
            "# Topic: {label}\n\n## Summary\n\n- Discussed at "
        )));
        for (entry, cites) in topic_appearances(&index, topic, TopicScope::Exact) {
            let (title, _) = entry_title(corpus, entry);
            assert!(md.contains(&format!("\n## {title}")), "{title}: {md}");
            assert!(md.contains(&cite::list(corpus, &cites)), "{md}");
        }
        assert!(md.contains("\n## Sources\n"), "{md}");
        assert!(md.ends_with(&format!(
            "Prepared on 28 November 2026 from entente {}.\n",
            env!("CARGO_PKG_VERSION")
        )));
        assert_eq!(
            topic_note(corpus, &index, "no-such-topic", TopicScope::Exact, DAY),
            None
        );
    }

    #[test]
    fn the_ransomware_note_finds_the_seventh_and_names_the_parents_sub_topics() {
        let corpus = builtin();
        let index = Index::build(&corpus);
        let md = topic_note(
            &corpus,
            &index,
            "counter-ransomware",
            TopicScope::WithSubtopics,
            DAY,
        )
        .expect("a topic");
        assert!(md.contains(
            "## 7th EU–ROK Cyber Dialogue — 20 May 2025\n\n- The Counter Ransomware Initiative \
             (CRI) is named as a multilateral mechanism for countering malicious cyber \
             activities. [EU 2025 ¶4; ROK 2025 ¶7]\n"
        ));
        // The parent rolls up its sub-topics, as `list --topic` does: the 5th and 6th
        // discussed diplomatic responses to malicious cyber activities.
        let parent = topic_note(
            &corpus,
            &index,
            "malicious-cyber-activities",
            TopicScope::WithSubtopics,
            DAY,
        )
        .expect("a topic");
        assert!(
            parent.contains("- Includes its sub-topics: Counter ransomware,"),
            "{parent}"
        );
        for held in ["5th EU–ROK Cyber Dialogue", "6th EU–ROK Cyber Dialogue"] {
            assert!(parent.contains(&format!("## {held}")), "{held}:\n{parent}");
        }
        let alone = topic_note(
            &corpus,
            &index,
            "malicious-cyber-activities",
            TopicScope::Exact,
            DAY,
        )
        .expect("a topic");
        assert!(
            alone.contains("- Sub-topics, not included in this note: Counter ransomware,"),
            "{alone}"
        );
        assert!(!alone.contains("## 5th EU–ROK Cyber Dialogue"), "{alone}");
    }

    #[test]
    fn the_note_shows_a_disagreement_and_a_reference_source_plainly() {
        let loaded = crate::test_fixture::small();
        let corpus = &loaded.corpus;
        let index = Index::build(corpus);
        let i = meeting_index(corpus, "data-dialogue-2");
        let md = meeting_note(corpus, &index, i, DAY);
        assert!(
            md.contains(
                "**Date:** March 2020 (News 2020: February 2020) (preferred: official text \
                 over news) [rok-data-dialogue-2 ¶1; News 2020]"
            ),
            "{md}"
        );
        assert!(
            md.contains(
                "- **News 2020** — Partners hold second Data Dialogue online \
                 (news-data-dialogue-2)\n  - Publisher: Example Wire\n  - Published: 28 \
                 February 2020\n  - URL: https://news.example/2020/02/second-data-dialogue \
                 (accessed 1 November 2026)\n  - Text: text not in the corpus\n"
            ),
            "{md}"
        );
    }
}
