// What the PDF tests share: a built copy of the real site, each Markdown body read into what its
// PDF must show, and each PDF read by pdf.js (Firefox's PDF reader) the way it hands the page to
// a screen reader: the structure tree of getStructTree() and the marked content of
// getTextContent({includeMarkedContent: true}).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { getDocument, VerbosityLevel } from 'pdfjs-dist/legacy/build/pdf.mjs';

import { atTeardown } from '../support/teardown.mjs';

export const sourceDir =
  process.env.KANSLI_SOURCE_DIR ?? fileURLToPath(new URL('../..', import.meta.url));
export const kansliBinary = process.env.KANSLI_BINARY ?? path.join(sourceDir, 'build/engine/kansli');
export const today = '2026-11-23';
// Generous: the ASan build runs the same tests, several times slower.
export const testTimeout = 90_000;

// ---------------------------------------------------------------------------------------------
// The site

// `kansli build` of a fresh copy of the checkout's site (kansli.yaml, content/, layouts/,
// scripts/) in a temp folder; throws with kansli's output unless it exits 0.
export function buildSite() {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'kansli-pdf-'));
  const remove = () => fs.rmSync(root, { recursive: true, force: true });
  atTeardown(remove);
  const site = path.join(root, 'site');
  fs.mkdirSync(site);
  for (const name of ['kansli.yaml', 'content', 'layouts', 'scripts']) {
    fs.cpSync(path.join(sourceDir, name), path.join(site, name), { recursive: true });
  }
  const out = path.join(root, 'output');
  const run = spawnSync(kansliBinary, ['build', site, '--today', today, '-o', out],
    { encoding: 'utf8', timeout: 120_000 });
  if (run.error || run.status !== 0) {
    remove();
    throw new Error(
      `kansli build failed (${run.error ?? `exit ${run.status}`}):\n${run.stdout}\n${run.stderr}`);
  }
  return { root, site, out, pdf: path.join(out, 'pdf'), remove };
}

// A few scalar settings of a YAML file at a given indentation under `section` (or the top).
function yamlScalars(file, section = null) {
  const fields = {};
  let inside = section === null;
  for (const line of fs.readFileSync(file, 'utf8').split('\n')) {
    if (section !== null && /^\S/.test(line)) inside = line.startsWith(`${section}:`);
    const m = inside && line.match(section === null ? /^([a-z_]+):\s*(.*)$/ : /^ {2}([a-z_]+):\s*(.*)$/);
    if (m) fields[m[1]] = m[2].replace(/^"(.*)"$/, '$1').replace(/\s+#.*$/, '');
  }
  return fields;
}

// What the site settings and the bundled words say the PDFs show.
export function readSiteSettings(siteDir = sourceDir) {
  const config = yamlScalars(path.join(siteDir, 'kansli.yaml'));
  const pdf = yamlScalars(path.join(siteDir, 'kansli.yaml'), 'pdf');
  const language = config.language ?? 'sv';
  const text = yamlScalars(path.join(siteDir, 'layouts/text', `${language}.yaml`), 'pdf');
  return {
    language,
    baseUrl: config.base_url,
    tocHeadings: Number(pdf.toc_headings ?? 5),  // engine/config/site_config.h defaults
    tocDepth: Number(pdf.toc_depth ?? 2),
    pageOf: text.page_of,            // "Sida {page} av {pages}"
    printedCopy: text.printed_copy,  // the running footer's sentence
  };
}

// ---------------------------------------------------------------------------------------------
// The Markdown sources: what each PDF must carry as real content

// Every file under `dir`, sorted.
export function walk(dir) {
  return fs
    .readdirSync(dir, { recursive: true })
    .map((name) => path.join(dir, name))
    .filter((file) => fs.statSync(file).isFile())
    .sort();
}

// A text as nothing but its lower-case letters and digits: for comparing a PDF's text with the
// Markdown's whatever the line breaks, hyphenation, spacing and punctuation.
export function letters(text) {
  return text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
}

// Lower-case words (letters and digits) of a text: the unit both sides are compared in, so
// that punctuation, typographic quotes and dashes, and the PDF's spacing do not matter.
export function words(text) {
  return text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
}

// The text a reader gets of an inline Markdown string, and what it holds: link labels, image
// alt texts. A wikilink without a label shows its target's title, which this file does not
// know: it is left out (`unknown` says so).
function readInline(source, into) {
  let text = source;
  text = text.replace(/!\[([^\]]*)\]\([^)]*\)/g, (_, alt) => {
    into.images.push(alt);
    return ' ';
  });
  text = text.replace(/\[\[([^\]|]+)\|([^\]]+)\]\]/g, (_, target, label) => {
    into.links.push(label);
    return label;
  });
  text = text.replace(/\[\[([^\]]+)\]\]/g, () => {
    into.links.push(null);
    into.unknown = true;
    return ' ';
  });
  text = text.replace(/\[\^[^\]]+\]/g, ' ');  // footnote references: the number is a label
  text = text.replace(/\[([^\]]+)\]\(([^)\s]+)(?:\s+"[^"]*")?\)/g, (_, label) => {
    into.links.push(label);
    return label;
  });
  text = text.replace(/<((?:https?|mailto):[^>]+)>/g, (_, url) => {
    into.links.push(url);
    return ' ';
  });
  text = text.replace(/<[^>]+>/g, ' ');
  return text;
}

