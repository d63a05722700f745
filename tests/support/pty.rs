//! A pseudo-terminal harness for end-to-end tests of the real `entente` binary.
//!
//! The child runs on the slave side of a PTY (portable-pty) with `TERM=xterm-256color`. A
//! reader thread copies everything it writes into a channel; the harness feeds it to a vt100
//! screen and also keeps every raw byte (for byte counts and escape-sequence audits). Nothing
//! here waits without a timeout, and the child is killed when the harness is dropped.
//!
//! Typing: a bare ESC followed at once by another key is read as Alt+key, so
//! [`Pty::send_key`] pauses briefly after [`Key::Esc`].

// Test helper: kill(2), waitpid(2), tcgetattr(3) and poll(2) on the PTY through libc.
#![allow(unsafe_code)]
#![allow(dead_code)] // Helpers serve several suites; each suite uses a subset.

use std::fs::File;
use std::io::{Read, Write};
use std::num::NonZeroU16;
use std::os::fd::{AsRawFd, BorrowedFd, OwnedFd};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError, TryRecvError};
use std::thread::{self, JoinHandle};
use std::time::{Duration, Instant};

use portable_pty::{Child, CommandBuilder, ExitStatus, MasterPty, PtySize, native_pty_system};

/// The binary under test, built by cargo for this test run (debug profile under `cargo test`).
pub const BIN: &str = super::bin::BIN;

/// How long the reader thread sleeps in `poll` before checking whether it must stop.
const READER_POLL: Duration = Duration::from_millis(20);
/// Pause after a bare ESC so the next key is not read as Alt+key.
const ESC_PAUSE: Duration = Duration::from_millis(60);
/// The largest screen modelled: entente draws at most this much of a terminal (its top-left
/// part), so a bigger terminal is modelled by that part, not by gigabytes of cells.
const MODEL_MAX: (u16, u16) = (1000, 500);

/// Keys with a fixed encoding (xterm, normal cursor mode).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Key {
    Char(char),
    /// Ctrl plus an ASCII letter, e.g. `Ctrl('p')`.
    Ctrl(char),
    Tab,
    BackTab,
    Enter,
    Esc,
    Backspace,
    Up,
    Down,
    Left,
    Right,
    Home,
    End,
    PageUp,
    PageDown,
}

impl Key {
    /// The bytes a terminal sends for this key.
    pub fn bytes(self) -> Vec<u8> {
        match self {
            Key::Char(c) => c.to_string().into_bytes(),
            Key::Ctrl(c) => {
                assert!(c.is_ascii_alphabetic(), "Ctrl({c:?}): only ASCII letters");
                vec![(c.to_ascii_lowercase() as u8) & 0x1f]
            }
            Key::Tab => b"\t".to_vec(),
            Key::BackTab => b"\x1b[Z".to_vec(),
            Key::Enter => b"\r".to_vec(),
            Key::Esc => b"\x1b".to_vec(),
            Key::Backspace => b"\x7f".to_vec(),
            Key::Up => b"\x1b[A".to_vec(),
            Key::Down => b"\x1b[B".to_vec(),
            Key::Right => b"\x1b[C".to_vec(),
            Key::Left => b"\x1b[D".to_vec(),
            Key::Home => b"\x1b[H".to_vec(),
            Key::End => b"\x1b[F".to_vec(),
            Key::PageUp => b"\x1b[5~".to_vec(),
            Key::PageDown => b"\x1b[6~".to_vec(),
        }
    }
}

/// A child process on a pseudo-terminal, and everything it has written so far.
pub struct Pty {
    master: Option<Box<dyn MasterPty + Send>>,
    /// Our own duplicate of the master for typing: portable-pty's writer sends "\n" + EOF when
    /// dropped, which would reach the child as keys when the master is closed.
    input: Option<File>,
    child: Box<dyn Child + Send + Sync>,
    pid: u32,
    output: Receiver<Vec<u8>>,
    reader: Option<JoinHandle<()>>,
    stop_reader: Arc<AtomicBool>,
    /// While set, the reader thread leaves the child's output unread, as a frozen terminal.
    stall_reader: Arc<AtomicBool>,
    reader_done: bool,
    parser: vt100::Parser,
    raw: Vec<u8>,
    status: Option<ExitStatus>,
    /// CPU time read from /proc while the exited child was still a zombie.
    final_cpu: Option<Duration>,
}

