//! Reads what a figure states from the sentence's tree: the noun it
//! measures (with its modifiers), the verb it hangs from, its role (level,
//! change, previous, conversion, per unit, share, range, rank), its time
//! and its modality. No topic list decides whether a figure is a claim:
//! every money, percentage, quantity and count value gets a reading.

use super::tree::Tree;
use super::Role;
use crate::model::Modality;
use crate::rules::{Markers, NounClasses, RuleData, VerbClasses};
use crate::values::{Value, ValueKind};

/// The word lists the reader consults, lowercased once.
pub struct Lexicon {
    pub nouns: NounClasses,
    pub verbs: VerbClasses,
    pub markers: Markers,
    /// Last words of organizations' names ("Corp", "Bank", "Authority").
    pub org_suffixes: Vec<String>,
    /// Nouns of a relation between two parties ("trade", "ties").
    pub relations: Vec<String>,
}

impl Lexicon {
    /// Whether the year at `start..end` of the text is written as "the
    /// same YEAR period": the span of the figure compared with, in that
    /// year.
    pub fn same_span(&self, text: &str, start: usize, end: usize) -> bool {
        let m = &self.markers;
        let before = text
            .get(..start)
            .unwrap_or("")
            .split_whitespace()
            .next_back();
        let after = text.get(end..).unwrap_or("").split_whitespace().next();
        let word = |w: Option<&str>, list: &[String]| {
            w.is_some_and(|w| {
                let w = w
                    .trim_matches(|c: char| !c.is_alphanumeric())
                    .to_lowercase();
                Lexicon::has(list, &w)
            })
        };
        word(before, &m.same) && word(after, &m.span_nouns)
    }

    pub fn new(rules: &RuleData) -> Self {
        let low = |v: &[String]| v.iter().map(|w| w.to_lowercase()).collect::<Vec<_>>();
        let n = &rules.nouns;
        let v = &rules.verbs;
        Lexicon {
            nouns: NounClasses {
                neutral: low(&n.neutral),
                change: low(&n.change),
                share: low(&n.share),
                per_period: low(&n.per_period),
                references: low(&n.references),
                pair_references: low(&n.pair_references),
                pair_words: low(&n.pair_words),
                parts: low(&n.parts),
                stocks: low(&n.stocks),
                results: low(&n.results),
                people: low(&n.people),
                government_bodies: low(&n.government_bodies),
                dropped_modifiers: low(&n.dropped_modifiers),
                forecast: low(&n.forecast),
                plan: low(&n.plan),
                target: low(&n.target),
            },
            verbs: VerbClasses {
                change: low(&v.change),
                level: low(&v.level),
                report: low(&v.report),
                forecast: low(&v.forecast),
                plan: low(&v.plan),
                target: low(&v.target),
                future: low(&v.future),
                conditional: low(&v.conditional),
                light: low(&v.light),
                foresee: low(&v.foresee),
                plan_own: low(&v.plan_own),
                nominal: v.nominal.clone(),
                exchanged: v.exchanged.clone(),
            },
            markers: rules.markers.clone(),
            org_suffixes: rules.org_suffixes.clone(),
            relations: low(&rules.relation_nouns),
        }
    }

    fn has(list: &[String], w: &str) -> bool {
        list.iter().any(|x| x == w)
    }
}

/// What the tree says about one figure.
#[derive(Debug, Clone)]
pub struct Reading {
    /// Index of the value in its sentence.
    pub value: usize,
    /// The value's token.
    pub token: usize,
    pub role: Role,
    /// The noun the figure measures, if the tree names one.
    pub measure: Option<usize>,
    /// The verb the figure (or its measure) hangs from.
    pub verb: Option<usize>,
    /// The noun naming what a verb's figure measures ("earned" → earnings).
    pub nominal: Option<String>,
    /// Whether `measure` was taken from word order, the tree saying none.
    pub guessed: bool,
    /// Whether the figure is a part of another amount the sentence states
    /// ("3 billion crowns of its 20 billion crown debt"): what the part is
    /// (repaid, owed to banks) the measure leaves unsaid.
    pub part: bool,
    /// For a conversion or a range end: the figure it belongs to.
    pub partner: Option<usize>,
    pub modality: Option<Modality>,
    /// The word that set the modality, if the tree gave it.
    pub said: Option<Said>,
}

impl Reading {
    /// The verb of the clause the figure is in: its own, or the one its
    /// noun hangs from through other nouns ("profits of X on revenues of
    /// Y": Y's noun hangs on X's, whose verb both share).
    pub fn clause_verb(&self, tree: &Tree<'_>) -> Option<usize> {
        if self.verb.is_some() {
            return self.verb;
        }
        let mut at = self.token;
        for _ in 0..6 {
            if !matches!(tree.rel(at), "nmod" | "obj" | "obl" | "appos" | "conj") {
                return None;
            }
            at = tree.head(at)?;
            if tree.is_verb(at) {
                return Some(at);
            }
        }
        None
    }
}

/// Where a modality was read: the cue token, and whether it speaks of now.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Said {
    pub modality: Modality,
    pub cue: usize,
    pub now: bool,
}

/// The token of each value of the sentence (None when the tokenizer could
/// not keep it whole).
pub fn value_tokens(tree: &Tree<'_>, values: &[Value]) -> Vec<Option<usize>> {
    values
        .iter()
        .map(|v| {
            (0..tree.len()).find(|&i| {
                let t = tree.token(i);
                t.value.is_some() && t.start == v.start && t.end == v.end
            })
        })
        .collect()
}

/// Reads every figure of a sentence. `text` is the document text.
pub fn read(lex: &Lexicon, tree: &Tree<'_>, values: &[Value], text: &str) -> Vec<Reading> {
    let tokens = value_tokens(tree, values);
    let mut out: Vec<Reading> = Vec::new();
    for (vi, v) in values.iter().enumerate() {
        if !figure_kind(v.kind) {
            continue;
        }
        let Some(t) = tokens[vi] else { continue };
        out.push(read_one(lex, tree, vi, t, v, text));
    }
    conjuncts(tree, &mut out);
    pair_ranges(lex, tree, values, text, &mut out);
    conversions(tree, &mut out);
    out
}

/// The kinds a figure claim is made of; times are periods or event dates.
fn figure_kind(k: ValueKind) -> bool {
    !matches!(k, ValueKind::Time)
}

