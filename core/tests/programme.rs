#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)]
//! Reading and validating programme files, and the two bundled programmes.

use serde_json::{json, Value};
use thing_prompts_core::date::CivilDate;
use thing_prompts_core::programme::{
    bundled_ids, bundled_source, Programme, ProgrammeErrors, BUNDLED,
};
use thing_prompts_core::prompt_id::PromptId;
use thing_prompts_core::schedule::Schedule;

/// The value at a path of keys and indexes (`things.0.prompts`), a missing last key added as null.
fn at<'a>(value: &'a mut Value, path: &str) -> &'a mut Value {
    path.split('.').fold(value, |value, step| match value {
        Value::Object(fields) => fields.entry(step).or_insert(Value::Null),
        Value::Array(items) => &mut items[step.parse::<usize>().unwrap()],
        other => panic!("no {step} in {other:?}"),
    })
}

fn remove(value: &mut Value, key: &str) {
    match value {
        Value::Object(fields) => {
            fields.shift_remove(key);
        }
        other => panic!("no {key} in {other:?}"),
    }
}

fn date(text: &str) -> CivilDate {
    CivilDate::parse(text).unwrap()
}

/// A small valid programme; tests change one part of it.
fn valid() -> Value {
    json!({
        "format": 1,
        "id": "test-course",
        "title": "Test course",
        "schedule": { "start": "2012-04-30", "intervalDays": 7 },
        "things": [
            { "number": 1, "title": "One", "prompts": [ { "text": "First question?" } ] },
            { "number": 2, "title": "Two", "prompts": [ { "text": "Second question?" } ] }
        ]
    })
}

fn with(change: impl FnOnce(&mut Value)) -> String {
    let mut value = valid();
    change(&mut value);
    value.to_string()
}

fn parse(text: &str) -> Programme {
    Programme::from_json(text).unwrap_or_else(|e| panic!("should be valid: {e}"))
}

fn errors(text: &str) -> ProgrammeErrors {
    match Programme::from_json(text) {
        Ok(p) => panic!("should be rejected, got {p:?}"),
        Err(errors) => errors,
    }
}

fn paths(errors: &ProgrammeErrors) -> Vec<String> {
    errors.0.iter().map(|e| e.path()).collect()
}

fn bundled(id: &str) -> Programme {
    parse(bundled_source(id).unwrap())
}

#[test]
fn the_valid_base_programme_reads() {
    let programme = parse(&valid().to_string());
    assert_eq!(programme.id, "test-course");
    assert_eq!(programme.title, "Test course");
    assert_eq!(programme.language, "en", "language defaults to en");
    assert_eq!(
        programme.schedule,
        Some(Schedule::cadence(date("2012-04-30"), 7, &[], 2))
    );
    let numbers: Vec<u32> = programme.things.iter().map(|t| t.number).collect();
    assert_eq!(numbers, [1, 2]);
    assert_eq!(programme.things[0].prompts[0].text, "First question?");
    assert_eq!(
        programme.things[0].prompts[0].id,
        PromptId::from_text("first QUESTION?")
    );
    assert_eq!(programme.things[0].link, None);
}

#[test]
fn bundled_programmes_have_23_things_numbered_1_to_23() {
    assert_eq!(
        bundled_ids().collect::<Vec<_>>(),
        ["cpd23-2011", "cpd23-2012"]
    );
    for (id, text) in BUNDLED {
        let programme = Programme::from_json(text).unwrap_or_else(|e| panic!("{id}: {e}"));
        assert_eq!(programme.id, id);
        assert!(
            programme.title.contains("23 Things"),
            "{id}: {}",
            programme.title
        );
        let numbers: Vec<u32> = programme.things.iter().map(|t| t.number).collect();
        assert_eq!(numbers, (1..=23).collect::<Vec<_>>(), "{id}");
        assert_eq!(programme.last_number(), 23);
        for thing in &programme.things {
            assert!(
                !thing.title.trim().is_empty(),
                "{id} Thing {}",
                thing.number
            );
            assert!(
                !thing.prompts.is_empty(),
                "{id} Thing {} has no prompts",
                thing.number
            );
            let mut ids: Vec<&PromptId> = thing.prompts.iter().map(|p| &p.id).collect();
            ids.sort();
            ids.dedup();
            assert_eq!(
                ids.len(),
                thing.prompts.len(),
                "{id} Thing {}: ids are unique",
                thing.number
            );
            for prompt in &thing.prompts {
                assert!(!prompt.text.is_empty());
                assert_eq!(
                    prompt.id,
                    PromptId::from_text(&prompt.text),
                    "bundled ids are derived from text"
                );
            }
        }
        assert_eq!(bundled_source(id), Some(text));
    }
    assert_eq!(bundled_source("cpd23-2013"), None);
    assert_eq!(bundled_source(""), None);
}

#[test]
fn bundled_schedules() {
    let cases = [("cpd23-2011", "2011-06-20"), ("cpd23-2012", "2012-04-30")];
    for (id, start) in cases {
        assert_eq!(
            bundled(id).schedule,
            Some(Schedule::cadence(date(start), 7, &[], 23)),
            "{id}"
        );
    }
}

#[test]
fn bundled_thing_12() {
    let cases = [("cpd23-2012", 5), ("cpd23-2011", 6)];
    for (id, prompt_count) in cases {
        let programme = bundled(id);
        let thing = programme.thing(12).unwrap();
        assert_eq!(thing.number, 12);
        assert_eq!(thing.title, "Putting the social into social media", "{id}");
        assert_eq!(thing.prompts.len(), prompt_count, "{id}");
    }
    assert!(bundled("cpd23-2012").thing(24).is_none());
    assert!(bundled("cpd23-2012").thing(0).is_none());
}

