//! A population from the team's own export, and back: `people.csv`, `events.csv` and an
//! optional `catalogue.csv`, with the columns the README documents.
//!
//! Nothing is guessed. A column that is not a known attribute, and an action or target kind
//! that is not Candor's, is refused unless the command maps it (`--map-attribute`,
//! `--map-action`) or leaves it out (`--ignore-column`). A special category is never taken.
//! Every bad cell is reported with its file, line, column and value, and nothing is written
//! while any remain.

use std::fs::File;
use std::io::BufReader;
use std::path::{Path, PathBuf};

use thiserror::Error;

use crate::model::vocab::{AttributeKind, closest, vocab};
use crate::text::clean;

use super::build::{Builder, PersonRef, value_text};
use super::population::{
    ACTION_NAMES, CONSENT_COLUMNS, CONSENT_FLAGS, Permission, Population, TargetKind, action_named,
    attribute_columns, format_moment, parse_moment,
};

/// The columns of `events.csv`.
pub const EVENT_COLUMNS: [&str; 5] = [
    "person_id",
    "occurred_at",
    "action",
    "target_kind",
    "target",
];
/// The columns of `catalogue.csv`.
pub const CATALOGUE_COLUMNS: [&str; 3] = ["product", "category", "brand"];

/// How many bad cells are listed before the rest are only counted.
const SHOWN: usize = 30;

#[derive(Debug, Clone, Default)]
pub struct ImportOptions {
    /// A column name in the file, and the attribute it holds.
    pub map_attributes: Vec<(String, String)>,
    /// An action name in the file, and Candor's action it means.
    pub map_actions: Vec<(String, String)>,
    /// Columns to leave out.
    pub ignore_columns: Vec<String>,
    /// The moment windows count back from; by default the latest event.
    pub as_of: Option<i64>,
}

/// One bad cell: where it is and what is wrong with it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BadCell {
    pub file: String,
    pub line: u64,
    /// The column's position, from 1, and its name.
    pub column: usize,
    pub column_name: String,
    pub value: String,
    pub why: String,
}

impl std::fmt::Display for BadCell {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{}:{}: column {} ({}) {:?}: {}",
            self.file,
            self.line,
            self.column,
            clean(&self.column_name),
            clean(&self.value),
            self.why
        )
    }
}

#[derive(Debug, Error)]
pub enum ImportError {
    #[error("could not read {path}: {why}")]
    Read { path: PathBuf, why: String },
    #[error("{path}: the header cannot be used:\n{}", .problems.iter().map(|p| format!("  {p}")).collect::<Vec<_>>().join("\n"))]
    Header {
        path: PathBuf,
        problems: Vec<String>,
    },
    #[error("{}; nothing was imported:\n{}{}", crate::text::plural(*.total, "bad cell", "bad cells"), .cells.iter().map(|c| format!("  {c}")).collect::<Vec<_>>().join("\n"), if *.total > .cells.len() { format!("\n  … and {} more", .total - .cells.len()) } else { String::new() })]
    BadCells { cells: Vec<BadCell>, total: usize },
    #[error("{0}")]
    Empty(String),
}

/// What an import read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Summary {
    pub people: usize,
    pub events: usize,
    pub products: usize,
    /// Events after the population's moment, left out.
    pub later: usize,
    pub as_of: String,
}

struct Bad {
    cells: Vec<BadCell>,
    total: usize,
}

impl Bad {
    fn push(&mut self, cell: BadCell) {
        self.total += 1;
        if self.cells.len() < SHOWN {
            self.cells.push(cell);
        }
    }
}

/// Reads a CSV file, telling `progress` the bytes read so far out of the file's size.
struct Reader {
    name: String,
    path: PathBuf,
    size: u64,
    csv: csv::Reader<BufReader<File>>,
}

impl Reader {
    fn open(path: &Path) -> Result<Reader, ImportError> {
        let read_err = |why: String| ImportError::Read {
            path: path.to_path_buf(),
            why,
        };
        let meta = std::fs::metadata(path).map_err(|e| read_err(e.to_string()))?;
        if !meta.is_file() {
            return Err(read_err("it is not a regular file".into()));
        }
        let file = File::open(path).map_err(|e| read_err(e.to_string()))?;
        let csv = csv::ReaderBuilder::new()
            .flexible(false)
            .from_reader(BufReader::new(file));
        Ok(Reader {
            name: path.file_name().map_or_else(
                || path.display().to_string(),
                |n| n.to_string_lossy().into(),
            ),
            path: path.to_path_buf(),
            size: meta.len(),
            csv,
        })
    }

