//! The topic matrix: which topics recur across meetings. Rows are topics, each parent followed
//! by its sub-topics; columns are the meetings the filter keeps, in date order, labelled by
//! series code, edition and year ("C5 2019"); a cell says which accounts (by their side) cite
//! the topic at that meeting, with the citations.
//!
//! Pure and terminal-free: the `matrix` subcommand and the browser's matrix view both render
//! this one model. A topic includes its sub-topics ([`TopicScope`]) unless the filter is exact;
//! a cell then names the sub-topics it came from.

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};

use crate::corpus::names::{side_label_in, topic_label};
use crate::corpus::{Citation, Corpus, Meeting, Side};
use crate::facts::cite;
use crate::index::{EntryRef, Filter, Index, TopicScope};

/// Words left out of a series code: they say nothing about which series it is.
const CODE_STOP_WORDS: &[&str] = &["and", "of", "the", "&", "on"];

/// One meeting column.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Column {
    /// Position of the meeting in the corpus list.
    pub meeting: usize,
    /// "C5 2019": series code, edition, year.
    pub label: String,
}

/// The two parties whose accounts the matrix tells apart: the corpus's first two declared
/// parties (the built-in corpus declares the EU, then the ROK). Data, not code: a corpus of
/// another partner's dialogue gets its own pair.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Pair {
    pub first: Side,
    pub second: Side,
}

impl Pair {
    pub fn of(corpus: &Corpus) -> Pair {
        let mut parties = corpus.parties.iter().map(|p| Side::Party(p.id.clone()));
        Pair {
            first: parties.next().unwrap_or(Side::Other),
            second: parties.next().unwrap_or(Side::Other),
        }
    }

    /// Their short labels ("EU", "ROK"), which the cells' marks come from.
    pub fn short_labels<'a>(&'a self, corpus: &'a Corpus) -> (&'a str, &'a str) {
        self.labels(corpus, "")
    }

    /// Their labels ("EU", "ROK"), or in the interface language `lang` where the corpus names
    /// the party in it.
    pub fn labels<'a>(&'a self, corpus: &'a Corpus, lang: &str) -> (&'a str, &'a str) {
        (
            side_label_in(corpus, &self.first, lang),
            side_label_in(corpus, &self.second, lang),
        )
    }
}

/// Which accounts of a meeting cite a topic, by their side.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Accounts {
    /// An account of each party of the pair.
    Both,
    /// An account of the first party (EU), none of the second.
    First,
    /// An account of the second party (ROK), none of the first.
    Second,
    /// Only sources of neither party (a news item, a joint statement, …).
    Other,
}

impl Accounts {
    /// The cell's mark: "●" both, the first ASCII letter of each party's short label ("E",
    /// "R"), "○" other; with `ascii`, "B" and "o" for the two that are not ASCII. A label
    /// without an ASCII letter, or two labels with the same one, give "1" and "2".
    pub fn glyph(self, ascii: bool, labels: (&str, &str)) -> String {
        let initial = |l: &str| {
            l.chars()
                .find(char::is_ascii_alphanumeric)
                .map(|c| c.to_ascii_uppercase())
        };
        let (a, b) = match (initial(labels.0), initial(labels.1)) {
            (Some(a), Some(b)) if a != b => (a, b),
            _ => ('1', '2'),
        };
        match (self, ascii) {
            (Accounts::Both, false) => "●".into(),
            (Accounts::Both, true) => "B".into(),
            (Accounts::First, _) => a.to_string(),
            (Accounts::Second, _) => b.to_string(),
            (Accounts::Other, false) => "○".into(),
            (Accounts::Other, true) => "o".into(),
        }
    }

    /// Every kind of cell, in legend order.
    pub const ALL: [Accounts; 4] = [
        Accounts::Both,
        Accounts::First,
        Accounts::Second,
        Accounts::Other,
    ];
}

/// What one meeting recorded of one topic (and, rolled up, of its sub-topics).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Cell {
    /// The topic itself is recorded (not only a sub-topic).
    pub own: bool,
    /// The sub-topics recorded at the meeting that roll up into this cell, in the order the
    /// meeting records them.
    pub via: Vec<String>,
    /// The citations of the topic records, first occurrences in order.
    pub cite: Vec<Citation>,
    /// The sides of the cited sources (the account's side, else the source's), sorted.
    pub sides: Vec<Side>,
}