impl Pty {
    /// Run the entente binary with `args` and extra `env` on a `cols` x `rows` terminal.
    pub fn spawn(args: &[&str], env: &[(&str, &str)], cols: u16, rows: u16) -> Pty {
        Pty::spawn_program(BIN, args, env, cols, rows)
    }

    /// Run any program (e.g. `sh` wrapping the binary) on a `cols` x `rows` terminal.
    pub fn spawn_program(
        program: &str,
        args: &[&str],
        env: &[(&str, &str)],
        cols: u16,
        rows: u16,
    ) -> Pty {
        let pair = native_pty_system()
            .openpty(size(cols, rows))
            .unwrap_or_else(|err| panic!("cannot open a pseudo-terminal: {err:#}"));
        let mut cmd = CommandBuilder::new(program);
        cmd.args(args);
        cmd.cwd(env!("CARGO_MANIFEST_DIR"));
        cmd.env("TERM", "xterm-256color");
        cmd.env("RUST_BACKTRACE", "0");
        cmd.env("ENTENTE_CORPUS_DIR", super::bin::no_user_corpus());
        // No test writes to the user's cache (the browser keeps its finder index there on
        // `--corpus PATH`); a test of the cache passes its own XDG_CACHE_HOME and turns it on.
        cmd.env("ENTENTE_NO_CACHE", "1");
        // One locale for every run, whatever the caller's: UTF-8, English.
        cmd.env("LANG", "C.UTF-8");
        for inherited in [
            "NO_COLOR",
            "ENTENTE_TEST_PANIC",
            "ENTENTE_TEST_ERROR",
            "LC_ALL",
            "LC_MESSAGES",
            "LC_CTYPE",
            "COLORTERM",
            // Inside tmux `y` also loads tmux's buffer: a test run from a tmux pane must not
            // write into the developer's server (the tmux test starts a private one).
            "TMUX",
        ] {
            cmd.env_remove(inherited);
        }
        for (key, value) in env {
            cmd.env(key, value);
        }
        let child = pair
            .slave
            .spawn_command(cmd)
            .unwrap_or_else(|err| panic!("cannot start {program} {args:?}: {err:#}"));
        // Only the child may hold the slave: the hang-up tests need the master to be the last
        // thing keeping the terminal alive, and reads to end when the child exits.
        drop(pair.slave);
        let pid = child.process_id().expect("the child has a process id");

        let master = pair.master;
        let input = File::from(dup_master(master.as_ref()));
        let reader_file = File::from(dup_master(master.as_ref()));
        let stop_reader = Arc::new(AtomicBool::new(false));
        let stall_reader = Arc::new(AtomicBool::new(false));
        let (sender, output) = mpsc::channel();
        let stop = Arc::clone(&stop_reader);
        let stall = Arc::clone(&stall_reader);
        let reader = thread::Builder::new()
            .name(format!("pty-reader-{pid}"))
            .spawn(move || read_master(reader_file, &stop, &stall, &sender))
            .expect("start the PTY reader thread");

        Pty {
            master: Some(master),
            input: Some(input),
            child,
            pid,
            output,
            reader: Some(reader),
            stop_reader,
            stall_reader,
            reader_done: false,
            parser: vt100::Parser::new(model(rows, MODEL_MAX.1), model(cols, MODEL_MAX.0), 0),
            raw: Vec::new(),
            status: None,
            final_cpu: None,
        }
    }

    /// The child's process id.
    pub fn pid(&self) -> u32 {
        self.pid
    }

    /// Type raw bytes.
    pub fn send(&mut self, bytes: &[u8]) {
        let input = self
            .input
            .as_mut()
            .expect("send after close_master: the terminal is gone");
        input
            .write_all(bytes)
            .and_then(|()| input.flush())
            .unwrap_or_else(|err| panic!("cannot type {bytes:?}: {err}"));
    }

    /// Type one key; after a bare ESC, pause so the next key is not read as Alt+key.
    pub fn send_key(&mut self, key: Key) {
        self.send(&key.bytes());
        if key == Key::Esc {
            thread::sleep(ESC_PAUSE);
        }
    }

    /// Type each character of `text` as a key.
    pub fn type_text(&mut self, text: &str) {
        self.send(text.as_bytes());
    }

    /// Send a signal to the child.
    pub fn signal(&self, signal: libc::c_int) {
        // SAFETY: kill has no memory-safety preconditions.
        let sent = unsafe { libc::kill(self.pid as libc::pid_t, signal) };
        assert_eq!(sent, 0, "kill({}, {signal}) failed", self.pid);
    }

