//! `entente find QUERY`: fuzzy over names, acronyms and aliases, ranked like `fzf --filter`.
//!
//! `find` is dispatched here whole, before any library is loaded: it needs the finder index
//! only, which comes from the [`cache`] when it is fresh.

pub mod cache;

use std::io::Write;
use std::path::Path;

use anyhow::{Context, Result};
use serde_json::json;

use super::args::{FindArgs, FindKind};
use super::output::write_json;
use super::{Library, Outcome};
use crate::search::fuzzy::{FinderIndex, Kind, Query, Text};
use crate::text::sanitize_line_cow;

fn kind(k: FindKind) -> Kind {
    match k {
        FindKind::Topic => Kind::Topic,
        FindKind::Org => Kind::Organisation,
        FindKind::Person => Kind::Person,
        FindKind::Meeting => Kind::Meeting,
        FindKind::Place => Kind::Place,
    }
}

/// `entente [--corpus PATH] find …`: the finder index of the corpus at `corpus` (from the
/// cache when fresh: mapped and searched in place; else built, and written to the cache
/// while the search runs) or of the built-in corpus, then the search.
pub fn run_command(
    corpus: Option<&Path>,
    args: &FindArgs,
    json: bool,
    out: &mut dyn Write,
) -> Result<Outcome> {
    match corpus {
        // `find` ends once it has answered: what the load leaves is not freed one by one.
        Some(path) => cache::with_index(
            path,
            cache::Access::Map,
            cache::Leftovers::LeaveToExit,
            |index, _| run_on(index, args, json, out),
        )
        .with_context(|| super::cannot_load(path))?,
        None => run_on(
            &FinderIndex::build_from_corpus(&super::load_corpus(None)?.corpus, b""),
            args,
            json,
            out,
        ),
    }
}

pub fn run(library: &Library, args: &FindArgs, json: bool, out: &mut dyn Write) -> Result<Outcome> {
    let index = FinderIndex::build_from_corpus(&library.loaded.corpus, b"");
    run_on(&index, args, json, out)
}

/// Appends `text` as it may be printed: printable ASCII as it is (checked byte by byte, the
/// common case), anything else through [`sanitize_line_cow`] (bytes that are not UTF-8 as
/// replacement characters). The index holds sanitised text, but a cache file is not trusted
/// to.
fn push_shown(line: &mut Vec<u8>, text: Text<'_>) {
    let bytes = text.bytes();
    // No early exit: the loop vectorises, and nearly every string is printable throughout.
    let printable = bytes
        .iter()
        .fold(true, |ok, &b| ok & (b.wrapping_sub(b' ') <= b'~' - b' '));
    if printable {
        line.extend_from_slice(bytes);
    } else {
        let lossy = String::from_utf8_lossy(bytes);
        line.extend_from_slice(sanitize_line_cow(&lossy).as_bytes());
    }
}

/// `find` over an index already built or opened.
fn run_on(
    index: &FinderIndex,
    args: &FindArgs,
    json: bool,
    out: &mut dyn Write,
) -> Result<Outcome> {
    // `--kind` is the same as typing the kind's prefix.
    let query_text = match args.kind {
        Some(k) => format!("{}{}", kind(k).prefix(), args.query),
        None => args.query.clone(),
    };
    let query = Query::parse(&query_text);
    let limit = if args.limit == 0 {
        usize::MAX
    } else {
        args.limit
    };
    // Plain text shows no highlights: do not compute them.
    let results = if json {
        index.search(&query, limit)
    } else {
        index.search_unhighlighted(&query, limit)
    };
    // A row the index cannot give back (a damaged cache entry) is left out, never invented.
    let candidates = index.candidates();
    let rows = results
        .matches
        .iter()
        .filter_map(|m| Some((m, candidates.get(m.candidate)?)));
    if json {
        let matches: Vec<_> = rows
            .map(|(m, c)| {
                json!({
                    "kind": c.kind.label(),
                    "id": c.id.as_str(),
                    "name": c.label.as_str(),
                    "label": c.label.as_str(),
                    "detail": c.detail.as_str(),
                    "score": m.score,
                    "matched_key": c.key(m.key).and_then(Text::as_str),
                    "positions": m.positions,
                })
            })
            .collect();
        write_json(
            out,
            &json!({
                "format": "entente-find/1",
                "query": args.query,
                "total": results.total,
                "matches": matches,
            }),
        )?;
    } else {
        // One line buffer for every row: `--limit 0` may print tens of thousands.
        let mut line: Vec<u8> = Vec::new();
        for (m, c) in rows {
            line.clear();
            let other = c.other_name();
            line.extend_from_slice(c.kind.badge().as_bytes());
            line.push(b' ');
            push_shown(&mut line, c.label);
            if let Some(other) = other {
                line.extend_from_slice(" · ".as_bytes());
                push_shown(&mut line, other);
            }
            if m.key != 0
                && let Some(key) = c.key(m.key)
                && Some(key) != other
            {
                line.extend_from_slice(b" (via ");
                push_shown(&mut line, key);
                line.push(b')');
            }
            if !c.detail.is_empty() {
                line.extend_from_slice(" — ".as_bytes());
                push_shown(&mut line, c.detail);
            }
            line.extend_from_slice(b"  [");
            push_shown(&mut line, c.id);
            line.extend_from_slice(b"]\n");
            out.write_all(&line)?;
        }
    }
    Ok(if results.total == 0 {
        Outcome::NothingFound
    } else {
        Outcome::Found
    })
}
