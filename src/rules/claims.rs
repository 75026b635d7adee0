//! The shapes of the claim lexicon (rules/claims): measures and their
//! paraphrases, and the classes of nouns and verbs that tell a figure's
//! role. The claim reader takes structure from the parse; these lists only
//! name words.

use std::collections::BTreeMap;

use serde::Deserialize;

/// One measure and the phrases that name it.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MeasureDef {
    pub canonical: String,
    pub forms: Vec<String>,
    /// Forms that name different lines of one measure: a story's "sales"
    /// and another's "revenues" share a key, but are often two figures.
    #[serde(default)]
    pub lines: Vec<Vec<String>>,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NounClasses {
    #[serde(default)]
    pub neutral: Vec<String>,
    #[serde(default)]
    pub change: Vec<String>,
    #[serde(default)]
    pub share: Vec<String>,
    #[serde(default)]
    pub per_period: Vec<String>,
    #[serde(default)]
    pub references: Vec<String>,
    /// Plural nouns that, after "both" or "the two", stand for the
    /// article's two countries ("both countries", "the two sides").
    #[serde(default)]
    pub pair_references: Vec<String>,
    /// The words that make them two ("both", "two").
    #[serde(default)]
    pub pair_words: Vec<String>,
    /// Change nouns that are a result for an amount ("a loss of 5 mln").
    #[serde(default)]
    pub results: Vec<String>,
    /// The last words of a government body named by its field alone
    /// ("Finance Ministry"), which speaks for the article's country.
    #[serde(default)]
    pub government_bodies: Vec<String>,
    /// Nouns for people, never what a figure measures.
    #[serde(default)]
    pub people: Vec<String>,
    /// Nouns for a part of a party ("the division"), whose figures are
    /// not the party's.
    #[serde(default)]
    pub parts: Vec<String>,
    /// Nouns for a stock, a level held at an instant ("assets",
    /// "reserves"): stated for a month or a year, it is the level at its end.
    #[serde(default)]
    pub stocks: Vec<String>,
    #[serde(default)]
    pub dropped_modifiers: Vec<String>,
    /// Nouns that make the figures inside their phrase a forecast, a plan
    /// or a target ("the 4.6 pct forecast", "a budget plan for 35 bln").
    #[serde(default)]
    pub forecast: Vec<String>,
    #[serde(default)]
    pub plan: Vec<String>,
    #[serde(default)]
    pub target: Vec<String>,
}

/// A class of events that happen once to their subject.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EventClass {
    pub class: String,
    pub label: String,
    pub lemmas: Vec<String>,
}

/// How results tables are written (rules/claims/tables.toml).
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TableWords {
    #[serde(default)]
    pub separators: Vec<String>,
    #[serde(default)]
    pub signs: Vec<(String, f64)>,
    #[serde(default)]
    pub trailing: Vec<String>,
    #[serde(default)]
    pub currency: String,
    #[serde(default)]
    pub count_words: Vec<String>,
    #[serde(default)]
    pub per_share: Vec<String>,
    #[serde(default)]
    pub quarter: Vec<String>,
    #[serde(default)]
    pub half: Vec<String>,
    #[serde(default)]
    pub year: Vec<String>,
    #[serde(default)]
    pub months: Vec<String>,
    #[serde(default)]
    pub ended: Vec<String>,
    #[serde(default)]
    pub ordinals: Vec<(String, f64)>,
}

impl TableWords {
    pub fn extend(&mut self, o: TableWords) {
        self.separators.extend(o.separators);
        self.signs.extend(o.signs);
        self.trailing.extend(o.trailing);
        if !o.currency.is_empty() {
            self.currency = o.currency;
        }
        self.count_words.extend(o.count_words);
        self.per_share.extend(o.per_share);
        self.quarter.extend(o.quarter);
        self.half.extend(o.half);
        self.year.extend(o.year);
        self.months.extend(o.months);
        self.ended.extend(o.ended);
        self.ordinals.extend(o.ordinals);
    }
}

