//! The frame lexicon (`ontology/lexicon/frames.tsv`) and the English verb forms it needs
//! (`ontology/lexicon/verbs.tsv`): which predicates state an event, of which class, with which
//! CAMEO and PLOVER codes, and which of their arguments plays which role.
//!
//! A frame is written once with its lemma ("meet", "hold talk") and matches every inflection
//! ("met", "meets", "holding talks", "held extensive bilateral talks"), so a rule learned from
//! one sentence holds for the next thousand. This module only knows words; finding the
//! arguments of a matched frame among an article's actors is `event::clause`'s job.

use std::collections::HashMap;
use std::sync::OnceLock;

const VERBS_TSV: &str = include_str!("../ontology/lexicon/verbs.tsv");
const FRAMES_TSV: &str = include_str!("../ontology/lexicon/frames.tsv");
const WORDS_TSV: &str = include_str!("../ontology/lexicon/words.tsv");

/// How a verb is inflected where it matched.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Form {
    /// "meet": infinitive or present.
    Base,
    /// "meets".
    Third,
    /// "met" as a simple past.
    Past,
    /// "met" after have/be: a participle (identical to the past for most verbs).
    Participle,
    /// "meeting".
    Gerund,
}

/// Whether a frame's head is a verb or an event noun.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FrameKind {
    /// "met", "held talks".
    Verb,
    /// "talks with", "X's visit to".
    Noun,
}

/// The class of event a frame states.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EventClass {
    /// A meeting, visit, call or talks.
    Meeting,
    /// An agreement.
    Pact,
}

/// Where an argument stands relative to the predicate.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Slot {
    /// The clause subject ("Putin and Modi held talks").
    Subject,
    /// The direct object ("met Xi").
    Object,
    /// A possessor of an event noun ("Modi's visit").
    Possessor,
    /// A name right before an event noun ("the EU summit", "a G7 meeting").
    Modifier,
    /// The object of a preposition after the predicate ("with X", "between X and Y").
    Prep(&'static str),
}

/// What an argument is to the event.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    /// Takes part on an equal footing.
    Participant,
    /// Travels to another (a visit).
    Visitor,
    /// Receives a visitor; for a country or a city, the government visited.
    Host,
}

/// One row of the frame lexicon.
#[derive(Debug, Clone)]
pub struct FrameEntry {
    /// The lemma of the head ("hold" in "hold talk", "visit" for the noun).
    pub lemma: &'static str,
    /// Words after the head, each matched in either number ("talk" matches "talks").
    pub rest: Vec<&'static str>,
    /// Verb or noun.
    pub kind: FrameKind,
    /// Event class.
    pub class: EventClass,
    /// CAMEO code.
    pub cameo: &'static str,
    /// PLOVER event type.
    pub plover: &'static str,
    /// Argument slots and their roles.
    pub roles: Vec<(Slot, Role)>,
    /// Words of which the sentence must hold one (empty: none needed).
    pub needs: Vec<&'static str>,
    /// The status the predicate implies whatever its tense ("invited" → planned).
    pub status: Option<&'static str>,
}

impl FrameEntry {
    /// The role an argument in `slot` plays, if the frame takes it.
    pub fn role(&self, slot: Slot) -> Option<Role> {
        self.roles.iter().find(|(s, _)| *s == slot).map(|(_, r)| *r)
    }
}

