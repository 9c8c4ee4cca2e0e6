//! Ingest → query in every result format, re-ingest idempotency, export read back by rdflib.

use crate::common::*;

const ACTORS: &str = "PREFIX schema: <https://schema.org/> PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
    SELECT ?a ?label WHERE { ?a a schema:Person ; rdfs:label ?label } ORDER BY ?label";

#[test]
fn ingest_then_query_in_every_format() {
    let dir = tmp();
    let store = example_store(dir.path());
    let s = store.to_str().unwrap();

    // JSON: the W3C SPARQL 1.1 JSON results, with the persons of the seed articles
    let json = select(&store, ACTORS);
    assert_eq!(json["head"]["vars"], serde_json::json!(["a", "label"]));
    let labels = column(&json, "label");
    for who in ["Ali Khamenei", "Ebrahim Raisi", "Felix Plasencia Gonzalez", "Hossein Amir-Abdollahian"] {
        assert!(labels.contains(&who.to_owned()), "{who} missing from {labels:?}");
    }
    // one node per actor across the two articles: "Nicolás Maduro" and "Nicolas Maduro"
    assert_eq!(labels.iter().filter(|l| l.contains("Maduro")).count(), 1, "{labels:?}");

    // CSV and TSV: header then one line per row, as the W3C formats say
    let csv = stdout(&entente(&["query", "--store", s, "--format", "csv", ACTORS]));
    let mut lines = csv.lines();
    assert_eq!(lines.next(), Some("a,label"));
    assert_eq!(lines.count(), labels.len());
    let tsv = stdout(&entente(&["query", "--store", s, "--format", "tsv", ACTORS]));
    assert_eq!(tsv.lines().next(), Some("?a\t?label"));
    assert!(tsv.contains("\"Ebrahim Raisi\""), "{tsv}");

    // XML: parsed by Python's XML parser, same rows
    let xml = entente(&["query", "--store", s, "--format", "xml", ACTORS]);
    assert!(xml.status.success());
    let xml_path = dir.path().join("r.srx");
    std::fs::write(&xml_path, &xml.stdout).unwrap();
    let n = run_python(
        "import sys, xml.etree.ElementTree as ET\n\
         ns={'s':'http://www.w3.org/2005/sparql-results#'}\n\
         r=ET.parse(sys.argv[1]).getroot()\n\
         print(len(r.findall('s:results/s:result', ns)))",
        &[xml_path.to_str().unwrap()],
    );
    assert_eq!(n.trim(), labels.len().to_string());

    // table: aligned, readable, with a row count
    let table = stdout(&entente(&["query", "--store", s, "--format", "table", ACTORS]));
    assert!(table.starts_with("?a"), "{table}");
    assert!(table.contains("Ebrahim Raisi"));
    assert!(table.trim_end().ends_with(&format!("({} rows)", labels.len())), "{table}");

    // ASK and CONSTRUCT (Turtle read back by rdflib)
    let ask = entente(&["query", "--store", s, "--format", "json", "ASK { ?m a ent:Meeting }"]);
    assert_eq!(serde_json::from_slice::<serde_json::Value>(&ask.stdout).unwrap()["boolean"], true);
    let ttl = entente(&["query", "--store", s, "CONSTRUCT { ?a rdfs:label ?l } WHERE { ?a a schema:Country ; rdfs:label ?l }"]);
    assert!(ttl.status.success(), "{}", stderr(&ttl));
    let ttl_path = dir.path().join("c.ttl");
    std::fs::write(&ttl_path, &ttl.stdout).unwrap();
    let n = run_python("import sys, rdflib\ng=rdflib.Graph().parse(sys.argv[1], format='turtle')\nprint(len(g))", &[ttl_path.to_str().unwrap()]);
    assert_eq!(n.trim(), "3", "Iran, Venezuela, United States");
}

