#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)]
//! Property tests: merging progress, stored and backup round trips, restores, and parsers that never panic.

use proptest::prelude::*;
use serde_json::{json, Map, Value};
use std::collections::{BTreeMap, BTreeSet};
use thing_prompts_core::backup::Backup;
use thing_prompts_core::programme::{self, Programme};
use thing_prompts_core::progress::{Progress, Tick};
use thing_prompts_core::prompt_id::PromptId;

/// Few cases where a case is cheap enough; never writes regression files into the tree.
fn config(cases: u32) -> ProptestConfig {
    ProptestConfig {
        cases,
        failure_persistence: None,
        ..ProptestConfig::default()
    }
}

const THINGS: [&str; 4] = ["", "1", "12", "23"];

const COURSES: [&str; 3] = ["cpd23-2012", "~inline", "my-course"];

/// Ids a programme could name, including every character the code form has to escape.
const NAMED: [&str; 12] = [
    "q1",
    "q2",
    "q 1",
    "a,b",
    "x:y",
    "50%",
    "~t",
    "café",
    "Ωμέγα",
    "t0123456789abcdef",
    "T0123456789ABCDEF",
    "%41",
];

const TEXTS: [&str; 5] = [
    "What did you learn?",
    "Which tool will you use next?",
    "Why?",
    "  Why? ",
    "Δ",
];

fn prompt_id() -> impl Strategy<Value = PromptId> {
    prop_oneof![
        prop::sample::select(&TEXTS[..]).prop_map(PromptId::from_text),
        prop::sample::select(&NAMED[..]).prop_map(PromptId::named),
    ]
}

/// Small times, so that equal timestamps are common; now and then any time at all.
fn at() -> impl Strategy<Value = u64> {
    prop_oneof![9 => 0..20_u64, 1 => any::<u64>()]
}

fn tick() -> impl Strategy<Value = Tick> {
    (any::<bool>(), at()).prop_map(|(done, at)| Tick { done, at })
}

/// Note texts, cleared ones (empty) included; few, so equal times with other texts are common.
const NOTE_TEXTS: [&str; 4] = ["", "a", "b", "Long thought, with \"quotes\" and é"];

/// A prompt's tick and, now and then, its note (text and time).
type Stored = (Tick, Option<(String, u64)>);

fn entry() -> impl Strategy<Value = Stored> {
    (
        tick(),
        prop::option::of((
            prop::sample::select(&NOTE_TEXTS[..]).prop_map(str::to_owned),
            at(),
        )),
    )
}

/// Builds progress holding exactly these ticks (and these Things, even with no ticks)
/// through the public API: the stored JSON text, parsed.
fn build(things: &BTreeMap<String, BTreeMap<PromptId, Stored>>) -> Progress {
    let stored: Map<String, Value> = things
        .iter()
        .map(|(thing, ticks)| {
            let ticks: Map<String, Value> = ticks
                .iter()
                .map(|(id, (tick, note))| {
                    let mut tick = json!({ "done": tick.done, "at": tick.at });
                    if let Some((text, at)) = note {
                        tick["note"] = json!(text);
                        tick["noteAt"] = json!(at);
                    }
                    (id.as_str().to_owned(), tick)
                })
                .collect();
            (thing.clone(), Value::Object(ticks))
        })
        .collect();
    let text = json!({ "version": 1, "things": stored }).to_string();
    let progress = Progress::parse(&text).unwrap();
    assert_eq!(
        progress.ticks().count(),
        things.values().map(BTreeMap::len).sum::<usize>()
    );
    progress
}

fn things_map() -> impl Strategy<Value = BTreeMap<String, BTreeMap<PromptId, Stored>>> {
    prop::collection::btree_map(
        prop::sample::select(&THINGS[..]).prop_map(str::to_owned),
        prop::collection::btree_map(prompt_id(), entry(), 0..6),
        0..4,
    )
}

fn progress() -> impl Strategy<Value = Progress> {
    things_map().prop_map(|things| build(&things))
}

