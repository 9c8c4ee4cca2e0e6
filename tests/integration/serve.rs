//! `entente serve` on the real binary, queried by real clients: curl, SPARQLWrapper and
//! rdflib's SPARQLStore run the shipped example queries and get the CLI's answers; content
//! negotiation, errors, the service description, Graph Store reads, CORS, the time limit, the
//! bearer token, the store lock, and queries answering while thousands of articles are POSTed.

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::{mpsc, Arc, Mutex};
use std::time::{Duration, Instant};

use crate::common::*;

const TOKEN: &str = "test-token-0123456789abcdef";

/// A running `entente serve`, stopped (by its own handle) when dropped.
pub struct Serve {
    child: Child,
    pub url: String,
    stderr: Arc<Mutex<String>>,
}

impl Serve {
    /// Starts `entente serve --store STORE --bind 127.0.0.1:PORT EXTRA…` on a free port and waits
    /// until it listens. `token` goes into ENTENTE_TOKEN.
    pub fn start(store: &Path, extra: &[&str], token: Option<&str>) -> Serve {
        let mut last = String::new();
        for _ in 0..5 {
            let port = free_port();
            let bind = format!("127.0.0.1:{port}");
            let mut cmd = Command::new(bin());
            cmd.args(["serve", "--store", store.to_str().unwrap(), "--bind", &bind])
                .args(extra)
                .env_remove("ENTENTE_STORE")
                .env_remove("ENTENTE_TOKEN")
                .stdout(Stdio::null())
                .stderr(Stdio::piped());
            if let Some(t) = token {
                cmd.env("ENTENTE_TOKEN", t);
            }
            let mut child = cmd.spawn().expect("start entente serve");
            let stderr = Arc::new(Mutex::new(String::new()));
            let (ready, wait) = mpsc::channel();
            let pipe = child.stderr.take().expect("stderr");
            let log = Arc::clone(&stderr);
            std::thread::spawn(move || {
                for line in BufReader::new(pipe).lines().map_while(Result::ok) {
                    if line.contains("entente: serving ") {
                        let _ = ready.send(());
                    }
                    log.lock().unwrap().push_str(&format!("{line}\n"));
                }
            });
            let serving = wait.recv_timeout(Duration::from_secs(60)).is_ok();
            if serving {
                return Serve { child, url: format!("http://{bind}"), stderr };
            }
            let _ = child.kill();
            let _ = child.wait();
            last = stderr.lock().unwrap().clone();
            if !last.contains("cannot listen") {
                break;
            }
        }
        panic!("entente serve did not start: {last}");
    }

    pub fn stderr(&self) -> String {
        self.stderr.lock().unwrap().clone()
    }
}

impl Drop for Serve {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port()
}

/// An HTTP answer as curl received it.
pub struct Reply {
    pub status: u16,
    pub headers: Vec<(String, String)>,
    pub body: Vec<u8>,
}

impl Reply {
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers.iter().find(|(k, _)| k.eq_ignore_ascii_case(name)).map(|(_, v)| v.as_str())
    }
    pub fn text(&self) -> String {
        String::from_utf8_lossy(&self.body).into_owned()
    }
}

/// Runs `curl -sS -i ARGS` and splits its answer (after any `100 Continue`).
pub fn curl(args: &[&str]) -> Reply {
    let o = Command::new("curl").args(["-sS", "-i", "--max-time", "300"]).args(args).output();
    let o = o.expect("curl is missing: install it (apt-get install curl; .ci/run does)");
    assert!(o.status.success(), "curl {args:?}: {}", String::from_utf8_lossy(&o.stderr));
    let mut rest: &[u8] = &o.stdout;
    loop {
        let end = rest.windows(4).position(|w| w == b"\r\n\r\n").expect("HTTP head");
        let head = String::from_utf8_lossy(&rest[..end]).into_owned();
        rest = &rest[end + 4..];
        let mut lines = head.lines();
        let status: u16 = lines.next().and_then(|l| l.split_whitespace().nth(1)).and_then(|s| s.parse().ok()).expect("status");
        if status == 100 {
            continue;
        }
        let headers = lines.filter_map(|l| l.split_once(':')).map(|(k, v)| (k.trim().to_owned(), v.trim().to_owned())).collect();
        return Reply { status, headers, body: rest.to_vec() };
    }
}

/// GET /sparql?query=Q with `accept`.
fn get_query(s: &Serve, query: &str, accept: &str) -> Reply {
    curl(&["-G", "-H", &format!("Accept: {accept}"), "--data-urlencode", &format!("query={query}"), &format!("{}/sparql", s.url)])
}

fn cli_query(store: &Path, query: &str, format: &str) -> Vec<u8> {
    let o = entente(&["query", "--store", store.to_str().unwrap(), "--format", format, query]);
    assert!(o.status.success(), "query failed: {}", stderr(&o));
    o.stdout
}

fn example_queries() -> Vec<PathBuf> {
    let mut q: Vec<PathBuf> = std::fs::read_dir(root().join("examples/queries"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "rq"))
        .collect();
    q.sort();
    assert!(q.len() >= 5, "the shipped example queries");
    q
}

/// The Python interpreter with SPARQLWrapper and rdflib, or a panic that says how to get them.
fn python_clients() -> PathBuf {
    let p = python();
    let ok = Command::new(&p).args(["-c", "import SPARQLWrapper, rdflib.plugins.stores.sparqlstore"]).status().map(|s| s.success()).unwrap_or(false);
    assert!(ok, "{} cannot import SPARQLWrapper: run `.venv/bin/pip install -r tests/requirements.txt` (what .ci/run does)", p.display());
    p
}

