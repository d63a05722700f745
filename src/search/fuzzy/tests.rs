//! Tests of the finder: query semantics, folding and positions, ranking, incremental search,
//! and the candidate list built from a corpus.

use super::*;
use crate::search::fold::fold;
use proptest::prelude::*;

/// Candidate `i` as the index gives it back.
fn cand_at(f: &FinderIndex, i: usize) -> Candidate {
    f.candidate(i)
        .expect("a candidate of the index")
        .to_candidate()
}

fn cand(kind: Kind, label: &str, others: &[&str]) -> Candidate {
    Candidate {
        kind,
        id: label.to_lowercase().replace(' ', "-"),
        label: label.to_owned(),
        keys: std::iter::once(label)
            .chain(others.iter().copied())
            .map(str::to_owned)
            .collect(),
        detail: String::new(),
    }
}

/// A matcher with no state left from earlier calls.
fn fresh() -> SkimMatcherV2 {
    SkimMatcherV2::default().respect_case()
}

fn sample() -> FinderIndex {
    FinderIndex::build(&[
        cand(Kind::Topic, "Cybercrime", &["UN cybercrime convention"]),
        cand(
            Kind::Topic,
            "Ransomware",
            &["Counter Ransomware Initiative"],
        ),
        cand(Kind::Organisation, "EU Cyber Direct", &["EUCD"]),
        cand(
            Kind::Organisation,
            "European Union Agency for Cybersecurity",
            &["ENISA"],
        ),
        cand(
            Kind::Organisation,
            "외교부",
            &["Ministry of Foreign Affairs", "MOFA"],
        ),
        cand(Kind::Person, "Élysée Dupont", &[]),
        cand(
            Kind::Meeting,
            "7th EU–ROK Cyber Dialogue",
            &["7th Cyber Dialogue"],
        ),
        cand(Kind::Place, "Seoul", &[]),
        cand(Kind::Place, "Brussels", &[]),
    ])
}

fn labels(f: &FinderIndex, r: &Results) -> Vec<String> {
    r.matches
        .iter()
        .map(|m| cand_at(f, m.candidate).label.clone())
        .collect()
}

fn search(f: &FinderIndex, q: &str) -> Results {
    f.search(&Query::parse(q), 100)
}

#[test]
fn words_match_in_any_order() {
    let f = sample();
    for q in ["cyber eu", "eu cyber", "direct cyber eu"] {
        let r = search(&f, q);
        assert_eq!(
            labels(&f, &r).first().map(String::as_str),
            Some("EU Cyber Direct"),
            "{q}"
        );
    }
    // Every word must match: nothing holds both "seoul" and "ransom".
    assert_eq!(search(&f, "seoul ransom").total, 0);
}

#[test]
fn all_words_must_match_one_key() {
    let f = sample();
    // "enisa" is only in the acronym, "agency" only in the name: no single key has both.
    assert_eq!(search(&f, "enisa agency").total, 0);
    assert_eq!(search(&f, "agency cyber").total, 1);
}

#[test]
fn folding_beyond_ascii_with_original_positions() {
    let f = sample();
    for q in ["élysée", "ÉLYSÉE", "elysee"] {
        let r = search(&f, q);
        assert_eq!(labels(&f, &r), vec!["Élysée Dupont"], "{q}");
        assert_eq!(r.matches[0].positions, vec![0, 1, 2, 3, 4, 5], "{q}");
    }
    let r = search(&f, "dup");
    assert_eq!(r.matches[0].positions, vec![7, 8, 9]);
}

#[test]
fn positions_are_char_indices_of_the_original_key() {
    let f = sample();
    let r = search(&f, "외교");
    assert_eq!(r.matches[0].key, 0);
    assert_eq!(r.matches[0].positions, vec![0, 1]);
    // After Hangul (3 bytes a char) and an en dash, indices still count chars.
    let f = FinderIndex::build(&[cand(Kind::Meeting, "한국–EU 대화 Straße", &[])]);
    let r = search(&f, "대화");
    assert_eq!(r.matches[0].positions, vec![6, 7]);
    // ß folds to "ss": both folded chars highlight the one original char.
    let r = search(&f, "strasse");
    assert_eq!(r.matches[0].positions, vec![9, 10, 11, 12, 13, 14]);
    let key: Vec<char> = cand_at(&f, 0).keys[0].chars().collect();
    let shown: String = r.matches[0].positions.iter().map(|&i| key[i]).collect();
    assert_eq!(shown, "Straße");
}

