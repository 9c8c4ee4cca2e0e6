//! Extraction → RDF quads per `VOCABULARY.md`: one named graph per article, NIF evidence and
//! mentions with code-point offsets, actors, posts and events. The only stage that knows IRIs.

pub mod mint;
pub mod vocab;

use std::collections::BTreeSet;

use oxigraph::model::vocab::{rdf, xsd};
use oxigraph::model::{GraphName, Literal, NamedNode, NamedNodeRef, NamedOrBlankNode, Quad, Term};

use crate::document::Document;
use crate::event::{Event, EventKind, Extraction, Status};
use crate::lexicon::OrgKind;
use crate::resolve::{Entity, EntityKind};
use crate::time::When;
use vocab::{dcterms, ent, itsrdf, nif, org, prov, schema, sem, skos, time};

/// The quads of one article, ready for the store.
#[derive(Debug, Clone)]
pub struct ArticleQuads {
    /// The article's named graph.
    pub graph: NamedNode,
    /// Every quad of that graph.
    pub quads: Vec<Quad>,
    /// Canonical labels of cross-article nodes (actors, places, shared pacts): the store keeps
    /// the first one it sees in its registry graph, so each node has exactly one `rdfs:label`.
    pub labels: Vec<(NamedNode, String)>,
}

/// The quads of one article graph, as stated; `article_quads` keeps each once.
struct Writer {
    graph: GraphName,
    quads: Vec<Quad>,
}

impl Writer {
    fn add(&mut self, s: impl Into<NamedOrBlankNode>, p: NamedNodeRef<'_>, o: impl Into<Term>) {
        self.quads.push(Quad::new(s, p.into_owned(), o, self.graph.clone()));
    }
}

/// Byte offsets → code-point offsets, as NIF requires.
struct CodePoints {
    starts: Vec<usize>,
}

impl CodePoints {
    fn new(text: &str) -> Self {
        CodePoints { starts: text.char_indices().map(|(b, _)| b).collect() }
    }
    fn at(&self, byte: usize) -> usize {
        self.starts.partition_point(|&b| b < byte)
    }
}

/// An offset. NIF's range is xsd:nonNegativeInteger, but Oxigraph stores integer subtypes as
/// xsd:integer; writing xsd:integer keeps what is exported equal to what was written.
fn nonneg(n: usize) -> Literal {
    Literal::new_typed_literal(n.to_string(), xsd::INTEGER)
}

fn status_node(s: Status) -> NamedNodeRef<'static> {
    match s {
        Status::Held => ent::HELD,
        Status::Planned => ent::PLANNED,
        Status::Proposed => ent::PROPOSED,
        Status::Signed => ent::SIGNED,
        Status::InForce => ent::IN_FORCE,
        Status::Withdrawn => ent::WITHDRAWN,
        Status::Failed => ent::FAILED,
    }
}

fn when_literal(w: When) -> Literal {
    match w {
        When::Date(_) => Literal::new_typed_literal(w.lexical(), xsd::DATE),
        When::Month(..) => Literal::new_typed_literal(w.lexical(), xsd::G_YEAR_MONTH),
        When::Year(_) => Literal::new_typed_literal(w.lexical(), xsd::G_YEAR),
    }
}

