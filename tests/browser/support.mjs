// What the browser tests share: a built copy of the real site (from disk or over HTTP), a
// headless Chromium, the link crawler, axe-core, and a `kansli serve` child. The test files read as specifications; the
// mechanics live here.
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';

import { serveFolder } from '../support/static_server.mjs';
import { atTeardown } from '../support/teardown.mjs';

export const sourceDir =
  process.env.KANSLI_SOURCE_DIR ?? fileURLToPath(new URL('../..', import.meta.url));
export const kansliBinary = process.env.KANSLI_BINARY ?? path.join(sourceDir, 'build/engine/kansli');
export const artifactsDir =
  process.env.KANSLI_ARTIFACTS ?? path.join(sourceDir, 'build/browser-artifacts');
export const today = '2026-11-23';

// Generous: the ASan build runs the same tests, several times slower.
export const testTimeout = 90_000;
const actionTimeout = 5_000;

// The documents of content/, as their front matter says. register.test.mjs checks this table
// against the files (readFrontMatter), so it cannot silently go stale.
export const docs = {
  'ljungby-ks-2018-127': {
    title: 'Ks § 127 Verksamhetsplan för internationellt arbete', type: 'beslut',
    organisation: 'Ljungby kommun', owner: '', status: 'gällande', review_by: '',
    tags: ['internationellt arbete'],
  },
  'ljungby-policy-internationellt-arbete': {
    title: 'Policy för internationellt arbete', type: 'policy', organisation: 'Ljungby kommun',
    owner: 'Kommunledningsförvaltningen', status: 'gällande', review_by: '2018-06-01',
    tags: ['internationellt arbete'],
  },
  'ljungby-verksamhetsplan-internationellt-arbete': {
    title: 'Verksamhetsplan för internationellt arbete', type: 'plan',
    organisation: 'Ljungby kommun', owner: 'Kommunledningsförvaltningen', status: 'gällande',
    review_by: '2018-06-01', tags: ['internationellt arbete', 'eu'],
  },
  'osby-policy-internationellt-arbete': {
    title: 'Policy för internationellt arbete', type: 'policy', organisation: 'Osby kommun',
    owner: 'Utvecklingsstrateg', status: 'utkast', review_by: '', tags: ['internationellt arbete', 'eu'],
  },
  'tranas-program-internationellt-arbete': {
    title: 'Internationellt arbete', type: 'program', organisation: 'Tranås kommun',
    owner: 'Kansli- och personalavdelningen', status: 'gällande', review_by: '2020-04-22',
    tags: ['internationellt arbete', 'eu'],
  },
};
export const allIds = Object.keys(docs).sort();

// The scalar top-level fields of each content/ document, by id.
export function readFrontMatter(siteDir = sourceDir) {
  const result = {};
  const contentDir = path.join(siteDir, 'content');
  for (const file of walk(contentDir).filter((f) => f.endsWith('.md'))) {
    const text = fs.readFileSync(file, 'utf8');
    const yaml = text.match(/^---\n([\s\S]*?)\n---\n/)?.[1] ?? '';
    const fields = {};
    for (const line of yaml.split('\n')) {
      const m = line.match(/^([a-z_]+):\s*(.*)$/);
      if (m) fields[m[1]] = m[2].replace(/^"(.*)"$/, '$1');
    }
    result[fields.id] = fields;
  }
  return result;
}

export function walk(dir) {
  const files = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) files.push(...walk(full));
    else files.push(full);
  }
  return files.sort();
}

// A fresh copy of the checkout's site (kansli.yaml, content/, layouts/, scripts/) in a temp
// folder; `extraFiles` maps site-relative paths to text laid over it.
export function copySite(extraFiles = {}) {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'kansli-browser-'));
  const site = path.join(root, 'site');
  fs.mkdirSync(site);
  for (const name of ['kansli.yaml', 'content', 'layouts', 'scripts']) {
    fs.cpSync(path.join(sourceDir, name), path.join(site, name), { recursive: true });
  }
  for (const [relative, text] of Object.entries(extraFiles)) {
    fs.mkdirSync(path.dirname(path.join(site, relative)), { recursive: true });
    fs.writeFileSync(path.join(site, relative), text);
  }
  const remove = () => fs.rmSync(root, { recursive: true, force: true });
  atTeardown(remove);
  return { root, site, remove };
}

