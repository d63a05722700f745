//! How a name in another language reads on every surface: the text with its language, and
//! whether it is sourced or conventional. Citations are added by the renderer, which keeps the
//! legend of sources.

use crate::corpus::Name;

/// What a reader sees of a conventional name in place of citations.
pub const CONVENTIONAL: &str = "conventional: no source of the corpus states it";

/// "국가정보원 (ko)", or "NIS (en; conventional: no source of the corpus states it)".
pub fn text(name: &Name) -> String {
    if name.conventional {
        format!("{} ({}; {CONVENTIONAL})", name.text, name.lang)
    } else {
        format!("{} ({})", name.text, name.lang)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::Citation;

    #[test]
    fn a_sourced_name_shows_its_language_and_a_conventional_one_says_so() {
        let sourced = Name {
            text: "국가정보원".into(),
            lang: "ko".into(),
            cite: vec![Citation::whole("s")],
            conventional: false,
        };
        assert_eq!(text(&sourced), "국가정보원 (ko)");
        let conventional = Name {
            text: "NIS".into(),
            lang: "en".into(),
            cite: vec![],
            conventional: true,
        };
        assert_eq!(
            text(&conventional),
            "NIS (en; conventional: no source of the corpus states it)"
        );
    }
}
