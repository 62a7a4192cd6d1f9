//! The WordPress plugin's translations, in `wordpress/thing-prompts/languages/`:
//!
//! - `thing-prompts.pot`: every string of the PHP files and of the editor script, taken out by
//!   Debian's `xgettext` with WordPress's keywords, plus the strings WordPress translates itself
//!   (the plugin header's name, description and author; block.json's title, description and
//!   keywords, with the contexts WordPress gives them);
//! - `thing-prompts-<locale>.po` for French, German and Spanish, merged with the template by
//!   `msgmerge`, and their `.mo` (`msgfmt`), which `load_plugin_textdomain()` loads;
//! - the editor script's strings of each locale as `thing-prompts-<locale>-<md5>.json` (Jed
//!   format), the name `wp_set_script_translations()` looks for: the md5 of the script's path
//!   inside the plugin, `block/editor.js`.
//!
//! `cargo xtask translations` writes them all; the tests below fail when any is out of date.

use crate::constants::PLUGIN;
use crate::shared::{root, say, Result};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

/// The text domain, also the files' prefix.
const DOMAIN: &str = "thing-prompts";

/// The locales the plugin ships, as WordPress names them (the widget's languages but English).
pub const LOCALES: [&str; 3] = ["de_DE", "es_ES", "fr_FR"];

/// The editor script, as its path inside the plugin (what WordPress hashes for the JSON's name).
const EDITOR_SCRIPT: &str = "block/editor.js";

/// WordPress's translation functions, for PHP and JavaScript alike (xgettext's own defaults,
/// such as `_()` and `gettext()`, are turned off).
const KEYWORDS: [&str; 14] = [
    "__",
    "_e",
    "_x:1,2c",
    "_ex:1,2c",
    "_n:1,2",
    "_nx:1,2,4c",
    "_n_noop:1,2",
    "_nx_noop:1,2,3c",
    "esc_html__",
    "esc_attr__",
    "esc_html_e",
    "esc_attr_e",
    "esc_html_x:1,2c",
    "esc_attr_x:1,2c",
];

fn plugin() -> PathBuf {
    root().join("wordpress").join(PLUGIN)
}

fn languages() -> PathBuf {
    plugin().join("languages")
}

/// The version in Cargo.toml (the plugin's, too).
pub fn version() -> String {
    let manifest = std::fs::read_to_string(root().join("Cargo.toml")).unwrap_or_default();
    manifest
        .lines()
        .find_map(|line| line.strip_prefix("version = "))
        .map(|v| v.trim_matches('"').to_owned())
        .unwrap_or_default()
}

/// A fresh temporary folder for one run (tests run in parallel).
fn scratch() -> Result<PathBuf> {
    use std::sync::atomic::{AtomicU32, Ordering};
    static NEXT: AtomicU32 = AtomicU32::new(0);
    let dir = std::env::temp_dir().join(format!(
        "thing-prompts-i18n-{}-{}",
        std::process::id(),
        NEXT.fetch_add(1, Ordering::Relaxed)
    ));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    Ok(dir)
}

/// Runs a gettext tool in the plugin's folder, failing with what it said.
fn gettext(program: &str, args: &[&str]) -> Result<Vec<u8>> {
    let output = Command::new(program)
        .args(args)
        .current_dir(plugin())
        .stdin(Stdio::null())
        .output()
        .map_err(|e| {
            format!(
                "could not start {program}: {e} (Debian's gettext; cargo xtask test installs it)"
            )
        })?;
    if output.status.success() {
        Ok(output.stdout)
    } else {
        Err(format!(
            "{program} {} failed: {}",
            args.join(" "),
            String::from_utf8_lossy(&output.stderr)
        ))
    }
}