    /// Change the terminal size (the child gets SIGWINCH) and the screen model's.
    ///
    /// The model is resized first: output drawn for the new size must never reach a model of
    /// the old size (shrinking it would then push rows into scrollback and shift the screen).
    /// Late output drawn for the old size is overwritten by the child's redraw after SIGWINCH.
    pub fn resize(&mut self, cols: u16, rows: u16) {
        self.pump();
        self.parser
            .set_size(model(rows, MODEL_MAX.1), model(cols, MODEL_MAX.0));
        self.master
            .as_ref()
            .expect("resize after close_master")
            .resize(size(cols, rows))
            .unwrap_or_else(|err| panic!("cannot resize to {cols}x{rows}: {err:#}"));
    }

    /// Close every handle on the master, as a dropped SSH link would; no signal is sent by
    /// the harness (the kernel may still send SIGHUP to the child's session).
    pub fn close_master(&mut self) {
        self.stop_reader.store(true, Ordering::SeqCst);
        if let Some(reader) = self.reader.take() {
            reader.join().expect("the PTY reader thread panicked");
        }
        self.pump();
        self.reader_done = true;
        self.input = None;
        self.master = None;
    }

    /// Stop reading the child's output, as a frozen terminal (or SSH link) would: once the
    /// terminal's buffer is full, the child's writes block.
    pub fn stall_output(&mut self) {
        self.stall_reader.store(true, Ordering::SeqCst);
    }

    /// Read the child's output again after [`Pty::stall_output`].
    pub fn resume_output(&mut self) {
        self.stall_reader.store(false, Ordering::SeqCst);
    }

    /// Whether the child is stopped (job control), from /proc; `None` once it is reaped.
    pub fn is_stopped(&self) -> Option<bool> {
        let stat = std::fs::read_to_string(format!("/proc/{}/stat", self.pid)).ok()?;
        let state = stat.rsplit_once(')')?.1.split_whitespace().next()?;
        Some(state == "T")
    }

    /// The child's peak resident memory (VmHWM) in bytes, from /proc, while it runs.
    pub fn peak_rss(&self) -> Option<u64> {
        let status = std::fs::read_to_string(format!("/proc/{}/status", self.pid)).ok()?;
        let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
        let kib: u64 = line.split_whitespace().nth(1)?.parse().ok()?;
        Some(kib * 1024)
    }

    /// Wait until `ready(screen text)` holds; on timeout the error shows the screen.
    pub fn wait_for(
        &mut self,
        ready: impl Fn(&str) -> bool,
        timeout: Duration,
    ) -> Result<String, String> {
        let deadline = Instant::now() + timeout;
        loop {
            self.pump();
            let text = self.screen_text();
            if ready(&text) {
                return Ok(text);
            }
            let now = Instant::now();
            if now >= deadline {
                return Err(format!(
                    "timed out after {timeout:?}; child {}; screen:\n{}",
                    self.describe_state(),
                    framed(&text)
                ));
            }
            self.pump_for(deadline - now);
        }
    }

    /// Wait until the screen contains `needle`.
    pub fn wait_for_text(&mut self, needle: &str, timeout: Duration) -> Result<String, String> {
        self.wait_for(|screen| screen.contains(needle), timeout)
    }

    /// The screen as text (rows joined by newlines), after taking in pending output.
    pub fn screen_text(&mut self) -> String {
        self.pump();
        self.parser.screen().contents()
    }

    /// The vt100 screen model (modes: alternate screen, cursor, mouse, paste).
    pub fn screen(&mut self) -> &vt100::Screen {
        self.pump();
        self.parser.screen()
    }

    /// Every byte the child has written so far.
    /// Wait until the raw output holds `needle` (e.g. the end of a synchronized update, so a
    /// frame whose text is already on screen has also been written whole).
    pub fn wait_for_bytes(&mut self, needle: &[u8], timeout: Duration) -> Result<(), String> {
        let deadline = Instant::now() + timeout;
        loop {
            self.pump();
            if self.raw.windows(needle.len()).any(|w| w == needle) {
                return Ok(());
            }
            if Instant::now() >= deadline {
                return Err(format!("{needle:?} not written within {timeout:?}"));
            }
            self.pump_for(Duration::from_millis(10));
        }
    }

    pub fn raw_bytes(&mut self) -> &[u8] {
        self.pump();
        &self.raw
    }

    /// A position in the raw output, for [`Pty::bytes_since`].
    pub fn mark(&mut self) -> usize {
        self.pump();
        self.raw.len()
    }

