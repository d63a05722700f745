//! From a text and a corpus to the records `import` writes, with the list of detections.

use crate::corpus::{
    Account, Citation, Corpus, DateFact, Delegation, Facet, Head, Meeting, MeetingStatus, OrgRef,
    Person, Place, Provenance, Role, Side, Source, SourceKind, TopicRef,
};

use super::dates::{self, Day};
use super::input::{self, InputError};
use super::{heads, names, series};
use crate::corpus::names::side_label;

/// What the user gives on the command line.
#[derive(Debug, Clone, Default)]
pub struct Options {
    pub id: Option<String>,
    pub title: Option<String>,
    pub publisher: Option<String>,
    pub url: Option<String>,
    /// `YYYY-MM-DD`.
    pub published: Option<String>,
    pub kind: Option<SourceKind>,
    pub language: Option<String>,
}

/// One detected fact, with the paragraph it came from (0: the head or the options).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Detection {
    pub what: &'static str,
    pub value: String,
    pub paragraph: usize,
}

/// The records to write.
#[derive(Debug, Clone)]
pub struct Plan {
    pub source: Source,
    /// The new draft meeting, or the existing meeting with the new account added.
    pub meeting: Meeting,
    /// `Some(id)` when the text is another account of a meeting already in the corpus.
    pub attached_to: Option<String>,
    /// People named as heads who are not yet in the corpus.
    pub new_people: Vec<Person>,
    pub detections: Vec<Detection>,
}

