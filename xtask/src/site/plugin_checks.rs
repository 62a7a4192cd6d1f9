//! The WordPress plugin held to the bar of WordPress.org's plugin review, by `cargo xtask test`:
//!
//! - its PHP by phpcs with the WordPress Coding Standards and PHPCompatibilityWP
//!   (`wordpress/phpcs.xml.dist`), from the bundle in `../shared/tools/php-standards/`;
//! - its PHP again by `tests/wordpress/php74.php`, for what PHP 8 brought (PHPCompatibility
//!   9.3.5 stops at PHP 7.4);
//! - the editor's JavaScript by eslint with `@wordpress/eslint-plugin`, its CSS by stylelint with
//!   `@wordpress/stylelint-config` (both pinned in package-lock.json);
//! - its `readme.txt` by the host test below; its translations by `translations.rs`'s.
//!
//! Zero errors and zero warnings: any finding fails the run.

use crate::build::tools::npm_tools;
use crate::build::translations;
use crate::shared::{self, root, say, Result};
use crate::site::tools;
use std::path::PathBuf;
use std::process::{Command, Stdio};

/// Debian's packages the checks need: PHP with its XML extensions (phpcs) and gettext
/// (xgettext, msgmerge, msgfmt, msgcat: the translations and their tests).
const PACKAGES: [&str; 3] = ["php-cli", "php-xml", "gettext"];

/// Whether `php` has what phpcs needs: tokenizer, xmlwriter and SimpleXML.
fn php_ready() -> bool {
    Command::new("php")
        .args([
            "-r",
            "exit(extension_loaded('tokenizer') && extension_loaded('xmlwriter') && extension_loaded('simplexml') ? 0 : 1);",
        ])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|status| status.success())
}

fn gettext_ready() -> bool {
    ["xgettext", "msgmerge", "msgfmt", "msgcat"]
        .iter()
        .all(|tool| {
            Command::new(tool)
                .arg("--version")
                .stdout(Stdio::null())
                .stderr(Stdio::null())
                .status()
                .is_ok_and(|status| status.success())
        })
}

/// PHP, its XML extensions and gettext, installed with apt-get when any is missing.
pub fn packages() -> Result {
    tools::debian_packages(&PACKAGES, "the plugin's checks", false, || {
        php_ready() && gettext_ready()
    })
}

/// phpcs with the WordPress standards: `$PHP_STANDARDS/phpcs` if set, else the bundle beside the
/// checkout (`../shared/tools/php-standards/`, see its README).
fn phpcs() -> Result<PathBuf> {
    let folder = std::env::var_os("PHP_STANDARDS")
        .map(PathBuf::from)
        .unwrap_or_else(|| root().join("../shared/tools/php-standards"));
    let phpcs = folder.join("phpcs");
    if phpcs.is_file() {
        Ok(phpcs)
    } else {
        Err(format!(
            "{} is missing: the WordPress Coding Standards bundle (set PHP_STANDARDS to its folder)",
            phpcs.display()
        ))
    }
}

fn npm_bin(name: &str) -> PathBuf {
    root().join("node_modules").join(".bin").join(name)
}

