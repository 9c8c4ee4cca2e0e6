//! The only place that spells Entente's IRIs. Every IRI is minted from a stable key (article
//! id, Wikidata id, lexicon key, folded name, offsets), so the same input gives the same quads.

use oxigraph::model::NamedNode;

/// Base of every IRI Entente mints.
pub const BASE: &str = "https://w3id.org/entente/";

/// The graph that holds one canonical `rdfs:label` per cross-article node.
pub const REGISTRY_GRAPH: &str = "https://w3id.org/entente/graph/registry";

/// Percent-encodes everything but unreserved characters, so any article id makes a valid IRI.
pub fn encode(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~') {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

fn node(s: String) -> NamedNode {
    // Every IRI here is BASE plus percent-encoded or folded (alphanumeric and '-') parts.
    NamedNode::new(s.clone()).unwrap_or_else(|_| NamedNode::new_unchecked(format!("{BASE}invalid/{}", encode(&s))))
}

/// The article node.
pub fn article(id: &str) -> NamedNode {
    node(format!("{BASE}article/{}", encode(id)))
}

/// The named graph of an article.
pub fn graph(id: &str) -> NamedNode {
    node(format!("{BASE}graph/{}", encode(id)))
}

/// The NIF context (the article text).
pub fn context(id: &str) -> NamedNode {
    node(format!("{BASE}article/{}#context", encode(id)))
}

/// A NIF string of the article at code-point offsets (RFC 5147 style).
pub fn string(id: &str, begin: usize, end: usize) -> NamedNode {
    node(format!("{BASE}article/{}#char={begin},{end}", encode(id)))
}

/// An entity (actor or place) by its stable key ("country/Q794", "person/nicolas-maduro").
pub fn entity(key: &str) -> NamedNode {
    let parts: Vec<String> = key.split('/').map(encode).collect();
    node(format!("{BASE}id/{}", parts.join("/")))
}

/// A role concept of `ent:RoleScheme` ("Foreign Minister" → `…/id/role/foreign-minister`).
pub fn role(title: &str) -> NamedNode {
    node(format!("{BASE}id/role/{}", crate::resolve::fold(title)))
}

/// A post: a role in a country or organization. A post whose owner the text does not tell is
/// its holder's alone (`…/id/post/president/holder/person/…`): unqualified presidents of many
/// stories are not one post.
pub fn post(title: &str, of_key: Option<&str>, holder_key: &str) -> NamedNode {
    let path = |k: &str| k.split('/').map(encode).collect::<Vec<String>>().join("/");
    match of_key {
        Some(k) => node(format!("{BASE}id/post/{}/{}", crate::resolve::fold(title), path(k))),
        None => node(format!("{BASE}id/post/{}/holder/{}", crate::resolve::fold(title), path(holder_key))),
    }
}

/// An event that belongs to one article ("meeting-1").
pub fn event(article_id: &str, local: &str) -> NamedNode {
    node(format!("{BASE}event/{}/{}", encode(article_id), encode(local)))
}

/// A pact identified across articles by its parties and a tag: its duration or topic ("p20y",
/// "semiconductor"), else its kind and year ("treaty-2021").
/// A pact known by its own name has no parties in its key: `id/pact/named/louvre%20agreement`.
pub fn shared_pact(party_keys: &[String], tag: &str) -> NamedNode {
    if party_keys.is_empty() {
        return node(format!("{BASE}id/pact/named/{}", encode(tag)));
    }
    let parties: Vec<String> = party_keys.iter().map(|k| crate::resolve::fold(k)).collect();
    node(format!("{BASE}id/pact/{}/{}", parties.join("--"), encode(&tag.to_lowercase())))
}

/// The stable key of an entity IRI minted by [`entity`] (its inverse), or `None` for other IRIs.
pub fn key_of(iri: &str) -> Option<String> {
    let rest = iri.strip_prefix(BASE)?.strip_prefix("id/")?;
    let mut out = Vec::new();
    let bytes = rest.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = rest.get(i + 1..i + 3)?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_round_trip() {
        for key in ["person/nicolas-maduro", "country/Q794", "person/reuters-1/raisi", "person/李-鹏", "org/Q794/foreign-ministry"] {
            assert_eq!(key_of(entity(key).as_str()).as_deref(), Some(key));
        }
        assert_eq!(key_of("https://example.org/x"), None);
    }
}
