//! `entente list`: the timeline of meetings and events, optionally filtered, one line each.

use std::io::{IsTerminal, Write};

use anyhow::Result;
use serde_json::json;

use super::args::{EntryKind, ListArgs};
use super::output::{WIDTH, write_json};
use super::{Library, Outcome};
use crate::corpus::{DateFact, Provenance};
use crate::index::{EntryRef, Filter};
use crate::text::sanitize_line;

/// One timeline entry, flattened for printing.
pub struct Row {
    pub id: String,
    pub kind: &'static str,
    pub date: Option<DateFact>,
    pub title: String,
    pub place: Option<String>,
    pub format: Option<&'static str>,
    pub series: Option<String>,
}

pub fn row(library: &Library, entry: EntryRef) -> Row {
    let corpus = &library.loaded.corpus;
    match entry {
        EntryRef::Meeting(i) => {
            let m = &corpus.meetings[i];
            Row {
                id: m.id.clone(),
                kind: "meeting",
                date: Some(m.date.clone()),
                title: m.short_title.clone(),
                place: m.place.as_ref().map(|p| p.city.clone()),
                format: m.format.as_ref().map(|f| f.value.label()),
                series: Some(m.series.clone()),
            }
        }
        EntryRef::Event(i) => {
            let e = &corpus.events[i];
            Row {
                id: e.id.clone(),
                kind: match e.kind {
                    crate::corpus::EventKind::Mentioned => "mentioned",
                    crate::corpus::EventKind::Planned => "planned",
                },
                date: e.date.clone(),
                title: e.title.clone(),
                place: e.place.as_ref().map(|p| p.city.clone()),
                format: None,
                series: e.series.clone(),
            }
        }
    }
}

/// Turns the user's names into ids; an unknown name is an error that says what to try.
pub fn resolve_filter(library: &Library, args: &ListArgs) -> Result<Filter> {
    let index = &library.index;
    let resolve = |value: &Option<String>,
                   what: &str,
                   prefix: &str,
                   f: &dyn Fn(&str) -> Option<String>|
     -> Result<Option<String>> {
        match value {
            None => Ok(None),
            Some(v) => f(v).map(Some).ok_or_else(|| {
                super::NotFound(format!(
                    "no {what} is called {:?}; try `entente find '{prefix}{}'` to see the names",
                    sanitize_line(v),
                    sanitize_line(v)
                ))
                .into()
            }),
        }
    };
    Ok(Filter {
        topic: resolve(&args.topic, "topic", "#", &|v| {
            index.resolve_topic(v).map(str::to_string)
        })?,
        organisation: resolve(&args.org, "organisation", "@", &|v| {
            index.resolve_organisation(v).map(str::to_string)
        })?,
        person: resolve(&args.person, "person", "~", &|v| {
            index.resolve_person(v).map(str::to_string)
        })?,
        place: resolve(&args.place, "place", "%", &|v| index.resolve_place(v))?,
        year: args.year.clone(),
        series: args.series.clone(),
    })
}

pub fn run(library: &Library, args: &ListArgs, json: bool, out: &mut dyn Write) -> Result<Outcome> {
    let corpus = &library.loaded.corpus;
    let filter = resolve_filter(library, args)?;
    let entries: Vec<EntryRef> = library
        .index
        .filtered(corpus, &filter)
        .into_iter()
        .filter(|e| {
            matches!(
                (args.kind, e),
                (None, _)
                    | (Some(EntryKind::Meeting), EntryRef::Meeting(_))
                    | (Some(EntryKind::Event), EntryRef::Event(_))
            )
        })
        .collect();
    let total = library.index.timeline().len();
    let rows: Vec<Row> = entries.iter().map(|e| row(library, *e)).collect();
    if json {
        let items: Vec<_> = rows.iter().map(row_json).collect();
        write_json(
            out,
            &json!({
                "total": total,
                "count": rows.len(),
                "filter": filter_json(&filter),
                "items": items,
            }),
        )?;
    } else {
        // One id column for all rows, so the summaries line up.
        let id_width = rows.iter().map(|r| r.id.chars().count()).max().unwrap_or(0);
        for r in &rows {
            writeln!(out, "{}", format_row(r, id_width))?;
        }
        if std::io::stdout().is_terminal() {
            let inferred = rows.iter().any(|r| {
                r.date
                    .as_ref()
                    .is_some_and(|d| d.provenance == Provenance::Inferred)
            });
            writeln!(out, "\n{} of {total} entries", rows.len())?;
            if inferred {
                writeln!(out, "* date inferred: `entente show ID` says how")?;
            }
        }
    }
    Ok(Outcome::from_found(!rows.is_empty()))
}

/// `2019-06-28  5th Cyber Dialogue — Brussels, in person       eu-rok-cyber-5`, within 80
/// columns whenever the id leaves room; the id is never cut (people copy it).
pub fn format_row(r: &Row, id_width: usize) -> String {
    let date = match &r.date {
        Some(d) if d.provenance == Provenance::Inferred => format!("{}*", d.value),
        Some(d) => d.value.clone(),
        None => "undated".to_string(),
    };
    let mut summary = String::new();
    if r.kind != "meeting" {
        summary.push_str(if r.kind == "planned" {
            "(planned) "
        } else {
            "(mention) "
        });
    }
    summary.push_str(&sanitize_line(&r.title));
    let place: Vec<String> = r
        .place
        .iter()
        .map(|p| sanitize_line(p))
        .chain(r.format.map(str::to_string))
        .collect();
    if !place.is_empty() {
        summary.push_str(" — ");
        summary.push_str(&place.join(", "));
    }
    let id = sanitize_line(&r.id);
    let room = WIDTH
        .saturating_sub(12 + 2 + id_width.max(id.chars().count()))
        .max(20);
    let summary = fit(&summary, room);
    format!("{date:<11} {summary:<room$}  {id}")
}

/// Cuts to `width` chars with an ellipsis.
fn fit(s: &str, width: usize) -> String {
    if s.chars().count() <= width {
        s.to_string()
    } else {
        let cut: String = s.chars().take(width.saturating_sub(1)).collect();
        format!("{cut}…")
    }
}

fn row_json(r: &Row) -> serde_json::Value {
    json!({
        "id": r.id,
        "kind": r.kind,
        "date": r.date.as_ref().map(|d| &d.value),
        "date_precision": r.date.as_ref().map(|d| d.precision),
        "date_provenance": r.date.as_ref().map(|d| d.provenance),
        "title": r.title,
        "place": r.place,
        "format": r.format,
        "series": r.series,
    })
}

fn filter_json(f: &Filter) -> serde_json::Value {
    json!({
        "topic": f.topic, "organisation": f.organisation, "person": f.person,
        "place": f.place, "year": f.year, "series": f.series,
    })
}
