//! Input documents: one news article with its id, text and metadata, and the readers
//! that turn `.txt` files, JSON Lines files, directories and standard input into them.
//!
//! Readers never stop a batch: every input item yields its own `Result`, so one bad line
//! in a JSON Lines file is reported with its line number while the others are ingested.

use std::fs;
use std::io::Read;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use serde::Deserialize;

/// The largest single article accepted (a `.txt` file or one JSON Lines record).
/// News articles are a few kilobytes; anything this large is a mistake (a log, a dump).
pub const MAX_ARTICLE_BYTES: usize = 8 * 1024 * 1024;
/// The largest input file accepted (JSON Lines corpora included).
pub const MAX_FILE_BYTES: u64 = 2 * 1024 * 1024 * 1024;

/// One news article as given to the pipeline.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Document {
    /// The article id: the file stem of a `.txt` file or the `id` field of a JSON Lines record.
    pub id: String,
    /// The article text. NIF offsets count Unicode code points into exactly this string.
    pub text: String,
    /// The publication date, used to resolve "Saturday", "yesterday", "last year".
    pub date: Option<NaiveDate>,
    /// The headline, when known.
    pub title: Option<String>,
    /// The source URL, when known.
    pub url: Option<String>,
}

/// An error while reading an input document. Each names the file (and line) and says what to do.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum InputError {
    /// The file or directory could not be read.
    #[error("{path}: cannot read ({source}); check the path and its permissions")]
    Io {
        /// The input path.
        path: PathBuf,
        /// The underlying error.
        source: std::io::Error,
    },
    /// The bytes are not UTF-8.
    #[error("{path}: not UTF-8 text (invalid byte at offset {offset}); convert it with `iconv -t UTF-8`")]
    NotUtf8 {
        /// The input path.
        path: PathBuf,
        /// Byte offset of the first invalid byte.
        offset: usize,
    },
    /// The file holds NUL bytes: a binary file, not an article.
    #[error("{path}: binary file (NUL byte at offset {offset}); pass .txt or .jsonl articles")]
    Binary {
        /// The input path.
        path: PathBuf,
        /// Byte offset of the first NUL byte.
        offset: usize,
    },
    /// The file holds no text.
    #[error("{path}: empty article (no text after the headers); remove it or add its text")]
    Empty {
        /// The input path.
        path: PathBuf,
    },
    /// The input is larger than one article can be.
    #[error("{path}: too large for one article ({size} bytes > {max}); split it, or use JSON Lines with one article per line")]
    TooLarge {
        /// The input path.
        path: PathBuf,
        /// Its size in bytes.
        size: u64,
        /// The limit in bytes.
        max: u64,
    },
    /// A JSON Lines record is malformed.
    #[error("{path}:{line}: {message}")]
    BadRecord {
        /// The input path.
        path: PathBuf,
        /// The 1-based line number.
        line: u64,
        /// What is wrong and what to do.
        message: String,
    },
    /// A header or option date is not `YYYY-MM-DD`.
    #[error("{path}: bad date {value:?}; write it as YYYY-MM-DD")]
    BadDate {
        /// The input path.
        path: PathBuf,
        /// The date as written.
        value: String,
    },
    /// The input is neither a `.txt` file, a `.jsonl` file, a directory nor `-`.
    #[error("{path}: not an article file; pass .txt or .jsonl files, a directory of them, or - for standard input")]
    UnknownKind {
        /// The input path.
        path: PathBuf,
    },
}

/// Reads every article named by `input`: a `.txt` file, a `.jsonl` file, a directory (searched
/// recursively, in name order, for `.txt` and `.jsonl` files) or `-` for standard input (JSON Lines
/// when it starts with `{`, else one plain-text article with id `stdin`).
///
/// `default_date` applies to articles that carry no date of their own.
pub fn read_input(input: &Path, default_date: Option<NaiveDate>) -> Vec<Result<Document, InputError>> {
    let mut out = Vec::new();
    if input == Path::new("-") {
        let mut bytes = Vec::new();
        if let Err(source) = std::io::stdin().lock().read_to_end(&mut bytes) {
            out.push(Err(InputError::Io { path: input.to_path_buf(), source }));
            return out;
        }
        let text = match decode(input, &bytes) {
            Ok(t) => t,
            Err(e) => return vec![Err(e)],
        };
        if text.trim_start().starts_with('{') {
            out.extend(parse_jsonl(input, &text, default_date));
        } else {
            out.push(parse_txt(input, "stdin", &text, default_date));
        }
        return out;
    }
    let meta = match fs::metadata(input) {
        Ok(m) => m,
        Err(source) => return vec![Err(InputError::Io { path: input.to_path_buf(), source })],
    };
    if meta.is_dir() {
        let mut files = Vec::new();
        if let Err(e) = collect_files(input, &mut files) {
            out.push(Err(e));
        }
        files.sort();
        for f in files {
            out.extend(read_file(&f, default_date));
        }
        return out;
    }
    read_file(input, default_date)
}

