//! Graph analytics on the actor projection (degree, weighted degree, PageRank, betweenness,
//! connected components) and the shortest chain of events between two actors.

use std::collections::{HashMap, HashSet, VecDeque};

use petgraph::graph::NodeIndex;
use petgraph::visit::EdgeRef;

use crate::export::{KnowledgeGraph, Node};
use crate::resolve::fold;

/// The measures of one actor.
#[derive(Debug, Clone, serde::Serialize)]
pub struct ActorMeasures {
    /// The actor's IRI.
    pub iri: String,
    /// Its label.
    pub label: String,
    /// Person, Country or Organization.
    pub kind: String,
    /// Number of distinct actors it shares an event with.
    pub degree: usize,
    /// Number of shared events, summed over its neighbours.
    pub weighted_degree: f64,
    /// PageRank on the weighted, undirected actor graph (damping 0.85).
    pub pagerank: f64,
    /// Betweenness centrality (Brandes, unweighted, undirected, not normalized).
    pub betweenness: f64,
    /// Index of its connected component (0 = the largest).
    pub component: usize,
}

/// Computes every measure for every actor of an actor projection, sorted by PageRank.
///
/// # Complexity
/// PageRank: O(iterations × edges); betweenness: O(nodes × edges).
pub fn measures(g: &KnowledgeGraph) -> Vec<ActorMeasures> {
    let graph = &g.graph;
    let n = graph.node_count();
    let nodes: Vec<NodeIndex> = graph.node_indices().collect();
    let pos: HashMap<NodeIndex, usize> = nodes.iter().enumerate().map(|(i, n)| (*n, i)).collect();
    let mut neighbours: Vec<Vec<(usize, f64)>> = vec![Vec::new(); n];
    for e in graph.edge_references() {
        let (a, b, w) = (pos[&e.source()], pos[&e.target()], e.weight().weight);
        if a != b {
            neighbours[a].push((b, w));
            neighbours[b].push((a, w));
        }
    }
    // PageRank, weighted; dangling nodes spread their rank evenly
    let d = 0.85;
    let mut rank = vec![if n > 0 { 1.0 / n as f64 } else { 0.0 }; n];
    let strength: Vec<f64> = neighbours.iter().map(|v| v.iter().map(|(_, w)| w).sum::<f64>() + 0.0).collect();
    for _ in 0..100 {
        let dangling: f64 = (0..n).filter(|&i| strength[i] == 0.0).map(|i| rank[i]).sum();
        let mut next = vec![(1.0 - d) / n as f64 + d * dangling / n as f64; n];
        for i in 0..n {
            if strength[i] > 0.0 {
                for &(j, w) in &neighbours[i] {
                    next[j] += d * rank[i] * w / strength[i];
                }
            }
        }
        let delta: f64 = next.iter().zip(&rank).map(|(a, b)| (a - b).abs()).sum();
        rank = next;
        if delta < 1e-10 {
            break;
        }
    }
    // Betweenness (Brandes), each unordered pair counted once
    let mut between = vec![0.0; n];
    for s in 0..n {
        let mut stack = Vec::new();
        let mut preds: Vec<Vec<usize>> = vec![Vec::new(); n];
        let mut sigma = vec![0.0; n];
        let mut dist = vec![-1i64; n];
        sigma[s] = 1.0;
        dist[s] = 0;
        let mut queue = VecDeque::from([s]);
        while let Some(v) = queue.pop_front() {
            stack.push(v);
            let mut seen = HashSet::new();
            for &(w, _) in &neighbours[v] {
                if !seen.insert(w) {
                    continue;
                }
                if dist[w] < 0 {
                    dist[w] = dist[v] + 1;
                    queue.push_back(w);
                }
                if dist[w] == dist[v] + 1 {
                    sigma[w] += sigma[v];
                    preds[w].push(v);
                }
            }
        }
        let mut delta = vec![0.0; n];
        while let Some(w) = stack.pop() {
            for &v in &preds[w] {
                delta[v] += sigma[v] / sigma[w] * (1.0 + delta[w]);
            }
            if w != s {
                between[w] += delta[w];
            }
        }
    }
    for b in &mut between {
        *b /= 2.0;
    }
    // Components, largest first
    let mut comp = vec![usize::MAX; n];
    let mut sizes = Vec::new();
    for s in 0..n {
        if comp[s] != usize::MAX {
            continue;
        }
        let id = sizes.len();
        let mut size = 0;
        let mut queue = VecDeque::from([s]);
        comp[s] = id;
        while let Some(v) = queue.pop_front() {
            size += 1;
            for &(w, _) in &neighbours[v] {
                if comp[w] == usize::MAX {
                    comp[w] = id;
                    queue.push_back(w);
                }
            }
        }
        sizes.push((size, id));
    }
    sizes.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
    let renumber: HashMap<usize, usize> = sizes.iter().enumerate().map(|(new, (_, old))| (*old, new)).collect();
    let mut out: Vec<ActorMeasures> = nodes
        .iter()
        .enumerate()
        .map(|(i, &ni)| {
            let node = &graph[ni];
            let distinct: HashSet<usize> = neighbours[i].iter().map(|(j, _)| *j).collect();
            ActorMeasures {
                iri: node.iri.clone(),
                label: node.label.clone(),
                kind: node.kind.clone(),
                degree: distinct.len(),
                weighted_degree: strength[i],
                pagerank: rank[i],
                betweenness: between[i],
                component: renumber.get(&comp[i]).copied().unwrap_or(0),
            }
        })
        .collect();
    out.sort_by(|a, b| b.pagerank.total_cmp(&a.pagerank).then(a.label.cmp(&b.label)));
    out
}

