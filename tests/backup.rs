#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)]
//! Backups: the file and code forms, their errors, restoring, and what the reader is told.

use serde_json::{json, Value};
use std::collections::BTreeSet;
use thing_prompts::core::backup::{
    course_of_key, Backup, BackupError, RestoreReport, INLINE_COURSE,
};
use thing_prompts::core::date::CivilDate;
use thing_prompts::core::progress::{backup_key, storage_key, Progress, StoredDataError, Tick};
use thing_prompts::core::prompt_id::PromptId;
use thing_prompts::view::i18n::{Labels, Lang};
use thing_prompts::view::words;

const BLOG: &str = "Did you set up a blog?";
const BLOG_HEX: &str = "2204e30c4eb8d5b0";
const FIRST: &str = "What will you write about first?";
const FIRST_HEX: &str = "859cfe405ed73417";
const OTHERS: &str = "Who else is taking part?";

/// What the reader is told a restore did, in English (the view's words).
fn said(report: RestoreReport) -> String {
    words::restore_report(&report, &Labels::new(Lang::En))
}

fn named(id: &str) -> PromptId {
    PromptId::named(id)
}

fn text(question: &str) -> PromptId {
    PromptId::from_text(question)
}

fn backup(course: &str, progress: Progress) -> Backup {
    Backup {
        course: course.to_owned(),
        progress,
        from_code: false,
    }
}

/// Thing 12 with two derived ids ticked and one unticked; the inline list with a named id.
fn small_progress() -> Progress {
    let mut progress = Progress::default();
    progress.set("12", &text(FIRST), true, 10);
    progress.set("12", &text(BLOG), true, 11);
    progress.set("12", &text(OTHERS), false, 12);
    progress.set("", &named("q 1"), true, 13);
    progress
}

fn done_set(progress: &Progress) -> BTreeSet<(String, PromptId)> {
    progress
        .ticks()
        .filter(|(_, _, tick)| tick.done)
        .map(|(thing, id, _)| (thing.to_owned(), id.clone()))
        .collect()
}