impl Cell {
    /// Which accounts of `pair` cite it.
    pub fn accounts(&self, pair: &Pair) -> Accounts {
        let first = self.sides.contains(&pair.first);
        let second = self.sides.contains(&pair.second);
        match (first, second) {
            (true, true) => Accounts::Both,
            (true, false) => Accounts::First,
            (false, true) => Accounts::Second,
            (false, false) => Accounts::Other,
        }
    }

    /// The citation to open first: a paragraph of an account, else any paragraph.
    pub fn first_paragraph(&self) -> Option<&Citation> {
        self.cite.iter().find(|c| c.paragraph.is_some())
    }
}

/// One topic row.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    pub topic: String,
    /// 0 for a topic without a parent, 1 for its sub-topics, …
    pub depth: usize,
    /// The recorded cells by column (a column without one: not recorded). Sparse, so memory
    /// follows the topic records, not topics × meetings.
    pub cells: BTreeMap<usize, Cell>,
}

impl Row {
    /// The cell at a column, if the meeting recorded the topic.
    pub fn cell(&self, column: usize) -> Option<&Cell> {
        self.cells.get(&column)
    }
}

/// The topic matrix of a corpus under a filter.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Matrix {
    pub columns: Vec<Column>,
    pub rows: Vec<Row>,
    /// Meetings the filter keeps that record no topic (so have no column), in date order.
    pub without_topics: Vec<Column>,
}

impl Matrix {
    /// The matrix of the meetings `filter` keeps; a topic includes its sub-topics unless the
    /// filter's topic scope is exact.
    pub fn build(corpus: &Corpus, index: &Index, filter: &Filter) -> Matrix {
        let codes = series_codes(corpus);
        let mut matrix = Matrix::default();
        for entry in index.filtered(corpus, filter) {
            let EntryRef::Meeting(i) = entry else {
                continue;
            };
            let meeting = &corpus.meetings[i];
            let code = codes
                .get(meeting.series.as_str())
                .map_or("?", String::as_str);
            let column = Column {
                meeting: i,
                label: column_label(code, meeting),
            };
            if meeting.topics.is_empty() {
                matrix.without_topics.push(column);
            } else {
                matrix.columns.push(column);
            }
        }
        let mut cells = credit_cells(corpus, &matrix.columns, filter.topic_scope);
        for (topic, depth) in topic_tree(corpus, index) {
            let cells = cells.remove(topic.as_str()).unwrap_or_default();
            matrix.rows.push(Row {
                topic,
                depth,
                cells,
            });
        }
        // Keep a row when it, or a row below it, has a cell: a parent stays as the heading of
        // its sub-topics even when exact leaves it empty. Rows are in depth-first order, so
        // walking them backwards meets a topic's sub-topics just before it.
        let mut keep = vec![false; matrix.rows.len()];
        let mut below_kept: Vec<bool> = vec![false; 2];
        for (i, row) in matrix.rows.iter().enumerate().rev() {
            if below_kept.len() < row.depth + 2 {
                below_kept.resize(row.depth + 2, false);
            }
            keep[i] = !row.cells.is_empty() || below_kept[row.depth + 1];
            below_kept[row.depth + 1] = false;
            below_kept[row.depth] |= keep[i];
        }
        let mut kept = keep.into_iter();
        matrix.rows.retain(|_| kept.next().unwrap_or(false));
        matrix
    }

    /// The cell at a row and column, if the meeting recorded the topic.
    pub fn cell(&self, row: usize, column: usize) -> Option<&Cell> {
        self.rows.get(row)?.cell(column)
    }

    pub fn is_empty(&self) -> bool {
        self.rows.is_empty() || self.columns.is_empty()
    }
}

