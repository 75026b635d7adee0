//! Links claims that can disagree. A petgraph graph holds the holders, the
//! measures and the claims, each claim joined to the holder it is about
//! and the measure it states; the rules walk it by key (holder, measure,
//! label, unit), so they compare claims within a key and never all pairs
//! of a corpus.

use std::collections::BTreeMap;

use petgraph::stable_graph::{NodeIndex, StableGraph};
use petgraph::visit::EdgeRef;
use petgraph::Direction;
use rayon::prelude::*;

use crate::claims::{Claim, ClaimValue};

/// A node of the claim graph.
#[derive(Debug, Clone, PartialEq)]
pub enum Node {
    /// Who claims are about (one party, or two for a relation).
    Holder(String),
    /// What they state, canonical ("net profit", "revenue per unit").
    Measure(String),
    /// A claim, by its index in the corpus's claims.
    Claim(usize),
}

/// How a claim is joined to its holder and its measure.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Edge {
    About,
    States,
}

/// The claim graph and, walked from it, the claims of each key.
pub struct ClaimGroups {
    pub graph: StableGraph<Node, Edge>,
    /// Each claim's node, by claim index.
    nodes: Vec<NodeIndex>,
    /// Claims by key "measure|holder|label|unit", in claim order.
    pub groups: BTreeMap<String, Vec<usize>>,
    /// Claims by key "measure|holder||unit", whatever their label, in claim
    /// order (what label conflicts compare): made once with the groups,
    /// not again by each check that reads them.
    pub unlabelled: BTreeMap<String, Vec<usize>>,
}

/// The key claims about the same thing share, whatever their values.
pub fn subject_key(c: &Claim, with_label: bool) -> String {
    let unit = match &c.value {
        ClaimValue::Number { unit, .. } => unit.as_str(),
        _ => "",
    };
    let label = if with_label {
        c.label.as_deref().unwrap_or("")
    } else {
        ""
    };
    format!("{}|{}|{}|{}", c.predicate, c.subject.join("+"), label, unit)
}

/// What claims about one holder and measure share, whatever their label
/// and unit: the claims `siblings` walks to, and the key an archive looks
/// claims up by (every key group of a claim is inside it).
pub fn holder_measure_key(c: &Claim) -> String {
    format!("{}|{}", c.predicate, c.subject.join("+"))
}

impl ClaimGroups {
    /// Builds the graph in one pass over the claims, then walks it: for
    /// each holder, its claims, split by measure, label and unit.
    pub fn build(claims: &[Claim]) -> Self {
        // Each claim's holder and its two keys, made in parallel: the
        // string formatting is most of the cost of building the groups.
        let mut keys: Vec<(String, String, String)> = claims
            .par_iter()
            .map(|c| {
                (
                    c.subject.join("+"),
                    subject_key(c, true),
                    subject_key(c, false),
                )
            })
            .collect();
        let mut graph: StableGraph<Node, Edge> = StableGraph::new();
        let mut holders: BTreeMap<String, NodeIndex> = BTreeMap::new();
        let mut measures: BTreeMap<String, NodeIndex> = BTreeMap::new();
        let mut nodes = Vec::with_capacity(claims.len());
        for (i, c) in claims.iter().enumerate() {
            let claim = graph.add_node(Node::Claim(i));
            nodes.push(claim);
            let holder = &keys[i].0;
            let h = match holders.get(holder) {
                Some(&h) => h,
                None => {
                    let h = graph.add_node(Node::Holder(holder.clone()));
                    holders.insert(holder.clone(), h);
                    h
                }
            };
            let m = match measures.get(&c.predicate) {
                Some(&m) => m,
                None => {
                    let m = graph.add_node(Node::Measure(c.predicate.clone()));
                    measures.insert(c.predicate.clone(), m);
                    m
                }
            };
            graph.add_edge(claim, h, Edge::About);
            graph.add_edge(claim, m, Edge::States);
        }
        let mut groups: BTreeMap<String, Vec<usize>> = BTreeMap::new();
        let mut unlabelled: BTreeMap<String, Vec<usize>> = BTreeMap::new();
        for &h in holders.values() {
            for e in graph.edges_directed(h, Direction::Incoming) {
                if let Node::Claim(i) = graph[e.source()] {
                    // Each claim is reached once: its keys move into the maps.
                    let (_, labelled, unlabelled_key) = &mut keys[i];
                    groups.entry(std::mem::take(labelled)).or_default().push(i);
                    unlabelled
                        .entry(std::mem::take(unlabelled_key))
                        .or_default()
                        .push(i);
                }
            }
        }
        for ids in groups.values_mut().chain(unlabelled.values_mut()) {
            ids.sort_unstable();
        }
        ClaimGroups {
            graph,
            nodes,
            groups,
            unlabelled,
        }
    }

    /// The node a claim is joined to by an edge of this kind.
    fn target(&self, claim: NodeIndex, kind: Edge) -> Option<NodeIndex> {
        self.graph
            .edges_directed(claim, Direction::Outgoing)
            .find(|e| *e.weight() == kind)
            .map(|e| e.target())
    }

    /// The claims about the same holder and measure as claim `i` (itself
    /// included), walked from its holder node, in claim order.
    pub fn siblings(&self, i: usize) -> Vec<usize> {
        let Some(&node) = self.nodes.get(i) else {
            return Vec::new();
        };
        let (Some(holder), Some(measure)) = (
            self.target(node, Edge::About),
            self.target(node, Edge::States),
        ) else {
            return Vec::new();
        };
        let mut out: Vec<usize> = self
            .graph
            .edges_directed(holder, Direction::Incoming)
            .filter_map(|e| match self.graph[e.source()] {
                Node::Claim(j) if self.target(e.source(), Edge::States) == Some(measure) => Some(j),
                _ => None,
            })
            .collect();
        out.sort_unstable();
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn walking_the_graph_groups_claims_by_key() {
        // Two claims of one holder and measure, one of another holder.
        let mk = |holder: &str, measure: &str| crate::claims::test_claim(holder, measure, 1.0);
        let claims = vec![
            mk("Acme", "revenue"),
            mk("Birch", "revenue"),
            mk("Acme", "revenue"),
        ];
        let g = ClaimGroups::build(&claims);
        assert_eq!(g.groups.get("revenue|Acme||USD"), Some(&vec![0, 2]));
        assert_eq!(g.groups.get("revenue|Birch||USD"), Some(&vec![1]));
        assert_eq!(g.siblings(2), vec![0, 2]);
        assert_eq!(g.siblings(1), vec![1]);
        // Three claims, two holders, one measure; each claim has two edges.
        assert_eq!(g.graph.node_count(), 6);
        assert_eq!(g.graph.edge_count(), 6);
    }
}