/// The files whose strings are translated, relative to the plugin: its PHP files (not the
/// widget's files, which are not in the repository's copy) and the editor script.
fn sources() -> Result<Vec<String>> {
    let mut found = Vec::new();
    let mut pending = vec![plugin()];
    while let Some(dir) = pending.pop() {
        for entry in std::fs::read_dir(&dir).map_err(|e| format!("{}: {e}", dir.display()))? {
            let path = entry.map_err(|e| e.to_string())?.path();
            let name = path
                .strip_prefix(plugin())
                .map_err(|e| e.to_string())?
                .to_string_lossy()
                .into_owned();
            if path.is_dir() {
                if name != "widget" && name != "languages" {
                    pending.push(path);
                }
            } else if name.ends_with(".php") || name == EDITOR_SCRIPT {
                found.push(name);
            }
        }
    }
    found.sort();
    Ok(found)
}

/// A string as a PO file writes it (one line; gettext's tools wrap it as they like).
fn quoted(text: &str) -> String {
    let mut out = String::from("\"");
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            _ => out.push(c),
        }
    }
    out.push('"');
    out
}

/// The strings WordPress translates without a call in the code: the plugin header's Plugin
/// Name, Description and Author (get_plugin_data()), and block.json's title, description and
/// keywords (register_block_type(), with the contexts of WordPress's block i18n schema).
fn metadata_entries() -> Result<String> {
    let main = std::fs::read_to_string(plugin().join("thing-prompts.php"))
        .map_err(|e| format!("thing-prompts.php: {e}"))?;
    let mut out = String::new();
    for field in ["Plugin Name", "Description", "Author"] {
        let value = main
            .lines()
            .find_map(|line| {
                line.trim_start_matches([' ', '*'])
                    .strip_prefix(&format!("{field}:"))
            })
            .map(str::trim)
            .ok_or_else(|| format!("thing-prompts.php has no {field} header"))?;
        out.push_str(&format!(
            "#. {field} of the plugin\n#: thing-prompts.php\nmsgid {}\nmsgstr \"\"\n\n",
            quoted(value)
        ));
    }
    let block: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(plugin().join("block/block.json"))
            .map_err(|e| format!("block/block.json: {e}"))?,
    )
    .map_err(|e| format!("block/block.json: {e}"))?;
    let mut texts: Vec<(&str, &str)> = Vec::new();
    for (field, context) in [
        ("title", "block title"),
        ("description", "block description"),
    ] {
        if let Some(text) = block.get(field).and_then(|v| v.as_str()) {
            texts.push((context, text));
        }
    }
    for keyword in block
        .get("keywords")
        .and_then(|v| v.as_array())
        .into_iter()
        .flatten()
    {
        if let Some(text) = keyword.as_str() {
            texts.push(("block keyword", text));
        }
    }
    for (context, text) in texts {
        out.push_str(&format!(
            "#: block/block.json\nmsgctxt {}\nmsgid {}\nmsgstr \"\"\n\n",
            quoted(context),
            quoted(text)
        ));
    }
    Ok(out)
}

