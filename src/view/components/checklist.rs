use super::app::Opening;
use super::progress_line::progress_line;
use super::prompt_item::{prompt_item, PromptItemProps};
use crate::core::colour::Scheme;
use crate::core::programme::counted_prompts;
use crate::core::prompt_id::PromptId;
use crate::view::checklist_state::{Action, ChecklistState, Part};
use crate::view::extras;
use crate::view::i18n::{Arg, Label};
use crate::view::widget::Widget;
use crate::web::{now_ms, persistence, progress_store, storage_is_persistent};
use std::rc::Rc;
use wasm_bindgen::JsCast;
use yew::prelude::*;

#[derive(Properties)]
pub struct ChecklistProps {
    pub widget: Rc<Widget>,
    /// The palette for this page (light or dark), worked out when the widget mounted.
    pub scheme: Scheme,
    /// Open at once (and focus the button of) the backup panel, the outline or the course list.
    pub open: Opening,
}

/// The same model is the same `Rc`: a widget's model is made once, when it mounts, so
/// comparing the whole course field by field (the derived comparison) would find nothing.
impl PartialEq for ChecklistProps {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.widget, &other.widget)
            && self.scheme == other.scheme
            && self.open == other.open
    }
}

/// One Thing's questions as checkboxes, with the reader's progress.
#[function_component(Checklist)]
pub fn checklist(props: &ChecklistProps) -> Html {
    let widget = props.widget.clone();
    let (model, labels, words) = (&widget.model, &widget.labels, &widget.words);
    let opening = props.open;
    // One reducer for everything the checklist remembers: each `use_state` would be its
    // own copy of Yew's hook code in the first download.
    let state = use_reducer({
        let key = model.storage_key.clone();
        let part = match opening {
            Opening::Backup => Some(Part::Backup),
            Opening::Overview => Some(Part::Overview),
            Opening::Outline => Some(Part::Outline),
            Opening::Nothing => None,
        };
        move || {
            let mut state = ChecklistState::new(progress_store::load(&key), part);
            // The lite module hands such a page to the full one (entry::mount), which shows it.
            state.reminder = extras::BUILT_IN && persistence::wants_reminder(&state.progress);
            state
        }
    });
    {
        // Every change to the course's progress, in any widget or tab, re-renders this one.
        let dispatcher = state.dispatcher();
        use_effect_with(model.storage_key.clone(), move |key| {
            let subscription = progress_store::subscribe(key, move |next| {
                dispatcher.dispatch(Action::Progress(next));
            });
            move || drop(subscription)
        });
    }
    let progress = state.progress.clone();
    // The full module took over from a click on one of these: it keeps the focus there.
    let buttons = extras::use_part_buttons(opening);

    let set_all = {
        let widget = widget.clone();
        move |ids: &[PromptId], done: bool| {
            let now = now_ms();
            let model = &widget.model;
            progress_store::change(&model.storage_key, |progress| {
                for id in ids {
                    progress.set(&model.thing_key, id, done, now);
                }
            });
        }
    };
    let ontoggle = {
        let set_all = set_all.clone();
        let dispatcher = state.dispatcher();
        let key = model.storage_key.clone();
        Callback::from(move |(id, done): (PromptId, bool)| {
            dispatcher.dispatch(Action::ForgetCleared);
            set_all(&[id], done);
            if done {
                persistence::after_tick(&key);
            }
        })
    };
    let onnote = extras::onnote(&widget);
    // Notes are built into the full module only; the lite one hands such a page over.
    let notes_on = extras::BUILT_IN && model.notes;
    let done_ids: Vec<PromptId> = model
        .prompts
        .iter()
        .filter(|p| progress.is_done(&model.thing_key, &p.id))
        .map(|p| p.id.clone())
        .collect();
    {
        // Once anything is ticked again (here or in another widget), the undo is stale.
        let dispatcher = state.dispatcher();
        use_effect_with(done_ids.is_empty(), move |nothing_ticked| {
            if !nothing_ticked {
                dispatcher.dispatch(Action::ForgetCleared);
            }
        });
    }
    let onclear = {
        let set_all = set_all.clone();
        let dispatcher = state.dispatcher();
        let done_ids = Rc::new(done_ids.clone());
        Callback::from(move |_: MouseEvent| {
            set_all(&done_ids, false);
            dispatcher.dispatch(Action::Cleared(done_ids.clone()));
        })
    };
    let onundo = {
        let dispatcher = state.dispatcher();
        let cleared = state.cleared.clone();
        Callback::from(move |_: MouseEvent| {
            if let Some(ids) = &cleared {
                set_all(ids, true);
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
    // Optional questions can be ticked but do not count towards "2 of 5 answered".
    let counted = counted_prompts(&model.prompts);
    let counted_done = counted.iter().filter(|id| done_ids.contains(id)).count();
    let answered = labels.format(
        Label::Answered,
        &[
            ("done", Arg::Number(counted_done)),
            ("total", Arg::Number(counted.len())),
        ],
    );
    html! {
        <div class="tp" lang={labels.lang().tag()} data-theme={model.theme.name()} data-scheme={props.scheme.name()}>
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
                { extras::link_prompt(&widget) }
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
                        { extras::calendar_button(&widget) }
                    </div>
                    if state.reminder {
                        { extras::reminder(state.dispatcher(), labels, &buttons.backup) }
                    }
                    if state.is_open(Part::Outline) {
                        { extras::outline_panel(&widget) }
                    }
                    if state.is_open(Part::Backup) {
                        { extras::backup_panel(&widget) }
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
                    <div id="tp-all">{ extras::overview_list(&widget, &progress) }</div>
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

/// The button that opens and closes `part`, focusable through `node`.
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
    };
    html! {
        <button type="button" ref={node} aria-expanded={state.is_open(part).to_string()}
            aria-controls={controls} onclick={toggle(state, part)}>{ label }</button>
    }
}

/// A button's click: opens or closes its part; in the lite module, where the part is not
/// built in, asks the loader for the full module to take over with the part open.
fn toggle(state: &UseReducerHandle<ChecklistState>, part: Part) -> Callback<MouseEvent> {
    let dispatcher = state.dispatcher();
    Callback::from(move |event: MouseEvent| {
        if extras::BUILT_IN {
            dispatcher.dispatch(Action::Toggle(part));
        } else if let Some(host) = event
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Node>().ok())
            .and_then(|n| crate::web::host_of(&n))
        {
            let name = match part {
                Part::Backup => "backup",
                Part::Outline => "outline",
                Part::Overview => "overview",
            };
            crate::web::upgrade(&host, name);
        }
    })
}
