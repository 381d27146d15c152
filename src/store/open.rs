//! Opening a database: refusing what is not Candor's, creating it private, migrating it.

use super::*;

const SQLITE_MAGIC: &[u8; 16] = b"SQLite format 3\0";

impl Store {
    /// Opens (creating and seeding it if needed) the database at `path`. A file that is not a
    /// Candor database, or one written by a newer Candor, is refused and left untouched.
    pub fn open(path: &Path) -> Result<Store> {
        Self::open_with(path, true)
    }

    /// Like [`Store::open`], but a new database is left empty instead of seeded.
    pub fn open_unseeded(path: &Path) -> Result<Store> {
        Self::open_with(path, false)
    }

    fn open_with(path: &Path, seed: bool) -> Result<Store> {
        let shown = clean(&path.display().to_string());
        let created = match inspect(path)? {
            Found::Missing => {
                create_library(path, seed)?;
                true
            }
            Found::Empty => {
                return Err(StoreError::NotCandor {
                    path: shown,
                    what: "an empty file; if it was your library, it was emptied outside Candor. Move it away (or delete it) to start a new library there".into(),
                });
            }
            Found::Database { read_only: true } => {
                return Err(StoreError::ReadOnly {
                    path: shown,
                    why: "the file is read-only".into(),
                });
            }
            Found::Database { read_only: false } => false,
        };
        let conn = Connection::open_with_flags(
            path,
            OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )?;
        conn.busy_timeout(BUSY_TIMEOUT)?;
        let version = check_identity(&conn, &shown, created)?;
        // Before anything is written: a damaged small library is refused whole (large ones
        // would make every start slow; SQLite still reports damage where it meets it).
        if !created && std::fs::metadata(path).is_ok_and(|m| m.len() <= QUICK_CHECK_UP_TO) {
            quick_check(&conn, &shown)?;
        }
        let mode: String =
            conn.pragma_update_and_check(None, "journal_mode", "WAL", |r| r.get(0))?;
        if !mode.eq_ignore_ascii_case("wal") {
            return Err(StoreError::Io {
                path: shown,
                message: format!(
                    "could not switch to WAL mode (got {mode}); network and some virtual file systems do not support it. Keep the database on a local disk (--db PATH)"
                ),
            });
        }
        conn.pragma_update(None, "synchronous", "FULL")?;
        conn.pragma_update(None, "foreign_keys", "ON")?;
        // Plans never depend on bound values (Candor never runs ANALYZE), so a cached statement
        // must not be compiled again each time it gets a new id; without this, the bundled
        // SQLite's STAT4 build re-prepares every lookup by id.
        conn.set_db_config(DbConfig::SQLITE_DBCONFIG_ENABLE_QPSG, true)?;
        let mut store = Store {
            conn,
            path: path.to_path_buf(),
            author: default_author(),
            clock: None,
            read_only: None,
            created,
            file_id: file_id(path),
            busy_wait: BUSY_TIMEOUT,
            _scratch: None,
        };
        store.migrate(version)?;
        Ok(store)
    }

    /// Opens an existing database for reading only: nothing is ever written to it (its bytes
    /// and modification time stay as they are), so a library on a read-only share, or a copy
    /// given to a reviewer, can be browsed. `why` is shown in the read-only banner. A library
    /// written by an older Candor is brought forward in a private copy, never in place.
    pub fn open_read_only(path: &Path, why: &str) -> Result<Store> {
        let shown = clean(&path.display().to_string());
        match inspect(path)? {
            Found::Missing => {
                return Err(StoreError::Io {
                    path: shown,
                    message: "there is no library there. Check the path (--db or CANDOR_DB)".into(),
                });
            }
            Found::Empty => {
                return Err(StoreError::NotCandor {
                    path: shown,
                    what: "an empty file".into(),
                });
            }
            Found::Database { .. } => {}
        }
        // A library nobody can write is read as it is on disk, leaving no journal files beside
        // it; one that may be written (by a TUI open elsewhere) is read with SQLite's locks.
        let fixed = why_not_writable(path).is_some();
        let conn = open_reading(path, fixed)?;
        let version = check_identity(&conn, &shown, false)?;
        let (conn, scratch) = if version < latest_version() {
            // Brought forward in a copy: `VACUUM INTO` reads the library and writes only the copy.
            let scratch = tempfile::tempdir().map_err(|e| io_error(&shown, &e))?;
            let copy = scratch.path().join("upgraded.db");
            conn.execute("VACUUM INTO ?1", [copy.to_string_lossy()])?;
            drop(conn);
            drop(Store::open_unseeded(&copy)?);
            (open_reading(&copy, false)?, Some(scratch))
        } else {
            (conn, None)
        };
        conn.pragma_update(None, "foreign_keys", "ON")?;
        conn.set_db_config(DbConfig::SQLITE_DBCONFIG_ENABLE_QPSG, true)?;
        Ok(Store {
            conn,
            path: path.to_path_buf(),
            author: default_author(),
            clock: None,
            read_only: Some(why.to_string()),
            created: false,
            file_id: None,
            busy_wait: BUSY_TIMEOUT,
            _scratch: scratch,
        })
    }