/// Function words whose place in the tree gives a figure its role.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Markers {
    #[serde(default)]
    pub previous: Vec<String>,
    #[serde(default)]
    pub previous_verbs: Vec<String>,
    #[serde(default)]
    pub comparison: Vec<String>,
    #[serde(default)]
    pub range_verbs: Vec<String>,
    #[serde(default)]
    pub change: Vec<String>,
    #[serde(default)]
    pub level: Vec<String>,
    #[serde(default)]
    pub of: Vec<String>,
    #[serde(default)]
    pub measure_cases: Vec<String>,
    #[serde(default)]
    pub direction: Vec<String>,
    #[serde(default)]
    pub per: Vec<String>,
    #[serde(default)]
    pub each: Vec<String>,
    #[serde(default)]
    pub year_before: Vec<String>,
    #[serde(default)]
    pub year_ago_cases: Vec<String>,
    #[serde(default)]
    pub definite: Vec<String>,
    #[serde(default)]
    pub partner: Vec<String>,
    #[serde(default)]
    pub pair_nouns: Vec<String>,
    #[serde(default)]
    pub pair_cases: Vec<String>,
    #[serde(default)]
    pub flow_nouns: Vec<String>,
    #[serde(default)]
    pub earned_on: Vec<String>,
    #[serde(default)]
    pub flow_cases: Vec<String>,
    #[serde(default)]
    pub place: Vec<String>,
    #[serde(default)]
    pub owner_cases: Vec<String>,
    #[serde(default)]
    pub previous_changes: Vec<String>,
    /// Words that date when something falls due ("due April 15"): such a
    /// time is an event's, not a figure's period.
    #[serde(default)]
    pub due: Vec<String>,
    /// The case word of what an amount is in ("1.7 mln pounds in cash").
    #[serde(default)]
    pub amount_in: Vec<String>,
    /// The case word of the figure a verb values its object at ("put
    /// losses at 41 mln").
    #[serde(default)]
    pub valued_at: Vec<String>,
    #[serde(default)]
    pub previous_modifiers: Vec<String>,
    #[serde(default)]
    pub per_unit_nouns: Vec<String>,
    #[serde(default)]
    pub per_unit_verbs: Vec<String>,
    #[serde(default)]
    pub lower_bounds: Vec<String>,
    #[serde(default)]
    pub upper_bounds: Vec<String>,
    #[serde(default)]
    pub direction_after: Vec<String>,
    #[serde(default)]
    pub range_from: Vec<String>,
    #[serde(default)]
    pub range_between: Vec<String>,
    #[serde(default)]
    pub range_to: Vec<String>,
    #[serde(default)]
    pub range_and: Vec<String>,
    #[serde(default)]
    pub running: Vec<String>,
    /// Adverbs that put a figure at the time of writing ("now operates").
    #[serde(default)]
    pub present: Vec<String>,
    /// The case word of the amount something changes hands for.
    #[serde(default)]
    pub exchange_cases: Vec<String>,
    /// The word of what a thing is worth ("a contract worth 5 mln dlrs"):
    /// the figure measures the thing.
    #[serde(default)]
    pub worth: Vec<String>,
    /// Written before a measure, a total since the year's start
    /// ("year-to-date sales"); after it, the same ("sales for the year to
    /// date").
    #[serde(default)]
    pub to_date_before: Vec<String>,
    #[serde(default)]
    pub to_date_after: Vec<String>,
    /// Before "year-to-date": whose year it is.
    #[serde(default)]
    pub calendar_year: Vec<String>,
    #[serde(default)]
    pub fiscal_year: Vec<String>,
    #[serde(default)]
    pub revised: Vec<String>,
    #[serde(default)]
    pub bases: Vec<Vec<String>>,
    #[serde(default)]
    pub same: Vec<String>,
    #[serde(default)]
    pub span_nouns: Vec<String>,
}

