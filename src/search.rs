//! The fuzzy finder engine and full-text search (pure, no terminal).
//!
//! - [`fuzzy`]: the finder over topics, organisations, people, meetings, events and places, by
//!   any of their names (Korean ones too, by initial consonants as well), ranked in tiers
//!   (exact, whole words, word starts, fuzzy) and then by score; built on
//!   fuzzy-matcher's `SkimMatcherV2` with our own query syntax, Unicode case folding,
//!   prefilter, parallel scan and incremental [`fuzzy::Session`].
//! - [`fulltext`]: search for words or a quoted phrase in the cleaned source paragraphs, and
//!   [`fulltext::find_in`] for `/` inside one text.
//!
//! Both match case-folded text (see `fold`) and report positions in the original text.

mod fold;
pub mod fulltext;
pub mod fuzzy;
mod hangul;
mod roman;
