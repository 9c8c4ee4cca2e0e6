//! The SPARQL 1.1 Protocol at `/sparql` (queries only), its Service Description, and the
//! Graph Store Protocol's reads at `/store`.

use std::sync::atomic::Ordering;
use std::sync::{mpsc, Arc};

use oxhttp::model::header::{self, HeaderValue};
use oxhttp::model::{Body, Method, Request, Response, StatusCode};
use oxigraph::model::vocab::rdf;
use oxigraph::model::{BlankNode, GraphNameRef, Literal, NamedNode, NamedNodeRef, Triple};

use entente::query::{self, Answer, CancellationToken, Dataset, GraphFormat, QueryError, ResultFormat};

use super::{allow, content_type, decode_form, negotiate, query_params, read_body, respond, App, HttpError, MAX_EVALUATIONS, MAX_QUERY_BODY};

/// SELECT and ASK result formats, the first one the default.
const RESULT_FORMATS: &[(&str, ResultFormat)] = &[
    ("application/sparql-results+json", ResultFormat::Json),
    ("application/json", ResultFormat::Json),
    ("application/sparql-results+xml", ResultFormat::Xml),
    ("application/xml", ResultFormat::Xml),
    ("text/xml", ResultFormat::Xml),
    ("text/csv", ResultFormat::Csv),
    ("text/tab-separated-values", ResultFormat::Tsv),
    ("text/plain", ResultFormat::Table),
];

/// Graph formats (CONSTRUCT, DESCRIBE, the Graph Store, the service description), the first one
/// the default.
const GRAPH_FORMATS: &[(&str, GraphFormat)] = &[
    ("text/turtle", GraphFormat::Turtle),
    ("application/turtle", GraphFormat::Turtle),
    ("application/x-turtle", GraphFormat::Turtle),
    ("application/n-triples", GraphFormat::NTriples),
    ("text/plain", GraphFormat::NTriples),
    ("application/ld+json", GraphFormat::JsonLd),
    ("application/json", GraphFormat::JsonLd),
    ("application/rdf+xml", GraphFormat::RdfXml),
    ("application/xml", GraphFormat::RdfXml),
    ("text/xml", GraphFormat::RdfXml),
];

/// The W3C format IRIs (`http://www.w3.org/ns/formats/`) the service description lists.
const FORMAT_IRIS: &[&str] = &[
    "SPARQL_Results_JSON",
    "SPARQL_Results_XML",
    "SPARQL_Results_CSV",
    "SPARQL_Results_TSV",
    "Turtle",
    "N-Triples",
    "JSON-LD",
    "RDF_XML",
];

/// The most rows (SELECT) or triples (CONSTRUCT, DESCRIBE) one answer may have. Why: an
/// answer is evaluated whole in memory before it is sent (so that its status can still say
/// whether it failed), about 0.5 KB a row with its serialization, and 64 may run at once.
const MAX_ANSWER_ROWS: usize = 1_000_000;

/// The stack of a query's thread: eight times a main thread's, so the queries that
/// `query::MAX_NESTING` and `query::MAX_OPERATORS` let through have room to spare (a thread out
/// of stack aborts the server). Only the pages a query touches are resident.
const QUERY_STACK: usize = 64 << 20;

const SD: &str = "http://www.w3.org/ns/sparql-service-description#";

/// `/sparql`: a query by GET `?query=`, by POST of a form, or by POST of
/// `application/sparql-query`; without a query, GET answers the service description.
pub(super) fn query(app: &Arc<App>, request: &mut Request<Body>) -> Result<Response<Body>, HttpError> {
    allow(request, &[Method::GET, Method::POST])?;
    let mut params = query_params(request)?;
    let mut text = None;
    if request.method() == Method::POST {
        let ct = content_type(request).unwrap_or_default();
        match ct.as_str() {
            "application/sparql-query" => {
                let body = read_body(request, MAX_QUERY_BODY, app.timeout, "a query")?;
                // an empty body (no Content-Length, or 0) is no query, not an empty one
                if !body.is_empty() {
                    text = Some(String::from_utf8(body).map_err(|_| HttpError::bad_request("the query is not UTF-8 text"))?);
                }
            }
            "application/x-www-form-urlencoded" => {
                let body = read_body(request, MAX_QUERY_BODY, app.timeout, "a form")?;
                params.extend(decode_form(&body, "the form")?);
            }
            "application/sparql-update" => return Err(read_only()),
            _ => {
                return Err(HttpError::new(
                    StatusCode::UNSUPPORTED_MEDIA_TYPE,
                    format!("a query is POSTed as application/sparql-query or application/x-www-form-urlencoded, not {ct:?}"),
                ))
            }
        }
    }
    let mut dataset = Dataset::default();
    for (k, v) in &params {
        match k.as_str() {
            "query" if text.is_none() => text = Some(v.clone()),
            "query" => return Err(HttpError::bad_request("give one query per request")),
            "update" => return Err(read_only()),
            "default-graph-uri" => dataset.default_graphs.push(iri(k, v)?),
            "named-graph-uri" => dataset.named_graphs.push(iri(k, v)?),
            _ => {} // clients add their own (format=, output=); the Accept header decides
        }
    }
    let Some(text) = text else {
        if request.method() != Method::POST {
            return service_description(request);
        }
        return Err(HttpError::bad_request("no query: send query=… in the form or the URL, or the query as application/sparql-query"));
    };
    let answer = evaluate_within_limit(app, text, dataset)?;
    let mut body = Vec::new();
    let media = match &answer {
        Answer::Solutions { variables, rows } => {
            let f = negotiate(request, RESULT_FORMATS)?;
            query::write_solutions(variables, rows, f, &mut body).map_err(internal)?;
            f.media_type()
        }
        Answer::Boolean(b) => {
            let f = negotiate(request, RESULT_FORMATS)?;
            query::write_boolean(*b, f, &mut body).map_err(internal)?;
            f.media_type()
        }
        Answer::Graph(triples) => {
            let f = negotiate(request, GRAPH_FORMATS)?;
            query::write_graph(triples, f, &mut body).map_err(internal)?;
            f.media_type()
        }
    };
    Ok(negotiated(media, body))
}

