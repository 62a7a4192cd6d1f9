//! Installs what the build and the tests need on a fresh Debian machine, and says so.

use crate::{root, say, Result};
use std::path::{Path, PathBuf};
use std::process::Command;

/// Runs a command in the repository root, failing with its name when it fails.
pub fn run(command: &mut Command) -> Result {
    let shown = format!("{command:?}");
    let status = command
        .current_dir(root())
        .status()
        .map_err(|e| format!("could not start {shown}: {e}"))?;
    if status.success() {
        Ok(())
    } else {
        Err(format!("{shown} failed ({status})"))
    }
}

pub fn output(command: &mut Command) -> Option<String> {
    let out = command.current_dir(root()).output().ok()?;
    out.status
        .success()
        .then(|| String::from_utf8_lossy(&out.stdout).into_owned())
}

/// `cargo`, as the one that runs xtask.
pub fn cargo() -> Command {
    Command::new(std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into()))
}

/// The wasm32 target named in rust-toolchain.toml.
pub fn wasm_target() -> Result {
    let installed =
        output(Command::new("rustup").args(["target", "list", "--installed"])).unwrap_or_default();
    if installed
        .lines()
        .any(|l| l.trim() == "wasm32-unknown-unknown")
    {
        return Ok(());
    }
    say("adding the wasm32-unknown-unknown target (once)");
    run(Command::new("rustup").args(["target", "add", "wasm32-unknown-unknown"]))
}

/// The toolchain the release WebAssembly is built with: a pinned nightly, because only
/// nightly can rebuild the standard library for size (`-Z build-std`) and drop the panic
/// and formatting machinery a widget never shows (`-C panic=immediate-abort`). Tests,
/// clippy and the host build stay on the stable toolchain of rust-toolchain.toml.
pub const RELEASE_TOOLCHAIN: &str = "nightly-2026-05-20";

/// Installs [`RELEASE_TOOLCHAIN`] with the standard library's source and the wasm32 target.
pub fn release_toolchain() -> Result {
    let ready = output(Command::new("rustup").args([
        "run",
        RELEASE_TOOLCHAIN,
        "rustc",
        "--print",
        "sysroot",
    ]))
    .map(|sysroot| {
        let lib = Path::new(sysroot.trim()).join("lib/rustlib");
        lib.join("src").exists() && lib.join("wasm32-unknown-unknown").exists()
    });
    if ready == Some(true) {
        return Ok(());
    }
    say(&format!(
        "installing the release toolchain {RELEASE_TOOLCHAIN} with rust-src (rustup, once)"
    ));
    run(Command::new("rustup").args([
        "toolchain",
        "install",
        RELEASE_TOOLCHAIN,
        "--profile",
        "minimal",
        "--component",
        "rust-src",
        "--target",
        "wasm32-unknown-unknown",
    ]))
}

/// The wasm-bindgen version in Cargo.lock; the CLI must match it exactly.
fn locked_wasm_bindgen() -> Result<String> {
    let lock = std::fs::read_to_string(root().join("Cargo.lock"))
        .map_err(|e| format!("Cargo.lock: {e}"))?;
    let mut lines = lock.lines();
    while let Some(line) = lines.next() {
        if line.trim() == "name = \"wasm-bindgen\"" {
            if let Some(version) = lines
                .next()
                .and_then(|l| l.trim().strip_prefix("version = \""))
            {
                return Ok(version.trim_end_matches('"').to_owned());
            }
        }
    }
    Err("Cargo.lock names no wasm-bindgen version".into())
}

/// `wasm-bindgen` at the Cargo.lock version, installed with cargo when missing.
pub fn wasm_bindgen() -> Result<PathBuf> {
    let version = locked_wasm_bindgen()?;
    let cargo_home = std::env::var_os("CARGO_HOME")
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".cargo")))
        .unwrap_or_else(|| PathBuf::from(".cargo"));
    let binary = cargo_home.join("bin").join("wasm-bindgen");
    let found = output(Command::new(&binary).arg("--version")).unwrap_or_default();
    if found.split_whitespace().nth(1) == Some(version.as_str()) {
        return Ok(binary);
    }
    say(&format!(
        "installing wasm-bindgen-cli {version} to match Cargo.lock (about 2 minutes, once)"
    ));
    run(cargo().args(["install", "wasm-bindgen-cli", "--version", &version]))?;
    Ok(binary)
}

