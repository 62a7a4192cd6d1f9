//! The one place where the lite module and the full one differ. The lite module is the first
//! download: the checklist. The full one (feature `extras`, see `crate::FULL`) adds the
//! backup panel, the outline ("Start my post"), the course overview, the course calendar,
//! notes, the Safari reminder to take a backup and the messages for page authors; a page fetches it when it needs one of them. The rest of the view is the
//! same in both and calls these functions, whose two versions stand side by side here.

use crate::core::colour::Scheme;
use crate::core::embed::EmbedError;
use crate::core::progress::Progress;
use crate::core::prompt_id::PromptId;
use crate::view::checklist_state::ChecklistState;
use crate::view::components::app::Opening;
use crate::view::i18n::Labels;
use crate::view::widget::Widget;
use std::rc::Rc;
use web_sys::Element;
use yew::prelude::*;

/// Whether this build has the full module's parts.
pub const BUILT_IN: bool = crate::FULL;

/// What mounting a placeholder came to: its model and palette, or what is wrong with it.
pub type Outcome = Result<(Rc<Widget>, Scheme), EmbedError>;

/// The nodes of the buttons that open the full module's parts (Start my post, Backup, All
/// Things), for the focus to go back to after a takeover; see `use_part_buttons`.
#[derive(Default)]
pub struct PartButtons {
    pub outline: NodeRef,
    pub backup: NodeRef,
    pub overview: NodeRef,
}

#[cfg(feature = "extras")]
pub use full::*;
#[cfg(not(feature = "extras"))]
pub use lite::*;

#[cfg(feature = "extras")]
mod full {
    use super::*;
    use crate::core::embed::View;
    use crate::view::components::app::{App, AppProps, Shown};
    use crate::view::components::backup_panel::BackupPanel;
    use crate::view::components::calendar_button::CalendarButton;
    use crate::view::components::link_prompt::LinkPrompt;
    use crate::view::components::outline_panel::OutlinePanel;
    use crate::view::components::overview_list::OverviewList;
    use crate::view::components::prompt_item::NoteBox;
    use crate::web::{now_ms, progress_store};

    /// The root of one widget: a checklist, an overview or an error notice.
    pub type Root = App;

    /// The part buttons' nodes. When the full module took over from a click on one of them
    /// (`opening`), the focus goes back to that button, where the reader left it.
    #[hook]
    pub fn use_part_buttons(opening: Opening) -> PartButtons {
        let buttons = PartButtons {
            outline: use_node_ref(),
            backup: use_node_ref(),
            overview: use_node_ref(),
        };
        let focus = match opening {
            Opening::Backup => Some(buttons.backup.clone()),
            Opening::Overview => Some(buttons.overview.clone()),
            Opening::Outline => Some(buttons.outline.clone()),
            Opening::Nothing => None,
        };
        use_effect_with((), move |()| {
            if let Some(button) = focus.and_then(|b| b.cast::<web_sys::HtmlElement>()) {
                let _ = button.focus();
            }
        });
        buttons
    }

