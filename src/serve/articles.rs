//! `POST /articles`: new articles, read as `entente ingest` reads them, extracted on every core
//! and written by the one writer, while queries keep answering from snapshots.

use std::collections::HashMap;
use std::path::Path;
use std::sync::atomic::Ordering;
use std::sync::{Mutex, MutexGuard};

use anyhow::{Context, Result};
use chrono::NaiveDate;
use oxhttp::model::header::{self, HeaderValue};
use oxhttp::model::{Body, Method, Request, Response, StatusCode};

use entente::document::{self, Document, InputError};
use entente::link::PersonIndex;
use entente::store::EntenteStore;

use super::{allow, content_type, query_params, read_body, respond, App, HttpError};

/// What `--allow-ingest` adds to the server.
pub(super) struct Ingest {
    token: String,
    /// The one writer: person links are learned in the order articles are written.
    writer: Mutex<Writer>,
    pool: rayon::ThreadPool,
}

pub(super) struct Writer {
    persons: PersonIndex,
    since_flush: usize,
}

impl Ingest {
    pub(super) fn new(store: &EntenteStore, token: String) -> Result<Self> {
        let persons = PersonIndex::load(store)?;
        Ok(Ingest { token, writer: Mutex::new(Writer { persons, since_flush: 0 }), pool: crate::extraction_pool(None)? })
    }

    /// The one writer, once the article it is writing (if any) is written.
    pub(super) fn writer(&self) -> Result<MutexGuard<'_, Writer>, HttpError> {
        self.writer.lock().map_err(|_| HttpError::new(StatusCode::INTERNAL_SERVER_ERROR, "an earlier write failed badly; restart serve"))
    }

    /// Whether the request carries the token, compared in constant time.
    fn authorized(&self, request: &Request<Body>) -> Result<(), HttpError> {
        let challenge = |e: HttpError| e.with_header(header::WWW_AUTHENTICATE, HeaderValue::from_static("Bearer realm=\"entente\""));
        let given = request
            .headers()
            .get(header::AUTHORIZATION)
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.strip_prefix("Bearer ").or_else(|| v.strip_prefix("bearer ")))
            .map(str::trim)
            .ok_or_else(|| {
                challenge(HttpError::new(
                    StatusCode::UNAUTHORIZED,
                    format!("adding articles needs `Authorization: Bearer TOKEN`, TOKEN being the server's ${}", super::TOKEN_VAR),
                ))
            })?;
        let (a, b) = (given.as_bytes(), self.token.as_bytes());
        let differ = a.len() != b.len() || a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) != 0;
        if differ {
            return Err(HttpError::new(StatusCode::FORBIDDEN, format!("wrong token; send the server's ${}", super::TOKEN_VAR)));
        }
        Ok(())
    }
}

/// The whole report of one request, as JSON.
#[derive(serde::Serialize, Default)]
struct Report {
    stored: usize,
    failed: usize,
    meetings: usize,
    pacts: usize,
    sanctions: usize,
    statements: usize,
    errors: Vec<String>,
    notes: Vec<String>,
}

