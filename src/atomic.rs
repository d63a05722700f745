//! Writing files so that a reader never sees half of one, and so that a write lands only
//! where it was asked to. entente never writes to a corpus file; everything it writes goes
//! through here: `export -o`, the browser's `e`, and the find cache.
//!
//! A regular file is written to a temporary file in the same directory, created with
//! `O_EXCL` under an unpredictable name (`tempfile`), synced, then renamed over the target
//! (rename is atomic on POSIX). A temporary file is removed on every error path.
//!
//! A name the user gave ([`write_atomic`]) is checked first, and never replaced by a rename
//! unless it is a regular file with one link:
//! - a FIFO or a character device (`/dev/stdout`, `/dev/null`, a terminal) is written
//!   through, as the shell's `>` does; a FIFO nobody reads is an error, not a hang;
//! - a symbolic link is followed only to a FIFO or a character device (so `-o /dev/stdout`
//!   works); a link to a file, to a directory or to nothing is refused, so a link planted at
//!   the target's name never sends the note elsewhere;
//! - a regular file with more than one hard link is refused: replacing it would silently
//!   break the link;
//! - an existing regular file keeps its permission bits (and its owner, when allowed);
//! - a directory, block device or socket is refused.
//!
//! A new file that must not replace anything ([`write_new`], [`write_numbered`] for the
//! browser's `e` and `export -o` without `--force`) is linked into place from its temporary
//! file, which fails if the name is taken: no check-then-write race.
//!
//! A path entente owns (the cache, [`replace`]) is always replaced by a rename, whatever is
//! there, and nothing at that path is ever opened for writing.

use std::fs::{File, Metadata, OpenOptions, Permissions};
use std::io::Write;
use std::os::unix::fs::{FileTypeExt, MetadataExt, OpenOptionsExt, PermissionsExt};
use std::path::{Path, PathBuf};

use anyhow::{Context, Result, bail};

/// The suffix of every temporary file written here (`.NAME.RANDOM.tmp`), so that leftovers
/// of a killed process can be recognised by the owner of the directory.
pub const TEMPORARY_SUFFIX: &str = ".tmp";

/// Writes `bytes` to a file the user named, by the rules in the module documentation:
/// atomically for a regular file, through for a FIFO or a character device, refused for
/// anything else.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<()> {
    let shown = path.display();
    let meta = match std::fs::symlink_metadata(path) {
        Ok(meta) => meta,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            return write_new_file(path, bytes, None);
        }
        Err(e) => return Err(e).with_context(|| format!("cannot inspect {shown}")),
    };
    let kind = meta.file_type();
    if kind.is_file() {
        if meta.nlink() > 1 {
            bail!(
                "{shown} has {} hard links; replacing it would break them, so it is left as \
                 it is — remove it first, or write to another name",
                meta.nlink()
            );
        }
        return write_new_file(path, bytes, Some(&meta));
    }
    if kind.is_symlink() {
        return match std::fs::metadata(path) {
            Ok(target) if is_stream(&target) => write_through(path, bytes),
            Ok(target) => bail!(
                "{shown} is a symbolic link to {}; entente does not write through a link to \
                 a file — name the file itself, or leave out the output path to write to \
                 standard output",
                describe(&target)
            ),
            Err(_) => bail!(
                "{shown} is a symbolic link to nothing that exists; remove the link or write \
                 to another name"
            ),
        };
    }
    if is_stream(&meta) {
        return write_through(path, bytes);
    }
    bail!(
        "{shown} is {}, not a file; write to a file name instead",
        describe(&meta)
    )
}

/// Replaces whatever is at `path` (a path entente owns, such as a cache entry) with a new
/// regular file holding `bytes`, by a rename: nothing at `path` is opened or followed.
pub fn replace(path: &Path, bytes: &[u8]) -> Result<()> {
    write_new_file(path, bytes, None)
}

/// [`replace`], with the new file's content streamed by `write` (buffered), so it is never
/// held whole: the file is put in place only if `write` succeeds, and the temporary file is
/// removed if it fails.
pub fn replace_with(path: &Path, write: impl FnOnce(&mut dyn Write) -> Result<()>) -> Result<()> {
    temporary_streamed(path, None, |file| {
        let mut buffered = std::io::BufWriter::new(file);
        write(&mut buffered)?;
        buffered.flush()?;
        Ok(())
    })?
    .persist(path)
    .map_err(|e| e.error)
    .with_context(|| format!("cannot move the new {} into place", path.display()))?;
    Ok(())
}

