#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)]
//! The hybrid logical clock: a change made after seeing a copy of the progress wins over that
//! copy in every merge and restore, however far the devices' clocks are apart.

use proptest::prelude::*;
use thing_prompts_core::backup::Backup;
use thing_prompts_core::progress::Progress;
use thing_prompts_core::prompt_id::PromptId;

const HOUR: u64 = 3_600_000;

/// 16 July 2012, 10:00 UTC: a true time somewhere in a course.
const TRUE_NOW: u64 = 1_342_432_800_000;

fn config(cases: u32) -> ProptestConfig {
    ProptestConfig {
        cases,
        failure_persistence: None,
        ..ProptestConfig::default()
    }
}

fn id(n: u8) -> PromptId {
    PromptId::named(&format!("q{n}"))
}

const THINGS: [&str; 3] = ["", "1", "12"];

/// A device's clock error: up to six hours either way, often none.
fn skew() -> impl Strategy<Value = i64> {
    prop_oneof![
        1 => Just(0_i64),
        4 => -6 * HOUR as i64..=6 * HOUR as i64,
    ]
}

/// One change by a reader: which Thing and prompt, ticked or not, and how long after the
/// previous change it happened (true time).
fn change() -> impl Strategy<Value = (&'static str, u8, bool, u64)> {
    (
        prop::sample::select(&THINGS[..]),
        0..6_u8,
        any::<bool>(),
        0..2 * HOUR,
    )
}

/// A device: its clock's error and its copy of the progress.
struct Device {
    skew: i64,
    progress: Progress,
}

impl Device {
    fn new(skew: i64) -> Self {
        Self {
            skew,
            progress: Progress::default(),
        }
    }

    /// What the device's clock reads at true time `t`.
    fn clock(&self, t: u64) -> u64 {
        t.saturating_add_signed(self.skew)
    }

    fn set(&mut self, thing: &str, prompt: &PromptId, done: bool, t: u64) {
        let now = self.clock(t);
        self.progress.set(thing, prompt, done, now);
    }
}

fn merged(a: &Progress, b: &Progress) -> Progress {
    let mut out = a.clone();
    out.merge(b);
    out
}

#[test]
fn an_untick_after_restoring_a_fast_clocks_backup_stands() {
    let q = id(1);
    // Device A's clock is three hours ahead; it ticks at true 10:00.
    let mut a = Device::new(3 * HOUR as i64);
    a.set("12", &q, true, TRUE_NOW);
    let backup = Backup {
        course: "cpd23-2012".to_owned(),
        progress: a.progress.clone(),
        from_code: false,
    };
    // Device B (a true clock) restores A's backup at 10:05 and unticks at 10:10.
    let mut b = Device::new(0);
    backup.restore_into(&mut b.progress, TRUE_NOW + 5 * 60_000);
    assert!(b.progress.is_done("12", &q));
    b.set("12", &q, false, TRUE_NOW + 10 * 60_000);
    // The untick stands in a merge either way, and when the backup is restored again.
    assert!(!merged(&b.progress, &a.progress).is_done("12", &q));
    assert!(!merged(&a.progress, &b.progress).is_done("12", &q));
    backup.restore_into(&mut b.progress, TRUE_NOW + 15 * 60_000);
    assert!(!b.progress.is_done("12", &q));
}

