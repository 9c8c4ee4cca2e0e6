//! Table-driven tests of the event families, on sentences written for the purpose.

use std::collections::BTreeSet;

use chrono::NaiveDate;

use super::{EventKind, Status};
use crate::document::Document;

#[derive(Debug, PartialEq, Eq)]
struct Got {
    family: &'static str,
    actors: BTreeSet<String>,
    status: Option<Status>,
    date: Option<String>,
    duration: Option<String>,
}

fn events(text: &str, date: Option<&str>) -> Vec<Got> {
    let doc = Document {
        id: "t".into(),
        text: text.into(),
        date: date.and_then(|d| NaiveDate::parse_from_str(d, "%Y-%m-%d").ok()),
        title: None,
        url: None,
    };
    let x = crate::extract(&doc);
    x.events
        .iter()
        .map(|e| Got {
            family: match e.kind {
                EventKind::Meeting { .. } => "meeting",
                EventKind::Pact { .. } => "pact",
                EventKind::Sanction { .. } => "sanction",
                EventKind::Statement { .. } => "statement",
            },
            actors: e.actors.iter().map(|&i| x.resolved.entities[i].label.clone()).collect(),
            status: e.status,
            date: e.when.map(|w| w.lexical()),
            duration: match &e.kind {
                EventKind::Pact { duration, .. } => duration.clone(),
                _ => None,
            },
        })
        .collect()
}

fn only<'a>(got: &'a [Got], family: &str) -> Vec<&'a Got> {
    got.iter().filter(|g| g.family == family).collect()
}

fn set(xs: &[&str]) -> BTreeSet<String> {
    xs.iter().map(|s| (*s).to_owned()).collect()
}

macro_rules! meeting {
    ($name:ident, $text:expr, $date:expr, $actors:expr, $status:expr, $when:expr) => {
        #[test]
        fn $name() {
            let got = events($text, $date);
            let m = only(&got, "meeting");
            assert_eq!(m.len(), 1, "{got:#?}");
            assert_eq!(m[0].actors, set(&$actors), "{got:#?}");
            assert_eq!(m[0].status, Some($status));
            assert_eq!(m[0].date.as_deref(), $when);
        }
    };
}

macro_rules! no_meeting {
    ($name:ident, $text:expr) => {
        #[test]
        fn $name() {
            let got = events($text, Some("1987-03-03"));
            assert!(only(&got, "meeting").is_empty(), "{got:#?}");
        }
    };
}

macro_rules! pact {
    ($name:ident, $text:expr, $parties:expr, $status:expr, $duration:expr) => {
        #[test]
        fn $name() {
            let got = events($text, Some("2022-06-13"));
            let p = only(&got, "pact");
            assert_eq!(p.len(), 1, "{got:#?}");
            assert_eq!(p[0].actors, set(&$parties), "{got:#?}");
            assert_eq!(p[0].status, Some($status));
            assert_eq!(p[0].duration.as_deref(), $duration);
        }
    };
}

macro_rules! no_pact {
    ($name:ident, $text:expr) => {
        #[test]
        fn $name() {
            let got = events($text, Some("2022-06-13"));
            assert!(only(&got, "pact").is_empty(), "{got:#?}");
        }
    };
}

meeting!(
    met_with_titles,
    "Iranian President Ebrahim Raisi met Venezuelan President Nicolas Maduro on Saturday in Tehran.",
    Some("2022-06-13"),
    ["Ebrahim Raisi", "Nicolas Maduro"],
    Status::Held,
    Some("2022-06-11")
);
meeting!(
    coordination_subject,
    "Japanese Prime Minister Yasuhiro Nakasone and President Ronald Reagan held talks in Washington yesterday.",
    Some("1987-05-01"),
    ["Yasuhiro Nakasone", "Ronald Reagan"],
    Status::Held,
    Some("1987-04-30")
);
meeting!(
    countries_only_future,
    "Japan and the United States will hold talks on semiconductors next month.",
    Some("1987-03-03"),
    ["Japan", "United States"],
    Status::Planned,
    Some("1987-04")
);
meeting!(
    visit_makes_the_host_country_a_participant,
    "West German Chancellor Helmut Kohl will visit Moscow in July, officials said.",
    Some("1987-03-03"),
    ["Helmut Kohl", "Soviet Union"],
    Status::Planned,
    Some("1987-07")
);
meeting!(
    source_frame_is_not_a_participant,
    "According to Reuters, Brazilian Finance Minister Dilson Funaro met World Bank President Barber Conable on Monday.",
    Some("1987-03-04"),
    ["Dilson Funaro", "Barber Conable"],
    Status::Held,
    Some("1987-03-02")
);

#[test]
fn here_is_the_dateline_city() {
    let doc = Document {
        id: "t".into(),
        text: "BERNE, March 3 - Swiss Foreign Minister Pierre Aubert met Brazilian Finance Minister Dilson Funaro here today.".into(),
        date: NaiveDate::from_ymd_opt(1987, 3, 3),
        title: None,
        url: None,
    };
    let x = crate::extract(&doc);
    let m = x.events.iter().find(|e| matches!(e.kind, EventKind::Meeting { .. })).expect("a meeting");
    assert_eq!(m.place.map(|p| x.resolved.entities[p].label.as_str()), Some("Berne"));
    assert_eq!(m.when.map(|w| w.lexical()).as_deref(), Some("1987-03-03"));
}

no_meeting!(talks_with_unnamed_counterparts, "Brazilian Finance Minister Dilson Funaro sought rescheduling talks with banks.");
no_meeting!(negated_meeting, "U.S. Agriculture Secretary Richard Lyng told the press on Monday there were no plans to meet Prime Minister Rajiv Gandhi.");

meeting!(
    visit_by,
    "Margaret Thatcher spoke in an interview coinciding with a visit to London by King Fahd of Saudi Arabia.",
    Some("1987-03-25"),
    ["Fahd", "United Kingdom"],
    Status::Held,
    Some("1987-03-25")
);

#[test]
fn a_possessed_visit_belongs_to_its_owner() {
    let doc = Document {
        id: "t".into(),
        text: "WASHINGTON, Oct 20 - Agriculture Secretary Richard Lyng did not expect an offer during Indian Prime Minister Rajiv Gandhi's visit here this week.".into(),
        date: NaiveDate::from_ymd_opt(1987, 10, 20),
        title: None,
        url: None,
    };
    let x = crate::extract(&doc);
    let m = x.events.iter().find(|e| matches!(e.kind, EventKind::Meeting { .. })).expect("a visit");
    let who: BTreeSet<&str> = m.actors.iter().map(|&i| x.resolved.entities[i].label.as_str()).collect();
    assert_eq!(who, BTreeSet::from(["Rajiv Gandhi", "United States"]));
}

no_meeting!(met_expectations, "Exports met expectations in January, the Japanese Finance Ministry said.");
no_meeting!(met_with_resistance, "The proposal by Japan met with resistance in the United States.");
no_meeting!(anaphoric_meeting, "During the meeting, Iranian President Ebrahim Raisi rejected the demands of Venezuela.");
no_meeting!(talks_as_speech, "Brazil talks about its debt often, Brazilian Finance Minister Dilson Funaro said.");
no_meeting!(received_a_contract, "Hughes Aircraft Co, a unit of General Motors Corp, received a contract from the U.S. Navy.");
no_meeting!(meet_demands, "Argentina and Brazil said they could not meet creditor bank demands.");
no_meeting!(capitalised_trigger_in_a_name, "VMX Inc and IBM introduced Host Data Link in Dallas.");
no_meeting!(anaphoric_summit, "Japan and the United States hope to lift growth at the summit.");
no_meeting!(hypothetical_visit_of_no_one, "Officials said more Iranians will consider visiting Venezuelan cities.");

meeting!(
    talks_between_name_their_participants,
    "Britain said an IMF program would help negotiations between Brazil and Argentina.",
    Some("1987-03-03"),
    ["Brazil", "Argentina"],
    Status::Planned,
    None
);
meeting!(
    met_ministers_of_a_country,
    "World Bank President Barber Conable pledged support. Since landing in Indonesia on Saturday Conable has met 12 Indonesian cabinet ministers.",
    Some("1987-03-24"),
    ["Barber Conable", "Indonesia"],
    Status::Held,
    Some("1987-03-21")
);

pact!(
    planned_pact_with_duration,
    "Iran and Venezuela have declared plans to formalize a 20-year strategic pact, strengthening ties to the region.",
    ["Iran", "Venezuela"],
    Status::Proposed,
    Some("P20Y")
);
pact!(
    signed_deal,
    "Iran and Venezuela inked a 20-year cooperation deal on Saturday.",
    ["Iran", "Venezuela"],
    Status::Signed,
    Some("P20Y")
);
pact!(
    withdrawal_binds_the_subject,
    "The United States pulled out of a multilateral nuclear deal reached by other major world powers in 2018.",
    ["United States"],
    Status::Withdrawn,
    None
);
pact!(
    agreement_with,
    "Brazil signed a debt rescheduling agreement with the International Monetary Fund on Tuesday.",
    ["Brazil", "International Monetary Fund"],
    Status::Signed,
    None
);
pact!(
    collective_party,
    "Iranian officials also inked a 25-year agreement last year.",
    ["Iran"],
    Status::Signed,
    Some("P25Y")
);

#[test]
fn deal_with_is_not_a_pact() {
    let got = events("Japan must deal with the trade surplus, U.S. officials said.", None);
    assert!(only(&got, "pact").is_empty(), "{got:#?}");
}

#[test]
fn a_definite_re_mention_is_the_same_pact() {
    let got = events(
        "Iran and Venezuela inked a 20-year cooperation deal. The \"cooperation roadmap\" was signed by the foreign ministers of the two countries.",
        Some("2022-06-13"),
    );
    assert_eq!(only(&got, "pact").len(), 1, "{got:#?}");
}

#[test]
fn sanctions_imposer_and_targets() {
    let got = events("Iran, like Venezuela, has been sanctioned by the U.S. for many years.", None);
    let s = only(&got, "sanction");
    assert_eq!(s.len(), 1, "{got:#?}");
    assert_eq!(s[0].actors, set(&["United States", "Iran", "Venezuela"]));
    let got = events("The European Community imposed sanctions against South Africa.", None);
    let s = only(&got, "sanction");
    assert_eq!(s[0].actors, set(&["European Community", "South Africa"]), "{got:#?}");
}

#[test]
fn statements_resolve_pronouns() {
    let got = events(
        "Venezuelan President Nicolas Maduro arrived. \"We must build this future together,\" he said.",
        None,
    );
    let s = only(&got, "statement");
    assert_eq!(s.len(), 1, "{got:#?}");
    assert_eq!(s[0].actors, set(&["Nicolas Maduro"]));
}

// More trigger families.
meeting!(
    received_a_visitor,
    "Chinese Premier Li Peng received Japanese Foreign Minister Taro Nakayama in Peking on Tuesday.",
    Some("1990-05-03"),
    ["Li Peng", "Taro Nakayama"],
    Status::Held,
    Some("1990-05-01")
);
meeting!(
    invited_to_visit,
    "Iranian President Ebrahim Raisi invited Venezuelan President Nicolas Maduro to visit Iran.",
    Some("2022-06-13"),
    ["Ebrahim Raisi", "Nicolas Maduro", "Iran"],
    Status::Planned,
    None
);
meeting!(
    telephoned,
    "U.S. President George Bush telephoned Soviet President Mikhail Gorbachev yesterday.",
    Some("1990-05-03"),
    ["George Bush", "Mikhail Gorbachev"],
    Status::Held,
    Some("1990-05-02")
);

pact!(
    ratified_treaty,
    "The Soviet Union and the United States ratified the arms treaty on Monday.",
    ["Soviet Union", "United States"],
    Status::Signed,
    None
);
pact!(
    ceasefire_agreed,
    "Iran and Iraq agreed to a ceasefire.",
    ["Iran", "Iraq"],
    Status::Signed,
    None
);
pact!(
    memorandum_sought_with,
    "British Corporate Affairs Minister Michael Howard said a memorandum of understanding would be sought with Japan.",
    ["United Kingdom", "Japan"],
    Status::Proposed,
    None
);
pact!(
    rejected_deal_failed,
    "Talks between Israel and Syria collapsed without a deal.",
    ["Israel", "Syria"],
    Status::Failed,
    None
);
pact!(
    violated_pact_in_force,
    "The United States said Japan was violating the semiconductor agreement with the United States.",
    ["Japan", "United States"],
    Status::InForce,
    None
);

