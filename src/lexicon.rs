//! The gazetteers shipped with Entente (`ontology/lexicon/*.tsv`): every country with its names,
//! demonyms, capitals, region adjectives and epithets (with Wikidata ids), the major
//! organizations, and the titles that introduce persons. Loaded once; matched with Aho-Corasick.
//!
//! People's names are never listed here: they are learned from each text.

use std::collections::HashMap;
use std::sync::OnceLock;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};

const COUNTRIES_TSV: &str = include_str!("../ontology/lexicon/countries.tsv");
const ORGANIZATIONS_TSV: &str = include_str!("../ontology/lexicon/organizations.tsv");
const TITLES_TSV: &str = include_str!("../ontology/lexicon/titles.tsv");
const CITIES_TSV: &str = include_str!("../ontology/lexicon/cities.tsv");

/// A country (or a historical state) and every way news names it.
#[derive(Debug, Clone)]
pub struct Country {
    /// Wikidata id ("Q794").
    pub qid: String,
    /// Common English short name ("Iran").
    pub name: String,
    /// Official names, short forms, abbreviations, former names.
    pub aliases: Vec<String>,
    /// "Iranian", "Iranians".
    pub demonyms: Vec<String>,
    /// Seats of government and their spellings ("Tehran", "Teheran").
    pub capitals: Vec<String>,
    /// Region adjectives for "the North American country".
    pub regions: Vec<String>,
    /// Fixed epithets ("Islamic Republic").
    pub epithets: Vec<String>,
    /// The last year a historical state existed (`None` for current states).
    pub until: Option<i32>,
    /// The titles its head of state or government has borne since 1945 ("Emperor", "Prime
    /// Minister"): a leader's title not among them cannot be this country's.
    pub executive: Vec<String>,
}

impl Country {
    /// Whether a national leader's title can belong to this country: "President Reagan" is not
    /// Japan's, "Chancellor Kohl" not France's. Titles that are not a leader's always can.
    pub fn may_hold(&self, role: &str) -> bool {
        // spellings of one office: "Amir" is an Emir, a "Premier" a Prime Minister
        let role = match role {
            r if r.eq_ignore_ascii_case("Amir") => "Emir",
            r if r.eq_ignore_ascii_case("Premier") => "Prime Minister",
            r => r,
        };
        let leader = LEADER_TITLES.iter().any(|t| t.eq_ignore_ascii_case(role));
        !leader || self.executive.is_empty() || self.executive.iter().any(|t| t.eq_ignore_ascii_case(role))
    }
}

/// Titles of heads of state and government, which only some countries use.
const LEADER_TITLES: &[&str] = &["President", "Prime Minister", "Chancellor", "King", "Queen", "Emperor", "Emir", "Amir", "Sultan", "Shah", "Supreme Leader", "Premier"];

/// Whether a role is a head of state's or government's ("the Russian leader" can be its holder,
/// not a spokesman's). Party leaders count: "General Secretary", "Leader".
pub fn is_leader_role(role: &str) -> bool {
    LEADER_TITLES.iter().chain(&["General Secretary", "Leader", "Crown Prince"]).any(|t| t.eq_ignore_ascii_case(role))
}

/// What kind of organization a lexicon entry is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OrgKind {
    /// IMF, UN, NATO, OPEC…
    International,
    /// A national body: White House, Bundesbank, Treasury.
    Government,
    /// A news agency or outlet.
    News,
    /// A political party or movement.
    Party,
    /// A company.
    Company,
}

/// An organization of the lexicon.
#[derive(Debug, Clone)]
pub struct Organization {
    /// Stable key ("imf").
    pub key: String,
    /// Full name ("International Monetary Fund").
    pub name: String,
    /// Acronyms and short names.
    pub aliases: Vec<String>,
    /// Its kind.
    pub kind: OrgKind,
    /// Index of its country, for national bodies.
    pub country: Option<usize>,
    /// Wikidata id, when known.
    pub wikidata: Option<String>,
}

