//! The `candor` binary: argument parsing and wiring. The only place that touches the real
//! terminal and stdout.
#![forbid(unsafe_code)]

mod cli;

// mimalloc instead of the system allocator: reading, checking and writing a campaign allocates
// many small strings, and an import of 10,000 files runs about 10% faster with it.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use candor::checks::files::FixMode;
use clap::{Parser, Subcommand, ValueEnum};

#[derive(Parser)]
#[command(
    name = "candor",
    version,
    about = "Design personalization campaigns that target intent, disclose plainly and give value back."
)]
struct Cli {
    /// The database to use [env: CANDOR_DB] [default: candor.db in Candor's data folder]
    #[arg(long, global = true, value_name = "PATH")]
    db: Option<PathBuf>,
    /// Open the library only to read: nothing is written to it. Automatic when the file or
    /// its folder cannot be written; list, show, history, export, screenshot and review --print
    /// always open an existing library read-only (where there is none and --read-only is not
    /// given, they first create one with the samples, and say so).
    #[arg(long, global = true)]
    read_only: bool,
    /// The population reach is counted on [env: CANDOR_POPULATION] [default: beside the
    /// library, candor-population.db for candor.db]
    #[arg(long, global = true, value_name = "PATH")]
    population: Option<PathBuf>,
    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(Clone, Copy, ValueEnum)]
enum ListFormat {
    Text,
    Json,
    Tsv,
}

#[derive(Clone, Copy, ValueEnum)]
enum Format {
    Text,
    Json,
}

