//! Moving campaigns between RON files and the library.

use std::path::{Path, PathBuf};

use rusqlite::{OptionalExtension, TransactionBehavior};

use super::{Prepared, Result, Store, StoreError, write_revision};
use crate::model::Status;
use crate::model::ron_io::{self, LoadError};

/// How many files one import transaction takes: large enough that the fsync at each commit is
/// cheap per file, small enough that a failure late in a huge import keeps the earlier batches.
pub const BATCH: usize = 500;

/// What happened to one imported campaign.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    Created,
    /// The id existed: a new revision with this number.
    NewRevision(i64),
    /// The id existed with exactly this content: nothing written.
    Unchanged,
    /// Imported as a draft, because the file's status is past draft but it has errors: as
    /// revision 1 of a new campaign, or a later revision of an existing one.
    DemotedToDraft {
        errors: u32,
        was: Status,
        revision: i64,
    },
}

#[derive(Debug, Clone)]
pub struct Imported {
    pub id: String,
    pub source: String,
    pub outcome: Outcome,
    /// The status the file claims (approved or published) when no review decision in the
    /// library approves this version: the file says so, the library cannot vouch for it.
    pub unreviewed: Option<Status>,
    /// The status the campaign had in the library (approved or published) and the earlier
    /// one the file put it back to: what went out is no longer what the library holds.
    pub withdrawn: Option<(Status, Status)>,
}

/// A file that was read, validated and checked, ready to be written.
pub struct ReadyFile {
    pub source: String,
    prepared: Prepared,
    /// The status the file asked for, when the review gate lowered it to draft.
    demoted: Option<Status>,
}

/// Reads, validates and checks one file for import. Nothing is written. The file's text is
/// kept as it is, so an export gives back exactly what was imported; a file whose status the
/// review gate refuses is kept as a draft instead.
pub fn prepare_file(path: &Path) -> std::result::Result<ReadyFile, LoadError> {
    let (campaign, text) = ron_io::parse_file(path)?;
    let source = crate::text::clean(&path.display().to_string());
    let (prepared, demoted) = Prepared::for_import(campaign, text).map_err(|e| {
        LoadError::new(
            &source,
            None,
            format!("could not be rewritten as a draft: {e}"),
        )
    })?;
    Ok(ReadyFile {
        source,
        prepared,
        demoted,
    })
}

/// Everything an import did.
#[derive(Debug, Default)]
pub struct ImportReport {
    pub imported: Vec<Imported>,
    pub failures: Vec<LoadError>,
}

/// Files per unit of work for the reading threads: about 4 ms of reading and checking. Small
/// enough that writing starts soon and the last unit ends soon after the others, large enough
/// that handing units between threads costs little (measured: 8 files per unit was about 20%
/// slower than 128, 32 about 10%; 256 and 512 no better). A transaction still takes [`BATCH`].
const CHUNK: usize = 128;

