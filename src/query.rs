//! SPARQL over the store with the default graph as the union of all article graphs, written in
//! the W3C result formats (JSON, XML, CSV, TSV), as a readable table, or as RDF for
//! CONSTRUCT/DESCRIBE.

use std::collections::HashSet;
use std::io::Write;

use oxigraph::io::{RdfFormat, RdfSerializer};
use oxigraph::model::{GraphName, NamedNode, NamedOrBlankNode, Term, Triple, Variable};
use oxigraph::sparql::results::{QueryResultsFormat, QueryResultsSerializer};
pub use oxigraph::sparql::CancellationToken;
use oxigraph::sparql::{QueryEvaluationError, QueryResults, SparqlEvaluator};

use crate::rdf::vocab::PREFIXES;
use crate::store::EntenteStore;

/// How SELECT and ASK results are written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ResultFormat {
    /// An aligned table with prefixed names, for people.
    Table,
    /// W3C SPARQL 1.1 CSV.
    Csv,
    /// W3C SPARQL 1.1 TSV.
    Tsv,
    /// W3C SPARQL 1.1 JSON.
    Json,
    /// W3C SPARQL XML.
    Xml,
}

/// How CONSTRUCT and DESCRIBE results (and graphs read whole) are written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum GraphFormat {
    /// Turtle with Entente's prefixes.
    Turtle,
    /// N-Triples.
    NTriples,
    /// JSON-LD (expanded, with Entente's prefixes in its context).
    JsonLd,
    /// RDF/XML with Entente's prefixes.
    RdfXml,
}

impl GraphFormat {
    /// The IANA media type of the format.
    pub fn media_type(self) -> &'static str {
        self.rdf_format().media_type()
    }

    fn rdf_format(self) -> RdfFormat {
        match self {
            GraphFormat::Turtle => RdfFormat::Turtle,
            GraphFormat::NTriples => RdfFormat::NTriples,
            GraphFormat::JsonLd => RdfFormat::JsonLd { profile: oxigraph::io::JsonLdProfileSet::empty() },
            GraphFormat::RdfXml => RdfFormat::RdfXml,
        }
    }
}

impl ResultFormat {
    /// The IANA media type of the format (`text/plain` for the table).
    pub fn media_type(self) -> &'static str {
        match self {
            ResultFormat::Table => "text/plain; charset=utf-8",
            other => results_format(other).media_type(),
        }
    }
}

/// The RDF dataset a query runs on when its caller names one (the SPARQL Protocol's
/// `default-graph-uri` and `named-graph-uri`); empty, the query's own `FROM` clauses or else the
/// store's default graph (the merge of all article graphs) and every named graph.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Dataset {
    /// The graphs whose merge is the default graph.
    pub default_graphs: Vec<NamedNode>,
    /// The graphs `GRAPH ?g` may reach.
    pub named_graphs: Vec<NamedNode>,
}

/// The whole answer of a query, in memory: a server can then choose its status and format
/// after the evaluation, and a time limit stops the evaluation, never a half-written response.
#[derive(Debug, Clone, PartialEq)]
pub enum Answer {
    /// A SELECT's variables and rows (a row holds one term or none per variable).
    Solutions {
        /// The projected variables, in order.
        variables: Vec<Variable>,
        /// The rows.
        rows: Vec<Vec<Option<Term>>>,
    },
    /// An ASK's answer.
    Boolean(bool),
    /// A CONSTRUCT's or DESCRIBE's triples, each once, in the order first produced.
    Graph(Vec<Triple>),
}

