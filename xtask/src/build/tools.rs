//! The build's tools, installed when missing and said so: the wasm32 target, the pinned nightly
//! the release WebAssembly is built with, wasm-bindgen's CLI, and the npm tools (wasm-opt, terser).

use crate::shared::{cargo, output, root, run, say, Result};
use std::path::{Path, PathBuf};
use std::process::Command;

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
