//! Pacts: agreements, treaties, deals, roadmaps, memoranda; who is bound, what status the
//! article reports, how long it runs.

use std::sync::OnceLock;

use regex::Regex;

use super::{Event, EventKind, SentenceView, Status};
use crate::resolve::EntityKind;

const TRIGGERS: &[&str] = &[
    "agreement", "agreements", "accord", "accords", "pact", "pacts", "treaty", "treaties", "deal", "deals", "roadmap",
    "memorandum", "memoranda", "memorandums", "mou", "mous", "moa", "moas", "protocol", "contract", "ceasefire",
    "cease-fire", "truce", "armistice", "convention", "arrangement", "arrangements",
];

/// Nouns of the act of signing, whose "of" governs the pacts signed ("the signing of agreements").
const SIGNING_NOUNS: &[&str] = &["signing", "inking", "conclusion", "exchange", "signature"];

/// Words of an amount of money ("300 mln dlr", "$2 billion", "€1.5bn").
const MONEY_WORDS: &[&str] = &["dlr", "dlrs", "dollar", "dollars", "mln", "million", "billion", "bln", "bn", "euros", "yen", "pounds", "$", "€", "£"];

/// Nouns that count the pacts after "of" ("a series of agreements", "a package of accords"):
/// those pacts are told, not pacts in general.
const QUANTITY_NOUNS: &[&str] = &["series", "number", "set", "package", "raft", "slew", "host", "couple", "range", "batch"];

/// Verbs whose subject reacts to a pact that others made: "the Troika welcomed the deal" does
/// not bind the Troika.
const REACTIONS: &[&str] = &[
    "welcomed", "welcomes", "hailed", "hails", "praised", "praises", "applauded", "commended", "congratulated",
    "lauded", "condemned", "condemns", "criticized", "criticised", "denounced", "denounces", "slammed",
];

/// Words that name who brought a pact about, not who is bound by it: "mediated by Sudan",
/// "with Qatar's mediation", "under the auspices of the African Union".
const MEDIATION: &[&str] = &[
    "mediated", "brokered", "facilitated", "supervised", "monitored", "overseen", "mediation", "auspices", "mediator",
    "mediators",
];

/// Nouns of [`MEDIATION`] whose owner stands right before them ("Qatar's mediation", "an AU
/// mediation"); a participle's subject ("Chile brokered a deal with Peru") is a party.
const MEDIATION_NOUNS: &[&str] = &["mediation", "auspices", "mediator", "mediators"];

/// The kind of a pact by its trigger noun, so that one pact worded differently ("the accord",
/// "the deal", "the agreement") is one kind; treaties, truces, loans and contracts stay apart.
const KINDS: &[(&str, &str)] = &[
    ("treaty", "treaty"), ("treaties", "treaty"), ("convention", "treaty"),
    ("ceasefire", "ceasefire"), ("cease-fire", "ceasefire"), ("truce", "ceasefire"), ("armistice", "ceasefire"),
    ("loan", "loan"), ("credit", "loan"), ("bailout", "loan"),
    ("contract", "contract"),
];

/// The kind of a pact named by `trigger` ("accord" → "agreement", "truce" → "ceasefire").
pub fn pact_kind(trigger: &str) -> &'static str {
    let t = trigger.to_lowercase();
    KINDS.iter().find(|(w, _)| *w == t).map_or("agreement", |(_, k)| k)
}

const WITHDRAW: &[&str] = &[
    "leave", "leaves", "leaving", "pulled", "pull", "pulls", "withdrew", "withdraw", "withdraws", "withdrawn", "withdrawal", "abandoned",
    "abandon", "quit", "scrapped", "scrap", "terminated", "reneged", "exited", "renounced", "suspended",
    "suspension", "suspend", "suspends", "annulled", "revoked", "end", "ends", "ending", "ended", "exit", "exits",
    "canceled", "cancelled", "cancel", "cancels", "cancellation", "rescinded", "rescind", "rescinds",
];
const FAILED: &[&str] = &["failed", "collapsed", "rejected", "reject", "rejects", "broke", "stalled", "without"];
const PROPOSED: &[&str] = &[
    "plan", "plans", "planned", "formalize", "formalise", "negotiate", "negotiating", "negotiations", "proposed",
    "propose", "would", "will", "draft", "seek", "seeking", "aim", "aims", "pledged", "intend", "intends",
    "discuss", "discussed", "discussing", "talks", "prepare", "preparing", "expected", "possible", "potential",
    "sign", "finalize", "finalise", "conclude", "reach", "proposal", "toward", "towards", "desire", "want", "wants",
];
const SIGNED: &[&str] = &[
    "signed", "inked", "concluded", "reached", "clinched", "sealed", "initialed", "initialled", "ratified",
    "finalized", "finalised", "signing", "struck", "agreed", "approved", "granted", "extended", "awarded",
    "sealing", "inking",
];
/// Words that speak of a pact already in force: it is honoured, violated, monitored.
const IN_FORCE: &[&str] = &[
    "violating", "violation", "violations", "violated", "violate", "breach", "breached", "breaching", "honoring",
    "honouring", "honor", "honour", "honored", "honoured", "comply", "complied", "complying", "compliance", "adhere",
    "adhering", "adhered", "enforcement", "enforce", "enforcing", "monitoring", "implementing", "implementation",
    "enshrined", "existing", "current", "abide", "abiding", "abided", "observe", "observing", "respect", "respecting",
    // what extends a pact presumes it in force
    "extension", "extending", "renewal", "prolongation",
];

fn duration_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(r"(?i)\b(\d{1,3}|one|two|three|four|five|six|seven|eight|nine|ten|fifteen|twenty|twenty-five|thirty|forty|fifty|hundred)[- ](year|month)s?\b")
            .unwrap_or_else(|e| unreachable!("static regex: {e}"))
    })
}

fn number(s: &str) -> Option<u32> {
    s.parse().ok().or(match s.to_lowercase().as_str() {
        "one" => Some(1),
        "two" => Some(2),
        "three" => Some(3),
        "four" => Some(4),
        "five" => Some(5),
        "six" => Some(6),
        "seven" => Some(7),
        "eight" => Some(8),
        "nine" => Some(9),
        "ten" => Some(10),
        "fifteen" => Some(15),
        "twenty" => Some(20),
        "twenty-five" => Some(25),
        "thirty" => Some(30),
        "forty" => Some(40),
        "fifty" => Some(50),
        "hundred" => Some(100),
        _ => None,
    })
}

/// ISO 8601 duration of the phrase just before a trigger ("20-year" → "P20Y").
fn duration(phrase: &str) -> Option<String> {
    let c = duration_re().captures(phrase)?;
    let n = number(c.get(1)?.as_str())?;
    let unit = if c.get(2)?.as_str().eq_ignore_ascii_case("year") { 'Y' } else { 'M' };
    Some(format!("P{n}{unit}"))
}

/// The pacts a sentence states (one per trigger noun phrase, usually one).
pub(super) fn extract(v: &SentenceView<'_, '_>) -> Vec<Event> {
    let mut out = Vec::new();
    if let Some(e) = agreed(v) {
        out.push(e);
    }
    let mut from = 0;
    let mut last: Option<usize> = None;
    // every pact the sentence names ("agreed to a truce while they negotiate a peace treaty"),
    // but one noun phrase once ("the accord, a landmark deal,")
    while let Some(pos) = trigger(v, from) {
        // ("an agreement and a memorandum": two noun phrases that "and a" joins)
        let coordinated = last.is_some_and(|l| (l + 1..pos).any(|k| v.word(k) == "and")) && {
            let np = noun_phrase_start(v, pos);
            np > 0 && matches!(v.word(np - 1), "a" | "an")
        };
        // ("the MoU on the Construction Agreement": a pact named as the topic of another is
        // part of that one's noun phrase)
        let nested = last.is_some_and(|l| {
            let between = l + 1..pos;
            pos <= l + 9
                && between.clone().any(|k| matches!(v.word(k), "on" | "for"))
                && between.clone().all(|k| matches!(v.word(k), "on" | "for" | "of" | "the" | "(" | ")") || v.a.tok(v.tok(k)).chars().next().is_some_and(char::is_uppercase))
        });
        if (last.is_none_or(|l| pos > l + 4) || coordinated) && !nested {
            out.extend(extract_at(v, pos));
        }
        last = Some(pos);
        from = pos + 1;
    }
    out
}

