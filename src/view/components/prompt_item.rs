use crate::core::prompt_id::PromptId;
use crate::view::extras;
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
                { extras::note_box(&props.id, note.clone(), props.note_label.clone(), &props.onnote) }
            }
        </li>
    }
}

#[derive(Properties, PartialEq)]
pub struct NoteBoxProps {
    pub id: PromptId,
    pub note: AttrValue,
    pub label: AttrValue,
    pub onnote: Callback<(PromptId, String)>,
}

/// An element id for the prompt's notes box, unique in the widget's shadow root: the
/// prompt id with every character outside `[A-Za-z0-9_-]` written as `.` and its code.
fn note_element_id(id: &PromptId) -> String {
    let mut out = String::from("tp-note-");
    for c in id.as_str().chars() {
        if c.is_ascii_alphanumeric() || c == '-' || c == '_' {
            out.push(c);
        } else {
            out.push_str(&format!(".{:x}.", u32::from(c)));
        }
    }
    out
}

/// A labelled text area saved as the reader types. Its value is set from the stored note
/// only when the two differ (another widget or tab changed it), so typing keeps its caret.
#[function_component(NoteBox)]
pub fn note_box(props: &NoteBoxProps) -> Html {
    use web_sys::HtmlTextAreaElement;
    let area = use_node_ref();
    {
        let area = area.clone();
        use_effect_with(props.note.clone(), move |note| {
            if let Some(area) = area.cast::<HtmlTextAreaElement>() {
                if area.value() != note.as_str() {
                    area.set_value(note);
                }
            }
        });
    }
    let oninput = {
        let id = props.id.clone();
        let onnote = props.onnote.clone();
        Callback::from(move |event: InputEvent| {
            let area: HtmlTextAreaElement = event.target_unchecked_into();
            onnote.emit((id.clone(), area.value()));
        })
    };
    let element_id = note_element_id(&props.id);
    let max = crate::core::progress::NOTE_MAX_CHARS.to_string();
    html! {
        <div class="note">
            <label for={element_id.clone()}>{ props.label.clone() }</label>
            <textarea id={element_id} ref={area} rows="3" dir="auto" maxlength={max} {oninput} />
        </div>
    }
}