/// The cells of every topic, by topic id: each topic record of a column's meeting credits
/// its topic and, rolled up, every topic above it (a cycle, which `check` reports, is walked
/// once).
fn credit_cells<'a>(
    corpus: &'a Corpus,
    columns: &[Column],
    scope: TopicScope,
) -> HashMap<&'a str, BTreeMap<usize, Cell>> {
    let parents: HashMap<&str, &str> = corpus
        .topics
        .iter()
        .filter_map(|t| Some((t.id.as_str(), t.parent.as_deref()?)))
        .collect();
    // One table of source sides, not a search of the sources per meeting: a corpus may have
    // tens of thousands of both.
    let source_sides: HashMap<&str, Option<Side>> = corpus
        .sources
        .iter()
        .map(|s| (s.id.as_str(), s.side.clone()))
        .collect();
    let mut cells: HashMap<&str, BTreeMap<usize, Cell>> = HashMap::new();
    for (c, column) in columns.iter().enumerate() {
        let meeting = &corpus.meetings[column.meeting];
        let mut credited_here: Vec<&str> = Vec::new();
        for r in &meeting.topics {
            let mut credited: Vec<&str> = vec![r.topic.as_str()];
            if scope == TopicScope::WithSubtopics {
                let mut at = r.topic.as_str();
                while let Some(&parent) = parents.get(at) {
                    if credited.contains(&parent) {
                        break;
                    }
                    credited.push(parent);
                    at = parent;
                }
            }
            for (n, topic) in credited.into_iter().enumerate() {
                let cell = cells.entry(topic).or_default().entry(c).or_default();
                if n == 0 {
                    cell.own = true;
                } else if !cell.via.iter().any(|v| *v == r.topic) {
                    cell.via.push(r.topic.to_string());
                }
                cell.cite.extend(r.cite.iter().cloned());
                if !credited_here.contains(&topic) {
                    credited_here.push(topic);
                }
            }
        }
        // The side of a cited source: the meeting's account's, else the source's own.
        let side_of = |source: &str| {
            meeting
                .accounts
                .iter()
                .find(|a| a.source == source)
                .and_then(|a| a.side.clone())
                .or_else(|| source_sides.get(source).cloned().flatten())
        };
        for topic in credited_here {
            let Some(cell) = cells.get_mut(topic).and_then(|row| row.get_mut(&c)) else {
                continue;
            };
            cell.cite = cite::dedup(std::mem::take(&mut cell.cite));
            let mut found: Vec<Side> = cell
                .cite
                .iter()
                .filter_map(|c| side_of(&c.source))
                .collect();
            found.sort();
            found.dedup();
            cell.sides = found;
        }
    }
    cells
}

/// Every topic with its depth: each topic without a parent (in corpus order) followed by the
/// topics below it, depth first. A topic whose parent is unknown counts as a root; a topic in
/// a cycle (which `check` reports) is listed once.
fn topic_tree(corpus: &Corpus, index: &Index) -> Vec<(String, usize)> {
    let known: HashSet<&str> = corpus.topics.iter().map(|t| t.id.as_str()).collect();
    let mut out: Vec<(String, usize)> = Vec::new();
    let mut seen: HashSet<String> = HashSet::new();
    let roots = corpus
        .topics
        .iter()
        .filter(|t| t.parent.as_deref().is_none_or(|p| !known.contains(p)));
    for root in roots {
        let mut stack: Vec<(&str, usize)> = vec![(root.id.as_str(), 0)];
        while let Some((id, depth)) = stack.pop() {
            if !seen.insert(id.to_string()) {
                continue;
            }
            out.push((id.to_string(), depth));
            let below = index.subtopics(id).iter().rev();
            stack.extend(below.map(|s| (s.as_str(), depth + 1)));
        }
    }
    // Topics only reachable through a cycle have no root: list them last, flat.
    for t in &corpus.topics {
        if !seen.contains(t.id.as_str()) {
            seen.insert(t.id.to_string());
            out.push((t.id.to_string(), 0));
        }
    }
    out
}

/// "C5 2019": the series code, the edition (if any) and the year of the meeting's date.
fn column_label(code: &str, meeting: &Meeting) -> String {
    let year = crate::facts::date::parts(&meeting.date.value)
        .year
        .unwrap_or("?");
    match meeting.edition {
        Some(edition) => format!("{code}{edition} {year}"),
        None => format!("{code} {year}"),
    }
}

