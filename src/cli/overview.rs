//! What `candor` with no arguments prints until the terminal UI lands: a short overview and the
//! library, opened (and on first use created and seeded) at the default database.

use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

use anyhow::Result;

pub fn run(db: Option<&Path>, out: &mut dyn Write, _err: &mut dyn Write) -> Result<ExitCode> {
    let store = super::library::open_store(db)?;
    writeln!(
        out,
        "Candor designs personalization campaigns that target what people do, tell them plainly what is"
    )?;
    writeln!(out, "collected, and give something back. Your library:\n")?;
    super::library::run_list(&store, false, out)?;
    writeln!(
        out,
        "\nTry: candor check campaigns/   candor explain --list   candor --help"
    )?;
    Ok(ExitCode::SUCCESS)
}
