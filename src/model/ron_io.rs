//! Reading and writing campaign files. Loading is strict (unknown fields, variants and vocabulary
//! names are errors with suggestions) and bounded (size and nesting), so no input can panic,
//! overflow the stack or hang. Saving is canonical, so an unchanged campaign re-saves byte for
//! byte and a one-field edit is a one-line diff.

use std::fmt;
use std::io::{Read, Write};
use std::path::{Path, PathBuf};

use ron::extensions::Extensions;
use ron::ser::PrettyConfig;

use super::campaign::{Campaign, FORMAT_VERSION};
use super::locate::{Pos, SpanIndex};
use super::validate;
use crate::text::clean;

/// Files larger than this are refused before they are read.
pub const MAX_FILE_BYTES: u64 = 8 * 1024 * 1024;
/// How deep values may nest. Real campaigns stay far below; the limit keeps the parser's stack
/// bounded on hostile input.
pub const MAX_NESTING: usize = 64;

/// A campaign file: the campaign plus what the file adds around it.
#[derive(Debug, Clone)]
pub struct Document {
    pub campaign: Campaign,
    /// The comment block at the top of the file (kept verbatim, re-written on save).
    pub leading_comment: String,
    /// Positions of every part of the campaign in the text it was read from.
    pub spans: SpanIndex,
}

/// Why a campaign could not be loaded, with where and what to do next. Every piece of file
/// content inside is already cleaned of control characters.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub struct LoadError {
    pub file: String,
    pub pos: Option<Pos>,
    pub message: String,
    pub hint: Option<String>,
}

impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.pos {
            Some(p) => write!(f, "{}:{}:{}: {}", self.file, p.line, p.column, self.message)?,
            None => write!(f, "{}: {}", self.file, self.message)?,
        }
        if let Some(hint) = &self.hint {
            write!(f, "\n  help: {hint}")?;
        }
        Ok(())
    }
}

impl LoadError {
    pub(crate) fn new(file: &str, pos: Option<Pos>, message: impl Into<String>) -> LoadError {
        LoadError {
            file: file.to_string(),
            pos,
            message: message.into(),
            hint: None,
        }
    }

    fn hint(mut self, hint: impl Into<String>) -> LoadError {
        self.hint = Some(hint.into());
        self
    }
}

/// Why a campaign could not be written.
#[derive(Debug, thiserror::Error)]
pub enum SaveError {
    #[error("{path}: could not write the file: {source}")]
    Io {
        path: String,
        source: std::io::Error,
    },
    #[error(
        "{path}: is a symbolic link; Candor does not write through links. Remove it or choose another folder."
    )]
    Symlink { path: String },
    #[error("could not format the campaign as RON: {0}")]
    Format(String),
}

fn display_path(path: &Path) -> String {
    clean(&path.display().to_string())
}

/// Reads and validates one campaign file.
pub fn load_file(path: &Path) -> Result<Document, LoadError> {
    let (name, text) = read_text(path)?;
    load_str(&name, &text)
}

/// Why a file could not be read by [`read_capped`].
#[derive(Debug)]
pub enum ReadError {
    Folder,
    /// A named pipe, a device, a socket: what it is, in words.
    NotAFile(&'static str),
    TooLarge {
        size: u64,
        max: u64,
    },
    NotUtf8,
    Io(std::io::Error),
}

impl std::fmt::Display for ReadError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ReadError::Folder => write!(f, "is a folder, not a file"),
            ReadError::NotAFile(what) => write!(f, "is {what}, not a regular file"),
            ReadError::TooLarge { size, max } => write!(f, "{}", size_words(*size, *max)),
            ReadError::NotUtf8 => write!(f, "is not UTF-8 text"),
            ReadError::Io(e) => write!(f, "cannot read: {}", io_reason(e)),
        }
    }
}

/// "is 8,388,609 bytes, over the limit of 8,388,608 (8 MiB)": exact where rounding would
/// make the size look like the limit.
fn size_words(size: u64, max: u64) -> String {
    format!(
        "is {} bytes, over the limit of {} ({} MiB)",
        crate::text::thousands(size),
        crate::text::thousands(max),
        max / 1024 / 1024
    )
}