#[test]
fn every_bad_field_is_reported_at_once() {
    let text = json!({
        "format": 2,
        "id": "Bad Id",
        "title": "   ",
        "schedule": { "start": "2012-7-16", "intervalDays": 0 },
        "things": [
            {
                "number": 0,
                "title": "",
                "link": "javascript:alert(1)",
                "prompts": [
                    { "text": "  \n " },
                    { "id": "q1", "text": "A?" },
                    { "id": "q1", "text": "B?" },
                    { "id": "  ", "text": "C?" }
                ]
            },
            { "number": 3, "title": "Three", "prompts": [ { "text": "Same?" }, { "text": " SAME? " } ] },
            { "number": 3, "title": "Three again" }
        ]
    })
    .to_string();
    let errors = errors(&text);
    assert_eq!(
        paths(&errors),
        [
            "format",
            "id",
            "title",
            "things[0].number",
            "things[0].title",
            "things[0].link",
            "things[0].prompts[0].text",
            "things[0].prompts[2].id",
            "things[0].prompts[3].id",
            "things[1].prompts[1].text",
            "things[2].number",
            "schedule.start",
            "schedule.intervalDays",
        ]
    );
    let shown: Vec<String> = errors.0.iter().map(ToString::to_string).collect();
    // prompts[0] was dropped for its empty text, so the first "q1" is prompts[1].
    assert_eq!(
        shown[7],
        "things[0].prompts[2].id: duplicate id \"q1\" (also used at things[0].prompts[1])"
    );
    assert_eq!(
        shown[9],
        format!(
            "things[1].prompts[1].text: duplicate text \"{}\" (also used at things[1].prompts[0])",
            PromptId::from_text("same?")
        )
    );
    assert!(
        shown[10].contains("Thing 3 appears twice (also at things[1])"),
        "{}",
        shown[10]
    );
    // The whole list reads as one line, "; " between errors.
    assert_eq!(errors.to_string(), shown.join("; "));
}

#[test]
fn duplicate_explicit_prompt_ids() {
    let text = with(|v| {
        *at(v, "things.0.prompts") =
            json!([{ "id": "q1", "text": "A?" }, { "id": "q1", "text": "B?" }]);
    });
    let errors = errors(&text);
    assert_eq!(errors.0.len(), 1);
    assert_eq!(
        errors.0[0].to_string(),
        "things[0].prompts[1].id: duplicate id \"q1\" (also used at things[0].prompts[0])"
    );
    assert_eq!(
        errors.to_string(),
        "things[0].prompts[1].id: duplicate id \"q1\" (also used at things[0].prompts[0])"
    );
}

#[test]

fn a_third_duplicate_points_back_to_the_first() {
    let text = with(|v| {
        *at(v, "things") = json!([
            { "number": 4, "title": "A", "prompts": [
                { "id": "q1", "text": "A?" }, { "id": "q1", "text": "B?" }, { "id": "q1", "text": "C?" }
            ] },
            { "number": 4, "title": "B" },
            { "number": 4, "title": "C" }
        ]);
    });
    let shown: Vec<String> = errors(&text).0.iter().map(ToString::to_string).collect();
    assert_eq!(
        shown,
        [
            "things[0].prompts[1].id: duplicate id \"q1\" (also used at things[0].prompts[0])",
            "things[0].prompts[2].id: duplicate id \"q1\" (also used at things[0].prompts[0])",
            "things[1].number: Thing 4 appears twice (also at things[0]): give each Thing its own number",
            "things[2].number: Thing 4 appears twice (also at things[0]): give each Thing its own number",
        ]
    );
}

#[test]
fn the_same_id_in_two_things_is_fine() {
    let text = with(|v| {
        *at(v, "things.0.prompts") = json!([{ "id": "q1", "text": "A?" }]);
        *at(v, "things.1.prompts") = json!([{ "id": "q1", "text": "A?" }]);
    });
    let programme = parse(&text);
    assert_eq!(programme.things[0].prompts[0].id, PromptId::named("q1"));
    assert_eq!(programme.things[1].prompts[0].id, PromptId::named("q1"));
}

