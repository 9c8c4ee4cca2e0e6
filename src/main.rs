//! The `entente` command line: ingest articles into the store, query it with SPARQL, export it,
//! count what it holds. CLI and glue only; the work is in the library.

use std::collections::{BTreeMap, HashMap};
use std::fs::File;
use std::io::{BufWriter, IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{bail, Context, Result};
use chrono::NaiveDate;
use clap::{Parser, Subcommand, ValueEnum};
use oxigraph::io::{RdfFormat, RdfSerializer};

use entente::event::EventKind;
use entente::export;
use entente::query::{self, GraphFormat, ResultFormat};
use entente::rdf::vocab::PREFIXES;
use entente::store::{EntenteStore, DEFAULT_STORE};

mod serve;

/// Entente: a knowledge graph of who met whom and who agreed to what, from news articles.
#[derive(Parser)]
#[command(name = "entente", version, about, long_about = None)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(clap::Args)]
struct StoreArg {
    /// The store directory (an embedded Oxigraph/RocksDB store).
    #[arg(long, env = "ENTENTE_STORE", default_value = DEFAULT_STORE)]
    store: PathBuf,
}

/// The articles to read, as `ingest` and `extract` take them.
#[derive(clap::Args)]
struct ReadArgs {
    /// Publication date for articles that carry none (YYYY-MM-DD).
    #[arg(long, value_parser = parse_date)]
    date: Option<NaiveDate>,
    /// Threads that extract articles (default: one per core). The result is the same for any
    /// number: articles are linked and written, or printed, in input order by one thread.
    #[arg(long, value_parser = clap::value_parser!(u16).range(1..))]
    threads: Option<u16>,
    /// Articles: .txt files, .jsonl files, folders, or - for standard input.
    #[arg(required = true)]
    inputs: Vec<PathBuf>,
}

#[derive(Subcommand)]
enum Command {
    /// Extract actors, meetings, pacts, sanctions and statements from articles into the store.
    ///
    /// INPUT is a .txt file (one article; optional leading `date YYYY-MM-DD`, `title:`, `url:`
    /// and `id:` header lines; id = the `id:` header, else the path below the directory given
    /// without extension, else the file stem), a .jsonl file (one {"id", "text", "date"?,
    /// "title"?, "url"?} object per line), a directory (searched recursively) or - for standard
    /// input. Articles are read one at a time. One id given to two different texts is an error.
    /// Re-ingesting an article replaces its graph. Ctrl-C stops after the current article
    /// (exit 130).
    Ingest {
        #[command(flatten)]
        store: StoreArg,
        #[command(flatten)]
        read: ReadArgs,
    },
    /// Extract articles to N-Quads on standard output, one named graph per article, without a
    /// store: a pure map from articles to quads that any tool can shard over machines.
    ///
    /// INPUT is read as by `ingest`. Each graph is what its article says alone: persons are
    /// linked across articles, and labels kept once per node, only by `ingest`.
    Extract {
        #[command(flatten)]
        read: ReadArgs,
    },
    /// Run a SPARQL query; the default graph is the union of all article graphs.
    Query {
        #[command(flatten)]
        store: StoreArg,
        /// Result format (default: table on a terminal, json otherwise). For CONSTRUCT and
        /// DESCRIBE: turtle (default) or ntriples.
        #[arg(long, value_enum)]
        format: Option<QueryFormat>,
        /// Read the query from this file.
        #[arg(long, conflicts_with = "query")]
        file: Option<PathBuf>,
        /// The query text.
        #[arg(required_unless_present = "file")]
        query: Option<String>,
    },
    /// Write the dataset as RDF, or the graph for a visualizer (Gephi, Cytoscape, yEd, Graphviz, D3).
    ///
    /// RDF: trig, nquads and jsonld write one named graph per article (plus the label registry);
    /// turtle, ntriples and rdfxml write their merge. Graphs: graphml (yEd, Gephi, networkx),
    /// gexf (Gephi, with a timeline), cyjs (Cytoscape), dot (Graphviz), d3 (D3, networkx), csv
    /// (Gephi spreadsheet: nodes.csv and edges.csv in the --output directory).
    Export {
        #[command(flatten)]
        store: StoreArg,
        /// Output format.
        #[arg(long, value_enum)]
        format: ExportFormat,
        /// For graph formats: `events` (actors, places and events as nodes, role edges) or
        /// `actors` (actor-to-actor edges weighted by shared meetings and pacts).
        #[arg(long, value_enum, default_value = "events")]
        projection: ProjectionArg,
        /// For graph formats: a SPARQL file (CONSTRUCT, or SELECT of node IRIs) choosing the
        /// nodes to export; edges between them are kept.
        #[arg(long)]
        query: Option<PathBuf>,
        /// Output file (a directory for csv; default: standard output).
        #[arg(long, short)]
        output: Option<PathBuf>,
    },
    /// Centrality of actors on the actor graph: degree, weighted degree, PageRank, betweenness,
    /// connected components.
    Analyze {
        #[command(flatten)]
        store: StoreArg,
        /// Show the N actors with the highest PageRank (0: all).
        #[arg(long, default_value_t = 20)]
        top: usize,
        /// Output format.
        #[arg(long, value_enum, default_value = "table")]
        format: AnalyzeFormat,
    },
    /// The shortest chain of meetings, pacts and sanctions linking two actors, with evidence.
    Path {
        #[command(flatten)]
        store: StoreArg,
        /// The first actor (any of its names, accents and case aside).
        from: String,
        /// The second actor.
        to: String,
    },
    /// Serve the store over HTTP: a SPARQL 1.1 endpoint at /sparql, the graphs at /store, and
    /// (with --allow-ingest) new articles taken at POST /articles.
    ///
    /// `serve` is the one process that holds the store while it runs: queries answer while
    /// articles sent to /articles are written, and `entente ingest` on the same store is refused
    /// until it stops. Loopback only by default; Ctrl-C or SIGTERM stops it once the article
    /// being written is stored.
    Serve {
        #[command(flatten)]
        store: StoreArg,
        /// The address to listen on. Anything but a loopback address lets other machines query
        /// the store (a warning is printed).
        #[arg(long, default_value = "127.0.0.1:7878")]
        bind: String,
        /// Seconds a query may run before it is stopped (HTTP 503).
        #[arg(long, default_value_t = 30, value_parser = clap::value_parser!(u64).range(1..=86_400))]
        timeout: u64,
        /// Take articles at POST /articles (JSON Lines or one text article, as `ingest` reads
        /// them), from clients that send `Authorization: Bearer $ENTENTE_TOKEN`. The environment
        /// variable ENTENTE_TOKEN must hold a secret of 16 characters or more. Creates the store
        /// if there is none.
        #[arg(long)]
        allow_ingest: bool,
        /// With --allow-ingest on an address that is not loopback: take articles from other
        /// machines too (the token is still required; use it behind TLS only).
        #[arg(long, requires = "allow_ingest")]
        allow_remote_ingest: bool,
        /// The largest request body accepted at /articles, in megabytes (HTTP 413 beyond).
        #[arg(long, default_value_t = 64, value_parser = clap::value_parser!(u64).range(1..=4096))]
        max_body_mb: u64,
    },
    /// Count what the store holds: totals per class, and the articles with the most events.
    Stats {
        #[command(flatten)]
        store: StoreArg,
        /// List every article, not only the 20 with the most events.
        #[arg(long)]
        all: bool,
    },
}

#[derive(Clone, Copy, ValueEnum)]
enum QueryFormat {
    Table,
    Csv,
    Tsv,
    Json,
    Xml,
    Turtle,
    Ntriples,
}

#[derive(Clone, Copy, ValueEnum)]
enum ExportFormat {
    Trig,
    Nquads,
    Jsonld,
    Turtle,
    Ntriples,
    Rdfxml,
    Graphml,
    Gexf,
    Cyjs,
    Dot,
    D3,
    Csv,
}

#[derive(Clone, Copy, ValueEnum)]
enum ProjectionArg {
    Events,
    Actors,
}

#[derive(Clone, Copy, ValueEnum)]
enum AnalyzeFormat {
    Table,
    Csv,
    Json,
}

fn parse_date(s: &str) -> Result<NaiveDate, String> {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").map_err(|_| format!("{s:?} is not a date; write it as YYYY-MM-DD"))
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(code) => code,
        // `entente query … | head`: the reader left; that is not an error
        Err(err) if err.chain().any(|c| c.downcast_ref::<std::io::Error>().is_some_and(|e| e.kind() == std::io::ErrorKind::BrokenPipe)
            || c.to_string().contains("Broken pipe")) => ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("entente: {}", one_line(&format!("{err:#}")));
            ExitCode::from(2)
        }
    }
}

