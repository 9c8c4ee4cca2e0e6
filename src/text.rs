//! Sentences and tokens with byte spans, and the quirks of wire text: hard-wrapped lines,
//! indented paragraphs, datelines ("BERNE, March 3 - …") and abbreviations ("U.S.", "Mr.").
//!
//! Spans are byte ranges into the article text; they become code-point offsets only in `rdf`.

use std::ops::Range;
use std::sync::OnceLock;

use regex::Regex;

/// What a token is made of.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokenKind {
    /// Letters (and digits, inner hyphens and apostrophes): "Raisi", "20-year", "U.S.".
    Word,
    /// Digits: "1987", "5.93".
    Number,
    /// Anything else, one character at a time.
    Punct,
}

/// One token: a byte span of the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token {
    /// Start byte.
    pub start: usize,
    /// End byte (exclusive).
    pub end: usize,
    /// Its kind.
    pub kind: TokenKind,
}

/// One sentence: a byte span and the range of its tokens.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sentence {
    /// Start byte.
    pub start: usize,
    /// End byte (exclusive).
    pub end: usize,
    /// Indices into [`Analyzed::tokens`].
    pub tokens: Range<usize>,
}

/// A wire-copy dateline: the city the story was filed from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Dateline {
    /// The city as written ("BERNE", "SAO PAULO").
    pub city: String,
    /// Byte span of the whole dateline, up to and including its dash.
    pub span: Range<usize>,
}

/// An article cut into tokens and sentences.
#[derive(Debug, Clone)]
pub struct Analyzed<'a> {
    /// The article text.
    pub text: &'a str,
    /// All tokens in order.
    pub tokens: Vec<Token>,
    /// All sentences in order; together they cover every token.
    pub sentences: Vec<Sentence>,
    /// The dateline, when the text opens with one.
    pub dateline: Option<Dateline>,
}

impl<'a> Analyzed<'a> {
    /// The text of token `i` ("" when out of range).
    pub fn tok(&self, i: usize) -> &'a str {
        self.tokens.get(i).and_then(|t| self.text.get(t.start..t.end)).unwrap_or("")
    }

    /// The text of a byte span ("" when out of range).
    pub fn slice(&self, start: usize, end: usize) -> &'a str {
        self.text.get(start..end).unwrap_or("")
    }

    /// The index of the sentence holding token `i`.
    pub fn sentence_of(&self, i: usize) -> usize {
        self.sentences.partition_point(|s| s.tokens.end <= i)
    }

    /// The text between tokens `i` and `i + 1`.
    pub fn gap_after(&self, i: usize) -> &'a str {
        match (self.tokens.get(i), self.tokens.get(i + 1)) {
            (Some(a), Some(b)) => self.slice(a.end, b.start),
            _ => "",
        }
    }

    /// Whether sentence `i` is in title case: three or more capitalised words and no word of
    /// three letters or more in lower case but the function words titles keep small ("Trump
    /// Says US Will Leave Arms Treaty", "Chile and Peru Sign Pact"). Prose has its verbs in
    /// lower case however many names it lists ("X met Y and Z").
    pub fn title_cased(&self, i: usize) -> bool {
        self.capitals(i).is_some_and(|(capital, lower)| capital >= 3 && lower == 0)
    }

    /// Whether sentence `i` is a line of capitalised words alone, without an end mark or a
    /// figure: a headline in title case, a menu entry ("Print Edition"), a section label. A
    /// table of names and figures (sports results, standings) is not one.
    pub fn capitalised_line(&self, i: usize) -> bool {
        let Some(s) = self.sentences.get(i) else { return false };
        let figures = s.tokens.clone().any(|t| self.tokens.get(t).is_some_and(|k| k.kind == TokenKind::Number));
        !figures && self.unended_line(i) && self.capitals(i).is_some_and(|(capital, lower)| capital >= 1 && lower == 0)
    }

    /// The capitalised words of sentence `i` after its first, and its words of three letters
    /// or more in lower case other than the function words titles keep small.
    fn capitals(&self, i: usize) -> Option<(usize, usize)> {
        const SMALL: &[&str] = &["and", "the", "for", "nor", "but", "with", "from", "into", "over", "amid", "after"];
        let s = self.sentences.get(i)?;
        let words = s.tokens.clone().skip(1).map(|t| self.tok(t)).filter(|w| w.chars().count() >= 3 && w.chars().all(char::is_alphabetic));
        Some(words.fold((0, 0), |(c, l), w| {
            if w.chars().next().is_some_and(char::is_uppercase) {
                (c + 1, l)
            } else if SMALL.contains(&w) {
                (c, l)
            } else {
                (c, l + 1)
            }
        }))
    }

    /// Whether sentence `i` ends a line without a sentence's end mark.
    fn unended_line(&self, i: usize) -> bool {
        let Some(s) = self.sentences.get(i) else { return false };
        let text = self.slice(s.start, s.end).trim_end();
        let line_end = self.text.get(s.end..).is_none_or(|rest| rest.trim_start_matches([' ', '\t']).starts_with(['\n', '\r']) || rest.trim().is_empty());
        !text.ends_with(['.', '!', '?', '"', '”', '’', ')', ':', ',', ';']) && line_end
    }

    /// Whether sentence `i` is a fragment rather than prose: a line that ends without a
    /// sentence's end mark (a headline, a menu entry, a caption credit), or a title-cased one.
    pub fn is_fragment(&self, i: usize) -> bool {
        self.unended_line(i) || self.title_cased(i)
    }
}

