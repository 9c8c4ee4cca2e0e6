//! The vocabulary terms Entente writes, as constants. `ent:` terms mirror `ontology/entente.ttl`
//! (a test fails when one is not declared there); the others are the W3C and community
//! vocabularies of `VOCABULARY.md`, used as they are.

use oxigraph::model::NamedNodeRef;

macro_rules! terms {
    ($(#[$doc:meta])* $module:ident, $ns:literal, { $($(#[$d:meta])* $name:ident = $local:literal),* $(,)? }) => {
        $(#[$doc])*
        pub mod $module {
            use super::NamedNodeRef;
            /// The namespace IRI.
            pub const NS: &str = $ns;
            $( $(#[$d])* pub const $name: NamedNodeRef<'static> = NamedNodeRef::new_unchecked(concat!($ns, $local)); )*
            /// Every term of this module, for the ontology check.
            pub const ALL: &[NamedNodeRef<'static>] = &[$($name),*];
        }
    };
}

terms!(
    /// Entente's own terms (`ent:`), declared in `ontology/entente.ttl`.
    ent, "https://w3id.org/entente/ontology#", {
    /// A meeting, talks, visit, summit or call.
    MEETING = "Meeting",
    /// A visit (a kind of meeting).
    VISIT = "Visit",
    /// An agreement between parties.
    PACT = "Pact",
    /// Sanctions imposed by one actor on others.
    SANCTION = "Sanction",
    /// Something an actor said.
    STATEMENT = "Statement",
    /// The class of statuses.
    STATUS_CLASS = "Status",
    /// The status of an event.
    STATUS = "status",
    /// The sentence that states an event.
    EVIDENCE = "evidence",
    /// A party bound by a pact.
    PARTY = "party",
    /// A person who signed a pact.
    SIGNATORY = "signatory",
    /// Who imposes sanctions.
    IMPOSER = "imposer",
    /// Whom sanctions hit.
    TARGET = "target",
    /// Who made a statement.
    SPEAKER = "speaker",
    /// What was said.
    QUOTE = "quote",
    /// The host of a visit.
    HOST = "host",
    /// The sentence a mention lies in.
    SENTENCE = "sentence",
    /// Confidence in an extracted event.
    CONFIDENCE = "confidence",
    /// CAMEO event code.
    CAMEO_CODE = "cameoCode",
    /// PLOVER event type.
    PLOVER_TYPE = "ploverType",
    /// The kind of event or pact as written.
    KIND = "kind",
    /// The trigger word.
    TRIGGER = "trigger",
    /// The time expression as written.
    DATE_TEXT = "dateText",
    /// Meeting status: happened.
    HELD = "Held",
    /// Meeting status: planned.
    PLANNED = "Planned",
    /// Pact status: proposed.
    PROPOSED = "Proposed",
    /// Pact status: signed.
    SIGNED = "Signed",
    /// Pact status: in force.
    IN_FORCE = "InForce",
    /// Pact status: withdrawn from.
    WITHDRAWN = "Withdrawn",
    /// Pact status: failed.
    FAILED = "Failed",
    /// The scheme of statuses.
    STATUS_SCHEME = "StatusScheme",
    /// The scheme of role titles.
    ROLE_SCHEME = "RoleScheme",
});

terms!(
    /// schema.org.
    schema, "https://schema.org/", {
    /// A news article.
    NEWS_ARTICLE = "NewsArticle",
    /// A person.
    PERSON = "Person",
    /// A country.
    COUNTRY = "Country",
    /// An organization.
    ORGANIZATION = "Organization",
    /// A government body.
    GOVERNMENT_ORGANIZATION = "GovernmentOrganization",
    /// A news outlet.
    NEWS_MEDIA_ORGANIZATION = "NewsMediaOrganization",
    /// A company.
    CORPORATION = "Corporation",
    /// A political party.
    POLITICAL_PARTY = "PoliticalParty",
    /// A place.
    PLACE = "Place",
    /// Identity link (Wikidata).
    SAME_AS = "sameAs",
    /// URL of the article.
    URL = "url",
});

terms!(
    /// Simple Event Model.
    sem, "http://semanticweb.cs.vu.nl/2009/11/sem/", {
    /// An actor of an event.
    HAS_ACTOR = "hasActor",
    /// Where an event happens.
    HAS_PLACE = "hasPlace",
    /// When an event happens.
    HAS_TIME_STAMP = "hasTimeStamp",
});

terms!(
    /// W3C Organization ontology.
    org, "http://www.w3.org/ns/org#", {
    /// A person holds a post.
    HOLDS = "holds",
    /// A post.
    POST = "Post",
    /// A role.
    ROLE_CLASS = "Role",
    /// The role of a post.
    ROLE = "role",
    /// What a post belongs to.
    POST_IN = "postIn",
});

terms!(
    /// SKOS.
    skos, "http://www.w3.org/2004/02/skos/core#", {
    /// A concept.
    CONCEPT = "Concept",
    /// Preferred label.
    PREF_LABEL = "prefLabel",
    /// Alternative label.
    ALT_LABEL = "altLabel",
    /// Scheme membership.
    IN_SCHEME = "inScheme",
});

terms!(
    /// PROV-O.
    prov, "http://www.w3.org/ns/prov#", {
    /// Derivation.
    WAS_DERIVED_FROM = "wasDerivedFrom",
});

terms!(
    /// OWL-Time.
    time, "http://www.w3.org/2006/time#", {
    /// An XSD duration.
    HAS_XSD_DURATION = "hasXSDDuration",
});

terms!(
    /// NIF core.
    nif, "http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#", {
    /// The article text as a context.
    CONTEXT = "Context",
    /// A string of the context.
    STRING = "String",
    /// A sentence.
    SENTENCE_CLASS = "Sentence",
    /// A phrase (mention).
    PHRASE = "Phrase",
    /// The whole text of a context.
    IS_STRING = "isString",
    /// The text of a string.
    ANCHOR_OF = "anchorOf",
    /// Start offset in code points.
    BEGIN_INDEX = "beginIndex",
    /// End offset in code points.
    END_INDEX = "endIndex",
    /// The context a string belongs to.
    REFERENCE_CONTEXT = "referenceContext",
});

terms!(
    /// Dublin Core terms.
    dcterms, "http://purl.org/dc/terms/", {
    /// Identifier.
    IDENTIFIER = "identifier",
    /// Title.
    TITLE = "title",
    /// Issue date.
    ISSUED = "issued",
});

terms!(
    /// ITS 2.0 RDF.
    itsrdf, "http://www.w3.org/2005/11/its/rdf#", {
    /// The entity a mention refers to.
    TA_IDENT_REF = "taIdentRef",
});

/// `(prefix, namespace)` pairs for readable output (tables, Turtle).
pub const PREFIXES: &[(&str, &str)] = &[
    ("ent", ent::NS),
    ("schema", schema::NS),
    ("sem", sem::NS),
    ("org", org::NS),
    ("skos", skos::NS),
    ("prov", prov::NS),
    ("time", time::NS),
    ("nif", nif::NS),
    ("dcterms", dcterms::NS),
    ("itsrdf", itsrdf::NS),
    ("rdf", "http://www.w3.org/1999/02/22-rdf-syntax-ns#"),
    ("rdfs", "http://www.w3.org/2000/01/rdf-schema#"),
    ("xsd", "http://www.w3.org/2001/XMLSchema#"),
    ("owl", "http://www.w3.org/2002/07/owl#"),
    ("wd", "http://www.wikidata.org/entity/"),
    ("eid", "https://w3id.org/entente/id/"),
];
