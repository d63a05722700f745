//! Valid corpora of a given size, for benchmarks and scale tests.
//!
//! [`generate`] builds a valid corpus (it passes `entente check`) with about `candidates`
//! finder candidates in realistic proportions — 40% people, 30% meetings, 20% organisations,
//! 9% topics, 1% places — each meeting reported by one source of several paragraphs of
//! realistic length, some of it Korean. The same seed always gives the same corpus, so figures
//! measured on it can be reproduced.

use crate::corpus::{
    Account, Citation, Corpus, DateFact, Delegation, FORMAT, FormatFact, Head, Meeting,
    MeetingFormat, OrgKind, OrgRef, Organisation, Person, Place, Precision, Provenance, Role, Side,
    SideName, Source, SourceKind, Topic, TopicRef,
};

/// What to generate.
#[derive(Debug, Clone, Copy)]
pub struct Spec {
    /// About how many finder candidates (topics + organisations + people + meetings + places).
    pub candidates: usize,
    /// Paragraphs in each meeting's source.
    pub paragraphs: usize,
    pub seed: u64,
}

impl Spec {
    pub fn with_candidates(candidates: usize) -> Spec {
        Spec {
            candidates,
            paragraphs: 4,
            seed: 0x5EED_2025,
        }
    }
}

/// A small, fast, deterministic generator (xorshift64*), so no dependency decides our figures.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        self.0 = x;
        x.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }

    fn pick<'a>(&mut self, list: &[&'a str]) -> &'a str {
        list[self.below(list.len())]
    }
}

const GIVEN: &[&str] = &[
    "Anna",
    "Maciej",
    "Pawel",
    "Wiktor",
    "Lucia",
    "Jonas",
    "Elena",
    "Tomas",
    "Ingrid",
    "Marco",
    "Sofia",
    "Henrik",
    "Claire",
    "Dimitri",
    "Agnieszka",
    "Pierre",
    "Katrin",
    "Luis",
    "Mirela",
    "Jin-ho",
    "Min-jun",
    "Seo-yeon",
    "Ji-woo",
    "Hyun-woo",
    "Eun-ji",
    "Jong-ho",
    "Yoo-sik",
];
const FAMILY: &[&str] = &[
    "Novak",
    "Schmidt",
    "Rossi",
    "Dubois",
    "Kowalski",
    "Jansen",
    "Nielsen",
    "García",
    "Horvat",
    "Papadopoulos",
    "Virtanen",
    "Silva",
    "Müller",
    "Kim",
    "Lee",
    "Park",
    "Choi",
    "Jung",
    "Kang",
    "Youn",
    "Cho",
    "Yoon",
    "Jang",
    "Lim",
    "Han",
];
const HANGUL_NAMES: &[&str] = &[
    "김민준",
    "이서연",
    "박지우",
    "최현우",
    "정은지",
    "강유식",
    "윤종권",
];
const ORG_ADJ: &[&str] = &[
    "National",
    "European",
    "Federal",
    "Regional",
    "Joint",
    "Central",
    "International",
    "Strategic",
    "Digital",
    "Maritime",
    "Financial",
    "Civil",
];
const ORG_NOUN: &[&str] = &[
    "Cyber Security",
    "Intelligence",
    "Police",
    "Prosecution",
    "Research",
    "Defence",
    "Telecommunications",
    "Data Protection",
    "Standards",
    "Emergency Response",
    "Space",
    "Energy",
    "Transport",
    "Health",
    "Foreign Affairs",
];
const ORG_TYPE: &[&str] = &[
    "Agency",
    "Ministry",
    "Institute",
    "Centre",
    "Office",
    "Council",
    "Directorate",
    "Service",
    "Authority",
    "Board",
];
const COUNTRIES: &[&str] = &[
    "Korea",
    "Japan",
    "Singapore",
    "India",
    "Australia",
    "Canada",
    "Chile",
    "Kenya",
    "Norway",
    "Vietnam",
    "Indonesia",
    "Brazil",
    "Mexico",
    "Egypt",
    "Morocco",
    "Ukraine",
    "Georgia",
];
const TOPIC_A: &[&str] = &[
    "cyber",
    "digital",
    "maritime",
    "space",
    "energy",
    "supply chain",
    "critical infrastructure",
    "election",
    "financial",
    "health data",
    "quantum",
    "AI",
    "semiconductor",
    "undersea cable",
];
const TOPIC_B: &[&str] = &[
    "resilience",
    "norms",
    "capacity building",
    "threat landscape",
    "cooperation",
    "standards",
    "sanctions",
    "crime",
    "diplomacy",
    "confidence-building measures",
    "incident response",
    "governance",
    "security",
    "research",
];
const CITIES: &[&str] = &[
    "Brussels",
    "Seoul",
    "Tokyo",
    "Singapore",
    "Geneva",
    "Vienna",
    "New York",
    "Jakarta",
    "Canberra",
    "Ottawa",
    "Nairobi",
    "Oslo",
    "Hanoi",
    "Brasília",
    "Cairo",
    "Rabat",
    "Kyiv",
    "Tbilisi",
    "Lisbon",
    "Tallinn",
    "Busan",
    "Incheon",
    "Warsaw",
    "Prague",
    "Athens",
];
const SENTENCES: &[&str] = &[
    "Both sides exchanged views on recent developments in cybersecurity policy and on the threat landscape in their regions.",
    "The delegations discussed ways to strengthen cooperation in multilateral fora, in particular at the United Nations.",
    "They agreed on the importance of close coordination to counter malicious cyber activities, including ransomware.",
    "The participants reviewed capacity-building programmes and explored potential areas for joint projects in third countries.",
    "The two sides reaffirmed their commitment to an open, free, stable and secure cyberspace.",
    "They underlined the need for enhanced international cooperation in cybercrime investigations.",
    "양측은 사이버 위협 대응을 위한 긴밀한 협력의 중요성에 공감하였다.",
    "The meeting served as a platform to exchange views on emerging technologies and their geopolitical aspects.",
];

