//! Events from the sentences of one article: meetings, pacts, sanctions and statements, with
//! their participants, status, place, date, duration and the sentence that states them.
//! One file per family; this module holds what they share.

mod clause;
mod meeting;
mod pact;
mod sanction;
mod statement;

pub use pact::pact_kind;

use std::collections::BTreeSet;

use chrono::NaiveDate;

use crate::lexicon::OrgKind;
use crate::resolve::{EntityKind, Ref, Resolved};
use crate::text::Analyzed;
use crate::time::When;

/// The status of an event as the article reports it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Status {
    /// A meeting that happened or is happening.
    Held,
    /// A meeting that is planned, proposed, invited or expected.
    Planned,
    /// A pact planned, announced, under negotiation.
    Proposed,
    /// A pact signed, inked, concluded, reached.
    Signed,
    /// A pact in force.
    InForce,
    /// A pact a party pulled out of.
    Withdrawn,
    /// A pact whose talks failed.
    Failed,
}

/// The family of an event and its family-specific roles.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum EventKind {
    /// A meeting, talks, visit, summit or call.
    Meeting {
        /// A visit (X to a country or its government).
        visit: bool,
        /// The host of a visit.
        host: Option<usize>,
    },
    /// An agreement between parties.
    Pact {
        /// Who signed it, when said.
        signatories: Vec<usize>,
        /// ISO 8601 duration ("P20Y").
        duration: Option<String>,
    },
    /// Sanctions by an imposer on targets.
    Sanction {
        /// Who imposes them.
        imposer: usize,
        /// Whom they hit.
        targets: Vec<usize>,
    },
    /// A statement or quote.
    Statement {
        /// Who said it.
        speaker: usize,
        /// What was said.
        quote: String,
    },
}

/// One event found in an article.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Event {
    /// Family and roles.
    pub kind: EventKind,
    /// Participants (meetings) or parties (pacts), as entity indices.
    pub actors: Vec<usize>,
    /// Status, when it applies.
    pub status: Option<Status>,
    /// Place entity.
    pub place: Option<usize>,
    /// Normalized date.
    pub when: Option<When>,
    /// The date expression as written.
    pub date_text: Option<String>,
    /// A short description of the kind ("20-year strategic pact", "state visit").
    pub label: String,
    /// The trigger word.
    pub trigger: String,
    /// Every sentence that states it (the first is the main evidence).
    pub sentences: Vec<usize>,
    /// CAMEO event code.
    pub cameo: &'static str,
    /// PLOVER event type.
    pub plover: Option<&'static str>,
    /// What a pact is about, in one word ("semiconductor"): with its countries, it names the
    /// same pact in other articles.
    pub topic: Option<String>,
    /// A pact's own name, lowercased, with its kind ("louvre agreement", "minsk agreement",
    /// "intermediate-range nuclear forces treaty"): it names the pact whoever the article names
    /// as bound, in this article and in others.
    pub name: Option<String>,
}

/// Everything extracted from one article.
#[derive(Debug, Clone)]
pub struct Extraction {
    /// Entities and mentions.
    pub resolved: Resolved,
    /// Events in text order.
    pub events: Vec<Event>,
    /// Byte spans of the article's sentences (what `Ref::sentence` and `Event::sentences` index).
    pub sentences: Vec<(usize, usize)>,
}

/// Mentions by a token index (where they start, or where they end).
type RefsAt<'r> = std::collections::HashMap<usize, Vec<&'r Ref>>;