#[test]
fn reports_the_key_that_matched() {
    let f = sample();
    let r = search(&f, "enisa");
    assert_eq!(
        labels(&f, &r),
        vec!["European Union Agency for Cybersecurity"]
    );
    assert_eq!(r.matches[0].key, 1);
    assert_eq!(r.matches[0].positions, vec![0, 1, 2, 3, 4]);
    let r = search(&f, "mofa");
    assert_eq!(r.matches[0].key, 2);
}

#[test]
fn multi_word_positions_merge() {
    let f = sample();
    let r = search(&f, "direct eu");
    let m = &r.matches[0];
    assert_eq!(m.key, 0);
    assert_eq!(m.positions, vec![0, 1, 9, 10, 11, 12, 13, 14]);
    let direct = fresh().fuzzy_match("eu cyber direct", "direct");
    let eu = fresh().fuzzy_match("eu cyber direct", "eu");
    assert_eq!(Some(m.score), direct.zip(eu).map(|(a, b)| a + b));
}

#[test]
fn prefixes_narrow_the_kind() {
    let f = sample();
    let r = search(&f, "@cyber");
    assert!(r.total > 0);
    assert!(
        r.matches
            .iter()
            .all(|m| cand_at(&f, m.candidate).kind == Kind::Organisation)
    );
    assert_eq!(labels(&f, &search(&f, "%")), vec!["Seoul", "Brussels"]);
    assert_eq!(search(&f, "#").total, 2);
    assert_eq!(search(&f, "~").total, 1);
    assert_eq!(
        labels(&f, &search(&f, ": cyber")),
        vec!["7th EU–ROK Cyber Dialogue"]
    );
    assert_eq!(search(&f, "%cyber").total, 0);
}

#[test]
fn empty_query_lists_everything_in_candidate_order() {
    let f = sample();
    let r = search(&f, "   ");
    assert_eq!(r.total, f.candidates().len());
    let order: Vec<usize> = r.matches.iter().map(|m| m.candidate).collect();
    assert_eq!(order, (0..f.candidates().len()).collect::<Vec<_>>());
    assert!(
        r.matches
            .iter()
            .all(|m| m.score == 0 && m.positions.is_empty())
    );
}

#[test]
fn limit_keeps_the_best_and_counts_all() {
    let f = sample();
    let all = search(&f, "c");
    let top = f.search(&Query::parse("c"), 2);
    assert_eq!(top.total, all.total);
    assert!(all.total > 2);
    assert_eq!(top.matches, all.matches[..2].to_vec());
    assert!(f.search(&Query::parse("c"), 0).matches.is_empty());
    assert_eq!(f.search(&Query::parse(""), 3).matches.len(), 3);
}

#[test]
fn ties_go_to_the_shorter_key_then_candidate_order() {
    let f = FinderIndex::build(&[
        cand(Kind::Topic, "abc long tail", &[]),
        cand(Kind::Topic, "abc", &[]),
        cand(Kind::Topic, "abc mid", &[]),
        cand(Kind::Topic, "abc", &[]),
    ]);
    let r = search(&f, "ab");
    assert!(r.matches.windows(2).all(|w| w[0].score == w[1].score));
    let order: Vec<usize> = r.matches.iter().map(|m| m.candidate).collect();
    assert_eq!(order, vec![1, 3, 2, 0]);
}

#[test]
fn better_scores_rank_first() {
    let f = FinderIndex::build(&[
        cand(Kind::Topic, "a_x_b_x_c", &[]),
        cand(Kind::Topic, "abc", &[]),
    ]);
    let r = search(&f, "abc");
    assert_eq!(r.matches[0].candidate, 1);
    assert!(r.matches[0].score > r.matches[1].score);
}