/// A title that introduces a person.
#[derive(Debug, Clone)]
pub struct Title {
    /// The normal role ("Foreign Minister"); `None` for honorifics ("Ayatollah", "Mr.").
    pub role: Option<String>,
    /// The one country whose government uses this title form ("Secretary of State" → the
    /// United States): the post's owner when the text names none.
    pub country: Option<usize>,
    /// The plural form ("Presidents"), a title only when capitalised and before a name
    /// ("Presidents Ruiz and Vera", not "the presidents of the two countries").
    pub plural: bool,
}

/// What a name match in the text stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Hit {
    /// A country's name or alias.
    Country(usize),
    /// A country's capital.
    Capital(usize),
    /// A demonym.
    Demonym(usize),
    /// A country's epithet ("Islamic Republic").
    Epithet(usize),
    /// An organization's name or alias.
    Org(usize),
    /// A city or region of `cities.tsv` (its country depends on the story's year:
    /// [`Lexicon::place_country`]).
    City,
}

/// A match of the lexicon in a text: a byte span and what it may stand for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LexMatch {
    /// Start byte.
    pub start: usize,
    /// End byte.
    pub end: usize,
    /// Every entry with this surface form (usually one).
    pub hits: Vec<Hit>,
}

/// An error in a shipped lexicon file.
#[derive(Debug, thiserror::Error)]
#[error("lexicon {file}:{line}: {message}")]
pub struct LexiconError {
    file: &'static str,
    line: usize,
    message: String,
}

impl LexiconError {
    pub(crate) fn new(file: &'static str, line: usize, message: String) -> Self {
        LexiconError { file, line, message }
    }
}

/// The loaded gazetteers and their automata.
#[derive(Debug)]
pub struct Lexicon {
    /// All countries.
    pub countries: Vec<Country>,
    /// All organizations.
    pub organizations: Vec<Organization>,
    /// All titles, indexed like the title automaton's patterns.
    pub titles: Vec<Title>,
    names: AhoCorasick,
    name_hits: Vec<Vec<Hit>>,
    city_countries: HashMap<String, Vec<usize>>,
    title_ac: AhoCorasick,
    regions: HashMap<String, Vec<usize>>,
    by_name: HashMap<String, usize>,
    /// Names of four letters or more (or with a dot), matched without regard to case: for text
    /// whose case was lost.
    names_any_case: AhoCorasick,
    any_case_patterns: Vec<String>,
    /// The lowercased words of every title pattern and role, but "of", "for", "and", "the".
    title_words: std::collections::HashSet<String>,
}

