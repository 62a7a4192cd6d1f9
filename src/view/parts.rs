//! What the checklist shows of the full module's parts, and what the lite module does in
//! their place. Each function holds both versions, chosen by the seam (`seam::FULL`), so that
//! the checklist and its rows never test the build: they call these and get a part, or
//! nothing in the lite module (which then carries none of the part's code). The lite module's
//! part buttons ask for the full module instead (`toggle`).

use crate::core::embed::WidgetModel;
use crate::core::progress::Progress;
use crate::core::prompt_id::PromptId;
use crate::view::checklist_state::{Action, ChecklistState, Part};
use crate::view::components::backup_panel::BackupPanel;
use crate::view::components::calendar_button::CalendarButton;
use crate::view::components::course_record::CourseRecord;
use crate::view::components::link_prompt::LinkPrompt;
use crate::view::components::note_box::NoteBox;
use crate::view::components::outline_panel::OutlinePanel;
use crate::view::components::overview_list::OverviewList;
use crate::view::components::post_link_field::PostLinkField;
use crate::view::components::reminder;
use crate::view::i18n::{Label, Labels};
use crate::view::seam::FULL;
use crate::view::widget::Widget;
use crate::web::{host_of, persistence, progress_store, upgrade};
use std::rc::Rc;
use wasm_bindgen::JsCast;
use yew::prelude::*;

/// The nodes of the buttons that open the full module's parts (Start my post, Backup, All
/// Things), for the focus to go back to after a takeover; see [`use_part_buttons`].
#[derive(Default)]
pub struct PartButtons {
    pub outline: NodeRef,
    pub backup: NodeRef,
    pub overview: NodeRef,
}

/// The part buttons' nodes. When the full module took over from a click on one of them
/// (`open`), the focus goes back to that button, where the reader left it. The lite module is
/// never mounted to open a part, so it keeps no nodes and moves no focus.
#[hook]
pub fn use_part_buttons(open: Option<Part>) -> PartButtons {
    if !FULL {
        return PartButtons::default();
    }
    let buttons = PartButtons {
        outline: use_node_ref(),
        backup: use_node_ref(),
        overview: use_node_ref(),
    };
    // The post link's field takes the focus itself (`PostLinkField`).
    let focus = open.and_then(|part| match part {
        Part::Backup => Some(buttons.backup.clone()),
        Part::Overview => Some(buttons.overview.clone()),
        Part::Outline => Some(buttons.outline.clone()),
        Part::PostLink => None,
    });
    use_effect_with((), move |()| {
        if let Some(button) = focus.and_then(|b| b.cast::<web_sys::HtmlElement>()) {
            let _ = button.focus();
        }
    });
    buttons
}

/// A part button's click: opens or closes its part; in the lite module, where the part is not
/// built in, asks the loader for the full module to take over with the part open.
pub fn toggle(
    dispatcher: UseReducerDispatcher<ChecklistState>,
    part: Part,
) -> Callback<MouseEvent> {
    Callback::from(move |event: MouseEvent| {
        if FULL {
            dispatcher.dispatch(Action::Toggle(part));
        } else if let Some(host) = event
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Node>().ok())
            .and_then(|n| host_of(&n))
        {
            upgrade(&host, part.name());
        }
    })
}

/// Whether a checklist showing `progress` carries the line reminding a Safari reader to take
/// a backup. The lite module hands such a page to the full one before it mounts
/// (`view::root`), so it never shows the line.
pub fn wants_reminder(progress: &Progress) -> bool {
    FULL && persistence::wants_reminder(progress)
}

/// Whether the questions have notes boxes: where the organiser turned notes on, in the full
/// module (the lite one hands such a page over).
pub fn shows_notes(model: &WidgetModel) -> bool {
    FULL && model.notes
}

pub fn backup_panel(widget: &Rc<Widget>) -> Html {
    if !FULL {
        return Html::default();
    }
    html! { <BackupPanel widget={widget.clone()} /> }
}

