//! Prints what the extractor finds in a text (mentions, entities, events): a debugging aid.
//! `cargo run --release --example debug_extract -- "Text here." [YYYY-MM-DD]`
fn main() {
    let mut args = std::env::args().skip(1);
    let text = args.next().unwrap_or_default();
    let date = args.next().and_then(|d| chrono::NaiveDate::parse_from_str(&d, "%Y-%m-%d").ok());
    let doc = entente::document::Document { id: "debug".into(), text: text.clone(), date, title: None, url: None };
    let a = entente::text::analyze_with(&text, |c| entente::lexicon::Lexicon::shipped().place_country(c, None).is_some());
    for m in entente::mention::find_mentions(&a, entente::lexicon::Lexicon::shipped(), None) {
        println!("mention {:?} {:?}", &text[m.start..m.end], m.cand);
    }
    let x = entente::extract(&doc);
    for (i, e) in x.resolved.entities.iter().enumerate() {
        println!("entity {i} {:?} {} {:?} posts={:?}", e.kind, e.key, e.names, e.posts);
    }
    for r in &x.resolved.refs {
        println!("ref {:?} -> {}", &text[r.start..r.end], r.entity);
    }
    for ev in &x.events {
        println!("event {:?}", ev);
    }
}
