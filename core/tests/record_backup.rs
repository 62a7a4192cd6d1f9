#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)]
//! Backup files, codes and the device link carry the course record: links to posts, the
//! participant's name, and the tick stamps that give each finished Thing its date.

use thing_prompts_core::backup::{Backup, BackupError, RestoreReport};
use thing_prompts_core::device_link;
use thing_prompts_core::post_link::PostLink;
use thing_prompts_core::programme::{counted_prompts, Programme, BUNDLED};
use thing_prompts_core::progress::{Progress, Tick};
use thing_prompts_core::prompt_id::PromptId;
use thing_prompts_core::record::{course_record, ThingState};

fn link(text: &str) -> PostLink {
    PostLink::parse(text).unwrap()
}

fn cpd23_2012() -> Programme {
    Programme::from_json(BUNDLED[1].1).unwrap()
}

fn backup(progress: Progress) -> Backup {
    Backup {
        course: "cpd23-2012".to_owned(),
        progress,
        from_code: false,
    }
}

/// A typical participant some weeks in: Things 1 to 10 answered in full (the four questions
/// of each within an evening, a week apart, from 9 July 2012), Thing 11 half answered.
fn ticks_only() -> Progress {
    let programme = cpd23_2012();
    let mut progress = Progress::default();
    let start = 1_341_860_400_000; // 2012-07-09 19:00 UTC
    for number in 1..=11u32 {
        let thing = programme.thing(number).unwrap();
        let ids = counted_prompts(&thing.prompts);
        let take = if number == 11 { 2 } else { ids.len() };
        for (i, id) in ids.into_iter().take(take).enumerate() {
            let at = start + u64::from(number - 1) * 7 * 86_400_000 + i as u64 * 600_000;
            progress.set(&number.to_string(), id, true, at);
        }
    }
    progress
}

/// A Blogger address of the usual shape for a Thing's post.
fn blogger_post(number: u32) -> String {
    format!("https://jane-librarian.blogspot.com/2012/07/cpd23-thing-{number}-my-answers.html")
}

/// [`ticks_only`] with a link to the post of each finished Thing and the participant's name.
fn with_record() -> Progress {
    let mut progress = ticks_only();
    let now = progress.newest() + 1;
    for number in 1..=10u32 {
        progress.set_link(&number.to_string(), Some(&link(&blogger_post(number))), now);
    }
    progress.set_name("Jane Smith", now);
    progress
}

fn record_of(progress: &Progress) -> Vec<(u32, ThingState, Option<PostLink>)> {
    let programme = cpd23_2012();
    course_record(progress, &programme)
        .into_iter()
        .map(|t| (t.number, t.state, t.link))
        .collect()
}

#[test]
fn a_backup_file_carries_the_whole_record() {
    let original = with_record();
    let file = backup(original.clone()).to_file();
    let read = Backup::parse(&file).unwrap();
    assert_eq!(read.progress, original);

    let mut fresh = Progress::default();
    let report = read.restore_into(&mut fresh, 1);
    assert_eq!(
        (report.restored, report.things, report.links, report.name),
        (42, 11, 10, true)
    );
    assert_eq!(
        report.notes, 0,
        "links and the name are not counted as notes"
    );
    assert_eq!(record_of(&fresh), record_of(&original));
    assert_eq!(fresh.name(), Some("Jane Smith"));
    let finished = record_of(&fresh)
        .iter()
        .filter(|(_, s, _)| matches!(s, ThingState::Finished { .. }))
        .count();
    assert_eq!(finished, 10);
}

#[test]
fn a_file_restore_merges_the_record_by_time() {
    let mut here = Progress::default();
    here.set_link("3", Some(&link("https://here.example/3")), 100);
    here.set_link("4", Some(&link("https://here.example/4")), 500);
    here.set_name("Here", 100);

    let mut file_side = Progress::default();
    file_side.set_link("3", Some(&link("https://file.example/3")), 50); // older than here's
    file_side.set_link("4", Some(&link("https://file.example/4")), 200);
    file_side.set_link("4", None, 900); // a later removal
    file_side.set_link("5", Some(&link("https://file.example/5")), 300);
    file_side.set_name("File", 300);
    let file = Backup::parse(&backup(file_side).to_file()).unwrap();

    let report = file.restore_into(&mut here, 1_000);
    assert_eq!(here.link("3"), Some(link("https://here.example/3")));
    assert_eq!(here.link("4"), None);
    assert_eq!(here.link("5"), Some(link("https://file.example/5")));
    assert_eq!(here.name(), Some("File"));
    assert_eq!((report.links, report.name), (2, true));

    // The same file again changes nothing.
    let again = file.restore_into(&mut here, 2_000);
    assert_eq!((again.links, again.name), (0, false));
}

