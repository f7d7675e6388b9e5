// The register's search, filters and sorting, over every document, through the search index
// kansli builds with Pagefind (html/pagefind/). Pagefind fetches only the pieces of the index
// a search needs, so the page stays small however many documents there are. The index is in
// parts of 250 to 1,000 documents (html/pagefind/<n>/), which Pagefind merges. A text
// search first asks the index of the parts' words (html/pagefind/words/) which parts have
// every word, and keeps only those parts' results: a part without a word would answer with
// its nearest shorter word (engine/render/search/search_shards.h). Every part still runs
// both searches (Pagefind searches all merged indexes and filters afterwards). An order other than relevance comes
// from kansli's tables beside them (pages.json, order/), since Pagefind's own sort ranks
// within one part. Without this script, or opened from a file (where
// browsers let no script fetch files), the register is its pages of rows, linked by the
// pager, which list every document.
(function () {
  'use strict';
  var form = document.getElementById('register_filters');
  var table = document.getElementById('register_table');
  var template = document.getElementById('register_row');
  var script = document.currentScript;
  if (!form || !table || !template || !script) return;
  if (location.protocol === 'file:') {
    document.getElementById('register_unavailable').hidden = false;
    return;
  }
  var body = table.tBodies[0];
  var pageRows = Array.prototype.slice.call(body.rows);
  var search = document.getElementById('register_search');
  var selects = Array.prototype.slice.call(form.querySelectorAll('select[data-field]'));
  var count = document.getElementById('register_count');
  var pageCount = count.textContent;
  var empty = document.getElementById('register_empty');
  var more = document.getElementById('register_more');
  var pager = document.getElementById('register_pager');
  var headers = Array.prototype.slice.call(table.tHead.rows[0].cells);
  var sortLabel = script.getAttribute('data-sort-label') || '{column}';
  var index = new URL(script.getAttribute('data-search'), location.href).href;
  var parts = Number(script.getAttribute('data-search-parts')) || 1;
  // The page's own links lead to documents relative to it: "../../" from sida/2/.
  var root = index.slice(0, index.length - 'pagefind/'.length);
  var countTemplate = form.getAttribute('data-count-template');
  var matchesTemplate = form.getAttribute('data-matches-template');
  var total = form.getAttribute('data-total');
  var batch = Number(form.getAttribute('data-page-size')) || 100;
  // The first rows of a result (a screenful) show at once; the rest of the batch follows.
  var firstRows = Math.min(batch, 10);

  // Pagefind's code comes with part 0; the other parts and the words index are merged into it.
  var pagefind = null;
  function loadPagefind() {
    if (!pagefind) {
      pagefind = import(index + '0/pagefind.js').then(function (module) {
        return module.init().then(function () {
          var merges = [];
          for (var n = 1; n < parts; n++) merges.push(module.mergeIndex(index + n + '/'));
          if (parts > 1) merges.push(module.mergeIndex(index + 'words/'));
          return Promise.all(merges);
        }).then(function () { return module; });
      });
      pagefind.catch(unavailable);
    }
    return pagefind;
  }

  // The parts that have every word of `text`, as the words index's pages say; every part
  // when there is no text; null when the index is one part.
  function partsWith(pf, text) {
    if (parts < 2) return Promise.resolve(null);
    var all = [];
    for (var n = 0; n < parts; n++) all.push(String(n));
    if (text === null) return Promise.resolve(all);
    // The words index lists each part's words in sorted order, so a quoted phrase is asked
    // for as its words: that finds every part the phrase can be in.
    var words = text.replace(/"/g, ' ').trim();
    if (words === '') return Promise.resolve(all);
    return pf.search(words, { filters: { words_of: { any: all } } }).then(function (found) {
      var counts = (found.filters && found.filters.words_of) || {};
      return all.filter(function (part) { return counts[part] > 0; });
    });
  }

  // pages.json, or a column's order/<column>.json, fetched once.
  var tables = {};
  function loadTable(name) {
    if (!tables[name]) {
      // Asked of the server each time (a 304 when unchanged): a cached table beside a rebuilt
      // index would put results in the wrong places.
      tables[name] = fetch(index + name + '.json', { cache: 'no-cache' }).then(function (response) {
        if (!response.ok) throw new Error(name + ': ' + response.status);
        return response.json();
      });
      tables[name].catch(unavailable);
    }
    return tables[name];
  }

  // A result's document's place in the register. pages.json knows it by the result's page id;
  // an id two parts share lists both documents, and the result's own data says which it is.
  function placeOf(pages, result) {
    var entry = pages[result.id];
    if (typeof entry === 'number') return entry;
    if (!Array.isArray(entry)) return -1;
    return result.data().then(function (page) {
      var match = entry.filter(function (candidate) { return candidate[1] === page.meta.id; })[0];
      return match ? match[0] : -1;
    });
  }

  // A text search comes in relevance order; a sorted one in the column's order with the
  // documents without a value last (each way, in the order they would have had); a filtered
  // one in the register's order.
  function order(found) {
    var text = query() !== null;
    if (text && !sortColumn) return found;
    var column = sortColumn;
    var descending = column !== '' && sortDescending;
    return Promise.all([loadTable('pages'), column ? loadTable('order/' + column) : null])
      .then(function (loaded) {
        return Promise.all(found.map(function (result) { return placeOf(loaded[0], result); }))
          .then(function (places) {
            var keyed = found.map(function (result, i) {
              var place = places[i];
              var key = loaded[1] ? (place >= 0 ? loaded[1][place] : -1) : place;
              return { result: result, key: key, rest: text ? i : place };
            });
            var valued = keyed.filter(function (k) { return k.key >= 0; });
            var others = keyed.filter(function (k) { return k.key < 0; });
            valued.sort(function (a, b) { return descending ? b.key - a.key : a.key - b.key; });
            others.sort(function (a, b) { return a.rest - b.rest; });
            return valued.concat(others).map(function (k) { return k.result; });
          });
      });
  }

  function unavailable() {
    document.getElementById('register_unavailable').hidden = false;
    form.hidden = true;
    showPage();
  }

  var sortColumn = '';
  var sortDescending = false;
  var results = [];  // of the current search, each with data() to load its row
  var shown = 0;
  var generation = 0;  // a newer search makes an older one's answers stale

  function filters() {
    var chosen = {};
    selects.forEach(function (select) {
      if (select.value) chosen[select.getAttribute('data-field')] = select.value;
    });
    return chosen;
  }

  function query() {
    var text = search.value.trim();
    return text.length >= 2 ? text : null;
  }

  // The page as published: its own rows, its count and the pager.
  function showPage() {
    body.replaceChildren.apply(body, pageRows);
    count.textContent = pageCount;
    empty.hidden = true;
    more.hidden = true;
    if (pager) pager.hidden = false;
    table.removeAttribute('aria-busy');
  }

  function apply() {
    saveState();
    var current = ++generation;
    var chosen = filters();
    if (query() === null && Object.keys(chosen).length === 0 && !sortColumn) {
      showPage();
      return;
    }
    table.setAttribute('aria-busy', 'true');
    var text = query();
    loadPagefind().then(function (pf) {
      return partsWith(pf, text).then(function (withWords) {
        if (withWords === null) return pf.search(text, { filters: chosen });
        if (withWords.length === 0) return { results: [] };
        return pf.search(text, { filters: Object.assign({ part: { any: withWords } }, chosen) });
      });
    }).then(function (found) {
      return current === generation ? order(found.results) : null;
    }).then(function (ordered) {
      if (current !== generation) return;
      results = ordered;
      shown = 0;
      if (pager) pager.hidden = true;
      return showMore(current, true);
    }).catch(function () {
      // Pagefind or a table could not load: unavailable() has said so and shows the page.
    });
  }

  // The next batch of results as rows: the first few at once, then the rest.
  function showMore(current, fresh) {
    var end = Math.min(results.length, shown + batch);
    var split = fresh ? Math.min(end, firstRows) : end;
    return appendRows(current, shown, split, fresh).then(function () {
      return appendRows(current, split, end, false);
    });
  }

  function appendRows(current, from, to, replace) {
    return Promise.all(results.slice(from, to).map(function (result) { return result.data(); }))
      .then(function (data) {
        if (current !== generation) return;
        var rows = data.map(function (page) { return row(page.meta); });
        if (replace) body.replaceChildren.apply(body, rows);
        else rows.forEach(function (r) { body.appendChild(r); });
        shown = to;
        showCount();
      });
  }

  function showCount() {
    var matches = results.length;
    count.textContent = shown < matches
      ? matchesTemplate.replace('{matches}', matches).replace('{total}', total).replace('{shown}', shown)
      : countTemplate.replace('{shown}', matches).replace('{total}', total);
    empty.hidden = matches !== 0;
    more.hidden = shown >= matches;
    if (shown >= Math.min(matches, batch)) table.removeAttribute('aria-busy');
  }

  // A row like the published ones (layouts/partials/document_row.mustache), from a result's meta.
  function row(meta) {
    var tr = template.content.firstElementChild.cloneNode(true);
    tr.setAttribute('data-id', meta.id);
    var links = tr.cells[0].querySelectorAll('a');
    links[0].href = root + meta.id + '/index.html';
    links[0].textContent = meta.title;
    links[1].href = root + '../pdf/' + meta.id + '.pdf';
    var hidden = links[1].querySelector('span');
    hidden.textContent = hidden.textContent.replace(/\s*$/, ' ') + meta.title;
    var flag = tr.querySelector('.flag-overdue');
    flag.remove();
    // The other cells in the headings' order; one without a value keeps the template's dash.
    headers.slice(1).forEach(function (th, i) {
      var value = meta[th.getAttribute('data-column')];
      if (value) tr.cells[i + 1].textContent = value;
    });
    if (meta.overdue) {
      tr.cells[tr.cells.length - 1].append(' ', flag);
    } else {
      tr.classList.remove('overdue');
    }
    return tr;
  }

  function markSorted() {
    headers.forEach(function (th) {
      if (th.getAttribute('data-column') === sortColumn) {
        th.setAttribute('aria-sort', sortDescending ? 'descending' : 'ascending');
      } else {
        th.removeAttribute('aria-sort');
      }
    });
  }

  // Each column heading becomes a button; its text stays the heading's accessible name.
  headers.forEach(function (th) {
    var column = th.getAttribute('data-column');
    var button = document.createElement('button');
    button.type = 'button';
    button.className = 'sort-button';
    button.setAttribute('data-sort', column);
    button.title = sortLabel.replace('{column}', th.textContent.toLowerCase());
    button.textContent = th.textContent;
    th.textContent = '';
    th.appendChild(button);
    button.addEventListener('click', function () {
      sortDescending = sortColumn === column ? !sortDescending : false;
      sortColumn = column;
      markSorted();
      apply();
    });
  });

  // The state lives in the address, so a filtered register can be bookmarked and shared.
  function saveState() {
    var params = new URLSearchParams();
    if (search.value.trim()) params.set('q', search.value.trim());
    selects.forEach(function (select) { if (select.value) params.set(select.name, select.value); });
    if (sortColumn) params.set('sort', (sortDescending ? '-' : '') + sortColumn);
    var state = params.toString();
    history.replaceState(null, '', state ? '?' + state : location.pathname);
  }

  function loadState() {
    var params = new URLSearchParams(location.search);
    search.value = params.get('q') || '';
    selects.forEach(function (select) {
      var value = params.get(select.name) || '';
      select.value = Array.prototype.some.call(select.options, function (o) { return o.value === value; }) ? value : '';
    });
    var sort = params.get('sort') || '';
    sortDescending = sort.charAt(0) === '-';
    sortColumn = sort.replace(/^-/, '');
    if (!headers.some(function (th) { return th.getAttribute('data-column') === sortColumn; })) {
      sortColumn = '';
      sortDescending = false;
    }
    markSorted();
  }

  search.addEventListener('input', apply);
  selects.forEach(function (select) { select.addEventListener('change', apply); });
  form.addEventListener('submit', function (event) { event.preventDefault(); });
  form.addEventListener('reset', function () {
    setTimeout(function () {
      sortColumn = '';
      sortDescending = false;
      markSorted();
      apply();
    }, 0);
  });
  more.addEventListener('click', function () {
    table.setAttribute('aria-busy', 'true');
    showMore(generation, false);
  });

  // The index's first parts (Pagefind's code, the list of documents) load while the reader
  // looks at the page, not when they type.
  loadPagefind();
  loadState();
  form.hidden = false;
  apply();
})();
