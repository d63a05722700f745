//! Display width, word wrapping and truncation of clean (already sanitised) text.
//!
//! Wrapping returns byte ranges of the input instead of new strings, so a caller can lay
//! search-match byte ranges over the wrapped lines without re-measuring anything.

use std::ops::Range;

use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

const ELLIPSIS: char = '…';

/// Columns the text takes on a terminal (Hangul and CJK count two).
pub fn display_width(s: &str) -> usize {
    // Printable ASCII, most of the corpus and of the interface, is one column a byte: counted
    // without the Unicode tables (a frame measures a few thousand characters).
    if printable_ascii(s) {
        return s.len();
    }
    s.width()
}

/// Whether every character of `s` is printable ASCII (one column each).
fn printable_ascii(s: &str) -> bool {
    s.bytes().all(|b| (b' '..=b'~').contains(&b))
}

/// Where a line may break: spaces, but not the no-break ones.
fn is_break_space(c: char) -> bool {
    c.is_whitespace() && !matches!(c, '\u{a0}' | '\u{2007}' | '\u{202f}')
}

/// Splits `s` into the smallest pieces a line may be cut between: a character together with
/// the zero-width characters after it (combining marks, variation selectors, joiners), so a
/// cut never separates an accent from its letter.
fn units(s: &str) -> impl Iterator<Item = (usize, usize)> + '_ {
    let mut iter = s.char_indices().peekable();
    std::iter::from_fn(move || {
        let (start, first) = iter.next()?;
        let mut end = start + first.len_utf8();
        while let Some(&(i, c)) = iter.peek() {
            if c.width().unwrap_or(0) != 0 {
                break;
            }
            end = i + c.len_utf8();
            iter.next();
        }
        Some((start, end))
    })
}

/// Word-wraps `s` to `width` display columns and returns the byte range of each line.
///
/// Lines break at spaces (the spaces at a break belong to no line); a word wider than the line
/// is cut between characters. Leading spaces of the text stay on the first line. A character
/// wider than `width` (Hangul at width 1) gets a line of its own rather than being lost.
/// An empty (or all-space) text gives one empty line; width 0 gives no lines.
pub fn wrap(s: &str, width: usize) -> Vec<Range<usize>> {
    if width == 0 {
        return Vec::new();
    }
    let mut lines = Vec::new();
    // The line being filled: it starts at `start`, its content so far ends at `end`.
    let mut start = 0;
    let mut end = 0;
    let mut used = 0;
    let mut has_content = false;
    // Where the run of spaces before the next word began (to measure the gap).
    let mut gap_start = 0;
    for (word_start, word_end) in words(s) {
        let gap = display_width(&s[gap_start.max(end)..word_start]);
        let word = display_width(&s[word_start..word_end]);
        if has_content && used + gap + word <= width {
            used += gap + word;
            end = word_end;
        } else {
            if has_content {
                lines.push(start..end);
                start = word_start;
                used = 0;
            } else {
                // Only the first line keeps what precedes its first word (indentation),
                // and only while that leaves room for something else.
                used = display_width(&s[start..word_start]);
                if used >= width {
                    start = word_start;
                    used = 0;
                }
            }
            if used + word <= width {
                used += word;
                end = word_end;
            } else {
                let (piece_start, piece_used) =
                    break_word(s, start, word_start, word_end, used, width, &mut lines);
                start = piece_start;
                used = piece_used;
                end = word_end;
            }
            has_content = true;
        }
        gap_start = word_end;
    }
    if has_content {
        lines.push(start..end);
    } else {
        lines.push(0..0);
    }
    lines
}

/// Cuts an over-long word (with whatever the line already holds before `word_start`) into
/// full lines, pushes them, and returns the start and width of the last, partial piece.
fn break_word(
    s: &str,
    line_start: usize,
    word_start: usize,
    word_end: usize,
    mut used: usize,
    width: usize,
    lines: &mut Vec<Range<usize>>,
) -> (usize, usize) {
    let mut start = line_start;
    let mut filled = line_start < word_start;
    let mut piece_end = word_start;
    for (unit_start, unit_end) in units(&s[word_start..word_end]) {
        let (unit_start, unit_end) = (word_start + unit_start, word_start + unit_end);
        let w = display_width(&s[unit_start..unit_end]);
        if filled && used + w > width {
            lines.push(start..piece_end);
            start = unit_start;
            used = 0;
        }
        used += w;
        piece_end = unit_end;
        filled = true;
    }
    (start, used)
}

