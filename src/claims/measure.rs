//! What a figure measures, as a short noun phrase and as a canonical key:
//! the noun the tree gives, with the modifiers that make it a different
//! measure (net, pre-tax, operating, current account) and without those
//! that do not (record, higher, quarterly); paraphrases share a key
//! through rules/claims ("net income" is "net profit").

use super::figures::Reading;
use super::tree::Tree;
use crate::rules::RuleData;
use crate::values::{Value, ValueKind};

/// A measure as shown and as keyed.
#[derive(Debug, Clone, PartialEq)]
pub struct Measure {
    pub text: String,
    pub canonical: String,
    /// False when no noun said what the figure measures.
    pub explicit: bool,
}

pub struct Measures {
    /// Lowercase phrase → canonical measure.
    synonyms: Vec<(String, String)>,
    dropped: Vec<String>,
    /// Case words of the nouns that are part of a measure ("usage of lard").
    cases: Vec<String>,
    /// Nouns of time, which make a period, not a measure.
    times: Vec<String>,
    /// Words that name a unit or a scale, not what is measured.
    units: Vec<String>,
    /// Nouns that stand for a party ("the company"), not part of a measure.
    references: Vec<String>,
}

impl Measures {
    pub fn new(rules: &RuleData) -> Self {
        let mut synonyms = Vec::new();
        for m in &rules.measure {
            for f in &m.forms {
                synonyms.push((f.to_lowercase(), m.canonical.clone()));
            }
            synonyms.push((m.canonical.to_lowercase(), m.canonical.clone()));
        }
        let lower = |v: &[String]| v.iter().map(|w| w.to_lowercase()).collect::<Vec<_>>();
        let mut units: Vec<String> = rules
            .unit
            .iter()
            .flat_map(|u| u.aliases.iter())
            .chain(rules.currency.iter().flat_map(|c| c.words.iter()))
            .map(|w| w.to_lowercase())
            .collect();
        // "112 basis points", "5 pct": the words of a ratio are units too.
        let ratios = &crate::rules::language::english().ratios;
        units.extend(
            ratios
                .percent
                .iter()
                .chain(&ratios.percentage_points)
                .chain(&ratios.basis_points)
                .flat_map(|w| {
                    let w = w.to_lowercase();
                    // The phrase and its last word, singular and plural
                    // ("basis points", "points", "point").
                    let last = w.split_whitespace().last().unwrap_or("").to_string();
                    let singular = |x: &str| x.strip_suffix('s').unwrap_or(x).to_string();
                    [singular(&w), singular(&last), last, w]
                }),
        );
        let numbers = &crate::rules::language::english().numbers;
        units.extend(
            numbers
                .scales
                .iter()
                .chain(&numbers.scale_abbreviations)
                .map(|(w, _)| w.to_lowercase()),
        );
        Measures {
            synonyms,
            dropped: lower(&rules.nouns.dropped_modifiers),
            cases: lower(&rules.markers.measure_cases),
            times: lower(&rules.nouns.per_period),
            units,
            references: lower(&rules.nouns.references),
        }
    }

    /// The canonical measure a phrase names (lowercase).
    pub fn canonical_of(&self, phrase: &str) -> String {
        self.canonical(&phrase.to_lowercase())
    }

    fn canonical(&self, phrase: &str) -> String {
        self.synonyms
            .iter()
            .find(|(f, _)| f == phrase)
            .map_or_else(|| phrase.to_string(), |(_, c)| c.clone())
    }

    /// The measure of a figure.
    pub fn of(&self, tree: &Tree<'_>, r: &Reading, v: &Value) -> Measure {
        // "the 11-member CPA": a kind of a name is a count of its members,
        // not a measure of the name.
        let of_a_name =
            |m: usize| (tree.is_name(m) || (m > 0 && tree.is_capitalized(m))) && v.names_a_kind();
        if let Some(m) = r
            .measure
            .filter(|&m| !self.is_unit(tree, m) && !of_a_name(m))
        {
            let mut words: Vec<usize> = if r.guessed {
                self.preceding_modifiers(tree, m)
            } else {
                self.modifiers(tree, m)
            };
            // (A figure naming a kind is no modifier of its own measure.)
            words.retain(|&i| i != r.token);
            words.push(m);
            // "usage of lard": the noun after a case word belongs to it.
            if let Some((case, noun)) = self.qualifying_noun(tree, m, r.token) {
                words.push(case);
                words.extend(self.modifiers(tree, noun));
                words.push(noun);
            }
            // "after-tax profit", "long-term debt": a modifier the
            // tokenizer split at its hyphens is one word of the measure,
            // written whole ("tax profit" would be another measure).
            let mut text: Vec<String> = Vec::new();
            let mut lemmas: Vec<String> = Vec::new();
            let mut last_span = None;
            for &i in &words {
                let span = hyphen_span(tree, i);
                if i != m && span.0 < span.1 && span.1 < m {
                    if last_span != Some(span) {
                        let whole = hyphenated(tree, i);
                        text.push(whole.clone());
                        lemmas.push(whole);
                    }
                    last_span = Some(span);
                    continue;
                }
                text.push(tree.token(i).form.to_lowercase());
                lemmas.push(tree.lemma(i));
            }
            return Measure {
                text: text.join(" "),
                canonical: self.canonical(&lemmas.join(" ")),
                explicit: !r.guessed,
            };
        }
        // "handled 8 million tonnes": the verb names what it measures.
        if let Some(n) = &r.nominal {
            return Measure {
                text: n.clone(),
                canonical: self.canonical(n),
                explicit: true,
            };
        }
        // A count names what it counts ("23 terminals").
        if v.kind == ValueKind::Count {
            // "2.23 mln": a scale word is not what is counted.
            if let Some(noun) = v
                .noun
                .as_ref()
                .filter(|n| !self.units.contains(&n.to_lowercase()))
            {
                return Measure {
                    text: noun.clone(),
                    canonical: self.canonical(noun),
                    explicit: true,
                };
            }
        }
        Measure {
            text: String::new(),
            canonical: String::new(),
            explicit: false,
        }
    }

