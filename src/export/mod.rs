//! Store → `petgraph` graph → the files visualizers read: GraphML (yEd, Gephi, networkx), GEXF
//! with a timeline (Gephi), Cytoscape.js JSON, Graphviz DOT, D3 node-link JSON and Gephi CSV.
//!
//! Two projections: `events` (lossless: actors, places, meetings, pacts and sanctions as nodes,
//! edges from actors to events with their role) and `actors` (actor-to-actor edges weighted by
//! the meetings and pacts they share: what centrality and community tools want).

mod csv;
mod cyjs;
mod d3;
mod dot;
mod gexf;
mod graphml;

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};
use std::path::Path;

use oxigraph::model::Term;
use petgraph::graph::{Graph, NodeIndex};

use crate::query::{self, QueryError};
use crate::store::EntenteStore;

/// Which graph to project the store into.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Projection {
    /// Actors, places and events as nodes; role edges from actors to events.
    Events,
    /// Actors only; an edge per pair of actors that share meetings or pacts.
    Actors,
}

/// A visualizer file format.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum GraphFormat {
    /// GraphML 1.0.
    GraphMl,
    /// GEXF 1.3, dynamic.
    Gexf,
    /// Cytoscape.js elements JSON.
    CytoscapeJson,
    /// Graphviz DOT.
    Dot,
    /// D3 / networkx node-link JSON.
    D3,
    /// Gephi spreadsheet CSV: `nodes.csv` and `edges.csv` in a directory.
    Csv,
}

/// A node of the projected graph.
#[derive(Debug, Clone, PartialEq)]
pub struct Node {
    /// The node's IRI (its id in every format).
    pub iri: String,
    /// A readable label.
    pub label: String,
    /// Person, Country, Organization, Place, Meeting, Pact or Sanction.
    pub kind: String,
    /// The country it belongs to (countries: themselves; persons: the country of a post).
    pub country: Option<String>,
    /// Event attributes: status, date, duration, cameo, plover, evidence, article.
    pub attrs: BTreeMap<&'static str, String>,
    /// First day it exists on the timeline (ISO date).
    pub start: Option<String>,
    /// Last day (ISO date).
    pub end: Option<String>,
}

/// An edge of the projected graph.
#[derive(Debug, Clone, PartialEq)]
pub struct Edge {
    /// A unique id.
    pub id: String,
    /// The role (participant, party, signatory, imposer, target, host, place) or, in the actor
    /// projection, "shared".
    pub role: String,
    /// Weight: 1, or the number of shared events.
    pub weight: f64,
    /// First day (ISO date).
    pub start: Option<String>,
    /// Last day (ISO date).
    pub end: Option<String>,
    /// The events behind an actor-to-actor edge.
    pub events: Vec<String>,
}

/// The projected graph.
#[derive(Debug, Clone)]
pub struct KnowledgeGraph {
    /// Nodes and edges.
    pub graph: Graph<Node, Edge>,
    /// Whether edges are directed (events projection) or not (actors projection).
    pub directed: bool,
}

/// The node attributes every format declares, in order.
pub const NODE_ATTRS: &[&str] = &["kind", "country", "status", "date", "duration", "cameo", "plover", "evidence", "article"];
/// The edge attributes every format declares, in order (weight is numeric).
pub const EDGE_ATTRS: &[&str] = &["role", "start", "end", "events"];

impl Node {
    /// The value of a declared attribute.
    pub fn attr(&self, name: &str) -> Option<&str> {
        match name {
            "kind" => Some(&self.kind),
            "country" => self.country.as_deref(),
            other => self.attrs.get(other).map(String::as_str),
        }
    }
}

impl Edge {
    /// The value of a declared attribute.
    pub fn attr(&self, name: &str) -> Option<String> {
        match name {
            "role" => Some(self.role.clone()),
            "start" => self.start.clone(),
            "end" => self.end.clone(),
            "events" if !self.events.is_empty() => Some(self.events.join(" ")),
            _ => None,
        }
    }
}