/// "Add 12 ticks from another device?", in the one widget that takes a device link. (A page
/// with a device link starts with the full module: the loader sees the fragment.)
pub fn link_prompt(widget: &Rc<Widget>) -> Html {
    if !FULL {
        return Html::default();
    }
    html! { <LinkPrompt widget={widget.clone()} /> }
}

pub fn outline_panel(widget: &Rc<Widget>) -> Html {
    if !FULL {
        return Html::default();
    }
    html! { <OutlinePanel widget={widget.clone()} /> }
}

/// "Add the course to my calendar", for a course with a schedule.
pub fn calendar_button(widget: &Rc<Widget>) -> Html {
    if !FULL {
        return Html::default();
    }
    html! { <CalendarButton widget={widget.clone()} /> }
}

/// Every Thing of the course with the reader's progress (the checklist's All Things), and
/// *My course record* under it.
pub fn overview_list(widget: &Rc<Widget>, progress: &Rc<Progress>) -> Html {
    if !FULL {
        return Html::default();
    }
    html! {
        <CourseRecord widget={widget.clone()} progress={progress.clone()}>
            <OverviewList widget={widget.clone()} progress={progress.clone()} />
        </CourseRecord>
    }
}

/// The box for the reader's notes under a question, when the organiser turned notes on.
pub fn note_box(
    id: &PromptId,
    note: AttrValue,
    label: AttrValue,
    onnote: &Callback<(PromptId, String)>,
) -> Html {
    if !FULL {
        return Html::default();
    }
    html! { <NoteBox id={id.clone()} {note} {label} onnote={onnote.clone()} /> }
}

/// Saves a note as the reader types it.
pub fn onnote(widget: &Rc<Widget>) -> Callback<(PromptId, String)> {
    if !FULL {
        return Callback::noop();
    }
    let widget = widget.clone();
    Callback::from(move |(id, text): (PromptId, String)| {
        progress_store::set_note(&widget.model, &id, &text);
    })
}

/// The line reminding a Safari reader with old ticks to take a backup.
pub fn reminder(
    dispatcher: UseReducerDispatcher<ChecklistState>,
    labels: &Labels,
    backup_button: &NodeRef,
) -> Html {
    if !FULL {
        return Html::default();
    }
    reminder::reminder(dispatcher, labels, backup_button)
}

// --- The course record's post link and finished line (issue #24) ---

/// "My post for this Thing", under the checklist: the full module's field and kept link. The
/// lite module shows nothing here: its button is a part button in the checklist's footer (see
/// [`lite_post_link_button`]), and the loader starts a checklist whose Thing has a link kept
/// with the full module (`wantsFull` in www/thing-prompts.js).
pub fn post_link(
    widget: &Rc<Widget>,
    progress: &Progress,
    ticked: bool,
    state: &ChecklistState,
) -> Html {
    if !FULL {
        return Html::default();
    }
    let link = progress.link(&widget.model.thing_key);
    html! {
        <PostLinkField widget={widget.clone()} {link} {ticked} open={state.is_open(Part::PostLink)} />
    }
}

/// Whether the checklist's footer shows the lite module's *Add the link to my post*, a part
/// button that asks for the full module with the field open: once a question is ticked.
pub fn lite_post_link_button(ticked: bool) -> bool {
    !FULL && ticked
}

/// What the checklist's live `line` adds once every question that counts is ticked: ". ",
/// then that the Thing is done; the full module offers the link field when no link is kept
/// yet (the lite module's button for it is in the footer beside the line). Written onto the
/// line rather than returned: smaller in the lite module.
pub fn thing_done(line: &mut String, widget: &Widget, progress: &Progress) {
    line.push_str(". ");
    widget.labels.format_onto(line, Label::ThingDone, &[]);
    if FULL && progress.link(&widget.model.thing_key).is_none() {
        line.push(' ');
        widget.labels.format_onto(line, Label::PostLinkOffer, &[]);
    }
}
