//! `candor population …`, `candor reach` and `candor audience …`: populations to count on,
//! the reach of a campaign over one, and its audience as SQL for a warehouse.

use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{Context, Result, bail};
use indicatif::{ProgressBar, ProgressStyle};

use candor::model::Campaign;
use candor::model::ron_io;
use candor::reach::csv::ImportOptions;
use candor::reach::population::parse_moment;
use candor::reach::report::{Report, share_words, thousands};
use candor::reach::sql::{Dialect, Options, Select};
use candor::reach::{Population, file};
use candor::text::clean;

/// The population to use: --population, CANDOR_POPULATION, or the one beside the library.
pub fn population_path(explicit: Option<&Path>, db: Option<&Path>) -> Result<PathBuf> {
    if let Some(p) = explicit {
        return Ok(p.to_path_buf());
    }
    let db = match db {
        Some(p) => p.to_path_buf(),
        None => candor::store::default_db_path()
            .context("could not find a home folder; pass --population PATH")?,
    };
    Ok(candor::reach::file::beside(&db))
}

fn shown(p: &Path) -> String {
    clean(&p.display().to_string())
}

/// Loads a population, saying what to do when there is none.
pub fn load_population(path: &Path) -> Result<Population> {
    match file::load(path) {
        Ok(p) => Ok(p),
        Err(file::PopulationError::Missing(_)) => bail!(
            "no population at {}\n  help: create the sample with `candor population generate --people 50000 --out {}`, or import your own with `candor population import`",
            shown(path),
            shown(path)
        ),
        Err(e) => bail!(
            "{e}\n  help: pass --population with a file made by `candor population generate` or `candor population import`; this one is left as it is"
        ),
    }
}

/// A campaign from a .ron file or the library, read only.
pub fn load_campaign(target: &str, db: Option<&Path>) -> Result<Campaign> {
    let path = Path::new(target);
    if target.ends_with(".ron") || path.is_file() {
        return Ok(ron_io::load_file(path)?.campaign);
    }
    let store = super::library::open_store_reading(db)?;
    let stored = store.get(target).with_context(|| {
        format!(
            "\"{}\" is neither a .ron file nor a campaign id in the library",
            clean(target)
        )
    })?;
    Ok(stored.campaign)
}

fn bar(len: u64, template: &str) -> ProgressBar {
    if !std::io::stderr().is_terminal() {
        return ProgressBar::hidden();
    }
    let b = ProgressBar::new(len);
    b.set_style(
        ProgressStyle::with_template(template)
            .unwrap_or_else(|_| ProgressStyle::default_bar())
            .progress_chars("=> "),
    );
    b
}

fn save_with_progress(pop: &Population, out: &Path) -> Result<()> {
    let b = bar(
        pop.len() as u64,
        "writing    [{bar:40}] {pos}/{len} people, {eta} left",
    );
    file::save(pop, out, &mut |n| b.set_position(n as u64))?;
    b.finish_and_clear();
    Ok(())
}

fn moment(text: Option<&str>) -> Result<Option<i64>> {
    text.map(|t| {
        parse_moment(t).with_context(|| {
            format!(
                "--as-of {}: expected a date and time such as 2026-11-30 12:00:00 (UTC)",
                clean(t)
            )
        })
    })
    .transpose()
}

pub fn run_generate(
    people: usize,
    seed: u64,
    as_of: Option<&str>,
    out_path: &Path,
    out: &mut dyn Write,
) -> Result<ExitCode> {
    if people == 0 {
        bail!("--people must be at least 1");
    }
    let pop = candor::reach::generate::generate(people, seed, moment(as_of)?);
    save_with_progress(&pop, out_path)?;
    writeln!(
        out,
        "Wrote {} people and {} events to {} (seed {seed}, as of {} UTC).",
        thousands(pop.len()),
        thousands(pop.events()),
        shown(out_path),
        candor::reach::population::format_moment(pop.origin.as_of)
    )?;
    Ok(ExitCode::SUCCESS)
}

