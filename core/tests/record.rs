#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)]
//! The course record: links to posts and the name kept with the progress (stamped and merged
//! like ticks), finished Things, the record's rows, and its CSV and Markdown files.

use proptest::prelude::*;
use thing_prompts_core::date::CivilDate;
use thing_prompts_core::post_link::PostLink;
use thing_prompts_core::programme::{counted_prompts, Programme, BUNDLED};
use thing_prompts_core::progress::{Progress, NAME_MAX_CHARS, RECORD_THING};
use thing_prompts_core::prompt_id::PromptId;
use thing_prompts_core::record::{
    course_record, finished_at, rows, thing_state, RecordRow, ThingRecord, ThingState,
};
use thing_prompts_core::record_files::{
    csv, file_name, markdown, Headings, MarkdownWords, CSV_BOM,
};

fn link(text: &str) -> PostLink {
    PostLink::parse(text).unwrap()
}

fn cpd23_2012() -> Programme {
    Programme::from_json(BUNDLED[1].1).unwrap()
}

/// The counted prompt ids of a Thing of CPD23 2012.
fn ids(programme: &Programme, number: u32) -> Vec<PromptId> {
    counted_prompts(&programme.thing(number).unwrap().prompts)
        .into_iter()
        .cloned()
        .collect()
}

const POST: &str = "https://jane-librarian.blogspot.com/2012/07/thing-12.html";
const OTHER_POST: &str = "https://jane.example/thing-12-again";

#[test]
fn a_link_is_set_changed_and_removed_with_the_ticks_clock() {
    let mut progress = Progress::default();
    progress.set("12", &PromptId::named("q1"), true, 1_000);
    assert_eq!(progress.link("12"), None);

    progress.set_link("12", Some(&link(POST)), 2_000);
    assert_eq!(progress.link("12"), Some(link(POST)));
    assert_eq!(progress.newest(), 2_000);

    // A clock gone back: the change is still stamped after everything this copy has seen.
    progress.set_link("12", Some(&link(OTHER_POST)), 500);
    assert_eq!(progress.link("12"), Some(link(OTHER_POST)));
    assert_eq!(progress.newest(), 2_001);

    // The same link again changes nothing, not even its time.
    progress.set_link("12", Some(&link(OTHER_POST)), 9_000);
    assert_eq!(progress.newest(), 2_001);

    progress.set_link("12", None, 3_000);
    assert_eq!(progress.link("12"), None);
    assert_eq!(progress.newest(), 3_000);
    assert_eq!(progress.links().count(), 0);
    // The removal is kept, with its time, as an empty entry.
    let kept: Vec<_> = progress.record_entries().collect();
    assert_eq!(kept.len(), 1);
    assert_eq!(
        (kept[0].0.as_str(), kept[0].1.text.as_str(), kept[0].1.at),
        ("link:12", "", 3_000)
    );

    // Links are no ticks and no notes: nothing is ticked, and the Thing's questions are untouched.
    assert!(progress.notes().all(|(thing, _, _)| thing != RECORD_THING));
    assert!(progress
        .ticks()
        .filter(|(thing, _, _)| *thing == RECORD_THING)
        .all(|(_, _, t)| !t.done));
}

#[test]
fn links_merge_like_ticks_the_later_change_winning() {
    let mut tab_a = Progress::default();
    tab_a.set_link("12", Some(&link(POST)), 1_000);
    let mut tab_b = tab_a.clone();
    // Tab B changes the link, tab A later removes it: the removal wins, in either order.
    tab_b.set_link("12", Some(&link(OTHER_POST)), 2_000);
    tab_a.set_link("12", None, 3_000);
    let mut ab = tab_a.clone();
    ab.merge(&tab_b);
    let mut ba = tab_b.clone();
    ba.merge(&tab_a);
    assert_eq!(ab, ba);
    assert_eq!(ab.link("12"), None);

    // Tab B sets it again after seeing the removal: its stamp is later, whatever its clock says.
    ba.set_link("12", Some(&link(OTHER_POST)), 10);
    let mut a_again = tab_a.clone();
    a_again.merge(&ba);
    assert_eq!(a_again.link("12"), Some(link(OTHER_POST)));

    // Each Thing's link on its own.
    tab_a.set_link("3", Some(&link("https://jane.example/3")), 4_000);
    tab_b.merge(&tab_a);
    assert_eq!(tab_b.link("3"), Some(link("https://jane.example/3")));
    assert_eq!(tab_b.link("12"), None);
}

