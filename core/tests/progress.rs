#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)]
//! Stored progress: its text form, ticking, and merging two copies.

use thing_prompts_core::progress::{
    backup_key, storage_key, Progress, StoredDataError, Tick, STORAGE_PREFIX, STORAGE_VERSION,
};
use thing_prompts_core::prompt_id::PromptId;

fn id(name: &str) -> PromptId {
    PromptId::named(name)
}

/// One stored tick written out: (thing, prompt, done, at).
type Row<'a> = (&'a str, &'a str, bool, u64);

/// Progress holding exactly these ticks, each prompt once.
fn progress(ticks: &[Row<'_>]) -> Progress {
    let mut progress = Progress::default();
    for &(thing, prompt, done, at) in ticks {
        assert!(
            progress.tick(thing, &id(prompt)).is_none(),
            "each prompt once in a table row"
        );
        progress.put_tick(thing, &id(prompt), Tick { done, at });
        assert_eq!(progress.tick(thing, &id(prompt)), Some(Tick { done, at }));
    }
    progress
}

fn merged(a: &Progress, b: &Progress) -> Progress {
    let mut out = a.clone();
    out.merge(b);
    out
}

fn parsed(text: &str) -> Progress {
    Progress::parse(text).unwrap_or_else(|e| panic!("{text}: {e}"))
}

#[test]
fn keys() {
    assert_eq!(STORAGE_PREFIX, "thing-prompts:v1:");
    assert_eq!(STORAGE_VERSION, 1);
    assert_eq!(storage_key(""), "thing-prompts:v1:~inline");
    assert_eq!(storage_key("cpd23-2012"), "thing-prompts:v1:cpd23-2012");
    assert_eq!(storage_key("cpd23-2011"), "thing-prompts:v1:cpd23-2011");
    assert_eq!(
        backup_key("thing-prompts:v1:cpd23-2012"),
        "thing-prompts:v1:cpd23-2012:unreadable"
    );
    assert_eq!(
        backup_key(&storage_key("")),
        "thing-prompts:v1:~inline:unreadable"
    );
    assert_ne!(backup_key(&storage_key("x")), storage_key("x"));
}

#[test]
fn the_stored_text_is_the_documented_json() {
    assert_eq!(
        Progress::default().to_json(),
        r#"{"version":1,"things":{}}"#
    );
    assert_eq!(
        progress(&[("12", "t1", true, 5)]).to_json(),
        r#"{"version":1,"things":{"12":{"t1":{"done":true,"at":5}}}}"#
    );
    assert_eq!(
        progress(&[("12", "b", false, 7), ("", "a", true, 1)]).to_json(),
        r#"{"version":1,"things":{"":{"a":{"done":true,"at":1}},"12":{"b":{"done":false,"at":7}}}}"#
    );
}

#[test]
fn stored_text_written_elsewhere_reads() {
    let text = r#" { "things" : { "12" : { "t1" : { "at" : 1341446400000 , "done" : true }, "t2": {"done": false, "at": 3} } },
                   "version" : 1 } "#;
    let progress = parsed(text);
    assert!(progress.is_done("12", &id("t1")));
    assert!(!progress.is_done("12", &id("t2")));
    assert_eq!(
        progress.tick("12", &id("t1")),
        Some(Tick {
            done: true,
            at: 1_341_446_400_000
        })
    );
    assert_eq!(
        progress.tick("12", &id("t2")),
        Some(Tick { done: false, at: 3 })
    );
    assert_eq!(progress.tick("12", &id("t3")), None);
    assert_eq!(progress.tick("13", &id("t1")), None);
}

