//! `candor import`, `export`, `list`, `history`, `show`, `restore`.

use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{Context, Result, bail};
use indicatif::{ProgressBar, ProgressStyle};

use candor::model::{Channel, Status};
use candor::store::import_export::{self, Outcome};
use candor::store::{Decision, LibraryQuery, Store, StoreError};
use candor::text::{clean, truncate};

use super::files::{collect_files, plural};

/// The database named by --db / CANDOR_DB, or the default one.
fn db_path(db: Option<&Path>) -> Result<PathBuf> {
    match db {
        Some(p) => Ok(p.to_path_buf()),
        None => candor::store::default_db_path()
            .context("could not find a home folder for the default database; pass --db PATH"),
    }
}

/// Says once, on standard error, that a library was created, so a mistyped --db path does
/// not pass unnoticed.
fn note_created(store: &Store) {
    if store.created() {
        eprintln!("{}", created_note(store));
    }
}

/// "No library was at PATH, so Candor created one with the 19 sample campaigns. ..."
pub fn created_note(store: &Store) -> String {
    format!(
        "No library was at {}, so Candor created one with {}. If you meant an existing library, check the path (--db or CANDOR_DB); this new file can be deleted.",
        clean(&store.path().display().to_string()),
        plural(
            store.count().unwrap_or(0) as usize,
            "sample campaign",
            "sample campaigns"
        )
    )
}

/// Opens the library to change it (creating and seeding it if it does not exist).
pub fn open_store(db: Option<&Path>) -> Result<Store> {
    let store = Store::open(&db_path(db)?)?;
    note_created(&store);
    Ok(store)
}

/// Fails, saying where, when there is no library at the path `db` resolves to: with
/// --read-only, a command that reads must not create one.
pub fn must_exist(db: Option<&Path>) -> Result<()> {
    let path = db_path(db)?;
    if path.exists() {
        return Ok(());
    }
    bail!(
        "there is no library at {}, and --read-only never creates one. Check the path (--db or CANDOR_DB)",
        clean(&path.display().to_string())
    )
}

/// Opens the library for a command that only reads: nothing is written to an existing
/// library, so a read-only one works. A missing one is created and seeded, as on first use.
pub fn open_store_reading(db: Option<&Path>) -> Result<Store> {
    let path = db_path(db)?;
    if !path.exists() {
        return open_store(db);
    }
    Ok(Store::open_read_only(&path, "opened only to read")?)
}

/// Opens the library for the terminal UI: read-only when asked (--read-only) or when the file
/// or its folder cannot be written, with the reason on a banner; else for writing.
pub fn open_store_for_ui(db: Option<&Path>, read_only: bool) -> Result<Store> {
    let path = db_path(db)?;
    if read_only {
        must_exist(db)?;
        return Ok(Store::open_read_only(&path, "opened with --read-only")?);
    }
    Ok(Store::open_best(&path)?)
}

fn progress(len: usize, what: &str) -> ProgressBar {
    // Only worth drawing for imports that take a noticeable moment, and only on a terminal.
    if len < 200 || !std::io::stderr().is_terminal() {
        return ProgressBar::hidden();
    }
    let bar = ProgressBar::new(len as u64);
    bar.set_style(
        ProgressStyle::with_template("{msg:10} [{bar:40}] {pos}/{len} files, {eta} left")
            .unwrap_or_else(|_| ProgressStyle::default_bar())
            .progress_chars("=> "),
    );
    bar.set_message(what.to_string());
    bar
}

pub fn run_import(
    store: &mut Store,
    paths: &[PathBuf],
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> Result<ExitCode> {
    let (files, mut failures) = collect_files(paths);
    if files.is_empty() && failures.is_empty() {
        let shown: Vec<String> = paths
            .iter()
            .map(|p| clean(&p.display().to_string()))
            .collect();
        writeln!(
            out,
            "No .ron files found in {}: nothing was imported.",
            shown.join(", ")
        )?;
        return Ok(ExitCode::SUCCESS);
    }
    let bar = progress(files.len(), "importing");
    let report = import_export::import_files(store, &files, |done| bar.set_position(done as u64))?;
    bar.finish_and_clear();
    let imported = report.imported;
    failures.extend(report.failures);
    let (mut created, mut revised, mut unchanged) = (0, 0, 0);
    for i in &imported {
        if let Some(status) = i.unreviewed {
            writeln!(
                out,
                "{}: \"{}\" says {}, but no review in this library approves this version; \
                 `candor review {}` records one",
                i.source,
                clean(&i.id),
                status.label(),
                i.source
            )?;
        }
        if let Some((was, now)) = i.withdrawn {
            writeln!(
                out,
                "{}: \"{}\" was {} in this library and is now {}, as the file says: what went out is no longer what the library holds",
                i.source,
                clean(&i.id),
                was.label(),
                now.label()
            )?;
        }
        match &i.outcome {
            Outcome::Created => created += 1,
            Outcome::NewRevision(_) => revised += 1,
            Outcome::Unchanged => unchanged += 1,
            Outcome::DemotedToDraft {
                errors,
                was,
                revision,
            } => {
                if *revision == 1 {
                    created += 1;
                } else {
                    revised += 1;
                }
                writeln!(
                    out,
                    "{}: imported \"{}\" as a draft, not {}: it has {}",
                    i.source,
                    clean(&i.id),
                    was.label(),
                    plural(*errors as usize, "error", "errors")
                )?;
            }
        }
    }
    for e in &failures {
        writeln!(err, "error: {e}")?;
    }
    writeln!(
        out,
        "Imported {}: {created} new, {revised} updated (a new revision each), {unchanged} unchanged; {} not imported.",
        plural(imported.len(), "campaign", "campaigns"),
        failures.len()
    )?;
    Ok(if failures.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(2)
    })
}

