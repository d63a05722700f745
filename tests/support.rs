//! Shared helpers for the integration tests.
//!
//! - [`pty`]: runs the real binary in a pseudo-terminal and reads its screen (vt100) and every
//!   byte it wrote.

pub mod pty;
