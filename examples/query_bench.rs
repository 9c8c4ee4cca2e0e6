//! The time of each shipped example query (`examples/queries/*.rq`) on a store opened
//! read-only: one warm-up run, then N timed runs (evaluation and the W3C JSON results, as
//! `entente query --format json` does), the median and the slowest. With `--baseline DIR`, the
//! queries of the same name in DIR (an older form of each) are timed in the same run, their
//! answers are compared with the shipped queries' answers, and the ratios are printed.
//!
//! ```bash
//! cargo build --release --example query_bench
//! target/release/examples/query_bench STORE [--runs N] [--queries DIR] [--baseline DIR] [--limit SECS] [--explain NAME]
//! ```
//!
//! A baseline run still going after `--limit` seconds (default 60) is stopped and shown as
//! `>`. `--explain NAME` prints Oxigraph's plan of `NAME.rq` (and of its baseline) with the
//! rows each step produced, then stops.
//!
//! Answers are compared as multisets of rows, and a value that is a list joined by
//! `GROUP_CONCAT` is compared as its sorted items (SPARQL leaves their order open).

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use entente::query::{self, Answer, CancellationToken, Dataset, ResultFormat};
use entente::store::EntenteStore;

struct Options {
    store: PathBuf,
    runs: usize,
    queries: PathBuf,
    baseline: Option<PathBuf>,
    limit: Duration,
    explain: Option<String>,
}

fn usage() -> String {
    "usage: query_bench STORE [--runs N] [--queries DIR] [--baseline DIR] [--limit SECS] [--explain NAME]".into()
}

fn options() -> Result<Options, String> {
    let mut args = std::env::args().skip(1);
    let mut o = Options {
        store: PathBuf::new(),
        runs: 5,
        queries: Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/queries"),
        baseline: None,
        limit: Duration::from_secs(60),
        explain: None,
    };
    let mut store = None;
    while let Some(a) = args.next() {
        let mut value = || args.next().ok_or_else(usage);
        match a.as_str() {
            "--runs" => o.runs = value()?.parse().map_err(|_| usage())?,
            "--queries" => o.queries = value()?.into(),
            "--baseline" => o.baseline = Some(value()?.into()),
            "--limit" => o.limit = Duration::from_secs_f64(value()?.parse().map_err(|_| usage())?),
            "--explain" => o.explain = Some(value()?),
            s if s.starts_with('-') => return Err(usage()),
            s => store = Some(PathBuf::from(s)),
        }
    }
    o.store = store.ok_or_else(usage)?;
    o.runs = o.runs.max(1);
    Ok(o)
}

/// One evaluation of `sparql`, stopped after `limit`: its time and answer (`None` when stopped).
fn time_once(store: &EntenteStore, name: &str, sparql: &str, limit: Duration) -> Result<(Duration, Option<Answer>), String> {
    let token = CancellationToken::new();
    let (done_tx, done_rx) = std::sync::mpsc::channel::<()>();
    let timer = {
        let token = token.clone();
        std::thread::spawn(move || {
            if done_rx.recv_timeout(limit).is_err() {
                token.cancel();
            }
        })
    };
    let start = Instant::now();
    let answer = query::evaluate(store, name, sparql, &Dataset::default(), Some(&token));
    let answer = match answer {
        Ok(a) => {
            // the serialization `entente query --format json` adds
            if let Answer::Solutions { variables, rows } = &a {
                query::write_solutions(variables, rows, ResultFormat::Json, &mut std::io::sink()).map_err(|e| e.to_string())?;
            }
            Some(a)
        }
        Err(query::QueryError::Cancelled { .. }) => None,
        Err(e) => return Err(e.to_string()),
    };
    let took = start.elapsed();
    let _ = done_tx.send(());
    let _ = timer.join();
    Ok((took, answer))
}

/// The median and the slowest of a warm-up and `runs` timed runs, and the answer; `None` for
/// the times when the warm-up was stopped at `limit`.
fn measure(store: &EntenteStore, name: &str, sparql: &str, runs: usize, limit: Duration) -> Result<(Option<(Duration, Duration)>, Option<Answer>), String> {
    let (warm, answer) = time_once(store, name, sparql, limit)?;
    if answer.is_none() {
        return Ok((None, None));
    }
    // a run slower than the limit is timed once: its warm-up is its time
    let mut times = vec![warm];
    if warm < limit / 4 {
        times.clear();
        for _ in 0..runs {
            times.push(time_once(store, name, sparql, limit)?.0);
        }
    }
    let max = times.iter().max().copied().unwrap_or_default();
    Ok((Some((median(&mut times), max)), answer))
}

/// The rows of an answer in a form where two plans of one query compare equal: each value
/// as N-Triples, a `GROUP_CONCAT` list as its sorted items, rows sorted.
fn canonical(answer: &Answer) -> Vec<String> {
    let Answer::Solutions { rows, .. } = answer else {
        return vec![format!("{answer:?}")];
    };
    let mut out: Vec<String> = rows
        .iter()
        .map(|row| {
            row.iter()
                .map(|t| match t {
                    None => String::new(),
                    Some(oxigraph::model::Term::Literal(l)) if l.datatype() == oxigraph::model::vocab::xsd::STRING => {
                        let mut items: Vec<&str> = l.value().split(['|', ',', ';']).map(str::trim).collect();
                        items.sort();
                        items.join("\u{1f}")
                    }
                    Some(t) => t.to_string(),
                })
                .collect::<Vec<_>>()
                .join("\t")
        })
        .collect();
    out.sort();
    out
}