/// The pact named by the trigger at word `pos`.
fn extract_at(v: &SentenceView<'_, '_>, pos: usize) -> Vec<Event> {
    let t = v.tok(pos);
    // the noun phrase: from the determiner to the trigger ("a 20-year strategic pact")
    let np_start = noun_phrase_start(v, pos);
    let det = if np_start > 0 { v.word(np_start - 1).to_owned() } else { String::new() };
    let label_text = (np_start..=pos)
        .map(|p| v.a.tok(v.tok(p)))
        .filter(|w| !matches!(*w, "\"" | "“" | "”"))
        .collect::<Vec<_>>()
        .join(" ")
        .replace(" - ", "-");
    let phrase_start = v.a.tokens.get(v.tok(np_start)).map_or(0, |x| x.start);
    let phrase_end = v.a.tokens.get(t).map_or(0, |x| x.end);
    let dur = duration(v.a.slice(phrase_start, phrase_end));

    // status: what the sentence says happens to it
    let window: Vec<&str> = v.words.iter().map(|(_, w)| w.as_str()).collect();
    let before: Vec<&str> = window.iter().take(pos).rev().take(8).copied().collect();
    let around: Vec<&str> = window.iter().skip(pos.saturating_sub(8)).take(16).copied().collect();
    // what the sentence says of the pact before it turns to another one ("… would be sought
    // with Japan, like the one signed last year")
    // ("the deal signed in 2015 fell apart": the participle right after the pact is its own)
    let after_from = if SIGNED.contains(&v.word(pos + 1)) { pos + 2 } else { pos + 1 };
    let after: Vec<&str> = window.iter().skip(after_from).take(14).copied().take_while(|w| !SIGNED.contains(w)).collect();
    // "leave" withdraws only from the pact it governs ("would leave the treaty"), not a place
    // ("will leave for Washington to renegotiate an agreement")
    // "put an end to the suspense": "end" as a noun ends something else, unless it is the pact
    // ("an end to the truce")
    let noun_end = |k: usize| v.word(k) == "end" && k > 0 && matches!(v.word(k - 1), "an" | "the") && !(k + 1..(k + 5).min(v.words.len())).any(|q| q == pos);
    let withdraw_at = v.words.iter().enumerate().position(|(k, (_, w))| WITHDRAW.contains(&w.as_str()) && !noun_end(k) && (!w.starts_with("leav") || k < pos && pos - k <= 5 && v.word(k + 1) != "for"));
    // "talks ended without a deal": the pact never came, whatever verb ends the talks
    let without = before.iter().take(3).any(|w| *w == "without");
    // "ended talks having failed to reach any agreement": a failure told after the ending
    // word, nearer the pact, is what happened to it
    let failed_after_ending = withdraw_at.is_some_and(|w| (w + 1..pos).any(|k| FAILED.contains(&v.word(k)) && pos - k <= 6));
    let status = if without || failed_after_ending {
        Status::Failed
    } else if withdraw_at.is_some_and(|w| w < pos && pos - w <= 12) {
        Status::Withdrawn
    } else if before.iter().any(|w| FAILED.contains(w)) && !before.contains(&"agreed")
        // "the trade deal will not happen after talks collapsed"
        || after.iter().any(|w| matches!(*w, "collapsed" | "stalled" | "faltered" | "foundered" | "unravelled" | "unraveled" | "crumbled")) || after.windows(2).any(|w| matches!(w, ["not", "happen"] | ["fell", "through" | "apart"] | ["broke", "down"]))
    {
        Status::Failed
    } else if around.iter().any(|w| IN_FORCE.contains(w))
        || held_pact(v, pos)
        // "the deal has been extended": a pact that runs on
        || around.contains(&"extended") && (pos.saturating_sub(6)..pos).any(|k| matches!(v.word(k), "the" | "this" | "its" | "their"))
        || around.windows(3).any(|w| matches!(w, ["living" | "lived" | "live", "up", "to"]))
        || around.windows(2).any(|w| matches!(w, ["in", "force"] | ["into", "force"] | ["took", "effect"]))
        // "under the agreement": what is done under a pact presumes it ("an arrangement under
        // the Extended Fund Facility" is not yet one)
        || before.iter().take(5).copied().collect::<Vec<_>>().windows(2).any(|w| matches!(w, ["the" | "this" | "that" | "its" | "their", "under"]))
    {
        Status::InForce
    } else if headline(v, v.index) && before.iter().take(4).any(|w| matches!(*w, "sign" | "signs" | "ink" | "inks" | "seal" | "seals" | "reach" | "reaches")) && !before.iter().take(5).any(|w| matches!(*w, "to" | "will" | "would"))
    {
        // headlines tell what happened in the present tense: "EU, Canada sign trade pact"
        Status::Signed
    } else if before.iter().any(|w| PROPOSED.contains(w))
        || future_signing(v, pos)
        // "the first round of EPA negotiations", "free trade agreement talks": a pact that
        // names the talks it is the object of is still under negotiation
        || (pos + 1..(pos + 5).min(v.words.len())).take_while(|&k| !matches!(v.word(k), "," | "." | ";") && !SIGNED.contains(&v.word(k))).any(|k| matches!(v.word(k), "negotiations" | "negotiation" | "talks"))
        // "will meet on Friday for the signing of agreements": a signing that is a purpose
        || before.windows(4).any(|w| matches!(w, [_, "signing", "the", "for"]))
        || after.windows(2).any(|w| matches!(w, ["would" | "will" | "to" | "could" | "should" | "must", "be"]))
        || (after.iter().any(|w| matches!(*w, "planned" | "proposed" | "sought" | "envisaged"))
            || after.windows(2).any(|w| matches!(w, ["under", "negotiation" | "negotiations" | "discussion" | "consideration" | "review" | "study"])))
            && !after.contains(&"signed")
    {
        Status::Proposed
    } else {
        // signed, inked, reached — or simply named as a pact that exists
        Status::Signed
    };

    // Parties: countries and organizations of the sentence, but not those that only impose
    // sanctions in it; for a withdrawal, the actor that withdraws.
    // The subject side (before the trigger) names the parties; after the trigger only
    // "with X", "between X and Y", "among …" do ("a pact, bringing together two US adversaries"
    // does not make the US a party).
    let sanction_imposers = super::sanction::imposers(v);
    let outsiders = outsiders(v, pos);
    // "the meeting in Qatar": a country after "in" is where something happened, not a party
    let eligible = |r: &&&crate::resolve::Ref| {
        matches!(v.kind(r.entity), EntityKind::Country | EntityKind::Organization)
            && !sanction_imposers.contains(&r.entity)
            && !outsiders.contains(&r.entity)
            && !v.located(r)
    };
    let before_trigger: Vec<usize> =
        SentenceView::distinct(v.actors_in(0, t).iter().filter(eligible).map(|r| r.entity));
    let mut linked_persons: Vec<usize> = Vec::new();
    let linked_after: Vec<usize> = {
        // "with X" anywhere in the clause after the trigger ("a memorandum … would be sought with Japan")
        let clause_end = v.words.iter().skip(pos + 1).position(|(_, w)| matches!(w.as_str(), ";" | "." | "but" | "which" | "who")).map_or(v.words.len(), |k| pos + 1 + k);
        // a loan or a bailout "for Argentina" binds its borrower
        let lending = pact_kind(v.word(pos)) == "loan";
        let link = v.words.iter().enumerate().take(clause_end).skip(pos + 1).find(|(_, (_, w))| matches!(w.as_str(), "with" | "between" | "among") || lending && w == "for");
        match link {
            Some((_, (lt, _))) => {
                // a comma inside a list ("between Finland, Turkiye, and Sweden") goes on
                let link_at = v.words.iter().position(|(t, _)| t == lt).unwrap_or(pos);
                let until = v.list_end(link_at, &[";", ".", "to", "that", "which", "on"]);
                let linked = v.actors_in(*lt, until);
                linked_persons = linked.iter().filter(|r| v.kind(r.entity) == EntityKind::Person).map(|r| r.entity).collect();
                // persons named "with" bind the governments of their posts ("a deal with his
                // counterpart Vladimir Putin")
                let posts = linked
                    .iter()
                    .filter(|r| v.kind(r.entity) == EntityKind::Person)
                    .flat_map(|r| v.resolved.entities[r.entity].posts.iter().filter_map(|p| p.of))
                    .filter(|o| !sanction_imposers.contains(o));
                SentenceView::distinct(linked.iter().filter(eligible).map(|r| r.entity).chain(posts))
            }
            None => Vec::new(),
        }
    };
    // "an agreement Cairo signed with the IMF", "the deal that Chile reached": the subject of a
    // relative clause on the pact is a party
    let relative_subject: Option<usize> = {
        let at = if matches!(v.word(pos + 1), "that" | "which") { pos + 2 } else { pos + 1 };
        v.args_at(v.tok(at), false).iter().copied().filter(|r| eligible(&r)).max_by_key(|r| r.tokens.end).and_then(|r| {
            let after = v.a.tok(r.tokens.end).to_lowercase();
            let after2 = v.a.tok(r.tokens.end + 1).to_lowercase();
            (SIGNED.contains(&after.as_str()) || matches!(after.as_str(), "has" | "had" | "have") && SIGNED.contains(&after2.as_str())).then_some(r.entity)
        })
    };
    let linked_after: Vec<usize> = SentenceView::distinct(relative_subject.into_iter().chain(linked_after));
    // "an accord to acquire X", "a letter of intent to combine with X": the other side of a deal
    // is the one it is to take over or pass to
    let linked_after: Vec<usize> = if linked_after.is_empty() { deal_counterpart(v, pos + 1).into_iter().filter(|e| v.kind(*e) == EntityKind::Organization).collect() } else { linked_after };
    let mut parties: Vec<usize> = if before_trigger.is_empty() && linked_after.is_empty() {
        SentenceView::distinct(v.actors.iter().filter(eligible).map(|r| r.entity))
    } else {
        SentenceView::distinct(before_trigger.into_iter().chain(linked_after.iter().copied()))
    };
    if status == Status::Withdrawn {
        if let Some(w) = withdraw_at {
            let verb_tok = v.tok(w);
            // "voted for the suspension of Chile's role in the treaty": the possessor after the
            // withdrawing word; else the subject before it. A person withdraws their government.
            let possessor = v.actors_in(verb_tok, t).into_iter().find(|r| matches!(v.a.tok(r.tokens.end), "'s" | "’s"));
            let subject = possessor.or_else(|| v.actors_in(0, verb_tok).last().copied()).map(|r| r.entity);
            let subject: Vec<usize> = match subject {
                Some(p) if v.kind(p) == EntityKind::Person => v.resolved.entities[p].posts.iter().filter_map(|x| x.of).collect(),
                Some(p) => vec![p],
                None => Vec::new(),
            };
            if !subject.is_empty() {
                // the party that withdraws, and those the pact bound it to ("pulled out of the
                // treaty with the United States")
                parties = SentenceView::distinct(subject.into_iter().chain(linked_after.iter().copied()));
            }
        }
    }
    // persons named as signers: their posts' countries are the parties
    let persons: Vec<usize> = SentenceView::distinct(
        v.actors.iter().filter(|r| v.kind(r.entity) == EntityKind::Person).map(|r| r.entity),
    );
    // persons on the subject side bind their countries when no country is named there
    // ("He said a memorandum … would be sought with Japan": his Britain and Japan)
    let subject_persons: Vec<usize> = SentenceView::distinct(
        v.actors_in(0, t).iter().filter(|r| v.kind(r.entity) == EntityKind::Person).map(|r| r.entity),
    );
    let subject_countries = v.actors_in(0, t).iter().any(|r| matches!(v.kind(r.entity), EntityKind::Country | EntityKind::Organization));
    // "Tajikistan's President X and his Kyrgyz counterpart Y will sign": countries that only
    // qualify the subject persons name no parties of their own
    let owners: Vec<usize> = subject_persons.iter().flat_map(|&p| v.resolved.entities[p].posts.iter().filter_map(|x| x.of)).collect();
    let only_qualifiers = v.actors_in(0, t).iter().filter(|r| matches!(v.kind(r.entity), EntityKind::Country | EntityKind::Organization)).all(|r| owners.contains(&r.entity));
    if (!subject_countries || only_qualifiers) && status != Status::Withdrawn {
        for &p in &subject_persons {
            for post in &v.resolved.entities[p].posts {
                if let Some(of) = post.of {
                    if !parties.contains(&of) {
                        parties.push(of);
                    }
                }
            }
        }
    }
    if parties.is_empty() {
        for &p in &persons {
            for post in &v.resolved.entities[p].posts {
                if let Some(of) = post.of {
                    if !parties.contains(&of) {
                        parties.push(of);
                    }
                }
            }
        }
    }
    // Signatories: "signed by X", or the persons who are the subject of "signed"/"inked".
    // ("put pen to paper": the idiom of signing)
    let pen_to_paper = |k: usize| v.word(k) == "pen" && k > 0 && matches!(v.word(k - 1), "put" | "puts" | "putting") && v.word(k + 1) == "to" && v.word(k + 2) == "paper";
    let sign_at = v.words.iter().enumerate().position(|(k, (_, w))| matches!(w.as_str(), "signed" | "inked" | "initialed" | "initialled" | "sign" | "signs") || w == "signing" && k > 0 && v.word(k - 1) == "by" || pen_to_paper(k));
    // "signed in 1987 by X and Y", "signed on Monday in Lima by X": the agent after adjuncts
    // ("was signed today, 16 July, by X"; "signed in Cairo between X and Y")
    let agent_at = sign_at.and_then(|sa| {
        (sa + 1..(sa + 12).min(v.words.len())).take_while(|&q| !matches!(v.word(q), ";" | "." | "and" | "which" | "who" | "with")).find(|&q| matches!(v.word(q), "by" | "between"))
    });
    // the list after "by", not the rest of the sentence ("signed by X and Y during the visit
    // of Z"); "between" names persons only when persons follow it ("a memorandum establishing
    // a partnership between the EU and Kazakhstan" leaves the subject as the signers)
    let agents = match sign_at {
        Some(sa) if v.word(sa) != "signing" => agent_at.map(|at| agent_list(v, at)).filter(|l| !l.is_empty()),
        _ => None,
    };
    // "the agreement was signed by X Corp and Y Ltd": bodies that sign are its parties
    if let (Some(sa), Some(at)) = (sign_at, agent_at) {
        let bodies = agent_sides(v, at).1;
        // (companies and other bodies of their own: a ministry signs for its country, which
        // the sentence names as the party)
        let own = |b: &usize| v.kind(*b) == EntityKind::Organization && v.government(*b) == *b && v.resolved.entities[*b].org_kind != Some(crate::lexicon::OrgKind::Government);
        if v.word(sa) != "signing" && v.word(at) == "by" && bodies.len() >= 2 && bodies.iter().all(own) {
            parties = bodies;
        }
    }
    let signatories: Vec<usize> = match sign_at {
        Some(_) if agents.is_some() => agents.unwrap_or_default(),
        Some(sa) if sa < pos && (status == Status::Signed || v.word(sa) == "signing") => {
            // "X and Y ended the dispute by signing the accord": the persons of the clause
            // the persons who are the subject of "signed", named or referred to ("the two
            // presidents signed", "he signed"), but not a possessive ("his government signed");
            // and the person it was signed with ("signed a memorandum with his counterpart")
            let possessive = |r: &&crate::resolve::Ref| matches!(v.a.tok(r.tokens.start).to_lowercase().as_str(), "his" | "her" | "their" | "its");
            let found: Vec<usize> = v.actors_in(0, v.tok(sa)).into_iter().filter(|r| v.kind(r.entity) == EntityKind::Person && !possessive(r)).map(|r| r.entity).collect();
            let with = linked_persons.iter().copied();
            if found.is_empty() { Vec::new() } else { SentenceView::distinct(found.into_iter().chain(with)) }
        }
        _ => Vec::new(),
    };
    // a signatory binds the country or organization of the post it holds, where the sentence
    // names fewer than two parties (an EU treaty signed by the Presidents of its Commission and
    // Council binds the EU, not them)
    let named_parties = parties.len();
    for &p in signatories.iter().filter(|_| named_parties < 2) {
        for post in &v.resolved.entities[p].posts {
            if let Some(of) = post.of {
                if !parties.contains(&of) {
                    parties.push(of);
                }
            }
        }
    }
    let definite = matches!(det.as_str(), "the" | "this" | "that");
    // a date dates the pact only when the sentence tells of its making ("signed last year"),
    // not when it names an existing pact beside another event ("announced tariffs last week")
    let made_here = sign_at.is_some() || window.iter().any(|w| SIGNED.contains(w) || PROPOSED.contains(w) || WITHDRAW.contains(w));
    let (when, date_text) = if made_here { v.date_near(t, status == Status::Proposed) } else { (None, None) };
    // ("the agreement signed last July", "the agreement, signed last July,")
    let signed_after_noun = SIGNED.contains(&v.word(pos + 1)) || v.word(pos + 1) == "," && SIGNED.contains(&v.word(pos + 2));
    let status = if status == Status::Signed && in_force_by_now(&label_text, signed_after_noun, when, v.date) { Status::InForce } else { status };
    let (cameo, plover) = match status {
        Status::Withdrawn => ("160", "RETREAT"),
        Status::Failed => ("125", "REJECT"),
        Status::Proposed => ("030", "AGREE"),
        _ => ("057", "AGREE"),
    };
    // a national body that approves or signs binds its country: "the Russian parliament
    // ratified the treaty" makes Russia a party
    let parties: Vec<usize> = SentenceView::distinct(parties.into_iter().map(|p| v.government(p)));
    // "Six agreements will be signed": a pact whose making the sentence tells without a party
    // waits for the parties of the encounter it is signed at (event::parties_from_encounter)
    if parties.is_empty() && !definite && !(made_here && status != Status::Withdrawn) {
        return Vec::new();
    }
    let pact = Event {
        kind: EventKind::Pact { signatories, duration: dur },
        actors: parties,
        status: Some(status),
        place: None,
        when,
        date_text,
        label: label_text,
        trigger: v.word(pos).to_owned(),
        sentences: vec![v.index],
        cameo,
        plover: Some(plover),
        topic: topic(v, np_start, pos),
        name: name(v, np_start, pos),
    };
    one_per_partner(v, pos, pact, &linked_after)
}