/// Generates a valid corpus of about `spec.candidates` finder candidates.
pub fn generate(spec: Spec) -> Corpus {
    let mut rng = Rng(spec.seed | 1);
    let n = spec.candidates.max(10);
    let n_people = n * 40 / 100;
    let n_meetings = (n * 30 / 100).max(1);
    let n_orgs = (n * 20 / 100).max(1);
    let n_topics = (n * 9 / 100).max(1);
    let paragraphs = spec.paragraphs.max(1);

    let sources: Vec<Source> = (0..n_meetings)
        .map(|i| {
            let paras: Vec<String> = (0..paragraphs)
                .map(|p| {
                    let count = 2 + rng.below(3);
                    let text: Vec<&str> = (0..count).map(|_| rng.pick(SENTENCES)).collect();
                    format!("{}. {}", p + 1, text.join(" "))
                })
                .collect();
            Source {
                id: format!("src-{i}").into(),
                label: None,
                title: format!("Press release on meeting {i}").into(),
                publisher: None,
                url: None,
                accessed: None,
                language: "en".into(),
                kind: SourceKind::PressRelease,
                published: None,
                side: Some(if i % 2 == 0 {
                    Side::party("eu")
                } else {
                    Side::party("rok")
                }),
                notes: Vec::new(),
                raw: paras.join("\n\n").into(),
                paragraphs: paras.into_iter().map(Into::into).collect(),
            }
        })
        .collect();
    // Every other record cites a paragraph of some source; spread them evenly.
    let cite_for = |i: usize| {
        vec![Citation::at(
            format!("src-{}", i % n_meetings),
            (i % paragraphs) as u32 + 1,
        )]
    };

    let organisations: Vec<Organisation> = (0..n_orgs)
        .map(|i| {
            let adj = rng.pick(ORG_ADJ);
            let noun = rng.pick(ORG_NOUN);
            let kind = rng.pick(ORG_TYPE);
            let country = rng.pick(COUNTRIES);
            let name = format!("{adj} {noun} {kind} of {country} {i}");
            let acronym: String = format!("{adj} {noun} {kind}")
                .split_whitespace()
                .filter_map(|w| w.chars().next())
                .collect::<String>()
                + &i.to_string();
            Organisation {
                id: format!("org-{i}").into(),
                name: name.into(),
                acronym: Some(acronym.into()),
                aliases: vec![format!("{country} {noun} {kind}").into()],
                side: if i % 3 == 0 {
                    Side::party("eu")
                } else {
                    Side::party("rok")
                },
                kind: OrgKind::Agency,
                parent: (i > 10 && i % 7 == 0).then(|| format!("org-{}", i / 7).into()),
                cite: cite_for(i),
                names: Vec::new(),
            }
        })
        .collect();

    let topics: Vec<Topic> = (0..n_topics)
        .map(|i| Topic {
            id: format!("topic-{i}").into(),
            label: format!("{} {} {i}", rng.pick(TOPIC_A), rng.pick(TOPIC_B)).into(),
            aliases: vec![format!("{} {}", rng.pick(TOPIC_B), rng.pick(TOPIC_A)).into()],
            parent: None,
            names: Vec::new(),
        })
        .collect();

    let people: Vec<Person> = (0..n_people)
        .map(|i| {
            let name = if i % 10 == 0 {
                format!("{}{i}", rng.pick(HANGUL_NAMES))
            } else {
                format!("{} {} {i}", rng.pick(GIVEN), rng.pick(FAMILY))
            };
            let meeting = i % n_meetings;
            Person {
                id: format!("person-{i}").into(),
                name: name.into(),
                honorific: None,
                aliases: Vec::new(),
                roles: vec![Role {
                    title: format!("Director for {}", rng.pick(ORG_NOUN)).into(),
                    organisation: Some(format!("org-{}", i % n_orgs).into()),
                    side: if i % 2 == 0 {
                        Side::party("eu")
                    } else {
                        Side::party("rok")
                    },
                    meeting: Some(format!("meeting-{meeting}").into()),
                    cite: vec![Citation::at(format!("src-{meeting}"), 1)],
                }],
                names: Vec::new(),
            }
        })
        .collect();

    let n_cities = (n / 100).max(1);
    let meetings: Vec<Meeting> = (0..n_meetings)
        .map(|i| {
            let cite = vec![Citation::at(format!("src-{i}"), 1)];
            let year = 2000 + (i % 26);
            let month = 1 + i % 12;
            let day = 1 + i % 28;
            let city_base = CITIES[i % CITIES.len()];
            let city = match (i % n_cities) / CITIES.len() {
                0 => city_base.to_string(),
                k => format!("{city_base} {k}"),
            };
            let series = format!("series-{}", i % 50);
            let head = |p: usize| Head {
                person: format!("person-{}", p % n_people.max(1)).into(),
                role: "head".into(),
                title: "Director".into(),
                organisation: Some(format!("org-{}", p % n_orgs).into()),
                cite: cite.clone(),
            };
            Meeting {
                id: format!("meeting-{i}").into(),
                series: series.as_str().into(),
                edition: Some(1 + (i / 50) as u32),
                title: format!("{} {} Dialogue {i}", rng.pick(COUNTRIES), rng.pick(TOPIC_A)).into(),
                short_title: format!("Dialogue {i}").into(),
                names: vec![SideName {
                    side: Side::party("eu"),
                    name: "Dialogue".into(),
                    cite: cite.clone(),
                }],
                date: DateFact {
                    value: format!("{year:04}-{month:02}-{day:02}").into(),
                    end: None,
                    precision: Precision::Day,
                    provenance: Provenance::Stated,
                    how: None,
                    cite: cite.clone(),
                    alternatives: Vec::new(),
                    rule: None,
                },
                place: Some(Place {
                    city: city.into(),
                    country: None,
                    venue: None,
                    provenance: Provenance::Stated,
                    how: None,
                    cite: cite.clone(),
                }),
                format: Some(FormatFact {
                    value: if i % 5 == 0 {
                        MeetingFormat::Virtual
                    } else {
                        MeetingFormat::InPerson
                    },
                    provenance: Provenance::Stated,
                    how: None,
                    cite: cite.clone(),
                }),
                co_located: Vec::new(),
                delegations: if n_people == 0 {
                    Vec::new()
                } else {
                    vec![
                        Delegation {
                            side: Side::party("eu"),
                            heads: vec![head(i)],
                            members: vec![OrgRef {
                                organisation: format!("org-{}", (i * 7) % n_orgs).into(),
                                note: None,
                                cite: cite.clone(),
                            }],
                            notes: Vec::new(),
                        },
                        Delegation {
                            side: Side::party("rok"),
                            heads: vec![head(i + n_meetings)],
                            members: Vec::new(),
                            notes: Vec::new(),
                        },
                    ]
                },
                observers: Vec::new(),
                topics: (0..3)
                    .map(|k| TopicRef {
                        topic: format!("topic-{}", (i * 3 + k) % n_topics).into(),
                        summary: None,
                        cite: vec![Citation::at(
                            format!("src-{i}"),
                            (k % paragraphs) as u32 + 1,
                        )],
                    })
                    .collect(),
                outcomes: Vec::new(),
                next_meeting: None,
                notes: Vec::new(),
                accounts: vec![Account {
                    source: format!("src-{i}").into(),
                    side: Some(Side::party("eu")),
                }],
                status: crate::corpus::MeetingStatus::Held,
                draft: false,
                amends: false,
            }
        })
        .collect();

    Corpus {
        format: FORMAT.into(),
        title: Some(format!("Synthetic corpus ({} candidates)", spec.candidates).into()),
        sources,
        meetings,
        events: Vec::new(),
        organisations,
        people,
        topics,
        parties: crate::corpus::builtin::parties(),
        ..Corpus::default()
    }
}

/// The corpus's finder candidates as plain lines, one per candidate — the label, then its other
/// keys (acronym, aliases) — so `fzf --filter` can be run over the same strings.
pub fn candidate_lines(corpus: &Corpus) -> Vec<String> {
    crate::search::fuzzy::candidates_from(corpus)
        .into_iter()
        .map(|c| c.keys.join(" | "))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::load::merge_and_validate;

    #[test]
    fn generated_corpora_are_valid_deterministic_and_sized() {
        let a = generate(Spec::with_candidates(1_000));
        let b = generate(Spec::with_candidates(1_000));
        assert_eq!(a, b, "same seed, same corpus");
        let candidates = a.people.len() + a.meetings.len() + a.organisations.len() + a.topics.len();
        assert!((950..=1_050).contains(&candidates), "{candidates}");
        assert!(
            a.people
                .iter()
                .any(|p| p.name.chars().any(|c| ('가'..='힣').contains(&c)))
        );
        merge_and_validate(vec![("synth.json".into(), a)]).expect("valid");
    }
}