/// An error while exporting.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum ExportError {
    /// A query failed.
    #[error(transparent)]
    Query(#[from] QueryError),
    /// Writing failed.
    #[error("cannot write {path}: {source}; check the path and free space")]
    Io {
        /// The output.
        path: String,
        /// The cause.
        source: std::io::Error,
    },
    /// CSV needs a directory for its two files.
    #[error("--format csv writes nodes.csv and edges.csv: give --output DIR")]
    CsvNeedsDirectory,
}

fn text(t: &Term) -> String {
    match t {
        Term::NamedNode(n) => n.as_str().to_owned(),
        Term::Literal(l) => l.value().to_owned(),
        other => other.to_string(),
    }
}

fn local(iri: &str) -> &str {
    iri.rsplit(['#', '/']).next().unwrap_or(iri)
}

/// The first and last day an XSD date, year-month or year covers.
pub fn day_range(value: &str) -> Option<(String, String)> {
    let v = value.trim();
    match v.len() {
        10 => Some((v.to_owned(), v.to_owned())),
        7 => {
            let (y, m) = (v.get(..4)?.parse::<i32>().ok()?, v.get(5..7)?.parse::<u32>().ok()?);
            let first = chrono::NaiveDate::from_ymd_opt(y, m, 1)?;
            let next = if m == 12 { chrono::NaiveDate::from_ymd_opt(y + 1, 1, 1)? } else { chrono::NaiveDate::from_ymd_opt(y, m + 1, 1)? };
            let last = next.pred_opt()?;
            Some((first.to_string(), last.to_string()))
        }
        4 if v.chars().all(|c| c.is_ascii_digit()) => Some((format!("{v}-01-01"), format!("{v}-12-31"))),
        _ => None,
    }
}

const ROLES: &[(&str, &str)] = &[
    ("http://semanticweb.cs.vu.nl/2009/11/sem/hasActor", "participant"),
    ("https://w3id.org/entente/ontology#party", "party"),
    ("https://w3id.org/entente/ontology#signatory", "signatory"),
    ("https://w3id.org/entente/ontology#imposer", "imposer"),
    ("https://w3id.org/entente/ontology#target", "target"),
    ("https://w3id.org/entente/ontology#host", "host"),
    ("http://semanticweb.cs.vu.nl/2009/11/sem/hasPlace", "place"),
];

struct Facts {
    actors: BTreeMap<String, Node>,
    places: BTreeMap<String, Node>,
    events: BTreeMap<String, Node>,
    /// (event, role, node)
    roles: BTreeSet<(String, String, String)>,
}

