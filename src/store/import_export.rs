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
    /// Imported as a draft, because the file's status is past draft but it has errors.
    DemotedToDraft {
        errors: u32,
        was: Status,
    },
}

#[derive(Debug, Clone)]
pub struct Imported {
    pub id: String,
    pub source: String,
    pub outcome: Outcome,
}

/// A file that was read, validated and checked, ready to be written.
pub struct ReadyFile {
    pub source: String,
    prepared: Prepared,
}

/// Reads, validates and checks one file for import. Nothing is written. The file's text is
/// kept as it is, so an export gives back exactly what was imported.
pub fn prepare_file(path: &Path) -> std::result::Result<ReadyFile, LoadError> {
    let (campaign, text) = ron_io::parse_file(path)?;
    let source = crate::text::clean(&path.display().to_string());
    Ok(ReadyFile {
        source,
        prepared: Prepared::from_text(campaign, text),
    })
}

/// Everything an import did.
#[derive(Debug, Default)]
pub struct ImportReport {
    pub imported: Vec<Imported>,
    pub failures: Vec<LoadError>,
}

/// Imports files in batches of [`BATCH`], one transaction each. Worker threads read and check
/// the next batches while this thread writes the current one, so the database is rarely idle.
/// `progress` is called with the number of files finished so far. A file that cannot be read is
/// reported and skipped; a database error stops the import, keeping the batches written before.
pub fn import_files(
    store: &mut Store,
    paths: &[PathBuf],
    mut progress: impl FnMut(usize),
) -> Result<ImportReport> {
    use std::collections::BTreeMap;
    use std::sync::atomic::{AtomicUsize, Ordering};

    let chunks: Vec<&[PathBuf]> = paths.chunks(BATCH).collect();
    // Reading and checking a file costs about twice what writing it does, so every core reads
    // and checks while this thread writes in the gaps.
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    let workers = cores.clamp(1, 8).min(chunks.len().max(1));
    let next = AtomicUsize::new(0);
    let mut report = ImportReport::default();
    std::thread::scope(|s| -> Result<()> {
        let (tx, rx) = std::sync::mpsc::sync_channel(workers * 2);
        for _ in 0..workers {
            let tx = tx.clone();
            let (next, chunks) = (&next, &chunks);
            s.spawn(move || {
                loop {
                    let i = next.fetch_add(1, Ordering::Relaxed);
                    let Some(chunk) = chunks.get(i) else { break };
                    let prepared: Vec<_> = chunk.iter().map(|p| prepare_file(p)).collect();
                    if tx.send((i, prepared)).is_err() {
                        break; // the writer stopped
                    }
                }
            });
        }
        drop(tx);
        // Batches arrive in any order; write them in file order so the result is deterministic.
        let mut waiting = BTreeMap::new();
        let mut want = 0;
        let mut done = 0;
        for (i, prepared) in rx {
            waiting.insert(i, prepared);
            while let Some(batch) = waiting.remove(&want) {
                let mut ready = Vec::new();
                for r in batch {
                    match r {
                        Ok(f) => ready.push(f),
                        Err(e) => report.failures.push(e),
                    }
                    done += 1;
                }
                report.imported.extend(store.import_ready(ready)?);
                progress(done);
                want += 1;
            }
        }
        Ok(())
    })?;
    Ok(report)
}

impl Store {
    /// Writes prepared files in one transaction: all of them or, on a database error, none.
    pub fn import_ready(&mut self, files: Vec<ReadyFile>) -> Result<Vec<Imported>> {
        let sources: Vec<String> = files.iter().map(|f| f.source.clone()).collect();
        let outcomes = self.import_prepared(
            files.into_iter().map(|f| f.prepared).collect(),
            "",
            "imported",
        )?;
        Ok(outcomes
            .into_iter()
            .zip(sources)
            .map(|((id, outcome), source)| Imported {
                id,
                source,
                outcome,
            })
            .collect())
    }

    pub(crate) fn import_prepared(
        &mut self,
        batch: Vec<Prepared>,
        author: &str,
        message: &str,
    ) -> Result<Vec<(String, Outcome)>> {
        let author = if author.is_empty() {
            self.author.clone()
        } else {
            author.to_string()
        };
        let at = self.now();
        let tx = self
            .conn_mut()
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        let mut out = Vec::with_capacity(batch.len());
        for mut p in batch {
            let mut demoted = None;
            if p.refusal.is_some() {
                demoted = Some(p.campaign.status);
                p.campaign.status = Status::Draft;
                let comment = p.ron[..ron_io::leading_comment_len(&p.ron)].to_owned();
                p = Prepared::new(p.campaign, &comment)?;
            }
            // The head is always the highest revision, so its number gives the next one.
            let head: Option<(String, i64)> = tx
                .prepare_cached(
                    "SELECT r.content_hash, r.number FROM campaigns c JOIN revisions r ON r.id = c.head_revision WHERE c.id = ?1",
                )?
                .query_row([&p.campaign.id], |r| Ok((r.get(0)?, r.get(1)?)))
                .optional()?;
            let outcome = match head {
                Some((hash, _)) if hash == p.hash => Outcome::Unchanged,
                Some((_, n)) => Outcome::NewRevision(
                    write_revision(&tx, &p, &author, message, false, at.clone(), Some(n + 1))?
                        .number,
                ),
                None => {
                    write_revision(&tx, &p, &author, message, true, at.clone(), Some(1))?;
                    Outcome::Created
                }
            };
            let outcome = match (demoted, outcome) {
                (Some(was), Outcome::Created | Outcome::NewRevision(_)) => {
                    Outcome::DemotedToDraft {
                        errors: p.counts.errors,
                        was,
                    }
                }
                (_, o) => o,
            };
            out.push((p.campaign.id.clone(), outcome));
        }
        tx.commit()?;
        Ok(out)
    }

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