#[test]
fn a_file_with_a_link_that_fails_the_checks_keeps_the_link_here() {
    let file = r#"{"thingPromptsBackup":1,"course":"cpd23-2012","progress":{"version":1,"things":{
        "~record":{"link:12":{"done":false,"at":0,"note":"javascript:alert(1)","noteAt":999}}}}}"#;
    let b = Backup::parse(file).unwrap();
    let mut here = Progress::default();
    here.set_link("12", Some(&link("https://here.example/12")), 5);
    let report = b.restore_into(&mut here, 10);
    assert_eq!(report.links, 0);
    assert_eq!(here.link("12"), Some(link("https://here.example/12")));
}

#[test]
fn a_code_carries_finish_dates_links_and_the_name() {
    let original = with_record();
    let code = backup(original.clone()).to_code();
    // One word of ticks a Thing, ending with its latest stamp; one word a link; the name.
    assert!(code.starts_with("TP1 cpd23-2012 1:"));
    assert!(code.contains(" 1=jane-librarian.blogspot.com/2012/07/cpd23-thing-1-my-answers.html"));
    assert!(code.ends_with(" @Jane%20Smith"), "{code}");
    assert!(!code.contains("https://"));

    let read = Backup::parse(&code).unwrap();
    let mut fresh = Progress::default();
    let report = read.restore_into(&mut fresh, 9_999_999_999_999);
    assert_eq!(
        (report.restored, report.things, report.links, report.name),
        (42, 11, 10, true)
    );
    // Finish dates come back exactly: each Thing's ticks are stamped with its latest stamp.
    assert_eq!(record_of(&fresh), record_of(&original));
    assert_eq!(fresh.name(), Some("Jane Smith"));
}

#[test]
fn a_codes_stamp_is_the_latest_tick_of_each_thing() {
    let mut progress = Progress::default();
    progress.set("12", &PromptId::named("a"), true, 1_342_432_800_000);
    progress.set("12", &PromptId::named("b"), true, 1_342_432_900_000);
    progress.set("12", &PromptId::named("c"), false, 1_342_433_000_000);
    progress.put_tick("3", &PromptId::named("d"), Tick { done: true, at: 0 });
    let code = backup(progress).to_code();
    // 1342432900000 in base 36 is "h4pdvyxs" (checked apart: Python's int("h4pdvyxs", 36)); Thing 3's tick has no time, so no stamp.
    assert_eq!(code, "TP1 cpd23-2012 12:~a,~b:h4pdvyxs 3:~d");
    let read = Backup::parse(&code).unwrap();
    assert_eq!(
        read.progress
            .tick("12", &PromptId::named("a"))
            .map(|t| t.at),
        Some(1_342_432_900_000)
    );
    assert_eq!(
        read.progress.tick("3", &PromptId::named("d")).map(|t| t.at),
        Some(0)
    );
}