fn facts(store: &EntenteStore) -> Result<Facts, QueryError> {
    let mut actors = BTreeMap::new();
    for r in query::select(
        store,
        "SELECT ?a ?type ?label WHERE { VALUES ?type { schema:Person schema:Country schema:Organization }
           ?a a ?type ; rdfs:label ?label }",
    )? {
        let (Some(a), Some(t), Some(l)) = (r.get("a"), r.get("type"), r.get("label")) else { continue };
        let iri = text(a);
        let kind = local(&text(t)).to_owned();
        let country = (kind == "Country").then(|| text(l));
        actors.entry(iri.clone()).or_insert(Node { iri, label: text(l), kind, country, attrs: BTreeMap::new(), start: None, end: None });
    }
    for r in query::select(
        store,
        "SELECT ?a (MIN(?c) AS ?country) WHERE { ?a a schema:Person ; org:holds/org:postIn ?x . ?x a schema:Country ; rdfs:label ?c } GROUP BY ?a",
    )? {
        if let (Some(a), Some(c)) = (r.get("a"), r.get("country")) {
            if let Some(n) = actors.get_mut(&text(a)) {
                n.country = Some(text(c));
            }
        }
    }
    let mut places = BTreeMap::new();
    for r in query::select(store, "SELECT ?p ?label WHERE { ?p a schema:Place ; rdfs:label ?label }")? {
        let (Some(p), Some(l)) = (r.get("p"), r.get("label")) else { continue };
        let iri = text(p);
        if !actors.contains_key(&iri) {
            places.entry(iri.clone()).or_insert(Node { iri, label: text(l), kind: "Place".into(), country: None, attrs: BTreeMap::new(), start: None, end: None });
        }
    }
    let mut events: BTreeMap<String, Node> = BTreeMap::new();
    for r in query::select(
        store,
        "SELECT ?e ?type (SAMPLE(?l) AS ?label) (GROUP_CONCAT(DISTINCT ?k; separator=\"; \") AS ?kind)
                (MIN(?d) AS ?first) (MAX(?d) AS ?last) (SAMPLE(?dur) AS ?duration)
                (SAMPLE(?c) AS ?cameo) (SAMPLE(?pl) AS ?plover)
         WHERE { VALUES ?type { ent:Meeting ent:Pact ent:Sanction } ?e a ?type .
           OPTIONAL { ?e rdfs:label ?l } OPTIONAL { ?e ent:kind ?k } OPTIONAL { ?e sem:hasTimeStamp ?td . BIND(STR(?td) AS ?d) }
           OPTIONAL { ?e time:hasXSDDuration ?dur } OPTIONAL { ?e ent:cameoCode ?c } OPTIONAL { ?e ent:ploverType ?pl } }
         GROUP BY ?e ?type",
    )? {
        let (Some(e), Some(t)) = (r.get("e"), r.get("type")) else { continue };
        let iri = text(e);
        let kind = local(&text(t)).to_owned();
        let mut attrs = BTreeMap::new();
        let get = |k: &str| r.get(k).map(text).filter(|s| !s.is_empty());
        if let Some(d) = get("first") {
            attrs.insert("date", d);
        }
        for (k, name) in [("duration", "duration"), ("cameo", "cameo"), ("plover", "plover")] {
            if let Some(v) = get(k) {
                attrs.insert(name, v);
            }
        }
        let start = get("first").and_then(|d| day_range(&d)).map(|r| r.0);
        let end = get("last").and_then(|d| day_range(&d)).map(|r| r.1);
        let label = get("label").or_else(|| get("kind")).unwrap_or_else(|| kind.to_lowercase());
        // a node for an event type that also is an actor type never happens; keep the first
        events.entry(iri.clone()).or_insert(Node { iri, label, kind, country: None, attrs, start, end });
    }
    // status as reported by each article, latest article last ("Proposed → Signed")
    let mut statuses: HashMap<String, Vec<(String, String, String)>> = HashMap::new();
    for r in query::select(
        store,
        "SELECT ?e ?s ?id ?issued WHERE { GRAPH ?g { ?e ent:status ?s } ?g prov:wasDerivedFrom ?a . ?a dcterms:identifier ?id .
           OPTIONAL { ?a dcterms:issued ?issued } }",
    )? {
        let (Some(e), Some(s), Some(id)) = (r.get("e"), r.get("s"), r.get("id")) else { continue };
        let issued = r.get("issued").map(text).unwrap_or_default();
        statuses.entry(text(e)).or_default().push((issued, text(id), local(&text(s)).to_owned()));
    }
    for (e, mut v) in statuses {
        v.sort();
        let mut seq: Vec<String> = Vec::new();
        for (_, _, s) in &v {
            if seq.last() != Some(s) {
                seq.push(s.clone());
            }
        }
        if let Some(n) = events.get_mut(&e) {
            n.attrs.insert("status", seq.join(" → "));
        }
    }
    for r in query::select(
        store,
        "SELECT ?e ?text ?b ?id WHERE { GRAPH ?g { ?e ent:evidence ?s . ?s nif:anchorOf ?text ; nif:beginIndex ?b }
           ?g prov:wasDerivedFrom/dcterms:identifier ?id } ORDER BY ?e ?id ?b",
    )? {
        let (Some(e), Some(t), Some(id)) = (r.get("e"), r.get("text"), r.get("id")) else { continue };
        if let Some(n) = events.get_mut(&text(e)) {
            n.attrs.entry("evidence").or_insert_with(|| text(t).split_whitespace().collect::<Vec<_>>().join(" "));
            n.attrs.entry("article").or_insert_with(|| text(id));
        }
    }
    let mut roles = BTreeSet::new();
    for r in query::select(
        store,
        "SELECT DISTINCT ?e ?p ?x WHERE { VALUES ?t { ent:Meeting ent:Pact ent:Sanction } ?e a ?t .
           VALUES ?p { sem:hasActor ent:party ent:signatory ent:imposer ent:target ent:host sem:hasPlace } ?e ?p ?x }",
    )? {
        let (Some(e), Some(p), Some(x)) = (r.get("e"), r.get("p"), r.get("x")) else { continue };
        let Some(role) = ROLES.iter().find(|(iri, _)| *iri == text(p)).map(|(_, r)| *r) else { continue };
        let x = text(x);
        if actors.contains_key(&x) || places.contains_key(&x) {
            roles.insert((text(e), role.to_owned(), x));
        }
    }
    // readable labels for meetings and sanctions: who and when
    let mut who: HashMap<String, Vec<String>> = HashMap::new();
    for (e, role, x) in &roles {
        if role != "place" && role != "host" {
            if let Some(a) = actors.get(x) {
                who.entry(e.clone()).or_default().push(a.label.clone());
            }
        }
    }
    for (iri, n) in events.iter_mut() {
        if n.kind != "Pact" {
            let mut names = who.get(iri).cloned().unwrap_or_default();
            names.sort();
            names.dedup();
            let date = n.attrs.get("date").map(|d| format!(" ({d})")).unwrap_or_default();
            n.label = format!("{}: {}{date}", n.kind, names.join(" – "));
        }
    }
    Ok(Facts { actors, places, events, roles })
}

