//! Helpers shared by the integration tests.

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

/// The repository root.
pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The `entente` binary built for these tests.
pub fn bin() -> PathBuf {
    PathBuf::from(env!("CARGO_BIN_EXE_entente"))
}

/// Runs `entente ARGS` and returns its output.
pub fn entente(args: &[&str]) -> Output {
    Command::new(bin()).args(args).env_remove("ENTENTE_STORE").output().expect("run entente")
}

/// Runs `entente ARGS` with `input` on standard input.
pub fn entente_stdin(args: &[&str], input: &[u8]) -> Output {
    use std::io::Write;
    let mut child = Command::new(bin())
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run entente");
    // a reader that stops early (an input over its limit) closes the pipe: not a test failure
    if let Err(e) = child.stdin.take().expect("stdin").write_all(input) {
        assert_eq!(e.kind(), std::io::ErrorKind::BrokenPipe, "write stdin: {e}");
    }
    child.wait_with_output().expect("wait")
}

/// Standard output as text.
pub fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).expect("utf-8 stdout")
}

/// Standard error as text.
pub fn stderr(o: &Output) -> String {
    String::from_utf8(o.stderr.clone()).expect("utf-8 stderr")
}

/// A fresh temporary directory.
pub fn tmp() -> tempfile::TempDir {
    tempfile::tempdir().expect("temp dir")
}

/// A store with the bundled example articles ingested.
pub fn example_store(dir: &Path) -> PathBuf {
    let store = dir.join("store");
    let articles = root().join("examples/articles");
    let o = entente(&["ingest", "--store", store.to_str().unwrap(), articles.to_str().unwrap()]);
    assert!(o.status.success(), "ingest failed: {}", stderr(&o));
    store
}

/// Runs a SELECT query and returns its SPARQL JSON results.
pub fn select(store: &Path, query: &str) -> serde_json::Value {
    let o = entente(&["query", "--store", store.to_str().unwrap(), "--format", "json", query]);
    assert!(o.status.success(), "query failed: {}", stderr(&o));
    serde_json::from_slice(&o.stdout).expect("SPARQL JSON")
}

/// The bindings of `var` in SPARQL JSON results.
pub fn column(results: &serde_json::Value, var: &str) -> Vec<String> {
    results["results"]["bindings"]
        .as_array()
        .expect("bindings")
        .iter()
        .filter_map(|b| b[var]["value"].as_str().map(str::to_owned))
        .collect()
}

/// The Python interpreter with the test requirements (rdflib, pyshacl, networkx): `$ENTENTE_PYTHON`
/// or `.venv/bin/python`. Panics with what to do when it is missing: a check by an outside
/// tool never passes silently.
pub fn python() -> PathBuf {
    let p = std::env::var_os("ENTENTE_PYTHON")
        .map(PathBuf::from)
        .unwrap_or_else(|| root().join(".venv/bin/python"));
    let ok = Command::new(&p)
        .args(["-c", "import rdflib, pyshacl, networkx"])
        .output()
        .map(|o| o.status.success())
        .unwrap_or(false);
    assert!(
        ok,
        "{} cannot import rdflib, pyshacl and networkx: run `python3 -m venv .venv && .venv/bin/pip install -r tests/requirements.txt` (what .ci/run does)",
        p.display()
    );
    p
}

/// Runs a Python script with `args`; panics with its output when it fails.
pub fn run_python(script: &str, args: &[&str]) -> String {
    let o = Command::new(python()).arg("-c").arg(script).args(args).output().expect("run python");
    assert!(o.status.success(), "python failed:\n{}\n{}", String::from_utf8_lossy(&o.stdout), String::from_utf8_lossy(&o.stderr));
    String::from_utf8_lossy(&o.stdout).into_owned()
}

/// The configuration of every property test: `ENTENTE_FUZZ_CASES` cases when it is set (the
/// opt-in `.ci/fuzz` job runs thousands, for minutes), else `default` (the CI run). A failure
/// prints its shrunk input and is saved as a seed under `tests/proptest-regressions/`, which
/// later runs try first; the input then also becomes a plain `#[test]`.
pub fn fuzz_config(default: u32) -> proptest::test_runner::Config {
    let cases = std::env::var("ENTENTE_FUZZ_CASES").ok().and_then(|v| v.trim().parse().ok()).unwrap_or(default);
    proptest::test_runner::Config { cases, ..proptest::test_runner::Config::default() }
}