#[test]
fn named_queries_run_and_answer() {
    let dir = tmp();
    let store = example_store(dir.path());
    let queries = root().join("examples/queries");
    let mut names: Vec<_> = std::fs::read_dir(&queries).unwrap().map(|e| e.unwrap().path()).collect();
    names.sort();
    assert!(names.len() >= 4);
    for q in names {
        let o = entente(&["query", "--store", store.to_str().unwrap(), "--format", "json", "--file", q.to_str().unwrap()]);
        assert!(o.status.success(), "{}: {}", q.display(), stderr(&o));
        let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
        assert!(!v["results"]["bindings"].as_array().unwrap().is_empty(), "{} returned no rows", q.display());
    }
    // the pact history: one 20-year pact, Proposed in the first article, Signed in the second
    let o = entente(&["query", "--store", store.to_str().unwrap(), "--format", "json", "--file",
        root().join("examples/queries/pacts.rq").to_str().unwrap()]);
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let rows: Vec<(String, String)> = v["results"]["bindings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|b| b["duration"]["value"] == "P20Y")
        .map(|b| (b["pact"]["value"].as_str().unwrap().to_owned(), b["status"]["value"].as_str().unwrap().to_owned()))
        .collect();
    assert_eq!(rows.len(), 2, "{rows:?}");
    assert_eq!(rows[0].0, rows[1].0, "one node for the pact");
    let statuses: std::collections::BTreeSet<&str> = rows.iter().map(|r| r.1.as_str()).collect();
    assert_eq!(statuses, ["Proposed", "Signed"].into_iter().collect());
}

/// The shipped example queries are written for Oxigraph's planner (issue 10): each answers the
/// rows of its plain form in `tests/reference_queries`, in the order of the plain form's
/// ORDER BY. A list joined by GROUP_CONCAT is compared as its items, whose order SPARQL leaves
/// open.
#[test]
fn example_queries_answer_as_their_plain_forms() {
    let dir = tmp();
    let store = example_store(dir.path());
    let run = |file: &std::path::Path| -> serde_json::Value {
        let o = entente(&["query", "--store", store.to_str().unwrap(), "--format", "json", "--file", file.to_str().unwrap()]);
        assert!(o.status.success(), "{}: {}", file.display(), stderr(&o));
        serde_json::from_slice(&o.stdout).unwrap()
    };
    let mut shipped: Vec<_> = std::fs::read_dir(root().join("examples/queries"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "rq"))
        .collect();
    shipped.sort();
    assert!(shipped.len() >= 6, "{shipped:?}");
    for file in shipped {
        let name = file.file_name().unwrap().to_str().unwrap().to_owned();
        let plain = root().join("tests/reference_queries").join(&name);
        assert!(plain.exists(), "{name} has no plain form in tests/reference_queries");
        let (got, want) = (run(&file), run(&plain));
        assert_eq!(got["head"], want["head"], "{name}: other variables");
        let vars: Vec<String> = want["head"]["vars"].as_array().unwrap().iter().map(|v| v.as_str().unwrap().to_owned()).collect();
        let (got_rows, want_rows) = (canonical_rows(&got, &vars), canonical_rows(&want, &vars));
        assert!(!want_rows.is_empty(), "{name}: no rows on the example store");
        let sorted = |rows: &[Vec<String>]| {
            let mut r = rows.to_vec();
            r.sort();
            r
        };
        assert_eq!(sorted(&got_rows), sorted(&want_rows), "{name}: other rows than its plain form");
        // the rows come in the order the plain form's ORDER BY asks (ties in any order)
        let text = std::fs::read_to_string(&plain).unwrap();
        let keys: Vec<usize> = text
            .lines()
            .filter_map(|l| l.trim().strip_prefix("ORDER BY"))
            .flat_map(|l| l.split_whitespace().filter_map(|t| t.strip_prefix('?')).map(str::to_owned).collect::<Vec<_>>())
            .map(|k| vars.iter().position(|v| *v == k).unwrap_or_else(|| panic!("{name}: ORDER BY ?{k} is not selected")))
            .collect();
        let order = |rows: &[Vec<String>]| -> Vec<Vec<String>> { rows.iter().map(|r| keys.iter().map(|&k| r[k].clone()).collect()).collect() };
        assert_eq!(order(&got_rows), order(&want_rows), "{name}: rows in another order");
    }
}

/// Each row of SPARQL JSON results as one string per variable (type, value, datatype,
/// language; empty when unbound), a GROUP_CONCAT list as its sorted items.
fn canonical_rows(results: &serde_json::Value, vars: &[String]) -> Vec<Vec<String>> {
    const LISTS: [(&str, &str); 4] = [("names", " | "), ("posts", "; "), ("participants", ", "), ("parties", ", ")];
    results["results"]["bindings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|b| {
            vars.iter()
                .map(|v| {
                    let t = &b[v.as_str()];
                    if t.is_null() {
                        return String::new();
                    }
                    let mut value = t["value"].as_str().unwrap().to_owned();
                    if let Some((_, sep)) = LISTS.iter().find(|(name, _)| name == v) {
                        let mut items: Vec<&str> = value.split(sep).collect();
                        items.sort();
                        value = items.join("\u{1f}");
                    }
                    format!("{}|{value}|{}|{}", t["type"], t["datatype"], t["xml:lang"])
                })
                .collect()
        })
        .collect()
}

