//! Finds the mentions of actors and places in an analyzed article: lexicon names (countries,
//! capitals, epithets, organizations), titles with the names they introduce, name-shaped
//! capitalised sequences, government bodies ("the Iranian Foreign Ministry"), collective
//! references ("Iranian officials", "the two countries"), descriptions ("the Iranian leader",
//! "the North American country") and personal pronouns.
//!
//! Nothing here decides *which* entity a mention is: that is `resolve`'s job. Pure: text in,
//! mentions out.

use std::collections::{HashMap, HashSet};
use std::ops::Range;

use crate::lexicon::{Hit, Lexicon};
use crate::text::{Analyzed, TokenKind};

/// What a post belongs to, as written next to a title.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Of {
    /// A lexicon country ("Iranian President", "Iran's president").
    Country(usize),
    /// A lexicon organization ("World Bank President").
    Org(usize),
}

/// What a mention may refer to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Cand {
    /// A country by name, alias, epithet, or capital standing for its government.
    Country(usize),
    /// A demonym used as a modifier ("Iranian President"): marks nationality, names no actor.
    Demonym(usize),
    /// A demonym standing for a government ("Iranian officials", "the Venezuelan side").
    Collective(usize),
    /// A lexicon organization.
    Org(usize),
    /// An organization found by its shape ("Iranian Foreign Ministry", "Texas Commerce Bank").
    NewOrg {
        /// Its name as a label.
        name: String,
        /// Its country, when a demonym or possessive names it.
        country: Option<usize>,
        /// A government body rather than a company or outlet.
        government: bool,
        /// A news outlet.
        news: bool,
    },
    /// A named person, with the post its title gives.
    Person {
        /// The name without titles or honorifics.
        name: String,
        /// The normal role ("President").
        role: Option<String>,
        /// What the post belongs to.
        of: Option<Of>,
        /// Whether a cue (title, honorific, speech verb) marks this as a person.
        cued: bool,
    },
    /// A place that is not an actor ("in Tehran", "at the Saadabad Palace").
    Place {
        /// Its name as written.
        name: String,
        /// The country it lies in, when known.
        country: Option<usize>,
    },
    /// "the Iranian leader", "the minister": a person already introduced.
    PersonDescription {
        /// Nationality named in the description.
        country: Option<usize>,
        /// The role named in the description.
        role: Option<String>,
        /// The organization the role belongs to ("vice minister of MITI").
        org: Option<usize>,
    },
    /// "the North American country": one of these countries, the most recent mentioned.
    CountryDescription(Vec<usize>),
    /// "the two countries", "both nations": the two most salient countries so far.
    CountryPair,
    /// "the two leaders", "both presidents": the two persons of the story who hold posts.
    PersonPair,
    /// "the Chinese and Russian leaders": one of several nationalities joined before a plural
    /// title, the holder of that post in that country, or its government when the story names
    /// no holder.
    Holder {
        /// The nationality.
        country: usize,
        /// The role the plural title names ("Foreign Minister", "Leader").
        role: String,
    },
    /// "he", "she", "his", "her".
    Pronoun,
    /// "the company", "the firm": the story's company, the one it names most.
    TheCompany,
    /// "they": the two sides its own sentence joined by "and" before it ("X and Y posed for
    /// a photo as they met"), or, opening a sentence, those the sentence before joined.
    TheyPair,
}

/// One mention: its tokens, byte span and candidate reading.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mention {
    /// Token range.
    pub tokens: Range<usize>,
    /// Start byte.
    pub start: usize,
    /// End byte.
    pub end: usize,
    /// What it may refer to.
    pub cand: Cand,
}

/// The role of a [`Cand::Holder`] named only as someone's counterpart: the post its possessor
/// holds ("his Turkish counterpart").
pub const COUNTERPART: &str = "Counterpart";

/// Capitalised words that open no name at all: function words at the start of a sentence,
/// days and months.
const FUNCTION_CAPS: &[&str] = &[
    "The", "A", "An", "In", "On", "At", "According", "During", "After", "Before", "While", "This", "That", "These",
    "Those", "He", "She", "It", "They", "We", "I", "His", "Her", "Its", "Their", "Our", "My", "Your", "But", "And",
    "Or", "If", "When", "As", "For", "From", "With", "By", "Of", "To", "Also", "However", "Meanwhile", "Under",
    "Since", "Despite", "Although", "Following", "Earlier", "Later", "Last", "Next", "Monday", "Tuesday",
    "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "January", "February", "March", "April", "June",
    "July", "August", "September", "October", "November", "December", "Jan", "Feb", "Mar", "Apr", "Aug", "Sept",
    "Oct", "Nov", "Dec", "Today", "Yesterday", "Tomorrow", "Who", "What", "Where", "Why", "How", "All", "Some",
    "Many", "Most", "Both", "Each", "Every", "Such", "No", "Not", "There", "Here", "Now", "Then", "Thus", "So",
    "Yet", "Still", "Only", "Even", "Just", "Already", "Asked", "Said", "Says", "Told", "Speaking", "Please", "Yes",
    // quantifiers that open a sentence ("Nearly eight agreements …")
    "Nearly", "Almost", "About", "Around", "Roughly", "Several", "Few", "More", "Over", "Up",
];

/// Capitalised words that are never part of a person's name (but may be part of an
/// organization's or a place's), besides [`FUNCTION_CAPS`].
const NOT_NAME: &[&str] = &[
    "Western", "Eastern", "Northern", "Southern", "North", "South", "East", "West", "Central",
    "Islamic", "Republic", "State", "States", "Government", "Minister", "Ministry", "Mr", "Mrs", "Ms", "Dr",
    "Sources", "Officials", "Analysts", "Diplomats", "Reuters",
    "Together", "Other",
    "Another", "New", "Old", "First", "Second", "Third", "One", "Two", "Three", "Four", "Five", "Ten", "Hundred",
    "Thousand", "Prime", "Foreign", "Finance", "Trade", "Supreme", "Leader", "President", "Vice", "Deputy",
    "Secretary", "Chairman", "Spokesman", "Ambassador", "Governor", "Senator", "King", "Queen", "Crown", "Prince",
    "Party", "Agreement", "Treaty", "Accord", "Pact", "Deal", "Plan", "Talks", "Summit", "Conference", "Meeting",
    "MoU", "MoUs", "Memorandum", "Memoranda", "People", "Peoples",
    "Asia", "Africa", "Europe", "America",
    // buildings where leaders meet: "the PM House", "Hyderabad House", "the Presidential Palace"
    "House", "Palace", "Residence",
    "Americas", "Latin", "Middle", "Gulf", "Pacific", "Atlantic", "Hemisphere", "Christmas", "Easter", "Ramadan",
    "God", "Allah", "Internet", "Inc", "Corp", "Co", "Ltd", "Plc", "Group", "Bank", "Fund", "Union",
    // people named by what they do, not by name
    "Economists", "Officials", "Analysts", "Diplomats", "Sources", "Traders", "Dealers", "Bankers", "Critics",
    "Experts", "Observers", "Residents", "Witnesses", "Delegates", "Negotiators", "Lawmakers", "Legislators",
    "Ministers", "Leaders", "Members", "Rebels", "Troops", "Protesters", "Investors", "Industry", "Analyst",
    "Official", "Spokesman", "Spokeswoman", "Democrats", "Republicans", "Congressional", "Parliamentary",
    "Western", "Eastern", "European", "Arab", "African", "Asian", "Latin", "Third", "World", "Economic",
    "Cooperation", "Development", "Organisation", "Organization", "Department", "Affairs", "Relations",
    // page furniture and policy words of web news
    "Guidelines", "Partnership", "Strategic", "Comprehensive", "Share", "Subscribe", "Advertisement", "Photo",
    "Honor", "Honour", "Defense", "Defence", "Security", "National", "Community", "Terms", "Privacy", "Policy",
];

/// A company's legal form, the last word of its name ("Acme Corp", "Zenith Holdings Ltd").
const LEGAL_FORMS: &[&str] = &["Corp", "Corporation", "Inc", "Ltd", "Limited", "Plc", "PLC", "AG", "SA", "NV", "GmbH", "LLC"];

/// The last word of an organization's name.
const ORG_HEADS: &[&str] = &[
    "Ministry", "Bank", "Agency", "Council", "Commission", "Committee", "Party", "Company", "Co", "Corp",
    "Corporation", "Inc", "Ltd", "Plc", "Group", "Association", "Union", "Organization", "Organisation",
    "Department", "Fund", "Institute", "University", "Airlines", "Airways", "Authority", "Board", "Federation",
    "Front", "Movement", "Army", "Navy", "Police", "Court", "Parliament", "Assembly", "Congress", "Senate",
    "Cabinet", "Secretariat", "Bureau", "Foundation", "Trust", "Industries", "Motors", "Chamber", "Consortium",
    "League", "Alliance", "Coalition", "Guard", "Forces", "Office", "Exchange", "Reserve", "Treasury",
    "Television", "TV", "Radio", "Network", "Times", "Post", "Journal", "Herald", "Tribune", "Gazette", "Daily",
    "Mission", "Technologies", "Aerospace", "Limited", "Producers", "Systems", "Holdings", "Partners",
    "Presidency", "Diwan", "Forum", "Service", "Services", "Enterprises", "Directorate", "Star",
];

/// Last words of the names of events, programmes and documents ("the Raisina Dialogue", "the
/// Bridgetown Initiative"): such a name is no actor, person or organization.
const EVENT_NAME_HEADS: &[&str] = &["Dialogue", "Initiative", "Declaration", "Programme", "Festival", "Games", "Expo"];

/// Heads of organization names that are news outlets.
const NEWS_HEADS: &[&str] = &["Television", "TV", "Radio", "Network", "Times", "Post", "Journal", "Herald", "Tribune", "Gazette", "Daily", "News", "Star"];

/// Heads of organization names that are government bodies.
const GOVERNMENT_HEADS: &[&str] = &[
    "Ministry", "Department", "Cabinet", "Parliament", "Assembly", "Senate", "Congress", "Treasury", "Office",
    "Secretariat", "Council", "Commission", "Court", "Army", "Navy", "Police", "Guard", "Forces", "Presidency",
    "Diwan", "Directorate",
];

/// The last word of a place's name.
const PLACE_HEADS: &[&str] = &[
    "Palace", "Hemisphere", "Square", "Street", "Avenue", "River", "Sea", "Ocean", "Gulf", "Island", "Islands",
    "Mountains", "Mountain", "Airport", "Hotel", "Province", "Region", "Valley", "Strait", "Canal", "Lake",
    "Desert", "Peninsula", "Bay", "Coast", "Hall", "Building", "Center", "Centre", "Stadium", "Bridge", "Port",
    "Field", "Oilfield", "Basin", "Heights", "Strip", "Bank", "City", "County", "District", "Park", "Castle",
    "Station", "Memorial", "Museum", "Monument", "Mausoleum", "Cemetery", "Cathedral", "Mosque", "Temple", "Shrine",
    "Factory", "Plant", "Terminal", "Base", "Tower", "Gardens", "Market", "Zone", "Harbour", "Harbor", "Dam",
];

/// Words naming events or documents, not actors.
const EVENT_WORDS: &[&str] = &[
    "Agreement", "Treaty", "Accord", "Pact", "Conference", "Summit", "War", "Day", "Games", "Act", "Law", "Plan",
    "Program", "Programme", "Initiative", "Round", "Talks", "Declaration", "Charter", "Protocol", "Convention",
    "Revolution", "Crisis", "Olympics", "Cup", "Prize", "Award", "Index", "Report", "Doctrine",
];

/// Lowercase words inside personal names ("Ursula von der Leyen", "Mohammed bin Salman",
/// "Ulisses Correia e Silva").
pub(crate) const PARTICLES: &[&str] = &[
    "de", "da", "do", "dos", "das", "del", "della", "di", "du", "van", "von", "der", "den", "ter", "bin", "ibn", "al",
    "el", "la", "le", "y", "e", "ben", "abu", "bint", "zu", "af", "op",
];

/// Whether a word is a regnal number ("VI", "III").
fn is_regnal_numeral(w: &str) -> bool {
    matches!(w, "II" | "III" | "IV" | "V" | "VI" | "VII" | "VIII" | "IX" | "X" | "XI" | "XII" | "XIII" | "XIV" | "XV" | "XVI")
}

/// Nouns after a demonym that stand for that country's government or side.
const COLLECTIVE: &[&str] = &[
    "officials", "government", "authorities", "side", "delegation", "leadership", "administration", "regime",
    "negotiators", "envoys", "forces", "military", "troops", "diplomats", "republic", "kingdom", "federation",
];

/// Whether a lowercased noun, in either number, stands for a country's side ("delegation",
/// "delegations").
fn collective(noun: &str) -> bool {
    COLLECTIVE.contains(&noun) || noun.strip_suffix('s').is_some_and(|n| COLLECTIVE.contains(&n))
}

const COUNTRY_NOUNS: &[&str] = &["country", "nation", "state", "republic", "kingdom", "emirate"];

/// Words after a country's name that make it a modifier of a market, not an actor of an event
/// ("the U.S. dollar", "Japan's stocks").
pub const MARKET_WORDS: &[&str] = &[
    "dollar", "dollars", "yen", "mark", "marks", "franc", "francs", "pound", "pounds", "lira", "peso", "pesos", "rupee",
    "rouble", "ruble", "yuan", "won", "currency", "stocks", "bonds", "bond", "shares", "treasuries",
];

fn org_kind(lex: &Lexicon, o: usize) -> Option<crate::lexicon::OrgKind> {
    lex.organizations.get(o).map(|x| x.kind)
}