fn token_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(
            r"(?x)
              (?:\p{Lu}\.){2,}                                  # U.S. U.S.S.R.
            | \d+(?:[.,:]\d+)*                                  # 1987  5.93  1,200
              (?:-[\p{L}\p{N}]+)*                               # 20-year
            | [\p{L}\p{M}][\p{L}\p{M}\p{N}]*                    # words
              (?:[-'’][\p{L}\p{M}\p{N}]+)*                      # Amir-Abdollahian, O'Brien
            | \S",
        )
        .unwrap_or_else(|e| unreachable!("static regex: {e}"))
    })
}

fn dateline_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(
            r"^\s*([\p{Lu}][\p{L}\p{M}.' ]+(?:,\s*[\p{Lu}][\p{L}.' ]+)?),\s+(?i:Jan|Feb|March|April|May|June|July|Aug|Sept?|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2}\s*[-–—]+\s*",
        )
        .unwrap_or_else(|e| unreachable!("static regex: {e}"))
    })
}

/// Datelines as web news writes them, at the start of one of the first lines (after a
/// headline or a byline): "SEOUL, Nov. 22 (Yonhap) --", "KIGALI, Rwanda (AP) —", "NEW DELHI:",
/// "Kuala Lumpur [Malaysia], July 10 (ANI):", "MOSCOW, January 28. /TASS/.", "Moscow, Jan 28 :",
/// "BANGKOK -". The agency credit is kept out of the city: an agency says nothing of where the
/// story's people are from.
fn web_dateline_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        // "Nov. 22", ", January 28.", "May 3, 2024", or an ISO date
        let date = r"(?:,?[ \t]+(?i:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?[ \t]+\d{1,2}(?:st|nd|rd|th)?(?:,[ \t]*\d{4})?\.?|[ \t]+\d{4}-\d{2}-\d{2})";
        let name = r"[\p{Lu}][\p{L}\p{M}'’.-]*(?: [\p{Lu}][\p{L}\p{M}'’.-]*){0,2}";
        let bracket = |group: &str| format!(r"\[(?P<{group}>[^\]\n]{{2,30}})\]");
        let pattern = format!(
            concat!(
                r"(?m)^[ \t]*(?P<city>{name})",
                // the city, then a date; or a region (and a date); or a bracketed country (and a date)
                r"(?:(?P<date>{date})|[ \t]*,[ \t]*(?P<region>{name})(?:[ \t]*{bracket2})?(?P<date2>{date})?|[ \t]*{bracket}(?P<date3>{date})?)?",
                // an agency credit: "(AP)", "/TASS/."
                r"(?P<credit>,?[ \t]*(?:\([\p{{Lu}}][^)\n]{{0,60}}\)|/[\p{{Lu}}][^/\n]{{0,30}}/)\.?)?",
                r"[ \t]*(?P<dash>--?|[–—]|:)?(?:[ \t]|$)",
            ),
            name = name,
            date = date,
            bracket = bracket("bracket"),
            bracket2 = bracket("bracket2"),
        );
        Regex::new(&pattern).unwrap_or_else(|e| unreachable!("static regex: {e}"))
    })
}

