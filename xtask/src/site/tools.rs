//! What the test sites need from Debian (browsers, WebKit, WordPress, PHP), installed with
//! apt-get when missing and said so, and the test files of a folder.

use crate::shared::{output, root, run, say, Result};
use std::path::{Path, PathBuf};
use std::process::Command;

/// Runs `apt-get <args>` non-interactively, with sudo unless we are root, waiting up to five
/// minutes for another apt or dpkg run to let go of its lock rather than failing at once.
pub fn apt_get(args: &[&str]) -> Result {
    let root = output(Command::new("id").arg("-u"))
        .as_deref()
        .map(str::trim)
        == Some("0");
    let mut command = if root {
        Command::new("apt-get")
    } else {
        let mut sudo = Command::new("sudo");
        sudo.arg("apt-get");
        sudo
    };
    run(command
        .args(["-o", "DPkg::Lock::Timeout=300"])
        .args(args)
        .env("DEBIAN_FRONTEND", "noninteractive"))
}

/// A browser from Debian's packages: the path in `$env_var` if set, else `binary`, installed
/// with apt-get from `package` when missing (saying so and how long it took).
pub fn debian_browser(
    env_var: &str,
    binary: &str,
    package: &str,
    purpose: &str,
) -> Result<PathBuf> {
    if let Some(path) = std::env::var_os(env_var).map(PathBuf::from) {
        return Ok(path);
    }
    let path = Path::new(binary);
    if path.exists() {
        return Ok(path.to_path_buf());
    }
    debian_packages(&[package], purpose, true, || path.exists())?;
    Ok(path.to_path_buf())
}

/// Installs Debian's `packages` for `purpose` with apt-get when `ready()` says something is
/// missing (with their recommended packages only when `recommends`), saying so and how long it
/// took, and fails when `ready()` still says so afterwards.
pub fn debian_packages(
    packages: &[&str],
    purpose: &str,
    recommends: bool,
    ready: impl Fn() -> bool,
) -> Result {
    if ready() {
        return Ok(());
    }
    let names = packages.join(", ");
    say(&format!(
        "installing Debian's {names} for {purpose} (apt-get, once)"
    ));
    let started = std::time::Instant::now();
    apt_get(&["update", "-q"])?;
    let mut install = vec!["install", "-y", "-q"];
    if !recommends {
        install.push("--no-install-recommends");
    }
    install.extend(packages);
    apt_get(&install)?;
    if !ready() {
        return Err(format!(
            "what {purpose} need is still missing after apt-get install {names}"
        ));
    }
    say(&format!(
        "{names} installed in {} s",
        started.elapsed().as_secs()
    ));
    Ok(())
}

/// Debian's Chromium (`$CHROMIUM`, else /usr/bin/chromium), installed with apt when missing.
pub fn chromium() -> Result<PathBuf> {
    debian_browser(
        "CHROMIUM",
        "/usr/bin/chromium",
        "chromium",
        "the browser tests",
    )
}

/// The test files of `folder` (relative to the repository), `*.test.mjs`, sorted, as paths
/// relative to the repository for `node --test`.
pub fn test_files(folder: &str) -> Result<Vec<String>> {
    let mut tests: Vec<String> = std::fs::read_dir(root().join(folder))
        .map_err(|e| format!("{folder}: {e}"))?
        .flatten()
        .map(|entry| entry.file_name().to_string_lossy().into_owned())
        .filter(|name| name.ends_with(".test.mjs"))
        .map(|name| format!("{folder}/{name}"))
        .collect();
    tests.sort();
    Ok(tests)
}
