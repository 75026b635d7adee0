//! Reads and writes CoNLL-U (the treebanks' format), and finds where each
//! word of a treebank sentence lies in its `# text` line.

use super::GrammarError;

/// One syntactic word of a treebank sentence.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Word {
    pub form: String,
    pub lemma: String,
    pub upos: String,
    pub xpos: String,
    pub feats: String,
    /// 0 for the root, else the 1-based index of the head.
    pub head: usize,
    pub deprel: String,
    pub misc: String,
}

/// A multiword token ("don't" = do + n't): its words `first..=last` (1-based).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Multiword {
    pub first: usize,
    pub last: usize,
    pub form: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Sentence {
    pub sent_id: Option<String>,
    pub text: Option<String>,
    pub words: Vec<Word>,
    pub multiwords: Vec<Multiword>,
}

/// Parses a CoNLL-U file; empty nodes (decimal ids) are skipped.
pub fn read(src: &str) -> Result<Vec<Sentence>, GrammarError> {
    let mut out = Vec::new();
    let mut cur = Sentence::default();
    for (n, line) in src.lines().enumerate() {
        let line = line.trim_end_matches('\r');
        if line.is_empty() {
            if !cur.words.is_empty() {
                out.push(std::mem::take(&mut cur));
            }
            continue;
        }
        if let Some(c) = line.strip_prefix('#') {
            let c = c.trim_start();
            if let Some(t) = c.strip_prefix("text = ") {
                cur.text = Some(t.to_string());
            } else if let Some(t) = c.strip_prefix("sent_id = ") {
                cur.sent_id = Some(t.to_string());
            }
            continue;
        }
        let cols: Vec<&str> = line.split('\t').collect();
        if cols.len() != 10 {
            return Err(GrammarError::Conllu {
                line: n + 1,
                message: format!("expected 10 tab-separated columns, found {}", cols.len()),
            });
        }
        let id = cols[0];
        if id.contains('.') {
            continue;
        }
        let bad = |what: &str| GrammarError::Conllu {
            line: n + 1,
            message: format!("bad {what} '{}'", line.split('\t').next().unwrap_or("")),
        };
        if let Some((a, b)) = id.split_once('-') {
            let first = a.parse().map_err(|_| bad("id"))?;
            let last = b.parse().map_err(|_| bad("id"))?;
            cur.multiwords.push(Multiword {
                first,
                last,
                form: cols[1].to_string(),
            });
            continue;
        }
        let head = if cols[6] == "_" {
            0
        } else {
            cols[6].parse().map_err(|_| bad("head"))?
        };
        cur.words.push(Word {
            form: cols[1].to_string(),
            lemma: cols[2].to_string(),
            upos: cols[3].to_string(),
            xpos: cols[4].to_string(),
            feats: cols[5].to_string(),
            head,
            deprel: cols[7].to_string(),
            misc: cols[9].to_string(),
        });
    }
    if !cur.words.is_empty() {
        out.push(cur);
    }
    for s in &out {
        let n = s.words.len();
        if s.words.iter().any(|w| w.head > n) {
            return Err(GrammarError::Conllu {
                line: 0,
                message: format!(
                    "sentence {} has a head outside the sentence",
                    s.sent_id.as_deref().unwrap_or("?")
                ),
            });
        }
    }
    Ok(out)
}

/// Writes words as CoNLL-U lines (no comments, no trailing blank line).
pub fn write_words(out: &mut String, words: &[Word]) {
    for (i, w) in words.iter().enumerate() {
        let f = |s: &str| {
            if s.is_empty() {
                "_".to_string()
            } else {
                s.replace(['\t', '\n'], " ")
            }
        };
        out.push_str(&format!(
            "{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t_\t{}\n",
            i + 1,
            f(&w.form),
            f(&w.lemma),
            f(&w.upos),
            f(&w.xpos),
            f(&w.feats),
            w.head,
            f(&w.deprel),
            f(&w.misc)
        ));
    }
}

/// Byte span of every word in the sentence's text, found by walking the
/// text: words of a multiword token share its surface when they do not
/// spell it out. None when the forms cannot be found in the text.
pub fn word_spans(s: &Sentence) -> Option<Vec<(usize, usize)>> {
    let text = s.text.as_deref()?;
    let mut spans = vec![(0, 0); s.words.len()];
    let mut at = 0;
    let mut i = 0;
    while i < s.words.len() {
        if let Some(m) = s.multiwords.iter().find(|m| m.first == i + 1) {
            let (a, b) = find(text, at, &m.form)?;
            let last = m.last.min(s.words.len());
            let mut p = a;
            let mut ok = true;
            for (sp, w) in spans[i..last].iter_mut().zip(&s.words[i..last]) {
                let f = &w.form;
                if text[p..b].len() >= f.len() && text[p..p + f.len()].eq_ignore_ascii_case(f) {
                    *sp = (p, p + f.len());
                    p += f.len();
                } else {
                    ok = false;
                    break;
                }
            }
            if !ok || p != b {
                for sp in spans.iter_mut().take(last).skip(i) {
                    *sp = (a, b);
                }
            }
            at = b;
            i = last;
            continue;
        }
        let (a, b) = find(text, at, &s.words[i].form)?;
        spans[i] = (a, b);
        at = b;
        i += 1;
    }
    Some(spans)
}

/// The form at `at` after whitespace.
fn find(text: &str, at: usize, form: &str) -> Option<(usize, usize)> {
    let rest = &text[at..];
    let skip = rest.len() - rest.trim_start().len();
    let a = at + skip;
    text[a..].starts_with(form).then_some((a, a + form.len()))
}

#[cfg(test)]
mod tests {
    use super::*;

    const DOC: &str = "# text = We can't go.\n1-2\tcan't\t_\t_\t_\t_\t_\t_\t_\t_\n1\tca\tcan\tAUX\tMD\t_\t3\taux\t_\t_\n2\tn't\tnot\tPART\tRB\t_\t3\tadvmod\t_\t_\n3\tgo\tgo\tVERB\tVB\t_\t0\troot\t_\t_\n\n";

    #[test]
    fn reads_multiwords_and_aligns() {
        let doc = DOC.replace("# text = We can't go.", "# text = can't go");
        let s = read(&doc).unwrap();
        assert_eq!(s.len(), 1);
        assert_eq!(s[0].words.len(), 3);
        assert_eq!(s[0].multiwords.len(), 1);
        assert_eq!(word_spans(&s[0]).unwrap(), vec![(0, 2), (2, 5), (6, 8)]);
    }

    #[test]
    fn rejects_short_lines() {
        assert!(read("1\tx\n").is_err());
    }
}