/// The cargo-deny release series the dependency checks are written for (deny.toml's format).
const CARGO_DENY_SERIES: &str = "0.20.";
/// The release installed when cargo-deny is missing or from another series.
const CARGO_DENY_VERSION: &str = "0.20.2";

/// `cargo deny`, installed with cargo when missing (about two and a half minutes, once).
fn cargo_deny() -> Result {
    let found = output(cargo().args(["deny", "--version"])).unwrap_or_default();
    if found
        .split_whitespace()
        .nth(1)
        .is_some_and(|v| v.starts_with(CARGO_DENY_SERIES))
    {
        return Ok(());
    }
    say(&format!(
        "installing cargo-deny {CARGO_DENY_VERSION} for the dependency checks (about 3 minutes, once)"
    ));
    run(cargo().args([
        "install",
        "cargo-deny",
        "--version",
        CARGO_DENY_VERSION,
        "--locked",
    ]))
}

/// The dependency checks of deny.toml: licences, bans and sources always (they need no
/// network); advisories when the RustSec database can be fetched, and a clear line when not.
pub fn dependency_checks() -> Result {
    cargo_deny()?;
    say("checking licences, bans and sources of every dependency (cargo deny)");
    // The whole workspace: xtask's build tools are checked as well as the widget's tree.
    run(cargo().args([
        "deny",
        "--workspace",
        "--locked",
        "check",
        "licenses",
        "bans",
        "sources",
    ]))?;
    let fetched = cargo()
        .args(["deny", "fetch", "db"])
        .current_dir(root())
        .output()
        .is_ok_and(|out| out.status.success());
    // `cargo deny fetch db` also succeeds without a network when a database is in place, so
    // the database's own last commit says which one is checked and how old it is.
    let bundle = advisory_bundle();
    if !fetched {
        advisory_snapshot(bundle.as_deref())?;
    }
    let (commit, date) = advisory_head()?;
    let from_snapshot = bundle
        .as_deref()
        .and_then(bundle_head)
        .is_some_and(|head| commit == head);
    say(&format!(
        "checking advisories (cargo deny) against the RustSec database of {date}, {}",
        if from_snapshot || !fetched {
            "the snapshot in ../shared/tools/advisory-db/ (the database cannot be fetched here: \
             advisories published after that day are not known to this check)"
        } else {
            "as fetched now"
        }
    ));
    // A vulnerable or yanked crate fails here (deny.toml's [advisories]).
    run(cargo().args([
        "deny",
        "--workspace",
        "--locked",
        "--offline",
        "check",
        "advisories",
    ]))
}

/// The folder cargo-deny 0.20 reads the default advisory database from, offline.
fn advisory_db() -> PathBuf {
    let cargo_home = std::env::var_os("CARGO_HOME")
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".cargo")))
        .unwrap_or_else(|| PathBuf::from(".cargo"));
    // The name cargo-deny derives from the default database's URL.
    cargo_home
        .join("advisory-dbs")
        .join("advisory-db-3157b0e258782691")
}

/// The RustSec snapshot shipped in ../shared/tools/advisory-db/ (a git bundle), if it is there.
fn advisory_bundle() -> Option<PathBuf> {
    root()
        .parent()
        .map(|parent| parent.join("shared/tools/advisory-db/advisory-db.bundle"))
        .filter(|bundle| bundle.is_file())
}

/// The commit a git bundle holds.
fn bundle_head(bundle: &Path) -> Option<String> {
    output(
        Command::new("git")
            .arg("bundle")
            .arg("list-heads")
            .arg(bundle),
    )
    .and_then(|heads| heads.split_whitespace().next().map(str::to_owned))
}

