//! Finds the values a sentence states (money, percentages, multipliers,
//! quantities, counts, ranks, times) as intervals, so that comparisons are
//! honest about rounding, qualifiers and open bounds.

mod display;
mod interval;
mod modality;
pub mod number;
mod time;

use std::collections::{HashMap, HashSet};

use regex::{Regex, RegexSet};
use serde::Serialize;

/// Runs of digits and commas whose thousands do not come in threes
/// ("4,126,00", "12345,678"), as byte spans of the sentence.
fn mistyped_numbers(sentence: &str) -> Vec<(usize, usize)> {
    let bytes = sentence.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        let starts = bytes[i].is_ascii_digit() && (i == 0 || !bytes[i - 1].is_ascii_alphanumeric());
        if !starts {
            i += 1;
            continue;
        }
        let mut j = i;
        while j < bytes.len() && (bytes[j].is_ascii_digit() || bytes[j] == b',') {
            j += 1;
        }
        // A comma after the run is the sentence's, not the figure's.
        let mut end = j;
        while end > i && bytes[end - 1] == b',' {
            end -= 1;
        }
        let run = &sentence[i..end];
        if run.contains(',') && number::parse_mantissa(run).is_none() {
            out.push((i, end));
        }
        i = j.max(i + 1);
    }
    out
}

#[cfg(test)]
pub use display::fmt_interval;
pub use display::fmt_num;
pub use interval::Interval;
pub use modality::ModalityReader;
pub use time::{Anchoring, Granularity, TimeContext, TimeInfo};

use crate::model::{Modality, QualifierKind};
use crate::rules::language::{self, alternation as listed, english};
use crate::rules::RuleData;
use crate::spans::SpanSet;
use number::{parse_amount, scale, word_before_unit, word_core, word_num, Amount, NUM};

#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    PartialOrd,
    Ord,
    Hash,
    Serialize,
    strum::IntoStaticStr,
    strum::EnumString,
)]
#[serde(rename_all = "kebab-case")]
#[strum(serialize_all = "kebab-case")]
pub enum ValueKind {
    Money,
    Percent,
    PercentagePoints,
    Multiplier,
    Quantity,
    Count,
    Rank,
    Time,
}

impl ValueKind {
    /// The name rule files and reports use ("money", "percentage-points").
    pub fn as_str(self) -> &'static str {
        self.into()
    }
}

/// One value found in a sentence.
#[derive(Debug, Clone, PartialEq)]
pub struct Value {
    pub kind: ValueKind,
    /// Byte span in the document text.
    pub start: usize,
    pub end: usize,
    pub text: String,
    /// None for a relative time that could not be anchored.
    pub interval: Option<Interval>,
    /// Currency code, base unit, "%", "pp", "x", "rank", or "day" for times.
    pub unit: Option<String>,
    /// The counted noun ("terminal"), or the superlative of a rank.
    pub noun: Option<String>,
    pub qualifier: Option<String>,
    pub modality: Modality,
    /// The words that set the modality ("will", "aims to"), if any.
    pub modality_cue: Option<String>,
    pub time: Option<TimeInfo>,
}

impl Value {
    /// Whether it is a count hyphened to the noun it counts ("10-year").
    pub fn names_a_kind(&self) -> bool {
        names_a_kind(self.kind, &self.text)
    }
}

/// The recognizers `ValueReader::gate` holds, by position.
#[derive(Clone, Copy)]
enum Recognizer {
    Money,
    Percent,
    Multiplier,
    Quantity,
    Rank,
    Count,
    Compound,
    Bare,
}

