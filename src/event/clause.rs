//! Clauses around event predicates: where a frame of the lexicon (`crate::frame`) matches in a
//! sentence, its verb group (tense, modality, negation, voice) and the actors that fill its
//! slots (subject, object, possessor, prepositional arguments), with coordination ("X, Y and
//! Z") and several events per sentence ("X met Y and later held talks with Z").
//!
//! No parser: English news clauses are read with a few closed word classes (auxiliaries,
//! adverbs, the words that may sit inside a list of actors), kept as data in
//! `ontology/lexicon/words.tsv`.

use crate::frame::{noun_matches, EventClass, FrameEntry, FrameKind, Frames, Role, Slot};
use crate::resolve::{EntityKind, Ref};

use super::{SentenceView, FUTURE_CUES};

/// The closed word classes clauses are read with (`ontology/lexicon/words.tsv`).
fn words() -> &'static crate::frame::WordClasses {
    &Frames::shipped().words
}

/// A frame matched in one sentence, with its arguments found.
#[derive(Debug, Clone)]
pub(crate) struct Clause<'l> {
    /// The lexicon row.
    pub entry: &'l FrameEntry,
    /// Word position of the head (`SentenceView::words`).
    pub head: usize,
    /// Word position after the last word of the pattern.
    pub end: usize,
    /// Planned, proposed, expected: not (yet) happened.
    pub future: bool,
    /// "did not meet", "refused to meet", "no talks with".
    pub negated: bool,
    /// Word position where the clause's arguments end.
    pub stop: usize,
    /// Entities by slot and role, in text order, places included (a visit's host city).
    pub args: Vec<(Slot, Role, usize)>,
    /// Token where the clause's own time is told, when one of a list's items carries it
    /// ("met X on Monday and Y on Tuesday": the meeting with Y is Tuesday's).
    pub dated_at: Option<usize>,
}

impl Clause<'_> {
    /// The entities in the subject slot.
    fn subjects(&self) -> Vec<usize> {
        self.args.iter().filter(|(s, _, _)| *s == Slot::Subject).map(|(_, _, e)| *e).collect()
    }

    /// Puts `entities` in the subject slot, in the role the frame gives its subject.
    fn set_subjects(&mut self, entities: Vec<usize>) {
        let role = self.entry.role(Slot::Subject).unwrap_or(Role::Participant);
        self.args.retain(|(s, _, _)| *s != Slot::Subject);
        self.args.extend(entities.into_iter().map(|e| (Slot::Subject, role, e)));
    }

    /// A verb phrase of a series ("X will return home, attend the summit and meet Z") takes
    /// the subject that opens it, and the series' modality.
    fn take_series_subject(&mut self, v: &SentenceView<'_, '_>, frames: &Frames, g: usize) {
        let series = series_subject(v, frames, g);
        if !series.is_empty() {
            self.set_subjects(series.iter().map(|r| r.entity).collect());
            self.future |= (0..g).any(|k| modal_future(v, k));
        }
    }

    /// Whether the slot that holds entity `e` also holds a person: "U.S. President Bush",
    /// "King Fahd of Saudi Arabia" name one participant, qualified.
    pub fn slot_has_person(&self, e: usize, resolved: &crate::resolve::Resolved) -> bool {
        self.args.iter().filter(|(_, _, x)| *x == e).any(|(slot, _, _)| {
            self.args.iter().any(|(s, _, x)| s == slot && resolved.entities[*x].kind == EntityKind::Person)
        })
    }
}

/// Every frame of `class` the sentence states, in text order.
pub(crate) fn clauses<'l>(v: &SentenceView<'_, '_>, frames: &'l Frames, class: EventClass) -> Vec<Clause<'l>> {
    let mut out: Vec<Clause<'l>> = Vec::new();
    let mut p = 0;
    while p < v.words.len() {
        match best_match(v, frames, class, p) {
            Some((entry, end)) => {
                // (a traveller's "to" is the trip's purpose: "will leave for Washington to
                // renegotiate the accord")
                let travels = words().motion.contains(&v.word(p));
                if (entry.needs.is_empty() || entry.needs.iter().any(|n| v.has(&[n]))) && (travels || !appeal(v, frames, end)) {
                    let mut c = analyse(v, frames, entry, p, end);
                    // "X will hold talks with Y and meet Z": a predicate joined by "and" shares
                    // the subject, and the modality, of the one before
                    let g = group_start(v, p);
                    // "X will return home for talks with Y, attend the summit, and meet Z": a verb
                    // right after the comma of a series has the series' subject
                    if entry.kind == FrameKind::Verb && g > 0 && v.word(g - 1) == "," && !v.word(g).ends_with("ing") {
                        c.take_series_subject(v, frames, g);
                    }
                    if entry.kind == FrameKind::Verb && g > 0 && matches!(v.word(g - 1), "and" | "or") {
                        if let Some(prev) = out.iter().rev().find(|x| x.entry.kind == FrameKind::Verb) {
                            let inherited = prev.subjects();
                            if !inherited.is_empty() {
                                c.set_subjects(inherited);
                            }
                            c.future |= prev.future;
                            c.negated |= prev.negated;
                        } else {
                            // "X will return home for talks with Y, attend the summit and meet
                            // Z": verb phrases in a series share the subject that opens it
                            c.take_series_subject(v, frames, g);
                        }
                    }
                    // "will pay a visit to Beijing to meet Xi": an infinitive of purpose whose
                    // subject would be the place or country before it has the subject of the
                    // clause it ends ("asked Li to meet Xi" keeps Li)
                    // "held a call to discuss the deal with Y": one encounter, whose other side
                    // the purpose names
                    let subjects_placed = c.args.iter().filter(|(s, _, _)| *s == Slot::Subject).all(|(_, _, e)| v.kind(*e) != crate::resolve::EntityKind::Person);
                    if entry.kind == FrameKind::Verb && v.word(g) == "to" && (subjects_placed || entry.cameo == "046") {
                        if let Some(prev) = out.iter_mut().rev().find(|x| x.entry.kind == FrameKind::Verb && x.stop >= g) {
                            if entry.cameo == "046" {
                                prev.args.extend(c.args.iter().filter(|(s, _, _)| *s != Slot::Subject).map(|&(s, _, e)| (s, Role::Participant, e)));
                                p = end.max(p + 1);
                                continue;
                            }
                            let inherited = prev.subjects();
                            c.set_subjects(inherited);
                            // "arrived on Wednesday to attend the summit": a purpose told with
                            // its going takes its tense, not the "to" of its infinitive
                            c.future = prev.future || c.entry.status == Some("planned");
                        } else if subjects_placed && entry.cameo != "046" {
                            // "X was in Moscow to meet Y", "X flew to Lima to meet Y": the
                            // subject of the verb the place belongs to
                            let verb = (g.saturating_sub(7)..g).rev().find(|&k| matches!(v.word(k), "was" | "were" | "is" | "are" | "be" | "been") || words().motion.contains(&v.word(k)));
                            if let Some(k) = verb {
                                let subjects: Vec<&Ref> = chain_backward(v, v.tok(group_start(v, k))).into_iter()
                                    .filter(|r| v.kind(r.entity) == crate::resolve::EntityKind::Person && !matches!(v.a.tok(r.tokens.start).to_lowercase().as_str(), "his" | "her" | "their" | "its"))
                                    .collect();
                                if !subjects.is_empty() {
                                    c.set_subjects(subjects.into_iter().map(|r| r.entity).collect());
                                }
                            }
                        }
                    }
                    // "invited X to visit Japan, during their telephone talks held Friday": an
                    // event noun owned by "their" is the encounter of the sides just named
                    let owned_by_them = entry.kind == FrameKind::Noun && c.args.is_empty() && (p.saturating_sub(4)..p).any(|k| v.word(k) == "their");
                    if owned_by_them {
                        // the persons who met rather than the places they will go to
                        let persons = |x: &&Clause<'_>| x.args.iter().all(|(_, _, e)| v.kind(*e) == crate::resolve::EntityKind::Person);
                        let sides = out.iter().rev().filter(|x| x.args.len() >= 2);
                        if let Some(prev) = sides.clone().find(persons).or_else(|| sides.clone().next()) {
                            c.args = prev.args.iter().map(|&(_, _, e)| (Slot::Subject, Role::Participant, e)).collect();
                        }
                    }
                    out.push(c);
                }
                p = end.max(p + 1);
            }
            None => p += 1,
        }
    }
    out
}

