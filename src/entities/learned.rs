//! Names an article introduces itself: "Full Name (ACRONYM)", "ACRONYM
//! (Full Name)", organizations by their name's shape ("Port of Tallinn",
//! "Caspian Shipping Company") and people by their titles.

use std::collections::{HashMap, HashSet};

use aho_corasick::{AhoCorasick, AhoCorasickBuilder};
use regex::Regex;
use serde::Serialize;

use super::{fold, Form, Gazetteer, Mention};
use crate::model::EntityKind;
use crate::rules::language::{alternation, english};
use crate::rules::RuleData;
use crate::spans::SpanSet;

/// A person introduced with a title: "Foreign Minister Jane Roe".
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Person {
    pub name: String,
    pub title: String,
    /// The country or organization the title belongs to, where written.
    pub affiliation: Option<String>,
    pub start: usize,
    pub end: usize,
}

pub struct Learner {
    full_then_acronym: Regex,
    acronym_then_full: Regex,
    org_shape: Regex,
    /// A title, found by one pass over the text ("Minister", any case):
    /// where a person may be introduced.
    titles: AhoCorasick,
    /// A title and the name after it, anchored where a title starts.
    person: Regex,
    /// Words that never stand alone for a company ("The", "Port").
    not_short_names: Vec<String>,
}

/// Bytes from a title within which its person match must end.
const PERSON_WINDOW: usize = 400;

const NAME_WORD: &str = r"[A-Z][\p{L}’'&.-]*";
/// Space inside a name: it may wrap onto the next line, but never runs
/// across a blank line into the next paragraph or heading.
const SP: &str = r"(?:[ \t]+(?:\r?\n[ \t]*)?|\r?\n[ \t]*)";

impl Learner {
    pub fn new(rules: &RuleData) -> Self {
        let links = alternation(english().nouns.name_links.iter().map(String::as_str));
        let full = format!(r"{NAME_WORD}(?:{SP}(?:(?:{links}){SP})*{NAME_WORD}){{0,9}}");
        let full_then_acronym = Regex::new(&format!(
            r"(?P<full>{full}){SP}\((?P<acr>[A-Z][A-Za-z0-9&-]{{1,9}})\)"
        ))
        .unwrap();
        let acronym_then_full = Regex::new(&format!(
            r"\b(?P<acr>[A-Z][A-Z0-9&-]{{1,9}}){SP}\((?P<full>{full})\)"
        ))
        .unwrap();
        let alt = |xs: &[String]| {
            xs.iter()
                .map(|x| regex::escape(x))
                .collect::<Vec<_>>()
                .join("|")
        };
        let org_shape = Regex::new(&format!(
            r"\b(?:(?:{}){SP}{NAME_WORD}(?:{SP}{NAME_WORD})?|(?:{NAME_WORD}{SP}){{1,4}}(?:{}))(?:\b|$)",
            alt(&rules.org_prefixes),
            alt(&rules.org_suffixes)
        ))
        .unwrap();
        let mut titles = rules.titles.clone();
        titles.sort_by_key(|t| std::cmp::Reverse(t.len()));
        // (Searched for from each title the automaton finds: one regex
        // over the whole text with sixty titles in any case was a fifth of
        // reading a document's names.)
        let person = Regex::new(&format!(
            r"^(?P<title>(?i:{}))(?:\s+of\s+(?:the\s+)?(?P<of>[A-Z][\p{{L}}-]+(?:\s+[A-Z][\p{{L}}-]+)*))?,?\s+(?P<name>[A-Z][\p{{L}}’'-]+(?:\s+[A-Z][\p{{L}}’'-]+){{0,2}})",
            alt(&titles)
        ))
        .unwrap();
        let not_short_names = rules
            .determiners
            .iter()
            .chain(&rules.org_prefixes)
            .filter_map(|w| w.split_whitespace().next())
            .map(str::to_string)
            .collect();
        let titles_automaton = AhoCorasickBuilder::new()
            .ascii_case_insensitive(true)
            .build(&titles)
            .expect("titles build an automaton");
        Learner {
            titles: titles_automaton,
            full_then_acronym,
            acronym_then_full,
            org_shape,
            person,
            not_short_names,
        }
    }

