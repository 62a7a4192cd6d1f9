use crate::core::backup::{course_of_key, Backup, INLINE_COURSE};
use crate::core::device_link::{self, Qr};
use crate::view::i18n::{Arg, Label};
use crate::view::widget::Widget;
use crate::web::{address, files, progress_store};
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct DeviceLinkProps {
    /// The widget whose course's ticks the link carries.
    pub widget: Rc<Widget>,
}

/// The link made when the reader opened this part, its QR code, and what copying it came to.
#[derive(Clone, Default, PartialEq)]
struct LinkState {
    shown: Option<Rc<(AttrValue, Option<Qr>)>>,
    message: Option<AttrValue>,
}

enum Action {
    Show(String),
    Hide,
    Said(String),
}

impl Reducible for LinkState {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut next = (*self).clone();
        match action {
            Action::Show(link) => {
                let qr = device_link::qr(&link);
                next.shown = Some(Rc::new((link.into(), qr)));
                next.message = None;
            }
            Action::Hide => next.shown = None,
            Action::Said(message) => next.message = Some(message.into()),
        }
        Rc::new(next)
    }
}

/// "Open on another device": this post's address with the course's ticks in its fragment, as a
/// QR code to scan, a link to copy and an e-mail to send.
#[function_component(DeviceLink)]
pub fn device_link(props: &DeviceLinkProps) -> Html {
    let state = use_reducer(LinkState::default);
    let labels = Rc::new(props.widget.labels.clone());
    let ontoggle = {
        let key = props.widget.model.storage_key.clone();
        let state = state.clone();
        Callback::from(move |_: MouseEvent| {
            if state.shown.is_some() {
                state.dispatch(Action::Hide);
                return;
            }
            let code = Backup {
                course: course_of_key(&key).unwrap_or(INLINE_COURSE).to_owned(),
                progress: (*progress_store::load(&key)).clone(),
                from_code: false,
            }
            .to_code();
            let page = address::page_url().unwrap_or_default();
            state.dispatch(Action::Show(device_link::link(&page, &code)));
        })
    };
    let shown = state.shown.as_ref().map(|shown| {
        let (link, qr) = &**shown;
        let oncopy = {
            let (labels, state, link) = (labels.clone(), state.dispatcher(), link.clone());
            Callback::from(move |_: MouseEvent| {
                let (labels, state, link) = (labels.clone(), state.clone(), link.clone());
                yew::platform::spawn_local(async move {
                    let outcome = if files::copy_text(&link).await {
                        Label::LinkCopied
                    } else {
                        Label::SelectLink
                    };
                    state.dispatch(Action::Said(labels.text(outcome)));
                });
            })
        };
        let subject = labels.format(
            Label::EmailSubject,
            &[("title", Arg::Text(&props.widget.words.title))],
        );
        let body = format!("{}\n\n{link}\n", labels.text(Label::EmailBody));
        let mailto = device_link::mailto(&subject, &body);
        html! {
            <div class="device" id="tp-device">
                <p class="hint">{ labels.text(Label::DeviceLinkHint) }</p>
                if let Some(qr) = qr {
                    { qr_image(qr, labels.text(Label::QrName)) }
                }
                <label class="field">
                    <span>{ labels.text(Label::YourLink) }</span>
                    <textarea class="link" readonly=true rows="3" value={link.clone()} />
                </label>
                <div class="row">
                    <button type="button" onclick={oncopy}>{ labels.text(Label::CopyLink) }</button>
                    <a class="button" href={mailto}>{ labels.text(Label::EmailLink) }</a>
                </div>
                <p class="outcome" role="status">{ state.message.clone().unwrap_or_default() }</p>
            </div>
        }
    });
    html! {
        <>
            <div class="row">
                <button type="button" aria-expanded={state.shown.is_some().to_string()}
                    aria-controls="tp-device" onclick={ontoggle}>{ labels.text(Label::DeviceLink) }</button>
            </div>
            { shown.unwrap_or_default() }
        </>
    }
}

/// The QR code as SVG elements: dark modules on white, with the quiet zone of four modules
/// around it that scanners need, whatever the page's colours.
fn qr_image(qr: &Qr, name: String) -> Html {
    let side = qr.width + 8;
    html! {
        <svg class="qr" role="img" aria-label={name} viewBox={format!("-4 -4 {side} {side}")}
            shape-rendering="crispEdges" data-modules={qr.width.to_string()}>
            <rect x="-4" y="-4" width={side.to_string()} height={side.to_string()} fill="#fff" />
            <path d={qr.path.clone()} fill="#000" />
        </svg>
    }
}
