//! The golden ranking table: queries people type (English, acronyms, Korean, initial
//! consonants, romanisation variants, one-letter typos) and the record each must put first.
//!
//! The English rows run on the built-in corpus. Rows that need Korean names or acronyms run on
//! the built-in corpus with the names of `tests/fixtures/ranking/korean-names.json` added, so
//! they hold whether or not the built-in corpus has those names yet. Every row is checked and
//! every failure reported at once.

use std::collections::HashMap;

use entente::corpus::builtin;
use entente::corpus::model::{Corpus, Name};
use entente::search::fuzzy::{FinderIndex, Query, candidates_from};
use unicode_normalization::UnicodeNormalization;

/// (query, the expected first result as "BADGE id").
const BUILT_IN: &[(&str, &str)] = &[
    // Acronyms, spelled out in the corpus or not.
    ("nis", "ORG nis"),
    ("dpc", "MTG eu-rok-dpc-1"),
    ("kisa", "ORG kisa"),
    // Korean names and acronyms the built-in corpus now records (names-ko.json).
    ("msit", "ORG rok-msit"),
    ("국정원", "ORG nis"),
    ("ㄱㅈㅇ", "ORG nis"),
    ("윤종권", "PER youn-jong-kwon"),
    ("외교부", "ORG rok-mofa"),
    ("ㅇㄱㅂ", "ORG rok-mofa"),
    ("eeas", "ORG eeas"),
    ("mofa", "ORG rok-mofa"),
    ("knpa", "ORG knpa"),
    ("ncsc", "ORG ncsc"),
    ("nsr", "ORG nsr"),
    ("cert-eu", "ORG cert-eu"),
    ("un", "ORG un"),
    ("nato", "ORG nato"),
    ("arf", "ORG arf"),
    ("osce", "ORG osce"),
    ("cbm", "TOP confidence-building-measures"),
    ("poa", "TOP programme-of-action"),
    ("ai", "TOP artificial-intelligence"),
    ("5g", "TOP 5g-6g"),
    // English names and words.
    ("ransomware", "TOP counter-ransomware"),
    ("cybercrime", "TOP cybercrime"),
    ("spyware", "TOP commercial-spyware"),
    ("pall mall", "ORG pall-mall-process"),
    ("quantum", "TOP quantum"),
    ("semiconductors", "TOP semiconductors"),
    ("horizon", "TOP horizon"),
    ("internet governance", "TOP internet-governance"),
    ("confidence building", "TOP confidence-building-measures"),
    ("norms", "TOP cyber-norms"),
    ("sanctions", "TOP diplomatic-responses"),
    ("threat landscape", "TOP cyber-threat-landscape"),
    ("north korea", "TOP north-korea-cyber-threats"),
    ("capacity building", "TOP capacity-building"),
    ("undersea cables", "TOP network-connectivity"),
    ("sme", "TOP sme-digitalisation"),
    ("european commission", "ORG european-commission"),
    ("council", "ORG eu-council"),
    ("member states", "ORG eu-member-states"),
    ("eu cyber direct", "ORG eu-cyber-direct"),
    (
        "supreme prosecutors office",
        "ORG supreme-prosecutors-office",
    ),
    ("police", "ORG knpa"),
    ("intelligence service", "ORG nis"),
    ("science and ict", "ORG rok-msit"),
    ("foreign affairs", "ORG rok-mofa"),
    ("seoul", "PLC seoul"),
    ("brussels", "PLC brussels"),
    // People, with romanisation variants.
    ("kim gunn", "PER kim-gunn"),
    ("kim geon", "PER kim-gunn"),
    ("Kim Gun", "PER kim-gunn"),
    ("youn jong kwon", "PER youn-jong-kwon"),
    ("yoon jong-kwon", "PER youn-jong-kwon"),
    ("Yun Jongkwon", "PER youn-jong-kwon"),
    ("jong-kwon", "PER youn-jong-kwon"),
    ("lee jong-ho", "PER lee-jong-ho"),
    ("lee jongho", "PER lee-jong-ho"),
    ("yi jong ho", "PER lee-jong-ho"),
    ("rhee jongho", "PER lee-jong-ho"),
    ("gang yoo-sik", "PER kang-yoo-sik"),
    ("kang yoosik", "PER kang-yoo-sik"),
    ("breton", "PER thierry-breton"),
    ("herczynski", "PER pawel-herczynski"),
    // Meetings and events: years, editions, what the corpus says of them.
    ("covid", "MTG eu-rok-cyber-6"),
    ("virtual", "MTG eu-rok-cyber-6"),
    ("2020", "MTG eu-rok-cyber-6"),
    ("7th", "MTG eu-rok-cyber-7"),
    ("6th cyber dialogue", "MTG eu-rok-cyber-6"),
    ("cyber dialogue 2019", "MTG eu-rok-cyber-5"),
    ("digital partnership council 2024", "MTG eu-rok-dpc-2"),
    ("dpc 2023", "MTG eu-rok-dpc-1"),
    ("japan", "MTG eu-japan-dp-2022"),
    ("singapore", "MTG eu-singapore-dp-2023"),
    ("track 1.5", "MTG track-1-5-2020"),
    // One letter left out.
    ("ransomwre", "TOP counter-ransomware"),
    ("semicondutors", "TOP semiconductors"),
    ("intellgence service", "ORG nis"),
    ("brusels", "PLC brussels"),
    ("seul", "PLC seoul"),
    ("herczynki", "PER pawel-herczynski"),
    ("quantm", "TOP quantum"),
    ("cybercrme", "TOP cybercrime"),
    ("spywre", "TOP commercial-spyware"),
    // Places and series by their Korean names.
    ("서울", "PLC seoul"),
    ("브뤼셀", "PLC brussels"),
    // Every meeting of the series has the key: they tie, and the first in corpus order wins.
    ("사이버정책협의회", "MTG eu-rok-cyber-5"),
    ("ㅅㅇㅂㅈㅊㅎㅇㅎ", "MTG eu-rok-cyber-5"),
    ("디지털 파트너십 협의회", "MTG eu-rok-dpc-1"),
];

