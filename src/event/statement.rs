//! Statements: who said what, for direct quotes and "X said that …" reported speech, with
//! the speaker resolved through coreference ("he said", "the Iranian leader said").

use super::{Event, EventKind, SentenceView};
use crate::mention::SPEECH_VERBS;

/// The statement a sentence reports, if it has both a speaker and words.
pub(super) fn extract(v: &SentenceView<'_, '_>) -> Option<Event> {
    let p = v.words.iter().position(|(_, w)| SPEECH_VERBS.contains(&w.as_str()) && w != "reportedly")?;
    let verb_tok = v.tok(p);
    let s = &v.a.sentences[v.index];
    // speaker: the mention just before the verb (skipping "reportedly" and commas), or just after
    let before = v
        .resolved
        .refs
        .iter()
        .filter(|r| r.sentence == v.index && r.tokens.end <= verb_tok && verb_tok - r.tokens.end <= 2)
        .next_back();
    let after = v.resolved.refs.iter().find(|r| r.sentence == v.index && r.tokens.start > verb_tok && r.tokens.start - verb_tok <= 2);
    let speaker = before.or(after)?.entity;
    let text = v.a.slice(s.start, s.end);
    let quote = quoted(text).or_else(|| {
        // reported speech: "X said that …"
        let that = v.words.iter().skip(p + 1).take(3).find(|(_, w)| w == "that")?;
        let start = v.a.tokens.get(that.0 + 1)?.start;
        Some(v.a.slice(start, s.end).trim_end_matches(['.', ' ']).to_owned())
    })?;
    if quote.trim().is_empty() {
        return None;
    }
    Some(Event {
        kind: EventKind::Statement { speaker, quote },
        actors: vec![speaker],
        status: None,
        place: None,
        when: None,
        date_text: None,
        label: "statement".into(),
        trigger: v.word(p).to_owned(),
        sentences: vec![v.index],
        cameo: "010",
        plover: None,
        topic: None,
        name: None,
    })
}

/// The quoted words of a sentence, joined with " … " when there are several quotes.
fn quoted(text: &str) -> Option<String> {
    let mut parts = Vec::new();
    let mut rest = text;
    loop {
        let Some(open) = rest.find(['“', '"']) else { break };
        let close_char = if rest[open..].starts_with('“') { '”' } else { '"' };
        let after = &rest[open + rest[open..].chars().next().map_or(1, char::len_utf8)..];
        let Some(close) = after.find(close_char) else { break };
        let q = after[..close].trim().trim_end_matches(',').trim();
        if q.split_whitespace().count() >= 3 {
            parts.push(q.to_owned());
        }
        rest = &after[close + close_char.len_utf8()..];
    }
    (!parts.is_empty()).then(|| parts.join(" … "))
}
