//! Graph exports opened by the tools they are made for (xmllint with the official GraphML XSD,
//! jing with the official GEXF RELAX NG schema, networkx, cytoscape.js, Graphviz), with node
//! and edge counts equal to what SPARQL computes on the same store; RDF exports read by rdflib
//! and the dataset validated by pyshacl against `ontology/shapes.ttl`.

use std::path::{Path, PathBuf};
use std::process::Command;

use crate::common::*;

const ACTOR_TYPES: &str = "schema:Person schema:Country schema:Organization";
const ROLES: &str = "sem:hasActor ent:party ent:signatory ent:imposer ent:target ent:host sem:hasPlace";

fn count(store: &Path, q: &str) -> usize {
    column(&select(store, q), "n")[0].parse().unwrap()
}

/// Nodes and edges of the events projection, computed by SPARQL.
fn events_counts(store: &Path) -> (usize, usize) {
    let actors = count(store, &format!("SELECT (COUNT(DISTINCT ?a) AS ?n) WHERE {{ VALUES ?t {{ {ACTOR_TYPES} }} ?a a ?t ; rdfs:label ?l }}"));
    let places = count(store, &format!(
        "SELECT (COUNT(DISTINCT ?p) AS ?n) WHERE {{ ?p a schema:Place ; rdfs:label ?l FILTER NOT EXISTS {{ VALUES ?t {{ {ACTOR_TYPES} }} ?p a ?t }} }}"
    ));
    let events = count(store, "SELECT (COUNT(DISTINCT ?e) AS ?n) WHERE { VALUES ?t { ent:Meeting ent:Pact ent:Sanction } ?e a ?t }");
    let edges = count(store, &format!(
        "SELECT (COUNT(*) AS ?n) WHERE {{ SELECT DISTINCT ?e ?p ?x WHERE {{ VALUES ?t {{ ent:Meeting ent:Pact ent:Sanction }} ?e a ?t .
           VALUES ?p {{ {ROLES} }} ?e ?p ?x . ?x rdfs:label ?l . {{ VALUES ?xt {{ {ACTOR_TYPES} schema:Place }} ?x a ?xt }} }} }}"
    ));
    (actors + places + events, edges)
}

/// Nodes and edges of the actors projection, computed by SPARQL.
fn actors_counts(store: &Path) -> (usize, usize) {
    let actors = count(store, &format!("SELECT (COUNT(DISTINCT ?a) AS ?n) WHERE {{ VALUES ?t {{ {ACTOR_TYPES} }} ?a a ?t ; rdfs:label ?l }}"));
    let pairs = count(store, &format!(
        "SELECT (COUNT(*) AS ?n) WHERE {{ SELECT DISTINCT ?a ?b WHERE {{ VALUES ?t {{ ent:Meeting ent:Pact }} ?e a ?t .
           VALUES ?p {{ sem:hasActor ent:party ent:signatory ent:host }} VALUES ?q {{ sem:hasActor ent:party ent:signatory ent:host }}
           ?e ?p ?a ; ?q ?b . VALUES ?ta {{ {ACTOR_TYPES} }} VALUES ?tb {{ {ACTOR_TYPES} }} ?a a ?ta ; rdfs:label ?la . ?b a ?tb ; rdfs:label ?lb .
           FILTER(STR(?a) < STR(?b)) }} }}"
    ));
    (actors, pairs)
}

fn export(store: &Path, format: &str, projection: &str, out: &Path) {
    let o = entente(&["export", "--store", store.to_str().unwrap(), "--format", format, "--projection", projection, "--output", out.to_str().unwrap()]);
    assert!(o.status.success(), "export {format}: {}", stderr(&o));
}

fn tool(name: &str) -> PathBuf {
    let found = Command::new("sh").args(["-c", &format!("command -v {name}")]).output().unwrap();
    assert!(found.status.success(), "{name} is missing: run .ci/run (it installs graphviz, libxml2-utils, jing, node)");
    PathBuf::from(String::from_utf8_lossy(&found.stdout).trim())
}

fn schemas() -> PathBuf {
    let p = root().join("../shared/schemas");
    assert!(p.is_dir(), "{} is missing: the official schemas must sit beside the checkout (shared/)", p.display());
    p
}

