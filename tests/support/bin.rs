//! The binary under test, started so that it never reads or writes the user's own corpus
//! (`$XDG_DATA_HOME/entente/corpus`): `ENTENTE_CORPUS_DIR` points at a directory that does not
//! exist. A test that wants a user corpus sets the variable again, which wins.

use std::process::Command;

/// The path of the built binary.
pub const BIN: &str = env!("CARGO_BIN_EXE_entente");

/// A user-corpus directory that does not exist.
pub fn no_user_corpus() -> std::path::PathBuf {
    std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join("no-user-corpus")
}

/// `entente`, with no user corpus.
pub fn command() -> Command {
    let mut command = Command::new(BIN);
    command.env("ENTENTE_CORPUS_DIR", no_user_corpus());
    command
}