pub fn run_export(
    store: &Store,
    ids: &[String],
    all: bool,
    dir: &Path,
    out: &mut dyn Write,
) -> Result<ExitCode> {
    let ids: Vec<String> = if all {
        store.ids()?
    } else if ids.is_empty() {
        bail!("name the campaigns to export, or pass --all");
    } else {
        ids.to_vec()
    };
    let written = store.export(&ids, dir)?;
    for p in &written {
        writeln!(out, "{}", clean(&p.display().to_string()))?;
    }
    writeln!(
        out,
        "Exported {} to {}.",
        plural(written.len(), "campaign", "campaigns"),
        clean(&dir.display().to_string())
    )?;
    Ok(ExitCode::SUCCESS)
}

#[derive(serde::Serialize)]
struct JsonSummary<'a> {
    id: &'a str,
    name: &'a str,
    status: &'a str,
    /// The latest review decision; null when there is none.
    review: Option<JsonReview>,
    channels: Vec<&'a str>,
    updated: &'a str,
    errors: u32,
    warnings: u32,
}

/// A review decision for scripts: its values, not the table's "approved·old".
#[derive(serde::Serialize)]
struct JsonReview {
    /// "approve" or "request_changes", as the library records it.
    decision: &'static str,
    /// Made on the text the library holds now (its status aside); false when the campaign
    /// has changed since.
    current: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ListFormat {
    Text,
    Json,
    Tsv,
}

/// The width `candor list` fits its text table to.
const LIST_WIDTH: usize = 80;

/// Prints the library a row at a time (a library of any size costs one row of memory).
pub fn run_list(store: &Store, format: ListFormat, out: &mut dyn Write) -> Result<ExitCode> {
    let all = LibraryQuery::default();
    match format {
        ListFormat::Json => {
            candor::text::json::to_writer_pretty(&mut *out, &JsonList { store, query: &all })?;
            writeln!(out)?;
            return Ok(ExitCode::SUCCESS);
        }
        ListFormat::Tsv => {
            writeln!(
                out,
                "id\tstatus\treview\terrors\twarnings\tchannels\tupdated\tname"
            )?;
            // Tabs and line breaks inside a name would break the columns: shown as spaces.
            let field = |s: &str| clean(s).replace(['\t', '\n', '\r'], " ");
            store.for_each_summary(&all, 0, usize::MAX, |s| {
                writeln!(
                    out,
                    "{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}",
                    field(&s.id),
                    s.status.label(),
                    s.review.map_or("", |r| r.short()),
                    s.errors,
                    s.warnings,
                    Channel::labels(&s.channels),
                    s.updated,
                    field(&s.name)
                )
                .map_err(StoreError::Output)
            })?;
            return Ok(ExitCode::SUCCESS);
        }
        ListFormat::Text => {}
    }
    // Ids are what people copy into other commands: always whole. The name comes last and is
    // the part shortened to fit.
    let id_w = store.longest_id()?.max(2);
    // The status column holds "published*", the longest status with its mark.
    let fixed = id_w + 2 + 10 + 1 + 3 + 1 + 4 + 2 + 10 + 2;
    let name_w = LIST_WIDTH.saturating_sub(fixed).max(12);
    writeln!(
        out,
        "{:id_w$}  {:10} {:>3} {:>4}  {:10}  NAME",
        "ID", "STATUS", "ERR", "WARN", "EDITED"
    )?;
    let (mut count, mut unreviewed) = (0, false);
    store.for_each_summary(&all, 0, usize::MAX, |s| {
        count += 1;
        // A status that claims approval, with no approval recorded on the text as it is now
        // (edited since, or never reviewed in Candor), is marked: the table has no room for
        // the review column the TUI shows, and a reader must not take the status for one.
        let claims = matches!(s.status, Status::Approved | Status::Published);
        let covered = s
            .review
            .is_some_and(|r| r.decision == Decision::Approve && r.current);
        let mark = if claims && !covered {
            unreviewed = true;
            "*"
        } else {
            ""
        };
        writeln!(
            out,
            "{:id_w$}  {:10} {:>3} {:>4}  {:10}  {}",
            clean(&s.id),
            format!("{}{mark}", s.status.label()),
            s.errors,
            s.warnings,
            s.updated.get(..10).unwrap_or(&s.updated),
            truncate(&clean(&s.name), name_w)
        )
        .map_err(StoreError::Output)
    })?;
    if unreviewed {
        writeln!(
            out,
            "* approved or published, but no approval is recorded on the text as it is now"
        )?;
    }
    writeln!(
        out,
        "{} in {} (--format tsv or json for every column in full)",
        plural(count, "campaign", "campaigns"),
        clean(&store.path().display().to_string())
    )?;
    Ok(ExitCode::SUCCESS)
}

/// The library as a JSON array, serialized row by row as the store reads them.
struct JsonList<'a> {
    store: &'a Store,
    query: &'a LibraryQuery,
}

