//! The course calendar for the organiser to host beside the programme, so participants can
//! subscribe to it.

use crate::core::embed::Wording;
use crate::core::programme::Programme;
use crate::view::components::calendar_button::download_calendar;
use crate::view::i18n::Labels;
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct CalendarBoxProps {
    /// The programme read from the form; only one with a schedule has a calendar.
    pub programme: Option<Rc<Programme>>,
}

#[function_component(CalendarBox)]
pub fn calendar_box(props: &CalendarBoxProps) -> Html {
    let Some(programme) = props.programme.clone().filter(|p| p.schedule.is_some()) else {
        return Html::default();
    };
    let name = crate::core::calendar::file_name(&programme);
    let onclick = Callback::from(move |_: MouseEvent| {
        // The events are named in the course's own language, as its readers' widgets are.
        let wording = Wording {
            lang: Some(programme.language.clone()),
            ..Wording::default()
        };
        let (labels, _) = Labels::for_wording(&wording);
        download_calendar(&programme, &labels);
    });
    html! {
        <section aria-labelledby="calendar-title">
            <h2 id="calendar-title">{ "The course calendar" }</h2>
            <p>
                { "One all-day event per Thing on its release day, and one per catch-up week. Host " }
                <code>{ name }</code>
                { " beside the programme file: participants can subscribe to its address, and their calendars follow your changes." }
            </p>
            <button type="button" {onclick}>{ "Download the course calendar (.ics)" }</button>
        </section>
    }
}