/// The template as xgettext and msgcat make it now, in `dir`.
fn write_pot(dir: &Path) -> Result<PathBuf> {
    let code = dir.join("code.pot");
    let metadata = dir.join("metadata.pot");
    let pot = dir.join(format!("{DOMAIN}.pot"));
    let mut args: Vec<String> = vec![
        "--from-code=UTF-8".into(),
        "--add-comments=translators:".into(),
        // Files only, no line numbers: the template changes when the strings do, not the code.
        "--add-location=file".into(),
        "--package-name=Thing Prompts".into(),
        format!("--package-version={}", version()),
        "--copyright-holder=Thing Prompts contributors".into(),
        "--msgid-bugs-address=".into(),
        "--keyword".into(),
    ];
    args.extend(KEYWORDS.iter().map(|k| format!("--keyword={k}")));
    args.push(format!("--output={}", code.display()));
    args.extend(sources()?);
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    gettext("xgettext", &args)?;
    // msgcat needs the same header on both inputs to keep it: take the code's.
    let code_text =
        std::fs::read_to_string(&code).map_err(|e| format!("{}: {e}", code.display()))?;
    let header_end = code_text.find("\n\n").map_or(0, |at| at + 2);
    std::fs::write(
        &metadata,
        format!("{}{}", &code_text[..header_end], metadata_entries()?),
    )
    .map_err(|e| format!("{}: {e}", metadata.display()))?;
    gettext(
        "msgcat",
        &[
            "--use-first",
            &format!("--output-file={}", pot.display()),
            &code.to_string_lossy(),
            &metadata.to_string_lossy(),
        ],
    )?;
    let text = std::fs::read_to_string(&pot).map_err(|e| format!("{}: {e}", pot.display()))?;
    let text = text
        .replacen(
            "# SOME DESCRIPTIVE TITLE.",
            "# The strings of the WordPress plugin Thing Prompts (cargo xtask translations).",
            1,
        )
        .replacen(
            "\"Content-Transfer-Encoding: 8bit\\n\"\n",
            "\"Content-Transfer-Encoding: 8bit\\n\"\n\"X-Domain: thing-prompts\\n\"\n",
            1,
        );
    std::fs::write(&pot, text).map_err(|e| format!("{}: {e}", pot.display()))?;
    Ok(pot)
}

/// A template's text without its creation date, to compare two templates.
fn without_date(pot: &str) -> String {
    pot.lines()
        .filter(|line| !line.starts_with("\"POT-Creation-Date:"))
        .collect::<Vec<_>>()
        .join("\n")
}

/// One message of a PO file.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct Message {
    pub context: Option<String>,
    pub id: String,
    pub plural: Option<String>,
    /// `msgstr`, or `msgstr[0]`, `msgstr[1]`… for a plural.
    pub strs: Vec<String>,
    /// The `#:` references.
    pub references: Vec<String>,
    pub fuzzy: bool,
}

/// Reads a PO string literal (the part in quotes) with its escapes.
fn unquote(text: &str) -> Result<String> {
    let inner = text
        .trim()
        .strip_prefix('"')
        .and_then(|t| t.strip_suffix('"'))
        .ok_or_else(|| format!("not a quoted string: {text}"))?;
    let mut out = String::new();
    let mut chars = inner.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('n') => out.push('\n'),
            Some('t') => out.push('\t'),
            Some('r') => out.push('\r'),
            Some('"') => out.push('"'),
            Some('\\') => out.push('\\'),
            other => return Err(format!("unknown escape \\{other:?} in {text}")),
        }
    }
    Ok(out)
}

