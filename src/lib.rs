//! entente: a keyboard-first terminal browser for the record of diplomatic dialogues.
//!
//! Architecture (domain first, terminal last):
//! - [`corpus`]: the data model (serde types), loading from JSON files or directories, the
//!   validator that reports every problem with its location, and the built-in corpus.
//! - [`index`]: derived lookups built once on load — topic, organisation, person, place →
//!   meetings and citations; the timeline order.
//! - [`text`]: sanitising of untrusted corpus text before it reaches any terminal.
//! - [`accounts`]: which source texts a timeline entry has (its accounts, then cited sources).
//! - [`search`]: the fuzzy finder engine (over names, acronyms, aliases) and full-text search.
//! - `synth` (feature `synth`): deterministic synthetic corpora for benchmarks and tests.
//! - [`facts`]: the facts of a meeting or event as labelled, qualified, cited sections, and
//!   the one date, place and citation style every surface renders them with.
//! - [`briefing`]: the Markdown briefing note of a meeting (export).
//! - [`atomic`]: safe file writes (temporary file + rename, never through a planted link)
//!   for exports and the find cache.
//! - [`heap`]: the malloc arena limit and `malloc_trim`, after big loads and builds.
//! - [`cache`]: the user's cache directory and the rules its entries follow (key, bounded
//!   no-follow open, atomic write), shared by `find`'s index and the loaded corpus's entry.
//! - [`cli`]: the non-interactive subcommands and their text / JSON output; `find`'s
//!   cache of finder indexes lives in `cli::find::cache`.
//! - [`tui`]: the terminal layer — setup and restore, signals and hang-ups, the event loop a
//!   full-screen [`tui::Program`] plugs into.
//! - [`app`]: the browser's state, its [`app::Action`] vocabulary, the key map table and
//!   `App::update`, the only place that state changes. It touches no terminal.
//! - [`ui`]: rendering — `ui::draw(&App, canvas)` reads the state and never changes it (the
//!   [`tui::Canvas`] is a ratatui buffer and the cursor's place).
//! - [`browser`]: the app wired to the terminal — the [`tui::Program`] that turns events into
//!   actions, draws with `ui`, and sends copied text and notes where they go.
//! - [`compare`]: which sentences of one account of a meeting the other does not report.
//! - [`matrix`]: the topic matrix — which topics each meeting discussed, in which accounts.
//!
//! Domain modules (corpus, index, text, accounts, search, compare, matrix, facts) never import
//! ratatui or crossterm.

pub mod accounts;
pub mod app;
pub mod atomic;
pub mod briefing;
pub mod browser;
pub mod cache;
pub mod cli;
pub mod compare;
pub mod corpus;
pub mod facts;
pub mod heap;
pub mod import;
pub mod index;
pub mod matrix;
pub mod search;
#[cfg(any(test, feature = "synth"))]
pub mod synth;
pub mod text;
pub mod tui;
pub mod ui;

#[cfg(test)]
mod test_fixture;
