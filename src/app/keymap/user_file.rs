//! A user's own keys: `keys.ron` in Candor's config folder, checked before it is used.

use std::path::{Path, PathBuf};

use super::*;

/// Where a user's key bindings live: `keys.ron` in Candor's config folder.
pub fn user_keys_path() -> Option<PathBuf> {
    directories::ProjectDirs::from("", "", "candor").map(|d| d.config_dir().join("keys.ron"))
}

/// Reads the user's key file and puts it in force. No file is no change; a file with any
/// problem changes nothing and the problem is kept for the first screen (and returned).
pub fn install_from_config() -> Option<String> {
    let path = user_keys_path()?;
    let text = match crate::model::ron_io::read_capped(&path, 1 << 20).and_then(|b| {
        String::from_utf8(b).map_err(|_| {
            crate::model::ron_io::ReadError::Io(std::io::Error::other("is not UTF-8 text"))
        })
    }) {
        Ok(t) => t,
        Err(crate::model::ron_io::ReadError::Io(e)) if e.kind() == std::io::ErrorKind::NotFound => {
            return None;
        }
        Err(e) => {
            let msg = format!("{}: {e}; using the default keys", path.display());
            let _ = PROBLEM.set(msg.clone());
            return Some(msg);
        }
    };
    match parse_user_keys(&text, &path) {
        Ok(overrides) => {
            install(&overrides);
            None
        }
        Err(e) => {
            let msg = format!("{e}; using the default keys");
            let _ = PROBLEM.set(msg.clone());
            Some(msg)
        }
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct KeyFile {
    bindings: Vec<KeyFileEntry>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct KeyFileEntry {
    command: Command,
    context: Ctx,
    keys: Vec<String>,
}

/// Parses a key file such as
///
/// ```text
/// (bindings: [
///     (command: Filter, context: Library, keys: ["f", "/"]),
/// ])
/// ```
///
/// Every problem is an error naming the file, line and column: a command or context that does
/// not exist, a command not bound in that context, a key that cannot be read, or a key another
/// command of the same context already uses.
pub fn parse_user_keys(text: &str, path: &Path) -> Result<Vec<Override>, String> {
    let shown = crate::text::clean(&path.display().to_string());
    let file: KeyFile = ron::from_str(text).map_err(|e| {
        let what = match &e.code {
            // A misspelt command or context: the closest names, not all forty of them.
            ron::Error::NoSuchEnumVariant {
                expected,
                found,
                outer,
            } => {
                let kind = if outer.as_deref() == Some("Ctx") {
                    "context"
                } else {
                    "command"
                };
                let near = crate::model::vocab::closest(found, expected.iter().copied());
                let hint = if near.is_empty() {
                    format!("`candor keys` lists every {kind}")
                } else {
                    format!("did you mean {}?", near.join(" or "))
                };
                format!("unknown {kind} \"{}\"; {hint}", crate::text::clean(found))
            }
            other => crate::text::clean(&other.to_string()),
        };
        format!("{shown}:{}:{}: {what}", e.span.start.line, e.span.start.col)
    })?;
    // Where a quoted string first appears, for errors serde cannot place.
    let at = |needle: &str| {
        let quoted = format!("\"{needle}\"");
        let i = text
            .find(&quoted)
            .or_else(|| text.find(needle))
            .unwrap_or(0);
        let line = text[..i].matches('\n').count() + 1;
        let col = i - text[..i].rfind('\n').map_or(0, |n| n + 1) + 1;
        format!("{shown}:{line}:{col}")
    };
    let mut out: Vec<Override> = Vec::new();
    for entry in &file.bindings {
        if !BINDINGS
            .iter()
            .any(|b| b.command == entry.command && b.ctx == entry.context)
        {
            let mut places: Vec<String> = BINDINGS
                .iter()
                .filter(|b| b.command == entry.command)
                .map(|b| format!("{:?}", b.ctx))
                .collect();
            places.dedup();
            return Err(format!(
                "{}: {:?} has no key in the {:?} context; it can be bound in: {}",
                at(&format!("{:?}", entry.command)),
                entry.command,
                entry.context,
                places.join(", ")
            ));
        }
        if entry.keys.is_empty() {
            return Err(format!(
                "{}: {:?} needs at least one key",
                at(&format!("{:?}", entry.command)),
                entry.command
            ));
        }
        let mut keys = Vec::new();
        for spec in &entry.keys {
            let parsed = crate::app::keys::parse(spec).map_err(|e| format!("{}: {e}", at(spec)))?;
            let [ev] = parsed.as_slice() else {
                return Err(format!(
                    "{}: \"{}\" is not one key; write keys as \"x\", \"<enter>\" or \"<c-s>\"",
                    at(spec),
                    crate::text::clean(spec)
                ));
            };
            keys.push(Key {
                code: ev.code,
                mods: ev.modifiers - KeyModifiers::SHIFT,
            });
        }
        out.push(Override {
            command: entry.command,
            ctx: entry.context,
            label: entry.keys.join("/"),
            keys,
        });
    }
    // No key may do two things in one context once the overrides are in.
    let table = build(&out);
    for (i, a) in table.iter().enumerate() {
        for bnd in &table[i + 1..] {
            if a.ctx != bnd.ctx || a.command == bnd.command {
                continue;
            }
            if let Some(k) = a.keys.iter().find(|ka| {
                bnd.keys
                    .iter()
                    .any(|kb| ka.code == kb.code && ka.mods == kb.mods)
            }) {
                let changed = if a.changed { a } else { bnd };
                let other = if a.changed { bnd } else { a };
                if !changed.changed {
                    continue;
                }
                let name = format!("{:?}", k.code);
                return Err(format!(
                    "{}: the key {} would do both {:?} and {:?} in the {:?} context",
                    at(&format!("{:?}", changed.command)),
                    crate::text::clean(&name),
                    changed.command,
                    other.command,
                    a.ctx
                ));
            }
        }
    }
    Ok(out)
}
