//! The Overview tab: the facts of a meeting or event (see [`crate::facts`]), one line each,
//! with their citations ("[EU 2025 ¶1]") that `Enter` follows to the cited paragraph, and the
//! sources they come from.

use crate::app::doc::{Doc, DocLine, Seg, Target, Tone};
use crate::app::format;
use crate::app::strings::Strings;
use crate::corpus::names::side_label_in;
use crate::corpus::{Citation, Corpus};
use crate::facts::{self, Fact, Facts, Field, Heading, Legend, cite};
use crate::index::EntryRef;
use crate::index::status::{self, Day};
use crate::text::pad;

/// Width of the label column ("Format  ").
const LABEL_W: usize = 8;
/// Indent of items under a section heading.
const ITEM: &str = "  ";

/// The Overview of one entry.
/// `today` decides whether a planned event is upcoming.
pub fn build(corpus: &Corpus, t: &'static Strings, entry: EntryRef, today: Day) -> Doc {
    let Some(mut facts) = facts::of_entry(corpus, entry) else {
        return Doc::default();
    };
    if let Some(status) = status::of_entry(corpus, entry, today) {
        facts = facts.with_status(corpus, status);
    }
    let mut w = Writer {
        doc: Doc::default(),
        corpus,
        t,
    };
    w.doc
        .push(DocLine::fixed(vec![Seg::new(&facts.title, Tone::Heading)]).with_indent(2));
    let legend = facts.legend(corpus);
    for section in &facts.sections {
        if section.heading != Heading::Key {
            w.heading((t.heading)(section.heading));
        }
        let mut side = None;
        for (k, f) in section.facts.iter().enumerate() {
            match section.heading {
                Heading::Key => key_fact(&mut w, &facts, f, k),
                Heading::Participants => {
                    if f.side != side {
                        side.clone_from(&f.side);
                        let label = w.side(f);
                        w.sub(&label);
                    }
                    participant(&mut w, f);
                }
                Heading::Accounts => account(&mut w, &legend, f),
                _ => item(&mut w, f),
            }
        }
    }
    other_sources(&mut w, &facts, &legend);
    w.doc
}

struct Writer<'a> {
    doc: Doc,
    corpus: &'a Corpus,
    t: &'static Strings,
}

impl Writer<'_> {
    /// The label of the fact's side ("EU", or its Korean name in the Korean interface).
    fn side(&self, f: &Fact) -> String {
        f.side.as_ref().map_or_else(String::new, |s| {
            side_label_in(self.corpus, s, self.t.code).to_string()
        })
    }

    fn heading(&mut self, text: &str) {
        if !self.doc.lines.is_empty() {
            self.doc.push(DocLine::blank());
        }
        self.doc
            .push(DocLine::fixed(vec![Seg::new(text, Tone::Heading)]));
    }

    fn sub(&mut self, text: &str) {
        self.doc.push(DocLine::fixed(vec![
            Seg::plain(ITEM),
            Seg::new(text, Tone::Label),
        ]));
    }

    /// A selectable line for `fact`: its segments, then its citations; `y` copies the fact's
    /// own copy line, Enter follows its first citation.
    fn line(&mut self, lead: Vec<Seg>, fact: &Fact, indent: usize) {
        let mut segs = lead;
        let cites = cite::unbroken(&cite::list(self.corpus, &fact.cite));
        if !cites.is_empty() {
            segs.push(Seg::plain("  "));
            segs.push(Seg::new(&cites, Tone::Cite));
        }
        self.doc.push(
            DocLine::item(segs)
                .with_indent(indent)
                .with_target(fact.cite.first().cloned().map(Target::Cite))
                .with_copy(fact.copy_text(self.corpus)),
        );
    }

    /// A note under a fact ("inferred: …").
    fn aside(&mut self, text: &str) {
        self.doc.push(
            DocLine::fixed(vec![
                Seg::plain(&" ".repeat(LABEL_W)),
                Seg::new(text, Tone::Dim),
            ])
            .with_indent(LABEL_W),
        );
    }

    /// An item under a heading; continuation rows hang under the text, past `hang` columns of
    /// bullet or inner indent.
    fn item(&mut self, lead: Vec<Seg>, fact: &Fact, hang: usize) {
        let mut segs = vec![Seg::plain(ITEM)];
        segs.extend(lead);
        self.line(segs, fact, ITEM.len() + hang.max(2));
    }
}

