//! Escaping of untrusted text quoted in one-line messages (ids, file names, paths).
//!
//! Where [`super::sanitize_line`] removes what a terminal would act on, a message that names a
//! record or a file must still let the reader find it: its control characters are shown as
//! escapes (`\n`, `\u{1b}`) instead, so the message stays on one line and inert.

use std::borrow::Cow;

/// Characters written as an escape: C0 controls, DEL, C1 controls, bidi marks, embeddings,
/// overrides and isolates, and the Unicode line and paragraph separators.
fn needs_escape(c: char) -> bool {
    c < ' '
        || ('\u{7f}'..='\u{9f}').contains(&c)
        || matches!(
            c,
            '\u{61c}' | '\u{200e}' | '\u{200f}' | '\u{2028}'..='\u{202e}' | '\u{2066}'..='\u{2069}'
        )
}

/// `s` with every control character (see [`needs_escape`]) shown as `\n`, `\r`, `\t` or
/// `\u{XX}`; borrowed when there is none (the common case).
pub fn escape_controls(s: &str) -> Cow<'_, str> {
    if !s.chars().any(needs_escape) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        match c {
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if needs_escape(c) => out.push_str(&format!("\\u{{{:x}}}", u32::from(c))),
            c => out.push(c),
        }
    }
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn controls_become_visible_escapes_on_one_line() {
        assert_eq!(escape_controls("m1\nfake: ok"), "m1\\nfake: ok");
        assert_eq!(
            escape_controls("/tmp/\x1b]0;pwn\x07.json"),
            "/tmp/\\u{1b}]0;pwn\\u{7}.json"
        );
        assert_eq!(
            escape_controls("a\u{202e}b\u{9b}c\td"),
            "a\\u{202e}b\\u{9b}c\\td"
        );
        assert!(matches!(escape_controls("plain 한국 é"), Cow::Borrowed(_)));
    }
}