fn collect_files(dir: &Path, files: &mut Vec<PathBuf>) -> Result<(), InputError> {
    let entries = fs::read_dir(dir).map_err(|source| InputError::Io { path: dir.to_path_buf(), source })?;
    for entry in entries {
        let entry = entry.map_err(|source| InputError::Io { path: dir.to_path_buf(), source })?;
        let path = entry.path();
        if path.is_dir() {
            collect_files(&path, files)?;
        } else if matches!(extension(&path).as_deref(), Some("txt" | "jsonl")) {
            files.push(path);
        }
    }
    Ok(())
}

fn extension(path: &Path) -> Option<String> {
    path.extension().and_then(|e| e.to_str()).map(str::to_ascii_lowercase)
}

fn read_file(path: &Path, default_date: Option<NaiveDate>) -> Vec<Result<Document, InputError>> {
    let kind = extension(path);
    if !matches!(kind.as_deref(), Some("txt" | "jsonl")) {
        return vec![Err(InputError::UnknownKind { path: path.to_path_buf() })];
    }
    let size = match fs::metadata(path) {
        Ok(m) => m.len(),
        Err(source) => return vec![Err(InputError::Io { path: path.to_path_buf(), source })],
    };
    let max = if kind.as_deref() == Some("txt") { MAX_ARTICLE_BYTES as u64 } else { MAX_FILE_BYTES };
    if size > max {
        return vec![Err(InputError::TooLarge { path: path.to_path_buf(), size, max })];
    }
    let bytes = match fs::read(path) {
        Ok(b) => b,
        Err(source) => return vec![Err(InputError::Io { path: path.to_path_buf(), source })],
    };
    let text = match decode(path, &bytes) {
        Ok(t) => t,
        Err(e) => return vec![Err(e)],
    };
    if kind.as_deref() == Some("jsonl") {
        parse_jsonl(path, &text, default_date)
    } else {
        let id = path.file_stem().and_then(|s| s.to_str()).unwrap_or("article").to_owned();
        vec![parse_txt(path, &id, &text, default_date)]
    }
}

/// Checks that `bytes` are text: no NUL byte (binary) and valid UTF-8. A leading BOM is dropped.
fn decode(path: &Path, bytes: &[u8]) -> Result<String, InputError> {
    if let Some(offset) = bytes.iter().position(|&b| b == 0) {
        return Err(InputError::Binary { path: path.to_path_buf(), offset });
    }
    let text = std::str::from_utf8(bytes)
        .map_err(|e| InputError::NotUtf8 { path: path.to_path_buf(), offset: e.valid_up_to() })?;
    Ok(text.strip_prefix('\u{feff}').unwrap_or(text).to_owned())
}

/// Parses a plain-text article: optional leading header lines (`date YYYY-MM-DD`, `date: …`,
/// `title: …`, `url: …`), then the text.
pub fn parse_txt(path: &Path, id: &str, raw: &str, default_date: Option<NaiveDate>) -> Result<Document, InputError> {
    let mut rest = raw.trim_start();
    let (mut date, mut title, mut url) = (None, None, None);
    loop {
        let lower = rest.get(..6).map(str::to_ascii_lowercase).unwrap_or_default();
        if lower.starts_with("date") {
            // `date 2022-06-13 text…` (the header may share its line with the text) or `date: …`.
            let after = rest.get(4..).unwrap_or("").trim_start_matches(':').trim_start();
            let value: String = after.chars().take_while(|c| !c.is_whitespace()).collect();
            if value.len() == 10 && value.as_bytes().get(4) == Some(&b'-') {
                let d = NaiveDate::parse_from_str(&value, "%Y-%m-%d")
                    .map_err(|_| InputError::BadDate { path: path.to_path_buf(), value: value.clone() })?;
                date = Some(d);
                rest = after.get(value.len()..).unwrap_or("").trim_start();
                continue;
            }
        } else if lower.starts_with("title:") || lower.starts_with("url:") {
            let line_end = rest.find('\n').unwrap_or(rest.len());
            let line = rest.get(..line_end).unwrap_or("");
            let (key, value) = line.split_once(':').unwrap_or((line, ""));
            let value = value.trim().to_owned();
            if key.eq_ignore_ascii_case("title") {
                title = Some(value);
            } else {
                url = Some(value);
            }
            rest = rest.get(line_end..).unwrap_or("").trim_start();
            continue;
        }
        break;
    }
    let text = rest.trim_end().to_owned();
    if text.trim().is_empty() {
        return Err(InputError::Empty { path: path.to_path_buf() });
    }
    Ok(Document { id: id.to_owned(), text, date: date.or(default_date), title, url })
}