fn read_one(lex: &Lexicon, tree: &Tree<'_>, vi: usize, t: usize, v: &Value, text: &str) -> Reading {
    let mut r = Reading {
        value: vi,
        token: t,
        role: Role::Level,
        measure: None,
        verb: None,
        nominal: None,
        partner: None,
        modality: None,
        said: None,
        guessed: false,
        part: false,
    };
    if v.kind == ValueKind::Rank {
        r.role = Role::Rank;
    }
    // "X a share", "X per tonne": a price or rate per unit.
    let after = text.get(v.end..).unwrap_or("");
    if let Some(unit) = per_unit_after(&lex.markers, after) {
        if !Lexicon::has(&lex.nouns.per_period, &unit) {
            r.role = Role::PerUnit;
        }
    }
    // "11.50 dlrs ... per Calny share": the tree hangs the unit on the
    // figure with its case word, however far the words are apart.
    if r.role == Role::Level {
        let per_unit = tree.kids_with(t, &["nmod"]).any(|k| {
            k > t
                && tree.is_noun(k)
                && !Lexicon::has(&lex.nouns.per_period, &tree.lemma(k))
                && tree
                    .kids_with(k, &["case"])
                    .any(|c| Lexicon::has(&lex.markers.per, &tree.lemma(c)))
        });
        if per_unit {
            r.role = Role::PerUnit;
        }
    }
    // The node that stands for the figure in its clause: the value, or the
    // noun it modifies ("a 5 pct rise", "201 facilities").
    let mut node = t;
    let rel = tree.rel(t);
    if let Some(h) = tree.head(t) {
        if matches!(rel, "nummod" | "compound" | "amod" | "nmod" | "obl")
            && tree.is_noun(h)
            && tree.case(t).is_none()
            && h > t
        {
            let lemma = tree.lemma(h);
            if change_noun(lex, &lemma, v.kind) {
                set_role(&mut r, Role::Change);
                node = h;
            } else if Lexicon::has(&lex.nouns.share, &lemma) && is_ratio(v.kind) {
                set_role(&mut r, Role::Share);
                r.measure = Some(h);
                node = h;
            } else if !Lexicon::has(&lex.nouns.neutral, &lemma) {
                r.measure = Some(h);
                node = h;
            } else {
                // "20 mln dlrs face amount of its debentures", "a 3 mln
                // dlr total of loans": what the framing noun is of.
                r.measure = tree.kids_with(h, &["nmod"]).find(|&k| {
                    k > h
                        && tree.upos(k) == "NOUN"
                        && !tree.is_value(k)
                        && tree
                            .case(k)
                            .is_some_and(|c| Lexicon::has(&lex.markers.of, &c))
                        && !Lexicon::has(&lex.nouns.per_period, &tree.lemma(k))
                        && !people(lex, tree, k, v.kind)
                });
                node = h;
            }
        } else if (matches!(rel, "flat" | "appos" | "dep")
            || (matches!(rel, "obj" | "iobj")
                && tree.head(h).is_some_and(|v| tree.is_verb(v))
                && tree.rel(h) == "obj"))
            && tree.upos(h) == "NOUN"
            && !tree.is_capitalized(h)
            && tree.case(t).is_none()
            && h < t
            && (h + 1..t).all(|k| tree.head(k) == Some(t) && matches!(tree.upos(k), "ADV" | "ADJ"))
            && !Lexicon::has(&lex.nouns.neutral, &tree.lemma(h))
            && !Lexicon::has(&lex.nouns.per_period, &tree.lemma(h))
            && !Lexicon::has(&lex.nouns.references, &tree.lemma(h))
            && !people(lex, tree, h, v.kind)
        {
            // "Trading profit 41.2 mln", "raising fees 3 billion dlrs":
            // a figure right after a noun, hung on it with no case word,
            // is that noun's figure (a results line, or a second object
            // the parser hung on the first).
            r.measure = Some(h);
            node = h;
        }
    }
    // "7.1 million tonnes of cargo", "80 mln dlrs of treasury notes": an
    // amount measures what it is of, through an amount it is part of
    // ("2.5 billion dlrs of 40 billion dlrs of debt").
    if matches!(
        v.kind,
        ValueKind::Quantity | ValueKind::Count | ValueKind::Money
    ) && r.measure.is_none()
    {
        if let Some((noun, part)) = amount_of(lex, tree, t) {
            r.measure = Some(noun);
            r.part = part;
        }
    }
    // "2.6 mln pounds in cash", "300 mln pesos in farm exports": what
    // an amount is in, written right after it.
    if matches!(v.kind, ValueKind::Quantity | ValueKind::Money) && r.measure.is_none() {
        r.measure = amount_in(lex, tree, t);
    }
    // "a contract worth 65 mln dlrs", "the crop, worth 12 mln dlrs", "the
    // stake is worth 3 mln dlrs": the figure measures what is worth it.
    if v.kind == ValueKind::Money && r.measure.is_none() {
        r.measure = worth_of(lex, tree, t);
    }
    // "41.2 pct of Norland group sales": a share of what follows.
    if is_ratio(v.kind) && r.measure.is_none() {
        if let Some(of) = tree.kids_with(t, &["nmod"]).find(|&k| {
            tree.case(k)
                .is_some_and(|c| Lexicon::has(&lex.markers.of, &c))
                && tree.is_noun(k)
        }) {
            set_role(&mut r, Role::Share);
            r.measure = Some(of);
        }
    }
    // Climb through "X of VALUE" frames and case words to the clause.
    for _ in 0..6 {
        let Some(h) = tree.head(node) else { break };
        let case = tree.case(node);
        match case.as_deref() {
            Some(c) if Lexicon::has(&lex.markers.of, c) && tree.is_noun(h) && node == t => {
                let lemma = tree.lemma(h);
                if change_noun(lex, &lemma, v.kind) {
                    set_role(&mut r, Role::Change);
                    node = h;
                    continue;
                }
                if Lexicon::has(&lex.nouns.neutral, &lemma) {
                    node = h;
                    continue;
                }
                if Lexicon::has(&lex.nouns.share, &lemma) && is_ratio(v.kind) {
                    set_role(&mut r, Role::Share);
                }
                if r.measure.is_none() {
                    r.measure = Some(measured_through(lex, tree, h, v.kind).unwrap_or(h));
                }
                node = h;
                break;
            }
            // "had sales for 2024 of 64 mln dlrs", the figure parsed onto
            // the year: what the verb has before the year.
            Some(c)
                if Lexicon::has(&lex.markers.of, c)
                    && tree.token(h).value == Some(ValueKind::Time)
                    && node == t =>
            {
                r.measure = tree.head(h).filter(|&v| tree.is_verb(v)).and_then(|v| {
                    tree.kids_with(v, &["obj"])
                        .find(|&o| o < h && tree.is_noun(o) && !tree.is_name(o))
                });
                if r.measure.is_some() {
                    node = h;
                }
            }
            // "imports at 5.2 billion crowns", "inflation at 12 pct": the
            // noun a figure is "at" is what it measures.
            Some(c)
                if Lexicon::has(&lex.markers.valued_at, c)
                    && tree.rel(node) == "nmod"
                    && tree.upos(h) == "NOUN"
                    && !tree.is_value(h)
                    && node == t
                    && r.measure.is_none()
                    && !Lexicon::has(&lex.nouns.neutral, &tree.lemma(h))
                    && !Lexicon::has(&lex.nouns.per_period, &tree.lemma(h))
                    && !people(lex, tree, h, v.kind) =>
            {
                r.measure = Some(h);
                node = h;
            }
            Some(c) if Lexicon::has(&lex.markers.previous, c) => {
                set_role(&mut r, Role::Previous);
            }
            Some(c) if Lexicon::has(&lex.markers.change, c) && node == t => {
                set_role(&mut r, Role::Change);
            }
            _ => {}
        }
        break;
    }
    let m = &lex.markers;
    // "after a 0.3 pct fall in June": the change before.
    if tree
        .case(node)
        .is_some_and(|c| Lexicon::has(&m.previous_changes, &c))
    {
        r.role = Role::Previous;
    }
    measure_says_role(lex, tree, &mut r);
    // "a minimum of 15 mln dlrs": a bound.
    if let Some(h) = tree.head(t) {
        if tree.case(t).is_some_and(|c| Lexicon::has(&m.of, &c)) {
            let l = tree.lemma(h);
            if Lexicon::has(&m.lower_bounds, &l) {
                r.role = Role::RangeLow;
            } else if Lexicon::has(&m.upper_bounds, &l) {
                r.role = Role::RangeHigh;
            }
        }
    }
    // "2.1 pct above the 1985 level": a difference.
    if is_ratio(v.kind) && r.role == Role::Level {
        let next = text
            .get(v.end..)
            .and_then(|a| a.split_whitespace().next())
            .map(|w| w.trim_matches(|c: char| !c.is_alphabetic()).to_lowercase());
        if next.is_some_and(|w| Lexicon::has(&m.direction_after, &w)) {
            r.role = Role::Change;
        }
    }
    // "rose 25%": a figure right after a change verb is the change, however
    // the parser attached it.
    if r.role == Role::Level
        && t > 0
        && tree.is_verb(t - 1)
        && Lexicon::has(&lex.verbs.change, &tree.lemma(t - 1))
    {
        r.role = Role::Change;
    }
    // However the parser attached it, a case word just before the figure
    // ("from the record 6.47 billion") says what it is.
    if r.role == Role::Level {
        if let Some(m) = marker_before(lex, tree, t) {
            if Lexicon::has(&lex.markers.previous, &m) {
                r.role = Role::Previous;
            }
        }
    }
    // The verb the figure's phrase hangs from, through nominal heads.
    let mut n = node;
    let mut verb = None;
    for _ in 0..4 {
        match tree.head(n) {
            Some(h) if tree.is_verb(h) => {
                verb = Some(h);
                break;
            }
            Some(h) if tree.upos(h) == "ADJ" || tree.upos(h) == "ADV" => {
                // "up 20 pct", "20 pct higher": a change.
                if Lexicon::has(&lex.markers.direction, &tree.lemma(h)) {
                    set_role(&mut r, Role::Change);
                }
                n = h;
            }
            Some(h) if r.measure.is_some() && Some(n) == r.measure => {
                if tree.is_verb(h) {
                    verb = Some(h);
                } else if tree.is_value(h)
                    && tree
                        .case(n)
                        .is_some_and(|c| Lexicon::has(&lex.markers.earned_on, &c))
                {
                    // "earned 8.1 mln dlrs, or 31 cts a share, on revenues
                    // of 97.3 mln", what the earning was on, hung on
                    // another figure: that figure's verb.
                    n = h;
                    continue;
                }
                break;
            }
            Some(h) if tree.is_noun(h) && r.measure.is_none() && n != t => {
                n = h;
            }
            _ => break,
        }
    }
    // A copular figure: "Net was 5 mln dlrs" hangs from its own subject.
    // "Norvik is the largest buyer": the predicate's subject holds the
    // figure on the predicate noun, as a verb's subject would.
    let cop = tree.kid_with(t, &["cop"]).is_some() || tree.kid_with(node, &["cop"]).is_some();
    if cop {
        let pred = if tree.kid_with(t, &["cop"]).is_some() {
            t
        } else {
            node
        };
        if r.measure.is_none() {
            // (Two subjects are a misparse of one noun phrase, "year - to -
            // date sales": its head is the last noun.)
            if let Some(s) = tree.kids_with(pred, &["nsubj"]).last() {
                if tree.is_noun(s) && !tree.is_name(s) && !people(lex, tree, s, v.kind) {
                    r.measure = Some(s);
                    measure_says_role(lex, tree, &mut r);
                }
            }
            verb = Some(pred);
        } else if verb.is_none() {
            verb = Some(pred);
        }
    }
    let direction = &lex.markers.direction;
    // ("rose to 3.2 mln, up from 2.9 mln": "up from" goes with the figure
    // it is from, whatever the parser hung it on.)
    let from_after = |k: usize| {
        k > t && k + 1 < tree.len() && Lexicon::has(&lex.markers.previous, &tree.lemma(k + 1))
    };
    if tree.kids(t).iter().any(|&k| {
        tree.rel(k) == "advmod" && Lexicon::has(direction, &tree.lemma(k)) && !from_after(k)
    }) || text
        .get(..v.start)
        .is_some_and(|b| ends_with_word(b, direction))
    {
        set_role(&mut r, Role::Change);
    }
    r.verb = verb;
    if let Some(p) = verb {
        let lemma = tree.lemma(p);
        if Lexicon::has(&lex.markers.previous_verbs, &lemma) {
            // "compared with a 4 pct decline": the change before, too.
            if r.role == Role::Change {
                r.role = Role::Previous;
            }
            set_role(&mut r, Role::Previous);
        }
        // "priced at 99-5/8 pct": a price.
        if Lexicon::has(&lex.markers.per_unit_verbs, &lemma) {
            set_role(&mut r, Role::PerUnit);
        }
        let change_verb = Lexicon::has(&lex.verbs.change, &lemma);
        // "fell to around 18 mln", with "to" parsed onto "around": the
        // word before the figure still says it is the level reached.
        let node_case = tree.case(node).or_else(|| {
            marker_before(lex, tree, t).filter(|c| node == t && Lexicon::has(&lex.markers.level, c))
        });
        if change_verb && r.role == Role::Level && !cop {
            let m = &lex.markers;
            match node_case.as_deref() {
                Some(c) if Lexicon::has(&m.level, c) => {}
                Some(c) if Lexicon::has(&m.previous, c) => set_role(&mut r, Role::Previous),
                Some(c) if !Lexicon::has(&m.change, c) => {}
                Some(_) | None => {
                    // "sales fell 10 mln dlrs", "raised fees 12 billion",
                    // "cut prices 5 pct": a change. "will raise 10 mln
                    // dlrs", "lost 7 mln crowns": what the agent raised or
                    // lost, a level.
                    let agent = tree.kid_with(p, &["nsubj"]).is_some_and(|s| {
                        tree.is_name(s)
                            || tree.is_pronoun(s)
                            || lex.nouns.references.contains(&tree.lemma(s))
                    });
                    let other_object = tree
                        .kids_with(p, &["obj"])
                        .any(|o| o != node && tree.is_noun(o));
                    let acted_upon = agent && !other_object && !is_ratio(v.kind);
                    if matches!(tree.rel(node), "obj" | "obl" | "advmod" | "nmod" | "dep")
                        && node == t
                        && !acted_upon
                    {
                        set_role(&mut r, Role::Change);
                    }
                }
            }
        }
        // "put the year's total losses at 41 mln": what the verb
        // values at the figure is its object, not its subject.
        if r.measure.is_none()
            && Lexicon::has(&lex.verbs.level, &lemma)
            && node_case
                .as_deref()
                .is_some_and(|c| Lexicon::has(&lex.markers.valued_at, c))
        {
            r.measure = tree.kids_with(p, &["obj"]).find(|&o| {
                o != node && tree.is_noun(o) && !tree.is_name(o) && !people(lex, tree, o, v.kind)
            });
        }
        // "bought the unit for 12 mln dlrs": what it changed hands for is
        // its price, not the thing bought or who bought it.
        // (The parser may hang the figure on the seller, "from Arvo Corp
        // for 5 mln dlrs", a name that measures nothing.)
        let on_a_name = r
            .measure
            .is_some_and(|m| tree.is_name(m) || (m > 0 && tree.is_capitalized(m)));
        if (r.measure.is_none() || on_a_name) && v.kind == ValueKind::Money {
            let exchanged_for = tree
                .case(t)
                .is_some_and(|c| Lexicon::has(&lex.markers.exchange_cases, &c));
            if let Some(noun) = lex.verbs.exchanged.get(&lemma).filter(|_| exchanged_for) {
                // ("sell its holdings for X": the price of the holdings.)
                let sold = tree
                    .kids_with(p, &["obj"])
                    .find(|&o| tree.is_noun(o) && !tree.is_name(o) && !tree.is_value(o));
                r.measure = None;
                r.nominal = Some(match sold {
                    Some(o) => format!("{noun} of {}", noun_phrase(lex, tree, o)),
                    None => noun.clone(),
                });
            }
        }
        if r.measure.is_none() && r.nominal.is_none() {
            r.measure = subject_measure(lex, tree, p, node, v.kind);
            // "the package will save 3 mln dlrs", "the unit earned 4 mln
            // dlrs": the figure the verb names is of its subject, the
            // savings of the package, not the package.
            let object = node == t && tree.rel(t) == "obj";
            if let (Some(sm), Some(noun), true) = (r.measure, lex.verbs.nominal.get(&lemma), object)
            {
                r.nominal = Some(format!("{noun} of {}", noun_phrase(lex, tree, sm)));
                r.measure = None;
            }
        }
        if r.measure.is_none() && r.nominal.is_none() {
            // "X earned 22 mln dlrs": what the verb names.
            if let Some(o) = tree
                .kids_with(p, &["obj"])
                .find(|&o| o != node && tree.is_noun(o) && !tree.is_name(o))
            {
                r.measure = Some(o);
            } else if let Some(noun) = lex.verbs.nominal.get(&lemma) {
                r.nominal = Some(noun.clone());
            }
        }
        // A figure inside the verb's subject ("the remaining 58 mln dlr
        // outlay is expected to be covered") is as stated; the verb's modality
        // is about its predicate.
        let in_subject = {
            let mut n = node;
            let mut inside = false;
            while let Some(h) = tree.head(n) {
                if h == p {
                    inside = tree.rel(n) == "nsubj";
                    break;
                }
                n = h;
            }
            inside
        };
        let moves = matches!(r.role, Role::Change | Role::Previous)
            || Lexicon::has(&lex.verbs.level, &lemma);
        if !in_subject {
            // "had predicted a rise of 4.1 pct", "forecast the crop at
            // X", "is budgeted at X": the figure's own verb foresees or
            // plans it, in any tense.
            let own = if Lexicon::has(&lex.verbs.foresee, &lemma) {
                Some(Modality::Forecast)
            } else if Lexicon::has(&lex.verbs.plan_own, &lemma) {
                Some(Modality::Plan)
            } else {
                None
            };
            r.said = match own {
                Some(modality) => Some(Said {
                    modality,
                    cue: p,
                    now: present(tree, p),
                }),
                None => modality(lex, tree, p, moves),
            };
            r.modality = r.said.map(|s| s.modality);
        }
    }
    // Where the tree names no measure, the clause usually does by word
    // order: the subject before the verb before the figure ("Treasury cash
    // holdings fell 620 mln dlrs to 5.18 billion").
    if r.measure.is_none() && r.nominal.is_none() {
        // ("The group offered ...": a definite noun standing for the
        // party is who, not what; "Funds averaged 5.82 pct" names what.)
        let refers = |n: usize| {
            Lexicon::has(&lex.nouns.references, &tree.lemma(n))
                && tree
                    .kids_with(n, &["det"])
                    .any(|d| Lexicon::has(&lex.markers.definite, &tree.lemma(d)))
        };
        r.measure = subject_by_word_order(lex, tree, t)
            .filter(|&n| !refers(n) && !people(lex, tree, n, v.kind));
        r.guessed = r.measure.is_some();
    }
    // "the 4.6 pct 2025 forecast", "projections of a 720 mln dlr rise":
    // a figure inside the phrase of a forecast, plan or target noun (no
    // verb between) is one.
    if r.modality.is_none() {
        r.modality = noun_modality(lex, tree, t);
    }
    // "a year earlier", "a year ago" on the figure: the previous level.
    if r.role == Role::Level
        && text
            .get(v.end..)
            .is_some_and(|a| starts_with_any(a, &lex.markers.year_before))
    {
        r.role = Role::Previous;
    }
    r
}

