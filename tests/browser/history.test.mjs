// The history of a document on the intranet, after two publishes: the "Versioner" table, the
// page of an earlier version, what changed between them, and the page where an auditor drops
// a PDF to learn whether it is official. Opened from file://, like every other page.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import {
  artifactsDir, axeViolations, crawlSite, historyDoc, launchChromium, newContext, publishHistory,
  recordRequests, sha256File, testTimeout,
} from './support.mjs';

const it = (name, fn) => test(name, { timeout: testTimeout }, fn);

let browser;
let context;
let site;
let page;
let requests;

before(async () => {
  site = publishHistory();
  browser = await launchChromium();
  context = await newContext(browser);
  requests = recordRequests(context);
  page = await context.newPage();
  fs.mkdirSync(artifactsDir, { recursive: true });
});
after(async () => {
  await browser?.close();
  site?.remove();
});

async function expectNoViolations() {
  const violations = await axeViolations(page);
  assert.deepEqual(violations, [], violations.join('\n'));
}

describe('the history of a document', () => {
  it('the document page lists every version, newest first, with PDF, SHA-256 and changes', async () => {
    await page.goto(site.url(`${historyDoc}/index.html`));
    const rows = page.locator('table.versions-table tbody tr');
    assert.equal(await rows.count(), 2);
    const first = await rows.nth(0).innerText();
    assert.match(first, /^2/);
    assert.match(first, /gällande/);
    assert.match(first, /från 2026-02-10/);
    assert.match(first, /2026-03-01 10:00 UTC/);
    const second = await rows.nth(1).innerText();
    assert.match(second, /2013-11-01 – 2026-02-10/);
    assert.match(second, /Ersatt/);
    // The SHA-256 shown is the one of the PDF the row links to.
    for (const [n, version] of [[0, 2], [1, 1]]) {
      const pdf = path.join(site.pdf, `${historyDoc}-v${version}.pdf`);
      const shown = await rows.nth(n).locator('code.sha256').textContent();
      assert.equal(shown, sha256File(pdf));
      const href = await rows.nth(n).locator(`a[href$="${historyDoc}-v${version}.pdf"]`).getAttribute('href');
      assert.ok(href.startsWith('../../pdf/'), href);
    }
    await expectNoViolations();
    await page.screenshot({ path: path.join(artifactsDir, 'history-table.png'), fullPage: true });
  });

  it('an earlier version has its own page saying which version is in force now', async () => {
    await page.goto(site.url(`${historyDoc}/index.html`));
    await page.locator('table.versions-table tbody tr').nth(1).locator('th a').click();
    assert.ok(page.url().endsWith(`${historyDoc}/v1/index.html`), page.url());
    const banner = await page.locator('p.banner').innerText();
    assert.match(banner, /Version 1 gällde 2013-11-01 – 2026-02-10\. Gällande version är 2\./);
    const body = await page.locator('.document-body').innerText();
    assert.match(body, /ska bedrivas i kommunen/, 'the text of version 1, from the archive');
    assert.doesNotMatch(body, /hela kommunen/);
    await page.locator('p.banner a').click();
    assert.ok(page.url().endsWith(`${historyDoc}/index.html`), page.url());
    await page.goto(site.url(`${historyDoc}/v1/index.html`));
    await expectNoViolations();
  });

  it('what changed is marked word by word, readable without colour', async () => {
    await page.goto(site.url(`${historyDoc}/index.html`));
    await page.locator('a', { hasText: 'Ändringar i version 2' }).click();
    assert.ok(page.url().endsWith(`${historyDoc}/v2/andringar/index.html`), page.url());
    const inserted = await page.locator('.diff ins').allInnerTexts();
    assert.deepEqual(inserted.map((t) => t.trim()), ['hela']);
    assert.equal(await page.locator('.diff del').count(), 0);
    // Marked by more than colour: underlined, and a sign before it that is read aloud.
    const style = await page.locator('.diff ins').first().evaluate((el) => ({
      decoration: getComputedStyle(el).textDecorationLine,
      before: getComputedStyle(el, '::before').content,
    }));
    assert.equal(style.decoration, 'underline');
    assert.match(style.before, /\+/);
    assert.match(await page.locator('.changes-stats').innerText(), /1 ord tillagda/);
    await expectNoViolations();
    await page.screenshot({ path: path.join(artifactsDir, 'history-changes.png'), fullPage: true });
  });
});

describe('links of a site with a history', () => {
  it('every link and image of every page resolves, version pages and changes included', async () => {
    const crawlContext = await newContext(browser, { javaScriptEnabled: false });
    try {
      const { pages, problems } = await crawlSite(crawlContext, site);
      assert.deepEqual(problems, []);
      const crawled = [...pages.keys()].map((file) => path.relative(site.html, file));
      for (const page of [`${historyDoc}/v1/index.html`, `${historyDoc}/v2/index.html`,
        `${historyDoc}/v2/andringar/index.html`, 'verifiera/index.html']) {
        assert.ok(crawled.includes(page), `${page} was not crawled`);
      }
    } finally {
      await crawlContext.close();
    }
  });
});

describe('the verify page', () => {
  it('says which official version a dropped PDF is, computed in the browser', async () => {
    await page.goto(site.url('verifiera/index.html'));
    await page.setInputFiles('#verify_file', path.join(site.pdf, `${historyDoc}-v1.pdf`));
    const result = page.locator('.verify-result').first();
    await result.waitFor();
    const text = await result.innerText();
    assert.match(text, /Officiell version/);
    assert.match(text, /Policy för internationellt arbete/);
    assert.match(text, /Gällande version är/);
    assert.match(text, new RegExp(sha256File(path.join(site.pdf, `${historyDoc}-v1.pdf`))));
    await expectNoViolations();
    await page.screenshot({ path: path.join(artifactsDir, 'verify-official.png'), fullPage: true });
  });

  it('a changed copy is not official, and the page says what it claims to be', async () => {
    const forged = path.join(site.root, 'andrad.pdf');
    fs.writeFileSync(forged, Buffer.concat([
      fs.readFileSync(path.join(site.pdf, `${historyDoc}.pdf`)),
      Buffer.from('1 0 obj\n<< /Changed true >>\nendobj\n%%EOF\n')]));
    await page.goto(site.url('verifiera/index.html'));
    await page.setInputFiles('#verify_file', forged);
    const result = page.locator('.verify-result').first();
    await result.waitFor();
    const text = await result.innerText();
    assert.match(text, /Inte en officiell version/);
    assert.match(text, /version 2 av Policy för internationellt arbete/);
    await expectNoViolations();
  });

  it('nothing is uploaded: no request leaves the site', async () => {
    const outside = requests.filter((url) => !url.startsWith('file://'));
    assert.deepEqual(outside, []);
  });
});
