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

/// A count with its thousands grouped: 12345 as "12,345".
pub fn thousands(n: impl Into<u64>) -> String {
    let digits = n.into().to_string();
    let mut out = String::new();
    for (i, ch) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(ch);
    }
    out
}

/// A count with its noun in agreement: "1 file", "3 files", "0 files".
pub fn plural(n: usize, one: &str, many: &str) -> String {
    if n == 1 {
        format!("1 {one}")
    } else {
        format!("{n} {many}")
    }
}

/// A score as Candor's own (English) text writes it, whatever language it is about: "-34.4",
/// never "-34,4", and never "-0".
pub fn decimal(value: f64, decimals: usize) -> String {
    let s = format!("{value:.decimals$}");
    match s.strip_prefix('-') {
        Some(rest) if !rest.chars().any(|c| matches!(c, '1'..='9')) => rest.to_string(),
        _ => s,
    }
}

/// Controls (C0, DEL, C1), and the invisible format characters that reorder, hide or break
/// text: zero-width spaces and joiners, bidirectional marks, overrides and isolates (including
/// the Arabic letter mark), line and paragraph separators (which some terminals treat as line
/// breaks), word joiners and invisible operators, interlinear annotation marks, the Mongolian
/// vowel separator and the byte-order mark.
pub fn needs_escape(c: char) -> bool {
    c.is_control()
        || matches!(
            c,
            '\u{061c}'
                | '\u{180e}'
                | '\u{200b}'..='\u{200f}'
                | '\u{2028}'..='\u{202e}'
                | '\u{2060}'..='\u{2064}'
                | '\u{2066}'..='\u{206f}'
                | '\u{feff}'
                | '\u{fff9}'..='\u{fffb}'
        )
}

/// JSON that parses back to exactly the same values, with every character [`clean`] escapes
/// written as a `\uXXXX` escape: a JSON report piped to a terminal or a log viewer carries no
/// raw control, bidirectional or separator characters.
pub mod json {
    use std::io::{self, Write};

    use serde_json::ser::{Formatter, PrettyFormatter};

    struct Safe<'a>(PrettyFormatter<'a>);

    impl Formatter for Safe<'_> {
        fn write_string_fragment<W: ?Sized + Write>(
            &mut self,
            w: &mut W,
            fragment: &str,
        ) -> io::Result<()> {
            let mut start = 0;
            for (i, c) in fragment.char_indices() {
                if super::needs_escape(c) {
                    w.write_all(&fragment.as_bytes()[start..i])?;
                    // All of them are in the Basic Multilingual Plane: one escape each.
                    write!(w, "\\u{:04x}", c as u32)?;
                    start = i + c.len_utf8();
                }
            }
            w.write_all(&fragment.as_bytes()[start..])
        }
        fn begin_array<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
            self.0.begin_array(w)
        }
        fn end_array<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
            self.0.end_array(w)
        }
        fn begin_array_value<W: ?Sized + Write>(
            &mut self,
            w: &mut W,
            first: bool,
        ) -> io::Result<()> {
            self.0.begin_array_value(w, first)
        }
        fn end_array_value<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
            self.0.end_array_value(w)
        }
        fn begin_object<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
            self.0.begin_object(w)
        }
        fn end_object<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
            self.0.end_object(w)
        }
        fn begin_object_key<W: ?Sized + Write>(
            &mut self,
            w: &mut W,
            first: bool,
        ) -> io::Result<()> {
            self.0.begin_object_key(w, first)
        }
        fn begin_object_value<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
            self.0.begin_object_value(w)
        }
        fn end_object_value<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
            self.0.end_object_value(w)
        }
    }

    /// Like `serde_json::to_writer_pretty`, escaping what a terminal must not receive raw.
    pub fn to_writer_pretty<W: Write, T: ?Sized + serde::Serialize>(
        w: W,
        value: &T,
    ) -> serde_json::Result<()> {
        let mut ser = serde_json::Serializer::with_formatter(w, Safe(PrettyFormatter::new()));
        value.serialize(&mut ser)
    }

    /// Like `serde_json::to_string_pretty`, escaping what a terminal must not receive raw.
    pub fn to_string_pretty<T: ?Sized + serde::Serialize>(value: &T) -> serde_json::Result<String> {
        let mut out = Vec::new();
        to_writer_pretty(&mut out, value)?;
        // Only whole UTF-8 strings and ASCII were written.
        Ok(String::from_utf8(out).unwrap_or_default())
    }
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

