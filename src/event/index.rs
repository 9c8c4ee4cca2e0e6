//! The events of an article told so far, indexed by what can make a new telling one of them
//! (issue 10: time linear in article size). Without them each meeting or pact told was compared
//! with every event before it: a long article with thousands of meetings took quadratic time
//! (1 MB of news prose: 9 s of 13 in these comparisons).
//!
//! An index never decides: it gives, in the order the full scan would meet them, a few events
//! that include every event the rules of `meeting::merge_or_push` and `pact::merge_or_push`
//! could join, and those rules then run as written. Each set below is what one of those rules
//! requires of an event it joins; an event is added again after every change, and never
//! removed (a set may name an event that no longer fits: the rule turns it down). A rule that
//! starts joining events by something new needs a set here too: the tests run every merge
//! twice, through the index and through the full scan, and fail when they differ.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use chrono::NaiveDate;

use super::{meeting, pact, Event, EventKind, Status};
use crate::lexicon::OrgKind;
use crate::resolve::{EntityKind, Resolved};
use crate::text::Analyzed;

/// Event indices in descending order, without repeats, from several ascending sets: the order
/// in which a scan from the last event back meets them.
struct Descending<'s> {
    heads: Vec<std::iter::Peekable<std::iter::Rev<std::collections::btree_set::Iter<'s, usize>>>>,
}

impl<'s> Descending<'s> {
    fn new(sets: impl IntoIterator<Item = &'s BTreeSet<usize>>) -> Self {
        Descending { heads: sets.into_iter().map(|s| s.iter().rev().peekable()).collect() }
    }
}

impl Iterator for Descending<'_> {
    type Item = usize;

    fn next(&mut self) -> Option<usize> {
        let top = self.heads.iter_mut().filter_map(|h| h.peek().map(|&&i| i)).max()?;
        for h in &mut self.heads {
            if h.peek() == Some(&&top) {
                h.next();
            }
        }
        Some(top)
    }
}

/// An event that holds nothing, left in a slot while the event itself is lent out.
fn placeholder() -> Event {
    Event {
        kind: EventKind::Meeting { visit: false, host: None },
        actors: Vec::new(),
        status: None,
        place: None,
        when: None,
        date_text: None,
        label: String::new(),
        trigger: String::new(),
        sentences: Vec::new(),
        cameo: "",
        plover: None,
        topic: None,
        name: None,
    }
}

/// The meetings of an article by what `meeting::merge_or_push` joins a new telling to: the
/// first meeting of an international body the telling names (or that names the telling's
/// body), the first meeting of the same participants, a planned meeting that shares a person
/// (one trip told twice), or a meeting told in the last five sentences (talks told once by
/// countries and once by their representatives).
#[derive(Default)]
pub(super) struct Meetings {
    /// Meetings by participant.
    by_actor: HashMap<usize, BTreeSet<usize>>,
    /// Meetings of one international body alone, by that body.
    body_alone: HashMap<usize, BTreeSet<usize>>,
    /// Meetings by their participants, sorted.
    by_actors: HashMap<Vec<usize>, BTreeSet<usize>>,
    /// Planned meetings by the persons among their participants.
    planned_by_person: HashMap<usize, BTreeSet<usize>>,
    /// Meetings by the last sentence that tells them.
    by_last_sentence: BTreeMap<usize, BTreeSet<usize>>,
}

impl Meetings {
    /// Adds meeting `m` to `events`, or joins it to the meeting it tells again, as
    /// `meeting::merge_or_push` does on the whole list.
    ///
    /// # Complexity
    /// O((c + a) log n) for the c meetings that may be the one told again and the a
    /// participants of `m`, instead of O(n) for the n events told before.
    pub(super) fn merge(&mut self, events: &mut Vec<Event>, m: Event, resolved: &Resolved, a: &Analyzed<'_>, date: Option<NaiveDate>) {
        #[cfg(test)]
        let expected = {
            let mut all = events.clone();
            meeting::merge_or_push(&mut all, m.clone(), resolved, a, date);
            all
        };
        let candidates = self.candidates(&m, resolved);
        let mut lent: Vec<Event> = candidates.iter().map(|&i| std::mem::replace(&mut events[i], placeholder())).collect();
        meeting::merge_or_push(&mut lent, m, resolved, a, date);
        let mut back = lent.into_iter();
        for (&i, e) in candidates.iter().zip(&mut back) {
            events[i] = e;
        }
        let told = events.len();
        events.extend(back);
        for i in candidates.into_iter().chain(told..events.len()) {
            self.add(i, &events[i], resolved);
        }
        #[cfg(test)]
        assert_eq!(*events, expected, "the meeting index left out a meeting that the full scan joins");
    }

