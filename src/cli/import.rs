//! `entente import FILE|-` and `entente confirm ID`: reading a press release into the user's
//! corpus directory, and removing the draft mark of what it detected.
//!
//! Files: one per source (`source-ID.json`) and one per meeting (`meeting-ID.json`, with the
//! people it introduces), in the canonical layout, written atomically; an existing file is
//! never overwritten, except the user's own meeting file that a new account is added to.

use std::io::{Read, Write};
use std::path::{Path, PathBuf};

use anyhow::{Context, Result, bail};

use super::args::{ImportArgs, ImportKind, ImportLanguage};
use super::{NotFound, Outcome};
use crate::corpus::format::to_canonical;
use crate::corpus::load::MAX_FILE_BYTES;
use crate::corpus::{Corpus, FORMAT, SourceKind, layers};
use crate::import::{Options, Plan, plan};
use crate::text::sanitize_block;

/// The directory `import` and `confirm` write to.
fn target_dir(into: Option<&Path>) -> Result<PathBuf> {
    match into {
        Some(dir) => Ok(dir.to_path_buf()),
        None => layers::user_dir().context(
            "no corpus directory: set ENTENTE_CORPUS_DIR (or XDG_DATA_HOME or HOME), or give --into DIR",
        ),
    }
}

pub fn run(args: &ImportArgs, out: &mut dyn Write) -> Result<Outcome> {
    let dir = target_dir(args.into.as_deref())?;
    if dir.exists() && !dir.is_dir() {
        bail!(
            "{} is not a directory; expected a corpus directory for --into",
            dir.display()
        );
    }
    if is_builtin_copy(&dir) {
        bail!(
            "{} holds the built-in corpus (its sources.json is the one built into entente); \
             import never writes there: give your own corpus directory with --into",
            dir.display()
        );
    }
    let bytes = read_input(&args.file)?;
    let user = layers::user_files(&dir).map_err(|p| {
        anyhow::anyhow!("{p}").context(format!(
            "your corpus at {} is invalid; fix it first (`entente check`)",
            dir.display()
        ))
    })?;
    let loaded = layers::validate_layered(user.clone()).map_err(|p| {
        anyhow::anyhow!("{p}").context(format!(
            "your corpus at {} does not load over the built-in one; fix it first (`entente check`)",
            dir.display()
        ))
    })?;
    let options = Options {
        id: args.id.clone(),
        title: args.title.clone(),
        publisher: args.publisher.clone(),
        url: args.url.clone(),
        published: args.published.clone(),
        kind: args.kind.map(source_kind),
        language: args.language.map(|l| match l {
            ImportLanguage::En => "en".to_string(),
            ImportLanguage::Ko => "ko".to_string(),
        }),
    };
    let plan = plan(&bytes, &options, &loaded.corpus).map_err(|e| anyhow::anyhow!("{e}"))?;
    let writes = files_to_write(&plan, &dir, &user, &loaded.origins)?;
    // Prove the result loads before anything is written.
    let mut after: Vec<(String, Corpus)> = user
        .into_iter()
        .filter(|(name, _)| !writes.iter().any(|w| w.path.display().to_string() == *name))
        .collect();
    after.extend(
        writes
            .iter()
            .map(|w| (w.path.display().to_string(), w.corpus.clone())),
    );
    if let Err(problems) = layers::validate_layered(after) {
        bail!(
            "internal: the records import would write do not validate, so nothing was written \
             (a bug: please report it):\n{problems}"
        );
    }
    let mut summary = summary(&plan, &writes, args.dry_run);
    if !args.dry_run {
        std::fs::create_dir_all(&dir)
            .with_context(|| format!("cannot create the corpus directory {}", dir.display()))?;
        for w in &writes {
            let text = to_canonical(&w.corpus).map_err(|p| anyhow::anyhow!("{p}"))?;
            if w.replaces {
                crate::atomic::replace(&w.path, text.as_bytes())?;
            } else {
                crate::atomic::write_atomic(&w.path, text.as_bytes())?;
            }
        }
        summary.push_str(&format!(
            "\nNext: check the draft (`entente show {id}`), then `entente confirm {id}`.\n",
            id = plan.meeting.id
        ));
    }
    write!(out, "{}", sanitize_block(&summary))?;
    Ok(Outcome::Found)
}

/// Whether `dir` is the source tree's copy of the built-in corpus (assets/corpus).
fn is_builtin_copy(dir: &Path) -> bool {
    let builtin = crate::corpus::builtin::FILES
        .iter()
        .find(|(name, _)| name.ends_with("/sources.json"));
    match (builtin, std::fs::read_to_string(dir.join("sources.json"))) {
        (Some((_, text)), Ok(on_disk)) => on_disk == *text,
        _ => false,
    }
}

fn source_kind(kind: ImportKind) -> SourceKind {
    match kind {
        ImportKind::PressRelease => SourceKind::PressRelease,
        ImportKind::JointStatement => SourceKind::JointStatement,
        ImportKind::NewsItem => SourceKind::NewsItem,
        ImportKind::AdvanceNotice => SourceKind::AdvanceNotice,
        ImportKind::WebPage => SourceKind::WebPage,
    }
}

