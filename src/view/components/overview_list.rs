use crate::core::progress::Progress;
use crate::core::record::{thing_state, ThingState};
use crate::view::i18n::{Arg, Label};
use crate::view::widget::Widget;
use crate::view::words;
use crate::web::clock::date_at;
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct OverviewListProps {
    pub widget: Rc<Widget>,
    pub progress: Rc<Progress>,
}

/// Every Thing of the programme with the reader's record of it (not started, n of m answered,
/// finished on a date, the link to their post), the current one marked.
#[function_component(OverviewList)]
pub fn overview_list(props: &OverviewListProps) -> Html {
    let model = &props.widget.model;
    let Some(programme) = &model.programme else {
        return html! {};
    };
    let labels = &props.widget.labels;
    let schedule = programme.schedule.as_ref();
    let rows = programme.things.iter().enumerate().map(|(position, thing)| {
        let key = thing.number.to_string();
        let (_, total, record) = thing_state(&props.progress, &key, &thing.prompts);
        let post = props.progress.link(&key);
        let current = model.current == Some(position);
        let upcoming = schedule.is_some() && model.released.is_none_or(|r| position > r);
        let complete = matches!(record, ThingState::Finished { .. });
        let title = match &thing.link {
            Some(link) => html! { <a href={link.clone()} target="_blank" rel="noopener noreferrer">{ thing.title.clone() }</a> },
            None => html! { thing.title.clone() },
        };
        let state = if upcoming {
            schedule
                .and_then(|s| s.release_date(position))
                .map(|day| labels.format(Label::Upcoming, &[("date", Arg::Text(&labels.short_date(day)))]))
                .unwrap_or_default()
        } else {
            if total == 0 {
                String::new()
            } else {
                words::thing_state(record, labels, date_at)
            }
        };
        html! {
            <li
                key={key}
                class={classes!("thing", current.then_some("current"), complete.then_some("complete"), upcoming.then_some("upcoming"))}
                aria-current={current.then_some("step")}
            >
                <span class="number" aria-hidden="true">{ thing.number }</span>
                <span class="name" dir="auto">
                    <span class="visually-hidden">{ labels.format(Label::ThingOf, &[("thing", Arg::Number(usize::try_from(thing.number).unwrap_or(0))), ("total", Arg::Number(usize::try_from(programme.last_number()).unwrap_or(0)))]) }{ ": " }</span>
                    { title }
                    if current {
                        <span class="badge">{ labels.text(Label::ThisWeek) }</span>
                    }
                </span>
                <span class="state">
                    { state }
                    if complete {
                        <span class="badge done">{ "✓ " }{ labels.text(Label::Complete) }</span>
                    }
                    if let Some(post) = post {
                        <a class="post" href={post.to_string()} target="_blank" rel="noopener">{ labels.text(Label::MyPost) }</a>
                    }
                </span>
            </li>
        }
    });
    html! { <ol class="things">{ for rows }</ol> }
}
