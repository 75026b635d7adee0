//! Tag + parse throughput on PUD sentences (gold tokenization), on one
//! core, and the whole path from raw text (tokenize, tag, lemmatize,
//! parse). Skips when ../shared/treebanks is absent.

use criterion::{criterion_group, criterion_main, Criterion, Throughput};

use claimcheck::grammar::{conllu, Grammar, Word, Workspace};

const PUD: &str = "../shared/treebanks/en_pud-ud-test.conllu";

fn bench(c: &mut Criterion) {
    let Ok(text) = std::fs::read_to_string(PUD) else {
        eprintln!("skipped: {PUD} not found");
        return;
    };
    let sents = conllu::read(&text).expect("PUD parses");
    let g = Grammar::english().expect("model loads");
    let forms: Vec<Vec<&str>> = sents
        .iter()
        .map(|s| s.words.iter().map(|w| w.form.as_str()).collect())
        .collect();
    let mut group = c.benchmark_group("grammar");
    group.throughput(Throughput::Elements(sents.len() as u64));
    group.sample_size(20);
    group.bench_function("tag+parse PUD (gold words)", |b| {
        let mut ws = Workspace::default();
        let mut words: Vec<Word> = Vec::new();
        b.iter(|| {
            let mut roots = 0usize;
            for f in &forms {
                words.clear();
                words.extend(f.iter().map(|&form| Word { form, value: None }));
                g.analyze(&words, &mut ws);
                roots += ws.heads.iter().filter(|&&h| h == u32::MAX).count();
            }
            roots
        })
    });
    let raw: Vec<&str> = sents.iter().filter_map(|s| s.text.as_deref()).collect();
    group.bench_function("tokenize+tag+lemma+parse PUD (raw text)", |b| {
        b.iter(|| {
            raw.iter()
                .map(|t| g.parse_sentence(t, 0, t.len(), &[]).tokens.len())
                .sum::<usize>()
        })
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
