//! The WordPress plugin in a real WordPress for its tests (started by `cargo xtask test`): Debian's packages, installed when missing, a
//! throwaway MariaDB and PHP's built-in server on free loopback ports with their data under
//! target/wordpress/, a new site, and the plugin unzipped from the release zip. Every server is
//! stopped when the [`Site`] is dropped, so also when a test fails.

use crate::shared::{free_port, root, say, Result};
use crate::site::tools;
use std::fs::File;
use std::io::Read;
use std::net::TcpStream;
use std::os::unix::net::UnixStream;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::thread;
use std::time::{Duration, Instant};

/// Where WordPress lives once Debian's package is installed.
const WORDPRESS: &str = "/usr/share/wordpress";

/// The Debian packages the tests need: WordPress 6.1, its translations (the plugin's own are
/// tried on a French site), the two default themes it is tried in (a block theme and a classic
/// one), MariaDB, PHP's command line with MySQL support.
const PACKAGES: [&str; 7] = [
    "wordpress",
    "wordpress-l10n",
    "wordpress-theme-twentytwentythree",
    "wordpress-theme-twentytwentyone",
    "mariadb-server",
    "php-cli",
    "php-mysql",
];

/// WordPress's own translations, from wordpress-l10n.
const LANGUAGES: &str = "/usr/share/wordpress/wp-content/languages";

/// Whether `php` has the mysqli extension (Debian's php-mysql).
fn php_has_mysqli() -> bool {
    Command::new("php")
        .args(["-r", "exit(extension_loaded('mysqli') ? 0 : 1);"])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|status| status.success())
}

/// Debian's WordPress, its translations, its two default themes, MariaDB and PHP, installed with
/// apt-get when any is missing (about a minute; Apache comes along as a dependency but is never
/// started).
pub fn packages() -> Result {
    tools::debian_packages(&PACKAGES, "the WordPress tests", false, || {
        let themes = Path::new(WORDPRESS).join("wp-content/themes");
        Path::new(WORDPRESS).join("wp-settings.php").is_file()
            && themes.join("twentytwentythree/theme.json").is_file()
            && themes.join("twentytwentyone/style.css").is_file()
            && thing_prompts_core::languages::wordpress_locales()
                .all(|locale| Path::new(LANGUAGES).join(format!("{locale}.mo")).is_file())
            && Path::new("/usr/sbin/mariadbd").is_file()
            && Path::new("/usr/bin/mariadb-install-db").is_file()
            && php_has_mysqli()
    })
}

/// 16 random bytes as hex, from the kernel.
fn random_hex() -> Result<String> {
    let mut bytes = [0u8; 16];
    File::open("/dev/urandom")
        .and_then(|mut f| f.read_exact(&mut bytes))
        .map_err(|e| format!("/dev/urandom: {e}"))?;
    Ok(bytes.iter().map(|b| format!("{b:02x}")).collect())
}

/// Whether this process runs as root (MariaDB then needs `--user=root`).
fn is_root() -> bool {
    Command::new("id")
        .arg("-u")
        .output()
        .is_ok_and(|out| String::from_utf8_lossy(&out.stdout).trim() == "0")
}

/// A process started in its own process group, its output in `log`.
fn spawn(command: &mut Command, log: &Path) -> Result<Child> {
    let out = File::create(log).map_err(|e| format!("{}: {e}", log.display()))?;
    let err = out.try_clone().map_err(|e| e.to_string())?;
    std::os::unix::process::CommandExt::process_group(command, 0);
    let shown = format!("{command:?}");
    command
        .stdin(Stdio::null())
        .stdout(out)
        .stderr(err)
        .spawn()
        .map_err(|e| format!("could not start {shown}: {e}"))
}

