//! Builds dist/: the loader, the wasm-bindgen glue and the optimised WebAssembly.

use crate::tools::{cargo, npm_tools, run, wasm_bindgen, wasm_opt, wasm_target};
use crate::{root, say, Result};
use std::path::PathBuf;
use std::process::Command;

/// The files a page fetches, in the order it fetches them.
pub const FILES: [&str; 3] = [
    "thing-prompts.js",
    "thing-prompts-wasm.js",
    "thing-prompts-wasm_bg.wasm",
];

/// Builds the release files into dist/ and returns its path.
pub fn build() -> Result<PathBuf> {
    wasm_target()?;
    let bindgen = wasm_bindgen()?;
    npm_tools()?;
    say("compiling the widget for wasm32 (release)");
    run(cargo().args([
        "build",
        "--release",
        "--package",
        "thing-prompts",
        "--lib",
        "--target",
        "wasm32-unknown-unknown",
    ]))?;
    let dist = root().join("dist");
    let _ = std::fs::remove_dir_all(&dist);
    std::fs::create_dir_all(&dist).map_err(|e| format!("dist/: {e}"))?;
    let built = root().join("target/wasm32-unknown-unknown/release/thing_prompts.wasm");
    say("generating the JavaScript glue (wasm-bindgen --target web)");
    run(Command::new(bindgen)
        .args([
            "--target",
            "web",
            "--no-typescript",
            "--out-name",
            "thing-prompts-wasm",
            "--out-dir",
        ])
        .arg(&dist)
        .arg(&built))?;
    let wasm = dist.join("thing-prompts-wasm_bg.wasm");
    say("shrinking the WebAssembly (wasm-opt -Oz)");
    run(Command::new(wasm_opt())
        .args([
            "-Oz",
            "--enable-bulk-memory",
            "--enable-nontrapping-float-to-int",
            "--enable-sign-ext",
            "--enable-mutable-globals",
            "--enable-reference-types",
            "--enable-multivalue",
            "--strip-debug",
            "--strip-producers",
            "-o",
        ])
        .arg(&wasm)
        .arg(&wasm))?;
    std::fs::copy(
        root().join("www/thing-prompts.js"),
        dist.join("thing-prompts.js"),
    )
    .map_err(|e| format!("copying the loader: {e}"))?;
    for file in FILES {
        let bytes = std::fs::read(dist.join(file)).map_err(|e| format!("{file}: {e}"))?;
        say(&format!("dist/{file}: {} bytes", bytes.len()));
    }
    Ok(dist)
}