fn counts_for(store: &Path, projection: &str) -> (usize, usize) {
    if projection == "events" { events_counts(store) } else { actors_counts(store) }
}

#[test]
fn graphml_validates_against_the_official_xsd_and_loads_in_networkx() {
    let dir = tmp();
    let store = example_store(dir.path());
    for projection in ["events", "actors"] {
        let out = dir.path().join(format!("{projection}.graphml"));
        export(&store, "graphml", projection, &out);
        let o = Command::new(tool("xmllint"))
            .args(["--noout", "--nonet", "--schema"])
            .arg(schemas().join("graphml-1.0/graphml.xsd"))
            .arg(&out)
            .output()
            .unwrap();
        assert!(o.status.success(), "xmllint: {}", String::from_utf8_lossy(&o.stderr));
        let r = run_python(
            "import sys, networkx as nx\ng=nx.read_graphml(sys.argv[1])\n\
             iris={d['iri'] for _,d in g.nodes(data=True)}\nassert len(iris)==g.number_of_nodes()\n\
             print(g.number_of_nodes(), g.number_of_edges())",
            &[out.to_str().unwrap()],
        );
        let want = counts_for(&store, projection);
        assert_eq!(r.trim(), format!("{} {}", want.0, want.1), "{projection}");
    }
}

#[test]
fn gexf_validates_against_the_official_relax_ng_schema_and_loads_in_networkx() {
    let dir = tmp();
    let store = example_store(dir.path());
    for projection in ["events", "actors"] {
        let out = dir.path().join(format!("{projection}.gexf"));
        export(&store, "gexf", projection, &out);
        let o = Command::new(tool("jing")).arg("-c").arg(schemas().join("gexf-1.3/gexf.rnc")).arg(&out).output().unwrap();
        assert!(o.status.success(), "jing: {}{}", String::from_utf8_lossy(&o.stdout), String::from_utf8_lossy(&o.stderr));
        let r = run_python(
            "import sys, networkx as nx, networkx.readwrite.gexf as gx\n\
             # networkx knows GEXF up to 1.2draft; 1.3 reads the same way in its own namespaces\n\
             gx.GEXF.versions['1.3']=dict(gx.GEXF.versions['1.2draft'], NS_GEXF='http://gexf.net/1.3', NS_VIZ='http://gexf.net/1.3/viz', SCHEMALOCATION='', VERSION='1.3')\n\
             g=nx.read_gexf(sys.argv[1], version='1.3')\n\
             dated=[n for n,d in g.nodes(data=True) if d.get('kind')=='Meeting' and 'start' in d]\n\
             colored=[n for n,d in g.nodes(data=True) if 'viz' in d and 'color' in d['viz']]\n\
             print(g.number_of_nodes(), g.number_of_edges(), g.graph.get('mode'), len(dated) > 0 or sys.argv[2]=='actors', len(colored)==g.number_of_nodes())",
            &[out.to_str().unwrap(), projection],
        );
        let want = counts_for(&store, projection);
        assert_eq!(r.trim(), format!("{} {} dynamic True True", want.0, want.1), "{projection}");
    }
}

#[test]
fn cytoscape_json_loads_in_cytoscape_js_without_dangling_edges() {
    let dir = tmp();
    let store = example_store(dir.path());
    let js = root().join("tests/js");
    assert!(js.join("node_modules/cytoscape").is_dir(), "cytoscape.js is missing: run `npm ci --prefix tests/js` (what .ci/run does)");
    for projection in ["events", "actors"] {
        let out = dir.path().join(format!("{projection}.cyjs"));
        export(&store, "cyjs", projection, &out);
        let o = Command::new(tool("node")).arg(js.join("check_cyjs.js")).arg(&out).output().unwrap();
        assert!(o.status.success(), "node: {}", String::from_utf8_lossy(&o.stderr));
        let want = counts_for(&store, projection);
        assert_eq!(String::from_utf8_lossy(&o.stdout).trim(), format!("{} {} 0", want.0, want.1), "{projection}");
    }
}

