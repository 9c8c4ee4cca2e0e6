//! Bad input: a clear one-line error naming the file or query and what to do, a non-zero exit,
//! nothing half-written, and the other articles of the batch still stored.

use std::path::Path;

use crate::common::*;

fn articles_in(store: &Path) -> Vec<String> {
    column(&select(store, "SELECT ?id WHERE { ?a a schema:NewsArticle ; dcterms:identifier ?id } ORDER BY ?id"), "id")
}

fn one_line_error(o: &std::process::Output, needle: &str) {
    let err = stderr(o);
    let errors: Vec<&str> = err.lines().filter(|l| l.starts_with("entente: ")).collect();
    assert_eq!(errors.len(), 1, "expected one error line, got:\n{err}");
    assert!(errors[0].contains(needle), "{:?} does not name {needle:?}", errors[0]);
    assert!(!err.contains("panicked"), "{err}");
}

#[test]
fn a_batch_with_bad_files_stores_the_good_ones() {
    let dir = tmp();
    let good = dir.path().join("good.txt");
    std::fs::write(&good, "date 1987-03-03 Japanese Prime Minister Yasuhiro Nakasone met President Ronald Reagan.").unwrap();
    let bad_utf8 = dir.path().join("latin1.txt");
    std::fs::write(&bad_utf8, b"Caf\xe9 talks").unwrap();
    let binary = dir.path().join("image.txt");
    std::fs::write(&binary, b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR").unwrap();
    let empty = dir.path().join("empty.txt");
    std::fs::write(&empty, "   \n").unwrap();
    let missing = dir.path().join("missing.txt");
    let store = dir.path().join("store");
    let args: Vec<&str> = vec![
        "ingest",
        "--store",
        store.to_str().unwrap(),
        good.to_str().unwrap(),
        bad_utf8.to_str().unwrap(),
        binary.to_str().unwrap(),
        empty.to_str().unwrap(),
        missing.to_str().unwrap(),
    ];
    let o = entente(&args);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    let err = stderr(&o);
    for (file, hint) in [("latin1.txt", "iconv"), ("image.txt", "binary"), ("empty.txt", "empty"), ("missing.txt", "cannot read")] {
        let line = err.lines().find(|l| l.contains(file)).unwrap_or_else(|| panic!("no error for {file}:\n{err}"));
        assert!(line.starts_with("entente: ") && line.contains(hint), "{line}");
    }
    assert!(err.contains("ingested 1 article") && err.contains("4 errors"), "{err}");
    assert_eq!(articles_in(&store), vec!["good"]);
}

#[test]
fn a_malformed_jsonl_line_is_reported_with_its_line_number() {
    let dir = tmp();
    let f = dir.path().join("batch.jsonl");
    std::fs::write(
        &f,
        "{\"id\":\"a\",\"text\":\"Iran and Venezuela signed a deal.\"}\n{\"id\": \"b\", \"text\": \n{\"id\":\"c\",\"text\":\"Japan and China held talks.\"}\n",
    )
    .unwrap();
    let store = dir.path().join("store");
    let o = entente(&["ingest", "--store", store.to_str().unwrap(), f.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1));
    one_line_error(&o, "batch.jsonl:2:");
    assert_eq!(articles_in(&store), vec!["a", "c"]);
}

#[test]
fn a_broken_query_is_one_line_naming_the_query() {
    let dir = tmp();
    let store = example_store(dir.path());
    let o = entente(&["query", "--store", store.to_str().unwrap(), "SELECT ?x WHERE { ?x ?y }"]);
    assert_eq!(o.status.code(), Some(2));
    one_line_error(&o, "query argument: SPARQL syntax error at 1:");
    let q = dir.path().join("broken.rq");
    std::fs::write(&q, "SELEC * WHERE {}").unwrap();
    let o = entente(&["query", "--store", store.to_str().unwrap(), "--file", q.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(2));
    one_line_error(&o, "broken.rq");
}

#[test]
fn a_missing_store_is_not_created_by_reading_commands() {
    let dir = tmp();
    let store = dir.path().join("nothing-here");
    for args in [vec!["query", "ASK {}"], vec!["export", "--format", "trig"], vec!["stats"]] {
        let mut full = vec![args[0], "--store", store.to_str().unwrap()];
        full.extend(&args[1..]);
        let o = entente(&full);
        assert_eq!(o.status.code(), Some(2));
        one_line_error(&o, "no such store");
        assert!(!store.exists(), "{} created the store", args[0]);
    }
}

#[test]
fn an_unwritable_store_fails_before_anything_is_read() {
    let dir = tmp();
    let file = dir.path().join("a-file");
    std::fs::write(&file, "not a directory").unwrap();
    let store = file.join("store");
    let articles = root().join("examples/articles");
    let o = entente(&["ingest", "--store", store.to_str().unwrap(), articles.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(2));
    one_line_error(&o, "cannot open");
    let o = entente(&["ingest", "--store", file.to_str().unwrap(), articles.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(2));
    one_line_error(&o, "not a directory");
}

#[test]
fn a_store_held_by_another_process_is_refused_clearly() {
    use std::io::Write;
    let dir = tmp();
    let store = dir.path().join("store");
    // the first ingest holds the store while it waits for its standard input
    let mut holder = std::process::Command::new(bin())
        .args(["ingest", "--store", store.to_str().unwrap(), "-"])
        .stdin(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(30);
    while !store.join("LOCK").exists() && std::time::Instant::now() < deadline {
        std::thread::sleep(std::time::Duration::from_millis(50));
    }
    std::thread::sleep(std::time::Duration::from_millis(300));
    let articles = root().join("examples/articles");
    let o = entente(&["ingest", "--store", store.to_str().unwrap(), articles.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    one_line_error(&o, "in use by another process");
    one_line_error(&o, "`entente ingest` (process");
    // reading is refused meanwhile too: Oxigraph cannot read a store another process writes
    // (reads during an ingest go through `entente serve --allow-ingest`)
    let o = entente(&["query", "--store", store.to_str().unwrap(), "--format", "json", "ASK { ?s ?p ?o }"]);
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    one_line_error(&o, "in use by another process that writes it, `entente ingest` (process");
    let mut stdin = holder.stdin.take().unwrap();
    stdin.write_all(b"Iran and Venezuela signed a deal.").unwrap();
    drop(stdin);
    let out = holder.wait_with_output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert_eq!(articles_in(&store), vec!["stdin"]);
}

#[test]
fn a_huge_file_is_refused_without_reading_it_whole() {
    let dir = tmp();
    let huge = dir.path().join("dump.txt");
    let line = "Iran and Venezuela signed a deal. ".repeat(1000);
    let mut text = String::new();
    while text.len() <= entente::document::MAX_ARTICLE_BYTES {
        text.push_str(&line);
    }
    std::fs::write(&huge, &text).unwrap();
    let good = dir.path().join("good.txt");
    std::fs::write(&good, "Japan and China held talks on trade.").unwrap();
    let store = dir.path().join("store");
    let o = entente(&["ingest", "--store", store.to_str().unwrap(), huge.to_str().unwrap(), good.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1));
    one_line_error(&o, "dump.txt: too large for one article");
    assert_eq!(articles_in(&store), vec!["good"]);
}

/// Issue 12: two files with one name in different folders are two articles, not one
/// silently replacing the other.
#[test]
fn files_of_one_name_in_two_folders_are_two_articles() {
    let dir = tmp();
    let input = dir.path().join("in");
    for (sub, text) in [("a", "Japan and China held talks on trade."), ("b", "Iran and Venezuela signed a deal.")] {
        std::fs::create_dir_all(input.join(sub)).unwrap();
        std::fs::write(input.join(sub).join("001.txt"), text).unwrap();
    }
    std::fs::write(input.join("b").join("002.txt"), "id: wire-7\nKenya and Uganda signed a border pact.").unwrap();
    let store = dir.path().join("store");
    let o = entente(&["ingest", "--store", store.to_str().unwrap(), input.to_str().unwrap()]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert_eq!(articles_in(&store), vec!["a/001", "b/001", "wire-7"]);
}

/// Issue 12: one id given to two different texts in one run is an error for the second;
/// the first is stored, and the same text twice is no error.
#[test]
fn an_id_reused_for_another_text_is_refused() {
    let dir = tmp();
    let f = dir.path().join("batch.jsonl");
    std::fs::write(
        &f,
        "{\"id\":\"x\",\"text\":\"Japan and China held talks on trade.\"}\n{\"id\":\"x\",\"text\":\"Japan and China held talks on trade.\"}\n{\"id\":\"x\",\"text\":\"Iran and Venezuela signed a deal.\"}\n",
    )
    .unwrap();
    let store = dir.path().join("store");
    let o = entente(&["ingest", "--store", store.to_str().unwrap(), f.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    one_line_error(&o, "article id \"x\" was already given to another text");
    assert_eq!(articles_in(&store), vec!["x"]);
    let texts = column(&select(&store, "SELECT ?t WHERE { ?c nif:isString ?t }"), "t");
    assert_eq!(texts, vec!["Japan and China held talks on trade."]);
    // a later run that changes the text replaces the article, and says so
    std::fs::write(&f, "{\"id\":\"x\",\"text\":\"Iran and Venezuela signed a deal.\"}\n").unwrap();
    let o = entente(&["ingest", "--store", store.to_str().unwrap(), f.to_str().unwrap()]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(stderr(&o).contains("note: ") && stderr(&o).contains("whose text differs"), "{}", stderr(&o));
    let texts = column(&select(&store, "SELECT ?t WHERE { ?c nif:isString ?t }"), "t");
    assert_eq!(texts, vec!["Iran and Venezuela signed a deal."]);
}

/// Issue 12: standard input is read with the article limit, not whole.
#[test]
fn standard_input_beyond_the_article_limit_is_refused() {
    let dir = tmp();
    let store = dir.path().join("store");
    let big = "Iran and Venezuela signed a deal. ".repeat(entente::document::MAX_ARTICLE_BYTES / 30);
    let o = entente_stdin(&["ingest", "--store", store.to_str().unwrap(), "-"], big.as_bytes());
    assert_eq!(o.status.code(), Some(1));
    one_line_error(&o, "-: too large for one article");
}

/// Issue 12: a JSON Lines stream keeps going after a line too long or not UTF-8, naming the line.
#[test]
fn a_jsonl_stream_reports_long_and_undecodable_lines_and_goes_on() {
    let dir = tmp();
    let store = dir.path().join("store");
    let mut input = b"{\"id\":\"a\",\"text\":\"Japan and China held talks on trade.\"}\n".to_vec();
    input.extend_from_slice(format!("{{\"id\":\"long\",\"text\":\"{}\"}}\n", "x".repeat(entente::document::MAX_ARTICLE_BYTES)).as_bytes());
    input.extend_from_slice(b"{\"id\":\"latin1\",\"text\":\"Caf\xe9 talks\"}\r\n");
    input.extend_from_slice(b"{\"id\":\"b\",\"text\":\"Iran and Venezuela signed a deal.\"}");
    let o = entente_stdin(&["ingest", "--store", store.to_str().unwrap(), "-"], &input);
    assert_eq!(o.status.code(), Some(1));
    let err = stderr(&o);
    assert!(err.lines().any(|l| l.starts_with("entente: -:2: record too large")), "{err}");
    assert!(err.lines().any(|l| l.starts_with("entente: -:3: not UTF-8")), "{err}");
    assert_eq!(articles_in(&store), vec!["a", "b"]);
}

/// Issue 12: Ctrl-C stops after the article being written, reports what was stored and exits
/// 130; the store holds exactly the articles the summary counts, each complete.
#[test]
fn ctrl_c_stops_between_articles() {
    use std::io::Write;
    let dir = tmp();
    let store = dir.path().join("store");
    let corpus = dir.path().join("corpus.jsonl");
    let mut f = std::io::BufWriter::new(std::fs::File::create(&corpus).unwrap());
    for i in 0..20_000 {
        writeln!(f, "{{\"id\":\"n{i:05}\",\"text\":\"President Ana Silva of Brazil met Prime Minister Jon Berg of Norway in Oslo on Monday. They signed a trade agreement.\"}}").unwrap();
    }
    drop(f);
    let child = std::process::Command::new(bin())
        .args(["ingest", "--store", store.to_str().unwrap(), corpus.to_str().unwrap()])
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    // wait until the store is being written, then interrupt
    let started = std::time::Instant::now();
    while !store.join("CURRENT").exists() && started.elapsed() < std::time::Duration::from_secs(60) {
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    std::thread::sleep(std::time::Duration::from_millis(700));
    let killed = std::process::Command::new("kill").args(["-INT", &child.id().to_string()]).status().unwrap();
    assert!(killed.success());
    let out = child.wait_with_output().unwrap();
    let err = String::from_utf8_lossy(&out.stderr).into_owned();
    assert_eq!(out.status.code(), Some(130), "{err}");
    let summary = err.lines().find(|l| l.starts_with("interrupted: ingested ")).unwrap_or_else(|| panic!("no summary:\n{err}"));
    let n: usize = summary.trim_start_matches("interrupted: ingested ").split(' ').next().unwrap().parse().unwrap();
    assert!(n > 0 && n < 20_000, "{summary}");
    let stored = articles_in(&store);
    assert_eq!(stored.len(), n, "{summary}");
    // every stored article is whole: its meeting and its pact
    let meetings = select(&store, "SELECT (COUNT(DISTINCT ?g) AS ?n) WHERE { GRAPH ?g { ?m a ent:Meeting } }");
    assert_eq!(column(&meetings, "n"), vec![n.to_string()]);
}

/// Issue 12: names from the command line are never spliced into SPARQL: quotes, braces and new
/// lines in a name give the usual "no actor" answer, and the store is unchanged.
#[test]
fn hostile_names_in_path_are_not_sparql() {
    let dir = tmp();
    let store = example_store(dir.path());
    let before = select(&store, "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }");
    for name in ["Maduro\" } DROP ALL ; #", "x\n} UNION { ?a ?b ?c", "{}'\\\"", "Raisi') . FILTER(true"] {
        let o = entente(&["path", "--store", store.to_str().unwrap(), name, "Raisi"]);
        assert!(!o.status.success(), "{name:?}: {}", stdout(&o));
        let err = stderr(&o);
        assert!(err.contains("no actor is named") && !err.contains("panicked"), "{name:?}: {err}");
    }
    assert_eq!(select(&store, "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"), before);
}
