//! The terminal: the event loop, terminal setup and restore, logging, and `candor screenshot`.

use std::io::Write;
use std::path::Path;
use std::process::ExitCode;
use std::time::Instant;

use anyhow::{Context, Result, bail};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{
    self, DisableBracketedPaste, DisableMouseCapture, EnableBracketedPaste, EnableMouseCapture,
};
use ratatui::crossterm::execute;
use ratatui::layout::Rect;

use candor::app::{App, keys};

use super::library::{created_note, open_store_for_ui, open_store_reading};

/// Writes log lines to `candor.log` in Candor's data folder, never to the screen.
struct FileLog(std::sync::Mutex<std::fs::File>);

impl log::Log for FileLog {
    fn enabled(&self, m: &log::Metadata) -> bool {
        m.level() <= log::Level::Info
    }
    fn log(&self, r: &log::Record) {
        if self.enabled(r.metadata())
            && let Ok(mut f) = self.0.lock()
        {
            let _ = writeln!(
                f,
                "{} {} {}",
                candor::store::now(),
                r.level(),
                candor::text::clean(&r.args().to_string())
            );
        }
    }
    fn flush(&self) {}
}

fn start_log() {
    let Some(dir) =
        candor::store::default_db_path().and_then(|p| p.parent().map(Path::to_path_buf))
    else {
        return;
    };
    if std::fs::create_dir_all(&dir).is_err() {
        return;
    }
    // Readable by its owner only: it names campaigns.
    let mut options = std::fs::OpenOptions::new();
    options.create(true).append(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
    let path = dir.join("candor.log");
    if let Ok(f) = options.open(&path) {
        // A log made by an older Candor keeps its mode otherwise.
        #[cfg(unix)]
        let _ =
            std::fs::set_permissions(&path, std::os::unix::fs::PermissionsExt::from_mode(0o600));
        let logger: &'static FileLog = Box::leak(Box::new(FileLog(std::sync::Mutex::new(f))));
        if log::set_logger(logger).is_ok() {
            log::set_max_level(log::LevelFilter::Info);
        }
    }
}

/// How long the terminal UI waits for another process's write before saying the library is
/// busy (autosaves retry by themselves).
const UI_BUSY_TIMEOUT: std::time::Duration = std::time::Duration::from_millis(250);

pub fn run(
    db: Option<&Path>,
    population: Option<&Path>,
    read_only: bool,
    review: Option<&Path>,
) -> Result<ExitCode> {
    if let Some(file) = review {
        require_file(file)?;
    }
    let mut store = open_store_for_ui(db, read_only)?;
    // A key never waits more than a quarter second on another process's write.
    store.set_busy_timeout(UI_BUSY_TIMEOUT)?;
    start_log();
    log::info!("started");
    let created = store.created().then(|| created_note(&store));
    let mut app = App::new(store);
    if let Some(note) = created {
        app.note(note);
    }
    let population = super::reach::population_path(population, db)?;
    app.use_population(&population);
    // Not over a review, which has no use for it: the editor's Reach tab offers it again.
    if app.store.created() && !population.exists() && review.is_none() {
        app.offer_sample_population();
    }
    if let Some(file) = review {
        app.open_review(file);
    }

    // Restore the terminal before a panic message is printed, mouse and paste modes included.
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        let _ = execute!(
            std::io::stdout(),
            DisableMouseCapture,
            DisableBracketedPaste
        );
        ratatui::restore();
        previous(info);
    }));
    let mut terminal = ratatui::try_init().context("could not set up the terminal")?;
    execute!(std::io::stdout(), EnableMouseCapture, EnableBracketedPaste)?;
    let result = event_loop(&mut terminal, &mut app);
    let _ = execute!(
        std::io::stdout(),
        DisableMouseCapture,
        DisableBracketedPaste
    );
    ratatui::restore();
    result?;
    log::info!("quit");
    Ok(ExitCode::SUCCESS)
}