#[test]
fn an_embargo_against() {
    let got = events("The United States imposed an embargo against Cuba in 1962.", None);
    let s = only(&got, "sanction");
    assert_eq!(s.len(), 1, "{got:#?}");
    assert_eq!(s[0].actors, set(&["United States", "Cuba"]));
}

// restrictive measures, reimposed sanctions, and targets named by the sentence's next
// sanction word
#[test]
fn sanctions_told_as_measures_reimposed_or_packaged() {
    for (text, want) in [
        ("The European Union adopted restrictive measures against Belarus on Monday.", ["European Union", "Belarus"]),
        ("The United States reimposed sanctions on Iran in 2018.", ["United States", "Iran"]),
        ("The European Union has adopted a new package of sanctions reinforcing restrictive measures against Belarus, officials said.", ["European Union", "Belarus"]),
    ] {
        let got = events(text, Some("2024-05-15"));
        let s = only(&got, "sanction");
        assert_eq!(s.len(), 1, "{text}: {got:#?}");
        assert_eq!(s[0].actors, set(&want), "{text}");
    }
}

// found on articles outside the evaluation texts
meeting!(
    between_after_the_modifiers_of_the_noun,
    "Yeutter said the meetings scheduled next month in Washington between President Ronald Reagan and Prime Minister Yasuhiro Nakasone will be hard.",
    Some("1987-03-30"),
    ["Ronald Reagan", "Yasuhiro Nakasone"],
    Status::Planned,
    Some("1987-04")
);
meeting!(
    a_compound_of_two_names_before_summit,
    "President Ronald Reagan met Soviet leader Mikhail Gorbachev. It was the Soviet position at the earlier Reagan-Gorbachev summit.",
    Some("1987-03-01"),
    ["Ronald Reagan", "Mikhail Gorbachev"],
    Status::Held,
    None
);
meeting!(
    a_past_month_is_held,
    "Soviet leader Mikhail Gorbachev and President Ronald Reagan held talks in November 1985.",
    Some("1987-03-01"),
    ["Ronald Reagan", "Mikhail Gorbachev"],
    Status::Held,
    Some("1985-11")
);
meeting!(
    discussions_are_talks,
    "Canadian Foreign Secretary Joe Clark today held discussions with Treasury Secretary James Baker.",
    Some("1987-03-11"),
    ["Joe Clark", "James Baker"],
    Status::Held,
    Some("1987-03-11")
);
meeting!(
    a_body_gathers_and_a_city_state_is_the_place,
    "EC foreign ministers gathered in Luxembourg on Monday.",
    Some("1987-04-08"),
    ["European Community"],
    Status::Held,
    Some("1987-04-06")
);
no_meeting!(gathering_support_is_no_meeting, "The IMF gathered support for the plan on Monday.");
no_meeting!(convening_a_panel_is_no_meeting, "Japan convened a panel of experts.");

/// Meetings with several per sentence: each is (participants, status).
macro_rules! meetings {
    ($name:ident, $text:expr, $date:expr, [$(($actors:expr, $status:expr)),* $(,)?]) => {
        #[test]
        fn $name() {
            let got = events($text, $date);
            let mut m: Vec<(std::collections::BTreeSet<String>, Option<Status>)> = only(&got, "meeting").iter().map(|e| (e.actors.clone(), e.status)).collect();
            m.sort();
            let mut want: Vec<(std::collections::BTreeSet<String>, Option<Status>)> = vec![$((set(&$actors), Some($status))),*];
            want.sort();
            assert_eq!(m, want, "{got:#?}");
        }
    };
}

// Frames: every inflection of a frame's verb, light verbs with their nouns, calls, visits.
meeting!(frame_telephonic_conversation, "Prime Minister Rosa Delgado and President Tomas Berg on Monday held a telephonic conversation.", Some("2024-05-15"), ["Rosa Delgado", "Tomas Berg"], Status::Held, Some("2024-05-13"));
meeting!(frame_spoke_by_phone, "Chancellor Mara Quist spoke by phone with President Ilan Dorr on Tuesday.", Some("2024-05-15"), ["Mara Quist", "Ilan Dorr"], Status::Held, Some("2024-05-14"));
meetings!(
    frame_a_call_is_not_the_meeting_in_person,
    "President Ana Ruiz welcomed President Luis Vera at the palace on Oct. 11, 2023. Ruiz has spoken by phone with Vera about tariffs.",
    Some("2024-05-15"),
    [(["Ana Ruiz", "Luis Vera"], Status::Held), (["Ana Ruiz", "Luis Vera"], Status::Held)]
);
meetings!(
    frame_a_call_told_first_is_not_the_later_meeting_in_person,
    "President Ana Ruiz has spoken by phone with President Luis Vera about tariffs. Ruiz welcomed Vera at the palace on Oct. 11, 2023.",
    Some("2024-05-15"),
    [(["Ana Ruiz", "Luis Vera"], Status::Held), (["Ana Ruiz", "Luis Vera"], Status::Held)]
);
// a series of verb phrases told in the past shares the subject that opens it
meetings!(
    frame_a_past_series_shares_its_subject,
    "During the trip, President Tomas Berg held talks with Chancellor Mara Quist, visited the Secretariat of the Andean Community, and met with Defence Minister Olav Rask.",
    Some("2024-05-15"),
    [(["Tomas Berg", "Mara Quist"], Status::Held), (["Tomas Berg", "Andean Community"], Status::Held), (["Tomas Berg", "Olav Rask"], Status::Held)]
);
// each item of a list told with a time of its own is an encounter of its own, on its day
#[test]
fn each_stop_or_partner_dated_by_its_own_time() {
    let dated = |text: &str| {
        let mut m: Vec<(BTreeSet<String>, Option<String>)> = only(&events(text, Some("2024-10-23")), "meeting").iter().map(|e| (e.actors.clone(), e.date.clone())).collect();
        m.sort();
        m
    };
    assert_eq!(
        dated("President Tomas Berg visited Lima in August and Santiago in July to promote the trade pact."),
        vec![(set(&["Tomas Berg", "Chile"]), Some("2024-07".into())), (set(&["Tomas Berg", "Peru"]), Some("2024-08".into()))]
    );
    assert_eq!(
        dated("President Ana Ruiz met Luis Vera on Monday and Tomas Berg on Tuesday."),
        vec![(set(&["Ana Ruiz", "Luis Vera"]), Some("2024-10-21".into())), (set(&["Ana Ruiz", "Tomas Berg"]), Some("2024-10-22".into()))]
    );
    assert_eq!(dated("President Ana Ruiz met Luis Vera and Tomas Berg on Tuesday."), vec![(set(&["Ana Ruiz", "Luis Vera", "Tomas Berg"]), Some("2024-10-22".into()))]);
}

// a definite plural of a post opening a sentence is the story's pair
meetings!(
    the_presidents_are_the_pair_of_the_story,
    "President Ana Ruiz of Chile spoke with President Luis Vera of Peru in a phone call on Monday. The presidents may meet in person after the election, an aide said.",
    Some("2024-05-15"),
    [(["Ana Ruiz", "Luis Vera"], Status::Held), (["Ana Ruiz", "Luis Vera"], Status::Planned)]
);
// a trip's stop is a visit; "as well as" coordinates; a description may introduce a name
meetings!(
    a_stop_on_a_tour_is_a_visit,
    "President Ana Ruiz will visit Kenya on Monday. Ruiz's final stop will be in Senegal between 6 and 7 December.",
    Some("2024-12-01"),
    [(["Ana Ruiz", "Kenya"], Status::Planned), (["Ana Ruiz", "Senegal"], Status::Planned)]
);
meetings!(
    visits_coordinated_by_as_well_as_over_descriptions,
    "Minister Tomas Berg has recently visited fellow gas producer Norway, as well as top exporter the United States.",
    Some("2024-12-01"),
    [(["Tomas Berg", "Norway"], Status::Held), (["Tomas Berg", "United States"], Status::Held)]
);
meeting!(a_description_is_no_one_met, "President Ana Ruiz met Luis Vera and reporters in Lima.", Some("2024-12-01"), ["Ana Ruiz", "Luis Vera"], Status::Held, Some("2024-12-01"));
// an apposition that puts a person in a country for talks makes them a visitor there
meeting!(in_a_country_for_talks_is_a_visit, "Director Tomas Berg, in Kenya for talks with farm officials, said the harvest was good.", Some("2024-12-01"), ["Tomas Berg", "Kenya"], Status::Held, Some("2024-12-01"));
// a described item's name in apposition after its comma is on the list
meeting!(a_counterpart_named_after_its_comma_was_met, "PM Tomas Berg met with President Ana Ruiz and his counterpart, Prime Minister Luis Vera.", Some("2024-12-01"), ["Tomas Berg", "Ana Ruiz", "Luis Vera"], Status::Held, Some("2024-12-01"));
// "is to have three rounds of talks with X and Y": still to come, and the subject is one side
meeting!(
    is_to_have_rounds_of_talks_with_several,
    "Envoy Tomas Berg is to have three rounds of talks next week with the farm minister, Luis Vera, and the finance minister, Ana Ruiz.",
    Some("1987-04-08"),
    ["Tomas Berg", "Luis Vera", "Ana Ruiz"],
    Status::Planned,
    Some("1987-04")
);
// a compound of two sides before an event noun, and a capitalised event name of theirs
meeting!(a_compound_of_two_sides_names_their_summit, "The Chile-Peru annual summit will take place in Lima next month.", Some("2024-12-20"), ["Chile", "Peru"], Status::Planned, Some("2025-01"));
meeting!(a_named_consultation_of_two_sides, "Both premiers will review the outcomes of the 5th Chile-Peru Annual Consultation, which was held on Dec 16, 2024, in Lima.", Some("2024-12-20"), ["Chile", "Peru"], Status::Held, Some("2024-12-16"));
no_meeting!(a_capitalised_event_word_inside_a_place_name, "He lives in Summit County, far from Lima.");
// "they" after a pair its own sentence joined is that pair
meeting!(they_are_the_pair_of_their_sentence, "President Ana Ruiz and Prime Minister Luis Vera posed for a photo as they met on Sept. 21, 2022 in New York.", Some("2024-12-20"), ["Ana Ruiz", "Luis Vera"], Status::Held, Some("2022-09-21"));
// a possessive mark inside the modifiers of a light verb's noun
meeting!(held_a_ministers_meeting_with, "Foreign Minister Tomas Berg held a Foreign Ministers’ Meeting with Foreign Minister Ana Ruiz on Monday.", Some("2024-12-20"), ["Tomas Berg", "Ana Ruiz"], Status::Held, Some("2024-12-16"));
// bilateral meetings with several are one with each; an aside "including with X and Y" names
// the other sides of the main clause's subject
meetings!(
    bilateral_meetings_with_several_are_one_each,
    "President Tomas Berg held bilateral meetings with President Ana Ruiz and Prime Minister Luis Vera on Friday.",
    Some("2024-10-23"),
    [(["Tomas Berg", "Ana Ruiz"], Status::Held), (["Tomas Berg", "Luis Vera"], Status::Held)]
);
meetings!(
    talks_including_with_an_aside,
    "In a series of bilateral talks on Tuesday, including with President Ana Ruiz and Prime Minister Luis Vera, President Tomas Berg praised the close ties.",
    Some("2024-10-23"),
    [(["Tomas Berg", "Ana Ruiz"], Status::Held), (["Tomas Berg", "Luis Vera"], Status::Held)]
);
// a meeting told as part of a trip takes the trip's date
#[test]
fn a_meeting_during_the_trip_takes_its_date() {
    let got = events("President Tomas Berg arrived in Lima on Monday for a state visit. During the trip, Berg held talks with Prime Minister Luis Vera.", Some("2024-10-23"));
    let talks: Vec<&Got> = only(&got, "meeting").into_iter().filter(|m| m.actors.contains("Luis Vera")).collect();
    assert_eq!(talks.len(), 1, "{got:#?}");
    assert_eq!(talks[0].date.as_deref(), Some("2024-10-21"), "{got:#?}");
}
meeting!(those_present_at_a_signing_meet, "Envoys of Chile and the rebels inked a truce in Lima last Friday in the presence of Chilean President Ana Ruiz and rebel leader Luis Vera.", Some("2024-05-15"), ["Ana Ruiz", "Luis Vera"], Status::Held, Some("2024-05-10"));
meeting!(frame_phone_call_noun, "In a phone call with President Ilan Dorr, Chancellor Mara Quist discussed the grain corridor.", Some("2024-05-15"), ["Mara Quist", "Ilan Dorr"], Status::Held, Some("2024-05-15"));
meeting!(frame_talks_led_by, "Talks led by Prime Minister Rosa Delgado and President Tomas Berg were held in the capital.", Some("2024-05-15"), ["Rosa Delgado", "Tomas Berg"], Status::Held, Some("2024-05-15"));
meeting!(frame_is_on_a_visit, "Foreign Minister Olav Rask is currently on a two-day official visit to Kenya.", Some("2024-05-15"), ["Olav Rask", "Kenya"], Status::Held, Some("2024-05-15"));
meeting!(frame_called_on, "Defence Minister Olav Rask on Monday called on President Tomas Berg in the capital.", Some("2024-05-15"), ["Olav Rask", "Tomas Berg"], Status::Held, Some("2024-05-13"));
meeting!(frame_courtesy_call_received, "President Tomas Berg received a courtesy call from Defence Minister Olav Rask.", Some("2024-05-15"), ["Olav Rask", "Tomas Berg"], Status::Held, Some("2024-05-15"));
meeting!(frame_postponed_meeting, "President Tomas Berg has postponed a planned Oval Office meeting with President Ilan Dorr.", Some("2024-05-15"), ["Tomas Berg", "Ilan Dorr"], Status::Planned, None);
meeting!(frame_relative_clause_subject, "President Tomas Berg, who arrived on Sunday, met Chancellor Mara Quist on Monday.", Some("2024-05-15"), ["Tomas Berg", "Mara Quist"], Status::Held, Some("2024-05-13"));
meeting!(frame_then_president, "Tomas Berg met with then President Ilan Dorr in the capital in March 2019.", Some("2024-05-15"), ["Tomas Berg", "Ilan Dorr"], Status::Held, Some("2019-03"));
meeting!(frame_apposition_closed_by_comma, "After meeting President Ilan Dorr on Friday, Kenya's foreign minister, Olav Rask, praised the talks.", Some("2024-05-15"), ["Olav Rask", "Ilan Dorr"], Status::Held, Some("2024-05-10"));
no_meeting!(frame_appeal_is_no_encounter, "Senator Ilan Dorr called on President Tomas Berg to lift the tariffs.");
no_meeting!(frame_a_spokesman_reporting_is_no_participant, "The talks will go on, spokesman Olav Rask said on Monday.");
meetings!(
    frame_two_meetings_in_one_sentence,
    "Secretary of State Antony Blinken met President Tomas Berg and later held talks with Foreign Minister Olav Rask.",
    Some("2024-05-15"),
    [(["Antony Blinken", "Tomas Berg"], Status::Held), (["Antony Blinken", "Olav Rask"], Status::Held)]
);
meetings!(
    frame_coordinated_predicates_share_subject_and_modality,
    "He arrived in Hanoi on Sunday. President Tomas Berg is scheduled to hold talks with Chairman Olav Rask and meet with Prime Minister Rosa Delgado.",
    Some("2024-05-15"),
    [(["Tomas Berg", "Olav Rask"], Status::Planned), (["Tomas Berg", "Rosa Delgado"], Status::Planned)]
);

