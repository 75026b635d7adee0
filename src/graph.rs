//! Documents, entities and claims as one petgraph graph, and the claims
//! grouped by subject key so rules compare only claims that can disagree.

use std::collections::BTreeMap;

use petgraph::graph::{DiGraph, NodeIndex};

use crate::claims::{Claim, ClaimValue};

#[derive(Debug, Clone, PartialEq)]
pub enum Node {
    Document(usize),
    Entity(String),
    Claim(usize),
}

pub struct ClaimGraph {
    pub graph: DiGraph<Node, &'static str>,
    /// Claims by (predicate, subject, label, unit): one pass over the claims.
    pub groups: BTreeMap<String, Vec<usize>>,
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

impl ClaimGraph {
    pub fn build(doc_count: usize, claims: &[Claim]) -> Self {
        let mut graph = DiGraph::new();
        let docs: Vec<NodeIndex> = (0..doc_count)
            .map(|d| graph.add_node(Node::Document(d)))
            .collect();
        let mut entities: BTreeMap<&str, NodeIndex> = BTreeMap::new();
        let mut groups: BTreeMap<String, Vec<usize>> = BTreeMap::new();
        for (i, c) in claims.iter().enumerate() {
            let n = graph.add_node(Node::Claim(i));
            graph.add_edge(docs[c.evidence.doc], n, "states");
            for s in &c.subject {
                let e = *entities
                    .entry(s.as_str())
                    .or_insert_with(|| graph.add_node(Node::Entity(s.clone())));
                graph.add_edge(n, e, "about");
            }
            groups.entry(subject_key(c, true)).or_default().push(i);
        }
        ClaimGraph { graph, groups }
    }

    /// Claims about one subject whatever their label (for label conflicts).
    pub fn groups_without_label(&self, claims: &[Claim]) -> BTreeMap<String, Vec<usize>> {
        let mut out: BTreeMap<String, Vec<usize>> = BTreeMap::new();
        for ids in self.groups.values() {
            for &i in ids {
                out.entry(subject_key(&claims[i], false))
                    .or_default()
                    .push(i);
            }
        }
        out
    }
}