#[test]
fn a_stored_link_that_fails_the_checks_is_not_shown() {
    let stored = r#"{"version":1,"things":{"~record":{
        "link:12":{"done":false,"at":0,"note":"javascript:alert(1)","noteAt":5},
        "link:13":{"done":false,"at":0,"note":"https://blog.example/13","noteAt":6}}}}"#;
    let progress = Progress::parse(stored).unwrap();
    assert_eq!(progress.link("12"), None);
    assert_eq!(progress.link("13"), Some(link("https://blog.example/13")));
    let links: Vec<_> = progress.links().map(|(t, l)| (t.to_owned(), l)).collect();
    assert_eq!(
        links,
        vec![("13".to_owned(), link("https://blog.example/13"))]
    );
}

#[test]
fn the_name_is_tidied_stamped_and_merged() {
    let mut progress = Progress::default();
    assert_eq!(progress.name(), None);
    progress.set_name("  Jane \t  Smith\u{7}\n", 100);
    assert_eq!(progress.name(), Some("Jane Smith"));
    let long = "x".repeat(NAME_MAX_CHARS + 20);
    progress.set_name(&long, 200);
    assert_eq!(
        progress.name().map(|n| n.chars().count()),
        Some(NAME_MAX_CHARS)
    );

    let mut other = Progress::default();
    other.set_name("J. Smith", 300);
    progress.merge(&other);
    assert_eq!(progress.name(), Some("J. Smith"));
    progress.set_name("", 50);
    assert_eq!(progress.name(), None);
    other.merge(&progress);
    assert_eq!(
        other.name(),
        None,
        "the removal, stamped after, reaches the other copy"
    );
}

#[test]
fn a_thing_is_finished_when_every_question_that_counts_is_ticked() {
    let programme = cpd23_2012();
    let thing = programme.thing(1).unwrap();
    let q = ids(&programme, 1);
    assert_eq!(q.len(), 4);
    let mut progress = Progress::default();
    assert_eq!(
        thing_state(&progress, "1", &thing.prompts),
        (0, 4, ThingState::NotStarted)
    );

    progress.set("1", &q[2], true, 5_000);
    progress.set("1", &q[0], true, 6_000);
    progress.set("1", &q[1], true, 7_000);
    assert_eq!(
        thing_state(&progress, "1", &thing.prompts),
        (
            3,
            4,
            ThingState::Answered {
                answered: 3,
                total: 4
            }
        )
    );
    // The last question completes it: finished at that tick's stamp.
    progress.set("1", &q[3], true, 8_000);
    assert_eq!(
        thing_state(&progress, "1", &thing.prompts),
        (4, 4, ThingState::Finished { at: 8_000 })
    );

    // Unticking un-finishes it; ticking again finishes it at the new stamp.
    progress.set("1", &q[0], false, 9_000);
    assert_eq!(
        thing_state(&progress, "1", &thing.prompts).2,
        ThingState::Answered {
            answered: 3,
            total: 4
        }
    );
    progress.set("1", &q[0], true, 10_000);
    assert_eq!(
        thing_state(&progress, "1", &thing.prompts).2,
        ThingState::Finished { at: 10_000 }
    );

    // Ticks of another Thing, and an unticked entry, do not count.
    let mut elsewhere = Progress::default();
    for id in &q {
        elsewhere.set("2", id, true, 1);
    }
    assert_eq!(
        thing_state(&elsewhere, "1", &thing.prompts).2,
        ThingState::NotStarted
    );
    assert_eq!(
        finished_at(&elsewhere, "1", &q.iter().collect::<Vec<_>>()),
        None
    );
    assert_eq!(finished_at(&elsewhere, "1", &[]), None, "nothing to finish");
}

