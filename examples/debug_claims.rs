//! Prints the claims extracted from the given files (a development aid).
use claimcheck::cli::Inputs;

fn main() {
    let paths: Vec<String> = std::env::args().skip(1).collect();
    let inputs = Inputs {
        paths,
        published: vec![],
        rules: vec![],
    };
    let (docs, _) = claimcheck::load_corpus(&inputs).unwrap();
    let rules = claimcheck::rules::RuleData::load(&[]).unwrap();
    let ex = claimcheck::claims::Extractor::new(&rules);
    for (i, a) in docs.iter().enumerate() {
        for c in ex.extract(i, a) {
            let (l, col) = a.doc.position(c.evidence.start);
            println!(
                "{}:{}:{} {} {:?} {:?} {:?} {:?} {:?}",
                a.doc.path.rsplit('/').next().unwrap(),
                l,
                col,
                c.frame,
                c.subject,
                c.label,
                c.period_text,
                c.value_text,
                c.modality
            );
        }
    }
}
