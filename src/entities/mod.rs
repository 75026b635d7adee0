//! Who and what an article is about: countries, organizations, companies
//! and people, from the gazetteer in rules/entities and from names the text
//! itself introduces, with every mention located.

pub mod fold;
mod learned;

use std::collections::{BTreeMap, BTreeSet, HashMap};

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};
use serde::Serialize;

use crate::model::EntityKind;
use crate::rules::language::english;
use crate::rules::RuleData;
use crate::spans::SpanSet;
pub use learned::{Learner, Person};

/// How a mention names its entity.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, PartialOrd, Ord)]
#[serde(rename_all = "lowercase")]
pub enum Form {
    Name,
    Alias,
    Demonym,
    Capital,
    Acronym,
    Person,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Mention {
    pub entity: String,
    pub kind: EntityKind,
    pub form: Form,
    pub start: usize,
    pub end: usize,
    pub text: String,
    /// A capital after "in"/"at": a place, not the government acting.
    pub locative: bool,
}

/// An entity as one document knows it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DocEntity {
    pub name: String,
    pub kind: EntityKind,
    pub mentions: usize,
    /// The distinct ways the document writes it.
    pub forms: Vec<String>,
}

/// A document's mentions and people, each in text order. Neither list
/// holds two that overlap (`Gazetteer::find` keeps the first of two that
/// would), so ends rise with starts and a span's neighbours are found by
/// binary search: looking a name up costs the log of the document's length,
/// not its length.
#[derive(Debug, Clone, Default)]
pub struct DocEntities {
    pub mentions: Vec<Mention>,
    pub people: Vec<Person>,
    /// Every entity some mention names, to ask "does the text know it".
    named: BTreeSet<String>,
}

impl DocEntities {
    /// Entities with their mention counts, most mentioned first.
    pub fn summary(&self) -> Vec<DocEntity> {
        let mut by_name: BTreeMap<&str, DocEntity> = BTreeMap::new();
        for m in &self.mentions {
            let e = by_name.entry(&m.entity).or_insert_with(|| DocEntity {
                name: m.entity.clone(),
                kind: m.kind,
                mentions: 0,
                forms: Vec::new(),
            });
            e.mentions += 1;
            if !e.forms.contains(&m.text) {
                e.forms.push(m.text.clone());
            }
        }
        let mut list: Vec<DocEntity> = by_name.into_values().collect();
        for e in &mut list {
            e.forms.sort();
        }
        list.sort_by(|a, b| b.mentions.cmp(&a.mentions).then(a.name.cmp(&b.name)));
        list
    }

    /// The parties an article is about: the most mentioned countries,
    /// organizations and companies (people and regions excluded).
    pub fn main_parties(&self) -> Vec<String> {
        self.summary()
            .into_iter()
            .filter(|e| {
                matches!(
                    e.kind,
                    EntityKind::Country | EntityKind::Organization | EntityKind::Company
                )
            })
            .map(|e| e.name)
            .collect()
    }

    /// Mentions sharing a byte with the span, in text order.
    pub fn overlapping(&self, start: usize, end: usize) -> impl Iterator<Item = &Mention> {
        let first = self.mentions.partition_point(|m| m.end <= start);
        self.mentions[first..]
            .iter()
            .take_while(move |m| m.start < end)
    }

    /// Mentions the span lies wholly inside ("Port" of "Port of Kestrel Bay"):
    /// from the first that ends at or after its end, those that start at
    /// or before its start.
    pub fn covering(&self, start: usize, end: usize) -> impl Iterator<Item = &Mention> {
        let first = self.mentions.partition_point(|m| m.end < end);
        self.mentions[first..]
            .iter()
            .take_while(move |m| m.start <= start)
    }

    /// People sharing a byte with the span, in text order.
    pub fn people_overlapping(&self, start: usize, end: usize) -> impl Iterator<Item = &Person> {
        let first = self.people.partition_point(|p| p.end <= start);
        self.people[first..]
            .iter()
            .take_while(move |p| p.start < end)
    }

    /// Whether some mention in the text names this entity.
    pub fn names_entity(&self, entity: &str) -> bool {
        self.named.contains(entity)
    }

