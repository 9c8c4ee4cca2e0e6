//! The ontology loads (in Oxigraph and in rdflib) and declares every `ent:` term the code writes.

use std::collections::HashSet;

use oxigraph::io::{RdfFormat, RdfParser};
use oxigraph::model::vocab::rdf;
use oxigraph::model::{NamedOrBlankNode, Term};

use crate::common::*;

#[test]
fn every_constant_is_declared_in_the_ontology() {
    let path = root().join("ontology/entente.ttl");
    let text = std::fs::read(&path).unwrap();
    let declared_as = [
        "http://www.w3.org/2002/07/owl#Class",
        "http://www.w3.org/2002/07/owl#ObjectProperty",
        "http://www.w3.org/2002/07/owl#DatatypeProperty",
        "http://www.w3.org/2002/07/owl#NamedIndividual",
        "http://www.w3.org/2004/02/skos/core#ConceptScheme",
    ];
    let mut declared = HashSet::new();
    let mut labelled = HashSet::new();
    for t in RdfParser::from_format(RdfFormat::Turtle).for_slice(&text) {
        let t = t.expect("ontology/entente.ttl parses");
        if let NamedOrBlankNode::NamedNode(s) = &t.subject {
            if t.predicate == rdf::TYPE {
                if let Term::NamedNode(o) = &t.object {
                    if declared_as.contains(&o.as_str()) {
                        declared.insert(s.as_str().to_owned());
                    }
                }
            }
            if t.predicate.as_str() == "http://www.w3.org/2000/01/rdf-schema#comment" {
                labelled.insert(s.as_str().to_owned());
            }
        }
    }
    for term in entente::rdf::vocab::ent::ALL {
        assert!(declared.contains(term.as_str()), "{} is not declared in ontology/entente.ttl", term.as_str());
        assert!(labelled.contains(term.as_str()), "{} has no rdfs:comment in ontology/entente.ttl", term.as_str());
    }
}

#[test]
fn every_role_title_of_the_lexicon_is_a_concept_of_the_role_scheme() {
    let ttl = std::fs::read_to_string(root().join("ontology/entente.ttl")).unwrap();
    let titles = std::fs::read_to_string(root().join("ontology/lexicon/titles.tsv")).unwrap();
    for line in titles.lines().filter(|l| !l.starts_with('#')).skip(1) {
        let role = line.split('\t').nth(1).unwrap();
        if role == "-" {
            continue;
        }
        let iri = entente::rdf::mint::role(role);
        assert!(ttl.contains(iri.as_str()) || ttl.contains(&format!("role:{}", entente::resolve::fold(role))),
            "role {role:?} ({}) is not in ontology/entente.ttl", iri.as_str());
    }
}

#[test]
fn the_ontology_and_shapes_load_in_rdflib() {
    let ontology = root().join("ontology/entente.ttl");
    let shapes = root().join("ontology/shapes.ttl");
    let out = run_python(
        "import sys, rdflib\n\
         from rdflib.namespace import OWL, RDF\n\
         g=rdflib.Graph().parse(sys.argv[1], format='turtle')\n\
         s=rdflib.Graph().parse(sys.argv[2], format='turtle')\n\
         ent='https://w3id.org/entente/ontology#'\n\
         terms={str(x) for x in g.subjects(RDF.type, None) if str(x).startswith(ent)}\n\
         print(len(terms), len(s))",
        &[ontology.to_str().unwrap(), shapes.to_str().unwrap()],
    );
    let nums: Vec<usize> = out.split_whitespace().map(|x| x.parse().unwrap()).collect();
    assert!(nums[0] >= entente::rdf::vocab::ent::ALL.len(), "{out}");
    assert!(nums[1] > 50, "shapes: {out}");
}