/// The longest frame whose pattern starts at word `p`, and the position after it.
fn best_match<'l>(v: &SentenceView<'_, '_>, frames: &'l Frames, class: EventClass, p: usize) -> Option<(&'l FrameEntry, usize)> {
    let w = v.word(p);
    // a capitalised word inside a sentence is part of a name ("Host Data Link", "Summit County")
    // unless it ends the name of an event of the sides just before it ("the ASEAN Summit",
    // "the Malaysia-Thailand Annual Consultation")
    if p > 0 && v.a.tok(v.tok(p)).chars().next().is_some_and(char::is_uppercase) {
        let ends_run = !v.a.tok(v.tok(p) + 1).chars().next().is_some_and(char::is_uppercase);
        let sides_before = (p.saturating_sub(3)..p).any(|k| v.args_at(v.tok(k) + 1, true).iter().any(|r| v.kind(r.entity) != EntityKind::Place));
        let event_noun = frames.candidates(w).any(|e| e.kind == FrameKind::Noun && e.class == class);
        if !(ends_run && sides_before && event_noun) {
            return None;
        }
    }
    let prev = if p > 0 { v.word(p - 1) } else { "" };
    // "a White House meeting", "the planned meeting": a gerund is a verb only where a clause
    // or a preposition opens before it ("after meeting X", ", meeting with X", "was meeting")
    let gerund_as_noun = w.ends_with("ing")
        && p > 0
        && !matches!(prev, "," | "after" | "before" | "while" | "when" | "since" | "upon" | "by" | "on" | "is" | "are" | "was" | "were" | "be" | "been" | "and" | "without" | "from" | "for" | "of" | "not" | "also" | "—" | "–" | "-");
    // a sentence does not open with a finite verb: "Talks led by X …" is the noun
    // "after talks with X", "during visits to": a preposition governs a noun, not a finite verb
    let governed = !w.ends_with("ing") && matches!(prev, "after" | "before" | "during" | "amid" | "following" | "in" | "at" | "for" | "of" | "with" | "without" | "from" | "by");
    // "direct talks", "new visits": a plural after a lowercase modifier is the noun; the verb
    // has a subject before it ("he talks", "Kenya talks")
    let plural_after_modifier = w.ends_with('s')
        && p > 0
        && v.a.tok(v.tok(p - 1)).chars().all(|c| c.is_ascii_lowercase() || c == '-')
        && !matches!(prev, "he" | "she" | "it" | "who" | "that" | "which" | "one" | "and" | "or" | "then")
        && !words().adverbs.contains(&prev)
        && !words().auxiliaries.contains(&prev)
        && !prev.ends_with("ly");
    let noun_context = p == 0 || gerund_as_noun || plural_after_modifier || governed || words().determiners.contains(&prev) || prev.ends_with("-day") || prev.ends_with("-level") || v.word(p + 1) == "to" && w.starts_with("visit");
    let mut best: Option<(&FrameEntry, usize)> = None;
    for e in frames.candidates(w).filter(|e| e.class == class) {
        let end = match e.kind {
            FrameKind::Verb if frames.is_verb(w, e.lemma) => {
                // "a visit", "the meeting": the noun, not the verb; "their telephone talks": a
                // noun's modifier after an article or a possessive is no verb either
                if noun_context && e.rest.is_empty() && frames.candidates(w).any(|n| n.kind == FrameKind::Noun && n.class == class)
                    || matches!(prev, "a" | "an" | "the" | "his" | "her" | "their" | "its" | "our")
                {
                    continue;
                }
                // "is currently in Lima": only adverbs stand between a copula and its
                // preposition ("are based in Cuba" is no stay of a visitor)
                if e.lemma == "be" && !(p + 1..(p + 3).min(v.words.len())).take_while(|&q| v.word(q) != e.rest.first().copied().unwrap_or("")).all(|q| words().adverbs.contains(&v.word(q)) || v.word(q).ends_with("ly")) {
                    continue;
                }
                match_rest(v, p + 1, &e.rest)
            }
            FrameKind::Noun if noun_matches(w, e.lemma) => {
                // "to visit", "will meet": the verb
                let verb_context = matches!(prev, "to" | "will" | "would" | "shall" | "may" | "might" | "can" | "could" | "must" | "should" | "not" | "also");
                if verb_context && frames.candidates(w).any(|x| x.kind == FrameKind::Verb && x.class == class) {
                    continue;
                }
                Some(p + 1)
            }
            _ => None,
        };
        if let Some(end) = end {
            if best.is_none_or(|(b, _)| e.rest.len() > b.rest.len()) {
                best = Some((e, end));
            }
        }
    }
    best
}

