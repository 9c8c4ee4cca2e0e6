//! GraphML 1.0 (yEd, Gephi, networkx, igraph): keys declared before the graph, typed with the
//! types the XSD allows (string, double).

use std::fmt::Write;

use super::{xml_escape, KnowledgeGraph, EDGE_ATTRS, NODE_ATTRS};

/// GraphML ids are XML NMTOKENs, which IRIs are not ('/', '#'): every other character is
/// written `_xHHHH_` (as XML name escaping does), so ids stay unique and reversible; the IRI
/// itself is the node's `iri` attribute.
fn nmtoken(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | ':') {
            out.push(c);
        } else {
            out.push_str(&format!("_x{:04X}_", c as u32));
        }
    }
    out
}

pub(super) fn write(g: &KnowledgeGraph) -> String {
    let mut out = String::new();
    out.push_str("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\">\n");
    out.push_str("  <key id=\"label\" for=\"node\" attr.name=\"label\" attr.type=\"string\"/>\n");
    out.push_str("  <key id=\"iri\" for=\"node\" attr.name=\"iri\" attr.type=\"string\"/>\n");
    for a in NODE_ATTRS {
        let _ = writeln!(out, "  <key id=\"n_{a}\" for=\"node\" attr.name=\"{a}\" attr.type=\"string\"/>");
    }
    out.push_str("  <key id=\"n_start\" for=\"node\" attr.name=\"start\" attr.type=\"string\"/>\n");
    out.push_str("  <key id=\"n_end\" for=\"node\" attr.name=\"end\" attr.type=\"string\"/>\n");
    out.push_str("  <key id=\"e_label\" for=\"edge\" attr.name=\"label\" attr.type=\"string\"/>\n");
    for a in EDGE_ATTRS {
        let _ = writeln!(out, "  <key id=\"e_{a}\" for=\"edge\" attr.name=\"{a}\" attr.type=\"string\"/>");
    }
    out.push_str("  <key id=\"e_weight\" for=\"edge\" attr.name=\"weight\" attr.type=\"double\"/>\n");
    let _ = writeln!(out, "  <graph id=\"entente\" edgedefault=\"{}\">", if g.directed { "directed" } else { "undirected" });
    for n in g.graph.node_weights() {
        let _ = writeln!(out, "    <node id=\"{}\">", nmtoken(&n.iri));
        let _ = writeln!(out, "      <data key=\"label\">{}</data>", xml_escape(&n.label));
        let _ = writeln!(out, "      <data key=\"iri\">{}</data>", xml_escape(&n.iri));
        for a in NODE_ATTRS {
            if let Some(v) = n.attr(a) {
                let _ = writeln!(out, "      <data key=\"n_{a}\">{}</data>", xml_escape(v));
            }
        }
        for (k, v) in [("start", &n.start), ("end", &n.end)] {
            if let Some(v) = v {
                let _ = writeln!(out, "      <data key=\"n_{k}\">{}</data>", xml_escape(v));
            }
        }
        out.push_str("    </node>\n");
    }
    for e in g.graph.edge_indices() {
        let (Some((s, t)), Some(w)) = (g.graph.edge_endpoints(e), g.graph.edge_weight(e)) else { continue };
        let _ = writeln!(
            out,
            "    <edge id=\"{}\" source=\"{}\" target=\"{}\">",
            nmtoken(&w.id),
            nmtoken(&g.graph[s].iri),
            nmtoken(&g.graph[t].iri)
        );
        let _ = writeln!(out, "      <data key=\"e_label\">{}</data>", xml_escape(&w.role));
        for a in EDGE_ATTRS {
            if let Some(v) = w.attr(a) {
                let _ = writeln!(out, "      <data key=\"e_{a}\">{}</data>", xml_escape(&v));
            }
        }
        let _ = writeln!(out, "      <data key=\"e_weight\">{}</data>", w.weight);
        out.push_str("    </edge>\n");
    }
    out.push_str("  </graph>\n</graphml>\n");
    out
}