#[test]
fn a_code_puts_back_a_tick_unticked_here_since_and_keeps_the_others_dates() {
    let mut from = Progress::default();
    from.set("12", &PromptId::named("q1"), true, 100);
    from.set("12", &PromptId::named("q2"), true, 200);
    from.set("3", &PromptId::named("q3"), true, 300);
    let code = backup(from).to_code();
    // Here: q1 ticked and then cleared after the code was taken, q2 never seen.
    let mut here = Progress::default();
    here.set("12", &PromptId::named("q1"), true, 400);
    here.set("12", &PromptId::named("q1"), false, 500);
    let read = Backup::parse(&code).unwrap();
    assert!(read.from_code);
    let report = read.restore_into(&mut here, 600);
    assert_eq!(
        (report.restored, report.unticked_since, report.things),
        (3, 0, 2)
    );
    // The cleared tick comes back as a change made at the restore, after the clear.
    assert_eq!(
        here.tick("12", &PromptId::named("q1")),
        Some(Tick {
            done: true,
            at: 600
        })
    );
    // Thing 12's code time is its latest tick's (200); Thing 3 keeps its own.
    assert_eq!(
        here.tick("12", &PromptId::named("q2")),
        Some(Tick {
            done: true,
            at: 200
        })
    );
    assert_eq!(
        here.tick("3", &PromptId::named("q3")),
        Some(Tick {
            done: true,
            at: 300
        })
    );
    // Pasting the same code again adds nothing.
    let again = Backup::parse(&code).unwrap().restore_into(&mut here, 700);
    assert_eq!((again.restored, again.already), (0, 3));
}

#[test]
fn a_files_tick_gives_way_to_a_later_untick_here() {
    let mut from = Progress::default();
    from.set("12", &PromptId::named("q1"), true, 100);
    from.set("12", &PromptId::named("q2"), true, 200);
    let file = backup(from).to_file();
    let mut here = Progress::default();
    here.set("12", &PromptId::named("q1"), false, 500);
    let read = Backup::parse(&file).unwrap();
    assert!(!read.from_code);
    let report = read.restore_into(&mut here, 600);
    assert_eq!((report.restored, report.unticked_since), (1, 1));
    assert!(!here.is_done("12", &PromptId::named("q1")));
}

#[test]
fn a_codes_link_and_name_fill_only_what_is_missing_here() {
    let mut from = Progress::default();
    from.set_link("3", Some(&link("https://code.example/3")), 100);
    from.set_link("4", Some(&link("http://code.example/4?x=1&y=2")), 100);
    from.set_name("Code", 100);
    let code = backup(from).to_code();
    assert_eq!(
        code,
        "TP1 cpd23-2012 3=code.example/3 4=http://code.example/4?x=1&y=2 @Code"
    );

    let mut here = Progress::default();
    here.set_link("3", Some(&link("https://here.example/3")), 5_000);
    here.set_name("Here", 5_000);
    let report = Backup::parse(&code).unwrap().restore_into(&mut here, 6_000);
    assert_eq!((report.links, report.name), (1, false));
    assert_eq!(here.link("3"), Some(link("https://here.example/3")));
    assert_eq!(here.link("4"), Some(link("http://code.example/4?x=1&y=2")));
    assert_eq!(here.name(), Some("Here"));
    // Taken in as a change made at the restore, so it reaches other copies as new.
    let stamp = here
        .record_entries()
        .find(|(e, _)| e.as_str() == "link:4")
        .map(|(_, n)| n.at);
    assert_eq!(stamp, Some(6_000));

    // A link removed here comes back from a code, as an unticked question's tick does.
    here.set_link("3", None, 7_000);
    let report = Backup::parse(&code).unwrap().restore_into(&mut here, 8_000);
    assert_eq!(report.links, 1);
    assert_eq!(here.link("3"), Some(link("https://code.example/3")));
}