// `kansli build` of a fresh site copy into <root>/output, with `env` added to kansli's
// environment; throws with kansli's output unless it exits 0. Returns the folders and a
// file:// URL maker for pages under html/.
export function buildSite(extraFiles = {}, env = {}) {
  const copy = copySite(extraFiles);
  const out = path.join(copy.root, 'output');
  const run = spawnSync(kansliBinary, ['build', copy.site, '--today', today, '-o', out], {
    encoding: 'utf8',
    timeout: 120_000,
    env: { ...process.env, ...env },
  });
  if (run.error || run.status !== 0) {
    copy.remove();
    throw new Error(
      `kansli build failed (${run.error ?? `exit ${run.status}`}):\n${run.stdout}\n${run.stderr}`);
  }
  const html = path.join(out, 'html');
  return {
    ...copy,
    out,
    html,
    pdf: path.join(out, 'pdf'),
    basePath: new URL(siteBaseUrl(copy.site)).pathname,
    url: (relative = 'index.html') => pathToFileURL(path.join(html, relative)).href,
  };
}

// The built site's html/ over HTTP on 127.0.0.1, as the intranet's web server shows it: the
// register's search fetches its index, which browsers refuse to pages opened from a file.
// Returns an http:// URL maker for pages under html/; the server stops at teardown.
export async function serveSite(site) {
  const server = await serveFolder(site.html);
  atTeardown(() => server.close());
  return server.url;
}

// A site with a history: content/ published as version 1 on 2026-01-10, then the Ljungby
// policy revised (version 2, new text) and published on 2026-03-01. `kansli publish` writes
// the archive beside the site and the output to <root>/output, as an intranet job would.
export const historyDoc = 'ljungby-policy-internationellt-arbete';
export function publishHistory() {
  const copy = copySite();
  const out = path.join(copy.root, 'output');
  const publish = (now) => {
    const run = spawnSync(kansliBinary, ['publish', copy.site, '--today', today, '--now', now, '-o', out],
      { encoding: 'utf8', timeout: 120_000 });
    if (run.error || run.status !== 0) {
      throw new Error(`kansli publish failed (${run.error ?? `exit ${run.status}`}):\n${run.stderr}`);
    }
  };
  publish('2026-01-10T09:00:00Z');
  const file = path.join(copy.site, 'content/ljungby', `${historyDoc}.md`);
  const text = fs.readFileSync(file, 'utf8')
    .replace('version: 1\n', 'version: 2\n')
    .replace('valid_from: 2013-11-01', 'valid_from: 2026-02-10')
    .replace('review_by: 2018-06-01', 'review_by: 2030-02-10')
    .replace('ska bedrivas i kommunen', 'ska bedrivas i hela kommunen');
  fs.writeFileSync(file, text);
  publish('2026-03-01T10:00:00Z');
  const html = path.join(out, 'html');
  return {
    ...copy, out, html, pdf: path.join(out, 'pdf'),
    basePath: new URL(siteBaseUrl(copy.site)).pathname,
    url: (relative = 'index.html') => pathToFileURL(path.join(html, relative)).href,
  };
}

export function siteBaseUrl(siteDir) {
  const yaml = fs.readFileSync(path.join(siteDir, 'kansli.yaml'), 'utf8');
  const value = yaml.match(/^base_url:\s*(\S+)/m)?.[1];
  if (!value) throw new Error('kansli.yaml has no base_url');
  return value.endsWith('/') ? value : `${value}/`;
}

export function sha256File(file) {
  return createHash('sha256').update(fs.readFileSync(file)).digest('hex');
}

export async function launchChromium() {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    timeout: 60_000,
  });
}

// A browser context whose every wait is bounded.
export async function newContext(browser, options = {}) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, ...options });
  context.setDefaultTimeout(actionTimeout);
  context.setDefaultNavigationTimeout(20_000);
  return context;
}

// Every request the context's pages make, as URLs, in order.
export function recordRequests(context) {
  const urls = [];
  context.on('request', (request) => urls.push(request.url()));
  return urls;
}

// Polls `probe` until `accept(value)` or the deadline, and returns the last value: the caller
// asserts on it, so a failure shows what the page really showed.
export async function eventually(probe, accept, timeout = 5_000) {
  const deadline = Date.now() + timeout;
  let value = await probe();
  while (!accept(value) && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 50));
    value = await probe();
  }
  return value;
}

const axeSource = () =>
  fs.readFileSync(path.join(sourceDir, 'node_modules/axe-core/axe.min.js'), 'utf8');

