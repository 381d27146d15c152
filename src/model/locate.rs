//! Where each part of a campaign sits in its RON text. serde keeps no positions, so this walks
//! the text once more (leniently: the text has already been parsed) and records the line and
//! column of every readable path, such as `audience.all[1].attribute`.
//!
//! Path rules (the check engine builds the same paths): struct fields add `.name`; list items add
//! `[i]`; an enum variant whose content is struct-like (`Intent(action: ..)`) adds nothing; any
//! other variant adds its name in snake case (`All([..])` adds `.all`); `Some(..)` adds nothing.

use std::collections::HashMap;

/// 1-based line and column.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Pos {
    pub line: usize,
    pub column: usize,
}

#[derive(Debug, Clone, Default)]
pub struct SpanIndex {
    entries: HashMap<String, Pos>,
}

/// Deeper than the loader's recursion limit, so valid files are indexed whole.
const MAX_DEPTH: usize = 256;

impl SpanIndex {
    pub fn build(text: &str) -> SpanIndex {
        let mut p = Walker {
            chars: text.chars().collect(),
            i: 0,
            line: 1,
            col: 1,
            index: SpanIndex::default(),
        };
        p.skip_trivia();
        p.value(String::new(), 0);
        p.index
    }

    /// The position of `path`, or of its nearest recorded ancestor.
    pub fn find(&self, path: &str) -> Option<Pos> {
        let mut p = path;
        loop {
            if let Some(pos) = self.entries.get(p) {
                return Some(*pos);
            }
            let cut = p.rfind(['.', '['])?;
            p = &p[..cut];
        }
    }
}

struct Walker {
    chars: Vec<char>,
    i: usize,
    line: usize,
    col: usize,
    index: SpanIndex,
}

fn join(path: &str, name: &str) -> String {
    if path.is_empty() {
        name.to_string()
    } else {
        format!("{path}.{name}")
    }
}

impl Walker {
    fn peek(&self) -> Option<char> {
        self.chars.get(self.i).copied()
    }

    fn peek_at(&self, k: usize) -> Option<char> {
        self.chars.get(self.i + k).copied()
    }

    fn bump(&mut self) -> Option<char> {
        let c = self.peek()?;
        self.i += 1;
        if c == '\n' {
            self.line += 1;
            self.col = 1;
        } else {
            self.col += 1;
        }
        Some(c)
    }

    fn pos(&self) -> Pos {
        Pos {
            line: self.line,
            column: self.col,
        }
    }

    fn record(&mut self, path: &str) {
        let pos = self.pos();
        self.index.entries.entry(path.to_string()).or_insert(pos);
    }

    fn skip_trivia(&mut self) {
        loop {
            match (self.peek(), self.peek_at(1)) {
                (Some(c), _) if c.is_whitespace() => {
                    self.bump();
                }
                (Some('/'), Some('/')) => {
                    while let Some(c) = self.bump() {
                        if c == '\n' {
                            break;
                        }
                    }
                }
                (Some('/'), Some('*')) => {
                    self.bump();
                    self.bump();
                    let mut depth = 1;
                    while depth > 0 {
                        match (self.bump(), self.peek()) {
                            (None, _) => return,
                            (Some('*'), Some('/')) => {
                                self.bump();
                                depth -= 1;
                            }
                            (Some('/'), Some('*')) => {
                                self.bump();
                                depth += 1;
                            }
                            _ => {}
                        }
                    }
                }
                (Some('#'), Some('!')) => {
                    // An attribute such as #![enable(implicit_some)].
                    while let Some(c) = self.bump() {
                        if c == ']' {
                            break;
                        }
                    }
                }
                _ => return,
            }
        }
    }

    fn ident(&mut self) -> String {
        let mut s = String::new();
        while let Some(c) = self.peek() {
            if c.is_alphanumeric() || c == '_' || c == '#' {
                s.push(c);
                self.bump();
            } else {
                break;
            }
        }
        s
    }

    /// Whether the text at the cursor is `name:` (a struct field), not `name::` or a value.
    fn at_field(&self) -> bool {
        let mut k = self.i;
        let start = k;
        while k < self.chars.len() && (self.chars[k].is_alphanumeric() || self.chars[k] == '_') {
            k += 1;
        }
        if k == start || !self.chars[start].is_alphabetic() && self.chars[start] != '_' {
            return false;
        }
        while k < self.chars.len() && self.chars[k].is_whitespace() {
            k += 1;
        }
        k < self.chars.len() && self.chars[k] == ':' && self.chars.get(k + 1) != Some(&':')
    }

