//! Who a figure belongs to, read from the tree: the possessor of its
//! measure ("Kazakhstan's trade"), a name on the measure ("sales of
//! Allied", "Azerbaijan–China trade"), the subject of its verb ("Acme
//! posted a loss"), the subject of the saying verb above it ("Acme said
//! net profit rose"); pronouns and "the company" resolve to the article's
//! salient party. Names come from the text itself; the gazetteer only
//! gives canonical forms of the names it knows.

use super::figures::{Lexicon, Reading};
use super::tree::Tree;
use super::Role;
use crate::document::{Analyzed, Sentence};
use crate::rules::language::english;

/// A holder: its parts (one, or two for a relation), and whether the text
/// named it (false when it was inferred from the article).
#[derive(Debug, Clone, PartialEq)]
pub struct Holder {
    pub parts: Vec<String>,
    pub named: bool,
}

impl Holder {
    pub fn display(&self) -> String {
        self.parts.join("–")
    }
}

/// The article's salient party: the name the headline and the first
/// sentences that state figures are about. A name counts once per mention,
/// more as a subject, much more when the headline names it; a lone
/// capitalized word opening a sentence is no name unless the gazetteer
/// knows it. Opening sentences without a figure or date are left out: the
/// party a figure has no holder for is one the figures are about, not a
/// rival or suitor the story first mentions (and those sentences need no
/// parse at all, a quarter of all parsing on wire copy).
pub fn salient(lex: &Lexicon, a: &Analyzed) -> Option<String> {
    let title = headline(a);
    let title_words: Vec<String> = title
        .as_deref()
        .map(|t| {
            t.split(|c: char| !c.is_alphanumeric())
                .filter(|w| w.len() > 2)
                .map(str::to_lowercase)
                .collect()
        })
        .unwrap_or_default();
    let mut seen: Vec<(String, i32, usize)> = Vec::new();
    for (si, s) in a
        .sentences
        .iter()
        .enumerate()
        .take(crate::document::OPENING_SENTENCES)
    {
        if is_headline(a.sentence_text(s)) {
            continue;
        }
        if s.values.is_empty() {
            // Unparsed: only a name the headline has opening it ("Kestrel
            // has told the government ...").
            if let Some(name) = opening_title_name(a, s, &title_words) {
                match seen.iter_mut().find(|(n, _, _)| *n == name) {
                    Some((_, sc, _)) => *sc += 1,
                    None => seen.push((name, 6, si * 10_000)),
                }
            }
            continue;
        }
        let tree = Tree::new(a.parse(s));
        for i in 0..tree.len() {
            // A name opens a sentence; a capitalized word right before a
            // figure labels a table row ("Shr 27 cts").
            if !tree.is_name(i) || (i + 1 < tree.len() && tree.is_value(i + 1) && i == 0) {
                continue;
            }
            if tree
                .head(i)
                .is_some_and(|h| tree.is_name(h) && matches!(tree.rel(i), "flat" | "compound"))
            {
                continue;
            }
            let (lo, hi) = tree.name_span(i);
            let (start, end) = tree.bytes(lo, hi);
            let known = a.entities.overlapping(start, end).any(|m| !m.locative);
            let Some(name) = name_at(a, s, &tree, i) else {
                continue;
            };
            let in_title = name
                .split(|c: char| !c.is_alphanumeric())
                .any(|w| title_words.contains(&w.to_lowercase()));
            // A lone word opening a sentence is a name when the headline
            // has it and the story never writes it in lowercase ("Sales"
            // is a word), or when it has a capital inside ("McAllister").
            let opening_name = || {
                let form = &tree.token(lo).form;
                let inner_capital = form.chars().skip(1).any(char::is_uppercase)
                    && form.chars().any(char::is_lowercase);
                let lower = form.to_lowercase();
                inner_capital || (in_title && !written_as_a_word(&a.doc.text, &lower, false))
            };
            if lo == hi && lo == 0 && !known && !opening_name() {
                continue;
            }
            let subject = tree.rel(i) == "nsubj";
            let score = 1 + 2 * i32::from(subject) + 5 * i32::from(in_title) + i32::from(known);
            match seen.iter_mut().find(|(n, _, _)| *n == name) {
                Some((_, sc, _)) => *sc += 1 + i32::from(subject),
                None => seen.push((name, score, si * 10_000 + i)),
            }
        }
    }
    // Countries and organizations the headline names ("NORWEGIAN TREASURY
    // BILL RISES": Norway), through the gazetteer.
    if let Some((h0, h1)) = headline_line(&a.doc.text) {
        for m in a.entities.in_span(h0, h1) {
            match seen.iter_mut().find(|(n, _, _)| *n == m.entity) {
                Some((_, sc, _)) => *sc += 5,
                None => seen.push((m.entity.clone(), 5, usize::MAX)),
            }
        }
    }
    let best = seen
        .into_iter()
        .max_by(|x, y| x.1.cmp(&y.1).then(y.2.cmp(&x.2)));
    let titled = best.as_ref().is_some_and(|(n, _, _)| {
        n.split(|c: char| !c.is_alphanumeric())
            .any(|w| title_words.contains(&w.to_lowercase()))
    });
    if !titled {
        if let Some(n) = title.as_deref().and_then(ticker_name) {
            return Some(n);
        }
        let capitals = title.as_deref().is_some_and(is_headline);
        if let Some(n) = title
            .as_deref()
            .filter(|_| capitals)
            .and_then(|t| headline_subject(lex, a, t))
        {
            return Some(n);
        }
    }
    best.map(|(n, _, _)| n)
}