/// The last commit of the advisory database cargo-deny reads, and its date (YYYY-MM-DD).
fn advisory_head() -> Result<(String, String)> {
    let head = output(Command::new("git").arg("-C").arg(advisory_db()).args([
        "log",
        "-1",
        "--format=%H %cI",
    ]))
    .ok_or("the advisory database cannot be read")?;
    let mut parts = head.split_whitespace();
    let commit = parts.next().unwrap_or_default().to_owned();
    let date = parts.next().unwrap_or_default();
    Ok((commit, date.get(..10).unwrap_or(date).to_owned()))
}

/// Puts the RustSec snapshot `bundle` where cargo-deny reads its database, replacing another
/// copy; fails when there is no snapshot to put.
fn advisory_snapshot(bundle: Option<&Path>) -> Result {
    let bundle = bundle.ok_or("the advisory database cannot be fetched and ../shared/tools/advisory-db/advisory-db.bundle is missing: advisories cannot be checked")?;
    let wanted =
        bundle_head(bundle).ok_or_else(|| format!("{} is not a git bundle", bundle.display()))?;
    if advisory_head().is_ok_and(|(commit, _)| commit == wanted) {
        return Ok(());
    }
    let db = advisory_db();
    let _ = std::fs::remove_dir_all(&db);
    if let Some(parent) = db.parent() {
        std::fs::create_dir_all(parent).map_err(|e| format!("{}: {e}", parent.display()))?;
    }
    run(Command::new("git")
        .args(["-c", "init.defaultBranch=main", "clone", "--quiet"])
        .arg(bundle)
        .arg(&db))
}

/// The npm tools in package-lock.json (wasm-opt from binaryen, playwright-core), via `npm ci`.
pub fn npm_tools() -> Result {
    let lock = std::fs::read(root().join("package-lock.json"))
        .map_err(|e| format!("package-lock.json: {e}"))?;
    let stamp = root().join("node_modules").join(".thing-prompts-lock");
    if std::fs::read(&stamp).ok().as_deref() == Some(lock.as_slice()) {
        return Ok(());
    }
    say("installing the npm tools from package-lock.json (npm ci)");
    run(Command::new("npm").args(["ci", "--no-audit", "--no-fund"]))?;
    std::fs::write(&stamp, lock).map_err(|e| format!("{}: {e}", stamp.display()))
}

/// wasm-opt from the npm package binaryen (Debian's older binaryen produces WASM that fails to load).
pub fn wasm_opt() -> PathBuf {
    root().join("node_modules").join(".bin").join("wasm-opt")
}

/// terser from npm, which minifies the loader and the wasm-bindgen glue in dist/.
pub fn terser() -> PathBuf {
    root().join("node_modules").join(".bin").join("terser")
}

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

#[cfg(test)]
mod tests {
    use crate::root;

    /// `unsafe_code = "forbid"` under `[lints.rust]` of the widget crate: no `unsafe` anywhere in it.
    #[test]
    fn the_widget_crate_forbids_unsafe_code() {
        let manifest = std::fs::read_to_string(root().join("Cargo.toml")).unwrap_or_default();
        let mut section = "";
        let mut forbidden = false;
        for line in manifest.lines().map(str::trim) {
            if line.starts_with('[') {
                section = line;
            } else if section == "[lints.rust]" {
                let words: Vec<&str> = line.split('=').map(str::trim).collect();
                forbidden |= words == ["unsafe_code", "\"forbid\""];
            }
        }
        assert!(
            forbidden,
            "Cargo.toml must keep unsafe_code = \"forbid\" in [lints.rust]"
        );
    }

    /// The dependency checks have their configuration.
    #[test]
    fn deny_toml_allows_only_reviewed_licences_and_crates_io() {
        let config = std::fs::read_to_string(root().join("deny.toml")).unwrap_or_default();
        assert!(config.contains("allow = [\"MIT\", \"Apache-2.0\", \"Unicode-3.0\", \"Zlib\"]"));
        assert!(config.contains("unknown-registry = \"deny\""));
        assert!(config.contains("unknown-git = \"deny\""));
    }
}
