//! `entente list`: the timeline of meetings and events, optionally filtered, one line each.

use std::io::{IsTerminal, Write};

use anyhow::{Result, bail};
use serde_json::json;

use super::args::{EntryKind, FilterArgs, ListArgs};
use super::output::{WIDTH, write_json};
use super::{Library, Outcome};
use crate::corpus::{DateFact, EventKind, Facet, Provenance};
use crate::index::status::{self, Status};
use crate::index::{EntryRef, Filter, TopicScope};
use crate::text::{display_width, fit, pad, sanitize_line};

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
                id: m.id.to_string(),
                kind: RowKind::Meeting,
                date: Some(m.date.clone()),
                title: m.short_title.to_string(),
                place: m.place.as_ref().map(|p| p.city.to_string()),
                format: m.format.as_ref().map(|f| f.value.label()),
                series: Some(m.series.to_string()),
                status,
            }
        }
        EntryRef::Event(i) => {
            let e = &corpus.events[i];
            Row {
                id: e.id.to_string(),
                kind: RowKind::Event(e.kind),
                date: e.date.clone(),
                title: e.title.to_string(),
                place: e.place.as_ref().map(|p| p.city.to_string()),
                format: None,
                series: e.series.as_ref().map(ToString::to_string),
                status,
            }
        }
    }
}

/// The `list` option that narrows a facet.
fn option_of(facet: Facet, args: &FilterArgs) -> Option<&String> {
    match facet {
        Facet::Topic => args.topic.as_ref(),
        Facet::Organisation => args.org.as_ref(),
        Facet::Person => args.person.as_ref(),
        Facet::Place => args.place.as_ref(),
    }
}

