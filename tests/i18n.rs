#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)]
//! Interface strings: languages, plurals, numbers, dates, and an organiser's overrides.

mod common;

use thing_prompts::core::date::CivilDate;
use thing_prompts::core::embed::{RawEmbed, Theme};
use thing_prompts::core::languages::LANGUAGES;
use thing_prompts::view::i18n::{Arg, Label, LabelWarning, Labels, Lang};

/// Every language the view has words for.
const LANGS: [Lang; Lang::ALL.len()] = Lang::ALL;

fn date(text: &str) -> CivilDate {
    CivilDate::parse(text).unwrap()
}

/// The `{name}` and `{name|…}` placeholders a template uses, sorted.
#[cfg(feature = "extras")]
fn placeholders(template: &str) -> Vec<String> {
    let mut names: Vec<String> = template
        .split('{')
        .skip(1)
        .filter_map(|part| part.split_once('}'))
        .map(|(inside, _)| inside.split('|').next().unwrap().to_owned())
        .collect();
    names.sort();
    names.dedup();
    names
}

/// The view has words for exactly the languages of the core's list, in its order: a language
/// added to one and not the other fails here.
#[test]
fn the_view_speaks_the_languages_of_the_cores_list() {
    // The core's list to the view: each tag names a language with words.
    for language in LANGUAGES {
        let lang = Lang::from_tag(language.tag);
        assert_eq!(
            lang.map(Lang::tag),
            Some(language.tag),
            "{} ({}) is in core/src/languages.rs but Lang::from_tag (src/view/i18n.rs) does not know it",
            language.name,
            language.tag
        );
    }
    // The view to the core's list: each language with words is listed, once, in the same place.
    for (i, lang) in LANGS.into_iter().enumerate() {
        assert_eq!(
            LANGUAGES.get(i).map(|language| language.tag),
            Some(lang.tag()),
            "Lang::{lang:?} is not the language at place {i} of core/src/languages.rs"
        );
        assert_eq!(Lang::from_tag(lang.tag()), Some(lang));
    }
    assert_eq!(LANGS.len(), LANGUAGES.len());
}

/// The message for a language the widget does not speak names each one of the core's list
/// (written out in `LabelWarning`'s `Display`, so a language added to the list fails here until
/// the message names it).
#[test]
fn an_unknown_language_is_answered_with_the_languages_there_are() {
    let message = LabelWarning::UnknownLanguage("it".into()).to_string();
    let tags: Vec<&str> = LANGUAGES.iter().map(|l| l.tag).collect();
    let (last, others) = tags.split_last().unwrap();
    assert_eq!(
        message,
        format!(
            "data-lang=\"it\" is not a language the widget speaks: use {} or {last}. Showing English.",
            others.join(", ")
        )
    );
}

#[test]
fn language_tags() {
    for (tag, lang) in [
        ("en", Some(Lang::En)),
        ("en-GB", Some(Lang::En)),
        ("fr-CA", Some(Lang::Fr)),
        ("FR", Some(Lang::Fr)),
        ("de_AT", Some(Lang::De)),
        (" es-419 ", Some(Lang::Es)),
        ("it", None),
        ("", None),
        ("english", None),
    ] {
        assert_eq!(Lang::from_tag(tag), lang, "{tag:?}");
    }
}

// The words are the full module's: the lite build has none.
#[cfg(feature = "extras")]
#[test]
fn every_label_is_written_in_every_language_with_the_same_values() {
    use thing_prompts::view::i18n::LABELS;
    for label in LABELS {
        let english = placeholders(label.text(Lang::En));
        for lang in LANGS {
            let text = label.text(lang);
            assert!(!text.trim().is_empty(), "{label:?} in {lang:?}");
            assert_eq!(placeholders(text), english, "{label:?} in {lang:?}: {text}");
        }
        assert_eq!(Label::from_key(label.key()), Some(label));
    }
    let mut keys: Vec<&str> = LABELS.iter().map(|l| l.key()).collect();
    keys.sort_unstable();
    keys.dedup();
    assert_eq!(keys.len(), LABELS.len(), "keys are unique");
}