/// One field changed, one error: (what, change, path, words the message must contain).
type Case = (&'static str, fn(&mut Value), &'static str, &'static str);

#[test]
fn single_field_errors() {
    let cases: &[Case] = &[
        (
            "format 2",
            |v| *at(v, "format") = json!(2),
            "format",
            "format 2 is not known",
        ),
        (
            "format 0",
            |v| *at(v, "format") = json!(0),
            "format",
            "format 0",
        ),
        (
            "empty id",
            |v| *at(v, "id") = json!(""),
            "id",
            "\"\" is not a usable id",
        ),
        (
            "upper-case id",
            |v| *at(v, "id") = json!("CPD23"),
            "id",
            "\"CPD23\"",
        ),
        (
            "id with a space",
            |v| *at(v, "id") = json!("cpd 23"),
            "id",
            "lower-case",
        ),
        (
            "id with a colon",
            |v| *at(v, "id") = json!("cpd:23"),
            "id",
            "lower-case",
        ),
        (
            "65-character id",
            |v| *at(v, "id") = json!("a".repeat(65)),
            "id",
            "1 to 64",
        ),
        (
            "empty title",
            |v| *at(v, "title") = json!(""),
            "title",
            "needs a title",
        ),
        (
            "blank title",
            |v| *at(v, "title") = json!(" \n\t "),
            "title",
            "needs a title",
        ),
        (
            "bad schedule start",
            |v| *at(v, "schedule.start") = json!("2012-02-30"),
            "schedule.start",
            "\"2012-02-30\" is not a date",
        ),
        (
            "schedule start not zero-padded",
            |v| *at(v, "schedule.start") = json!("2012-4-30"),
            "schedule.start",
            "YYYY-MM-DD",
        ),
        (
            "intervalDays 0",
            |v| *at(v, "schedule.intervalDays") = json!(0),
            "schedule.intervalDays",
            "at least 1",
        ),
        (
            "no things",
            |v| *at(v, "things") = json!([]),
            "things",
            "no Things",
        ),
        (
            "Thing number 0",
            |v| *at(v, "things.0.number") = json!(0),
            "things[0].number",
            "numbered from 1",
        ),
        (
            "duplicate Thing number",
            |v| *at(v, "things.1.number") = json!(1),
            "things[1].number",
            "Thing 1 appears twice (also at things[0])",
        ),
        (
            "empty Thing title",
            |v| *at(v, "things.1.title") = json!(""),
            "things[1].title",
            "needs a title",
        ),
        (
            "javascript link",
            |v| *at(v, "things.0.link") = json!("javascript:alert(1)"),
            "things[0].link",
            "\"javascript:alert(1)\" is not a web address",
        ),
        (
            "empty prompt text",
            |v| *at(v, "things.0.prompts.0.text") = json!(""),
            "things[0].prompts[0].text",
            "empty",
        ),
        (
            "blank prompt id",
            |v| *at(v, "things.0.prompts.0.id") = json!(" "),
            "things[0].prompts[0].id",
            "cannot be empty",
        ),
        (
            "duplicate prompt text",
            |v| *at(v, "things.1.prompts") = json!([{ "text": "Q?" }, { "text": "q?" }]),
            "things[1].prompts[1].text",
            "also used at things[1].prompts[0]",
        ),
    ];
    for &(what, change, path, words) in cases {
        let errors = errors(&with(change));
        assert_eq!(paths(&errors), [path], "{what}");
        let message = errors.to_string();
        assert!(
            message.starts_with(&format!("{path}: ")),
            "{what}: {message}"
        );
        assert!(message.contains(words), "{what}: {message}");
    }
}

#[test]
fn ids_up_to_64_plain_characters_are_accepted() {
    for id in ["a", "cpd23-2012", "0", "-", &"a".repeat(64)] {
        let programme = parse(&with(|v| *at(v, "id") = json!(id)));
        assert_eq!(programme.id, id);
    }
}

#[test]
fn not_a_programme_gives_one_error_for_the_whole_file() {
    // (text, what is said in the brackets)
    let cases = [
        ("", "line 1, column 1: the text ends too soon: expected a value: text in double quotes, a number, true, false, null, [ or {"),
        ("not json", "line 1, column 1: expected a value: text in double quotes, a number, true, false, null, [ or {"),
        ("{", "line 1, column 2: the text ends too soon: expected a field name in double quotes, or }"),
        (
            "{\n  \"format\": 1,\n  \"id\": \"x\"\n  \"title\": \"X\"\n}",
            "line 4, column 3: expected a comma or } after this field",
        ),
        ("[]", "the file must be an object { … }, not a list [ … ]"),
        ("null", "the file must be an object { … }, not null"),
        ("{}", "format is missing"),
        (r#"{"format":1}"#, "id is missing"),
        (
            r#"{"format":"1","id":"x","title":"X","things":[]}"#,
            "format must be a whole number, not text in quotes",
        ),
        (
            r#"{"format":1,"id":"x","title":"X","things":[{"number":-1,"title":"A"}]}"#,
            "things[0].number must be a whole number, not -1",
        ),
        (
            r#"{"format":1,"id":"x","title":"X","things":[{"number":1.0,"title":"A"}]}"#,
            "things[0].number must be a whole number, not 1.0",
        ),
        (
            r#"{"format":1,"id":"x","title":"X","things":[{"number":4294967296,"title":"A"}]}"#,
            "things[0].number is too large: 4294967296",
        ),
        (
            r#"{"format":1,"id":"x","title":"X","things":[{"title":"A"}]}"#,
            "things[0].number is missing",
        ),
        (
            r#"{"format":1,"id":"x","title":"X","things":[{"number":1,"title":"A","prompts":[{"id":"q"}]}]}"#,
            "things[0].prompts[0].text is missing",
        ),
        (
            r#"{"format":1,"id":"x","title":"X","things":[{"number":1,"title":"A","prompts":[{"text":5}]}]}"#,
            "things[0].prompts[0].text must be text in double quotes, not 5",
        ),
        (
            r#"{"format":1,"id":"x","title":"X","schedule":{"start":"2012-04-30","intervalDays":-7},"things":[]}"#,
            "schedule.intervalDays must be a whole number, not -7",
        ),
        (
            r#"{"format":1,"id":"x","title":"X","schedule":[],"things":[]}"#,
            "schedule must be an object { … }, not a list [ … ]",
        ),
        (
            r#"{"format":1,"id":"x","title":"X","schedule":{"catchUp":null},"things":[]}"#,
            "schedule.catchUp must be a list [ … ], not null",
        ),
        (
            r#"{"format":1,"id":"x","title":"X","things":{}}"#,
            "things must be a list [ … ], not an object { … }",
        ),
        (
            r#"{"format":1,"id":"x","title":"X","things":[5]}"#,
            "things[0] must be an object { … }, not 5",
        ),
        (
            r#"{"format":1,"id":"x","title":"X","things":[{"number":1,"title":"A","prompts":null}]}"#,
            "things[0].prompts must be a list [ … ], not null",
        ),
        (
            r#"{"$schema":5,"format":1,"id":"x","title":"X","things":[]}"#,
            "$schema must be text in double quotes, not 5",
        ),
        (
            r#"{"format":1,"id":"x","title":"X","things":[],"prompts":[]}"#,
            r#"unknown field "prompts": the fields allowed here are "$schema", "format", "id", "title", "language", "timeZone", "schedule" and "things""#,
        ),
        (
            r#"{"format":1,"id":"x","title":"X","things":[{"number":1,"title":"A","promts":[]}]}"#,
            r#"things[0]: unknown field "promts": the fields allowed here are "number", "title", "link", "release" and "prompts""#,
        ),
    ];
    for (text, detail) in cases {
        let errors = errors(text);
        assert_eq!(errors.0.len(), 1, "{text}: {errors}");
        assert_eq!(errors.0[0].path(), "", "{text}");
        let shown = errors.to_string();
        assert_eq!(shown, errors.0[0].message(), "no path prefix for {text}");
        assert_eq!(
            shown,
            format!("the file is not a programme in JSON ({detail})"),
            "{text}"
        );
    }
}

#[test]
fn optional_fields_may_be_null() {
    let programme = parse(
        r#"{"$schema":null,"format":1,"id":"x","title":"X","language":null,"timeZone":null,"schedule":null,
            "things":[{"number":1,"title":"A","link":null,"release":null,"prompts":[{"id":null,"text":"Q?"}]}]}"#,
    );
    assert_eq!(programme.language, "en");
    assert_eq!(programme.time_zone, None);
    assert_eq!(programme.schedule, None);
    assert_eq!(programme.things[0].link, None);
    assert_eq!(programme.things[0].prompts[0].id, PromptId::from_text("Q?"));
    let programme = parse(
        r#"{"format":1,"id":"x","title":"X","schedule":{"start":"2012-04-30","intervalDays":7,"catchUp":[]},
            "things":[{"number":1,"title":"A","prompts":[{"text":"Q?","optional":false}]}]}"#,
    );
    assert_eq!(
        programme.schedule,
        Some(Schedule::cadence(date("2012-04-30"), 7, &[], 1))
    );
}