/// The reading of a time that dates an event: the verb or noun it hangs
/// from (through "the end of", "early"), unless that is a saying verb.
pub fn event_reading(lex: &Lexicon, tree: &Tree<'_>, t: usize, vi: usize) -> Option<Reading> {
    // "less in 2025 than in 2024": a point of comparison, no event.
    let compared = |i: usize| {
        tree.case(i)
            .is_some_and(|c| Lexicon::has(&lex.markers.comparison, &c))
            || marker_before(lex, tree, i)
                .is_some_and(|m| Lexicon::has(&lex.markers.comparison, &m))
    };
    if compared(t) {
        return None;
    }
    // "span the years from May 2 to October 30": the two ends of a
    // span, not the date of an event (read below as other): a span that
    // will be covered may well be past.
    let span_end = |i: usize, cases: &[String]| {
        tree.case(i).is_some_and(|c| Lexicon::has(cases, &c)) && tree.is_value(i)
    };
    let m = &lex.markers;
    let spanned = tree.head(t).is_some_and(|h| {
        let siblings = || tree.kids(h).iter().copied().filter(move |&k| k != t);
        (span_end(t, &m.range_to) && siblings().any(|k| k < t && span_end(k, &m.range_from)))
            || (span_end(t, &m.range_from) && siblings().any(|k| k > t && span_end(k, &m.range_to)))
    });
    let mut a = tree.head(t)?;
    // "higher 1986 profit": a year right before a noun modifies that noun,
    // wherever the parser hung it; it dates the noun, not the verb.
    // ("1986 financial statements": past its adjectives.)
    let mut n = t + 1;
    while n < tree.len() && tree.upos(n) == "ADJ" {
        n += 1;
    }
    if n < tree.len() && tree.upos(n) == "NOUN" && !tree.is_value(n) {
        a = n;
    }
    // "scheduled for the end of 1988": the time word's own head; "in
    // Hamburg, in March 2025": a place's.
    for _ in 0..2 {
        if (tree.is_noun(a) && lex.nouns.per_period.contains(&tree.lemma(a)))
            || tree.is_value(a)
            || tree.is_name(a)
        {
            a = tree.head(a)?;
        } else {
            break;
        }
    }
    let lemma = tree.lemma(a);
    // A time on a saying verb dates the saying; on a verb of change or
    // level ("net rose in the 4th qtr") it is a period, not an event.
    if Lexicon::has(&lex.verbs.report, &lemma)
        || (tree.is_verb(a) && Lexicon::has(&lex.verbs.change, &lemma))
    {
        return None;
    }
    // "notes due June 1, 2034": the date it falls due.
    if Lexicon::has(&lex.markers.due, &lemma) {
        return Some(Reading {
            value: vi,
            token: t,
            role: Role::EventDate,
            measure: None,
            verb: None,
            nominal: Some(lemma),
            partner: None,
            modality: None,
            said: None,
            guessed: false,
            part: false,
        });
    }
    let (measure, verb) = if tree.is_verb(a) {
        // "The delivery was made in May", "the bonds have a final
        // maturity on June 1": a light verb's noun names the event.
        let event_noun = Lexicon::has(&lex.verbs.light, &lemma)
            .then(|| {
                let noun = |k: usize| {
                    tree.upos(k) == "NOUN"
                        && !tree.is_value(k)
                        && !Lexicon::has(&lex.nouns.references, &tree.lemma(k))
                        && !Lexicon::has(&lex.nouns.people, &tree.lemma(k))
                        && !Lexicon::has(&lex.nouns.per_period, &tree.lemma(k))
                };
                // What is made or expected, else what is had or covered,
                // else what has or covers it.
                ["nsubj:pass", "obj", "nsubj"]
                    .iter()
                    .find_map(|rel| tree.kids_with(a, &[rel]).find(|&k| noun(k)))
            })
            .flatten();
        (event_noun, Some(a))
    } else if tree.is_noun(a) {
        let mut v = a;
        let mut verb = None;
        for _ in 0..4 {
            match tree.head(v) {
                Some(h) if tree.is_verb(h) => {
                    verb = Some(h);
                    break;
                }
                Some(h) => v = h,
                None => break,
            }
        }
        (Some(a), verb)
    } else {
        return None;
    };
    let moves = verb.is_some_and(|v| Lexicon::has(&lex.verbs.change, &tree.lemma(v)));
    // A date on a noun ("the 1985 indictments") is as stated; only a date
    // on the verb takes the verb's modality ("will mature on ...").
    let said = verb
        .filter(|&v| v == a)
        .and_then(|v| modality(lex, tree, v, moves));
    Some(Reading {
        value: vi,
        token: t,
        role: if spanned {
            Role::Other
        } else {
            Role::EventDate
        },
        measure,
        verb,
        nominal: measure.is_none().then_some(lemma),
        partner: None,
        modality: said.map(|s| s.modality),
        said,
        guessed: false,
        part: false,
    })
}