/// A reference implementation: score every key of every candidate with the plain matcher,
/// sort stably by (tier desc, score desc, key length asc). The engine must agree with it
/// exactly (on candidates with no surname spellings and queries with no typed initials).
fn reference(cands: &[Candidate], q: &str, limit: usize) -> (Vec<(usize, i64, usize)>, usize) {
    let query = Query::parse(q);
    let mut hits = Vec::new();
    for (i, c) in cands.iter().enumerate() {
        if query.kind().is_some_and(|k| k != c.kind) {
            continue;
        }
        if query.is_empty() {
            hits.push((i, Tier::Fuzzy, 0, 0, 0));
            continue;
        }
        let mut best: Option<(Tier, i64, usize, usize)> = None;
        for (k, key) in c.keys.iter().enumerate() {
            let folded = fold(key);
            let scores: Option<Vec<i64>> = query
                .words()
                .iter()
                .map(|w| fresh().fuzzy_match(&folded, w))
                .collect();
            if let Some(s) = scores {
                let s: i64 = s.iter().sum();
                let t = tier::tier(query.words().iter().map(String::as_str), &folded);
                let len = key.chars().count();
                let better = best.is_none_or(|(bt, bs, bl, _)| {
                    (t, s, std::cmp::Reverse(len)) > (bt, bs, std::cmp::Reverse(bl))
                });
                if better {
                    best = Some((t, s, len, k));
                }
            }
        }
        if let Some((t, s, len, k)) = best {
            hits.push((i, t, s, len, k));
        }
    }
    let total = hits.len();
    if !query.is_empty() {
        let label = |i: usize| cands[i].label.chars().count();
        hits.sort_by(|a, b| {
            b.1.cmp(&a.1)
                .then(b.2.cmp(&a.2))
                .then(a.3.cmp(&b.3))
                .then(a.4.cmp(&b.4))
                .then(label(a.0).cmp(&label(b.0)))
        });
    }
    hits.truncate(limit);
    (
        hits.into_iter().map(|(i, _, s, _, k)| (i, s, k)).collect(),
        total,
    )
}

/// Deterministic names from a small alphabet so that short queries match many of them.
fn synthetic(n: usize) -> Vec<Candidate> {
    const WORDS: &[&str] = &[
        "cyber",
        "Europe",
        "dialogue",
        "서울",
        "Korea",
        "agency",
        "Élysée",
        "council",
        "data",
        "policy",
        "외교부",
        "ransom",
        "NIS",
        "union",
        "Straße",
        "forum",
    ];
    let mut seed: u64 = 0x9e37_79b9_7f4a_7c15;
    let mut next = move |below: usize| {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        (seed % below as u64) as usize
    };
    (0..n)
        .map(|i| {
            let words = 2 + next(3);
            let label = (0..words)
                .map(|_| WORDS[next(WORDS.len())])
                .collect::<Vec<_>>()
                .join(" ");
            let alias = WORDS[next(WORDS.len())].to_owned();
            let kind = Kind::ALL[i % Kind::ALL.len()];
            Candidate {
                kind,
                id: format!("c{i}"),
                keys: vec![label.clone(), alias],
                label,
                detail: String::new(),
            }
        })
        .collect()
}

#[test]
fn agrees_with_the_reference_on_a_parallel_scan() {
    let cands = synthetic(scan::PARALLEL_MIN * 2 + 17);
    let f = FinderIndex::build(&cands);
    let queries = [
        "c",
        "cy eu",
        "eur",
        "서울",
        "elysee dial",
        "@nis",
        ":",
        "zzz",
        "ss",
    ];
    for q in queries {
        // Small limits exercise the bound that skips scoring; no limit, a full ranking.
        for limit in [0, 1, 7, 50, usize::MAX] {
            let got = f.search(&Query::parse(q), limit);
            let (want, total) = reference(&cands, q, limit);
            assert_eq!(got.total, total, "{q} {limit}");
            let got: Vec<(usize, i64, usize)> = got
                .matches
                .iter()
                .map(|m| (m.candidate, m.score, m.key))
                .collect();
            assert_eq!(got, want, "{q} {limit}");
        }
    }
}

/// What the session property test types: letters common in the synthetic names, a Korean
/// syllable, an accent, and spaces.
const TYPED: &[char] = &['c', 'e', 'u', 'r', 'o', 's', 'a', '서', 'é', ' '];

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn session_equals_fresh_search(
        edits in prop::collection::vec(
            prop_oneof![
                3 => prop::sample::select(TYPED).prop_map(Some),
                1 => prop::sample::select(vec!['#', '@', ':']).prop_map(Some),
                2 => Just(None),
            ],
            1..30,
        ),
        limit in 0usize..20,
    ) {
        let finder = FinderIndex::build(&synthetic(300));
        let mut session = Session::new();
        let mut typed = String::new();
        for edit in edits {
            match edit {
                Some(c) => typed.push(c),
                None => { typed.pop(); }
            }
            let q = Query::parse(&typed);
            let fresh = finder.search(&q, limit);
            let incremental = session.search(&finder, &q, limit);
            prop_assert_eq!(incremental, fresh, "query {:?}", typed);
        }
    }
}

