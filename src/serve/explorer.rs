//! The web explorer at `/`: one page, its script and style, and Cytoscape.js, all built into
//! the binary (nothing is fetched from elsewhere, so it works offline), and the three answers
//! the page needs beyond SPARQL: the example queries, the graph of actors and events, and the
//! path between two actors. Node details are SPARQL queries the page sends to `/sparql`.

use std::collections::{HashMap, HashSet};
use std::sync::atomic::Ordering;
use std::sync::{Arc, Condvar, Mutex, MutexGuard, PoisonError};
use std::time::{Duration, Instant};

use oxhttp::model::header::{self, HeaderValue};
use oxhttp::model::{Body, Method, Request, Response, StatusCode};
use serde_json::json;

use entente::export::{self, Projection};
use petgraph::graph::NodeIndex;

use super::{allow, query_params, respond, App, HttpError};

/// The page's files: path, media type, content.
const ASSETS: &[(&str, &str, &str)] = &[
    ("/", "text/html; charset=utf-8", include_str!("../../assets/explorer.html")),
    ("/assets/explorer.js", "text/javascript; charset=utf-8", include_str!("../../assets/explorer.js")),
    ("/assets/explorer.css", "text/css; charset=utf-8", include_str!("../../assets/explorer.css")),
    ("/assets/cytoscape.min.js", "text/javascript; charset=utf-8", include_str!("../../assets/cytoscape.min.js")),
    ("/assets/LICENSE-cytoscape.txt", "text/plain; charset=utf-8", include_str!("../../assets/LICENSE-cytoscape.txt")),
];

/// The shipped example queries, offered in the page's query editor.
const EXAMPLES: &[(&str, &str)] = &[
    ("meetings", include_str!("../../examples/queries/meetings.rq")),
    ("actors", include_str!("../../examples/queries/actors.rq")),
    ("actor", include_str!("../../examples/queries/actor.rq")),
    ("pacts", include_str!("../../examples/queries/pacts.rq")),
    ("sanctions", include_str!("../../examples/queries/sanctions.rq")),
    ("statements", include_str!("../../examples/queries/statements.rq")),
];

/// Nodes the graph view draws unless the page's address says `?limit=N`: beyond it the
/// busiest nodes are kept (and the page says so). Why 500: Cytoscape.js's force-directed
/// layout grows with the square of the nodes; on the Reuters store the page is drawn in about
/// 5 s with 500 nodes and 40 s with 1,500.
const MAX_GRAPH_NODES: usize = 500;

/// The most nodes `?limit=` may ask for: the answer is built in memory and a browser cannot
/// draw more anyway.
const MAX_LIMIT: usize = 20_000;

/// Nodes `/graph.svg` draws unless `?limit=` says otherwise: Graphviz's force-directed layouts
/// with splines grow fast with the nodes (on the Reuters store and two cores: 100 nodes 1.4 s,
/// 200 nodes 16 s, 300 nodes 25 s, 1,500 past any time limit).
const SVG_NODES: usize = 120;

/// Rendered answers kept per projection (`limit` and format); more are rendered each time.
const RENDERED_KEPT: usize = 16;

/// A built-in file, if `path` names one.
pub(super) fn asset(request: &Request<Body>) -> Option<Result<Response<Body>, HttpError>> {
    let (_, media, content) = ASSETS.iter().find(|(p, _, _)| *p == request.uri().path())?;
    Some(allow(request, &[Method::GET, Method::HEAD]).map(|()| {
        let mut r = respond(StatusCode::OK, None, Body::from(*content));
        r.headers_mut().insert(header::CONTENT_TYPE, HeaderValue::from_static(media));
        r.headers_mut().insert(header::CACHE_CONTROL, HeaderValue::from_static("no-cache"));
        r
    }))
}

