//! The widget's components, one per file, rendering text only: the checklist and the parts
//! it shows. The root above them is `view::root`. The full module's parts (backup panel,
//! outline, overview, course record, calendar button, notes box, error notice, reminder) are built into both
//! modules' code, and only the full module uses them (see `view::parts` and `view::root`), so
//! the lite one carries none of them.

pub mod backup_panel;
pub mod calendar_button;
pub mod checklist;
pub mod course_record;
pub mod device_link;
pub mod error_notice;
pub mod link_prompt;
pub mod note_box;
pub mod outline_panel;
pub mod overview;
pub mod overview_list;
pub mod post_link_field;
pub mod progress_line;
pub mod prompt_item;
pub mod reminder;
