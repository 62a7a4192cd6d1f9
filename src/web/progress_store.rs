//! One shared copy of each programme's progress per page: every widget reads it, a tick
//! updates storage and every widget at once, and other tabs' writes arrive by the `storage` event.
//!
//! The view changes progress only through the verbs here (`tick`, `untick`, `clear`,
//! `undo_clear`, `set_note`, `set_link`, `set_name`, `restore`): each stamps the change with
//! the reader's clock and hands it to `change`, the one place where a reader's change is merged
//! with storage, saved and shown. Every copy that reaches the widgets, a reader's or another tab's, goes
//! out through `publish`.

use super::{json, now_ms, persistence, storage, warn};
use crate::core::backup::{Backup, RestoreReport};
use crate::core::embed::WidgetModel;
use crate::core::post_link::PostLink;
use crate::core::progress::{backup_key, Progress, STORAGE_PREFIX};
use crate::core::prompt_id::PromptId;
use gloo_events::EventListener;
use std::cell::{Cell, RefCell};
use std::rc::Rc;
use wasm_bindgen::JsCast;
use web_sys::StorageEvent;

type Listener = Rc<dyn Fn(Rc<Progress>)>;

#[derive(Default)]
struct Entry {
    progress: Rc<Progress>,
    listeners: Vec<(u32, Listener)>,
}

thread_local! {
    // Plain lists rather than maps (whose code is large): a page shows one or two courses.
    static ENTRIES: RefCell<Vec<(String, Entry)>> = const { RefCell::new(Vec::new()) };
    static NEXT_LISTENER: Cell<u32> = const { Cell::new(0) };
    static WATCHING_OTHER_TABS: Cell<bool> = const { Cell::new(false) };
    static REPORTED: RefCell<Vec<String>> = const { RefCell::new(Vec::new()) };
}

/// Reads and parses what is stored under `key`. Text that cannot be read is kept aside
/// under the backup key first, so a later write never destroys it; when that is not
/// possible the key is left alone and this page keeps its ticks in memory.
fn read_stored(key: &str) -> Progress {
    let Some(text) = storage::read(key) else {
        return Progress::default();
    };
    match Progress::read(&text, json::parse) {
        Ok(progress) => progress,
        Err(error) => {
            let backup = backup_key(key);
            let kept = storage::write_if_absent(&backup, &text);
            if !kept {
                storage::keep_in_memory(key);
            }
            let first_report = REPORTED.with(|reported| {
                let mut reported = reported.borrow_mut();
                let first = !reported.iter().any(|k| k == key);
                if first {
                    reported.push(key.to_owned());
                }
                first
            });
            if first_report {
                if kept {
                    warn(&format!(
                        "{error}; it was kept under \"{backup}\" and the checklist starts empty."
                    ));
                } else {
                    warn(&format!("{error}; it could not be kept aside, so it is left as it is and ticks last only while this page is open."));
                }
            }
            Progress::default()
        }
    }
}

/// Writes `progress` under `key` in its stored form.
fn save(key: &str, progress: &Progress) {
    if let Some(text) = json::stringify(&progress.stored()) {
        storage::write(key, &text);
    }
}

/// The page's current copy of the progress under `key`.
pub fn load(key: &str) -> Rc<Progress> {
    if let Some(progress) = ENTRIES.with(|entries| {
        entries
            .borrow()
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, e)| e.progress.clone())
    }) {
        return progress;
    }
    let progress = Rc::new(read_stored(key));
    with_entry(key, |entry| entry.progress = progress.clone());
    progress
}

/// Runs `f` on the entry of `key`, added first when there is none.
fn with_entry<R>(key: &str, f: impl FnOnce(&mut Entry) -> R) -> R {
    ENTRIES.with(|entries| {
        let mut entries = entries.borrow_mut();
        let at = entries
            .iter()
            .position(|(k, _)| k == key)
            .unwrap_or_else(|| {
                entries.push((key.to_owned(), Entry::default()));
                entries.len() - 1
            });
        let mut added = Entry::default();
        f(entries.get_mut(at).map_or(&mut added, |(_, entry)| entry))
    })
}

/// Replaces the page's copy and tells every widget showing it: the one way out for every
/// new copy, a reader's change here or another tab's.
fn publish(key: &str, progress: Progress) -> Rc<Progress> {
    let progress = Rc::new(progress);
    let listeners: Vec<Listener> = with_entry(key, |entry| {
        entry.progress = progress.clone();
        entry.listeners.iter().map(|(_, l)| l.clone()).collect()
    });
    // Called outside the borrow: a listener may re-render and read the store again.
    for listener in listeners {
        listener(progress.clone());
    }
    progress
}

/// Applies a reader's change: merged with what storage holds now (another tab may have
/// written since), saved, then shown by every widget on the page. Every verb below ends here.
fn change(key: &str, apply: impl FnOnce(&mut Progress)) -> Rc<Progress> {
    let mut progress = (*load(key)).clone();
    progress.merge(&read_stored(key));
    apply(&mut progress);
    save(key, &progress);
    publish(key, progress)
}

