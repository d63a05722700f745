//! Building the finder's candidate list from a corpus.
//!
//! Every string is sanitised and put in NFC here (corpus text is untrusted and the list is
//! drawn as is; typed text is NFC too), empty keys and keys that fold alike are dropped, and
//! the order is topics, organisations, people, meetings, events (as meetings: both are
//! entries of the timeline), places, each in corpus order.
//!
//! Built on both cores: each kind's records are mapped in parallel and collected in corpus
//! order (rayon's indexed collect), and the places are gathered beside them, so the list is
//! the same on any number of threads. Printable ASCII, nearly all of a corpus, takes a fast
//! path that gives what the general one gives (`oracle` holds the builder as it was; the
//! tests compare them).

use std::borrow::Cow;

use rayon::prelude::*;
use rustc_hash::FxHashMap;
use unicode_normalization::UnicodeNormalization;

use super::{Candidate, Kind, fold_key_into};
use crate::corpus::names::side_label;
use crate::corpus::{
    Corpus, DateFact, Event, Meeting, MeetingFormat, Name, OrgKind, Organisation, Person, Source,
    Topic,
};
use crate::text::sanitize_line_cow;

#[cfg(test)]
mod oracle;

/// The corpus's records by id, for the candidates that mention other records.
struct Lookups<'a> {
    topic_labels: FxHashMap<&'a str, &'a str>,
    meeting_dates: FxHashMap<&'a str, &'a str>,
    sources: FxHashMap<&'a str, &'a Source>,
    series_names: FxHashMap<&'a str, &'a [Name]>,
}