/// Where the written name of lexicon organization `o`, matched up to token `e`, ends: a
/// company's legal suffix is part of it ("J.P. Morgan and Co. Inc.").
fn org_name_end(a: &Analyzed<'_>, lex: &Lexicon, o: usize, e: usize, sent_end: usize) -> usize {
    if org_kind(lex, o) == Some(crate::lexicon::OrgKind::Company) {
        company_suffix_end(a, e, sent_end)
    } else {
        e
    }
}

/// The token after a company name's legal suffix ("and Co", "Inc", "Corp", "Ltd"), or `e`.
fn company_suffix_end(a: &Analyzed<'_>, e: usize, sent_end: usize) -> usize {
    const SUFFIX: &[&str] = &["Co", "Inc", "Corp", "Ltd", "Plc", "PLC", "AG", "SA", "NV", "Co.", "Inc.", "Corp.", "Ltd."];
    let glued = |k: usize| a.tokens.get(k).zip(a.tokens.get(k.wrapping_sub(1))).is_some_and(|(t, p)| t.start == p.end);
    let mut k = e;
    let mut end = e;
    while k < sent_end {
        let w = a.tok(k);
        if matches!(w, "and" | "&") && matches!(a.tok(k + 1), "Co" | "Co.") && k + 1 < sent_end {
            k += 2;
        } else if SUFFIX.contains(&w) {
            k += 1;
        } else if w == "," && SUFFIX.contains(&a.tok(k + 1)) && k + 1 < sent_end {
            k += 2;
        } else if w == "." && glued(k) && k + 1 < sent_end && SUFFIX.contains(&a.tok(k + 1)) {
            k += 1;
            continue;
        } else {
            break;
        }
        end = k;
    }
    end
}

/// Nouns of meetings and pacts that a place or the names of their parties may modify ("the Paris
/// accord", "the Geneva talks", "the Reagan-Gorbachev summit").
const MEETING_OR_PACT_NOUNS: &[&str] = &[
    "accord", "accords", "agreement", "agreements", "pact", "treaty", "deal", "understanding", "summit", "talks",
    "conference", "meeting", "meetings", "negotiations", "declaration", "protocol", "convention", "round", "process",
    "plan", "communique", "ceasefire", "cease-fire", "truce", "armistice",
];

/// Prepositions and verbs that govern a name: "between Reagan and Prime Minister Nakasone"
/// joins two persons, where "and Posts and Telecommunications Minister" joins two title words.
const GOVERNING_PREPOSITIONS: &[&str] = &[
    "between", "with", "by", "from", "to", "for", "against", "among", "under", "of", "about", "on", "told", "met",
    "meet", "meets", "visited", "called", "urged", "thanked",
];

/// Party affiliations written before a person's title or name ("Republican Bill Frenzel").
const PARTY_WORDS: &[&str] = &[
    "Republican", "Democrat", "Democratic", "Socialist", "Conservative", "Liberal", "Communist", "Labour", "Labor",
    "Tory", "Gaullist", "Christian",
];

/// Head words of the government bodies a post belongs to, which end the body's name before
/// the post's title ("Foreign Ministry spokesman", "Commerce Department official").
const OWNER_BODY_HEADS: &[&str] = &["Ministry", "Department", "Agency", "Bureau", "Office", "Commission", "Secretariat"];

/// Lower-case nouns that a capitalised name before them makes the name of a thing, not of a
/// person ("an Agribusiness Education forum", "the Global Trade program").
/// The combining forms of nations' names that open adjective compounds ("Indo-Pacific",
/// "Sino-Japanese", "Russo-Ukrainian"), a closed class of English word formation.
const NATION_COMBINING_FORMS: &[&str] = &[
    "Indo", "Sino", "Russo", "Franco", "Anglo", "Afro", "Euro", "Turco", "Greco", "Italo", "Hispano", "Luso", "Nippo",
    "Judeo", "Austro", "Germano", "Americo", "Arabo", "Irano", "Serbo", "Czecho", "Polono", "Dano", "Swedo", "Fenno",
];

const NAMED_THING_NOUNS: &[&str] = &[
    "forum", "conference", "meeting", "meetings", "summit", "talks", "seminar", "symposium", "program",
    "programme", "project", "committee", "council", "institute", "school", "university", "foundation",
    "association", "round", "index", "system", "law", "act", "bill", "treaty", "accord", "agreement",
    "initiative", "scheme", "fund", "campaign", "festival", "award", "prize", "cup", "tournament",
    "consultation", "consultations", "session", "dialogue", "retreat", "commission", "declaration", "memorandum",
];

/// Lower-case nouns a city name modifies as a place, not as a government ("London interbank
/// rates", "Tokyo stock market", "the Bonn office").
const CITY_MODIFIED: &[&str] = &[
    "interbank", "stock", "stocks", "market", "markets", "exchange", "bullion", "gold", "metal", "metals", "futures",
    "commodity", "commodities", "trading", "dealers", "traders", "bankers", "brokers", "time", "office", "bureau",
    "correspondent", "area", "region", "residents", "branch", "airport", "port", "harbour", "harbor",
];

/// Verbs of speech that mark their subject as a speaker (and a person when name-shaped).
pub const SPEECH_VERBS: &[&str] = &[
    "said", "says", "told", "added", "stated", "declared", "announced", "stressed", "noted", "warned", "argued",
    "insisted", "explained", "asserted", "commented", "remarked", "replied", "urged", "affirmed", "emphasized",
    "emphasised", "underlined", "reportedly",
];

/// Prepositions before which a capital is a place, not its government ("in Tehran").
const LOCATIVE: &[&str] = &[
    "in", "at", "to", "from", "into", "near", "outside", "via", "toward", "towards", "around", "across", "through",
    "inside", "arrived", "arriving", "returned", "visited", "visiting", "visit", "reached", "left", "leaving", "of",
];

const NEWS_CUES: &[&str] = &["state-run", "state-owned", "broadcaster", "newspaper", "daily", "channel", "network", "outlet", "weekly", "magazine"];

fn is_cap_word(w: &str) -> bool {
    // "Bahrain-based", "U.S.-led": a modifier, not a name
    let lw = w.to_lowercase();
    if ["-based", "-led", "-backed", "-owned", "-run", "-born", "-controlled", "-sponsored"].iter().any(|x| lw.ends_with(x)) {
        return false;
    }
    let mut cs = w.chars();
    match cs.next() {
        Some(c) if c.is_uppercase() => {
            // all-caps words longer than one letter are acronyms or headline shouting, not names
            let rest: String = cs.collect();
            !(rest.chars().count() >= 1 && rest.chars().all(|c| c.is_uppercase() || !c.is_alphabetic()))
                || w.chars().count() == 1
        }
        _ => false,
    }
}

/// Initials written as one token: "H.W.", "L.P." (letters each followed by a full stop).
fn is_initials(w: &str) -> bool {
    let cs: Vec<char> = w.chars().collect();
    cs.len() >= 4 && cs.len() <= 6 && cs.chunks(2).all(|p| matches!(p, [l, '.'] if l.is_uppercase()))
}

/// Initials without full stops ("AK" in "Foreign Minister AK Abdul Momen"): two or three
/// capitals, which only a title before and a name after tell from an acronym.
fn is_bare_initials(w: &str) -> bool {
    (2..=3).contains(&w.chars().count()) && w.chars().all(|c| c.is_ascii_uppercase())
}

fn lower(w: &str) -> String {
    w.to_lowercase()
}

struct Span {
    start_tok: usize,
    end_tok: usize,
    what: SpanKind,
}

#[derive(Clone)]
enum SpanKind {
    Name(Vec<Hit>),
    Title(usize),
}