/// The closed word classes of `ontology/lexicon/words.tsv`, one field per class.
#[derive(Debug, Default)]
pub struct WordClasses {
    /// Auxiliaries and modals of a verb group.
    pub auxiliaries: Vec<&'static str>,
    /// Verbs and adjectives that govern an infinitive of what has not happened yet ("plans to visit", "is expected to meet").
    pub prospective: Vec<&'static str>,
    /// Verbs that call off an event named by a noun ("pulled out of the visit", "scrapped the talks").
    pub called_off: Vec<&'static str>,
    /// Verbs that move an event to a later date: it is still to come.
    pub postponed: Vec<&'static str>,
    /// Words of a verb group that deny the event.
    pub negators: Vec<&'static str>,
    /// Nouns of a capacity whose infinitive tells what could happen, not what did or will
    /// ("his ability to negotiate with X", "the right to visit").
    pub irrealis: Vec<&'static str>,
    /// Verbs of going somewhere, whose purpose infinitive ("flew to Lima to meet Y") has
    /// their subject.
    pub motion: Vec<&'static str>,
    /// Adverbs that may stand inside a verb group or between a subject and its verb.
    pub adverbs: Vec<&'static str>,
    /// Words that may stand inside a list of actors: "President X, Y and their counterparts".
    pub list_glue: Vec<&'static str>,
    /// Prepositions and subordinators before a gerund or participle whose subject is the main clause's ("after meeting X, Y said"; "Y said after meeting X").
    pub adverbial_preps: Vec<&'static str>,
    /// Words before a noun that make it a noun, not a verb ("a visit", "his visit", "the meeting").
    pub determiners: Vec<&'static str>,
    /// Words that mark a call as held at a distance.
    pub phone_cues: Vec<&'static str>,
    /// Nouns for the holder of the same post elsewhere ("his Colombian counterpart", "her Uruguayan colleague").
    pub counterpart_nouns: Vec<&'static str>,
    /// Nouns for a gathering of a body's own members ("the OPEC meeting", "a session of the Tin Council").
    pub gathering_nouns: Vec<&'static str>,
    /// Words that may stand between a body and its gathering noun ("an OECD ministerial meeting").
    pub gathering_modifiers: Vec<&'static str>,
    /// What a pact may be about ("semiconductor", "fisheries=fishing": a word and the topic it
    /// names): with its parties, the name of one pact across articles.
    pub pact_topics: Vec<&'static str>,
    /// Words that describe a pact without naming it ("Comprehensive Strategic Partnership
    /// Agreement"): a capitalised phrase of only these and topics is no name of its own.
    pub pact_descriptors: Vec<&'static str>,
    /// Verbs of the purpose of a deal between companies, whose object or recipient is the
    /// other side ("an agreement to buy X", "agreed to sell its unit to X").
    pub deal_verbs: Vec<&'static str>,
    /// Plural nouns of the office of a body's members, who stand for the body ("EC farm
    /// ministers met", "OPEC delegates held talks").
    pub member_nouns: Vec<&'static str>,
}

impl WordClasses {
    /// The topic a word names, if it names one ("fisheries" → "fishing").
    pub fn pact_topic(&self, word: &str) -> Option<&'static str> {
        self.pact_topics.iter().find_map(|e| match e.split_once('=') {
            Some((w, t)) => (w == word).then_some(t),
            None => (*e == word).then_some(*e),
        })
    }

    fn parse(tsv: &'static str) -> Result<WordClasses, FrameError> {
        let mut w = WordClasses::default();
        for (line, cols) in rows(tsv) {
            let [class, list] = cols[..] else {
                return Err(FrameError { file: "words.tsv", line, message: "expected class and words".into() });
            };
            let words: Vec<&'static str> = list.split('|').filter(|x| !x.is_empty()).collect();
            let slot = match class {
                "auxiliaries" => &mut w.auxiliaries,
                "prospective" => &mut w.prospective,
                "called_off" => &mut w.called_off,
                "postponed" => &mut w.postponed,
                "negators" => &mut w.negators,
                "irrealis" => &mut w.irrealis,
                "motion" => &mut w.motion,
                "adverbs" => &mut w.adverbs,
                "list_glue" => &mut w.list_glue,
                "adverbial_preps" => &mut w.adverbial_preps,
                "determiners" => &mut w.determiners,
                "phone_cues" => &mut w.phone_cues,
                "counterpart_nouns" => &mut w.counterpart_nouns,
                "gathering_nouns" => &mut w.gathering_nouns,
                "gathering_modifiers" => &mut w.gathering_modifiers,
                "pact_topics" => &mut w.pact_topics,
                "pact_descriptors" => &mut w.pact_descriptors,
                "deal_verbs" => &mut w.deal_verbs,
                "member_nouns" => &mut w.member_nouns,
                c => return Err(FrameError { file: "words.tsv", line, message: format!("unknown class {c:?}") }),
            };
            *slot = words;
        }
        Ok(w)
    }
}