    pub fn learn(
        &self,
        text: &str,
        gaz: &Gazetteer,
        known: &[Mention],
    ) -> (Vec<Mention>, Vec<Person>) {
        let mut out: Vec<Mention> = Vec::new();
        let mut acronyms: Vec<(String, String, EntityKind)> = Vec::new();
        // Both acronym shapes need a parenthesis: a text without one (most
        // wire stories) is not searched for them.
        let acronym_matches = text
            .contains('(')
            .then(|| {
                self.full_then_acronym
                    .captures_iter(text)
                    .chain(self.acronym_then_full.captures_iter(text))
            })
            .into_iter()
            .flatten();
        for c in acronym_matches {
            let (full, acr) = (c.name("full").unwrap(), c.name("acr").unwrap());
            let full_text = trim_leading_links(full.as_str());
            if !initials_fit(acr.as_str(), full_text) || gaz.lookup(acr.as_str()).is_some() {
                continue;
            }
            let (name, kind) = match gaz.lookup(full_text) {
                Some((n, k)) => (n.to_string(), k),
                None => (single_spaced(full_text), EntityKind::Organization),
            };
            if !acronyms.iter().any(|(a, _, _)| a == acr.as_str()) {
                acronyms.push((acr.as_str().to_string(), name, kind));
            }
        }
        for m in self.org_shape.find_iter(text) {
            let raw = m.as_str().trim_end_matches('.');
            // "Port of Kestrel Bay's cargo" names the Port of Kestrel Bay.
            let raw = strip_possessive(raw).unwrap_or(raw);
            let name = trim_leading_links(raw);
            let start = m.start() + (raw.len() - name.len());
            if gaz.lookup(name).is_some() || name.split_whitespace().count() < 2 {
                continue;
            }
            // One name however the text wraps or spaces it.
            out.push(mention(
                &single_spaced(name),
                EntityKind::Company,
                Form::Name,
                start,
                start + name.len(),
                text,
            ));
        }
        let companies: Vec<String> = out
            .iter()
            .filter(|m| m.kind == EntityKind::Company)
            .map(|m| m.entity.clone())
            .collect();
        out.extend(self.short_names(text, gaz, &companies, &out));
        let patterns: Vec<&str> = acronyms.iter().map(|(a, _, _)| a.as_str()).collect();
        for (k, s) in occurrences(text, &patterns) {
            let (acr, name, kind) = &acronyms[k];
            let e = s + acr.len();
            let b = text.as_bytes();
            if (s > 0 && b[s - 1].is_ascii_alphanumeric())
                || (e < b.len() && b[e].is_ascii_alphanumeric())
            {
                continue;
            }
            out.push(mention(name, *kind, Form::Acronym, s, e, text));
        }
        let people = self.people(text, gaz, known);
        for p in &people {
            out.push(mention(
                &p.name,
                EntityKind::Person,
                Form::Person,
                p.start,
                p.end,
                text,
            ));
        }
        (out, people)
    }

