//! Requests per second and p50/p99 latency of one SELECT sent to `entente serve` by 8
//! concurrent clients (keep-alive HTTP/1.1 on loopback), against the same query through the
//! CLI (a process per query) in the same run; errors, and the server's RSS every 1,000
//! requests (a leak shows as a rising series). Then the explorer's first load in headless
//! Chromium (its time to a drawn graph, bytes and requests, nothing fetched beyond the
//! server), when `node`, tests/js/node_modules and Chromium are there.
//!
//! ```bash
//! cargo build --release
//! cargo run --release --example serve_bench -- STORE [REQUESTS]   # default 10000 requests
//! ```

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::process::{Command, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

const CLIENTS: usize = 8;
const CLI_RUNS: usize = 30;
const QUERY: &str = "SELECT ?m ?who WHERE { ?m a ent:Meeting ; sem:hasActor/rdfs:label ?who } LIMIT 100";

fn rss_kb(pid: u32) -> u64 {
    std::fs::read_to_string(format!("/proc/{pid}/status"))
        .ok()
        .and_then(|s| s.lines().find(|l| l.starts_with("VmRSS:")).and_then(|l| l.split_whitespace().nth(1)?.parse().ok()))
        .unwrap_or(0)
}

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    sorted.get(((sorted.len() as f64 - 1.0) * p).round() as usize).copied().unwrap_or_default()
}

/// RSS is sampled each time this many more requests are answered.
const RSS_EVERY: usize = 1000;

/// One keep-alive connection sending `n` GETs; the latency of each, and the errors. `done`
/// counts the requests answered by all clients.
fn client(port: u16, n: usize, done: &AtomicUsize) -> std::io::Result<(Vec<Duration>, usize)> {
    let path = format!("/sparql?query={}", form_urlencoded::byte_serialize(QUERY.as_bytes()).collect::<String>());
    let request = format!("GET {path} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nAccept: application/sparql-results+json\r\n\r\n");
    let mut stream = TcpStream::connect(("127.0.0.1", port))?;
    stream.set_nodelay(true)?;
    let mut reader = BufReader::new(stream.try_clone()?);
    let (mut times, mut errors) = (Vec::with_capacity(n), 0);
    for _ in 0..n {
        let t = Instant::now();
        stream.write_all(request.as_bytes())?;
        let mut status = String::new();
        reader.read_line(&mut status)?;
        let mut length = 0usize;
        loop {
            let mut line = String::new();
            reader.read_line(&mut line)?;
            if line == "\r\n" || line.is_empty() {
                break;
            }
            if let Some(v) = line.to_ascii_lowercase().strip_prefix("content-length:") {
                length = v.trim().parse().unwrap_or(0);
            }
        }
        let mut body = vec![0; length];
        reader.read_exact(&mut body)?;
        times.push(t.elapsed());
        done.fetch_add(1, Ordering::SeqCst);
        if !status.contains(" 200 ") {
            errors += 1;
        }
    }
    Ok((times, errors))
}

/// Waits until `/api/graph` answers (the projection is built), so that the run measures
/// queries alone.
fn wait_for_projection(port: u16) {
    for _ in 0..120 {
        let ok = TcpStream::connect(("127.0.0.1", port)).and_then(|mut s| {
            s.write_all(format!("GET /api/graph?limit=1 HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n").as_bytes())?;
            let mut status = String::new();
            BufReader::new(s).read_line(&mut status)?;
            Ok(status.contains(" 200 "))
        });
        if ok.unwrap_or(false) {
            return;
        }
        std::thread::sleep(Duration::from_millis(500));
    }
}