impl serde::Serialize for JsonList<'_> {
    fn serialize<S: serde::Serializer>(&self, ser: S) -> Result<S::Ok, S::Error> {
        use serde::ser::{Error, SerializeSeq};
        let mut seq = ser.serialize_seq(None)?;
        let mut failed = None;
        let read = self.store.for_each_summary(self.query, 0, usize::MAX, |s| {
            let row = JsonSummary {
                id: &s.id,
                name: &s.name,
                status: s.status.label(),
                review: s.review.map(|r| JsonReview {
                    decision: r.decision.key(),
                    current: r.current,
                }),
                channels: s.channels.iter().map(|c| c.label()).collect(),
                updated: &s.updated,
                errors: s.errors,
                warnings: s.warnings,
            };
            if let Err(e) = seq.serialize_element(&row) {
                failed = Some(e);
                return Err(StoreError::Output(std::io::Error::other("stopped")));
            }
            Ok(())
        });
        if let Some(e) = failed {
            return Err(e);
        }
        read.map_err(S::Error::custom)?;
        seq.end()
    }
}

pub fn run_history(store: &Store, id: &str, out: &mut dyn Write) -> Result<ExitCode> {
    let revs = store.history(id)?;
    // Times as the TUI shows them, to the minute; the stored times are UTC, so the header says
    // so. The columns before the message take 71 of an 80-column terminal (83 before).
    writeln!(
        out,
        "{:>4}  {:16}  {:16}  {:10}  {:>6} {:>8}  MESSAGE",
        "REV", "WHEN (UTC)", "WHO", "STATUS", "ERRORS", "WARNINGS"
    )?;
    for r in &revs {
        writeln!(
            out,
            "{:>4}  {:16}  {:16}  {:10}  {:>6} {:>8}  {}",
            r.number,
            candor::app::short_time(&r.created_at),
            truncate(&clean(&r.author), 16),
            r.status.label(),
            r.counts.errors,
            r.counts.warnings,
            clean(&r.message)
        )?;
    }
    Ok(ExitCode::SUCCESS)
}

pub fn run_show(
    store: &Store,
    id: &str,
    revision: Option<i64>,
    out: &mut dyn Write,
) -> Result<ExitCode> {
    let number = match revision {
        Some(n) => n,
        None => store.get(id)?.revision.number,
    };
    write!(
        out,
        "{}",
        candor::text::clean_multiline(&store.revision_text(id, number)?)
    )?;
    Ok(ExitCode::SUCCESS)
}

pub fn run_restore(
    store: &mut Store,
    id: &str,
    number: i64,
    out: &mut dyn Write,
) -> Result<ExitCode> {
    let meta = match store.restore(id, number) {
        Ok(meta) => meta,
        // Nothing to do is not a failure: the campaign already is what was asked for.
        Err(e @ candor::store::StoreError::AlreadyCurrent { .. }) => {
            writeln!(out, "{}", clean(&e.to_string()))?;
            return Ok(ExitCode::SUCCESS);
        }
        Err(e) => return Err(e.into()),
    };
    writeln!(
        out,
        "Restored revision {number} of \"{}\" as revision {}.",
        clean(id),
        meta.number
    )?;
    Ok(ExitCode::SUCCESS)
}
