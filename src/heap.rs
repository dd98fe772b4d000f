//! The wasm's allocator: talc (smaller and faster in wasm than Rust's default dlmalloc, per its
//! README_WASM), fed first with the rest of the memory the module starts with.
//!
//! The linker lays out linear memory as the stack, then the data, then `__heap_base`, and starts
//! the module with as many 64 KiB pages as those need: one, with its last ~27 KiB unused. Talc's
//! own wasm source ([`talc::wasm::WasmGrowAndExtend`]) ignores that space and grows memory by a
//! fresh page for the first allocation. [`RestOfMemoryThenGrow`] claims it first and grows (extending
//! the same heap) only when it is full, so a chart whose heap fits there keeps one page.

use core::alloc::Layout;
use core::ptr::NonNull;

use talc::base::binning::Binning;
use talc::base::{Talc, CHUNK_UNIT};

const PAGE_BYTES: usize = 64 * 1024;

extern "C" {
    /// Defined by the linker: the first byte after the stack and the data.
    static __heap_base: u8;
}

/// Talc's memory source: the memory from `__heap_base` to the end, then whole pages as needed.
#[derive(Debug, Default)]
pub struct RestOfMemoryThenGrow {
    /// The end of the heap, once it is claimed.
    end: Option<NonNull<u8>>,
    /// The memory from `__heap_base` was offered to talc (claimed, or too small to claim).
    offered_rest: bool,
}

// SAFETY: `acquire` uses no allocator; it hands talc only memory that nothing else uses: from
// `__heap_base` (past the stack and the data) to the end of memory, and pages it has just grown.
unsafe impl talc::source::Source for RestOfMemoryThenGrow {
    fn acquire<B: Binning>(talc: &mut Talc<Self, B>, layout: Layout) -> Result<(), ()> {
        let memory_end = core::arch::wasm32::memory_size::<0>() * PAGE_BYTES;
        if !talc.source.offered_rest {
            talc.source.offered_rest = true;
            let base = core::ptr::addr_of!(__heap_base) as usize;
            if let Some(size) = memory_end.checked_sub(base).filter(|&s| s > 0) {
                // SAFETY: see the impl.
                talc.source.end = unsafe { talc.claim(base as *mut u8, size) };
                if talc.source.end.is_some() {
                    // Talc retries the allocation, and asks again if it does not fit.
                    return Ok(());
                }
            }
        }
        // Enough pages for the allocation with its chunk's overhead and alignment, and for talc's
        // own bookkeeping (a few hundred bytes) should this be the first heap it gets.
        let needed = layout.size() + layout.align() + 3 * CHUNK_UNIT + 1024;
        let pages = needed.div_ceil(PAGE_BYTES);
        let grown_from = core::arch::wasm32::memory_grow::<0>(pages);
        if grown_from == usize::MAX {
            return Err(());
        }
        let base = (grown_from * PAGE_BYTES) as *mut u8;
        let end = base.wrapping_add(pages * PAGE_BYTES);
        talc.source.end = match talc.source.end.take() {
            // SAFETY: see the impl; the heap ends where the new pages begin.
            Some(heap_end) if heap_end.as_ptr() == base => Some(unsafe { talc.extend(heap_end, end) }),
            // SAFETY: see the impl.
            _ => unsafe { talc.claim(base, pages * PAGE_BYTES) },
        };
        talc.source.end.map(|_| ()).ok_or(())
    }
}

/// The allocator. The module is single-threaded (no atomics), which `TalcSyncCell` requires.
#[global_allocator]
static ALLOCATOR: talc::cell::TalcSyncCell<RestOfMemoryThenGrow, talc::wasm::WasmBinning> =
    talc::cell::TalcSyncCell::new_wasm(RestOfMemoryThenGrow { end: None, offered_rest: false });