/// Byte ranges of the maximal runs of non-space characters.
fn words(s: &str) -> impl Iterator<Item = (usize, usize)> + '_ {
    let mut iter = s.char_indices().peekable();
    std::iter::from_fn(move || {
        while let Some(&(_, c)) = iter.peek() {
            if !is_break_space(c) {
                break;
            }
            iter.next();
        }
        let (start, first) = iter.next()?;
        let mut end = start + first.len_utf8();
        while let Some(&(i, c)) = iter.peek() {
            if is_break_space(c) {
                break;
            }
            end = i + c.len_utf8();
            iter.next();
        }
        Some((start, end))
    })
}

/// `s` followed by spaces up to `width` display columns (`format!("{s:<width$}")` counts
/// `char`s, which leaves Hangul rows twice as wide as meant); a wider `s` is kept whole.
pub fn pad(s: &str, width: usize) -> String {
    let mut out = String::with_capacity(s.len() + width);
    out.push_str(s);
    out.extend(std::iter::repeat_n(
        ' ',
        width.saturating_sub(display_width(s)),
    ));
    out
}

/// `s` cut to `width` display columns (with "…") and padded to exactly `width`: one column
/// of a table.
pub fn fit(s: &str, width: usize) -> String {
    pad(&truncate(s, width), width)
}

