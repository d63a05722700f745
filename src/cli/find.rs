//! `entente find QUERY`: fuzzy over names, acronyms and aliases, ranked like `fzf --filter`.
//!
//! `find` is dispatched here whole, before any library is loaded: it needs the candidates
//! only, which come from the [`cache`] when it is fresh.

pub mod cache;

use std::io::Write;
use std::path::Path;

use anyhow::{Context, Result};
use serde_json::json;

use super::args::{FindArgs, FindKind};
use super::output::write_json;
use super::{Library, Outcome};
use crate::search::fuzzy::{Finder, Kind, Query, candidates_from};
use crate::text::sanitize_line;

fn kind(k: FindKind) -> Kind {
    match k {
        FindKind::Topic => Kind::Topic,
        FindKind::Org => Kind::Organisation,
        FindKind::Person => Kind::Person,
        FindKind::Meeting => Kind::Meeting,
        FindKind::Place => Kind::Place,
    }
}

/// `entente [--corpus PATH] find …`: the candidates of the corpus at `corpus` (from the
/// cache when fresh, with no index) or of the built-in corpus, then the search. For a process
/// that exits next: the finder is leaked, not freed.
pub fn run_command(
    corpus: Option<&Path>,
    args: &FindArgs,
    json: bool,
    out: &mut dyn Write,
) -> Result<Outcome> {
    let candidates = match corpus {
        Some(path) => cache::candidates_for(path)
            .map(|(c, _)| c)
            .with_context(|| super::cannot_load(path))?,
        None => candidates_from(&super::load_corpus(None)?.corpus),
    };
    let finder = Finder::new(candidates);
    let outcome = run_on(&finder, args, json, out)?;
    // The process ends soon: freeing 100k candidates one by one would only cost time.
    std::mem::forget(finder);
    Ok(outcome)
}

pub fn run(library: &Library, args: &FindArgs, json: bool, out: &mut dyn Write) -> Result<Outcome> {
    run_on(
        &Finder::new(candidates_from(&library.loaded.corpus)),
        args,
        json,
        out,
    )
}

/// `find` with a finder already built.
fn run_on(finder: &Finder, args: &FindArgs, json: bool, out: &mut dyn Write) -> Result<Outcome> {
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
        finder.search(&query, limit)
    } else {
        finder.search_unhighlighted(&query, limit)
    };
    let candidates = finder.candidates();
    if json {
        let matches: Vec<_> = results
            .matches
            .iter()
            .map(|m| {
                let c = &candidates[m.candidate];
                json!({
                    "kind": c.kind.label(),
                    "id": c.id,
                    "name": c.label,
                    "label": c.label,
                    "detail": c.detail,
                    "score": m.score,
                    "matched_key": c.keys.get(m.key),
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
        for m in &results.matches {
            let c = &candidates[m.candidate];
            let other = c.other_name();
            let via = match c.keys.get(m.key) {
                Some(key) if m.key != 0 && Some(key.as_str()) != other => {
                    format!(" (via {})", sanitize_line(key))
                }
                _ => String::new(),
            };
            let other = other
                .map(|o| format!(" · {}", sanitize_line(o)))
                .unwrap_or_default();
            let detail = if c.detail.is_empty() {
                String::new()
            } else {
                format!(" — {}", sanitize_line(&c.detail))
            };
            writeln!(
                out,
                "{} {}{other}{via}{detail}  [{}]",
                c.kind.badge(),
                sanitize_line(&c.label),
                sanitize_line(&c.id)
            )?;
        }
    }
    Ok(if results.total == 0 {
        Outcome::NothingFound
    } else {
        Outcome::Found
    })
}