impl Markers {
    pub fn extend(&mut self, o: Markers) {
        self.previous.extend(o.previous);
        self.previous_verbs.extend(o.previous_verbs);
        self.comparison.extend(o.comparison);
        self.range_verbs.extend(o.range_verbs);
        self.change.extend(o.change);
        self.level.extend(o.level);
        self.of.extend(o.of);
        self.measure_cases.extend(o.measure_cases);
        self.direction.extend(o.direction);
        self.per.extend(o.per);
        self.each.extend(o.each);
        self.year_before.extend(o.year_before);
        self.year_ago_cases.extend(o.year_ago_cases);
        self.same.extend(o.same);
        self.span_nouns.extend(o.span_nouns);
        self.range_from.extend(o.range_from);
        self.definite.extend(o.definite);
        self.partner.extend(o.partner);
        self.pair_nouns.extend(o.pair_nouns);
        self.pair_cases.extend(o.pair_cases);
        self.flow_nouns.extend(o.flow_nouns);
        self.earned_on.extend(o.earned_on);
        self.flow_cases.extend(o.flow_cases);
        self.place.extend(o.place);
        self.owner_cases.extend(o.owner_cases);
        self.previous_changes.extend(o.previous_changes);
        self.valued_at.extend(o.valued_at);
        self.amount_in.extend(o.amount_in);
        self.due.extend(o.due);
        self.previous_modifiers.extend(o.previous_modifiers);
        self.running.extend(o.running);
        self.present.extend(o.present);
        self.revised.extend(o.revised);
        self.exchange_cases.extend(o.exchange_cases);
        self.worth.extend(o.worth);
        self.to_date_before.extend(o.to_date_before);
        self.to_date_after.extend(o.to_date_after);
        self.calendar_year.extend(o.calendar_year);
        self.fiscal_year.extend(o.fiscal_year);
        self.bases.extend(o.bases);
        self.per_unit_nouns.extend(o.per_unit_nouns);
        self.per_unit_verbs.extend(o.per_unit_verbs);
        self.lower_bounds.extend(o.lower_bounds);
        self.upper_bounds.extend(o.upper_bounds);
        self.direction_after.extend(o.direction_after);
        self.range_between.extend(o.range_between);
        self.range_to.extend(o.range_to);
        self.range_and.extend(o.range_and);
    }
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct VerbClasses {
    #[serde(default)]
    pub change: Vec<String>,
    #[serde(default)]
    pub level: Vec<String>,
    #[serde(default)]
    pub report: Vec<String>,
    #[serde(default)]
    pub forecast: Vec<String>,
    #[serde(default)]
    pub plan: Vec<String>,
    #[serde(default)]
    pub target: Vec<String>,
    #[serde(default)]
    pub future: Vec<String>,
    #[serde(default)]
    pub conditional: Vec<String>,
    /// Verbs that foresee their own figure ("had predicted a rise of 4.1
    /// pct").
    #[serde(default)]
    pub foresee: Vec<String>,
    /// Verbs that plan their own figure ("budgeted at 10 bln dlrs").
    #[serde(default)]
    pub plan_own: Vec<String>,
    /// Verbs whose noun names the event they date ("the shipment was
    /// made in August").
    #[serde(default)]
    pub light: Vec<String>,
    /// Verb lemma → the noun that names what its figure measures.
    #[serde(default)]
    pub nominal: BTreeMap<String, String>,
    /// Verb of a sale → what an amount it changes hands for measures.
    #[serde(default)]
    pub exchanged: BTreeMap<String, String>,
}

impl NounClasses {
    pub fn extend(&mut self, other: NounClasses) {
        self.neutral.extend(other.neutral);
        self.change.extend(other.change);
        self.share.extend(other.share);
        self.per_period.extend(other.per_period);
        self.references.extend(other.references);
        self.pair_references.extend(other.pair_references);
        self.pair_words.extend(other.pair_words);
        self.parts.extend(other.parts);
        self.stocks.extend(other.stocks);
        self.results.extend(other.results);
        self.people.extend(other.people);
        self.government_bodies.extend(other.government_bodies);
        self.dropped_modifiers.extend(other.dropped_modifiers);
        self.forecast.extend(other.forecast);
        self.plan.extend(other.plan);
        self.target.extend(other.target);
    }
}

impl VerbClasses {
    pub fn extend(&mut self, other: VerbClasses) {
        self.change.extend(other.change);
        self.level.extend(other.level);
        self.report.extend(other.report);
        self.forecast.extend(other.forecast);
        self.plan.extend(other.plan);
        self.target.extend(other.target);
        self.future.extend(other.future);
        self.conditional.extend(other.conditional);
        self.light.extend(other.light);
        self.foresee.extend(other.foresee);
        self.plan_own.extend(other.plan_own);
        self.nominal.extend(other.nominal);
        self.exchanged.extend(other.exchanged);
    }
}