/// Finds every mention in `a`.
pub fn find_mentions(a: &Analyzed<'_>, lex: &Lexicon, year: Option<i32>) -> Vec<Mention> {
    let starts: HashSet<usize> = a.tokens.iter().map(|t| t.start).collect();
    let ends: HashSet<usize> = a.tokens.iter().map(|t| t.end).collect();
    let boundary = |s: usize, e: usize| starts.contains(&s) && ends.contains(&e);
    let tok_at: std::collections::HashMap<usize, usize> =
        a.tokens.iter().enumerate().map(|(i, t)| (t.start, i)).collect();
    let tok_end: std::collections::HashMap<usize, usize> =
        a.tokens.iter().enumerate().map(|(i, t)| (t.end, i + 1)).collect();

    // Lexicon names and titles, longest first, no overlaps; names win ties over titles.
    let mut raw: Vec<(usize, usize, SpanKind)> = Vec::new();
    // Match on the text with every run of white space made one space, so that names broken
    // across the lines of hard-wrapped wire copy are found; spans map back to the original.
    let (flat, back) = flatten_whitespace(a.text);
    let orig = |i: usize| back.get(i).copied().unwrap_or(a.text.len());
    let orig_end = |i: usize| if i == 0 { 0 } else { back.get(i - 1).map_or(a.text.len(), |&b| b + a.text[b..].chars().next().map_or(1, char::len_utf8)) };
    let flat_boundary = |s: usize, e: usize| boundary(orig(s), orig_end(e));
    for m in lex.find_names(&flat, flat_boundary) {
        raw.push((orig(m.start), orig_end(m.end), SpanKind::Name(date_hits(&m.hits, lex, year))));
    }
    for (s, e, t) in lex.find_titles(&flat, flat_boundary) {
        raw.push((orig(s), orig_end(e), SpanKind::Title(t)));
    }
    // An organization's name whose last words begin a longer title gives way to the title:
    // "U.S. Treasury Secretary James Baker" is the U.S. and a Treasury Secretary, not the
    // U.S. Treasury and a secretary. The shorter names inside it ("U.S.") are matched anyway.
    // A one-word alias at the end of a longer capitalised name is that name's head ("Christian
    // Democrats" are not the American party).
    let titles: Vec<(usize, usize)> = raw.iter().filter(|r| matches!(r.2, SpanKind::Title(_))).map(|r| (r.0, r.1)).collect();
    let sentence_starts: HashSet<usize> = a.sentences.iter().map(|x| x.tokens.start).collect();
    let spanned: Vec<(usize, usize)> = raw.iter().map(|r| (r.0, r.1)).collect();
    raw.retain(|(s, e, what)| {
        // a one-word title between a given name and a family name after a title is a name
        // word: titles come before a name, not inside it ("Foreign Minister Hosseen Amir
        // Abdollahian"), unlike the words of a title phrase ("Trade and Industry Secretary")
        if matches!(what, SpanKind::Title(_)) && a.text[*s..*e].chars().all(char::is_alphabetic) {
            let inside_name = tok_at.get(s).zip(tok_end.get(e)).is_some_and(|(&t, &end)| {
                t > 1
                    && end < a.tokens.len()
                    && is_cap_word(a.tok(t - 1))
                    && !lex.is_title_word(&lower(a.tok(t - 1)))
                    && is_cap_word(a.tok(end))
                    && a.gap_after(t - 1) == " "
                    && a.gap_after(t) == " "
                    && !spanned.iter().any(|&(x, y)| x <= a.tokens[t - 1].start && a.tokens[t - 1].start < y)
                    && titles.iter().any(|&(_, te)| te == a.tokens[t - 2].end)
            });
            if inside_name {
                return false;
            }
        }
        let org_only = matches!(what, SpanKind::Name(h) if !h.is_empty() && h.iter().all(|h| matches!(h, Hit::Org(_))));
        let gives_way_to_title = titles.iter().any(|&(ts, te)| *s < ts && ts < *e && *e < te);
        let one_word = a.text[*s..*e].chars().all(char::is_alphabetic);
        let head_of_longer_name = one_word
            && tok_at.get(s).is_some_and(|&t| t > 0 && is_cap_word(a.tok(t - 1)) && a.gap_after(t - 1) == " " && !sentence_starts.contains(&(t - 1)));
        // a city's name inside a longer capitalised name is part of that name ("Jose
        // Concepcion", "Chicago Bulls"): city names are common surnames and team names
        let city_only = matches!(what, SpanKind::Name(h) if h.iter().all(|h| *h == Hit::City));
        let in_longer_name = city_only && {
            let before = tok_at.get(s).is_some_and(|&t| t > 0 && is_cap_word(a.tok(t - 1)) && a.gap_after(t - 1) == " " && !sentence_starts.contains(&t) && !FUNCTION_CAPS.contains(&a.tok(t - 1)));
            let after = tok_end.get(e).is_some_and(|&t| t < a.tokens.len() && is_cap_word(a.tok(t)) && a.gap_after(t - 1) == " ");
            before || after
        };
        !(org_only && (gives_way_to_title || head_of_longer_name)) && !in_longer_name
    });
    raw.sort_by(|x, y| {
        x.0.cmp(&y.0)
            .then((y.1 - y.0).cmp(&(x.1 - x.0)))
            .then(matches!(x.2, SpanKind::Title(_)).cmp(&matches!(y.2, SpanKind::Title(_))))
    });
    let mut tags: Vec<Option<usize>> = vec![None; a.tokens.len()];
    let mut spans: Vec<Span> = Vec::new();
    let mut covered_to = 0;
    for (s, e, what) in raw {
        if s < covered_to {
            continue;
        }
        let (Some(&st), Some(&et)) = (tok_at.get(&s), tok_end.get(&e)) else { continue };
        covered_to = e;
        for t in tags.iter_mut().take(et).skip(st) {
            *t = Some(spans.len());
        }
        spans.push(Span { start_tok: st, end_tok: et, what });
    }

    let mut out = Vec::new();
    for sent in &a.sentences {
        if let Some(teams) = results_line(a, &tags, &spans, sent.tokens.clone()) {
            out.extend(teams);
            continue;
        }
        let mut i = sent.tokens.start;
        while i < sent.tokens.end {
            if let Some(si) = tags.get(i).copied().flatten() {
                let span = &spans[si];
                let next = span.end_tok.max(i + 1);
                match &span.what {
                    SpanKind::Name(hits) => {
                        let mut after = next;
                        if let Some(m) = name_mention(a, lex, &tags, &spans, span, hits, sent.tokens.clone(), year) {
                            after = after.max(m.tokens.end);
                            out.push(m);
                        }
                        i = after;
                    }
                    SpanKind::Title(t) => {
                        // a title may reach back over the country just before it ("the Deputy U.S.
                        // Trade Representative"): that mention does not bound it
                        let last_ends_here = |m: &&Mention| m.tokens.end == span.start_tok && matches!(m.cand, Cand::Country(_) | Cand::Demonym(_));
                        let covered = out
                            .iter()
                            .rev()
                            .find(|m| !last_ends_here(m))
                            .map_or(sent.tokens.start, |m: &Mention| m.tokens.end.max(sent.tokens.start));
                        let (mut ms, after) = title_mentions(a, lex, &tags, &spans, span, *t, covered, sent.tokens.clone());
                        // "Iranian Foreign Ministry spokesman Nasser Kanaani": a national body just
                        // before the title gives the post its country
                        let body_country = out.last().and_then(|m: &Mention| match &m.cand {
                            Cand::NewOrg { country: Some(c), government: true, .. } if m.tokens.end == span.start_tok => Some(*c),
                            _ => None,
                        });
                        if let Some(c) = body_country {
                            for m in &mut ms {
                                if let Cand::Person { of: of @ None, role: Some(_), .. } = &mut m.cand {
                                    *of = Some(Of::Country(c));
                                }
                            }
                        }
                        out.extend(ms);
                        i = after.max(next);
                    }
                }
                continue;
            }
            let w = a.tok(i);
            let lw = lower(w);
            if matches!(lw.as_str(), "he" | "she" | "his" | "her" | "him") {
                out.push(mk(a, i, i + 1, Cand::Pronoun));
                i += 1;
                continue;
            }
            if lw == "they" {
                out.push(mk(a, i, i + 1, Cand::TheyPair));
                i += 1;
                continue;
            }
            // "The company said it signed …": the story's company
            if lw == "the" && matches!(lower(a.tok(i + 1)).as_str(), "company" | "firm") && i + 1 < sent.tokens.end && !is_cap_word(a.tok(i + 2)) {
                out.push(mk(a, i, i + 2, Cand::TheCompany));
                i += 2;
                continue;
            }
            // "state oil company YPFB", "the Ministry of Posts and Telecommunications (MPT)"
            let acronym = a.tokens[i].kind == TokenKind::Word && (2..=6).contains(&w.chars().count()) && w.chars().all(|c| c.is_ascii_uppercase());
            if acronym {
                let prev = if i > sent.tokens.start { lower(a.tok(i - 1)) } else { String::new() };
                let after_org = prev == "(" && out.last().is_some_and(|m: &Mention| m.tokens.end + 1 == i && matches!(m.cand, Cand::Org(_) | Cand::NewOrg { .. }));
                if after_org {
                    if let Some(Mention { cand, .. }) = out.last().cloned() {
                        out.push(mk(a, i, i + 1, cand));
                    }
                    i += 1;
                    continue;
                }
                // "NEC Corp", "IBM Japan Ltd": an acronym opening a company's name
                let mut k = i + 1;
                while k < sent.tokens.end && tags.get(k).copied().flatten().is_none() && is_cap_word(a.tok(k)) && crate::text::same_line_run(a.gap_after(k - 1)) {
                    k += 1;
                }
                if k > i + 1 && ORG_HEADS.contains(&a.tok(k - 1)) {
                    let name = a.slice(a.tokens[i].start, a.tokens[k - 1].end).split_whitespace().collect::<Vec<_>>().join(" ");
                    let government = GOVERNMENT_HEADS.contains(&a.tok(k - 1));
                    out.push(mk(a, i, k, Cand::NewOrg { name, country: None, government, news: NEWS_HEADS.contains(&a.tok(k - 1)) }));
                    i = k;
                    continue;
                }
                if matches!(prev.as_str(), "company" | "agency" | "firm" | "group" | "party" | "corporation" | "utility" | "airline" | "carrier" | "concern" | "organisation" | "organization" | "union" | "network" | "broadcaster" | "daily" | "movement" | "front" | "state-run" | "state-owned" | "government-run" | "government-owned" | "state") {
                    out.push(mk(a, i, i + 1, Cand::NewOrg { name: w.to_owned(), country: None, government: false, news: false }));
                    i += 1;
                    continue;
                }
            }
            if lw == "the" {
                if let Some((ms, after)) = coordinated_holders(a, lex, &tags, &spans, i, sent.tokens.end) {
                    out.extend(ms);
                    i = after;
                    continue;
                }
            }
            if lw == "the" || lw == "both" || ((lw == "that" || lw == "this") && matches!(lower(a.tok(i + 1)).as_str(), "country" | "nation")) {
                if let Some((m, after)) = description(a, lex, &tags, &spans, i, sent.tokens.end) {
                    out.push(m);
                    i = after;
                    continue;
                }
            }
            // "Soviet-American", "Iran-Venezuela": a compound of countries names each of them
            if w.contains('-') && a.tokens[i].kind == TokenKind::Word {
                let parts: Vec<(usize, &str)> = {
                    let base = a.tokens[i].start;
                    let mut v = Vec::new();
                    let mut off = 0;
                    for part in w.split('-') {
                        v.push((base + off, part));
                        off += part.len() + 1;
                    }
                    v
                };
                // "the Seoul-Tokyo military pact", "Washington-Beijing ties": capitals joined
                // before an event or a relation stand for their governments
                let event_noun = MEETING_OR_PACT_NOUNS.contains(&lower(a.tok(i + 1)).as_str());
                let relation = (1..=2).any(|k| {
                    let n = lower(a.tok(i + k));
                    MEETING_OR_PACT_NOUNS.contains(&n.as_str()) || matches!(n.as_str(), "relations" | "ties" | "alliance" | "dialogue")
                });
                let countries: Vec<Option<usize>> = parts
                    .iter()
                    .map(|(_, p)| {
                        let hits = date_hits(lex.lookup(p), lex, year);
                        first_country(&hits).or_else(|| demonym_of(&hits)).or_else(|| if relation { capital_of(&hits) } else { None })
                    })
                    .collect();
                // "the Reagan-Gorbachev summit": the persons of a meeting or an accord, when the
                // article names them (resolve keeps only names it knows)
                if parts.len() == 2 && event_noun && countries.iter().all(Option::is_none) && parts.iter().all(|(_, p)| is_cap_word(p) && p.chars().count() >= 3) {
                    for (start, part) in &parts {
                        out.push(Mention { tokens: i..i + 1, start: *start, end: start + part.len(), cand: Cand::Person { name: (*part).to_owned(), role: None, of: None, cued: false } });
                    }
                    i += 1;
                    continue;
                }
                if parts.len() >= 2 && countries.iter().all(Option::is_some) {
                    for ((start, part), c) in parts.iter().zip(countries) {
                        if let Some(c) = c {
                            out.push(Mention { tokens: i..i + 1, start: *start, end: start + part.len(), cand: Cand::Collective(c) });
                        }
                    }
                    i += 1;
                    continue;
                }
            }
            if is_cap_word(w) || (lw.starts_with("al-") || lw.starts_with("el-")) && w.len() > 3 {
                let (end, ms) = name_chunk(a, lex, &tags, &spans, i, sent.tokens.start, sent.tokens.end, None);
                out.extend(ms);
                i = end.max(i + 1);
                continue;
            }
            i += 1;
        }
    }
    described_then_named(a, &mut out);
    organs_of_named_bodies(a, &mut out);
    short_family_names(a, &mut out);
    company_short_names(a, &mut out);
    // the names inside a dateline's credit ("MOSCOW (Some News / Sputnik) -") are its sources,
    // not the story's people
    if let Some(d) = &a.dateline {
        out.retain(|m| !(d.span.contains(&m.start) && matches!(m.cand, Cand::Person { cued: false, .. } | Cand::NewOrg { .. })));
    }
    out
}

/// Which tokens some mention covers, one flag per token.
fn covered_tokens(a: &Analyzed<'_>, out: &[Mention]) -> Vec<bool> {
    let mut covered = vec![false; a.tokens.len()];
    for m in out {
        for k in m.tokens.clone() {
            if let Some(c) = covered.get_mut(k) {
                *c = true;
            }
        }
    }
    covered
}

/// Words that open many companies' names and so name none alone ("American Motors Corp …
/// American said" is not sure to be it).
const GENERIC_COMPANY_WORDS: &[&str] = &[
    "American", "National", "General", "United", "International", "Federal", "Standard", "Continental", "Consolidated",
    "Allied", "Mutual", "Home", "Great", "Royal", "Pacific", "Atlantic", "Union", "Commercial", "Industrial", "Financial",
    "Capital", "Global", "Universal", "Southern", "Northern", "Central", "Eastern", "Western", "First", "New",
];

/// "ZIM Energy Corp said … merge with ZIM": a company named in full, by its legal form, is
/// then named by its first word. That word stands for it wherever it stands alone (not before
/// another name word) after the full name, unless it opens many companies' names
/// ([`GENERIC_COMPANY_WORDS`]). A one-word person or company reading there gives way to it
/// ("a Nissan spokeswoman" after "Nissan Motor Co Ltd").
///
/// # Complexity
/// Linear in the tokens and mentions.
fn company_short_names(a: &Analyzed<'_>, out: &mut Vec<Mention>) {
    let mut firsts: HashMap<&str, (String, Option<usize>, usize)> = HashMap::new();
    for m in out.iter() {
        let Cand::NewOrg { name, country, government: false, news: false } = &m.cand else { continue };
        let words: Vec<&str> = name.split_whitespace().collect();
        let (Some(first), Some(last)) = (words.first(), words.last()) else { continue };
        let usable = words.len() >= 2
            && LEGAL_FORMS.contains(last)
            && first.chars().count() >= 2
            && first.chars().next().is_some_and(char::is_uppercase)
            && first.chars().all(|c| c.is_alphanumeric() || c == '-')
            && !FUNCTION_CAPS.contains(first)
            && !NOT_NAME.contains(first)
            && !GENERIC_COMPANY_WORDS.contains(first);
        if usable {
            let word = a.text.get(m.start..m.end).and_then(|t| t.split_whitespace().next()).unwrap_or(first);
            firsts.entry(word).or_insert_with(|| (name.clone(), *country, m.start));
        }
    }
    if firsts.is_empty() {
        return;
    }
    // two companies opening with one word: the word names neither
    let shared: HashSet<&str> = out
        .iter()
        .filter_map(|m| match &m.cand {
            Cand::NewOrg { name, .. } => name.split_whitespace().next().filter(|first| firsts.get(first).is_some_and(|(n, _, _)| n != name)),
            _ => None,
        })
        .collect();
    firsts.retain(|w, _| !shared.contains(w));
    let starts: HashMap<usize, usize> = out.iter().enumerate().map(|(i, m)| (m.start, i)).collect();
    let covered = covered_tokens(a, out);
    let mut added = Vec::new();
    let mut replaced = Vec::new();
    for (k, t) in a.tokens.iter().enumerate() {
        let Some((name, country, after)) = firsts.get(a.tok(k)) else { continue };
        if t.kind != TokenKind::Word || t.start <= *after || is_cap_word(a.tok(k + 1)) && a.gap_after(k) == " " {
            continue;
        }
        let org = Cand::NewOrg { name: name.clone(), country: *country, government: false, news: false };
        match starts.get(&t.start) {
            Some(&i) if out[i].end == t.end && matches!(&out[i].cand, Cand::Person { cued: false, .. } | Cand::NewOrg { government: false, .. }) => replaced.push((i, org)),
            Some(_) => {}
            None if !covered.get(k).copied().unwrap_or(false) => {
                added.push(Mention { tokens: k..k + 1, start: t.start, end: t.end, cand: org });
            }
            None => {}
        }
    }
    for (i, org) in replaced {
        if let Some(m) = out.get_mut(i) {
            m.cand = org;
        }
    }
    if !added.is_empty() {
        out.extend(added);
        out.sort_by_key(|m| m.start);
    }
}

/// "Xi Jinping … Xi met Modi": a family name of two letters, written first, names the person
/// when the article gives it alone after the full name. Name shapes leave one capitalised word
/// of two letters alone (it is more often a word than a name); the full name earlier in the
/// article is the cue.
///
/// # Complexity
/// Linear in the tokens (one set of short family names, one pass).
fn short_family_names(a: &Analyzed<'_>, out: &mut Vec<Mention>) {
    let short = |w: &str| w.chars().count() == 2 && is_cap_word(w) && !FUNCTION_CAPS.contains(&w);
    // the full names that open with such a word, and where the first of them stands
    let full: Vec<(&str, usize)> = out
        .iter()
        .filter_map(|m| match &m.cand {
            Cand::Person { name, .. } => name.split_whitespace().nth(1).and(name.split_whitespace().next()).filter(|w| short(w)).map(|w| (w, m.start)),
            _ => None,
        })
        .collect();
    let Some(first_full) = full.iter().map(|&(_, start)| start).min() else { return };
    let family: HashSet<&str> = full.iter().map(|&(w, _)| w).collect();
    let covered = covered_tokens(a, out);
    let mut added = Vec::new();
    for (k, t) in a.tokens.iter().enumerate() {
        let w = a.tok(k);
        if t.kind != TokenKind::Word || t.start < first_full || !family.contains(w) || covered.get(k).copied().unwrap_or(false) {
            continue;
        }
        // a name word after it makes another full name, found or refused by the name shapes
        if a.tokens.get(k + 1).is_some_and(|_| is_cap_word(a.tok(k + 1)) && a.gap_after(k) == " ") {
            continue;
        }
        added.push(Mention { tokens: k..k + 1, start: t.start, end: t.end, cand: Cand::Person { name: w.to_owned(), role: None, of: None, cued: false } });
    }
    if !added.is_empty() {
        out.extend(added);
        out.sort_by_key(|m| m.start);
    }
}

