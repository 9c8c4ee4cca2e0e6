//! Input documents: one news article with its id, text and metadata, and the readers
//! that turn `.txt` files, JSON Lines files, directories and standard input into them.
//!
//! Readers never stop a batch: every input item yields its own `Result`, so one bad line
//! in a JSON Lines file is reported with its line number while the others are ingested.

use std::collections::HashSet;
use std::fs;
use std::io::{BufRead, BufReader, Read};
use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use serde::Deserialize;

/// The largest single article accepted (a `.txt` file or one JSON Lines record).
/// News articles are a few kilobytes; anything this large is a mistake (a log, a dump).
pub const MAX_ARTICLE_BYTES: usize = 8 * 1024 * 1024;

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
    /// The file is UTF-16 text (it starts with a UTF-16 byte order mark).
    #[error("{path}: UTF-16 text, not UTF-8; convert it with `iconv -f UTF-16 -t UTF-8`")]
    Utf16 {
        /// The input path.
        path: PathBuf,
    },
    /// A directory entry with an article's name that is no regular file (a named pipe, a socket,
    /// a device): reading it could block or never end.
    #[error("{path}: not a regular file (a pipe, socket or device); put the article in a plain file")]
    NotAFile {
        /// The input path.
        path: PathBuf,
    },
    /// The file is a document of another format (a PDF, a zip archive, RTF), told by its
    /// first bytes.
    #[error("{path}: {kind}, not text; {remedy}")]
    Document {
        /// The input path.
        path: PathBuf,
        /// What the file is.
        kind: &'static str,
        /// What to do instead.
        remedy: &'static str,
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
    /// An `id:` header with no id after it.
    #[error("{path}: empty `id:` header; write the article's id after it or remove the line")]
    EmptyId {
        /// The input path.
        path: PathBuf,
    },
    /// The input is neither a `.txt` file, a `.jsonl` file, a directory nor `-`.
    #[error("{path}: not an article file; pass .txt or .jsonl files, a directory of them, or - for standard input")]
    UnknownKind {
        /// The input path.
        path: PathBuf,
    },
}

/// Reads every article named by `input`, one at a time: a `.txt` file, a `.jsonl` file, a
/// directory (searched recursively, in name order, for `.txt` and `.jsonl` files) or `-` for
/// standard input (JSON Lines when it starts with `{`, else one plain-text article with id
/// `stdin`).
///
/// The articles are read as they are consumed, so memory stays bounded by one article
/// ([`MAX_ARTICLE_BYTES`]) whatever the size of a corpus: a directory yields its first article
/// before it reads the second file, and a JSON Lines file or stream is read line by line.
///
/// Article ids are unique per input: the `id:` header of a `.txt` file, else its path relative
/// to the directory given (without the extension: `2024/march/001`), else its file stem; a JSON
/// Lines record's `id` field.
///
/// `default_date` applies to articles that carry no date of their own.
pub fn read_input(input: &Path, default_date: Option<NaiveDate>) -> Box<dyn Iterator<Item = Result<Document, InputError>>> {
    if input == Path::new("-") {
        return read_stream(input, std::io::stdin(), default_date);
    }
    let meta = match fs::metadata(input) {
        Ok(m) => m,
        Err(source) => return Box::new(std::iter::once(Err(InputError::Io { path: input.to_path_buf(), source }))),
    };
    if meta.is_dir() {
        let (mut files, mut errors) = (Vec::new(), Vec::new());
        collect_files(input, &mut files, &mut errors, &mut HashSet::new());
        files.sort();
        let root = input.to_path_buf();
        return Box::new(errors.into_iter().map(Err).chain(files.into_iter().flat_map(move |f| {
            let id = relative_id(&root, &f);
            read_file(&f, &id, default_date)
        })));
    }
    let id = stem(input);
    read_file(input, &id, default_date)
}

/// The id of a `.txt` file found under `root`: its relative path without the extension,
/// with `/` between the parts on every platform.
fn relative_id(root: &Path, file: &Path) -> String {
    let rel = file.strip_prefix(root).unwrap_or(file).with_extension("");
    let parts: Vec<String> = rel.components().map(|c| name_text(c.as_os_str())).collect();
    if parts.is_empty() {
        stem(file)
    } else {
        parts.join("/")
    }
}

fn stem(path: &Path) -> String {
    path.file_stem().map(name_text).unwrap_or_else(|| "article".to_owned())
}

