//! The corpus: its model, how it is loaded and validated, and the built-in one.
//!
//! Loading is two steps: [`load`] parses JSON into the [`model`] types (syntax and type errors
//! as file:line:column), then [`validate`] checks what serde cannot (unique ids, references,
//! citations, dates), reporting every problem, not only the first.

pub mod builtin;
pub mod cites;
pub mod load;
pub mod model;
pub mod names;
pub mod problem;
pub mod validate;

pub use load::{LoadedCorpus, load_path, parse_str};
pub use model::*;
pub use problem::{Problem, Problems};
