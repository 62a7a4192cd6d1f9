//! `cargo xtask release`: the files a librarian downloads or links to, in release/<version>/:
//!
//! - `thing-prompts-<version>.tgz`: the npm package (`npm pack` of the widget's files), which a
//!   public npm CDN serves at `thing-prompts@<version>/`;
//! - `thing-prompts-wordpress-<version>.zip`: the WordPress plugin with the widget inside;
//! - `thing-prompts-site-<version>.zip`: a static site (the configurator as its landing page,
//!   the demo blog, the widget's files) that any web space serves as it is;
//! - `SHA256SUMS` and `RELEASE-NOTES.md`.
//!
//! The same commit gives the same bytes: entries in a fixed order, dated at the commit's time,
//! with fixed permissions and no path or name of the machine that built them.

use crate::build::archive::{self, files_under, relative_name};
use crate::build::tools::RELEASE_TOOLCHAIN;
use crate::build::{dist, plugin};
use crate::constants::{CONFIGURATOR, FILES, PACKAGE, SCHEMA};
use crate::shared::{root, run, say, Result};
use sha2::{Digest as _, Sha256};
use std::path::{Path, PathBuf};
use std::process::Command;

/// What `cargo xtask release` made.
pub struct Release {
    pub folder: PathBuf,
    pub version: String,
    pub tarball: PathBuf,
    pub plugin: PathBuf,
    pub site: PathBuf,
}

/// Builds dist/ and then the release files from it into release/<version>/.
pub fn build() -> Result<Release> {
    let dist = dist::build()?;
    let version = dist::package_field("version")?;
    let release = write(&dist, &root().join("release").join(&version))?;
    say(&format!(
        "release {} is in {}: {}",
        release.version,
        release.folder.display(),
        ["SHA256SUMS", "RELEASE-NOTES.md"]
            .iter()
            .map(|file| file.to_string())
            .chain(
                [&release.tarball, &release.plugin, &release.site]
                    .iter()
                    .filter_map(|path| path.file_name())
                    .map(|name| name.to_string_lossy().into_owned())
            )
            .collect::<Vec<_>>()
            .join(", ")
    ));
    Ok(release)
}

/// Writes the release files of `dist` into `out` (emptied first).
pub fn write(dist: &Path, out: &Path) -> Result<Release> {
    let version = dist::package_field("version")?;
    let time = archive::zip_time(commit_time()?);
    let _ = std::fs::remove_dir_all(out);
    std::fs::create_dir_all(out).map_err(|e| format!("{}: {e}", out.display()))?;

    let tarball = npm_pack(dist, out, &version)?;
    let plugin = out.join(format!("{PACKAGE}-wordpress-{version}.zip"));
    let entries = archive::read_entries(plugin::entries(dist)?)?;
    save(&plugin, &archive::zip(&entries, time)?)?;
    let site = out.join(format!("{PACKAGE}-site-{version}.zip"));
    save(&site, &archive::zip(&site_entries(dist)?, time)?)?;

    let mut sums = String::new();
    for path in [&tarball, &plugin, &site] {
        let bytes = std::fs::read(path).map_err(|e| format!("{}: {e}", path.display()))?;
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        say(&format!("release/{version}/{name}: {} bytes", bytes.len()));
        sums.push_str(&format!("{}  {name}\n", hex(&Sha256::digest(&bytes))));
    }
    save(&out.join("SHA256SUMS"), sums.as_bytes())?;
    let loader = std::fs::read(dist.join(FILES[0])).map_err(|e| format!("{}: {e}", FILES[0]))?;
    let notes = release_notes(&version, &dist::integrity(&loader), &sums)?;
    save(&out.join("RELEASE-NOTES.md"), notes.as_bytes())?;
    Ok(Release {
        folder: out.to_path_buf(),
        version,
        tarball,
        plugin,
        site,
    })
}