    /// Every meeting `m` may be joined to, in the order of `events`.
    fn candidates(&mut self, m: &Event, resolved: &Resolved) -> Vec<usize> {
        let mut out: BTreeSet<usize> = BTreeSet::new();
        let mut sorted = m.actors.clone();
        sorted.sort_unstable();
        // a body's meeting is joined to the first meeting that names the body
        if body_alone(m, resolved) {
            out.extend(m.actors.first().and_then(|b| self.by_actor.get(b)).and_then(|s| s.first()));
        }
        for a in &m.actors {
            out.extend(self.body_alone.get(a).into_iter().flatten().copied());
            if m.status == Some(Status::Planned) {
                out.extend(self.planned_by_person.get(a).into_iter().flatten().copied());
            }
        }
        out.extend(self.by_actors.get(&sorted).into_iter().flatten().copied());
        if let Some(&first) = m.sentences.first() {
            out.extend(self.by_last_sentence.range(first.saturating_sub(5)..).flat_map(|(_, s)| s.iter().copied()));
        }
        out.into_iter().collect()
    }

    /// Indexes event `i` as it is now (a meeting; other events are never joined to one).
    fn add(&mut self, i: usize, e: &Event, resolved: &Resolved) {
        if !matches!(e.kind, EventKind::Meeting { .. }) {
            return;
        }
        let mut sorted = e.actors.clone();
        sorted.sort_unstable();
        for &a in &e.actors {
            self.by_actor.entry(a).or_default().insert(i);
            if e.status == Some(Status::Planned) && resolved.entities[a].kind == EntityKind::Person {
                self.planned_by_person.entry(a).or_default().insert(i);
            }
        }
        if body_alone(e, resolved) {
            self.body_alone.entry(e.actors[0]).or_default().insert(i);
        }
        self.by_actors.entry(sorted).or_default().insert(i);
        if let Some(&last) = e.sentences.last() {
            self.by_last_sentence.entry(last).or_default().insert(i);
        }
    }
}

/// A meeting of one international body alone ("NATO leaders will meet").
fn body_alone(e: &Event, resolved: &Resolved) -> bool {
    matches!(e.actors.as_slice(), [b] if resolved.entities[*b].org_kind == Some(OrgKind::International))
}

/// The pacts of an article by what `pact::merge_or_push` joins a new telling to: the pact
/// of the same name, kind (a definite bare "the accord"), parties, duration, a bare pact whose
/// parties the telling names, a pact of the headline, the pacts a sentence tells (the
/// signatories of "the documents"), and the last pact told.
#[derive(Default)]
pub(super) struct Pacts {
    /// Every pact.
    all: BTreeSet<usize>,
    /// Pacts first told in the first three sentences (a headline's pact).
    early: BTreeSet<usize>,
    by_kind: HashMap<&'static str, BTreeSet<usize>>,
    by_name: HashMap<String, BTreeSet<usize>>,
    by_duration: HashMap<String, BTreeSet<usize>>,
    by_party: HashMap<usize, BTreeSet<usize>>,
    /// Pacts named by a bare trigger ("an agreement", "the pact") without parties.
    bare_without_party: BTreeSet<usize>,
    /// Pacts named by a bare trigger, by party.
    bare_by_party: HashMap<usize, BTreeSet<usize>>,
    by_sentence: HashMap<usize, BTreeSet<usize>>,
    /// How many of each pact's parties and sentences are indexed (both lists only grow).
    indexed: HashMap<usize, (usize, usize)>,
    /// The last pact added to the list.
    last: Option<usize>,
    /// Every pact is a candidate (the full scan, which the tests compare the index with).
    #[cfg(test)]
    exhaustive: bool,
}