/// Compiled recognizers, built once from the lexicon.
pub struct ValueReader {
    money: Regex,
    percent: Regex,
    multiplier: Regex,
    quantity: Regex,
    rank: Regex,
    count: Regex,
    /// A number joined by a hyphen to the noun it counts, before the noun
    /// it classifies ("a 10-year lease", "the 11-member board").
    compound: Regex,
    /// Words a hyphen joins to a number without naming what is counted:
    /// units, scales, ratios, fractions ("two-thirds"), other number words
    /// ("twenty-five") and function words ("three-for-two").
    not_compound_nouns: HashSet<String>,
    /// A number with no unit of its own ("14.8", "three billion").
    bare: Regex,
    /// The recognizers above as one set, in `Recognizer` order: one pass
    /// over a sentence says which of them can match at all, and only those
    /// search it (a sentence without a currency is not searched for money,
    /// one without a hyphen after a number not for compounds).
    gate: RegexSet,
    /// A currency symbol or word → (code, value of one in that code).
    currency_of: HashMap<String, (String, f64)>,
    unit_of: HashMap<String, (String, f64)>,
    qualifiers: Vec<(String, QualifierKind)>,
    /// Characters before a value a qualifier can take up: the longest
    /// qualifier, " by" and the character before it.
    qualifier_window: usize,
    modality: ModalityReader,
    time: time::TimeReader,
}

fn alternation(mut items: Vec<String>) -> String {
    items.sort_by(|a, b| b.len().cmp(&a.len()).then(a.cmp(b)));
    items.dedup();
    items
        .iter()
        .map(|s| regex::escape(s))
        .collect::<Vec<_>>()
        .join("|")
}

impl ValueReader {
    pub fn new(rules: &RuleData) -> Self {
        let mut currency_of = HashMap::new();
        let mut symbols = Vec::new();
        let mut words = Vec::new();
        for c in &rules.currency {
            for s in &c.symbols {
                currency_of.insert(s.trim().to_string(), (c.code.clone(), c.factor));
                symbols.push(s.clone());
            }
            for w in &c.words {
                currency_of.insert(w.clone(), (c.code.clone(), c.factor));
                words.push(w.clone());
            }
        }
        let (word_num, word_unit, scale) = (word_num(), word_before_unit(), scale());
        let lang = english();
        let short_scales = listed(lang.numbers.money_scales.iter().map(String::as_str));
        let amount = format!(
            r"(?:{NUM}(?:\s?(?:{scale}|{short_scales})\b)?|{word_num}\s+(?:{scale}|{short_scales})\b)"
        );
        // A currency of several words may be wrapped across lines as any
        // words are ("125 mln Canadian\ndlrs").
        let currency_words = alternation(words).replace(r"\ ", " ").replace(' ', r"\s+");
        let money = Regex::new(&format!(
            r"(?:(?P<sym>{})\s?(?P<a1>{amount})|(?P<a2>{amount}|{word_unit})\s?(?P<word>{currency_words})\b)",
            alternation(symbols),
        ))
        .unwrap();
        let r = &lang.ratios;
        // Wire copy breaks lines anywhere: "112 basis\npoints" is one unit
        // (the kind is read from the group matched, not from its words).
        let list = |l: &[String]| listed(l.iter().map(String::as_str)).replace(' ', r"\s+");
        let (pct, pp, bp) = (
            list(&r.percent),
            list(&r.percentage_points),
            list(&r.basis_points),
        );
        let percent = Regex::new(&format!(
            r"(?i)\b(?P<a>{NUM}|{word_unit})\s?(?:(?P<pct>%|(?:{pct})\b)|(?P<pp>(?:{pp})\b)|(?P<bp>(?:{bp})\b))"
        ))
        .unwrap();
        let (fold, times, verbs) = (
            list(&r.fold),
            list(&r.times),
            listed(language::words(&r.multiplying_verbs)),
        );
        let multiplier = Regex::new(&format!(
            r"(?i)\b(?:(?P<a>{NUM}|{word_unit})(?:\s?-?\s?(?:{fold})\b|\s+(?:{times})\b)|(?P<verb>{verbs})\b|(?P<x>\d+(?:\.\d+)?)x\b)"
        ))
        .unwrap();
        let mut unit_of = HashMap::new();
        let mut aliases = Vec::new();
        for u in &rules.unit {
            for a in &u.aliases {
                unit_of.insert(a.clone(), (u.base.clone(), u.factor));
                aliases.push(a.clone());
            }
        }
        let quantity = Regex::new(&format!(
            r"\b(?P<a>{NUM}(?:\s?(?:{scale}|{short_scales})\b)?|{word_unit}(?:\s+(?:{scale}|{short_scales}))?|{word_num}\s+(?:{scale}|{short_scales}))\s?-?\s?(?P<u>{})\b",
            alternation(aliases)
        ))
        .unwrap();
        let rank = Regex::new(&format!(
            r"(?i)\b(?:(?P<ord>{}|\d{{1,3}}(?:st|nd|rd|th))[\s-]+)?(?P<sup>{})\b",
            list(&lang.numbers.ordinals),
            alternation(rules.superlatives.clone())
        ))
        .unwrap();
        let count = Regex::new(&format!(
            r"\b(?P<a>(?:{NUM}|(?i:{counted}))(?:\s+(?i:{scale}|{short_scales}))?)\b",
            counted = word_core()
        ))
        .unwrap();
        let compound = Regex::new(&format!(
            r"(?P<a>\d{{1,3}}(?:,\d{{3}})*(?:\.\d+)?|\b(?i:{word_num}))-(?P<w>[a-z]{{3,}})\b"
        ))
        .unwrap();
        let not_compound_nouns = not_compound_nouns(rules);
        let bare = Regex::new(&format!(
            r"\b(?P<a>{NUM}(?:\s?(?:{scale}|{short_scales})\b)?|{word_num}\s+{scale}\b)"
        ))
        .unwrap();
        let mut qualifiers: Vec<(String, QualifierKind)> = rules
            .qualifier
            .iter()
            .flat_map(|q| q.words.iter().map(move |w| (w.to_lowercase(), q.kind)))
            .collect();
        qualifiers.sort_by(|a, b| b.0.len().cmp(&a.0.len()).then(a.0.cmp(&b.0)));
        let qualifier_window = qualifiers
            .iter()
            .map(|(w, _)| w.chars().count())
            .max()
            .unwrap_or(0)
            + 8;
        let gate = RegexSet::new(
            [
                &money,
                &percent,
                &multiplier,
                &quantity,
                &rank,
                &count,
                &compound,
                &bare,
            ]
            .map(Regex::as_str),
        )
        .unwrap();
        ValueReader {
            gate,
            money,
            percent,
            multiplier,
            quantity,
            rank,
            count,
            compound,
            not_compound_nouns,
            bare,
            currency_of,
            unit_of,
            qualifiers,
            qualifier_window,
            modality: ModalityReader::new(rules),
            time: time::TimeReader::new(),
        }
    }

