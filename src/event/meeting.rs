//! Meetings: met, talks, visits, summits, calls, received, hosted; planned or held.

use super::{clause, sorted, Event, EventKind, SentenceView, Status, FUTURE_CUES};
use crate::frame::{EventClass, Frames, Role};
use crate::resolve::EntityKind;

/// Trigger words and the CAMEO code of what they describe.
const TRIGGERS: &[(&str, &str)] = &[
    ("met", "040"),
    ("meet", "040"),
    ("meets", "040"),
    ("meeting", "040"),
    ("talks", "046"),
    ("meetings", "040"),
    ("negotiation", "046"),
    ("talked", "040"),
    ("negotiations", "046"),
    ("visit", "042"),
    ("visits", "042"),
    ("visited", "042"),
    ("visiting", "042"),
    ("received", "043"),
    ("receives", "043"),
    ("hosted", "043"),
    ("hosts", "043"),
    ("host", "043"),
    ("summit", "040"),
    ("conference", "040"),
    ("discussions", "046"),
    ("gather", "040"),
    ("gathered", "040"),
    ("gathers", "040"),
    ("convene", "040"),
    ("convened", "040"),
    ("convenes", "040"),
    ("telephoned", "041"),
    ("phoned", "041"),
    ("call", "041"),
    ("session", "040"),
    ("sessions", "040"),
];

/// The CAMEO code of a meeting held by telephone or video ("Discuss by telephone").
pub(super) const CALL_CAMEO: &str = "041";

/// Objects that make "met" / "meet" mean something else ("met expectations").
const NOT_A_MEETING: &[&str] = &[
    "expectations", "demand", "demands", "target", "targets", "criteria", "needs", "requirements", "obligations",
    "deadline", "resistance", "opposition", "standards", "conditions", "goals", "goal", "costs", "payments",
    "with", // "met with resistance" is checked below with its object
];

const PLACE_PREPS: &[&str] = &["in", "at"];

/// Words that may follow a meeting verb used without an object ("met today", "gathered in
/// Venice", "will meet again"), unlike "met expectations" or "gathered support".
const NO_OBJECT: &[&str] = &[
    "", ".", ",", ";", "on", "in", "at", "today", "tomorrow", "yesterday", "tonight", "next", "again", "later", "here",
    "there", "this", "to", "for", "privately", "briefly", "separately", "jointly", "monday", "tuesday", "wednesday",
    "thursday", "friday", "saturday", "sunday", "late", "early", "behind", "until", "over", "during", "after",
    "before", "twice", "regularly", "informally", "about", "around",
];

/// The meetings a sentence states: one per frame of the lexicon whose arguments name two
/// sides; when no frame does, the sentence-wide reading of its first trigger.
pub(super) fn extract(v: &SentenceView<'_, '_>) -> Vec<Event> {
    let mut found = extract_told(v);
    found.extend(body_gatherings(v, &found));
    found
}

/// "flew to Lima to meet President X", "arrived in Bridgetown to attend the CARICOM summit": a
/// trip whose purpose the sentence names as an encounter is that encounter, told once; the
/// visit to the country stands only where the purpose names no one ("travelled to China to
/// discuss loans").
fn trips_told_by_their_purpose(v: &SentenceView<'_, '_>, told: Vec<(usize, Event)>) -> Vec<Event> {
    let purpose_of = |trip: &(usize, Event), other: &(usize, Event)| {
        let (EventKind::Meeting { visit: true, host }, EventKind::Meeting { visit: false, .. }) = (&trip.1.kind, &other.1.kind) else { return false };
        // an infinitive of purpose, not one a verb governs ("and is expected to meet X")
        let to_at = (1..=2).find(|&k| other.0 >= k && v.word(other.0 - k) == "to").map(|k| other.0 - k);
        let governed = to_at.is_some_and(|t| t > 0 && Frames::shipped().words.prospective.contains(&v.word(t - 1)));
        let to_before = other.0 > trip.0 && to_at.is_some() && !governed;
        let visitors: Vec<usize> = trip.1.actors.iter().copied().filter(|a| Some(*a) != *host).collect();
        to_before && !visitors.is_empty() && visitors.iter().all(|a| other.1.actors.contains(a)) && other.1.actors.iter().any(|a| !visitors.contains(a))
    };
    let keep: Vec<bool> = told.iter().map(|t| !told.iter().any(|o| purpose_of(t, o))).collect();
    told.into_iter().zip(keep).filter_map(|((_, e), k)| k.then_some(e)).collect()
}

/// "talks held during a G20 finance meeting", "ahead of the NATO summit", "a session of
/// the Tin Council": an international body's own gathering that the sentence names beside its
/// other news is a meeting of that body, told once.
fn body_gatherings(v: &SentenceView<'_, '_>, found: &[Event]) -> Vec<Event> {
    let mut out: Vec<Event> = Vec::new();
    for p in 0..v.words.len() {
        let Some(b) = body_gathering(v, p) else { continue };
        if found.iter().chain(&out).any(|e| e.actors.contains(&b)) {
            continue;
        }
        // "the next G7 summit", "will attend the NATO summit": one still to come
        let before: Vec<&str> = (p.saturating_sub(8)..p).map(|k| v.word(k)).collect();
        let future = before.iter().any(|w| FUTURE_CUES.contains(w));
        let t = v.tok(p);
        let (when, date_text) = v.date_near(t, future);
        let future = future || after_article_date(v, when);
        let told = Told { visit: false, host: None, actors: vec![b], future, place: None, when, date_text, label: v.word(p).to_owned(), trigger: v.word(p).to_owned() };
        out.push(told.event(v.index, "040", "CONSULT"));
    }
    out
}

/// The meetings a sentence tells with a predicate: every frame's, else the sentence-wide
/// reading of its first trigger.
fn extract_told(v: &SentenceView<'_, '_>) -> Vec<Event> {
    let frames = clause::clauses(v, Frames::shipped(), EventClass::Meeting);
    let told: Vec<(usize, Event)> = frames
        .iter()
        .flat_map(|c| distribute(v, c))
        .flat_map(|c| from_clause(v, &c).filter(|e| two_sided(v, e)).map(|e| one_visit_per_host(v, &c, e)).unwrap_or_default().into_iter().map(move |e| (c.head, e)))
        .collect();
    let found = trips_told_by_their_purpose(v, told);
    if !found.is_empty() {
        return found;
    }
    // a frame read in full and found denied ("did not meet") leaves no meeting; nor does one
    // whose subject is unnamed ("the chief adviser held meetings with A and B"): A and B are
    // one side, not a meeting of their own
    let subjectless = |c: &clause::Clause<'_>| {
        c.entry.kind == crate::frame::FrameKind::Verb
            && !v.word(c.head).ends_with("ing")
            && c.entry.role(crate::frame::Slot::Subject).is_some()
            && !c.args.is_empty()
            && c.args.iter().all(|(s, _, _)| *s == crate::frame::Slot::Prep("with"))
    };
    if frames.iter().any(|c| c.negated || subjectless(c)) {
        return Vec::new();
    }
    extract_window(v, &frames).into_iter().filter(|e| two_sided(v, e)).collect()
}

