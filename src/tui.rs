//! The terminal layer.
// TEMP STAND-IN: the Program contract of branch `term`, so `ui` compiles; take theirs.

pub mod program;

pub use program::{Flow, Options, Program};