#[test]
fn dot_renders_with_graphviz() {
    let dir = tmp();
    let store = example_store(dir.path());
    for projection in ["events", "actors"] {
        let out = dir.path().join(format!("{projection}.dot"));
        export(&store, "dot", projection, &out);
        let o = Command::new(tool("dot")).arg("-Tsvg").arg(&out).output().unwrap();
        assert!(o.status.success(), "dot: {}", String::from_utf8_lossy(&o.stderr));
        let svg = String::from_utf8_lossy(&o.stdout);
        let want = counts_for(&store, projection);
        assert_eq!(svg.matches("class=\"node\"").count(), want.0, "{projection}");
        assert_eq!(svg.matches("class=\"edge\"").count(), want.1, "{projection}");
        // the layout is in the file: `dot -Tsvg` draws a picture, not a 5357×116 strip
        let size = |attr: &str| -> f64 {
            let at = svg.find(&format!("{attr}=\"")).unwrap() + attr.len() + 2;
            svg[at..].split(|c: char| !c.is_ascii_digit() && c != '.').next().unwrap().parse().unwrap()
        };
        let (w, h) = (size("width"), size("height"));
        assert!(w / h < 3.0 && h / w < 3.0, "{projection}: a {w}×{h} picture");
    }
}

#[test]
fn d3_json_loads_in_networkx_node_link_graph() {
    let dir = tmp();
    let store = example_store(dir.path());
    for projection in ["events", "actors"] {
        let out = dir.path().join(format!("{projection}.json"));
        export(&store, "d3", projection, &out);
        let r = run_python(
            "import sys, json, networkx as nx\ng=nx.node_link_graph(json.load(open(sys.argv[1])), edges='links')\nprint(g.number_of_nodes(), g.number_of_edges())",
            &[out.to_str().unwrap()],
        );
        let want = counts_for(&store, projection);
        assert_eq!(r.trim(), format!("{} {}", want.0, want.1), "{projection}");
    }
}

#[test]
fn gephi_csv_edges_reference_existing_nodes() {
    let dir = tmp();
    let store = example_store(dir.path());
    for projection in ["events", "actors"] {
        let out = dir.path().join(format!("{projection}-csv"));
        export(&store, "csv", projection, &out);
        let r = run_python(
            "import sys, csv, os\nd=sys.argv[1]\n\
             nodes=list(csv.DictReader(open(os.path.join(d,'nodes.csv'), newline='')))\n\
             edges=list(csv.DictReader(open(os.path.join(d,'edges.csv'), newline='')))\n\
             ids={n['Id'] for n in nodes}\nassert all(n['Label'] for n in nodes)\n\
             assert set(edges[0].keys()) >= {'Source','Target','Type','Id','Label','Weight'} if edges else True\n\
             bad=[e for e in edges if e['Source'] not in ids or e['Target'] not in ids]\n\
             assert len({e['Id'] for e in edges})==len(edges)\n\
             print(len(nodes), len(edges), len(bad))",
            &[out.to_str().unwrap()],
        );
        let want = counts_for(&store, projection);
        assert_eq!(r.trim(), format!("{} {} 0", want.0, want.1), "{projection}");
    }
    let o = entente(&["export", "--store", store.to_str().unwrap(), "--format", "csv"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("--output DIR"), "{}", stderr(&o));
}

#[test]
fn a_query_selects_the_subgraph_to_export() {
    let dir = tmp();
    let store = example_store(dir.path());
    let q = dir.path().join("maduro.rq");
    std::fs::write(
        &q,
        "CONSTRUCT { ?m sem:hasActor ?a } WHERE { ?m a ent:Meeting ; sem:hasActor ?a , ?maduro .
           ?maduro rdfs:label \"Nicolás Maduro\" }",
    )
    .unwrap();
    let out = dir.path().join("sub.json");
    let o = entente(&["export", "--store", store.to_str().unwrap(), "--format", "d3", "--query", q.to_str().unwrap(), "--output", out.to_str().unwrap()]);
    assert!(o.status.success(), "{}", stderr(&o));
    // the selection: Maduro's meetings and their participants; the export keeps every edge
    // (any role) between selected nodes
    let nodes = count(
        &store,
        "SELECT (COUNT(DISTINCT ?x) AS ?n) WHERE { ?maduro rdfs:label \"Nicolás Maduro\" .
           { ?x a ent:Meeting ; sem:hasActor ?maduro } UNION { ?m a ent:Meeting ; sem:hasActor ?maduro , ?x } }",
    );
    let edges = count(
        &store,
        &format!("SELECT (COUNT(*) AS ?n) WHERE {{ SELECT DISTINCT ?m ?p ?x WHERE {{ ?maduro rdfs:label \"Nicolás Maduro\" .
           ?m a ent:Meeting ; sem:hasActor ?maduro . VALUES ?p {{ {ROLES} }} ?m ?p ?x .
           ?m2 a ent:Meeting ; sem:hasActor ?maduro , ?x }} }}"),
    );
    let r = run_python(
        "import sys, json, networkx as nx\ng=nx.node_link_graph(json.load(open(sys.argv[1])), edges='links')\nprint(g.number_of_nodes(), g.number_of_edges())",
        &[out.to_str().unwrap()],
    );
    assert_eq!(r.trim(), format!("{nodes} {edges}"));
    assert!(nodes >= 4, "Maduro, his counterparts and the meetings");
}

