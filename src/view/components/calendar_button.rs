use crate::core::calendar::{course_calendar, file_name};
use crate::core::programme::Programme;
use crate::view::i18n::{Label, Labels};
use crate::view::widget::Widget;
use crate::view::words::calendar_words;
use crate::web::{files, now_ms, warn};
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct CalendarButtonProps {
    /// The widget whose course goes into the calendar, and whose labels the file speaks.
    pub widget: Rc<Widget>,
}

/// "Add the course to my calendar": the course's release days as an .ics file, made here in
/// the browser from the programme. Nothing is shown for a course without a schedule.
#[function_component(CalendarButton)]
pub fn calendar_button(props: &CalendarButtonProps) -> Html {
    let widget = &props.widget;
    let Some(programme) = widget
        .model
        .programme
        .clone()
        .filter(|p| p.schedule.is_some())
    else {
        return Html::default();
    };
    let onclick = {
        let labels = widget.labels.clone();
        Callback::from(move |_: MouseEvent| {
            download_calendar(&programme, &labels);
        })
    };
    html! {
        <button type="button" class="calendar" {onclick}>{ widget.labels.text(Label::AddToCalendar) }</button>
    }
}

/// Offers the calendar of `programme` as `<programme-id>.ics`, its events named in `labels`'
/// language; false (with a console warning) when there is none or the browser refused.
pub fn download_calendar(programme: &Programme, labels: &Labels) -> bool {
    let made = course_calendar(programme, &calendar_words(labels), now_ms());
    let saved =
        made.is_some_and(|text| files::download_as(&file_name(programme), &text, "text/calendar"));
    if !saved {
        warn("the course calendar could not be downloaded");
    }
    saved
}