#[test]
fn a_change_to_another_prompt_is_stamped_after_everything_seen() {
    // A fast clock's tick of q1, seen here; then q2 changes here by a true clock.
    let mut seen = Progress::default();
    seen.set("1", &id(1), true, TRUE_NOW + 3 * HOUR);
    let mut here = Progress::default();
    here.merge(&seen);
    here.set("12", &id(2), true, TRUE_NOW);
    let at = here.tick("12", &id(2)).unwrap().at;
    assert_eq!(at, TRUE_NOW + 3 * HOUR + 1);
    // A note counts as seen too.
    let mut noted = Progress::default();
    noted.set_note("1", &id(1), "later", TRUE_NOW + 4 * HOUR);
    noted.set("1", &id(3), true, TRUE_NOW);
    assert_eq!(noted.tick("1", &id(3)).unwrap().at, TRUE_NOW + 4 * HOUR + 1);
    // With the clocks right, a change is stamped with the time it was made.
    let mut plain = Progress::default();
    plain.set("1", &id(1), true, TRUE_NOW);
    plain.set("1", &id(2), true, TRUE_NOW + 1_000);
    assert_eq!(plain.tick("1", &id(2)).unwrap().at, TRUE_NOW + 1_000);
}

proptest! {
    #![proptest_config(config(256))]

    /// Device A (clock ±6 h) makes changes and its copy reaches B (another skewed clock) by a
    /// merge or a restore; B then changes one prompt. B's change wins over A's copy in merges
    /// both ways and in a second restore, and its stamp is later than every stamp B had seen.
    #[test]
    fn a_change_made_after_seeing_a_copy_wins_over_it(
        skew_a in skew(),
        skew_b in skew(),
        a_changes in prop::collection::vec(change(), 1..8),
        b_changes in prop::collection::vec(change(), 0..4),
        by_restore in any::<bool>(),
        (thing, prompt, done) in (prop::sample::select(&THINGS[..]), 0..6_u8, any::<bool>()),
        later in 1..3 * HOUR,
    ) {
        let mut t = TRUE_NOW;
        let mut a = Device::new(skew_a);
        for (thing, prompt, done, gap) in &a_changes {
            t += gap;
            a.set(thing, &id(*prompt), *done, t);
        }
        let mut b = Device::new(skew_b);
        for (thing, prompt, done, gap) in &b_changes {
            t += gap;
            b.set(thing, &id(*prompt), *done, t);
        }
        let backup = Backup { course: "my-course".to_owned(), progress: a.progress.clone(), from_code: false };
        t += 1;
        if by_restore {
            let now = b.clock(t);
            backup.restore_into(&mut b.progress, now);
        } else {
            b.progress.merge(&a.progress);
        }
        // The one thing a restore does not take in: an untick in the backup newer than a
        // tick here (a restore never removes a tick), so its time is not seen either.
        let q = id(prompt);
        let kept_against_untick = by_restore
            && b.progress.is_done(thing, &q)
            && a.progress.tick(thing, &q).is_some_and(|theirs| {
                !theirs.done && theirs.at > b.progress.tick(thing, &q).unwrap().at
            });
        let seen = b.progress.newest();
        t += later;
        b.set(thing, &q, done, t);
        let stamp = b.progress.tick(thing, &q).unwrap().at;
        prop_assert!(stamp > seen, "stamp {} not after {} seen", stamp, seen);
        if !by_restore {
            prop_assert!(stamp > a.progress.newest());
        }
        prop_assume!(!kept_against_untick);
        for copy in [merged(&b.progress, &a.progress), merged(&a.progress, &b.progress)] {
            prop_assert_eq!(copy.is_done(thing, &q), done);
        }
        let now = b.clock(t + 1);
        backup.restore_into(&mut b.progress, now);
        prop_assert_eq!(b.progress.is_done(thing, &q), done);
    }

    /// Stamps only go forward: every change is stamped later than everything before it in
    /// the same copy, whatever the clock does between changes.
    #[test]
    fn stamps_only_go_forward(
        clocks in prop::collection::vec((0..6_u8, any::<bool>(), skew()), 1..12),
    ) {
        let mut p = Progress::default();
        for (prompt, done, skew) in clocks {
            let before = p.newest();
            p.set("1", &id(prompt), done, TRUE_NOW.saturating_add_signed(skew));
            prop_assert!(p.tick("1", &id(prompt)).unwrap().at > before);
            prop_assert_eq!(p.is_done("1", &id(prompt)), done);
        }
    }
}