/// Rows that need the Korean names and acronyms of the fixture.
const WITH_NAMES: &[(&str, &str)] = &[
    ("국정원", "ORG nis"),
    ("국가정보원", "ORG nis"),
    ("ㄱㅈㅇ", "ORG nis"),
    ("국ㅈ", "ORG nis"),
    ("외교부", "ORG rok-mofa"),
    ("ㅇㄱㅂ", "ORG rok-mofa"),
    ("한국인터넷진흥원", "ORG kisa"),
    ("ㅎㄱㅇㅌㄴㅈㅎㅇ", "ORG kisa"),
    ("과기정통부", "ORG rok-msit"),
    ("ㄱㄱㅈㅌㅂ", "ORG rok-msit"),
    ("과학기술정보통신부", "ORG rok-msit"),
    ("경찰청", "ORG knpa"),
    ("대검찰청", "ORG supreme-prosecutors-office"),
    ("국가사이버안보센터", "ORG ncsc"),
    ("국가보안기술연구소", "ORG nsr"),
    ("유럽대외관계청", "ORG eeas"),
    ("집행위원회", "ORG european-commission"),
    ("윤종권", "PER youn-jong-kwon"),
    ("ㅇㅈㄱ", "PER youn-jong-kwon"),
    ("김건", "PER kim-gunn"),
    ("이종호", "PER lee-jong-ho"),
    ("nis", "ORG nis"),
    ("msit", "ORG rok-msit"),
    ("mofa", "ORG rok-mofa"),
    ("knpa", "ORG knpa"),
    ("yoon jong-kwon", "PER youn-jong-kwon"),
];

fn built_in() -> Corpus {
    builtin::load()
        .unwrap_or_else(|p| panic!("the built-in corpus loads: {p:?}"))
        .corpus
}

