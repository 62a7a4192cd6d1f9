#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)]
//! The embed contract: what a placeholder asks for and what the widget shows on a given day.

mod common;

use thing_prompts::core::date::CivilDate;
use thing_prompts::core::embed::{EmbedError, RawEmbed, ThingChoice};
use thing_prompts::core::programme::{Place, Problem, Programme, ProgrammeError, ProgrammeErrors};
use thing_prompts::core::prompt_id::PromptId;

fn date(text: &str) -> CivilDate {
    CivilDate::parse(text).unwrap()
}

fn raw(programme: Option<&str>, thing: Option<&str>) -> RawEmbed {
    RawEmbed {
        programme: programme.map(str::to_owned),
        thing: thing.map(str::to_owned),
        heading: None,
        list: None,
        ..RawEmbed::default()
    }
}

fn inline(
    programme: Option<&str>,
    thing: Option<&str>,
    heading: Option<&str>,
    items: &[&str],
) -> RawEmbed {
    RawEmbed {
        programme: programme.map(str::to_owned),
        thing: thing.map(str::to_owned),
        heading: heading.map(str::to_owned),
        list: Some(items.iter().map(|s| (*s).to_owned()).collect()),
        ..RawEmbed::default()
    }
}

fn resolve(raw: &RawEmbed, today: &str) -> Result<common::Shown, EmbedError> {
    common::resolve(raw, date(today), &common::bundled_programme)
}

fn model(raw: &RawEmbed, today: &str) -> common::Shown {
    resolve(raw, today).unwrap_or_else(|e| panic!("{raw:?} on {today}: {e}"))
}

const KICKER_12: &str = "Thing 12 of 23 · 23 Things for Professional Development (2012)";

#[test]
fn thing_choice_parse() {
    let cases: &[(Option<&str>, Result<ThingChoice, EmbedError>)] = &[
        (None, Ok(ThingChoice::Current)),
        (Some(""), Ok(ThingChoice::Current)),
        (Some("   "), Ok(ThingChoice::Current)),
        (Some("current"), Ok(ThingChoice::Current)),
        (Some(" Current "), Ok(ThingChoice::Current)),
        (Some("CURRENT"), Ok(ThingChoice::Current)),
        (Some("12"), Ok(ThingChoice::Number(12))),
        (Some(" 12 "), Ok(ThingChoice::Number(12))),
        (Some("1"), Ok(ThingChoice::Number(1))),
        (Some("23"), Ok(ThingChoice::Number(23))),
        (Some("012"), Ok(ThingChoice::Number(12))),
        (Some("4294967295"), Ok(ThingChoice::Number(u32::MAX))),
        (Some("0"), Err(EmbedError::BadThing("0".into()))),
        (Some("00"), Err(EmbedError::BadThing("00".into()))),
        (Some("-1"), Err(EmbedError::BadThing("-1".into()))),
        (Some("12a"), Err(EmbedError::BadThing("12a".into()))),
        (Some("twelve"), Err(EmbedError::BadThing("twelve".into()))),
        (Some("+3"), Err(EmbedError::BadThing("+3".into()))),
        (Some("1.5"), Err(EmbedError::BadThing("1.5".into()))),
        (Some("1 2"), Err(EmbedError::BadThing("1 2".into()))),
        (
            Some("4294967296"),
            Err(EmbedError::BadThing("4294967296".into())),
        ),
        (
            Some("currently"),
            Err(EmbedError::BadThing("currently".into())),
        ),
        (Some(" x "), Err(EmbedError::BadThing(" x ".into()))),
    ];
    for (value, expected) in cases {
        assert_eq!(&ThingChoice::parse(*value), expected, "{value:?}");
    }
}

#[test]
fn bundled_thing_12() {
    let programme =
        Programme::from_json(thing_prompts::core::programme::bundled_source("cpd23-2012").unwrap())
            .unwrap();
    let bundled_prompts = programme.thing(12).unwrap().prompts.clone();
    for thing in ["12", " 12 ", "012"] {
        let model = model(&raw(Some("cpd23-2012"), Some(thing)), "2026-11-26");
        assert_eq!(model.title, "Putting the social into social media");
        assert_eq!(model.kicker.as_deref(), Some(KICKER_12));
        assert_eq!(model.storage_key, "thing-prompts:v1:cpd23-2012");
        assert_eq!(model.thing_key, "12");
        assert_eq!(model.prompts.len(), 5);
        assert_eq!(model.prompts, bundled_prompts);
        assert_eq!(
            model.notice, None,
            "a chosen Thing needs no notice, even after the course"
        );
    }
    let model = model(&raw(Some(" cpd23-2011 "), Some("12")), "2012-07-18");
    assert_eq!(model.storage_key, "thing-prompts:v1:cpd23-2011");
    assert_eq!(model.prompts.len(), 6);
    assert_eq!(
        model.kicker.as_deref(),
        Some("Thing 12 of 23 · 23 Things for Professional Development (2011)")
    );
}