/// Reads `bytes` and plans the records, refusing a source id in use or a text already
/// imported (naming the existing record).
pub fn plan(bytes: &[u8], options: &Options, corpus: &Corpus) -> Result<Plan, InputError> {
    let text = input::read(bytes)?;
    if let Some(same) = corpus
        .sources
        .iter()
        .find(|s| !s.paragraphs.is_empty() && s.paragraphs == text.paragraphs)
    {
        return Err(InputError(format!(
            "this text is already imported as source `{}` (same paragraphs); nothing written",
            same.id
        )));
    }
    let mut detections = Vec::new();
    let mut detect = |what, value: String, paragraph| {
        detections.push(Detection {
            what,
            value,
            paragraph,
        })
    };
    let published = match &options.published {
        Some(given) => Some(Day::parse_iso(given).ok_or_else(|| {
            InputError(format!(
                "--published {given}: expected a date as YYYY-MM-DD, e.g. 2025-11-13"
            ))
        })?),
        None => dates::first_full(&text.head.join("\n")),
    };
    if let Some(day) = published
        && options.published.is_none()
    {
        detect("publication date", day.iso(), 0);
    }
    let title = options
        .title
        .clone()
        .or(text.title.clone())
        .unwrap_or_else(|| first_words(&text.paragraphs[0]));
    if options.title.is_none() {
        detect("title", title.clone(), 0);
    }
    let found = series::detect(corpus, &text.paragraphs);
    let partner = found
        .as_ref()
        .map_or_else(|| series::partner(&text.paragraphs), |f| f.partner.clone());
    if let Some(f) = &found {
        detect("series", f.series.clone(), f.paragraph);
        if let Some(e) = f.edition {
            detect("edition", e.to_string(), f.paragraph);
        }
    }
    let (date, date_paragraph) = meeting_date(&text.paragraphs, published).ok_or_else(|| {
        InputError(
            "no date of the meeting found in the text (nor a publication date to resolve a \
             weekday or a day without a year); give --published YYYY-MM-DD"
                .into(),
        )
    })?;
    detect(
        "date",
        match &date.how {
            Some(how) => format!("{} — {how}", date.value),
            None => date.value.clone(),
        },
        date_paragraph,
    );
    let source_id = match &options.id {
        Some(id) => id.clone(),
        None => unused_id(corpus, &short_slug(&title)),
    };
    if let Some(existing) = corpus.records().find(|r| r.id == source_id) {
        return Err(InputError(format!(
            "the id `{source_id}` is already used by the {} `{}`; give another with --id",
            existing.kind.label(),
            existing.id
        )));
    }
    let side = match partner.as_str() {
        "rok"
            if text
                .paragraphs
                .join(" ")
                .contains("Republic of Korea–European Union")
                || text.paragraphs[0].starts_with("The ROK") =>
        {
            Side::party("rok")
        }
        _ => Side::party("eu"),
    };
    let cite = |p: usize| vec![Citation::at(&source_id, p as u32)];
    let source = Source {
        id: source_id.as_str().into(),
        label: None,
        title: title.as_str().into(),
        publisher: options.publisher.as_deref().map(Into::into),
        language: options
            .language
            .clone()
            .unwrap_or_else(|| "en".into())
            .into(),
        kind: options.kind.unwrap_or(SourceKind::PressRelease),
        published: published.map(|d| DateFact {
            value: d.iso().into(),
            end: None,
            precision: crate::corpus::Precision::Day,
            provenance: Provenance::Stated,
            how: Some(if options.published.is_some() {
                "Given with --published when the text was imported; the citation is the \
                 report that date is for."
                    .into()
            } else {
                "Stated on a date line at the top of the text, kept in the raw text but not \
                 a cleaned paragraph; the citation is the report that line dates."
                    .into()
            }),
            cite: vec![Citation::at(&source_id, 1)],
            alternatives: Vec::new(),
            rule: None,
        }),
        side: Some(side.clone()),
        notes: vec![
            "Imported with `entente import`; its meeting facts are drafts until \
                     confirmed."
                .into(),
        ],
        url: options.url.as_deref().map(Into::into),
        accessed: None,
        raw: text.raw.as_str().into(),
        paragraphs: text.paragraphs.iter().map(Into::into).collect(),
    };
    let date_fact = DateFact {
        value: date.value.as_str().into(),
        end: None,
        precision: date.precision,
        provenance: if date.how.is_some() {
            Provenance::Inferred
        } else {
            Provenance::Stated
        },
        how: date.how.as_deref().map(Into::into),
        cite: cite(date_paragraph),
        alternatives: Vec::new(),
        rule: None,
    };
    let series_id = found
        .as_ref()
        .map_or_else(|| format!("eu-{partner}-meeting"), |f| f.series.clone());
    let edition = found.as_ref().and_then(|f| f.edition);
    let existing = corpus.meetings.iter().find(|m| {
        m.series == series_id
            && ((edition.is_some() && m.edition == edition)
                || (m.date.precision == date.precision && m.date.value == date.value))
    });
    let account = Account {
        source: source_id.as_str().into(),
        side: Some(side),
    };
    if let Some(m) = existing {
        detect("meeting", format!("{} (already in the corpus)", m.id), 0);
        let mut meeting = m.clone();
        meeting.accounts.push(account);
        meeting.draft = true;
        return Ok(Plan {
            source,
            attached_to: Some(m.id.to_string()),
            meeting,
            new_people: Vec::new(),
            detections,
        });
    }
    let place = detect_place(corpus, &text.paragraphs, date_paragraph).map(|(city, country, p)| {
        detect("place", city.clone(), p);
        Place {
            city: city.into(),
            country: country.map(Into::into),
            venue: None,
            provenance: Provenance::Stated,
            how: None,
            cite: cite(p),
        }
    });
    let mut delegations: Vec<Delegation> = Vec::new();
    let mut new_people: Vec<Person> = Vec::new();
    let meeting_id = meeting_id(corpus, &series_id, edition, &date.value);
    for mut head in heads::find(&text.paragraphs) {
        if head.title.is_empty() {
            // The validator asks every head for a title: say plainly there is none.
            head.title = "(no title stated in this text)".to_string();
        }
        let known = names::people_in(corpus, &head.name).into_iter().next();
        let person = match known {
            Some((id, _)) => id,
            None => {
                let id = unused_id(corpus, &series::slug(&head.name));
                if !new_people.iter().any(|p| p.id == id) {
                    new_people.push(Person {
                        id: id.as_str().into(),
                        name: head.name.as_str().into(),
                        honorific: None,
                        aliases: Vec::new(),
                        names: Vec::new(),
                        roles: vec![Role {
                            title: head.title.as_str().into(),
                            organisation: None,
                            side: Side::Other,
                            meeting: Some(meeting_id.as_str().into()),
                            cite: cite(head.paragraph),
                        }],
                    });
                }
                id
            }
        };
        let head_side = head_side(corpus, &head, &partner);
        if let Some(p) = new_people.iter_mut().find(|p| p.id == person) {
            p.roles[0].side = head_side.clone();
        }
        detect(
            "head",
            format!(
                "{} — {} ({})",
                head.name,
                head.title,
                side_label(corpus, &head_side)
            ),
            head.paragraph,
        );
        delegation(&mut delegations, head_side).heads.push(Head {
            person: person.into(),
            role: head.role.as_str().into(),
            title: head.title.as_str().into(),
            organisation: None,
            cite: cite(head.paragraph),
        });
    }
    let mut topics = Vec::new();
    for f in names::find(corpus, &text.paragraphs) {
        detect(
            match f.facet {
                Facet::Organisation => "organisation",
                Facet::Person => "person",
                _ => "topic",
            },
            format!("{} (\"{}\")", f.id, f.written),
            f.paragraph,
        );
        match f.facet {
            Facet::Topic => topics.push(TopicRef {
                topic: f.id.into(),
                summary: None,
                cite: cite(f.paragraph),
            }),
            Facet::Organisation => {
                if let Some(org) = corpus.organisations.iter().find(|o| o.id == f.id)
                    && org.side.party_id().is_some()
                {
                    delegation(&mut delegations, org.side.clone())
                        .members
                        .push(OrgRef {
                            organisation: f.id.into(),
                            note: None,
                            cite: cite(f.paragraph),
                        });
                }
            }
            _ => {}
        }
    }
    let name = found.as_ref().map_or("Meeting", |f| f.name.as_str());
    // The partner's short label where the corpus declares it as a party ("ROK").
    let partner_label = corpus
        .parties
        .iter()
        .find(|p| p.id == partner)
        .map_or_else(|| capitalised(&partner), |p| p.short.to_string());
    let ordinal = edition
        .map(|e| format!("{} ", ordinal_figure(e)))
        .unwrap_or_default();
    let meeting = Meeting {
        id: meeting_id.as_str().into(),
        series: series_id.into(),
        edition,
        title: format!("{ordinal}EU–{partner_label} {name}").into(),
        short_title: format!("{ordinal}{name}").into(),
        names: Vec::new(),
        date: date_fact,
        place,
        format: None,
        co_located: Vec::new(),
        delegations,
        observers: Vec::new(),
        topics,
        outcomes: Vec::new(),
        next_meeting: None,
        notes: Vec::new(),
        accounts: vec![account],
        status: MeetingStatus::Held,
        draft: true,
        amends: false,
    };
    detect("meeting", format!("{meeting_id} (new, draft)"), 0);
    Ok(Plan {
        source,
        meeting,
        attached_to: None,
        new_people,
        detections,
    })
}