/// Builds the quads of one article.
pub fn article_quads(doc: &Document, x: &Extraction) -> ArticleQuads {
    let graph = mint::graph(&doc.id);
    let mut w = Writer { graph: GraphName::NamedNode(graph.clone()), quads: Vec::new() };
    let mut labels = Vec::new();
    let article = mint::article(&doc.id);
    let context = mint::context(&doc.id);
    let cp = CodePoints::new(&doc.text);
    // anchors come from the text as given (the extraction may have read a truecased copy)
    let slice = |s: usize, e: usize| doc.text.get(s..e).unwrap_or("");

    // the article and its provenance
    w.add(article.clone(), rdf::TYPE, schema::NEWS_ARTICLE.into_owned());
    w.add(article.clone(), dcterms::IDENTIFIER, Literal::new_simple_literal(&doc.id));
    if let Some(t) = &doc.title {
        w.add(article.clone(), dcterms::TITLE, Literal::new_simple_literal(t));
    }
    if let Some(d) = doc.date {
        w.add(article.clone(), dcterms::ISSUED, Literal::new_typed_literal(d.format("%Y-%m-%d").to_string(), xsd::DATE));
    }
    if let Some(u) = &doc.url {
        match NamedNode::new(u.clone()) {
            Ok(n) => w.add(article.clone(), schema::URL, n),
            Err(_) => w.add(article.clone(), schema::URL, Literal::new_simple_literal(u)),
        }
    }
    w.add(graph.clone(), prov::WAS_DERIVED_FROM, article.clone());
    w.add(context.clone(), rdf::TYPE, nif::CONTEXT.into_owned());
    w.add(context.clone(), nif::IS_STRING, Literal::new_simple_literal(&doc.text));
    w.add(context.clone(), nif::BEGIN_INDEX, nonneg(0));
    w.add(context.clone(), nif::END_INDEX, nonneg(cp.starts.len()));
    w.add(context.clone(), prov::WAS_DERIVED_FROM, article.clone());

    // sentences used as evidence or holding mentions
    let mut used: BTreeSet<usize> = x.resolved.refs.iter().map(|r| r.sentence).collect();
    used.extend(x.events.iter().flat_map(|e| e.sentences.iter().copied()));
    let sentence_node = |i: usize| {
        let (s, e) = x.sentences.get(i).copied().unwrap_or((0, 0));
        mint::string(&doc.id, cp.at(s), cp.at(e))
    };
    for &i in &used {
        let Some(&(start, end)) = x.sentences.get(i) else { continue };
        let n = sentence_node(i);
        w.add(n.clone(), rdf::TYPE, nif::STRING.into_owned());
        w.add(n.clone(), rdf::TYPE, nif::SENTENCE_CLASS.into_owned());
        w.add(n.clone(), nif::ANCHOR_OF, Literal::new_simple_literal(slice(start, end)));
        w.add(n.clone(), nif::BEGIN_INDEX, nonneg(cp.at(start)));
        w.add(n.clone(), nif::END_INDEX, nonneg(cp.at(end)));
        w.add(n.clone(), nif::REFERENCE_CONTEXT, context.clone());
    }

    // entities
    let nodes: Vec<NamedNode> = x.resolved.entities.iter().map(|e| mint::entity(&e.key)).collect();
    for (e, n) in x.resolved.entities.iter().zip(&nodes) {
        entity_quads(&mut w, e, n, &nodes, &x.resolved.entities);
        labels.push((n.clone(), e.label.clone()));
    }

    // mentions
    for r in &x.resolved.refs {
        let (b, e) = (cp.at(r.start), cp.at(r.end));
        let m = NamedNode::new_unchecked(format!("{}#mention={b},{e}", mint::article(&doc.id).as_str()));
        w.add(m.clone(), rdf::TYPE, nif::PHRASE.into_owned());
        w.add(m.clone(), rdf::TYPE, nif::STRING.into_owned());
        w.add(m.clone(), nif::ANCHOR_OF, Literal::new_simple_literal(slice(r.start, r.end)));
        w.add(m.clone(), nif::BEGIN_INDEX, nonneg(b));
        w.add(m.clone(), nif::END_INDEX, nonneg(e));
        w.add(m.clone(), nif::REFERENCE_CONTEXT, context.clone());
        w.add(m.clone(), itsrdf::TA_IDENT_REF, nodes[r.entity].clone());
        w.add(m.clone(), ent::SENTENCE, sentence_node(r.sentence));
    }

    // events
    let mut counters = std::collections::HashMap::<&str, usize>::new();
    let mut shared_keys = std::collections::HashSet::new();
    for ev in &x.events {
        let family = match ev.kind {
            EventKind::Meeting { .. } => "meeting",
            EventKind::Pact { .. } => "pact",
            EventKind::Sanction { .. } => "sanction",
            EventKind::Statement { .. } => "statement",
        };
        let n = counters.entry(family).or_insert(0);
        *n += 1;
        // A pact between two or more named parties is one node across articles: its parties and
        // its duration or topic name it ("P20Y", "semiconductor"), else its kind and the year it
        // is made or told in, so one deal told in several articles ("the accord", "the deal") is
        // one node and deals years apart are two. Two pacts of one article that would share that
        // name keep their own nodes.
        let shared = match &ev.kind {
            EventKind::Pact { duration, .. } => shared_pact_key(ev, &x.resolved.entities, duration.as_deref(), doc.date).filter(|k| shared_keys.insert(k.clone())),
            _ => None,
        };
        let node = match shared {
            Some((keys, tag)) => {
                let node = mint::shared_pact(&keys, &tag);
                labels.push((node.clone(), pact_label(ev, &x.resolved.entities)));
                node
            }
            None => mint::event(&doc.id, &format!("{family}-{n}")),
        };
        event_quads(&mut w, ev, &node, &nodes);
        for &s in &ev.sentences {
            if s < x.sentences.len() {
                w.add(node.clone(), ent::EVIDENCE, sentence_node(s));
            }
        }
    }
    // a graph is a set: what several parts of the article state alike (a span that refers to
    // two entities, the role two persons hold, a sentence an event cites twice) is one quad
    let mut quads = w.quads;
    let keep: Vec<bool> = {
        let mut seen = std::collections::HashSet::with_capacity(quads.len());
        quads.iter().map(|q| seen.insert(q)).collect()
    };
    let mut k = keep.into_iter();
    quads.retain(|_| k.next().unwrap_or(true));
    ArticleQuads { graph, quads, labels }
}