#[test]
fn session_is_not_fooled_by_another_finder() {
    let a = sample();
    let b = FinderIndex::build(&synthetic(50));
    let mut s = Session::new();
    let q = Query::parse("c");
    s.search(&a, &q, 10);
    let q2 = Query::parse("cy");
    assert_eq!(s.search(&b, &q2, 10), b.search(&q2, 10));
}

mod from_corpus {
    use super::super::candidates_from;
    use super::Kind;
    use crate::corpus::*;

    fn date(value: &str) -> DateFact {
        DateFact {
            value: value.into(),
            end: None,
            precision: Precision::Day,
            provenance: Provenance::Stated,
            how: None,
            cite: vec![],
            alternatives: Vec::new(),
            rule: None,
        }
    }

    fn place(city: &str, country: Option<&str>) -> Place {
        Place {
            city: city.into(),
            country: country.map(Into::into),
            venue: None,
            provenance: Provenance::Stated,
            how: None,
            cite: vec![],
        }
    }

    fn meeting(id: &str, title: &str, day: &str, city: &str) -> Meeting {
        Meeting {
            id: id.into(),
            series: "s".into(),
            edition: None,
            title: title.into(),
            short_title: format!("short {title}").into(),
            names: vec![SideName {
                side: Side::party("rok"),
                name: "Cyber Policy Consultation".into(),
                cite: vec![],
            }],
            date: date(day),
            place: Some(place(city, Some("Korea"))),
            format: None,
            co_located: vec![],
            delegations: vec![],
            observers: vec![],
            topics: vec![],
            outcomes: vec![],
            next_meeting: None,
            notes: vec![],
            accounts: vec![],
            status: crate::corpus::MeetingStatus::Held,
            draft: false,
            amends: false,
        }
    }

    fn role(title: &str, meeting: Option<&str>) -> Role {
        Role {
            title: title.into(),
            organisation: None,
            side: Side::party("eu"),
            meeting: meeting.map(Into::into),
            cite: vec![],
        }
    }

    #[test]
    fn builds_every_kind_sanitised() {
        let corpus = Corpus {
            format: FORMAT.into(),
            parties: crate::corpus::builtin::parties(),
            topics: vec![
                Topic {
                    id: "crime".into(),
                    label: "Cybercrime".into(),
                    aliases: vec!["cybercrime".into(), "Budapest Convention".into()],
                    parent: None,
                    names: Vec::new(),
                },
                Topic {
                    id: "ransom".into(),
                    label: "Ransomware\x1b]0;pwn\x07".into(),
                    aliases: vec![],
                    parent: Some("crime".into()),
                    names: Vec::new(),
                },
            ],
            organisations: vec![
                Organisation {
                    id: "enisa".into(),
                    name: "EU Agency for Cybersecurity".into(),
                    acronym: Some("ENISA".into()),
                    aliases: vec!["".into()],
                    side: Side::party("eu"),
                    kind: OrgKind::Agency,
                    parent: None,
                    cite: vec![],
                    names: Vec::new(),
                },
                Organisation {
                    id: "ecd".into(),
                    name: "EU Cyber Direct".into(),
                    acronym: None,
                    aliases: vec![],
                    side: Side::Other,
                    kind: OrgKind::Other,
                    parent: None,
                    cite: vec![],
                    names: Vec::new(),
                },
            ],
            people: vec![Person {
                id: "kim".into(),
                name: "KIM Min-su".into(),
                honorific: None,
                aliases: vec!["Kim Minsu".into()],
                roles: vec![
                    role("Director", Some("m2")),
                    role("Ambassador", Some("m1")),
                    role("Undated", None),
                ],
                names: Vec::new(),
            }],
            meetings: vec![
                meeting("m1", "1st Dialogue", "2014-05-01", "Seoul"),
                meeting("m2", "2nd Dialogue", "2016-11-02", "Brussels"),
            ],
            events: vec![Event {
                id: "e1".into(),
                kind: EventKind::Planned,
                title: "Next".into(),
                series: None,
                edition: None,
                date: None,
                place: Some(place("Seoul", None)),
                description: "d".into(),
                organisations: vec![],
                topics: vec![],
                cite: vec![],
            }],
            ..Corpus::default()
        };
        let c = candidates_from(&corpus);
        let kinds: Vec<Kind> = c.iter().map(|c| c.kind).collect();
        assert_eq!(
            kinds,
            vec![
                Kind::Topic,
                Kind::Topic,
                Kind::Organisation,
                Kind::Organisation,
                Kind::Person,
                Kind::Meeting,
                Kind::Meeting,
                Kind::Meeting,
                Kind::Place,
                Kind::Place
            ]
        );
        // The alias that folds like the label is dropped; the escape sequence is gone.
        assert_eq!(c[0].keys, vec!["Cybercrime", "Budapest Convention"]);
        assert_eq!(c[1].label, "Ransomware");
        assert_eq!(c[1].detail, "in Cybercrime");
        assert_eq!(c[2].keys, vec!["EU Agency for Cybersecurity", "ENISA"]);
        assert_eq!(c[2].detail, "EU agency");
        assert_eq!(c[3].detail, "Other");
        // The role at the latest meeting, not the last listed.
        assert_eq!(c[4].detail, "Director");
        let keys = [
            "1st Dialogue",
            "short 1st Dialogue",
            "Cyber Policy Consultation",
            "1st Dialogue 2014",
        ];
        assert_eq!(c[5].keys, keys, "the title with its year is a key");
        assert_eq!(c[5].detail, "2014-05-01");
        // A place's id is its key; the label is the city as first written.
        // An event is listed with the meetings, with its kind as detail (it has no date).
        assert_eq!((c[7].id.as_str(), c[7].detail.as_str()), ("e1", "planned"));
        let seoul = (c[8].id.as_str(), c[8].label.as_str(), c[8].detail.as_str());
        assert_eq!(seoul, ("seoul", "Seoul", "Korea"));
        assert_eq!(c[9].label, "Brussels");
    }
}

