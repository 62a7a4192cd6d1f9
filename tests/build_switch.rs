#![allow(clippy::panic, clippy::expect_used)]
//! Which module a build is (the lite first download or the full one, feature `extras`) is
//! read in one place of the view, `view::seam`, and asked there only by the files that hold
//! both versions of what differs (`view::root`, `view::parts`) and by the tables of what each
//! module carries (the labels, the stylesheet). Below the view, `web::json` reads the crate's
//! constant itself (see its comment). The components and the entry never see the switch.

mod common;
use common::sources;
use std::fs;
use std::path::Path;

/// The files under `src/` (as `view/seam.rs`) whose code, comments aside, mentions one of
/// `names`.
fn files_naming(names: &[&str]) -> Vec<String> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    sources(&root, &mut files);
    let mut found: Vec<String> = files
        .iter()
        .filter(|file| {
            let text = fs::read_to_string(file).expect("a source file");
            text.lines().any(|line| {
                let code = line.split("//").next().unwrap_or_default();
                names.iter().any(|name| code.contains(name))
            })
        })
        .map(|file| {
            file.strip_prefix(&root)
                .expect("under src")
                .to_string_lossy()
                .into_owned()
        })
        .collect();
    found.sort();
    found
}

#[test]
fn the_switch_is_read_in_the_seam_and_by_json_alone() {
    assert_eq!(
        files_naming(&["crate::FULL", "feature = \"extras\""]),
        ["lib.rs", "view/seam.rs", "web/json.rs"],
        "the build switch is read outside the seam"
    );
}

#[test]
fn only_the_root_the_parts_and_the_tables_ask_the_seam() {
    assert_eq!(
        files_naming(&["seam::", "mod seam"]),
        [
            "view/i18n.rs",
            "view/mod.rs",
            "view/parts.rs",
            "view/root.rs",
            "view/stylesheet.rs"
        ],
        "a component or the entry tests the build"
    );
}