/// What the event extractors see of one sentence.
pub(crate) struct SentenceView<'a, 'r> {
    pub a: &'r Analyzed<'a>,
    pub resolved: &'r Resolved,
    pub index: usize,
    /// Lowercased words of the sentence with their token indices.
    pub words: Vec<(usize, String)>,
    /// Actor mentions in the sentence, minus those inside source frames ("according to X").
    pub actors: Vec<&'r Ref>,
    /// The actor mentions above and the sentence's places: what a clause's arguments can be.
    pub args: Vec<&'r Ref>,
    /// The sentence's time expressions, read once for past (`[0]`) and planned (`[1]`) events.
    times: [std::cell::OnceCell<Vec<crate::time::TimeExpr>>; 2],
    /// The sentence's lowercased words as a set, for membership tests.
    word_set: std::cell::OnceCell<std::collections::HashSet<String>>,
    /// `args` by first token and by end token.
    args_at: std::cell::OnceCell<(RefsAt<'r>, RefsAt<'r>)>,
    pub date: Option<NaiveDate>,
}

impl<'a, 'r> SentenceView<'a, 'r> {
    fn new(a: &'r Analyzed<'a>, resolved: &'r Resolved, index: usize, date: Option<NaiveDate>) -> Option<Self> {
        let s = a.sentences.get(index)?;
        let words: Vec<(usize, String)> = s.tokens.clone().map(|i| (i, a.tok(i).to_lowercase())).collect();
        let frames = source_frames(&words);
        let is_actor = |r: &Ref| {
            let e = &resolved.entities[r.entity];
            e.kind != EntityKind::Place
                && e.org_kind != Some(OrgKind::News)
                && !frames.iter().any(|f| f.contains(&r.tokens.start))
                // "the U.S. dollar": the country of a currency takes no part in the event
                && !crate::mention::MARKET_WORDS.contains(&a.tok(r.tokens.end).to_lowercase().as_str())
        };
        let (mut actors, mut args) = (Vec::new(), Vec::new());
        for r in resolved.refs.iter().filter(|r| r.sentence == index) {
            if is_actor(r) {
                actors.push(r);
                args.push(r);
            } else if resolved.entities[r.entity].kind == EntityKind::Place {
                args.push(r);
            }
        }
        Some(SentenceView { a, resolved, index, words, actors, args, times: Default::default(), word_set: Default::default(), args_at: Default::default(), date })
    }

