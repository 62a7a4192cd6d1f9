//! WebKit for the WebKit tests: Debian's WebKitGTK (its MiniBrowser, driven by WebKitWebDriver
//! over W3C WebDriver), with Xvfb around it since WebKitGTK has no headless mode; installed when
//! missing, and said so.

use crate::shared::{free_port, output, root, Result};
use crate::site::driver::Driver;
use crate::site::tools;
use std::path::{Path, PathBuf};
use std::process::Command;

/// The Debian packages: the driver, the library whose folder holds the MiniBrowser, the X server.
const PACKAGES: [&str; 4] = ["webkit2gtk-driver", "libwebkit2gtk-4.1-0", "xvfb", "xauth"];
const WEBDRIVER: &str = "/usr/bin/WebKitWebDriver";
const XVFB_RUN: &str = "/usr/bin/xvfb-run";

/// What the WebKit tests drive: WebKitWebDriver, and the MiniBrowser it starts.
pub struct WebKit {
    pub webdriver: PathBuf,
    pub minibrowser: PathBuf,
}

/// The MiniBrowser of `libwebkit2gtk-4.1-0`, in that library's `webkit2gtk-4.1` folder (its path
/// has the machine's multiarch triplet in it, so it is asked of dpkg).
fn minibrowser() -> Option<PathBuf> {
    if let Some(path) = std::env::var_os("MINIBROWSER") {
        return Some(PathBuf::from(path));
    }
    let files = output(Command::new("dpkg").args(["-L", "libwebkit2gtk-4.1-0"]))?;
    files
        .lines()
        .map(str::trim)
        .find(|line| line.ends_with("/webkit2gtk-4.1/MiniBrowser"))
        .map(PathBuf::from)
        .filter(|path| path.is_file())
}

fn present() -> Option<WebKit> {
    let webdriver = std::env::var_os("WEBKIT_WEBDRIVER")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(WEBDRIVER));
    let ready = webdriver.is_file()
        && Path::new(XVFB_RUN).is_file()
        && Path::new("/usr/bin/xauth").is_file();
    if !ready {
        return None;
    }
    Some(WebKit {
        webdriver,
        minibrowser: minibrowser()?,
    })
}

/// WebKitWebDriver, the MiniBrowser and Xvfb, installed with apt-get when any is missing.
pub fn webkit() -> Result<WebKit> {
    tools::debian_packages(&PACKAGES, "the WebKit tests", false, || present().is_some())?;
    present().ok_or_else(|| {
        "WebKitWebDriver, the MiniBrowser or xvfb-run is still missing after apt-get install".into()
    })
}

/// The home folder the MiniBrowser is given, emptied at each start: its downloads land there
/// (GLib's download folder is the home folder when no XDG one is set), and nothing of the real
/// home is read or written.
pub fn home() -> PathBuf {
    root().join("target").join("webkit-home")
}

/// Starts WebKitWebDriver on a free port of 127.0.0.1 inside `xvfb-run -a` (a virtual display
/// on a free display number), its log and the MiniBrowser's in target/webkitwebdriver.log.
pub fn start_driver(webkit: &WebKit) -> Result<Driver> {
    let port = free_port()?;
    let home = home();
    let _ = std::fs::remove_dir_all(&home);
    std::fs::create_dir_all(&home).map_err(|e| format!("{}: {e}", home.display()))?;
    let mut command = Command::new(XVFB_RUN);
    command
        .env("HOME", &home)
        .env_remove("XDG_DOWNLOAD_DIR")
        .env_remove("XDG_CONFIG_HOME")
        .env_remove("XDG_DATA_HOME")
        .env_remove("XDG_CACHE_HOME")
        .arg("-a")
        .arg(&webkit.webdriver)
        .arg(format!("--port={port}"))
        .arg("--host=127.0.0.1");
    Driver::start(command, port, "WebKitWebDriver", "webkitwebdriver.log")
}

/// The WebKit test files, tests/webkit/*.test.mjs, sorted.
pub fn test_files() -> Result<Vec<String>> {
    tools::test_files("tests/webkit")
}