/// Stops a process group we started: TERM, then KILL after `grace`.
fn stop(child: &mut Child, grace: Duration) {
    let group = format!("-{}", child.id());
    let _ = Command::new("kill")
        .args(["-TERM", "--", &group])
        .stderr(Stdio::null())
        .status();
    let deadline = Instant::now() + grace;
    while Instant::now() < deadline {
        if let Ok(Some(_)) = child.try_wait() {
            break;
        }
        thread::sleep(Duration::from_millis(50));
    }
    let _ = Command::new("kill")
        .args(["-KILL", "--", &group])
        .stderr(Stdio::null())
        .status();
    let _ = child.kill();
    let _ = child.wait();
}

/// Stops what an earlier run left in `folder` when it never got to drop its [`Site`] (stopped by
/// Ctrl-C, say): the process groups named by its pid files, when their command line names this
/// folder (so never anyone else's process), and its configuration files in /etc/wordpress.
fn stop_leftovers(folder: &Path) {
    let ours = folder.to_string_lossy().into_owned();
    for name in ["php.pid", "mariadb.pid"] {
        let Some(pid) = std::fs::read_to_string(folder.join(name))
            .ok()
            .and_then(|text| text.trim().parse::<u32>().ok())
        else {
            continue;
        };
        let still_ours = || {
            let command = std::fs::read(format!("/proc/{pid}/cmdline")).unwrap_or_default();
            String::from_utf8_lossy(&command).contains(&ours)
        };
        if !still_ours() {
            continue;
        }
        say(&format!(
            "stopping process {pid}, left running by an earlier WordPress test run"
        ));
        for signal in ["-TERM", "-KILL"] {
            if !still_ours() {
                break;
            }
            let _ = Command::new("kill")
                .args([signal, "--", &format!("-{pid}"), &pid.to_string()])
                .stderr(Stdio::null())
                .status();
            let deadline = Instant::now() + Duration::from_secs(10);
            while Path::new(&format!("/proc/{pid}")).exists() && Instant::now() < deadline {
                thread::sleep(Duration::from_millis(100));
            }
        }
    }
    let Ok(entries) = std::fs::read_dir("/etc/wordpress") else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        let name = entry.file_name().to_string_lossy().into_owned();
        if name.starts_with("config-thing-prompts-test-")
            && std::fs::read_to_string(&path).is_ok_and(|text| text.contains(&ours))
        {
            let _ = std::fs::remove_file(&path);
        }
    }
}

/// Waits until `ready` holds, failing after `seconds` or when `child` exits.
fn wait_until(
    child: &mut Child,
    what: &str,
    log: &Path,
    seconds: u64,
    ready: impl Fn() -> bool,
) -> Result {
    let deadline = Instant::now() + Duration::from_secs(seconds);
    loop {
        if ready() {
            return Ok(());
        }
        if let Ok(Some(status)) = child.try_wait() {
            return Err(format!(
                "{what} exited at start ({status}); see {}",
                log.display()
            ));
        }
        if Instant::now() >= deadline {
            return Err(format!(
                "{what} was not ready within {seconds} s; see {}",
                log.display()
            ));
        }
        thread::sleep(Duration::from_millis(50));
    }
}

/// A WordPress site for the tests: MariaDB and PHP's built-in server, both stopped (and the
/// site's configuration file in /etc/wordpress removed) when it is dropped.
pub struct Site {
    /// The site's address, e.g. `http://127.0.0.1:40123` (no trailing `/`).
    pub url: String,
    /// The name Debian's wp-config.php finds the configuration by (`config-<name>.php`).
    pub config_name: String,
    /// The throwaway folder: target/wordpress/.
    pub folder: PathBuf,
    /// The site's wp-content folder (plugins, themes, uploads) inside it.
    pub content: PathBuf,
    /// PHP's error log and WordPress's debug log (WP_DEBUG_LOG): one file.
    pub log: PathBuf,
    /// The password of the site's users (admin, author).
    pub password: String,
    /// The plugin's zip the site was given (the release's).
    pub zip: PathBuf,
    config_file: PathBuf,
    socket: PathBuf,
    database: Option<Child>,
    php: Option<Child>,
}