// Pacts: the noun "deal" with its partner, money amounts, lifecycle verbs.
pact!(pact_deal_with_partner, "Chile yesterday signed a deal with Peru to export power.", ["Chile", "Peru"], Status::Signed, None);
pact!(pact_deal_with_a_person_binds_their_country, "Chile brokered a $4 billion fishing deal with Peruvian President Ana Lind.", ["Chile", "Peru"], Status::Signed, None);
pact!(pact_loan_in_dollars, "The World Bank and Kenya signed a $300 million loan agreement on Monday.", ["World Bank", "Kenya"], Status::Signed, None);
pact!(pact_euro_amount, "The EU and Kenya agreed a €1.5bn trade deal.", ["European Union", "Kenya"], Status::Signed, None);
pact!(pact_pulled_out_keeps_the_other_party, "Chile pulled out of the treaty with Peru on Tuesday.", ["Chile", "Peru"], Status::Withdrawn, None);
pact!(pact_suspended_participation, "Chile suspended its participation in the fishing treaty with Peru.", ["Chile", "Peru"], Status::Withdrawn, None);
pact!(pact_took_effect, "The ceasefire between Israel and Hezbollah took effect on Wednesday.", ["Israel", "Hezbollah"], Status::InForce, None);
pact!(pact_talks_ended_without_a_deal, "Talks between Chile and Peru ended without a deal.", ["Chile", "Peru"], Status::Failed, None);
pact!(pact_under_an_agreement_signed_months_before_is_in_force, "Under the agreement signed last January, Chile sells Peru power at cost.", ["Chile", "Peru"], Status::InForce, None);
pact!(pact_aged_by_its_noun_phrase_is_in_force, "Chile said Peru had ignored the 1998 fishing pact between them.", ["Chile", "Peru"], Status::InForce, None);
pact!(pact_a_decades_old_treaty_is_in_force, "Chile said Peru had ignored the decades-old treaty between them.", ["Chile", "Peru"], Status::InForce, None);
pact!(pact_a_signing_told_by_its_clause_is_a_signing, "Chile and Peru signed a fishing treaty in 2019.", ["Chile", "Peru"], Status::Signed, None);
pact!(pact_naming_its_negotiations_is_proposed, "Chile hosted the second round of Chile-Peru Free Trade Agreement (FTA) negotiations.", ["Chile", "Peru"], Status::Proposed, None);
pact!(pact_the_subject_of_a_relative_clause_is_a_party, "The payment comes under an agreement Lima signed with the IMF on Friday.", ["Peru", "International Monetary Fund"], Status::Signed, None);
pact!(pact_a_loan_with_its_amount, "The World Bank on Friday granted Peru a 200 mln dlr structural adjustment loan.", ["World Bank", "Peru"], Status::Signed, None);
pact!(pact_documents_after_their_signing_noun, "The two presidents witnessed the signing and exchange of cooperation documents between Chile and Peru.", ["Chile", "Peru"], Status::Signed, None);
pact!(pact_a_letter_of_intent_between_two_sides, "Chile and Peru signed a letter of intent on joint patrols.", ["Chile", "Peru"], Status::Signed, None);
no_pact!(pact_a_company_letter_of_intent_alone_is_no_pact, "The miner said it has signed a letter of intent to sell its smelter.");
pact!(pact_what_they_have_said_is_no_pact_they_have, "Bankers in Lima have said a new loan agreement between Peru and the World Bank would be the first option.", ["Peru", "World Bank"], Status::Proposed, None);
no_pact!(pact_verb_deal_is_no_pact, "Chile and Peru must deal with the drought together.");
meeting!(frame_reached_a_capital_for_a_visit, "German Chancellor Mara Quist reached Nairobi late on Sunday evening for a two-day official visit.", Some("2024-05-15"), ["Mara Quist", "Kenya"], Status::Held, Some("2024-05-12"));
meetings!(frame_heads_to_a_country_for_a_visit, "President Ana Ruiz of Chile heads to Peru for a three-day state visit.", Some("2024-05-15"), [(["Ana Ruiz", "Peru"], Status::Held)]);
no_meeting!(frame_the_head_of_a_delegation_is_no_trip, "Ana Ruiz, head of the Chilean delegation to the Lima talks on a visit programme, spoke.");
meetings!(an_unnamed_counterpart_is_the_countrys_side, "Chilean Foreign Minister Ana Ruiz hosted her Peruvian counterpart for talks in Santiago on Monday.", Some("2024-05-15"), [(["Ana Ruiz", "Peru"], Status::Held)]);
no_meeting!(frame_reaching_a_deal_is_no_visit, "Germany and Kenya reached a deal on visas on Sunday.");
meetings!(
    the_visiting_title_is_the_visitor,
    "President Ana Ruiz of Chile arrived in Peru on Monday. On Tuesday, Foreign Minister Luis Vera of Peru called on the visiting President.",
    Some("2024-05-15"),
    [(["Ana Ruiz", "Peru"], Status::Held), (["Ana Ruiz", "Luis Vera"], Status::Held)]
);
meetings!(
    a_kiwi_is_a_new_zealander,
    "New Zealand Prime Minister Tom Hale met Chilean President Ana Ruiz. The Kiwi leader is visiting Chile this week.",
    Some("2024-05-15"),
    [(["Tom Hale", "Ana Ruiz"], Status::Held), (["Tom Hale", "Chile"], Status::Held)]
);
meetings!(
    the_news_of_the_day_is_not_a_meeting_weeks_before,
    "President Ana Ruiz has met President Luis Vera in Lima. On March 1, Ruiz met Vera in Santiago.",
    Some("2024-05-15"),
    [(["Ana Ruiz", "Luis Vera"], Status::Held), (["Ana Ruiz", "Luis Vera"], Status::Held)]
);
meetings!(
    talks_of_delegations_then_of_their_heads_are_one_meeting,
    "Chilean and Peruvian delegations held talks in Quito on Monday. The Chilean side was led by Foreign Minister Ana Ruiz of Chile. Peru sent its trade minister. Officials called the mood calm. Ruiz met Foreign Minister Luis Vera of Peru on Monday in Quito.",
    Some("2024-05-15"),
    [(["Chile", "Peru", "Ana Ruiz", "Luis Vera"], Status::Held)]
);
meeting!(frame_arrived_in_a_capital_is_a_visit, "President Ana Ruiz arrived in Lima on Tuesday for talks.", Some("2024-05-15"), ["Ana Ruiz", "Peru"], Status::Held, Some("2024-05-14"));
meeting!(frame_a_host_alone, "Chile will host the regional security summit in August.", Some("2024-05-15"), ["Chile"], Status::Planned, Some("2024-08"));
meeting!(frame_a_body_meeting_as_itself, "NATO leaders met in Vilnius on Tuesday.", Some("2024-05-15"), ["North Atlantic Treaty Organization"], Status::Held, Some("2024-05-14"));
no_meeting!(frame_a_seat_is_no_body, "Officials prepared a White House meeting.");
no_meeting!(frame_a_visit_called_off, "Senator Ilan Dorr pulled out of the visit to Kenya.");
pact!(pact_capitals_joined_before_a_pact, "The Lima-Santiago fishing pact expired.", ["Peru", "Chile"], Status::Signed, None);
pact!(pact_a_bailout_binds_its_borrower, "The IMF approved a new $20 billion bailout for Argentina.", ["International Monetary Fund", "Argentina"], Status::Signed, None);
pact!(pact_the_demonym_republic, "Chad decided to end the accord signed with the French republic.", ["Chad", "France"], Status::Withdrawn, None);
#[test]
fn a_pact_signed_after_the_article_day_is_still_proposed() {
    let got = events("Chile and Peru signed a border agreement on May 17, officials said.", Some("2024-05-15"));
    let p = only(&got, "pact");
    assert_eq!(p.len(), 1, "{got:#?}");
    assert_eq!(p[0].status, Some(Status::Proposed), "{got:#?}");
}

// "They" opening a sentence: the two sides the sentence before joined by "and"
pact!(they_are_the_pair_just_joined, "Chilean President Ana Ruiz met Peruvian President Luis Vera in Lima on Monday. Ruiz later met Bolivian Foreign Minister Olav Rask. Presidents Ruiz and Vera then toured the harbour. They also witnessed the signing of cooperation documents on energy and fishing.", ["Chile", "Peru"], Status::Signed, None);

