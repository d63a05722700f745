//! Where copied text goes, and the report of where it went.
//!
//! - [`Terminal`] (the browser's own): OSC 52 to the terminal, which works over SSH when the
//!   terminal honours it; and inside tmux (`$TMUX` set) also `tmux load-buffer -w -`, the text
//!   on its standard input, so the copy lands in tmux's paste buffer (and, through tmux, the
//!   clipboard) under tmux's default `set-clipboard external`, which ignores OSC 52 from
//!   programs. tmux runs as a child process (no shell), for at most [`TMUX_TIMEOUT`]; its
//!   failure is reported, never ignored.
//! - [`write_new_file`] (`Y`): the text in a new file in the current directory, for when no
//!   clipboard is reachable. It never replaces a file: the name is taken with `create_new`.
//! - Anything else implementing [`ClipboardSink`] in tests.

use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use ratatui::crossterm::clipboard::CopyToClipboard;
use ratatui::crossterm::execute;

use crate::app::action::CopyDestination;

/// Where copied text goes.
pub trait ClipboardSink {
    /// Delivers `text`, saying where it went; an error says what failed.
    fn copy(&mut self, text: &str) -> Result<CopyDestination, String>;
}

/// The longest `tmux load-buffer` may take before it is stopped and the copy reported failed.
pub const TMUX_TIMEOUT: Duration = Duration::from_secs(3);

/// The terminal's clipboard (OSC 52), and tmux's buffer when running inside tmux.
pub struct Terminal {
    /// Inside tmux: load copies into its buffer too.
    tmux: bool,
}

impl Terminal {
    /// Inside tmux when `$TMUX` is set and not empty (tmux sets it for every pane).
    pub fn from_environment() -> Terminal {
        Terminal {
            tmux: std::env::var_os("TMUX").is_some_and(|v| !v.is_empty()),
        }
    }
}

impl ClipboardSink for Terminal {
    fn copy(&mut self, text: &str) -> Result<CopyDestination, String> {
        let osc52 = osc52(text).map_err(|e| format!("OSC 52: {e}"));
        if !self.tmux {
            return osc52.map(|()| CopyDestination::Osc52);
        }
        match (load_tmux_buffer(text), osc52) {
            (Ok(()), _) => Ok(CopyDestination::TmuxAndOsc52),
            (Err(tmux), Ok(())) => Err(format!("{tmux} (sent by OSC 52 only)")),
            (Err(tmux), Err(osc)) => Err(format!("{tmux}; {osc}")),
        }
    }
}

/// Writes OSC 52 straight to the terminal (stdout), outside ratatui's buffer, so the sequence
/// is never mistaken for cell content.
fn osc52(text: &str) -> std::io::Result<()> {
    let mut out = std::io::stdout();
    execute!(out, CopyToClipboard::to_clipboard_from(text.as_bytes()))?;
    out.flush()
}

/// `tmux load-buffer -w -` with `text` on standard input; tmux older than 3.2 has no `-w`
/// (it also sets the clipboard), so a refusal of the flag is retried without it.
fn load_tmux_buffer(text: &str) -> Result<(), String> {
    match run_with_input("tmux", &["load-buffer", "-w", "-"], text, TMUX_TIMEOUT) {
        Err(e) if e.contains("unknown flag") || e.contains("usage:") => {
            run_with_input("tmux", &["load-buffer", "-"], text, TMUX_TIMEOUT)
        }
        other => other,
    }
}

/// Runs `program` with `args` (no shell), `input` on its standard input, its standard output
/// discarded; waits at most `timeout`, then kills it. An error names the program and says
/// why: not found, killed for time, or its exit status and first line of standard error.
pub fn run_with_input(
    program: &str,
    args: &[&str],
    input: &str,
    timeout: Duration,
) -> Result<(), String> {
    let name = format!("{program} {}", args.join(" "));
    let mut child = Command::new(program)
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|e| format!("{name}: {e}"))?;
    // Written from a thread: a child that stops reading must not block the browser past the
    // deadline (a pipe holds only so much).
    let writer = child.stdin.take().map(|mut stdin| {
        let bytes = input.as_bytes().to_vec();
        std::thread::spawn(move || stdin.write_all(&bytes))
    });
    let deadline = Instant::now() + timeout;
    let status = loop {
        match child.try_wait() {
            Ok(Some(status)) => break status,
            Ok(None) if Instant::now() >= deadline => {
                // Best effort: it may have exited just now.
                let _ = child.kill();
                let _ = child.wait();
                return Err(format!("{name}: no answer in {} s", timeout.as_secs()));
            }
            Ok(None) => std::thread::sleep(Duration::from_millis(5)),
            Err(e) => return Err(format!("{name}: {e}")),
        }
    };
    if let Some(writer) = writer {
        match writer.join() {
            Ok(Ok(())) => {}
            Ok(Err(e)) if status.success() => return Err(format!("{name}: {e}")),
            // A failing child's own message says more than the broken pipe.
            Ok(Err(_)) => {}
            Err(_) => return Err(format!("{name}: the input writer failed")),
        }
    }
    if status.success() {
        return Ok(());
    }
    let mut stderr = String::new();
    if let Some(mut pipe) = child.stderr.take() {
        // At most a few KB: the first line is what is reported.
        let _ = pipe.by_ref().take(4096).read_to_string(&mut stderr);
    }
    let first = crate::text::sanitize_line(stderr.lines().next().unwrap_or("").trim());
    Err(if first.is_empty() {
        format!("{name}: {status}")
    } else {
        format!("{name}: {status}: {first}")
    })
}