/// The parties (two or more countries or organizations) and the duration, topic, or kind and
/// year that name a pact across articles.
fn shared_pact_key(ev: &Event, entities: &[Entity], duration: Option<&str>, article_date: Option<chrono::NaiveDate>) -> Option<(Vec<String>, String)> {
    // a pact's own name ("the Louvre accord") names it in every article, whoever each names as bound
    if let Some(name) = &ev.name {
        return Some((Vec::new(), name.clone()));
    }
    let mut parties: Vec<String> = ev
        .actors
        .iter()
        .filter(|&&i| matches!(entities[i].kind, EntityKind::Country | EntityKind::Organization))
        .map(|&i| entities[i].key.clone())
        .collect();
    parties.sort();
    parties.dedup();
    // a stated duration ("P20Y") or topic ("semiconductor") names the pact whenever it is
    // told; else its kind in the year of the telling
    let tag = match (duration, &ev.topic) {
        (Some(d), _) => d.to_owned(),
        (None, Some(t)) => t.clone(),
        (None, None) => {
            let year = ev.when.and_then(|w| w.first_day()).or(article_date).map(|d| chrono::Datelike::year(&d))?;
            format!("{}-{year}", crate::event::pact_kind(&ev.trigger))
        }
    };
    (parties.len() >= 2).then_some((parties, tag))
}

/// "Iran–Venezuela 20-year strategic pact", "Japan–United States semiconductor agreement":
/// the countries (else all parties), then the pact as the article names it, or its topic and
/// trigger when the article's words do not make a name ("the two countries' agreement").
fn pact_label(ev: &Event, entities: &[Entity]) -> String {
    let countries: Vec<&str> =
        ev.actors.iter().filter(|&&i| entities[i].kind == EntityKind::Country).map(|&i| entities[i].label.as_str()).collect();
    let parties: Vec<&str> = if countries.len() >= 2 { countries } else { ev.actors.iter().map(|&i| entities[i].label.as_str()).collect() };
    let kind = ev.label.trim_start_matches(|c: char| !c.is_alphanumeric());
    let kind = ["a ", "an ", "the ", "this ", "that "].iter().fold(kind, |k, d| k.strip_prefix(d).unwrap_or(k));
    let kind = if kind.contains(['\'', '’']) || kind.contains("countries") {
        match &ev.topic {
            Some(t) => format!("{t} {}", ev.trigger),
            None => ev.trigger.clone(),
        }
    } else {
        kind.to_owned()
    };
    format!("{} {kind}", parties.join("–"))
}