/// "Japan has access agreements with Australia and Britain", "signed trade deals with Peru and
/// Mexico": agreements in the plural between one side and several partners are one pact with
/// each partner.
fn one_per_partner(v: &SentenceView<'_, '_>, pos: usize, pact: Event, partners: &[usize]) -> Vec<Event> {
    let partners: Vec<usize> = SentenceView::distinct(partners.iter().map(|&p| v.government(p))).into_iter().filter(|p| pact.actors.contains(p)).collect();
    let own: Vec<usize> = pact.actors.iter().copied().filter(|a| !partners.contains(a)).collect();
    let plural = v.word(pos).ends_with('s') && TRIGGERS.contains(&v.word(pos)) || matches!(v.word(pos), "memoranda" | "treaties");
    if !plural || partners.len() < 2 || own.len() != 1 {
        return vec![pact];
    }
    partners.iter().map(|&p| Event { actors: vec![own[0], p], ..pact.clone() }).collect()
}

/// "Saudi Arabia and Iran agreed to resume relations": an agreement told by its verb alone,
/// between the sides its subject names (a person stands for the government of their post).
/// "Agreed to meet" plans a meeting, "agreed on a ceasefire" names its pact by a noun, and a
/// subject of one side agrees with nobody.
fn agreed(v: &SentenceView<'_, '_>) -> Option<Event> {
    let verb = v.words.iter().position(|(_, w)| matches!(w.as_str(), "agreed" | "agree" | "agrees"))?;
    // "agreed last December to the charge", "agreed with Peru on a quota": over a time told
    // first, and over the other side, to what was agreed
    let mut k = verb;
    let mut partner_end = None;
    if matches!(v.word(k + 1), "yesterday" | "today" | "tonight" | "earlier" | "later") {
        k += 1;
    } else if let Some(after) = super::clause::time_adjunct_end(v, v.tok(k + 1)) {
        k = v.words.iter().position(|(t, _)| *t >= after).map_or(k, |w| w - 1);
    }
    if v.word(k + 1) == "with" {
        // the other side's name must end right before "on" or "to" ("agreed with X in the
        // resolve to …" is a shared view)
        let list_end = v.list_end(k + 1, &["on", "to", "that", ",", ".", ";"]);
        let last = v.actors_in(v.tok(k + 2), list_end).last().map(|r| r.tokens.end);
        let at = v.words.iter().position(|(t, _)| *t >= list_end).unwrap_or(v.words.len());
        if at > k + 2 && matches!(v.word(at), "on" | "to") && last == Some(v.tok(at)) {
            partner_end = Some(list_end);
            k = at - 1;
        }
    }
    // "agreed to exchange prisoners", "agreed on the start of talks on ambassadors": an
    // agreement told by its content; "agreed on Monday" is only its day, "agreed on the need
    // for" a shared view
    let on = v.word(k + 1) == "on";
    // "have agreed new rules", "agreed terms for": what was agreed as its object
    let first = v.word(k + 1);
    let object = v.word(verb) == "agreed"
        && k == verb
        && first.chars().all(|c| c.is_ascii_lowercase())
        && !first.is_empty()
        && !first.ends_with("ly")
        && !crate::time::is_day_or_month(first)
        && !NOT_AN_OBJECT.contains(&first);
    if !(first == "to" || on || object) || trigger(v, 0).is_some() {
        return None;
    }
    let next = v.word(k + 2);
    let content: Vec<&str> = (k + 2..(k + 5).min(v.words.len())).map(|q| v.word(q)).collect();
    if on && (next.is_empty() || crate::time::is_day_or_month(next) || next.chars().all(|c| c.is_ascii_digit()) || content.iter().any(|w| matches!(*w, "need" | "importance" | "necessity" | "principle"))) {
        return None;
    }
    let frames = crate::frame::Frames::shipped();
    // a meeting's verb ("agreed to meet", "agreed to hold talks"), its particle or noun near
    let after: Vec<&str> = (k + 3..(k + 7).min(v.words.len())).map(|q| v.word(q)).collect();
    let meeting_verb = frames.candidates(next).any(|e| {
        e.kind == crate::frame::FrameKind::Verb && e.rest.iter().all(|r| after.iter().any(|w| crate::frame::noun_matches(w, r)))
    });
    // "agreed to a meeting" is a meeting's plan; "agreed to an exchange of prisoners" a pact
    let meeting_noun = (k + 3..(k + 6).min(v.words.len())).any(|q| frames.candidates(v.word(q)).any(|e| e.kind == crate::frame::FrameKind::Noun && e.class == crate::frame::EventClass::Meeting));
    if meeting_verb || matches!(next, "it" | "this") || matches!(next, "a" | "an" | "the") && meeting_noun {
        return None;
    }
    let group = super::clause::group_start(v, verb);
    let group_words: Vec<&str> = (group..verb).map(|q| v.word(q)).collect();
    // "have not yet agreed on a package": still under negotiation; "did not agree": none
    let not_yet = group_words.iter().any(|w| matches!(*w, "yet" | "still"));
    if group_words.iter().any(|w| frames.words.negators.contains(w)) && !not_yet {
        return None;
    }
    let future = not_yet || group_words.iter().any(|w| matches!(*w, "will" | "would" | "to") || frames.words.prospective.contains(w));
    // a person stands for the side of their posts; a place for none
    let side_of = |r: &crate::resolve::Ref| -> Vec<usize> {
        match v.kind(r.entity) {
            EntityKind::Country | EntityKind::Organization => vec![r.entity],
            EntityKind::Person => v.resolved.entities[r.entity].posts.iter().filter_map(|p| p.of).collect(),
            EntityKind::Place => Vec::new(),
        }
    };
    let mut sides: Vec<usize> = super::clause::chain_backward(v, v.tok(group)).into_iter().flat_map(side_of).collect();
    // "X said it agreed to sell its unit to Y": the company that speaks of itself
    if sides.is_empty() && group >= 2 && v.word(group - 1) == "it" && matches!(v.word(group - 2), "said" | "says") {
        let speaker = v.actors_in(0, v.tok(group - 2)).into_iter().rev().find(|r| v.kind(r.entity) == EntityKind::Organization);
        sides.extend(speaker.map(|r| r.entity));
    }
    // "X agreed with Y on …": the other side after "with" (a person for their post's side)
    if let Some(end) = partner_end {
        sides.extend(v.actors_in(v.tok(verb + 1), end).into_iter().flat_map(side_of));
    }
    // "X agreed to buy Y": one side, and the other its deal names
    if sides.len() == 1 {
        sides.extend(deal_counterpart(v, k + 1).filter(|e| v.kind(*e) == EntityKind::Organization && v.kind(sides[0]) == EntityKind::Organization));
    }
    let sides = SentenceView::distinct(sides);
    if sides.len() < 2 {
        return None;
    }
    let what: Vec<&str> = (if object { k + 1 } else { k + 2 }..(k + 6).min(v.words.len()))
        .map(|q| v.word(q))
        .skip_while(|w| !w.chars().any(char::is_alphanumeric) || matches!(*w, "the" | "a" | "an"))
        .take_while(|w| w.chars().all(char::is_alphanumeric))
        .collect();
    let t = v.tok(verb);
    let (when, date_text) = v.date_near(t, future);
    let status = if future { Status::Proposed } else { Status::Signed };
    Some(Event {
        kind: EventKind::Pact { signatories: Vec::new(), duration: None },
        actors: sides,
        status: Some(status),
        place: None,
        when,
        date_text,
        label: format!("agreement {}{}", if on || object { "on " } else { "to " }, what.join(" ")),
        trigger: "agreement".to_owned(),
        sentences: vec![v.index],
        cameo: if future { "030" } else { "057" },
        plover: Some("AGREE"),
        topic: None,
        name: None,
    })
}

