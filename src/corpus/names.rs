//! Display names of records looked up by id: the one place the CLI, the briefing note and the
//! browser turn an organisation, person or topic id, or a side, into what a reader sees. Pure;
//! callers sanitise the result before it reaches a terminal.

use super::model::{Corpus, Party, Side};

/// A person's name as the sources write it (the id when unknown).
pub fn person_name<'a>(corpus: &'a Corpus, id: &'a str) -> &'a str {
    corpus
        .people
        .iter()
        .find(|p| p.id == id)
        .map_or(id, |p| p.name.as_str())
}

/// "European External Action Service (EEAS)" (the id when unknown).
pub fn org_name(corpus: &Corpus, id: &str) -> String {
    match corpus.organisations.iter().find(|o| o.id == id) {
        Some(o) => match &o.acronym {
            Some(a) if a != o.name => format!("{} ({a})", o.name),
            _ => o.name.to_string(),
        },
        None => id.to_string(),
    }
}

/// The acronym if there is one, else the name (for tight spaces).
pub fn org_short(corpus: &Corpus, id: &str) -> String {
    match corpus.organisations.iter().find(|o| o.id == id) {
        Some(o) => o
            .acronym
            .clone()
            .unwrap_or_else(|| o.name.clone())
            .to_string(),
        None => id.to_string(),
    }
}

/// A topic's label (the id when unknown).
pub fn topic_label<'a>(corpus: &'a Corpus, id: &'a str) -> &'a str {
    corpus
        .topics
        .iter()
        .find(|t| t.id == id)
        .map_or(id, |t| t.label.as_str())
}

/// The party a side names, if the corpus declares it.
pub fn party<'a>(corpus: &'a Corpus, side: &Side) -> Option<&'a Party> {
    let id = side.party_id()?;
    corpus.parties.iter().find(|p| p.id == id)
}

/// A side's short label: the party's `short` ("EU", "ROK", "JP"), "Multilateral" or "Other"
/// (a party id the corpus does not declare shows as written; the validator rejects it).
pub fn side_label<'a>(corpus: &'a Corpus, side: &'a Side) -> &'a str {
    match side {
        Side::Party(id) => party(corpus, side).map_or(id.as_str(), |p| p.short.as_str()),
        Side::Multilateral => "Multilateral",
        Side::Other => "Other",
    }
}

/// A side's label in the interface language `lang` (`en`, `ko`): the party's name in that
/// language where the corpus gives one ("대한민국"), else its short label. The two kinds that
/// are not parties are interface words, not corpus data: in Korean "다자기구" (a multilateral
/// body) and "기타".
pub fn side_label_in<'a>(corpus: &'a Corpus, side: &'a Side, lang: &str) -> &'a str {
    match (side, lang) {
        (Side::Multilateral, "ko") => "다자기구",
        (Side::Other, "ko") => "기타",
        _ => party(corpus, side)
            .and_then(|p| p.names.iter().find(|n| n.lang == lang))
            .map_or_else(|| side_label(corpus, side), |n| n.text.as_str()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::Name;

    fn with_parties() -> Corpus {
        Corpus {
            parties: vec![Party {
                id: "jp".into(),
                name: "Japan".into(),
                short: "JP".into(),
                names: vec![Name {
                    text: "일본".into(),
                    lang: "ko".into(),
                    cite: Vec::new(),
                    conventional: true,
                }],
            }],
            ..Corpus::default()
        }
    }

    #[test]
    fn a_party_side_is_labelled_by_its_declared_short_name() {
        let corpus = with_parties();
        let jp = Side::party("jp");
        assert_eq!(side_label(&corpus, &jp), "JP");
        assert_eq!(side_label(&corpus, &Side::Multilateral), "Multilateral");
        assert_eq!(side_label(&corpus, &Side::party("xx")), "xx");
    }

    #[test]
    fn the_korean_interface_uses_the_korean_name_where_there_is_one() {
        let corpus = with_parties();
        assert_eq!(side_label_in(&corpus, &Side::party("jp"), "ko"), "일본");
        assert_eq!(side_label_in(&corpus, &Side::party("jp"), "en"), "JP");
        assert_eq!(side_label_in(&corpus, &Side::Other, "ko"), "기타");
        assert_eq!(
            side_label_in(&corpus, &Side::Multilateral, "ko"),
            "다자기구"
        );
        assert_eq!(side_label_in(&corpus, &Side::Other, "en"), "Other");
    }

    #[test]
    fn sides_read_and_write_as_one_string() {
        let sides: Vec<Side> =
            serde_json::from_str(r#"["eu", "multilateral", "other", "jp"]"#).expect("parses");
        assert_eq!(
            sides,
            [
                Side::party("eu"),
                Side::Multilateral,
                Side::Other,
                Side::party("jp")
            ]
        );
        assert_eq!(
            serde_json::to_string(&sides).expect("writes"),
            r#"["eu","multilateral","other","jp"]"#
        );
    }
}