/// Every example query through curl (JSON, XML, CSV, TSV), SPARQLWrapper (GET and POST of the
/// query) and rdflib's SPARQLStore (GET and POST of a form): the CLI's answer each time.
#[test]
fn real_clients_get_the_cli_answers_to_every_example_query() {
    let dir = tmp();
    let store = example_store(dir.path());
    let cli: Vec<(PathBuf, String, serde_json::Value)> = example_queries()
        .into_iter()
        .map(|f| {
            let q = std::fs::read_to_string(&f).unwrap();
            let json = serde_json::from_slice(&cli_query(&store, &q, "json")).unwrap();
            (f, q, json)
        })
        .collect();
    let s = Serve::start(&store, &[], None);
    for (f, q, json) in &cli {
        let rows = json["results"]["bindings"].as_array().unwrap();
        assert!(!rows.is_empty(), "{}: the seed store answers every example", f.display());
        for (format, accept) in [
            ("json", "application/sparql-results+json"),
            ("xml", "application/sparql-results+xml"),
            ("csv", "text/csv"),
            ("tsv", "text/tab-separated-values"),
        ] {
            let r = get_query(&s, q, accept);
            assert_eq!(r.status, 200, "{}: {}", f.display(), r.text());
            assert!(r.header("content-type").unwrap().starts_with(accept), "{format}");
            assert_eq!(r.text(), String::from_utf8(cli_query(&store, q, format)).unwrap(), "{} as {format}", f.display());
        }
        // POST of the query itself, and of a form
        let r = curl(&["-H", "Content-Type: application/sparql-query", "--data-binary", &format!("@{}", f.display()), &format!("{}/sparql", s.url)]);
        assert_eq!(serde_json::from_slice::<serde_json::Value>(&r.body).unwrap(), *json, "{}", f.display());
        let r = curl(&["--data-urlencode", &format!("query@{}", f.display()), &format!("{}/sparql", s.url)]);
        assert_eq!(serde_json::from_slice::<serde_json::Value>(&r.body).unwrap(), *json, "{}", f.display());
    }
    let script = r#"
import sys, json
from SPARQLWrapper import SPARQLWrapper, JSON, POST, POSTDIRECTLY
from rdflib import Graph, BNode
from rdflib.plugins.stores.sparqlstore import SPARQLStore
endpoint, files = sys.argv[1], sys.argv[2:]
out = {}
for f in files:
    q = open(f, encoding='utf-8').read()
    got = {}
    for how in ('get', 'post'):
        sw = SPARQLWrapper(endpoint)
        sw.setQuery(q)
        sw.setReturnFormat(JSON)
        if how == 'post':
            sw.setMethod(POST)
            sw.setRequestMethod(POSTDIRECTLY)
        got['sparqlwrapper_' + how] = sw.queryAndConvert()['results']['bindings']
        st = SPARQLStore(endpoint, method='GET' if how == 'get' else 'POST')
        res = Graph(store=st).query(q)
        assert not any(isinstance(t, BNode) for row in res for t in row), 'blank nodes'
        got['rdflib_' + how] = [[None if t is None else str(t) for t in row] for row in res], [str(v) for v in res.vars]
    out[f] = got
print(json.dumps(out))
"#;
    let files: Vec<String> = cli.iter().map(|(f, _, _)| f.display().to_string()).collect();
    let mut args = vec![format!("{}/sparql", s.url)];
    args.extend(files.iter().cloned());
    let o = Command::new(python_clients()).arg("-c").arg(script).args(&args).output().unwrap();
    assert!(o.status.success(), "python clients failed:\n{}", String::from_utf8_lossy(&o.stderr));
    let got: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    for (f, _, json) in &cli {
        let g = &got[f.display().to_string()];
        let bindings = &json["results"]["bindings"];
        assert_eq!(&g["sparqlwrapper_get"], bindings, "SPARQLWrapper GET {}", f.display());
        assert_eq!(&g["sparqlwrapper_post"], bindings, "SPARQLWrapper POST {}", f.display());
        let vars: Vec<String> = json["head"]["vars"].as_array().unwrap().iter().map(|v| v.as_str().unwrap().to_owned()).collect();
        let want: Vec<Vec<Option<String>>> = bindings
            .as_array()
            .unwrap()
            .iter()
            .map(|b| vars.iter().map(|v| b[v]["value"].as_str().map(str::to_owned)).collect())
            .collect();
        for how in ["rdflib_get", "rdflib_post"] {
            let (rows, rvars): (Vec<Vec<Option<String>>>, Vec<String>) = serde_json::from_value(g[how].clone()).unwrap();
            assert_eq!(rvars, vars, "{how} {}", f.display());
            assert_eq!(rows, want, "{how} {}", f.display());
        }
    }
}

/// ASK in every result format, CONSTRUCT in every graph format (each parsed by rdflib to the
/// CLI's triples), and the errors: a bad query (400 with the parser's position), a format not
/// served (406), a body not a query (415), an update (403), a body over the limit (413), a
/// method not allowed (405).
#[test]
fn formats_and_errors() {
    let dir = tmp();
    let store = example_store(dir.path());
    let s = Serve::start(&store, &[], None);
    let ask = "ASK { ?m a ent:Meeting }";
    for (accept, want) in [
        ("application/sparql-results+json", "true"),
        ("application/sparql-results+xml", "<boolean>true</boolean>"),
        ("text/csv", "true"),
        ("text/tab-separated-values", "true"),
    ] {
        let r = get_query(&s, ask, accept);
        assert_eq!(r.status, 200);
        assert!(r.text().contains(want), "{accept}: {}", r.text());
        assert_eq!(r.header("vary"), Some("Accept"));
    }
    let construct = "CONSTRUCT { ?m a ent:Meeting ; sem:hasActor ?a . ?a rdfs:label ?l } WHERE { ?m a ent:Meeting ; sem:hasActor ?a . ?a rdfs:label ?l }";
    let want = String::from_utf8(cli_query(&store, construct, "ntriples")).unwrap().lines().filter(|l| !l.trim().is_empty()).count();
    assert!(want > 10);
    let out = dir.path().join("construct");
    for (accept, rdflib_format) in [
        ("text/turtle", "turtle"),
        ("application/n-triples", "nt"),
        ("application/ld+json", "json-ld"),
        ("application/rdf+xml", "xml"),
    ] {
        let r = get_query(&s, construct, accept);
        assert_eq!(r.status, 200, "{accept}: {}", r.text());
        assert_eq!(r.header("content-type"), Some(accept));
        std::fs::write(&out, &r.body).unwrap();
        let n = run_python("import sys, rdflib\nprint(len(rdflib.Graph().parse(sys.argv[1], format=sys.argv[2])))", &[out.to_str().unwrap(), rdflib_format]);
        assert_eq!(n.trim(), want.to_string(), "{accept}");
    }
    let r = get_query(&s, "SELECT ?x WHERE { ?x a }", "application/sparql-results+json");
    assert_eq!(r.status, 400);
    assert!(r.text().starts_with("SPARQL syntax error at 1:"), "{}", r.text());
    assert_eq!(r.text().trim().lines().count(), 1);
    let r = get_query(&s, ask, "image/png");
    assert_eq!(r.status, 406);
    assert!(r.text().contains("application/sparql-results+json"), "{}", r.text());
    let sparql = format!("{}/sparql", s.url);
    let r = curl(&["-H", "Content-Type: text/plain", "--data-binary", ask, &sparql]);
    assert_eq!(r.status, 415, "{}", r.text());
    let r = curl(&["-H", "Content-Type: application/sparql-update", "--data-binary", "CLEAR ALL", &sparql]);
    assert_eq!(r.status, 403, "{}", r.text());
    let r = curl(&["--data-urlencode", "update=CLEAR ALL", &sparql]);
    assert_eq!(r.status, 403, "{}", r.text());
    let big = dir.path().join("big.rq");
    std::fs::write(&big, format!("ASK {{}} #{}", "x".repeat(2 << 20))).unwrap();
    let r = curl(&["-H", "Content-Type: application/sparql-query", "--data-binary", &format!("@{}", big.display()), &sparql]);
    assert_eq!(r.status, 413, "{}", r.text());
    assert!(r.text().contains("limit"), "{}", r.text());
    let r = curl(&["-X", "DELETE", &sparql]);
    assert_eq!(r.status, 405);
    assert!(r.header("allow").is_some_and(|a| a.contains("GET")));
    let r = curl(&[&format!("{}/nothing", s.url)]);
    assert_eq!(r.status, 404);
    // still answering after all of that
    assert_eq!(get_query(&s, ask, "text/csv").status, 200);
}

