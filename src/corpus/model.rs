//! The corpus data model: the serde types of the JSON format, exactly as stored.
//!
//! Every fact carries citations (`cite`): a list of `{source, paragraph}` pairs that point at a
//! cleaned, 1-based paragraph of a [`Source`]. The types here are plain data: they know nothing
//! of loading, validation or display. Field names are the JSON field names (snake_case).
//! Unknown fields are rejected so that a typo in a user's corpus is reported, not ignored.

use serde::{Deserialize, Serialize};

/// The model's one string type: inline up to 24 bytes (most ids, sides, dates, cities and short
/// titles), on the heap beyond, so a big corpus's millions of short strings cost no heap block
/// each. Reads and writes JSON as a `String` does.
pub type Text = compact_str::CompactString;

/// The format tag every corpus file carries, so a future format can be told apart.
pub const FORMAT: &str = "entente-corpus/1";

/// One corpus file, or the merge of several. Every list may be absent (empty), so a corpus can
/// be split across files in a directory.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Corpus {
    /// Must be [`FORMAT`].
    pub format: Text,
    /// A human name for the corpus, shown in the header.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<Text>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sources: Vec<Source>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub meetings: Vec<Meeting>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub events: Vec<Event>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub organisations: Vec<Organisation>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub people: Vec<Person>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub topics: Vec<Topic>,
    /// Names of meeting series, a side table keyed by the series slug of meetings and events
    /// (not records: series ids are not in the shared id space).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub series: Vec<Series>,
    /// Names of places, a side table keyed by [`place_key`](super::kind::place_key).
    #[serde(default, rename = "places", skip_serializing_if = "Vec::is_empty")]
    pub place_names: Vec<PlaceNames>,
    /// The parties sides name (a side table, not records: party ids are not in the shared id
    /// space).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub parties: Vec<Party>,
    /// The built-in meetings a user's corpus amends, set by the layered load
    /// ([`crate::corpus::layers::load_layered`]); never read from or written to JSON.
    #[serde(skip)]
    pub amendments: Vec<Amendment>,
}

/// A built-in meeting replaced by a user's record that says `"amends": true`: where that
/// record is, and what it adds, so every surface can say so.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Amendment {
    /// The meeting id.
    pub meeting: String,
    /// The user's file that holds the amending record, relative to the user's corpus
    /// directory (`meeting-eu-rok-cyber-7.json`).
    pub file: String,
    /// The sources of the accounts the amendment adds (accounts the built-in meeting lacks).
    pub added_accounts: Vec<String>,
}

impl Corpus {
    /// The amendment of meeting `id`, if a user's corpus amends it.
    pub fn amendment(&self, id: &str) -> Option<&Amendment> {
        self.amendments.iter().find(|a| a.meeting == id)
    }
}

/// A series of meetings by its slug (as in `Meeting::series`), with its names in other languages.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Series {
    /// The series slug, e.g. `eu-rok-cyber-dialogue`.
    pub id: Text,
    /// Its English name, e.g. "EU–ROK Cyber Dialogue".
    pub name: Text,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub names: Vec<Name>,
}

/// The names of one place in other languages, by its key (`place_key` of its city).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PlaceNames {
    /// The place key, e.g. `seoul`.
    pub key: Text,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub names: Vec<Name>,
}

/// A reference to one cleaned paragraph of a source (1-based), or to a reference source as a
/// whole (no paragraph: its text is not in the corpus).
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Citation {
    pub source: Text,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub paragraph: Option<u32>,
}

impl Citation {
    /// Paragraph `paragraph` (1-based) of `source`.
    pub fn at(source: impl Into<Text>, paragraph: u32) -> Citation {
        Citation {
            source: source.into(),
            paragraph: Some(paragraph),
        }
    }

    /// A reference source as a whole.
    pub fn whole(source: impl Into<Text>) -> Citation {
        Citation {
            source: source.into(),
            paragraph: None,
        }
    }
}

/// Whose a delegation, organisation, role, name or account is: a party the corpus declares
/// (its `parties` table), or one of two kinds that are not parties.
///
/// In JSON a side is one string: `"multilateral"`, `"other"`, or a party id (`"eu"`, `"rok"`,
/// `"jp"`). Which party ids exist is data, not code: the validator checks each against the
/// declared parties, and labels come from the party's record
/// ([`crate::corpus::names::side_label`]).
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(from = "Text", into = "Text")]
pub enum Side {
    /// A party the corpus declares, by its id (e.g. `eu`, `rok`).
    Party(Text),
    /// A multilateral body (UN, NATO, OSCE, ARF, …).
    Multilateral,
    /// Anything else (a project, a research institute of no stated side, …).
    Other,
}