    fn text(&self) -> &'a str {
        let s = &self.a.sentences[self.index];
        self.a.slice(s.start, s.end)
    }

    fn kind(&self, entity: usize) -> EntityKind {
        self.resolved.entities[entity].kind
    }

    fn has(&self, set: &[&str]) -> bool {
        let words = self.word_set.get_or_init(|| self.words.iter().map(|(_, w)| w.clone()).collect());
        set.iter().any(|w| words.contains(*w))
    }

    /// The clause arguments starting at token `start` (`by_end`: ending at token `start`).
    fn args_at(&self, tok: usize, by_end: bool) -> &[&'r Ref] {
        let (starts, ends) = self.args_at.get_or_init(|| {
            let (mut starts, mut ends) = (RefsAt::new(), RefsAt::new());
            for r in &self.args {
                starts.entry(r.tokens.start).or_default().push(r);
                ends.entry(r.tokens.end).or_default().push(r);
            }
            (starts, ends)
        });
        let map = if by_end { ends } else { starts };
        map.get(&tok).map_or(&[], Vec::as_slice)
    }

    /// The sentence's time expressions, normalized for a past or a planned event.
    fn times(&self, future: bool) -> &[crate::time::TimeExpr] {
        self.times[usize::from(future)].get_or_init(|| crate::time::find(self.text(), self.date, future))
    }

    fn word(&self, pos: usize) -> &str {
        self.words.get(pos).map_or("", |(_, w)| w.as_str())
    }

    /// Token index of word position `pos`.
    fn tok(&self, pos: usize) -> usize {
        self.words.get(pos).map_or(usize::MAX, |(t, _)| *t)
    }

    /// Distinct actor entities among `refs`, in order.
    fn distinct(refs: impl IntoIterator<Item = usize>) -> Vec<usize> {
        let mut seen = BTreeSet::new();
        refs.into_iter().filter(|e| seen.insert(*e)).collect()
    }

    /// Whether a mention names where something happens rather than who takes part: "the
    /// meeting in Qatar", "ministers met in Luxembourg" (not "an improvement in Morocco's economy").
    fn located(&self, r: &Ref) -> bool {
        located(self.a, r)
    }

    /// The token where a list of actors that starts after word `after` ends: the first word of
    /// `stops`, or a comma that no "and" or actor follows ("between Finland, Turkiye, and
    /// Sweden", "target A, B, C and D"); words inside a name end nothing ("Company for Oil
    /// Products"). `usize::MAX` when the list runs to the end.
    fn list_end(&self, after: usize, stops: &[&str]) -> usize {
        let continues = |k: usize| self.word(k + 1) == "and" || !self.args_at(self.tok(k + 1), false).is_empty();
        self.words
            .iter()
            .enumerate()
            .skip(after + 1)
            .find(|(k, (tk, w))| {
                let named = self.actors.iter().any(|r| r.tokens.start < *tk && *tk < r.tokens.end);
                !named && (stops.contains(&w.as_str()) || w == "," && !continues(*k))
            })
            .map_or(usize::MAX, |(_, (tk, _))| *tk)
    }

    /// The country a national body stands for ("the Russian parliament ratified", "the U.S.
    /// Treasury froze"), when the story names that country; any other entity itself.
    fn government(&self, e: usize) -> usize {
        let ent = &self.resolved.entities[e];
        let national = ent.kind == EntityKind::Organization && ent.org_kind == Some(OrgKind::Government);
        ent.country.filter(|_| national).and_then(|c| self.resolved.country_entity(c)).unwrap_or(e)
    }

    /// Actor mentions whose first token lies in `from_tok..to_tok`.
    fn actors_in(&self, from_tok: usize, to_tok: usize) -> Vec<&'r Ref> {
        self.actors.iter().copied().filter(|r| r.tokens.start >= from_tok && r.tokens.start < to_tok).collect()
    }

    /// The first time expression from token `from` to token `to` (inclusive), normalized.
    fn date_within(&self, from: usize, to: usize, future: bool) -> (Option<When>, Option<String>) {
        let s = &self.a.sentences[self.index];
        let text = self.text();
        let (lo, hi) = match (self.a.tokens.get(from), self.a.tokens.get(to)) {
            (Some(a), Some(b)) => (a.start, b.end),
            (Some(a), None) => (a.start, s.end),
            _ => return (None, None),
        };
        let times = self.times(future);
        let best = times.iter().filter(|e| s.start + e.start >= lo && s.start + e.end <= hi).min_by_key(|e| e.start);
        let best = best.map(|e| in_apposition(times, e, text));
        match best {
            Some(e) => (e.when, Some(text.get(e.start..e.end).unwrap_or("").to_owned())),
            None => (None, None),
        }
    }

    /// The time expression nearest to token `near`, normalized.
    fn date_near(&self, near: usize, future: bool) -> (Option<When>, Option<String>) {
        let s = &self.a.sentences[self.index];
        let text = self.text();
        let anchor = self.a.tokens.get(near).map_or(s.start, |t| t.start);
        // the dateline's date ("BERNE, March 3 -") dates the story, not the event
        // (a caption above a dateline is text of its own: only the dateline itself is skipped)
        let dateline = self.a.dateline.as_ref().map_or(0..0, |d| d.span.clone());
        let times = self.times(future);
        let best = times.iter().filter(|e| !dateline.contains(&(s.start + e.start))).min_by_key(|e| (s.start + e.start).abs_diff(anchor));
        let best = best.map(|e| in_apposition(times, e, text));
        match best {
            Some(e) => (e.when, Some(text.get(e.start..e.end).unwrap_or("").to_owned())),
            None => (None, None),
        }
    }
}

/// Nouns of a place within a country ("in Oman's capital", "in Peru's north").
const PLACE_NOUNS: &[&str] = &["capital", "city", "town", "port", "province", "region", "state", "north", "south", "east", "west"];

