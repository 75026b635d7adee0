//! Lemmas: a (form, UPOS) → lemma table learned from the treebank's lemma
//! column, and suffix rules learned from the same column for unseen words.

use std::collections::HashMap;

use super::features::{hash_str, key2};
use super::perceptron::KeyMap;

/// How to turn a form into its lemma: lowercase it or not, cut `strip`
/// characters off the end, append `append`.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Rule {
    pub lower: bool,
    pub strip: u8,
    pub append: String,
}

impl Rule {
    fn of(form: &str, lemma: &str) -> Rule {
        let keep = Rule::relative(false, form, lemma);
        let low = Rule::relative(true, &form.to_lowercase(), lemma);
        let lemma_has_upper = lemma.chars().any(char::is_uppercase);
        if low.strip < keep.strip || (low.strip == keep.strip && !lemma_has_upper) {
            low
        } else {
            keep
        }
    }

    fn relative(lower: bool, form: &str, lemma: &str) -> Rule {
        let common = form
            .chars()
            .zip(lemma.chars())
            .take_while(|(a, b)| a == b)
            .count();
        let strip = form.chars().count() - common;
        let append: String = lemma.chars().skip(common).collect();
        Rule {
            lower,
            strip: strip.min(255) as u8,
            append,
        }
    }

    pub fn apply(&self, form: &str) -> String {
        let base = if self.lower {
            form.to_lowercase()
        } else {
            form.to_string()
        };
        let n = base.chars().count();
        let keep = n.saturating_sub(self.strip as usize);
        let mut out: String = base.chars().take(keep).collect();
        out.push_str(&self.append);
        if out.is_empty() {
            return form.to_string();
        }
        out
    }
}

const MAX_SUFFIX: usize = 5;

/// The learned tables; keys are hashes of (lowercased form or suffix, UPOS).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Lemmatizer {
    pub rules: Vec<Rule>,
    /// Sorted (key, rule index).
    pub exact: Vec<(u64, u32)>,
    pub suffix: Vec<(u64, u32)>,
    exact_map: KeyMap<u32>,
    suffix_map: KeyMap<u32>,
}

fn exact_key(lower: &str, upos: u8) -> u64 {
    key2(1, hash_str(lower), u64::from(upos))
}

fn suffix_key(suffix: &str, k: usize, upos: u8) -> u64 {
    key2(2 + k as u32, hash_str(suffix), u64::from(upos))
}

/// Counts (key → rule → n), kept in insertion order for determinism.
#[derive(Default)]
pub struct LemmaCounts {
    rules: Vec<Rule>,
    rule_id: HashMap<Rule, u32>,
    exact: HashMap<u64, HashMap<u32, u32>>,
    suffix: HashMap<u64, HashMap<u32, u32>>,
}

impl LemmaCounts {
    pub fn add(&mut self, form: &str, upos: u8, lemma: &str) {
        if form.is_empty() || lemma.is_empty() || lemma == "_" {
            return;
        }
        let rule = Rule::of(form, lemma);
        let next = self.rules.len() as u32;
        let id = *self.rule_id.entry(rule.clone()).or_insert(next);
        if id == next {
            self.rules.push(rule.clone());
        }
        let lower = form.to_lowercase();
        *self
            .exact
            .entry(exact_key(&lower, upos))
            .or_default()
            .entry(id)
            .or_default() += 1;
        let chars: Vec<char> = lower.chars().collect();
        for k in 1..=MAX_SUFFIX.min(chars.len()) {
            if (rule.strip as usize) > k {
                continue;
            }
            let suf: String = chars[chars.len() - k..].iter().collect();
            *self
                .suffix
                .entry(suffix_key(&suf, k, upos))
                .or_default()
                .entry(id)
                .or_default() += 1;
        }
    }

    pub fn finish(self) -> Lemmatizer {
        fn best(m: &HashMap<u32, u32>) -> (u32, u32) {
            let mut v: Vec<(u32, u32)> = m.iter().map(|(&r, &n)| (r, n)).collect();
            v.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
            v[0]
        }
        let mut exact: Vec<(u64, u32)> = self.exact.iter().map(|(&k, m)| (k, best(m).0)).collect();
        exact.sort_unstable();
        // A suffix rule needs support and a clear majority.
        let mut suffix: Vec<(u64, u32)> = self
            .suffix
            .iter()
            .filter_map(|(&k, m)| {
                let (r, n) = best(m);
                let total: u32 = m.values().sum();
                (n >= 2 && n * 10 >= total * 6).then_some((k, r))
            })
            .collect();
        suffix.sort_unstable();
        Lemmatizer::from_parts(self.rules, exact, suffix)
    }
}