/// "the Secretariat of the Andean Community", "the Commission of the African Union": a body
/// named only by its generic head is an organ of the organization or country after "of", and
/// the story's actor is that owner; the lone head word is no organization of its own.
fn organs_of_named_bodies(a: &Analyzed<'_>, out: &mut Vec<Mention>) {
    let owned = |m: &Mention| {
        let Cand::NewOrg { name, .. } = &m.cand else { return false };
        if !OWNER_BODY_HEADS.contains(&name.as_str()) || lower(a.tok(m.tokens.end)) != "of" {
            return false;
        }
        let mut k = m.tokens.end + 1;
        if lower(a.tok(k)) == "the" {
            k += 1;
        }
        out.iter().any(|o| o.tokens.start == k && matches!(o.cand, Cand::Org(_) | Cand::Country(_) | Cand::NewOrg { .. }))
    };
    let drop: Vec<bool> = out.iter().map(owned).collect();
    let mut drop = drop.into_iter();
    out.retain(|_| !drop.next().unwrap_or(false));
}

/// "Brazil's ambassador to China, Marcos Galvao, said": a post described before a comma and the
/// name it introduces is that person's title, as if written before the name ("Brazilian
/// Ambassador Marcos Galvao"); the description is no mention of its own. Only a name with no
/// title of its own, right after the comma (a place the post is "to" or "in" may stand between).
fn described_then_named(a: &Analyzed<'_>, out: &mut Vec<Mention>) {
    let mut drop = Vec::new();
    for d in 0..out.len() {
        let Cand::PersonDescription { country, role: Some(role), org } = &out[d].cand else { continue };
        if role == "Leader" || country.is_none() && org.is_none() {
            continue;
        }
        // "A, Acting Ambassador in Qatar, B, …": a description after a name's comma is that
        // name's apposition
        let start = out[d].tokens.start;
        if start > 0 && a.tok(start - 1) == "," && out.iter().any(|m| m.tokens.end + 1 == start && matches!(m.cand, Cand::Person { .. })) {
            continue;
        }
        let of = country.map(Of::Country).or(org.map(Of::Org));
        let role = role.clone();
        let mut end = out[d].tokens.end;
        let mut j = d + 1;
        // "ambassador to China": the place of the post, not its owner
        while let Some(m) = out.get(j) {
            let to = m.tokens.start == end + 1 && matches!(lower(a.tok(end)).as_str(), "to" | "in" | "at");
            if !(to && matches!(m.cand, Cand::Country(_) | Cand::Place { .. })) {
                break;
            }
            end = m.tokens.end;
            j += 1;
        }
        let Some(p) = out.get_mut(j) else { continue };
        if p.tokens.start != end + 1 || a.tok(end) != "," || a.tok(p.tokens.end) != "," {
            continue;
        }
        if let Cand::Person { role: r @ None, of: o @ None, cued, .. } = &mut p.cand {
            *r = Some(role);
            *o = of;
            *cued = true;
            drop.push(d);
        }
    }
    let mut k = 0;
    out.retain(|_| {
        k += 1;
        !drop.contains(&(k - 1))
    });
}

/// The text with each run of white space replaced by one space, and for every byte of it the
/// byte of the original it comes from.
fn flatten_whitespace(text: &str) -> (String, Vec<usize>) {
    let mut flat = String::with_capacity(text.len());
    let mut back = Vec::with_capacity(text.len());
    let mut in_space = false;
    for (i, c) in text.char_indices() {
        if c.is_whitespace() {
            if !in_space {
                flat.push(' ');
                back.push(i);
            }
            in_space = true;
        } else {
            in_space = false;
            flat.push(c);
            back.extend(std::iter::repeat_n(i, c.len_utf8()));
        }
    }
    (flat, back)
}

fn mk(a: &Analyzed<'_>, s: usize, e: usize, cand: Cand) -> Mention {
    let start = a.tokens.get(s).map_or(0, |t| t.start);
    let end = a.tokens.get(e.saturating_sub(1)).map_or(start, |t| t.end);
    Mention { tokens: s..e, start, end, cand }
}

fn first_country(hits: &[Hit]) -> Option<usize> {
    hits.iter().find_map(|h| match h {
        Hit::Country(c) | Hit::Epithet(c) => Some(*c),
        _ => None,
    })
}

fn demonym_of(hits: &[Hit]) -> Option<usize> {
    hits.iter().find_map(|h| if let Hit::Demonym(c) = h { Some(*c) } else { None })
}

fn capital_of(hits: &[Hit]) -> Option<usize> {
    hits.iter().find_map(|h| if let Hit::Capital(c) = h { Some(*c) } else { None })
}

/// Keeps, among the countries a shared capital may stand for (Moscow: the Soviet Union or
/// Russia), the one that existed in `year`: the historical state up to its last year, the
/// current one after it or when the year is unknown.
fn date_hits(hits: &[Hit], lex: &Lexicon, year: Option<i32>) -> Vec<Hit> {
    // "Germany" in 1987 is West Germany; "Moscow" in 1987 stands for the Soviet Union.
    let country_of = |h: &Hit| match h {
        Hit::Country(c) | Hit::Capital(c) | Hit::Demonym(c) | Hit::Epithet(c) => Some(*c),
        Hit::Org(_) | Hit::City => None,
    };
    let candidates: Vec<usize> = hits.iter().filter_map(country_of).collect();
    if candidates.len() < 2 {
        return hits.to_vec();
    }
    let until = |c: usize| lex.countries.get(c).and_then(|x| x.until);
    let keep = match year {
        Some(y) => candidates.iter().copied().filter(|&c| until(c).is_some_and(|u| u >= y)).min_by_key(|&c| until(c)),
        None => None,
    }
    .or_else(|| candidates.iter().copied().find(|&c| until(c).is_none()))
    .or_else(|| candidates.first().copied());
    hits.iter().filter(|h| country_of(h).is_none_or(|c| Some(c) == keep)).copied().collect()
}

fn org_of(hits: &[Hit]) -> Option<usize> {
    hits.iter().find_map(|h| if let Hit::Org(o) = h { Some(*o) } else { None })
}

#[allow(clippy::too_many_arguments)]
fn name_mention(
    a: &Analyzed<'_>,
    lex: &Lexicon,
    tags: &[Option<usize>],
    spans: &[Span],
    span: &Span,
    hits: &[Hit],
    sentence: Range<usize>,
    year: Option<i32>,
) -> Option<Mention> {
    let (sent_start, sent_end) = (sentence.start, sentence.end);
    let (s, e) = (span.start_tok, span.end_tok);
    let prev = if s > sent_start { lower(a.tok(s - 1)) } else { String::new() };
    let next = lower(a.tok(e));
    // "Jordan River", "Washington Post", "Japan Airlines": a country or capital name that opens
    // the name of a place or an organization is neither the country nor its government.
    if first_country(hits).or_else(|| capital_of(hits)).or_else(|| org_of(hits)).is_some() {
        let mut k = e;
        while k < sent_end && tags.get(k).copied().flatten().is_none() && is_cap_word(a.tok(k)) && crate::text::same_line_run(a.gap_after(k - 1)) {
            k += 1;
        }
        if k > e {
            let last = a.tok(k - 1);
            let name = a.slice(a.tokens[s].start, a.tokens[k - 1].end).split_whitespace().collect::<Vec<_>>().join(" ");
            let country = first_country(hits)
                .or_else(|| capital_of(hits))
                .or_else(|| org_of(hits).and_then(|o| lex.organizations.get(o)).and_then(|o| o.country));
            if ORG_HEADS.contains(&last) {
                let government = GOVERNMENT_HEADS.contains(&last);
                let news = NEWS_HEADS.contains(&last);
                return Some(mk(a, s, k, Cand::NewOrg { name, country, government, news }));
            }
            if PLACE_HEADS.contains(&last) {
                return Some(mk(a, s, k, Cand::Place { name, country }));
            }
        }
    }
    if let Some(o) = org_of(hits) {
        // "Chile's Senate", "the Chilean Senate": a national body's name after another country
        // names that country's body, not the lexicon's ("Senate" is the U.S. one)
        let theirs = lex.organizations.get(o).and_then(|x| x.country);
        let owner_at = |k: usize| {
            tags.get(k).copied().flatten().and_then(|ti| match &spans[ti].what {
                SpanKind::Name(h) if spans[ti].end_tok == k + 1 => first_country(h).or_else(|| demonym_of(h)),
                _ => None,
            })
        };
        let owner = if s >= sent_start + 2 && matches!(a.tok(s - 1), "'s" | "’s") {
            owner_at(s - 2)
        } else if s > sent_start {
            owner_at(s - 1)
        } else {
            None
        };
        if let (Some(c), Some(t)) = (owner, theirs) {
            if c != t && first_country(hits).is_none() {
                let name = a.slice(a.tokens[s].start, a.tokens[e - 1].end).to_owned();
                let government = org_kind(lex, o) == Some(crate::lexicon::OrgKind::Government);
                return Some(mk(a, s, e, Cand::NewOrg { name, country: Some(c), government, news: false }));
            }
        }
        if first_country(hits).is_none() {
            // "the Export-Import Bank of Japan" is not the American one: a lexicon body's name
            // followed by "of" and another country names that country's body
            if lower(a.tok(e)) == "of" {
                if let Some(ti) = tags.get(e + 1).copied().flatten() {
                    if let SpanKind::Name(h2) = &spans[ti].what {
                        let theirs = lex.organizations.get(o).and_then(|x| x.country);
                        if let Some(c) = first_country(h2).filter(|&c| spans[ti].start_tok == e + 1 && theirs.is_some_and(|t| t != c)) {
                            let end = spans[ti].end_tok;
                            let name = a.slice(a.tokens[s].start, a.tokens[end - 1].end).split_whitespace().collect::<Vec<_>>().join(" ");
                            let government = org_kind(lex, o) == Some(crate::lexicon::OrgKind::Government);
                            return Some(mk(a, s, end, Cand::NewOrg { name, country: Some(c), government, news: false }));
                        }
                    }
                }
            }
            return Some(mk(a, s, org_name_end(a, lex, o, e, sent_end), Cand::Org(o)));
        }
    }
    if let Some(c) = first_country(hits) {
        // "US$ 2 billion", "S$ 40 mln": a currency, not the country
        if a.tok(e) == "$" && a.tok(e + 1).starts_with(|ch: char| ch.is_ascii_digit()) {
            return None;
        }
        // "Latin America", "Central America": a region, not the country
        if s > sent_start && matches!(a.tok(s - 1), "Latin" | "North" | "South" | "Central" | "Southeast" | "Northeast") && a.gap_after(s - 1) == " " {
            let name = a.slice(a.tokens[s - 1].start, a.tokens[e - 1].end).to_owned();
            return Some(mk(a, s - 1, e, Cand::Place { name, country: None }));
        }
        return Some(mk(a, s, e, Cand::Country(c)));
    }
    if let Some(c) = capital_of(hits) {
        // "in Tehran" is a place; "Tehran said", "Caracas and Tehran share" stand for governments.
        let mut k = s;
        let mut before = prev.clone();
        // look through a coordination: "between Tehran and Caracas", "to Tehran and Caracas"
        if before == "and" && k >= sent_start + 2 {
            if let Some(pi) = tags.get(k - 2).copied().flatten() {
                let ps = &spans[pi];
                if ps.start_tok > sent_start {
                    k = ps.start_tok;
                    before = lower(a.tok(k - 1));
                }
            }
        }
        let name = a.slice(a.tokens[s].start, a.tokens[e - 1].end).to_owned();
        // "the Paris accord", "the Geneva talks": a capital naming where a pact or meeting was
        // made is that place, not a party to it
        let event_word = |k: usize| MEETING_OR_PACT_NOUNS.contains(&lower(a.tok(k)).as_str());
        let names_an_event = (e..(e + 3).min(a.tokens.len())).find(|&k| event_word(k)).is_some_and(|k| {
            (e..k).all(|j| !matches!(a.tok(j), "," | "." | ";") && !matches!(lower(a.tok(j)).as_str(), "and" | "said" | "signed" | "agreed"))
        });
        if names_an_event {
            return Some(mk(a, s, e, Cand::Place { name, country: Some(c) }));
        }
        if LOCATIVE.contains(&before.as_str()) || before == "between" {
            return Some(mk(a, s, e, Cand::Place { name, country: Some(c) }));
        }
        // "London interbank offered rates", "the Tokyo stock market": a city naming a market or
        // an office is the place
        if CITY_MODIFIED.contains(&next.as_str()) {
            return Some(mk(a, s, e, Cand::Place { name, country: Some(c) }));
        }
        return Some(mk(a, s, e, Cand::Country(c)));
    }
    if let Some(c) = demonym_of(hits) {
        // "U.S.-Japanese pact": the demonym joined to a country stands for its government
        let glued = s >= 2 && a.tok(s - 1) == "-" && a.gap_after(s - 2).is_empty() && a.gap_after(s - 1).is_empty()
            && tags.get(s - 2).copied().flatten().is_some_and(|t| matches!(&spans[t].what, SpanKind::Name(h) if first_country(h).is_some() || demonym_of(h).is_some()));
        if glued {
            return Some(mk(a, s, e, Cand::Collective(c)));
        }
        if collective(&next) {
            return Some(mk(a, s, e + 1, Cand::Collective(c)));
        }
        // "hosted his Turkish counterpart for talks": a counterpart left unnamed is the one
        // person of the story who holds the possessor's post there, else the country's side ("his
        // Turkish counterpart Hakan Fidan" is a person, read elsewhere)
        let unnamed = !is_cap_word(a.tok(e + 1)) && a.tok(e + 1) != ",";
        if crate::frame::Frames::shipped().words.counterpart_nouns.contains(&next.as_str()) && unnamed && s > 0 && matches!(lower(a.tok(s - 1)).as_str(), "his" | "her" | "their") {
            return Some(mk(a, s, e + 1, Cand::Holder { country: c, role: COUNTERPART.to_owned() }));
        }
        // "Iranian and American delegations", "Chinese, Russian and Iranian officials": a
        // demonym coordinated with other sides before their collective noun stands for its side
        let mut k = e;
        let mut coordinated = false;
        while k < sent_end && k < e + 12 {
            let w = lower(a.tok(k));
            if w == "and" || w == "," {
                coordinated = true;
                k += 1;
                continue;
            }
            match tags.get(k).copied().flatten().map(|t| &spans[t]) {
                Some(x) if matches!(&x.what, SpanKind::Name(h) if first_country(h).is_some() || demonym_of(h).is_some()) && x.end_tok > k => k = x.end_tok,
                _ => break,
            }
        }
        if coordinated && collective(&lower(a.tok(k))) {
            return Some(mk(a, s, e, Cand::Collective(c)));
        }
        if next == "capital" {
            let name = lex.countries.get(c).and_then(|x| x.capitals.first()).cloned().unwrap_or_default();
            return Some(mk(a, s, e + 1, Cand::Place { name, country: Some(c) }));
        }
        return Some(mk(a, s, e, Cand::Demonym(c)));
    }
    if hits.contains(&Hit::City) {
        // "Chicago", "Bavaria", "in Frankfurt": a place, in the state it belonged to then; a
        // longer capitalised name it opens is someone else's ("Chicago Bulls")
        let next_cap = e < sent_end && tags.get(e).copied().flatten().is_none() && is_cap_word(a.tok(e)) && crate::text::same_line_run(a.gap_after(e - 1));
        if next_cap {
            return None;
        }
        let name = a.slice(a.tokens[s].start, a.tokens[e - 1].end).to_owned();
        return Some(mk(a, s, e, Cand::Place { country: lex.place_country(&name, year), name }));
    }
    None
}