impl Side {
    /// The side of the party with id `id`.
    pub fn party(id: impl Into<Text>) -> Side {
        Side::Party(id.into())
    }

    /// The side as written in JSON: the party id, or `multilateral` / `other`.
    pub fn as_str(&self) -> &str {
        match self {
            Side::Party(id) => id,
            Side::Multilateral => "multilateral",
            Side::Other => "other",
        }
    }

    /// The party id, when the side is a party.
    pub fn party_id(&self) -> Option<&str> {
        match self {
            Side::Party(id) => Some(id),
            Side::Multilateral | Side::Other => None,
        }
    }
}

impl From<Text> for Side {
    fn from(s: Text) -> Side {
        match s.as_str() {
            "multilateral" => Side::Multilateral,
            "other" => Side::Other,
            _ => Side::Party(s),
        }
    }
}

impl From<Side> for Text {
    fn from(side: Side) -> Text {
        match side {
            Side::Party(id) => id,
            other => Text::from(other.as_str()),
        }
    }
}

/// A party to the dialogues a corpus records: the EU, the Republic of Korea, another partner.
/// Declared in the corpus's `parties` table (a side table, like `series`), so a user's corpus
/// can add a partner without a code change.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Party {
    /// The id sides use, a slug: `eu`, `rok`.
    pub id: Text,
    /// The full English name: "Republic of Korea".
    pub name: Text,
    /// The short label every surface prints for the side: "ROK".
    pub short: Text,
    /// Names in other languages ("대한민국"); the Korean interface labels the side with its
    /// Korean name.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub names: Vec<Name>,
}

/// What kind of document a source is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum SourceKind {
    /// An official press release of a party (EEAS, a ministry, …).
    PressRelease,
    /// A statement issued jointly by the parties.
    JointStatement,
    /// A news item or summary by a third party.
    NewsItem,
    /// A notice published before a meeting: it says what is planned, not what happened.
    AdvanceNotice,
    /// Any other web page (an institution's page, a programme, a speech).
    WebPage,
}

impl SourceKind {
    /// What a reader sees ("press release").
    pub fn label(self) -> &'static str {
        match self {
            SourceKind::PressRelease => "press release",
            SourceKind::JointStatement => "joint statement",
            SourceKind::NewsItem => "news item",
            SourceKind::AdvanceNotice => "advance notice",
            SourceKind::WebPage => "web page",
        }
    }
}

/// One source document: the raw text as received and the cleaned, numbered paragraphs.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Source {
    /// Short, stable slug, e.g. `eeas-2025-05-7th-cyber-dialogue`.
    pub id: Text,
    /// The short label citations use on every surface, e.g. "EU 2025" in `[EU 2025 ¶4]`;
    /// unique within a corpus. Without one, citations use the id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub label: Option<Text>,
    /// The document's own headline.
    pub title: Text,
    /// Who published it, only where the text itself shows it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub publisher: Option<Text>,
    /// BCP 47 language tag of the text, e.g. `en`.
    pub language: Text,
    pub kind: SourceKind,
    /// Publication date, only where the text states it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub published: Option<DateFact>,
    /// Which party the account speaks for, where the text makes it plain.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub side: Option<Side>,
    /// Remarks on the document itself, e.g. "unofficial translation".
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub notes: Vec<Text>,
    /// Where the document is published, e.g. `https://www.eeas.europa.eu/…`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<Text>,
    /// When `url` was last read (`YYYY-MM-DD`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub accessed: Option<Text>,
    /// The text exactly as received (menus, counters and contacts included); empty for a
    /// reference source. A load that drops received text (the browser's) holds only a mark
    /// here (`load::DROPPED_RECEIVED_TEXT`) when it was not empty.
    #[serde(
        default,
        skip_serializing_if = "Text::is_empty",
        deserialize_with = "crate::corpus::load::received::raw"
    )]
    pub raw: Text,
    /// The cleaned text, one entry per paragraph; citations use 1-based indices into this list.
    /// Empty for a reference source, whose text is not in the corpus: facts cite it as a whole.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub paragraphs: Vec<Text>,
}

impl Source {
    /// Whether the source is a reference: known by its URL, publisher and date, its text not
    /// in the corpus, so facts cite it as a whole.
    pub fn is_reference(&self) -> bool {
        self.paragraphs.is_empty()
    }
}

/// How precisely a date is known.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Precision {
    Day,
    Month,
    Year,
}

/// The English name of month 1–12, or `None` outside that range. The one table of month names
/// that validation messages, the CLI and the browser share.
pub fn month_name(month: usize) -> Option<&'static str> {
    const NAMES: [&str; 12] = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ];
    NAMES.get(month.wrapping_sub(1)).copied()
}