/// The frame lexicon with the inflected forms of its verbs.
#[derive(Debug)]
pub struct Frames {
    /// Every row, in file order.
    pub entries: Vec<FrameEntry>,
    /// Inflected verb form → (lemma, form).
    verb_forms: HashMap<String, Vec<(&'static str, Form)>>,
    /// A word (any verb form, either number of a noun) → the rows whose head it may be.
    heads: HashMap<String, Vec<usize>>,
    /// The closed word classes clauses are read with.
    pub words: WordClasses,
}

/// A row of the frame lexicon that does not parse.
#[derive(Debug, thiserror::Error)]
#[error("{file}:{line}: {message}")]
pub struct FrameError {
    /// The lexicon file.
    pub file: &'static str,
    /// Its 1-based line.
    pub line: usize,
    /// What is wrong.
    pub message: String,
}

impl Frames {
    /// The shipped frame lexicon, parsed once.
    ///
    /// # Panics
    /// Never at run time for a shipped build: the unit tests parse the same files.
    pub fn shipped() -> &'static Frames {
        static FRAMES: OnceLock<Frames> = OnceLock::new();
        FRAMES.get_or_init(|| {
            let mut f = Frames::parse(VERBS_TSV, FRAMES_TSV).unwrap_or_else(|e| unreachable!("shipped frames: {e}"));
            f.words = WordClasses::parse(WORDS_TSV).unwrap_or_else(|e| unreachable!("shipped word classes: {e}"));
            f
        })
    }