/// A short code per series slug ("C" for the EU–ROK Cyber Dialogue, "D" for the Digital
/// Partnership Council): the initials of the words of its name (from the series table, else
/// its slug) that not every series shares, as few as tell it from the others. Only series of
/// meetings count: an event's series has no column.
pub fn series_codes(corpus: &Corpus) -> HashMap<String, String> {
    let words_of = |slug: &str| -> Vec<String> {
        let name = corpus
            .series
            .iter()
            .find(|s| s.id == slug)
            .map_or(slug, |s| s.name.as_str());
        name.split(|c: char| c.is_whitespace() || c == '-' || c == '–' || c == '—')
            .filter(|w| !w.is_empty())
            .map(str::to_lowercase)
            .filter(|w| !CODE_STOP_WORDS.contains(&w.as_str()))
            .collect()
    };
    let slugs: BTreeSet<&str> = corpus.meetings.iter().map(|m| m.series.as_str()).collect();
    let named: Vec<(&str, Vec<String>)> = slugs
        .into_iter()
        .map(|slug| (slug, words_of(slug)))
        .collect();
    let initials: Vec<(&str, Vec<char>)> = named
        .iter()
        .map(|(slug, words)| {
            let shared_by_all = |w: &String| named.iter().all(|(_, ws)| ws.contains(w));
            let distinct: Vec<char> = words
                .iter()
                .filter(|w| named.len() < 2 || !shared_by_all(w))
                .filter_map(|w| w.chars().next())
                .flat_map(char::to_uppercase)
                .collect();
            let fallback = || slug.chars().next().into_iter().flat_map(char::to_uppercase);
            let chars = if distinct.is_empty() {
                fallback().collect()
            } else {
                distinct
            };
            (*slug, chars)
        })
        .collect();
    initials
        .iter()
        .map(|(slug, chars)| {
            // The shortest prefix of its initials that begins no other series' initials.
            let unique = (1..=chars.len()).find(|&n| {
                initials
                    .iter()
                    .filter(|(other, _)| other != slug)
                    .all(|(_, o)| !o.starts_with(&chars[..n]))
            });
            let n = unique.unwrap_or(chars.len());
            (slug.to_string(), chars[..n].iter().collect())
        })
        .collect()
}

