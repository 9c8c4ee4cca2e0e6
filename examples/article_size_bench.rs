//! Seconds per MB of one article as it grows (issue 10: time linear in article size; issue 12:
//! an 8 MB article in bounded time and memory). The article is the news prose of the hostile
//! test `an_8_mb_article_of_news_prose_is_stored_in_bounded_time_and_memory`: short stories
//! naming people, countries, meetings and pacts, repeated with variations up to the size.
//!
//! ```text
//! cargo run --release --example article_size_bench [-- SIZE_KB...]
//! ```
//!
//! Default sizes: 100 KB, 1 MB, 2 MB and 8 MB (the largest article an input may hold). Each
//! size runs in a process of its own, so that its peak resident memory is its own; each stage
//! is timed: (1) the pure extraction (`entente::extract`), (2) its RDF quads, (3) linking its
//! persons and writing it to a fresh store (`EntenteStore::replace_article`). The last line
//! gives the largest and smallest time per MB and their ratio (issue 10 asks for at most 2).

use std::process::Command;
use std::time::Instant;

/// Invented people, countries and cities, as in the hostile tests.
const FIRST: &[&str] = &["Ana", "Tomas", "Lena", "Omar", "Priya", "Kenji", "Sofia", "Jonas", "Amara", "Diego"];
const LAST: &[&str] = &["Ruiz", "Lind", "Okafor", "Haddad", "Nair", "Sato", "Moreau", "Berg", "Mensah", "Silva"];
const COUNTRIES: &[(&str, &str)] = &[
    ("Chile", "Santiago"),
    ("Sweden", "Stockholm"),
    ("Ghana", "Accra"),
    ("Peru", "Lima"),
    ("Kenya", "Nairobi"),
    ("Japan", "Tokyo"),
    ("Norway", "Oslo"),
    ("Egypt", "Cairo"),
];
const DAYS: &[&str] = &["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"];

/// A short news story, different for every `k` (the hostile tests' `story`).
fn story(k: usize) -> String {
    let p1 = format!("{} {}", FIRST[k % 10], LAST[(k / 10) % 10]);
    let p2 = format!("{} {}", FIRST[(k / 100) % 10], LAST[(k / 7) % 10]);
    let (c1, city) = COUNTRIES[k % 8];
    let (c2, _) = COUNTRIES[(k % 8 + 1 + (k / 8) % 7) % 8];
    format!(
        "President {p1} of {c1} met Foreign Minister {p2} of {c2} in {city} on {}. The two leaders signed a trade agreement covering {} tariff lines, officials said.",
        DAYS[k % 5],
        10 + k % 990
    )
}

/// Stories up to `max` bytes, a paragraph every eight, as the hostile test writes them.
fn article(max: usize) -> String {
    let mut text = String::new();
    for k in 0.. {
        let mut s = story(k);
        s.push(if k % 8 == 7 { '\n' } else { ' ' });
        if text.len() + s.len() > max {
            break;
        }
        text.push_str(&s);
    }
    text
}

/// The process's peak resident memory so far, in MB (Linux; 0 elsewhere).
fn peak_rss_mb() -> f64 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    let kb = status.lines().find_map(|l| l.strip_prefix("VmHWM:")).and_then(|v| v.trim().trim_end_matches("kB").trim().parse::<f64>().ok());
    kb.unwrap_or(0.0) / 1024.0
}

/// Runs one size in this process and prints one line of key=value fields.
fn one(kb: usize) -> Result<(), Box<dyn std::error::Error>> {
    let text = article(kb * 1024);
    let doc = entente::document::Document { id: "long-read".into(), text, date: None, title: None, url: None };
    let mb = doc.text.len() as f64 / (1024.0 * 1024.0);
    let base = peak_rss_mb();
    let t = Instant::now();
    let mut x = entente::extract(&doc);
    let extract = t.elapsed().as_secs_f64();
    let extract_rss = peak_rss_mb();
    let dir = std::env::temp_dir().join(format!("entente-article-size-{}", std::process::id()));
    let store = entente::store::EntenteStore::open(&dir)?;
    let t = Instant::now();
    entente::link::PersonIndex::load(&store)?.link(&mut x);
    let link = t.elapsed().as_secs_f64();
    let t = Instant::now();
    let quads = entente::rdf::article_quads(&doc, &x);
    let rdf = t.elapsed().as_secs_f64();
    let n = quads.len();
    let rdf_rss = peak_rss_mb();
    let t = Instant::now();
    store.replace_article(&quads)?;
    let write = t.elapsed().as_secs_f64() + link;
    drop((quads, store));
    let _ = std::fs::remove_dir_all(&dir);
    println!(
        "mb={mb} sentences={} events={} quads={n} extract={extract} rdf={rdf} write={write} base_rss={base} extract_rss={extract_rss} rdf_rss={rdf_rss} rss={}",
        x.sentences.len(),
        x.events.len(),
        peak_rss_mb()
    );
    Ok(())
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if let [flag, kb] = args.as_slice() {
        if flag == "--one" {
            if let Err(e) = kb.parse().map_err(|e: std::num::ParseIntError| e.into()).and_then(one) {
                eprintln!("article_size_bench: {e}");
                std::process::exit(2);
            }
            return;
        }
    }
    let sizes: Vec<usize> = if args.is_empty() { vec![100, 1024, 2048, 8192] } else { args.iter().filter_map(|a| a.parse().ok()).collect() };
    let Ok(exe) = std::env::current_exe() else {
        eprintln!("article_size_bench: cannot find its own executable");
        std::process::exit(2);
    };
    println!("{:>8} {:>9} {:>8} {:>9} {:>9} {:>8} {:>8} {:>8} {:>8} {:>9} {:>9}", "size", "sentences", "events", "quads", "extract s", "rdf s", "write s", "total s", "s/MB", "extr. MB", "peak MB");
    let mut per_mb: Vec<f64> = Vec::new();
    for kb in sizes {
        let out = match Command::new(&exe).args(["--one", &kb.to_string()]).output() {
            Ok(o) if o.status.success() => o,
            Ok(o) => {
                eprintln!("article_size_bench: {kb} KB failed: {}", String::from_utf8_lossy(&o.stderr).trim());
                continue;
            }
            Err(e) => {
                eprintln!("article_size_bench: {e}");
                std::process::exit(2);
            }
        };
        let line = String::from_utf8_lossy(&out.stdout).into_owned();
        let field = |k: &str| -> f64 {
            line.split_whitespace().find_map(|f| f.strip_prefix(k).and_then(|v| v.strip_prefix('='))).and_then(|v| v.parse().ok()).unwrap_or(f64::NAN)
        };
        let total = field("extract") + field("rdf") + field("write");
        per_mb.push(total / field("mb"));
        let size = if kb >= 1024 { format!("{} MB", kb / 1024) } else { format!("{kb} KB") };
        println!(
            "{size:>8} {:>9} {:>8} {:>9} {:>9.2} {:>8.2} {:>8.2} {:>8.2} {:>8.2} {:>9.0} {:>9.0}",
            field("sentences"),
            field("events"),
            field("quads"),
            field("extract"),
            field("rdf"),
            field("write"),
            total,
            total / field("mb"),
            field("extract_rss"),
            field("rss")
        );
    }
    let (lo, hi) = per_mb.iter().fold((f64::INFINITY, 0.0f64), |(lo, hi), &s| (lo.min(s), hi.max(s)));
    println!("time per MB: {lo:.2} to {hi:.2} s, ratio {:.2}", hi / lo);
}