/// Writes the release files of `dist` a second time into a scratch folder and compares every
/// file with `release`'s, byte for byte; then looks through each file, the archives' contents
/// too, for a path or user of this machine.
pub fn check(dist: &Path, release: &Release) -> Result {
    let again = root().join("target").join("release-again");
    let second = write(dist, &again)?;
    for (first, second) in [
        (&release.tarball, &second.tarball),
        (&release.plugin, &second.plugin),
        (&release.site, &second.site),
        (
            &release.folder.join("SHA256SUMS"),
            &second.folder.join("SHA256SUMS"),
        ),
    ] {
        let a = std::fs::read(first).map_err(|e| format!("{}: {e}", first.display()))?;
        let b = std::fs::read(second).map_err(|e| format!("{}: {e}", second.display()))?;
        if a != b {
            return Err(format!(
                "{} came out different when written again from the same files ({})",
                first.display(),
                second.display()
            ));
        }
    }
    let _ = std::fs::remove_dir_all(&again);
    let unpacked = root().join("target").join("release-unpacked");
    let _ = std::fs::remove_dir_all(&unpacked);
    std::fs::create_dir_all(&unpacked).map_err(|e| format!("{}: {e}", unpacked.display()))?;
    run(Command::new("tar")
        .arg("-xzf")
        .arg(&release.tarball)
        .arg("-C")
        .arg(&unpacked))?;
    let mut contents: Vec<(String, Vec<u8>)> = Vec::new();
    for file in files_under(&unpacked)? {
        let bytes = std::fs::read(&file).map_err(|e| format!("{}: {e}", file.display()))?;
        contents.push((relative_name(&unpacked, &file)?, bytes));
    }
    for zip in [&release.plugin, &release.site] {
        contents.extend(archive::unzip(zip)?);
    }
    for path in [&release.tarball, &release.plugin, &release.site] {
        let bytes = std::fs::read(path).map_err(|e| format!("{}: {e}", path.display()))?;
        contents.push((path.display().to_string(), bytes));
    }
    let machine = machine_strings();
    for (name, bytes) in &contents {
        for needle in &machine {
            if bytes
                .windows(needle.len())
                .any(|window| window == needle.as_bytes())
            {
                return Err(format!(
                    "{name} in the release holds \"{needle}\", a path or name of this machine"
                ));
            }
        }
    }
    say(&format!(
        "release files written twice came out the same; none of their {} files names this machine's paths ({})",
        contents.len(),
        machine.join(", ")
    ));
    Ok(())
}

/// What would betray the machine that built a file: the repository's folder, the user's home,
/// cargo's and rustup's folders.
fn machine_strings() -> Vec<String> {
    let mut found: Vec<String> = [
        Some(root()),
        std::env::var_os("HOME").map(PathBuf::from),
        std::env::var_os("CARGO_HOME").map(PathBuf::from),
        std::env::var_os("RUSTUP_HOME").map(PathBuf::from),
    ]
    .into_iter()
    .flatten()
    .map(|path| path.to_string_lossy().trim_end_matches('/').to_owned())
    .filter(|path| path.len() > 1)
    .map(|path| format!("{path}/"))
    .collect();
    found.sort();
    found.dedup();
    found
}

/// Installs the npm package of `release` into an empty folder as `npm install` would for a site
/// that uses it (offline: it has no dependencies), and returns the installed package's folder.
pub fn install_package(release: &Release) -> Result<PathBuf> {
    let folder = root().join("target").join("npm-install");
    let _ = std::fs::remove_dir_all(&folder);
    std::fs::create_dir_all(&folder).map_err(|e| format!("{}: {e}", folder.display()))?;
    say("installing the release's npm package into an empty folder (npm install --offline)");
    run(Command::new("npm")
        .args([
            "install",
            "--offline",
            "--no-save",
            "--no-audit",
            "--no-fund",
            "--ignore-scripts",
            "--prefix",
        ])
        .arg(&folder)
        .arg(&release.tarball))?;
    let installed = folder.join("node_modules").join(PACKAGE);
    if !installed.join(FILES[0]).is_file() {
        return Err(format!(
            "npm install put no {} in {}",
            FILES[0],
            installed.display()
        ));
    }
    Ok(installed)
}

