//! The process's heap: how many allocator arenas its threads share, and handing free memory
//! back to the system after a big load, an index's rest, or each part of a finder index built.
//!
//! A load and an index allocate and free far more than they keep (serde's temporaries, the
//! streaming window, the name scan's automaton of ~40 MB at 100k records). glibc keeps what is
//! freed in its arenas — one per thread, and the corpus is loaded on a thread of its own — so
//! the process stays that much bigger, and whatever is allocated next (the finder, after the
//! first frame) comes on top of it in the peak. `malloc_trim(0)` returns the free pages of
//! every arena to the system.
//!
//! Trimming returns whole free pages only. What stays is the free room inside each arena, and
//! with one arena per thread there is one such remainder per thread that allocated much: the
//! browser loads on one thread, parses on a second, indexes on a third and reads the finder on
//! a fourth, besides the main thread and the finder's pool. [`limit_arenas`] keeps them in
//! [`ARENAS`] (measured at 100k records: about 30 MiB less at the peak of a session that uses
//! the finder, with the index's tables packed; BENCHMARKS.md).
//!
//! This is the one place outside the terminal layer that calls libc unsafely (Cargo.toml's
//! lint comment lists it): calls with no pointer, no buffer and no state of ours.
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

/// How many glibc arenas the browser's threads share: one for each thread that allocates
/// while the corpus loads (the main thread drawing the loading screen, the loading thread, its
/// parsing helper) and one more. With two, the two parsing threads shared one arena and waited
/// for its lock: ~4,300 context switches against ~500, and a first frame at 100k records
/// without a cache entry 100–180 ms later; with four the session's peak is 3 MiB above two's
/// (BENCHMARKS.md, "Issue 13 after the fifth stop").
pub const ARENAS: i32 = 4;

/// Makes every thread allocate from one of [`ARENAS`] glibc arenas (`mallopt(M_ARENA_MAX)`)
/// instead of up to eight a core. Call it first thing, before any thread allocates: it limits
/// the arenas made after it, and an arena made before stays. The browser calls it: its threads
/// hand over what they build (the corpus parsed on two threads, the index's rest, the finder's
/// index), so the free room of one arena per thread added up. `false` when the limit was not
/// taken (another C library, or glibc refused it).
pub fn limit_arenas() -> bool {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    {
        // SAFETY: mallopt takes two integers and sets a parameter of the allocator under its
        // own lock; it is safe to call from any thread at any time.
        unsafe { libc::mallopt(libc::M_ARENA_MAX, ARENAS) == 1 }
    }
    #[cfg(not(all(target_os = "linux", target_env = "gnu")))]
    {
        false
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

    /// The limit is taken, and allocations made on more threads than arenas afterwards (from
    /// the arenas now shared) stay intact across threads.
    #[test]
    fn the_arena_limit_is_taken_and_more_threads_than_arenas_still_allocate() {
        assert_eq!(
            limit_arenas(),
            cfg!(all(target_os = "linux", target_env = "gnu"))
        );
        let made: Vec<Vec<u64>> = std::thread::scope(|scope| {
            let workers: Vec<_> = (0..2 * ARENAS as u64)
                .map(|t| {
                    scope.spawn(move || {
                        (0..1000)
                            .map(|i| vec![t * 1000 + i; 64])
                            .collect::<Vec<_>>()
                    })
                })
                .collect();
            workers
                .into_iter()
                .flat_map(|w| w.join().expect("worker"))
                .collect::<Vec<Vec<u64>>>()
        });
        for (n, block) in made.iter().enumerate() {
            assert!(block.iter().all(|&v| v == n as u64), "block {n} changed");
        }
    }
}
