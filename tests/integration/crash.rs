//! Crash trials (issue #12): an ingest killed with SIGKILL at any point leaves a store that a
//! user can open, read and resume. This is what `src/store.rs` promises: "one named graph per
//! article, replaced atomically", and a default graph and label registry "kept equal to the RDF
//! merge of all those graphs, in the same transaction as each article". A kill is the harshest
//! way to stop an ingest (no Ctrl-C handler, no flush, no destructor), so these trials check that
//! promise at the only points where it could break: half-way through a transaction.
//!
//! The corpus is the first 1,500 articles of the Reuters-21578 corpus (`../shared/eval/corpora`).
//! A clean ingest into a fresh store is the reference. Then 20 trials, at delays drawn by a
//! fixed-seed xorshift in 5%..95% of the clean ingest's time, each spawn `entente ingest` and
//! SIGKILL it. Odd trials start a fresh store (the kill lands while new graphs are written);
//! even trials ingest again into the store the trial before killed (the kill lands while
//! existing graphs are replaced, or past them while new ones are written). After every kill the
//! store is opened with the CLI (`export --format nquads` for the named graphs, `--format
//! ntriples` for the default graph) and must satisfy:
//!
//! - (a) the article graphs present are the first articles of the file, with no gap (each
//!   article is one transaction, written in file order), and each holds exactly the quads of
//!   that article's graph in the clean run: none is partial, none is mixed;
//! - (b) the default graph equals the set union of the triples of every named graph, the
//!   article graphs and the registry graph (`write_article` puts every article triple, every
//!   registry label and every `skos:altLabel` in the default graph, and removes a triple from it
//!   only when no named graph holds it any more);
//! - (c) the registry graph holds only `rdfs:label` literals, exactly one per node; each is the
//!   label the clean run keeps for that node (the first one seen: the articles present are the
//!   clean run's first ones); and the nodes it labels are exactly the clean run's registry
//!   nodes that some present article graph types with `rdf:type` (a node is labelled by the
//!   first article that describes it, and loses its label when no article describes it).
//!
//! Finally the last killed store gets the whole subset ingested again, to completion, and its
//! export (named graphs and default graph, as sorted lines) must equal the clean run's.
//!
//! The comparisons are on N-Quads lines: Entente mints every node from a stable key (no blank
//! nodes, checked below), so the same quad is the same line in every export.
#![cfg(unix)]

use std::collections::{BTreeSet, HashMap, HashSet};
use std::fs::File;
use std::io::{BufRead, BufReader, BufWriter, Write};
use std::os::unix::process::ExitStatusExt;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::Instant;

use crate::common::*;

const ARTICLES: usize = 1500;
const TRIALS: usize = 20;
const SEED: u64 = 0x0012_C4A5_D00D_F00D;
const BASE: &str = "https://w3id.org/entente/";
const REGISTRY: &str = "<https://w3id.org/entente/graph/registry>";
const RDF_TYPE: &str = "<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>";
const RDFS_LABEL: &str = "<http://www.w3.org/2000/01/rdf-schema#label>";

/// xorshift64*: a fixed seed gives the same kill points on every run.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    /// A float in [0, 1).
    fn unit(&mut self) -> f64 {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64
    }
}

/// The named graph of article `id`, spelled as `mint::graph` spells it, in N-Quads.
fn graph_of(id: &str) -> String {
    let mut s = format!("<{BASE}graph/");
    for b in id.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~') {
            s.push(b as char);
        } else {
            s.push_str(&format!("%{b:02X}"));
        }
    }
    s.push('>');
    s
}

/// A store's dataset as N-Quads lines: graph name → its triples (each an N-Triples line,
/// `<s> <p> <o> .`).
type Dataset = HashMap<String, HashSet<String>>;

fn export(store: &Path, format: &str, out: &Path) {
    let o = entente(&["export", "--store", store.to_str().unwrap(), "--format", format, "--output", out.to_str().unwrap()]);
    assert!(o.status.success(), "export {format} of {} failed: {}", store.display(), stderr(&o));
}

fn lines(path: &Path) -> Vec<String> {
    BufReader::new(File::open(path).unwrap_or_else(|e| panic!("{}: {e}", path.display())))
        .lines()
        .map(|l| l.expect("read export"))
        .filter(|l| !l.is_empty())
        .collect()
}