/// A file name as id text: its bytes that are not UTF-8 written `%XX`, so that two names that
/// differ only there stay two ids.
fn name_text(name: &std::ffi::OsStr) -> String {
    #[cfg(unix)]
    {
        use std::fmt::Write;
        use std::os::unix::ffi::OsStrExt;
        let mut out = String::new();
        for chunk in name.as_bytes().utf8_chunks() {
            out.push_str(chunk.valid());
            for b in chunk.invalid() {
                let _ = write!(out, "%{b:02X}");
            }
        }
        out
    }
    #[cfg(not(unix))]
    {
        name.to_string_lossy().into_owned()
    }
}

/// Reads the articles of a stream (standard input is `read_stream(Path::new("-"), std::io::stdin(), …)`),
/// named `input` in errors: JSON Lines when its first byte that is not white space or part of a
/// byte order mark is `{`, else one plain-text article with id `stdin`. Read as files are, one
/// line or one article of at most [`MAX_ARTICLE_BYTES`] at a time.
pub fn read_stream<R: Read + 'static>(input: &Path, reader: R, default_date: Option<NaiveDate>) -> Box<dyn Iterator<Item = Result<Document, InputError>>> {
    let mut reader = BufReader::new(reader);
    // JSON Lines or one article: decided by the first byte that is not white space or a BOM. A
    // pipe may hand those over in pieces, so the pieces looked at are kept and read again
    // (the lines keep their numbers and a BOM stays whole); at most one article's worth.
    let mut head = Vec::new();
    let first = loop {
        match reader.fill_buf() {
            Ok([]) => break None,
            Ok(buf) => {
                let skip = buf.iter().take_while(|b| b.is_ascii_whitespace() || matches!(b, 0xEF | 0xBB | 0xBF)).count();
                if skip < buf.len() {
                    break buf.get(skip).copied();
                }
                head.extend_from_slice(buf);
                reader.consume(skip);
                if head.len() > MAX_ARTICLE_BYTES {
                    break None;
                }
            }
            Err(source) => return Box::new(std::iter::once(Err(InputError::Io { path: input.to_path_buf(), source }))),
        }
    };
    let reader = BufReader::new(std::io::Cursor::new(head).chain(reader));
    if first == Some(b'{') {
        return Box::new(JsonLines::new(input, reader, default_date));
    }
    let mut bytes = Vec::new();
    if let Err(source) = reader.take(MAX_ARTICLE_BYTES as u64 + 1).read_to_end(&mut bytes) {
        return Box::new(std::iter::once(Err(InputError::Io { path: input.to_path_buf(), source })));
    }
    if bytes.len() > MAX_ARTICLE_BYTES {
        let size = bytes.len() as u64;
        return Box::new(std::iter::once(Err(InputError::TooLarge { path: input.to_path_buf(), size, max: MAX_ARTICLE_BYTES as u64 })));
    }
    Box::new(std::iter::once(decode(input, &bytes).and_then(|text| parse_txt(input, "stdin", &text, default_date))))
}

/// The article files under `dir`, recursively. A directory reached twice (a symbolic link to
/// a parent, two links to one folder) is read once, at its first path in name order; an entry
/// that cannot be read is an error and the walk goes on.
fn collect_files(dir: &Path, files: &mut Vec<PathBuf>, errors: &mut Vec<InputError>, seen: &mut HashSet<PathBuf>) {
    if let Ok(real) = fs::canonicalize(dir) {
        if !seen.insert(real) {
            return;
        }
    }
    let entries = match fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(source) => return errors.push(InputError::Io { path: dir.to_path_buf(), source }),
    };
    let mut paths = Vec::new();
    for entry in entries {
        match entry {
            Ok(entry) => paths.push(entry.path()),
            Err(source) => errors.push(InputError::Io { path: dir.to_path_buf(), source }),
        }
    }
    paths.sort();
    for path in paths {
        let article = matches!(extension(&path).as_deref(), Some("txt" | "jsonl"));
        match fs::metadata(&path) {
            Ok(m) if m.is_dir() => collect_files(&path, files, errors, seen),
            Ok(m) if !m.is_file() && article => errors.push(InputError::NotAFile { path }),
            // a dangling link is reported when the file is read
            _ if article => files.push(path),
            _ => {}
        }
    }
}

fn extension(path: &Path) -> Option<String> {
    path.extension().and_then(|e| e.to_str()).map(str::to_ascii_lowercase)
}