/// The actor nodes a name designates: those whose label or other name is `name` (accents,
/// case and punctuation aside), else those whose name contains all of its words
/// ("Felix Plasencia" for "Felix Plasencia Gonzalez").
pub fn find_actor<'g>(g: &'g KnowledgeGraph, names: &HashMap<String, Vec<String>>, name: &str) -> Vec<&'g Node> {
    let wanted = fold(name);
    let actors = || g.graph.node_weights().filter(|n| matches!(n.kind.as_str(), "Person" | "Country" | "Organization"));
    let all_names = |n: &'g Node| std::iter::once(n.label.clone()).chain(names.get(&n.iri).cloned().unwrap_or_default());
    let exact: Vec<&Node> = actors().filter(|n| all_names(n).any(|x| fold(&x) == wanted)).collect();
    if !exact.is_empty() {
        return exact;
    }
    let words: Vec<&str> = wanted.split('-').filter(|w| !w.is_empty()).collect();
    actors()
        .filter(|n| {
            all_names(n).any(|x| {
                let f = fold(&x);
                let have: HashSet<&str> = f.split('-').collect();
                !words.is_empty() && words.iter().all(|w| have.contains(w))
            })
        })
        .collect()
}

/// The shortest chain actor → event → actor → … from `from` to `to` in an events projection,
/// as node indices (actors and events alternate), or `None` when they are not connected.
pub fn shortest_path(g: &KnowledgeGraph, from: &str, to: &str) -> Option<Vec<NodeIndex>> {
    let graph = &g.graph;
    let start = graph.node_indices().find(|&i| graph[i].iri == from)?;
    let goal = graph.node_indices().find(|&i| graph[i].iri == to)?;
    let passable = |i: NodeIndex| graph[i].kind != "Place";
    let mut prev: HashMap<NodeIndex, NodeIndex> = HashMap::new();
    let mut queue = VecDeque::from([start]);
    let mut seen = HashSet::from([start]);
    while let Some(v) = queue.pop_front() {
        if v == goal {
            let mut path = vec![goal];
            let mut cur = goal;
            while let Some(&p) = prev.get(&cur) {
                path.push(p);
                cur = p;
            }
            path.reverse();
            return Some(path);
        }
        let mut next: Vec<NodeIndex> = graph.neighbors_undirected(v).filter(|&w| passable(w)).collect();
        next.sort_by(|a, b| graph[*a].iri.cmp(&graph[*b].iri));
        for w in next {
            if seen.insert(w) {
                prev.insert(w, v);
                queue.push_back(w);
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::export::Edge;
    use petgraph::graph::Graph;
    use std::collections::BTreeMap;

    fn node(name: &str) -> Node {
        Node { iri: name.into(), label: name.into(), kind: "Person".into(), country: None, attrs: BTreeMap::new(), start: None, end: None }
    }

    fn edge(w: f64) -> Edge {
        Edge { id: String::new(), role: "shared".into(), weight: w, start: None, end: None, events: vec![] }
    }

    #[test]
    fn a_star_centre_has_all_the_betweenness() {
        // a path b - a - c and a lone d
        let mut g = Graph::new();
        let a = g.add_node(node("a"));
        let b = g.add_node(node("b"));
        let c = g.add_node(node("c"));
        g.add_node(node("d"));
        g.add_edge(a, b, edge(2.0));
        g.add_edge(a, c, edge(1.0));
        let m = measures(&KnowledgeGraph { graph: g, directed: false });
        let get = |n: &str| m.iter().find(|x| x.label == n).unwrap();
        assert_eq!(get("a").degree, 2);
        assert_eq!(get("a").weighted_degree, 3.0);
        assert_eq!(get("a").betweenness, 1.0);
        assert_eq!(get("b").betweenness, 0.0);
        assert_eq!(m[0].label, "a", "the centre ranks first");
        assert_eq!(get("a").component, 0);
        assert_eq!(get("d").component, 1);
        let total: f64 = m.iter().map(|x| x.pagerank).sum();
        assert!((total - 1.0).abs() < 1e-9);
    }
}
