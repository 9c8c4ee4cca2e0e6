//! The embedded Oxigraph store and Entente's write policy over it: one named graph per
//! article, replaced atomically (re-ingesting an article leaves one copy), and one canonical
//! `rdfs:label` per cross-article node in the registry graph (the first one seen is kept).
//!
//! The store's default graph is kept equal to the RDF merge of all those graphs, in the same
//! atomic write as each article (a transaction, or for a large article whose write only adds,
//! the bulk loader's files taken in at once). Queries then see the union of all graphs with set semantics:
//! a triple stated by two articles counts once (Oxigraph 0.5's on-the-fly union counts it once
//! per graph, which inflates `COUNT`s).

use std::collections::{HashMap, HashSet};
use std::fs::{File, OpenOptions, TryLockError};
use std::io::Write;
use std::path::{Path, PathBuf};

use oxigraph::model::vocab::{rdf, rdfs};
use oxigraph::model::{
    GraphName, GraphNameRef, Literal, NamedNode, NamedNodeRef, NamedOrBlankNode, NamedOrBlankNodeRef, Quad, QuadRef, Term, TermRef, Triple, TripleRef,
};
use oxigraph::store::{QuadIter, StorageError, Store};

use crate::rdf::vocab::{nif, skos};
use crate::rdf::{mint, ArticleQuads};

/// The store directory used when neither `--store` nor `ENTENTE_STORE` names one.
pub const DEFAULT_STORE: &str = "entente-store";

/// An error opening or writing the store. Each says what to do.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum StoreError {
    /// The store does not exist (query, export, stats).
    #[error("store {0}: no such store; create it with `entente ingest --store {0} FILE...` or pass --store")]
    Missing(PathBuf),
    /// The directory holds files but no store.
    #[error("store {0}: not a store (a file, or a directory of other files); pass the directory of an existing store, or a new or empty one to create")]
    NotAStore(PathBuf),
    /// Another process holds the store.
    #[error("store {0}: in use by another process (its lock is held); wait for it to finish or use another --store")]
    Locked(PathBuf),
    /// Another process writes the store (a reader or a second writer is refused meanwhile).
    #[error("store {path}: in use by another process that writes it, {holder}; wait for it to finish or use another --store")]
    Writing {
        /// The store path.
        path: PathBuf,
        /// Who writes it, as the writer described itself (see [`EntenteStore::open_as`]).
        holder: String,
    },
    /// Other processes read the store (a writer is refused meanwhile).
    #[error("store {0}: in use by another process that reads it (query, export, stats, analyze, path or serve); wait for it to finish or stop it")]
    Reading(PathBuf),
    /// The store cannot be created or opened.
    #[error("store {path}: cannot open ({message}); check that the directory is writable or pass another --store")]
    Open {
        /// The store path.
        path: PathBuf,
        /// What the storage layer said.
        message: String,
    },
    /// A read failed.
    #[error("store {path}: read failed ({message}); check the disk, then run the command again")]
    Read {
        /// The store path.
        path: PathBuf,
        /// What the storage layer said.
        message: String,
    },
    /// A write failed; the article's previous graph (if any) is unchanged.
    #[error("store {path}: write failed ({message}); nothing of this article was written")]
    Write {
        /// The store path.
        path: PathBuf,
        /// What the storage layer said.
        message: String,
    },
}

fn classify(path: &Path, e: StorageError) -> StoreError {
    let message = e.to_string();
    let lower = message.to_lowercase();
    if lower.contains("lock") || lower.contains("resource temporarily unavailable") {
        StoreError::Locked(path.to_path_buf())
    } else {
        StoreError::Open { path: path.to_path_buf(), message }
    }
}

/// The advisory lock file inside a store directory. Writers hold it exclusively and write in it
/// who they are; readers hold it shared. Why: Oxigraph's read-only opening of a store that
/// another process writes is undefined behaviour (RocksDB may delete the files a reader's view
/// still names, even while the writer only opens the store), so a reader never opens a store a
/// writer holds, and a writer never opens one that readers hold.
pub const LOCK_FILE: &str = "entente.lock";