/// An error running a query.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum QueryError {
    /// The query does not parse.
    #[error("query {name}: SPARQL syntax error {message}; fix the query (https://www.w3.org/TR/sparql11-query/)")]
    Syntax {
        /// The query's name (file or "argument").
        name: String,
        /// The parser's message, with its position.
        message: String,
    },
    /// The query failed while running.
    #[error("query {name}: {message}")]
    Evaluation {
        /// The query's name.
        name: String,
        /// What failed.
        message: String,
    },
    /// The caller cancelled the query (its time limit ran out) before it finished.
    #[error("query {name}: stopped before it finished (its time limit ran out); make it more selective or add a LIMIT")]
    Cancelled {
        /// The query's name.
        name: String,
    },
    /// The query nests deeper than [`MAX_NESTING`] or chains more than [`MAX_OPERATORS`].
    #[error("query {name}: nested over {MAX_NESTING} levels deep (braces, parentheses, brackets) or over {MAX_OPERATORS} operators and groups long, which would overflow the parser's stack; flatten it (long lists go in VALUES or IN (…))")]
    TooComplex {
        /// The query's name.
        name: String,
    },
    /// The answer has more rows or triples than the caller takes at once.
    #[error("query {name}: the answer has more than {max} rows (or triples); add LIMIT and OFFSET to read it in parts")]
    TooLarge {
        /// The query's name.
        name: String,
        /// The most rows or triples taken.
        max: usize,
    },
    /// The output could not be written.
    #[error("cannot write the results: {0}")]
    Io(#[from] std::io::Error),
}

/// Runs `sparql` on `store` and writes its results to `out`.
///
/// # Errors
/// A syntax error, an evaluation error, or a failed write.
pub fn run(
    store: &EntenteStore,
    name: &str,
    sparql: &str,
    format: ResultFormat,
    graph_format: GraphFormat,
    out: &mut dyn Write,
) -> Result<(), QueryError> {
    match evaluate(store, name, sparql, &Dataset::default(), None)? {
        Answer::Solutions { variables, rows } => write_solutions(&variables, &rows, format, out),
        Answer::Boolean(b) => write_boolean(b, format, out),
        Answer::Graph(triples) => write_graph(&triples, graph_format, out),
    }
}

/// Evaluates `sparql` on `store` over `dataset` and returns the whole answer. `cancel`, when
/// given and cancelled by another thread, stops the evaluation with [`QueryError::Cancelled`].
///
/// # Errors
/// A syntax error (with the parser's position), an IRI of `dataset` that is not one, an
/// evaluation error, or a cancellation.
pub fn evaluate(
    store: &EntenteStore,
    name: &str,
    sparql: &str,
    dataset: &Dataset,
    cancel: Option<&CancellationToken>,
) -> Result<Answer, QueryError> {
    evaluate_at_most(store, name, sparql, dataset, cancel, usize::MAX)
}

/// As [`evaluate`], but an answer of more than `max` rows (or triples) is refused as soon as
/// it passes them, with [`QueryError::TooLarge`]: the answer is held whole in memory, so a
/// server bounds it.
///
/// # Errors
/// As [`evaluate`], and [`QueryError::TooLarge`].
pub fn evaluate_at_most(
    store: &EntenteStore,
    name: &str,
    sparql: &str,
    dataset: &Dataset,
    cancel: Option<&CancellationToken>,
    max: usize,
) -> Result<Answer, QueryError> {
    let mut prepared = prepare_with(name, sparql, cancel)?;
    if !dataset.default_graphs.is_empty() || !dataset.named_graphs.is_empty() {
        // the protocol's dataset replaces the query's FROM / FROM NAMED
        let d = prepared.dataset_mut();
        d.set_default_graph(dataset.default_graphs.iter().cloned().map(GraphName::from).collect());
        d.set_available_named_graphs(dataset.named_graphs.iter().cloned().map(NamedOrBlankNode::from).collect());
    }
    let eval = |e: QueryEvaluationError| match e {
        QueryEvaluationError::Cancelled => QueryError::Cancelled { name: name.to_owned() },
        e => QueryError::Evaluation { name: name.to_owned(), message: e.to_string() },
    };
    // The store's default graph already is the merge of all article graphs (see `store`).
    Ok(match prepared.on_store(store.inner()).execute().map_err(eval)? {
        QueryResults::Solutions(solutions) => {
            let variables = solutions.variables().to_vec();
            let mut rows = Vec::new();
            for s in solutions {
                if rows.len() == max {
                    return Err(QueryError::TooLarge { name: name.to_owned(), max });
                }
                let s = s.map_err(eval)?;
                rows.push(variables.iter().map(|v| s.get(v).cloned()).collect());
            }
            Answer::Solutions { variables, rows }
        }
        QueryResults::Boolean(b) => Answer::Boolean(b),
        QueryResults::Graph(triples) => {
            let mut seen = HashSet::new();
            let mut out = Vec::new();
            for t in triples {
                let t = t.map_err(eval)?;
                if out.len() == max {
                    return Err(QueryError::TooLarge { name: name.to_owned(), max });
                }
                if seen.insert(t.clone()) {
                    out.push(t);
                }
            }
            Answer::Graph(out)
        }
    })
}

