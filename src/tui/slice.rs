//! Asking the scheduler to run the terminal loop soon after it wakes: a short time slice.
//!
//! The terminal loop reads each key and draws the frame that shows it. On a busy machine (more
//! runnable threads than cores), a thread that wakes for a key waits for a core: with Linux's
//! EEVDF scheduler and the default slice that wait comes in steps of the running threads'
//! slices (about 3 ms here), so a typed character could take 16–30 ms to appear. Since Linux
//! 6.12 a normal (`SCHED_OTHER`) thread may ask for a shorter slice with `sched_setattr`
//! (`sched_runtime`, 0.1–100 ms, no privilege needed): its deadline comes sooner, so it runs
//! soon after it wakes, and may preempt a thread with a longer slice. Its share of the CPU is
//! unchanged. Older kernels ignore the field for normal threads; other systems have no such
//! call, and nothing is done there.
//!
//! Only the calling thread is changed. Threads it starts afterwards inherit the slice, so the
//! loop asks once its first frame is out and the finder's threads are started
//! ([`super::event_loop`]): they keep the default.

// sched_getattr / sched_setattr have no wrapper in std, rustix or libc: raw syscalls.
#![allow(unsafe_code)]

/// The slice the terminal loop asks for. Handling a key and drawing its frame takes well
/// under this at 80x24 (a frame at 200x50 about a millisecond).
#[cfg(target_os = "linux")]
const LOOP_SLICE_NANOS: u64 = 1_000_000;

/// Asks for [`LOOP_SLICE_NANOS`] for the calling thread, keeping its policy and nice value.
/// Returns whether the kernel took the request (a kernel before 6.12 takes it and ignores
/// it). Never fails the caller: a refusal leaves the thread as it was.
#[cfg(target_os = "linux")]
pub(super) fn prefer_short_slice() -> bool {
    let Some(mut attr) = linux::current() else {
        return false;
    };
    // Only normal and batch threads have a slice to ask for; a real-time or deadline policy
    // set by the user is left alone.
    if attr.sched_policy != linux::SCHED_OTHER && attr.sched_policy != linux::SCHED_BATCH {
        return false;
    }
    attr.sched_runtime = LOOP_SLICE_NANOS;
    linux::set(&attr)
}

/// No slice to ask for outside Linux.
#[cfg(not(target_os = "linux"))]
pub(super) fn prefer_short_slice() -> bool {
    false
}

#[cfg(target_os = "linux")]
mod linux {
    /// `struct sched_attr` of the kernel's uapi, its first version (`SCHED_ATTR_SIZE_VER0`):
    /// the fields up to `sched_period`, which every kernel with the call accepts.
    #[repr(C)]
    #[derive(Debug, Default, Clone, Copy)]
    pub(super) struct SchedAttr {
        pub size: u32,
        pub sched_policy: u32,
        pub sched_flags: u64,
        pub sched_nice: i32,
        pub sched_priority: u32,
        pub sched_runtime: u64,
        pub sched_deadline: u64,
        pub sched_period: u64,
    }

    pub(super) const SCHED_OTHER: u32 = 0;
    pub(super) const SCHED_BATCH: u32 = 3;
    const SIZE: u32 = std::mem::size_of::<SchedAttr>() as u32;

    /// The calling thread's attributes.
    pub(super) fn current() -> Option<SchedAttr> {
        let mut attr = SchedAttr::default();
        // SAFETY: the kernel writes at most `SIZE` bytes into `attr`, a live, writable
        // struct of that size laid out as the uapi's; pid 0 is the calling thread.
        let status = unsafe { libc::syscall(libc::SYS_sched_getattr, 0, &raw mut attr, SIZE, 0) };
        (status == 0).then_some(attr)
    }

    /// Sets the calling thread's attributes; whether the kernel took them.
    pub(super) fn set(attr: &SchedAttr) -> bool {
        let attr = SchedAttr {
            size: SIZE,
            ..*attr
        };
        // SAFETY: the kernel reads `attr.size` bytes from a live struct of that size laid
        // out as the uapi's; pid 0 is the calling thread.
        let status = unsafe { libc::syscall(libc::SYS_sched_setattr, 0, &raw const attr, 0) };
        status == 0
    }
}

#[cfg(all(test, target_os = "linux"))]
mod tests {
    use super::*;

    /// The request changes the slice of the thread that makes it, and nothing else about its
    /// scheduling; threads started before it keep theirs.
    #[test]
    fn the_loop_thread_asks_for_a_short_slice_and_keeps_its_policy_and_nice() {
        std::thread::spawn(|| {
            let before = linux::current().expect("sched_getattr works on Linux");
            let sibling = std::thread::spawn(|| {
                std::thread::park_timeout(std::time::Duration::from_millis(200));
                linux::current().expect("sched_getattr").sched_runtime
            });
            assert!(prefer_short_slice(), "the kernel takes the request");
            let after = linux::current().expect("sched_getattr");
            assert_eq!(after.sched_policy, before.sched_policy);
            assert_eq!(after.sched_nice, before.sched_nice);
            // Kernels before 6.12 take the field and report the default back.
            assert!(
                after.sched_runtime == LOOP_SLICE_NANOS
                    || after.sched_runtime == before.sched_runtime,
                "{after:?}"
            );
            sibling.thread().unpark();
            assert_eq!(sibling.join().expect("sibling"), before.sched_runtime);
        })
        .join()
        .expect("the test thread");
    }
}
