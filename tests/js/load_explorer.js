// Times the explorer's first load in headless Chromium with the network cut off at two levels:
// the browser resolves every host name but localhost to nowhere and sends everything but
// loopback to a proxy that does not exist (--host-resolver-rules, --proxy-server with
// --proxy-bypass-list), and every request outside the server is refused by interception too.
// Prints one JSON line: load time to a drawn graph, bytes, requests, nodes, what was refused.
// Usage: node load_explorer.js URL
"use strict";
const fs = require("fs");
const os = require("os");
const path = require("path");
const { chromium } = require("playwright-core");

/// Chromium's arguments that leave it loopback alone: exported for check_explorer.js.
const OFFLINE_ARGS = [
  // no DNS: every name but localhost resolves to an address that refuses (0.0.0.0 port 9)
  "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost, EXCLUDE 127.0.0.1",
  // and anything that still gets out goes to a proxy nobody listens on (loopback bypasses it)
  "--proxy-server=http://127.0.0.1:9",
];
module.exports = { OFFLINE_ARGS, internetReachable, openOffline };

/// Whether the browser reaches the internet with the interception lifted: the flags alone
/// must keep it off.
async function internetReachable(context, page) {
  await context.unrouteAll();
  page.removeAllListeners("console"); // the refusals below are logged as errors: they are expected
  return page.evaluate(async () => {
    for (const u of ["http://example.com/", "https://www.w3.org/", "http://93.184.215.14/"]) {
      try { await fetch(u, { mode: "no-cors", cache: "no-store" }); return true; } catch (e) { /* refused, as it must be */ }
    }
    return false;
  });
}

/// Opens a page of the server at `url` in headless Chromium, offline: the flags above, and
/// every request outside the server refused and recorded in `out.external`; page errors and
/// console errors go to `out.errors`. Returns the context, the page and the profile folder to
/// remove when done.
async function openOffline(url, out, readyTimeoutMs) {
  const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), "entente-chromium-"));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
    headless: true,
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
      "--disable-component-update", "--disable-sync", ...OFFLINE_ARGS],
    viewport: { width: 1500, height: 900 },
  });
  await context.route("**/*", (route) => {
    const u = route.request().url();
    if (u.startsWith(url)) return route.continue();
    out.external.push(u);
    return route.abort();
  });
  const page = await context.newPage();
  page.on("pageerror", (e) => out.errors.push(String(e)));
  page.on("console", (m) => { if (m.type() === "error") out.errors.push(m.text()); });
  await page.goto(url + "/", { waitUntil: "load" });
  await page.waitForSelector('body[data-ready="true"]', { timeout: readyTimeoutMs });
  return { context, page, userDataDir };
}

async function main() {
  const [url] = process.argv.slice(2);
  const out = { external: [], errors: [] };
  const { context, page, userDataDir } = await openOffline(url, out, 300000);
  try {
    Object.assign(out, await page.evaluate(() => {
      const entries = [...performance.getEntriesByType("navigation"), ...performance.getEntriesByType("resource")];
      return {
        loadMs: Math.round(window.entente.readyAt),
        requests: entries.length,
        bytes: entries.reduce((n, e) => n + (e.decodedBodySize || 0), 0),
        transferred: entries.reduce((n, e) => n + (e.transferSize || 0), 0),
        nodes: window.entente.cy.nodes().length,
        edges: window.entente.cy.edges().length,
      };
    }));
    out.internetReachable = await internetReachable(context, page);
  } finally {
    await context.close();
    fs.rmSync(userDataDir, { recursive: true, force: true });
  }
  console.log(JSON.stringify(out));
}

if (require.main === module) main().catch((e) => { console.error(e); process.exit(1); });
