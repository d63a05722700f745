//! `entente matrix`: the topic matrix ([`crate::matrix`]) as a text table, JSON or CSV. Takes
//! the timeline's filters as `list` does; a topic includes its sub-topics unless `--exact`.

use std::io::Write;

use anyhow::{Result, bail};
use serde_json::{Value, json};

use super::args::MatrixArgs;
use super::output::{Doc, WIDTH, write_json};
use super::{Library, Outcome, list, refs};
use crate::corpus::names::side_label;
use crate::corpus::{Citation, Corpus};
use crate::facts::cite;
use crate::index::TopicScope;
use crate::matrix::{Accounts, Cell, Column, Matrix, Pair, row_label};
use crate::text::{display_width, fit, pad, sanitize_line, truncate};

/// The narrowest the topic column gets in the text table, however many meetings there are.
const TOPIC_MIN_W: usize = 24;

pub fn run(
    library: &Library,
    args: &MatrixArgs,
    json: bool,
    out: &mut dyn Write,
) -> Result<Outcome> {
    if json && args.csv {
        bail!("--json and --csv are two formats: give one of them");
    }
    let corpus = &library.loaded.corpus;
    let filter = list::resolve_filter(library, &args.filter)?;
    let matrix = Matrix::build(corpus, &library.index, &filter);
    if json {
        let mut v = json!({
            "format": "entente-matrix/1",
            "filter": list::filter_json(library, &filter),
            "columns": matrix.columns.iter().map(|c| column_json(corpus, c)).collect::<Vec<_>>(),
            "rows": rows_json(library, &matrix),
            "without_topics":
                matrix.without_topics.iter().map(|c| column_json(corpus, c)).collect::<Vec<_>>(),
        });
        refs::expand(library, &mut v);
        write_json(out, &v)?;
    } else if args.csv {
        write_csv(corpus, &matrix, out)?;
    } else {
        write_text(corpus, &matrix, filter.topic_scope, out)?;
    }
    Ok(Outcome::from_found(!matrix.is_empty()))
}

/// "EU", "ROK", "EU+ROK", or "other" (sources of neither side): the side labels of the data.
fn accounts_text(corpus: &Corpus, pair: &Pair, cell: &Cell) -> String {
    let (first, second) = pair.labels(corpus, "en");
    match cell.accounts(pair) {
        Accounts::Both => format!("{first}+{second}"),
        Accounts::First => first.to_string(),
        Accounts::Second => second.to_string(),
        Accounts::Other => "other".to_string(),
    }
}

/// What each glyph of the text table means.
fn legend(corpus: &Corpus, pair: &Pair) -> String {
    let (eu, rok) = pair.labels(corpus, "en");
    let glyph = |a: Accounts| a.glyph(false, (eu, rok));
    format!(
        "{} {eu} and {rok}   {} {eu} only   {} {rok} only   {} other sources   · not recorded",
        glyph(Accounts::Both),
        glyph(Accounts::First),
        glyph(Accounts::Second),
        glyph(Accounts::Other),
    )
}

fn write_text(
    corpus: &Corpus,
    matrix: &Matrix,
    scope: TopicScope,
    out: &mut dyn Write,
) -> Result<()> {
    let pair = Pair::of(corpus);
    if matrix.is_empty() {
        writeln!(out, "No meeting the filter keeps records a topic.")?;
    } else {
        let labels: Vec<String> = matrix
            .rows
            .iter()
            .map(|r| {
                format!(
                    "{}{}",
                    "  ".repeat(r.depth),
                    sanitize_line(row_label(corpus, r))
                )
            })
            .collect();
        // The topic column takes what the meeting columns leave of 80 (labels longer are cut
        // with "…").
        let columns_w: usize = matrix
            .columns
            .iter()
            .map(|c| 2 + display_width(&sanitize_line(&c.label)))
            .sum();
        let room = WIDTH.saturating_sub(columns_w).max(TOPIC_MIN_W);
        let topic_w = labels
            .iter()
            .map(|l| display_width(l))
            .max()
            .unwrap_or(0)
            .min(room);
        let mut header = pad("", topic_w);
        for c in &matrix.columns {
            header.push_str("  ");
            header.push_str(&sanitize_line(&c.label));
        }
        writeln!(out, "{}", header.trim_end())?;
        for (row, label) in matrix.rows.iter().zip(&labels) {
            let mut line = pad(&fit(label, topic_w), topic_w);
            for (i, c) in matrix.columns.iter().enumerate() {
                let glyph = row.cell(i).map_or("·".to_string(), |cell| {
                    cell.accounts(&pair).glyph(false, pair.short_labels(corpus))
                });
                // The glyph under the middle of its column label.
                let w = display_width(&sanitize_line(&c.label));
                let before = (w - 1) / 2;
                line.push_str(&" ".repeat(2 + before));
                line.push_str(&glyph);
                line.push_str(&" ".repeat(w - 1 - before));
            }
            writeln!(out, "{}", line.trim_end())?;
        }
        writeln!(out)?;
        writeln!(out, "{}", legend(corpus, &pair))?;
        if scope == TopicScope::WithSubtopics {
            writeln!(
                out,
                "A topic includes its sub-topics (--exact: the topic alone)."
            )?;
        }
        writeln!(out, "Meetings:")?;
        for c in &matrix.columns {
            let m = &corpus.meetings[c.meeting];
            let line = format!(
                "  {}  {}  {}",
                pad(&sanitize_line(&c.label), 8),
                sanitize_line(&m.id),
                sanitize_line(&m.short_title)
            );
            writeln!(out, "{}", truncate(&line, WIDTH))?;
        }
    }
    if !matrix.without_topics.is_empty() {
        let labels: Vec<&str> = matrix
            .without_topics
            .iter()
            .map(|c| c.label.as_str())
            .collect();
        let mut doc = Doc::default();
        doc.hanging(0, 2, &format!("No topics recorded: {}", labels.join(", ")));
        doc.write(out)?;
    }
    Ok(())
}