impl Site {
    /// Starts a new site in target/wordpress/ with the plugin unzipped from `zip` (not activated:
    /// the tests do that as an administrator would).
    pub fn start(zip: &Path) -> Result<Site> {
        packages()?;
        let folder = root().join("target").join("wordpress");
        stop_leftovers(&folder);
        let _ = std::fs::remove_dir_all(&folder);
        let content = folder.join("wp-content");
        for part in ["plugins", "themes", "uploads", "mu-plugins"] {
            let dir = content.join(part);
            std::fs::create_dir_all(&dir).map_err(|e| format!("{}: {e}", dir.display()))?;
        }
        for theme in ["twentytwentythree", "twentytwentyone"] {
            let from = Path::new(WORDPRESS).join("wp-content/themes").join(theme);
            std::os::unix::fs::symlink(&from, content.join("themes").join(theme))
                .map_err(|e| format!("linking the theme {theme}: {e}"))?;
        }
        // WordPress's translations (WP_LANG_DIR is wp-content/languages when that folder exists),
        // so that a site can be switched to French, German or Spanish.
        std::os::unix::fs::symlink(LANGUAGES, content.join("languages"))
            .map_err(|e| format!("linking {LANGUAGES}: {e}"))?;
        // No update checks: this machine reaches no WordPress.org (see the file).
        let offline = root().join("tests/wordpress/offline.php");
        std::fs::copy(&offline, content.join("mu-plugins/offline.php"))
            .map_err(|e| format!("{}: {e}", offline.display()))?;
        // A Unix socket's path must fit in 108 bytes; a deep checkout gets one in /tmp.
        let mut socket = folder.join("mariadb.sock");
        if socket.as_os_str().len() > 100 {
            socket =
                std::env::temp_dir().join(format!("thing-prompts-wp-{}.sock", std::process::id()));
        }
        let port = free_port()?;
        let config_name = format!("thing-prompts-test-{port}");
        let mut site = Site {
            url: format!("http://127.0.0.1:{port}"),
            config_file: PathBuf::from(format!("/etc/wordpress/config-{config_name}.php")),
            config_name,
            log: folder.join("debug.log"),
            password: random_hex()?,
            zip: zip.to_path_buf(),
            content,
            folder,
            socket,
            database: None,
            php: None,
        };
        site.start_database()?;
        site.write_config()?;
        site.start_php(port)?;
        let started = Instant::now();
        let users = site.tool(&["install", &site.password.clone()])?;
        say(&format!(
            "WordPress installed at {} in {} ms (users {})",
            site.url,
            started.elapsed().as_millis(),
            users.trim()
        ));
        let mut archive =
            zip::ZipArchive::new(File::open(zip).map_err(|e| format!("{}: {e}", zip.display()))?)
                .map_err(|e| format!("{}: {e}", zip.display()))?;
        archive
            .extract(site.content.join("plugins"))
            .map_err(|e| format!("unzipping {}: {e}", zip.display()))?;
        Ok(site)
    }

    /// A throwaway MariaDB on a Unix socket only (no TCP port), with an empty `wordpress` database.
    fn start_database(&mut self) -> Result {
        let data = self.folder.join("mariadb");
        let log = self.folder.join("mariadb.log");
        let mut install = Command::new("mariadb-install-db");
        install
            .arg("--no-defaults")
            .arg(format!("--datadir={}", data.display()))
            .args(["--auth-root-authentication-method=normal", "--skip-test-db"]);
        if is_root() {
            install.arg("--user=root");
        }
        let output = install
            .output()
            .map_err(|e| format!("could not start mariadb-install-db: {e}"))?;
        if !output.status.success() {
            return Err(format!(
                "mariadb-install-db failed: {}",
                String::from_utf8_lossy(&output.stderr)
            ));
        }
        let mut server = Command::new("mariadbd");
        server
            .arg("--no-defaults")
            .arg(format!("--datadir={}", data.display()))
            .arg(format!("--socket={}", self.socket.display()))
            .arg(format!(
                "--pid-file={}",
                self.folder.join("mariadb.pid").display()
            ))
            .args(["--skip-networking", "--innodb-buffer-pool-size=64M"]);
        if is_root() {
            server.arg("--user=root");
        }
        let child = spawn(&mut server, &log)?;
        let database = self.database.insert(child);
        let socket = self.socket.clone();
        wait_until(database, "mariadbd", &log, 30, || {
            UnixStream::connect(&socket).is_ok()
        })?;
        let created = Command::new("mariadb")
            .arg("--no-defaults")
            .arg(format!("--socket={}", self.socket.display()))
            .args(["--user=root", "--execute=CREATE DATABASE wordpress"])
            .output()
            .map_err(|e| format!("could not start mariadb: {e}"))?;
        if created.status.success() {
            Ok(())
        } else {
            Err(format!(
                "creating the database failed: {}",
                String::from_utf8_lossy(&created.stderr)
            ))
        }
    }

