//! Throughput benchmark on a JSON Lines corpus (default: Reuters-21578, 19,043 stories), each
//! stage timed against a baseline measured in the same run: the ratios hold across machines.
//!
//! ```text
//! cargo run --release --example bench -- ../shared/eval/corpora/reuters21578.jsonl [LIMIT]
//! ```
//!
//! Stages: (0) baseline: read and parse the JSON Lines and cut every text into tokens and
//! sentences; (1) + mentions and entities; (2) + events (the whole pure extraction), and (2p)
//! the same on every core, whose speed-up over (2) is printed; (3) + RDF
//! quads; (4) + writing every article to a fresh embedded store (one transaction per article).

use std::path::Path;
use std::time::Instant;

fn temp_store(tag: &str) -> (std::path::PathBuf, entente::store::EntenteStore) {
    let dir = std::env::temp_dir().join(format!("entente-bench-{tag}-{}", std::process::id()));
    match entente::store::EntenteStore::open(&dir) {
        Ok(s) => (dir, s),
        Err(e) => {
            eprintln!("bench: {e}");
            std::process::exit(2);
        }
    }
}

fn main() {
    let mut args = std::env::args().skip(1);
    let path = args.next().unwrap_or_else(|| "../shared/eval/corpora/reuters21578.jsonl".into());
    let limit: usize = args.next().and_then(|n| n.parse().ok()).unwrap_or(usize::MAX);
    let text = match std::fs::read_to_string(&path) {
        Ok(t) => t,
        Err(e) => {
            eprintln!("bench: {path}: {e}");
            std::process::exit(2);
        }
    };
    let docs: Vec<entente::document::Document> = entente::document::parse_jsonl(Path::new(&path), &text, None)
        .into_iter()
        .filter_map(Result::ok)
        .take(limit)
        .collect();
    let bytes: usize = docs.iter().map(|d| d.text.len()).sum();
    let lex = entente::lexicon::Lexicon::shipped();
    let run = |name: &str, f: &dyn Fn() -> usize| -> f64 {
        let t = Instant::now();
        let n = f();
        let s = t.elapsed().as_secs_f64();
        println!("{name:<44} {s:>8.2} s {:>9.0} articles/s {:>7.2} MB/s  ({n})", docs.len() as f64 / s, bytes as f64 / s / 1e6);
        s
    };
    println!("{} articles, {:.1} MB of text from {path}", docs.len(), bytes as f64 / 1e6);
    let base = run("0 baseline: parse JSON Lines + tokenize", &|| {
        let parsed = entente::document::parse_jsonl(Path::new(&path), &text, None).into_iter().filter_map(Result::ok).take(limit);
        parsed.map(|d| entente::text::analyze(&d.text).tokens.len()).sum()
    });
    let mentions = run("1 + mentions and entities", &|| {
        docs.iter()
            .map(|d| {
                let a = entente::text::analyze(&d.text);
                let m = entente::mention::find_mentions(&a, lex, None);
                entente::resolve::resolve(&a, &m, lex, &d.id, None).entities.len()
            })
            .sum()
    });
    let extract = run("2 + events (whole extraction)", &|| docs.iter().map(|d| entente::extract(d).events.len()).sum());
    let parallel = run("2p whole extraction on every core (rayon)", &|| {
        use rayon::prelude::*;
        docs.par_iter().map(|d| entente::extract(d).events.len()).sum()
    });
    let quads = run("3 + RDF quads", &|| {
        docs.iter().map(|d| entente::rdf::article_quads(d, &entente::extract(d)).quads.len()).sum()
    });
    let (dir, store) = temp_store("single");
    let ingest = run("4 + store (one transaction per article)", &|| {
        let mut n = 0;
        for d in &docs {
            let q = entente::rdf::article_quads(d, &entente::extract(d));
            n += q.quads.len();
            if let Err(e) = store.replace_article(&q) {
                eprintln!("bench: {e}");
            }
        }
        n
    });
    drop(store);
    let _ = std::fs::remove_dir_all(&dir);
    let (dir2, store) = temp_store("batch");
    let batched = run("5 + store, 64 articles per transaction", &|| {
        let mut n = 0;
        for chunk in docs.chunks(64) {
            let quads: Vec<_> = chunk.iter().map(|d| entente::rdf::article_quads(d, &entente::extract(d))).collect();
            n += quads.iter().map(|q| q.quads.len()).sum::<usize>();
            if let Err(e) = store.replace_articles(&quads) {
                eprintln!("bench: {e}");
            }
        }
        n
    });
    drop(store);
    let _ = std::fs::remove_dir_all(&dir2);
    println!("extraction on {} cores against one: {:.2}x the throughput", rayon::current_num_threads(), extract / parallel);
    println!(
        "ratios to the baseline: mentions {:.1}x, extraction {:.1}x, quads {:.1}x, store {:.1}x, batched store {:.1}x",
        mentions / base,
        extract / base,
        quads / base,
        ingest / base,
        batched / base
    );
}
