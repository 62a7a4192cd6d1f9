//! The core's data in words, in the widget's language: the line above the title, the title,
//! the week, where the course stands, what a restore did, why a backup cannot be read or a post
//! link is not kept, and a Thing's outline for the reader's own post. Every sentence a reader
//! sees is made here or in the components, always through the label table.

use crate::core::backup::{BackupError, RestoreReport};
use crate::core::calendar::CalendarWords;
use crate::core::date::CivilDate;
use crate::core::embed::{Heading, Notice, Title, WidgetModel};
use crate::core::outline::{CourseLine, Outline};
use crate::core::post_link::{LinkProblem, LINK_MAX_CHARS};
use crate::core::prompt_id::collapse_whitespace;
use crate::core::record::ThingState;
use crate::core::record_files::{Headings, MarkdownWords};
use crate::view::i18n::{Arg, Label, Labels};

/// What a widget says around its questions.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Words {
    /// The line above the title: "Thing 12 of 23 · 23 Things for Professional Development (2012)".
    pub kicker: Option<String>,
    pub title: String,
    /// The Thing's week: "16 – 22 July 2012".
    pub week: Option<String>,
    /// Where the course stands: "The course starts on …".
    pub notice: Option<String>,
}

fn number(n: u32) -> Arg<'static> {
    Arg::Number(usize::try_from(n).unwrap_or(usize::MAX))
}

impl Words {
    pub fn of(model: &WidgetModel, labels: &Labels) -> Self {
        Self {
            kicker: model
                .heading
                .as_ref()
                .map(|heading| kicker(heading, labels)),
            title: title(&model.title, labels),
            week: model.week.map(|(from, to)| {
                labels.format(
                    Label::Week,
                    &[
                        ("from", Arg::Text(&labels.short_date(from))),
                        ("to", Arg::Text(&labels.short_date(to))),
                    ],
                )
            }),
            notice: model.notice.map(|notice| self::notice(notice, labels)),
        }
    }
}

fn kicker(heading: &Heading, labels: &Labels) -> String {
    match heading {
        Heading::Thing {
            number: thing,
            last,
            course,
        } => {
            let position = labels.format(
                Label::ThingOf,
                &[("thing", number(*thing)), ("total", number(*last))],
            );
            format!("{position} · {course}")
        }
        Heading::Overview { things } => {
            labels.format(Label::Overview, &[("total", Arg::Number(*things))])
        }
    }
}

fn title(title: &Title, labels: &Labels) -> String {
    match title {
        Title::Text(text) => text.clone(),
        // As participants title their posts about a Thing, in every language.
        Title::Numbered { number, name } => format!("Thing {number}: {name}"),
        Title::Questions => labels.text(Label::Questions),
    }
}

fn notice(notice: Notice, labels: &Labels) -> String {
    let dated = |label, date| labels.format(label, &[("date", Arg::Text(&labels.date(date)))]);
    match notice {
        Notice::Starts(date) => dated(Label::Starts, date),
        Notice::CatchUp => labels.text(Label::CatchUp),
        Notice::Finished(date) => dated(Label::Finished, date),
        Notice::CourseOver(date) => dated(Label::CourseOver, date),
        Notice::NoQuestions(thing) => {
            labels.format(Label::NoQuestions, &[("thing", number(thing))])
        }
    }
}

