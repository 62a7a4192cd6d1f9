//! The snippet an organiser pastes into a post, built from the configurator's choices.
//!
//! It follows the embed contract (README "Paste it into a post" and "Programmes"): one
//! `div.thing-prompts` placeholder whose data attributes say what to show, with a static copy
//! inside it (the Thing's title and its questions as plain HTML, for feeds, email and readers
//! without JavaScript), then the loader's `<script>` tag. The configurator's preview mounts the
//! same [`Placeholder`], so what the organiser sees is what the post will show.

use crate::embed::{Theme, ThingChoice, View};
use crate::programme::{Programme, Thing};
use crate::prompt_id::{collapse_whitespace, PromptId};

/// Where the widget gets the programme from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Source {
    /// A bundled programme, by id (`data-programme`).
    Bundled(String),
    /// A programme's JSON, pasted into the post as a block inside the placeholder.
    Pasted(String),
    /// A programme file on the web (`data-programme-src`).
    Url(String),
}

/// What the organiser chose.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Options {
    pub source: Source,
    pub thing: ThingChoice,
    pub view: View,
    pub theme: Theme,
    /// `data-lang`; `None` (or blank) follows the post's language.
    pub lang: Option<String>,
    /// `data-label-<key>` overrides as (key, text); unknown keys and blank texts are left out.
    pub labels: Vec<(String, String)>,
    /// The address of `thing-prompts.js`.
    pub loader_url: String,
    /// A notes box under each question (`data-notes="on"`; checklists only).
    pub notes: bool,
}

/// The class of a programme block on the page (see `web::page`).
pub const PROGRAMME_BLOCK_CLASS: &str = "thing-prompts-programme";

/// One placeholder: its attributes (the class first) and what it holds.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Placeholder {
    pub attributes: Vec<(String, String)>,
    /// The static copy's first line, written in bold: the Thing's (or the course's) title.
    pub heading: String,
    /// The questions as a `<ul>`, which the widget reads as the Thing's prompts (none: no list).
    pub list: Vec<String>,
    /// Further lines of the static copy, each a paragraph: questions that must not become an
    /// inline list (see [`inline_safe`]), or a sentence about what appears there.
    pub lines: Vec<String>,
    /// The programme block's text (a pasted programme), with every `<` written as `\u003c` so
    /// that nothing in it can end the `<script>` element or start a comment in it.
    pub block: Option<String>,
}

/// The snippet: the placeholder and the finished HTML to paste.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Snippet {
    pub placeholder: Placeholder,
    pub html: String,
}

/// Text for HTML: `&`, `<` and `>` as character references.
pub fn escape_text(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            _ => out.push(c),
        }
    }
    out
}

/// A value for a double-quoted HTML attribute (quotes of both kinds as references too).
pub fn escape_attribute(text: &str) -> String {
    escape_text(text)
        .replace('"', "&quot;")
        .replace('\'', "&#39;")
}

/// JSON text safe inside `<script type="application/json">`: in valid JSON a `<` can only be in
/// a string, where `\u003c` means the same, so `</script>` and `<!--` cannot appear.
pub fn escape_json_block(json: &str) -> String {
    json.trim().replace('<', "\\u003c")
}

/// Whether a Thing's questions can go into the post as a list: the widget reads a list inside
/// the placeholder as the questions (inline mode), with ids derived from their text and none
/// optional, so that only keeps the ticks where the programme does the same.
pub fn inline_safe(thing: &Thing) -> bool {
    !thing.prompts.is_empty()
        && thing.prompts.iter().all(|prompt| {
            let text = collapse_whitespace(&prompt.text);
            !prompt.optional && !text.is_empty() && prompt.id == PromptId::from_text(&text)
        })
}

/// Builds the snippet. `programme` is the chosen programme when it could be read (the bundled
/// file, the pasted JSON, the fetched URL): it gives the static copy; without it the copy says
/// only what will appear. `is_label` tells a label key from a mistyped one (the label table
/// is the view's).
pub fn build(
    options: &Options,
    programme: Option<&Programme>,
    is_label: impl Fn(&str) -> bool,
) -> Snippet {
    let placeholder = placeholder(options, programme, is_label);
    let html = render(&placeholder, &options.loader_url);
    Snippet { placeholder, html }
}