/// The input's bytes, at most the corpus cap plus one (so an oversized input is refused
/// without reading it whole).
fn read_input(file: &Path) -> Result<Vec<u8>> {
    let mut bytes = Vec::new();
    if file == Path::new("-") {
        std::io::stdin()
            .lock()
            .take(MAX_FILE_BYTES + 1)
            .read_to_end(&mut bytes)
            .context("cannot read stdin")?;
    } else {
        let f =
            std::fs::File::open(file).with_context(|| format!("cannot open {}", file.display()))?;
        if let Ok(meta) = f.metadata() {
            if meta.is_dir() {
                bail!(
                    "{} is a directory; expected a text or HTML file",
                    file.display()
                );
            }
            if meta.len() > MAX_FILE_BYTES {
                bail!(
                    "{} is {} bytes, over the corpus limit of {} MiB; expected one press release",
                    file.display(),
                    meta.len(),
                    MAX_FILE_BYTES / (1024 * 1024)
                );
            }
        }
        f.take(MAX_FILE_BYTES + 1)
            .read_to_end(&mut bytes)
            .with_context(|| format!("cannot read {}", file.display()))?;
    }
    Ok(bytes)
}

/// One file import writes.
struct Write1 {
    path: PathBuf,
    corpus: Corpus,
    /// The user's own meeting file, rewritten with a new account.
    replaces: bool,
}

fn one_file() -> Corpus {
    Corpus {
        format: FORMAT.into(),
        ..Corpus::default()
    }
}

fn files_to_write(
    plan: &Plan,
    dir: &Path,
    user: &[(String, Corpus)],
    origins: &crate::corpus::load::Origins,
) -> Result<Vec<Write1>> {
    let mut writes = Vec::new();
    let source_path = dir.join(format!("source-{}.json", plan.source.id));
    refuse_existing(&source_path)?;
    let mut source_file = one_file();
    source_file.sources.push(plan.source.clone());
    writes.push(Write1 {
        path: source_path,
        corpus: source_file,
        replaces: false,
    });
    let meeting_origin = plan.attached_to.as_ref().and_then(|id| origins.get(id));
    let user_file = meeting_origin.and_then(|origin| user.iter().find(|(name, _)| name == origin));
    match user_file {
        Some((name, corpus)) => {
            // A meeting of the user's own corpus: its file gets the new account.
            let mut corpus = corpus.clone();
            for m in corpus
                .meetings
                .iter_mut()
                .filter(|m| m.id == plan.meeting.id)
            {
                *m = plan.meeting.clone();
            }
            writes.push(Write1 {
                path: PathBuf::from(name),
                corpus,
                replaces: true,
            });
        }
        None => {
            let path = dir.join(format!("meeting-{}.json", plan.meeting.id));
            refuse_existing(&path)?;
            let mut file = one_file();
            let mut meeting = plan.meeting.clone();
            // A built-in meeting is never written to: the user's copy amends it.
            meeting.amends = plan.attached_to.is_some();
            file.meetings.push(meeting);
            file.people.extend(plan.new_people.iter().cloned());
            writes.push(Write1 {
                path,
                corpus: file,
                replaces: false,
            });
        }
    }
    Ok(writes)
}

fn refuse_existing(path: &Path) -> Result<()> {
    if path.exists() {
        bail!(
            "{} already exists; import never overwrites a file (give another --id, or remove it)",
            path.display()
        );
    }
    Ok(())
}

fn summary(plan: &Plan, writes: &[Write1], dry_run: bool) -> String {
    let mut s = String::from("Detected (each with the paragraph it came from):\n");
    for d in &plan.detections {
        let at = if d.paragraph == 0 {
            "head".to_string()
        } else {
            format!("¶{}", d.paragraph)
        };
        s.push_str(&format!("  {:<16} {:<5} {}\n", d.what, at, d.value));
    }
    match &plan.attached_to {
        Some(id) => s.push_str(&format!(
            "Another account of the existing meeting {id}: no new meeting made.\n"
        )),
        None => s.push_str(&format!(
            "A new draft meeting: {} ({}).\n",
            plan.meeting.id, plan.meeting.title
        )),
    }
    s.push_str(if dry_run {
        "Would write (dry run, nothing written):\n"
    } else {
        "Wrote:\n"
    });
    for w in writes {
        let how = if w.replaces { " (account added)" } else { "" };
        s.push_str(&format!("  {}{how}\n", w.path.display()));
    }
    s
}

/// `entente confirm ID`: removes the draft mark from the meeting `id` in the user's corpus.
pub fn confirm(id: &str, into: Option<&Path>, out: &mut dyn Write) -> Result<Outcome> {
    let dir = target_dir(into)?;
    let user = layers::user_files(&dir).map_err(|p| {
        anyhow::anyhow!("{p}").context(format!("your corpus at {} is invalid", dir.display()))
    })?;
    for (name, corpus) in &user {
        if let Some(pos) = corpus.meetings.iter().position(|m| m.id == id) {
            if !corpus.meetings[pos].draft {
                writeln!(
                    out,
                    "{}",
                    sanitize_block(&format!("{id} is not a draft: nothing to confirm ({name})"))
                )?;
                return Ok(Outcome::Found);
            }
            let mut corpus = corpus.clone();
            corpus.meetings[pos].draft = false;
            let text = to_canonical(&corpus).map_err(|p| anyhow::anyhow!("{p}"))?;
            crate::atomic::replace(Path::new(name), text.as_bytes())?;
            writeln!(
                out,
                "{}",
                sanitize_block(&format!("confirmed {id} ({name})"))
            )?;
            return Ok(Outcome::Found);
        }
    }
    Err(NotFound(format!(
        "no meeting `{id}` in your corpus at {}; `entente check --strict` lists the drafts",
        dir.display()
    ))
    .into())
}