/// Writes a SELECT's rows in `format`.
///
/// # Errors
/// A failed write.
pub fn write_solutions(variables: &[Variable], rows: &[Vec<Option<Term>>], format: ResultFormat, out: &mut dyn Write) -> Result<(), QueryError> {
    if format == ResultFormat::Table {
        write_table(out, &variables.iter().map(|v| v.as_str().to_owned()).collect::<Vec<_>>(), rows)?;
        return Ok(());
    }
    let mut ser = QueryResultsSerializer::from_format(results_format(format)).serialize_solutions_to_writer(&mut *out, variables.to_vec())?;
    for row in rows {
        let pairs = variables.iter().zip(row).filter_map(|(v, t)| t.as_ref().map(|t| (v.as_ref(), t.as_ref())));
        ser.serialize(pairs)?;
    }
    ser.finish()?;
    Ok(())
}

/// Writes an ASK's answer in `format`.
///
/// # Errors
/// A failed write.
pub fn write_boolean(b: bool, format: ResultFormat, out: &mut dyn Write) -> Result<(), QueryError> {
    if format == ResultFormat::Table {
        writeln!(out, "{b}")?;
    } else {
        QueryResultsSerializer::from_format(results_format(format)).serialize_boolean_to_writer(&mut *out, b)?;
    }
    Ok(())
}

/// Writes triples in `format`, with Entente's prefixes where the format has prefixes.
///
/// # Errors
/// A failed write.
pub fn write_graph(triples: &[Triple], format: GraphFormat, out: &mut dyn Write) -> Result<(), QueryError> {
    let mut ser = RdfSerializer::from_format(format.rdf_format());
    if format != GraphFormat::NTriples {
        for (p, ns) in PREFIXES {
            ser = ser.with_prefix(*p, *ns).map_err(|e| QueryError::Evaluation { name: "output".into(), message: e.to_string() })?;
        }
    }
    let mut ser = ser.for_writer(&mut *out);
    for t in triples {
        ser.serialize_triple(t)?;
    }
    ser.finish()?;
    Ok(())
}

/// Parses a query with Entente's prefixes (ent:, schema:, rdfs:, …) predeclared; a query may
/// redefine them.
fn prepare(name: &str, sparql: &str) -> Result<oxigraph::sparql::PreparedSparqlQuery, QueryError> {
    prepare_with(name, sparql, None)
}

/// The deepest nesting of `{`, `(` and `[` a query may have, and ...
pub const MAX_NESTING: usize = 128;
/// ... the most operators it may chain (`+ - * / | ^ ! && ||`, `UNION`, `OPTIONAL`, `MINUS`,
/// and groups `{`). Why: Oxigraph's parser, optimizer and evaluator recurse once per level of
/// nesting and once per link of a chain (`1+1+…`, `{…} UNION {…} UNION …`, `:p/:p/…`), about
/// 1–2.5 KB of stack each, and a thread that runs out of stack aborts the whole process (a
/// server, with every query it was answering): 10,000 links overflow a main thread's 8 MB.
/// Hand-written queries stay far below both limits; long lists belong in `VALUES` or `IN (…)`,
/// which are flat and not counted.
pub const MAX_OPERATORS: usize = 2048;

