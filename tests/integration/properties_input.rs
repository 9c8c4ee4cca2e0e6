//! Property tests of the input readers (issue #12, fuzzing): whatever bytes a `.txt` file, a
//! JSON Lines file, a folder or standard input holds (invalid UTF-8, byte order marks, CR/LF
//! mixes, NUL, control characters, long lines, broken JSON, JSON with odd fields), reading never
//! panics; every error is one line that names its file (and its line, for JSON Lines); a good
//! record is read whatever comes before it; header lines are read back as written; a folder
//! reads as its files one by one and standard input as the same bytes in a file, however a pipe
//! cuts them; and every document read can be written by every export (no character XML cannot
//! hold in its id, title, url or text).
//!
//! The case count is `ENTENTE_FUZZ_CASES` (see `fuzz_config`); `.ci/fuzz` runs these for minutes.

use std::collections::BTreeMap;
use std::io::Read;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use entente::document::{read_input, read_stream, Document, InputError};
use proptest::prelude::*;
use proptest::sample::{select, Index};

use crate::common::{fuzz_config, tmp};

type Item = Result<Document, InputError>;

// ---------------------------------------------------------------------------------------------
// the readers' promises, written out

/// A character XML 1.0 cannot hold, which the readers turn into a space.
fn unfit(c: char) -> bool {
    (c < ' ' && !matches!(c, '\t' | '\n' | '\r')) || matches!(c, '\u{FFFE}' | '\u{FFFF}')
}

/// `s` as the readers keep it: every character XML cannot hold made a space, one for one.
fn fit(s: &str) -> String {
    s.chars().map(|c| if unfit(c) { ' ' } else { c }).collect()
}

/// A document every writer can spell, with an id and some text.
fn check_doc(d: &Document) -> Result<(), TestCaseError> {
    for (field, value) in [("id", Some(&d.id)), ("title", d.title.as_ref()), ("url", d.url.as_ref()), ("text", Some(&d.text))] {
        if let Some(v) = value {
            prop_assert!(!v.chars().any(unfit), "the {} {:?} holds a character XML cannot hold", field, v);
        }
    }
    prop_assert!(!d.id.trim().is_empty(), "a document without an id: {:?}", d);
    prop_assert!(!d.text.trim().is_empty(), "a document without text: {:?}", d);
    Ok(())
}

/// One line, starting with the file it is about (`file:line: ` for a JSON Lines record), with
/// no control character from the input after it (nothing reaches a terminal raw). The file's
/// own name is the caller's: the CLI escapes a control character in it (`one_line` in main.rs).
fn check_error(e: &InputError, path: &Path) -> Result<(), TestCaseError> {
    let msg = e.to_string();
    let prefix = match e {
        InputError::BadRecord { line, .. } => format!("{}:{line}: ", path.display()),
        _ => format!("{}: ", path.display()),
    };
    prop_assert!(msg.starts_with(&prefix), "{:?} does not start with {:?}", msg, prefix);
    prop_assert!(!msg[prefix.len()..].chars().any(char::is_control), "not one clean line: {:?}", msg);
    Ok(())
}

/// An item as comparable text: the document, or the error with `path` written `FILE`.
fn shown(item: &Item, path: &Path) -> String {
    match item {
        Ok(d) => format!("{d:?}"),
        Err(e) => e.to_string().replacen(&path.display().to_string(), "FILE", 1),
    }
}

// ---------------------------------------------------------------------------------------------
// hostile bytes

const BOM: &[u8] = b"\xEF\xBB\xBF";

