//! Deterministic synthetic data for benchmarks, examples and tests, behind the `synth` cargo
//! feature (tests, benches and examples turn it on; the shipped binary has none of it). One
//! home for every generator, so a figure and the test that checks its data use the same one:
//!
//! - [`generate`]: a valid corpus of about N finder candidates (it passes `entente check`), for
//!   load, index and `find` benchmarks and scale tests;
//! - [`stress`]: corpora for the browser's stress tests — empty, one meeting, thousands, and
//!   hostile text — not necessarily valid;
//! - [`finder_candidates`]: finder candidates without a corpus, for the finder benchmarks;
//! - [`name_people_in_accounts`]: a generated corpus whose accounts name its people and
//!   organisations, for the index's scan of names in the text.

mod candidates;
mod stress;
mod valid;

pub use candidates::finder_candidates;
pub use stress::{Style, stress};
pub use valid::{Spec, candidate_lines, generate};

/// Gives each account of `corpus` one more paragraph naming a person and an organisation
/// ("NAME spoke for the ORGANISATION."), cycling through them: [`generate`]'s text names no
/// one, and the index's scan for names in the accounts needs something to find.
pub fn name_people_in_accounts(corpus: &mut crate::corpus::Corpus) {
    let (people, organisations) = (corpus.people.clone(), corpus.organisations.clone());
    if people.is_empty() || organisations.is_empty() {
        return;
    }
    for (i, source) in corpus.sources.iter_mut().enumerate() {
        let person = &people[i % people.len()].name;
        let organisation = &organisations[i % organisations.len()].name;
        source
            .paragraphs
            .push(format!("{person} spoke for the {organisation}.").into());
    }
}