fn run(cli: Cli) -> Result<ExitCode> {
    match cli.command {
        Command::Ingest { store, read } => ingest(&store.store, &read),
        Command::Extract { read } => extract_nquads(&read),
        Command::Query { store, format, file, query } => {
            let (name, text) = match (file, query) {
                (Some(f), _) => {
                    let text = std::fs::read_to_string(&f)
                        .with_context(|| format!("{}: cannot read the query file", f.display()))?;
                    (f.display().to_string(), text)
                }
                (None, Some(q)) => ("argument".to_owned(), q),
                (None, None) => bail!("give a query or --file F.rq"),
            };
            let store = EntenteStore::open_read_only(&store.store)?;
            let (rf, gf) = match format {
                None if std::io::stdout().is_terminal() => (ResultFormat::Table, GraphFormat::Turtle),
                None => (ResultFormat::Json, GraphFormat::Turtle),
                Some(QueryFormat::Table) => (ResultFormat::Table, GraphFormat::Turtle),
                Some(QueryFormat::Csv) => (ResultFormat::Csv, GraphFormat::Turtle),
                Some(QueryFormat::Tsv) => (ResultFormat::Tsv, GraphFormat::Turtle),
                Some(QueryFormat::Json) => (ResultFormat::Json, GraphFormat::Turtle),
                Some(QueryFormat::Xml) => (ResultFormat::Xml, GraphFormat::Turtle),
                Some(QueryFormat::Turtle) => (ResultFormat::Table, GraphFormat::Turtle),
                Some(QueryFormat::Ntriples) => (ResultFormat::Table, GraphFormat::NTriples),
            };
            let stdout = std::io::stdout();
            let mut out = BufWriter::new(stdout.lock());
            query::run(&store, &name, &text, rf, gf, &mut out)?;
            out.flush()?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Export { store, format, projection, query, output } => {
            let store = EntenteStore::open_read_only(&store.store)?;
            let graph_format = match format {
                ExportFormat::Graphml => Some(export::GraphFormat::GraphMl),
                ExportFormat::Gexf => Some(export::GraphFormat::Gexf),
                ExportFormat::Cyjs => Some(export::GraphFormat::CytoscapeJson),
                ExportFormat::Dot => Some(export::GraphFormat::Dot),
                ExportFormat::D3 => Some(export::GraphFormat::D3),
                ExportFormat::Csv => Some(export::GraphFormat::Csv),
                _ => None,
            };
            match graph_format {
                Some(gf) => {
                    let selection = match &query {
                        Some(q) => {
                            let text = std::fs::read_to_string(q)
                                .with_context(|| format!("{}: cannot read the query file", q.display()))?;
                            Some(entente::query::selected_iris(&store, &q.display().to_string(), &text)?)
                        }
                        None => None,
                    };
                    let projection = match projection {
                        ProjectionArg::Events => export::Projection::Events,
                        ProjectionArg::Actors => export::Projection::Actors,
                    };
                    let g = export::project(&store, projection, selection.as_ref())?;
                    export::write(&g, gf, output.as_deref())?;
                }
                None => {
                    if query.is_some() {
                        bail!("--query selects a subgraph for graph formats; for RDF use `entente query` with a CONSTRUCT");
                    }
                    export_rdf(&store, format, output.as_deref())?;
                }
            }
            Ok(ExitCode::SUCCESS)
        }
        Command::Analyze { store, top, format } => {
            let store = EntenteStore::open_read_only(&store.store)?;
            analyze(&store, top, format)?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Path { store, from, to } => {
            let store = EntenteStore::open_read_only(&store.store)?;
            path(&store, &from, &to)
        }
        Command::Serve { store, bind, timeout, allow_ingest, allow_remote_ingest, max_body_mb } => serve::run(serve::Options {
            store: store.store,
            bind,
            timeout: std::time::Duration::from_secs(timeout),
            allow_ingest,
            allow_remote_ingest,
            token: std::env::var(serve::TOKEN_VAR).ok(),
            max_body: max_body_mb.saturating_mul(1 << 20),
        }),
        Command::Stats { store, all } => {
            let store = EntenteStore::open_read_only(&store.store)?;
            stats(&store, all)?;
            Ok(ExitCode::SUCCESS)
        }
    }
}

#[derive(Default)]
struct Summary {
    articles: usize,
    failed: usize,
    actors: std::collections::BTreeSet<String>,
    meetings: usize,
    pacts: usize,
    sanctions: usize,
    statements: usize,
}

impl Summary {
    /// Counts a stored article and what it holds; returns the number of articles stored so far.
    fn stored(&mut self, x: &entente::event::Extraction) -> usize {
        self.articles += 1;
        for e in &x.resolved.entities {
            if e.kind != entente::resolve::EntityKind::Place {
                self.actors.insert(e.key.clone());
            }
        }
        for ev in &x.events {
            match ev.kind {
                EventKind::Meeting { .. } => self.meetings += 1,
                EventKind::Pact { .. } => self.pacts += 1,
                EventKind::Sanction { .. } => self.sanctions += 1,
                EventKind::Statement { .. } => self.statements += 1,
            }
        }
        self.articles
    }
}

/// The one writer's step for an extracted article, shared by `ingest` and `serve`: links its
/// persons to those stored before, writes its graph in one transaction, then learns its persons
/// (only once the write succeeded, so a failed article leaves no trace in the index either).
fn write_article(
    store: &EntenteStore,
    persons: &mut entente::link::PersonIndex,
    doc: &entente::document::Document,
    x: &mut entente::event::Extraction,
) -> Result<(), entente::store::StoreError> {
    persons.link(x);
    store.replace_article(&entente::rdf::article_quads(doc, x))?;
    persons.add(x);
    Ok(())
}

/// What a Ctrl-C asks of a running ingest.
static INTERRUPTED: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);

/// The first Ctrl-C lets the article being written finish and stops the batch there; a
/// second one exits at once (the store is still consistent: each article is one
/// transaction, and an unfinished transaction is never seen).
fn stop_on_ctrl_c() {
    let handler = || {
        if INTERRUPTED.swap(true, std::sync::atomic::Ordering::SeqCst) {
            std::process::exit(130);
        }
        eprintln!("entente: interrupted; stopping after the current article (Ctrl-C again to quit at once)");
    };
    if let Err(e) = ctrlc::set_handler(handler) {
        eprintln!("entente: warning: Ctrl-C will stop at once, not between articles ({e})");
    }
}

/// Articles written between two flushes of the store's write buffers: without them the
/// storage layer keeps every write of a long batch in memory (2.6 GB after 40,000 articles).
const FLUSH_EVERY: usize = 1000;

/// Articles read ahead and extracted together on all cores, at most this many ...
const BATCH_ARTICLES: usize = 256;
/// ... and at most this many bytes of text: memory stays bounded whatever the input.
const BATCH_BYTES: usize = 32 << 20;

/// Ingests `inputs` in order. Articles are read ahead in batches; each batch is extracted in
/// parallel, then linked to the persons known so far and written one article per transaction
/// in input order, so the store does not depend on the number of threads.
fn ingest(store_path: &Path, read: &ReadArgs) -> Result<ExitCode> {
    use rayon::prelude::*;
    stop_on_ctrl_c();
    let (inputs, pool) = (&read.inputs, extraction_pool(read.threads)?);
    let store = EntenteStore::open_as(store_path, &format!("`entente ingest` (process {})", std::process::id()))?;
    let mut persons = entente::link::PersonIndex::load(&store)?;
    let mut s = Summary::default();
    let progress = Progress::new(inputs);
    let mut reader = BatchReader::new(inputs, read.date);
    'batches: while let Some(batch) = reader.next_batch(&progress, Some(&store), &mut s.failed) {
        let extracted: Vec<entente::event::Extraction> = pool.install(|| batch.par_iter().map(entente::extract).collect());
        for (doc, mut x) in batch.iter().zip(extracted) {
            if INTERRUPTED.load(std::sync::atomic::Ordering::SeqCst) {
                break 'batches;
            }
            if let Err(e) = write_article(&store, &mut persons, doc, &mut x) {
                progress.error(&format!("{}: {e}", doc.id));
                s.failed += 1;
                continue;
            }
            progress.stored(s.failed);
            if s.stored(&x) % FLUSH_EVERY == 0 {
                store.flush()?;
            }
        }
        if INTERRUPTED.load(std::sync::atomic::Ordering::SeqCst) {
            break;
        }
    }
    progress.finish();
    store.flush()?;
    let interrupted = INTERRUPTED.load(std::sync::atomic::Ordering::SeqCst);
    eprintln!(
        "{}ingested {} article{} into {}: {} actors, {} meetings, {} pacts, {} sanctions, {} statements; {} error{}",
        if interrupted { "interrupted: " } else { "" },
        s.articles,
        if s.articles == 1 { "" } else { "s" },
        one_line(&store_path.display().to_string()),
        s.actors.len(),
        s.meetings,
        s.pacts,
        s.sanctions,
        s.statements,
        s.failed,
        if s.failed == 1 { "" } else { "s" },
    );
    Ok(if interrupted {
        ExitCode::from(130)
    } else if s.failed > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

/// The threads that extract articles: `threads`, else one per core.
fn extraction_pool(threads: Option<u16>) -> Result<rayon::ThreadPool> {
    rayon::ThreadPoolBuilder::new()
        .num_threads(threads.map_or(0, usize::from))
        .build()
        .context("cannot start the extraction threads; pass --threads 1")
}

/// Reads the articles of `inputs` in batches for parallel extraction: bounded in articles and
/// bytes, errors reported in input order, an id given to two different texts refused, the same
/// article given twice read once.
struct BatchReader<'i> {
    inputs: &'i [PathBuf],
    docs: Box<dyn Iterator<Item = (usize, Result<entente::document::Document, entente::document::InputError>)> + 'i>,
    /// Every id given in this run, with where it came from and a digest of its text: two
    /// different articles with one id would silently replace each other's graph.
    seen: HashMap<String, (usize, u64)>,
}

impl<'i> BatchReader<'i> {
    fn new(inputs: &'i [PathBuf], date: Option<NaiveDate>) -> Self {
        let docs = inputs.iter().enumerate().flat_map(move |(n, input)| entente::document::read_input(input, date).map(move |d| (n, d)));
        BatchReader { inputs, docs: Box::new(docs), seen: HashMap::new() }
    }

    /// The next batch, `None` when the inputs are read; bad articles are reported and counted
    /// in `failed`. With a store, an article that replaces a stored one of another text is noted.
    fn next_batch(&mut self, progress: &Progress, store: Option<&EntenteStore>, failed: &mut usize) -> Option<Vec<entente::document::Document>> {
        let mut batch = Vec::new();
        let mut bytes = 0;
        let mut read_any = false;
        for (n, doc) in self.docs.by_ref() {
            read_any = true;
            let input = &self.inputs[n];
            let doc = match doc {
                Ok(d) => d,
                Err(e) => {
                    progress.error(&e.to_string());
                    *failed += 1;
                    continue;
                }
            };
            let digest = text_digest(&doc.text);
            match self.seen.get(&doc.id) {
                Some((first, d)) if *d != digest => {
                    let first = self.inputs[*first].display();
                    progress.error(&format!("{}: article id {:?} was already given to another text by {first}; give one of them its own id (an `id:` header, or the \"id\" field)", input.display(), doc.id));
                    *failed += 1;
                    continue;
                }
                Some(_) => continue,
                None => {
                    self.seen.insert(doc.id.clone(), (n, digest));
                }
            }
            match store.map(|st| st.article_text(&doc.id)) {
                Some(Ok(Some(old))) if old != doc.text => {
                    progress.note(&format!("{}: article {:?} replaces the stored article of that id, whose text differs", input.display(), doc.id));
                }
                Some(Err(e)) => {
                    progress.error(&format!("{}: {e}", doc.id));
                    *failed += 1;
                    continue;
                }
                _ => {}
            }
            bytes += doc.text.len();
            batch.push(doc);
            if batch.len() >= BATCH_ARTICLES || bytes >= BATCH_BYTES || INTERRUPTED.load(std::sync::atomic::Ordering::SeqCst) {
                break;
            }
        }
        read_any.then_some(batch)
    }
}

/// `entente extract`: each article's graph as N-Quads on standard output, in input order,
/// extracted on every core; no store is opened. Persons are not linked across articles (that
/// needs the store): each article's graph is what it says alone.
fn extract_nquads(read: &ReadArgs) -> Result<ExitCode> {
    use rayon::prelude::*;
    stop_on_ctrl_c();
    let (inputs, pool) = (&read.inputs, extraction_pool(read.threads)?);
    let progress = Progress::new(inputs);
    let mut reader = BatchReader::new(inputs, read.date);
    let (mut articles, mut failed) = (0usize, 0usize);
    let stdout = std::io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    while let Some(batch) = reader.next_batch(&progress, None, &mut failed) {
        if INTERRUPTED.load(std::sync::atomic::Ordering::SeqCst) {
            break;
        }
        let graphs: Vec<Vec<u8>> = pool.install(|| {
            batch
                .par_iter()
                .map(|doc| {
                    let quads = entente::rdf::article_quads(doc, &entente::extract(doc));
                    let mut w = RdfSerializer::from_format(RdfFormat::NQuads).for_writer(Vec::new());
                    for q in &quads.quads {
                        w.serialize_quad(q)?;
                    }
                    w.finish()
                })
                .collect::<std::io::Result<_>>()
        })?;
        for g in graphs {
            out.write_all(&g).context("cannot write to standard output")?;
            articles += 1;
            progress.stored(failed);
        }
    }
    out.flush().context("cannot write to standard output")?;
    progress.finish();
    let interrupted = INTERRUPTED.load(std::sync::atomic::Ordering::SeqCst);
    eprintln!("{}extracted {articles} article{}; {failed} error{}", if interrupted { "interrupted: " } else { "" }, if articles == 1 { "" } else { "s" }, if failed == 1 { "" } else { "s" });
    Ok(if interrupted {
        ExitCode::from(130)
    } else if failed > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

/// Progress of an ingest on a terminal: articles stored, articles per second, errors, and the
/// time left when the inputs say how many articles they hold. Nothing when standard error is
/// not a terminal; errors and notes go to standard error either way, one line each.
struct Progress {
    bar: Option<indicatif::ProgressBar>,
}

impl Progress {
    fn new(inputs: &[PathBuf]) -> Self {
        if !std::io::stderr().is_terminal() {
            return Progress { bar: None };
        }
        let (bar, template) = match expected_articles(inputs) {
            Some(n) => (indicatif::ProgressBar::new(n), "{bar:30} {pos}/{len} articles  {per_sec}  {msg}  ETA {eta}"),
            None => (indicatif::ProgressBar::new_spinner(), "{spinner} {pos} articles  {per_sec}  {msg}  {elapsed}"),
        };
        if let Ok(style) = indicatif::ProgressStyle::with_template(template) {
            bar.set_style(style);
        }
        bar.set_message("0 errors");
        bar.enable_steady_tick(std::time::Duration::from_millis(200));
        Progress { bar: Some(bar) }
    }

    fn say(&self, line: &str) {
        match &self.bar {
            Some(bar) => bar.suspend(|| eprintln!("{line}")),
            None => eprintln!("{line}"),
        }
    }

    fn error(&self, message: &str) {
        self.say(&format!("entente: {}", one_line(message)));
    }

    fn note(&self, message: &str) {
        self.say(&format!("entente: note: {}", one_line(message)));
    }

    fn stored(&self, errors: usize) {
        if let Some(bar) = &self.bar {
            bar.inc(1);
            bar.set_message(format!("{errors} error{}", if errors == 1 { "" } else { "s" }));
        }
    }

    fn finish(&self) {
        if let Some(bar) = &self.bar {
            bar.finish_and_clear();
        }
    }
}

/// How many articles the inputs hold, when that is cheap to know: one per `.txt` file, one per
/// line of a `.jsonl` file (counted without parsing). `None` for standard input and folders.
fn expected_articles(inputs: &[PathBuf]) -> Option<u64> {
    let mut n = 0u64;
    for input in inputs {
        let meta = std::fs::metadata(input).ok().filter(|m| m.is_file())?;
        if input.extension().is_some_and(|e| e.eq_ignore_ascii_case("jsonl")) {
            // lines counted in 64 KB reads: the file is never held whole
            use std::io::Read;
            let mut f = File::open(input).ok()?;
            let mut buf = vec![0u8; 1 << 16];
            let mut last = b'\n';
            loop {
                let k = f.read(&mut buf).ok()?;
                let Some(chunk) = buf.get(..k).filter(|c| !c.is_empty()) else { break };
                n += chunk.iter().filter(|&&b| b == b'\n').count() as u64;
                last = chunk.last().copied().unwrap_or(b'\n');
            }
            n += u64::from(last != b'\n' && meta.len() > 0);
        } else {
            n += 1;
        }
    }
    Some(n)
}

/// `s` on one line: control characters (a new line in a file name) and the invisible marks that
/// reorder text on a terminal (a right-to-left override) are written as escapes.
fn one_line(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if c.is_control() || matches!(c, '\u{200e}' | '\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}') {
            out.extend(c.escape_default());
        } else {
            out.push(c);
        }
    }
    out
}

/// A digest of an article's text, to tell two texts under one id apart within a run.
fn text_digest(text: &str) -> u64 {
    use std::hash::{Hash, Hasher};
    let mut h = std::collections::hash_map::DefaultHasher::new();
    text.hash(&mut h);
    h.finish()
}

fn export_rdf(store: &EntenteStore, format: ExportFormat, output: Option<&Path>) -> Result<()> {
    let rdf_format = match format {
        ExportFormat::Trig => RdfFormat::TriG,
        ExportFormat::Nquads => RdfFormat::NQuads,
        ExportFormat::Turtle => RdfFormat::Turtle,
        ExportFormat::Ntriples => RdfFormat::NTriples,
        ExportFormat::Rdfxml => RdfFormat::RdfXml,
        ExportFormat::Jsonld => RdfFormat::from_extension("jsonld").context("JSON-LD is not available in this build")?,
        _ => bail!("not an RDF format"),
    };
    // Write to a temporary file beside the target and rename it, so a failed export never
    // leaves a half-written file behind.
    let (tmp, mut out): (Option<PathBuf>, Box<dyn Write>) = match output {
        Some(p) => {
            let tmp = p.with_extension("partial");
            let f = File::create(&tmp).with_context(|| format!("{}: cannot create the output file", p.display()))?;
            (Some(tmp), Box::new(BufWriter::new(f)))
        }
        None => (None, Box::new(BufWriter::new(std::io::stdout().lock()))),
    };
    let mut ser = RdfSerializer::from_format(rdf_format);
    if matches!(format, ExportFormat::Trig | ExportFormat::Turtle | ExportFormat::Rdfxml) {
        for (p, ns) in PREFIXES {
            ser = ser.with_prefix(*p, *ns)?;
        }
    }
    let mut w = ser.for_writer(&mut out);
    // Datasets get the article graphs and the registry (the source of truth); the default graph
    // is their merge, derived, so it is left out. Graph formats get that merge.
    let default = oxigraph::model::GraphNameRef::DefaultGraph;
    if rdf_format.supports_datasets() {
        for q in store.inner().iter() {
            let q = q?;
            if !q.graph_name.is_default_graph() {
                w.serialize_quad(&q)?;
            }
        }
    } else {
        for q in store.inner().quads_for_pattern(None, None, None, Some(default)) {
            w.serialize_triple(oxigraph::model::TripleRef::from(q?.as_ref()))?;
        }
    }
    w.finish()?;
    out.flush()?;
    drop(out);
    if let (Some(tmp), Some(p)) = (tmp, output) {
        std::fs::rename(&tmp, p).with_context(|| format!("{}: cannot write the output file", p.display()))?;
    }
    Ok(())
}

/// Articles `stats` lists without `--all`: those with the most events.
const STATS_TOP: usize = 20;

fn stats(store: &EntenteStore, all: bool) -> Result<()> {
    // rows of a SELECT as the values of its variables, in order
    let q = |sparql: &str, vars: &[&str]| -> Result<Vec<Vec<String>>> {
        let value = |t: &oxigraph::model::Term| match t {
            oxigraph::model::Term::NamedNode(n) => n.as_str().to_owned(),
            oxigraph::model::Term::Literal(l) => l.value().to_owned(),
            other => other.to_string(),
        };
        Ok(query::select(store, sparql)?
            .iter()
            .map(|row| vars.iter().map(|v| row.get(*v).map(value).unwrap_or_default()).collect())
            .collect())
    };
    let classes = q(
        "SELECT ?class (COUNT(DISTINCT ?x) AS ?n) WHERE { VALUES ?class {
            <https://schema.org/NewsArticle> <https://schema.org/Person> <https://schema.org/Country>
            <https://schema.org/Organization> <https://schema.org/Place>
            <https://w3id.org/entente/ontology#Meeting> <https://w3id.org/entente/ontology#Pact>
            <https://w3id.org/entente/ontology#Sanction> <https://w3id.org/entente/ontology#Statement> }
            OPTIONAL { ?x a ?class } } GROUP BY ?class ORDER BY ?class",
        &["class", "n"],
    )?;
    let mut out = std::io::stdout().lock();
    writeln!(out, "per class")?;
    for r in classes {
        let name = r.first().map(|c| short(c)).unwrap_or_default();
        writeln!(out, "  {:<22} {:>8}", name, r.get(1).cloned().unwrap_or_default())?;
    }
    let per_article = q(
        "SELECT ?id (COUNT(*) AS ?quads) WHERE { GRAPH ?g { ?s ?p ?o } ?g <http://www.w3.org/ns/prov#wasDerivedFrom> ?a .
           ?a <http://purl.org/dc/terms/identifier> ?id } GROUP BY ?id ORDER BY ?id",
        &["id", "quads"],
    )?;
    let events = q(
        "SELECT ?id ?t (COUNT(DISTINCT ?e) AS ?n) WHERE { GRAPH ?g { ?e a ?t . VALUES ?t {
            <https://w3id.org/entente/ontology#Meeting> <https://w3id.org/entente/ontology#Pact>
            <https://w3id.org/entente/ontology#Sanction> <https://w3id.org/entente/ontology#Statement> } }
           ?g <http://www.w3.org/ns/prov#wasDerivedFrom> ?a . ?a <http://purl.org/dc/terms/identifier> ?id } GROUP BY ?id ?t",
        &["id", "t", "n"],
    )?;
    let mut by: BTreeMap<String, BTreeMap<String, String>> = BTreeMap::new();
    for r in events {
        if let [id, t, n] = r.as_slice() {
            by.entry(id.clone()).or_default().insert(short(t), n.clone());
        }
    }
    let count = |id: &str| by.get(id).map_or(0, |e| e.values().filter_map(|n| n.parse::<usize>().ok()).sum::<usize>());
    let total = per_article.len();
    let mut per_article = per_article;
    if all {
        writeln!(out, "per article ({total})")?;
    } else {
        // the articles with the most events first (ties by id), then the rest left out
        per_article.sort_by(|a, b| {
            let (ia, ib) = (a.first().map_or("", String::as_str), b.first().map_or("", String::as_str));
            count(ib).cmp(&count(ia)).then(ia.cmp(ib))
        });
        per_article.truncate(STATS_TOP);
        writeln!(out, "top {} of {total} articles by events (--all lists every one)", per_article.len())?;
    }
    writeln!(out, "  {:<30} {:>7} {:>9} {:>6} {:>10} {:>11}", "article", "quads", "meetings", "pacts", "sanctions", "statements")?;
    for r in per_article {
        let id = r.first().cloned().unwrap_or_default();
        let e = by.get(&id).cloned().unwrap_or_default();
        let g = |k: &str| e.get(k).cloned().unwrap_or_else(|| "0".into());
        writeln!(
            out,
            "  {:<30} {:>7} {:>9} {:>6} {:>10} {:>11}",
            id,
            r.get(1).cloned().unwrap_or_default(),
            g("ent:Meeting"),
            g("ent:Pact"),
            g("ent:Sanction"),
            g("ent:Statement")
        )?;
    }
    Ok(())
}

fn short(iri: &str) -> String {
    let iri = iri.trim_start_matches('<').trim_end_matches('>');
    for (p, ns) in PREFIXES {
        if let Some(l) = iri.strip_prefix(ns) {
            return format!("{p}:{l}");
        }
    }
    iri.to_owned()
}

fn analyze(store: &EntenteStore, top: usize, format: AnalyzeFormat) -> Result<()> {
    let g = export::project(store, export::Projection::Actors, None)?;
    let mut m = entente::analyze::measures(&g);
    let components = m.iter().map(|a| a.component).max().map_or(0, |c| c + 1);
    if top > 0 {
        m.truncate(top);
    }
    let mut out = BufWriter::new(std::io::stdout().lock());
    match format {
        AnalyzeFormat::Json => {
            serde_json::to_writer_pretty(&mut out, &m)?;
            writeln!(out)?;
        }
        AnalyzeFormat::Csv => {
            writeln!(out, "iri,label,kind,degree,weighted_degree,pagerank,betweenness,component")?;
            for a in &m {
                let q = |s: &str| if s.contains([',', '"']) { format!("\"{}\"", s.replace('"', "\"\"")) } else { s.to_owned() };
                writeln!(out, "{},{},{},{},{},{:.6},{:.3},{}", q(&a.iri), q(&a.label), a.kind, a.degree, a.weighted_degree, a.pagerank, a.betweenness, a.component)?;
            }
        }
        AnalyzeFormat::Table => {
            let w = m.iter().map(|a| a.label.chars().count()).max().unwrap_or(5).max(5);
            writeln!(out, "{:<w$}  {:<12}  {:>6}  {:>8}  {:>8}  {:>11}  {:>9}", "actor", "kind", "degree", "weighted", "pagerank", "betweenness", "component")?;
            for a in &m {
                writeln!(out, "{:<w$}  {:<12}  {:>6}  {:>8}  {:>8.4}  {:>11.2}  {:>9}", a.label, a.kind, a.degree, a.weighted_degree, a.pagerank, a.betweenness, a.component)?;
            }
            writeln!(out, "({} actors, {} links, {} connected components)", g.graph.node_count(), g.graph.edge_count(), components)?;
        }
    }
    out.flush()?;
    Ok(())
}

/// Every other name (`skos:altLabel`) of each actor, by IRI, for [`pick_actor`].
fn actor_names(store: &EntenteStore) -> Result<HashMap<String, Vec<String>>> {
    let mut names: HashMap<String, Vec<String>> = HashMap::new();
    for r in entente::query::select(store, "SELECT ?a ?n WHERE { ?a skos:altLabel ?n }")? {
        if let (Some(oxigraph::model::Term::NamedNode(a)), Some(oxigraph::model::Term::Literal(n))) = (r.get("a"), r.get("n")) {
            names.entry(a.as_str().to_owned()).or_default().push(n.value().to_owned());
        }
    }
    Ok(names)
}

/// The IRI of the one actor `name` designates, or an error that says how to name it better.
fn pick_actor(g: &export::KnowledgeGraph, names: &HashMap<String, Vec<String>>, name: &str) -> Result<String> {
    let found = entente::analyze::find_actor(g, names, name);
    match found.as_slice() {
        [] => bail!("no actor is named {name:?}; list them with `entente query --file examples/queries/actors.rq`"),
        [one] => Ok(one.iri.clone()),
        many => bail!(
            "{name:?} names {} actors ({}); use a fuller name",
            many.len(),
            many.iter().map(|n| n.label.as_str()).collect::<Vec<_>>().join(", ")
        ),
    }
}

fn path(store: &EntenteStore, from: &str, to: &str) -> Result<ExitCode> {
    let g = export::project(store, export::Projection::Events, None)?;
    let names = actor_names(store)?;
    let pick = |name: &str| pick_actor(&g, &names, name);
    let (a, b) = (pick(from)?, pick(to)?);
    let mut out = std::io::stdout().lock();
    match entente::analyze::shortest_path(&g, &a, &b) {
        None => {
            writeln!(out, "{from} and {to} are not linked by any meeting, pact or sanction in the store")?;
            Ok(ExitCode::from(1))
        }
        Some(steps) => {
            let node = |i: petgraph::graph::NodeIndex| &g.graph[i];
            writeln!(out, "{}", node(steps[0]).label)?;
            for pair in steps.windows(2) {
                let (x, y) = (pair[0], pair[1]);
                let ny = node(y);
                let role = g
                    .graph
                    .edges_connecting(x, y)
                    .chain(g.graph.edges_connecting(y, x))
                    .map(|e| e.weight().role.clone())
                    .next()
                    .unwrap_or_default();
                if matches!(ny.kind.as_str(), "Meeting" | "Pact" | "Sanction") {
                    writeln!(out, "  ─[{role}]→ {}", ny.label)?;
                    if let Some(ev) = ny.attrs.get("evidence") {
                        writeln!(out, "      “{ev}”")?;
                    }
                    if let Some(art) = ny.attrs.get("article") {
                        writeln!(out, "      article {art}")?;
                    }
                } else {
                    writeln!(out, "  ←[{role}]─ {}", ny.label)?;
                }
            }
            Ok(ExitCode::SUCCESS)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::one_line;

    #[test]
    fn messages_stay_on_one_line() {
        assert_eq!(one_line("a\nb.txt: not UTF-8"), "a\\nb.txt: not UTF-8");
        assert_eq!(one_line("x\r\u{202e}txt.exe: binary"), "x\\r\\u{202e}txt.exe: binary");
        assert_eq!(one_line("Café «Ana» عربي.txt"), "Café «Ana» عربي.txt");
    }
}
