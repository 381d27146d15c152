//! Drafts: unsaved edits, autosaved apart from revisions, one per campaign.

use super::*;

/// Unsaved edits, autosaved apart from revisions.
#[derive(Debug, Clone)]
pub struct Draft {
    pub campaign_id: String,
    /// The revision the edits started from.
    pub base_revision: i64,
    pub campaign: Campaign,
    pub updated_at: String,
}

impl Store {
    /// Autosaves unsaved edits. Cheap enough to run a couple of seconds after every burst of typing.
    pub fn save_draft(&mut self, campaign: &Campaign, base: i64) -> Result<()> {
        let ron = ron_io::to_ron(campaign)?;
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        if !campaign_exists(&tx, &campaign.id)? {
            return Err(StoreError::NotFound(campaign.id.clone()));
        }
        upsert_draft(&tx, &campaign.id, base, &ron, clock_now(&self.clock))?;
        tx.commit()?;
        Ok(())
    }

    pub fn draft(&self, id: &str) -> Result<Option<Draft>> {
        let row: Option<(i64, String, String)> = self
            .conn
            .query_row(
                "SELECT base_revision, ron, updated_at FROM drafts WHERE campaign_id = ?1",
                [id],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
            )
            .optional()?;
        let Some((base_revision, ron, updated_at)) = row else {
            return Ok(None);
        };
        let doc = ron_io::load_str(&format!("{id} draft"), &ron).map_err(|error| {
            StoreError::Corrupt {
                id: id.to_string(),
                number: 0,
                error: Box::new(error),
            }
        })?;
        Ok(Some(Draft {
            campaign_id: id.to_string(),
            base_revision,
            campaign: doc.campaign,
            updated_at,
        }))
    }

    /// Campaign ids that have unsaved drafts, most recent first.
    pub fn drafts(&self) -> Result<Vec<String>> {
        let mut stmt = self
            .conn
            .prepare("SELECT campaign_id FROM drafts ORDER BY updated_at DESC")?;
        let rows = stmt.query_map([], |r| r.get(0))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    pub fn discard_draft(&mut self, id: &str) -> Result<()> {
        self.conn
            .execute("DELETE FROM drafts WHERE campaign_id = ?1", [id])?;
        Ok(())
    }
}

pub(super) fn upsert_draft(
    tx: &rusqlite::Transaction,
    id: &str,
    base: i64,
    ron: &str,
    at: String,
) -> Result<()> {
    tx.execute(
        "INSERT INTO drafts (campaign_id, base_revision, ron, updated_at) VALUES (?1, ?2, ?3, ?4)
         ON CONFLICT(campaign_id) DO UPDATE SET base_revision = excluded.base_revision, ron = excluded.ron, updated_at = excluded.updated_at",
        params![id, base, ron, at],
    )?;
    Ok(())
}