/// Matches the words after a frame's head: a particle right after it ("sit down"), the noun of
/// a light verb after up to three modifiers ("held a telephonic conversation"), a name being one.
fn match_rest(v: &SentenceView<'_, '_>, mut q: usize, rest: &[&str]) -> Option<usize> {
    for item in rest {
        let mut skipped = 0;
        loop {
            let w = v.word(q);
            if w.is_empty() {
                return None;
            }
            if noun_matches(w, item) {
                q += 1;
                break;
            }
            // a name before the noun counts as one modifier, however long ("attend the
            // Shanghai Cooperation Organization summit")
            if let Some(r) = v.args_at(v.tok(q), false).iter().max_by_key(|r| r.tokens.end) {
                if skipped == 3 {
                    return None;
                }
                skipped += 1;
                q = (q + 1..v.words.len()).find(|&k| v.tok(k) >= r.tokens.end).unwrap_or(v.words.len());
                continue;
            }
            // "held a Foreign Ministers' Meeting": the possessive mark of a modifier
            if matches!(w, "'" | "’" | "'s" | "’s") {
                q += 1;
                continue;
            }
            // "held a new round of talks", "a series of meetings": the count before the noun
            if matches!(w, "round" | "rounds" | "series" | "set") && v.word(q + 1) == "of" {
                q += 2;
                continue;
            }
            let modifier = w.chars().all(|c| c.is_alphanumeric() || c == '-') && !matches!(w, "with" | "to" | "in" | "on" | "at" | "for" | "of" | "by" | "and" | "that" | "which");
            if skipped == 3 || !modifier {
                return None;
            }
            skipped += 1;
            q += 1;
        }
    }
    Some(q)
}

fn analyse<'l>(v: &SentenceView<'_, '_>, frames: &Frames, entry: &'l FrameEntry, head: usize, end: usize) -> Clause<'l> {
    let group = group_start(v, head);
    let group_words: Vec<&str> = (group..head).map(|k| v.word(k)).collect();
    let near: Vec<&str> = (head.saturating_sub(4)..head).map(|k| v.word(k)).collect();
    let mut future = entry.status == Some("planned") || match entry.kind {
        FrameKind::Verb => {
            group_words.iter().any(|w| matches!(*w, "will" | "shall" | "'ll" | "would" | "to") || words().prospective.contains(w))
                // "may meet again", "could visit next month": a possibility still to come ("may
                // have met" is a guess about the past)
                || group_words.iter().any(|w| matches!(*w, "may" | "might" | "could")) && !group_words.iter().any(|w| matches!(*w, "have" | "has" | "had"))
        }
        FrameKind::Noun => near.iter().any(|w| FUTURE_CUES.contains(w) || words().postponed.contains(w) || matches!(*w, "upcoming" | "planned" | "proposed" | "possible" | "potential")),
    };
    // "does not prevent them from holding meetings", "barred from visiting": a gerund after
    // "from" is what is kept from happening
    let kept_from = entry.kind == FrameKind::Verb && v.word(head).ends_with("ing") && group > 0 && v.word(group - 1) == "from";
    // "his ability to negotiate with X": a capacity, not an event
    let irrealis = entry.kind == FrameKind::Verb && group > 0 && v.word(group) == "to" && words().irrealis.contains(&v.word(group - 1));
    let negated = kept_from || irrealis || group_words.iter().any(|w| words().negators.contains(w)) || (entry.kind == FrameKind::Noun && near.iter().any(|w| words().negators.contains(w) || words().called_off.contains(w)));
    let passive = entry.kind == FrameKind::Verb
        && v.words.get(head).is_some_and(|(_, w)| frames.verb(w).iter().any(|(_, f)| matches!(f, crate::frame::Form::Participle)))
        && group_words.iter().any(|w| matches!(*w, "was" | "were" | "is" | "are" | "been" | "being" | "be"));
    let stop = clause_end(v, frames, end);
    future |= entry.kind == FrameKind::Noun && noun_in_future_clause(v, head, end, stop);
    let mut args = Vec::new();
    for &(slot, role) in &entry.roles {
        let refs: Vec<&Ref> = match (slot, passive) {
            (Slot::Subject, false) | (Slot::Object, true) => subject(v, group, head, entry.kind),
            (Slot::Subject, true) => prep_arg(v, end, stop, "by"),
            (Slot::Object, false) => {
                if entry.kind == FrameKind::Verb && entry.rest.is_empty() {
                    let until = tok_at(v, stop);
                    let after = chain_forward(v, over_description(v, tok_at(v, after_time(v, end, stop)), until), until);
                    if after.is_empty() { relative_object(v, group) } else { after }
                } else {
                    Vec::new()
                }
            }
            (Slot::Possessor, _) => possessor(v, head),
            // "attend the G20 summit": the name before a light verb's noun
            (Slot::Modifier, _) if entry.kind == FrameKind::Verb && !entry.rest.is_empty() => modifier(v, end.saturating_sub(1)),
            (Slot::Modifier, _) => modifier(v, head),
            // "of" names an argument only right after the noun ("the visit of X to Y"), not
            // inside a later phrase ("a visit to Vietnam at the invitation of …")
            (Slot::Prep("of"), _) if v.word(end) != "of" => Vec::new(),
            (Slot::Prep(p), _) => prep_arg(v, head + 1, stop, p),
        };
        args.extend(refs.into_iter().map(|r| (slot, role, r.entity)));
    }
    // "X, currently on a state visit to India, held talks", "X met Z on a visit to Y": who is
    // on the visit is the subject of the clause the phrase belongs to
    if entry.kind == FrameKind::Noun && entry.cameo == "042" && !args.iter().any(|(_, r, _)| *r == Role::Visitor) {
        if let Some(on) = (head.saturating_sub(5)..head).rev().find(|&k| v.word(k) == "on") {
            let mut k = on;
            while k > 0 && matches!(v.word(k - 1), "currently" | "now" | "already" | "still") {
                k -= 1;
            }
            let visitor = if k > 0 && v.word(k - 1) == "," {
                chain_backward(v, v.tok(k - 1))
            } else {
                let first = v.a.sentences.get(v.index).map_or(0, |s| s.tokens.start);
                chain_forward(v, first, v.tok(k))
            };
            args.extend(visitor.into_iter().filter(|r| v.kind(r.entity) == EntityKind::Person).map(|r| (Slot::Subject, Role::Visitor, r.entity)));
        }
    }
    // "X, in Brazil for talks with Y", "X, in Lima on a visit": the person an apposition puts
    // in a country for the encounter is a visitor there
    if entry.kind == FrameKind::Noun && entry.class == EventClass::Meeting && !args.iter().any(|(_, r, _)| *r == Role::Host) {
        let linker = (head.saturating_sub(5)..head).rev().find(|&k| matches!(v.word(k), "for" | "on"));
        let place = linker.and_then(|f| ref_ending_at(v, v.tok(f))).filter(|r| matches!(v.kind(r.entity), EntityKind::Country | EntityKind::Place));
        if let Some(place) = place {
            let at = v.words.iter().position(|(t, _)| *t == place.tokens.start).unwrap_or(0);
            let mut k = at;
            if k > 0 && v.word(k - 1) == "the" {
                k -= 1;
            }
            if k >= 2 && v.word(k - 1) == "in" && v.word(k - 2) == "," {
                let visitors: Vec<&Ref> = chain_backward(v, v.tok(k - 2)).into_iter().filter(|r| v.kind(r.entity) == EntityKind::Person).collect();
                if !visitors.is_empty() {
                    for r in visitors {
                        if !args.iter().any(|(_, _, e)| *e == r.entity) {
                            args.push((Slot::Subject, Role::Visitor, r.entity));
                        }
                    }
                    args.push((Slot::Prep("in"), Role::Host, place.entity));
                }
            }
        }
    }
    // a call or talks told as a noun in a frame of its own ("In a call with X, Y said …"): the
    // other side is the subject of the clause it modifies
    if entry.kind == FrameKind::Noun && !args.is_empty() && args.iter().all(|(s, _, _)| *s == Slot::Prep("with")) {
        args.extend(modified_subject(v, head).into_iter().map(|r| (Slot::Subject, Role::Participant, r.entity)));
    }
    // "During their bilateral meeting next week, X and Y will discuss …": an event noun in the
    // adverbial that opens the sentence, naming no one, is the encounter of the main clause's
    // subjects
    if entry.kind == FrameKind::Noun && args.is_empty() && (words().adverbial_preps.contains(&v.word(0)) || v.word(0) == "at") {
        if let Some(comma) = (head..v.words.len()).find(|&k| v.word(k) == ",") {
            let others = chain_forward(v, tok_at(v, comma + 1), tok_at(v, v.words.len()));
            if SentenceView::distinct(others.iter().map(|r| r.entity)).len() >= 2 {
                args.extend(others.into_iter().map(|r| (Slot::Subject, Role::Participant, r.entity)));
                // the main clause's modality: "…, X and Y will discuss"
                future |= (comma + 1..(comma + 16).min(v.words.len())).any(|k| modal_future(v, k));
            }
        }
    }
    Clause { entry, head, end, future, negated, stop, args, dated_at: None }
}

