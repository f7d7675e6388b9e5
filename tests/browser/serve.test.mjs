// `kansli serve` on a temporary copy of the site: an edit reaches the open page by itself within
// seconds, a broken build shows its errors over the last good site, and fixing it clears them.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import {
  copySite, eventually, launchChromium, newContext, recordRequests, startServe, testTimeout,
} from './support.mjs';

const documentPath = 'content/ljungby/ljungby-policy-internationellt-arbete.md';
const originalTitle = 'Policy för internationellt arbete';
// The issue asks for "a second or two"; 3 s leaves room on a busy CI, and a sanitised build
// (several times slower to rebuild) gets twice that.
const reloadLimit = process.env.KANSLI_SANITIZED === '1' ? 6_000 : 3_000;

let browser;
let copy;
let server;

before(async () => {
  copy = copySite();
  server = await startServe(copy.site);
  browser = await launchChromium();
});
after(async () => {
  await browser?.close();
  await server?.stop();
  copy?.remove();
});

function editDocument(replace) {
  const file = path.join(copy.site, documentPath);
  fs.writeFileSync(file, replace(fs.readFileSync(file, 'utf8')));
}

const setTitle = (title) => editDocument((text) => text.replace(/^title: .*$/m, `title: ${title}`));

// The page's <h1>, or null while it is between documents (mid-reload).
const heading = (page) => page.locator('h1').first().textContent({ timeout: 1_000 })
  .then((text) => text.trim()).catch(() => null);

async function status() {
  const response = await fetch(new URL('/__kansli/status', server.url));
  assert.equal(response.status, 200, '/__kansli/status answers');
  return response.json();
}

describe('kansli serve', () => {
  test('prints its address on 127.0.0.1 under the site base path', () => {
    assert.match(server.url, /^http:\/\/127\.0\.0\.1:\d+\/styrdokument\/$/);
  });

  test('edits reach the open page, build errors show over the last good site, and clear again',
    { timeout: testTimeout }, async (t) => {
      const context = await newContext(browser);
      const requests = recordRequests(context);
      const page = await context.newPage();
      let navigations = 0;
      page.on('framenavigated', (frame) => { if (frame === page.mainFrame()) navigations += 1; });
      await page.goto(new URL('ljungby-policy-internationellt-arbete/', server.url).href);
      assert.equal(await heading(page), originalTitle);
      assert.equal(await page.locator('#kansli-build-errors').count(), 0, 'no error overlay at first');
      const firstGeneration = (await status()).generation;
      assert.equal(typeof firstGeneration, 'number');

      // 1. A new title: the page reloads by itself.
      const newTitle = `${originalTitle} (reviderad)`;
      let started = Date.now();
      setTitle(newTitle);
      const shown = await eventually(() => heading(page), (h) => h === newTitle, 10_000);
      const latency = Date.now() - started;
      const rebuild = await status();
      const report = `edit → new title in the browser: ${latency} ms (the rebuild took ${rebuild.milliseconds} ms)`;
      t.diagnostic(report);
      console.log(`kansli serve: ${report}`);
      assert.equal(shown, newTitle, 'the open page shows the new title');
      assert.ok(latency <= reloadLimit, `shown after ${latency} ms (limit ${reloadLimit} ms)`);
      assert.ok(navigations >= 2, 'the page reloaded itself (the test never navigated again)');
      assert.ok(rebuild.generation > firstGeneration, 'a new build generation');

      // 2. Broken YAML: the errors appear over the last good page.
      started = Date.now();
      editDocument((text) => text.replace(/^title: .*$/m, 'title: [oavslutad'));
      const overlay = page.locator('#kansli-build-errors');
      await overlay.waitFor({ state: 'visible', timeout: 10_000 });
      t.diagnostic(`broken YAML → error overlay: ${Date.now() - started} ms`);
      const overlayText = await overlay.textContent();
      assert.match(overlayText, /ljungby-policy-internationellt-arbete\.md/, 'the overlay names the file');
      assert.equal(await heading(page), newTitle, 'the last good site is still served');
      const failed = await status();
      assert.equal(failed.ok, false);

      // 3. Fixed: the overlay goes away and the fixed title shows.
      const fixedTitle = `${originalTitle} (reviderad igen)`;
      started = Date.now();
      setTitle(fixedTitle);
      const fixed = await eventually(async () => ({
        heading: await heading(page),
        overlay: await page.locator('#kansli-build-errors').count().catch(() => -1),
      }), (s) => s.heading === fixedTitle && s.overlay === 0, 10_000);
      t.diagnostic(`fixed → overlay gone: ${Date.now() - started} ms`);
      assert.deepEqual(fixed, { heading: fixedTitle, overlay: 0 });
      assert.equal((await status()).ok, true);

      // Everything the page asked for came from the preview server.
      const origin = new URL(server.url).origin;
      const offenders = requests.filter((url) =>
        !url.startsWith(`${origin}/`) && !/^(data|blob|about):/.test(url));
      assert.deepEqual(offenders, [], `requests outside 127.0.0.1:\n${offenders.join('\n')}`);
      await context.close();
    });

  test('serves the PDFs beside the site, as on the intranet', async () => {
    const response = await fetch(new URL('../pdf/ljungby-policy-internationellt-arbete.pdf', server.url));
    assert.equal(response.status, 200);
    assert.equal(Buffer.from(await response.arrayBuffer()).subarray(0, 5).toString(), '%PDF-');
  });

  test("the register's search works in the preview", { timeout: testTimeout }, async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await page.goto(server.url);
    await page.fill('#register_search', 'Gribskov');  // only in the body of Osby's policy
    const rows = await eventually(() => page.$$eval('table.register-table tbody tr[data-id]',
      (trs) => trs.map((tr) => tr.dataset.id)), (ids) => ids.length === 1);
    assert.deepEqual(rows, ['osby-policy-internationellt-arbete']);
    await context.close();
  });
});
