//! `cargo xtask test`: every check, in the order that fails fastest.

use crate::build::tools::{npm_tools, wasm_target};
use crate::build::{dist, release};
use crate::shared::{self, cargo, root, say, Result};
use crate::site::tools::{chromium, test_files};
use crate::site::{deny, firefox, plugin_checks, serve, webkit, wordpress, workflows};
use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};

/// Passed and failed tests, summed over the runners.
#[derive(Default)]
struct Tally {
    passed: u64,
    failed: u64,
}

impl Tally {
    /// Reads the counts from a runner's summary lines: cargo's `test result:` and node's `pass N`/`fail N`.
    fn read(&mut self, line: &str) {
        let line = line.trim_start_matches(|c: char| !c.is_ascii_alphanumeric());
        if let Some(rest) = line.strip_prefix("test result: ") {
            for part in rest.split([';', '.']) {
                let mut words = part.split_whitespace();
                match (
                    words.next().and_then(|n| n.parse::<u64>().ok()),
                    words.next(),
                ) {
                    (Some(n), Some("passed")) => self.passed += n,
                    (Some(n), Some("failed")) => self.failed += n,
                    _ => {}
                }
            }
        } else {
            let mut words = line.split_whitespace();
            match (
                words.next(),
                words.next().and_then(|n| n.parse::<u64>().ok()),
                words.next(),
            ) {
                (Some("pass"), Some(n), None) => self.passed += n,
                (Some("fail"), Some(n), None) => self.failed += n,
                _ => {}
            }
        }
    }
}

/// Runs a test command, echoing its output and counting its results.
fn counted(command: &mut Command, tally: &mut Tally) -> Result {
    let shown = format!("{command:?}");
    let mut child = command
        .current_dir(root())
        .stdout(Stdio::piped())
        .spawn()
        .map_err(|e| format!("could not start {shown}: {e}"))?;
    if let Some(stdout) = child.stdout.take() {
        for line in BufReader::new(stdout)
            .lines()
            .map_while(std::result::Result::ok)
        {
            println!("{line}");
            tally.read(&line);
        }
    }
    let status = child.wait().map_err(|e| e.to_string())?;
    if status.success() {
        Ok(())
    } else {
        Err(format!("{shown} failed ({status})"))
    }
}