#[derive(Subcommand)]
enum Command {
    /// Check campaign files and print what the rules find.
    ///
    /// Exit code: 0 when nothing counts against the files, 1 when an error does (or a warning,
    /// with --deny-warnings), 2 when a file, the settings or the baseline cannot be read.
    Check {
        /// Files or folders of .ron campaigns [default: campaigns/]
        paths: Vec<PathBuf>,
        #[arg(long, value_enum, default_value = "text")]
        format: cli::check::CheckFormat,
        /// Exit 1 on warnings too, not only on errors.
        #[arg(long)]
        deny_warnings: bool,
        /// Settings file to use instead of the nearest candor.toml.
        #[arg(long, value_name = "FILE")]
        config: Option<PathBuf>,
        /// Print the settings in effect (candor.toml and defaults) and stop.
        #[arg(long)]
        show_settings: bool,
        /// Record today's findings in FILE, so later runs report only new ones.
        #[arg(long, value_name = "FILE")]
        write_baseline: Option<PathBuf>,
        /// Report only findings that FILE (from --write-baseline) does not record.
        #[arg(long, value_name = "FILE", conflicts_with = "write_baseline")]
        baseline: Option<PathBuf>,
        /// Apply the fixes that change nothing beyond what each rule asks, then report.
        #[arg(long)]
        fix: bool,
        /// With --fix, also apply the fixes that change what the campaign does.
        #[arg(long, requires = "fix")]
        unsafe_fixes: bool,
        /// With --fix, print what would change as a diff instead of writing; exit 1 if anything would, 2 if a file cannot be read.
        #[arg(long, requires = "fix")]
        diff: bool,
        /// Check on one core only (the output is the same).
        #[arg(long)]
        single_thread: bool,
    },
    /// Create, import or export the population that reach is counted on.
    Population {
        #[command(subcommand)]
        action: PopulationCommand,
    },
    /// How many people a campaign's audience takes in, who of them can be reached, and what
    /// each condition on who people are leaves out.
    Reach {
        /// A campaign id in the library, or a .ron file.
        campaign: String,
        #[arg(long, value_enum, default_value = "text")]
        format: Format,
    },
    /// A campaign's audience as SQL for a warehouse, and the tables it reads.
    Audience {
        #[command(subcommand)]
        action: AudienceCommand,
    },
    /// Print the explanation of a rule, or list every rule.
    Explain {
        /// A rule id such as demographic-only-targeting.
        rule: Option<String>,
        /// List every rule with its severity, whether it has a fix, and one line.
        #[arg(long)]
        list: bool,
        /// Write every rule's explanation as DIR/RULE-ID.md (the pages findings link to).
        #[arg(long, value_name = "DIR", conflicts_with_all = ["rule", "list"])]
        write_docs: Option<PathBuf>,
    },
    /// List the attributes, data categories and purposes campaigns may use.
    Vocab,
    /// Rewrite campaign files in canonical form (stable field order, one field per line).
    Fmt {
        /// Files or folders of .ron campaigns.
        #[arg(required = true)]
        paths: Vec<PathBuf>,
        /// Only list files that are not canonical; exit 1 if any.
        #[arg(long)]
        check: bool,
    },
    /// Print the notice a visitor would read before sharing data, in their language.
    Disclosure {
        /// A .ron campaign file, or a campaign id in the library.
        campaign: String,
        /// Language code [default: the campaign's first language]
        #[arg(long)]
        locale: Option<String>,
        #[arg(long, value_enum, default_value = "text")]
        format: cli::disclosure::DisclosureFormat,
    },
    /// Render a screen to plain text on stdout, without a terminal (for reviewers, docs, tests).
    Screenshot {
        /// Which screen: `library` (default) or `edit ID`.
        target: Vec<String>,
        /// The terminal size to render at.
        #[arg(long, default_value = "120x40")]
        size: String,
        /// Keys to press first, such as "] i <enter>" (named keys in angle brackets).
        #[arg(long)]
        keys: Option<String>,
    },
    /// Review a RON campaign file read-only: summary, findings, disclosure, decisions.
    Review {
        file: PathBuf,
        /// Print the review as text instead of opening the terminal UI.
        #[arg(long)]
        print: bool,
    },
    /// Import .ron campaign files or folders into the library.
    Import {
        #[arg(required = true)]
        paths: Vec<PathBuf>,
    },
    /// Export campaigns from the library as .ron files.
    Export {
        /// Campaign ids to export.
        ids: Vec<String>,
        /// Export every campaign.
        #[arg(long, conflicts_with = "ids")]
        all: bool,
        /// The folder to write to.
        #[arg(long, value_name = "DIR")]
        out: PathBuf,
    },
    /// List the campaigns in the library.
    List {
        /// text fits 80 columns (names are shortened, ids never); tsv is one tab-separated
        /// line per campaign with nothing shortened, for cut and spreadsheets
        #[arg(long, value_enum, default_value = "text")]
        format: ListFormat,
    },
    /// List the saved revisions of a campaign.
    History {
        /// The campaign's id, as `candor list` shows it.
        id: String,
    },
    /// Print a campaign's RON text, the current revision or an older one.
    Show {
        /// The campaign's id, as `candor list` shows it.
        id: String,
        /// The revision to print, by its number in `candor history ID` [default: the latest].
        #[arg(long, value_name = "N")]
        revision: Option<i64>,
    },
    /// Make an old revision current again (as a new revision; history is kept).
    Restore {
        /// The campaign's id, as `candor list` shows it.
        id: String,
        /// The revision to bring back, by its number in `candor history ID`.
        revision: i64,
    },
    /// Print the key bindings in force: the defaults, and any from your keys.ron.
    Keys,
    /// Send a campaign's visitor texts to translators as a PO file, and bring them back.
    Translations {
        #[command(subcommand)]
        action: TranslationsCommand,
    },
}

