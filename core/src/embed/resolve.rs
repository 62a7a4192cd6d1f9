//! Works out what a placeholder shows: which programme and Thing, its questions, where the
//! course stands, and where the ticks are kept.

use super::{
    EmbedError, Heading, Notice, RawEmbed, Settings, Supplied, SupplyError, ThingChoice, Title,
    View, Warning, WidgetModel, Wording,
};
use crate::date::CivilDate;
use crate::programme::{is_valid_programme_id, Programme, ProgrammeErrors, Prompt, Thing};
use crate::progress::storage_key;
use crate::prompt_id::{collapse_whitespace, PromptId};
use crate::schedule::CourseDay;
use std::rc::Rc;

/// Looks a programme up by id; `None` when no programme has that id.
pub type ProgrammeLookup<'a> = &'a dyn Fn(&str) -> Option<Result<Programme, ProgrammeErrors>>;

/// Today's date in a time zone (an IANA name), or where the reader is for `None`.
/// `Err` carries the reader's own date when the zone is not known.
pub type Clock<'a> = &'a dyn Fn(Option<&str>) -> Result<CivilDate, CivilDate>;

/// Works out what a placeholder shows, with today's date where the course is. The
/// placeholder is taken, not borrowed: its programme and wording move into the model.
pub fn resolve_at(
    mut raw: RawEmbed,
    clock: Clock<'_>,
    lookup: ProgrammeLookup<'_>,
) -> Result<WidgetModel, EmbedError> {
    let choice = ThingChoice::parse(raw.thing.as_deref())?;
    let mut warnings = Vec::new();
    let settings = Settings::read(
        raw.theme.as_deref(),
        raw.view.as_deref(),
        raw.notes.as_deref(),
        &mut warnings,
    );
    let programme = programme_of(raw.supplied.take(), &raw, lookup)?;
    let mut today = |programme: &Programme| match clock(programme.time_zone.as_deref()) {
        Ok(day) => day,
        Err(day) => {
            if let Some(zone) = &programme.time_zone {
                warnings.push(Warning::UnknownTimeZone {
                    zone: zone.clone(),
                    programme: programme.id.clone(),
                });
            }
            day
        }
    };
    let mut model = match (&raw.list, settings.view, programme) {
        (_, View::Overview, Some(programme)) => {
            let day = today(&programme);
            overview(programme, day)
        }
        (_, View::Overview, None) => {
            return Err(match scope_name(&raw) {
                Some(id) => EmbedError::UnknownProgramme(id),
                None => EmbedError::OverviewNeedsProgramme,
            })
        }
        (Some(items), View::Checklist, programme) => {
            let scope = programme
                .as_ref()
                .map(|p| p.id.clone())
                .or_else(|| scope_name(&raw));
            if let Some(id) = scope.as_deref().filter(|id| !is_valid_programme_id(id)) {
                return Err(EmbedError::BadProgrammeId(id.to_owned()));
            }
            resolve_inline(
                raw.heading.as_deref(),
                items,
                scope.as_deref(),
                programme,
                choice,
            )?
        }
        (None, View::Checklist, Some(programme)) => {
            let day = today(&programme);
            resolve_programme(programme, choice, day)?
        }
        (None, View::Checklist, None) => {
            return Err(match scope_name(&raw) {
                Some(id) => EmbedError::UnknownProgramme(id),
                None => EmbedError::NoQuestions,
            })
        }
    };
    model.wording = Wording {
        lang: raw.lang,
        page_lang: raw.page_lang,
        labels: raw.labels,
    };
    model.theme = settings.theme;
    model.view = settings.view;
    model.notes = settings.notes;
    model.warnings = warnings;
    Ok(model)
}

/// `data-programme` as a plain name (not a `#block` reference), lower-cased.
fn scope_name(raw: &RawEmbed) -> Option<String> {
    raw.programme
        .as_deref()
        .map(|id| id.trim().to_ascii_lowercase())
        .filter(|id| !id.is_empty() && !id.starts_with('#'))
}

/// The programme the placeholder names: supplied by the page as text, or bundled.
/// An inline list may name a course that is not bundled: then there is no programme, only a scope.
fn programme_of(
    supplied: Option<Supplied>,
    raw: &RawEmbed,
    lookup: ProgrammeLookup<'_>,
) -> Result<Option<Rc<Programme>>, EmbedError> {
    if let Some(supplied) = supplied {
        return match supplied.programme {
            Ok(programme) => Ok(Some(programme)),
            Err(SupplyError::Unavailable(why)) => Err(EmbedError::Unavailable(why)),
            Err(SupplyError::Broken(errors)) => {
                Err(EmbedError::BrokenProgramme(supplied.origin, errors))
            }
        };
    }
    let Some(id) = scope_name(raw) else {
        return Ok(None);
    };
    match lookup(&id) {
        Some(Ok(programme)) => Ok(Some(Rc::new(programme))),
        Some(Err(errors)) => Err(EmbedError::BrokenProgramme(id, errors)),
        None => Ok(None),
    }
}

/// Where the course stands, and the notice that goes with it.
struct Standing {
    /// The Thing shown for `current`, by position.
    position: Option<usize>,
    /// The newest Thing released by now, by position.
    released: Option<usize>,
    notice: Option<Notice>,
    ended: bool,
}

fn standing(programme: &Programme, today: CivilDate) -> Option<Standing> {
    let schedule = programme.schedule.as_ref()?;
    Some(match schedule.course_day(today) {
        CourseDay::NotStarted { starts } => Standing {
            position: None,
            released: None,
            notice: Some(Notice::Starts(starts)),
            ended: false,
        },
        CourseDay::Running {
            position, catch_up, ..
        } => Standing {
            position: Some(position),
            released: Some(position),
            notice: catch_up.then_some(Notice::CatchUp),
            ended: false,
        },
        CourseDay::Ended { position, ended } => Standing {
            position: Some(position),
            released: Some(position),
            notice: Some(Notice::Finished(ended)),
            ended: true,
        },
    })
}