/// "will visit Nigeria and Ghana", "toured Kenya, Uganda and Tanzania": a tour is one visit to
/// each country, each received by its own government, and the visitors go to every one. A
/// visit that also names whom it meets there ("visit Ghana and Kenya, hosted by President X")
/// stays whole: the sentence tells one encounter, not a tour.
fn one_visit_per_host(v: &SentenceView<'_, '_>, c: &clause::Clause<'_>, e: Event) -> Vec<Event> {
    let EventKind::Meeting { visit: true, .. } = e.kind else { return vec![e] };
    let visitors: Vec<usize> = SentenceView::distinct(c.args.iter().filter(|(_, role, a)| *role == Role::Visitor && e.actors.contains(a)).map(|(_, _, a)| *a));
    let received_by: Vec<usize> = e.actors.iter().copied().filter(|a| !visitors.contains(a) && v.kind(*a) == EntityKind::Person).collect();
    let spoken_for = represented(&received_by, v.resolved);
    let hosts: Vec<usize> =
        e.actors.iter().copied().filter(|a| !visitors.contains(a) && v.kind(*a) == EntityKind::Country && !spoken_for.contains(a)).collect();
    if hosts.len() < 2 || visitors.is_empty() || !received_by.is_empty() || visitors.len() + hosts.len() != e.actors.len() {
        return vec![e];
    }
    let in_country = |place: usize, host: usize| place == host || v.resolved.entities[place].country.and_then(|c| v.resolved.country_entity(c)) == Some(host);
    // "visited Kyiv in August and Moscow in July": each stop dated by the time told with it
    let stop_of = |h: usize| clause_arg(v, c, |e| in_country(e, h));
    let own_date = |h: usize| stop_of(h).and_then(|r| time_told_after(v, r)).map(|k| v.date_within(k, k + 3, c.future)).filter(|(w, _)| w.is_some());
    let each_dated = hosts.iter().all(|&h| own_date(h).is_some());
    hosts
        .iter()
        .map(|&h| {
            let (when, date_text) = if each_dated { own_date(h).unwrap_or((e.when, e.date_text.clone())) } else { (e.when, e.date_text.clone()) };
            Event {
                kind: EventKind::Meeting { visit: true, host: Some(h) },
                actors: visitors.iter().copied().chain([h]).collect(),
                place: e.place.filter(|&p| in_country(p, h)).or_else(|| stop_of(h).map(|r| r.entity).filter(|&p| v.kind(p) == EntityKind::Place)),
                when,
                date_text,
                ..e.clone()
            }
        })
        .collect()
}

/// The first mention after the predicate of clause `c`, within its arguments, of an entity
/// that `fits`.
fn clause_arg<'r>(v: &SentenceView<'_, 'r>, c: &clause::Clause<'_>, fits: impl Fn(usize) -> bool) -> Option<&'r crate::resolve::Ref> {
    let last = v.words.len().saturating_sub(1);
    let (from, to) = (v.tok(c.end.min(last)), v.tok(c.stop.min(last)));
    v.args.iter().copied().find(|r| r.tokens.start >= from && r.tokens.start <= to && fits(r.entity))
}

/// The token right after mention `r` when a time adjunct starts there ("Kyiv in August"):
/// where the time told with that item of a list is.
fn time_told_after(v: &SentenceView<'_, '_>, r: &crate::resolve::Ref) -> Option<usize> {
    clause::time_adjunct_end(v, r.tokens.end).map(|_| r.tokens.end)
}

/// Whether a meeting has two sides once a country is counted with the person who holds its
/// post: "the Colombian president in Colombia" or "Petro and Colombia" is one side. A body
/// meeting alone, and two persons of one country, stay meetings.
fn two_sided(v: &SentenceView<'_, '_>, e: &Event) -> bool {
    if e.actors.len() < 2 {
        return true;
    }
    let persons: Vec<usize> = e.actors.iter().copied().filter(|&a| v.kind(a) == EntityKind::Person).collect();
    let spoken_for = represented(&persons, v.resolved);
    e.actors.iter().filter(|&&a| !(v.kind(a) == EntityKind::Country && spoken_for.contains(&a))).count() >= 2
}

/// The most persons one person is told to meet in a list that makes one meeting with each
/// ("met with A, B and C"); a longer list is a gathering of its own.
const MAX_ROUND: usize = 30;

/// "held talks separately with X and Y", "will meet respectively A, B and C": one meeting with
/// each person of the other side, each with the subject.
fn distribute<'l>(v: &SentenceView<'_, '_>, c: &clause::Clause<'l>) -> Vec<clause::Clause<'l>> {
    // ("bilateral talks with X and Y": two sides to each, so one meeting with each)
    let bilateral = (c.head.saturating_sub(4)..c.end.max(c.head)).any(|k| v.word(k) == "bilateral");
    let distributive = bilateral || (c.head..c.stop.min(v.words.len())).any(|k| matches!(v.word(k), "respectively" | "separately" | "individually"));
    let others = SentenceView::distinct(c.args.iter().filter(|(s, _, e)| *s != crate::frame::Slot::Subject && v.kind(*e) == EntityKind::Person).map(|(_, _, e)| *e));
    // "met X on Monday and Y on Tuesday": each of the other side with a time of its own
    let time_after = |o: usize| clause_arg(v, c, |e| e == o).and_then(|r| time_told_after(v, r));
    let each_dated = others.len() >= 2 && others.iter().all(|&o| time_after(o).is_some());
    // one person meeting three or more named persons ("X met with A, B and C") meets each:
    // a meeting of so many is told as a summit or a round table, not by listing them
    // (one side: "Foreign Minister X of Chile" is X, the country only qualifies them)
    let subject: Vec<usize> = SentenceView::distinct(c.args.iter().filter(|(s, _, _)| *s == crate::frame::Slot::Subject).map(|(_, _, e)| *e));
    let subject_persons = subject.iter().filter(|&&e| v.kind(e) == EntityKind::Person).count();
    let subjects = if subject_persons > 0 { subject_persons } else { subject.len() };
    let a_round = subjects == 1 && (3..=MAX_ROUND).contains(&others.len());
    // "met his counterparts from Chile, Peru and Bolivia": one meeting with each side
    let counterparts_from = (c.head..c.stop.min(v.words.len())).any(|k| v.word(k) == "counterparts" && v.word(k + 1) == "from");
    let others = if counterparts_from && others.len() < 2 {
        SentenceView::distinct(c.args.iter().filter(|(s, _, e)| *s != crate::frame::Slot::Subject && v.kind(*e) != EntityKind::Place).map(|(_, _, e)| *e))
    } else {
        others
    };
    let a_round = a_round || counterparts_from && subjects == 1 && (2..=MAX_ROUND).contains(&others.len());
    if !(distributive || each_dated || a_round) || others.len() < 2 {
        return vec![c.clone()];
    }
    // (each clause built from the subject's arguments and its own, not from a copy of all:
    // linear in the arguments)
    let mut template = c.clone();
    template.args = c.args.iter().filter(|(s, _, _)| *s == crate::frame::Slot::Subject).cloned().collect();
    let mut own: std::collections::HashMap<usize, Vec<_>> = std::collections::HashMap::new();
    for arg in c.args.iter().filter(|(s, _, _)| *s != crate::frame::Slot::Subject) {
        own.entry(arg.2).or_default().push(arg.clone());
    }
    others
        .iter()
        .map(|&o| {
            let mut one = template.clone();
            one.args.extend(own.get(&o).into_iter().flatten().cloned());
            if each_dated {
                one.dated_at = time_after(o);
            }
            one
        })
        .collect()
}