#[test]
fn optional_questions_do_not_hold_a_thing_back() {
    let programme = Programme::from_json(
        r#"{"format":1,"id":"opt","title":"Opt","language":"en","things":[{"number":1,"title":"One",
            "prompts":[{"text":"Required?"},{"text":"Extra?","optional":true}]}]}"#,
    )
    .unwrap();
    let thing = programme.thing(1).unwrap();
    let mut progress = Progress::default();
    progress.set("1", &thing.prompts[0].id, true, 40);
    assert_eq!(
        thing_state(&progress, "1", &thing.prompts),
        (1, 1, ThingState::Finished { at: 40 })
    );
    // Ticking the optional one later does not move the finish date.
    progress.set("1", &thing.prompts[1].id, true, 90);
    assert_eq!(
        thing_state(&progress, "1", &thing.prompts).2,
        ThingState::Finished { at: 40 }
    );
}

/// Thing 1 finished on 16 July 2012 (a tick at 23:30 UTC, the 17th in Paris), Thing 2 begun,
/// Thing 12 with a link but no tick.
fn sample() -> (Programme, Progress) {
    let programme = cpd23_2012();
    let mut progress = Progress::default();
    let t1 = ids(&programme, 1);
    let base = 1_342_476_000_000; // 2012-07-16 22:00 UTC
    for (i, id) in t1.iter().enumerate() {
        progress.set("1", id, true, base + i as u64 * 1_800_000);
    }
    progress.set("2", &ids(&programme, 2)[0], true, base + 86_400_000);
    progress.set_link(
        "1",
        Some(&link("https://jane.example/2012/07/thing-1,'blogging'(1)")),
        base + 90_000_000,
    );
    progress.set_link(
        "12",
        Some(&link("https://jane.example/a|b")),
        base + 91_000_000,
    );
    progress.set_name("Jane | *Smith*", base + 92_000_000);
    (programme, progress)
}

#[test]
fn the_course_record_has_every_thing_in_order() {
    let (programme, progress) = sample();
    let record = course_record(&progress, &programme);
    assert_eq!(record.len(), 23);
    assert_eq!(
        record.iter().map(|t| t.number).collect::<Vec<_>>(),
        (1..=23).collect::<Vec<_>>()
    );
    let finished = 1_342_476_000_000 + 3 * 1_800_000;
    assert_eq!(
        record[0],
        ThingRecord {
            number: 1,
            title: "Blogging",
            answered: 4,
            total: 4,
            state: ThingState::Finished { at: finished },
            link: Some(link("https://jane.example/2012/07/thing-1,'blogging'(1)")),
        }
    );
    assert_eq!(
        record[1].state,
        ThingState::Answered {
            answered: 1,
            total: 4
        }
    );
    assert_eq!(record[1].link, None);
    assert_eq!(record[11].state, ThingState::NotStarted);
    assert_eq!(record[11].link, Some(link("https://jane.example/a|b")));
    assert!(record[12..]
        .iter()
        .all(|t| t.state == ThingState::NotStarted && t.link.is_none()));

    // The date is the participant's: the last tick, at 23:30 UTC on the 16th, was made at
    // 00:30 on the 17th in London (UTC+1 in summer) and at 19:30 on the 16th in New York.
    let london = rows(&record, |ms| CivilDate::at_instant(ms, 60));
    let new_york = rows(&record, |ms| CivilDate::at_instant(ms, -240));
    let utc = rows(&record, |ms| CivilDate::at_instant(ms, 0));
    assert_eq!(london[0].finished, CivilDate::new(2012, 7, 17));
    assert_eq!(new_york[0].finished, CivilDate::new(2012, 7, 16));
    assert_eq!(utc[0].finished, CivilDate::new(2012, 7, 16));
    assert_eq!(utc[1].finished, None);
}

#[test]
fn dates_of_instants() {
    let at = |ms, offset| CivilDate::at_instant(ms, offset).to_string();
    assert_eq!(at(0, 0), "1970-01-01");
    assert_eq!(at(0, -1), "1969-12-31");
    assert_eq!(at(86_399_999, 0), "1970-01-01");
    assert_eq!(at(86_400_000, 0), "1970-01-02");
    assert_eq!(at(1_330_473_600_000, 0), "2012-02-29");
    assert_eq!(at(1_330_473_600_000, -1), "2012-02-28");
    assert_eq!(at(1_330_473_600_000 + 86_399_999, 14 * 60), "2012-03-01");
    assert_eq!(
        at(u64::MAX, 0),
        CivilDate::at_instant(u64::MAX, 0).to_string(),
        "no panic"
    );
}

