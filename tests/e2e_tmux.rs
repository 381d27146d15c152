//! End to end: the real binary in a real terminal (tmux), driven by keys as a person would.
//! `.ci/run` installs tmux; without it these tests say so and do nothing.

use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

use candor::store::Store;

struct Tmux {
    socket: String,
    session: String,
}

fn have_tmux() -> bool {
    Command::new("tmux")
        .arg("-V")
        .output()
        .is_ok_and(|o| o.status.success())
}

impl Tmux {
    fn start(name: &str, db: &Path) -> Tmux {
        Tmux::start_with(name, db, "")
    }

    /// Starts Candor on `db` with more arguments, such as a command.
    fn start_with(name: &str, db: &Path, args: &str) -> Tmux {
        let t = Tmux {
            socket: format!("candor-e2e-{}-{name}", std::process::id()),
            session: "s".into(),
        };
        let cmd = format!(
            "{} --db {} {args}",
            env!("CARGO_BIN_EXE_candor"),
            db.display()
        );
        let ok = Command::new("tmux")
            .args([
                "-L",
                &t.socket,
                "-f",
                "/dev/null",
                "new-session",
                "-d",
                "-s",
                &t.session,
                "-x",
                "100",
                "-y",
                "30",
            ])
            // exec, so the pane's process is Candor itself (the tests signal and measure it).
            .arg(format!(
                "exec env CANDOR_USER=e2e TERM=xterm-256color {cmd}"
            ))
            .status()
            .unwrap();
        assert!(ok.success());
        t
    }

    fn send(&self, keys: &[&str]) {
        for k in keys {
            let literal = !k.starts_with("C-")
                && !["Enter", "Escape", "Tab", "Down", "Up", "Right", "Left"].contains(k);
            let mut c = Command::new("tmux");
            c.args(["-L", &self.socket, "send-keys", "-t", &self.session]);
            if literal {
                c.arg("-l");
            }
            c.arg(k);
            assert!(c.status().unwrap().success());
            std::thread::sleep(Duration::from_millis(60));
        }
    }

    fn screen(&self) -> String {
        let o = Command::new("tmux")
            .args([
                "-L",
                &self.socket,
                "capture-pane",
                "-p",
                "-t",
                &self.session,
            ])
            .output()
            .unwrap();
        String::from_utf8_lossy(&o.stdout).into_owned()
    }

    /// Waits until the screen shows `text`, failing with the screen after a while.
    fn wait_for(&self, text: &str) -> String {
        self.wait_for_long(text, 10)
    }

    fn wait_for_long(&self, text: &str, seconds: u64) -> String {
        let start = Instant::now();
        loop {
            let s = self.screen();
            if s.contains(text) {
                return s;
            }
            if start.elapsed() > Duration::from_secs(seconds) {
                panic!("waited for {text:?}; the screen shows:\n{s}");
            }
            std::thread::sleep(Duration::from_millis(100));
        }
    }

    /// A new library offers to make a sample population first: not now.
    fn decline_sample(&self) {
        self.wait_for("Count reach on a sample population?");
        self.send(&["n"]);
    }

    fn pane_pid(&self) -> u32 {
        let o = Command::new("tmux")
            .args([
                "-L",
                &self.socket,
                "display",
                "-p",
                "-t",
                &self.session,
                "#{pane_pid}",
            ])
            .output()
            .unwrap();
        String::from_utf8_lossy(&o.stdout).trim().parse().unwrap()
    }

    fn alive(&self) -> bool {
        Command::new("tmux")
            .args(["-L", &self.socket, "has-session", "-t", &self.session])
            .status()
            .is_ok_and(|s| s.success())
    }
}

impl Drop for Tmux {
    fn drop(&mut self) {
        let _ = Command::new("tmux")
            .args(["-L", &self.socket, "kill-server"])
            .status();
    }
}

