//! The course record as files a participant keeps: CSV (RFC 4180) for a spreadsheet or a CPD
//! log, Markdown for a post or a portfolio. The words (column headings, the state of a Thing,
//! the heading) come from the view in the reader's language; everything is escaped for its
//! format here, so that no title, name or link can change the file's structure.
//!
//! CSV is written by hand: the well-kept `csv-core` crate's writer added about 16 KB (gzip) to a
//! WebAssembly test build, for quoting that takes a dozen lines. Tests read the files back with
//! the `csv` crate.
//!
//! The CSV file is meant for spreadsheets, which read a cell starting with `=`, `+`, `-` or `@`
//! as a formula (and Excel skips a leading tab or carriage return before deciding): titles come
//! from an organiser and links from a participant, so such a cell is written with a `'` first,
//! which spreadsheets show as text. The file starts with a UTF-8 byte order mark, without which
//! Excel reads it in the machine's legacy code page and garbles accented titles.

use crate::date::CivilDate;
use crate::outline::{escape_block_start, escape_markdown};
use crate::post_link::PostLink;
use crate::prompt_id::collapse_whitespace;
use crate::record::RecordRow;
use std::fmt::Write;

/// The column headings, in the reader's language. The CSV file has six columns: number, title,
/// answered, total, finished, link. The Markdown table has five: number, title, state,
/// finished, link.
#[derive(Clone, Copy, Debug)]
pub struct Headings<'a> {
    pub number: &'a str,
    pub title: &'a str,
    pub answered: &'a str,
    pub total: &'a str,
    pub state: &'a str,
    pub finished: &'a str,
    pub link: &'a str,
}

/// The byte order mark the CSV file starts with (see the module's notes).
pub const CSV_BOM: char = '\u{feff}';

/// The record as CSV: a byte order mark, a row of headings, then one row a Thing (number,
/// title, questions answered, questions that count, the finish date as `YYYY-MM-DD` or empty,
/// the link or empty). Lines end with CR LF; a field a spreadsheet would take for a formula
/// starts with `'`; a field with a comma, a double quote or a line break is quoted, its double
/// quotes doubled.
pub fn csv(headings: &Headings<'_>, rows: &[RecordRow]) -> String {
    let mut out = String::from(CSV_BOM);
    let top = [
        headings.number,
        headings.title,
        headings.answered,
        headings.total,
        headings.finished,
        headings.link,
    ];
    csv_line(&mut out, top.iter().map(|heading| (*heading).to_owned()));
    for row in rows {
        csv_line(
            &mut out,
            [
                row.number.to_string(),
                row.title.clone(),
                row.answered.to_string(),
                row.total.to_string(),
                row.finished.map(|day| day.to_string()).unwrap_or_default(),
                row.link
                    .as_ref()
                    .map(PostLink::to_string)
                    .unwrap_or_default(),
            ],
        );
    }
    out
}

/// One CSV record, each field quoted where RFC 4180 asks for it.
fn csv_line(out: &mut String, fields: impl IntoIterator<Item = String>) {
    for (i, field) in fields.into_iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        let field = if field.starts_with(['=', '+', '-', '@', '\t', '\r']) {
            format!("'{field}")
        } else {
            field
        };
        if field.contains([',', '"', '\r', '\n']) {
            out.push('"');
            out.push_str(&field.replace('"', "\"\""));
            out.push('"');
        } else {
            out.push_str(&field);
        }
    }
    out.push_str("\r\n");
}

/// The name offered for a record's download: `thing-prompts-record-<course>-<date>.<extension>`
/// (the course's id, today's date), beside the backup's `thing-prompts-<course>-<date>.json`.
pub fn file_name(course: &str, today: CivilDate, extension: &str) -> String {
    let course = course.trim_start_matches('~');
    format!("thing-prompts-record-{course}-{today}.{extension}")
}

/// The words of the Markdown record, in the reader's language.
pub struct MarkdownWords<'a> {
    /// The document's heading (for example the course's title).
    pub heading: &'a str,
    /// Said before the participant's name ("Participant").
    pub name: &'a str,
    pub headings: Headings<'a>,
    /// The state of a Thing with no question ticked.
    pub not_started: &'a str,
    /// The state of a Thing begun: `answered` of `total` ("2 of 5").
    pub answered: &'a dyn Fn(usize, usize) -> String,
    /// The state of a finished Thing (its date has a column of its own).
    pub finished: &'a str,
}

/// The record as Markdown: the heading, the participant's name when there is one, and a table
/// with a row a Thing (number, title, state, finish date as `YYYY-MM-DD`, link).
pub fn markdown(words: &MarkdownWords<'_>, name: Option<&str>, rows: &[RecordRow]) -> String {
    let mut out = format!(
        "# {}\n\n",
        escape_markdown(&collapse_whitespace(words.heading))
    );
    if let Some(name) = name.filter(|name| !name.trim().is_empty()) {
        let line = format!("{}: {}", words.name, name);
        out.push_str(&escape_block_start(&escape_markdown(&collapse_whitespace(
            &line,
        ))));
        out.push_str("\n\n");
    }
    let h = &words.headings;
    table_line(
        &mut out,
        [h.number, h.title, h.state, h.finished, h.link].map(cell),
    );
    out.push_str("| ---: | --- | --- | --- | --- |\n");
    for row in rows {
        let state = if row.finished.is_some() {
            words.finished.to_owned()
        } else if row.answered == 0 {
            words.not_started.to_owned()
        } else {
            (words.answered)(row.answered, row.total)
        };
        table_line(
            &mut out,
            [
                row.number.to_string(),
                cell(&row.title),
                cell(&state),
                row.finished.map(|day| day.to_string()).unwrap_or_default(),
                row.link.as_ref().map(autolink).unwrap_or_default(),
            ],
        );
    }
    out
}

/// Text for a table cell: on one line, with what Markdown would read as markup (a `|` among
/// it) escaped.
fn cell(text: &str) -> String {
    escape_markdown(&collapse_whitespace(text))
}

fn table_line(out: &mut String, cells: [String; 5]) {
    out.push('|');
    for cell in cells {
        let _ = write!(out, " {cell} |");
    }
    out.push('\n');
}

/// A link as a Markdown autolink, `<https://…>`. A checked link has no space, `<` or `>`,
/// which would end it; a `|` would end the table cell, so it is percent-encoded (the same
/// address).
fn autolink(link: &PostLink) -> String {
    format!("<{}>", link.as_str().replace('|', "%7C"))
}