fn export(store: &std::path::Path, format: &str, out: &std::path::Path) {
    let o = entente(&["export", "--store", store.to_str().unwrap(), "--format", format, "--output", out.to_str().unwrap()]);
    assert!(o.status.success(), "{}", stderr(&o));
}

#[test]
fn reingest_is_idempotent() {
    let dir = tmp();
    let store = example_store(dir.path());
    let first = dir.path().join("1.nq");
    export(&store, "nquads", &first);
    let articles = root().join("examples/articles");
    let o = entente(&["ingest", "--store", store.to_str().unwrap(), articles.to_str().unwrap()]);
    assert!(o.status.success());
    let second = dir.path().join("2.nq");
    export(&store, "nquads", &second);
    let mut a: Vec<String> = std::fs::read_to_string(&first).unwrap().lines().map(str::to_owned).collect();
    let mut b: Vec<String> = std::fs::read_to_string(&second).unwrap().lines().map(str::to_owned).collect();
    a.sort();
    b.sort();
    assert!(a.len() > 500, "{} quads", a.len());
    assert_eq!(a, b, "the store changed when the same articles were ingested again");

    // deterministic IRIs: a fresh store from the same input holds the same quads
    let other = dir.path().join("other");
    let o = entente(&["ingest", "--store", other.to_str().unwrap(), articles.to_str().unwrap()]);
    assert!(o.status.success());
    let third = dir.path().join("3.nq");
    export(&other, "nquads", &third);
    let mut c: Vec<String> = std::fs::read_to_string(&third).unwrap().lines().map(str::to_owned).collect();
    c.sort();
    assert_eq!(a, c);
}

#[test]
fn exports_parse_in_rdflib_with_one_graph_per_article() {
    let dir = tmp();
    let store = example_store(dir.path());
    let count = select(&store, "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }");
    let named: usize = column(&count, "n")[0].parse().unwrap();
    let count = select(&store, "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }");
    let default: usize = column(&count, "n")[0].parse().unwrap();
    for (format, file, rdflib_format) in [("trig", "d.trig", "trig"), ("nquads", "d.nq", "nquads")] {
        let out = dir.path().join(file);
        export(&store, format, &out);
        let report = run_python(
            "import sys, rdflib\n\
             d=rdflib.Dataset()\n\
             d.parse(sys.argv[1], format=sys.argv[2])\n\
             graphs=[g for g in d.graphs() if str(g.identifier).startswith('https://w3id.org/entente/graph/')]\n\
             named=sum(len(g) for g in graphs)\n\
             articles=[g for g in graphs if not str(g.identifier).endswith('/registry')]\n\
             default=len(d.default_graph) if hasattr(d,'default_graph') else len(d.graph(rdflib.graph.DATASET_DEFAULT_GRAPH_ID))\n\
             print(named, len(articles), default)",
            &[out.to_str().unwrap(), rdflib_format],
        );
        let nums: Vec<usize> = report.split_whitespace().map(|x| x.parse().unwrap()).collect();
        assert_eq!(nums[0], named, "{format}: quads in named graphs");
        assert_eq!(nums[1], 2, "{format}: one graph per article");
        assert_eq!(nums[2], 0, "{format}: the default graph is derived (the merge), not exported");
    }
    // Turtle and N-Triples hold the merge: the store's default graph, triple for triple
    for (format, file) in [("turtle", "d.ttl"), ("ntriples", "d.nt")] {
        let out = dir.path().join(file);
        export(&store, format, &out);
        let n = run_python(
            "import sys, rdflib\ng=rdflib.Graph().parse(sys.argv[1], format=sys.argv[2])\nprint(len(g))",
            &[out.to_str().unwrap(), format],
        );
        assert_eq!(n.trim().parse::<usize>().unwrap(), default, "{format}");
    }
}

