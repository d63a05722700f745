//! Finder candidates without a corpus, for the finder's benchmarks: shaped like the real ones
//! (organisation names with acronyms and aliases, people, some with Korean names, meetings,
//! topics, places; about three keys each, 10–60 characters).
//!
//! It keeps its own xorshift step, not the one of `generate`: the finder figures in BENCHMARKS.md
//! were measured on exactly this sequence.

use crate::search::fuzzy::{Candidate, Kind};

/// A small deterministic generator (xorshift), so every run benches the same list.
struct Rng(u64);

impl Rng {
    fn below(&mut self, n: usize) -> usize {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        (self.0 % n as u64) as usize
    }

    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len())]
    }
}

const ORG_HEADS: &[&str] = &[
    "Ministry of",
    "Agency for",
    "Directorate-General for",
    "National Office of",
    "Institute for",
    "Council for",
    "Centre for",
    "European Centre for",
    "Korea Internet and",
    "Permanent Mission for",
];
const ORG_SUBJECTS: &[&str] = &[
    "Foreign Affairs",
    "Cybersecurity",
    "Digital Policy",
    "Science and ICT",
    "Justice and Home Affairs",
    "Defence",
    "Information Security",
    "Counter-Terrorism",
    "Data Protection",
    "Communications Networks, Content and Technology",
    "Security Policy",
    "Cyber Crime Investigation",
];
const ORG_TAILS: &[&str] = &["", "", " of Korea", " of the EU", " (Seoul)", " (Brussels)"];
const FAMILY: &[&str] = &[
    "KIM",
    "LEE",
    "PARK",
    "CHOI",
    "JUNG",
    "Müller",
    "Dubois",
    "Rossi",
    "García",
    "Nowak",
    "Jansen",
    "Virtanen",
    "Šimić",
    "Østergaard",
];
const GIVEN: &[&str] = &[
    "Min-su", "Ji-woo", "Seo-yeon", "Hyun-woo", "Anna", "Élodie", "Marco", "Lucía", "Piotr",
    "Sanne", "Mikko", "Ivana", "Søren",
];
const SYLLABLES: &[&str] = &[
    "김", "이", "박", "최", "민", "수", "지", "우", "서", "연", "현", "외", "교", "부", "사", "이",
    "버", "안", "보", "과", "정", "책", "협", "의",
];
const SERIES: &[&str] = &[
    "EU–ROK Cyber Dialogue",
    "EU–ROK Digital Partnership Council",
    "ROK–EU Cyber Policy Consultation",
    "EU–ROK Security and Defence Dialogue",
    "ROK–EU Specialised Working Group on Counter-Terrorism",
];
const TOPICS: &[&str] = &[
    "cyber threat landscape",
    "ransomware",
    "UN Open-ended Working Group",
    "capacity building",
    "cybercrime convention",
    "critical infrastructure",
    "semiconductors",
    "quantum computing",
    "5G and 6G networks",
    "artificial intelligence",
    "data flows",
    "online platforms",
    "norms of responsible state behaviour",
];
const CITIES: &[&str] = &[
    "Seoul",
    "Brussels",
    "Busan",
    "Luxembourg",
    "Geneva",
    "New York",
    "Incheon",
    "Strasbourg",
];

fn korean(rng: &mut Rng, syllables: usize) -> String {
    (0..syllables).map(|_| rng.pick(SYLLABLES)).collect()
}

fn acronym(name: &str) -> String {
    name.split([' ', '-'])
        .filter(|w| w.chars().next().is_some_and(char::is_uppercase))
        .filter_map(|w| w.chars().next())
        .collect()
}

fn candidate(rng: &mut Rng, i: usize) -> Candidate {
    let (kind, label, keys, detail) = match rng.below(10) {
        0..=3 => {
            let label = format!(
                "{} {}{}",
                rng.pick(ORG_HEADS),
                rng.pick(ORG_SUBJECTS),
                rng.pick(ORG_TAILS)
            );
            let alias = if rng.below(4) == 0 {
                format!("{} {}", korean(rng, 3), korean(rng, 4))
            } else {
                format!(
                    "{} Directorate {}",
                    rng.pick(ORG_SUBJECTS),
                    rng.below(90) + 10
                )
            };
            let keys = vec![label.clone(), acronym(&label), alias];
            (Kind::Organisation, label, keys, "EU agency".to_owned())
        }
        4..=6 => {
            let label = format!("{} {}", rng.pick(FAMILY), rng.pick(GIVEN));
            let alias = if rng.below(3) == 0 {
                korean(rng, 3)
            } else {
                format!("{} {}", rng.pick(GIVEN), rng.pick(FAMILY))
            };
            let keys = vec![label.clone(), alias];
            (Kind::Person, label, keys, "Director-General".to_owned())
        }
        7..=8 => {
            let series = rng.pick(SERIES);
            let n = rng.below(12) + 1;
            let label = format!("{n}th {series}");
            let keys = vec![
                label.clone(),
                format!("{n}th {}", series.rsplit('–').next().unwrap_or(series)),
                format!("{} {n}", rng.pick(SERIES)),
            ];
            (Kind::Meeting, label, keys, format!("20{:02}-05-20", n + 12))
        }
        _ if rng.below(4) == 0 => {
            let label = rng.pick(CITIES).to_owned();
            (Kind::Place, label.clone(), vec![label], String::new())
        }
        _ => {
            let label = rng.pick(TOPICS).to_owned();
            let keys = vec![
                label.clone(),
                format!("{} {}", rng.pick(TOPICS), korean(rng, 2)),
            ];
            (Kind::Topic, label, keys, String::new())
        }
    };
    Candidate {
        kind,
        id: format!("c{i}"),
        label,
        keys,
        detail,
    }
}

/// `n` finder candidates, the same for every `n` prefix and every run.
pub fn finder_candidates(n: usize) -> Vec<Candidate> {
    let mut rng = Rng(0x2545_f491_4f6c_dd1d);
    (0..n).map(|i| candidate(&mut rng, i)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_same_n_gives_the_same_candidates_and_a_larger_n_extends_them() {
        let small = finder_candidates(200);
        let large = finder_candidates(400);
        assert_eq!(small.len(), 200);
        let key = |c: &Candidate| (c.kind, c.label.clone(), c.keys.clone());
        let prefix: Vec<_> = large[..200].iter().map(key).collect();
        assert_eq!(small.iter().map(key).collect::<Vec<_>>(), prefix);
        for kind in [
            Kind::Organisation,
            Kind::Person,
            Kind::Meeting,
            Kind::Topic,
            Kind::Place,
        ] {
            assert!(large.iter().any(|c| c.kind == kind), "{kind:?}");
        }
    }
}