/// Words that count encounters or their length before an event noun.
const QUANTITY_WORDS: &[&str] = &[
    "two", "three", "four", "five", "six", "several", "few", "many", "series", "round", "rounds", "day", "days", "hours",
    "weeks", "couple",
];

/// Whether an event noun belongs to a clause about what is still to come: the complement of a
/// future verb group before it ("will return home for a meeting with X", "plans to attend the
/// summit"), or the subject of one after it ("talks between X and Y would start on Monday",
/// "the summit is expected later this year"). Commas bound both searches: "After talks with
/// X, Y will sign" says nothing of when the talks are.
fn noun_in_future_clause(v: &SentenceView<'_, '_>, head: usize, end: usize, stop: usize) -> bool {
    let boundary = |w: &str| matches!(w, "," | ";" | ":" | "—" | "–" | "(" | ")") || crate::mention::SPEECH_VERBS.contains(&w);
    // back to the modal over one verb and what may stand between it and its complement
    // ("will return to Lima for a meeting"), not over a clause of its own ("would tie his
    // hands in negotiations": two content words)
    let mut content = 0;
    for k in (head.saturating_sub(10)..head).rev() {
        let w = v.word(k);
        if boundary(w) {
            break;
        }
        if w == "would" || modal_future(v, k) {
            return true;
        }
        let written = v.a.tok(v.tok(k));
        // (a quantity of the encounters is no clause of its own: "a series of talks", "three
        // rounds of negotiations")
        let minor = matches!(w, "to" | "for" | "at" | "in" | "on" | "with" | "of" | "be")
            || QUANTITY_WORDS.contains(&w)
            || words().determiners.contains(&w)
            || words().adverbs.contains(&w)
            || written.chars().next().is_some_and(|c| c.is_uppercase() || c.is_ascii_digit());
        if !minor {
            content += 1;
            if content > 1 {
                break;
            }
        }
    }
    for k in end..stop.min(end + 14) {
        let w = v.word(k);
        if boundary(w) {
            break;
        }
        if matches!(w, "will" | "shall" | "'ll" | "would") {
            return true;
        }
        if matches!(w, "is" | "are" | "was" | "were") {
            let next = v.word(k + 1);
            return matches!(next, "expected" | "scheduled" | "due" | "set" | "planned" | "slated" | "likely" | "to" | "being");
        }
        if words().auxiliaries.contains(&w) && w != "to" {
            return false;
        }
    }
    false
}

/// Whether word `k` makes what follows still to come: "will", "shall", or a verb of intent
/// before "to" ("plans to", "is expected to").
pub(super) fn modal_future(v: &SentenceView<'_, '_>, k: usize) -> bool {
    let w = v.word(k);
    matches!(w, "will" | "shall" | "'ll")
        || words().prospective.contains(&w) && v.word(k + 1) == "to"
        // "is to have talks": an arrangement still to come
        || w == "to" && k > 0 && matches!(v.word(k - 1), "is" | "are" | "am" | "was" | "were")
}

/// The first token of the sentence that can hold a subject: after the dateline ("ABUJA,
/// Nigeria (AP) —") in the first sentence.
fn opening_token(v: &SentenceView<'_, '_>) -> usize {
    let first = v.a.sentences.get(v.index).map_or(0, |s| s.tokens.start);
    let after_dateline = v.a.dateline.as_ref().map_or(0, |d| v.a.tokens.partition_point(|t| t.start < d.span.end));
    first.max(after_dateline)
}

/// Where the verb group ending at `head` starts: over auxiliaries, modals, adverbs and the
/// verbs that govern an infinitive ("is expected to meet", "will also hold").
pub(super) fn group_start(v: &SentenceView<'_, '_>, head: usize) -> usize {
    let mut k = head;
    while k > 0 {
        let w = v.word(k - 1);
        let adverb = words().adverbs.contains(&w) && !matches!(w, "on" | "this" | "last" | "next" | "week" | "month" | "day" | "morning" | "afternoon" | "evening" | "night" | "all" | "each");
        if words().auxiliaries.contains(&w) || words().prospective.contains(&w) || words().negators.contains(&w) || adverb || (w.len() > 4 && w.ends_with("ly")) {
            k -= 1;
        } else {
            break;
        }
    }
    k
}

/// Where the arguments of a predicate end: the end of the sentence, a semicolon, or the next
/// finite clause ("…, and Z said", "which …").
fn clause_end(v: &SentenceView<'_, '_>, frames: &Frames, from: usize) -> usize {
    for q in from..v.words.len() {
        let w = v.word(q);
        // a full stop inside a sentence belongs to an abbreviation ("a.m.", "U.S.")
        let full_stop = w == "." && q + 1 == v.words.len();
        if full_stop || matches!(w, ";" | ":" | "“" | "”" | "\"" | "which" | "who" | "where" | "while" | "whereas" | "but") || crate::mention::SPEECH_VERBS.contains(&w) {
            return q;
        }
        // another predicate of the frame lexicon after "and": "met X and later held talks with Y"
        if q > from && !frames.verb(w).is_empty() && (1..=3).any(|k| q >= from + k && v.word(q - k) == "and") {
            return q;
        }
    }
    v.words.len()
}

/// The refs of the sentence, longest first at each start.
fn ref_at<'r>(v: &SentenceView<'_, 'r>, tok: usize) -> Option<&'r Ref> {
    v.args_at(tok, false).iter().copied().max_by_key(|r| r.tokens.end)
}

