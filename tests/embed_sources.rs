#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)]
//! Programmes supplied by the page (a JSON block or a fetched file), the overview, and the
//! current Thing by the course's own clock.

mod common;

use std::cell::RefCell;
use thing_prompts::core::date::CivilDate;
use thing_prompts::core::embed::{EmbedError, RawEmbed, Supplied, Unavailable, View};
use thing_prompts::core::programme::{Programme, ProgrammeErrors};
use thing_prompts::core::schedule::date_at;
use thing_prompts::view::i18n::{Label, Labels, Lang};

fn date(text: &str) -> CivilDate {
    CivilDate::parse(text).unwrap()
}

/// Six Things, weekly from Monday 5 January 2026 in London, with a catch-up week from 2 February:
/// Things 1–4 on 5, 12, 19 and 26 January, 5 and 6 on 9 and 16 February; over on Sunday 22 February.
const LIBRARY: &str = r#"{
  "format": 1,
  "id": "library-10-things",
  "title": "10 Things for Library Staff",
  "language": "en-GB",
  "timeZone": "Europe/London",
  "schedule": { "start": "2026-01-05", "intervalDays": 7, "catchUp": ["2026-02-02"] },
  "things": [
    { "number": 1, "title": "Blogging", "link": "https://example.org/1",
      "prompts": [ { "id": "why", "text": "Why blog?" }, { "text": "Who reads it?", "optional": true } ] },
    { "number": 2, "title": "Twitter", "prompts": [ { "text": "Who do you follow?" } ] },
    { "number": 3, "title": "Three", "link": "https://example.org/3", "prompts": [ { "text": "Q3?" } ] },
    { "number": 4, "title": "Four", "prompts": [ { "text": "Q4?" } ] },
    { "number": 5, "title": "Five", "prompts": [ { "text": "Q5?" } ] },
    { "number": 6, "title": "Six", "prompts": [ { "text": "Q6?" } ] }
  ]
}"#;

/// The same course without a time zone.
fn library_without_zone() -> String {
    LIBRARY.replace("\n  \"timeZone\": \"Europe/London\",", "")
}

fn supplied(origin: &str, text: Result<&str, &str>) -> Option<Supplied> {
    Some(Supplied::from_text(origin, text))
}

/// A placeholder naming a JSON block on the page, which the edge has read.
fn from_block(thing: Option<&str>, text: &str) -> RawEmbed {
    RawEmbed {
        programme: Some("#my-course".into()),
        thing: thing.map(str::to_owned),
        supplied: supplied("#my-course", Ok(text)),
        ..RawEmbed::default()
    }
}

fn bundled(id: &str, thing: Option<&str>) -> RawEmbed {
    RawEmbed {
        programme: Some(id.into()),
        thing: thing.map(str::to_owned),
        ..RawEmbed::default()
    }
}

fn overview_of(raw: RawEmbed) -> RawEmbed {
    RawEmbed {
        view: Some("overview".into()),
        ..raw
    }
}

/// A lookup that must not be asked: the page supplied the programme.
fn no_lookup(id: &str) -> Option<Result<Programme, ProgrammeErrors>> {
    panic!("the lookup was asked for {id:?}")
}

fn resolve(raw: &RawEmbed, today: &str) -> Result<common::Shown, EmbedError> {
    common::resolve(raw, date(today), &common::bundled_programme)
}

fn model(raw: &RawEmbed, today: &str) -> common::Shown {
    resolve(raw, today).unwrap_or_else(|e| panic!("{raw:?} on {today}: {e}"))
}

fn catch_up_text() -> String {
    Labels::new(Lang::En).text(Label::CatchUp)
}

// ---------------------------------------------------------------------------------------------
// Programmes supplied as text.

