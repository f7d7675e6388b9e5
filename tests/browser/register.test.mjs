// The register (html/index.html and its later pages) as the intranet's web server shows it:
// search, filters and sorting over every document through the search index, state in the
// URL; and, without JavaScript or opened from a file, pages of rows that reach every document.
// The site is indexed in parts of one document, so every search, filter and sort here goes
// through the merging of parts that a region's register does.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import {
  allIds, buildSite, docs, eventually, launchChromium, newContext, readFrontMatter, serveSite,
  sourceDir, testTimeout,
} from './support.mjs';

const rowSelector = 'table.register-table tbody tr[data-id]';
const sorted = (ids) => [...ids].sort();
const it = (name, fn) => test(name, { timeout: testTimeout }, fn);

let browser;
let site;
let served;  // http:// URLs of site's pages
let shared;  // one page for the tests with JavaScript: each starts with a fresh navigation

before(async () => {
  site = buildSite({}, { KANSLI_SEARCH_SHARD_SIZE: '1' });
  served = await serveSite(site);
  browser = await launchChromium();
  shared = await (await newContext(browser)).newPage();
  shared.on('pageerror', (error) => console.log(`page error: ${error.message}`));
});
after(async () => {
  await browser?.close();
  site?.remove();
});

// The register freshly loaded from the web server (with the given query), JavaScript on.
async function openRegister(query = '', url = served) {
  await shared.goto(url('index.html') + query);
  return shared;
}

// Ids of the rows not hidden, in table order.
const visibleRows = (page) =>
  page.$$eval(`${rowSelector}:not([hidden])`, (rows) => rows.map((row) => row.dataset.id));

// Waits (bounded) until the visible rows are `expected` as a set, and asserts it.
async function expectRows(page, expected, message) {
  const want = sorted(expected);
  const got = await eventually(async () => sorted(await visibleRows(page)),
    (ids) => JSON.stringify(ids) === JSON.stringify(want));
  assert.deepEqual(got, want, message);
}

async function countText(page) {
  return (await page.locator('#register_count').textContent()).replace(/\s+/g, ' ').trim();
}

// Waits (bounded) until the visible rows, mapped by `field`, are `expected` in order; asserts it.
async function expectOrder(page, field, expected, message) {
  const got = await eventually(async () => (await visibleRows(page)).map((id) => docs[id][field]),
    (values) => JSON.stringify(values) === JSON.stringify(expected));
  assert.deepEqual(got, expected, message);
}

// Waits until "#register_count" says "<shown> av <total>" and asserts it.
async function expectCount(page, shown, total = 5) {
  const pattern = new RegExp(`Visar ${shown} av ${total} dokument`);
  const text = await eventually(() => countText(page), (t) => pattern.test(t));
  assert.match(text, pattern);
}

// Fails at once (rather than after a timeout) when the register lacks a control.
async function control(page, selector) {
  const locator = page.locator(selector);
  assert.equal(await locator.count(), 1, `the register has one ${selector}`);
  return locator;
}

async function search(page, text) {
  await (await control(page, '#register_search')).fill(text);
}

async function choose(page, select, value) {
  await (await control(page, `select#${select}`)).selectOption(value);
}

async function clickSort(page, column) {
  await (await control(page, `button[data-sort="${column}"]`)).click();
}

const ariaSortOf = (page, column) =>
  page.$eval(`button[data-sort="${column}"]`, (button) => button.closest('th').getAttribute('aria-sort'));