// memoranda told without a determiner point back to no earlier pact: they bring their parties
pact!(undetermined_memoranda_bring_their_parties, "Chilean President Ana Ruiz will attend a string of talks and MOU signings. Ruiz and Peruvian President Luis Vera will witness the signing of memoranda of understanding on Tuesday.", ["Chile", "Peru"], Status::Proposed, None);

// "agreed on" its content is an agreement; "agreed on Monday" and "agreed on the need" are not
pact!(agreed_on_its_content, "Chilean President Ana Ruiz and Peruvian President Luis Vera agreed on \"the immediate return of ambassadors,\" the ministry said.", ["Chile", "Peru"], Status::Signed, None);
no_pact!(agreed_on_a_need_is_no_pact, "Chile and Peru agreed on the need for calm at the border.");
// a pact its sentence ties to a visit is between the visit's sides
pact!(a_signing_at_a_visit_binds_its_sides, "Chilean President Ana Ruiz will pay a state visit to Peru from June 15. The highlight of her visit will be the signing of three memorandums.", ["Chile", "Peru"], Status::Proposed, None);

// texts joined in a list of what two sides signed are pacts of their own; a joint statement
// they speak in is none
#[test]
fn each_text_of_a_signed_list_is_a_pact() {
    let got = events("Chile and Peru signed a letter of intent on defence, a joint declaration on health and a memorandum on Antarctic cooperation.", Some("2024-05-15"));
    assert_eq!(only(&got, "pact").len(), 3, "{got:#?}");
    let got = events("Chile and Peru signed a general cooperation agreement and a memorandum of understanding on consultations.", Some("2024-05-15"));
    assert_eq!(only(&got, "pact").len(), 2, "{got:#?}");
    let got = events("Chile and Peru signed a trade deal, the ministers said in a joint statement.", Some("2024-05-15"));
    assert_eq!(only(&got, "pact").len(), 1, "{got:#?}");
}

// a pact named as the topic of another is part of that one's noun phrase, and a signing still
// to come governs the whole phrase
pact!(a_pact_on_a_pact_is_one_still_to_be_signed, "Chilean President Ana Ruiz and Peruvian President Luis Vera will witness the signing of the Memorandum of Understanding on the Construction Agreement for the Border Bridge, which will be signed by the ministers.", ["Chile", "Peru"], Status::Proposed, None);

// "signed the documents" after several pacts of one sentence names who signed each
#[test]
fn the_documents_signed_name_the_signatories_of_each_pact() {
    let doc = Document {
        id: "t".into(),
        text: "Chile and Peru signed in Lima on Thursday a general cooperation agreement and a memorandum of understanding on consultations. The Chilean and Peruvian foreign ministers, Ana Ruiz and Luis Vera, signed the documents.".into(),
        date: NaiveDate::from_ymd_opt(2024, 5, 15),
        title: None,
        url: None,
    };
    let x = crate::extract(&doc);
    let signed: Vec<usize> = x.events.iter().filter_map(|e| match &e.kind { EventKind::Pact { signatories, .. } => Some(signatories.len()), _ => None }).collect();
    assert_eq!(signed, vec![2, 2], "{:#?}", x.events);
}

// "between" after a signing names signers only when persons follow it
#[test]
fn a_partnership_between_countries_leaves_the_subjects_as_signers() {
    let doc = Document {
        id: "t".into(),
        text: "Chilean President Ana Ruiz and Luis Vera, Prime Minister of Peru, yesterday signed a memorandum establishing a partnership between Chile and Peru.".into(),
        date: NaiveDate::from_ymd_opt(2024, 5, 15),
        title: None,
        url: None,
    };
    let x = crate::extract(&doc);
    let signed: Vec<usize> = x.events.iter().filter_map(|e| match &e.kind { EventKind::Pact { signatories, .. } => Some(signatories.len()), _ => None }).collect();
    assert_eq!(signed, vec![2], "{:#?}", x.events);
}

// a failure told after the ending word, nearer the pact, is what happened to it
pact!(talks_ended_having_failed_to_reach_a_pact, "Chile and Peru ended talks on Monday having failed to reach any agreement on fishing quotas.", ["Chile", "Peru"], Status::Failed, None);

#[test]
fn two_pacts_in_one_sentence() {
    let got = events("Chile and Peru agreed to a ceasefire as they work towards a peace treaty.", Some("2024-05-15"));
    let p = only(&got, "pact");
    assert_eq!(p.len(), 2, "{got:#?}");
    assert_eq!(p[0].status, Some(Status::Signed));
    assert_eq!(p[1].status, Some(Status::Proposed));
}
/// Where the article's meetings took place, as labels.
fn meeting_places(text: &str) -> Vec<Option<String>> {
    let doc = Document { id: "t".into(), text: text.into(), date: NaiveDate::from_ymd_opt(2024, 5, 15), title: None, url: None };
    let x = crate::extract(&doc);
    x.events.iter().filter(|e| matches!(e.kind, EventKind::Meeting { .. })).map(|e| e.place.map(|p| x.resolved.entities[p].label.clone())).collect()
}

#[test]
fn a_meeting_takes_the_one_place_its_sentence_locates() {
    for (text, place) in [
        ("Today in Lima, Foreign Minister Ana Ruiz of Chile met President Luis Vera of Peru.", Some("Lima")),
        ("Chilean and Peruvian delegations held talks in Ecuador's second city, Guayaquil, on Monday.", Some("Guayaquil")),
        ("President Ana Ruiz of Chile met President Luis Vera of Peru during her visit to Lima.", Some("Lima")),
        ("President Ana Ruiz of Chile will meet President Luis Vera of Peru in Cusco in May.", Some("Cusco")),
    ] {
        let got = meeting_places(text);
        assert!(got.contains(&place.map(str::to_owned)), "{text}: {got:?}");
    }
}

/// The names the article's pacts are known by.
fn pact_names(text: &str) -> Vec<Option<String>> {
    let doc = Document { id: "t".into(), text: text.into(), date: None, title: None, url: None };
    crate::extract(&doc).events.into_iter().filter(|e| matches!(e.kind, EventKind::Pact { .. })).map(|e| e.name).collect()
}

#[test]
fn a_pact_is_known_by_its_own_name() {
    for (text, name) in [
        ("Chile and Peru signed the Arica accord in 2019.", Some("arica agreement")),
        ("Chile and Peru honoured the Arica accords.", Some("arica agreement")),
        ("Chile signed the Short-Range Missile Forces Treaty with Peru.", Some("short-range missile forces treaty")),
        ("Chile and Peru renewed the Lima ceasefire.", Some("lima ceasefire")),
        ("Chile and Peru honoured last March's Arica accord.", Some("arica agreement")),
        // parties, dates, descriptions and headline capitals are no names
        ("The Chile-Peru fishing pact expired on Monday.", None),
        ("Chile and Peru signed a Comprehensive Strategic Partnership Agreement.", None),
        ("Chile and Peru signed the March accord.", None),
        ("Chile And Peru Sign Historic Arica Accord", None),
    ] {
        assert_eq!(pact_names(text), vec![name.map(str::to_owned)], "{text}");
    }
}

#[test]
fn a_pact_told_again_by_its_name_is_that_pact_and_two_names_are_two() {
    let got = events("Chile and Peru signed the Arica accord in 2019. Bolivia said on Monday it backed the Arica accord. In 2021 Chile and Peru signed the Tacna accord.", Some("2024-05-15"));
    let p = only(&got, "pact");
    assert_eq!(p.len(), 2, "{got:#?}");
    assert_eq!(p[0].actors, set(&["Chile", "Peru"]), "a later telling names no party once two are known");
}

#[test]
fn a_pact_told_again_with_one_party_is_the_same_pact() {
    let got = events("Chile and Peru signed a fishing treaty in 2019. On Monday Chile suspended the treaty.", Some("2024-05-15"));
    let p = only(&got, "pact");
    assert_eq!(p.len(), 1, "{got:#?}");
    assert_eq!(p[0].actors, set(&["Chile", "Peru"]));
}
meeting!(frame_apposition_before_the_verb, "Prime Minister, Datuk Seri Ana Ruiz, today received a courtesy call from Defence Minister Olav Rask.", Some("2024-05-15"), ["Ana Ruiz", "Olav Rask"], Status::Held, Some("2024-05-15"));
meeting!(frame_object_after_a_time_adjunct, "President Ana Ruiz received this Friday at 9:30 a.m. her Peruvian counterpart, Luis Vera, at the palace.", Some("2024-05-17"), ["Ana Ruiz", "Luis Vera"], Status::Held, Some("2024-05-17"));

/// Sanctions: imposer and targets as the sentence names them.
macro_rules! sanction {
    ($name:ident, $text:expr, $imposer:expr, $targets:expr) => {
        #[test]
        fn $name() {
            let doc = Document { id: "t".into(), text: $text.into(), date: NaiveDate::from_ymd_opt(2024, 5, 15), title: None, url: None };
            let x = crate::extract(&doc);
            let s: Vec<(String, Vec<String>)> = x
                .events
                .iter()
                .filter_map(|e| match &e.kind {
                    EventKind::Sanction { imposer, targets } => Some((
                        x.resolved.entities[*imposer].label.clone(),
                        targets.iter().map(|t| x.resolved.entities[*t].label.clone()).collect(),
                    )),
                    _ => None,
                })
                .collect();
            let want: Vec<String> = $targets.iter().map(|t: &&str| (*t).to_owned()).collect();
            assert_eq!(s, vec![($imposer.to_owned(), want)]);
        }
    };
}