/// What a restore did, in the reader's language: "3 ticks restored across 2 Things."
pub fn restore_report(report: &RestoreReport, labels: &Labels) -> String {
    let restored = Arg::Number(report.restored);
    let already = Arg::Number(report.already);
    let things = Arg::Number(report.things);
    let ticks = match (report.restored, report.already) {
        (0, 0)
            if report.notes > 0 || report.unticked_since > 0 || report.links > 0 || report.name =>
        {
            String::new()
        }
        (0, 0) => labels.text(Label::EmptyBackup),
        // Not "nothing new" when a link or the name came back.
        (0, _) if report.links > 0 || report.name => {
            labels.format(Label::Already, &[("already", already)])
        }
        (0, _) => labels.format(Label::NothingNew, &[("already", already)]),
        (_, 0) => labels.format(
            Label::Restored,
            &[("restored", restored), ("things", things)],
        ),
        _ => format!(
            "{} {}",
            labels.format(
                Label::Restored,
                &[("restored", restored), ("things", things)]
            ),
            labels.format(Label::Already, &[("already", already)])
        ),
    };
    let mut said = vec![ticks];
    if report.unticked_since > 0 {
        said.push(labels.format(
            Label::UntickedSince,
            &[("kept", Arg::Number(report.unticked_since))],
        ));
    }
    if report.notes > 0 {
        said.push(labels.format(
            Label::NotesRestored,
            &[("notes", Arg::Number(report.notes))],
        ));
    }
    if report.links > 0 {
        said.push(labels.format(
            Label::LinksRestored,
            &[("links", Arg::Number(report.links))],
        ));
    }
    if report.name {
        said.push(labels.text(Label::NameRestored));
    }
    said.retain(|part| !part.is_empty());
    said.join(" ")
}

/// How far the reader got with a Thing, as the list of Things and the course record say it:
/// not started, n of m answered, finished on the day `date_of` gives the finishing stamp (the
/// reader's own, in the browser).
pub fn thing_state(
    state: ThingState,
    labels: &Labels,
    date_of: impl Fn(u64) -> CivilDate,
) -> String {
    match state {
        ThingState::NotStarted => labels.text(Label::NotStarted),
        ThingState::Answered { answered, total } => labels.format(
            Label::Answered,
            &[
                ("done", Arg::Number(answered)),
                ("total", Arg::Number(total)),
            ],
        ),
        ThingState::Finished { at } => labels.format(
            Label::FinishedOn,
            &[("date", Arg::Text(&labels.short_date(date_of(at))))],
        ),
    }
}

/// Why an address was not kept as the link to the reader's post, in the reader's language.
pub fn link_problem(problem: &LinkProblem, labels: &Labels) -> String {
    match problem {
        LinkProblem::Empty => labels.text(Label::LinkEmpty),
        LinkProblem::TooLong { chars } => labels.format(
            Label::LinkTooLong,
            &[
                ("chars", Arg::Number(*chars)),
                ("max", Arg::Number(LINK_MAX_CHARS)),
            ],
        ),
        LinkProblem::Script(scheme) => {
            labels.format(Label::LinkScript, &[("scheme", Arg::Text(scheme))])
        }
        LinkProblem::OtherScheme(scheme) => {
            labels.format(Label::LinkOtherScheme, &[("scheme", Arg::Text(scheme))])
        }
        LinkProblem::NoScheme => labels.text(Label::LinkNoScheme),
        LinkProblem::NoHost => labels.text(Label::LinkNoHost),
        LinkProblem::BadHost => labels.text(Label::LinkBadHost),
        LinkProblem::Credentials => labels.text(Label::LinkCredentials),
        LinkProblem::BadPort => labels.text(Label::LinkBadPort),
        LinkProblem::BadCharacter(_) => labels.text(Label::LinkBadCharacter),
    }
}

/// Why a backup cannot be read, as the reader is told it.
pub fn backup_problem(error: &BackupError) -> Label {
    match error {
        BackupError::Empty => Label::BackupEmpty,
        BackupError::NotABackup | BackupError::BadCourse(_) => Label::BackupNotOurs,
        BackupError::NewerFormat(_) => Label::BackupNewer,
        BackupError::DamagedCode(_) | BackupError::DamagedProgress(_) => Label::BackupDamaged,
    }
}

/// Stands for the course's name while the label is filled in, to find where the name goes.
/// (A character from the Private Use Area: it never comes out of a label by itself.)
const NAME_MARK: &str = "\u{e000}";