    fn header(&mut self) -> Result<Vec<String>, ImportError> {
        let h = self.csv.headers().map_err(|e| ImportError::Read {
            path: self.path.clone(),
            why: e.to_string(),
        })?;
        Ok(h.iter().map(|s| s.trim().to_string()).collect())
    }

    /// The next record, or a bad cell for a row that cannot be read at all.
    fn next(&mut self, record: &mut csv::StringRecord) -> Result<bool, BadCell> {
        match self.csv.read_record(record) {
            Ok(more) => Ok(more),
            Err(e) => {
                let line = e.position().map_or(0, |p| p.line());
                Err(BadCell {
                    file: self.name.clone(),
                    line,
                    column: 0,
                    column_name: "the row".into(),
                    value: String::new(),
                    why: match e.kind() {
                        csv::ErrorKind::UnequalLengths {
                            expected_len, len, ..
                        } => {
                            format!("has {len} cells where the header has {expected_len}")
                        }
                        csv::ErrorKind::Utf8 { .. } => "is not UTF-8 text".into(),
                        _ => e.to_string(),
                    },
                })
            }
        }
    }

    /// Calls `f` with each row that reads (and its line); rows that do not read are bad cells.
    fn for_each_row(
        &mut self,
        bad: &mut Bad,
        progress: &mut dyn FnMut(&str, u64, u64),
        mut f: impl FnMut(&csv::StringRecord, u64, &mut Bad),
    ) {
        let mut record = csv::StringRecord::new();
        let mut rows = 0u64;
        loop {
            match self.next(&mut record) {
                Ok(false) => break,
                Ok(true) => {}
                Err(cell) => {
                    bad.push(cell);
                    continue;
                }
            }
            rows += 1;
            if rows.is_multiple_of(4096) {
                progress(&self.name, self.csv.position().byte(), self.size);
            }
            let line = record.position().map_or(0, |p| p.line());
            f(&record, line, bad);
        }
        progress(&self.name, self.size, self.size);
    }
}

