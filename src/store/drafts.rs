//! Drafts: unsaved edits, autosaved apart from revisions, one per campaign and author, so two
//! people editing the same campaign never overwrite each other's crash recovery.

use super::*;

/// Unsaved edits, autosaved apart from revisions.
#[derive(Debug, Clone)]
pub struct Draft {
    pub campaign_id: String,
    /// Whose edits these are; empty for a draft kept by a Candor that did not record authors.
    pub author: String,
    /// The revision the edits started from.
    pub base_revision: i64,
    pub campaign: Campaign,
    pub updated_at: String,
}

impl Draft {
    /// Whether the draft records whose it is (an older Candor kept drafts without an author).
    pub fn author_known(&self) -> bool {
        self.author != schema::UNKNOWN_AUTHOR
    }
}

impl Store {
    /// Autosaves unsaved edits as the current author's draft. Cheap enough to run a couple of
    /// seconds after every burst of typing.
    pub fn save_draft(&mut self, campaign: &Campaign, base: i64) -> Result<()> {
        self.writable()?;
        let ron = ron_io::to_ron(campaign)?;
        let author = self.author.clone();
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        if !campaign_exists(&tx, &campaign.id)? {
            return Err(StoreError::NotFound(campaign.id.clone()));
        }
        upsert_draft(
            &tx,
            &campaign.id,
            &author,
            base,
            &ron,
            clock_now(&self.clock),
        )?;
        tx.commit()?;
        Ok(())
    }

    /// The current author's draft of a campaign or, failing that, one an older Candor kept
    /// without an author. Other people's drafts are theirs: see [`Store::others_drafts`].
    pub fn draft(&self, id: &str) -> Result<Option<Draft>> {
        let row: Option<(String, i64, String, String)> = self
            .conn
            .query_row(
                "SELECT author, base_revision, ron, updated_at FROM drafts
                 WHERE campaign_id = ?1 AND author IN (?2, ?3)
                 ORDER BY author = ?2 DESC LIMIT 1",
                params![id, self.author, schema::UNKNOWN_AUTHOR],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)),
            )
            .optional()?;
        let Some((author, base_revision, ron, updated_at)) = row else {
            return Ok(None);
        };
        // Edits in progress need not be a finished campaign (a name cleared to be retyped).
        let (campaign, _) =
            ron_io::parse_unfinished(&format!("{id} draft"), &ron).map_err(|error| {
                StoreError::Corrupt {
                    id: id.to_string(),
                    number: 0,
                    error: Box::new(error),
                }
            })?;
        Ok(Some(Draft {
            campaign_id: id.to_string(),
            author,
            base_revision,
            campaign,
            updated_at,
        }))
    }

    /// Who else has unsaved edits to a campaign, with when they were last autosaved.
    pub fn others_drafts(&self, id: &str) -> Result<Vec<(String, String)>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT author, updated_at FROM drafts WHERE campaign_id = ?1 AND author NOT IN (?2, ?3)
             ORDER BY updated_at DESC",
        )?;
        let rows = stmt.query_map(params![id, self.author, schema::UNKNOWN_AUTHOR], |r| {
            Ok((r.get(0)?, r.get(1)?))
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Campaign ids the current author has drafts of, most recent first.
    pub fn drafts(&self) -> Result<Vec<String>> {
        let mut stmt = self.conn.prepare(
            "SELECT campaign_id FROM drafts WHERE author IN (?1, ?2) GROUP BY campaign_id
             ORDER BY max(updated_at) DESC",
        )?;
        let rows = stmt.query_map(params![self.author, schema::UNKNOWN_AUTHOR], |r| r.get(0))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Removes the current author's draft (and one without an author, which is what
    /// [`Store::draft`] offered). Other people's drafts stay.
    pub fn discard_draft(&mut self, id: &str) -> Result<()> {
        self.writable()?;
        self.conn.execute(
            "DELETE FROM drafts WHERE campaign_id = ?1 AND author IN (?2, ?3)",
            params![id, self.author, schema::UNKNOWN_AUTHOR],
        )?;
        Ok(())
    }
}

pub(super) fn upsert_draft(
    tx: &rusqlite::Transaction,
    id: &str,
    author: &str,
    base: i64,
    ron: &str,
    at: String,
) -> Result<()> {
    tx.execute(
        "INSERT INTO drafts (campaign_id, author, base_revision, ron, updated_at) VALUES (?1, ?2, ?3, ?4, ?5)
         ON CONFLICT(campaign_id, author) DO UPDATE SET base_revision = excluded.base_revision, ron = excluded.ron, updated_at = excluded.updated_at",
        params![id, author, base, ron, at],
    )?;
    Ok(())
}