fn run_all(tally: &mut Tally) -> Result {
    wasm_target()?;
    say("checking formatting (cargo fmt --check)");
    shared::run(cargo().args(["fmt", "--all", "--", "--check"]))?;
    say("linting the host build and the wasm32 build (clippy -D warnings)");
    shared::run(cargo().args([
        "clippy",
        "--workspace",
        "--all-targets",
        "--quiet",
        "--",
        "-D",
        "warnings",
    ]))?;
    // Both WebAssembly modules: the lite first download and the full one (feature "extras").
    for features in ["--no-default-features", "--all-features"] {
        shared::run(cargo().args([
            "clippy",
            "--package",
            "thing-prompts",
            "--target",
            "wasm32-unknown-unknown",
            features,
            "--quiet",
            "--",
            "-D",
            "warnings",
        ]))?;
    }
    // The benchmark's floor (bench/floor/) has code on wasm32 only.
    shared::run(cargo().args([
        "clippy",
        "--package",
        "thing-prompts-floor",
        "--target",
        "wasm32-unknown-unknown",
        "--quiet",
        "--",
        "-D",
        "warnings",
    ]))?;
    // The WordPress plugin's code against WordPress.org's bar; also installs PHP and gettext,
    // which xtask's host tests of the readme and the translations need.
    plugin_checks::run()?;
    deny::dependency_checks()?;
    say("checking the GitHub Actions workflows (action-validator, pins, permissions)");
    npm_tools()?;
    workflows::check()?;
    say("host tests of the pure core (cargo test)");
    counted(cargo().args(["test", "--workspace"]), tally)?;
    // The lite module's build of the same code (no feature "extras"): the core validates and
    // resolves alike, and the words it leaves out are only the full module's.
    say("host tests of the lite build (cargo test --no-default-features)");
    counted(
        cargo().args([
            "test",
            "--package",
            "thing-prompts",
            "--no-default-features",
        ]),
        tally,
    )?;

    let dist = dist::build()?;
    // The release files from it: written twice and compared, looked through for this machine's
    // paths; the WordPress tests install its plugin zip, and the browser tests its npm package.
    let version = dist::package_field("version")?;
    let release = release::write(&dist, &root().join("release").join(&version))?;
    release::check(&dist, &release)?;
    let package = release::install_package(&release)?;
    let chromium = chromium()?;
    let servers = serve::start(&dist, Some(&package), 0, 0)?;
    let tests = test_files("tests/browser")?;
    say(&format!(
        "browser tests in headless Chromium: pages at {}, widget at {}",
        servers.pages, servers.widget
    ));
    let in_chromium = counted(
        &mut in_chromium(&tests, &servers, &release, &chromium),
        tally,
    );

    // The reader's core flow again in Firefox ESR, over WebDriver (geckodriver); run even when a
    // Chromium test failed, so that the totals tell whether a failure is in one browser or both.
    let firefox = firefox::firefox()?;
    let geckodriver = firefox::start_geckodriver(&firefox::geckodriver()?)?;
    say(&format!(
        "core-flow tests in headless Firefox ESR over WebDriver: geckodriver at {} (log in {})",
        geckodriver.url,
        geckodriver.log.display()
    ));
    // geckodriver, and any Firefox it started, is stopped when `geckodriver` is dropped: pass or fail.
    let in_firefox = counted(
        Command::new("node")
            .args(["--test", "--test-concurrency=1", "--test-reporter=spec"])
            .args(firefox::test_files()?)
            .env("PAGE_ORIGIN", &servers.pages)
            .env("WIDGET_ORIGIN", &servers.widget)
            .env("GECKODRIVER_URL", &geckodriver.url)
            .env("FIREFOX", &firefox),
        tally,
    );
    drop(geckodriver);

    // The same flows and more in WebKit (WebKitGTK), run whatever happened above.
    let in_webkit = run_webkit(&servers, tally);

    // The WordPress plugin in a real WordPress (Debian's), in Chromium; the site's servers are
    // stopped when `site` is dropped at the end of the closure, pass or fail.
    let in_wordpress = wordpress::Site::start(&release.plugin).and_then(|site| {
        say(&format!(
            "WordPress tests in headless Chromium: site at {} (logs in {})",
            site.url,
            site.folder.display()
        ));
        let started = std::time::Instant::now();
        let result = counted(&mut site.tests(&chromium)?, tally);
        say(&format!(
            "WordPress tests took {} s",
            started.elapsed().as_secs()
        ));
        result
    });
    in_chromium.and(in_firefox).and(in_webkit).and(in_wordpress)
}

/// The browser tests `tests` in headless Chromium, against the demo servers and the release
/// (its npm package is served by `servers`).
fn in_chromium(
    tests: &[String],
    servers: &serve::Servers,
    release: &release::Release,
    chromium: &std::path::Path,
) -> Command {
    let mut command = Command::new("node");
    command
        .args(["--test", "--test-concurrency=1", "--test-reporter=spec"])
        .args(tests)
        .env("PAGE_ORIGIN", &servers.pages)
        .env("WIDGET_ORIGIN", &servers.widget)
        .env("RELEASE_DIR", &release.folder)
        .env("RELEASE_VERSION", &release.version)
        .env("CHROMIUM", chromium);
    command
}