// axe-core's WCAG 2.1 A and AA rules on the page as it is now; returns the violations in a
// readable form (empty when there are none).
export async function axeViolations(page) {
  await page.addScriptTag({ content: axeSource() });
  const violations = await page.evaluate(async () => {
    const result = await window.axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
    });
    return result.violations.map((v) => ({
      id: v.id, impact: v.impact, help: v.help,
      nodes: v.nodes.map((n) =>
        `${n.target.join(' ')}: ${n.failureSummary?.split('\n')[1]?.trim() ?? ''}`),
    }));
  });
  return violations.map((v) => `${v.id} (${v.impact}): ${v.help}\n    ${v.nodes.join('\n    ')}`);
}

// Every reference a document makes (a, area, link, script, img, iframe, source, SVG a/use/image,
// with href, src or xlink:href), with whether it sits in a <nav> and whether it sits where
// external links are allowed: in the document body, the metadata box, or a
// <link rel=canonical|alternate> (page metadata, which the browser never fetches). Also the
// document's ids, for fragment checks. Runs in the browser.
function extractReferences(doc) {
  const xlink = 'http://www.w3.org/1999/xlink';
  const refs = [];
  for (const el of doc.querySelectorAll('a, area, link, script, img, iframe, source, use, image')) {
    const values = [el.getAttribute('href'), el.getAttribute('src'), el.getAttributeNS(xlink, 'href')];
    for (const value of values) {
      if (value === null) continue;
      const rel = (el.getAttribute('rel') ?? '').toLowerCase().split(/\s+/);
      refs.push({
        tag: el.localName,
        value,
        inNav: el.closest('nav') !== null,
        externalAllowed: el.closest('.document-body, .metadata') !== null ||
          (el.localName === 'link' && (rel.includes('canonical') || rel.includes('alternate'))),
      });
    }
  }
  const ids = [...doc.querySelectorAll('[id]')].map((el) => el.id);
  ids.push(...[...doc.querySelectorAll('a[name]')].map((el) => el.getAttribute('name')));
  return { refs, ids };
}

// The references of HTML files as the browser's own parser reads them, without running scripts
// (links must work without JavaScript) and without loading anything: one call for them all.
async function fileReferences(page, files) {
  const texts = files.map((file) => fs.readFileSync(file, 'utf8'));
  return page.evaluate(`${JSON.stringify(texts)}.map((html) =>
    (${extractReferences})(new DOMParser().parseFromString(html, 'text/html')))`);
}

const externalScheme = /^(https?:|mailto:|tel:|\/\/)/i;

