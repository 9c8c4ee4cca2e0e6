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

mod articles;
mod explorer;
mod sparql;

use std::io::Read;
use std::net::{SocketAddr, ToSocketAddrs};
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::atomic::AtomicUsize;
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

/// Connections served at once; more wait in the listen queue. Each holds a thread.
const MAX_CONNECTIONS: usize = 128;

/// Query evaluations at once, counting those past their time limit that Oxigraph has not
/// stopped yet; more are refused with a 503.
const MAX_EVALUATIONS: usize = 64;

/// How long a socket read or write may stall before the connection is dropped.
const SOCKET_TIMEOUT: Duration = Duration::from_secs(60);

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
    let app = Arc::new(App { store, timeout: opts.timeout, ingest, max_body: opts.max_body, running: AtomicUsize::new(0) });
    let mut server = Server::new(move |request| handle(&app, request))
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
    eprintln!(
        "entente: serving {} at {url}/ (SPARQL endpoint {url}/sparql{}); Ctrl-C stops",
        opts.store.display(),
        if opts.allow_ingest { format!(", articles at POST {url}/articles") } else { String::new() }
    );
    listening.join().context("the server stopped")?;
    Ok(ExitCode::SUCCESS)
}

/// Routes a request, and adds the CORS headers every answer carries: the endpoint is public
/// data to any page (no cookies are used; writes need the bearer token).
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
            "/graph.svg" => explorer::svg(app, request),
            _ => explorer::asset(request).unwrap_or_else(|| {
                Err(HttpError::new(StatusCode::NOT_FOUND, "no such page; the explorer is /, the SPARQL endpoint /sparql, graphs are at /store?graph=IRI"))
            }),
        }
        .unwrap_or_else(HttpError::into_response)
    };
    response.headers_mut().insert(header::ACCESS_CONTROL_ALLOW_ORIGIN, HeaderValue::from_static("*"));
    response
}

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

/// 405 unless the request's method is one of `methods`.
fn allow(request: &Request<Body>, methods: &[Method]) -> Result<(), HttpError> {
    if methods.contains(request.method()) {
        return Ok(());
    }
    let list = methods.iter().map(Method::as_str).collect::<Vec<_>>().join(", ");
    let err = HttpError::new(StatusCode::METHOD_NOT_ALLOWED, format!("{} {}: use {list}", request.method(), request.uri().path()));
    Err(match HeaderValue::from_str(&list) {
        Ok(v) => err.with_header(header::ALLOW, v),
        Err(_) => err,
    })
}

/// The request's query-string parameters, decoded, in order.
fn query_params(request: &Request<Body>) -> Vec<(String, String)> {
    request.uri().query().map(|q| form_urlencoded::parse(q.as_bytes()).into_owned().collect()).unwrap_or_default()
}

/// The media type of the request body, lower-cased, without parameters.
fn content_type(request: &Request<Body>) -> Option<String> {
    let v = request.headers().get(header::CONTENT_TYPE)?.to_str().ok()?;
    Some(v.split(';').next().unwrap_or("").trim().to_ascii_lowercase())
}

/// Reads the whole body, refusing one longer than `limit` bytes (HTTP 413) before reading it
/// when its length is announced, and as soon as it passes the limit otherwise.
fn read_body(request: &mut Request<Body>, limit: u64, what: &str) -> Result<Vec<u8>, HttpError> {
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
    let mut bytes = Vec::new();
    request
        .body_mut()
        .take(limit + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| HttpError::bad_request(format!("cannot read the request body ({e})")))?;
    if bytes.len() as u64 > limit {
        return Err(too_large(format!("more than {limit}")));
    }
    Ok(bytes)
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
                .unwrap_or(1.0);
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
    }
}
