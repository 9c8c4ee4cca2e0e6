//! Property tests of the pure pipeline: whatever text comes in (word soup of the tokens the
//! rules key on, arbitrary Unicode, cut and re-cased real articles), extraction never panics,
//! every span it reports lies on character boundaries inside the text, every index points at
//! something that exists, and every NIF anchor it writes equals the text at its code-point
//! offsets. This is the "no panics on input" promise checked on inputs nobody wrote by hand.

use entente::document::Document;
use entente::rdf::{article_quads, vocab};
use oxigraph::model::{NamedOrBlankNode, Term};
use proptest::prelude::*;
use std::collections::HashMap;

use crate::common::fuzz_config;

/// Tokens the mention, title, date and event rules look at, plus punctuation and Unicode that
/// tokenizers get wrong (combining marks, zero-width space, CR, curly quotes, an emoji).
const SOUP: &[&str] = &[
    "President", "Prime", "Minister", "Foreign", "Secretary", "of", "State", "Mr.", "Dr.", "King",
    "Iranian", "Iran", "U.S.", "USSR", "Washington", "Tehran", "Caracas", "said", "told", "met",
    "meet", "talks", "visit", "agreement", "accord", "pact", "20-year", "signed", "will", "not",
    "sanctions", "on", "against", "he", "she", "the", "The", "minister", "leader", "Raisi", "Maduro",
    "Nicolás", "de", "van", "bin", "al-", "Jean-Pierre", "O'Neill", "May", "Jordan", "River", "Post",
    "Saturday", "yesterday", "March", "3", "1987", "last", "year", "'s", ",", ".", ";", ":", "-",
    "--", "(", ")", "\"", "\u{201c}", "\u{201d}", "\n", "\n\n", "\r\n", "  ", "BERNE,", "REUTERS",
    "e\u{301}", "\u{200b}", "\u{1F30D}", "Ｕ.Ｓ.", "İstanbul", "ß", "Al", "Jazeera", "IMF", "World",
    "Bank", "Ministry", "according", "to", "who", "is", "and", "with", "in", "at", "by", "a",
];

fn soup() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(SOUP), 0..120).prop_map(|words| {
        let mut s = String::new();
        for (i, w) in words.iter().enumerate() {
            // glue some tokens, space others: "U.S.-Iran", "Raisi's", "(Iran)"
            if i > 0 && i % 3 != 0 {
                s.push(' ');
            }
            s.push_str(w);
        }
        s
    })
}

fn seed_texts() -> Vec<String> {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/articles");
    let mut texts: Vec<String> = std::fs::read_dir(&dir)
        .map(|rd| rd.filter_map(|e| e.ok()).filter_map(|e| std::fs::read_to_string(e.path()).ok()).collect())
        .unwrap_or_default();
    texts.sort();
    assert!(!texts.is_empty(), "no example articles in {}", dir.display());
    texts
}

/// A real article cut at two arbitrary character positions and re-cased one of four ways.
fn mangled_article() -> impl Strategy<Value = String> {
    let texts = seed_texts();
    (0..texts.len(), any::<prop::sample::Index>(), any::<prop::sample::Index>(), 0u8..4).prop_map(
        move |(t, a, b, case)| {
            let chars: Vec<char> = texts[t].chars().collect();
            let (i, j) = (a.index(chars.len() + 1), b.index(chars.len() + 1));
            let s: String = chars[i.min(j)..i.max(j)].iter().collect();
            match case {
                0 => s,
                1 => s.to_uppercase(),
                2 => s.to_lowercase(),
                _ => s.replace(' ', "\n"),
            }
        },
    )
}

fn doc(text: String) -> Document {
    Document {
        id: "prop".into(),
        text,
        date: chrono::NaiveDate::from_ymd_opt(1987, 3, 3),
        title: None,
        url: None,
    }
}

/// The invariants every extraction must keep, whatever its text.
fn check(text: String) -> Result<usize, TestCaseError> {
    let d = doc(text);
    let x = entente::extract(&d);
    let t = &d.text;
    for r in &x.resolved.refs {
        prop_assert!(r.start <= r.end && r.end <= t.len(), "ref span {}..{} outside {} bytes", r.start, r.end, t.len());
        prop_assert!(t.is_char_boundary(r.start) && t.is_char_boundary(r.end), "ref span {}..{} splits a character", r.start, r.end);
        prop_assert!(r.entity < x.resolved.entities.len());
        prop_assert!(r.sentence < x.sentences.len());
    }
    for &(b, e) in &x.sentences {
        prop_assert!(b <= e && e <= t.len() && t.is_char_boundary(b) && t.is_char_boundary(e));
    }
    for ev in &x.events {
        prop_assert!(ev.actors.iter().all(|&a| a < x.resolved.entities.len()));
        prop_assert!(ev.place.is_none_or(|p| p < x.resolved.entities.len()));
        prop_assert!(!ev.sentences.is_empty() && ev.sentences.iter().all(|&s| s < x.sentences.len()));
    }
    // every NIF anchor equals the text at its code-point offsets
    let q = article_quads(&d, &x);
    let chars: Vec<char> = t.chars().collect();
    let mut anchors: HashMap<NamedOrBlankNode, (Option<String>, Option<usize>, Option<usize>)> = HashMap::new();
    for quad in &q.quads {
        let slot = anchors.entry(quad.subject.clone()).or_default();
        let Term::Literal(l) = &quad.object else { continue };
        if quad.predicate == vocab::nif::ANCHOR_OF {
            slot.0 = Some(l.value().to_owned());
        } else if quad.predicate == vocab::nif::BEGIN_INDEX {
            slot.1 = l.value().parse().ok();
        } else if quad.predicate == vocab::nif::END_INDEX {
            slot.2 = l.value().parse().ok();
        }
    }
    let mut checked = 0;
    for (s, (anchor, b, e)) in anchors {
        if let (Some(anchor), Some(b), Some(e)) = (anchor, b, e) {
            checked += 1;
            prop_assert!(b <= e && e <= chars.len(), "{s}: offsets {b}..{e} outside {} chars", chars.len());
            let at: String = chars[b..e].iter().collect();
            prop_assert_eq!(at, anchor, "{} anchor differs from the text at {}..{}", s, b, e);
        }
    }
    Ok(checked)
}

/// The checker itself is live: on a whole article it compares many anchors, not none.
#[test]
fn anchor_check_sees_the_anchors_of_a_whole_article() {
    for text in seed_texts() {
        let checked = check(text).unwrap_or_else(|e| panic!("{e}"));
        assert!(checked > 10, "only {checked} NIF anchors compared");
    }
}

proptest! {
    #![proptest_config(fuzz_config(400))]

    #[test]
    fn word_soup_never_breaks_extraction(text in soup()) {
        check(text)?;
    }

    #[test]
    fn arbitrary_unicode_never_breaks_extraction(text in "\\PC{0,300}") {
        check(text)?;
    }

    #[test]
    fn cut_and_recased_articles_keep_their_spans(text in mangled_article()) {
        check(text)?;
    }
}
