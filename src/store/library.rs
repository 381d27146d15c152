//! Reading the library a page at a time: filtering and sorting run in SQL over the `campaigns`
//! table alone, with an index for every sort, so the first screen of a library of 100,000
//! campaigns costs about what it costs for 1,000.

use rusqlite::types::Value;

use super::*;

/// The orders the library can be shown in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum SortKey {
    #[default]
    Updated,
    Name,
    Status,
    Errors,
    Warnings,
}

impl SortKey {
    pub fn label(self) -> &'static str {
        match self {
            SortKey::Updated => "last edited",
            SortKey::Name => "name",
            SortKey::Status => "status",
            SortKey::Errors => "errors",
            SortKey::Warnings => "warnings",
        }
    }

    pub fn next(self) -> SortKey {
        match self {
            SortKey::Updated => SortKey::Name,
            SortKey::Name => SortKey::Status,
            SortKey::Status => SortKey::Errors,
            SortKey::Errors => SortKey::Warnings,
            SortKey::Warnings => SortKey::Updated,
        }
    }

    /// Each order ends with the id, so rows never swap places between two reads; each has an
    /// index (schema migration 2).
    fn order_by(self) -> &'static str {
        match self {
            SortKey::Updated => "updated_at DESC, id",
            SortKey::Name => "sort_name, id",
            SortKey::Status => "status_rank, sort_name, id",
            SortKey::Errors => "errors DESC, warnings DESC, id",
            SortKey::Warnings => "warnings DESC, errors DESC, id",
        }
    }
}

/// Which campaigns the library shows, in what order.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct LibraryQuery {
    /// Kept when the name (any case), the id or the status contains it; empty keeps all.
    pub filter: String,
    pub sort: SortKey,
}

impl LibraryQuery {
    /// The WHERE clause (with its values) that keeps what the filter asks for.
    fn condition(&self) -> (String, Vec<Value>) {
        let needle = self.filter.to_lowercase();
        if needle.is_empty() {
            return ("1".into(), Vec::new());
        }
        let statuses: Vec<String> = Status::ALL
            .into_iter()
            .filter(|s| s.label().contains(&needle))
            .map(|s| format!("'{}'", status_key(s)))
            .collect();
        let mut sql = "(instr(sort_name, ?1) > 0 OR instr(id, ?1) > 0".to_string();
        if !statuses.is_empty() {
            sql.push_str(&format!(" OR status IN ({})", statuses.join(", ")));
        }
        sql.push(')');
        (sql, vec![Value::Text(needle)])
    }
}

/// Campaign `c`'s latest review decision as "decision|1" when it covers the text held now
/// (its head revision, or the same text status aside), "decision|0" when not; NULL for none.
macro_rules! latest_review_sql {
    () => {
        "(SELECT rv.decision || '|' || (coalesce(rv.revision_id, -1) = c.head_revision
              OR (rv.subject_hash <> '' AND rv.subject_hash = c.head_subject))
       FROM reviews rv WHERE rv.campaign_id = c.id
       ORDER BY rv.created_at DESC, rv.id DESC LIMIT 1)"
    };
}

const SUMMARY_COLUMNS: &str = concat!(
    "c.id, c.name, c.status, c.channels, c.updated_at, c.errors, c.warnings, c.infos, c.head_number,
    EXISTS (SELECT 1 FROM drafts d WHERE d.campaign_id = c.id AND d.author IN (?9, '')),
    ",
    latest_review_sql!()
);

fn parse_latest_review(s: Option<String>) -> Option<LatestReview> {
    let s = s?;
    let (d, current) = s.split_once('|')?;
    Some(LatestReview {
        decision: Decision::parse(d),
        current: current == "1",
    })
}

fn summary_row(r: &rusqlite::Row) -> rusqlite::Result<Summary> {
    Ok(Summary {
        id: r.get(0)?,
        name: r.get(1)?,
        status: parse_status(&r.get::<_, String>(2)?),
        channels: parse_channels(&r.get::<_, String>(3)?),
        updated: r.get(4)?,
        errors: r.get(5)?,
        warnings: r.get(6)?,
        infos: r.get(7)?,
        revision: r.get(8)?,
        has_draft: r.get(9)?,
        review: parse_latest_review(r.get(10)?),
    })
}