#[test]
fn a_supplied_programme_is_used_and_stored_under_its_own_id() {
    let raw = from_block(Some("3"), LIBRARY);
    let model = common::resolve(&raw, date("2026-01-21"), &no_lookup).unwrap();
    assert_eq!(model.storage_key, "thing-prompts:v1:library-10-things");
    assert_eq!(model.thing_key, "3");
    assert_eq!(
        model.kicker.as_deref(),
        Some("Thing 3 of 6 · 10 Things for Library Staff")
    );
    assert_eq!(model.title, "Three");
    assert_eq!(model.link.as_deref(), Some("https://example.org/3"));
    assert_eq!(model.prompts.len(), 1);
    assert_eq!(model.view, View::Checklist);
    assert!(model.warnings.is_empty(), "{:?}", model.warnings);
    let programme = model.programme.clone().unwrap();
    assert_eq!(programme.id, "library-10-things");
    assert_eq!(programme.things.len(), 6);

    // The optional flag reaches the model.
    let one = common::resolve(
        &from_block(Some("1"), LIBRARY),
        date("2026-01-21"),
        &no_lookup,
    )
    .unwrap();
    let optional: Vec<bool> = one.prompts.iter().map(|p| p.optional).collect();
    assert_eq!(optional, [false, true]);
}

#[test]
fn the_same_programme_from_a_block_and_from_a_url_shares_its_ticks() {
    let block = from_block(Some("2"), LIBRARY);
    let url = RawEmbed {
        programme: None,
        thing: Some("2".into()),
        supplied: supplied("https://example.org/course.json", Ok(LIBRARY)),
        ..RawEmbed::default()
    };
    let a = common::resolve(&block, date("2026-01-21"), &no_lookup).unwrap();
    let b = common::resolve(&url, date("2026-01-21"), &no_lookup).unwrap();
    assert_eq!(a.storage_key, b.storage_key);
    assert_eq!(a.thing_key, b.thing_key);
    assert_eq!(a, b);
}

#[test]
fn a_programme_that_could_not_be_had() {
    let why = "could not load the programme from https://x/y.json: the server answered 404 Not Found. Check the address in data-programme-src.";
    let raw = RawEmbed {
        supplied: supplied("https://x/y.json", Err(why)),
        ..RawEmbed::default()
    };
    let error = common::resolve(&raw, date("2026-01-21"), &no_lookup).unwrap_err();
    assert_eq!(
        error,
        EmbedError::Unavailable(Unavailable::Fetch(why.into()))
    );
    let message = error.to_string();
    assert!(message.starts_with("Could not load"), "{message}");
    assert!(
        message.ends_with('.') && !message.ends_with(".."),
        "{message}"
    );
    assert_eq!(
        message,
        "Could not load the programme from https://x/y.json: the server answered 404 Not Found. Check the address in data-programme-src."
    );
    // The same in every view, with or without a Thing.
    for (view, thing) in [(Some("overview"), None), (None, Some("3")), (None, None)] {
        let raw = RawEmbed {
            view: view.map(str::to_owned),
            thing: thing.map(str::to_owned),
            supplied: supplied("https://x/y.json", Err(why)),
            ..RawEmbed::default()
        };
        assert_eq!(
            common::resolve(&raw, date("2026-01-21"), &no_lookup),
            Err(EmbedError::Unavailable(Unavailable::Fetch(why.into()))),
            "{view:?} {thing:?}"
        );
    }
}

#[test]
fn unavailable_messages_read_as_one_sentence() {
    let cases = [
        (
            "the server did not answer in time",
            "The server did not answer in time.",
        ),
        ("the file is too large.", "The file is too large."),
        ("the file is too large...", "The file is too large."),
        ("Already a sentence.", "Already a sentence."),
        ("élan", "Élan."),
        ("", "The programme could not be loaded."),
        ("...", "The programme could not be loaded."),
    ];
    for (why, shown) in cases {
        assert_eq!(
            EmbedError::Unavailable(Unavailable::Fetch(why.into())).to_string(),
            shown,
            "{why:?}"
        );
    }
}

