//! `entente list`: the timeline of meetings and events, optionally filtered, one line each.

use std::io::{IsTerminal, Write};

use anyhow::{Result, bail};
use serde_json::json;

use super::args::{EntryKind, ListArgs};
use super::output::{WIDTH, write_json};
use super::{Library, Outcome};
use crate::corpus::{DateFact, EventKind, Facet, Provenance};
use crate::index::status::{self, Status};
use crate::index::{EntryRef, Filter};
use crate::search::fuzzy::Kind;
use crate::text::sanitize_line;

/// One timeline entry, flattened for printing.
struct Row {
    id: String,
    kind: RowKind,
    date: Option<DateFact>,
    title: String,
    place: Option<String>,
    format: Option<&'static str>,
    series: Option<String>,
    /// Where the entry stands today ([`status`]).
    status: Status,
}

/// A meeting, or an event of some kind.
#[derive(Clone, Copy, PartialEq, Eq)]
enum RowKind {
    Meeting,
    Event(EventKind),
}

impl RowKind {
    /// The `kind` of a JSON item: "meeting", "mentioned" or "planned".
    fn label(self) -> &'static str {
        match self {
            RowKind::Meeting => "meeting",
            RowKind::Event(kind) => kind.label(),
        }
    }
}

/// What precedes a title in a text row: nothing for a held meeting, "(mention) ", else the
/// status ("(upcoming) ", "(superseded) ", "(announced) ").
fn marker(status: Status) -> String {
    match status {
        Status::Held => String::new(),
        Status::Mentioned => "(mention) ".to_string(),
        other => format!("({}) ", other.label()),
    }
}

fn row(library: &Library, entry: EntryRef) -> Row {
    let corpus = &library.loaded.corpus;
    let status = status::of_entry(corpus, entry, status::today_utc()).unwrap_or(Status::Held);
    match entry {
        EntryRef::Meeting(i) => {
            let m = &corpus.meetings[i];
            Row {
                id: m.id.clone(),
                kind: RowKind::Meeting,
                date: Some(m.date.clone()),
                title: m.short_title.clone(),
                place: m.place.as_ref().map(|p| p.city.clone()),
                format: m.format.as_ref().map(|f| f.value.label()),
                series: Some(m.series.clone()),
                status,
            }
        }
        EntryRef::Event(i) => {
            let e = &corpus.events[i];
            Row {
                id: e.id.clone(),
                kind: RowKind::Event(e.kind),
                date: e.date.clone(),
                title: e.title.clone(),
                place: e.place.as_ref().map(|p| p.city.clone()),
                format: None,
                series: e.series.clone(),
                status,
            }
        }
    }
}

/// The `list` option that narrows a facet.
fn option_of(facet: Facet, args: &ListArgs) -> Option<&String> {
    match facet {
        Facet::Topic => args.topic.as_ref(),
        Facet::Organisation => args.org.as_ref(),
        Facet::Person => args.person.as_ref(),
        Facet::Place => args.place.as_ref(),
    }
}

/// The `find` query prefix that lists a facet's names ('#' for topics).
fn find_prefix(facet: Facet) -> char {
    Kind::ALL
        .into_iter()
        .find(|k| k.facet() == Some(facet))
        .map_or(' ', Kind::prefix)
}

/// Turns the user's names into keys; an unknown name is an error that says what to try
/// (exit 1), an unknown series one that lists the series there are (exit 2).
fn resolve_filter(library: &Library, args: &ListArgs) -> Result<Filter> {
    let index = &library.index;
    let mut filter = Filter::default();
    for facet in Facet::ALL {
        let Some(name) = option_of(facet, args) else {
            continue;
        };
        let Some(key) = index.resolve(facet, name) else {
            let name = sanitize_line(name);
            return Err(super::NotFound(format!(
                "no {} is called {name:?}; try `entente find '{}{name}'` to see the names",
                facet.label(),
                find_prefix(facet),
            ))
            .into());
        };
        filter.set_facet(facet, key);
    }
    filter.year = args.year;
    if let Some(series) = &args.series {
        if !index.series().contains(series) {
            bail!(
                "no series is called {:?}; expected one of: {}",
                sanitize_line(series),
                index.series().join(", ")
            );
        }
        filter.series = Some(series.clone());
    }
    Ok(filter)
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
fn format_row(r: &Row, id_width: usize) -> String {
    let date = match &r.date {
        Some(d) if d.provenance == Provenance::Inferred => format!("{}*", d.value),
        Some(d) => d.value.clone(),
        None => "undated".to_string(),
    };
    let mut summary = marker(r.status);
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
        "kind": r.kind.label(),
        "date": r.date.as_ref().map(|d| &d.value),
        "date_precision": r.date.as_ref().map(|d| d.precision),
        "date_provenance": r.date.as_ref().map(|d| d.provenance),
        "title": r.title,
        "place": r.place,
        "format": r.format,
        "series": r.series,
        "status": r.status.label(),
    })
}

/// `{"topic": …, "organisation": …, "person": …, "place": …, "year": …, "series": …}`, each
/// a key or null.
fn filter_json(f: &Filter) -> serde_json::Value {
    let mut map = serde_json::Map::new();
    for facet in Facet::ALL {
        map.insert(facet.label().into(), json!(f.facet(facet)));
    }
    map.insert("year".into(), json!(f.year.map(|y| y.to_string())));
    map.insert("series".into(), json!(f.series));
    map.into()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_json_filter_names_every_facet_and_the_year_range() {
        let mut f = Filter::default();
        f.set_facet(Facet::Place, "seoul");
        f.year = Some("2019-2021".parse().expect("a range"));
        let v = filter_json(&f);
        assert_eq!(v["place"], "seoul");
        assert_eq!(v["year"], "2019..2021");
        for key in ["topic", "organisation", "person", "series"] {
            assert!(v[key].is_null(), "{key}: {v}");
        }
        assert_eq!(v.as_object().map(|m| m.len()), Some(6));
    }

    #[test]
    fn each_facet_points_to_its_finder_prefix() {
        let prefixes: Vec<char> = Facet::ALL.into_iter().map(find_prefix).collect();
        assert_eq!(prefixes, ['#', '@', '~', '%']);
    }
}
