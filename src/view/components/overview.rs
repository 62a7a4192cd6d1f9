use super::overview_list::OverviewList;
use crate::core::colour::Scheme;
use crate::core::embed::WidgetModel;
use crate::view::hooks::use_progress::use_progress;
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct OverviewProps {
    pub model: Rc<WidgetModel>,
    pub scheme: Scheme,
}

/// `data-view="overview"`: the whole course at a glance, following the reader's ticks.
#[function_component(Overview)]
pub fn overview(props: &OverviewProps) -> Html {
    let model = props.model.clone();
    let progress = use_progress(&model.storage_key);
    html! {
        <div class="tp" lang={model.labels.lang().tag()} data-theme={model.theme.name()} data-scheme={props.scheme.name()}>
            <div class="head">
                if let Some(kicker) = &model.kicker {
                    <span class="kicker">{ kicker.clone() }</span>
                }
                <span class="title" dir="auto">{ model.title.clone() }</span>
            </div>
            <OverviewList model={model.clone()} {progress} />
            if let Some(notice) = &model.notice {
                <p class="notice">{ notice.clone() }</p>
            }
        </div>
    }
}
