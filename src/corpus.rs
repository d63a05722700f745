//! The corpus: its model, how it is loaded and validated, and the built-in one.
//!
//! Loading is two steps: [`load`] parses JSON into the [`model`] types (syntax and type errors
//! as file:line:column), then [`validate`] checks what serde cannot (unique ids, references,
//! citations, dates), reporting every problem, not only the first. [`kind`] is the vocabulary
//! every layer shares: the kinds of record, the facets, the key of a place.

pub mod builtin;
pub mod cites;
pub mod format;
pub mod kind;
pub mod layers;
pub mod load;
pub mod model;
pub mod names;
pub mod problem;
pub mod text_map;
pub mod validate;

pub use kind::{Facet, RecordKind, RecordRef, place_key};
pub use load::{LoadedCorpus, load_path, parse_str};
pub use model::*;
pub use problem::{Problem, Problems};
pub use text_map::TextMap;
