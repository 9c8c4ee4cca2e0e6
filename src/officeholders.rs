//! Who held the top offices when: heads of state and government, foreign and finance ministers,
//! the heads of international bodies (`ontology/lexicon/officeholders.tsv`).
//!
//! News names its office holders the way its readers know them: "Putin said", "Prime Minister
//! Imran Khan", "Chancellor Merkel", with no country beside the title. Event coders keep actor
//! dictionaries of such persons with the dates of their terms (PETRARCH's, CAMEO's); this is
//! Entente's. It fills in what the text leaves implicit and nothing else: the country of a post
//! the article gives without one, and the full name of a person the article names by a surname
//! alone, when exactly one office holder of that surname was in office in the article's year.

use std::collections::HashMap;
use std::sync::OnceLock;

use chrono::{Datelike, NaiveDate};

use crate::lexicon::{Lexicon, LexiconError};
use crate::resolve::fold;

const OFFICEHOLDERS_TSV: &str = include_str!("../ontology/lexicon/officeholders.tsv");

/// Countries whose persons news names family name first ("Xi Jinping" is "Xi").
const FAMILY_NAME_FIRST: &[&str] = &["China", "Taiwan", "North Korea", "South Korea", "Vietnam"];

/// What an office belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Office {
    /// A country of the lexicon (index into `Lexicon::countries`).
    Country(usize),
    /// An international body of the lexicon (index into `Lexicon::organizations`).
    Org(usize),
}

/// One term of office.
#[derive(Debug, Clone)]
pub struct Term {
    /// The person's name as news writes it.
    pub name: String,
    /// The role, a normal form of `titles.tsv` ("Foreign Minister").
    pub role: String,
    /// Whose office it is.
    pub of: Office,
    /// First day in office.
    pub from: NaiveDate,
    /// Last day in office; `None` while in office.
    pub to: Option<NaiveDate>,
}

impl Term {
    /// Whether the term overlaps `year` (any year when it is not known).
    pub fn in_year(&self, year: Option<i32>) -> bool {
        year.is_none_or(|y| self.from.year() <= y && self.to.is_none_or(|t| t.year() >= y))
    }
}

/// The table, indexed by folded full name and by the short name news uses alone.
#[derive(Debug, Default)]
pub struct OfficeHolders {
    terms: Vec<Term>,
    by_name: HashMap<String, Vec<usize>>,
    by_short: HashMap<String, Vec<usize>>,
}

