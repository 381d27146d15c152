//! The `candor` binary: argument parsing and wiring. The only place that touches the real
//! terminal and stdout.
#![forbid(unsafe_code)]

mod cli;

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};

#[derive(Parser)]
#[command(
    name = "candor",
    version,
    about = "Design personalization campaigns that target intent, disclose plainly and give value back."
)]
struct Cli {
    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(Clone, Copy, ValueEnum)]
enum Format {
    Text,
    Json,
}

#[derive(Subcommand)]
enum Command {
    /// Check campaign files and print what the rules find.
    Check {
        /// Files or folders of .ron campaigns [default: campaigns/]
        paths: Vec<PathBuf>,
        #[arg(long, value_enum, default_value = "text")]
        format: Format,
        /// Exit 1 on warnings too, not only on errors.
        #[arg(long)]
        deny_warnings: bool,
    },
    /// Print the explanation of a rule, or list every rule.
    Explain {
        /// A rule id such as demographic-only-targeting.
        rule: Option<String>,
        /// List every rule with its severity and one line.
        #[arg(long)]
        list: bool,
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
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let stdout = std::io::stdout();
    let stderr = std::io::stderr();
    let mut out = stdout.lock();
    let mut err = stderr.lock();
    let result = match cli.command {
        None => cli::overview::run(&mut out, &mut err),
        Some(Command::Check {
            paths,
            format,
            deny_warnings,
        }) => {
            let paths = if paths.is_empty() {
                vec![PathBuf::from("campaigns")]
            } else {
                paths
            };
            let opts = cli::check::CheckOptions {
                json: matches!(format, Format::Json),
                deny_warnings,
            };
            cli::check::run_check(&paths, &opts, &mut out, &mut err)
        }
        Some(Command::Explain { rule, list }) => {
            cli::check::run_explain(rule.as_deref(), list, &mut out, &mut err)
        }
        Some(Command::Vocab) => cli::check::run_vocab(&mut out),
        Some(Command::Fmt { paths, check }) => {
            cli::check::run_fmt(&paths, check, &mut out, &mut err)
        }
    };
    let _ = out.flush();
    match result {
        Ok(code) => code,
        Err(e) => {
            // A closed pipe (`candor check | head`) is not an error worth a message.
            if e.downcast_ref::<std::io::Error>()
                .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
            {
                return ExitCode::SUCCESS;
            }
            let _ = writeln!(err, "error: {}", candor::text::clean(&format!("{e:#}")));
            ExitCode::from(2)
        }
    }
}