fn backup() -> impl Strategy<Value = Backup> {
    (
        prop::sample::select(&COURSES[..]),
        progress(),
        any::<bool>(),
    )
        .prop_map(|(course, progress, from_code)| Backup {
            course: course.to_owned(),
            progress,
            from_code,
        })
}

fn merged(a: &Progress, b: &Progress) -> Progress {
    let mut out = a.clone();
    out.merge(b);
    out
}

/// The (thing, id) pairs that are ticked.
fn done_set(progress: &Progress) -> BTreeSet<(String, PromptId)> {
    progress
        .ticks()
        .filter(|(_, _, tick)| tick.done)
        .map(|(thing, id, _)| (thing.to_owned(), id.clone()))
        .collect()
}

/// A named id as a programme would give it: trimmed and not empty, of characters
/// the code form has to escape as well as plain ones.
fn awkward_named_id() -> impl Strategy<Value = PromptId> {
    prop::collection::vec(
        prop_oneof![
            prop::char::range('a', 'z'),
            prop::char::range('0', '9'),
            prop::sample::select(vec![
                ' ', ',', ':', '%', '~', '_', '-', '.', '+', '/', '"', '\\', '\t', 'é', 'ü', 'Ω',
                'ж', '中', '\u{a0}', '😀',
            ]),
        ],
        1..12,
    )
    .prop_map(|chars| chars.into_iter().collect::<String>().trim().to_owned())
    .prop_filter("a programme never names an empty id", |id| !id.is_empty())
    .prop_map(|id| PromptId::named(&id))
}

/// A valid text with a few random bytes replaced, deleted or inserted.
fn mutated(valid: Vec<String>) -> impl Strategy<Value = String> {
    (
        prop::sample::select(valid),
        prop::collection::vec((0..3_u8, any::<prop::sample::Index>(), any::<u8>()), 1..5),
    )
        .prop_map(|(text, edits)| {
            let mut bytes = text.into_bytes();
            for (kind, place, byte) in edits {
                match kind {
                    0 if !bytes.is_empty() => {
                        let i = place.index(bytes.len());
                        bytes[i] = byte;
                    }
                    1 if !bytes.is_empty() => {
                        bytes.remove(place.index(bytes.len()));
                    }
                    _ => bytes.insert(place.index(bytes.len() + 1), byte),
                }
            }
            String::from_utf8_lossy(&bytes).into_owned()
        })
}

const SMALL_PROGRAMME: &str = r#"{"format":1,"id":"my-course","title":"My course",
"schedule":{"start":"2026-01-05","intervalDays":7},
"things":[{"number":1,"title":"Blogging","link":"https://example.org/1",
"prompts":[{"text":"Why?"},{"id":"q2","text":"What next?"}]}]}"#;

/// Valid texts of every kind the parsers read, to mutate.
fn valid_texts() -> Vec<String> {
    let mut progress = Progress::default();
    progress.set("12", &PromptId::from_text("Why?"), true, 5);
    progress.set("12", &PromptId::named("q 1"), false, 7);
    progress.set("", &PromptId::named("café"), true, 9);
    let backup = Backup {
        course: "cpd23-2012".into(),
        progress: progress.clone(),
        from_code: false,
    };
    vec![
        progress.to_json(),
        backup.to_file(),
        backup.to_code(),
        SMALL_PROGRAMME.to_owned(),
    ]
}

/// Runs every parser on the text: none may panic, whatever it returns.
fn parse_all(text: &str) {
    let _ = Progress::parse(text);
    let _ = Backup::parse(text);
    let _ = Programme::from_json(text);
}

#[test]
fn the_mutation_sources_are_valid() {
    let texts = valid_texts();
    assert!(Progress::parse(&texts[0]).is_ok());
    assert!(Backup::parse(&texts[1]).is_ok());
    assert!(Backup::parse(&texts[2]).is_ok());
    assert!(Programme::from_json(&texts[3]).is_ok());
}