#[test]
fn damaged_record_words_are_refused_and_change_nothing() {
    let damaged =
        |near: &str| Err::<Backup, _>(BackupError::DamagedCode(near.chars().take(24).collect()));
    let cases = [
        (
            "TP1 cpd23-2012 12=javascript:alert(1)",
            "12=javascript:alert(1)",
        ),
        ("TP1 cpd23-2012 12=", "12="),
        (
            "TP1 cpd23-2012 12=me@blog.example/x",
            "12=me@blog.example/x",
        ),
        ("TP1 cpd23-2012 x=blog.example/x", "x=blog.example/x"),
        ("TP1 cpd23-2012 012=blog.example/x", "012=blog.example/x"),
        ("TP1 cpd23-2012 12:~a:", "12:~a:"),
        ("TP1 cpd23-2012 12:~a:0", "12:~a:0"),
        ("TP1 cpd23-2012 12:~a:0b", "12:~a:0b"),
        ("TP1 cpd23-2012 12:~a:B", "12:~a:B"),
        ("TP1 cpd23-2012 12:~a:+b", "12:~a:+b"),
        ("TP1 cpd23-2012 12:~a:b:c", "12:~a:b:c"),
        (
            "TP1 cpd23-2012 12:~a:zzzzzzzzzzzzzz",
            "12:~a:zzzzzzzzzzzzzz",
        ),
        ("TP1 cpd23-2012 @", "@"),
        ("TP1 cpd23-2012 @%20", "@%20"),
        ("TP1 cpd23-2012 @%ZZ", "@%ZZ"),
        ("TP1 cpd23-2012 12=~5~x.example", "12=~5~x.example"),
        ("TP1 cpd23-2012 1=blog.example/1 2=~0~x", "2=~0~x"),
        ("TP1 cpd23-2012 1=blog.example/1 2=~05~x", "2=~05~x"),
        ("TP1 cpd23-2012 1=blog.example/1 2=~99~x", "2=~99~x"),
        ("TP1 cpd23-2012 1=blog.example/1 2=~x~x", "2=~x~x"),
        ("TP1 cpd23-2012 1=blog.example/1 2=~5", "2=~5"),
    ];
    for (code, near) in cases {
        assert_eq!(Backup::parse(code), damaged(near), "{code}");
    }
}

#[test]
fn links_on_one_blog_share_their_start_in_a_code() {
    let mut from = Progress::default();
    from.set_link("1", Some(&link("https://bücher.example/ä-1")), 1);
    from.set_link("2", Some(&link("https://bücher.example/å-2")), 2);
    from.set_link("3", Some(&link("http://bücher.example/3")), 3);
    from.set_link("4", Some(&link("http://bücher.example/3/4")), 4);
    from.set_link("5", Some(&link("https://other.example/5")), 5);
    let code = backup(from.clone()).to_code();
    // `ä` and `å` share their first byte: the shared start stops before them (16 bytes, `ü`
    // being two); `http://bücher.example/3` is 24 bytes.
    assert_eq!(
        code,
        "TP1 cpd23-2012 1=bücher.example/ä-1 2=~16~å-2 3=http://bücher.example/3 4=~24~/4 5=other.example/5"
    );
    let mut fresh = Progress::default();
    Backup::parse(&code).unwrap().restore_into(&mut fresh, 10);
    let links = |p: &Progress| {
        p.links()
            .map(|(t, l)| (t.to_owned(), l))
            .collect::<Vec<_>>()
    };
    assert_eq!(links(&fresh), links(&from));
}

#[test]
fn the_example_in_the_storage_doc() {
    let mut from = Progress::default();
    from.set_link(
        "1",
        Some(&link("https://jane.example/2012/07/thing-1.html")),
        1,
    );
    from.set_link(
        "2",
        Some(&link("https://jane.example/2012/07/thing-2.html")),
        2,
    );
    assert_eq!(
        backup(from).to_code(),
        "TP1 cpd23-2012 1=jane.example/2012/07/thing-1.html 2=~27~2.html"
    );
}

#[test]
fn the_device_link_carries_the_record_and_keeps_slashes_readable() {
    let mut progress = Progress::default();
    progress.set(
        "12",
        &PromptId::from_text("Did you set up a blog?"),
        true,
        1_342_432_800_000,
    );
    progress.set_link(
        "12",
        Some(&link("https://jane.example/2012/07/thing-12.html?m=1")),
        1_342_432_900_000,
    );
    progress.set_name("Zoë O'Brien", 1_342_433_000_000);
    let b = backup(progress);
    let url = device_link::link(
        "https://blog.example/2012/07/thing-12.html#top",
        &b.to_code(),
    );
    assert_eq!(
        url,
        "https://blog.example/2012/07/thing-12.html#thing-prompts=TP1%20cpd23-2012%2012:2204e30c4eb8d5b0:h4pdtts0%2012=jane.example/2012/07/thing-12.html?m=1%20@Zo%25C3%25AB%2520O%2527Brien"
    );
    let fragment = url.split_once('#').unwrap().1;
    let read = device_link::read(fragment).unwrap().unwrap();
    assert_eq!(read.to_code(), b.to_code());
    let preview = device_link::preview(&read, &Progress::default());
    assert_eq!(
        (preview.restored, preview.links, preview.name),
        (1, 1, true)
    );
}