fn read_file(path: &Path, id: &str, default_date: Option<NaiveDate>) -> Box<dyn Iterator<Item = Result<Document, InputError>>> {
    let one = |r| -> Box<dyn Iterator<Item = Result<Document, InputError>>> { Box::new(std::iter::once(r)) };
    let kind = extension(path);
    if !matches!(kind.as_deref(), Some("txt" | "jsonl")) {
        return one(Err(InputError::UnknownKind { path: path.to_path_buf() }));
    }
    let file = match fs::File::open(path) {
        Ok(f) => f,
        Err(source) => return one(Err(InputError::Io { path: path.to_path_buf(), source })),
    };
    if kind.as_deref() == Some("jsonl") {
        return Box::new(JsonLines::new(path, BufReader::new(file), default_date));
    }
    let size = file.metadata().map(|m| m.len()).unwrap_or(0);
    if size > MAX_ARTICLE_BYTES as u64 {
        return one(Err(InputError::TooLarge { path: path.to_path_buf(), size, max: MAX_ARTICLE_BYTES as u64 }));
    }
    let mut bytes = Vec::new();
    // `take`: a file that grows while it is read is still bounded
    if let Err(source) = file.take(MAX_ARTICLE_BYTES as u64 + 1).read_to_end(&mut bytes) {
        return one(Err(InputError::Io { path: path.to_path_buf(), source }));
    }
    one(decode(path, &bytes).and_then(|text| parse_txt(path, id, &text, default_date)))
}

/// A JSON Lines source read one line at a time: at most one article's bytes in memory, a line
/// longer than [`MAX_ARTICLE_BYTES`] skipped with an error, the lines after it still read.
struct JsonLines<R> {
    path: PathBuf,
    reader: R,
    default_date: Option<NaiveDate>,
    line: u64,
    done: bool,
}

impl<R: BufRead> JsonLines<R> {
    fn new(path: &Path, reader: R, default_date: Option<NaiveDate>) -> Self {
        JsonLines { path: path.to_path_buf(), reader, default_date, line: 0, done: false }
    }

    /// The next line's bytes (without its end), or `Err(length)` when it is too long; `None` at
    /// the end of the input.
    fn next_line(&mut self) -> Option<Result<Result<Vec<u8>, u64>, std::io::Error>> {
        let mut buf = Vec::new();
        let limit = MAX_ARTICLE_BYTES as u64 + 1;
        match (&mut self.reader).take(limit).read_until(b'\n', &mut buf) {
            Err(e) => return Some(Err(e)),
            Ok(0) => return None,
            Ok(_) => {}
        }
        if buf.last() == Some(&b'\n') || buf.len() <= MAX_ARTICLE_BYTES {
            while matches!(buf.last(), Some(b'\n' | b'\r')) {
                buf.pop();
            }
            return Some(Ok(Ok(buf)));
        }
        // too long: skip to the end of this line without keeping it
        let mut length = buf.len() as u64;
        loop {
            buf.clear();
            match (&mut self.reader).take(1 << 16).read_until(b'\n', &mut buf) {
                Err(e) => return Some(Err(e)),
                Ok(0) => break,
                Ok(n) => {
                    length += n as u64;
                    if buf.last() == Some(&b'\n') {
                        break;
                    }
                }
            }
        }
        Some(Ok(Err(length)))
    }
}

impl<R: BufRead> Iterator for JsonLines<R> {
    type Item = Result<Document, InputError>;