    /// Opens the library read-only when it cannot be written (the file or its folder), and for
    /// writing otherwise; a missing library is created and seeded. What `candor` (the TUI) and
    /// `candor review` use, so a library on a read-only share opens with a banner instead of
    /// an error.
    pub fn open_best(path: &Path) -> Result<Store> {
        match why_not_writable(path) {
            Some(why) => Self::open_read_only(path, &why),
            None => Self::open(path),
        }
    }

    /// Why the library is read-only, when it is.
    pub fn read_only(&self) -> Option<&str> {
        self.read_only.as_deref()
    }

    /// Whether this open created the library (a new file, seeded unless asked not to).
    pub fn created(&self) -> bool {
        self.created
    }

    /// Refuses a write on a read-only library, saying why, before anything is attempted.
    /// Also refuses when the library file is no longer the one opened (deleted, or replaced,
    /// with its folder, say): SQLite would go on writing to the unlinked file and every save
    /// would be lost on exit.
    pub(crate) fn writable(&self) -> Result<()> {
        let path = || clean(&self.path.display().to_string());
        if let Some(why) = &self.read_only {
            return Err(StoreError::ReadOnly {
                path: path(),
                why: why.clone(),
            });
        }
        if self.file_id.is_some() && file_id(&self.path) != self.file_id {
            return Err(StoreError::Gone { path: path() });
        }
        Ok(())
    }

    /// Runs pending migrations on a library made by an older Candor. (A new library is made
    /// whole, samples included, by `create_library`, so it never needs them.)
    fn migrate(&mut self, from: i64) -> Result<()> {
        if from == latest_version() {
            return Ok(()); // nothing to do: no write, no lock
        }
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        // Another process may have migrated while we waited for the lock.
        let current: i64 = tx.pragma_query_value(None, "user_version", |r| r.get(0))?;
        if current > latest_version() {
            return Err(StoreError::NewerSchema {
                path: clean(&self.path.display().to_string()),
                found: current,
                supported: latest_version(),
            });
        }
        apply_migrations(&tx, current)?;
        tx.commit()?;
        Ok(())
    }
}

fn apply_migrations(tx: &rusqlite::Transaction, current: i64) -> Result<()> {
    for step in &schema::MIGRATIONS[current as usize..] {
        tx.execute_batch(step.sql)?;
        if let Some(then) = step.then {
            then(tx)?;
        }
    }
    tx.pragma_update(None, "user_version", latest_version())?;
    tx.pragma_update(None, "application_id", APPLICATION_ID)?;
    Ok(())
}

fn seed_into(tx: &rusqlite::Transaction, at: &str) -> Result<()> {
    for (p, demoted) in samples_prepared()? {
        import_export::write_import(tx, p, demoted, "candor", "sample campaign", at)?;
    }
    Ok(())
}

