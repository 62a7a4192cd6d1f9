//! A WebDriver server (geckodriver, WebKitWebDriver) running for the length of a browser's tests,
//! on a free port of 127.0.0.1, in a process group of its own so that stopping it also stops the
//! browser it started (and, for WebKit, the virtual display around it).

use crate::shared::{root, Result};
use std::fs::File;
use std::net::TcpStream;
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::thread;
use std::time::{Duration, Instant};

/// A running WebDriver server; stopped when dropped, so also when the tests fail.
pub struct Driver {
    child: Child,
    /// Where it listens, e.g. `http://127.0.0.1:40123` (no trailing `/`).
    pub url: String,
    /// Its log, with the browser's own output.
    pub log: PathBuf,
}

impl Driver {
    /// Starts `command` (a driver told to listen on `port`), its output in `target/<log_name>`,
    /// and waits until the port accepts connections. `name` is for the messages.
    pub fn start(mut command: Command, port: u16, name: &str, log_name: &str) -> Result<Driver> {
        let target = root().join("target");
        std::fs::create_dir_all(&target).map_err(|e| format!("{}: {e}", target.display()))?;
        let log = target.join(log_name);
        let out = File::create(&log).map_err(|e| format!("{}: {e}", log.display()))?;
        let err = out.try_clone().map_err(|e| e.to_string())?;
        // Its own process group, so that stopping it stops what it started as well.
        #[cfg(unix)]
        std::os::unix::process::CommandExt::process_group(&mut command, 0);
        let child = command
            .current_dir(root())
            .stdin(Stdio::null())
            .stdout(out)
            .stderr(err)
            .spawn()
            .map_err(|e| format!("could not start {name}: {e}"))?;
        let mut driver = Driver {
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
                    "{name} exited at start ({status}); see {}",
                    driver.log.display()
                ));
            }
            if Instant::now() >= deadline {
                return Err(format!(
                    "{name} did not listen on port {port} within 10 s; see {}",
                    driver.log.display()
                ));
            }
            thread::sleep(Duration::from_millis(50));
        }
    }
}

impl Drop for Driver {
    /// Kills the driver's process group: the driver and any browser a test left running.
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
