//! A campaign's audience as SQL over the population schema (`people`, `events`, `catalogue`;
//! columns in the README), for a warehouse to count at any scale. It means exactly what
//! `eval.rs` means; `tests/reach_sql.rs` runs it in DuckDB and PostgreSQL and compares counts.

use std::fmt::Write as _;

use crate::model::{
    AttributeCondition, Campaign, Condition, Count, IntentCondition, Operator, Target,
};
use crate::text::clean;

use super::eval::{Wanted, wanted};
use super::population::{
    CONSENT_FLAGS, ColumnType, Permission, action_name, attribute_columns, format_moment,
};
use super::report::consents_needed;

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Dialect {
    Duckdb,
    Postgres,
    Bigquery,
}

/// What the query returns.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Select {
    /// One row per person: their id.
    People,
    /// One row: how many.
    Count,
}

pub struct Options {
    pub dialect: Dialect,
    pub select: Select,
    /// Only people the campaign may reach: consents and a channel permission.
    pub reachable: bool,
    /// The moment windows count back from, as seconds since 1970; none means now.
    pub as_of: Option<i64>,
}

/// A string literal, with quotes and control characters written so that every dialect reads
/// back the same text.
fn literal(d: Dialect, s: &str) -> String {
    let mut parts: Vec<String> = Vec::new();
    let mut cur = String::new();
    let quote = |cur: &str| match d {
        Dialect::Bigquery => format!("'{}'", cur.replace('\\', "\\\\").replace('\'', "\\'")),
        _ => format!("'{}'", cur.replace('\'', "''")),
    };
    for ch in s.chars() {
        if ch.is_control() || crate::text::needs_escape(ch) {
            parts.push(quote(&cur));
            cur.clear();
            parts.push(match d {
                Dialect::Bigquery => format!("CODE_POINTS_TO_STRING([{}])", ch as u32),
                _ => format!("chr({})", ch as u32),
            });
        } else {
            cur.push(ch);
        }
    }
    if !cur.is_empty() || parts.is_empty() {
        parts.push(quote(&cur));
    }
    if parts.len() == 1 {
        parts.remove(0)
    } else {
        format!("({})", parts.join(" || "))
    }
}

fn as_of(d: Dialect, at: Option<i64>) -> String {
    match (d, at) {
        (Dialect::Bigquery, Some(t)) => format!("TIMESTAMP '{}+00'", format_moment(t)),
        (_, Some(t)) => format!("TIMESTAMP '{}'", format_moment(t)),
        (Dialect::Bigquery, None) => "CURRENT_TIMESTAMP()".into(),
        (Dialect::Postgres, None) => "LOCALTIMESTAMP".into(),
        (Dialect::Duckdb, None) => "CAST(current_timestamp AS TIMESTAMP)".into(),
    }
}

fn days_before(d: Dialect, moment: &str, days: u32) -> String {
    match d {
        Dialect::Bigquery => format!("TIMESTAMP_SUB({moment}, INTERVAL {days} DAY)"),
        Dialect::Postgres => format!("({moment} - INTERVAL '{days} days')"),
        Dialect::Duckdb => format!("({moment} - INTERVAL {days} DAY)"),
    }
}

fn folded(col: &str) -> String {
    format!("lower(trim({col}))")
}

fn target_sql(d: Dialect, t: &Target) -> Option<String> {
    let v = t.value().map(super::population::fold)?;
    let lit = literal(d, &v);
    let named = |kind: &str| {
        format!(
            "(e.target_kind = '{kind}' AND {} = {lit})",
            folded("e.target")
        )
    };
    Some(match t {
        Target::Anything => return None,
        Target::Page(_) => named("page"),
        Target::Product(_) => named("product"),
        Target::Style(_) => named("style"),
        Target::Preference(_) => named("preference"),
        Target::Category(_) => format!(
            "({} OR (e.target_kind = 'product' AND {} = {lit}))",
            named("category"),
            folded("k.category")
        ),
        Target::Brand(_) => format!(
            "({} OR (e.target_kind = 'product' AND {} = {lit}))",
            named("brand"),
            folded("k.brand")
        ),
        Target::SearchTerm(_) => format!(
            "(e.target_kind = 'search' AND strpos({}, {lit}) > 0)",
            folded("e.target")
        ),
    })
}

