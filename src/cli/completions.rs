//! `entente completions SHELL` and `entente man`: shell completion scripts and a roff man page,
//! both generated from the clap definitions in [`super::args`] so they never drift from them.

use std::io::Write;

use anyhow::{Context, Result};
use clap::{CommandFactory, ValueEnum};

use super::Args;

/// The shells `entente completions` writes a script for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Shell {
    Bash,
    Zsh,
    Fish,
    Powershell,
}

impl Shell {
    fn generator(self) -> clap_complete::Shell {
        match self {
            Shell::Bash => clap_complete::Shell::Bash,
            Shell::Zsh => clap_complete::Shell::Zsh,
            Shell::Fish => clap_complete::Shell::Fish,
            Shell::Powershell => clap_complete::Shell::PowerShell,
        }
    }
}

/// Writes the completion script for `shell` to `out`.
pub fn completions(shell: Shell, out: &mut dyn Write) -> Result<()> {
    let mut command = Args::command();
    // clap_complete panics when its writer fails (a closed pipe): generate into memory first,
    // then write, so a failed write is an error like any other.
    let mut script = Vec::new();
    clap_complete::generate(shell.generator(), &mut command, "entente", &mut script);
    out.write_all(&script)
        .context("writing the completion script")?;
    Ok(())
}

/// Writes the man page, entente(1), in roff to `out`: the top-level page, then one section
/// per subcommand (so a single file documents them all).
pub fn man(out: &mut dyn Write) -> Result<()> {
    let command = Args::command();
    let page = clap_mangen::Man::new(command.clone());
    page.render_title(out)?;
    page.render_name_section(out)?;
    page.render_synopsis_section(out)?;
    page.render_description_section(out)?;
    page.render_options_section(out)?;
    page.render_subcommands_section(out)?;
    for sub in command.get_subcommands().filter(|s| s.get_name() != "help") {
        writeln!(out, ".SH \"ENTENTE {}\"", sub.get_name().to_uppercase())
            .context("writing the man page")?;
        let sub_page =
            clap_mangen::Man::new(sub.clone().bin_name(format!("entente {}", sub.get_name())));
        sub_page.render_synopsis_section(out)?;
        sub_page.render_description_section(out)?;
        sub_page.render_options_section(out)?;
    }
    page.render_extra_section(out)?;
    page.render_version_section(out)?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(write: impl FnOnce(&mut Vec<u8>) -> Result<()>) -> String {
        let mut buf = Vec::new();
        write(&mut buf).expect("generation writes to a Vec");
        String::from_utf8(buf).expect("generated text is UTF-8")
    }

    #[test]
    fn every_shell_gets_a_script_naming_the_subcommands() {
        for shell in Shell::value_variants() {
            let script = text(|b| completions(*shell, b));
            for sub in ["list", "show", "search", "completions", "man"] {
                assert!(script.contains(sub), "{shell:?} lacks {sub}");
            }
            // Fish spells long options `-l corpus`, the others `--corpus`.
            assert!(script.contains("corpus"), "{shell:?} lacks --corpus");
        }
    }

    #[test]
    fn the_man_page_is_roff_with_a_section_per_subcommand() {
        let page = text(|b| man(b));
        assert!(
            page.starts_with(".ie") || page.contains(".TH entente"),
            "{page}"
        );
        for sub in ["LIST", "SHOW", "FIND", "SEARCH", "EXPORT", "CHECK", "FMT"] {
            assert!(page.contains(&format!(".SH \"ENTENTE {sub}\"")), "no {sub}");
        }
        assert!(page.contains("\\-\\-corpus"), "options are listed");
    }
}
