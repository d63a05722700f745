//! What entente writes and reads besides the corpus, through the real binary: `export -o`
//! never follows a planted link, never replaces what is not a regular file, keeps a file's
//! mode and hard links; the find cache is read with bounds (a FIFO, a link to /dev/zero, a
//! sparse 3 GB file are misses, promptly), sees a corpus replaced with its mtime restored, and
//! leaves no temporary file after a write that was killed.
//!
//! Every run has a deadline, so a hang fails the test instead of blocking the suite. Each
//! cache run's read count is checked (from `/proc/PID/io`), so reading gigabytes fails it;
//! a 4 GiB address-space limit keeps a run that tries from taking the machine's memory.
//! No test touches the user's cache: each sets its own `XDG_CACHE_HOME`.

use std::io::Read;
use std::os::unix::fs::{FileTypeExt, MetadataExt, OpenOptionsExt, PermissionsExt};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, ExitStatus, Stdio};
use std::time::{Duration, Instant};

use entente::synth::{Spec, generate};

/// Long enough for a loaded machine; only a hang comes near it.
const DEADLINE: Duration = Duration::from_secs(120);

struct Run {
    status: ExitStatus,
    stdout: String,
    stderr: String,
    /// Bytes the process read through `read` and friends (`rchar` of `/proc/PID/io`).
    bytes_read: u64,
}

