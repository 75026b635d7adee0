//! The value table: sentences of our own, the value expected in each, and
//! its interval, unit and modality exactly.

use super::*;
use crate::calendar::parse_iso_date;
use crate::values::fmt_interval;

/// (sentence, publication date or "", value text, kind, interval, unit, modality)
const CASES: &[(&str, &str, &str, &str, &str, &str, &str)] = &[
    // money
    (
        "Trade reached US$3.74 billion.",
        "",
        "US$3.74 billion",
        "money",
        "[3.735e9, 3.745e9)",
        "USD",
        "actual",
    ),
    (
        "Trade has exceeded $4 billion.",
        "",
        "$4 billion",
        "money",
        "(4e9, ∞)",
        "USD",
        "actual",
    ),
    (
        "Spending came to almost €49 billion.",
        "",
        "€49 billion",
        "money",
        "[4.41e10, 4.9e10)",
        "EUR",
        "actual",
    ),
    (
        "Revenue was $412 million.",
        "",
        "$412 million",
        "money",
        "[4.115e8, 4.125e8)",
        "USD",
        "actual",
    ),
    (
        "Output exceeded four trillion US dollars.",
        "",
        "four trillion US dollars",
        "money",
        "(4e12, ∞)",
        "USD",
        "actual",
    ),
    (
        "The plan costs half a billion dollars.",
        "",
        "half a billion dollars",
        "money",
        "[4.5e8, 5.5e8)",
        "USD",
        "actual",
    ),
    (
        "It raised £2.5bn in bonds.",
        "",
        "£2.5bn",
        "money",
        "[2.45e9, 2.55e9)",
        "GBP",
        "actual",
    ),
    (
        "The fund holds EUR 300 million.",
        "",
        "EUR 300 million",
        "money",
        "[2.5e8, 3.5e8)",
        "EUR",
        "actual",
    ),
    (
        "Fees total 120 million manat.",
        "",
        "120 million manat",
        "money",
        "[1.195e8, 1.205e8)",
        "AZN",
        "actual",
    ),
    (
        "The city spent about $1.2 billion.",
        "",
        "$1.2 billion",
        "money",
        "[1.14e9, 1.26e9]",
        "USD",
        "actual",
    ),
    (
        "Aid of up to $50 million was offered.",
        "",
        "$50 million",
        "money",
        "(-∞, 5e7]",
        "USD",
        "actual",
    ),
    (
        "At least $7 million was lost.",
        "",
        "$7 million",
        "money",
        "[7e6, ∞)",
        "USD",
        "actual",
    ),
    (
        "Less than $3 million remains.",
        "",
        "$3 million",
        "money",
        "(-∞, 3e6)",
        "USD",
        "actual",
    ),
    (
        "The deal is worth $5m.",
        "",
        "$5m",
        "money",
        "[4.5e6, 5.5e6)",
        "USD",
        "actual",
    ),
    (
        "Sales of 20 dollars each.",
        "",
        "20 dollars",
        "money",
        "[19.5, 20.5)",
        "USD",
        "actual",
    ),
    (
        "Imports topped ¥900 billion.",
        "",
        "¥900 billion",
        "money",
        "(9e11, ∞)",
        "JPY",
        "actual",
    ),
    (
        "Profit was nearly $2 billion.",
        "",
        "$2 billion",
        "money",
        "[1.8e9, 2e9)",
        "USD",
        "actual",
    ),
    (
        "Exports surpassed $10.5 billion.",
        "",
        "$10.5 billion",
        "money",
        "(1.05e10, ∞)",
        "USD",
        "actual",
    ),
    (
        "The bank lent 3,000 euros.",
        "",
        "3,000 euros",
        "money",
        "[2500, 3500)",
        "EUR",
        "actual",
    ),
    (
        "A budget of approximately $640 million.",
        "",
        "$640 million",
        "money",
        "[6.08e8, 6.72e8]",
        "USD",
        "actual",
    ),
    (
        "The company expects revenue of $2 billion.",
        "",
        "$2 billion",
        "money",
        "[1.5e9, 2.5e9)",
        "USD",
        "forecast",
    ),
    (
        "The group has a target of $10 billion.",
        "",
        "$10 billion",
        "money",
        "[9.5e9, 1.05e10)",
        "USD",
        "target",
    ),
    (
        "The ministry aims to raise $3 billion.",
        "",
        "$3 billion",
        "money",
        "[2.5e9, 3.5e9)",
        "USD",
        "target",
    ),
    (
        "The council plans to spend $40 million.",
        "",
        "$40 million",
        "money",
        "[3.95e7, 4.05e7)",
        "USD",
        "plan",
    ),
    (
        "Trade is expected to reach $6 billion.",
        "",
        "$6 billion",
        "money",
        "[5.5e9, 6.5e9)",
        "USD",
        "forecast",
    ),
    // percentages and multipliers
    (
        "Traffic surged by 86%.",
        "",
        "86%",
        "percent",
        "[85.5, 86.5)",
        "%",
        "actual",
    ),
    (
        "It rose 20.7 percent.",
        "",
        "20.7 percent",
        "percent",
        "[20.65, 20.75)",
        "%",
        "actual",
    ),
    (
        // A fall in another clause, before another figure, is not this one's.
        "Output, which fell 0.4 pct in May, was 1.6 pct above the year-ago level.",
        "",
        "1.6 pct",
        "percent",
        "[1.55, 1.65)",
        "%",
        "actual",
    ),
    (
        "Sales fell 4% last year.",
        "",
        "4%",
        "percent",
        "[-4.5, -3.5)",
        "%",
        "actual",
    ),
    // A qualifier bounds the size of a fall.
    (
        "Our exports fell by almost 4% in May.",
        "",
        "4%",
        "percent",
        "(-4, -3.6]",
        "%",
        "actual",
    ),
    (
        "Margins fell by more than 12 per cent.",
        "",
        "12 per cent",
        "percent",
        "(-∞, -12)",
        "%",
        "actual",
    ),
    (
        "Rates rose 1.5 percentage points.",
        "",
        "1.5 percentage points",
        "percentage-points",
        "[1.45, 1.55)",
        "pp",
        "actual",
    ),
    (
        "Yields rose 25 basis points.",
        "",
        "25 basis points",
        "percentage-points",
        "[0.245, 0.255)",
        "pp",
        "actual",
    ),
    (
        "Margins grew by more than 12 per cent.",
        "",
        "12 per cent",
        "percent",
        "(12, ∞)",
        "%",
        "actual",
    ),
    (
        "Turnover grew by more than 20 times.",
        "",
        "20 times",
        "multiplier",
        "(20, ∞)",
        "x",
        "actual",
    ),
    (
        "Volumes rose 28 times.",
        "",
        "28 times",
        "multiplier",
        "[27.5, 28.5)",
        "x",
        "actual",
    ),
    (
        "Exports doubled.",
        "",
        "doubled",
        "multiplier",
        "[1.9, 2.1)",
        "x",
        "actual",
    ),
    (
        "Output rose fourfold.",
        "",
        "fourfold",
        "multiplier",
        "[3.5, 4.5)",
        "x",
        "actual",
    ),
    (
        "Capacity will triple to 3x.",
        "",
        "3x",
        "multiplier",
        "[2.5, 3.5)",
        "x",
        "forecast",
    ),
    (
        "Unemployment dropped 0.3%.",
        "",
        "0.3%",
        "percent",
        "[-0.35, -0.25)",
        "%",
        "actual",
    ),
    // counts and quantities
    (
        "The country signed 191 bilateral and multilateral documents with partners.",
        "",
        "191",
        "count",
        "[190.5, 191.5)",
        "document",
        "actual",
    ),
    // A count with an abbreviated scale, and one whose noun is a comparison
    // away: the scale is part of the figure.
    (
        "The airline carried 2.1 mln passengers.",
        "",
        "2.1 mln",
        "count",
        "[2.05e6, 2.15e6)",
        "passenger",
        "actual",
    ),
    (
        "The crop was 26 mln bags against 11.2 mln.",
        "",
        "11.2 mln",
        "count",
        "[1.115e7, 1.125e7)",
        "bag",
        "actual",
    ),
    (
        "Net was 418.3 mln vs 296 mln.",
        "",
        "418.3 mln",
        "count",
        "[4.1825e8, 4.1835e8)",
        "",
        "actual",
    ),
    // A currency of several words wrapped across lines.
    (
        "The plant cost 125 mln Canadian\ndlrs, it said.",
        "",
        "125 mln Canadian\ndlrs",
        "money",
        "[1.245e8, 1.255e8)",
        "CAD",
        "actual",
    ),
    (
        "The port operates 23 terminals.",
        "",
        "23",
        "count",
        "[22.5, 23.5)",
        "terminal",
        "actual",
    ),
    (
        "The chamber has 31 member companies.",
        "",
        "31",
        "count",
        "[30.5, 31.5)",
        "company",
        "actual",
    ),
    (
        "It employs 4,800 people.",
        "",
        "4,800",
        "count",
        "[4750, 4850)",
        "people",
        "actual",
    ),
    (
        "Three new berths opened.",
        "",
        "Three",
        "count",
        "[2.5, 3.5)",
        "berth",
        "actual",
    ),
    (
        "They signed more than 20 cooperation documents.",
        "",
        "20",
        "count",
        "(20, ∞)",
        "document",
        "actual",
    ),
    (
        "The plants add 6,500 megawatts.",
        "",
        "6,500 megawatts",
        "quantity",
        "[6.45e9, 6.55e9)",
        "W",
        "actual",
    ),
    (
        "Capacity is approximately 8,000 megawatts.",
        "",
        "8,000 megawatts",
        "quantity",
        "[7.5e9, 8.5e9]",
        "W",
        "actual",
    ),
    (
        "The port handled 7.1 million tonnes of cargo.",
        "",
        "7.1 million tonnes",
        "quantity",
        "[7.05e6, 7.15e6)",
        "t",
        "actual",
    ),
    (
        "The line runs 826 km.",
        "",
        "826 km",
        "quantity",
        "[825500, 826500)",
        "m",
        "actual",
    ),
    (
        "The field yields 40,000 barrels per day.",
        "",
        "40,000 barrels per day",
        "quantity",
        "[35000, 45000)",
        "bbl/d",
        "actual",
    ),
    (
        "It ships 12 billion cubic metres a year.",
        "",
        "12 billion cubic metres",
        "quantity",
        "[1.15e10, 1.25e10)",
        "m3",
        "actual",
    ),
    (
        "A 2.5 GW plant.",
        "",
        "2.5 GW",
        "quantity",
        "[2.45e9, 2.55e9)",
        "W",
        "actual",
    ),
    (
        "The terminal moved 1.2 million TEUs.",
        "",
        "1.2 million TEUs",
        "quantity",
        "[1.15e6, 1.25e6)",
        "TEU",
        "actual",
    ),
    (
        "The farm covers 300 hectares.",
        "",
        "300 hectares",
        "quantity",
        "[250, 350)",
        "ha",
        "actual",
    ),
    (
        "Exports reached 5.3 million tons.",
        "",
        "5.3 million tons",
        "quantity",
        "[5.25e6, 5.35e6)",
        "t",
        "actual",
    ),
    // ranks
    (
        "China is its fourth-largest trading partner.",
        "",
        "fourth-largest",
        "rank",
        "[4, 4]",
        "rank",
        "actual",
    ),
    (
        "It is the second largest port.",
        "",
        "second largest",
        "rank",
        "[2, 2]",
        "rank",
        "actual",
    ),
    (
        "It is the largest economy in the region.",
        "",
        "largest",
        "rank",
        "[1, 1]",
        "rank",
        "actual",
    ),
    (
        "The 3rd busiest airport.",
        "",
        "3rd busiest",
        "rank",
        "[3, 3]",
        "rank",
        "actual",
    ),
    // times
    // "between" one day "and" another is one span, across a year end when
    // the first month comes later; without "between", two days.
    (
        "The fund sold its stake between Dec 18 and Feb 20.",
        "2025-03-05",
        "Dec 18 and Feb 20",
        "time",
        "[2024-12-18, 2025-02-20]",
        "day",
        "actual",
    ),
    (
        "The offer ran between April 9, 2021 and April 2, 2024.",
        "",
        "April 9, 2021 and April 2, 2024",
        "time",
        "[2021-04-09, 2024-04-02]",
        "day",
        "actual",
    ),
    (
        "The offer ran between Dec 18, 2024 and Feb 20.",
        "2024-12-30",
        "Dec 18, 2024 and Feb 20",
        "time",
        "[2024-12-18, 2025-02-20]",
        "day",
        "actual",
    ),
    (
        "Shipments arrived on May 1 and June 2.",
        "2025-07-01",
        "May 1",
        "time",
        "[2025-05-01, 2025-05-01]",
        "day",
        "actual",
    ),
    (
        "The visit ran April 22 to 24, 2025.",
        "",
        "April 22 to 24, 2025",
        "time",
        "[2025-04-22, 2025-04-24]",
        "day",
        "actual",
    ),
    // "As of" a day: the day a level stood at, not an open bound.
    (
        "As of March 6, 353 shares had been tendered.",
        "2025-04-10",
        "March 6",
        "time",
        "[2025-03-06, 2025-03-06]",
        "day",
        "actual",
    ),
    // A third of a month.
    (
        "Truck sales in late March jumped.",
        "2025-04-10",
        "late March",
        "time",
        "[2025-03-21, 2025-03-31]",
        "day",
        "actual",
    ),
    (
        "Truck sales in mid-March fell.",
        "2025-04-10",
        "mid-March",
        "time",
        "[2025-03-11, 2025-03-20]",
        "day",
        "actual",
    ),
    (
        "It was signed in July 2024.",
        "",
        "July 2024",
        "time",
        "[2024-07-01, 2024-07-31]",
        "day",
        "actual",
    ),
    (
        "Ties grew since 2022.",
        "",
        "2022",
        "time",
        "[2022-01-01, ∞)",
        "day",
        "actual",
    ),
    (
        "Sales rose last year.",
        "2026-02-03",
        "last year",
        "time",
        "[2025-01-01, 2025-12-31]",
        "day",
        "actual",
    ),
    (
        "The talks were held in April.",
        "2025-06-20",
        "April",
        "time",
        "[2025-04-01, 2025-04-30]",
        "day",
        "actual",
    ),
    (
        "In the first seven months of this year trade grew.",
        "2025-09-08",
        "the first seven months of this year",
        "time",
        "[2025-01-01, 2025-07-31]",
        "day",
        "actual",
    ),
    (
        "In the first 11 months of this year cargo rose.",
        "2025-12-15",
        "the first 11 months of this year",
        "time",
        "[2025-01-01, 2025-11-30]",
        "day",
        "actual",
    ),
    (
        "Trade in January–July 2024 was strong.",
        "",
        "January–July 2024",
        "time",
        "[2024-01-01, 2024-07-31]",
        "day",
        "actual",
    ),
    (
        "The first seven months of 2025 were busy.",
        "",
        "The first seven months of 2025",
        "time",
        "[2025-01-01, 2025-07-31]",
        "day",
        "actual",
    ),
    (
        "Capacity will double by 2030.",
        "",
        "2030",
        "time",
        "(-∞, 2030-12-31]",
        "day",
        "forecast",
    ),
    (
        "The waiver stayed until 2024.",
        "",
        "2024",
        "time",
        "(-∞, 2024-12-31]",
        "day",
        "actual",
    ),
    (
        "The plant opened before 2020.",
        "",
        "2020",
        "time",
        "(-∞, 2020-01-01)",
        "day",
        "actual",
    ),
    (
        "Growth returned after 2021.",
        "",
        "2021",
        "time",
        "(2021-12-31, ∞)",
        "day",
        "actual",
    ),
    (
        "The port will open in May 2025.",
        "",
        "May 2025",
        "time",
        "[2025-05-01, 2025-05-31]",
        "day",
        "plan",
    ),
    (
        "Results for this year look good.",
        "2025-03-01",
        "this year",
        "time",
        "[2025-01-01, 2025-12-31]",
        "day",
        "actual",
    ),
    (
        "Next year the fleet grows.",
        "2025-03-01",
        "Next year",
        "time",
        "[2026-01-01, 2026-12-31]",
        "day",
        "actual",
    ),
    (
        "The board met on Wednesday.",
        "2025-06-20",
        "Wednesday",
        "time",
        "[2025-06-18, 2025-06-18]",
        "day",
        "actual",
    ),
    (
        "Sales rose in 2023–2024.",
        "",
        "2023–2024",
        "time",
        "[2023-01-01, 2024-12-31]",
        "day",
        "actual",
    ),
    (
        "The 2024-25 budget passed.",
        "",
        "2024-25",
        "time",
        "[2024-01-01, 2025-12-31]",
        "day",
        "actual",
    ),
    (
        "The port reopened on 3 March 2025.",
        "",
        "3 March 2025",
        "time",
        "[2025-03-03, 2025-03-03]",
        "day",
        "actual",
    ),
    (
        "Data dated 2025-05-16 show it.",
        "",
        "2025-05-16",
        "time",
        "[2025-05-16, 2025-05-16]",
        "day",
        "actual",
    ),
    (
        "Q3 2024 was weak.",
        "",
        "Q3 2024",
        "time",
        "[2024-07-01, 2024-09-30]",
        "day",
        "actual",
    ),
    (
        "In the first half of 2025 volumes rose.",
        "",
        "the first half of 2025",
        "time",
        "[2025-01-01, 2025-06-30]",
        "day",
        "actual",
    ),
    (
        "On August 8th of this year they met.",
        "2025-12-30",
        "August 8th of this year",
        "time",
        "[2025-08-08, 2025-08-08]",
        "day",
        "actual",
    ),
    (
        "The summit ran from November 15th to 16th.",
        "2025-12-30",
        "November 15th to 16th",
        "time",
        "[2025-11-15, 2025-11-16]",
        "day",
        "actual",
    ),
    (
        "In July of this year he spoke.",
        "2025-12-30",
        "July of this year",
        "time",
        "[2025-07-01, 2025-07-31]",
        "day",
        "actual",
    ),
    (
        "The works finished in August.",
        "2026-01-06",
        "August",
        "time",
        "[2025-08-01, 2025-08-31]",
        "day",
        "actual",
    ),
    (
        "It happened on Dec. 3, 2024.",
        "",
        "Dec. 3, 2024",
        "time",
        "[2024-12-03, 2024-12-03]",
        "day",
        "actual",
    ),
    (
        "Sales rose last year.",
        "",
        "last year",
        "time",
        "unanchored",
        "day",
        "actual",
    ),
    (
        "In April 2025, the minister will visit.",
        "",
        "April 2025",
        "time",
        "[2025-04-01, 2025-04-30]",
        "day",
        "forecast",
    ),
    // the months of a year so far, as results notes write them
    (
        "1986 nine mths net includes a gain.",
        "",
        "1986 nine mths",
        "time",
        "[1986-01-01, 1986-09-30]",
        "day",
        "actual",
    ),
    (
        "Six months 1985 net rose.",
        "",
        "Six months 1985",
        "time",
        "[1985-01-01, 1985-06-30]",
        "day",
        "actual",
    ),
    // a number hyphened to what it counts, naming a kind
    (
        "The port signed a 25-year lease.",
        "",
        "25-year",
        "count",
        "[24.5, 25.5)",
        "year",
        "actual",
    ),
    (
        "The nine-member board met.",
        "",
        "nine-member",
        "count",
        "[8.5, 9.5)",
        "member",
        "actual",
    ),
];