/// How deeply a query nests and how many operators it chains; see [`MAX_NESTING`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Shape {
    /// The deepest nesting of braces, parentheses and brackets.
    pub depth: usize,
    /// The operators and groups that chain (see [`MAX_OPERATORS`]).
    pub operators: usize,
}

/// The [`Shape`] of `sparql`, read outside strings, IRIs and comments; `-` counts outside
/// prefixed names (`ent:foo-bar`). Reading stops once a limit is passed, so a huge query is
/// not read to its end.
///
/// # Complexity
/// One pass over the text, no allocation.
pub fn shape(sparql: &str) -> Shape {
    let bytes = sparql.as_bytes();
    let (mut depth, mut s, mut i) = (0usize, Shape::default(), 0usize);
    let word = |c: u8| c.is_ascii_alphanumeric() || matches!(c, b'_' | b':' | b'.' | b'-' | b'%' | b'\\') || c >= 0x80;
    while let Some(&b) = bytes.get(i) {
        if s.depth > MAX_NESTING || s.operators > MAX_OPERATORS {
            break;
        }
        match b {
            b'{' | b'(' | b'[' => {
                depth += 1;
                s.depth = s.depth.max(depth);
                s.operators += usize::from(b == b'{');
            }
            b'}' | b')' | b']' => depth = depth.saturating_sub(1),
            b'+' | b'*' | b'/' | b'|' | b'^' | b'!' | b'&' => s.operators += 1,
            b'#' => {
                // a comment, to the end of the line
                i = bytes.iter().skip(i).position(|&c| c == b'\n' || c == b'\r').map_or(bytes.len(), |p| i + p);
            }
            b'"' | b'\'' => {
                // a string, long (three quotes) or short, with backslash escapes
                let triple = |at: usize| bytes.get(at..at + 3).is_some_and(|q| q.iter().all(|&c| c == b));
                let long = triple(i);
                i += if long { 3 } else { 1 };
                while let Some(&c) = bytes.get(i) {
                    if c == b'\\' {
                        i += 2;
                        continue;
                    }
                    if c == b && (!long || triple(i)) {
                        i += if long { 2 } else { 0 };
                        break;
                    }
                    if !long && (c == b'\n' || c == b'\r') {
                        break;
                    }
                    i += 1;
                }
            }
            b'<' => {
                // an IRI, if what follows is one (else the operator "<")
                let end = bytes
                    .iter()
                    .skip(i + 1)
                    .position(|&c| matches!(c, b'>' | b'<' | b'"' | b'{' | b'}' | b'|' | b'^' | b'`' | b'\\') || c <= b' ');
                if let Some(p) = end.filter(|&p| bytes.get(i + 1 + p) == Some(&b'>')) {
                    i += 1 + p;
                }
            }
            c if word(c) => {
                // a name, number or keyword: its `-` are operators unless it is a prefixed name
                let len = bytes.iter().skip(i).position(|&c| !word(c)).unwrap_or(bytes.len() - i);
                let w = bytes.get(i..i + len).unwrap_or_default();
                if !w.contains(&b':') {
                    s.operators += w.iter().filter(|&&c| c == b'-').count();
                    s.operators += usize::from(
                        w.eq_ignore_ascii_case(b"UNION") || w.eq_ignore_ascii_case(b"OPTIONAL") || w.eq_ignore_ascii_case(b"MINUS"),
                    );
                }
                i += len.saturating_sub(1);
            }
            _ => {}
        }
        i += 1;
    }
    s
}

