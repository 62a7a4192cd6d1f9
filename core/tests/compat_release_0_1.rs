#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)]
//! Compatibility both ways with the release before the course record (0.1.0, main at commit
//! 935a405), whose progress and backup code is kept as it was in `core/tests/fixtures/release-0.1.0/`
//! and compiled here as `crate::core`.
//!
//! That release reads a store into its typed progress and writes the progress back whole:
//! a field it does not know would be dropped at its next write. It does keep, and merge by
//! time, a note on any entry of any Thing key. The course record is stored that way (a note on
//! entries of the Thing key `~record` that are never ticked), and a finish date is no field
//! at all (it is the stamp of the tick that completed the Thing). These tests write with the
//! new code, read, change and write with the old path exactly as its `progress_store` does,
//! and read with the new code again.

#[allow(dead_code, unreachable_pub, clippy::all)]
#[path = "fixtures/release-0.1.0/core/mod.rs"]
mod core;

use crate::core::backup::{Backup as OldBackup, BackupError as OldBackupError};
use crate::core::progress::Progress as OldProgress;
use crate::core::prompt_id::PromptId as OldId;
use proptest::prelude::*;
use thing_prompts_core::backup::Backup;
use thing_prompts_core::post_link::PostLink;
use thing_prompts_core::programme::{counted_prompts, Programme, BUNDLED};
use thing_prompts_core::progress::{Progress, Tick};
use thing_prompts_core::prompt_id::PromptId;
use thing_prompts_core::record::{course_record, ThingState};

/// A store as the release before the record wrote it (CPD23 2012: Thing 1 answered in full
/// on 9 July 2012; on Thing 2 one question ticked with a note, one ticked and unticked).
const TODAYS_STORE: &str = r#"{"version":1,"things":{"1":{"t40037be8b64b182d":{"done":true,"at":1341861600000},"t6083ed27bfc7919f":{"done":true,"at":1341861000000},"ta06887e88e9c642d":{"done":true,"at":1341860400000},"tc1c5c442d2febd7e":{"done":true,"at":1341862200000}},"2":{"t929c45add68ae89c":{"done":false,"at":1342465320000},"te06fd670491f9187":{"done":true,"at":1342465200000,"note":"Read \"Librarian in Black\" — 3 posts","noteAt":1342465380000}}}}"#;

/// The backup code that release wrote for the same progress: no times.
const TODAYS_CODE: &str = "TP1 cpd23-2012 1:40037be8b64b182d,6083ed27bfc7919f,a06887e88e9c642d,c1c5c442d2febd7e 2:e06fd670491f9187";

/// Its backup file for the same progress.
const TODAYS_FILE: &str = r#"{
  "thingPromptsBackup": 1,
  "course": "cpd23-2012",
  "progress": {
    "things": {
      "1": {
        "t40037be8b64b182d": {
          "at": 1341861600000,
          "done": true
        },
        "t6083ed27bfc7919f": {
          "at": 1341861000000,
          "done": true
        },
        "ta06887e88e9c642d": {
          "at": 1341860400000,
          "done": true
        },
        "tc1c5c442d2febd7e": {
          "at": 1341862200000,
          "done": true
        }
      },
      "2": {
        "t929c45add68ae89c": {
          "at": 1342465320000,
          "done": false
        },
        "te06fd670491f9187": {
          "at": 1342465200000,
          "done": true,
          "note": "Read \"Librarian in Black\" — 3 posts",
          "noteAt": 1342465380000
        }
      }
    },
    "version": 1
  }
}"#;

const JULY_9: u64 = 1_341_860_400_000; // 2012-07-09 19:00 UTC
const WEEK: u64 = 7 * 86_400_000;

fn cpd23_2012() -> &'static Programme {
    static PROGRAMME: std::sync::OnceLock<Programme> = std::sync::OnceLock::new();
    PROGRAMME.get_or_init(|| Programme::from_json(BUNDLED[1].1).unwrap())
}

fn question(number: u32, i: usize) -> PromptId {
    cpd23_2012().thing(number).unwrap().prompts[i].id.clone()
}

fn old_id(id: &PromptId) -> OldId {
    OldId::named(id.as_str())
}

fn link(text: &str) -> PostLink {
    PostLink::parse(text).unwrap()
}

