// Every reference in the built site resolves to a file of the site, and no page asks for
// anything outside it: the intranet may be closed, and the site must work from a file system
// (the register's search, from the web server).
import assert from 'node:assert/strict';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { pathToFileURL, fileURLToPath } from 'node:url';
import {
  allIds, buildSite, crawlSite, eventually, isInside, launchChromium, newContext, reachableFrom,
  recordRequests, serveSite, testTimeout, walk,
} from './support.mjs';

const it = (name, fn) => test(name, { timeout: testTimeout }, fn);

let browser;
let site;
let crawl;  // one crawl (JavaScript off: links must work without it) for the tests that read it

function crawled() {
  crawl ??= (async () => {
    const context = await newContext(browser, { javaScriptEnabled: false });
    try {
      return await crawlSite(context, site);
    } finally {
      await context.close();
    }
  })();
  return crawl;
}

before(async () => {
  site = buildSite();
  browser = await launchChromium();
});
after(async () => {
  await browser?.close();
  site?.remove();
});

describe('links', () => {
  it('every link, stylesheet, script and image of every page resolves', async (t) => {
    const { pages, problems } = await crawled();
    const references = [...pages.values()].reduce((n, p) => n + p.refs.length, 0);
    t.diagnostic(`${pages.size} pages, ${references} references`);
    const external = [...pages].flatMap(([file, info]) => info.refs.filter((r) => r.target.external)
      .map((r) => `${path.relative(site.html, file)} → ${r.value}`));
    for (const line of external) t.diagnostic(`external (not fetched): ${line}`);
    assert.deepEqual(problems, [], `broken references (page → href):\n${problems.join('\n')}`);

    const visited = [...pages.keys()].map((file) => path.relative(site.html, file));
    for (const id of allIds) assert.ok(visited.includes(`${id}/index.html`), `${id} page crawled`);
    assert.ok(visited.includes('404.html'));
  });

  it('every document page links to its own PDF, and related documents to each other', async () => {
    const { pages } = await crawled();
    const targetsOf = (id) => (pages.get(path.join(site.html, id, 'index.html'))?.refs ?? [])
      .map((ref) => ref.target.file).filter(Boolean).map((file) => path.relative(site.out, file));
    for (const id of allIds) {
      assert.ok(targetsOf(id).includes(`pdf/${id}.pdf`), `${id} links pdf/${id}.pdf`);
    }
    const plan = targetsOf('ljungby-verksamhetsplan-internationellt-arbete');
    assert.ok(plan.includes('html/ljungby-policy-internationellt-arbete/index.html'),
      'plan → policy it implements');
    assert.ok(plan.includes('html/ljungby-ks-2018-127/index.html'), 'plan → decision adopting it');
    const policy = targetsOf('ljungby-policy-internationellt-arbete');
    assert.ok(policy.includes('html/ljungby-verksamhetsplan-internationellt-arbete/index.html'),
      'policy → plan implementing it');
  });

  it('dashboard, organisation, type and tag pages are reachable from the register', async () => {
    const { pages } = await crawled();
    const reachable = reachableFrom(pages, path.join(site.html, 'index.html'))
      .map((file) => path.relative(site.html, file));
    const wanted = ['granskning/index.html', 'organisation/ljungby-kommun/index.html',
      'typ/policy/index.html', 'typ/plan/index.html', 'typ/program/index.html', 'typ/beslut/index.html',
      ...allIds.map((id) => `${id}/index.html`)];
    const missing = wanted.filter((file) => !reachable.includes(file));
    assert.deepEqual(missing, [], `not reachable from index.html by links:\n${missing.join('\n')}`);
    const tagPages = reachable.filter((file) => file.startsWith('tagg/'));
    assert.ok(tagPages.length >= 2, `tag pages reachable: ${tagPages.join(', ')}`);
    const register = pages.get(path.join(site.html, 'index.html'));
    const toDashboard = register.refs.filter((ref) => ref.inNav &&
      ref.target.file === path.join(site.html, 'granskning', 'index.html'));
    assert.ok(toDashboard.length > 0, "the register's navigation links to the review dashboard");
  });

  it('no page requests anything outside the site', async () => {
    const context = await newContext(browser);
    const requests = recordRequests(context);
    const page = await context.newPage();
    const offenders = [];
    const check = (pageFile) => {
      for (const url of requests.splice(0)) {
        if (!isLocal(url, pageFile)) offenders.push(`${path.relative(site.html, pageFile)} → ${url}`);
      }
    };
    for (const file of walk(site.html).filter((f) => f.endsWith('.html'))) {
      await page.goto(pathToFileURL(file).href);
      await page.waitForTimeout(50);
      check(file);
    }
    await context.close();
    assert.deepEqual(offenders, [], `requests outside the site (page → URL):\n${offenders.join('\n')}`);
  });

  it("the register's search asks for nothing but the site's own files", async () => {
    // The search index loads from the web server (browsers refuse it to a page from a file):
    // open the register there, search, and wait for the result.
    const served = await serveSite(site);
    const context = await newContext(browser);
    const requests = recordRequests(context);
    const page = await context.newPage();
    await page.goto(served('index.html'));
    await page.fill('#register_search', 'Gribskov');
    const rows = await eventually(() => page.$$eval('table.register-table tbody tr[data-id]',
      (trs) => trs.map((tr) => tr.dataset.id)), (ids) => ids.length === 1);
    assert.deepEqual(rows, ['osby-policy-internationellt-arbete']);
    await page.waitForTimeout(300);
    await context.close();
    const origin = new URL(served('index.html')).origin;
    const elsewhere = requests.filter((url) => !url.startsWith(`${origin}/`) && !/^(data|blob):/.test(url));
    assert.deepEqual(elsewhere, [], `requests outside the site:\n${elsewhere.join('\n')}`);
    assert.ok(requests.some((url) => url.includes('/pagefind/')), 'the search used the index');
  });
});

// Inside output/ by file://, or data:/blob:/about:. The 404 page uses root-relative URLs (a web
// server shows it at any depth); from a file system those map to the base path as in production.
function isLocal(url, pageFile) {
  if (/^(data|blob|about):/.test(url)) return true;
  if (!url.startsWith('file:')) return false;
  const file = fileURLToPath(url.split(/[?#]/)[0]);
  if (isInside(site.out, file)) return true;
  if (path.basename(pageFile) === '404.html' && file.startsWith(site.basePath)) {
    return isInside(site.out, path.join(site.html, file.slice(site.basePath.length)));
  }
  return false;
}