    /// /etc/wordpress/config-<name>.php, which Debian's wp-config.php reads for this site: the
    /// database, the throwaway wp-content, every PHP message logged, nothing fetched from outside.
    fn write_config(&self) -> Result {
        let quoted = |text: &str| format!("'{}'", text.replace('\\', "\\\\").replace('\'', "\\'"));
        let mut php = String::from(
            "<?php\n// Written by cargo xtask test for one run of the WordPress tests; removed when it ends.\n",
        );
        let mut define = |name: &str, value: String| {
            php.push_str(&format!("define( '{name}', {value} );\n"));
        };
        define("DB_NAME", quoted("wordpress"));
        define("DB_USER", quoted("root"));
        define("DB_PASSWORD", quoted(""));
        define(
            "DB_HOST",
            quoted(&format!("localhost:{}", self.socket.display())),
        );
        define("WP_CONTENT_DIR", quoted(&self.content.to_string_lossy()));
        define("WP_DEBUG", "true".into());
        define("WP_DEBUG_LOG", quoted(&self.log.to_string_lossy()));
        define("WP_DEBUG_DISPLAY", "false".into());
        define("WP_HTTP_BLOCK_EXTERNAL", "true".into());
        define("DISABLE_WP_CRON", "true".into());
        define("AUTOMATIC_UPDATER_DISABLED", "true".into());
        for key in [
            "AUTH_KEY",
            "SECURE_AUTH_KEY",
            "LOGGED_IN_KEY",
            "NONCE_KEY",
            "AUTH_SALT",
            "SECURE_AUTH_SALT",
            "LOGGED_IN_SALT",
            "NONCE_SALT",
        ] {
            define(key, quoted(&random_hex()?));
        }
        php.push_str("error_reporting( E_ALL );\n");
        std::fs::write(&self.config_file, php).map_err(|e| {
            format!(
                "{}: {e} (Debian's WordPress reads its site configuration from /etc/wordpress; the tests run as root)",
                self.config_file.display()
            )
        })
    }

    /// The environment that names this site to the router and to tests/wordpress/wp.php.
    fn site_env(&self, command: &mut Command) {
        command
            .env("THING_PROMPTS_WP_URL", &self.url)
            .env("THING_PROMPTS_WP_CONFIG", &self.config_name)
            .env("THING_PROMPTS_WP_CONTENT", &self.content);
    }

    /// PHP's built-in server (four workers) for /usr/share/wordpress on 127.0.0.1:`port`.
    fn start_php(&mut self, port: u16) -> Result {
        let log = self.folder.join("server.log");
        let router = root().join("tests/wordpress/router.php");
        let mut command = Command::new("php");
        command
            .args([
                "-d",
                "error_reporting=-1",
                "-d",
                "display_errors=0",
                "-d",
                "log_errors=1",
            ])
            .arg("-d")
            .arg(format!("error_log={}", self.log.display()))
            .arg("-S")
            .arg(format!("127.0.0.1:{port}"))
            .arg(&router)
            .current_dir(WORDPRESS)
            .env("PHP_CLI_SERVER_WORKERS", "4");
        self.site_env(&mut command);
        let child = spawn(&mut command, &log)?;
        let pid = self.folder.join("php.pid");
        std::fs::write(&pid, child.id().to_string())
            .map_err(|e| format!("{}: {e}", pid.display()))?;
        let php = self.php.insert(child);
        wait_until(php, "php -S", &log, 15, || {
            TcpStream::connect(("127.0.0.1", port)).is_ok()
        })
    }