/// The one word a sentence opens with, by its capital alone, as a name:
/// when the headline has it, a lowercase word goes on after it, the
/// story never writes it in lowercase ("Sales", "The" are words; "Net
/// 41,724 vs ..." is a table row) and the gazetteer does not know it (a
/// name it knows counts from the headline already), and the tagger reads
/// it a proper noun and the subject. A plural reads as a common noun
/// ("Analysts said").
fn opening_title_name(a: &Analyzed, s: &Sentence, title_words: &[String]) -> Option<String> {
    let text = a.sentence_text(s);
    let mut words = text.split_whitespace();
    let first = words.next()?;
    let next = words.next()?;
    let name = first.trim_end_matches([',', ';', ':']);
    let lower = name.to_lowercase();
    let word = name.starts_with(|c: char| c.is_uppercase())
        && name.chars().all(char::is_alphabetic)
        && !lower.ends_with('s')
        && next.starts_with(|c: char| c.is_lowercase())
        // ("House of Fabrics said": a name goes on.)
        && !english().nouns.name_links.contains(&next.to_lowercase());
    let known = a
        .entities
        .overlapping(s.start, s.start + first.len())
        .next()
        .is_some();
    if !word
        || known
        || !title_words.contains(&lower)
        || english().nouns.stop_words.contains(&lower)
        || written_as_a_word(&a.doc.text, &lower, false)
    {
        return None;
    }
    // Then parsed, as few sentences are: a proper noun, the subject
    // ("Money market dealers said" opens with a common noun).
    let tree = Tree::new(a.parse(s));
    (tree.len() > 1 && tree.upos(0) == "PROPN" && tree.rel(0) == "nsubj").then(|| name.to_string())
}

/// The party a headline of capitals is about, by parsing it recased:
/// "NORVIK SAVINGS BANK ISSUES 40 MLN DLR BOND" → "Norvik Savings Bank". The subject's
/// trailing common nouns go ("LINDQVIST REALTY DEBENTURES PRICED" →
/// "Lindqvist Realty"), unless they end an organization's name or a
/// two-word name ends in a singular one.
fn headline_subject(lex: &Lexicon, a: &Analyzed, title: &str) -> Option<String> {
    let grammar = crate::grammar::Grammar::english().ok()?;
    let stop = &english().nouns.stop_words;
    let words: Vec<String> = title
        .split_whitespace()
        .enumerate()
        .map(|(i, w)| {
            let lower = w.to_lowercase();
            let acronym = w.chars().filter(|c| c.is_alphabetic()).count() <= 3
                && !stop.contains(&lower)
                && i > 0;
            if acronym {
                w.to_string()
            } else if i == 0 {
                capitalized(&lower)
            } else {
                lower
            }
        })
        .collect();
    let text = words.join(" ");
    let parse = grammar.parse_sentence(&text, 0, text.len(), &[]);
    let tree = Tree::new(&parse);
    let root = (0..tree.len()).find(|&i| tree.head(i).is_none())?;
    let subject = tree
        .kid_with(root, &["nsubj"])
        .or_else(|| tree.is_noun(root).then_some(root))?;
    let mut lo = subject;
    while lo > 0 && matches!(tree.upos(lo - 1), "ADJ" | "NOUN" | "PROPN") {
        lo -= 1;
    }
    let mut hi = subject;
    let ends_a_name = |i: usize| {
        let form = tree.token(i).form.to_lowercase();
        english()
            .nouns
            .legal_forms
            .iter()
            .chain(&lex.org_suffixes)
            .any(|f| f.to_lowercase() == form)
    };
    // A plural ends what the party did ("COPPER PRICES"), a singular noun
    // more often its name ("NORVIK STEEL", "KESTREL ASSURANCE"): singular
    // nouns go only while more than two words remain, or when they name
    // a relation ("NORVIK TRADE").
    while hi > lo
        && tree.upos(hi) == "NOUN"
        && !ends_a_name(hi)
        && (tree.token(hi).xpos == "NNS" || hi - lo >= 2 || lex.relations.contains(&tree.lemma(hi)))
    {
        hi -= 1;
    }
    // "LINDQVIST TOOLS 3RD QTR NET": the name ends before the period.
    let dates = &english().dates;
    let of_time = |i: usize| {
        let form = &tree.token(i).form;
        form.chars().any(|c| c.is_ascii_digit())
            || crate::calendar::month_number(form).is_some()
            || dates
                .quarter_words
                .iter()
                .any(|q| q.eq_ignore_ascii_case(form))
    };
    if let Some(t) = (lo..=hi).find(|&i| of_time(i)) {
        if t == lo {
            return None;
        }
        hi = t - 1;
    }
    let name: Vec<String> = (lo..=hi)
        .map(|i| {
            let f = &tree.token(i).form;
            if f.chars().any(char::is_lowercase) {
                capitalized(f)
            } else {
                f.clone()
            }
        })
        .collect();
    let name = name.join(" ");
    // A country or organization the gazetteer found in the headline at
    // that place ("MAURITIAN SUGAR EXPORTS").
    // (Offsets carry over when recasing kept every byte in place.)
    let line = headline_line(&a.doc.text);
    if let (Some((h0, _)), true) = (line, text.len() == title.len() && title.is_ascii()) {
        let (start, end) = (h0 + tree.token(lo).start, h0 + tree.token(hi).end);
        if let Some(m) = a.entities.in_span(start, end).find(|m| !m.locative) {
            return Some(m.entity.clone());
        }
    }
    let body = match &a.doc.title {
        Some(_) => a.doc.text.as_str(),
        None => line.map_or("", |(_, end)| &a.doc.text[end..]),
    };
    // "NEW OFFERINGS LISTED" over items of "public offering of 3 mln
    // shares": a common noun in the plural, one the story writes in
    // lowercase, is what the story is about, not who.
    let common_word = |i: usize| {
        let t = tree.token(i);
        t.xpos == "NNS"
            && [t.form.to_lowercase(), tree.lemma(i)]
                .iter()
                .any(|w| written_as_a_word(body, w, false))
    };
    if (lo..=hi).all(|i| tree.upos(i) != "PROPN") && common_word(hi) {
        return None;
    }
    clean_name(&confirmed_opening(&name, body))
}