    fn value(&mut self, path: String, depth: usize) {
        if depth > MAX_DEPTH {
            self.i = self.chars.len();
            return;
        }
        self.record(&path);
        match self.peek() {
            None => {}
            Some('(') => {
                self.bump();
                self.body(path, depth, ')');
            }
            Some('[') => {
                self.bump();
                let mut n = 0;
                self.sequence(']', |w| {
                    w.value(format!("{path}[{n}]"), depth + 1);
                    n += 1;
                });
            }
            Some('{') => {
                self.bump();
                self.sequence('}', |w| {
                    w.value(path.clone(), depth + 1);
                    w.skip_trivia();
                    if w.peek() == Some(':') {
                        w.bump();
                        w.skip_trivia();
                        w.value(path.clone(), depth + 1);
                    }
                });
            }
            Some('"') => self.string(),
            Some('r') if matches!(self.peek_at(1), Some('"') | Some('#')) => self.raw_string(),
            Some('\'') => {
                self.bump();
                while let Some(c) = self.bump() {
                    if c == '\\' {
                        self.bump();
                    } else if c == '\'' {
                        break;
                    }
                }
            }
            Some(c) if c.is_alphabetic() || c == '_' => {
                let name = self.ident();
                self.skip_trivia();
                if self.peek() == Some('(') {
                    self.bump();
                    self.skip_trivia();
                    let inner = if name == "Some" || self.at_field() {
                        path
                    } else {
                        join(&path, &crate::text::snake_case(&name))
                    };
                    self.body(inner, depth, ')');
                }
            }
            Some(_) => {
                // A number, bool or other scalar: consume up to the next delimiter.
                while let Some(c) = self.peek() {
                    if matches!(c, ',' | ')' | ']' | '}') || c.is_whitespace() {
                        break;
                    }
                    self.bump();
                }
            }
        }
    }

    /// The inside of `( .. )`: struct fields or tuple members.
    fn body(&mut self, path: String, depth: usize, close: char) {
        self.skip_trivia();
        if self.at_field() {
            self.sequence(close, |w| {
                if !w.at_field() {
                    w.value(path.clone(), depth + 1);
                    return;
                }
                let field_path = join(&path, &w.peek_ident());
                w.record(&field_path);
                w.ident();
                w.skip_trivia();
                w.bump(); // ':'
                w.skip_trivia();
                w.value(field_path, depth + 1);
            });
        } else {
            let mut members = 0;
            self.sequence(close, |w| {
                // A single member (a newtype) keeps the path; more members are numbered.
                let p = if members == 0 {
                    path.clone()
                } else {
                    format!("{path}[{members}]")
                };
                w.value(p, depth + 1);
                members += 1;
            });
        }
    }

    fn peek_ident(&self) -> String {
        self.chars[self.i..]
            .iter()
            .take_while(|c| c.is_alphanumeric() || **c == '_')
            .collect()
    }

    fn sequence(&mut self, close: char, mut item: impl FnMut(&mut Walker)) {
        loop {
            self.skip_trivia();
            match self.peek() {
                None => return,
                Some(c) if c == close => {
                    self.bump();
                    return;
                }
                Some(',') => {
                    self.bump();
                }
                Some(_) => {
                    let before = self.i;
                    item(self);
                    if self.i == before {
                        // Not something we understand: step over it rather than loop forever.
                        self.bump();
                    }
                }
            }
        }
    }

    fn string(&mut self) {
        self.bump();
        while let Some(c) = self.bump() {
            if c == '\\' {
                self.bump();
            } else if c == '"' {
                break;
            }
        }
    }

    fn raw_string(&mut self) {
        self.bump(); // r
        let mut hashes = 0;
        while self.peek() == Some('#') {
            hashes += 1;
            self.bump();
        }
        self.bump(); // opening quote
        while let Some(c) = self.bump() {
            if c == '"' {
                let mut k = 0;
                while k < hashes && self.peek() == Some('#') {
                    self.bump();
                    k += 1;
                }
                if k == hashes {
                    break;
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn indexes_fields_lists_and_variants() {
        let text = "#![enable(implicit_some)]\n(\n    id: \"x\",\n    audience: All([\n        Intent(action: PageView),\n        Not(Attribute(attribute: \"age\")),\n    ]),\n)\n";
        let idx = SpanIndex::build(text);
        assert_eq!(idx.find("id"), Some(Pos { line: 3, column: 5 }));
        assert_eq!(
            idx.find("audience.all[0].action"),
            Some(Pos {
                line: 5,
                column: 16
            })
        );
        assert_eq!(
            idx.find("audience.all[1].not.attribute"),
            Some(Pos {
                line: 6,
                column: 23
            })
        );
        // Unknown tails fall back to the nearest ancestor.
        assert_eq!(
            idx.find("audience.all[0].nothing"),
            Some(Pos { line: 5, column: 9 })
        );
    }

    #[test]
    fn survives_garbage() {
        for text in [
            "(((",
            "[[[",
            "\"unterminated",
            "( a: ",
            "r#\"x",
            "/* open",
            "(a: {1: (b",
        ] {
            let _ = SpanIndex::build(text);
        }
        let deep = "(".repeat(100_000);
        let _ = SpanIndex::build(&deep);
    }
}
