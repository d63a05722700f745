//! The tables stay complete: every key map text has a Korean translation (and no stale one),
//! every Korean word is Korean, and the locale decides the language as POSIX says.

use super::*;
use crate::app::keymap::KEYMAP;
use std::collections::BTreeSet;

fn has_hangul(s: &str) -> bool {
    s.chars().any(|c| ('\u{ac00}'..='\u{d7a3}').contains(&c))
}

/// Every plain word of a table. The destructuring names every field (no `..`), so a field
/// added to [`Strings`] fails to compile here until it is listed and so checked.
fn words(s: &Strings) -> Vec<&'static str> {
    let Strings {
        code: _,
        untitled_corpus,
        timeline,
        detail,
        tab_names,
        status_markers,
        tab_switches,
        undated,
        empty_corpus,
        nothing_matches,
        no_text,
        no_related,
        related_heading,
        shares,
        help_title,
        help_footer,
        finder_title,
        finder_no_results,
        finder_searching,
        finder_indexing,
        finder_recent,
        preview_title,
        preview_nothing,
        all_kinds,
        status_nothing_to_copy,
        status_exported,
        status_export_failed,
        status_nothing_to_export,
        status_filter_cleared,
        status_search_cleared,
        status_no_filter,
        status_one_account,
        status_no_matches,
        status_no_search,
        status_no_citation,
        status_not_in_text,
        account,
        cited_source,
        citations,
        source_notes,
        text_keys_two,
        text_keys_sources,
        compare_keys,
        filter_year,
        filter_series,
        label_names,
        hint,
        across,
        context,
        kind,
        matrix,
        facet: _,
        heading: _,
        field: _,
        too_small: _,
        match_status: _,
        matches_elsewhere: _,
        counts: _,
        showing_account: _,
        compare_summary: _,
        only_in: _,
        status_history_start,
        status_history_end,
        more_below,
        loading_keys,
        loading: _,
        loading_step: _,
        loading_amount: _,
    } = s;
    let Hints {
        quit,
        help,
        find,
        pane,
        search,
        open,
        clear,
        copy,
        account: hint_account,
        compare,
        pick,
        close,
        kind: hint_kind,
        next,
        previous,
        keep,
        cancel,
        scroll,
        more,
    } = hint;
    let Contexts {
        browse,
        detail: context_detail,
        finder,
        search: context_search,
        help: context_help,
        corpus_search: context_corpus_search,
        matrix: context_matrix,
    } = context;
    let SearchCopyWords {
        title: across_title,
        prompt_help,
        no_hits,
        hits: _,
        hit_status: _,
        copied: _,
        to_osc52,
        to_tmux,
        to_file,
        copy_failed,
    } = across;
    let MatrixWords {
        title: matrix_title,
        topics: matrix_topics,
        not_recorded,
        empty: matrix_empty,
        via,
        both: _,
        only: _,
        other: matrix_other,
        open: matrix_open,
        close: matrix_close,
        hint: matrix_hint,
    } = matrix;
    let Kinds {
        topic,
        org,
        person,
        meeting,
        place,
        topics,
        orgs,
        people,
        meetings,
        places,
    } = kind;
    let mut out = vec![
        *loading_keys,
        *untitled_corpus,
        *timeline,
        *detail,
        *tab_switches,
        *undated,
        *empty_corpus,
        *nothing_matches,
        *no_text,
        *no_related,
        *related_heading,
        *shares,
        *help_title,
        *help_footer,
        *finder_title,
        *finder_no_results,
        *finder_searching,
        *finder_indexing,
        *finder_recent,
        *preview_title,
        *preview_nothing,
        *all_kinds,
        *status_nothing_to_copy,
        *status_exported,
        *status_export_failed,
        *status_nothing_to_export,
        *status_filter_cleared,
        *status_search_cleared,
        *status_no_filter,
        *status_one_account,
        *status_no_matches,
        *status_no_search,
        *status_no_citation,
        *status_not_in_text,
        *account,
        *cited_source,
        *citations,
        *source_notes,
        *text_keys_two,
        *text_keys_sources,
        *compare_keys,
        *filter_year,
        *filter_series,
        *label_names,
        *quit,
        *help,
        *find,
        *pane,
        *search,
        *open,
        *clear,
        *copy,
        *hint_account,
        *compare,
        *pick,
        *close,
        *hint_kind,
        *next,
        *previous,
        *keep,
        *cancel,
        *scroll,
        *more,
        *status_history_start,
        *status_history_end,
        *more_below,
        *browse,
        *context_detail,
        *finder,
        *context_search,
        *context_help,
        *context_corpus_search,
        *across_title,
        *prompt_help,
        *no_hits,
        *to_osc52,
        *to_tmux,
        *to_file,
        *copy_failed,
        *context_matrix,
        *matrix_title,
        *matrix_topics,
        *not_recorded,
        *matrix_empty,
        *via,
        *matrix_other,
        *matrix_open,
        *matrix_close,
        *matrix_hint,
        *topic,
        *org,
        *person,
        *meeting,
        *place,
        *topics,
        *orgs,
        *people,
        *meetings,
        *places,
    ];
    out.extend(tab_names);
    out.extend(status_markers);
    out
}