/// A headline's name recased by guess, as far as the story writes it:
/// "KELDON HOLDINGS UNIT BUYS ..." and a story on "Keldon Holdings" make
/// "Keldon Holdings", the longest opening words it writes with those
/// capitals. A story that writes none of them (or is all headline) keeps
/// the guess; an abbreviation kept in capitals ("HALDEN LB") is part of a
/// name the story spells out, and stays.
fn confirmed_opening(name: &str, body: &str) -> String {
    let words: Vec<&str> = name.split_whitespace().collect();
    let acronym = |w: &&str| w.chars().all(|c| !c.is_lowercase());
    (1..=words.len())
        .rev()
        .find(|&k| written_as_a_word(body, &words[..k].join(" "), k == 1))
        .filter(|&k| !words[k..].iter().any(acronym))
        .map_or_else(|| name.to_string(), |k| words[..k].join(" "))
}

/// Whether `text` has `phrase` with no letter or digit either side; with
/// `inside`, only after a lowercase word or a comma, where a capital is
/// no sentence's first letter ("Pork belly futures rose" names nobody),
/// and before no capital ("the Federal Reserve" is no "Federal").
fn written_as_a_word(text: &str, phrase: &str, inside: bool) -> bool {
    text.match_indices(phrase).any(|(at, _)| {
        let before = text[..at].chars().next_back();
        let after = text[at + phrase.len()..].chars().next();
        let word =
            !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric);
        let last_written = text[..at].trim_end().chars().next_back();
        let next_written = text[at + phrase.len()..].trim_start().chars().next();
        word && (!inside
            || (last_written.is_some_and(|c| c.is_lowercase() || c == ',')
                && !next_written.is_some_and(char::is_uppercase)))
    })
}

/// A word of a name written in capitals, as the name is written in text:
/// "KESTREL" → "Kestrel", "KESTREL-HARLOW" → "Kestrel-Harlow"; initials
/// ("U.S.", "J.P.") stay as they are.
fn recased_word(w: &str) -> String {
    let inner_dot = w.trim_end_matches('.').contains('.');
    if inner_dot && w.chars().filter(|c| c.is_alphabetic()).count() <= 3 {
        return w.to_string();
    }
    let parts: Vec<String> = w
        .split('-')
        .map(|p| capitalized(&p.to_lowercase()))
        .collect();
    parts.join("-")
}

/// A name written in capitals, recased word by word and without its
/// ticker or legal form ("KESTREL MEDIA INC" → "Kestrel Media").
pub fn recased_name(text: &str) -> Option<String> {
    let words: Vec<String> = text.split_whitespace().map(recased_word).collect();
    clean_name(&words.join(" "))
}

fn capitalized(w: &str) -> String {
    let mut c = w.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}

/// "KESTREL OUTFITTERS <KST> MAY SALES RISE": agency headlines put a
/// company's ticker after its name; the words before it are the name.
/// A headline that opens with brackets of several words ("<KESTREL
/// MINING CORP> REPORTS DRILL RESULTS") names in them a company with no ticker.
pub fn ticker_name(title: &str) -> Option<String> {
    let (before, after) = title.split_once('<')?;
    if before.trim().is_empty() {
        let inner = after.split_once('>')?.0;
        return inner
            .trim()
            .contains(' ')
            .then(|| recased_name(inner))
            .flatten();
    }
    recased_name(before)
}

/// The byte span of the whole name written in agency brackets around
/// bytes `start..end` ("<Brenmoor Gold AS>", a company with no ticker), if they lie
/// in one on a line; without a leading "The".
fn bracketed_name(text: &str, start: usize, end: usize) -> Option<(usize, usize)> {
    let open = text.get(..start)?.rfind(['<', '>', '\n'])?;
    let close = open + 1 + text.get(open + 1..)?.find(['>', '<', '\n'])?;
    if !(text[open..].starts_with('<') && text[close..].starts_with('>') && close >= end) {
        return None;
    }
    let inner = &text[open + 1..close];
    let lead = inner.len() - inner.trim_start().len();
    let mut s = open + 1 + lead;
    if text[s..close].starts_with("The ") {
        s += 4;
    }
    let e = open + 1 + inner.trim_end().len();
    // (A ticker may have a space, "<KST A>"; a name is written in lower
    // case too.)
    let name = &text[s..e.max(s)];
    (s < e && name.contains(' ') && name.chars().any(char::is_lowercase)).then_some((s, e))
}

/// The headline, when the document's first line is one (all capitals, as
/// agency copy writes it, or the document's own title).
pub fn headline(a: &Analyzed) -> Option<String> {
    if let Some(t) = &a.doc.title {
        return Some(t.clone());
    }
    headline_line(&a.doc.text).map(|(s, e)| a.doc.text[s..e].to_string())
}

