//! `candor keys`: the key bindings in force, by context, and where they come from.

use std::io::Write;
use std::process::ExitCode;

use anyhow::Result;

use candor::app::keymap::{self, Ctx};

pub fn run(problem: Option<&str>, out: &mut dyn Write, err: &mut dyn Write) -> Result<ExitCode> {
    let path = keymap::user_keys_path();
    match (&path, problem) {
        (_, Some(p)) => writeln!(err, "error: {}", candor::text::clean(p))?,
        (Some(p), None) if p.exists() => writeln!(
            out,
            "Keys from {} over the defaults (* marks yours).",
            p.display()
        )?,
        (Some(p), None) => writeln!(
            out,
            "Default keys. To change one, write {} like:\n  (bindings: [ (command: Filter, context: Library, keys: [\"f\", \"/\"]) ])",
            p.display()
        )?,
        (None, None) => writeln!(out, "Default keys (no home folder for a keys.ron).")?,
    }
    // One heading per context, in the order the table first names them.
    let table = keymap::table();
    let mut contexts: Vec<Ctx> = Vec::new();
    for b in table {
        if !contexts.contains(&b.ctx) {
            contexts.push(b.ctx);
        }
    }
    for ctx in contexts {
        writeln!(out, "\n{ctx:?}")?;
        for b in table.iter().filter(|b| b.ctx == ctx) {
            writeln!(
                out,
                "  {}{:14} {:16} {}",
                if b.changed { "*" } else { " " },
                b.keys_label,
                format!("{:?}", b.command),
                b.help
            )?;
        }
    }
    Ok(if problem.is_some() {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}
