//! The help overlay's lines, generated from the key map table, grouped by context, in the
//! interface's language; the README's key tables are the English ones.

use super::keymap::{Context, KEYMAP};
use super::strings::{Lang, Strings, key_help};

/// One line of help: a context heading, or the keys of one binding and what it does.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum HelpLine {
    Heading(&'static str),
    Binding { keys: String, text: &'static str },
    Blank,
}

fn context_name(t: &Strings, c: Context) -> &'static str {
    match c {
        Context::Browse => t.context.browse,
        Context::Detail => t.context.detail,
        Context::Finder => t.context.finder,
        Context::Search => t.context.search,
        Context::Help => t.context.help,
        Context::CorpusSearch => t.context.corpus_search,
        Context::Matrix => t.context.matrix,
    }
}

/// Every binding of the key map, under its context's heading, in `lang`.
pub fn lines(lang: Lang) -> Vec<HelpLine> {
    let mut out = Vec::new();
    for context in Context::ALL {
        if !out.is_empty() {
            out.push(HelpLine::Blank);
        }
        out.push(HelpLine::Heading(context_name(lang.strings(), context)));
        for b in KEYMAP.iter().filter(|b| b.context == context) {
            let keys = b
                .keys
                .iter()
                .map(|k| k.name())
                .collect::<Vec<_>>()
                .join(" ");
            out.push(HelpLine::Binding {
                keys,
                text: key_help(lang, b.help),
            });
        }
    }
    out
}

/// The key map as Markdown tables, one per context: README.md embeds this text verbatim (a
/// test keeps the two equal), so the documentation cannot drift from the keys.
pub fn markdown() -> String {
    let mut out = String::new();
    for line in lines(Lang::En) {
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

/// How far the help can scroll for a viewport of `height` rows (the same in every language:
/// one line per binding and heading).
pub fn max_scroll(height: usize) -> usize {
    lines(Lang::En).len().saturating_sub(height)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The README's key section, between its markers, must be exactly the generated tables:
    /// anything pasted into it (or a table edited by hand) fails this test.
    #[test]
    fn readme_key_section_is_exactly_the_generated_tables() {
        let readme = include_str!("../../README.md");
        let section = readme_section(readme, "<!-- keys:", "<!-- end keys -->")
            .expect("README.md has the key section markers");
        let tables = markdown();
        assert_eq!(
            section.trim(),
            tables.trim(),
            "README.md's key section differs from the key map; replace it with:\n{tables}"
        );
    }

    /// The text between the line that starts with `start` and the line `end`.
    fn readme_section<'a>(readme: &'a str, start: &str, end: &str) -> Option<&'a str> {
        let from = readme.find(start)?;
        let body = from + readme[from..].find('\n')? + 1;
        let to = body + readme[body..].find(end)?;
        Some(&readme[body..to])
    }

    #[test]
    fn readme_section_sees_pasted_text() {
        let pasted = "<!-- keys: x -->\n| a |\nstack backtrace:\n<!-- end keys -->\n";
        assert_eq!(
            readme_section(pasted, "<!-- keys:", "<!-- end keys -->"),
            Some("| a |\nstack backtrace:\n")
        );
    }

    #[test]
    fn help_lists_every_binding_once() {
        let lines = lines(Lang::En);
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

    #[test]
    fn korean_help_has_the_same_shape_in_korean_words() {
        let en = lines(Lang::En);
        let ko = lines(Lang::Ko);
        assert_eq!(en.len(), ko.len());
        for (e, k) in en.iter().zip(&ko) {
            match (e, k) {
                (HelpLine::Heading(e), HelpLine::Heading(k)) => assert_ne!(e, k),
                (
                    HelpLine::Binding { keys: ek, text: et },
                    HelpLine::Binding { keys: kk, text: kt },
                ) => {
                    assert_eq!(ek, kk, "keys are named the same in both languages");
                    assert_ne!(et, kt, "{et:?} is not translated");
                }
                (HelpLine::Blank, HelpLine::Blank) => {}
                pair => panic!("lines differ in kind: {pair:?}"),
            }
        }
        assert!(ko.contains(&HelpLine::Binding {
            keys: "q Ctrl-C".into(),
            text: "종료",
        }));
    }
}