/// Cuts `s` to at most `width` display columns, ending with "…" when something was cut.
pub fn truncate(s: &str, width: usize) -> String {
    if display_width(s) <= width {
        return s.to_owned();
    }
    if width == 0 {
        return String::new();
    }
    let budget = width - ELLIPSIS.width().unwrap_or(1);
    let end = if printable_ascii(s) {
        // One column a byte, no zero-width characters: the first `budget` bytes.
        budget
    } else {
        let mut used = 0;
        let mut end = 0;
        for (start, unit_end) in units(s) {
            let w = display_width(&s[start..unit_end]);
            if used + w > budget {
                break;
            }
            used += w;
            end = unit_end;
        }
        end
    };
    let mut out = String::with_capacity(end + ELLIPSIS.len_utf8());
    out.push_str(s[..end].trim_end());
    out.push(ELLIPSIS);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::sanitize_line;
    use proptest::prelude::*;

    fn lines(s: &str, width: usize) -> Vec<&str> {
        wrap(s, width).into_iter().map(|r| &s[r]).collect()
    }

    #[test]
    fn wraps_at_spaces() {
        assert_eq!(
            lines("the quick brown fox jumps", 10),
            vec!["the quick", "brown fox", "jumps"]
        );
        assert_eq!(lines("exactly10c", 10), vec!["exactly10c"]);
        assert_eq!(lines("a  b", 10), vec!["a  b"]);
    }

    #[test]
    fn hangul_counts_two_columns() {
        // 사이버 (6 columns) + space + 대화 (4) = 11 columns.
        assert_eq!(lines("사이버 대화", 10), vec!["사이버", "대화"]);
        assert_eq!(lines("사이버 대화", 11), vec!["사이버 대화"]);
        assert_eq!(lines("사이버", 4), vec!["사이", "버"]);
        assert_eq!(lines("사이버", 1), vec!["사", "이", "버"]);
    }

    #[test]
    fn breaks_long_words_and_continues_after_them() {
        assert_eq!(lines("abcdefghij kl", 4), vec!["abcd", "efgh", "ij", "kl"]);
        assert_eq!(lines("ab abcdefg", 5), vec!["ab", "abcde", "fg"]);
    }

    #[test]
    fn keeps_accents_with_their_letters() {
        let s = "e\u{301}e\u{301}e\u{301}";
        assert_eq!(lines(s, 2), vec!["e\u{301}e\u{301}", "e\u{301}"]);
    }

    #[test]
    fn edge_widths_and_texts() {
        assert!(wrap("anything", 0).is_empty());
        assert_eq!(wrap("", 10), vec![0..0]);
        assert_eq!(wrap("   ", 10), vec![0..0]);
        assert_eq!(lines("  indented text", 20), vec!["  indented text"]);
        assert_eq!(lines("trailing   ", 20), vec!["trailing"]);
    }

    #[test]
    fn truncates_with_ellipsis() {
        assert_eq!(truncate("short", 10), "short");
        assert_eq!(truncate("exactly", 7), "exactly");
        assert_eq!(truncate("a longer text", 7), "a long…");
        assert_eq!(truncate("사이버 대화", 6), "사이…");
        assert_eq!(truncate("사이버", 4), "사…");
        assert_eq!(truncate("abc", 1), "…");
        assert_eq!(truncate("abc", 0), "");
        assert_eq!(truncate("사이버 대화 협의", 9), "사이버…");
    }

    #[test]
    fn pads_by_display_columns() {
        assert_eq!(pad("날짜", 8), "날짜    ");
        assert_eq!(pad("Date", 8), "Date    ");
        assert_eq!(pad("e\u{301}", 3), "e\u{301}  ");
        assert_eq!(pad("사이버 대화", 4), "사이버 대화");
        assert_eq!(fit("사이버 대화", 7), "사이버…");
        assert_eq!(display_width(&fit("사이버 대화", 7)), 7);
        assert_eq!(fit("사이버 대화 협의", 9), "사이버…  ");
    }

    proptest! {
        #[test]
        fn measures_and_cuts_of_ascii_are_the_general_ones(
            s in prop_oneof!["[ -~]{0,40}", "[ -~\t\u{7f}é가]{0,40}"],
            width in 0usize..45,
        ) {
            prop_assert_eq!(display_width(&s), s.width());
            // The general cut, as it was before printable ASCII was cut by bytes.
            let general = if s.width() <= width {
                s.clone()
            } else if width == 0 {
                String::new()
            } else {
                let budget = width - 1;
                let (mut used, mut end) = (0, 0);
                for (start, unit_end) in units(&s) {
                    let w = s[start..unit_end].width();
                    if used + w > budget {
                        break;
                    }
                    used += w;
                    end = unit_end;
                }
                format!("{}{ELLIPSIS}", s[..end].trim_end())
            };
            prop_assert_eq!(truncate(&s, width), general);
        }

        #[test]
        fn fit_is_exactly_the_width(s in any::<String>(), width in 1usize..30) {
            let s = sanitize_line(&s);
            let cell = fit(&s, width);
            prop_assert_eq!(display_width(&cell), width);
        }

        #[test]
        fn wrap_lines_are_ordered_cover_content_and_fit(
            raw in prop_oneof![
                "[a-z é한 \u{301}]{0,60}",
                "([a-zA-Z]{1,12} ){0,12}",
                any::<String>(),
            ],
            width in 0usize..30,
        ) {
            let s = sanitize_line(&raw);
            let ranges = wrap(&s, width);
            if width == 0 {
                prop_assert!(ranges.is_empty());
                return Ok(());
            }
            prop_assert!(!ranges.is_empty());
            let mut covered = vec![false; s.len()];
            let mut last_end = 0;
            for r in &ranges {
                prop_assert!(r.start >= last_end && r.start <= r.end, "{ranges:?}");
                prop_assert!(s.is_char_boundary(r.start) && s.is_char_boundary(r.end));
                last_end = r.end;
                covered[r.clone()].iter_mut().for_each(|b| *b = true);
                if width >= 2 {
                    prop_assert!(
                        display_width(&s[r.clone()]) <= width,
                        "line {:?} wider than {width}", &s[r.clone()]
                    );
                }
            }
            for (i, c) in s.char_indices() {
                if !is_break_space(c) {
                    prop_assert!(covered[i], "{c:?} at {i} not covered in {s:?}: {ranges:?}");
                }
            }
        }

        #[test]
        fn truncate_fits(s in any::<String>(), width in 0usize..20) {
            let s = sanitize_line(&s);
            let t = truncate(&s, width);
            prop_assert!(display_width(&t) <= width);
            if display_width(&s) <= width {
                prop_assert_eq!(&t, &s);
            } else if width > 0 {
                prop_assert!(t.ends_with(ELLIPSIS));
                prop_assert!(s.starts_with(t.trim_end_matches(ELLIPSIS)));
            }
        }
    }
}
