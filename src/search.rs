//! The fuzzy finder engine and full-text search (pure, no terminal).
