//! The population file: a SQLite database holding the people, the catalogue and the events.
//! Written whole into a temporary file and renamed into place, so an interrupted write leaves
//! the previous file as it was.

use std::path::{Path, PathBuf};

use rusqlite::{Connection, OpenFlags, params};
use thiserror::Error;

use crate::model::Action;

use super::build::{Builder, value_text};
use super::population::{
    CONSENT_COLUMNS, CONSENT_FLAGS, ColumnType, Permission, Population, TargetKind, action_name,
    attribute_columns, format_moment, parse_moment,
};

/// What the population file says it is, in its `population` table.
const FORMAT: &str = "candor-population 1";

#[derive(Debug, Error)]
pub enum PopulationError {
    #[error("no population file at {0}")]
    Missing(PathBuf),
    #[error("{path} is not a Candor population file ({why})")]
    Foreign { path: PathBuf, why: String },
    #[error("{path}: {why}")]
    Damaged { path: PathBuf, why: String },
    #[error("could not write {path}: {why}")]
    Write { path: PathBuf, why: String },
}

fn sql_err(path: &Path) -> impl Fn(rusqlite::Error) -> PopulationError + '_ {
    move |e| PopulationError::Damaged {
        path: path.to_path_buf(),
        why: e.to_string(),
    }
}