fn prepare_with(name: &str, sparql: &str, cancel: Option<&CancellationToken>) -> Result<oxigraph::sparql::PreparedSparqlQuery, QueryError> {
    let shape = shape(sparql);
    if shape.depth > MAX_NESTING || shape.operators > MAX_OPERATORS {
        return Err(QueryError::TooComplex { name: name.to_owned() });
    }
    let mut evaluator = SparqlEvaluator::new();
    for (p, ns) in PREFIXES {
        evaluator = evaluator
            .with_prefix(*p, *ns)
            .map_err(|e| QueryError::Evaluation { name: name.to_owned(), message: e.to_string() })?;
    }
    if let Some(token) = cancel {
        evaluator = evaluator.with_cancellation_token(token.clone());
    }
    evaluator
        .parse_query(sparql)
        .map_err(|e| QueryError::Syntax { name: name.to_owned(), message: one_line(&e.to_string()) })
}

/// A parser message on one line and short enough to read: the position and the gist.
fn one_line(message: &str) -> String {
    let flat = message.split_whitespace().collect::<Vec<_>>().join(" ");
    let flat = match flat.strip_prefix("error ") {
        Some(rest) => rest.to_owned(),
        None => format!("({flat})"),
    };
    match flat.find(": expected one of") {
        // Oxigraph lists every character class it could accept; the position is what helps.
        Some(i) => format!("{} (unexpected token)", &flat[..i]),
        None if flat.chars().count() > 200 => format!("{}…", flat.chars().take(200).collect::<String>()),
        None => flat,
    }
}

fn results_format(f: ResultFormat) -> QueryResultsFormat {
    match f {
        ResultFormat::Csv => QueryResultsFormat::Csv,
        ResultFormat::Tsv => QueryResultsFormat::Tsv,
        ResultFormat::Xml => QueryResultsFormat::Xml,
        _ => QueryResultsFormat::Json,
    }
}

/// A term as people read it: prefixed names, plain literal values.
pub fn readable(t: &Term) -> String {
    match t {
        Term::NamedNode(n) => {
            let s = n.as_str();
            for (p, ns) in PREFIXES {
                if let Some(local) = s.strip_prefix(ns) {
                    if !local.is_empty() && local.chars().all(|c| c.is_alphanumeric() || matches!(c, '-' | '_' | '.' | '/')) {
                        return format!("{p}:{local}");
                    }
                }
            }
            format!("<{s}>")
        }
        Term::BlankNode(b) => format!("_:{}", b.as_str()),
        Term::Literal(l) => l.value().replace(['\n', '\r'], " "),
        #[allow(unreachable_patterns)]
        other => other.to_string(),
    }
}

fn write_table(out: &mut dyn Write, vars: &[String], rows: &[Vec<Option<Term>>]) -> std::io::Result<()> {
    const MAX: usize = 80;
    let cells: Vec<Vec<String>> = rows
        .iter()
        .map(|r| {
            r.iter()
                .map(|t| {
                    let s = t.as_ref().map(readable).unwrap_or_default();
                    if s.chars().count() > MAX {
                        format!("{}…", s.chars().take(MAX - 1).collect::<String>())
                    } else {
                        s
                    }
                })
                .collect()
        })
        .collect();
    let widths: Vec<usize> = (0..vars.len())
        .map(|i| cells.iter().map(|r| r[i].chars().count()).chain([vars[i].len() + 1]).max().unwrap_or(0))
        .collect();
    let line = |out: &mut dyn Write, vals: &[String]| -> std::io::Result<()> {
        let parts: Vec<String> =
            vals.iter().zip(&widths).map(|(v, w)| format!("{v}{}", " ".repeat(w - v.chars().count()))).collect();
        writeln!(out, "{}", parts.join("  ").trim_end())
    };
    line(out, &vars.iter().map(|v| format!("?{v}")).collect::<Vec<_>>())?;
    line(out, &widths.iter().map(|w| "─".repeat(*w)).collect::<Vec<_>>())?;
    for r in &cells {
        line(out, r)?;
    }
    writeln!(out, "({} row{})", rows.len(), if rows.len() == 1 { "" } else { "s" })
}