/// What the release before the record does when the reader changes something: its page copy
/// (read from storage when the widget mounted), merged with what storage holds now, changed,
/// and written back (`progress_store::change`).
fn old_change(stored: &str, apply: impl FnOnce(&mut OldProgress)) -> String {
    let mut page = OldProgress::parse(stored).unwrap();
    page.merge(&OldProgress::parse(stored).unwrap());
    apply(&mut page);
    page.to_json()
}

/// What it does when another tab wrote: its page copy merged with storage, written back when
/// they differ (`progress_store::on_storage_event`).
fn old_other_tab_wrote(page: &str, stored: &str) -> String {
    let mut progress = OldProgress::parse(page).unwrap();
    let read = OldProgress::parse(stored).unwrap();
    progress.merge(&read);
    if progress != read {
        progress.to_json()
    } else {
        stored.to_owned()
    }
}

/// Each Thing's number, state and link.
type Things = Vec<(u32, ThingState, Option<PostLink>)>;

/// The record the new code reads: each Thing's state and link, and the name.
fn record(progress: &Progress) -> (Things, Option<String>) {
    let things = course_record(progress, cpd23_2012())
        .into_iter()
        .map(|t| (t.number, t.state, t.link))
        .collect();
    (things, progress.name().map(str::to_owned))
}

/// [`TODAYS_STORE`] read by the new code, with a link on Things 1 and 2 and a name.
fn store_with_record() -> Progress {
    let mut progress = Progress::parse(TODAYS_STORE).unwrap();
    progress.set_link(
        "1",
        Some(&link("https://jane.example/2012/07/thing-1.html")),
        JULY_9 + WEEK,
    );
    progress.set_link(
        "2",
        Some(&link("http://jane.example/?p=2")),
        JULY_9 + 2 * WEEK,
    );
    progress.set_name("Jane Smith", JULY_9 + 2 * WEEK);
    progress
}

#[test]
fn the_recorded_strings_are_what_that_release_writes() {
    // The fixture writes exactly the recorded store, file and code for the same changes.
    let programme = cpd23_2012();
    let mut old = OldProgress::default();
    for (i, q) in programme.thing(1).unwrap().prompts.iter().enumerate() {
        old.set("1", &old_id(&q.id), true, JULY_9 + i as u64 * 600_000);
    }
    let q2: Vec<OldId> = programme
        .thing(2)
        .unwrap()
        .prompts
        .iter()
        .map(|q| old_id(&q.id))
        .collect();
    old.set("2", &q2[0], true, JULY_9 + WEEK);
    old.set("2", &q2[1], true, JULY_9 + WEEK + 60_000);
    old.set("2", &q2[1], false, JULY_9 + WEEK + 120_000);
    old.set_note(
        "2",
        &q2[0],
        "Read \"Librarian in Black\" — 3 posts",
        JULY_9 + WEEK + 180_000,
    );
    assert_eq!(old.to_json(), TODAYS_STORE);
    let backup = OldBackup {
        course: "cpd23-2012".to_owned(),
        progress: old,
    };
    assert_eq!(backup.to_file(), TODAYS_FILE);
    assert_eq!(backup.to_code(), TODAYS_CODE);
}

#[test]
fn a_store_of_that_release_is_read_whole_and_written_back_the_same() {
    let progress = Progress::parse(TODAYS_STORE).unwrap();
    assert_eq!(progress.to_json(), TODAYS_STORE);
    let (things, name) = record(&progress);
    assert_eq!(
        things[0].1,
        ThingState::Finished {
            at: JULY_9 + 1_800_000
        }
    );
    assert_eq!(
        things[1].1,
        ThingState::Answered {
            answered: 1,
            total: 4
        }
    );
    assert_eq!(
        progress.note("2", &question(2, 0)),
        Some("Read \"Librarian in Black\" — 3 posts")
    );
    assert_eq!(
        progress.tick("2", &question(2, 1)),
        Some(Tick {
            done: false,
            at: JULY_9 + WEEK + 120_000
        })
    );
    assert!(things.iter().all(|(_, _, link)| link.is_none()));
    assert_eq!(name, None);
}

#[test]
fn that_releases_file_and_code_are_read_whole() {
    let from_file = Backup::parse(TODAYS_FILE).unwrap();
    assert_eq!(from_file.progress, Progress::parse(TODAYS_STORE).unwrap());

    let from_code = Backup::parse(TODAYS_CODE).unwrap();
    let ticked: Vec<(String, String, u64)> = from_code
        .progress
        .ticks()
        .map(|(thing, id, tick)| (thing.to_owned(), id.as_str().to_owned(), tick.at))
        .collect();
    assert_eq!(ticked.len(), 5);
    assert!(
        ticked.iter().all(|(_, _, at)| *at == 0),
        "undated, as that code was"
    );
    // Restored, its ticks are made at the restore, as they always were.
    let mut fresh = Progress::default();
    let report = from_code.restore_into(&mut fresh, 5_000);
    assert_eq!((report.restored, report.things), (5, 2));
    // Thing 1's four ticks are restored one after another, from 5,000 on.
    assert_eq!(record(&fresh).0[0].1, ThingState::Finished { at: 5_003 });
}