impl<'a> Lookups<'a> {
    /// The tables, built two at a time (each is a pass of cache misses over the corpus).
    fn of(corpus: &'a Corpus) -> Lookups<'a> {
        let ((topic_labels, meeting_dates), (sources, series_names)) = rayon::join(
            || {
                let topic_labels = corpus
                    .topics
                    .iter()
                    .map(|t| (t.id.as_str(), t.label.as_str()))
                    .collect();
                let meeting_dates = corpus
                    .meetings
                    .iter()
                    .map(|m| (m.id.as_str(), m.date.value.as_str()))
                    .collect();
                (topic_labels, meeting_dates)
            },
            || {
                // Sources by id, for the meetings' cited format text (a search of the list
                // per citation was quadratic: minutes at 30,000 meetings).
                let mut sources: FxHashMap<&str, &Source> = FxHashMap::default();
                sources.reserve(corpus.sources.len());
                for source in &corpus.sources {
                    // The first of a repeated id, as a search of the list found it.
                    sources.entry(source.id.as_str()).or_insert(source);
                }
                // A series' names are keys of each of its meetings: no series is a
                // candidate of its own.
                let series_names = corpus
                    .series
                    .iter()
                    .map(|s| (s.id.as_str(), s.names.as_slice()))
                    .collect();
                (sources, series_names)
            },
        );
        Lookups {
            topic_labels,
            meeting_dates,
            sources,
            series_names,
        }
    }
}

/// The finder's candidates for a corpus: topics (label, aliases, names), organisations (name,
/// acronym, aliases, names), people (name, aliases, names), meetings (title, short title, each
/// side's name, the title with its year, and what the corpus says about why it was held as it
/// was), events (title, the title with its year) and places (the distinct cities of meetings
/// and events). Names in other languages (`names`) come after the English keys.
pub fn candidates_from(corpus: &Corpus) -> Vec<Candidate> {
    let (mut out, places) = rayon::join(
        || {
            let look = Lookups::of(corpus);
            let mut out = Vec::with_capacity(
                corpus.topics.len()
                    + corpus.organisations.len()
                    + corpus.people.len()
                    + corpus.meetings.len()
                    + corpus.events.len(),
            );
            out.par_extend(corpus.topics.par_iter().map(|t| topic(&look, t)));
            out.par_extend(
                corpus
                    .organisations
                    .par_iter()
                    .map(|o| organisation(corpus, o)),
            );
            out.par_extend(corpus.people.par_iter().map(|p| person(&look, p)));
            out.par_extend(corpus.meetings.par_iter().map(|m| meeting(&look, m)));
            out.par_extend(corpus.events.par_iter().map(event));
            out
        },
        || place_candidates(corpus),
    );
    out.extend(places);
    out
}

/// The candidates of [`candidates_from`], in order, in parts of at most `part`, each handed to
/// `each` (on both cores) and dropped after it: the whole list is never held at once. Returns
/// what `each` made of every part, in order.
pub fn candidate_parts<T: Send>(
    corpus: &Corpus,
    part: usize,
    each: impl Fn(Vec<Candidate>) -> T + Sync,
) -> Vec<T> {
    let part = part.max(1);
    let (mut out, places) = rayon::join(
        || {
            let look = Lookups::of(corpus);
            let mut out: Vec<T> = Vec::new();
            out.par_extend(
                corpus
                    .topics
                    .par_chunks(part)
                    .map(|c| each(c.iter().map(|t| topic(&look, t)).collect())),
            );
            out.par_extend(
                corpus
                    .organisations
                    .par_chunks(part)
                    .map(|c| each(c.iter().map(|o| organisation(corpus, o)).collect())),
            );
            out.par_extend(
                corpus
                    .people
                    .par_chunks(part)
                    .map(|c| each(c.iter().map(|p| person(&look, p)).collect())),
            );
            out.par_extend(
                corpus
                    .meetings
                    .par_chunks(part)
                    .map(|c| each(c.iter().map(|m| meeting(&look, m)).collect())),
            );
            out.par_extend(
                corpus
                    .events
                    .par_chunks(part)
                    .map(|c| each(c.iter().map(event).collect())),
            );
            out
        },
        // Few: one part (a place is a distinct city).
        || place_candidates(corpus),
    );
    if !places.is_empty() {
        out.push(each(places));
    }
    out
}

fn topic(look: &Lookups<'_>, t: &Topic) -> Candidate {
    let parent = t.parent.as_deref().and_then(|p| look.topic_labels.get(p));
    candidate(
        Kind::Topic,
        &t.id,
        &t.label,
        t.aliases
            .iter()
            .map(crate::corpus::Text::as_str)
            .chain(name_texts(&t.names)),
        parent.map(|p| format!("in {p}")).unwrap_or_default(),
    )
}

fn organisation(corpus: &Corpus, o: &Organisation) -> Candidate {
    candidate(
        Kind::Organisation,
        &o.id,
        &o.name,
        o.acronym
            .iter()
            .chain(&o.aliases)
            .map(crate::corpus::Text::as_str)
            .chain(name_texts(&o.names)),
        match o.kind {
            // "other" says nothing.
            OrgKind::Other => side_label(corpus, &o.side).to_owned(),
            kind => format!("{} {}", side_label(corpus, &o.side), kind.label()),
        },
    )
}

fn person(look: &Lookups<'_>, p: &Person) -> Candidate {
    // The latest role is the one at the latest meeting; undated roles count as oldest, and
    // among equals the one listed last wins.
    let latest = p
        .roles
        .iter()
        .enumerate()
        .max_by_key(|(i, r)| {
            let date = r.meeting.as_deref().and_then(|m| look.meeting_dates.get(m));
            (date.copied(), *i)
        })
        .map(|(_, r)| r.title.clone())
        .unwrap_or_default();
    candidate(
        Kind::Person,
        &p.id,
        &p.name,
        p.aliases
            .iter()
            .map(crate::corpus::Text::as_str)
            .chain(name_texts(&p.names)),
        latest.to_string(),
    )
}

fn meeting(look: &Lookups<'_>, m: &Meeting) -> Candidate {
    let in_series = look
        .series_names
        .get(m.series.as_str())
        .copied()
        .unwrap_or_default();
    // The title with its year as one key, so "2019" or "cyber 2019" finds the meeting (all
    // words of a query must match one key).
    let year = m.date.value.get(..4).unwrap_or_default();
    let dated = format!("{} {year}", m.title);
    let why = format_clauses(&look.sources, m);
    let others = std::iter::once(m.short_title.as_str())
        .chain(m.names.iter().map(|n| n.name.as_str()))
        .chain(std::iter::once(dated.as_str()))
        .chain(why.iter().map(String::as_str))
        .chain(name_texts(in_series));
    candidate(Kind::Meeting, &m.id, &m.title, others, date_label(&m.date))
}

fn event(e: &Event) -> Candidate {
    let year = e
        .date
        .as_ref()
        .and_then(|d| d.value.get(..4))
        .map(|y| format!("{} {y}", e.title));
    let detail = match &e.date {
        Some(d) => format!("{} · {}", e.kind.label(), date_label(d)),
        None => e.kind.label().to_owned(),
    };
    candidate(
        Kind::Meeting,
        &e.id,
        &e.title,
        year.iter().map(String::as_str),
        detail,
    )
}

/// The places' candidates, in order of first mention.
fn place_candidates(corpus: &Corpus) -> Vec<Candidate> {
    // Names by place key, looked up once per place (not the whole table per place).
    let mut place_names: FxHashMap<&str, Vec<&Name>> = FxHashMap::default();
    for p in &corpus.place_names {
        place_names
            .entry(p.key.as_str())
            .or_default()
            .extend(&p.names);
    }
    places(corpus)
        .into_iter()
        .map(|place| {
            let names = place_names
                .get(place.key.as_str())
                .into_iter()
                .flatten()
                .map(|n| n.text.as_str());
            candidate(
                Kind::Place,
                &place.key,
                place.city,
                names,
                place.country.unwrap_or_default().to_owned(),
            )
        })
        .collect()
}

/// One place: its key, its city as first written, the first country given for it.
struct PlaceRow<'a> {
    key: String,
    city: &'a str,
    country: Option<&'a str>,
}