/// A meeting from one frame: its participants are the actors in its slots; a visit adds the
/// government of the country or city visited.
/// Whether the clause's subject is body `body` followed by a plural noun of its members'
/// office ("Andean farm ministers", "OPEC delegates", "ASEAN leaders").
fn members_of_body(v: &SentenceView<'_, '_>, c: &clause::Clause<'_>, body: usize) -> bool {
    let head = v.tok(c.head);
    let Some(r) = v.actors.iter().rev().find(|r| r.entity == body && r.tokens.end <= head) else { return false };
    let is_subject = c.args.iter().any(|(s, _, e)| *s == crate::frame::Slot::Subject && *e == body);
    let after: Vec<String> = (r.tokens.end..r.tokens.end + 3).map(|k| v.a.tok(k).to_lowercase()).collect();
    is_subject && after.iter().take_while(|w| w.chars().all(|ch| ch.is_alphabetic() || ch == '-')).any(|w| Frames::shipped().words.member_nouns.contains(&w.as_str()))
}

fn from_clause(v: &SentenceView<'_, '_>, c: &clause::Clause<'_>) -> Option<Event> {
    if c.negated {
        return None;
    }
    let entity = |e: usize| &v.resolved.entities[e];
    let mut actors = Vec::new();
    let mut place = None;
    let mut host = None;
    for (_, role, e) in &c.args {
        // "U.S. President Bush", "King Fahd of Saudi Arabia": where a slot names a person, the
        // country or body beside it only qualifies them
        if entity(*e).kind != EntityKind::Person && c.slot_has_person(*e, v.resolved) {
            continue;
        }
        if entity(*e).kind == EntityKind::Place {
            // a city visited stands for its government; a city elsewhere is no participant
            if *role == Role::Host {
                place = place.or(Some(*e));
                if let Some(h) = entity(*e).country.and_then(|c| v.resolved.country_entity(c)) {
                    host = host.or(Some(h));
                    actors.push(h);
                }
            }
            continue;
        }
        if *role == Role::Host {
            host = host.or(Some(*e));
        }
        actors.push(*e);
    }
    let actors = SentenceView::distinct(actors);
    // one side alone: a host of a meeting whose guests go unnamed ("Kazakhstan will host the
    // summit"). An international body's summit ("the EU summit") names a meeting of its members
    // only when they are named: the sentence-wide reading decides.
    let alone = actors.len() == 1 && c.entry.lemma == "host" && !c.entry.rest.is_empty();
    // "Andean farm ministers wrapped up talks", "OPEC delegates conferred": the members of a body,
    // named by their office, meet as that body
    let members = actors.len() == 1 && entity(actors[0]).kind == EntityKind::Organization && members_of_body(v, c, actors[0]);
    let alone = alone || members;
    if actors.len() < 2 && !alone {
        return None;
    }
    let t = v.tok(c.head);
    let last = v.words.len().saturating_sub(1);
    let (end, stop) = (v.tok(c.end.min(last)), v.tok(c.stop.min(last)));
    // where: a place after the predicate ("met in Luxembourg", "talks at the palace in Tehran")
    let visit = c.entry.cameo == "042";
    if place.is_none() {
        let (p, h) = place_and_host(v, end, stop, visit);
        place = p;
        if visit && host.is_none() {
            host = h.filter(|h| actors.contains(h));
        }
    }
    // the date inside the clause first ("X, who arrived on Sunday, met Y on Monday")
    let own = c.dated_at.map(|k| v.date_within(k, k + 3, c.future)).filter(|(w, _)| w.is_some());
    let (when, date_text) = match own.unwrap_or_else(|| v.date_within(t, stop, c.future)) {
        (Some(w), text) => (Some(w), text),
        _ => v.date_near(t, c.future),
    };
    let future = c.future || after_article_date(v, when);
    // a call where its own clause says so ("held a telephone conversation"), not wherever the
    // sentence does ("invited X to visit, during their telephone talks")
    let phone = c.entry.cameo == CALL_CAMEO || (c.head.saturating_sub(4)..(c.end + 3).min(c.stop).min(v.words.len())).any(|k| Frames::shipped().words.phone_cues.contains(&v.word(k)));
    let trig = v.word(c.head).to_owned();
    let label = if visit {
        label_visit(v, c.head)
    } else if phone {
        "phone call".to_owned()
    } else {
        c.entry.lemma.to_owned()
    };
    let told = Told { visit, host, actors, future, place, when, date_text, label, trigger: trig };
    Some(told.event(v.index, if phone { CALL_CAMEO } else { c.entry.cameo }, c.entry.plover))
}

/// "The accord was signed by X and Y", "X and Y signed the deal in Lima": persons of two sides
/// who sign a pact together have met to sign it. Only a signing told as done, by named persons
/// who do not all speak for one side.
pub(super) fn signing(v: &SentenceView<'_, '_>, pact: &Event) -> Option<Event> {
    let EventKind::Pact { signatories, .. } = &pact.kind else { return None };
    // each named in the sentence: "he said he had signed it with X" may be anyone's "he"
    let named = |s: usize| v.actors.iter().any(|r| r.entity == s && r.named);
    // "signed … in the presence of President X and Y": those present meet at the signing
    let present: Vec<usize> = (0..v.words.len())
        .find(|&k| v.word(k) == "presence" && v.word(k + 1) == "of" && k > 1 && v.word(k - 2) == "in")
        .map(|k| {
            let until = v.list_end(k + 1, &[";", ".", "to", "on", "in", "at", "after", "during", "which", "who"]);
            v.actors_in(v.tok(k + 1), until).into_iter().filter(|r| v.kind(r.entity) == EntityKind::Person && r.named).map(|r| r.entity).collect()
        })
        .unwrap_or_default();
    let signatories: Vec<usize> = if signatories.iter().all(|&s| v.kind(s) == EntityKind::Person && named(s)) {
        SentenceView::distinct(signatories.iter().copied().chain(present))
    } else {
        present
    };
    if pact.status != Some(Status::Signed) || signatories.len() < 2 {
        return None;
    }
    let sides: Vec<std::collections::BTreeSet<usize>> = signatories.iter().map(|&s| represented(&[s], v.resolved)).collect();
    if sides.iter().all(|s| !s.is_empty() && s == &sides[0]) {
        return None;
    }
    if after_article_date(v, pact.when) {
        return None;
    }
    let told = Told {
        visit: false,
        host: None,
        actors: signatories,
        future: false,
        place: pact.place,
        when: pact.when,
        date_text: pact.date_text.clone(),
        label: "signing".to_owned(),
        trigger: pact.trigger.clone(),
    };
    Some(told.event(v.index, "040", "CONSULT"))
}

/// Event nouns that may open a sentence about an encounter told just before.
const CONTINUED_NOUNS: &[&str] = &["talks", "negotiations", "meeting", "meetings", "summit", "discussions", "consultations"];

