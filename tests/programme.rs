#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)]
//! Reading and validating programme files, and the two bundled programmes.

use serde_json::{json, Value};
use thing_prompts::date::CivilDate;
use thing_prompts::programme::{bundled_ids, bundled_source, Programme, ProgrammeErrors, BUNDLED};
use thing_prompts::prompt_id::PromptId;
use thing_prompts::schedule::Schedule;

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

fn paths(errors: &ProgrammeErrors) -> Vec<&str> {
    errors.0.iter().map(|e| e.path.as_str()).collect()
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
        Some(Schedule::new(date("2012-04-30"), 7))
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
            Some(Schedule::new(date(start), 7)),
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
            "schedule.start",
            "schedule.intervalDays",
            "things[0].number",
            "things[0].title",
            "things[0].link",
            "things[0].prompts[0].text",
            "things[0].prompts[2].id",
            "things[0].prompts[3].id",
            "things[1].prompts[1].text",
            "things[2].number",
        ]
    );
    let shown: Vec<String> = errors.0.iter().map(ToString::to_string).collect();
    // prompts[0] was dropped for its empty text, so the first "q1" is prompts[1].
    assert_eq!(
        shown[9],
        "things[0].prompts[2].id: duplicate id \"q1\" (also used at things[0].prompts[1])"
    );
    assert_eq!(
        shown[11],
        format!(
            "things[1].prompts[1].text: duplicate text \"{}\" (also used at things[1].prompts[0])",
            PromptId::from_text("same?")
        )
    );
    assert!(
        shown[12].contains("Thing 3 appears twice (also at things[1])"),
        "{}",
        shown[12]
    );
    // The whole list reads as one line, "; " between errors.
    assert_eq!(errors.to_string(), shown.join("; "));
}

#[test]
fn duplicate_explicit_prompt_ids() {
    let text = with(|v| {
        v["things"][0]["prompts"] =
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
        v["things"] = json!([
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
        v["things"][0]["prompts"] = json!([{ "id": "q1", "text": "A?" }]);
        v["things"][1]["prompts"] = json!([{ "id": "q1", "text": "A?" }]);
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
            |v| v["format"] = json!(2),
            "format",
            "format 2 is not known",
        ),
        ("format 0", |v| v["format"] = json!(0), "format", "format 0"),
        (
            "empty id",
            |v| v["id"] = json!(""),
            "id",
            "\"\" is not a usable id",
        ),
        (
            "upper-case id",
            |v| v["id"] = json!("CPD23"),
            "id",
            "\"CPD23\"",
        ),
        (
            "id with a space",
            |v| v["id"] = json!("cpd 23"),
            "id",
            "lower-case",
        ),
        (
            "id with a colon",
            |v| v["id"] = json!("cpd:23"),
            "id",
            "lower-case",
        ),
        (
            "65-character id",
            |v| v["id"] = json!("a".repeat(65)),
            "id",
            "1 to 64",
        ),
        (
            "empty title",
            |v| v["title"] = json!(""),
            "title",
            "needs a title",
        ),
        (
            "blank title",
            |v| v["title"] = json!(" \n\t "),
            "title",
            "needs a title",
        ),
        (
            "bad schedule start",
            |v| v["schedule"]["start"] = json!("2012-02-30"),
            "schedule.start",
            "\"2012-02-30\" is not a date",
        ),
        (
            "schedule start not zero-padded",
            |v| v["schedule"]["start"] = json!("2012-4-30"),
            "schedule.start",
            "YYYY-MM-DD",
        ),
        (
            "intervalDays 0",
            |v| v["schedule"]["intervalDays"] = json!(0),
            "schedule.intervalDays",
            "at least 1",
        ),
        (
            "no things",
            |v| v["things"] = json!([]),
            "things",
            "no Things",
        ),
        (
            "Thing number 0",
            |v| v["things"][0]["number"] = json!(0),
            "things[0].number",
            "numbered from 1",
        ),
        (
            "duplicate Thing number",
            |v| v["things"][1]["number"] = json!(1),
            "things[1].number",
            "Thing 1 appears twice (also at things[0])",
        ),
        (
            "empty Thing title",
            |v| v["things"][1]["title"] = json!(""),
            "things[1].title",
            "needs a title",
        ),
        (
            "javascript link",
            |v| v["things"][0]["link"] = json!("javascript:alert(1)"),
            "things[0].link",
            "\"javascript:alert(1)\" is not a web address",
        ),
        (
            "empty prompt text",
            |v| v["things"][0]["prompts"][0]["text"] = json!(""),
            "things[0].prompts[0].text",
            "empty",
        ),
        (
            "blank prompt id",
            |v| v["things"][0]["prompts"][0]["id"] = json!(" "),
            "things[0].prompts[0].id",
            "cannot be empty",
        ),
        (
            "duplicate prompt text",
            |v| v["things"][1]["prompts"] = json!([{ "text": "Q?" }, { "text": "q?" }]),
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
        let programme = parse(&with(|v| v["id"] = json!(id)));
        assert_eq!(programme.id, id);
    }
}

#[test]
fn not_a_programme_gives_one_error_for_the_whole_file() {
    let cases = [
        "",
        "not json",
        "{",
        "[]",
        "null",
        "{}",
        r#"{"format":1}"#,
        r#"{"format":"1","id":"x","title":"X","things":[]}"#,
        r#"{"format":1,"id":"x","title":"X","things":[{"number":-1,"title":"A"}]}"#,
        r#"{"format":1,"id":"x","title":"X","things":[{"title":"A"}]}"#,
        r#"{"format":1,"id":"x","title":"X","things":[{"number":1,"title":"A","prompts":[{"id":"q"}]}]}"#,
        r#"{"format":1,"id":"x","title":"X","schedule":{"start":"2012-04-30","intervalDays":-7},"things":[]}"#,
        r#"{"format":1,"id":"x","title":"X","schedule":{"start":"2012-04-30"},"things":[]}"#,
    ];
    for text in cases {
        let errors = errors(text);
        assert_eq!(errors.0.len(), 1, "{text}: {errors}");
        assert_eq!(errors.0[0].path, "", "{text}");
        let shown = errors.to_string();
        assert_eq!(shown, errors.0[0].message, "no path prefix for {text}");
        assert!(
            shown.starts_with("the file is not a programme in JSON ("),
            "{shown}"
        );
    }
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
        let programme = parse(&with(|v| v["things"][1]["link"] = json!(link)));
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
        let errors = errors(&with(|v| v["things"][1]["link"] = json!(link)));
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
        let programme = Programme::from_json(&with(|v| v["things"][0]["link"] = json!(link)));
        assert!(programme.is_ok(), "{link}: {programme:?}");
    }
}

#[test]
fn no_schedule_and_a_language() {
    let programme = parse(&with(|v| {
        v.as_object_mut().unwrap().remove("schedule");
        v["language"] = json!("en-GB");
        v["timeZone"] = json!("Europe/London");
    }));
    assert_eq!(programme.schedule, None);
    assert_eq!(programme.language, "en-GB");
}

#[test]
fn things_out_of_order_come_out_sorted() {
    let programme = parse(&with(|v| {
        v["things"] = json!([
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
        v["title"] = json!("  Test \n course  ");
        v["things"][0]["title"] = json!("\tPutting the   social into\nsocial media ");
        v["things"][0]["prompts"] = json!([
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
