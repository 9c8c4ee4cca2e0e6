//! Time expressions normalized against the article date: weekdays (the most recent past one
//! for past events, the next one for planned events), yesterday/today/tomorrow, last/next
//! month and year, month names with and without a year, written and ISO dates, bare years.
//! What cannot be computed stays unknown: no date is ever invented.

use std::sync::OnceLock;

use chrono::{Datelike, NaiveDate, Weekday};
use regex::Regex;

/// A point in time as precisely as the text gives it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum When {
    /// A day.
    Date(NaiveDate),
    /// A month of a year.
    Month(i32, u32),
    /// A year.
    Year(i32),
}

impl When {
    /// The first day it covers: what "after the article's date" compares (the derived order
    /// ranks a month above any day, whatever the year).
    pub fn first_day(&self) -> Option<NaiveDate> {
        match *self {
            When::Date(d) => Some(d),
            When::Month(y, m) => NaiveDate::from_ymd_opt(y, m, 1),
            When::Year(y) => NaiveDate::from_ymd_opt(y, 1, 1),
        }
    }

    /// Whether two times may be the same time told at two precisions: equal, or one inside the
    /// other ("January 2025" and "January 14, 2025").
    pub fn agrees_with(&self, other: &When) -> bool {
        use chrono::Datelike;
        let inside = |coarse: &When, d: NaiveDate| match *coarse {
            When::Date(x) => x == d,
            When::Month(y, m) => d.year() == y && d.month() == m,
            When::Year(y) => d.year() == y,
        };
        match (self, other) {
            (When::Date(d), c) | (c, When::Date(d)) => inside(c, *d),
            (When::Month(y, _), When::Year(z)) | (When::Year(z), When::Month(y, _)) => y == z,
            (a, b) => a == b,
        }
    }

    /// The XSD lexical form ("2022-06-11", "2022-06", "2022").
    pub fn lexical(&self) -> String {
        match self {
            When::Date(d) => d.format("%Y-%m-%d").to_string(),
            When::Month(y, m) => format!("{y:04}-{m:02}"),
            When::Year(y) => format!("{y:04}"),
        }
    }
}

/// A time expression found in a sentence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TimeExpr {
    /// Byte span in the text it was found in.
    pub start: usize,
    /// End byte.
    pub end: usize,
    /// The normalized value, when the article date allows computing it.
    pub when: Option<When>,
}

const MONTHS: [&str; 12] =
    ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

fn re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(
            r"(?x)
            \b(?P<iso>\d{4}-\d{2}-\d{2})\b
          | \b(?:(?i:on|from|since|by|until|till|before|after|for)\s+)?(?:(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday),?\s+)?(?P<md_m>January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Aug|Sept|Sep|Oct|Nov|Dec)\.?\s+(?P<md_d>\d{1,2})(?:st|nd|rd|th)?\b(?:\s*(?:[-–]|to|and)\s*\d{1,2}\b)?(?:,?\s+(?P<md_y>(?:19|20)\d{2})\b)?
          | \b(?:(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday),?\s+)?(?P<dm_d>\d{1,2})(?:\s*(?:[-–]|to|and)\s*\d{1,2})?\s+(?P<dm_m>January|February|March|April|May|June|July|August|September|October|November|December)(?:,?\s+(?P<dm_y>(?:19|20)\d{2}))?\b
          | \b(?i:in|since|by|during|from|until|of|for)\s+(?P<m_m>January|February|March|April|May|June|July|August|September|October|November|December)(?:\s+(?P<m_y>(?:19|20)\d{2})|\s+(?P<m_rel>last|next|this)\s+year)?\b
          | \b(?:(?P<wd_pre>(?i:last|next|this))\s+)?(?P<wd>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)(?:\s+(?P<wd_rel>last|next)\s+week)?\b
          | \b(?P<rel2>the\s+day\s+before\s+yesterday|the\s+day\s+after\s+tomorrow)\b
          | \b(?P<rel>(?i:yesterday|today|tomorrow|tonight)|(?i:this)\s+morning|(?i:this)\s+afternoon|(?i:this)\s+evening)\b
          | \b(?P<lastnext>(?i:last|next|this|past|coming))\s+(?P<unit>weekend|week|month|year)\b
          | \bin\s+(?P<inn>\d{1,2}|a|one|two|three|four|five|six|seven|eight|nine|ten)\s+(?P<inunit>days?|weeks?|months?)(?:['’]?\s+time)?\b
          | \b(?i:in|since|by|during|from|until)\s+(?P<y>(?:19|20)\d{2})\b",
        )
        .unwrap_or_else(|e| unreachable!("static regex: {e}"))
    })
}