#[test]
fn that_release_keeps_links_finish_dates_and_the_name_when_it_writes() {
    let new = store_with_record();
    let written = new.to_json();
    let before = record(&new);

    // Read and written back untouched (another tab merging it, a reload).
    let untouched = old_change(&written, |_| {});
    assert_eq!(untouched, written, "byte for byte");

    // The reader ticks on Thing 3, unticks and reticks on Thing 2, writes a note.
    let q3 = old_id(&question(3, 0));
    let changed = old_change(&written, |old| {
        old.set("3", &q3, true, JULY_9 + 3 * WEEK);
        old.set_note("3", &q3, "Googled myself", JULY_9 + 3 * WEEK + 1);
    });
    let after = Progress::parse(&changed).unwrap();
    let (things, name) = record(&after);
    assert_eq!(name.as_deref(), Some("Jane Smith"));
    assert_eq!(
        things[0], before.0[0],
        "Thing 1: finished on the same date, same link"
    );
    assert_eq!(things[1], before.0[1], "Thing 2: same state and link");
    assert_eq!(
        things[2].1,
        ThingState::Answered {
            answered: 1,
            total: 4
        }
    );
    assert_eq!(after.note("3", &question(3, 0)), Some("Googled myself"));
    assert_eq!(after.links().count(), 2);

    // That release sees nothing of the record: its counts, notes and code are as before.
    let old = OldProgress::parse(&written).unwrap();
    let q1: Vec<OldId> = counted_prompts(&cpd23_2012().thing(1).unwrap().prompts)
        .into_iter()
        .map(old_id)
        .collect();
    assert_eq!(old.done_count("1", q1.iter()), 4);
    let old_code = OldBackup {
        course: "cpd23-2012".to_owned(),
        progress: old,
    }
    .to_code();
    assert_eq!(old_code, TODAYS_CODE);
}

#[test]
fn that_release_unticking_and_reticking_moves_the_finish_date() {
    let written = store_with_record().to_json();
    let q = old_id(&question(1, 2));
    let unticked = old_change(&written, |old| old.set("1", &q, false, JULY_9 + 4 * WEEK));
    assert_eq!(
        record(&Progress::parse(&unticked).unwrap()).0[0].1,
        ThingState::Answered {
            answered: 3,
            total: 4
        }
    );
    // Its clock runs an hour slow: its stamp still comes after the record's and the untick's.
    let reticked = old_change(&unticked, |old| {
        old.set("1", &q, true, JULY_9 + 4 * WEEK - 3_600_000)
    });
    let after = Progress::parse(&reticked).unwrap();
    assert_eq!(
        record(&after).0[0].1,
        ThingState::Finished {
            at: JULY_9 + 4 * WEEK + 1
        }
    );
    assert_eq!(
        after.link("1"),
        Some(link("https://jane.example/2012/07/thing-1.html"))
    );
}

#[test]
fn that_release_merges_links_between_tabs_by_time() {
    let base = store_with_record().to_json();
    // Tab A (the new release) changes Thing 1's link; tab B (the old release) has the older
    // store in memory and ticks; then tab A removes Thing 2's link.
    let mut a = Progress::parse(&base).unwrap();
    a.set_link(
        "1",
        Some(&link("https://jane.example/thing-1-v2")),
        JULY_9 + 5 * WEEK,
    );
    a.set_link("2", None, JULY_9 + 5 * WEEK + 1);
    let stored_by_a = a.to_json();
    let q5 = old_id(&question(5, 0));
    let b_page = old_change(&base, |old| old.set("5", &q5, true, JULY_9 + 5 * WEEK + 2));
    // B hears A's write and writes the merge back: A's link change and removal stand.
    let merged = old_other_tab_wrote(&b_page, &stored_by_a);
    let after = Progress::parse(&merged).unwrap();
    assert_eq!(
        after.link("1"),
        Some(link("https://jane.example/thing-1-v2"))
    );
    assert_eq!(after.link("2"), None);
    assert!(after.is_done("5", &question(5, 0)));
    // The other way round: B's old copy written last does not bring the old link back.
    let merged_again = old_other_tab_wrote(&stored_by_a, &b_page);
    assert_eq!(Progress::parse(&merged_again).unwrap(), after);
}

