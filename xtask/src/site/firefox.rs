//! Firefox ESR and geckodriver for the Firefox tests (driven over W3C WebDriver), installed when
//! missing, and said so; and geckodriver started for them.

use crate::shared::{cargo, free_port, run, say, took, Result};
use crate::site::driver::Driver;
use crate::site::tools;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

/// The geckodriver release the tests use: the newest on crates.io when it was pinned (`cargo info geckodriver`).
const GECKODRIVER_VERSION: &str = "0.37.1";

/// Debian's Firefox ESR (`$FIREFOX`, else /usr/bin/firefox-esr), installed with apt when missing.
pub fn firefox() -> Result<PathBuf> {
    tools::debian_browser(
        "FIREFOX",
        "/usr/bin/firefox-esr",
        "firefox-esr",
        "the Firefox tests",
    )
}

/// geckodriver at the pinned version, installed from crates.io with cargo when missing.
pub fn geckodriver() -> Result<PathBuf> {
    let cargo_home = std::env::var_os("CARGO_HOME")
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".cargo")))
        .unwrap_or_else(|| PathBuf::from(".cargo"));
    let binary = cargo_home.join("bin").join("geckodriver");
    // `geckodriver --version` starts with "geckodriver 0.37.1 (<commit> <date>)".
    let found = Command::new(&binary)
        .arg("--version")
        .output()
        .map(|out| String::from_utf8_lossy(&out.stdout).into_owned())
        .unwrap_or_default();
    if found.split_whitespace().nth(1) == Some(GECKODRIVER_VERSION) {
        return Ok(binary);
    }
    say(&format!(
        "installing geckodriver {GECKODRIVER_VERSION} from crates.io for the Firefox tests (once)"
    ));
    let started = Instant::now();
    run(cargo().args([
        "install",
        "--locked",
        "geckodriver",
        "--version",
        GECKODRIVER_VERSION,
    ]))?;
    say(&format!("geckodriver installed in {}", took(started)));
    Ok(binary)
}

/// Starts geckodriver (`binary`) on a free port of 127.0.0.1, its log in target/geckodriver.log.
pub fn start_geckodriver(binary: &Path) -> Result<Driver> {
    let port = free_port()?;
    let mut command = Command::new(binary);
    // WebDriver on the free port; WebDriver BiDi (the tests' console log) on any free port too.
    command.args([
        "--host",
        "127.0.0.1",
        "--port",
        &port.to_string(),
        "--websocket-port",
        "0",
    ]);
    Driver::start(command, port, "geckodriver", "geckodriver.log")
}

/// The Firefox test files, tests/firefox/*.test.mjs, sorted.
pub fn test_files() -> Result<Vec<String>> {
    tools::test_files("tests/firefox")
}