#[test]
fn the_current_thing_follows_the_calendar() {
    // (day, Thing shown or None, words the notice must contain or None)
    let cases: &[(&str, Option<u32>, Option<&str>)] = &[
        ("2012-01-01", None, Some("Monday 30 April 2012")),
        ("2012-04-29", None, Some("starts on Monday 30 April 2012")),
        ("2012-04-30", Some(1), None),
        ("2012-07-15", Some(11), None),
        ("2012-07-16", Some(12), None),
        ("2012-07-18", Some(12), None),
        ("2012-07-22", Some(12), None),
        ("2012-07-23", Some(13), None),
        ("2012-10-07", Some(23), None),
        (
            "2012-10-08",
            Some(23),
            Some("finished on Sunday 7 October 2012"),
        ),
        ("2026-11-26", Some(23), Some("finished")),
    ];
    for thing in [None, Some("current"), Some(" CURRENT "), Some("")] {
        for &(today, number, notice) in cases {
            let model = model(&raw(Some("cpd23-2012"), thing), today);
            assert_eq!(model.storage_key, "thing-prompts:v1:cpd23-2012", "{today}");
            match number {
                Some(n) => {
                    assert_eq!(model.thing_key, n.to_string(), "{today}");
                    assert_eq!(
                        model.kicker.as_deref(),
                        Some(
                            format!(
                                "Thing {n} of 23 · 23 Things for Professional Development (2012)"
                            )
                            .as_str()
                        )
                    );
                    assert!(!model.prompts.is_empty(), "{today}");
                }
                None => {
                    assert_eq!(model.thing_key, "", "{today}");
                    assert_eq!(model.kicker, None, "{today}");
                    assert!(model.prompts.is_empty(), "{today}");
                    assert_eq!(model.title, "23 Things for Professional Development (2012)");
                }
            }
            match notice {
                Some(words) => {
                    let shown = model.notice.unwrap_or_else(|| panic!("{today}: a notice"));
                    assert!(shown.contains(words), "{today}: {shown}");
                }
                None => assert_eq!(model.notice, None, "{today}"),
            }
        }
    }
    let model = model(&raw(Some("cpd23-2012"), None), "2012-07-18");
    assert_eq!(model.title, "Putting the social into social media");
    assert_eq!(model.prompts.len(), 5);
    let after = self::model(&raw(Some("cpd23-2012"), None), "2026-01-01");
    assert_eq!(after.title, "Reflection – what next?");
}

#[test]
fn a_thing_the_programme_does_not_have() {
    for number in ["42", "24", "100"] {
        let error = resolve(&raw(Some("cpd23-2012"), Some(number)), "2012-07-18").unwrap_err();
        assert_eq!(
            error,
            EmbedError::UnknownThing {
                programme: "cpd23-2012".into(),
                number: number.parse().unwrap(),
                first: 1,
                last: 23,
            }
        );
        let message = error.to_string();
        assert!(message.contains("from 1 to 23"), "{message}");
        assert!(message.contains(&format!("no Thing {number}")), "{message}");
    }
}

#[test]
fn a_bad_thing_value_is_reported_before_anything_else() {
    for raw in [
        raw(Some("cpd23-2012"), Some("twelve")),
        raw(None, Some("twelve")),
        inline(None, Some("twelve"), None, &["A question?"]),
    ] {
        assert_eq!(
            resolve(&raw, "2012-07-18"),
            Err(EmbedError::BadThing("twelve".into()))
        );
    }
}

#[test]
fn an_unknown_programme_lists_the_bundled_ones() {
    for id in ["cpd23-2013", "nope"] {
        let error = resolve(&raw(Some(id), Some("12")), "2012-07-18").unwrap_err();
        assert_eq!(error, EmbedError::UnknownProgramme(id.into()));
        let message = error.to_string();
        assert!(message.contains(&format!("\"{id}\"")), "{message}");
        assert!(message.contains("cpd23-2011"), "{message}");
        assert!(message.contains("cpd23-2012"), "{message}");
    }
}