/// Entente's store.
pub struct EntenteStore {
    // fields drop in order: the store closes before its lock is released
    store: Store,
    path: PathBuf,
    _lock: Option<File>,
}

impl EntenteStore {
    /// Opens the store for writing, creating it if needed; see [`EntenteStore::open_as`].
    ///
    /// # Errors
    /// As [`EntenteStore::open_as`].
    pub fn open(path: &Path) -> Result<Self, StoreError> {
        Self::open_as(path, &format!("process {}", std::process::id()))
    }

    /// Opens the store for writing, creating it if needed, and holds it exclusively until it is
    /// dropped: other processes can neither write nor read it meanwhile. `holder` says who
    /// writes, for the message the others get ("`entente ingest` (process 42)").
    ///
    /// # Errors
    /// [`StoreError::Writing`] or [`StoreError::Locked`] when another process writes it,
    /// [`StoreError::Reading`] when other processes read it, [`StoreError::Open`] otherwise.
    pub fn open_as(path: &Path, holder: &str) -> Result<Self, StoreError> {
        if path.exists() && !path.is_dir() {
            return Err(StoreError::Open { path: path.to_path_buf(), message: "not a directory".into() });
        }
        // A directory that holds other files is not made a store: its files would mix with the
        // store's (a mistyped --store of a home or project directory).
        if path.is_dir() && !path.join("CURRENT").is_file() {
            let other = std::fs::read_dir(path)
                .map_err(|e| StoreError::Open { path: path.to_path_buf(), message: e.to_string() })?
                .filter_map(Result::ok)
                .any(|e| e.file_name() != LOCK_FILE);
            if other {
                return Err(StoreError::NotAStore(path.to_path_buf()));
            }
        }
        let open_err = |e: std::io::Error| StoreError::Open { path: path.to_path_buf(), message: e.to_string() };
        std::fs::create_dir_all(path).map_err(open_err)?;
        let mut lock = OpenOptions::new().read(true).write(true).create(true).truncate(false).open(path.join(LOCK_FILE)).map_err(open_err)?;
        match lock.try_lock() {
            Ok(()) => {}
            Err(TryLockError::WouldBlock) => {
                // readers hold it shared, a writer exclusively: a shared try tells them apart
                return Err(match lock.try_lock_shared() {
                    Ok(()) => StoreError::Reading(path.to_path_buf()),
                    Err(_) => Self::writing(path),
                });
            }
            Err(TryLockError::Error(e)) => return Err(open_err(e)),
        }
        lock.set_len(0).and_then(|()| lock.write_all(holder.as_bytes())).and_then(|()| lock.flush()).map_err(open_err)?;
        remove_bulk_files(path);
        let store = Store::open(path).map_err(|e| classify(path, e))?;
        Ok(EntenteStore { store, path: path.to_path_buf(), _lock: Some(lock) })
    }

    /// Opens an existing store for reading, and holds it shared until it is dropped: other
    /// readers may open it too, writers are refused meanwhile.
    ///
    /// # Errors
    /// [`StoreError::Missing`] when there is no store at `path`, [`StoreError::Writing`] when
    /// another process writes it.
    pub fn open_read_only(path: &Path) -> Result<Self, StoreError> {
        if !path.join("CURRENT").is_file() {
            if path.is_file() || (path.is_dir() && std::fs::read_dir(path).is_ok_and(|mut d| d.any(|e| e.is_ok_and(|e| e.file_name() != LOCK_FILE)))) {
                return Err(StoreError::NotAStore(path.to_path_buf()));
            }
            return Err(StoreError::Missing(path.to_path_buf()));
        }
        // A store on a medium this process cannot write has no lock file to create: it has no
        // writer either, so it is read without one.
        let lock = OpenOptions::new().read(true).write(true).create(true).truncate(false).open(path.join(LOCK_FILE)).ok();
        if let Some(lock) = &lock {
            match lock.try_lock_shared() {
                Ok(()) => {}
                Err(TryLockError::WouldBlock) => return Err(Self::writing(path)),
                Err(TryLockError::Error(e)) => return Err(StoreError::Open { path: path.to_path_buf(), message: e.to_string() }),
            }
        }
        let store = Store::open_read_only(path).map_err(|e| classify(path, e))?;
        Ok(EntenteStore { store, path: path.to_path_buf(), _lock: lock })
    }

