//! Sanctions: who imposes them on whom ("US sanctions", "sanctioned by the U.S.",
//! "an embargo against Cuba").

use super::{Event, EventKind, SentenceView};
use crate::resolve::EntityKind;

const TRIGGERS: &[&str] = &["sanction", "sanctions", "sanctioned", "sanctioning", "embargo", "embargoes", "boycott", "blacklisted", "blacklist"];
const MODIFIERS: &[&str] = &[
    "crippling", "economic", "new", "tough", "tougher", "financial", "oil", "trade", "unilateral", "punitive",
    "harsh", "sweeping", "fresh", "additional", "more", "further", "the", "arms", "’", "'", "'s", "’s", "of",
    "entry", "travel", "visa", "asset", "frozen", "restrictive", "package",
];

/// Nouns before "ban" that make it a sanction ("an entry ban on six officials").
const BAN_KINDS: &[&str] = &["entry", "travel", "visa", "export", "import", "arms", "investment", "trade"];

/// Verbs that freeze assets ("froze the assets of 11 agents", "an asset freeze on").
const FREEZING: &[&str] = &["froze", "freeze", "freezes", "frozen", "freezing", "seized"];

/// The sanction words of a sentence: the trigger nouns and verbs, a ban of a listed kind, a
/// freeze of assets, and a designation as terrorists ("designated the group a terrorist
/// organization").
fn triggers(v: &SentenceView<'_, '_>) -> Vec<usize> {
    let near = |p: usize, words: &[&str], span: usize| (p.saturating_sub(span)..(p + span + 1).min(v.words.len())).any(|k| words.contains(&v.word(k)));
    v.words
        .iter()
        .enumerate()
        .filter(|(p, (_, w))| {
            let w = w.as_str();
            TRIGGERS.contains(&w)
                || matches!(w, "ban" | "bans") && *p > 0 && BAN_KINDS.contains(&v.word(p - 1))
                // "restrictive measures against Russia": the EU's term for its sanctions
                || matches!(w, "measures" | "measure") && *p > 0 && matches!(v.word(p - 1), "restrictive" | "punitive" | "coercive")
                || FREEZING.contains(&w) && near(*p, &["assets", "asset", "funds"], 3)
                || matches!(w, "designated" | "designates" | "designate" | "re-designated" | "redesignated") && (p + 1..(p + 20).min(v.words.len())).any(|k| v.word(k) == "terrorist")
        })
        .map(|(p, _)| p)
        .collect()
}

fn actor_ending_at(v: &SentenceView<'_, '_>, tok: usize) -> Option<usize> {
    v.actors
        .iter()
        .find(|r| r.tokens.end == tok && v.kind(r.entity) != EntityKind::Person)
        .map(|r| r.entity)
        .or_else(|| {
            // a demonym: "American sanctions" (only when the country is an actor of the article)
            let c = v.resolved.demonyms.iter().find(|(t, _)| t + 1 == tok).map(|(_, c)| *c)?;
            v.resolved.country_entity(c)
        })
}

/// Whether the trigger at word `p` is the verb "sanction" in the active voice with an actor
/// for its object: "is sanctioning President X and other officials", "has sanctioned Iran"
/// (not "sanctioned by", "sanctioned for").
fn sanctioning_object(v: &SentenceView<'_, '_>, p: usize) -> bool {
    matches!(v.word(p), "sanctioning" | "sanctioned" | "sanction")
        && !matches!(v.word(p + 1), "by" | "for" | "in" | "on" | "over" | "under" | "since" | "list" | "regime" | "regimes")
        && !(p > 0 && matches!(v.word(p - 1), "the" | "a"))
        && !(v.word(p) == "sanctioned" && p > 0 && matches!(v.word(p - 1), "was" | "were" | "been" | "be" | "being" | "is" | "are" | "get" | "got"))
        && v.actors.iter().any(|r| r.tokens.start > v.tok(p) && r.tokens.start <= v.tok(p + 4))
}

