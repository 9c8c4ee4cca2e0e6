//! Wire copy whose case was lost (all lower-case, or all upper-case) gives names no capitals to
//! be found by. Such an article is read through a truecased copy of the same byte length, so that
//! every offset still points into the original text:
//!
//! 1. lexicon names (countries, capitals, organizations, four letters or more) take their case;
//! 2. sentence starts are capitalised;
//! 3. the words after a title ("president victor paz estenssoro") and the word before a verb of
//!    speech ("knox said") are names, and so is every other use of those words;
//! 4. short words without vowels ("ypfb") are acronyms.

use std::collections::HashSet;

use crate::lexicon::Lexicon;
use crate::mention::SPEECH_VERBS;
use crate::text::{tokenize, TokenKind};

/// Lower-case words that are never names, for the name rules of lost-case text.
const STOP: &[&str] = &[
    "the", "a", "an", "and", "or", "but", "of", "to", "in", "on", "at", "for", "with", "by", "from", "as", "that",
    "this", "these", "those", "it", "its", "he", "she", "they", "we", "i", "you", "his", "her", "their", "our",
    "who", "which", "what", "when", "where", "is", "are", "was", "were", "be", "been", "has", "have", "had", "will",
    "would", "could", "should", "may", "might", "said", "says", "told", "also", "not", "no", "new", "officials",
    "official", "sources", "analysts", "economists", "spokesman", "minister", "ministers", "president", "government",
    "company", "bank", "it's", "there", "here", "today", "yesterday", "tomorrow", "last", "next", "this", "year",
    "week", "month", "mln", "bln", "dlrs", "pct", "about", "after", "before", "during", "while", "if", "than",
];

/// Reuters' lower-case abbreviations, which are no acronyms.
const NOT_ACRONYMS: &[&str] = &["mln", "bln", "dlrs", "pct", "bpd", "cts", "lbs", "stg", "yrs", "hrs", "mths", "st", "nd", "rd", "th", "dr", "mr", "mrs"];

/// Whether an article lost its case: almost no word capitalised (lower case) or almost every
/// word capitalised whole (upper case).
pub fn lost_case(text: &str) -> bool {
    // words inside sentences (not after . ! ? or a paragraph break), where names would be capitalised
    let tokens = tokenize(text);
    let (mut words, mut capitalised, mut upper) = (0usize, 0usize, 0usize);
    let mut sentence_start = true;
    for (i, t) in tokens.iter().enumerate() {
        let w = text.get(t.start..t.end).unwrap_or("");
        if t.kind == TokenKind::Word && w.chars().count() >= 2 {
            words += 1;
            if w.chars().all(char::is_uppercase) {
                upper += 1;
            } else if !sentence_start && w.chars().next().is_some_and(char::is_uppercase) {
                capitalised += 1;
            }
        }
        let gap = tokens.get(i + 1).and_then(|n| text.get(t.end..n.start)).unwrap_or("");
        sentence_start = matches!(w, "." | "!" | "?" | "-") || gap.contains("\n ") || gap.contains("\n\n");
    }
    words >= 20 && ((capitalised as f64) < 0.02 * words as f64 || (upper as f64) > 0.6 * words as f64)
}

fn set_case(bytes: &mut [u8], start: usize, end: usize, upper_first: bool, upper_all: bool) {
    for (k, b) in bytes.iter_mut().enumerate().take(end).skip(start) {
        if b.is_ascii_alphabetic() {
            if upper_all || (upper_first && k == start) {
                b.make_ascii_uppercase();
            } else {
                b.make_ascii_lowercase();
            }
        }
    }
}