sanction!(sanction_placed_under, "Chile has placed Acme Holdings and Peru under sanctions over arms sales.", "Chile", ["Acme Holdings", "Peru"]);
sanction!(sanction_lifted, "The European Union voted to lift its trade sanctions on Syria.", "European Union", ["Syria"]);
sanction!(sanction_its_sanctions, "Washington is easing its sanctions against Syria.", "United States", ["Syria"]);
meeting!(frame_the_day_news_is_dated_by_the_story, "President Ana Ruiz met Chancellor Mara Quist in Lima.", Some("2024-05-15"), ["Ana Ruiz", "Mara Quist"], Status::Held, Some("2024-05-15"));
meeting!(frame_an_earlier_meeting_is_not_the_day_news, "President Ana Ruiz and Chancellor Mara Quist had met in Lima.", Some("2024-05-15"), ["Ana Ruiz", "Mara Quist"], Status::Held, None);
pact!(pact_a_parliament_binds_its_country, "Chile's Senate ratified the fishing treaty with Peru.", ["Chile", "Peru"], Status::Signed, None);
pact!(pact_suspension_of_a_party_s_participation, "The Senate approved the suspension of Chile's participation in the fishing treaty with Peru.", ["Chile", "Peru"], Status::Withdrawn, None);
#[test]
fn a_person_withdraws_their_government() {
    let got = events("Chile and Peru signed a water treaty in 2019. Chilean Foreign Minister Ana Ruiz said the treaty was suspended.", Some("2024-05-15"));
    let p = only(&got, "pact");
    assert_eq!(p.len(), 1, "{got:#?}");
    assert_eq!(p[0].actors, set(&["Chile", "Peru"]));
}
pact!(pact_talks_collapsed_after, "The free trade deal between Chile and Peru will not happen after talks collapsed.", ["Chile", "Peru"], Status::Failed, None);
pact!(pact_an_extension_presumes_it_in_force, "Chile and Peru approved a five-year extension of the fishing treaty.", ["Chile", "Peru"], Status::InForce, None);
meetings!(
    frame_talks_held_separately_are_several,
    "President Ana Ruiz held talks separately with Chancellor Mara Quist and Prime Minister Olav Rask.",
    Some("2024-05-15"),
    [(["Ana Ruiz", "Mara Quist"], Status::Held), (["Ana Ruiz", "Olav Rask"], Status::Held)]
);
meeting!(frame_a_visit_told_twice_is_one, "President Ana Ruiz arrived in Peru on Sunday. Ruiz is on a three-day state visit to Peru since Monday.", Some("2024-05-15"), ["Ana Ruiz", "Peru"], Status::Held, Some("2024-05-12"));
meeting!(the_two_leaders_are_the_story_s_office_holders, "Chilean President Ana Ruiz and Peruvian President Luis Vera spoke of trade on Monday. The two leaders will hold talks in Lima on Friday.", Some("2024-05-15"), ["Ana Ruiz", "Luis Vera"], Status::Planned, Some("2024-05-17"));
meeting!(an_infinitive_of_purpose_has_the_subject_of_its_clause, "Chilean President Ana Ruiz spoke to reporters on Monday. As expected, the Chilean leader will visit Lima to meet with his Peruvian counterpart Luis Vera.", Some("2024-05-15"), ["Ana Ruiz", "Luis Vera"], Status::Planned, None);
meeting!(a_description_may_name_the_country_as_modifier, "Chilean President Ana Ruiz arrived in Lima on Monday. The Chile leader thanked the Peruvian people.", Some("2024-05-15"), ["Ana Ruiz", "Peru"], Status::Held, Some("2024-05-13"));
no_meeting!(the_speaker_of_a_report_is_no_participant, "Government spokesman Tomas Gil said on Monday that President Ana Ruiz is going to hold talks.");
no_meeting!(a_country_and_its_own_leader_are_one_side, "A new president lands in Chile for talks with Ruiz. Chilean President Tomas Ruiz spoke.");
meeting!(a_visit_whose_purpose_names_the_other_side, "Chilean Foreign Minister Ana Ruiz will embark on a two-day visit to Peru on Friday to discuss fishing rights with her counterpart, Secretary for Foreign Affairs Luis Vera, the ministry announced.", Some("2024-05-15"), ["Ana Ruiz", "Peru", "Luis Vera"], Status::Planned, Some("2024-05-17"));
meeting!(a_call_to_discuss_is_one_call, "President Ana Ruiz held a video call on Monday to discuss fishing quotas with President Luis Vera.", Some("2024-05-15"), ["Ana Ruiz", "Luis Vera"], Status::Held, Some("2024-05-13"));
no_meeting!(discussing_alone_is_no_meeting, "President Ana Ruiz and her cabinet discussed the fishing treaty.");
meeting!(an_indefinite_meeting_after_during_is_news, "President Ana Ruiz will raise the fishing dispute with Peruvian President Luis Vera during a meeting at her ranch on Friday.", Some("2024-05-15"), ["Ana Ruiz", "Luis Vera"], Status::Planned, Some("2024-05-17"));
no_meeting!(a_definite_meeting_after_during_was_told, "President Ana Ruiz raised the fishing dispute with reporters during the meeting.");
pact!(pact_a_mediator_is_no_party, "Chile and Peru signed a fishing accord mediated by Ecuador on Monday.", ["Chile", "Peru"], Status::Signed, None);
pact!(pact_who_welcomes_it_is_no_party, "Chile and Peru signed a fishing accord on Monday. Brazil and Argentina welcomed the accord.", ["Chile", "Peru"], Status::Signed, None);

sanction!(sanction_an_asset_freeze, "The U.S. Treasury froze the assets of the Andes Trading Company on Friday, the United States said.", "United States", ["Andes Trading Company"]);
#[test]
fn sanction_the_sanctions_told_again_keep_their_imposer() {
    let doc = Document { id: "t".into(), text: "Chile imposed sanctions on Peru on Monday. The sanctions target Luis Vera, Ana Ruiz and the Andes Trading Company.".into(), date: NaiveDate::from_ymd_opt(2024, 5, 15), title: None, url: None };
    let x = crate::extract(&doc);
    let label = |i: usize| x.resolved.entities[i].label.clone();
    let told_again = x.events.iter().any(|e| match &e.kind {
        EventKind::Sanction { imposer, targets } => label(*imposer) == "Chile" && targets.iter().map(|&t| label(t)).collect::<BTreeSet<_>>() == set(&["Luis Vera", "Ana Ruiz", "Andes Trading Company"]),
        _ => false,
    });
    assert!(told_again, "{:#?}", x.events);
}
sanction!(sanction_an_entry_ban_of_a_body, "Lima answered the European Council's entry ban on six Peruvian officials.", "European Council", ["Peru"]);
sanction!(sanction_a_terrorist_designation, "The Chilean government designated the Andes Liberation Front a terrorist organization in 2023.", "Chile", ["Andes Liberation Front"]);
no_pact!(pact_one_party_proposing_it_for_others_is_half_told, "Chile proposed a two-week ceasefire that would see the rebels free ten hostages.");
pact!(pact_one_party_signing_it_is_told, "Chilean officials also inked a 25-year agreement last year.", ["Chile"], Status::Signed, Some("P25Y"));
pact!(pact_one_party_of_a_named_pact_is_told, "Chile is expected to join the new Andean Fisheries Agreement.", ["Chile"], Status::Proposed, None);
no_meeting!(welcoming_a_step_is_no_reception, "Secretary of State Ana Ruiz welcomed Finland and Sweden for taking an important step toward joining NATO.");
meeting!(welcoming_a_visitor_is_a_reception, "President Ana Ruiz welcomed Peruvian President Luis Vera at the airport on Monday.", Some("2024-05-15"), ["Ana Ruiz", "Luis Vera"], Status::Held, Some("2024-05-13"));
pact!(pact_told_by_its_verb, "Last week Chile and Peru, with Brazil's mediation, agreed to reopen their embassies.", ["Chile", "Peru"], Status::Signed, None);
no_pact!(pact_agreeing_to_meet_is_a_meeting_plan, "Chile and Peru agreed to meet again in May.");
pact!(pact_leaving_a_treaty_withdraws, "President Ana Ruiz said Chile would leave the fishing treaty with Peru.", ["Chile", "Peru"], Status::Withdrawn, None);
pact!(pact_leaving_for_a_capital_withdraws_nothing, "A mission from Chile will leave next week for Lima to renegotiate the fishing treaty with Peru.", ["Chile", "Peru"], Status::Signed, None);
pact!(pact_without_a_party_binds_the_sides_of_the_meeting, "President Ana Ruiz of Chile met President Luis Vera of Peru on Monday. Six agreements will be signed in the fields of trade and health.", ["Chile", "Peru"], Status::Proposed, None);
no_pact!(pact_without_a_party_or_meeting_is_left_out, "Chile's economy grew. Six agreements will be signed in the fields of trade and health.");
meeting!(the_antecedent_of_whom_is_who_was_met, "Peruvian President Luis Vera, whom Chilean President Ana Ruiz and Trade Commissioner for Fisheries Tomas Gil met on Friday, left Lima.", Some("2024-05-15"), ["Luis Vera", "Ana Ruiz", "Tomas Gil"], Status::Held, Some("2024-05-10"));
meeting!(a_bare_surname_the_story_marks_later_is_a_person, "On Monday, Ruizova held talks with Peruvian President Luis Vera. Ruizova said the talks went well.", Some("2024-05-15"), ["Ruizova", "Luis Vera"], Status::Held, Some("2024-05-13"));
meeting!(an_opening_adverbial_s_meeting_is_the_subjects, "During their bilateral meeting in Lima on Friday, President Ana Ruiz and President Luis Vera will discuss fishing.", Some("2024-05-15"), ["Ana Ruiz", "Luis Vera"], Status::Planned, Some("2024-05-17"));
meeting!(a_day_refines_the_month_of_the_same_meeting, "President Ana Ruiz will meet President Luis Vera next month. Ruiz will meet Vera on June 14 in Lima.", Some("2024-05-15"), ["Ana Ruiz", "Luis Vera"], Status::Planned, Some("2024-06-14"));
no_meeting!(an_unnamed_subject_leaves_the_with_list_one_side, "The chief envoy also held meetings with the President of Chile, Ana Ruiz and the President of Peru, Luis Vera.");
meeting!(a_noun_after_a_preposition_is_no_verb, "Ana Ruiz spoke to the press in Lima after talks with President Luis Vera.", Some("2024-05-15"), ["Ana Ruiz", "Luis Vera"], Status::Held, Some("2024-05-15"));
meeting!(a_weekday_before_its_date_gives_the_date, "President Ana Ruiz arrived in Peru on Wednesday, 19 February, to attend the summit.", Some("2025-02-27"), ["Ana Ruiz", "Peru"], Status::Held, Some("2025-02-19"));
#[test]
fn a_same_day_opener_takes_the_day_before() {
    let got = events("President Ana Ruiz arrived in Peru on Wednesday, 19 February, to attend the summit. In the afternoon, she held a bilateral meeting with Prime Minister Luis Vera.", Some("2025-02-27"));
    let m = only(&got, "meeting");
    assert!(m.iter().any(|g| g.actors == set(&["Ana Ruiz", "Luis Vera"]) && g.date.as_deref() == Some("2025-02-19")), "{got:#?}");
}
meeting!(a_named_colleague_before_and_a_title_stays_a_name, "Chilean Foreign Minister Ana Ruiz met in Lima on Thursday with her Peruvian counterpart Luis Vera and President Tomas Gil's adviser Marta Paz to discuss trade.", Some("2025-02-28"), ["Ana Ruiz", "Luis Vera", "Marta Paz"], Status::Held, Some("2025-02-27"));
pact!(pact_a_series_of_agreements_is_told, "Foreign Minister Ana Ruiz of Chile and Foreign Minister Luis Vera of Peru will meet on Friday for the signing of a series of agreements.", ["Chile", "Peru"], Status::Proposed, None);
pact!(pact_signed_documents, "Chile and Peru inked milestone documents on fisheries on Monday.", ["Chile", "Peru"], Status::Signed, None);
meeting!(the_visit_of_a_person_to_a_country, "Chile signed a fishing contract with Peru during the visit of President Ana Ruiz of Chile to Peru on Monday.", Some("2024-05-15"), ["Ana Ruiz", "Peru"], Status::Held, Some("2024-05-13"));
meeting!(talks_between_a_person_and_a_foreign_adviser, "Following talks between Ana Ruiz and Peruvian Foreign Adviser Luis Vera in Lima today, both leaders oversaw the signing of six documents.", Some("2024-05-15"), ["Ana Ruiz", "Luis Vera"], Status::Held, Some("2024-05-15"));
#[test]
fn their_talks_are_the_encounter_of_the_sides_just_named() {
    let got = events("Foreign Minister Ana Ruiz invited her Peruvian counterpart, Luis Vera, to make an official visit to Chile in March, during their telephone talks held Friday.", Some("2024-01-27"));
    let m = only(&got, "meeting");
    assert!(m.iter().any(|g| g.actors == set(&["Ana Ruiz", "Luis Vera"]) && g.status == Some(Status::Held) && g.date.as_deref() == Some("2024-01-26")), "{got:#?}");
    assert!(m.iter().any(|g| g.actors.contains("Chile") && g.status == Some(Status::Planned)), "{got:#?}");
}
meeting!(a_light_verb_opens_talks, "The bill would require Foreign Minister Ana Ruiz to enter into talks with Peru on fishing quotas.", Some("2024-05-15"), ["Ana Ruiz", "Peru"], Status::Planned, None);
pact!(pact_agreeing_to_resume_relations_is_no_meeting_plan, "Chile and Peru agreed to resume diplomatic relations last week.", ["Chile", "Peru"], Status::Signed, None);
no_meeting!(what_is_kept_from_happening_is_no_meeting, "The tension does not prevent Chile and Peru from holding talks, the minister said.");

/// Signatories of the pacts a text states, by label.
fn signatories(text: &str) -> Vec<BTreeSet<String>> {
    let doc = Document { id: "t".into(), text: text.into(), date: NaiveDate::from_ymd_opt(2024, 5, 15), title: None, url: None };
    let x = crate::extract(&doc);
    x.events
        .iter()
        .filter_map(|e| match &e.kind {
            EventKind::Pact { signatories, .. } => Some(signatories.iter().map(|&p| x.resolved.entities[p].label.clone()).collect()),
            _ => None,
        })
        .collect()
}

