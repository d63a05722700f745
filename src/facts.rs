//! The facts of a meeting or an event, built once for every surface: labelled sections of
//! facts, each fact with its text, its qualifier (stated, or inferred and how) and its
//! citations, deduplicated in order. The browser's Overview, `entente show`, the briefing note
//! and the copy (`y`) are thin renderers of these sections, so dates, places and citations read
//! the same everywhere. Pure: no terminal, no styling, no sanitising (renderers sanitise).

use crate::corpus::names::side_label;
use crate::corpus::{Citation, Corpus, DateFact, EventKind, PreferenceRule, Provenance, Side};
use crate::index::EntryRef;
use crate::index::status::Status;

pub mod cite;
pub mod date;
mod event;
mod meeting;
pub mod name;
pub mod place;

#[cfg(test)]
mod tests;

pub use cite::Legend;

/// Every fact of one meeting or event, in the order surfaces show them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Facts {
    /// The record's id.
    pub id: String,
    /// The display title.
    pub title: String,
    /// For an event, whether it is mentioned or planned; `None` for a meeting.
    pub event_kind: Option<EventKind>,
    /// Non-empty sections only, in display order.
    pub sections: Vec<Section>,
}

/// A labelled group of facts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Section {
    pub heading: Heading,
    pub facts: Vec<Fact>,
}

/// Which section a group of facts is. [`Heading::Key`] holds the one-line fields (date, place,
/// format, series, names, kind), shown without a heading.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Heading {
    Key,
    Participants,
    Organisations,
    Observers,
    CoLocated,
    Topics,
    Outcomes,
    NextMeeting,
    Notes,
    Accounts,
    Description,
}

impl Heading {
    pub fn label(self) -> &'static str {
        match self {
            Heading::Key => "Key facts",
            Heading::Participants => "Participants",
            Heading::Organisations => "Organisations",
            Heading::Observers => "Observers",
            Heading::CoLocated => "Held alongside",
            Heading::Topics => "Topics",
            Heading::Outcomes => "Outcomes",
            Heading::NextMeeting => "Next meeting",
            Heading::Notes => "Notes",
            Heading::Accounts => "Accounts",
            Heading::Description => "Description",
        }
    }
}

/// What a fact states.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    Date,
    Place,
    Format,
    Series,
    /// The name one side uses for the meeting (the fact's `side`).
    Name,
    /// Whether an event is mentioned or planned.
    Kind,
    /// Where a meeting or event stands: announced, upcoming, superseded (and by what).
    Status,
    /// A head of delegation or chair: `subject` is the person.
    Head,
    /// A remark on a delegation.
    DelegationNote,
    /// An organisation in a delegation, or linked to an event: `subject` is its name.
    Organisation,
    Observer,
    CoLocated,
    /// A topic: `subject` is its label, `text` what was said of it.
    Topic,
    Outcome,
    NextMeeting,
    Note,
    /// One side's account: `subject` is the source's label, `text` its title.
    Account,
    Description,
}

impl Field {
    /// The field's name for the one-line fields ("Date"); `None` for items of a list.
    pub fn label(self) -> Option<&'static str> {
        match self {
            Field::Date => Some("Date"),
            Field::Place => Some("Place"),
            Field::Format => Some("Format"),
            Field::Series => Some("Series"),
            Field::Name => Some("Name"),
            Field::Kind => Some("Kind"),
            Field::Status => Some("Status"),
            _ => None,
        }
    }
}

/// Whether a fact is stated in its sources or inferred from them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Qualifier {
    Stated,
    /// Inferred, with how where the corpus says.
    Inferred {
        how: Option<String>,
    },
}

impl Qualifier {
    fn of(provenance: Provenance, how: Option<&str>) -> Qualifier {
        match provenance {
            Provenance::Stated => Qualifier::Stated,
            Provenance::Inferred => Qualifier::Inferred {
                how: how.map(str::to_string),
            },
        }
    }

    /// "inferred: the source gives …" (or "inferred"); `None` when stated.
    pub fn note(&self) -> Option<String> {
        match self {
            Qualifier::Stated => None,
            Qualifier::Inferred { how: Some(h) } => Some(format!("inferred: {h}")),
            Qualifier::Inferred { how: None } => Some("inferred".to_string()),
        }
    }
}

/// One fact: what it states, about whom, its qualifier and its citations.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fact {
    pub field: Field,
    /// The side a name, delegation fact or account belongs to.
    pub side: Option<Side>,
    /// Who or what the fact is about (a person, organisation, topic, source), where it has one.
    pub subject: Option<String>,
    /// The value or sentence (may be empty when the subject says it all).
    pub text: String,
    pub qualifier: Qualifier,
    /// Citations, each once, in the order the corpus gives them.
    pub cite: Vec<Citation>,
    /// The source an [`Field::Account`] fact names (its citations stay empty: an account is
    /// a whole source, not a cited paragraph).
    pub source: Option<String>,
    /// Where sources disagree: the rule that chose `text` over the alternatives it lists.
    pub rule: Option<PreferenceRule>,
}