/// Pieces the readers must survive: byte order marks (UTF-8 and UTF-16), line ends of three
/// systems, NUL, C0 and C1 controls, U+FFFE and U+FFFF, invalid UTF-8 (a lone continuation byte,
/// a cut sequence, an encoded surrogate, an overlong NUL, a code point past U+10FFFF), a non-BMP
/// character, a lone combining mark, a right-to-left override, header lines good and bad, JSON
/// punctuation and prose.
const PIECES: &[&[u8]] = &[
    BOM, b"\xFF\xFE", b"\xFE\xFF", b"\0", b"\r\n", b"\n", b"\r", b"\n\n", b"\t", b" ", b"\x01", b"\x0b", b"\x1b[31m", b"\x7f",
    b"\xC2\x85", b"\xEF\xBF\xBE", b"\xEF\xBF\xBF", b"\xFF", b"\xC3", b"\xC3\x28", b"\xED\xA0\x80", b"\xC0\x80", b"\xF4\x90\x80\x80",
    b"\xF0\x9F\x8C\x8D", b"e\xCC\x81", b"\xCC\x81", b"\xE2\x80\xAE", b"date 2022-06-13", b"date: 1987-03-03", b"date: 2022-13-45",
    b"Date 2022-02-30 ", b"DATE:", b"date", b"title: ", b"Title: Talks", b"url: https://example.org/a?b=1", b"URL:", b"id: x",
    b"id:", b"id: \x01", b"id: a/b", b"ID: \xEF\xBF\xBE", b"id:\xF0\x9F\x8C\x8D", b"{", b"}", b"\"", b"\\", b"{\"id\":",
    b"Peru and Chile signed a trade agreement in Lima.", b"The talks",
];

/// Any bytes, mostly made of [`PIECES`], sometimes with a line of up to 100 KB.
fn hostile_bytes(max_pieces: usize) -> impl Strategy<Value = Vec<u8>> {
    let piece = prop_oneof![
        8 => select(PIECES).prop_map(<[u8]>::to_vec),
        3 => prop::collection::vec(any::<u8>(), 0..12),
        3 => prop::collection::vec(any::<char>(), 0..8).prop_map(|cs| cs.into_iter().collect::<String>().into_bytes()),
        1 => (select(&[b'a', b' ', b'\n', b'{', 0xC3][..]), 0..100_000usize).prop_map(|(b, n)| vec![b; n]),
    ];
    prop::collection::vec(piece, 0..max_pieces).prop_map(|v| v.concat())
}

/// Any text (controls, U+FFFE, non-BMP characters, line ends) but NUL, which no reader takes.
fn hostile_text() -> impl Strategy<Value = String> {
    prop::collection::vec(
        prop_oneof![
            2 => select(&["\"", "\\", "\r\n", "\n", "\r", "\t", "\u{1}", "\u{1b}", "\u{85}", "\u{FFFE}", "\u{FFFF}", "\u{FEFF}", "\u{301}", "\u{1F30D}", " ", "Lima"][..]).prop_map(String::from),
            1 => any::<char>().prop_map(String::from),
        ],
        0..10,
    )
    .prop_map(|v| v.concat().replace('\0', ""))
}

/// A reader that hands out `data` in pieces of the given sizes, as a pipe may.
struct Pieces {
    data: Vec<u8>,
    at: usize,
    sizes: Vec<usize>,
    turn: usize,
}

impl Read for Pieces {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let size = self.sizes.get(self.turn % self.sizes.len().max(1)).copied().unwrap_or(1).max(1);
        self.turn += 1;
        let n = size.min(buf.len()).min(self.data.len() - self.at);
        buf[..n].copy_from_slice(&self.data[self.at..self.at + n]);
        self.at += n;
        Ok(n)
    }
}

// ---------------------------------------------------------------------------------------------
// .txt

/// The oracle of a `.txt` file's one item: the byte-level refusals in the order the reader
/// checks them, else an article whose text is a part of the file's (headers aside) or, with no
/// header, the whole text trimmed.
fn check_txt(item: &Item, path: &Path, bytes: &[u8], id: &str) -> Result<(), TestCaseError> {
    let utf16 = bytes.starts_with(b"\xFF\xFE") || bytes.starts_with(b"\xFE\xFF");
    let nul = bytes.iter().position(|&b| b == 0);
    let text = std::str::from_utf8(bytes);
    match item {
        Err(e) => {
            check_error(e, path)?;
            if utf16 {
                prop_assert!(matches!(e, InputError::Utf16 { .. }), "{}", e);
            } else if let Some(at) = nul {
                prop_assert!(matches!(e, InputError::Binary { offset, .. } if *offset == at), "{}", e);
            } else if let Err(bad) = text {
                prop_assert!(matches!(e, InputError::NotUtf8 { offset, .. } if *offset == bad.valid_up_to()), "{}", e);
            } else {
                prop_assert!(matches!(e, InputError::Empty { .. } | InputError::BadDate { .. } | InputError::EmptyId { .. }), "{}", e);
            }
        }
        Ok(d) => {
            check_doc(d)?;
            prop_assert!(!utf16 && nul.is_none(), "binary bytes read as an article");
            let Ok(text) = text else { return Err(TestCaseError::fail("bytes that are not UTF-8 read as an article")) };
            let text = text.strip_prefix('\u{feff}').unwrap_or(text);
            prop_assert!(fit(text).contains(d.text.as_str()), "{:?} is not a part of the file", d.text);
            let lower = text.trim_start().to_ascii_lowercase();
            if !["date", "title:", "url:", "id:"].iter().any(|h| lower.starts_with(h)) {
                prop_assert_eq!(&d.text, &fit(text.trim()));
                prop_assert_eq!(&d.id, id);
            }
        }
    }
    Ok(())
}