#[test]
fn every_korean_word_is_korean_and_no_word_is_empty() {
    let en = words(Lang::En.strings());
    let ko = words(Lang::Ko.strings());
    assert_eq!(en.len(), ko.len());
    for (e, k) in en.iter().zip(&ko) {
        assert!(
            !e.trim().is_empty() && !k.trim().is_empty(),
            "{e:?} / {k:?}"
        );
        assert!(has_hangul(k), "{e:?} is not translated: {k:?}");
        assert!(!has_hangul(e), "Korean in the English table: {e:?}");
    }
}

#[test]
fn every_key_map_text_has_one_korean_translation_and_none_is_stale() {
    let keymap: BTreeSet<&str> = KEYMAP.iter().map(|b| b.help).collect();
    let table: Vec<&str> = ko::KEY_HELP.iter().map(|(en, _)| *en).collect();
    let translated: BTreeSet<&str> = table.iter().copied().collect();
    assert_eq!(table.len(), translated.len(), "a text is translated twice");
    let missing: Vec<_> = keymap.difference(&translated).collect();
    let stale: Vec<_> = translated.difference(&keymap).collect();
    assert!(
        missing.is_empty(),
        "key map texts without Korean: {missing:?}"
    );
    assert!(
        stale.is_empty(),
        "Korean for texts the key map lacks: {stale:?}"
    );
    for (en, ko) in ko::KEY_HELP {
        assert!(has_hangul(ko), "{en:?} is not translated: {ko:?}");
        assert_eq!(key_help(Lang::Ko, en), *ko);
        assert_eq!(key_help(Lang::En, en), *en);
    }
}

#[test]
fn labels_and_headings_exist_for_the_same_fields_in_both_languages() {
    use crate::facts::{Field, Heading};
    let headings = [
        Heading::Key,
        Heading::Participants,
        Heading::Organisations,
        Heading::Observers,
        Heading::CoLocated,
        Heading::Topics,
        Heading::Outcomes,
        Heading::NextMeeting,
        Heading::Notes,
        Heading::Accounts,
        Heading::Description,
    ];
    for h in headings {
        assert!(has_hangul((Lang::Ko.strings().heading)(h)), "{h:?}");
        assert_eq!((Lang::En.strings().heading)(h), h.label());
    }
    for f in [
        Field::Date,
        Field::Place,
        Field::Format,
        Field::Series,
        Field::Name,
        Field::Kind,
        Field::Head,
        Field::Topic,
        Field::Account,
        Field::Note,
    ] {
        let (en, ko) = ((Lang::En.strings().field)(f), (Lang::Ko.strings().field)(f));
        assert_eq!(en.is_some(), ko.is_some(), "{f:?}");
        assert!(ko.is_none_or(has_hangul), "{f:?}: {ko:?}");
    }
    for facet in crate::corpus::Facet::ALL {
        assert!(has_hangul((Lang::Ko.strings().facet)(facet)));
    }
}

#[test]
fn phrases_carry_their_numbers_and_names_in_both_languages() {
    for lang in Lang::ALL {
        let t = lang.strings();
        let s = (t.compare_summary)("EU", 2, "ROK", 7);
        assert!(s.contains("EU") && s.contains('2') && s.contains("ROK") && s.contains('7'));
        let s = (t.too_small)(40, 8, 30, 5);
        assert!(s.contains("40x8") && s.contains("30x5"), "{s}");
        assert!((t.counts)(3, 11).contains('3') && (t.counts)(3, 11).contains("11"));
        assert!((t.match_status)(2, 5).contains('2') && (t.match_status)(2, 5).contains('5'));
        assert!((t.only_in)("ROK").contains("ROK"));
        assert!((t.showing_account)("EU account").contains("EU account"));
    }
    assert_eq!((Lang::Ko.strings().counts)(3, 11), "11개 중 3개");
}

#[test]
fn the_locale_picks_korean_by_posix_precedence() {
    let ko = Some("ko_KR.UTF-8");
    let en = Some("en_GB.UTF-8");
    assert_eq!(Lang::from_locale(None, None, ko), Lang::Ko);
    assert_eq!(Lang::from_locale(None, None, Some("ko")), Lang::Ko);
    assert_eq!(Lang::from_locale(None, None, Some("ko_KR")), Lang::Ko);
    assert_eq!(Lang::from_locale(None, ko, en), Lang::Ko);
    assert_eq!(Lang::from_locale(en, ko, ko), Lang::En);
    assert_eq!(Lang::from_locale(Some(""), None, ko), Lang::Ko);
    assert_eq!(Lang::from_locale(None, None, None), Lang::En);
    assert_eq!(Lang::from_locale(None, None, Some("C")), Lang::En);
    assert_eq!(Lang::from_locale(None, None, Some("kok_IN")), Lang::En);
}
