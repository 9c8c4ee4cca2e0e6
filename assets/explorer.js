// The Entente explorer: a SPARQL query editor with the shipped examples, a Cytoscape.js view of
// actors and events, search by any name, node details with their evidence, a time slider and
// the path between two actors. Everything it loads comes from the server that serves it.
"use strict";

(function () {
  const KINDS = {
    Person: "#4285f4", Country: "#db4437", Organization: "#f4b400", Place: "#0f9d58",
    Meeting: "#ab47bc", Pact: "#00acc1", Sanction: "#ff7043",
  };
  const EVENT_KINDS = new Set(["Meeting", "Pact", "Sanction"]);
  const ACTOR_KINDS = new Set(["Person", "Country", "Organization"]);
  const MAX_ROWS = 1000; // rows the results table shows; the rest is counted, not drawn
  const $ = (id) => document.getElementById(id);
  const status = (text) => { $("status").textContent = text; };

  function el(tag, attrs, ...children) {
    const e = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (k === "class") e.className = v; else if (k.startsWith("on")) e.addEventListener(k.slice(2), v); else e.setAttribute(k, v);
    }
    for (const c of children) if (c !== null && c !== undefined) e.append(c instanceof Node ? c : String(c));
    return e;
  }

  // accents, case and punctuation aside, as `entente path` compares names
  const fold = (s) => s.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase().replace(/[^\p{L}\p{N}]+/gu, " ").trim();

  async function sparql(query, accept) {
    const r = await fetch("/sparql", {
      method: "POST",
      headers: { "Content-Type": "application/sparql-query", Accept: accept || "application/sparql-results+json" },
      body: query,
    });
    const text = await r.text();
    if (!r.ok) throw new Error(text.trim() || `HTTP ${r.status}`);
    return { type: r.headers.get("Content-Type") || "", text };
  }

  async function select(query) {
    const { text } = await sparql(query);
    const json = JSON.parse(text);
    return json.results.bindings.map((b) => Object.fromEntries(Object.entries(b).map(([k, v]) => [k, v.value])));
  }

  // ---- query editor and results table ----

  async function loadExamples() {
    const list = await (await fetch("/api/examples")).json();
    const sel = $("example");
    for (const ex of list) sel.append(el("option", { value: ex.name, title: ex.title }, `${ex.name} — ${ex.title}`));
    sel.addEventListener("change", () => {
      const ex = list.find((x) => x.name === sel.value);
      if (ex) $("query").value = ex.query;
    });
    if (list.length) $("query").value = list[0].query;
  }

  async function runQuery() {
    const out = $("results");
    out.replaceChildren(el("p", { class: "note" }, "Running…"));
    const started = performance.now();
    try {
      const { type, text } = await sparql($("query").value, "application/sparql-results+json, text/turtle;q=0.9");
      const ms = Math.round(performance.now() - started);
      if (!type.includes("json")) {
        out.replaceChildren(el("p", { class: "note" }, `Graph result (${ms} ms)`), el("pre", {}, text));
        return;
      }
      const json = JSON.parse(text);
      if ("boolean" in json) {
        out.replaceChildren(el("p", { class: "note" }, `${json.boolean} (${ms} ms)`));
        return;
      }
      const vars = json.head.vars;
      const rows = json.results.bindings;
      const table = el("table", { id: "results-table" }, el("thead", {}, el("tr", {}, ...vars.map((v) => el("th", {}, "?" + v)))));
      const body = el("tbody");
      for (const b of rows.slice(0, MAX_ROWS)) {
        body.append(el("tr", {}, ...vars.map((v) => {
          const t = b[v];
          if (!t) return el("td");
          const inGraph = t.type === "uri" && cy && cy.getElementById(t.value).nonempty();
          return inGraph ? el("td", { class: "node", title: t.value, onclick: () => focusNode(t.value) }, label(t.value)) : el("td", { title: t.value }, t.value);
        })));
      }
      table.append(body);
      const note = rows.length > MAX_ROWS ? `${rows.length} rows, the first ${MAX_ROWS} shown (add a LIMIT)` : `${rows.length} row${rows.length === 1 ? "" : "s"}`;
      out.replaceChildren(el("p", { class: "note" }, `${note} (${ms} ms)`), table);
    } catch (e) {
      out.replaceChildren(el("p", { class: "error" }, e.message));
    }
  }

  // ---- the graph ----

  let cy = null;
  const names = new Map(); // IRI -> every name

  function label(iri) {
    const n = cy && cy.getElementById(iri);
    return n && n.nonempty() ? n.data("label") : iri;
  }

  // `?limit=N` in the page's address asks for another number of nodes than the server's default
  const limit = new URLSearchParams(location.search).get("limit");
  const limitParam = limit ? `?limit=${encodeURIComponent(limit)}` : "";

  async function loadGraph() {
    const r = await fetch(`/api/graph${limitParam}`);
    if (!r.ok) throw new Error(await r.text());
    const doc = await r.json();
    const shown = r.headers.get("X-Entente-Nodes") || "";
    const [n, total] = shown.split("/").map(Number);
    if (total > n) $("graph-note").textContent = `the ${n} busiest of ${total} nodes`;
    cy = cytoscape({
      container: $("cy"),
      elements: doc.elements,
      wheelSensitivity: 0.3,
      style: [
        { selector: "node", style: {
          "background-color": (e) => KINDS[e.data("kind")] || "#888",
          label: "data(label)", "font-size": 9, "text-wrap": "ellipsis", "text-max-width": 120,
          "text-valign": "bottom", "text-margin-y": 3, width: 18, height: 18, color: "#333",
        } },
        { selector: "node[kind = 'Meeting'], node[kind = 'Pact'], node[kind = 'Sanction']", style: { shape: "round-rectangle", width: 14, height: 14, "font-size": 7, color: "#666" } },
        { selector: "node[kind = 'Place']", style: { shape: "triangle", width: 12, height: 12 } },
        { selector: "edge", style: { width: 1, "line-color": "#b0bec5", "curve-style": "bezier", "target-arrow-shape": "triangle", "target-arrow-color": "#b0bec5", "arrow-scale": 0.6 } },
        { selector: "node:selected", style: { "border-width": 3, "border-color": "#111" } },
        { selector: ".later", style: { display: "none" } },
        { selector: ".faded", style: { opacity: 0.15 } },
        { selector: "node.path", style: { "border-width": 3, "border-color": "#e65100", opacity: 1 } },
        { selector: "edge.path", style: { width: 4, "line-color": "#e65100", "target-arrow-color": "#e65100", opacity: 1 } },
      ],
      layout: { name: "cose", animate: false, randomize: false, nodeRepulsion: () => 9000, idealEdgeLength: () => 60, numIter: 1500 },
    });
    cy.on("tap", "node", (evt) => showDetails(evt.target));
    cy.on("tap", (evt) => { if (evt.target === cy) clearPath(); });
    legend();
    timeline();
    status(`${cy.nodes().length} nodes, ${cy.edges().length} edges`);
  }

  function legend() {
    const counts = {};
    cy.nodes().forEach((n) => { counts[n.data("kind")] = (counts[n.data("kind")] || 0) + 1; });
    const box = $("legend");
    box.replaceChildren();
    for (const [kind, color] of Object.entries(KINDS)) {
      if (!counts[kind]) continue;
      box.append(el("div", {}, el("i", { class: EVENT_KINDS.has(kind) ? "event" : "", style: `background:${color}` }), `${kind} (${counts[kind]})`));
    }
  }

  // The time slider: events dated after the chosen day are hidden (undated ones stay).
  function timeline() {
    const dates = [...new Set(cy.nodes().filter((n) => EVENT_KINDS.has(n.data("kind")) && n.data("start")).map((n) => n.data("start")))].sort();
    const slider = $("time");
    slider.max = String(dates.length);
    slider.value = String(dates.length);
    const apply = () => {
      const i = Number(slider.value);
      const until = i >= dates.length ? null : dates[i];
      $("time-label").textContent = until ? until : "all dates";
      cy.batch(() => cy.nodes().forEach((n) => {
        const later = until !== null && EVENT_KINDS.has(n.data("kind")) && n.data("start") && n.data("start") > until;
        n.toggleClass("later", Boolean(later));
      }));
    };
    slider.addEventListener("input", apply);
    slider.disabled = dates.length === 0;
    apply();
  }

  // every other name of the actors drawn (not of the whole store: on a large one that is
  // megabytes), from the server's cached projection
  async function loadNames() {
    const r = await fetch(`/api/names${limitParam}`);
    if (!r.ok) throw new Error(await r.text());
    for (const [iri, list] of Object.entries(await r.json())) names.set(iri, new Set(list));
  }

  // The actors a name designates: an exact name first, else every name holding all its words.
  function findActors(query) {
    const wanted = fold(query);
    if (!wanted) return [];
    const actors = cy.nodes().filter((n) => ACTOR_KINDS.has(n.data("kind")));
    const all = (n) => [n.data("label"), ...(names.get(n.id()) || [])].map(fold);
    const exact = actors.filter((n) => all(n).includes(wanted));
    if (exact.length) return exact.toArray();
    const words = wanted.split(" ");
    return actors.filter((n) => all(n).some((x) => { const have = new Set(x.split(" ")); return words.every((w) => have.has(w)); })).toArray();
  }

  function focusNode(iri) {
    const n = cy.getElementById(iri);
    if (n.empty()) return;
    cy.elements().unselect();
    n.select();
    cy.animate({ center: { eles: n }, zoom: Math.max(cy.zoom(), 1.2) }, { duration: 300 });
    showDetails(n);
  }

  // ---- node details ----

  const ROLES = `VALUES (?p ?role) { (sem:hasActor "participant") (ent:party "party") (ent:signatory "signatory")
    (ent:imposer "imposer") (ent:target "target") (ent:speaker "speaker") (ent:host "host") (sem:hasPlace "place") }`;

  // Each event's tellings: per article, its status and the sentence that states it.
  const tellings = (eventPattern) => `SELECT ?event ?class ?elabel ?date ?article ?issued ?status ?evidence ?quote WHERE {
      ${eventPattern}
      ?event a ?c . VALUES ?c { ent:Meeting ent:Pact ent:Sanction ent:Statement } BIND(STRAFTER(STR(?c), "#") AS ?class)
      OPTIONAL { ?event rdfs:label ?elabel } OPTIONAL { ?event sem:hasTimeStamp ?date }
      GRAPH ?g { ?event a ?c . OPTIONAL { ?event ent:status ?s } OPTIONAL { ?event ent:evidence/nif:anchorOf ?evidence } OPTIONAL { ?event ent:quote ?quote } }
      BIND(STRAFTER(STR(?s), "#") AS ?status)
      ?g prov:wasDerivedFrom ?a . ?a dcterms:identifier ?article . OPTIONAL { ?a dcterms:issued ?issued }
    } ORDER BY ?date ?event ?issued ?article`;

  function eventList(rows, roles) {
    const byEvent = new Map();
    for (const r of rows) {
      if (!byEvent.has(r.event)) byEvent.set(r.event, []);
      byEvent.get(r.event).push(r);
    }
    const list = el("ul", { class: "events" });
    for (const [event, tells] of byEvent) {
      const first = tells[0];
      const head = el("div", {},
        el("strong", {}, first.class), " ",
        cy.getElementById(event).nonempty() ? el("a", { href: "#", onclick: (e) => { e.preventDefault(); focusNode(event); } }, first.elabel || label(event)) : (first.elabel || ""),
        first.date ? ` · ${first.date}` : "",
        roles && roles.get(event) ? ` · as ${[...roles.get(event)].join(", ")}` : "");
      const history = tells.filter((t) => t.status).map((t) => t.status);
      const item = el("li", {}, head);
      if (history.length > 1) item.append(el("div", { class: "history" }, "status: ", history.join(" → ")));
      else if (history.length === 1) item.append(el("div", { class: "history" }, "status: ", history[0]));
      const seen = new Set();
      for (const t of tells) {
        const sentence = t.evidence || t.quote;
        if (!sentence || seen.has(sentence + t.article)) continue;
        seen.add(sentence + t.article);
        item.append(el("blockquote", { class: "evidence" }, sentence), el("div", { class: "article" }, `article ${t.article}${t.issued ? " · " + t.issued : ""}`));
      }
      list.append(item);
    }
    return list;
  }

  async function showDetails(node) {
    const iri = node.id();
    const kind = node.data("kind");
    const box = $("details");
    box.replaceChildren(el("h2", {}, node.data("label")), el("div", { class: "kind" }, kind + (node.data("country") ? ` · ${node.data("country")}` : "")), el("p", { class: "hint" }, "Loading…"));
    try {
      const parts = [];
      const other = [...(names.get(iri) || [])].filter((n) => n !== node.data("label"));
      if (other.length) parts.push(el("h3", {}, "Also named"), el("div", {}, other.join(" · ")));
      if (EVENT_KINDS.has(kind)) {
        const who = await select(`SELECT ?role ?who ?name WHERE { ${ROLES} <${iri}> ?p ?who . ?who rdfs:label ?name } ORDER BY ?role ?name`);
        if (who.length) parts.push(el("h3", {}, "Who"), el("ul", {}, ...who.map((w) => el("li", {}, `${w.role}: `, el("a", { href: "#", onclick: (e) => { e.preventDefault(); focusNode(w.who); } }, w.name)))));
        const rows = await select(tellings(`BIND(<${iri}> AS ?event)`));
        parts.push(el("h3", {}, "Told by"), eventList(rows, null));
      } else {
        const posts = await select(`SELECT DISTINCT ?title ?of WHERE { <${iri}> org:holds ?post . ?post org:role/skos:prefLabel ?title . OPTIONAL { ?post org:postIn/rdfs:label ?of } } ORDER BY ?title`);
        if (posts.length) parts.push(el("h3", {}, "Posts"), el("ul", {}, ...posts.map((p) => el("li", {}, p.title + (p.of ? ` of ${p.of}` : "")))));
        const roleRows = await select(`SELECT ?event ?role WHERE { ${ROLES} ?event ?p <${iri}> }`);
        const roles = new Map();
        for (const r of roleRows) { if (!roles.has(r.event)) roles.set(r.event, new Set()); roles.get(r.event).add(r.role); }
        const rows = await select(tellings(`${ROLES} ?event ?p <${iri}> .`));
        parts.push(el("h3", {}, `Events (${roles.size})`), eventList(rows, roles));
      }
      box.replaceChildren(el("h2", {}, node.data("label")), el("div", { class: "kind" }, kind + (node.data("country") ? ` · ${node.data("country")}` : "")), ...parts);
    } catch (e) {
      box.append(el("p", { class: "error" }, e.message));
    }
  }

  // ---- path between two actors ----

  function clearPath() {
    if (cy) cy.elements().removeClass("path faded");
  }

  async function showPath(from, to) {
    clearPath();
    const r = await fetch(`/api/path?from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}`);
    const box = $("details");
    if (!r.ok) {
      box.replaceChildren(el("h2", {}, "Path"), el("p", { class: "error" }, (await r.text()).trim()));
      return;
    }
    const p = await r.json();
    if (!p.found) {
      box.replaceChildren(el("h2", {}, "Path"), el("p", {}, p.message));
      return;
    }
    const onPath = cy.collection();
    for (const n of p.nodes) onPath.merge(cy.getElementById(n.id));
    for (const e of p.edges) onPath.merge(cy.getElementById(e.id));
    cy.elements().addClass("faded");
    onPath.removeClass("faded").addClass("path");
    if (onPath.nonempty()) cy.animate({ fit: { eles: onPath, padding: 60 } }, { duration: 300 });
    const steps = el("ol", {});
    p.nodes.forEach((n, i) => {
      const item = el("li", {}, el("a", { href: "#", onclick: (e) => { e.preventDefault(); focusNode(n.id); } }, n.label), ` (${n.kind}${i > 0 && p.edges[i - 1] ? ", " + p.edges[i - 1].role : ""})`);
      if (n.evidence) item.append(el("blockquote", { class: "evidence" }, n.evidence), el("div", { class: "article" }, `article ${n.article || ""}`));
      steps.append(item);
    });
    box.replaceChildren(el("h2", {}, `Path: ${p.nodes[0].label} → ${p.nodes[p.nodes.length - 1].label}`), steps);
  }

  // ---- wiring ----

  $("run").addEventListener("click", runQuery);
  $("query").addEventListener("keydown", (e) => { if (e.key === "Enter" && (e.ctrlKey || e.metaKey)) { e.preventDefault(); runQuery(); } });
  $("search-form").addEventListener("submit", (e) => {
    e.preventDefault();
    clearPath();
    const found = findActors($("search").value);
    if (!found.length) { status(`no actor is named “${$("search").value}”`); return; }
    status(found.length > 1 ? `${found.length} actors match; showing ${found[0].data("label")}` : "");
    focusNode(found[0].id());
  });
  $("path-form").addEventListener("submit", (e) => {
    e.preventDefault();
    showPath($("path-from").value, $("path-to").value);
  });

  window.entente = { get cy() { return cy; }, ready: null, readyAt: null };
  window.entente.ready = (async () => {
    status("Loading…");
    try {
      await loadExamples();
      await loadGraph();
      await loadNames();
      window.entente.readyAt = performance.now(); // ms since navigation, for the test's report
      document.body.dataset.ready = "true";
    } catch (e) {
      status(`could not load the graph: ${e.message}`);
      document.body.dataset.ready = "error";
    }
  })();
})();
