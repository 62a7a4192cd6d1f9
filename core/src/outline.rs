//! "Start my post": an outline of one Thing that a participant pastes into their own blog post.
//!
//! Participants answer a Thing in a post of their own, one paragraph per question. The outline
//! gives them the skeleton: the Thing's title, a line naming the course (linked to the
//! organiser's post about the Thing when the programme has one), then each question followed by
//! an empty paragraph for the answer. It comes in three formats: HTML (Blogger's HTML view, a
//! WordPress Custom HTML block), Markdown, and plain text.
//!
//! Everything from the programme, the page or the reader is text: it is escaped for the format,
//! never passed through as markup. Each format takes optional notes, one per question in order,
//! that fill the empty paragraphs (a reader's own drafts, when the widget keeps them).

use crate::programme::Prompt;
use crate::prompt_id::{collapse_whitespace, PromptId};
use crate::snippet::{escape_attribute, escape_text};

/// One of the three ways an outline is written out.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Format {
    /// For Blogger's HTML view and WordPress's Custom HTML block.
    #[default]
    Html,
    Markdown,
    Text,
}

impl Format {
    pub const ALL: [Self; 3] = [Self::Html, Self::Markdown, Self::Text];

    /// A short name for element ids and tests.
    pub fn key(self) -> &'static str {
        match self {
            Self::Html => "html",
            Self::Markdown => "markdown",
            Self::Text => "text",
        }
    }
}

/// The line naming the course: the label's words around the course's name, and the link.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CourseLine {
    /// The words before the course's name ("Part of ").
    pub before: String,
    /// The course's title; empty when an organiser's wording leaves the name out.
    pub name: String,
    /// The words after it (".").
    pub after: String,
    /// The organiser's post about this Thing: only ever an `http:` or `https:` address.
    pub link: Option<String>,
}

/// What an outline holds, whatever the format.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Outline {
    /// "Thing 12: Putting the social into social media", or the heading of an inline list.
    pub title: String,
    /// Present when the widget knows the course.
    pub course: Option<CourseLine>,
    /// The questions in order, each with the id its tick (and a note) is kept under.
    pub questions: Vec<(PromptId, String)>,
}

impl Outline {
    /// The outline of `prompts` under `title`, with the line naming the course when there is
    /// one: its words (in the widget's language, from the view) around the course's `name`.
    pub fn new(title: &str, course: Option<CourseLine>, prompts: &[Prompt]) -> Self {
        Self {
            title: collapse_whitespace(title),
            course: course.map(|line| CourseLine {
                name: collapse_whitespace(&line.name),
                link: line.link.filter(|link| is_web_address(link)),
                ..line
            }),
            questions: prompts
                .iter()
                .map(|p| (p.id.clone(), collapse_whitespace(&p.text)))
                .collect(),
        }
    }

    /// The outline in `format`; `notes[i]`, when given, fills the paragraph after question `i`.
    pub fn render(&self, format: Format, notes: &[Option<&str>]) -> String {
        match format {
            Format::Html => self.html_with(notes),
            Format::Markdown => self.markdown_with(notes),
            Format::Text => self.text_with(notes),
        }
    }

    pub fn html(&self) -> String {
        self.html_with(&[])
    }

    pub fn markdown(&self) -> String {
        self.markdown_with(&[])
    }

    pub fn text(&self) -> String {
        self.text_with(&[])
    }

    /// HTML for a post's body. The post has a title of its own, so the Thing's title is an
    /// `<h2>` (Blogger's and WordPress's editors make "Heading" an `<h2>` too, and leave `<h1>`
    /// to the theme's post title) and each question an `<h3>` under it: headings, rather than
    /// bold paragraphs, let screen reader users of the blog jump from answer to answer. Each
    /// empty paragraph is `<p>&nbsp;</p>`, because both editors delete a `<p></p>` with nothing
    /// in it as soon as the post is opened in their visual view, and the reader's place to write
    /// would go with it.
    pub fn html_with(&self, notes: &[Option<&str>]) -> String {
        let mut out = format!("<h2>{}</h2>\n", escape_text(&self.title));
        if let Some(course) = &self.course {
            let name = match &course.link {
                Some(link) if !course.name.is_empty() => format!(
                    "<a href=\"{}\">{}</a>",
                    escape_attribute(link),
                    escape_text(&course.name)
                ),
                _ => escape_text(&course.name),
            };
            out.push_str(&format!(
                "<p>{}{name}{}</p>\n",
                escape_text(&course.before),
                escape_text(&course.after)
            ));
        }
        for (i, (_, question)) in self.questions.iter().enumerate() {
            out.push_str(&format!("<h3>{}</h3>\n", escape_text(question)));
            let paragraphs = note_paragraphs(note(notes, i));
            if paragraphs.is_empty() {
                out.push_str("<p>&nbsp;</p>\n");
            }
            for lines in paragraphs {
                let lines: Vec<String> = lines.iter().map(|l| escape_text(l)).collect();
                out.push_str(&format!("<p>{}</p>\n", lines.join("<br>\n")));
            }
        }
        out
    }