/// What a figure's measure noun says of its role: "the previous record
/// was 3.9 billion dlrs" is the level before; a price noun makes a
/// level per unit.
fn measure_says_role(lex: &Lexicon, tree: &Tree<'_>, r: &mut Reading) {
    let Some(me) = r.measure else { return };
    let m = &lex.markers;
    if tree
        .kids_with(me, &["amod"])
        .any(|k| Lexicon::has(&m.previous_modifiers, &tree.lemma(k)))
    {
        r.role = Role::Previous;
    }
    if r.role == Role::Level && Lexicon::has(&m.per_unit_nouns, &tree.lemma(me)) {
        r.role = Role::PerUnit;
    }
}

/// The modality a noun gives the figure inside its phrase: the figure's
/// nominal heads, up to the first verb, and the nouns their own heads
/// ("of a 720 mln dlr rise" inside "projections").
fn noun_modality(lex: &Lexicon, tree: &Tree<'_>, t: usize) -> Option<Modality> {
    let nouns = &lex.nouns;
    let mut n = t;
    for _ in 0..4 {
        let h = tree.head(n)?;
        if tree.is_verb(h) || !tree.is_noun(h) {
            return None;
        }
        let lemma = tree.lemma(h);
        if Lexicon::has(&nouns.forecast, &lemma) {
            return Some(Modality::Forecast);
        }
        if Lexicon::has(&nouns.plan, &lemma) {
            return Some(Modality::Plan);
        }
        if Lexicon::has(&nouns.target, &lemma) {
            return Some(Modality::Target);
        }
        n = h;
    }
    None
}