    /// Values of the sentence `text[start..end]`, in text order.
    pub fn read(&self, text: &str, start: usize, end: usize, ctx: &TimeContext) -> Vec<Value> {
        let sentence = &text[start..end];
        let mut found: Vec<Value> = Vec::new();
        // The first recognizer to claim a stretch of text keeps it.
        let mut taken = SpanSet::new();
        // A figure mistyped ("4,126,00") is no figure, and no part of it
        // is one ("00", "126").
        for (s0, s1) in mistyped_numbers(sentence) {
            taken.insert(start + s0, start + s1);
        }
        let mut accept = |v: Value, found: &mut Vec<Value>| {
            if taken.take(v.start, v.end) {
                found.push(v);
            }
        };
        // A recognizer the gate says cannot match finds nothing: the same
        // values, without its search.
        let may = self.gate.matches(sentence);
        let may = |r: Recognizer| may.matched(r as usize);
        let mut first: Vec<Value> = Vec::new();
        if may(Recognizer::Money) {
            first.extend(self.money_values(sentence, start));
        }
        if may(Recognizer::Percent) {
            first.extend(self.percent_values(sentence, start));
        }
        if may(Recognizer::Multiplier) {
            first.extend(self.multiplier_values(sentence, start));
        }
        if may(Recognizer::Quantity) {
            first.extend(self.quantity_values(sentence, start));
        }
        first.extend(self.time.read(sentence, start, ctx));
        if may(Recognizer::Rank) {
            first.extend(self.rank_values(sentence, start));
        }
        if may(Recognizer::Compound) {
            first.extend(self.compound_values(sentence, start));
        }
        for v in first {
            accept(v, &mut found);
        }
        let bare = may(Recognizer::Bare);
        found.sort_by_key(|v| (v.start, v.end));
        if bare {
            for v in self.inherited_values(sentence, start, &found, false) {
                accept(v, &mut found);
            }
        }
        let mut counted = SpanSet::new();
        for v in &found {
            counted.insert(v.start, v.end);
        }
        // Counts of a named thing first; then "26 mln bags against 11.2
        // mln": the count's noun carries over; then scaled numbers of
        // nothing named ("418.3 mln vs 296 mln").
        let counts = if may(Recognizer::Count) {
            self.count_values(sentence, start, &counted)
        } else {
            Vec::new()
        };
        let (named, unnamed): (Vec<Value>, Vec<Value>) =
            counts.into_iter().partition(|v| v.noun.is_some());
        for v in named {
            accept(v, &mut found);
        }
        found.sort_by_key(|v| (v.start, v.end));
        if bare {
            for v in self.inherited_values(sentence, start, &found, true) {
                accept(v, &mut found);
            }
        }
        for v in unnamed {
            accept(v, &mut found);
        }
        found.sort_by_key(|v| (v.start, v.end));
        // The clauses and their cues are read once per sentence, not once
        // per value.
        let mut clauses = self.modality.clauses(sentence);
        for v in &mut found {
            if let Some((modality, cue)) = clauses.cue_at(v.start - start) {
                v.modality = modality;
                v.modality_cue = Some(cue.to_string());
            }
        }
        found
    }