/// The byte span of a headline of capitals among the first lines (after
/// a dateline, if any).
pub fn headline_line(text: &str) -> Option<(usize, usize)> {
    let mut at = 0;
    for line in text.split_inclusive('\n').take(4) {
        let body = line.trim_end_matches(['\n', '\r']);
        if is_headline(body) {
            return Some((at, at + body.len()));
        }
        at += line.len();
    }
    None
}

/// A line of capitals: a headline, whose words are no sentence to parse.
pub fn is_headline(text: &str) -> bool {
    let letters: Vec<char> = text.chars().filter(|c| c.is_alphabetic()).collect();
    letters.len() >= 4
        && letters.iter().filter(|c| c.is_uppercase()).count() * 10 >= letters.len() * 9
}

/// The holder of a figure, if anyone can be named.
pub fn holder(
    lex: &Lexicon,
    a: &Analyzed,
    s: &Sentence,
    tree: &Tree<'_>,
    r: &Reading,
    salient: Option<&str>,
) -> Option<Holder> {
    let named = |parts: Vec<String>| {
        let mut parts = parts;
        parts.dedup();
        Some(Holder { parts, named: true })
    };
    if let Some(m) = r.measure {
        if let Some(h) = on_noun(lex, a, s, tree, m, salient) {
            return Some(h);
        }
    }
    if of_a_part(lex, tree, r) {
        return None;
    }
    // "Acme had first-quarter profit of X" with "had" read as an auxiliary,
    // "Acme is the largest buyer": the measure noun is the predicate, and
    // its subject the party.
    if let Some(subj) = predicate_subject(tree, r) {
        if !tree.is_value(subj) {
            if let Some(h) = party(lex, a, s, tree, subj, salient) {
                return Some(h);
            }
        }
    }
    // The subject of the figure's verb, and of the saying verbs above it
    // when that is an organization (an analyst who says a figure does not
    // own it).
    let mut v = r.verb;
    for _ in 0..5 {
        let Some(p) = v else { break };
        if let Some(subj) = tree.kid_with(p, &["nsubj"]) {
            if Some(subj) != r.measure && !tree.is_value(subj) {
                let own = Some(p) == r.verb;
                // "The Port of Kestrel Bay handled": the name on the
                // subject noun before any reference it might make.
                if own && !tree.is_name(subj) && !tree.is_pronoun(subj) {
                    if let Some(h) = on_noun(lex, a, s, tree, subj, salient) {
                        return Some(h);
                    }
                }
                if let Some(h) = party(lex, a, s, tree, subj, salient) {
                    if own || !h.named || organization(lex, a, &h, salient) {
                        return Some(h);
                    }
                }
            }
        }
        v = tree.head(p).filter(|&h| {
            tree.is_verb(h)
                && matches!(
                    tree.rel(p),
                    "ccomp" | "xcomp" | "conj" | "advcl" | "parataxis"
                )
        });
    }
    let _ = named;
    // "In Australia subsidies were ...": a country the verb is placed in.
    if let Some(p) = r.verb {
        let place = tree.kids_with(p, &["obl"]).find_map(|k| {
            let case = tree.case(k)?;
            if !lex.markers.place.contains(&case) || !tree.is_name(k) {
                return None;
            }
            let (start, end) = tree.bytes(k, k);
            a.entities
                .covering(start, end)
                .find(|m| m.kind == crate::model::EntityKind::Country)
                .map(|m| m.entity.clone())
        });
        if let Some(country) = place {
            return Some(Holder {
                parts: vec![country],
                named: true,
            });
        }
    }
    // "Kestrel Mining Corp <KMC> - Offering of 3 mln shares": digest
    // copy lists items, each opening with its party and a dash.
    if let Some(h) = listed_party(a, tree, r.token) {
        return Some(h);
    }
    // No one named: the article's party, as a reader would take it.
    salient.map(|n| Holder {
        parts: vec![n.to_string()],
        named: false,
    })
}

/// The subject of a figure's measure noun, when the noun is a predicate
/// ("Acme had profit of X" with "had" read as an auxiliary, "Acme is the
/// largest buyer").
fn predicate_subject(tree: &Tree<'_>, r: &Reading) -> Option<usize> {
    r.measure.and_then(|m| tree.kid_with(m, &["nsubj"]))
}

