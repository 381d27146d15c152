//! The SQLite store: the library of campaigns, every saved revision, autosaved drafts, review
//! decisions and a little UI state. Every write is one `BEGIN IMMEDIATE` transaction on a WAL
//! database with `synchronous=FULL`, so a save that returned success survives a crash or power
//! cut, and two Candor processes wait for each other instead of failing with "database is
//! locked".

mod drafts;
pub mod import_export;
mod library;
mod open;
mod reviews;
mod schema;

pub use drafts::Draft;
use drafts::upsert_draft;
pub use library::{LibraryQuery, SortKey};
pub use reviews::{Decision, Review};

use std::io::Read;
use std::path::{Path, PathBuf};
use std::time::Duration;

use rusqlite::config::DbConfig;
use rusqlite::{Connection, OpenFlags, OptionalExtension, TransactionBehavior, params};
use sha2::{Digest, Sha256};

use crate::checks::{self, Counts};
use crate::model::ron_io::{self, LoadError, SaveError};
use crate::model::{Campaign, Channel, Status};
use crate::text::clean;

pub use schema::{APPLICATION_ID, latest_version};

/// How long a writer waits for another process's transaction before giving up. Saves take
/// milliseconds, so reaching this means something is badly stuck.
pub const BUSY_TIMEOUT: Duration = Duration::from_secs(15);

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error(
        "{path} is not a Candor database (it is {what}); Candor left it untouched. Choose another file with --db or CANDOR_DB."
    )]
    NotCandor { path: String, what: String },
    #[error(
        "{path} was written by a newer Candor (schema version {found}; this Candor knows up to {supported}); it was left untouched. Upgrade Candor to open it."
    )]
    NewerSchema {
        path: String,
        found: i64,
        supported: i64,
    },
    #[error(
        "{path} is open read-only ({why}); nothing was written. To change it, have the file (and its folder) made writable, for example with chmod u+w, or work on a copy with --db."
    )]
    ReadOnly { path: String, why: String },
    #[error("{path}: {message}")]
    Io { path: String, message: String },
    #[error(
        "{path} was deleted or replaced while Candor was running, so nothing more can be saved in it; nothing was written. Save (Ctrl-S) to keep the edits still open as a file, then restart Candor"
    )]
    Gone { path: String },
    #[error(
        "{path} is damaged ({detail}); Candor opened it without writing anything. Keep a copy, then try `sqlite3 {path} .recover` into a new file, or restore a backup."
    )]
    Damaged { path: String, detail: String },
    #[error("no campaign with id \"{0}\" in the library; `candor list` shows the ids")]
    NotFound(String),
    #[error("a campaign with id \"{0}\" already exists; choose another id")]
    Exists(String),
    #[error("no revision {number} of \"{id}\"; `candor history {id}` lists them")]
    NoRevision { id: String, number: i64 },
    #[error("{}", already_current(.id, *.number, *.head))]
    AlreadyCurrent { id: String, number: i64, head: i64 },
    #[error(
        "\"{id}\" was saved by {by} at {at} (revision {number}) after you started editing; your edit was kept as a draft. Save it as a copy, or reopen the campaign to merge."
    )]
    Conflict {
        id: String,
        number: i64,
        by: String,
        at: String,
    },
    #[error(
        "\"{id}\" cannot be {status} while it has {}, such as: {first}. Fix {}, or keep the campaign as a draft.",
        crate::text::plural(*.count as usize, "error-level finding", "error-level findings"),
        if *.count == 1 { "it" } else { "them" }
    )]
    ReviewGate {
        id: String,
        status: String,
        count: u32,
        first: String,
    },
    /// A campaign that breaks a rule of the file format is never written: it would not load.
    #[error("\"{id}\" was not saved, as it would not load again: {field}: {problem}")]
    Invalid {
        id: String,
        field: String,
        problem: String,
    },
    #[error("revision {number} of \"{id}\" could not be read: {error}")]
    Corrupt {
        id: String,
        number: i64,
        error: Box<LoadError>,
    },
    #[error(transparent)]
    Format(#[from] SaveError),
    /// Writing what was read failed (a closed pipe, a full disk).
    #[error("could not write the output: {0}")]
    Output(#[source] std::io::Error),
    /// Described in words by [`describe_sqlite`]; not a `source`, so a report does not repeat
    /// SQLite's own wording ("disk I/O error: Error code 4874") after the explanation.
    #[error("{}", describe_sqlite(.0))]
    Sqlite(rusqlite::Error),
}

/// Restoring what the campaign already reads as: said one way for the current revision
/// itself, another for an older one with the same text.
fn already_current(id: &str, number: i64, head: i64) -> String {
    if number == head {
        format!("Revision {number} is the current revision of \"{id}\". Nothing was restored.")
    } else {
        format!(
            "\"{id}\" already reads as revision {number}: the current revision, {head}, has the same text. Nothing was restored."
        )
    }
}

pub type Result<T, E = StoreError> = std::result::Result<T, E>;

impl From<rusqlite::Error> for StoreError {
    fn from(e: rusqlite::Error) -> StoreError {
        StoreError::Sqlite(e)
    }
}

impl StoreError {
    /// Another process held the library's write lock longer than this store waits.
    pub fn is_busy(&self) -> bool {
        matches!(self, StoreError::Sqlite(e) if matches!(
            e.sqlite_error_code(),
            Some(rusqlite::ErrorCode::DatabaseBusy | rusqlite::ErrorCode::DatabaseLocked)
        ))
    }
}

/// A database error in words a person can act on: what happened, that nothing was
/// half-written, and what to do.
fn describe_sqlite(e: &rusqlite::Error) -> String {
    use rusqlite::ErrorCode as C;
    let nothing_lost = "Nothing was half-written: every change is one transaction.";
    let Some(code) = e.sqlite_error_code() else {
        return format!("database error: {}. {nothing_lost}", clean(&e.to_string()));
    };
    let what = match code {
        C::CannotOpen => {
            "the library file cannot be opened: its folder may be gone, or on a disk that cannot be written. Check the path (--db), or open it with --read-only"
        }
        C::DiskFull => "the disk is full. Free some space and try again",
        C::ReadOnly => {
            "the library cannot be written (a read-only file, folder or disk). Open it with --read-only to look, or choose a copy with --db"
        }
        C::DatabaseBusy | C::DatabaseLocked => {
            return "the library is busy: another Candor (or another program) is writing to it. Nothing was written; try again in a moment.".into();
        }
        C::DatabaseCorrupt | C::NotADatabase => {
            "the library file is damaged. Keep a copy of it, then run `sqlite3 <the file> \"PRAGMA integrity_check\"` to see what is left, or restore it from a backup"
        }
        C::SystemIoFailure => {
            "the disk reported an input/output error (the disk may be full, failing, or the file was removed while Candor ran). Check the disk, then try again"
        }
        _ => {
            return format!(
                "database error: {}. {nothing_lost} If it happens again, run `sqlite3 <the library file> \"PRAGMA integrity_check\"`",
                clean(&e.to_string())
            );
        }
    };
    format!("{what}. {nothing_lost}")
}

/// What the library shows for one campaign, read without parsing it.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Summary {
    pub id: String,
    pub name: String,
    pub status: Status,
    pub channels: Vec<Channel>,
    pub updated: String,
    pub errors: u32,
    pub warnings: u32,
    pub infos: u32,
    pub revision: i64,
    pub has_draft: bool,
    /// The latest review decision on the campaign, if any.
    #[serde(skip)]
    pub review: Option<LatestReview>,
}