#[test]
fn parse_of_to_json_is_identity() {
    let values = [
        Progress::default(),
        progress(&[("12", "t1", true, 5)]),
        progress(&[("12", "t1", false, 5)]),
        progress(&[
            ("12", "t1", true, 0),
            ("12", "t2", false, u64::MAX),
            ("1", "t1", true, 1),
        ]),
        progress(&[("", "tcbf29ce484222325", true, 1_700_000_000_000)]),
        progress(&[
            ("12", "q \"quoted\" \\ back", true, 2),
            ("ünï", "問題", false, 3),
            ("23", "\n\t", true, 4),
        ]),
        parsed(r#"{"version":1,"things":{"12":{}}}"#),
    ];
    for value in values {
        let text = value.to_json();
        assert_eq!(Progress::parse(&text), Ok(value.clone()), "{text}");
        assert_eq!(parsed(&text).to_json(), text);
    }
}

#[test]
fn set_is_done_and_done_count() {
    let (a, b, c, d) = (id("a"), id("b"), id("c"), id("d"));
    let mut progress = Progress::default();
    assert!(!progress.is_done("12", &a));
    assert_eq!(progress.done_count("12", [&a, &b, &c]), 0);

    progress.set("12", &a, true, 100);
    progress.set("12", &b, true, 101);
    progress.set("12", &c, false, 102);
    progress.set("13", &d, true, 103);
    assert!(progress.is_done("12", &a));
    assert!(progress.is_done("12", &b));
    assert!(
        !progress.is_done("12", &c),
        "an un-tick is remembered as not done"
    );
    assert!(!progress.is_done("12", &d), "ticks belong to their Thing");
    assert!(!progress.is_done("13", &a));
    assert!(progress.is_done("13", &d));
    assert_eq!(progress.done_count("12", [&a, &b, &c, &d]), 2);
    assert_eq!(progress.done_count("12", [&a]), 1);
    assert_eq!(progress.done_count("13", [&a, &b, &c, &d]), 1);
    assert_eq!(progress.done_count("", [&a, &b, &c, &d]), 0);
    assert_eq!(progress.done_count("12", Vec::<&PromptId>::new()), 0);

    progress.set("12", &a, false, 200);
    assert!(!progress.is_done("12", &a));
    assert_eq!(
        progress.tick("12", &a),
        Some(Tick {
            done: false,
            at: 200
        })
    );
    assert_eq!(progress.done_count("12", [&a, &b, &c]), 1);
}

#[test]
fn a_change_wins_even_when_the_clock_went_backwards() {
    let p = id("p");
    let mut copy = Progress::default();
    copy.set("12", &p, true, 1_000);
    copy.set("12", &p, false, 400);
    assert_eq!(
        copy.tick("12", &p),
        Some(Tick {
            done: false,
            at: 1_001
        })
    );
    copy.set("12", &p, true, 1_001);
    assert_eq!(
        copy.tick("12", &p),
        Some(Tick {
            done: true,
            at: 1_002
        }),
        "the same time also moves on"
    );
    copy.set("12", &p, false, 5_000);
    assert_eq!(
        copy.tick("12", &p),
        Some(Tick {
            done: false,
            at: 5_000
        }),
        "a later clock is used as it is"
    );

    // A copy from a device whose clock runs ahead, then a local un-tick with a slow clock.
    let mut mine = progress(&[("12", "q", false, 10)]);
    mine.merge(&progress(&[("12", "q", true, 9_999)]));
    assert!(mine.is_done("12", &id("q")));
    mine.set("12", &id("q"), false, 20);
    assert!(!mine.is_done("12", &id("q")));
    assert_eq!(
        mine.tick("12", &id("q")),
        Some(Tick {
            done: false,
            at: 10_000
        })
    );
}

/// Small copies of progress that merge tests combine in every order.
fn table() -> Vec<Progress> {
    vec![
        Progress::default(),
        progress(&[("12", "a", true, 5)]),
        progress(&[("12", "a", false, 5)]),
        progress(&[("12", "a", false, 9)]),
        progress(&[("12", "a", true, 9), ("12", "b", true, 1)]),
        progress(&[("13", "a", true, 3)]),
        progress(&[("", "x", true, 2), ("12", "b", false, 4)]),
        progress(&[("12", "b", true, 4)]),
        progress(&[("12", "b", false, 4), ("13", "a", false, 3)]),
        parsed(r#"{"version":1,"things":{"12":{}}}"#),
    ]
}

#[test]
fn merge_gives_the_later_change_and_ticked_on_a_tie() {
    let t = table();
    let cases: &[(usize, usize, &[Row<'_>])] = &[
        (0, 1, &[("12", "a", true, 5)]),
        (1, 2, &[("12", "a", true, 5)]),
        (1, 3, &[("12", "a", false, 9)]),
        (2, 4, &[("12", "a", true, 9), ("12", "b", true, 1)]),
        (3, 4, &[("12", "a", true, 9), ("12", "b", true, 1)]),
        (1, 5, &[("12", "a", true, 5), ("13", "a", true, 3)]),
        (6, 7, &[("", "x", true, 2), ("12", "b", true, 4)]),
        (7, 8, &[("12", "b", true, 4), ("13", "a", false, 3)]),
        (5, 8, &[("12", "b", false, 4), ("13", "a", true, 3)]),
    ];
    for &(i, j, expected) in cases {
        let expected = progress(expected);
        assert_eq!(merged(&t[i], &t[j]), expected, "{i} with {j}");
        assert_eq!(merged(&t[j], &t[i]), expected, "{j} with {i}");
    }
}

#[test]
fn merge_is_commutative() {
    let t = table();
    for (i, a) in t.iter().enumerate() {
        for (j, b) in t.iter().enumerate() {
            assert_eq!(merged(a, b), merged(b, a), "{i} and {j}");
        }
    }
}

#[test]
fn merge_is_associative() {
    let t = table();
    for (i, a) in t.iter().enumerate() {
        for (j, b) in t.iter().enumerate() {
            for (k, c) in t.iter().enumerate() {
                assert_eq!(
                    merged(&merged(a, b), c),
                    merged(a, &merged(b, c)),
                    "{i}, {j}, {k}"
                );
            }
        }
    }
}

#[test]
fn merge_is_idempotent() {
    let t = table();
    for (i, a) in t.iter().enumerate() {
        assert_eq!(&merged(a, a), a, "{i} with itself");
        for (j, b) in t.iter().enumerate() {
            let once = merged(a, b);
            assert_eq!(merged(&once, b), once, "{i} with {j} twice");
            assert_eq!(merged(&once, a), once, "{i} with {j}, then {i} again");
        }
    }
}

#[test]
fn merge_never_loses_a_later_change() {
    let t = table();
    let prompts = [
        ("12", "a"),
        ("12", "b"),
        ("13", "a"),
        ("", "x"),
        ("14", "new"),
    ];
    for (i, base) in t.iter().enumerate() {
        for (thing, prompt) in prompts {
            for done in [true, false] {
                let mut changed = base.clone();
                changed.set(thing, &id(prompt), done, 1_000);
                for (j, other) in t.iter().enumerate() {
                    for result in [merged(&changed, other), merged(other, &changed)] {
                        assert_eq!(
                            result.is_done(thing, &id(prompt)),
                            done,
                            "copy {i} set {thing}/{prompt} to {done} later than copy {j}"
                        );
                    }
                }
            }
        }
    }
}

#[test]
fn parse_rejects_what_is_not_progress() {
    let unreadable = [
        "",
        "not json",
        "null",
        "[]",
        "[1]",
        "{}",
        r#"{"version":1}"#,
        r#"{"things":{}}"#,
        r#"{"version":"1","things":{}}"#,
        r#"{"version":-1,"things":{}}"#,
        r#"{"version":1,"things":[]}"#,
        r#"{"version":1,"things":{"12":[]}}"#,
        r#"{"version":1,"things":{"12":{"t1":{"done":"yes","at":1}}}}"#,
        r#"{"version":1,"things":{"12":{"t1":{"done":true}}}}"#,
        r#"{"version":1,"things":{"12":{"t1":{"done":true,"at":-1}}}}"#,
        r#"{"version":1,"things":{"12":{"t1":{"done":true,"at":1.5}}}}"#,
        r#"{"version":1,"things":{"12":{"t1":{"done":true,"at":18446744073709551616}}}}"#,
        r#"{"version":1,"things":{}} trailing"#,
    ];
    for text in unreadable {
        match Progress::parse(text) {
            Err(StoredDataError::Unreadable(why)) => assert!(!why.is_empty(), "{text}"),
            other => panic!("{text}: expected Unreadable, got {other:?}"),
        }
    }
    match Progress::parse(r#"{"version":0,"things":{}}"#) {
        Err(StoredDataError::Unreadable(why)) => assert!(why.contains("unknown format 0"), "{why}"),
        other => panic!("version 0: {other:?}"),
    }
}

#[test]
fn a_newer_version_is_reported_as_such() {
    let cases = [
        (r#"{"version":2,"things":{}}"#, 2),
        (r#"{"version":2}"#, 2),
        (
            r#"{"version":7,"things":"a shape this release does not know"}"#,
            7,
        ),
        (r#"{"things":[],"version":4294967295}"#, u32::MAX),
    ];
    for (text, version) in cases {
        assert_eq!(
            Progress::parse(text),
            Err(StoredDataError::NewerVersion(version)),
            "{text}"
        );
    }
    let message = StoredDataError::NewerVersion(2).to_string();
    assert!(message.contains("newer release"), "{message}");
    assert!(message.contains("format 2"), "{message}");
    assert!(message.contains("reads 1"), "{message}");
    let message = StoredDataError::Unreadable("oops".into()).to_string();
    assert!(message.contains("(oops)"), "{message}");
}

/// xorshift64*: a tiny deterministic generator so the test needs no crates.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    fn below(&mut self, n: usize) -> usize {
        usize::try_from(self.next() % u64::try_from(n).unwrap()).unwrap()
    }
}

/// Parse must not panic; when it accepts text, what it read must survive a round trip.
fn check_never_panics(text: &str) -> bool {
    match Progress::parse(text) {
        Ok(progress) => {
            assert_eq!(
                Progress::parse(&progress.to_json()),
                Ok(progress),
                "{text:?}"
            );
            true
        }
        Err(StoredDataError::NewerVersion(v)) => {
            assert!(v > STORAGE_VERSION, "{text:?}");
            false
        }
        Err(StoredDataError::Unreadable(_)) => false,
    }
}

#[test]
fn parse_never_panics_on_pseudo_random_text() {
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);

    // Arbitrary bytes.
    for _ in 0..300 {
        let len = rng.below(80);
        let bytes: Vec<u8> = (0..len).map(|_| rng.next().to_le_bytes()[0]).collect();
        check_never_panics(&String::from_utf8_lossy(&bytes));
    }

    // JSON-looking token soup.
    let tokens = [
        "{",
        "}",
        "[",
        "]",
        ",",
        ":",
        " ",
        "\"version\"",
        "\"things\"",
        "\"done\"",
        "\"at\"",
        "\"12\"",
        "\"t1\"",
        "1",
        "2",
        "0",
        "-1",
        "1.5",
        "1e400",
        "18446744073709551616",
        "true",
        "false",
        "null",
        "\"\\u0000\"",
        "\"\\ud800\"",
        "\"",
        "\\",
    ];
    for _ in 0..300 {
        let len = rng.below(40);
        let text: String = (0..len).map(|_| tokens[rng.below(tokens.len())]).collect();
        check_never_panics(&text);
    }

    // Small edits of valid stored text.
    let valid = r#"{"version":1,"things":{"12":{"t1":{"done":true,"at":5},"t2":{"done":false,"at":6}},"":{}}}"#;
    assert!(check_never_panics(valid));
    let mut accepted = 0;
    for _ in 0..400 {
        let mut bytes = valid.as_bytes().to_vec();
        for _ in 0..=rng.below(3) {
            let at = rng.below(bytes.len());
            let alphabet = b"{}[]\":,01289tfaelsruvn -\\x";
            let byte = alphabet[rng.below(alphabet.len())];
            match rng.below(3) {
                0 => bytes[at] = byte,
                1 => {
                    bytes.remove(at);
                }
                _ => bytes.insert(at, byte),
            }
        }
        if check_never_panics(&String::from_utf8_lossy(&bytes)) {
            accepted += 1;
        }
    }
    assert!(
        accepted > 0,
        "some edits (digits, white space) keep the text readable"
    );

    // Deep nesting must not overflow the stack.
    for depth in [1_000, 100_000] {
        check_never_panics(&"[".repeat(depth));
        check_never_panics(&format!(
            r#"{{"version":1,"things":{}"#,
            "{\"a\":".repeat(depth)
        ));
    }
}

#[test]
fn a_whole_course_fully_ticked_stays_small() {
    // The README's storage figure: every prompt of CPD23 2012 ticked, with realistic times.
    let programme = thing_prompts_core::programme::Programme::from_json(
        thing_prompts_core::programme::bundled_source("cpd23-2012").unwrap(),
    )
    .unwrap();
    let mut progress = Progress::default();
    let mut prompts = 0;
    for thing in &programme.things {
        for prompt in &thing.prompts {
            progress.set(
                &thing.number.to_string(),
                &prompt.id,
                true,
                1_764_072_000_000,
            );
            prompts += 1;
        }
    }
    let stored = progress.to_json();
    println!("{prompts} prompts ticked: {} bytes stored", stored.len());
    assert_eq!(prompts, 93);
    assert!(stored.len() < 5_500, "{} bytes", stored.len());
    assert_eq!(Progress::parse(&stored).unwrap(), progress);
}

/// A prompt id of every character JSON escapes, and of some it must leave alone.
fn awkward_id() -> String {
    let mut id: String = (0_u8..0x20).map(char::from).collect();
    id.push_str("\"\\/\u{7f}\u{80}\u{2028}\u{2029}é😀\u{feff}");
    id
}

/// `awkward_id()` as the first release (serde_json) wrote it: control characters escaped,
/// with the short forms where JSON has them, `"` and `\` escaped, everything else as it is.
const AWKWARD_JSON: &str = concat!(
    r#"\u0000\u0001\u0002\u0003\u0004\u0005\u0006\u0007\b\t\n\u000b\f\r\u000e\u000f"#,
    r#"\u0010\u0011\u0012\u0013\u0014\u0015\u0016\u0017\u0018\u0019\u001a\u001b\u001c\u001d\u001e\u001f"#,
    r#"\"\\/"#,
    "\u{7f}\u{80}\u{2028}\u{2029}é😀\u{feff}"
);

/// Progress with awkward ids and Thing keys, and times up to `u64::MAX`.
fn awkward_progress() -> Progress {
    let awkward = id(&awkward_id());
    let mut p = Progress::default();
    let tick = |done, at| Tick { done, at };
    p.put_tick("12", &awkward, tick(false, u64::MAX));
    p.put_tick("", &PromptId::from_text("Why?"), tick(true, 0));
    p.put_tick("3", &id("q 1"), tick(false, 9_007_199_254_740_993));
    p.put_tick("3", &id(""), tick(true, 1));
    p.put_tick(&awkward_id(), &id("z"), tick(true, 7));
    p
}

#[test]
fn stored_text_is_byte_for_byte_what_the_first_release_wrote() {
    // Written by the release that used serde_json, from the same progress.
    let first_release = r#"{"version":1,"things":{"":{"t9b970ef64ee134f2":{"done":true,"at":0}},"AWKWARD":{"z":{"done":true,"at":7}},"12":{"AWKWARD":{"done":false,"at":18446744073709551615}},"3":{"":{"done":true,"at":1},"q 1":{"done":false,"at":9007199254740993}}}}"#
        .replace("AWKWARD", AWKWARD_JSON);
    let progress = awkward_progress();
    assert_eq!(progress.to_json(), first_release);
    assert_eq!(Progress::parse(&first_release), Ok(progress));
    assert_eq!(
        Progress::default().to_json(),
        r#"{"version":1,"things":{}}"#
    );
}

#[test]
fn stored_text_with_white_space_unknown_fields_and_escapes_reads() {
    let text = "\r\n {\"things\" : {\"1\":{\"\\u0071\\ud83d\\ude00\":{\"at\":5,\"done\":true,\"note\":[1.5,null]}}},\n\t\"version\": 1, \"later\": {\"x\": -2e3} } \n";
    let progress = parsed(text);
    assert_eq!(
        progress.tick("1", &id("q😀")),
        Some(Tick { done: true, at: 5 })
    );
    assert_eq!(progress.ticks().count(), 1);
}

#[test]
fn a_field_given_twice_counts_once_the_last_as_json_parse_does() {
    let twice = r#"{"version":1,"things":{"12":{"a":{"done":true,"at":1}},"12":{"b":{"done":true,"at":2}}},"version":1}"#;
    let progress = parsed(twice);
    assert!(!progress.is_done("12", &id("a")));
    assert!(progress.is_done("12", &id("b")));
}

#[test]
fn unreadable_stored_text_says_why() {
    // Text that is not JSON says so (the console warning; the text itself is kept aside);
    // JSON of another shape says where, in serde's words.
    let cases = [
        ("{\"version\":1,\n \"things\":{}", "it is not JSON"),
        (
            r#"{"version":1.0,"things":{}}"#,
            r#"no "version" with a whole number"#,
        ),
        (
            r#"{"version":1,"things":null}"#,
            "things: invalid type: null, expected an object { … }",
        ),
        (
            r#"{"version":1,"things":{"12":[]}}"#,
            "things.12: invalid type: sequence, expected an object { … }",
        ),
        (
            r#"{"version":1,"things":{"12":{"a":{"done":true,"at":1e3}}}}"#,
            "things.12.a.at: invalid type: floating point `1000.0`, expected a time (a whole number)",
        ),
        (
            r#"{"version":1,"things":{"12":{"a":{"done":1,"at":3}}}}"#,
            "things.12.a.done: invalid type: integer `1`, expected true or false",
        ),
    ];
    for (text, why) in cases {
        assert_eq!(
            Progress::parse(text),
            Err(StoredDataError::Unreadable(why.into())),
            "{text}"
        );
    }
}

#[test]
fn a_note_is_stored_beside_its_tick_and_tick_only_data_keeps_its_bytes() {
    let mut progress = progress(&[("12", "q1", true, 1), ("12", "q2", false, 3)]);
    let before = progress.to_json();
    assert!(!before.contains("note"), "{before}");
    progress.set_note("12", &id("q1"), "I use Twitter for conferences.", 4);
    assert_eq!(
        progress.to_json(),
        r#"{"version":1,"things":{"12":{"q1":{"done":true,"at":1,"note":"I use Twitter for conferences.","noteAt":4},"q2":{"done":false,"at":3}}}}"#
    );
    assert_eq!(
        progress.note("12", &id("q1")),
        Some("I use Twitter for conferences.")
    );
    assert_eq!(progress.note("12", &id("q2")), None);
    assert_eq!(Progress::parse(&progress.to_json()), Ok(progress.clone()));
    // The tick is untouched by the note.
    assert_eq!(
        progress.tick("12", &id("q1")),
        Some(Tick { done: true, at: 1 })
    );
}

#[test]
fn a_note_without_a_tick_is_stored_as_never_ticked() {
    let mut progress = Progress::default();
    progress.set_note("", &id("q"), "first thoughts", 10);
    assert_eq!(
        progress.to_json(),
        r#"{"version":1,"things":{"":{"q":{"done":false,"at":0,"note":"first thoughts","noteAt":10}}}}"#
    );
    assert!(!progress.is_done("", &id("q")));
    // Any real tick outranks it.
    progress.set("", &id("q"), true, 1);
    assert!(progress.is_done("", &id("q")));
    assert_eq!(progress.note("", &id("q")), Some("first thoughts"));
}

#[test]
fn clearing_a_note_keeps_its_time_so_the_clearing_spreads() {
    let mut mine = Progress::default();
    mine.set_note("12", &id("q"), "draft", 5);
    let theirs = mine.clone();
    mine.set_note("12", &id("q"), "", 9);
    assert_eq!(mine.note("12", &id("q")), None);
    assert!(mine.to_json().contains(r#""note":"","noteAt":9"#));
    assert_eq!(merged(&theirs, &mine).note("12", &id("q")), None);
    assert_eq!(merged(&mine, &theirs).note("12", &id("q")), None);
    // Setting empty text on a prompt that never had a note writes nothing.
    let mut empty = Progress::default();
    empty.set_note("12", &id("q"), "", 1);
    assert_eq!(empty, Progress::default());
}

#[test]
fn notes_and_ticks_merge_each_by_their_own_time() {
    let mut a = Progress::default();
    a.set("12", &id("q"), true, 10);
    a.set_note("12", &id("q"), "old note", 1);
    let mut b = Progress::default();
    b.set("12", &id("q"), false, 2);
    b.set_note("12", &id("q"), "new note", 20);
    for m in [merged(&a, &b), merged(&b, &a)] {
        assert!(m.is_done("12", &id("q")), "the later tick wins");
        assert_eq!(
            m.note("12", &id("q")),
            Some("new note"),
            "the later note wins"
        );
    }
    // Equal times: one text wins whichever way round.
    let mut c = Progress::default();
    c.set_note("12", &id("q"), "apple", 20);
    assert_eq!(merged(&b, &c), merged(&c, &b));
}

#[test]
fn setting_a_note_wins_even_when_the_clock_went_back_and_same_text_changes_nothing() {
    let mut progress = Progress::default();
    progress.set_note("1", &id("q"), "one", 100);
    progress.set_note("1", &id("q"), "two", 50);
    assert_eq!(progress.note("1", &id("q")), Some("two"));
    assert_eq!(progress.note_entry("1", &id("q")).unwrap().at, 101);
    progress.set_note("1", &id("q"), "two", 500);
    assert_eq!(progress.note_entry("1", &id("q")).unwrap().at, 101);
}

#[test]
fn notes_are_capped_in_characters() {
    use thing_prompts_core::progress::NOTE_MAX_CHARS;
    let long: String = "é".repeat(NOTE_MAX_CHARS + 10);
    let mut progress = Progress::default();
    progress.set_note("1", &id("q"), &long, 1);
    let kept = progress.note("1", &id("q")).unwrap();
    assert_eq!(kept.chars().count(), NOTE_MAX_CHARS);
    // Stored text over the cap (another release, or edited by hand) is cut the same way.
    let text = format!(
        r#"{{"version":1,"things":{{"1":{{"q":{{"done":false,"at":0,"note":"{long}","noteAt":3}}}}}}}}"#
    );
    let read = parsed(&text);
    assert_eq!(
        read.note("1", &id("q")).unwrap().chars().count(),
        NOTE_MAX_CHARS
    );
}

#[test]
fn a_note_with_fields_of_other_types_is_ignored() {
    let read = parsed(
        r#"{"version":1,"things":{"1":{"q":{"done":true,"at":2,"note":"x","noteAt":"soon"}}}}"#,
    );
    assert_eq!(read.note_entry("1", &id("q")), None);
    assert!(read.is_done("1", &id("q")));
    assert_eq!(
        read.to_json(),
        r#"{"version":1,"things":{"1":{"q":{"done":true,"at":2}}}}"#
    );
}

#[test]
fn oldest_and_newest_stamps_for_the_clock_and_the_reminder() {
    const DAY: u64 = 24 * 60 * 60 * 1000;
    let now = 100 * DAY;
    let mut p = Progress::default();
    assert_eq!((p.newest(), p.oldest_change()), (0, None));
    assert!(!p.has_ticks_older_than_reminder(now));
    p.put_tick(
        "1",
        &id("unticked"),
        Tick {
            done: false,
            at: 90 * DAY,
        },
    );
    p.set_note("1", &id("noted"), "a thought", 91 * DAY);
    p.put_tick(
        "12",
        &id("recent"),
        Tick {
            done: true,
            at: 97 * DAY,
        },
    );
    assert_eq!(p.oldest_change(), Some(90 * DAY));
    assert_eq!(p.newest(), 97 * DAY);
    // Only ticks standing count for the reminder, and only those over five days old.
    assert!(!p.has_ticks_older_than_reminder(now));
    p.put_tick(
        "12",
        &id("old"),
        Tick {
            done: true,
            at: 94 * DAY,
        },
    );
    assert!(p.has_ticks_older_than_reminder(now));
    // An undated tick (a code's) is no evidence of age.
    let mut code = Progress::default();
    code.put_tick("12", &id("q"), Tick { done: true, at: 0 });
    assert!(!code.has_ticks_older_than_reminder(now));
    assert_eq!(code.oldest_change(), None);
}