/// Projects the store into a graph; with `selection`, keeps only those nodes (and the edges
/// between them).
///
/// # Errors
/// A failed query on the store.
pub fn project(store: &EntenteStore, projection: Projection, selection: Option<&HashSet<String>>) -> Result<KnowledgeGraph, QueryError> {
    let f = facts(store)?;
    let keep = |iri: &str| selection.is_none_or(|s| s.contains(iri));
    let mut graph: Graph<Node, Edge> = Graph::new();
    let mut index: HashMap<String, NodeIndex> = HashMap::new();
    match projection {
        Projection::Events => {
            // actors' timeline: from their first dated event to their last
            let mut span: HashMap<&str, (String, String)> = HashMap::new();
            for (e, _, x) in &f.roles {
                if let Some(ev) = f.events.get(e) {
                    if let (Some(s), Some(en)) = (&ev.start, &ev.end) {
                        let entry = span.entry(x.as_str()).or_insert((s.clone(), en.clone()));
                        if s < &entry.0 {
                            entry.0 = s.clone();
                        }
                        if en > &entry.1 {
                            entry.1 = en.clone();
                        }
                    }
                }
            }
            for n in f.actors.values().chain(f.places.values()).chain(f.events.values()) {
                if keep(&n.iri) {
                    let mut n = n.clone();
                    if let Some((s, e)) = span.get(n.iri.as_str()) {
                        n.start.get_or_insert(s.clone());
                        n.end.get_or_insert(e.clone());
                    }
                    index.insert(n.iri.clone(), graph.add_node(n));
                }
            }
            for (e, role, x) in &f.roles {
                let (Some(&xi), Some(&ei)) = (index.get(x), index.get(e)) else { continue };
                let ev = &graph[ei];
                let (start, end) = (ev.start.clone(), ev.end.clone());
                graph.add_edge(xi, ei, Edge { id: format!("{x} {role} {e}"), role: role.clone(), weight: 1.0, start, end, events: vec![e.clone()] });
            }
            Ok(KnowledgeGraph { graph, directed: true })
        }
        Projection::Actors => {
            for n in f.actors.values() {
                if keep(&n.iri) {
                    index.insert(n.iri.clone(), graph.add_node(n.clone()));
                }
            }
            let mut by_event: BTreeMap<&str, BTreeSet<&str>> = BTreeMap::new();
            for (e, role, x) in &f.roles {
                let ev_kind = f.events.get(e).map(|n| n.kind.as_str());
                if matches!(ev_kind, Some("Meeting" | "Pact")) && role != "place" && f.actors.contains_key(x) {
                    by_event.entry(e.as_str()).or_default().insert(x.as_str());
                }
            }
            let mut pairs: BTreeMap<(&str, &str), (Vec<String>, Option<String>, Option<String>)> = BTreeMap::new();
            for (e, members) in &by_event {
                let ev = &f.events[*e];
                let members: Vec<&str> = members.iter().copied().collect();
                for (i, a) in members.iter().enumerate() {
                    for b in members.iter().skip(i + 1) {
                        let entry = pairs.entry((a, b)).or_insert((Vec::new(), None, None));
                        entry.0.push((*e).to_owned());
                        if let Some(s) = &ev.start {
                            if entry.1.as_ref().is_none_or(|x| s < x) {
                                entry.1 = Some(s.clone());
                            }
                        }
                        if let Some(en) = &ev.end {
                            if entry.2.as_ref().is_none_or(|x| en > x) {
                                entry.2 = Some(en.clone());
                            }
                        }
                    }
                }
            }
            for ((a, b), (events, start, end)) in pairs {
                let (Some(&ai), Some(&bi)) = (index.get(a), index.get(b)) else { continue };
                graph.add_edge(ai, bi, Edge {
                    id: format!("{a} {b}"),
                    role: "shared".into(),
                    weight: events.len() as f64,
                    start,
                    end,
                    events,
                });
            }
            Ok(KnowledgeGraph { graph, directed: false })
        }
    }
}