/// A FIFO or a character device: a stream to write into, never a file to replace.
fn is_stream(meta: &Metadata) -> bool {
    let kind = meta.file_type();
    kind.is_fifo() || kind.is_char_device()
}

fn describe(meta: &Metadata) -> &'static str {
    let kind = meta.file_type();
    if kind.is_dir() {
        "a directory"
    } else if kind.is_block_device() {
        "a block device"
    } else if kind.is_socket() {
        "a socket"
    } else if kind.is_fifo() {
        "a FIFO"
    } else if kind.is_char_device() {
        "a character device"
    } else if kind.is_symlink() {
        "a symbolic link"
    } else {
        "a regular file"
    }
}

/// Writes into a FIFO or a character device. The open does not block (a FIFO with no reader
/// is an error at once), and what was opened is checked again, in case the name was swapped
/// for a file meanwhile.
fn write_through(path: &Path, bytes: &[u8]) -> Result<()> {
    let shown = path.display();
    let mut file = OpenOptions::new()
        .write(true)
        .custom_flags(libc::O_NONBLOCK | libc::O_NOCTTY)
        .open(path)
        .map_err(|e| {
            if e.raw_os_error() == Some(libc::ENXIO) {
                anyhow::anyhow!("{shown} is a FIFO that nobody is reading; start its reader first")
            } else {
                anyhow::Error::new(e).context(format!("cannot open {shown}"))
            }
        })?;
    let meta = file
        .metadata()
        .with_context(|| format!("cannot inspect {shown}"))?;
    if !is_stream(&meta) {
        bail!("{shown} changed while it was being opened; nothing was written");
    }
    // Writes block like any other program's once the reader is there.
    let flags = rustix::fs::fcntl_getfl(&file).with_context(|| format!("cannot use {shown}"))?;
    rustix::fs::fcntl_setfl(&file, flags - rustix::fs::OFlags::NONBLOCK)
        .with_context(|| format!("cannot use {shown}"))?;
    file.write_all(bytes)
        .with_context(|| format!("cannot write to {shown}"))?;
    file.flush()
        .with_context(|| format!("cannot write to {shown}"))
}

/// Why [`write_new`] or [`write_numbered`] wrote nothing: the name (every name tried) was
/// taken. A caller can find it with `downcast_ref` and say what to do instead.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Taken(pub PathBuf);

impl std::fmt::Display for Taken {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{} already exists; it was left as it is",
            self.0.display()
        )
    }
}

impl std::error::Error for Taken {}

/// Writes `bytes` to a new file at `path`, never over anything: the file appears whole, under
/// its name, only if nothing had that name (a hard link from the temporary file, which fails
/// if the name is taken, even by a file created a moment before). Fails with [`Taken`] then.
pub fn write_new(path: &Path, bytes: &[u8]) -> Result<()> {
    let temporary = temporary_with(path, bytes, None)?;
    match temporary.persist_noclobber(path) {
        Ok(_) => Ok(()),
        Err(e) if e.error.kind() == std::io::ErrorKind::AlreadyExists => {
            Err(Taken(path.to_path_buf()).into())
        }
        Err(e) => Err(e.error).with_context(|| format!("cannot create {}", path.display())),
    }
}

/// The most names [`write_numbered`] tries before giving up.
pub const MAX_NUMBERED: u32 = 999;

/// Writes `bytes` to a new file at `path`, or if that is taken at `NAME-2.EXT`, `NAME-3.EXT`,
/// … (as [`write_new`]: nothing is ever replaced, and two writers racing get two names).
/// Returns the name written.
pub fn write_numbered(path: &Path, bytes: &[u8]) -> Result<PathBuf> {
    let mut temporary = temporary_with(path, bytes, None)?;
    for n in 1..=MAX_NUMBERED {
        let candidate = numbered(path, n);
        match temporary.persist_noclobber(&candidate) {
            Ok(_) => return Ok(candidate),
            Err(e) if e.error.kind() == std::io::ErrorKind::AlreadyExists => temporary = e.file,
            Err(e) => {
                return Err(e.error)
                    .with_context(|| format!("cannot create {}", candidate.display()));
            }
        }
    }
    Err(Taken(numbered(path, MAX_NUMBERED)).into())
}