/// Whether mention `r` names where something is or happens: "in Baku", "at the Planalto",
/// "near X", "in Oman's capital, Muscat" (the country of a place, and the place's name after
/// it).
fn located(a: &Analyzed<'_>, r: &Ref) -> bool {
    let mut k = r.tokens.start;
    if k > 0 && a.tok(k - 1).eq_ignore_ascii_case("the") {
        k -= 1;
    }
    let place_of = |end: usize| matches!(a.tok(end), "'s" | "’s") && PLACE_NOUNS.contains(&a.tok(end + 1).to_lowercase().as_str());
    let named_place = k > 1 && a.tok(k - 1) == "," && PLACE_NOUNS.contains(&a.tok(k - 2).to_lowercase().as_str());
    // "its plant in Moosburg, West Germany": the country after a town it lies in
    let town_in = k > 2 && a.tok(k - 1) == "," && {
        let mut j = k - 2;
        while j > 0 && j + 4 > k && a.tok(j).chars().next().is_some_and(char::is_uppercase) {
            j -= 1;
        }
        j + 2 < k && matches!(a.tok(j).to_lowercase().as_str(), "in" | "at" | "near")
    };
    named_place
        || town_in
        || k > 0
            && matches!(a.tok(k - 1).to_lowercase().as_str(), "in" | "at" | "near" | "throughout" | "across")
            && (!matches!(a.tok(r.tokens.end), "'s" | "’s") || place_of(r.tokens.end))
}

/// "today, 16 July 2023,": a calendar date in apposition to a time expression says which day
/// it means.
fn in_apposition<'t>(times: &'t [crate::time::TimeExpr], e: &'t crate::time::TimeExpr, text: &str) -> &'t crate::time::TimeExpr {
    times
        .iter()
        .find(|x| x.start > e.end && text.get(e.end..x.start).is_some_and(|between| between.trim() == ",") && matches!(x.when, Some(When::Date(_))))
        .unwrap_or(e)
}

/// Token ranges that only name a source: "According to X," or ", according to X." or
/// "X reports" at the end of a sentence.
fn source_frames(words: &[(usize, String)]) -> Vec<std::ops::Range<usize>> {
    let mut out = Vec::new();
    for (p, (t, w)) in words.iter().enumerate() {
        if w == "according" && words.get(p + 1).is_some_and(|(_, n)| n == "to") {
            let end = words
                .iter()
                .skip(p + 2)
                .find(|(_, x)| matches!(x.as_str(), "," | ";" | "." | "“" | "\""))
                .map_or(usize::MAX, |(t, _)| *t);
            out.push(*t..end);
        }
    }
    out
}

/// Extracts every event of an article.
pub fn extract(a: &Analyzed<'_>, resolved: Resolved, date: Option<NaiveDate>) -> Extraction {
    let mut events = Vec::new();
    for i in 0..a.sentences.len() {
        let Some(view) = SentenceView::new(a, &resolved, i, date) else { continue };
        let found = meeting::extract(&view);
        let found = if found.is_empty() { meeting::continued(&view, &events).into_iter().collect() } else { found };
        for m in found {
            meeting::merge_or_push(&mut events, m, &resolved, a, date);
        }
        for p in pact::extract(&view) {
            if let Some(m) = meeting::signing(&view, &p) {
                meeting::merge_or_push(&mut events, m, &resolved, a, date);
            }
            pact::merge_or_push(&mut events, p, &view);
        }
        let earlier = events.iter().rev().find_map(|e| match e.kind {
            EventKind::Sanction { imposer, .. } => Some(imposer),
            _ => None,
        });
        if let Some(s) = sanction::extract(&view, earlier) {
            events.push(s);
        }
        events.extend(statement::extract(&view));
    }
    parties_from_encounter(a, &resolved, &mut events);
    fold_partial_pacts(&mut events);
    events.retain(|e| !pact::half_told(a, e));
    merge_sanctions(&mut events);
    place_in_sentence(a, &resolved, &mut events);
    place_at_dateline(a, &resolved, &mut events);
    date_same_day(a, &mut events);
    date_during_trip(a, &mut events);
    date_undated_news(a, date, &mut events);
    pact::not_signed_yet(date, &mut events);
    let sentences = a.sentences.iter().map(|s| (s.start, s.end)).collect();
    Extraction { resolved, events, sentences }
}

