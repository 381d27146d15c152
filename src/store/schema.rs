//! The database schema, as numbered migrations. `PRAGMA user_version` records how many have run;
//! a database with a higher number was written by a newer Candor and is left alone.
//!
//! Reviewers can read everything with the `sqlite3` tool; the README documents each table.

/// `PRAGMA application_id` of a Candor database ("CAND" in ASCII), so that Candor never mistakes
/// another program's SQLite file for its own.
pub const APPLICATION_ID: i32 = 0x4341_4e44;

/// One step of the schema: SQL, then (optionally) Rust for what SQL cannot compute.
pub struct Migration {
    pub sql: &'static str,
    pub then: Option<fn(&rusqlite::Transaction) -> rusqlite::Result<()>>,
}

/// Migration `i` takes the schema from version `i` to `i + 1`. Append only; never edit one that
/// has shipped.
pub const MIGRATIONS: &[Migration] = &[
    // 1: library, revisions, drafts, reviews, small UI state.
    Migration {
        sql: r#"
    CREATE TABLE campaigns (
        id            TEXT PRIMARY KEY,
        name          TEXT NOT NULL,
        status        TEXT NOT NULL,
        channels      TEXT NOT NULL,
        head_revision INTEGER NOT NULL,
        errors        INTEGER NOT NULL,
        warnings      INTEGER NOT NULL,
        infos         INTEGER NOT NULL,
        created_at    TEXT NOT NULL,
        updated_at    TEXT NOT NULL
    );
    CREATE INDEX campaigns_updated ON campaigns(updated_at DESC, id);

    CREATE TABLE revisions (
        id           INTEGER PRIMARY KEY AUTOINCREMENT,
        campaign_id  TEXT NOT NULL REFERENCES campaigns(id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
        number       INTEGER NOT NULL,
        ron          TEXT NOT NULL,
        content_hash TEXT NOT NULL,
        author       TEXT NOT NULL,
        message      TEXT NOT NULL DEFAULT '',
        created_at   TEXT NOT NULL,
        status       TEXT NOT NULL,
        errors       INTEGER NOT NULL,
        warnings     INTEGER NOT NULL,
        infos        INTEGER NOT NULL,
        UNIQUE (campaign_id, number)
    );

    CREATE TABLE drafts (
        campaign_id   TEXT PRIMARY KEY REFERENCES campaigns(id) ON DELETE CASCADE,
        base_revision INTEGER NOT NULL,
        ron           TEXT NOT NULL,
        updated_at    TEXT NOT NULL
    );

    CREATE TABLE reviews (
        id          INTEGER PRIMARY KEY AUTOINCREMENT,
        file_hash   TEXT NOT NULL,
        file_path   TEXT NOT NULL DEFAULT '',
        campaign_id TEXT,
        revision_id INTEGER REFERENCES revisions(id) ON DELETE SET NULL,
        decision    TEXT NOT NULL CHECK (decision IN ('approve', 'request_changes')),
        notes       TEXT NOT NULL DEFAULT '',
        reviewer    TEXT NOT NULL,
        created_at  TEXT NOT NULL,
        ron         TEXT NOT NULL
    );
    CREATE INDEX reviews_hash ON reviews(file_hash);
    CREATE INDEX reviews_campaign ON reviews(campaign_id);

    CREATE TABLE ui_state (
        key   TEXT PRIMARY KEY,
        value TEXT NOT NULL
    );
    "#,
        then: None,
    },
    // 2: the library is read without touching revision text. A list reads only `campaigns`
    // (the head's number, a sortable name and status rank are kept there, every sort has an
    // index); the RON text moves to `revision_texts`, which only opening a revision reads.
    // Drafts belong to an author: two people editing one campaign keep their own.
    Migration {
        sql: r#"
    CREATE TABLE revision_texts (
        revision_id INTEGER PRIMARY KEY REFERENCES revisions(id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
        ron         TEXT NOT NULL
    );
    INSERT INTO revision_texts (revision_id, ron) SELECT id, ron FROM revisions;
    ALTER TABLE revisions DROP COLUMN ron;
    CREATE INDEX revisions_hash ON revisions(content_hash);

    ALTER TABLE campaigns ADD COLUMN head_number INTEGER NOT NULL DEFAULT 0;
    ALTER TABLE campaigns ADD COLUMN sort_name TEXT NOT NULL DEFAULT '';
    ALTER TABLE campaigns ADD COLUMN status_rank INTEGER NOT NULL DEFAULT 0;
    UPDATE campaigns SET head_number = (SELECT r.number FROM revisions r WHERE r.id = campaigns.head_revision),
        status_rank = CASE status WHEN 'Draft' THEN 0 WHEN 'InReview' THEN 1 WHEN 'Approved' THEN 2
                                  WHEN 'Published' THEN 3 ELSE 4 END;
    CREATE INDEX campaigns_name ON campaigns(sort_name, id);
    CREATE INDEX campaigns_status ON campaigns(status_rank, sort_name, id);
    CREATE INDEX campaigns_errors ON campaigns(errors DESC, warnings DESC, id);
    CREATE INDEX campaigns_warnings ON campaigns(warnings DESC, errors DESC, id);

    -- The library's size, kept by triggers: counting 100,000 rows for every first screen
    -- would cost more than everything else on it.
    CREATE TABLE library_size (
        one       INTEGER PRIMARY KEY CHECK (one = 1),
        campaigns INTEGER NOT NULL
    );
    INSERT INTO library_size (one, campaigns) SELECT 1, count(*) FROM campaigns;
    CREATE TRIGGER campaigns_added AFTER INSERT ON campaigns
        BEGIN UPDATE library_size SET campaigns = campaigns + 1; END;
    CREATE TRIGGER campaigns_removed AFTER DELETE ON campaigns
        BEGIN UPDATE library_size SET campaigns = campaigns - 1; END;

    DROP INDEX reviews_campaign;
    CREATE INDEX reviews_latest ON reviews(campaign_id, created_at DESC, id DESC);

    CREATE TABLE drafts_by_author (
        campaign_id   TEXT NOT NULL REFERENCES campaigns(id) ON DELETE CASCADE,
        author        TEXT NOT NULL,
        base_revision INTEGER NOT NULL,
        ron           TEXT NOT NULL,
        updated_at    TEXT NOT NULL,
        PRIMARY KEY (campaign_id, author)
    );
    INSERT INTO drafts_by_author (campaign_id, author, base_revision, ron, updated_at)
        SELECT campaign_id, '', base_revision, ron, updated_at FROM drafts;
    DROP TABLE drafts;
    ALTER TABLE drafts_by_author RENAME TO drafts;
    "#,
        then: Some(fill_sort_names),
    },
    // 3: a review covers a text, not a revision number: a hash of the campaign with its status
    // left out (`store::subject_hash`) is kept on each review and, for the head revision, on
    // the campaign row (where the library reads it without touching revisions), so an approval
    // survives the status moving on and a restore of the approved text.
    Migration {
        sql: r#"
    ALTER TABLE campaigns ADD COLUMN head_subject TEXT NOT NULL DEFAULT '';
    ALTER TABLE reviews ADD COLUMN subject_hash TEXT NOT NULL DEFAULT '';
    "#,
        then: Some(fill_subject_hashes),
    },
];

/// Drafts kept by a Candor before drafts had authors are stored with this author: anyone may
/// restore them, and the prompt says their author is not known.
pub const UNKNOWN_AUTHOR: &str = "";

/// The key the library sorts names by: case-folded the way Rust folds, which SQLite's `lower`
/// does not do beyond ASCII.
pub fn sort_name(name: &str) -> String {
    name.to_lowercase()
}

fn fill_sort_names(tx: &rusqlite::Transaction) -> rusqlite::Result<()> {
    let rows: Vec<(String, String)> = tx
        .prepare("SELECT id, name FROM campaigns")?
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<rusqlite::Result<_>>()?;
    let mut update = tx.prepare("UPDATE campaigns SET sort_name = ?2 WHERE id = ?1")?;
    for (id, name) in rows {
        update.execute([id, sort_name(&name)])?;
    }
    Ok(())
}

/// Hashes every head revision and every review, a batch of rows at a time in rowid order, so
/// a library of 100,000 campaigns never holds more than one batch of texts in memory.
fn fill_subject_hashes(tx: &rusqlite::Transaction) -> rusqlite::Result<()> {
    const BATCH: i64 = 500;
    for (read, write) in [
        (
            "SELECT c.rowid, t.ron FROM campaigns c JOIN revision_texts t ON t.revision_id = c.head_revision
             WHERE c.rowid > ?1 ORDER BY c.rowid LIMIT ?2",
            "UPDATE campaigns SET head_subject = ?2 WHERE rowid = ?1",
        ),
        (
            "SELECT id, ron FROM reviews WHERE id > ?1 ORDER BY id LIMIT ?2",
            "UPDATE reviews SET subject_hash = ?2 WHERE id = ?1",
        ),
    ] {
        let mut select = tx.prepare(read)?;
        let mut update = tx.prepare(write)?;
        let mut after = i64::MIN;
        loop {
            let rows: Vec<(i64, String)> = select
                .query_map([after, BATCH], |r| Ok((r.get(0)?, r.get(1)?)))?
                .collect::<rusqlite::Result<_>>()?;
            let Some(&(last, _)) = rows.last() else {
                break;
            };
            for (rowid, text) in rows {
                update.execute(rusqlite::params![rowid, super::subject_hash(&text)])?;
            }
            after = last;
        }
    }
    Ok(())
}

pub fn latest_version() -> i64 {
    MIGRATIONS.len() as i64
}