fn ref_ending_at<'r>(v: &SentenceView<'_, 'r>, tok_end: usize) -> Option<&'r Ref> {
    v.args_at(tok_end, true).iter().copied().min_by_key(|r| r.tokens.start)
}

/// Whether a token may stand inside a list of actors.
fn glue(v: &SentenceView<'_, '_>, tok: usize) -> bool {
    let raw = v.a.tok(tok);
    let w = raw.to_lowercase();
    // a word that qualifies the title after it ("Niger's junta leader, Gen. X")
    let next = v.a.tok(tok + 1).to_lowercase();
    let qualifies_title = raw.chars().all(char::is_alphabetic) && (title_word(&next) || matches!(next.as_str(), "leader" | "chief" | "commander"));
    // the stop of an abbreviated title ("Gen. X", "Lt. Col. Y")
    let prev = if tok > 0 { v.a.tok(tok - 1) } else { "" };
    let abbreviation = raw == "." && prev.len() <= 4 && prev.chars().next().is_some_and(char::is_uppercase) && v.a.tok(tok + 1).chars().next().is_some_and(char::is_uppercase);
    // an acronym in brackets after a name ("China National Petroleum Corp (CNPC) president X")
    let bracketed = raw == "(" && v.a.tok(tok + 2) == ")" || raw == ")" && tok > 1 && v.a.tok(tok - 2) == "(";
    words().list_glue.contains(&w.as_str())
        || title_word(&w)
        || qualifies_title
        || abbreviation
        || bracketed
        || raw.chars().next().is_some_and(char::is_uppercase) && !crate::mention::SPEECH_VERBS.contains(&w.as_str())
}

/// Whether a lowercased word is part of some title of the lexicon ("foreign", "minister").
fn title_word(w: &str) -> bool {
    use std::collections::HashSet;
    use std::sync::OnceLock;
    static WORDS: OnceLock<HashSet<String>> = OnceLock::new();
    WORDS
        .get_or_init(|| {
            crate::lexicon::Lexicon::shipped()
                .titles
                .iter()
                .filter_map(|t| t.role.as_deref())
                .flat_map(|r| r.split(' ').map(str::to_lowercase))
                .filter(|w| !matches!(w.as_str(), "of" | "for" | "and" | "the"))
                .collect()
        })
        .contains(w)
}

/// The actors of a list that starts at token `from` ("President X, Y and Z"), up to `until`.
/// Items after a comma count only once an "and" or a closing comma ends the list: in "met X,
/// Y said" Y opens another clause.
fn chain_forward<'r>(v: &SentenceView<'_, 'r>, from: usize, until: usize) -> Vec<&'r Ref> {
    let mut out = Vec::new();
    let mut pending = Vec::new();
    let mut after_comma = false;
    let mut saw_comma = false;
    // "and his counterpart, Prime Minister Y": an item named only by a description since the
    // last "and", whose name follows its comma in apposition
    let mut described = false;
    let mut t = from;
    while t < until {
        // "his Colombian counterpart": a possessive determiner is no participant of its own
        let determiner = matches!(v.a.tok(t).to_lowercase().as_str(), "his" | "her" | "its" | "their")
            && v.a.tok(t + 1).chars().next().is_some_and(char::is_alphabetic);
        // "President X's adviser Y": the possessor of a title only says whose adviser Y is
        let possessor_of_title = |r: &Ref| v.kind(r.entity) == EntityKind::Person && matches!(v.a.tok(r.tokens.end), "'s" | "’s");
        if let Some(r) = ref_at(v, t).filter(|r| !determiner && possessor_of_title(r)) {
            // over the possessive and the words of the title to the name it introduces
            if let Some(next) = (r.tokens.end + 1..(r.tokens.end + 5).min(until)).find(|&k| ref_at(v, k).is_some()) {
                t = next;
                continue;
            }
        }
        if let Some(r) = ref_at(v, t).filter(|r| !determiner && !possessor_of_title(r)) {
            // "…, and Z said": after a comma, Z is the subject of what follows
            let next = v.a.tok(r.tokens.end).to_lowercase();
            let opens_clause = crate::mention::SPEECH_VERBS.contains(&next.as_str()) || words().auxiliaries.contains(&next.as_str()) && next != "'s" && next != "to";
            if opens_clause && (after_comma || saw_comma) {
                break;
            }
            described = false;
            if after_comma { pending.push(r) } else { out.push(r) }
            t = r.tokens.end;
            continue;
        }
        let w = v.a.tok(t).to_lowercase();
        // "visited Kyiv in August and Moscow in July": a time told with each item of a list
        // leaves the list open when another item follows it
        if let Some(after) = time_adjunct_end(v, t).filter(|_| !out.is_empty() || !pending.is_empty()) {
            if matches!(v.a.tok(after), "and" | ",") && after + 1 < until && ref_at(v, after + 1).is_some() {
                t = after;
                continue;
            }
        }
        if w == "," {
            // "with his counterpart, Foreign Minister Y, the ministry said": a comma closes
            // the apposition before it
            out.append(&mut pending);
            let noun = v.a.tok(t.saturating_sub(1)).to_lowercase();
            if described && (title_word(&noun) || matches!(noun.as_str(), "counterpart" | "host" | "guest" | "envoy")) {
                described = false;
                t += 1;
                continue;
            }
            after_comma = true;
            saw_comma = true;
        } else if matches!(w.as_str(), "and" | "&") || w == "as" && v.a.tok(t + 1) == "well" && v.a.tok(t + 2) == "as" {
            // "Norway, as well as the United States": coordination in three words; the next
            // item may come with a description of its own ("and top exporter the United States")
            out.append(&mut pending);
            after_comma = false;
            t += if w == "as" { 3 } else { 1 };
            described = matches!(v.a.tok(t).to_lowercase().as_str(), "his" | "her" | "their" | "its" | "the");
            if !out.is_empty() {
                t = over_description(v, t, until);
            }
            continue;
        } else if w == "from" && t > from && matches!(v.a.tok(t - 1).to_lowercase().as_str(), "counterparts" | "counterpart" | "colleagues" | "peers") {
            // "his counterparts from Chile and Peru": the sides are the countries named
        } else if w == "for" && t > from && title_word(&v.a.tok(t - 1).to_lowercase()) {
            // "Secretary for Foreign Affairs Enrique Manalo"
        } else if w == "of"
            && t > from
            && (title_word(&v.a.tok(t - 1).to_lowercase())
                || v.a.tok(t - 1).chars().next().is_some_and(char::is_uppercase)
                || v.a.tok(t + 1).chars().next().is_some_and(char::is_uppercase))
        {
            // "chairman of the board of the Trade Union", "President X of Chile"
        } else if !glue(v, t) {
            break;
        }
        t += 1;
    }
    // "Iran's supreme leader, Ayatollah Ali Khamenei, commended": an apposition closed by a
    // comma names the same side
    if !pending.is_empty() && t > from && v.a.tok(t - 1) == "," {
        out.append(&mut pending);
    }
    out
}