/// Reads at most `max` bytes of a regular file. Anything else is refused before it is opened
/// (a named pipe would block the open until a writer came; `/dev/zero` would never end), and
/// a file that grows past `max` while being read is refused too.
pub fn read_capped(path: &Path, max: u64) -> Result<Vec<u8>, ReadError> {
    let meta = std::fs::metadata(path).map_err(ReadError::Io)?;
    not_a_file(&meta)?;
    if meta.len() > max {
        return Err(ReadError::TooLarge {
            size: meta.len(),
            max,
        });
    }
    let file = std::fs::File::open(path).map_err(ReadError::Io)?;
    // One fstat after the open: the file may have been swapped since the first look.
    let meta = file.metadata().map_err(ReadError::Io)?;
    not_a_file(&meta)?;
    let mut bytes = Vec::with_capacity(meta.len().min(max) as usize + 1);
    file.take(max + 1)
        .read_to_end(&mut bytes)
        .map_err(ReadError::Io)?;
    if bytes.len() as u64 > max {
        return Err(ReadError::TooLarge {
            size: bytes.len() as u64,
            max,
        });
    }
    Ok(bytes)
}

/// [`read_capped`], as UTF-8 text: for settings, key files, baselines and PO files.
pub fn read_string_capped(path: &Path, max: u64) -> Result<String, ReadError> {
    String::from_utf8(read_capped(path, max)?).map_err(|_| ReadError::NotUtf8)
}

/// Refuses what is not a regular file, saying what it is.
fn not_a_file(meta: &std::fs::Metadata) -> Result<(), ReadError> {
    if meta.is_file() {
        return Ok(());
    }
    if meta.is_dir() {
        return Err(ReadError::Folder);
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        let t = meta.file_type();
        if t.is_fifo() {
            return Err(ReadError::NotAFile("a named pipe (FIFO)"));
        }
        if t.is_char_device() || t.is_block_device() {
            return Err(ReadError::NotAFile("a device"));
        }
        if t.is_socket() {
            return Err(ReadError::NotAFile("a socket"));
        }
    }
    Err(ReadError::NotAFile("something other than a file"))
}

/// Reads a file as UTF-8 text, refusing folders, pipes, devices and oversized files before
/// reading them; returns the name to show for it and its text.
pub fn read_text(path: &Path) -> Result<(String, String), LoadError> {
    let name = display_path(path);
    let bytes = read_capped(path, MAX_FILE_BYTES).map_err(|e| match e {
        ReadError::Folder => LoadError::new(&name, None, "is a folder, not a campaign file")
            .hint("give a .ron file, or pass the folder to `candor check` or `candor import`, which read every .ron file in it"),
        ReadError::NotAFile(_) => LoadError::new(&name, None, e.to_string())
            .hint("campaign files are regular files; check the path"),
        ReadError::TooLarge { .. } => LoadError::new(&name, None, e.to_string())
            .hint("a campaign is a few kilobytes; check that this is the file you meant"),
        ReadError::Io(_) | ReadError::NotUtf8 => LoadError::new(&name, None, e.to_string())
            .hint("check the path and that you may read it"),
    })?;
    let text = utf8(&name, bytes)?;
    Ok((name, text))
}

fn utf8(name: &str, bytes: Vec<u8>) -> Result<String, LoadError> {
    String::from_utf8(bytes).map_err(|e| {
        let bytes = e.as_bytes();
        let good = &bytes[..e.utf8_error().valid_up_to()];
        // The valid prefix is UTF-8 by definition.
        let prefix = std::str::from_utf8(good).unwrap_or_default();
        LoadError::new(name, Some(end_pos(prefix)), "is not valid UTF-8 text")
            .hint("save the file as UTF-8; campaign files are plain text")
    })
}

