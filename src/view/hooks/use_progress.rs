use crate::core::progress::Progress;
use crate::web::progress_store;
use std::rc::Rc;
use yew::prelude::*;

/// Calls `on_change` with each new copy of the progress stored under `key` (a change in this
/// widget, another widget of the page or another tab) for as long as the component is
/// mounted. The one subscription of the view: the checklist hands the copies to its reducer,
/// [`use_progress`] keeps them in a state.
#[hook]
pub fn use_progress_changes<F>(key: &str, on_change: F)
where
    F: Fn(Rc<Progress>) + 'static,
{
    use_effect_with(key.to_owned(), move |key| {
        let subscription = progress_store::subscribe(key, on_change);
        move || drop(subscription)
    });
}

/// The progress stored under `key`, re-rendering whenever any widget on the page
/// or another tab changes it.
#[hook]
pub fn use_progress(key: &str) -> Rc<Progress> {
    let progress = use_state({
        let key = key.to_owned();
        move || progress_store::load(&key)
    });
    {
        let progress = progress.clone();
        use_progress_changes(key, move |next| progress.set(next));
    }
    (*progress).clone()
}