/// Whether a fact is stated in a source or inferred from one or more.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Provenance {
    Stated,
    Inferred,
}

/// A date, how precise it is, and where it comes from.
///
/// `value` is `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, matching `precision`. An `inferred` date must
/// say `how` (e.g. "the source gives 24 November without a year; 2020 from …").
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DateFact {
    pub value: Text,
    /// Last day of a range (e.g. a session of 7–11 July), same format as `value`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub end: Option<Text>,
    pub precision: Precision,
    pub provenance: Provenance,
    /// How an inferred date (or its year) is known. Required when `provenance` is `inferred`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub how: Option<Text>,
    pub cite: Vec<Citation>,
    /// Other dates that sources give for the same thing, when they disagree; the value above
    /// is the one preferred by `rule`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub alternatives: Vec<AlternativeDate>,
    /// Why the value above is preferred over the alternatives. Required with alternatives.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rule: Option<PreferenceRule>,
}

/// A date another source gives, where sources disagree.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AlternativeDate {
    pub value: Text,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub end: Option<Text>,
    pub precision: Precision,
    pub cite: Vec<Citation>,
}

/// The rule that chose one value among sources that disagree.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum PreferenceRule {
    /// An official text (a government, an EU institution) over a news item.
    OfficialOverNews,
    /// A later correction over an earlier statement.
    LaterCorrection,
}

impl PreferenceRule {
    /// What a reader sees ("official text over news").
    pub fn label(self) -> &'static str {
        match self {
            PreferenceRule::OfficialOverNews => "official text over news",
            PreferenceRule::LaterCorrection => "later correction over earlier statement",
        }
    }
}

/// A name in another language, or a conventional short name, with where it is used.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Name {
    /// The name as written, e.g. "국가정보원" or "NIS".
    pub text: Text,
    /// BCP 47 language tag, e.g. `ko`.
    pub lang: Text,
    /// Where a source uses it. Empty only for a conventional name.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub cite: Vec<Citation>,
    /// A name in common use that no source of the corpus states; shown as conventional,
    /// never as sourced.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub conventional: bool,
}

/// Where a meeting took place.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Place {
    /// City (or "virtual" style description where no city applies).
    pub city: Text,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub country: Option<Text>,
    /// Building or host institution, where stated.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub venue: Option<Text>,
    pub provenance: Provenance,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub how: Option<Text>,
    pub cite: Vec<Citation>,
}

impl Place {
    /// The place's canonical id ([`place_key`](super::kind::place_key) of its city).
    pub fn key(&self) -> String {
        super::kind::place_key(&self.city)
    }
}

/// In person or virtual.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum MeetingFormat {
    InPerson,
    Virtual,
}

impl MeetingFormat {
    pub fn label(self) -> &'static str {
        match self {
            MeetingFormat::InPerson => "in person",
            MeetingFormat::Virtual => "virtual",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FormatFact {
    pub value: MeetingFormat,
    pub provenance: Provenance,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub how: Option<Text>,
    pub cite: Vec<Citation>,
}

/// The name one side uses for a meeting ("Cyber Dialogue" / "Cyber Policy Consultation").
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SideName {
    pub side: Side,
    pub name: Text,
    pub cite: Vec<Citation>,
}

/// A head of delegation or chair: who, with the title and organisation the source gives.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Head {
    /// A person id.
    pub person: Text,
    /// "head", "chair", "co-chair", as the source puts it.
    pub role: Text,
    /// Title as written in the source.
    pub title: Text,
    /// An organisation id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub organisation: Option<Text>,
    pub cite: Vec<Citation>,
}

/// An organisation taking part, by id, with the source's wording where it adds something.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OrgRef {
    pub organisation: Text,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<Text>,
    pub cite: Vec<Citation>,
}

/// One side's delegation.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Delegation {
    pub side: Side,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub heads: Vec<Head>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub members: Vec<OrgRef>,
    /// Free-text remarks with citations, e.g. "officials of counter-terrorism agencies".
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub notes: Vec<Statement>,
}

/// A cited sentence: an outcome, a remark, a description.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Statement {
    pub text: Text,
    pub cite: Vec<Citation>,
}

/// A topic discussed at a meeting, with what was said of it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TopicRef {
    /// A topic id.
    pub topic: Text,
    /// What the meeting said of it, in a sentence.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub summary: Option<Text>,
    pub cite: Vec<Citation>,
}

/// A reference from a meeting to an event (co-located meeting, next meeting, …).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EventRef {
    /// An event id.
    pub event: Text,
    pub text: Text,
    pub cite: Vec<Citation>,
}

/// A source that reports a meeting, and the side whose account it is.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Account {
    /// A source id.
    pub source: Text,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub side: Option<Side>,
}

