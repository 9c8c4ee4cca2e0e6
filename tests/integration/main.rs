//! Integration tests on the real `entente` binary: one test binary, a shared corpus
//! (`examples/articles`), outputs checked by the tools users read them with (rdflib).

mod bad_input;
mod common;
mod crash;
mod eval;
mod exports;
mod hostile;
mod ingest_query;
mod ontology;
mod properties;
mod properties_export;
mod properties_input;
mod serve;
