use crate::core::prompt_id::PromptId;
use crate::view::parts;
use web_sys::HtmlInputElement;
use yew::prelude::*;

/// What one question shows. A plain view function rather than a component: each component
/// type costs its own copy of Yew's generic code in the first download, and a question has no
/// state of its own (its list is keyed by prompt id, so the browser's nodes follow the questions).
pub struct PromptItemProps {
    pub id: PromptId,
    pub text: AttrValue,
    pub checked: bool,
    /// "optional", in the widget's language, for a question that does not count.
    pub optional: Option<AttrValue>,
    /// Called with the prompt's id and whether it is now ticked.
    pub ontoggle: Callback<(PromptId, bool)>,
    /// The reader's note on this question (empty when none); `None` when notes are off.
    pub note: Option<AttrValue>,
    /// The notes box's visible label, in the widget's language.
    pub note_label: AttrValue,
    /// Called with the prompt's id and the note's whole text as the reader types.
    pub onnote: Callback<(PromptId, String)>,
}

/// One question: a native checkbox whose label is the question's text, and, when the
/// organiser turned notes on, a box for the reader's own notes under it.
pub fn prompt_item(props: &PromptItemProps) -> Html {
    let onchange = {
        let id = props.id.clone();
        let ontoggle = props.ontoggle.clone();
        Callback::from(move |event: Event| {
            let input: HtmlInputElement = event.target_unchecked_into();
            ontoggle.emit((id.clone(), input.checked()));
        })
    };
    html! {
        <li key={props.id.as_str()}>
            <label class="prompt">
                <input type="checkbox" checked={props.checked} {onchange} />
                <span class="text" dir="auto">
                    { props.text.clone() }
                    if let Some(optional) = &props.optional {
                        <span class="optional">{ " (" }{ optional.clone() }{ ")" }</span>
                    }
                </span>
            </label>
            if let Some(note) = &props.note {
                { parts::note_box(&props.id, note.clone(), props.note_label.clone(), &props.onnote) }
            }
        </li>
    }
}
