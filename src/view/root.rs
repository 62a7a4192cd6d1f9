//! The root of each widget, above every component: what is mounted in a placeholder, its
//! props, and what is decided before it mounts. This is where the lite module and the full
//! one part ways: the lite module mounts the checklist itself (one component type fewer in
//! the first download) and hands everything else to the full module; the full one mounts
//! [`App`], which shows a checklist, the course overview or a message for the page's author.
//! Both versions stand side by side below, as the two implementations of [`Module`]; the seam
//! (`seam::Build`) says which one this build takes.

use crate::core::colour::Scheme;
use crate::core::embed::{EmbedError, View};
use crate::view::checklist_state::Part;
use crate::view::components::checklist::{Checklist, ChecklistProps};
use crate::view::components::error_notice::ErrorNotice;
use crate::view::components::overview::Overview;
use crate::view::i18n::LabelWarning;
use crate::view::seam::{Build, Full, Lite};
use crate::view::widget::Widget;
use crate::web::{persistence, progress_store, warn};
use std::rc::Rc;
use web_sys::Element;
use yew::prelude::*;

/// A placeholder resolved and given its words: the widget and what its wording could not
/// use, or what is wrong with it.
pub type Resolved = Result<(Widget, Vec<LabelWarning>), EmbedError>;

/// What mounting a placeholder came to: its widget and palette, or what is wrong with it.
pub type Outcome = Result<(Rc<Widget>, Scheme), EmbedError>;

/// What differs between the two modules at the root.
pub trait Module {
    /// The component mounted in each placeholder.
    type Root: BaseComponent;

    /// The root's props; `None` when there is nothing to show.
    fn root_props(
        outcome: Outcome,
        open: Option<Part>,
    ) -> Option<<Self::Root as BaseComponent>::Properties>;

    /// Whether this module hands the placeholder to the full module instead of mounting it.
    fn hands_over(resolved: &Resolved) -> bool;

    /// Tells the page's author, in the console, the settings that were not understood.
    fn tell_author(widget: &Widget, label_warnings: &[LabelWarning]);

    /// What to tell the page's author when `host` cannot hold a shadow root; `None` when the
    /// full module should say it.
    fn cannot_hold(host: &Element) -> Option<String>;
}

/// The component each placeholder mounts in this build.
pub type Root = <Build as Module>::Root;

/// The props of this build's root; `None` when there is nothing to show. `open` opens that
/// part at once and focuses its button: the full module taking over from a click.
pub fn root_props(
    outcome: Outcome,
    open: Option<Part>,
) -> Option<<Root as BaseComponent>::Properties> {
    Build::root_props(outcome, open)
}

/// Whether this build hands the placeholder to the full module (the lite module, for what
/// it cannot show).
pub fn hands_over(resolved: &Resolved) -> bool {
    Build::hands_over(resolved)
}

/// Tells the page's author what was not understood (the full module; the lite one has handed
/// such a placeholder over, and carries none of these words).
pub fn tell_author(widget: &Widget, label_warnings: &[LabelWarning]) {
    Build::tell_author(widget, label_warnings)
}

/// What to tell the page's author when `host` cannot hold a shadow root.
pub fn cannot_hold(host: &Element) -> Option<String> {
    Build::cannot_hold(host)
}

impl Module for Lite {
    type Root = Checklist;

    /// The checklist's props; `None` for a problem, which the lite module never shows (it
    /// hands such a placeholder to the full module before it gets here).
    fn root_props(outcome: Outcome, open: Option<Part>) -> Option<ChecklistProps> {
        let (widget, scheme) = outcome.ok()?;
        Some(ChecklistProps {
            widget,
            scheme,
            open,
        })
    }

    /// The overview, the notes, the Safari reminder to take a backup and the messages for
    /// page authors (a problem, or a setting that was not understood) are the full module's:
    /// the loader mounts such a placeholder with it.
    fn hands_over(resolved: &Resolved) -> bool {
        !lite_can_show(resolved) || wants_reminder(resolved)
    }

    fn tell_author(_: &Widget, _: &[LabelWarning]) {}

    /// The lite module has no words for page authors: it hands the placeholder on.
    fn cannot_hold(_: &Element) -> Option<String> {
        None
    }
}

/// Whether the lite module can show this: a checklist without notes that has nothing to say
/// to the page's author.
fn lite_can_show(resolved: &Resolved) -> bool {
    resolved.as_ref().is_ok_and(|(widget, label_warnings)| {
        widget.model.view != View::Overview
            && !widget.model.notes
            && widget.model.warnings.is_empty()
            && label_warnings.is_empty()
    })
}

/// Whether this reader should see the Safari reminder to take a backup, which only the full
/// module shows (a few hundred bytes of the first download for a few readers' sake).
fn wants_reminder(resolved: &Resolved) -> bool {
    resolved.as_ref().is_ok_and(|(widget, _)| {
        persistence::wants_reminder(&progress_store::load(&widget.model.storage_key))
    })
}

impl Module for Full {
    type Root = App;

    fn root_props(outcome: Outcome, open: Option<Part>) -> Option<AppProps> {
        let shown = match outcome {
            Ok((widget, scheme)) if widget.model.view == View::Overview => {
                Shown::Overview(widget, scheme)
            }
            Ok((widget, scheme)) => Shown::Checklist(widget, scheme),
            Err(error) => {
                // Several problems in a programme read better as a list than as one long line.
                let (message, details) = match &error {
                    EmbedError::BrokenProgramme(origin, errors) if errors.0.len() > 1 => (
                        format!("The programme \"{origin}\" cannot be used:"),
                        errors.0.iter().map(ToString::to_string).collect(),
                    ),
                    _ => (error.to_string(), Vec::new()),
                };
                warn(&error.to_string());
                Shown::Failed(message.into(), Rc::new(details))
            }
        };
        Some(AppProps { shown, open })
    }

    fn hands_over(_: &Resolved) -> bool {
        false
    }

    fn tell_author(widget: &Widget, label_warnings: &[LabelWarning]) {
        for warning in &widget.model.warnings {
            warn(&warning.to_string());
        }
        for warning in label_warnings {
            warn(&warning.to_string());
        }
    }

    fn cannot_hold(host: &Element) -> Option<String> {
        Some(format!(
            "a <{}> cannot hold the widget: use a <div class=\"thing-prompts\">. The questions stay as plain text.",
            host.tag_name().to_ascii_lowercase()
        ))
    }
}

/// What a widget of the full module shows: a checklist, the course overview, or a message
/// for the page author.
#[derive(Clone, PartialEq)]
pub enum Shown {
    Checklist(Rc<Widget>, Scheme),
    Overview(Rc<Widget>, Scheme),
    /// What to fix, and the problems one by one when there are several.
    Failed(AttrValue, Rc<Vec<String>>),
}

#[derive(Properties, PartialEq)]
pub struct AppProps {
    pub shown: Shown,
    /// The part to open as the widget mounts: the full module taking over from the click
    /// that asked for it.
    pub open: Option<Part>,
}

/// The root of one widget in the full module.
#[function_component(App)]
pub fn app(props: &AppProps) -> Html {
    match &props.shown {
        Shown::Overview(model, scheme) => {
            html! { <Overview widget={model.clone()} scheme={*scheme} /> }
        }
        Shown::Checklist(model, scheme) => {
            html! { <Checklist widget={model.clone()} scheme={*scheme} open={props.open} /> }
        }
        Shown::Failed(message, details) => {
            html! { <ErrorNotice message={message.clone()} details={details.clone()} /> }
        }
    }
}