/// The messages of a PO file (the header is the one with an empty id); obsolete ones (`#~`)
/// are left out.
pub fn parse_po(text: &str) -> Result<Vec<Message>> {
    let mut messages = Vec::new();
    let mut current = Message::default();
    let mut started = false;
    // Which string a continuation line ("…") adds to.
    #[derive(Clone, Copy)]
    enum Field {
        None,
        Context,
        Id,
        Plural,
        Str(usize),
    }
    let mut field = Field::None;
    let mut finish = |message: &mut Message, started: &mut bool| {
        if *started {
            messages.push(std::mem::take(message));
        }
        *message = Message::default();
        *started = false;
    };
    for (number, line) in text.lines().enumerate() {
        let line = line.trim_end();
        let fail = |e: String| format!("line {}: {e}", number + 1);
        if line.is_empty() {
            finish(&mut current, &mut started);
            field = Field::None;
        } else if line.starts_with("#~") {
            continue;
        } else if let Some(refs) = line.strip_prefix("#:") {
            if started && !matches!(field, Field::None) {
                finish(&mut current, &mut started);
            }
            current
                .references
                .extend(refs.split_whitespace().map(str::to_owned));
        } else if let Some(flags) = line.strip_prefix("#,") {
            current.fuzzy |= flags.split(',').any(|f| f.trim() == "fuzzy");
        } else if line.starts_with('#') {
            continue;
        } else if let Some(rest) = line.strip_prefix("msgctxt ") {
            if started && !matches!(field, Field::None) {
                finish(&mut current, &mut started);
            }
            current.context = Some(unquote(rest).map_err(fail)?);
            field = Field::Context;
            started = true;
        } else if let Some(rest) = line.strip_prefix("msgid_plural ") {
            current.plural = Some(unquote(rest).map_err(fail)?);
            field = Field::Plural;
        } else if let Some(rest) = line.strip_prefix("msgid ") {
            if started && !matches!(field, Field::Context) {
                finish(&mut current, &mut started);
            }
            current.id = unquote(rest).map_err(fail)?;
            field = Field::Id;
            started = true;
        } else if let Some(rest) = line.strip_prefix("msgstr[") {
            let (index, value) = rest
                .split_once("] ")
                .ok_or_else(|| fail(format!("bad msgstr[]: {line}")))?;
            let index: usize = index
                .parse()
                .map_err(|_| fail(format!("bad index: {line}")))?;
            if current.strs.len() <= index {
                current.strs.resize(index + 1, String::new());
            }
            current.strs[index] = unquote(value).map_err(fail)?;
            field = Field::Str(index);
        } else if let Some(rest) = line.strip_prefix("msgstr ") {
            current.strs = vec![unquote(rest).map_err(fail)?];
            field = Field::Str(0);
        } else if line.starts_with('"') {
            let more = unquote(line).map_err(fail)?;
            match field {
                Field::Context => current
                    .context
                    .get_or_insert_with(String::new)
                    .push_str(&more),
                Field::Id => current.id.push_str(&more),
                Field::Plural => current
                    .plural
                    .get_or_insert_with(String::new)
                    .push_str(&more),
                Field::Str(i) => current.strs[i].push_str(&more),
                Field::None => return Err(fail("a string outside a message".into())),
            }
        } else {
            return Err(fail(format!("not PO: {line}")));
        }
    }
    finish(&mut current, &mut started);
    Ok(messages)
}

/// A header field of a PO file (`Plural-Forms`, `PO-Revision-Date`…).
fn header_field(messages: &[Message], name: &str) -> Option<String> {
    let header = messages
        .iter()
        .find(|m| m.id.is_empty() && m.context.is_none())?;
    header.strs.first()?.lines().find_map(|line| {
        line.strip_prefix(&format!("{name}:"))
            .map(|v| v.trim().to_owned())
    })
}

/// The md5 of a text as hex, by coreutils' md5sum (what PHP's md5() gives).
fn md5_hex(text: &str) -> Result<String> {
    let mut child = Command::new("md5sum")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .map_err(|e| format!("could not start md5sum: {e}"))?;
    child
        .stdin
        .take()
        .ok_or("md5sum: no stdin")?
        .write_all(text.as_bytes())
        .map_err(|e| format!("md5sum: {e}"))?;
    let out = child.wait_with_output().map_err(|e| e.to_string())?;
    let hex: String = String::from_utf8_lossy(&out.stdout)
        .chars()
        .take_while(char::is_ascii_hexdigit)
        .collect();
    if hex.len() == 32 {
        Ok(hex)
    } else {
        Err("md5sum gave no hash".into())
    }
}

/// The JSON file's name for a locale: `thing-prompts-<locale>-<md5 of block/editor.js>.json`,
/// as load_script_textdomain() computes it for a plugin's script.
pub fn json_name(locale: &str) -> Result<String> {
    Ok(format!(
        "{DOMAIN}-{locale}-{}.json",
        md5_hex(EDITOR_SCRIPT)?
    ))
}