/// What a column of `people.csv` holds.
enum PeopleColumn {
    Id,
    Consent(u8),
    Email,
    Attribute(&'static str),
    Ignored,
}

fn people_columns(
    header: &[String],
    opts: &ImportOptions,
) -> Result<Vec<PeopleColumn>, Vec<String>> {
    let attrs = attribute_columns();
    let mut problems = Vec::new();
    let mut out = Vec::new();
    let mut seen: Vec<&str> = Vec::new();
    for (i, raw) in header.iter().enumerate() {
        let name = opts
            .map_attributes
            .iter()
            .find(|(from, _)| from == raw)
            .map_or(raw.as_str(), |(_, to)| to.as_str());
        let col = if opts.ignore_columns.iter().any(|c| c == raw) {
            PeopleColumn::Ignored
        } else if name == "person_id" {
            PeopleColumn::Id
        } else if name == "email_permission" {
            PeopleColumn::Email
        } else if let Some((_, flag, _)) = CONSENT_FLAGS.iter().find(|(c, _, _)| *c == name) {
            PeopleColumn::Consent(*flag)
        } else if let Some((a, _)) = attrs.iter().find(|(a, _)| *a == name) {
            PeopleColumn::Attribute(a)
        } else if vocab()
            .attribute(name)
            .is_some_and(|d| matches!(d.kind, AttributeKind::SpecialCategory(_)))
        {
            problems.push(format!(
                "column {} ({}) is a special category of personal data: Candor never counts people by it. Leave it out of the file, or pass --ignore-column {}",
                i + 1,
                clean(raw),
                clean(raw)
            ));
            continue;
        } else {
            let known = attrs
                .iter()
                .map(|(a, _)| *a)
                .chain(CONSENT_COLUMNS)
                .chain(["person_id"]);
            let near = closest(name, known);
            let hint = match near.first() {
                Some(n) => format!(
                    " Did you mean {n}? If so, pass --map-attribute {}={n}.",
                    clean(raw)
                ),
                None => String::new(),
            };
            problems.push(format!(
                "column {} ({}) is not an attribute Candor knows.{hint} To leave it out, pass --ignore-column {}; `candor vocab` lists the attributes",
                i + 1,
                clean(raw),
                clean(raw)
            ));
            continue;
        };
        if let PeopleColumn::Id
        | PeopleColumn::Email
        | PeopleColumn::Attribute(_)
        | PeopleColumn::Consent(_) = col
            && seen.contains(&name)
        {
            problems.push(format!("column {} ({}) appears twice", i + 1, clean(name)));
        }
        if !matches!(col, PeopleColumn::Ignored) {
            seen.push(name);
        }
        out.push(col);
    }
    if !out.iter().any(|c| matches!(c, PeopleColumn::Id)) {
        problems.push("there is no person_id column".into());
    }
    if problems.is_empty() {
        Ok(out)
    } else {
        Err(problems)
    }
}

/// Reads the three files into a population. `progress` is told (file name, bytes read, bytes
/// in all) as it goes.
pub fn import(
    people: &Path,
    events: &Path,
    catalogue: Option<&Path>,
    opts: &ImportOptions,
    progress: &mut dyn FnMut(&str, u64, u64),
) -> Result<(Population, Summary), ImportError> {
    let description = format!(
        "the people imported from {}",
        people.file_name().map_or_else(
            || people.display().to_string(),
            |n| n.to_string_lossy().into()
        )
    );
    let mut b = Builder::new(clean(&description));
    let mut bad = Bad {
        cells: Vec::new(),
        total: 0,
    };
    let mut products = 0;
    if let Some(path) = catalogue {
        let mut r = Reader::open(path)?;
        let header = r.header()?;
        let want: Vec<String> = CATALOGUE_COLUMNS.iter().map(|s| s.to_string()).collect();
        if header != want {
            return Err(ImportError::Header {
                path: path.to_path_buf(),
                problems: vec![format!(
                    "the columns must be {}, in that order; they are {}",
                    CATALOGUE_COLUMNS.join(", "),
                    clean(&header.join(", "))
                )],
            });
        }
        r.for_each_row(&mut bad, progress, |record, _, _| {
            b.product(&record[0], &record[1], &record[2]);
            products += 1;
        });
    }

    let mut r = Reader::open(people)?;
    let header = r.header()?;
    let columns = people_columns(&header, opts).map_err(|problems| ImportError::Header {
        path: people.to_path_buf(),
        problems,
    })?;
    let name = r.name.clone();
    r.for_each_row(&mut bad, progress, |record, line, bad| {
        let cell = |i: usize, value: &str, why: String| BadCell {
            file: name.clone(),
            line,
            column: i + 1,
            column_name: header[i].clone(),
            value: value.to_string(),
            why,
        };
        let id_at = columns
            .iter()
            .position(|c| matches!(c, PeopleColumn::Id))
            .unwrap_or(0);
        let p: PersonRef = match b.person(&record[id_at]) {
            Ok(p) => p,
            Err(why) => {
                bad.push(cell(id_at, &record[id_at], why));
                return;
            }
        };
        let mut flags = 0;
        for (i, col) in columns.iter().enumerate() {
            let v = record[i].trim();
            match col {
                PeopleColumn::Id | PeopleColumn::Ignored => {}
                PeopleColumn::Consent(flag) => match v {
                    "yes" => flags |= flag,
                    "no" | "" => {}
                    _ => bad.push(cell(i, v, "expected yes, no or nothing".into())),
                },
                PeopleColumn::Email => {
                    match Permission::named(if v.is_empty() { "none" } else { v }) {
                        Some(perm) => b.set_email(p, perm),
                        None => {
                            bad.push(cell(i, v, "expected none, soft, explicit or double".into()))
                        }
                    }
                }
                PeopleColumn::Attribute(a) => {
                    if let Err(why) = b.set(p, a, v) {
                        bad.push(cell(i, v, why));
                    }
                }
            }
        }
        b.set_consent(p, flags);
    });
    if b.people() == 0 && bad.total == 0 {
        return Err(ImportError::Empty(format!(
            "{} holds no people",
            people.display()
        )));
    }

    let mut r = Reader::open(events)?;
    let header = r.header()?;
    let mut at = [usize::MAX; 5];
    let mut problems = Vec::new();
    for (i, h) in header.iter().enumerate() {
        match EVENT_COLUMNS.iter().position(|c| c == h) {
            Some(k) if at[k] == usize::MAX => at[k] = i,
            Some(_) => problems.push(format!("column {} ({}) appears twice", i + 1, clean(h))),
            None if opts.ignore_columns.contains(h) => {}
            None => problems.push(format!(
                "column {} ({}) is not one of {}. To leave it out, pass --ignore-column {}",
                i + 1,
                clean(h),
                EVENT_COLUMNS.join(", "),
                clean(h)
            )),
        }
    }
    for (k, c) in EVENT_COLUMNS.iter().enumerate() {
        if at[k] == usize::MAX {
            problems.push(format!("there is no {c} column"));
        }
    }
    if !problems.is_empty() {
        return Err(ImportError::Header {
            path: events.to_path_buf(),
            problems,
        });
    }
    let mut count = 0;
    let name = r.name.clone();
    r.for_each_row(&mut bad, progress, |record, line, bad| {
        let cell = |k: usize, why: String| BadCell {
            file: name.clone(),
            line,
            column: at[k] + 1,
            column_name: EVENT_COLUMNS[k].to_string(),
            value: record[at[k]].to_string(),
            why,
        };
        let get = |k: usize| record[at[k]].trim();
        let person = b.find(get(0));
        let when = parse_moment(get(1));
        let action_text = get(2);
        let mapped = opts
            .map_actions
            .iter()
            .find(|(from, _)| from == action_text)
            .map_or(action_text, |(_, to)| to.as_str());
        let action = action_named(mapped);
        let kind = TargetKind::named(get(3));
        let mut ok = true;
        if person.is_none() {
            bad.push(cell(0, "no one in the people file has this id".into()));
            ok = false;
        }
        if when.is_none() {
            bad.push(cell(
                1,
                "expected a date and time such as 2026-11-30 14:05:00 (UTC) or 2026-11-30T14:05:00+01:00".into(),
            ));
            ok = false;
        }
        if action.is_none() {
            let near = closest(mapped, ACTION_NAMES);
            let hint = match near.first() {
                Some(n) => format!(
                    "; if it means {n}, pass --map-action {}={n}",
                    clean(action_text)
                ),
                None => format!("; map it with --map-action {}=ACTION", clean(action_text)),
            };
            bad.push(cell(
                2,
                format!(
                    "not one of Candor's actions ({}){hint}",
                    ACTION_NAMES.join(", ")
                ),
            ));
            ok = false;
        }
        if kind.is_none() {
            let names: Vec<&str> = TargetKind::ALL
                .iter()
                .map(|k| k.name())
                .filter(|n| !n.is_empty())
                .collect();
            bad.push(cell(
                3,
                format!("expected one of {}, or nothing", names.join(", ")),
            ));
            ok = false;
        }
        if let (true, Some(p), Some(t), Some(a), Some(k)) = (ok, person, when, action, kind) {
            b.event(p, t, a, k, get(4));
            count += 1;
        }
    });
    if bad.total > 0 {
        return Err(ImportError::BadCells {
            cells: bad.cells,
            total: bad.total,
        });
    }
    let as_of = opts
        .as_of
        .or_else(|| b.latest_event())
        .unwrap_or_else(|| time::OffsetDateTime::now_utc().unix_timestamp());
    let people_n = b.people();
    let (pop, later) = b.finish(as_of);
    Ok((
        pop,
        Summary {
            people: people_n,
            events: count - later,
            products,
            later,
            as_of: format_moment(as_of),
        },
    ))
}

/// A CSV file readable by its owner only: it holds people's data.
fn private_writer(path: &Path) -> std::io::Result<csv::Writer<File>> {
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create(true).truncate(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
    Ok(csv::Writer::from_writer(options.open(path)?))
}

/// Writes `people.csv`, `events.csv` and `catalogue.csv` into `dir`, readable by their owner
/// only.
pub fn export(pop: &Population, dir: &Path) -> std::io::Result<()> {
    std::fs::create_dir_all(dir)?;
    let attrs = attribute_columns();
    let mut w = private_writer(&dir.join("people.csv"))?;
    let mut header = vec!["person_id"];
    header.extend(CONSENT_COLUMNS);
    header.extend(attrs.iter().map(|(a, _)| *a));
    w.write_record(&header)?;
    for (i, id) in pop.ids.iter().enumerate() {
        let mut row = vec![id.clone()];
        row.extend(pop.consent_cells(i));
        for (a, _) in &attrs {
            row.push(pop.column(a).map(|c| value_text(c, i)).unwrap_or_default());
        }
        w.write_record(&row)?;
    }
    w.flush()?;
    let mut w = private_writer(&dir.join("events.csv"))?;
    w.write_record(EVENT_COLUMNS)?;
    for (person, action, target, age) in pop.each_event() {
        w.write_record([
            pop.ids[person].as_str(),
            &format_moment(pop.origin.as_of - i64::from(age)),
            super::population::action_name(action),
            target.kind.name(),
            &target.name,
        ])?;
    }
    w.flush()?;
    let mut w = private_writer(&dir.join("catalogue.csv"))?;
    w.write_record(CATALOGUE_COLUMNS)?;
    for p in &pop.catalogue {
        w.write_record([
            p.product.as_str(),
            p.category.as_deref().unwrap_or(""),
            p.brand.as_deref().unwrap_or(""),
        ])?;
    }
    w.flush()
}