/// `POST /articles`. The body is JSON Lines (`{"id", "text", "date"?, "title"?, "url"?}` per
/// line) or one plain-text article (optional `date`/`title:`/`url:`/`id:` header lines), told
/// apart by the Content-Type, else by the first character as on standard input. `?date=` dates
/// articles that carry none; `?id=` names a text article that has no `id:` line.
///
/// 200 when every article is stored; 400 when some are not (the others are stored, as with
/// `ingest`'s exit code 1); the JSON report says which and why.
pub(super) fn post(app: &App, request: &mut Request<Body>) -> Result<Response<Body>, HttpError> {
    allow(request, &[Method::POST])?;
    let Some(ingest) = &app.ingest else {
        return Err(HttpError::new(
            StatusCode::FORBIDDEN,
            format!("this server takes no articles; start it with `entente serve --allow-ingest` and ${} set", super::TOKEN_VAR),
        ));
    };
    ingest.authorized(request)?;
    let params = query_params(request)?;
    let param = |name: &str| params.iter().find(|(k, _)| k == name).map(|(_, v)| v.as_str());
    let date = match param("date") {
        Some(d) => Some(
            NaiveDate::parse_from_str(d, "%Y-%m-%d").map_err(|_| HttpError::bad_request(format!("date={d:?} is not a date; write it as YYYY-MM-DD")))?,
        ),
        None => None,
    };
    let ct = content_type(request);
    let body = read_body(request, app.max_body, app.timeout, "an article body")?;
    let text = match String::from_utf8(body) {
        Ok(t) => t,
        Err(e) => return Err(HttpError::bad_request(format!("the body is not UTF-8 text (invalid byte at offset {}); convert it with `iconv -t UTF-8`", e.utf8_error().valid_up_to()))),
    };
    let text = text.strip_prefix('\u{feff}').unwrap_or(&text);
    let source = Path::new("request");
    let jsonl = match ct.as_deref() {
        Some("application/x-ndjson" | "application/jsonl" | "application/json-lines" | "application/x-jsonlines" | "application/jsonlines") => true,
        Some("text/plain") => false,
        _ => text.trim_start().starts_with('{'),
    };
    let docs: Vec<Result<Document, InputError>> = if jsonl {
        document::parse_jsonl(source, text, date)
    } else {
        let id = param("id").unwrap_or("");
        match document::parse_txt(source, id, text, date) {
            Ok(d) if d.id.is_empty() => {
                return Err(HttpError::bad_request("the article has no id: add ?id=ID to the URL or an `id: ID` first line"));
            }
            other => vec![other],
        }
    };
    let mut report = Report::default();
    // Within one request an id names one text, as within one `ingest` run.
    let mut seen: HashMap<String, usize> = HashMap::new();
    let mut good = Vec::new();
    for d in docs {
        match d {
            Ok(d) => match seen.get(&d.id) {
                Some(&i) if good.get(i).is_some_and(|g: &Document| g.text != d.text) => {
                    report.errors.push(format!("article id {:?} was already given to another text in this request; give one of them its own id", d.id));
                    report.failed += 1;
                }
                Some(_) => {}
                None => {
                    seen.insert(d.id.clone(), good.len());
                    good.push(d);
                }
            },
            Err(e) => {
                report.errors.push(e.to_string());
                report.failed += 1;
            }
        }
    }
    for batch in good.chunks(crate::BATCH_ARTICLES) {
        let extracted: Vec<entente::event::Extraction> = {
            use rayon::prelude::*;
            ingest.pool.install(|| batch.par_iter().map(entente::extract).collect())
        };
        let mut w = ingest.writer()?;
        for (doc, mut x) in batch.iter().zip(extracted) {
            if app.stopping.load(Ordering::SeqCst) {
                report.failed += 1;
                report.errors.push(format!("{}: not stored, the server is stopping; send it again once it is back", doc.id));
                continue;
            }
            match app.store.article_text(&doc.id) {
                Ok(Some(old)) if old != doc.text => report.notes.push(format!("article {:?} replaces the stored article of that id, whose text differs", doc.id)),
                Err(e) => {
                    report.errors.push(format!("{}: {e}", doc.id));
                    report.failed += 1;
                    continue;
                }
                _ => {}
            }
            if let Err(e) = crate::write_article(&app.store, &mut w.persons, doc, &mut x) {
                report.errors.push(format!("{}: {e}", doc.id));
                report.failed += 1;
                continue;
            }
            report.stored += 1;
            app.generation.fetch_add(1, Ordering::SeqCst);
            for ev in &x.events {
                match ev.kind {
                    entente::event::EventKind::Meeting { .. } => report.meetings += 1,
                    entente::event::EventKind::Pact { .. } => report.pacts += 1,
                    entente::event::EventKind::Sanction { .. } => report.sanctions += 1,
                    entente::event::EventKind::Statement { .. } => report.statements += 1,
                }
            }
            w.since_flush += 1;
            if w.since_flush >= crate::FLUSH_EVERY {
                w.since_flush = 0;
                app.store.flush().map_err(|e| HttpError::new(StatusCode::INTERNAL_SERVER_ERROR, e.to_string()))?;
            }
        }
    }
    let status = if report.failed == 0 { StatusCode::OK } else { StatusCode::BAD_REQUEST };
    let json = serde_json::to_vec_pretty(&report).context("report").map_err(|e| HttpError::new(StatusCode::INTERNAL_SERVER_ERROR, format!("{e:#}")))?;
    Ok(respond(status, Some("application/json"), Body::from(json)))
}
