// Shared steps of the dashboard's end-to-end tests: building a store with the dyad binary,
// starting `dyad serve` on a free loopback port, and opening headless Chromium.
import { spawn, execFileSync } from 'node:child_process';
import { mkdtempSync, existsSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const screenshots = path.join(repoRoot, 'docs', 'screenshots');

/** The dyad binary: $DYAD_BIN (scripts/e2e sets it). */
export function dyadBin() {
  const bin = process.env.DYAD_BIN;
  if (!bin || !existsSync(bin)) {
    throw new Error('set DYAD_BIN to a built dyad binary (scripts/e2e does: it builds one first)');
  }
  return bin;
}

/** The shared data folder, or null (the caller skips, or fails under CI=true). */
export function sharedData() {
  const dir = process.env.DYAD_SHARED_DATA || path.join(repoRoot, '..', 'shared', 'data');
  return existsSync(dir) ? dir : null;
}

export function tempDir(prefix) {
  return mkdtempSync(path.join(tmpdir(), prefix));
}

/** Runs `dyad ingest ARGS... --db DB` and returns its stderr. */
export function ingest(db, ...args) {
  return execFileSync(dyadBin(), ['ingest', '--quiet', ...args, '--db', db], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

/** Starts `dyad serve` on a free loopback port; resolves to { url, stop }. */
export function serve(db) {
  return new Promise((resolve, reject) => {
    const child = spawn(dyadBin(), ['serve', '--db', db, '--addr', '127.0.0.1:0'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    const timer = setTimeout(() => { child.kill(); reject(new Error('dyad serve did not start: ' + err)); }, 30000);
    child.stderr.on('data', (chunk) => { err += chunk; });
    child.stdout.on('data', (chunk) => {
      out += chunk;
      const found = /at (http:\/\/127\.0\.0\.1:\d+\/)/.exec(out);
      if (found) {
        clearTimeout(timer);
        resolve({
          url: found[1],
          stop: () => new Promise((done) => { child.once('exit', done); child.kill('SIGTERM'); }),
        });
      }
    });
    child.on('exit', (code) => { clearTimeout(timer); reject(new Error(`dyad serve exited (${code}): ${err}`)); });
  });
}

/** Headless Chromium (Debian's), with a fresh profile; resolves to { context, page, errors, close }. */
export async function browser() {
  const userDataDir = tempDir('dyad-chromium-');
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    headless: true,
    viewport: { width: 1360, height: 900 },
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  const page = context.pages()[0] || await context.newPage();
  // Console errors (a CSP violation is one) and uncaught exceptions fail the tests.
  const errors = [];
  page.on('console', (msg) => { if (msg.type() === 'error') errors.push(msg.text()); });
  page.on('pageerror', (error) => errors.push(String(error)));
  return {
    context, page, errors,
    close: async () => { await context.close(); rmSync(userDataDir, { recursive: true, force: true }); },
  };
}

/** Whether to skip for lack of shared data: prints a notice; under CI=true, throws. */
export function skipWithoutShared(t) {
  if (sharedData()) return false;
  if (process.env.CI === 'true' || process.env.CI === '1') {
    throw new Error('../shared/data is missing; CI=true requires it');
  }
  console.log('SKIPPED: ../shared/data not found beside the repository');
  t.skip('../shared/data not found');
  return true;
}