pub struct ImportArgs<'a> {
    pub people: &'a Path,
    pub events: &'a Path,
    pub catalogue: Option<&'a Path>,
    pub map_attributes: &'a [String],
    pub map_actions: &'a [String],
    pub ignore_columns: &'a [String],
    pub as_of: Option<&'a str>,
}

fn pairs(flag: &str, items: &[String]) -> Result<Vec<(String, String)>> {
    items
        .iter()
        .map(|s| {
            s.split_once('=')
                .map(|(a, b)| (a.trim().to_string(), b.trim().to_string()))
                .with_context(|| format!("{flag} {}: expected NAME=CANDOR_NAME", clean(s)))
        })
        .collect()
}

pub fn run_import(args: &ImportArgs, out_path: &Path, out: &mut dyn Write) -> Result<ExitCode> {
    let opts = ImportOptions {
        map_attributes: pairs("--map-attribute", args.map_attributes)?,
        map_actions: pairs("--map-action", args.map_actions)?,
        ignore_columns: args.ignore_columns.to_vec(),
        as_of: moment(args.as_of)?,
    };
    let b = bar(100, "{msg:12} [{bar:40}] {percent}%, {eta} left");
    let result = candor::reach::csv::import(
        args.people,
        args.events,
        args.catalogue,
        &opts,
        &mut |name, done, total| {
            b.set_message(name.to_string());
            b.set_length(total.max(1));
            b.set_position(done);
        },
    );
    b.finish_and_clear();
    let (pop, summary) = result?;
    save_with_progress(&pop, out_path)?;
    writeln!(
        out,
        "Imported {} people, {} events and {} products into {} (as of {} UTC).",
        thousands(summary.people),
        thousands(summary.events),
        thousands(summary.products),
        shown(out_path),
        summary.as_of
    )?;
    if summary.later > 0 {
        writeln!(
            out,
            "Left out {} events after {} UTC (--as-of).",
            thousands(summary.later),
            summary.as_of
        )?;
    }
    Ok(ExitCode::SUCCESS)
}

pub fn run_export(population: &Path, dir: &Path, out: &mut dyn Write) -> Result<ExitCode> {
    let pop = load_population(population)?;
    candor::reach::csv::export(&pop, dir)
        .with_context(|| format!("could not write the CSV files into {}", shown(dir)))?;
    writeln!(
        out,
        "Wrote people.csv ({} people), events.csv ({} events) and catalogue.csv into {}.",
        thousands(pop.len()),
        thousands(pop.events()),
        shown(dir)
    )?;
    Ok(ExitCode::SUCCESS)
}

pub fn run_show(population: &Path, out: &mut dyn Write) -> Result<ExitCode> {
    let pop = load_population(population)?;
    writeln!(out, "{}", shown(population))?;
    writeln!(out, "  {}", clean(&pop.origin.description))?;
    writeln!(
        out,
        "  {} people, {} events, {} products; windows count back from {} UTC",
        thousands(pop.len()),
        thousands(pop.events()),
        thousands(pop.catalogue.len()),
        candor::reach::population::format_moment(pop.origin.as_of)
    )?;
    Ok(ExitCode::SUCCESS)
}