    /// The error for a store a writer holds, with what the writer says it is.
    fn writing(path: &Path) -> StoreError {
        let holder = std::fs::read_to_string(path.join(LOCK_FILE)).unwrap_or_default();
        let holder = holder.trim();
        StoreError::Writing {
            path: path.to_path_buf(),
            holder: if holder.is_empty() { "another entente process".to_owned() } else { holder.chars().take(300).collect() },
        }
    }

    /// The underlying Oxigraph store.
    pub fn inner(&self) -> &Store {
        &self.store
    }

    /// Replaces the graph of one article with `article`, atomically: readers see the old graph
    /// or the new one, never a mix, and a failure (or a crash) leaves the old one.
    ///
    /// An article of [`BULK_QUADS`] quads or more whose write only adds to the store (a new
    /// article, or one whose new graph keeps all of the old) is written by Oxigraph's bulk
    /// loader: sorted files that the store takes in at once, all or none, in memory bounded by
    /// the loader's batches. Any other write is one transaction, whose memory grows with the
    /// quads it changes (some 3 KB each: 1.4 GB for the 480,000 quads of 1 MB of news prose).
    ///
    /// # Errors
    /// [`StoreError::Write`] when the write fails.
    ///
    /// # Complexity
    /// O(n log n) for the n quads of the article and of its old graph, plus a store lookup for
    /// each label and each quad the article no longer holds.
    pub fn replace_article(&self, article: &ArticleQuads) -> Result<(), StoreError> {
        let err = |e: StorageError| StoreError::Write { path: self.path.clone(), message: e.to_string() };
        if article.len() >= BULK_QUADS {
            // one writer per store (the lock, and one writing thread in `serve`): what is read
            // here is still what the store holds when the loader's files are taken in
            let plan = Plan::new(&self.store, article).map_err(err)?;
            if plan.only_adds() {
                let threads = std::thread::available_parallelism().map_or(1, |n| n.get().min(4));
                let mut loader = self.store.bulk_loader().with_num_threads(threads).with_max_memory_size_in_megabytes(BULK_MEMORY_MB);
                loader.load_quads(plan.additions(article).map(QuadRef::into_owned)).map_err(err)?;
                return loader.commit().map_err(err);
            }
        }
        self.replace_articles(std::slice::from_ref(article))
    }

    /// Replaces the graphs of several articles in one transaction: faster than one transaction
    /// each, and all or nothing for the whole batch. A caller that needs to know which article
    /// failed writes them one by one with [`EntenteStore::replace_article`].
    ///
    /// # Errors
    /// [`StoreError::Write`] when the transaction fails; nothing of the batch is written then.
    pub fn replace_articles(&self, articles: &[ArticleQuads]) -> Result<(), StoreError> {
        let err = |e: StorageError| StoreError::Write { path: self.path.clone(), message: e.to_string() };
        let mut t = self.store.start_transaction().map_err(err)?;
        for article in articles {
            // (read through the transaction: it sees the articles of the batch written before)
            let plan = Plan::new(&t, article).map_err(err)?;
            for q in plan.additions(article) {
                t.insert(q);
            }
            for q in plan.removals(&article.graph) {
                t.remove(q.as_ref());
            }
        }
        t.commit().map_err(err)?;
        Ok(())
    }

    /// The text of the stored article `id` (its `nif:isString`), if the store holds it.
    ///
    /// # Errors
    /// [`StoreError::Read`] when the storage layer fails.
    pub fn article_text(&self, id: &str) -> Result<Option<String>, StoreError> {
        let context = mint::context(id);
        let graph = mint::graph(id);
        let mut quads = self.store.quads_for_pattern(
            Some(context.as_ref().into()),
            Some(nif::IS_STRING),
            None,
            Some(GraphNameRef::NamedNode(graph.as_ref())),
        );
        match quads.next() {
            None => Ok(None),
            Some(Err(e)) => Err(StoreError::Read { path: self.path.clone(), message: e.to_string() }),
            Some(Ok(q)) => Ok(match q.object {
                oxigraph::model::Term::Literal(l) => Some(l.value().to_owned()),
                _ => None,
            }),
        }
    }