/// Writes the population to `path`, replacing what was there only once it is complete, and
/// only if it is a population: a library, or any other file, is never overwritten.
/// `progress` is told how many people have been written.
pub fn save(
    pop: &Population,
    path: &Path,
    progress: &mut dyn FnMut(usize),
) -> Result<(), PopulationError> {
    let werr = |e: &dyn std::fmt::Display| PopulationError::Write {
        path: path.to_path_buf(),
        why: e.to_string(),
    };
    if path.exists() && !is_population(path) {
        return Err(PopulationError::Write {
            path: path.to_path_buf(),
            why: "a file that is not a Candor population is there, and it is left as it is; choose another path".into(),
        });
    }
    let dir = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    std::fs::create_dir_all(dir).map_err(|e| werr(&e))?;
    let tmp = tempfile::Builder::new()
        .prefix(".population-")
        .suffix(".tmp")
        .tempfile_in(dir)
        .map_err(|e| werr(&e))?;
    {
        let mut conn = Connection::open(tmp.path()).map_err(|e| werr(&e))?;
        conn.execute_batch("PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF;")
            .map_err(|e| werr(&e))?;
        let attrs = attribute_columns();
        let mut ddl = String::from(
            "CREATE TABLE population (key TEXT PRIMARY KEY, value TEXT NOT NULL);
             CREATE TABLE catalogue (product TEXT PRIMARY KEY, category TEXT, brand TEXT);
             CREATE TABLE targets (id INTEGER PRIMARY KEY, kind TEXT NOT NULL, name TEXT NOT NULL);
             CREATE TABLE events (person INTEGER NOT NULL, at INTEGER NOT NULL, action TEXT NOT NULL, target INTEGER NOT NULL);
             CREATE TABLE people (person_id TEXT PRIMARY KEY",
        );
        for c in CONSENT_COLUMNS {
            ddl.push_str(&format!(", {c} TEXT"));
        }
        for (a, t) in &attrs {
            let ty = if *t == ColumnType::Number {
                "INTEGER"
            } else {
                "TEXT"
            };
            ddl.push_str(&format!(", {a} {ty}"));
        }
        ddl.push_str(");");
        conn.execute_batch(&ddl).map_err(|e| werr(&e))?;
        let tx = conn.transaction().map_err(|e| werr(&e))?;
        {
            let mut meta = tx
                .prepare("INSERT INTO population VALUES (?1, ?2)")
                .map_err(|e| werr(&e))?;
            for (k, v) in [
                ("format", FORMAT.to_string()),
                ("description", pop.origin.description.clone()),
                ("as_of", format_moment(pop.origin.as_of)),
            ] {
                meta.execute(params![k, v]).map_err(|e| werr(&e))?;
            }
            let mut cat = tx
                .prepare("INSERT INTO catalogue VALUES (?1, ?2, ?3)")
                .map_err(|e| werr(&e))?;
            for p in &pop.catalogue {
                cat.execute(params![p.product, p.category, p.brand])
                    .map_err(|e| werr(&e))?;
            }
            let mut targets = tx
                .prepare("INSERT INTO targets VALUES (?1, ?2, ?3)")
                .map_err(|e| werr(&e))?;
            for (i, t) in pop.targets.iter().enumerate() {
                targets
                    .execute(params![i as i64, t.kind.name(), t.name])
                    .map_err(|e| werr(&e))?;
            }
            let placeholders: Vec<String> = (1..=1 + CONSENT_COLUMNS.len() + attrs.len())
                .map(|i| format!("?{i}"))
                .collect();
            let mut people = tx
                .prepare(&format!(
                    "INSERT INTO people VALUES ({})",
                    placeholders.join(", ")
                ))
                .map_err(|e| werr(&e))?;
            for (i, id) in pop.ids.iter().enumerate() {
                let mut row: Vec<rusqlite::types::Value> = vec![id.clone().into()];
                row.extend(pop.consent_cells(i).into_iter().map(Into::into));
                for (a, t) in &attrs {
                    let v = pop.column(a).map(|c| value_text(c, i)).unwrap_or_default();
                    row.push(match (v.is_empty(), t) {
                        (true, _) => rusqlite::types::Value::Null,
                        (false, ColumnType::Number) => v
                            .parse::<i64>()
                            .map_or(v.into(), rusqlite::types::Value::from),
                        (false, _) => v.into(),
                    });
                }
                people
                    .execute(rusqlite::params_from_iter(row))
                    .map_err(|e| werr(&e))?;
                if i % 5_000 == 0 {
                    progress(i);
                }
            }
            let mut events = tx
                .prepare("INSERT INTO events VALUES (?1, ?2, ?3, ?4)")
                .map_err(|e| werr(&e))?;
            for (a, list) in pop.postings.iter().enumerate() {
                for (t, range) in list {
                    for e in range.clone() {
                        events
                            .execute(params![
                                i64::from(pop.ev_person[e]),
                                pop.origin.as_of - i64::from(pop.ev_age[e]),
                                action_name(Action::ALL[a]),
                                i64::from(*t)
                            ])
                            .map_err(|e| werr(&e))?;
                    }
                }
            }
        }
        tx.commit().map_err(|e| werr(&e))?;
        progress(pop.len());
    }
    tmp.persist(path).map_err(|e| werr(&e.error))?;
    Ok(())
}

/// Whether `path` is a population file Candor wrote.
fn is_population(path: &Path) -> bool {
    path.is_file()
        && Connection::open_with_flags(path, OpenFlags::SQLITE_OPEN_READ_ONLY)
            .and_then(|c| {
                c.query_row(
                    "SELECT value FROM population WHERE key = 'format'",
                    [],
                    |r| r.get::<_, String>(0),
                )
            })
            .is_ok_and(|f| f == FORMAT)
}

/// Reads a population file into memory.
pub fn load(path: &Path) -> Result<Population, PopulationError> {
    if !path.exists() {
        return Err(PopulationError::Missing(path.to_path_buf()));
    }
    if !path.is_file() {
        return Err(PopulationError::Foreign {
            path: path.to_path_buf(),
            why: "it is not a regular file".into(),
        });
    }
    let conn = Connection::open_with_flags(
        path,
        OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )
    .map_err(sql_err(path))?;
    let foreign = |why: &str| PopulationError::Foreign {
        path: path.to_path_buf(),
        why: why.to_string(),
    };
    let meta = |key: &str| -> Result<String, PopulationError> {
        conn.query_row("SELECT value FROM population WHERE key = ?1", [key], |r| {
            r.get::<_, String>(0)
        })
        .map_err(|_| {
            foreign(&format!(
                "it does not say its {key}: Candor did not write it"
            ))
        })
    };
    let format = meta("format")?;
    if format != FORMAT {
        return Err(foreign(&format!("it says it is {format}")));
    }
    let description = meta("description")?;
    let as_of_text = meta("as_of")?;
    let as_of = parse_moment(&as_of_text).ok_or_else(|| PopulationError::Damaged {
        path: path.to_path_buf(),
        why: format!("its moment {as_of_text} is not a date and time"),
    })?;
    let mut b = Builder::new(description);
    let err = sql_err(path);
    {
        let mut stmt = conn
            .prepare("SELECT product, category, brand FROM catalogue")
            .map_err(&err)?;
        let mut rows = stmt.query([]).map_err(&err)?;
        while let Some(r) = rows.next().map_err(&err)? {
            let p: String = r.get(0).map_err(&err)?;
            let c: Option<String> = r.get(1).map_err(&err)?;
            let br: Option<String> = r.get(2).map_err(&err)?;
            b.product(&p, c.as_deref().unwrap_or(""), br.as_deref().unwrap_or(""));
        }
    }
    let attrs = attribute_columns();
    let present: Vec<String> = {
        let mut stmt = conn
            .prepare("SELECT name FROM pragma_table_info('people')")
            .map_err(&err)?;
        stmt.query_map([], |r| r.get::<_, String>(0))
            .map_err(&err)?
            .collect::<Result<_, _>>()
            .map_err(&err)?
    };
    let chosen: Vec<&str> = attrs
        .iter()
        .map(|(a, _)| *a)
        .filter(|a| present.iter().any(|p| p == a))
        .collect();
    let mut cols = vec!["person_id".to_string()];
    cols.extend(CONSENT_COLUMNS.iter().map(|c| c.to_string()));
    cols.extend(chosen.iter().map(|c| c.to_string()));
    let mut people_ids = Vec::new();
    {
        let mut stmt = conn
            .prepare(&format!(
                "SELECT {} FROM people ORDER BY rowid",
                cols.join(", ")
            ))
            .map_err(&err)?;
        let mut rows = stmt.query([]).map_err(&err)?;
        while let Some(r) = rows.next().map_err(&err)? {
            let id: String = r.get(0).map_err(&err)?;
            let p = b.person(&id).map_err(|why| PopulationError::Damaged {
                path: path.to_path_buf(),
                why,
            })?;
            people_ids.push(p);
            let text = |i: usize| -> Result<String, PopulationError> {
                let v: rusqlite::types::Value = r.get(i).map_err(&err)?;
                Ok(match v {
                    rusqlite::types::Value::Text(s) => s,
                    rusqlite::types::Value::Integer(n) => n.to_string(),
                    _ => String::new(),
                })
            };
            let mut flags = 0;
            for (k, col) in CONSENT_COLUMNS.iter().enumerate() {
                let v = text(1 + k)?;
                match CONSENT_FLAGS.iter().find(|(c, _, _)| c == col) {
                    Some((_, flag, _)) if v == "yes" => flags |= flag,
                    Some(_) => {}
                    None => b.set_email(p, Permission::named(&v).unwrap_or(Permission::None)),
                }
            }
            b.set_consent(p, flags);
            for (k, a) in chosen.iter().enumerate() {
                let v = text(1 + CONSENT_COLUMNS.len() + k)?;
                b.set(p, a, &v).map_err(|why| PopulationError::Damaged {
                    path: path.to_path_buf(),
                    why: format!("person {id}, {a} {v:?}: {why}"),
                })?;
            }
        }
    }
    let mut targets: Vec<(TargetKind, String)> = Vec::new();
    {
        let mut stmt = conn
            .prepare("SELECT id, kind, name FROM targets ORDER BY id")
            .map_err(&err)?;
        let mut rows = stmt.query([]).map_err(&err)?;
        while let Some(r) = rows.next().map_err(&err)? {
            let kind: String = r.get(1).map_err(&err)?;
            let name: String = r.get(2).map_err(&err)?;
            let kind = TargetKind::named(&kind).ok_or_else(|| PopulationError::Damaged {
                path: path.to_path_buf(),
                why: format!("unknown target kind {kind:?}"),
            })?;
            targets.push((kind, name));
        }
    }
    {
        let mut stmt = conn
            .prepare("SELECT person, at, action, target FROM events")
            .map_err(&err)?;
        let mut rows = stmt.query([]).map_err(&err)?;
        while let Some(r) = rows.next().map_err(&err)? {
            let person: i64 = r.get(0).map_err(&err)?;
            let at: i64 = r.get(1).map_err(&err)?;
            let action: String = r.get(2).map_err(&err)?;
            let target: i64 = r.get(3).map_err(&err)?;
            let bad = |why: String| PopulationError::Damaged {
                path: path.to_path_buf(),
                why,
            };
            let p = usize::try_from(person)
                .ok()
                .and_then(|i| people_ids.get(i).copied())
                .ok_or_else(|| bad(format!("an event names person {person}, who is not there")))?;
            let action = super::population::action_named(&action)
                .ok_or_else(|| bad(format!("unknown action {action:?}")))?;
            let (kind, name) = usize::try_from(target)
                .ok()
                .and_then(|t| targets.get(t))
                .ok_or_else(|| {
                    bad(format!(
                        "an event names target {target}, which is not there"
                    ))
                })?;
            b.event(p, at, action, *kind, name);
        }
    }
    Ok(b.finish(as_of).0)
}

/// Where the population of a library lives: beside it, `candor.db` → `candor-population.db`.
pub fn beside(library: &Path) -> PathBuf {
    let stem = library
        .file_stem()
        .map_or_else(|| "candor".into(), |s| s.to_string_lossy().into_owned());
    library.with_file_name(format!("{stem}-population.db"))
}
