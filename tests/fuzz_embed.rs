#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)]
//! Fuzzing what a page says: every parser that reads a placeholder or the page (the embed
//! contract, `data-thing`, `data-lang`, label templates, computed colours) gets arbitrary input
//! and must never panic; programme links other than `http:` and `https:` are always refused.
//! The parsers of programme files, stored progress and backups are fuzzed in `properties.rs`.
//!
//! Each property runs a fixed number of cases, so `cargo test` stays bounded (a few seconds).

mod common;

use common::{bundled_programme, resolve};
use proptest::prelude::*;
use serde_json::Value;
use thing_prompts::core::colour::Rgba;
use thing_prompts::core::date::CivilDate;
use thing_prompts::core::embed::{RawEmbed, Supplied, ThingChoice};
use thing_prompts::core::programme::{Programme, BUNDLED};
use thing_prompts::view::i18n::{Arg, Label, Labels, Lang, LABELS};

fn config(cases: u32) -> ProptestConfig {
    ProptestConfig {
        cases,
        failure_persistence: None,
        ..ProptestConfig::default()
    }
}

/// Markup that would run script if anything inserted it as HTML.
const PAYLOADS: [&str; 4] = [
    "<img src=x onerror=\"window.__pwned=1\">",
    "<script>window.__pwned=1</script>",
    "\"><img src=x onerror=window.__pwned=1>",
    "javascript:window.__pwned=1",
];

/// Text close to what pages really say, so the fuzzer reaches past the first check.
const NEAR_MISSES: [&str; 24] = [
    "",
    " ",
    "12",
    " 12 ",
    "012",
    "0",
    "-1",
    "+12",
    "1e3",
    "4294967295",
    "4294967296",
    "99999999999999999999",
    "current",
    "CURRENT",
    " Current ",
    "twelve",
    "cpd23-2012",
    "CPD23-2011",
    " cpd23-2012 ",
    "cpd23-2013",
    "my-course",
    "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
    "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
    "\u{0}\u{feff}\u{202e}",
];

/// Any string, a near miss, a payload, or a mix of them.
fn page_text() -> impl Strategy<Value = String> {
    prop_oneof![
        3 => any::<String>(),
        3 => prop::sample::select(&NEAR_MISSES[..]).prop_map(str::to_owned),
        1 => prop::sample::select(&PAYLOADS[..]).prop_map(str::to_owned),
        2 => "[0-9 \\t\\n-]{0,24}",
        2 => (prop::sample::select(&NEAR_MISSES[..]), any::<String>())
            .prop_map(|(a, b)| format!("{a}{b}")),
    ]
}

/// A label override: a real key most of the time, with a template full of braces and bars.
fn label() -> impl Strategy<Value = (String, String)> {
    let key = prop_oneof![
        4 => prop::sample::select(&LABELS[..]).prop_map(|l| l.key().to_owned()),
        1 => any::<String>(),
    ];
    (key, template())
}

fn template() -> impl Strategy<Value = String> {
    prop_oneof![
        any::<String>(),
        "[{}|a-z ]{0,40}",
        "(\\{(done|total|thing|date|file|restored|n|)(\\|[^{}|]{0,6}){0,3}\\}?|[^{}]{0,5}){0,8}",
        prop::sample::select(&PAYLOADS[..]).prop_map(str::to_owned),
    ]
}

fn raw_embed() -> impl Strategy<Value = RawEmbed> {
    let list = prop_oneof![
        1 => Just(None),
        3 => prop::collection::vec(page_text(), 0..8).prop_map(Some),
    ];
    (
        prop::option::of(page_text()),
        prop::option::of(page_text()),
        prop::option::of(page_text()),
        list,
        prop::option::of(page_text()),
        prop::option::of(page_text()),
        prop::option::of(page_text()),
        prop::collection::vec(label(), 0..4),
        (
            prop::option::of(page_text()),
            prop::option::of(supplied()),
            prop::option::of(page_text()),
        ),
    )
        .prop_map(
            |(
                programme,
                thing,
                heading,
                list,
                lang,
                page_lang,
                theme,
                labels,
                (view, supplied, notes),
            )| RawEmbed {
                programme,
                thing,
                heading,
                list,
                lang,
                page_lang,
                theme,
                labels,
                view,
                notes,
                supplied,
            },
        )
}

/// A programme the page supplied: arbitrary text, a damaged bundled programme, or a failure message.
fn supplied() -> impl Strategy<Value = Supplied> {
    let bundled = thing_prompts::core::programme::bundled_source("cpd23-2012").unwrap_or_default();
    prop_oneof![
        page_text().prop_map(Ok),
        (0..bundled.len(), any::<u8>()).prop_map(move |(at, byte)| {
            let mut bytes = bundled.as_bytes().to_vec();
            if let Some(b) = bytes.get_mut(at) {
                *b = byte;
            }
            Ok(String::from_utf8_lossy(&bytes).into_owned())
        }),
        Just(Ok(bundled.to_owned())),
        page_text().prop_map(Err),
    ]
    .prop_map(|text: Result<String, String>| {
        Supplied::from_text("#fuzz", text.as_deref().map_err(String::as_str))
    })
}

/// The reader's date: around the bundled courses most of the time, and anything a browser's
/// `Date` can hold (about ±275,000 years) now and then.
fn today() -> impl Strategy<Value = CivilDate> {
    prop_oneof![
        3 => (15_000i64..16_000).prop_map(CivilDate::from_day_number),
        1 => (-100_000_000i64..100_000_000).prop_map(CivilDate::from_day_number),
    ]
}