/// Runs a SELECT query and returns its rows as variable → term maps (for the library's own
/// queries: exports, analytics).
///
/// # Errors
/// A syntax or evaluation error, or a query that is not a SELECT.
pub fn select(store: &EntenteStore, sparql: &str) -> Result<Vec<std::collections::HashMap<String, Term>>, QueryError> {
    let name = "internal";
    let prepared = prepare(name, sparql)?;
    let eval = |e: &dyn std::fmt::Display| QueryError::Evaluation { name: name.to_owned(), message: e.to_string() };
    match prepared.on_store(store.inner()).execute().map_err(|e| eval(&e))? {
        QueryResults::Solutions(solutions) => {
            let mut rows = Vec::new();
            for s in solutions {
                let s = s.map_err(|e| eval(&e))?;
                rows.push(s.iter().map(|(v, t)| (v.as_str().to_owned(), t.clone())).collect());
            }
            Ok(rows)
        }
        _ => Err(eval(&"not a SELECT query")),
    }
}

/// The IRIs a user's query selects: every IRI of a CONSTRUCT/DESCRIBE result's triples, or
/// every IRI bound in a SELECT's rows.
///
/// # Errors
/// A syntax or evaluation error; an ASK query.
pub fn selected_iris(store: &EntenteStore, name: &str, sparql: &str) -> Result<HashSet<String>, QueryError> {
    let prepared = prepare(name, sparql)?;
    let eval = |e: &dyn std::fmt::Display| QueryError::Evaluation { name: name.to_owned(), message: e.to_string() };
    let mut out = HashSet::new();
    let mut add = |t: &Term| {
        if let Term::NamedNode(n) = t {
            out.insert(n.as_str().to_owned());
        }
    };
    match prepared.on_store(store.inner()).execute().map_err(|e| eval(&e))? {
        QueryResults::Solutions(solutions) => {
            for s in solutions {
                for (_, t) in s.map_err(|e| eval(&e))?.iter() {
                    add(t);
                }
            }
        }
        QueryResults::Graph(triples) => {
            for t in triples {
                let t = t.map_err(|e| eval(&e))?;
                add(&Term::from(t.subject));
                add(&t.object);
            }
        }
        QueryResults::Boolean(_) => return Err(eval(&"an ASK query selects no nodes; use CONSTRUCT or a SELECT of node IRIs")),
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::{shape, Shape, MAX_NESTING, MAX_OPERATORS};

    fn depth_ops(q: &str) -> (usize, usize) {
        let Shape { depth, operators } = shape(q);
        (depth, operators)
    }

    #[test]
    fn shape_counts_groups_and_operators_not_strings_iris_names_or_comments() {
        assert_eq!(depth_ops("SELECT * WHERE { ?s ?p ?o }"), (1, 2));
        assert_eq!(depth_ops("ASK { { FILTER((1 + 2) > 0) } }"), (4, 3));
        assert_eq!(depth_ops("ASK { ?s <http://x/a(((b+> \"(((+\" , '{{{' , \"\"\"(\n((\"\"\" # (((+\n }"), (1, 1));
        assert_eq!(depth_ops("ASK { FILTER(?a < ?b && ?b > 2) }"), (2, 3));
        assert_eq!(depth_ops("ASK { ?s ?p \"a\\\"((\" }"), (1, 1));
        assert_eq!(depth_ops("ASK { ent:foo-bar-baz eid:reuters-1 ?o FILTER(?o - 1 = 2-1) } "), (2, 3));
        assert_eq!(depth_ops("ASK { {?a ?b ?c} UNION {?a ?b ?c} OPTIONAL {?a ?b ?c} }"), (2, 6));
        assert_eq!(shape(&format!("ASK {}{}", "{".repeat(100_000), "}".repeat(100_000))).depth, MAX_NESTING + 1);
        assert!(shape(&format!("ASK {{ FILTER(1{}) }}", "+1".repeat(100_000))).operators > MAX_OPERATORS);
    }
}