    /// The qualifier written just before a value ("more than", "by more than").
    fn qualifier_before(&self, sentence: &str, at: usize) -> Option<QualifierKind> {
        // Only the words just before the value can qualify it: a bounded
        // tail, so a value late in a long sentence costs no more.
        let before = tail_chars(sentence[..at].trim_end(), self.qualifier_window).to_lowercase();
        let before = before.strip_suffix(" by").unwrap_or(&before);
        self.qualifiers.iter().find_map(|(w, k)| {
            let stem = before.strip_suffix(w.as_str())?;
            stem.chars()
                .last()
                .is_none_or(|c| !c.is_alphanumeric())
                .then_some(*k)
        })
    }

    fn shaped(&self, sentence: &str, at: usize, amount: Amount) -> (Interval, Option<String>) {
        let q = self.qualifier_before(sentence, at);
        (Interval::shaped(amount, q), q.map(|k| k.to_string()))
    }

    fn money_values(&self, sentence: &str, base: usize) -> Vec<Value> {
        let mut out = Vec::new();
        for c in self.money.captures_iter(sentence) {
            let m = c.get(0).unwrap();
            let (amount_text, code) = match (c.name("a1"), c.name("a2")) {
                (Some(a), _) => (a.as_str(), c.name("sym").map(|s| s.as_str().trim())),
                (_, Some(a)) => (a.as_str(), c.name("word").map(|w| w.as_str())),
                _ => continue,
            };
            let code = code.map(|c| c.split_whitespace().collect::<Vec<_>>().join(" "));
            let code = code.as_deref();
            let Some(amount) = parse_amount(amount_text) else {
                continue;
            };
            let (code, amount) = match code.and_then(|c| self.currency_of.get(c)) {
                Some((code, factor)) => (Some(code.clone()), amount.times(*factor)),
                None => (None, amount),
            };
            let (interval, qualifier) = self.shaped(sentence, m.start(), amount);
            out.push(value(
                ValueKind::Money,
                base,
                m.start(),
                m.end(),
                sentence,
                interval,
                code,
                None,
                qualifier,
            ));
        }
        out
    }

    fn percent_values(&self, sentence: &str, base: usize) -> Vec<Value> {
        let mut out = Vec::new();
        for c in self.percent.captures_iter(sentence) {
            let m = c.get(0).unwrap();
            let Some(mut amount) = parse_amount(&c["a"]) else {
                continue;
            };
            let (kind, unit) = if c.name("pct").is_some() {
                (ValueKind::Percent, "%")
            } else {
                if c.name("bp").is_some() {
                    amount.value /= 100.0;
                    amount.half_unit /= 100.0;
                }
                (ValueKind::PercentagePoints, "pp")
            };
            let signed = signed_by_direction(sentence, m.start(), amount);
            let (mut interval, qualifier) = self.shaped(sentence, m.start(), signed);
            // "fell by almost four pct": the qualifier bounds the size of
            // the fall, so its interval is the unsigned one turned round.
            if qualifier.is_some() && signed.value < 0.0 && amount.value > 0.0 {
                interval = self.shaped(sentence, m.start(), amount).0.negated();
            }
            out.push(value(
                kind,
                base,
                m.start(),
                m.end(),
                sentence,
                interval,
                Some(unit.into()),
                None,
                qualifier,
            ));
        }
        out
    }