/// Whether a lowercased word names a weekday or a month ("friday", "june", "sept"); "mar" is
/// left out, a verb more often than a month.
pub fn is_day_or_month(w: &str) -> bool {
    const MONTH_WORDS: &[&str] = &[
        "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november",
        "december", "jan", "feb", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
    ];
    weekday(w).is_some() || MONTH_WORDS.contains(&w)
}

fn month_number(s: &str) -> Option<u32> {
    let l = s.to_lowercase();
    MONTHS.iter().position(|m| l.starts_with(m)).map(|i| i as u32 + 1)
}

fn weekday(s: &str) -> Option<Weekday> {
    s.parse::<Weekday>().ok()
}

/// Finds every time expression in `text`, normalized against `article_date`; `future` tells
/// whether the event they date is planned (weekdays then point forward).
pub fn find(text: &str, article_date: Option<NaiveDate>, future: bool) -> Vec<TimeExpr> {
    let mut out = Vec::new();
    for c in re().captures_iter(text) {
        let Some(whole) = c.get(0) else { continue };
        let when = normalize(&c, article_date, future);
        out.push(TimeExpr { start: whole.start(), end: whole.end(), when });
    }
    // "the January talks", "last March's accord": a month that modifies a noun, read where no
    // other expression holds it
    for c in month_modifier_re().captures_iter(text) {
        let Some(m) = c.name("month") else { continue };
        if out.iter().any(|e| e.start < m.end() && m.start() < e.end) {
            continue;
        }
        // "last March's accord" is behind the article, "next March's vote" ahead of it
        let when = month_number(m.as_str()).and_then(|n| {
            article_date.map(|d| match c.name("rel").map(|r| r.as_str()) {
                Some("last" | "Last") => When::Month(if n < d.month() { d.year() } else { d.year() - 1 }, n),
                Some(_) => When::Month(if n > d.month() { d.year() } else { d.year() + 1 }, n),
                None => When::Month(nearest_year(d, n, future), n),
            })
        });
        out.push(TimeExpr { start: m.start(), end: m.end(), when });
    }
    out.sort_by_key(|e| e.start);
    out
}

/// A month after "the" or "last"/"next" and before a lower-case word or a possessive.
fn month_modifier_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(r"\b(?:[Tt]he|(?P<rel>[Ll]ast|[Nn]ext)|[Tt]his)\s+(?P<month>January|February|March|April|June|July|August|September|October|November|December)(?:\s+[a-z]|['’]s\b)")
            .unwrap_or_else(|e| unreachable!("static regex: {e}"))
    })
}

/// The year that puts month `m` nearest the article's date; a month told as done is not more
/// than two months ahead of it ("the January talks" in a March story, "signed in April" in a
/// November one).
fn nearest_year(base: NaiveDate, m: u32, future: bool) -> i32 {
    let here = base.year() * 12 + base.month0() as i32;
    (base.year() - 1..=base.year() + 1)
        .filter(|y| future || y * 12 + m as i32 - 1 <= here + 2)
        .min_by_key(|y| ((y * 12 + m as i32 - 1) - here).abs())
        .unwrap_or(base.year())
}

