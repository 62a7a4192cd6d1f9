use crate::core::progress::Progress;
use crate::web::progress_store;
use std::rc::Rc;
use yew::prelude::*;

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
        use_effect_with(key.to_owned(), move |key| {
            let subscription = progress_store::subscribe(key, move |next| progress.set(next));
            move || drop(subscription)
        });
    }
    (*progress).clone()
}