/// Splits an N-Quads line into its triple (as an N-Triples line) and its graph name.
fn split_quad(line: &str) -> (String, String) {
    let body = line.strip_suffix(" .").unwrap_or_else(|| panic!("not an N-Quads line: {line}"));
    let (triple, graph) = body.rsplit_once(' ').unwrap_or_else(|| panic!("not an N-Quads line: {line}"));
    assert!(graph.starts_with('<') && graph.ends_with('>'), "a quad outside a named graph in a dataset export: {line}");
    (format!("{triple} ."), graph.to_owned())
}

/// The named graphs of `store` (its N-Quads export) and its default graph (its N-Triples
/// export), both read through the CLI.
fn read_store(store: &Path, work: &Path) -> (Dataset, HashSet<String>) {
    let nq = work.join("export.nq");
    let nt = work.join("export.nt");
    export(store, "nquads", &nq);
    export(store, "ntriples", &nt);
    let mut named: Dataset = HashMap::new();
    for l in lines(&nq) {
        let (t, g) = split_quad(&l);
        named.entry(g).or_default().insert(t);
    }
    (named, lines(&nt).into_iter().collect())
}

/// Subject, predicate and the rest of an N-Triples line (IRIs hold no spaces).
fn spo(triple: &str) -> (&str, &str, &str) {
    let (s, rest) = triple.split_once(' ').expect("subject");
    let (p, o) = rest.split_once(' ').expect("predicate");
    (s, p, o.strip_suffix(" .").unwrap_or(o))
}

/// node → its labels (object terms) in the registry graph.
fn registry(d: &Dataset) -> HashMap<String, Vec<String>> {
    let mut r: HashMap<String, Vec<String>> = HashMap::new();
    for t in d.get(REGISTRY).into_iter().flatten() {
        let (s, _, o) = spo(t);
        r.entry(s.to_owned()).or_default().push(o.to_owned());
    }
    r
}

fn sample<'a>(it: impl IntoIterator<Item = &'a String>) -> Vec<&'a String> {
    let mut v: Vec<&String> = it.into_iter().collect();
    v.sort();
    v.truncate(5);
    v
}

/// Checks (a), (b) and (c) of the module doc on a store read after trial `trial`. Returns the
/// number of article graphs present.
fn check_killed(trial: &str, order: &[String], clean: &Dataset, named: &Dataset, default: &HashSet<String>) -> usize {
    // (a) a prefix of the file, each graph complete and unmixed
    let present = order.iter().take_while(|g| named.contains_key(*g)).count();
    let known: HashSet<&String> = order.iter().collect();
    for g in named.keys() {
        assert!(g == REGISTRY || known.contains(g), "{trial}: a graph that no article of the corpus names: {g}");
    }
    let after: Vec<&String> = order[present..].iter().filter(|g| named.contains_key(*g)).take(5).collect();
    assert!(
        after.is_empty(),
        "{trial}: the article graphs present are not the first articles of the file: the first {present} are there, article {} is missing, yet later ones are present: {after:?}",
        order.get(present).map_or("?", String::as_str)
    );
    for g in &order[..present] {
        let (got, want) = (&named[g], &clean[g]);
        if got != want {
            let missing: Vec<_> = sample(want.difference(got));
            let extra: Vec<_> = sample(got.difference(want));
            panic!(
                "{trial}: article graph {g} is not the clean run's: {} quads instead of {} ({} missing, e.g. {missing:#?}; {} extra, e.g. {extra:#?})",
                got.len(),
                want.len(),
                want.difference(got).count(),
                got.difference(want).count()
            );
        }
    }

    // (b) the default graph is the merge (set union) of all named graphs, registry included
    let merge: HashSet<&String> = named.values().flatten().collect();
    let default_refs: HashSet<&String> = default.iter().collect();
    if merge != default_refs {
        let missing = sample(merge.difference(&default_refs).copied());
        let extra = sample(default_refs.difference(&merge).copied());
        panic!(
            "{trial} ({present} articles present): the default graph is not the merge of the named graphs: {} triples instead of {} ({} of the merge missing, e.g. {missing:#?}; {} not in any named graph, e.g. {extra:#?})",
            default.len(),
            merge.len(),
            merge.difference(&default_refs).count(),
            default_refs.difference(&merge).count()
        );
    }

    // (c) the registry: one rdfs:label literal per node, the clean run's, for exactly the
    // clean run's registry nodes that a present article describes
    for t in named.get(REGISTRY).into_iter().flatten() {
        let (_, p, o) = spo(t);
        assert!(p == RDFS_LABEL && o.starts_with('"'), "{trial}: the registry graph holds something else than a label: {t}");
    }
    let got = registry(named);
    let want = registry(clean);
    for (node, labels) in &got {
        assert_eq!(labels.len(), 1, "{trial}: node {node} has {} registry labels, not one: {labels:?}", labels.len());
        assert_eq!(Some(labels), want.get(node), "{trial}: node {node} has another registry label than the clean run's (the first one seen)");
    }
    let typed: HashSet<&str> = order[..present]
        .iter()
        .flat_map(|g| &named[g])
        .filter_map(|t| {
            let (s, p, _) = spo(t);
            (p == RDF_TYPE).then_some(s)
        })
        .collect();
    let expected: BTreeSet<&str> = want.keys().map(String::as_str).filter(|n| typed.contains(n)).collect();
    let labelled: BTreeSet<&str> = got.keys().map(String::as_str).collect();
    if expected != labelled {
        let missing: Vec<_> = expected.difference(&labelled).take(5).collect();
        let extra: Vec<_> = labelled.difference(&expected).take(5).collect();
        panic!(
            "{trial} ({present} articles present): the registry labels {} nodes, but {} are described by a present article ({} without a label, e.g. {missing:?}; {} labelled but described by no present article, e.g. {extra:?})",
            labelled.len(),
            expected.len(),
            expected.difference(&labelled).count(),
            labelled.difference(&expected).count()
        );
    }
    present
}