/// A title span: the person it introduces, or a description of one already introduced.
/// Returns the mentions and the token after what was consumed.
fn title_mentions(
    a: &Analyzed<'_>,
    lex: &Lexicon,
    tags: &[Option<usize>],
    spans: &[Span],
    span: &Span,
    title: usize,
    covered: usize,
    sentence: Range<usize>,
) -> (Vec<Mention>, usize) {
    let sent_end = sentence.end;
    let role = lex.titles.get(title).and_then(|t| t.role.clone());
    let (mut s, mut e) = (span.start_tok, span.end_tok);
    // The title phrase around the lexicon head: "Chief Cabinet Secretary", "Assistant treasury
    // secretary", "Under Secretary of Commerce", "Vice President for Latin America".
    let (ext_s, ext_e, of_object) = extend_title(a, lex, tags, spans, s, e, covered, sent_end);
    let extended = ext_s < s || ext_e > e;
    let has_complement = ext_e > e;
    let role = match (&role, extended) {
        (Some(_), true) => {
            // the role's words: the phrase without its owner ("vice minister of Japan" → "Vice Minister")
            let role_end = if of_object.is_some() { (e..ext_e).find(|&k| matches!(lower(a.tok(k)).as_str(), "of" | "for")).unwrap_or(ext_e) } else { ext_e };
            // owners inside the phrase before the head are not the role's ("Deputy U.S. Trade
            // Representative"); names in its complement are ("for Latin America")
            let words: Vec<&str> = (ext_s..role_end)
                .filter(|&k| k >= s || !tags.get(k).copied().flatten().is_some_and(|t| matches!(spans[t].what, SpanKind::Name(_))))
                .map(|k| a.tok(k))
                .collect();
            Some(normal_title(lex, &words.join(" ")))
        }
        _ => role,
    };
    // "former Japanese Foreign Minister Shintaro Abe" still names the post he held: the
    // annotation guidelines record every post an article attributes to a person.
    s = ext_s;
    e = ext_e;
    let surface = a.slice(a.tokens[s].start, a.tokens[e - 1].end);
    let capitalised = surface.chars().next().is_some_and(char::is_uppercase);
    // Who the post belongs to: the lexicon name just before ("Iranian", "Iran's", "World Bank").
    let mut of = None;
    let mut k = s;
    if k > 0 && matches!(a.tok(k - 1), "'s" | "’s" | "'S" | "’S") {
        k -= 1;
    }
    // (only inside the sentence: a headline ending in a country's name is not the owner of
    // the title that opens the next line)
    if k > sentence.start {
        if let Some(pi) = tags.get(k - 1).copied().flatten() {
            if let SpanKind::Name(h) = &spans[pi].what {
                of = org_of(h)
                    .filter(|_| first_country(h).is_none())
                    .map(Of::Org)
                    .or_else(|| first_country(h).map(Of::Country))
                    .or_else(|| demonym_of(h).map(Of::Country))
                    .or_else(|| capital_of(h).map(Of::Country));
            }
        }
    }
    if of.is_none() {
        of = of_object;
    }
    if of.is_none() {
        // an owner inside the phrase: "Deputy U.S. Trade Representative"
        of = (s..e).find_map(|k| match tags.get(k).copied().flatten().map(|t| &spans[t].what) {
            Some(SpanKind::Name(h)) => first_country(h).or_else(|| demonym_of(h)).map(Of::Country).or_else(|| org_of(h).map(Of::Org)),
            _ => None,
        });
    }
    if of.is_none() && !has_complement {
        // a title form only one government uses names it ("Secretary of State George Shultz");
        // with a complement it may be another's ("Secretary of State for Trade and Industry")
        of = lex.titles.get(title).and_then(|t| t.country).map(Of::Country);
    }
    // Honorifics and further titles may follow ("Supreme Leader Ayatollah Ali Khamenei").
    let mut role = role;
    loop {
        if let Some(ti) = tags.get(e).copied().flatten() {
            if let SpanKind::Title(t2) = spans[ti].what {
                if spans[ti].start_tok == e {
                    if role.is_none() {
                        role = lex.titles.get(t2).and_then(|t| t.role.clone());
                    }
                    e = spans[ti].end_tok;
                    continue;
                }
            }
        }
        if a.tok(e) == "." && a.tokens.get(e).map(|t| t.start) == a.tokens.get(e.wrapping_sub(1)).map(|t| t.end) {
            e += 1; // "Gen." "Mr."
            continue;
        }
        // the title's abbreviation in brackets: "External Affairs Minister (EAM) S. Jaishankar"
        let acronym = |w: &str| (2..=5).contains(&w.chars().count()) && w.chars().all(|c| c.is_ascii_uppercase());
        if a.tok(e) == "(" && acronym(a.tok(e + 1)) && a.tok(e + 2) == ")" && is_cap_word(a.tok(e + 3)) {
            e += 3;
            continue;
        }
        // where an envoy is posted: "Bangladesh Ambassador to Japan Shahabuddin Ahmed"
        let posted = matches!(role.as_deref(), Some("Ambassador" | "Envoy" | "Special Envoy" | "Representative"));
        if posted && a.tok(e) == "to" {
            if let Some(ti) = tags.get(e + 1).copied().flatten() {
                let place = matches!(&spans[ti].what, SpanKind::Name(h) if first_country(h).is_some() || org_of(h).is_some());
                if place && spans[ti].start_tok == e + 1 && is_cap_word(a.tok(spans[ti].end_tok)) && tags.get(spans[ti].end_tok).copied().flatten().is_none() {
                    e = spans[ti].end_tok;
                    continue;
                }
            }
        }
        break;
    }
    let mut out = Vec::new();
    // Apposition: "Iran's supreme leader, Ayatollah Ali Khamenei," → the name after the comma.
    let mut name_at = e;
    let definite = ext_det(a, s) == "the";
    let apposition = a.tok(e) == "," && (!capitalised || definite);
    if apposition {
        name_at = e + 1;
        while let Some(ti) = tags.get(name_at).copied().flatten() {
            match spans[ti].what {
                SpanKind::Title(_) if spans[ti].start_tok == name_at => name_at = spans[ti].end_tok,
                _ => break,
            }
        }
    }
    // An organization owning the post in the title's complement ("chairman of J.P. Morgan") is
    // mentioned there too, under the name the article gives it.
    let owner_org = match of_object {
        Some(Of::Org(o)) => (span.end_tok..e).find_map(|k| {
            let t = tags.get(k).copied().flatten()?;
            matches!(&spans[t].what, SpanKind::Name(h) if h.contains(&Hit::Org(o)) && spans[t].start_tok == k)
                .then(|| mk(a, spans[t].start_tok, org_name_end(a, lex, o, spans[t].end_tok, sent_end), Cand::Org(o)))
        }),
        _ => None,
    };
    let w = a.tok(name_at);
    let initials = is_bare_initials(w) && is_cap_word(a.tok(name_at + 1));
    if name_at < sent_end && tags.get(name_at).copied().flatten().is_none() && (is_cap_word(w) || initials) {
        let (mut end, ms) = name_chunk(a, lex, tags, spans, name_at, name_at, sent_end, Some((role.clone(), of)));
        if !ms.is_empty() {
            out.extend(owner_org);
            out.extend(ms);
            // a plural title ("Presidents Ruiz and Vera") introduces the name after "and" too
            let plural = e > 0 && a.tok(e - 1).ends_with('s') && !lower(a.tok(e - 1)).ends_with("ss");
            let next = end + 1;
            if plural && lower(a.tok(end)) == "and" && next < sent_end && tags.get(next).copied().flatten().is_none() && is_cap_word(a.tok(next)) {
                let (second_end, second) = name_chunk(a, lex, tags, spans, next, next, sent_end, Some((role.clone(), of)));
                if !second.is_empty() {
                    out.extend(second);
                    end = second_end;
                }
            }
            return (out, end);
        }
    }
    // Apposition after a name: "Raisi, Iran's president," is handled by resolve through the
    // description mention below; a bare title with "the" is a description of someone known.
    let det = if k > 0 { lower(a.tok(k - 1)) } else { String::new() };
    let country = match of {
        Some(Of::Country(c)) => Some(c),
        _ => None,
    };
    // "Funaro, who is finance minister": a relative clause gives a post too
    let relative = s >= 2 && matches!(lower(a.tok(s - 1)).as_str(), "is" | "was" | "remains") && lower(a.tok(s - 2)) == "who";
    // "the visiting Prime Minister", "the outgoing president": the one of the story's persons
    // who holds that post
    let described = det == "the" || k > 1 && matches!(det.as_str(), "visiting" | "outgoing" | "incoming" | "incumbent") && lower(a.tok(k - 2)) == "the";
    if role.is_some() && (described || of.is_some() || a.tok(s.wrapping_sub(1)) == "," || relative) {
        // the owner before the title belongs to the description ("Iran's president")
        let owner = if k > 0 { tags.get(k - 1).copied().flatten().filter(|&t| matches!(spans[t].what, SpanKind::Name(_))) } else { None };
        let from = match owner {
            Some(t) if of.is_some() => spans[t].start_tok,
            _ => s,
        };
        let org = match of {
            Some(Of::Org(o)) => Some(o),
            _ => None,
        };
        out.push(mk(a, from.min(s), e, Cand::PersonDescription { country, role, org }));
    }
    let e = owner_org.as_ref().map_or(e, |m| m.tokens.end.max(e));
    out.extend(owner_org);
    (out, e)
}

/// Lower-case words that may open a title phrase ("assistant treasury secretary").
const TITLE_MODIFIERS: &[&str] = &[
    "vice", "deputy", "assistant", "chief", "senior", "acting", "principal", "special", "under", "associate",
    "executive", "permanent", "junior", "state", "foreign", "finance", "trade", "treasury", "agriculture",
    "commerce", "defence", "defense", "interior", "energy", "oil", "economy", "industry", "labour", "labor",
    "economic", "economics", "planning", "health", "education", "justice", "transport", "communications",
    "information", "culture", "environment", "development", "cooperation", "petroleum", "mines", "mining",
    "fisheries", "forestry", "tourism", "housing", "science", "technology", "budget", "customs", "home",
];