/// The figures the report gives: a code's length before the record (the release before it
/// wrote no stamps), with stamps, and with links. Also checks that each part costs what the
/// format says and no more.
#[test]
fn what_the_record_adds_to_a_code() {
    let ticks = ticks_only();
    let undated = {
        let mut p = Progress::default();
        for (thing, id, tick) in ticks.ticks() {
            p.put_tick(
                thing,
                id,
                Tick {
                    done: tick.done,
                    at: 0,
                },
            );
        }
        p
    };
    let before = backup(undated).to_code();
    let stamped = backup(ticks.clone()).to_code();
    let full = backup(with_record()).to_code();
    let groups = 11;
    // A stamp of 2012 to 2059 is eight base-36 digits, and a colon.
    assert_eq!(stamped.len(), before.len() + groups * 9);
    // Links come in the order of their Thing keys as text (1, 10, 2, 3 …); each after the
    // first shares `jane-librarian.blogspot.com/2012/07/cpd23-thing-` (48 bytes) with the one
    // before it, 49 when the Thing's number does too (10 after 1), written `~48~`.
    let forms: Vec<String> = [1u32, 10, 2, 3, 4, 5, 6, 7, 8, 9]
        .iter()
        .map(|n| blogger_post(*n).trim_start_matches("https://").to_owned())
        .collect();
    let mut links = format!(" 1={}", forms[0]).len();
    for (n, pair) in [10u32, 2, 3, 4, 5, 6, 7, 8, 9].iter().zip(forms.windows(2)) {
        let shared = if *n == 10 { 49 } else { 48 };
        assert_eq!(pair[0][..shared], pair[1][..shared]);
        links += format!(" {n}=~{shared}~").len() + pair[1].len() - shared;
    }
    let every_link_whole: usize = forms
        .iter()
        .zip([1u32, 10, 2, 3, 4, 5, 6, 7, 8, 9])
        .map(|(f, n)| format!(" {n}={f}").len())
        .sum();
    assert_eq!(full.len(), stamped.len() + links + " @Jane%20Smith".len());
    let page = "https://jane-librarian.blogspot.com/2012/07/cpd23-thing-12.html";
    let device = |code: &str| device_link::link(page, code).len();
    eprintln!(
        "code bytes: before the record {}, with stamps {} (+{} for {groups} Things), with 10 links and a name {} (+{} for links, {} a link on average, {} without shared starts; the address is {} bytes)",
        before.len(),
        stamped.len(),
        stamped.len() - before.len(),
        full.len(),
        links,
        links / 10,
        every_link_whole,
        blogger_post(1).len(),
    );
    eprintln!(
        "device link bytes: before {}, with stamps {}, with links and name {}",
        device(&before),
        device(&stamped),
        device(&full)
    );
    // The device link adds nothing to a link's bytes but the spaces between words (%20).
    assert_eq!(
        device(&full) - device(&stamped),
        full.len() - stamped.len() + 2 * 11 + 2
    );
}

#[test]
fn an_empty_record_changes_nothing_in_a_code() {
    // No ticks, no link, no name: the code is the one the release before the record wrote.
    assert_eq!(backup(Progress::default()).to_code(), "TP1 cpd23-2012");
    let report = Backup::parse("TP1 cpd23-2012")
        .unwrap()
        .restore_into(&mut Progress::default(), 1);
    assert_eq!(report, RestoreReport::default());
}

/// The whole of CPD23 2012 answered, with a link to each post and a name: the device link of a
/// Blogger post still fits in a QR code.
#[test]
fn a_whole_course_with_its_record_still_fits_a_qr_code() {
    let programme = cpd23_2012();
    let mut progress = Progress::default();
    let mut at = 1_341_860_400_000;
    for thing in &programme.things {
        let key = thing.number.to_string();
        for prompt in &thing.prompts {
            at += 600_000;
            progress.set(&key, &prompt.id, true, at);
        }
        progress.set_link(&key, Some(&link(&blogger_post(thing.number))), at + 1);
    }
    progress.set_name("Jane Smith", at + 2);
    let code = backup(progress).to_code();
    let url = device_link::link(
        "https://jane-librarian.blogspot.com/2012/07/cpd23-thing-12.html",
        &code,
    );
    let qr = device_link::qr(&url);
    eprintln!(
        "whole course: code {} bytes, device link {} bytes, QR code {:?} modules a side",
        code.len(),
        url.len(),
        qr.as_ref().map(|q| q.width)
    );
    assert!(qr.is_some(), "{} bytes", url.len());
}