/// `/api/examples`: the example queries, each with its name, first comment line and text.
pub(super) fn examples(request: &Request<Body>) -> Result<Response<Body>, HttpError> {
    allow(request, &[Method::GET])?;
    let list: Vec<_> = EXAMPLES
        .iter()
        .map(|(name, text)| {
            let title = text.lines().next().and_then(|l| l.strip_prefix('#')).map_or("", str::trim);
            json!({ "name": name, "title": title, "query": text })
        })
        .collect();
    json_response(&json!(list))
}

/// The events projection of the store, built once per store generation and shared by
/// `/api/graph`, `/api/path` and `/graph.svg`. Why: building it reads every actor, event and
/// role of the store (2.5 s on the Reuters store), far too slow for each click; the store only
/// changes through `POST /articles`, which bumps `App::generation`.
#[derive(Default)]
pub(super) struct Cache {
    state: Mutex<CacheState>,
    changed: Condvar,
    /// One Graphviz at a time: each takes a core for seconds.
    drawing: Mutex<()>,
}

#[derive(Default)]
struct CacheState {
    current: Option<Arc<Projected>>,
    building: bool,
    /// Why the last build failed, for the requests that waited for it.
    failed: Option<String>,
}

/// A projection and what is derived from it.
struct Projected {
    /// The store generation read before the projection's queries ran: it holds every article
    /// written before then.
    generation: u64,
    graph: export::KnowledgeGraph,
    /// Other names of each actor, for finding actors by name.
    names: HashMap<String, Vec<String>>,
    /// Node indices, most edges first, ties by IRI (so the cut does not depend on the order).
    busiest: Vec<NodeIndex>,
    /// Answers already rendered, by (limit, what).
    rendered: Mutex<Rendered>,
}

/// Rendered answers by (limit, what they are).
type Rendered = HashMap<(usize, &'static str), Arc<Vec<u8>>>;

impl Projected {
    fn build(app: &App, generation: u64) -> Result<Self, String> {
        let graph = export::project(&app.store, Projection::Events, None).map_err(|e| e.to_string())?;
        let names = crate::actor_names(&app.store).map_err(|e| format!("{e:#}"))?;
        let mut degree: Vec<(usize, &str, NodeIndex)> = graph
            .graph
            .node_indices()
            .filter_map(|i| Some((graph.graph.neighbors_undirected(i).count(), graph.graph.node_weight(i)?.iri.as_str(), i)))
            .collect();
        degree.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(b.1)));
        let busiest = degree.into_iter().map(|d| d.2).collect();
        Ok(Projected { generation, graph, names, busiest, rendered: Mutex::new(HashMap::new()) })
    }

    /// The projection cut to its `limit` busiest nodes, and the number of nodes before the cut.
    fn busiest(&self, limit: usize) -> export::KnowledgeGraph {
        let mut g = self.graph.clone();
        if self.busiest.len() > limit {
            let keep: HashSet<NodeIndex> = self.busiest.iter().take(limit).copied().collect();
            g.graph = self.graph.graph.filter_map(|i, n| keep.contains(&i).then(|| n.clone()), |_, e| Some(e.clone()));
        }
        g
    }

    /// The answer `what` for `limit` nodes, rendered once by `render`.
    fn rendered(
        &self,
        limit: usize,
        what: &'static str,
        render: impl FnOnce(&export::KnowledgeGraph) -> Result<Vec<u8>, HttpError>,
    ) -> Result<Arc<Vec<u8>>, HttpError> {
        if let Some(r) = lock(&self.rendered).get(&(limit, what)) {
            return Ok(Arc::clone(r));
        }
        let r = Arc::new(render(&self.busiest(limit))?);
        let mut kept = lock(&self.rendered);
        if kept.len() >= RENDERED_KEPT {
            kept.clear();
        }
        kept.insert((limit, what), Arc::clone(&r));
        Ok(r)
    }

    fn shown(&self, limit: usize) -> String {
        format!("{}/{}", limit.min(self.busiest.len()), self.busiest.len())
    }
}

/// A lock, even if a thread panicked while holding it (the data is a cache: still usable).
fn lock<T>(m: &Mutex<T>) -> MutexGuard<'_, T> {
    m.lock().unwrap_or_else(PoisonError::into_inner)
}