    /// The bytes written since `mark`.
    pub fn bytes_since(&mut self, mark: usize) -> &[u8] {
        self.pump();
        &self.raw[mark.min(self.raw.len())..]
    }

    /// Take in output for `duration` (e.g. to watch an idle child).
    pub fn idle_for(&mut self, duration: Duration) {
        let deadline = Instant::now() + duration;
        while let Some(left) = deadline.checked_duration_since(Instant::now()) {
            if left.is_zero() {
                break;
            }
            self.pump_for(left);
        }
    }

    /// True while the child has not exited.
    pub fn is_alive(&mut self) -> bool {
        self.check_exit();
        self.status.is_none()
    }

    /// Wait for the child to exit; `None` if it is still running after `timeout`. Once it has
    /// exited, its remaining output is taken in (up to one more second).
    pub fn wait_exit(&mut self, timeout: Duration) -> Option<ExitStatus> {
        let deadline = Instant::now() + timeout;
        while self.is_alive() {
            if Instant::now() >= deadline {
                return None;
            }
            self.pump_for(Duration::from_millis(2));
        }
        self.drain_output(Duration::from_secs(1));
        self.status.clone()
    }

    /// CPU time (user + system) the child has used: read from /proc while it runs, or the
    /// last reading taken just before it was reaped.
    pub fn cpu_time(&mut self) -> Option<Duration> {
        self.check_exit();
        if self.status.is_some() {
            return self.final_cpu;
        }
        proc_cpu_time(self.pid)
    }

    /// Whether the terminal is in cooked mode (canonical input, echo), as a shell expects.
    /// `None` once the master is closed or the terminal attributes cannot be read.
    pub fn cooked_mode(&self) -> Option<bool> {
        let fd = self.master.as_ref()?.as_raw_fd()?;
        // SAFETY: tcgetattr writes into a zeroed termios struct that outlives the call; `fd`
        // is the open master (Linux answers for the slave side).
        let mut termios: libc::termios = unsafe { std::mem::zeroed() };
        let read = unsafe { libc::tcgetattr(fd, &mut termios) };
        (read == 0)
            .then_some(termios.c_lflag & libc::ICANON != 0 && termios.c_lflag & libc::ECHO != 0)
    }

    /// A one-line account of the child's state for failure messages.
    pub fn describe_state(&mut self) -> String {
        self.check_exit();
        match &self.status {
            None => format!("{} still running", self.pid),
            Some(status) => format!("{} exited with {status:?}", self.pid),
        }
    }

    fn pump(&mut self) {
        if self.reader_done {
            return;
        }
        loop {
            match self.output.try_recv() {
                Ok(chunk) => self.take(&chunk),
                Err(TryRecvError::Empty) => return,
                Err(TryRecvError::Disconnected) => {
                    self.reader_done = true;
                    return;
                }
            }
        }
    }

    /// Wait up to `timeout` for one chunk of output, then take in whatever else is pending.
    fn pump_for(&mut self, timeout: Duration) {
        if self.reader_done {
            thread::sleep(timeout.min(Duration::from_millis(10)));
            return;
        }
        match self.output.recv_timeout(timeout) {
            Ok(chunk) => self.take(&chunk),
            Err(RecvTimeoutError::Timeout) => {}
            Err(RecvTimeoutError::Disconnected) => self.reader_done = true,
        }
        self.pump();
    }

    fn drain_output(&mut self, timeout: Duration) {
        let deadline = Instant::now() + timeout;
        while !self.reader_done && Instant::now() < deadline {
            self.pump_for(Duration::from_millis(10));
        }
    }

    fn take(&mut self, chunk: &[u8]) {
        self.parser.process(chunk);
        self.raw.extend_from_slice(chunk);
    }

    /// Notice an exit without losing the CPU reading: peek with WNOWAIT, read /proc while the
    /// child is a zombie, then reap it.
    fn check_exit(&mut self) {
        if self.status.is_some() {
            return;
        }
        // SAFETY: waitid writes into a zeroed siginfo_t that outlives the call; WNOWAIT leaves
        // the child to be reaped below.
        let exited = unsafe {
            let mut info: libc::siginfo_t = std::mem::zeroed();
            let found = libc::waitid(
                libc::P_PID,
                self.pid as libc::id_t,
                &mut info,
                libc::WEXITED | libc::WNOHANG | libc::WNOWAIT,
            );
            found == 0 && info.si_pid() != 0
        };
        if !exited {
            return;
        }
        self.final_cpu = proc_cpu_time(self.pid);
        match self.child.try_wait() {
            Ok(Some(status)) => self.status = Some(status),
            Ok(None) => {}
            Err(err) => panic!("cannot reap child {}: {err}", self.pid),
        }
    }
}