/// The commit's time (seconds since 1970), which dates every archive entry: the same commit
/// gives the same archives. `SOURCE_DATE_EPOCH` overrides it, as reproducible builds agree.
fn commit_time() -> Result<i64> {
    if let Some(seconds) = std::env::var("SOURCE_DATE_EPOCH")
        .ok()
        .and_then(|text| text.trim().parse().ok())
    {
        return Ok(seconds);
    }
    let out = Command::new("git")
        .args(["log", "-1", "--format=%ct"])
        .current_dir(root())
        .output()
        .map_err(|e| format!("git log: {e}"))?;
    String::from_utf8_lossy(&out.stdout)
        .trim()
        .parse()
        .map_err(|_| {
            "cannot tell the commit's time (git log -1 --format=%ct); set SOURCE_DATE_EPOCH".into()
        })
}

/// The files of the npm package, as (name in the package, file on disk): the loader, both
/// modules, the configurator (page, style, module), the programmes' JSON Schema, the bundled
/// programmes, the example snippet.
fn package_files(dist: &Path) -> Result<Vec<(String, PathBuf)>> {
    let mut files: Vec<(String, PathBuf)> = FILES
        .iter()
        .chain([&SCHEMA])
        .chain(CONFIGURATOR.iter())
        .chain([&"SNIPPET.txt"])
        .map(|name| (name.to_string(), dist.join(name)))
        .collect();
    for file in files_under(&dist.join("programmes"))? {
        files.push((relative_name(dist, &file)?, file));
    }
    files.sort();
    Ok(files)
}

/// `npm pack` of the package files with dist/package.json, README and licences, into `out`;
/// returns the tarball's path. npm dates every entry alike and orders them itself, so the same
/// files make the same tarball.
fn npm_pack(dist: &Path, out: &Path, version: &str) -> Result<PathBuf> {
    let stage = root().join("target").join("release-package");
    let _ = std::fs::remove_dir_all(&stage);
    let mut files = package_files(dist)?;
    files.push(("package.json".into(), dist.join("package.json")));
    files.push(("README.md".into(), root().join("www/package-README.md")));
    for licence in ["LICENSE-MIT", "LICENSE-APACHE"] {
        files.push((licence.into(), root().join(licence)));
    }
    for (name, from) in &files {
        let to = stage.join(name);
        if let Some(folder) = to.parent() {
            std::fs::create_dir_all(folder).map_err(|e| format!("{}: {e}", folder.display()))?;
        }
        let mut bytes = std::fs::read(from).map_err(|e| format!("{}: {e}", from.display()))?;
        if name == "README.md" {
            bytes = String::from_utf8_lossy(&bytes)
                .replace("@VERSION/", &format!("@{version}/"))
                .into_bytes();
        }
        save(&to, &bytes)?;
        set_mode(&to, 0o644)?;
    }
    say("packing the npm package (npm pack)");
    run(Command::new("npm")
        .args(["pack", "--silent", "--pack-destination"])
        .arg(out)
        .arg(&stage))?;
    let tarball = out.join(format!("{PACKAGE}-{version}.tgz"));
    if !tarball.is_file() {
        return Err(format!("npm pack wrote no {}", tarball.display()));
    }
    Ok(tarball)
}

#[cfg(unix)]
fn set_mode(path: &Path, mode: u32) -> Result {
    use std::os::unix::fs::PermissionsExt as _;
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(mode))
        .map_err(|e| format!("{}: {e}", path.display()))
}

#[cfg(not(unix))]
fn set_mode(_: &Path, _: u32) -> Result {
    Ok(())
}