/// The label of a topic row's topic (its English label, else its id).
pub fn row_label<'a>(corpus: &'a Corpus, row: &'a Row) -> &'a str {
    topic_label(corpus, &row.topic)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::{Facet, builtin};

    fn builtin_matrix(filter: &Filter) -> (Corpus, Matrix) {
        let corpus = builtin::load().expect("the built-in corpus").corpus;
        let index = Index::build(&corpus);
        let matrix = Matrix::build(&corpus, &index, filter);
        (corpus, matrix)
    }

    fn row<'a>(m: &'a Matrix, topic: &str) -> &'a Row {
        m.rows
            .iter()
            .find(|r| r.topic == topic)
            .unwrap_or_else(|| panic!("no row {topic}"))
    }

    fn labels(m: &Matrix) -> Vec<&str> {
        m.columns.iter().map(|c| c.label.as_str()).collect()
    }

    #[test]
    fn series_codes_are_the_initials_that_tell_meeting_series_apart() {
        let corpus = builtin::load().expect("the built-in corpus").corpus;
        let codes = series_codes(&corpus);
        let code = |slug: &str| codes.get(slug).map(String::as_str);
        assert_eq!(code("eu-rok-cyber-dialogue"), Some("C"));
        assert_eq!(code("eu-rok-digital-partnership-council"), Some("D"));
        assert_eq!(code("eu-rok-strategic-dialogue"), Some("SD"));
        assert_eq!(code("eu-rok-security-defence-dialogue"), Some("SDD"));
    }

    #[test]
    fn columns_are_the_meetings_with_topics_in_date_order() {
        let (corpus, m) = builtin_matrix(&Filter::default());
        assert_eq!(labels(&m), ["C5 2019", "C6 2020", "D2 2024", "C7 2025"]);
        let untracked: Vec<&str> = m
            .without_topics
            .iter()
            .map(|c| corpus.meetings[c.meeting].id.as_str())
            .collect();
        assert_eq!(untracked.first(), Some(&"eu-rok-cyber-1"));
        assert!(untracked.contains(&"eu-rok-dpc-1"), "{untracked:?}");
    }

    #[test]
    fn sub_topics_follow_their_parent() {
        let (_, m) = builtin_matrix(&Filter::default());
        let at = |topic: &str| m.rows.iter().position(|r| r.topic == topic);
        let parent = at("multilateral-cooperation").expect("a row");
        assert_eq!(m.rows[parent].depth, 0);
        for (offset, child) in ["un-oewg", "programme-of-action", "regional-fora"]
            .iter()
            .enumerate()
        {
            assert_eq!(at(child), Some(parent + 1 + offset), "{child}");
            assert_eq!(row(&m, child).depth, 1);
        }
    }

    /// Malicious cyber activities: at the 5th (ROK ¶4) and 6th (EU ¶2) only through its
    /// sub-topic "diplomatic responses"; at the 7th itself, in both accounts.
    #[test]
    fn a_cell_says_which_accounts_cite_the_topic_and_where() {
        let (corpus, m) = builtin_matrix(&Filter::default());
        let pair = Pair::of(&corpus);
        let (eu, rok) = (Side::Party("eu".into()), Side::Party("rok".into()));
        assert_eq!(
            (&pair.first, &pair.second),
            (&eu, &rok),
            "the declared order"
        );
        let malicious = row(&m, "malicious-cyber-activities");
        let c5 = malicious.cell(0).expect("rolled up from a sub-topic");
        assert!(!c5.own);
        assert_eq!(c5.via, ["diplomatic-responses"]);
        assert_eq!(c5.accounts(&pair), Accounts::Second);
        assert_eq!(
            c5.cite,
            [Citation::at("rok-5th-cyber-policy-consultation", 4)]
        );
        let c6 = malicious.cell(1).expect("rolled up from a sub-topic");
        assert_eq!(
            (c6.accounts(&pair), c6.sides.as_slice()),
            (Accounts::First, std::slice::from_ref(&eu))
        );
        assert_eq!(
            c6.first_paragraph(),
            Some(&Citation::at("eu-6th-cyber-dialogue", 2))
        );
        assert!(
            malicious.cell(2).is_none(),
            "not at the Digital Partnership Council"
        );
        let c7 = malicious.cell(3).expect("discussed at the 7th");
        assert!(c7.own);
        assert_eq!(c7.accounts(&pair), Accounts::Both);
        assert_eq!(c7.sides, [eu.clone(), rok.clone()]);
        let news = row(&m, "semiconductors")
            .cell(2)
            .expect("at the 2nd council");
        assert_eq!(news.accounts(&pair), Accounts::Other);
    }

    #[test]
    fn exact_leaves_out_sub_topics_but_keeps_a_parent_as_their_heading() {
        let mut f = Filter::default();
        f.topic_scope = TopicScope::Exact;
        let (_, m) = builtin_matrix(&f);
        let malicious = row(&m, "malicious-cyber-activities");
        assert!(malicious.cell(0).is_none() && malicious.cell(1).is_none());
        assert!(malicious.cell(3).is_some_and(|c| c.via.is_empty()));
        f.year = Some("2020".parse().expect("a year"));
        let (_, m) = builtin_matrix(&f);
        assert_eq!(labels(&m), ["C6 2020"]);
        assert!(row(&m, "malicious-cyber-activities").cells.is_empty());
        assert!(row(&m, "diplomatic-responses").cell(0).is_some());
        assert!(
            m.rows.iter().all(|r| r.topic != "semiconductors"),
            "a topic with no cell and nothing below is left out"
        );
    }

    #[test]
    fn the_timeline_filter_narrows_the_columns() {
        let mut f = Filter::default();
        f.set_facet(Facet::Topic, "diplomatic-responses");
        let (_, m) = builtin_matrix(&f);
        assert_eq!(labels(&m), ["C5 2019", "C6 2020"]);
        f.set_facet(Facet::Topic, "semiconductors");
        assert_eq!(labels(&builtin_matrix(&f).1), ["D2 2024"]);
    }

    #[test]
    fn every_glyph_is_one_column_and_ascii_stand_ins_are_ascii() {
        for labels in [("EU", "ROK"), ("EU", "Estonia"), ("유럽연합", "대한민국")] {
            for a in Accounts::ALL {
                assert_eq!(crate::text::display_width(&a.glyph(false, labels)), 1);
                assert!(a.glyph(true, labels).is_ascii(), "{labels:?}");
            }
        }
        // The parties' marks come from their labels, and stay apart.
        let marks = |l| Accounts::ALL.map(|a| a.glyph(false, l));
        assert_eq!(marks(("EU", "ROK")), ["●", "E", "R", "○"]);
        assert_eq!(marks(("EU", "Estonia")), ["●", "1", "2", "○"]);
    }

    /// Only recorded cells are stored: one per (topic or topic above it, meeting) that a topic
    /// record credits, so a corpus of many topics and meetings does not hold topics × meetings.
    #[test]
    fn cells_are_stored_only_where_a_record_credits_them() {
        let (corpus, m) = builtin_matrix(&Filter::default());
        let parent = |id: &str| {
            corpus
                .topics
                .iter()
                .find(|t| t.id == id)
                .and_then(|t| t.parent.clone())
        };
        let mut credited: HashSet<(String, usize)> = HashSet::new();
        for c in &m.columns {
            for r in &corpus.meetings[c.meeting].topics {
                let mut at = Some(r.topic.clone());
                while let Some(topic) = at {
                    at = parent(&topic);
                    credited.insert((topic.to_string(), c.meeting));
                }
            }
        }
        let stored: usize = m.rows.iter().map(|r| r.cells.len()).sum();
        assert_eq!(stored, credited.len());
        assert!(stored < m.rows.len() * m.columns.len());
    }
}
