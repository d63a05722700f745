//! The one citation style: each source has a short label ("EU 2025": its `label`, else its id),
//! the same on every screen and in every output; a list of citations reads
//! `[EU 2025 ¶1, ¶6; ROK 2025 ¶1]`; a legend gives each cited source's full reference.

use crate::corpus::{Citation, Corpus, Source};

use super::date;

/// The short label of source `id`: its `label`, else its id (also for an unknown source).
pub fn source_label<'a>(corpus: &'a Corpus, id: &'a str) -> &'a str {
    corpus
        .sources
        .iter()
        .find(|s| s.id == id)
        .map_or(id, label_of)
}

/// The short label of a source at hand: its `label`, else its id.
pub fn label_of(source: &Source) -> &str {
    source.label.as_deref().unwrap_or(&source.id)
}

/// `cites` with repeats removed, first occurrences kept in order.
pub fn dedup(cites: impl IntoIterator<Item = Citation>) -> Vec<Citation> {
    let mut out: Vec<Citation> = Vec::new();
    for c in cites {
        if !out.contains(&c) {
            out.push(c);
        }
    }
    out
}

/// `[EU 2025 ¶1, ¶6; ROK 2025 ¶1; KBS 2025]`: citations grouped by source in order of first
/// use, each paragraph once, a reference source cited as a whole by its label alone; empty
/// when there are none.
pub fn list(corpus: &Corpus, cites: &[Citation]) -> String {
    list_with(cites, |id| source_label(corpus, id))
}

/// [`list`] with labels from `label_of`, for callers that keep their own label table.
pub fn list_with<'a>(cites: &'a [Citation], label_of: impl Fn(&'a str) -> &'a str) -> String {
    let mut groups: Vec<(&str, Vec<u32>)> = Vec::new();
    for c in cites {
        let index = match groups.iter().position(|(s, _)| *s == c.source) {
            Some(index) => index,
            None => {
                groups.push((&c.source, Vec::new()));
                groups.len() - 1
            }
        };
        let paragraphs = &mut groups[index].1;
        if let Some(p) = c.paragraph
            && !paragraphs.contains(&p)
        {
            paragraphs.push(p);
        }
    }
    if groups.is_empty() {
        return String::new();
    }
    let parts: Vec<String> = groups
        .iter()
        .map(|(source, paragraphs)| {
            if paragraphs.is_empty() {
                return label_of(source).to_string();
            }
            let ps: Vec<String> = paragraphs.iter().map(|p| format!("¶{p}")).collect();
            format!("{} {}", label_of(source), ps.join(", "))
        })
        .collect();
    format!("[{}]", parts.join("; "))
}

/// A citation list for a screen: the spaces inside each source's group become no-break spaces,
/// so wrapping breaks a list only between sources (`[EU 2025 ¶1;` / `ROK 2025 ¶1]`).
pub fn unbroken(list: &str) -> String {
    list.split("; ")
        .map(|group| group.replace(' ', "\u{a0}"))
        .collect::<Vec<_>>()
        .join("; ")
}

/// The full reference of one cited source, with only what the corpus records.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reference {
    pub label: String,
    pub id: String,
    pub title: Option<String>,
    pub publisher: Option<String>,
    /// The publication date, written by the date formatter.
    pub published: Option<String>,
    /// Where the document is published.
    pub url: Option<String>,
    /// When `url` was read, written by the date formatter.
    pub accessed: Option<String>,
    /// Whether the text is in the corpus; `false` for a reference source (cited as a whole)
    /// and for an unknown id.
    pub has_text: bool,
}

/// What every surface says of a source whose text the corpus does not hold.
pub const NOT_IN_CORPUS: &str = "text not in the corpus";

impl Reference {
    pub fn of(corpus: &Corpus, id: &str) -> Reference {
        let source: Option<&Source> = corpus.sources.iter().find(|s| s.id == id);
        Reference {
            label: source_label(corpus, id).to_string(),
            id: id.to_string(),
            title: source.map(|s| s.title.to_string()),
            publisher: source.and_then(|s| s.publisher.as_ref().map(ToString::to_string)),
            published: source.and_then(|s| s.published.as_ref()).map(date::long),
            url: source.and_then(|s| s.url.as_ref().map(ToString::to_string)),
            accessed: source.and_then(|s| s.accessed.as_deref()).map(date::value),
            has_text: source.is_some_and(|s| !s.is_reference()),
        }
    }

