//! The parties a corpus declares (its `parties` side table) and the sides that name them.
//!
//! A side is a declared party's id, or one of the kinds `multilateral` and `other`. Which
//! parties exist is data: a side naming no declared party is an error that lists the declared
//! ones. A party is declared once across all files (a second, different declaration, in a
//! user's corpus say, would make its label ambiguous); the same declaration in another file
//! is the same party.

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
        .flat_map(|(_, c)| c.parties.iter().map(|p| p.id.to_string()))
        .collect();
    if ids.is_empty() {
        crate::corpus::builtin::parties()
            .into_iter()
            .map(|p| p.id.into())
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
            // The same declaration in another file (a user's corpus that also loads on its
            // own, over the built-in one) is the same party.
            if let Some(&(g, earlier)) = first.get(p.id.as_str())
                && (g, earlier) != (f, pos)
                && !(g != f && files[g].1.parties.get(earlier) == Some(p))
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

#[cfg(test)]
mod tests {
    use super::super::{Scope, validate};
    use crate::corpus::Party;
    use crate::corpus::problem::Location;

    /// The small fixture (which names `eu` and `rok`, declared by default) with `extra` parties
    /// declared in a second file; the problems as "record · field: message".
    fn with_parties(extra: Vec<Party>) -> Vec<String> {
        let base = crate::test_fixture::small().corpus;
        let added = crate::corpus::Corpus {
            format: crate::corpus::FORMAT.into(),
            parties: extra,
            ..Default::default()
        };
        validate(
            &[("base.json".into(), base), ("parties.json".into(), added)],
            Scope::Complete,
        )
        .into_iter()
        .map(|p| match p.location {
            Location::Field { record, field } => format!("{record} · {field}: {}", p.message),
            other => format!("{other:?}: {}", p.message),
        })
        .collect()
    }

    fn party(id: &str, short: &str) -> Party {
        Party {
            id: id.into(),
            name: format!("Party {id}").into(),
            short: short.into(),
            names: Vec::new(),
        }
    }

    #[test]
    fn a_new_party_beside_the_declared_ones_is_valid() {
        assert_eq!(with_parties(vec![party("jp", "JP")]), Vec::<String>::new());
    }

    /// A user's corpus that declares the built-in parties the same way (so that it also loads
    /// on its own) layers cleanly; a different declaration of one of them does not.
    #[test]
    fn the_same_declaration_in_another_file_is_the_same_party() {
        let base = crate::test_fixture::small().corpus.parties;
        let rok = base
            .iter()
            .find(|p| p.id == "rok")
            .cloned()
            .expect("the fixture corpus names rok");
        assert_eq!(with_parties(vec![rok.clone()]), Vec::<String>::new());
        let renamed = Party {
            short: "Korea".into(),
            ..rok
        };
        assert_eq!(with_parties(vec![renamed]).len(), 1);
    }

    #[test]
    fn a_party_needs_a_slug_id_that_is_no_kind_and_a_short_label() {
        let problems = with_parties(vec![
            party("Japan", "JP"),
            party("other", "O"),
            party("jp", " "),
            party("rok", "K"),
        ]);
        assert_eq!(problems.len(), 4, "{problems:#?}");
        assert!(problems[0].starts_with("party Japan · id: `Japan` is not a slug"));
        assert!(problems[1].starts_with("party other · id: `other` is a kind of side"));
        assert!(problems[2].starts_with("party jp · short: empty text"));
        assert!(
            problems[3].starts_with(
                "party rok · id: party `rok` is already declared in base.json (parties[1])"
            ),
            "{}",
            problems[3]
        );
    }
}