/// The outline of the Thing a checklist shows, in the widget's language.
pub fn outline(model: &WidgetModel, labels: &Labels) -> Outline {
    let pinned = model.thing_key.parse::<u32>().ok();
    let thing = model
        .programme
        .as_ref()
        .zip(pinned)
        .and_then(|(programme, n)| programme.thing(n));
    let shown = collapse_whitespace(&title(&model.title, labels));
    // A bundled Thing's title is only its name: give it its number, the way participants
    // titled their posts. An inline list's own heading is kept as the participant wrote it.
    let title = match thing {
        Some(thing)
            if shown == collapse_whitespace(&thing.title)
                || shown == format!("Thing {}: {}", thing.number, thing.title) =>
        {
            labels.format(
                Label::OutlineTitle,
                &[
                    ("thing", number(thing.number)),
                    ("title", Arg::Text(&collapse_whitespace(&thing.title))),
                ],
            )
        }
        _ => shown,
    };
    let course = model.programme.as_ref().map(|programme| {
        let line = labels.format(Label::OutlinePartOf, &[("programme", Arg::Text(NAME_MARK))]);
        let (before, name, after) = match line.split_once(NAME_MARK) {
            Some((before, after)) => (before, programme.title.clone(), after),
            None => (line.as_str(), String::new(), ""),
        };
        CourseLine {
            before: before.replace(NAME_MARK, ""),
            name,
            after: after.replace(NAME_MARK, ""),
            link: model.link.clone(),
        }
    });
    Outline::new(&title, course, &model.prompts)
}

/// The words of a course calendar's events, in the widget's language (the full module's).
/// They reuse labels the widget has anyway: each new label's key would be in the first download.
pub fn calendar_words(labels: &Labels) -> CalendarWords {
    let catch_up = labels.text(Label::CatchUp);
    // "This is a catch-up week: no new Thing, …": the clause before the colon names the event,
    // the whole sentence describes it.
    let summary = catch_up
        .split(':')
        .next()
        .unwrap_or_default()
        .trim()
        .to_owned();
    CalendarWords {
        // The same title as a Thing's outline, and the same rewording when the organiser gave one.
        thing: labels.text(Label::OutlineTitle),
        catch_up: summary,
        catch_up_description: catch_up,
    }
}

/// The words of the course record's files (and of its view), in the widget's language: owned
/// here, lent to the core's writers as `Headings` and `MarkdownWords`.
pub struct RecordWords {
    pub heading: String,
    pub name: String,
    pub number: String,
    pub title: String,
    pub answered: String,
    pub total: String,
    pub state: String,
    pub finished: String,
    pub link: String,
    pub not_started: String,
    pub finished_state: String,
}

impl RecordWords {
    /// The record of `course` (its title) in `labels`' language.
    pub fn of(labels: &Labels, course: &str) -> Self {
        Self {
            heading: labels.format(Label::RecordHeading, &[("course", Arg::Text(course))]),
            name: labels.text(Label::RecordNameLine),
            number: labels.text(Label::RecordColThing),
            title: labels.text(Label::RecordColTitle),
            answered: labels.text(Label::RecordColAnswered),
            total: labels.text(Label::RecordColTotal),
            state: labels.text(Label::RecordColState),
            finished: labels.text(Label::RecordColFinished),
            link: labels.text(Label::MyPost),
            not_started: labels.text(Label::NotStarted),
            finished_state: labels.text(Label::RecordStateFinished),
        }
    }

    /// The files' column headings.
    pub fn headings(&self) -> Headings<'_> {
        Headings {
            number: &self.number,
            title: &self.title,
            answered: &self.answered,
            total: &self.total,
            state: &self.state,
            finished: &self.finished,
            link: &self.link,
        }
    }

    /// The Markdown file's words; `answered` writes "2 of 5 answered".
    pub fn markdown<'a>(
        &'a self,
        answered: &'a dyn Fn(usize, usize) -> String,
    ) -> MarkdownWords<'a> {
        MarkdownWords {
            heading: &self.heading,
            name: &self.name,
            headings: self.headings(),
            not_started: &self.not_started,
            answered,
            finished: &self.finished_state,
        }
    }
}