/// The other side of a deal told by its purpose right after word `from`: "(an agreement) to buy
/// X", "to merge with X", "to sell its unit to X", "for X to purchase …". The verbs are the
/// word class `deal_verbs`.
fn deal_counterpart(v: &SentenceView<'_, '_>, from: usize) -> Option<usize> {
    let deal_verbs = &crate::frame::Frames::shipped().words.deal_verbs;
    // "of understanding", "of intent": the rest of the pact's name
    let mut k = from;
    while v.word(k) == "of" && k < from + 4 {
        k += 2;
    }
    let stop = |q: usize| matches!(v.word(q), "," | ";" | "." | "and" | "but" | "which" | "who" | "after" | "if");
    let end = (k..v.words.len()).find(|&q| stop(q)).unwrap_or(v.words.len());
    let first_after = |q: usize| v.actors_in(v.tok(q), if end < v.words.len() { v.tok(end) } else { usize::MAX }).into_iter().map(|r| r.entity).next();
    match v.word(k) {
        "to" if deal_verbs.contains(&v.word(k + 1)) => first_after(k + 2),
        // "for X to purchase": the buyer named before its verb
        "for" => {
            let verb = (k + 2..end.min(k + 8)).find(|&q| v.word(q) == "to" && deal_verbs.contains(&v.word(q + 1)))?;
            v.actors_in(v.tok(k + 1), v.tok(verb)).into_iter().map(|r| r.entity).next()
        }
        _ => None,
    }
}

