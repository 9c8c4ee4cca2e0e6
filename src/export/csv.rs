//! Gephi spreadsheet CSV: `nodes.csv` (Id, Label, attributes, Time Interval) and `edges.csv`
//! (Source, Target, Type, Id, Label, Weight, attributes, Time Interval).

use super::{KnowledgeGraph, NODE_ATTRS};

fn field(s: &str) -> String {
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_owned()
    }
}

fn interval(start: &Option<String>, end: &Option<String>) -> String {
    match (start, end) {
        (Some(s), Some(e)) => format!("<[{s}, {e}]>"),
        (Some(s), None) => format!("<[{s}, {s}]>"),
        _ => String::new(),
    }
}

pub(super) fn write(g: &KnowledgeGraph) -> (String, String) {
    let mut nodes = String::from("Id,Label");
    for a in NODE_ATTRS {
        nodes.push(',');
        nodes.push_str(a);
    }
    nodes.push_str(",Time Interval\n");
    for n in g.graph.node_weights() {
        let mut row = vec![field(&n.iri), field(&n.label)];
        for a in NODE_ATTRS {
            row.push(field(n.attr(a).unwrap_or("")));
        }
        row.push(field(&interval(&n.start, &n.end)));
        nodes.push_str(&row.join(","));
        nodes.push('\n');
    }
    let mut edges = String::from("Source,Target,Type,Id,Label,Weight,events,Time Interval\n");
    let kind = if g.directed { "Directed" } else { "Undirected" };
    for e in g.graph.edge_indices() {
        let (Some((s, t)), Some(w)) = (g.graph.edge_endpoints(e), g.graph.edge_weight(e)) else { continue };
        let row = [
            field(&g.graph[s].iri),
            field(&g.graph[t].iri),
            kind.to_owned(),
            field(&w.id),
            field(&w.role),
            w.weight.to_string(),
            field(&w.events.join(" ")),
            field(&interval(&w.start, &w.end)),
        ];
        edges.push_str(&row.join(","));
        edges.push('\n');
    }
    (nodes, edges)
}