/// A campaign's latest review decision, and whether it covers the current revision.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LatestReview {
    pub decision: Decision,
    /// Made on the text the library holds now, status aside ([`subject_hash`]): on the current
    /// revision, or on an older revision or a file that says the same. Else on a text that
    /// differs from it.
    pub current: bool,
}

impl LatestReview {
    /// A few words for a table cell: "approved", "changes", "approved·old" (the decision is
    /// old news: it was made on a text that differs from the current one, most often an older
    /// revision, sometimes an edited file that never came into the library).
    pub fn short(self) -> &'static str {
        match (self.decision, self.current) {
            (Decision::Approve, true) => "approved",
            (Decision::Approve, false) => "approved·old",
            (Decision::RequestChanges, true) => "changes",
            (Decision::RequestChanges, false) => "changes·old",
        }
    }
}

/// One saved revision, without its content.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct RevisionMeta {
    /// Unique across the database; what a save names as its base.
    pub id: i64,
    pub campaign_id: String,
    /// 1, 2, 3... within the campaign.
    pub number: i64,
    pub author: String,
    pub message: String,
    pub created_at: String,
    pub status: Status,
    pub counts: Counts,
    pub content_hash: String,
}

/// A campaign as stored, with the revision it is.
#[derive(Debug, Clone)]
pub struct Stored {
    pub campaign: Campaign,
    pub leading_comment: String,
    pub revision: RevisionMeta,
}