/// `path` itself for 1, else `stem-N.ext` beside it ("note.md", "note-2.md").
pub fn numbered(path: &Path, n: u32) -> PathBuf {
    if n <= 1 {
        return path.to_path_buf();
    }
    let stem = path
        .file_stem()
        .map_or_else(String::new, |s| s.to_string_lossy().into_owned());
    let name = match path.extension() {
        Some(ext) => format!("{stem}-{n}.{}", ext.to_string_lossy()),
        None => format!("{stem}-{n}"),
    };
    path.with_file_name(name)
}

/// Writes a temporary file beside `path` and renames it over `path`. When `existing` is the
/// regular file being replaced, the new one gets its permission bits and (when the system
/// allows) its owner; otherwise it is created as `0666` less the umask, like any new file.
fn write_new_file(path: &Path, bytes: &[u8], existing: Option<&Metadata>) -> Result<()> {
    let temporary = temporary_with(path, bytes, existing)?;
    temporary
        .persist(path)
        .map_err(|e| e.error)
        .with_context(|| format!("cannot move the new {} into place", path.display()))?;
    Ok(())
}

/// A synced temporary file beside `path` holding `bytes`, with `existing`'s owner and mode
/// when given (else `0666` less the umask). Deleted when dropped unless persisted.
fn temporary_with(
    path: &Path,
    bytes: &[u8],
    existing: Option<&Metadata>,
) -> Result<tempfile::NamedTempFile> {
    temporary_streamed(path, existing, |file| Ok(file.write_all(bytes)?))
}

/// [`temporary_with`], its content written by `write`.
fn temporary_streamed(
    path: &Path,
    existing: Option<&Metadata>,
    write: impl FnOnce(&mut File) -> Result<()>,
) -> Result<tempfile::NamedTempFile> {
    let shown = path.display();
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    let name = path
        .file_name()
        .with_context(|| format!("{shown} names no file"))?;
    let prefix = format!(".{}.", name.to_string_lossy());
    let mut builder = tempfile::Builder::new();
    builder.prefix(&prefix).suffix(TEMPORARY_SUFFIX);
    if existing.is_none() {
        builder.permissions(Permissions::from_mode(0o666));
    }
    // Created with O_EXCL under a random name: nothing planted in the directory is followed.
    // Dropped on any error below, which deletes it.
    let mut temporary = builder
        .tempfile_in(dir)
        .with_context(|| format!("cannot create a temporary file in {}", dir.display()))?;
    if let Some(old) = existing {
        keep_owner_and_mode(temporary.as_file(), old)
            .with_context(|| format!("cannot give the new {shown} the old one's permissions"))?;
    }
    let written =
        write(temporary.as_file_mut()).and_then(|()| Ok(temporary.as_file().sync_all()?));
    written.with_context(|| format!("cannot write {}", temporary.path().display()))?;
    Ok(temporary)
}

