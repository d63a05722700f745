//! The help overlay's lines, generated from the key map table, grouped by context.

use super::keymap::{Context, KEYMAP};
use super::strings::context;

/// One line of help: a context heading, or the keys of one binding and what it does.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum HelpLine {
    Heading(&'static str),
    Binding { keys: String, text: &'static str },
    Blank,
}

fn context_name(c: Context) -> &'static str {
    match c {
        Context::Browse => context::BROWSE,
        Context::Detail => context::DETAIL,
        Context::Finder => context::FINDER,
        Context::Search => context::SEARCH,
        Context::Help => context::HELP,
    }
}

/// Every binding of the key map, under its context's heading.
pub fn lines() -> Vec<HelpLine> {
    let mut out = Vec::new();
    for context in Context::ALL {
        if !out.is_empty() {
            out.push(HelpLine::Blank);
        }
        out.push(HelpLine::Heading(context_name(context)));
        for b in KEYMAP.iter().filter(|b| b.context == context) {
            let keys = b
                .keys
                .iter()
                .map(|k| k.name())
                .collect::<Vec<_>>()
                .join(" ");
            out.push(HelpLine::Binding { keys, text: b.help });
        }
    }
    out
}

/// The key map as Markdown tables, one per context: README.md embeds this text verbatim (a
/// test keeps the two equal), so the documentation cannot drift from the keys.
pub fn markdown() -> String {
    let mut out = String::new();
    for line in lines() {
        match line {
            HelpLine::Heading(h) => {
                out.push_str(&format!("\n**{h}**\n\n| keys | action |\n|---|---|\n"))
            }
            HelpLine::Binding { keys, text } => {
                let keys = keys.replace('|', "\\|");
                out.push_str(&format!("| `{keys}` | {text} |\n"));
            }
            HelpLine::Blank => {}
        }
    }
    out
}

/// How far the help can scroll for a viewport of `height` rows.
pub fn max_scroll(height: usize) -> usize {
    lines().len().saturating_sub(height)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn readme_embeds_the_generated_key_tables() {
        let readme = include_str!("../../README.md");
        let tables = markdown();
        assert!(
            readme.contains(&tables),
            "README.md's key tables differ from the key map; paste this between the markers:\n{tables}"
        );
    }

    #[test]
    fn help_lists_every_binding_once() {
        let lines = lines();
        let bindings = lines
            .iter()
            .filter(|l| matches!(l, HelpLine::Binding { .. }))
            .count();
        assert_eq!(bindings, KEYMAP.len());
        let headings = lines
            .iter()
            .filter(|l| matches!(l, HelpLine::Heading(_)))
            .count();
        assert_eq!(headings, Context::ALL.len());
        assert!(lines.contains(&HelpLine::Binding {
            keys: "f Ctrl-P".into(),
            text: "find a topic, organisation, person, meeting or place",
        }));
    }
}