    /// Markdown: the title as `##`, each question as `###`, blocks a blank line apart; an empty
    /// paragraph is an empty line between two blank ones, so the answer's place shows in the text.
    pub fn markdown_with(&self, notes: &[Option<&str>]) -> String {
        let mut blocks = vec![format!("## {}", escape_markdown(&self.title))];
        if let Some(course) = &self.course {
            let name = escape_markdown(&course.name);
            let name = match &course.link {
                Some(link) if !name.is_empty() => format!("[{name}]({})", markdown_url(link)),
                _ => name,
            };
            blocks.push(escape_block_start(&format!(
                "{}{name}{}",
                escape_markdown(&course.before),
                escape_markdown(&course.after)
            )));
        }
        for (i, (_, question)) in self.questions.iter().enumerate() {
            blocks.push(format!("### {}", escape_markdown(question)));
            let paragraphs = note_paragraphs(note(notes, i));
            if paragraphs.is_empty() {
                blocks.push(String::new());
            }
            for lines in paragraphs {
                let lines: Vec<String> = lines
                    .iter()
                    .map(|l| escape_block_start(&escape_markdown(l)))
                    .collect();
                // A backslash at the end of a line is Markdown's line break.
                blocks.push(lines.join("\\\n"));
            }
        }
        blocks.join("\n\n") + "\n"
    }

    /// Plain text: the same blocks as Markdown without any marks; the link, when there is one,
    /// on a line of its own after the course's name, where no full stop can stick to it.
    pub fn text_with(&self, notes: &[Option<&str>]) -> String {
        let mut blocks = vec![self.title.clone()];
        if let Some(course) = &self.course {
            let mut line = format!("{}{}{}", course.before, course.name, course.after);
            if let Some(link) = &course.link {
                line.push('\n');
                line.push_str(link);
            }
            blocks.push(line);
        }
        for (i, (_, question)) in self.questions.iter().enumerate() {
            blocks.push(question.clone());
            let paragraphs = note_paragraphs(note(notes, i));
            if paragraphs.is_empty() {
                blocks.push(String::new());
            }
            for lines in paragraphs {
                blocks.push(lines.join("\n"));
            }
        }
        blocks.join("\n\n") + "\n"
    }
}

fn note<'a>(notes: &[Option<&'a str>], i: usize) -> Option<&'a str> {
    notes.get(i).copied().flatten()
}

/// A note as paragraphs (split at blank lines), each a list of its lines, trimmed; none for a
/// missing or blank note.
fn note_paragraphs(note: Option<&str>) -> Vec<Vec<String>> {
    let mut paragraphs = Vec::new();
    let mut current: Vec<String> = Vec::new();
    for line in note.unwrap_or("").lines() {
        let line = line.split_whitespace().collect::<Vec<_>>().join(" ");
        if line.is_empty() {
            if !current.is_empty() {
                paragraphs.push(std::mem::take(&mut current));
            }
        } else {
            current.push(line);
        }
    }
    if !current.is_empty() {
        paragraphs.push(current);
    }
    paragraphs
}

/// Whether `link` is an `http:` or `https:` address (programmes are checked already; this keeps
/// any other scheme out of a pasted post whatever the model says).
fn is_web_address(link: &str) -> bool {
    let lower = link.trim_start().to_ascii_lowercase();
    lower.starts_with("https://") || lower.starts_with("http://")
}

/// Inline Markdown text shown as written: the characters that could start emphasis, code, a
/// link, an HTML tag or an autolink, a heading's closing `#`s or strikethrough get a backslash,
/// and `&` when it could start an entity. Line starts are [`escape_block_start`]'s.
pub(crate) fn escape_markdown(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '#' | '~' | '|' => {
                out.push('\\');
                out.push(c);
            }
            '&' if chars
                .peek()
                .is_some_and(|next| next.is_ascii_alphanumeric() || *next == '#') =>
            {
                out.push_str("\\&");
            }
            _ => out.push(c),
        }
    }
    out
}

/// A paragraph line that would otherwise read as a list item or a setext underline.
pub(crate) fn escape_block_start(line: &str) -> String {
    let digits = line.chars().take_while(char::is_ascii_digit).count();
    let after_digits = line.get(digits..).and_then(|rest| rest.chars().next());
    if digits > 0 && matches!(after_digits, Some('.' | ')')) {
        // "2012. A year" would become a numbered list item.
        let number = line.get(..digits).unwrap_or("");
        let rest = line.get(digits..).unwrap_or("");
        return format!("{number}\\{rest}");
    }
    match line.chars().next() {
        Some('-' | '+' | '=') => format!("\\{line}"),
        _ => line.to_owned(),
    }
}

/// A link's address for `[name](…)`: the characters that would end it or break it are
/// percent-encoded, which leaves the address the same.
fn markdown_url(link: &str) -> String {
    let mut out = String::with_capacity(link.len());
    for c in link.trim().chars() {
        match c {
            ' ' => out.push_str("%20"),
            '(' => out.push_str("%28"),
            ')' => out.push_str("%29"),
            '<' => out.push_str("%3C"),
            '>' => out.push_str("%3E"),
            '\\' => out.push_str("%5C"),
            _ if c.is_control() => {}
            _ => out.push(c),
        }
    }
    out
}
