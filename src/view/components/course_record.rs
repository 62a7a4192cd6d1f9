use crate::core::progress::{tidy_name, Progress, NAME_MAX_CHARS};
use crate::core::record::{course_record, rows, ThingState};
use crate::core::record_files::{csv, file_name, markdown};
use crate::view::i18n::{Arg, Label};
use crate::view::widget::Widget;
use crate::view::words::{self, RecordWords};
use crate::web::clock::date_at;
use crate::web::{files, host_of, print, progress_store, today, warn};
use gloo_events::EventListener;
use std::rc::Rc;
use web_sys::HtmlInputElement;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct CourseRecordProps {
    pub widget: Rc<Widget>,
    pub progress: Rc<Progress>,
    /// What shows while the record is closed: the list of Things.
    #[prop_or_default]
    pub children: Html,
}

/// The list of Things with *My course record* under it, which shows the record in the list's
/// place; *Back to the Things* shows the list again. The focus follows: to the record's
/// heading when it opens, back to the button when it closes.
#[function_component(CourseRecord)]
pub fn course_record_switch(props: &CourseRecordProps) -> Html {
    let open = use_state(|| false);
    let button = use_node_ref();
    let heading = use_node_ref();
    // Only the reader's own opening and closing move the focus, never the first render.
    let moved = use_mut_ref(|| false);
    {
        let (button, heading, moved) = (button.clone(), heading.clone(), moved.clone());
        use_effect_with(*open, move |open| {
            if *moved.borrow() {
                let target = if *open { heading } else { button };
                if let Some(element) = target.cast::<web_sys::HtmlElement>() {
                    let _ = element.focus();
                }
            }
        });
    }
    let toggle = |to: bool| {
        let (open, moved) = (open.clone(), moved.clone());
        Callback::from(move |()| {
            *moved.borrow_mut() = true;
            open.set(to);
        })
    };
    if *open {
        return html! {
            <RecordView widget={props.widget.clone()} progress={props.progress.clone()}
                {heading} onclose={toggle(false)} />
        };
    }
    let onopen = toggle(true);
    html! {
        <>
            { props.children.clone() }
            <p class="record-open">
                <button type="button" ref={button} onclick={move |_| onopen.emit(())}>
                    { props.widget.labels.text(Label::MyRecord) }
                </button>
            </p>
        </>
    }
}

#[derive(Properties, PartialEq)]
pub struct RecordViewProps {
    pub widget: Rc<Widget>,
    pub progress: Rc<Progress>,
    /// The record's heading, focused when it opens.
    pub heading: NodeRef,
    pub onclose: Callback<()>,
}