#[test]
fn a_supplied_programme_that_is_not_valid_names_its_origin() {
    let cases: &[(&str, &str, &str)] = &[
        (
            "#my-course",
            "{ not json",
            "the file is not a programme in JSON",
        ),
        (
            "https://example.org/course.json",
            r#"{"format": 1, "id": "x", "title": "X", "things": []}"#,
            "things: the programme has no Things: add at least one",
        ),
        (
            "#my-course",
            r#"{"format": 1, "id": "x", "title": "X", "timeZone": "Mars time",
                "things": [{"number": 1, "title": "A"}]}"#,
            "timeZone: \"Mars time\" is not a time zone name",
        ),
    ];
    for (origin, text, words) in cases {
        let raw = RawEmbed {
            supplied: supplied(origin, Ok(text)),
            ..RawEmbed::default()
        };
        let error = common::resolve(&raw, date("2026-01-21"), &no_lookup).unwrap_err();
        match &error {
            EmbedError::BrokenProgramme(named, errors) => {
                assert_eq!(named, origin);
                assert!(!errors.0.is_empty());
            }
            other => panic!("{origin}: {other:?}"),
        }
        let message = error.to_string();
        assert!(
            message.starts_with(&format!("The programme \"{origin}\" cannot be used: ")),
            "{message}"
        );
        assert!(message.contains(words), "{message}");
        assert!(message.ends_with('.'), "{message}");
    }
}

#[test]
fn an_inline_list_with_a_supplied_programme_stores_under_its_id() {
    let raw = RawEmbed {
        list: Some(vec!["My own question?".into()]),
        ..from_block(Some("3"), LIBRARY)
    };
    let model = common::resolve(&raw, date("2026-01-21"), &no_lookup).unwrap();
    assert_eq!(model.storage_key, "thing-prompts:v1:library-10-things");
    assert_eq!(model.thing_key, "3");
    assert_eq!(
        model.kicker.as_deref(),
        Some("Thing 3 of 6 · 10 Things for Library Staff")
    );
    assert_eq!(model.title, "Thing 3: Three");
    let texts: Vec<&str> = model.prompts.iter().map(|p| p.text.as_str()).collect();
    assert_eq!(texts, ["My own question?"], "the list is what is shown");

    // Without a Thing number the list is not tied to a week, but still to the programme.
    let raw = RawEmbed {
        list: Some(vec!["My own question?".into()]),
        ..from_block(None, LIBRARY)
    };
    let model = common::resolve(&raw, date("2026-01-21"), &no_lookup).unwrap();
    assert_eq!(model.storage_key, "thing-prompts:v1:library-10-things");
    assert_eq!(model.thing_key, "");
}

// ---------------------------------------------------------------------------------------------
// The overview.

#[test]
fn the_overview_of_a_bundled_programme() {
    // (day, current position, words of the notice)
    let cases: &[(&str, Option<usize>, Option<&str>)] = &[
        ("2012-04-29", None, Some("starts on Monday 30 April 2012")),
        ("2012-04-30", Some(0), None),
        ("2012-07-15", Some(10), None),
        ("2012-07-16", Some(11), None),
        ("2012-10-07", Some(22), None),
        (
            "2012-10-08",
            Some(22),
            Some("finished on Sunday 7 October 2012"),
        ),
        ("2026-11-26", Some(22), Some("finished")),
    ];
    for thing in [None, Some("current"), Some("3")] {
        for &(today, current, notice) in cases {
            let model = model(&overview_of(bundled("cpd23-2012", thing)), today);
            assert_eq!(model.view, View::Overview, "{today}");
            assert_eq!(model.kicker.as_deref(), Some("All 23 Things"), "{today}");
            assert_eq!(
                model.title, "23 Things for Professional Development (2012)",
                "{today}"
            );
            assert_eq!(model.storage_key, "thing-prompts:v1:cpd23-2012");
            assert_eq!(model.programme.as_ref().unwrap().things.len(), 23);
            assert_eq!(model.released, current, "{thing:?} on {today}");
            match notice {
                Some(words) => {
                    let shown = model.notice.clone().unwrap_or_default();
                    assert!(shown.contains(words), "{today}: {shown:?}");
                }
                None => assert_eq!(model.notice, None, "{today}"),
            }
            assert!(model.warnings.is_empty(), "{:?}", model.warnings);
        }
    }
}

