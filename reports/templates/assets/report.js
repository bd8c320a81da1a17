// Interactive part of the l4d2-eval HTML report. Model text reaches the DOM only through
// textContent (never innerHTML), so answers cannot inject markup or scripts.
// `tokenizeSourcePawn` is defined just before this file by the renderer.
(function () {
  const started = performance.now();
  // The case data is gzipped base64 (see src/report/html/pack.ts): the HTML parser scans it several
  // times faster than plain JSON. It is only needed to open a case, so the table works before it loads.
  let data = null;
  const dataReady = (async function () {
    const block = document.getElementById('report-data');
    const bin = atob(block.textContent.trim());
    const bytes = new Uint8Array(bin.length);
    for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
    const stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream('gzip'));
    data = JSON.parse(await new Response(stream).text());
    document.documentElement.dataset.caseDataMs = String(Math.round(performance.now()));
    return data;
  })();
  // A failure is shown when a case is opened; it must not surface as an unhandled rejection.
  dataReady.catch(function () {});
  const table = document.getElementById('case-table');
  const body = table.tBodies[0];
  const form = document.getElementById('filters');
  const CONTEXT = 3;
  const total = body.querySelectorAll('tr.case').length;

  function el(tag, className, text) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined && text !== null) node.textContent = String(text);
    return node;
  }

  function splitLines(code) {
    if (code === '') return [];
    const lines = code.split('\n');
    if (code.endsWith('\n')) lines.pop();
    return lines;
  }

  // Highlighted code with line numbers; lines named in `marks` are flagged with their messages.
  function codeBlock(code, marks) {
    const pre = el('pre', 'code');
    const lines = [[]];
    for (const [kind, text] of tokenizeSourcePawn(code)) {
      const parts = text.split('\n');
      parts.forEach(function (part, i) {
        if (i > 0) lines.push([]);
        if (part !== '') lines[lines.length - 1].push(kind === 'txt' ? document.createTextNode(part) : el('span', 't-' + kind, part));
      });
    }
    if (code.endsWith('\n')) lines.pop();
    const byLine = new Map();
    const stray = [];
    for (const m of marks || []) {
      if (m[0] >= 1 && m[0] <= lines.length) byLine.set(m[0], (byLine.get(m[0]) || []).concat([m]));
      else stray.push(m);
    }
    lines.forEach(function (nodes, i) {
      const line = el('span', 'line');
      line.dataset.n = String(i + 1);
      nodes.forEach(function (n) { line.appendChild(n); });
      const here = byLine.get(i + 1);
      if (here) {
        line.classList.add('marked');
        pre.appendChild(line);
        for (const m of here) pre.appendChild(el('span', 'note', '\u26a0 ' + m[0] + ':' + m[1] + ' ' + m[2]));
      } else pre.appendChild(line);
    });
    for (const m of stray) pre.appendChild(el('span', 'note', '\u26a0 ' + m[0] + ':' + m[1] + ' ' + m[2]));
    if (lines.length === 0) pre.appendChild(el('span', 'muted', '(no code extracted)'));
    return pre;
  }

  function checkList(checks) {
    const list = el('ul', 'checks');
    for (const c of checks) {
      const li = el('li', 'check ' + c.status);
      li.appendChild(el('span', 'check-status', c.status === 'pass' ? '\u2713 pass' : c.status === 'fail' ? '\u2717 fail' : '! error'));
      li.appendChild(el('code', null, c.id));
      if (c.required) li.appendChild(el('span', 'badge', 'required'));
      li.appendChild(el('span', 'reason', c.reason));
      list.appendChild(li);
    }
    return list;
  }

  function itemBlock(item) {
    const box = el('div', 'sample');
    const head = el('p', 'sample-head ' + item.status);
    head.textContent = 'sample ' + item.sample + ' \u00b7 ' + item.status + (item.score === null ? '' : ' \u00b7 ' + item.score.toFixed(1) + ' / 10');
    box.appendChild(head);
    if (item.error) box.appendChild(el('p', 'error', item.error));
    for (const w of item.warnings) box.appendChild(el('p', 'warning', '\u26a0 ' + w));
    if (item.before && item.before.trim()) box.appendChild(el('pre', 'prose', item.before.trimEnd()));
    if (item.code !== '' || item.answer === undefined) box.appendChild(codeBlock(item.code, item.marks));
    if (item.after && item.after.trim()) box.appendChild(el('pre', 'prose', item.after.trim()));
    if (item.answer !== undefined) {
      const raw = el('details', 'raw');
      raw.appendChild(el('summary', null, 'Full answer text'));
      raw.appendChild(el('pre', 'prose', item.answer));
      box.appendChild(raw);
    }
    if (item.checks.length) box.appendChild(checkList(item.checks));
    return box;
  }

  // Unified line diff from run lengths; long unchanged stretches fold to a count.
  function diffBlock(baseCode, item) {
    const oldLines = splitLines(baseCode);
    const newLines = splitLines(item.code);
    const rows = [];
    let o = 0;
    let n = 0;
    for (const [op, count] of item.diff) {
      for (let k = 0; k < count; k++) {
        if (op === '=') rows.push([' ', newLines[n++] ?? '', o++]);
        else if (op === '-') rows.push(['-', oldLines[o++] ?? '']);
        else rows.push(['+', newLines[n++] ?? '']);
      }
    }
    const changed = rows.map(function (r) { return r[0] !== ' '; });
    const pre = el('pre', 'diff');
    let added = 0;
    let removed = 0;
    let skipped = 0;
    rows.forEach(function (r, i) {
      if (r[0] === '+') added++;
      if (r[0] === '-') removed++;
      let near = r[0] !== ' ';
      for (let d = 1; !near && d <= CONTEXT; d++) near = changed[i - d] === true || changed[i + d] === true;
      if (!near) { skipped++; return; }
      if (skipped) { pre.appendChild(el('span', 'fold', '\u2026 ' + skipped + ' unchanged lines')); skipped = 0; }
      pre.appendChild(el('span', r[0] === '+' ? 'add' : r[0] === '-' ? 'del' : 'ctx', r[0] + ' ' + r[1]));
    });
    if (skipped) pre.appendChild(el('span', 'fold', '\u2026 ' + skipped + ' unchanged lines'));
    if (!added && !removed) pre.appendChild(el('span', 'muted', 'identical code'));
    return { pre: pre, added: added, removed: removed };
  }

  function renderDetail(index) {
    const c = data.cases[index];
    const wrap = el('div', 'detail-body');
    wrap.appendChild(el('h3', null, 'Prompt'));
    wrap.appendChild(el('pre', 'prompt', c.prompt));
    const grid = el('div', 'answers');
    grid.style.setProperty('--cols', String(data.models.length));
    data.models.forEach(function (label, m) {
      const col = el('section', 'answer');
      col.dataset.model = label;
      col.appendChild(el('h3', 'model-head s' + (m % 6), label + (m === 0 ? ' (baseline)' : '')));
      const items = c.models[m] || [];
      if (!items.length) col.appendChild(el('p', 'muted', 'not run'));
      items.forEach(function (it) { col.appendChild(itemBlock(it)); });
      grid.appendChild(col);
    });
    wrap.appendChild(grid);
    const base = c.models[0] || [];
    data.models.forEach(function (label, m) {
      if (m === 0) return;
      for (const it of c.models[m] || []) {
        if (!it.diff) continue;
        const ref = base.find(function (b) { return b.sample === it.sample; }) || base[0];
        const d = diffBlock(ref ? ref.code : '', it);
        const box = el('details', 'diff-box');
        box.open = true;
        box.dataset.model = label;
        box.appendChild(el('summary', null, 'Diff ' + data.models[0] + ' \u2192 ' + label + ' (sample ' + it.sample + '): +' + d.added + ' \u2212' + d.removed + ' lines'));
        box.appendChild(d.pre);
        wrap.appendChild(box);
      }
    });
    return wrap;
  }

  function toggle(button) {
    const row = button.closest('tr');
    const detail = document.getElementById(button.getAttribute('aria-controls'));
    const open = button.getAttribute('aria-expanded') !== 'true';
    const cell = detail.firstElementChild;
    if (open && !cell.hasChildNodes()) {
      if (data) cell.appendChild(renderDetail(Number(row.dataset.index)));
      else {
        cell.appendChild(el('p', 'loading', 'Loading\u2026'));
        dataReady.then(function () { cell.replaceChildren(renderDetail(Number(row.dataset.index))); }, function (err) {
          cell.replaceChildren(el('p', 'error', 'Could not read the case data: ' + err));
        });
      }
    }
    button.setAttribute('aria-expanded', String(open));
    row.classList.toggle('expanded', open);
    detail.hidden = !open;
  }

  function hasWord(list, word) {
    return (' ' + list + ' ').indexOf(' ' + word + ' ') >= 0;
  }

  function applyFilters() {
    const text = document.getElementById('f-text').value.trim().toLowerCase();
    const category = document.getElementById('f-category').value;
    const tag = document.getElementById('f-tag').value;
    const status = document.getElementById('f-status').value;
    const change = document.getElementById('f-change').value;
    const kind = document.getElementById('f-kind').value;
    let shown = 0;
    for (const row of body.querySelectorAll('tr.case')) {
      const d = row.dataset;
      const ok = (!text || d.search.indexOf(text) >= 0) && (!category || d.category === category) &&
        (!tag || hasWord(d.tags, tag)) && (!status || hasWord(d.flags, status)) &&
        (!change || hasWord(d.flags, change)) && (!kind || hasWord(d.kinds, kind));
      row.hidden = !ok;
      const detail = document.getElementById('detail-' + d.index);
      detail.hidden = !ok || !row.classList.contains('expanded');
      if (ok) shown++;
    }
    document.getElementById('f-count').textContent = shown + ' of ' + total + ' cases';
  }

  function sortBy(button) {
    const key = button.dataset.sort;
    const th = button.closest('th');
    const dir = th.getAttribute('aria-sort') === 'ascending' ? 'descending' : 'ascending';
    for (const other of table.tHead.querySelectorAll('th')) other.setAttribute('aria-sort', 'none');
    th.setAttribute('aria-sort', dir);
    const col = key.charAt(0) === 'm' ? Number(key.slice(1)) : -1;
    function value(row) {
      if (key === 'id') return row.dataset.id;
      if (key === 'category') return row.dataset.category;
      const s = row.cells[col + 2].dataset.score;
      return s === '' ? null : Number(s);
    }
    const rows = Array.from(body.querySelectorAll('tr.case'));
    rows.sort(function (a, b) {
      const x = value(a);
      const y = value(b);
      // Cases without a score always sink to the bottom.
      if (x === null || y === null) return x === y ? 0 : x === null ? 1 : -1;
      const c = typeof x === 'number' ? x - y : String(x).localeCompare(String(y));
      return dir === 'ascending' ? c : -c;
    });
    for (const row of rows) {
      body.appendChild(row);
      body.appendChild(document.getElementById('detail-' + row.dataset.index));
    }
  }

  body.addEventListener('click', function (e) {
    const button = e.target.closest('button.open');
    if (button) toggle(button);
  });
  table.tHead.addEventListener('click', function (e) {
    const button = e.target.closest('button[data-sort]');
    if (button) sortBy(button);
  });
  document.addEventListener('click', function (e) {
    if (!e.target.closest('button.show-regressions')) return;
    form.reset();
    document.getElementById('f-change').value = 'regressed';
    applyFilters();
    document.getElementById('cases').scrollIntoView();
  });
  form.addEventListener('input', applyFilters);
  form.addEventListener('change', applyFilters);
  form.addEventListener('submit', function (e) { e.preventDefault(); });
  form.addEventListener('reset', function () { setTimeout(applyFilters, 0); });
  document.documentElement.classList.add('js');
  applyFilters();
  // Exposed so tests (and curious readers) can see how long the page took to become interactive.
  document.documentElement.dataset.initMs = String(Math.round(performance.now() - started));
  // Milliseconds from navigation start until the table is interactive (the case data may still be decoding).
  document.documentElement.dataset.readyMs = String(Math.round(performance.now()));
})();