fn normalize(c: &regex::Captures<'_>, date: Option<NaiveDate>, future: bool) -> Option<When> {
    let g = |n: &str| c.name(n).map(|m| m.as_str());
    if let Some(iso) = g("iso") {
        return NaiveDate::parse_from_str(iso, "%Y-%m-%d").ok().map(When::Date);
    }
    for (mn, dn, yn) in [("md_m", "md_d", "md_y"), ("dm_m", "dm_d", "dm_y")] {
        if let (Some(m), Some(d)) = (g(mn).and_then(month_number), g(dn).and_then(|d| d.parse::<u32>().ok())) {
            let year = match g(yn).and_then(|y| y.parse::<i32>().ok()) {
                Some(y) => y,
                None => {
                    // the year that puts the day closest to the article date: news speaks of the
                    // weeks around it ("June 29" in a June 18 story, "December 28" in a January one)
                    let base = date?;
                    (base.year() - 1..=base.year() + 1)
                        .filter_map(|y| NaiveDate::from_ymd_opt(y, m, d).map(|x| (y, x)))
                        // an event told as done or undated is not months ahead: "Oct. 7" in an
                        // April story told in the past is last October's
                        .min_by_key(|(_, x)| {
                            let ahead = (*x - base).num_days();
                            (!future && ahead > 31, ahead.abs(), *x > base && !future)
                        })
                        .map(|(y, _)| y)?
                }
            };
            return NaiveDate::from_ymd_opt(year, m, d).map(When::Date);
        }
    }
    if let Some(m) = g("m_m").and_then(month_number) {
        // "in April last year": the month of the year before the article's
        let relative = g("m_rel").map(|r| match r.to_lowercase().as_str() {
            "last" => -1,
            "next" => 1,
            _ => 0,
        });
        let year = match (g("m_y").and_then(|y| y.parse::<i32>().ok()), relative) {
            (Some(y), _) => y,
            (None, Some(step)) => date?.year() + step,
            // the year that puts the month closest to the article date, not ahead of it for
            // what is told as done ("signed in April" in a November story)
            (None, None) => nearest_year(date?, m, future),
        };
        return Some(When::Month(year, m));
    }
    if let Some(wd) = g("wd").and_then(weekday) {
        let base = date?;
        // "on Wednesday last week", "Friday next week": that day of the week before or after
        // the article's
        if let Some(rel) = g("wd_rel") {
            let step = if rel.eq_ignore_ascii_case("last") { -1 } else { 1 };
            let monday = base - chrono::Duration::days(i64::from(base.weekday().num_days_from_monday()));
            return Some(When::Date(monday + chrono::Duration::weeks(step) + chrono::Duration::days(i64::from(wd.num_days_from_monday()))));
        }
        // "next Friday" is ahead whatever the verb's tense; "last Friday" behind
        let future = match g("wd_pre").map(str::to_lowercase).as_deref() {
            Some("next") => true,
            Some("last") => false,
            _ => future,
        };
        if g("wd_pre").is_some_and(|p| !p.eq_ignore_ascii_case("this")) && base.weekday() == wd {
            let week = chrono::Duration::weeks(if future { 1 } else { -1 });
            return Some(When::Date(base + week));
        }
        // the article's own weekday is its day: a story dated Monday that says "on Monday"
        // reports that day's news (a week ago would be "last Monday")
        if base.weekday() == wd {
            return Some(When::Date(base));
        }
        let mut d = base;
        for _ in 0..7 {
            d = if future { d.succ_opt()? } else { d.pred_opt()? };
            if d.weekday() == wd {
                return Some(When::Date(d));
            }
        }
        return None;
    }
    if let Some(rel) = g("rel2") {
        let base = date?;
        let days = if rel.to_lowercase().contains("before") { -2 } else { 2 };
        return base.checked_add_signed(chrono::Duration::days(days)).map(When::Date);
    }
    if let Some(rel) = g("rel") {
        let base = date?;
        return match rel.to_lowercase().as_str() {
            "yesterday" => base.pred_opt().map(When::Date),
            "tomorrow" => base.succ_opt().map(When::Date),
            _ => Some(When::Date(base)),
        };
    }
    // "in two weeks' time", "in three days": counted from the article's day
    if let (Some(n), Some(unit)) = (g("inn"), g("inunit")) {
        let base = date?;
        let n: i64 = match n.to_lowercase().as_str() {
            "a" | "one" => 1,
            "two" => 2,
            "three" => 3,
            "four" => 4,
            "five" => 5,
            "six" => 6,
            "seven" => 7,
            "eight" => 8,
            "nine" => 9,
            "ten" => 10,
            digits => digits.parse().ok()?,
        };
        let unit = unit.to_lowercase();
        return if unit.starts_with("day") {
            base.checked_add_signed(chrono::Duration::days(n)).map(When::Date)
        } else if unit.starts_with("week") {
            base.checked_add_signed(chrono::Duration::weeks(n)).map(When::Date)
        } else {
            let total = base.year() * 12 + base.month0() as i32 + i32::try_from(n).ok()?;
            Some(When::Month(total.div_euclid(12), total.rem_euclid(12) as u32 + 1))
        };
    }
    if let (Some(ln), Some(unit)) = (g("lastnext"), g("unit")) {
        let base = date?;
        let step: i32 = match ln.to_lowercase().as_str() {
            "last" | "past" => -1,
            "next" | "coming" => 1,
            _ => 0,
        };
        return match unit.to_lowercase().as_str() {
            "year" => Some(When::Year(base.year() + step)),
            "month" => {
                let total = base.year() * 12 + base.month0() as i32 + step;
                Some(When::Month(total.div_euclid(12), total.rem_euclid(12) as u32 + 1))
            }
            // "last weekend": the Saturday and Sunday before (after, for "next") the article's
            // week; a month when both lie in one
            "weekend" => {
                let monday = base - chrono::Duration::days(i64::from(base.weekday().num_days_from_monday()));
                // "this weekend" told as done is the one just past, unless the story is dated on it
                let weekend_day = base.weekday().num_days_from_monday() >= 5;
                let saturday = match step {
                    -1 => monday - chrono::Duration::days(2),
                    1 => monday + chrono::Duration::days(12),
                    _ if !future && !weekend_day => monday - chrono::Duration::days(2),
                    _ => monday + chrono::Duration::days(5),
                };
                let sunday = saturday + chrono::Duration::days(1);
                (saturday.month() == sunday.month()).then(|| When::Month(saturday.year(), saturday.month()))
            }
            // a week is no day, but it is a month when all of it lies in one
            _ => {
                let monday = base - chrono::Duration::days(i64::from(base.weekday().num_days_from_monday())) + chrono::Duration::weeks(i64::from(step));
                let sunday = monday + chrono::Duration::days(6);
                (monday.month() == sunday.month()).then(|| When::Month(monday.year(), monday.month()))
            }
        };
    }
    if let Some(y) = g("y").and_then(|y| y.parse::<i32>().ok()) {
        return Some(When::Year(y));
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn first_days_order_across_precisions() {
        let article = NaiveDate::from_ymd_opt(1987, 3, 19);
        assert!(When::Month(1985, 11).first_day() < article);
        assert!(When::Year(1986).first_day() < article);
        assert!(When::Month(1987, 3).first_day() < article);
        assert!(When::Month(1987, 4).first_day() > article);
        assert!(When::Year(1988).first_day() > article);
    }

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    macro_rules! t {
        ($name:ident, $text:expr, $date:expr, $future:expr, $want:expr) => {
            #[test]
            fn $name() {
                let got = find($text, $date, $future).first().and_then(|e| e.when).map(|w| w.lexical());
                assert_eq!(got.as_deref(), $want);
            }
        };
    }

    // 2022-06-13 is a Monday.
    t!(past_weekday, "met on Saturday", Some(d(2022, 6, 13)), false, Some("2022-06-11"));
    t!(future_weekday, "will meet on Saturday", Some(d(2022, 6, 13)), true, Some("2022-06-18"));
    t!(past_day_months_ahead_is_last_year, "met on Oct. 7", Some(d(2024, 4, 26)), false, Some("2023-10-07"));
    t!(planned_day_months_ahead_is_this_year, "will meet on Oct. 7", Some(d(2024, 4, 26)), true, Some("2024-10-07"));
    t!(the_day_before_yesterday, "arrived the day before yesterday", Some(d(2023, 7, 11)), false, Some("2023-07-09"));
    t!(last_weekend, "met last weekend", Some(d(2024, 4, 26)), false, Some("2024-04"));
    t!(this_weekend_told_as_done, "travelled this weekend", Some(d(2023, 10, 30)), false, Some("2023-10"));
    t!(this_weekend_to_come, "will travel this weekend", Some(d(2023, 10, 30)), true, Some("2023-11"));
    t!(in_two_weeks_time, "a meeting in two weeks time", Some(d(1987, 4, 20)), true, Some("1987-05-04"));
    t!(in_three_days, "will meet in three days", Some(d(1987, 4, 20)), true, Some("1987-04-23"));
    t!(in_two_months, "will meet in 2 months", Some(d(1987, 11, 20)), true, Some("1988-01"));
    t!(same_weekday_is_the_article_day, "on Monday", Some(d(2022, 6, 13)), false, Some("2022-06-13"));
    t!(same_weekday_planned_is_the_article_day, "will meet on Monday", Some(d(2022, 6, 13)), true, Some("2022-06-13"));
    t!(weekday_without_article_date, "on Monday", None, false, None);
    t!(yesterday, "said yesterday", Some(d(1987, 3, 3)), false, Some("1987-03-02"));
    t!(tomorrow, "will meet tomorrow", Some(d(1987, 3, 3)), true, Some("1987-03-04"));
    t!(last_year, "inked a deal last year", Some(d(2022, 6, 13)), false, Some("2021"));
    t!(next_month, "talks next month", Some(d(2022, 12, 13)), true, Some("2023-01"));
    t!(month_day_no_year, "beginning July 18", Some(d(2022, 6, 13)), true, Some("2022-07-18"));
    t!(month_day_past_wraps_year, "met on December 28", Some(d(1987, 1, 5)), false, Some("1986-12-28"));
    t!(written_date, "signed on March 3, 1987", None, false, Some("1987-03-03"));
    t!(day_month_year, "signed on 3 March 1987", None, false, Some("1987-03-03"));
    t!(iso, "on 2021-05-02", None, false, Some("2021-05-02"));
    t!(month_only, "talks in March", Some(d(1987, 6, 1)), false, Some("1987-03"));
    t!(a_month_told_as_done_is_not_ahead, "signed in April", Some(d(2024, 11, 4)), false, Some("2024-04"));
    t!(last_month_name_is_behind, "last March's accord", Some(d(1987, 2, 10)), true, Some("1986-03"));
    t!(a_month_to_come_is_ahead, "will meet in April", Some(d(2024, 11, 4)), true, Some("2025-04"));
    t!(year_only, "reached in 2018", None, false, Some("2018"));
    t!(last_week_across_two_months_is_unknown, "met last week", Some(d(1987, 7, 8)), false, None);
    t!(last_week_within_a_month, "met last week", Some(d(1987, 6, 1)), false, Some("1987-05"));
    t!(next_week_within_a_month, "visit next week", Some(d(1987, 4, 3)), true, Some("1987-04"));
    t!(weekday_last_week, "met on Wednesday last week", Some(d(2019, 10, 18)), false, Some("2019-10-09"));
    t!(weekday_next_week, "will meet on Tuesday next week", Some(d(2019, 10, 16)), true, Some("2019-10-22"));
    t!(next_weekday_is_ahead, "the talks next Friday", Some(d(2022, 6, 13)), false, Some("2022-06-17"));
    t!(last_weekday_on_the_same_weekday, "met last Monday", Some(d(2022, 6, 13)), false, Some("2022-06-06"));
    t!(a_range_of_days_starts_on_its_first, "will visit from 19-23 May", Some(d(2024, 5, 10)), true, Some("2024-05-19"));
    t!(a_range_after_the_month, "talks on May 19-23", Some(d(2024, 5, 10)), true, Some("2024-05-19"));
    t!(scheduled_for_two_days, "a meeting scheduled for January 14 to 15", Some(d(2025, 1, 10)), true, Some("2025-01-14"));
    t!(between_two_days, "will be there between 6 and 7 December", Some(d(2021, 12, 1)), true, Some("2021-12-06"));
    t!(month_last_year, "his visit in April last year", Some(d(2024, 5, 10)), false, Some("2023-04"));
    t!(this_morning, "met this morning", Some(d(1987, 3, 24)), false, Some("1987-03-24"));
    t!(a_month_before_its_noun, "the January talks focussed on debt", Some(d(1987, 3, 31)), false, Some("1987-01"));
    t!(last_months_accord, "last March's accord", Some(d(1987, 2, 10)), false, Some("1986-03"));
    t!(a_month_before_a_day_is_that_day, "the March 3 talks", Some(d(1987, 3, 31)), false, Some("1987-03-03"));
    t!(may_the_verb_is_not_a_month, "they may meet", Some(d(1987, 6, 1)), false, None);
    // a time that opens the sentence is written with a capital
    t!(sentence_initial_month_and_year, "In September 2011, they agreed", Some(d(2022, 6, 13)), false, Some("2011-09"));
    t!(sentence_initial_yesterday, "Yesterday, they met", Some(d(2022, 6, 13)), false, Some("2022-06-12"));
    t!(sentence_initial_last_weekday, "Last Friday they met", Some(d(2022, 6, 13)), false, Some("2022-06-10"));
    t!(sentence_initial_month_modifier, "The January talks ended", Some(d(2022, 6, 13)), false, Some("2022-01"));
    t!(sentence_initial_since_year, "Since 2019 they have met twice", Some(d(2022, 6, 13)), false, Some("2019"));
}
