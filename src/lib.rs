//! Entente builds an RDF knowledge graph of who met whom and who agreed to what from news
//! articles: actors (persons with their posts, countries, organizations), meetings, pacts,
//! sanctions and statements, each with the sentence and offsets that state it, one named graph
//! per article, in an embedded Oxigraph store queried with SPARQL.
//!
//! The pipeline, each stage depending only on those before it:
//! [`document`] → [`text`] → [`mention`] → [`resolve`] → [`event`] → [`rdf`] → [`store`];
//! [`query`] reads the store. Stages up to [`event`] are pure functions of the text.
//!
//! ```
//! use entente::{document::Document, extract};
//! let doc = Document {
//!     id: "a".into(),
//!     text: "Iranian President Ebrahim Raisi met Venezuelan President Nicolas Maduro in Tehran on Saturday.".into(),
//!     date: chrono::NaiveDate::from_ymd_opt(2022, 6, 13),
//!     title: None,
//!     url: None,
//! };
//! let x = extract(&doc);
//! assert_eq!(x.events.len(), 1);
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
#![deny(missing_docs)]

pub mod analyze;
pub mod casing;
pub mod document;
pub mod event;
pub mod export;
pub mod frame;
pub mod lexicon;
pub mod link;
pub mod mention;
pub mod officeholders;
pub mod query;
pub mod rdf;
pub mod resolve;
pub mod store;
pub mod text;
pub mod time;

/// Runs the pure extraction pipeline on one document.
pub fn extract(doc: &document::Document) -> event::Extraction {
    let lex = lexicon::Lexicon::shipped();
    // an article whose case was lost is read through a truecased copy of the same length
    let recased = casing::lost_case(&doc.text).then(|| casing::truecase(&doc.text, lex));
    let a = text::analyze_with(recased.as_deref().unwrap_or(&doc.text), |c| lex.place_country(c, None).is_some());
    let year = doc.date.map(|d| chrono::Datelike::year(&d));
    let mentions = mention::find_mentions(&a, lex, year);
    let resolved = resolve::resolve(&a, &mentions, lex, &resolve::fold(&doc.id), year);
    event::extract(&a, resolved, doc.date)
}