/// Words that end a description before a name: prepositions, conjunctions, relative
/// pronouns ("met reporters in Oslo" names no one met).
const DESCRIPTION_STOPS: &[&str] = &[
    "in", "at", "to", "from", "with", "for", "of", "on", "by", "about", "over", "after", "before", "during", "into", "than",
    "that", "which", "who", "whom", "and", "or", "but", "as", "his", "her", "its", "their",
];

/// The token of a name that a short common-noun description starting at token `from`
/// introduces in apposition ("visited another gas powerhouse Norway", "met fellow central
/// banker Ana Ruiz"): up to five lower-case words with no preposition or conjunction among
/// them; else `from`.
fn over_description(v: &SentenceView<'_, '_>, from: usize, until: usize) -> usize {
    let mut k = from;
    while k < until && k <= from + 5 {
        if ref_at(v, k).is_some() {
            return k;
        }
        let x = v.a.tok(k);
        let lower = x.chars().next().is_some_and(char::is_lowercase) && x.chars().all(|c| c.is_alphabetic() || c == '-');
        if !lower || DESCRIPTION_STOPS.contains(&x) {
            return from;
        }
        k += 1;
    }
    from
}

/// The token after a time adjunct that starts at token `t` ("in August", "on Monday", "in
/// July 2023", "last year"), if one does.
pub(super) fn time_adjunct_end(v: &SentenceView<'_, '_>, t: usize) -> Option<usize> {
    let w = |k: usize| v.a.tok(k).to_lowercase();
    let year = |k: usize| v.a.tok(k).len() == 4 && v.a.tok(k).chars().all(|c| c.is_ascii_digit());
    let mut k = match w(t).as_str() {
        "in" | "on" if crate::time::is_day_or_month(&w(t + 1)) || year(t + 1) => t + 1,
        "last" | "next" | "this" | "earlier" if matches!(w(t + 1).as_str(), "week" | "month" | "year") || crate::time::is_day_or_month(&w(t + 1)) => t + 1,
        _ => return None,
    };
    k += 1;
    while k < t + 5 && (year(k) || v.a.tok(k).chars().all(|c| c.is_ascii_digit()) && !v.a.tok(k).is_empty()) {
        k += 1;
    }
    Some(k)
}

/// The actors of a list that ends right before token `before` ("X, Y and Z met"), over
/// adverbs and dates between a subject and its verb ("Putin and Modi on Thursday held").
pub(super) fn chain_backward<'r>(v: &SentenceView<'_, 'r>, before: usize) -> Vec<&'r Ref> {
    let start = v.a.sentences.get(v.index).map_or(0, |s| s.tokens.start);
    let mut out = Vec::new();
    let mut seen_and = false;
    let mut t = before;
    while t > start {
        if let Some(r) = ref_ending_at(v, t) {
            // "to tell him Secretary Blinken would travel": an object pronoun ends the subject
            if matches!(v.a.tok(r.tokens.start).to_lowercase().as_str(), "him" | "them" | "her") && !out.is_empty() {
                break;
            }
            // "Under the aegis of the AU, X and Y conferred": who presides over an encounter is not
            // one of its sides
            let s0 = if r.tokens.start > 0 && v.a.tok(r.tokens.start - 1).eq_ignore_ascii_case("the") { r.tokens.start - 1 } else { r.tokens.start };
            if s0 >= 2 && v.a.tok(s0 - 1) == "of" && matches!(v.a.tok(s0 - 2).to_lowercase().as_str(), "auspices" | "aegis" | "mediation") {
                break;
            }
            out.push(r);
            // "the two leaders": one phrase, two persons
            out.extend(v.args_at(t, true).iter().copied().filter(|o| o.tokens == r.tokens && o.entity != r.entity));
            t = r.tokens.start;
            continue;
        }
        let k = t - 1;
        let w = v.a.tok(k).to_lowercase();
        // "Andean farm ministers gathered", "OPEC delegates conferred": a body's members, named by
        // their office, stand for the body
        if out.is_empty() && words().member_nouns.contains(&w.as_str()) {
            let mut q = k;
            while q > start && k - q < 2 && v.a.tok(q - 1).chars().all(|c| c.is_ascii_lowercase()) && !matches!(v.a.tok(q - 1), "the" | "and" | "of") {
                q -= 1;
            }
            if ref_ending_at(v, q).is_some_and(|r| matches!(v.kind(r.entity), crate::resolve::EntityKind::Organization)) {
                t = q;
                continue;
            }
        }
        if matches!(w.as_str(), "and" | "&") {
            seen_and = true;
        } else if w == "," && out.is_empty() && !seen_and && parenthetical_start(v, k, start).is_some() {
            // "X, who arrived from Oslo, was received": over the parenthetical to its
            // antecedent, even when a name ends it
            t = parenthetical_start(v, k, start).unwrap_or(k);
            continue;
        } else if w == "," && out.is_empty() && k > start && ref_ending_at(v, k).is_some() {
            // "The host, Prime Minister Ana Ruiz, today received": the comma that closes an
            // apposition before the verb
        } else if w == "," {
            if !seen_and {
                // "X, who arrived on Tuesday, met Y": over a parenthetical to its antecedent
                match parenthetical_start(v, k, start) {
                    Some(j) if out.is_empty() => {
                        t = j;
                        continue;
                    }
                    _ => break,
                }
            }
        } else if w == "for" && k > start && title_word(&v.a.tok(k - 1).to_lowercase()) {
            // "X and Commissioner for Energy Kadri Simson met"
        } else if w == "of" && k > start && !out.is_empty() && glue(v, k - 1) {
            // "President X of Argentina will host": the owner of a post stays in the list
        } else if !(glue(v, k) || words().adverbs.contains(&w.as_str()) || v.a.tokens.get(k).is_some_and(|x| x.kind == crate::text::TokenKind::Number)) {
            break;
        }
        t = k;
    }
    out.reverse();
    out
}

/// The comma that opens a parenthetical closed by the comma at token `close`: ", who …,",
/// ", the foreign minister of X,", ", with China's mediation,".
fn parenthetical_start(v: &SentenceView<'_, '_>, close: usize, start: usize) -> Option<usize> {
    let mut j = close;
    while j > start && close - j < 30 {
        j -= 1;
        if v.a.tok(j) == "," {
            let first = v.a.tok(j + 1).to_lowercase();
            return matches!(first.as_str(), "who" | "which" | "whose" | "the" | "a" | "an" | "currently" | "now" | "then" | "also" | "with" | "under")
                .then_some(j);
        }
    }
    None
}