fn io_reason(e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::NotFound => "no such file".to_string(),
        std::io::ErrorKind::PermissionDenied => "permission denied".to_string(),
        _ => clean(&e.to_string()),
    }
}

/// Parses a campaign from raw bytes; `name` is used in error messages.
pub fn load_bytes(name: &str, bytes: &[u8]) -> Result<Document, LoadError> {
    let text = utf8(name, bytes.to_vec())?;
    load_str(name, &text)
}

fn end_pos(text: &str) -> Pos {
    let line = text.matches('\n').count() + 1;
    let column = text.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    Pos { line, column }
}

fn ron_options() -> ron::Options {
    ron::Options::default()
        .with_default_extension(Extensions::IMPLICIT_SOME | Extensions::UNWRAP_VARIANT_NEWTYPES)
        .with_recursion_limit(MAX_NESTING)
}

/// Parses a campaign from text and records where each part sits (for located findings);
/// `name` is used in error messages.
pub fn load_str(name: &str, text: &str) -> Result<Document, LoadError> {
    let (campaign, comment_len) = parse_str(name, text)?;
    Ok(Document {
        campaign,
        leading_comment: text[..comment_len].to_string(),
        spans: SpanIndex::build(text),
    })
}

/// Parses and validates a campaign without recording positions (which costs more than the
/// parse itself); returns the campaign and the length of the file's leading comment.
pub fn parse_str(name: &str, text: &str) -> Result<(Campaign, usize), LoadError> {
    let (campaign, body_start) = parse_unfinished(name, text)?;
    if let Some(problem) = validate::validate(&campaign).into_iter().next() {
        let mut err = LoadError::new(
            name,
            SpanIndex::build(text).find(&problem.path),
            format!("{}: {}", problem.path, problem.message),
        );
        err.hint = problem.hint;
        return Err(err);
    }
    Ok((campaign, body_start))
}

/// Reads a campaign that may still be mid-edit, as an autosaved draft is: the text must be a
/// campaign of a format version this Candor reads, but the rules of a finished campaign
/// (a name, a valid address, …) are not applied, so edits in progress come back as they were.
pub fn parse_unfinished(name: &str, text: &str) -> Result<(Campaign, usize), LoadError> {
    let body_start = leading_comment_len(text);
    if text[body_start..].trim().is_empty() {
        return Err(LoadError::new(name, Some(Pos { line: 1, column: 1 }), "is empty: there is no campaign in it")
            .hint("a campaign file holds one campaign in parentheses: ( version: 1, id: \"...\", ... ); the samples in campaigns/ show the full form"));
    }
    let campaign: Campaign = ron_options()
        .from_str(text)
        .map_err(|e| parse_error(name, &e))?;
    // Positions are only needed to report a problem, so the index is built on that path only.
    if campaign.version != FORMAT_VERSION {
        return Err(LoadError::new(
            name,
            SpanIndex::build(text).find("version"),
            format!(
                "format version {} is not one this Candor reads (it reads version {FORMAT_VERSION})",
                campaign.version
            ),
        )
        .hint("a newer Candor wrote this file; upgrade Candor to read it"));
    }
    Ok((campaign, body_start))
}

/// Reads and validates a file without recording positions. See [`parse_str`].
pub fn parse_file(path: &Path) -> Result<(Campaign, String), LoadError> {
    let (name, text) = read_text(path)?;
    let (campaign, _) = parse_str(&name, &text)?;
    Ok((campaign, text))
}

/// Length of the comment block (`//` lines and blank lines) at the top of the file.
pub fn leading_comment_len(text: &str) -> usize {
    let mut len = 0;
    for line in text.split_inclusive('\n') {
        let t = line.trim();
        if t.is_empty() || t.starts_with("//") {
            len += line.len();
        } else {
            break;
        }
    }
    len
}

