//! Project automation (`cargo xtask <command>`): build, serve the demo, run every test.
//!
//! Two halves: `build` (the modules, dist/, the release files, the translations) and `site`
//! (the servers, browsers, WordPress and checks the tests run against), which uses `build`
//! and never the other way round. `constants` and `shared` are below both.

mod build;
mod constants;
mod shared;
mod site;

use build::{dist, release, translations};
use shared::say;
use site::{bench, serve, test};
use std::process::ExitCode;

const USAGE: &str = "\
usage: cargo xtask <command>

  demo    build dist/ and serve the demo blog pages (the main job)
  test    run every test: format, lints, host tests, browser tests
  browser [name ...]  build, then run only the browser tests (in Chromium) whose file names
          contain a name: a quicker loop while working on one part
  webkit  build, then run only the WebKit tests (WebKitGTK's MiniBrowser under Xvfb)
  dist    build the deployable files into dist/
  release build dist/ and the release files into release/<version>/ (npm tarball, WordPress
          plugin, static site, SHA256SUMS, RELEASE-NOTES.md)
  bench   build dist/ and measure it against the performance budgets (never fails on them)
  floor   build only the benchmark's floor into target/bench-floor/ (bench builds it too)
  test-wordpress
          only the WordPress plugin's: its code checks (phpcs, eslint, stylelint, PHP 7.4),
          xtask's host tests (readme, translations) and its tests in a real WordPress
  translations
          make the WordPress plugin's .pot again, merge its .po files, write their .mo and JSON
";

fn main() -> ExitCode {
    // Standing in for rustc in a module's release build (see `dist::as_rustc`).
    if let Some(code) = dist::as_rustc() {
        return code;
    }
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args.first().map(String::as_str) {
        Some("demo") => serve::demo(),
        Some("test") => test::run(),
        Some("browser") => test::browser(&args[1..]),
        Some("webkit") => test::webkit_only(),
        Some("dist") => dist::build().map(|_| ()),
        Some("release") => release::build().map(|_| ()),
        Some("bench") => bench::run(),
        Some("floor") => dist::floor().map(|(folder, build)| {
            say(&format!(
                "the floor is in {}, build {build}",
                folder.display()
            ))
        }),
        Some("test-wordpress") => test::run_wordpress(),
        Some("translations") => translations::write(),
        _ => {
            eprint!("{USAGE}");
            return ExitCode::from(2);
        }
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("xtask: {message}");
            ExitCode::FAILURE
        }
    }
}