#[derive(Subcommand)]
enum PopulationCommand {
    /// Write a synthetic population, the same for the same seed (its model is in the README;
    /// it is not market data).
    Generate {
        /// How many people.
        #[arg(long, default_value_t = 50_000)]
        people: usize,
        #[arg(long, default_value_t = 1)]
        seed: u64,
        /// The moment its 90 days of behaviour end [default: 2026-11-01 00:00:00 UTC]
        #[arg(long, value_name = "WHEN")]
        as_of: Option<String>,
        /// The file to write [default: the --population path]
        #[arg(long, value_name = "FILE")]
        out: Option<PathBuf>,
    },
    /// Import your own people and events from CSV files (columns in the README).
    ///
    /// Nothing is guessed: an unknown column, action or target kind is refused unless you map
    /// or ignore it, and every bad cell is reported with its line and column.
    Import {
        /// person_id, consent columns, then attribute columns.
        #[arg(long, value_name = "FILE")]
        people: PathBuf,
        /// person_id, occurred_at, action, target_kind, target.
        #[arg(long, value_name = "FILE")]
        events: PathBuf,
        /// product, category, brand: so that a category or brand also counts its products.
        #[arg(long, value_name = "FILE")]
        catalogue: Option<PathBuf>,
        /// A people column and the attribute it holds, such as --map-attribute birth_year_age=age.
        #[arg(long, value_name = "COLUMN=ATTRIBUTE")]
        map_attribute: Vec<String>,
        /// An action in your events and Candor's action it means, such as
        /// --map-action order_completed=purchase.
        #[arg(long, value_name = "NAME=ACTION")]
        map_action: Vec<String>,
        /// A column to leave out.
        #[arg(long, value_name = "COLUMN")]
        ignore_column: Vec<String>,
        /// The moment windows count back from [default: the latest event]
        #[arg(long, value_name = "WHEN")]
        as_of: Option<String>,
        /// The file to write [default: the --population path]
        #[arg(long, value_name = "FILE")]
        out: Option<PathBuf>,
    },
    /// Write the population as people.csv, events.csv and catalogue.csv.
    Export {
        #[arg(long, value_name = "DIR")]
        out: PathBuf,
    },
    /// Say what the population holds.
    Show,
}

#[derive(Subcommand)]
enum AudienceCommand {
    /// Print a campaign's audience as SQL over the people, events and catalogue tables.
    Sql {
        /// A campaign id in the library, or a .ron file.
        campaign: String,
        #[arg(long, value_enum)]
        dialect: candor::reach::sql::Dialect,
        /// Count the people instead of listing them.
        #[arg(long)]
        count: bool,
        /// Only people the campaign may reach: consents and a channel permission.
        #[arg(long)]
        reachable: bool,
        /// The moment windows count back from [default: now, or the moment of --population]
        #[arg(long, value_name = "WHEN")]
        as_of: Option<String>,
    },
    /// Print the CREATE TABLE statements of the people, events and catalogue tables.
    Schema {
        #[arg(long, value_enum)]
        dialect: candor::reach::sql::Dialect,
    },
}

#[derive(Subcommand)]
enum TranslationsCommand {
    /// Write a PO file with the texts to translate into one of the campaign's languages.
    Export {
        /// A campaign id in the library, or a .ron file.
        campaign: String,
        /// The language to translate into, such as es.
        #[arg(long, value_name = "LANG")]
        to: String,
        /// The PO file to write [default: standard output]
        #[arg(long, value_name = "FILE")]
        out: Option<PathBuf>,
    },
    /// Read a translated PO file back into the campaign (a new revision, or the .ron file).
    /// Refused, with the keys listed, when a source text changed since export.
    Import {
        /// A campaign id in the library, or a .ron file.
        campaign: String,
        /// The translated PO file.
        po: PathBuf,
    },
}

/// What a command does with the library.
#[derive(PartialEq)]
enum LibraryUse {
    None,
    Reads,
    Writes,
}

impl Command {
    fn library_use(&self) -> LibraryUse {
        // A target that names a file is worked on in the file, not in the library.
        let in_library = |target: &str| !(target.ends_with(".ron") || Path::new(target).is_file());
        match self {
            Command::Import { .. } | Command::Restore { .. } => LibraryUse::Writes,
            Command::Translations {
                action: TranslationsCommand::Import { campaign, .. },
            } if in_library(campaign) => LibraryUse::Writes,
            Command::Translations {
                action: TranslationsCommand::Export { campaign, .. },
            }
            | Command::Disclosure { campaign, .. }
            | Command::Reach { campaign, .. }
            | Command::Audience {
                action: AudienceCommand::Sql { campaign, .. },
            } if in_library(campaign) => LibraryUse::Reads,
            Command::Export { .. }
            | Command::Review { .. }
            | Command::List { .. }
            | Command::History { .. }
            | Command::Show { .. }
            | Command::Screenshot { .. } => LibraryUse::Reads,
            _ => LibraryUse::None,
        }
    }

