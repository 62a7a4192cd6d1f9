use crate::core::outline::Format;
use crate::view::hooks::use_progress::use_progress;
use crate::view::i18n::{Arg, Label, Labels};
use crate::view::widget::Widget;
use crate::view::words;
use crate::web::files;
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct OutlinePanelProps {
    /// The Thing to outline, and the labels the panel speaks.
    pub widget: Rc<Widget>,
}

/// The name of a format as the buttons and messages say it.
fn format_name(format: Format, labels: &Labels) -> String {
    match format {
        Format::Html => "HTML".to_owned(),
        Format::Markdown => "Markdown".to_owned(),
        Format::Text => labels.text(Label::PlainText),
    }
}

/// "Start my post": the Thing's outline copied in the reader's chosen format, and shown in a
/// read-only box for copying by hand where the browser will not let the page copy.
#[function_component(OutlinePanel)]
pub fn outline_panel(props: &OutlinePanelProps) -> Html {
    let labels = &props.widget.labels;
    let outline = use_memo(props.widget.clone(), |widget| {
        words::outline(&widget.model, &widget.labels)
    });
    // With notes on, each question's note fills the paragraph after it.
    let progress = use_progress(&props.widget.model.storage_key);
    let model = &props.widget.model;
    let notes: Rc<Vec<Option<String>>> = Rc::new(
        model
            .prompts
            .iter()
            .map(|prompt| {
                model
                    .notes
                    .then(|| progress.note(&model.thing_key, &prompt.id))
                    .flatten()
                    .map(str::to_owned)
            })
            .collect(),
    );
    let render =
        |outline: &crate::core::outline::Outline, format: Format, notes: &[Option<String>]| {
            let notes: Vec<Option<&str>> = notes.iter().map(Option::as_deref).collect();
            outline.render(format, &notes)
        };
    // The format shown in the box: the last one chosen.
    let shown = use_state(Format::default);
    // What the last copy came to: the message, and whether it failed.
    let message = use_state(|| None::<(AttrValue, bool)>);
    let copy = |format: Format| {
        let outline = outline.clone();
        let labels = labels.clone();
        let shown = shown.clone();
        let message = message.clone();
        let notes = notes.clone();
        Callback::from(move |_: MouseEvent| {
            shown.set(format);
            let text = render(&outline, format, &notes);
            let (labels, message) = (labels.clone(), message.clone());
            yew::platform::spawn_local(async move {
                let copied = files::copy_text(&text).await;
                let said = if copied {
                    let name = format_name(format, &labels);
                    labels.format(Label::OutlineCopied, &[("format", Arg::Text(&name))])
                } else {
                    labels.text(Label::SelectOutline)
                };
                message.set(Some((said.into(), !copied)));
            });
        })
    };
    let shown_name = format_name(*shown, labels);
    html! {
        <div class="outline" id="tp-outline">
            <p class="hint">{ labels.text(Label::OutlineHint) }</p>
            <div class="row">
                { for Format::ALL.iter().map(|&format| {
                    let name = format_name(format, labels);
                    html! {
                        <button type="button" data-format={format.key()} onclick={copy(format)}>
                            { labels.format(Label::CopyAs, &[("format", Arg::Text(&name))]) }
                        </button>
                    }
                }) }
            </div>
            <p class={classes!("outcome", message.as_ref().filter(|(_, failed)| *failed).map(|_| "failed"))} role="status">
                { message.as_ref().map(|(text, _)| text.clone()).unwrap_or_default() }
            </p>
            <label class="field">
                <span>{ labels.format(Label::YourOutline, &[("format", Arg::Text(&shown_name))]) }</span>
                <textarea class="outline-text" readonly=true rows="8" dir="auto" value={render(&outline, *shown, &notes)} />
            </label>
        </div>
    }
}