/// Every check of the plugin's code; fails on the first finding (each tool prints its own).
pub fn run() -> Result {
    packages()?;
    npm_tools()?;
    say("the plugin's PHP: WordPress Coding Standards and PHP 7.4 (phpcs, wordpress/phpcs.xml.dist)");
    shared::run(Command::new(phpcs()?).args([
        "-q",
        "--no-colors",
        "--standard=wordpress/phpcs.xml.dist",
    ]))?;
    say("the plugin's PHP: nothing newer than PHP 7.4 (tests/wordpress/php74.php)");
    shared::run(
        Command::new("php").args(["tests/wordpress/php74.php", "wordpress/thing-prompts"]),
    )?;
    say(
        "the block editor's script: @wordpress/eslint-plugin (eslint, wordpress/eslint.config.mjs)",
    );
    shared::run(Command::new(npm_bin("eslint")).args([
        "--config",
        "wordpress/eslint.config.mjs",
        "--max-warnings=0",
        "wordpress/thing-prompts/",
    ]))?;
    say("the block editor's styles: @wordpress/stylelint-config (stylelint, wordpress/stylelint.config.mjs)");
    shared::run(Command::new(npm_bin("stylelint")).args([
        "--config",
        "wordpress/stylelint.config.mjs",
        "--max-warnings=0",
        "--ignore-pattern=**/widget/**",
        "wordpress/thing-prompts/**/*.css",
    ]))?;
    say("the plugin's readme.txt: WordPress.org's headers and sections, in step with the plugin");
    let read =
        |path: &str| std::fs::read_to_string(root().join(path)).map_err(|e| format!("{path}: {e}"));
    let problems = readme_problems(
        &read("wordpress/thing-prompts/readme.txt")?,
        &read("wordpress/thing-prompts/thing-prompts.php")?,
        &translations::version(),
    );
    if !problems.is_empty() {
        return Err(format!(
            "wordpress/thing-prompts/readme.txt: {}",
            problems.join("; ")
        ));
    }
    say("the plugin's code and readme: no finding");
    Ok(())
}

/// What is wrong with a readme.txt for WordPress.org, given the main plugin file's text and the
/// version in Cargo.toml: a missing header or section, a short description over 150
/// characters, more than 5 tags, a Stable tag, Requires PHP, Requires at least or License that
/// differs from the plugin's.
pub fn readme_problems(readme: &str, plugin: &str, version: &str) -> Vec<String> {
    let mut problems = Vec::new();
    let mut lines = readme.lines();
    if !lines
        .next()
        .is_some_and(|line| line.starts_with("=== ") && line.trim_end().ends_with(" ==="))
    {
        problems.push("the first line is not the plugin's name as === Name ===".into());
    }
    // The header: `Field: value` lines up to the first empty line.
    let mut headers: Vec<(String, String)> = Vec::new();
    for line in lines.by_ref() {
        if line.trim().is_empty() {
            break;
        }
        match line.split_once(':') {
            Some((field, value)) => {
                headers.push((field.trim().to_owned(), value.trim().to_owned()))
            }
            None => problems.push(format!("not a header line: {line}")),
        }
    }
    let header = |name: &str| {
        headers
            .iter()
            .find(|(field, _)| field.eq_ignore_ascii_case(name))
            .map(|(_, value)| value.as_str())
    };
    for name in [
        "Contributors",
        "Tags",
        "Requires at least",
        "Tested up to",
        "Requires PHP",
        "Stable tag",
        "License",
        "License URI",
    ] {
        if header(name).is_none_or(str::is_empty) {
            problems.push(format!("the header {name} is missing"));
        }
    }
    let tags = header("Tags").map_or(0, |tags| {
        tags.split(',').filter(|tag| !tag.trim().is_empty()).count()
    });
    if tags > 5 {
        problems.push(format!("{tags} tags: WordPress.org shows 5 at most"));
    }
    // The short description: the first paragraph after the header.
    let short = lines
        .by_ref()
        .skip_while(|line| line.trim().is_empty())
        .take_while(|line| !line.trim().is_empty())
        .collect::<Vec<_>>()
        .join(" ");
    if short.is_empty() || short.starts_with("==") {
        problems.push("there is no short description after the header".into());
    } else if short.chars().count() > 150 {
        problems.push(format!(
            "the short description has {} characters: 150 at most",
            short.chars().count()
        ));
    }
    for section in [
        "Description",
        "Installation",
        "Frequently Asked Questions",
        "Screenshots",
        "Changelog",
    ] {
        if !readme
            .lines()
            .any(|line| line.trim() == format!("== {section} =="))
        {
            problems.push(format!("the section == {section} == is missing"));
        }
    }
    // The plugin file's own header, as WordPress reads it.
    let plugin_header = |name: &str| {
        plugin.lines().find_map(|line| {
            line.trim_start_matches([' ', '*', '\t'])
                .strip_prefix(&format!("{name}:"))
                .map(str::trim)
        })
    };
    if header("Stable tag") != Some(version) {
        problems.push(format!(
            "Stable tag {:?} is not Cargo.toml's version {version}",
            header("Stable tag").unwrap_or("")
        ));
    }
    for (readme_name, plugin_name) in [
        ("Stable tag", "Version"),
        ("Requires PHP", "Requires PHP"),
        ("Requires at least", "Requires at least"),
        ("License", "License"),
        ("License URI", "License URI"),
    ] {
        if header(readme_name).is_some() && header(readme_name) != plugin_header(plugin_name) {
            problems.push(format!(
                "{readme_name} {:?} differs from the plugin header's {plugin_name} {:?}",
                header(readme_name).unwrap_or(""),
                plugin_header(plugin_name).unwrap_or("")
            ));
        }
    }
    problems
}