#[test]
fn signatories_are_the_signing_subjects_and_whom_they_signed_with() {
    let pair = signatories("President Ana Ruiz of Chile met President Luis Vera of Peru. The two presidents signed a fishing memorandum.");
    assert!(pair.contains(&set(&["Ana Ruiz", "Luis Vera"])), "{pair:?}");
    let with = signatories("Chilean Prime Minister Ana Ruiz has signed a fishing memorandum with her Peruvian counterpart Luis Vera.");
    assert!(with.contains(&set(&["Ana Ruiz", "Luis Vera"])), "{with:?}");
    let government = signatories("Officials said his government signed a fishing memorandum with Peru after Chilean President Ana Ruiz left.");
    assert!(government.iter().all(|s| s.is_empty()), "{government:?}");
}

// session 3: syntax that holds for news in general
meeting!(a_relative_clause_between_subject_and_passive_verb, "President Jon Berg, who flew in from Oslo, was received by Foreign Minister Ana Silva at the air base.", Some("2024-05-10"), ["Jon Berg", "Ana Silva"], Status::Held, Some("2024-05-10"));
meeting!(talks_that_would_start_are_planned, "Officials confirmed direct talks between Sudan and the Rapid Support Forces would start in Jeddah on Saturday.", Some("2024-05-08"), ["Sudan", "Rapid Support Forces"], Status::Planned, Some("2024-05-11"));
meeting!(a_summit_that_is_expected_is_planned, "The summit between President Jon Berg and President Ana Silva is expected later this year.", Some("2024-05-08"), ["Jon Berg", "Ana Silva"], Status::Planned, Some("2024"));
meeting!(a_meeting_a_future_trip_is_for_is_planned, "Officials said Ana Silva will return to Lima for a meeting with French President Emmanuel Macron.", Some("2024-05-08"), ["Ana Silva", "Emmanuel Macron"], Status::Planned, None);
no_meeting!(negotiations_a_law_would_hamper_are_no_plan, "The new rules would bind the minister's hands in fishing negotiations with Peru.");
no_meeting!(an_ability_to_negotiate_is_no_meeting, "President Jon Berg said the bill would limit his ability to negotiate with President Ana Silva.");
meeting!(middle_initials_in_one_word, "Former President George H.W. Bush met Chinese leader Deng Xiaoping in Beijing.", Some("1989-02-26"), ["George H.W. Bush", "Deng Xiaoping"], Status::Held, None);
meeting!(an_initial_and_a_generational_suffix, "Ana Silva met President John F. Kennedy Jr. in Washington.", Some("2024-05-08"), ["Ana Silva", "John F. Kennedy Jr"], Status::Held, Some("2024-05-08"));
meeting!(a_tete_a_tete, "President Ana Silva and President Jon Berg will hold a tête-à-tête on Friday.", Some("2024-05-08"), ["Ana Silva", "Jon Berg"], Status::Planned, Some("2024-05-10"));
meeting!(a_joint_news_conference_with, "President Ana Silva spoke at a joint news conference with visiting Norwegian President Jon Berg in Lima.", Some("2024-05-08"), ["Ana Silva", "Jon Berg"], Status::Held, Some("2024-05-08"));
no_meeting!(a_news_conference_alone_is_no_meeting, "At a news conference in Oslo, President Jon Berg said the deal was dead.");
#[test]
fn the_visit_of_who_is_on_it() {
    let got = events("President Ana Silva, currently on an official three-day visit to India, held talks with Prime Minister Jon Berg today.", Some("2024-05-08"));
    let m = only(&got, "meeting");
    assert!(m.iter().any(|g| g.actors == set(&["Ana Silva", "India"])), "{got:#?}");
    assert!(m.iter().any(|g| g.actors == set(&["Ana Silva", "Jon Berg"])), "{got:#?}");
}
pact!(the_pact_alone_names_no_new_party, "Chile and Peru signed a fishing pact on Monday. Bolivia needed the backing of its congress to approve the pact.", ["Chile", "Peru"], Status::Signed, None);
pact!(a_withdrawal_ends_what_came_before, "Chile and Peru signed a fishing treaty in 1999. Chile will withdraw from the treaty, officials said on Monday.", ["Chile", "Peru"], Status::Withdrawn, None);
pact!(memoranda_of_understanding, "Chile and Peru signed two MoUs on fisheries.", ["Chile", "Peru"], Status::Signed, None);
pact!(memoranda_likely_to_be_signed, "Nearly eight memoranda are likely to be signed between Chile and Peru.", ["Chile", "Peru"], Status::Proposed, None);
pact!(both_countries_before_the_story_names_two, "Foreign Minister Ana Silva arrived in Lima on Monday. MoUs on fisheries were exchanged in the presence of the leaders of both countries. Silva said Chile values its ties with Peru.", ["Chile", "Peru"], Status::Signed, None);
meeting!(the_purpose_of_being_somewhere, "Officials said Foreign Minister Ana Silva was in Lima to meet Peru's President Luis Vera.", Some("2024-05-08"), ["Ana Silva", "Luis Vera"], Status::Planned, None);
#[test]
fn verb_phrases_in_a_series_share_their_subject() {
    let got = events("President Jon Berg spoke in Oslo. After his visit to Paris, Berg will return to Lima for a meeting with French President Emmanuel Macron, tour a port, and meet with Italian Prime Minister Giorgia Meloni.", Some("2024-05-08"));
    let m = only(&got, "meeting");
    assert!(m.iter().any(|g| g.actors == set(&["Jon Berg", "Emmanuel Macron"]) && g.status == Some(Status::Planned)), "{got:#?}");
    assert!(m.iter().any(|g| g.actors == set(&["Jon Berg", "Giorgia Meloni"]) && g.status == Some(Status::Planned)), "{got:#?}");
    let got = events("President Jon Berg spoke in Oslo. After his visit to Paris, Berg will return to Lima for a meeting with French President Emmanuel Macron, attend the G20 summit in Brazil, and meet with Italian Prime Minister Giorgia Meloni.", Some("2024-05-08"));
    let m = only(&got, "meeting");
    assert_eq!(m.len(), 3, "{got:#?}");
    assert!(m.iter().all(|g| g.actors.contains("Jon Berg") && g.status == Some(Status::Planned)), "{got:#?}");
}
meeting!(attending_a_body_s_summit, "President Jon Berg will attend the G20 summit in Brazil.", Some("2024-05-08"), ["Jon Berg", "Group of Twenty"], Status::Planned, None);
meeting!(the_two_leaders_are_the_pair_the_story_joined, "Chilean President Ana Silva and Peruvian President Luis Vera agreed to extend the fishing deal, her office said. \"President Vera briefed the President on Colombian President Jose Ruiz's visit,\" the office said after the two leaders met at a summit in Quito.", Some("2024-05-08"), ["Ana Silva", "Luis Vera"], Status::Held, Some("2024-05-08"));
#[test]
fn she_after_a_report_is_the_one_reported_on() {
    let got = events("Foreign Minister Omar Diallo said Ana Silva would pay a courtesy call on King Harald on April 26. On the same day, she will hold a bilateral meeting with Prime Minister Jon Berg.", Some("2023-04-20"));
    let m = only(&got, "meeting");
    assert_eq!(m.len(), 2, "{got:#?}");
    assert!(m.iter().any(|g| g.actors == set(&["Ana Silva", "Jon Berg"])), "{got:#?}");
}
meeting!(a_visit_under_way_told_in_the_future_is_one_visit, "Prime Minister Ana Silva arrived in Oslo on a four-day visit on Tuesday. She will stay at the palace during her visit to Norway.", Some("2023-04-26"), ["Ana Silva", "Norway"], Status::Held, Some("2023-04-25"));
pact!(agreeing_to_an_exchange_is_a_pact, "The leaders of Chile and Peru also agreed to an exchange of prisoners of war.", ["Chile", "Peru"], Status::Signed, None);
no_pact!(agreeing_to_a_meeting_is_no_pact, "Chile and Peru agreed to a meeting in Lima.");
#[test]
fn placed_on_a_sanctions_list() {
    let got = events("The Treasury placed Ivan Petrov, Acme Group and the Bank of Rossiya on the US sanctions list on April 6, 2018.", Some("2018-12-20"));
    let s = only(&got, "sanction");
    assert_eq!(s.len(), 1, "{got:#?}");
    assert_eq!(s[0].actors, set(&["United States", "Ivan Petrov", "Acme Group", "Bank of Rossiya"]), "{got:#?}");
}
#[test]
fn talks_opening_a_sentence_are_those_of_the_sides_just_told() {
    let got = events("Chile and Peru are expected to sign an agreement in Lima next week settling the fishing dispute, officials said. Talks are due to begin in Lima on Wednesday.", Some("2024-05-10"));
    let m = only(&got, "meeting");
    assert_eq!(m.len(), 1, "{got:#?}");
    assert_eq!(m[0].actors, set(&["Chile", "Peru"]));
    assert_eq!(m[0].status, Some(Status::Planned));
    assert_eq!(m[0].date.as_deref(), Some("2024-05-15"));
}
no_meeting!(talks_opening_a_story_name_no_one, "Talks are due to begin in Lima on Wednesday.");
meeting!(a_caption_above_a_dateline_keeps_its_date, "President Ana Silva and Prime Minister Jon Berg pose for a photo as they met on Sept. 21, 2022 in New York. Photo/File\n\nLIMA — Prime Minister Jon Berg will be in Peru this week for an official visit.", Some("2023-10-31"), ["Ana Silva", "Jon Berg"], Status::Held, Some("2022-09-21"));
#[test]
fn signatories_after_adjuncts_and_by_signing() {
    let got = events("The fisheries treaty was signed in 1987 by Chilean President Ana Silva and Peruvian President Luis Vera in Lima.", Some("2024-05-10"));
    let p = only(&got, "pact");
    assert_eq!(p.len(), 1, "{got:#?}");
    let got = crate::extract(&Document { id: "t".into(), text: "Chilean President Ana Silva and Peruvian President Luis Vera put an end to the dispute by signing the fishing accord.".into(), date: None, title: None, url: None });
    let pact = got.events.iter().find(|e| matches!(e.kind, EventKind::Pact { .. })).expect("a pact");
    assert_eq!(pact.status, Some(Status::Signed), "{pact:#?}");
    let EventKind::Pact { signatories, .. } = &pact.kind else { unreachable!() };
    let names: BTreeSet<String> = signatories.iter().map(|&i| got.resolved.entities[i].label.clone()).collect();
    assert_eq!(names, set(&["Ana Silva", "Luis Vera"]));
}
pact!(a_signing_still_to_come_is_a_proposal, "Both presidents will meet privately at the palace before they witness the signing of six agreements between Chile and Peru.", ["Chile", "Peru"], Status::Proposed, None);
pact!(a_pact_a_country_has_is_in_force, "Chile has a reciprocal trade agreement with Peru.", ["Chile", "Peru"], Status::InForce, None);
pact!(a_pact_held_up_is_no_pact_in_force, "Bankers noted Chile had held up an agreement with Peru.", ["Chile", "Peru"], Status::Signed, None);
pact!(a_pact_extended_runs_on, "Days before its expiry, the grain deal between Chile and Peru has been extended for another 120 days.", ["Chile", "Peru"], Status::InForce, None);
pact!(a_headline_tells_the_body_s_pact, "Chile, Peru sign fishing pact\n\nChile and Peru signed on Sunday a landmark fishing pact, ending years of dispute.", ["Chile", "Peru"], Status::Signed, None);

// A body's own gathering: "the OPEC meeting", "an OECD ministerial meeting", "a session of".
meeting!(a_bodys_own_meeting_is_its_meeting, "The OPEC meeting in Vienna next week is expected to leave output unchanged.", Some("2024-05-15"), ["Organization of the Petroleum Exporting Countries"], Status::Planned, Some("2024-05"));
meeting!(a_bodys_ministerial_meeting, "Officials will try again at an OECD ministerial meeting in Paris.", Some("2024-05-15"), ["Organisation for Economic Co-operation and Development"], Status::Planned, None);
meeting!(a_session_of_a_body, "Delegates gathered for the quarterly session of the International Tin Council in London.", Some("1987-03-03"), ["International Tin Council"], Status::Held, Some("1987-03-03"));
meeting!(who_speaks_at_a_bodys_meeting_attends_it, "Trade Minister Olav Rask, speaking at an informal meeting of the GATT council, urged restraint.", Some("1987-03-03"), ["Olav Rask", "General Agreement on Tariffs and Trade"], Status::Held, Some("1987-03-03"));
no_meeting!(a_trading_session_is_no_meeting, "Shares of Ilan Dorr's company fell in the trading session of the Tokyo exchange with Olav Rask's rising.");