/// The antecedent of "whom" that a verb's subject follows: "President Lula, whom von der Leyen
/// met on Friday," — Lula is who was met.
fn relative_object<'r>(v: &SentenceView<'_, 'r>, group: usize) -> Vec<&'r Ref> {
    let start = v.a.sentences.get(v.index).map_or(0, |s| s.tokens.start);
    let subject = chain_backward(v, v.tok(group));
    let mut first = subject.first().map_or(v.tok(group), |r| r.tokens.start);
    // over the particles of a name ("whom von der Leyen met") and the title before it ("whom
    // Chilean President Ana Ruiz met")
    while first > start + 2
        && (crate::mention::PARTICLES.contains(&v.a.tok(first - 1))
            || glue(v, first - 1) && !matches!(v.a.tok(first - 1).to_lowercase().as_str(), "and" | "&" | "the" | "his" | "her" | "their" | "its" | "'s" | "’s"))
    {
        first -= 1;
    }
    if first <= start + 1 || !v.a.tok(first - 1).eq_ignore_ascii_case("whom") {
        return Vec::new();
    }
    let before = if v.a.tok(first - 2) == "," { first - 2 } else { first - 1 };
    chain_backward(v, before)
}

/// The subject of a verb group starting at word `group`.
fn subject<'r>(v: &SentenceView<'_, 'r>, group: usize, head: usize, kind: FrameKind) -> Vec<&'r Ref> {
    if kind == FrameKind::Noun {
        return Vec::new();
    }
    let prev = if group > 0 { v.word(group - 1) } else { "" };
    // "Xi, who met Putin on Monday, …": the antecedent of the relative pronoun
    if matches!(prev, "who" | "that") && group >= 2 && v.word(group - 2) == "," {
        return chain_backward(v, v.tok(group - 2));
    }
    if matches!(prev, "who" | "that") {
        return chain_backward(v, v.tok(group - 1));
    }
    // "after meeting X, Y said" / "Y said after meeting X": the main clause's subject
    if (words().adverbial_preps.contains(&prev) || matches!(prev, "," | "—" | "–")) && v.word(head).ends_with("ing") {
        return modified_subject(v, group - 1);
    }
    // "Speaking with X, Y announced …": a participle opening the sentence shares the main
    // clause's subject
    if group == 0 && v.word(head).ends_with("ing") {
        return modified_subject(v, 0);
    }
    let found = chain_backward(v, v.tok(group));
    // "The X who arrived in Rwanda on Thursday held talks": a name governed by a preposition
    // is no subject; the verb's is the antecedent of the relative clause that ends before it
    let governed = found
        .iter()
        .min_by_key(|r| r.tokens.start)
        .is_some_and(|r| r.tokens.start > 0 && matches!(v.a.tok(r.tokens.start - 1).to_lowercase().as_str(), "in" | "at" | "to" | "from" | "for" | "with" | "by" | "of" | "on"));
    if governed {
        if let Some(rel) = (1..group).rev().find(|&k| matches!(v.word(k), "who" | "that")) {
            let antecedent = if v.word(rel - 1) == "," { chain_backward(v, v.tok(rel - 1)) } else { chain_backward(v, v.tok(rel)) };
            if !antecedent.is_empty() {
                return antecedent;
            }
        }
    }
    found
}

/// The subject that opens the sentence's main clause, after an opening adverbial ("After his
/// visit, X will …"), when the predicate at `g` ends a series of verb phrases that follows it
/// ("X will return home, attend the summit and meet Z"): empty unless a comma or "and" stands
/// between the subject and `g`. The series may be told in the past as well ("X held talks
/// with Y, visited the museum and met Z"): the subject is then followed by a finite verb.
fn series_subject<'r>(v: &SentenceView<'_, 'r>, frames: &Frames, g: usize) -> Vec<&'r Ref> {
    let (start, subject) = main_subject(v, g);
    // the subject must end right before a verb group, and the series must reach `g` by commas
    let Some(last) = subject.last() else { return Vec::new() };
    let verb_at = (start..g).find(|&k| v.tok(k) >= last.tokens.end).unwrap_or(g);
    let series = (verb_at..g).filter(|&k| v.word(k) == ",").count() >= 1;
    if series && (words().auxiliaries.contains(&v.word(verb_at)) || finite_verb(frames, v.word(verb_at))) {
        subject
    } else {
        Vec::new()
    }
}

/// Whether `word` is a verb told in the simple past or the third person ("held", "visits",
/// "wrapped"): the lexicon's forms, and the regular past of any other verb.
fn finite_verb(frames: &Frames, word: &str) -> bool {
    let known = frames.verb(word);
    if !known.is_empty() {
        return known.iter().any(|(_, f)| matches!(f, crate::frame::Form::Past | crate::frame::Form::Third));
    }
    word.len() > 4 && word.ends_with("ed") && word.chars().all(|c| c.is_ascii_lowercase())
}

/// The actors that open the sentence's main clause, after an opening adverbial ("After his
/// visit to Paris, X will …"), before word `upto`; with the word position the clause starts at.
fn main_subject<'r>(v: &SentenceView<'_, 'r>, upto: usize) -> (usize, Vec<&'r Ref>) {
    let mut start = 0;
    if words().adverbial_preps.contains(&v.word(0)) || matches!(v.word(0), "in" | "at" | "during") {
        match (0..upto).find(|&k| v.word(k) == ",") {
            Some(c) => start = c + 1,
            None => return (0, Vec::new()),
        }
    }
    let from = tok_at(v, start).max(opening_token(v));
    let subject = chain_forward(v, from, v.tok(upto)).into_iter().filter(|r| v.kind(r.entity) != EntityKind::Place).collect();
    (start, subject)
}

/// The subject of the clause that a phrase starting at word `at` modifies: the list after the
/// comma that closes a sentence-initial phrase ("In a call with X, Y said"), else the list
/// that opens the sentence ("Y said after meeting X").
fn modified_subject<'r>(v: &SentenceView<'_, 'r>, at: usize) -> Vec<&'r Ref> {
    let opener = (0..at).all(|k| !v.word(k).chars().any(char::is_alphanumeric) || words().adverbial_preps.contains(&v.word(k)) || matches!(v.word(k), "in" | "during" | "at"))
        // "In a series of talks on Tuesday, …": a prepositional phrase opening the sentence
        || (words().adverbial_preps.contains(&v.word(0)) || matches!(v.word(0), "in" | "during" | "at")) && !(0..at).any(|k| v.word(k) == ",");
    if opener {
        if let Some(mut c) = (at..v.words.len()).find(|&k| v.word(k) == ",") {
            // "…, including with X and Y, Z hailed …": over the aside that names the other
            // sides to the main clause
            if matches!(v.word(c + 1), "including" | "notably" | "especially") {
                match (c + 2..v.words.len()).find(|&k| v.word(k) == ",") {
                    Some(close) => c = close,
                    None => return Vec::new(),
                }
            }
            // "After speaking with his counterpart, X, Y said …": the name after the comma of
            // a description is its apposition; the subject follows the apposition's comma
            if c > 0 && (title_word(v.word(c - 1)) || matches!(v.word(c - 1), "counterpart" | "host" | "guest" | "envoy")) {
                if let Some(r) = ref_at(v, tok_at(v, c + 1)) {
                    if let Some(close) = (c + 1..v.words.len()).find(|&k| v.tok(k) == r.tokens.end && v.word(k) == ",") {
                        c = close;
                    }
                }
            }
            return chain_forward(v, tok_at(v, c + 1), tok_at(v, v.words.len()));
        }
        return Vec::new();
    }
    // the dateline ("ABUJA, Nigeria (AP) —") opens the first sentence but is no subject
    let opening = chain_forward(v, opening_token(v), tok_at(v, at));
    if opening.is_empty() {
        // "After his visit to Paris, X will return home for a meeting with Y"
        return main_subject(v, at).1;
    }
    opening
}