fn delegation(delegations: &mut Vec<Delegation>, side: Side) -> &mut Delegation {
    let at = match delegations.iter().position(|d| d.side == side) {
        Some(at) => at,
        None => {
            delegations.push(Delegation {
                side,
                heads: Vec::new(),
                members: Vec::new(),
                notes: Vec::new(),
            });
            delegations.len() - 1
        }
    };
    &mut delegations[at]
}

/// Whose head: the delegation the text names, else the side of an organisation in the title.
fn head_side(corpus: &Corpus, head: &heads::HeadMention, partner: &str) -> Side {
    let words = format!(
        "{} {}",
        head.delegation.as_deref().unwrap_or(""),
        head.title
    );
    if words.contains("EU ") || words.contains("European") || words.contains("EEAS") {
        return Side::party("eu");
    }
    let named = names::find(corpus, std::slice::from_ref(&head.title));
    if let Some(side) = named
        .iter()
        .filter(|f| f.facet == Facet::Organisation)
        .find_map(|f| corpus.organisations.iter().find(|o| o.id == f.id))
        .map(|o| o.side.clone())
    {
        return side;
    }
    // The partner's delegation, when the corpus declares the partner as a party.
    partner_party(corpus, partner).map_or(Side::Other, |p| Side::party(p.id.as_str()))
}

/// The party the corpus declares for the partner a text names: by id (`rok`) or by name (the
/// word `japan` and a party named "Japan"), so a user's corpus that declares a partner gets
/// its heads on the partner's side without a change here.
fn partner_party<'a>(corpus: &'a Corpus, partner: &str) -> Option<&'a crate::corpus::Party> {
    corpus
        .parties
        .iter()
        .find(|p| p.id == partner || p.name.eq_ignore_ascii_case(partner))
}