impl OfficeHolders {
    /// The table shipped with Entente, loaded once.
    ///
    /// # Panics
    /// Never in a released build: the shipped file is checked by the test suite.
    pub fn shipped() -> &'static OfficeHolders {
        static TABLE: OnceLock<OfficeHolders> = OnceLock::new();
        TABLE.get_or_init(|| {
            OfficeHolders::parse(OFFICEHOLDERS_TSV, Lexicon::shipped())
                .unwrap_or_else(|e| unreachable!("the shipped office-holder table is checked by tests: {e}"))
        })
    }

    /// Reads the table: `name, aliases, role, country or body key, from, to` per line.
    ///
    /// # Errors
    /// A line with the wrong number of columns, an unknown country, body or role, a bad date.
    pub fn parse(tsv: &str, lex: &Lexicon) -> Result<OfficeHolders, LexiconError> {
        let err = |line: usize, message: String| LexiconError::new("officeholders.tsv", line, message);
        let roles: std::collections::HashSet<&str> = lex.titles.iter().filter_map(|t| t.role.as_deref()).collect();
        let mut table = OfficeHolders::default();
        for (n, line) in tsv.lines().enumerate() {
            if line.trim().is_empty() || line.starts_with('#') {
                continue;
            }
            let cols: Vec<&str> = line.split('\t').collect();
            let [name, aliases, role, of, from, to] = cols[..] else {
                return Err(err(n + 1, format!("{} columns, expected 6", cols.len())));
            };
            if name == "name" {
                continue; // the header
            }
            if !roles.contains(role) {
                return Err(err(n + 1, format!("unknown role {role:?}; use a role of titles.tsv")));
            }
            let of = match lex.countries.iter().position(|c| c.name == of) {
                Some(c) => Office::Country(c),
                None => match lex.organizations.iter().position(|o| o.key == of) {
                    Some(o) => Office::Org(o),
                    None => return Err(err(n + 1, format!("unknown country or body {of:?}"))),
                },
            };
            let date = |s: &str| NaiveDate::parse_from_str(s, "%Y-%m-%d").map_err(|_| err(n + 1, format!("bad date {s:?}")));
            let from = date(from)?;
            let to = if to.is_empty() { None } else { Some(date(to)?) };
            if to.is_some_and(|t| t < from) {
                return Err(err(n + 1, "term ends before it begins".into()));
            }
            let i = table.terms.len();
            for written in std::iter::once(name).chain(aliases.split('|').map(str::trim).filter(|a| !a.is_empty())) {
                let key = fold(written);
                let slot = table.by_name.entry(key).or_default();
                if !slot.contains(&i) {
                    slot.push(i);
                }
            }
            // the short form: the family name, from the name as news writes it
            let words: Vec<&str> = name.split_whitespace().collect();
            let family_first = matches!(of, Office::Country(c) if FAMILY_NAME_FIRST.contains(&lex.countries[c].name.as_str()));
            let short = if family_first { words.first() } else { words.last() };
            if let (Some(short), true) = (short, words.len() >= 2) {
                table.by_short.entry(fold(short)).or_default().push(i);
            }
            // spellings of the same name ("Volodymyr Zelenskyy") give theirs; a reordered one
            // ("Abe Shinzo") does not
            for alias in aliases.split('|').map(str::trim) {
                let aw: Vec<&str> = alias.split_whitespace().collect();
                if aw.len() >= 2 && !family_first && aw.first() == words.first() {
                    if let Some(last) = aw.last() {
                        let slot = table.by_short.entry(fold(last)).or_default();
                        if !slot.contains(&i) {
                            slot.push(i);
                        }
                    }
                }
            }
            table.terms.push(Term { name: name.to_owned(), role: role.to_owned(), of, from, to });
        }
        Ok(table)
    }

    /// The terms of the person written `name` (any listed form, accents and case aside) that
    /// overlap `year`.
    pub fn terms_of(&self, name: &str, year: Option<i32>) -> Vec<&Term> {
        self.by_name.get(&fold(name)).into_iter().flatten().map(|&i| &self.terms[i]).filter(|t| t.in_year(year)).collect()
    }

    /// The one person in office in `year` whom news may call `word` alone ("Putin", "Xi"), with
    /// their terms then; `None` when no one or several persons fit.
    pub fn by_short_name(&self, word: &str, year: Option<i32>) -> Option<(&str, Vec<&Term>)> {
        let terms: Vec<&Term> = self.by_short.get(&fold(word)).into_iter().flatten().map(|&i| &self.terms[i]).filter(|t| t.in_year(year)).collect();
        let first = terms.first()?;
        terms.iter().all(|t| t.name == first.name).then(|| (first.name.as_str(), terms.clone()))
    }

    /// Whether several persons of the table bear the short name `word` ("Khan", "Bush", "Kim"):
    /// such a surname alone names one of them only with a title beside it.
    pub fn short_name_is_shared(&self, word: &str) -> bool {
        let mut names = self.by_short.get(&fold(word)).into_iter().flatten().map(|&i| self.terms[i].name.as_str());
        let first = names.next();
        names.any(|n| Some(n) != first)
    }

    /// Number of terms in the table.
    pub fn len(&self) -> usize {
        self.terms.len()
    }

    /// Whether the table is empty.
    pub fn is_empty(&self) -> bool {
        self.terms.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const TABLE: &str = "name\taliases\trole\tof\tfrom\tto\n\
        Ana Ruiz\tAna Ruíz\tPresident\tPeru\t2001-07-28\t2006-07-28\n\
        Luis Ruiz\t\tForeign Minister\tPeru\t2010-01-01\t\n\
        Wang Lei\t\tForeign Minister\tChina\t2015-03-01\t2020-03-01\n\
        Jan Kees de Vries\t\tSecretary-General\tnato\t2019-01-01\t2022-01-01\n";

    #[test]
    fn names_dates_and_short_forms() {
        let t = OfficeHolders::parse(TABLE, Lexicon::shipped()).unwrap();
        assert_eq!(t.terms_of("ana ruiz", Some(2003)).len(), 1);
        assert_eq!(t.terms_of("Ana Ruíz", Some(2003)).len(), 1);
        assert!(t.terms_of("Ana Ruiz", Some(2010)).is_empty());
        // two Ruizes are in office only at different times
        assert_eq!(t.by_short_name("Ruiz", Some(2003)).map(|(n, _)| n), Some("Ana Ruiz"));
        assert_eq!(t.by_short_name("Ruiz", Some(2015)).map(|(n, _)| n), Some("Luis Ruiz"));
        assert!(t.by_short_name("Ruiz", None).is_none());
        // family name first
        assert_eq!(t.by_short_name("Wang", Some(2016)).map(|(n, _)| n), Some("Wang Lei"));
        assert!(t.by_short_name("Lei", Some(2016)).is_none());
        assert!(matches!(t.terms_of("Jan Kees de Vries", None)[0].of, Office::Org(_)));
        assert!(t.short_name_is_shared("Ruiz"));
        assert!(!t.short_name_is_shared("Wang"));
    }

    #[test]
    fn bad_rows_are_refused_with_their_line() {
        for bad in ["Ana\t\tPresident\tAtlantis\t2001-01-01\t\n", "Ana\t\tWizard\tPeru\t2001-01-01\t\n", "Ana\t\tPresident\tPeru\t2001-13-01\t\n", "Ana\t\tPresident\tPeru\t2001-01-01\t2000-01-01\n", "Ana\tPresident\n"] {
            let e = OfficeHolders::parse(bad, Lexicon::shipped()).unwrap_err().to_string();
            assert!(e.starts_with("lexicon officeholders.tsv:1:"), "{e}");
        }
    }

    #[test]
    fn the_shipped_table_loads() {
        assert!(OfficeHolders::parse(OFFICEHOLDERS_TSV, Lexicon::shipped()).is_ok());
    }
}