/// The imposer of the sanctions at word position `p`, if the sentence names one.
fn imposer_at(v: &SentenceView<'_, '_>, p: usize) -> Option<usize> {
    // "OFAC placed X on the US sanctions list": who places them there
    if let Some(verb) = placing_verb(v, p).filter(|_| placing_prep(v, p) != Some(p.saturating_sub(1))) {
        if let Some(r) = v.actors_in(0, v.tok(verb)).last().filter(|r| v.kind(r.entity) != EntityKind::Person) {
            return Some(r.entity);
        }
    }
    // "Japan relaxed its Belarus sanctions", "the EU extended its Syria sanctions": the
    // subject of a verb that imposes or lifts them, when a name of its own stands before them
    // (the name before the trigger is then whom they hit)
    let imposing_verb = (p.saturating_sub(6)..p).rev().find(|&k| IMPOSING.contains(&v.word(k)));
    let subject_of = |k: usize| v.actors_in(0, v.tok(k)).last().filter(|r| v.kind(r.entity) != EntityKind::Person).map(|r| r.entity);
    if let (Some(subject), Some(named)) = (imposing_verb.and_then(subject_of), actor_ending_at(v, v.tok(p))) {
        if subject != named && v.kind(named) == EntityKind::Country {
            return Some(subject);
        }
    }
    // before: "US sanctions", "the United States’ embargoes", "American sanctions"
    let mut k = p;
    while k > 0 && MODIFIERS.contains(&v.word(k - 1)) && p - k < 4 {
        if let Some(e) = actor_ending_at(v, v.tok(k)) {
            return Some(e);
        }
        k -= 1;
    }
    if let Some(e) = actor_ending_at(v, v.tok(k)) {
        return Some(e);
    }
    // after: "sanctions from the U.S.", "sanctioned by the U.S.", "imposed by the United States"
    for q in p + 1..(p + 5).min(v.words.len()) {
        if matches!(v.word(q), "by" | "from") {
            let from = v.tok(q);
            return v
                .actors_in(from, from + 4)
                .into_iter()
                .find(|r| v.kind(r.entity) != EntityKind::Person)
                .map(|r| r.entity);
        }
    }
    // "Chile is sanctioning X": the subject right before the verb group; one further back only
    // through a verb that imposes ("announced it was sanctioning X")
    if sanctioning_object(v, p) {
        let k = super::clause::group_start(v, p);
        if let Some(r) = v.actors.iter().find(|r| r.tokens.end == v.tok(k) && v.kind(r.entity) != EntityKind::Person) {
            return Some(v.government(r.entity));
        }
    }
    // "the Treasury froze the assets of …", "the State Department designated the group …": the
    // verb's own subject
    if FREEZING.contains(&v.word(p)) || v.word(p).contains("designate") {
        if let Some(r) = v.actors_in(0, v.tok(p)).last().filter(|r| v.kind(r.entity) != EntityKind::Person) {
            return Some(v.government(r.entity));
        }
    }
    // "X imposed (new) sanctions", "X imposed an embargo", "X decided to lift its sanctions"
    if let Some(k) = imposing_verb {
        return subject_of(k);
    }
    // "X placed Y under sanctions": the subject of the verb before the object
    let verb = placing_verb(v, p)?;
    v.actors_in(0, v.tok(verb)).last().filter(|r| v.kind(r.entity) != EntityKind::Person).map(|r| r.entity)
}

/// The verb of "X placed Y under sanctions" or "X added Y to its sanctions list" for the
/// trigger at word `p`.
fn placing_verb(v: &SentenceView<'_, '_>, p: usize) -> Option<usize> {
    let prep = placing_prep(v, p)?;
    (0..prep).rev().take(12).find(|&k| matches!(v.word(k), "placed" | "placing" | "put" | "puts" | "places" | "kept" | "keeps" | "added" | "adds" | "adding" | "included" | "includes"))
}

/// The preposition that puts the objects of a placing verb under the sanctions at `p`: "under
/// sanctions", "on the US sanctions list", "to its blacklist".
fn placing_prep(v: &SentenceView<'_, '_>, p: usize) -> Option<usize> {
    if p > 0 && v.word(p - 1) == "under" {
        return Some(p - 1);
    }
    let listed = v.word(p + 1) == "list" || v.word(p).starts_with("blacklist");
    if !listed {
        return None;
    }
    (p.saturating_sub(4)..p).rev().find(|&k| matches!(v.word(k), "on" | "to"))
}

/// Verbs whose subject imposes, keeps or lifts the sanctions they govern.
const IMPOSING: &[&str] = &[
    "imposed", "imposes", "impose", "imposing", "reimposed", "reimposes", "reimpose", "reimposing", "re-imposed",
    "re-impose", "placed", "places", "place", "placing", "slapped", "levied", "adopted", "adopts", "adopt", "announced", "declared", "tightened", "extended",
    "extends", "extend", "renewed", "renews", "renew", "expanded", "expands", "broadened", "lifted", "lifts", "lift",
    "lifting", "eased", "eases", "ease", "easing", "prolonged", "prolongs", "maintained", "widened",
];

