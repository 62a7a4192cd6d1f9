//! The WordPress plugin's zip: the plugin folder with the widget's files inside, which
//! `cargo xtask release` writes and the WordPress tests install.

use crate::build::archive::{files_under, relative_name};
use crate::constants::{FILES, PLUGIN};
use crate::shared::{root, Result};
use std::path::{Path, PathBuf};

/// The widget files the zip ships in `thing-prompts/widget/`: the loader, the lite and the full
/// module (the configurator's module is for organisers, not for blog pages), and the bundled
/// programmes (added from dist/programmes/).
fn widget_files() -> impl Iterator<Item = &'static str> {
    FILES
        .iter()
        .copied()
        .filter(|file| !file.contains("configure"))
}

/// The plugin's files for its zip, as (name in the zip, file on disk), sorted: the plugin folder
/// `wordpress/thing-prompts/` with the widget files of `dist` in its `widget/` folder, so a site
/// serves the widget itself.
pub fn entries(dist: &Path) -> Result<Vec<(String, PathBuf)>> {
    let plugin = root().join("wordpress").join(PLUGIN);
    let mut entries: Vec<(String, PathBuf)> = Vec::new();
    for file in files_under(&plugin)? {
        let name = relative_name(&plugin, &file)?;
        // A checkout where the zip was once unpacked for a look keeps its copy out of the zip.
        if !name.starts_with("widget/") {
            entries.push((format!("{PLUGIN}/{name}"), file));
        }
    }
    for file in widget_files() {
        entries.push((format!("{PLUGIN}/widget/{file}"), dist.join(file)));
    }
    for file in files_under(&dist.join("programmes"))? {
        let name = relative_name(dist, &file)?;
        if name.ends_with(".json") {
            entries.push((format!("{PLUGIN}/widget/{name}"), file));
        }
    }
    entries.sort();
    Ok(entries)
}