/// Words after "agreed" that open no object of it: prepositions, conjunctions, adverbs of
/// time and manner ("agreed with", "agreed that", "agreed yesterday", "agreed in principle").
const NOT_AN_OBJECT: &[&str] = &[
    "to", "on", "that", "with", "in", "at", "by", "upon", "for", "after", "before", "during", "when", "while", "and", "or",
    "but", "not", "yesterday", "today", "tonight", "last", "this", "next", "earlier", "later", "then", "also", "so",
    "as", "if", "under", "over", "about", "among", "between", "here", "there", "what", "how", "which", "who", "it",
    "he", "she", "they", "we", "i", "you", "his", "her", "their", "its", "our", "once", "again", "too", "all", "both",
    "unanimously", "fully", "late", "early",
];

/// Whether sentence `i` is the headline: one of the article's first lines, each set apart by a
/// line break and ending without a full stop.
fn headline(v: &SentenceView<'_, '_>, i: usize) -> bool {
    // a section label ("WORLD") may stand above it: every line up to `i` is a bare line
    i < 3
        && v.a.sentences.iter().take(i + 1).all(|s| {
            let text = v.a.slice(s.start, s.end).trim_end();
            !text.ends_with(['.', '!', '?', '"', '”', '’', ')', ':', ',']) && v.a.text.get(s.end..).is_some_and(|rest| rest.trim_start_matches([' ', '\t']).starts_with(['\n', '\r']))
        })
}

/// Whether the pact at word `pos` is one its subject has ("Japan has reciprocal access
/// agreements with Australia"): a pact in force. Only modifiers may stand between the verb and
/// the pact ("has signed an agreement" is a signing).
fn held_pact(v: &SentenceView<'_, '_>, pos: usize) -> bool {
    for k in (pos.saturating_sub(5)..pos).rev() {
        let w = v.word(k);
        if matches!(w, "has" | "have" | "had") {
            return k > 0 && !matches!(v.word(k - 1), "to" | "will" | "would" | "could" | "might" | "may" | "must" | "should");
        }
        // determiners, numbers and adjectives; not a verb ("had held up an agreement")
        // ("have said a new loan would …": what they have is a say, not the loan)
        let verb_like = w.ends_with("ed") || w.ends_with("ing") || matches!(w, "held" | "made" | "struck" | "won" | "up" | "down" | "out" | "off" | "over" | "back" | "been" | "no" | "not" | "with" | "to")
            || crate::mention::SPEECH_VERBS.contains(&w);
        let modifier = w.chars().all(|c| c.is_alphanumeric() || c == '-') && !verb_like && !SIGNED.contains(&w) && !PROPOSED.contains(&w) && !WITHDRAW.contains(&w);
        if !modifier {
            return false;
        }
    }
    false
}

/// Whether the pact at word `pos` is the object of a signing still to come: "the leaders will
/// hold talks and witness the signing of agreements", "are expected to attend the signing of".
fn future_signing(v: &SentenceView<'_, '_>, pos: usize) -> bool {
    // (the signing may govern a longer noun phrase: "the signing of the Memorandum of
    // Understanding on the Construction Agreement", up to a comma)
    let Some(k) = (pos.saturating_sub(10)..pos)
        .rev()
        .take_while(|&k| !matches!(v.word(k), "," | ";" | ":"))
        .find(|&k| matches!(v.word(k), "signing" | "signature" | "conclusion") && k > 0 && v.word(k - 1) == "the")
    else {
        return false;
    };
    for q in (k.saturating_sub(14)..k - 1).rev() {
        let w = v.word(q);
        if matches!(w, "," | ";" | ":" | "said" | "says" | "after" | "since") {
            return false;
        }
        if w == "would" || super::clause::modal_future(v, q) {
            return true;
        }
    }
    false
}

/// The actors a sentence names as brokers of a pact or as reacting to it, not bound by it:
/// the subject of a reaction verb before the trigger at word `pos`, the actors after "mediated
/// by" or "monitored by", and the owner of a mediation ("Qatar's mediation", "the auspices of
/// the AU").
fn outsiders(v: &SentenceView<'_, '_>, pos: usize) -> Vec<usize> {
    let mut out = Vec::new();
    for (k, (tk, w)) in v.words.iter().enumerate() {
        if REACTIONS.contains(&w.as_str()) && k < pos {
            out.extend(v.actors_in(0, *tk).iter().map(|r| r.entity));
        }
        if !MEDIATION.contains(&w.as_str()) {
            continue;
        }
        let next = v.word(k + 1);
        if matches!(next, "by" | "of") {
            let from = v.tok(k + 1);
            let until = v.words.iter().skip(k + 2).find(|(_, x)| matches!(x.as_str(), "," | ";" | "." | "to" | "that" | "which" | "on" | "in")).map_or(usize::MAX, |(t, _)| *t);
            out.extend(v.actors_in(from, until).iter().map(|r| r.entity));
        }
        if k > 0 && MEDIATION_NOUNS.contains(&w.as_str()) {
            let owner_end = if matches!(v.word(k - 1), "'s" | "’s") { v.tok(k - 1) } else { v.tok(k - 1) + 1 };
            out.extend(v.args_at(owner_end, true).iter().map(|r| r.entity));
        }
    }
    // a person who brokers or reacts keeps their country out too
    let posts: Vec<usize> = out.iter().flat_map(|&e| v.resolved.entities[e].posts.iter().filter_map(|p| p.of)).collect();
    out.extend(posts);
    out
}