pub fn hash_text(text: &str) -> String {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    let digest = Sha256::digest(text.as_bytes());
    let mut out = String::with_capacity(64);
    for b in digest {
        out.push(char::from(HEX[usize::from(b >> 4)]));
        out.push(char::from(HEX[usize::from(b & 15)]));
    }
    out
}

/// What a review decision on `text` covers, as a hash: the campaign as Candor saves it, with
/// its status and the comment at the top left out. Two texts with the same subject say the same
/// thing to visitors, so an approval of one covers the other: the usual flow (a reviewer
/// approves, then the author moves the status to approved or published) and restoring the
/// approved text keep the approval. Text that does not load is taken as it is.
pub(crate) fn subject_hash(text: &str) -> String {
    // Parsed only: where each part sits, and the rules of a finished campaign, do not matter
    // to what it says.
    match ron_io::parse_unfinished("reviewed", text) {
        Ok((campaign, _)) => subject_hash_of(&campaign),
        Err(_) => hash_text(text),
    }
}

/// [`subject_hash`] of a loaded campaign. Empty (matching nothing) in the one case where it
/// cannot be written out, which loading a campaign never leads to.
pub(crate) fn subject_hash_of(campaign: &Campaign) -> String {
    let without_status = Campaign {
        status: Status::Draft,
        ..campaign.clone()
    };
    ron_io::to_ron(&without_status)
        .map(|t| hash_text(&t))
        .unwrap_or_default()
}

pub fn now() -> String {
    let fmt = time::macros::format_description!("[year]-[month]-[day]T[hour]:[minute]:[second]Z");
    time::OffsetDateTime::now_utc()
        .format(&fmt)
        .unwrap_or_else(|_| "1970-01-01T00:00:00Z".into())
}

/// Who is saving: `CANDOR_USER`, else the login name (`USER`, `LOGNAME`, the home folder's name).
pub fn default_author() -> String {
    ["CANDOR_USER", "USER", "LOGNAME", "USERNAME"]
        .iter()
        .find_map(|k| std::env::var(k).ok().filter(|v| !v.trim().is_empty()))
        .or_else(|| {
            // Last resort: the name of the home folder, which is the login name on most systems.
            let home = std::env::var_os("HOME")?;
            std::path::Path::new(&home)
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
        })
        .map(|v| clean(v.trim()))
        .unwrap_or_else(|| "unknown".to_string())
}

/// The default database: `candor.db` in the platform's data folder for Candor.
pub fn default_db_path() -> Option<PathBuf> {
    directories::ProjectDirs::from("", "", "candor").map(|d| d.data_dir().join("candor.db"))
}

fn status_key(s: Status) -> &'static str {
    match s {
        Status::Draft => "Draft",
        Status::InReview => "InReview",
        Status::Approved => "Approved",
        Status::Published => "Published",
        Status::Archived => "Archived",
    }
}

/// The status's place in the library's status order (kept in `campaigns.status_rank`): its
/// place in `Status::ALL`, the order the statuses are declared in.
fn status_rank(s: Status) -> i64 {
    Status::ALL.iter().position(|x| *x == s).unwrap_or(0) as i64
}

fn parse_status(s: &str) -> Status {
    Status::ALL
        .into_iter()
        .find(|st| status_key(*st) == s)
        .unwrap_or(Status::Draft)
}

fn channels_key(chs: &[Channel]) -> String {
    chs.iter()
        .map(|c| format!("{c:?}"))
        .collect::<Vec<_>>()
        .join(",")
}

fn parse_channels(s: &str) -> Vec<Channel> {
    s.split(',')
        .filter_map(|p| Channel::ALL.into_iter().find(|c| format!("{c:?}") == p))
        .collect()
}

