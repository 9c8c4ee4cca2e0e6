//! D3 node-link JSON (`nodes`, `links` with `source`/`target` ids), which
//! `networkx.node_link_graph(data, edges="links")` also reads.

use serde_json::{json, Map, Value};

use super::{KnowledgeGraph, EDGE_ATTRS, NODE_ATTRS};

pub(super) fn write(g: &KnowledgeGraph) -> String {
    let nodes: Vec<Value> = g
        .graph
        .node_weights()
        .map(|n| {
            let mut d = Map::new();
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
            Value::Object(d)
        })
        .collect();
    let links: Vec<Value> = g
        .graph
        .edge_indices()
        .filter_map(|e| {
            let (s, t) = g.graph.edge_endpoints(e)?;
            let w = g.graph.edge_weight(e)?;
            let mut d = Map::new();
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
            Some(Value::Object(d))
        })
        .collect();
    // the events projection may link an actor twice to one event (participant and host)
    let doc = json!({ "directed": g.directed, "multigraph": g.directed, "graph": { "name": "entente" }, "nodes": nodes, "links": links });
    serde_json::to_string_pretty(&doc).unwrap_or_default() + "\n"
}