/// Whether a pact is told with fewer than two parties in sentences that do not say a party made,
/// left or broke it: "Egypt proposed a ceasefire" (between others), "any agreement must end the
/// war". "Iran inked a 25-year agreement" stays: the party that signs is told, the other is not
/// named; so does a pact told by its name.
pub(super) fn half_told(a: &crate::text::Analyzed<'_>, e: &Event) -> bool {
    if !matches!(e.kind, EventKind::Pact { .. }) || e.actors.len() >= 2 || matches!(e.status, Some(Status::Withdrawn | Status::Failed)) {
        return false;
    }
    let made = e.sentences.iter().filter_map(|&i| a.sentences.get(i)).any(|s| s.tokens.clone().any(|t| SIGNED.contains(&a.tok(t).to_lowercase().as_str())));
    // a pact known by its name ("the International Natural Rubber Agreement", "the Paris
    // accord") is a node of its own, whoever the story names as bound
    let named = e.label.split_whitespace().skip(1).any(|w| w.chars().next().is_some_and(char::is_uppercase));
    !made && !named
}

/// Days between a pact's making and the article beyond which it is no longer the news but a
/// pact in force ("signed last July" in a March story; "signed last month" is still news).
const MADE_BEFORE_DAYS: i64 = 75;

/// Words of a pact's noun phrase that tell it was made before the news ("the existing
/// accord", "the 10-year-old trade agreement", "the recent Paris accord").
const MADE_BEFORE: &[&str] = &["existing", "recent", "current", "standing", "longstanding", "long-standing", "old", "decades-old", "earlier", "previous"];

/// Whether a pact told as signed is one in force on the article's day: its noun phrase dates
/// its making before the news ("last February's accord", "the 1986 pact", "the 10-year-old
/// agreement", "the existing accord"), or a participle after the noun does, months before
/// ("under the agreement signed last July"). A clause that tells the signing itself ("X and Y
/// signed a treaty last year") tells a signing.
fn in_force_by_now(label: &str, signed_after_noun: bool, when: Option<crate::time::When>, today: Option<chrono::NaiveDate>) -> bool {
    let words: Vec<String> = label.split_whitespace().map(str::to_lowercase).collect();
    let aged = words.iter().any(|w| MADE_BEFORE.contains(&w.as_str()) || w.ends_with("-old"));
    let year = today.map_or(i32::MAX, |d| chrono::Datelike::year(&d));
    let year_before = words.iter().any(|w| w.len() == 4 && w.parse::<i32>().is_ok_and(|y| (1900..year).contains(&y)));
    let month_before = words.windows(2).any(|w| w[0] == "last" && crate::time::is_day_or_month(&w[1]));
    let made_months_before = signed_after_noun
        && when.and_then(|w| w.first_day()).zip(today).is_some_and(|(made, today)| (today - made).num_days() > MADE_BEFORE_DAYS);
    aged || year_before || month_before || made_months_before
}

/// A pact told as signed on a day after the article's ("will sign the accord on March 12",
/// with a headline that says "sign") is still to be signed: proposed.
pub(super) fn not_signed_yet(article_date: Option<chrono::NaiveDate>, events: &mut [Event]) {
    let Some(today) = article_date else { return };
    for e in events.iter_mut().filter(|e| matches!(e.kind, EventKind::Pact { .. }) && e.status == Some(Status::Signed)) {
        if e.when.and_then(|w| w.first_day()).is_some_and(|d| d > today) {
            e.status = Some(Status::Proposed);
            e.cameo = "030";
        }
    }
}

/// Where the noun phrase of the trigger at word `pos` starts: after its determiner, a
/// preposition, punctuation or a verb, at most five words back ("a 20-year strategic pact").
fn noun_phrase_start(v: &SentenceView<'_, '_>, pos: usize) -> usize {
    let mut np_start = pos;
    while np_start > 0 {
        let w = v.word(np_start - 1);
        // the noun phrase ends at a determiner, a preposition, punctuation or a verb
        let verb = SIGNED.contains(&w) || PROPOSED.contains(&w) || WITHDRAW.contains(&w) || IN_FORCE.contains(&w) || FAILED.contains(&w)
            || matches!(w, "said" | "says" | "it" | "is" | "are" | "was" | "were" | "has" | "have" | "had" | "be" | "been" | "will" | "would" | "no" | "any");
        if matches!(w, "a" | "an" | "the" | "this" | "that" | "its" | "their" | "his" | "her" | "of" | "to" | "and" | "," | "on" | "in" | "with" | "for" | "by" | "\"" | "“")
            || verb
            || v.tok(np_start - 1) == usize::MAX
            || pos - np_start >= 5
        {
            break;
        }
        np_start -= 1;
    }
    np_start
}

fn trigger(v: &SentenceView<'_, '_>, from: usize) -> Option<usize> {
    for (p, (tk, w)) in v.words.iter().enumerate().skip(from) {
        // only a pact's noun (or a loan's, or a road map) can start one
        if !(TRIGGERS.contains(&w.as_str()) || matches!(w.as_str(), "memorandum" | "road" | "plan" | "program" | "programme" | "loan" | "credit" | "bailout" | "documents" | "instruments" | "letter" | "declaration" | "statement" | "communique" | "communiqué" | "swap")) {
            continue;
        }
        let next = v.word(p + 1);
        let prev = if p > 0 { v.word(p - 1) } else { "" };
        // inside a name ("General Agreement on Tariffs and Trade") it names an organization
        if v.resolved.refs.iter().any(|r| r.sentence == v.index && r.tokens.start <= *tk && *tk < r.tokens.end) {
            continue;
        }
        // "the lack of an accord", "in the absence of a deal": no pact to speak of
        if (1..=3).any(|k| p >= k && matches!(v.word(p - k), "lack" | "absence")) {
            continue;
        }
        // a bare plural after a preposition speaks of agreements in general ("doubts about
        // agreements"), but not after a quantity ("the signing of a series of agreements")
        // nor after a signing ("oversaw the signing of agreements in 15 areas")
        let counted = prev == "of" && p >= 2 && (QUANTITY_NOUNS.contains(&v.word(p - 2)) || SIGNING_NOUNS.contains(&v.word(p - 2)));
        if w.ends_with('s') && TRIGGERS.contains(&w.as_str()) && matches!(prev, "about" | "on" | "of" | "for" | "in" | "with" | "to" | "into" | "than" | "by") && !counted {
            continue;
        }
        // "inked milestone documents", "signed 12 documents": documents a signing verb governs
        // ("witnessed the signing and exchange of cooperation documents")
        if matches!(w.as_str(), "documents" | "instruments")
            && ((1..=3).any(|k| p >= k && SIGNED.contains(&v.word(p - k))) || (2..=4).any(|k| p >= k && v.word(p - k) == "of" && p > k && SIGNING_NOUNS.contains(&v.word(p - k - 1))))
        {
            return Some(p);
        }
        // "signed a joint declaration", "will adopt a joint statement": a text both sides sign
        // or adopt binds them ("said in a joint statement" is only how they spoke)
        // "signed the Quito Declaration", "a declaration on fisheries, signed by X and Y": a
        // declaration the sides sign binds them as a joint one does
        let signed_after = (p + 1..(p + 6).min(v.words.len())).take_while(|&k| !matches!(v.word(k), "." | ";")).any(|k| v.word(k) == "signed" && v.word(k + 1) == "by");
        if w == "declaration" && prev != "joint" {
            let signed_before = (1..=4).take_while(|&k| p >= k && !matches!(v.word(p - k), "," | "." | ";")).any(|k| matches!(v.word(p - k), "signed" | "sign" | "signs" | "signing" | "inked" | "adopted" | "adopt" | "adopts"));
            if signed_before || signed_after {
                return Some(p);
            }
            continue;
        }
        if matches!(w.as_str(), "declaration" | "statement" | "communique" | "communiqué") && prev == "joint" {
            // (the verb may govern a list: "signed a letter of intent, a joint declaration …")
            let adopted = (2..=12)
                .take_while(|&k| p >= k && !crate::mention::SPEECH_VERBS.contains(&v.word(p - k)) && !matches!(v.word(p - k), "in" | "." | ";"))
                .any(|k| SIGNED.contains(&v.word(p - k)) || matches!(v.word(p - k), "sign" | "adopt" | "adopted" | "adopts" | "adopting" | "signing"));
            if adopted {
                return Some(p);
            }
            continue;
        }
        // "signed a letter of intent": a pact of its own, between the sides who sign it
        if w == "letter" && next == "of" && v.word(p + 2) == "intent" && two_sides_named(v) {
            return Some(p);
        }
        // "to deal with the problem", "they must deal with", "a great deal": the verb and the
        // quantity; "a deal with India", "the $2 billion deal with" are the noun
        let verb_deal = next == "with"
            && (p == 0 || matches!(prev, "to" | "will" | "would" | "can" | "could" | "must" | "should" | "might" | "may" | "not" | "cannot" | "n't" | "and" | "or" | "they" | "we" | "i" | "you" | "he" | "she" | "it" | "who" | "which" | "that" | "also" | "better" | "effectively" | "directly"));
        if w == "deal" && (verb_deal || matches!(prev, "great" | "good")) {
            continue;
        }
        // "a currency swap line", "the prisoner swap": an exchange the sides agreed
        if w == "swap" && (matches!(prev, "currency" | "prisoner" | "prisoners" | "debt" | "yuan" | "dollar") || matches!(next, "line" | "lines" | "arrangement" | "agreement")) {
            return Some(if matches!(next, "line" | "lines") { p + 1 } else { p });
        }
        if w == "road" && next == "map" {
            return Some(p + 1);
        }
        if (w == "plan" || w == "program" || w == "programme") && (prev == "cooperation" || next == "of" && v.word(p + 2) == "cooperation") {
            return Some(p);
        }
        // "scope for agreement", "in agreement": accord as a state of mind, not a pact
        if w == "agreement" && matches!(prev, "for" | "in") {
            continue;
        }
        if w == "memorandum" || TRIGGERS.contains(&w.as_str()) {
            if w == "convention" && prev != "the" && prev != "a" {
                continue;
            }
            // "our trade agreements", "any deals": agreements in general, not one pact
            if w.ends_with('s') && w != "accords" || w == "accords" {
                let generic = v.words.iter().take(p).rev().take(3).any(|(_, x)| {
                    matches!(x.as_str(), "our" | "their" | "its" | "his" | "her" | "your" | "my" | "any" | "all" | "such" | "many" | "some" | "other" | "existing" | "various" | "several" | "future")
                });
                if generic {
                    continue;
                }
            }
            return Some(p);
        }
        // a loan binds a lender and a borrower ("the World Bank granted Indonesia a loan")
        // ("a 300 mln dlr trade adjustment loan": an amount of money up to four words before)
        let amount = (1..=4).any(|k| p >= k && MONEY_WORDS.contains(&v.word(p - k)));
        let lending = matches!(w.as_str(), "loan" | "credit" | "bailout") && (amount || matches!(prev, "a" | "the" | "new" | "standby" | "stand-by" | "bridge" | "four-year" | "three-year" | "multi-year"));
        if lending && two_sides_named(v) {
            return Some(p);
        }
    }
    None
}