    /// Flushes writes to disk.
    ///
    /// # Errors
    /// When the storage layer fails.
    pub fn flush(&self) -> Result<(), StoreError> {
        self.store.flush().map_err(|e| StoreError::Write { path: self.path.clone(), message: e.to_string() })
    }
}

/// Articles of this many quads or more (some 40 KB of dense news prose) are written by the bulk
/// loader when their write only adds (see [`EntenteStore::replace_article`]). Below, a
/// transaction costs less than the loader's files, which each article would add to the store.
pub const BULK_QUADS: usize = 20_000;

/// The memory the bulk loader may use for its batches, in MB (its threads share it).
const BULK_MEMORY_MB: usize = 64;

/// Reads of the store, or of a transaction (which sees its own writes).
trait Read {
    fn quads_for_pattern<'a>(&'a self, s: Option<NamedOrBlankNodeRef<'_>>, p: Option<NamedNodeRef<'_>>, o: Option<TermRef<'_>>, g: Option<GraphNameRef<'_>>) -> QuadIter<'a>;

    /// The quads that match a pattern. Those Oxigraph's iterator gives are checked again: for
    /// an object whose encoding ends in a 0xFF byte (the integer 255) Oxigraph 0.5 also gives
    /// quads of the same subject and predicate with other objects (255 and 510 for
    /// `?s nif:endIndex 255`), which made the former write keep triples in the default graph
    /// that no named graph held.
    fn quads<'a>(&'a self, s: Option<NamedOrBlankNodeRef<'a>>, p: Option<NamedNodeRef<'a>>, o: Option<TermRef<'a>>, g: Option<GraphNameRef<'a>>) -> impl Iterator<Item = Result<Quad, StorageError>> + 'a {
        self.quads_for_pattern(s, p, o, g).filter(move |q| {
            q.as_ref().map_or(true, |q| {
                s.is_none_or(|s| q.subject.as_ref() == s)
                    && p.is_none_or(|p| q.predicate.as_ref() == p)
                    && o.is_none_or(|o| q.object.as_ref() == o)
                    && g.is_none_or(|g| q.graph_name.as_ref() == g)
            })
        })
    }
}

impl Read for Store {
    fn quads_for_pattern<'a>(&'a self, s: Option<NamedOrBlankNodeRef<'_>>, p: Option<NamedNodeRef<'_>>, o: Option<TermRef<'_>>, g: Option<GraphNameRef<'_>>) -> QuadIter<'a> {
        Store::quads_for_pattern(self, s, p, o, g)
    }
}

impl Read for oxigraph::store::Transaction<'_> {
    fn quads_for_pattern<'a>(&'a self, s: Option<NamedOrBlankNodeRef<'_>>, p: Option<NamedNodeRef<'_>>, o: Option<TermRef<'_>>, g: Option<GraphNameRef<'_>>) -> QuadIter<'a> {
        oxigraph::store::Transaction::quads_for_pattern(self, s, p, o, g)
    }
}

/// What replacing one article's graph changes in the store, read before anything is written.
///
/// The store afterwards: the article's graph is the article's quads and the `skos:altLabel`s
/// below; the registry gains the labels of the nodes it has none for, and loses those of the
/// nodes no article describes any more; the default graph gains every quad added to a named
/// graph, and loses the triples that the article's graph held and that no named graph holds
/// any more. So the default graph stays the merge of the named graphs (a triple the graph kept
/// is in the default graph already), and a write that removes nothing only adds quads.
struct Plan {
    /// Which of the article's triples its graph held before (empty: none).
    held: Vec<bool>,
    /// The triples the graph held that the article no longer states.
    gone: Vec<Triple>,
    /// Those of `gone` that no named graph holds afterwards.
    gone_everywhere: Vec<Triple>,
    /// Registry labels to add: nodes the registry names for the first time.
    labels: Vec<(NamedNode, Literal)>,
    /// Other names for nodes the registry already names, as `skos:altLabel`s of the graph.
    alt_labels: Vec<(NamedNode, Literal)>,
    /// Registry labels of nodes no article describes any more.
    stale: Vec<Quad>,
}

