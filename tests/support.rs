//! Shared helpers for the integration tests.
//!
//! - [`pty`]: runs the real binary in a pseudo-terminal and reads its screen (vt100) and every
//!   byte it wrote.
//! - [`screen`]: the browser drawn headless on ratatui's `TestBackend`, as text.
//! - [`fixture`]: the small hand-written corpus in `tests/fixtures/small/`.
//! - [`vt`]: a vt100 screen cell by cell (where text is drawn, with which attributes).

pub mod bin;
pub mod fixture;
pub mod pty;
pub mod screen;
pub mod vt;