/// Where the first comment after the leading block is, if the file has one. The canonical form
/// keeps only the leading block, so a rewrite would drop it: callers refuse to rewrite instead.
pub fn inner_comment(text: &str) -> Option<Pos> {
    let start = leading_comment_len(text);
    let mut chars = text[start..].chars().peekable();
    let (mut line, mut column) = (text[..start].matches('\n').count() + 1, 1);
    let mut in_string = false;
    let mut raw_hashes: Option<usize> = None;
    while let Some(c) = chars.next() {
        let here = Pos { line, column };
        if c == '\n' {
            line += 1;
            column = 1;
        } else {
            column += 1;
        }
        if let Some(hashes) = raw_hashes {
            if c == '"' {
                let mut n = 0;
                while n < hashes && chars.peek() == Some(&'#') {
                    chars.next();
                    column += 1;
                    n += 1;
                }
                if n == hashes {
                    raw_hashes = None;
                }
            }
            continue;
        }
        if in_string {
            match c {
                '\\' if chars.next().is_some() => column += 1,
                '"' => in_string = false,
                _ => {}
            }
            continue;
        }
        match c {
            '"' => in_string = true,
            'r' if matches!(chars.peek(), Some('#') | Some('"')) => {
                let mut hashes = 0;
                while chars.peek() == Some(&'#') {
                    chars.next();
                    column += 1;
                    hashes += 1;
                }
                if chars.peek() == Some(&'"') {
                    chars.next();
                    column += 1;
                    raw_hashes = Some(hashes);
                }
            }
            '/' if matches!(chars.peek(), Some('/') | Some('*')) => return Some(here),
            _ => {}
        }
    }
    None
}

fn parse_error(name: &str, e: &ron::error::SpannedError) -> LoadError {
    use ron::Error as E;
    let pos = Some(Pos {
        line: e.span.start.line,
        column: e.span.start.col,
    });
    let err = |msg: String| LoadError::new(name, pos, msg);
    let names = |xs: &[&str]| {
        xs.iter()
            .map(|x| format!("`{x}`"))
            .collect::<Vec<_>>()
            .join(", ")
    };
    let inside = |outer: &Option<String>| {
        outer
            .as_deref()
            .map(|o| format!(" in `{}`", clean(o)))
            .unwrap_or_default()
    };
    // A name the file used that is not allowed here, with the closest allowed names first.
    let unknown =
        |what: &str, found: &str, expected: &[&str], outer: &Option<String>, list: &str| {
            let found = clean(found);
            let near = super::vocab::closest(&found, expected.iter().copied());
            let e = err(format!("unknown {what} `{found}`{}", inside(outer)));
            if near.is_empty() {
                e.hint(format!("{list} {}", names(expected)))
            } else {
                let (first, rest) = list.split_at(1);
                e.hint(format!(
                    "did you mean {}? {}{rest} {}",
                    names(&near),
                    first.to_uppercase(),
                    names(expected)
                ))
            }
        };
    match &e.code {
        E::NoSuchStructField {
            expected,
            found,
            outer,
        } => unknown("field", found, expected, outer, "the fields here are"),
        E::NoSuchEnumVariant {
            expected,
            found,
            outer,
        } => unknown("choice", found, expected, outer, "expected one of"),
        E::MissingStructField { field, outer } => {
            err(format!("missing field `{field}`{}", inside(outer))).hint(format!(
                "add `{field}: ...`; see the samples in campaigns/ for its form"
            ))
        }
        E::DuplicateStructField { field, outer } => {
            err(format!("field `{field}` is given twice{}", inside(outer))).hint("keep one of them")
        }
        E::InvalidValueForType { expected, found } => err(format!(
            "expected {}, found {}",
            clean(expected),
            clean(found)
        )),
        E::ExceededRecursionLimit => err(format!(
            "values are nested more than {MAX_NESTING} levels deep"
        ))
        .hint("flatten the audience: put conditions side by side in one All or Any group"),
        E::Eof => err("the file ends in the middle of a value".to_string())
            .hint("a bracket or parenthesis is probably not closed"),
        E::TrailingCharacters => err("there is more text after the campaign".to_string())
            .hint("a file holds exactly one campaign; remove what follows its closing parenthesis"),
        E::ExpectedMapColon => err("expected `:` after the field name".to_string())
            .hint("write each field as `name: value`"),
        E::ExpectedComma => err("expected a comma or a closing bracket".to_string())
            .hint("separate fields and items with commas"),
        E::InvalidEscape(what) => err(format!("invalid escape in a string: {what}"))
            .hint("inside strings, write \\\\ for a backslash and \\\" for a quote"),
        other => err(clean(&other.to_string())),
    }
}