/// Starts building the projection in the background, so that the explorer's first load finds
/// it ready.
pub(super) fn warm_up(app: &Arc<App>) {
    let app = Arc::clone(app);
    let _ = std::thread::Builder::new().name("projection-warm-up".into()).spawn(move || {
        let _ = projected(&app);
    });
}

/// The projection holding every article written before this call, built by at most one
/// thread at a time; waits for it at most the query time limit (then a 503 that says to retry:
/// the build goes on and the next request finds it).
fn projected(app: &Arc<App>) -> Result<Arc<Projected>, HttpError> {
    let wanted = app.generation.load(Ordering::SeqCst);
    let deadline = Instant::now() + app.timeout;
    let cache = &app.projection;
    let mut s = lock(&cache.state);
    loop {
        if let Some(p) = s.current.as_ref().filter(|p| p.generation >= wanted) {
            return Ok(Arc::clone(p));
        }
        if !s.building {
            if let Some(message) = s.failed.take() {
                return Err(internal(format!("cannot build the graph of the store: {message}")));
            }
            s.building = true;
            let worker = Arc::clone(app);
            let started = std::thread::Builder::new().name("projection".into()).spawn(move || {
                let building = Building(Arc::clone(&worker));
                let generation = worker.generation.load(Ordering::SeqCst);
                let built = Projected::build(&worker, generation);
                let cache = &worker.projection;
                let mut s = lock(&cache.state);
                s.building = false;
                match built {
                    Ok(p) => s.current = Some(Arc::new(p)),
                    Err(e) => s.failed = Some(e),
                }
                drop(s);
                drop(building);
            });
            if let Err(e) = started {
                s.building = false;
                return Err(HttpError::new(StatusCode::SERVICE_UNAVAILABLE, format!("the server is out of threads ({e}); retry later")));
            }
        }
        let now = Instant::now();
        if now >= deadline {
            return Err(HttpError::new(
                StatusCode::SERVICE_UNAVAILABLE,
                format!(
                    "the graph of the store is still being built (over {} s so far on this store); retry in a few seconds",
                    app.timeout.as_secs()
                ),
            )
            .with_header(header::RETRY_AFTER, HeaderValue::from_static("5")));
        }
        s = cache.changed.wait_timeout(s, deadline - now).map_or_else(|e| e.into_inner().0, |(g, _)| g);
    }
}

/// A build under way: however it ends, even by a panic, the waiting requests are woken and
/// the next one may build again.
struct Building(Arc<App>);

impl Drop for Building {
    fn drop(&mut self) {
        let cache = &self.0.projection;
        let mut s = lock(&cache.state);
        if s.building {
            s.building = false;
            s.failed.get_or_insert_with(|| "the build stopped unexpectedly".to_owned());
        }
        cache.changed.notify_all();
    }
}

/// The `?limit=N` parameter: `default` without it, at most [`MAX_LIMIT`].
fn limit(request: &Request<Body>, default: usize) -> Result<usize, HttpError> {
    match query_params(request)?.iter().find(|(k, _)| k == "limit") {
        Some((_, v)) => match v.parse::<usize>() {
            Ok(n) if n <= MAX_LIMIT => Ok(n),
            _ => Err(HttpError::bad_request(format!("limit={v:?} is not a number of nodes from 0 to {MAX_LIMIT}"))),
        },
        None => Ok(default),
    }
}

/// `/api/graph`: the events projection (actors, places, meetings, pacts, sanctions and their
/// role edges) as Cytoscape.js elements; `?limit=N` nodes at most (the busiest ones).
pub(super) fn graph(app: &Arc<App>, request: &Request<Body>) -> Result<Response<Body>, HttpError> {
    allow(request, &[Method::GET])?;
    let limit = limit(request, MAX_GRAPH_NODES)?;
    let p = projected(app)?;
    let json = p.rendered(limit, "cyjs", |g| Ok(export::render(g, export::GraphFormat::CytoscapeJson).map_err(internal)?.into_bytes()))?;
    let mut r = respond(StatusCode::OK, Some("application/json"), Body::from(json.as_ref().clone()));
    if let Ok(v) = HeaderValue::from_str(&p.shown(limit)) {
        r.headers_mut().insert("x-entente-nodes", v);
    }
    Ok(r)
}