#[derive(Deserialize)]
struct Record {
    id: Option<serde_json::Value>,
    text: Option<String>,
    date: Option<String>,
    title: Option<String>,
    url: Option<String>,
}

/// Parses JSON Lines: one article per line, `{"id", "text"}` required, `date`, `title`, `url`
/// optional, other fields ignored. Blank lines are skipped.
pub fn parse_jsonl(path: &Path, text: &str, default_date: Option<NaiveDate>) -> Vec<Result<Document, InputError>> {
    let mut out = Vec::new();
    for (n, line) in text.lines().enumerate() {
        let line_no = n as u64 + 1;
        if line.trim().is_empty() {
            continue;
        }
        let bad = |message: String| InputError::BadRecord { path: path.to_path_buf(), line: line_no, message };
        if line.len() > MAX_ARTICLE_BYTES {
            out.push(Err(bad(format!("record too large ({} bytes > {MAX_ARTICLE_BYTES}); split the article", line.len()))));
            continue;
        }
        let rec: Record = match serde_json::from_str(line) {
            Ok(r) => r,
            Err(e) => {
                out.push(Err(bad(format!("not a JSON object ({e}); each line must be {{\"id\": …, \"text\": …}}"))));
                continue;
            }
        };
        let id = match rec.id {
            Some(serde_json::Value::String(s)) if !s.trim().is_empty() => s,
            Some(serde_json::Value::Number(n)) => n.to_string(),
            _ => {
                out.push(Err(bad("missing \"id\" (a non-empty string); give every record an id".into())));
                continue;
            }
        };
        let Some(body) = rec.text.filter(|t| !t.trim().is_empty()) else {
            out.push(Err(bad(format!("record {id:?} has no \"text\"; give every record its article text"))));
            continue;
        };
        let date = match rec.date.as_deref().map(str::trim).filter(|d| !d.is_empty()) {
            None => default_date,
            Some(d) => match parse_date_prefix(d) {
                Some(d) => Some(d),
                None => {
                    out.push(Err(bad(format!("record {id:?} has a bad \"date\" {d:?}; write it as YYYY-MM-DD"))));
                    continue;
                }
            },
        };
        out.push(Ok(Document {
            id,
            text: body,
            date,
            title: rec.title.filter(|t| !t.trim().is_empty()),
            url: rec.url.filter(|t| !t.trim().is_empty()),
        }));
    }
    out
}

/// Accepts `YYYY-MM-DD` and date-times that start with it (`2022-06-13T08:00:00Z`).
fn parse_date_prefix(s: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(s.get(..10)?, "%Y-%m-%d").ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn header_on_the_same_line_as_the_text() {
        let d = parse_txt(Path::new("a.txt"), "a", "date 2022-06-13 In an effort to counter.", None).unwrap();
        assert_eq!(d.date, NaiveDate::from_ymd_opt(2022, 6, 13));
        assert_eq!(d.text, "In an effort to counter.");
    }

    #[test]
    fn header_lines() {
        let raw = "title: Talks\nurl: https://example.org/a\ndate: 1987-03-03\n\nBERNE, March 3 - Text.";
        let d = parse_txt(Path::new("a.txt"), "a", raw, None).unwrap();
        assert_eq!(d.title.as_deref(), Some("Talks"));
        assert_eq!(d.url.as_deref(), Some("https://example.org/a"));
        assert_eq!(d.date, NaiveDate::from_ymd_opt(1987, 3, 3));
        assert!(d.text.starts_with("BERNE"));
    }

    #[test]
    fn text_starting_with_the_word_date_is_not_a_header() {
        let d = parse_txt(Path::new("a.txt"), "a", "Dates were agreed.", None).unwrap();
        assert_eq!(d.text, "Dates were agreed.");
        assert_eq!(d.date, None);
    }

    #[test]
    fn jsonl_keeps_going_after_a_bad_line() {
        let text = "{\"id\":\"a\",\"text\":\"One.\"}\nnot json\n{\"id\":\"b\"}\n{\"id\":\"c\",\"text\":\"Two.\",\"date\":\"2020-01-02\"}\n";
        let r = parse_jsonl(Path::new("x.jsonl"), text, None);
        assert_eq!(r.len(), 4);
        assert!(r[0].is_ok());
        assert!(matches!(r[1], Err(InputError::BadRecord { line: 2, .. })));
        assert!(matches!(r[2], Err(InputError::BadRecord { line: 3, .. })));
        assert_eq!(r[3].as_ref().unwrap().date, NaiveDate::from_ymd_opt(2020, 1, 2));
    }

    #[test]
    fn binary_and_invalid_utf8_are_refused() {
        assert!(matches!(decode(Path::new("x"), b"ab\0c"), Err(InputError::Binary { offset: 2, .. })));
        assert!(matches!(decode(Path::new("x"), b"ab\xffc"), Err(InputError::NotUtf8 { offset: 2, .. })));
    }
}