    /// Runs tests/wordpress/wp.php with `args` against this site and returns what it printed.
    pub fn tool(&self, args: &[&str]) -> Result<String> {
        let mut command = Command::new("php");
        command
            .args(["-d", "error_reporting=-1", "-d", "display_errors=stderr"])
            .arg(root().join("tests/wordpress/wp.php"))
            .args(args);
        self.site_env(&mut command);
        let output = command
            .output()
            .map_err(|e| format!("could not run tests/wordpress/wp.php: {e}"))?;
        if output.status.success() {
            Ok(String::from_utf8_lossy(&output.stdout).into_owned())
        } else {
            Err(format!(
                "tests/wordpress/wp.php {} failed: {}",
                args.first().copied().unwrap_or(""),
                String::from_utf8_lossy(&output.stderr)
            ))
        }
    }

    /// The command that runs tests/wordpress/*.test.mjs against this site in Debian's Chromium;
    /// with `$WP_TESTS` (such as `i18n,editor`), only the files whose names contain one of its
    /// words: a way to try one file while working on it (left unset, as in CI, all of them).
    pub fn tests(&self, chromium: &Path) -> Result<Command> {
        let mut tests = tools::test_files("tests/wordpress")?;
        if let Ok(only) = std::env::var("WP_TESTS") {
            let words: Vec<&str> = only
                .split(',')
                .map(str::trim)
                .filter(|w| !w.is_empty())
                .collect();
            tests.retain(|file| words.iter().any(|word| file.contains(word)));
            say(&format!("WP_TESTS={only}: only {}", tests.join(", ")));
        }
        let mut command = Command::new("node");
        command
            .args(["--test", "--test-concurrency=1", "--test-reporter=spec"])
            .args(&tests)
            .env("CHROMIUM", chromium)
            .env("WP_PASSWORD", &self.password)
            .env("WP_LOG", &self.log)
            .env("WP_SCREENSHOTS", self.folder.join("screenshots"))
            .env("WP_DIST", root().join("dist"))
            .env("WP_ZIP", &self.zip);
        self.site_env(&mut command);
        Ok(command)
    }
}

impl Drop for Site {
    /// Stops PHP's server and MariaDB (whatever the tests did) and removes the site's
    /// configuration from /etc/wordpress. The data folder stays for a look until the next run.
    fn drop(&mut self) {
        if let Some(mut php) = self.php.take() {
            stop(&mut php, Duration::from_secs(2));
        }
        if let Some(mut database) = self.database.take() {
            stop(&mut database, Duration::from_secs(10));
        }
        let _ = std::fs::remove_file(&self.config_file);
        if !self.socket.starts_with(&self.folder) {
            let _ = std::fs::remove_file(&self.socket);
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::shared::root;

    /// The version in the plugin's header and constant is the widget's (Cargo.toml).
    #[test]
    fn the_plugin_carries_the_crate_version() {
        let manifest = std::fs::read_to_string(root().join("Cargo.toml")).unwrap_or_default();
        let version = manifest
            .lines()
            .find_map(|line| line.strip_prefix("version = "))
            .map(|v| v.trim_matches('"').to_owned())
            .unwrap_or_default();
        assert!(!version.is_empty(), "Cargo.toml has a version");
        let main =
            std::fs::read_to_string(root().join("wordpress/thing-prompts/thing-prompts.php"))
                .unwrap_or_default();
        assert!(
            main.contains(&format!(" * Version:           {version}\n")),
            "the plugin header says Version: {version}"
        );
        assert!(
            main.contains(&format!("const THING_PROMPTS_VERSION = '{version}';")),
            "THING_PROMPTS_VERSION is {version}"
        );
    }
}