fn web_dateline(text: &str, is_place: &dyn Fn(&str) -> bool) -> Option<Dateline> {
    let head_end = text.char_indices().nth(700).map_or(text.len(), |(i, _)| i);
    let head = text.get(..head_end)?;
    for c in web_dateline_re().captures_iter(head) {
        let (Some(whole), Some(city)) = (c.get(0), c.name("city")) else { continue };
        let caps = city.as_str().chars().filter(|ch| ch.is_alphabetic()).all(char::is_uppercase) && city.as_str().chars().filter(|ch| ch.is_alphabetic()).count() >= 3;
        let marked = ["date", "date2", "date3", "credit", "bracket", "bracket2"].iter().any(|n| c.name(n).is_some());
        // a capitalised city alone before a dash is a dateline; a headline's "Iran FM:" is not
        if !(marked || caps && c.name("dash").is_some()) {
            continue;
        }
        let region = c.name("region").or(c.name("bracket")).or(c.name("bracket2")).map(|r| r.as_str().trim());
        if !is_place(city.as_str().trim()) && !region.is_some_and(is_place) {
            continue;
        }
        let city = match region {
            Some(r) => format!("{}, {r}", city.as_str().trim()),
            None => city.as_str().trim().to_owned(),
        };
        return Some(Dateline { city, span: whole.start()..whole.end() });
    }
    None
}

/// Abbreviations after which a full stop does not end a sentence.
const NO_BREAK: &[&str] = &[
    "Mr", "Mrs", "Ms", "Dr", "Gen", "Lt", "Col", "Sen", "Sens", "Rep", "Reps", "Gov", "St", "Prof", "Sgt", "Capt", "Adm", "Maj",
    "Cmdr", "Gov", "Jan", "Feb", "Apr", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec", "No", "Nos", "vs", "Messrs",
    "Mt", "Ft", "Rev", "Hon", "Pres", "approx", "est", "Fig", "Vol", "pct", "mln", "bln", "dlrs",
];

/// Capitalised words that open a new sentence after an abbreviation like "U.S." ends one.
const SENTENCE_OPENERS: &[&str] = &[
    "The", "A", "An", "He", "She", "It", "They", "We", "I", "But", "In", "On", "At", "This", "That",
    "These", "Those", "There", "His", "Her", "Its", "Their", "However", "Meanwhile", "Officials", "If", "When",
    "After", "Before", "While", "As", "According",
];

/// Cuts `text` into tokens and sentences; a dateline is any that has the shape of one.
pub fn analyze(text: &str) -> Analyzed<'_> {
    analyze_with(text, |_| true)
}

/// Cuts `text` into tokens and sentences; a web dateline counts only if `is_place` knows its
/// city ("SPORT - A HEADLINE" has a dateline's shape, not its city).
pub fn analyze_with(text: &str, is_place: impl Fn(&str) -> bool) -> Analyzed<'_> {
    let tokens = tokenize(text);
    let sentences = split_sentences(text, &tokens, hard_wrapped(text));
    let dateline = dateline_re()
        .captures(text)
        .and_then(|c| {
            let whole = c.get(0)?;
            let city = c.get(1)?.as_str().trim().to_owned();
            Some(Dateline { city, span: whole.start()..whole.end() })
        })
        .or_else(|| web_dateline(text, &is_place));
    Analyzed { text, tokens, sentences, dateline }
}

