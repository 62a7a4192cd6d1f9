//! The dependency checks of deny.toml (cargo-deny, installed when missing): licences, bans,
//! sources and advisories, with the RustSec snapshot beside the checkout when the database
//! cannot be fetched.

use crate::shared::{cargo, output, root, run, say, Result};
use std::path::{Path, PathBuf};
use std::process::Command;

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

#[cfg(test)]
mod tests {
    use crate::shared::root;

    /// `unsafe_code = "forbid"` under `[lints.rust]` of the widget crate and of the core: no
    /// `unsafe` anywhere in either.
    #[test]
    fn the_widget_and_its_core_forbid_unsafe_code() {
        for path in ["Cargo.toml", "core/Cargo.toml"] {
            let manifest = std::fs::read_to_string(root().join(path)).unwrap_or_default();
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
                "{path} must keep unsafe_code = \"forbid\" in [lints.rust]"
            );
        }
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