/// `g` in `format` as one string, for the formats that are one file (not CSV).
///
/// # Errors
/// [`ExportError::CsvNeedsDirectory`] for CSV, which is two files.
pub fn render(g: &KnowledgeGraph, format: GraphFormat) -> Result<String, ExportError> {
    Ok(match format {
        GraphFormat::GraphMl => graphml::write(g),
        GraphFormat::Gexf => gexf::write(g),
        GraphFormat::CytoscapeJson => cyjs::write(g),
        GraphFormat::Dot => dot::write(g),
        GraphFormat::D3 => d3::write(g),
        GraphFormat::Csv => return Err(ExportError::CsvNeedsDirectory),
    })
}

/// Writes `g` in `format` to `output` (standard output when `None`; a directory for CSV). Files
/// are written whole or not at all.
///
/// # Errors
/// An unwritable output.
pub fn write(g: &KnowledgeGraph, format: GraphFormat, output: Option<&Path>) -> Result<(), ExportError> {
    let render = |f: fn(&KnowledgeGraph) -> String| f(g);
    let text = match format {
        GraphFormat::GraphMl => render(graphml::write),
        GraphFormat::Gexf => render(gexf::write),
        GraphFormat::CytoscapeJson => render(cyjs::write),
        GraphFormat::Dot => render(dot::write),
        GraphFormat::D3 => render(d3::write),
        GraphFormat::Csv => {
            let dir = output.ok_or(ExportError::CsvNeedsDirectory)?;
            std::fs::create_dir_all(dir).map_err(|source| ExportError::Io { path: dir.display().to_string(), source })?;
            let (nodes, edges) = csv::write(g);
            write_whole(&dir.join("nodes.csv"), &nodes)?;
            return write_whole(&dir.join("edges.csv"), &edges);
        }
    };
    match output {
        Some(p) => write_whole(p, &text),
        None => {
            use std::io::Write;
            std::io::stdout().lock().write_all(text.as_bytes()).map_err(|source| ExportError::Io { path: "standard output".into(), source })
        }
    }
}