fn english_headings() -> Headings<'static> {
    Headings {
        number: "Thing",
        title: "Title",
        answered: "Answered",
        total: "Questions",
        state: "Progress",
        finished: "Finished",
        link: "My post",
    }
}

fn sample_rows() -> Vec<RecordRow> {
    let (programme, progress) = sample();
    let mut rows = rows(&course_record(&progress, &programme), |ms| {
        CivilDate::at_instant(ms, 0)
    });
    // Titles that need quoting or escaping, as an organiser's own course may have.
    rows[2].title = "Tools, \"tips\"\r\nand tricks".to_owned();
    rows[3].title = "*Bold* _claims_ [link](x) <b>|</b> `code` # ~~no~~ &amp; 1. \\".to_owned();
    rows
}

#[test]
fn the_csv_reads_back_as_the_rows_with_a_csv_parser() {
    let rows = sample_rows();
    let text = csv(&english_headings(), &rows);
    assert!(text.ends_with("\r\n"));
    // A byte order mark, then the headings: Excel reads the file as UTF-8.
    assert!(text.starts_with("\u{feff}Thing,Title,Answered,Questions,Finished,My post\r\n"));
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(true)
        .from_reader(text.as_bytes());
    let headers = reader.headers().unwrap().clone();
    assert_eq!(
        headers.iter().collect::<Vec<_>>(),
        [
            "Thing",
            "Title",
            "Answered",
            "Questions",
            "Finished",
            "My post"
        ]
    );
    let read: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert_eq!(read.len(), rows.len());
    for (record, row) in read.iter().zip(&rows) {
        let fields: Vec<&str> = record.iter().collect();
        let finished = row.finished.map(|d| d.to_string()).unwrap_or_default();
        let link = row.link.as_ref().map(|l| l.to_string()).unwrap_or_default();
        assert_eq!(
            fields,
            [
                row.number.to_string().as_str(),
                row.title.as_str(),
                row.answered.to_string().as_str(),
                row.total.to_string().as_str(),
                finished.as_str(),
                link.as_str()
            ]
        );
    }
    assert_eq!(&read[0][4], "2012-07-16");
    assert_eq!(
        &read[0][5],
        "https://jane.example/2012/07/thing-1,'blogging'(1)"
    );
    assert_eq!(&read[2][1], "Tools, \"tips\"\r\nand tricks");
}

#[test]
fn csv_headings_come_from_the_view_and_are_quoted_too() {
    let headings = Headings {
        title: "Titre, \"court\"",
        ..english_headings()
    };
    let text = csv(&headings, &[]);
    assert_eq!(
        text,
        "\u{feff}Thing,\"Titre, \"\"court\"\"\",Answered,Questions,Finished,My post\r\n"
    );
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .from_reader(text.as_bytes());
    let first = reader.records().next().unwrap().unwrap();
    assert_eq!(&first[1], "Titre, \"court\"");
}

#[test]
fn csv_cells_a_spreadsheet_would_run_as_formulas_start_with_a_quote() {
    let mut rows = sample_rows();
    let risky = [
        "=HYPERLINK(\"https://evil.example\",\"click\")",
        "+1+2",
        "-2+3",
        "@SUM(A1:A2)",
        "\tTab first",
        "\rReturn first",
    ];
    for (row, title) in rows.iter_mut().zip(risky) {
        row.title = title.to_owned();
    }
    // Harmless text keeps its first character, even with those characters further in.
    rows[6].title = "Blogs = conversation - or not @ all".to_owned();
    let headings = Headings {
        title: "=Title",
        ..english_headings()
    };
    let text = csv(&headings, &rows);
    assert!(text.starts_with(CSV_BOM));
    // The quote goes inside the field's own quoting.
    assert!(text.contains(",\"'=HYPERLINK(\"\"https://evil.example\"\",\"\"click\"\")\","));
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(true)
        .from_reader(text.as_bytes());
    assert_eq!(&reader.headers().unwrap()[1], "'=Title");
    let read: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    for (record, title) in read.iter().zip(risky) {
        assert_eq!(record[1], format!("'{title}"));
    }
    assert_eq!(&read[6][1], "Blogs = conversation - or not @ all");
    // Numbers, dates and links never start with one of those characters: unchanged.
    assert_eq!(&read[0][0], "1");
    assert_eq!(&read[0][4], "2012-07-16");
    assert!(read[0][5].starts_with("https://"));
    // No cell of the file starts with a formula character, the quote put before it aside.
    for record in &read {
        for field in record {
            assert!(
                !field.starts_with(['=', '+', '-', '@', '\t', '\r']),
                "{field:?}"
            );
        }
    }
}