    /// Parses a verb-forms table and a frame table.
    ///
    /// # Errors
    /// A row with too few columns, an unknown kind, class, slot or role.
    pub fn parse(verbs: &'static str, frames: &'static str) -> Result<Frames, FrameError> {
        let mut irregular: HashMap<&str, (Vec<&str>, Vec<&str>)> = HashMap::new();
        for (line, cols) in rows(verbs) {
            let [lemma, past, part] = cols[..] else {
                return Err(FrameError { file: "verbs.tsv", line, message: "expected lemma, past, participle".into() });
            };
            irregular.insert(lemma, (past.split('|').collect(), part.split('|').collect()));
        }
        let mut entries = Vec::new();
        for (line, cols) in rows(frames) {
            let err = |message: String| FrameError { file: "frames.tsv", line, message };
            let [pattern, kind, class, cameo, plover, roles, needs, status] = cols[..] else {
                return Err(err("expected 8 columns".into()));
            };
            let status = match status {
                "-" => None,
                s @ ("planned" | "held" | "proposed" | "signed" | "in_force" | "withdrawn" | "failed") => Some(s),
                s => return Err(err(format!("unknown status {s:?}"))),
            };
            let mut words = pattern.split(' ');
            let lemma = words.next().ok_or_else(|| err("empty pattern".into()))?;
            let kind = match kind {
                "verb" => FrameKind::Verb,
                "noun" => FrameKind::Noun,
                k => return Err(err(format!("unknown kind {k:?}"))),
            };
            let class = match class {
                "meeting" => EventClass::Meeting,
                "pact" => EventClass::Pact,
                c => return Err(err(format!("unknown class {c:?}"))),
            };
            let mut parsed = Vec::new();
            for r in roles.split(' ').filter(|r| !r.is_empty()) {
                let (slot, role) = r.split_once('=').ok_or_else(|| err(format!("role {r:?} is not slot=role")))?;
                let slot = match slot {
                    "subj" => Slot::Subject,
                    "obj" => Slot::Object,
                    "poss" => Slot::Possessor,
                    "mod" => Slot::Modifier,
                    p if p.chars().all(|c| c.is_ascii_lowercase()) => Slot::Prep(p),
                    s => return Err(err(format!("unknown slot {s:?}"))),
                };
                let role = match role {
                    "participant" => Role::Participant,
                    "visitor" => Role::Visitor,
                    "host" => Role::Host,
                    x => return Err(err(format!("unknown role {x:?}"))),
                };
                parsed.push((slot, role));
            }
            let needs = if needs == "-" { Vec::new() } else { needs.split('|').collect() };
            entries.push(FrameEntry { lemma, rest: words.collect(), kind, class, cameo, plover, roles: parsed, needs, status });
        }
        let mut verb_forms: HashMap<String, Vec<(&'static str, Form)>> = HashMap::new();
        let lemmas = entries.iter().filter(|e| e.kind == FrameKind::Verb).map(|e| e.lemma);
        for lemma in lemmas.chain(irregular.keys().copied()) {
            for (form, f) in inflect(lemma, irregular.get(lemma)) {
                let slot = verb_forms.entry(form).or_default();
                if !slot.contains(&(lemma, f)) {
                    slot.push((lemma, f));
                }
            }
        }
        let mut heads: HashMap<String, Vec<usize>> = HashMap::new();
        for (i, e) in entries.iter().enumerate() {
            let words: Vec<String> = match e.kind {
                FrameKind::Verb => verb_forms.iter().filter(|(_, ls)| ls.iter().any(|(l, _)| *l == e.lemma)).map(|(w, _)| w.clone()).collect(),
                FrameKind::Noun => {
                    let mut w = plural(e.lemma);
                    w.push(e.lemma.to_owned());
                    if let Some(sing) = e.lemma.strip_suffix('s') {
                        w.push(sing.to_owned());
                    }
                    w
                }
            };
            for w in words {
                heads.entry(w).or_default().push(i);
            }
        }
        Ok(Frames { entries, verb_forms, heads, words: WordClasses::default() })
    }

    /// The rows whose head a lowercased word may be, in file order.
    pub fn candidates(&self, word: &str) -> impl Iterator<Item = &FrameEntry> {
        self.heads.get(word).into_iter().flatten().filter_map(|&i| self.entries.get(i))
    }

    /// The lemmas and forms a lowercased word may be ("met" → meet, past and participle).
    pub fn verb(&self, word: &str) -> &[(&'static str, Form)] {
        self.verb_forms.get(word).map_or(&[], Vec::as_slice)
    }

    /// Whether `word` is any form of the verb `lemma`.
    pub fn is_verb(&self, word: &str, lemma: &str) -> bool {
        self.verb(word).iter().any(|(l, _)| *l == lemma)
    }
}

/// Whether a lowercased word is the noun `noun` in either number ("talk", "talks").
pub fn noun_matches(word: &str, noun: &str) -> bool {
    word == noun || plural(noun).iter().any(|p| p == word) || (noun.ends_with('s') && word == noun.trim_end_matches('s'))
}

fn plural(noun: &str) -> Vec<String> {
    let mut out = vec![format!("{noun}s")];
    if noun.ends_with('s') || noun.ends_with("sh") || noun.ends_with("ch") || noun.ends_with('x') {
        out.push(format!("{noun}es"));
    }
    if let Some(stem) = noun.strip_suffix('y') {
        out.push(format!("{stem}ies"));
    }
    out
}

/// Every form of a verb: the regular ones by rule (with both spellings where a final consonant
/// may double: "cancelled", "canceled"), the irregular past and participle from the table.
fn inflect(lemma: &'static str, irregular: Option<&(Vec<&str>, Vec<&str>)>) -> Vec<(String, Form)> {
    let mut out = vec![(lemma.to_owned(), Form::Base)];
    let third = if lemma.ends_with('s') || lemma.ends_with("sh") || lemma.ends_with("ch") || lemma.ends_with('x') || lemma.ends_with('o') {
        format!("{lemma}es")
    } else if let Some(stem) = lemma.strip_suffix('y').filter(|s| !s.ends_with(['a', 'e', 'o', 'u'])) {
        format!("{stem}ies")
    } else {
        format!("{lemma}s")
    };
    out.push((third, Form::Third));
    if lemma == "be" {
        for f in ["is", "are", "am"] {
            out.push((f.to_owned(), Form::Third));
        }
    }
    if lemma == "have" {
        out.retain(|(f, _)| f != "haves");
        out.push(("has".into(), Form::Third));
    }
    let stem_e = lemma.strip_suffix('e').filter(|s| !s.ends_with('e')).unwrap_or(lemma);
    let last = lemma.chars().last().unwrap_or('a');
    let doubled = (!"aeiouwxy".contains(last) && lemma.len() > 2).then(|| format!("{lemma}{last}"));
    let mut gerunds = vec![format!("{stem_e}ing")];
    if let Some(d) = &doubled {
        gerunds.push(format!("{d}ing"));
    }
    if let Some(stem) = lemma.strip_suffix("ie") {
        gerunds.push(format!("{stem}ying"));
    }
    out.extend(gerunds.into_iter().map(|g| (g, Form::Gerund)));
    match irregular {
        Some((past, part)) => {
            out.extend(past.iter().map(|p| ((*p).to_owned(), Form::Past)));
            out.extend(part.iter().map(|p| ((*p).to_owned(), Form::Participle)));
        }
        None => {
            let mut pasts = vec![if lemma.ends_with('e') {
                format!("{lemma}d")
            } else if let Some(stem) = lemma.strip_suffix('y').filter(|s| !s.ends_with(['a', 'e', 'o', 'u'])) {
                format!("{stem}ied")
            } else {
                format!("{lemma}ed")
            }];
            if let Some(d) = &doubled {
                pasts.push(format!("{d}ed"));
            }
            for p in pasts {
                out.push((p.clone(), Form::Past));
                out.push((p, Form::Participle));
            }
        }
    }
    out
}

/// Non-comment, non-empty rows of a TSV table with their 1-based line numbers.
fn rows(tsv: &'static str) -> impl Iterator<Item = (usize, Vec<&'static str>)> {
    tsv.lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty() && !l.starts_with('#'))
        .map(|(i, l)| (i + 1, l.split('\t').map(str::trim).collect()))
}

#[cfg(test)]
mod tests {
    use super::*;

