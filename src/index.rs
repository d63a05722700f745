//! Derived lookups built once on load.