    /// Each title with the name after it, leftmost first and not
    /// overlapping, as one search for the whole pattern over the text
    /// would find them: (where the match starts, its captures there).
    fn people_introduced<'t>(&self, text: &'t str) -> Vec<(usize, regex::Captures<'t>)> {
        let mut starts: Vec<usize> = self
            .titles
            .find_overlapping_iter(text)
            .map(|m| m.start())
            .collect();
        starts.sort_unstable();
        starts.dedup();
        let mut out = Vec::new();
        let mut searched_to = 0;
        for at in starts {
            // A title starts a word, and a match starts after the last.
            let word_before = text[..at]
                .chars()
                .next_back()
                .is_some_and(|c| c.is_alphanumeric() || c == '_');
            if at < searched_to || word_before {
                continue;
            }
            // A title, an "of" phrase and three words fit in far fewer
            // bytes than this window.
            let mut window_end = (at + PERSON_WINDOW).min(text.len());
            while !text.is_char_boundary(window_end) {
                window_end -= 1;
            }
            if let Some(c) = self.person.captures(&text[at..window_end]) {
                searched_to = at + c.get(0).map_or(0, |m| m.end());
                out.push((at, c));
            }
        }
        out
    }

    fn people<'t>(&self, text: &'t str, gaz: &Gazetteer, known: &[Mention]) -> Vec<Person> {
        let mut people: Vec<Person> = Vec::new();
        // The first known mention ending, and starting, at each offset: a
        // title's affiliation is looked up, not searched for.
        let mut by_end: HashMap<usize, usize> = HashMap::new();
        let mut by_start: HashMap<usize, usize> = HashMap::new();
        for (i, m) in known.iter().enumerate() {
            by_end.entry(m.end).or_insert(i);
            by_start.entry(m.start).or_insert(i);
        }
        for (at, c) in self.people_introduced(text) {
            let name_m = c.name("name").unwrap();
            let shift = |m: regex::Match<'t>| (at + m.start(), m.as_str());
            let (name_start, name_str) = shift(name_m);
            // Stop at a possessive, a month, or a known place or organization.
            // Each word keeps its place in the text: the name's span ends
            // where its last word does, whatever space ran between words.
            let mut words: Vec<&str> = Vec::new();
            let mut end = name_start;
            for (offset, w) in words_with_offsets(name_str) {
                if gaz.lookup(w).is_some() || crate::calendar::month_number(w).is_some() {
                    break;
                }
                let (word, possessive) = match strip_possessive(w) {
                    Some(stem) => (stem, true),
                    None => (w, false),
                };
                words.push(word);
                end = name_start + offset + word.len();
                if possessive {
                    break;
                }
            }
            if words.is_empty() {
                continue;
            }
            let name = words.join(" ");
            let (title_start, title_str) = shift(c.name("title").unwrap());
            let before = text[..title_start].trim_end();
            // "Chile's Finance Minister": the possessive belongs to Chile.
            let before = strip_possessive(before).unwrap_or(before);
            let start = name_start;
            // "Finance Minister Ana Ruiz of Chile".
            let after_of = of_after(&text[end..]).map(|n| end + n);
            let affiliation = c
                .name("of")
                .and_then(|o| gaz.lookup(o.as_str()).map(|(n, _)| n.to_string()))
                .or_else(|| {
                    let &i = by_end.get(&before.len())?;
                    Some(known[i].entity.clone())
                })
                .or_else(|| {
                    // A mention right after "of", or after "of the".
                    let at = after_of?;
                    let mut first = by_start.get(&at).copied();
                    let rest = &text[at..];
                    let lead = rest.len() - rest.trim_start().len();
                    // "of the Bank of X": past a word that opens a name.
                    let opener = english().nouns.name_openers.iter().find(|w| {
                        rest[lead..]
                            .get(..w.len())
                            .is_some_and(|head| head.eq_ignore_ascii_case(w))
                            && rest[lead + w.len()..].starts_with(char::is_whitespace)
                    });
                    if let Some(w) = opener {
                        let p2 = at + lead + w.len();
                        let gap = text[p2..].len() - text[p2..].trim_start().len();
                        let offsets = text[p2..p2 + gap].char_indices().map(|(k, _)| k);
                        for k in offsets.chain([gap]) {
                            if let Some(&i) = by_start.get(&(p2 + k)) {
                                first = Some(first.map_or(i, |f: usize| f.min(i)));
                            }
                        }
                    }
                    first.map(|i| known[i].entity.clone())
                });
            people.push(Person {
                name,
                title: title_str.to_string(),
                affiliation,
                start,
                end,
            });
        }
        // "President Smith" is the "President John Smith" of the same text.
        let mut full: Vec<(String, String)> = people
            .iter()
            .filter(|p| p.name.contains(' '))
            .map(|p| {
                (
                    p.name.clone(),
                    p.name.rsplit(' ').next().unwrap_or("").to_string(),
                )
            })
            .collect();
        full.sort();
        full.dedup();
        let mut by_last: HashMap<&str, Vec<&String>> = HashMap::new();
        for (name, last) in &full {
            by_last.entry(last.as_str()).or_default().push(name);
        }
        for p in &mut people {
            if !p.name.contains(' ') {
                if let Some([only]) = by_last.get(p.name.as_str()).map(Vec::as_slice) {
                    p.name = (*only).clone();
                }
            }
        }
        people
    }
}