/// What a `.txt` file with header lines must read as.
#[derive(Debug, Clone)]
struct Headed {
    bytes: Vec<u8>,
    id: Option<String>,
    title: Option<String>,
    url: Option<String>,
    date: Option<NaiveDate>,
    body: String,
}

/// A `.txt` file with `id:`, `title:`, `url:` and `date` headers in any order, any case, with
/// or without a space after the colon, each ended by LF, CRLF or a lone CR, values of any text
/// on one line, then a body.
fn headed_file() -> impl Strategy<Value = Headed> {
    let value = || hostile_text().prop_map(|v| v.replace(['\n', '\r'], ""));
    let date = (1000i32..=9999, 1u32..=12, 1u32..=28).prop_map(|(y, m, d)| NaiveDate::from_ymd_opt(y, m, d));
    let style = || (any::<bool>(), select(&[":", ": ", ":\t"][..]), select(&["\n", "\r\n", "\r", "\n\n"][..]));
    (
        (prop::option::of(value()), prop::option::of(value()), prop::option::of(value()), prop::option::of(date)),
        (style(), style(), style(), style()),
        Just([0usize, 1, 2, 3]).prop_shuffle(),
        any::<bool>(),
        hostile_text(),
    )
        .prop_map(|((id, title, url, date), styles, order, bom, tail)| {
            let styles = [styles.0, styles.1, styles.2, styles.3];
            let mut out = if bom { BOM.to_vec() } else { Vec::new() };
            for i in order {
                let (upper, sep, eol) = styles[i];
                let case = |k: &str| if upper { k.to_ascii_uppercase() } else { k.to_owned() };
                let line = match i {
                    0 => id.as_ref().map(|v| format!("{}{sep}{v}", case("id"))),
                    1 => title.as_ref().map(|v| format!("{}{sep}{v}", case("title"))),
                    2 => url.as_ref().map(|v| format!("{}{sep}{v}", case("url"))),
                    _ => date.flatten().map(|d| format!("{}{} {d}", case("date"), if sep == ":" { "" } else { ":" })),
                };
                if let Some(line) = line {
                    out.extend_from_slice(line.as_bytes());
                    out.extend_from_slice(eol.as_bytes());
                }
            }
            let body = format!("The talks{tail}");
            out.extend_from_slice(body.as_bytes());
            Headed { bytes: out, id, title, url, date: date.flatten(), body }
        })
}

proptest! {
    #![proptest_config(fuzz_config(64))]

    #[test]
    fn a_txt_file_of_any_bytes_is_one_article_or_one_error(bytes in hostile_bytes(40)) {
        let dir = tmp();
        let path = dir.path().join("any.txt");
        std::fs::write(&path, &bytes).unwrap();
        let items: Vec<Item> = read_input(&path, None).collect();
        prop_assert_eq!(items.len(), 1);
        check_txt(&items[0], &path, &bytes, "any")?;
    }

    #[test]
    fn txt_header_lines_read_back_as_written(h in headed_file()) {
        let dir = tmp();
        let path = dir.path().join("headed.txt");
        std::fs::write(&path, &h.bytes).unwrap();
        let items: Vec<Item> = read_input(&path, None).collect();
        prop_assert_eq!(items.len(), 1);
        let kept = |v: &Option<String>| v.as_deref().map(|v| fit(v).trim().to_owned());
        match (&items[0], kept(&h.id)) {
            (Err(e), Some(id)) if id.is_empty() => {
                check_error(e, &path)?;
                prop_assert!(matches!(e, InputError::EmptyId { .. }), "{}", e);
            }
            (Ok(d), id) => {
                check_doc(d)?;
                prop_assert_eq!(&d.id, &id.unwrap_or_else(|| "headed".into()));
                prop_assert_eq!(&d.title, &kept(&h.title));
                prop_assert_eq!(&d.url, &kept(&h.url));
                prop_assert_eq!(d.date, h.date);
                prop_assert_eq!(&d.text, &fit(h.body.trim_end()));
            }
            (Err(e), _) => prop_assert!(false, "{}", e),
        }
    }
}