fn placeholder(
    options: &Options,
    programme: Option<&Programme>,
    is_label: impl Fn(&str) -> bool,
) -> Placeholder {
    let mut attributes = vec![("class".to_owned(), "thing-prompts".to_owned())];
    let mut block = None;
    match &options.source {
        Source::Bundled(id) => attributes.push(("data-programme".into(), id.trim().to_owned())),
        Source::Url(url) => attributes.push(("data-programme-src".into(), url.trim().to_owned())),
        // Without data-programme, a programme block inside the placeholder is its own.
        Source::Pasted(json) => block = Some(escape_json_block(json)),
    }
    match (options.view, options.thing) {
        (View::Overview, _) => attributes.push(("data-view".into(), "overview".into())),
        (View::Checklist, ThingChoice::Current) => {
            attributes.push(("data-thing".into(), "current".into()));
        }
        (View::Checklist, ThingChoice::Number(n)) => {
            attributes.push(("data-thing".into(), n.to_string()));
        }
    }
    if options.notes && options.view == View::Checklist {
        attributes.push(("data-notes".into(), "on".into()));
    }
    if options.theme != Theme::Auto {
        attributes.push(("data-theme".into(), options.theme.name().into()));
    }
    if let Some(lang) = options
        .lang
        .as_deref()
        .map(str::trim)
        .filter(|l| !l.is_empty())
    {
        attributes.push(("data-lang".into(), lang.to_owned()));
    }
    for (key, text) in &options.labels {
        let key = key.trim().to_ascii_lowercase();
        let known = is_label(&key);
        let taken = attributes
            .iter()
            .any(|(name, _)| *name == format!("data-label-{key}"));
        if known && !taken && !text.trim().is_empty() {
            attributes.push((format!("data-label-{key}"), text.clone()));
        }
    }
    let (heading, list, lines) = static_copy(options, programme);
    Placeholder {
        attributes,
        heading,
        list,
        lines,
        block,
    }
}

/// The static copy: a heading line, the list of questions, further lines.
fn static_copy(
    options: &Options,
    programme: Option<&Programme>,
) -> (String, Vec<String>, Vec<String>) {
    let course = programme.map(|p| p.title.clone());
    match (options.view, options.thing) {
        (View::Overview, _) => {
            // The overview shows every Thing: its static copy lists them (the widget ignores a
            // list in an overview).
            let things = programme
                .map(|p| {
                    p.things
                        .iter()
                        .map(|t| format!("Thing {}: {}", t.number, t.title))
                        .collect()
                })
                .unwrap_or_default();
            (
                course.unwrap_or_else(|| "The course".into()),
                things,
                vec!["Your progress on each Thing appears here.".into()],
            )
        }
        // This week's Thing changes every week: a list written now would pin last week's
        // questions (and a list makes the widget show exactly those), so only a sentence.
        (View::Checklist, ThingChoice::Current) => (
            course.unwrap_or_else(|| "This week's Thing".into()),
            Vec::new(),
            vec!["This week's Thing and its questions appear here.".into()],
        ),
        (View::Checklist, ThingChoice::Number(n)) => match programme.and_then(|p| p.thing(n)) {
            Some(thing) => {
                let heading = format!("Thing {}: {}", thing.number, thing.title);
                let questions: Vec<String> = thing
                    .prompts
                    .iter()
                    .map(|p| collapse_whitespace(&p.text))
                    .collect();
                if inline_safe(thing) {
                    (heading, questions, Vec::new())
                } else {
                    (heading, Vec::new(), questions)
                }
            }
            None => (
                format!("Thing {n}"),
                Vec::new(),
                vec!["The questions appear here.".into()],
            ),
        },
    }
}

/// The HTML to paste: the placeholder, then the loader.
fn render(placeholder: &Placeholder, loader_url: &str) -> String {
    let mut html = String::from("<div");
    for (name, value) in &placeholder.attributes {
        html.push_str(&format!(" {name}=\"{}\"", escape_attribute(value)));
    }
    html.push_str(">\n");
    html.push_str(&format!(
        "  <p><strong>{}</strong></p>\n",
        escape_text(&placeholder.heading)
    ));
    if !placeholder.list.is_empty() {
        html.push_str("  <ul>\n");
        for item in &placeholder.list {
            html.push_str(&format!("    <li>{}</li>\n", escape_text(item)));
        }
        html.push_str("  </ul>\n");
    }
    for line in &placeholder.lines {
        html.push_str(&format!("  <p>{}</p>\n", escape_text(line)));
    }
    if let Some(block) = &placeholder.block {
        html.push_str(&format!(
            "  <script type=\"application/json\" class=\"{PROGRAMME_BLOCK_CLASS}\">\n{block}\n  </script>\n"
        ));
    }
    html.push_str("</div>\n");
    html.push_str(&format!(
        "<script src=\"{}\" async></script>\n",
        escape_attribute(loader_url.trim())
    ));
    html
}