/// "Date    20 May 2025  [EU 2025 ¶1; ROK 2025 ¶1]", with "inferred: how" beneath.
fn key_fact(w: &mut Writer, facts: &Facts, f: &Fact, position: usize) {
    let (name, value) = match f.field {
        // One "Names" label over the names each side uses.
        Field::Name => {
            let first = position == 0
                || facts
                    .section(Heading::Key)
                    .and_then(|s| s.facts.get(position - 1))
                    .is_none_or(|prev| prev.field != Field::Name);
            let name = if first { w.t.label_names } else { "" };
            (name, format!("{}: {}", w.side(f), f.text))
        }
        Field::Kind => {
            let value = facts
                .event_kind
                .map_or(f.text.clone(), |k| format::event_marker(k).to_string());
            ((w.t.field)(Field::Kind).unwrap_or_default(), value)
        }
        field => ((w.t.field)(field).unwrap_or_default(), f.text.clone()),
    };
    let padded = pad(name, LABEL_W);
    w.line(
        vec![Seg::new(&padded, Tone::Label), Seg::plain(&value)],
        f,
        LABEL_W,
    );
    if let Some(note) = f.note() {
        w.aside(&note);
    }
}

/// A head of delegation ("Youn Jong Kwon — chair; …") or a remark on the delegation.
fn participant(w: &mut Writer, f: &Fact) {
    let lead = match &f.subject {
        Some(person) => vec![
            Seg::plain(ITEM),
            Seg::new(person, Tone::Heading),
            Seg::plain(&format!(" — {}", f.text)),
        ],
        None => vec![Seg::plain(ITEM), Seg::new(&f.text, Tone::Dim)],
    };
    w.item(lead, f, ITEM.len());
}

/// Organisations (with their side), observers, topics, statements and events mentioned.
fn item(w: &mut Writer, f: &Fact) {
    let mut lead = Vec::new();
    let mut hang = 0;
    match f.field {
        Field::Outcome | Field::Note => {
            lead.push(Seg::plain("• "));
            hang = 2;
        }
        Field::Organisation if f.side.is_some() => {
            // A column of four for "EU" and "ROK"; a longer label ("Multilateral",
            // "대한민국") keeps one space before the name.
            lead.push(Seg::new(&format!("{} ", pad(&w.side(f), 3)), Tone::Label));
        }
        _ => {}
    }
    let (subject_tone, rest_tone) = match f.field {
        Field::Topic => (Tone::Label, Tone::Plain),
        _ => (Tone::Plain, Tone::Dim),
    };
    match &f.subject {
        Some(s) => {
            lead.push(Seg::new(s, subject_tone));
            if !f.text.is_empty() {
                lead.push(Seg::new(&format!(" — {}", f.text), rest_tone));
            }
        }
        None => lead.push(Seg::plain(&f.text)),
    }
    w.item(lead, f, hang);
}

/// "EU 2025  EU and Republic of Korea hold … (eu-7th-cyber-dialogue) · EU account": Enter
/// opens the account's text.
fn account(w: &mut Writer, legend: &Legend, f: &Fact) {
    let Some(source) = f.source.as_deref() else {
        return;
    };
    let reference = legend.references.iter().find(|r| r.id == source);
    let label = cite::source_label(w.corpus, source);
    let description = reference.map_or(f.text.clone(), |r| r.description());
    let side = match f.side {
        Some(_) => format!(" · {} {}", w.side(f), w.t.account),
        None => String::new(),
    };
    let segs = vec![
        Seg::plain(ITEM),
        Seg::new(label, Tone::Label),
        Seg::plain(&format!(" {description}")),
        Seg::new(&side, Tone::Dim),
    ];
    let copy = format!("{label} — {description}{side}");
    w.doc.push(
        DocLine::item(segs)
            .with_indent(ITEM.len() + 2)
            .with_target(Some(Target::Cite(Citation::at(source, 1))))
            .with_copy(copy),
    );
}

/// The full reference of each cited source that is not one of the accounts listed above.
fn other_sources(w: &mut Writer, facts: &Facts, legend: &Legend) {
    let accounts: Vec<&str> = facts
        .section(Heading::Accounts)
        .map(|s| s.facts.iter().filter_map(|f| f.source.as_deref()).collect())
        .unwrap_or_default();
    let others: Vec<_> = legend
        .references
        .iter()
        .filter(|r| !accounts.contains(&r.id.as_str()))
        .collect();
    if others.is_empty() {
        return;
    }
    w.heading(w.t.citations);
    for r in others {
        w.doc.push(
            DocLine::fixed(vec![Seg::plain(ITEM), Seg::new(&r.text(), Tone::Dim)])
                .with_indent(ITEM.len() + 2),
        );
    }
}