/// Widens a lexicon title to the whole title phrase: modifiers before it (capitalised words,
/// or the lower-case ones of [`TITLE_MODIFIERS`], joined by "and"), and an "of"/"for"
/// complement after it. Returns the new token range and the country or organization an "of"
/// complement names ("President of the World Bank").
#[allow(clippy::too_many_arguments)]
fn extend_title(
    a: &Analyzed<'_>,
    lex: &Lexicon,
    tags: &[Option<usize>],
    spans: &[Span],
    s: usize,
    e: usize,
    covered: usize,
    sent_end: usize,
) -> (usize, usize, Option<Of>) {
    let modifier = |k: usize| {
        let w = a.tok(k);
        // "Under Secretary", but "serve under Foreign Minister Andreotti"
        if lower(w) == "under" && !lower(a.tok(k + 1)).starts_with("secretar") {
            return false;
        }
        // the body a post is in is not part of its title ("Finance Ministry State Secretary"),
        // nor is a party affiliation ("Democratic Sens. Patrick Moynihan")
        if OWNER_BODY_HEADS.contains(&w) || PARTY_WORDS.contains(&w) {
            return false;
        }
        tags.get(k).copied().flatten().is_none()
            && a.tokens.get(k).is_some_and(|t| t.kind == TokenKind::Word)
            && ((is_cap_word(w) && !FUNCTION_CAPS.contains(&w))
                || TITLE_MODIFIERS.contains(&lower(w).as_str())
                || (w.contains('-') && lower(w).split('-').all(|p| TITLE_MODIFIERS.contains(&p))))
    };
    // the word before "and" in "Posts and Telecommunications Minister", "Trade and Industry
    // Minister": a title word, or a capitalised word opening the phrase, never a name governed by
    // a preposition ("between Reagan and Prime Minister Nakasone")
    let joins_title = |k: usize| {
        let before = if k > 0 { a.tok(k - 1) } else { "" };
        TITLE_MODIFIERS.contains(&lower(a.tok(k)).as_str()) || !GOVERNING_PREPOSITIONS.contains(&before)
    };
    // the last word of a personal name: a capitalised word that is no title word, after
    // another such word that no lexicon name covers ("Ana Ruiz")
    let ends_a_name = |k: usize| {
        let plain = |x: usize| is_cap_word(a.tok(x)) && !lex.is_title_word(&lower(a.tok(x))) && tags.get(x).copied().flatten().is_none();
        k > 0 && plain(k) && plain(k - 1)
    };
    // "Zenith Holdings Inc chairman Ana Ruiz": a lower-case title takes no capitalised word that
    // is no title word; that is its owner's name
    let lower_head = a.tok(s).starts_with(|c: char| c.is_lowercase());
    // (a bare generic head stays the title's: "Party chief")
    let generic = |k: usize| ORG_HEADS.contains(&a.tok(k)) && !(k > 0 && is_cap_word(a.tok(k - 1)));
    let owner_name = |k: usize| lower_head && is_cap_word(a.tok(k)) && !lex.is_title_word(&lower(a.tok(k))) && !generic(k);
    let mut start = s;
    while start > covered && start > 0 {
        let k = start - 1;
        if owner_name(k) {
            break;
        }
        if modifier(k) {
            start = k;
        } else if matches!(a.tok(k), "and" | "&") && k > covered && modifier(k.wrapping_sub(1)) && joins_title(k - 1) && !ends_a_name(k - 1) {
            // "Trade and Industry Minister", not "Ana Ruiz and Trade Commissioner"
            start = k;
        } else {
            break;
        }
    }
    // never start a title with "and"
    while start < s && matches!(a.tok(start), "and" | "&") {
        start += 1;
    }
    // "the EC's external relations commissioner": lower-case words between an owner ("EC's",
    // "Chinese") and the title are the title's
    if start == s {
        let mut k = start;
        while k > covered && k > 0 && s - k < 3 {
            let w = a.tok(k - 1);
            let plain = tags.get(k - 1).copied().flatten().is_none()
                && a.tokens.get(k - 1).is_some_and(|t| t.kind == TokenKind::Word)
                && w.chars().all(|c| c.is_lowercase() || c == '-')
                && !matches!(w, "the" | "a" | "an" | "of" | "and" | "said" | "says" | "his" | "her" | "its" | "former");
            if !plain {
                break;
            }
            k -= 1;
        }
        let owner = k > 0
            && (matches!(a.tok(k - 1), "'s" | "’s")
                || tags.get(k - 1).copied().flatten().is_some_and(|t| matches!(&spans[t].what, SpanKind::Name(h) if demonym_of(h).is_some())));
        if owner && k < s {
            start = k;
        }
    }
    // "the Deputy U.S. Trade Representative": a rank before the owner is the title's too
    if start > 1 && tags.get(start - 1).copied().flatten().is_some_and(|t| matches!(&spans[t].what, SpanKind::Name(_))) {
        if let Some(t) = tags.get(start - 1).copied().flatten() {
            let before = spans[t].start_tok;
            if before > covered && before > 0 && matches!(a.tok(before - 1), "Deputy" | "Vice" | "Assistant" | "Acting" | "Under" | "Senior" | "Chief") {
                start = before - 1;
            }
        }
    }
    let mut end = e;
    let mut of = None;
    let prep = lower(a.tok(e));
    if (prep == "of" || prep == "for") && e + 1 < sent_end {
        let mut k = e + 1;
        if lower(a.tok(k)) == "the" {
            k += 1;
        }
        if let Some(ti) = tags.get(k).copied().flatten() {
            if let SpanKind::Name(h) = &spans[ti].what {
                if spans[ti].start_tok == k {
                    of = org_of(h).map(Of::Org).or_else(|| first_country(h).map(Of::Country));
                    if of.is_some() {
                        end = spans[ti].end_tok;
                    }
                    // "an official of Japan's Ministry of Finance": the body owns it
                    let after = spans[ti].end_tok;
                    if matches!(a.tok(after), "'s" | "’s") {
                        if let Some(oi) = tags.get(after + 1).copied().flatten() {
                            if let SpanKind::Name(oh) = &spans[oi].what {
                                if let Some(o) = org_of(oh).filter(|_| spans[oi].start_tok == after + 1) {
                                    of = Some(Of::Org(o));
                                    end = spans[oi].end_tok;
                                }
                            }
                        }
                    }
                }
            }
        } else {
            // the complement's capitalised words, lexicon names among them ("for Latin America"),
            // joined by "and" ("of Trade and Industry")
            let mut j = k;
            let mut last_and = None;
            while j < sent_end && (is_cap_word(a.tok(j)) && !FUNCTION_CAPS.contains(&a.tok(j)) || (a.tok(j) == "and" && j > k && is_cap_word(a.tok(j + 1)))) {
                if a.tok(j) == "and" {
                    last_and = Some(j);
                }
                j += 1;
            }
            let words = j - k;
            let next = a.tok(j);
            // "Secretary for Foreign Affairs Enrique Manalo": the portfolio ends at its last title
            // word; the capitalised words after it are a name
            let portfolio_end = (k..j).rev().find(|&x| lex.is_title_word(&lower(a.tok(x)))).map(|x| x + 1).filter(|&x| j >= x + 2);
            let body_head = (k..j.saturating_sub(1)).rev().find(|&x| ORG_HEADS.contains(&a.tok(x)));
            if let Some(and) = last_and.filter(|&x| j >= x + 4) {
                end = and + 2; // "Secretary of Trade and Industry Jose Concepcion"
            } else if let Some(h) = body_head {
                end = h + 1; // "Speaker of the Federal Council Ana Ruiz"
            } else if let Some(x) = portfolio_end.filter(|_| last_and.is_none()) {
                end = x;
            } else if words >= 1 && (matches!(next, "," | "." | ";" | ")") || j >= sent_end) {
                end = j; // "…, vice president for Latin America, said"
            } else if words >= 3 {
                end = k + 1; // "Under Secretary of Commerce Bruce Smart"
            }
        }
    }
    (start, end, of)
}