#[test]
fn programme_ids_are_read_case_insensitively() {
    let upper = model(&raw(Some(" CPD23-2012 "), Some("12")), "2012-07-18");
    let lower = model(&raw(Some("cpd23-2012"), Some("12")), "2012-07-18");
    assert_eq!(upper, lower);
}

#[test]
fn an_inline_programme_must_be_a_plain_id() {
    for id in ["x:unreadable", "my course", "a/b"] {
        let error = resolve(&inline(Some(id), Some("3"), None, &["Q?"]), "2012-07-18").unwrap_err();
        assert_eq!(error, EmbedError::BadProgrammeId(id.into()));
        assert!(error.to_string().contains("data-programme"));
    }
}

#[test]
fn an_inline_list_without_a_thing_number_does_not_follow_the_calendar() {
    let items = ["Q one?", "Q two?"];
    let week_12 = model(
        &inline(Some("cpd23-2012"), None, None, &items),
        "2012-07-18",
    );
    let week_13 = model(
        &inline(Some("cpd23-2012"), Some("current"), None, &items),
        "2012-07-25",
    );
    assert_eq!(week_12.thing_key, "");
    assert_eq!(week_12.kicker, None);
    assert_eq!(week_12, week_13);
}

#[test]
fn nothing_to_show() {
    for raw in [
        raw(None, None),
        raw(Some(""), Some("12")),
        raw(Some("   "), None),
    ] {
        assert_eq!(
            resolve(&raw, "2012-07-18"),
            Err(EmbedError::NoQuestions),
            "{raw:?}"
        );
    }
    for items in [&[][..], &[""], &["   ", "\n\t", "\u{a0}"]] {
        for programme in [None, Some("cpd23-2012")] {
            let raw = inline(programme, Some("12"), Some("Thing 12"), items);
            assert_eq!(
                resolve(&raw, "2012-07-18"),
                Err(EmbedError::EmptyList),
                "{items:?}"
            );
        }
    }
}

#[test]
fn inline_list_without_a_programme() {
    let items = ["  What do you   think?  ", "How will\nyou use it?"];
    let model = model(&inline(None, None, None, &items), "2012-07-18");
    assert_eq!(model.storage_key, "thing-prompts:v1:~inline");
    assert_eq!(model.thing_key, "");
    assert_eq!(model.kicker, None);
    assert_eq!(model.link, None);
    assert_eq!(model.notice, None);
    assert_eq!(model.title, "Questions");
    let texts: Vec<&str> = model.prompts.iter().map(|p| p.text.as_str()).collect();
    assert_eq!(texts, ["What do you think?", "How will you use it?"]);
    for (prompt, item) in model.prompts.iter().zip(items) {
        assert_eq!(prompt.id, PromptId::from_text(item));
    }
    assert_eq!(
        model.prompts[0].id,
        PromptId::from_text("what do you think?")
    );

    let numbered = self::model(
        &inline(None, Some("7"), Some("  My   questions "), &items),
        "2012-07-18",
    );
    assert_eq!(numbered.thing_key, "7");
    assert_eq!(numbered.storage_key, "thing-prompts:v1:~inline");
    assert_eq!(numbered.title, "My questions");
}

#[test]
fn inline_heading_is_kept_as_the_title() {
    let raw = inline(
        Some("cpd23-2012"),
        Some("12"),
        Some("Thing 12: X"),
        &["A question?"],
    );
    let model = model(&raw, "2012-07-18");
    assert_eq!(model.title, "Thing 12: X");
    assert_eq!(model.kicker.as_deref(), Some(KICKER_12));
    assert_eq!(model.thing_key, "12");

    let untitled = inline(Some("cpd23-2012"), Some("12"), Some("  "), &["A question?"]);
    assert_eq!(
        self::model(&untitled, "2012-07-18").title,
        "Thing 12: Putting the social into social media",
        "a blank heading falls back to the Thing's title"
    );
}

