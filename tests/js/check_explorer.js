// Drives the explorer of `entente serve` in headless Chromium (Debian's, through playwright-core):
// opens the page with the network cut off (no name resolves, no proxy answers: see
// load_explorer.js) and every request outside the server refused, runs a query and reads the
// table, draws a path, moves the time slider, finds "Maduro", opens his node, reads an evidence
// sentence, and saves a screenshot whose colors it counts. Prints what it saw as JSON.
// Usage: node check_explorer.js URL SCREENSHOT.png
"use strict";
const fs = require("fs");
const { internetReachable, openOffline } = require("./load_explorer.js");

async function main() {
  const [url, shot] = process.argv.slice(2);
  const out = { external: [], errors: [] };
  // nothing but the server: the page must work offline
  const { context, page, userDataDir } = await openOffline(url, out, 120000);
  try {
    // the first load as the browser timed it: navigation to a drawn graph, and what it fetched
    Object.assign(out, await page.evaluate(() => {
      const entries = [...performance.getEntriesByType("navigation"), ...performance.getEntriesByType("resource")];
      return { loadMs: Math.round(window.entente.readyAt), requests: entries.length, bytes: entries.reduce((n, e) => n + (e.decodedBodySize || 0), 0) };
    }));
    out.nodes = await page.evaluate(() => window.entente.cy.nodes().length);

    // a query and its table
    await page.selectOption("#example", "meetings");
    await page.click("#run");
    await page.waitForSelector("#results-table tbody tr", { timeout: 60000 });
    out.rows = await page.locator("#results-table tbody tr").count();
    out.columns = await page.locator("#results-table th").allTextContents();

    // the path between two actors, drawn on the graph
    await page.fill("#path-from", "Ali Khamenei");
    await page.fill("#path-to", "Felix Plasencia");
    await page.click("#path-run");
    await page.waitForSelector("#details ol li", { timeout: 60000 });
    out.pathSteps = await page.locator("#details ol li").count();
    out.pathDrawn = await page.evaluate(() => window.entente.cy.$(".path").length);

    // the time slider hides events after the chosen day
    out.hiddenAtFirstDay = await page.evaluate(() => {
      const s = document.getElementById("time");
      s.value = "0";
      s.dispatchEvent(new Event("input"));
      const hidden = window.entente.cy.$(".later").length;
      s.value = s.max;
      s.dispatchEvent(new Event("input"));
      return hidden;
    });

    // find Maduro, open his node, read the evidence
    await page.fill("#search", "Maduro");
    await page.click("#find");
    await page.waitForSelector("#details blockquote.evidence", { timeout: 60000 });
    out.detailsTitle = await page.locator("#details h2").first().textContent();
    out.evidence = await page.locator("#details blockquote.evidence").allTextContents();
    out.articles = await page.locator("#details .article").allTextContents();
    await page.waitForTimeout(500); // the zoom animation
    await page.screenshot({ path: shot });
    const graphShot = await page.locator("#cy").screenshot();
    // distinct colors, counted by the browser itself from the PNG files
    const count = (b64) => page.evaluate(async (b64) => {
      const img = new Image();
      img.src = "data:image/png;base64," + b64;
      await img.decode();
      const c = document.createElement("canvas");
      c.width = img.width; c.height = img.height;
      const x = c.getContext("2d");
      x.drawImage(img, 0, 0);
      const d = x.getImageData(0, 0, c.width, c.height).data;
      const seen = new Set();
      for (let i = 0; i < d.length; i += 4) seen.add((d[i] << 16) | (d[i + 1] << 8) | d[i + 2]);
      return seen.size;
    }, b64);
    out.pageColors = await count(fs.readFileSync(shot).toString("base64"));
    out.graphColors = await count(graphShot.toString("base64"));
    out.internetReachable = await internetReachable(context, page);
  } finally {
    await context.close();
    fs.rmSync(userDataDir, { recursive: true, force: true });
  }
  console.log(JSON.stringify(out));
}

main().catch((e) => { console.error(e); process.exit(1); });
