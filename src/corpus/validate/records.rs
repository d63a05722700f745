//! The checks of each kind of record and of the value types they share (places, statements,
//! references to organisations, events and topics).

use super::at::At;
use super::{Checker, Rec, RecordKind, is_language_tag};
use crate::corpus::model::{
    Event, EventRef, FormatFact, Meeting, Name, OrgRef, Organisation, Person, Place, Source,
    Statement, Topic, TopicRef,
};

impl Checker<'_> {
    pub(super) fn place(&mut self, rec: Rec<'_>, at: &At<'_>, p: &Place) {
        self.text(rec, &at.field("city"), &p.city, "a city");
        self.opt_text(rec, &at.field("country"), p.country.as_deref(), "a country");
        self.opt_text(rec, &at.field("venue"), p.venue.as_deref(), "a venue");
        self.provenance(rec, at, p.provenance, p.how.as_deref());
        self.cites(rec, &at.field("cite"), &p.cite);
    }

    /// Names in other languages: text, a language tag, and citations unless conventional (a
    /// conventional name has none, so it is never shown as sourced). Text in NFC, as loading
    /// makes it, so a corpus built in code is held to the same rule.
    pub(super) fn names(&mut self, rec: Rec<'_>, at: &At<'_>, list: &[Name]) {
        for (i, n) in list.iter().enumerate() {
            let at = at.index(i);
            self.text(rec, &at.field("text"), &n.text, "the name as written");
            if !unicode_normalization::is_nfc(&n.text) {
                self.report(
                    rec,
                    &at.field("text"),
                    "not in Unicode NFC; expected the composed form (e.g. 국정원, not its jamo)",
                );
            }
            if !is_language_tag(&n.lang) {
                self.report(
                    rec,
                    &at.field("lang"),
                    format!(
                        "`{}` is not a language tag; expected a BCP 47 tag such as `ko` or `en`",
                        n.lang
                    ),
                );
            }
            if n.conventional {
                if !n.cite.is_empty() {
                    self.report(
                        rec,
                        &at.field("cite"),
                        "a conventional name with citations; expected either no citations \
                         (a name no source states) or `conventional` left out",
                    );
                }
            } else {
                self.cites(rec, &at.field("cite"), &n.cite);
            }
        }
    }

    pub(super) fn format_fact(&mut self, rec: Rec<'_>, at: &At<'_>, f: &FormatFact) {
        self.provenance(rec, at, f.provenance, f.how.as_deref());
        self.cites(rec, &at.field("cite"), &f.cite);
    }

    pub(super) fn statements(&mut self, rec: Rec<'_>, at: &At<'_>, list: &[Statement]) {
        for (i, s) in list.iter().enumerate() {
            let at = at.index(i);
            self.text(rec, &at.field("text"), &s.text, "a sentence");
            self.cites(rec, &at.field("cite"), &s.cite);
        }
    }

    pub(super) fn org_refs(&mut self, rec: Rec<'_>, at: &At<'_>, list: &[OrgRef]) {
        for (i, o) in list.iter().enumerate() {
            let at = at.index(i);
            self.reference(
                rec,
                &at.field("organisation"),
                &o.organisation,
                RecordKind::Organisation,
            );
            self.opt_text(rec, &at.field("note"), o.note.as_deref(), "a note");
            self.cites(rec, &at.field("cite"), &o.cite);
        }
    }

    pub(super) fn event_ref(&mut self, rec: Rec<'_>, at: &At<'_>, e: &EventRef) {
        self.reference(rec, &at.field("event"), &e.event, RecordKind::Event);
        self.text(
            rec,
            &at.field("text"),
            &e.text,
            "what the source says of the event",
        );
        self.cites(rec, &at.field("cite"), &e.cite);
    }

    pub(super) fn topic_refs(&mut self, rec: Rec<'_>, at: &At<'_>, list: &[TopicRef]) {
        for (i, t) in list.iter().enumerate() {
            let at = at.index(i);
            self.reference(rec, &at.field("topic"), &t.topic, RecordKind::Topic);
            self.opt_text(rec, &at.field("summary"), t.summary.as_deref(), "a summary");
            self.cites(rec, &at.field("cite"), &t.cite);
        }
    }

    pub(super) fn edition(&mut self, rec: Rec<'_>, edition: Option<u32>) {
        if edition == Some(0) {
            self.report(
                rec,
                &At::top("edition"),
                "edition 0; expected 1 or more (the 1st meeting of a series is edition 1)",
            );
        }
    }

    pub(super) fn source(&mut self, rec: Rec<'_>, s: &Source) {
        self.text(rec, &At::top("title"), &s.title, "the document's headline");
        self.opt_text(rec, &At::top("label"), s.label.as_deref(), "a short label");
        if let Some(first) = self.first_with_label(s) {
            let message = format!(
                "label {:?} is already the label of source `{first}`; expected each source's \
                 label unique, as citations print it",
                s.label.as_deref().unwrap_or_default(),
            );
            self.report(rec, &At::top("label"), message);
        }
        self.opt_text(
            rec,
            &At::top("publisher"),
            s.publisher.as_deref(),
            "a publisher",
        );
        if !is_language_tag(&s.language) {
            self.report(
                rec,
                &At::top("language"),
                format!(
                    "`{}` is not a language tag; expected a BCP 47 tag such as `en` or `ko`",
                    s.language
                ),
            );
        }
        if let Some(d) = &s.published {
            self.date(rec, &At::top("published"), d);
        }
        if let Some(side) = &s.side {
            self.side(rec, &At::top("side"), side);
        }
        self.texts(rec, &At::top("notes"), &s.notes, "a remark");
        // A source without paragraphs is a reference: known by its URL, its text not here.
        if s.is_reference() && !s.raw.is_empty() {
            self.report(
                rec,
                &At::top("paragraphs"),
                "a raw text but no paragraphs; expected the cleaned text as one or more paragraphs",
            );
        } else if s.is_reference() && s.url.as_deref().is_none_or(|u| u.trim().is_empty()) {
            self.report(
                rec,
                &At::top("paragraphs"),
                "no paragraphs and no `url`; expected the cleaned text as one or more \
                 paragraphs, or, for a reference source whose text is not in the corpus, its `url`",
            );
        }
        self.texts(
            rec,
            &At::top("paragraphs"),
            &s.paragraphs,
            "a paragraph's text",
        );
    }

    /// The id of the first source, in file order, that has the label of `s` when that is not
    /// `s` itself.
    fn first_with_label(&self, s: &Source) -> Option<&str> {
        let label = s.label.as_deref()?;
        let first = *self.ids.labels.get(label)?;
        (!std::ptr::eq(first, s)).then_some(first.id.as_str())
    }

    pub(super) fn meeting(&mut self, rec: Rec<'_>, m: &Meeting) {
        self.text(rec, &At::top("series"), &m.series, "a series slug");
        if !m.series.trim().is_empty() {
            self.slug(rec, &At::top("series"), &m.series);
        }
        self.edition(rec, m.edition);
        self.text(rec, &At::top("title"), &m.title, "a display title");
        self.text(
            rec,
            &At::top("short_title"),
            &m.short_title,
            "a short title",
        );
        let names = At::top("names");
        for (i, n) in m.names.iter().enumerate() {
            let at = names.index(i);
            self.side(rec, &at.field("side"), &n.side);
            self.text(rec, &at.field("name"), &n.name, "the name this side uses");
            self.cites(rec, &at.field("cite"), &n.cite);
        }
        self.date(rec, &At::top("date"), &m.date);
        if let Some(p) = &m.place {
            self.place(rec, &At::top("place"), p);
        }
        if let Some(f) = &m.format {
            self.format_fact(rec, &At::top("format"), f);
        }
        let co = At::top("co_located");
        for (i, e) in m.co_located.iter().enumerate() {
            self.event_ref(rec, &co.index(i), e);
        }
        let delegations = At::top("delegations");
        for (i, d) in m.delegations.iter().enumerate() {
            let at = delegations.index(i);
            self.side(rec, &at.field("side"), &d.side);
            let heads = at.field("heads");
            for (j, h) in d.heads.iter().enumerate() {
                let at = heads.index(j);
                self.reference(rec, &at.field("person"), &h.person, RecordKind::Person);
                self.text(
                    rec,
                    &at.field("role"),
                    &h.role,
                    "a role such as `head` or `chair`",
                );
                self.text(
                    rec,
                    &at.field("title"),
                    &h.title,
                    "the title the source gives",
                );
                if let Some(o) = &h.organisation {
                    self.reference(rec, &at.field("organisation"), o, RecordKind::Organisation);
                }
                self.cites(rec, &at.field("cite"), &h.cite);
            }
            self.org_refs(rec, &at.field("members"), &d.members);
            self.statements(rec, &at.field("notes"), &d.notes);
        }
        self.org_refs(rec, &At::top("observers"), &m.observers);
        self.topic_refs(rec, &At::top("topics"), &m.topics);
        self.statements(rec, &At::top("outcomes"), &m.outcomes);
        if let Some(e) = &m.next_meeting {
            self.event_ref(rec, &At::top("next_meeting"), e);
        }
        self.statements(rec, &At::top("notes"), &m.notes);
        let accounts = At::top("accounts");
        if m.accounts.is_empty() {
            self.report(
                rec,
                &accounts,
                "no accounts; expected at least one {\"source\": …} that reports the meeting",
            );
        }
        for (i, a) in m.accounts.iter().enumerate() {
            if let Some(side) = &a.side {
                self.side(rec, &accounts.index(i).field("side"), side);
            }
            self.reference(
                rec,
                &accounts.index(i).field("source"),
                &a.source,
                RecordKind::Source,
            );
        }
    }

    pub(super) fn event(&mut self, rec: Rec<'_>, e: &Event) {
        self.text(rec, &At::top("title"), &e.title, "a title");
        if let Some(series) = &e.series {
            self.slug(rec, &At::top("series"), series);
        }
        self.edition(rec, e.edition);
        if let Some(d) = &e.date {
            self.date(rec, &At::top("date"), d);
        }
        if let Some(p) = &e.place {
            self.place(rec, &At::top("place"), p);
        }
        self.text(
            rec,
            &At::top("description"),
            &e.description,
            "what the sources say of it",
        );
        let orgs = At::top("organisations");
        for (i, o) in e.organisations.iter().enumerate() {
            self.reference(rec, &orgs.index(i), o, RecordKind::Organisation);
        }
        let topics = At::top("topics");
        for (i, t) in e.topics.iter().enumerate() {
            self.reference(rec, &topics.index(i), t, RecordKind::Topic);
        }
        self.cites(rec, &At::top("cite"), &e.cite);
    }

    pub(super) fn organisation(&mut self, rec: Rec<'_>, o: &Organisation) {
        self.text(rec, &At::top("name"), &o.name, "the canonical name");
        self.opt_text(rec, &At::top("acronym"), o.acronym.as_deref(), "an acronym");
        self.texts(rec, &At::top("aliases"), &o.aliases, "another name");
        self.names(rec, &At::top("names"), &o.names);
        self.side(rec, &At::top("side"), &o.side);
        if let Some(parent) = &o.parent {
            self.reference(rec, &At::top("parent"), parent, RecordKind::Organisation);
        }
        self.cites(rec, &At::top("cite"), &o.cite);
    }

    pub(super) fn person(&mut self, rec: Rec<'_>, p: &Person) {
        self.text(
            rec,
            &At::top("name"),
            &p.name,
            "the name as the sources write it",
        );
        self.opt_text(
            rec,
            &At::top("honorific"),
            p.honorific.as_deref(),
            "an honorific",
        );
        self.texts(rec, &At::top("aliases"), &p.aliases, "another name");
        self.names(rec, &At::top("names"), &p.names);
        let roles = At::top("roles");
        for (i, r) in p.roles.iter().enumerate() {
            let at = roles.index(i);
            self.text(
                rec,
                &at.field("title"),
                &r.title,
                "the title the source gives",
            );
            self.side(rec, &at.field("side"), &r.side);
            if let Some(o) = &r.organisation {
                self.reference(rec, &at.field("organisation"), o, RecordKind::Organisation);
            }
            if let Some(m) = &r.meeting {
                self.reference(rec, &at.field("meeting"), m, RecordKind::Meeting);
            }
            self.cites(rec, &at.field("cite"), &r.cite);
        }
    }

    pub(super) fn topic(&mut self, rec: Rec<'_>, t: &Topic) {
        self.text(rec, &At::top("label"), &t.label, "a label");
        self.texts(
            rec,
            &At::top("aliases"),
            &t.aliases,
            "another word for the topic",
        );
        self.names(rec, &At::top("names"), &t.names);
        if let Some(parent) = &t.parent {
            self.reference(rec, &At::top("parent"), parent, RecordKind::Topic);
        }
    }
}
