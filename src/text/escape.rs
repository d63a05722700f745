//! Untrusted text quoted in one-line messages (ids, file names, paths).
//!
//! A message that names a record or a file must stay on one line and inert, and still let the
//! reader find what it names: line breaks and tabs are shown as escapes (`\n`, `\t`), so a
//! newline in an id cannot start a line that looks like another message, and the rest is
//! [`super::sanitize_line`]d (escape sequences removed whole, other controls dropped).

use std::borrow::Cow;

use super::sanitize_line_cow;

/// Characters shown as an escape rather than removed.
fn shown_escaped(c: char) -> bool {
    matches!(
        c,
        '\n' | '\r' | '\t' | '\u{b}' | '\u{c}' | '\u{85}' | '\u{2028}' | '\u{2029}'
    )
}

/// `s` on one line and safe to print: line breaks and tabs as `\n`, `\r`, `\t` or `\u{XX}`,
/// escape sequences and other controls removed; borrowed when clean (the common case).
pub fn escape_controls(s: &str) -> Cow<'_, str> {
    if !s.chars().any(shown_escaped) {
        return sanitize_line_cow(s);
    }
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        match c {
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if shown_escaped(c) => out.push_str(&format!("\\u{{{:x}}}", u32::from(c))),
            c => out.push(c),
        }
    }
    Cow::Owned(sanitize_line_cow(&out).into_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_breaks_show_as_escapes_and_sequences_go() {
        assert_eq!(escape_controls("m1\nfake: ok"), "m1\\nfake: ok");
        assert_eq!(escape_controls("/tmp/\x1b]0;pwn\x07.json"), "/tmp/.json");
        assert_eq!(escape_controls("a\u{202e}b\u{9b}31mc\td"), "abc\\td");
        assert_eq!(escape_controls("a\r\nb\u{2028}"), "a\\r\\nb\\u{2028}");
        assert!(matches!(escape_controls("plain 한국 é"), Cow::Borrowed(_)));
    }
}