/// A meeting reported in the sources.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Meeting {
    pub id: Text,
    /// Series slug, e.g. `eu-rok-cyber-dialogue`.
    pub series: Text,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub edition: Option<u32>,
    /// Display title, e.g. "7th EU–ROK Cyber Dialogue".
    pub title: Text,
    /// A short title for the timeline row, e.g. "7th Cyber Dialogue".
    pub short_title: Text,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub names: Vec<SideName>,
    pub date: DateFact,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub place: Option<Place>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub format: Option<FormatFact>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub co_located: Vec<EventRef>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub delegations: Vec<Delegation>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub observers: Vec<OrgRef>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub topics: Vec<TopicRef>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub outcomes: Vec<Statement>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub next_meeting: Option<EventRef>,
    /// Remarks, including where accounts disagree.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub notes: Vec<Statement>,
    pub accounts: Vec<Account>,
    /// Held (reported after the fact), or only announced in advance.
    #[serde(default, skip_serializing_if = "MeetingStatus::is_held")]
    pub status: MeetingStatus,
    /// Written by `entente import` and not yet confirmed by a person: every fact of the record
    /// (and an account it adds) is a detection to check. `entente confirm ID` removes the mark.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub draft: bool,
    /// In a user's corpus: this record replaces the built-in meeting of the same id (for
    /// instance to add an account); without it, a shared id is a clash.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub amends: bool,
}

/// Whether a meeting is known to have been held, or only from an advance notice.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum MeetingStatus {
    #[default]
    Held,
    /// Known from an advance notice only: planned for the date, not reported as held.
    Announced,
}

impl MeetingStatus {
    fn is_held(&self) -> bool {
        *self == MeetingStatus::Held
    }

    /// What a reader sees ("announced").
    pub fn label(self) -> &'static str {
        match self {
            MeetingStatus::Held => "held",
            MeetingStatus::Announced => "announced",
        }
    }
}

/// Whether an event is merely mentioned as having happened, or announced for the future.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum EventKind {
    Mentioned,
    Planned,
}

impl EventKind {
    /// What a reader sees ("planned").
    pub fn label(self) -> &'static str {
        match self {
            EventKind::Mentioned => "mentioned",
            EventKind::Planned => "planned",
        }
    }
}

/// An event the sources mention or announce but do not report in full.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Event {
    pub id: Text,
    pub kind: EventKind,
    pub title: Text,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub series: Option<Text>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub edition: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<DateFact>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub place: Option<Place>,
    /// What the sources say of it.
    pub description: Text,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub organisations: Vec<Text>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub topics: Vec<Text>,
    pub cite: Vec<Citation>,
}

/// What an organisation is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum OrgKind {
    Ministry,
    Agency,
    Institution,
    Service,
    International,
    Forum,
    Initiative,
    Research,
    Group,
    Other,
}

impl OrgKind {
    /// What a reader sees ("ministry").
    pub fn label(self) -> &'static str {
        match self {
            OrgKind::Ministry => "ministry",
            OrgKind::Agency => "agency",
            OrgKind::Institution => "institution",
            OrgKind::Service => "service",
            OrgKind::International => "international",
            OrgKind::Forum => "forum",
            OrgKind::Initiative => "initiative",
            OrgKind::Research => "research",
            OrgKind::Group => "group",
            OrgKind::Other => "other",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Organisation {
    pub id: Text,
    /// Canonical name.
    pub name: Text,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub acronym: Option<Text>,
    /// Other names the sources use.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub aliases: Vec<Text>,
    /// Names in other languages (Korean) and conventional acronyms, each with its citation.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub names: Vec<Name>,
    pub side: Side,
    pub kind: OrgKind,
    /// The id of the organisation this one belongs to.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub parent: Option<Text>,
    pub cite: Vec<Citation>,
}

/// A role a person held, as a source states it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Role {
    pub title: Text,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub organisation: Option<Text>,
    pub side: Side,
    /// The meeting at which the role is reported, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub meeting: Option<Text>,
    pub cite: Vec<Citation>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Person {
    pub id: Text,
    /// The name as written in the sources (family name first where the source does so).
    pub name: Text,
    /// Honorific as written ("Mr.", "Dr"), if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub honorific: Option<Text>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub aliases: Vec<Text>,
    /// Names in other languages (Korean) with their citations.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub names: Vec<Name>,
    pub roles: Vec<Role>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Topic {
    pub id: Text,
    pub label: Text,
    /// Other words a reader might search for.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub aliases: Vec<Text>,
    /// Names in other languages (Korean) with their citations.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub names: Vec<Name>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub parent: Option<Text>,
}