/// The counting subquery of one intent condition.
fn intent_cte(d: Dialect, i: &IntentCondition, moment: &str) -> String {
    let mut s = String::new();
    let needs_catalogue = matches!(i.target, Target::Category(_) | Target::Brand(_));
    let _ = writeln!(s, "    SELECT e.person_id, count(*) AS n");
    let _ = writeln!(s, "    FROM events e");
    if needs_catalogue {
        let _ = writeln!(
            s,
            "    LEFT JOIN catalogue k ON e.target_kind = 'product' AND {} = {}",
            folded("k.product"),
            folded("e.target")
        );
    }
    let _ = writeln!(s, "    WHERE e.action = '{}'", action_name(i.action));
    if let Some(t) = target_sql(d, &i.target) {
        let _ = writeln!(s, "      AND {t}");
    }
    let _ = writeln!(
        s,
        "      AND e.occurred_at >= {}",
        days_before(d, moment, i.within_days)
    );
    let _ = writeln!(s, "      AND e.occurred_at <= {moment}");
    let _ = write!(s, "    GROUP BY e.person_id");
    s
}

fn count_sql(alias: &str, c: Count) -> String {
    let n = format!("COALESCE({alias}.n, 0)");
    match c {
        Count::AtLeast(k) => format!("{n} >= {k}"),
        Count::AtMost(k) => format!("{n} <= {k}"),
        Count::Exactly(k) => format!("{n} = {k}"),
    }
}

fn attribute_sql(d: Dialect, a: &AttributeCondition) -> String {
    let name = a.attribute.trim();
    let Some((col, ty)) = attribute_columns().into_iter().find(|(c, _)| *c == name) else {
        return format!(
            "FALSE /* {} is not a column of people */",
            clean(name).replace("*/", "* /")
        );
    };
    let col = format!("p.{col}");
    let op = a.operator;
    let list = |vals: Vec<String>| vals.join(", ");
    let test = match (
        ty,
        wanted(a, ty == ColumnType::Number, ty == ColumnType::Date),
    ) {
        (ColumnType::Text, Some(Wanted::Text(v))) => {
            let vals: Vec<String> = v.iter().map(|x| literal(d, x)).collect();
            let c = folded(&col);
            match op {
                Operator::Is | Operator::OneOf => format!("{c} IN ({})", list(vals)),
                Operator::IsNot | Operator::NoneOf => format!("{c} NOT IN ({})", list(vals)),
                Operator::AtLeast | Operator::AtMost => return "FALSE".into(),
            }
        }
        (ColumnType::Number, Some(Wanted::Number(v))) => {
            compare_sql(&col, op, v.iter().map(|x| x.to_string()).collect())
        }
        (ColumnType::Date, Some(Wanted::Date(v))) => compare_sql(
            &col,
            op,
            v.iter()
                .map(|x| format!("DATE '{}'", super::population::format_day(*x)))
                .collect(),
        ),
        _ => return "FALSE".into(),
    };
    format!("COALESCE({test}, FALSE)")
}

fn compare_sql(col: &str, op: Operator, vals: Vec<String>) -> String {
    let first = vals.first().cloned().unwrap_or_default();
    match op {
        Operator::Is | Operator::OneOf => format!("{col} IN ({})", vals.join(", ")),
        Operator::IsNot | Operator::NoneOf => format!("{col} NOT IN ({})", vals.join(", ")),
        Operator::AtLeast => format!("{col} >= {first}"),
        Operator::AtMost => format!("{col} <= {first}"),
    }
}

struct Writer<'a> {
    d: Dialect,
    moment: &'a str,
    ctes: Vec<String>,
}

impl Writer<'_> {
    fn condition(&mut self, c: &Condition, depth: usize) -> String {
        let pad = "  ".repeat(depth + 1);
        match c {
            // An empty group has no effect (as in reach and in the notice), whatever its kind.
            _ if c.holds_no_condition() => "TRUE".into(),
            Condition::All(items) | Condition::Any(items) => {
                let items: Vec<&Condition> =
                    items.iter().filter(|i| !i.holds_no_condition()).collect();
                let join = if matches!(c, Condition::All(_)) {
                    "AND"
                } else {
                    "OR"
                };
                let parts: Vec<String> =
                    items.iter().map(|i| self.condition(i, depth + 1)).collect();
                format!(
                    "(\n{pad}  {}\n{pad})",
                    parts.join(&format!("\n{pad}  {join} "))
                )
            }
            Condition::Not(inner) => format!("NOT {}", self.condition(inner, depth)),
            Condition::Intent(i) => {
                let alias = format!("c{}", self.ctes.len() + 1);
                self.ctes.push(format!(
                    "  {alias} AS (\n{}\n  )",
                    intent_cte(self.d, i, self.moment)
                ));
                format!("({})", count_sql(&alias, i.count))
            }
            Condition::Attribute(a) => attribute_sql(self.d, a),
        }
    }
}