/// The normal form of a title phrase: a lexicon title when the whole phrase is one ("Minister of
/// Finance" → "Finance Minister"), otherwise the phrase in title case ("assistant treasury
/// secretary" → "Assistant Treasury Secretary").
fn normal_title(lex: &Lexicon, phrase: &str) -> String {
    let flat = phrase.split_whitespace().collect::<Vec<_>>().join(" ").replace(" .", ".");
    let found = lex.find_titles(&flat, |s, e| s == 0 && e == flat.len());
    if let Some((_, _, t)) = found.first() {
        if let Some(role) = lex.titles.get(*t).and_then(|t| t.role.clone()) {
            return role;
        }
    }
    flat.split(' ')
        .map(|w| {
            let lw = w.to_lowercase();
            if matches!(lw.as_str(), "of" | "for" | "and" | "the") {
                lw
            } else {
                lw.split('-').map(capitalise).collect::<Vec<_>>().join(if lw.starts_with("vice-") { " " } else { "-" })
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// The word before a title phrase, lower-cased.
fn ext_det(a: &Analyzed<'_>, s: usize) -> String {
    if s == 0 {
        String::new()
    } else {
        lower(a.tok(s - 1))
    }
}

fn capitalise(w: &str) -> String {
    let mut c = w.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}

/// Plural nouns of office after "the two" or "both" that name the story's two office holders.
const PERSON_PAIR_NOUNS: &[&str] = &[
    "leaders", "presidents", "premiers", "ministers", "prime ministers", "foreign ministers", "chancellors", "monarchs",
    "kings", "statesmen", "counterparts",
];

/// "the Chinese and Russian leaders", "the Azerbaijani and Armenian foreign ministers": several
/// nationalities joined before one plural title are the holders of that post in each country,
/// one description per nationality (each resolved as "the Chinese leader" would be).
fn coordinated_holders(a: &Analyzed<'_>, lex: &Lexicon, tags: &[Option<usize>], spans: &[Span], i: usize, sent_end: usize) -> Option<(Vec<Mention>, usize)> {
    let mut sides: Vec<(usize, usize, usize)> = Vec::new();
    let mut k = i + 1;
    let mut joined = false;
    while k < sent_end {
        let ti = tags.get(k).copied().flatten()?;
        let SpanKind::Name(h) = &spans[ti].what else { return None };
        let c = demonym_of(h).or_else(|| first_country(h))?;
        sides.push((k, spans[ti].end_tok, c));
        k = spans[ti].end_tok;
        if joined {
            break;
        }
        match a.tok(k) {
            "," => k += 1,
            "and" => {
                joined = true;
                k += 1;
            }
            _ => return None,
        }
    }
    if !joined || sides.len() < 2 {
        return None;
    }
    let (role, end) = plural_title(a, lex, k, sent_end)?;
    let last = sides.len() - 1;
    let out = sides
        .iter()
        .enumerate()
        .map(|(n, &(s, e, c))| mk(a, s, if n == last { end } else { e }, Cand::Holder { country: c, role: role.clone() }))
        .collect();
    Some((out, end))
}

/// A plural title of one to three lower-case words from token `k` ("leaders", "foreign
/// ministers", "prime ministers"): its role and the token after it.
fn plural_title(a: &Analyzed<'_>, lex: &Lexicon, k: usize, sent_end: usize) -> Option<(String, usize)> {
    (1..=3).rev().find_map(|n| {
        let words: Vec<String> = (k..k + n).map(|q| a.tok(q).to_owned()).collect();
        if k + n > sent_end || words.iter().any(|w| !w.chars().all(|c| c.is_lowercase() || c == '-')) {
            return None;
        }
        let last = words.last()?;
        let singular = last.strip_suffix("ies").map(|s| format!("{s}y")).or_else(|| last.strip_suffix('s').filter(|s| !s.ends_with('s')).map(str::to_owned))?;
        if singular == "leader" {
            return Some(("Leader".to_owned(), k + n));
        }
        let phrase = words[..n - 1].iter().map(String::as_str).chain(std::iter::once(singular.as_str())).collect::<Vec<_>>().join(" ");
        let found = lex.find_titles(&phrase, |s, e| s == 0 && e == phrase.len());
        let role = found.first().and_then(|(_, _, t)| lex.titles.get(*t)).and_then(|t| t.role.clone())?;
        Some((role, k + n))
    })
}

/// "the Iranian leader", "the North American country", "the two countries", "both nations".
fn description(
    a: &Analyzed<'_>,
    lex: &Lexicon,
    tags: &[Option<usize>],
    spans: &[Span],
    i: usize,
    sent_end: usize,
) -> Option<(Mention, usize)> {
    let w1 = lower(a.tok(i + 1));
    let w2 = lower(a.tok(i + 2));
    let first = lower(a.tok(i));
    if first == "both" && matches!(w1.as_str(), "countries" | "nations" | "governments" | "sides") {
        return Some((mk(a, i, i + 2, Cand::CountryPair), i + 2));
    }
    if first == "the" && w1 == "two" && matches!(w2.as_str(), "countries" | "nations" | "governments" | "sides") {
        return Some((mk(a, i, i + 3, Cand::CountryPair), i + 3));
    }
    // "The presidents may meet again", "The leaders agreed to meet": a definite plural of
    // a post opening a sentence points back to the pair of the story, as "the two leaders"
    // does ("the presidents of the member states" is a group of its own)
    let plural = PERSON_PAIR_NOUNS.contains(&w1.as_str()) && w1 != "counterparts";
    if a.tok(i) == "The" && plural && !matches!(w2.as_str(), "of" | "from" | "who" | "in" | "at") {
        return Some((mk(a, i, i + 2, Cand::PersonPair), i + 2));
    }
    // "the two leaders", "both presidents", "the two heads of state"
    let pair_from = match (first.as_str(), w1.as_str()) {
        ("the", "two") => Some(i + 2),
        ("both", _) => Some(i + 1),
        _ => None,
    };
    if let Some(k) = pair_from {
        let noun = lower(a.tok(k));
        let of_state = noun == "heads" && lower(a.tok(k + 1)) == "of" && matches!(lower(a.tok(k + 2)).as_str(), "state" | "government");
        if of_state {
            return Some((mk(a, i, k + 3, Cand::PersonPair), k + 3));
        }
        if PERSON_PAIR_NOUNS.contains(&noun.as_str()) {
            return Some((mk(a, i, k + 1, Cand::PersonPair), k + 1));
        }
        let two_words = format!("{noun} {}", lower(a.tok(k + 1)));
        if PERSON_PAIR_NOUNS.contains(&two_words.as_str()) {
            return Some((mk(a, i, k + 2, Cand::PersonPair), k + 2));
        }
    }
    // "when he visits that country": a demonstrative points back like "the"
    if matches!(first.as_str(), "that" | "this") && matches!(w1.as_str(), "country" | "nation") {
        let all: Vec<usize> = (0..lex.countries.len()).collect();
        return Some((mk(a, i, i + 2, Cand::CountryDescription(all)), i + 2));
    }
    if first != "the" {
        return None;
    }
    // the <Demonym>? leader
    let mut k = i + 1;
    let mut country = None;
    if let Some(ti) = tags.get(k).copied().flatten() {
        if let SpanKind::Name(h) = &spans[ti].what {
            // "the Russian leader", and "the Kenya leader" with the country's name as modifier
            let named = h.iter().find_map(|x| if let Hit::Country(c) = x { Some(*c) } else { None });
            if let Some(c) = demonym_of(h).or(named) {
                country = Some(c);
                k = spans[ti].end_tok;
            }
        }
    }
    if matches!(lower(a.tok(k)).as_str(), "leader" | "head" | "strongman" | "monarch") && k < sent_end {
        if !is_cap_word(a.tok(k + 1)) {
            // "the Russian leader" is whoever holds a leader's post of the story, not its spokesman
            return Some((mk(a, i, k + 1, Cand::PersonDescription { country, role: Some("Leader".to_owned()), org: None }), k + 1));
        }
    }
    // "the country", "the nation": the country the story is about (resolved to the latest one)
    if matches!(w1.as_str(), "country" | "nation") && i + 1 < sent_end && !matches!(w2.as_str(), "club" | "music" | "side") {
        let all: Vec<usize> = (0..lex.countries.len()).collect();
        return Some((mk(a, i, i + 2, Cand::CountryDescription(all)), i + 2));
    }
    // the <Region adjective> country|nation|state
    for len in 1..=3 {
        let noun = lower(a.tok(i + 1 + len));
        if COUNTRY_NOUNS.contains(&noun.as_str()) && i + 1 + len < sent_end {
            let s = a.tokens.get(i + 1)?.start;
            let e = a.tokens.get(i + len)?.end;
            let region = a.slice(s, e);
            let countries = lex.region(region);
            // "the Central African Republic" is a country's name, not a description
            let whole = a.slice(s, a.tokens.get(i + 1 + len).map_or(e, |t| t.end));
            let named = lex.lookup(whole).iter().any(|h| matches!(h, Hit::Country(_)));
            if !countries.is_empty() && !named {
                return Some((mk(a, i, i + 2 + len, Cand::CountryDescription(countries.to_vec())), i + 2 + len));
            }
        }
    }
    None
}

/// A run of capitalised words starting at `i`, classified as a person, organization or place.
/// `title` carries the role (and its owner) of a title just before the run.
#[allow(clippy::too_many_arguments)]
fn name_chunk(
    a: &Analyzed<'_>,
    lex: &Lexicon,
    tags: &[Option<usize>],
    spans: &[Span],
    i: usize,
    sent_start: usize,
    sent_end: usize,
    title: Option<(Option<String>, Option<Of>)>,
) -> (usize, Vec<Mention>) {
    // Sentence-initial function words, months and days open no name ("According", "During").
    let mut j = i;
    while j < sent_end && tags[j].is_none() && FUNCTION_CAPS.contains(&a.tok(j)) && title.is_none() {
        j += 1;
    }
    if j > i {
        return (j, Vec::new());
    }
    let mut end = j;
    while end < sent_end && tags[end].is_none() {
        let w = a.tok(end);
        let lw = lower(w);
        let word = a.tokens[end].kind == TokenKind::Word;
        if word && is_cap_word(w) && !FUNCTION_CAPS.contains(&w) {
            end += 1;
            // "People's Bank", "the People's Consultative Assembly": a name's own possessive
            if w == "People" && matches!(a.tok(end), "'s" | "’s") && is_cap_word(a.tok(end + 1)) && tags.get(end + 1).copied().flatten().is_none() {
                end += 1;
            }
            // a middle initial: "Clifford J. Smith"
            if w.chars().count() == 1 && a.tok(end) == "." && a.gap_after(end - 1).is_empty() && is_cap_word(a.tok(end + 1)) {
                end += 1;
            }
        } else if end == j && title.is_some() && is_bare_initials(w) && is_cap_word(a.tok(end + 1)) && tags.get(end + 1).copied().flatten().is_none() {
            // initials without full stops after a title: "Foreign Minister AK Abdul Momen"
            end += 1;
        } else if end > j && is_initials(w) && is_cap_word(a.tok(end + 1)) && tags.get(end + 1).copied().flatten().is_none() {
            // middle initials written as one word: "George H.W. Bush", "Retno L.P. Marsudi"
            end += 1;
        } else if word && end > j && matches!(w, "Jr" | "Sr") && a.tok(end + 1) == "." {
            // a generational suffix ends the name: "John F. Kennedy Jr."
            end += 1;
            break;
        } else if word && (lw.starts_with("al-") || lw.starts_with("el-")) && w.len() > 3 && end > j {
            end += 1;
        } else if word && PARTICLES.contains(&lw.as_str()) && end > j {
            // "bin", "van", "e", and runs of them: "Ursula von der Leyen", "Correia e Silva"
            let mut k = end;
            while k < end + 2 && PARTICLES.contains(&lower(a.tok(k)).as_str()) && a.gap_after(k).len() == 1 {
                k += 1;
            }
            if k > end && is_cap_word(a.tok(k)) && tags.get(k).copied().flatten().is_none() {
                end = k;
            } else {
                break;
            }
        } else if word && end > j && is_regnal_numeral(w) {
            // "Mohammed VI", "Charles III": a regnal number is part of the name
            end += 1;
        } else {
            break;
        }
        // names do not run across a paragraph break
        if a.gap_after(end - 1).contains('\n') && a.gap_after(end - 1).trim_start_matches([' ', '\t']).len() > 1 {
            break;
        }
    }
    if end == j {
        return (j + 1, Vec::new());
    }
    // "Christian Democratic Party", "Social Democratic Party": capitalised words before a
    // known party's name make another party's name
    if title.is_none() && end > j {
        if let Some(t) = tags.get(end).copied().flatten() {
            let span = &spans[t];
            let party = matches!(&span.what, SpanKind::Name(h) if org_of(h).is_some()) && span.start_tok == end && a.tok(span.end_tok - 1) == "Party";
            if party && crate::text::same_line_run(a.gap_after(end - 1)) {
                let name = a.slice(a.tokens[j].start, a.tokens[span.end_tok - 1].end).split_whitespace().collect::<Vec<_>>().join(" ");
                return (span.end_tok, vec![mk(a, j, span.end_tok, Cand::NewOrg { name, country: None, government: false, news: false })]);
            }
        }
    }
    // capitalised words before a title are the title's ("Chief Cabinet Secretary", "Posts and
    // Telecommunications Minister", "Assistant treasury secretary"), but a name governed by a
    // preposition and joined by "and" is a name ("between Reagan and Prime Minister Nakasone")
    let before_chunk = if j > sent_start { a.tok(j - 1) } else { "" };
    // ... and so is a personal name's shape, two or more words none of which a title has
    // ("his counterpart Mauro Vieira and President Lula")
    let name_shaped = end >= j + 2 && (j..end).all(|x| !lex.is_title_word(&lower(a.tok(x))));
    let name_then_and = matches!(a.tok(end), "and" | "&")
        && !TITLE_MODIFIERS.contains(&lower(a.tok(end - 1)).as_str())
        && (GOVERNING_PREPOSITIONS.contains(&before_chunk) || name_shaped);
    if title.is_none() && !name_then_and {
        let mut k = end;
        while k < sent_end
            && tags.get(k).copied().flatten().is_none()
            && (matches!(a.tok(k), "and" | "&") || is_cap_word(a.tok(k)) || TITLE_MODIFIERS.contains(&lower(a.tok(k)).as_str()))
        {
            k += 1;
        }
        // ... unless they name the body the post is in: "Finance Ministry State Secretary Hans
        // Tietmeyer", "Foreign Ministry spokesman"
        let body = k == end && OWNER_BODY_HEADS.contains(&a.tok(k - 1));
        // ("Zenith Holdings Inc chairman Ana Ruiz": a lower-case title after words that are no
        // title words leaves them a name of their own, the post's owner)
        let generic = end == j + 1 && (ORG_HEADS.contains(&a.tok(j)) || PARTY_WORDS.contains(&a.tok(j)));
        let owner = k == end && !generic && a.tok(k).starts_with(|c: char| c.is_lowercase()) && (j..end).all(|x| !lex.is_title_word(&lower(a.tok(x))));
        if !body && !owner && tags.get(k).copied().flatten().is_some_and(|t| matches!(spans[t].what, SpanKind::Title(_)) && spans[t].start_tok == k) {
            return (k, Vec::new());
        }
    }
    // "Ministry of Finance", "Department of Trade and Industry", "Cable and Wireless Plc",
    // "Organisation for Economic Cooperation and Development": connectors inside an
    // organization's name, kept when the longer name starts or ends like an organization.
    // ("Bob Bannon of Security Pacific National Bank" is a person of a bank: "of" joins only
    // after an organization's head word)
    let head_before_of = ORG_HEADS.contains(&a.tok(end - 1)) || matches!(a.tok(j), "Ministry" | "Department" | "Bank" | "Organisation" | "Organization" | "Office" | "Bureau" | "Council" | "Commission" | "Institute" | "Federation" | "Confederation" | "Association" | "League" | "Union" | "Chamber" | "House");
    let mut org_by_head = false;
    if title.is_none() {
        let mut k = end;
        // a company's legal form ends its name: "X Corp and Y Ltd" are two
        while matches!(a.tok(k), "of" | "for" | "and" | "&") && k + 1 < sent_end && (head_before_of || matches!(a.tok(k), "and" | "&")) && !(a.tok(k) == "and" && LEGAL_FORMS.contains(&a.tok(k - 1))) {
            let mut m = k + 1;
            while m < sent_end && tags.get(m).copied().flatten().is_none() && is_cap_word(a.tok(m)) && !FUNCTION_CAPS.contains(&a.tok(m)) {
                m += 1;
            }
            if m == k + 1 {
                break;
            }
            k = m;
        }
        if k > end {
            let first = a.tok(j);
            let last = a.tok(k - 1);
            // ("Caribbean Group for Cooperation and Development": the head before "for" says it)
            let head_then_connector = ORG_HEADS.contains(&a.tok(end - 1)) && matches!(a.tok(end), "of" | "for");
            if ORG_HEADS.contains(&first) || ORG_HEADS.contains(&last) || head_then_connector || matches!(first, "Organisation" | "Organization" | "House" | "Chamber") {
                end = k;
                org_by_head |= head_then_connector;
            }
        }
    }
    let words: Vec<&str> = (j..end).map(|t| a.tok(t)).collect();
    // a name broken across the lines of hard-wrapped text is still one name
    let name = a.slice(a.tokens[j].start, a.tokens[end - 1].end).split_whitespace().collect::<Vec<_>>().join(" ");
    let last = *words.last().unwrap_or(&"");
    let prev = if j > sent_start { lower(a.tok(j - 1)) } else { String::new() };
    let next_word = lower(a.tok(end));

    // Who it belongs to: a demonym or "Iran's" just before.
    let mut country = None;
    let mut from = j;
    let mut k = j;
    if k > sent_start && matches!(a.tok(k - 1), "'s" | "’s") {
        k -= 1;
    }
    if k > sent_start {
        if let Some(pi) = tags.get(k - 1).copied().flatten() {
            if let SpanKind::Name(h) = &spans[pi].what {
                if let Some(c) = demonym_of(h).or_else(|| first_country(h)) {
                    country = Some(c);
                    from = spans[pi].start_tok;
                }
            }
        }
    }

    if EVENT_WORDS.iter().any(|e| words.contains(e)) {
        return (end, Vec::new());
    }
    let org_first = matches!(words.first().copied(), Some("Ministry" | "Department" | "Organisation" | "Organization" | "Office" | "Bureau" | "Council" | "Commission" | "Institute" | "Federation" | "Confederation" | "Association" | "League" | "Union" | "Bank" | "Chamber"))
        && words.len() >= 3;
    if EVENT_NAME_HEADS.contains(&last) && title.is_none() {
        return (end, Vec::new());
    }
    if (ORG_HEADS.contains(&last) || org_first || org_by_head) && title.is_none() {
        // "the National Radio Company of Uzbekistan": the country after "of" ends the name
        if a.tok(end) == "of" && !org_first && !org_by_head {
            if let Some(t) = tags.get(end + 1).copied().flatten() {
                if let SpanKind::Name(h) = &spans[t].what {
                    if let (Some(c), true) = (first_country(h), spans[t].start_tok == end + 1) {
                        let stop = spans[t].end_tok;
                        let full = a.slice(a.tokens[j].start, a.tokens[stop - 1].end).split_whitespace().collect::<Vec<_>>().join(" ");
                        let government = GOVERNMENT_HEADS.contains(&last);
                        return (stop, vec![mk(a, j, stop, Cand::NewOrg { name: full, country: Some(c), government, news: false })]);
                    }
                }
            }
        }
        let government = GOVERNMENT_HEADS.contains(&last) || words.first().is_some_and(|w| GOVERNMENT_HEADS.contains(w));
        let full = if country.is_some() && from < j {
            a.slice(a.tokens[from].start, a.tokens[end - 1].end).replace("’s", "'s").replace(" 's", "'s")
        } else {
            name.clone()
        };
        let (s, label) = if from < j && demonym_of_tag(tags, spans, from) { (from, full) } else { (j, name.clone()) };
        let news = NEWS_HEADS.contains(&last) || words.contains(&"News");
        return (end, vec![mk(a, s, end, Cand::NewOrg { name: label, country, government, news })]);
    }
    if PLACE_HEADS.contains(&last) && title.is_none() {
        return (end, vec![mk(a, j, end, Cand::Place { name, country })]);
    }
    // "in Punta del Este", "at Camp David": a name after a locative preposition is a place
    if title.is_none() && matches!(prev.as_str(), "in" | "at" | "near") && !SPEECH_VERBS.contains(&next_word.as_str()) && !(words.len() == 1 && crate::time::is_day_or_month(&lower(words[0]))) {
        return (end, vec![mk(a, j, end, Cand::Place { name, country })]);
    }
    if NEWS_CUES.contains(&prev.as_str()) || (prev == "agency" || next_word == "news") && title.is_none() {
        return (end, vec![mk(a, j, end, Cand::NewOrg { name, country, government: false, news: true })]);
    }
    if words.iter().any(|w| NOT_NAME.contains(w) || FUNCTION_CAPS.contains(w)) {
        return (end, Vec::new());
    }
    // "Foreign Minister Arrives in Oman": a headline's verb after a title is no name
    let verb_form = |w: &str| {
        crate::frame::Frames::shipped().verb(&lower(w)).iter().any(|(_, f)| matches!(f, crate::frame::Form::Third | crate::frame::Form::Past | crate::frame::Form::Gerund))
    };
    if words.len() == 1 && verb_form(words[0]) {
        return (end, Vec::new());
    }
    // "Indo-Lanka", "Sino-Russian", "Afro-Asian": a compound of nations' combining forms is an
    // adjective, never part of a person's name
    if words.iter().any(|w| w.split_once('-').is_some_and(|(first, _)| NATION_COMBINING_FORMS.contains(&first))) {
        return (end, Vec::new());
    }
    let honorific_before = j > sent_start && tags[j - 1].is_some_and(|t| matches!(spans[t].what, SpanKind::Title(_)));
    let speech_after = SPEECH_VERBS.contains(&next_word.as_str())
        || (next_word == "," && SPEECH_VERBS.contains(&lower(a.tok(end + 1)).as_str()));
    let cued = title.is_some() || honorific_before || speech_after;
    // a person's name takes no article: "received at the Casa Rosada", "the Sungai Kolok Bridge
    // Project" name a place or a thing; after "at/in the" it is where something happens
    // nor does it end in a thing's noun ("Harbour Project", "Unity Forum")
    if !cued && NAMED_THING_NOUNS.contains(&lower(last).as_str()) {
        return (end, Vec::new());
    }
    if !cued && prev == "the" {
        let prev2 = if j > sent_start + 1 { lower(a.tok(j - 2)) } else { String::new() };
        return (end, if matches!(prev2.as_str(), "in" | "at" | "near") { vec![mk(a, j, end, Cand::Place { name, country })] } else { Vec::new() });
    }
    // "May", "June", "August" alone are months unless a title or a speech verb says otherwise
    if words.len() == 1 && !cued && (words[0].chars().count() < 3 || matches!(words[0], "May" | "June" | "August" | "March" | "April")) {
        return (end, Vec::new());
    }
    // "Representative Council": a title word before a body's head names no person
    if title.is_some() && ORG_HEADS.contains(&last) {
        return (end, Vec::new());
    }
    // "Mohammed bin Rashid Al Maktoum": particles do not count toward a name's length, nor do
    // initials and generational suffixes ("John F. Kennedy Jr.")
    let counted = |w: &&str| !PARTICLES.contains(&lower(w).as_str()) && *w != "." && w.chars().count() > 1 && !is_initials(w) && !matches!(*w, "Jr" | "Sr");
    if words.iter().filter(|w| counted(w)).count() > 4 {
        return (end, Vec::new());
    }
    // "an Agribusiness Education forum", "the Louvre Accord talks": a capitalised name that
    // modifies a noun naming an institution or an event is not a person's, unless a cue says so
    if !cued && words.len() >= 2 && NAMED_THING_NOUNS.contains(&next_word.as_str()) {
        return (end, Vec::new());
    }
    let (role, of) = title.unwrap_or((None, None));
    // "toured San Telmo, one of the oldest mission towns of the coast", "Puerto Alba, a port
    // city": an apposition that calls the name a place
    if !cued && a.tok(end) == "," && described_as_place(a, end + 1, sent_end) {
        return (end, vec![mk(a, j, end, Cand::Place { name, country })]);
    }
    // "Republican Bill Frenzel": a party affiliation before a name is not part of it
    if words.len() >= 3 && PARTY_WORDS.contains(&words[0]) {
        let rest = a.slice(a.tokens[j + 1].start, a.tokens[end - 1].end).split_whitespace().collect::<Vec<_>>().join(" ");
        return (end, vec![mk(a, j + 1, end, Cand::Person { name: rest, role, of, cued })]);
    }
    (end, vec![mk(a, j, end, Cand::Person { name, role, of, cued })])
}

/// Nouns that an apposition uses to call a name a place.
const PLACE_APPOSITION_NOUNS: &[&str] = &[
    "city", "cities", "town", "towns", "village", "villages", "site", "sites", "port", "ports", "capital", "province",
    "region", "island", "islands", "district", "resort", "temple", "shrine", "monastery", "oasis", "valley", "county",
];

/// Whether the words from token `k` describe what comes before the comma as a place: "a port
/// city", "one of the oldest mission towns", "the ancient city" (a short noun phrase
/// with a place noun among its own words, before any complement).
fn described_as_place(a: &Analyzed<'_>, k: usize, sent_end: usize) -> bool {
    let mut q = k;
    if lower(a.tok(q)) == "one" && lower(a.tok(q + 1)) == "of" {
        q += 2;
    }
    if !matches!(lower(a.tok(q)).as_str(), "a" | "an" | "the") {
        return false;
    }
    // (the phrase's own words, not those of a complement: "a former mayor of the city")
    (q + 1..(q + 7).min(sent_end))
        .take_while(|&x| a.tok(x).chars().all(|c| c.is_alphabetic() || c == '-') && !matches!(lower(a.tok(x)).as_str(), "of" | "in" | "on" | "for" | "with" | "and" | "who" | "which"))
        .any(|x| PLACE_APPOSITION_NOUNS.contains(&lower(a.tok(x)).as_str()))
}

/// A line of sports results or standings ("Leeds 1 Chelsea 2", "CSKA Moscow 3 2 1 0 7 3 7"):
/// names and scores only. Its names are teams, organizations even when they are cities ("Leeds")
/// or end in one ("Partizan Belgrade"); a country's name is its national side, still the country.
fn results_line(a: &Analyzed<'_>, tags: &[Option<usize>], spans: &[Span], toks: std::ops::Range<usize>) -> Option<Vec<Mention>> {
    let numbers = toks.clone().filter(|&t| a.tokens[t].kind == TokenKind::Number).count();
    let lowercase = toks.clone().filter(|&t| a.tokens[t].kind == TokenKind::Word && a.tok(t).chars().next().is_some_and(char::is_lowercase)).count();
    let name_like = |w: &str| is_cap_word(w) || w.chars().count() >= 2 && w.chars().all(|c| c.is_uppercase() || c == '-' || c == '.');
    let score_after_name = toks.clone().any(|t| t > toks.start && a.tokens[t].kind == TokenKind::Number && a.tokens[t - 1].kind == TokenKind::Word && name_like(a.tok(t - 1)));
    if numbers < 2 || lowercase > 0 || !score_after_name || toks.len() > 24 {
        return None;
    }
    let mut out = Vec::new();
    let mut t = toks.start;
    while t < toks.end {
        if !(a.tokens[t].kind == TokenKind::Word && name_like(a.tok(t))) {
            t += 1;
            continue;
        }
        let mut e = t + 1;
        while e < toks.end && a.tokens[e].kind == TokenKind::Word && name_like(a.tok(e)) {
            e += 1;
        }
        // every name of such a line carries its score; a date ("15 October 2019") or a byline
        // is no result
        let scored = e < toks.end && a.tokens[e].kind == TokenKind::Number;
        if !scored || (t..e).any(|k| FUNCTION_CAPS.contains(&a.tok(k))) {
            return None;
        }
        let name = a.slice(a.tokens[t].start, a.tokens[e - 1].end).to_owned();
        // a country's name, whole, is its national side
        let country = tags.get(t).copied().flatten().filter(|&si| spans[si].start_tok == t && spans[si].end_tok == e).and_then(|si| match &spans[si].what {
            SpanKind::Name(h) => first_country(h),
            SpanKind::Title(_) => None,
        });
        out.push(mk(a, t, e, match country {
            Some(c) => Cand::Country(c),
            None => Cand::NewOrg { name, country: None, government: false, news: false },
        }));
        t = e;
    }
    Some(out)
}

fn demonym_of_tag(tags: &[Option<usize>], spans: &[Span], t: usize) -> bool {
    tags.get(t).copied().flatten().is_some_and(|si| matches!(&spans[si].what, SpanKind::Name(h) if demonym_of(h).is_some()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::analyze;

    fn cands(text: &str) -> Vec<(String, Cand)> {
        let a = analyze(text);
        find_mentions(&a, Lexicon::shipped(), None).into_iter().map(|m| (text[m.start..m.end].to_owned(), m.cand)).collect()
    }

    fn country(name: &str) -> usize {
        Lexicon::shipped().countries.iter().position(|c| c.name == name).unwrap()
    }

    #[test]
    fn title_before_name() {
        let c = cands("Iranian President Ebrahim Raisi said so.");
        assert!(c.contains(&(
            "Ebrahim Raisi".into(),
            Cand::Person { name: "Ebrahim Raisi".into(), role: Some("President".into()), of: Some(Of::Country(country("Iran"))), cued: true }
        )), "{c:?}");
    }

    #[test]
    fn honorific_is_not_part_of_the_name() {
        let c = cands("Iran's supreme leader, Ayatollah Ali Khamenei, commended it.");
        assert!(c.iter().any(|(s, k)| s == "Ali Khamenei"
            && matches!(k, Cand::Person { role: Some(r), of: Some(Of::Country(_)), .. } if r == "Supreme Leader")), "{c:?}");
    }

    #[test]
    fn capitals_as_governments_and_as_places() {
        let c = cands("Caracas and Tehran share a goal. Maduro arrived in Tehran.");
        assert_eq!(c[0].1, Cand::Country(country("Venezuela")));
        assert_eq!(c[1].1, Cand::Country(country("Iran")));
        assert!(matches!(c.last().unwrap().1, Cand::Place { .. }), "{c:?}");
    }

    #[test]
    fn negative_cases() {
        // a newspaper named after a city is an organization, not the US government
        let c = cands("The Washington Post reported it.");
        assert!(!c.iter().any(|(_, k)| *k == Cand::Country(country("United States"))), "{c:?}");
        // a river named after a country is a place
        let c = cands("They crossed the Jordan River.");
        assert!(!c.iter().any(|(_, k)| *k == Cand::Country(country("Jordan"))), "{c:?}");
        // the month is not a person
        let c = cands("Talks resume in May.");
        assert!(!c.iter().any(|(_, k)| matches!(k, Cand::Person { .. })), "{c:?}");
    }

    #[test]
    fn names_in_a_line_of_results_are_teams() {
        let org = |k: &Cand| matches!(k, Cand::NewOrg { .. });
        let c = cands("Leeds 1 Partizan Belgrade 2");
        assert!(c.len() == 2 && c.iter().all(|(_, k)| org(k)), "{c:?}");
        let c = cands("MINNESOTA 15 9 4 81 53 34");
        assert!(c.len() == 1 && org(&c[0].1), "{c:?}");
        // a national side is its country; a date line is no result
        let c = cands("Japan 2 Syria 1");
        assert!(c.iter().all(|(_, k)| matches!(k, Cand::Country(_))), "{c:?}");
        let c = cands("Talks resumed on 15 October 2019 in Geneva 2 days later");
        assert!(!c.iter().any(|(_, k)| org(k)), "{c:?}");
    }

    #[test]
    fn cities_and_regions_are_places_unless_inside_a_longer_name() {
        let c = cands("Officials in Bavaria and Chicago agreed.");
        assert!(c.iter().filter(|(_, k)| matches!(k, Cand::Place { country: Some(_), .. })).count() == 2, "{c:?}");
        let c = cands("Trade Secretary Jose Concepcion spoke.");
        assert!(c.iter().any(|(s, k)| s == "Jose Concepcion" && matches!(k, Cand::Person { .. })), "{c:?}");
    }

    #[test]
    fn compounds_of_countries_name_each() {
        let c = cands("the U.S.-Japanese semiconductor pact and Soviet-American talks");
        let got: Vec<Cand> = c.into_iter().map(|(_, k)| k).filter(|k| matches!(k, Cand::Collective(_) | Cand::Country(_))).collect();
        assert_eq!(
            got,
            vec![
                Cand::Country(country("United States")),
                Cand::Collective(country("Japan")),
                Cand::Collective(country("Soviet Union")),
                Cand::Collective(country("United States"))
            ]
        );
    }

    #[test]
    fn descriptions_and_groups() {
        let c = cands("It rejected the North American country’s role. The two countries agreed.");
        assert!(c.iter().any(|(s, k)| s == "the North American country" && matches!(k, Cand::CountryDescription(v) if v.contains(&country("United States")))), "{c:?}");
        assert!(c.iter().any(|(_, k)| *k == Cand::CountryPair));
    }

    #[test]
    fn government_bodies_and_collectives() {
        let c = cands("According to the Iranian Foreign Ministry, Iranian officials agreed.");
        assert!(c.iter().any(|(s, k)| s == "Iranian Foreign Ministry" && matches!(k, Cand::NewOrg { government: true, .. })), "{c:?}");
        assert!(c.iter().any(|(s, k)| s == "Iranian officials" && *k == Cand::Collective(country("Iran"))), "{c:?}");
    }
}