    /// Mentions wholly inside a span, in text order. Mentions are sorted
    /// by start, so this looks at those starting in the span only.
    pub fn in_span(&self, start: usize, end: usize) -> impl Iterator<Item = &Mention> {
        let first = self.mentions.partition_point(|m| m.start < start);
        self.mentions[first..]
            .iter()
            .take_while(move |m| m.start <= end)
            .filter(move |m| m.start >= start && m.end <= end)
    }
}

struct Pattern {
    entity: usize,
    form: Form,
}

/// The compiled gazetteer.
pub struct Gazetteer {
    names: Vec<(String, EntityKind)>,
    folded: AhoCorasick,
    folded_patterns: Vec<Pattern>,
    exact: AhoCorasick,
    exact_patterns: Vec<Pattern>,
    by_key: HashMap<String, usize>,
    learner: Learner,
}

/// Acronyms match case-sensitively ("US" is not "us").
fn is_acronym(s: &str) -> bool {
    let letters: Vec<char> = s.chars().filter(|c| c.is_alphabetic()).collect();
    !letters.is_empty() && letters.len() <= 6 && letters.iter().all(|c| c.is_uppercase())
}

impl Gazetteer {
    pub fn new(rules: &RuleData) -> Self {
        let mut names = Vec::new();
        let mut folded_keys = Vec::new();
        let mut folded_patterns = Vec::new();
        let mut exact_keys = Vec::new();
        let mut exact_patterns = Vec::new();
        let mut by_key = HashMap::new();
        for def in &rules.entity {
            let idx = match by_key.get(&fold::key(&def.name)) {
                Some(&i) => i,
                None => {
                    names.push((def.name.clone(), def.kind));
                    names.len() - 1
                }
            };
            let forms = std::iter::once((&def.name, Form::Name))
                .chain(def.aliases.iter().map(|a| (a, Form::Alias)))
                .chain(def.demonyms.iter().map(|d| (d, Form::Demonym)))
                .chain(def.capital.iter().map(|c| (c, Form::Capital)));
            for (text, form) in forms {
                by_key.entry(fold::key(text)).or_insert(idx);
                if is_acronym(text) {
                    exact_keys.push(text.clone());
                    exact_patterns.push(Pattern {
                        entity: idx,
                        form: Form::Acronym,
                    });
                } else {
                    folded_keys.push(fold::key(text));
                    folded_patterns.push(Pattern { entity: idx, form });
                }
            }
        }
        let build = |keys: &[String]| {
            AhoCorasickBuilder::new()
                .match_kind(MatchKind::LeftmostLongest)
                .build(keys)
                .expect("gazetteer patterns build")
        };
        Gazetteer {
            folded: build(&folded_keys),
            exact: build(&exact_keys),
            names,
            folded_patterns,
            exact_patterns,
            by_key,
            learner: Learner::new(rules),
        }
    }

    /// The canonical name and kind of a name as written, if known.
    pub fn lookup(&self, name: &str) -> Option<(&str, EntityKind)> {
        let &i = self.by_key.get(&fold::key(name))?;
        Some((self.names[i].0.as_str(), self.names[i].1))
    }

    pub fn find(&self, text: &str) -> DocEntities {
        let mut mentions = self.gazetteer_mentions(text);
        let (learned, people) = self.learner.learn(text, self, &mentions);
        let mut taken = SpanSet::new();
        for m in &mentions {
            taken.insert(m.start, m.end);
        }
        for m in learned {
            if taken.take(m.start, m.end) {
                mentions.push(m);
            }
        }
        mentions.sort_by_key(|m| (m.start, m.end));
        let named = mentions.iter().map(|m| m.entity.clone()).collect();
        DocEntities {
            mentions,
            people,
            named,
        }
    }