    fn multiplier_values(&self, sentence: &str, base: usize) -> Vec<Value> {
        let mut out = Vec::new();
        for c in self.multiplier.captures_iter(sentence) {
            let m = c.get(0).unwrap();
            let amount = if let Some(a) = c.name("a").or(c.name("x")) {
                match parse_amount(a.as_str()) {
                    Some(a) => a,
                    None => continue,
                }
            } else {
                let verb = &c["verb"];
                let Some(&(_, factor)) = english()
                    .ratios
                    .multiplying_verbs
                    .iter()
                    .find(|(w, _)| w.eq_ignore_ascii_case(verb))
                else {
                    continue;
                };
                Amount {
                    value: factor,
                    half_unit: 0.05 * factor,
                }
            };
            let (interval, qualifier) = self.shaped(sentence, m.start(), amount);
            out.push(value(
                ValueKind::Multiplier,
                base,
                m.start(),
                m.end(),
                sentence,
                interval,
                Some("x".into()),
                None,
                qualifier,
            ));
        }
        out
    }

    fn quantity_values(&self, sentence: &str, base: usize) -> Vec<Value> {
        let mut out = Vec::new();
        for c in self.quantity.captures_iter(sentence) {
            let m = c.get(0).unwrap();
            let Some((unit, factor)) = self.unit_of.get(&c["u"]) else {
                continue;
            };
            let Some(a) = parse_amount(&c["a"]) else {
                continue;
            };
            let amount = Amount {
                value: a.value * factor,
                half_unit: a.half_unit * factor,
            };
            let (interval, qualifier) = self.shaped(sentence, m.start(), amount);
            let noun = noun_after_of(&sentence[m.end()..]);
            out.push(value(
                ValueKind::Quantity,
                base,
                m.start(),
                m.end(),
                sentence,
                interval,
                Some(unit.clone()),
                noun,
                qualifier,
            ));
        }
        out
    }

    fn rank_values(&self, sentence: &str, base: usize) -> Vec<Value> {
        let mut out = Vec::new();
        for c in self.rank.captures_iter(sentence) {
            let m = c.get(0).unwrap();
            let n = match c.name("ord") {
                None => 1.0,
                Some(o) => match ordinal(o.as_str()) {
                    Some(n) => n,
                    None => continue,
                },
            };
            let interval = Interval::closed(n, n);
            let sup = c["sup"].to_lowercase();
            out.push(value(
                ValueKind::Rank,
                base,
                m.start(),
                m.end(),
                sentence,
                interval,
                Some("rank".into()),
                Some(sup),
                None,
            ));
        }
        out
    }