/// Ticks or unticks `prompts` of the model's Thing, stamped now.
fn set_ticks(model: &WidgetModel, prompts: &[PromptId], done: bool) -> Rc<Progress> {
    let now = now_ms();
    change(&model.storage_key, |progress| {
        for prompt in prompts {
            progress.set(&model.thing_key, prompt, done, now);
        }
    })
}

/// The reader ticked a question. On the first tick of a visit the browser may be asked to
/// keep the site's storage (see `persistence::after_tick`).
pub fn tick(model: &WidgetModel, prompt: &PromptId) {
    let progress = set_ticks(model, std::slice::from_ref(prompt), true);
    persistence::after_tick(&progress);
}

/// The reader unticked a question.
pub fn untick(model: &WidgetModel, prompt: &PromptId) {
    set_ticks(model, std::slice::from_ref(prompt), false);
}

/// "Clear ticks": unticks `prompts`, the questions ticked when the reader asked.
pub fn clear(model: &WidgetModel, prompts: &[PromptId]) {
    set_ticks(model, prompts, false);
}

/// "Undo clear": ticks again what the last clear unticked.
pub fn undo_clear(model: &WidgetModel, prompts: &[PromptId]) {
    set_ticks(model, prompts, true);
}

/// The reader's note on a question of the model's Thing, as it now reads.
pub fn set_note(model: &WidgetModel, prompt: &PromptId, text: &str) {
    let now = now_ms();
    change(&model.storage_key, |progress| {
        progress.set_note(&model.thing_key, prompt, text, now);
    });
}

/// Keeps (`Some`), replaces or removes (`None`) the link to the reader's post on the model's
/// Thing, stamped now and merged like a tick, so the later change wins across tabs and devices.
pub fn set_link(model: &WidgetModel, link: Option<&PostLink>) {
    let now = now_ms();
    change(&model.storage_key, |progress| {
        progress.set_link(&model.thing_key, link, now);
    });
}

/// The participant's name on their course record (kept tidied: see `Progress::set_name`).
pub fn set_name(storage_key: &str, text: &str) {
    let now = now_ms();
    change(storage_key, |progress| progress.set_name(text, now));
}

/// Adds a backup's ticks under its own course's key (whichever widget it was restored in).
pub fn restore(backup: &Backup) -> RestoreReport {
    let now = now_ms();
    let mut report = RestoreReport::default();
    change(&backup.storage_key(), |progress| {
        report = backup.restore_into(progress, now)
    });
    report
}

/// Calls `listener` with each new copy of the progress under `key` until the guard is dropped.
pub fn subscribe(key: &str, listener: impl Fn(Rc<Progress>) + 'static) -> Subscription {
    watch_other_tabs();
    let id = NEXT_LISTENER.with(|next| {
        let id = next.get();
        next.set(id.wrapping_add(1));
        id
    });
    with_entry(key, |entry| entry.listeners.push((id, Rc::new(listener))));
    Subscription {
        key: key.to_owned(),
        id,
    }
}

/// Keeps a listener registered; dropping it unsubscribes.
pub struct Subscription {
    key: String,
    id: u32,
}

impl Drop for Subscription {
    fn drop(&mut self) {
        ENTRIES.with(|entries| {
            if let Some((_, entry)) = entries
                .borrow_mut()
                .iter_mut()
                .find(|(k, _)| *k == self.key)
            {
                entry.listeners.retain(|(id, _)| *id != self.id);
            }
        });
    }
}

/// Another tab wrote: merge its copy in (merging never drops a tick) and refresh the widgets.
fn on_storage_event(event: &StorageEvent) {
    let keys: Vec<String> = match event.key() {
        Some(key) if key.starts_with(STORAGE_PREFIX) => vec![key],
        Some(_) => return,
        // `localStorage.clear()` elsewhere: re-read everything shown here.
        None => ENTRIES.with(|entries| entries.borrow().iter().map(|(k, _)| k.clone()).collect()),
    };
    for key in keys {
        let known = ENTRIES.with(|entries| entries.borrow().iter().any(|(k, _)| *k == key));
        if known {
            let stored = read_stored(&key);
            let mut progress = (*load(&key)).clone();
            progress.merge(&stored);
            // The other tab wrote before it saw this page's latest change: put it back, so
            // storage converges on everything both tabs ticked.
            if progress != stored {
                save(&key, &progress);
            }
            publish(&key, progress);
        }
    }
}

fn watch_other_tabs() {
    if WATCHING_OTHER_TABS.with(|watching| watching.replace(true)) {
        return;
    }
    let Some(window) = web_sys::window() else {
        return;
    };
    EventListener::new(&window, "storage", |event| {
        if let Some(event) = event.dyn_ref::<StorageEvent>() {
            on_storage_event(event);
        }
    })
    // Listens for the page's whole life, like the widgets themselves.
    .forget();
}
