//! What a checklist remembers between renders, and how each thing that happens changes it:
//! a plain reducer, tested on the host (the view wraps it in Yew's `use_reducer`).

use crate::core::progress::Progress;
use crate::core::prompt_id::PromptId;
use std::rc::Rc;

/// A part of the checklist that a button opens and closes. Only the full module has them: in
/// the lite one the button asks for the full module, which mounts with that part open.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Part {
    Backup,
    Outline,
    Overview,
    /// The field for the link to the reader's post (opened by the lite module's button).
    PostLink,
}

impl Part {
    /// The part's name between the two modules: what the lite module asks the loader to
    /// open ("backup", "outline", "overview", "post-link"), and what the full module is
    /// mounted with.
    pub fn name(self) -> &'static str {
        match self {
            Self::Backup => "backup",
            Self::Outline => "outline",
            Self::Overview => "overview",
            Self::PostLink => "post-link",
        }
    }

    /// The part a name asks for; `None` for no name or one not known.
    pub fn named(name: Option<&str>) -> Option<Self> {
        [Self::Backup, Self::Outline, Self::Overview, Self::PostLink]
            .into_iter()
            .find(|part| Some(part.name()) == name)
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ChecklistState {
    /// The page's copy of the course's progress, shared with every widget showing it.
    pub progress: Rc<Progress>,
    /// What the last "Clear ticks" removed, so that one click can put it back.
    pub cleared: Option<Rc<Vec<PromptId>>>,
    /// The parts open now: backup, outline, overview, post link.
    open: [bool; 4],
    /// Whether the line reminding a Safari reader to take a backup is shown.
    pub reminder: bool,
}

/// Something that changes a checklist.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Action {
    /// A newer copy of the progress: a tick here, in another widget or in another tab.
    Progress(Rc<Progress>),
    /// The reader cleared these ticks; "Undo clear" is offered.
    Cleared(Rc<Vec<PromptId>>),
    /// The undo was used, or is stale (something was ticked since).
    ForgetCleared,
    /// A part's button was pressed.
    Toggle(Part),
    /// A part was asked for from elsewhere (the reminder's button): opened, never closed.
    Open(Part),
    /// The reader dismissed the reminder to take a backup.
    DismissReminder,
}

fn slot(part: Part) -> usize {
    match part {
        Part::Backup => 0,
        Part::Outline => 1,
        Part::Overview => 2,
        Part::PostLink => 3,
    }
}

impl ChecklistState {
    /// A checklist showing `progress`, with `open` open (the full module taking over from
    /// a click that asked for that part).
    pub fn new(progress: Rc<Progress>, open: Option<Part>) -> Self {
        let mut state = Self {
            progress,
            cleared: None,
            open: [false; 4],
            reminder: false,
        };
        if let Some(part) = open {
            state = state.reduce(Action::Toggle(part));
        }
        state
    }

    /// Whether `part` is open.
    pub fn is_open(&self, part: Part) -> bool {
        self.open.get(slot(part)).copied().unwrap_or(false)
    }

    /// The state after `action`.
    pub fn reduce(&self, action: Action) -> Self {
        let mut next = self.clone();
        match action {
            Action::Progress(progress) => next.progress = progress,
            Action::Cleared(ids) => next.cleared = Some(ids),
            Action::ForgetCleared => next.cleared = None,
            Action::Toggle(part) => {
                if let Some(open) = next.open.get_mut(slot(part)) {
                    *open = !*open;
                }
            }
            Action::Open(part) => {
                if let Some(open) = next.open.get_mut(slot(part)) {
                    *open = true;
                }
            }
            Action::DismissReminder => next.reminder = false,
        }
        next
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_part_is_opened_by_its_name() {
        for part in [Part::Backup, Part::Outline, Part::Overview, Part::PostLink] {
            assert_eq!(Part::named(Some(part.name())), Some(part));
            let state =
                ChecklistState::new(Rc::new(Progress::default()), Part::named(Some(part.name())));
            assert!(state.is_open(part), "{part:?}");
        }
        assert_eq!(Part::named(Some("overview")), Some(Part::Overview));
        assert_eq!(Part::named(Some("calendar")), None);
        assert_eq!(Part::named(None), None);
        let closed = ChecklistState::new(Rc::new(Progress::default()), None);
        assert!(
            [Part::Backup, Part::Outline, Part::Overview, Part::PostLink]
                .iter()
                .all(|part| !closed.is_open(*part))
        );
    }

    #[test]
    fn the_reminder_opens_the_backup_and_is_dismissed() {
        let mut state = ChecklistState::new(Rc::new(Progress::default()), None);
        state.reminder = true;
        let open = state.reduce(Action::Open(Part::Backup));
        assert!(open.is_open(Part::Backup));
        assert!(
            open.reduce(Action::Open(Part::Backup))
                .is_open(Part::Backup),
            "never closes"
        );
        assert!(!open
            .reduce(Action::Toggle(Part::Backup))
            .is_open(Part::Backup));
        let dismissed = open.reduce(Action::DismissReminder);
        assert!(!dismissed.reminder);
        assert!(dismissed.is_open(Part::Backup));
    }
}