/// Evaluates the query on a worker thread and waits for it at most `app.timeout`. At the limit
/// the client gets a 503 that says so, at once, and the evaluation is cancelled: Oxigraph stops
/// it at its next read of the store (a long in-memory join may run on a while, off the clock).
fn evaluate_within_limit(app: &Arc<App>, text: String, dataset: Dataset) -> Result<Answer, HttpError> {
    // Evaluations past their limit go on until Oxigraph's next cancellation check: bound how
    // many run at once, so a client that repeats a runaway query cannot take every core.
    let running = Running::enter(app)?;
    let token = CancellationToken::new();
    let (send, receive) = mpsc::sync_channel(1);
    let (worker_app, worker_token) = (Arc::clone(app), token.clone());
    std::thread::Builder::new()
        .name("query".into())
        .stack_size(QUERY_STACK)
        .spawn(move || {
            let _running = running;
            // the requester may have left at the time limit: nobody to tell then
            let _ = send.send(query::evaluate_at_most(&worker_app.store, "request", &text, &dataset, Some(&worker_token), MAX_ANSWER_ROWS));
        })
        .map_err(|e| HttpError::new(StatusCode::SERVICE_UNAVAILABLE, format!("the server is out of threads ({e}); retry later")))?;
    let timed_out = || {
        HttpError::new(
            StatusCode::SERVICE_UNAVAILABLE,
            format!(
                "the query ran past this server's time limit of {} s and was stopped; make it more selective or add a LIMIT (or restart serve with a larger --timeout)",
                app.timeout.as_secs()
            ),
        )
    };
    let result = match receive.recv_timeout(app.timeout) {
        Ok(r) => r,
        Err(mpsc::RecvTimeoutError::Timeout) => {
            token.cancel();
            return Err(timed_out());
        }
        Err(mpsc::RecvTimeoutError::Disconnected) => return Err(internal("the query's thread ended without an answer")),
    };
    result.map_err(|e| match e {
        QueryError::Syntax { message, .. } => HttpError::bad_request(format!("SPARQL syntax error {message}")),
        QueryError::Cancelled { .. } => timed_out(),
        QueryError::Evaluation { message, .. } => HttpError::bad_request(format!("the query failed: {message}")),
        QueryError::TooComplex { .. } => HttpError::bad_request(format!(
            "the query nests over {} levels deep or chains over {} operators and groups, which this server does not parse; flatten it (long lists go in VALUES or IN (…))",
            query::MAX_NESTING,
            query::MAX_OPERATORS
        )),
        QueryError::TooLarge { max, .. } => HttpError::new(
            StatusCode::UNPROCESSABLE_ENTITY,
            format!("the answer has more than {max} rows (or triples), more than this server sends at once; add LIMIT and OFFSET to read it in parts"),
        ),
        other => internal(other),
    })
}

/// One evaluation counted in `App::running` while it lives.
struct Running(Arc<App>);

impl Running {
    fn enter(app: &Arc<App>) -> Result<Self, HttpError> {
        if app.running.fetch_add(1, Ordering::SeqCst) >= MAX_EVALUATIONS {
            app.running.fetch_sub(1, Ordering::SeqCst);
            return Err(HttpError::new(StatusCode::SERVICE_UNAVAILABLE, format!("{MAX_EVALUATIONS} queries are running already; retry later")));
        }
        Ok(Running(Arc::clone(app)))
    }
}

impl Drop for Running {
    fn drop(&mut self) {
        self.0.running.fetch_sub(1, Ordering::SeqCst);
    }
}