/// Creates a new library whole, or not at all: the schema and the samples are written to a
/// private file beside `path`, made durable, then linked into place. A first run cut short
/// (kill -9, a power cut) leaves no file at `path`, never an empty or half-made one; if another
/// Candor created the library meanwhile, theirs is kept.
fn create_library(path: &Path, seed: bool) -> Result<()> {
    let shown = clean(&path.display().to_string());
    let io = |e: std::io::Error| io_error(&shown, &e);
    let dir = path
        .parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "candor.db".into());
    let prefix = format!(".{name}.new-");
    // What a first run killed earlier left behind (older than a minute: not one in progress).
    if let Ok(entries) = std::fs::read_dir(dir) {
        for e in entries.flatten() {
            let stale = e.file_name().to_string_lossy().starts_with(&prefix)
                && e.metadata()
                    .and_then(|m| m.modified())
                    .is_ok_and(|t| t.elapsed().is_ok_and(|a| a.as_secs() > 60));
            if stale {
                let _ = std::fs::remove_file(e.path());
            }
        }
    }
    let tmp = dir.join(format!("{prefix}{}", std::process::id()));
    let _ = std::fs::remove_file(&tmp);
    create_private(&tmp).map_err(io)?;
    let built = (|| -> Result<()> {
        let mut conn = Connection::open_with_flags(
            &tmp,
            OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )?;
        conn.pragma_update(None, "synchronous", "FULL")?;
        conn.pragma_update(None, "foreign_keys", "ON")?;
        let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
        apply_migrations(&tx, 0)?;
        if seed {
            seed_into(&tx, &super::now())?;
        }
        tx.commit()?;
        drop(conn);
        std::fs::File::open(&tmp)
            .and_then(|f| f.sync_all())
            .map_err(io)?;
        // Linking fails when the name exists: another Candor got there first, and its library
        // is as whole as this one.
        match std::fs::hard_link(&tmp, path) {
            Ok(()) => {}
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {}
            Err(_) => std::fs::rename(&tmp, path).map_err(io)?,
        }
        #[cfg(unix)]
        if let Ok(d) = std::fs::File::open(dir) {
            let _ = d.sync_all();
        }
        Ok(())
    })();
    let _ = std::fs::remove_file(&tmp);
    built
}

/// Libraries up to this size are checked (`PRAGMA quick_check`) each time they are opened for
/// writing: about 10 ms for 4 MB.
const QUICK_CHECK_UP_TO: u64 = 16 << 20;

fn quick_check(conn: &Connection, shown: &str) -> Result<()> {
    let mut stmt = conn.prepare("PRAGMA quick_check(5)")?;
    let lines: Vec<String> = stmt
        .query_map([], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    if lines.len() == 1 && lines[0] == "ok" {
        return Ok(());
    }
    Err(StoreError::Damaged {
        path: shown.to_string(),
        detail: clean(&lines.join("; ")),
    })
}

/// The device and inode of the file at `path` (None where there is no such file, or off Unix).
fn file_id(path: &Path) -> Option<(u64, u64)> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        std::fs::metadata(path).ok().map(|m| (m.dev(), m.ino()))
    }
    #[cfg(not(unix))]
    {
        let _ = path;
        None
    }
}

/// What is at a library's path.
enum Found {
    Missing,
    Empty,
    Database { read_only: bool },
}

/// Looks at the path without opening it as a database: a folder, a file that is not SQLite, or
/// something that is not a regular file is refused here, before SQLite touches it.
fn inspect(path: &Path) -> Result<Found> {
    let shown = clean(&path.display().to_string());
    let meta = match std::fs::metadata(path) {
        Ok(m) => m,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Found::Missing),
        Err(e) => return Err(io_error(&shown, &e)),
    };
    if meta.is_dir() {
        return Err(StoreError::NotCandor {
            path: shown,
            what: "a folder".into(),
        });
    }
    if !meta.is_file() {
        return Err(StoreError::NotCandor {
            path: shown,
            what: "not a regular file (a device, a pipe or a socket)".into(),
        });
    }
    if meta.len() == 0 {
        return Ok(Found::Empty);
    }
    let mut head = [0u8; 16];
    let n = std::fs::File::open(path)
        .and_then(|mut f| f.read(&mut head))
        .map_err(|e| io_error(&shown, &e))?;
    if n < 16 || &head != SQLITE_MAGIC {
        return Err(StoreError::NotCandor {
            path: shown,
            what: "not a SQLite file".into(),
        });
    }
    Ok(Found::Database {
        read_only: meta.permissions().readonly(),
    })
}

/// Why a library cannot be written, if it cannot: the file's permissions, or a folder where
/// SQLite cannot create its journal. Nothing is written to find out.
pub fn why_not_writable(path: &Path) -> Option<String> {
    let meta = std::fs::metadata(path).ok()?;
    if !meta.is_file() {
        return None; // `open` says what it is
    }
    if meta.permissions().readonly() {
        return Some("the file is read-only".into());
    }
    if let Err(e) = std::fs::OpenOptions::new().append(true).open(path) {
        return Some(format!(
            "the file cannot be written: {}",
            clean(&e.to_string())
        ));
    }
    let dir = path
        .parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    if std::fs::metadata(dir).is_ok_and(|m| m.permissions().readonly()) {
        return Some("its folder is read-only".into());
    }
    None
}