#[test]
fn inline_copy_of_a_bundled_thing_shares_its_ticks() {
    let bundled = model(&raw(Some("cpd23-2012"), Some("12")), "2012-07-18");
    assert_eq!(bundled.prompts.len(), 5);
    let texts: Vec<String> = bundled.prompts.iter().map(|p| p.text.clone()).collect();
    // The same questions as pasted into a post: once as they are, once with editor noise.
    let noisy: Vec<String> = texts
        .iter()
        .map(|t| format!("\n  {}\u{a0}", t.replace(' ', "  ").to_uppercase()))
        .collect();
    for copy in [texts.clone(), noisy] {
        let items: Vec<&str> = copy.iter().map(String::as_str).collect();
        {
            let model = model(
                &inline(Some("cpd23-2012"), Some("12"), None, &items),
                "2012-07-18",
            );
            assert_eq!(model.storage_key, bundled.storage_key);
            assert_eq!(model.thing_key, bundled.thing_key);
            let inline_ids: Vec<&PromptId> = model.prompts.iter().map(|p| &p.id).collect();
            let bundled_ids: Vec<&PromptId> = bundled.prompts.iter().map(|p| &p.id).collect();
            assert_eq!(inline_ids, bundled_ids);
            for (prompt, item) in model.prompts.iter().zip(&items) {
                assert_eq!(prompt.id, PromptId::from_text(item));
            }
        }
    }
}

#[test]
fn duplicate_inline_items_are_shown_once() {
    let items = ["Why?", "  why? ", "How?", "WHY?", "", "How?"];
    let model = model(&inline(None, None, None, &items), "2012-07-18");
    let texts: Vec<&str> = model.prompts.iter().map(|p| p.text.as_str()).collect();
    assert_eq!(texts, ["Why?", "How?"], "the first spelling is kept");
}

#[test]
fn inline_list_with_an_unknown_programme_still_shows() {
    let model = model(
        &inline(Some("my-course"), Some("3"), None, &["Q?"]),
        "2012-07-18",
    );
    assert_eq!(model.storage_key, "thing-prompts:v1:my-course");
    assert_eq!(model.thing_key, "3");
    assert_eq!(model.kicker, None);
    assert_eq!(model.title, "Questions");
}

fn custom(schedule: bool) -> Programme {
    let schedule = if schedule {
        r#""schedule": {"start": "2012-04-30", "intervalDays": 7},"#
    } else {
        ""
    };
    Programme::from_json(&format!(
        r#"{{"format": 1, "id": "custom", "title": "Custom course", {schedule}
            "things": [
              {{"number": 3, "title": "Three", "link": "https://example.org/3", "prompts": [{{"text": "Q3?"}}]}},
              {{"number": 5, "title": "Five"}}
            ]}}"#
    ))
    .unwrap()
}

#[test]
fn a_custom_lookup() {
    let lookup = |id: &str| -> Option<Result<Programme, ProgrammeErrors>> {
        match id {
            "custom" => Some(Ok(custom(false))),
            "scheduled" => Some(Ok(custom(true))),
            "broken" => Some(Err(ProgrammeErrors(vec![ProgrammeError {
                place: Place::Field("things"),
                problem: Problem::NoThings,
            }]))),
            _ => None,
        }
    };
    let today = date("2012-07-18");

    for thing in [None, Some("current")] {
        let error = common::resolve(&raw(Some("custom"), thing), today, &lookup).unwrap_err();
        assert_eq!(error, EmbedError::NoSchedule("custom".into()));
        assert!(
            error.to_string().contains("\"custom\" has no schedule"),
            "{error}"
        );
    }

    let three = common::resolve(&raw(Some("custom"), Some("3")), today, &lookup).unwrap();
    assert_eq!(three.storage_key, "thing-prompts:v1:custom");
    assert_eq!(
        three.kicker.as_deref(),
        Some("Thing 3 of 5 · Custom course")
    );
    assert_eq!(three.link.as_deref(), Some("https://example.org/3"));
    assert_eq!(three.notice, None);

    let five = common::resolve(&raw(Some("custom"), Some("5")), today, &lookup).unwrap();
    assert!(five.prompts.is_empty());
    assert!(five.notice.unwrap().contains("Thing 5 has no questions"));

    let error = common::resolve(&raw(Some("custom"), Some("4")), today, &lookup).unwrap_err();
    assert_eq!(
        error,
        EmbedError::UnknownThing {
            programme: "custom".into(),
            number: 4,
            first: 3,
            last: 5
        }
    );
    assert!(error.to_string().contains("from 3 to 5"));

    // 2012-07-18 is in the twelfth week, past the two Things of this course.
    let ended = common::resolve(&raw(Some("scheduled"), None), today, &lookup).unwrap();
    assert_eq!(ended.thing_key, "5");
    assert!(ended
        .notice
        .unwrap()
        .contains("finished on Sunday 13 May 2012"));

    let error = common::resolve(&raw(Some("broken"), Some("3")), today, &lookup).unwrap_err();
    match &error {
        EmbedError::BrokenProgramme(id, errors) => {
            assert_eq!(id, "broken");
            assert_eq!(errors.0.len(), 1);
        }
        other => panic!("{other:?}"),
    }
    assert!(
        error
            .to_string()
            .contains("\"broken\" cannot be used: things: the programme has no Things"),
        "{error}"
    );

    // In inline mode a programme without a schedule only names the storage key; a broken one
    // is reported, as its author would want to know.
    let model =
        common::resolve(&inline(Some("custom"), None, None, &["Q?"]), today, &lookup).unwrap();
    assert_eq!(model.storage_key, "thing-prompts:v1:custom");
    assert_eq!(model.thing_key, "");
    let error =
        common::resolve(&inline(Some("broken"), None, None, &["Q?"]), today, &lookup).unwrap_err();
    assert!(
        matches!(error, EmbedError::BrokenProgramme(..)),
        "{error:?}"
    );

    let error = common::resolve(&raw(Some("cpd23-2012"), Some("12")), today, &lookup).unwrap_err();
    assert_eq!(
        error,
        EmbedError::UnknownProgramme("cpd23-2012".into()),
        "only the lookup is asked"
    );
}

