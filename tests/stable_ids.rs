#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)]
//! Stable progress across edits: an organiser edits a running course's programme, and the
//! ticks readers already made stay with their questions.

mod common;

use serde_json::{json, Value};
use thing_prompts::core::date::CivilDate;
use thing_prompts::core::embed::{RawEmbed, Supplied};
use thing_prompts::core::programme::{Programme, Prompt};
use thing_prompts::core::progress::Progress;
use thing_prompts::core::prompt_id::PromptId;

const WHY: &str = "Why did you start a blog for this course?";
const WHO: &str = "Who do you picture reading it?";
const FIND: &str = "Find three other participants' blogs and follow them.";
const NEW: &str = "What will you write about next week?";

/// A version of the programme whose Thing 1 has these prompts; Thing 2 stays the same.
fn version(prompts: Value) -> Programme {
    let text = json!({
        "format": 1,
        "id": "library-10-things",
        "title": "10 Things for Library Staff",
        "schedule": { "start": "2026-01-05", "intervalDays": 7 },
        "things": [
            { "number": 1, "title": "Blogging", "prompts": prompts },
            { "number": 2, "title": "Twitter", "prompts": [ { "text": "Who do you follow?" } ] }
        ]
    })
    .to_string();
    Programme::from_json(&text).unwrap_or_else(|e| panic!("{e}"))
}

/// Version 1: one prompt with an id of its own, two with ids derived from their text.
fn version_1() -> Programme {
    version(json!([
        { "id": "why", "text": WHY },
        { "text": WHO },
        { "text": FIND, "optional": true }
    ]))
}

fn prompts(programme: &Programme, number: u32) -> &[Prompt] {
    &programme.thing(number).unwrap().prompts
}

/// A reader ticks every prompt of Thing 1 (and of Thing 2) in version 1.
fn ticked_in_version_1() -> Progress {
    let v1 = version_1();
    let mut progress = Progress::default();
    let mut now = 1_700_000_000_000;
    for number in [1, 2] {
        for prompt in prompts(&v1, number) {
            now += 1_000;
            progress.set(&number.to_string(), &prompt.id, true, now);
        }
    }
    progress
}

/// What a version shows of Thing 1: each question and whether it is ticked.
fn shown(progress: &Progress, programme: &Programme) -> Vec<(String, bool)> {
    prompts(programme, 1)
        .iter()
        .map(|p| (p.text.clone(), progress.is_done("1", &p.id)))
        .collect()
}

fn pairs(expected: &[(&str, bool)]) -> Vec<(String, bool)> {
    expected
        .iter()
        .map(|(t, d)| ((*t).to_owned(), *d))
        .collect()
}

#[test]
fn version_1_is_ticked() {
    let progress = ticked_in_version_1();
    assert_eq!(
        shown(&progress, &version_1()),
        pairs(&[(WHY, true), (WHO, true), (FIND, true)])
    );
}