#[cfg(test)]
mod tests {
    use super::readme_problems;
    use crate::build::translations;
    use crate::shared::root;

    fn read(path: &str) -> String {
        std::fs::read_to_string(root().join(path)).unwrap_or_default()
    }

    /// wordpress/thing-prompts/readme.txt as WordPress.org reads it, and in step with the plugin.
    #[test]
    fn the_readme_is_complete_and_matches_the_plugin() {
        let readme = read("wordpress/thing-prompts/readme.txt");
        assert!(
            !readme.is_empty(),
            "wordpress/thing-prompts/readme.txt exists"
        );
        let problems = readme_problems(
            &readme,
            &read("wordpress/thing-prompts/thing-prompts.php"),
            &translations::version(),
        );
        assert!(problems.is_empty(), "{}", problems.join("\n"));
    }

    /// The readme says where the WebAssembly's Rust source is and how to build it.
    #[test]
    fn the_readme_points_to_the_source_of_the_webassembly() {
        let readme = read("wordpress/thing-prompts/readme.txt");
        for words in ["WebAssembly", "Rust", "`src/`", "cargo xtask release"] {
            assert!(readme.contains(words), "the readme mentions {words}");
        }
    }

    const PLUGIN: &str = "<?php\n/**\n * Plugin Name: X\n * Version:           1.2.3\n * Requires at least: 6.1\n * Requires PHP:      7.4\n * License:           MIT\n * License URI:       https://opensource.org/licenses/MIT\n */\n";

    fn good() -> String {
        "=== X ===\nContributors: someone\nTags: a, b, c, d, e\nRequires at least: 6.1\nTested up to: 6.1\nRequires PHP: 7.4\nStable tag: 1.2.3\nLicense: MIT\nLicense URI: https://opensource.org/licenses/MIT\n\nShort.\n\n== Description ==\nx\n== Installation ==\nx\n== Frequently Asked Questions ==\nx\n== Screenshots ==\n1. x\n== Changelog ==\n= 1.2.3 =\n* x\n".into()
    }

    #[test]
    fn a_good_readme_has_no_problem() {
        assert_eq!(
            readme_problems(&good(), PLUGIN, "1.2.3"),
            Vec::<String>::new()
        );
    }