impl Lexicon {
    /// The lexicon shipped with Entente, loaded once.
    ///
    /// # Panics
    /// Never in a released build: the shipped files are checked by the test suite.
    pub fn shipped() -> &'static Lexicon {
        static LEX: OnceLock<Lexicon> = OnceLock::new();
        LEX.get_or_init(|| {
            Lexicon::parse(COUNTRIES_TSV, ORGANIZATIONS_TSV, TITLES_TSV, CITIES_TSV)
                .unwrap_or_else(|e| unreachable!("the shipped lexicon is checked by tests: {e}"))
        })
    }

    /// Builds a lexicon from the four TSV files.
    ///
    /// # Errors
    /// A line with the wrong number of columns, or an organization naming an unknown country.
    pub fn parse(countries: &str, organizations: &str, titles: &str, cities: &str) -> Result<Lexicon, LexiconError> {
        let mut cs = Vec::new();
        for (line, cols) in rows("countries.tsv", countries, 9)? {
            let list = |i: usize| split_list(cols.get(i).copied().unwrap_or(""));
            let name = cols.get(1).copied().unwrap_or("").to_owned();
            if name.is_empty() {
                return Err(LexiconError { file: "countries.tsv", line, message: "empty name".into() });
            }
            cs.push(Country {
                qid: cols.first().copied().unwrap_or("").to_owned(),
                name,
                aliases: list(2),
                demonyms: list(3),
                capitals: list(4),
                regions: list(5),
                epithets: list(6),
                until: cols.get(7).and_then(|y| y.parse().ok()),
                executive: list(8),
            });
        }
        let by_name: HashMap<&str, usize> = cs.iter().enumerate().map(|(i, c)| (c.name.as_str(), i)).collect();
        let mut os = Vec::new();
        for (line, cols) in rows("organizations.tsv", organizations, 6)? {
            let col = |i: usize| cols.get(i).copied().unwrap_or("");
            let kind = match col(3) {
                "international" => OrgKind::International,
                "government" => OrgKind::Government,
                "news" => OrgKind::News,
                "party" => OrgKind::Party,
                "company" => OrgKind::Company,
                other => {
                    return Err(LexiconError { file: "organizations.tsv", line, message: format!("unknown type {other:?}") })
                }
            };
            let country = match col(4) {
                "" => None,
                c => Some(*by_name.get(c).ok_or_else(|| LexiconError {
                    file: "organizations.tsv",
                    line,
                    message: format!("unknown country {c:?}"),
                })?),
            };
            os.push(Organization {
                key: col(0).to_owned(),
                name: col(1).to_owned(),
                aliases: split_list(col(2)),
                kind,
                country,
                wikidata: Some(col(5).to_owned()).filter(|s| !s.is_empty()),
            });
        }
        // cities (lower-cased names and aliases) → the countries they have belonged to
        let mut city_countries: HashMap<String, Vec<usize>> = HashMap::new();
        let mut city_names: Vec<String> = Vec::new();
        for (line, cols) in rows("cities.tsv", cities, 3)? {
            let mut owners = Vec::new();
            for c in split_list(cols.get(2).copied().unwrap_or("")) {
                owners.push(*by_name.get(c.as_str()).ok_or_else(|| LexiconError { file: "cities.tsv", line, message: format!("unknown country {c:?}") })?);
            }
            if owners.is_empty() {
                return Err(LexiconError { file: "cities.tsv", line, message: "no country".into() });
            }
            let names = std::iter::once(cols.first().copied().unwrap_or("").to_owned()).chain(split_list(cols.get(1).copied().unwrap_or("")));
            for n in names.filter(|n| !n.is_empty()) {
                city_countries.entry(n.to_lowercase()).or_default().extend(owners.iter().copied());
                city_names.push(n);
            }
        }
        let mut ts = Vec::new();
        let mut title_patterns = Vec::new();
        for (line, cols) in rows("titles.tsv", titles, 4)? {
            let role = cols.get(1).copied().unwrap_or("-");
            let country = match cols.get(3).copied().unwrap_or("") {
                "" => None,
                c => Some(*by_name.get(c).ok_or_else(|| LexiconError { file: "titles.tsv", line, message: format!("unknown country {c:?}") })?),
            };
            let pattern = cols.first().copied().unwrap_or("").to_owned();
            let title = Title { role: (role != "-").then(|| role.to_owned()), country, plural: false };
            // the plural of a post's title before two names ("Presidents Ruiz and Vera",
            // "Foreign Ministers Wang and Blinken") introduces each of them
            if title.role.is_some() && pattern.ends_with(|c: char| c.is_ascii_alphabetic() && c != 's') && !pattern.contains('.') {
                title_patterns.push(format!("{pattern}s"));
                ts.push(Title { plural: true, ..title.clone() });
            }
            title_patterns.push(pattern);
            ts.push(title);
        }

        let mut patterns: Vec<String> = Vec::new();
        let mut index: HashMap<String, usize> = HashMap::new();
        let mut name_hits: Vec<Vec<Hit>> = Vec::new();
        let mut add = |s: &str, hit: Hit| {
            if s.is_empty() {
                return;
            }
            let i = *index.entry(s.to_owned()).or_insert_with(|| {
                patterns.push(s.to_owned());
                name_hits.push(Vec::new());
                patterns.len() - 1
            });
            if let Some(h) = name_hits.get_mut(i) {
                if !h.contains(&hit) {
                    h.push(hit);
                }
            }
        };
        let mut regions: HashMap<String, Vec<usize>> = HashMap::new();
        for (i, c) in cs.iter().enumerate() {
            add(&c.name, Hit::Country(i));
            c.aliases.iter().for_each(|a| add(a, Hit::Country(i)));
            c.demonyms.iter().for_each(|a| add(a, Hit::Demonym(i)));
            c.capitals.iter().for_each(|a| add(a, Hit::Capital(i)));
            c.epithets.iter().for_each(|a| add(a, Hit::Epithet(i)));
            for r in &c.regions {
                regions.entry(r.clone()).or_default().push(i);
            }
        }
        // cities and regions are places: a name no country, capital or organization has
        for n in &city_names {
            add(n, Hit::City);
        }
        for (i, o) in os.iter().enumerate() {
            add(&o.name, Hit::Org(i));
            o.aliases.iter().for_each(|a| add(a, Hit::Org(i)));
            // British and wire style writes acronyms said as words in title case: "Opec",
            // "Nato", "Gatt"
            for a in &o.aliases {
                if a.len() >= 4 && a.chars().all(|c| c.is_ascii_uppercase()) {
                    add(&format!("{}{}", &a[..1], a[1..].to_lowercase()), Hit::Org(i));
                }
            }
        }
        let names = AhoCorasickBuilder::new()
            .match_kind(MatchKind::Standard)
            .build(&patterns)
            .map_err(|e| LexiconError { file: "countries.tsv", line: 0, message: e.to_string() })?;
        let title_ac = AhoCorasickBuilder::new()
            .match_kind(MatchKind::Standard)
            .ascii_case_insensitive(true)
            .build(&title_patterns)
            .map_err(|e| LexiconError { file: "titles.tsv", line: 0, message: e.to_string() })?;
        let by_name = patterns.iter().enumerate().map(|(i, p)| (p.clone(), i)).collect();
        let any_case_patterns: Vec<String> =
            patterns.iter().filter(|p| p.is_ascii() && (p.len() >= 4 || p.contains('.'))).cloned().collect();
        let names_any_case = AhoCorasickBuilder::new()
            .match_kind(MatchKind::LeftmostLongest)
            .ascii_case_insensitive(true)
            .build(&any_case_patterns)
            .map_err(|e| LexiconError { file: "countries.tsv", line: 0, message: e.to_string() })?;
        let title_words = title_patterns
            .iter()
            .map(String::as_str)
            .chain(ts.iter().filter_map(|t| t.role.as_deref()))
            .flat_map(|r| r.split(' ').map(str::to_lowercase))
            .filter(|w| !matches!(w.as_str(), "of" | "for" | "and" | "the" | ""))
            .collect();
        Ok(Lexicon { countries: cs, organizations: os, titles: ts, names, name_hits, title_ac, regions, by_name, names_any_case, any_case_patterns, city_countries, title_words })
    }

    /// Every name match in `text` whose ends fall on `is_boundary` positions: overlapping
    /// matches included, longest first at each start.
    pub fn find_names(&self, text: &str, is_boundary: impl Fn(usize, usize) -> bool) -> Vec<LexMatch> {
        let mut out: Vec<LexMatch> = self
            .names
            .find_overlapping_iter(text)
            .filter(|m| is_boundary(m.start(), m.end()))
            .map(|m| LexMatch {
                start: m.start(),
                end: m.end(),
                hits: self.name_hits.get(m.pattern().as_usize()).cloned().unwrap_or_default(),
            })
            .collect();
        out.sort_by(|a, b| a.start.cmp(&b.start).then(b.end.cmp(&a.end)));
        out
    }

    /// Whether a lowercased word is part of some title of the lexicon ("foreign", "minister",
    /// "cabinet"): the words a title phrase is built of.
    pub fn is_title_word(&self, w: &str) -> bool {
        self.title_words.contains(w)
    }

    /// Every title match in `text` (case-insensitive) on boundaries: `(start, end, title index)`.
    pub fn find_titles(&self, text: &str, is_boundary: impl Fn(usize, usize) -> bool) -> Vec<(usize, usize, usize)> {
        let mut out: Vec<(usize, usize, usize)> = self
            .title_ac
            .find_overlapping_iter(text)
            .filter(|m| is_boundary(m.start(), m.end()))
            .filter(|m| {
                let capital = |s: Option<&str>| s.and_then(|s| s.chars().next()).is_some_and(char::is_uppercase);
                !self.titles.get(m.pattern().as_usize()).is_some_and(|t| t.plural)
                    || capital(text.get(m.start()..)) && capital(text.get(m.end()..).map(str::trim_start))
            })
            .map(|m| (m.start(), m.end(), m.pattern().as_usize()))
            .collect();
        out.sort_by(|a, b| a.0.cmp(&b.0).then(b.1.cmp(&a.1)));
        out
    }

    /// The country a city or country name stands for ("TOKYO" → Japan, "Bonn" → West Germany),
    /// matching names and capitals without regard to case; a capital shared with a historical
    /// state goes to the state that existed in `year`.
    pub fn place_country(&self, place: &str, year: Option<i32>) -> Option<usize> {
        let p = place.trim().to_lowercase();
        let mut matches: Vec<usize> = (0..self.countries.len())
            .filter(|&i| {
                let c = &self.countries[i];
                c.name.to_lowercase() == p || c.capitals.iter().any(|x| x.to_lowercase() == p)
            })
            .collect();
        // "FRANKFURT": a city of cities.tsv, in the state it belonged to at the story's date
        if matches.is_empty() {
            matches = self.city_countries.get(&p).cloned().unwrap_or_default();
        }
        match year {
            Some(y) => matches.iter().copied().filter(|&c| self.countries[c].until.is_some_and(|u| u >= y)).min_by_key(|&c| self.countries[c].until),
            None => None,
        }
        .or_else(|| matches.iter().copied().find(|&c| self.countries[c].until.is_none()))
        .or_else(|| matches.first().copied())
    }

    /// Every lexicon name in `text` whatever its case, leftmost-longest: `(start, end, the name
    /// as the lexicon writes it)`.
    pub fn find_names_any_case<'s>(&'s self, text: &str) -> Vec<(usize, usize, &'s str)> {
        self.names_any_case
            .find_iter(text)
            .filter_map(|m| self.any_case_patterns.get(m.pattern().as_usize()).map(|p| (m.start(), m.end(), p.as_str())))
            .collect()
    }

    /// What an exact name stands for ("Soviet" → the Soviet Union's demonym), if anything.
    pub fn lookup(&self, name: &str) -> &[Hit] {
        self.by_name.get(name).and_then(|&i| self.name_hits.get(i)).map(Vec::as_slice).unwrap_or(&[])
    }

    /// The countries that a region adjective ("North American") covers.
    pub fn region(&self, adjective: &str) -> &[usize] {
        self.regions.get(adjective).map(Vec::as_slice).unwrap_or(&[])
    }
}