#[test]
fn edits_that_keep_the_ticks() {
    let progress = ticked_in_version_1();
    // (what changed, version 2's Thing 1 prompts, what it shows)
    type Edit = (&'static str, Value, Vec<(String, bool)>);
    let cases: Vec<Edit> = vec![
        (
            "(a) a prompt with an id reworded",
            json!([
                { "id": "why", "text": "What made you start a blog for this course?" },
                { "text": WHO },
                { "text": FIND, "optional": true }
            ]),
            pairs(&[
                ("What made you start a blog for this course?", true),
                (WHO, true),
                (FIND, true),
            ]),
        ),
        (
            "(b) prompts reordered",
            json!([
                { "text": FIND, "optional": true },
                { "text": WHO },
                { "id": "why", "text": WHY }
            ]),
            pairs(&[(FIND, true), (WHO, true), (WHY, true)]),
        ),
        (
            "(c) a prompt added in the middle",
            json!([
                { "id": "why", "text": WHY },
                { "text": NEW },
                { "text": WHO },
                { "text": FIND, "optional": true }
            ]),
            pairs(&[(WHY, true), (NEW, false), (WHO, true), (FIND, true)]),
        ),
        (
            "(c) a prompt with an id added",
            json!([
                { "id": "why", "text": WHY },
                { "text": WHO },
                { "text": FIND, "optional": true },
                { "id": "next", "text": NEW }
            ]),
            pairs(&[(WHY, true), (WHO, true), (FIND, true), (NEW, false)]),
        ),
        (
            "a prompt without an id changed only in case and white space",
            json!([
                { "id": "why", "text": WHY },
                { "text": "  who do you   PICTURE reading\nit? " },
                { "text": FIND, "optional": true }
            ]),
            pairs(&[
                (WHY, true),
                ("who do you PICTURE reading it?", true),
                (FIND, true),
            ]),
        ),
        (
            "a prompt made required",
            json!([
                { "id": "why", "text": WHY },
                { "text": WHO },
                { "text": FIND }
            ]),
            pairs(&[(WHY, true), (WHO, true), (FIND, true)]),
        ),
    ];
    for (what, thing_1, expected) in cases {
        let v2 = version(thing_1);
        assert_eq!(shown(&progress, &v2), expected, "{what}");
        // Thing 2 did not change and keeps its tick.
        let other = &prompts(&v2, 2)[0];
        assert!(progress.is_done("2", &other.id), "{what}");
        let ids: Vec<&PromptId> = prompts(&v2, 1).iter().map(|p| &p.id).collect();
        let answered = progress.done_count("1", ids);
        let expected_count = expected.iter().filter(|(_, done)| *done).count();
        assert_eq!(answered, expected_count, "{what}");
    }
}

#[test]
fn a_removed_prompt_keeps_its_tick_unseen_and_gets_it_back() {
    let progress = ticked_in_version_1();
    let v2 = version(json!([
        { "id": "why", "text": WHY },
        { "text": FIND, "optional": true }
    ]));
    assert_eq!(shown(&progress, &v2), pairs(&[(WHY, true), (FIND, true)]));
    // The reader ticks something else in version 2, and the progress is stored and read back.
    let mut progress = progress;
    let why = &prompts(&v2, 1)[0].id;
    progress.set("1", why, false, 1_800_000_000_000);
    let stored = progress.to_json();
    let progress = Progress::parse(&stored).unwrap();
    let who = PromptId::from_text(WHO);
    assert!(
        progress.is_done("1", &who),
        "the removed prompt's tick is still stored: {stored}"
    );
    assert!(stored.contains(who.as_str()), "{stored}");
    // Version 3 brings the question back, with its tick.
    let v3 = version_1();
    assert_eq!(
        shown(&progress, &v3),
        pairs(&[(WHY, false), (WHO, true), (FIND, true)])
    );
}

#[test]
fn a_prompt_without_an_id_reworded_loses_its_tick() {
    // Documented: without an explicit id, the id is the question's text (up to case and white
    // space), so a new wording is a new question.
    let progress = ticked_in_version_1();
    for reworded in [
        "Who do you picture reading your blog?",
        "Who do you picture reading it",
        "Who do you picture reading it ?",
        "Who do you imagine reading it?",
    ] {
        let v2 = version(json!([
            { "id": "why", "text": WHY },
            { "text": reworded },
            { "text": FIND, "optional": true }
        ]));
        assert_eq!(
            shown(&progress, &v2),
            pairs(&[(WHY, true), (reworded, false), (FIND, true)]),
            "{reworded:?}"
        );
        // The old tick is not lost, only unseen: going back to the old wording shows it.
        assert!(progress.is_done("1", &PromptId::from_text(WHO)));
    }
    // Giving an id-less prompt an id is a rewording too, unless the id is its derived one.
    let v2 = version(json!([
        { "id": "why", "text": WHY },
        { "id": "who", "text": WHO },
        { "text": FIND, "optional": true }
    ]));
    assert_eq!(
        shown(&progress, &v2),
        pairs(&[(WHY, true), (WHO, false), (FIND, true)])
    );
    let derived = PromptId::from_text(WHO).to_string();
    let v2 = version(json!([
        { "id": "why", "text": WHY },
        { "id": derived, "text": "Who is your blog for?" },
        { "text": FIND, "optional": true }
    ]));
    assert_eq!(
        shown(&progress, &v2),
        pairs(&[(WHY, true), ("Who is your blog for?", true), (FIND, true)])
    );
}

#[test]
fn removing_the_id_of_a_prompt_loses_its_tick() {
    let progress = ticked_in_version_1();
    let v2 = version(json!([
        { "text": WHY },
        { "text": WHO },
        { "text": FIND, "optional": true }
    ]));
    assert_eq!(
        shown(&progress, &v2),
        pairs(&[(WHY, false), (WHO, true), (FIND, true)])
    );
}

#[test]
fn every_version_is_stored_under_the_same_key_and_thing() {
    // However the page supplies it, each version of the programme resolves to the same place.
    let versions = [
        json!([{ "id": "why", "text": WHY }, { "text": WHO }]),
        json!([{ "text": WHO }, { "id": "why", "text": "Reworded?" }, { "text": NEW }]),
    ];
    let mut keys = Vec::new();
    for prompts in versions {
        let text = json!({
            "format": 1,
            "id": "library-10-things",
            "title": "10 Things for Library Staff",
            "things": [ { "number": 1, "title": "Blogging", "prompts": prompts } ]
        })
        .to_string();
        let raw = RawEmbed {
            thing: Some("1".into()),
            supplied: Some(Supplied::from_text("#course", Ok(&text))),
            ..RawEmbed::default()
        };
        let model =
            common::resolve(&raw, CivilDate::parse("2026-01-07").unwrap(), &|_| None).unwrap();
        keys.push((model.storage_key.clone(), model.thing_key.clone()));
    }
    assert_eq!(keys[0], keys[1]);
    assert_eq!(
        keys[0],
        (
            "thing-prompts:v1:library-10-things".to_owned(),
            "1".to_owned()
        )
    );
}
