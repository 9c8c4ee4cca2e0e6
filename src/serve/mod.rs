//! `entente serve`: the store over HTTP. A SPARQL 1.1 Protocol endpoint (`/sparql`, with its
//! service description), the Graph Store Protocol's reads (`/store`), and, with
//! `--allow-ingest`, new articles written while queries go on answering (`POST /articles`).
//!
//! Declared from `main.rs` only: the library never sees HTTP types. Everything here is glue
//! over `entente::query` (evaluation and the W3C formats) and the ingest step `main.rs` shares.
//!
//! Why one process: Oxigraph's read-only opening of a store that another process writes is
//! undefined behaviour, so "queries answer while articles are ingested" cannot rest on two
//! processes. With `--allow-ingest`, `serve` holds the store as its one writer (other
//! processes, readers included, are refused and told its address); within the process,
//! Oxigraph's reads run on snapshots while a write transaction goes on, so each query sees
//! every article written before it started, whole, and none half-written. Without it, `serve`
//! is one more reader and shares the store with the CLI's.
//!
//! The HTTP server is `oxhttp` (Oxigraph's own): one thread per connection, a bounded number of
//! connections, no async runtime; a query's time limit is a cancellation token fired by a
//! watchdog thread.

// The lint table of STYLE.md, for the code that reads what clients send: a request must never
// panic the server.
#![warn(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing, clippy::todo)]

mod articles;
mod explorer;
mod sparql;