/// The longest a copy-file name search goes (`entente-copy-2.txt` … `-99`).
const MAX_COPY_FILES: u32 = 99;

/// Writes `text` (and a final newline) to a new file in `dir`: `entente-copy.txt`, else the
/// first free `entente-copy-N.txt`. Never replaces an existing file: each name is taken with
/// `create_new`, so a file that appears meanwhile is skipped, not overwritten. Readable by
/// the owner only (0600), like the copy a clipboard would hold.
pub fn write_new_file(dir: &Path, text: &str) -> Result<PathBuf, String> {
    for n in 1..=MAX_COPY_FILES {
        let name = if n == 1 {
            "entente-copy.txt".to_string()
        } else {
            format!("entente-copy-{n}.txt")
        };
        let path = dir.join(name);
        let mut options = std::fs::OpenOptions::new();
        options.write(true).create_new(true);
        #[cfg(unix)]
        std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
        match options.open(&path) {
            Ok(mut file) => {
                return file
                    .write_all(format!("{text}\n").as_bytes())
                    .and_then(|()| file.sync_all())
                    .map(|()| path.clone())
                    .map_err(|e| format!("{}: {e}", path.display()));
            }
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => continue,
            Err(e) => return Err(format!("{}: {e}", path.display())),
        }
    }
    Err(format!(
        "{}: entente-copy.txt to entente-copy-{MAX_COPY_FILES}.txt all exist",
        dir.display()
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_child_gets_the_text_on_its_standard_input() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("out");
        let script = format!("cat > '{}'", out.display());
        run_with_input("sh", &["-c", &script], "copied “text”", TMUX_TIMEOUT).unwrap();
        assert_eq!(std::fs::read_to_string(out).unwrap(), "copied “text”");
    }

    #[test]
    fn a_failing_child_is_reported_with_its_status_and_message() {
        let e = run_with_input(
            "sh",
            &["-c", "echo 'no server' >&2; exit 3"],
            "x",
            TMUX_TIMEOUT,
        )
        .unwrap_err();
        assert!(
            e.contains("exit status: 3") && e.contains("no server"),
            "{e}"
        );
        let e = run_with_input("/nonexistent/tmux", &[], "x", TMUX_TIMEOUT).unwrap_err();
        assert!(e.starts_with("/nonexistent/tmux"), "{e}");
    }

    #[test]
    fn a_child_that_hangs_is_stopped_at_the_deadline() {
        let e = run_with_input("sleep", &["30"], "", Duration::from_millis(200)).unwrap_err();
        assert!(e.contains("no answer"), "{e}");
    }

    #[test]
    fn a_child_that_reads_nothing_does_not_block_a_large_copy() {
        // 1 MB into a child that exits without reading: reported by its status, no hang.
        let big = "x".repeat(1 << 20);
        let e = run_with_input("sh", &["-c", "exit 4"], &big, TMUX_TIMEOUT).unwrap_err();
        assert!(e.contains("exit status: 4"), "{e}");
    }

    #[test]
    fn the_copy_file_never_replaces_one_that_exists() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("entente-copy.txt"), "mine").unwrap();
        let path = write_new_file(dir.path(), "The two sides met.").unwrap();
        assert_eq!(path, dir.path().join("entente-copy-2.txt"));
        assert_eq!(
            std::fs::read_to_string(dir.path().join("entente-copy.txt")).unwrap(),
            "mine"
        );
        assert_eq!(
            std::fs::read_to_string(&path).unwrap(),
            "The two sides met.\n"
        );
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = std::fs::metadata(&path).unwrap().permissions().mode() & 0o777;
            assert_eq!(mode, 0o600);
        }
        let e = write_new_file(&dir.path().join("missing"), "x").unwrap_err();
        assert!(e.contains("missing"), "{e}");
    }
}