fn pretty() -> PrettyConfig {
    PrettyConfig::new()
        .indentor("    ")
        .new_line("\n")
        .struct_names(false)
        .separate_tuple_members(false)
        .enumerate_arrays(false)
        .extensions(Extensions::IMPLICIT_SOME | Extensions::UNWRAP_VARIANT_NEWTYPES)
}

/// The canonical RON text of a campaign, without any leading comment.
pub fn to_ron(campaign: &Campaign) -> Result<String, SaveError> {
    let text = ron::ser::to_string_pretty(campaign, pretty())
        .map_err(|e| SaveError::Format(e.to_string()))?;
    let mut text = plain_apostrophes(&text);
    text.push('\n');
    Ok(text)
}

/// The serializer writes an apostrophe in a string as `\'`; RON reads a plain `'` the same, and
/// "l'offre" reads better than "l\'offre" in a file and a diff. Other escapes are kept.
fn plain_apostrophes(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('\'') => out.push('\''),
            Some(next) => {
                out.push('\\');
                out.push(next);
            }
            None => out.push('\\'),
        }
    }
    out
}

/// The full file text of a document: its leading comment, then the campaign.
pub fn document_text(campaign: &Campaign, leading_comment: &str) -> Result<String, SaveError> {
    Ok(format!("{leading_comment}{}", to_ron(campaign)?))
}

/// Writes `text` to `path` atomically: a temporary file in the same folder, flushed to disk, then
/// renamed over the destination. A crash leaves either the old file or the new one, never half.
/// A symbolic link at the destination is refused rather than followed or replaced.
pub fn write_atomic(path: &Path, text: &str) -> Result<(), SaveError> {
    let shown = display_path(path);
    if let Ok(meta) = std::fs::symlink_metadata(path)
        && meta.file_type().is_symlink()
    {
        return Err(SaveError::Symlink { path: shown });
    }
    let io = |source| SaveError::Io {
        path: shown.clone(),
        source,
    };
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let mut builder = tempfile::Builder::new();
    builder.prefix(".candor-").suffix(".tmp");
    // tempfile makes its files private (0600), and the rename would pass that on: a campaign
    // file is written for reviewers to read. A new file gets what the umask gives any new
    // file; one written over keeps its own mode (set below).
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        builder.permissions(std::fs::Permissions::from_mode(0o666));
    }
    let mut tmp = builder.tempfile_in(&dir).map_err(io)?;
    if let Ok(meta) = std::fs::metadata(path) {
        tmp.as_file()
            .set_permissions(meta.permissions())
            .map_err(io)?;
    }
    tmp.write_all(text.as_bytes()).map_err(io)?;
    tmp.as_file().sync_all().map_err(io)?;
    tmp.persist(path).map_err(|e| io(e.error))?;
    // Make the rename itself durable.
    if let Ok(d) = std::fs::File::open(&dir) {
        let _ = d.sync_all();
    }
    Ok(())
}

/// Saves a document to `path` atomically.
pub fn save_file(path: &Path, doc: &Document) -> Result<(), SaveError> {
    write_atomic(path, &document_text(&doc.campaign, &doc.leading_comment)?)
}

/// The `.ron` files named by `paths`: files as given, folders searched recursively, sorted so
/// output is stable. Unreadable folders become load errors.
pub fn collect_files(paths: &[PathBuf]) -> (Vec<PathBuf>, Vec<LoadError>) {
    use std::sync::atomic::{AtomicBool, AtomicUsize};
    collect_files_until(paths, &AtomicUsize::new(0), &AtomicBool::new(false))
}