impl Fact {
    fn new(field: Field, text: impl Into<String>, cite: &[Citation]) -> Fact {
        Fact {
            field,
            side: None,
            subject: None,
            text: text.into(),
            qualifier: Qualifier::Stated,
            cite: cite::dedup(cite.iter().cloned()),
            source: None,
            rule: None,
        }
    }

    fn about(mut self, subject: impl Into<String>) -> Fact {
        self.subject = Some(subject.into());
        self
    }

    fn on(mut self, side: Side) -> Fact {
        self.side = Some(side);
        self
    }

    fn qualified(mut self, provenance: Provenance, how: Option<&str>) -> Fact {
        self.qualifier = Qualifier::of(provenance, how);
        self
    }

    /// What qualifies the fact, for the parentheses after it: "inferred: …", the rule that
    /// chose among disagreeing sources ("official text over news"), both, or `None`.
    pub fn note(&self) -> Option<String> {
        let rule = self.rule.map(|r| format!("preferred: {}", r.label()));
        match (self.qualifier.note(), rule) {
            (Some(q), Some(r)) => Some(format!("{q}; {r}")),
            (q, r) => q.or(r),
        }
    }

    /// The fact's caption where a line needs one: "Date", "EU name", "ROK" (a delegation).
    /// Sides are labelled by their party's short name in `corpus`.
    pub fn caption(&self, corpus: &Corpus) -> Option<String> {
        let side = self.side.as_ref().map(|s| side_label(corpus, s));
        match (self.field, side) {
            (Field::Name, Some(side)) => Some(format!("{side} name")),
            (Field::Head | Field::DelegationNote | Field::Organisation, Some(side)) => {
                Some(side.to_string())
            }
            (field, _) => field.label().map(str::to_string),
        }
    }

    /// The fact as one sentence: "Youn Jong Kwon — chair; Director-General …", or the text
    /// alone, or the subject alone when there is no text.
    pub fn sentence(&self) -> String {
        match (&self.subject, self.text.is_empty()) {
            (Some(s), true) => s.clone(),
            (Some(s), false) => format!("{s} — {}", self.text),
            (None, _) => self.text.clone(),
        }
    }

    /// The fact as `show` and the note print it: caption, sentence, qualifier and the short
    /// citation list, each citation once:
    /// "Date: 7–11 July 2025 (inferred: …) [EU 2025 ¶1, ¶3; ROK 2025 ¶5]".
    pub fn cited_text(&self, corpus: &Corpus) -> String {
        let mut s = match self.caption(corpus) {
            Some(c) => format!("{c}: {}", self.sentence()),
            None => self.sentence(),
        };
        if let Some(q) = self.note() {
            s.push_str(&format!(" ({q})"));
        }
        let cites = cite::list(corpus, &self.cite);
        if !cites.is_empty() {
            s.push(' ');
            s.push_str(&cites);
        }
        s
    }

    /// The fact as `y` copies it, to be read outside entente: caption, sentence, qualifier
    /// ("inferred: …") and one readable citation per source (publisher, title, date, ¶, URL).
    pub fn copy_text(&self, corpus: &Corpus) -> String {
        let mut s = match self.caption(corpus) {
            Some(c) => format!("{c}: {}", self.sentence()),
            None => self.sentence(),
        };
        if let Some(q) = self.note() {
            s.push_str(&format!(" ({q})"));
        }
        cite::copy_line(corpus, &s, &self.cite)
    }
}

impl Facts {
    /// Every citation of every fact, in display order (repeats kept).
    pub fn citations(&self) -> impl Iterator<Item = &Citation> {
        self.sections
            .iter()
            .flat_map(|s| &s.facts)
            .flat_map(|f| &f.cite)
    }

    /// The legend of the sources these facts cite or name as accounts, in order of first use.
    pub fn legend(&self, corpus: &Corpus) -> Legend {
        let accounts = self
            .sections
            .iter()
            .flat_map(|s| &s.facts)
            .filter_map(|f| f.source.as_deref());
        Legend::of(
            corpus,
            self.citations().map(|c| c.source.as_str()).chain(accounts),
        )
    }

    /// The section with `heading`, if it has facts.
    pub fn section(&self, heading: Heading) -> Option<&Section> {
        self.sections.iter().find(|s| s.heading == heading)
    }

    /// The first one-line fact of `field`.
    pub fn key(&self, field: Field) -> Option<&Fact> {
        self.section(Heading::Key)?
            .facts
            .iter()
            .find(|f| f.field == field)
    }