// ---------------------------------------------------------------------------------------------
// JSON Lines

/// JSON values a record's fields may hold that are not what the reader wants, or are and look
/// odd: null, booleans, numbers out of range, empty and blank strings, escaped NUL, lone and
/// reversed surrogates, controls, U+FFFE, impossible and full-width dates, arrays, objects,
/// JavaScript-isms and broken literals.
const ODD_VALUES: &[&str] = &[
    "null", "true", "false", "0", "-0", "1.5", "1e400", "-1e400", "123456789012345678901234567890", "18446744073709551616",
    "\"\"", "\"   \"", "\"\\u0000\"", "\"\\ud800\"", "\"\\udc00\\ud800\"", "\"\\ud83c\\udf0d\"", "\"\\uFFFE\"", "\"\\u0001\"",
    "\"\\u001b[2J\"", "\"2020-02-30\"", "\"2020-13-01\"", "\"2020-01-01T00:00:00Z\"", "\"２０２０-０１-０１\"", "\"2020-01-0\u{e9}\"",
    "\"9999-12-31\"", "\"0000-01-01\"", "[]", "{}", "[\"a\"]", "{\"text\":\"x\"}", "\"\\\"\"", "\"\\\\\"", "\"a\\nb\"", "NaN",
    "Infinity", "'single'", "\"unterminated", "01", "+1", ".5", "1.", "\"\\x41\"", "\"\\u12\"", "\"\u{1F30D}\"",
];

/// Keys besides the five the reader knows, including look-alikes it must not take for them.
const OTHER_KEYS: &[&str] = &["source", "ID", "Text", "text ", "", "\u{1F30D}", "id\\u0000", "lang", "meta"];

/// A valid JSON value of any shape (at most four levels deep), as text.
fn json_value() -> impl Strategy<Value = String> {
    let leaf = prop_oneof![
        Just(serde_json::Value::Null),
        any::<bool>().prop_map(serde_json::Value::from),
        any::<i64>().prop_map(serde_json::Value::from),
        any::<f64>().prop_map(serde_json::Value::from),
        hostile_text().prop_map(serde_json::Value::from),
    ];
    leaf.prop_recursive(4, 24, 4, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..4).prop_map(serde_json::Value::Array),
            prop::collection::vec((hostile_text(), inner), 0..4).prop_map(|kv| serde_json::Value::Object(kv.into_iter().collect())),
        ]
    })
    .prop_map(|v| v.to_string())
}

/// A good record, but for its id (`good-N`, N its line), which is only known when the file is
/// put together: any text, title and url, maybe a date (a date-time too), other fields of any
/// JSON, the fields in any order, a byte order mark and white space around.
#[derive(Debug, Clone)]
struct Good {
    text: String,
    title: Option<String>,
    url: Option<String>,
    date: Option<(NaiveDate, bool)>,
    other: Vec<(String, String)>,
    rotate: usize,
    bom: bool,
    pad: (&'static str, &'static str),
}

impl Good {
    fn line(&self, id: &str) -> Vec<u8> {
        let s = |v: &str| serde_json::to_string(v).unwrap();
        let mut fields = vec![format!("\"id\":{}", s(id)), format!("\"text\":{}", s(&self.text))];
        if let Some(t) = &self.title {
            fields.push(format!("\"title\":{}", s(t)));
        }
        if let Some(u) = &self.url {
            fields.push(format!("\"url\":{}", s(u)));
        }
        if let Some((d, time)) = self.date {
            fields.push(format!("\"date\":\"{d}{}\"", if time { "T08:00:00Z" } else { "" }));
        }
        fields.extend(self.other.iter().map(|(k, v)| format!("{}:{v}", s(k))));
        let n = fields.len();
        fields.rotate_left(self.rotate % n);
        let mut out = if self.bom { BOM.to_vec() } else { Vec::new() };
        out.extend_from_slice(format!("{}{{{}}}{}", self.pad.0, fields.join(","), self.pad.1).as_bytes());
        out
    }