/// The last day of the course, when it has a schedule.
fn schedule_end(programme: &Programme) -> Option<CivilDate> {
    programme.schedule.as_ref().map(|s| s.end().add_days(-1))
}

fn heading(programme: &Programme, thing: &Thing) -> Heading {
    Heading::Thing {
        number: thing.number,
        last: programme.last_number(),
        course: programme.title.clone(),
    }
}

/// The Thing's week at `position`, when the programme has a schedule.
fn week(programme: &Programme, position: usize) -> Option<(CivilDate, CivilDate)> {
    programme.schedule.as_ref()?.week(position)
}

fn resolve_programme(
    programme: Rc<Programme>,
    choice: ThingChoice,
    today: CivilDate,
) -> Result<WidgetModel, EmbedError> {
    let standing = standing(&programme, today);
    let position = match choice {
        ThingChoice::Number(number) => {
            let Some(position) = programme.things.iter().position(|t| t.number == number) else {
                return Err(EmbedError::UnknownThing {
                    programme: programme.id.clone(),
                    number,
                    first: programme.things.first().map_or(1, |t| t.number),
                    last: programme.last_number(),
                });
            };
            Some(position)
        }
        ThingChoice::Current => match &standing {
            None => return Err(EmbedError::NoSchedule(programme.id.clone())),
            Some(standing) => standing.position,
        },
    };
    let released = standing.as_ref().and_then(|s| s.released);
    let current = standing
        .as_ref()
        .filter(|s| !s.ended)
        .and_then(|s| s.released);
    // A pinned Thing is not "this week's": the course's state is only told where it matters.
    let (notice, ended) = match (choice, standing) {
        (ThingChoice::Current, Some(s)) => (s.notice, s.ended),
        _ => (None, false),
    };
    let base = WidgetModel {
        storage_key: storage_key(&programme.id),
        current,
        released,
        ended,
        ..WidgetModel::default()
    };
    let Some(thing) = position.and_then(|p| programme.things.get(p)) else {
        return Ok(WidgetModel {
            title: Title::Text(programme.title.clone()),
            notice,
            programme: Some(programme),
            ..base
        });
    };
    let notice = notice.or_else(|| {
        thing
            .prompts
            .is_empty()
            .then_some(Notice::NoQuestions(thing.number))
    });
    Ok(WidgetModel {
        thing_key: thing.number.to_string(),
        heading: Some(heading(&programme, thing)),
        title: Title::Text(thing.title.clone()),
        link: thing.link.clone(),
        prompts: thing.prompts.clone(),
        week: position.and_then(|p| week(&programme, p)),
        notice,
        programme: Some(programme.clone()),
        ..base
    })
}

fn overview(programme: Rc<Programme>, today: CivilDate) -> WidgetModel {
    let standing = standing(&programme, today);
    WidgetModel {
        storage_key: storage_key(&programme.id),
        heading: Some(Heading::Overview {
            things: programme.things.len(),
        }),
        title: Title::Text(programme.title.clone()),
        current: standing
            .as_ref()
            .filter(|s| !s.ended)
            .and_then(|s| s.released),
        released: standing.as_ref().and_then(|s| s.released),
        // Over a list of every Thing, "this is its last Thing" would not fit: only say it is over.
        notice: standing.and_then(|s| match schedule_end(&programme) {
            Some(ended) if s.ended => Some(Notice::CourseOver(ended)),
            _ => s.notice,
        }),
        programme: Some(programme),
        ..WidgetModel::default()
    }
}

fn resolve_inline(
    heading_line: Option<&str>,
    items: &[String],
    scope: Option<&str>,
    programme: Option<Rc<Programme>>,
    choice: ThingChoice,
) -> Result<WidgetModel, EmbedError> {
    let mut prompts: Vec<Prompt> = Vec::with_capacity(items.len());
    for item in items {
        let text = collapse_whitespace(item);
        let id = PromptId::from_text(&text);
        // The same question twice would share one tick; show it once.
        if !text.is_empty() && prompts.iter().all(|p| p.id != id) {
            prompts.push(Prompt {
                id,
                text,
                optional: false,
            });
        }
    }
    if prompts.is_empty() {
        return Err(EmbedError::EmptyList);
    }
    // In inline mode the programme only names where ticks are kept; a known one also gives the header.
    // The list is fixed in the post, so "current" pins nothing: its ticks must not move week by week.
    let (thing, thing_key) = match choice {
        ThingChoice::Number(number) => (
            programme.as_ref().and_then(|p| p.thing(number)).cloned(),
            number.to_string(),
        ),
        ThingChoice::Current => (None, String::new()),
    };
    let own = heading_line
        .map(collapse_whitespace)
        .filter(|h| !h.is_empty());
    let title = match (own, &thing) {
        (Some(own), _) => Title::Text(own),
        (None, Some(thing)) => Title::Numbered {
            number: thing.number,
            name: thing.title.clone(),
        },
        (None, None) => Title::Questions,
    };
    let week = programme.as_ref().zip(thing.as_ref()).and_then(|(p, t)| {
        let position = p.things.iter().position(|other| other.number == t.number)?;
        week(p, position)
    });
    Ok(WidgetModel {
        storage_key: storage_key(scope.unwrap_or("")),
        thing_key,
        week,
        heading: programme
            .as_ref()
            .zip(thing.as_ref())
            .map(|(p, t)| heading(p, t)),
        title,
        link: thing.as_ref().and_then(|t| t.link.clone()),
        prompts,
        programme,
        ..WidgetModel::default()
    })
}