/// Phrases that open a sentence about the same day as the one before: "In the afternoon, he
/// held a meeting with …" after "arrived on Wednesday, 19 February".
const SAME_DAY_OPENERS: &[&str] = &[
    "in the morning", "in the afternoon", "in the evening", "later that day", "later in the day", "earlier in the day",
    "that evening", "that afternoon", "that morning", "on the same day", "the same day", "later the same day",
];

/// A meeting with no date in a sentence that opens on the same day as the one before takes the
/// day of the last event dated to a day in the two sentences before.
fn date_same_day(a: &Analyzed<'_>, events: &mut [Event]) {
    let opens_same_day = |i: usize| {
        a.sentences.get(i).is_some_and(|s| {
            let head: Vec<String> = s.tokens.clone().take(5).map(|t| a.tok(t).to_lowercase()).collect();
            let head = head.join(" ");
            SAME_DAY_OPENERS.iter().any(|o| head.starts_with(o))
        })
    };
    for k in 0..events.len() {
        let e = &events[k];
        let Some(&first) = e.sentences.iter().min() else { continue };
        if !matches!(e.kind, EventKind::Meeting { .. }) || e.when.is_some() || !opens_same_day(first) {
            continue;
        }
        let day = events
            .iter()
            .filter(|o| o.sentences.iter().any(|&s| s < first && first - s <= 2))
            .filter_map(|o| match o.when {
                Some(When::Date(d)) => Some((o.sentences.iter().filter(|&&s| s < first).max().copied(), d)),
                _ => None,
            })
            .max_by_key(|(s, _)| *s)
            .map(|(_, d)| d);
        if let (Some(d), Some(e)) = (day, events.get_mut(k)) {
            e.when = Some(When::Date(d));
        }
    }
}

/// Phrases that place what a sentence tells inside a trip told before: "During the trip, he
/// held talks …", "upon arrival, X is scheduled to meet …".
const DURING_TRIP: &[&str] = &[
    "during the trip", "during the visit", "during his visit", "during her visit", "during their visit", "during his trip",
    "during her trip", "during the tour", "during his stay", "during her stay", "upon arrival", "on arrival", "upon his arrival",
    "upon her arrival", "on his arrival", "on her arrival",
];

/// A meeting with no date in a sentence told as part of a trip ("During the trip, X held talks
/// with Y") takes the date of the dated visit of one of its participants told before it.
fn date_during_trip(a: &Analyzed<'_>, events: &mut [Event]) {
    let in_trip = |i: usize| {
        a.sentences.get(i).is_some_and(|s| {
            let words: Vec<String> = s.tokens.clone().map(|t| a.tok(t).to_lowercase()).collect();
            let text = words.join(" ");
            DURING_TRIP.iter().any(|p| text.contains(p))
        })
    };
    for k in 0..events.len() {
        let e = &events[k];
        let Some(&first) = e.sentences.iter().min() else { continue };
        if !matches!(e.kind, EventKind::Meeting { visit: false, .. }) || e.when.is_some() || !in_trip(first) {
            continue;
        }
        let trip = events
            .iter()
            .filter(|o| matches!(o.kind, EventKind::Meeting { visit: true, .. }) && o.when.is_some())
            .filter(|o| o.sentences.iter().min().is_some_and(|&s| s <= first))
            .filter(|o| o.actors.iter().any(|x| e.actors.contains(x)))
            .max_by_key(|o| o.sentences.iter().min().copied())
            .map(|o| (o.when, o.date_text.clone()));
        if let (Some((when, text)), Some(e)) = (trip, events.get_mut(k)) {
            e.when = when;
            e.date_text = text;
        }
    }
}

