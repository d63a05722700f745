//! A Markdown briefing note for a meeting: what a reader takes into a briefing, every fact with
//! its citation, and the numbered list of sources the citations point to.
//!
//! Pure text generation, shared by `entente export` and the browser's `e` key. Corpus text is
//! sanitised, so the note is safe to print to a terminal.

use std::fmt::Write;

use crate::corpus::{Citation, Corpus, Provenance, names};
use crate::index::Index;
use crate::text::sanitize_line;

/// Numbers sources in order of first citation, so citations print short (`[1¶7]`) and a legend
/// at the end says which source each number is.
#[derive(Debug, Default)]
pub struct Legend {
    sources: Vec<String>,
}

impl Legend {
    fn number(&mut self, source: &str) -> usize {
        match self.sources.iter().position(|s| s == source) {
            Some(i) => i + 1,
            None => {
                self.sources.push(source.to_string());
                self.sources.len()
            }
        }
    }

    /// `[1¶3, 1¶5, 2¶7]`, or empty when there are no citations.
    pub fn cite(&mut self, cites: &[Citation]) -> String {
        if cites.is_empty() {
            return String::new();
        }
        let parts: Vec<String> = cites
            .iter()
            .map(|c| format!("{}¶{}", self.number(&c.source), c.paragraph))
            .collect();
        format!("[{}]", parts.join(", "))
    }

    /// The legend lines: `[1] source-id — title`.
    pub fn lines(&self, corpus: &Corpus) -> Vec<String> {
        self.sources
            .iter()
            .enumerate()
            .map(|(i, id)| {
                let title = corpus
                    .sources
                    .iter()
                    .find(|s| &s.id == id)
                    .map(|s| s.title.as_str())
                    .unwrap_or("");
                format!("[{}] {id} — {title}", i + 1)
            })
            .collect()
    }
}

/// The date of a meeting for people (`20 May 2025`), with how it is known when inferred.
fn date_text(date: &crate::corpus::DateFact) -> String {
    let mut s = human_date(&date.value);
    if let Some(end) = &date.end {
        s.push_str(&format!(" – {}", human_date(end)));
    }
    if date.provenance == Provenance::Inferred {
        s.push_str(&format!(
            " (inferred: {})",
            date.how.as_deref().unwrap_or("")
        ));
    }
    s
}

/// A date for people: `28 June 2019`, `March 2024`, `2021`, from `YYYY[-MM[-DD]]`.
pub fn human_date(value: &str) -> String {
    let parts: Vec<&str> = value.split('-').collect();
    let month = |m: &str| m.parse::<usize>().ok().and_then(crate::corpus::month_name);
    match parts.as_slice() {
        [y, m, d] => match (month(m), d.parse::<u32>()) {
            (Some(m), Ok(d)) => format!("{d} {m} {y}"),
            _ => value.to_string(),
        },
        [y, m] => month(m).map_or_else(|| value.to_string(), |m| format!("{m} {y}")),
        _ => value.to_string(),
    }
}