/// Splits text into tokens; a possessive `'s` / `’s` becomes a token of its own.
pub fn tokenize(text: &str) -> Vec<Token> {
    let mut out = Vec::new();
    for m in token_re().find_iter(text) {
        let s = m.as_str();
        let first = s.chars().next().unwrap_or(' ');
        let kind = if first.is_alphabetic() {
            TokenKind::Word
        } else if first.is_ascii_digit() {
            TokenKind::Number
        } else {
            TokenKind::Punct
        };
        // "then-US President", "ex-Prime Minister": the prefix is a word of its own, so that the
        // name or title after it is read as it stands
        if kind == TokenKind::Word {
            let prefix = ["then-", "ex-"].iter().find(|p| s.get(..p.len()).is_some_and(|h| h.eq_ignore_ascii_case(p)));
            if let Some(p) = prefix.filter(|p| s[p.len()..].chars().next().is_some_and(char::is_uppercase)) {
                let dash = m.start() + p.len() - 1;
                out.push(Token { start: m.start(), end: dash, kind });
                out.push(Token { start: dash, end: dash + 1, kind: TokenKind::Punct });
                out.push(Token { start: dash + 1, end: m.end(), kind });
                continue;
            }
        }
        if kind == TokenKind::Word && s.len() > 3 {
            let lower = s.to_lowercase();
            for suffix in ["'s", "’s"] {
                if lower.ends_with(suffix) {
                    let cut = m.end() - suffix.len();
                    out.push(Token { start: m.start(), end: cut, kind });
                    out.push(Token { start: cut, end: m.end(), kind: TokenKind::Punct });
                    break;
                }
            }
            if out.last().is_some_and(|t| t.end == m.end()) {
                continue;
            }
        }
        out.push(Token { start: m.start(), end: m.end(), kind });
    }
    out
}

/// Whether the white space between two words keeps them in one name: spaces, or one line
/// break of hard-wrapped text, but not a paragraph break.
pub fn same_line_run(gap: &str) -> bool {
    !gap.is_empty() && gap.chars().all(char::is_whitespace) && gap.matches('\n').count() <= 1 && !is_paragraph_break(gap)
}

fn is_closer(s: &str) -> bool {
    matches!(s, "\"" | "”" | "’" | "'" | ")" | "]" | "»")
}

fn is_paragraph_break(gap: &str) -> bool {
    // A blank line, or a new line that starts indented (Reuters paragraphs: "\n    ").
    let mut newlines = 0;
    for (i, c) in gap.char_indices() {
        if c == '\n' {
            newlines += 1;
            if newlines >= 2 {
                return true;
            }
            let rest = gap.get(i + 1..).unwrap_or("");
            if rest.starts_with("  ") || rest.starts_with('\t') {
                return true;
            }
        }
    }
    false
}

/// Whether the text is hard-wrapped, as wire copy is: nine lines in ten of 100 characters or
/// less (a stray long line is a transmission fault). There a single line break runs on inside
/// a sentence; in web text, whose paragraphs are long lines, a line break ends the headline,
/// the menu entry or the paragraph before it.
fn hard_wrapped(text: &str) -> bool {
    let (lines, long) = text.lines().filter(|l| !l.trim().is_empty()).fold((0, 0), |(n, k), l| (n + 1, k + usize::from(l.chars().count() > 100)));
    long * 10 <= lines
}