/// Waits for `child` until [`DEADLINE`], killing it and failing the test when it hangs.
/// Once it has exited, and before it is reaped, its read count is taken from /proc.
fn finish(mut child: Child, what: &str) -> Run {
    let mut stdout = child.stdout.take().expect("piped stdout");
    let mut stderr = child.stderr.take().expect("piped stderr");
    let out = std::thread::spawn(move || {
        let mut s = Vec::new();
        let _ = stdout.read_to_end(&mut s);
        s
    });
    let err = std::thread::spawn(move || {
        let mut s = Vec::new();
        let _ = stderr.read_to_end(&mut s);
        s
    });
    let pid = rustix::process::Pid::from_child(&child);
    let peek = rustix::process::WaitIdOptions::EXITED
        | rustix::process::WaitIdOptions::NOHANG
        | rustix::process::WaitIdOptions::NOWAIT;
    let start = Instant::now();
    loop {
        // WNOWAIT: the exited child stays a zombie, whose /proc/PID/io can still be read.
        let exited = rustix::process::waitid(rustix::process::WaitId::Pid(pid), peek)
            .expect("waitid on entente");
        if exited.is_some() {
            break;
        }
        if start.elapsed() > DEADLINE {
            let _ = child.kill();
            let _ = child.wait();
            panic!("{what}: entente did not finish within {DEADLINE:?} (it hung)");
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    let bytes_read = read_count(child.id());
    let status = child.wait().expect("reap entente");
    Run {
        status,
        stdout: String::from_utf8_lossy(&out.join().expect("stdout reader")).into_owned(),
        stderr: String::from_utf8_lossy(&err.join().expect("stderr reader")).into_owned(),
        bytes_read,
    }
}

/// `rchar` of `/proc/PID/io`: every byte the process read (Linux).
fn read_count(pid: u32) -> u64 {
    let io = std::fs::read_to_string(format!("/proc/{pid}/io"))
        .unwrap_or_else(|e| panic!("/proc/{pid}/io: {e}"));
    io.lines()
        .find_map(|line| line.strip_prefix("rchar:"))
        .and_then(|n| n.trim().parse().ok())
        .unwrap_or_else(|| panic!("no rchar in /proc/{pid}/io: {io}"))
}

fn entente(args: &[&str]) -> Command {
    let mut command = crate::support::bin::command();
    command
        .args(args)
        .env("ENTENTE_NO_CACHE", "1")
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    command
}

fn run(args: &[&str]) -> Run {
    let child = entente(args).spawn().expect("the entente binary runs");
    finish(child, &args.join(" "))
}

/// A meeting id of the built-in corpus (whichever is listed first).
fn meeting_id() -> String {
    let o = run(&["list", "--kind", "meeting", "--json"]);
    let v: serde_json::Value = serde_json::from_str(&o.stdout).expect("list --json is JSON");
    v["items"][0]["id"]
        .as_str()
        .expect("a meeting id")
        .to_string()
}

/// The note `export ID` prints to stdout: what every written note must hold.
fn note_of(id: &str) -> String {
    let o = run(&["export", id]);
    assert!(o.status.success(), "{}", o.stderr);
    assert!(o.stdout.len() > 512, "a note of some size: {}", o.stdout);
    o.stdout
}

fn names_in(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .map(|d| {
            d.flatten()
                .map(|e| e.file_name().to_string_lossy().into_owned())
                .collect()
        })
        .unwrap_or_default();
    names.sort();
    names
}

fn mkfifo(path: &Path) {
    let ok = Command::new("mkfifo")
        .arg(path)
        .status()
        .expect("mkfifo runs");
    assert!(ok.success(), "mkfifo {}", path.display());
}

// ---- export -o -------------------------------------------------------------------------

#[test]
fn export_ignores_symlinks_planted_at_predictable_temporary_names() {
    let id = meeting_id();
    let note = note_of(&id);
    let dir = tempfile::tempdir().unwrap();
    let victim_dir = tempfile::tempdir().unwrap();
    let victim = victim_dir.path().join("victim");
    std::fs::write(&victim, "the victim's own text").unwrap();
    // The old name was `.note.md.tmp-PID`: plant one for each of the next few thousand pids
    // (pids are handed out in order, wrapping at pid_max).
    let pid_max: u32 = std::fs::read_to_string("/proc/sys/kernel/pid_max")
        .ok()
        .and_then(|s| s.trim().parse().ok())
        .unwrap_or(32_768);
    let probe = Command::new("true").spawn().expect("true runs");
    let last = probe.id();
    let mut probe = probe;
    probe.wait().unwrap();
    let planted: Vec<u32> = (1..=4_000)
        .map(|k| {
            let p = last + k;
            if p < pid_max { p } else { p - pid_max + 300 }
        })
        .collect();
    for pid in &planted {
        std::os::unix::fs::symlink(&victim, dir.path().join(format!(".note.md.tmp-{pid}")))
            .unwrap();
    }
    let target = dir.path().join("note.md");
    let child = entente(&["export", &id, "-o", target.to_str().unwrap()])
        .spawn()
        .unwrap();
    let pid = child.id();
    let o = finish(child, "export -o note.md");
    assert!(
        planted.contains(&pid),
        "the run's pid {pid} fell outside the planted names, so this run proves nothing"
    );
    assert!(o.status.success(), "{}", o.stderr);
    assert_eq!(
        std::fs::read_to_string(&victim).unwrap(),
        "the victim's own text",
        "the file a planted link points at is unchanged"
    );
    let written = std::fs::symlink_metadata(&target).unwrap();
    assert!(written.is_file(), "note.md is a regular file, not a link");
    assert_eq!(std::fs::read_to_string(&target).unwrap(), note);
    let links = names_in(dir.path())
        .iter()
        .filter(|n| n.contains(".tmp-"))
        .count();
    assert_eq!(links, planted.len(), "every planted link is still there");
}

#[test]
fn export_to_dev_stdout_writes_through_and_leaves_the_link() {
    let id = meeting_id();
    let note = note_of(&id);
    let before = std::fs::read_link("/dev/stdout").unwrap();
    let o = run(&["export", &id, "-o", "/dev/stdout"]);
    assert!(o.status.success(), "{}", o.stderr);
    assert_eq!(o.stdout, note, "the note, and nothing else, reaches stdout");
    let meta = std::fs::symlink_metadata("/dev/stdout").unwrap();
    assert!(meta.file_type().is_symlink(), "/dev/stdout is still a link");
    assert_eq!(std::fs::read_link("/dev/stdout").unwrap(), before);
}

#[test]
fn export_to_dev_null_writes_through_and_leaves_the_device() {
    let id = meeting_id();
    let o = run(&["export", &id, "-o", "/dev/null"]);
    assert!(o.status.success(), "{}", o.stderr);
    let meta = std::fs::symlink_metadata("/dev/null").unwrap();
    assert!(meta.file_type().is_char_device(), "/dev/null is a device");
    assert_eq!(
        names_in(Path::new("/dev"))
            .iter()
            .filter(|n| n.starts_with(".null"))
            .count(),
        0,
        "no temporary file in /dev"
    );
}

#[test]
fn export_into_a_fifo_writes_through_and_keeps_the_fifo() {
    let id = meeting_id();
    let note = note_of(&id);
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("pipe");
    mkfifo(&fifo);
    // Nobody reads it: a prompt error, not a hang, and the FIFO stays.
    let o = run(&["export", &id, "-o", fifo.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(2), "{}", o.stderr);
    assert!(o.stderr.contains("nobody is reading"), "{}", o.stderr);
    assert!(
        std::fs::symlink_metadata(&fifo)
            .unwrap()
            .file_type()
            .is_fifo()
    );

    // With a reader, the note goes through it. The test holds the read end (opened without
    // blocking, so before any writer) and reads once entente is done: the note fits in the
    // pipe's buffer, so the write does not wait for the read.
    assert!(note.len() < 64 * 1024, "the note fits in a pipe buffer");
    let mut reader = std::fs::OpenOptions::new()
        .read(true)
        .custom_flags(libc::O_NONBLOCK)
        .open(&fifo)
        .unwrap();
    let o = run(&["export", &id, "-o", fifo.to_str().unwrap()]);
    assert!(o.status.success(), "{}", o.stderr);
    assert!(
        o.stdout.is_empty(),
        "no \"wrote\" line for a stream: {}",
        o.stdout
    );
    assert!(
        std::fs::symlink_metadata(&fifo)
            .unwrap()
            .file_type()
            .is_fifo(),
        "the FIFO is still a FIFO"
    );
    let mut received = String::new();
    reader.read_to_string(&mut received).unwrap();
    assert_eq!(received, note);
    assert_eq!(names_in(dir.path()), ["pipe"], "nothing else was created");
}

#[test]
fn export_through_a_symlink_to_a_note_is_refused_and_both_are_kept() {
    let id = meeting_id();
    let dir = tempfile::tempdir().unwrap();
    let real = dir.path().join("real.md");
    let link = dir.path().join("note.md");
    std::fs::write(&real, "my own notes").unwrap();
    std::os::unix::fs::symlink(&real, &link).unwrap();
    let o = run(&["export", &id, "-o", link.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(2));
    assert!(o.stderr.contains("symbolic link"), "{}", o.stderr);
    assert_eq!(std::fs::read_to_string(&real).unwrap(), "my own notes");
    assert!(std::fs::symlink_metadata(&link).unwrap().is_symlink());
    assert_eq!(names_in(dir.path()), ["note.md", "real.md"]);
}

#[test]
fn export_over_an_existing_file_needs_force_and_leaves_it_alone_without() {
    let id = meeting_id();
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("note.md");
    std::fs::write(&target, "my edited note").unwrap();
    std::fs::set_permissions(&target, std::fs::Permissions::from_mode(0o600)).unwrap();
    let o = run(&["export", &id, "-o", target.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(2), "{}", o.stderr);
    assert!(
        o.stderr
            .contains("already exists and was left as it is; add --force"),
        "{}",
        o.stderr
    );
    assert_eq!(std::fs::read_to_string(&target).unwrap(), "my edited note");
    let mode = std::fs::metadata(&target).unwrap().mode() & 0o7777;
    assert_eq!(mode, 0o600, "mode {mode:o}");
    assert_eq!(names_in(dir.path()), ["note.md"], "no temporary is left");
    // --force without -o is a usage error.
    let o = run(&["export", &id, "--force"]);
    assert_eq!(o.status.code(), Some(2), "{}", o.stderr);
}

#[test]
fn export_with_force_over_a_0600_file_keeps_0600() {
    let id = meeting_id();
    let note = note_of(&id);
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("note.md");
    std::fs::write(&target, "old").unwrap();
    std::fs::set_permissions(&target, std::fs::Permissions::from_mode(0o600)).unwrap();
    let o = run(&["export", &id, "-o", target.to_str().unwrap(), "--force"]);
    assert!(o.status.success(), "{}", o.stderr);
    assert_eq!(std::fs::read_to_string(&target).unwrap(), note);
    let mode = std::fs::metadata(&target).unwrap().mode() & 0o7777;
    assert_eq!(mode, 0o600, "mode {mode:o}");
}

#[test]
fn export_over_a_hard_linked_file_is_refused_and_the_link_holds() {
    let id = meeting_id();
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("note.md");
    let other = dir.path().join("elsewhere.md");
    std::fs::write(&target, "shared text").unwrap();
    std::fs::hard_link(&target, &other).unwrap();
    let o = run(&["export", &id, "-o", target.to_str().unwrap(), "--force"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(o.stderr.contains("hard links"), "{}", o.stderr);
    let (a, b) = (
        std::fs::metadata(&target).unwrap(),
        std::fs::metadata(&other).unwrap(),
    );
    assert_eq!(
        (a.ino(), a.nlink()),
        (b.ino(), 2),
        "still one file, two names"
    );
    assert_eq!(std::fs::read_to_string(&other).unwrap(), "shared text");
}

#[test]
fn export_that_fails_midway_leaves_no_temporary_file() {
    let id = meeting_id();
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("note.md");
    // A 512-byte file size limit, with SIGXFSZ ignored: the write fails with EFBIG after
    // the temporary file exists.
    let child = Command::new("sh")
        .arg("-c")
        .arg("trap '' XFSZ; ulimit -f 1; exec \"$0\" export \"$1\" -o \"$2\"")
        .arg(crate::support::bin::BIN)
        .env("ENTENTE_CORPUS_DIR", crate::support::bin::no_user_corpus())
        .arg(&id)
        .arg(&target)
        .env("ENTENTE_NO_CACHE", "1")
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let o = finish(child, "export under a file size limit");
    assert_eq!(o.status.code(), Some(2), "{}", o.stderr);
    assert!(o.stderr.contains("cannot write"), "{}", o.stderr);
    assert_eq!(names_in(dir.path()), Vec::<String>::new(), "nothing left");
}

// ---- the find cache ----------------------------------------------------------------------

/// A synthetic corpus in its own directory, with a private cache directory beside it.
struct CacheCase {
    dir: tempfile::TempDir,
    corpus: PathBuf,
}

impl CacheCase {
    fn new() -> CacheCase {
        let dir = tempfile::tempdir().unwrap();
        let corpus = dir.path().join("corpus.json");
        let data = generate(Spec::with_candidates(300));
        std::fs::write(&corpus, serde_json::to_string(&data).unwrap()).unwrap();
        CacheCase { dir, corpus }
    }

    fn cache(&self) -> PathBuf {
        self.dir.path().join("cache")
    }

    fn entries(&self) -> Vec<String> {
        names_in(&self.cache().join("entente"))
    }

    /// The one cache entry (after a cold run).
    fn entry(&self) -> PathBuf {
        let names = self.entries();
        assert_eq!(names.len(), 1, "one cache entry: {names:?}");
        self.cache().join("entente").join(&names[0])
    }

    /// `entente --corpus C find QUERY` with this cache, under a 4 GiB address-space limit
    /// (and `extra` shell commands first, e.g. another limit).
    fn find_limited(&self, query: &str, extra: &str) -> Run {
        let child = Command::new("sh")
            .arg("-c")
            .arg(format!(
                "ulimit -v 4194304; {extra} exec \"$0\" --corpus \"$1\" find --limit 0 \"$2\""
            ))
            .arg(crate::support::bin::BIN)
            .env("ENTENTE_CORPUS_DIR", crate::support::bin::no_user_corpus())
            .arg(&self.corpus)
            .arg(query)
            .env("XDG_CACHE_HOME", self.cache())
            .env_remove("ENTENTE_NO_CACHE")
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        finish(child, &format!("find {query}"))
    }

    fn find(&self, query: &str) -> Run {
        self.find_limited(query, "")
    }

    /// A cold run, which writes the entry; its output is what every later run must print.
    fn cold(&self) -> String {
        let o = self.find("cyber");
        assert!(o.status.success(), "{}", o.stderr);
        assert!(o.stdout.lines().count() > 3, "{}", o.stdout);
        o.stdout
    }

    /// After a bad entry: the same answer, little read, and a regular file rebuilt in its
    /// place.
    fn assert_answers_and_rebuilds(&self, expected: &str, what: &str) {
        let o = self.find("cyber");
        assert!(o.status.success(), "{what}: {}", o.stderr);
        let corpus = std::fs::metadata(&self.corpus).unwrap().len();
        println!("{what}: read {} bytes (corpus {corpus})", o.bytes_read);
        assert!(
            o.bytes_read < 4 * corpus + (4 << 20),
            "{what}: read {} bytes for a corpus of {corpus}",
            o.bytes_read
        );
        assert_eq!(
            o.stdout, expected,
            "{what}: the same answer as from the corpus"
        );
        let entry = self.entry();
        let meta = std::fs::symlink_metadata(&entry).unwrap();
        assert!(
            meta.is_file(),
            "{what}: the entry is rebuilt as a regular file"
        );
        assert!(
            meta.len() < 64 << 20,
            "{what}: a real entry, {} bytes",
            meta.len()
        );
        let warm = self.find("cyber");
        assert_eq!(
            warm.stdout, expected,
            "{what}: the rebuilt entry answers alike"
        );
    }
}

#[test]
fn a_fifo_at_the_cache_path_is_a_miss_not_a_hang() {
    let case = CacheCase::new();
    let expected = case.cold();
    let entry = case.entry();
    std::fs::remove_file(&entry).unwrap();
    mkfifo(&entry);
    case.assert_answers_and_rebuilds(&expected, "a FIFO");

    // A link to a FIFO elsewhere: not followed, and the FIFO is left alone.
    let fifo = case.dir.path().join("elsewhere");
    mkfifo(&fifo);
    std::fs::remove_file(&entry).unwrap();
    std::os::unix::fs::symlink(&fifo, &entry).unwrap();
    case.assert_answers_and_rebuilds(&expected, "a link to a FIFO");
    assert!(std::fs::metadata(&fifo).unwrap().file_type().is_fifo());
}

#[test]
fn a_link_to_dev_zero_at_the_cache_path_is_not_read() {
    let case = CacheCase::new();
    let expected = case.cold();
    let entry = case.entry();
    std::fs::remove_file(&entry).unwrap();
    std::os::unix::fs::symlink("/dev/zero", &entry).unwrap();
    case.assert_answers_and_rebuilds(&expected, "a link to /dev/zero");
    assert!(
        std::fs::metadata("/dev/zero")
            .unwrap()
            .file_type()
            .is_char_device()
    );
}

#[test]
fn a_cache_entry_owned_by_another_user_is_not_trusted() {
    if rustix::process::geteuid().as_raw() != 0 {
        println!("skipped: giving a file to another user needs root");
        return;
    }
    let case = CacheCase::new();
    let expected = case.cold();
    let entry = case.entry();
    // A valid entry, but another user's (`nobody`): it could have been written by anyone.
    std::os::unix::fs::chown(&entry, Some(65_534), Some(65_534)).unwrap();
    case.assert_answers_and_rebuilds(&expected, "another user's entry");
    let owner = std::fs::metadata(case.entry()).unwrap().uid();
    assert_eq!(owner, 0, "rebuilt as the user's own, not read");
}

#[test]
fn a_sparse_3_gb_cache_entry_is_not_read() {
    let case = CacheCase::new();
    let expected = case.cold();
    let entry = case.entry();
    // Still the user's own regular file, with its header intact: only its size gives it away.
    let file = std::fs::OpenOptions::new()
        .write(true)
        .open(&entry)
        .unwrap();
    file.set_len(3 << 30).unwrap();
    drop(file);
    case.assert_answers_and_rebuilds(&expected, "a sparse 3 GB file");
}

/// Rewrites the corpus so that one organisation has a new name of the same length, keeping
/// the size and (set back afterwards) the modification time; returns the new name.
fn rename_an_organisation_keeping_size_and_mtime(corpus: &Path, in_place: bool) -> String {
    let old_text = std::fs::read_to_string(corpus).unwrap();
    let mut data: serde_json::Value = serde_json::from_str(&old_text).unwrap();
    let old_name = data["organisations"][0]["name"]
        .as_str()
        .unwrap()
        .to_string();
    let new_name: String = "Zyxwvutsrq"
        .chars()
        .cycle()
        .take(old_name.chars().count())
        .collect();
    assert_eq!(new_name.len(), old_name.len(), "ASCII names of one length");
    data["organisations"][0]["name"] = serde_json::Value::String(new_name.clone());
    let new_text = serde_json::to_string(&data).unwrap();
    assert_eq!(new_text.len(), old_text.len(), "the size is unchanged");
    let before = std::fs::metadata(corpus).unwrap();
    let mtime = before.modified().unwrap();
    let mut tries = 0;
    loop {
        if in_place {
            // As `cp -p` does: the same inode, rewritten.
            std::fs::write(corpus, &new_text).unwrap();
        } else {
            // As `rsync -t` does: a new file renamed over the old one.
            let fresh = corpus.with_extension("new");
            std::fs::write(&fresh, &new_text).unwrap();
            std::fs::rename(&fresh, corpus).unwrap();
        }
        // As `touch -r` does: the old modification time, set back.
        std::fs::File::options()
            .write(true)
            .open(corpus)
            .unwrap()
            .set_modified(mtime)
            .unwrap();
        let after = std::fs::metadata(corpus).unwrap();
        assert_eq!(after.len(), before.len());
        assert_eq!(after.modified().unwrap(), mtime, "the old mtime is back");
        // The change time must differ (it does unless the clock has not ticked since the
        // corpus was first written); for a rename, the inode differs anyway.
        let changed = (after.ctime(), after.ctime_nsec()) != (before.ctime(), before.ctime_nsec())
            || after.ino() != before.ino();
        if changed {
            break;
        }
        tries += 1;
        assert!(tries < 500, "the change time never moved");
        std::thread::sleep(Duration::from_millis(10));
    }
    new_name
}

#[test]
fn a_corpus_replaced_with_its_mtime_restored_is_not_answered_from_the_cache() {
    for in_place in [false, true] {
        let case = CacheCase::new();
        case.cold();
        let name = rename_an_organisation_keeping_size_and_mtime(&case.corpus, in_place);
        let o = case.find(&name);
        assert!(
            o.status.success() && o.stdout.contains(&name),
            "in place: {in_place}: the renamed organisation is found (not a stale cache): \
             exit {:?}, {}{}",
            o.status.code(),
            o.stdout,
            o.stderr
        );
    }
}

#[test]
fn a_killed_cache_write_leaves_no_temporary_file_after_the_next_run() {
    let case = CacheCase::new();
    // A 512-byte file size limit: SIGXFSZ kills entente while it writes the cache.
    let killed = case.find_limited("cyber", "ulimit -f 1;");
    assert!(!killed.status.success(), "the write was interrupted");
    let left = case.entries();
    assert!(
        left.iter().any(|n| n.starts_with('.')),
        "the killed write left its temporary file: {left:?}"
    );
    let expected = case.cold();
    let names = case.entries();
    assert_eq!(names.len(), 1, "only the entry remains: {names:?}");
    assert!(!names[0].starts_with('.'), "{names:?}");
    assert_eq!(case.find("cyber").stdout, expected);
}
