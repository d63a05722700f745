//! Malformed corpora: every way a corpus can be broken is reported with its location (file and
//! line:column, or record and field) and a message saying what is wrong and what was expected,
//! and nothing panics. Also: the JSON Schema stays in step with the model, a 50 MB corpus loads
//! within a memory bound, and arbitrary input never panics the loader.

mod fixture;

mod files;
mod props;
mod scale;
mod schema;
mod semantic;
mod syntax;