/// `default-graph-uri` and `named-graph-uri` choose the dataset; without them the default graph
/// is the merge of all articles, as in the CLI.
#[test]
fn dataset_parameters_choose_the_graphs() {
    let dir = tmp();
    let store = example_store(dir.path());
    let graphs = column(&select(&store, "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?a a schema:NewsArticle } } ORDER BY ?g"), "g");
    assert_eq!(graphs.len(), 2);
    let all = column(&select(&store, "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"), "n")[0].clone();
    let first = column(&select(&store, &format!("SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <{}> {{ ?s ?p ?o }} }}", graphs[0])), "n")[0].clone();
    let s = Serve::start(&store, &[], None);
    let count = |params: &[String]| -> String {
        let mut args = vec!["-G".to_owned(), "-H".to_owned(), "Accept: text/csv".to_owned()];
        args.extend(["--data-urlencode".to_owned(), "query=SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }".to_owned()]);
        for p in params {
            args.extend(["--data-urlencode".to_owned(), p.clone()]);
        }
        args.push(format!("{}/sparql", s.url));
        let r = curl(&args.iter().map(String::as_str).collect::<Vec<_>>());
        assert_eq!(r.status, 200, "{}", r.text());
        r.text().lines().nth(1).unwrap().to_owned()
    };
    assert_eq!(count(&[]), all);
    assert_eq!(count(&[format!("default-graph-uri={}", graphs[0])]), first);
    assert_ne!(first, all);
    // named-graph-uri: GRAPH ?g reaches only the graphs named
    let r = curl(&[
        "-G",
        "-H",
        "Accept: text/csv",
        "--data-urlencode",
        "query=SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }",
        "--data-urlencode",
        &format!("named-graph-uri={}", graphs[1]),
        &format!("{}/sparql", s.url),
    ]);
    assert_eq!(r.text().replace('\r', ""), format!("g\n{}\n", graphs[1]));
    let r = curl(&["-G", "--data-urlencode", "query=ASK {}", "--data-urlencode", "default-graph-uri=not an iri", &format!("{}/sparql", s.url)]);
    assert_eq!(r.status, 400, "{}", r.text());
}

/// The service description (GET /sparql without a query) parses in rdflib and describes this
/// endpoint; the Graph Store reads give an article's graph and the default graph.
#[test]
fn service_description_and_graph_store_reads() {
    let dir = tmp();
    let store = example_store(dir.path());
    let s = Serve::start(&store, &[], None);
    let sd = dir.path().join("sd");
    for (accept, format) in [("text/turtle", "turtle"), ("application/rdf+xml", "xml"), ("application/ld+json", "json-ld")] {
        let r = curl(&["-H", &format!("Accept: {accept}"), &format!("{}/sparql", s.url)]);
        assert_eq!(r.status, 200);
        std::fs::write(&sd, &r.body).unwrap();
        let out = run_python(
            "import sys, rdflib\nSD=rdflib.Namespace('http://www.w3.org/ns/sparql-service-description#')\n\
             g=rdflib.Graph().parse(sys.argv[1], format=sys.argv[2])\n\
             svc=next(g.subjects(rdflib.RDF.type, SD.Service))\n\
             print(g.value(svc, SD.endpoint), (svc, SD.supportedLanguage, SD.SPARQL11Query) in g, len(list(g.objects(svc, SD.resultFormat))))",
            &[sd.to_str().unwrap(), format],
        );
        assert_eq!(out.trim(), format!("{}/sparql True 8", s.url), "{accept}");
    }
    let graphs = column(&select(&store, "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?a a schema:NewsArticle } } ORDER BY ?g"), "g");
    let nt = dir.path().join("g.nt");
    for g in &graphs {
        let want = column(&select(&store, &format!("SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <{g}> {{ ?s ?p ?o }} }}")), "n")[0].clone();
        for (accept, format) in [("text/turtle", "turtle"), ("application/n-triples", "nt"), ("application/ld+json", "json-ld"), ("application/rdf+xml", "xml")] {
            let r = curl(&["-G", "-H", &format!("Accept: {accept}"), "--data-urlencode", &format!("graph={g}"), &format!("{}/store", s.url)]);
            assert_eq!(r.status, 200, "{}", r.text());
            std::fs::write(&nt, &r.body).unwrap();
            let n = run_python("import sys, rdflib\nprint(len(rdflib.Graph().parse(sys.argv[1], format=sys.argv[2])))", &[nt.to_str().unwrap(), format]);
            assert_eq!(n.trim(), want, "{g} as {accept}");
        }
    }
    let all = column(&select(&store, "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"), "n")[0].clone();
    let r = curl(&["-H", "Accept: application/n-triples", &format!("{}/store?default", s.url)]);
    assert_eq!(r.text().lines().filter(|l| !l.is_empty()).count().to_string(), all);
    let r = curl(&["-G", "--data-urlencode", "graph=https://w3id.org/entente/graph/none", &format!("{}/store", s.url)]);
    assert_eq!(r.status, 404);
    assert_eq!(curl(&[&format!("{}/store", s.url)]).status, 400);
}

/// CORS: every answer allows any origin; a preflight is answered with the headers asked for.
#[test]
fn cors_for_get_post_and_preflight() {
    let dir = tmp();
    let store = example_store(dir.path());
    let s = Serve::start(&store, &[], None);
    let sparql = format!("{}/sparql", s.url);
    let r = curl(&["-G", "-H", "Origin: http://example.org", "--data-urlencode", "query=ASK {}", &sparql]);
    assert_eq!(r.header("access-control-allow-origin"), Some("*"));
    let r = curl(&["-H", "Origin: http://example.org", "-H", "Content-Type: application/sparql-query", "--data-binary", "ASK {}", &sparql]);
    assert_eq!((r.status, r.header("access-control-allow-origin")), (200, Some("*")));
    let r = curl(&[
        "-X",
        "OPTIONS",
        "-H",
        "Origin: http://example.org",
        "-H",
        "Access-Control-Request-Method: POST",
        "-H",
        "Access-Control-Request-Headers: content-type",
        &sparql,
    ]);
    assert_eq!(r.status, 204);
    assert_eq!(r.header("access-control-allow-origin"), Some("*"));
    assert_eq!(r.header("access-control-allow-headers"), Some("content-type"));
}

/// A query that runs past --timeout is stopped with a 503 that says so, and the server goes on.
#[test]
fn a_long_query_is_stopped_at_the_time_limit() {
    let dir = tmp();
    let store = example_store(dir.path());
    let s = Serve::start(&store, &["--timeout", "1"], None);
    let start = Instant::now();
    let r = get_query(&s, "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }", "text/csv");
    assert_eq!(r.status, 503, "{}", r.text());
    assert!(r.text().contains("time limit of 1 s"), "{}", r.text());
    assert!(start.elapsed() < Duration::from_secs(20), "stopped late: {:?}", start.elapsed());
    assert_eq!(get_query(&s, "ASK {}", "text/csv").status, 200);
}