#[test]
fn web_links_are_kept_and_other_links_rejected() {
    let accepted = [
        "https://example.org/x",
        "http://example.org",
        "HTTPS://EXAMPLE.ORG/Thing-12",
        "https://cpd23.blogspot.com/2012/07/thing-12-putting-social-into-social.html",
    ];
    for link in accepted {
        let programme = parse(&with(|v| *at(v, "things.1.link") = json!(link)));
        assert_eq!(programme.things[1].link.as_deref(), Some(link));
        assert_eq!(programme.things[0].link, None);
    }
    let rejected = [
        "javascript:alert(1)",
        " javascript:alert(1)",
        "JavaScript:alert(1)",
        "data:text/html,<script>alert(1)</script>",
        "ftp://example.org",
        "//example.org",
        "example.org",
        "https://",
        "http://",
        "https:/example.org",
        "",
        "   ",
    ];
    for link in rejected {
        let errors = errors(&with(|v| *at(v, "things.1.link") = json!(link)));
        assert_eq!(paths(&errors), ["things[1].link"], "{link:?}");
        assert!(
            errors.to_string().contains("https://"),
            "the message says what to write"
        );
    }
}

#[test]
fn the_shortest_http_link_is_accepted_like_the_shortest_https_link() {
    for link in ["https://a", "http://a"] {
        let programme = Programme::from_json(&with(|v| *at(v, "things.0.link") = json!(link)));
        assert!(programme.is_ok(), "{link}: {programme:?}");
    }
}

#[test]
fn no_schedule_and_a_language() {
    let programme = parse(&with(|v| {
        remove(v, "schedule");
        *at(v, "language") = json!("en-GB");
        *at(v, "timeZone") = json!("Europe/London");
    }));
    assert_eq!(programme.schedule, None);
    assert_eq!(programme.language, "en-GB");
}

#[test]
fn things_out_of_order_come_out_sorted() {
    let programme = parse(&with(|v| {
        *at(v, "things") = json!([
            { "number": 10, "title": "Ten" },
            { "number": 2, "title": "Two" },
            { "number": 7, "title": "Seven" },
            { "number": 1, "title": "One" }
        ]);
    }));
    let order: Vec<(u32, &str)> = programme
        .things
        .iter()
        .map(|t| (t.number, t.title.as_str()))
        .collect();
    assert_eq!(order, [(1, "One"), (2, "Two"), (7, "Seven"), (10, "Ten")]);
    assert_eq!(programme.last_number(), 10);
    assert_eq!(programme.thing(7).map(|t| t.title.as_str()), Some("Seven"));
    assert!(programme.thing(3).is_none());
    assert!(
        programme.things.iter().all(|t| t.prompts.is_empty()),
        "prompts default to none"
    );
}