    fn next(&mut self) -> Option<Self::Item> {
        loop {
            if self.done {
                return None;
            }
            let line = self.next_line();
            self.line += 1;
            let line_no = self.line;
            let bad = |message: String| InputError::BadRecord { path: self.path.clone(), line: line_no, message };
            let bytes = match line {
                None => {
                    self.done = true;
                    return None;
                }
                Some(Err(source)) => {
                    self.done = true;
                    return Some(Err(InputError::Io { path: self.path.clone(), source }));
                }
                Some(Ok(Err(size))) => {
                    return Some(Err(bad(format!("record too large ({size} bytes > {MAX_ARTICLE_BYTES}); split the article"))));
                }
                Some(Ok(Ok(bytes))) => bytes,
            };
            if line_no == 1 && is_utf16(&bytes) {
                self.done = true;
                return Some(Err(InputError::Utf16 { path: self.path.clone() }));
            }
            // a PDF passed as JSON Lines: one error for the file, not one per line
            if let Some((kind, remedy)) = (line_no == 1).then(|| other_format(&bytes)).flatten() {
                self.done = true;
                return Some(Err(InputError::Document { path: self.path.clone(), kind, remedy }));
            }
            if let Some(offset) = bytes.iter().position(|&b| b == 0) {
                if line_no == 1 {
                    // a binary file, not a corpus with one bad line: stop here
                    self.done = true;
                    return Some(Err(InputError::Binary { path: self.path.clone(), offset }));
                }
                return Some(Err(bad(format!("NUL byte at offset {offset} of the line; remove it or fix the record"))));
            }
            let text = match std::str::from_utf8(&bytes) {
                Ok(t) => t,
                Err(e) => {
                    return Some(Err(bad(format!(
                        "not UTF-8 text (invalid byte at offset {} of the line); convert the file with `iconv -t UTF-8`",
                        e.valid_up_to()
                    ))))
                }
            };
            // a byte order mark on any line: files joined with `cat`
            let text = text.strip_prefix('\u{feff}').unwrap_or(text);
            if text.trim().is_empty() {
                continue;
            }
            return Some(parse_record(&self.path, line_no, text, self.default_date));
        }
    }
}

/// The first bytes of document formats that are not text, what each is, and what to do instead.
const OTHER_FORMATS: &[(&[u8], &str, &str)] = &[
    (b"%PDF-", "a PDF document", "extract its text first (pdftotext FILE.pdf FILE.txt)"),
    (b"PK\x03\x04", "a zip archive (or a Word or OpenDocument file)", "unpack it, or save the document as plain text"),
    (b"{\\rtf", "an RTF document", "save it as plain text"),
];

/// What document format `bytes` start with, if one of [`OTHER_FORMATS`].
fn other_format(bytes: &[u8]) -> Option<(&'static str, &'static str)> {
    OTHER_FORMATS.iter().find(|(magic, _, _)| bytes.starts_with(magic)).map(|&(_, kind, remedy)| (kind, remedy))
}

/// Whether `bytes` start with a UTF-16 byte order mark (bytes never found at the start of UTF-8).
fn is_utf16(bytes: &[u8]) -> bool {
    bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF])
}

/// Checks that `bytes` are text: no NUL byte (binary) and valid UTF-8. A leading BOM is dropped.
fn decode(path: &Path, bytes: &[u8]) -> Result<String, InputError> {
    if is_utf16(bytes) {
        return Err(InputError::Utf16 { path: path.to_path_buf() });
    }
    if let Some((kind, remedy)) = other_format(bytes) {
        return Err(InputError::Document { path: path.to_path_buf(), kind, remedy });
    }
    if let Some(offset) = bytes.iter().position(|&b| b == 0) {
        return Err(InputError::Binary { path: path.to_path_buf(), offset });
    }
    let text = std::str::from_utf8(bytes)
        .map_err(|e| InputError::NotUtf8 { path: path.to_path_buf(), offset: e.valid_up_to() })?;
    Ok(text.strip_prefix('\u{feff}').unwrap_or(text).to_owned())
}

/// Parses a plain-text article: optional leading header lines (`date YYYY-MM-DD`, `date: …`,
/// `title: …`, `url: …`, `id: …`), then the text. An `id:` header replaces `id`, the id the
/// file's path gives.
pub fn parse_txt(path: &Path, id: &str, raw: &str, default_date: Option<NaiveDate>) -> Result<Document, InputError> {
    let mut rest = raw.trim_start();
    let (mut date, mut title, mut url, mut given_id) = (None, None, None, None);
    loop {
        // six characters, not bytes: `id:` followed by a character of four bytes is a header too
        let lower = rest.chars().take(6).collect::<String>().to_ascii_lowercase();
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
        } else if lower.starts_with("title:") || lower.starts_with("url:") || lower.starts_with("id:") {
            // a header line ends at LF, CRLF or a lone CR (old Mac files)
            let line_end = rest.find(['\n', '\r']).unwrap_or(rest.len());
            let line = rest.get(..line_end).unwrap_or("");
            let (key, value) = line.split_once(':').unwrap_or((line, ""));
            let value = printable(value.to_owned()).trim().to_owned();
            if key.eq_ignore_ascii_case("title") {
                title = Some(value);
            } else if key.eq_ignore_ascii_case("id") {
                if value.is_empty() {
                    return Err(InputError::EmptyId { path: path.to_path_buf() });
                }
                given_id = Some(value);
            } else {
                url = Some(value);
            }
            rest = rest.get(line_end..).unwrap_or("").trim_start();
            continue;
        }
        break;
    }
    let text = rest.trim_end();
    if blank(text) {
        return Err(InputError::Empty { path: path.to_path_buf() });
    }
    let id = given_id.unwrap_or_else(|| printable(id.to_owned()));
    Ok(Document { id, text: printable(text.to_owned()), date: date.or(default_date), title, url })
}