#[test]
fn stdin_and_jsonl_inputs() {
    let dir = tmp();
    let store = dir.path().join("s");
    let s = store.to_str().unwrap();
    let o = entente_stdin(
        &["ingest", "--store", s, "-"],
        b"{\"id\":\"x1\",\"date\":\"1987-03-03\",\"text\":\"Japanese Prime Minister Yasuhiro Nakasone met U.S. President Ronald Reagan in Washington yesterday.\"}\n",
    );
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(stderr(&o).contains("ingested 1 article"), "{}", stderr(&o));
    let r = select(&store, "SELECT ?d WHERE { ?m a ent:Meeting ; sem:hasTimeStamp ?d }");
    assert_eq!(column(&r, "d"), vec!["1987-03-02"]);
    let o = entente_stdin(&["ingest", "--store", s, "--date", "2022-06-13", "-"], b"Raisi met Maduro on Saturday.");
    assert!(o.status.success(), "{}", stderr(&o));
    let r = select(&store, "SELECT ?id WHERE { ?a a schema:NewsArticle ; dcterms:identifier ?id } ORDER BY ?id");
    assert_eq!(column(&r, "id"), vec!["stdin", "x1"]);
}

#[test]
fn one_node_per_person_across_articles_and_never_for_a_shared_surname() {
    let dir = tmp();
    let store = dir.path().join("s");
    let f = dir.path().join("batch.jsonl");
    let lines = [
        r#"{"id":"a1","date":"2022-06-01","text":"CARACAS, June 1 - Venezuelan Foreign Minister Felix Plasencia Gonzalez met Cuban officials. Plasencia said talks went well."}"#,
        r#"{"id":"a2","date":"2022-06-05","text":"TEHRAN, June 5 - Félix Plasencia, the Venezuelan foreign minister, arrived. Felix Plasencia met Iranian President Ebrahim Raisi."}"#,
        r#"{"id":"a3","date":"1987-04-08","text":"WASHINGTON, April 8 - President Reagan said Japan must open its markets, Reagan added."}"#,
        r#"{"id":"a4","date":"1987-04-09","text":"WASHINGTON, April 9 - President Reagan met Japanese Prime Minister Yasuhiro Nakasone."}"#,
        r#"{"id":"a5","date":"2000-06-13","text":"SEOUL, June 13 - South Korean President Kim Dae-jung met North Korean leader Kim Jong Il in Pyongyang."}"#,
    ];
    std::fs::write(&f, lines.join("\n")).unwrap();
    let o = entente(&["ingest", "--store", store.to_str().unwrap(), f.to_str().unwrap()]);
    assert!(o.status.success(), "{}", stderr(&o));
    let persons = |needle: &str| {
        let r = select(&store, &format!(
            "SELECT DISTINCT ?p WHERE {{ ?p a schema:Person . {{ ?p rdfs:label ?n }} UNION {{ ?p skos:altLabel ?n }} FILTER(CONTAINS(?n, \"{needle}\")) }}"
        ));
        column(&r, "p").len()
    };
    assert_eq!(persons("Plasencia"), 1, "Felix Plasencia Gonzalez = Félix Plasencia = Felix Plasencia");
    assert_eq!(persons("Reagan"), 1, "President Reagan of the United States in two stories");
    assert_eq!(persons("Kim"), 2, "Kim Dae-jung and Kim Jong Il are two people");
    let labels = column(&select(&store, "SELECT ?l WHERE { ?p a schema:Person ; rdfs:label ?l FILTER(CONTAINS(?l, \"Plasencia\")) }"), "l");
    assert_eq!(labels, vec!["Felix Plasencia Gonzalez"], "exactly one rdfs:label");
}

