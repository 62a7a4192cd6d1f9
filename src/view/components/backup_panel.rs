use super::device_link::DeviceLink;
use crate::core::backup::{course_of_key, Backup};
use crate::view::i18n::{Arg, Label, Labels};
use crate::view::widget::Widget;
use crate::view::words;
use crate::web::{files, json, progress_store, today};
use std::rc::Rc;
use web_sys::{HtmlInputElement, HtmlTextAreaElement};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct BackupPanelProps {
    /// The widget whose course's ticks are backed up, and whose labels the panel speaks.
    pub widget: Rc<Widget>,
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
fn restore(text: &str, labels: &Labels, state: &UseReducerDispatcher<PanelState>) {
    match Backup::read(text, json::parse) {
        Ok(backup) => {
            let report = progress_store::restore(&backup);
            state.dispatch(Action::Said(words::restore_report(&report, labels)));
        }
        Err(error) => state.dispatch(Action::Failed(format!(
            "{} {}",
            labels.text(words::backup_problem(&error)),
            labels.text(Label::NothingChanged)
        ))),
    }
}

/// Backup and restore of one course's ticks: a file to download, a code to copy, and both ways back.
#[function_component(BackupPanel)]
pub fn backup_panel(props: &BackupPanelProps) -> Html {
    let state = use_reducer(PanelState::default);
    let labels = Rc::new(props.widget.labels.clone());
    let backup = {
        let key = props.widget.model.storage_key.clone();
        move || Backup {
            course: course_of_key(&key).unwrap_or("~inline").to_owned(),
            progress: (*progress_store::load(&key)).clone(),
            from_code: false,
        }
    };
    let ondownload = {
        let backup = backup.clone();
        let labels = labels.clone();
        let state = state.dispatcher();
        Callback::from(move |_: MouseEvent| {
            let backup = backup();
            let name = backup.file_name(today());
            let file = json::stringify_pretty(&backup.file());
            if file.is_some_and(|file| files::download(&name, &file)) {
                state.dispatch(Action::Said(
                    labels.format(Label::Saving, &[("file", Arg::Text(&name))]),
                ));
            } else {
                state.dispatch(Action::Failed(labels.text(Label::SaveRefused)));
            }
        })
    };
    let oncopy = {
        let labels = labels.clone();
        let state = state.dispatcher();
        Callback::from(move |_: MouseEvent| {
            let code = backup().to_code();
            state.dispatch(Action::Code(code.clone()));
            let (labels, state) = (labels.clone(), state.clone());
            yew::platform::spawn_local(async move {
                let outcome = if files::copy_text(&code).await {
                    Label::Copied
                } else {
                    Label::SelectCode
                };
                state.dispatch(Action::Said(labels.text(outcome)));
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
        let labels = labels.clone();
        let state = state.clone();
        Callback::from(move |_: MouseEvent| restore(&state.typed, &labels, &state.dispatcher()))
    };
    let onfile = {
        let labels = labels.clone();
        let state = state.dispatcher();
        Callback::from(move |event: Event| {
            let input: HtmlInputElement = event.target_unchecked_into();
            let (labels, state) = (labels.clone(), state.clone());
            yew::platform::spawn_local(async move {
                match files::read_chosen_file(&input).await {
                    Some(text) => restore(&text, &labels, &state),
                    None => state.dispatch(Action::Failed(format!(
                        "{} {}",
                        labels.text(Label::FileUnreadable),
                        labels.text(Label::NothingChanged)
                    ))),
                }
                // Choosing the same file again must fire another change.
                input.set_value("");
            });
        })
    };
    html! {
        <div class="backup" id="tp-backup">
            <p class="hint">
                { labels.text(Label::BackupHint) }
                if props.widget.model.notes {
                    { " " }{ labels.text(Label::CodeTicksOnly) }
                }
            </p>
            <div class="row">
                <button type="button" onclick={ondownload}>{ labels.text(Label::Download) }</button>
                <button type="button" onclick={oncopy}>{ labels.text(Label::CopyCode) }</button>
            </div>
            if let Some(code) = &state.code {
                <label class="field">
                    <span>{ labels.text(Label::YourCode) }</span>
                    <textarea class="code" readonly=true rows="2" value={code.clone()} />
                </label>
            }
            <label class="field">
                <span>{ labels.text(Label::PasteCode) }</span>
                <textarea class="paste" rows="2" value={state.typed.clone()} oninput={ontype} placeholder="TP1 …" />
            </label>
            <div class="row">
                <button type="button" onclick={onrestore}>{ labels.text(Label::RestoreCode) }</button>
                <label class="file">
                    <span>{ labels.text(Label::RestoreFile) }{ " " }</span>
                    <input type="file" accept=".json,application/json" onchange={onfile} />
                </label>
            </div>
            <DeviceLink widget={props.widget.clone()} />
            <p class={classes!("outcome", state.message.as_ref().filter(|(_, failed)| *failed).map(|_| "failed"))} role="status">
                { state.message.as_ref().map(|(text, _)| text.clone()).unwrap_or_default() }
            </p>
        </div>
    }
}