/// A truecased copy of `text`, byte for byte as long (only ASCII letters change case).
pub fn truecase(text: &str, lex: &Lexicon) -> String {
    let mut bytes: Vec<u8> = text.bytes().map(|b| b.to_ascii_lowercase()).collect();
    let lower = String::from_utf8(bytes.clone()).unwrap_or_else(|_| text.to_owned());
    let tokens = tokenize(&lower);
    let tok = |i: usize| tokens.get(i).and_then(|t| lower.get(t.start..t.end)).unwrap_or("");
    // 1. lexicon names
    for (start, end, canonical) in lex.find_names_any_case(&lower) {
        let boundary_before = start == 0 || !lower.as_bytes()[start - 1].is_ascii_alphanumeric();
        let boundary_after = end >= lower.len() || !lower.as_bytes()[end].is_ascii_alphanumeric();
        if boundary_before && boundary_after && canonical.len() == end - start {
            bytes[start..end].copy_from_slice(canonical.as_bytes());
            // "latin america": the region word before the name takes a capital too
            let before = lower.get(..start).unwrap_or("").trim_end();
            for region in ["latin", "north", "south", "central", "southeast", "northeast"] {
                if before.ends_with(region) && before.len() >= region.len() {
                    let rs = before.len() - region.len();
                    if rs == 0 || !lower.as_bytes()[rs - 1].is_ascii_alphanumeric() {
                        set_case(&mut bytes, rs, before.len(), true, false);
                    }
                }
            }
        }
    }
    // 2. sentence starts
    let mut start_of_sentence = true;
    for (i, t) in tokens.iter().enumerate() {
        if t.kind == TokenKind::Word && start_of_sentence {
            // only the first letter: a lexicon name opening the sentence keeps its case ("U.S.")
            if let Some(b) = bytes.get_mut(t.start) {
                b.make_ascii_uppercase();
            }
        }
        start_of_sentence = matches!(tok(i), "." | "!" | "?") || (t.kind != TokenKind::Word && start_of_sentence)
            || lower.get(t.end..tokens.get(i + 1).map_or(t.end, |n| n.start)).is_some_and(|g| g.contains("\n ") || g.contains("\n\n"));
    }
    // 3. names after titles and before verbs of speech, then every use of those words
    let mut names: HashSet<String> = HashSet::new();
    let name_like = |w: &str| w.chars().all(char::is_alphabetic) && w.chars().count() >= 2 && !STOP.contains(&w);
    for (_, end, _) in lex.find_titles(&lower, |_, _| true) {
        let Some(mut i) = tokens.iter().position(|t| t.start > end) else { continue };
        let first = i;
        while i < tokens.len() && i < first + 4 && name_like(tok(i)) && lex.find_titles(tok(i), |_, _| true).is_empty() {
            names.insert(tok(i).to_owned());
            i += 1;
        }
    }
    for (i, _) in tokens.iter().enumerate() {
        if SPEECH_VERBS.contains(&tok(i)) && i > 0 && name_like(tok(i - 1)) {
            names.insert(tok(i - 1).to_owned());
        }
    }
    for t in &tokens {
        let w = lower.get(t.start..t.end).unwrap_or("");
        if names.contains(w) {
            set_case(&mut bytes, t.start, t.end, true, false);
        } else if t.kind == TokenKind::Word
            && (2..=5).contains(&w.len())
            && w.bytes().all(|b| b.is_ascii_lowercase())
            && !w.bytes().any(|b| matches!(b, b'a' | b'e' | b'i' | b'o' | b'u'))
            && !NOT_ACRONYMS.contains(&w)
        {
            // 4. acronyms
            set_case(&mut bytes, t.start, t.end, true, true);
        }
    }
    String::from_utf8(bytes).unwrap_or_else(|_| text.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lower_case_wire_copy() {
        let t = "La paz, march 18 - ypfb, the state oil firm of bolivia, will get new credits from the world bank, \
                 a lender spokesman said. Minister maria lopez welcomed them. Lopez said president ana ruiz backs \
                 the plan, according to staff.";
        assert!(lost_case(t));
        let c = truecase(t, Lexicon::shipped());
        assert_eq!(c.len(), t.len());
        for want in ["World Bank", "Bolivia", "YPFB", "Maria Lopez", "Ana Ruiz", "La Paz"] {
            assert!(c.contains(want), "{want:?} not in {c}");
        }
        assert!(!lost_case("Iran and Venezuela signed a deal in Tehran on Saturday, officials of both countries said after the talks ended."));
    }
}
