// The pages around the register: review dashboard, organisation pages with the relation graph,
// type and tag pages, the 404 page, the PDF facts on document pages, and the sitemap.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import {
  allIds, buildSite, docs, launchChromium, linkedDocumentIds, newContext, sha256File, siteBaseUrl,
  testTimeout, today,
} from './support.mjs';

const it = (name, fn) => test(name, { timeout: testTimeout }, fn);
const ljungbyIds = allIds.filter((id) => docs[id].organisation === 'Ljungby kommun');

let browser;
let site;
let context;  // JavaScript off: these pages must be complete without it
let page;  // reused: a new page costs far more than a navigation

before(async () => {
  site = buildSite();
  browser = await launchChromium();
  context = await newContext(browser, { javaScriptEnabled: false });
  page = await context.newPage();
});
after(async () => {
  await browser?.close();
  site?.remove();
});

async function open(relative) {
  const file = path.join(site.html, relative);
  assert.ok(fs.existsSync(file), `${relative} exists in the output`);
  await page.goto(site.url(relative));
  return page;
}

// Ids of the documents that links inside `selector` (HTML or SVG, href or xlink:href) lead to.
async function documentsLinkedIn(page, relative, selector) {
  const hrefs = await page.$$eval(`${selector} a`, (links) => links.map((a) =>
    a.getAttribute('href') ?? a.getAttributeNS('http://www.w3.org/1999/xlink', 'href')));
  return linkedDocumentIds(site, path.join(site.html, relative), hrefs.filter((h) => h !== null));
}

// The listing pages of one kind (organisation/, typ/, tagg/) by their <h1>.
async function listingPages(folder) {
  const dir = path.join(site.html, folder);
  assert.ok(fs.existsSync(dir), `${folder}/ exists in the output`);
  const pages = {};
  for (const slug of fs.readdirSync(dir)) {
    const relative = `${folder}/${slug}/index.html`;
    if (!fs.existsSync(path.join(site.html, relative))) continue;
    const page = await open(relative);
    pages[(await page.locator('h1').first().textContent()).trim()] = {
      relative, ids: await documentsLinkedIn(page, relative, 'main'),
    };
  }
  return pages;
}

