//! The parties a corpus declares (its `parties` side table) and the sides that name them.
//!
//! A side is a declared party's id, or one of the kinds `multilateral` and `other`. Which
//! parties exist is data: a side naming no declared party is an error that lists the declared
//! ones. A party is declared once across all files (a second declaration, in a user's corpus
//! say, would make its label ambiguous).

use std::collections::HashMap;

use super::at::At;
use super::{Checker, Rec, Scope};
use crate::corpus::model::{Corpus, Side};

/// The side strings that are kinds, not parties: no party may take them as its id.
const KINDS: [&str; 2] = ["multilateral", "other"];

/// The ids of the parties the files declare, in file order; the built-in corpus's when no file
/// declares any (as [`crate::corpus::load::with_default_parties`] adds them on load).
pub(super) fn declared(files: &[(String, Corpus)]) -> Vec<String> {
    let ids: Vec<String> = files
        .iter()
        .flat_map(|(_, c)| c.parties.iter().map(|p| p.id.clone()))
        .collect();
    if ids.is_empty() {
        crate::corpus::builtin::parties()
            .into_iter()
            .map(|p| p.id)
            .collect()
    } else {
        ids
    }
}

impl Checker<'_> {
    /// The entries of one file's `parties` table.
    pub(super) fn parties(&mut self, f: usize, corpus: &Corpus) {
        let files = self.files;
        let file = files[f].0.as_str();
        // Where each party id is first declared, across all files: (file, position).
        let mut first: HashMap<&str, (usize, usize)> = HashMap::new();
        for (g, (_, c)) in files.iter().enumerate() {
            for (pos, p) in c.parties.iter().enumerate() {
                first.entry(p.id.as_str()).or_insert((g, pos));
            }
        }
        for (pos, p) in corpus.parties.iter().enumerate() {
            let rec = Rec::side(file, "party", &p.id, pos);
            let id = At::top("id");
            self.text(rec, &id, &p.id, "a party id such as `eu`");
            if !p.id.trim().is_empty() {
                self.slug(rec, &id, &p.id);
            }
            if KINDS.contains(&p.id.as_str()) {
                self.report(
                    rec,
                    &id,
                    format!(
                        "`{}` is a kind of side, not a party; expected another id (sides \
                         `multilateral` and `other` need no declaration)",
                        p.id
                    ),
                );
            }
            if let Some(&(g, earlier)) = first.get(p.id.as_str())
                && (g, earlier) != (f, pos)
            {
                let place = if g == f {
                    "earlier in this file".to_string()
                } else {
                    format!("in {}", files[g].0)
                };
                self.report(
                    rec,
                    &id,
                    format!(
                        "party `{}` is already declared {place} (parties[{earlier}]); expected \
                         each party declared once",
                        p.id
                    ),
                );
            }
            self.text(
                rec,
                &At::top("name"),
                &p.name,
                "the party's full English name",
            );
            self.text(
                rec,
                &At::top("short"),
                &p.short,
                "the short label surfaces print, e.g. `EU`",
            );
            self.names(rec, &At::top("names"), &p.names);
        }
    }

    /// A side: `multilateral`, `other`, or the id of a declared party.
    pub(super) fn side(&mut self, rec: Rec<'_>, at: &At<'_>, side: &Side) {
        let Some(id) = side.party_id() else {
            return;
        };
        if self.parties.iter().any(|d| d == id) {
            return;
        }
        // A party may be declared in a file that failed to parse: only a complete corpus says
        // that it is declared nowhere. A blank id is wrong whatever the other files hold.
        if self.scope == Scope::Partial && !id.trim().is_empty() {
            return;
        }
        let listed: Vec<String> = self.parties.iter().map(|d| format!("`{d}`")).collect();
        let message = format!(
            "unknown party `{id}`; expected the id of a party in `parties`, or `multilateral` \
             or `other` (declared parties: {})",
            listed.join(", ")
        );
        self.report(rec, at, message);
    }
}