#[test]
fn unhighlighted_search_ranks_exactly_as_search_does() {
    for finder in [sample(), FinderIndex::build(&synthetic(5_000))] {
        for text in ["cy", "cyber", "counter ransomware", "#cr", "zzqxj", ""] {
            let q = Query::parse(text);
            let full = finder.search(&q, 50);
            let bare = finder.search_unhighlighted(&q, 50);
            assert_eq!(full.total, bare.total, "{text}");
            let order = |r: &Results| {
                r.matches
                    .iter()
                    .map(|m| (m.candidate, m.score, m.key))
                    .collect::<Vec<_>>()
            };
            assert_eq!(order(&full), order(&bare), "{text}");
            assert!(bare.matches.iter().all(|m| m.positions.is_empty()));
        }
    }
}

/// Korean names, romanisation variants and tiers.
mod korean {
    use super::*;
    use unicode_normalization::UnicodeNormalization;

    fn korean() -> FinderIndex {
        FinderIndex::build(&[
            cand(
                Kind::Organisation,
                "Ministry of Foreign Affairs",
                &["MOFA", "외교부"],
            ),
            cand(
                Kind::Organisation,
                "National Intelligence Service",
                &["NIS", "국가정보원", "국정원"],
            ),
            cand(
                Kind::Organisation,
                "Ministry of Science and ICT",
                &["과학기술정보통신부"],
            ),
            cand(
                Kind::Organisation,
                "National Security Research Institute",
                &["NSR"],
            ),
            cand(Kind::Person, "Youn Jong Kwon", &["윤종권"]),
            cand(Kind::Person, "Kim Gunn", &["김건"]),
            cand(Kind::Person, "Lee Jong-Ho", &["이종호"]),
            cand(Kind::Topic, "Gang violence", &[]),
        ])
    }

    fn first(f: &FinderIndex, q: &str) -> Option<String> {
        let r = search(f, q);
        r.matches
            .first()
            .map(|m| cand_at(f, m.candidate).label.clone())
    }

    #[test]
    fn initial_consonants_find_korean_names() {
        let f = korean();
        let nis = Some("National Intelligence Service".to_owned());
        assert_eq!(first(&f, "ㄱㅈㅇ"), nis);
        assert_eq!(first(&f, "국ㅈ"), nis);
        assert_eq!(
            first(&f, "\u{1100}\u{110C}\u{110B}"),
            nis,
            "conjoining jamo"
        );
        assert_eq!(
            first(&f, "ㅇㄱㅂ").as_deref(),
            Some("Ministry of Foreign Affairs")
        );
        // 국ㅈ needs 국 itself: 과학… has no 국 before a ㅈ.
        assert_eq!(search(&f, "국ㅈ").total, 1);
        let r = search(&f, "ㄱㅈㅇ");
        assert_eq!(r.matches[0].tier, Tier::Exact);
        // The key that matched, with its characters.
        assert_eq!(
            cand_at(&f, r.matches[0].candidate).keys[r.matches[0].key],
            "국정원"
        );
        assert_eq!(r.matches[0].positions, vec![0, 1, 2]);
    }