/// Ingests `lines` as one batch and lists the articles of each pact node ("p1 p2"), sorted.
fn pact_groups(store: &std::path::Path, f: &std::path::Path, lines: &[&str]) -> Vec<String> {
    std::fs::write(f, lines.join("\n")).unwrap();
    let o = entente(&["ingest", "--store", store.to_str().unwrap(), f.to_str().unwrap()]);
    assert!(o.status.success(), "{}", stderr(&o));
    let r = select(store, "SELECT ?p (GROUP_CONCAT(?id) AS ?ids) WHERE { GRAPH ?g { ?p a ent:Pact } ?g prov:wasDerivedFrom/dcterms:identifier ?id } GROUP BY ?p");
    let mut groups: Vec<String> = column(&r, "ids").into_iter().map(|g| {
        let mut v: Vec<&str> = g.split(' ').collect();
        v.sort();
        v.join(" ")
    }).collect();
    groups.sort();
    groups
}

#[test]
fn one_pact_node_across_articles_by_countries_and_topic_or_duration() {
    let dir = tmp();
    let store = dir.path().join("s");
    let f = dir.path().join("batch.jsonl");
    let lines = [
        r#"{"id":"p1","date":"1986-07-31","text":"TOKYO, July 31 - Japan and the United States signed an agreement on semiconductor trade."}"#,
        r#"{"id":"p2","date":"1987-04-08","text":"WASHINGTON, April 8 - The U.S. said Japan was violating the U.S.-Japanese semiconductor pact."}"#,
        r#"{"id":"p3","date":"1987-04-09","text":"TOKYO, April 9 - Japan and the United States signed an agreement on rice."}"#,
    ];
    let groups = pact_groups(&store, &f, &lines);
    assert_eq!(groups, vec!["p1 p2", "p3"], "the semiconductor pact is one node, the rice agreement another");
    // each article keeps the status it reports: signed in 1986, in force (violated) in 1987
    let r = select(&store, "SELECT ?id ?s WHERE { GRAPH ?g { ?p a ent:Pact ; ent:status ?s } ?g prov:wasDerivedFrom/dcterms:identifier ?id } ORDER BY ?id");
    let statuses: Vec<String> = column(&r, "s").iter().map(|s| s.rsplit('#').next().unwrap_or("").to_owned()).collect();
    assert_eq!(statuses, vec!["Signed", "InForce", "Signed"]);
}

#[test]
fn one_pact_node_across_articles_by_parties_kind_and_year() {
    let dir = tmp();
    let store = dir.path().join("s");
    let f = dir.path().join("batch.jsonl");
    let lines = [
        r#"{"id":"q1","date":"2023-03-02","text":"Chile and Peru signed an accord on Thursday."}"#,
        r#"{"id":"q2","date":"2023-09-14","text":"The deal between Chile and Peru took effect on Monday."}"#,
        r#"{"id":"q3","date":"2019-05-20","text":"Chile and Peru signed an agreement on Friday."}"#,
        r#"{"id":"q4","date":"2023-06-01","text":"The truce between Chile and Peru took effect on Monday."}"#,
    ];
    let groups = pact_groups(&store, &f, &lines);
    assert_eq!(groups, vec!["q1 q2", "q3", "q4"], "one 2023 agreement told twice; a 2019 agreement and a truce are others");
}

#[test]
fn one_pact_node_across_articles_by_its_own_name() {
    let dir = tmp();
    let store = dir.path().join("s");
    let f = dir.path().join("batch.jsonl");
    let lines = [
        r#"{"id":"n1","date":"2021-02-22","text":"Chile, Peru and Bolivia signed the Arica accord on Monday."}"#,
        r#"{"id":"n2","date":"2024-10-03","text":"Peru said Chile had not honoured the Arica accord."}"#,
        r#"{"id":"n3","date":"2024-10-04","text":"Peru and Chile signed the Tacna accord on Friday."}"#,
        r#"{"id":"n4","date":"2024-10-05","text":"Peru and Chile signed a Free Trade Agreement on Saturday."}"#,
        r#"{"id":"n5","date":"2024-10-06","text":"Peru and Ecuador signed a Free Trade Agreement on Sunday."}"#,
    ];
    let groups = pact_groups(&store, &f, &lines);
    assert_eq!(
        groups,
        vec!["n1 n2", "n3", "n4", "n5"],
        "a name joins its tellings whoever they name as bound; a description ('Free Trade Agreement') is no name"
    );
}