/// [`collect_files`] that counts the folders it has searched in `searched`, for progress, and
/// stops when `stop` is set (what it found so far is returned): a search that started at the
/// top of a large disk must not hold up the one who asked for it.
pub fn collect_files_until(
    paths: &[PathBuf],
    searched: &std::sync::atomic::AtomicUsize,
    stop: &std::sync::atomic::AtomicBool,
) -> (Vec<PathBuf>, Vec<LoadError>) {
    let mut walk = Walk {
        files: Vec::new(),
        errors: Vec::new(),
        searched,
        stop,
    };
    for p in paths {
        if p.is_dir() {
            walk.dir(p);
        } else {
            walk.files.push(p.clone());
        }
    }
    (walk.files, walk.errors)
}

struct Walk<'a> {
    files: Vec<PathBuf>,
    errors: Vec<LoadError>,
    searched: &'a std::sync::atomic::AtomicUsize,
    stop: &'a std::sync::atomic::AtomicBool,
}

impl Walk<'_> {
    fn dir(&mut self, dir: &Path) {
        use std::sync::atomic::Ordering;
        if self.stop.load(Ordering::Relaxed) {
            return;
        }
        self.searched.fetch_add(1, Ordering::Relaxed);
        walk_dir(dir, self);
    }
}

fn walk_dir(dir: &Path, walk: &mut Walk) {
    let entries = match std::fs::read_dir(dir) {
        Ok(e) => e,
        Err(e) => {
            walk.errors.push(LoadError {
                file: clean(&dir.display().to_string()),
                pos: None,
                message: format!("cannot read the folder: {}", clean(&e.to_string())),
                hint: None,
            });
            return;
        }
    };
    let mut paths: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
    paths.sort();
    for p in paths {
        let is_link = std::fs::symlink_metadata(&p).is_ok_and(|m| m.file_type().is_symlink());
        if p.is_dir() && !is_link {
            walk.dir(&p);
        } else if p.extension().is_some_and(|e| e == "ron") {
            walk.files.push(p);
        }
    }
}

#[cfg(test)]
mod tests {
    /// A file written for reviewers is as readable as any file made here, not private to its
    /// writer; one written over keeps the mode it had.
    #[cfg(unix)]
    #[test]
    fn a_written_file_has_the_mode_of_any_new_file_or_keeps_its_own() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let mode = |p: &std::path::Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
        let plain = dir.path().join("plain.ron");
        std::fs::write(&plain, "x").unwrap();
        let written = dir.path().join("written.ron");
        super::write_atomic(&written, "x").unwrap();
        assert_eq!(mode(&written), mode(&plain));
        assert_ne!(mode(&written), 0o600);
        std::fs::set_permissions(&written, std::fs::Permissions::from_mode(0o640)).unwrap();
        super::write_atomic(&written, "y").unwrap();
        assert_eq!(mode(&written), 0o640);
        assert_eq!(std::fs::read_to_string(&written).unwrap(), "y");
    }

    #[test]
    fn comments_inside_the_campaign_are_found_outside_strings() {
        use super::inner_comment;
        let top = "// top\n(\n  name: \"a // b\",\n  x: r#\"/* no \"# ,\n)\n";
        assert_eq!(inner_comment(top), None);
        let inside = "// top\n(\n  name: \"a\\\"\", // why\n)\n";
        assert_eq!(
            inner_comment(inside),
            Some(crate::model::Pos {
                line: 3,
                column: 16
            })
        );
        assert!(inner_comment("(\n /* x */ a: 1)").is_some());
    }

    use super::*;

    #[test]
    fn apostrophes_stay_plain_and_other_escapes_round_trip() {
        let mut c = Campaign::blank("a", "L'offre d'été");
        c.objective = "a \\' backslash then apostrophe, a \" quote, \u{1b} an escape".into();
        let text = to_ron(&c).unwrap();
        assert!(text.contains("\"L'offre d'été\""), "{text}");
        assert!(!text.contains("\\'offre"), "{text}");
        let back = load_str("a", &text).unwrap().campaign;
        assert_eq!(back, c);
    }
}