fn all_errors_but_broken() -> Vec<EmbedError> {
    vec![
        EmbedError::BadThing("twelve".into()),
        EmbedError::BadThing(String::new()),
        EmbedError::EmptyList,
        EmbedError::NoQuestions,
        EmbedError::UnknownProgramme("nope".into()),
        EmbedError::UnknownThing {
            programme: "cpd23-2012".into(),
            number: 42,
            first: 1,
            last: 23,
        },
        EmbedError::NoSchedule("custom".into()),
    ]
}

fn assert_sentence(error: &EmbedError) {
    let message = error.to_string();
    assert!(!message.trim().is_empty(), "{error:?}");
    assert!(message.ends_with('.'), "{error:?}: {message}");
}

#[test]
fn every_error_message_is_a_sentence() {
    for error in all_errors_but_broken() {
        assert_sentence(&error);
    }
}

#[test]

fn the_broken_programme_message_is_a_sentence() {
    let errors =
        Programme::from_json(r#"{"format":1,"id":"x","title":"X","things":[]}"#).unwrap_err();
    assert_sentence(&EmbedError::BrokenProgramme("x".into(), errors));
    let errors = Programme::from_json("not json").unwrap_err();
    assert_sentence(&EmbedError::BrokenProgramme("x".into(), errors));
}

#[test]
fn data_notes_turns_the_notes_box_on() {
    let with = |value: Option<&str>| {
        let raw = RawEmbed {
            notes: value.map(str::to_owned),
            ..raw(Some("cpd23-2012"), Some("12"))
        };
        model(&raw, "2012-07-18")
    };
    let off = with(None);
    assert!(!off.notes);
    assert!(off.warnings.is_empty(), "{:?}", off.warnings);
    for value in ["on", " ON ", "On"] {
        let m = with(Some(value));
        assert!(m.notes, "{value:?}");
        assert!(m.warnings.is_empty(), "{value:?}: {:?}", m.warnings);
    }
    for value in ["off", "", "  "] {
        let m = with(Some(value));
        assert!(!m.notes, "{value:?}");
        assert!(m.warnings.is_empty(), "{value:?}: {:?}", m.warnings);
    }
    for value in ["yes", "true", "1"] {
        let m = with(Some(value));
        assert!(!m.notes, "{value:?}");
        assert_eq!(
            m.warnings,
            vec![format!(
                "data-notes=\"{value}\" is not a setting: use on (a notes box under each question) or off. Notes are off."
            )]
        );
    }
    // Inline lists take it too.
    let raw = RawEmbed {
        notes: Some("on".into()),
        ..inline(None, None, Some("My Thing"), &["One?", "Two?"])
    };
    assert!(model(&raw, "2012-07-18").notes);
}
