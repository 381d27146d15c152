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
        let io = |e: std::io::Error| StoreError::Io {
            path: shown.clone(),
            message: format!(
                "{}. Check that its folder exists and that you may write there, or choose another file with --db or CANDOR_DB",
                clean(&e.to_string())
            ),
        };
        match std::fs::metadata(path) {
            Ok(meta) => {
                if meta.is_dir() {
                    return Err(StoreError::NotCandor {
                        path: shown,
                        what: "a folder".into(),
                    });
                }
                if meta.len() > 0 {
                    let mut head = [0u8; 16];
                    let n = std::fs::File::open(path)
                        .and_then(|mut f| f.read(&mut head))
                        .map_err(io)?;
                    if n < 16 || &head != SQLITE_MAGIC {
                        return Err(StoreError::NotCandor {
                            path: shown,
                            what: "not a SQLite file".into(),
                        });
                    }
                }
                if meta.permissions().readonly() {
                    return Err(StoreError::ReadOnly { path: shown });
                }
            }
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                create_private(path).map_err(io)?
            }
            Err(e) => return Err(io(e)),
        }
        let conn = Connection::open_with_flags(
            path,
            OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )?;
        conn.busy_timeout(BUSY_TIMEOUT)?;
        let app_id: i32 = conn.pragma_query_value(None, "application_id", |r| r.get(0))?;
        let version: i64 = conn.pragma_query_value(None, "user_version", |r| r.get(0))?;
        let tables: i64 = conn.query_row("SELECT count(*) FROM sqlite_master", [], |r| r.get(0))?;
        if app_id != APPLICATION_ID && (tables > 0 || version > 0) {
            return Err(StoreError::NotCandor {
                path: shown,
                what: "another program's SQLite database".into(),
            });
        }
        if version > latest_version() {
            return Err(StoreError::NewerSchema {
                path: shown,
                found: version,
                supported: latest_version(),
            });
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
        };
        let fresh = store.migrate(version)?;
        if fresh && seed {
            store.seed_samples()?;
        }
        Ok(store)
    }

    /// Runs pending migrations; returns whether the database was brand new.
    fn migrate(&mut self, from: i64) -> Result<bool> {
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
        for sql in &schema::MIGRATIONS[current as usize..] {
            tx.execute_batch(sql)?;
        }
        tx.pragma_update(None, "user_version", latest_version())?;
        tx.pragma_update(None, "application_id", APPLICATION_ID)?;
        tx.commit()?;
        Ok(from == 0 && current == 0)
    }
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