use std::io::Read;
use std::net::{SocketAddr, ToSocketAddrs};
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::atomic::{AtomicBool, AtomicU64, AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::Duration;

use anyhow::{bail, Context, Result};
use oxhttp::model::header::{self, HeaderName, HeaderValue};
use oxhttp::model::{Body, Method, Request, Response, StatusCode};
use oxhttp::Server;

use entente::store::EntenteStore;

/// The environment variable that holds the bearer token `POST /articles` requires.
pub const TOKEN_VAR: &str = "ENTENTE_TOKEN";

/// The shortest token accepted: a guessable secret is no secret.
const MIN_TOKEN_CHARS: usize = 16;

/// The largest SPARQL request body (a query, or a form holding one): queries are small, and a
/// body is held in memory while it is parsed.
const MAX_QUERY_BODY: u64 = 1 << 20;

/// Connections served at once; more wait in the listen queue. Each holds a thread (whose stack
/// is only reserved, not used), so clients that hold connections open without sending (see
/// [`SOCKET_TIMEOUT`]) need many of them to keep others out.
const MAX_CONNECTIONS: usize = 512;

/// Query evaluations at once, counting those past their time limit that Oxigraph has not
/// stopped yet; more are refused with a 503.
const MAX_EVALUATIONS: usize = 64;

/// How long a socket read or write may stall before the connection is dropped: an idle
/// keep-alive connection, or a client that stops sending or reading, frees its thread then.
const SOCKET_TIMEOUT: Duration = Duration::from_secs(15);

/// The slowest a request body may arrive, after the first `--timeout` seconds: a client that
/// trickles a body (a byte now and then, each within [`SOCKET_TIMEOUT`]) would otherwise hold
/// its thread, and for `POST /articles` the writer, for hours.
const MIN_BODY_BYTES_PER_SEC: u64 = 64 << 10;

/// What `entente serve` was asked to do.
pub struct Options {
    /// The store directory.
    pub store: PathBuf,
    /// `host:port` to listen on.
    pub bind: String,
    /// How long one query may run.
    pub timeout: Duration,
    /// Whether `POST /articles` writes articles.
    pub allow_ingest: bool,
    /// Whether articles are taken on an address that is not loopback.
    pub allow_remote_ingest: bool,
    /// The value of [`TOKEN_VAR`], if set.
    pub token: Option<String>,
    /// The largest body `POST /articles` reads, in bytes.
    pub max_body: u64,
}

/// What every request handler shares.
struct App {
    store: EntenteStore,
    timeout: Duration,
    /// `Some` with `--allow-ingest`.
    ingest: Option<articles::Ingest>,
    max_body: u64,
    /// Query evaluations running (see [`MAX_EVALUATIONS`]).
    running: AtomicUsize,
    /// Bumped after each article written: what is derived from the store (the explorer's
    /// projection) is rebuilt when older.
    generation: AtomicU64,
    /// The explorer's projection of the store, one per generation.
    projection: explorer::Cache,
    /// Set by Ctrl-C or SIGTERM: no more articles are written.
    stopping: AtomicBool,
}

/// Validates the options, opens the store and serves until the process is stopped.
pub fn run(opts: Options) -> Result<ExitCode> {
    let addrs: Vec<SocketAddr> = opts
        .bind
        .to_socket_addrs()
        .with_context(|| format!("--bind {}: not an address to listen on; write it as HOST:PORT, e.g. 127.0.0.1:7878", opts.bind))?
        .collect();
    if addrs.is_empty() {
        bail!("--bind {}: names no address; write it as HOST:PORT, e.g. 127.0.0.1:7878", opts.bind);
    }
    let remote = addrs.iter().any(|a| !a.ip().is_loopback());
    let token = if opts.allow_ingest {
        if remote && !opts.allow_remote_ingest {
            bail!(
                "--allow-ingest on {}, which is not a loopback address, would take articles from other machines; bind 127.0.0.1, or add --allow-remote-ingest",
                opts.bind
            );
        }
        match opts.token.as_deref().map(str::trim) {
            Some(t) if t.chars().count() >= MIN_TOKEN_CHARS => Some(t.to_owned()),
            Some(_) => bail!("{TOKEN_VAR} is shorter than {MIN_TOKEN_CHARS} characters; set it to a long random secret (`openssl rand -hex 32`)"),
            None => bail!("--allow-ingest needs a token: set {TOKEN_VAR} to a long random secret (`openssl rand -hex 32`); clients send it as `Authorization: Bearer …`"),
        }
    } else {
        None
    };
    let url = format!("http://{}", addrs.first().map_or(opts.bind.clone(), SocketAddr::to_string));
    // A server that writes holds the store alone (other processes could not read it safely) and
    // tells them where to query instead; one that only reads shares it with other readers.
    let store = if opts.allow_ingest {
        let holder = format!(
            "`entente serve --allow-ingest` (process {}), which answers queries at {url}/sparql and takes articles at POST {url}/articles",
            std::process::id()
        );
        EntenteStore::open_as(&opts.store, &holder)?
    } else {
        EntenteStore::open_read_only(&opts.store)?
    };
    let ingest = match token {
        Some(token) => Some(articles::Ingest::new(&store, token)?),
        None => None,
    };
    if remote {
        eprintln!(
            "entente: warning: listening on {}, which is not a loopback address: other machines can query the store{}",
            opts.bind,
            if opts.allow_ingest { " and, with the token, add articles" } else { "" }
        );
    }
    let app = Arc::new(App {
        store,
        timeout: opts.timeout,
        ingest,
        max_body: opts.max_body,
        running: AtomicUsize::new(0),
        generation: AtomicU64::new(0),
        projection: explorer::Cache::default(),
        stopping: AtomicBool::new(false),
    });
    stop_on_signal(&app);
    let handler_app = Arc::clone(&app);
    let mut server = Server::new(move |request| handle(&handler_app, request))
        .with_global_timeout(SOCKET_TIMEOUT)
        .with_max_concurrent_connections(MAX_CONNECTIONS)
        .with_server_name(concat!("Entente/", env!("CARGO_PKG_VERSION")))
        .context("cannot name the server")?;
    for a in &addrs {
        server = server.bind(*a);
    }
    let listening = server
        .spawn()
        .with_context(|| format!("--bind {}: cannot listen there (in use, or not this machine's); pick another port", opts.bind))?;
    explorer::warm_up(&app);
    eprintln!(
        "entente: serving {} at {url}/ (SPARQL endpoint {url}/sparql{}); Ctrl-C stops",
        opts.store.display(),
        if opts.allow_ingest { format!(", articles at POST {url}/articles") } else { String::new() }
    );
    listening.join().context("the server stopped")?;
    Ok(ExitCode::SUCCESS)
}

/// Ctrl-C or SIGTERM stops the server without leaving an article half-written: no article is
/// started after it, the one being written is finished (the handler waits for the writer),
/// the store is flushed, and the process exits 0. A second signal exits at once (130); even
/// then, and after a kill, the store stays consistent, each article being one transaction.
fn stop_on_signal(app: &Arc<App>) {
    let app = Arc::clone(app);
    let handler = move || {
        if app.stopping.swap(true, Ordering::SeqCst) {
            std::process::exit(130);
        }
        let Some(ingest) = &app.ingest else { std::process::exit(0) };
        eprintln!("entente: stopping once the article being written is stored (Ctrl-C again to quit at once)");
        // held until the process ends: nothing is written after the flush
        let _writer = ingest.writer();
        match app.store.flush() {
            Ok(()) => {
                eprintln!("entente: stopped; every article sent before is stored");
                std::process::exit(0)
            }
            Err(e) => {
                eprintln!("entente: stopped, but the last flush failed ({e}); the store is consistent, reopen it to check");
                std::process::exit(1)
            }
        }
    };
    if let Err(e) = ctrlc::set_handler(handler) {
        eprintln!("entente: warning: Ctrl-C and SIGTERM will stop the server at once, not between articles ({e})");
    }
}

/// Routes a request, and adds the CORS headers every answer carries: the endpoint is public
/// data to any page (no cookies are used; writes need the bearer token).
///
/// HEAD is answered as GET without the body. oxhttp then announces `content-length: 0`, not the
/// GET's length (it computes the header from the body it sends); the status and the other
/// headers are those of the GET.
fn handle(app: &Arc<App>, request: &mut Request<Body>) -> Response<Body> {
    let mut response = if request.method() == Method::OPTIONS {
        preflight(request)
    } else {
        match request.uri().path() {
            "/sparql" => sparql::query(app, request),
            "/store" => sparql::graph_store(app, request),
            "/articles" => articles::post(app, request),
            "/api/examples" => explorer::examples(request),
            "/api/graph" => explorer::graph(app, request),
            "/api/path" => explorer::path(app, request),
            "/api/names" => explorer::names(app, request),
            "/graph.svg" => explorer::svg(app, request),
            _ => explorer::asset(request).unwrap_or_else(|| {
                Err(HttpError::new(StatusCode::NOT_FOUND, "no such page; the explorer is /, the SPARQL endpoint /sparql, graphs are at /store?graph=IRI"))
            }),
        }
        .unwrap_or_else(HttpError::into_response)
    };
    // A body the handler left unread is not read now: oxhttp would read it to its end, however
    // long it says it is, before answering. The connection closes instead.
    let announced = request.headers().contains_key(header::TRANSFER_ENCODING)
        || request.headers().get(header::CONTENT_LENGTH).is_some_and(|v| v.as_bytes() != b"0");
    if announced && request.extensions().get::<BodyRead>().is_none() {
        close_after(request);
    }
    if request.method() == Method::HEAD {
        *response.body_mut() = Body::empty();
    }
    response.headers_mut().insert(header::ACCESS_CONTROL_ALLOW_ORIGIN, HeaderValue::from_static("*"));
    response
}

/// Drops what is left of the request's body and has oxhttp close the connection after the
/// answer (it reads `Connection: close` from the request).
fn close_after(request: &mut Request<Body>) {
    *request.body_mut() = Body::empty();
    request.headers_mut().insert(header::CONNECTION, HeaderValue::from_static("close"));
}

/// Marks a request whose body was read whole.
#[derive(Clone, Copy)]
struct BodyRead;

/// The answer to a CORS preflight: GET and POST from any origin, with the headers asked for.
fn preflight(request: &Request<Body>) -> Response<Body> {
    let mut r = respond(StatusCode::NO_CONTENT, None, Body::empty());
    let h = r.headers_mut();
    // oxhttp 0.3.3 drops this header from every response (it lists it among the forbidden
    // names); browsers then allow the CORS-safelisted methods, GET and POST, which is all the
    // endpoint takes. It is set for the day oxhttp writes it.
    h.insert(header::ACCESS_CONTROL_ALLOW_METHODS, HeaderValue::from_static("GET, POST, OPTIONS"));
    let asked = request.headers().get(header::ACCESS_CONTROL_REQUEST_HEADERS).cloned();
    h.insert(
        header::ACCESS_CONTROL_ALLOW_HEADERS,
        asked.unwrap_or_else(|| HeaderValue::from_static("Accept, Content-Type, Authorization")),
    );
    h.insert(header::ACCESS_CONTROL_MAX_AGE, HeaderValue::from_static("86400"));
    h.insert(header::ALLOW, HeaderValue::from_static("GET, POST, OPTIONS"));
    r
}

/// An HTTP error: its status and a one-line message that says what to do.
#[derive(Debug)]
struct HttpError {
    status: StatusCode,
    message: String,
    headers: Vec<(HeaderName, HeaderValue)>,
}

impl HttpError {
    fn new(status: StatusCode, message: impl Into<String>) -> Self {
        HttpError { status, message: message.into(), headers: Vec::new() }
    }

    fn bad_request(message: impl Into<String>) -> Self {
        Self::new(StatusCode::BAD_REQUEST, message)
    }

    fn with_header(mut self, name: HeaderName, value: HeaderValue) -> Self {
        self.headers.push((name, value));
        self
    }

    fn into_response(self) -> Response<Body> {
        let mut r = respond(self.status, Some("text/plain; charset=utf-8"), Body::from(format!("{}\n", self.message)));
        for (k, v) in self.headers {
            r.headers_mut().insert(k, v);
        }
        r
    }
}

/// A response built without any fallible step.
fn respond(status: StatusCode, content_type: Option<&'static str>, body: Body) -> Response<Body> {
    let mut r = Response::new(body);
    *r.status_mut() = status;
    if let Some(ct) = content_type {
        r.headers_mut().insert(header::CONTENT_TYPE, HeaderValue::from_static(ct));
    }
    r
}

/// 405 unless the request's method is one of `methods` (HEAD wherever GET is).
fn allow(request: &Request<Body>, methods: &[Method]) -> Result<(), HttpError> {
    let get = methods.contains(&Method::GET);
    if methods.contains(request.method()) || (get && request.method() == Method::HEAD) {
        return Ok(());
    }
    let mut list = methods.iter().map(Method::as_str).collect::<Vec<_>>();
    if get && !methods.contains(&Method::HEAD) {
        list.push("HEAD");
    }
    let list = list.join(", ");
    let err = HttpError::new(StatusCode::METHOD_NOT_ALLOWED, format!("{} {}: use {list}", request.method(), request.uri().path()));
    Err(match HeaderValue::from_str(&list) {
        Ok(v) => err.with_header(header::ALLOW, v),
        Err(_) => err,
    })
}

/// The request's query-string parameters, decoded, in order.
///
/// # Errors
/// A 400 for a `%` not followed by two hex digits, or bytes that are not UTF-8 once decoded:
/// a lossy decoding would run another query than the one sent.
fn query_params(request: &Request<Body>) -> Result<Vec<(String, String)>, HttpError> {
    request.uri().query().map_or(Ok(Vec::new()), |q| decode_form(q.as_bytes(), "the URL's query string"))
}

/// An `application/x-www-form-urlencoded` text (a query string or a form body), decoded
/// strictly: `+` is a space, `%XX` a byte, and the bytes of each name and value must be UTF-8.
fn decode_form(bytes: &[u8], what: &str) -> Result<Vec<(String, String)>, HttpError> {
    let decode = |part: &[u8]| -> Result<String, HttpError> {
        let mut out = Vec::with_capacity(part.len());
        let mut i = 0;
        while let Some(&b) = part.get(i) {
            match b {
                b'+' => out.push(b' '),
                b'%' => {
                    let hex = part.get(i + 1..i + 3).and_then(|h| std::str::from_utf8(h).ok()).and_then(|h| u8::from_str_radix(h, 16).ok());
                    let Some(byte) = hex else {
                        let shown = String::from_utf8_lossy(part.get(i..part.len().min(i + 3)).unwrap_or_default()).into_owned();
                        return Err(HttpError::bad_request(format!(
                            "{what} has a malformed percent-encoding ({shown:?} at byte {i}); encode % as %25 (curl --data-urlencode does)"
                        )));
                    };
                    out.push(byte);
                    i += 2;
                }
                _ => out.push(b),
            }
            i += 1;
        }
        String::from_utf8(out).map_err(|e| {
            HttpError::bad_request(format!(
                "{what} is not UTF-8 once percent-decoded (byte {} of a value); encode the text as UTF-8 before percent-encoding it",
                e.utf8_error().valid_up_to()
            ))
        })
    };
    bytes
        .split(|&b| b == b'&')
        .filter(|pair| !pair.is_empty())
        .map(|pair| {
            let (name, value) = match pair.iter().position(|&b| b == b'=') {
                Some(eq) => (pair.get(..eq).unwrap_or_default(), pair.get(eq + 1..).unwrap_or_default()),
                None => (pair, &[][..]),
            };
            Ok((decode(name)?, decode(value)?))
        })
        .collect()
}

/// The media type of the request body, lower-cased, without parameters.
fn content_type(request: &Request<Body>) -> Option<String> {
    let v = request.headers().get(header::CONTENT_TYPE)?.to_str().ok()?;
    Some(v.split(';').next().unwrap_or("").trim().to_ascii_lowercase())
}

/// Reads the whole body, refusing one longer than `limit` bytes (HTTP 413) before reading it
/// when its length is announced, and as soon as it passes the limit otherwise; a body that
/// arrives slower than [`MIN_BODY_BYTES_PER_SEC`] once `timeout` has passed is refused too
/// (HTTP 408). After a refusal the rest of the body is not read and the connection closes.
fn read_body(request: &mut Request<Body>, limit: u64, timeout: Duration, what: &str) -> Result<Vec<u8>, HttpError> {
    let result = read_body_within(request, limit, timeout, what);
    match &result {
        Ok(_) => {
            request.extensions_mut().insert(BodyRead);
        }
        Err(_) => close_after(request),
    }
    result
}

fn read_body_within(request: &mut Request<Body>, limit: u64, timeout: Duration, what: &str) -> Result<Vec<u8>, HttpError> {
    let too_large = |size: String| {
        HttpError::new(
            StatusCode::PAYLOAD_TOO_LARGE,
            format!("{what} of {size} bytes is over this server's limit of {limit} bytes; send less at a time"),
        )
    };
    if let Some(len) = request.body().len() {
        if len > limit {
            return Err(too_large(len.to_string()));
        }
    }
    let start = std::time::Instant::now();
    let mut bytes = Vec::new();
    let mut chunk = vec![0u8; 64 << 10];
    loop {
        let n = request.body_mut().read(&mut chunk).map_err(|e| match e.kind() {
            std::io::ErrorKind::TimedOut | std::io::ErrorKind::WouldBlock => HttpError::new(
                StatusCode::REQUEST_TIMEOUT,
                format!("{what} stopped arriving for {} s; send it again", SOCKET_TIMEOUT.as_secs()),
            ),
            _ => HttpError::bad_request(format!("cannot read the request body ({e})")),
        })?;
        if n == 0 {
            return Ok(bytes);
        }
        bytes.extend_from_slice(chunk.get(..n).unwrap_or_default());
        if bytes.len() as u64 > limit {
            return Err(too_large(format!("more than {limit}")));
        }
        let allowed = timeout + Duration::from_secs(bytes.len() as u64 / MIN_BODY_BYTES_PER_SEC);
        if start.elapsed() > allowed {
            return Err(HttpError::new(
                StatusCode::REQUEST_TIMEOUT,
                format!(
                    "{what} arrived too slowly ({} bytes in {} s; this server waits {} s plus 1 s per {} KB); send it again on a faster link",
                    bytes.len(),
                    start.elapsed().as_secs(),
                    timeout.as_secs(),
                    MIN_BODY_BYTES_PER_SEC >> 10
                ),
            ));
        }
    }
}

/// Content negotiation: the offer the `Accept` header prefers (highest q, then the most
/// specific range, then the range listed first), `offers[0]` when there is no header.
/// Offers are `(media type, value)`, in the server's order of preference.
fn negotiate<T: Copy>(request: &Request<Body>, offers: &[(&str, T)]) -> Result<T, HttpError> {
    let Some(first) = offers.first() else {
        return Err(HttpError::new(StatusCode::INTERNAL_SERVER_ERROR, "no format to offer"));
    };
    let Some(accept) = request.headers().get(header::ACCEPT).and_then(|v| v.to_str().ok()).filter(|a| !a.trim().is_empty()) else {
        return Ok(first.1);
    };
    // (q, specificity, -position) of the best range matching each offer
    let ranges: Vec<(String, f32)> = accept
        .split(',')
        .filter_map(|r| {
            let mut parts = r.split(';');
            let media = parts.next()?.trim().to_ascii_lowercase();
            let q = parts
                .filter_map(|p| p.trim().strip_prefix("q=").or_else(|| p.trim().strip_prefix("Q=")))
                .find_map(|q| q.trim().parse::<f32>().ok())
                // a q outside 0..1 (or NaN, which parses) is held to the range; none is 1
                .map_or(1.0, |q| if q.is_nan() { 0.0 } else { q.clamp(0.0, 1.0) });
            (!media.is_empty()).then_some((media, q))
        })
        .collect();
    let mut best: Option<((f32, u8, i64), T)> = None;
    for (offer, value) in offers {
        let (otype, _) = offer.split_once('/').unwrap_or((offer, ""));
        let mut score: Option<(f32, u8, i64)> = None;
        for (pos, (range, q)) in ranges.iter().enumerate() {
            let specificity = if range == offer {
                2
            } else if range.strip_suffix("/*") == Some(otype) {
                1
            } else if range == "*/*" || range == "*" {
                0
            } else {
                continue;
            };
            let s = (*q, specificity, -(pos as i64));
            // a more specific range decides the offer's q, whatever its value
            if score.is_none_or(|(_, sp, _)| specificity > sp) {
                score = Some(s);
            }
        }
        if let Some(s) = score.filter(|s| s.0 > 0.0) {
            if best.as_ref().is_none_or(|(b, _)| s.0 > b.0 || (s.0 == b.0 && (s.1, s.2) > (b.1, b.2))) {
                best = Some((s, *value));
            }
        }
    }
    best.map(|(_, v)| v).ok_or_else(|| {
        let list = offers.iter().map(|(m, _)| *m).collect::<Vec<_>>().join(", ");
        HttpError::new(StatusCode::NOT_ACCEPTABLE, format!("no format of the Accept header ({accept}) is served here; accept one of {list}"))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pick(accept: Option<&str>) -> Result<&'static str, u16> {
        let mut r = Request::new(Body::empty());
        if let Some(a) = accept {
            r.headers_mut().insert(header::ACCEPT, HeaderValue::from_str(a).map_err(|_| 0u16)?);
        }
        let offers = [("application/sparql-results+json", "json"), ("application/sparql-results+xml", "xml"), ("text/csv", "csv")];
        negotiate(&r, &offers).map_err(|e| e.status.as_u16())
    }

    #[test]
    fn content_negotiation_follows_the_accept_header() {
        assert_eq!(pick(None), Ok("json"));
        assert_eq!(pick(Some("*/*")), Ok("json"));
        assert_eq!(pick(Some("application/sparql-results+xml")), Ok("xml"));
        assert_eq!(pick(Some("text/csv, application/sparql-results+xml")), Ok("csv"));
        assert_eq!(pick(Some("application/sparql-results+xml;q=0.5, text/csv;q=0.9")), Ok("csv"));
        assert_eq!(pick(Some("text/*, */*;q=0.1")), Ok("csv"));
        assert_eq!(pick(Some("text/html, */*;q=0.8")), Ok("json"));
        assert_eq!(pick(Some("text/csv;q=0, */*")), Ok("json"));
        assert_eq!(pick(Some("image/png")), Err(406));
        assert_eq!(pick(Some("text/csv;q=NaN, application/sparql-results+xml;q=0.1")), Ok("xml"));
        assert_eq!(pick(Some("text/csv;q=7, application/sparql-results+xml")), Ok("csv"));
        assert_eq!(pick(Some("text/csv;q=abc")), Ok("csv"));
        assert_eq!(pick(Some(",,;;q=,*/*;q=0.5")), Ok("json"));
        assert_eq!(pick(Some("*/*;q=0")), Err(406));
    }

    #[test]
    fn forms_decode_strictly() {
        let ok = |s: &str| decode_form(s.as_bytes(), "x").map_err(|e| e.message);
        assert_eq!(ok("query=ASK+%7B%7D&a=%C3%A9&&b"), Ok(vec![("query".into(), "ASK {}".into()), ("a".into(), "é".into()), ("b".into(), String::new())]));
        assert!(ok("query=%ZZ").is_err_and(|m| m.contains("malformed percent-encoding")));
        assert!(ok("query=%4").is_err_and(|m| m.contains("malformed percent-encoding")));
        assert!(ok("query=%FF%FE").is_err_and(|m| m.contains("not UTF-8")));
    }
}
