//! How the process uses memory. The Rust side allocates through mimalloc (see `main.rs`),
//! which asks the kernel for transparent huge pages on its arenas (`MADV_HUGEPAGE`). On a
//! system whose THP mode is `madvise` (Debian's default) each 2 MiB stretch the allocator
//! touches then becomes resident in full: after the first table the app's Rust heap held about
//! 7 MiB of data but 34 MiB of resident huge pages (`/proc/<pid>/smaps`, `AnonHugePages`).
//! EIP Desk gains nothing measurable from huge pages (its heap is small and short-lived), so
//! they are turned off for the process (`PR_SET_THP_DISABLE`), first thing in `main`: main
//! process RSS after the first paint went from about 200 to 173 MiB (`cargo xtask bench
//! startup`). The flag is inherited by the WebKit helper processes, which do not ask for huge
//! pages either.

/// Turns transparent huge pages off for this process and its children (Linux).
#[cfg(target_os = "linux")]
pub fn configure() {
    if let Err(e) = rustix::thread::disable_transparent_huge_pages(true) {
        // Memory use only: the app works the same with huge pages.
        eprintln!("eipdesk: cannot turn transparent huge pages off: {e}");
    }
}

/// Other systems: nothing to change.
#[cfg(not(target_os = "linux"))]
pub fn configure() {}

#[cfg(all(test, target_os = "linux"))]
mod tests {
    #[test]
    fn huge_pages_are_off_once_configured() {
        super::configure();
        assert!(rustix::thread::transparent_huge_pages_are_disabled().unwrap());
    }
}