/// The report as the CLI prints it.
pub fn report_text(r: &Report) -> String {
    let mut s = String::new();
    let people = thousands(r.people);
    s.push_str(&format!(
        "Reach of {} on {}, behaviour up to {} UTC\n\n",
        r.campaign, r.population, r.as_of
    ));
    s.push_str(&format!(
        "  The audience takes in  {} of {people} people ({})\n",
        thousands(r.reached),
        share_words(r.reached, r.people)
    ));
    s.push_str(&format!(
        "  Of them, reachable     {} (with consent and a channel they allow)\n",
        thousands(r.reachable)
    ));
    let reasons: Vec<_> = r.unreachable.iter().filter(|u| u.people > 0).collect();
    for u in &reasons {
        s.push_str(&format!("    {} have {}\n", thousands(u.people), u.why));
    }
    if reasons.len() > 1 {
        s.push_str(&format!(
            "    ({})\n",
            candor::reach::report::REASONS_OVERLAP
        ));
    }
    for t in &r.unknown_targets {
        s.push_str(&format!(
            "  No event in this population is about {t}, so that condition matches nobody: is it spelled as in the catalogue?\n"
        ));
    }
    let i = &r.interest;
    s.push_str(&format!(
        "\n  Interest ({}): people who {}\n    {} people, {} of them reachable; the audience takes in {} and leaves out {}.\n",
        i.source,
        i.condition,
        thousands(i.interested),
        thousands(i.interested_reachable),
        thousands(i.reached_interested),
        thousands(i.missed)
    ));
    if !r.attributes.is_empty() {
        s.push_str("\n  What each condition on who people are leaves out:\n");
        for a in &r.attributes {
            s.push_str(&format!("    {} ({})\n", a.condition, a.location));
            if a.unknown_attribute {
                s.push_str(
                    "      the population holds no value of this attribute, so it matches nobody\n",
                );
            }
            let of = a.among(r.people);
            // Counted among the same people: those who meet the rest of the audience.
            let who = if a.rest == r.people {
                "people"
            } else {
                "among them"
            };
            s.push_str(&format!(
                "      excludes {} of {of},\n      and {} of the {} {who} who {}\n",
                thousands(a.excluded),
                thousands(a.interested_excluded),
                thousands(a.interested_rest),
                i.condition
            ));
        }
    }
    if r.demographic_only {
        s.push_str(&format!(
            "\n  The audience is demographic-only: {} of the people it takes in showed this interest\n  (against {} of everyone), and it misses {} interested people. Targeting the interest\n  instead reaches {}.\n",
            share_words(i.reached_interested, r.reached),
            share_words(i.interested, r.people),
            thousands(i.missed),
            thousands(i.interested_reachable)
        ));
    }
    s
}

pub fn run_reach(
    target: &str,
    population: &Path,
    json: bool,
    db: Option<&Path>,
    out: &mut dyn Write,
) -> Result<ExitCode> {
    let campaign = load_campaign(target, db)?;
    let pop = load_population(population)?;
    let r = candor::reach::report(&pop, &campaign);
    if json {
        candor::text::json::to_writer_pretty(&mut *out, &r)?;
        writeln!(out)?;
    } else {
        write!(out, "{}", report_text(&r))?;
    }
    Ok(ExitCode::SUCCESS)
}

pub struct SqlArgs<'a> {
    pub dialect: Dialect,
    pub count: bool,
    pub reachable: bool,
    pub as_of: Option<&'a str>,
    /// Take the moment from this population file.
    pub population: Option<&'a Path>,
}

pub fn run_sql(
    target: &str,
    a: &SqlArgs,
    db: Option<&Path>,
    out: &mut dyn Write,
) -> Result<ExitCode> {
    let campaign = load_campaign(target, db)?;
    let as_of = match (moment(a.as_of)?, a.population) {
        (Some(t), _) => Some(t),
        (None, Some(p)) => Some(load_population(p)?.origin.as_of),
        (None, None) => None,
    };
    let sql = candor::reach::sql::audience_sql(
        &campaign,
        &Options {
            dialect: a.dialect,
            select: if a.count {
                Select::Count
            } else {
                Select::People
            },
            reachable: a.reachable,
            as_of,
        },
    );
    write!(out, "{sql}")?;
    Ok(ExitCode::SUCCESS)
}

pub fn run_schema(dialect: Dialect, out: &mut dyn Write) -> Result<ExitCode> {
    write!(out, "{}", candor::reach::sql::schema_sql(dialect))?;
    Ok(ExitCode::SUCCESS)
}