#[test]
fn create_a_campaign_add_conditions_save_quit_restart_and_find_it() {
    if !have_tmux() {
        eprintln!("skipped: tmux is not installed (.ci/run installs it)");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("e2e.db");
    let t = Tmux::start("create", &db);
    t.wait_for("Campaign library");
    t.decline_sample();
    t.send(&["n"]);
    t.wait_for("New campaign from a template");
    t.send(&["Enter"]);
    t.wait_for("New campaign: name");
    t.send(&["E2E shoes", "Enter"]);
    t.wait_for("E2E shoes");
    // An intent condition: viewed category "shoes" at least once in 30 days.
    t.send(&["]", "i", "Enter", "Enter"]);
    t.wait_for("which one?");
    t.send(&["shoes", "Enter", "Enter", "Enter", "Enter"]);
    t.wait_for("Did: viewed category \"shoes\"");
    // An attribute condition: loyalty tier is gold.
    t.send(&["a", "Enter", "Enter"]);
    // The tiers are a list to pick from: none, silver, gold, platinum.
    t.wait_for("Loyalty tier is …?");
    t.send(&["Down", "Down", "Enter"]);
    t.wait_for("Loyalty tier is \"gold\"");
    t.send(&["C-s"]);
    t.wait_for("Saved revision 2");
    t.send(&["q"]);
    let start = Instant::now();
    while t.alive() && start.elapsed() < Duration::from_secs(5) {
        std::thread::sleep(Duration::from_millis(100));
    }
    assert!(!t.alive(), "q quits when everything is saved");
    drop(t);

    let t = Tmux::start("reopen", &db);
    t.wait_for("Campaign library");
    // Idle means idle: no redraws without events, so no CPU time passes while nobody types.
    let pid = t.pane_pid();
    let ticks = || -> u64 {
        let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).unwrap_or_default();
        let after = stat.rsplit(')').next().unwrap_or("");
        let f: Vec<&str> = after.split_whitespace().collect();
        f.get(11).and_then(|u| u.parse::<u64>().ok()).unwrap_or(0)
            + f.get(12).and_then(|s| s.parse::<u64>().ok()).unwrap_or(0)
    };
    if Path::new("/proc/self/stat").exists() {
        std::thread::sleep(Duration::from_millis(500));
        let before = ticks();
        std::thread::sleep(Duration::from_secs(2));
        let used = ticks() - before;
        assert!(used <= 2, "idle Candor used {used} clock ticks in 2 s");
    }
    t.send(&["/", "e2e", "Enter"]);
    t.wait_for("E2E shoes");
    t.send(&["Enter", "]"]);
    t.wait_for("Loyalty tier is \"gold\"");
    drop(t);
    let c = Store::open(&db).unwrap().get("e2e-shoes").unwrap().campaign;
    assert!(matches!(&c.audience, candor::model::Condition::All(v) if v.len() == 2));
}

#[test]
fn edits_survive_sigkill_and_are_offered_back() {
    if !have_tmux() {
        eprintln!("skipped: tmux is not installed (.ci/run installs it)");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("crash.db");
    let t = Tmux::start("crash", &db);
    t.wait_for("Campaign library");
    t.decline_sample();
    t.send(&["/", "welcome", "Enter", "Enter"]);
    t.wait_for("Objective");
    t.send(&["Down", "Enter", "C-u", "Typed before the crash", "Enter"]);
    t.wait_for("● unsaved");
    // The draft is written two seconds after typing stops; give it three.
    std::thread::sleep(Duration::from_secs(3));
    t.wait_for("edits kept");
    let pid = t.pane_pid();
    assert!(
        Command::new("kill")
            .args(["-9", &pid.to_string()])
            .status()
            .unwrap()
            .success()
    );
    drop(t);

    let t = Tmux::start("recover", &db);
    t.wait_for("Campaign library");
    t.send(&["/", "welcome", "Enter", "Enter"]);
    t.wait_for("Restore unsaved edits?");
    t.send(&["r"]);
    let s = t.wait_for("Typed before the crash");
    assert!(
        s.contains("● unsaved"),
        "restored edits are unsaved until Ctrl-S:\n{s}"
    );
}

/// A new library offers the sample population; yes makes it, and the Reach tab counts the
/// demographic-only sample on it while the rest of the sample is still being written.
#[test]
fn a_new_library_offers_the_sample_and_the_reach_tab_counts_on_it() {
    if !have_tmux() {
        eprintln!("skipped: tmux is not installed (.ci/run installs it)");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("reach.db");
    let t = Tmux::start("reach", &db);
    t.wait_for("Count reach on a sample population?");
    t.send(&["y"]);
    t.send(&["/", "anti", "Enter", "Enter", "Tab", "p", "p", "p", "p"]);
    let start = Instant::now();
    let screen = loop {
        let s = t.screen();
        if s.contains("DEMOGRAPHIC-ONLY") || start.elapsed() > Duration::from_secs(90) {
            break s;
        }
        std::thread::sleep(Duration::from_millis(250));
    };
    assert!(screen.contains("50,000 synthetic people"), "{screen}");
    assert!(screen.contains("DEMOGRAPHIC-ONLY"), "{screen}");
    t.wait_for_long("The sample population is kept in", 90);
    drop(t);
    assert!(dir.path().join("reach-population.db").exists());
}

/// `candor review FILE` on a new library goes straight to the file: the offer of a sample
/// population, which a review has no use for, waits for the editor's Reach tab.
#[test]
fn review_on_a_new_library_shows_the_file_without_the_population_offer() {
    if !have_tmux() {
        eprintln!("skipped: tmux is not installed (.ci/run installs it)");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("review.db");
    let file = Path::new(env!("CARGO_MANIFEST_DIR")).join("campaigns/quiet-ad-sync.ron");
    let t = Tmux::start_with("review", &db, &format!("review {}", file.display()));
    t.wait_for("Retargeting audience sync (quiet-ad-sync)");
    std::thread::sleep(Duration::from_millis(300));
    let screen = t.screen();
    assert!(
        !screen.contains("Count reach on a sample population?"),
        "{screen}"
    );
}
