//! Mention-level benchmark on CoNLL-2003 (`eng.testb`): runs Entente's mention extractor and
//! resolver on each document and scores PER, ORG and LOC with the standard exact-span,
//! exact-type metric (micro-averaged). MISC is not scored (Entente has no such class).
//!
//! ```text
//! cargo run --release --example conll -- ../shared/eval/conll2003/eng.testb
//! ```
//! `benches/conll_spacy.py` measures spaCy the same way on the same file.
//!
//! Entente → CoNLL types: persons → PER; organizations → ORG; countries and places → LOC.
//! Descriptions and pronouns ("the minister", "he") are not names and are not counted.
//! `CONLL_VERBOSE=1` lists every missed and extra span.

use std::collections::{BTreeMap, BTreeSet};
use std::time::Instant;

use entente::lexicon::Lexicon;
use entente::resolve::EntityKind;

type Span = (usize, usize, &'static str); // token start, token end (exclusive), type

struct Doc {
    tokens: Vec<String>,
    sentence_starts: Vec<usize>,
    gold: BTreeSet<Span>,
}

fn read(path: &str) -> Result<Vec<Doc>, String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("{path}: {e}"))?;
    let mut docs = Vec::new();
    let mut cur = Doc { tokens: Vec::new(), sentence_starts: vec![0], gold: BTreeSet::new() };
    let mut tags: Vec<String> = Vec::new();
    let flush_sentence = |cur: &mut Doc| {
        if cur.sentence_starts.last() != Some(&cur.tokens.len()) {
            cur.sentence_starts.push(cur.tokens.len());
        }
    };
    for line in text.lines() {
        if line.starts_with("-DOCSTART-") {
            flush_sentence(&mut cur);
            let mut doc = std::mem::replace(&mut cur, Doc { tokens: Vec::new(), sentence_starts: vec![0], gold: BTreeSet::new() });
            doc.gold = spans(&tags);
            tags.clear();
            if !doc.tokens.is_empty() {
                docs.push(doc);
            }
            continue;
        }
        let cols: Vec<&str> = line.split_whitespace().collect();
        if cols.is_empty() {
            flush_sentence(&mut cur);
            tags.push("O".into()); // a sentence break ends any entity
            cur.tokens.push(String::new());
            continue;
        }
        cur.tokens.push(cols[0].to_owned());
        tags.push(cols.last().copied().unwrap_or("O").to_owned());
    }
    if !cur.tokens.is_empty() {
        cur.gold = spans(&tags);
        docs.push(cur);
    }
    Ok(docs)
}

/// Entity spans from IOB1 tags (a `B-` tag only separates two adjacent entities of one type).
fn spans(tags: &[String]) -> BTreeSet<Span> {
    let mut out = BTreeSet::new();
    let mut open: Option<(usize, &'static str)> = None;
    for (i, t) in tags.iter().chain(std::iter::once(&"O".to_owned())).enumerate() {
        let (prefix, ty) = t.split_once('-').unwrap_or(("O", ""));
        let ty: Option<&'static str> = match ty {
            "PER" => Some("PER"),
            "ORG" => Some("ORG"),
            "LOC" => Some("LOC"),
            "MISC" => Some("MISC"),
            _ => None,
        };
        let continues = matches!((open, ty), (Some((_, o)), Some(n)) if o == n && prefix == "I");
        if !continues {
            if let Some((s, o)) = open.take() {
                if o != "MISC" {
                    out.insert((s, i, o));
                }
            }
            if let Some(n) = ty {
                open = Some((i, n));
            }
        }
    }
    out
}