#[test]
fn rdf_exports_parse_in_rdflib_and_the_dataset_conforms_to_the_shapes() {
    let dir = tmp();
    let store = example_store(dir.path());
    let named = count(&store, "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }");
    let merged = count(&store, "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }");
    let (trig, jsonld, rdfxml) = (dir.path().join("d.trig"), dir.path().join("d.jsonld"), dir.path().join("d.rdf"));
    for (f, p) in [("trig", &trig), ("jsonld", &jsonld), ("rdfxml", &rdfxml)] {
        export(&store, f, "events", p);
    }
    let r = run_python(
        "import sys, rdflib, pyshacl\n\
         j=rdflib.Dataset(); j.parse(sys.argv[2], format='json-ld')\n\
         x=rdflib.Graph().parse(sys.argv[3], format='xml')\n\
         d=rdflib.Dataset(); d.parse(sys.argv[1], format='trig')\n\
         g=rdflib.Graph()\n\
         for s,p,o,_ in d.quads((None,None,None,None)): g.add((s,p,o))\n\
         ok, _, text = pyshacl.validate(g, shacl_graph=rdflib.Graph().parse(sys.argv[4]))\n\
         print(len(list(j.quads((None,None,None,None)))), len(x), ok)\n\
         print(text if not ok else '')",
        &[
            trig.to_str().unwrap(),
            jsonld.to_str().unwrap(),
            rdfxml.to_str().unwrap(),
            root().join("ontology/shapes.ttl").to_str().unwrap(),
            root().join("ontology/entente.ttl").to_str().unwrap(),
        ],
    );
    let first = r.lines().next().unwrap();
    assert_eq!(first, format!("{named} {merged} True"), "{r}");
}

