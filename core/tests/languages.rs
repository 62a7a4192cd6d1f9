#![allow(clippy::panic)]
//! The one list of the widget's languages: what the configurator, the plugin and the view rely
//! on in it.

use std::collections::HashSet;
use thing_prompts_core::languages::{wordpress_locales, LANGUAGES};

#[test]
fn tags_are_lower_case_primary_tags_each_once() {
    let mut seen = HashSet::new();
    for language in LANGUAGES {
        let tag = language.tag;
        assert!(
            (2..=3).contains(&tag.len()) && tag.bytes().all(|b| b.is_ascii_lowercase()),
            "{tag:?} is not a primary language tag such as \"fr\""
        );
        assert!(seen.insert(tag), "{tag} is listed twice");
    }
}

#[test]
fn each_language_has_its_own_name() {
    let mut seen = HashSet::new();
    for language in LANGUAGES {
        assert!(
            !language.name.trim().is_empty(),
            "{} has no name",
            language.tag
        );
        assert!(
            seen.insert(language.name),
            "{} is named twice",
            language.name
        );
    }
}

/// English comes first (the widget's fallback, and the plugin's strings are written in it);
/// every other language has the WordPress locale the plugin's translation is made for, which
/// starts with its tag.
#[test]
fn english_first_and_every_other_language_with_its_wordpress_locale() {
    let Some((english, others)) = LANGUAGES.split_first() else {
        panic!("no language at all");
    };
    assert_eq!(english.tag, "en");
    assert_eq!(english.wordpress_locale, None);
    for language in others {
        let locale = language.wordpress_locale.unwrap_or_default();
        let region = locale
            .strip_prefix(language.tag)
            .and_then(|rest| rest.strip_prefix('_'));
        assert!(
            region.is_some_and(|r| r.len() == 2 && r.bytes().all(|b| b.is_ascii_uppercase())),
            "{}: {locale:?} is not a WordPress locale such as \"{}_XX\"",
            language.tag,
            language.tag
        );
    }
    // The plugin ships one translation for each language but English, and none twice.
    let locales: HashSet<&str> = wordpress_locales().collect();
    assert_eq!(locales.len(), LANGUAGES.len() - 1, "{locales:?}");
}