/// The date of the meeting: the first date mention in a paragraph that reports a meeting.
fn meeting_date(paragraphs: &[String], published: Option<Day>) -> Option<(dates::Resolved, usize)> {
    const VERBS: [&str; 7] = [
        "held",
        "hold",
        "convened",
        "met",
        "took place",
        "meeting",
        "dialogue",
    ];
    let reports = |p: &String| {
        let lower = p.to_lowercase();
        VERBS.iter().any(|v| lower.contains(v))
    };
    let ordered = paragraphs
        .iter()
        .enumerate()
        .filter(|(_, p)| reports(p))
        .chain(paragraphs.iter().enumerate());
    for (n, p) in ordered {
        for m in dates::mentions(p) {
            if let Some(resolved) = dates::resolve(&m, n + 1, published) {
                return Some((resolved, n + 1));
            }
        }
    }
    None
}

/// Cities the place detector knows: the corpus's, and a few capitals where dialogues meet.
fn detect_place(
    corpus: &Corpus,
    paragraphs: &[String],
    first: usize,
) -> Option<(String, Option<String>, usize)> {
    let mut cities: Vec<(String, Option<String>)> = corpus
        .meetings
        .iter()
        .filter_map(|m| m.place.as_ref())
        .map(|p| {
            (
                p.city.to_string(),
                p.country.as_ref().map(ToString::to_string),
            )
        })
        .collect();
    for (city, country) in [
        ("Brussels", "Belgium"),
        ("Seoul", "Republic of Korea"),
        ("Tokyo", "Japan"),
        ("New Delhi", "India"),
        ("Geneva", "Switzerland"),
        ("New York", "United States"),
        ("Vienna", "Austria"),
    ] {
        cities.push((city.to_string(), Some(country.to_string())));
    }
    let order = std::iter::once(first.saturating_sub(1)).chain(0..paragraphs.len());
    for n in order {
        let Some(p) = paragraphs.get(n) else {
            continue;
        };
        if let Some((city, country)) = cities.iter().find(|(c, _)| p.contains(&format!("in {c}"))) {
            return Some((city.clone(), country.clone(), n + 1));
        }
    }
    None
}

fn meeting_id(corpus: &Corpus, series: &str, edition: Option<u32>, date: &str) -> String {
    // Follow the series' own pattern: a sibling `eu-rok-cyber-7` of edition 7 gives the prefix.
    let prefix = corpus
        .meetings
        .iter()
        .filter(|m| m.series == series)
        .find_map(|m| {
            let e = m.edition?;
            m.id.strip_suffix(&format!("-{e}")).map(str::to_string)
        })
        .unwrap_or_else(|| series.to_string());
    let base = match edition {
        Some(e) => format!("{prefix}-{e}"),
        None => format!("{prefix}-{date}"),
    };
    unused_id(corpus, &base)
}

fn unused_id(corpus: &Corpus, base: &str) -> String {
    let base = if base.is_empty() { "imported" } else { base };
    let taken = |id: &str| corpus.records().any(|r| r.id == id);
    if !taken(base) {
        return base.to_string();
    }
    (2..)
        .map(|n| format!("{base}-{n}"))
        .find(|id| !taken(id))
        .unwrap_or_else(|| base.to_string())
}

fn first_words(p: &str) -> String {
    p.split_whitespace().take(12).collect::<Vec<_>>().join(" ")
}

fn capitalised(s: &str) -> String {
    let mut c = s.chars();
    c.next()
        .map(|f| f.to_uppercase().chain(c).collect())
        .unwrap_or_default()
}

fn ordinal_figure(n: u32) -> String {
    let suffix = match (n % 10, n % 100) {
        (_, 11..=13) => "th",
        (1, _) => "st",
        (2, _) => "nd",
        (3, _) => "rd",
        _ => "th",
    };
    format!("{n}{suffix}")
}

/// The slug of a title, cut at a word to at most 40 characters.
fn short_slug(title: &str) -> String {
    let mut out = String::new();
    for word in series::slug(title).split('-') {
        if !out.is_empty() && out.len() + 1 + word.len() > 40 {
            break;
        }
        if !out.is_empty() {
            out.push('-');
        }
        out.push_str(word);
    }
    out
}
