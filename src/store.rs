//! The embedded Oxigraph store and Entente's write policy over it: one named graph per
//! article, replaced atomically (re-ingesting an article leaves one copy), and one canonical
//! `rdfs:label` per cross-article node in the registry graph (the first one seen is kept).
//!
//! The store's default graph is kept equal to the RDF merge of all those graphs, in the same
//! transaction as each article. Queries then see the union of all graphs with set semantics:
//! a triple stated by two articles counts once (Oxigraph 0.5's on-the-fly union counts it once
//! per graph, which inflates `COUNT`s).

use std::collections::HashSet;
use std::fs::{File, OpenOptions, TryLockError};
use std::io::Write;
use std::path::{Path, PathBuf};

use oxigraph::model::vocab::{rdf, rdfs};
use oxigraph::model::{
    GraphName, GraphNameRef, Literal, NamedNode, NamedNodeRef, NamedOrBlankNode, Quad, QuadRef, TermRef, Triple,
};
use oxigraph::store::{StorageError, Store};

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

    /// Replaces the graph of one article with `article`, in one transaction: readers see the old
    /// graph or the new one, never a mix, and a failure leaves the old one.
    ///
    /// # Errors
    /// [`StoreError::Write`] when the transaction fails.
    pub fn replace_article(&self, article: &ArticleQuads) -> Result<(), StoreError> {
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
            Self::write_article(&mut t, article).map_err(err)?;
        }
        t.commit().map_err(err)?;
        Ok(())
    }

    fn write_article(t: &mut oxigraph::store::Transaction<'_>, article: &ArticleQuads) -> Result<(), StorageError> {
        let registry = NamedNode::new_unchecked(mint::REGISTRY_GRAPH);
        let graph = GraphNameRef::NamedNode(article.graph.as_ref());
        let old: HashSet<Triple> = t
            .quads_for_pattern(None, None, None, Some(graph))
            .map(|q| q.map(Triple::from))
            .collect::<Result<_, _>>()
            ?;
        let new: HashSet<Triple> = article.quads.iter().map(|q| Triple::from(q.clone())).collect();
        t.clear_graph(graph)?;
        for q in &article.quads {
            t.insert(q.as_ref());
            t.insert(QuadRef::new(&q.subject, &q.predicate, &q.object, GraphNameRef::DefaultGraph));
        }
        for (node, label) in &article.labels {
            let existing: Vec<Quad> = t
                .quads_for_pattern(Some(node.as_ref().into()), Some(rdfs::LABEL), None, Some(registry.as_ref().into()))
                .collect::<Result<_, _>>()?;
            if let Some(q) = existing.first() {
                // the node already has its label; this article's name for it is another name
                let same = matches!(&q.object, oxigraph::model::Term::Literal(l) if l.value() == label);
                let has_alt = any_quad(t.quads_for_pattern(Some(node.as_ref().into()), Some(skos::ALT_LABEL), None, Some(graph)), |q| {
                    matches!(&q.object, oxigraph::model::Term::Literal(l) if l.value() == label)
                })?;
                if !same && !has_alt && article.quads.iter().any(|q| q.subject == oxigraph::model::NamedOrBlankNode::NamedNode(node.clone()) && q.predicate == rdf::TYPE) {
                    let lit = Literal::new_simple_literal(label);
                    t.insert(QuadRef::new(node.as_ref(), skos::ALT_LABEL, TermRef::Literal(lit.as_ref()), graph));
                    t.insert(QuadRef::new(node.as_ref(), skos::ALT_LABEL, TermRef::Literal(lit.as_ref()), GraphNameRef::DefaultGraph));
                }
            } else {
                let lit = Literal::new_simple_literal(label);
                t.insert(QuadRef::new(node.as_ref(), rdfs::LABEL, TermRef::Literal(lit.as_ref()), registry.as_ref()));
                t.insert(QuadRef::new(node.as_ref(), rdfs::LABEL, TermRef::Literal(lit.as_ref()), GraphNameRef::DefaultGraph));
            }
        }
        // The default graph is the RDF merge (a set) of the article graphs: a triple leaves it
        // when no article graph holds it any more. A node no article describes any more loses
        // its registry label too.
        let mut gone_nodes: HashSet<NamedOrBlankNode> = HashSet::new();
        for tr in old.difference(&new) {
            let still = any_quad(
                t.quads_for_pattern(Some(tr.subject.as_ref()), Some(tr.predicate.as_ref()), Some(tr.object.as_ref()), None),
                |q| matches!(q.graph_name, GraphName::NamedNode(_)),
            )?;
            if !still {
                t.remove(QuadRef::new(&tr.subject, &tr.predicate, &tr.object, GraphNameRef::DefaultGraph));
            }
            if tr.predicate == rdf::TYPE {
                gone_nodes.insert(tr.subject.clone());
            }
        }
        for n in gone_nodes {
            let described = any_quad(t.quads_for_pattern(Some(n.as_ref()), Some(rdf::TYPE), None, None), |q| {
                matches!(&q.graph_name, GraphName::NamedNode(g) if g != &registry)
            })?;
            if !described {
                let stale: Vec<Quad> = t
                    .quads_for_pattern(Some(n.as_ref()), Some(rdfs::LABEL), None, Some(registry.as_ref().into()))
                    .collect::<Result<_, _>>()?;
                for q in stale {
                    t.remove(q.as_ref());
                    t.remove(QuadRef::new(&q.subject, &q.predicate, &q.object, GraphNameRef::DefaultGraph));
                }
            }
        }
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

/// The IRI of the registry graph.
pub fn registry_graph() -> NamedNodeRef<'static> {
    NamedNodeRef::new_unchecked(mint::REGISTRY_GRAPH)
}
