//! The text of a file to import: checked (not empty, not binary, UTF-8, under the cap),
//! converted from HTML when it is HTML (by `html2text`), and cut into cleaned paragraphs.

use crate::corpus::load::MAX_FILE_BYTES;

/// Why a file cannot be imported. Each says what was wrong and what was expected.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InputError(pub String);

impl std::fmt::Display for InputError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for InputError {}

/// A text ready for detection.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Text {
    /// The text as read (HTML converted to plain text), kept as the source's `raw`.
    pub raw: String,
    /// Lines before the first paragraph: a headline, a date line, a byline.
    pub head: Vec<String>,
    /// Cleaned paragraphs, numbered from 1 in citations.
    pub paragraphs: Vec<String>,
    /// The HTML `<title>`, or the first heading line.
    pub title: Option<String>,
    pub was_html: bool,
}

/// A line shorter than this with no full stop is a heading, not a paragraph.
const HEADING_CHARS: usize = 80;

/// Reads bytes into a [`Text`], refusing what is not a text to import.
pub fn read(bytes: &[u8]) -> Result<Text, InputError> {
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(InputError(format!(
            "the input is {} bytes, over the corpus limit of {} MiB; expected one press release",
            bytes.len(),
            MAX_FILE_BYTES / (1024 * 1024)
        )));
    }
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(InputError(
            "the input is empty; expected the text of a press release (plain text or HTML)".into(),
        ));
    }
    if bytes.contains(&0) {
        return Err(InputError(
            "the input is binary (it holds NUL bytes); expected plain text or a saved HTML page"
                .into(),
        ));
    }
    let text = std::str::from_utf8(bytes).map_err(|e| {
        InputError(format!(
            "the input is not valid UTF-8: bad byte at byte offset {}; expected UTF-8 text \
             (re-save the file as UTF-8)",
            e.valid_up_to()
        ))
    })?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let (plain, title, was_html) = if looks_like_html(text) {
        let plain = html_to_text(text)?;
        (plain, html_title(text), true)
    } else {
        (text.replace("\r\n", "\n"), None, false)
    };
    let (head, paragraphs) = split(&plain);
    if paragraphs.is_empty() {
        let what = if was_html {
            "the HTML page"
        } else {
            "the text"
        };
        return Err(InputError(format!(
            "{what} holds no paragraph of text (only headings or markup); expected the body \
             of a press release"
        )));
    }
    let title = title.or_else(|| head.first().cloned());
    Ok(Text {
        raw: plain.trim().to_string(),
        head,
        paragraphs,
        title,
        was_html,
    })
}

fn looks_like_html(text: &str) -> bool {
    let start: String = text.trim_start().chars().take(512).collect();
    let start = start.to_ascii_lowercase();
    start.starts_with("<!doctype html")
        || start.starts_with("<html")
        || start.starts_with("<head")
        || start.starts_with("<body")
        || start.starts_with("<p>")
        || start.starts_with("<div")
        || start.starts_with("<h1")
}

fn html_to_text(html: &str) -> Result<String, InputError> {
    html2text::config::plain()
        .link_footnotes(false)
        .string_from_read(html.as_bytes(), 100_000)
        .map_err(|e| InputError(format!("cannot read the HTML page: {e}")))
}

/// The text of the page's `<title>` element, converted as the body is (entities decoded).
fn html_title(html: &str) -> Option<String> {
    let lower = html.to_ascii_lowercase();
    let start = lower.find("<title")?;
    let open_end = start + lower[start..].find('>')? + 1;
    let close = open_end + lower[open_end..].find("</title>")?;
    let inner = html.get(open_end..close)?;
    let text = html_to_text(&format!("<p>{inner}</p>")).ok()?;
    let text = collapse(&text);
    (!text.is_empty()).then_some(text)
}

/// Splits plain text into the head (heading lines before the first paragraph) and the
/// paragraphs: blocks separated by blank lines, or numbered lines ("1. …"), with whitespace
/// collapsed, list markers and numbering removed, headings and "Go to Top" links left out.
fn split(plain: &str) -> (Vec<String>, Vec<String>) {
    let mut blocks: Vec<String> = Vec::new();
    let mut current = String::new();
    for line in plain.lines() {
        let trimmed = line.trim();
        let numbered = numbered_line(trimmed);
        if trimmed.is_empty() || numbered.is_some() {
            if !current.trim().is_empty() {
                blocks.push(collapse(&current));
            }
            current.clear();
        }
        match numbered {
            Some(rest) => current.push_str(rest),
            None => {
                current.push(' ');
                current.push_str(trimmed.trim_start_matches(['*', '-', '•']).trim_start());
            }
        }
    }
    if !current.trim().is_empty() {
        blocks.push(collapse(&current));
    }
    let mut head = Vec::new();
    let mut paragraphs = Vec::new();
    for block in blocks {
        if is_paragraph(&block) {
            paragraphs.push(block);
        } else if paragraphs.is_empty() {
            head.push(block);
        }
    }
    (head, paragraphs)
}

/// "1. The 7th …" → "The 7th …".
fn numbered_line(line: &str) -> Option<&str> {
    let digits = line.bytes().take_while(u8::is_ascii_digit).count();
    if digits == 0 || digits > 3 {
        return None;
    }
    line[digits..].strip_prefix(". ").map(str::trim_start)
}

fn is_paragraph(block: &str) -> bool {
    let sentence = block.ends_with(['.', '"', '”', '’', ')']) || block.contains(". ");
    sentence && block.chars().count() >= 30 || block.chars().count() >= HEADING_CHARS
}

pub(crate) fn collapse(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bad_inputs_are_refused_with_what_was_wrong() {
        let error = |b: &[u8]| read(b).unwrap_err().0;
        assert!(error(b"").contains("empty"));
        assert!(error(b" \n\t").contains("empty"));
        assert!(error(b"ab\0cd").contains("binary"));
        assert!(error(b"caf\xe9 au lait, a sentence of some length.").contains("UTF-8"));
        assert!(error(b"<html><body><h1>Title</h1></body></html>").contains("HTML page"));
    }

    #[test]
    fn html_becomes_paragraphs_and_a_title() {
        let html = "<!DOCTYPE html><html><head><title>EU &amp; Korea meet</title></head><body>\
            <h1>EU &amp; Korea meet</h1><p>On 20 May 2025 the EU and the Republic of Korea \
            met in Seoul.</p><p>They talked about ransomware at some length.</p></body></html>";
        let text = read(html.as_bytes()).expect("reads");
        assert!(text.was_html);
        assert_eq!(text.title.as_deref(), Some("EU & Korea meet"));
        assert_eq!(text.paragraphs.len(), 2, "{:?}", text.paragraphs);
        assert!(text.paragraphs[0].starts_with("On 20 May 2025"));
    }

    #[test]
    fn numbered_lines_are_paragraphs_without_their_numbers() {
        let text = read(b"Headline\n\n1. The first point is made here at length.\n2. The second point is made here at length.\n").expect("reads");
        assert_eq!(text.head, vec!["Headline".to_string()]);
        assert_eq!(
            text.paragraphs,
            vec![
                "The first point is made here at length.".to_string(),
                "The second point is made here at length.".to_string()
            ]
        );
    }
}