impl Learner {
    /// "Brightwater" for "Brightwater Utilities" once the full name has
    /// been written: articles name a company in full once, then shortly.
    /// Only the first word, written alone (not before another capitalized
    /// word, which would be another name), and only when it names nothing
    /// else.
    fn short_names(
        &self,
        text: &str,
        gaz: &Gazetteer,
        companies: &[String],
        taken: &[Mention],
    ) -> Vec<Mention> {
        // Each full name once, in first-seen order: a name mentioned again
        // adds no short form.
        let mut unique: Vec<&String> = Vec::new();
        let mut seen_full: HashSet<&str> = HashSet::new();
        for full in companies {
            if seen_full.insert(full.as_str()) {
                unique.push(full);
            }
        }
        // How many names open with each word and go on after it.
        let mut opening: HashMap<&str, usize> = HashMap::new();
        for full in &unique {
            if let Some((first, _)) = full.split_once(' ') {
                *opening.entry(first).or_default() += 1;
            }
        }
        let mut shorts: Vec<(&str, &String)> = Vec::new();
        let mut seen: HashSet<&str> = HashSet::new();
        for full in unique {
            let Some(short) = full.split_whitespace().next() else {
                continue;
            };
            let own = usize::from(full.starts_with(&format!("{short} ")));
            let others_open_with_it = opening.get(short).copied().unwrap_or(0) > own;
            if seen.contains(short)
                || short.chars().count() < 4
                || short.chars().all(|c| c.is_uppercase())
                || self.not_short_names.iter().any(|w| w == short)
                || crate::calendar::month_number(short).is_some()
                || gaz.lookup(short).is_some()
                || others_open_with_it
            {
                continue;
            }
            seen.insert(short);
            shorts.push((short, full));
        }
        let mut taken_spans = SpanSet::new();
        for m in taken {
            taken_spans.insert(m.start, m.end);
        }
        let mut out: Vec<Mention> = Vec::new();
        let patterns: Vec<&str> = shorts.iter().map(|(s, _)| *s).collect();
        for (k, at) in occurrences(text, &patterns) {
            let (short, full) = shorts[k];
            let end = at + short.len();
            let before = text[..at].chars().next_back();
            let rest = &text[end..];
            let after = rest.chars().next();
            let next_word = rest.trim_start_matches([' ', '\t']);
            let runs_on = before.is_some_and(|c| c.is_alphanumeric() || c == '-')
                || after.is_some_and(|c| c.is_alphanumeric() || c == '-')
                || (rest.starts_with(' ') && next_word.starts_with(char::is_uppercase));
            if !runs_on && taken_spans.take(at, end) {
                out.push(mention(
                    full,
                    EntityKind::Company,
                    Form::Name,
                    at,
                    end,
                    text,
                ));
            }
        }
        out
    }
}

/// Every (pattern, start) that `text.match_indices(pattern)` gives,
/// ordered by pattern then start. A document has a handful of patterns
/// (its short names and acronyms): a substring search each is cheaper
/// than building an automaton per document.
fn occurrences(text: &str, patterns: &[&str]) -> Vec<(usize, usize)> {
    let mut found = Vec::new();
    for (k, p) in patterns.iter().enumerate() {
        if !p.is_empty() {
            found.extend(text.match_indices(p).map(|(at, _)| (k, at)));
        }
    }
    found
}

fn mention(
    name: &str,
    kind: EntityKind,
    form: Form,
    start: usize,
    end: usize,
    text: &str,
) -> Mention {
    Mention {
        entity: name.to_string(),
        kind,
        form,
        start,
        end,
        text: text[start..end].to_string(),
        locative: false,
    }
}

