use crate::core::backup::{course_of_key, Backup, BackupError, RestoreReport, INLINE_COURSE};
use crate::core::device_link;
use crate::view::i18n::{Arg, Label};
use crate::view::widget::Widget;
use crate::view::words;
use crate::web::{address, progress_store};
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct LinkPromptProps {
    /// The widget that may speak of a link from another device.
    pub widget: Rc<Widget>,
}

/// Where the prompt is: asking, or done with what it said.
#[derive(Clone, PartialEq)]
enum Stage {
    /// The link's ticks and how many of them are new here.
    /// The backup, with the new ticks and the new links to the reader's posts it brings.
    Asking(Rc<Backup>, usize, usize),
    /// What was done or why nothing was, and whether that is a failure.
    Said(AttrValue, bool),
}

/// The stage, and whether it is shown yet: the first words go into the live region once it
/// is on the page, so that they are announced.
#[derive(Clone, PartialEq)]
struct Prompt {
    stage: Stage,
    shown: bool,
}

enum Action {
    Show,
    Said(String, bool),
}

impl Reducible for Prompt {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        Rc::new(match action {
            Action::Show => Prompt {
                stage: self.stage.clone(),
                shown: true,
            },
            Action::Said(text, failed) => Prompt {
                stage: Stage::Said(text.into(), failed),
                shown: true,
            },
        })
    }
}

/// "Add 12 ticks from another device?": shown by the one widget on the page that takes the link
/// (`web::address::take_link`); nothing in every other widget.
#[function_component(LinkPrompt)]
pub fn link_prompt(props: &LinkPromptProps) -> Html {
    let widget = props.widget.clone();
    let key = widget.model.storage_key.clone();
    let course = course_of_key(&key).unwrap_or(INLINE_COURSE).to_owned();
    // Taken once, as the widget first renders.
    let link = use_memo((), move |()| {
        address::take_link(&course).map(|l| (l, course))
    });
    let prompt = use_reducer({
        let (link, widget) = (link.clone(), widget.clone());
        move || Prompt {
            stage: first_stage(link.as_ref().as_ref(), &widget),
            shown: false,
        }
    });
    let outcome = use_node_ref();
    {
        let prompt = prompt.dispatcher();
        use_effect_with((), move |()| prompt.dispatch(Action::Show));
    }
    if link.is_none() {
        return Html::default();
    }
    let labels = Rc::new(widget.labels.clone());
    // After a button, the focus goes to what it did (the buttons are gone).
    let said = {
        let (prompt, outcome) = (prompt.dispatcher(), outcome.clone());
        move |text: String| {
            prompt.dispatch(Action::Said(text, false));
            if let Some(element) = outcome.cast::<web_sys::HtmlElement>() {
                let _ = element.focus();
            }
        }
    };
    let (text, buttons, failed) = match &prompt.stage {
        Stage::Asking(backup, count, links) => {
            let onadd = {
                let (backup, labels, said) = (backup.clone(), labels.clone(), said.clone());
                Callback::from(move |_: MouseEvent| {
                    let report = progress_store::restore(&backup);
                    address::clear_fragment();
                    said(words::restore_report(&report, &labels));
                })
            };
            let onskip = {
                let labels = labels.clone();
                Callback::from(move |_: MouseEvent| {
                    address::clear_fragment();
                    said(labels.text(Label::LinkSkipped));
                })
            };
            let question = if *count > 0 {
                labels.format(Label::AddTicks, &[("count", Arg::Number(*count))])
            } else {
                labels.format(Label::AddLinks, &[("links", Arg::Number(*links))])
            };
            (AttrValue::from(question), Some((onadd, onskip)), false)
        }
        Stage::Said(text, failed) => (text.clone(), None, *failed),
    };
    let text = if prompt.shown {
        text
    } else {
        AttrValue::default()
    };
    // Hidden while it has nothing to say, by a class set here rather than by
    // `:has(.outcome:empty)`: WebKit does not re-match that selector when the text arrives after
    // the first render, so the question stayed invisible there (seen in WebKitGTK 2.50).
    let quiet = text.is_empty();
    html! {
        <div class={classes!("link-prompt", quiet.then_some("quiet"))}>
            <p ref={outcome} tabindex="-1" role="status"
                class={classes!("outcome", failed.then_some("failed"))}>{ text }</p>
            if let (Some((onadd, onskip)), true) = (buttons, prompt.shown) {
                <div class="row">
                    <button type="button" class="primary" onclick={onadd}>{ labels.text(Label::Add) }</button>
                    <button type="button" onclick={onskip}>{ labels.text(Label::NotNow) }</button>
                </div>
            }
        </div>
    }
}

/// What the widget says first: a question when the link brings new ticks, else (nothing new,
/// another course, a damaged link) a sentence, and then the prompt is done.
fn first_stage(link: Option<&(Result<Backup, BackupError>, String)>, widget: &Widget) -> Stage {
    let labels = &widget.labels;
    let Some((link, course)) = link else {
        return Stage::Said(AttrValue::default(), false);
    };
    match link {
        Ok(backup) if backup.course == *course => {
            let progress = progress_store::load(&widget.model.storage_key);
            let report = device_link::preview(backup, &progress);
            if report.restored > 0 || report.links > 0 {
                Stage::Asking(Rc::new(backup.clone()), report.restored, report.links)
            } else {
                // Nothing to ask about: say so, and the link has done its work. (Nothing was
                // restored: this was a preview, so the name it would bring is not mentioned.)
                address::clear_fragment();
                let report = RestoreReport {
                    name: false,
                    ..report
                };
                Stage::Said(words::restore_report(&report, labels).into(), false)
            }
        }
        Ok(_) => Stage::Said(labels.text(Label::LinkOtherCourse).into(), true),
        Err(_) => Stage::Said(labels.text(Label::LinkDamaged).into(), true),
    }
}
