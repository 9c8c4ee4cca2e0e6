//! The evaluation kit (`../shared/eval/score.py`) on the two seed articles: the figures the
//! foundation issue asks for. The kit lives beside the checkout (as in CI); without it this
//! test fails and says so.

use crate::common::*;

#[test]
fn seed_articles_score_at_least_the_required_figures() {
    let kit = root().join("../shared/eval/score.py");
    assert!(kit.is_file(), "{} is missing: the evaluation kit must sit beside the checkout (shared/)", kit.display());
    let dir = tmp();
    let json = dir.path().join("scores.json");
    let o = std::process::Command::new("python3")
        .arg(&kit)
        .args(["--bin", bin().to_str().unwrap(), "--only", "seed-*", "--json", json.to_str().unwrap()])
        .output()
        .expect("python3");
    assert!(o.status.success(), "{}\n{}", String::from_utf8_lossy(&o.stdout), String::from_utf8_lossy(&o.stderr));
    let summary = String::from_utf8_lossy(&o.stdout).lines().last().unwrap_or("").to_owned();
    println!("{summary}");
    let v: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(&json).unwrap()).unwrap();
    let f1 = |k: &str| v.pointer(&format!("/figures/{k}/f1")).and_then(serde_json::Value::as_f64)
        .unwrap_or_else(|| panic!("no {k} F1 in {v}"));
    for k in ["actors", "posts", "meetings_overlap", "pacts_overlap", "sanctions"] {
        assert!(f1(k) >= 0.9, "{k} F1 {} < 0.9: {summary}", f1(k));
    }
    assert!(summary.contains("evidence=1.00"), "{summary}");
    assert!(summary.contains("merge=1.00/1.00"), "{summary}");
}
