//! Reviewers' decisions on RON files and library revisions.

use super::*;

#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
pub enum Decision {
    Approve,
    RequestChanges,
}

impl Decision {
    /// How the library records it, and how JSON output writes it.
    pub fn key(self) -> &'static str {
        match self {
            Decision::Approve => "approve",
            Decision::RequestChanges => "request_changes",
        }
    }

    pub(super) fn parse(s: &str) -> Decision {
        if s == "approve" {
            Decision::Approve
        } else {
            Decision::RequestChanges
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Decision::Approve => "approved",
            Decision::RequestChanges => "changes requested",
        }
    }
}

/// A reviewer's decision on a RON file or a library revision.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Review {
    pub id: i64,
    pub file_hash: String,
    pub file_path: String,
    pub campaign_id: Option<String>,
    pub revision_id: Option<i64>,
    /// The number of that revision in its campaign's history, when the text matched one.
    pub revision_number: Option<i64>,
    pub decision: Decision,
    pub notes: String,
    pub reviewer: String,
    pub created_at: String,
    /// The text that was reviewed, so a later version can be compared with it.
    pub ron: String,
    /// What the decision covers: [`subject_hash`] of that text.
    pub subject_hash: String,
}

impl Store {
    /// Records a reviewer's decision on a text (a RON file or a revision).
    pub fn add_review(
        &mut self,
        ron: &str,
        file_path: &str,
        decision: Decision,
        notes: &str,
    ) -> Result<Review> {
        self.writable()?;
        let hash = hash_text(ron);
        let author = self.author.clone();
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        // Tie the review to a library revision with the same content, if there is one.
        let rev: Option<(i64, String, i64)> = tx
            .query_row("SELECT id, campaign_id, number FROM revisions WHERE content_hash = ?1 ORDER BY id DESC LIMIT 1", [&hash], |r| {
                Ok((r.get(0)?, r.get(1)?, r.get(2)?))
            })
            .optional()?;
        let loaded = ron_io::parse_unfinished("review", ron).ok().map(|(c, _)| c);
        let campaign_id = match &rev {
            Some((_, c, _)) => Some(c.clone()),
            None => loaded.as_ref().map(|c| c.id.clone()),
        };
        let subject = match &loaded {
            Some(c) => subject_hash_of(c),
            None => hash_text(ron),
        };
        let created_at = clock_now(&self.clock);
        tx.execute(
            "INSERT INTO reviews (file_hash, file_path, campaign_id, revision_id, decision, notes, reviewer, created_at, ron, subject_hash)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
            params![hash, file_path, campaign_id, rev.as_ref().map(|r| r.0), decision.key(), notes, author, created_at, ron, subject],
        )?;
        let id = tx.last_insert_rowid();
        tx.commit()?;
        Ok(Review {
            id,
            file_hash: hash,
            file_path: file_path.to_string(),
            campaign_id,
            revision_id: rev.as_ref().map(|r| r.0),
            revision_number: rev.map(|r| r.2),
            decision,
            notes: notes.to_string(),
            reviewer: author,
            created_at,
            ron: ron.to_string(),
            subject_hash: subject,
        })
    }

    /// Reviews of this file path or campaign, newest first: the decisions a reviewer should see
    /// when opening the file again, whether or not its content changed since.
    pub fn reviews_for(&self, file_path: &str, campaign_id: Option<&str>) -> Result<Vec<Review>> {
        let mut stmt = self.conn.prepare(
            "SELECT v.id, v.file_hash, v.file_path, v.campaign_id, v.revision_id, v.decision, v.notes, v.reviewer,
                    v.created_at, v.ron, v.subject_hash, r.number
             FROM reviews v LEFT JOIN revisions r ON r.id = v.revision_id
             WHERE v.file_path = ?1 OR (?2 IS NOT NULL AND v.campaign_id = ?2) ORDER BY v.id DESC",
        )?;
        let rows = stmt.query_map(params![file_path, campaign_id], |r| {
            Ok(Review {
                id: r.get(0)?,
                file_hash: r.get(1)?,
                file_path: r.get(2)?,
                campaign_id: r.get(3)?,
                revision_id: r.get(4)?,
                decision: Decision::parse(&r.get::<_, String>(5)?),
                notes: r.get(6)?,
                reviewer: r.get(7)?,
                created_at: r.get(8)?,
                ron: r.get(9)?,
                subject_hash: r.get(10)?,
                revision_number: r.get(11)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }
}
