//! Graphviz DOT: every id quoted, colors by kind, edge labels by role.

use std::fmt::Write;

use super::{color, KnowledgeGraph};

fn quote(s: &str) -> String {
    let mut out = String::from("\"");
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' | '\r' => out.push(' '),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// Above this many nodes the file asks for `sfdp` (multilevel, near-linear) instead of `fdp`.
const SFDP_ABOVE: usize = 300;

/// The layout engine is named in the file (`layout=`), so `dot -Tsvg` (whose own hierarchical
/// layout draws role edges from actors to events as one long strip) draws the same legible,
/// force-directed picture as any other Graphviz command.
pub(super) fn write(g: &KnowledgeGraph) -> String {
    let (kw, arrow) = if g.directed { ("digraph", "->") } else { ("graph", "--") };
    let layout = if g.graph.node_count() > SFDP_ABOVE { "sfdp" } else { "fdp" };
    let mut out = format!(
        "{kw} entente {{\n  graph [layout={layout}, overlap=prism, splines=true, sep=\"+6\", outputorder=edgesfirst, fontname=\"Helvetica\"];\n  \
         node [style=filled, fontname=\"Helvetica\", fontsize=10];\n  edge [fontname=\"Helvetica\", fontsize=8, color=\"#78909c\", fontcolor=\"#546e7a\"];\n"
    );
    for n in g.graph.node_weights() {
        let (r, gr, b) = color(&n.kind);
        let shape = match n.kind.as_str() {
            "Person" => "ellipse",
            "Country" => "doubleoctagon",
            "Organization" => "box",
            "Place" => "house",
            // events: a rounded box stays as narrow as its label (a diamond doubles it)
            _ => "box",
        };
        let style = if shape == "box" && n.kind != "Organization" { ", style=\"rounded,filled\"" } else { "" };
        let _ = writeln!(
            out,
            "  {} [label={}, kind={}, shape={shape}{style}, fillcolor=\"#{r:02x}{gr:02x}{b:02x}\"{}];",
            quote(&n.iri),
            quote(&n.label),
            quote(&n.kind),
            n.attrs.get("date").map(|d| format!(", date={}", quote(d))).unwrap_or_default()
        );
    }
    for e in g.graph.edge_indices() {
        let (Some((s, t)), Some(w)) = (g.graph.edge_endpoints(e), g.graph.edge_weight(e)) else { continue };
        let _ = writeln!(
            out,
            "  {} {arrow} {} [id={}, label={}, weight={}];",
            quote(&g.graph[s].iri),
            quote(&g.graph[t].iri),
            quote(&w.id),
            quote(&w.role),
            w.weight.max(1.0).round() as i64
        );
    }
    out.push_str("}\n");
    out
}
