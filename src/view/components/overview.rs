use super::calendar_button::CalendarButton;
use super::course_record::CourseRecord;
use super::overview_list::OverviewList;
use crate::core::programme::counted_prompts;
use crate::view::hooks::use_progress::use_progress;
use crate::view::widget::Widget;
use crate::web::tell;
use std::rc::Rc;
use web_sys::Element;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct OverviewProps {
    pub widget: Rc<Widget>,
    /// The placeholder, where the page's events are dispatched.
    pub host: Element,
}

/// `data-view="overview"`: the whole course at a glance, following the reader's ticks, and
/// *My course record* under it.
#[function_component(Overview)]
pub fn overview(props: &OverviewProps) -> Html {
    let widget = props.widget.clone();
    let (model, words) = (&widget.model, &widget.words);
    let progress = use_progress(&model.storage_key);
    // The page's events count the whole course: every counted question of every Thing.
    let (answered, total) =
        model
            .programme
            .iter()
            .flat_map(|p| &p.things)
            .fold((0, 0), |(answered, total), thing| {
                let counted = counted_prompts(&thing.prompts);
                let done = progress.done_count(&thing.number.to_string(), counted.iter().copied());
                (answered + done, total + counted.len())
            });
    {
        // Tells the page the course's count as the overview mounts and whenever it changes.
        let host = props.host.clone();
        let widget = widget.clone();
        use_effect_with(answered, move |&answered| {
            tell(&host, &widget.model, answered, total);
        });
    }
    html! {
        <div class="tp" lang={widget.labels.lang().tag()} data-theme={model.theme.name()}>
            <div class="head">
                if let Some(kicker) = &words.kicker {
                    <span class="kicker">{ kicker.clone() }</span>
                }
                <span class="title" dir="auto">{ words.title.clone() }</span>
                <CalendarButton widget={widget.clone()} />
            </div>
            <CourseRecord widget={widget.clone()} progress={progress.clone()}>
                <OverviewList widget={widget.clone()} {progress} />
            </CourseRecord>
            if let Some(notice) = &words.notice {
                <p class="notice">{ notice.clone() }</p>
            }
        </div>
    }
}