/// The word or two before token `t`, past a determiner or modifier ("from
/// the record", "compared with about"), lowercase.
pub fn marker_before(lex: &Lexicon, tree: &Tree<'_>, t: usize) -> Option<String> {
    let mut i = t;
    for _ in 0..3 {
        i = i.checked_sub(1)?;
        // ("vs" read as an adverb is still the case word.)
        let marker = Lexicon::has(&lex.markers.previous, &tree.token(i).form.to_lowercase());
        if !matches!(tree.upos(i), "DET" | "ADJ" | "ADV") || tree.rel(i) == "case" || marker {
            break;
        }
    }
    let one = tree.token(i).form.to_lowercase();
    let two = i
        .checked_sub(1)
        .map(|j| format!("{} {}", tree.token(j).form.to_lowercase(), one));
    Some(match two {
        Some(two) if matches!(tree.upos(i), "ADP") && tree.upos(i - 1) == "VERB" => two,
        _ => one,
    })
}

fn is_ratio(k: ValueKind) -> bool {
    matches!(k, ValueKind::Percent | ValueKind::PercentagePoints)
}

/// Whether a noun the figure is on makes it a change: "a 5 pct loss",
/// "a rise of 10 mln dlrs", but not "a loss of 14 mln dlrs", a result.
fn change_noun(lex: &Lexicon, lemma: &str, kind: ValueKind) -> bool {
    Lexicon::has(&lex.nouns.change, lemma)
        && (is_ratio(kind) || !Lexicon::has(&lex.nouns.results, lemma))
}

/// A noun for people ("analysts", "bankers"): who speaks of a figure,
/// not what it measures, unless the figure counts them.
fn people(lex: &Lexicon, tree: &Tree<'_>, n: usize, kind: ValueKind) -> bool {
    kind != ValueKind::Count && Lexicon::has(&lex.nouns.people, &tree.lemma(n))
}

/// The noun group right after an amount and "in", with no article: its
/// last common noun, unless a time, a party or people.
fn amount_in(lex: &Lexicon, tree: &Tree<'_>, t: usize) -> Option<usize> {
    let case = t + 1;
    if case >= tree.len() || !Lexicon::has(&lex.markers.amount_in, &tree.lemma(case)) {
        return None;
    }
    let mut last = None;
    let mut j = case + 1;
    while j < tree.len() && matches!(tree.upos(j), "ADJ" | "NOUN") && !tree.is_value(j) {
        if tree.upos(j) == "NOUN" {
            last = Some(j);
        }
        j += 1;
    }
    // "in calendar 1987", "in fiscal 1986": a time.
    if j < tree.len() && tree.is_value(j) {
        return None;
    }
    last.filter(|&n| {
        let lemma = tree.lemma(n);
        // ("in excess of", "in total": words of amount, no measure.)
        !Lexicon::has(&lex.nouns.per_period, &lemma)
            && !Lexicon::has(&lex.nouns.neutral, &lemma)
            && !Lexicon::has(&lex.nouns.references, &lemma)
            && !Lexicon::has(&lex.nouns.people, &lemma)
    })
}

/// The common noun an amount is "of", following amounts of amounts, and
/// whether the amount is a part of another one ("2.5 billion dlrs of 40
/// billion dlrs of debt", "3 billion crowns of its 20 billion crown debt").
fn amount_of(lex: &Lexicon, tree: &Tree<'_>, t: usize) -> Option<(usize, bool)> {
    let kind = tree.token(t).value;
    let mut node = t;
    let mut part = false;
    for _ in 0..3 {
        let of = tree.kids_with(node, &["nmod"]).find(|&k| {
            k > node
                && tree
                    .case(k)
                    .is_some_and(|c| Lexicon::has(&lex.markers.of, &c))
        })?;
        if tree.is_value(of) {
            part |= tree.token(of).value == kind;
            node = of;
            continue;
        }
        part |= tree.kids(of).iter().any(|&k| tree.token(k).value == kind);
        return (tree.upos(of) == "NOUN").then_some((of, part));
    }
    None
}

/// "gains on the sale of equipment of 240,000 dlrs", "income from
/// continuing operations of 5 mln dlrs": a figure "of" a noun that only
/// says what another noun is on, from or in measures that other noun,
/// through the noun's own "of" phrases. ("earned 5 mln on sales of 97
/// mln": a noun with a figure of its own keeps the figure; "a rise in
/// exports of 5 pct" measures exports, the rise being the change.)
fn measured_through(lex: &Lexicon, tree: &Tree<'_>, n: usize, kind: ValueKind) -> Option<usize> {
    if tree.is_name(n) || Lexicon::has(&lex.nouns.per_period, &tree.lemma(n)) {
        return None;
    }
    let mut inner = n;
    for _ in 0..3 {
        let case = tree.case(inner)?;
        let head = tree.head(inner)?;
        if Lexicon::has(&lex.markers.of, &case) {
            if !tree.is_noun(head) || tree.is_name(head) {
                return None;
            }
            inner = head;
            continue;
        }
        if !Lexicon::has(&lex.markers.measure_cases, &case) {
            return None;
        }
        // The noun it hangs on, or the verb's object right before it when
        // the parser hung the phrase on the verb ("includes a loss from
        // the sale of bonds of 118,400 dlrs").
        let case_token = tree.kids_with(inner, &["case"]).next()?;
        let outer = if tree.is_noun(head) && tree.rel(inner) == "nmod" {
            head
        } else if tree.is_verb(head) {
            tree.kids_with(head, &["obj"])
                .find(|&o| o + 1 == case_token && tree.is_noun(o))?
        } else {
            return None;
        };
        let lemma = tree.lemma(outer);
        // ("1.10 dlrs a share on sales of 80.2 mln": a noun in a
        // figure's phrase is that figure's.)
        let own_figure = tree
            .kids(outer)
            .iter()
            .any(|&k| tree.token(k).value.is_some_and(|v| v != ValueKind::Time))
            || tree.head(outer).is_some_and(|h| tree.is_value(h));
        let ok = tree.upos(outer) == "NOUN"
            && !tree.is_capitalized(outer)
            && !own_figure
            && !change_noun(lex, &lemma, kind)
            && !Lexicon::has(&lex.nouns.neutral, &lemma)
            && !Lexicon::has(&lex.nouns.per_period, &lemma)
            && !Lexicon::has(&lex.nouns.references, &lemma)
            && !people(lex, tree, outer, kind);
        return ok.then_some(outer);
    }
    None
}