/// The possessor of an event noun: "Modi's visit", "Putin's talks with".
fn possessor<'r>(v: &SentenceView<'_, 'r>, head: usize) -> Vec<&'r Ref> {
    for k in (head.saturating_sub(4)..head).rev() {
        if matches!(v.word(k), "'s" | "’s") {
            return ref_ending_at(v, v.tok(k)).into_iter().collect();
        }
        if !v.word(k).chars().all(|c| c.is_alphanumeric() || c == '-') {
            break;
        }
    }
    Vec::new()
}

/// The actors after the first `prep` between `from` and `stop` ("with X and Y").
fn prep_arg<'r>(v: &SentenceView<'_, 'r>, from: usize, stop: usize, prep: &str) -> Vec<&'r Ref> {
    let Some(q) = (from..stop).find(|&q| v.word(q) == prep) else { return Vec::new() };
    chain_forward(v, tok_at(v, q + 1), tok_at(v, stop))
}

/// The token index of word position `pos`, or the sentence's end for a position past its words.
fn tok_at(v: &SentenceView<'_, '_>, pos: usize) -> usize {
    match v.words.get(pos) {
        Some((t, _)) => *t,
        None => v.a.sentences.get(v.index).map_or(0, |s| s.tokens.end),
    }
}

/// Whether the words after a predicate make it an appeal: "called on Japan to open its
/// markets" (a "to" and a verb after the object, before any comma), unless that verb is itself
/// an encounter ("invited X to visit").
fn appeal(v: &SentenceView<'_, '_>, frames: &Frames, from: usize) -> bool {
    for q in from..(from + 8).min(v.words.len()) {
        match v.word(q) {
            "," | ";" | "." | "and" | "for" | "in" | "at" | "on" => return false,
            "to" => {
                let next = v.word(q + 1);
                // the word as written: "to Kenya" is a place, "to lift" a verb
                let written = v.a.tok(v.tok(q + 1));
                // "invited X to visit": an invitation to an encounter is no appeal
                let encounter = frames.candidates(next).any(|e| e.kind == FrameKind::Verb);
                return !encounter && !written.is_empty() && written.chars().all(|c| c.is_ascii_lowercase()) && !matches!(next, "the" | "a" | "an" | "his" | "her" | "their" | "its");
            }
            _ => {}
        }
    }
    false
}

/// Words that may stand between the sides of an encounter and its noun: the office of those
/// who meet ("the G7 finance ministers meeting") and the kind of encounter ("the India-Japan
/// annual summit").
const EVENT_NOUN_MODIFIERS: &[&str] = &[
    "leaders", "ministers", "heads", "officials", "foreign", "finance", "defence", "defense", "trade", "bilateral", "annual",
    "joint", "strategic", "high-level", "informal", "regular", "first", "second", "third", "ordinary", "extraordinary",
    "emergency",
];

/// A name right before an event noun, over up to two words of office: "the EU summit", "a G7
/// finance ministers meeting".
fn modifier<'r>(v: &SentenceView<'_, 'r>, head: usize) -> Vec<&'r Ref> {
    for k in (head.saturating_sub(4)..head).rev() {
        if let Some(r) = ref_ending_at(v, v.tok(k) + 1) {
            // "the India-Japan annual summit", "the Xi–Biden talks": the two sides the
            // compound joins
            // (one hyphenated word holds both names; a dash between words joins two)
            let sides: Vec<&Ref> = v.args_at(v.tok(k) + 1, true).iter().copied().filter(|x| x.tokens == r.tokens && v.kind(x.entity) != EntityKind::Place).collect();
            if SentenceView::distinct(sides.iter().map(|x| x.entity)).len() >= 2 {
                return sides;
            }
            let joined = r.tokens.start >= 2 && matches!(v.a.tok(r.tokens.start - 1), "-" | "–" | "—" | "/");
            if let Some(first) = ref_ending_at(v, r.tokens.start - 1).filter(|x| joined && x.entity != r.entity && v.kind(x.entity) != EntityKind::Place && v.kind(r.entity) != EntityKind::Place) {
                return vec![first, r];
            }
            // a body that meets ("the EU summit"), not a seat ("a White House meeting")
            let body = v.resolved.entities[r.entity].org_kind == Some(crate::lexicon::OrgKind::International);
            return if body { vec![r] } else { Vec::new() };
        }
        let w = v.word(k);
        let written = v.a.tok(v.tok(k));
        // the words of a named series ("7th Annual", "Ordinary") and a few adjectives of kind
        let named = written.chars().next().is_some_and(char::is_uppercase) && written.chars().all(char::is_alphabetic);
        let ordinal = written.ends_with("th") || written.ends_with("st") || written.ends_with("nd") || written.ends_with("rd");
        if !(title_word(w)
            || named
            || ordinal && written.starts_with(|c: char| c.is_ascii_digit())
            || EVENT_NOUN_MODIFIERS.contains(&w))
        {
            break;
        }
    }
    Vec::new()
}

/// The word after a time adjunct between a verb and its object ("received this Friday at 9:27
/// a.m. his counterpart"): over weekdays, months, numbers and the words that frame them.
fn after_time(v: &SentenceView<'_, '_>, from: usize, stop: usize) -> usize {
    let timely = |w: &str| {
        matches!(w, "this" | "last" | "next" | "on" | "at" | "today" | "yesterday" | "tomorrow" | "morning" | "afternoon" | "evening" | "night" | "a.m." | "p.m." | "a.m" | "p.m" | "am" | "pm" | "a" | "m" | "." | ":" | "early" | "late" | "also" | "here")
            || crate::time::is_day_or_month(w)
            || w.chars().all(|c| c.is_ascii_digit() || c == ':')
    };
    let mut q = from;
    while q < stop && q < from + 10 && timely(v.word(q)) {
        q += 1;
    }
    // nothing but time words before the end: no adjunct to skip
    if q == stop || q == from || !(from..q).any(|k| crate::time::is_day_or_month(v.word(k)) || v.word(k).chars().all(|c| c.is_ascii_digit()) || matches!(v.word(k), "today" | "yesterday" | "tomorrow")) {
        from
    } else {
        q
    }
}
