// The official PDFs as Firefox's PDF reader (pdf.js) hands them to a screen reader: every page's
// structure tree (page.getStructTree()) and its marked content (page.getTextContent with
// includeMarkedContent). Each content/ document's PDF must carry its title as the first heading,
// its body as tagged content with the roles its Markdown calls for, and its page furniture as
// artifacts. What each checkpoint of PDF/UA this covers is listed in matterhorn.md.
import assert from 'node:assert/strict';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import {
  annotationRef, buildSite, eachElement, elementsOf, isElement, leaves, letters, normalise,
  pdfWords, readDocuments, readPdf, readSiteSettings, testTimeout, textOf, treeWords, words,
} from './support.mjs';

const settings = readSiteSettings();
// A decision is an extract from the minutes, which has no contents list.
const hasContents = (doc) => doc.fields.type !== 'beslut' && doc.headings.length > settings.tocHeadings;
const documents = readDocuments();
const ids = Object.keys(documents).sort();

let site;
const pdfs = {};

before(async () => {
  site = buildSite();
  for (const id of ids) pdfs[id] = await readPdf(path.join(site.pdf, `${id}.pdf`));
});
after(() => site?.remove());

const it = (name, fn, skip = false) => test(name, { timeout: testTimeout, skip }, fn);

// Fails with every problem listed, so that one run shows all that is wrong with a document.
function expectNone(problems, what) {
  if (problems.length === 0) return;
  const shown = problems.slice(0, 15);
  const more = problems.length > shown.length ? `\n  … and ${problems.length - shown.length} more` : '';
  assert.fail(`${what}:\n  ${shown.join('\n  ')}${more}`);
}

const quote = (text, max = 60) => {
  const t = normalise(text);
  return JSON.stringify(t.length > max ? `${t.slice(0, max)}…` : t);
};
const headingLevel = (role) => (/^H[1-6]$/.test(role) ? Number(role.slice(1)) : null);
const childElements = (node) => (node.children ?? []).filter(isElement);
const childRoles = (node) => childElements(node).map((c) => c.role);

// The tree-based checks need a tree on every page; without one they say so, once.
function requireTrees(name, pdf) {
  const bare = pdf.pages.filter((p) => !p.tree).map((p) => p.number);
  if (bare.length > 0) {
    assert.fail(`${name}: no structure tree on page ${bare.join(', ')} of ${pdf.pages.length} ` +
      '(pdf.js getStructTree() returns null)');
  }
}

// "Sida {page} av {pages}" as a pattern.
const pageOfPattern = new RegExp(settings.pageOf
  .replace(/[.*+?^$()|[\]\\]/g, '\\$&')
  .replace(/\\?\{page\\?\}/, '\\d+').replace(/\\?\{pages\\?\}/, '\\d+'));