fn entity_quads(w: &mut Writer, e: &Entity, n: &NamedNode, nodes: &[NamedNode], entities: &[Entity]) {
    let types: &[NamedNodeRef<'static>] = match e.kind {
        EntityKind::Person => &[schema::PERSON],
        EntityKind::Country => &[schema::COUNTRY],
        EntityKind::Place => &[schema::PLACE],
        EntityKind::Organization => match e.org_kind {
            Some(OrgKind::Government) => &[schema::ORGANIZATION, schema::GOVERNMENT_ORGANIZATION],
            Some(OrgKind::News) => &[schema::ORGANIZATION, schema::NEWS_MEDIA_ORGANIZATION],
            Some(OrgKind::Company) => &[schema::ORGANIZATION, schema::CORPORATION],
            Some(OrgKind::Party) => &[schema::ORGANIZATION, schema::POLITICAL_PARTY],
            _ => &[schema::ORGANIZATION],
        },
    };
    for t in types {
        w.add(n.clone(), rdf::TYPE, t.into_owned());
    }
    for name in &e.names {
        if name != &e.label {
            w.add(n.clone(), skos::ALT_LABEL, Literal::new_simple_literal(name));
        }
    }
    if let Some(q) = &e.wikidata {
        w.add(n.clone(), schema::SAME_AS, NamedNode::new_unchecked(format!("http://www.wikidata.org/entity/{q}")));
    }
    for p in &e.posts {
        let of_key = p.of.map(|o| entities[o].key.as_str());
        let post = mint::post(&p.role, of_key, &e.key);
        let role = mint::role(&p.role);
        w.add(n.clone(), org::HOLDS, post.clone());
        w.add(post.clone(), rdf::TYPE, org::POST.into_owned());
        w.add(post.clone(), org::ROLE, role.clone());
        if let Some(o) = p.of {
            w.add(post.clone(), org::POST_IN, nodes[o].clone());
        }
        w.add(role.clone(), rdf::TYPE, skos::CONCEPT.into_owned());
        w.add(role.clone(), rdf::TYPE, org::ROLE_CLASS.into_owned());
        w.add(role.clone(), skos::PREF_LABEL, Literal::new_language_tagged_literal_unchecked(&p.role, "en"));
        w.add(role.clone(), skos::IN_SCHEME, ent::ROLE_SCHEME.into_owned());
    }
}

fn event_quads(w: &mut Writer, ev: &Event, node: &NamedNode, nodes: &[NamedNode]) {
    let actor = |i: usize| nodes[i].clone();
    match &ev.kind {
        EventKind::Meeting { visit, host } => {
            w.add(node.clone(), rdf::TYPE, ent::MEETING.into_owned());
            if *visit {
                w.add(node.clone(), rdf::TYPE, ent::VISIT.into_owned());
            }
            for &a in &ev.actors {
                w.add(node.clone(), sem::HAS_ACTOR, actor(a));
            }
            if let Some(h) = host {
                w.add(node.clone(), ent::HOST, actor(*h));
            }
        }
        EventKind::Pact { signatories, duration } => {
            w.add(node.clone(), rdf::TYPE, ent::PACT.into_owned());
            for &a in &ev.actors {
                w.add(node.clone(), ent::PARTY, actor(a));
            }
            for &s in signatories {
                w.add(node.clone(), ent::SIGNATORY, actor(s));
            }
            if let Some(d) = duration {
                w.add(node.clone(), time::HAS_XSD_DURATION, Literal::new_typed_literal(d, xsd::DURATION));
            }
        }
        EventKind::Sanction { imposer, targets } => {
            w.add(node.clone(), rdf::TYPE, ent::SANCTION.into_owned());
            w.add(node.clone(), ent::IMPOSER, actor(*imposer));
            for &t in targets {
                w.add(node.clone(), ent::TARGET, actor(t));
            }
        }
        EventKind::Statement { speaker, quote } => {
            w.add(node.clone(), rdf::TYPE, ent::STATEMENT.into_owned());
            w.add(node.clone(), ent::SPEAKER, actor(*speaker));
            w.add(node.clone(), ent::QUOTE, Literal::new_simple_literal(quote));
        }
    }
    if let Some(s) = ev.status {
        w.add(node.clone(), ent::STATUS, status_node(s).into_owned());
    }
    if let Some(p) = ev.place {
        w.add(node.clone(), sem::HAS_PLACE, actor(p));
    }
    if let Some(t) = ev.when {
        w.add(node.clone(), sem::HAS_TIME_STAMP, when_literal(t));
    }
    if let Some(t) = &ev.date_text {
        w.add(node.clone(), ent::DATE_TEXT, Literal::new_simple_literal(t));
    }
    if !matches!(ev.kind, EventKind::Statement { .. }) {
        w.add(node.clone(), ent::KIND, Literal::new_simple_literal(&ev.label));
    }
    w.add(node.clone(), ent::TRIGGER, Literal::new_simple_literal(&ev.trigger));
    w.add(node.clone(), ent::CAMEO_CODE, Literal::new_simple_literal(ev.cameo));
    if let Some(p) = ev.plover {
        w.add(node.clone(), ent::PLOVER_TYPE, Literal::new_simple_literal(p));
    }
}