describe('register', () => {
  it('the fixture table matches content/', () => {
    const front = readFrontMatter();
    assert.deepEqual(Object.keys(front).sort(), allIds);
    for (const id of allIds) {
      for (const field of ['title', 'type', 'organisation', 'status']) {
        assert.equal(front[id][field], docs[id][field], `${id}.${field}`);
      }
      assert.equal(front[id].owner ?? '', docs[id].owner, `${id}.owner`);
      assert.equal(front[id].review_by ?? '', docs[id].review_by, `${id}.review_by`);
    }
  });

  it('shows one row per document', async () => {
    const page = await openRegister();
    const ids = await page.$$eval(rowSelector, (rows) => rows.map((row) => row.dataset.id));
    assert.deepEqual(sorted(ids), allIds);
    await expectRows(page, allIds);
    await expectCount(page, 5);
  });

  it('every filter and the search field has a visible label', async () => {
    const page = await openRegister();
    const controls = ['filter_type', 'filter_organisation', 'filter_owner', 'filter_status',
      'register_search'];
    for (const id of controls) {
      const label = page.locator(`label[for="${id}"]`);
      assert.equal(await label.count(), 1, `one <label for="${id}">`);
      assert.ok(await label.isVisible(), `label of #${id} is visible`);
      assert.notEqual((await label.textContent()).trim(), '', `label of #${id} has text`);
    }
    assert.equal(await page.getAttribute('#register_search', 'type'), 'search');
    assert.match(await page.locator('label[for="register_search"]').textContent(), /Sök/);
  });

  it('filters by type, organisation, owner and status, combined', async () => {
    const page = await openRegister();
    await choose(page, 'filter_type', 'policy');
    await expectRows(page, ['ljungby-policy-internationellt-arbete', 'osby-policy-internationellt-arbete']);
    await expectCount(page, 2);
    // A hidden row is really not shown, whatever the stylesheet says about rows.
    assert.equal(await page.isVisible(`tr[data-id="tranas-program-internationellt-arbete"]`), false);

    await choose(page, 'filter_organisation', 'Ljungby kommun');
    await expectRows(page, ['ljungby-policy-internationellt-arbete'], 'type AND organisation');
    await expectCount(page, 1);

    await choose(page, 'filter_type', '');
    await expectRows(page, ['ljungby-ks-2018-127', 'ljungby-policy-internationellt-arbete',
      'ljungby-verksamhetsplan-internationellt-arbete']);
    await expectCount(page, 3);

    await choose(page, 'filter_owner', 'Kommunledningsförvaltningen');
    await expectRows(page, ['ljungby-policy-internationellt-arbete',
      'ljungby-verksamhetsplan-internationellt-arbete']);

    await choose(page, 'filter_organisation', '');
    await choose(page, 'filter_owner', '');
    await choose(page, 'filter_status', 'utkast');
    await expectRows(page, ['osby-policy-internationellt-arbete']);
    await expectCount(page, 1);

    await choose(page, 'filter_status', 'gällande');
    await choose(page, 'filter_type', 'program');
    await expectRows(page, ['tranas-program-internationellt-arbete']);

    await choose(page, 'filter_status', '');
    await choose(page, 'filter_type', '');
    await expectRows(page, allIds);
    await expectCount(page, 5);
  });

  it('the filter options are the values in the documents', async () => {
    const page = await openRegister();
    const options = (id) => page.$$eval(`#${id} option`,
      (opts) => opts.map((o) => o.value).filter((v) => v !== '').sort());
    const values = (field) => [...new Set(allIds.map((id) => docs[id][field]).filter(Boolean))].sort();
    assert.deepEqual(await options('filter_organisation'), values('organisation'));
    assert.deepEqual(await options('filter_owner'), values('owner'));
    // Types and statuses may also offer the values no document has yet (kansli.yaml's types,
    // the four statuses), but must offer every one in use.
    const types = await options('filter_type');
    for (const type of values('type')) assert.ok(types.includes(type), `type option ${type}`);
    for (const type of types) {
      const configured = ['policy', 'plan', 'program', 'strategi', 'riktlinje', 'rutin', 'beslut'];
      assert.ok(configured.includes(type), `type option ${type} is a type of kansli.yaml`);
    }
    const statuses = await options('filter_status');
    for (const status of values('status')) assert.ok(statuses.includes(status), `status option ${status}`);
    for (const status of statuses) {
      assert.ok(['utkast', 'gällande', 'upphävd', 'ersatt'].includes(status), `status option ${status}`);
    }
  });

  it('search finds a word that only occurs in one document body', async () => {
    const page = await openRegister();
    // "Gribskov" (a twin town) occurs only in the body of Osby's policy.
    await search(page, 'Gribskov');
    await expectRows(page, ['osby-policy-internationellt-arbete']);
    await expectCount(page, 1);
    assert.equal(await page.isVisible('#register_empty'), false);
    // Prefix matching: "fattigdom" is the start of "Fattigdomsbekämpning", only in Tranås' programme.
    await search(page, 'fattigdom');
    await expectRows(page, ['tranas-program-internationellt-arbete']);
    // "Wiesel" (a councillor's name) only in the body of the Ljungby decision; typed key by key.
    await search(page, '');
    await page.locator('#register_search').pressSequentially('wiesel', { delay: 20 });
    await expectRows(page, ['ljungby-ks-2018-127']);
  });

  it('a diary or document number finds its document alone, though other parts of the index have near words', async () => {
    const page = await openRegister();
    // Parts without "0200" hold "02", which a part searched alone would answer with.
    await search(page, 'KS 2018/0200');
    await expectRows(page, ['ljungby-ks-2018-127']);
    await expectCount(page, 1);
    await search(page, 'Ks § 127');
    await expectRows(page, ['ljungby-ks-2018-127']);
    // A document number, which is nowhere in any text.
    await search(page, '0424');
    await expectRows(page, ['tranas-program-internationellt-arbete']);
    await expectCount(page, 1);
  });

  it('search finds a title word in several documents, combined with the filters', async () => {
    const page = await openRegister();
    // "Policy" is in the titles of both policies, and in the body text of Ljungby's decision and
    // plan; Tranås' programme never mentions it.
    await search(page, 'policy');
    const policyHits = ['ljungby-ks-2018-127', 'ljungby-policy-internationellt-arbete',
      'ljungby-verksamhetsplan-internationellt-arbete', 'osby-policy-internationellt-arbete'];
    await expectRows(page, policyHits);
    await expectCount(page, 4);
    await choose(page, 'filter_organisation', 'Ljungby kommun');
    await expectRows(page, policyHits.filter((id) => id.startsWith('ljungby')));
    await expectCount(page, 3);
    await choose(page, 'filter_type', 'policy');
    await expectRows(page, ['ljungby-policy-internationellt-arbete']);
    await choose(page, 'filter_organisation', '');
    await expectRows(page, ['ljungby-policy-internationellt-arbete', 'osby-policy-internationellt-arbete']);
  });

  it('a search that matches nothing says so, and clearing it shows every row again', async () => {
    const page = await openRegister();
    assert.equal(await page.isVisible('#register_empty'), false, 'no message while rows show');
    await search(page, 'zzxqvw');
    await expectRows(page, []);
    await page.locator('#register_empty').waitFor({ state: 'visible' });
    assert.notEqual((await page.locator('#register_empty').textContent()).trim(), '');
    await expectCount(page, 0);
    await search(page, '');
    await expectRows(page, allIds);
    await page.locator('#register_empty').waitFor({ state: 'hidden' });
    await expectCount(page, 5);
  });

  it('sorts by title, ascending then descending, in Swedish order', async () => {
    const page = await openRegister();
    const titlesAscending = ['Internationellt arbete',
      'Ks § 127 Verksamhetsplan för internationellt arbete',
      'Policy för internationellt arbete', 'Policy för internationellt arbete',
      'Verksamhetsplan för internationellt arbete'];
    await clickSort(page, 'title');
    await expectOrder(page, 'title', titlesAscending);
    assert.equal(await ariaSortOf(page, 'title'), 'ascending');
    await clickSort(page, 'title');
    await expectOrder(page, 'title', [...titlesAscending].reverse());
    assert.equal(await ariaSortOf(page, 'title'), 'descending');
    // Only the sorted column carries aria-sort.
    assert.ok([null, 'none'].includes(await ariaSortOf(page, 'review_by')));
  });

  it('sorts by review date with documents without one last, both ways', async () => {
    const page = await openRegister();
    await clickSort(page, 'review_by');
    await expectOrder(page, 'review_by', ['2018-06-01', '2018-06-01', '2020-04-22', '', '']);
    assert.equal(await ariaSortOf(page, 'review_by'), 'ascending');
    await clickSort(page, 'review_by');
    await expectOrder(page, 'review_by', ['2020-04-22', '2018-06-01', '2018-06-01', '', '']);
    assert.equal(await ariaSortOf(page, 'review_by'), 'descending');
  });

  it('sorts by owner, the decision without an owner last', async () => {
    const page = await openRegister();
    await clickSort(page, 'owner');
    await expectOrder(page, 'owner', ['Kansli- och personalavdelningen',
      'Kommunledningsförvaltningen', 'Kommunledningsförvaltningen', 'Utvecklingsstrateg', '']);
  });

  it('every column header has a sort button', async () => {
    const page = await openRegister();
    const columns = await page.$$eval('table.register-table thead button[data-sort]',
      (buttons) => buttons.map((b) => b.dataset.sort));
    assert.deepEqual(columns.sort(),
      ['organisation', 'owner', 'review_by', 'status', 'title', 'type', 'valid_from', 'version']);
    for (const column of columns) {
      await clickSort(page, column);
      assert.equal(await ariaSortOf(page, column), 'ascending', column);
      await expectRows(page, allIds, `sorting by ${column} keeps every row`);
    }
  });

  it('sorting descending puts documents without the value last too', async () => {
    const page = await openRegister('?sort=-version');
    // The draft has no version; every other document is version 1.
    const draft = 'osby-policy-internationellt-arbete';
    const ids = await eventually(() => visibleRows(page), (rows) => rows.at(-1) === draft);
    assert.equal(ids.length, 5);
    assert.equal(ids.at(-1), draft, ids.join(', '));
    assert.equal(await ariaSortOf(page, 'version'), 'descending');
  });

  it('a quoted phrase finds the documents that have it, across the parts', async () => {
    const page = await openRegister();
    await search(page, '"internationellt arbete"');
    await expectRows(page, allIds);
    await search(page, '"policy för"');
    await expectRows(page, ['ljungby-ks-2018-127', 'ljungby-policy-internationellt-arbete',
      'ljungby-verksamhetsplan-internationellt-arbete', 'osby-policy-internationellt-arbete']);
  });

  it('after a descending sort and Reset, a filter shows the register order', async () => {
    const fresh = await openRegister('?organisation=Ljungby%20kommun');
    const registerOrder = await eventually(() => visibleRows(fresh), (rows) => rows.length === 3);
    assert.equal(registerOrder.length, 3);
    const page = await openRegister('?sort=-title');
    await expectOrder(page, 'title', ['Verksamhetsplan för internationellt arbete',
      'Policy för internationellt arbete', 'Policy för internationellt arbete',
      'Ks § 127 Verksamhetsplan för internationellt arbete', 'Internationellt arbete']);
    await (await control(page, '#register_reset')).click();
    await choose(page, 'filter_organisation', 'Ljungby kommun');
    const rows = await eventually(() => visibleRows(page),
      (ids) => JSON.stringify(ids) === JSON.stringify(registerOrder));
    assert.deepEqual(rows, registerOrder);
  });

  it('the state is kept in the URL and restored from it', async () => {
    const page = await openRegister();
    await choose(page, 'filter_organisation', 'Ljungby kommun');
    await search(page, 'policy');
    await clickSort(page, 'title');
    await clickSort(page, 'title');
    await expectRows(page, ['ljungby-ks-2018-127', 'ljungby-policy-internationellt-arbete',
      'ljungby-verksamhetsplan-internationellt-arbete']);
    const params = await eventually(() => new URL(page.url()).searchParams,
      (p) => p.get('q') === 'policy' && p.get('organisation') === 'Ljungby kommun' && p.get('sort'));
    assert.equal(params.get('q'), 'policy');
    assert.equal(params.get('organisation'), 'Ljungby kommun');
    assert.ok(params.get('sort'), `sort in ${page.url()}`);
    assert.equal(params.get('typ') ?? '', '');
    const order = await visibleRows(page);
    assert.equal(page.url().split('?')[0], served('index.html'), 'replaceState keeps the page');

    const restored = await openRegister(new URL(page.url()).search);
    await expectRows(restored, order);
    assert.deepEqual(await visibleRows(restored), order, 'same order after reload');
    assert.equal(await restored.inputValue('#register_search'), 'policy');
    assert.equal(await restored.inputValue('#filter_organisation'), 'Ljungby kommun');
    assert.equal(await ariaSortOf(restored, 'title'), 'descending');
  });

  it('opening index.html?typ=policy shows only policies', async () => {
    const page = await openRegister('?typ=policy');
    await expectRows(page, ['ljungby-policy-internationellt-arbete', 'osby-policy-internationellt-arbete']);
    assert.equal(await page.inputValue('#filter_type'), 'policy');
    await expectCount(page, 2);
  });

  it('owner and status in the URL filter too', async () => {
    const query = new URLSearchParams({ agare: 'Kommunledningsförvaltningen', status: 'gällande' });
    const page = await openRegister(`?${query}`);
    await expectRows(page, ['ljungby-policy-internationellt-arbete',
      'ljungby-verksamhetsplan-internationellt-arbete']);
  });

  it('without JavaScript the table shows every document and every title link works', async () => {
    const context = await newContext(browser, { javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(site.url('index.html'));
    const rows = await page.$$eval(rowSelector, (trs) => trs.map((tr) => ({
      id: tr.dataset.id,
      hidden: tr.hidden,
      shown: tr.getClientRects().length > 0,
    })));
    assert.deepEqual(sorted(rows.map((r) => r.id)), allIds);
    for (const row of rows) assert.ok(!row.hidden && row.shown, `${row.id} is shown`);
    for (const id of allIds) {
      await page.goto(site.url('index.html'), { waitUntil: 'domcontentloaded' });
      const link = page.locator(`tr[data-id="${id}"] a`, { hasText: docs[id].title }).first();
      await Promise.all([
        page.waitForURL((url) => url.href.includes(`/${id}/`), { waitUntil: 'domcontentloaded' }),
        link.click(),
      ]);
      assert.equal((await page.locator('h1').first().textContent()).trim(), docs[id].title, id);
      assert.ok(page.url().includes(id), `${id}: ${page.url()}`);
    }
    await context.close();
  });

  it('sorts titles in Swedish order: Å after Z', async () => {
    // A sixth document whose title starts with Å; with an English collation it would come first.
    const extra = buildSite({
      'content/ljungby/ljungby-atgardsplan.md': '---\nid: ljungby-atgardsplan\n' +
        'title: Åtgärdsplan för vänorter\ntype: plan\norganisation: Ljungby kommun\n' +
        'status: utkast\nowner: Kommunledningsförvaltningen\n---\n\nUtkast.\n',
    });
    try {
      const page = await openRegister('', await serveSite(extra));
      await clickSort(page, 'title');
      const ids = await eventually(() => visibleRows(page), (rows) => rows.at(-1) === 'ljungby-atgardsplan');
      assert.equal(ids.length, 6);
      assert.equal(ids.at(-1), 'ljungby-atgardsplan', `Å sorts last: ${ids.join(', ')}`);
      await clickSort(page, 'title');
      const descending = await eventually(() => visibleRows(page), (rows) => rows[0] === 'ljungby-atgardsplan');
      assert.equal(descending[0], 'ljungby-atgardsplan');
    } finally {
      extra.remove();
    }
  });

  it('opened from a file, it says search needs the web server and still lists every document',
    async () => {
      const page = shared;
      await page.goto(site.url('index.html'));
      await page.locator('#register_unavailable').waitFor({ state: 'visible' });
      assert.match(await page.locator('#register_unavailable').textContent(), /webbserver/);
      assert.equal(await page.isVisible('#register_filters'), false, 'no controls that cannot work');
      assert.deepEqual(sorted(await visibleRows(page)), allIds);
    });
});

// The same site with two documents a page: three pages.
describe('register in pages', () => {
  const register = ['ljungby-ks-2018-127', 'ljungby-verksamhetsplan-internationellt-arbete',
    'ljungby-policy-internationellt-arbete', 'osby-policy-internationellt-arbete',
    'tranas-program-internationellt-arbete'];
  let paged;
  let pagedUrl;
  before(async () => {
    const yaml = fs.readFileSync(path.join(sourceDir, 'kansli.yaml'), 'utf8');
    paged = buildSite({ 'kansli.yaml': `${yaml}\nregister_page_size: 2\n` });
    pagedUrl = await serveSite(paged);
  });
  after(() => paged?.remove());

  it('without JavaScript, the pages link each other and list every document once, in order',
    async () => {
      const context = await newContext(browser, { javaScriptEnabled: false });
      const page = await context.newPage();
      await page.goto(paged.url('index.html'));
      const seen = [];
      for (let number = 1; ; number++) {
        seen.push(...await page.$$eval(rowSelector, (rows) => rows.map((row) => row.dataset.id)));
        assert.equal((await page.locator('#register_pager [aria-current="page"]').textContent()).trim(),
          `Sida ${number}`);
        const next = page.locator('#register_pager a[rel="next"]');
        if (await next.count() === 0) break;
        await Promise.all([page.waitForURL(/sida\/\d+\/index\.html$/), next.click()]);
      }
      assert.deepEqual(seen, register);
      assert.match(page.url(), /\/sida\/3\/index\.html$/);
      assert.match(await countText(page), /Visar 5–5 av 5 dokument/);
      await context.close();
    });

  it('a search on the first page finds documents on later pages, and clearing it shows the page again',
    async () => {
      const page = await openRegister('', pagedUrl);
      await expectRows(page, register.slice(0, 2));
      await search(page, 'fattigdom');  // only Tranås' programme, on page 3
      await expectRows(page, ['tranas-program-internationellt-arbete']);
      assert.equal(await page.isVisible('#register_pager'), false, 'no pager over results');
      await search(page, '');
      await expectRows(page, register.slice(0, 2));
      assert.equal(await page.isVisible('#register_pager'), true);
      assert.match(await countText(page), /Visar 1–2 av 5 dokument/);
    });

  it('a result longer than a page shows a page of rows and a button for more', async () => {
    const page = await openRegister('', pagedUrl);
    await search(page, 'policy');  // four documents
    const more = page.locator('#register_more');
    await more.waitFor({ state: 'visible' });
    assert.equal((await visibleRows(page)).length, 2);
    assert.match(await countText(page), /4 av 5 dokument matchar\. Visar de 2 första\./);
    await more.click();
    await expectRows(page, ['ljungby-ks-2018-127', 'ljungby-policy-internationellt-arbete',
      'ljungby-verksamhetsplan-internationellt-arbete', 'osby-policy-internationellt-arbete']);
    await more.waitFor({ state: 'hidden' });
    await expectCount(page, 4);
  });

  it("a later page's results link from its own folder", async () => {
    await shared.goto(pagedUrl('sida/2/index.html'));
    await search(shared, 'wiesel');
    await expectRows(shared, ['ljungby-ks-2018-127']);
    await Promise.all([
      shared.waitForURL((url) => url.pathname.endsWith('/ljungby-ks-2018-127/index.html')),
      shared.locator('tr[data-id="ljungby-ks-2018-127"] th a').first().click(),
    ]);
    assert.equal((await shared.locator('h1').first().textContent()).trim(),
      docs['ljungby-ks-2018-127'].title);
  });
});