/// Turns the user's names into keys ([`super::resolve::facet_key`]: an unknown name exits 1
/// with "did you mean", an ambiguous one 2 with the candidates), and checks the series (an
/// unknown one is a usage error listing the series there are).
pub(super) fn resolve_filter(library: &Library, args: &FilterArgs) -> Result<Filter> {
    let index = &library.index;
    let mut filter = Filter::default();
    for facet in Facet::ALL {
        if let Some(name) = option_of(facet, args) {
            filter.set_facet(facet, super::resolve::facet_key(library, facet, name)?);
        }
    }
    filter.year = args.year;
    if args.exact {
        filter.topic_scope = TopicScope::Exact;
    }
    if let Some(series) = &args.series {
        if !index.series().contains(series) {
            bail!(
                "invalid value {:?} for --series: expected one of: {}",
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
    let filter = resolve_filter(library, &args.filter)?;
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
                "format": "entente-list/1",
                "total": total,
                "count": rows.len(),
                "filter": filter_json(library, &filter),
                "items": items,
            }),
        )?;
    } else {
        // One id column for all rows, so the summaries line up.
        let id_width = rows
            .iter()
            .map(|r| display_width(&sanitize_line(&r.id)))
            .max()
            .unwrap_or(0);
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
/// display columns whenever the id leaves room (Hangul counts two); the id is never cut
/// (people copy it).
fn format_row(r: &Row, id_width: usize) -> String {
    let date = match &r.date {
        Some(d) if d.provenance == Provenance::Inferred => format!("{}*", d.value),
        Some(d) => d.value.to_string(),
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
        .saturating_sub(DATE_W + 1 + 2 + id_width.max(display_width(&id)))
        .max(20);
    format!("{} {}  {id}", pad(&date, DATE_W), fit(&summary, room))
}

/// Columns of the date column: "2019-06-28*".
const DATE_W: usize = 11;

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

/// `{"topic": …, "organisation": …, "person": …, "place": …, "year": …, "series": …, "exact": …}`:
/// the facets as named references (`{"id", "kind", "name"}`; a place's id is its key, its name
/// the city), the year range and series as text, each null when not given; `exact` is true when
/// the topic excludes its sub-topics.
pub(super) fn filter_json(library: &Library, f: &Filter) -> serde_json::Value {
    let mut map = serde_json::Map::new();
    for facet in Facet::ALL {
        let value = f.facet(facet).map(|key| match facet {
            Facet::Place => json!({
                "id": key,
                "kind": "place",
                "name": library.index.place_name(key).unwrap_or(key),
            }),
            _ => super::refs::reference(library, key).unwrap_or_else(|| json!({ "id": key })),
        });
        map.insert(facet.label().into(), json!(value));
    }
    map.insert("year".into(), json!(f.year.map(|y| y.to_string())));
    map.insert("series".into(), json!(f.series));
    map.insert("exact".into(), json!(f.topic_scope == TopicScope::Exact));
    map.into()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_json_filter_names_every_facet_and_the_year_range() {
        let library = Library::new(crate::test_fixture::small());
        let mut f = Filter::default();
        f.set_facet(Facet::Place, "seoul");
        f.year = Some("2019-2021".parse().expect("a range"));
        let v = filter_json(&library, &f);
        assert_eq!(v["place"]["id"], "seoul");
        assert_eq!(v["place"]["kind"], "place");
        assert_eq!(v["place"]["name"], "Seoul");
        assert_eq!(v["year"], "2019..2021");
        for key in ["topic", "organisation", "person", "series"] {
            assert!(v[key].is_null(), "{key}: {v}");
        }
        assert_eq!(v["exact"], false);
        assert_eq!(v.as_object().map(|m| m.len()), Some(7));
    }

    fn korean_row(title: &str) -> Row {
        Row {
            id: "eu-rok-cyber-7".into(),
            kind: RowKind::Meeting,
            date: None,
            title: title.into(),
            place: Some("서울".into()),
            format: Some("in person"),
            series: None,
            status: Status::Held,
        }
    }

    /// Hangul takes two columns: a row is cut and padded by display columns, so Korean and
    /// English rows are both 80 columns wide and their ids line up.
    #[test]
    fn korean_rows_fit_80_columns_and_ids_line_up() {
        let long = format_row(
            &korean_row("제7차 한-EU 사이버정책협의회 및 디지털 파트너십 협의회 공동 개최"),
            14,
        );
        let short = format_row(&korean_row("사이버정책협의회"), 14);
        let english = format_row(&korean_row("7th Cyber Dialogue"), 14);
        for row in [&long, &short, &english] {
            assert_eq!(display_width(row), WIDTH, "{row:?}");
            assert!(row.ends_with("  eu-rok-cyber-7"), "{row:?}");
        }
        assert!(long.contains('…'), "{long:?}");
        assert!(
            short.contains("사이버정책협의회 — 서울, in person"),
            "{short:?}"
        );
    }

    fn listed_ids(args: &[&str]) -> Vec<String> {
        let library = Library::new(crate::corpus::builtin::load().expect("the built-in corpus"));
        let argv = ["entente", "list"].into_iter().chain(args.iter().copied());
        let parsed = <crate::cli::Args as clap::Parser>::try_parse_from(argv).expect("valid");
        let Some(crate::cli::Command::List(list)) = parsed.command else {
            panic!("not a list command");
        };
        let filter = resolve_filter(&library, &list.filter).expect("a known topic");
        let corpus = &library.loaded.corpus;
        library
            .index
            .filtered(corpus, &filter)
            .into_iter()
            .map(|e| row(&library, e).id)
            .collect()
    }

    /// The 5th and 6th dialogues discussed "diplomatic responses", a sub-topic of malicious
    /// cyber activities, as does the EU Council's 2019 decision on restrictive measures
    /// against cyber-attacks (an event); only the 7th
    /// recorded the topic itself.
    #[test]
    fn a_topic_lists_the_meetings_of_its_sub_topics_unless_exact() {
        let rolled = listed_ids(&["--topic", "malicious-cyber-activities"]);
        assert_eq!(
            rolled,
            [
                "eu-cyber-sanctions-2019",
                "eu-rok-cyber-5",
                "eu-rok-cyber-6",
                "eu-rok-cyber-7"
            ]
        );
        let exact = listed_ids(&["--topic", "malicious-cyber-activities", "--exact"]);
        assert_eq!(exact, ["eu-rok-cyber-7"]);
    }
}