    /// Each mistake the test is for is found, and says what it is.
    #[test]
    fn each_mistake_is_found() {
        let cases: [(String, &str, &str); 8] = [
            (
                good().replace("Tested up to: 6.1\n", ""),
                "1.2.3",
                "Tested up to is missing",
            ),
            (
                good().replace("License URI: https://opensource.org/licenses/MIT\n", ""),
                "1.2.3",
                "License URI is missing",
            ),
            (
                good().replace("Short.", &"word ".repeat(31)),
                "1.2.3",
                "155 characters",
            ),
            (
                good().replace("a, b, c, d, e", "a, b, c, d, e, f"),
                "1.2.3",
                "6 tags",
            ),
            (
                good().replace("Stable tag: 1.2.3", "Stable tag: 1.2.4"),
                "1.2.3",
                "differs from the plugin header's Version",
            ),
            (good(), "1.3.0", "is not Cargo.toml's version 1.3.0"),
            (
                good().replace("Requires PHP: 7.4", "Requires PHP: 8.2"),
                "1.2.3",
                "Requires PHP \"8.2\" differs",
            ),
            (
                good().replace("== Changelog ==", "== Changes =="),
                "1.2.3",
                "== Changelog == is missing",
            ),
        ];
        for (readme, version, expected) in cases {
            let problems = readme_problems(&readme, PLUGIN, version);
            assert!(
                problems.iter().any(|p| p.contains(expected)),
                "{expected:?} in {problems:?}"
            );
        }
    }

    /// tests/wordpress/php74.php finds each PHP 8 form it knows in a file written for the test,
    /// and nothing in PHP 7.4 code (WordPress's str_contains() polyfill allowed).
    #[test]
    fn the_php74_scan_finds_php_8_code() {
        let dir = std::env::temp_dir().join(format!("tp-php74-{}", std::process::id()));
        let _ = std::fs::create_dir_all(&dir);
        let newer = dir.join("newer.php");
        let older = dir.join("older.php");
        let _ = std::fs::write(
            &newer,
            "<?php\nfunction a( int|string $x, mixed $y, $z = new Foo(), ): static|null { return null; }\n\
class P { public function __construct( private int $v ) {} }\n\
$f = function () use ( $a, ) { return $a?->b; };\n\
$m = match ( $x ) { default => 1 };\n\
#[Attr]\nfunction b(): never { exit; }\n\
enum E { case A; }\n\
try { b(); } catch ( Exception ) { }\n\
$g = strlen( ... );\n\
a( x: 1 );\n\
$l = array_is_list( array() );\n\
final class R { public readonly int $r; }\n\
if ( $v instanceof Stringable ) {}\n",
        );
        let _ = std::fs::write(
            &older,
            "<?php\nfunction c( ?string $x, array $y = array(), int ...$z ): ?string { return $x ?? null; }\n\
$h = fn( $n ) => $n * 2;\n\
$ok = str_contains( 'a', 'b' ) ? X : Y;\n\
switch ( $q ) { case FOO: break; }\n\
try { c( null ); } catch ( Exception $e ) { }\n\
$s = static function () use ( $h ) { return $h; };\n\
c( ...$list );\n",
        );
        let scan = |file: &std::path::Path| {
            std::process::Command::new("php")
                .arg(root().join("tests/wordpress/php74.php"))
                .arg(file)
                .output()
                .map(|out| {
                    (
                        out.status.code(),
                        String::from_utf8_lossy(&out.stdout).into_owned(),
                    )
                })
                .unwrap_or((None, String::new()))
        };
        let (newer_code, newer_out) = scan(&newer);
        let (older_code, older_out) = scan(&older);
        let _ = std::fs::remove_dir_all(&dir);
        assert_eq!(older_code, Some(0), "PHP 7.4 code passes: {older_out}");
        assert_eq!(newer_code, Some(1), "PHP 8 code fails: {newer_out}");
        for expected in [
            "a union type",
            "the type mixed",
            "new in a parameter's default value",
            "a trailing comma in a parameter",
            "the return type static",
            "the return type null",
            "constructor property promotion",
            "a trailing comma in a use list",
            "?->",
            "match",
            "an attribute",
            "the return type never",
            "enum",
            "a catch without a variable",
            "a first-class callable",
            "the named argument x:",
            "array_is_list()",
            "readonly",
            "Stringable",
        ] {
            assert!(newer_out.contains(expected), "{expected:?} in {newer_out}");
        }
    }
}