    /// The root's props; `None` when there is nothing to show.
    pub fn root_props(outcome: Outcome, open: Opening) -> Option<AppProps> {
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
                crate::web::warn(&error.to_string());
                Shown::Failed(message.into(), Rc::new(details))
            }
        };
        Some(AppProps { shown, open })
    }

    /// What to tell the page's author when `host` cannot hold a shadow root.
    pub fn cannot_hold(host: &Element) -> Option<String> {
        Some(format!(
            "a <{}> cannot hold the widget: use a <div class=\"thing-prompts\">. The questions stay as plain text.",
            host.tag_name().to_ascii_lowercase()
        ))
    }

    pub fn backup_panel(model: &Rc<Widget>) -> Html {
        html! { <BackupPanel widget={model.clone()} /> }
    }

    /// "Add 12 ticks from another device?", in the one widget that takes a device link.
    pub fn link_prompt(model: &Rc<Widget>) -> Html {
        html! { <LinkPrompt widget={model.clone()} /> }
    }

    pub fn outline_panel(model: &Rc<Widget>) -> Html {
        html! { <OutlinePanel widget={model.clone()} /> }
    }

    /// "Add the course to my calendar", for a course with a schedule.
    pub fn calendar_button(model: &Rc<Widget>) -> Html {
        html! { <CalendarButton widget={model.clone()} /> }
    }

    pub fn overview_list(model: &Rc<Widget>, progress: &Rc<Progress>) -> Html {
        html! { <OverviewList widget={model.clone()} progress={progress.clone()} /> }
    }

    /// The box for the reader's notes under a question, when the organiser turned notes on.
    pub fn note_box(
        id: &PromptId,
        note: AttrValue,
        label: AttrValue,
        onnote: &Callback<(PromptId, String)>,
    ) -> Html {
        html! { <NoteBox id={id.clone()} {note} {label} onnote={onnote.clone()} /> }
    }

    /// The line reminding a Safari reader with old ticks to take a backup.
    pub fn reminder(
        dispatcher: UseReducerDispatcher<ChecklistState>,
        labels: &Labels,
        backup_button: &NodeRef,
    ) -> Html {
        crate::view::components::reminder::reminder(dispatcher, labels, backup_button)
    }

    /// Saves a note as the reader types it.
    pub fn onnote(model: &Rc<Widget>) -> Callback<(PromptId, String)> {
        let widget = model.clone();
        Callback::from(move |(id, text): (PromptId, String)| {
            let now = now_ms();
            let model = &widget.model;
            progress_store::change(&model.storage_key, |progress| {
                progress.set_note(&model.thing_key, &id, &text, now);
            });
        })
    }
}

#[cfg(not(feature = "extras"))]
mod lite {
    use super::*;
    use crate::view::components::checklist::{Checklist, ChecklistProps};

    /// The lite module mounts the checklist itself: it shows nothing else (one component type
    /// fewer in the first download).
    pub type Root = Checklist;

    /// The lite module is never mounted to open a part (only the full module takes over from a
    /// click), so it keeps no nodes and moves no focus.
    #[hook]
    pub fn use_part_buttons(opening: Opening) -> PartButtons {
        let _ = opening;
        PartButtons::default()
    }

    /// The checklist's props; `None` for a problem, which the lite module never shows (it
    /// hands such a placeholder to the full module before it gets here).
    pub fn root_props(outcome: Outcome, open: Opening) -> Option<ChecklistProps> {
        let (widget, scheme) = outcome.ok()?;
        Some(ChecklistProps {
            widget,
            scheme,
            open,
        })
    }

    /// The lite module has no words for page authors: it hands the placeholder on.
    pub fn cannot_hold(_: &Element) -> Option<String> {
        None
    }

    pub fn backup_panel(_: &Rc<Widget>) -> Html {
        Html::default()
    }

    /// A page with a device link starts with the full module (the loader sees the fragment).
    pub fn link_prompt(_: &Rc<Widget>) -> Html {
        Html::default()
    }

    pub fn outline_panel(_: &Rc<Widget>) -> Html {
        Html::default()
    }

    /// The calendar is the full module's; the Backup and Start my post buttons hand over to it.
    pub fn calendar_button(_: &Rc<Widget>) -> Html {
        Html::default()
    }

    pub fn overview_list(_: &Rc<Widget>, _: &Rc<Progress>) -> Html {
        Html::default()
    }

    pub fn note_box(
        _: &PromptId,
        _: AttrValue,
        _: AttrValue,
        _: &Callback<(PromptId, String)>,
    ) -> Html {
        Html::default()
    }

    /// The reminder is the full module's: a page that should show it fetches it instead.
    pub fn reminder(_: UseReducerDispatcher<ChecklistState>, _: &Labels, _: &NodeRef) -> Html {
        Html::default()
    }

    /// Notes are the full module's: a page with notes on fetches it instead.
    pub fn onnote(_: &Rc<Widget>) -> Callback<(PromptId, String)> {
        Callback::noop()
    }
}
