//! Requests per second and p50/p99 latency of one SELECT sent to `entente serve` by 8
//! concurrent clients (keep-alive HTTP/1.1 on loopback), against the same query through the
//! CLI (a process per query) in the same run; errors and the server's RSS before and after.
//!
//! ```bash
//! cargo build --release
//! cargo run --release --example serve_bench -- STORE [REQUESTS]   # default 10000 requests
//! ```

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::process::{Command, Stdio};
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

/// One keep-alive connection sending `n` GETs; the latency of each, and the errors.
fn client(port: u16, n: usize) -> std::io::Result<(Vec<Duration>, usize)> {
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
        if !status.contains(" 200 ") {
            errors += 1;
        }
    }
    Ok((times, errors))
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
    // warm-up, then the run
    client(port, 50)?;
    let rss_before = rss_kb(server.id());
    let start = Instant::now();
    let handles: Vec<_> = (0..CLIENTS).map(|_| std::thread::spawn(move || client(port, requests / CLIENTS))).collect();
    let (mut times, mut errors) = (Vec::new(), 0);
    for h in handles {
        let (t, e) = h.join().map_err(|_| "a client panicked")??;
        times.extend(t);
        errors += e;
    }
    let wall = start.elapsed();
    let rss_after = rss_kb(server.id());
    let _ = server.kill();
    let _ = server.wait();
    times.sort();
    let rps = times.len() as f64 / wall.as_secs_f64();
    println!(
        "serve: {} requests from {CLIENTS} clients in {wall:.2?}: {rps:.0} requests/s, p50 {:.2?}, p99 {:.2?}, {errors} errors, RSS {} → {} MB",
        times.len(),
        percentile(&times, 0.5),
        percentile(&times, 0.99),
        rss_before / 1024,
        rss_after / 1024
    );
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
    println!("ratio: serve/cli throughput {:.0}×, p50 latency cli/serve {:.0}×", rps / cli_rps, percentile(&cli, 0.5).as_secs_f64() / percentile(&times, 0.5).as_secs_f64());
    Ok(())
}