impl Plan {
    fn new(store: &impl Read, article: &ArticleQuads) -> Result<Self, StorageError> {
        let registry = registry_graph();
        let graph = GraphNameRef::NamedNode(article.graph.as_ref());
        let mut plan = Plan { held: Vec::new(), gone: Vec::new(), gone_everywhere: Vec::new(), labels: Vec::new(), alt_labels: Vec::new(), stale: Vec::new() };
        for q in store.quads(None, None, None, Some(graph)) {
            let q = q?;
            match article.position(q.as_ref().into()) {
                Some(i) => {
                    if plan.held.is_empty() {
                        plan.held = vec![false; article.len()];
                    }
                    if let Some(h) = plan.held.get_mut(i) {
                        *h = true;
                    }
                }
                None => plan.gone.push(q.into()),
            }
        }
        // the nodes the article types, and the other names its graph gives them
        let mut typed: HashSet<NamedOrBlankNodeRef<'_>> = HashSet::new();
        let mut alt: HashSet<(NamedOrBlankNodeRef<'_>, &str)> = HashSet::new();
        for t in article.triples() {
            if t.predicate == rdf::TYPE {
                typed.insert(t.subject);
            } else if let (true, TermRef::Literal(l)) = (t.predicate == skos::ALT_LABEL, t.object) {
                alt.insert((t.subject, l.value()));
            }
        }
        // the registry keeps the first label it sees; the article's other name for a node it
        // describes is an alternative label in its graph
        let mut first_label: HashMap<&NamedNode, &str> = HashMap::new();
        let mut alt_added: HashSet<(&NamedNode, &str)> = HashSet::new();
        for (node, label) in &article.labels {
            let stored = store.quads(Some(node.as_ref().into()), Some(rdfs::LABEL), None, Some(registry.into())).next().transpose()?;
            let existing = match &stored {
                Some(q) => Some(matches!(&q.object, Term::Literal(l) if l.value() == label)),
                None => first_label.get(node).map(|l| l == label),
            };
            match existing {
                Some(same) => {
                    let has_alt = alt.contains(&(node.as_ref().into(), label.as_str())) || alt_added.contains(&(node, label.as_str()));
                    if !same && !has_alt && typed.contains(&node.as_ref().into()) {
                        alt_added.insert((node, label.as_str()));
                        plan.alt_labels.push((node.clone(), Literal::new_simple_literal(label)));
                    }
                }
                None => {
                    first_label.insert(node, label);
                    plan.labels.push((node.clone(), Literal::new_simple_literal(label)));
                }
            }
        }
        // what the graph no longer holds leaves the default graph unless another named graph
        // holds it; a node no article types any more loses its registry label
        let added: HashSet<Triple> = plan.alt_triples().chain(plan.label_triples()).map(TripleRef::into_owned).collect();
        let mut gone_nodes: Vec<&NamedOrBlankNode> = Vec::new();
        let mut seen_nodes: HashSet<&NamedOrBlankNode> = HashSet::new();
        for tr in &plan.gone {
            let still = added.contains(tr)
                || any_quad(store.quads(Some(tr.subject.as_ref()), Some(tr.predicate.as_ref()), Some(tr.object.as_ref()), None), |q| {
                    matches!(&q.graph_name, GraphName::NamedNode(g) if g.as_ref() != article.graph.as_ref())
                })?;
            if !still {
                plan.gone_everywhere.push(tr.clone());
            }
            if tr.predicate == rdf::TYPE && seen_nodes.insert(&tr.subject) {
                gone_nodes.push(&tr.subject);
            }
        }
        let labelled: HashMap<&NamedNode, &Literal> = plan.labels.iter().map(|(n, l)| (n, l)).collect();
        let mut stale = Vec::new();
        for n in gone_nodes {
            let described = typed.contains(&n.as_ref())
                || any_quad(store.quads(Some(n.as_ref()), Some(rdf::TYPE), None, None), |q| {
                    matches!(&q.graph_name, GraphName::NamedNode(g) if g.as_ref() != registry && g.as_ref() != article.graph.as_ref())
                })?;
            if !described {
                for q in store.quads(Some(n.as_ref()), Some(rdfs::LABEL), None, Some(registry.into())) {
                    stale.push(q?);
                }
                if let NamedOrBlankNode::NamedNode(node) = n {
                    stale.extend(labelled.get(node).map(|&l| Quad::new(node.clone(), rdfs::LABEL, l.clone(), registry)));
                }
            }
        }
        plan.stale = stale;
        Ok(plan)
    }

    /// The alternative labels to add, as triples of the article's graph.
    fn alt_triples(&self) -> impl Iterator<Item = TripleRef<'_>> + '_ {
        self.alt_labels.iter().map(|(n, l)| TripleRef::new(n, skos::ALT_LABEL, l))
    }

    /// The labels to add, as triples of the registry graph.
    fn label_triples(&self) -> impl Iterator<Item = TripleRef<'_>> + '_ {
        self.labels.iter().map(|(n, l)| TripleRef::new(n, rdfs::LABEL, l))
    }

    /// Whether the write removes nothing (then the bulk loader may write it).
    fn only_adds(&self) -> bool {
        self.gone.is_empty() && self.stale.is_empty()
    }

    /// The quads to add: the article's quads its graph did not hold, the alternative labels,
    /// the registry labels, each in its named graph and in the default graph.
    fn additions<'a>(&'a self, article: &'a ArticleQuads) -> impl Iterator<Item = QuadRef<'a>> + 'a {
        let graph = GraphNameRef::NamedNode(article.graph.as_ref());
        let new = article.triples().enumerate().filter(|(i, _)| !self.held.get(*i).copied().unwrap_or(false)).map(|(_, t)| t);
        let alt = self.alt_triples().map(move |t| t.in_graph(graph));
        let labels = self.label_triples().map(|t| t.in_graph(registry_graph()));
        new.map(move |t| t.in_graph(graph))
            .chain(alt)
            .chain(labels)
            .flat_map(|q| [q, QuadRef::new(q.subject, q.predicate, q.object, GraphNameRef::DefaultGraph)])
    }