/// A campaign ready to be written: what its revision and library rows hold (summary, text, hash,
/// finding counts), and nothing else. The rest of the campaign is dropped where it was prepared,
/// so an import's writing thread never frees memory its reading threads allocated.
pub(crate) struct Prepared {
    pub id: String,
    pub name: String,
    pub status: Status,
    pub channels: Vec<Channel>,
    pub ron: String,
    pub hash: String,
    /// What an approval of this text covers ([`subject_hash`]), kept on the campaign row.
    pub subject: String,
    pub counts: Counts,
    /// Set when the campaign's status is past draft but its findings forbid it.
    pub refusal: Option<checks::GateRefusal>,
}

impl Prepared {
    /// The campaign's text, refused (before anything is written) when it breaks a rule that
    /// loading enforces: every revision the library holds must load again.
    pub(crate) fn new(campaign: Campaign, leading_comment: &str) -> Result<Prepared> {
        if let Some(p) = crate::model::validate::validate(&campaign)
            .into_iter()
            .next()
        {
            return Err(StoreError::Invalid {
                problem: p.sentence(),
                id: campaign.id,
                field: p.path,
            });
        }
        let ron = ron_io::document_text(&campaign, leading_comment)?;
        // Only an audience past the editor's depth limit can be deeper than the format reads
        // back (a campaign built in code, say): then, and only then, it is read back first.
        if campaign.audience.depth() > crate::model::MAX_AUDIENCE_DEPTH
            && let Err(e) = ron_io::parse_unfinished("saved", &ron)
        {
            return Err(StoreError::Invalid {
                problem: match e.hint {
                    Some(h) => format!("{}; {h}", e.message),
                    None => e.message,
                },
                id: campaign.id,
                field: "audience".into(),
            });
        }
        Ok(Prepared::from_text(campaign, ron))
    }

    /// Keeps `ron` as the stored text: an imported file is stored as written, comments and all.
    /// `ron` must be the text `campaign` was parsed from.
    pub(crate) fn from_text(campaign: Campaign, ron: String) -> Prepared {
        let findings = checks::check(&campaign);
        Prepared::checked(campaign, ron, &findings)
    }

    fn checked(campaign: Campaign, ron: String, findings: &[checks::Finding]) -> Prepared {
        let refusal = checks::review_gate(campaign.status, findings);
        Prepared {
            hash: hash_text(&ron),
            subject: subject_hash_of(&campaign),
            counts: Counts::of(findings),
            refusal,
            id: campaign.id,
            name: campaign.name,
            status: campaign.status,
            channels: campaign.channels,
            ron,
        }
    }

    /// For an import: the campaign as written or, when its status is past draft and its findings
    /// forbid that, as a draft (the text rewritten with the status changed, the comment at the
    /// top kept). The second value is the status the file asked for, when it was lowered.
    pub(crate) fn for_import(
        campaign: Campaign,
        ron: String,
    ) -> Result<(Prepared, Option<Status>)> {
        let findings = checks::check(&campaign);
        if checks::review_gate(campaign.status, &findings).is_none() {
            return Ok((Prepared::checked(campaign, ron, &findings), None));
        }
        let was = campaign.status;
        let draft = Campaign {
            status: Status::Draft,
            ..campaign
        };
        let comment = &ron[..ron_io::leading_comment_len(&ron)];
        Ok((Prepared::new(draft, comment)?, Some(was)))
    }

    fn gate(&self) -> Result<()> {
        match &self.refusal {
            Some(r) => Err(StoreError::ReviewGate {
                id: self.id.clone(),
                status: r.status.label().to_string(),
                count: r.errors,
                first: r.first.clone(),
            }),
            None => Ok(()),
        }
    }
}

pub struct Store {
    conn: Connection,
    path: PathBuf,
    author: String,
    /// A fixed time for every write, for reproducible screen tests and documentation.
    clock: Option<String>,
    /// Why the library is open read-only, when it is: every write is refused with this reason.
    read_only: Option<String>,
    /// Whether this open created the file.
    created: bool,
    /// The library file's device and inode when opened, to notice it deleted or replaced.
    file_id: Option<(u64, u64)>,
    /// How long a write waits for another process's (see [`Store::set_busy_timeout`]).
    busy_wait: Duration,
    /// A read-only library from an older Candor is read from an upgraded copy kept here.
    _scratch: Option<tempfile::TempDir>,
}

