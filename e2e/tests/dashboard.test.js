// The dashboard on a store of the seed article and the whole BBC corpus: open the USA–VEN
// dyad, see its escalation chart, click an event and read its evidence with the
// attribution chain; then visit every view. Screenshots go to docs/screenshots/.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { rmSync } from 'node:fs';
import { browser, ingest, serve, sharedData, skipWithoutShared, tempDir, screenshots } from './helpers.js';

let dir, server, chrome;
let paintReported = false;

/** Waits until the view of the current address is drawn in full. */
async function settled(page) {
  await page.waitForFunction(() => document.body.dataset.rendered === location.hash);
}

/** Reports how long the page took to draw its view (data fetched and drawn), and, on a
 * first load, its first contentful paint. Reported, not asserted: timings vary by machine. */
async function report(page, name) {
  const timing = await page.evaluate(() => ({
    view: Number(document.body.dataset.renderMs),
    paint: performance.getEntriesByName('first-contentful-paint')[0]?.startTime,
  }));
  const first = !paintReported && timing.paint !== undefined;
  paintReported ||= first;
  const paint = first ? `, first contentful paint ${Math.round(timing.paint)} ms` : '';
  console.log(`timing: ${name}: view drawn in ${timing.view} ms${paint}`);
}

/** Saves a screenshot of the page, after checking that no object leaked into its text. */
async function shot(page, name, timed = true) {
  const text = await page.locator('body').innerText();
  assert.ok(!text.includes('[object') && !text.includes('undefined') && !text.includes('NaN'), `${name}: no broken text`);
  await page.screenshot({ path: path.join(screenshots, name + '.png') });
  if (timed) await report(page, name);
}

before(async () => {
  const data = sharedData();
  if (!data) return;
  dir = tempDir('dyad-e2e-');
  // $DYAD_E2E_DB: a store built before the same way (to rerun the test quickly).
  const db = process.env.DYAD_E2E_DB || path.join(dir, 'bbc.db');
  if (!process.env.DYAD_E2E_DB) {
    // The seed article has no date of its own; it was published on 3 December 2025.
    ingest(db, path.join(data, 'seed', 'article.txt'), '--date', '2025-12-03');
    ingest(db, path.join(data, 'news', 'bbc.jsonl'));
  }
  server = await serve(db);
  chrome = await browser();
});

after(async () => {
  if (chrome) await chrome.close();
  if (server) await server.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

test('USA–VEN: escalation chart, then an event with its evidence and attribution chain', async (t) => {
  if (skipWithoutShared(t)) return;
  const { page, errors } = chrome;
  await page.goto(server.url + '#dyad?a=USA&b=VEN');
  await settled(page);
  const chart = page.locator('#dyad-chart svg.escalation');
  await chart.waitFor();
  assert.match(await page.locator('#dyad-title').textContent(), /USA – VEN/);
  // Bars: at least one stacked segment, and the Goldstein line or its dots.
  assert.ok(await chart.locator('rect.seg').count() > 0, 'the chart has bars');
  assert.ok(await chart.locator('.goldstein-dot').count() > 0, 'the chart has the Goldstein line');
  const rows = page.locator('#dyad-events tr.event-row');
  await rows.first().waitFor();
  assert.ok(await rows.count() > 0, 'the dyad lists its events');
  await shot(page, 'dyad');

  // An event told on someone's word: its evidence names the same chain of sources.
  const reported = page.locator('#dyad-events tr.event-row[data-sourced="true"]').first();
  assert.ok(await reported.count() > 0, 'a USA–VEN event with a named source is listed');
  const chain = await reported.locator('.according').textContent();
  const mode = await reported.locator('.mode').textContent();
  const clicked = Date.now();
  await reported.click();
  const panel = page.locator('#evidence');
  await panel.locator('.mention').first().waitFor();
  console.log(`timing: evidence: panel filled ${Date.now() - clicked} ms after the click (driver included)`);
  // The report the row shows (a merged event may hold reports of other articles).
  const evidence = await reported.locator('.evidence-cell').textContent();
  const mention = panel.locator('.mention').filter({ has: page.locator('.sentence', { hasText: evidence }) }).first();
  assert.ok(await mention.locator('.sentence .hl-trigger').count() > 0, 'the trigger is highlighted');
  assert.ok(await mention.locator('.sentence .hl-source, .sentence .hl-target').count() > 0, 'an actor is highlighted');
  assert.match(await mention.locator('.attribution').textContent(), /According to:/);
  const sources = await mention.locator('.attribution .source-text').allTextContents();
  assert.equal(sources.join(' → '), chain, 'the attribution chain of the table, in order');
  assert.equal(await mention.locator('.mode').first().textContent(), mode);
  await shot(page, 'evidence', false);
  assert.deepEqual(errors, []);
});

test('timeline, network, event table and article views render', async (t) => {
  if (skipWithoutShared(t)) return;
  const { page, errors } = chrome;

  await page.goto(server.url + '#timeline?a=USA&b=VEN&from=2025-11');
  await settled(page);
  await page.locator('#timeline-chart svg.timeline .mark').first().waitFor();
  assert.ok(await page.locator('#timeline-list .precision').count() > 0, 'date precision is shown');
  await shot(page, 'timeline');

  await page.goto(server.url + '#network');
  await settled(page);
  await page.locator('#network-chart svg.network .node').first().waitFor();
  assert.ok(await page.locator('#network-chart .edge').count() > 1, 'the network has edges');
  await shot(page, 'network');

  // The event table, filtered to one mode: every row has it.
  await page.goto(server.url + '#events?modes=future');
  await settled(page);
  await page.locator('#events-table tr.event-row').first().waitFor();
  const modes = await page.locator('#events-table tr.event-row .mode').allTextContents();
  assert.ok(modes.length > 0 && modes.every((m) => m === 'future'), `only future events: ${modes}`);
  await page.goto(server.url + '#events?a=VEN');
  await settled(page);
  await page.locator('#events-table tr.event-row').first().waitFor();
  await shot(page, 'events');

  // The seed article, found by a word of its text, with its analysis marked.
  await page.goto(server.url + '#article?q=maduro');
  await settled(page);
  await settled(page);
  await page.locator('#doc-list a').first().click();
  await page.waitForFunction(() => location.hash.includes('id='));
  await settled(page);
  assert.ok(await page.locator('#doc-list li.current').count() === 1, 'the clicked article is shown');
  for (const kind of ['.ent', '.timex', '.quote', '.trigger']) {
    assert.ok(await page.locator('#doc-text ' + kind).count() > 0, `the article marks ${kind}`);
  }
  await page.locator('#doc-events .doc-event').first().click();
  await page.locator('#doc-events .doc-event-detail').waitFor();
  await shot(page, 'article');
  assert.deepEqual(errors, []);
});