/// `cargo xtask browser [name ...]`: builds dist/ and the release, serves them as `test` does,
/// and runs only the browser tests whose file names contain one of `names` (all when none), in
/// Chromium: a quicker loop while working on one part.
pub fn browser(names: &[String]) -> Result {
    let mut tally = Tally::default();
    let dist = dist::build()?;
    let version = dist::package_field("version")?;
    let release = release::write(&dist, &root().join("release").join(&version))?;
    let package = release::install_package(&release)?;
    let chromium = chromium()?;
    let servers = serve::start(&dist, Some(&package), 0, 0)?;
    let tests: Vec<String> = test_files("tests/browser")?
        .into_iter()
        .filter(|file| names.is_empty() || names.iter().any(|name| file.contains(name.as_str())))
        .collect();
    let result = counted(
        &mut in_chromium(&tests, &servers, &release, &chromium),
        &mut tally,
    );
    println!(
        "browser tests: {} passed, {} failed",
        tally.passed, tally.failed
    );
    result
}

/// The WebKit tests against `servers`: WebKitGTK's MiniBrowser under Xvfb, over WebDriver.
fn run_webkit(servers: &serve::Servers, tally: &mut Tally) -> Result {
    let webkit = webkit::webkit()?;
    let driver = webkit::start_driver(&webkit)?;
    say(&format!(
        "WebKit tests in WebKitGTK's MiniBrowser under Xvfb: WebKitWebDriver at {} (log in {})",
        driver.url,
        driver.log.display()
    ));
    let started = std::time::Instant::now();
    // The driver, Xvfb and any MiniBrowser are stopped when `driver` is dropped: pass or fail.
    let result = counted(
        Command::new("node")
            .args(["--test", "--test-concurrency=1", "--test-reporter=spec"])
            .args(webkit::test_files()?)
            .env("PAGE_ORIGIN", &servers.pages)
            .env("WIDGET_ORIGIN", &servers.widget)
            .env("WEBKIT_WEBDRIVER_URL", &driver.url)
            .env("WEBKIT_DOWNLOADS", webkit::home())
            .env("MINIBROWSER", &webkit.minibrowser),
        tally,
    );
    drop(driver);
    say(&format!(
        "WebKit tests took {} s",
        started.elapsed().as_secs()
    ));
    result
}

/// `cargo xtask webkit`: builds dist/ and serves it as `test` does, then runs only the WebKit
/// tests.
pub fn webkit_only() -> Result {
    let mut tally = Tally::default();
    let dist = dist::build()?;
    let servers = serve::start(&dist, None, 0, 0)?;
    let result = run_webkit(&servers, &mut tally);
    println!(
        "WebKit tests: {} passed, {} failed",
        tally.passed, tally.failed
    );
    result
}

pub fn run() -> Result {
    let mut tally = Tally::default();
    let result = run_all(&mut tally);
    println!(
        "all tests: {} passed, {} failed",
        tally.passed, tally.failed
    );
    result
}

/// `cargo xtask test-wordpress`: the plugin's part of `cargo xtask test` alone: its code checks,
/// xtask's host tests (the readme, the translations, the zip) and the tests in a real WordPress.
pub fn run_wordpress() -> Result {
    let mut tally = Tally::default();
    let result = (|| {
        plugin_checks::run()?;
        say("xtask's host tests: the readme, the translations, the zip (cargo test --package xtask)");
        counted(cargo().args(["test", "--package", "xtask"]), &mut tally)?;
        // As run_all() does: the site installs the release's plugin zip, and its servers are
        // stopped when `site` is dropped.
        let dist = dist::build()?;
        let version = dist::package_field("version")?;
        let release = release::write(&dist, &root().join("release").join(&version))?;
        let chromium = chromium()?;
        let site = wordpress::Site::start(&release.plugin)?;
        say(&format!(
            "WordPress tests in headless Chromium: site at {} (logs in {})",
            site.url,
            site.folder.display()
        ));
        counted(&mut site.tests(&chromium)?, &mut tally)
    })();
    println!(
        "WordPress plugin tests: {} passed, {} failed",
        tally.passed, tally.failed
    );
    result
}