    /// These facts with a [`Field::Status`] fact for an event's computed status, after its
    /// kind: "superseded by 3rd EU–ROK Data Dialogue (11–12 June 2024, Seoul)", "upcoming".
    /// A held meeting's facts are left as they are (an announced meeting already says so).
    pub fn with_status(mut self, corpus: &Corpus, status: Status) -> Facts {
        let text = match status {
            Status::Held | Status::Announced | Status::Mentioned => return self,
            Status::Superseded { by } | Status::HeldAsPlanned { by } => {
                let Some(m) = corpus.meetings.get(by) else {
                    return self;
                };
                let mut held = date::long(&m.date);
                if let Some(p) = &m.place {
                    held.push_str(", ");
                    held.push_str(&p.city);
                }
                let how = if matches!(status, Status::Superseded { .. }) {
                    "superseded by"
                } else {
                    "held as planned:"
                };
                format!("{how} {} ({held})", m.title)
            }
            Status::Upcoming => "upcoming".to_string(),
            Status::Unreported => {
                "not reported: its date has passed and no later meeting of its series is \
                 recorded"
                    .to_string()
            }
        };
        let fact = Fact::new(Field::Status, text, &[]);
        if let Some(key) = self.sections.iter_mut().find(|s| s.heading == Heading::Key) {
            let after_kind = key
                .facts
                .iter()
                .position(|f| f.field == Field::Kind)
                .map_or(0, |i| i + 1);
            key.facts.insert(after_kind, fact);
        } else {
            self.sections.insert(
                0,
                Section {
                    heading: Heading::Key,
                    facts: vec![fact],
                },
            );
        }
        self
    }

    /// One line for a timeline entry, for the clipboard: title, date and place with their
    /// qualifiers, and their citations once:
    /// "6th EU–ROK Cyber Dialogue — 24 November 2020 (inferred: …) [EU 2020 ¶1]".
    pub fn summary_line(&self, corpus: &Corpus) -> String {
        let (mut s, cites) = self.summary();
        let list = cite::list(corpus, &cites);
        if !list.is_empty() {
            s.push(' ');
            s.push_str(&list);
        }
        s
    }

    /// [`Facts::summary_line`] without its citations, and the citations apart (each once, in
    /// order), for a surface that writes them its own way.
    pub fn summary(&self) -> (String, Vec<Citation>) {
        let mut s = self.title.clone();
        let mut cites: Vec<Citation> = Vec::new();
        let mut sep = " — ";
        for field in [Field::Date, Field::Place] {
            if let Some(f) = self.key(field) {
                s.push_str(sep);
                s.push_str(&f.text);
                if let Some(q) = f.note() {
                    s.push_str(&format!(" ({q})"));
                }
                cites.extend(f.cite.iter().cloned());
                sep = ", ";
            }
        }
        (s, cite::dedup(cites))
    }
}

/// The facts of a timeline entry, or `None` when the position is out of range.
pub fn of_entry(corpus: &Corpus, entry: EntryRef) -> Option<Facts> {
    match entry {
        EntryRef::Meeting(i) => corpus.meetings.get(i).map(|m| meeting::facts(corpus, m)),
        EntryRef::Event(i) => corpus.events.get(i).map(|e| event::facts(corpus, e)),
    }
}

pub use event::facts as of_event;
pub use meeting::facts as of_meeting;

/// The date fact every surface shows: the preferred value, then each alternative that other
/// sources give with their labels ("30 June 2023 (News 2024: 23 June 2023)"), citing all of
/// them, with the rule that chose the preferred value.
fn date_fact(corpus: &Corpus, d: &DateFact) -> Fact {
    let mut text = date::long(d);
    let mut cites = d.cite.clone();
    let alternatives: Vec<String> = d
        .alternatives
        .iter()
        .map(|a| {
            cites.extend(a.cite.iter().cloned());
            let mut labels: Vec<&str> = Vec::new();
            for c in &a.cite {
                let label = cite::source_label(corpus, &c.source);
                if !labels.contains(&label) {
                    labels.push(label);
                }
            }
            let value = date::alternative(a);
            if labels.is_empty() {
                value
            } else {
                format!("{}: {value}", labels.join(", "))
            }
        })
        .collect();
    if !alternatives.is_empty() {
        text.push_str(&format!(" ({})", alternatives.join("; ")));
    }
    let mut fact = Fact::new(Field::Date, text, &cites).qualified(d.provenance, d.how.as_deref());
    if !d.alternatives.is_empty() {
        fact.rule = d.rule;
    }
    fact
}

/// Collects the non-empty sections in order.
#[derive(Default)]
struct Builder {
    sections: Vec<Section>,
}

impl Builder {
    fn section(&mut self, heading: Heading, facts: Vec<Fact>) {
        if !facts.is_empty() {
            self.sections.push(Section { heading, facts });
        }
    }
}