#[test]
fn bodies_and_posts_without_an_owner_stay_with_their_article_and_holder() {
    let dir = tmp();
    let store = dir.path().join("s");
    let f = dir.path().join("batch.jsonl");
    let lines = [
        r#"{"id":"b1","date":"2024-05-02","text":"The Foreign Ministry said President Ana Ruiz would travel."}"#,
        r#"{"id":"b2","date":"2024-05-03","text":"The Foreign Ministry said President Luis Vera would travel."}"#,
    ];
    std::fs::write(&f, lines.join("\n")).unwrap();
    let o = entente(&["ingest", "--store", store.to_str().unwrap(), f.to_str().unwrap()]);
    assert!(o.status.success(), "{}", stderr(&o));
    let orgs = select(&store, "SELECT DISTINCT ?o WHERE { ?o a schema:Organization ; rdfs:label \"Foreign Ministry\" }");
    assert_eq!(column(&orgs, "o").len(), 2, "two stories' foreign ministries are not one body");
    let posts = select(&store, "SELECT DISTINCT ?post WHERE { ?p org:holds ?post }");
    assert_eq!(column(&posts, "post").len(), 2, "two unqualified presidencies are not one post");
}

/// Determinism (issue 12): the same articles give byte-identical N-Quads across runs and in any
/// input order, cross-article links (a surname alone, one pact told twice) included.
#[test]
fn same_nquads_byte_for_byte_whatever_the_input_order() {
    let dir = tmp();
    let lines = [
        r#"{"id":"det-1","date":"1987-03-02","text":"TOKYO, March 2 - President Ronald Reagan met Japanese Prime Minister Yasuhiro Nakasone in Tokyo on Monday. The two countries signed a semiconductor agreement."}"#,
        r#"{"id":"det-2","date":"1987-03-05","text":"WASHINGTON, March 5 - President Reagan said the semiconductor pact with Japan was working. Secretary of State George Shultz will visit Beijing next week."}"#,
        r#"{"id":"det-3","date":"1987-04-01","text":"Reagan met the press in Washington. Shultz held talks with Chinese Foreign Minister Wu Xueqian in Beijing on Tuesday."}"#,
    ];
    let forward = dir.path().join("forward.jsonl");
    let backward = dir.path().join("backward.jsonl");
    std::fs::write(&forward, lines.join("\n")).unwrap();
    std::fs::write(&backward, lines.iter().rev().copied().collect::<Vec<_>>().join("\n")).unwrap();
    let mut exports = Vec::new();
    for (k, (input, threads)) in [(&forward, "1"), (&backward, "1"), (&forward, "1"), (&forward, "4")].into_iter().enumerate() {
        let store = dir.path().join(format!("s{k}"));
        let o = entente(&["ingest", "--threads", threads, "--store", store.to_str().unwrap(), input.to_str().unwrap()]);
        assert!(o.status.success(), "{}", stderr(&o));
        // piped, the ingest writes its one summary line and no progress display
        assert_eq!(stderr(&o).lines().count(), 1, "{}", stderr(&o));
        let out = dir.path().join(format!("{k}.nq"));
        export(&store, "nquads", &out);
        exports.push(std::fs::read(&out).unwrap());
    }
    assert!(exports[0].len() > 1000);
    assert!(exports[0] == exports[2], "two runs on the same input differ");
    assert!(exports[0] == exports[1], "the input order changed the N-Quads");
    assert!(exports[0] == exports[3], "the number of extraction threads changed the N-Quads");
}

