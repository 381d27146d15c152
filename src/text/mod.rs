//! Text that came from files or people, made safe to show in a terminal.

/// Makes every control, escape and bidirectional-override character visible as `\u{..}`, so
/// text from a file can never move the cursor, change colours or reorder what a reader sees.
/// Newlines are escaped too: use [`clean_multiline`] where line breaks are meant.
pub fn clean(s: &str) -> String {
    clean_inner(s, false)
}

/// Like [`clean`], but keeps line breaks (`\n`) so paragraphs stay paragraphs.
pub fn clean_multiline(s: &str) -> String {
    clean_inner(s, true)
}

fn clean_inner(s: &str, keep_newlines: bool) -> String {
    if !s
        .chars()
        .any(|c| needs_escape(c) && !(keep_newlines && c == '\n'))
    {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        if keep_newlines && c == '\n' {
            out.push('\n');
        } else if needs_escape(c) {
            out.push_str(&format!("\\u{{{:x}}}", c as u32));
        } else {
            out.push(c);
        }
    }
    out
}

fn needs_escape(c: char) -> bool {
    c.is_control()
        || matches!(c, '\u{200b}'..='\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' | '\u{feff}')
}

/// How many rows `line` takes when wrapped at word boundaries to `width` columns, the way the
/// screens wrap paragraphs: words move to the next row whole, and a word longer than a row is
/// cut. Used to keep scrolling within the text.
pub fn wrapped_rows(line: &str, width: usize) -> usize {
    use unicode_width::UnicodeWidthStr;
    if width == 0 {
        return 0;
    }
    let mut rows = 1;
    let mut used = 0;
    for word in line.split_inclusive(' ') {
        let w = word.width();
        let bare = word.trim_end_matches(' ').width();
        if used > 0 && used + bare > width {
            rows += 1;
            used = 0;
        }
        if w > width && used == 0 {
            rows += (w - 1) / width;
            used = w % width;
        } else {
            used += w;
        }
    }
    rows
}

/// `AddToCart` as `add_to_cart`: how RON variant names appear in readable paths.
pub fn snake_case(ident: &str) -> String {
    separate_words(ident, '_')
}

/// A variant's name as words: `AddToCart` reads "add to cart".
pub fn variant_words<T: std::fmt::Debug>(v: &T) -> String {
    separate_words(&format!("{v:?}"), ' ')
}

fn separate_words(ident: &str, sep: char) -> String {
    let mut out = String::with_capacity(ident.len() + 4);
    for (i, ch) in ident.chars().enumerate() {
        if ch.is_uppercase() && i > 0 {
            out.push(sep);
        }
        out.extend(ch.to_lowercase());
    }
    out
}

/// Shortens `s` to at most `max` characters, ending with an ellipsis when cut.
pub fn truncate(s: &str, max: usize) -> String {
    if s.chars().count() <= max {
        return s.to_string();
    }
    let mut out: String = s.chars().take(max.saturating_sub(1)).collect();
    out.push('…');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_terminal_controls() {
        assert_eq!(clean("a\u{1b}[31mb"), "a\\u{1b}[31mb");
        assert_eq!(clean("tab\there"), "tab\\u{9}here");
        assert_eq!(clean("x\u{202e}y"), "x\\u{202e}y");
        assert_eq!(clean("\u{9b}2J"), "\\u{9b}2J");
        assert_eq!(clean("plain é ü"), "plain é ü");
    }

    #[test]
    fn multiline_keeps_line_breaks_only() {
        assert_eq!(clean_multiline("a\nb\u{7}"), "a\nb\\u{7}");
    }

    #[test]
    fn variant_names_become_words_and_paths() {
        assert_eq!(snake_case("AddToCart"), "add_to_cart");
        assert_eq!(
            variant_words(&crate::model::Action::AddToCart),
            "add to cart"
        );
    }

    #[test]
    fn truncates_on_characters() {
        assert_eq!(truncate("héllo", 3), "hé…");
        assert_eq!(truncate("hi", 3), "hi");
    }

    /// The count matches what ratatui's word wrap draws, row for row.
    #[test]
    fn wrapped_rows_match_the_screen() {
        use ratatui::Terminal;
        use ratatui::backend::TestBackend;
        use ratatui::widgets::{Paragraph, Wrap};
        let lines = [
            "",
            "short",
            "You see this because you are logged in and at least one of these is true (we do not record which): you viewed the “skincare” category at least 2 times.",
            "  We collect the pages you visit on our site to learn what you like and choose what you see.",
            "averyveryverylongwordwithoutanyspacesthatmustbecutacrossrows and then more",
            "Vous voyez ceci car au moins une de ces conditions est remplie\u{202f}: « trail »",
        ];
        for width in [10u16, 34, 78, 118] {
            for line in lines {
                let mut t = Terminal::new(TestBackend::new(width, 40)).unwrap();
                t.draw(|f| {
                    f.render_widget(Paragraph::new(line).wrap(Wrap { trim: false }), f.area())
                })
                .unwrap();
                let buf = t.backend().buffer();
                let drawn = (0..40u16)
                    .rev()
                    .find(|&y| (0..width).any(|x| buf[(x, y)].symbol() != " "))
                    .map_or(1, |y| usize::from(y) + 1);
                assert_eq!(
                    wrapped_rows(line, usize::from(width)),
                    drawn,
                    "{width}: {line}"
                );
            }
        }
    }
}
