//! Finds the disclosure languages: every folder in assets/locales/ with a locale.ron and a
//! disclosure.ftl becomes a built-in language. Adding a language is adding a folder.

use std::fmt::Write;
use std::path::Path;

fn main() {
    let root = Path::new("assets/locales");
    println!("cargo:rerun-if-changed={}", root.display());
    let mut codes: Vec<String> = std::fs::read_dir(root)
        .expect("assets/locales exists")
        .filter_map(|e| e.ok())
        .filter(|e| {
            e.path().join("locale.ron").is_file() && e.path().join("disclosure.ftl").is_file()
        })
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    codes.sort();
    let mut out = String::from(
        "/// (code, locale.ron, disclosure.ftl) of every language in assets/locales/.\npub static LOCALE_FILES: &[(&str, &str, &str)] = &[\n",
    );
    for code in &codes {
        let dir = root.join(code);
        println!(
            "cargo:rerun-if-changed={}",
            dir.join("locale.ron").display()
        );
        println!(
            "cargo:rerun-if-changed={}",
            dir.join("disclosure.ftl").display()
        );
        let abs = std::fs::canonicalize(&dir).expect("locale folder");
        writeln!(
            out,
            "    ({code:?}, include_str!({:?}), include_str!({:?})),",
            abs.join("locale.ron").display().to_string(),
            abs.join("disclosure.ftl").display().to_string()
        )
        .unwrap();
    }
    out.push_str("];\n");
    let out_dir = std::env::var("OUT_DIR").unwrap();
    std::fs::write(Path::new(&out_dir).join("locales.rs"), out).unwrap();
    // The codes alone, for validating campaigns without loading the messages.
    let codes_rs = format!(
        "/// Codes of the disclosure languages in assets/locales/.\npub static LOCALE_CODES: &[&str] = &{codes:?};\n"
    );
    std::fs::write(Path::new(&out_dir).join("locale_codes.rs"), codes_rs).unwrap();
}
