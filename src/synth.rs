//! Deterministic synthetic data for benchmarks, examples and tests, behind the `synth` cargo
//! feature (tests, benches and examples turn it on; the shipped binary has none of it). One
//! home for every generator, so a figure and the test that checks its data use the same one:
//!
//! - [`generate`]: a valid corpus of about N finder candidates (it passes `entente check`), for
//!   load, index and `find` benchmarks and scale tests;
//! - [`stress`]: corpora for the browser's stress tests — empty, one meeting, thousands, and
//!   hostile text — not necessarily valid;
//! - [`finder_candidates`]: finder candidates without a corpus, for the finder benchmarks.

mod candidates;
mod stress;
mod valid;

pub use candidates::finder_candidates;
pub use stress::{Style, stress};
pub use valid::{Spec, candidate_lines, generate};
