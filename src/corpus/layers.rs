//! The corpus a start loads: the built-in one with the user's own corpus laid over it.
//!
//! The user's corpus is a directory of `*.json` files (`$ENTENTE_CORPUS_DIR`, else
//! `$XDG_DATA_HOME/entente/corpus`, else `~/.local/share/entente/corpus`); `entente import`
//! writes there. Both layers are validated together, so an id defined in both is the
//! validator's duplicate-id problem naming both files, unless the user's meeting says
//! `"amends": true`: then it replaces the built-in meeting of that id.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use super::builtin;
use super::load::{
    LoadProgress, LoadedCorpus, ReceivedText, corpus_files, merge_and_validate,
    parse_files_observed,
};
use super::model::{Amendment, Corpus};
use super::problem::{Problem, Problems};

/// Overrides where the user's corpus lives.
pub const DIR_VARIABLE: &str = "ENTENTE_CORPUS_DIR";

/// Where the user's corpus lives, from the environment; `None` when no variable says (no
/// `ENTENTE_CORPUS_DIR`, `XDG_DATA_HOME` or `HOME`).
pub fn user_dir() -> Option<PathBuf> {
    let var = |name: &str| std::env::var_os(name).filter(|v| !v.is_empty());
    if let Some(dir) = var(DIR_VARIABLE) {
        return Some(PathBuf::from(dir));
    }
    // The XDG base-directory rule: a relative XDG_DATA_HOME is ignored.
    if let Some(data) = var("XDG_DATA_HOME").map(PathBuf::from)
        && data.is_absolute()
    {
        return Some(data.join("entente").join("corpus"));
    }
    var("HOME").map(|home| PathBuf::from(home).join(".local/share/entente/corpus"))
}

/// [`user_dir`] when it exists: whether a start lays a user's corpus over the built-in one.
pub fn existing_user_dir() -> Option<PathBuf> {
    user_dir().filter(|dir| dir.exists())
}

/// The files of the user's corpus, parsed: none when the directory does not exist or holds no
/// `*.json` file (a new user has no corpus yet).
pub fn user_files(dir: &Path) -> Result<Vec<(String, Corpus)>, Problems> {
    user_files_observed(dir, Arc::new(LoadProgress::default()), ReceivedText::Keep)
}

/// [`user_files`], telling `progress` how far reading them has got (the browser's loading
/// screen), and keeping of each source's received text what `received` says.
pub fn user_files_observed(
    dir: &Path,
    progress: Arc<LoadProgress>,
    received: ReceivedText,
) -> Result<Vec<(String, Corpus)>, Problems> {
    if !dir.is_dir() {
        return Ok(Vec::new());
    }
    let (names, mut problems) = match corpus_files(dir) {
        Ok(found) => found,
        // The only error for an existing directory without *.json files: an empty corpus.
        Err(_) if is_without_json(dir) => return Ok(Vec::new()),
        Err(problem) => return Err(Problems(vec![problem])),
    };
    let (files, unparsed) = parse_files_observed(names, progress, received);
    problems.extend(unparsed);
    if problems.is_empty() {
        Ok(files)
    } else {
        Err(Problems(problems))
    }
}

fn is_without_json(dir: &Path) -> bool {
    std::fs::read_dir(dir).is_ok_and(|entries| {
        entries
            .flatten()
            .all(|e| e.path().extension().is_none_or(|x| x != "json"))
    })
}

/// The built-in corpus's files, parsed (at build time: see [`builtin`]).
pub fn builtin_files() -> Result<Vec<(String, Corpus)>, Problems> {
    builtin::files()
}

/// The built-in corpus with the user's corpus at `dir` (if any) laid over it, validated as one.
/// Each amended meeting is recorded in [`Corpus::amendments`], its file named relative to `dir`.
pub fn load_layered(dir: Option<&Path>) -> Result<LoadedCorpus, Problems> {
    load_layered_observed(dir, Arc::new(LoadProgress::default()), ReceivedText::Keep)
}

/// [`load_layered`], telling `progress` how far reading the user's files has got, and keeping
/// of the user's sources' received text what `received` says.
pub fn load_layered_observed(
    dir: Option<&Path>,
    progress: Arc<LoadProgress>,
    received: ReceivedText,
) -> Result<LoadedCorpus, Problems> {
    let user = match dir {
        Some(dir) => user_files_observed(dir, progress, received)?,
        None => Vec::new(),
    };
    let mut loaded = validate_layered(user)?;
    if let Some(dir) = dir {
        for a in &mut loaded.corpus.amendments {
            if let Ok(relative) = Path::new(&a.file).strip_prefix(dir) {
                a.file = relative.display().to_string();
            }
        }
    }
    Ok(loaded)
}

/// The built-in corpus with the given user files laid over it, validated as one.
pub fn validate_layered(user: Vec<(String, Corpus)>) -> Result<LoadedCorpus, Problems> {
    let mut files = builtin_files()?;
    let amendments = apply_amendments(&mut files, &user)?;
    files.extend(user);
    let mut loaded = merge_and_validate(files)?;
    loaded.corpus.amendments = amendments;
    Ok(loaded)
}

/// Removes from the built-in files each meeting a user's meeting amends, and says which file
/// amends it with which new accounts; an amendment with no built-in meeting of its id is a
/// problem (it would silently become a new meeting).
fn apply_amendments(
    builtin: &mut [(String, Corpus)],
    user: &[(String, Corpus)],
) -> Result<Vec<Amendment>, Problems> {
    let mut problems = Vec::new();
    let mut amendments = Vec::new();
    for (file, corpus) in user {
        for meeting in corpus.meetings.iter().filter(|m| m.amends) {
            let mut found = false;
            for (_, base) in builtin.iter_mut() {
                if let Some(at) = base.meetings.iter().position(|m| m.id == meeting.id) {
                    let replaced = base.meetings.remove(at);
                    let added_accounts = meeting
                        .accounts
                        .iter()
                        .filter(|a| !replaced.accounts.iter().any(|b| b.source == a.source))
                        .map(|a| a.source.to_string())
                        .collect();
                    amendments.push(Amendment {
                        meeting: meeting.id.to_string(),
                        file: file.clone(),
                        added_accounts,
                    });
                    found = true;
                }
            }
            if !found {
                problems.push(Problem::in_field(
                    Some(file),
                    &*meeting.id,
                    "amends",
                    format!(
                        "meeting `{}` says it amends a built-in meeting, but the built-in \
                         corpus has no meeting of that id; expected the id of a built-in meeting \
                         (`entente list`), or no \"amends\"",
                        meeting.id
                    ),
                ));
            }
        }
    }
    if problems.is_empty() {
        Ok(amendments)
    } else {
        Err(Problems(problems))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_missing_or_empty_user_dir_is_no_corpus() {
        let tmp = tempfile::tempdir().expect("tempdir");
        assert!(
            user_files(&tmp.path().join("absent"))
                .expect("ok")
                .is_empty()
        );
        assert!(user_files(tmp.path()).expect("ok").is_empty());
        let loaded = load_layered(Some(tmp.path())).expect("built-in loads");
        let builtin = builtin::load().expect("built-in loads");
        assert_eq!(loaded.corpus.meetings.len(), builtin.corpus.meetings.len());
    }
}