/// A meeting the first sentences of a story tell as held, with no date of their own and not in
/// the past perfect ("had met"), is the story's news: it happened on the story's date.
fn date_undated_news(a: &Analyzed<'_>, date: Option<NaiveDate>, events: &mut [Event]) {
    let Some(date) = date else { return };
    // ("X is in Lima for talks": a stay told in the present is the story's day, wherever told)
    let present = |e: &Event| matches!(e.kind, EventKind::Meeting { .. }) && e.when.is_none() && e.status == Some(Status::Held) && matches!(e.trigger.as_str(), "is" | "are");
    for e in events.iter_mut().filter(|e| news_of_the_day(a, e) || present(e)) {
        e.when = Some(When::Date(date));
    }
}

/// Whether meeting `e` is the story's news: held, undated, told in its first sentences, and
/// neither in the past perfect ("had met") nor as earlier ("their previous meeting").
pub(super) fn news_of_the_day(a: &Analyzed<'_>, e: &Event) -> bool {
    if !matches!(e.kind, EventKind::Meeting { .. }) || e.when.is_some() || e.status != Some(Status::Held) {
        return false;
    }
    let Some(&first) = e.sentences.iter().min() else { return false };
    let pluperfect = a.sentences.get(first).is_some_and(|s| s.tokens.clone().any(|t| a.tok(t).eq_ignore_ascii_case("had")));
    // "the earlier summit", "their previous meeting": told as past, not as the day's news
    // ("the former's visit" points back to a person)
    let earlier = e.sentences.iter().filter_map(|&i| a.sentences.get(i)).any(|s| {
        s.tokens.clone().any(|t| match a.tok(t).to_lowercase().as_str() {
            "former" => !matches!(a.tok(t + 1), "'s" | "’s" | "," | "."),
            w => matches!(w, "earlier" | "previous" | "previously" | "ago" | "past" | "once" | "last"),
        })
    });
    first < 5 && !pluperfect && !earlier
}

/// A pact whose sentence tells its making but names no party ("Six agreements will be signed")
/// binds the sides of the meeting told last, at most two sentences before: the countries of its
/// participants (a person stands for the country or body of their post). Without such a
/// meeting of two sides it is dropped.
fn parties_from_encounter(a: &Analyzed<'_>, resolved: &Resolved, events: &mut Vec<Event>) {
    // "The highlight of his visit will be the signing of three MoUs": a pact the sentence ties
    // to an encounter (its visit, talks or summit) whose one named party is one of its sides
    let tied = |e: &Event| {
        e.sentences.first().and_then(|&s| a.sentences.get(s)).is_some_and(|s| {
            (s.tokens.clone()).any(|k| matches!(a.tok(k).to_lowercase().as_str(), "visit" | "talks" | "summit" | "trip"))
        })
    };
    let mut i = 0;
    while i < events.len() {
        let e = &events[i];
        let one_side = e.actors.len() == 1 && tied(e);
        if !(matches!(e.kind, EventKind::Pact { .. }) && (e.actors.is_empty() || one_side)) {
            i += 1;
            continue;
        }
        let at = e.sentences.first().copied().unwrap_or(0);
        let meeting = events.iter().rfind(|m| matches!(m.kind, EventKind::Meeting { .. }) && m.sentences.iter().any(|&s| s <= at && at - s <= 2));
        let sides: Vec<usize> = meeting.map_or(Vec::new(), |m| {
            let mut out = Vec::new();
            // the host of a visit whose sides are two others is its venue ("teams from the EU
            // and Australia travelled to Osaka, Japan")
            let host = match m.kind {
                EventKind::Meeting { visit: true, host } if m.actors.len() > 2 => host,
                _ => None,
            };
            for &a in m.actors.iter().filter(|&&a| Some(a) != host) {
                let ent = &resolved.entities[a];
                match ent.kind {
                    EntityKind::Person => out.extend(ent.posts.iter().filter_map(|p| p.of)),
                    EntityKind::Country | EntityKind::Organization => out.push(a),
                    EntityKind::Place => {}
                }
            }
            SentenceView::distinct(out)
        });
        if one_side && !(sides.len() >= 2 && sides.contains(&events[i].actors[0])) {
            // the encounter is between others: the pact keeps the party its sentence names
            i += 1;
            continue;
        }
        if sides.len() >= 2 {
            // the story's pact of that kind between those sides, told again
            let key = sorted(&sides);
            let kind = pact::pact_kind(&events[i].trigger);
            let same = events.iter().position(|p| matches!(p.kind, EventKind::Pact { .. }) && sorted(&p.actors) == key && pact::pact_kind(&p.trigger) == kind);
            events[i].actors = sides;
            match same {
                Some(j) => absorb(events, i, j),
                None => i += 1,
            }
        } else {
            events.remove(i);
        }
    }
}

