//! What `candor` with no arguments prints until the terminal UI lands: a short overview and the
//! findings of the bundled sample campaigns.

use std::io::Write;
use std::process::ExitCode;

use anyhow::Result;

use candor::checks::{self, Counts};
use candor::model::ron_io;
use candor::samples::SAMPLES;

pub fn run(out: &mut dyn Write, _err: &mut dyn Write) -> Result<ExitCode> {
    writeln!(
        out,
        "Candor designs personalization campaigns that target what people do, tell them plainly what is"
    )?;
    writeln!(
        out,
        "collected, and give something back. The bundled sample campaigns and what the checks find:\n"
    )?;
    for (name, text) in SAMPLES {
        let doc = ron_io::load_str(name, text)?;
        let counts = Counts::of(&checks::check_document(&doc));
        writeln!(
            out,
            "  {:34} {:2} errors {:2} warnings {:2} notes",
            doc.campaign.name, counts.errors, counts.warnings, counts.infos
        )?;
    }
    writeln!(
        out,
        "\nTry: candor check campaigns/   candor explain --list   candor --help"
    )?;
    Ok(ExitCode::SUCCESS)
}