    fn document(&self, id: &str) -> Document {
        let given = |v: &Option<String>| v.as_deref().map(fit).filter(|v| !v.trim().is_empty());
        Document { id: id.into(), text: fit(&self.text), date: self.date.map(|d| d.0), title: given(&self.title), url: given(&self.url) }
    }
}

fn good() -> impl Strategy<Value = Good> {
    let date = (1000i32..=9999, 1u32..=12, 1u32..=28, any::<bool>()).prop_map(|(y, m, d, t)| NaiveDate::from_ymd_opt(y, m, d).map(|d| (d, t)));
    (
        hostile_text(),
        prop::option::of(hostile_text()),
        prop::option::of(hostile_text()),
        date,
        prop::collection::vec((select(OTHER_KEYS).prop_map(String::from), json_value()), 0..3),
        any::<usize>(),
        any::<bool>(),
        (select(&["", " ", "\t"][..]), select(&["", " ", "\t", "\r"][..])),
    )
        .prop_map(|(text, title, url, date, other, rotate, bom, pad)| {
            // a text of white space and controls only is no article
            let text = if fit(&text).trim().is_empty() { format!("Lima{text}") } else { text };
            Good { text, title, url, date, other, rotate, bom, pad }
        })
}

/// A line that is not a good record (it may still read as one): any bytes, a record with odd
/// field values, a good record cut short, or JSON nested deeper than the parser goes.
fn other_line() -> impl Strategy<Value = Vec<u8>> {
    let field = (select(&["id", "text", "date", "title", "url", "meta"][..]), prop_oneof![select(ODD_VALUES).prop_map(String::from), json_value()]);
    prop_oneof![
        3 => hostile_bytes(12),
        3 => prop::collection::vec(field, 0..6)
            .prop_map(|fs| format!("{{{}}}", fs.iter().map(|(k, v)| format!("\"{k}\":{v}")).collect::<Vec<_>>().join(",")).into_bytes()),
        2 => (good(), any::<Index>()).prop_map(|(g, cut)| {
            let line = g.line("cut");
            line[..cut.index(line.len())].to_vec()
        }),
        1 => (100usize..300).prop_map(|n| format!("{{\"id\":\"deep\",\"text\":\"x\",\"meta\":{}{}}}", "[".repeat(n), "]".repeat(n)).into_bytes()),
    ]
    .prop_map(|mut b| {
        b.retain(|&c| c != b'\n');
        b
    })
}

/// A JSON Lines file: good records among other lines, each ended by LF or CRLF, the last one
/// maybe not at all. Returns the bytes, the lines as the reader sees them, and the documents
/// the good lines must read as, by line number.
fn jsonl_file() -> impl Strategy<Value = (Vec<u8>, Vec<Vec<u8>>, BTreeMap<u64, Document>)> {
    let line = prop_oneof![good().prop_map(Ok), other_line().prop_map(Err)];
    (prop::collection::vec((line, any::<bool>()), 0..12), any::<bool>()).prop_map(|(lines, last_eol)| {
        let (mut bytes, mut seen, mut docs) = (Vec::new(), Vec::new(), BTreeMap::new());
        let count = lines.len();
        for (i, (line, crlf)) in lines.into_iter().enumerate() {
            let n = i as u64 + 1;
            let mut b = match line {
                Ok(g) => {
                    let id = format!("good-{n}");
                    docs.insert(n, g.document(&id));
                    g.line(&id)
                }
                Err(b) => b,
            };
            bytes.extend_from_slice(&b);
            if i + 1 < count || last_eol {
                bytes.extend_from_slice(if crlf { b"\r\n" } else { b"\n" });
            }
            while matches!(b.last(), Some(b'\r')) {
                b.pop();
            }
            seen.push(b);
        }
        (bytes, seen, docs)
    })
}

