// Benchmark (not a test) of the register as a reader meets it on the intranet: a built html/
// folder served over HTTP on this machine (tests/support/static_server.mjs: no compression,
// as a plain file server), opened in headless Chromium (Debian's, through playwright-core).
// Prints one line:
//   open   ms from navigation to the load event and the register ready (its search form shown)
//   search ms from typing QUERY into the search field to the first rows of the result and its
//          count shown ("all": until the register shows its whole first batch of rows)
//   bytes  every response's body and headers, summed, for the open and the search together
// Usage: node scripts/bench-register.mjs HTML_DIR [QUERY] [RUNS] [PAUSE_MS]
//   best of RUNS (default 3); PAUSE_MS (default 0) waits that long after the register is ready
//   before typing, as a reader would: what the register loads meanwhile still counts in bytes.
import fs from 'node:fs';
import path from 'node:path';
import { chromium } from 'playwright-core';

import { serveFolder } from '../tests/support/static_server.mjs';

const [htmlDir, query = 'upphandling', runsArg = '3', pauseArg = '0'] = process.argv.slice(2);
if (!htmlDir || !fs.existsSync(path.join(htmlDir, 'index.html'))) {
  console.error('usage: node scripts/bench-register.mjs HTML_DIR [QUERY] [RUNS] [PAUSE_MS]');
  process.exit(2);
}

const server = await serveFolder(htmlDir);
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});

async function once() {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const finished = [];
  let pending = 0;
  page.on('request', () => { pending++; });
  page.on('requestfailed', () => { pending--; });
  page.on('requestfinished', (request) => {
    pending--;
    finished.push(request.sizes());
  });
  const started = performance.now();
  await page.goto(server.url('index.html'), { waitUntil: 'load', timeout: 120_000 });
  await page.waitForSelector('#register_search', { state: 'visible', timeout: 120_000 });
  const open = performance.now() - started;
  await page.waitForTimeout(Number(pauseArg));
  const before = await page.locator('#register_count').textContent();
  const typed = performance.now();
  await page.fill('#register_search', query);
  // Answered: the count says what was found, which the register changes once the rows it
  // shows first are in the table (the MiniSearch register of before filtered its rows first).
  await page.waitForFunction(
    (text) => document.getElementById('register_count').textContent !== text, before,
    { timeout: 120_000, polling: 'raf' });
  const answered = performance.now() - typed;
  await page.waitForFunction(() => !document.querySelector('table[aria-busy="true"]'), null,
    { timeout: 120_000, polling: 'raf' });
  const search = { answered, complete: performance.now() - typed };
  // What the search fetched after showing its first results counts too: wait until nothing
  // has been in flight for half a second.
  for (let quiet = 0; quiet < 10; quiet = pending === 0 ? quiet + 1 : 0) {
    await page.waitForTimeout(50);
  }
  const sizes = await Promise.all(finished);
  const bytes = sizes.reduce((sum, s) => sum + s.responseBodySize + s.responseHeadersSize, 0);
  const count = (await page.locator('#register_count').textContent()).trim();
  await context.close();
  return { open, search, bytes, requests: sizes.length, count };
}

let best;
for (let i = 0; i < Number(runsArg); i++) {
  const run = await once();
  if (!best || run.open + run.search.answered < best.open + best.search.answered) best = run;
}
await browser.close();
await server.close();
const pause = Number(pauseArg) > 0 ? ` ${pauseArg} ms after` : '';
console.log(`open ${best.open.toFixed(0)} ms  search "${query}"${pause} ${best.search.answered.toFixed(0)} ms ` +
  `(all ${best.search.complete.toFixed(0)} ms)  ` +
  `${(best.bytes / 1e6).toFixed(2)} MB in ${best.requests} requests  (${best.count})`);
