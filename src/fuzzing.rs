//! Entry points for the fuzz targets in fuzz/ (feature `fuzzing`): each
//! runs one stage on arbitrary bytes the way a run would, without the
//! panic guard of `pipeline::analyze`, so a panic reaches the fuzzer, and
//! checks what the stage promises (spans inside the text, on character
//! boundaries, in order).

use crate::document::Analyzed;
use crate::ingest::{self, Format};
use crate::pipeline::Engine;
use crate::report::{self, CheckReport};
use crate::segment;
use crate::suppress::Suppressions;
use crate::values::TimeContext;

/// Reads bytes as a file of the given format: decoding, the format's
/// parser, positions of every byte, the publication date, suppressions.
pub fn ingest(format: Format, bytes: &[u8]) {
    let name = match format {
        Format::Text => "fuzz.txt",
        Format::Markdown => "fuzz.md",
        Format::Html => "fuzz.html",
        Format::Jsonl => "fuzz.jsonl",
    };
    let Some(docs) = documents(name, bytes) else {
        return;
    };
    for doc in &docs {
        for (i, _) in doc.text.char_indices().step_by(7) {
            let (line, column) = doc.position(i);
            assert!(line >= 1 && column >= 1);
        }
        let _ = doc.position(doc.text.len());
        let _ = ingest::published::determine(doc, None);
        let _ = ingest::published::meta_warning(doc);
        let _ = Suppressions::scan(doc);
    }
}

fn documents(name: &str, bytes: &[u8]) -> Option<Vec<ingest::Document>> {
    let text = ingest::decode(name, bytes).ok()?;
    Some(ingest::parse(name, text, ingest::format_of(name)).0)
}

/// Splits text into sentences and checks the spans.
pub fn segment(text: &str) {
    let seg = segment::segment(text);
    let mut last = 0;
    for s in &seg.sentences {
        assert!(s.start <= s.end && s.end <= text.len(), "{s:?}");
        assert!(text.is_char_boundary(s.start) && text.is_char_boundary(s.end));
        assert!(s.start >= last, "sentences overlap or go back: {s:?}");
        assert!(s.end - s.start <= segment::MAX_SENTENCE);
        last = s.end;
    }
}

/// Reads the values of every sentence and checks their spans.
pub fn values(engine: &Engine, text: &str) {
    let ctx = TimeContext {
        published: crate::calendar::ymd(2025, 6, 1),
        estimate_year: None,
    };
    for s in segment::segment(text).sentences {
        let found = engine.reader.values.read(text, s.start, s.end, &ctx);
        let mut last = s.start;
        for v in &found {
            assert!(
                v.start >= last && v.start <= v.end && v.end <= s.end,
                "{v:?}"
            );
            assert!(text.is_char_boundary(v.start) && text.is_char_boundary(v.end));
            assert_eq!(v.text, text[v.start..v.end]);
            last = v.end;
        }
    }
}

/// Tokenizes, tags and parses every sentence with its values as single
/// tokens, and checks the tree: tokens in order inside the sentence, on
/// character boundaries, each value one token, one root, every head a
/// token of the sentence, no cycle.
pub fn parse(engine: &Engine, text: &str) {
    let Ok(grammar) = crate::grammar::Grammar::english() else {
        panic!("the built-in grammar loads");
    };
    let ctx = TimeContext {
        published: crate::calendar::ymd(2025, 6, 1),
        estimate_year: None,
    };
    for s in segment::segment(text).sentences {
        let spans: Vec<crate::grammar::ValueSpan> = engine
            .reader
            .values
            .read(text, s.start, s.end, &ctx)
            .iter()
            .map(|v| crate::grammar::ValueSpan {
                start: v.start,
                end: v.end,
                kind: v.kind,
            })
            .collect();
        let parse = grammar.parse_sentence(text, s.start, s.end, &spans);
        let n = parse.tokens.len();
        let mut last = s.start;
        for t in &parse.tokens {
            assert!(
                t.start >= last && t.start < t.end && t.end <= s.end,
                "{t:?}"
            );
            assert!(text.is_char_boundary(t.start) && text.is_char_boundary(t.end));
            last = t.end;
        }
        for v in &spans {
            let covering = parse
                .tokens
                .iter()
                .filter(|t| t.start < v.end && v.start < t.end)
                .count();
            assert!(covering <= 1, "value {v:?} cut into {covering} tokens");
        }
        if n == 0 {
            continue;
        }
        let roots = parse.tokens.iter().filter(|t| t.head.is_none()).count();
        assert_eq!(roots, 1, "one root");
        for i in 0..n {
            // Walking up from any token reaches the root within n steps.
            let mut at = i;
            for _ in 0..=n {
                match parse.tokens[at].head {
                    Some(h) => {
                        assert!(h < n && h != at, "head {h} of {at}");
                        at = h;
                    }
                    None => break,
                }
            }
            assert!(parse.tokens[at].head.is_none(), "a cycle through {i}");
        }
    }
}

/// Checks two documents against each other and renders every report.
pub fn check_two(engine: &Engine, a: (&str, &[u8]), b: (&str, &[u8])) {
    let mut docs = Vec::new();
    let mut claims = Vec::new();
    for (name, bytes) in [a, b] {
        for doc in documents(name, bytes).unwrap_or_default() {
            let (analyzed, _) = engine.reader.read(doc, None);
            let mut c = engine.extractor.extract(docs.len(), &analyzed);
            for claim in &mut c {
                claim.evidence.doc = docs.len();
            }
            docs.push(analyzed);
            claims.extend(c);
        }
    }
    let outcome = crate::pipeline::Outcome {
        docs,
        claims,
        errors: Vec::new(),
        warnings: Vec::new(),
    };
    let checked = crate::pipeline::check(engine, &outcome);
    let r = CheckReport {
        docs: &outcome.docs,
        findings: &checked.findings,
        errors: &outcome.errors,
        suppressed: checked.suppressed,
        rules: &engine.rules,
    };
    for render in [
        report::human::render_report,
        report::check_json::render,
        report::jsonl::render,
        report::sarif::render,
        report::github::render,
        report::html::render,
    ] {
        let _ = render(&r);
    }
    let _ = report::claims::text(&outcome);
    let _ = report::claims::json(&outcome);
    spans_inside(&outcome.docs);
}

fn spans_inside(docs: &[Analyzed]) {
    for a in docs {
        for m in &a.entities.mentions {
            assert!(a.doc.text.get(m.start..m.end).is_some(), "{m:?}");
        }
        for p in &a.entities.people {
            assert!(a.doc.text.get(p.start..p.end).is_some(), "{p:?}");
        }
    }
}