fn reachable_sql(c: &Campaign) -> Vec<String> {
    let flags = consents_needed(c);
    let mut out = Vec::new();
    for (col, flag, _) in CONSENT_FLAGS {
        if flags & flag != 0 {
            out.push(format!("COALESCE(p.{col} = 'yes', FALSE)"));
        }
    }
    use crate::model::Channel;
    let web_like = c.channels.is_empty()
        || c.channels
            .iter()
            .any(|ch| matches!(ch, Channel::Web | Channel::MobileApp));
    if !web_like {
        let mut ways = Vec::new();
        if c.channels.contains(&Channel::Email) {
            ways.push(match Permission::needed(c.consent.email_permission) {
                Permission::Double => "COALESCE(p.email_permission = 'double', FALSE)".to_string(),
                _ => "COALESCE(p.email_permission IN ('explicit', 'double'), FALSE)".to_string(),
            });
        }
        if c.channels.contains(&Channel::Sms) {
            ways.push("COALESCE(p.sms_permission = 'yes', FALSE)".into());
        }
        out.push(format!("({})", ways.join(" OR ")));
    }
    out
}

/// The query.
pub fn audience_sql(c: &Campaign, o: &Options) -> String {
    let moment = as_of(o.dialect, o.as_of);
    let mut w = Writer {
        d: o.dialect,
        moment: &moment,
        ctes: Vec::new(),
    };
    let mut conditions = vec![w.condition(&c.audience, 0)];
    if o.reachable {
        conditions.extend(reachable_sql(c));
    }
    let mut s = String::new();
    let name = clean(&c.name);
    let _ = writeln!(
        s,
        "-- The audience of campaign {} ({name}){}, as Candor counts it.",
        clean(&c.id),
        if o.reachable {
            ", only people it may reach"
        } else {
            ""
        }
    );
    let _ = writeln!(
        s,
        "-- Tables people, events and catalogue as `candor audience schema` creates them ({}).",
        match o.dialect {
            Dialect::Duckdb => "DuckDB",
            Dialect::Postgres => "PostgreSQL",
            Dialect::Bigquery => "BigQuery",
        }
    );
    let _ = writeln!(s, "-- Windows count back from {moment}.");
    if !w.ctes.is_empty() {
        let _ = writeln!(s, "WITH\n{}", w.ctes.join(",\n"));
    }
    let _ = writeln!(
        s,
        "SELECT {}",
        match o.select {
            Select::People => "p.person_id",
            Select::Count => "count(*) AS people",
        }
    );
    let _ = writeln!(s, "FROM people p");
    for i in 1..=w.ctes.len() {
        let _ = writeln!(s, "LEFT JOIN c{i} ON c{i}.person_id = p.person_id");
    }
    let _ = write!(s, "WHERE {}", conditions.join("\n  AND "));
    if o.select == Select::People {
        let _ = write!(s, "\nORDER BY p.person_id");
    }
    s.push_str(";\n");
    s
}

/// The tables as CREATE TABLE statements, to load the CSV files into.
pub fn schema_sql(d: Dialect) -> String {
    let (text, int, date, ts) = match d {
        Dialect::Bigquery => ("STRING", "INT64", "DATE", "TIMESTAMP"),
        _ => ("TEXT", "BIGINT", "DATE", "TIMESTAMP"),
    };
    let mut cols = vec![format!("  person_id {text} NOT NULL")];
    for c in super::population::CONSENT_COLUMNS {
        cols.push(format!("  {c} {text}"));
    }
    for (a, t) in attribute_columns() {
        let ty = match t {
            ColumnType::Text => text,
            ColumnType::Number => int,
            ColumnType::Date => date,
        };
        cols.push(format!("  {a} {ty}"));
    }
    format!(
        "CREATE TABLE people (\n{}\n);\nCREATE TABLE events (\n  person_id {text} NOT NULL,\n  occurred_at {ts} NOT NULL,\n  action {text} NOT NULL,\n  target_kind {text},\n  target {text}\n);\nCREATE TABLE catalogue (\n  product {text} NOT NULL,\n  category {text},\n  brand {text}\n);\n",
        cols.join(",\n")
    )
}