#[test]
fn the_record_files_are_named_with_the_course_and_the_day() {
    let day = CivilDate::new(2026, 12, 6).unwrap();
    assert_eq!(
        file_name("cpd23-2012", day, "csv"),
        "thing-prompts-record-cpd23-2012-2026-12-06.csv"
    );
    assert_eq!(
        file_name("~inline", day, "md"),
        "thing-prompts-record-inline-2026-12-06.md"
    );
}

fn english_words<'a>(answered: &'a dyn Fn(usize, usize) -> String) -> MarkdownWords<'a> {
    MarkdownWords {
        heading: "My course record: 23 Things for Professional Development (2012)",
        name: "Participant",
        headings: english_headings(),
        not_started: "Not started",
        answered,
        finished: "Finished",
    }
}

#[test]
fn the_markdown_record_is_a_table_with_everything_escaped() {
    let of = |a: usize, t: usize| format!("{a} of {t}");
    let words = english_words(&of);
    let rows = sample_rows();
    let text = markdown(&words, Some("Jane | *Smith*"), &rows);
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(
        lines[0],
        "# My course record: 23 Things for Professional Development (2012)"
    );
    assert_eq!(lines[2], "Participant: Jane \\| \\*Smith\\*");
    assert_eq!(
        lines[4],
        "| Thing | Title | Progress | Finished | My post |"
    );
    assert_eq!(lines[5], "| ---: | --- | --- | --- | --- |");
    assert_eq!(
        lines[6],
        "| 1 | Blogging | Finished | 2012-07-16 | <https://jane.example/2012/07/thing-1,'blogging'(1)> |"
    );
    assert_eq!(lines[7], "| 2 | Investigate other blogs | 1 of 4 |  |  |");
    // Line breaks in a title become spaces; markup is escaped; `|` never splits a cell.
    assert_eq!(
        lines[8],
        "| 3 | Tools, \"tips\" and tricks | Not started |  |  |"
    );
    assert_eq!(
        lines[9],
        "| 4 | \\*Bold\\* \\_claims\\_ \\[link\\](x) \\<b\\>\\|\\</b\\> \\`code\\` \\# \\~\\~no\\~\\~ \\&amp; 1. \\\\ | Not started |  |  |"
    );
    assert!(
        lines[17].ends_with("| <https://jane.example/a%7Cb> |"),
        "{}",
        lines[17]
    );
    assert_eq!(lines.len(), 6 + 23);
    // Every table line has its five cells, whatever the titles and links hold.
    for line in &lines[4..] {
        let unescaped_pipes = line
            .match_indices('|')
            .filter(|(i, _)| !line[..*i].ends_with('\\'))
            .count();
        assert_eq!(unescaped_pipes, 6, "{line}");
    }
}

#[test]
fn the_markdown_record_without_a_name_has_no_name_line() {
    let of = |a: usize, t: usize| format!("{a}/{t}");
    let text = markdown(&english_words(&of), None, &[]);
    assert_eq!(
        text,
        "# My course record: 23 Things for Professional Development (2012)\n\n| Thing | Title | Progress | Finished | My post |\n| ---: | --- | --- | --- | --- |\n"
    );
    let blank = markdown(&english_words(&of), Some("  "), &[]);
    assert_eq!(blank, text);
    // A name that would start a list stays a paragraph.
    let words = MarkdownWords {
        name: "- 1.",
        ..english_words(&of)
    };
    assert!(markdown(&words, Some("x"), &[]).contains("\n\\- 1.: x\n"));
}