fn split_sentences(text: &str, tokens: &[Token], wrapped: bool) -> Vec<Sentence> {
    let is_paragraph_break = |gap: &str| is_paragraph_break(gap) || !wrapped && gap.contains('\n');
    let t = |i: usize| tokens.get(i).and_then(|t| text.get(t.start..t.end)).unwrap_or("");
    let mut sentences = Vec::new();
    let mut begin = 0;
    let mut i = 0;
    while i < tokens.len() {
        let cur = t(i);
        let mut end_here = false;
        let mut last = i;
        if matches!(cur, "." | "!" | "?" | "…") || (cur.len() > 2 && cur.ends_with('.') && tokens[i].kind == TokenKind::Word) {
            // closing quotes and brackets stay with the sentence they close
            // An ASCII quote closes only a quote opened in this sentence; otherwise it opens the next.
            let open_ascii = (begin..=i).filter(|&k| matches!(t(k), "\"")).count() % 2 == 1;
            while last + 1 < tokens.len()
                && is_closer(t(last + 1))
                && (t(last + 1) != "\"" || open_ascii)
                && !is_paragraph_break(gap(text, tokens, last))
            {
                last += 1;
            }
            let next = t(last + 1);
            let next_starts = next.chars().next().is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
                || matches!(next, "\"" | "“" | "‘" | "'" | "(");
            let prev = if cur == "." && i > 0 && tokens[i - 1].end == tokens[i].start { t(i - 1) } else { "" };
            let abbreviation = NO_BREAK.contains(&prev)
                || (prev.chars().count() == 1 && prev.chars().all(char::is_uppercase));
            if last + 1 >= tokens.len() {
                end_here = true;
            } else if cur.ends_with('.') && cur.len() > 2 {
                // "U.S." ends a sentence only before a typical sentence opener or a paragraph break.
                end_here = is_paragraph_break(gap(text, tokens, last)) || SENTENCE_OPENERS.contains(&next);
            } else if next_starts && matches!(prev, "Co" | "Corp" | "Inc" | "Ltd" | "Bros" | "Cos") {
                // "J.P. Morgan and Co. Inc.": a company's suffix ends a sentence only before
                // a typical sentence opener or a paragraph break
                end_here = is_paragraph_break(gap(text, tokens, last)) || SENTENCE_OPENERS.contains(&next);
            } else if next_starts && !abbreviation {
                end_here = true;
            } else if is_paragraph_break(gap(text, tokens, last)) {
                end_here = true;
            }
        } else if i + 1 < tokens.len() && is_paragraph_break(gap(text, tokens, i)) {
            end_here = true;
        }
        if end_here || last + 1 >= tokens.len() {
            sentences.push(Sentence { start: tokens[begin].start, end: tokens[last].end, tokens: begin..last + 1 });
            begin = last + 1;
        }
        i = last + 1;
    }
    sentences
}

