//! `cargo xtask bench`: builds the release dist/ and the floor (a bare Yew checklist, built by
//! the same pipeline into target/bench-floor/), serves them, and runs bench/bench.mjs in
//! headless Chromium, which prints each figure of the performance budgets and whether it holds.
//! A benchmark, not a test: budgets that do not hold are reported, never a failure.

use crate::build::dist;
use crate::shared::{root, run as run_command, say, Result};
use crate::site::serve::{self, Site};
use crate::site::tools::chromium;
use std::process::Command;

pub fn run() -> Result {
    let dist = dist::build()?;
    let (floor, floor_build) = dist::floor()?;
    let chromium = chromium()?;
    let servers = serve::start(&dist, Some(&dist), 0, 0)?;
    // The floor's files on an origin of their own, served as the widget's are (CORS, and
    // long-lived caching for their versioned URLs).
    let listener = serve::bind(0)?;
    let floor_origin = serve::url(&listener)?;
    serve::spawn(
        listener,
        Site {
            folder: floor.clone(),
            cors: true,
            widget_base: None,
            also: None,
            npm: None,
        },
    );
    // The benchmark's own pages (one, five and fifty checklists, and the plain-JavaScript
    // baseline), written by bench.mjs and served from a loopback origin of their own like a blog.
    let pages = root().join("target").join("bench-pages");
    std::fs::create_dir_all(&pages).map_err(|e| format!("{}: {e}", pages.display()))?;
    let listener = serve::bind(0)?;
    let bench = serve::url(&listener)?;
    serve::spawn(
        listener,
        Site {
            folder: pages.clone(),
            cors: false,
            widget_base: Some(servers.widget.clone()),
            also: None,
            npm: None,
        },
    );
    say(&format!(
        "benchmark in headless Chromium: pages at {bench}, widget at {}, floor at {floor_origin}",
        servers.widget
    ));
    run_command(
        Command::new("node")
            .arg("bench/bench.mjs")
            .env("PAGE_ORIGIN", &servers.pages)
            .env("WIDGET_ORIGIN", &servers.widget)
            .env("BENCH_ORIGIN", &bench)
            .env("BENCH_PAGES", &pages)
            .env("CHROMIUM", &chromium)
            .env("DIST", &dist)
            .env("FLOOR_ORIGIN", &floor_origin)
            .env("FLOOR_DIR", &floor)
            .env("FLOOR_BUILD", &floor_build),
    )
}
