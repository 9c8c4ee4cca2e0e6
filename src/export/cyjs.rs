//! Cytoscape.js elements JSON (also read by Cytoscape desktop): `elements.nodes[].data` and
//! `elements.edges[].data` with `id`, `source`, `target`.

use serde_json::{json, Value};

use super::{edge_json, node_json, KnowledgeGraph};

pub(super) fn write(g: &KnowledgeGraph) -> String {
    let nodes: Vec<Value> =
        g.graph.node_weights().map(|n| json!({ "data": node_json(n), "classes": n.kind.to_lowercase() })).collect();
    let edges: Vec<Value> = g.graph.edge_indices().filter_map(|e| edge_json(g, e)).map(|d| json!({ "data": d })).collect();
    let doc = json!({
        "data": { "name": "entente", "directed": g.directed },
        "elements": { "nodes": nodes, "edges": edges }
    });
    serde_json::to_string_pretty(&doc).unwrap_or_default() + "\n"
}
