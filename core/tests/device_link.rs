#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)]
//! The device link: a post's address with a backup code in its fragment, read back on
//! another device; which widget speaks of it; its QR code and e-mail address.

use thing_prompts_core::backup::{Backup, BackupError};
use thing_prompts_core::device_link::{carries_ticks, link, mailto, preview, qr, read, speaks_for};
use thing_prompts_core::progress::{Progress, Tick};
use thing_prompts_core::prompt_id::PromptId;

fn backup(course: &str, ticks: &[(&str, &str)]) -> Backup {
    let mut progress = Progress::default();
    for (thing, id) in ticks {
        // Codes carry no times: a tick read back from one has time 0 (`set` would stamp each
        // change one past the newest, as the hybrid logical clock does).
        progress.put_tick(thing, &PromptId::named(id), Tick { done: true, at: 0 });
    }
    Backup {
        course: course.to_owned(),
        progress,
        // As read back: a device link carries a code.
        from_code: true,
    }
}

fn fragment_of(url: &str) -> &str {
    &url[url.find('#').unwrap()..]
}

#[test]
fn the_link_is_the_page_without_its_fragment_and_the_code_in_a_new_one() {
    let b = backup(
        "cpd23-2012",
        &[("12", "t2204e30c4eb8d5b0"), ("3", "t859cfe405ed73417")],
    );
    let url = link(
        "https://blog.example/2012/07/thing-12.html?m=1#comments",
        &b.to_code(),
    );
    assert!(url.starts_with(
        "https://blog.example/2012/07/thing-12.html?m=1#thing-prompts=TP1%20cpd23-2012%20"
    ));
    assert_eq!(url.matches('#').count(), 1);
    assert_eq!(read(fragment_of(&url)), Some(Ok(b.clone())));
    // With or without the `#`, as `location.hash` and `URL.hash` give it.
    assert_eq!(read(&fragment_of(&url)[1..]), Some(Ok(b)));
}

#[test]
fn every_character_of_the_fragment_is_allowed_there_unencoded() {
    // A programme's own prompt ids are written percent-encoded in a code: `%` itself must be encoded again.
    let b = backup(
        "~inline",
        &[("", "my first question?"), ("", "ünïcode & 100%")],
    );
    let code = b.to_code();
    assert!(code.contains('%') && code.contains(' '));
    let url = link("http://127.0.0.1:8023/post.html", &code);
    let fragment = &fragment_of(&url)[1..];
    let allowed = |c: char| c.is_ascii_alphanumeric() || "-._~!$&'()*+,;=:@/?%".contains(c);
    assert!(fragment.chars().all(allowed), "{fragment}");
    // Every `%` starts an escape: nothing is left for a browser to re-encode.
    assert!(!fragment.contains("% ") && !fragment.contains(' '));
    assert_eq!(read(fragment_of(&url)), Some(Ok(b)));
}

#[test]
fn other_fragments_are_not_ours() {
    for fragment in [
        "",
        "#",
        "#comments",
        "#thing-prompts",
        "#thing-promptsX=TP1",
        "#other=TP1 x",
    ] {
        assert_eq!(read(fragment), None, "{fragment}");
        assert!(!carries_ticks(fragment));
    }
    assert!(carries_ticks("#thing-prompts=anything"));
}

#[test]
fn a_damaged_fragment_is_an_error_not_a_restore() {
    let cases = [
        "#thing-prompts=",
        "#thing-prompts=TP1%20cpd23-2012%2012:zz",
        "#thing-prompts=TP1%2",
        "#thing-prompts=%FF%FE",
        "#thing-prompts=hello",
        "#thing-prompts=TP1%20Not_A_Course",
        // A backup file is never carried in a link.
        "#thing-prompts=%7B%22thingPromptsBackup%22%3A1%7D",
    ];
    for fragment in cases {
        assert!(matches!(read(fragment), Some(Err(_))), "{fragment}");
    }
    assert!(matches!(
        read("#thing-prompts=TP1%20cpd23-2012%2012:zz"),
        Some(Err(BackupError::DamagedCode(_)))
    ));
}

#[test]
fn the_widget_of_the_links_course_speaks_of_it_and_a_link_nobody_can_take_goes_to_the_first() {
    let ours = Ok(backup("cpd23-2012", &[("12", "a")]));
    assert!(speaks_for(&ours, "cpd23-2012", |_| panic!("not asked")));
    // Another course that a later placeholder shows: that one speaks.
    assert!(!speaks_for(&ours, "~inline", |course| course == "cpd23-2012"));
    // A course no placeholder shows: the first widget says the link is for another course.
    assert!(speaks_for(&ours, "~inline", |_| false));
    let damaged: Result<Backup, BackupError> = Err(BackupError::NotABackup);
    assert!(speaks_for(&damaged, "anything", |_| true));
}

#[test]
fn the_prompt_counts_the_ticks_not_already_here_and_changes_nothing() {
    let b = backup("cpd23-2012", &[("12", "a"), ("12", "b"), ("3", "c")]);
    let mut here = Progress::default();
    here.set("12", &PromptId::named("a"), true, 1);
    let before = here.clone();
    let report = preview(&b, &here);
    assert_eq!((report.restored, report.already, report.things), (2, 1, 2));
    assert_eq!(here, before);
}

#[test]
fn the_email_address_encodes_subject_and_body_whole() {
    let url = link(
        "http://x.example/p.html",
        "TP1 cpd23-2012 12:2204e30c4eb8d5b0",
    );
    let address = mailto("My ticks & notes", &format!("Open this:\n{url}"));
    assert_eq!(
        address,
        "mailto:?subject=My%20ticks%20%26%20notes&body=Open%20this%3A%0Ahttp%3A%2F%2Fx.example%2Fp.html%23thing-prompts%3DTP1%2520cpd23-2012%252012%3A2204e30c4eb8d5b0"
    );
}

#[test]
fn the_qr_code_has_the_size_its_data_needs() {
    // Version v is 17 + 4v modules a side. 14 bytes fit version 1 at level M.
    assert_eq!(qr("http://x.y/abc").unwrap().width, 21);
    // 100 bytes need version 6 at level M (84 bytes fit version 5, 106 version 6).
    let hundred = "h".repeat(100);
    let code = qr(&hundred).unwrap();
    assert_eq!(code.width, 41);
    // Every run stays inside the square, one row high.
    for part in code.path.split('M').skip(1) {
        let (xy, rest) = part.split_once('h').unwrap();
        let (x, y) = xy.split_once(',').unwrap();
        let run: usize = rest.split('v').next().unwrap().parse().unwrap();
        let (x, y): (usize, usize) = (x.parse().unwrap(), y.parse().unwrap());
        assert!(run >= 1 && x + run <= 41 && y < 41, "{part}");
    }
    // The three finder patterns: the first row starts with a run of seven dark modules.
    assert!(code.path.starts_with("M0,0h7v1h-7z"));
    // Past what version 40 holds at level L, there is no QR code (the link is still there).
    assert_eq!(qr(&"h".repeat(3000)), None);
    assert!(qr(&"h".repeat(2900)).is_some());
}