#[test]
fn a_code_leaves_out_what_it_could_not_name() {
    // Storage edited by hand: a Thing key that is no number, under ticks and a link.
    let stored = r#"{"version":1,"things":{
        "12":{"t2204e30c4eb8d5b0":{"done":true,"at":5}},
        "x1":{"t2204e30c4eb8d5b0":{"done":true,"at":6}},
        "~record":{"link:x1":{"done":false,"at":0,"note":"https://blog.example/x","noteAt":7},
                   "link:12":{"done":false,"at":0,"note":"https://blog.example/12","noteAt":8}}}}"#;
    let code = backup(Progress::parse(stored).unwrap()).to_code();
    assert_eq!(
        code,
        "TP1 cpd23-2012 12:2204e30c4eb8d5b0:5 12=blog.example/12"
    );
    assert!(Backup::parse(&code).is_ok());
}

mod round_trip {
    use super::*;
    use proptest::prelude::*;

    fn progress() -> impl Strategy<Value = Progress> {
        let tick = (
            0u32..5,
            "[a-z]{1,3}",
            any::<bool>(),
            0u64..3_000_000_000_000,
        );
        let link_op = (
            0u32..5,
            proptest::option::of(prop_oneof![
                "https://[a-zé]{1,6}\\.example(/[a-z0-9~%=&?-]{0,6}){0,3}",
                "http://blog\\.example/[a-z0-9]{0,4}",
            ]),
            0u64..3_000_000_000_000,
        );
        let name = proptest::option::of(("[A-Za-zé '.~%@-]{0,12}", 0u64..3_000_000_000_000));
        (
            proptest::collection::vec(tick, 0..10),
            proptest::collection::vec(link_op, 0..6),
            name,
        )
            .prop_map(|(ticks, links, name)| {
                let key = |n: u32| if n == 0 { String::new() } else { n.to_string() };
                let mut p = Progress::default();
                for (thing, id, done, now) in ticks {
                    p.set(&key(thing), &PromptId::named(&id), done, now);
                }
                for (thing, address, now) in links {
                    let link = address.map(|a| PostLink::parse(&a).unwrap());
                    p.set_link(&key(thing), link.as_ref(), now);
                }
                if let Some((text, now)) = name {
                    p.set_name(&text, now);
                }
                p
            })
    }

    /// The latest stamp of each Thing's ticks.
    fn latest(p: &Progress) -> Vec<(String, u64)> {
        let mut out: Vec<(String, u64)> = Vec::new();
        for (thing, _, tick) in p.ticks().filter(|(_, _, t)| t.done) {
            match out.last_mut() {
                Some((t, at)) if t == thing => *at = (*at).max(tick.at),
                _ => out.push((thing.to_owned(), tick.at)),
            }
        }
        out
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

        /// A code restored into an empty browser gives back every tick, each Thing's latest
        /// stamp (its finish date), every link and the name.
        #[test]
        fn a_code_gives_back_the_record(p in progress()) {
            let code = backup(p.clone()).to_code();
            let read = Backup::parse(&code).unwrap();
            let mut fresh = Progress::default();
            read.restore_into(&mut fresh, 1);
            prop_assert_eq!(latest(&fresh), latest(&p), "{}", code);
            let links = |p: &Progress| p.links().map(|(t, l)| (t.to_owned(), l)).collect::<Vec<_>>();
            prop_assert_eq!(links(&fresh), links(&p), "{}", code);
            prop_assert_eq!(fresh.name(), p.name(), "{}", code);
            // Read back, the code is written the same.
            prop_assert_eq!(backup(read.progress).to_code(), code);
        }
    }
}