    fn gazetteer_mentions(&self, text: &str) -> Vec<Mention> {
        let (folded, map) = fold::fold(text);
        let mut out = Vec::new();
        let fb = folded.as_bytes();
        for m in self.folded.find_iter(&folded) {
            let before_ok = m.start() == 0 || !fb[m.start() - 1].is_ascii_alphanumeric();
            let after_ok = m.end() >= fb.len() || !fb[m.end()].is_ascii_alphanumeric();
            let (s, e) = (map[m.start()], map[m.end()]);
            let original = &text[s..e];
            // Proper names are capitalized: "turkey" the bird, "china" the plate.
            if !before_ok || !after_ok || !original.chars().next().is_some_and(char::is_uppercase) {
                continue;
            }
            let p = &self.folded_patterns[m.pattern().as_usize()];
            out.push(self.mention(p, s, e, text));
        }
        let mut taken = SpanSet::new();
        for x in &out {
            taken.insert(x.start, x.end);
        }
        for m in self.exact.find_iter(text) {
            let bytes = text.as_bytes();
            let before_ok = m.start() == 0 || !bytes[m.start() - 1].is_ascii_alphanumeric();
            let after_ok = m.end() >= bytes.len() || !bytes[m.end()].is_ascii_alphanumeric();
            if !before_ok || !after_ok || !taken.take(m.start(), m.end()) {
                continue;
            }
            let p = &self.exact_patterns[m.pattern().as_usize()];
            out.push(self.mention(p, m.start(), m.end(), text));
        }
        out
    }

    fn mention(&self, p: &Pattern, s: usize, e: usize, text: &str) -> Mention {
        let (name, kind) = &self.names[p.entity];
        let before = text[..s].trim_end();
        let locative = p.form == Form::Capital
            && before
                .rsplit(|c: char| !c.is_alphabetic())
                .next()
                .is_some_and(|w| {
                    let w = w.to_ascii_lowercase();
                    english().nouns.locative_prepositions.contains(&w)
                });
        Mention {
            entity: name.clone(),
            kind: *kind,
            form: p.form,
            start: s,
            end: e,
            text: text[s..e].to_string(),
            locative,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn gaz() -> Gazetteer {
        Gazetteer::new(&RuleData::load(&[]).unwrap())
    }

    #[test]
    fn names_demonyms_capitals_and_acronyms() {
        let text = "Azerbaijani officials met Chinese envoys in Beijing; Baku and the US agreed, as did Türkiye (Turkey). Let us go.";
        let found = gaz().find(text);
        let got: Vec<(&str, Form, bool)> = found
            .mentions
            .iter()
            .map(|m| (m.entity.as_str(), m.form, m.locative))
            .collect();
        assert_eq!(
            got,
            vec![
                ("Azerbaijan", Form::Demonym, false),
                ("China", Form::Demonym, false),
                ("China", Form::Capital, true),
                ("Azerbaijan", Form::Capital, false),
                ("United States", Form::Acronym, false),
                ("Turkey", Form::Alias, false),
                ("Turkey", Form::Name, false),
            ]
        );
        assert_eq!(found.main_parties()[0], "Azerbaijan");
    }

    #[test]
    fn spans_find_the_mentions_they_meet_by_binary_search() {
        let text = "Finance Minister Ana Ruiz of Chile met Port of Kestrel Bay officials and Peru.";
        let found = gaz().find(text);
        let at = |w: &str| {
            let s = text.find(w).unwrap();
            (s, s + w.len())
        };
        let names = |it: &mut dyn Iterator<Item = &Mention>| -> Vec<String> {
            it.map(|m| m.entity.clone()).collect()
        };
        // Mentions never overlap, so their ends rise with their starts.
        assert!(found.mentions.windows(2).all(|w| w[0].end <= w[1].start));
        let (port, _) = at("Port");
        let (_, bay) = at("Bay");
        let (chile, _) = at("Chile");
        let (_, peru) = at("Peru");
        assert_eq!(
            names(&mut found.overlapping(port + 2, peru)),
            vec!["Port of Kestrel Bay", "Peru"]
        );
        assert_eq!(
            names(&mut found.covering(at("Kestrel").0, at("Kestrel").1)),
            vec!["Port of Kestrel Bay"]
        );
        assert!(found.covering(port, bay + 1).next().is_none());
        assert_eq!(
            names(&mut found.in_span(chile, peru)),
            vec!["Chile", "Port of Kestrel Bay", "Peru"]
        );
        assert_eq!(names(&mut found.overlapping(0, chile)), vec!["Ana Ruiz"]);
        assert!(found.overlapping(0, at("Minister").1).next().is_none());
        let people: Vec<&str> = found
            .people_overlapping(at("Ruiz").0, at("Ruiz").1)
            .map(|p| p.name.as_str())
            .collect();
        assert_eq!(people, vec!["Ana Ruiz"]);
        assert!(found.people_overlapping(chile, peru).next().is_none());
        assert!(found.names_entity("Peru") && !found.names_entity("Brazil"));
    }
}