impl Drop for Pty {
    fn drop(&mut self) {
        if self.is_alive() {
            // SAFETY: kill has no memory-safety preconditions; the pid is our unreaped child.
            unsafe { libc::kill(self.pid as libc::pid_t, libc::SIGKILL) };
            let _ = self.child.wait();
        }
        self.stop_reader.store(true, Ordering::SeqCst);
        if let Some(reader) = self.reader.take() {
            let _ = reader.join();
        }
    }
}

/// The reader thread: copy master output into the channel until EOF/EIO (the child and every
/// other slave holder are gone) or until asked to stop (to let the master close).
fn read_master(
    mut master: File,
    stop: &AtomicBool,
    stall: &AtomicBool,
    sender: &mpsc::Sender<Vec<u8>>,
) {
    let mut buf = vec![0u8; 16 * 1024];
    let timeout = READER_POLL.as_millis() as libc::c_int;
    while !stop.load(Ordering::SeqCst) {
        if stall.load(Ordering::SeqCst) {
            thread::sleep(READER_POLL);
            continue;
        }
        let mut fd = libc::pollfd {
            fd: master.as_raw_fd(),
            events: libc::POLLIN,
            revents: 0,
        };
        // SAFETY: one live pollfd struct, exclusively borrowed for the call.
        let ready = unsafe { libc::poll(&mut fd, 1, timeout) };
        if ready <= 0 {
            continue;
        }
        match master.read(&mut buf) {
            Ok(0) => return,
            Ok(n) => {
                if sender.send(buf[..n].to_vec()).is_err() {
                    return;
                }
            }
            Err(err) if err.kind() == std::io::ErrorKind::Interrupted => {}
            // EIO: the slave side is closed for good.
            Err(_) => return,
        }
    }
}

fn dup_master(master: &dyn MasterPty) -> OwnedFd {
    let fd = master
        .as_raw_fd()
        .expect("a Unix PTY master has a descriptor");
    // SAFETY: `fd` is the master's open descriptor, valid while `master` lives (the borrow
    // ends with this call; the duplicate is ours).
    unsafe { BorrowedFd::borrow_raw(fd) }
        .try_clone_to_owned()
        .expect("duplicate the PTY master")
}

/// utime + stime of `pid` from /proc/<pid>/stat; `None` once the process is reaped.
pub fn proc_cpu_time(pid: u32) -> Option<Duration> {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
    // The command name (field 2) is in parentheses and may hold spaces: count from the last ')'.
    let fields: Vec<&str> = stat.rsplit_once(')')?.1.split_whitespace().collect();
    // After the name: state is field 3, so utime (14) and stime (15) are at 11 and 12.
    let utime: u64 = fields.get(11)?.parse().ok()?;
    let stime: u64 = fields.get(12)?.parse().ok()?;
    // SAFETY: sysconf has no memory-safety preconditions.
    let ticks = unsafe { libc::sysconf(libc::_SC_CLK_TCK) };
    let ticks = u64::try_from(ticks).ok().filter(|&t| t > 0)?;
    Some(Duration::from_micros((utime + stime) * 1_000_000 / ticks))
}

fn size(cols: u16, rows: u16) -> PtySize {
    PtySize {
        rows,
        cols,
        pixel_width: 0,
        pixel_height: 0,
    }
}

fn nonzero(n: u16) -> NonZeroU16 {
    NonZeroU16::new(n).unwrap_or(NonZeroU16::MIN)
}

/// A screen dimension of the model: the terminal's, up to `max`.
fn model(n: u16, max: u16) -> NonZeroU16 {
    nonzero(n.min(max))
}

/// The screen text with a margin mark, so trailing blanks and empty rows are visible.
fn framed(text: &str) -> String {
    text.lines().map(|line| format!("|{line}\n")).collect()
}

/// Where `needle` last occurs in `haystack`.
pub fn rfind(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack
        .windows(needle.len())
        .rposition(|window| window == needle)
}

/// Where `needle` first occurs in `haystack` at or after `from`.
pub fn find_from(haystack: &[u8], needle: &[u8], from: usize) -> Option<usize> {
    haystack
        .get(from..)?
        .windows(needle.len())
        .position(|window| window == needle)
        .map(|at| at + from)
}