/// The editor script's translations of one locale in the Jed format that wp.i18n reads:
/// every translated, not fuzzy message that the script uses, keyed by `context\u{4}id` or `id`.
pub fn jed_json(po: &str, locale: &str) -> Result<String> {
    let messages = parse_po(po)?;
    let mut data = serde_json::Map::new();
    let mut header = serde_json::Map::new();
    header.insert("domain".into(), "messages".into());
    header.insert("lang".into(), locale.into());
    header.insert(
        "plural-forms".into(),
        header_field(&messages, "Plural-Forms")
            .ok_or("the PO file has no Plural-Forms header")?
            .into(),
    );
    data.insert(String::new(), header.into());
    for message in &messages {
        let used = message
            .references
            .iter()
            .any(|r| r == EDITOR_SCRIPT || r.starts_with(&format!("{EDITOR_SCRIPT}:")));
        if message.id.is_empty()
            || !used
            || message.fuzzy
            || message.strs.iter().any(String::is_empty)
        {
            continue;
        }
        let key = match &message.context {
            Some(context) => format!("{context}\u{4}{}", message.id),
            None => message.id.clone(),
        };
        data.insert(key, message.strs.clone().into());
    }
    let mut locale_data = serde_json::Map::new();
    locale_data.insert("messages".into(), data.into());
    let mut top = serde_json::Map::new();
    top.insert(
        "translation-revision-date".into(),
        header_field(&messages, "PO-Revision-Date")
            .unwrap_or_default()
            .into(),
    );
    top.insert("generator".into(), "cargo xtask translations".into());
    top.insert("source".into(), EDITOR_SCRIPT.into());
    top.insert("domain".into(), "messages".into());
    top.insert("locale_data".into(), locale_data.into());
    serde_json::to_string(&serde_json::Value::Object(top))
        .map(|text| text + "\n")
        .map_err(|e| e.to_string())
}

/// Every file of languages/ as it should be now, made in `dir`: (file name, bytes). The
/// template is made from the code; the PO files are the committed ones merged with the
/// committed template (whose creation date they carry, as the .mo files do), so that a template
/// out of date is reported once, as itself.
fn expected_files(dir: &Path) -> Result<Vec<(String, Vec<u8>)>> {
    let fresh = write_pot(dir)?;
    let mut files = vec![(
        format!("{DOMAIN}.pot"),
        std::fs::read(&fresh).map_err(|e| e.to_string())?,
    )];
    let pot = languages().join(format!("{DOMAIN}.pot"));
    for locale in LOCALES {
        let name = format!("{DOMAIN}-{locale}");
        let committed = languages().join(format!("{name}.po"));
        let po = dir.join(format!("{name}.po"));
        let mo = dir.join(format!("{name}.mo"));
        gettext(
            "msgmerge",
            &[
                "--quiet",
                "--no-fuzzy-matching",
                &format!("--output-file={}", po.display()),
                &committed.to_string_lossy(),
                &pot.to_string_lossy(),
            ],
        )?;
        gettext(
            "msgfmt",
            &[
                "--check",
                &format!("--output-file={}", mo.display()),
                &po.to_string_lossy(),
            ],
        )?;
        let po_text = std::fs::read_to_string(&po).map_err(|e| e.to_string())?;
        files.push((json_name(locale)?, jed_json(&po_text, locale)?.into_bytes()));
        files.push((format!("{name}.po"), po_text.into_bytes()));
        files.push((
            format!("{name}.mo"),
            std::fs::read(&mo).map_err(|e| e.to_string())?,
        ));
    }
    Ok(files)
}

/// What is wrong with the committed translations: a file out of date (the template compared
/// without its creation date), a message untranslated or fuzzy.
pub fn problems() -> Result<Vec<String>> {
    let dir = scratch()?;
    let expected = expected_files(&dir);
    let _ = std::fs::remove_dir_all(&dir);
    let mut problems = Vec::new();
    for (name, bytes) in expected? {
        let committed = std::fs::read(languages().join(&name)).unwrap_or_default();
        let same = if name.ends_with(".pot") {
            without_date(&String::from_utf8_lossy(&committed))
                == without_date(&String::from_utf8_lossy(&bytes))
        } else {
            committed == bytes
        };
        if !same {
            problems.push(format!(
                "languages/{name} is not up to date (cargo xtask translations)"
            ));
        }
        if name.ends_with(".po") {
            for message in parse_po(&String::from_utf8_lossy(&bytes))? {
                if message.id.is_empty() {
                    continue;
                }
                if message.fuzzy || message.strs.iter().any(String::is_empty) {
                    problems.push(format!(
                        "languages/{name}: {} \"{}\"",
                        if message.fuzzy {
                            "fuzzy"
                        } else {
                            "untranslated"
                        },
                        message.id
                    ));
                }
            }
        }
    }
    Ok(problems)
}