/// Whether the figure's verb has for subject a part of a party ("The
/// division had a turnover of ..."): the part's figure, whose holder the
/// text does not name. ("The division provided 38 pct of group sales": a
/// share is of the whole, whose party the article's is.)
pub fn of_a_part(lex: &Lexicon, tree: &Tree<'_>, r: &Reading) -> bool {
    if r.role == Role::Share {
        return false;
    }
    // ("the unit had 2024 sales of X", with "had" read as an auxiliary:
    // the measure noun is the predicate, its subject the clause's.)
    let predicate = r.measure.filter(|_| predicate_subject(tree, r).is_some());
    let Some(verb) = predicate.or_else(|| r.clause_verb(tree)) else {
        return false;
    };
    // "Acme's coatings and resins business" is often read as nouns
    // conjoined, or as two subjects: its words are the subject, one
    // determiner or possessive for all, and a part noun among them
    // (a subject, or the last conjunct of one) names the whole.
    let subjects: Vec<usize> = tree.kids_with(verb, &["nsubj"]).collect();
    // A possessive is definite whoever owns ("Acme's division").
    let possessive = |n: usize| tree.kids(n).iter().any(|&k| tree.deprel(k) == "nmod:poss");
    let determined = |n: usize| {
        possessive(n)
            || tree
                .kids_with(n, &["det"])
                .any(|k| lex.markers.definite.contains(&tree.lemma(k)) || tree.is_pronoun(k))
    };
    // (On the noun, or on a noun compounded with it: "Its plastics unit"
    // may hang "Its" on "plastics".)
    let definite = |n: usize| {
        determined(n)
            || tree
                .kids_with(n, &["compound"])
                .any(|k| k < n && determined(k))
    };
    let part = |n: usize| {
        tree.upos(n) == "NOUN"
            && lex.nouns.parts.contains(&tree.lemma(n))
            && tree
                .kids_with(n, &["compound", "flat"])
                .all(|k| !tree.is_name(k))
    };
    let bare = |n: usize| tree.kid_with(n, &["det"]).is_none() && !possessive(n);
    let last_conjunct = |n: usize| tree.kids_with(n, &["conj"]).last().filter(|&c| bare(c));
    subjects.iter().any(|&n| definite(n))
        && subjects
            .iter()
            .any(|&n| part(n) || last_conjunct(n).is_some_and(part))
}

/// A government body named by its field alone ("the Finance Ministry",
/// "the Statistics Office") speaks for the article's country.
pub fn of_the_country(lex: &Lexicon, h: Holder, country: Option<&str>) -> Holder {
    let Some(country) = country else { return h };
    let body = match h.parts.as_slice() {
        [one] => {
            let words: Vec<&str> = one.split_whitespace().collect();
            words.len() == 2
                && lex
                    .nouns
                    .government_bodies
                    .contains(&words[1].to_lowercase())
        }
        _ => false,
    };
    if body {
        Holder {
            parts: vec![country.to_string()],
            named: h.named,
        }
    } else {
        h
    }
}

/// Whether a named holder is an organization or country, not a person:
/// the gazetteer knows it, it is the article's party, or its name ends the
/// way organizations' names do.
fn organization(lex: &Lexicon, a: &Analyzed, h: &Holder, salient: Option<&str>) -> bool {
    h.parts.iter().all(|p| {
        Some(p.as_str()) == salient
            || a.entities.names_entity(p)
            || p.split_whitespace()
                .last()
                .is_some_and(|w| lex.org_suffixes.iter().any(|s| s == w))
    })
}

/// A holder written on a noun: its possessor, a name in a compound, an
/// "of/at/for/by" name, or "between A and B".
fn on_noun(
    lex: &Lexicon,
    a: &Analyzed,
    s: &Sentence,
    tree: &Tree<'_>,
    m: usize,
    salient: Option<&str>,
) -> Option<Holder> {
    let own = own_holder(lex, a, s, tree, m, salient);
    let lemma = tree.lemma(m);
    // On the noun, or on the verb or figure the noun hangs from ("a
    // surplus of 1.2 bln dlrs with Chile", however the parser hung it).
    let other = |cases: &[String]| {
        let named = |k: usize| {
            (tree.case(k).is_some_and(|c| cases.contains(&c)) && tree.is_name(k))
                .then(|| name_at(a, s, tree, k))
                .flatten()
        };
        // "a trade surplus of 1.2 bln dlrs with Chile": on the figure
        // the noun is of.
        let on_figure = || {
            tree.kids_with(m, &["nmod"])
                .filter(|&k| tree.is_value(k))
                .find_map(|k| tree.kids_with(k, &["nmod"]).find_map(named))
        };
        tree.kids_with(m, &["nmod"])
            .find_map(named)
            .or_else(on_figure)
            .or_else(|| {
                let h = tree.head(m)?;
                tree.kids_with(h, &["obl", "nmod"])
                    .filter(|&k| k != m)
                    .find_map(named)
            })
    };
    // "Norland's trade surplus with Peru", "its stake in
    // Trilogy": a tie between the holder and the other party.
    // A flow has a direction: "Peru's exports to Brazil" are not
    // "Brazil's exports to Peru", so its parties keep their order.
    let flow = lex.markers.flow_nouns.contains(&lemma);
    let with = if lex.relations.contains(&lemma) {
        other(&lex.markers.partner)
    } else if lex.markers.pair_nouns.contains(&lemma) {
        other(&lex.markers.pair_cases)
    } else if flow {
        other(&lex.markers.flow_cases)
    } else {
        None
    };
    let both = |first: String, second: String| {
        if flow {
            vec![first, second]
        } else {
            sorted(vec![first, second])
        }
    };
    match (&own, with) {
        (Some(h), Some(w)) if h.parts.len() == 1 && h.parts[0] != w => {
            return Some(Holder {
                parts: both(h.parts[0].clone(), w),
                named: h.named,
            });
        }
        // "Total trade with Chile": with the article's party.
        (None, Some(w)) => {
            if let Some(sal) = salient.filter(|s| *s != w) {
                return Some(Holder {
                    parts: both(sal.to_string(), w),
                    named: false,
                });
            }
        }
        _ => {}
    }
    own
}