#[test]
fn value_table() {
    let reader = ValueReader::new(&RuleData::load(&[]).unwrap());
    assert!(CASES.len() >= 80, "{} cases", CASES.len());
    let mut failures = Vec::new();
    for &(sentence, published, text, kind, interval, unit, modality) in CASES {
        let ctx = TimeContext {
            published: parse_iso_date(published),
            estimate_year: None,
        };
        let values = reader.read(sentence, 0, sentence.len(), &ctx);
        let Some(v) = values.iter().find(|v| v.text == text) else {
            failures.push(format!(
                "{sentence:?}: no value {text:?} in {:?}",
                values.iter().map(|v| &v.text).collect::<Vec<_>>()
            ));
            continue;
        };
        let got_unit = if kind == "count" {
            v.noun.clone()
        } else {
            v.unit.clone()
        }
        .unwrap_or_default();
        let got = (
            v.kind.as_str(),
            fmt_interval(v),
            got_unit,
            v.modality.to_string(),
        );
        let want = (
            kind,
            interval.to_string(),
            unit.to_string(),
            modality.to_string(),
        );
        if got != want {
            failures.push(format!("{sentence:?}: got {got:?}, want {want:?}"));
        }
    }
    assert!(
        failures.is_empty(),
        "{} failures:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn years_inside_names_and_numbers_are_not_times() {
    let reader = ValueReader::new(&RuleData::load(&[]).unwrap());
    let s = "The D-8 group paid $2025 and 12,2020 units; G20 met.";
    let values = reader.read(s, 0, s.len(), &TimeContext::default());
    assert!(
        values.iter().all(|v| v.kind != ValueKind::Time),
        "{values:?}"
    );
    assert!(
        values.iter().all(|v| v.text != "8" && v.text != "20"),
        "{values:?}"
    );
}

#[test]
fn a_mistyped_figure_is_no_figure_and_no_part_of_it_is_one() {
    let reader = ValueReader::new(&RuleData::load(&[]).unwrap());
    let s = "Net was 2,718,00 dlrs against 2,081,000 dlrs, and 4,5 mln shares.";
    let texts: Vec<String> = reader
        .read(s, 0, s.len(), &TimeContext::default())
        .into_iter()
        .map(|v| v.text)
        .collect();
    assert_eq!(texts, vec!["2,081,000 dlrs"]);
}

#[test]
fn an_index_base_year_is_no_time() {
    let reader = ValueReader::new(&RuleData::load(&[]).unwrap());
    let s = "The price index, base 2010, rose 0.3 pct in February and the 2015=100 series fell in 2024.";
    let times: Vec<String> = reader
        .read(s, 0, s.len(), &TimeContext::default())
        .into_iter()
        .filter(|v| v.kind == ValueKind::Time)
        .map(|v| v.text)
        .collect();
    assert_eq!(times, vec!["February", "2024"]);
}

#[test]
fn a_hyphen_joining_a_number_to_a_fraction_unit_or_number_makes_no_count() {
    let reader = ValueReader::new(&RuleData::load(&[]).unwrap());
    let s = "Two-thirds voted for a three-for-two split of 1987-88 output, \
             a 40-year-old chairman said, and twenty-five firms filed 10-K forms \
             on a 12-pct rise in one-fifth of the 5-tonne lots.";
    let values = reader.read(s, 0, s.len(), &TimeContext::default());
    let counts: Vec<(&str, Option<&str>)> = values
        .iter()
        .filter(|v| v.kind == ValueKind::Count)
        .map(|v| (v.text.as_str(), v.noun.as_deref()))
        .collect();
    assert_eq!(counts, [("twenty-five", Some("firm"))], "{values:?}");
    let count = |t: &str| names_a_kind(ValueKind::Count, t);
    assert!(count("10-year") && count("eleven-member"));
    assert!(!count("twenty-five") && !count("10-K") && !count("12"));
    assert!(!names_a_kind(ValueKind::Multiplier, "3-fold"));
    assert!(!names_a_kind(ValueKind::Quantity, "10-tonne"));
}

#[test]
fn a_number_hyphened_into_an_adjective_counts_nothing() {
    // "a one-time charge", "two-way trade": no count of times or ways,
    // while "a two-year loan" counts years.
    let reader = ValueReader::new(&RuleData::load(&[]).unwrap());
    let s = "It took a one-time charge on two-way trade and a One-Off gain on a two-year loan.";
    let values = reader.read(s, 0, s.len(), &TimeContext::default());
    let texts: Vec<&str> = values.iter().map(|v| v.text.as_str()).collect();
    assert_eq!(texts, ["two-year"], "{values:?}");
}

#[test]
fn a_large_number_shows_its_significant_digits_not_the_floats_error() {
    assert_eq!(fmt_num(4.049_999_999_999_999_5e6), "4.05e6");
    assert_eq!(fmt_num(3.735e9), "3.735e9");
    assert_eq!(fmt_num(2e6), "2e6");
    assert_eq!(fmt_num(0.0001234), "1.234e-4");
}