    /// Numbers that take their unit from a figure beside them: the low end
    /// of a range ("15 to 30 pct"), the figure compared with ("to 15.2 pct
    /// from 14.8"), an amount restating an earlier sum ("against three
    /// billion").
    /// Bare numbers that take the unit of a figure beside them; counts
    /// give theirs only when `counts` (they are read after the others).
    fn inherited_values(
        &self,
        sentence: &str,
        base: usize,
        found: &[Value],
        counts: bool,
    ) -> Vec<Value> {
        let ratios = &english().ratios;
        let carries = |v: &Value| {
            matches!(
                v.kind,
                ValueKind::Money
                    | ValueKind::Percent
                    | ValueKind::PercentagePoints
                    | ValueKind::Quantity
            ) || (counts && v.kind == ValueKind::Count)
        };
        let mut out = Vec::new();
        for m in self.bare.find_iter(sentence) {
            let (s, e) = (base + m.start(), base + m.end());
            if found.iter().any(|f| s < f.end && f.start < e) {
                continue;
            }
            let before = sentence[..m.start()].chars().last();
            let after = sentence[m.end()..].chars().next();
            if before.is_some_and(|c| c.is_alphanumeric() || matches!(c, '-' | '#' | '$' | '/'))
                || after.is_some_and(|c| c.is_alphanumeric() || c == '/')
            {
                continue;
            }
            let rest = &sentence[m.end()..];
            let trimmed = rest.trim_start();
            let range_partner = ratios.range_connectors.iter().find_map(|c| {
                let next = trimmed.strip_prefix(c.as_str())?;
                let at = base + sentence.len() - next.trim_start().len();
                found.iter().find(|v| v.start == at && carries(v))
            });
            let head = sentence[..m.start()].trim_end().to_lowercase();
            let compared = ratios.comparison_openers.iter().any(|o| {
                head.strip_suffix(o.as_str())
                    .is_some_and(|stem| stem.chars().last().is_none_or(|c| !c.is_alphanumeric()))
            });
            let scaled = m.as_str().chars().any(char::is_alphabetic);
            // "up 4.1 pct from 7.25 mln": a number with a scale word is an
            // amount, never a percentage; it takes the amount's unit.
            let percent =
                |v: &Value| matches!(v.kind, ValueKind::Percent | ValueKind::PercentagePoints);
            let earlier = || {
                found
                    .iter()
                    .rev()
                    .find(|v| v.end <= s && carries(v) && !(scaled && percent(v)))
            };
            let donor = range_partner
                .or_else(|| if compared { earlier() } else { None })
                .or_else(|| {
                    if scaled {
                        earlier().filter(|v| v.kind == ValueKind::Money)
                    } else {
                        None
                    }
                });
            let Some(donor) = donor else { continue };
            let Some(mut amount) = parse_amount(m.as_str()) else {
                continue;
            };
            if !scaled && amount.value < 1000.0 {
                // "1.2 to 1.5 billion dlrs": the low end shares the scale.
                if let Some(f) = donor.text.split_whitespace().find_map(number::scale_factor) {
                    amount = amount.times(f);
                }
            }
            if donor.kind == ValueKind::Money {
                amount = amount.times(self.subunit_factor(&donor.text));
            }
            if matches!(donor.kind, ValueKind::Percent | ValueKind::PercentagePoints) {
                amount = signed_by_direction(sentence, m.start(), amount);
            }
            let (interval, qualifier) = self.shaped(sentence, m.start(), amount);
            out.push(value(
                donor.kind,
                base,
                m.start(),
                m.end(),
                sentence,
                interval,
                donor.unit.clone(),
                donor.noun.clone(),
                qualifier,
            ));
        }
        out
    }

    /// What one unit of the currency a money text ends with is worth
    /// ("8 cts" → 0.01), 1 for whole currencies.
    fn subunit_factor(&self, money: &str) -> f64 {
        self.currency_of
            .iter()
            .filter(|(w, _)| money.ends_with(w.as_str()))
            .max_by_key(|(w, _)| w.len())
            .map_or(1.0, |(_, (_, f))| *f)
    }

    /// "a 10-year grace period", "the 11-member board", "a 35-hour week":
    /// a count of what the word after the hyphen names, modifying the noun
    /// it classifies. A number or hyphen may not run on either side
    /// ("1987-88", "three-for-two", "20-year-old").
    fn compound_values(&self, sentence: &str, base: usize) -> Vec<Value> {
        let mut out = Vec::new();
        // (Most sentences have no hyphen: the regex has no literal to skip by.)
        if !sentence.contains('-') {
            return out;
        }
        for c in self.compound.captures_iter(sentence) {
            let m = c.get(0).unwrap();
            let before = sentence[..m.start()].chars().next_back();
            let after = sentence[m.end()..].chars().next();
            if before.is_some_and(|c| c.is_alphanumeric() || "-$/.,".contains(c))
                || after.is_some_and(|c| c == '-' || c.is_alphanumeric())
            {
                continue;
            }
            let noun = singular(&c["w"]);
            if self.not_compound_nouns.contains(&c["w"]) || self.not_compound_nouns.contains(&noun)
            {
                continue;
            }
            let whole = m.as_str().to_lowercase();
            if english().numbers.idioms.contains(&whole) {
                continue;
            }
            out.extend(self.count_value(sentence, base, m, &c["a"], Some(noun)));
        }
        out
    }

    /// A count of `noun` at the match, its amount written `amount`.
    fn count_value(
        &self,
        sentence: &str,
        base: usize,
        m: regex::Match<'_>,
        amount: &str,
        noun: Option<String>,
    ) -> Option<Value> {
        let amount = parse_amount(amount)?;
        let (interval, qualifier) = self.shaped(sentence, m.start(), amount);
        Some(value(
            ValueKind::Count,
            base,
            m.start(),
            m.end(),
            sentence,
            interval,
            None,
            noun,
            qualifier,
        ))
    }

