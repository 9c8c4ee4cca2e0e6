//! Cross-article identity of persons: the same person named more or less fully in different
//! articles ("Felix Plasencia" and "Felix Plasencia Gonzalez", "President Reagan" and
//! "President Ronald Reagan") becomes one node, and two persons who only share a surname never
//! do.
//!
//! Within an article `resolve` already joins the names of one person. Across articles, the
//! store's persons are indexed once per ingest run; each new article's persons are linked to
//! them before its quads are written.
//!
//! - A name of two or more words is the same person as a stored name when the shorter is the
//!   longer with words left out, same first word ("Felix Plasencia" / "Felix Plasencia
//!   Gonzalez", "George Bush" / "George W. Bush"), and only one stored person fits.
//! - A person known only by a surname is a stored person with that surname (alone or as the
//!   last word of a full name) only when they also hold the same post (same role, same country or
//!   organization), and only one fits: "President Reagan" of the United States in two stories.

use std::collections::{BTreeSet, HashMap};

use oxigraph::model::Term;

use crate::event::Extraction;
use crate::query::{self, QueryError};
use crate::rdf::mint;
use crate::resolve::{fold, EntityKind};
use crate::store::EntenteStore;

#[derive(Debug, Default, Clone)]
struct Record {
    /// Folded names, as word lists.
    names: BTreeSet<Vec<String>>,
    /// (role, key of what the post belongs to).
    posts: BTreeSet<(String, Option<String>)>,
}

/// The persons known so far, by key and by surname.
#[derive(Debug, Default)]
pub struct PersonIndex {
    persons: HashMap<String, Record>,
    by_word: HashMap<String, BTreeSet<String>>,
}

fn words(name: &str) -> Vec<String> {
    name.split_whitespace().map(fold).filter(|w| !w.is_empty()).collect()
}

/// Whether `short` is `long` with words left out, keeping the first word.
fn sub_name(short: &[String], long: &[String]) -> bool {
    if short.len() < 2 || short.len() > long.len() || short.first() != long.first() {
        return false;
    }
    let mut it = long.iter();
    short.iter().all(|w| it.any(|l| l == w))
}

impl PersonIndex {
    /// Indexes the persons of a store.
    ///
    /// # Errors
    /// A failed query.
    pub fn load(store: &EntenteStore) -> Result<Self, QueryError> {
        let mut index = PersonIndex::default();
        let text = |t: &Term| match t {
            Term::NamedNode(n) => n.as_str().to_owned(),
            Term::Literal(l) => l.value().to_owned(),
            other => other.to_string(),
        };
        for r in query::select(store, "SELECT ?p ?n WHERE { ?p a schema:Person . { ?p rdfs:label ?n } UNION { ?p skos:altLabel ?n } }")? {
            let (Some(p), Some(n)) = (r.get("p"), r.get("n")) else { continue };
            if let Some(key) = mint::key_of(&text(p)) {
                index.add_name(&key, &text(n));
            }
        }
        for r in query::select(store, "SELECT ?p ?role ?of WHERE { ?p a schema:Person ; org:holds ?post . ?post org:role/skos:prefLabel ?role . OPTIONAL { ?post org:postIn ?of } }")? {
            let (Some(p), Some(role)) = (r.get("p"), r.get("role")) else { continue };
            if let Some(key) = mint::key_of(&text(p)) {
                let of = r.get("of").and_then(|o| mint::key_of(&text(o)));
                index.persons.entry(key).or_default().posts.insert((text(role), of));
            }
        }
        Ok(index)
    }

    fn add_name(&mut self, key: &str, name: &str) {
        let w = words(name);
        if w.is_empty() {
            return;
        }
        for x in &w {
            self.by_word.entry(x.clone()).or_default().insert(key.to_owned());
        }
        self.persons.entry(key.to_owned()).or_default().names.insert(w);
    }

    /// Gives the persons of `x` the keys of the stored persons they are.
    pub fn link(&self, x: &mut Extraction) {
        let keys: Vec<String> = x.resolved.entities.iter().map(|e| e.key.clone()).collect();
        for i in 0..x.resolved.entities.len() {
            let e = &x.resolved.entities[i];
            if e.kind != EntityKind::Person || self.persons.contains_key(&e.key) {
                continue;
            }
            let names: Vec<Vec<String>> = e.names.iter().map(|n| words(n)).filter(|w| !w.is_empty()).collect();
            let posts: BTreeSet<(String, Option<String>)> =
                e.posts.iter().map(|p| (p.role.clone(), p.of.and_then(|o| keys.get(o).cloned()))).collect();
            let full: Vec<&Vec<String>> = names.iter().filter(|w| w.len() >= 2).collect();
            let mut candidates: BTreeSet<&String> = BTreeSet::new();
            if !full.is_empty() {
                for n in &full {
                    for k in n.iter().filter_map(|w| self.by_word.get(w)).flatten() {
                        let rec = &self.persons[k];
                        if rec.names.iter().any(|v| v.len() >= 2 && (sub_name(n, v) || sub_name(v, n))) {
                            candidates.insert(k);
                        }
                    }
                }
            } else if let Some(surname) = names.iter().filter_map(|n| n.last()).next() {
                for k in self.by_word.get(surname).into_iter().flatten() {
                    let rec = &self.persons[k];
                    let has_surname = rec.names.iter().any(|v| v.last() == Some(surname));
                    let same_post = rec.posts.iter().any(|p| posts.contains(p) && p.1.is_some());
                    if has_surname && same_post {
                        candidates.insert(k);
                    }
                }
            }
            if candidates.len() == 1 {
                if let Some(k) = candidates.into_iter().next() {
                    x.resolved.entities[i].key.clone_from(k);
                }
            }
        }
    }

    /// Adds the persons of an ingested article.
    pub fn add(&mut self, x: &Extraction) {
        for e in &x.resolved.entities {
            if e.kind != EntityKind::Person {
                continue;
            }
            for n in &e.names {
                self.add_name(&e.key, n);
            }
            let posts: Vec<(String, Option<String>)> =
                e.posts.iter().map(|p| (p.role.clone(), p.of.map(|o| x.resolved.entities[o].key.clone()))).collect();
            self.persons.entry(e.key.clone()).or_default().posts.extend(posts);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn w(s: &str) -> Vec<String> {
        words(s)
    }

    #[test]
    fn sub_names() {
        assert!(sub_name(&w("Felix Plasencia"), &w("Felix Plasencia Gonzalez")));
        assert!(sub_name(&w("George Bush"), &w("George W. Bush")));
        assert!(sub_name(&w("Nicolas Maduro"), &w("Nicolás Maduro")));
        assert!(!sub_name(&w("Nancy Reagan"), &w("Ronald Reagan")));
        assert!(!sub_name(&w("Kim Dae-jung"), &w("Kim Jong Un")));
        assert!(!sub_name(&w("Reagan"), &w("Ronald Reagan")), "one word is never enough");
    }
}