/// A name with every run of white space as one space.
fn single_spaced(name: &str) -> String {
    name.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The words of a run of text and their byte offsets in it.
fn words_with_offsets(s: &str) -> impl Iterator<Item = (usize, &str)> {
    s.split_whitespace()
        .map(move |w| (w.as_ptr() as usize - s.as_ptr() as usize, w))
}

/// "Bay's" → "Bay", "Ports’" → "Ports": a name without its possessive.
fn strip_possessive(s: &str) -> Option<&str> {
    s.strip_suffix("’s")
        .or_else(|| s.strip_suffix("'s"))
        .or_else(|| {
            s.strip_suffix(['’', '\''])
                .filter(|stem| stem.ends_with('s'))
        })
}

/// " of " after a name, with any run of space around "of".
/// The length of a leading "<space>of<space>", if the text opens with one
/// (a scan of the few bytes it needs: a regex search here cost as much as
/// the rest of the text after every title).
fn of_after(text: &str) -> Option<usize> {
    let rest = text.trim_start();
    let gap = text.len() - rest.len();
    let after = rest.strip_prefix("of")?;
    let tail = after.trim_start();
    (gap > 0 && tail.len() < after.len()).then(|| text.len() - tail.len())
}

fn trim_leading_links(s: &str) -> &str {
    let mut s = s;
    loop {
        let Some((first, rest)) = s.split_once(' ') else {
            return s;
        };
        if english().nouns.name_openers.iter().any(|w| w == first) {
            s = rest;
        } else {
            return s;
        }
    }
}

/// The acronym's letters appear, in order, among the name's capitals.
fn initials_fit(acr: &str, full: &str) -> bool {
    let caps: String = fold::key(full)
        .split(' ')
        .filter(|w| !english().nouns.name_links.iter().any(|l| l == w))
        .filter_map(|w| w.chars().next())
        .collect();
    let letters: Vec<char> = acr
        .chars()
        .filter(|c| c.is_alphabetic())
        .map(|c| c.to_ascii_lowercase())
        .collect();
    if letters.is_empty() || !caps.starts_with(letters[0]) {
        return false;
    }
    let mut it = caps.chars();
    letters.iter().all(|l| it.any(|c| c == *l))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn learns_acronyms_organizations_and_people() {
        let rules = RuleData::load(&[]).unwrap();
        let gaz = Gazetteer::new(&rules);
        let text = "The Caspian Freight Alliance (CFA) grew. CFA members met Port of Aktau staff. \
                    Estonian Foreign Minister Mari Tamm spoke; Minister Tamm later left. Chief executive Ole Berg agreed.";
        let found = gaz.find(text);
        let names: Vec<(&str, Form)> = found
            .mentions
            .iter()
            .map(|m| (m.entity.as_str(), m.form))
            .collect();
        assert!(
            names.contains(&("Caspian Freight Alliance", Form::Acronym)),
            "{names:?}"
        );
        assert!(names.contains(&("Port of Aktau", Form::Name)), "{names:?}");
        let people: Vec<(&str, &str, Option<&str>)> = found
            .people
            .iter()
            .map(|p| (p.name.as_str(), p.title.as_str(), p.affiliation.as_deref()))
            .collect();
        assert_eq!(
            people,
            vec![
                ("Mari Tamm", "Foreign Minister", Some("Estonia")),
                ("Mari Tamm", "Minister", None),
                ("Ole Berg", "Chief executive", None),
            ]
        );
    }

    #[test]
    fn a_title_is_found_in_any_case_once_and_only_as_a_word() {
        // "Vice President" holds "President"; "Presidents" is no title.
        let rules = RuleData::load(&[]).unwrap();
        let gaz = Gazetteer::new(&rules);
        let text =
            "Vice President Jon Lund met PRESIDENT Ana Ruiz. The Presidents Club chose Ola Dahl.";
        let people: Vec<(String, String)> = gaz
            .find(text)
            .people
            .iter()
            .map(|p| (p.name.clone(), p.title.clone()))
            .collect();
        assert_eq!(
            people,
            [
                ("Jon Lund".to_string(), "Vice President".to_string()),
                ("Ana Ruiz".to_string(), "PRESIDENT".to_string()),
            ]
        );
    }
}