    /// The quads to remove, after the additions: what the graph no longer holds (but the
    /// alternative labels it keeps), in the default graph what no named graph holds any more,
    /// and the stale registry labels with their copies in the default graph.
    fn removals(&self, graph: &NamedNode) -> Vec<Quad> {
        let alt: HashSet<TripleRef<'_>> = self.alt_triples().collect();
        let from_graph = self.gone.iter().filter(|t| !alt.contains(&t.as_ref())).map(|t| t.clone().in_graph(graph.clone()));
        let from_default = self.gone_everywhere.iter().map(|t| t.clone().in_graph(GraphName::DefaultGraph));
        let stale = self.stale.iter().flat_map(|q| [q.clone(), Quad::new(q.subject.clone(), q.predicate.clone(), q.object.clone(), GraphName::DefaultGraph)]);
        from_graph.chain(from_default).chain(stale).collect()
    }
}

/// Whether any quad read satisfies `pred`. A read error is returned, not skipped: it aborts
/// the article's transaction, so that the derived default graph and the label registry are never
/// updated from a partial read.
fn any_quad(quads: impl Iterator<Item = Result<Quad, StorageError>>, mut pred: impl FnMut(&Quad) -> bool) -> Result<bool, StorageError> {
    for q in quads {
        if pred(&q?) {
            return Ok(true);
        }
    }
    Ok(false)
}

/// Removes the files a bulk write left in the store directory when a crash stopped it before
/// the store took them in (`bulk-*.sst`, see [`EntenteStore::replace_article`]): the store never
/// read them, and the next bulk write names its own. Only a writer calls it, holding the lock.
fn remove_bulk_files(path: &Path) {
    for entry in std::fs::read_dir(path).into_iter().flatten().flatten() {
        let name = entry.file_name();
        let name = name.to_string_lossy();
        if name.starts_with("bulk-") && name.ends_with(".sst") {
            // (one left behind costs disk space only)
            let _ = std::fs::remove_file(entry.path());
        }
    }
}

/// The IRI of the registry graph.
pub fn registry_graph() -> NamedNodeRef<'static> {
    NamedNodeRef::new_unchecked(mint::REGISTRY_GRAPH)
}