fn gap<'t>(text: &'t str, tokens: &[Token], i: usize) -> &'t str {
    match (tokens.get(i), tokens.get(i + 1)) {
        (Some(a), Some(b)) => text.get(a.end..b.start).unwrap_or(""),
        _ => "",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sents(text: &str) -> Vec<&str> {
        let a = analyze(text);
        a.sentences.iter().map(|s| &text[s.start..s.end]).collect()
    }

    #[test]
    fn then_and_ex_before_a_capital_are_words_of_their_own() {
        let a = analyze("signed by then-US President Ana Ruiz and ex-Minister Luis Vera, a well-known figure");
        let words: Vec<&str> = (0..a.tokens.len()).map(|i| a.tok(i)).collect();
        assert!(words.windows(3).any(|w| w == ["then", "-", "US"]), "{words:?}");
        assert!(words.windows(3).any(|w| w == ["ex", "-", "Minister"]), "{words:?}");
        assert!(words.contains(&"well-known"), "{words:?}");
    }

    #[test]
    fn a_line_break_ends_a_sentence_in_web_text_not_in_wire_copy() {
        let web = format!("Chile And Peru Sign Pact\n{}", "The two countries signed the fishing pact on Monday after three years of talks, officials said in Lima. ".repeat(2));
        assert_eq!(sents(&web).len(), 3, "{:?}", sents(&web));
        let wire = "LIMA, March 3 - Chile and Peru signed a fishing pact\non Monday after three years of talks, officials said.\n";
        assert_eq!(sents(wire).len(), 1, "{:?}", sents(wire));
    }

    #[test]
    fn fragments_and_title_case() {
        let text = "Chile And Peru Sign Fishing Pact\nDon't Miss\nPresident Ana Ruiz, Peru's Luis Vera, Bolivia's Tomas Berg and Chile's Mara Quist attended the signing of the pact in Lima on Monday.\n";
        let a = analyze(text);
        let got: Vec<(bool, bool, bool)> = (0..a.sentences.len()).map(|i| (a.title_cased(i), a.is_fragment(i), a.capitalised_line(i))).collect();
        assert_eq!(got, vec![(true, true, true), (false, true, true), (false, false, false)]);
        let table = analyze("Tony Berg 2 Leeds 1\n");
        assert!(table.is_fragment(0) && !table.capitalised_line(0), "a table line of names and figures");
    }

    #[test]
    fn web_datelines() {
        for (text, city) in [
            ("SEOUL, June 3 (AP) — President Yoon Suk Yeol said", "SEOUL"),
            ("A headline\n\nKIGALI, Rwanda (AP) — The talks", "KIGALI, Rwanda"),
            ("NEW DELHI: Prime Minister Modi said", "NEW DELHI"),
            ("Kuala Lumpur [Malaysia], May 2 (ANI): The trade minister", "Kuala Lumpur, Malaysia"),
            ("MOSCOW, January 28. /TASS/. Russian President", "MOSCOW"),
            ("Moscow, Jan 28 : The Russian parliament", "Moscow"),
            ("Beijing, June 19 (Xinhua) -- Chinese President", "Beijing"),
            ("BANGKOK - It was a productive weekend", "BANGKOK"),
            ("SPORT - A HEADLINE\n\nLONDON 1996-08-30\n\nThe talks", "LONDON"),
            ("AL-AIN , United Arab Emirates 1996-12-06\n\nJapan won.", "AL-AIN, United Arab Emirates"),
        ] {
            let known = |c: &str| crate::lexicon::Lexicon::shipped().place_country(c, None).is_some();
            assert_eq!(analyze_with(text, known).dateline.map(|d| d.city).as_deref(), Some(city), "{text}");
        }
        for text in ["Iran FM:\n\nCooperation with neighbors", "President Lee Jin-ho (left) greets the guests", "The two leaders met on Friday."] {
            assert_eq!(analyze(text).dateline, None, "{text}");
        }
    }

    #[test]
    fn splits_on_full_stops_and_keeps_closing_quotes() {
        assert_eq!(
            sents("He met “the two nations.” Then he left. Mr. Smith stayed."),
            vec!["He met “the two nations.”", "Then he left.", "Mr. Smith stayed."]
        );
    }

    #[test]
    fn abbreviations_do_not_end_sentences() {
        assert_eq!(sents("The U.S. Treasury said so. It agreed."), vec!["The U.S. Treasury said so.", "It agreed."]);
        assert_eq!(sents("Sanctions by the U.S. The talks ended."), vec!["Sanctions by the U.S.", "The talks ended."]);
        // wire copy capitalises the word after "U.S.": "the U.S. And West Germany agreed"
        assert_eq!(sents("Britain, the U.S. And West Germany agreed. It held."), vec!["Britain, the U.S. And West Germany agreed.", "It held."]);
        assert_eq!(sents("J.P. Morgan and Co. Inc. agreed. It paid."), vec!["J.P. Morgan and Co. Inc. agreed.", "It paid."]);
        assert_eq!(sents("He joined Texaco Inc. The company grew."), vec!["He joined Texaco Inc.", "The company grew."]);
        assert_eq!(sents("Gen. Ne Win and J. Smith met."), vec!["Gen. Ne Win and J. Smith met."]);
    }

    #[test]
    fn hard_wrapped_wire_text() {
        let t = "BERNE, March 3 - Swiss officials said\nthe talks went well.\n    The talks resume\ntoday";
        assert_eq!(sents(t), vec!["BERNE, March 3 - Swiss officials said\nthe talks went well.", "The talks resume\ntoday"]);
        assert_eq!(analyze(t).dateline.map(|d| d.city), Some("BERNE".to_owned()));
    }

    #[test]
    fn possessives_are_split() {
        let a = analyze("Iran’s leader and Venezuela's");
        let words: Vec<&str> = (0..a.tokens.len()).map(|i| a.tok(i)).collect();
        assert_eq!(words, vec!["Iran", "’s", "leader", "and", "Venezuela", "'s"]);
    }

    #[test]
    fn hyphenated_numbers_and_names() {
        let a = analyze("a 20-year pact with Amir-Abdollahian");
        let words: Vec<&str> = (0..a.tokens.len()).map(|i| a.tok(i)).collect();
        assert_eq!(words, vec!["a", "20-year", "pact", "with", "Amir-Abdollahian"]);
    }
}
