//! The campaign files a command is given.

use std::path::{Path, PathBuf};

use candor::model::ron_io::LoadError;
use candor::text::clean;

/// The `.ron` files named by `paths`: files as given, folders searched recursively, sorted so
/// output is stable. Unreadable folders become load errors.
pub fn collect_files(paths: &[PathBuf]) -> (Vec<PathBuf>, Vec<LoadError>) {
    let mut files = Vec::new();
    let mut errors = Vec::new();
    for p in paths {
        if p.is_dir() {
            walk_dir(p, &mut files, &mut errors);
        } else {
            files.push(p.clone());
        }
    }
    (files, errors)
}

fn walk_dir(dir: &Path, files: &mut Vec<PathBuf>, errors: &mut Vec<LoadError>) {
    let entries = match std::fs::read_dir(dir) {
        Ok(e) => e,
        Err(e) => {
            errors.push(LoadError {
                file: clean(&dir.display().to_string()),
                pos: None,
                message: format!("cannot read the folder: {}", clean(&e.to_string())),
                hint: None,
            });
            return;
        }
    };
    let mut paths: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
    paths.sort();
    for p in paths {
        let is_link = std::fs::symlink_metadata(&p).is_ok_and(|m| m.file_type().is_symlink());
        if p.is_dir() && !is_link {
            walk_dir(&p, files, errors);
        } else if p.extension().is_some_and(|e| e == "ron") {
            files.push(p);
        }
    }
}

pub use candor::text::plural;