#[test]
fn the_bundled_programmes_survive_single_byte_damage() {
    // Deterministic, so the big texts are damaged everywhere without slowing proptest down.
    for id in programme::bundled_ids() {
        let source = programme::bundled_source(id).unwrap().as_bytes();
        for i in (0..source.len()).step_by(37) {
            let mut deleted = source.to_vec();
            deleted.remove(i);
            let _ = Programme::from_json(&String::from_utf8_lossy(&deleted));
            let mut replaced = source.to_vec();
            replaced[i] = b"{}[]\",:0x"[i % 9];
            let _ = Programme::from_json(&String::from_utf8_lossy(&replaced));
        }
    }
}

proptest! {
    #![proptest_config(config(256))]

    #[test]
    fn merge_is_commutative(a in progress(), b in progress()) {
        prop_assert_eq!(merged(&a, &b), merged(&b, &a));
    }

    #[test]
    fn merge_is_associative(a in progress(), b in progress(), c in progress()) {
        prop_assert_eq!(merged(&merged(&a, &b), &c), merged(&a, &merged(&b, &c)));
    }

    #[test]
    fn merge_is_idempotent(a in progress(), b in progress()) {
        prop_assert_eq!(merged(&a, &a), a.clone());
        let ab = merged(&a, &b);
        prop_assert_eq!(merged(&ab, &b), ab.clone());
        prop_assert_eq!(merged(&ab, &a), ab);
    }

    #[test]
    fn merge_never_loses_a_later_change(a in progress(), b in progress()) {
        let m = merged(&a, &b);
        for (side, other) in [(&a, &b), (&b, &a)] {
            for (thing, id, tick) in side.ticks() {
                let got = m.tick(thing, id).unwrap();
                prop_assert!(got.at >= tick.at, "{thing}/{id}: {got:?} older than {tick:?}");
                if got.at == tick.at && tick.done {
                    prop_assert!(got.done, "{thing}/{id}: a tie must keep the tick");
                }
                if tick.done && other.is_done(thing, id) {
                    prop_assert!(got.done, "{thing}/{id} was done in both");
                }
            }
        }
        // Nothing appears from nowhere: every merged tick is one of the two copies'.
        for (thing, id, tick) in m.ticks() {
            prop_assert!(a.tick(thing, id) == Some(tick) || b.tick(thing, id) == Some(tick));
        }
    }

    #[test]
    fn notes_merge_on_their_own_by_time(a in progress(), b in progress()) {
        let m = merged(&a, &b);
        for (side, other) in [(&a, &b), (&b, &a)] {
            for (thing, id, note) in side.notes() {
                let got = m.note_entry(thing, id).unwrap();
                prop_assert!(got.at >= note.at, "{thing}/{id}: {got:?} older than {note:?}");
                // The note never decides the tick, nor the tick the note.
                let ticks: Vec<_> = [side.tick(thing, id), other.tick(thing, id)]
                    .into_iter()
                    .flatten()
                    .collect();
                let newest_tick = ticks.iter().copied().max_by_key(|t| (t.at, t.done));
                prop_assert_eq!(m.tick(thing, id), newest_tick);
            }
        }
        // Every merged note is one of the two copies'.
        for (thing, id, note) in m.notes() {
            prop_assert!(
                a.note_entry(thing, id) == Some(note) || b.note_entry(thing, id) == Some(note)
            );
        }
    }

    #[test]
    fn stored_text_round_trips(p in progress()) {
        prop_assert_eq!(Progress::parse(&p.to_json()), Ok(p));
    }

    #[test]
    fn parsers_never_panic_on_any_string(text in any::<String>()) {
        parse_all(&text);
    }

    #[test]
    fn parsers_never_panic_on_any_bytes(bytes in prop::collection::vec(any::<u8>(), 0..200)) {
        parse_all(&String::from_utf8_lossy(&bytes));
    }

    #[test]
    fn parsers_never_panic_on_damaged_valid_texts(text in mutated(valid_texts())) {
        parse_all(&text);
    }

    #[test]
    fn parsers_never_panic_on_code_like_text(
        text in "(TP1 )?(cpd23-2012|~inline|Bad) ?([_0-9x]{0,3}:?([0-9a-f]{0,17}|~[a-z%0-9A-G~é]{0,6}),?){0,4}"
    ) {
        parse_all(&text);
    }

    #[test]
    fn backup_file_round_trips(b in backup()) {
        let file = Backup { from_code: false, ..b };
        prop_assert_eq!(Backup::parse(&file.to_file()), Ok(file));
    }

    #[test]
    fn backup_code_keeps_exactly_the_ticked_prompts(b in backup()) {
        let back = Backup::parse(&b.to_code()).unwrap();
        prop_assert_eq!(&back.course, &b.course);
        prop_assert_eq!(done_set(&back.progress), done_set(&b.progress));
        prop_assert!(back.progress.ticks().all(|(_, _, tick)| tick.done));
    }

    #[test]
    fn backup_code_keeps_awkward_named_ids(
        course in prop::sample::select(&COURSES[..]),
        rows in prop::collection::vec(
            (prop::sample::select(&THINGS[..]), awkward_named_id(), any::<bool>()),
            0..8,
        ),
    ) {
        let mut progress = Progress::default();
        for (thing, id, done) in &rows {
            progress.set(thing, id, *done, 1);
        }
        let b = Backup { course: course.to_owned(), progress, from_code: false };
        let code = b.to_code();
        let start = format!("TP1 {course}");
        prop_assert!(code.starts_with(&start));
        let back = Backup::parse(&code);
        prop_assert!(back.is_ok(), "{code:?} did not parse: {back:?}");
        prop_assert_eq!(done_set(&back.unwrap().progress), done_set(&b.progress), "code {}", code);
    }

    #[test]
    fn restore_never_removes_a_tick(p in progress(), b in backup(), now in at()) {
        let mut restored = p.clone();
        let report = b.restore_into(&mut restored, now);
        for (thing, id, tick) in p.ticks() {
            if tick.done {
                prop_assert!(restored.is_done(thing, id), "{thing}/{id} was lost");
                // Merged with the backup's time of the same tick: still ticked, never earlier.
                prop_assert!(restored.tick(thing, id).unwrap().at >= tick.at, "an existing tick went back in time");
            }
        }
        let backed_up = done_set(&b.progress);
        // Every backed-up tick is here now, unless this browser unticked it after the
        // file's tick was made (a file's ticks keep their times; a code's are all put back).
        for (thing, id) in &backed_up {
            let theirs = b.progress.tick(thing, id).unwrap();
            let untick_since = !b.from_code && p.tick(thing, id).is_some_and(|mine| {
                !mine.done && theirs.at != 0 && mine.at > theirs.at
            });
            prop_assert_eq!(restored.is_done(thing, id), !untick_since, "{}/{}", thing, id);
        }
        prop_assert_eq!(report.restored + report.already + report.unticked_since, backed_up.len());
        let newly: BTreeSet<_> = done_set(&restored).difference(&done_set(&p)).cloned().collect();
        prop_assert_eq!(report.restored, newly.len());
        let things: BTreeSet<_> = newly.iter().map(|(thing, _)| thing).collect();
        prop_assert_eq!(report.things, things.len());
        // A restored tick keeps the backup's time or, undated, is a change made now: either
        // way merging the old copy back in changes nothing.
        let mut after_merge = restored.clone();
        after_merge.merge(&p);
        prop_assert_eq!(after_merge, restored.clone());
        // A note comes back only when it is newer than the one here; none is lost.
        for (thing, id, note) in b.progress.notes() {
            let here = restored.note_entry(thing, id).unwrap();
            prop_assert!((here.at, &here.text) >= (note.at, &note.text));
        }
        for (thing, id, note) in p.notes() {
            let here = restored.note_entry(thing, id).unwrap();
            prop_assert!((here.at, &here.text) >= (note.at, &note.text));
        }
        // Restoring the same backup again adds nothing.
        let again = b.restore_into(&mut restored, now);
        prop_assert_eq!(again.restored, 0);
        prop_assert_eq!(again.already + again.unticked_since, backed_up.len());
    }
}