/// `/api/names`: every other name (`skos:altLabel`) of the actors `/api/graph` draws for the
/// same `?limit=N`, as `{IRI: [name, …]}`: what the page's search by any name reads.
pub(super) fn names(app: &Arc<App>, request: &Request<Body>) -> Result<Response<Body>, HttpError> {
    allow(request, &[Method::GET])?;
    let limit = limit(request, MAX_GRAPH_NODES)?;
    let p = projected(app)?;
    let json = p.rendered(limit, "names", |_| {
        let drawn: serde_json::Map<String, serde_json::Value> = p
            .busiest
            .iter()
            .take(limit)
            .filter_map(|&i| {
                let n = p.graph.graph.node_weight(i)?;
                Some((n.iri.clone(), json!(p.names.get(&n.iri)?)))
            })
            .collect();
        serde_json::to_vec(&drawn).map_err(internal)
    })?;
    Ok(respond(StatusCode::OK, Some("application/json"), Body::from(json.as_ref().clone())))
}

/// `/graph.svg`: the picture of the DOT export (the layout is in the file), drawn by Graphviz
/// on the server, one picture at a time; `?limit=N` nodes (120 unless said). Graphviz is
/// stopped at the query time limit.
pub(super) fn svg(app: &Arc<App>, request: &Request<Body>) -> Result<Response<Body>, HttpError> {
    allow(request, &[Method::GET])?;
    let deadline = Instant::now() + app.timeout;
    let limit = limit(request, SVG_NODES)?;
    let p = projected(app)?;
    let svg = p.rendered(limit, "svg", |g| {
        let _drawing = loop {
            match app.projection.drawing.try_lock() {
                Ok(d) => break d,
                Err(std::sync::TryLockError::Poisoned(e)) => break e.into_inner(),
                Err(std::sync::TryLockError::WouldBlock) if Instant::now() < deadline => std::thread::sleep(Duration::from_millis(50)),
                Err(std::sync::TryLockError::WouldBlock) => {
                    return Err(HttpError::new(StatusCode::SERVICE_UNAVAILABLE, "another picture is being drawn; retry in a few seconds")
                        .with_header(header::RETRY_AFTER, HeaderValue::from_static("5")))
                }
            }
        };
        draw(app, g, deadline)
    })?;
    let mut r = respond(StatusCode::OK, Some("image/svg+xml"), Body::from(svg.as_ref().clone()));
    if let Ok(v) = HeaderValue::from_str(&p.shown(limit)) {
        r.headers_mut().insert("x-entente-nodes", v);
    }
    Ok(r)
}

/// `g` drawn by Graphviz as SVG, stopped at `deadline`.
fn draw(app: &App, g: &export::KnowledgeGraph, deadline: Instant) -> Result<Vec<u8>, HttpError> {
    use std::io::Write;
    let dot = export::render(g, export::GraphFormat::Dot).map_err(internal)?;
    let mut child = std::process::Command::new("dot")
        .arg("-Tsvg")
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .map_err(|e| {
            HttpError::new(StatusCode::SERVICE_UNAVAILABLE, format!("/graph.svg needs Graphviz on the server ({e}); install it (apt-get install graphviz)"))
        })?;
    let mut stdin = child.stdin.take().ok_or_else(|| internal("no pipe to Graphviz"))?;
    let feeder = std::thread::spawn(move || stdin.write_all(dot.as_bytes()));
    // both outputs are read while Graphviz runs: a full pipe would stop it
    let read = |pipe: Option<Box<dyn std::io::Read + Send>>| {
        std::thread::spawn(move || {
            let mut buf = Vec::new();
            if let Some(mut p) = pipe {
                let _ = p.read_to_end(&mut buf);
            }
            buf
        })
    };
    let stdout = read(child.stdout.take().map(|p| Box::new(p) as Box<dyn std::io::Read + Send>));
    let stderr = read(child.stderr.take().map(|p| Box::new(p) as Box<dyn std::io::Read + Send>));
    loop {
        match child.try_wait() {
            Ok(Some(_)) => break,
            Ok(None) if Instant::now() < deadline => std::thread::sleep(Duration::from_millis(20)),
            Ok(None) => {
                let _ = child.kill();
                let _ = child.wait();
                return Err(HttpError::new(
                    StatusCode::SERVICE_UNAVAILABLE,
                    format!("Graphviz ran past the time limit of {} s; ask for fewer nodes (?limit=100)", app.timeout.as_secs()),
                ));
            }
            Err(e) => return Err(internal(e)),
        }
    }
    let _ = feeder.join();
    let status = child.wait().map_err(internal)?;
    let (svg, err) = (stdout.join().unwrap_or_default(), stderr.join().unwrap_or_default());
    if !status.success() {
        return Err(internal(format!("Graphviz failed: {}", String::from_utf8_lossy(&err).trim())));
    }
    Ok(svg)
}