/// Distinct places (by [`Place::key`](crate::corpus::Place::key)), in order of first mention.
fn places(corpus: &Corpus) -> Vec<PlaceRow<'_>> {
    let mut out: Vec<PlaceRow> = Vec::new();
    // Key → its row in `out`: a corpus mentions few places many times (every meeting has one),
    // and searching `out` for each mention was quadratic (seconds at 30,000 meetings).
    let mut rows: FxHashMap<String, usize> = FxHashMap::default();
    for place in corpus.places() {
        let key = place.key();
        if key.is_empty() {
            continue;
        }
        match rows.get(&key) {
            Some(&row) => {
                let known = &mut out[row];
                known.country = known.country.or(place.country.as_deref());
            }
            None => {
                rows.insert(key.clone(), out.len());
                out.push(PlaceRow {
                    key,
                    city: place.city.as_str(),
                    country: place.country.as_deref(),
                });
            }
        }
    }
    out
}

/// The texts of names in other languages.
fn name_texts(names: &[Name]) -> impl Iterator<Item = &str> {
    names.iter().map(|n| n.text.as_str())
}

/// At most this many text-derived keys per meeting, each at most this many characters.
const CLAUSES_MAX: usize = 4;
const CLAUSE_CHARS: usize = 200;

/// What the corpus says about how a meeting was held, as keys: the clauses of its format fact's
/// cited paragraphs, and of its notes, that name its format ("held virtually during the
/// COVID-19 pandemic in 2020"), so "covid" finds the meeting that was virtual because of it.
/// Only the corpus's own text: nothing is added where it says nothing.
fn format_clauses(sources: &FxHashMap<&str, &Source>, m: &Meeting) -> Vec<String> {
    let Some(format) = &m.format else {
        return Vec::new();
    };
    let words: &[&str] = match format.value {
        MeetingFormat::Virtual => &["virtual", "online", "video"],
        MeetingFormat::InPerson => &["in-person", "in person", "face-to-face"],
    };
    let cited = format.cite.iter().filter_map(|c| {
        let source = sources.get(c.source.as_str())?;
        let n = usize::try_from(c.paragraph?).ok()?;
        source
            .paragraphs
            .get(n.checked_sub(1)?)
            .map(crate::corpus::Text::as_str)
    });
    let texts = cited.chain(m.notes.iter().map(|n| n.text.as_str()));
    let mut out: Vec<String> = Vec::new();
    let mut lower = String::new();
    for text in texts {
        for clause in text.split(['.', ',', ';', ':', '(', ')']) {
            if out.len() >= CLAUSES_MAX {
                return out;
            }
            let clause = clause.trim();
            if clause.is_ascii() {
                lower.clear();
                lower.push_str(clause);
                lower.make_ascii_lowercase();
            } else if lowers_to_ascii_letters(clause) {
                lower = clause.to_lowercase();
            } else {
                // Every word has ASCII letters, and its lower case none.
                continue;
            }
            if words.iter().any(|w| lower.contains(w))
                && clause.chars().count() <= CLAUSE_CHARS
                && !out.iter().any(|o| o == clause)
                && out.len() < CLAUSES_MAX
            {
                out.push(clause.to_owned());
            }
        }
    }
    out
}