/// A role once set by a stronger cue is kept.
fn set_role(r: &mut Reading, role: Role) {
    if r.role == Role::Level || (r.role == Role::PerUnit && role == Role::Previous) {
        r.role = role;
    }
}

/// The thing figure `t` is the worth of: the noun "worth" hangs the figure
/// on, or the subject of "is worth".
fn worth_of(lex: &Lexicon, tree: &Tree<'_>, t: usize) -> Option<usize> {
    let is_worth = |k: usize| Lexicon::has(&lex.markers.worth, &tree.lemma(k));
    let noun = if tree.kids_with(t, &["case"]).any(is_worth) {
        tree.head(t)
    } else {
        let w = tree.head(t).filter(|&w| is_worth(w))?;
        match tree.rel(w) {
            "amod" | "acl" | "appos" => tree.head(w),
            _ => tree.kid_with(w, &["nsubj"]),
        }
    }?;
    (tree.is_noun(noun)
        && !tree.is_name(noun)
        && !tree.is_value(noun)
        && !Lexicon::has(&lex.nouns.neutral, &tree.lemma(noun))
        && !people(lex, tree, noun, ValueKind::Money))
    .then_some(noun)
}

/// The noun just before the verb that comes before token `t` in its
/// clause, if it is a common noun.
fn subject_before_verb(tree: &Tree<'_>, t: usize) -> Option<usize> {
    let (_, j) = verb_before(tree, t, |i| !tree.is_value(i) && tree.is_verb(i))?;
    let head = j.checked_sub(1)?;
    (tree.upos(head) == "NOUN" && !tree.is_value(head)).then_some(head)
}

/// Punctuation that ends a clause: not a comma, a dash or a parenthesis.
fn clause_boundary(tree: &Tree<'_>, i: usize) -> bool {
    tree.upos(i) == "PUNCT" && !matches!(tree.token(i).form.as_str(), "," | "-" | "(" | ")")
}

/// The nearest word before token `t` in its clause that `is_verb` takes
/// for the verb, and where the auxiliaries, adverbs and particles before
/// that verb start.
fn verb_before(
    tree: &Tree<'_>,
    t: usize,
    is_verb: impl Fn(usize) -> bool,
) -> Option<(usize, usize)> {
    let mut i = t;
    let verb = loop {
        i = i.checked_sub(1)?;
        if clause_boundary(tree, i) {
            return None;
        }
        if is_verb(i) {
            break i;
        }
    };
    let mut start = verb;
    while start > 0 && matches!(tree.upos(start - 1), "AUX" | "ADV" | "PART") {
        start -= 1;
    }
    Some((verb, start))
}

/// The head of the subject of the clause a figure ends, by word order,
/// for trees that attach the figure where no subject can be reached
/// ("Opening stocks at the start of the month totalled 3,000 tonnes",
/// with the verb parsed as a modifier of "start"). Left of the figure
/// comes the verb (a level verb right before the figure counts, however it
/// was tagged: "Fees total two pct"); left of the verb, past auxiliaries
/// and adverbs, noun groups: a group after a case word is a prepositional
/// phrase, skipped; the first that is not is the subject, and its last
/// common noun its head. A relative pronoun stands for the noun before it.
fn subject_by_word_order(lex: &Lexicon, tree: &Tree<'_>, t: usize) -> Option<usize> {
    let boundary = |i: usize| clause_boundary(tree, i);
    let level_word = |i: usize| {
        i + 1 == t && tree.upos(i) != "NOUN" && Lexicon::has(&lex.verbs.level, &tree.lemma(i))
    };
    let (verb, mut end) = verb_before(tree, t, |i| tree.is_verb(i) || level_word(i))?;
    let in_group = |k: usize| {
        matches!(tree.upos(k), "DET" | "ADJ" | "NOUN" | "PROPN" | "NUM")
            || tree.is_value(k)
            || (tree.upos(k) == "PART" && tree.token(k).form.starts_with('\''))
            || (tree.upos(k) == "VERB" && tree.rel(k) == "amod")
    };
    // "at prices ranging from 10 to 12 dlrs": a participle right after a
    // noun modifies it.
    let participle = matches!(tree.token(verb).xpos, "VBG" | "VBN");
    if participle && end == verb && verb > 0 {
        let n = verb - 1;
        if tree.upos(n) == "NOUN" && !tree.is_value(n) {
            return (!Lexicon::has(&lex.nouns.per_period, &tree.lemma(n))).then_some(n);
        }
    }
    // "inflation, officially put at 12 pct": a participle with no
    // auxiliary after a noun and its comma values that noun.
    let valued_at = tree
        .case(t)
        .is_some_and(|c| Lexicon::has(&lex.markers.valued_at, &c));
    let no_aux = (end..verb).all(|k| tree.upos(k) == "ADV");
    if participle && valued_at && no_aux && end >= 2 && tree.token(end - 1).form == "," {
        let n = end - 2;
        if tree.upos(n) == "NOUN" && !tree.is_value(n) && !looks_named(tree, n) {
            return (!Lexicon::has(&lex.nouns.per_period, &tree.lemma(n))).then_some(n);
        }
    }
    // "housing starts, which rose": the noun before the pronoun, however
    // the tagger read a plural before a relative pronoun ("starts").
    if end >= 2
        && tree.is_pronoun(end - 1)
        && tree.rel(end - 1) == "nsubj"
        && tree.token(end - 2).form == ","
    {
        end -= 2;
        // (The word before the comma, read as a verb in "-s", after a
        // noun it is compounded with, is a plural noun.)
        let n = end.checked_sub(1)?;
        let plural_read_as_verb = tree.token(n).xpos == "VBZ"
            && tree.token(n).form.ends_with('s')
            && n > 0
            && tree.upos(n - 1) == "NOUN";
        if plural_read_as_verb {
            return Some(n);
        }
    }
    let not_time = |h: &usize| !Lexicon::has(&lex.nouns.per_period, &tree.lemma(*h));
    // The head of the group after a conjunction, should nothing before
    // the conjunction be a noun group ("sales rose and profit fell").
    let mut conjunct: Option<usize> = None;
    for _ in 0..6 {
        let mut start = end;
        while start > 0 && in_group(start - 1) && !boundary(start - 1) {
            start -= 1;
        }
        if start == end {
            return conjunct.filter(not_time);
        }
        let head = (start..end)
            .rev()
            .find(|&k| tree.upos(k) == "NOUN" && !tree.is_value(k) && !looks_named(tree, k));
        match start.checked_sub(1) {
            // A prepositional phrase ("at the start of the month", "before
            // restructuring costs"): the subject is before it.
            Some(p) if tree.upos(p) == "ADP" || tree.rel(p) == "case" => {
                conjunct = None;
                end = p;
            }
            // "costs and extraordinary items": one phrase, whatever
            // precedes its first part is what precedes it.
            Some(p) if tree.upos(p) == "CCONJ" => {
                conjunct = conjunct.or(head);
                end = p;
            }
            _ => return head.filter(not_time),
        }
    }
    None
}

/// A capitalized word the tagger took for a common noun inside a name
/// ("Harwick Foods will sell"): a party, not what is measured. ("Sales
/// rose" opens a sentence; "GDP" is written in capitals.)
fn looks_named(tree: &Tree<'_>, k: usize) -> bool {
    tree.is_title_cased(k) && (k > 0 || (k + 1 < tree.len() && tree.is_title_cased(k + 1)))
}

/// Whether `node` lies in the subtree headed by `top`.
fn within(tree: &Tree<'_>, mut node: usize, top: usize) -> bool {
    for _ in 0..tree.len() {
        if node == top {
            return true;
        }
        match tree.head(node) {
            Some(h) => node = h,
            None => return false,
        }
    }
    false
}