/// "Talks are due to begin in Moscow on Wednesday": a sentence that opens with an event noun
/// naming no one tells of an encounter between the sides of the meeting or pact told in the
/// two sentences before it.
pub(super) fn continued(v: &SentenceView<'_, '_>, events: &[Event]) -> Option<Event> {
    let first = usize::from(matches!(v.word(0), "the" | "these" | "their" | "further" | "new" | "formal"));
    let noun = v.word(first);
    if v.index == 0 || !CONTINUED_NOUNS.contains(&noun) {
        return None;
    }
    // the noun is the subject of its own predicate ("Talks are due", "The meeting ended"), and
    // names no one ("Talks with X" is a frame of its own)
    let next = v.word(first + 1);
    let predicate = matches!(next, "are" | "were" | "is" | "was" | "will" | "would" | "began" | "begin" | "begins" | "ended" | "end" | "ends" | "opened" | "open" | "opens" | "resumed" | "resume" | "resumes" | "continued" | "continue" | "continues" | "start" | "started" | "starts" | "took" | "take" | "takes" | "should" | "could" | "may");
    if !predicate {
        return None;
    }
    let before = events.iter().rev().find(|e| e.sentences.iter().any(|&s| s + 2 >= v.index) && matches!(e.kind, EventKind::Meeting { .. } | EventKind::Pact { .. }) && e.actors.len() >= 2)?;
    let actors: Vec<usize> = before.actors.iter().copied().filter(|&a| v.kind(a) != EntityKind::Place).collect();
    if actors.len() < 2 {
        return None;
    }
    let future = (first + 1..(first + 5).min(v.words.len())).any(|k| FUTURE_CUES.contains(&v.word(k)) || v.word(k) == "to" && matches!(v.word(k - 1), "are" | "is"));
    let t = v.tok(first);
    let (place, _) = place_and_host(v, t, usize::MAX, false);
    let (when, date_text) = v.date_near(t, future);
    let future = future || after_article_date(v, when);
    let told = Told { visit: false, host: None, actors, future, place, when, date_text, label: noun.to_owned(), trigger: noun.to_owned() };
    Some(told.event(v.index, "040", "CONSULT"))
}

/// Whether `when` begins after the article's date: a meeting to come, whatever the verb says
/// (a month or year that has begun is not "after": "met in March" in a March story).
fn after_article_date(v: &SentenceView<'_, '_>, when: Option<crate::time::When>) -> bool {
    matches!((when.and_then(|w| w.first_day()), v.date), (Some(first), Some(d)) if first > d)
}

/// What one reading of a sentence tells of a meeting, before it becomes an [`Event`].
struct Told {
    visit: bool,
    host: Option<usize>,
    actors: Vec<usize>,
    future: bool,
    place: Option<usize>,
    when: Option<crate::time::When>,
    date_text: Option<String>,
    label: String,
    trigger: String,
}

impl Told {
    /// The meeting event; a planned one is coded CAMEO 036 (express intent to meet).
    fn event(self, sentence: usize, cameo: &'static str, plover: &'static str) -> Event {
        Event {
            kind: EventKind::Meeting { visit: self.visit, host: self.host },
            actors: self.actors,
            status: Some(if self.future { Status::Planned } else { Status::Held }),
            place: self.place,
            when: self.when,
            date_text: self.date_text,
            label: self.label,
            trigger: self.trigger,
            sentences: vec![sentence],
            cameo: if self.future { "036" } else { cameo },
            plover: Some(plover),
            topic: None,
        name: None,
        }
    }
}