    macro_rules! forms {
        ($($name:ident: $word:expr => $lemma:expr, $form:expr;)*) => {$(
            #[test]
            fn $name() {
                let f = Frames::shipped();
                assert!(f.verb($word).contains(&($lemma, $form)), "{} → {:?}", $word, f.verb($word));
            }
        )*};
    }

    forms! {
        irregular_past: "met" => "meet", Form::Past;
        irregular_participle: "spoken" => "speak", Form::Participle;
        held: "held" => "hold", Form::Past;
        third_person: "hosts" => "host", Form::Third;
        e_dropped_gerund: "receiving" => "receive", Form::Gerund;
        e_dropped_past: "welcomed" => "welcome", Form::Past;
        regular_past: "visited" => "visit", Form::Past;
        doubled_past: "phoned" => "phone", Form::Past;
        negotiated: "negotiated" => "negotiate", Form::Past;
        sat: "sat" => "sit", Form::Past;
        paying: "paying" => "pay", Form::Gerund;
        paid: "paid" => "pay", Form::Past;
        arrives: "arrives" => "arrive", Form::Third;
    }

    #[test]
    fn shipped_tables_parse_and_name_known_roles() {
        let f = Frames::shipped();
        assert!(f.entries.len() > 30);
        let meet = f.entries.iter().find(|e| e.lemma == "meet").unwrap();
        assert_eq!(meet.role(Slot::Prep("with")), Some(Role::Participant));
        let visit = f.entries.iter().find(|e| e.lemma == "visit" && e.kind == FrameKind::Noun).unwrap();
        assert_eq!(visit.role(Slot::Prep("to")), Some(Role::Host));
    }

    #[test]
    fn nouns_match_in_either_number() {
        assert!(noun_matches("talks", "talk"));
        assert!(noun_matches("talk", "talks"));
        assert!(noun_matches("discussions", "discussion"));
        assert!(!noun_matches("talked", "talk"));
    }

    #[test]
    fn every_word_class_is_filled() {
        let w = &Frames::shipped().words;
        for (name, class) in [("auxiliaries", &w.auxiliaries), ("negators", &w.negators), ("list_glue", &w.list_glue), ("determiners", &w.determiners), ("phone_cues", &w.phone_cues), ("gathering_nouns", &w.gathering_nouns), ("gathering_modifiers", &w.gathering_modifiers), ("pact_topics", &w.pact_topics), ("pact_descriptors", &w.pact_descriptors), ("deal_verbs", &w.deal_verbs), ("member_nouns", &w.member_nouns)] {
            assert!(!class.is_empty(), "{name}");
        }
        assert!(WordClasses::parse("nouns\ta|b\n").is_err());
    }

    #[test]
    fn a_bad_row_names_its_file_and_line() {
        let err = Frames::parse("meet\tmet\tmet\n", "meet\tverb\tparty\t040\tCONSULT\tsubj=participant\t-\t-\n").unwrap_err();
        assert_eq!(err.to_string(), "frames.tsv:1: unknown class \"party\"");
    }
}