// Resolves a reference made by the page at `pageFile` to a file of the built site. Returns
// { external } for http(s)/mailto links, { file, fragment } for internal ones, or { error }.
// Root-relative references are only valid on the 404 page, which a web server shows at any
// depth: there the site's base path maps to html/ and the server root to output/.
export function resolveReference(site, pageFile, value) {
  if (externalScheme.test(value)) return { external: true };
  if (/^(data|blob|about):/i.test(value)) return { data: true };
  if (/^[a-z][a-z0-9+.-]*:/i.test(value)) return { error: `unexpected scheme in ${value}` };
  let url;
  if (value.startsWith('/')) {
    if (!isNotFoundPage(site, pageFile)) {
      return { error: 'root-relative link does not work from a file system' };
    }
    const [, pathPart, rest] = value.match(/^([^?#]*)(.*)$/);
    const mapped = pathPart.startsWith(site.basePath)
      ? path.join(site.html, pathPart.slice(site.basePath.length))
      : path.join(site.out, pathPart.slice(1));
    const slash = pathPart.endsWith('/') ? '/' : '';
    url = new URL(pathToFileURL(mapped).href.replace(/\/?$/, slash) + rest);
  } else if (isNotFoundPage(site, pageFile) && !value.startsWith('#')) {
    return { error: 'relative link on the 404 page breaks when it is shown at another depth' };
  } else {
    url = new URL(value, pathToFileURL(pageFile));
  }
  const fragment = url.hash ? decodeURIComponent(url.hash.slice(1)) : null;
  let file = fileURLToPath(new URL(url.pathname, 'file://'));
  if (value.startsWith('#') || value === '') file = pageFile;
  if (!isInside(site.out, file)) return { error: 'points outside the output folder' };
  if (url.pathname.endsWith('/') || isDirectory(file)) file = path.join(file, 'index.html');
  if (!fs.existsSync(file)) return { error: `no such file ${path.relative(site.out, file)}` };
  return { file, fragment };
}

function isNotFoundPage(site, file) {
  return file === path.join(site.html, '404.html');
}

export function isInside(dir, file) {
  const relative = path.relative(dir, file);
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
}

function isDirectory(file) {
  try {
    return fs.statSync(file).isDirectory();
  } catch {
    return false;
  }
}

// Reads every .html file under html/ and every .html file reachable by links from them, in the
// browser's parser. Returns { pages: Map(file → {refs, ids}), problems: [] }.
export async function crawlSite(context, site) {
  const page = await context.newPage();
  const pages = new Map();
  let batch = walk(site.html).filter((f) => f.endsWith('.html'));
  const problems = [];
  while (batch.length > 0) {
    const infos = await fileReferences(page, batch);
    const next = new Set();
    batch.forEach((file, i) => pages.set(file, infos[i]));
    batch.forEach((file, i) => {
      for (const ref of infos[i].refs) {
        ref.target = resolveReference(site, file, ref.value);
        if (ref.target.file?.endsWith('.html') && !pages.has(ref.target.file)) next.add(ref.target.file);
      }
    });
    batch = [...next];
  }
  await page.close();
  for (const [file, info] of pages) {
    const where = path.relative(site.html, file);
    for (const ref of info.refs) {
      const { target } = ref;
      if (target.error) {
        problems.push(`${where} → ${ref.value} (${ref.tag}): ${target.error}`);
      } else if (target.external && !ref.externalAllowed) {
        problems.push(`${where} → ${ref.value} (${ref.tag}): ` +
          'external link outside the document body and metadata');
      } else if (target.fragment && target.file.endsWith('.html')) {
        const ids = pages.get(target.file)?.ids ?? [];
        if (!ids.includes(target.fragment)) {
          const targetName = path.relative(site.out, target.file);
          problems.push(
            `${where} → ${ref.value} (${ref.tag}): no id "${target.fragment}" in ${targetName}`);
        }
      }
    }
  }
  return { pages, problems };
}

// The .html files reachable from `start` by following the crawled links, `start` included.
export function reachableFrom(pages, start) {
  const seen = new Set([start]);
  const queue = [start];
  while (queue.length > 0) {
    for (const ref of pages.get(queue.shift())?.refs ?? []) {
      const file = ref.target?.file;
      if (file?.endsWith('.html') && !seen.has(file)) {
        seen.add(file);
        queue.push(file);
      }
    }
  }
  return [...seen].sort();
}

// Ids of the documents whose pages (html/<id>/index.html) the given links point to.
export function linkedDocumentIds(site, pageFile, hrefs) {
  const ids = new Set();
  for (const href of hrefs) {
    const target = resolveReference(site, pageFile, href);
    if (!target.file) continue;
    const relative = path.relative(site.html, target.file).split(path.sep);
    if (relative.length === 2 && relative[1] === 'index.html' && docs[relative[0]]) ids.add(relative[0]);
  }
  return [...ids].sort();
}

// `kansli serve <site> --port 0 --today …` as a child process. Resolves once it has printed its
// address. The child runs under coreutils `timeout`, so even if this process is killed outright
// the server stops by itself.
export async function startServe(siteDir, { startTimeout = 30_000, lifetimeSeconds = 170 } = {}) {
  // detached: its own process group (timeout and kansli), so one kill reaches both.
  const child = spawn('timeout', [String(lifetimeSeconds), kansliBinary, 'serve', siteDir,
    '--port', '0', '--today', today], { stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  let output = '';
  const killGroup = () => {
    try {
      process.kill(-child.pid, 'SIGKILL');
    } catch {
      // Already gone.
    }
  };
  atTeardown(killGroup);
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');  // timeout passes it on to kansli serve
      const timer = setTimeout(killGroup, 5_000);
      await exited;
      clearTimeout(timer);
    }
    killGroup();
  };
  const url = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(
      `kansli serve printed no address within ${startTimeout} ms:\n${output}`)), startTimeout);
    child.stdout.setEncoding('utf8').on('data', (chunk) => {
      output += chunk;
      const m = output.match(/^kansli serve: (http:\/\/127\.0\.0\.1:\d+\/\S*)$/m);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]);
      }
    });
    child.stderr.setEncoding('utf8').on('data', (chunk) => { output += chunk; });
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`kansli serve exited (${code}) before printing its address:\n${output}`));
    });
  }).catch(async (error) => {
    await stop();
    throw error;
  });
  return { url, stop, output: () => output };
}
