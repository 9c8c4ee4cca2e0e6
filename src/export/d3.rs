//! D3 node-link JSON (`nodes`, `links` with `source`/`target` ids), which
//! `networkx.node_link_graph(data, edges="links")` also reads.

use serde_json::{json, Value};

use super::{edge_json, node_json, KnowledgeGraph};

pub(super) fn write(g: &KnowledgeGraph) -> String {
    let nodes: Vec<Value> = g.graph.node_weights().map(|n| Value::Object(node_json(n))).collect();
    let links: Vec<Value> = g.graph.edge_indices().filter_map(|e| edge_json(g, e)).map(Value::Object).collect();
    // the events projection may link an actor twice to one event (participant and host)
    let doc = json!({ "directed": g.directed, "multigraph": g.directed, "graph": { "name": "entente" }, "nodes": nodes, "links": links });
    serde_json::to_string_pretty(&doc).unwrap_or_default() + "\n"
}