    /// "text not in the corpus — see URL" for a source whose text the corpus lacks (without
    /// a URL, just "text not in the corpus"); `None` when the text is here.
    pub fn absence(&self) -> Option<String> {
        if self.has_text {
            return None;
        }
        Some(match &self.url {
            Some(url) => format!("{NOT_IN_CORPUS} — see {url}"),
            None => NOT_IN_CORPUS.to_string(),
        })
    }

    /// What follows the label: "Title, Publisher, 1 July 2019, URL (accessed 2 July 2019)
    /// (source-id)", the id only when the label is not already the id; for a source whose text
    /// is not here, "…; text not in the corpus — see URL" instead of the bare URL.
    pub fn description(&self) -> String {
        let mut parts: Vec<String> = Vec::new();
        parts.extend(self.title.clone());
        parts.extend(self.publisher.clone());
        parts.extend(self.published.clone());
        if self.has_text
            && let Some(url) = &self.url
        {
            parts.push(url.clone());
        }
        let mut s = parts.join(", ");
        if let Some(accessed) = &self.accessed
            && self.url.is_some()
        {
            s.push_str(&format!(" (accessed {accessed})"));
        }
        if self.label != self.id {
            if !s.is_empty() {
                s.push(' ');
            }
            s.push_str(&format!("({})", self.id));
        }
        if let Some(absence) = self.absence() {
            if !s.is_empty() {
                s.push_str("; ");
            }
            s.push_str(&absence);
        }
        s
    }

    /// "EU 2025 — Title, Publisher, date (source-id)".
    pub fn text(&self) -> String {
        let rest = self.description();
        if rest.is_empty() {
            self.label.clone()
        } else {
            format!("{} — {rest}", self.label)
        }
    }
}

/// The sources a set of facts cites, in order of first citation.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Legend {
    pub references: Vec<Reference>,
}

impl Legend {
    /// The legend of the sources `ids`, each once, in order of first use.
    pub fn of<'a>(corpus: &Corpus, ids: impl IntoIterator<Item = &'a str>) -> Legend {
        let mut seen: Vec<&str> = Vec::new();
        for id in ids {
            if !seen.contains(&id) {
                seen.push(id);
            }
        }
        let ids = seen;
        Legend {
            references: ids.iter().map(|id| Reference::of(corpus, id)).collect(),
        }
    }

    pub fn is_empty(&self) -> bool {
        self.references.is_empty()
    }
}

impl Reference {
    /// The citation as a reader writes it, from what the corpus records and nothing else:
    /// "Publisher, “Title”, 20 May 2025, ¶1, ¶3, https://…"; the label alone when neither
    /// publisher, title nor date is known. What the browser copies (`y`) after a fact or a
    /// paragraph, one per cited source; any surface that cites for people can use it.
    pub fn readable(&self, paragraphs: &[u32]) -> String {
        let mut parts: Vec<String> = Vec::new();
        parts.extend(self.publisher.clone());
        if let Some(title) = self
            .title
            .as_ref()
            .filter(|t| !t.is_empty() && **t != self.id)
        {
            parts.push(format!("“{title}”"));
        }
        parts.extend(self.published.clone());
        if parts.is_empty() {
            parts.push(self.label.clone());
        }
        parts.extend(paragraphs.iter().map(|p| format!("¶{p}")));
        parts.extend(self.url.clone());
        parts.join(", ")
    }
}

/// The readable citation that follows copied text, each source once, in order of first
/// citation: "EU Delegation to Korea, “7th EU–ROK Cyber Dialogue”, 20 May 2025, ¶1, ¶3,
/// https://…"; sources apart by "; ". Only what the corpus records is said; a source the
/// corpus does not know is named by its label.
pub fn full_list(corpus: &Corpus, cites: &[Citation]) -> String {
    let cites = dedup(cites.iter().cloned());
    let mut sources: Vec<&str> = Vec::new();
    for c in &cites {
        if !sources.contains(&c.source.as_str()) {
            sources.push(&c.source);
        }
    }
    sources
        .iter()
        .map(|id| {
            let paragraphs: Vec<u32> = cites
                .iter()
                .filter(|c| c.source == *id)
                .filter_map(|c| c.paragraph)
                .collect();
            Reference::of(corpus, id).readable(&paragraphs)
        })
        .collect::<Vec<_>>()
        .join("; ")
}

/// What `y` copies: `text`, then " — " and its one readable citation ([`full_list`]); the
/// text alone when nothing is cited. Sanitised: corpus text carries no control characters
/// to the clipboard.
pub fn copy_line(corpus: &Corpus, text: &str, cites: &[Citation]) -> String {
    let citation = full_list(corpus, cites);
    let line = if citation.is_empty() {
        text.to_string()
    } else {
        format!("{text} — {citation}")
    };
    crate::text::sanitize_line(&line)
}