// A tour is one visit to each country on it.
meetings!(
    a_visit_to_two_countries_is_two_visits,
    "Chancellor Mara Quist of Germany will visit Nigeria and Ghana next week.",
    Some("2024-05-15"),
    [(["Mara Quist", "Nigeria"], Status::Planned), (["Mara Quist", "Ghana"], Status::Planned)]
);
meetings!(
    a_tour_of_three_countries,
    "President Tomas Berg toured Kenya, Uganda and Tanzania last week.",
    Some("2024-05-15"),
    [(["Tomas Berg", "Kenya"], Status::Held), (["Tomas Berg", "Uganda"], Status::Held), (["Tomas Berg", "Tanzania"], Status::Held)]
);
meetings!(
    a_site_toured_is_no_one_met,
    "President Tomas Berg toured the Harbour Railway Station and the Genocide Memorial.",
    Some("2024-05-15"),
    []
);
sanction!(sanctioning_whom_is_the_verb_s_object, "Chile is sanctioning Peruvian General Ilan Dorr and Colonel Olav Rask over the raids.", "Chile", ["Ilan Dorr", "Olav Rask"]);
sanction!(sanctioned_by_is_passive, "Peru has been sanctioned by Chile since 2019.", "Chile", ["Peru"]);
pact!(pact_the_signing_of_agreements_in_areas, "President Ana Ruiz of Chile met Peruvian President Luis Vera in Lima. The two countries oversaw the signing of agreements in 15 areas.", ["Chile", "Peru"], Status::Signed, None);

// Signatories after "signed … by" over adjuncts, appositions and relative clauses.
#[test]
fn signatories_of_a_passive_signing_over_its_adjuncts() {
    let listed = signatories("The memorandum was signed today, 16 July 2024, by Prime Minister Ana Ruiz of Chile, the President of the Andean Council, Luis Vera, and Peruvian President Mara Quist.");
    assert_eq!(listed, vec![set(&["Ana Ruiz", "Luis Vera", "Mara Quist"])]);
    let relative = signatories("The agreement was signed by Ana Ruiz, who travelled to Lima on Tuesday, and Peruvian Foreign Minister Luis Vera.");
    assert_eq!(relative, vec![set(&["Ana Ruiz", "Luis Vera"])]);
    let between = signatories("The fishing accord was signed in Lima between Chilean President Ana Ruiz and Peruvian President Luis Vera.");
    assert_eq!(between, vec![set(&["Ana Ruiz", "Luis Vera"])]);
}

// Persons of two sides who sign together have met.
meetings!(
    a_signing_by_two_sides_is_a_meeting,
    "The fishing accord was signed in Lima on Monday by Chilean President Ana Ruiz and Peruvian President Luis Vera.",
    Some("2024-05-15"),
    [(["Ana Ruiz", "Luis Vera"], Status::Held)]
);
meetings!(
    a_signing_by_one_side_is_no_meeting,
    "The fishing accord was signed on Monday by Chilean President Ana Ruiz and Chilean Foreign Minister Luis Vera.",
    Some("2024-05-15"),
    []
);
pact!(pact_countries_that_only_qualify_the_signers, "Chile's President Ana Ruiz and her Peruvian counterpart Luis Vera will sign a border agreement on March 12.", ["Chile", "Peru"], Status::Proposed, None);
meeting!(frame_an_object_list_over_qualified_titles_and_abbreviations, "Defence Minister Olav Rask met with Peru's junta leader, Gen. Luis Vera, and Minister of State Mara Quist on Sunday.", Some("2024-05-15"), ["Olav Rask", "Luis Vera", "Mara Quist"], Status::Held, Some("2024-05-12"));
meeting!(frame_an_object_over_a_bracketed_acronym, "Vice President Ana Ruiz met with Andean Mining Corp (AMC) president Luis Vera on Tuesday.", Some("2024-05-15"), ["Ana Ruiz", "Luis Vera"], Status::Held, Some("2024-05-14"));
meetings!(
    a_description_before_the_name_is_the_office_holder_named_later,
    "The Chilean President who arrived in Lima on Thursday held discussions with President Luis Vera of Peru. Later, Chilean President Ana Ruiz praised the plan.",
    Some("2024-05-17"),
    [(["Ana Ruiz", "Peru"], Status::Held), (["Ana Ruiz", "Luis Vera"], Status::Held)]
);
#[test]
fn agreements_with_several_partners_are_one_pact_with_each() {
    let got = events("Chile signed free trade agreements with Peru and Mexico last year.", Some("2024-05-15"));
    let mut pacts: Vec<BTreeSet<String>> = only(&got, "pact").iter().map(|p| p.actors.clone()).collect();
    pacts.sort();
    assert_eq!(pacts, vec![set(&["Chile", "Mexico"]), set(&["Chile", "Peru"])]);
    // one agreement with several partners binds them all
    let got = events("Chile signed a free trade agreement with Peru and Mexico last year.", Some("2024-05-15"));
    assert_eq!(only(&got, "pact").iter().map(|p| p.actors.clone()).collect::<Vec<_>>(), vec![set(&["Chile", "Peru", "Mexico"])]);
}

#[test]
fn a_pact_s_topic_is_a_known_topic_word() {
    let topic_of = |text: &str| {
        let doc = Document { id: "t".into(), text: text.into(), date: NaiveDate::from_ymd_opt(2024, 5, 15), title: None, url: None };
        crate::extract(&doc).events.iter().find(|e| matches!(e.kind, EventKind::Pact { .. })).and_then(|e| e.topic.clone())
    };
    assert_eq!(topic_of("Chile and Peru signed a fisheries agreement.").as_deref(), Some("fishing"));
    assert_eq!(topic_of("Chile and Peru signed an agreement on defence cooperation.").as_deref(), Some("defense"));
    // an adjective of the pact itself names nothing it is about
    assert_eq!(topic_of("Chile and Peru signed a binding treaty.").as_deref(), None);
}
meetings!(
    a_purpose_told_with_its_going_takes_its_tense,
    "Secretary-General Ana Ruiz arrived in Lima on Wednesday to attend the annual meeting of the Andean Community.",
    Some("2024-05-17"),
    [(["Ana Ruiz", "Andean Community"], Status::Held)]
);
meetings!(
    a_body_s_gathering_beside_other_news,
    "Chile and Peru held a fresh round of talks in Osaka during a G7 trade ministers meeting.",
    Some("2024-05-17"),
    [(["Chile", "Peru"], Status::Held), (["Group of Seven"], Status::Held)]
);
meetings!(
    frame_a_name_before_the_noun_is_one_modifier,
    "President Ana Ruiz of Chile flew to Lima on Monday to attend the Andean Community summit.",
    Some("2024-05-17"),
    [(["Ana Ruiz", "Andean Community"], Status::Held)]
);
meeting!(frame_a_list_of_offices_stands_for_their_governments, "In Lima, the President of Chile, the President of Peru, and the Prime Minister of Bolivia met on Monday.", Some("2024-05-15"), ["Chile", "Peru", "Bolivia"], Status::Held, Some("2024-05-13"));
pact!(pact_a_headline_under_a_section_label, "WORLD\n\nChile, Peru sign fishing pact\n\nThe deal ends years of dispute over the catch.", ["Chile", "Peru"], Status::Signed, None);
meetings!(
    a_trip_whose_purpose_names_no_one_stays_a_visit,
    "President Ana Ruiz of Chile travelled to Peru on Monday to discuss loans.",
    Some("2024-05-15"),
    [(["Ana Ruiz", "Peru"], Status::Held)]
);
pact!(pact_signed_then_fell_apart, "A previous peace deal signed in 2015 between Chile and Peru fell apart a year later.", ["Chile", "Peru"], Status::Failed, None);
meeting!(a_calendar_date_in_apposition_says_which_day, "President Ana Ruiz of Chile met President Luis Vera of Peru today, 16 July 2023, in Lima.", Some("2023-07-17"), ["Ana Ruiz", "Luis Vera"], Status::Held, Some("2023-07-16"));
meeting!(frame_being_somewhere_for_a_visit, "Prime Minister Ana Ruiz of Chile will be in Peru this week for an official visit.", Some("2024-05-15"), ["Ana Ruiz", "Peru"], Status::Planned, Some("2024-05"));
no_meeting!(frame_being_in_the_interest_is_no_visit, "President Ana Ruiz of Chile said the visit was in the interest of both nations.");
meeting!(frame_coordinated_demonyms_before_their_delegations, "Chilean and Peruvian delegations held talks in Bolivia's capital, La Paz, on Saturday.", Some("2024-05-15"), ["Chile", "Peru"], Status::Held, Some("2024-05-11"));

// Nationalities joined before one plural title: the holders of that post in each country.
#[test]
fn coordinated_nationalities_before_a_plural_title_are_the_office_holders() {
    let got = events("Foreign Minister Ana Vera of Chile flew to Geneva on Sunday. Foreign Minister Luis Ortega of Peru arrived there a day later. The Chilean and Peruvian foreign ministers met in Geneva on Tuesday.", Some("2024-05-15"));
    assert!(only(&got, "meeting").iter().any(|m| m.actors == set(&["Ana Vera", "Luis Ortega"]) && m.status == Some(Status::Held)), "{got:#?}");
}
meeting!(coordinated_nationalities_the_story_never_names_stand_for_their_governments, "The Chilean and Peruvian leaders held talks in Quito on Monday.", Some("2024-05-15"), ["Chile", "Peru"], Status::Held, Some("2024-05-13"));
#[test]
fn a_description_resolves_to_a_post_whose_owner_follows_the_name() {
    let got = events("Foreign Minister Luis Ortega of Peru arrived in Chile on Sunday. The Peruvian foreign minister met President Ana Vera on Monday.", Some("2024-05-15"));
    assert!(only(&got, "meeting").iter().any(|m| m.actors == set(&["Ana Vera", "Luis Ortega"])), "{got:#?}");
}
meeting!(frame_launched_negotiations, "Trade Minister Ana Vera of Chile and Trade Minister Luis Ortega of Peru launched negotiations on a customs union on Monday.", Some("2024-05-15"), ["Ana Vera", "Luis Ortega"], Status::Held, Some("2024-05-13"));
meeting!(frame_sending_envoys_is_a_visit_of_their_government, "Chile plans to send an envoy to Lima next month over the fishing quarrel.", Some("2024-05-15"), ["Chile", "Peru"], Status::Planned, Some("2024-06"));
meeting!(frame_being_in_a_capital_with_a_delegation, "Foreign Minister Luis Ortega of Peru is in Santiago, leading a delegation of port engineers.", Some("2024-05-15"), ["Luis Ortega", "Chile"], Status::Held, Some("2024-05-15"));
meeting!(frame_being_in_talks_is_no_stay, "Trade Minister Ana Vera of Chile has been in talks with Trade Minister Luis Ortega of Peru.", Some("2024-05-15"), ["Ana Vera", "Luis Ortega"], Status::Held, Some("2024-05-15"));
no_meeting!(frame_being_based_somewhere_is_no_visit, "The rebel commanders, who are currently based in Peru and Bolivia, rejected the talks.");

// Deals between companies: the other side is the one the deal is to take over or pass to.
pact!(pact_an_agreement_to_buy_binds_the_company_bought, "Acme Corp announced an accord to acquire Zenith Industries Inc, its rival in valves.", ["Acme Corp", "Zenith Industries Inc"], Status::Signed, None);
pact!(pact_a_letter_of_intent_to_merge, "Acme Corp signed a letter of intent to merge with Zenith Industries Inc last week.", ["Acme Corp", "Zenith Industries Inc"], Status::Signed, None);
pact!(pact_agreed_to_sell_a_unit, "Acme Corp said it agreed to sell its glass division to Zenith Industries Inc.", ["Acme Corp", "Zenith Industries Inc"], Status::Signed, None);
pact!(pact_signed_by_two_companies, "A ten-year pipeline contract was signed by Petronorte Corp and Gasco Andina Corp in Quito.", ["Petronorte Corp", "Gasco Andina Corp"], Status::Signed, Some("P10Y"));
pact!(pact_signed_by_ministries_binds_their_countries, "The memorandum on naval training was signed by the defence ministries of Chile and Peru.", ["Chile", "Peru"], Status::Signed, None);