/// The oracle of a JSON Lines file: a first line that is binary or UTF-16 stops the file with
/// one error; else every good record is read, in order, as written, whatever is around it, and
/// every error is a `BadRecord` of a line that is not good, in line order.
fn check_jsonl(items: &[Item], path: &Path, lines: &[Vec<u8>], good: &BTreeMap<u64, Document>) -> Result<(), TestCaseError> {
    if let Some(first) = lines.first() {
        if first.contains(&0) || first.starts_with(b"\xFF\xFE") || first.starts_with(b"\xFE\xFF") {
            prop_assert_eq!(items.len(), 1, "a binary first line stops the file");
            let Err(e) = &items[0] else { return Err(TestCaseError::fail("a binary first line read as a record")) };
            check_error(e, path)?;
            prop_assert!(matches!(e, InputError::Binary { .. } | InputError::Utf16 { .. }), "{}", e);
            return Ok(());
        }
    }
    prop_assert!(items.len() <= lines.len(), "{} items from {} lines", items.len(), lines.len());
    // the line of every item that tells it (errors, good records) grows
    let mut last = 0u64;
    let mut read = Vec::new();
    for item in items {
        let line = match item {
            Err(e) => {
                check_error(e, path)?;
                let InputError::BadRecord { line, .. } = e else { return Err(TestCaseError::fail(format!("not a record error: {e}"))) };
                prop_assert!(!good.contains_key(line), "the good record of line {} is refused: {}", line, e);
                Some(*line)
            }
            Ok(d) => {
                check_doc(d)?;
                let n = d.id.strip_prefix("good-").and_then(|n| n.parse::<u64>().ok());
                if let Some(n) = n {
                    prop_assert_eq!(Some(d), good.get(&n), "line {}", n);
                    read.push(n);
                }
                n
            }
        };
        if let Some(line) = line {
            prop_assert!(line > last && line as usize <= lines.len(), "line {} after line {}", line, last);
            last = line;
        }
    }
    prop_assert_eq!(read, good.keys().copied().collect::<Vec<_>>(), "good records not read");
    Ok(())
}

proptest! {
    #![proptest_config(fuzz_config(64))]

    #[test]
    fn a_jsonl_file_reads_every_good_record_and_names_the_line_of_every_bad_one((bytes, lines, good) in jsonl_file()) {
        let dir = tmp();
        let path = dir.path().join("any.jsonl");
        std::fs::write(&path, &bytes).unwrap();
        let items: Vec<Item> = read_input(&path, None).collect();
        check_jsonl(&items, &path, &lines, &good)?;
    }

    #[test]
    fn a_jsonl_file_of_any_bytes_never_breaks_the_reader(bytes in hostile_bytes(40)) {
        let dir = tmp();
        let path = dir.path().join("any.jsonl");
        std::fs::write(&path, &bytes).unwrap();
        for item in read_input(&path, None) {
            match &item {
                Ok(d) => check_doc(d)?,
                Err(e) => check_error(e, &path)?,
            }
        }
    }
}

// ---------------------------------------------------------------------------------------------
// folders and standard input

/// Names of files and folders: spaces, non-ASCII, an emoji, a dot file, a control character,
/// bytes that are not UTF-8, a percent sign.
const NAMES: &[&[u8]] = &[b"a", b"b c", "\u{fc}".as_bytes(), b"\xF0\x9F\x8C\x8D", b"-", b".hidden", b"x\x01y", b"caf\xe9", b"2024", b"%41"];

/// A folder: files at up to three levels, article files (`.txt`, `.TXT`, `.jsonl`) and others
/// (`.md`, none), holding good articles, JSON Lines or any bytes.
fn folder() -> impl Strategy<Value = Vec<(PathBuf, Vec<u8>)>> {
    let content = prop_oneof![
        hostile_text().prop_map(|t| format!("The talks{t}").into_bytes()),
        jsonl_file().prop_map(|f| f.0),
        hostile_bytes(20),
    ];
    let file = (prop::collection::vec(select(NAMES), 1..4), select(&["txt", "TXT", "jsonl", "md", ""][..]), content);
    prop::collection::vec(file, 0..8).prop_map(|files| {
        use std::os::unix::ffi::OsStrExt;
        let mut out = BTreeMap::new();
        for (i, (names, ext, bytes)) in files.into_iter().enumerate() {
            let mut path = PathBuf::new();
            for (j, name) in names.iter().enumerate() {
                // folders are bare names, files end in `-i`: a file never shares a folder's name
                let mut name = name.to_vec();
                if j + 1 == names.len() {
                    name.extend_from_slice(format!("-{i}").as_bytes());
                    if !ext.is_empty() {
                        name.extend_from_slice(format!(".{ext}").as_bytes());
                    }
                }
                path.push(std::ffi::OsStr::from_bytes(&name));
            }
            out.insert(path, bytes);
        }
        out.into_iter().collect()
    })
}