/// The static site: the configurator as `index.html` (its snippets name the loader beside it),
/// the widget's files, and the demo blog in `demo/` with the widget at `../`.
fn site_entries(dist: &Path) -> Result<Vec<(String, Vec<u8>)>> {
    let mut entries = archive::read_entries(package_files(dist)?)?;
    for (name, _) in entries.iter_mut() {
        if name == "configure.html" {
            *name = "index.html".into();
        }
    }
    let demo = root().join("www/demo");
    for file in files_under(&demo)? {
        let name = relative_name(&demo, &file)?;
        // _headers is a development server's (the strict-CSP page's policy); GitHub Pages and
        // most web spaces ignore it, and the page works without it.
        if name == "_headers" {
            continue;
        }
        let bytes = std::fs::read(&file).map_err(|e| format!("{}: {e}", file.display()))?;
        if let Some(remote) = name.strip_prefix("remote/") {
            // An organiser's course file, which the demo serves beside the widget's files.
            entries.push((remote.to_owned(), bytes));
        } else if name.ends_with(".html") {
            let text = String::from_utf8_lossy(&bytes).replace("__WIDGET_BASE__", "../");
            entries.push((format!("demo/{name}"), text.into_bytes()));
        } else {
            entries.push((format!("demo/{name}"), bytes));
        }
    }
    // GitHub Pages serves the folder as it is, without Jekyll.
    entries.push((".nojekyll".into(), Vec::new()));
    entries.sort_by(|a, b| a.0.cmp(&b.0));
    Ok(entries)
}

/// RELEASE-NOTES.md: the CHANGELOG's section of `version`, the loader's integrity value, the two
/// snippets (the pinned version with `integrity`, the moving minor version without) and the sums.
fn release_notes(version: &str, integrity: &str, sums: &str) -> Result<String> {
    let changelog = std::fs::read_to_string(root().join("CHANGELOG.md"))
        .map_err(|e| format!("CHANGELOG.md: {e}"))?;
    let section = changelog_section(&changelog, version)
        .ok_or_else(|| format!("CHANGELOG.md has no section for {version} (## [{version}])"))?;
    let minor = version.rsplit_once('.').map_or(version, |(minor, _)| minor);
    let cdn = "https://cdn.jsdelivr.net/npm/thing-prompts";
    Ok(format!(
        "# Thing Prompts {version}\n\n{section}\n\n## Paste it\n\n\
Pinned to this release: every file the widget runs is checked (the loader by `integrity`, the\n\
rest by the hashes inside the loader), and it never changes.\n\n\
```html\n<script src=\"{cdn}@{version}/thing-prompts.js\"\n        integrity=\"{integrity}\"\n        crossorigin=\"anonymous\" async></script>\n```\n\n\
Following {minor}.x: fixes arrive without editing the post; no `integrity`, since the file at\n\
this address changes with each {minor}.x release.\n\n\
```html\n<script src=\"{cdn}@{minor}/thing-prompts.js\" async></script>\n```\n\n\
Put either after a placeholder such as\n`<div class=\"thing-prompts\" data-programme=\"cpd23-2012\" data-thing=\"12\">…</div>`\n\
(README.md).\n\n\
## Checking the files\n\n\
The loader's Subresource Integrity value: `{integrity}`\n\n\
`SHA256SUMS` (built with {RELEASE_TOOLCHAIN}; docs/releasing.md rebuilds them from a clean clone):\n\n\
```\n{sums}```\n"
    ))
}

/// The body of CHANGELOG.md's section `## [<version>]…`, up to the next `## ` heading.
fn changelog_section(changelog: &str, version: &str) -> Option<String> {
    let heading = format!("## [{version}]");
    let start = changelog.find(&heading)?;
    let after = &changelog[start..];
    let body_start = after.find('\n').map_or(after.len(), |n| n + 1);
    let body = &after[body_start..];
    let end = body.find("\n## ").map_or(body.len(), |n| n + 1);
    Some(body[..end].trim().to_owned())
}

fn save(path: &Path, bytes: &[u8]) -> Result {
    std::fs::write(path, bytes).map_err(|e| format!("{}: {e}", path.display()))
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

#[cfg(test)]
mod tests {
    use super::changelog_section;

    #[test]
    fn a_changelog_section_runs_to_the_next_heading() {
        let changelog =
            "# Changelog\n\n## [0.2.0] - 2027-01-01\n\nNew.\n\n## [0.1.0] - 2026-12-06\n\nFirst.\n";
        assert_eq!(
            changelog_section(changelog, "0.2.0").as_deref(),
            Some("New.")
        );
        assert_eq!(
            changelog_section(changelog, "0.1.0").as_deref(),
            Some("First.")
        );
        assert_eq!(changelog_section(changelog, "0.3.0"), None);
    }
}
