use crate::view::checklist_state::{Action, ChecklistState, Part};
use crate::view::i18n::{Label, Labels};
use crate::web::persistence;
use yew::prelude::*;

/// The quiet line under the progress asking a Safari reader with old ticks to take a backup:
/// a button that opens the backup panel, and one that dismisses the line for good (the focus
/// then goes to the Backup button, so a keyboard reader is not left on nothing). Only the
/// full module has it (`parts::reminder`). (A view function, not a component: see `prompt_item`.)
pub fn reminder(
    dispatcher: UseReducerDispatcher<ChecklistState>,
    labels: &Labels,
    backup_button: &NodeRef,
) -> Html {
    let onopen = {
        let dispatcher = dispatcher.clone();
        Callback::from(move |_: MouseEvent| dispatcher.dispatch(Action::Open(Part::Backup)))
    };
    let ondismiss = {
        let backup_button = backup_button.clone();
        Callback::from(move |_: MouseEvent| {
            persistence::dismiss_reminder();
            dispatcher.dispatch(Action::DismissReminder);
            if let Some(button) = backup_button.cast::<web_sys::HtmlElement>() {
                let _ = button.focus();
            }
        })
    };
    html! {
        <p class="notice reminder">
            { labels.text(Label::Reminder) } { " " }
            <button type="button" onclick={onopen}>{ labels.text(Label::ReminderSave) }</button>
            { " " }
            <button type="button" onclick={ondismiss}>{ labels.text(Label::ReminderDismiss) }</button>
        </p>
    }
}