impl Store {
    /// How many campaigns the query keeps.
    pub fn library_count(&self, q: &LibraryQuery) -> Result<usize> {
        if q.filter.is_empty() {
            return Ok(self.count()? as usize);
        }
        let (cond, values) = q.condition();
        let sql = format!("SELECT count(*) FROM campaigns WHERE {cond}");
        let n: i64 = self
            .conn
            .prepare_cached(&sql)?
            .query_row(rusqlite::params_from_iter(values), |r| r.get(0))?;
        Ok(n as usize)
    }

    /// Rows `offset..offset + limit` of what the query keeps, in its order. Reads the
    /// `campaigns` rows it returns (and their latest review and draft mark), nothing else.
    pub fn library_page(
        &self,
        q: &LibraryQuery,
        offset: usize,
        limit: usize,
    ) -> Result<Vec<Summary>> {
        let mut out = Vec::with_capacity(limit.min(1024));
        self.for_each_summary(q, offset, limit, |s| {
            out.push(s);
            Ok(())
        })?;
        Ok(out)
    }

    /// Calls `f` with each row of the page in turn, holding only one in memory: how
    /// `candor list` prints a library of any size.
    pub fn for_each_summary(
        &self,
        q: &LibraryQuery,
        offset: usize,
        limit: usize,
        mut f: impl FnMut(Summary) -> Result<()>,
    ) -> Result<()> {
        let (cond, mut values) = q.condition();
        if values.is_empty() {
            values.push(Value::Null); // ?1 is unused but keeps the numbering
        }
        let sql = format!(
            "SELECT {SUMMARY_COLUMNS} FROM campaigns c WHERE {cond} ORDER BY {} LIMIT ?7 OFFSET ?8",
            q.sort.order_by()
        );
        let mut stmt = self.conn.prepare_cached(&sql)?;
        let limit = i64::try_from(limit).unwrap_or(i64::MAX);
        let offset = i64::try_from(offset).unwrap_or(i64::MAX);
        for (i, v) in values.into_iter().enumerate() {
            stmt.raw_bind_parameter(i + 1, v)?;
        }
        stmt.raw_bind_parameter(7, limit)?;
        stmt.raw_bind_parameter(8, offset)?;
        stmt.raw_bind_parameter(9, &self.author)?;
        let mut rows = stmt.raw_query();
        while let Some(row) = rows.next()? {
            f(summary_row(row)?)?;
        }
        Ok(())
    }

    /// Campaign `id`'s latest review decision, and whether it covers the text held now.
    pub fn latest_review(&self, id: &str) -> Result<Option<LatestReview>> {
        let sql = concat!(
            "SELECT ",
            latest_review_sql!(),
            " FROM campaigns c WHERE c.id = ?1"
        );
        let found: Option<Option<String>> =
            self.conn.query_row(sql, [id], |r| r.get(0)).optional()?;
        Ok(parse_latest_review(found.flatten()))
    }

    /// Where the campaign `id` sits among what the query keeps, if it is kept.
    pub fn library_position(&self, q: &LibraryQuery, id: &str) -> Result<Option<usize>> {
        let (cond, values) = q.condition();
        let sql = format!(
            "SELECT n FROM (SELECT id, row_number() OVER (ORDER BY {}) - 1 AS n FROM campaigns WHERE {cond}) WHERE id = ?2",
            q.sort.order_by()
        );
        let mut stmt = self.conn.prepare_cached(&sql)?;
        stmt.raw_bind_parameter(1, values.into_iter().next().unwrap_or(Value::Null))?;
        stmt.raw_bind_parameter(2, id)?;
        let mut rows = stmt.raw_query();
        Ok(match rows.next()? {
            Some(r) => Some(r.get::<_, i64>(0)? as usize),
            None => None,
        })
    }

    /// The length, in characters, of the longest campaign id (for a table's id column).
    pub fn longest_id(&self) -> Result<usize> {
        let n: Option<i64> =
            self.conn
                .query_row("SELECT max(length(id)) FROM campaigns", [], |r| r.get(0))?;
        Ok(n.unwrap_or(0) as usize)
    }

    /// Every campaign id, in library order.
    pub fn ids(&self) -> Result<Vec<String>> {
        let mut stmt = self
            .conn
            .prepare("SELECT id FROM campaigns ORDER BY updated_at DESC, id")?;
        let rows = stmt.query_map([], |r| r.get(0))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }
}
