use super::calendar_button::CalendarButton;
use super::course_record::CourseRecord;
use super::overview_list::OverviewList;
use crate::core::colour::Scheme;
use crate::view::hooks::use_progress::use_progress;
use crate::view::widget::Widget;
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct OverviewProps {
    pub widget: Rc<Widget>,
    pub scheme: Scheme,
}

/// `data-view="overview"`: the whole course at a glance, following the reader's ticks, and
/// *My course record* under it.
#[function_component(Overview)]
pub fn overview(props: &OverviewProps) -> Html {
    let widget = props.widget.clone();
    let (model, words) = (&widget.model, &widget.words);
    let progress = use_progress(&model.storage_key);
    html! {
        <div class="tp" lang={widget.labels.lang().tag()} data-theme={model.theme.name()} data-scheme={props.scheme.name()}>
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