/// The targets of "X placed Y under sanctions": the actors between the verb and "under".
fn placed_under(v: &SentenceView<'_, '_>, p: usize) -> Option<Vec<usize>> {
    let verb = placing_verb(v, p)?;
    let prep = placing_prep(v, p)?;
    let (from, until) = (v.tok(verb), v.tok(prep));
    let named: Vec<usize> = v.actors_in(from, until).into_iter().map(|r| r.entity).collect();
    if !named.is_empty() {
        return Some(SentenceView::distinct(named));
    }
    // "added three Iranian banks to its blacklist": the country of the demonym
    Some(SentenceView::distinct(v.resolved.demonyms.iter().filter(|(tok, _)| (from..until).contains(tok)).filter_map(|&(_, c)| v.resolved.country_entity(c))))
}

/// Every actor that imposes sanctions in the sentence (pacts leave them out of their parties).
pub(super) fn imposers(v: &SentenceView<'_, '_>) -> Vec<usize> {
    triggers(v).into_iter().filter_map(|p| imposer_at(v, p)).collect()
}

/// The sanction a sentence states, if it names who imposes it; "the sanctions" told again
/// without one are those of `earlier`, the imposer of the story's last sanction.
pub(super) fn extract(v: &SentenceView<'_, '_>, earlier: Option<usize>) -> Option<Event> {
    let found = triggers(v).into_iter().find_map(|p| imposer_at(v, p).map(|i| (p, i)));
    let (p, imposer) = match found {
        Some((p, i)) => (p, v.government(i)),
        None => {
            // "The sanctions target X, Y and Z"
            let p = triggers(v).into_iter().find(|&p| p > 0 && matches!(v.word(p - 1), "the" | "these" | "those"))?;
            (p, earlier?)
        }
    };
    // explicit targets, the sanction word's own or, failing those, the next one's
    // ("adopted a package of sanctions reinforcing restrictive measures against Russia": the
    // targets the sentence's next sanction word names)
    let explicit = triggers(v).into_iter().filter(|&q| q >= p).map(|q| explicit_targets(v, q)).find(|t| t.as_ref().is_some_and(|t| !t.is_empty())).unwrap_or_else(|| explicit_targets(v, p));
    // "placed A, B and C on the sanctions list": the objects of the placing verb first
    let explicit = match placed_under(v, p) {
        Some(placed) if !placed.is_empty() => Some(placed),
        placed => explicit.or(placed),
    };
    // otherwise the countries the sentence is about: "Iran … has been sanctioned by the U.S.",
    // "the two countries, which are both under US sanctions"
    let targets = explicit.unwrap_or_else(|| {
        SentenceView::distinct(
            v.actors.iter().filter(|r| v.kind(r.entity) == EntityKind::Country && r.entity != imposer).map(|r| r.entity),
        )
    });
    let targets: Vec<usize> = SentenceView::distinct(targets.into_iter().filter(|t| *t != imposer));
    Some(Event {
        kind: EventKind::Sanction { imposer, targets: targets.clone() },
        actors: std::iter::once(imposer).chain(targets).collect(),
        status: None,
        place: None,
        when: None,
        date_text: None,
        label: v.word(p).to_owned(),
        trigger: v.word(p).to_owned(),
        sentences: vec![v.index],
        cameo: "163",
        plover: Some("SANCTION"),
        topic: None,
        name: None,
    })
}

/// The targets a sanction word at `p` names: "against Cuba", "on Iran", "the assets of X",
/// "designated X"; a demonym there names its country ("targeting sectors of the Russian
/// economy"). `None` when no such phrase follows it.
fn explicit_targets(v: &SentenceView<'_, '_>, p: usize) -> Option<Vec<usize>> {
    let designation = v.word(p).contains("designate");
    for q in p + 1..(p + 6).min(v.words.len()) {
        let object = q == p + 1 && (designation || sanctioning_object(v, p)) || FREEZING.contains(&v.word(p)) && v.word(q) == "of";
        // ("sanctions on Monday" names a day, not a target)
        let on_a_day = v.word(q) == "on" && crate::time::is_day_or_month(v.word(q + 1));
        if object || matches!(v.word(q), "against" | "on" | "targeting" | "target" | "targets") && !on_a_day {
            let from = v.tok(q);
            // a list goes on over its commas ("target A, B, C and D")
            let until = v.list_end(q, &[";", ".", "but", "for", "in", "over", "because", "after"]);
            let mut named: Vec<usize> = v
                .actors_in(from, until)
                .into_iter()
                .filter(|r| r.named || v.kind(r.entity) != EntityKind::Person)
                .map(|r| r.entity)
                .collect();
            if named.is_empty() {
                named = v.resolved.demonyms.iter().filter(|(tok, _)| (from..until).contains(tok)).filter_map(|&(_, c)| v.resolved.country_entity(c)).collect();
            }
            return Some(named);
        }
    }
    None
}
