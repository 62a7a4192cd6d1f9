#![allow(clippy::panic, clippy::expect_used)]
//! The rooms of the crate use only the rooms below them (docs/ARCHITECTURE.md):
//! `entry` → `view` → `web` → `core`. The core is a crate of its own (core/), so the compiler
//! keeps it from reaching up, and its manifest keeps the browser out of it
//! (core/tests/no_web_crates.rs). What the compiler cannot see is left here: this reads the
//! sources of the other rooms and names any line that reaches up.

mod common;
use common::sources;
use std::fs;
use std::path::Path;

/// Every line of code (comments aside) under `room` that mentions one of `forbidden`.
fn reaching(room: &str, forbidden: &[&str]) -> Vec<String> {
    let mut files = Vec::new();
    sources(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join(room),
        &mut files,
    );
    assert!(!files.is_empty(), "{room} has no sources");
    let mut lines = Vec::new();
    for file in files {
        let text = fs::read_to_string(&file).expect("a source file");
        for (n, line) in text.lines().enumerate() {
            let code = line.split("//").next().unwrap_or_default();
            for name in forbidden {
                if code.contains(name) {
                    lines.push(format!("{}:{}: {}", file.display(), n + 1, line.trim()));
                }
            }
        }
    }
    lines
}

#[test]
fn browser_services_never_use_the_view() {
    let found = reaching("src/web", &["crate::view", "crate::entry", "yew"]);
    assert!(found.is_empty(), "web reaches up:\n{}", found.join("\n"));
}

#[test]
fn the_view_never_uses_the_entry() {
    let found = reaching("src/view", &["crate::entry"]);
    assert!(
        found.is_empty(),
        "the view reaches up:\n{}",
        found.join("\n")
    );
}

#[test]
fn only_the_view_words_the_interface() {
    // The label table is the view's: the browser services return data.
    let found = reaching("src/web", &["i18n", "Labels", "Label::"]);
    assert!(found.is_empty(), "web makes words:\n{}", found.join("\n"));
}