#[test]
fn the_overview_in_other_languages_and_spellings() {
    let cases = [
        ("fr", "Les 23 Things"),
        ("de", "Alle 23 Things"),
        ("es", "Los 23 Things"),
        ("en", "All 23 Things"),
    ];
    for (lang, kicker) in cases {
        let raw = RawEmbed {
            lang: Some(lang.into()),
            ..overview_of(bundled("cpd23-2012", None))
        };
        assert_eq!(
            model(&raw, "2012-07-18").kicker.as_deref(),
            Some(kicker),
            "{lang}"
        );
    }
    for view in ["overview", " Overview ", "OVERVIEW"] {
        let raw = RawEmbed {
            view: Some(view.into()),
            ..bundled("cpd23-2012", None)
        };
        let model = model(&raw, "2012-07-18");
        assert_eq!(model.view, View::Overview, "{view:?}");
        assert!(model.warnings.is_empty(), "{view:?}");
    }
    for view in ["checklist", "", " Checklist "] {
        let raw = RawEmbed {
            view: Some(view.into()),
            ..bundled("cpd23-2012", None)
        };
        let model = model(&raw, "2012-07-18");
        assert_eq!(model.view, View::Checklist, "{view:?}");
        assert!(model.warnings.is_empty(), "{view:?}");
    }
}

#[test]
fn the_overview_of_a_supplied_programme() {
    // (day, current position, notice)
    let catch_up = catch_up_text();
    let cases: &[(&str, Option<usize>, Option<&str>)] = &[
        ("2026-01-04", None, Some("starts on Monday 5 January 2026")),
        ("2026-01-05", Some(0), None),
        ("2026-02-01", Some(3), None),
        ("2026-02-02", Some(3), Some(&catch_up)),
        ("2026-02-08", Some(3), Some(&catch_up)),
        ("2026-02-09", Some(4), None),
        ("2026-02-22", Some(5), None),
        (
            "2026-02-23",
            Some(5),
            Some("finished on Sunday 22 February 2026"),
        ),
    ];
    for &(today, current, notice) in cases {
        let raw = overview_of(from_block(None, LIBRARY));
        let model = common::resolve(&raw, date(today), &no_lookup).unwrap();
        assert_eq!(model.view, View::Overview);
        assert_eq!(model.kicker.as_deref(), Some("All 6 Things"));
        assert_eq!(model.title, "10 Things for Library Staff");
        assert_eq!(model.storage_key, "thing-prompts:v1:library-10-things");
        assert_eq!(model.released, current, "{today}");
        match notice {
            Some(words) => {
                let shown = model.notice.clone().unwrap_or_default();
                assert!(shown.contains(words), "{today}: {shown:?}");
            }
            None => assert_eq!(model.notice, None, "{today}"),
        }
    }
}

#[test]
fn the_overview_of_a_programme_without_a_schedule() {
    let text = r#"{"format": 1, "id": "plain", "title": "Plain",
        "things": [{"number": 1, "title": "A"}, {"number": 2, "title": "B"}]}"#;
    let model = common::resolve(
        &overview_of(from_block(None, text)),
        date("2026-01-21"),
        &no_lookup,
    )
    .unwrap();
    assert_eq!(model.view, View::Overview);
    assert_eq!(model.current, None);
    assert_eq!(model.notice, None);
    assert_eq!(model.kicker.as_deref(), Some("All 2 Things"));
}