/// The explorer's first load in headless Chromium, through tests/js/load_explorer.js.
fn explorer_first_load(port: u16) {
    let script = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/js/load_explorer.js");
    let chromium = std::env::var("CHROMIUM").unwrap_or_else(|_| "/usr/bin/chromium".into());
    match Command::new("node").arg(&script).arg(format!("http://127.0.0.1:{port}")).env("CHROMIUM", &chromium).output() {
        Ok(o) if o.status.success() => println!("explorer: {}", String::from_utf8_lossy(&o.stdout).trim()),
        Ok(o) => println!("explorer: not measured ({})", String::from_utf8_lossy(&o.stderr).lines().next().unwrap_or("node failed")),
        Err(e) => println!("explorer: not measured (node: {e})"),
    }
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().collect();
    let store = args.get(1).ok_or("usage: serve_bench STORE [REQUESTS]")?;
    let requests: usize = args.get(2).map_or(Ok(10_000), |s| s.parse())?;
    let bin = std::env::current_exe()?.parent().and_then(|p| p.parent()).ok_or("no target dir")?.join("entente");
    let port = std::net::TcpListener::bind("127.0.0.1:0")?.local_addr()?.port();
    let mut server = Command::new(&bin)
        .args(["serve", "--store", store, "--bind", &format!("127.0.0.1:{port}")])
        .stderr(Stdio::piped())
        .spawn()?;
    let mut line = String::new();
    BufReader::new(server.stderr.take().ok_or("no stderr")?).read_line(&mut line)?;
    if !line.contains("serving") {
        let _ = server.kill();
        return Err(format!("the server did not start: {line}").into());
    }
    // warm-up (and the explorer's projection, built in the background at start), then the run
    client(port, 50, &AtomicUsize::new(0))?;
    wait_for_projection(port);
    let done = Arc::new(AtomicUsize::new(0));
    let per_client = requests / CLIENTS;
    let total = per_client * CLIENTS;
    let pid = server.id();
    let sampler = {
        let done = Arc::clone(&done);
        std::thread::spawn(move || {
            let mut series = vec![(0, rss_kb(pid))];
            while done.load(Ordering::SeqCst) < total {
                let d = done.load(Ordering::SeqCst);
                if d >= series.last().map_or(0, |s| s.0) + RSS_EVERY {
                    series.push((d / RSS_EVERY * RSS_EVERY, rss_kb(pid)));
                }
                std::thread::sleep(Duration::from_millis(2));
            }
            series.push((total, rss_kb(pid)));
            series
        })
    };
    let start = Instant::now();
    let handles: Vec<_> = (0..CLIENTS)
        .map(|_| {
            let done = Arc::clone(&done);
            std::thread::spawn(move || client(port, per_client, &done))
        })
        .collect();
    let (mut times, mut errors) = (Vec::new(), 0);
    for h in handles {
        let (t, e) = h.join().map_err(|_| "a client panicked")??;
        times.extend(t);
        errors += e;
    }
    let wall = start.elapsed();
    let series = sampler.join().map_err(|_| "the sampler panicked")?;
    times.sort();
    let rps = times.len() as f64 / wall.as_secs_f64();
    println!(
        "serve: {} requests from {CLIENTS} clients in {wall:.2?}: {rps:.0} requests/s, p50 {:.2?}, p99 {:.2?}, {errors} errors",
        times.len(),
        percentile(&times, 0.5),
        percentile(&times, 0.99),
    );
    let mb = |kb: u64| format!("{:.1}", kb as f64 / 1024.0);
    println!(
        "RSS (MB) after N requests: {}",
        series.iter().map(|(n, kb)| format!("{n}: {}", mb(*kb))).collect::<Vec<_>>().join(", ")
    );
    explorer_first_load(port);
    let _ = server.kill();
    let _ = server.wait();
    let mut cli = Vec::new();
    for _ in 0..CLI_RUNS {
        let t = Instant::now();
        let o = Command::new(&bin).args(["query", "--store", store, "--format", "json", QUERY]).output()?;
        if !o.status.success() {
            return Err(String::from_utf8_lossy(&o.stderr).into_owned().into());
        }
        cli.push(t.elapsed());
    }
    cli.sort();
    let cli_rps = CLI_RUNS as f64 / cli.iter().sum::<Duration>().as_secs_f64();
    println!("cli:   {CLI_RUNS} queries one after another: {cli_rps:.1} queries/s, p50 {:.2?}, p99 {:.2?}", percentile(&cli, 0.5), percentile(&cli, 0.99));
    println!(
        "ratio: serve/cli throughput {:.0}×, p50 latency cli/serve {:.0}×, p99 latency cli/serve {:.0}×",
        rps / cli_rps,
        percentile(&cli, 0.5).as_secs_f64() / percentile(&times, 0.5).as_secs_f64(),
        percentile(&cli, 0.99).as_secs_f64() / percentile(&times, 0.99).as_secs_f64()
    );
    Ok(())
}
