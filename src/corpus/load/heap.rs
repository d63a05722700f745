//! Handing the heap's free memory back to the system after a big load.
//!
//! A load and an index allocate and free far more than they keep (serde's temporaries, the
//! streaming window, the name scan's automaton of ~40 MB at 100k records). glibc keeps what is
//! freed in its arenas — one per thread, and the corpus is loaded on a thread of its own — so
//! the process stays that much bigger, and whatever is allocated next (the finder, after the
//! first frame) comes on top of it in the peak. `malloc_trim(0)` returns the free pages of
//! every arena to the system.
//!
//! This is the one place outside the terminal layer that calls libc unsafely (Cargo.toml's
//! lint comment lists it): a call with no pointer, no buffer and no state of ours.
#![allow(unsafe_code)]

/// Returns the heap's free pages to the system (glibc's `malloc_trim(0)`, every arena).
/// Costs a walk of the free lists: call it after a big load, not per record. Does nothing
/// with another C library.
pub fn release_free_memory() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    {
        // SAFETY: malloc_trim takes a size and touches only the allocator's own state, under
        // its own locks; it is safe to call from any thread at any time.
        unsafe {
            libc::malloc_trim(0);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn releasing_free_memory_keeps_live_allocations_intact() {
        let kept: Vec<Vec<u8>> = (0..64u8).map(|i| vec![i; 4096]).collect();
        let freed: Vec<Vec<u8>> = (0..256).map(|_| vec![7u8; 65536]).collect();
        drop(freed);
        release_free_memory();
        for (i, block) in kept.iter().enumerate() {
            assert!(
                block.iter().all(|&b| usize::from(b) == i),
                "block {i} changed"
            );
        }
    }
}