#[test]
fn an_overview_needs_a_programme() {
    let cases = [
        ("nothing", RawEmbed::default()),
        (
            "an inline list",
            RawEmbed {
                list: Some(vec!["Q?".into()]),
                ..RawEmbed::default()
            },
        ),
        (
            "a block reference that was not supplied",
            RawEmbed {
                programme: Some("#missing".into()),
                ..RawEmbed::default()
            },
        ),
    ];
    for (what, raw) in cases {
        let error = resolve(&overview_of(raw), "2012-07-18").unwrap_err();
        assert_eq!(error, EmbedError::OverviewNeedsProgramme, "{what}");
        let message = error.to_string();
        assert!(message.contains("data-programme"), "{message}");
        assert!(message.ends_with('.'), "{message}");
    }
}

#[test]
fn an_overview_of_an_unknown_programme_says_so() {
    let error = resolve(&overview_of(bundled("cpd23-2013", None)), "2012-07-18").unwrap_err();
    assert_eq!(error, EmbedError::UnknownProgramme("cpd23-2013".into()));
}

#[test]
fn an_unknown_view_falls_back_to_the_checklist_with_a_warning() {
    let raw = RawEmbed {
        view: Some("sideways".into()),
        ..bundled("cpd23-2012", Some("12"))
    };
    let model = model(&raw, "2012-07-18");
    assert_eq!(model.view, View::Checklist);
    assert_eq!(model.title, "Putting the social into social media");
    assert_eq!(model.warnings.len(), 1, "{:?}", model.warnings);
    assert!(
        model.warnings[0].contains("sideways"),
        "{:?}",
        model.warnings
    );
    assert!(
        model.warnings[0].contains("overview"),
        "{:?}",
        model.warnings
    );
}

// ---------------------------------------------------------------------------------------------
// The course's clock.

#[test]
fn the_clock_is_asked_for_the_programme_time_zone() {
    let cases: &[(&str, RawEmbed, Option<&str>)] = &[
        (
            "bundled, Europe/London",
            bundled("cpd23-2012", None),
            Some("Europe/London"),
        ),
        (
            "supplied, Europe/London",
            from_block(None, LIBRARY),
            Some("Europe/London"),
        ),
        (
            "supplied, no time zone",
            from_block(None, &library_without_zone()),
            None,
        ),
        (
            "overview, Europe/London",
            overview_of(bundled("cpd23-2012", None)),
            Some("Europe/London"),
        ),
        (
            "overview, no time zone",
            overview_of(from_block(None, &library_without_zone())),
            None,
        ),
    ];
    for (what, raw, zone) in cases {
        let calls: RefCell<Vec<Option<String>>> = RefCell::new(Vec::new());
        let clock = |zone: Option<&str>| {
            calls.borrow_mut().push(zone.map(str::to_owned));
            Ok(date("2026-01-21"))
        };
        let model = common::resolve_at(raw, &clock, &common::bundled_programme)
            .unwrap_or_else(|e| panic!("{what}: {e}"));
        assert!(model.warnings.is_empty(), "{what}: {:?}", model.warnings);
        let calls = calls.into_inner();
        assert!(!calls.is_empty(), "{what}: the clock was not asked");
        assert!(
            calls.iter().all(|c| c.as_deref() == *zone),
            "{what}: {calls:?}"
        );
    }
}

