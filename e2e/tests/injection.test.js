// An ingested article whose text holds markup (<script>, <img onerror=…>) is shown as
// text: no script runs and no element is made from it, in the article view and in an
// event's evidence.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { rmSync, writeFileSync } from 'node:fs';
import { browser, ingest, serve, tempDir, screenshots } from './helpers.js';

const SCRIPT = '<script>window.__pwned = 1</script>';
const IMG = '<img src=x onerror="window.__pwned = 2">';
let dir, server, chrome;

before(async () => {
  dir = tempDir('dyad-e2e-injection-');
  const article = path.join(dir, 'injection.txt');
  writeFileSync(article, [
    'Markup in an article',
    `The United States accused Venezuela of piracy on Monday ${SCRIPT} while officials watched.`,
    `Venezuela condemned the United States ${IMG} on Tuesday.`,
  ].join('\n'));
  const db = path.join(dir, 'injection.db');
  ingest(db, article, '--date', '2025-12-03');
  server = await serve(db);
  chrome = await browser();
});

after(async () => {
  if (chrome) await chrome.close();
  if (server) await server.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

test('markup in an article renders as text in the article view', async () => {
  const { page } = chrome;
  await page.goto(server.url + '#article');
  await page.waitForFunction(() => document.body.dataset.rendered === location.hash);
  await page.locator('#doc-text .trigger').first().waitFor();
  const text = await page.locator('#doc-text').textContent();
  assert.ok(text.includes(SCRIPT), 'the <script> tag is shown as text');
  assert.ok(text.includes(IMG), 'the <img> tag is shown as text');
  assert.equal(await page.locator('#doc-text script, #doc-text img').count(), 0);
  assert.equal(await page.locator('img').count(), 0, 'no img element anywhere on the page');
  assert.equal(await page.evaluate(() => window.__pwned), undefined, 'no injected script ran');
  await page.screenshot({ path: path.join(screenshots, 'injection.png') });
});

test('markup in an evidence sentence renders as text in the event table and panel', async () => {
  const { page } = chrome;
  await page.goto(server.url + '#events');
  await page.waitForFunction(() => document.body.dataset.rendered === location.hash);
  const rows = page.locator('#events-table tr.event-row');
  await rows.first().waitFor();
  const cells = (await page.locator('#events-table .evidence-cell').allTextContents()).join('\n');
  assert.ok(cells.includes(SCRIPT) && cells.includes(IMG), 'both tags shown as text in the table');
  for (let i = 0; i < await rows.count(); i++) {
    await rows.nth(i).click();
    await page.locator('#evidence .mention .sentence').first().waitFor();
  }
  assert.ok((await page.locator('#evidence .sentence').textContent()).includes('<'), 'evidence keeps the markup as text');
  assert.equal(await page.locator('script:not([src]), img').count(), 0);
  assert.equal(await page.evaluate(() => window.__pwned), undefined);
});
