// The map view on a store of invented articles (e2e/fixtures/located.jsonl) whose events
// are given locations here, as the geoparser would: countries are shaded by their events,
// places with coordinates are drawn as circles, and the period filter changes both.
// Screenshot: docs/screenshots/map.png.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { browser, ingest, repoRoot, serve, tempDir, screenshots } from './helpers.js';

// Where each fixture article's events happened (the place as written, ISO3, lat, lon).
const PLACES = {
  'map-kharkiv': { text: 'Kharkiv', country: 'UKR', lat: 49.99, lon: 36.23 },
  'map-belgorod': { text: 'Belgorod', country: 'RUS', lat: 50.6, lon: 36.59 },
  'map-caracas': { text: 'Caracas', country: 'VEN', lat: 10.49, lon: -66.88 },
  'map-bogota': { text: 'Bogotá', country: 'COL', lat: 4.71, lon: -74.07 },
  'map-paris': { text: 'Paris', country: 'FRA', lat: 48.86, lon: 2.35 },
  'map-maiduguri': { text: 'Maiduguri', country: 'NGA', lat: 11.85, lon: 13.16 },
};

// Sets the location of every event of each document that has none yet (Python's sqlite3,
// as scripts/e2e already needs python3).
const LOCATE = `
import json, sqlite3, sys
db = sqlite3.connect(sys.argv[1])
for doc_id, place in json.loads(sys.argv[2]).items():
    db.execute("""UPDATE events SET event_json = json_set(event_json, '$.location', json(?))
                  WHERE json_extract(event_json, '$.location') IS NULL
                    AND content_hash IN (SELECT content_hash FROM documents WHERE id = ?)""",
               (json.dumps(place), doc_id))
db.commit()
print(db.execute("SELECT count(*) FROM events WHERE json_extract(event_json, '$.location.country') IS NOT NULL").fetchone()[0])
`;

let dir, server, chrome, located;

before(async () => {
  dir = tempDir('dyad-e2e-map-');
  const db = path.join(dir, 'map.db');
  ingest(db, path.join(repoRoot, 'e2e', 'fixtures', 'located.jsonl'));
  located = Number(execFileSync('python3', ['-c', LOCATE, db, JSON.stringify(PLACES)], { encoding: 'utf8' }).trim());
  server = await serve(db);
  chrome = await browser();
});

after(async () => {
  if (chrome) await chrome.close();
  if (server) await server.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

async function settled(page) {
  await page.waitForFunction(() => document.body.dataset.rendered === location.hash);
}

/** The ISO3 codes of the shaded countries and the number of circles. */
async function drawn(page) {
  const countries = await page.locator('#map-chart svg.world path.country.shaded').evaluateAll((paths) => paths.map((p) => p.dataset.country).sort());
  const places = await page.locator('#map-chart svg.world circle.place').count();
  return { countries, places };
}

test('map: countries shaded by events, places as circles, and the period filter narrows both', async () => {
  assert.ok(located >= 6, `the fixture's events got locations (${located})`);
  const { page, errors } = chrome;
  await page.goto(server.url + '#map');
  await settled(page);
  const all = await drawn(page);
  // Every fixture country with an event is shaded (its outline found by numeric code).
  assert.ok(all.countries.length >= 5, `shaded: ${all.countries}`);
  for (const iso3 of ['UKR', 'VEN', 'FRA', 'NGA']) assert.ok(all.countries.includes(iso3), `${iso3} shaded: ${all.countries}`);
  assert.ok(all.places >= 5, `circles: ${all.places}`);
  // The table lists the same countries, with a mean Goldstein value each.
  const rows = page.locator('#map-table tr.country-row');
  assert.equal(await rows.count(), all.countries.length);
  const title = await page.locator('#map-chart path.country.shaded[data-country="UKR"] title').textContent();
  assert.match(title, /^Ukraine: \d+ events?, mean Goldstein -?\d+\.\d/);
  const text = await page.locator('body').innerText();
  assert.ok(!text.includes('undefined') && !text.includes('NaN') && !text.includes('[object'), 'no broken text');
  await page.screenshot({ path: path.join(screenshots, 'map.png') });

  // From June 2025 on: only the French and Nigerian articles' events remain.
  await page.fill('#filters input[name=from]', '2025-06-01');
  await page.click('#filters button[type=submit]');
  await page.waitForFunction(() => document.body.dataset.rendered === location.hash && location.hash.includes('from=2025-06-01'));
  const june = await drawn(page);
  assert.ok(june.countries.length > 0 && june.countries.length < all.countries.length, `June on: ${june.countries}`);
  assert.ok(!june.countries.includes('UKR') && !june.countries.includes('VEN'), `June on: ${june.countries}`);
  assert.ok(june.places < all.places, `June on: ${june.places} circles`);

  // Shading by mean Goldstein keeps the same countries.
  await page.selectOption('#map-shade', 'goldstein');
  await page.waitForFunction(() => document.body.dataset.rendered === location.hash && location.hash.includes('shade=goldstein'));
  assert.deepEqual((await drawn(page)).countries, june.countries);

  // A circle opens its event's evidence.
  await page.locator('#map-chart circle.place').first().click();
  await page.locator('#evidence-body .mention').first().waitFor();
  assert.deepEqual(errors, [], 'no console errors');
});