#[test]
fn an_unknown_time_zone_falls_back_to_the_readers_date_with_one_warning() {
    let text = LIBRARY.replace("Europe/London", "Europe/Atlantis");
    for raw in [
        from_block(None, &text),
        overview_of(from_block(None, &text)),
    ] {
        let clock = |zone: Option<&str>| {
            assert_eq!(zone, Some("Europe/Atlantis"));
            // The reader's own date: in the second week.
            Err(date("2026-01-13"))
        };
        let model = common::resolve_at(&raw, &clock, &no_lookup).unwrap();
        assert_eq!(model.current, Some(1), "the reader's date is used");
        assert_eq!(model.warnings.len(), 1, "{:?}", model.warnings);
        assert!(
            model.warnings[0].contains("Europe/Atlantis"),
            "{:?}",
            model.warnings
        );
        if model.view == View::Checklist {
            assert_eq!(model.thing_key, "2");
        }
    }
    // Without a time zone the reader's date is what was asked for: no warning.
    let text = library_without_zone();
    let clock = |_: Option<&str>| Err(date("2026-01-13"));
    let model = common::resolve_at(&from_block(None, &text), &clock, &no_lookup).unwrap();
    assert_eq!(model.thing_key, "2");
    assert!(model.warnings.is_empty(), "{:?}", model.warnings);
}

#[test]
fn a_reader_in_new_york_sees_the_london_release_on_sunday_evening() {
    // 23:30 UTC on Sunday 15 July 2012: 00:30 on Monday in London, 19:30 on Sunday in New York.
    const INSTANT: i64 = 1_342_395_000_000;
    let clock = |zone: Option<&str>| match zone {
        Some("Europe/London") => Ok(date_at(INSTANT, 60)),
        None => Ok(date_at(INSTANT, -240)),
        Some(other) => panic!("asked for {other}"),
    };
    let london = common::resolve_at(
        &bundled("cpd23-2012", None),
        &clock,
        &common::bundled_programme,
    )
    .unwrap();
    assert_eq!(london.thing_key, "12");
    assert_eq!(london.current, Some(11));
    // The same programme without its time zone follows the reader's own midnight.
    let text = thing_prompts::core::programme::bundled_source("cpd23-2012")
        .unwrap()
        .replace("\"timeZone\": \"Europe/London\",", "");
    assert!(!text.contains("timeZone"));
    let local = common::resolve_at(&from_block(None, &text), &clock, &no_lookup).unwrap();
    assert_eq!(local.thing_key, "11");
    assert_eq!(local.current, Some(10));
}

// ---------------------------------------------------------------------------------------------
// The current Thing: catch-up weeks, the end, pinned Things and the week line.

#[test]
fn a_catch_up_week_shows_the_latest_thing_and_says_so() {
    for today in ["2026-02-02", "2026-02-05", "2026-02-08"] {
        let model = common::resolve(&from_block(None, LIBRARY), date(today), &no_lookup).unwrap();
        assert_eq!(model.thing_key, "4", "{today}");
        assert_eq!(model.title, "Four");
        assert_eq!(model.current, Some(3));
        assert_eq!(
            model.notice.as_deref(),
            Some(catch_up_text().as_str()),
            "{today}"
        );
        assert!(!model.ended);
        assert_eq!(
            model.week.as_deref(),
            Some("26 January 2026 – 1 February 2026")
        );
    }
    // The days around it are ordinary.
    for (today, thing) in [("2026-02-01", "4"), ("2026-02-09", "5")] {
        let model = common::resolve(&from_block(None, LIBRARY), date(today), &no_lookup).unwrap();
        assert_eq!(model.thing_key, thing, "{today}");
        assert_eq!(model.notice, None, "{today}");
    }
    // In the reader's language, and with the organiser's own wording.
    let raw = RawEmbed {
        lang: Some("fr".into()),
        ..from_block(None, LIBRARY)
    };
    let model = common::resolve(&raw, date("2026-02-04"), &no_lookup).unwrap();
    assert_eq!(
        model.notice.as_deref(),
        Some(Labels::new(Lang::Fr).text(Label::CatchUp).as_str())
    );
    assert!(model.notice.unwrap().contains("rattrapage"));
    let raw = RawEmbed {
        labels: vec![("catch-up".into(), "Time to catch up!".into())],
        ..from_block(None, LIBRARY)
    };
    let model = common::resolve(&raw, date("2026-02-04"), &no_lookup).unwrap();
    assert_eq!(model.notice.as_deref(), Some("Time to catch up!"));
}