fn file_with(backup_format: &str, course: &str, progress: &str) -> String {
    format!(r#"{{"thingPromptsBackup":{backup_format},"course":"{course}","progress":{progress}}}"#)
}

const EMPTY_PROGRESS: &str = r#"{"version":1,"things":{}}"#;

#[test]
fn derived_ids_are_the_expected_hashes() {
    assert_eq!(text(BLOG).as_str(), format!("t{BLOG_HEX}"));
    assert_eq!(text(FIRST).as_str(), format!("t{FIRST_HEX}"));
}

#[test]
fn code_lists_ticked_prompts_by_thing() {
    let code = backup("cpd23-2012", small_progress()).to_code();
    // Each Thing's word ends with the latest stamp of its ticks in base 36: 13 is `d` (the
    // inline list), 11 is `b` (Thing 12; its untick at 12 is not carried).
    assert_eq!(
        code,
        format!("TP1 cpd23-2012 _:~q%201:d 12:{BLOG_HEX},{FIRST_HEX}:b")
    );
}

/// One tick to set, as (thing, named id, done).
type Row<'a> = (&'a str, &'a str, bool);

#[test]
fn code_forms() {
    let cases: &[(&str, &[Row<'_>], &str)] = &[
        ("cpd23-2012", &[], "TP1 cpd23-2012"),
        ("~inline", &[("", "q1", false)], "TP1 ~inline"),
        ("my-course", &[("3", "q1", true)], "TP1 my-course 3:~q1"),
        (
            "my-course",
            &[("3", "a,b", true), ("3", "x:y", true), ("4", "50%~", true)],
            "TP1 my-course 3:~a%2Cb,~x%3Ay 4:~50%25%7E",
        ),
        (
            "my-course",
            &[("1", "café", true)],
            "TP1 my-course 1:~caf%C3%A9",
        ),
        (
            "my-course",
            &[("1", "A-b_c.d", true), ("1", "t0123456789abcdef", true)],
            "TP1 my-course 1:~A-b_c.d,0123456789abcdef",
        ),
    ];
    for &(course, ticks, expected) in cases {
        // Undated ticks (as a code of the release before the course record restores them),
        // so that the words show the ids alone.
        let mut progress = Progress::default();
        for &(thing, id, done) in ticks {
            progress.put_tick(thing, &named(id), Tick { done, at: 0 });
        }
        let b = backup(course, progress);
        assert_eq!(b.to_code(), expected, "{ticks:?}");
        let back = Backup::parse(expected).unwrap();
        assert_eq!(back.course, course);
        assert_eq!(
            done_set(&back.progress),
            done_set(&b.progress),
            "{expected}"
        );
    }
}

#[test]
fn code_round_trip_gives_the_same_prompts() {
    let original = backup("cpd23-2012", small_progress());
    let back = Backup::parse(&original.to_code()).unwrap();
    assert_eq!(back.course, "cpd23-2012");
    assert_eq!(done_set(&back.progress), done_set(&original.progress));
    assert!(back.progress.is_done("12", &text(BLOG)));
    assert!(back.progress.is_done("", &named("q 1")));
    assert_eq!(back.progress.tick("12", &text(OTHERS)), None);
}

#[test]
fn file_round_trip_keeps_every_change_and_its_time() {
    let original = backup("cpd23-2012", small_progress());
    let file = original.to_file();
    let value: Value = serde_json::from_str(&file).unwrap();
    assert_eq!(value.get("thingPromptsBackup"), Some(&json!(1)));
    assert_eq!(value.get("course"), Some(&Value::from("cpd23-2012")));
    let progress = value.get("progress").unwrap();
    assert_eq!(progress.get("version"), Some(&json!(1)));
    let tick = progress.get("things").unwrap().get("12").unwrap();
    let entry = tick.get(text(OTHERS).as_str()).unwrap();
    assert_eq!(entry, &json!({ "at": 12, "done": false }));
    // In that order, as the first release wrote it.
    let keys: Vec<&String> = entry.as_object().unwrap().keys().collect();
    assert_eq!(keys, ["at", "done"]);
    assert_eq!(Backup::parse(&file), Ok(original));
}

#[test]
fn storage_key_is_the_courses_key() {
    assert_eq!(
        backup("cpd23-2012", Progress::default()).storage_key(),
        storage_key("cpd23-2012")
    );
    assert_eq!(
        backup(INLINE_COURSE, Progress::default()).storage_key(),
        storage_key("")
    );
}

#[test]
fn parse_errors() {
    let damaged = BackupError::DamagedCode;
    let cases: Vec<(String, BackupError)> = vec![
        (String::new(), BackupError::Empty),
        ("   ".into(), BackupError::Empty),
        ("\u{feff}\n\t ".into(), BackupError::Empty),
        ("hello".into(), BackupError::NotABackup),
        ("{}".into(), BackupError::NotABackup),
        (r#"{"foo":1}"#.into(), BackupError::NotABackup),
        ("{".into(), BackupError::NotABackup),
        ("[1,2]".into(), BackupError::NotABackup),
        ("TP2 cpd23-2012 12:~q1".into(), BackupError::NotABackup),
        ("tp1 cpd23-2012".into(), BackupError::NotABackup),
        (
            file_with("0", "cpd23-2012", EMPTY_PROGRESS),
            BackupError::NotABackup,
        ),
        (
            file_with("\"1\"", "cpd23-2012", EMPTY_PROGRESS),
            BackupError::NotABackup,
        ),
        (
            file_with("2", "cpd23-2012", EMPTY_PROGRESS),
            BackupError::NewerFormat(2),
        ),
        (
            file_with("1", "../x", EMPTY_PROGRESS),
            BackupError::BadCourse("../x".into()),
        ),
        (
            file_with("1", "", EMPTY_PROGRESS),
            BackupError::BadCourse(String::new()),
        ),
        (
            file_with("1", "~other", EMPTY_PROGRESS),
            BackupError::BadCourse("~other".into()),
        ),
        (
            file_with("1", "cpd23-2012", r#"{"version":2,"things":{}}"#),
            BackupError::DamagedProgress(StoredDataError::NewerVersion(2)),
        ),
        ("TP1".into(), BackupError::Empty),
        ("  TP1  \n".into(), BackupError::Empty),
        (
            "TP1 Bad_Course".into(),
            BackupError::BadCourse("Bad_Course".into()),
        ),
        (
            "TP1 ../x 12:~q1".into(),
            BackupError::BadCourse("../x".into()),
        ),
        ("TP1 cpd23-2012 12".into(), damaged("12".into())),
        ("TP1 cpd23-2012 12:zz".into(), damaged("12:zz".into())),
        (
            "TP1 cpd23-2012 x1:0123456789abcdef".into(),
            damaged("x1:0123456789abcdef".into()),
        ),
        ("TP1 cpd23-2012 12:~%G1".into(), damaged("12:~%G1".into())),
        ("TP1 cpd23-2012 12:".into(), damaged("12:".into())),
        ("TP1 cpd23-2012 12:~q1,".into(), damaged("12:~q1,".into())),
        ("TP1 cpd23-2012 :~q1".into(), damaged(":~q1".into())),
        ("TP1 cpd23-2012 12:~".into(), damaged("12:~".into())),
        ("TP1 cpd23-2012 12:~%20".into(), damaged("12:~%20".into())),
        ("TP1 cpd23-2012 12:~%2".into(), damaged("12:~%2".into())),
        ("TP1 cpd23-2012 12:~%FF".into(), damaged("12:~%FF".into())),
        (
            "TP1 cpd23-2012 12:0123456789ABCDEF".into(),
            damaged("12:0123456789ABCDEF".into()),
        ),
        (
            "TP1 cpd23-2012 12:0123456789abcde".into(),
            damaged("12:0123456789abcde".into()),
        ),
        (
            "TP1 cpd23-2012 12:~q1 13:0123456789abcdef0123456789".into(),
            damaged("13:0123456789abcdef01234".into()),
        ),
    ];
    for (text, expected) in cases {
        assert_eq!(Backup::parse(&text), Err(expected), "{text:?}");
    }
}

#[test]
fn damaged_progress_in_a_file_is_reported_as_such() {
    let file = file_with(
        "1",
        "cpd23-2012",
        r#"{"version":1,"things":{"12":{"tx":{"done":"yes","at":1}}}}"#,
    );
    assert!(
        matches!(
            Backup::parse(&file),
            Err(BackupError::DamagedProgress(StoredDataError::Unreadable(_)))
        ),
        "{:?}",
        Backup::parse(&file)
    );
    for progress in [r#""text""#, "null", r#"{"things":{}}"#, r#"{"version":1}"#] {
        let file = file_with("1", "cpd23-2012", progress);
        assert!(
            matches!(Backup::parse(&file), Err(BackupError::DamagedProgress(_))),
            "{progress}: {:?}",
            Backup::parse(&file)
        );
    }
}

/// A file from a later release may be shaped differently: its format number alone
/// should be enough to say "newer", as `Progress::parse` does for stored progress.
#[test]
fn a_newer_format_is_recognised_whatever_its_shape() {
    assert_eq!(
        Backup::parse(r#"{"thingPromptsBackup":2,"courses":[]}"#),
        Err(BackupError::NewerFormat(2))
    );
}

#[test]
fn every_error_message_is_a_sentence() {
    let errors = [
        BackupError::Empty,
        BackupError::NotABackup,
        BackupError::NewerFormat(2),
        BackupError::BadCourse("../x".into()),
        BackupError::BadCourse(String::new()),
        BackupError::DamagedCode("12:zz".into()),
        BackupError::DamagedProgress(StoredDataError::Unreadable("expected value".into())),
        BackupError::DamagedProgress(StoredDataError::NewerVersion(3)),
    ];
    for error in errors {
        let message = error.to_string();
        assert!(!message.trim().is_empty(), "{error:?}");
        assert!(message.ends_with('.'), "{error:?}: {message}");
        assert!(!message.ends_with(".."), "{error:?}: {message}");
        assert!(
            message.starts_with(|c: char| c.is_uppercase()),
            "{error:?}: {message}"
        );
    }
    // The errors actually produced by parsing are sentences too.
    for text in [
        "",
        "hello",
        r#"{"thingPromptsBackup":2,"course":"x","progress":{}}"#,
        "TP1 Bad_Course",
        "TP1 cpd23-2012 12:zz",
        r#"{"thingPromptsBackup":1,"course":"x","progress":{"version":1,"things":{"1":{"a":{"done":1,"at":1}}}}}"#,
    ] {
        let message = Backup::parse(text).unwrap_err().to_string();
        assert!(message.ends_with('.'), "{text}: {message}");
    }
}

#[test]
fn byte_order_mark_and_white_space_are_accepted() {
    let original = backup("cpd23-2012", small_progress());
    let file = original.to_file();
    let code = original.to_code();
    for (wrapped_file, wrapped_code) in [
        (format!("\u{feff}{file}"), format!("\u{feff}{code}")),
        (format!("\n\n  {file}\n"), format!("  {code}\n")),
        (
            format!("\u{feff}\r\n\t{file}\r\n"),
            format!("\u{feff} \r\n{code}\r\n\r\n"),
        ),
        (file.replace('\n', "\r\n"), code.replace(' ', "\n  ")),
    ] {
        assert_eq!(
            Backup::parse(&wrapped_file).as_ref(),
            Ok(&original),
            "{wrapped_file:?}"
        );
        let back = Backup::parse(&wrapped_code).unwrap();
        assert_eq!(back.course, original.course, "{wrapped_code:?}");
        assert_eq!(
            done_set(&back.progress),
            done_set(&original.progress),
            "{wrapped_code:?}"
        );
    }
}

// The words are the full module's: the lite build has none.
#[cfg(feature = "extras")]
#[test]
fn restore_report_wording() {
    let report = |restored, already, things| RestoreReport {
        restored,
        already,
        things,
        notes: 0,
        unticked_since: 0,
        links: 0,
        name: false,
    };
    let cases = [
        (report(12, 0, 4), "12 ticks restored across 4 Things."),
        (report(1, 0, 1), "1 tick restored across 1 Thing."),
        (report(2, 0, 1), "2 ticks restored across 1 Thing."),
        (
            report(3, 2, 2),
            "3 ticks restored across 2 Things. 2 were already here.",
        ),
        (
            report(1, 1, 1),
            "1 tick restored across 1 Thing. 1 was already here.",
        ),
        (
            report(0, 5, 0),
            "Nothing new to restore: this browser already has the backup's 5 ticks.",
        ),
        (
            report(0, 1, 0),
            "Nothing new to restore: this browser already has the backup's 1 tick.",
        ),
    ];
    for (report, expected) in cases {
        assert_eq!(said(report), expected, "{report:?}");
    }
    assert!(said(report(3, 2, 2)).ends_with("2 were already here."));

    // Links to the reader's posts and their name are counted after the ticks.
    let with = |restored, already, links, name| RestoreReport {
        links,
        name,
        ..report(restored, already, usize::from(restored > 0))
    };
    let cases = [
        (
            with(2, 0, 1, false),
            "2 ticks restored across 1 Thing. 1 link to your posts restored.",
        ),
        (
            with(0, 3, 2, true),
            "3 were already here. 2 links to your posts restored. Your name for the course record restored.",
        ),
        // A backup with links and no ticks is not "empty".
        (with(0, 0, 1, false), "1 link to your posts restored."),
        (with(0, 0, 0, true), "Your name for the course record restored."),
    ];
    for (report, expected) in cases {
        assert_eq!(said(report), expected, "{report:?}");
    }
    let french = words::restore_report(&with(0, 0, 2, false), &Labels::new(Lang::Fr));
    assert_eq!(french, "2 liens vers vos billets rétablis.");
}

// The words are the full module's: the lite build has none.
#[cfg(feature = "extras")]
#[test]
fn link_problems_are_said_in_words() {
    use thing_prompts::core::post_link::PostLink;
    let say = |text: &str, lang| {
        let problem = PostLink::parse(text).expect_err(text);
        words::link_problem(&problem, &Labels::new(lang))
    };
    assert_eq!(
        say("javascript:alert(1)", Lang::En),
        "A javascript: address runs code instead of opening a page, so it is not kept: use your post’s address, starting with https://."
    );
    assert_eq!(
        say("ftp://files.example/a", Lang::En),
        "Only web addresses (http:// or https://) are kept, not ftp: ones."
    );
    let long = format!("https://a.example/{}", "x".repeat(2100));
    assert_eq!(
        say(&long, Lang::En),
        "This address has 2,118 characters; at most 2,048 are kept. Use a shorter address of your post."
    );
    assert_eq!(
        say(&long, Lang::De),
        "Diese Adresse hat 2.118 Zeichen; höchstens 2.048 werden gespeichert. Verwenden Sie eine kürzere Adresse Ihres Beitrags."
    );
    assert_eq!(
        say("blog.example/post", Lang::Fr),
        "Commencez l’adresse par https:// (ou http://)."
    );
    assert_eq!(
        say("  ", Lang::Es),
        "Escriba o pegue la dirección de su entrada, que empieza por https://."
    );
    // Every problem has words of its own, in every language.
    for lang in [Lang::En, Lang::Fr, Lang::De, Lang::Es] {
        let all: Vec<String> = [
            "",
            "https://a.example/x".repeat(120).as_str(),
            "javascript:x",
            "mailto:a@b.example",
            "blog.example",
            "https:blog",
            "https://a..b/",
            "https://me:pw@a.example/",
            "https://a.example:99999/",
            "https://a.example/<b>",
        ]
        .iter()
        .map(|text| say(text, lang))
        .collect();
        let mut distinct = all.clone();
        distinct.sort();
        distinct.dedup();
        assert_eq!(distinct.len(), all.len(), "{lang:?}: {all:#?}");
        assert!(
            all.iter()
                .all(|said| !said.is_empty() && !said.contains('{')),
            "{all:#?}"
        );
    }
}

// The words are the full module's: the lite build has none.
#[cfg(feature = "extras")]
#[test]
fn restore_adds_what_is_missing_and_counts_it() {
    let mut from = Progress::default();
    for (thing, id) in [
        ("1", "a"),
        ("1", "b"),
        ("12", "c"),
        ("12", "d"),
        ("23", "e"),
    ] {
        from.set(thing, &named(id), true, 100);
    }
    // Unticked in the backup: never restored, never counted.
    from.set("23", &named("f"), false, 100);
    from.set("", &named("g"), false, 100);
    let b = backup("cpd23-2012", from);

    let mut local = Progress::default();
    local.set("1", &named("a"), true, 50);
    local.set("12", &named("c"), true, 50);
    local.set("12", &named("d"), false, 60);
    local.set("", &named("h"), true, 70);
    local.set("23", &named("f"), true, 70);
    let before = local.clone();

    let report = b.restore_into(&mut local, 1_000);
    assert_eq!(
        report,
        RestoreReport {
            restored: 3,
            already: 2,
            things: 3,
            notes: 0,
            unticked_since: 0,
            links: 0,
            name: false,
        }
    );
    assert_eq!(
        said(report),
        "3 ticks restored across 3 Things. 2 were already here."
    );
    for (thing, id) in [("", "h"), ("23", "f")] {
        assert_eq!(
            local.tick(thing, &named(id)),
            before.tick(thing, &named(id)),
            "{thing}/{id} was already ticked and is left alone"
        );
    }
    // Ticked here and in the backup: still ticked, at the later of the two times, so that
    // this browser's clock has seen the backup's.
    for (thing, id) in [("1", "a"), ("12", "c")] {
        assert_eq!(
            local.tick(thing, &named(id)),
            b.progress.tick(thing, &named(id)),
            "{thing}/{id}"
        );
    }
    // Restored with the backup's own times (d's untick here is older than its tick there).
    for (thing, id) in [("1", "b"), ("12", "d"), ("23", "e")] {
        assert_eq!(
            local.tick(thing, &named(id)),
            b.progress.tick(thing, &named(id)),
            "{thing}/{id}"
        );
        assert!(local.is_done(thing, &named(id)));
    }
    // An untick in the backup, where this browser had nothing: taken in with its time.
    assert_eq!(
        local.tick("", &named("g")),
        b.progress.tick("", &named("g"))
    );
    assert!(!local.is_done("", &named("g")));

    let again = b.restore_into(&mut local, 2_000);
    assert_eq!(
        again,
        RestoreReport {
            restored: 0,
            already: 5,
            things: 0,
            notes: 0,
            unticked_since: 0,
            links: 0,
            name: false,
        }
    );
    assert_eq!(
        said(again),
        "Nothing new to restore: this browser already has the backup's 5 ticks."
    );
}

#[test]
fn restore_things_counts_only_the_things_that_got_ticks() {
    let mut from = Progress::default();
    from.set("1", &named("a"), true, 1);
    from.set("1", &named("b"), true, 1);
    from.set("2", &named("c"), true, 1);
    let mut local = Progress::default();
    local.set("2", &named("c"), true, 1);
    let report = backup("my-course", from).restore_into(&mut local, 5);
    assert_eq!(
        report,
        RestoreReport {
            restored: 2,
            already: 1,
            things: 1,
            notes: 0,
            unticked_since: 0,
            links: 0,
            name: false,
        }
    );
}

#[test]
fn a_file_restore_keeps_its_times_and_an_untick_made_after_it_stands() {
    let mut from = Progress::default();
    from.set("12", &named("q1"), true, 100);
    from.set("12", &named("q2"), true, 200);
    from.set("12", &named("q3"), true, 300);
    let b = backup("cpd23-2012", from.clone());

    let mut local = Progress::default();
    local.set("12", &named("q1"), false, 50); // unticked before the backup's tick
    local.set("12", &named("q2"), false, 250); // unticked after it: stays unticked
    let report = b.restore_into(&mut local, 900);
    assert_eq!(report.restored, 2);
    assert_eq!(report.already, 0);
    assert_eq!(report.unticked_since, 1);
    assert_eq!(report.things, 1);
    assert_eq!(
        local.tick("12", &named("q1")),
        Some(Tick {
            done: true,
            at: 100
        })
    );
    assert_eq!(
        local.tick("12", &named("q2")),
        Some(Tick {
            done: false,
            at: 250
        })
    );
    assert_eq!(
        local.tick("12", &named("q3")),
        Some(Tick {
            done: true,
            at: 300
        })
    );

    // Unticking after the restore stamps past the backup's newest time, so restoring the
    // same file again leaves the untick alone, whatever this browser's clock says.
    local.set("12", &named("q3"), false, 10);
    assert_eq!(local.tick("12", &named("q3")).map(|t| t.at), Some(301));
    let again = b.restore_into(&mut local, 20);
    assert_eq!((again.restored, again.unticked_since), (0, 2));
    assert!(!local.is_done("12", &named("q3")));
}

#[test]
fn a_code_restore_takes_its_ticks_as_made_now() {
    // A code as the release before the course record wrote it: no time after the ids.
    let code = "TP1 cpd23-2012 12:~q1";
    let b = Backup::parse(code).unwrap();
    assert_eq!(b.progress.tick("12", &named("q1")).map(|t| t.at), Some(0));

    let mut local = Progress::default();
    local.set("12", &named("q1"), false, 500);
    let report = b.restore_into(&mut local, 300);
    assert_eq!(report.restored, 1);
    assert_eq!(
        local.tick("12", &named("q1")),
        Some(Tick {
            done: true,
            at: 501
        })
    );
}

#[test]
fn restore_from_a_code_matches_the_prompts_by_id() {
    let original = backup("cpd23-2012", small_progress());
    let from_code = Backup::parse(&original.to_code()).unwrap();
    let mut fresh = Progress::default();
    let report = from_code.restore_into(&mut fresh, 42);
    assert_eq!(
        report,
        RestoreReport {
            restored: 3,
            already: 0,
            things: 2,
            notes: 0,
            unticked_since: 0,
            links: 0,
            name: false,
        }
    );
    assert!(fresh.is_done("12", &text(FIRST)));
    assert!(fresh.is_done("12", &text("  did you SET UP a blog? ")));
    assert!(fresh.is_done("", &named("q 1")));
    assert!(!fresh.is_done("12", &text(OTHERS)));
}

#[test]
fn course_of_key_reads_only_widget_keys() {
    let cases: &[(&str, Option<&str>)] = &[
        ("thing-prompts:v1:cpd23-2012", Some("cpd23-2012")),
        ("thing-prompts:v1:~inline", Some("~inline")),
        ("thing-prompts:v1:my-course-2", Some("my-course-2")),
        ("thing-prompts:v1:cpd23-2012:unreadable", None),
        ("thing-prompts:v1:~inline:unreadable", None),
        ("thing-prompts:v1:", None),
        ("thing-prompts:v1:~other", None),
        ("thing-prompts:v1:Bad_Course", None),
        ("thing-prompts:v2:cpd23-2012", None),
        ("thing-prompts:cpd23-2012", None),
        ("other-app:v1:cpd23-2012", None),
        ("cpd23-2012", None),
        ("", None),
    ];
    for &(key, expected) in cases {
        assert_eq!(course_of_key(key), expected, "{key}");
    }
    assert_eq!(
        course_of_key(&storage_key("cpd23-2012")),
        Some("cpd23-2012")
    );
    assert_eq!(course_of_key(&storage_key("")), Some(INLINE_COURSE));
    assert_eq!(course_of_key(&backup_key(&storage_key("cpd23-2012"))), None);
}

#[test]
fn file_name_names_the_course_and_day() {
    let day = CivilDate::new(2026, 11, 25).unwrap();
    let cases = [
        (INLINE_COURSE, "thing-prompts-inline-2026-11-25.json"),
        ("cpd23-2012", "thing-prompts-cpd23-2012-2026-11-25.json"),
    ];
    for (course, expected) in cases {
        assert_eq!(backup(course, Progress::default()).file_name(day), expected);
    }
    assert_eq!(
        backup("my-course", Progress::default()).file_name(CivilDate::new(2027, 1, 5).unwrap()),
        "thing-prompts-my-course-2027-01-05.json"
    );
}

/// `%` must be followed by two hex digits; `u8::from_str_radix` also takes a sign.
#[test]
fn a_percent_escape_is_two_hex_digits() {
    assert_eq!(
        Backup::parse("TP1 cpd23-2012 12:~q%+1"),
        Err(BackupError::DamagedCode("12:~q%+1".into()))
    );
}

/// Thing keys are `u32::to_string` of the number: `012` names no Thing a widget reads.
#[test]
fn a_code_thing_is_a_thing_number_as_written_by_to_code() {
    for code in [
        "TP1 cpd23-2012 012:~q1",
        "TP1 cpd23-2012 99999999999999999999999:~q1",
    ] {
        let parsed = Backup::parse(code);
        let under_real_key = parsed.as_ref().is_ok_and(|b| {
            b.progress
                .ticks()
                .all(|(thing, _, _)| thing.parse::<u32>().is_ok_and(|n| n.to_string() == thing))
        });
        assert!(
            matches!(parsed, Err(BackupError::DamagedCode(_))) || under_real_key,
            "{code}: {parsed:?}"
        );
    }
}

/// An empty backup (the code `TP1 cpd23-2012`) is read fine; restoring it should not
/// claim the browser "already has the backup's 0 ticks".
#[test]
fn restoring_an_empty_backup_says_it_is_empty() {
    let b = Backup::parse("TP1 cpd23-2012").unwrap();
    let report = b.restore_into(&mut Progress::default(), 1);
    assert_eq!(
        report,
        RestoreReport {
            restored: 0,
            already: 0,
            things: 0,
            notes: 0,
            unticked_since: 0,
            links: 0,
            name: false,
        }
    );
    let message = said(report);
    assert!(!message.contains("0 ticks"), "{message}");
}

/// Every character JSON escapes, and some it must leave alone.
fn awkward() -> String {
    let mut text: String = (0_u8..0x20).map(char::from).collect();
    text.push_str("\"\\/\u{7f}\u{80}\u{2028}\u{2029}é😀\u{feff}");
    text
}

/// `awkward()` as the first release (serde_json) wrote it.
const AWKWARD_JSON: &str = concat!(
    r#"\u0000\u0001\u0002\u0003\u0004\u0005\u0006\u0007\b\t\n\u000b\f\r\u000e\u000f"#,
    r#"\u0010\u0011\u0012\u0013\u0014\u0015\u0016\u0017\u0018\u0019\u001a\u001b\u001c\u001d\u001e\u001f"#,
    r#"\"\\/"#,
    "\u{7f}\u{80}\u{2028}\u{2029}é😀\u{feff}"
);

#[test]
fn backup_files_are_byte_for_byte_what_the_first_release_wrote() {
    let mut progress = Progress::default();
    let tick = |done, at| Tick { done, at };
    progress.put_tick("12", &named(&awkward()), tick(false, u64::MAX));
    progress.put_tick("", &text("Why?"), tick(true, 0));
    progress.put_tick("3", &named("q 1"), tick(false, 9_007_199_254_740_993));
    progress.put_tick("3", &named(""), tick(true, 1));
    progress.put_tick(&awkward(), &named("z"), tick(true, 7));
    // Written by the release that used serde_json, from the same backups: the
    // progress's keys are sorted ("things" before "version", "at" before "done").
    let first_release = r#"{
  "thingPromptsBackup": 1,
  "course": "cpd23-2012",
  "progress": {
    "things": {
      "": {
        "t9b970ef64ee134f2": {
          "at": 0,
          "done": true
        }
      },
      "AWKWARD": {
        "z": {
          "at": 7,
          "done": true
        }
      },
      "12": {
        "AWKWARD": {
          "at": 18446744073709551615,
          "done": false
        }
      },
      "3": {
        "": {
          "at": 1,
          "done": true
        },
        "q 1": {
          "at": 9007199254740993,
          "done": false
        }
      }
    },
    "version": 1
  }
}"#
    .replace("AWKWARD", AWKWARD_JSON);
    let full = backup("cpd23-2012", progress);
    assert_eq!(full.to_file(), first_release);
    assert_eq!(Backup::parse(&first_release), Ok(full));

    let empty = r#"{
  "thingPromptsBackup": 1,
  "course": "~inline",
  "progress": {
    "things": {},
    "version": 1
  }
}"#;
    let none = backup(INLINE_COURSE, Progress::default());
    assert_eq!(none.to_file(), empty);
    assert_eq!(Backup::parse(empty), Ok(none));
}

#[test]
fn backup_files_ignore_unknown_fields_and_need_course_and_progress() {
    let with_extra = r#"{"note":"kept by hand","thingPromptsBackup":1,"course":"x","progress":{"version":1,"things":{"1":{"a":{"done":true,"at":3,"by":"me"}}}},"extra":[1.5]}"#;
    let read = Backup::parse(with_extra).unwrap();
    assert!(read.progress.is_done("1", &named("a")));
    for text in [
        r#"{"thingPromptsBackup":1,"course":"x"}"#,
        r#"{"thingPromptsBackup":1,"progress":{"version":1,"things":{}}}"#,
        r#"{"thingPromptsBackup":1,"course":5,"progress":{"version":1,"things":{}}}"#,
        r#"{"thingPromptsBackup":1.0,"course":"x","progress":{"version":1,"things":{}}}"#,
    ] {
        assert_eq!(Backup::parse(text), Err(BackupError::NotABackup), "{text}");
    }
    // A field given twice: the last one counts, as with the browser's JSON.parse.
    let twice = r#"{"thingPromptsBackup":1,"course":"x","course":"y","progress":{"version":1,"things":{}}}"#;
    assert_eq!(Backup::parse(twice).map(|b| b.course), Ok("y".to_owned()));
    assert!(matches!(
        Backup::parse(r#"{"thingPromptsBackup":1,"course":"x","progress":null}"#),
        Err(BackupError::DamagedProgress(StoredDataError::Unreadable(_)))
    ));
}

#[test]
fn backup_files_carry_notes_and_codes_do_not() {
    let mut progress = small_progress();
    progress.set_note("12", &text(BLOG), "Blogger, at last.", 50);
    let b = backup("cpd23-2012", progress);
    let file = b.to_file();
    assert!(file.contains(r#""note": "Blogger, at last.""#), "{file}");
    assert!(file.contains(r#""noteAt": 50"#), "{file}");
    assert_eq!(Backup::parse(&file), Ok(b.clone()));
    assert!(!b.to_code().contains("Blogger"));
    let from_code = Backup::parse(&b.to_code()).unwrap();
    assert_eq!(from_code.progress.notes().count(), 0);
}

// The words are the full module's: the lite build has none.
#[cfg(feature = "extras")]
#[test]
fn restoring_a_note_keeps_the_newer_one() {
    let mut saved = Progress::default();
    saved.set_note("12", &named("q1"), "from the backup", 10);
    saved.set_note("12", &named("q2"), "older in the backup", 10);
    let b = backup("cpd23-2012", saved);
    let mut local = Progress::default();
    local.set_note("12", &named("q2"), "newer here", 30);
    let report = b.restore_into(&mut local, 1_000);
    assert_eq!(local.note("12", &named("q1")), Some("from the backup"));
    assert_eq!(local.note("12", &named("q2")), Some("newer here"));
    assert_eq!(
        report,
        RestoreReport {
            restored: 0,
            already: 0,
            things: 0,
            notes: 1,
            unticked_since: 0,
            links: 0,
            name: false,
        }
    );
    assert_eq!(said(report), "1 note restored.");
    // Again: nothing new.
    let again = b.restore_into(&mut local, 2_000);
    assert_eq!(again.notes, 0);
    assert_eq!(
        said(again),
        "There are no ticks in this backup, so nothing was changed."
    );
}
