use crate::core::prompt_id::PromptId;
use web_sys::HtmlTextAreaElement;
use yew::prelude::*;

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

/// The box for the reader's notes under a question (the full module's, shown where the
/// organiser turned notes on): a labelled text area saved as the reader types. Its value is set from the stored note
/// only when the two differ (another widget or tab changed it), so typing keeps its caret.
#[function_component(NoteBox)]
pub fn note_box(props: &NoteBoxProps) -> Html {
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