#[test]
fn analyze_and_path() {
    let dir = tmp();
    let store = example_store(dir.path());
    let s = store.to_str().unwrap();
    let o = entente(&["analyze", "--store", s, "--format", "json", "--top", "0"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let rows = v.as_array().unwrap();
    let (actors, _) = actors_counts(&store);
    assert_eq!(rows.len(), actors);
    let maduro = rows.iter().find(|r| r["label"] == "Nicolás Maduro").unwrap();
    // Maduro met Raisi, Khamenei and visited Iran: three distinct counterparts
    assert_eq!(maduro["degree"], 3, "{maduro}");
    let total: f64 = rows.iter().map(|r| r["pagerank"].as_f64().unwrap()).sum();
    assert!((total - 1.0).abs() < 1e-6);
    for f in ["table", "csv"] {
        let o = entente(&["analyze", "--store", s, "--format", f]);
        assert!(o.status.success() && stdout(&o).contains("Nicolás Maduro"), "{f}");
    }

    let o = entente(&["path", "--store", s, "Ali Khamenei", "felix plasencia"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let text = stdout(&o);
    assert!(text.starts_with("Ali Khamenei\n"), "{text}");
    assert!(text.trim_end().ends_with("Felix Plasencia Gonzalez"), "{text}");
    assert!(text.contains("After meeting Maduro and his delegation Saturday"), "evidence sentence: {text}");
    assert!(text.contains("article 001_dfafc45ae2fb4ba3"), "{text}");

    let o = entente(&["path", "--store", s, "Ali Khamenei", "Nobody Known"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).starts_with("entente: no actor is named \"Nobody Known\""), "{}", stderr(&o));
}

/// An article whose text holds control characters (a bell, a vertical tab, as scraped pages and
/// old wire feeds carry) still exports to the XML formats: the characters XML 1.0 cannot hold
/// are spaces in the stored text, one for one, so rdflib reads the RDF/XML and xmllint the
/// GraphML, and the evidence offsets still match the text.
#[test]
fn control_characters_in_an_article_leave_the_xml_exports_valid() {
    let dir = tmp();
    let file = dir.path().join("cc.jsonl");
    std::fs::write(&file, "{\"id\":\"cc\",\"date\":\"2024-05-01\",\"title\":\"Talks\\u0001\",\"text\":\"President Ana Ruiz of Chile met President Luis\\u0007 Vera of Peru in Lima on Monday.\\u000b Chile and Peru signed a fishing pact.\"}\n").unwrap();
    let store = dir.path().join("store");
    let o = entente(&["ingest", "--store", store.to_str().unwrap(), file.to_str().unwrap()]);
    assert!(o.status.success(), "{}", stderr(&o));
    let (rdfxml, graphml) = (dir.path().join("d.rdf"), dir.path().join("d.graphml"));
    export(&store, "rdfxml", "events", &rdfxml);
    export(&store, "graphml", "events", &graphml);
    let o = Command::new(tool("xmllint")).args(["--noout", "--nonet"]).arg(&rdfxml).arg(&graphml).output().unwrap();
    assert!(o.status.success(), "xmllint: {}", String::from_utf8_lossy(&o.stderr));
    let r = run_python(
        "import sys, rdflib\nx=rdflib.Graph().parse(sys.argv[1], format='xml')\n\
         NIF=rdflib.Namespace('http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#')\n\
         ctx=[str(o) for o in x.objects(None, NIF.isString)]\n\
         bad=[(str(a),b,e) for s,a in x.subject_objects(NIF.anchorOf) for b in x.objects(s,NIF.beginIndex) for e in x.objects(s,NIF.endIndex) if ctx and ctx[0][int(b):int(e)]!=str(a)]\n\
         print(len(x) > 0, len(ctx), bad)",
        &[rdfxml.to_str().unwrap()],
    );
    assert_eq!(r.trim(), "True 1 []", "{r}");
}

/// Found by the reader property tests (issue #12, fuzzing): control characters and U+FFFE in
/// an article's id or url (a JSON record's, an `id:` header's, a file name's) were stored as
/// they were, and the RDF/XML, GraphML and GEXF exports could not be read. They are spaces now,
/// as in the text.
#[test]
fn control_characters_in_an_id_or_url_leave_the_xml_exports_valid() {
    let dir = tmp();
    let file = dir.path().join("cc.jsonl");
    std::fs::write(&file, "{\"id\":\"a\\u0001b\\uFFFEc\",\"url\":\"https://example.org/\\u0002x\",\"title\":\"T\\uFFFF\",\"text\":\"President Ana Ruiz of Chile met President Luis Vera of Peru in Lima on Monday.\"}\n").unwrap();
    let store = dir.path().join("store");
    let o = entente(&["ingest", "--store", store.to_str().unwrap(), file.to_str().unwrap()]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert_eq!(column(&select(&store, "SELECT ?id WHERE { ?a dcterms:identifier ?id }"), "id"), ["a b c"]);
    let outputs: Vec<PathBuf> = ["rdfxml", "graphml", "gexf"].iter().map(|f| dir.path().join(format!("d.{f}"))).collect();
    for (format, out) in ["rdfxml", "graphml", "gexf"].iter().zip(&outputs) {
        export(&store, format, "events", out);
    }
    let o = Command::new(tool("xmllint")).args(["--noout", "--nonet"]).args(&outputs).output().unwrap();
    assert!(o.status.success(), "xmllint: {}", String::from_utf8_lossy(&o.stderr));
}