/// Whether the sentence names two countries or organizations: what a loan or a letter of intent
/// needs to be a pact rather than a company's news.
fn two_sides_named(v: &SentenceView<'_, '_>) -> bool {
    let sides: std::collections::BTreeSet<usize> =
        v.actors.iter().filter(|r| matches!(v.kind(r.entity), EntityKind::Country | EntityKind::Organization)).map(|r| r.entity).collect();
    sides.len() >= 2
}

/// Words that end the list of a signing's agents: what follows tells when, where or why.
const AGENT_LIST_STOPS: &[&str] = &[";", ".", "during", "in", "on", "at", "after", "before", "to", "while", "under", "for", "as", "which"];

/// The persons of the list after "signed by" (or "signed between") at word `at`: "by Prime
/// Minister X, the President of the Commission, Y, and President Z"; a relative clause inside
/// it ("by X, who travelled to Kigali on Tuesday, and Y") is skipped, not an end.
fn agent_list(v: &SentenceView<'_, '_>, at: usize) -> Vec<usize> {
    agent_sides(v, at).0
}

/// The persons and the bodies (countries, organizations) of the list after "signed by" at
/// word `at`, as [`agent_list`] reads it.
fn agent_sides(v: &SentenceView<'_, '_>, at: usize) -> (Vec<usize>, Vec<usize>) {
    let mut persons = Vec::new();
    let mut bodies = Vec::new();
    let mut relative = false;
    let mut k = at + 1;
    while k < v.words.len() {
        let (tk, w) = (v.tok(k), v.word(k));
        if let Some(r) = v.actors.iter().find(|r| r.tokens.start == tk) {
            if !relative && v.kind(r.entity) == EntityKind::Person {
                persons.push(r.entity);
            } else if !relative && matches!(v.kind(r.entity), EntityKind::Country | EntityKind::Organization) {
                bodies.push(r.entity);
            }
            // go on after the mention
            k = (k + 1..v.words.len()).find(|&q| v.tok(q) >= r.tokens.end).unwrap_or(v.words.len());
            continue;
        }
        if relative {
            relative = w != ",";
        } else if matches!(w, "who" | "whom") {
            relative = true;
        } else if AGENT_LIST_STOPS.contains(&w) {
            break;
        } else if w == "," {
            // a comma goes on to the next name within a few words ("…, the Dutch Prime Minister Y")
            let next_name = (k + 1..(k + 9).min(v.words.len())).take_while(|&q| !AGENT_LIST_STOPS.contains(&v.word(q))).any(|q| v.actors.iter().any(|r| r.tokens.start == v.tok(q)));
            if !next_name && !matches!(v.word(k + 1), "and" | "who") {
                break;
            }
        }
        k += 1;
    }
    (SentenceView::distinct(persons), SentenceView::distinct(bodies))
}