/// A file name as an id: bytes that are not UTF-8 written `%XX`.
fn name_id(rel: &Path) -> String {
    use std::os::unix::ffi::OsStrExt;
    let parts: Vec<String> = rel
        .with_extension("")
        .components()
        .map(|c| {
            let mut out = String::new();
            for chunk in c.as_os_str().as_bytes().utf8_chunks() {
                out.push_str(chunk.valid());
                out.extend(chunk.invalid().iter().map(|b| format!("%{b:02X}")));
            }
            out
        })
        .collect();
    fit(&parts.join("/"))
}

proptest! {
    #![proptest_config(fuzz_config(64))]

    /// A folder reads as its article files one by one, in name order, each as it reads alone,
    /// a `.txt` file named by its path below the folder.
    #[test]
    fn a_folder_reads_as_its_files_one_by_one(files in folder()) {
        let dir = tmp();
        let root = dir.path().join("in");
        std::fs::create_dir(&root).unwrap();
        for (rel, bytes) in &files {
            std::fs::create_dir_all(root.join(rel).parent().unwrap()).unwrap();
            std::fs::write(root.join(rel), bytes).unwrap();
        }
        let got: Vec<Item> = read_input(&root, None).collect();
        let mut want: Vec<(PathBuf, Item)> = Vec::new();
        for (rel, _) in &files {
            let path = root.join(rel);
            let ext = rel.extension().and_then(|e| e.to_str()).map(str::to_ascii_lowercase);
            if !matches!(ext.as_deref(), Some("txt" | "jsonl")) {
                continue;
            }
            let txt = ext.as_deref() == Some("txt");
            for item in read_input(&path, None) {
                // alone, a `.txt` file is named by its stem; in a folder, by its path below it
                let item = match item {
                    Ok(mut d) if txt && d.id == name_id(Path::new(path.file_name().unwrap())) => {
                        d.id = name_id(rel);
                        Ok(d)
                    }
                    other => other,
                };
                want.push((path.clone(), item));
            }
        }
        prop_assert_eq!(got.len(), want.len());
        for (g, (path, w)) in got.iter().zip(&want) {
            match g {
                Ok(d) => check_doc(d)?,
                Err(e) => check_error(e, path)?,
            }
            prop_assert_eq!(shown(g, path), shown(w, path));
        }
    }

    /// Standard input reads as the same bytes in a file (`.jsonl` when its first byte past
    /// white space and a byte order mark is `{`, else `.txt`), however a pipe cuts them.
    #[test]
    fn standard_input_reads_as_the_same_bytes_in_a_file(
        bytes in prop_oneof![
            hostile_bytes(30),
            (prop::collection::vec(select(&[b"\n" as &[u8], b"\r\n", b" ", b"\t", BOM][..]), 0..4), jsonl_file())
                .prop_map(|(lead, f)| [lead.concat(), f.0].concat()),
        ],
        sizes in prop::collection::vec(1usize..40, 1..6),
    ) {
        let first = bytes.iter().find(|b| !b.is_ascii_whitespace() && !BOM.contains(b));
        let dir = tmp();
        let path = dir.path().join(if first == Some(&b'{') { "stdin.jsonl" } else { "stdin.txt" });
        std::fs::write(&path, &bytes).unwrap();
        let want: Vec<Item> = read_input(&path, None).collect();
        let stdin = Path::new("-");
        let got: Vec<Item> = read_stream(stdin, Pieces { data: bytes, at: 0, sizes, turn: 0 }, None).collect();
        prop_assert_eq!(got.len(), want.len());
        for (g, w) in got.iter().zip(&want) {
            if let Err(e) = g {
                check_error(e, stdin)?;
            }
            prop_assert_eq!(shown(g, stdin), shown(w, &path));
        }
    }
}