impl std::fmt::Debug for Store {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Store").field("path", &self.path).finish()
    }
}

impl Store {
    /// How long a write waits for another process's write to finish before giving up with a
    /// "busy" error (default [`BUSY_TIMEOUT`]). The terminal UI waits briefly, so a lock held
    /// elsewhere never freezes typing; it retries autosaves and says so for saves.
    pub fn set_busy_timeout(&mut self, wait: Duration) -> Result<()> {
        self.conn.busy_timeout(wait)?;
        self.busy_wait = wait;
        Ok(())
    }

    /// Another connection to the same library, for writing from another thread (the terminal
    /// UI autosaves drafts this way, so typing never waits for the disk or for another
    /// process's write): same author, clock and busy wait, and the same checks before each
    /// write. The library was checked and migrated when this store opened it.
    pub fn another_connection(&self) -> Result<Store> {
        self.writable()?;
        let conn = Connection::open_with_flags(
            &self.path,
            OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )?;
        conn.busy_timeout(self.busy_wait)?;
        conn.pragma_update(None, "synchronous", "FULL")?;
        conn.pragma_update(None, "foreign_keys", "ON")?;
        conn.set_db_config(DbConfig::SQLITE_DBCONFIG_ENABLE_QPSG, true)?;
        Ok(Store {
            conn,
            path: self.path.clone(),
            author: self.author.clone(),
            clock: self.clock.clone(),
            read_only: None,
            created: false,
            file_id: self.file_id,
            busy_wait: self.busy_wait,
            _scratch: None,
        })
    }

    /// Fixes the time recorded by every later write (tests and screenshots).
    pub fn set_clock(&mut self, timestamp: &str) {
        self.clock = Some(timestamp.to_string());
    }

    pub(crate) fn now(&self) -> String {
        clock_now(&self.clock)
    }