/// *My course record*: the course, the participant's name, each Thing with its state and the
/// link to the post that answers it; printed alone (see `web::print`) or downloaded as
/// Markdown or CSV. Everything is made here from the progress in this browser.
#[function_component(RecordView)]
pub fn record_view(props: &RecordViewProps) -> Html {
    let widget = &props.widget;
    let labels = &widget.labels;
    let key = widget.model.storage_key.clone();
    let root = use_node_ref();
    let name_field = use_node_ref();
    let said = use_state(|| None::<(bool, String)>);
    {
        // While the record is open, printing the page (the Print button or the browser's own
        // command) prints the record alone; afterwards, and once it closes, the page prints as
        // itself again.
        let root = root.clone();
        use_effect_with((), move |()| {
            let listeners = web_sys::window().map(|window| {
                let before = EventListener::new(&window, "beforeprint", move |_| {
                    mark_host(&root);
                });
                let after = EventListener::new(&window, "afterprint", |_| print::unmark());
                (before, after)
            });
            move || {
                drop(listeners);
                print::unmark();
            }
        });
    }
    let stored_name = props.progress.name().unwrap_or_default().to_owned();
    {
        // Set from the stored name only when it says something else (another tab changed it):
        // the field keeps what the reader is typing, spaces included, and its caret.
        let name_field = name_field.clone();
        use_effect_with(stored_name.clone(), move |name| {
            if let Some(field) = name_field.cast::<HtmlInputElement>() {
                if tidy_name(&field.value()) != *name {
                    field.set_value(name);
                }
            }
        });
    }
    let Some(programme) = widget.model.programme.clone() else {
        return Html::default();
    };
    let record = course_record(&props.progress, &programme);
    let last = usize::try_from(programme.last_number()).unwrap_or(0);
    let things = record.iter().map(|thing| {
        let number = usize::try_from(thing.number).unwrap_or(0);
        let state = words::thing_state(thing.state, labels, date_at);
        let finished = matches!(thing.state, ThingState::Finished { .. });
        html! {
            <li key={thing.number.to_string()} class={classes!(finished.then_some("complete"))}>
                <span class="name" dir="auto">
                    <span class="visually-hidden">{ labels.format(Label::ThingOf, &[("thing", Arg::Number(number)), ("total", Arg::Number(last))]) }{ ": " }</span>
                    <span class="number" aria-hidden="true">{ thing.number }{ ". " }</span>
                    { thing.title.to_owned() }
                </span>
                <span class="state">{ state }</span>
                if let Some(link) = &thing.link {
                    <a class="post" href={link.as_str().to_owned()} target="_blank" rel="noopener">
                        { labels.text(Label::MyPost) }
                        <span class="visually-hidden">{ " (" }{ thing.title.to_owned() }{ ")" }</span>
                    </a>
                }
            </li>
        }
    });

    let onname = {
        let key = key.clone();
        Callback::from(move |event: InputEvent| {
            let field: HtmlInputElement = event.target_unchecked_into();
            progress_store::set_name(&key, &field.value());
        })
    };
    let onprint = {
        let root = root.clone();
        Callback::from(move |_: MouseEvent| {
            mark_host(&root);
            if !print::print() {
                print::unmark();
                warn("the browser would not print the course record");
            }
        })
    };
    let download = |csv_file: bool| {
        let (labels, programme, key, said) =
            (labels.clone(), programme.clone(), key.clone(), said.clone());
        Callback::from(move |_: MouseEvent| {
            let progress = progress_store::load(&key);
            let rows = rows(&course_record(&progress, &programme), date_at);
            let words = RecordWords::of(&labels, &programme.title);
            let (name, text, mime) = if csv_file {
                (
                    file_name(&programme.id, today(), "csv"),
                    csv(&words.headings(), &rows),
                    "text/csv;charset=utf-8",
                )
            } else {
                let answered = |done: usize, total: usize| {
                    labels.format(
                        Label::Answered,
                        &[("done", Arg::Number(done)), ("total", Arg::Number(total))],
                    )
                };
                (
                    file_name(&programme.id, today(), "md"),
                    markdown(&words.markdown(&answered), progress.name(), &rows),
                    "text/markdown;charset=utf-8",
                )
            };
            said.set(Some(if files::download_as(&name, &text, mime) {
                (
                    false,
                    labels.format(Label::RecordSaved, &[("file", Arg::Text(&name))]),
                )
            } else {
                (true, labels.text(Label::RecordRefused))
            }));
        })
    };
    let onclose = props.onclose.clone();
    let onback = {
        let onclose = onclose.clone();
        Callback::from(move |_: MouseEvent| onclose.emit(()))
    };
    let onkeydown = Callback::from(move |event: KeyboardEvent| {
        if event.key() == "Escape" {
            event.prevent_default();
            onclose.emit(());
        }
    });
    let name_line = (!stored_name.is_empty())
        .then(|| format!("{}: {}", labels.text(Label::RecordNameLine), stored_name));
    let (failed, said_text) = (*said).clone().unwrap_or_default();
    html! {
        <div class="record" role="group" ref={root} aria-labelledby="tp-record-heading" {onkeydown}>
            <h2 id="tp-record-heading" tabindex="-1" ref={props.heading.clone()}>{ labels.text(Label::MyRecord) }</h2>
            <p class="record-course" dir="auto">{ programme.title.clone() }</p>
            if let Some(line) = name_line {
                <p class="record-name-line print-only" dir="auto">{ line }</p>
            }
            <p class="record-private">{ labels.text(Label::RecordPrivate) }</p>
            <div class="field record-name">
                <label for="tp-record-name">{ labels.text(Label::RecordName) }</label>
                <input id="tp-record-name" type="text" ref={name_field} dir="auto" autocomplete="name"
                    maxlength={NAME_MAX_CHARS.to_string()} oninput={onname} />
            </div>
            <ol class="things record-things">{ for things }</ol>
            <div class="row record-actions">
                <button type="button" onclick={onprint}>{ labels.text(Label::RecordPrint) }</button>
                <button type="button" onclick={download(false)}>{ labels.text(Label::RecordMarkdown) }</button>
                <button type="button" onclick={download(true)}>{ labels.text(Label::RecordCsv) }</button>
                <button type="button" onclick={onback}>{ labels.text(Label::RecordBack) }</button>
            </div>
            <p class={classes!("outcome", failed.then_some("failed"))} role="status">{ said_text }</p>
        </div>
    }
}

/// Marks the widget around the record (`root`) as the one thing of the page to print.
fn mark_host(root: &NodeRef) {
    if let Some(host) = root.get().and_then(|node| host_of(&node)) {
        print::mark(&host);
    }
}