    /// The adjectives and nouns right before a noun, by word order.
    fn preceding_modifiers(&self, tree: &Tree<'_>, m: usize) -> Vec<usize> {
        let mut out = Vec::new();
        let mut i = m;
        while i > 0 {
            i -= 1;
            // ("10-year notes": the figure naming the kind stays.)
            let names_a_kind = tree.names_a_kind(i);
            let word = matches!(tree.upos(i), "ADJ" | "NOUN")
                && !tree.is_value(i)
                && !self.dropped.contains(&tree.lemma(i))
                && !self.dropped.contains(&hyphenated(tree, i));
            let ok = names_a_kind || word;
            if !ok {
                break;
            }
            out.push(i);
        }
        out.reverse();
        out
    }

    /// A unit or scale word taken for a measure ("mln", "lbs", "dlrs").
    fn is_unit(&self, tree: &Tree<'_>, m: usize) -> bool {
        let form = tree.token(m).form.to_lowercase();
        self.units.contains(&form) || self.units.contains(&tree.lemma(m))
    }

    /// The common noun after a case word on a measure, and the case word;
    /// `figure` is the token of the figure measured.
    fn qualifying_noun(&self, tree: &Tree<'_>, m: usize, figure: usize) -> Option<(usize, usize)> {
        tree.kids_with(m, &["nmod"])
            .filter(|&k| k > m)
            .find_map(|k| {
                let case = tree
                    .kids_with(k, &["case"])
                    .find(|&c| c < k && self.cases.contains(&tree.lemma(c)))?;
                let ok = tree.upos(k) == "NOUN"
                    && !tree.is_value(k)
                    // ("nine months net" is of a period; "one-month
                    // deposits" are a kind of deposit.)
                    && (!self.times.contains(&tree.lemma(k)) || hyphenated(tree, k).contains('-'))
                    && !self.references.contains(&tree.lemma(k))
                    && !self.is_unit(tree, k)
                    // ("profits of X on revenues of Y": a noun with a
                    // figure of its own is that figure's measure; "earnings
                    // from operations of X" are X.)
                    && !tree.kids_with(k, &["nmod"]).any(|v| {
                        v != figure
                            && tree.token(v).value.is_some_and(|kind| kind != ValueKind::Time)
                    });
                ok.then_some((case, k))
            })
    }

    /// The modifiers of a measure noun that are part of the measure, in
    /// text order: adjectives and nouns compounded with it, not names,
    /// figures, times or words that only qualify it.
    fn modifiers(&self, tree: &Tree<'_>, m: usize) -> Vec<usize> {
        let mut kept = Vec::new();
        let mut stack = vec![m];
        while let Some(n) = stack.pop() {
            for &k in tree.kids(n) {
                // "10-year notes" are a kind of note: the figure that
                // names the kind stays in its measure.
                let names_a_kind = tree.names_a_kind(k);
                let modifies = matches!(tree.rel(k), "amod" | "compound")
                    || (names_a_kind && tree.rel(k) == "nummod");
                if k >= m || !modifies {
                    continue;
                }
                // A capitalized word inside a sentence names someone.
                let capital = k > 0 && tree.is_capitalized(k);
                let ok = names_a_kind
                    || matches!(tree.upos(k), "ADJ" | "NOUN" | "VERB")
                    && !capital
                    && !tree.is_value(k)
                    // ("nine months net" is of a period; "one-month
                    // deposits" are a kind of deposit.)
                    && (!self.times.contains(&tree.lemma(k)) || hyphenated(tree, k).contains('-'))
                    && !self.dropped.contains(&tree.lemma(k))
                    && !self.dropped.contains(&tree.token(k).form.to_lowercase())
                    && !self.dropped.contains(&hyphenated(tree, k));
                if ok {
                    kept.push(k);
                    stack.push(k);
                }
            }
        }
        kept.sort_unstable();
        kept
    }
}

/// The hyphenated word a token is part of, lowercase ("full-year" for
/// "year" in "Full-year"): the tokenizer splits it, the word lists do not.
fn hyphenated(tree: &Tree<'_>, i: usize) -> String {
    let (lo, hi) = hyphen_span(tree, i);
    (lo..=hi)
        .map(|k| tree.token(k).form.to_lowercase())
        .collect::<String>()
}

/// The first and last tokens of the hyphenated word a token is part of.
fn hyphen_span(tree: &Tree<'_>, i: usize) -> (usize, usize) {
    let joined = |a: usize, b: usize| tree.token(a).end == tree.token(b).start;
    let hyphen = |k: usize| tree.token(k).form == "-";
    let (mut lo, mut hi) = (i, i);
    while lo >= 2 && hyphen(lo - 1) && joined(lo - 2, lo - 1) && joined(lo - 1, lo) {
        lo -= 2;
    }
    while hi + 2 < tree.len() && hyphen(hi + 1) && joined(hi, hi + 1) && joined(hi + 1, hi + 2) {
        hi += 2;
    }
    (lo, hi)
}
