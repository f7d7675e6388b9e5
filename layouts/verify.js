// The verification page (verifiera/): the reader chooses or drops files, the browser computes
// each file's SHA-256 with WebCrypto and looks it up in window.kansliLedger (ledger.js, written
// by kansli publish next to the page). Nothing is uploaded and nothing is fetched: the page
// works opened from a file share. Every word shown comes from the page's
// <template id="verify_texts"> (layouts/text/<language>.yaml), never from this file.
(function () {
  'use strict';
  var tool = document.getElementById('verify_tool');
  var input = document.getElementById('verify_file');
  var drop = document.getElementById('verify_drop');
  var results = document.getElementById('verify_results');
  var textTemplate = document.getElementById('verify_texts');
  if (!tool || !input || !drop || !results || !textTemplate) return;

  var texts = {};
  var textRoot = textTemplate.content || textTemplate;
  Array.prototype.forEach.call(textRoot.querySelectorAll('[data-text]'), function (el) {
    texts[el.getAttribute('data-text')] = el.textContent;
  });
  var lang = document.documentElement.lang || 'sv';

  function show(id) {
    var el = document.getElementById(id);
    if (el) el.hidden = false;
  }

  var ledger = window.kansliLedger;
  if (!ledger || typeof ledger !== 'object' || !ledger.pdfs || typeof ledger.pdfs !== 'object') {
    show('verify_no_ledger');
    return;
  }
  // crypto.subtle exists only in a secure context: https, localhost or a file opened from disk.
  var subtle = window.crypto && window.crypto.subtle;
  if (!subtle || typeof subtle.digest !== 'function') {
    show('verify_insecure');
    return;
  }
  // A ledger.js kept from an earlier visit would give answers about another set of versions.
  if ((tool.getAttribute('data-ledger-head') || '') !== (ledger.head || '')) show('verify_stale');

  var pdfs = ledger.pdfs;
  var titles = ledger.titles && typeof ledger.titles === 'object' ? ledger.titles : {};

  function own(object, key) {
    return Object.prototype.hasOwnProperty.call(object, key);
  }

  // Each document of the ledger by id: its title (that of the version in force, if any), its
  // page, and the ids sharing a title. A document no longer on the site has versions without
  // an href, and gets no link.
  var documents = {};
  var idsByTitle = {};
  Object.keys(pdfs).forEach(function (hash) {
    var record = pdfs[hash];
    if (!record || !record.id) return;
    var doc = own(documents, record.id) ? documents[record.id] : (documents[record.id] = {});
    if (record.title && (!doc.title || record.current)) doc.title = record.title;
    if (record.current_href) {
      doc.href = record.current_href;
    } else if (record.href && !doc.href) {
      doc.href = '../' + encodeURIComponent(record.id) + '/index.html';  // the page at depth one
    }
    if (record.title) {
      var ids = own(idsByTitle, record.title) ? idsByTitle[record.title] : (idsByTitle[record.title] = []);
      if (ids.indexOf(record.id) === -1) ids.push(record.id);
    }
  });
  Object.keys(titles).forEach(function (title) {
    var entry = titles[title];
    if (entry && entry.id && entry.href && own(documents, entry.id)) documents[entry.id].href = entry.href;
  });

  function documentOf(id) {
    return own(documents, id) ? documents[id] : null;
  }

  // A link when there is somewhere to go, else the text alone.
  function linkOrText(href, content) {
    return href ? link(href, content) : element('span', null, content);
  }

  // ---- Building the results ------------------------------------------------------------------

  // A text with its {name} placeholders replaced: strings as text, nodes (links) as they are.
  function fill(key, values) {
    var fragment = document.createDocumentFragment();
    var template = own(texts, key) ? texts[key] : key;
    var pattern = /\{([a-z_]+)\}/g;
    var last = 0;
    var match;
    while ((match = pattern.exec(template)) !== null) {
      if (!values || !own(values, match[1])) continue;
      fragment.appendChild(document.createTextNode(template.slice(last, match.index)));
      var value = values[match[1]];
      fragment.appendChild(typeof value === 'object' && value !== null && value.nodeType
        ? value : document.createTextNode(String(value)));
      last = match.index + match[0].length;
    }
    fragment.appendChild(document.createTextNode(template.slice(last)));
    return fragment;
  }

  function element(tag, className, content) {
    var el = document.createElement(tag);
    if (className) el.className = className;
    if (content !== undefined && content !== null) {
      el.appendChild(typeof content === 'object' ? content : document.createTextNode(content));
    }
    return el;
  }

  function link(href, content) {
    var a = element('a', null, content);
    a.href = href;
    return a;
  }

  function hashCode(hash) {
    return element('code', 'sha256', hash);
  }

  function byteCount(bytes) {
    if (bytes === 1) return fill('bytes_one');
    var number = bytes;
    try {
      number = new Intl.NumberFormat(lang).format(bytes);
    } catch (e) {
      // An unknown language code: the plain number.
    }
    return fill('bytes', { count: number });
  }

  var resultCount = 0;

  // <article> with a heading that says the verdict in words and with a symbol, then the file;
  // both name the article, so that two results with the same verdict can be told apart.
  function resultSection(kind, headingKey, file) {
    var id = 'verify_result_' + (++resultCount);
    var section = element('article', 'verify-result verify-result-' + kind);
    section.setAttribute('aria-labelledby', id + ' ' + id + '_file');
    var heading = element('h2', 'verify-verdict');
    heading.id = id;
    var icon = element('span', 'verify-icon', { official: '\u2713', error: '!' }[kind] || '\u2715');
    icon.setAttribute('aria-hidden', 'true');
    heading.appendChild(icon);
    heading.appendChild(element('span', null, texts[headingKey]));
    section.appendChild(heading);
    var name = element('p', 'verify-file', fill('file', { file: file.name, size: byteCount(file.size) }));
    name.id = id + '_file';
    section.appendChild(name);
    return section;
  }

  function factList(rows) {
    var dl = element('dl', 'verify-facts');
    rows.forEach(function (row) {
      if (!row) return;
      var div = element('div', 'verify-fact');
      div.appendChild(element('dt', null, row[0]));
      div.appendChild(element('dd', null, row[1]));
      dl.appendChild(div);
    });
    return dl;
  }

  function inForce(record) {
    var from = record.valid_from || '';
    var to = record.valid_to || '';
    if (from && to) return fill('in_force_from_to', { from: from, to: to });
    if (from) return fill('in_force_from', { from: from });
    if (to) return fill('in_force_to', { to: to });
    return texts.none;
  }

  // `current` is true for the version in force; `current_version` names the version in force
  // now, or is empty when none is (the document was repealed).
  function officialResult(file, hash, record) {
    var section = resultSection('official', 'official', file);
    var doc = documentOf(record.id);
    var docHref = doc && doc.href;
    var titleLink = function () { return linkOrText(record.href || docHref, record.title || record.id); };
    var currentVersion = record.current_version || '';
    var currentLink = function () {
      return linkOrText(docHref, fill('version_link', { version: currentVersion }));
    };
    var status = record.status_label || record.status || texts.none;
    var summary;
    if (record.current) {
      summary = fill('official_current', { title: titleLink() });
    } else if (currentVersion && currentVersion !== record.version) {
      summary = fill('official_old', { title: titleLink(), current: currentLink() });
    } else {
      summary = fill('official_not_in_force', { title: titleLink(), version: record.version || '', status: status });
    }
    section.appendChild(element('p', 'verify-summary', summary));
    section.appendChild(factList([
      [texts.field_title, titleLink()],
      [texts.field_id, record.id],
      [texts.field_version, record.version || texts.none],
      [texts.field_status, status],
      [texts.published, record.published || texts.none],
      [texts.in_force, inForce(record)],
      record.replaced_by ? [texts.replaced_by, fill('version_link', { version: record.replaced_by })] : null,
      currentVersion ? [texts.current, record.current
        ? fill('this_file', { version: currentVersion })
        : currentLink()] : null,
      [texts.sha256, hashCode(hash)]
    ]));
    if (record.pdf_href) {
      section.appendChild(element('p', 'verify-pdf', link(record.pdf_href, texts.pdf_link)));
    }
    return section;
  }

  function notOfficialResult(file, hash, facts) {
    var section = resultSection('not-official', 'not_official', file);
    if (facts.size === 0) {
      section.appendChild(element('p', null, texts.empty));
    } else if (!facts.pdf) {
      section.appendChild(element('p', null, texts.not_pdf));
    }
    section.appendChild(element('p', 'verify-summary',
      Object.keys(pdfs).length === 0 ? texts.ledger_empty : texts.not_found));
    var claim = facts.claim && claimedDocument(facts.claim);
    if (claim) section.appendChild(element('p', 'verify-claim', fill('claims', { document: claim })));
    section.appendChild(factList([[texts.sha256, hashCode(hash)]]));
    return section;
  }

  // What the file's own metadata says it is, worded, with a link when the document is known:
  // by id, else by title (a draft's id has no version and may not be in the ledger).
  function claimedDocument(claim) {
    var doc = claim.id ? documentOf(claim.id) : null;
    if (doc) {
      var name = linkOrText(doc.href, doc.title || claim.id);
      return claim.version ? fill('claim_version', { version: claim.version, title: name }) : name;
    }
    if (claim.id && claim.version) return fill('claim_id', { version: claim.version, id: claim.id });
    if (claim.title) {
      // No link when the file names a document the ledger lacks (a draft of another
      // organisation may share the title), or when two documents share the title: rather none
      // than a wrong one.
      var ids = own(idsByTitle, claim.title) ? idsByTitle[claim.title] : [];
      var entry = own(titles, claim.title) ? titles[claim.title] : null;
      var href = claim.id ? ''
        : ids.length === 1 ? documentOf(ids[0]).href
        : ids.length === 0 && entry ? entry.href : '';
      return linkOrText(href, claim.title);
    }
    return claim.id ? document.createTextNode(claim.id) : null;
  }

  function errorResult(file) {
    var section = resultSection('error', 'error', file);
    section.appendChild(element('p', null, texts.read_error));
    return section;
  }

  // ---- Reading a file ------------------------------------------------------------------------

  function readBytes(file) {
    if (typeof file.arrayBuffer === 'function') return file.arrayBuffer();
    return new Promise(function (resolve, reject) {
      var reader = new FileReader();
      reader.onload = function () { resolve(reader.result); };
      reader.onerror = function () { reject(reader.error); };
      reader.readAsArrayBuffer(file);
    });
  }

  function hex(buffer) {
    var bytes = new Uint8Array(buffer);
    var out = '';
    for (var i = 0; i < bytes.length; i++) out += ('0' + bytes[i].toString(16)).slice(-2);
    return out;
  }

  function asciiBytes(text) {
    var bytes = new Uint8Array(text.length);
    for (var i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i);
    return bytes;
  }

  // Byte offset of `pattern` in `bytes` at or after `from`, or -1. Reading the bytes as Latin-1
  // text would find the same offsets; searching the bytes spares a copy of a large file.
  function find(bytes, pattern, from) {
    var first = pattern[0];
    var end = bytes.length - pattern.length;
    for (var at = bytes.indexOf(first, from); at !== -1 && at <= end; at = bytes.indexOf(first, at + 1)) {
      var i = 1;
      while (i < pattern.length && bytes[at + i] === pattern[i]) i++;
      if (i === pattern.length) return at;
    }
    return -1;
  }

  var pdfMagic = asciiBytes('%PDF-');
  // Searched for without their leading "<" and "</": a PDF can hold long runs of "<", and a
  // search that starts at each of them would take seconds on a large file.
  var rdfStart = asciiBytes('rdf:RDF');
  var rdfEnd = asciiBytes('/rdf:RDF>');
  var lessThan = 0x3c;
  var utf8 = typeof TextDecoder === 'function' ? new TextDecoder('utf-8') : null;

  function xmlText(text) {
    return text.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|amp|lt|gt|quot|apos);/g, function (all, name) {
      if (name.charAt(0) === '#') {
        var code = name.charAt(1) === 'x' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
        try {
          return String.fromCodePoint(code);
        } catch (e) {
          return all;
        }
      }
      return { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" }[name];
    }).replace(/\s+/g, ' ').trim();
  }

  // The document uncompressed XMP packets name: dc:identifier "kansli:<id>:v<version>" (a draft
  // has no version) and dc:title. The last packet that names one wins (an edited PDF appends
  // its metadata).
  function claimIn(bytes) {
    if (!utf8) return null;
    var claim = { id: '', version: '', title: '' };
    for (var at = find(bytes, rdfStart, 1); at !== -1; at = find(bytes, rdfStart, at + 1)) {
      if (bytes[at - 1] !== lessThan) continue;
      var end = find(bytes, rdfEnd, at);
      while (end !== -1 && bytes[end - 1] !== lessThan) end = find(bytes, rdfEnd, end + 1);
      if (end === -1) break;
      var packet = utf8.decode(bytes.subarray(at, end));
      var identifier = packet.match(/<dc:identifier>\s*([^<]*?)\s*<\/dc:identifier>/) ||
        packet.match(/\bdc:identifier\s*=\s*["']([^"']*)["']/);
      var kansli = identifier && xmlText(identifier[1]).match(/^kansli:([^:]+):v(.*)$/);
      if (kansli) {
        claim.id = kansli[1];
        claim.version = kansli[2];
      }
      var title = packet.match(/<dc:title>\s*<rdf:Alt>\s*<rdf:li\b[^>]*>([^<]*)<\/rdf:li>/);
      if (title && xmlText(title[1])) claim.title = xmlText(title[1]);
    }
    return claim.id || claim.title ? claim : null;
  }

  function examine(file) {
    return readBytes(file).then(function (buffer) {
      return subtle.digest('SHA-256', buffer).then(function (digest) {
        var bytes = new Uint8Array(buffer);
        var hash = hex(digest);
        var record = own(pdfs, hash) ? pdfs[hash] : null;
        if (record) return officialResult(file, hash, record);
        // A PDF starts with %PDF- (readers allow a little junk before it).
        var head = bytes.subarray(0, 1024 + pdfMagic.length);
        var facts = { size: bytes.length, pdf: find(head, pdfMagic, 0) !== -1, claim: null };
        if (facts.pdf) facts.claim = claimIn(bytes);
        return notOfficialResult(file, hash, facts);
      });
    }).catch(function () {
      return errorResult(file);
    });
  }

  // ---- Choosing and dropping -----------------------------------------------------------------

  var run = 0;

  // One result per file, in the order given. The live region says which file is being read
  // (a large one takes a while), then shows every result at once.
  function check(fileList) {
    var files = Array.prototype.slice.call(fileList || []);
    if (files.length === 0) return;
    var thisRun = ++run;
    var sections = [];
    var working = element('p', 'verify-working');
    results.textContent = '';
    results.appendChild(working);
    var chain = Promise.resolve();
    files.forEach(function (file) {
      chain = chain.then(function () {
        if (thisRun !== run) return null;
        working.textContent = '';
        working.appendChild(fill('working', { file: file.name }));
        return examine(file).then(function (section) { sections.push(section); });
      });
    });
    chain.then(function () {
      if (thisRun !== run) return;
      results.textContent = '';
      sections.forEach(function (section) { results.appendChild(section); });
    });
  }

  input.addEventListener('change', function () { check(input.files); });

  function carriesFiles(event) {
    var types = event.dataTransfer && event.dataTransfer.types;
    return !!types && Array.prototype.indexOf.call(types, 'Files') !== -1;
  }

  // Files may be dropped anywhere on the page (a near miss must not open the PDF in the
  // browser instead); the drop zone is highlighted while files are dragged over the page.
  var dragDepth = 0;
  document.addEventListener('dragenter', function (event) {
    if (!carriesFiles(event)) return;
    event.preventDefault();
    dragDepth++;
    drop.classList.add('verify-drop-active');
  });
  document.addEventListener('dragover', function (event) {
    if (!carriesFiles(event)) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = 'copy';
  });
  document.addEventListener('dragleave', function (event) {
    if (!carriesFiles(event)) return;
    dragDepth = Math.max(0, dragDepth - 1);
    if (dragDepth === 0) drop.classList.remove('verify-drop-active');
  });
  document.addEventListener('drop', function (event) {
    if (!carriesFiles(event)) return;
    event.preventDefault();
    dragDepth = 0;
    drop.classList.remove('verify-drop-active');
    var files = event.dataTransfer.files;
    try {
      input.files = files;  // the control then names the files checked, as after choosing them
    } catch (e) {
      // Older browsers cannot set a file input's files; the results still name each file.
    }
    check(files);
  });

  tool.hidden = false;
})();
