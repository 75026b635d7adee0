//! Treebank sentences as the parser sees news: the gold words lying wholly
//! inside one value span become one token, whose features read its value
//! kind; arcs into and out of the span are retargeted to it.

use super::conllu::{word_spans, Sentence, Word};
use super::ValueSpan;
use crate::values::ValueKind;

/// A sentence's words with gold annotation, and each word's value kind.
#[derive(Debug, Clone, PartialEq)]
pub struct Sample {
    pub words: Vec<Word>,
    pub values: Vec<Option<ValueKind>>,
}

impl Sample {
    pub fn plain(s: &Sentence) -> Sample {
        Sample {
            values: vec![None; s.words.len()],
            words: s.words.clone(),
        }
    }
}

/// What merging did to one sentence.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct MergeStats {
    /// Value spans turned into one token.
    pub merged: usize,
    /// Spans that cut through a gold word.
    pub cut: usize,
    /// Spans whose words attach outside the span in more than one place.
    pub not_subtree: usize,
}

impl std::ops::AddAssign for MergeStats {
    fn add_assign(&mut self, o: MergeStats) {
        self.merged += o.merged;
        self.cut += o.cut;
        self.not_subtree += o.not_subtree;
    }
}

/// The merged sample, or None when no value span was merged (or the words
/// cannot be found in the text).
pub fn merged(s: &Sentence, values: &[ValueSpan]) -> (Option<Sample>, MergeStats) {
    let mut stats = MergeStats::default();
    let (Some(text), Some(spans)) = (s.text.as_deref(), word_spans(s)) else {
        return (None, stats);
    };
    let n = s.words.len();
    // group[i] = the value group of word i, if any.
    let mut group: Vec<Option<usize>> = vec![None; n];
    let mut groups: Vec<(usize, usize, usize, ValueKind)> = Vec::new(); // first, last, head, kind
    for v in values {
        let inside: Vec<usize> = (0..n)
            .filter(|&i| spans[i].0 >= v.start && spans[i].1 <= v.end && spans[i].0 < spans[i].1)
            .collect();
        let cut = (0..n).any(|i| {
            let (a, b) = spans[i];
            a < v.end && b > v.start && !(a >= v.start && b <= v.end)
        });
        if inside.is_empty() {
            continue;
        }
        if cut {
            stats.cut += 1;
            continue;
        }
        let (first, last) = (inside[0], inside[inside.len() - 1]);
        if last - first + 1 != inside.len() || inside.iter().any(|&i| group[i].is_some()) {
            stats.cut += 1;
            continue;
        }
        let outside: Vec<usize> = inside
            .iter()
            .copied()
            .filter(|&i| {
                let h = s.words[i].head;
                h == 0 || h - 1 < first || h - 1 > last
            })
            .collect();
        if outside.len() != 1 {
            stats.not_subtree += 1;
            continue;
        }
        let g = groups.len();
        groups.push((first, last, outside[0], v.kind));
        for &i in &inside {
            group[i] = Some(g);
        }
        stats.merged += 1;
    }
    if groups.is_empty() {
        return (None, stats);
    }
    // New index of every old word (words of a group map to the group).
    let mut new_index = vec![0usize; n];
    let mut words = Vec::new();
    let mut kinds = Vec::new();
    let mut i = 0;
    while i < n {
        match group[i] {
            Some(g) => {
                let (first, last, head, kind) = groups[g];
                let mut w = s.words[head].clone();
                let (a, b) = (spans[first].0, spans[last].1);
                w.form = text[a..b].to_string();
                w.lemma = w.form.clone();
                new_index[first..=last].fill(words.len());
                words.push(w);
                kinds.push(Some(kind));
                i = last + 1;
            }
            None => {
                new_index[i] = words.len();
                words.push(s.words[i].clone());
                kinds.push(None);
                i += 1;
            }
        }
    }
    // Heads: the group's head word decides the merged token's head.
    let mut k = 0;
    let mut i = 0;
    while i < n {
        let (src, next) = match group[i] {
            Some(g) => (groups[g].2, groups[g].1 + 1),
            None => (i, i + 1),
        };
        let h = s.words[src].head;
        words[k].head = if h == 0 { 0 } else { new_index[h - 1] + 1 };
        k += 1;
        i = next;
    }
    (
        Some(Sample {
            words,
            values: kinds,
        }),
        stats,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn word(form: &str, head: usize, deprel: &str) -> Word {
        Word {
            form: form.into(),
            lemma: form.into(),
            upos: "X".into(),
            xpos: "X".into(),
            head,
            deprel: deprel.into(),
            ..Word::default()
        }
    }

    #[test]
    fn merges_a_value_subtree() {
        // "rose to $ 5 bn ." with "$5bn" a value span (no spaces in text).
        let s = Sentence {
            text: Some("rose to $5 bn.".into()),
            words: vec![
                word("rose", 0, "root"),
                word("to", 3, "case"),
                word("$", 1, "obl"),
                word("5", 3, "nummod"),
                word("bn", 4, "compound"),
                word(".", 1, "punct"),
            ],
            ..Sentence::default()
        };
        let v = [ValueSpan {
            start: 8,
            end: 13,
            kind: ValueKind::Money,
        }];
        let (m, st) = merged(&s, &v);
        let m = m.unwrap();
        assert_eq!(st.merged, 1);
        let forms: Vec<&str> = m.words.iter().map(|w| w.form.as_str()).collect();
        assert_eq!(forms, ["rose", "to", "$5 bn", "."]);
        let heads: Vec<usize> = m.words.iter().map(|w| w.head).collect();
        assert_eq!(heads, [0, 3, 1, 1]);
        assert_eq!(m.words[2].deprel, "obl");
        assert_eq!(m.values[2], Some(ValueKind::Money));
    }

    #[test]
    fn a_span_cutting_a_word_is_not_merged() {
        let s = Sentence {
            text: Some("abc def".into()),
            words: vec![word("abc", 0, "root"), word("def", 1, "obj")],
            ..Sentence::default()
        };
        let v = [ValueSpan {
            start: 1,
            end: 7,
            kind: ValueKind::Count,
        }];
        let (m, st) = merged(&s, &v);
        assert!(m.is_none());
        assert_eq!(st.cut, 1);
    }
}