fn read_only() -> HttpError {
    HttpError::new(
        StatusCode::FORBIDDEN,
        "this endpoint answers queries only; the store changes by its articles (POST /articles with serve --allow-ingest)",
    )
}

fn iri(param: &str, value: &str) -> Result<NamedNode, HttpError> {
    NamedNode::new(value).map_err(|e| HttpError::bad_request(format!("{param}={value:?} is not an absolute IRI ({e})")))
}

fn internal(e: impl std::fmt::Display) -> HttpError {
    HttpError::new(StatusCode::INTERNAL_SERVER_ERROR, format!("{e}"))
}

/// A 200 whose format was chosen by the Accept header (caches must key on it).
fn negotiated(media: &'static str, body: Vec<u8>) -> Response<Body> {
    let mut r = respond(StatusCode::OK, Some(media), Body::from(body));
    r.headers_mut().insert(header::VARY, HeaderValue::from_static("Accept"));
    r
}

/// The SPARQL 1.1 Service Description of this endpoint, in the graph format asked for.
fn service_description(request: &Request<Body>) -> Result<Response<Body>, HttpError> {
    let format = negotiate(request, GRAPH_FORMATS)?;
    let host = request.headers().get(header::HOST).and_then(|h| h.to_str().ok()).unwrap_or("localhost");
    let endpoint = NamedNode::new(format!("http://{host}/sparql")).map_err(|e| HttpError::bad_request(format!("bad Host header ({e})")))?;
    let sd = |local: &str| NamedNode::new_unchecked(format!("{SD}{local}"));
    let service = BlankNode::default();
    let dataset = BlankNode::default();
    let graph = BlankNode::default();
    let mut t = vec![
        Triple::new(service.clone(), rdf::TYPE, sd("Service")),
        Triple::new(service.clone(), sd("endpoint"), endpoint),
        Triple::new(service.clone(), sd("supportedLanguage"), sd("SPARQL11Query")),
        Triple::new(service.clone(), sd("feature"), sd("UnionDefaultGraph")),
        Triple::new(service.clone(), sd("defaultEntailmentRegime"), NamedNode::new_unchecked("http://www.w3.org/ns/entailment/Simple")),
        Triple::new(
            service.clone(),
            NamedNodeRef::new_unchecked("http://purl.org/dc/terms/description"),
            Literal::new_simple_literal(
                "Entente: who met whom and who agreed to what, from news articles. The default graph is the merge of all article graphs; GRAPH ?g reaches one article.",
            ),
        ),
        Triple::new(service.clone(), sd("defaultDataset"), dataset.clone()),
        Triple::new(dataset.clone(), rdf::TYPE, sd("Dataset")),
        Triple::new(dataset, sd("defaultGraph"), graph.clone()),
        Triple::new(graph, rdf::TYPE, sd("Graph")),
    ];
    for f in FORMAT_IRIS {
        t.push(Triple::new(service.clone(), sd("resultFormat"), NamedNode::new_unchecked(format!("http://www.w3.org/ns/formats/{f}"))));
    }
    let mut body = Vec::new();
    query::write_graph(&t, format, &mut body).map_err(internal)?;
    Ok(negotiated(format.media_type(), body))
}

/// `/store?graph=IRI` (one article's graph, or the label registry) and `/store?default` (the
/// merge of all article graphs): the Graph Store Protocol's GET.
pub(super) fn graph_store(app: &App, request: &mut Request<Body>) -> Result<Response<Body>, HttpError> {
    allow(request, &[Method::GET])?;
    let params = query_params(request)?;
    let graph = match (params.iter().find(|(k, _)| k == "graph"), params.iter().any(|(k, _)| k == "default")) {
        (Some(_), true) => return Err(HttpError::bad_request("give ?graph=IRI or ?default, not both")),
        (Some((k, v)), false) => Some(iri(k, v)?),
        (None, true) => None,
        (None, false) => {
            return Err(HttpError::bad_request(
                "name the graph: /store?graph=IRI (an article's graph, https://w3id.org/entente/graph/ID) or /store?default (the merge of all)",
            ))
        }
    };
    let format = negotiate(request, GRAPH_FORMATS)?;
    let name = graph.as_ref().map_or(GraphNameRef::DefaultGraph, |g| GraphNameRef::NamedNode(g.as_ref()));
    let triples: Vec<Triple> = app
        .store
        .inner()
        .quads_for_pattern(None, None, None, Some(name))
        .map(|q| q.map(Triple::from))
        .collect::<Result<_, _>>()
        .map_err(internal)?;
    if let (Some(g), true) = (&graph, triples.is_empty()) {
        return Err(HttpError::new(StatusCode::NOT_FOUND, format!("the store holds no graph {g}; list them with SELECT DISTINCT ?g {{ GRAPH ?g {{}} }}")));
    }
    let mut body = Vec::new();
    query::write_graph(&triples, format, &mut body).map_err(internal)?;
    Ok(negotiated(format.media_type(), body))
}