fn main() {
    let path = std::env::args().nth(1).unwrap_or_else(|| "../shared/eval/conll2003/eng.testb".into());
    let docs = match read(&path) {
        Ok(d) => d,
        Err(e) => {
            eprintln!("conll: {e}");
            std::process::exit(2);
        }
    };
    let lex = Lexicon::shipped();
    // CONLL_VERBOSE=1 lists every missed and extra span
    let verbose = std::env::var_os("CONLL_VERBOSE").is_some();
    let started = Instant::now();
    let mut counts: BTreeMap<&str, (usize, usize, usize)> = BTreeMap::new();
    let mut tokens_total = 0;
    for doc in &docs {
        // Rebuild the text: tokens joined by spaces, sentences by blank lines (so that the
        // sentence splitter sees CoNLL's sentences), remembering each token's bytes.
        let mut text = String::new();
        let mut offsets = Vec::with_capacity(doc.tokens.len());
        for t in &doc.tokens {
            if t.is_empty() {
                text.push_str("\n\n");
                offsets.push((text.len(), text.len()));
                continue;
            }
            if !text.is_empty() && !text.ends_with('\n') {
                text.push(' ');
            }
            offsets.push((text.len(), text.len() + t.len()));
            text.push_str(t);
        }
        tokens_total += doc.tokens.iter().filter(|t| !t.is_empty()).count();
        let a = entente::text::analyze_with(&text, |c| lex.place_country(c, None).is_some());
        let mentions = entente::mention::find_mentions(&a, lex, None);
        let resolved = entente::resolve::resolve(&a, &mentions, lex, "conll", None);
        let start_of: BTreeMap<usize, usize> = offsets.iter().enumerate().filter(|(_, (s, e))| s != e).map(|(i, (s, _))| (*s, i)).collect();
        let end_of: BTreeMap<usize, usize> = offsets.iter().enumerate().filter(|(_, (s, e))| s != e).map(|(i, (_, e))| (*e, i + 1)).collect();
        let mut pred: BTreeSet<Span> = BTreeSet::new();
        for r in resolved.refs.iter().filter(|r| r.named) {
            let ty = match resolved.entities[r.entity].kind {
                EntityKind::Person => "PER",
                EntityKind::Organization => "ORG",
                EntityKind::Country | EntityKind::Place => "LOC",
            };
            if let (Some(&s), Some(&e)) = (start_of.get(&r.start), end_of.get(&r.end)) {
                pred.insert((s, e, ty));
            }
        }
        if verbose {
            let words = |s: &Span| doc.tokens[s.0..s.1].join(" ");
            for g in doc.gold.iter().filter(|g| !pred.contains(g)) {
                let got: Vec<String> = pred.iter().filter(|p| p.0 < g.1 && g.0 < p.1).map(|p| format!("{} {}", words(p), p.2)).collect();
                println!("missed {} {} | got {:?}", g.2, words(g), got);
            }
            for p in pred.iter().filter(|p| !doc.gold.contains(p)) {
                println!("extra {} {}", p.2, words(p));
            }
        }
        for ty in ["PER", "ORG", "LOC"] {
            let g: BTreeSet<&Span> = doc.gold.iter().filter(|s| s.2 == ty).collect();
            let p: BTreeSet<&Span> = pred.iter().filter(|s| s.2 == ty).collect();
            let tp = g.intersection(&p).count();
            let c = counts.entry(ty).or_insert((0, 0, 0));
            c.0 += tp;
            c.1 += p.len() - tp;
            c.2 += g.len() - tp;
        }
    }
    let secs = started.elapsed().as_secs_f64();
    let prf = |(tp, fp, fn_): (usize, usize, usize)| {
        let p = if tp + fp > 0 { tp as f64 / (tp + fp) as f64 } else { 0.0 };
        let r = if tp + fn_ > 0 { tp as f64 / (tp + fn_) as f64 } else { 0.0 };
        let f = if p + r > 0.0 { 2.0 * p * r / (p + r) } else { 0.0 };
        (p, r, f)
    };
    println!("CoNLL-2003 {path}: {} documents, {} tokens, {:.2} s ({:.0} tokens/s)", docs.len(), tokens_total, secs, tokens_total as f64 / secs);
    println!("{:<6} {:>6} {:>6} {:>6} {:>6} {:>6} {:>6}", "type", "P", "R", "F1", "tp", "fp", "fn");
    let mut all = (0, 0, 0);
    for (ty, c) in &counts {
        let (p, r, f) = prf(*c);
        println!("{:<6} {:>6.3} {:>6.3} {:>6.3} {:>6} {:>6} {:>6}", ty, p, r, f, c.0, c.1, c.2);
        all = (all.0 + c.0, all.1 + c.1, all.2 + c.2);
    }
    let (p, r, f) = prf(all);
    println!("{:<6} {:>6.3} {:>6.3} {:>6.3} {:>6} {:>6} {:>6}", "micro", p, r, f, all.0, all.1, all.2);
}
