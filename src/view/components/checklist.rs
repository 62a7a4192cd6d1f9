use super::progress_line::progress_line;
use super::prompt_item::{prompt_item, PromptItemProps};
use crate::core::programme::counted_prompts;
use crate::core::prompt_id::PromptId;
use crate::view::checklist_state::{Action, ChecklistState, Part};
use crate::view::hooks::use_progress::use_progress_changes;
use crate::view::i18n::{Arg, Label};
use crate::view::parts;
use crate::view::widget::Widget;
use crate::web::{progress_store, storage_is_persistent, tell};
use std::rc::Rc;
use web_sys::Element;
use yew::prelude::*;

#[derive(Properties)]
pub struct ChecklistProps {
    pub widget: Rc<Widget>,
    /// Open at once (and focus the button of) the backup panel, the outline or the course list.
    pub open: Option<Part>,
    /// The placeholder, where the page's events are dispatched.
    pub host: Element,
}

/// The same model is the same `Rc`: a widget's model is made once, when it mounts, so
/// comparing the whole course field by field (the derived comparison) would find nothing.
/// The placeholder stays the same for as long as the widget is mounted.
impl PartialEq for ChecklistProps {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.widget, &other.widget) && self.open == other.open
    }
}

/// One Thing's questions as checkboxes, with the reader's progress.
#[function_component(Checklist)]
pub fn checklist(props: &ChecklistProps) -> Html {
    let widget = props.widget.clone();
    let (model, labels, words) = (&widget.model, &widget.labels, &widget.words);
    // One reducer for everything the checklist remembers: each `use_state` would be its
    // own copy of Yew's hook code in the first download.
    let state = use_reducer({
        let key = model.storage_key.clone();
        let open = props.open;
        move || {
            let mut state = ChecklistState::new(progress_store::load(&key), open);
            state.reminder = parts::wants_reminder(&state.progress);
            state
        }
    });
    {
        // Every change to the course's progress, in any widget or tab, re-renders this one.
        let dispatcher = state.dispatcher();
        use_progress_changes(&model.storage_key, move |next| {
            dispatcher.dispatch(Action::Progress(next));
        });
    }
    let progress = state.progress.clone();
    // The full module took over from a click on one of these: it keeps the focus there.
    let buttons = parts::use_part_buttons(props.open);

    let ontoggle = {
        let widget = widget.clone();
        let dispatcher = state.dispatcher();
        Callback::from(move |(id, done): (PromptId, bool)| {
            dispatcher.dispatch(Action::ForgetCleared);
            if done {
                progress_store::tick(&widget.model, &id);
            } else {
                progress_store::untick(&widget.model, &id);
            }
        })
    };
    let onnote = parts::onnote(&widget);
    let notes_on = parts::shows_notes(model);
    let done_ids: Vec<PromptId> = model
        .prompts
        .iter()
        .filter(|p| progress.is_done(&model.thing_key, &p.id))
        .map(|p| p.id.clone())
        .collect();
    // Optional questions can be ticked but do not count towards "2 of 5 answered".
    let counted = counted_prompts(&model.prompts);
    let counted_done = counted.iter().filter(|id| done_ids.contains(id)).count();
    {
        // Once anything is ticked again (here or in another widget), the undo is stale. The
        // same effect tells the page the count, as the widget mounts and whenever it changes
        // (`web::tell`: one effect rather than two, each a copy of Yew's hook code in the first
        // download).
        let dispatcher = state.dispatcher();
        let stale = state.cleared.is_some();
        let host = props.host.clone();
        let widget = widget.clone();
        let total = counted.len();
        use_effect_with(
            (done_ids.is_empty(), counted_done),
            move |&(nothing_ticked, answered)| {
                if stale && !nothing_ticked {
                    dispatcher.dispatch(Action::ForgetCleared);
                }
                tell(&host, &widget.model, answered, total);
            },
        );
    }
    let onclear = {
        let widget = widget.clone();
        let dispatcher = state.dispatcher();
        let done_ids = Rc::new(done_ids.clone());
        Callback::from(move |_: MouseEvent| {
            progress_store::clear(&widget.model, &done_ids);
            dispatcher.dispatch(Action::Cleared(done_ids.clone()));
        })
    };
    let onundo = {
        let widget = widget.clone();
        let dispatcher = state.dispatcher();
        let cleared = state.cleared.clone();
        Callback::from(move |_: MouseEvent| {
            if let Some(ids) = &cleared {
                progress_store::undo_clear(&widget.model, ids);
            }
            dispatcher.dispatch(Action::ForgetCleared);
        })
    };

    let title = match &model.link {
        Some(link) => html! {
            <a href={link.clone()} target="_blank" rel="noopener noreferrer">{ words.title.clone() }</a>
        },
        None => html! { words.title.clone() },
    };
    let action = if state.cleared.is_some() {
        Some((Label::UndoClear, onundo))
    } else if !done_ids.is_empty() {
        Some((Label::Clear, onclear))
    } else {
        None
    };
    let mut answered = labels.format(
        Label::Answered,
        &[
            ("done", Arg::Number(counted_done)),
            ("total", Arg::Number(counted.len())),
        ],
    );
    // Every question that counts is ticked: the live line says the Thing is done.
    if counted_done > 0 && counted_done == counted.len() {
        parts::thing_done(&mut answered, &widget, &progress);
    }
    // The full module's calendar button, or in its place the lite module's button for the
    // post link: one child of the footer for the two.
    let last_button = if parts::lite_post_link_button(!done_ids.is_empty()) {
        part_button(
            &state,
            Part::PostLink,
            NodeRef::default(),
            labels.text(Label::AddPostLink),
        )
    } else {
        parts::calendar_button(&widget)
    };
    html! {
        <div class="tp" lang={labels.lang().tag()} data-theme={model.theme.name()}>
            <fieldset>
                <legend>
                    if let Some(kicker) = &words.kicker {
                        <span class="kicker" dir="auto">{ kicker.clone() }</span>
                    }
                    <span class="title" dir="auto">{ title }</span>
                    if let Some(week) = &words.week {
                        <span class="week">{ week.clone() }</span>
                    }
                </legend>
                { parts::link_prompt(&widget) }
                if !model.prompts.is_empty() {
                    <ul class="prompts">
                        { for model.prompts.iter().map(|prompt| prompt_item(&PromptItemProps {
                            id: prompt.id.clone(),
                            text: prompt.text.clone().into(),
                            optional: prompt.optional.then(|| AttrValue::from(labels.text(Label::Optional))),
                            checked: done_ids.contains(&prompt.id),
                            ontoggle: ontoggle.clone(),
                            note: notes_on.then(|| AttrValue::from(progress.note(&model.thing_key, &prompt.id).unwrap_or_default().to_owned())),
                            note_label: if notes_on { AttrValue::from(labels.text(Label::Note)) } else { AttrValue::default() },
                            onnote: onnote.clone(),
                        })) }
                    </ul>
                    <div class="footer">
                        { progress_line(counted_done, counted.len(), answered) }
                        if let Some((label, onclick)) = action {
                            <button type="button" {onclick}>{ labels.text(label) }</button>
                        }
                        { part_button(&state, Part::Outline, buttons.outline.clone(), labels.text(Label::StartPost)) }
                        { part_button(&state, Part::Backup, buttons.backup.clone(), labels.text(Label::Backup)) }
                        { last_button }
                    </div>
                    if state.reminder {
                        { parts::reminder(state.dispatcher(), labels, &buttons.backup) }
                    }
                    { parts::post_link(&widget, &progress, !done_ids.is_empty(), &state) }
                    if state.is_open(Part::Outline) {
                        { parts::outline_panel(&widget) }
                    }
                    if state.is_open(Part::Backup) {
                        { parts::backup_panel(&widget) }
                    }
                }
            </fieldset>
            if let Some(notice) = &words.notice {
                <p class="notice">{ notice.clone() }</p>
            }
            if model.ended && model.programme.is_some() {
                <p class="more">
                    { part_button(&state, Part::Overview, buttons.overview.clone(), labels.text(Label::ShowOverview)) }
                </p>
                if state.is_open(Part::Overview) {
                    <div id="tp-all">{ parts::overview_list(&widget, &progress) }</div>
                }
            }
            if !storage_is_persistent() {
                <p class="notice">{ labels.text(Label::StorageBlocked) }</p>
            }
        </div>
    }
}

impl Reducible for ChecklistState {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        Rc::new(ChecklistState::reduce(&self, action))
    }
}

/// The button that opens and closes `part`, focusable through `node`. (Not inlined: one copy
/// for its four buttons is smaller.)
#[inline(never)]
fn part_button(
    state: &UseReducerHandle<ChecklistState>,
    part: Part,
    node: NodeRef,
    label: String,
) -> Html {
    let controls = match part {
        Part::Backup => "tp-backup",
        Part::Outline => "tp-outline",
        Part::Overview => "tp-all",
        Part::PostLink => "tp-post-link",
    };
    html! {
        <button type="button" ref={node} aria-expanded={state.is_open(part).to_string()}
            aria-controls={controls} onclick={parts::toggle(state.dispatcher(), part)}>{ label }</button>
    }
}