fn ms(d: Duration) -> String {
    format!("{:.1}", d.as_secs_f64() * 1000.0)
}

fn explain(store: &EntenteStore, name: &str, path: &Path) -> Result<(), String> {
    let sparql = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
    let mut evaluator = oxigraph::sparql::SparqlEvaluator::new();
    for (p, ns) in entente::rdf::vocab::PREFIXES {
        evaluator = evaluator.with_prefix(*p, *ns).map_err(|e| e.to_string())?;
    }
    let prepared = evaluator.parse_query(&sparql).map_err(|e| e.to_string())?;
    let start = Instant::now();
    let (results, explanation) = prepared.on_store(store.inner()).compute_statistics().explain();
    let mut n = 0;
    if let Ok(oxigraph::sparql::QueryResults::Solutions(solutions)) = results {
        for s in solutions {
            s.map_err(|e| e.to_string())?;
            n += 1;
        }
    }
    println!("== {name} ({}): {n} rows in {} ms", path.display(), ms(start.elapsed()));
    let mut json = Vec::new();
    explanation.write_in_json(&mut json).map_err(|e| e.to_string())?;
    let tree: serde_json::Value = serde_json::from_slice(&json).map_err(|e| e.to_string())?;
    print_plan(tree.get("plan").unwrap_or(&tree), 0);
    println!();
    Ok(())
}

/// One line per step of a plan: the rows it produced and its time, children indented.
fn print_plan(node: &serde_json::Value, depth: usize) {
    let name = node.get("name").and_then(|n| n.as_str()).unwrap_or("?");
    let rows = node.get("number of results").and_then(|n| n.as_u64()).map_or(String::new(), |n| n.to_string());
    let secs = node.get("duration in seconds").and_then(|n| n.as_f64()).map_or(String::new(), |s| format!("{:.1} ms", s * 1000.0));
    println!("{:indent$}{name}  [{rows} rows, {secs}]", "", indent = depth * 2);
    for child in node.get("children").and_then(|c| c.as_array()).into_iter().flatten() {
        print_plan(child, depth + 1);
    }
}

fn main() -> Result<(), String> {
    let o = options()?;
    let store = EntenteStore::open_read_only(&o.store).map_err(|e| e.to_string())?;
    let mut files: Vec<PathBuf> = std::fs::read_dir(&o.queries)
        .map_err(|e| format!("{}: {e}", o.queries.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "rq"))
        .collect();
    files.sort();
    let name_of = |p: &Path| p.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
    if let Some(wanted) = &o.explain {
        let file = files.iter().find(|p| &name_of(p) == wanted).ok_or_else(|| format!("no query {wanted}.rq"))?;
        explain(&store, wanted, file)?;
        if let Some(old) = o.baseline.as_ref().map(|b| b.join(format!("{wanted}.rq"))).filter(|p| p.exists()) {
            explain(&store, &format!("{wanted} (baseline)"), &old)?;
        }
        return Ok(());
    }
    println!("store {}; {} timed runs after a warm-up; times in ms", o.store.display(), o.runs);
    print!("{:<12} {:>7} {:>9} {:>9}", "query", "rows", "median", "max");
    if o.baseline.is_some() {
        print!(" {:>11} {:>11} {:>8} {:>6}", "base median", "base max", "speed-up", "same");
    }
    println!();
    let mut medians = Vec::new();
    let mut slowest = Duration::ZERO;
    for file in &files {
        let name = name_of(file);
        let sparql = std::fs::read_to_string(file).map_err(|e| format!("{}: {e}", file.display()))?;
        let (times, answer) = measure(&store, &name, &sparql, o.runs, Duration::MAX)?;
        let ((median, max), answer) = times.zip(answer).ok_or("not stopped without a limit")?;
        medians.push(median);
        slowest = slowest.max(max);
        let rows = match &answer {
            Answer::Solutions { rows, .. } => rows.len(),
            _ => 1,
        };
        print!("{name:<12} {rows:>7} {:>9} {:>9}", ms(median), ms(max));
        if let Some(old) = o.baseline.as_ref().map(|b| b.join(format!("{name}.rq"))) {
            match std::fs::read_to_string(&old) {
                Err(_) => print!(" {:>11}", "-"),
                Ok(old_sparql) => match measure(&store, &name, &old_sparql, o.runs, o.limit)? {
                    (Some((old_median, old_max)), Some(old_answer)) => {
                        let ratio = old_median.as_secs_f64() / median.as_secs_f64().max(1e-6);
                        let same = if canonical(&old_answer) == canonical(&answer) { "yes" } else { "NO" };
                        print!(" {:>11} {:>11} {:>7.1}× {same:>6}", ms(old_median), ms(old_max), ratio);
                    }
                    _ => {
                        let ratio = o.limit.as_secs_f64() / median.as_secs_f64().max(1e-6);
                        print!(" {:>11} {:>11} {:>7}× {:>6}", format!(">{}", ms(o.limit)), "", format!(">{ratio:.0}"), "?");
                    }
                },
            }
        }
        println!();
    }
    println!(
        "{} queries: median of the medians {} ms, slowest run {} ms ({} under 1 s)",
        medians.len(),
        ms(median(&mut medians)),
        ms(slowest),
        if slowest < Duration::from_secs(1) { "all" } else { "not all" }
    );
    Ok(())
}

/// The median (the mean of the middle two of an even count).
fn median(times: &mut [Duration]) -> Duration {
    times.sort();
    match times.len() {
        0 => Duration::ZERO,
        n if n % 2 == 1 => times[n / 2],
        n => (times[n / 2 - 1] + times[n / 2]) / 2,
    }
}