impl Lemmatizer {
    pub fn from_parts(rules: Vec<Rule>, exact: Vec<(u64, u32)>, suffix: Vec<(u64, u32)>) -> Self {
        Lemmatizer {
            exact_map: exact.iter().copied().collect(),
            suffix_map: suffix.iter().copied().collect(),
            rules,
            exact,
            suffix,
        }
    }

    /// The lemma of a form with its UPOS (`upos_id` in the model's UPOS
    /// list; `proper` says it is PROPN, whose unseen forms keep their case).
    pub fn lemma(&self, form: &str, upos: u8, proper: bool) -> String {
        let lower = form.to_lowercase();
        let rule = |id: u32| self.rules.get(id as usize).map(|r| r.apply(form));
        if let Some(&id) = self.exact_map.get(&exact_key(&lower, upos)) {
            if let Some(l) = rule(id) {
                return l;
            }
        }
        if proper {
            return form.to_string();
        }
        // "totalled", "travelling": the British doubled l of a word of more
        // than one syllable; the learned rules (from American text) see the
        // single-l form, and strip its ending.
        if let Some(single) = single_l(&lower) {
            return self.lemma(&single, upos, false);
        }
        let chars: Vec<char> = lower.chars().collect();
        for k in (1..=MAX_SUFFIX.min(chars.len().saturating_sub(1))).rev() {
            let suf: String = chars[chars.len() - k..].iter().collect();
            if let Some(&id) = self.suffix_map.get(&suffix_key(&suf, k, upos)) {
                if let Some(l) = rule(id) {
                    return l;
                }
            }
        }
        lower
    }
}

/// The single-l spelling of an unseen "-lled"/"-lling" form whose l
/// follows a vowel and an earlier syllable ("totalled" → "totaled";
/// "called" has one syllable before its ll and keeps it).
fn single_l(lower: &str) -> Option<String> {
    let (stem, ending) = ["lled", "lling"]
        .iter()
        .find_map(|e| Some((lower.strip_suffix(e)?, &e[1..])))?;
    let vowel = |c: char| "aeiou".contains(c);
    let chars: Vec<char> = stem.chars().collect();
    let groups = chars
        .iter()
        .enumerate()
        .filter(|&(i, &c)| vowel(c) && (i == 0 || !vowel(chars[i - 1])))
        .count();
    (chars.last().is_some_and(|&c| vowel(c)) && groups >= 2).then(|| format!("{stem}{ending}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rules_and_generalization() {
        assert_eq!(Rule::of("The", "the").apply("The"), "the");
        assert_eq!(Rule::of("Google", "Google").apply("Yahoo"), "Yahoo");
        assert_eq!(Rule::of("was", "be").apply("was"), "be");
        let mut c = LemmaCounts::default();
        for (f, l) in [
            ("walked", "walk"),
            ("talked", "talk"),
            ("jumped", "jump"),
            ("was", "be"),
        ] {
            c.add(f, 3, l);
        }
        let lem = c.finish();
        assert_eq!(lem.lemma("was", 3, false), "be");
        assert_eq!(lem.lemma("barked", 3, false), "bark");
        assert_eq!(lem.lemma("Zorblax", 4, true), "Zorblax");
    }

    #[test]
    fn british_doubled_l() {
        assert_eq!(single_l("totalled").as_deref(), Some("totaled"));
        assert_eq!(single_l("travelling").as_deref(), Some("traveling"));
        assert_eq!(single_l("called"), None);
        assert_eq!(single_l("spelled"), None);
        let mut c = LemmaCounts::default();
        for (f, l) in [("walked", "walk"), ("talked", "talk"), ("called", "call")] {
            c.add(f, 3, l);
        }
        let lem = c.finish();
        assert_eq!(lem.lemma("totalled", 3, false), "total");
        assert_eq!(lem.lemma("called", 3, false), "call");
    }
}