/// The sentence-wide reading of a sentence's first meeting trigger: its persons (or, without
/// two of them, its other actors) are the participants. It covers what frames leave out:
/// bodies meeting alone ("EC ministers met in Luxembourg"), compounds ("the Reagan-Gorbachev
/// summit") and participants outside the trigger's own clause.
fn extract_window(v: &SentenceView<'_, '_>, frames: &[clause::Clause<'_>]) -> Option<Event> {
    let (pos, code) = trigger(v)?;
    let trig = v.word(pos).to_owned();
    let t = v.tok(pos);
    let visit = code == "042";
    // "had no plans to meet", "did not meet", "refused to meet": no meeting
    let negated = v.words.iter().take(pos).rev().take(5).any(|(_, w)| matches!(w.as_str(), "not" | "no" | "never" | "n't" | "refused" | "declined" | "refuses" | "declines" | "cancelled" | "canceled"));
    if negated {
        return None;
    }
    let before: Vec<&str> = v.words.iter().take(pos + 1).rev().take(8).map(|(_, w)| w.as_str()).collect();
    let future = before.iter().any(|w| FUTURE_CUES.contains(w))
        || before.windows(2).any(|w| w[0] == "to" && matches!(w[1], "is" | "are" | "am"))
        || before.windows(2).any(|w| w[0] == "be" && matches!(w[1], "will" | "would" | "to"))
        || (pos > 0 && v.word(pos - 1) == "to" && !visit_noun(v, pos))
        || (trig == "meeting" && pos > 0 && v.word(pos - 1) == "a" && v.has(&["will", "plan", "plans"]))
        // the modality its frame read ("is going to hold talks")
        || frames.iter().any(|c| c.future && (c.head..c.end).contains(&pos));

    let (place, host) = place_and_host(v, t, usize::MAX, visit);

    // Participants: the persons named in the sentence; without two of them, the countries and
    // organizations too. A visit adds its host government.
    // who reports the meeting is not in it: "…, a Cabinet spokesman told reporters"
    let says_at = |k: usize| crate::mention::SPEECH_VERBS.contains(&v.a.tok(k).to_lowercase().as_str());
    let reporter = |r: &crate::resolve::Ref| {
        if r.tokens.start > t {
            return (1..=2).any(|k| says_at(r.tokens.end + k - 1));
        }
        // "X stated that Y is going to hold talks": the speaker of a report whose own subject
        // comes before the trigger ("X said talks with Z went well" keeps X)
        let Some(verb) = (r.tokens.end..(r.tokens.end + 3).min(t)).find(|&k| says_at(k)) else { return false };
        v.actors.iter().any(|o| o.tokens.start > verb && o.tokens.end <= t && o.entity != r.entity && v.kind(o.entity) == EntityKind::Person)
    };
    // a body that only qualifies a reporter ("Kremlin Spokesman Dmitry Peskov said") reports too
    let reporter = |r: &crate::resolve::Ref| {
        reporter(r)
            || v.kind(r.entity) != EntityKind::Person
                && v.actors.iter().any(|p| v.kind(p.entity) == EntityKind::Person && reporter(p) && p.tokens.start >= r.tokens.end && p.tokens.start <= r.tokens.end + 3)
    };
    // "talks between X and Y", "negotiations among …": the phrase names the participants
    let between: Option<Vec<usize>> = if let Some(b) = between_at(v, pos) {
        let from = v.tok(b);
        let until = v.words.iter().skip(b + 1).find(|(_, w)| matches!(w.as_str(), "," | ";" | "." | "to" | "on" | "over" | "about" | "that" | "which")).map_or(usize::MAX, |(tk, _)| *tk);
        let inside = SentenceView::distinct(v.actors_in(from, until).iter().map(|r| r.entity));
        (inside.len() >= 2).then_some(inside)
    } else {
        None
    };
    let persons: Vec<usize> = SentenceView::distinct(
        v.actors.iter().filter(|r| v.kind(r.entity) == EntityKind::Person && !reporter(r)).map(|r| r.entity),
    );
    // "Gandhi's visit": the visitor is the owner, not the others the sentence names
    let owner = (visit && pos >= 1 && matches!(v.word(pos - 1), "'s" | "’s") || (visit && pos >= 2 && matches!(v.word(pos - 2), "'s" | "’s")))
        .then(|| {
            let k = if matches!(v.word(pos - 1), "'s" | "’s") { pos - 1 } else { pos - 2 };
            v.actors.iter().find(|r| r.tokens.end == v.tok(k)).map(|r| r.entity)
        })
        .flatten();
    // "a visit to London by King Fahd": the visitor follows "by"
    let owner = owner.or_else(|| {
        if !visit {
            return None;
        }
        let by = (pos + 1..pos + 6).find(|&k| v.word(k) == "by")?;
        let from = v.tok(by);
        v.actors_in(from, from + 5).into_iter().find(|r| v.kind(r.entity) == EntityKind::Person).map(|r| r.entity)
    });
    let persons = match owner {
        Some(o) => vec![o],
        None => persons,
    };
    let mut actors = persons.clone();
    if visit {
        if let Some(h) = host {
            if !actors.contains(&h) {
                actors.push(h);
            }
        }
    }
    // "at the OPEC meeting", "a session of the Tin Council": the body's own gathering, whoever
    // else the sentence names
    let own_body = if visit { None } else { body_gathering(v, pos) };
    if let Some(b) = own_body {
        // "X, speaking at a meeting of GATT": who is said to be there attends it
        actors = SentenceView::distinct(persons.iter().copied().chain([b]));
    } else if actors.len() < 2 && !visit {
        // "EC ministers met in Luxembourg": a country where the meeting is held is its place,
        // not a participant
        let others = v.actors.iter().filter(|r| v.kind(r.entity) != EntityKind::Person && !reporter(r) && !(r.tokens.start > t && v.located(r))).map(|r| r.entity);
        actors = SentenceView::distinct(actors.into_iter().chain(others));
    }
    // A body meeting alone ("EC farm ministers met", "meetings of Group of Seven finance
    // ministers", "Leaders of the EC began their summit"): the body is the participant.
    if own_body.is_none() && (actors.is_empty() || (actors.len() == 1 && v.kind(actors[0]) == EntityKind::Organization)) {
        let bodies: Vec<usize> = SentenceView::distinct(
            v.actors
                .iter()
                .filter(|r| v.resolved.entities[r.entity].org_kind == Some(crate::lexicon::OrgKind::International))
                .filter(|r| {
                    let next = v.a.tok(r.tokens.end).to_lowercase();
                    let prev = v.a.tok(r.tokens.start.saturating_sub(1)).to_lowercase();
                    let prev2 = v.a.tok(r.tokens.start.saturating_sub(2)).to_lowercase();
                    // "ministers of the six-nation Gulf Co-operation Council": its members' office
                    let of_members = (1..=4).any(|k| {
                        r.tokens.start > k
                            && v.a.tok(r.tokens.start - k) == "of"
                            && matches!(v.a.tok(r.tokens.start - k - 1).to_lowercase().as_str(), "leaders" | "ministers" | "meeting" | "meetings" | "members" | "summit" | "officials" | "delegates" | "representatives" | "heads")
                    });
                    next.ends_with("ministers") || next == "leaders" || next == "members" || next == "officials"
                        || v.a.tok(r.tokens.end + 1).to_lowercase() == "ministers"
                        || of_members
                        || prev == "of" && matches!(prev2.as_str(), "leaders" | "ministers" | "meeting" | "meetings" | "members" | "summit")
                        || prev == "the" && prev2 == "of"
                })
                .map(|r| r.entity),
        );
        if bodies.len() == 1 && (actors.is_empty() || actors == bodies) {
            actors = bodies;
        } else if actors.len() < 2 {
            return None;
        }
    } else if own_body.is_none() && actors.len() < 2 {
        return None;
    }
    if let Some(b) = between {
        actors = b;
    }
    // "rescheduling talks with banks", "met with creditors": a counterpart named by no name
    // leaves no meeting between named actors
    if v.word(pos + 1) == "with" {
        let from = v.tok(pos + 1);
        let until = v.words.iter().skip(pos + 2).find(|(_, w)| matches!(w.as_str(), "," | ";" | "." | "to" | "on" | "over" | "about" | "that" | "which" | "in" | "at")).map_or(usize::MAX, |(tk, _)| *tk);
        if v.actors_in(from, until).is_empty() && !group_object(v, pos + 2) {
            return None;
        }
    }
    let (mut when, date_text) = v.date_near(t, future);
    // Wire copy's lead reports the day's news: an undated meeting told in the dateline's
    // sentence happened on the story's date.
    if when.is_none() && !future && v.index == 0 && v.a.dateline.is_some() {
        when = v.date.map(crate::time::When::Date);
    }
    let future = future || after_article_date(v, when);
    let label = if visit { label_visit(v, pos) } else { trig.clone() };
    let told = Told { visit, host, actors, future, place, when, date_text, label, trigger: trig };
    Some(told.event(v.index, code, "CONSULT"))
}

/// Where a meeting whose trigger is token `t` takes place: a place or a capital after "in" or
/// "at", the country or city a visit goes to, or "here" (the dateline's city); and, for a
/// visit, the government it goes to.
fn place_and_host(v: &SentenceView<'_, '_>, t: usize, until: usize, visit: bool) -> (Option<usize>, Option<usize>) {
    // The place: a place or a capital after "in"/"at", or the country a visit goes to.
    let mut place = None;
    let mut host = None;
    for r in v.args.iter().copied().filter(|r| r.tokens.start > t && r.tokens.start < until) {
        let e = &v.resolved.entities[r.entity];
        let prev = v.a.tok(r.tokens.start.saturating_sub(1)).to_lowercase();
        let prev2 = v.a.tok(r.tokens.start.saturating_sub(2)).to_lowercase();
        let located = PLACE_PREPS.contains(&prev.as_str()) || (prev == "the" && PLACE_PREPS.contains(&prev2.as_str()));
        if e.kind == EntityKind::Place && (located || (visit && (prev == "to" || prev2 == "to"))) && place.is_none() {
            place = Some(r.entity);
            if visit {
                host = e.country.and_then(|c| v.resolved.country_entity(c));
            }
        }
        if visit && e.kind == EntityKind::Country && host.is_none() && r.tokens.start <= t + 3 {
            host = Some(r.entity);
            place = place.or(Some(r.entity));
        }
    }


    // "here" is the dateline's city (and, for a visit, its country the host)
    if place.is_none() && v.words.iter().any(|(_, w)| w == "here") {
        place = v.a.dateline.as_ref().and_then(|d| {
            let city = d.city.to_lowercase();
            v.resolved.entities.iter().position(|e| e.kind == EntityKind::Place && e.label.to_lowercase() == city.split(',').next().unwrap_or("").trim())
        });
        if visit && host.is_none() {
            host = place.and_then(|p| v.resolved.entities[p].country).and_then(|c| v.resolved.country_entity(c));
        }
    }
    (place, host)
}

fn visit_noun(v: &SentenceView<'_, '_>, pos: usize) -> bool {
    // "a visit to", "his visit" are nouns; "to visit" after "to" is an infinitive
    pos > 0 && matches!(v.word(pos - 1), "a" | "the" | "his" | "her" | "state" | "official")
}

fn label_visit(v: &SentenceView<'_, '_>, pos: usize) -> String {
    match v.word(pos.wrapping_sub(1)) {
        m @ ("state" | "official" | "working" | "private") => format!("{m} visit"),
        _ => "visit".into(),
    }
}

/// The "between"/"among" that names a trigger's participants, right after it or after the
/// modifiers of its noun phrase: "the meetings scheduled next month in Washington between Reagan
/// and Nakasone". A finite verb or a clause boundary ends the search.
fn between_at(v: &SentenceView<'_, '_>, p: usize) -> Option<usize> {
    for q in p + 1..(p + 9).min(v.words.len()) {
        match v.word(q) {
            "between" | "among" => return Some(q),
            "," | ";" | "." | ":" | "is" | "are" | "was" | "were" | "will" | "would" | "said" | "says" | "has" | "have" | "had" | "and" | "that" | "which" | "to" => return None,
            _ => {}
        }
    }
    None
}

/// Triggers that are nouns: they name a meeting, but only introduce one when something links
/// them to participants.
const NOMINAL: &[&str] = &["meeting", "meetings", "talks", "summit", "conference", "negotiations", "negotiation", "visit", "visits", "discussions"];

/// Verbs that make a nominal trigger an event of their subject ("held talks", "began their summit").
const LIGHT_VERBS: &[&str] = &[
    "held", "hold", "holds", "holding", "open", "opens", "opened", "began", "begin", "begins", "have", "has", "had",
    "attend", "attends", "attended", "attending", "concluded", "ended", "wrapped", "resumed", "resume", "make",
    "made", "makes", "pay", "paid", "pays", "start", "started", "convene", "convened", "host", "hosted",
];

/// Whether a nominal trigger at word `p` introduces a meeting: linked to participants ("talks
/// with X", "meeting between X and Y", "meetings of Group of Seven ministers", "a visit to
/// Tehran", "Maduro's state visit") or the object of a light verb ("held talks"); "the summit"
/// or "during the meeting" alone only refer back to one already told.
fn nominal_introduces(v: &SentenceView<'_, '_>, p: usize) -> bool {
    let next = v.word(p + 1);
    if matches!(next, "with" | "between" | "among") || between_at(v, p).is_some() {
        return true;
    }
    // "the Reagan-Gorbachev summit", "the Iran-Venezuela talks": a compound names who met
    if p > 0 {
        let compound = v.tok(p - 1);
        if SentenceView::distinct(v.actors.iter().filter(|r| r.tokens.start == compound && r.tokens.end == compound + 1).map(|r| r.entity)).len() >= 2 {
            return true;
        }
    }
    // "the OPEC meeting", "an OECD ministerial meeting": a body's own gathering
    if body_before(v, p).is_some() {
        return true;
    }
    let t = v.tok(p);
    // a verb, not a noun: "will visit Moscow", "after meeting Maduro", "to visit the Islamic Republic"
    let prev = if p > 0 { v.word(p - 1) } else { "" };
    if matches!(v.word(p), "visit" | "visits" | "meeting")
        && (matches!(prev, "will" | "would" | "to" | "shall" | "may" | "might" | "can" | "could" | "should" | "must" | "not" | "also")
            || v.actors.iter().any(|r| r.tokens.start == t + 1 || (r.tokens.start == t + 2 && v.word(p + 1) == "the")))
    {
        return true;
    }
    if next == "of" {
        let of_tok = v.tok(p + 1);
        if !v.actors_in(of_tok, of_tok + 4).is_empty() {
            return true;
        }
    }
    if matches!(v.word(p), "visit" | "visits") && next == "to" {
        return true;
    }
    // "The meeting was attended by representatives from Brazil, Mexico …"
    if matches!(next, "attended" | "involving" | "grouping" | "bringing") || (matches!(next, "was" | "were" | "is" | "will") && matches!(v.word(p + 2), "attended" | "be")) && v.word(p + 3) != "held" {
        return true;
    }
    // "in meetings in Washington", "at talks": a bare plural after a preposition
    if matches!(prev, "in" | "at") && matches!(v.word(p), "meetings" | "talks" | "negotiations") {
        return true;
    }
    // look back over modifiers ("two-day", "bilateral", "official", "state") to a determiner or verb
    let mut k = p;
    let mut indefinite = false;
    while k > 0 && p - k < 4 {
        let w = v.word(k - 1);
        // "during the meeting" is one already told; "during a meeting at his retreat" is news
        if matches!(w, "during" | "after" | "before" | "at" | "until") {
            return indefinite;
        }
        if matches!(w, "the" | "this" | "that" | "these" | "those") {
            return false;
        }
        indefinite |= matches!(w, "a" | "an");
        if LIGHT_VERBS.contains(&w) {
            return true;
        }
        if matches!(w, "’s" | "'s") {
            // "Maduro's state visit": a named owner
            return v.actors.iter().any(|r| r.tokens.end == v.tok(k - 1));
        }
        if matches!(w, "a" | "an" | "his" | "her" | "their" | "its" | "our") {
            k -= 1;
            continue;
        }
        if w.chars().all(|c| c.is_alphanumeric() || c == '-') {
            k -= 1;
            continue;
        }
        break;
    }
    false
}

/// The international body whose own gathering the noun at word `p` names, before it ("the OPEC
/// meeting") or after its "of" ("a session of the Tin Council").
fn body_gathering(v: &SentenceView<'_, '_>, p: usize) -> Option<usize> {
    body_before(v, p).or_else(|| Frames::shipped().words.gathering_nouns.contains(&v.word(p)).then(|| body_after_of(v, p + 1)).flatten())
}

/// The international body named right before the gathering noun at word `p`: "the OPEC
/// meeting", "an OECD ministerial meeting", "the G7 leaders' summit". Only an international
/// body: "the Japan meeting" is a meeting in or with Japan, whose other side the sentence names.
fn body_before(v: &SentenceView<'_, '_>, p: usize) -> Option<usize> {
    let words = &Frames::shipped().words;
    if !words.gathering_nouns.contains(&v.word(p)) {
        return None;
    }
    let mut k = p;
    while k > 0 && p - k < 3 {
        let end = v.tok(k - 1).saturating_add(1);
        if let Some(r) = v.actors.iter().find(|r| r.tokens.end == end) {
            return (v.resolved.entities[r.entity].org_kind == Some(crate::lexicon::OrgKind::International)).then_some(r.entity);
        }
        if !words.gathering_modifiers.contains(&v.word(k - 1)) {
            return None;
        }
        k -= 1;
    }
    None
}

/// The international body named right after the "of" at word `of`: "a session of the
/// International Tin Council".
fn body_after_of(v: &SentenceView<'_, '_>, of: usize) -> Option<usize> {
    if v.word(of) != "of" {
        return None;
    }
    let from = v.tok(of) + 1;
    let from = if v.a.tok(from).eq_ignore_ascii_case("the") { from + 1 } else { from };
    v.actors
        .iter()
        .find(|r| r.tokens.start == from && v.resolved.entities[r.entity].org_kind == Some(crate::lexicon::OrgKind::International))
        .map(|r| r.entity)
}

/// Whether an actor mention starts at token `tok` (after an optional "the").
fn actor_at(v: &SentenceView<'_, '_>, tok: usize) -> bool {
    // over "the", titles and nationalities: "met Venezuelan President Nicolas Maduro"
    let starts = |k: usize| v.actors.iter().any(|r| r.tokens.start == k);
    for k in tok..tok + 6 {
        if starts(k) {
            return true;
        }
        let w = v.a.tok(k);
        let skippable = w.eq_ignore_ascii_case("the")
            || matches!(w, "'s" | "’s")
            || w.chars().next().is_some_and(char::is_uppercase)
            || matches!(w.to_lowercase().as_str(), "president" | "minister" | "prime" | "foreign" | "finance" | "trade" | "secretary" | "leader" | "chief" | "deputy" | "vice" | "his" | "her" | "their" | "counterpart");
        if !skippable {
            return false;
        }
    }
    false
}

/// People named by their office as the object of a meeting: "met 14 Indonesian cabinet
/// ministers", "meet the leaders of Britain, France …".
fn group_object(v: &SentenceView<'_, '_>, from: usize) -> bool {
    const GROUPS: &[&str] = &[
        "officials", "leaders", "ministers", "representatives", "delegates", "delegation", "delegations", "counterparts",
        "counterpart", "negotiators", "envoys", "diplomats", "lawmakers", "heads", "executives", "bankers", "members",
        "president", "premier", "king", "chancellor", "emir",
    ];
    for k in from..from + 6 {
        let w = v.word(k);
        if GROUPS.contains(&w) {
            return true;
        }
        if w.is_empty() || matches!(w, "," | "." | ";" | "to" | "and" | "in" | "on" | "at" | "for") {
            return false;
        }
    }
    false
}

fn trigger(v: &SentenceView<'_, '_>) -> Option<(usize, &'static str)> {
    for (p, (tk, w)) in v.words.iter().enumerate() {
        let Some(&(_, code)) = TRIGGERS.iter().find(|(t, _)| t == w) else { continue };
        // a capitalised trigger inside a sentence is part of a name ("Host Data Link")
        if p > 0 && v.a.tok(*tk).chars().next().is_some_and(char::is_uppercase) {
            continue;
        }
        let next = v.word(p + 1);
        let prev = if p > 0 { v.word(p - 1) } else { "" };
        match w.as_str() {
            "met" | "meet" | "meets" => {
                if NOT_A_MEETING.contains(&next) && next != "with" {
                    continue;
                }
                if next == "with" && NOT_A_MEETING.contains(&v.word(p + 2)) {
                    continue;
                }
                // "met X", "met with X", or "X and Y met (today|in …|to discuss)": an object that
                // is no actor ("meet demands", "meet the market") is no meeting
                let intransitive = NO_OBJECT.contains(&next);
                let object = actor_at(v, v.tok(p + 1)) || (next == "with" && actor_at(v, v.tok(p + 2)))
                    || matches!(next, "him" | "her" | "them")
                    || group_object(v, p + 1);
                if !intransitive && !object {
                    continue;
                }
            }
            "gather" | "gathered" | "gathers" | "convene" | "convened" | "convenes" => {
                // "ministers of the Group of Seven would gather at the Treasury": only without an
                // object ("gathered support", "convened a panel") and with a body or persons before
                let bare = NO_OBJECT.contains(&next);
                let someone_before = v.actors.iter().any(|r| r.tokens.end <= *tk && matches!(v.kind(r.entity), EntityKind::Person | EntityKind::Organization));
                if !bare || !someone_before {
                    continue;
                }
            }
            "received" | "receives" | "hosted" | "hosts" | "host" => {
                // "received a contract", "received approval": only receiving someone is a meeting
                let person_next = actor_at(v, v.tok(p + 1));
                if !person_next && !matches!(next, "him" | "her" | "them" | "delegation" | "delegations" | "visiting") {
                    continue;
                }
            }
            "meeting" => {
                // "during the meeting", "after the meeting": a meeting already told
                if prev == "the" && !matches!(next, "with" | "between" | "of" | "attended" | "was" | "were") {
                    continue;
                }
                if matches!(next, "expectations" | "demand" | "targets") {
                    continue;
                }
            }
            "talks" => {
                // "X talks about …" is speech; the noun is "talks with/between/on", "held talks"
                if !matches!(next, "with" | "between" | "on" | "in" | "at" | "here" | "later" | "next" | "today")
                    && !matches!(prev, "held" | "hold" | "holding" | "holds" | "the" | "for" | "of" | "in" | "bilateral" | "trade" | "peace" | "direct" | "official" | "formal" | "high-level" | "two-day" | "three-day")
                {
                    continue;
                }
            }
            "call" => {
                if !matches!(prev, "phone" | "telephone") {
                    continue;
                }
            }

            "conference" => {
                if prev == "press" || prev == "news" {
                    continue;
                }
            }
            // "a session of the Tin Council", never a trading or parliamentary session
            "session" | "sessions" => {
                if body_gathering(v, p).is_none() {
                    continue;
                }
            }
            "visiting" | "visit" | "visits" | "visited" => {}
            _ => {}
        }
        if NOMINAL.contains(&w.as_str()) && !nominal_introduces(v, p) {
            continue;
        }
        return Some((p, code));
    }
    None
}

/// Adds `m`, or merges it into an earlier meeting with the same participants and no
/// conflicting date: one real meeting told twice is one node.
pub(super) fn merge_or_push(events: &mut Vec<Event>, m: Event, resolved: &crate::resolve::Resolved, a: &crate::text::Analyzed<'_>, date: Option<chrono::NaiveDate>) {
    // an international body's meeting told again ("NATO leaders will meet …", "the NATO summit")
    let body_alone = |e: &Event| match e.actors.as_slice() {
        [b] => resolved.entities[*b].org_kind == Some(crate::lexicon::OrgKind::International),
        _ => false,
    };
    let same_body = |e: &Event| {
        matches!(e.kind, EventKind::Meeting { .. })
            && ((body_alone(&m) && e.actors.contains(&m.actors[0])) || (body_alone(e) && m.actors.contains(&e.actors[0])))
    };
    if let Some(e) = events.iter_mut().find(|e| same_body(e)) {
        // a gathering spans days and is dated by its first ("met on Wednesday" beside "the
        // final declaration on Friday after the meeting"), within one week; a gathering ahead
        // shares its sentence's dates with other news ("talks later today ahead of the meeting")
        let first = |x: &Event| x.when.and_then(|w| w.first_day());
        let held = e.status == Some(Status::Held) && m.status == Some(Status::Held);
        let earlier_days = held && matches!((first(e), first(&m)), (Some(a), Some(b)) if b < a && (a - b).num_days() <= 7);
        e.sentences.extend(m.sentences);
        if e.when.is_none() || earlier_days {
            e.when = m.when;
            e.date_text = m.date_text;
        }
        e.place = e.place.or(m.place);
        return;
    }
    // a visit spans days: one visitor's visit to one host told twice is one visit, whatever day
    // each sentence gives ("arrived on Sunday", "began talks on Monday")
    let visit = |e: &Event| matches!(e.kind, EventKind::Meeting { visit: true, .. });
    // a visit under way told in the future ("will stay … during her visit"): the visit begun
    let visit_under_way = |e: &Event| visit(e) && visit(&m) && sorted(&e.actors) == sorted(&m.actors) && e.status == Some(Status::Held) && m.status == Some(Status::Planned) && m.when.is_none();
    // a call is not the meeting in person that the article places or dates ("spoke by phone"
    // beside "their meeting at the White House on Oct. 11")
    let call = |e: &Event| e.cameo == CALL_CAMEO;
    // (one sentence telling both tells one encounter: "spoke at a news conference with Y")
    let in_person_apart = |x: &Event, other: &Event| !call(x) && (x.place.is_some() || x.when.is_some()) && !x.sentences.iter().any(|s| other.sentences.contains(s));
    let call_beside_meeting = |x: &Event, y: &Event| call(x) && in_person_apart(y, x) || call(y) && in_person_apart(x, y);
    // the story's news and a meeting dated weeks before it are two ("Petro has met Maduro …
    // On November 1, Petro met Maduro for the first time")
    let weeks_apart = |x: &Event, y: &Event| {
        super::news_of_the_day(a, x) && y.when.and_then(|w| w.first_day()).zip(date).is_some_and(|(d, today)| (today - d).num_days() > 7)
    };
    let same = events.iter_mut().find(|e| {
        matches!(e.kind, EventKind::Meeting { .. })
            && !weeks_apart(e, &m)
            && !weeks_apart(&m, e)
            && !call_beside_meeting(e, &m)
            && (e.status == m.status || visit_under_way(e))
            && (e.when.is_none() || m.when.is_none() || e.when.zip(m.when).is_some_and(|(a, b)| a.agrees_with(&b)) || visit(e) && visit(&m) && sorted(&e.actors) == sorted(&m.actors))
            && (sorted(&e.actors) == sorted(&m.actors)
                || same_planned_trip(e, &m, resolved)
                || same_talks_by_representatives(e, &m, resolved))
    });
    match same {
        Some(e) => {
            for a in &m.actors {
                if !e.actors.contains(a) {
                    e.actors.push(*a);
                }
            }
            e.sentences.extend(m.sentences);
            // a visit told twice began on the earlier day, in the more precise place (the city
            // over the country)
            let earlier = matches!((e.when.and_then(|w| w.first_day()), m.when.and_then(|w| w.first_day())), (Some(a), Some(b)) if b < a);
            // a day is more precise than its month ("next week" then "on January 14")
            let finer = matches!((e.when, m.when), (Some(crate::time::When::Month(..) | crate::time::When::Year(_)), Some(crate::time::When::Date(_))));
            if e.when.is_none() || visit(e) && earlier || finer {
                e.when = m.when;
                e.date_text = m.date_text;
            }
            let city = |p: Option<usize>| p.is_some_and(|p| resolved.entities[p].kind == EntityKind::Place);
            if e.place.is_none() || visit(e) && city(m.place) && !city(e.place) {
                e.place = m.place;
            }
        }
        None => events.push(m),
    }
}

/// Two planned meetings of one article that share a person and point to no different
/// countries are one trip told twice ("Howard's visit to Tokyo next week", "Howard will meet
/// Karasawa"); a visit to another country is another meeting.
fn same_planned_trip(a: &Event, b: &Event, resolved: &crate::resolve::Resolved) -> bool {
    if a.status != Some(Status::Planned) || b.status != Some(Status::Planned) {
        return false;
    }
    // one sentence that names two encounters ("will hold talks with X and meet Y") tells two
    let visit = |e: &Event| matches!(e.kind, EventKind::Meeting { visit: true, .. });
    if a.sentences.last() == b.sentences.first() && !visit(a) && !visit(b) {
        return false;
    }
    let person = |i: &usize| resolved.entities[*i].kind == EntityKind::Person;
    if !a.actors.iter().filter(|i| person(i)).any(|i| b.actors.contains(i)) {
        return false;
    }
    // each names someone else to meet ("a courtesy call on the King", "talks with the Prime
    // Minister"): two encounters of one trip
    let others = |e: &Event, o: &Event| e.actors.iter().filter(|i| person(i) && !o.actors.contains(i)).count();
    if others(a, b) > 0 && others(b, a) > 0 {
        return false;
    }
    let countries = |e: &Event| -> std::collections::BTreeSet<usize> {
        let mut out = std::collections::BTreeSet::new();
        for &i in &e.actors {
            let ent = &resolved.entities[i];
            if ent.kind == EntityKind::Country {
                out.insert(i);
            }
        }
        if let EventKind::Meeting { host: Some(h), .. } = e.kind {
            out.insert(h);
        }
        out
    };
    let (ca, cb) = (countries(a), countries(b));
    // the persons only one of them names bring the countries of their posts
    let posts = |e: &Event, other: &Event| -> std::collections::BTreeSet<usize> {
        e.actors
            .iter()
            .filter(|i| person(i) && !other.actors.contains(i))
            .flat_map(|&i| resolved.entities[i].posts.iter().filter_map(|p| p.of))
            .filter(|&o| resolved.entities[o].kind == EntityKind::Country)
            .collect()
    };
    let (pa, pb) = (posts(a, b), posts(b, a));
    let side_a: std::collections::BTreeSet<usize> = ca.union(&pa).copied().collect();
    let side_b: std::collections::BTreeSet<usize> = cb.union(&pb).copied().collect();
    side_a.is_empty() || side_b.is_empty() || !side_a.is_disjoint(&side_b)
}

/// The countries a meeting's participants stand for: countries themselves, and the countries
/// of persons' posts (directly, or through a national body: "vice minister of MITI").
fn represented(actors: &[usize], resolved: &crate::resolve::Resolved) -> std::collections::BTreeSet<usize> {
    let mut out = std::collections::BTreeSet::new();
    for &i in actors {
        let ent = &resolved.entities[i];
        match ent.kind {
            EntityKind::Country => {
                out.insert(i);
            }
            EntityKind::Person => {
                for p in &ent.posts {
                    if let Some(o) = p.of {
                        let owner = &resolved.entities[o];
                        if owner.kind == EntityKind::Country {
                            out.insert(o);
                        } else if let Some(c) = owner.country.and_then(|c| resolved.country_entity(c)) {
                            out.insert(c);
                        }
                    }
                }
            }
            _ => {}
        }
    }
    out
}

/// Talks told first between countries ("Japanese officials open talks with U.S. negotiators
/// today") and, within the next five sentences, between the persons who represent them ("a
/// MITI vice minister will meet the Deputy U.S. Trade Representative") are one meeting.
fn same_talks_by_representatives(a: &Event, b: &Event, resolved: &crate::resolve::Resolved) -> bool {
    let adjacent = match (a.sentences.last(), b.sentences.first()) {
        (Some(x), Some(y)) => y.saturating_sub(*x) <= 5,
        _ => false,
    };
    let person = |i: &usize| resolved.entities[*i].kind == EntityKind::Person;
    let countries_only = |e: &Event| !e.actors.iter().any(person);
    let persons_only = |e: &Event| e.actors.iter().all(person);
    adjacent
        && ((countries_only(a) && persons_only(b)) || (persons_only(a) && countries_only(b)))
        && {
            let (ra, rb) = (represented(&a.actors, resolved), represented(&b.actors, resolved));
            ra.len() >= 2 && ra == rb
        }
}