/// `cargo xtask translations`: the template made again (kept as it is when only its date would
/// change), each PO file merged with it, then the .mo and JSON files made from them.
pub fn write() -> Result {
    let dir = scratch()?;
    let result = (|| {
        std::fs::create_dir_all(languages()).map_err(|e| e.to_string())?;
        let pot = write_pot(&dir)?;
        let target = languages().join(format!("{DOMAIN}.pot"));
        let new = std::fs::read_to_string(&pot).map_err(|e| e.to_string())?;
        let old = std::fs::read_to_string(&target).unwrap_or_default();
        if without_date(&old) != without_date(&new) {
            std::fs::write(&target, &new).map_err(|e| e.to_string())?;
            say(&format!("wrote {}", target.display()));
        }
        for locale in LOCALES {
            let name = format!("{DOMAIN}-{locale}");
            let po = languages().join(format!("{name}.po"));
            if !po.exists() {
                gettext(
                    "msginit",
                    &[
                        "--no-translator",
                        &format!("--locale={locale}.UTF-8"),
                        &format!("--input={}", target.display()),
                        &format!("--output-file={}", po.display()),
                    ],
                )?;
            }
            // Into a new file, then over the old one: `--update` leaves a file alone whose
            // messages are unchanged, even when its layout is not gettext's.
            let merged = dir.join(format!("{name}.po"));
            gettext(
                "msgmerge",
                &[
                    "--quiet",
                    "--no-fuzzy-matching",
                    &format!("--output-file={}", merged.display()),
                    &po.to_string_lossy(),
                    &target.to_string_lossy(),
                ],
            )?;
            std::fs::copy(&merged, &po).map_err(|e| format!("{}: {e}", po.display()))?;
            gettext(
                "msgfmt",
                &[
                    "--check",
                    "--statistics",
                    &format!(
                        "--output-file={}",
                        languages().join(format!("{name}.mo")).display()
                    ),
                    &po.to_string_lossy(),
                ],
            )?;
            let text = std::fs::read_to_string(&po).map_err(|e| e.to_string())?;
            std::fs::write(
                languages().join(json_name(locale)?),
                jed_json(&text, locale)?,
            )
            .map_err(|e| e.to_string())?;
        }
        let left = problems()?;
        if left.is_empty() {
            say("translations up to date");
        } else {
            for problem in &left {
                say(problem);
            }
        }
        Ok(())
    })();
    let _ = std::fs::remove_dir_all(&dir);
    result
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The template, every PO, .mo and JSON file is as `cargo xtask translations` makes it now,
    /// and every message has its translation in French, German and Spanish.
    #[test]
    fn the_translations_are_current_and_complete() {
        match problems() {
            Ok(problems) => assert!(problems.is_empty(), "{}", problems.join("\n")),
            Err(e) => panic!("{e}"),
        }
    }

    /// The template holds the strings of the code, the plugin header and block.json.
    #[test]
    fn the_template_has_each_kind_of_string() {
        let pot =
            std::fs::read_to_string(languages().join("thing-prompts.pot")).unwrap_or_default();
        let messages = parse_po(&pot).unwrap_or_default();
        let has = |context: Option<&str>, id: &str| {
            messages
                .iter()
                .any(|m| m.context.as_deref() == context && m.id == id)
        };
        assert!(has(None, "Widget files"), "a PHP string (settings.php)");
        assert!(
            has(None, "Reworded interface strings"),
            "a JavaScript string (editor.js)"
        );
        assert!(
            has(Some("block title"), "Thing Prompts checklist"),
            "block.json's title"
        );
        assert!(has(None, "Thing Prompts"), "the plugin's name");
        assert!(
            has(Some("block keyword"), "checklist"),
            "a block.json keyword"
        );
    }

    #[test]
    fn po_files_are_read_with_contexts_plurals_references_and_escapes() {
        let po = "msgid \"\"\nmsgstr \"\"\n\"Plural-Forms: nplurals=2; plural=(n > 1);\\n\"\n\"PO-Revision-Date: 2026-12-06 10:00+0000\\n\"\n\n\
#. translators: a comment\n#: block/editor.js includes/render.php\n#, javascript-format, php-format\nmsgid \"Thing %1$d: %2$s\"\nmsgstr \"Thing %1$d : %2$s\"\n\n\
#: block/editor.js\nmsgctxt \"a place\"\nmsgid \"\"\n\"Say \\\"hi\\\"\\n\"\n\"twice\"\nmsgstr \"Dites « salut »\"\n\n\
#: block/editor.js\n#, fuzzy\nmsgid \"Old\"\nmsgstr \"Vieux\"\n\n\
#: block/editor.js\nmsgid \"One tick\"\nmsgid_plural \"%d ticks\"\nmsgstr[0] \"Une coche\"\nmsgstr[1] \"%d coches\"\n\n\
#: includes/render.php\nmsgid \"Only PHP\"\nmsgstr \"Seulement PHP\"\n\n\
#: block/editor.js\nmsgid \"Untranslated\"\nmsgstr \"\"\n\n\
#~ msgid \"Gone\"\n#~ msgstr \"Parti\"\n";
        let messages = parse_po(po).unwrap_or_default();
        assert_eq!(messages.len(), 7, "{messages:?}");
        assert_eq!(
            messages[1].references,
            ["block/editor.js", "includes/render.php"]
        );
        assert_eq!(messages[2].context.as_deref(), Some("a place"));
        assert_eq!(messages[2].id, "Say \"hi\"\ntwice");
        assert!(messages[3].fuzzy);
        assert_eq!(messages[4].plural.as_deref(), Some("%d ticks"));
        assert_eq!(messages[4].strs, ["Une coche", "%d coches"]);

        let json: serde_json::Value =
            serde_json::from_str(&jed_json(po, "fr_FR").unwrap_or_default()).unwrap_or_default();
        let data = &json["locale_data"]["messages"];
        assert_eq!(data[""]["lang"], "fr_FR");
        assert_eq!(data[""]["plural-forms"], "nplurals=2; plural=(n > 1);");
        assert_eq!(json["translation-revision-date"], "2026-12-06 10:00+0000");
        assert_eq!(data["Thing %1$d: %2$s"][0], "Thing %1$d : %2$s");
        assert_eq!(data["a place\u{4}Say \"hi\"\ntwice"][0], "Dites « salut »");
        assert_eq!(data["One tick"][1], "%d coches");
        let keys = data.as_object().map(|o| o.len()).unwrap_or_default();
        assert_eq!(
            keys, 4,
            "no fuzzy, PHP-only or untranslated message: {data}"
        );
    }

    /// WordPress names a plugin script's translations by PHP's md5() of its path in the plugin.
    #[test]
    fn json_names_use_the_md5_of_the_script_path() {
        assert_eq!(
            md5_hex("").as_deref(),
            Ok("d41d8cd98f00b204e9800998ecf8427e")
        );
        assert_eq!(
            md5_hex("The quick brown fox jumps over the lazy dog").as_deref(),
            Ok("9e107d9d372bb6826bd81d3542a419d6")
        );
        let name = json_name("fr_FR").unwrap_or_default();
        assert!(name.starts_with("thing-prompts-fr_FR-") && name.ends_with(".json"));
        assert_eq!(
            name.len(),
            "thing-prompts-fr_FR-".len() + 32 + ".json".len()
        );
    }
}