/// The briefing note for meeting number `meeting` of the corpus, as Markdown.
pub fn meeting_note(corpus: &Corpus, index: &Index, meeting: usize) -> String {
    let Some(m) = corpus.meetings.get(meeting) else {
        return String::new();
    };
    let org = |id: &str| sanitize_line(&names::org_name(corpus, id));
    let person = |id: &str| sanitize_line(names::person_name(corpus, id));
    let topic = |id: &str| sanitize_line(names::topic_label(corpus, id));
    let clean = |s: &str| sanitize_line(s);
    let mut legend = Legend::default();
    let mut md = String::new();
    let _ = writeln!(md, "# {}\n", clean(&m.title));
    let _ = writeln!(
        md,
        "- **Date:** {} {}",
        clean(&date_text(&m.date)),
        legend.cite(&m.date.cite)
    );
    if let Some(p) = &m.place {
        let venue = p
            .venue
            .as_deref()
            .map(|v| format!(", {}", clean(v)))
            .unwrap_or_default();
        let _ = writeln!(
            md,
            "- **Place:** {}{venue} {}",
            clean(&p.city),
            legend.cite(&p.cite)
        );
    }
    if let Some(f) = &m.format {
        let _ = writeln!(
            md,
            "- **Format:** {} {}",
            f.value.label(),
            legend.cite(&f.cite)
        );
    }
    for n in &m.names {
        let _ = writeln!(
            md,
            "- **{} name:** {} {}",
            n.side.label(),
            clean(&n.name),
            legend.cite(&n.cite)
        );
    }
    if !m.delegations.is_empty() {
        let _ = writeln!(md, "\n## Delegations\n");
        for d in &m.delegations {
            for h in &d.heads {
                let o = h
                    .organisation
                    .as_deref()
                    .map(|o| format!(", {}", org(o)))
                    .unwrap_or_default();
                let _ = writeln!(
                    md,
                    "- **{}** ({}): {}, {}{o} {}",
                    d.side.label(),
                    clean(&h.role),
                    person(&h.person),
                    clean(&h.title),
                    legend.cite(&h.cite)
                );
            }
            if !d.members.is_empty() {
                let names: Vec<String> = d.members.iter().map(|r| org(&r.organisation)).collect();
                let cites: Vec<Citation> = d.members.iter().flat_map(|r| r.cite.clone()).collect();
                let _ = writeln!(
                    md,
                    "- {} delegation: {} {}",
                    d.side.label(),
                    names.join(", "),
                    legend.cite(&dedup(cites))
                );
            }
        }
        for o in &m.observers {
            let _ = writeln!(
                md,
                "- Observers: {} {}",
                org(&o.organisation),
                legend.cite(&o.cite)
            );
        }
    }
    if !m.topics.is_empty() {
        let _ = writeln!(md, "\n## Topics\n");
        for t in &m.topics {
            let summary = t
                .summary
                .as_deref()
                .map(|s| format!(": {}", clean(s)))
                .unwrap_or_default();
            let _ = writeln!(
                md,
                "- **{}**{summary} {}",
                topic(&t.topic),
                legend.cite(&t.cite)
            );
        }
    }
    if !m.outcomes.is_empty() {
        let _ = writeln!(md, "\n## Outcomes\n");
        for s in &m.outcomes {
            let _ = writeln!(md, "- {} {}", clean(&s.text), legend.cite(&s.cite));
        }
    }
    if let Some(n) = &m.next_meeting {
        let _ = writeln!(
            md,
            "\n## Next meeting\n\n{} {}",
            clean(&n.text),
            legend.cite(&n.cite)
        );
    }
    if !m.notes.is_empty() {
        let _ = writeln!(md, "\n## Notes\n");
        for s in &m.notes {
            let _ = writeln!(md, "- {} {}", clean(&s.text), legend.cite(&s.cite));
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
                clean(&other.title),
                human_date(&other.date.value)
            );
        }
    }
    let _ = writeln!(md, "\n## Sources\n");
    for line in legend.lines(corpus) {
        let _ = writeln!(md, "{}  ", clean(&line));
    }
    md
}

fn dedup(mut cites: Vec<Citation>) -> Vec<Citation> {
    cites.sort();
    cites.dedup();
    cites
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_read_as_people_write_them() {
        assert_eq!(human_date("2019-06-28"), "28 June 2019");
        assert_eq!(human_date("2024-03"), "March 2024");
        assert_eq!(human_date("2021"), "2021");
        assert_eq!(human_date("2021-13"), "2021-13");
    }

    #[test]
    fn legend_numbers_sources_in_order_of_first_use() {
        let mut legend = Legend::default();
        let c = |s: &str, p| Citation {
            source: s.into(),
            paragraph: p,
        };
        assert_eq!(legend.cite(&[c("b", 2), c("a", 1)]), "[1¶2, 2¶1]");
        assert_eq!(legend.cite(&[c("a", 4)]), "[2¶4]");
        assert_eq!(legend.cite(&[]), "");
    }
}
