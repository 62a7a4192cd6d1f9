//! Project automation (`cargo xtask <command>`): build, serve the demo, run every test.

mod archive;
mod bench;
mod dist;
mod firefox;
mod names;
mod programmes;
mod release;
mod serve;
mod test;
mod tools;
mod wordpress;
mod workflows;

use std::path::PathBuf;
use std::process::ExitCode;

const USAGE: &str = "\
usage: cargo xtask <command>

  demo    build dist/ and serve the demo blog pages (the main job)
  test    run every test: format, lints, host tests, browser tests
  browser [name ...]  build, then run only the browser tests (in Chromium) whose file names
          contain a name: a quicker loop while working on one part
  dist    build the deployable files into dist/
  release build dist/ and the release files into release/<version>/ (npm tarball, WordPress
          plugin, static site, SHA256SUMS, RELEASE-NOTES.md)
  bench   build dist/ and measure it against the performance budgets (never fails on them)
  floor   build only the benchmark's floor into target/bench-floor/ (bench builds it too)
";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args.first().map(String::as_str) {
        Some("demo") => serve::demo(),
        Some("test") => test::run(),
        Some("browser") => test::browser(&args[1..]),
        Some("dist") => dist::build().map(|_| ()),
        Some("release") => release::build().map(|_| ()),
        Some("bench") => bench::run(),
        Some("floor") => dist::floor().map(|(folder, build)| {
            say(&format!(
                "the floor is in {}, build {build}",
                folder.display()
            ))
        }),
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

/// The repository root (the parent of this crate).
pub fn root() -> PathBuf {
    let manifest = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    manifest.parent().map(PathBuf::from).unwrap_or(manifest)
}

/// Says what is happening, the way every step of the commands does.
pub fn say(message: &str) {
    eprintln!("xtask: {message}");
}

pub type Result<T = ()> = std::result::Result<T, String>;