/// Entity indices in order: two events with the same actors in any order have the same.
pub(super) fn sorted(v: &[usize]) -> Vec<usize> {
    let mut v = v.to_vec();
    v.sort_unstable();
    v
}

/// Removes event `told` and adds its sentences to event `into` (the same event told again).
fn absorb(events: &mut Vec<Event>, told: usize, into: usize) {
    let gone = events.remove(told);
    let target = &mut events[if into > told { into - 1 } else { into }];
    for s in gone.sentences {
        if !target.sentences.contains(&s) {
            target.sentences.push(s);
        }
    }
}

/// One article's sanctions by one imposer on the same targets are one measure told again.
fn merge_sanctions(events: &mut Vec<Event>) {
    let mut i = 0;
    while i < events.len() {
        let key = |e: &Event| match &e.kind {
            EventKind::Sanction { imposer, targets } => Some((*imposer, SentenceView::distinct(sorted(targets)))),
            _ => None,
        };
        // the same imposer's sanctions told again with fewer targets named ("the easing of
        // sanctions", "US sanctions on Venezuela's oil") are the sanctions already told
        let within = |(i1, t1): &(usize, Vec<usize>), (i2, t2): &(usize, Vec<usize>)| i1 == i2 && t1.iter().all(|t| t2.contains(t));
        match key(&events[i]).and_then(|k| (0..i).find(|&j| key(&events[j]).is_some_and(|kj| kj == k || within(&k, &kj) || within(&kj, &k)))) {
            Some(j) => {
                // (the fuller telling's targets are kept)
                if let EventKind::Sanction { targets: more, .. } = events[i].kind.clone() {
                    let actors = events[i].actors.clone();
                    if let EventKind::Sanction { targets, .. } = &mut events[j].kind {
                        for t in more {
                            if !targets.contains(&t) {
                                targets.push(t);
                            }
                        }
                    }
                    for a in actors {
                        if !events[j].actors.contains(&a) {
                            events[j].actors.push(a);
                        }
                    }
                }
                absorb(events, i, j);
            }
            None => i += 1,
        }
    }
}