/// Adds `p`, or merges it into an earlier pact of the article when it is a definite
/// re-mention ("the roadmap", "the deal") whose parties fit.
pub(super) fn merge_or_push(events: &mut Vec<Event>, p: Event, v: &SentenceView<'_, '_>) {
    // "the Paris pact": the determiner before the trigger's noun phrase
    let determined = v
        .words
        .iter()
        .position(|(_, w)| *w == p.trigger)
        .map(|pos| noun_phrase_start(v, pos))
        .is_some_and(|np| np > 0 && matches!(v.word(np - 1), "the" | "this" | "that"));
    let definite = determined || {
        let s = &v.a.sentences[v.index];
        let lower = v.a.slice(s.start, s.end).split_whitespace().collect::<Vec<_>>().join(" ").to_lowercase();
        let trig = format!(" {}", p.trigger);
        ["the", "this", "that"].iter().any(|d| {
            lower.contains(&format!("{d}{trig}")) || {
                // "The "cooperation roadmap"": a determiner before a quoted or modified trigger
                let words: Vec<&str> = p.label.split_whitespace().collect();
                words.first().is_some_and(|f| lower.contains(&format!("{d} \"{}", f.to_lowercase())) || lower.contains(&format!("{d} “{}", f.to_lowercase())))
            }
        }) && !p.label.to_lowercase().starts_with("a ")
    };
    let partyless = p.actors.is_empty() && !definite;
    // "signed a cooperation agreement and a memorandum on consultations": a pact introduced
    // by "a" beside another of its sentence is a pact of its own
    let introduced = v
        .words
        .iter()
        .position(|(_, w)| *w == p.trigger)
        .map(|pos| noun_phrase_start(v, pos))
        .is_some_and(|np| np > 0 && matches!(v.word(np - 1), "a" | "an"));
    // "The foreign ministers signed the documents": a definite plural told after several
    // pacts of one sentence names the signatories of each of them
    let plural_anaphor = definite && matches!(p.trigger.as_str(), "documents" | "agreements" | "accords" | "memoranda" | "memorandums" | "deals" | "pacts" | "instruments");
    if let (true, EventKind::Pact { signatories, .. }) = (plural_anaphor, &p.kind) {
        let last_told = events.iter().rev().find(|e| matches!(e.kind, EventKind::Pact { .. })).and_then(|e| e.sentences.first().copied());
        let fits = |e: &Event| p.actors.iter().all(|a| e.actors.contains(a)) && last_told.is_some_and(|s| e.sentences.contains(&s));
        let several = events.iter().filter(|e| matches!(e.kind, EventKind::Pact { .. }) && fits(e)).count() >= 2;
        if several && !signatories.is_empty() {
            for e in events.iter_mut().filter(|e| matches!(e.kind, EventKind::Pact { .. }) && fits(e)) {
                if let EventKind::Pact { signatories: s1, .. } = &mut e.kind {
                    for x in signatories {
                        if !s1.contains(x) {
                            s1.push(*x);
                        }
                    }
                }
                e.sentences.extend(p.sentences.iter().copied());
            }
            return;
        }
    }
    let same = events.iter_mut().rev().filter(|_| !partyless).find(|e| {
        let EventKind::Pact { duration: d1, .. } = &e.kind else { return false };
        let EventKind::Pact { duration: d2, .. } = &p.kind else { return false };
        let parties_fit = p.actors.iter().all(|a| e.actors.contains(a));
        let dur_fit = d1.is_none() || d2.is_none() || d1 == d2;
        // the same pact named again: definite, fitting parties and duration; or identical
        // parties and duration stated twice
        // a bare "an agreement"/"the accord" is the pact already told whose parties fit, and a
        // fuller mention absorbs an earlier bare one whose parties it includes
        let bare_new = is_bare(&p.label);
        let bare_old = is_bare(&e.label) && e.actors.iter().all(|a| p.actors.contains(a));
        // one sentence naming pacts of two kinds names two pacts ("a ceasefire … a peace treaty")
        let other_kind = e.sentences.contains(&v.index) && (pact_kind(&e.trigger) != pact_kind(&p.trigger) || introduced && e.trigger != p.trigger);
        // the headline's pact is the first pact of the same parties the body tells
        let same_parties = !p.actors.is_empty() && super::sorted(&e.actors) == super::sorted(&p.actors);
        let headlined = same_parties && e.sentences.iter().all(|&i| headline(v, i)) && !e.sentences.contains(&v.index);
        // "the pact" alone, told after a pact of its kind: that pact, whoever the sentence
        // names beside it ("Belgium needed its regions to approve the pact")
        let anaphor = definite && bare_new && !e.sentences.contains(&v.index) && pact_kind(&e.trigger) == pact_kind(&p.trigger);
        // a letter of intent comes before the contract it announces: two documents
        let letter = |x: &Event| x.trigger == "letter";
        let specific = |x: &Event| !matches!(x.trigger.as_str(), "deal" | "agreement" | "accord");
        if letter(e) != letter(&p) && specific(e) && specific(&p) {
            return false;
        }
        // a pact told by its name is the pact of that name, and two names are two pacts
        if let (Some(a), Some(b)) = (&e.name, &p.name) {
            return a == b;
        }
        anaphor || headlined || !other_kind && (parties_fit && dur_fit && (definite || bare_new || (d1.is_some() && d1 == d2 && e.actors.len() == p.actors.len()))
            || (bare_old && dur_fit))
    });
    match same {
        Some(e) => {
            e.sentences.extend(p.sentences.iter().copied());
            if let (EventKind::Pact { signatories: s1, duration: d1 }, EventKind::Pact { signatories: s2, duration: d2 }) =
                (&mut e.kind, &p.kind)
            {
                for s in s2 {
                    if !s1.contains(s) {
                        s1.push(*s);
                    }
                }
                if d1.is_none() {
                    d1.clone_from(d2);
                }
            }
            // a bare "the pact" names no new party ("memoranda" without a determiner is no
            // pointer back, and brings its parties)
            // nor does a pact told again by its name once its parties are known: a later
            // sentence about it names others beside it ("the Minsk accords, which Paris backed")
            let anaphor = definite && is_bare(&p.label) && !p.actors.iter().all(|a| e.actors.contains(a))
                || e.name.is_some() && e.name == p.name && e.actors.len() >= 2;
            for a in &p.actors {
                if !e.actors.contains(a) && !anaphor {
                    e.actors.push(*a);
                }
            }
            if is_bare(&e.label) && !is_bare(&p.label) {
                e.label.clone_from(&p.label);
            }
            if e.topic.is_none() {
                e.topic.clone_from(&p.topic);
            }
            if e.name.is_none() {
                e.name.clone_from(&p.name);
            }
            // the body's account of a headline's pact is the fuller one
            if e.sentences.iter().all(|&i| headline(v, i)) {
                e.label.clone_from(&p.label);
                e.status = p.status;
            }
            // a later report of signing supersedes an earlier plan in the same article, and a
            // withdrawal or a failure ends whatever came before
            if p.status == Some(Status::Signed) && e.status == Some(Status::Proposed)
                || matches!(p.status, Some(Status::Withdrawn | Status::Failed)) && !matches!(e.status, Some(Status::Withdrawn | Status::Failed))
            {
                e.status = p.status;
            }
            // a pact told as signed months before the article and then as in force is in
            // force; a signing that is the news stays one ("signed today … enters into force
            // in June", "reached agreement on rules … to run the stock")
            let signed_before = |w: Option<crate::time::When>| match (w.and_then(|w| w.first_day()), v.date) {
                (Some(made), Some(today)) => (today - made).num_days() > MADE_BEFORE_DAYS,
                _ => false,
            };
            if p.status == Some(Status::InForce) && e.status == Some(Status::Signed) && signed_before(e.when) {
                e.status = p.status;
            }
            e.when = e.when.or(p.when);
        }
        None => {
            if !p.actors.is_empty() || partyless {
                events.push(p);
            }
        }
    }
}

/// What a pact is about: the first word of its noun phrase, or of its "on …" complement, that
/// the table of pact topics knows ("the 1986 semiconductor pact", "an agreement on fisheries").
/// Only a known topic: "the binding treaty" and "the last accord" say nothing of what they bind.
fn topic(v: &SentenceView<'_, '_>, np_start: usize, pos: usize) -> Option<String> {
    let words = &crate::frame::Frames::shipped().words;
    let known = |p: usize| words.pact_topic(&v.word(p).to_lowercase()).map(str::to_owned);
    (np_start..pos).find_map(known).or_else(|| {
        if matches!(v.word(pos + 1), "on" | "over" | "for" | "covering" | "concerning") {
            (pos + 2..pos + 5).find_map(known)
        } else {
            None
        }
    })
}

/// A pact's own name: the capitalised words of its noun phrase that name none of the actors
/// the article knows, no day or month and no mere description, with the pact's kind: "the
/// Louvre accord" → "louvre agreement", "the Minsk agreements" → "minsk agreement", "the
/// Intermediate-Range Nuclear Forces Treaty" → "intermediate-range nuclear forces treaty". A
/// place may name a pact (Minsk, the Black Sea); a party may not ("the U.S.-Japan pact" is told
/// by its parties). Capitals say nothing in a headline or a title-cased line, nor on a
/// sentence's first word.
fn name(v: &SentenceView<'_, '_>, np_start: usize, pos: usize) -> Option<String> {
    let words = &crate::frame::Frames::shipped().words;
    if headline(v, v.index) || v.a.title_cased(v.index) {
        return None;
    }
    let actor_at = |tok: usize| {
        v.args.iter().find(|r| r.tokens.start <= tok && tok < r.tokens.end).map(|r| v.kind(r.entity))
    };
    let mut name: Vec<String> = Vec::new();
    let mut proper = false;
    for p in np_start..pos {
        let tok = v.tok(p);
        let word = v.a.tok(tok);
        let lower = v.word(p);
        let capital = word.chars().next().is_some_and(char::is_uppercase);
        let place = actor_at(tok) == Some(EntityKind::Place);
        if !capital || p == 0 && !place || crate::time::is_day_or_month(lower) || actor_at(tok).is_some() && !place {
            continue;
        }
        if matches!(v.word(p + 1), "'s" | "’s") && !place {
            continue;
        }
        proper |= place || !(words.pact_descriptors.contains(&lower) || words.pact_topic(lower).is_some());
        name.push(lower.to_owned());
    }
    proper.then(|| format!("{} {}", name.join(" "), pact_kind(v.word(pos))))
}

/// Whether a pact is named only by its trigger and a determiner ("an agreement", "the pact").
fn is_bare(label: &str) -> bool {
    let words: Vec<&str> = label.split_whitespace().collect();
    match words.as_slice() {
        [_] => true,
        [d, _] => matches!(d.to_lowercase().as_str(), "a" | "an" | "the" | "this" | "that"),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::duration;

    #[test]
    fn durations() {
        assert_eq!(duration("a 20-year strategic pact").as_deref(), Some("P20Y"));
        assert_eq!(duration("a five-year deal").as_deref(), Some("P5Y"));
        assert_eq!(duration("an 18-month accord").as_deref(), Some("P18M"));
        assert_eq!(duration("a strategic pact"), None);
    }
}
