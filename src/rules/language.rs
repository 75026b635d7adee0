//! The words of English (rules/language/en.toml) that numbers, dates,
//! sentences and names are read with, loaded once: the readers build their
//! patterns from these lists instead of keeping words in code.

use std::sync::LazyLock;

use serde::Deserialize;

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Language {
    pub numbers: Numbers,
    pub ratios: Ratios,
    pub dates: Dates,
    pub sentences: Sentences,
    pub nouns: Nouns,
}

/// A word and the number it stands for.
pub type Valued = (String, f64);

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Numbers {
    pub units: Vec<Valued>,
    pub teens: Vec<Valued>,
    pub tens: Vec<Valued>,
    pub hundreds: Vec<Valued>,
    pub before_scale: Vec<Valued>,
    pub not_alone: Vec<String>,
    pub scales: Vec<Valued>,
    pub scale_abbreviations: Vec<Valued>,
    pub money_scales: Vec<String>,
    pub ordinals: Vec<String>,
    /// Words of a fraction after a number word ("two-thirds", "one-half"),
    /// besides the ordinals and their plurals.
    pub fractions: Vec<String>,
    /// A number hyphened to a word that together make an adjective, no
    /// count ("a one-time charge", "two-way trade").
    #[serde(default)]
    pub idioms: Vec<String>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Ratios {
    pub percent: Vec<String>,
    pub percentage_points: Vec<String>,
    pub basis_points: Vec<String>,
    pub fold: Vec<String>,
    pub times: Vec<String>,
    pub multiplying_verbs: Vec<Valued>,
    pub comparison_openers: Vec<String>,
    pub range_connectors: Vec<String>,
    pub falling: Vec<String>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Dates {
    pub months: Vec<Vec<String>>,
    pub relative: Vec<Valued>,
    pub trailing: Vec<String>,
    pub quarter_words: Vec<String>,
    /// Words of a holder's fiscal calendar, which may stand inside a
    /// quarter's phrase ("the second fiscal quarter").
    #[serde(default)]
    pub fiscal_words: Vec<String>,
    /// Words for a third of a month and which third ("late March" is
    /// the third).
    #[serde(default)]
    pub month_thirds: Vec<Valued>,
    pub month_words: Vec<String>,
    pub week_words: Vec<String>,
    pub year_words: Vec<String>,
    pub span_end_words: Vec<String>,
    /// Words for the last day of a month or year ("at the end of March",
    /// "end-June"): a stock stated then is a day's.
    #[serde(default)]
    pub period_end_words: Vec<String>,
    #[serde(default)]
    pub period_start_words: Vec<String>,
    pub bounds_after: Vec<String>,
    pub bounds_until: Vec<String>,
    pub bound_before: Vec<String>,
    pub bound_after: Vec<String>,
    pub leading_prepositions: Vec<String>,
    pub before_bare_month: Vec<String>,
    pub prospective: Vec<String>,
    pub dateline_keywords: Vec<String>,
    pub clock_zones: Vec<String>,
    /// Words before a year that make it an index's base ("base 2010"),
    /// not a time.
    #[serde(default)]
    pub index_base: Vec<String>,
    pub relative_days: Vec<Valued>,
    pub weekdays: Vec<String>,
    pub this_year: Vec<String>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Sentences {
    pub abbreviations: Vec<String>,
    pub clause_openers: Vec<String>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Nouns {
    pub stop_words: Vec<String>,
    pub time_units: Vec<String>,
    pub referring_determiners: Vec<String>,
    pub name_links: Vec<String>,
    pub locative_prepositions: Vec<String>,
    pub name_openers: Vec<String>,
    pub legal_forms: Vec<String>,
    pub venue_nouns: Vec<String>,
    pub not_names: Vec<String>,
}

pub const FILE: &str = "language/en.toml";

static ENGLISH: LazyLock<Language> = LazyLock::new(|| {
    let text = super::BUILT_IN
        .iter()
        .find(|(name, _)| *name == FILE)
        .map_or("", |(_, text)| text);
    // The file ships inside the binary and a test parses it, so a failure
    // here is a build defect, not an input error.
    toml::from_str(text).expect("rules/language/en.toml parses")
});

/// The built-in English vocabulary.
pub fn english() -> &'static Language {
    &ENGLISH
}

/// Alternatives for a regex, escaped, in the order given.
pub fn alternation<'a>(words: impl IntoIterator<Item = &'a str>) -> String {
    words
        .into_iter()
        .map(regex::escape)
        .collect::<Vec<_>>()
        .join("|")
}

impl Language {
    /// 1-based month of a month name or abbreviation ("Sept.", "march").
    pub fn month_number(&self, word: &str) -> Option<u32> {
        let w = word.trim_end_matches('.');
        self.dates
            .months
            .iter()
            .position(|forms| forms.iter().any(|f| f.eq_ignore_ascii_case(w)))
            .map(|i| i as u32 + 1)
    }

    /// A regex matching any month form (names first, then abbreviations),
    /// with an optional full stop.
    pub fn month_pattern(&self) -> String {
        let names = self.dates.months.iter().filter_map(|f| f.first());
        let abbreviations = self.dates.months.iter().flat_map(|f| f.iter().skip(1));
        // Headlines write full names in capitals ("DEFICIT WIDENS IN
        // FEBRUARY"); capitals of abbreviations ("MAR", "MAY") are words.
        let capitals: Vec<String> = names.clone().map(|n| n.to_uppercase()).collect();
        format!(
            "(?:{})\\.?",
            alternation(
                names
                    .chain(abbreviations)
                    .map(String::as_str)
                    .chain(capitals.iter().map(String::as_str))
            )
        )
    }

    /// The value of a number word, alone or compound ("twenty-five").
    pub fn word_value(&self, word: &str) -> Option<f64> {
        let w = word.to_ascii_lowercase();
        if let Some((tens, unit)) = w.split_once(['-', ' ']) {
            let ten = lookup(&self.numbers.tens, tens);
            let one = lookup(&self.numbers.units, unit);
            if let (Some(t), Some(u)) = (ten, one) {
                return Some(t + u);
            }
        }
        let n = &self.numbers;
        [&n.units, &n.teens, &n.tens, &n.hundreds, &n.before_scale]
            .into_iter()
            .find_map(|list| lookup(list, &w))
    }

    /// The factor of a scale word or abbreviation ("million", "bn").
    pub fn scale_factor(&self, word: &str) -> Option<f64> {
        let n = &self.numbers;
        lookup(&n.scales, word).or_else(|| lookup(&n.scale_abbreviations, word))
    }

    /// 1-based position of an ordinal word ("third" → 3).
    pub fn ordinal(&self, word: &str) -> Option<u32> {
        self.numbers
            .ordinals
            .iter()
            .position(|o| o.eq_ignore_ascii_case(word))
            .map(|i| i as u32 + 1)
    }
}

fn lookup(list: &[Valued], word: &str) -> Option<f64> {
    list.iter()
        .find(|(w, _)| w.eq_ignore_ascii_case(word))
        .map(|(_, v)| *v)
}

pub fn words(list: &[Valued]) -> impl Iterator<Item = &str> {
    list.iter().map(|(w, _)| w.as_str())
}