    /// Adds the bundled sample campaigns (done automatically for a new database).
    pub fn seed_samples(&mut self) -> Result<()> {
        let batch = open::samples_prepared()?;
        let mut tx = self.import_batch("candor", "sample campaign")?;
        for (p, demoted) in batch {
            tx.write_prepared(p, demoted)?;
        }
        tx.commit()
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Who revisions and reviews are recorded as.
    pub fn set_author(&mut self, author: &str) {
        self.author = clean(author);
    }

    pub fn author(&self) -> &str {
        &self.author
    }

    /// The number of campaigns in the library (kept by triggers, so reading it costs nothing).
    pub fn count(&self) -> Result<i64> {
        Ok(self
            .conn
            .prepare_cached("SELECT campaigns FROM library_size")?
            .query_row([], |r| r.get(0))?)
    }

    /// The whole library, most recently edited first.
    pub fn all_summaries(&self) -> Result<Vec<Summary>> {
        self.library_page(&LibraryQuery::default(), 0, usize::MAX)
    }

    pub fn exists(&self, id: &str) -> Result<bool> {
        campaign_exists(&self.conn, id)
    }

    fn revision_meta_row(r: &rusqlite::Row) -> rusqlite::Result<RevisionMeta> {
        Ok(RevisionMeta {
            id: r.get("id")?,
            campaign_id: r.get("campaign_id")?,
            number: r.get("number")?,
            author: r.get("author")?,
            message: r.get("message")?,
            created_at: r.get("created_at")?,
            status: parse_status(&r.get::<_, String>("status")?),
            counts: Counts {
                errors: r.get("errors")?,
                warnings: r.get("warnings")?,
                infos: r.get("infos")?,
                // Revisions record what counts; waived findings are read from the text.
                waived: 0,
            },
            content_hash: r.get("content_hash")?,
        })
    }

    const REVISION_COLUMNS: &'static str = "id, campaign_id, number, author, message, created_at, status, errors, warnings, infos, content_hash";

    /// The current revision of a campaign.
    pub fn get(&self, id: &str) -> Result<Stored> {
        let head: Option<i64> = self
            .conn
            .prepare_cached("SELECT head_revision FROM campaigns WHERE id = ?1")?
            .query_row([id], |r| r.get(0))
            .optional()?;
        let head = head.ok_or_else(|| StoreError::NotFound(id.to_string()))?;
        self.load_revision_by_id(head)
    }

    fn load_revision_by_id(&self, revision_id: i64) -> Result<Stored> {
        let sql = format!(
            "SELECT {}, t.ron FROM revisions JOIN revision_texts t ON t.revision_id = id WHERE id = ?1",
            Self::REVISION_COLUMNS
        );
        let (meta, ron): (RevisionMeta, String) = self
            .conn
            .prepare_cached(&sql)?
            .query_row([revision_id], |r| {
                Ok((Self::revision_meta_row(r)?, r.get("ron")?))
            })?;
        let name = format!("{} revision {}", meta.campaign_id, meta.number);
        // No position index: a stored revision is only read, and `parse_str` still locates
        // a problem when there is one.
        let (campaign, comment_len) =
            ron_io::parse_str(&name, &ron).map_err(|error| StoreError::Corrupt {
                error: Box::new(error),
                id: meta.campaign_id.clone(),
                number: meta.number,
            })?;
        let mut leading_comment = ron;
        leading_comment.truncate(comment_len);
        Ok(Stored {
            campaign,
            leading_comment,
            revision: meta,
        })
    }

    /// The stored RON text of a revision, exactly as saved.
    pub fn revision_text(&self, id: &str, number: i64) -> Result<String> {
        self.conn
            .query_row(
                "SELECT t.ron FROM revisions r JOIN revision_texts t ON t.revision_id = r.id
                 WHERE r.campaign_id = ?1 AND r.number = ?2",
                params![id, number],
                |r| r.get(0),
            )
            .optional()?
            .ok_or(StoreError::NoRevision {
                id: id.to_string(),
                number,
            })
    }

    /// A past revision of a campaign, by its number.
    pub fn revision(&self, id: &str, number: i64) -> Result<Stored> {
        let rid: Option<i64> = self
            .conn
            .query_row(
                "SELECT id FROM revisions WHERE campaign_id = ?1 AND number = ?2",
                params![id, number],
                |r| r.get(0),
            )
            .optional()?;
        match rid {
            Some(rid) => self.load_revision_by_id(rid),
            None => Err(StoreError::NoRevision {
                id: id.to_string(),
                number,
            }),
        }
    }

    /// Every revision of a campaign, newest first.
    pub fn history(&self, id: &str) -> Result<Vec<RevisionMeta>> {
        if !self.exists(id)? {
            return Err(StoreError::NotFound(id.to_string()));
        }
        let sql = format!(
            "SELECT {} FROM revisions WHERE campaign_id = ?1 ORDER BY number DESC",
            Self::REVISION_COLUMNS
        );
        let mut stmt = self.conn.prepare(&sql)?;
        let rows = stmt.query_map([id], Self::revision_meta_row)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Adds a new campaign as its first revision.
    pub fn create(&mut self, campaign: &Campaign, message: &str) -> Result<RevisionMeta> {
        self.writable()?;
        let prepared = Prepared::new(campaign.clone(), "")?;
        prepared.gate()?;
        let author = self.author.clone();
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        if campaign_exists(&tx, &campaign.id)? {
            return Err(StoreError::Exists(campaign.id.clone()));
        }
        let meta = write_revision(
            &tx,
            &prepared,
            &author,
            message,
            true,
            clock_now(&self.clock),
            Some(1),
        )?;
        tx.commit()?;
        Ok(meta)
    }

    /// Saves an edit as a new revision. `base` is the revision id the edit started from; if
    /// another save came first, nothing is overwritten: the edit is kept as a draft and a
    /// conflict is returned.
    pub fn save(&mut self, campaign: &Campaign, base: i64, message: &str) -> Result<RevisionMeta> {
        self.writable()?;
        let comment = self.leading_comment_of(base)?;
        let prepared = Prepared::new(campaign.clone(), &comment)?;
        prepared.gate()?;
        let author = self.author.clone();
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        let head: Option<i64> = tx
            .query_row(
                "SELECT head_revision FROM campaigns WHERE id = ?1",
                [&campaign.id],
                |r| r.get(0),
            )
            .optional()?;
        let head = head.ok_or_else(|| StoreError::NotFound(campaign.id.clone()))?;
        if head != base {
            upsert_draft(
                &tx,
                &campaign.id,
                &author,
                base,
                &prepared.ron,
                clock_now(&self.clock),
            )?;
            let (number, by, at): (i64, String, String) = tx.query_row(
                "SELECT number, author, created_at FROM revisions WHERE id = ?1",
                [head],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
            )?;
            tx.commit()?;
            return Err(StoreError::Conflict {
                id: campaign.id.clone(),
                number,
                by,
                at,
            });
        }
        let meta = write_revision(
            &tx,
            &prepared,
            &author,
            message,
            false,
            clock_now(&self.clock),
            None,
        )?;
        tx.execute(
            "DELETE FROM drafts WHERE campaign_id = ?1 AND author IN (?2, ?3)",
            params![campaign.id, author, schema::UNKNOWN_AUTHOR],
        )?;
        tx.commit()?;
        Ok(meta)
    }

    fn leading_comment_of(&self, revision_id: i64) -> Result<String> {
        leading_comment_in(&self.conn, revision_id)
    }

    /// Makes an old revision current again, as a new revision: history is never rewritten.
    /// The head is read inside the writing transaction, so two restores at once both land
    /// (one after the other) instead of one reporting a conflict. Drafts are left as they are.
    pub fn restore(&mut self, id: &str, number: i64) -> Result<RevisionMeta> {
        self.writable()?;
        let old = self.revision(id, number)?;
        let author = self.author.clone();
        let at = clock_now(&self.clock);
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        let (head, head_number, head_hash): (i64, i64, String) = tx
            .query_row(
                "SELECT c.head_revision, c.head_number, r.content_hash FROM campaigns c JOIN revisions r ON r.id = c.head_revision WHERE c.id = ?1",
                [id],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
            )
            .optional()?
            .ok_or_else(|| StoreError::NotFound(id.to_string()))?;
        let comment = leading_comment_in(&tx, head)?;
        let prepared = Prepared::new(old.campaign, &comment)?;
        // A restore that changes nothing would only add a copy of the current revision.
        if prepared.hash == head_hash {
            return Err(StoreError::AlreadyCurrent {
                id: id.to_string(),
                number,
                head: head_number,
            });
        }
        prepared.gate()?;
        let meta = write_revision(
            &tx,
            &prepared,
            &author,
            &format!("restored revision {number}"),
            false,
            at,
            None,
        )?;
        tx.commit()?;
        Ok(meta)
    }

    /// Moves a campaign to another status, enforcing the review gate.
    pub fn set_status(&mut self, id: &str, status: Status) -> Result<RevisionMeta> {
        let head = self.get(id)?;
        let mut c = head.campaign;
        let from = c.status;
        c.status = status;
        self.save(
            &c,
            head.revision.id,
            &format!("status: {} -> {}", from.label(), status.label()),
        )
    }

    pub fn rename(&mut self, id: &str, name: &str) -> Result<RevisionMeta> {
        let head = self.get(id)?;
        let mut c = head.campaign;
        c.name = name.to_string();
        self.save(&c, head.revision.id, "renamed")
    }

    /// Copies a campaign under a new id, as a draft.
    pub fn duplicate(&mut self, id: &str, new_id: &str, new_name: &str) -> Result<RevisionMeta> {
        let mut c = self.get(id)?.campaign;
        c.id = new_id.to_string();
        c.name = new_name.to_string();
        c.status = Status::Draft;
        self.create(&c, &format!("copied from {id}"))
    }

    /// Removes a campaign with its revisions and draft. Reviews keep their text.
    pub fn delete(&mut self, id: &str) -> Result<()> {
        self.writable()?;
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        tx.execute(
            "DELETE FROM revision_texts WHERE revision_id IN (SELECT id FROM revisions WHERE campaign_id = ?1)",
            [id],
        )?;
        tx.execute("DELETE FROM revisions WHERE campaign_id = ?1", [id])?;
        tx.execute("DELETE FROM drafts WHERE campaign_id = ?1", [id])?;
        let n = tx.execute("DELETE FROM campaigns WHERE id = ?1", [id])?;
        if n == 0 {
            return Err(StoreError::NotFound(id.to_string()));
        }
        tx.commit()?;
        Ok(())
    }

    pub fn ui_get(&self, key: &str) -> Result<Option<String>> {
        Ok(self
            .conn
            .query_row("SELECT value FROM ui_state WHERE key = ?1", [key], |r| {
                r.get(0)
            })
            .optional()?)
    }

    pub fn ui_set(&mut self, key: &str, value: &str) -> Result<()> {
        self.writable()?;
        self.conn.execute(
            "INSERT INTO ui_state (key, value) VALUES (?1, ?2) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
            params![key, value],
        )?;
        Ok(())
    }

    /// How many rows this store has inserted, changed or deleted since it was opened. A
    /// check of what was written (the fuzz harness's) can skip a store that wrote nothing.
    pub fn rows_written(&self) -> u64 {
        self.conn.total_changes()
    }

    /// `PRAGMA integrity_check`: "ok" when the file is sound.
    pub fn integrity_check(&self) -> Result<String> {
        Ok(self
            .conn
            .query_row("PRAGMA integrity_check", [], |r| r.get(0))?)
    }
}

/// The comment at the top of a revision's text ("" when there is none or no such revision).
fn leading_comment_in(conn: &Connection, revision_id: i64) -> Result<String> {
    let ron: Option<String> = conn
        .query_row(
            "SELECT ron FROM revision_texts WHERE revision_id = ?1",
            [revision_id],
            |r| r.get(0),
        )
        .optional()?;
    Ok(ron
        .map(|t| t[..ron_io::leading_comment_len(&t)].to_string())
        .unwrap_or_default())
}

/// The fixed clock if one is set, else the real time. A free function so it can be called while
/// a transaction borrows the connection.
fn clock_now(clock: &Option<String>) -> String {
    clock.clone().unwrap_or_else(now)
}

fn campaign_exists(conn: &Connection, id: &str) -> Result<bool> {
    Ok(conn
        .prepare_cached("SELECT 1 FROM campaigns WHERE id = ?1")?
        .query_row([id], |_| Ok(()))
        .optional()?
        .is_some())
}

/// Inserts a revision and points the campaign at it, inside the caller's transaction. `number`
/// is the revision number when the caller knows it (the head is always the highest, so an
/// import that looked up the head need not ask again); otherwise it is looked up.
pub(crate) fn write_revision(
    tx: &rusqlite::Transaction,
    p: &Prepared,
    author: &str,
    message: &str,
    new_campaign: bool,
    at: String,
    number: Option<i64>,
) -> Result<RevisionMeta> {
    // Cached statements: an import writes thousands of revisions in one transaction.
    let number: i64 = match number {
        Some(n) => n,
        None => tx
            .prepare_cached(
                "SELECT coalesce(max(number), 0) + 1 FROM revisions WHERE campaign_id = ?1",
            )?
            .query_row([&p.id], |r| r.get(0))?,
    };
    tx.prepare_cached(
        "INSERT INTO revisions (campaign_id, number, content_hash, author, message, created_at, status, errors, warnings, infos)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
    )?
    .execute(params![
        p.id, number, p.hash, author, message, at, status_key(p.status),
        p.counts.errors, p.counts.warnings, p.counts.infos
    ])?;
    let rid = tx.last_insert_rowid();
    tx.prepare_cached("INSERT INTO revision_texts (revision_id, ron) VALUES (?1, ?2)")?
        .execute(params![rid, p.ron])?;
    let row = params![
        p.id,
        p.name,
        status_key(p.status),
        channels_key(&p.channels),
        rid,
        p.counts.errors,
        p.counts.warnings,
        p.counts.infos,
        at,
        number,
        schema::sort_name(&p.name),
        status_rank(p.status),
        p.subject
    ];
    if new_campaign {
        tx.prepare_cached(
            "INSERT INTO campaigns (id, name, status, channels, head_revision, errors, warnings, infos, created_at, updated_at, head_number, sort_name, status_rank, head_subject)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?9, ?10, ?11, ?12, ?13)",
        )?
        .execute(row)?;
    } else {
        tx.prepare_cached(
            "UPDATE campaigns SET name = ?2, status = ?3, channels = ?4, head_revision = ?5, errors = ?6, warnings = ?7, infos = ?8, updated_at = ?9,
                    head_number = ?10, sort_name = ?11, status_rank = ?12, head_subject = ?13
             WHERE id = ?1",
        )?
        .execute(row)?;
    }
    Ok(RevisionMeta {
        id: rid,
        campaign_id: p.id.clone(),
        number,
        author: author.to_string(),
        message: message.to_string(),
        created_at: at,
        status: p.status,
        counts: p.counts,
        content_hash: p.hash.clone(),
    })
}
