//! Firefox ESR and geckodriver for the Firefox tests (driven over W3C WebDriver), installed when
//! missing, and said so; and a geckodriver running for the length of the tests.

use crate::tools::{self, cargo};
use crate::{root, say, Result};
use std::fs::File;
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::thread;
use std::time::{Duration, Instant};

/// The geckodriver release the tests use: the newest on crates.io when it was pinned (`cargo info geckodriver`).
const GECKODRIVER_VERSION: &str = "0.37.1";

fn took(started: Instant) -> String {
    let seconds = started.elapsed().as_secs();
    format!("{}:{:02}", seconds / 60, seconds % 60)
}

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
    tools::run(cargo().args([
        "install",
        "--locked",
        "geckodriver",
        "--version",
        GECKODRIVER_VERSION,
    ]))?;
    say(&format!("geckodriver installed in {}", took(started)));
    Ok(binary)
}

/// A free port on 127.0.0.1 (geckodriver has no `--port 0`): bound, read and let go.
fn free_port() -> Result<u16> {
    let listener = TcpListener::bind(("127.0.0.1", 0))
        .map_err(|e| format!("no free port on 127.0.0.1: {e}"))?;
    let port = listener.local_addr().map_err(|e| e.to_string())?.port();
    drop(listener);
    Ok(port)
}

/// A running geckodriver; stopped when dropped, so also when the tests fail.
pub struct Geckodriver {
    child: Child,
    /// Where it listens, e.g. `http://127.0.0.1:40123` (no trailing `/`).
    pub url: String,
    /// Its log, with Firefox's own output.
    pub log: PathBuf,
}

impl Geckodriver {
    /// Starts `binary` on a free port of 127.0.0.1 and waits until it accepts connections.
    pub fn start(binary: &Path) -> Result<Geckodriver> {
        let port = free_port()?;
        let target = root().join("target");
        std::fs::create_dir_all(&target).map_err(|e| format!("{}: {e}", target.display()))?;
        let log = target.join("geckodriver.log");
        let out = File::create(&log).map_err(|e| format!("{}: {e}", log.display()))?;
        let err = out.try_clone().map_err(|e| e.to_string())?;
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
        // Its own process group, so that stopping it stops the Firefox it started as well.
        #[cfg(unix)]
        std::os::unix::process::CommandExt::process_group(&mut command, 0);
        let child = command
            .current_dir(root())
            .stdin(Stdio::null())
            .stdout(out)
            .stderr(err)
            .spawn()
            .map_err(|e| format!("could not start {}: {e}", binary.display()))?;
        let mut driver = Geckodriver {
            child,
            url: format!("http://127.0.0.1:{port}"),
            log,
        };
        let deadline = Instant::now() + Duration::from_secs(10);
        loop {
            if TcpStream::connect(("127.0.0.1", port)).is_ok() {
                return Ok(driver);
            }
            if let Ok(Some(status)) = driver.child.try_wait() {
                return Err(format!(
                    "geckodriver exited at start ({status}); see {}",
                    driver.log.display()
                ));
            }
            if Instant::now() >= deadline {
                return Err(format!(
                    "geckodriver did not listen on port {port} within 10 s; see {}",
                    driver.log.display()
                ));
            }
            thread::sleep(Duration::from_millis(50));
        }
    }
}

impl Drop for Geckodriver {
    /// Kills geckodriver's process group: geckodriver and any Firefox a test left running.
    fn drop(&mut self) {
        #[cfg(unix)]
        let _ = Command::new("kill")
            .args(["-KILL", "--", &format!("-{}", self.child.id())])
            .stderr(Stdio::null())
            .status();
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// The Firefox test files, tests/firefox/*.test.mjs, sorted.
pub fn test_files() -> Result<Vec<String>> {
    tools::test_files("tests/firefox")
}