/// The built-in corpus with the fixture's names added (each once).
fn with_names() -> Corpus {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/ranking/korean-names.json"
    );
    let text = std::fs::read_to_string(path).unwrap();
    let value: serde_json::Value = serde_json::from_str(&text).unwrap();
    let table = |kind: &str| -> HashMap<String, Vec<String>> {
        serde_json::from_value(value[kind].clone()).unwrap()
    };
    let name = |text: &String| Name {
        text: text.clone().into(),
        lang: if text.is_ascii() { "en" } else { "ko" }.into(),
        cite: Vec::new(),
        conventional: true,
    };
    let add = |names: &mut Vec<Name>, texts: Option<&Vec<String>>| {
        for t in texts.into_iter().flatten() {
            if !names.iter().any(|n| n.text == t) {
                names.push(name(t));
            }
        }
    };
    let mut corpus = built_in();
    let orgs = table("organisations");
    let people = table("people");
    assert!(orgs.keys().chain(people.keys()).all(|id| {
        corpus.organisations.iter().any(|o| o.id == id) || corpus.people.iter().any(|p| p.id == id)
    }));
    for o in &mut corpus.organisations {
        add(&mut o.names, orgs.get(o.id.as_str()));
    }
    for p in &mut corpus.people {
        add(&mut p.names, people.get(p.id.as_str()));
    }
    corpus
}

/// Every row's failure, as a line: the query, what was expected, what came first.
fn failures(corpus: &Corpus, rows: &[(&str, &str)]) -> Vec<String> {
    let finder = FinderIndex::build(&candidates_from(corpus));
    let first = |query: &str| -> Option<String> {
        let results = finder.search(&Query::parse(query), 1);
        results.matches.first().map(|m| {
            let c = finder
                .candidate(m.candidate)
                .expect("a candidate of the index");
            format!("{} {}", c.kind.badge(), c.id.as_str().unwrap_or("?"))
        })
    };
    let mut out = Vec::new();
    for &(query, expected) in rows {
        // Typed composed or decomposed, a query ranks alike.
        for typed in [query.to_owned(), query.nfd().collect()] {
            let got = first(&typed);
            if got.as_deref() != Some(expected) {
                out.push(format!("{typed:?}: expected {expected}, got {got:?}"));
            }
        }
    }
    out
}

#[test]
fn golden_ranking_table() {
    let mut failed = failures(&built_in(), BUILT_IN);
    failed.extend(failures(&with_names(), WITH_NAMES));
    let rows = BUILT_IN.len() + WITH_NAMES.len();
    assert!(rows >= 60, "the table has {rows} rows");
    assert!(
        failed.is_empty(),
        "{} of {rows} golden rows (each typed NFC and NFD) failed:\n{}",
        failed.len(),
        failed.join("\n")
    );
}

#[test]
fn initials_over_a_corpus_without_hangul_find_nothing() {
    // The built-in corpus may gain Korean names; strip every key with Hangul to be sure.
    let latin: Vec<_> = candidates_from(&built_in())
        .into_iter()
        .map(|mut c| {
            c.keys
                .retain(|k| !k.chars().any(|ch| ('가'..='힣').contains(&ch)));
            c
        })
        .filter(|c| !c.keys.is_empty())
        .collect();
    let finder = FinderIndex::build(&latin);
    for q in ["ㄱㅈㅇ", "국ㅈ", "ㅎ"] {
        assert_eq!(finder.search(&Query::parse(q), 10).total, 0, "{q}");
    }
}

#[test]
fn filters_resolve_korean_names_and_romanisation_variants() {
    use entente::corpus::Facet;
    use entente::index::Index;
    let corpus = with_names();
    let index = Index::build(&corpus);
    let rows = [
        (Facet::Organisation, "국정원", "nis"),
        (Facet::Organisation, "국가정보원", "nis"),
        (Facet::Organisation, "MSIT", "rok-msit"),
        (Facet::Person, "윤종권", "youn-jong-kwon"),
        (Facet::Person, "yoon jong-kwon", "youn-jong-kwon"),
        (Facet::Person, "Kim Geon", "kim-gunn"),
        (Facet::Person, "lee jongho", "lee-jong-ho"),
    ];
    for (facet, name, id) in rows {
        assert_eq!(index.resolve(facet, name), Some(id), "{name}");
    }
    assert_eq!(index.resolve(Facet::Person, "yoon jong-kwo"), None);
}
