//! `candor audience sql` means what the evaluator means, checked in real engines: the sample
//! population is written as CSV, loaded into DuckDB and into a PostgreSQL server this test
//! starts, and every sample campaign's count (and count of reachable people) there equals the
//! in-memory one.
//!
//! DuckDB comes from the Python package registry, into a virtual environment (`.ci/run` makes
//! it; this test makes it too when it can). PostgreSQL comes from the system's packages
//! (`.ci/run` installs them). An engine that cannot be had is skipped with the reason printed.

use std::path::{Path, PathBuf};
use std::process::Command;

use candor::model::Campaign;
use candor::reach::Population;
use candor::reach::sql::{Dialect, Options, Select, audience_sql, schema_sql};

/// The samples, and one of them with empty groups added: a group that holds no condition has
/// no effect in the SQL, as in the evaluator.
fn samples() -> Vec<Campaign> {
    let mut out: Vec<Campaign> = candor::samples::SAMPLES
        .iter()
        .map(|(name, text)| {
            candor::model::ron_io::load_str(name, text)
                .unwrap()
                .campaign
        })
        .collect();
    let mut c = out
        .iter()
        .find(|c| c.id == "sofa-recommendations")
        .unwrap()
        .clone();
    c.id = "sofa-with-empty-groups".into();
    use candor::model::Condition::{All, Any, Not};
    c.audience = Any(vec![
        All(vec![
            c.audience.clone(),
            Any(vec![]),
            Not(Box::new(Any(vec![]))),
        ]),
        All(vec![Any(vec![])]),
    ]);
    out.push(c);
    out
}

/// (campaign id, reachable only, SQL, the evaluator's count) for every sample.
fn cases(pop: &Population, d: Dialect) -> Vec<(String, bool, String, usize)> {
    let mut out = Vec::new();
    for c in samples() {
        let r = candor::reach::report(pop, &c);
        for reachable in [false, true] {
            let sql = audience_sql(
                &c,
                &Options {
                    dialect: d,
                    select: Select::Count,
                    reachable,
                    as_of: Some(pop.origin.as_of),
                },
            );
            let want = if reachable { r.reachable } else { r.reached };
            out.push((c.id.clone(), reachable, sql, want));
        }
    }
    out
}

fn run(cmd: &mut Command) -> Result<String, String> {
    let o = cmd.output().map_err(|e| format!("{cmd:?}: {e}"))?;
    if !o.status.success() {
        return Err(format!(
            "{cmd:?} failed: {}{}",
            String::from_utf8_lossy(&o.stdout),
            String::from_utf8_lossy(&o.stderr)
        ));
    }
    Ok(String::from_utf8_lossy(&o.stdout).into_owned())
}

/// A Python with the duckdb package: CANDOR_DUCKDB_PYTHON, or a virtual environment in
/// target/sql-venv, made here if need be.
fn duckdb_python() -> Result<PathBuf, String> {
    let works = |py: &Path| {
        Command::new(py)
            .args(["-c", "import duckdb"])
            .output()
            .is_ok_and(|o| o.status.success())
    };
    if let Some(p) = std::env::var_os("CANDOR_DUCKDB_PYTHON").map(PathBuf::from)
        && works(&p)
    {
        return Ok(p);
    }
    let venv = Path::new(env!("CARGO_MANIFEST_DIR")).join("target/sql-venv");
    let py = venv.join("bin/python");
    if works(&py) {
        return Ok(py);
    }
    run(Command::new("python3").args(["-m", "venv"]).arg(&venv))?;
    run(Command::new(&py).args(["-m", "pip", "install", "--quiet", "duckdb"]))?;
    if works(&py) {
        Ok(py)
    } else {
        Err("duckdb was installed but does not import".into())
    }
}

const DUCKDB_SCRIPT: &str = r#"
import duckdb, json, sys
data, cases = sys.argv[1], json.load(open(sys.argv[2]))
con = duckdb.connect()
con.execute(open(sys.argv[3]).read())
for table in ["people", "events", "catalogue"]:
    con.execute(f"COPY {table} FROM '{data}/{table}.csv' (HEADER, NULLSTR '')")
print(json.dumps([con.execute(sql).fetchone()[0] for sql in cases]))
"#;