fn op() -> impl Strategy<Value = (u8, Option<u8>, u64)> {
    // (Thing, which link or a removal, the clock)
    (1u8..4, proptest::option::of(0u8..3), 0u64..50)
}

fn apply(progress: &mut Progress, ops: &[(u8, Option<u8>, u64)]) {
    for &(thing, which, now) in ops {
        let link = which.map(|w| link(&format!("https://blog.example/{thing}/{w}")));
        progress.set_link(&thing.to_string(), link.as_ref(), now);
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    /// Copies edited apart converge whatever order they meet in; each Thing's link is the
    /// one set or removed last by stamp.
    #[test]
    fn link_merging_is_commutative_associative_and_idempotent(
        a in proptest::collection::vec(op(), 0..6),
        b in proptest::collection::vec(op(), 0..6),
        c in proptest::collection::vec(op(), 0..6),
    ) {
        let (mut pa, mut pb, mut pc) = (Progress::default(), Progress::default(), Progress::default());
        apply(&mut pa, &a);
        apply(&mut pb, &b);
        apply(&mut pc, &c);
        let merge = |x: &Progress, y: &Progress| { let mut m = x.clone(); m.merge(y); m };
        prop_assert_eq!(merge(&pa, &pb), merge(&pb, &pa));
        prop_assert_eq!(merge(&merge(&pa, &pb), &pc), merge(&pa, &merge(&pb, &pc)));
        prop_assert_eq!(merge(&pa, &pa), pa.clone());
        let all = merge(&merge(&pa, &pb), &pc);
        for thing in ["1", "2", "3"] {
            let latest = [&pa, &pb, &pc]
                .iter()
                .flat_map(|p| p.record_entries().filter(|(e, _)| e.as_str() == format!("link:{thing}")).map(|(_, n)| n.clone()))
                .max_by(|x, y| (x.at, &x.text).cmp(&(y.at, &y.text)));
            let expected = latest.and_then(|n| PostLink::parse(&n.text).ok());
            prop_assert_eq!(all.link(thing), expected);
        }
    }

    /// The finish date is the latest stamp among a finished Thing's ticks, and moves with the
    /// last tick that completes it.
    #[test]
    fn the_finish_date_is_the_latest_tick(order in Just(vec![0usize, 1, 2, 3]).prop_shuffle(), clocks in proptest::collection::vec(0u64..1_000_000, 4)) {
        let programme = cpd23_2012();
        let q = ids(&programme, 5);
        let thing = programme.thing(5).unwrap();
        let mut progress = Progress::default();
        for (i, &at) in order.iter().zip(&clocks) {
            let finished = matches!(thing_state(&progress, "5", &thing.prompts).2, ThingState::Finished { .. });
            prop_assert!(!finished);
            progress.set("5", &q[*i], true, at);
        }
        let latest = q.iter().map(|id| progress.tick("5", id).unwrap().at).max().unwrap();
        prop_assert_eq!(thing_state(&progress, "5", &thing.prompts).2, ThingState::Finished { at: latest });
        prop_assert_eq!(latest, progress.newest());
    }
}

/// The whole course answered, with a link to each of the 23 posts and a name: what storage
/// holds then (the ticks alone are 5,105 bytes, tests/progress.rs).
#[test]
fn a_whole_course_with_its_record_is_a_small_store() {
    let programme = cpd23_2012();
    let mut progress = Progress::default();
    for thing in &programme.things {
        let key = thing.number.to_string();
        for prompt in &thing.prompts {
            progress.set(&key, &prompt.id, true, 1_764_072_000_000);
        }
        let post = format!(
            "https://jane-librarian.blogspot.com/2012/07/cpd23-thing-{}-my-answers.html",
            thing.number
        );
        progress.set_link(&key, Some(&link(&post)), 1_764_072_000_000);
    }
    progress.set_name("Jane Smith", 1_764_072_000_000);
    let stored = progress.to_json();
    println!(
        "93 ticks, 23 links and a name: {} bytes stored",
        stored.len()
    );
    assert!(stored.len() < 9_000, "{} bytes", stored.len());
    assert_eq!(Progress::parse(&stored).unwrap(), progress);
    assert_eq!(progress.links().count(), 23);
}