for (const id of ids) {
  const doc = documents[id];
  const name = `pdf/${id}.pdf`;
  const top = Math.min(...doc.headings.map((h) => h.level));
  const listItems = doc.lists.flat();
  const labels = doc.links.filter((l) => l !== null);
  const contents = hasContents(doc)
    ? doc.headings.filter((h) => h.level < top + settings.tocDepth) : [];

  describe(name, () => {
    it(`the catalog marks it tagged, in ${settings.language}, showing its title`, () => {
      const pdf = pdfs[id];
      const problems = [];
      if (pdf.markInfo?.Marked !== true) {
        problems.push(`MarkInfo /Marked is ${JSON.stringify(pdf.markInfo?.Marked ?? null)}, not true`);
      }
      if (pdf.markInfo?.Suspects === true) problems.push('MarkInfo /Suspects is true (01-007)');
      const lang = pdf.info.Language ?? null;
      if (!lang || lang.toLowerCase().split('-')[0] !== settings.language) {
        problems.push(`the catalog's /Lang is ${JSON.stringify(lang)}, not "${settings.language}" (or a ` +
          `"${settings.language}-" tag)`);
      }
      if (pdf.viewerPreferences?.DisplayDocTitle !== true) {
        problems.push('ViewerPreferences /DisplayDocTitle is not true');
      }
      if (pdf.info.Title !== doc.title) {
        problems.push(`the title is ${JSON.stringify(pdf.info.Title)}, not ${JSON.stringify(doc.title)}`);
      }
      expectNone(problems, `${name} is not a tagged PDF as a reader sees it`);
    });

    it('every page has a structure tree under one Document element', () => {
      const problems = [];
      for (const page of pdfs[id].pages) {
        if (!page.tree) {
          problems.push(`page ${page.number} has no structure tree (pdf.js getStructTree() is null: ` +
            'no StructTreeRoot, or no ParentTree entry for the page\'s StructParents)');
        } else if (childRoles(page.tree).join() !== 'Document') {
          problems.push(`page ${page.number}: the tree's root holds [${childRoles(page.tree).join(', ')}], ` +
            'not one Document');
        }
      }
      expectNone(problems, `${name} has no structure tree a reader can use`);
    });

    it('every text is tagged content or an artifact, never both, and every tag is in the tree', () => {
      const problems = [];
      for (const page of pdfs[id].pages) {
        const loose = page.runs.filter((r) => r.id === null && !r.artifact && r.text.trim() !== '');
        if (loose.length > 0) {
          problems.push(`page ${page.number}: ${loose.length} text runs are neither tagged content nor ` +
            `an artifact: ${loose.slice(0, 4).map((r) => quote(r.text, 40)).join(', ')}`);
        }
        for (const nested of page.nesting) problems.push(`page ${page.number}: ${nested}`);
        const inTree = new Set(page.tree ? leaves(page.tree).filter((l) => l.type === 'content')
          .map((l) => l.id) : []);
        const orphans = [...page.ids].filter((mc) => !inTree.has(mc));
        if (orphans.length > 0) {
          problems.push(`page ${page.number}: marked content in no structure element: ` +
            orphans.slice(0, 4).map((mc) => `${mc} ${quote(pdfs[id].marked.get(mc) ?? '', 30)}`).join(', '));
        }
        const dangling = [...inTree].filter((mc) => mc.startsWith(`${page.objId}_mc`) && !page.ids.has(mc));
        if (dangling.length > 0) {
          problems.push(`page ${page.number}: the tree points at marked content the page does not ` +
            `have: ${dangling.slice(0, 6).join(', ')}`);
        }
      }
      expectNone(problems, `${name} has content outside the tags`);
    });

    it('the first heading is the title as H1; the body\'s headings follow in order, no level skipped', () => {
      const pdf = pdfs[id];
      requireTrees(name, pdf);
      const headings = elementsOf(pdf).filter((e) => /^H[1-6]?$/.test(e.role));
      assert.ok(headings.length > 0, `${name} has no heading elements (H1–H6)`);
      const listing = headings.map((h) => `${h.role} ${quote(h.text, 40)}`).join(', ');
      const problems = [];
      const [first] = headings;
      if (first.role !== 'H1' || letters(first.text) !== letters(doc.title)) {
        problems.push(`the first heading is ${first.role} ${quote(first.text)}, not H1 ${quote(doc.title)}`);
      }
      for (const h of headings.filter((e) => e.role === 'H')) {
        problems.push(`${quote(h.text)} is an H: PDF/UA wants H1–H6 throughout (14-007)`);
      }
      for (let i = 1; i < headings.length; i++) {
        const [was, now] = [headingLevel(headings[i - 1].role), headingLevel(headings[i].role)];
        if (was !== null && now !== null && now > was + 1) {
          problems.push(`${quote(headings[i].text)} is H${now} after H${was}: a level skipped (14-003)`);
        }
      }
      // The body's top heading level is H2, under the title's H1.
      let at = 1;
      for (const h of doc.headings) {
        const role = `H${h.level - top + 2}`;
        const found = headings.findIndex((e, i) => i >= at && e.role === role && letters(e.text) === letters(h.text));
        if (found < 0) {
          problems.push(`the Markdown heading ${'#'.repeat(h.level)} ${quote(h.text)} is not a ${role} ` +
            'after the previous ones');
        } else {
          at = found + 1;
        }
      }
      expectNone(problems, `${name} headings are wrong (they are: ${listing})`);
    });

    it('the body\'s text is tagged content in the structure tree, its paragraphs P elements', () => {
      const pdf = pdfs[id];
      requireTrees(name, pdf);
      const inTree = new Set();
      const onPage = new Set();
      for (const page of pdf.pages) {
        for (const w of treeWords(page.tree, pdf.marked)) inTree.add(w);
        for (const w of pdfWords(page.runs.map((r) => r.text).join(''))) onPage.add(w);
      }
      for (const w of inTree) onPage.add(w);
      const body = new Set(words(doc.bodyText));
      // Words the PDF does not show at all are another test's business; they are few, or this
      // file reads the Markdown wrong.
      const expected = [...body].filter((w) => onPage.has(w));
      assert.ok(expected.length >= 0.95 * body.size,
        `${name}: only ${expected.length} of the body's ${body.size} words are on the pages at all; ` +
        `missing: ${[...body].filter((w) => !onPage.has(w)).slice(0, 20).join(' ')}`);
      const problems = [];
      const missing = expected.filter((w) => !inTree.has(w));
      if (missing.length > 0) {
        problems.push(`${missing.length} of the body's ${expected.length} words are not in the tree's ` +
          `text: ${missing.slice(0, 25).join(' ')}`);
      }
      const paragraphs = letters(elementsOf(pdf).filter((e) => e.role === 'P').map((e) => e.text).join(''));
      for (const p of doc.paragraphs) {
        if (!paragraphs.includes(letters(p))) {
          problems.push(`the paragraph ${quote(p)} is not the text of P elements`);
        }
      }
      expectNone(problems, `${name} body is not all in the structure tree`);
    });

    it('page numbers, the running footer and the status stamp are artifacts', () => {
      const problems = [];
      for (const page of pdfs[id].pages) {
        const where = `page ${page.number}`;
        const numbers = page.runs.filter((r) => pageOfPattern.test(normalise(r.text)));
        const footer = page.runs.filter((r) => normalise(r.text).length >= 10 &&
          settings.printedCopy.includes(normalise(r.text)));
        if (numbers.length === 0) problems.push(`${where}: no run reads ${JSON.stringify(settings.pageOf)}`);
        if (footer.length === 0) problems.push(`${where}: no run reads ${quote(settings.printedCopy, 40)}`);
        const stamp = page.runs.filter((r) => r.rotated && r.text.trim() !== '');
        for (const [what, runs] of [['the page number', numbers], ['the running footer', footer],
          ['the status stamp', stamp]]) {
          for (const run of runs.filter((r) => !r.artifact || r.id !== null)) {
            problems.push(`${where}: ${what} ${quote(run.text)} is ` +
              (run.id !== null ? `tagged content (${run.id})` : 'not marked as an Artifact'));
          }
        }
      }
      expectNone(problems, `${name} page furniture is not artifact`);
    });

    it('the first page\'s metadata panel is a Table of TR rows, each one TH label and its TD value', () => {
      const pdf = pdfs[id];
      requireTrees(name, pdf);
      const table = elementsOf(pdf).find((e) => e.page === 1 && e.role === 'Table');
      assert.ok(table, `${name}: page 1 has no Table element (the metadata panel)`);
      const rows = [];
      eachElement(table.node, (e) => {
        if (e.role === 'TR') rows.push(e);
      });
      const problems = [];
      if (rows.length === 0) problems.push('the Table has no TR');
      // One label and its value per row: a row TH heads every cell of its row (/Scope /Row),
      // so two pairs in one TR would give each value two headers (Matterhorn 15-005).
      for (const [i, row] of rows.entries()) {
        const roles = childRoles(row);
        if (roles.join() !== 'TH,TD') {
          problems.push(`row ${i + 1} ${quote(textOf(row, pdf.marked), 40)} holds [${roles.join(', ')}], ` +
            'not one TH and one TD');
        }
      }
      const cells = rows.flatMap((r) => childElements(r).filter((c) => c.role === 'TD'));
      if (!cells.some((c) => letters(textOf(c, pdf.marked)) === letters(id))) {
        problems.push(`no TD reads the document id ${JSON.stringify(id)} (Dokument-ID); the cells read ` +
          cells.map((c) => quote(textOf(c, pdf.marked), 30)).join(', '));
      }
      expectNone(problems, `${name} metadata panel is not a table`);
    });

    it('each Markdown table is a Table whose first row is TH cells', () => {
      const pdf = pdfs[id];
      requireTrees(name, pdf);
      const tables = elementsOf(pdf).filter((e) => e.role === 'Table').map((t) => {
        const rows = [];
        eachElement(t.node, (e) => {
          if (e.role === 'TR') rows.push(e);
        });
        return rows;
      });
      const problems = [];
      for (const expected of doc.tables) {
        const want = expected.header.map(letters).join('|');
        const found = tables.find((rows) => rows.length > 0 &&
          childElements(rows[0]).every((c) => c.role === 'TH') &&
          childElements(rows[0]).map((c) => letters(textOf(c, pdf.marked))).join('|') === want);
        if (!found) {
          problems.push(`no Table starts with a row of TH cells ${expected.header.map((h) => quote(h)).join(', ')}`);
        } else if (found.length < expected.rows + 1) {
          problems.push(`the table ${quote(expected.header[0])} has ${found.length} TR, not ${expected.rows + 1}`);
        }
      }
      expectNone(problems, `${name} tables are wrong`);
    }, doc.tables.length === 0 && 'no table in the Markdown');

    it('each Markdown list is an L of LI elements, each a Lbl and an LBody', () => {
      const pdf = pdfs[id];
      requireTrees(name, pdf);
      const elements = elementsOf(pdf);
      const items = elements.filter((e) => e.role === 'LI');
      const problems = [];
      if (!elements.some((e) => e.role === 'L')) problems.push('no L element');
      if (items.length < listItems.length) {
        problems.push(`${items.length} LI elements for the Markdown's ${listItems.length} list items`);
      }
      for (const item of items) {
        const roles = childRoles(item.node);
        if (!roles.includes('LBody') || !roles.includes('Lbl')) {
          problems.push(`the LI ${quote(item.text, 40)} holds [${roles.join(', ')}], not a Lbl and an LBody`);
        }
      }
      const bodies = letters(elements.filter((e) => e.role === 'LBody').map((e) => e.text).join(''));
      for (const text of listItems.filter((t) => t !== null)) {
        if (!bodies.includes(letters(text))) problems.push(`no LBody reads ${quote(text)}`);
      }
      expectNone(problems, `${name} lists are wrong`);
    }, listItems.length === 0 && 'no list in the Markdown');

    it('every link annotation sits in a Link element, with a description', () => {
      const pdf = pdfs[id];
      requireTrees(name, pdf);
      const problems = [];
      let annotations = 0;
      for (const page of pdf.pages) {
        const inLinks = new Set();
        eachElement(page.tree, (e) => {
          if (e.role !== 'Link') return;
          const refs = (e.children ?? []).filter((c) => !isElement(c)).map(annotationRef).filter(Boolean);
          if (refs.length === 0) {
            problems.push(`page ${page.number}: the Link ${quote(textOf(e, pdf.marked), 40)} holds no annotation`);
          }
          refs.forEach((r) => inLinks.add(r));
        });
        for (const link of page.links) {
          annotations++;
          const target = link.url ?? (link.dest ? `#${JSON.stringify(link.dest).slice(0, 30)}` : '?');
          if (!inLinks.has(link.ref)) {
            problems.push(`page ${page.number}: the link annotation ${link.ref} (${target}) is in no Link element`);
          }
          if (link.contents.trim() === '') {
            problems.push(`page ${page.number}: the link annotation ${link.ref} (${target}) has no /Contents`);
          }
        }
      }
      const linkText = letters(elementsOf(pdf).filter((e) => e.role === 'Link').map((e) => e.text).join(''));
      for (const label of labels) {
        if (!linkText.includes(letters(label))) problems.push(`no Link element reads ${quote(label)}`);
      }
      if (labels.length > 0 || contents.length > 0) {
        assert.ok(annotations > 0, `${name} has no link annotation, though its ` +
          (labels.length > 0 ? 'Markdown has links' : 'contents list links to its headings'));
      }
      expectNone(problems, `${name} links are not tagged`);
    });

    it('the contents list is a TOC of TOCI entries, one per listed heading', () => {
      const pdf = pdfs[id];
      requireTrees(name, pdf);
      const elements = elementsOf(pdf);
      const entries = elements.filter((e) => e.role === 'TOCI').map((e) => letters(e.text));
      const problems = [];
      if (!elements.some((e) => e.role === 'TOC')) problems.push('no TOC element');
      if (entries.length < contents.length) {
        problems.push(`${entries.length} TOCI elements for ${contents.length} listed headings`);
      }
      for (const h of contents) {
        if (!entries.some((e) => e.startsWith(letters(h.text)))) {
          problems.push(`no TOCI reads ${quote(h.text)}`);
        }
      }
      expectNone(problems, `${name} contents list is not tagged`);
    }, contents.length === 0 &&
      `${doc.headings.length} headings: no contents list (it takes more than ${settings.tocHeadings}, ` +
      'and a decision has none)');

    it('structure elements nest as ISO 32000-1 14.8.4 has them (tables, lists, contents)', () => {
      const pdf = pdfs[id];
      requireTrees(name, pdf);
      const parents = {
        TR: ['Table', 'THead', 'TBody', 'TFoot'], TH: ['TR'], TD: ['TR'],
        THead: ['Table'], TBody: ['Table'], TFoot: ['Table'],
        LI: ['L'], LBody: ['LI'], TOCI: ['TOC'], Document: ['Root'],
      };
      const kids = {
        Table: ['TR', 'THead', 'TBody', 'TFoot', 'Caption'], TR: ['TH', 'TD'],
        L: ['LI', 'L', 'Caption'], LI: ['Lbl', 'LBody'], TOC: ['TOCI', 'TOC', 'Caption'],
      };
      const problems = new Set();
      for (const e of elementsOf(pdf)) {
        const where = `page ${e.page}: ${e.role} ${quote(e.text, 30)}`;
        if (parents[e.role] && !parents[e.role].includes(e.parentRole)) {
          problems.add(`${where} is in a ${e.parentRole}, not ${parents[e.role].join('/')}`);
        }
        const odd = childRoles(e.node).filter((r) => kids[e.role] && !kids[e.role].includes(r));
        if (odd.length > 0) problems.add(`${where} holds ${odd.join(', ')}`);
      }
      expectNone([...problems], `${name} structure elements are misnested`);
    });

    it('every Figure has alt text', () => {
      const pdf = pdfs[id];
      requireTrees(name, pdf);
      const figures = elementsOf(pdf).filter((e) => e.role === 'Figure');
      const problems = figures.filter((f) => !(f.alt ?? '').trim())
        .map((f) => `page ${f.page}: a Figure has no /Alt`);
      for (const alt of doc.images.filter((a) => a.trim())) {
        if (!figures.some((f) => letters(f.alt ?? '') === letters(alt))) {
          problems.push(`no Figure has the Markdown image's alt ${quote(alt)}`);
        }
      }
      expectNone(problems, `${name} figures lack alt text`);
    });
  });
}

describe('all documents together', () => {
  it('the roles their Markdown calls for all occur', () => {
    const seen = new Set();
    for (const id of ids) {
      for (const page of pdfs[id].pages) eachElement(page.tree, (e) => seen.add(e.role));
    }
    const expected = new Set(['Document', 'H1', 'P', 'Table', 'TR', 'TH', 'TD', 'Link']);
    for (const doc of Object.values(documents)) {
      const top = Math.min(...doc.headings.map((h) => h.level));
      for (const h of doc.headings) expected.add(`H${h.level - top + 2}`);
      if (doc.lists.length > 0) ['L', 'LI', 'Lbl', 'LBody'].forEach((r) => expected.add(r));
      if (hasContents(doc)) ['TOC', 'TOCI'].forEach((r) => expected.add(r));
      if (doc.images.length > 0) expected.add('Figure');
    }
    const missing = [...expected].filter((r) => !seen.has(r));
    assert.deepEqual(missing, [],
      `roles missing from all ${ids.length} PDFs: ${missing.join(', ')} (seen: ${[...seen].sort().join(', ') || 'none'})`);
  });
});
