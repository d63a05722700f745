//! Any terminal: completions and the man page from the real binary; TERM, NO_COLOR, locale
//! and `--ascii` in a pseudo-terminal (no byte above 0x7F, no colour where none is wanted).

use std::process::Command;

use crate::support::pty::BIN;

fn stdout_of(args: &[&str]) -> String {
    let out = Command::new(BIN).args(args).output().unwrap();
    assert!(out.status.success(), "{args:?}: {:?}", out);
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn completions_for_each_shell_name_the_subcommands() {
    for shell in ["bash", "zsh", "fish", "powershell"] {
        let script = stdout_of(&["completions", shell]);
        for sub in [
            "list", "show", "find", "search", "export", "check", "fmt", "man",
        ] {
            assert!(script.contains(sub), "{shell} completions lack {sub}");
        }
    }
}

#[test]
fn an_unknown_shell_is_a_usage_error() {
    let out = Command::new(BIN)
        .args(["completions", "tcsh"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("tcsh"));
}

#[test]
fn the_man_page_documents_every_subcommand() {
    let page = stdout_of(&["man"]);
    assert!(page.contains(".TH entente 1"), "{page}");
    for sub in [
        "LIST",
        "SHOW",
        "FIND",
        "SEARCH",
        "EXPORT",
        "CHECK",
        "FMT",
        "COMPLETIONS",
    ] {
        assert!(
            page.contains(&format!("ENTENTE {sub}")),
            "man page lacks {sub}"
        );
    }
}