    fn count_values(&self, sentence: &str, base: usize, taken: &SpanSet) -> Vec<Value> {
        let mut out = Vec::new();
        for c in self.count.captures_iter(sentence) {
            let m = c.get(0).unwrap();
            let (s, e) = (base + m.start(), base + m.end());
            if taken.overlaps(s, e) {
                continue;
            }
            let raw = m.as_str();
            let before = sentence[..m.start()].chars().last();
            let after = sentence[m.end()..].chars().next();
            // "D-8", "G20", "No. 5", "#3", "3.", a year: not counts of things.
            if before.is_some_and(|c| c == '-' || c == '#' || c == '$' || c.is_alphanumeric())
                || after.is_some_and(|c| c == '-' || c.is_alphanumeric())
                || (raw.len() == 4 && (raw.starts_with("19") || raw.starts_with("20")))
                || sentence[..m.start()].trim_end().ends_with("No.")
            {
                continue;
            }
            // "the two sides", "both countries": a reference, not a count.
            let prev_word = sentence[..m.start()]
                .split_whitespace()
                .last()
                .unwrap_or("")
                .to_lowercase();
            if !raw.starts_with(|c: char| c.is_ascii_digit())
                && english().nouns.referring_determiners.contains(&prev_word)
            {
                continue;
            }
            // "418.3 mln vs 296 mln": a number with a scale word is a figure
            // even when no noun says of what.
            let scaled = raw.split_whitespace().count() > 1;
            let noun = counted_noun(&sentence[m.end()..]);
            if noun.is_none() && !scaled {
                continue;
            }
            out.extend(self.count_value(sentence, base, m, raw, noun));
        }
        out
    }
}

/// The words after a number and a hyphen that name no counted noun.
fn not_compound_nouns(rules: &RuleData) -> HashSet<String> {
    let lang = english();
    let (n, r) = (&lang.numbers, &lang.ratios);
    let valued = |l: &[(String, f64)]| l.iter().map(|(w, _)| w.clone()).collect::<Vec<_>>();
    let mut out: HashSet<String> = [
        &n.units,
        &n.teens,
        &n.tens,
        &n.scales,
        &n.scale_abbreviations,
    ]
    .into_iter()
    .flat_map(|l| valued(l))
    .chain(n.ordinals.iter().cloned())
    .chain(n.fractions.iter().cloned())
    .chain(lang.nouns.stop_words.iter().cloned())
    .chain(r.percent.iter().chain(&r.fold).chain(&r.times).cloned())
    .chain(rules.unit.iter().flat_map(|u| u.aliases.iter().cloned()))
    .chain(rules.currency.iter().flat_map(|c| c.words.iter().cloned()))
    .map(|w| w.to_lowercase())
    .collect();
    // An ordinal's plural is a fraction too ("two-fifths").
    out.extend(n.ordinals.iter().map(|o| format!("{}s", o.to_lowercase())));
    out
}

/// Whether a value is a count written as a number hyphened to the noun
/// it counts ("10-year"): such a figure names a kind of what it modifies.
/// ("3-fold" and "10-tonne" are a multiplier and a quantity.)
pub fn names_a_kind(kind: ValueKind, text: &str) -> bool {
    if kind != ValueKind::Count {
        return false;
    }
    let Some((number, noun)) = text.rsplit_once('-') else {
        return false;
    };
    noun.len() >= 3
        && noun.bytes().all(|b| b.is_ascii_lowercase())
        && english().word_value(noun).is_none()
        && number.chars().last().is_some_and(char::is_alphanumeric)
}

#[allow(clippy::too_many_arguments)]
fn value(
    kind: ValueKind,
    base: usize,
    start: usize,
    end: usize,
    sentence: &str,
    interval: Interval,
    unit: Option<String>,
    noun: Option<String>,
    qualifier: Option<String>,
) -> Value {
    Value {
        kind,
        start: base + start,
        end: base + end,
        text: sentence[start..end].to_string(),
        interval: Some(interval),
        unit,
        noun,
        qualifier,
        modality: Modality::Actual,
        modality_cue: None,
        time: None,
    }
}