impl Pacts {
    /// Adds pact `p` to `events`, or joins it to the pacts it tells again, as
    /// `pact::merge_or_push` does.
    ///
    /// # Complexity
    /// O((c + a) log n) for the c pacts that may be the one told again and the a parties of
    /// `p`, instead of O(n) for the n events told before.
    pub(super) fn merge(&mut self, events: &mut Vec<Event>, p: Event, v: &super::SentenceView<'_, '_>) {
        #[cfg(test)]
        let expected = {
            let mut all = events.clone();
            let mut full = Pacts { exhaustive: true, ..Pacts::default() };
            for (i, e) in all.iter().enumerate() {
                full.add(i, e);
            }
            pact::merge_or_push(&mut all, p.clone(), v, &mut full);
            all
        };
        pact::merge_or_push(events, p, v, self);
        #[cfg(test)]
        assert_eq!(*events, expected, "the pact index left out a pact that the full scan joins");
    }

    /// The pacts that a new telling `p` may be, from the last back: `definite` and `bare` say
    /// how `p` is told ("the accord", "an agreement").
    pub(super) fn candidates<'s>(&'s self, p: &Event, definite: bool, bare: bool) -> impl Iterator<Item = usize> + 's {
        #[cfg(test)]
        if self.exhaustive {
            return Descending::new([&self.all]);
        }
        let mut sets: Vec<&BTreeSet<usize>> = vec![&self.early, &self.bare_without_party];
        sets.extend(p.name.as_ref().and_then(|n| self.by_name.get(n)));
        if definite && bare {
            sets.extend(self.by_kind.get(pact::pact_kind(&p.trigger)));
        }
        if definite || bare {
            match p.actors.first() {
                Some(a) => sets.extend(self.by_party.get(a)),
                None => sets.push(&self.all),
            }
        } else if let EventKind::Pact { duration: Some(d), .. } = &p.kind {
            sets.extend(self.by_duration.get(d));
        }
        sets.extend(p.actors.iter().filter_map(|a| self.bare_by_party.get(a)));
        Descending::new(sets)
    }

    /// The pacts that sentence `s` tells, in order.
    pub(super) fn told_in(&self, s: usize) -> Vec<usize> {
        #[cfg(test)]
        if self.exhaustive {
            return self.all.iter().copied().collect();
        }
        self.by_sentence.get(&s).map_or_else(Vec::new, |set| set.iter().copied().collect())
    }

    /// The last pact added to the list.
    pub(super) fn last(&self) -> Option<usize> {
        self.last
    }

    /// Indexes event `i` as it is now (a pact; other events are never joined to one).
    pub(super) fn add(&mut self, i: usize, e: &Event) {
        let EventKind::Pact { duration, .. } = &e.kind else { return };
        if self.all.insert(i) {
            self.by_kind.entry(pact::pact_kind(&e.trigger)).or_default().insert(i);
            if e.sentences.first().is_none_or(|&s| s < 3) {
                self.early.insert(i);
            }
        }
        self.last = self.last.max(Some(i));
        if let Some(n) = &e.name {
            self.by_name.entry(n.clone()).or_default().insert(i);
        }
        if let Some(d) = duration {
            self.by_duration.entry(d.clone()).or_default().insert(i);
        }
        let (parties, sentences) = self.indexed.entry(i).or_default();
        for &a in e.actors.get(*parties..).unwrap_or_default() {
            self.by_party.entry(a).or_default().insert(i);
        }
        for &s in e.sentences.get(*sentences..).unwrap_or_default() {
            self.by_sentence.entry(s).or_default().insert(i);
        }
        (*parties, *sentences) = (e.actors.len(), e.sentences.len());
        if pact::is_bare(&e.label) {
            if e.actors.is_empty() {
                self.bare_without_party.insert(i);
            }
            for &a in &e.actors {
                self.bare_by_party.entry(a).or_default().insert(i);
            }
        }
    }
}