/// `stats` sums up a large store (totals, the articles with the most events); `--all` lists
/// every article.
#[test]
fn stats_shows_the_top_articles_and_all_of_them_on_request() {
    let dir = tmp();
    let store = dir.path().join("s");
    let f = dir.path().join("many.jsonl");
    let mut lines: Vec<String> = (0..30).map(|k| format!(r#"{{"id":"quiet-{k:02}","text":"Markets were calm on day {k}."}}"#)).collect();
    lines.push(r#"{"id":"busy","date":"2024-05-15","text":"President Ana Ruiz met President Luis Vera in Lima on Monday. Chile and Peru signed a fishing pact."}"#.to_owned());
    std::fs::write(&f, lines.join("\n")).unwrap();
    let o = entente(&["ingest", "--store", store.to_str().unwrap(), f.to_str().unwrap()]);
    assert!(o.status.success(), "{}", stderr(&o));
    let top = entente(&["stats", "--store", store.to_str().unwrap()]);
    let text = String::from_utf8_lossy(&top.stdout).to_string();
    assert!(text.contains("top 20 of 31 articles"), "{text}");
    let first_row = text.lines().skip_while(|l| !l.trim_start().starts_with("article")).nth(1).unwrap_or_default();
    assert!(first_row.trim_start().starts_with("busy"), "{text}");
    assert_eq!(text.lines().filter(|l| l.trim_start().starts_with("quiet-")).count(), 19, "{text}");
    let all = entente(&["stats", "--all", "--store", store.to_str().unwrap()]);
    let text = String::from_utf8_lossy(&all.stdout).to_string();
    assert!(text.contains("per article (31)"), "{text}");
    assert_eq!(text.lines().filter(|l| l.trim_start().starts_with("quiet-")).count(), 30, "{text}");
}

/// `entente extract` (issue 10): a pure map from articles to N-Quads, the same for any number
/// of threads; an article's graph is the one `ingest` stores for it in a fresh store; a bad
/// record is reported with its line and the others still written.
#[test]
fn extract_writes_each_articles_graph_as_ingest_stores_it() {
    let dir = tmp();
    let f = dir.path().join("batch.jsonl");
    let lines = [
        r#"{"id":"x1","date":"2024-05-15","text":"President Ana Ruiz of Chile met President Luis Vera of Peru in Lima on Monday. Chile and Peru signed a fishing pact."}"#,
        r#"{"id":"x2","text":"#,
        r#"{"id":"x3","date":"2024-05-16","text":"The European Union imposed sanctions on Belarus on Thursday."}"#,
    ];
    std::fs::write(&f, lines.join("\n")).unwrap();
    let one = entente(&["extract", "--threads", "1", f.to_str().unwrap()]);
    let many = entente(&["extract", "--threads", "4", f.to_str().unwrap()]);
    assert_eq!(one.status.code(), Some(1), "{}", stderr(&one));
    assert!(stderr(&one).contains("batch.jsonl:2"), "{}", stderr(&one));
    assert!(stderr(&one).contains("extracted 2 articles; 1 error"), "{}", stderr(&one));
    assert!(one.stdout == many.stdout, "the number of threads changed the output");
    let extracted: Vec<String> = {
        let mut v: Vec<String> = String::from_utf8_lossy(&one.stdout).lines().map(str::to_owned).collect();
        v.sort();
        v
    };
    assert!(extracted.iter().any(|l| l.ends_with("<https://w3id.org/entente/graph/x3> .")));
    // the first article alone in a fresh store: its stored graph is the extracted one
    let single = dir.path().join("x1.jsonl");
    std::fs::write(&single, lines[0]).unwrap();
    let store = dir.path().join("s");
    let o = entente(&["ingest", "--store", store.to_str().unwrap(), single.to_str().unwrap()]);
    assert!(o.status.success(), "{}", stderr(&o));
    let out = dir.path().join("x1.nq");
    export(&store, "nquads", &out);
    let graph = "<https://w3id.org/entente/graph/x1> .";
    let mut stored: Vec<String> = std::fs::read_to_string(&out).unwrap().lines().filter(|l| l.ends_with(graph)).map(str::to_owned).collect();
    stored.sort();
    let mine: Vec<String> = extracted.iter().filter(|l| l.ends_with(graph)).cloned().collect();
    assert!(stored.len() > 50);
    assert_eq!(stored, mine);
}