/// A fall reported as a percentage is a negative change.
fn signed_by_direction(sentence: &str, at: usize, amount: Amount) -> Amount {
    let before = tail_chars(&sentence[..at], 40).to_lowercase();
    let tail: String = before
        .chars()
        .rev()
        .take(30)
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .collect();
    // "which fell 0.4 pct in May, was 1.6 pct above": a fall before
    // another figure and a comma is that clause's.
    let tail = match tail.rfind(|c: char| c.is_ascii_digit()) {
        Some(d) if tail[d..].contains(',') => &tail[d..],
        _ => tail.as_str(),
    };
    let falling = &english().ratios.falling;
    if tail
        .split(|c: char| !c.is_alphabetic())
        .any(|w| falling.iter().any(|f| f == w))
    {
        Amount {
            value: -amount.value,
            half_unit: amount.half_unit,
        }
    } else {
        amount
    }
}

/// The last `n` characters of `s`.
pub fn tail_chars(s: &str, n: usize) -> &str {
    match s.char_indices().rev().nth(n.saturating_sub(1)) {
        Some((i, _)) if n > 0 => &s[i..],
        _ if n == 0 => "",
        _ => s,
    }
}

fn ordinal(s: &str) -> Option<f64> {
    if let Some(n) = english().ordinal(s) {
        return Some(f64::from(n));
    }
    s.to_ascii_lowercase()
        .trim_end_matches(|c: char| c.is_alphabetic())
        .parse()
        .ok()
}

/// The head noun of the words after a number: "bilateral and multilateral
/// documents with" → "document". None when no noun follows.
pub fn counted_noun(after: &str) -> Option<String> {
    let nouns_lexicon = &english().nouns;
    let mut nouns: Vec<String> = Vec::new();
    for raw in after.split_whitespace().take(6) {
        let word = raw.trim_end_matches([',', '.', ';', ':', ')', '"', '”', '’', '!', '?']);
        let ends_phrase = word.len() != raw.len();
        let lower = word.to_lowercase();
        if word.is_empty()
            || !word.chars().all(|c| c.is_alphabetic() || c == '-')
            || word.starts_with('-')
        {
            break;
        }
        if word.chars().next().is_some_and(char::is_uppercase) && nouns.is_empty() {
            return None;
        }
        if lower == "and" || lower == "or" {
            // "bilateral and multilateral documents" goes on; "terminals and
            // aims to" has already named its noun.
            if nouns.last().is_none_or(|n| n.ends_with('s')) {
                break;
            }
            continue;
        }
        // "26 mln bags against 11.2 mln": a comparison opens after the noun
        // ("431.6 mln compared with", its opener's first word).
        let compares = english()
            .ratios
            .comparison_openers
            .iter()
            .any(|o| o.split_whitespace().next() == Some(lower.as_str()));
        if nouns_lexicon.stop_words.contains(&lower)
            || compares
            || (!nouns.is_empty() && (lower.ends_with("ing") || lower.ends_with("ed")))
        {
            break;
        }
        nouns.push(lower);
        if ends_phrase || nouns.len() >= 4 {
            break;
        }
    }
    let head = singular(nouns.last()?);
    if nouns_lexicon.time_units.contains(&head) {
        return None;
    }
    Some(head)
}

/// "tonnes of cargo" → "cargo".
fn noun_after_of(after: &str) -> Option<String> {
    let rest = after.trim_start().strip_prefix("of ")?;
    counted_noun(rest)
}

pub fn singular(word: &str) -> String {
    let w = word.to_lowercase();
    if let Some(stem) = w.strip_suffix("ies") {
        if stem.len() > 2 {
            return format!("{stem}y");
        }
    }
    if w.ends_with("ss") || w.ends_with("us") || w.len() <= 3 {
        return w;
    }
    if let Some(stem) = w.strip_suffix("es") {
        if stem.ends_with("ch") || stem.ends_with("sh") || stem.ends_with('x') {
            return stem.to_string();
        }
    }
    w.strip_suffix('s').map_or(w.clone(), str::to_string)
}

#[cfg(test)]
mod tests;

#[cfg(test)]
mod roundtrip;