/// A character that XML 1.0 cannot hold: a C0 control other than tab, line feed and carriage
/// return; U+FFFE, U+FFFF.
fn unfit(c: char) -> bool {
    (c < ' ' && !matches!(c, '\t' | '\n' | '\r')) || matches!(c, '\u{FFFE}' | '\u{FFFF}')
}

/// Text with nothing in it once [`printable`]: white space and characters XML cannot hold.
fn blank(text: &str) -> bool {
    text.chars().all(|c| c.is_whitespace() || unfit(c))
}

/// The text with every character that XML 1.0 cannot hold replaced by a space: one character
/// for one, so code-point offsets into the stored text stay those of the input, and every
/// writer (RDF/XML, GraphML, GEXF) can spell the article, its evidence, id, title and url.
fn printable(text: String) -> String {
    if text.chars().any(unfit) {
        text.chars().map(|c| if unfit(c) { ' ' } else { c }).collect()
    } else {
        text
    }
}

#[derive(Deserialize)]
struct Record {
    id: Option<serde_json::Value>,
    text: Option<String>,
    date: Option<String>,
    title: Option<String>,
    url: Option<String>,
}

/// Parses JSON Lines held in memory: one article per line, `{"id", "text"}` required, `date`,
/// `title`, `url` optional, other fields ignored. Blank lines are skipped. The same reader as
/// for files and standard input.
pub fn parse_jsonl(path: &Path, text: &str, default_date: Option<NaiveDate>) -> Vec<Result<Document, InputError>> {
    JsonLines::new(path, text.as_bytes(), default_date).collect()
}

/// One JSON Lines record (`line` is its 1-based line number, for errors).
fn parse_record(path: &Path, line: u64, text: &str, default_date: Option<NaiveDate>) -> Result<Document, InputError> {
    let bad = |message: String| InputError::BadRecord { path: path.to_path_buf(), line, message };
    let rec: Record = serde_json::from_str(text)
        .map_err(|e| bad(format!("not a JSON object ({e}); each line must be {{\"id\": …, \"text\": …}}")))?;
    let id = match rec.id {
        Some(serde_json::Value::String(s)) if !blank(&s) => s,
        Some(serde_json::Value::Number(n)) => n.to_string(),
        _ => return Err(bad("missing \"id\" (a non-empty string); give every record an id".into())),
    };
    let Some(body) = rec.text.filter(|t| !blank(t)) else {
        return Err(bad(format!("record {id:?} has no \"text\"; give every record its article text")));
    };
    // `\u0000` in JSON: the NUL a text file may not hold either
    if [Some(&id), Some(&body), rec.title.as_ref(), rec.url.as_ref(), rec.date.as_ref()].into_iter().flatten().any(|s| s.contains('\0')) {
        return Err(bad(format!("record {id:?} holds a NUL character (\\u0000); remove it or fix the record")));
    }
    let date = match rec.date.as_deref().map(str::trim).filter(|d| !d.is_empty()) {
        None => default_date,
        Some(d) => match parse_date_prefix(d) {
            Some(d) => Some(d),
            None => return Err(bad(format!("record {id:?} has a bad \"date\" {d:?}; write it as YYYY-MM-DD"))),
        },
    };
    Ok(Document {
        id: printable(id),
        text: printable(body),
        date,
        title: rec.title.filter(|t| !blank(t)).map(printable),
        url: rec.url.filter(|t| !blank(t)).map(printable),
    })
}

