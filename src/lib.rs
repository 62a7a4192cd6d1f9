//! Thing Prompts: the questions of a "23 Things" course as a checklist inside blog posts.
//!
//! Four rooms, each using only those below it: `entry` (what the loader calls), `view` (Yew
//! components, and the words), `web` (browser services) and `core` (plain Rust, tested on the
//! host; its own crate, `thing-prompts-core` in core/). See docs/ARCHITECTURE.md.

/// Whether this build is the full module (feature `extras`): the backup panel, the outline,
/// the course overview, notes and the messages for page authors. The lite module, the first
/// download, is the checklist alone. Two files read it: `view::seam`, which every part of the
/// view that differs between the modules asks, and `web::json`, below the view, where the two
/// modules read JSON differently.
pub const FULL: bool = cfg!(feature = "extras");

/// The pure core lives in its own crate (core/), whose manifest has no web dependency. Named
/// `core` here so that the view, the browser services and the entry keep writing
/// `crate::core::…` as they did when it was a module of this crate.
pub use thing_prompts_core as core;
#[cfg(target_arch = "wasm32")]
mod entry;
pub mod view;
#[cfg(target_arch = "wasm32")]
pub mod web;

/// The lite module, the first download, allocates with lol_alloc's free list, smaller than the
/// standard library's dlmalloc; the full module and the configurator keep dlmalloc. Each module
/// has its own WebAssembly memory, so the two never share a heap.
#[cfg(all(target_arch = "wasm32", not(feature = "extras")))]
#[global_allocator]
static ALLOCATOR: lol_alloc::LockedAllocator<lol_alloc::FreeListAllocator> =
    lol_alloc::LockedAllocator::new(lol_alloc::FreeListAllocator::new());
