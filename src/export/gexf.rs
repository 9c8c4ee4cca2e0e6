//! GEXF 1.3 for Gephi, dynamic: nodes and edges carry `start`/`end` dates so Gephi's timeline
//! plays meetings and pacts over time. Colors as `viz:color r g b` (what networkx reads). No
//! `xsi:schemaLocation`: the official RELAX NG schema rejects it.

use std::fmt::Write;

use super::{color, xml_escape, KnowledgeGraph, EDGE_ATTRS, NODE_ATTRS};

fn times(start: &Option<String>, end: &Option<String>) -> String {
    let mut s = String::new();
    if let Some(v) = start {
        let _ = write!(s, " start=\"{}\"", xml_escape(v));
    }
    if let Some(v) = end {
        let _ = write!(s, " end=\"{}\"", xml_escape(v));
    }
    s
}

pub(super) fn write(g: &KnowledgeGraph) -> String {
    let mut out = String::new();
    out.push_str("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    out.push_str("<gexf xmlns=\"http://gexf.net/1.3\" xmlns:viz=\"http://gexf.net/1.3/viz\" version=\"1.3\">\n");
    out.push_str("  <meta>\n    <creator>Entente</creator>\n    <description>Meetings, pacts and sanctions between actors, from news</description>\n  </meta>\n");
    let _ = writeln!(
        out,
        "  <graph mode=\"dynamic\" timeformat=\"date\" defaultedgetype=\"{}\">",
        if g.directed { "directed" } else { "undirected" }
    );
    out.push_str("    <attributes class=\"node\">\n");
    for (i, a) in NODE_ATTRS.iter().enumerate() {
        let _ = writeln!(out, "      <attribute id=\"{i}\" title=\"{a}\" type=\"string\"/>");
    }
    out.push_str("    </attributes>\n    <attributes class=\"edge\">\n");
    for (i, a) in EDGE_ATTRS.iter().enumerate() {
        let _ = writeln!(out, "      <attribute id=\"{i}\" title=\"{a}\" type=\"string\"/>");
    }
    out.push_str("    </attributes>\n");
    let _ = writeln!(out, "    <nodes count=\"{}\">", g.graph.node_count());
    for n in g.graph.node_weights() {
        let _ = writeln!(out, "      <node id=\"{}\" label=\"{}\"{}>", xml_escape(&n.iri), xml_escape(&n.label), times(&n.start, &n.end));
        out.push_str("        <attvalues>\n");
        for (i, a) in NODE_ATTRS.iter().enumerate() {
            if let Some(v) = n.attr(a) {
                let _ = writeln!(out, "          <attvalue for=\"{i}\" value=\"{}\"/>", xml_escape(v));
            }
        }
        out.push_str("        </attvalues>\n");
        let (r, gr, b) = color(&n.kind);
        let _ = writeln!(out, "        <viz:color r=\"{r}\" g=\"{gr}\" b=\"{b}\"/>");
        let size = match n.kind.as_str() {
            "Person" | "Country" | "Organization" => 12.0,
            _ => 6.0,
        };
        let _ = writeln!(out, "        <viz:size value=\"{size}\"/>");
        out.push_str("      </node>\n");
    }
    out.push_str("    </nodes>\n");
    let _ = writeln!(out, "    <edges count=\"{}\">", g.graph.edge_count());
    for e in g.graph.edge_indices() {
        let (Some((s, t)), Some(w)) = (g.graph.edge_endpoints(e), g.graph.edge_weight(e)) else { continue };
        let _ = writeln!(
            out,
            "      <edge id=\"{}\" source=\"{}\" target=\"{}\" label=\"{}\" weight=\"{}\"{}>",
            xml_escape(&w.id),
            xml_escape(&g.graph[s].iri),
            xml_escape(&g.graph[t].iri),
            xml_escape(&w.role),
            w.weight,
            times(&w.start, &w.end)
        );
        out.push_str("        <attvalues>\n");
        for (i, a) in EDGE_ATTRS.iter().enumerate() {
            if let Some(v) = w.attr(a) {
                let _ = writeln!(out, "          <attvalue for=\"{i}\" value=\"{}\"/>", xml_escape(&v));
            }
        }
        out.push_str("        </attvalues>\n      </edge>\n");
    }
    out.push_str("    </edges>\n  </graph>\n</gexf>\n");
    out
}