fn ingest_command(store: &Path, corpus: &Path, log: &Path) -> Command {
    let mut c = Command::new(bin());
    c.args(["ingest", "--store", store.to_str().unwrap(), corpus.to_str().unwrap()])
        .env_remove("ENTENTE_STORE")
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        // a file, not a pipe: a pipe nobody reads could block the ingest before the kill
        .stderr(File::create(log).expect("ingest log"));
    c
}

fn sorted(mut v: Vec<String>) -> Vec<String> {
    v.sort_unstable();
    v
}

#[test]
fn killed_ingests_leave_complete_article_graphs_and_resume_to_a_clean_store() {
    let started = Instant::now();
    let source = root().join("../shared/eval/corpora/reuters21578.jsonl");
    assert!(
        source.is_file(),
        "{} is missing: the crash trials ingest its first {ARTICLES} articles; the shared data (shared/eval/corpora) must sit beside the checkout",
        source.display()
    );
    let dir = tmp();
    let corpus = dir.path().join("subset.jsonl");
    let mut order = Vec::with_capacity(ARTICLES);
    {
        let mut out = BufWriter::new(File::create(&corpus).unwrap());
        for line in BufReader::new(File::open(&source).unwrap()).lines().take(ARTICLES) {
            let line = line.expect("read corpus");
            let v: serde_json::Value = serde_json::from_str(&line).unwrap_or_else(|e| panic!("{}: not JSON ({e}): {line}", source.display()));
            order.push(graph_of(v["id"].as_str().expect("an article id")));
            writeln!(out, "{line}").unwrap();
        }
        out.flush().unwrap();
    }
    assert_eq!(order.len(), ARTICLES, "{} holds fewer than {ARTICLES} articles", source.display());
    assert_eq!(order.iter().collect::<HashSet<_>>().len(), ARTICLES, "the subset repeats an article id");

    // the reference: a clean ingest, timed
    let clean_store = dir.path().join("clean");
    let t0 = Instant::now();
    let status = ingest_command(&clean_store, &corpus, &dir.path().join("clean.log")).status().expect("run entente");
    let clean_time = t0.elapsed();
    assert!(status.success(), "clean ingest failed: {}", std::fs::read_to_string(dir.path().join("clean.log")).unwrap_or_default());
    let clean_nq = dir.path().join("clean.nq");
    let clean_nt = dir.path().join("clean.nt");
    export(&clean_store, "nquads", &clean_nq);
    export(&clean_store, "ntriples", &clean_nt);
    let clean_lines = sorted(lines(&clean_nq));
    let clean_default = sorted(lines(&clean_nt));
    assert!(
        !clean_lines.iter().chain(&clean_default).any(|l| l.starts_with("_:") || l.contains(" _:")),
        "the clean export holds blank nodes: these trials compare quads as lines, which needs every node to be an IRI"
    );
    let mut clean: Dataset = HashMap::new();
    for l in &clean_lines {
        let (t, g) = split_quad(l);
        clean.entry(g).or_default().insert(t);
    }
    for g in &order {
        assert!(clean.contains_key(g), "the clean run has no graph {g} for an article of the corpus");
    }
    // the reference passes its own checks
    check_killed("clean run", &order, &clean, &clean, &clean_default.iter().cloned().collect());
    std::fs::remove_dir_all(&clean_store).ok();
    eprintln!("crash: clean ingest of {ARTICLES} articles in {clean_time:.2?}, {} quads; seed {SEED:#x}", clean_lines.len());

    let mut rng = Rng(SEED);
    let store = dir.path().join("store");
    let mut landed = 0;
    for trial in 1..=TRIALS {
        let fresh = trial % 2 == 1;
        if fresh && store.exists() {
            std::fs::remove_dir_all(&store).expect("remove the last trial's store");
        }
        let delay = clean_time.mul_f64(0.05 + 0.90 * rng.unit());
        let log = dir.path().join(format!("trial-{trial}.log"));
        let mut child = ingest_command(&store, &corpus, &log).spawn().expect("run entente");
        std::thread::sleep(delay);
        let running = child.try_wait().expect("poll the ingest").is_none();
        child.kill().ok();
        let status = child.wait().expect("reap the ingest");
        let killed = status.signal() == Some(9);
        if killed {
            landed += 1;
        } else {
            // it finished before the kill: then it must have finished well
            assert!(
                status.success(),
                "trial {trial}: the ingest ended on its own, and failed ({status}): {}",
                std::fs::read_to_string(&log).unwrap_or_default()
            );
        }
        let what = format!(
            "trial {trial}/{TRIALS} ({} store, killed at {delay:.2?}{})",
            if fresh { "fresh" } else { "continued" },
            if killed { "" } else { ", after the ingest had finished" }
        );
        if !store.join("CURRENT").is_file() {
            // killed before RocksDB wrote its first manifest: there is no store to check yet
            eprintln!("crash: {what}: no store created yet");
            continue;
        }
        let (named, default) = read_store(&store, dir.path());
        let present = check_killed(&what, &order, &clean, &named, &default);
        eprintln!("crash: {what}: {present} complete article graphs, default graph and registry consistent{}", if running { "" } else { " (not running at kill)" });
    }
    assert!(
        landed >= TRIALS / 2,
        "only {landed} of {TRIALS} kills landed inside an ingest: the trials did not test what they are for (the clean ingest took {clean_time:.2?})"
    );

    // resume: the whole subset into the last killed store gives the clean run's store
    let log = dir.path().join("resume.log");
    let t0 = Instant::now();
    let status = ingest_command(&store, &corpus, &log).status().expect("run entente");
    let resume_time = t0.elapsed();
    assert!(status.success(), "re-ingest into the killed store failed ({status}): {}", std::fs::read_to_string(&log).unwrap_or_default());
    let nq = dir.path().join("resumed.nq");
    let nt = dir.path().join("resumed.nt");
    export(&store, "nquads", &nq);
    export(&store, "ntriples", &nt);
    for (name, got, want) in [("named graphs (N-Quads)", sorted(lines(&nq)), &clean_lines), ("default graph (N-Triples)", sorted(lines(&nt)), &clean_default)] {
        if &got != want {
            let (g, w): (HashSet<&String>, HashSet<&String>) = (got.iter().collect(), want.iter().collect());
            panic!(
                "after {TRIALS} trials, re-ingesting into the killed store does not give the clean run's {name}: {} lines instead of {} ({} missing, e.g. {:#?}; {} extra, e.g. {:#?})",
                got.len(),
                want.len(),
                w.difference(&g).count(),
                sample(w.difference(&g).copied()),
                g.difference(&w).count(),
                sample(g.difference(&w).copied())
            );
        }
    }
    eprintln!(
        "crash: {landed}/{TRIALS} kills inside an ingest; the resumed store (re-ingest in {resume_time:.2?}) equals the clean run; {:.1?} in all",
        started.elapsed()
    );
}