/// Whether the lower case of `text` may hold an ASCII letter: only ASCII letters, the
/// capital I with a dot (İ → i̇) and the Kelvin sign (K → k) lower to one (a test checks
/// every character).
fn lowers_to_ascii_letters(text: &str) -> bool {
    text.bytes().any(|b| b.is_ascii_alphabetic()) || text.contains(['\u{130}', '\u{212a}'])
}

fn candidate<'a>(
    kind: Kind,
    id: &str,
    label: &str,
    other_keys: impl Iterator<Item = &'a str>,
    detail: String,
) -> Candidate {
    let label = clean(label.trim());
    let mut keys: Vec<String> = Vec::new();
    // A key that folds like an earlier one can never match differently: it would only cost.
    // Only the matched part is compared: beyond it keys cannot match differently either.
    let mut folded = Folded::default();
    if folded.is_new(&label) {
        keys.push(label.clone());
    }
    for key in other_keys {
        let key = clean(key.trim());
        if folded.is_new(&key) {
            keys.push(key);
        }
    }
    Candidate {
        kind,
        id: id.to_owned(),
        label,
        keys,
        detail: clean_owned(detail),
    }
}

/// The folded forms of a candidate's keys so far, end to end in one buffer.
#[derive(Default)]
struct Folded {
    text: String,
    ends: Vec<usize>,
}

impl Folded {
    /// Whether `key` is not empty and folds unlike every key kept so far; if so it is kept.
    fn is_new(&mut self, key: &str) -> bool {
        let start = self.text.len();
        fold_key_into(key, &mut self.text);
        let mut from = 0;
        let new = !key.is_empty()
            && self.ends.iter().all(|&end| {
                let same = self.text[from..end] == self.text[start..];
                from = end;
                !same
            });
        if new {
            self.ends.push(self.text.len());
        } else {
            self.text.truncate(start);
        }
        new
    }
}

/// Printable ASCII throughout: what sanitising and NFC leave as it is.
fn printable_ascii(text: &str) -> bool {
    // No early exit: the loop vectorises, and nearly every string is printable throughout.
    text.bytes()
        .fold(true, |ok, b| ok & (b.wrapping_sub(b' ') <= b'~' - b' '))
}

/// `text` made safe to show and put in NFC. Sanitised text that needed no change is
/// already NFC (`sanitize_line_cow` checks it), so only changed text is normalised again.
fn clean(text: &str) -> String {
    if printable_ascii(text) {
        return text.to_owned();
    }
    match sanitize_line_cow(text) {
        Cow::Borrowed(same) => same.to_owned(),
        Cow::Owned(changed) => changed.nfc().collect(),
    }
}

/// [`clean`], keeping the string when it needs no change.
fn clean_owned(text: String) -> String {
    if printable_ascii(&text) {
        return text;
    }
    match sanitize_line_cow(&text) {
        Cow::Borrowed(_) => text,
        Cow::Owned(changed) => changed.nfc().collect(),
    }
}