fn split_list(s: &str) -> Vec<String> {
    s.split('|').map(str::trim).filter(|x| !x.is_empty()).map(str::to_owned).collect()
}

type Row<'a> = (usize, Vec<&'a str>);

fn rows<'a>(file: &'static str, text: &'a str, columns: usize) -> Result<Vec<Row<'a>>, LexiconError> {
    let mut out = Vec::new();
    let mut header = true;
    for (n, line) in text.lines().enumerate() {
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        if header {
            header = false;
            continue;
        }
        let cols: Vec<&str> = line.split('\t').collect();
        if cols.len() != columns {
            return Err(LexiconError { file, line: n + 1, message: format!("{} columns, expected {columns}", cols.len()) });
        }
        out.push((n + 1, cols));
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn leader_titles_rule_out_countries_without_such_leaders() {
        let lex = Lexicon::shipped();
        let c = |n: &str| lex.countries.iter().find(|c| c.name == n).unwrap_or_else(|| panic!("{n}"));
        for (country, role, may) in [
            ("Japan", "President", false),
            ("Japan", "Prime Minister", true),
            ("United States", "Prime Minister", false),
            ("United States", "President", true),
            ("West Germany", "Chancellor", true),
            ("France", "Chancellor", false),
            ("France", "Finance Minister", true),
            ("United Kingdom", "King", true),
            ("Saudi Arabia", "President", false),
        ] {
            assert_eq!(c(country).may_hold(role), may, "{country} {role}");
        }
        let known = ["President", "Prime Minister", "Chancellor", "King", "Queen", "Emperor", "Emir", "Sultan", "Shah",
            "Supreme Leader", "Grand Duke", "Prince", "Crown Prince", "Governor-General", "Chairman", "General Secretary",
            "Premier", "Pope", "Captain Regent", "Co-Prince", "Taoiseach", "Head of State", "State Counsellor"];
        for c in &lex.countries {
            assert!(!c.executive.is_empty(), "{} has no executive titles", c.name);
            for t in &c.executive {
                assert!(known.contains(&t.as_str()), "{}: unknown executive title {t:?}", c.name);
            }
        }
    }

    #[test]
    fn dateline_cities_belong_to_the_state_of_their_time() {
        let lex = Lexicon::shipped();
        let name = |c: Option<usize>| c.and_then(|c| lex.countries.get(c)).map(|c| c.name.as_str());
        assert_eq!(name(lex.place_country("FRANKFURT", Some(1987))), Some("West Germany"));
        assert_eq!(name(lex.place_country("Frankfurt", Some(2022))), Some("Germany"));
        assert_eq!(name(lex.place_country("NEW YORK", Some(1987))), Some("United States"));
        assert_eq!(name(lex.place_country("Leningrad", Some(1987))), Some("Soviet Union"));
        assert_eq!(name(lex.place_country("Tokyo", Some(1987))), Some("Japan"));
        assert_eq!(lex.place_country("Atlantis", Some(1987)), None);
    }

    #[test]
    fn shipped_lexicon_loads() {
        let lex = Lexicon::parse(COUNTRIES_TSV, ORGANIZATIONS_TSV, TITLES_TSV, CITIES_TSV).unwrap();
        assert!(lex.countries.len() >= 190, "{} countries", lex.countries.len());
        assert!(lex.organizations.len() >= 100);
        for c in &lex.countries {
            assert!(c.qid.starts_with('Q'), "{} has no Wikidata id", c.name);
        }
    }

    #[test]
    fn historical_states_and_abbreviations() {
        let lex = Lexicon::shipped();
        let qid = |s: &str| {
            let m = lex.find_names(s, |_, _| true);
            m.iter()
                .filter(|m| m.start == 0 && m.end == s.len())
                .flat_map(|m| m.hits.iter())
                .find_map(|h| match h {
                    Hit::Country(i) => Some(lex.countries[*i].qid.clone()),
                    _ => None,
                })
        };
        assert_eq!(qid("Soviet Union").as_deref(), Some("Q15180"));
        assert_eq!(qid("USSR").as_deref(), Some("Q15180"));
        assert_eq!(qid("West Germany").as_deref(), Some("Q713750"));
        assert_eq!(qid("U.S.").as_deref(), Some("Q30"));
        assert_eq!(qid("UK").as_deref(), Some("Q145"));
        assert_eq!(qid("Iran").as_deref(), Some("Q794"));
    }
}