    #[test]
    fn initials_over_a_corpus_without_hangul_match_nothing() {
        let f = sample_latin();
        assert_eq!(search(&f, "ㄱㅈㅇ").total, 0);
        assert_eq!(search(&f, "국ㅈ").total, 0);
    }

    fn sample_latin() -> FinderIndex {
        FinderIndex::build(
            &synthetic(2_000)
                .into_iter()
                .filter(|c| {
                    c.keys
                        .iter()
                        .all(|k| !crate::search::hangul::has_syllable(k))
                })
                .collect::<Vec<_>>(),
        )
    }

    #[test]
    fn romanisation_variants() {
        let f = korean();
        for q in [
            "yoon jong-kwon",
            "Yun Jongkwon",
            "youn jong kwon",
            "jong-kwon",
            "~yoon",
        ] {
            assert_eq!(first(&f, q).as_deref(), Some("Youn Jong Kwon"), "{q}");
        }
        assert_eq!(search(&f, "yoon jong-kwon").matches[0].tier, Tier::Exact);
        for q in ["kim geon", "Kim Gun", "kim gunn"] {
            assert_eq!(first(&f, q).as_deref(), Some("Kim Gunn"), "{q}");
        }
        for q in ["lee jongho", "Yi Jong-ho", "rhee jong ho"] {
            assert_eq!(first(&f, q).as_deref(), Some("Lee Jong-Ho"), "{q}");
        }
        // Surname spellings apply to people only: "gang" still finds the topic by its own word.
        assert_eq!(first(&f, "gang").as_deref(), Some("Gang violence"));
        // The highlight of a surname-mapped match points into the key as written.
        let r = search(&f, "yun");
        let m = r
            .matches
            .iter()
            .find(|m| m.candidate == 4)
            .map(|m| m.positions.clone());
        assert_eq!(m, Some(vec![0, 1, 2, 3]));
    }

    #[test]
    fn whole_words_and_exact_keys_beat_letters_inside_words() {
        let f = korean();
        assert_eq!(
            first(&f, "nis").as_deref(),
            Some("National Intelligence Service")
        );
        assert_eq!(search(&f, "nis").matches[0].tier, Tier::Exact);
        // Without the acronym, the initials of the name still beat "Mi·nis·try".
        let bare = FinderIndex::build(&[
            cand(Kind::Organisation, "Ministry of Foreign Affairs", &[]),
            cand(
                Kind::Organisation,
                "National Security Research Institute",
                &[],
            ),
            cand(Kind::Organisation, "National Intelligence Service", &[]),
        ]);
        assert_eq!(
            first(&bare, "nis").as_deref(),
            Some("National Intelligence Service")
        );
        assert_eq!(
            first(&bare, "mofa").as_deref(),
            Some("Ministry of Foreign Affairs")
        );
    }

    #[test]
    fn bad_input_never_panics() {
        let f = korean();
        for q in [
            "\u{1161}\u{1162}",
            "\u{302}\u{301}",
            "\u{FFFD}\u{FFFD}",
            "ㅏ",
            "\u{11A8}",
            "- -",
            "ㄱ\u{0}",
        ] {
            let r = search(&f, q);
            assert!(r.total <= f.candidates().len(), "{q:?}");
        }
        assert_eq!(search(&f, "\u{1161}\u{1162}").total, 0);
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(64))]

        #[test]
        fn nfc_and_nfd_queries_rank_alike(pick in 0usize..8, take in 1usize..6) {
            let f = korean();
            let c = &cand_at(&f, pick);
            let key = c.keys.last().cloned().unwrap_or_default();
            let typed: String = key.chars().take(take).collect();
            let nfd: String = typed.nfd().collect();
            let a = search(&f, &typed);
            let b = search(&f, &nfd);
            prop_assert_eq!(a, b);
        }

        #[test]
        fn the_initials_of_a_name_find_it(pick in 0usize..7) {
            let f = korean();
            let c = &cand_at(&f, pick);
            let Some(name) = c.keys.iter().find(|k| crate::search::hangul::has_syllable(k)) else {
                return Ok(());
            };
            let initials = crate::search::hangul::initials_of(name);
            let r = search(&f, &initials);
            prop_assert!(r.matches.iter().any(|m| m.candidate == pick), "{} {}", name, initials);
        }
    }
}