/// Writes a file through a temporary sibling and a rename.
pub fn write_whole(path: &Path, content: &str) -> Result<(), ExportError> {
    let tmp = path.with_extension("partial");
    let err = |source| ExportError::Io { path: path.display().to_string(), source };
    std::fs::write(&tmp, content).map_err(err)?;
    std::fs::rename(&tmp, path).map_err(|source| ExportError::Io { path: path.display().to_string(), source })
}

/// A node's attributes as JSON (`id`, `label`, the declared attributes, `start`/`end`), the
/// shape both Cytoscape.js and D3 read.
pub(crate) fn node_json(n: &Node) -> serde_json::Map<String, serde_json::Value> {
    use serde_json::json;
    let mut d = serde_json::Map::new();
    d.insert("id".into(), json!(n.iri));
    d.insert("label".into(), json!(n.label));
    for a in NODE_ATTRS {
        if let Some(v) = n.attr(a) {
            d.insert((*a).into(), json!(v));
        }
    }
    for (k, v) in [("start", &n.start), ("end", &n.end)] {
        if let Some(v) = v {
            d.insert(k.into(), json!(v));
        }
    }
    d
}

/// An edge's attributes as JSON (`id`, `source`, `target`, `label`, `weight`, the declared
/// attributes).
pub(crate) fn edge_json(g: &KnowledgeGraph, e: petgraph::graph::EdgeIndex) -> Option<serde_json::Map<String, serde_json::Value>> {
    use serde_json::json;
    let (s, t) = g.graph.edge_endpoints(e)?;
    let w = g.graph.edge_weight(e)?;
    let mut d = serde_json::Map::new();
    d.insert("id".into(), json!(w.id));
    d.insert("source".into(), json!(g.graph[s].iri));
    d.insert("target".into(), json!(g.graph[t].iri));
    d.insert("label".into(), json!(w.role));
    d.insert("weight".into(), json!(w.weight));
    for a in EDGE_ATTRS {
        if let Some(v) = w.attr(a) {
            d.insert((*a).into(), json!(v));
        }
    }
    Some(d)
}

/// Escapes text for XML attribute values and content: line breaks and tabs become spaces, and
/// the characters XML 1.0 cannot hold (other C0 controls, U+FFFE, U+FFFF) are dropped.
pub(crate) fn xml_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\n' | '\r' | '\t' => out.push(' '),
            c if (c as u32) < 0x20 => {}
            '\u{FFFE}' | '\u{FFFF}' => {}
            c => out.push(c),
        }
    }
    out
}

/// The display color of a node kind (RGB), shared by the formats that carry colors.
pub(crate) fn color(kind: &str) -> (u8, u8, u8) {
    match kind {
        "Person" => (66, 133, 244),
        "Country" => (219, 68, 55),
        "Organization" => (244, 180, 0),
        "Place" => (15, 157, 88),
        "Meeting" => (171, 71, 188),
        "Pact" => (0, 172, 193),
        "Sanction" => (255, 112, 67),
        _ => (128, 128, 128),
    }
}

#[cfg(test)]
mod tests {
    use super::{day_range, xml_escape};

    /// Found by the export property tests: U+FFFE in a label made GraphML and GEXF that no XML
    /// parser reads.
    #[test]
    fn xml_escape_drops_what_xml_cannot_hold() {
        assert_eq!(xml_escape("a\u{1}\u{FFFE}b\u{FFFF}\n<\u{1F30D}"), "ab &lt;\u{1F30D}");
    }

    #[test]
    fn day_ranges() {
        assert_eq!(day_range("2022-06-11"), Some(("2022-06-11".into(), "2022-06-11".into())));
        assert_eq!(day_range("2024-02"), Some(("2024-02-01".into(), "2024-02-29".into())));
        assert_eq!(day_range("2021"), Some(("2021-01-01".into(), "2021-12-31".into())));
        assert_eq!(day_range("soon"), None);
    }
}
