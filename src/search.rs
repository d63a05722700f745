//! The fuzzy finder engine and full-text search (pure, no terminal).
// TEMP STAND-IN: minimal versions of branch `search`'s API so `ui` compiles; take theirs.

pub mod fulltext;
pub mod fuzzy;
