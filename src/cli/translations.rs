//! `candor translations export` and `import`: a campaign's visitor texts to and from a PO file
//! for translators. The campaign is a library id or a `.ron` file.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{Context, Result, bail};

use candor::model::ron_io::{self, Document};
use candor::model::translations;
use candor::store::Store;
use candor::text::{clean, plural};

/// Where the campaign comes from and goes back to.
enum Source {
    File(PathBuf, Box<Document>),
    Library(Box<Store>, Box<candor::store::Stored>),
}

fn open(target: &str, db: Option<&Path>, write: bool) -> Result<Source> {
    let path = Path::new(target);
    if target.ends_with(".ron") || path.is_file() {
        let doc = ron_io::load_file(path)?;
        return Ok(Source::File(path.to_path_buf(), Box::new(doc)));
    }
    // Exporting only reads, so it works on a library that cannot be written.
    let store = if write {
        super::library::open_store(db)?
    } else {
        super::library::open_store_reading(db)?
    };
    let stored = store.get(target).with_context(|| {
        format!(
            "\"{}\" is neither a .ron file nor a campaign id in the library",
            clean(target)
        )
    })?;
    Ok(Source::Library(Box::new(store), Box::new(stored)))
}

pub fn run_export(
    target: &str,
    lang: &str,
    out_file: Option<&Path>,
    db: Option<&Path>,
    out: &mut dyn Write,
) -> Result<ExitCode> {
    let campaign = match open(target, db, false)? {
        Source::File(_, doc) => doc.campaign,
        Source::Library(_, stored) => stored.campaign,
    };
    let po = translations::export(&campaign, lang)?;
    let count = campaign.visitor_texts().len();
    match out_file {
        Some(p) => {
            ron_io::write_atomic(p, &po)
                .with_context(|| format!("could not write {}", p.display()))?;
            writeln!(
                out,
                "Wrote {} of \"{}\" to translate into {lang}: {}",
                plural(count, "text", "texts"),
                clean(&campaign.id),
                clean(&p.display().to_string())
            )?;
        }
        None => write!(out, "{po}")?,
    }
    Ok(ExitCode::SUCCESS)
}

pub fn run_import(
    target: &str,
    po_file: &Path,
    db: Option<&Path>,
    out: &mut dyn Write,
) -> Result<ExitCode> {
    let po = candor::model::ron_io::read_string_capped(po_file, 64 << 20)
        .map_err(|e| anyhow::anyhow!("{e}"))
        .with_context(|| format!("could not read {}", po_file.display()))?;
    let shown = clean(&po_file.display().to_string());
    let done = match open(target, db, true)? {
        Source::File(path, mut doc) => {
            let done = translations::import(&mut doc.campaign, &po)
                .with_context(|| format!("{shown}: nothing was imported"))?;
            if done.changed > 0 {
                ron_io::save_file(&path, &doc)?;
            }
            done
        }
        Source::Library(mut store, stored) => {
            let mut c = stored.campaign.clone();
            let done = translations::import(&mut c, &po)
                .with_context(|| format!("{shown}: nothing was imported"))?;
            if done.changed > 0 {
                let message = format!("Imported {} translations", done.lang);
                store.save(&c, stored.revision.id, &message)?;
            }
            done
        }
    };
    if done.changed == 0 && done.unchanged == 0 && done.untranslated.is_empty() {
        bail!("{shown} has no texts for this campaign");
    }
    let rest = format!(
        "{} already the same, {} left untranslated{}",
        done.unchanged,
        done.untranslated.len(),
        if done.untranslated.is_empty() {
            String::new()
        } else {
            format!(" ({})", done.untranslated.join(", "))
        }
    );
    let lang = clean(&done.lang);
    // An import that changed nothing wrote nothing: said first, not as "Imported".
    if done.changed == 0 {
        writeln!(
            out,
            "Nothing to import for {lang}, nothing was written: {rest}"
        )?;
    } else {
        writeln!(
            out,
            "Imported {lang}: {} changed, {rest}",
            super::files::plural(done.changed, "text", "texts")
        )?;
    }
    Ok(ExitCode::SUCCESS)
}