/// The lite module, the first download, carries the checklist's words and not the full
/// module's (backups, the outline, notes); a label's part in the table decides which.
#[cfg(not(feature = "extras"))]
#[test]
fn the_lite_build_carries_only_the_checklist_words() {
    for label in [
        Label::ThingOf,
        Label::Answered,
        Label::Clear,
        Label::StorageBlocked,
    ] {
        for lang in LANGS {
            assert!(!label.text(lang).is_empty(), "{label:?} in {lang:?}");
        }
    }
    for label in [
        Label::Restored,
        Label::Download,
        Label::OutlineTitle,
        Label::Note,
    ] {
        for lang in LANGS {
            assert_eq!(label.text(lang), "", "{label:?} in {lang:?}");
        }
        assert_eq!(label.key(), "", "{label:?}'s key is the full module's too");
    }
    assert_eq!(Label::from_key("clear"), Some(Label::Clear));
    assert_eq!(Label::from_key(""), None);
    // A rewording of the full module's label is a key the lite module does not know: a warning,
    // which makes it hand the placeholder to the full module.
    let wording = thing_prompts::core::embed::Wording {
        lang: None,
        page_lang: None,
        labels: vec![
            ("download".into(), "Save".into()),
            ("clear".into(), "Untick all".into()),
        ],
    };
    let (labels, warnings) = Labels::for_wording(&wording);
    assert_eq!(warnings.len(), 1, "{warnings:?}");
    assert_eq!(labels.format(Label::Clear, &[]), "Untick all");
}

/// The full module knows every key, its own parts' among them.
#[cfg(feature = "extras")]
#[test]
fn the_full_build_knows_every_key() {
    assert_eq!(Label::from_key("download"), Some(Label::Download));
    assert_eq!(Label::from_key("note"), Some(Label::Note));
    assert_eq!(Label::from_key(""), None);
}

#[test]
fn progress_line_in_each_language() {
    let cases = [
        (Lang::En, 1, 5, "1 of 5 answered"),
        (Lang::En, 2, 5, "2 of 5 answered"),
        (Lang::Fr, 1, 5, "1 sur 5 traitée"),
        (Lang::Fr, 0, 5, "0 sur 5 traitée"),
        (Lang::Fr, 2, 5, "2 sur 5 traitées"),
        (Lang::De, 2, 5, "2 von 5 beantwortet"),
        (Lang::Es, 1, 4, "1 de 4 respondida"),
        (Lang::Es, 3, 4, "3 de 4 respondidas"),
    ];
    for (lang, done, total, expected) in cases {
        let text = Labels::new(lang).format(
            Label::Answered,
            &[("done", Arg::Number(done)), ("total", Arg::Number(total))],
        );
        assert_eq!(text, expected);
    }
}

#[test]
fn numbers_are_grouped_the_local_way() {
    let cases = [
        (Lang::En, 999, "999"),
        (Lang::En, 1234, "1,234"),
        (Lang::En, 1_234_567, "1,234,567"),
        (Lang::Fr, 1234, "1\u{202f}234"),
        (Lang::De, 12345, "12.345"),
        (Lang::Es, 1234, "1234"),
        (Lang::Es, 12345, "12.345"),
        (Lang::De, 0, "0"),
    ];
    for (lang, n, expected) in cases {
        assert_eq!(lang.number(n), expected, "{lang:?} {n}");
    }
}

#[test]
fn dates_are_written_the_local_way() {
    let day = date("2012-04-30");
    assert_eq!(Lang::En.date(day), "Monday 30 April 2012");
    assert_eq!(Lang::Fr.date(day), "lundi 30 avril 2012");
    assert_eq!(Lang::De.date(day), "Montag, 30. April 2012");
    assert_eq!(Lang::Es.date(day), "lunes, 30 de abril de 2012");
    assert_eq!(Lang::De.date(date("2012-03-04")), "Sonntag, 4. März 2012");
}

#[test]
fn an_organiser_override_replaces_the_built_in_text() {
    let mut labels = Labels::new(Lang::Fr);
    labels.override_label(
        Label::Answered,
        "{done}/{total} faites ({done|une|plusieurs})",
    );
    labels.override_label(Label::Clear, "Tout décocher");
    let args = [("done", Arg::Number(3)), ("total", Arg::Number(5))];
    assert_eq!(
        labels.format(Label::Answered, &args),
        "3/5 faites (plusieurs)"
    );
    assert_eq!(labels.text(Label::Clear), "Tout décocher");
    assert_eq!(
        labels.text(Label::UndoClear),
        Label::UndoClear.text(Lang::Fr)
    );
}