proptest! {
    #![proptest_config(config(2000))]

    #[test]
    fn resolve_never_panics_and_every_error_says_something(
        raw in raw_embed(),
        today in today(),
    ) {
        match resolve(&raw, today, &bundled_programme) {
            Ok(model) => {
                for warning in &model.warnings {
                    prop_assert!(!warning.trim().is_empty());
                }
            }
            Err(error) => prop_assert!(!error.to_string().trim().is_empty(), "{error:?}"),
        }
    }

    #[test]
    fn thing_choice_reads_numbers_and_current_and_nothing_else(text in page_text()) {
        match ThingChoice::parse(Some(&text)) {
            Ok(ThingChoice::Number(n)) => {
                prop_assert!(n > 0);
                prop_assert!(text.trim().bytes().all(|b| b.is_ascii_digit()), "{text:?}");
            }
            Ok(ThingChoice::Current) => {
                let value = text.trim();
                prop_assert!(value.is_empty() || value.eq_ignore_ascii_case("current"), "{text:?}");
            }
            Err(error) => {
                let message = error.to_string();
                prop_assert!(message.contains("data-thing") && message.contains(text.as_str()));
            }
        }
    }

    #[test]
    fn label_templates_never_panic(
        overrides in prop::collection::vec((prop::sample::select(&LABELS[..]), template()), 0..6),
        lang in prop::sample::select(&["en", "fr", "de", "es"][..]),
        numbers in prop::collection::vec(any::<usize>(), 5),
        text in any::<String>(),
    ) {
        let mut labels = Labels::new(Lang::from_tag(lang).unwrap());
        for (label, template) in &overrides {
            labels.override_label(*label, template);
        }
        let args = [
            ("done", Arg::Number(numbers[0])),
            ("total", Arg::Number(numbers[1])),
            ("thing", Arg::Number(numbers[2])),
            ("restored", Arg::Number(numbers[3])),
            ("n", Arg::Number(numbers[4])),
            ("file", Arg::Text(&text)),
            ("date", Arg::Text(&text)),
        ];
        for label in LABELS {
            let _ = labels.format(label, &args);
            let _ = labels.text(label);
        }
        let _ = labels.format(Label::Answered, &[]);
    }

    #[test]
    fn languages_and_colours_from_the_page_never_panic(text in page_text()) {
        let _ = Lang::from_tag(&text);
        if let Some(colour) = Rgba::parse(&text) {
            let _ = (colour.luminance(), colour.is_painted(), colour.scheme_on());
        }
        let _ = Rgba::parse(&format!("rgba({text})"));
        let _ = Rgba::parse(&format!("rgb({text}, 0, 0)"));
    }
}

/// A bundled programme file with Thing 1's link replaced.
fn with_link(link: &str) -> String {
    let source = BUNDLED[1].1;
    let mut value: Value = serde_json::from_str(source).unwrap();
    let thing = value["things"][0]
        .as_object_mut()
        .expect("a Thing is an object");
    thing.shift_remove("link");
    thing.insert("link".into(), Value::from(link));
    value.to_string()
}

fn is_web_address(link: &str) -> bool {
    let lower = link.trim().to_ascii_lowercase();
    (lower.starts_with("https://") && lower.len() > "https://".len())
        || (lower.starts_with("http://") && lower.len() > "http://".len())
}

#[test]
fn programme_links_are_web_addresses_or_a_validation_error() {
    let refused = [
        "javascript:alert(1)",
        " JAVASCRIPT:alert(1)",
        "\tjavascript:alert(1)",
        "java\nscript:alert(1)",
        "\u{1}javascript:alert(1)",
        "jav&#x09;ascript:alert(1)",
        "vbscript:msgbox(1)",
        "VBScript:msgbox(1)",
        "data:text/html,<script>alert(1)</script>",
        "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
        "blob:https://evil.example/1",
        "file:///etc/passwd",
        "mailto:organiser@example.org",
        "//evil.example",
        "\\\\evil.example",
        "/2012/07/thing-12.html",
        "https:evil.example",
        "https:/evil.example",
        "ht tps://evil.example",
        "https://",
        "",
    ];
    for link in refused {
        let errors = Programme::from_json(&with_link(link)).expect_err(link);
        let message = errors.to_string();
        assert!(message.contains("things[0].link"), "{link:?}: {message}");
    }
    for link in [
        "https://example.org/thing-1",
        "http://example.org",
        "HTTPS://EXAMPLE.ORG/",
    ] {
        let programme = Programme::from_json(&with_link(link)).unwrap();
        assert_eq!(programme.things[0].link.as_deref(), Some(link));
    }
}

proptest! {
    #![proptest_config(config(1000))]

    #[test]
    fn a_programme_keeps_a_link_only_when_it_is_a_web_address(
        scheme in prop::sample::select(&[
            "https://", "http://", "HTTP://", "javascript:", "vbscript:", "data:", "//", "", " ",
            "\u{0}", "https:", "ftp://",
        ][..]),
        rest in any::<String>(),
    ) {
        let link = format!("{scheme}{rest}");
        match Programme::from_json(&with_link(&link)) {
            Ok(programme) => {
                let kept = programme.things[0].link.as_deref().unwrap();
                prop_assert!(is_web_address(kept), "{kept:?} was kept");
            }
            Err(errors) => {
                prop_assert!(!is_web_address(&link), "{link:?} was refused: {errors}");
            }
        }
    }
}