    /// The command as typed, for messages.
    fn name(&self) -> &'static str {
        match self {
            Command::Import { .. } => "import",
            Command::Restore { .. } => "restore",
            _ => "translations import",
        }
    }
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let stdout = std::io::stdout();
    let stderr = std::io::stderr();
    let mut out = stdout.lock();
    let mut err = stderr.lock();
    // CANDOR_DB= (set but empty) means unset, as for most variables of its kind (clap's env
    // support would call it a missing value).
    let env_db = std::env::var_os("CANDOR_DB")
        .filter(|v| !v.is_empty())
        .map(PathBuf::from);
    let db = cli.db.as_deref().or(env_db.as_deref());
    let env_population = std::env::var_os("CANDOR_POPULATION")
        .filter(|v| !v.is_empty())
        .map(PathBuf::from);
    let explicit_population = cli.population.as_deref().or(env_population.as_deref());
    let population = || cli::reach::population_path(explicit_population, db);
    // The user's key file, read once before any screen; a problem keeps the defaults and is
    // shown on the first screen (and by `candor keys`).
    let key_problem = candor::app::keymap::install_from_config();
    // --read-only promises that nothing is written: a command that writes is refused, and one
    // that reads (the terminal UI and review among them) never creates a library that is not
    // there.
    if cli.read_only {
        let library_use = cli
            .command
            .as_ref()
            .map_or(LibraryUse::Reads, Command::library_use);
        let refused = match library_use {
            LibraryUse::Writes => cli.command.as_ref().map(|command| {
                format!(
                    "{} writes to the library, and --read-only says nothing may be written. Leave out --read-only to {}.",
                    command.name(),
                    command.name()
                )
            }),
            LibraryUse::Reads => cli::library::must_exist(db).err().map(|e| format!("{e:#}")),
            LibraryUse::None => None,
        };
        if let Some(why) = refused {
            let _ = writeln!(err, "error: {}", candor::text::clean_multiline(&why));
            return ExitCode::from(2);
        }
    }
    let result = match cli.command {
        None => cli::tui::run(db, explicit_population, cli.read_only, None),
        Some(Command::Check {
            paths,
            format,
            deny_warnings,
            config,
            show_settings,
            write_baseline,
            baseline,
            fix,
            unsafe_fixes,
            diff,
            single_thread,
        }) => {
            let opts = cli::check::CheckOptions {
                format,
                deny_warnings,
                config,
                show_settings,
                write_baseline,
                baseline,
                fix: match (fix, unsafe_fixes) {
                    (false, _) => FixMode::None,
                    (true, false) => FixMode::Safe,
                    (true, true) => FixMode::Unsafe,
                },
                diff,
                single_thread,
            };
            cli::check::paths_or_default(paths, opts.show_settings)
                .and_then(|paths| cli::check::run_check(&paths, &opts, &mut out, &mut err))
        }
        Some(Command::Explain {
            write_docs: Some(dir),
            ..
        }) => cli::explain::write_docs(&dir, &mut out),
        Some(Command::Explain { rule, list, .. }) => {
            cli::explain::run_explain(rule.as_deref(), list, &mut out, &mut err)
        }
        Some(Command::Vocab) => cli::explain::run_vocab(&mut out),
        Some(Command::Review { file, print }) => {
            if print {
                cli::tui::print_review(db, &file, &mut out)
            } else {
                cli::tui::run(db, explicit_population, cli.read_only, Some(&file))
            }
        }
        Some(Command::Screenshot { target, size, keys }) => cli::tui::screenshot(
            db,
            explicit_population,
            &size,
            &target,
            keys.as_deref(),
            &mut out,
        ),
        Some(Command::Disclosure {
            campaign,
            locale,
            format,
        }) => cli::reach::load_campaign(&campaign, db)
            .and_then(|c| cli::disclosure::run(&c, &campaign, locale.as_deref(), format, &mut out)),
        Some(Command::Fmt { paths, check }) => {
            cli::explain::run_fmt(&paths, check, &mut out, &mut err)
        }
        Some(Command::Import { paths }) => cli::library::open_store(db)
            .and_then(|mut s| cli::library::run_import(&mut s, &paths, &mut out, &mut err)),
        Some(Command::Export { ids, all, out: dir }) => cli::library::open_store_reading(db)
            .and_then(|s| cli::library::run_export(&s, &ids, all, &dir, &mut out)),
        Some(Command::List { format }) => cli::library::open_store_reading(db).and_then(|s| {
            let format = match format {
                ListFormat::Text => cli::library::ListFormat::Text,
                ListFormat::Json => cli::library::ListFormat::Json,
                ListFormat::Tsv => cli::library::ListFormat::Tsv,
            };
            cli::library::run_list(&s, format, &mut out)
        }),
        Some(Command::History { id }) => cli::library::open_store_reading(db)
            .and_then(|s| cli::library::run_history(&s, &id, &mut out)),
        Some(Command::Show { id, revision }) => cli::library::open_store_reading(db)
            .and_then(|s| cli::library::run_show(&s, &id, revision, &mut out)),
        Some(Command::Restore { id, revision }) => cli::library::open_store(db)
            .and_then(|mut s| cli::library::run_restore(&mut s, &id, revision, &mut out)),
        Some(Command::Population { action }) => match action {
            PopulationCommand::Generate {
                people,
                seed,
                as_of,
                out: file,
            } => file.map_or_else(population, Ok).and_then(|file| {
                cli::reach::run_generate(people, seed, as_of.as_deref(), &file, &mut out)
            }),
            PopulationCommand::Import {
                people,
                events,
                catalogue,
                map_attribute,
                map_action,
                ignore_column,
                as_of,
                out: file,
            } => file.map_or_else(population, Ok).and_then(|file| {
                let args = cli::reach::ImportArgs {
                    people: &people,
                    events: &events,
                    catalogue: catalogue.as_deref(),
                    map_attributes: &map_attribute,
                    map_actions: &map_action,
                    ignore_columns: &ignore_column,
                    as_of: as_of.as_deref(),
                };
                cli::reach::run_import(&args, &file, &mut out)
            }),
            PopulationCommand::Export { out: dir } => {
                population().and_then(|p| cli::reach::run_export(&p, &dir, &mut out))
            }
            PopulationCommand::Show => {
                population().and_then(|p| cli::reach::run_show(&p, &mut out))
            }
        },
        Some(Command::Reach { campaign, format }) => population().and_then(|p| {
            cli::reach::run_reach(&campaign, &p, matches!(format, Format::Json), db, &mut out)
        }),
        Some(Command::Audience { action }) => match action {
            AudienceCommand::Sql {
                campaign,
                dialect,
                count,
                reachable,
                as_of,
            } => {
                let args = cli::reach::SqlArgs {
                    dialect,
                    count,
                    reachable,
                    as_of: as_of.as_deref(),
                    population: explicit_population,
                };
                cli::reach::run_sql(&campaign, &args, db, &mut out)
            }
            AudienceCommand::Schema { dialect } => cli::reach::run_schema(dialect, &mut out),
        },
        Some(Command::Keys) => cli::keys::run(key_problem.as_deref(), &mut out, &mut err),
        Some(Command::Translations { action }) => match action {
            TranslationsCommand::Export {
                campaign,
                to,
                out: file,
            } => cli::translations::run_export(&campaign, &to, file.as_deref(), db, &mut out),
            TranslationsCommand::Import { campaign, po } => {
                cli::translations::run_import(&campaign, &po, db, &mut out)
            }
        },
    };
    let _ = out.flush();
    match result {
        Ok(code) => code,
        Err(e) => {
            // A closed pipe (`candor check | head`) is not an error worth a message.
            if is_broken_pipe(&e) {
                return ExitCode::SUCCESS;
            }
            // Line breaks in a message (its "help:" line) stay line breaks; nothing else raw.
            let _ = writeln!(
                err,
                "error: {}",
                candor::text::clean_multiline(&format!("{e:#}"))
            );
            ExitCode::from(2)
        }
    }
}

fn is_broken_pipe(e: &anyhow::Error) -> bool {
    e.chain().any(|cause| {
        cause
            .downcast_ref::<std::io::Error>()
            .map(std::io::Error::kind)
            .or_else(|| {
                cause
                    .downcast_ref::<serde_json::Error>()
                    .and_then(serde_json::Error::io_error_kind)
            })
            == Some(std::io::ErrorKind::BrokenPipe)
    })
}
