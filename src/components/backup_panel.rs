use crate::backup::{course_of_key, Backup};
use crate::web::{files, now_ms, progress_store, today};
use std::rc::Rc;
use web_sys::{HtmlInputElement, HtmlTextAreaElement};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct BackupPanelProps {
    /// The storage key of the course whose ticks are backed up.
    pub storage_key: AttrValue,
}

/// What the panel shows: the last code made, what the reader typed, and the last outcome.
#[derive(Clone, Default, PartialEq)]
struct PanelState {
    code: Option<AttrValue>,
    typed: AttrValue,
    message: Option<(AttrValue, bool)>,
}

enum Action {
    Code(String),
    Type(String),
    Said(String),
    Failed(String),
}

impl Reducible for PanelState {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut next = (*self).clone();
        match action {
            Action::Code(code) => next.code = Some(code.into()),
            Action::Type(text) => next.typed = text.into(),
            Action::Said(message) => next.message = Some((message.into(), false)),
            Action::Failed(message) => next.message = Some((message.into(), true)),
        }
        Rc::new(next)
    }
}

/// Restores `text` (a file's content or a pasted code) and reports what happened.
fn restore(text: &str, state: &UseReducerDispatcher<PanelState>) {
    match Backup::parse(text) {
        Ok(backup) => {
            let report = progress_store::restore(&backup, now_ms());
            state.dispatch(Action::Said(report.to_string()));
        }
        Err(error) => state.dispatch(Action::Failed(format!("{error} Nothing was changed."))),
    }
}

/// Backup and restore of one course's ticks: a file to download, a code to copy, and both ways back.
#[function_component(BackupPanel)]
pub fn backup_panel(props: &BackupPanelProps) -> Html {
    let state = use_reducer(PanelState::default);
    let backup = {
        let key = props.storage_key.clone();
        move || Backup {
            course: course_of_key(&key).unwrap_or("~inline").to_owned(),
            progress: (*progress_store::load(&key)).clone(),
        }
    };
    let ondownload = {
        let backup = backup.clone();
        let state = state.dispatcher();
        Callback::from(move |_: MouseEvent| {
            let backup = backup();
            let name = backup.file_name(today());
            if files::download(&name, &backup.to_file()) {
                state.dispatch(Action::Said(format!(
                    "Saving {name}: keep it somewhere safe."
                )));
            } else {
                state.dispatch(Action::Failed(
                    "This browser would not save the file: copy the code instead.".into(),
                ));
            }
        })
    };
    let oncopy = {
        let state = state.dispatcher();
        Callback::from(move |_: MouseEvent| {
            let code = backup().to_code();
            state.dispatch(Action::Code(code.clone()));
            let state = state.clone();
            yew::platform::spawn_local(async move {
                if files::copy_text(&code).await {
                    state.dispatch(Action::Said(
                        "Code copied: paste it into this widget in the other browser.".into(),
                    ));
                } else {
                    state.dispatch(Action::Said("Select the code below and copy it.".into()));
                }
            });
        })
    };
    let ontype = {
        let state = state.dispatcher();
        Callback::from(move |event: InputEvent| {
            let area: HtmlTextAreaElement = event.target_unchecked_into();
            state.dispatch(Action::Type(area.value()));
        })
    };
    let onrestore = {
        let state = state.clone();
        Callback::from(move |_: MouseEvent| restore(&state.typed, &state.dispatcher()))
    };
    let onfile = {
        let state = state.dispatcher();
        Callback::from(move |event: Event| {
            let input: HtmlInputElement = event.target_unchecked_into();
            let state = state.clone();
            yew::platform::spawn_local(async move {
                match files::read_chosen_file(&input).await {
                    Some(text) => restore(&text, &state),
                    None => state.dispatch(Action::Failed(
                        "That file could not be read: choose the .json file the widget saved. Nothing was changed.".into(),
                    )),
                }
                // Choosing the same file again must fire another change.
                input.set_value("");
            });
        })
    };
    html! {
        <div class="backup" id="tp-backup">
            <p class="hint">{ "Keep a copy of your ticks for this course, to move them to another browser or to bring them back if this one forgets them." }</p>
            <div class="row">
                <button type="button" onclick={ondownload}>{ "Download backup file" }</button>
                <button type="button" onclick={oncopy}>{ "Copy backup code" }</button>
            </div>
            if let Some(code) = &state.code {
                <label class="field">
                    <span>{ "Your backup code" }</span>
                    <textarea class="code" readonly=true rows="2" value={code.clone()} />
                </label>
            }
            <label class="field">
                <span>{ "Restore from a backup code" }</span>
                <textarea class="paste" rows="2" value={state.typed.clone()} oninput={ontype} placeholder="TP1 …" />
            </label>
            <div class="row">
                <button type="button" onclick={onrestore}>{ "Restore code" }</button>
                <label class="file">
                    <span>{ "or restore a backup file: " }</span>
                    <input type="file" accept=".json,application/json" onchange={onfile} />
                </label>
            </div>
            <p class={classes!("outcome", state.message.as_ref().filter(|(_, failed)| *failed).map(|_| "failed"))} role="status">
                { state.message.as_ref().map(|(text, _)| text.clone()).unwrap_or_default() }
            </p>
        </div>
    }
}
