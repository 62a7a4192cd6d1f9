#![allow(clippy::expect_used)]
//! The core is plain Rust: no crate of the browser anywhere in what it depends on, for any
//! target. Its manifest is what keeps it so (the compiler stops the core from naming what the
//! manifest does not list); this reads the whole dependency tree cargo resolves from it,
//! wasm32-only entries included, so that a web crate brought in second-hand is caught too.

use std::process::Command;

/// Crates of the browser: bindings, the DOM, the view's framework and its helpers.
const WEB_CRATES: [&str; 5] = ["wasm-bindgen", "web-sys", "js-sys", "yew", "gloo"];

/// The names of every package `package` depends on (normal and build dependencies, every
/// target), as `cargo tree` lists them.
fn dependencies(package: &str) -> Vec<String> {
    let cargo = std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
    let out = Command::new(cargo)
        .args(["tree", "--package", package, "--edges", "normal,build"])
        .args(["--target", "all", "--prefix", "none", "--format", "{p}"])
        .args(["--locked", "--offline"])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("cargo tree runs");
    assert!(
        out.status.success(),
        "cargo tree --package {package} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let mut names: Vec<String> = String::from_utf8_lossy(&out.stdout)
        .lines()
        .filter_map(|line| line.split_whitespace().next())
        .map(str::to_owned)
        .collect();
    names.sort();
    names.dedup();
    names
}

/// The names among `names` that belong to the browser (`gloo` stands for every `gloo-*`).
fn web_crates(names: &[String]) -> Vec<String> {
    names
        .iter()
        .filter(|name| {
            WEB_CRATES
                .iter()
                .any(|web| *name == web || name.starts_with(&format!("{web}-")))
        })
        .cloned()
        .collect()
}

#[test]
fn the_core_depends_on_no_crate_of_the_browser() {
    let names = dependencies("thing-prompts-core");
    assert!(
        names.iter().any(|name| name == "serde"),
        "the tree was read (serde is in it): {names:?}"
    );
    let found = web_crates(&names);
    assert!(
        found.is_empty(),
        "the core's dependencies reach the browser: {found:?}"
    );
}

/// The check finds what it looks for: the widget crate, which draws in the browser, has them.
#[test]
fn the_check_finds_the_browser_in_the_widget_crate() {
    let found = web_crates(&dependencies("thing-prompts"));
    for web in ["wasm-bindgen", "web-sys", "js-sys", "yew", "gloo-events"] {
        assert!(
            found.iter().any(|name| name == web),
            "{web} not found among {found:?}"
        );
    }
}
