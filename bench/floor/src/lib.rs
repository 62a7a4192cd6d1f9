//! The benchmark's floor (`cargo xtask bench`, docs/performance.md): the least a Yew checklist
//! can be. Five labelled native checkboxes in an open shadow root with an adopted stylesheet,
//! one `use_state`, a progress line, and one `localStorage` write per tick. Nothing more: no
//! programme, no reading of the placeholder, no stored ticks read back.
//!
//! xtask builds it with the lite module's own release pipeline (xtask/src/dist.rs) into
//! target/bench-floor/, never into dist/: no blog page fetches it. The widget's budgets are
//! ratios to what this measures in the same run.
//!
//! Only the wasm32 build has anything in it, as the widget's browser code is wasm32-only.
#![cfg(target_arch = "wasm32")]

use wasm_bindgen::prelude::*;
use web_sys::{CssStyleSheet, Element, HtmlInputElement, ShadowRootInit, ShadowRootMode};
use yew::prelude::*;

/// Thing 12's questions, as the widget shows them on the benchmark's page.
const QUESTIONS: [&str; 5] = [
    "How much of the social do you put into your social media: do you join conversations, or mostly read without replying?",
    "Do you keep to people from your own sector, or look for people who work in other parts of the profession?",
    "If you hold back from taking part, what do you think holds you back?",
    "Find a fellow participant who works in a different sector, read their blog and leave a comment or a question on one of their posts.",
    "Has the course put you in touch with people you would otherwise never have met?",
];

/// Where a tick is written.
const KEY: &str = "bench-floor:v1";

const CSS: &str = ".tp{border:1px solid #c8c8c8;border-left:4px solid #1d6a8a;border-radius:6px;padding:.8em 1em;margin:1em 0}\
ul{list-style:none;margin:0;padding:0}\
label{display:flex;gap:.5em;align-items:baseline;padding:.2em 0}\
p{margin:.4em 0 0;font-size:.9em}";

#[function_component]
fn Checklist() -> Html {
    let ticks = use_state(|| [false; 5]);
    let done = ticks.iter().filter(|&&ticked| ticked).count();
    let rows = QUESTIONS.iter().zip(ticks.iter()).enumerate().map(|(n, (text, &ticked))| {
        let ticks = ticks.clone();
        let onchange = Callback::from(move |event: Event| {
            let Some(input) = event.target_dyn_into::<HtmlInputElement>() else {
                return;
            };
            let mut next = *ticks;
            if let Some(tick) = next.get_mut(n) {
                *tick = input.checked();
            }
            let stored: String = next.iter().map(|&t| if t { '1' } else { '0' }).collect();
            if let Some(storage) = web_sys::window().and_then(|w| w.local_storage().ok().flatten()) {
                let _ = storage.set_item(KEY, &stored);
            }
            ticks.set(next);
        });
        html! {
            <li><label><input type="checkbox" checked={ticked} {onchange} />{ *text }</label></li>
        }
    });
    html! {
        <div class="tp">
            <ul>{ for rows }</ul>
            <p role="status">{ format!("{done} of {} answered", QUESTIONS.len()) }</p>
        </div>
    }
}

/// Mounts the checklist in `host`'s new shadow root; false when it cannot have one.
#[wasm_bindgen]
pub fn mount(host: Element) -> bool {
    // Yew's default hook (console_error_panic_hook) formats the panic; the widget sets a
    // one-line hook instead, and so does the floor: the same Yew, configured alike.
    yew::set_custom_panic_hook(Box::new(|_| {}));
    let Ok(shadow) = host.attach_shadow(&ShadowRootInit::new(ShadowRootMode::Open)) else {
        return false;
    };
    if let Ok(sheet) = CssStyleSheet::new() {
        if sheet.replace_sync(CSS).is_ok() {
            shadow.set_adopted_style_sheets(&js_sys::Array::of1(&sheet));
        }
    }
    let Some(root) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.create_element("div").ok())
    else {
        return false;
    };
    if shadow.append_child(&root).is_err() {
        return false;
    }
    yew::Renderer::<Checklist>::with_root(root).render();
    true
}