/// A read-only connection. `fixed`: nobody can write the file, so it is opened as immutable
/// (read as it is on disk, with no locks and no journal files created beside it, which a
/// read-only folder would refuse anyway). Otherwise, when SQLite cannot create the
/// shared-memory file a WAL database needs even to be read, immutable is the fallback too.
fn open_reading(path: &Path, fixed: bool) -> Result<Connection> {
    let flags = OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX;
    let immutable = || -> Result<Connection> {
        let uri = format!("file:{}?immutable=1", uri_path(path));
        let conn = Connection::open_with_flags(uri, flags | OpenFlags::SQLITE_OPEN_URI)?;
        conn.query_row("SELECT count(*) FROM sqlite_master", [], |r| {
            r.get::<_, i64>(0)
        })?;
        Ok(conn)
    };
    // Immutable reads skip the write-ahead log: only right when it holds nothing (a library
    // closed cleanly has none).
    let mut wal = path.as_os_str().to_owned();
    wal.push("-wal");
    let wal_empty = std::fs::metadata(&wal).map_or(true, |m| m.len() == 0);
    if fixed && wal_empty {
        return immutable();
    }
    let conn = Connection::open_with_flags(path, flags)?;
    conn.busy_timeout(BUSY_TIMEOUT)?;
    match conn.query_row("SELECT count(*) FROM sqlite_master", [], |r| {
        r.get::<_, i64>(0)
    }) {
        Ok(_) => Ok(conn),
        Err(_) => {
            drop(conn);
            immutable()
        }
    }
}

/// A path as the path part of a `file:` URI: absolute, with `%`, `?` and `#` escaped.
fn uri_path(path: &Path) -> String {
    let abs = std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf());
    let mut out = String::new();
    for b in abs.to_string_lossy().bytes() {
        match b {
            b'%' | b'?' | b'#' => out.push_str(&format!("%{b:02X}")),
            _ => out.push(char::from(b)),
        }
    }
    out
}

/// Refuses another program's database and one written by a newer Candor; returns the schema
/// version. A file without Candor's mark is taken only when this open just created it.
fn check_identity(conn: &Connection, shown: &str, created: bool) -> Result<i64> {
    let app_id: i32 = conn.pragma_query_value(None, "application_id", |r| r.get(0))?;
    let version: i64 = conn.pragma_query_value(None, "user_version", |r| r.get(0))?;
    if app_id != APPLICATION_ID && !created {
        let tables: i64 = conn.query_row("SELECT count(*) FROM sqlite_master", [], |r| r.get(0))?;
        return Err(StoreError::NotCandor {
            path: shown.to_string(),
            what: if tables == 0 && version == 0 {
                "an empty SQLite database that Candor did not create".into()
            } else {
                "another program's SQLite database".into()
            },
        });
    }
    if version > latest_version() {
        return Err(StoreError::NewerSchema {
            path: shown.to_string(),
            found: version,
            supported: latest_version(),
        });
    }
    Ok(version)
}

fn io_error(shown: &str, e: &std::io::Error) -> StoreError {
    StoreError::Io {
        path: shown.to_string(),
        message: format!(
            "{}. Check that its folder exists and that you may write there, or choose another file with --db or CANDOR_DB",
            clean(&e.to_string())
        ),
    }
}

/// The bundled samples, read and checked, ready to write.
pub(super) fn samples_prepared() -> Result<Vec<(Prepared, Option<crate::model::Status>)>> {
    let mut batch = Vec::new();
    for (name, text) in crate::samples::SAMPLES {
        let doc = ron_io::load_str(name, text).map_err(|error| StoreError::Corrupt {
            error: Box::new(error),
            id: name.to_string(),
            number: 0,
        })?;
        let ron = ron_io::document_text(&doc.campaign, &doc.leading_comment)?;
        batch.push(Prepared::for_import(doc.campaign, ron)?);
    }
    Ok(batch)
}

/// Creates the database file readable by its owner only, in a folder only its owner can enter.
fn create_private(path: &Path) -> std::io::Result<()> {
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty())
        && !dir.exists()
    {
        let mut b = std::fs::DirBuilder::new();
        b.recursive(true);
        #[cfg(unix)]
        std::os::unix::fs::DirBuilderExt::mode(&mut b, 0o700);
        b.create(dir)?;
    }
    let mut o = std::fs::OpenOptions::new();
    o.write(true).create_new(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut o, 0o600);
    o.open(path)?;
    Ok(())
}
