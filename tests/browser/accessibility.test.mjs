// WCAG 2.1 A/AA by axe-core on the register, a document page, the review dashboard and the
// organisation page with the relation graph; and screenshots of the register and the Ljungby
// policy at desktop and phone widths, written to KANSLI_ARTIFACTS for people to look at.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import {
  artifactsDir, axeViolations, buildSite, eventually, launchChromium, newContext, serveSite,
  sourceDir, testTimeout,
} from './support.mjs';

const it = (name, fn) => test(name, { timeout: testTimeout }, fn);
const desktop = { width: 1280, height: 900 };
const phone = { width: 390, height: 844 };

let browser;
let site;
let served;  // the pages as the intranet's web server shows them: the register's search works
let paged;   // the same site with two documents a register page
let pagedUrl;
let page;  // reused: a new page costs far more than a navigation

before(async () => {
  site = buildSite();
  served = await serveSite(site);
  const yaml = fs.readFileSync(path.join(sourceDir, 'kansli.yaml'), 'utf8');
  paged = buildSite({ 'kansli.yaml': `${yaml}\nregister_page_size: 2\n` });
  pagedUrl = await serveSite(paged);
  browser = await launchChromium();
  page = await (await newContext(browser)).newPage();
  fs.mkdirSync(artifactsDir, { recursive: true });
});
after(async () => {
  await browser?.close();
  site?.remove();
  paged?.remove();
});

async function open(relative, viewport = desktop, url = served) {
  await page.setViewportSize(viewport);
  await page.goto(url(relative));
  return page;
}

async function expectNoViolations(relative, viewport = desktop, url = served) {
  await open(relative, viewport, url);
  if (relative.endsWith('index.html') && !relative.includes('/')) {
    await page.locator('#register_search').waitFor({ state: 'visible' });  // the controls too
  }
  const violations = await axeViolations(page);
  assert.deepEqual(violations, [],
    `axe-core: ${violations.length} WCAG 2.1 A/AA violation(s) on ${relative} at ${viewport.width}px:\n` +
    violations.join('\n'));
}

describe('accessibility', () => {
  it('the register has no WCAG 2.1 A/AA violation', () => expectNoViolations('index.html'));
  it('the register at phone width has no violation', () => expectNoViolations('index.html', phone));
  it('the Ljungby policy page has no violation',
    () => expectNoViolations('ljungby-policy-internationellt-arbete/index.html'));
  it('the review dashboard has no violation', () => expectNoViolations('granskning/index.html'));
  it('the Ljungby organisation page with its relation graph has no violation',
    () => expectNoViolations('organisation/ljungby-kommun/index.html'));

  it('a later page of the register, with its pager, has no violation',
    () => expectNoViolations('sida/2/index.html', desktop, pagedUrl));
  it('the register opened from a file, search unavailable, has no violation', async () => {
    await page.setViewportSize(desktop);
    await page.goto(site.url('index.html'));
    await page.locator('#register_unavailable').waitFor({ state: 'visible' });
    const violations = await axeViolations(page);
    assert.deepEqual(violations, [], violations.join('\n'));
  });
  it('a search result longer than a page, with its button for more, has no violation', async () => {
    await open('index.html', desktop, pagedUrl);
    await page.fill('#register_search', 'policy');
    await page.locator('#register_more').waitFor({ state: 'visible' });
    const violations = await axeViolations(page);
    assert.deepEqual(violations, [], violations.join('\n'));
  });

  it('the register with a search that matches nothing has no violation', async () => {
    await open('index.html');
    await page.fill('#register_search', 'zzxqvw');
    await eventually(() => page.isVisible('#register_empty'), Boolean);
    const violations = await axeViolations(page);
      assert.deepEqual(violations, [], violations.join('\n'));
  });
});

describe('screenshots', () => {
  const shots = [
    ['register-desktop.png', 'index.html', desktop],
    ['register-phone.png', 'index.html', phone],
    ['ljungby-policy-desktop.png', 'ljungby-policy-internationellt-arbete/index.html', desktop],
    ['ljungby-policy-phone.png', 'ljungby-policy-internationellt-arbete/index.html', phone],
    ['register-page-2-desktop.png', 'sida/2/index.html', desktop, () => pagedUrl],
    ['register-page-2-phone.png', 'sida/2/index.html', phone, () => pagedUrl],
  ];
  for (const [name, relative, viewport, url = () => served] of shots) {
    it(`${name}: ${relative} at ${viewport.width}×${viewport.height}`, async (t) => {
      await open(relative, viewport, url());
      const file = path.join(artifactsDir, name);
      await page.screenshot({ path: file, fullPage: true });
      // Nothing may stick out sideways: on a phone that means scrolling the whole page.
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
          t.diagnostic(`wrote ${file}`);
      assert.ok(fs.statSync(file).size > 10_000, `${file} has content`);
      assert.ok(overflow <= 0, `${relative} is ${overflow}px wider than the ${viewport.width}px window`);
    });
  }
});
