//! A one-line text input (the finder's query, the search prompt): editing by character and
//! word, a byte cursor that always sits on a character boundary, and the part of the text a
//! field of a given width shows ([`LineInput::view`]): a text longer than the field scrolls
//! sideways so the cursor stays in view, as in a shell.

use crate::text::display_width;

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct LineInput {
    text: String,
    /// Byte offset, always on a char boundary.
    cursor: usize,
}

impl LineInput {
    pub fn text(&self) -> &str {
        &self.text
    }

    pub fn cursor(&self) -> usize {
        self.cursor
    }

    /// Display columns before the cursor (where the terminal cursor goes).
    pub fn cursor_column(&self) -> usize {
        display_width(self.text.get(..self.cursor).unwrap_or(""))
    }

    /// What a field `width` columns wide shows: the slice of the text, and the cursor's column
    /// in it. A text that fits shows whole; a longer one starts as late as it must for the
    /// cursor (and the cell it stands on) to be in view, so typing at the end keeps the newest
    /// characters visible and Home shows the start again.
    pub fn view(&self, width: usize) -> (&str, usize) {
        let width = width.max(1);
        if display_width(&self.text) < width {
            return (&self.text, self.cursor_column());
        }
        // The cursor's own cell needs a column: everything before it gets width - 1.
        let room = width - 1;
        let mut start = 0;
        for (i, _) in self.text[..self.cursor].char_indices() {
            start = i;
            if display_width(&self.text[i..self.cursor]) <= room {
                break;
            }
        }
        if display_width(&self.text[start..self.cursor]) > room {
            start = self.cursor;
        }
        let before = display_width(&self.text[start..self.cursor]);
        let mut end = start;
        let mut used = 0;
        for c in self.text[start..].chars() {
            let w = display_width(c.encode_utf8(&mut [0; 4]));
            if used + w > width {
                break;
            }
            used += w;
            end += c.len_utf8();
        }
        (&self.text[start..end], before)
    }

    /// Replaces the text and puts the cursor at its end.
    pub fn set(&mut self, text: &str) {
        self.text = text.to_string();
        self.cursor = self.text.len();
    }

    pub fn insert(&mut self, c: char) {
        if c.is_control() {
            return;
        }
        self.text.insert(self.cursor, c);
        self.cursor += c.len_utf8();
    }

    /// Inserts pasted text on one line (line breaks and controls become nothing or spaces).
    pub fn insert_str(&mut self, s: &str) {
        for c in s.chars() {
            match c {
                '\n' | '\r' | '\t' => self.insert(' '),
                c => self.insert(c),
            }
        }
    }

    fn prev_boundary(&self) -> usize {
        self.text[..self.cursor]
            .char_indices()
            .next_back()
            .map_or(0, |(i, _)| i)
    }

    fn next_boundary(&self) -> usize {
        self.text[self.cursor..]
            .chars()
            .next()
            .map_or(self.cursor, |c| self.cursor + c.len_utf8())
    }

    pub fn backspace(&mut self) {
        let start = self.prev_boundary();
        self.text.replace_range(start..self.cursor, "");
        self.cursor = start;
    }

    pub fn delete(&mut self) {
        let end = self.next_boundary();
        self.text.replace_range(self.cursor..end, "");
    }

    /// Deletes the word before the cursor and the spaces after it (like Ctrl-W in a shell).
    pub fn delete_word(&mut self) {
        let before = &self.text[..self.cursor];
        let trimmed = before.trim_end();
        let start = trimmed
            .char_indices()
            .rev()
            .find(|(_, c)| c.is_whitespace())
            .map_or(0, |(i, c)| i + c.len_utf8());
        self.text.replace_range(start..self.cursor, "");
        self.cursor = start;
    }

    pub fn clear(&mut self) {
        self.text.clear();
        self.cursor = 0;
    }

    pub fn left(&mut self) {
        self.cursor = self.prev_boundary();
    }

    pub fn right(&mut self) {
        self.cursor = self.next_boundary();
    }

    pub fn home(&mut self) {
        self.cursor = 0;
    }

    pub fn end(&mut self) {
        self.cursor = self.text.len();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn edits_by_character_with_multibyte_text() {
        let mut i = LineInput::default();
        for c in "사이버 x".chars() {
            i.insert(c);
        }
        assert_eq!(i.cursor_column(), 8);
        i.left();
        i.left();
        i.backspace();
        assert_eq!(i.text(), "사이 x");
        i.delete();
        assert_eq!(i.text(), "사이x");
        i.home();
        i.backspace();
        i.end();
        i.right();
        assert_eq!(i.cursor(), i.text().len());
    }

    #[test]
    fn a_long_query_scrolls_to_keep_the_cursor_in_view() {
        let mut i = LineInput::default();
        i.set("short");
        assert_eq!(i.view(10), ("short", 5));
        i.set("diplomatic responses to malicious cyber activities");
        // At the end: the newest characters show, the cursor in the last column.
        assert_eq!(i.view(12), (" activities", 11));
        // Home: the start again.
        i.home();
        assert_eq!(i.view(12), ("diplomatic r", 0));
        // In the middle, after moving right: the cursor is still in view.
        for _ in 0..20 {
            i.right();
        }
        assert_eq!(i.view(12), ("c responses ", 11));
        // Wide characters count two columns.
        i.set("사이버 보안 사이버 보안");
        assert_eq!(i.view(8), ("버 보안", 7));
    }

    #[test]
    fn delete_word_and_clear() {
        let mut i = LineInput::default();
        i.set("counter ransom  ");
        i.delete_word();
        assert_eq!(i.text(), "counter ");
        i.delete_word();
        assert_eq!(i.text(), "");
        i.delete_word();
        i.insert_str("a\nb\u{1b}");
        assert_eq!(i.text(), "a b");
        i.clear();
        assert_eq!((i.text(), i.cursor()), ("", 0));
    }
}
