//! Sanitising untrusted corpus text before it reaches a terminal.