/// `/api/path?from=NAME&to=NAME`: the shortest chain of events between two actors, as
/// `entente path` finds it, with each step's role, evidence and article.
pub(super) fn path(app: &Arc<App>, request: &Request<Body>) -> Result<Response<Body>, HttpError> {
    allow(request, &[Method::GET])?;
    let params: HashMap<String, String> = query_params(request)?.into_iter().collect();
    let (Some(from), Some(to)) = (params.get("from"), params.get("to")) else {
        return Err(HttpError::bad_request("give both actors: /api/path?from=NAME&to=NAME"));
    };
    let p = projected(app)?;
    let g = &p.graph;
    let pick = |name: &str| crate::pick_actor(g, &p.names, name).map_err(|e| HttpError::new(StatusCode::NOT_FOUND, format!("{e:#}")));
    let (a, b) = (pick(from)?, pick(to)?);
    let Some(steps) = entente::analyze::shortest_path(g, &a, &b) else {
        return json_response(&json!({ "found": false, "message": format!("{from} and {to} are not linked by any meeting, pact or sanction in the store") }));
    };
    let nodes: Vec<_> = steps
        .iter()
        .filter_map(|&i| {
            let n = g.graph.node_weight(i)?;
            Some(json!({ "id": n.iri, "label": n.label, "kind": n.kind, "evidence": n.attrs.get("evidence"), "article": n.attrs.get("article") }))
        })
        .collect();
    let edges: Vec<_> = steps
        .windows(2)
        .filter_map(|w| {
            let (x, y) = (*w.first()?, *w.get(1)?);
            let e = g.graph.find_edge(x, y).or_else(|| g.graph.find_edge(y, x))?;
            let e = g.graph.edge_weight(e)?;
            Some(json!({ "id": e.id, "role": e.role }))
        })
        .collect();
    json_response(&json!({ "found": true, "nodes": nodes, "edges": edges }))
}

fn json_response(v: &serde_json::Value) -> Result<Response<Body>, HttpError> {
    let text = serde_json::to_string(v).map_err(internal)?;
    Ok(respond(StatusCode::OK, Some("application/json"), Body::from(text)))
}

fn internal(e: impl std::fmt::Display) -> HttpError {
    HttpError::new(StatusCode::INTERNAL_SERVER_ERROR, e.to_string())
}

#[cfg(test)]
mod tests {
    /// A query added to examples/queries/ is offered in the explorer too.
    #[test]
    fn every_example_query_is_offered() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/queries");
        let mut files: Vec<String> = std::fs::read_dir(dir)
            .into_iter()
            .flatten()
            .flatten()
            .filter_map(|e| e.path().file_stem().map(|s| s.to_string_lossy().into_owned()))
            .collect();
        files.sort();
        let mut offered: Vec<String> = super::EXAMPLES.iter().map(|(n, _)| (*n).to_owned()).collect();
        offered.sort();
        assert_eq!(files, offered);
    }
}