/// Imports files in transactions of [`BATCH`] files, in file order, so the result is the same
/// however the work is shared out. Reading and checking a file costs more than writing it, so
/// every core reads and checks: a helper thread per core but one, and this thread too whenever
/// the next chunk to write is not ready yet. On two cores that keeps both busy without a third
/// thread taking turns with the writer. `progress` is called with the number of files finished
/// so far. A file that cannot be read is reported and skipped; a database error stops the
/// import, keeping the transactions committed before it.
pub fn import_files(
    store: &mut Store,
    paths: &[PathBuf],
    mut progress: impl FnMut(usize),
) -> Result<ImportReport> {
    use std::collections::BTreeMap;
    use std::sync::atomic::{AtomicUsize, Ordering};
    use std::sync::mpsc::TryRecvError;

    type Chunk = Vec<std::result::Result<ReadyFile, LoadError>>;
    fn prepare(chunk: &[PathBuf]) -> Chunk {
        chunk.iter().map(|p| prepare_file(p)).collect()
    }
    let chunks: Vec<&[PathBuf]> = paths.chunks(CHUNK).collect();
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    let helpers = (cores.min(8) - 1).min(chunks.len());
    // Chunks are claimed in order, by the helpers and by the writer when it would wait.
    let next = AtomicUsize::new(0);
    let mut report = ImportReport::default();
    let store = &*store;
    std::thread::scope(|s| -> Result<()> {
        let (tx, rx) = std::sync::mpsc::sync_channel::<(usize, Chunk)>(helpers * 8);
        for _ in 0..helpers {
            let tx = tx.clone();
            let (next, chunks) = (&next, &chunks);
            s.spawn(move || {
                loop {
                    let i = next.fetch_add(1, Ordering::Relaxed);
                    let Some(chunk) = chunks.get(i) else { break };
                    if tx.send((i, prepare(chunk))).is_err() {
                        break; // the writer stopped
                    }
                }
            });
        }
        drop(tx);
        let mut waiting: BTreeMap<usize, Chunk> = BTreeMap::new();
        let (mut want, mut done, mut in_batch) = (0, 0, 0);
        let mut batch: Option<ImportBatch<'_>> = None;
        while want < chunks.len() {
            let Some(chunk) = waiting.remove(&want) else {
                // Not ready: take what the helpers finished, else prepare the next unclaimed
                // chunk here, else wait for the helpers.
                match rx.try_recv() {
                    Ok((i, c)) => {
                        waiting.insert(i, c);
                    }
                    Err(e) => {
                        let i = next.fetch_add(1, Ordering::Relaxed);
                        if let Some(chunk) = chunks.get(i) {
                            waiting.insert(i, prepare(chunk));
                        } else if e == TryRecvError::Empty
                            && let Ok((i, c)) = rx.recv()
                        {
                            waiting.insert(i, c);
                        } else {
                            break; // a helper stopped early; the scope reports why
                        }
                    }
                }
                continue;
            };
            for r in chunk {
                done += 1;
                let file = match r {
                    Ok(f) => f,
                    Err(e) => {
                        report.failures.push(e);
                        continue;
                    }
                };
                let open = match batch.as_mut() {
                    Some(b) => b,
                    None => batch.insert(store.import_batch("", "imported")?),
                };
                report.imported.push(open.write(file)?);
                in_batch += 1;
                if in_batch == BATCH {
                    if let Some(b) = batch.take() {
                        b.commit()?;
                    }
                    in_batch = 0;
                    progress(done);
                }
            }
            want += 1;
        }
        if let Some(b) = batch.take() {
            b.commit()?;
        }
        progress(done);
        Ok(())
    })?;
    Ok(report)
}

/// One import transaction, open while files are written into it. Dropped without
/// [`ImportBatch::commit`], it writes nothing.
pub struct ImportBatch<'s> {
    tx: rusqlite::Transaction<'s>,
    author: String,
    message: &'static str,
    at: String,
}

impl Store {
    /// Starts an import transaction. `author` empty means the store's author.
    pub(crate) fn import_batch(
        &self,
        author: &str,
        message: &'static str,
    ) -> Result<ImportBatch<'_>> {
        self.writable()?;
        Ok(ImportBatch {
            // Unchecked only in that it takes a shared borrow; Candor never nests transactions.
            tx: rusqlite::Transaction::new_unchecked(&self.conn, TransactionBehavior::Immediate)?,
            author: if author.is_empty() {
                self.author.clone()
            } else {
                author.to_string()
            },
            message,
            at: self.now(),
        })
    }

    /// Writes prepared files in one transaction: all of them or, on a database error, none.
    pub fn import_ready(&mut self, files: Vec<ReadyFile>) -> Result<Vec<Imported>> {
        let mut batch = self.import_batch("", "imported")?;
        let out = files
            .into_iter()
            .map(|f| batch.write(f))
            .collect::<Result<Vec<_>>>()?;
        batch.commit()?;
        Ok(out)
    }
}