fn own_holder(
    lex: &Lexicon,
    a: &Analyzed,
    s: &Sentence,
    tree: &Tree<'_>,
    m: usize,
    salient: Option<&str>,
) -> Option<Holder> {
    if let Some(p) = tree
        .kids(m)
        .iter()
        .copied()
        .find(|&k| tree.deprel(k) == "nmod:poss")
    {
        if let Some(h) = party(lex, a, s, tree, p, salient) {
            return Some(h);
        }
    }
    // "Azerbaijan–China trade", "Allied net sales": names before the noun;
    // "property company MEPC Plc": a name after it.
    // ("the Louisiana properties": a state or province after "the" says
    // where the things are, not whose.)
    let definite = tree
        .kids_with(m, &["det"])
        .any(|d| lex.markers.definite.contains(&tree.lemma(d)));
    let region = |k: usize| {
        let t = tree.token(k);
        a.entities
            .covering(t.start, t.end)
            .any(|e| e.kind == crate::model::EntityKind::Region)
    };
    // ("... up 4.1 pct Capital investment 20.7 mln": results lines run
    // together, a capital right after a figure opens the next line's
    // label, no name.)
    let opens_label = |k: usize| {
        k > 0
            && tree.is_value(k - 1)
            && !matches!(tree.rel(k - 1), "nummod" | "compound" | "amod")
            && tree.name_span(k) == (k, k)
    };
    let mut names: Vec<String> = Vec::new();
    for k in tree.kids(m).iter().copied().filter(|&k| {
        tree.is_name(k)
            && !opens_label(k)
            && ((k < m
                && matches!(tree.rel(k), "compound" | "amod" | "nmod")
                && !(definite && region(k)))
                || (k == m + 1 && matches!(tree.rel(k), "appos" | "flat" | "compound")))
    }) {
        if let Some(h) = holder_at(a, s, tree, k) {
            for p in h.parts {
                if !names.contains(&p) {
                    names.push(p);
                }
            }
        }
    }
    match names.len() {
        0 => {}
        1 => {
            return Some(Holder {
                parts: names,
                named: true,
            })
        }
        _ => return Some(pair(names[0].clone(), names[1].clone())),
    }
    let mut with: Option<String> = None;
    for k in tree.kids_with(m, &["nmod"]) {
        let Some(case) = tree.case(k) else { continue };
        let Some(name) = (if tree.is_name(k) {
            name_at(a, s, tree, k)
        } else {
            None
        }) else {
            continue;
        };
        match case.as_str() {
            c if lex.markers.owner_cases.contains(&c.to_string()) => {
                return Some(Holder {
                    parts: vec![name],
                    named: true,
                })
            }
            c if lex.markers.range_between.contains(&c.to_string()) => {
                if let Some(other) = tree
                    .kids_with(k, &["conj"])
                    .find(|&c| tree.is_name(c))
                    .and_then(|c| name_at(a, s, tree, c))
                {
                    return Some(pair(name, other));
                }
            }
            c if lex.markers.partner.contains(&c.to_string()) => with = Some(name),
            _ => {}
        }
    }
    // "trade with China": the other side, with the article's party.
    if let (Some(w), Some(sal)) = (with, salient) {
        if w != sal {
            return Some(Holder {
                parts: sorted(vec![w, sal.to_string()]),
                named: false,
            });
        }
    }
    None
}

fn pair(a: String, b: String) -> Holder {
    Holder {
        parts: sorted(vec![a, b]),
        named: true,
    }
}

fn sorted(mut v: Vec<String>) -> Vec<String> {
    v.sort();
    v.dedup();
    v
}

