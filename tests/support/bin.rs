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

/// Runs `entente ARGS` with `user_dir` as the user's corpus (no stdin, no finder cache).
pub fn with_user_corpus(user_dir: &std::path::Path, args: &[&str]) -> std::process::Output {
    command()
        .args(args)
        .env("ENTENTE_CORPUS_DIR", user_dir)
        .env("ENTENTE_NO_CACHE", "1")
        .stdin(std::process::Stdio::null())
        .output()
        .expect("the entente binary runs")
}

/// A run's standard output, as text.
pub fn stdout(o: &std::process::Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

/// A run's standard error, as text.
pub fn stderr(o: &std::process::Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}