#[test]
fn after_the_end_the_last_thing_is_shown_and_the_course_is_over() {
    let cases = [
        ("2026-02-22", false),
        ("2026-02-23", true),
        ("2030-01-01", true),
    ];
    for (today, over) in cases {
        let model = common::resolve(&from_block(None, LIBRARY), date(today), &no_lookup).unwrap();
        assert_eq!(model.thing_key, "6", "{today}");
        assert_eq!(model.released, Some(5), "{today}");
        assert_eq!(model.ended, over, "{today}");
        // After the end no Thing is this week's.
        assert_eq!(model.current, if over { None } else { Some(5) }, "{today}");
        if over {
            let notice = model.notice.unwrap();
            assert!(notice.contains("finished"), "{notice}");
            assert!(notice.contains("Sunday 22 February 2026"), "{notice}");
        } else {
            assert_eq!(model.notice, None);
        }
    }
    let model = model(&bundled("cpd23-2012", Some("current")), "2012-10-08");
    assert!(model.ended);
    assert_eq!(model.thing_key, "23");
}

#[test]
fn a_pinned_thing_has_no_course_notice_but_knows_the_current_one() {
    // (day, current position)
    let cases = [
        ("2012-04-29", None),
        ("2012-07-18", Some(11)),
        ("2012-10-08", Some(22)),
        ("2026-11-26", Some(22)),
    ];
    for (today, current) in cases {
        let model = model(&bundled("cpd23-2012", Some("3")), today);
        assert_eq!(model.thing_key, "3", "{today}");
        assert_eq!(model.notice, None, "{today}");
        assert!(!model.ended, "{today}");
        assert_eq!(model.released, current, "{today}");
        assert_eq!(
            model.week.as_deref(),
            Some("14 May 2012 – 20 May 2012"),
            "{today}"
        );
    }
    // In a catch-up week too.
    let model = common::resolve(
        &from_block(Some("3"), LIBRARY),
        date("2026-02-04"),
        &no_lookup,
    )
    .unwrap();
    assert_eq!(model.notice, None);
    assert!(!model.ended);
    assert_eq!(model.current, Some(3));
}

#[test]
fn the_week_of_thing_12_in_each_language() {
    let cases = [
        ("en", "16 July 2012 – 22 July 2012"),
        ("fr", "du 16 juillet 2012 au 22 juillet 2012"),
        ("de", "16. Juli 2012 – 22. Juli 2012"),
        ("es", "del 16 de julio de 2012 al 22 de julio de 2012"),
    ];
    for (lang, week) in cases {
        for thing in [Some("12"), None] {
            let raw = RawEmbed {
                lang: Some(lang.into()),
                ..bundled("cpd23-2012", thing)
            };
            let model = model(&raw, "2012-07-18");
            assert_eq!(model.thing_key, "12");
            assert_eq!(model.week.as_deref(), Some(week), "{lang} {thing:?}");
        }
    }
    // An organiser may word it differently.
    let raw = RawEmbed {
        labels: vec![("week".into(), "{from} to {to}".into())],
        ..bundled("cpd23-2012", Some("12"))
    };
    assert_eq!(
        model(&raw, "2012-07-18").week.as_deref(),
        Some("16 July 2012 to 22 July 2012")
    );
}

#[test]
fn no_week_without_a_schedule() {
    let text = r#"{"format": 1, "id": "plain", "title": "Plain",
        "things": [{"number": 1, "title": "A", "prompts": [{"text": "Q?"}]}]}"#;
    let model =
        common::resolve(&from_block(Some("1"), text), date("2026-01-21"), &no_lookup).unwrap();
    assert_eq!(model.week, None);
    assert_eq!(model.current, None);
    assert!(!model.ended);
}