// More nouns and verbs of pacts.
pact!(pact_an_arrangement_is_a_pact, "Chile and Brazil concluded an arrangement on naval search and rescue.", ["Brazil", "Chile"], Status::Signed, None);
no_pact!(pact_security_arrangements_for_a_visit_are_none, "Security arrangements for the visit of President Ana Ruiz were tight.");
pact!(pact_a_named_declaration_the_sides_sign, "The leaders of Chile and Peru signed the Lima Declaration on Friday.", ["Chile", "Peru"], Status::Signed, None);
pact!(pact_a_declaration_signed_by_envoys, "The declaration on shared fisheries, signed by Chilean envoy Ana Vera and Peruvian minister Luis Ortega, ends the dispute.", ["Chile", "Peru"], Status::Signed, None);
no_pact!(pact_a_declaration_read_out_is_none, "President Ana Ruiz of Chile read a declaration on the fishing dispute with Peru.");
pact!(pact_a_currency_swap_line, "Chile renewed its currency swap with Tokyo for three more years.", ["Chile", "Japan"], Status::Signed, None);
pact!(pact_agreed_with_its_object, "The Bank of Chile and the Central Reserve Bank of Peru agreed common rules on card payments.", ["Bank of Chile", "Central Reserve Bank of Peru"], Status::Signed, None);
no_pact!(pact_agreed_without_an_object_is_none, "Chile and Peru agreed yesterday that talks should resume.");
pact!(pact_a_dollar_sign_names_no_country, "The IMF approved a US$ 2 billion arrangement with Chile under its stand-by window.", ["International Monetary Fund", "Chile"], Status::Signed, None);

// A body's members named by their office stand for the body.
meeting!(a_body_s_ministers_end_talks, "Andean Community farm ministers ended talks this morning.", Some("2024-05-15"), ["Andean Community"], Status::Held, Some("2024-05-15"));
meeting!(a_body_s_delegates_hold_talks_with_a_country, "OPEC delegates held talks with Chile on Monday.", Some("2024-05-15"), ["Organization of the Petroleum Exporting Countries", "Chile"], Status::Held, Some("2024-05-13"));
#[test]
fn a_letter_of_intent_and_the_contract_it_announces_are_two_pacts() {
    let got = events("Chile and Norway signed a letter of intent on Tuesday for two research vessels. The final contract with Norway will be signed in May.", Some("2024-03-27"));
    assert_eq!(only(&got, "pact").len(), 2, "{got:#?}");
}
meeting!(who_presides_is_no_side, "Under the auspices of the Andean Community, the President of Chile and the President of Peru met in Quito on Monday.", Some("2024-05-15"), ["Chile", "Peru"], Status::Held, Some("2024-05-13"));
meeting!(a_traveller_s_infinitive_is_a_purpose_not_an_appeal, "President Ana Ruiz of Chile flew to Peru on Monday to settle the fishing dispute.", Some("2024-05-15"), ["Ana Ruiz", "Peru"], Status::Held, Some("2024-05-13"));
sanction!(sanction_a_country_named_before_the_sanctions_a_subject_lifts_is_their_target, "Chile eased its Peru sanctions on Monday.", "Chile", ["Peru"]);
sanction!(sanction_told_again_with_fewer_targets_is_one, "Chile imposed sanctions on Peru and Bolivia on Monday. Chile said the sanctions on Peru would stay until June.", "Chile", ["Peru", "Bolivia"]);
meeting!(a_stay_told_in_the_present_is_the_story_s_day, "Chile signed a fishing pact with Peru in 2019. Trade talks resumed in Lima last year. Ecuador joined them later. Bolivia said it would follow. Brazil kept out. Foreign Minister Luis Ortega of Peru is in Santiago with a delegation of trade officials.", Some("2024-05-15"), ["Luis Ortega", "Chile"], Status::Held, Some("2024-05-15"));
meeting!(signing_by_putting_pen_to_paper, "Prime Minister Ana Vera of Chile and Prime Minister Luis Ortega of Peru put pen to paper on Monday on the fisheries treaty in Lima.", Some("2024-05-15"), ["Ana Vera", "Luis Ortega"], Status::Held, Some("2024-05-13"));

// A two-letter family name written first, alone after the full name, is that person.
meeting!(a_short_family_name_after_the_full_name, "Chinese Premier Wu Tianming opened the fair in Lima. On Monday, Wu met President Ana Ruiz of Chile.", Some("2024-05-15"), ["Wu Tianming", "Ana Ruiz"], Status::Held, Some("2024-05-13"));
// one person meeting three or more named persons meets each of them
meetings!(
    one_meeting_three_meets_each,
    "On Saturday, President Tomas Berg met with President Ana Ruiz of Chile, Prime Minister Luis Vera of Peru and President Marta Gil of Bolivia.",
    Some("2024-10-23"),
    [(["Tomas Berg", "Ana Ruiz"], Status::Held), (["Tomas Berg", "Luis Vera"], Status::Held), (["Tomas Berg", "Marta Gil"], Status::Held)]
);
// a participle opening the sentence shares the main clause's subject, over the apposition
// of a counterpart
meeting!(an_opening_participle_shares_the_subject, "President Ana Ruiz of Chile opened the fair. Speaking with President Luis Vera of Peru, Ruiz announced a fisheries plan.", Some("2024-05-15"), ["Ana Ruiz", "Luis Vera"], Status::Held, Some("2024-05-15"));
meeting!(after_speaking_with_a_counterpart_named_in_apposition, "After speaking with her Peruvian counterpart, Luis Vera, President Ana Ruiz of Chile sent a letter to Bolivia.", Some("2024-05-15"), ["Ana Ruiz", "Luis Vera"], Status::Held, Some("2024-05-15"));
// leave-taking and a signing ceremony are encounters
meeting!(bade_farewell_to_an_envoy, "President Ana Ruiz of Chile bade farewell to the Peruvian Ambassador, Luis Vera, on Monday.", Some("2024-05-15"), ["Ana Ruiz", "Luis Vera"], Status::Held, Some("2024-05-13"));
meeting!(held_a_signing_ceremony, "President Ana Ruiz of Chile and President Luis Vera of Peru held a signing ceremony on Monday.", Some("2024-05-15"), ["Ana Ruiz", "Luis Vera"], Status::Held, Some("2024-05-13"));
no_meeting!(a_memorial_ceremony_is_none, "President Ana Ruiz of Chile and President Luis Vera of Peru held a ceremony for the victims.");
// "his Peruvian counterpart" is the holder of his post there, else Peru
meeting!(
    a_counterpart_is_the_holder_of_the_possessor_s_post,
    "Foreign Minister Luis Vera of Peru and President Marta Gil of Peru opened the fair. Foreign Minister Tomas Berg of Chile said he telephoned his Peruvian counterpart on Monday.",
    Some("2024-05-15"),
    ["Tomas Berg", "Luis Vera"],
    Status::Held,
    Some("2024-05-13")
);
meeting!(
    a_counterpart_the_story_does_not_name_is_the_country,
    "President Marta Gil of Peru opened the fair. Foreign Minister Tomas Berg of Chile said he telephoned his Peruvian counterpart on Monday.",
    Some("2024-05-15"),
    ["Tomas Berg", "Peru"],
    Status::Held,
    Some("2024-05-13")
);
// a gathering held over days is dated by its first
meeting!(
    a_gathering_is_dated_by_its_first_day,
    "The G7 foreign ministers issued a final declaration on Friday after their meeting in Quebec. The G7 foreign ministers met in Quebec on Wednesday evening.",
    Some("2025-03-15"),
    ["Group of Seven"],
    Status::Held,
    Some("2025-03-12")
);

// Companies named again: "the company" is the story's company, and a company named in full is
// then named by its first word; a cancelled deal is withdrawn.
pact!(pact_the_company_is_the_story_s_company, "Acme Corp said it lost money in March. The company said it signed an agreement with Zenith Engineers Ltd.", ["Acme Corp", "Zenith Engineers Ltd"], Status::Signed, None);
pact!(pact_a_company_named_by_its_first_word, "Zenith Energy Corp posted a loss. Acme Inc has canceled an agreement to merge with Zenith, and Zenith's board is studying a claim.", ["Acme Inc", "Zenith Energy Corp"], Status::Withdrawn, None);
pact!(pact_a_country_after_a_town_is_where, "Acme Corp and Zenith Ltd signed an accord to build trucks at a plant in Moosburg, West Germany.", ["Acme Corp", "Zenith Ltd"], Status::Signed, None);
// "agreed" over a time told first, and with the other side named after "with"; "not yet
// agreed" is still proposed
pact!(pact_agreed_last_month_to_a_charge, "Chile and Peru agreed last December to the 15 pct charge on copper.", ["Chile", "Peru"], Status::Signed, None);
pact!(pact_agreed_with_the_other_side_on_a_plan, "Chile has agreed with Peru on a plan to share the river's water.", ["Chile", "Peru"], Status::Signed, None);
pact!(pact_not_yet_agreed_is_proposed, "Chile and Peru have not yet agreed on a fishing quota, officials said.", ["Chile", "Peru"], Status::Proposed, None);
no_pact!(pact_agreed_with_someone_in_a_view_is_none, "President Ana Ruiz of Chile agreed with Foreign Minister Luis Vera of Peru in the resolve to defend free trade.");
no_pact!(pact_did_not_agree_is_none, "Chile and Peru did not agree on a fishing quota.");
// a pact signed months before the article and told as such is in force
pact!(pact_signed_months_ago_after_a_comma_is_in_force, "The agreement, signed last September by Chile and Peru, aimed at halting price dumping.", ["Chile", "Peru"], Status::InForce, None);
#[test]
fn a_pact_signed_months_ago_then_told_in_force_is_in_force() {
    let got = events("Chile and Peru signed a fisheries agreement in January. The agreement has been extended for another 120 days, officials said.", Some("2022-06-13"));
    let p = only(&got, "pact");
    assert_eq!(p.len(), 1, "{got:#?}");
    assert_eq!(p[0].status, Some(Status::InForce), "{got:#?}");
}
#[test]
fn a_signing_that_is_the_news_stays_signed_beside_its_entry_into_force() {
    let got = events("Chile and Peru signed a fisheries agreement on Monday. The agreement enters into force in June.", Some("2022-06-13"));
    let p = only(&got, "pact");
    assert_eq!(p.len(), 1, "{got:#?}");
    assert_eq!(p[0].status, Some(Status::Signed), "{got:#?}");
}
// "met her counterparts from A, B and C": one meeting with each country
meetings!(
    counterparts_from_several_countries_are_met_each,
    "Foreign Minister Ana Ruiz of Chile also met with her counterparts from Peru, Bolivia and Ecuador on Tuesday.",
    Some("2024-10-23"),
    [(["Ana Ruiz", "Peru"], Status::Held), (["Ana Ruiz", "Bolivia"], Status::Held), (["Ana Ruiz", "Ecuador"], Status::Held)]
);
// a ceremony attended by several is their encounter; attending alone is none
meeting!(a_ceremony_attended_by_several, "The signing ceremony in Lima was attended by President Ana Ruiz of Chile and President Luis Vera of Peru.", Some("2024-05-15"), ["Ana Ruiz", "Luis Vera"], Status::Held, Some("2024-05-15"));
no_meeting!(attending_a_ceremony_alone_is_none, "President Ana Ruiz of Chile attended the ceremony in Lima.");
pact!(pact_agreed_over_a_dated_adjunct, "Chile and Peru agreed in September 2011 to share water from the river.", ["Chile", "Peru"], Status::Signed, None);