/// `line` wrapped at word boundaries into rows of at most `width` columns, each row after the
/// first indented as the line is (by its leading spaces, up to half the width), so an indented
/// item reads as one block rather than running back to the margin. A word longer than a row
/// is cut.
pub fn hanging_wrap(line: &str, width: usize) -> Vec<String> {
    use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};
    if width == 0 {
        return Vec::new();
    }
    let body = line.trim_start_matches(' ');
    let indent = (line.len() - body.len()).min(width / 2);
    let pad = " ".repeat(indent);
    let mut rows = Vec::new();
    let (mut row, mut used, mut fresh) = (pad.clone(), indent, true);
    for word in body.split_inclusive(' ') {
        let bare = word.trim_end_matches(' ').width();
        if !fresh && used + bare > width {
            rows.push(row.trim_end().to_string());
            (row, used) = (pad.clone(), indent);
        }
        if indent + bare > width {
            for ch in word.chars() {
                let w = ch.width().unwrap_or(0);
                if used + w > width && used > indent {
                    rows.push(std::mem::replace(&mut row, pad.clone()));
                    used = indent;
                }
                row.push(ch);
                used += w;
            }
        } else {
            row.push_str(word);
            used += word.width();
        }
        fresh = false;
    }
    rows.push(row.trim_end().to_string());
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
    fn decimals_are_written_with_a_point_and_never_as_minus_zero() {
        assert_eq!(decimal(-34.44, 1), "-34.4");
        assert_eq!(decimal(62.0, 0), "62");
        assert_eq!(decimal(-0.04, 1), "0.0");
        assert_eq!(decimal(-0.4, 0), "0");
        assert_eq!(decimal(1234.56, 1), "1234.6");
    }

    /// Separators and invisible format characters garble a row or hide text: escaped too.
    #[test]
    fn escapes_separators_and_invisible_format_characters() {
        for c in [
            '\u{2028}', '\u{2029}', '\u{fff9}', '\u{fffa}', '\u{fffb}', '\u{061c}', '\u{2060}',
            '\u{85}', '\u{9c}', '\u{9d}', '\u{200b}', '\u{feff}', '\u{202e}', '\u{2066}',
        ] {
            let shown = clean(&format!("AB{c}CD"));
            assert_eq!(shown, format!("AB\\u{{{:x}}}CD", c as u32));
        }
        // Letters, accents, typographic spaces and emoji are text, not escapes.
        assert_eq!(clean("é ñ « » \u{202f} 👍"), "é ñ « » \u{202f} 👍");
    }

    /// JSON keeps the exact value but no dangerous character raw.
    #[test]
    fn json_escapes_what_the_terminal_must_not_see_and_parses_back() {
        let name = "x\u{9b}2J\u{85}\u{202e}\u{200b}\u{feff}\u{2028}é\n\u{1b}";
        let text = json::to_string_pretty(&serde_json::json!({ "name": name })).unwrap();
        assert!(
            text.chars().all(|c| c == '\n' || !needs_escape(c)),
            "{text:?}"
        );
        assert!(
            text.contains("\\u009b") && text.contains("\\u2028"),
            "{text}"
        );
        let back: serde_json::Value = serde_json::from_str(&text).unwrap();
        assert_eq!(back["name"], name);
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

    #[test]
    fn hanging_wrap_keeps_the_indent_and_every_word() {
        let line = "  You see this because you are logged in and at least one of these is true";
        assert_eq!(
            hanging_wrap(line, 30),
            [
                "  You see this because you are",
                "  logged in and at least one",
                "  of these is true",
            ]
        );
        for width in [1, 5, 12, 30, 80] {
            for line in [
                line,
                "",
                "    averyveryverylongwordwithoutanyspaces then more",
                "no indent «\u{202f}quoted\u{202f}» and wide 表意文字 words",
            ] {
                use unicode_width::UnicodeWidthStr;
                let rows = hanging_wrap(line, width);
                assert!(
                    rows.iter().all(|r| r.width() <= width.max(2)),
                    "{width}: {rows:?}"
                );
                let words: String = rows.concat().split_whitespace().collect();
                let want: String = line.split_whitespace().collect();
                assert_eq!(words, want, "{width}");
            }
        }
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
