// The register's filters, search and sorting. The table in the page is complete without
// this script; it only hides rows and reorders them. The search index is
// assets/search-index.js (written by kansli build) and the search is MiniSearch, both loaded
// as plain scripts so that the register works opened from a file share (no fetch, no modules).
(function () {
  'use strict';
  var form = document.getElementById('register_filters');
  var table = document.getElementById('register_table');
  if (!form || !table || !window.MiniSearch) return;
  var body = table.tBodies[0];
  var rows = Array.prototype.slice.call(body.rows);
  var search = document.getElementById('register_search');
  var selects = Array.prototype.slice.call(form.querySelectorAll('select[data-field]'));
  var count = document.getElementById('register_count');
  var empty = document.getElementById('register_empty');
  var script = document.currentScript;
  var sortLabel = (script && script.getAttribute('data-sort-label')) || '{column}';
  var countTemplate = form.getAttribute('data-count-template') || '{shown} / {total}';
  var collator = new Intl.Collator(document.documentElement.lang || 'sv', { numeric: true });

  var index = new MiniSearch({
    fields: ['title', 'text', 'organisation', 'owner', 'type'],
    searchOptions: {
      boost: { title: 3 },
      prefix: true,
      fuzzy: function (term) { return term.length > 5 ? 0.15 : false; },
      combineWith: 'AND'
    }
  });
  index.addAll(window.kansliSearchDocuments || []);

  var sortColumn = '';
  var sortDescending = false;

  function cellValue(row, column) {
    var cell = row.cells[columnIndex(column)];
    return cell ? cell.getAttribute('data-value') || '' : '';
  }

  function columnIndex(column) {
    var headers = table.tHead.rows[0].cells;
    for (var i = 0; i < headers.length; i++) {
      if (headers[i].getAttribute('data-column') === column) return i;
    }
    return 0;
  }

  function apply() {
    var query = search.value.trim();
    var matches = null;
    if (query.length >= 2) {
      matches = {};
      index.search(query).forEach(function (result) { matches[result.id] = true; });
    }
    var shown = 0;
    rows.forEach(function (row) {
      var visible = !matches || matches[row.getAttribute('data-id')] === true;
      selects.forEach(function (select) {
        if (select.value && row.getAttribute('data-' + select.getAttribute('data-field')) !== select.value) {
          visible = false;
        }
      });
      row.hidden = !visible;
      if (visible) shown++;
    });
    count.textContent = countTemplate.replace('{shown}', shown).replace('{total}', rows.length);
    empty.hidden = shown !== 0;
    saveState();
  }

  function sortRows() {
    var ordered = rows.slice();
    if (sortColumn) {
      ordered.sort(function (a, b) {
        var x = cellValue(a, sortColumn);
        var y = cellValue(b, sortColumn);
        if (!x || !y) return x === y ? 0 : (x ? -1 : 1);  // empty values last either way
        var order = collator.compare(x, y);
        return sortDescending ? -order : order;
      });
    }
    ordered.forEach(function (row) { body.appendChild(row); });
    Array.prototype.forEach.call(table.tHead.rows[0].cells, function (th) {
      if (th.getAttribute('data-column') === sortColumn) {
        th.setAttribute('aria-sort', sortDescending ? 'descending' : 'ascending');
      } else {
        th.removeAttribute('aria-sort');
      }
    });
  }

  // Each column heading becomes a button; its text stays the heading's accessible name.
  Array.prototype.forEach.call(table.tHead.rows[0].cells, function (th) {
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
      sortRows();
      saveState();
    });
  });

  // The state lives in the address, so a filtered register can be bookmarked and shared.
  function saveState() {
    var params = new URLSearchParams();
    if (search.value.trim()) params.set('q', search.value.trim());
    selects.forEach(function (select) { if (select.value) params.set(select.name, select.value); });
    if (sortColumn) params.set('sort', (sortDescending ? '-' : '') + sortColumn);
    var query = params.toString();
    try {
      history.replaceState(null, '', query ? '?' + query : location.pathname);
    } catch (e) {
      // Some browsers refuse replaceState on pages opened from a file; the filters still work.
    }
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
    if (sortColumn && !table.querySelector('th[data-column="' + sortColumn + '"]')) sortColumn = '';
  }

  search.addEventListener('input', apply);
  selects.forEach(function (select) { select.addEventListener('change', apply); });
  form.addEventListener('submit', function (event) { event.preventDefault(); });
  form.addEventListener('reset', function () {
    setTimeout(function () {
      sortColumn = '';
      sortRows();
      apply();
    }, 0);
  });

  loadState();
  form.hidden = false;
  sortRows();
  apply();
})();