fn event_loop(terminal: &mut ratatui::DefaultTerminal, app: &mut App) -> Result<()> {
    loop {
        let size = terminal.size()?;
        app.area = Rect::new(0, 0, size.width, size.height);
        terminal.draw(|f| candor::ui::draw(f, app))?;
        if app.quit {
            return Ok(());
        }
        // Sleep until a key, a click, a resize, or the autosave deadline: idle costs nothing.
        let ready = match app.next_deadline() {
            Some(deadline) => event::poll(deadline.saturating_duration_since(Instant::now()))?,
            None => true,
        };
        if ready {
            let ev = event::read()?;
            app.handle_event(&ev);
        }
        app.tick(Instant::now());
    }
}

/// Renders a screen to text without a terminal.
pub fn screenshot(
    db: Option<&Path>,
    population: Option<&Path>,
    size: &str,
    target: &[String],
    keys_spec: Option<&str>,
    out: &mut dyn Write,
) -> Result<ExitCode> {
    let (w, h) = size
        .split_once(['x', 'X'])
        .and_then(|(w, h)| Some((w.parse::<u16>().ok()?, h.parse::<u16>().ok()?)))
        .filter(|(w, h)| (1..=1000).contains(w) && (1..=1000).contains(h))
        .with_context(|| {
            format!(
                "--size must look like 120x40, not \"{}\"",
                candor::text::clean(size)
            )
        })?;
    let store = open_store_reading(db)?;
    let mut app = App::new(store);
    app.use_population(&super::reach::population_path(population, db)?);
    app.color = false;
    app.area = Rect::new(0, 0, w, h);
    match target
        .iter()
        .map(String::as_str)
        .collect::<Vec<_>>()
        .as_slice()
    {
        [] | ["library"] => {}
        ["edit", id] => {
            app.open_campaign(id);
            if app.editor.is_none() {
                bail!(
                    "{}",
                    app.message
                        .as_ref()
                        .map_or("could not open the campaign".to_string(), |m| m
                            .text
                            .clone())
                );
            }
        }
        ["review", file] => {
            let path = Path::new(file);
            require_file(path)?;
            app.open_review(path);
        }
        other => bail!(
            "unknown screen \"{}\"; use library, edit ID or review FILE",
            candor::text::clean(&other.join(" "))
        ),
    }
    if let Some(spec) = keys_spec {
        for k in keys::parse(spec).map_err(anyhow::Error::msg)? {
            app.handle_key(k);
        }
    }
    // The screen as it ends up: a diff worked out on another thread, finished.
    app.finish_background();
    let mut terminal = Terminal::new(TestBackend::new(w, h))?;
    terminal.draw(|f| candor::ui::draw(f, &app))?;
    write!(out, "{}", buffer_text(terminal.backend().buffer()))?;
    Ok(ExitCode::SUCCESS)
}

/// A buffer as lines of text, trailing spaces trimmed.
pub fn buffer_text(buf: &ratatui::buffer::Buffer) -> String {
    let mut s = String::new();
    for y in 0..buf.area.height {
        let mut line = String::new();
        for x in 0..buf.area.width {
            line.push_str(buf[(x, y)].symbol());
        }
        s.push_str(line.trim_end());
        s.push('\n');
    }
    s
}

/// A file to review must be there before any screen opens: a mistyped path is said at once,
/// not shown as an unreadable file to decide on.
pub fn require_file(file: &Path) -> Result<()> {
    if !file.exists() {
        bail!(
            "{} does not exist; give the path of a campaign's .ron file",
            candor::text::clean(&file.display().to_string())
        );
    }
    Ok(())
}

/// `candor review FILE --print`: the review as text, for CI logs and email. Exits 2 when the
/// file cannot be read, 1 when it has error-level findings.
pub fn print_review(db: Option<&Path>, file: &Path, out: &mut dyn Write) -> Result<ExitCode> {
    require_file(file)?;
    let store = open_store_reading(db)?;
    let r = candor::app::review::ReviewState::open(&store, file);
    if let Some(problem) = &r.decisions_problem {
        bail!("could not read the earlier decisions on this file: {problem}");
    }
    write!(out, "{}", r.print())?;
    Ok(match &r.doc {
        Err(_) => ExitCode::from(2),
        Ok((_, f))
            if f.iter()
                .any(|f| f.severity == candor::checks::Severity::Error) =>
        {
            ExitCode::from(1)
        }
        Ok(_) => ExitCode::SUCCESS,
    })
}