/// The measure in a verb's subject: "net profit rose", "sales totalled".
fn subject_measure(
    lex: &Lexicon,
    tree: &Tree<'_>,
    verb: usize,
    node: usize,
    kind: ValueKind,
) -> Option<usize> {
    let mut v = verb;
    for _ in 0..4 {
        if let Some(s) = tree
            .kids_with(v, &["nsubj"])
            .find(|&s| s != node && !tree.is_value(s))
        {
            // "on sales that climbed 11 pct to 2.7 billion": a relative
            // clause's pronoun stands for the noun the clause is on.
            if tree.is_pronoun(s) && tree.deprel(v) == "acl:relcl" {
                return tree
                    .head(v)
                    .filter(|&h| tree.is_noun(h) && !tree.is_name(h) && h != node);
            }
            // "Dealers forecast the deficit will top 1.5 billion crowns",
            // parsed with "top" a conjunct of "forecast": people say or
            // expect figures; what they forecast is the object.
            if people(lex, tree, s, kind) {
                return tree
                    .kids_with(v, &["obj"])
                    .find(|&o| v != verb && o != node && tree.is_noun(o) && !tree.is_name(o));
            }
            // A "subject" with a case word ("before restructuring costs")
            // is a misparsed phrase: word order finds the subject.
            if tree.kid_with(s, &["case"]).is_some() {
                return subject_by_word_order(lex, tree, node).filter(|&n| n != node);
            }
            if tree.is_noun(s)
                && !tree.is_name(s)
                && !looks_named(tree, s)
                && !Lexicon::has(&lex.nouns.references, &tree.lemma(s))
            {
                return Some(s);
            }
            // "the port's cargo grew", parsed with the holder as the
            // subject and the measure hanging from it: the common noun
            // that ends the subject, right before the verb.
            return subject_before_verb(tree, v + 1)
                .filter(|&n| n > s && within(tree, n, s) && !tree.is_name(n));
        }
        // A participle has no subject of its own: "a note was issued
        // totaling 115 mln dlrs" says it of its verb's subject, "fees
        // comprising 1-1/8 pct" of the noun it is on.
        // (Only for the figure's own participle, whose object or oblique
        // it is. A past participle is one only after a comma, with no
        // object: else it is more often a finite verb mistagged, "reserves
        // rose by 40 mln", "stocks at the start of June totalled 18,000
        // tonnes".)
        // ("cut its prime lending rate 0.25 points": a participle with an
        // object of its own besides the figure is a misparsed modifier.)
        let figure_of_v = v == verb
            && tree.head(node) == Some(v)
            && matches!(tree.rel(node), "obj" | "obl")
            && tree.kids_with(v, &["obj"]).all(|o| o == node);
        let participle = figure_of_v
            && match tree.token(v).xpos {
                "VBG" => true,
                "VBN" => {
                    tree.kid_with(v, &["obj"]).is_none() && v > 0 && tree.token(v - 1).form == ","
                }
                _ => false,
            };
        // "is expected to rise": the subject of the governing verb.
        match tree.head(v) {
            Some(h) if matches!(tree.rel(v), "xcomp" | "conj") && tree.is_verb(h) => v = h,
            Some(h)
                if participle
                    && tree.rel(v) == "advcl"
                    && tree.is_verb(h)
                    && tree.kid_with(v, &["mark"]).is_none() =>
            {
                // "showed output rising to 61,000 ounces": the object right
                // before the participle is what it says rose.
                if let Some(o) = tree
                    .kids_with(h, &["obj"])
                    .find(|&o| o + 1 == v && tree.is_noun(o) && !tree.is_value(o))
                {
                    return (!tree.is_name(o) && !people(lex, tree, o, kind)).then_some(o);
                }
                v = h
            }
            Some(h) if participle && tree.rel(v) == "acl" && tree.is_noun(h) => {
                let lemma = tree.lemma(h);
                return (h != node
                    && !tree.is_name(h)
                    && !tree.is_value(h)
                    && !Lexicon::has(&lex.nouns.neutral, &lemma)
                    && !Lexicon::has(&lex.nouns.references, &lemma)
                    && !people(lex, tree, h, kind))
                .then_some(h);
            }
            // "aims to handle" read as a noun with a clause ("a plan to
            // build" is one too): the to-infinitive still says what is
            // aimed at or planned.
            Some(h)
                if tree.rel(v) == "acl"
                    && tree.kids_with(v, &["mark"]).any(|m| tree.lemma(m) == "to") =>
            {
                v = h
            }
            _ => return None,
        }
    }
    None
}

/// The modality a verb gives what it governs ("aims to", "plans to",
/// "expects to"), if its lemma is of one.
fn governing_modality(lex: &Lexicon, lemma: &str) -> Option<Modality> {
    if Lexicon::has(&lex.verbs.target, lemma) {
        Some(Modality::Target)
    } else if Lexicon::has(&lex.verbs.plan, lemma) {
        Some(Modality::Plan)
    } else if Lexicon::has(&lex.verbs.forecast, lemma) {
        Some(Modality::Forecast)
    } else {
        None
    }
}

/// The modality a verb gives its figures, from its auxiliaries and the
/// verbs it hangs from ("expects to", "plans to"), with the word that
/// says it and whether that word speaks of now ("will", "expects") rather
/// than of a forecast made before ("had expected", "would").
fn modality(lex: &Lexicon, tree: &Tree<'_>, verb: usize, moves: bool) -> Option<Said> {
    // A verb in the past tense ("economists estimate GDP fell") states
    // what happened, whatever verb it hangs from.
    if tree.token(verb).xpos == "VBD" {
        return None;
    }
    let mut v = verb;
    for _ in 0..4 {
        for k in tree.kids_with(v, &["aux"]) {
            let l = tree.lemma(k);
            if Lexicon::has(&lex.verbs.future, &l) {
                let modality = if moves {
                    Modality::Forecast
                } else {
                    Modality::Plan
                };
                return Some(Said {
                    modality,
                    cue: k,
                    now: true,
                });
            }
            if Lexicon::has(&lex.verbs.conditional, &l) {
                // "said the sale would be for ...": reported "will".
                let reported = tree.head(v).is_some_and(|h| {
                    tree.rel(v) == "ccomp" && lex.verbs.report.contains(&tree.lemma(h))
                });
                let modality = if reported && !moves {
                    Modality::Plan
                } else {
                    Modality::Forecast
                };
                return Some(Said {
                    modality,
                    cue: k,
                    now: false,
                });
            }
        }
        if v != verb {
            if let Some(modality) = governing_modality(lex, &tree.lemma(v)) {
                return Some(Said {
                    modality,
                    cue: v,
                    now: present(tree, v),
                });
            }
        }
        // "expects to rise", "will earn X and reach Y" pass the modality
        // down; an adverbial clause ("after falling") has its own, and so
        // does a past participle ("will come from a reorganization put
        // into effect March 1": what was put into effect is done).
        let participle = tree.rel(v) == "xcomp" && tree.token(v).xpos == "VBN";
        match tree.head(v) {
            Some(h)
                if matches!(tree.rel(v), "xcomp" | "conj") && tree.is_verb(h) && !participle =>
            {
                v = h
            }
            // "aims to handle" read as a noun with a clause ("a plan to
            // build" is one too): the to-infinitive still says what is
            // aimed at or planned.
            Some(h)
                if tree.rel(v) == "acl"
                    && tree.kids_with(v, &["mark"]).any(|m| tree.lemma(m) == "to") =>
            {
                v = h
            }
            // The same misread hung elsewhere ("operates 23 terminals and
            // aims to handle ...", the infinitive taken for a purpose of
            // "operates"): the word before "to" still names the aim.
            _ => {
                let to = tree
                    .kids_with(v, &["mark"])
                    .find(|&m| tree.lemma(m) == "to" && m + 1 == v)?;
                let before = to.checked_sub(1)?;
                // (An aim or a plan only: a word of forecast before "to"
                // is as often a noun of its own.)
                let modality = governing_modality(lex, &tree.lemma(before))
                    .filter(|&m| m != Modality::Forecast)?;
                return Some(Said {
                    modality,
                    cue: before,
                    now: present(tree, before),
                });
            }
        }
    }
    None
}