/// A meeting told with no place of its own took place at the one place its sentence locates
/// ("Today in Baku, X met Y", "held talks in Oman's capital, Muscat", "at the Planalto", "met Y
/// during a visit to Caracas"), when the sentence locates only one. A call has no place.
fn place_in_sentence(a: &Analyzed<'_>, resolved: &Resolved, events: &mut [Event]) {
    for e in events.iter_mut().filter(|e| e.place.is_none() && e.cameo != meeting::CALL_CAMEO && matches!(e.kind, EventKind::Meeting { .. })) {
        let Some(&first) = e.sentences.first() else { continue };
        let located: BTreeSet<usize> = resolved
            .refs
            .iter()
            .filter(|r| r.sentence == first && resolved.entities[r.entity].kind == EntityKind::Place)
            .filter(|r| {
                let before = |k: usize| if r.tokens.start >= k { a.tok(r.tokens.start - k).to_lowercase() } else { String::new() };
                // where the sentence is ("the resort of Sochi"), or where its visit goes ("met
                // Y during a visit to Caracas", "visited Caracas and met Y")
                located(a, r)
                    || before(1) == "of" && matches!(before(2).as_str(), "resort" | "city" | "town" | "port")
                    || before(1) == "to" && matches!(before(2).as_str(), "visit" | "trip")
                    || matches!(before(1).as_str(), "visited" | "visiting")
            })
            .map(|r| r.entity)
            .collect();
        if let [only] = located.iter().copied().collect::<Vec<_>>()[..] {
            e.place = Some(only);
        }
    }
}

/// A meeting held with no place of its own took place where the story is filed from (the
/// dateline's city), unless it is a visit to another country; a visit to a country with no
/// city named took place in that country.
fn place_at_dateline(a: &Analyzed<'_>, resolved: &Resolved, events: &mut [Event]) {
    let city = a.dateline.as_ref().and_then(|d| {
        let name = d.city.split(',').next().unwrap_or(&d.city).trim().to_lowercase();
        resolved.entities.iter().position(|e| e.kind == EntityKind::Place && e.label.to_lowercase() == name)
    });
    let city_country = city.and_then(|c| resolved.entities[c].country);
    // a call joins people who are apart: the dateline is where one of them was, at best
    for e in events.iter_mut().filter(|e| e.place.is_none() && e.cameo != meeting::CALL_CAMEO) {
        let EventKind::Meeting { host, .. } = e.kind else { continue };
        let host_country = host.and_then(|h| resolved.entities[h].country.filter(|_| resolved.entities[h].kind == EntityKind::Country));
        match (host, host_country) {
            (Some(h), Some(c)) if Some(c) != city_country => e.place = Some(h),
            _ if e.status == Some(Status::Held) => e.place = city,
            _ => {}
        }
    }
}

/// A pact told with one party where the article tells a pact of the same kind binding that
/// party and others ("Russia suspended the treaty" after "the Russia–US treaty") is that pact
/// again: its sentences join it. A pact whose text names one party alone stays as told.
fn fold_partial_pacts(events: &mut Vec<Event>) {
    let mut i = 0;
    while i < events.len() {
        let single = match (&events[i].kind, events[i].actors.as_slice()) {
            (EventKind::Pact { .. }, [party]) => Some(*party),
            _ => None,
        };
        let kind = pact::pact_kind(&events[i].trigger);
        let duration = |e: &Event| match &e.kind {
            EventKind::Pact { duration, .. } => duration.clone(),
            _ => None,
        };
        let own = duration(&events[i]);
        let host = single.and_then(|party| {
            events.iter().position(|e| {
                // a "25-year agreement" is not the "20-year pact"
                let fits = own.is_none() || duration(e).is_none() || duration(e) == own;
                matches!(e.kind, EventKind::Pact { .. }) && e.actors.len() >= 2 && e.actors.contains(&party) && pact::pact_kind(&e.trigger) == kind && fits
            })
        });
        match host {
            Some(h) => absorb(events, i, h),
            None => i += 1,
        }
    }
}

/// Words that put an event in the future (planned, proposed).
pub(crate) const FUTURE_CUES: &[&str] = &[
    "will", "would", "shall", "plan", "plans", "planned", "planning", "scheduled", "expected", "invited", "invite",
    "invites", "asked", "proposed", "propose", "proposes", "next", "upcoming", "coming", "intend", "intends",
    "hope", "hopes", "seek", "seeks", "seeking", "aim", "aims", "prepare", "preparing", "due", "agreed", "potential",
    "possible", "probable", "likely",
];

#[cfg(test)]
mod tests;
