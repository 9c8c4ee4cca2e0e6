//! The web explorer at `/`: one page, its script and style, and Cytoscape.js, all built into
//! the binary (nothing is fetched from elsewhere, so it works offline), and the three answers
//! the page needs beyond SPARQL: the example queries, the graph of actors and events, and the
//! path between two actors. Node details are SPARQL queries the page sends to `/sparql`.

use std::collections::HashMap;

use oxhttp::model::header::{self, HeaderValue};
use oxhttp::model::{Body, Method, Request, Response, StatusCode};
use serde_json::json;

use entente::export::{self, Projection};

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

/// Nodes the graph view draws at most: a browser lays out a few thousand nodes, not the whole
/// Reuters store. Beyond it the busiest nodes are kept (and the page says so).
const MAX_GRAPH_NODES: usize = 1500;

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

/// `/api/graph`: the events projection (actors, places, meetings, pacts, sanctions and their
/// role edges) as Cytoscape.js elements; `?limit=N` nodes at most (the busiest ones).
pub(super) fn graph(app: &App, request: &Request<Body>) -> Result<Response<Body>, HttpError> {
    allow(request, &[Method::GET])?;
    let (g, total) = busiest(app, request)?;
    let text = export::render(&g, export::GraphFormat::CytoscapeJson).map_err(internal)?;
    let mut r = respond(StatusCode::OK, Some("application/json"), Body::from(text));
    if let Ok(v) = HeaderValue::from_str(&format!("{}/{total}", g.graph.node_count())) {
        r.headers_mut().insert("x-entente-nodes", v);
    }
    Ok(r)
}

/// The events projection, cut to the `?limit=N` busiest nodes (most edges, ties by IRI so the
/// cut does not depend on the order), and the number of nodes before the cut.
fn busiest(app: &App, request: &Request<Body>) -> Result<(export::KnowledgeGraph, usize), HttpError> {
    let limit = match query_params(request).iter().find(|(k, _)| k == "limit") {
        Some((_, v)) => v.parse::<usize>().map_err(|_| HttpError::bad_request(format!("limit={v:?} is not a number of nodes")))?,
        None => MAX_GRAPH_NODES,
    };
    let mut g = export::project(&app.store, Projection::Events, None).map_err(internal)?;
    let total = g.graph.node_count();
    if total > limit {
        let mut degree: Vec<(usize, &str, petgraph::graph::NodeIndex)> =
            g.graph.node_indices().map(|i| (g.graph.neighbors_undirected(i).count(), g.graph[i].iri.as_str(), i)).collect();
        degree.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(b.1)));
        let keep: std::collections::HashSet<petgraph::graph::NodeIndex> = degree.iter().take(limit).map(|d| d.2).collect();
        g.graph = g.graph.filter_map(|i, n| keep.contains(&i).then(|| n.clone()), |_, e| Some(e.clone()));
    }
    Ok((g, total))
}

/// `/graph.svg`: the picture of the DOT export (the layout is in the file), drawn by Graphviz
/// on the server; `?limit=N` as for `/api/graph`. Graphviz is stopped at the query time limit.
pub(super) fn svg(app: &App, request: &Request<Body>) -> Result<Response<Body>, HttpError> {
    use std::io::Write;
    allow(request, &[Method::GET])?;
    let (g, total) = busiest(app, request)?;
    let dot = export::render(&g, export::GraphFormat::Dot).map_err(internal)?;
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
    let deadline = std::time::Instant::now() + app.timeout;
    loop {
        match child.try_wait() {
            Ok(Some(_)) => break,
            Ok(None) if std::time::Instant::now() < deadline => std::thread::sleep(std::time::Duration::from_millis(20)),
            Ok(None) => {
                let _ = child.kill();
                let _ = child.wait();
                return Err(HttpError::new(
                    StatusCode::SERVICE_UNAVAILABLE,
                    format!("Graphviz ran past the time limit of {} s; ask for fewer nodes (?limit=300)", app.timeout.as_secs()),
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
    let mut r = respond(StatusCode::OK, Some("image/svg+xml"), Body::from(svg));
    if let Ok(v) = HeaderValue::from_str(&format!("{}/{total}", g.graph.node_count())) {
        r.headers_mut().insert("x-entente-nodes", v);
    }
    Ok(r)
}

/// `/api/path?from=NAME&to=NAME`: the shortest chain of events between two actors, as
/// `entente path` finds it, with each step's role, evidence and article.
pub(super) fn path(app: &App, request: &Request<Body>) -> Result<Response<Body>, HttpError> {
    allow(request, &[Method::GET])?;
    let params: HashMap<String, String> = query_params(request).into_iter().collect();
    let (Some(from), Some(to)) = (params.get("from"), params.get("to")) else {
        return Err(HttpError::bad_request("give both actors: /api/path?from=NAME&to=NAME"));
    };
    let g = export::project(&app.store, Projection::Events, None).map_err(internal)?;
    let names = crate::actor_names(&app.store).map_err(|e| internal(format!("{e:#}")))?;
    let pick = |name: &str| crate::pick_actor(&g, &names, name).map_err(|e| HttpError::new(StatusCode::NOT_FOUND, format!("{e:#}")));
    let (a, b) = (pick(from)?, pick(to)?);
    let Some(steps) = entente::analyze::shortest_path(&g, &a, &b) else {
        return json_response(&json!({ "found": false, "message": format!("{from} and {to} are not linked by any meeting, pact or sanction in the store") }));
    };
    let nodes: Vec<_> = steps
        .iter()
        .map(|&i| {
            let n = &g.graph[i];
            json!({ "id": n.iri, "label": n.label, "kind": n.kind, "evidence": n.attrs.get("evidence"), "article": n.attrs.get("article") })
        })
        .collect();
    let edges: Vec<_> = steps
        .windows(2)
        .filter_map(|w| {
            let (x, y) = (*w.first()?, *w.get(1)?);
            let e = g.graph.find_edge(x, y).or_else(|| g.graph.find_edge(y, x))?;
            Some(json!({ "id": g.graph[e].id, "role": g.graph[e].role }))
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