// One content/ document: its front matter's scalars and what its body holds.
export function readDocument(file) {
  const source = fs.readFileSync(file, 'utf8');
  const m = source.match(/^---\n([\s\S]*?)\n---\n([\s\S]*)$/);
  if (!m) throw new Error(`${file} has no front matter`);
  const fields = {};
  for (const line of m[1].split('\n')) {
    const f = line.match(/^([a-z_]+):\s*(.*)$/);
    if (f) fields[f[1]] = f[2].replace(/^"(.*)"$/, '$1').replace(/^'(.*)'$/, '$1');
  }
  const doc = {
    id: fields.id, title: fields.title, fields, file,
    headings: [],   // {level, text}
    lists: [],      // each a list of item texts (a nested list counts as its own list)
    tables: [],     // {header: [cell texts], rows: count of body rows}
    paragraphs: [], // texts
    links: [],      // labels (null: a wikilink showing its target's title)
    images: [],     // alt texts
    bodyText: '',   // everything a reader must get, stripped of Markdown syntax
  };
  const lines = m[2].split('\n');
  let fence = null;
  let list = null;
  let table = null;
  let paragraph = [];
  const texts = [];
  const flushParagraph = () => {
    if (paragraph.length > 0) doc.paragraphs.push(paragraph.join(' '));
    paragraph = [];
  };
  const closeBlocks = () => {
    flushParagraph();
    list = null;
    table = null;
  };
  const inline = (s) => {
    const into = { links: doc.links, images: doc.images, unknown: false };
    const text = readInline(s, into);
    texts.push(text);
    return { text, unknown: into.unknown };
  };
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    const fenceMark = line.match(/^\s*(`{3,}|~{3,})/);
    if (fence) {
      if (fenceMark && fenceMark[1][0] === fence[0] && fenceMark[1].length >= fence.length) fence = null;
      else texts.push(line);
      continue;
    }
    if (fenceMark) {
      closeBlocks();
      fence = fenceMark[1];
      continue;
    }
    if (/^\s*$/.test(line)) {
      flushParagraph();
      continue;
    }
    if (/^<!--/.test(line)) continue;
    const heading = line.match(/^(#{1,6})\s+(.*?)\s*#*\s*$/);
    if (heading) {
      closeBlocks();
      doc.headings.push({ level: heading[1].length, text: inline(heading[2]).text.trim() });
      continue;
    }
    if (/^\s*\|/.test(line)) {
      flushParagraph();
      list = null;
      const cells = line.trim().replace(/^\||\|$/g, '').split('|').map((c) => c.trim());
      if (cells.every((c) => /^:?-{3,}:?$/.test(c))) continue;
      if (!table) {
        table = { header: cells.map((c) => inline(c).text.trim()), rows: 0 };
        doc.tables.push(table);
      } else {
        cells.forEach((c) => inline(c));
        table.rows++;
      }
      continue;
    }
    const item = line.match(/^(\s*)(?:[-*+]|\d+[.)])\s+(.*)$/);
    if (item && !/^(\s*[-*_]){3,}\s*$/.test(line)) {
      flushParagraph();
      table = null;
      if (!list || item[1].length !== list.indent) {
        list = { indent: item[1].length, items: [] };
        doc.lists.push(list.items);
      }
      const { text, unknown } = inline(item[2]);
      list.items.push(unknown ? null : text.trim());
      continue;
    }
    const note = line.match(/^\[\^[^\]]+\]:\s*(.*)$/);
    if (note) {
      closeBlocks();
      inline(note[1]);
      continue;
    }
    if (/^(\s*[-*_]){3,}\s*$/.test(line)) {
      closeBlocks();
      continue;
    }
    if (list && /^\s+\S/.test(line)) {  // an item's continuation line
      inline(line);
      continue;
    }
    list = null;
    table = null;
    paragraph.push(inline(line.replace(/^>\s?/, '')).text.trim());
  }
  flushParagraph();
  doc.bodyText = texts.join('\n');
  return doc;
}

// Every content/ document of the site, by id.
export function readDocuments(siteDir = sourceDir) {
  const documents = {};
  for (const file of walk(path.join(siteDir, 'content')).filter((f) => f.endsWith('.md'))) {
    const doc = readDocument(file);
    documents[doc.id] = doc;
  }
  return documents;
}

// ---------------------------------------------------------------------------------------------
// A PDF as pdf.js reads it

// The text runs of a page's getTextContent({includeMarkedContent: true}) items, each with the
// marked content it sits in: `id` the innermost marked-content id pdf.js gives (from an MCID:
// "p<page ref>_mc<N>"), `artifact` whether any enclosing marked content is /Artifact. Also the
// places where tagged content and artifacts nest inside one another, which PDF/UA forbids.
export function readMarkedContent(items) {
  const stack = [];
  const runs = [];
  const nesting = [];
  const ids = new Set();  // every marked-content id the page opens, text or not
  for (const item of items) {
    if (item.type === 'beginMarkedContent' || item.type === 'beginMarkedContentProps') {
      const frame = { id: item.id ?? null, tag: item.tag ?? null };
      const outerArtifact = stack.some((f) => f.tag === 'Artifact');
      const outerTagged = stack.some((f) => f.id !== null);
      if (frame.id !== null && outerArtifact) nesting.push(`${frame.id} inside an Artifact`);
      if (frame.tag === 'Artifact' && outerTagged) {
        nesting.push(`an Artifact inside ${stack.filter((f) => f.id !== null).at(-1).id}`);
      }
      if (frame.id !== null) ids.add(frame.id);
      stack.push(frame);
    } else if (item.type === 'endMarkedContent') {
      stack.pop();
    } else if (typeof item.str === 'string') {
      const tagged = stack.filter((f) => f.id !== null);
      runs.push({
        text: item.str + (item.hasEOL ? '\n' : ''),
        id: tagged.at(-1)?.id ?? null,
        artifact: stack.some((f) => f.tag === 'Artifact'),
        rotated: Math.abs(item.transform?.[1] ?? 0) > 1e-6 || Math.abs(item.transform?.[2] ?? 0) > 1e-6,
      });
    }
  }
  return { runs, nesting, ids };
}

// pdf.js names a page by its object reference: "p12R" for 12 0 R.
function pageObjId(ref) {
  return ref ? `p${ref.num}R${ref.gen === 0 ? '' : ref.gen}` : null;
}

const annotationPrefix = 'pdfjs_internal_id_';

// The annotation reference ("16R") a structure leaf points at, or null. pdf.js serialises an
// OBJR as {type: 'annotation', id: 'pdfjs_internal_id_16R'} when it is its element's only
// kid, and as {type: 'object', id: '16R'} otherwise (a Link holding its text and its OBJR).
export function annotationRef(leaf) {
  if (leaf.type === 'annotation') return leaf.id.replace(annotationPrefix, '');
  if (leaf.type === 'object') return leaf.id;
  return null;
}

// A PDF read through pdf.js: document-level facts, and per page the structure tree, the text
// runs with their marked content, and the link annotations. `marked` maps each marked-content
// id of the whole document to the text inside it.
export async function readPdf(file) {
  const data = new Uint8Array(fs.readFileSync(file));
  const doc = await getDocument({
    data,
    verbosity: VerbosityLevel.ERRORS,
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    stopAtErrors: true,
  }).promise;
  try {
    const { info } = await doc.getMetadata();
    const result = {
      info,
      markInfo: await doc.getMarkInfo(),
      viewerPreferences: await doc.getViewerPreferences(),
      pages: [],
      marked: new Map(),
    };
    for (let number = 1; number <= doc.numPages; number++) {
      const page = await doc.getPage(number);
      const tree = await page.getStructTree();
      const { items } = await page.getTextContent({ includeMarkedContent: true });
      const annotations = await page.getAnnotations();
      const { runs, nesting, ids } = readMarkedContent(items);
      for (const run of runs) {
        if (run.id === null || run.artifact) continue;
        result.marked.set(run.id, (result.marked.get(run.id) ?? '') + run.text);
      }
      result.pages.push({
        number,
        objId: pageObjId(page.ref),
        tree,
        runs,
        nesting,
        ids,
        links: annotations.filter((a) => a.subtype === 'Link').map((a) => ({
          ref: a.id, url: a.url ?? a.unsafeUrl ?? null, dest: a.dest ?? null,
          contents: a.contentsObj?.str ?? '',
        })),
      });
      page.cleanup();
    }
    return result;
  } finally {
    await doc.destroy();
  }
}

// ---------------------------------------------------------------------------------------------
// The structure tree as pdf.js serialises it: elements {role, children, alt?, lang?}, leaves
// {type: 'content' | 'annotation' | 'object', id}

export const isElement = (node) => typeof node?.role === 'string';

// Calls visit(element, parent) for the elements under `node`, in document order.
export function eachElement(node, visit, parent = null) {
  for (const child of node?.children ?? []) {
    if (!isElement(child)) continue;
    visit(child, node);
    eachElement(child, visit, child);
  }
}

export function leaves(node) {
  const found = [];
  for (const child of node.children ?? []) {
    if (isElement(child)) found.push(...leaves(child));
    else found.push(child);
  }
  return found;
}

// The text a screen reader gets for an element: its marked content in tree order.
export function textOf(node, marked) {
  return leaves(node).filter((l) => l.type === 'content').map((l) => marked.get(l.id) ?? '').join('');
}

// A text as a reader hears it: words broken at a line end ("kommun-\nfullmäktige") joined,
// runs of white space one space.
export function normalise(text) {
  return text.replace(/(\p{L})-\n(?=\p{L})/gu, '$1').replace(/\s+/g, ' ').trim();
}

// The words of a PDF text, counting a line-end hyphen both as a break inside one word
// ("kommun-\nfullmäktige") and as a real hyphen ("EU-\nprojekt" → "eu", "projekt").
export function pdfWords(text) {
  return new Set([...words(text.replace(/-\s*\n\s*/g, '')), ...words(text)]);
}

// The words a screen reader gets from a page: the text of its structure tree's marked content
// in tree order. The pieces are read both run together and apart, since a piece may end inside
// a word (a hyphenated word whose list bullet is drawn between its lines) or between words.
export function treeWords(tree, marked) {
  if (!tree) return new Set();
  const pieces = leaves(tree).filter((l) => l.type === 'content').map((l) => marked.get(l.id) ?? '');
  return new Set([...pdfWords(pieces.join('')), ...pdfWords(pieces.join('\n'))]);
}

// Every element of the document, page by page in document order, each once per page (an
// element that runs over a page break shows on both pages, with each page's part of its text).
// Each: {role, alt, page, node, parentRole, text}.
export function elementsOf(pdf) {
  const elements = [];
  for (const page of pdf.pages) {
    if (!page.tree) continue;
    eachElement(page.tree, (node, parent) => {
      elements.push({
        role: node.role, alt: node.alt, page: page.number, node,
        parentRole: parent?.role ?? null,
        text: textOf(node, pdf.marked),
      });
    });
  }
  return elements;
}