#[test]
fn templates_keep_what_they_cannot_fill() {
    let mut labels = Labels::new(Lang::En);
    labels.override_label(Label::Clear, "Clear {unknown} and {done|a|b} {unclosed");
    assert_eq!(
        labels.text(Label::Clear),
        "Clear {unknown} and {done|a|b} {unclosed"
    );
}

fn raw_with(f: impl FnOnce(&mut RawEmbed)) -> RawEmbed {
    let mut raw = RawEmbed {
        programme: Some("cpd23-2012".into()),
        thing: Some("current".into()),
        ..RawEmbed::default()
    };
    f(&mut raw);
    raw
}

fn model(raw: &RawEmbed, today: &str) -> common::Shown {
    common::resolve(raw, date(today), &common::bundled_programme).unwrap()
}

#[test]
fn the_widget_speaks_the_language_of_its_attribute_or_its_page() {
    let cases = [
        (Some("fr"), Some("de"), Lang::Fr),
        (None, Some("de-DE"), Lang::De),
        (None, Some("it"), Lang::En),
        (None, None, Lang::En),
        (Some("es"), None, Lang::Es),
    ];
    for (data_lang, page_lang, expected) in cases {
        let raw = raw_with(|r| {
            r.lang = data_lang.map(str::to_owned);
            r.page_lang = page_lang.map(str::to_owned);
        });
        let model = model(&raw, "2012-01-02");
        assert_eq!(model.labels.lang(), expected, "{data_lang:?} {page_lang:?}");
        assert!(model.warnings.is_empty());
    }
}

#[test]
fn course_notices_and_the_kicker_are_translated() {
    let raw = raw_with(|r| r.lang = Some("fr".into()));
    let before = model(&raw, "2012-01-02");
    assert_eq!(
        before.notice.as_deref(),
        Some("Le cours commence le lundi 30 avril 2012. Son premier Thing apparaîtra ici ce jour-là.")
    );
    let during = model(&raw_with(|r| r.lang = Some("de".into())), "2012-07-18");
    assert_eq!(
        during.kicker.as_deref(),
        Some("Thing 12 von 23 · 23 Things for Professional Development (2012)")
    );
    let after = model(&raw_with(|r| r.lang = Some("es".into())), "2026-11-25");
    assert!(after
        .notice
        .unwrap()
        .starts_with("El curso terminó el domingo, 7 de octubre de 2012"));
}

#[test]
fn label_overrides_come_from_data_label_attributes() {
    let raw = raw_with(|r| {
        r.thing = Some("12".into());
        r.labels = vec![
            ("thing-of".into(), "Week {thing}/{total}".into()),
            ("no-such-label".into(), "x".into()),
        ];
    });
    let model = model(&raw, "2012-07-18");
    assert_eq!(
        model.kicker.as_deref(),
        Some("Week 12/23 · 23 Things for Professional Development (2012)")
    );
    assert_eq!(model.warnings.len(), 1);
    assert!(model.warnings[0].contains("data-label-no-such-label"));
}

#[test]
fn unknown_language_and_theme_are_reported_and_fall_back() {
    let raw = raw_with(|r| {
        r.lang = Some("klingon".into());
        r.theme = Some("purple".into());
    });
    let fallback = model(&raw, "2012-07-18");
    assert_eq!(fallback.labels.lang(), Lang::En);
    assert_eq!(fallback.theme, Theme::Auto);
    assert_eq!(fallback.warnings.len(), 2, "{:?}", fallback.warnings);
    assert!(fallback
        .warnings
        .iter()
        .any(|w| w.contains("data-lang=\"klingon\"")));
    assert!(fallback
        .warnings
        .iter()
        .any(|w| w.contains("data-theme=\"purple\"")));
    for (value, theme) in [
        ("dark", Theme::Dark),
        (" LIGHT ", Theme::Light),
        ("auto", Theme::Auto),
    ] {
        let themed = model(&raw_with(|r| r.theme = Some(value.into())), "2012-07-18");
        assert_eq!(themed.theme, theme);
        assert!(themed.warnings.is_empty());
    }
}

#[test]
fn an_empty_label_override_keeps_the_built_in_text() {
    let raw = raw_with(|r| {
        r.labels = vec![
            ("questions".into(), "  ".into()),
            ("clear".into(), String::new()),
        ]
    });
    let model = model(&raw, "2012-07-18");
    assert_eq!(model.labels.text(Label::Clear), "Clear ticks");
    assert_eq!(model.warnings.len(), 2, "{:?}", model.warnings);
    assert!(model.warnings[0].contains("is empty"));
}