fn check_counts(engine: &str, cases: &[(String, bool, String, usize)], got: &[usize]) {
    assert_eq!(got.len(), cases.len());
    let mut wrong = Vec::new();
    for ((id, reachable, sql, want), got) in cases.iter().zip(got) {
        if want != got {
            wrong.push(format!(
                "{id} (reachable only: {reachable}): Candor counts {want}, {engine} {got}\n{sql}"
            ));
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n\n"));
    eprintln!("{engine}: all {} counts equal Candor's", cases.len());
}

fn population(dir: &Path) -> Population {
    // The sample a new library offers: 50,000 people, seed 1.
    let pop = candor::reach::generate::generate(50_000, 1, None);
    candor::reach::csv::export(&pop, dir).unwrap();
    pop
}

/// People whose events sit exactly on the edges of the samples' windows (D days before the
/// moment, a second either side), with products filed under the samples' categories.
fn edge_population(dir: &Path) -> Population {
    use candor::model::Action;
    use candor::reach::build::Builder;
    use candor::reach::population::{DAY, TargetKind, consent, parse_moment};
    let as_of = parse_moment("2026-11-01 00:00:00").unwrap();
    let mut b = Builder::new("window edges");
    b.product("sofa-1", "Sofas", "casa");
    b.product("Serum-2", "skincare", "lumen");
    let windows = [7, 14, 21, 30, 60, 90, 730];
    for i in 0..60i64 {
        let p = b.person(&format!("e{i:02}")).unwrap();
        b.set(p, "age", &(18 + i).to_string()).unwrap();
        b.set(p, "country", if i % 2 == 0 { "FR" } else { "ES" })
            .unwrap();
        if i % 3 != 0 {
            b.set(p, "gender", if i % 4 == 0 { "female" } else { "male" })
                .unwrap();
        }
        b.set_consent(
            p,
            if i % 5 == 0 {
                0
            } else {
                consent::PROFILING | consent::ADVERTISING
            },
        );
        let days = windows[(i as usize) % windows.len()];
        let at = as_of - days * DAY + (i % 3 - 1);
        let times = 1 + (i % 4) as usize;
        use Action as A;
        use TargetKind as K;
        let each = [
            (A::CategoryView, K::Category, "skincare"),
            (A::ProductClick, K::Product, "SOFA-1"),
            (A::ProductClick, K::Product, "serum-2"),
            (A::Search, K::Search, "Night Moisturiser"),
            (A::PageView, K::Page, "/stores"),
            (A::AddToCart, K::Product, "sofa-1"),
            (A::Purchase, K::Product, "sofa-1"),
            (A::CategoryView, K::Category, "gifts"),
            (A::CatalogAffinity, K::Category, "skincare"),
        ];
        for _ in 0..times {
            for (action, kind, target) in each {
                b.event(p, at, action, kind, target);
            }
        }
    }
    let pop = b.finish(as_of).0;
    candor::reach::csv::export(&pop, dir).unwrap();
    pop
}

#[test]
fn duckdb_and_postgres_count_every_sample_as_candor_does() {
    let dir = tempfile::tempdir().unwrap();
    let sets = [
        ("the sample", dir.path().join("sample")),
        ("the window edges", dir.path().join("edges")),
    ];
    let pops = [population(&sets[0].1), edge_population(&sets[1].1)];
    // Some counts must be non-trivial, or equal counts would prove little.
    for (pop, (name, _)) in pops.iter().zip(&sets) {
        let cs = cases(pop, Dialect::Duckdb);
        let between = cs.iter().filter(|c| c.3 > 0 && c.3 < pop.len()).count();
        assert!(
            between >= 10,
            "{name}: only {between} counts between none and all"
        );
    }

    match duckdb_python() {
        Err(why) => eprintln!("skipped DuckDB: it could not be installed ({why})"),
        Ok(py) => {
            let script = write(dir.path(), "duck.py", DUCKDB_SCRIPT);
            let schema = write(dir.path(), "duck-schema.sql", &schema_sql(Dialect::Duckdb));
            for (pop, (name, data)) in pops.iter().zip(&sets) {
                let duck_cases = cases(pop, Dialect::Duckdb);
                let sqls: Vec<&str> = duck_cases.iter().map(|c| c.2.as_str()).collect();
                let list = write(
                    dir.path(),
                    "duck.json",
                    &serde_json::to_string(&sqls).unwrap(),
                );
                let out = run(Command::new(&py)
                    .arg(&script)
                    .arg(data)
                    .arg(&list)
                    .arg(&schema))
                .unwrap();
                let got: Vec<usize> = serde_json::from_str(out.trim()).unwrap();
                check_counts(&format!("DuckDB on {name}"), &duck_cases, &got);
            }
        }
    }

    match Postgres::start(dir.path()) {
        Err(why) => eprintln!("skipped PostgreSQL: {why}"),
        Ok(pg) => {
            let schema = write(dir.path(), "pg-schema.sql", &schema_sql(Dialect::Postgres));
            for (pop, (name, data)) in pops.iter().zip(&sets) {
                pg.psql("DROP TABLE IF EXISTS people, events, catalogue");
                pg.psql_file(&schema);
                for table in ["people", "events", "catalogue"] {
                    pg.psql(&format!(
                        "\\copy {table} FROM '{}' WITH (FORMAT csv, HEADER true)",
                        data.join(format!("{table}.csv")).display()
                    ));
                }
                pg.psql("ANALYZE");
                let pg_cases = cases(pop, Dialect::Postgres);
                let got: Vec<usize> = pg_cases
                    .iter()
                    .map(|c| pg.psql(&c.2).trim().parse().unwrap())
                    .collect();
                check_counts(&format!("PostgreSQL on {name}"), &pg_cases, &got);
            }
        }
    }
}

fn write(dir: &Path, name: &str, text: &str) -> PathBuf {
    let p = dir.join(name);
    std::fs::write(&p, text).unwrap();
    p
}

/// A PostgreSQL server of its own, on a Unix socket in a temporary folder, stopped on drop.
struct Postgres {
    bin: PathBuf,
    data: PathBuf,
    socket: PathBuf,
    /// Run server programs as this user (PostgreSQL refuses to run as root).
    as_user: Option<String>,
}

impl Postgres {
    fn find_bin() -> Option<PathBuf> {
        let mut dirs: Vec<PathBuf> = std::fs::read_dir("/usr/lib/postgresql")
            .map(|rd| {
                rd.filter_map(|e| e.ok().map(|e| e.path().join("bin")))
                    .collect()
            })
            .unwrap_or_default();
        dirs.sort();
        dirs.into_iter().rev().find(|d| d.join("initdb").exists())
    }

    fn cmd(&self, program: &str) -> Command {
        let path = self.bin.join(program);
        match &self.as_user {
            Some(u) => {
                let mut c = Command::new("runuser");
                c.args(["-u", u, "--"]).arg(path);
                c
            }
            None => Command::new(path),
        }
    }

    fn start(dir: &Path) -> Result<Postgres, String> {
        let bin = Self::find_bin()
            .ok_or("PostgreSQL is not installed (no initdb under /usr/lib/postgresql; .ci/run installs it)")?;
        let root = run(Command::new("id").arg("-u"))?.trim() == "0";
        let base = dir.join("pg");
        std::fs::create_dir_all(&base).map_err(|e| e.to_string())?;
        let as_user = if root {
            // The server's files belong to the postgres user, which the package creates.
            run(Command::new("chown").args(["-R", "postgres"]).arg(&base))?;
            use std::os::unix::fs::PermissionsExt;
            for p in [dir, &base] {
                std::fs::set_permissions(p, std::fs::Permissions::from_mode(0o755))
                    .map_err(|e| e.to_string())?;
            }
            Some("postgres".to_string())
        } else {
            None
        };
        let pg = Postgres {
            bin,
            data: base.join("data"),
            socket: base.clone(),
            as_user,
        };
        run(pg
            .cmd("initdb")
            .args([
                "-A",
                "trust",
                "-U",
                "postgres",
                "-E",
                "UTF8",
                "--locale=C",
                "-D",
            ])
            .arg(&pg.data))?;
        run(pg
            .cmd("pg_ctl")
            .arg("-D")
            .arg(&pg.data)
            .arg("-o")
            .arg(format!(
                "-c listen_addresses='' -k {} -c fsync=off",
                pg.socket.display()
            ))
            .args(["-w", "-l"])
            .arg(base.join("log"))
            .arg("start"))?;
        Ok(pg)
    }

    fn psql_cmd(&self) -> Command {
        let mut c = Command::new(self.bin.join("psql"));
        c.args([
            "-X",
            "-q",
            "-At",
            "-v",
            "ON_ERROR_STOP=1",
            "-U",
            "postgres",
            "-h",
        ])
        .arg(&self.socket)
        .args(["-d", "postgres"]);
        c
    }

    fn psql(&self, sql: &str) -> String {
        run(self.psql_cmd().arg("-c").arg(sql)).unwrap()
    }

    fn psql_file(&self, file: &Path) -> String {
        run(self.psql_cmd().arg("-f").arg(file)).unwrap()
    }
}

impl Drop for Postgres {
    fn drop(&mut self) {
        let _ = self
            .cmd("pg_ctl")
            .arg("-D")
            .arg(&self.data)
            .args(["-m", "immediate", "stop"])
            .output();
    }
}