#[test]
fn white_space_is_collapsed_in_texts_and_titles() {
    let programme = parse(&with(|v| {
        *at(v, "title") = json!("  Test \n course  ");
        *at(v, "things.0.title") = json!("\tPutting the   social into\nsocial media ");
        *at(v, "things.0.prompts") = json!([
            { "text": "  What   do\n you\tthink\u{a0}of it?  " },
            { "id": "  q2 ", "text": "Second" }
        ]);
    }));
    assert_eq!(programme.title, "Test course");
    let thing = &programme.things[0];
    assert_eq!(thing.title, "Putting the social into social media");
    assert_eq!(thing.prompts[0].text, "What do you think of it?");
    assert_eq!(
        thing.prompts[0].id,
        PromptId::from_text("what do you think of it?")
    );
    assert_eq!(
        thing.prompts[1].id,
        PromptId::named("q2"),
        "explicit ids are trimmed"
    );
}

// ---------------------------------------------------------------------------------------------
// Schedules in both forms, time zones, optional prompts and unknown fields.

/// The base programme without `schedule`, its Things released on these dates (`None`: no release).
fn explicit(releases: &[Option<&str>]) -> Value {
    let mut value = valid();
    remove(&mut value, "schedule");
    let things: Vec<Value> = releases
        .iter()
        .enumerate()
        .map(|(i, release)| {
            let number = i as u64 + 1;
            let mut thing = json!({
                "number": number,
                "title": (format!("Thing {number}")),
                "prompts": [ { "text": (format!("Question {number}?")) } ]
            });
            if let Some(day) = release {
                *at(&mut thing, "release") = json!(*day);
            }
            thing
        })
        .collect();
    *at(&mut value, "things") = Value::Array(things);
    value
}

fn shown(errors: &ProgrammeErrors) -> Vec<String> {
    errors.0.iter().map(ToString::to_string).collect()
}

#[test]
fn explicit_releases_are_read_into_a_schedule() {
    let programme =
        parse(&explicit(&[Some("2012-01-02"), Some("2012-01-05"), Some("2012-01-20")]).to_string());
    let expected = Schedule::explicit(
        vec![date("2012-01-02"), date("2012-01-05"), date("2012-01-20")],
        &[],
    );
    assert_eq!(programme.schedule, Some(expected));
    let schedule = programme.schedule.unwrap();
    assert_eq!(schedule.release_date(2), Some(date("2012-01-20")));
    assert_eq!(schedule.end(), date("2012-01-27"));
    assert_eq!(
        schedule.week(0),
        Some((date("2012-01-02"), date("2012-01-04")))
    );
}

#[test]
fn explicit_releases_follow_the_thing_numbers_not_the_file_order() {
    let mut value = explicit(&[]);
    *at(&mut value, "things") = json!([
        { "number": 3, "title": "Three", "release": "2012-01-20" },
        { "number": 1, "title": "One", "release": "2012-01-02" },
        { "number": 2, "title": "Two", "release": "2012-01-05" }
    ]);
    let programme = parse(&value.to_string());
    let numbers: Vec<u32> = programme.things.iter().map(|t| t.number).collect();
    assert_eq!(numbers, [1, 2, 3]);
    assert_eq!(
        programme.schedule,
        Some(Schedule::explicit(
            vec![date("2012-01-02"), date("2012-01-05"), date("2012-01-20")],
            &[],
        ))
    );
    // A catch-up week fits in the explicit form too.
    *at(&mut value, "schedule") = json!({ "catchUp": ["2012-01-27"] });
    let programme = parse(&value.to_string());
    let schedule = programme.schedule.unwrap();
    assert_eq!(
        schedule.catch_up_weeks(),
        [(date("2012-01-27"), date("2012-02-03"))]
    );
    assert_eq!(schedule.end(), date("2012-02-03"));
}