describe('site pages', () => {
  it(`the review dashboard lists the documents due within 90 days of ${today}, per owner`, async () => {
    // Due by 2027-02-21: all three review_by dates (2018-06-01 twice, 2020-04-22) have passed;
    // the decision and Osby's draft have no review_by and are never due.
    const due = ['ljungby-policy-internationellt-arbete', 'ljungby-verksamhetsplan-internationellt-arbete',
      'tranas-program-internationellt-arbete'];
    const page = await open('granskning/index.html');
    const rows = await page.$$eval('tr[data-id]', (trs) => trs.map((tr) => {
      const section = tr.closest('section');
      return {
        id: tr.dataset.id,
        heading: section?.querySelector('h2, h3')?.textContent.trim() ?? '(no section)',
      };
    }));
    assert.deepEqual(rows.map((r) => r.id).sort(), due);
    for (const row of rows) {
      assert.ok(row.heading.includes(docs[row.id].owner),
        `${row.id} is in the section of its owner ${docs[row.id].owner}, not "${row.heading}"`);
    }
    const sections = new Set(rows.map((r) => r.heading));
    assert.equal(sections.size, 2, 'one section per owner');
  });

  it('the Ljungby organisation page draws a relation graph with one link per document', async () => {
    const relative = 'organisation/ljungby-kommun/index.html';
    const page = await open(relative);
    assert.equal(await page.locator('.relation-graph svg').count(), 1, 'one graph');
    const hrefs = await page.$$eval('.relation-graph svg a', (links) => links.map((a) =>
      a.getAttribute('href') ?? a.getAttributeNS('http://www.w3.org/1999/xlink', 'href')));
    const ids = linkedDocumentIds(site, path.join(site.html, relative), hrefs);
    assert.deepEqual(ids, ljungbyIds, 'the graph links every Ljungby document');
    assert.equal(hrefs.length, ljungbyIds.length, `one link per document: ${hrefs.join(', ')}`);
    // The graph is drawn (Graphviz lays it out), so its nodes have a real size on screen.
    const box = await page.locator('.relation-graph svg').boundingBox();
    assert.ok(box && box.width > 100 && box.height > 50, `graph box ${JSON.stringify(box)}`);
  });

  it('a document page shows a small relation graph linking its related documents', async () => {
    const relative = 'ljungby-policy-internationellt-arbete/index.html';
    const page = await open(relative);
    const ids = await documentsLinkedIn(page, relative, '.relation-graph svg');
    for (const id of ['ljungby-verksamhetsplan-internationellt-arbete', 'ljungby-ks-2018-127']) {
      assert.ok(ids.includes(id), `the policy's graph links ${id}: ${ids.join(', ')}`);
    }
    assert.ok(!ids.includes('osby-policy-internationellt-arbete'));
  });

  it('each organisation has a page listing exactly its documents', async () => {
    const pages = await listingPages('organisation');
    for (const organisation of ['Ljungby kommun', 'Osby kommun', 'Tranås kommun']) {
      const entry = Object.entries(pages).find(([heading]) => heading.includes(organisation));
      assert.ok(entry, `a page for ${organisation} among ${Object.keys(pages).join(', ')}`);
      const expected = allIds.filter((id) => docs[id].organisation === organisation);
      assert.deepEqual(entry[1].ids, expected, entry[1].relative);
    }
  });

  it('each type has a page listing exactly its documents', async () => {
    for (const type of ['beslut', 'plan', 'policy', 'program']) {
      const relative = `typ/${type}/index.html`;
      const page = await open(relative);
      assert.deepEqual(await documentsLinkedIn(page, relative, 'main'),
        allIds.filter((id) => docs[id].type === type), relative);
      }
  });

  it('each tag has a page listing exactly its documents', async () => {
    const pages = await listingPages('tagg');
    for (const tag of ['internationellt arbete', 'eu']) {
      const entry = Object.entries(pages).find(([heading]) =>
        heading.toLowerCase().split(/\s+/).join(' ').endsWith(tag));
      assert.ok(entry, `a page for the tag "${tag}" among ${Object.keys(pages).join(', ')}`);
      assert.deepEqual(entry[1].ids, allIds.filter((id) => docs[id].tags.includes(tag)), entry[1].relative);
    }
  });

  it('the 404 page links back to the register from any depth', async () => {
    const page = await open('404.html');
    assert.notEqual((await page.locator('h1').textContent()).trim(), '');
    const base = new URL(siteBaseUrl(site.site)).pathname;
    const hrefs = await page.$$eval('main a', (links) => links.map((a) => a.getAttribute('href')));
    assert.ok(hrefs.some((href) => href === base || href === `${base}index.html`),
      `a link to ${base} in ${hrefs.join(', ')}`);
    const stylesheet = await page.$eval('link[rel=stylesheet]', (link) => link.getAttribute('href'));
    assert.ok(stylesheet.startsWith(base), `root-relative stylesheet ${stylesheet}`);
  });

  it('every document page shows the SHA-256 and size of its PDF', async () => {
    for (const id of allIds) {
      const pdf = path.join(site.pdf, `${id}.pdf`);
      const bytes = fs.statSync(pdf).size;
      const page = await open(`${id}/index.html`);
      assert.equal(await page.locator('.pdf-facts').count(), 1, `${id}: one .pdf-facts`);
      const facts = await page.$eval('.pdf-facts', (el) => ({
        text: el.textContent.replace(/\s+/g, ' '),
        around: el.parentElement.textContent.replace(/\s+/g, ' '),
        dataBytes: el.querySelector('[data-bytes]')?.dataset.bytes ?? null,
      }));
      const hex = facts.text.match(/\b[0-9a-f]{64}\b/)?.[0];
      assert.equal(hex, sha256File(pdf), `${id}: SHA-256 in "${facts.text}"`);
      const size = facts.around.match(/(\d+(?:[.,]\d+)?)\s*(B|kB|MB)\b/);
      assert.ok(size, `${id}: a size (B, kB or MB) near the PDF facts: "${facts.around}"`);
      const unit = { B: 1, kB: 1e3, MB: 1e6 }[size[2]];
      const shown = Number(size[1].replace(',', '.')) * unit;
      assert.ok(Math.abs(shown - bytes) <= unit * (size[2] === 'MB' ? 0.1 : 1),
        `${id}: ${size[0]} for ${bytes} bytes`);
      if (facts.dataBytes !== null) assert.equal(Number(facts.dataBytes), bytes, `${id}: data-bytes`);
      }
  });

  it('the sitemap lists every page but the 404 page', async () => {
    const base = siteBaseUrl(site.site);
    const sitemap = fs.readFileSync(path.join(site.html, 'sitemap.xml'), 'utf8');
    const listed = [...sitemap.matchAll(/<loc>([^<]*)<\/loc>/g)].map((m) => m[1]);
    const missing = [];
    for (const file of fs.readdirSync(site.html, { recursive: true })) {
      if (!file.endsWith('index.html')) continue;
      const folder = file.slice(0, -'index.html'.length);
      const url = new URL(folder, base).href;
      if (!listed.includes(url) && !listed.includes(`${url}index.html`)) missing.push(url);
    }
    assert.deepEqual(missing, [], `missing from sitemap.xml:\n${missing.join('\n')}`);
    assert.ok(!listed.some((url) => url.includes('404')), 'no 404 page in the sitemap');
  });

  it('a printed document page is the document, its metadata and the copy notice', async () => {
    await open('ljungby-policy-internationellt-arbete/index.html');
    await page.emulateMedia({ media: 'print' });
    try {
      const shown = await page.evaluate(() => {
        const visible = (selector) => {
          const el = document.querySelector(selector);
          return el !== null && el.getClientRects().length > 0 && getComputedStyle(el).visibility !== 'hidden';
        };
        return {
          notice: visible('.print-notice') ? document.querySelector('.print-notice').textContent : null,
          metadata: visible('.metadata'),
          body: visible('.document-body'),
          header: visible('.site-header'),
          nav: visible('.site-nav'),
          contents: visible('.contents'),
        };
      });
      assert.match(shown.notice ?? '', /Ett utskrivet dokument är alltid en kopia, giltig version finns alltid på intranätet\./);
      assert.match(shown.notice, /https:\/\/intranat\.example\.se\/styrdokument\/ljungby-policy-internationellt-arbete\//);
      assert.ok(shown.metadata && shown.body, 'metadata and text are printed');
      assert.ok(!shown.header && !shown.nav && !shown.contents, 'navigation is not printed');
    } finally {
      await page.emulateMedia({ media: 'screen' });
    }
  });
});
