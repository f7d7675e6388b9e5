// The register's search, filters and sorting, over every document, through the search index
// kansli builds with Pagefind (html/pagefind/). Pagefind fetches only the parts of the index
// a search needs, so the page stays small however many documents there are. Without this
// script, or opened from a file (where browsers let no script fetch files), the register is
// its pages of rows, linked by the pager, which list every document.
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
  var bundle = new URL(script.getAttribute('data-search'), location.href).href;
  // The page's own links lead to documents relative to it: "../../" from sida/2/.
  var root = bundle.slice(0, bundle.length - 'pagefind/pagefind.js'.length);
  var countTemplate = form.getAttribute('data-count-template');
  var matchesTemplate = form.getAttribute('data-matches-template');
  var total = form.getAttribute('data-total');
  var batch = Number(form.getAttribute('data-page-size')) || 100;
  // The first rows of a result (a screenful) show at once; the rest of the batch follows.
  var firstRows = Math.min(batch, 10);

  var pagefind = null;
  function loadPagefind() {
    if (!pagefind) {
      pagefind = import(bundle).then(function (module) {
        return module.init().then(function () { return module; });
      });
      pagefind.catch(unavailable);
    }
    return pagefind;
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
    loadPagefind().then(function (pf) {
      var searches = [pf.search(query(), { filters: chosen })];
      if (sortColumn) {
        var sort = {};
        sort[sortColumn] = sortDescending ? 'desc' : 'asc';
        searches.push(pf.search(query(), { filters: chosen, sort: sort }));
      }
      return Promise.all(searches);
    }).then(function (found) {
      if (current !== generation) return;
      results = found[0].results;
      if (found.length > 1) {
        // Sorted, the documents without a value in the column are left out: they come last.
        var sorted = {};
        found[1].results.forEach(function (result) { sorted[result.id] = true; });
        results = found[1].results.concat(results.filter(function (result) {
          return !sorted[result.id];
        }));
      }
      shown = 0;
      if (pager) pager.hidden = true;
      return showMore(current, true);
    }).catch(function () {
      // Pagefind could not load: unavailable() has said so and shows the page.
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
    }
    markSorted();
  }

  search.addEventListener('input', apply);
  selects.forEach(function (select) { select.addEventListener('change', apply); });
  form.addEventListener('submit', function (event) { event.preventDefault(); });
  form.addEventListener('reset', function () {
    setTimeout(function () {
      sortColumn = '';
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