#[test]
fn explicit_dates_out_of_order_are_an_error() {
    // (what, things as (number, release), expected errors)
    type OrderCase = (&'static str, Value, &'static [&'static str]);
    let cases: Vec<OrderCase> = vec![
        (
            "Thing 2 before Thing 1",
            json!([
                { "number": 1, "title": "One", "release": "2012-01-09" },
                { "number": 2, "title": "Two", "release": "2012-01-02" }
            ]),
            &["things[1].release: 2012-01-02 is not after Thing 1's release (2012-01-09): release dates must increase with the Thing number"],
        ),
        (
            "the same day twice",
            json!([
                { "number": 1, "title": "One", "release": "2012-01-02" },
                { "number": 2, "title": "Two", "release": "2012-01-02" }
            ]),
            &["things[1].release: 2012-01-02 is not after Thing 1's release (2012-01-02): release dates must increase with the Thing number"],
        ),
        (
            // The path is the Thing's place in the file; the message names both Things.
            "listed out of order, dates out of order",
            json!([
                { "number": 2, "title": "Two", "release": "2012-01-02" },
                { "number": 1, "title": "One", "release": "2012-01-09" }
            ]),
            &["things[0].release: 2012-01-02 is not after Thing 1's release (2012-01-09): release dates must increase with the Thing number"],
        ),
        (
            // Each is compared with the one before it in number order.
            "a gap in the numbers",
            json!([
                { "number": 1, "title": "One", "release": "2012-01-02" },
                { "number": 5, "title": "Five", "release": "2012-02-01" },
                { "number": 9, "title": "Nine", "release": "2012-01-15" },
                { "number": 10, "title": "Ten", "release": "2012-01-10" }
            ]),
            &[
                "things[2].release: 2012-01-15 is not after Thing 5's release (2012-02-01): release dates must increase with the Thing number",
                "things[3].release: 2012-01-10 is not after Thing 9's release (2012-01-15): release dates must increase with the Thing number",
            ],
        ),
    ];
    for (what, things, expected) in cases {
        let mut value = explicit(&[]);
        *at(&mut value, "things") = things;
        let errors = errors(&value.to_string());
        assert_eq!(shown(&errors), expected, "{what}");
    }
}

#[test]
fn some_things_without_a_release_date() {
    let errors =
        errors(&explicit(&[Some("2012-01-02"), None, Some("2012-01-20"), None]).to_string());
    assert_eq!(paths(&errors), ["things[1].release", "things[3].release"]);
    for error in &errors.0 {
        assert_eq!(
            error.message(),
            "missing: give every Thing a release date, or none and use schedule.start"
        );
    }
}

#[test]
fn a_start_and_release_dates_together() {
    let cases: &[(&str, Value)] = &[
        (
            "start and intervalDays",
            json!({ "start": "2012-01-02", "intervalDays": 7 }),
        ),
        ("start only", json!({ "start": "2012-01-02" })),
        ("intervalDays only", json!({ "intervalDays": 7 })),
    ];
    for (what, schedule) in cases {
        let mut value = explicit(&[Some("2012-01-02"), Some("2012-01-09")]);
        *at(&mut value, "schedule") = schedule.clone();
        let errors = errors(&value.to_string());
        assert_eq!(
            shown(&errors),
            ["schedule.start: use either schedule.start with schedule.intervalDays, or a release date on every Thing, not both"],
            "{what}"
        );
    }
    // Even one release date next to a start is one too many.
    let mut value = explicit(&[Some("2012-01-02"), None]);
    *at(&mut value, "schedule") = json!({ "start": "2012-01-02", "intervalDays": 7 });
    assert_eq!(paths(&errors(&value.to_string())), ["schedule.start"]);
}

#[test]
fn the_cadence_form_needs_both_start_and_interval() {
    let cases: &[(&str, Value, &str)] = &[
        (
            "start without intervalDays",
            json!({ "start": "2012-04-30" }),
            "schedule.intervalDays: missing: say how many days apart the Things come out (7 for a weekly course)",
        ),
        (
            "intervalDays without start",
            json!({ "intervalDays": 7 }),
            "schedule.start: missing: give the date of the first Thing (YYYY-MM-DD) with schedule.intervalDays",
        ),
        (
            "catch-up weeks without a schedule",
            json!({ "catchUp": ["2012-05-07"] }),
            "schedule.catchUp[0]: catch-up weeks need a schedule: add schedule.start and schedule.intervalDays, or a release date to every Thing",
        ),
    ];
    for (what, schedule, expected) in cases {
        let errors = errors(&with(|v| *at(v, "schedule") = schedule.clone()));
        assert_eq!(shown(&errors), [*expected], "{what}");
    }
    // An empty schedule is no schedule.
    let programme = parse(&with(|v| *at(v, "schedule") = json!({})));
    assert_eq!(programme.schedule, None);
    let programme = parse(&with(|v| *at(v, "schedule") = json!({ "catchUp": [] })));
    assert_eq!(programme.schedule, None);
}

#[test]
fn cadence_catch_up_weeks_are_read() {
    // Two Things from Monday 30 April 2012; a catch-up week in between, one after the last.
    let cases: &[(&[&str], &[&str], &str)] = &[
        (&["2012-05-09"], &["2012-04-30", "2012-05-14"], "2012-05-21"),
        (&["2012-05-14"], &["2012-04-30", "2012-05-07"], "2012-05-21"),
        (
            &["2012-05-14", "2012-05-07"],
            &["2012-04-30", "2012-05-21"],
            "2012-05-28",
        ),
    ];
    for (catch_up, releases, end) in cases {
        let programme = parse(&with(|v| {
            *at(v, "schedule.catchUp") = catch_up
                .iter()
                .map(|d| json!(*d))
                .collect::<Vec<_>>()
                .into()
        }));
        let schedule = programme.schedule.unwrap();
        let catch_up_days: Vec<CivilDate> = catch_up.iter().map(|d| date(d)).collect();
        assert_eq!(
            schedule,
            Schedule::cadence(date("2012-04-30"), 7, &catch_up_days, 2),
            "{catch_up:?}"
        );
        let got: Vec<CivilDate> = (0..2).map(|p| schedule.release_date(p).unwrap()).collect();
        let want: Vec<CivilDate> = releases.iter().map(|d| date(d)).collect();
        assert_eq!(got, want, "{catch_up:?}");
        assert_eq!(schedule.end(), date(end), "{catch_up:?}");
    }
}

#[test]
fn catch_up_dates_outside_the_course() {
    // The base programme: Things on 30 April and 7 May 2012, over on Sunday 13 May.
    let cases: &[(&str, Value, &[&str])] = &[
        (
            "before the start",
            json!(["2012-04-29"]),
            &["schedule.catchUp[0]: 2012-04-29 is before the course starts (2012-04-30): remove it or fix the date"],
        ),
        (
            "after the end, with a gap",
            json!(["2012-05-21"]),
            &["schedule.catchUp[0]: 2012-05-21 is after the course ends (2012-05-13): a catch-up week must come between Things or straight after the last"],
        ),
        (
            "the second of two",
            json!(["2012-05-14", "2013-01-01"]),
            &["schedule.catchUp[1]: 2013-01-01 is after the course ends (2012-05-20): a catch-up week must come between Things or straight after the last"],
        ),
        (
            "not a date",
            json!(["2012-05-07", "2012-02-30", "next week"]),
            &[
                "schedule.catchUp[1]: \"2012-02-30\" is not a date: write it as YYYY-MM-DD, e.g. 2012-07-16",
                "schedule.catchUp[2]: \"next week\" is not a date: write it as YYYY-MM-DD, e.g. 2012-07-16",
            ],
        ),
    ];
    for (what, catch_up, expected) in cases {
        let errors = errors(&with(|v| *at(v, "schedule.catchUp") = catch_up.clone()));
        assert_eq!(shown(&errors), *expected, "{what}");
    }
}

#[test]
fn explicit_catch_up_weeks_that_do_not_fit() {
    // Things on Monday 2 and Monday 16 January 2012; the course is over on Sunday 22 January.
    let cases: &[(&str, Value, &[&str])] = &[
        (
            "overlapping the second release",
            json!(["2012-01-10"]),
            &["schedule.catchUp[0]: the catch-up week from 2012-01-10 overlaps Thing 2's release: move one of them"],
        ),
        (
            "on the first release",
            json!(["2012-01-02"]),
            &["schedule.catchUp[0]: the catch-up week from 2012-01-02 overlaps Thing 1's release: move one of them"],
        ),
        (
            "before the start",
            json!(["2011-12-20"]),
            &["schedule.catchUp[0]: 2011-12-20 is before the course starts: remove it or fix the date"],
        ),
        (
            "after the end, with a gap",
            json!(["2012-01-30"]),
            &["schedule.catchUp[0]: 2012-01-30 is after the course ends (2012-01-22): a catch-up week must come between Things or straight after the last"],
        ),
        (
            "the second one overlaps",
            json!(["2012-01-09", "2012-01-15"]),
            &["schedule.catchUp[1]: the catch-up week from 2012-01-15 overlaps Thing 2's release: move one of them"],
        ),
    ];
    for (what, catch_up, expected) in cases {
        let mut value = explicit(&[Some("2012-01-02"), Some("2012-01-16")]);
        *at(&mut value, "schedule") = json!({ "catchUp": (catch_up.clone()) });
        let errors = errors(&value.to_string());
        assert_eq!(shown(&errors), *expected, "{what}");
    }
    // Between the releases and straight after the last one, they fit.
    let mut value = explicit(&[Some("2012-01-02"), Some("2012-01-16")]);
    *at(&mut value, "schedule") = json!({ "catchUp": ["2012-01-09", "2012-01-23"] });
    let schedule = parse(&value.to_string()).schedule.unwrap();
    assert_eq!(schedule.end(), date("2012-01-30"));
}

#[test]
fn bad_release_dates_are_reported_at_their_thing() {
    for text in [
        "2012-13-01",
        "2011-02-29",
        "16/07/2012",
        "2012-7-16",
        "",
        "soon",
    ] {
        // A lone Thing with a bad date: the only problem is the date.
        let errors = errors(&explicit(&[Some(text)]).to_string());
        assert_eq!(
            shown(&errors),
            [format!(
                "things[0].release: \"{text}\" is not a date: write it as YYYY-MM-DD, e.g. 2012-07-16"
            )],
            "{text:?}"
        );
    }
    // A leap day is a date.
    let programme = parse(&explicit(&[Some("2012-02-29")]).to_string());
    assert_eq!(
        programme.schedule.unwrap().release_date(0),
        Some(date("2012-02-29"))
    );
}

#[test]
fn a_bad_release_date_among_good_ones_is_reported_once() {
    let errors = errors(&explicit(&[Some("2012-01-02"), Some("2012-13-01")]).to_string());
    assert_eq!(
        shown(&errors),
        ["things[1].release: \"2012-13-01\" is not a date: write it as YYYY-MM-DD, e.g. 2012-07-16"]
    );
}

#[test]
fn time_zones() {
    for zone in [
        "Europe/London",
        "America/Argentina/Buenos_Aires",
        "UTC",
        "America/New_York",
        "America/Port-au-Prince",
        "Etc/GMT+5",
        "Pacific/Kiritimati",
    ] {
        let programme = parse(&with(|v| *at(v, "timeZone") = json!(zone)));
        assert_eq!(programme.time_zone.as_deref(), Some(zone));
    }
    assert_eq!(parse(&valid().to_string()).time_zone, None);
    for zone in [
        "Mars time",
        "",
        "../../etc",
        "/etc/passwd",
        "Europe/London ",
        " Europe/London",
        "Europe\\London",
        "Europe/<b>London</b>",
        "1Europe/London",
        &format!("Europe/{}", "x".repeat(60)),
    ] {
        let errors = errors(&with(|v| *at(v, "timeZone") = json!(zone)));
        assert_eq!(
            shown(&errors),
            [format!(
                "timeZone: \"{zone}\" is not a time zone name: write one such as Europe/London or America/New_York"
            )],
            "{zone:?}"
        );
    }
    // Not a string at all: the file is not a programme.
    let errors = errors(&with(|v| *at(v, "timeZone") = json!(60)));
    assert_eq!(paths(&errors), [""]);
}

#[test]
fn optional_prompts() {
    let programme = parse(&with(|v| {
        *at(v, "things.0.prompts") = json!([
            { "text": "Required?" },
            { "text": "Optional?", "optional": true },
            { "id": "q3", "text": "Said to be required?", "optional": false }
        ]);
    }));
    let flags: Vec<(&str, bool)> = programme.things[0]
        .prompts
        .iter()
        .map(|p| (p.text.as_str(), p.optional))
        .collect();
    assert_eq!(
        flags,
        [
            ("Required?", false),
            ("Optional?", true),
            ("Said to be required?", false)
        ]
    );
    // Being optional does not change a prompt's id.
    assert_eq!(
        programme.things[0].prompts[1].id,
        PromptId::from_text("Optional?")
    );
    let errors = errors(&with(|v| {
        *at(v, "things.0.prompts.0.optional") = json!("yes");
    }));
    assert_eq!(paths(&errors), [""]);
}

#[test]
fn unknown_fields_are_refused_everywhere() {
    // (the object's path with ": ", change, the field named in the error, the fields allowed there)
    type FieldCase = (&'static str, fn(&mut Value), &'static str, &'static str);
    const TOP: &str =
        r#""$schema", "format", "id", "title", "language", "timeZone", "schedule" and "things""#;
    const SCHEDULE: &str = r#""start", "intervalDays" and "catchUp""#;
    const THING: &str = r#""number", "title", "link", "release" and "prompts""#;
    const PROMPT: &str = r#""id", "text" and "optional""#;
    let cases: &[FieldCase] = &[
        (
            "",
            |v| *at(v, "timezone") = json!("Europe/London"),
            "timezone",
            TOP,
        ),
        ("", |v| *at(v, "schema") = json!("x"), "schema", TOP),
        (
            "schedule: ",
            |v| *at(v, "schedule.interval") = json!(7),
            "interval",
            SCHEDULE,
        ),
        (
            "schedule: ",
            |v| *at(v, "schedule.catchup") = json!([]),
            "catchup",
            SCHEDULE,
        ),
        (
            "things[0]: ",
            |v| *at(v, "things.0.releaseDate") = json!("2012-04-30"),
            "releaseDate",
            THING,
        ),
        (
            "things[1]: ",
            |v| *at(v, "things.1.$schema") = json!("x"),
            "$schema",
            THING,
        ),
        (
            "things[0].prompts[0]: ",
            |v| *at(v, "things.0.prompts.0.hint") = json!("x"),
            "hint",
            PROMPT,
        ),
        (
            "things[1].prompts[0]: ",
            |v| *at(v, "things.1.prompts.0.Optional") = json!(true),
            "Optional",
            PROMPT,
        ),
    ];
    for &(where_, change, field, allowed) in cases {
        let errors = errors(&with(change));
        assert_eq!(paths(&errors), [""], "{where_}: {field}");
        assert_eq!(
            errors.to_string(),
            format!(
                "the file is not a programme in JSON ({where_}unknown field \"{field}\": the fields allowed here are {allowed})"
            )
        );
    }
    // "$schema" at the top lets an editor find the JSON Schema.
    let programme = parse(&with(|v| {
        *at(v, "$schema") = json!("https://example.org/thing-prompts-programme.schema.json");
    }));
    assert_eq!(programme.id, "test-course");
}

/// The first ```json block after the "### The format" heading of docs/programmes.md (the
/// programme format's documentation, moved there from the README).
fn readme_example() -> String {
    let readme = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../docs/programmes.md"
    ))
    .unwrap();
    let section = readme
        .split("\n### The format\n")
        .nth(1)
        .expect("docs/programmes.md has a \"### The format\" heading");
    let block = section
        .split("```json\n")
        .nth(1)
        .expect("a ```json block follows the heading");
    block.split("\n```").next().unwrap().to_owned()
}

#[test]
fn the_readme_example_programme_reads() {
    let programme = parse(&readme_example());
    assert_eq!(programme.id, "library-10-things");
    assert_eq!(programme.time_zone.as_deref(), Some("Europe/London"));
    assert_eq!(programme.things.len(), 1);
    let prompts = &programme.things[0].prompts;
    assert_eq!(prompts.len(), 3);
    assert_eq!(prompts.iter().filter(|p| p.optional).count(), 1);
    assert_eq!(prompts[0].id, PromptId::named("why"));
    let schedule = programme.schedule.unwrap();
    assert_eq!(
        schedule.catch_up_weeks(),
        [(date("2026-01-12"), date("2026-01-19"))]
    );
}

#[test]
fn the_readme_example_is_found_and_is_json() {
    // Whatever the validation says, the block is the example and is well-formed JSON.
    let example: Value = serde_json::from_str(&readme_example()).unwrap();
    assert_eq!(example.get("id"), Some(&json!("library-10-things")));
    let schedule = example.get("schedule").unwrap();
    assert_eq!(schedule.get("catchUp"), Some(&json!(["2026-01-12"])));
}

/// The loader fetches `programmes/<id>.json` for exactly these ids (xtask writes the list
/// into it from www/programmes/), so the core's list and the folder must agree.
#[test]
fn bundled_ids_are_the_files_in_www_programmes() {
    let mut files: Vec<String> =
        std::fs::read_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/../www/programmes"))
            .unwrap()
            .filter_map(|entry| {
                let name = entry.unwrap().file_name().into_string().unwrap();
                name.strip_suffix(".json").map(str::to_owned)
            })
            .collect();
    files.sort();
    assert_eq!(files, bundled_ids().collect::<Vec<_>>());
    assert!(thing_prompts_core::programme::is_bundled("cpd23-2012"));
    assert!(!thing_prompts_core::programme::is_bundled(
        "library-10-things"
    ));
}
