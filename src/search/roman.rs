//! Romanisation variants of Korean names: the surname spellings users type (Lee/Yi/Rhee,
//! Park/Pak, Choi/Choe, Kang/Gang, Youn/Yoon/Yun, Gunn/Geon/Gun) mapped to one spelling, on the
//! query and on people's keys alike. Hyphens and spaces inside a name are handled by the query
//! (split on hyphens) and the ranking (words compared joined), not here.

/// Folded spelling → the one spelling it is compared as.
const SPELLINGS: &[(&str, &str)] = &[
    ("yi", "lee"),
    ("rhee", "lee"),
    ("pak", "park"),
    ("choe", "choi"),
    ("gang", "kang"),
    ("youn", "yoon"),
    ("yun", "yoon"),
    ("geon", "gunn"),
    ("gun", "gunn"),
];

/// The spelling a folded word is compared as (itself unless it is a listed variant).
pub(crate) fn canonical_word(word: &str) -> &str {
    SPELLINGS
        .iter()
        .find(|(variant, _)| *variant == word)
        .map_or(word, |(_, canonical)| canonical)
}

/// `folded` with every listed variant word replaced, and for each char of the result the char
/// index in `folded` it stands for (a replaced word's chars point into that word).
pub(crate) fn canonical_with_map(folded: &str) -> (String, Vec<usize>) {
    let mut out = String::with_capacity(folded.len());
    let mut map = Vec::with_capacity(folded.len());
    let chars: Vec<char> = folded.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        if !chars[i].is_alphanumeric() {
            out.push(chars[i]);
            map.push(i);
            i += 1;
            continue;
        }
        let start = i;
        while i < chars.len() && chars[i].is_alphanumeric() {
            i += 1;
        }
        let word: String = chars[start..i].iter().collect();
        let canonical = canonical_word(&word);
        for (j, c) in canonical.chars().enumerate() {
            out.push(c);
            map.push(start + j.min(i - start - 1));
        }
    }
    (out, map)
}

/// `folded` with every listed variant word replaced: [`canonical_with_map`]'s text, built from
/// slices of `folded` without the map, a char list or a string per word (the finder's index
/// calls it for every key it holds).
pub(crate) fn canonical(folded: &str) -> String {
    let mut out = String::with_capacity(folded.len());
    let mut rest = folded;
    while let Some(start) = rest.find(char::is_alphanumeric) {
        out.push_str(&rest[..start]);
        let word_on = &rest[start..];
        let end = word_on
            .find(|c: char| !c.is_alphanumeric())
            .unwrap_or(word_on.len());
        out.push_str(canonical_word(&word_on[..end]));
        rest = &word_on[end..];
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn maps_surname_spellings_both_ways() {
        assert_eq!(canonical("youn jong kwon"), "yoon jong kwon");
        assert_eq!(canonical("yun jong-kwon"), "yoon jong-kwon");
        assert_eq!(canonical("kim geon"), canonical("kim gunn"));
        assert_eq!(canonical("rhee"), canonical("yi"));
        assert_eq!(canonical("pak choe gang"), "park choi kang");
        // Only whole words: "young" and "gunnar" stay.
        assert_eq!(canonical("young gunnar"), "young gunnar");
        let (text, map) = canonical_with_map("yi x");
        assert_eq!(text, "lee x");
        assert_eq!(map, vec![0, 1, 1, 2, 3]);
    }

    proptest::proptest! {
        /// The map-free form gives the text of the mapped one, on any text: words from the
        /// list, Korean, punctuation, digits and accents among them.
        #[test]
        fn canonical_is_the_text_of_canonical_with_map(
            words in proptest::collection::vec(
                proptest::prop_oneof![
                    proptest::sample::select(vec![
                        "yi", "youn", "gunn", "rhee", "pak", "국가정보원", "é", "-", " ", "3rd",
                    ]),
                    proptest::prelude::Just("x"),
                ],
                0..12,
            ),
            noise in "\\PC{0,8}",
        ) {
            let text = format!("{}{noise}", words.concat());
            proptest::prop_assert_eq!(canonical(&text), canonical_with_map(&text).0);
        }
    }
}