/// Whether a verb is in the present ("expects", "is expected", "has
/// planned"), by its tag or its auxiliaries' tags.
fn present(tree: &Tree<'_>, v: usize) -> bool {
    let now = |i: usize| matches!(tree.token(i).xpos, "VBZ" | "VBP");
    now(v) || tree.kids_with(v, &["aux"]).any(now)
}

/// "a share", "per barrel", "each": the unit a figure is per, if any.
fn per_unit_after(m: &Markers, after: &str) -> Option<String> {
    let mut words = after.split_whitespace();
    let first = words.next()?.to_lowercase();
    if Lexicon::has(&m.each, &first) {
        return Some(first);
    }
    if !Lexicon::has(&m.per, &first) {
        return None;
    }
    let unit: String = words
        .next()?
        .chars()
        .take_while(|c| c.is_alphabetic())
        .collect::<String>()
        .to_lowercase();
    (!unit.is_empty()).then_some(unit)
}

/// Whether the last word before a figure is one of `words`.
fn ends_with_word(before: &str, words: &[String]) -> bool {
    let last = before
        .trim_end()
        .rsplit(|c: char| !c.is_alphanumeric())
        .next()
        .unwrap_or("")
        .to_lowercase();
    words.contains(&last)
}

/// Whether the text after a figure opens with one of `phrases`.
fn starts_with_any(after: &str, phrases: &[String]) -> bool {
    // Only as much of the text as the longest phrase and the character
    // after it: `after` may be the rest of a long document.
    let longest = phrases.iter().map(|p| p.chars().count()).max().unwrap_or(0);
    let after = after.trim_start();
    let cut = after
        .char_indices()
        .nth(longest + 1)
        .map_or(after.len(), |(i, _)| i);
    let a = after[..cut].to_lowercase();
    phrases.iter().any(|p| {
        a.strip_prefix(p.as_str())
            .is_some_and(|rest| rest.chars().next().is_none_or(|c| !c.is_alphanumeric()))
    })
}

/// "between 1.9 and 2.1 pct", "15 to 30 pct": a low and a high end, unless
/// a change verb makes it "from a previous level to a new one".
fn pair_ranges(lex: &Lexicon, tree: &Tree<'_>, values: &[Value], text: &str, out: &mut [Reading]) {
    let m = &lex.markers;
    for i in 0..out.len().saturating_sub(1) {
        let (a, b) = (&values[out[i].value], &values[out[i + 1].value]);
        if a.kind != b.kind {
            continue;
        }
        let between = text.get(a.end..b.start).unwrap_or("").trim().to_lowercase();
        let to = Lexicon::has(&m.range_to, &between);
        let and = Lexicon::has(&m.range_and, &between);
        let before = text.get(..a.start).unwrap_or("");
        let ranging = out[i].verb.is_some()
            && out[i].verb == out[i + 1].verb
            && out[i]
                .verb
                .is_some_and(|v| Lexicon::has(&m.range_verbs, &tree.lemma(v)));
        if !(to || ranging || (and && ends_with_word(before, &m.range_between))) {
            continue;
        }
        // "fell 620 mln dlrs to 5.18 billion": a change and the level.
        if !ranging && out[i].role == Role::Change {
            out[i + 1].role = Role::Level;
            continue;
        }
        if !ranging && ends_with_word(before, &m.range_from) && out[i].role == Role::Previous {
            // "rose from X to Y": X was, Y is.
            out[i + 1].role = Role::Level;
            continue;
        }
        out[i].role = Role::RangeLow;
        out[i + 1].role = Role::RangeHigh;
        out[i].partner = Some(i + 1);
        out[i + 1].partner = Some(i);
    }
}

/// "41.2 pct of sales and 9.6 pct of profit": a figure conjoined with
/// another hangs from the same verb, and measures the same unless it says.
fn conjuncts(tree: &Tree<'_>, out: &mut [Reading]) {
    for i in 0..out.len() {
        let t = out[i].token;
        // ("and 44,000 tonnes in May", hung as a parataxis with its "and":
        // a conjunct all the same.)
        let conjoined = tree.rel(t) == "conj"
            || (tree.rel(t) == "parataxis" && tree.kid_with(t, &["cc"]).is_some());
        if !conjoined {
            continue;
        }
        let Some(h) = tree.head(t) else { continue };
        let Some(j) = out.iter().position(|r| r.token == h) else {
            continue;
        };
        if out[i].verb.is_none() {
            out[i].verb = out[j].verb;
        }
        // "against 2.4 billion in May, and 2.9 billion in June
        // 2023": a conjunct of a previous figure is one too.
        // (The parser may hang it on the level before: a previous figure
        // between the two is the one it goes on from.)
        let previous_between = out
            .iter()
            .filter(|r| r.token > h && r.token < t)
            .max_by_key(|r| r.token)
            .is_some_and(|r| r.role == Role::Previous);
        if (out[j].role == Role::Previous || previous_between) && out[i].role == Role::Level {
            out[i].role = Role::Previous;
        }
        // "in denominations of 1,000 and 10,000 dlrs": so is one per unit.
        if out[j].role == Role::PerUnit && out[i].role == Role::Level {
            out[i].role = Role::PerUnit;
        }
        if out[i].modality.is_none() {
            out[i].modality = out[j].modality;
            out[i].said = out[j].said;
        }
        if out[i].measure.is_none() && out[i].nominal.is_none() {
            out[i].measure = out[j].measure;
            out[i].nominal = out[j].nominal.clone();
        }
    }
}

/// "$1.13bn (£600m)": the figure in parentheses restates the one before.
/// A range in parentheses after a range restates it end for end: "30 to
/// 50 crowns (3 to 5 dlrs)" converts 30 to 3 and 50 to 5.
fn conversions(tree: &Tree<'_>, out: &mut [Reading]) {
    for i in 1..out.len() {
        let (t, prev) = (out[i].token, out[i - 1].token);
        if !(t >= 2 && prev + 2 == t && tree.token(t - 1).form == "(") {
            continue;
        }
        let ranges = (out[i - 1].role, out[i].role) == (Role::RangeHigh, Role::RangeLow);
        match (out[i - 1].partner, out[i].partner) {
            (Some(low), Some(high)) if ranges && high > i => {
                out[i].role = Role::Conversion;
                out[i].partner = Some(low);
                out[high].role = Role::Conversion;
                out[high].partner = Some(i - 1);
            }
            _ => {
                out[i].role = Role::Conversion;
                out[i].partner = Some(i - 1);
            }
        }
    }
}

/// A noun with the adjectives and nouns before it that make it what it is,
/// lowercase ("fixed assets system").
fn noun_phrase(lex: &Lexicon, tree: &Tree<'_>, noun: usize) -> String {
    let mut words = vec![noun];
    let mut open = vec![noun];
    while let Some(n) = open.pop() {
        for k in tree.kids_with(n, &["amod", "compound"]) {
            // ("the new dock": "new" says which, not what.)
            let dropped = Lexicon::has(&lex.nouns.dropped_modifiers, &tree.lemma(k));
            if k < n && !tree.is_name(k) && !tree.is_value(k) && !dropped {
                words.push(k);
                open.push(k);
            }
        }
    }
    words.sort_unstable();
    let forms: Vec<String> = words
        .iter()
        .map(|&k| tree.token(k).form.to_lowercase())
        .collect();
    forms.join(" ")
}