#[test]
fn a_file_of_the_new_release_goes_through_that_release_whole() {
    let new = store_with_record();
    let file = Backup {
        course: "cpd23-2012".to_owned(),
        progress: new.clone(),
        from_code: false,
    }
    .to_file();
    // That release restores it into an empty browser and stores the result.
    let old_backup = OldBackup::parse(&file).unwrap();
    let mut old = OldProgress::default();
    let report = old_backup.restore_into(&mut old, JULY_9 + 9 * WEEK);
    assert_eq!(report.restored, 5);
    let stored = old.to_json();
    assert_eq!(record(&Progress::parse(&stored).unwrap()), record(&new));
    // And a file it writes from that store is read by the new release whole.
    let old_file = OldBackup {
        course: "cpd23-2012".to_owned(),
        progress: old,
    }
    .to_file();
    assert_eq!(Backup::parse(&old_file).unwrap().progress, new);
}

#[test]
fn a_new_code_is_read_by_that_release_only_when_it_carries_nothing_new() {
    // An empty code is the same in both releases.
    let empty = Backup {
        course: "cpd23-2012".to_owned(),
        progress: Progress::default(),
        from_code: false,
    }
    .to_code();
    assert!(OldBackup::parse(&empty).is_ok());
    // Ticks now come with their Thing's latest stamp, which that release does not know: it
    // refuses the code as damaged and changes nothing (it never misreads it).
    let code = Backup {
        course: "cpd23-2012".to_owned(),
        progress: store_with_record(),
        from_code: false,
    }
    .to_code();
    assert!(
        matches!(OldBackup::parse(&code), Err(OldBackupError::DamagedCode(_))),
        "{code}"
    );
}

/// Random progress of the new release: ticks, notes, links (some removed) and a name.
fn new_progress() -> impl Strategy<Value = Progress> {
    let tick = (1u32..6, 0usize..4, any::<bool>(), 0u64..2_000_000_000_000);
    let note = (
        1u32..6,
        0usize..4,
        "[a-z \"é]{0,12}",
        0u64..2_000_000_000_000,
    );
    let link_op = (
        1u32..6,
        proptest::option::of("[a-z]{1,8}(/[a-z0-9]{0,6}){0,2}"),
        0u64..2_000_000_000_000,
    );
    let name = proptest::option::of(("[A-Za-z .']{0,20}", 0u64..2_000_000_000_000));
    (
        proptest::collection::vec(tick, 0..12),
        proptest::collection::vec(note, 0..4),
        proptest::collection::vec(link_op, 0..6),
        name,
    )
        .prop_map(|(ticks, notes, links, name)| {
            let mut p = Progress::default();
            for (thing, i, done, now) in ticks {
                p.set(&thing.to_string(), &question(thing, i), done, now);
            }
            for (thing, i, text, now) in notes {
                p.set_note(&thing.to_string(), &question(thing, i), &text, now);
            }
            for (thing, path, now) in links {
                let link = path.map(|path| link(&format!("https://{path}.example/")));
                p.set_link(&thing.to_string(), link.as_ref(), now);
            }
            if let Some((text, now)) = name {
                p.set_name(&text, now);
            }
            p
        })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    /// Whatever the new release stores, the old one reads and writes it back unchanged.
    #[test]
    fn that_release_writes_back_whatever_the_new_one_stored(p in new_progress()) {
        let written = p.to_json();
        let through_old = old_change(&written, |_| {});
        prop_assert_eq!(&through_old, &written);
        prop_assert_eq!(Progress::parse(&through_old).unwrap(), p);
    }

    /// Two copies merged by the old release equal the new release's merge: both releases
    /// can share a browser's storage and meet in any order.
    #[test]
    fn both_releases_merge_alike(a in new_progress(), b in new_progress()) {
        let mut new_merge = a.clone();
        new_merge.merge(&b);
        let mut old_merge = OldProgress::parse(&a.to_json()).unwrap();
        old_merge.merge(&OldProgress::parse(&b.to_json()).unwrap());
        prop_assert_eq!(old_merge.to_json(), new_merge.to_json());
        prop_assert_eq!(record(&Progress::parse(&old_merge.to_json()).unwrap()), record(&new_merge));
    }
}