/// A token that names a party: a name, a pronoun or "the company".
pub fn party(
    lex: &Lexicon,
    a: &Analyzed,
    s: &Sentence,
    tree: &Tree<'_>,
    i: usize,
    salient: Option<&str>,
) -> Option<Holder> {
    if tree.is_name(i) {
        return holder_at(a, s, tree, i);
    }
    if let Some(h) = within_name(a, tree, i) {
        return Some(h);
    }
    let inferred = || {
        salient.map(|n| Holder {
            parts: vec![n.to_string()],
            named: false,
        })
    };
    // "Both countries hope", "the two sides signed": the article's two
    // most mentioned countries.
    let two = tree
        .kids_with(i, &["det", "nummod", "amod"])
        .any(|k| lex.nouns.pair_words.contains(&tree.lemma(k)));
    if two && tree.token(i).xpos == "NNS" && lex.nouns.pair_references.contains(&tree.lemma(i)) {
        let countries: Vec<String> = a
            .entities
            .summary()
            .into_iter()
            .filter(|e| e.kind == crate::model::EntityKind::Country)
            .take(2)
            .map(|e| e.name)
            .collect();
        if countries.len() == 2 {
            return Some(Holder {
                parts: sorted(countries),
                named: false,
            });
        }
    }
    let definite = tree
        .kids_with(i, &["det"])
        .any(|k| lex.markers.definite.contains(&tree.lemma(k)));
    // "the company", "the port": the article's party.
    let common = tree.upos(i) == "NOUN" || (tree.upos(i) == "PROPN" && !tree.is_name(i));
    if common && definite && lex.nouns.references.contains(&tree.lemma(i)) {
        // "the port" in an article about the Port of Kestrel Bay repeats a
        // word of the name: as sure as the name itself.
        let lemma = tree.lemma(i);
        let repeats_name = |n: &str| n.split_whitespace().any(|w| w.to_lowercase() == lemma);
        // "Halvard is a maker of valves ... the company earned": the
        // company the sentence before is about, when that is another.
        if let Some(n) = previous_subject(lex, a, s).filter(|n| Some(n.as_str()) != salient) {
            return Some(Holder {
                parts: vec![n],
                named: false,
            });
        }
        return salient.map(|n| Holder {
            parts: vec![n.to_string()],
            named: repeats_name(n),
        });
    }
    if !tree.is_pronoun(i) {
        return None;
    }
    // "Lindqvist Care, which runs 212 clinics": a relative pronoun
    // stands for the noun its clause modifies, not for the sentence's
    // subject.
    // (A clause the parser hung on the verb instead, "advcl:relcl", is on
    // the noun before its comma by word order.)
    if matches!(tree.token(i).xpos, "WDT" | "WP") {
        let modified = tree.head(i).and_then(|v| match tree.deprel(v) {
            "acl:relcl" => tree.head(v),
            "advcl:relcl" => i
                .checked_sub(2)
                .filter(|&n| tree.token(n + 1).form == "," && tree.is_noun(n)),
            _ => None,
        });
        if let Some(n) = modified {
            return party(lex, a, s, tree, n, salient);
        }
    }
    // "Acme said its ...": the organization the saying verb has.
    let mut n = i;
    for _ in 0..6 {
        let Some(h) = tree.head(n) else { break };
        // "Chile's effort to cut its deficit": the one whose
        // effort, plan or decision the clause is.
        if tree.is_noun(h) && tree.rel(n) == "acl" {
            if let Some(p) = tree
                .kids_with(h, &["nmod"])
                .find(|&p| tree.deprel(p) == "nmod:poss" && tree.is_name(p))
            {
                if let Some(found) = holder_at(a, s, tree, p) {
                    return Some(found);
                }
            }
        }
        if tree.is_verb(h) {
            if let Some(subj) = tree.kid_with(h, &["nsubj"]) {
                if subj != i && subj < i && !tree.is_pronoun(subj) {
                    // The subject's party: a name, or a noun with a name
                    // on it or in it ("the Port of Kestrel Bay").
                    let found = if tree.is_name(subj) {
                        holder_at(a, s, tree, subj)
                    } else {
                        within_name(a, tree, subj)
                            .or_else(|| own_holder(lex, a, s, tree, subj, None))
                    };
                    // (A name in agency brackets is a company's.)
                    let t = tree.token(subj);
                    let bracketed = bracketed_name(&a.doc.text, t.start, t.end).is_some();
                    if let Some(h) =
                        found.filter(|h| h.named && (bracketed || organization(lex, a, h, salient)))
                    {
                        return Some(h);
                    }
                }
            }
        }
        n = h;
    }
    inferred()
}

/// The organization the sentence before `s` is about: the named subject
/// of its main clause, when that clause says something of it ("Halvard
/// is a maker of valves") rather than reports what it said, and the
/// name is no country, place or person.
fn previous_subject(lex: &Lexicon, a: &Analyzed, s: &Sentence) -> Option<String> {
    let at = a.sentences.iter().position(|x| std::ptr::eq(x, s))?;
    let prev = a.sentences.get(at.checked_sub(1)?)?;
    if is_headline(a.sentence_text(prev)) {
        return None;
    }
    let tree = Tree::new(a.parse(prev));
    let root = (0..tree.len()).find(|&i| tree.head(i).is_none())?;
    if lex.verbs.report.contains(&tree.lemma(root)) {
        return None;
    }
    let subj = tree
        .kid_with(root, &["nsubj"])
        .filter(|&k| tree.is_name(k))?;
    let (lo, hi) = tree.name_span(subj);
    let (start, end) = tree.bytes(lo, hi);
    let other_kind = a.entities.overlapping(start, end).any(|m| {
        matches!(
            m.kind,
            crate::model::EntityKind::Country | crate::model::EntityKind::Region
        )
    }) || a.entities.people_overlapping(start, end).next().is_some();
    if other_kind {
        return None;
    }
    name_at(a, prev, &tree, subj)
}

/// The party of the list item figure `t` is in: the name, with its
/// ticker, that opens the sentence or follows a full stop, then a dash
/// with a space either side, the nearest such before the figure.
fn listed_party(a: &Analyzed, tree: &Tree<'_>, t: usize) -> Option<Holder> {
    let spaced = |k: usize| {
        k > 0
            && k + 1 < tree.len()
            && tree.token(k - 1).end < tree.token(k).start
            && tree.token(k).end < tree.token(k + 1).start
    };
    (1..t.min(tree.len())).rev().find_map(|k| {
        if !matches!(tree.token(k).form.as_str(), "-" | "–" | "—") || !spaced(k) {
            return None;
        }
        // Past the ticker's brackets to the name.
        let mut j = k - 1;
        if tree.token(j).form == ">" {
            j = (0..j)
                .rev()
                .find(|&i| tree.token(i).form == "<")?
                .checked_sub(1)?;
        }
        if !tree.is_name(j) {
            return None;
        }
        // (By word order: the parser may run the name into the item
        // before, "... Inc. Kestrel Mining Corp -".)
        let ends_item = |i: usize| tree.token(i).form.ends_with('.');
        let mut lo = j;
        while lo > 0 && tree.is_name(lo - 1) && !ends_item(lo - 1) {
            lo -= 1;
        }
        if lo > 0 && !ends_item(lo - 1) {
            return None;
        }
        let (start, end) = tree.bytes(lo, j);
        let known = a
            .entities
            .covering(start, end)
            .find(|m| !m.locative && m.start >= start);
        // A company's, as its ticker or legal form says, or one the
        // gazetteer knows ("May - 13 bid", "Note - Terms of" are none).
        let legal = english()
            .nouns
            .legal_forms
            .iter()
            .any(|f| f.eq_ignore_ascii_case(tree.token(j).form.trim_end_matches('.')));
        let ticker = tree.token(k - 1).form == ">";
        if known.is_none() && !legal && !ticker {
            return None;
        }
        let name = match known {
            Some(m) => clean_name(&m.entity),
            None => clean_name(a.doc.text.get(start..end)?),
        }?;
        Some(Holder {
            parts: vec![name],
            named: true,
        })
    })
}