/// Owner first (a change of owner may clear mode bits), then the permission bits; setuid,
/// setgid and sticky bits are not carried over to new content.
fn keep_owner_and_mode(file: &File, old: &Metadata) -> std::io::Result<()> {
    // Only root may give a file away, and only a member may set its group: otherwise the
    // file is the writer's, as with any editor.
    let _ = std::os::unix::fs::fchown(file, Some(old.uid()), Some(old.gid()));
    file.set_permissions(Permissions::from_mode(old.mode() & 0o777))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entries(dir: &Path) -> Vec<String> {
        let mut names: Vec<String> = std::fs::read_dir(dir)
            .unwrap()
            .flatten()
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        names
    }

    #[test]
    fn replaces_the_whole_file_and_leaves_no_temporary() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("note.md");
        std::fs::write(&path, "old").unwrap();
        write_atomic(&path, b"new text").unwrap();
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "new text");
        assert_eq!(entries(dir.path()), ["note.md"], "only the target remains");
    }

    #[test]
    fn write_new_never_replaces_and_says_the_name_is_taken() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("note.md");
        write_new(&path, b"first").unwrap();
        let err = write_new(&path, b"second").unwrap_err();
        assert_eq!(err.downcast_ref::<Taken>(), Some(&Taken(path.clone())));
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "first");
        assert_eq!(entries(dir.path()), ["note.md"], "no temporary is left");
    }

    #[test]
    fn write_numbered_takes_the_next_free_name() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("entente-m.md");
        std::fs::write(dir.path().join("entente-m-2.md"), "someone's").unwrap();
        let names: Vec<PathBuf> = (0..3)
            .map(|k| write_numbered(&path, format!("note {k}").as_bytes()).unwrap())
            .collect();
        assert_eq!(
            names,
            [
                path.clone(),
                dir.path().join("entente-m-3.md"),
                dir.path().join("entente-m-4.md")
            ]
        );
        assert_eq!(
            std::fs::read_to_string(dir.path().join("entente-m-2.md")).unwrap(),
            "someone's"
        );
        assert_eq!(std::fs::read_to_string(&names[2]).unwrap(), "note 2");
        assert_eq!(numbered(Path::new("README"), 2), Path::new("README-2"));
        assert_eq!(
            entries(dir.path()),
            [
                "entente-m-2.md",
                "entente-m-3.md",
                "entente-m-4.md",
                "entente-m.md"
            ]
        );
    }

    #[test]
    fn a_failed_write_keeps_the_original() {
        let dir = tempfile::tempdir().unwrap();
        let missing = dir.path().join("no-such-dir").join("x.md");
        assert!(write_atomic(&missing, b"x").is_err());
    }

    #[test]
    fn an_existing_file_keeps_its_mode() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("note.md");
        std::fs::write(&path, "old").unwrap();
        std::fs::set_permissions(&path, Permissions::from_mode(0o600)).unwrap();
        write_atomic(&path, b"new").unwrap();
        let meta = std::fs::metadata(&path).unwrap();
        assert_eq!(meta.mode() & 0o7777, 0o600);
        std::fs::set_permissions(&path, Permissions::from_mode(0o640)).unwrap();
        write_atomic(&path, b"newer").unwrap();
        assert_eq!(std::fs::metadata(&path).unwrap().mode() & 0o7777, 0o640);
    }

    #[test]
    fn a_hard_linked_file_is_refused_and_both_names_keep_their_content() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("note.md");
        let other = dir.path().join("other.md");
        std::fs::write(&path, "shared").unwrap();
        std::fs::hard_link(&path, &other).unwrap();
        let err = write_atomic(&path, b"new").unwrap_err();
        assert!(format!("{err:#}").contains("hard links"), "{err:#}");
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "shared");
        assert_eq!(
            std::fs::metadata(&path).unwrap().nlink(),
            2,
            "the link holds"
        );
        assert_eq!(entries(dir.path()), ["note.md", "other.md"]);
    }

    #[test]
    fn a_symbolic_link_to_a_file_is_refused_and_neither_is_touched() {
        let dir = tempfile::tempdir().unwrap();
        let victim = dir.path().join("victim.md");
        let link = dir.path().join("note.md");
        std::fs::write(&victim, "victim").unwrap();
        std::os::unix::fs::symlink(&victim, &link).unwrap();
        let err = write_atomic(&link, b"new").unwrap_err();
        assert!(format!("{err:#}").contains("symbolic link"), "{err:#}");
        assert_eq!(std::fs::read_to_string(&victim).unwrap(), "victim");
        assert!(
            std::fs::symlink_metadata(&link)
                .unwrap()
                .file_type()
                .is_symlink()
        );
    }

    #[test]
    fn a_directory_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        let err = write_atomic(dir.path(), b"x").unwrap_err();
        assert!(format!("{err:#}").contains("a directory"), "{err:#}");
    }

    #[test]
    fn dev_null_is_written_through_and_stays_a_device() {
        write_atomic(Path::new("/dev/null"), b"note").unwrap();
        let meta = std::fs::symlink_metadata("/dev/null").unwrap();
        assert!(meta.file_type().is_char_device());
    }

    #[test]
    fn replace_renames_over_a_symbolic_link_without_following_it() {
        let dir = tempfile::tempdir().unwrap();
        let victim = dir.path().join("victim");
        let entry = dir.path().join("entry.bin");
        std::fs::write(&victim, "victim").unwrap();
        std::os::unix::fs::symlink(&victim, &entry).unwrap();
        replace(&entry, b"cache").unwrap();
        assert_eq!(std::fs::read_to_string(&victim).unwrap(), "victim");
        assert!(std::fs::symlink_metadata(&entry).unwrap().is_file());
        assert_eq!(std::fs::read(&entry).unwrap(), b"cache");
    }
}