impl ImportBatch<'_> {
    pub fn write(&mut self, file: ReadyFile) -> Result<Imported> {
        let (status, subject) = (file.prepared.status, file.prepared.subject.clone());
        let before: Option<String> = self
            .tx
            .prepare_cached("SELECT status FROM campaigns WHERE id = ?1")?
            .query_row([&file.prepared.id], |r| r.get(0))
            .optional()?;
        let (id, outcome) = self.write_prepared(file.prepared, file.demoted)?;
        let gone_out = |s: Status| matches!(s, Status::Approved | Status::Published);
        let now = match outcome {
            Outcome::DemotedToDraft { .. } => Status::Draft,
            _ => status,
        };
        let withdrawn = before
            .map(|s| super::parse_status(&s))
            .filter(|was| {
                gone_out(*was) && !gone_out(now) && !matches!(outcome, Outcome::Unchanged)
            })
            .map(|was| (was, now));
        let claims_approval = matches!(status, Status::Approved | Status::Published)
            && !matches!(outcome, Outcome::DemotedToDraft { .. });
        let unreviewed = (claims_approval && !approved(&self.tx, &id, &subject)?).then_some(status);
        Ok(Imported {
            id,
            source: file.source,
            outcome,
            unreviewed,
            withdrawn,
        })
    }

    /// Writes one prepared campaign; `demoted` is the status the file asked for, when the review
    /// gate lowered it (see [`Prepared::for_import`]).
    pub(crate) fn write_prepared(
        &mut self,
        p: Prepared,
        demoted: Option<Status>,
    ) -> Result<(String, Outcome)> {
        write_import(&self.tx, p, demoted, &self.author, self.message, &self.at)
    }

    pub fn commit(self) -> Result<()> {
        Ok(self.tx.commit()?)
    }
}

/// Whether the library's latest review decision on campaign `id` approves text with this
/// subject (as the library's Review column reads it).
fn approved(tx: &rusqlite::Transaction, id: &str, subject: &str) -> Result<bool> {
    Ok(tx
        .prepare_cached(
            "SELECT decision = 'approve' AND subject_hash <> '' AND subject_hash = ?2
               FROM reviews WHERE campaign_id = ?1 ORDER BY created_at DESC, id DESC LIMIT 1",
        )?
        .query_row(rusqlite::params![id, subject], |r| r.get(0))
        .optional()?
        .unwrap_or(false))
}

/// Writes one prepared campaign inside the caller's transaction: a new campaign, a new
/// revision, or nothing when the head already has exactly this content.
pub(crate) fn write_import(
    tx: &rusqlite::Transaction,
    p: Prepared,
    demoted: Option<Status>,
    author: &str,
    message: &str,
    at: &str,
) -> Result<(String, Outcome)> {
    // The head is always the highest revision, so its number gives the next one.
    let head: Option<(String, i64)> = tx
        .prepare_cached(
            "SELECT r.content_hash, c.head_number FROM campaigns c JOIN revisions r ON r.id = c.head_revision WHERE c.id = ?1",
        )?
        .query_row([&p.id], |r| Ok((r.get(0)?, r.get(1)?)))
        .optional()?;
    let outcome = match head {
        Some((hash, _)) if hash == p.hash => Outcome::Unchanged,
        Some((_, n)) => Outcome::NewRevision(
            write_revision(tx, &p, author, message, false, at.to_string(), Some(n + 1))?.number,
        ),
        None => {
            write_revision(tx, &p, author, message, true, at.to_string(), Some(1))?;
            Outcome::Created
        }
    };
    let outcome = match (demoted, outcome) {
        (Some(was), Outcome::Created) => Outcome::DemotedToDraft {
            errors: p.counts.errors,
            was,
            revision: 1,
        },
        (Some(was), Outcome::NewRevision(n)) => Outcome::DemotedToDraft {
            errors: p.counts.errors,
            was,
            revision: n,
        },
        (_, o) => o,
    };
    Ok((p.id, outcome))
}

impl Store {
    /// Writes campaigns as `<id>.ron` files in `dir`, each atomically, exactly as stored (the
    /// comment at the top included). Returns the files written.
    pub fn export(&self, ids: &[String], dir: &Path) -> Result<Vec<PathBuf>> {
        std::fs::create_dir_all(dir).map_err(|e| StoreError::Io {
            path: crate::text::clean(&dir.display().to_string()),
            message: format!(
                "could not create the folder: {}. Choose a folder you may write to with --out",
                crate::text::clean(&e.to_string())
            ),
        })?;
        let mut written = Vec::new();
        for id in ids {
            let head = self.get(id)?;
            let text = self.revision_text(id, head.revision.number)?;
            // Ids are validated to lowercase letters, digits and dashes, so this is a plain name.
            let path = dir.join(format!("{id}.ron"));
            ron_io::write_atomic(&path, &text)?;
            written.push(path);
        }
        Ok(written)
    }
}