fn date_label(date: &DateFact) -> String {
    match &date.end {
        Some(end) => format!("{}–{}", date.value, end),
        None => date.value.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::Statement;
    use crate::synth::{Spec, Style, generate, stress};

    /// Text that takes every path of `clean` and of the folding: escapes and controls, a
    /// control between a letter and its accent (NFC again after sanitising), decomposed
    /// accents, tabs, case that folds to several letters, Hangul, and keys longer than the
    /// matched part in one and in several bytes per character.
    const AWKWARD: [&str; 12] = [
        "  Caf\u{65}\u{301} Dialogue\t2019 ",
        "e\u{7}\u{301}xposé",
        "\u{1b}[2Jcyber\u{1b}]52;c;aGk=\u{7} norms",
        "STRASSE Straße",
        "İstanbul ISTANBUL",
        "국가정보원",
        "ㄱㅈㅇ 국정원",
        "\u{202e}rtl\r\nbreak",
        "",
        "   ",
        "Ω Ωmega ΣΊΣΥΦΟΣ",
        "ok",
    ];

    fn awkward(i: usize) -> String {
        match i % 16 {
            12 => "x".repeat(1500),
            13 => "é".repeat(1100),
            14 => format!("{}가", "나".repeat(1030)),
            15 => "\t".repeat(3),
            k => AWKWARD[k].to_owned(),
        }
    }

    /// A generated corpus whose names are rewritten with [`AWKWARD`] text, aliases that fold
    /// alike included.
    fn awkward_corpus() -> Corpus {
        let mut corpus = generate(Spec::with_candidates(3_000));
        for (i, t) in corpus.topics.iter_mut().enumerate() {
            t.label = awkward(i).into();
            t.aliases = vec![
                awkward(i + 1).into(),
                awkward(i).to_uppercase().into(),
                awkward(i + 7).into(),
            ];
        }
        for (i, o) in corpus.organisations.iter_mut().enumerate() {
            o.name = awkward(i + 3).into();
            o.acronym = Some(awkward(i + 5).into());
        }
        for (i, p) in corpus.people.iter_mut().enumerate() {
            p.name = awkward(i + 2).into();
            p.aliases = vec![awkward(i + 4).into(), awkward(i + 2).into()];
        }
        for (i, m) in corpus.meetings.iter_mut().enumerate() {
            m.title = awkward(i + 1).into();
            m.short_title = awkward(i + 6).into();
            if let Some(place) = &mut m.place {
                place.city = awkward(i).into();
            }
            // Format clauses: upper case, a Kelvin sign, a dotted I, Hangul, repeats, more
            // than enough of them, and one too long.
            m.notes = [
                "Held VIRTUALLY (vIdeo link), online; 화상 회의. VIRTUALLY",
                "held on\u{212a}ine: in-person later, İn person? face-to-face",
                "virtual one; virtual two; virtual three; virtual four; virtual five",
            ]
            .iter()
            .skip(i % 3)
            .map(|text| Statement {
                text: (*text).into(),
                cite: vec![],
            })
            .chain((i % 5 == 0).then(|| Statement {
                text: format!("virtual {}", "x".repeat(300)).into(),
                cite: vec![],
            }))
            .collect();
        }
        corpus
    }

    #[test]
    fn the_same_candidates_as_the_builder_before_its_fast_paths() {
        let corpora = [
            generate(Spec::with_candidates(5_000)),
            generate(Spec {
                candidates: 2_000,
                paragraphs: 7,
                seed: 11,
            }),
            stress(300, Style::Hostile).corpus,
            stress(300, Style::Plain).corpus,
            awkward_corpus(),
            crate::corpus::builtin::load()
                .expect("the built-in corpus loads")
                .corpus,
            Corpus::default(),
        ];
        for (n, corpus) in corpora.iter().enumerate() {
            let now = candidates_from(corpus);
            let before = oracle::old_candidates_from(corpus);
            assert!(n == 6 || !now.is_empty(), "corpus {n} has candidates");
            assert_eq!(now.len(), before.len(), "corpus {n}");
            for (i, (a, b)) in now.iter().zip(&before).enumerate() {
                assert_eq!(a, b, "corpus {n}, candidate {i}");
            }
        }
    }

    #[test]
    fn clean_and_fold_agree_with_the_general_paths() {
        for i in 0..16 {
            let text = awkward(i);
            let general: String = crate::text::sanitize_line(text.trim()).nfc().collect();
            assert_eq!(clean(text.trim()), general, "{text:?}");
            assert_eq!(
                clean_owned(text.clone()),
                crate::text::sanitize_line(&text).nfc().collect::<String>(),
                "{text:?}"
            );
            let mut folded = String::new();
            let identity = fold_key_into(&text, &mut folded);
            let part = super::super::matched_part(&text);
            assert_eq!(folded, crate::search::fold::fold(part), "{text:?}");
            let mut general = String::new();
            let general_identity = crate::search::fold::fold_into(part, &mut general);
            assert_eq!(identity, general_identity, "{text:?}");
        }
        assert!(lowers_to_ascii_letters("Kelvin \u{212a}"));
        assert!(!lowers_to_ascii_letters("양측은 사이버 위협"));
        // The control between the letter and its accent goes, and they compose.
        assert_eq!(clean("e\u{7}\u{301}"), "é");
    }

    #[test]
    fn only_ascii_letters_the_dotted_i_and_the_kelvin_sign_lower_to_ascii_letters() {
        let odd: Vec<char> = (char::MIN..=char::MAX)
            .filter(|c| !c.is_ascii_alphabetic())
            .filter(|c| c.to_lowercase().any(|l| l.is_ascii_alphabetic()))
            .collect();
        assert_eq!(odd, ['\u{130}', '\u{212a}']);
        for c in odd {
            assert!(lowers_to_ascii_letters(&format!("가{c}")), "{c}");
        }
    }
}