/// Accepts `YYYY-MM-DD` and date-times that start with it (`2022-06-13T08:00:00Z`).
fn parse_date_prefix(s: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(s.get(..10)?, "%Y-%m-%d").ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn control_characters_become_spaces_one_for_one() {
        let r: Vec<_> = JsonLines::new(Path::new("x.jsonl"), &b"{\"id\":\"a\",\"title\":\"T\\u0001\",\"text\":\"Chile\\u0007 and\\u000bPeru\\tmet.\"}\n"[..], None).collect();
        let d = r[0].as_ref().unwrap();
        assert_eq!(d.text, "Chile  and Peru\tmet.");
        assert_eq!(d.title.as_deref(), Some("T "));
    }

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
    fn header_lines_may_end_in_a_lone_cr() {
        let d = parse_txt(Path::new("a.txt"), "a", "id: mac\rtitle: Talks\rdate: 1987-03-03\rText.\r", None).unwrap();
        assert_eq!((d.id.as_str(), d.title.as_deref(), d.text.as_str()), ("mac", Some("Talks"), "Text."));
        assert_eq!(d.date, NaiveDate::from_ymd_opt(1987, 3, 3));
        let d = parse_txt(Path::new("a.txt"), "a", "id: dos\r\n\r\nText.", None).unwrap();
        assert_eq!((d.id.as_str(), d.text.as_str()), ("dos", "Text."));
    }

    #[test]
    fn jsonl_drops_a_byte_order_mark_on_any_line_and_refuses_escaped_nul() {
        let text = "\u{feff}{\"id\":\"a\",\"text\":\"One.\"}\n\u{feff}{\"id\":\"b\",\"text\":\"Two.\"}\n{\"id\":\"c\",\"text\":\"T\\u0000o.\"}\n";
        let r = parse_jsonl(Path::new("x.jsonl"), text, None);
        assert_eq!(r[1].as_ref().unwrap().id, "b");
        assert!(matches!(&r[2], Err(InputError::BadRecord { line: 3, message, .. }) if message.contains("NUL")), "{:?}", r[2]);
    }

    #[test]
    fn utf16_is_named() {
        assert!(matches!(decode(Path::new("x"), b"\xff\xfeA\0"), Err(InputError::Utf16 { .. })));
        let r: Vec<_> = JsonLines::new(Path::new("x.jsonl"), &b"\xfe\xff\0{\n\0\"\n"[..], None).collect();
        assert!(matches!(r.as_slice(), [Err(InputError::Utf16 { .. })]), "{r:?}");
    }

    #[cfg(unix)]
    #[test]
    fn names_that_are_not_utf8_keep_their_bytes() {
        use std::os::unix::ffi::OsStrExt;
        assert_eq!(stem(Path::new(std::ffi::OsStr::from_bytes(b"/a/caf\xe9.txt"))), "caf%E9");
        assert_eq!(stem(Path::new("/a/caf\u{e9}.txt")), "caf\u{e9}");
    }

    #[cfg(unix)]
    #[test]
    fn a_directory_walk_reads_each_folder_once_and_skips_pipes() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        fs::create_dir(root.join("sub")).unwrap();
        fs::write(root.join("a.txt"), "One.").unwrap();
        fs::write(root.join("sub/b.txt"), "Two.").unwrap();
        std::os::unix::fs::symlink("..", root.join("sub/loop")).unwrap();
        std::os::unix::fs::symlink("sub", root.join("also")).unwrap();
        assert!(std::process::Command::new("mkfifo").arg(root.join("pipe.txt")).status().unwrap().success());
        let r: Vec<_> = read_input(root, None).collect();
        assert!(matches!(r.as_slice(), [Err(InputError::NotAFile { .. }), Ok(_), Ok(_)]), "{r:?}");
        let ids: Vec<&str> = r[1..].iter().map(|d| d.as_ref().unwrap().id.as_str()).collect();
        // `also` comes first in name order, so `sub` is read through it
        assert_eq!(ids, ["a", "also/b"]);
    }

    // Found by the property tests of tests/integration/properties_input.rs (issue #12):

    /// A control character in a file name, an `id:` or `url:` header, or a record's id or url
    /// was kept, and the RDF/XML, GraphML and GEXF exports of the article could not be read.
    #[cfg(unix)]
    #[test]
    fn control_characters_in_ids_and_urls_become_spaces() {
        let dir = tempfile::tempdir().unwrap();
        fs::write(dir.path().join("x\u{1}y-0.txt"), "The talks").unwrap();
        let r: Vec<_> = read_input(dir.path(), None).collect();
        assert_eq!(r[0].as_ref().unwrap().id, "x y-0");
        let d = parse_txt(Path::new("a.txt"), "a", "id: a\u{1}b\nurl: http://example.org/\u{1b}\u{FFFE}\nThe talks", None).unwrap();
        assert_eq!((d.id.as_str(), d.url.as_deref()), ("a b", Some("http://example.org/")));
        let r = parse_jsonl(Path::new("r.jsonl"), "{\"id\":\"a\\u0001\\uFFFEb\",\"url\":\"\\u0001\",\"title\":\" \\u0003\",\"text\":\"Lima\"}", None);
        let d = r[0].as_ref().unwrap();
        assert_eq!((d.id.as_str(), d.url.as_deref(), d.title.as_deref()), ("a  b", None, None));
    }

    /// `id:` followed at once by a character of four bytes was no header: six bytes were looked
    /// at, not six characters.
    #[test]
    fn a_header_value_may_start_with_a_character_of_four_bytes() {
        let d = parse_txt(Path::new("a.txt"), "a", "id:\u{1F30D}\nurl:\u{10000}x\nThe talks", None).unwrap();
        assert_eq!((d.id.as_str(), d.url.as_deref(), d.text.as_str()), ("\u{1F30D}", Some("\u{10000}x"), "The talks"));
    }

    /// An article of control characters only was read as an article of spaces.
    #[test]
    fn a_text_of_control_characters_only_is_no_article() {
        let r = parse_txt(Path::new("a.txt"), "a", "title: T\n\u{1}\u{7} \u{FFFF}", None);
        assert!(matches!(r, Err(InputError::Empty { .. })), "{r:?}");
        let r = parse_jsonl(Path::new("r.jsonl"), "{\"id\":\"\\u0001\",\"text\":\"Lima\"}\n{\"id\":\"b\",\"text\":\"\\u0001 \"}", None);
        assert!(matches!(&r[0], Err(InputError::BadRecord { line: 1, message, .. }) if message.contains("missing \"id\"")), "{r:?}");
        assert!(matches!(&r[1], Err(InputError::BadRecord { line: 2, message, .. }) if message.contains("no \"text\"")), "{r:?}");
    }

    #[test]
    fn documents_of_other_formats_are_named() {
        let e = decode(Path::new("report.txt"), b"%PDF-1.7\n%\xe2\xe3\n1 0 obj").unwrap_err();
        assert_eq!(e.to_string(), "report.txt: a PDF document, not text; extract its text first (pdftotext FILE.pdf FILE.txt)");
        assert!(matches!(decode(Path::new("x.txt"), b"PK\x03\x04\x14\0"), Err(InputError::Document { .. })));
        // a text that merely mentions the format is text
        assert!(decode(Path::new("x.txt"), b"The %PDF- header opens every PDF.").is_ok());
    }

    #[test]
    fn binary_and_invalid_utf8_are_refused() {
        assert!(matches!(decode(Path::new("x"), b"ab\0c"), Err(InputError::Binary { offset: 2, .. })));
        assert!(matches!(decode(Path::new("x"), b"ab\xffc"), Err(InputError::NotUtf8 { offset: 2, .. })));
    }

    /// A reader that hands out its bytes `size` at a time, as a pipe may.
    struct Pieces(std::io::Cursor<Vec<u8>>, usize);

    impl Read for Pieces {
        fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
            let n = self.1.min(buf.len());
            self.0.read(&mut buf[..n])
        }
    }

    /// Found by `standard_input_reads_as_the_same_bytes_in_a_file`: standard input handed over
    /// in pieces lost what was looked at to tell JSON Lines from text: a byte order mark cut
    /// between two reads refused the article, and blank lines before the first record were not
    /// counted in the line numbers of errors.
    #[test]
    fn a_stream_in_pieces_keeps_its_byte_order_mark_and_line_numbers() {
        let pieces = |data: &[u8], size| Pieces(std::io::Cursor::new(data.to_vec()), size);
        let r: Vec<_> = read_stream(Path::new("-"), pieces(b"\n\xEF\xBB\xBF{\"id\":\"a\",\"text\":\"Lima\"}\nnot json\n", 3), None).collect();
        assert_eq!(r[0].as_ref().unwrap().id, "a");
        assert!(matches!(&r[1], Err(InputError::BadRecord { line: 3, .. })), "{r:?}");
        let r: Vec<_> = read_stream(Path::new("-"), pieces(b"\xEF\xBB\xBFThe talks", 1), None).collect();
        assert_eq!(r[0].as_ref().unwrap().text, "The talks");
    }
}