/// A word inside a known name ("Port" of "Port of Kestrel Bay").
fn within_name(a: &Analyzed, tree: &Tree<'_>, i: usize) -> Option<Holder> {
    let t = tree.token(i);
    a.entities
        .covering(t.start, t.end)
        .find(|m| !m.locative)
        .map(|m| Holder {
            parts: vec![m.entity.clone()],
            named: true,
        })
}

/// The holder a name at token `i` writes: one party, or two joined by a
/// dash ("Latvia-Sweden freight links": Latvia and Sweden).
fn holder_at(a: &Analyzed, s: &Sentence, tree: &Tree<'_>, i: usize) -> Option<Holder> {
    let (lo, hi) = tree.name_span(i);
    let (start, end) = tree.bytes(lo, hi);
    let inside: Vec<&crate::entities::Mention> = a
        .entities
        .in_span(start, end)
        .filter(|m| !m.locative)
        .collect();
    if let [x, y] = inside.as_slice() {
        let between = a.doc.text.get(x.end..y.start).unwrap_or("");
        if x.entity != y.entity && matches!(between, "-" | "–" | "—" | "/") {
            return Some(pair(x.entity.clone(), y.entity.clone()));
        }
    }
    name_at(a, s, tree, i).map(|n| Holder {
        parts: vec![n],
        named: true,
    })
}

/// The name written at token `i` (with its compound and flat words), in
/// its canonical form: the gazetteer's name when it knows it, else the
/// text without a ticker and a legal form ("Acme Corp <ACM>" → "Acme").
pub fn name_at(a: &Analyzed, s: &Sentence, tree: &Tree<'_>, i: usize) -> Option<String> {
    let (lo, hi) = tree.name_span(i);
    let (start, end) = tree.bytes(lo, hi);
    if start >= end || end > a.doc.text.len() || start < s.start {
        return None;
    }
    let raw = a.doc.text.get(start..end)?;
    // A month is a time, not a party.
    if raw
        .split_whitespace()
        .all(|w| crate::calendar::month_number(w).is_some())
    {
        return None;
    }
    // A person named with a title ("Energy Secretary John Herrington") is
    // the person.
    if let Some(p) = a
        .entities
        .people_overlapping(start, end)
        .find(|p| p.name.contains(' '))
    {
        return Some(p.name.clone());
    }
    // The brackets hold the whole name, however the words in them parsed
    // ("<Brenmoor Gold AS>" with "AS" read as a preposition, "<Nova
    // Scotia Timber Corp>" with "Nova Scotia" a name of its own).
    let (start, end, raw) = match bracketed_name(&a.doc.text, start, end) {
        Some((s, e)) => (s, e, &a.doc.text[s..e]),
        None => (start, end, raw),
    };
    // The gazetteer's name, when the whole name is one it knows ("U.S."
    // is the United States; "Thai International" is not Thailand).
    if let Some(m) = a.entities.covering(start, end).find(|m| !m.locative) {
        return clean_name(&m.entity).or_else(|| Some(m.entity.clone()));
    }
    clean_name(raw)
}

/// A company's name without its ticker or legal form, one line.
pub fn clean_name(raw: &str) -> Option<String> {
    let forms = &english().nouns.legal_forms;
    let mut words: Vec<&str> = raw
        .split_whitespace()
        .filter(|w| !w.starts_with('<'))
        .collect();
    while words.len() > 1
        && words.last().is_some_and(|w| {
            forms
                .iter()
                .any(|f| f.eq_ignore_ascii_case(w.trim_end_matches(',')))
        })
    {
        words.pop();
        // "Harrow, Lyle and Co": the words that joined the form go too.
        while words.len() > 1
            && words.last().is_some_and(|w| {
                let w = w.trim_end_matches(',');
                w.eq_ignore_ascii_case("and") || w == "&" || w.is_empty()
            })
        {
            words.pop();
        }
    }
    let name = words.join(" ");
    let name = name.trim_end_matches(',');
    (name.chars().any(char::is_alphabetic)).then(|| name.to_string())
}

#[cfg(test)]
mod tests {
    use super::confirmed_opening;

    #[test]
    fn a_guessed_headline_name_is_cut_to_what_the_story_writes() {
        let guess = "Keldon Holdings Unit Aquires Software Company";
        // The longest opening the story writes.
        assert_eq!(
            confirmed_opening(guess, "Keldon Holdings Inc said it bought Arvo."),
            "Keldon Holdings"
        );
        // One word, only where a name stands alone inside a sentence.
        assert_eq!(
            confirmed_opening(guess, "The stock gives Keldon and Arvo control."),
            "Keldon"
        );
        assert_eq!(confirmed_opening(guess, "Keldon shares rose."), guess);
        assert_eq!(
            confirmed_opening("Federal Bank Board", "the Federal Reserve said"),
            "Federal Bank Board"
        );
        // Nothing written, nothing to cut; an abbreviation stays.
        assert_eq!(confirmed_opening(guess, ""), guess);
        assert_eq!(
            confirmed_opening("Halden LB", "said Halden, the state bank"),
            "Halden LB"
        );
    }
}