/// Writes need --allow-ingest, a loopback address and the token; an article POSTed with the
/// token is then queryable. `entente ingest` on a served store is refused, naming POST /articles.
#[test]
fn articles_need_the_token_and_are_then_queryable() {
    let dir = tmp();
    let store = example_store(dir.path());
    let st = store.to_str().unwrap();
    // refusals at start
    let o = Command::new(bin()).args(["serve", "--store", st, "--allow-ingest", "--bind", "127.0.0.1:1"]).env_remove("ENTENTE_TOKEN").output().unwrap();
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("set ENTENTE_TOKEN"), "{}", stderr(&o));
    let o = Command::new(bin()).args(["serve", "--store", st, "--allow-ingest", "--bind", "127.0.0.1:1"]).env("ENTENTE_TOKEN", "short").output().unwrap();
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("shorter than 16"), "{}", stderr(&o));
    let o = Command::new(bin()).args(["serve", "--store", st, "--allow-ingest", "--bind", "0.0.0.0:1"]).env("ENTENTE_TOKEN", TOKEN).output().unwrap();
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("not a loopback address"), "{}", stderr(&o));
    let o = entente(&["serve", "--store", dir.path().join("none").to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("no such store"), "{}", stderr(&o));

    // a read-only server takes no articles
    {
        let s = Serve::start(&store, &[], None);
        let r = curl(&["-H", &format!("Authorization: Bearer {TOKEN}"), "--data-binary", "Japan and China held talks.", &format!("{}/articles?id=x", s.url)]);
        assert_eq!(r.status, 403, "{}", r.text());
        assert!(r.text().contains("--allow-ingest"));
    }
    let s = Serve::start(&store, &["--allow-ingest"], Some(TOKEN));
    let articles = format!("{}/articles?id=new-1&date=2024-05-02", s.url);
    let text = "President Emmanuel Macron of France met Chancellor Olaf Scholz of Germany in Berlin on Tuesday.";
    let r = curl(&["--data-binary", text, &articles]);
    assert_eq!(r.status, 401);
    assert!(r.header("www-authenticate").is_some_and(|h| h.starts_with("Bearer")));
    let r = curl(&["-H", "Authorization: Bearer wrong-token-0123456789", "--data-binary", text, &articles]);
    assert_eq!(r.status, 403);
    let ask = "ASK { ?a dcterms:identifier \"new-1\" }";
    assert!(get_query(&s, ask, "text/csv").text().contains("false"));
    let r = curl(&["-H", &format!("Authorization: Bearer {TOKEN}"), "-H", "Content-Type: text/plain", "--data-binary", text, &articles]);
    assert_eq!(r.status, 200, "{}", r.text());
    let report: serde_json::Value = serde_json::from_slice(&r.body).unwrap();
    assert_eq!((report["stored"].as_u64(), report["meetings"].as_u64()), (Some(1), Some(1)), "{report}");
    assert!(get_query(&s, ask, "text/csv").text().contains("true"));
    let r = get_query(&s, "SELECT ?l WHERE { ?m a ent:Meeting ; sem:hasActor/rdfs:label ?l ; ent:evidence/nif:anchorOf ?e FILTER(CONTAINS(?e, \"Scholz\")) } ORDER BY ?l", "text/csv");
    assert_eq!(r.text().replace('\r', ""), "l\nEmmanuel Macron\nOlaf Scholz\n");
    // JSON Lines, one bad record: the others are stored, 400 says which
    let jsonl = "{\"id\": \"new-2\", \"text\": \"Japan and China held talks on trade.\"}\n{\"id\": \"new-3\"}\n";
    let r = curl(&["-H", &format!("Authorization: Bearer {TOKEN}"), "-H", "Content-Type: application/x-ndjson", "--data-binary", jsonl, &format!("{}/articles", s.url)]);
    assert_eq!(r.status, 400, "{}", r.text());
    let report: serde_json::Value = serde_json::from_slice(&r.body).unwrap();
    assert_eq!((report["stored"].as_u64(), report["failed"].as_u64()), (Some(1), Some(1)), "{report}");
    assert!(report["errors"][0].as_str().unwrap().contains("request:2"), "{report}");
    // a text article without an id is refused
    let r = curl(&["-H", &format!("Authorization: Bearer {TOKEN}"), "--data-binary", text, &format!("{}/articles", s.url)]);
    assert_eq!(r.status, 400);
    assert!(r.text().contains("?id="), "{}", r.text());
    // the served store is locked against another writer
    let o = entente(&["ingest", "--store", st, root().join("examples/articles").to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("in use by another process that writes it") && stderr(&o).contains("POST"), "{}", stderr(&o));
    // and so is a reader, which is told where to query instead
    let o = entente(&["query", "--store", st, "ASK {}"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains(&format!("answers queries at {}/sparql", s.url)), "{}", stderr(&o));
    assert!(!s.stderr().contains("panicked"), "{}", s.stderr());
}

/// A server that only reads shares the store with other readers (the CLI's queries) and keeps
/// writers off it.
#[test]
fn a_read_only_server_shares_the_store_with_readers_only() {
    let dir = tmp();
    let store = example_store(dir.path());
    let st = store.to_str().unwrap();
    let _s = Serve::start(&store, &[], None);
    let o = entente(&["query", "--store", st, "--format", "csv", "ASK { ?m a ent:Meeting }"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let o = entente(&["ingest", "--store", st, root().join("examples/articles").to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("in use by another process that reads it"), "{}", stderr(&o));
}

/// A server bound to an address other than loopback warns that other machines can reach it.
#[test]
fn a_bind_beyond_loopback_warns() {
    let dir = tmp();
    let store = example_store(dir.path());
    let mut child = Command::new(bin())
        .args(["serve", "--store", store.to_str().unwrap(), "--bind", &format!("0.0.0.0:{}", free_port())])
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut lines = BufReader::new(child.stderr.take().unwrap()).lines();
    let first = lines.next().unwrap().unwrap();
    let _ = child.kill();
    let _ = child.wait();
    assert!(first.contains("warning") && first.contains("not a loopback address"), "{first}");
}

/// The concurrency promise: queries answer, correctly, while thousands of articles are POSTed.
/// Each answer is a consistent snapshot: the seed articles' facts never change, and the number
/// of articles only grows, up to all of them.
#[test]
fn queries_answer_while_articles_are_ingested() {
    const ARTICLES: usize = 5000;
    let corpus = root().join("../shared/eval/corpora/reuters21578.jsonl");
    assert!(corpus.is_file(), "{} is missing: the Reuters corpus must sit beside the checkout (shared/)", corpus.display());
    let dir = tmp();
    let store = example_store(dir.path());
    let lines: Vec<String> = std::fs::read_to_string(&corpus).unwrap().lines().take(ARTICLES).map(str::to_owned).collect();
    assert_eq!(lines.len(), ARTICLES);
    let body = dir.path().join("batch.jsonl");
    std::fs::write(&body, lines.join("\n")).unwrap();
    let s = Serve::start(&store, &["--allow-ingest", "--timeout", "60"], Some(TOKEN));
    let meetings_q = std::fs::read_to_string(root().join("examples/queries/meetings.rq")).unwrap();
    // the seed articles' meetings, as their own graphs hold them
    let seed_q = "SELECT ?m ?who WHERE { GRAPH ?g { ?m a ent:Meeting ; sem:hasActor ?who } ?g prov:wasDerivedFrom/dcterms:identifier ?id FILTER(!STRSTARTS(?id, \"reuters\")) } ORDER BY ?m ?who";
    let seed_before = get_query(&s, seed_q, "text/csv").text();
    assert!(seed_before.lines().count() > 5);
    let count_q = "SELECT (COUNT(?a) AS ?n) WHERE { ?a a schema:NewsArticle }";
    let url = format!("{}/articles", s.url);
    let poster = std::thread::spawn(move || {
        curl(&["-H", &format!("Authorization: Bearer {TOKEN}"), "-H", "Content-Type: application/x-ndjson", "--data-binary", &format!("@{}", body.display()), &url])
    });
    let start = Instant::now();
    let (mut answered, mut last, mut slowest, mut seen_between) = (0usize, 2usize, Duration::ZERO, false);
    while !poster.is_finished() {
        let t = Instant::now();
        let n = get_query(&s, count_q, "text/csv");
        let seed = get_query(&s, seed_q, "text/csv");
        let m = get_query(&s, &meetings_q, "application/sparql-results+json");
        slowest = slowest.max(t.elapsed());
        assert_eq!((n.status, seed.status, m.status), (200, 200, 200), "{} {} {}", n.text(), seed.text(), m.text());
        let n: usize = n.text().lines().nth(1).unwrap().trim().parse().unwrap();
        assert!(n >= last && n <= ARTICLES + 2, "articles went from {last} to {n}");
        seen_between |= n > 2 && n < ARTICLES + 2;
        last = n;
        assert_eq!(seed.text(), seed_before, "the seed articles' facts changed during the ingest");
        serde_json::from_slice::<serde_json::Value>(&m.body).expect("whole JSON results");
        answered += 1;
        assert!(start.elapsed() < Duration::from_secs(600), "the ingest takes too long");
    }
    let r = poster.join().unwrap();
    let took = start.elapsed();
    assert_eq!(r.status, 200, "{}", r.text());
    let report: serde_json::Value = serde_json::from_slice(&r.body).unwrap();
    assert_eq!(report["stored"].as_u64(), Some(ARTICLES as u64), "{report}");
    let n = get_query(&s, count_q, "text/csv").text();
    assert_eq!(n.lines().nth(1).unwrap().trim(), (ARTICLES + 2).to_string());
    assert!(answered >= 5 && seen_between, "only {answered} rounds of queries during the ingest, none in the middle");
    eprintln!("{ARTICLES} articles POSTed in {took:?}; {answered} rounds of 3 queries answered meanwhile, slowest round {slowest:?}");
}

/// The explorer's JSON (examples, graph, path) and the picture at /graph.svg.
#[test]
fn the_explorer_answers_its_json_and_the_svg_picture() {
    let dir = tmp();
    let store = example_store(dir.path());
    let s = Serve::start(&store, &[], None);
    let r = curl(&[&format!("{}/api/examples", s.url)]);
    let examples: serde_json::Value = serde_json::from_slice(&r.body).unwrap();
    assert_eq!(examples.as_array().unwrap().len(), example_queries().len());
    let r = curl(&[&format!("{}/api/graph", s.url)]);
    let g: serde_json::Value = serde_json::from_slice(&r.body).unwrap();
    let nodes = g["elements"]["nodes"].as_array().unwrap().len();
    assert_eq!(r.header("x-entente-nodes"), Some(format!("{nodes}/{nodes}").as_str()));
    let r = curl(&[&format!("{}/api/graph?limit=5", s.url)]);
    let cut: serde_json::Value = serde_json::from_slice(&r.body).unwrap();
    assert_eq!(cut["elements"]["nodes"].as_array().unwrap().len(), 5);
    assert_eq!(r.header("x-entente-nodes"), Some(format!("5/{nodes}").as_str()));
    let r = curl(&["-G", "--data-urlencode", "from=Ali Khamenei", "--data-urlencode", "to=Felix Plasencia", &format!("{}/api/path", s.url)]);
    let p: serde_json::Value = serde_json::from_slice(&r.body).unwrap();
    let labels: Vec<&str> = p["nodes"].as_array().unwrap().iter().map(|n| n["label"].as_str().unwrap()).collect();
    assert_eq!(labels.first(), Some(&"Ali Khamenei"));
    assert_eq!(labels.last(), Some(&"Felix Plasencia Gonzalez"));
    assert_eq!(p["edges"].as_array().unwrap().len(), labels.len() - 1);
    let r = curl(&["-G", "--data-urlencode", "from=Nobody Atall", "--data-urlencode", "to=Iran", &format!("{}/api/path", s.url)]);
    assert_eq!(r.status, 404);
    assert!(r.text().contains("no actor is named"), "{}", r.text());
    let r = curl(&[&format!("{}/graph.svg", s.url)]);
    assert_eq!((r.status, r.header("content-type")), (200, Some("image/svg+xml")), "{}", r.text());
    let svg = r.text();
    assert_eq!(svg.matches("class=\"node\"").count(), nodes);
    assert!(svg.contains("Nicolás Maduro"));
}

/// The explorer in headless Chromium (Debian's, driven by playwright-core), with every request
/// outside the server refused: the page loads, runs a query and shows the table, draws the path
/// between two actors, hides later events with the time slider, finds "Maduro", opens his node
/// and shows the evidence sentences with their articles, and its screenshot is not blank.
#[test]
fn the_explorer_works_offline_in_headless_chromium() {
    let chromium = std::env::var("CHROMIUM").unwrap_or_else(|_| "/usr/bin/chromium".into());
    assert!(Path::new(&chromium).is_file(), "{chromium} is missing: apt-get install chromium (what .ci/run does)");
    let js = root().join("tests/js");
    assert!(js.join("node_modules/playwright-core").is_dir(), "playwright-core is missing: run `npm ci --prefix tests/js` (what .ci/run does)");
    let dir = tmp();
    let store = example_store(dir.path());
    let s = Serve::start(&store, &[], None);
    let shot = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("explorer.png");
    let o = Command::new("node").arg(js.join("check_explorer.js")).arg(&s.url).arg(&shot).env("CHROMIUM", &chromium).output();
    let o = o.expect("node is missing: apt-get install nodejs (what .ci/run does)");
    assert!(o.status.success(), "the explorer check failed:\n{}\n{}", String::from_utf8_lossy(&o.stdout), String::from_utf8_lossy(&o.stderr));
    let seen: serde_json::Value = serde_json::from_slice(o.stdout.trim_ascii()).expect("the check's JSON");
    assert_eq!(seen["external"], serde_json::json!([]), "the page asked for something outside the server");
    assert_eq!(seen["internetReachable"], serde_json::json!(false), "the browser was not offline: {seen}");
    assert_eq!(seen["errors"], serde_json::json!([]), "errors in the page");
    assert!(seen["nodes"].as_u64().unwrap() > 20, "{seen}");
    assert_eq!(seen["rows"].as_u64(), Some(6), "the seed store's meetings in the table: {seen}");
    assert!(seen["columns"].as_array().unwrap().iter().any(|c| c == "?evidence"), "{seen}");
    assert!(seen["pathSteps"].as_u64().unwrap() >= 3 && seen["pathDrawn"].as_u64().unwrap() >= 3, "{seen}");
    assert!(seen["hiddenAtFirstDay"].as_u64().unwrap() > 0, "{seen}");
    assert!(seen["detailsTitle"].as_str().unwrap().contains("Maduro"), "{seen}");
    let evidence: Vec<&str> = seen["evidence"].as_array().unwrap().iter().filter_map(|e| e.as_str()).collect();
    assert!(evidence.iter().any(|e| e.contains("Maduro met Iranian President Ebrahim Raisi")), "{evidence:?}");
    assert!(seen["articles"].as_array().unwrap().iter().all(|a| a.as_str().unwrap().starts_with("article ")), "{seen}");
    assert!(seen["pageColors"].as_u64().unwrap() > 50 && seen["graphColors"].as_u64().unwrap() > 20, "a blank screenshot: {seen}");
    assert!(std::fs::metadata(&shot).unwrap().len() > 10_000);
    eprintln!(
        "explorer: first load {} ms, {} bytes in {} requests, none outside the server; screenshot {}",
        seen["loadMs"], seen["bytes"], seen["requests"], shot.display()
    );
}

/// Sends `request` as raw bytes on a new connection and reads the answer until the server
/// closes the connection or `wait` passes; the status (0 when there was none) and the text.
fn raw(s: &Serve, request: &[u8], wait: Duration) -> (u16, String) {
    use std::io::{Read, Write};
    let addr = s.url.trim_start_matches("http://");
    let mut c = std::net::TcpStream::connect(addr).unwrap();
    c.set_read_timeout(Some(wait)).unwrap();
    let _ = c.write_all(request);
    let mut got = Vec::new();
    let mut buf = [0u8; 8192];
    while let Ok(n) = c.read(&mut buf) {
        if n == 0 {
            break;
        }
        got.extend_from_slice(&buf[..n]);
    }
    let text = String::from_utf8_lossy(&got).into_owned();
    let status = text.split_whitespace().nth(1).and_then(|s| s.parse().ok()).unwrap_or(0);
    (status, text)
}

/// The explorer's projection is built once, answers at once after that, and follows the
/// articles POSTed; `/api/names` gives the other names of the actors drawn.
#[test]
fn the_explorer_graph_is_cached_and_follows_new_articles() {
    let dir = tmp();
    let store = example_store(dir.path());
    let s = Serve::start(&store, &["--allow-ingest"], Some(TOKEN));
    let graph = |s: &Serve| -> (usize, Duration) {
        let t = Instant::now();
        let r = curl(&[&format!("{}/api/graph", s.url)]);
        assert_eq!(r.status, 200, "{}", r.text());
        let g: serde_json::Value = serde_json::from_slice(&r.body).unwrap();
        (g["elements"]["nodes"].as_array().unwrap().len(), t.elapsed())
    };
    let (before, _) = graph(&s);
    let (again, took) = graph(&s);
    assert_eq!(again, before);
    assert!(took < Duration::from_secs(2), "a cached graph took {took:?}");
    let names: serde_json::Value = serde_json::from_slice(&curl(&[&format!("{}/api/names", s.url)]).body).unwrap();
    assert!(names.as_object().unwrap().values().flat_map(|v| v.as_array().unwrap()).any(|n| n == "Tehran"), "{names}");
    let text = "President Emmanuel Macron of France met Chancellor Olaf Scholz of Germany in Berlin on Tuesday.";
    let r = curl(&["-H", &format!("Authorization: Bearer {TOKEN}"), "-H", "Content-Type: text/plain", "--data-binary", text, &format!("{}/articles?id=new-1&date=2024-05-02", s.url)]);
    assert_eq!(r.status, 200, "{}", r.text());
    let (after, _) = graph(&s);
    assert!(after >= before + 3, "the graph did not follow the new article: {before} → {after} nodes");
    let r = curl(&["-G", "--data-urlencode", "from=Macron", "--data-urlencode", "to=Scholz", &format!("{}/api/path", s.url)]);
    assert_eq!(r.status, 200, "{}", r.text());
    assert_eq!(curl(&[&format!("{}/api/graph?limit=99999999", s.url)]).status, 400);
    assert_eq!(curl(&[&format!("{}/api/graph?limit=-1", s.url)]).status, 400);
}

/// What a hostile client sends gets a clear 4xx, never a crash: malformed percent-encoding, a
/// huge or missing Content-Length, 10^5 nested braces or a chain of 10^5 operators (each would
/// overflow the parser's stack), an answer of over a million rows, Accept headers with q-values and wildcards, HEAD; and the
/// server answers normally after all of it.
#[test]
fn hostile_requests_get_clear_errors_and_the_server_goes_on() {
    let dir = tmp();
    let store = example_store(dir.path());
    let s = Serve::start(&store, &["--allow-ingest"], Some(TOKEN));
    let sparql = format!("{}/sparql", s.url);
    let host = s.url.trim_start_matches("http://").to_owned();
    // malformed percent-encoding, in the URL and in a form
    let r = curl(&[&format!("{sparql}?query=ASK%20%7B%ZZ")]);
    assert_eq!(r.status, 400);
    assert!(r.text().contains("malformed percent-encoding") && r.text().trim().lines().count() == 1, "{}", r.text());
    let r = curl(&[&format!("{sparql}?query=ASK%FF%FE")]);
    assert!(r.status == 400 && r.text().contains("not UTF-8"), "{}", r.text());
    let r = curl(&["-H", "Content-Type: application/x-www-form-urlencoded", "--data-binary", "query=%E2%82", &sparql]);
    assert!(r.status == 400 && r.text().contains("not UTF-8"), "{}", r.text());
    // a huge Content-Length: refused before the body is read, and the connection closes
    let t = Instant::now();
    let (status, text) = raw(&s, format!("POST /sparql HTTP/1.1\r\nHost: {host}\r\nContent-Type: application/sparql-query\r\nContent-Length: 99999999999999\r\n\r\nASK {{}}").as_bytes(), Duration::from_secs(30));
    assert_eq!(status, 413, "{text}");
    assert!(t.elapsed() < Duration::from_secs(10), "the refusal waited for the body: {:?}", t.elapsed());
    let (status, text) = raw(&s, format!("POST /articles HTTP/1.1\r\nHost: {host}\r\nContent-Length: 99999999999999\r\n\r\n{{").as_bytes(), Duration::from_secs(30));
    assert_eq!(status, 401, "{text}");
    assert!(t.elapsed() < Duration::from_secs(10), "the refusal waited for the body: {:?}", t.elapsed());
    let (status, text) = raw(&s, format!("POST /sparql HTTP/1.1\r\nHost: {host}\r\nContent-Type: application/sparql-query\r\nContent-Length: 1{}\r\n\r\n", "0".repeat(30)).as_bytes(), Duration::from_secs(30));
    assert_eq!(status, 400, "{text}");
    // no Content-Length at all: an empty body, so no query
    let (status, text) = raw(&s, format!("POST /sparql HTTP/1.1\r\nHost: {host}\r\nContent-Type: application/sparql-query\r\nConnection: close\r\n\r\n").as_bytes(), Duration::from_secs(30));
    assert!(status == 400 && text.contains("no query"), "{text}");
    // deep nesting and long chains: 400, not a stack overflow
    let big = dir.path().join("big.rq");
    for q in [
        format!("SELECT * WHERE {}{}", "{".repeat(100_000), "}".repeat(100_000)),
        format!("ASK {{ FILTER({}1{}) }}", "(".repeat(100_000), ")".repeat(100_000)),
        format!("ASK {{ FILTER(1{} > 0) }}", "+1".repeat(100_000)),
        format!("ASK {{ {} }}", vec!["{ ?s ?p ?o }"; 20_000].join(" UNION ")),
    ] {
        std::fs::write(&big, &q).unwrap();
        let r = curl(&["-H", "Content-Type: application/sparql-query", "--data-binary", &format!("@{}", big.display()), &sparql]);
        assert_eq!(r.status, 400, "{}", r.text());
        assert!(r.text().contains("flatten it"), "{}", r.text());
    }
    // an answer too large to hold in memory is refused, with what to do
    let r = get_query(&s, "SELECT * WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }", "text/csv");
    assert_eq!(r.status, 422, "{}", r.text());
    assert!(r.text().contains("more than 1000000 rows") && r.text().contains("LIMIT"), "{}", r.text());
    // a deep but reasonable query still answers
    let r = get_query(&s, &format!("ASK {}{}", "{".repeat(100), "}".repeat(100)), "text/csv");
    assert_eq!(r.status, 200, "{}", r.text());
    // q-values and wildcards
    for (accept, want) in [
        ("text/csv;q=0.5, application/sparql-results+xml;q=0.9", "application/sparql-results+xml"),
        ("*/*;q=0.1, text/tab-separated-values", "text/tab-separated-values"),
        ("application/*;q=0.2, text/csv;q=0.1", "application/sparql-results+json"),
        ("text/csv;q=0, */*", "application/sparql-results+json"),
        ("text/csv;q=NaN, text/tab-separated-values;q=0.001", "text/tab-separated-values"),
        ("TEXT/CSV", "text/csv"),
    ] {
        let r = get_query(&s, "ASK {}", accept);
        assert_eq!(r.status, 200, "{accept}: {}", r.text());
        assert!(r.header("content-type").unwrap().starts_with(want), "{accept}: {:?}", r.header("content-type"));
    }
    assert_eq!(get_query(&s, "ASK {}", "text/html, image/*;q=0.9").status, 406);
    // HEAD: the GET's status and headers, no body; the connection goes on (curl reuses it)
    let ask = format!("{sparql}?query=ASK%20%7B%7D");
    let o = Command::new("curl")
        .args(["-sS", "-i", "-v", "-H", "Accept: text/csv", "-I", &ask, "--next", "-sS", "-i", "-H", "Accept: text/csv", &ask])
        .output()
        .unwrap();
    let (text, log) = (String::from_utf8_lossy(&o.stdout).into_owned(), String::from_utf8_lossy(&o.stderr).into_owned());
    assert!(o.status.success(), "{log}");
    assert_eq!(text.matches("HTTP/1.1 200 OK").count(), 2, "{text}");
    assert_eq!(text.to_ascii_lowercase().matches("content-type: text/csv").count(), 2, "{text}");
    assert_eq!(text.matches("true").count(), 1, "a HEAD answer carried a body: {text}");
    assert!(log.contains("Re-using existing connection") || log.contains("Reusing existing"), "{log}");
    assert_eq!(curl(&["-I", &format!("{}/sparql", s.url)]).status, 200);
    assert_eq!(curl(&["-I", &format!("{}/api/graph", s.url)]).status, 200);
    let r = curl(&["-X", "PUT", &format!("{}/store?default", s.url)]);
    assert_eq!(r.status, 405);
    assert_eq!(r.header("allow"), Some("GET, HEAD"));
    // still answering, never panicked
    assert_eq!(get_query(&s, "ASK { ?m a ent:Meeting }", "text/csv").status, 200);
    assert!(!s.stderr().contains("panicked") && !s.stderr().contains("overflow"), "{}", s.stderr());
}

/// Clients that send slowly hold no more than their own connection: hundreds of them leave
/// queries answering at once, an idle connection is closed, and a body trickled in is refused
/// (408) once the time limit has passed.
#[test]
fn slow_clients_do_not_hold_the_server() {
    use std::io::Write;
    let dir = tmp();
    let store = example_store(dir.path());
    let s = Serve::start(&store, &["--timeout", "2"], None);
    let addr = s.url.trim_start_matches("http://").to_owned();
    let slow: Vec<std::net::TcpStream> = (0..200)
        .map(|_| {
            let mut c = std::net::TcpStream::connect(&addr).unwrap();
            c.write_all(b"GET /sparql?query=ASK HTTP/1.1\r\nHost: x\r\n").unwrap();
            c
        })
        .collect();
    let t = Instant::now();
    assert_eq!(get_query(&s, "ASK { ?m a ent:Meeting }", "text/csv").status, 200);
    assert!(t.elapsed() < Duration::from_secs(5), "a query waited {:?} behind slow clients", t.elapsed());
    // a body trickled in, a byte a second: 408 soon after the 2 s limit
    let t = Instant::now();
    let mut c = std::net::TcpStream::connect(&addr).unwrap();
    c.write_all(b"POST /sparql HTTP/1.1\r\nHost: x\r\nContent-Type: application/sparql-query\r\nContent-Length: 100\r\n\r\n").unwrap();
    let mut answer = String::new();
    c.set_read_timeout(Some(Duration::from_millis(1000))).unwrap();
    for _ in 0..60 {
        if c.write_all(b" ").is_err() {
            break;
        }
        let mut buf = [0u8; 4096];
        if let Ok(n) = std::io::Read::read(&mut c, &mut buf) {
            answer.push_str(&String::from_utf8_lossy(&buf[..n]));
            break;
        }
    }
    assert!(answer.starts_with("HTTP/1.1 408"), "{answer:?} after {:?}", t.elapsed());
    assert!(t.elapsed() < Duration::from_secs(20), "{:?}", t.elapsed());
    // an idle connection is closed by the server (its socket timeout, 15 s; oxhttp writes an
    // error before it closes)
    let t = Instant::now();
    let (status, _) = raw(&s, b"", Duration::from_secs(60));
    assert!(t.elapsed() < Duration::from_secs(30), "an idle connection stayed open {:?}", t.elapsed());
    assert!(matches!(status, 0 | 408 | 500), "{status}");
    drop(slow);
    assert_eq!(get_query(&s, "ASK {}", "text/csv").status, 200);
}

/// The consistency of a store as SPARQL sees it: the default graph is the merge of all named
/// graphs (article graphs and the label registry), as each article's transaction keeps it.
fn assert_consistent(store: &Path) {
    let merged = column(&select(store, "SELECT (COUNT(*) AS ?n) WHERE { SELECT DISTINCT ?s ?p ?o WHERE { GRAPH ?g { ?s ?p ?o } } }"), "n");
    let default = column(&select(store, "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"), "n");
    assert_eq!(merged, default, "the default graph is not the merge of the named graphs");
}

/// The ids of the stored articles, in no particular order.
fn stored_ids(store: &Path) -> Vec<String> {
    column(&select(store, "SELECT ?id WHERE { ?a a schema:NewsArticle ; dcterms:identifier ?id }"), "id")
}

/// Two clients POST articles at once: both are answered, every article of both is stored,
/// and the store is consistent.
#[test]
fn concurrent_posts_are_written_one_after_the_other() {
    let corpus = root().join("../shared/eval/corpora/reuters21578.jsonl");
    let dir = tmp();
    let store = example_store(dir.path());
    let lines: Vec<String> = std::fs::read_to_string(&corpus).unwrap().lines().take(600).map(str::to_owned).collect();
    let (a, b) = (dir.path().join("a.jsonl"), dir.path().join("b.jsonl"));
    std::fs::write(&a, lines[..300].join("\n")).unwrap();
    std::fs::write(&b, lines[300..].join("\n")).unwrap();
    {
        let s = Serve::start(&store, &["--allow-ingest", "--timeout", "120"], Some(TOKEN));
        let post = |f: PathBuf, url: String| {
            std::thread::spawn(move || {
                curl(&["-H", &format!("Authorization: Bearer {TOKEN}"), "-H", "Content-Type: application/x-ndjson", "--data-binary", &format!("@{}", f.display()), &url])
            })
        };
        let (ra, rb) = (post(a, format!("{}/articles", s.url)), post(b, format!("{}/articles", s.url)));
        for r in [ra.join().unwrap(), rb.join().unwrap()] {
            assert_eq!(r.status, 200, "{}", r.text());
            let report: serde_json::Value = serde_json::from_slice(&r.body).unwrap();
            assert_eq!(report["stored"].as_u64(), Some(300), "{report}");
        }
    }
    assert_eq!(stored_ids(&store).len(), 602);
    assert_consistent(&store);
}

/// SIGTERM (and, in a second run, SIGKILL) while articles are being POSTed: the store reopens,
/// holds a prefix of the articles sent, each whole, and equals a clean `ingest` of that prefix.
#[test]
fn a_signal_during_a_post_leaves_a_consistent_store() {
    const ARTICLES: usize = 3000;
    let corpus = root().join("../shared/eval/corpora/reuters21578.jsonl");
    let lines: Vec<String> = std::fs::read_to_string(&corpus).unwrap().lines().take(ARTICLES).map(str::to_owned).collect();
    for signal in ["TERM", "KILL"] {
        let dir = tmp();
        let store = example_store(dir.path());
        let clean = dir.path().join("clean");
        copy_dir(&store, &clean);
        let body = dir.path().join("batch.jsonl");
        std::fs::write(&body, lines.join("\n")).unwrap();
        let mut s = Serve::start(&store, &["--allow-ingest"], Some(TOKEN));
        let url = format!("{}/articles", s.url);
        let poster = std::thread::spawn(move || {
            Command::new("curl")
                .args(["-sS", "-H", &format!("Authorization: Bearer {TOKEN}"), "-H", "Content-Type: application/x-ndjson", "--data-binary", &format!("@{}", body.display()), &url])
                .output()
                .unwrap()
        });
        let count_q = "SELECT (COUNT(?a) AS ?n) WHERE { ?a a schema:NewsArticle }";
        let start = Instant::now();
        loop {
            let n: usize = get_query(&s, count_q, "text/csv").text().lines().nth(1).unwrap().trim().parse().unwrap();
            if n > 100 {
                break;
            }
            assert!(start.elapsed() < Duration::from_secs(300), "no article stored");
            std::thread::sleep(Duration::from_millis(100));
        }
        let st = Command::new("kill").args([&format!("-{signal}"), &s.child.id().to_string()]).status().unwrap();
        assert!(st.success());
        let code = s.child.wait().unwrap();
        let _ = poster.join();
        if signal == "TERM" {
            assert_eq!(code.code(), Some(0), "{}", s.stderr());
            assert!(s.stderr().contains("stopped; every article sent before is stored"), "{}", s.stderr());
        }
        assert_consistent(&store);
        let ids = stored_ids(&store);
        let n = ids.len() - 2;
        assert!(n > 100 && n < ARTICLES, "{n} articles stored");
        // the stored articles are the first n sent, and equal a clean ingest of those
        let prefix = dir.path().join("prefix.jsonl");
        std::fs::write(&prefix, lines[..n].join("\n")).unwrap();
        let want: std::collections::BTreeSet<String> = lines[..n].iter().map(|l| serde_json::from_str::<serde_json::Value>(l).unwrap()["id"].as_str().unwrap().to_owned()).collect();
        let got: std::collections::BTreeSet<String> = ids.into_iter().filter(|i| want.contains(i)).collect();
        assert_eq!(got.len(), n, "the stored articles are not the first {n} sent");
        let o = entente(&["ingest", "--store", clean.to_str().unwrap(), prefix.to_str().unwrap()]);
        assert!(o.status.success(), "{}", stderr(&o));
        let dump = |st: &Path| {
            let o = entente(&["export", "--store", st.to_str().unwrap(), "--format", "nquads"]);
            assert!(o.status.success(), "{}", stderr(&o));
            let mut l: Vec<String> = String::from_utf8(o.stdout).unwrap().lines().map(str::to_owned).collect();
            l.sort();
            l
        };
        assert!(dump(&store) == dump(&clean), "after SIG{signal}, the store differs from a clean ingest of the {n} articles it holds");
        drop(s);
    }
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for e in std::fs::read_dir(from).unwrap() {
        let e = e.unwrap();
        if e.file_name() != "entente.lock" {
            std::fs::copy(e.path(), to.join(e.file_name())).unwrap();
        }
    }
}

/// A store path that does not exist, is a file, or is a directory of other files is refused
/// with a message that says what to pass, by a reading server and a writing one alike.
#[test]
fn a_path_that_is_not_a_store_is_refused() {
    let dir = tmp();
    let file = dir.path().join("notes.txt");
    std::fs::write(&file, "hello").unwrap();
    let other = dir.path().join("project");
    std::fs::create_dir_all(&other).unwrap();
    std::fs::write(other.join("README"), "mine").unwrap();
    for (path, ingest, want) in [
        (dir.path().join("none"), false, "no such store"),
        (file.clone(), false, "not a store"),
        (other.clone(), false, "not a store"),
        (file.clone(), true, "not a directory"),
        (other.clone(), true, "not a store"),
    ] {
        let mut cmd = Command::new(bin());
        cmd.args(["serve", "--store", path.to_str().unwrap(), "--bind", "127.0.0.1:1"]).env("ENTENTE_TOKEN", TOKEN);
        if ingest {
            cmd.arg("--allow-ingest");
        }
        let o = cmd.output().unwrap();
        assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
        assert!(stderr(&o).contains(want) && stderr(&o).trim().lines().count() == 1, "{}: {}", path.display(), stderr(&o));
    }
    assert_eq!(std::fs::read_dir(&other).unwrap().count(), 1, "files were added to a directory that is no store");
    assert!(!dir.path().join("none").exists());
}
