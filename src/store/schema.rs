//! The database schema, as numbered migrations. `PRAGMA user_version` records how many have run;
//! a database with a higher number was written by a newer Candor and is left alone.
//!
//! Reviewers can read everything with the `sqlite3` tool; the README documents each table.

/// `PRAGMA application_id` of a Candor database ("CAND" in ASCII), so that Candor never mistakes
/// another program's SQLite file for its own.
pub const APPLICATION_ID: i32 = 0x4341_4e44;

/// Migration `i` takes the schema from version `i` to `i + 1`. Append only; never edit one that
/// has shipped.
pub const MIGRATIONS: &[&str] = &[
    // 1: library, revisions, drafts, reviews, small UI state.
    r#"
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
];

pub fn latest_version() -> i64 {
    MIGRATIONS.len() as i64
}
