// The workbench pages (served by `l4d2-eval serve`). Model text only ever enters the page as text nodes
// (textContent, createTextNode): never as HTML. The per-server token rides on every POST.
'use strict';
(function () {
  const token = document.querySelector('meta[name="l4d2-token"]').getAttribute('content');
  const app = document.getElementById('app');

  function el(tag, attrs, children) {
    const node = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (v === undefined || v === null || v === false) continue;
      if (k === 'text') node.textContent = String(v);
      else if (k === 'class') node.className = v;
      else if (k.startsWith('on')) node.addEventListener(k.slice(2), v);
      else node.setAttribute(k, v === true ? '' : String(v));
    }
    for (const c of [].concat(children || [])) if (c !== null && c !== undefined) node.appendChild(typeof c === 'string' ? document.createTextNode(c) : c);
    return node;
  }

  function fixed(n, d) {
    return n === null || n === undefined ? '–' : Number(n).toFixed(d === undefined ? 2 : d);
  }
  function pct(n) {
    return n === null || n === undefined ? '–' : (n * 100).toFixed(1) + '%';
  }
  function usd(n) {
    return n === null || n === undefined ? 'unpriced' : '$' + n.toFixed(n < 0.01 ? 5 : 4);
  }

  async function getJson(url) {
    const res = await fetch(url, { headers: { accept: 'application/json' } });
    const body = await res.json();
    if (!res.ok) throw new Error(body.error + (body.hint ? ' (' + body.hint + ')' : ''));
    return body;
  }

  // Highlighted code, one numbered line per source line; marks = [[line, column, message]] flag their lines.
  function codeBlock(code, marks) {
    const pre = el('pre', { class: 'code', id: 'code' });
    const lines = [[]];
    for (const [kind, text] of tokenizeSourcePawn(code)) {
      text.split('\n').forEach(function (part, i) {
        if (i > 0) lines.push([]);
        if (part !== '') lines[lines.length - 1].push(kind === 'txt' ? document.createTextNode(part) : el('span', { class: 't-' + kind, text: part }));
      });
    }
    if (code.endsWith('\n')) lines.pop();
    const byLine = new Map();
    for (const m of marks) if (m[0] >= 1 && m[0] <= lines.length) byLine.set(m[0], (byLine.get(m[0]) || []).concat([m]));
    lines.forEach(function (nodes, i) {
      const line = el('span', { class: 'line', 'data-n': i + 1 }, nodes);
      pre.appendChild(line);
      const here = byLine.get(i + 1);
      if (here) {
        line.classList.add('marked');
        for (const m of here) pre.appendChild(el('span', { class: 'mark' }, '\u25B2 ' + (m[1] ? 'col ' + m[1] + ': ' : '') + m[2]));
      }
    });
    if (lines.length === 0 || code === '') pre.appendChild(el('span', { class: 'muted', text: '(no code found in the answer)' }));
    return pre;
  }

  // ---- playground ----------------------------------------------------------------------------------------------

  function marksOf(j) {
    const marks = ((j.syntax && j.syntax.errors) || []).map((e) => [e.line, e.column, 'syntax: ' + e.message]);
    for (const c of j.checks) if (!c.pass) for (const loc of c.locations || []) marks.push([loc.line, loc.column, c.id + ': ' + loc.message]);
    if (j.compile) for (const d of j.compile.diagnostics || []) if (d.line !== null && d.file === 'plugin.sp') marks.push([d.line, d.column || 0, d.severity + (d.code !== null ? ' ' + d.code : '') + ': ' + d.message]);
    return marks;
  }

  function showResult(out, r) {
    const j = r.judgement;
    const verdict = j.status === 'pass' ? 'pass' : j.status === 'fail' ? 'fail' : j.status;
    const head = el('div', { class: 'result-head' }, [
      el('span', { class: 'score ' + verdict, id: 'score', 'data-score': j.score === null ? '' : j.score }, fixed(j.score, 1) + ' / 10 ' + verdict),
      el('span', { class: 'muted', id: 'cost' }, 'cost ' + (r.cached ? '$0 (cached)' : usd(r.costUsd)) + (r.usage ? ' · ' + r.usage.inputTokens + ' in / ' + r.usage.outputTokens + ' out tokens' : '') + ' · ' + r.latencyMs + ' ms'),
      el('button', {
        id: 'copy',
        type: 'button',
        onclick: function (ev) {
          navigator.clipboard.writeText(j.code).then(
            () => (ev.target.textContent = 'Copied'),
            () => (ev.target.textContent = 'Copy failed'),
          );
        },
      }, 'Copy code'),
      el('a', { id: 'download', class: 'button', href: '/api/download?id=' + encodeURIComponent(r.id), download: true }, 'Download .sp'),
    ]);
    const checks = el('table', { id: 'checks' }, [
      el('thead', {}, el('tr', {}, [el('th', { text: 'check' }), el('th', { text: 'kind' }), el('th', { text: 'verdict' }), el('th', { text: 'reason' })])),
      el('tbody', {}, j.checks.map((c) => el('tr', { class: c.pass ? 'pass' : 'fail', 'data-check': c.id }, [el('td', { text: c.id }), el('td', { text: c.kind }), el('td', { text: c.status }), el('td', { text: c.reason || '' })]))),
    ]);
    const findings = [];
    for (const c of j.checks) if (c.kind === 'rule' && !c.pass) for (const loc of c.locations || []) findings.push(el('li', {}, 'line ' + loc.line + ': ' + loc.message));
    const diags = ((j.compile && j.compile.diagnostics) || []).map((d) => el('li', { class: d.severity }, (d.line !== null ? d.file + ':' + d.line + ': ' : '') + d.severity + ': ' + d.message));
    const compileText = j.compile ? (j.compile.ok ? 'compiles' : 'does not compile') + ' (' + j.compile.mode + (j.compile.version ? ' ' + j.compile.version : '') + ')' : 'not compiled';
    out.replaceChildren(
      head,
      el('h2', { text: 'Code' }),
      codeBlock(j.code, marksOf(j)),
      el('h2', { text: 'Checks' }),
      checks,
      el('h2', { text: 'Rule findings' }),
      findings.length ? el('ul', { id: 'findings' }, findings) : el('p', { class: 'muted', id: 'findings' }, 'none'),
      el('h2', { text: 'Compile: ' + compileText }),
      diags.length ? el('ul', { id: 'diagnostics' }, diags) : el('p', { class: 'muted', id: 'diagnostics' }, 'no diagnostics'),
      el('details', {}, [el('summary', { text: 'Whole answer' }), el('pre', { class: 'answer', text: r.answer })]),
    );
  }

  // Reads a text/event-stream body: calls onEvent(name, data) for each event.
  async function readEvents(res, onEvent) {
    const reader = res.body.getReader();
    const decoder = new TextDecoder();
    let buf = '';
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      buf += decoder.decode(value, { stream: true });
      let cut;
      while ((cut = buf.indexOf('\n\n')) >= 0) {
        const block = buf.slice(0, cut);
        buf = buf.slice(cut + 2);
        let name = 'message';
        let data = '';
        for (const line of block.split('\n')) {
          if (line.startsWith('event: ')) name = line.slice(7);
          else if (line.startsWith('data: ')) data += line.slice(6);
        }
        onEvent(name, JSON.parse(data));
      }
    }
  }

  async function playground() {
    const cat = await getJson('/api/catalog');
    const model = el('select', { id: 'model', name: 'model' }, cat.models.map((m) => el('option', { value: m.label }, m.label + ' (' + m.provider + ')')));
    const kase = el('select', { id: 'case', name: 'case' }, [el('option', { value: '' }, '— free prompt —')].concat(cat.cases.map((c) => el('option', { value: c.id }, c.category + ' / ' + c.id))));
    const prompt = el('textarea', { id: 'prompt', rows: 5, placeholder: 'Write a plugin that… (used when no case is chosen)' });
    const status = el('p', { id: 'status', class: 'muted', role: 'status' });
    const stream = el('pre', { id: 'stream', class: 'answer' });
    const out = el('section', { id: 'result' });
    const go = el('button', { id: 'generate', type: 'submit' }, 'Generate');
    kase.addEventListener('change', function () {
      const c = cat.cases.find((x) => x.id === kase.value);
      prompt.value = c ? c.prompt : '';
      prompt.readOnly = Boolean(c);
    });
    const form = el('form', { id: 'ask' }, [
      el('label', {}, ['Model ', model]),
      el('label', {}, ['Case of ' + cat.suite + ' ', kase]),
      el('label', { class: 'wide' }, ['Prompt', prompt]),
      go,
    ]);
    form.addEventListener('submit', async function (ev) {
      ev.preventDefault();
      go.disabled = true;
      stream.textContent = '';
      out.replaceChildren();
      status.textContent = 'asking ' + model.value + '…';
      const started = performance.now();
      try {
        const res = await fetch('/api/generate', {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-l4d2-token': token },
          body: JSON.stringify(kase.value ? { model: model.value, caseId: kase.value } : { model: model.value, prompt: prompt.value }),
        });
        if (!res.ok) {
          const body = await res.json();
          throw new Error(body.error + (body.hint ? ' (' + body.hint + ')' : ''));
        }
        await readEvents(res, function (name, data) {
          if (name === 'delta') {
            stream.appendChild(document.createTextNode(data.text));
            status.textContent = 'streaming…';
          } else if (name === 'result') {
            stream.replaceChildren();
            showResult(out, data);
            status.textContent = 'judged in ' + Math.round(performance.now() - started) + ' ms' + (data.cached ? ' (cached answer)' : '');
          } else if (name === 'error') {
            status.textContent = 'error: ' + data.message;
          }
        });
      } catch (err) {
        status.textContent = 'error: ' + err.message;
      } finally {
        go.disabled = false;
      }
    });
    app.replaceChildren(el('h1', { text: 'Playground' }), form, status, stream, out);
  }

  // ---- runs ----------------------------------------------------------------------------------------------------

  function caseTable(cases, models, changeKey) {
    const categories = Array.from(new Set(cases.map((c) => c.category))).sort();
    const cat = el('select', { id: 'filter-category' }, [el('option', { value: '' }, 'all categories')].concat(categories.map((c) => el('option', { value: c }, c))));
    const verdicts = changeKey ? ['regression', 'improvement', 'unchanged'] : ['pass', 'fail', 'partial', 'error'];
    const verdict = el('select', { id: 'filter-verdict' }, [el('option', { value: '' }, 'all verdicts')].concat(verdicts.map((v) => el('option', { value: v }, v))));
    const count = el('span', { class: 'muted', id: 'case-count' });
    const body = el('tbody');
    function render() {
      const rows = cases.filter(function (c) {
        if (cat.value && c.category !== cat.value) return false;
        if (!verdict.value) return true;
        return changeKey ? c.change === verdict.value : c.cells.some((x) => x.status === verdict.value);
      });
      body.replaceChildren.apply(
        body,
        rows.map((c) =>
          el('tr', { 'data-case': c.caseId }, [el('td', { text: c.caseId }), el('td', { text: c.category })]
            .concat(c.cells.map((x) => el('td', { class: x.status }, fixed(x.score, 1) + ' ' + x.status)))
            .concat(changeKey ? [el('td', { class: c.change, text: c.change })] : [])),
        ),
      );
      count.textContent = rows.length + ' of ' + cases.length + ' cases';
    }
    cat.addEventListener('change', render);
    verdict.addEventListener('change', render);
    render();
    return el('div', {}, [
      el('div', { class: 'filters' }, [el('label', {}, ['Category ', cat]), el('label', {}, ['Verdict ', verdict]), count]),
      el('table', { id: 'cases' }, [el('thead', {}, el('tr', {}, [el('th', { text: 'case' }), el('th', { text: 'category' })].concat(models.map((m) => el('th', { text: m }))).concat(changeKey ? [el('th', { text: 'change' })] : []))), body]),
    ]);
  }

  async function runs() {
    const list = await getJson('/api/runs');
    const detail = el('section', { id: 'detail' });
    if (list.length === 0) {
      app.replaceChildren(el('h1', { text: 'Runs' }), el('p', { class: 'muted', id: 'no-runs' }, 'No runs stored yet: start one with `l4d2-eval run`.'));
      return;
    }
    const picks = [];
    for (const r of list) {
      picks.push({ value: r.runId, text: r.runId + ' (' + r.models.map((m) => m.label).join(', ') + ')' });
      if (r.models.length > 1) for (const m of r.models) picks.push({ value: r.runId + ':' + m.label, text: r.runId + ' · ' + m.label });
    }
    const pickSelect = (id, index) => el('select', { id: id }, picks.map((p, i) => el('option', { value: p.value, selected: i === index }, p.text)));
    const a = pickSelect('compare-a', Math.min(1, picks.length - 1));
    const b = pickSelect('compare-b', 0);
    async function showRun(runId) {
      try {
        const d = await getJson('/api/run?run=' + encodeURIComponent(runId));
        detail.replaceChildren(
          el('h2', {}, 'Run ' + d.runId + ' · ' + d.suite + ' · ' + d.status),
          el('p', {}, [el('a', { href: '/report?run=' + encodeURIComponent(d.runId), target: '_blank', rel: 'noopener' }, 'Open the HTML report')]),
          el('ul', { class: 'models' }, d.models.map((m) => el('li', {}, m.label + ': avg ' + fixed(m.avgScore) + ', pass ' + pct(m.passRate) + (m.errors ? ', ' + m.errors + ' errors' : '') + ', cost ' + usd(m.costUsd)))),
          caseTable(d.cases, d.models.map((m) => m.label), false),
        );
      } catch (err) {
        detail.replaceChildren(el('p', { class: 'error' }, err.message));
      }
    }
    async function compare() {
      try {
        const q = 'a=' + encodeURIComponent(a.value) + '&b=' + encodeURIComponent(b.value);
        const c = await getJson('/api/compare?' + q);
        detail.replaceChildren(
          el('h2', {}, 'Compare ' + c.models.map((m) => m.label).join(' vs ')),
          el('p', {}, [el('a', { id: 'compare-report', href: '/report?' + q, target: '_blank', rel: 'noopener' }, 'Open side by side (HTML report)')]),
          el('table', { id: 'compare-models' }, [
            el('thead', {}, el('tr', {}, ['model', 'avg score', '95% CI', 'pass rate', 'compile rate'].map((h) => el('th', { text: h })))),
            el('tbody', {}, c.models.map((m) => el('tr', {}, [el('td', { text: m.label + (m.baseline ? ' (baseline)' : '') }), el('td', { text: fixed(m.avgScore) }), el('td', { text: m.scoreCi ? fixed(m.scoreCi.low) + '–' + fixed(m.scoreCi.high) : '–' }), el('td', { text: pct(m.passRate) }), el('td', { text: pct(m.compileRate) })]))),
          ]),
          c.verdict ? el('p', { id: 'verdict', class: 'verdict ' + c.verdict.kind }, c.verdict.text + ' · ' + c.verdict.regressions + ' regressed, ' + c.verdict.improvements + ' improved') : null,
          caseTable(c.cases, c.models.map((m) => m.label), true),
        );
      } catch (err) {
        detail.replaceChildren(el('p', { class: 'error' }, err.message));
      }
    }
    const table = el('table', { id: 'runs' }, [
      el('thead', {}, el('tr', {}, ['run', 'started', 'suite', 'status', 'scores', ''].map((h) => el('th', { text: h })))),
      el('tbody', {}, list.map((r) =>
        el('tr', { 'data-run': r.runId }, [
          el('td', { text: r.runId }),
          el('td', { text: r.startedAt.replace('T', ' ').slice(0, 19) }),
          el('td', { text: r.suite }),
          el('td', { text: r.status }),
          el('td', { text: r.models.map((m) => m.label + ' ' + fixed(m.avgScore) + (m.errors ? ' (' + m.errors + ' err)' : '')).join(', ') }),
          el('td', {}, [
            el('button', { type: 'button', class: 'show-run', onclick: () => showRun(r.runId) }, 'Cases'),
            ' ',
            el('a', { href: '/report?run=' + encodeURIComponent(r.runId), target: '_blank', rel: 'noopener', class: 'open-report' }, 'Report'),
          ]),
        ]),
      )),
    ]);
    const cmp = el('form', { id: 'compare', class: 'filters' }, [el('label', {}, ['Baseline ', a]), el('label', {}, ['Candidate ', b]), el('button', { type: 'submit' }, 'Compare')]);
    cmp.addEventListener('submit', function (ev) {
      ev.preventDefault();
      compare();
    });
    app.replaceChildren(el('h1', { text: 'Runs' }), table, el('h2', { text: 'Compare two runs or models' }), cmp, detail);
  }

  const start = document.body.dataset.page === 'runs' ? runs : playground;
  start().catch(function (err) {
    app.replaceChildren(el('p', { class: 'error' }, 'error: ' + err.message));
  });
})();