/// The parent of a topic, by id.
fn parent_of<'a>(corpus: &'a Corpus, topic: &str) -> Option<&'a str> {
    corpus
        .topics
        .iter()
        .find(|t| t.id == topic)
        .and_then(|t| t.parent.as_deref())
}

fn column_json(corpus: &Corpus, c: &Column) -> Value {
    let m = &corpus.meetings[c.meeting];
    json!({ "meeting": m.id, "label": c.label, "date": m.date.value })
}

fn cite_json(cites: &[Citation]) -> Vec<Value> {
    cites
        .iter()
        .map(|c| json!({ "source": c.source, "paragraph": c.paragraph }))
        .collect()
}

fn rows_json(library: &Library, matrix: &Matrix) -> Vec<Value> {
    let corpus = &library.loaded.corpus;
    matrix
        .rows
        .iter()
        .map(|r| {
            let parent = parent_of(corpus, &r.topic);
            let cells: Vec<Value> = r
                .cells
                .iter()
                .map(|(column, cell)| {
                    json!({
                        "column": column,
                        "accounts": cell.sides.iter().map(|s| side_label(corpus, s)).collect::<Vec<_>>(),
                        "itself": cell.own,
                        "via": cell.via.iter().map(|id| {
                            refs::reference(library, id).unwrap_or_else(|| json!({ "id": id }))
                        }).collect::<Vec<_>>(),
                        "cite": cite_json(&cell.cite),
                    })
                })
                .collect();
            json!({ "topic": r.topic, "parent": parent, "depth": r.depth, "cells": cells })
        })
        .collect()
}

/// One CSV field, quoted as RFC 4180 says: in double quotes when it holds a comma, a quote or
/// a line break, its quotes doubled. Corpus text is sanitised first (no control characters).
fn csv_field(s: &str) -> String {
    let clean = sanitize_line(s);
    if clean.contains([',', '"', '\r', '\n']) {
        format!("\"{}\"", clean.replace('"', "\"\""))
    } else {
        clean
    }
}

/// A header line (`topic,label,parent,depth,C5 2019,…`), then a line per topic whose meeting
/// fields read `EU+ROK [EU 2025 ¶2; ROK 2025 ¶4]` (with `via SUB-TOPIC, …` when rolled up), or
/// nothing; lines end in CRLF.
fn write_csv(corpus: &Corpus, matrix: &Matrix, out: &mut dyn Write) -> Result<()> {
    let pair = Pair::of(corpus);
    let mut header: Vec<String> = ["topic", "label", "parent", "depth"]
        .iter()
        .map(|h| h.to_string())
        .collect();
    header.extend(matrix.columns.iter().map(|c| csv_field(&c.label)));
    write!(out, "{}\r\n", header.join(","))?;
    for r in &matrix.rows {
        let parent = parent_of(corpus, &r.topic).unwrap_or("");
        let mut fields = vec![
            csv_field(&r.topic),
            csv_field(row_label(corpus, r)),
            csv_field(parent),
            r.depth.to_string(),
        ];
        for column in 0..matrix.columns.len() {
            let text = r.cell(column).map_or(String::new(), |cell| {
                let mut text = format!(
                    "{} {}",
                    accounts_text(corpus, &pair, cell),
                    cite::list(corpus, &cell.cite)
                );
                if !cell.via.is_empty() {
                    text.push_str(" via ");
                    text.push_str(&cell.via.join(", "));
                }
                text
            });
            fields.push(csv_field(&text));
        }
        write!(out, "{}\r\n", fields.join(","))?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_fields_are_quoted_only_when_they_must_be() {
        assert_eq!(csv_field("plain"), "plain");
        assert_eq!(csv_field("a, b"), "\"a, b\"");
        assert_eq!(csv_field("say \"hi\""), "\"say \"\"hi\"\"\"");
        assert!(!csv_field("bell\u{7}\u{1b}[31m").contains(['\u{7}', '\u{1b}']));
    }
}
