// The dyad dashboard. Plain DOM: every piece of data (article text, names, evidence) is
// written with text nodes or attributes, never parsed as HTML, so an article containing
// markup shows the markup as characters.
'use strict';

const MODES = ['asserted', 'reported', 'alleged', 'future', 'hypothetical', 'negated'];
const MODE_HELP = {
  asserted: 'the text states it happened',
  reported: 'it happened according to a source',
  alleged: 'attributed with doubt',
  future: 'announced, planned or threatened',
  hypothetical: 'conditional or counterfactual',
  negated: 'did not happen, or denied',
};
const QUADS = ['verbal cooperation', 'material cooperation', 'verbal conflict', 'material conflict'];
const SVG_NS = 'http://www.w3.org/2000/svg';
const encoder = new TextEncoder();
const decoder = new TextDecoder();

// ---------- small DOM helpers (text only) ----------

function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  setAttrs(node, attrs);
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

function svg(tag, attrs, ...children) {
  const node = document.createElementNS(SVG_NS, tag);
  setAttrs(node, attrs);
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

function setAttrs(node, attrs) {
  for (const [key, value] of Object.entries(attrs || {})) {
    if (value === null || value === undefined || value === false) continue;
    if (key.startsWith('on')) node.addEventListener(key.slice(2), value);
    else node.setAttribute(key, String(value));
  }
}

function clear(node) {
  while (node.firstChild) node.removeChild(node.firstChild);
  return node;
}

const $ = (id) => document.getElementById(id);

// ---------- API ----------

async function api(path, params) {
  const query = new URLSearchParams();
  for (const [k, v] of Object.entries(params || {})) {
    if (v !== undefined && v !== null && String(v) !== '') query.set(k, v);
  }
  const url = '/api/' + path + (query.toString() ? '?' + query : '');
  const response = await fetch(url, { headers: { Accept: 'application/json' } });
  const body = await response.json();
  if (!response.ok) throw new Error(body.error || response.statusText);
  return body;
}

function showError(error) {
  const node = $('error');
  node.textContent = error ? String(error.message || error) : '';
  node.hidden = !error;
}

// ---------- state: the filters and the view, kept in the URL hash ----------

const FILTER_KEYS = ['a', 'b', 'code', 'from', 'to', 'text'];
const state = { view: 'dyad', modes: MODES.slice(), params: {} };

function readHash() {
  const [view, query] = location.hash.replace(/^#/, '').split('?');
  state.view = ['dyad', 'timeline', 'network', 'map', 'events', 'article'].includes(view) ? view : 'dyad';
  state.params = Object.fromEntries(new URLSearchParams(query || ''));
  state.modes = state.params.modes ? state.params.modes.split(',').filter((m) => MODES.includes(m)) : MODES.slice();
  const form = $('filters');
  for (const key of FILTER_KEYS) form.elements[key].value = state.params[key] || '';
  for (const box of document.querySelectorAll('#modes input')) box.checked = state.modes.includes(box.value);
}

function writeHash(view, extra) {
  const params = {};
  const form = $('filters');
  for (const key of FILTER_KEYS) if (form.elements[key].value.trim()) params[key] = form.elements[key].value.trim();
  const modes = [...document.querySelectorAll('#modes input')].filter((b) => b.checked).map((b) => b.value);
  if (modes.length !== MODES.length) params.modes = modes.join(',');
  Object.assign(params, extra || {});
  for (const key of Object.keys(params)) if (params[key] === '' || params[key] === undefined) delete params[key];
  const query = new URLSearchParams(params).toString();
  const hash = '#' + view + (query ? '?' + query : '');
  if (location.hash === hash) render();
  else location.hash = hash;
}

// The event filters of the API, from the state.
function filters(extra) {
  const p = {};
  for (const key of FILTER_KEYS) if (state.params[key]) p[key] = state.params[key];
  // No mode ticked reads as every mode, as in the URL.
  p.modes = state.modes.length === MODES.length ? '' : state.modes.join(',');
  return Object.assign(p, extra || {});
}

// ---------- shared pieces ----------

function modeBadge(mode) {
  return el('span', { class: 'mode mode-' + mode, title: mode + ': ' + MODE_HELP[mode] }, mode);
}

function precisionBadge(date) {
  if (!date || !date.value) return el('span', { class: 'date undated', title: 'no date found' }, 'undated');
  return el('span', { class: 'date', title: 'date from ' + date.basis },
    date.value, ' ', el('span', { class: 'precision precision-' + date.precision }, date.precision));
}

function actorLabel(actor) {
  if (!actor) return '—';
  const code = actor.code || actor.country || '';
  const name = actor.name || actor.text;
  return code ? code + ' (' + name + ')' : name;
}

function quadSwatch(q) {
  return el('span', { class: 'swatch q' + q, title: 'quad class ' + q + ': ' + QUADS[q - 1] }, 'Q' + q);
}

// Marks byte spans of `text` (UTF-8 offsets, as the API gives them): a list of
// {start, end, className, title?, onclick?}. Overlaps nest: a piece between two
// boundaries gets the classes of every span covering it.
function markedText(text, spans) {
  const bytes = encoder.encode(text);
  const cuts = new Set([0, bytes.length]);
  for (const s of spans) {
    if (s.start >= 0 && s.end <= bytes.length && s.start < s.end) { cuts.add(s.start); cuts.add(s.end); }
  }
  const points = [...cuts].sort((x, y) => x - y);
  const out = document.createDocumentFragment();
  for (let i = 0; i + 1 < points.length; i++) {
    const [from, to] = [points[i], points[i + 1]];
    const piece = decoder.decode(bytes.subarray(from, to));
    const covering = spans.filter((s) => s.start <= from && s.end >= to);
    if (covering.length === 0) { out.append(document.createTextNode(piece)); continue; }
    const node = el('span', {
      class: covering.map((s) => s.className).join(' '),
      title: covering.map((s) => s.title).filter(Boolean).join('\n') || null,
    }, piece);
    const click = covering.find((s) => s.onclick);
    if (click) { node.addEventListener('click', click.onclick); node.classList.add('clickable'); }
    out.append(node);
  }
  return out;
}

// A table of events; clicking a row opens its evidence.
function eventTable(events) {
  if (events.length === 0) return el('p', { class: 'muted' }, 'No event matches.');
  const rows = events.map((e) => {
    const ev = e.event;
    const chain = ev.attribution.map((a) => a.text).join(' → ');
    const row = el('tr', { class: 'event-row row-' + ev.mode, tabindex: 0, 'data-event': e.event_id, 'data-sourced': chain ? 'true' : 'false' },
      el('td', {}, precisionBadge(ev.date)),
      el('td', {}, actorLabel(ev.source)),
      el('td', {}, quadSwatch(ev.quad_class), ' ', ev.cameo, ' ', ev.cameo_name),
      el('td', {}, actorLabel(ev.target)),
      el('td', {}, modeBadge(ev.mode)),
      el('td', { class: 'according' }, chain),
      el('td', { class: 'num' }, ev.goldstein.toFixed(1)),
      el('td', { class: 'num', title: e.num_articles + ' articles, ' + e.num_sources + ' outlets' }, e.num_mentions),
      el('td', { class: 'evidence-cell' }, e.evidence));
    row.addEventListener('click', () => openEvidence(e.event_id));
    row.addEventListener('keydown', (k) => { if (k.key === 'Enter') openEvidence(e.event_id); });
    return row;
  });
  return el('table', { class: 'events' },
    el('thead', {}, el('tr', {}, ['Date', 'Source', 'Event', 'Target', 'Mode', 'According to', 'Goldstein', 'Reports', 'Evidence'].map((h) => el('th', {}, h)))),
    el('tbody', {}, rows));
}

// ---------- evidence panel ----------

async function openEvidence(id) {
  const panel = $('evidence');
  const body = clear($('evidence-body'));
  panel.hidden = false;
  body.append(el('p', { class: 'muted' }, 'Loading…'));
  try {
    const detail = await api('events/' + encodeURIComponent(id));
    clear(body);
    const first = detail.mentions[0].event;
    body.append(
      el('h3', {}, actorLabel(first.source), ' → ', first.cameo, ' ', first.cameo_name, ' → ', actorLabel(first.target)),
      el('p', {}, modeBadge(first.mode), ' ', quadSwatch(first.quad_class), ' Goldstein ', first.goldstein.toFixed(1), ' · ', precisionBadge(first.date)),
      el('p', { class: 'muted' }, detail.mentions.length + (detail.mentions.length === 1 ? ' report' : ' reports')));
    for (const m of detail.mentions) body.append(mentionBlock(m));
  } catch (error) {
    clear(body).append(el('p', { class: 'error' }, String(error.message)));
  }
}

function mentionBlock(m) {
  const ev = m.event;
  const marks = m.marks.map((k) => ({ start: k.start, end: k.end, className: 'hl-' + k.kind, title: k.kind }));
  const chain = ev.attribution.length === 0
    ? el('span', { class: 'muted' }, ev.mode === 'asserted' ? 'stated by the article itself' : 'no source named')
    : ev.attribution.map((a, i) => [i > 0 ? el('span', { class: 'arrow' }, ' → ') : null,
        el('span', { class: 'source-link kind-' + a.kind, title: a.kind + (a.actor ? ' · ' + actorLabel(a.actor) : '') },
          el('span', { class: 'source-text' }, a.text), ' ', el('small', {}, '(' + a.kind + ')'))]);
  return el('div', { class: 'mention mention-' + ev.mode },
    el('blockquote', { class: 'sentence' }, markedText(m.evidence, marks)),
    el('p', { class: 'attribution' }, el('strong', {}, 'According to: '), chain),
    el('p', { class: 'muted' },
      modeBadge(ev.mode), ' ', m.outlet || '', m.outlet ? ' · ' : '', m.title || m.document_id, ' · ',
      el('a', { href: '#article?id=' + encodeURIComponent(m.content_hash) + '&event=' + encodeURIComponent(ev.id) }, 'open article'),
      m.merge_reason ? ' · merged: ' + m.merge_reason : ''));
}

// ---------- view 1: dyad escalation ----------

async function renderDyad() {
  const a = state.params.a, b = state.params.b;
  const chart = clear($('dyad-chart'));
  const list = clear($('dyad-events'));
  renderDyadLegend();
  if (!a || !b) {
    $('dyad-title').textContent = 'Dyad escalation';
    chart.append(el('p', { class: 'muted' }, 'Choose two actors (Actor A and Actor B above, e.g. USA and VEN) and Apply, or click an edge of the network.'));
    return;
  }
  $('dyad-title').textContent = a + ' – ' + b + ': escalation';
  // Weeks, or days when all events fall in a few weeks, unless asked otherwise; the chart
  // and the event list are fetched at once.
  const [trend, page] = await Promise.all([
    api('trend', filters({ by: state.params.by || 'auto' })),
    api('events', filters({ limit: 200 })),
  ]);
  const by = trend.by;
  $('dyad-by').value = by;
  if (trend.periods.length === 0) {
    chart.append(el('p', { class: 'muted' }, 'No dated event between ' + a + ' and ' + b + ' at this period length.'));
  } else {
    chart.append(escalationChart(trend, (period) => {
      writeHash('dyad', { by, from: period.start, to: periodEnd(period.start, by) });
    }));
  }
  if (trend.too_coarse > 0) {
    chart.append(el('p', { class: 'muted' }, trend.too_coarse + ' events dated more coarsely than a ' + by + ' (or undated) are not in the chart; they are listed below.'));
  }
  $('dyad-list-title').textContent = 'Events (' + page.events.length + (page.events.length === page.limit ? '+' : '') + ')';
  list.append(eventTable(page.events));
}

function periodEnd(start, by) {
  const d = new Date(start + 'T00:00:00Z');
  if (by === 'day') return start;
  if (by === 'week') { d.setUTCDate(d.getUTCDate() + 6); return d.toISOString().slice(0, 10); }
  return start.slice(0, 7);
}

const MODE_STYLE = {
  asserted: 'solid', reported: 'solid', alleged: 'hatched',
  future: 'outline', hypothetical: 'outline', negated: 'dotted',
};

function escalationChart(trend, onPick) {
  const periods = trend.periods;
  const m = { l: 44, r: 48, t: 16, b: 56 };
  const bw = Math.max(4, Math.min(56, 1100 / periods.length));
  const W = Math.max(480, m.l + m.r + bw * periods.length), H = 300;
  const iw = bw * periods.length, ih = H - m.t - m.b;
  const maxCount = Math.max(1, ...periods.map((p) => p.events));
  const y = (n) => m.t + ih - (n / maxCount) * ih;
  const g = (v) => m.t + ih / 2 - (v / 10) * (ih / 2);
  const root = svg('svg', { viewBox: `0 0 ${W} ${H}`, width: W, height: H, class: 'escalation', role: 'img', 'aria-label': 'escalation chart' });
  root.append(patterns());
  // Axes.
  for (let i = 0; i <= 4; i++) {
    const n = Math.round((maxCount * i) / 4);
    root.append(svg('line', { x1: m.l, x2: m.l + iw, y1: y(n), y2: y(n), class: 'grid' }),
      svg('text', { x: m.l - 6, y: y(n) + 4, class: 'axis', 'text-anchor': 'end' }, n));
  }
  for (const v of [-10, 0, 10]) {
    root.append(svg('text', { x: m.l + iw + 6, y: g(v) + 4, class: 'axis goldstein-axis' }, (v > 0 ? '+' : '') + v));
  }
  root.append(svg('text', { x: 12, y: m.t + ih / 2, class: 'axis', transform: `rotate(-90 12 ${m.t + ih / 2})`, 'text-anchor': 'middle' }, 'events'),
    svg('text', { x: m.l + iw + 40, y: m.t + ih / 2, class: 'axis goldstein-axis', transform: `rotate(90 ${m.l + iw + 40} ${m.t + ih / 2})`, 'text-anchor': 'middle' }, 'mean Goldstein'));
  const labelEvery = Math.max(1, Math.ceil(periods.length / Math.max(1, Math.floor(iw / 40))));
  periods.forEach((p, i) => {
    const x = m.l + i * bw;
    let base = 0;
    const group = svg('g', { class: 'bar', 'data-period': p.period });
    for (let q = 1; q <= 4; q++) {
      for (const mode of MODES) {
        const n = (p.modes[mode] || [0, 0, 0, 0])[q - 1];
        if (!n) continue;
        const style = MODE_STYLE[mode];
        group.append(svg('rect', {
          x: x + 2, width: Math.max(2, bw - 4), y: y(base + n), height: y(base) - y(base + n),
          class: `seg q${q} seg-${style}`,
          fill: style === 'hatched' ? `url(#hatch-q${q})` : null,
        }, svg('title', {}, `${p.period}: ${n} ${mode} · ${QUADS[q - 1]}`)));
        base += n;
      }
    }
    group.append(svg('rect', { x, width: bw, y: m.t, height: ih, class: 'hit' },
      svg('title', {}, `${p.period}: ${p.events} events, mean Goldstein ${p.goldstein_mean.toFixed(2)}${p.escalation ? ' — ESCALATION' : ''}`)));
    group.addEventListener('click', () => onPick(p));
    root.append(group);
    if (p.escalation) root.append(svg('text', { x: x + bw / 2, y: y(p.events) - 4, class: 'escalation-flag', 'text-anchor': 'middle' }, '▲'));
    if (i % labelEvery === 0) {
      root.append(svg('text', { x: x + bw / 2, y: H - m.b + 14, class: 'axis', 'text-anchor': 'end', transform: `rotate(-40 ${x + bw / 2} ${H - m.b + 14})` }, p.period));
    }
  });
  // The Goldstein line, over periods with events.
  const points = periods.map((p, i) => (p.events ? [m.l + i * bw + bw / 2, g(p.goldstein_mean)] : null));
  let d = '';
  let pen = false;
  for (const pt of points) {
    if (!pt) { pen = false; continue; }
    d += (pen ? 'L' : 'M') + pt[0].toFixed(1) + ' ' + pt[1].toFixed(1) + ' ';
    pen = true;
  }
  root.append(svg('line', { x1: m.l, x2: m.l + iw, y1: g(0), y2: g(0), class: 'zero' }));
  if (d) root.append(svg('path', { d, class: 'goldstein-line' }));
  for (const pt of points) if (pt) root.append(svg('circle', { cx: pt[0], cy: pt[1], r: 3, class: 'goldstein-dot' }));
  return root;
}

function patterns() {
  const defs = svg('defs', {});
  for (let q = 1; q <= 4; q++) {
    defs.append(svg('pattern', { id: 'hatch-q' + q, width: 6, height: 6, patternUnits: 'userSpaceOnUse', patternTransform: 'rotate(45)' },
      svg('rect', { width: 6, height: 6, class: 'hatch-bg' }),
      svg('line', { x1: 0, y1: 0, x2: 0, y2: 6, class: 'hatch q' + q })));
  }
  return defs;
}

function renderDyadLegend() {
  const legend = clear($('dyad-legend'));
  for (let q = 1; q <= 4; q++) legend.append(el('span', { class: 'legend-item' }, el('span', { class: 'key q' + q }), QUADS[q - 1]));
  legend.append(el('span', { class: 'legend-item' }, el('span', { class: 'key key-solid' }), 'asserted / reported'),
    el('span', { class: 'legend-item' }, el('span', { class: 'key key-hatched' }), 'alleged'),
    el('span', { class: 'legend-item' }, el('span', { class: 'key key-outline' }), 'future / hypothetical'),
    el('span', { class: 'legend-item' }, el('span', { class: 'key key-dotted' }), 'negated'),
    el('span', { class: 'legend-item' }, el('span', { class: 'key key-line' }), 'mean Goldstein'),
    el('span', { class: 'legend-item' }, '▲ escalation'));
}

// ---------- view 2: timeline ----------

// The first and last day (UTC ms) a TimeML date value stands for, or null.
function dayRange(value) {
  if (!value) return null;
  let m;
  const day = 86400000;
  if ((m = /^(\d{4})-(\d{2})-(\d{2})/.exec(value))) {
    const t = Date.UTC(+m[1], +m[2] - 1, +m[3]);
    return [t, t];
  }
  if ((m = /^(\d{4})-W(\d{2})/.exec(value))) {
    const jan4 = Date.UTC(+m[1], 0, 4);
    const monday = jan4 - ((new Date(jan4).getUTCDay() + 6) % 7) * day + (+m[2] - 1) * 7 * day;
    return [monday, monday + 6 * day];
  }
  if ((m = /^(\d{4})-(\d{2})$/.exec(value))) return [Date.UTC(+m[1], +m[2] - 1, 1), Date.UTC(+m[1], +m[2], 0)];
  if ((m = /^(\d{4})$/.exec(value))) return [Date.UTC(+m[1], 0, 1), Date.UTC(+m[1], 11, 31)];
  return null;
}

async function renderTimeline() {
  const chart = clear($('timeline-chart'));
  const list = clear($('timeline-list'));
  const page = await api('events', filters({ sort: 'date', limit: 400 }));
  const dated = [], undated = [];
  for (const e of page.events) (dayRange(e.event.date.value) ? dated : undated).push(e);
  if (dated.length) chart.append(timelineChart(dated));
  else chart.append(el('p', { class: 'muted' }, 'No dated event matches the filters.'));
  list.append(el('h3', {}, 'Events in date order'), eventTable(dated.concat(undated)));
}

function timelineChart(events) {
  const ranges = events.map((e) => dayRange(e.event.date.value));
  const min = Math.min(...ranges.map((r) => r[0]));
  const max = Math.max(...ranges.map((r) => r[1])) + 86400000;
  const W = 1100, m = { l: 10, r: 10, t: 24 }, lane = 14;
  // Greedy lanes: an event goes in the first lane free at its start.
  const laneEnds = [];
  const x = (t) => m.l + ((t - min) / Math.max(1, max - min)) * (W - m.l - m.r);
  const placed = events.map((e, i) => {
    const [s, t] = ranges[i];
    const x1 = x(s), x2 = Math.max(x(t + 86400000), x1 + 6);
    let l = laneEnds.findIndex((end) => end <= x1 - 2);
    if (l < 0) { l = laneEnds.length; laneEnds.push(0); }
    laneEnds[l] = x2;
    return { e, x1, x2, l };
  });
  const H = m.t + laneEnds.length * lane + 30;
  const root = svg('svg', { viewBox: `0 0 ${W} ${H}`, width: W, height: H, class: 'timeline', role: 'img', 'aria-label': 'timeline' });
  root.append(patterns());
  // Ticks of days, months or years, by the span shown.
  const spanDays = (max - min) / 86400000;
  const unit = spanDays <= 45 ? 'day' : spanDays <= 900 ? 'month' : 'year';
  const ticks = [];
  const d = new Date(min);
  if (unit !== 'day') d.setUTCDate(1);
  if (unit === 'year') d.setUTCMonth(0);
  while (d.getTime() <= max) {
    if (d.getTime() >= min) ticks.push(d.getTime());
    if (unit === 'day') d.setUTCDate(d.getUTCDate() + 1);
    else if (unit === 'month') d.setUTCMonth(d.getUTCMonth() + 1);
    else d.setUTCFullYear(d.getUTCFullYear() + 1);
  }
  const every = Math.ceil(ticks.length / 12);
  const width = { day: 10, month: 7, year: 4 }[unit];
  let lastLabel = -Infinity;
  ticks.forEach((t, i) => {
    if (i % every) return;
    root.append(svg('line', { x1: x(t), x2: x(t), y1: m.t - 6, y2: H - 24, class: 'grid' }));
    // A label only where it fits: after the previous one, inside the chart.
    if (x(t) - lastLabel < 8 * width || x(t) > W - 8 * width) return;
    lastLabel = x(t);
    root.append(svg('text', { x: x(t) + 2, y: m.t - 10, class: 'axis' }, new Date(t).toISOString().slice(0, width)));
  });
  for (const p of placed) {
    const ev = p.e.event;
    const y = m.t + p.l * lane;
    const style = MODE_STYLE[ev.mode];
    const title = svg('title', {}, `${ev.date.value} (${ev.date.precision}) · ${actorLabel(ev.source)} ${ev.cameo_name} ${actorLabel(ev.target)} · ${ev.mode}`);
    const shape = ev.date.precision === 'day'
      ? svg('circle', { cx: (p.x1 + p.x2) / 2, cy: y + 5, r: 5, class: `mark q${ev.quad_class} seg-${style}` }, title)
      : svg('rect', { x: p.x1, y: y, width: p.x2 - p.x1, height: 10, rx: 3, class: `mark q${ev.quad_class} seg-${style}`, fill: style === 'hatched' ? `url(#hatch-q${ev.quad_class})` : null }, title);
    shape.addEventListener('click', () => openEvidence(p.e.event_id));
    root.append(shape);
  }
  root.append(svg('text', { x: m.l, y: H - 8, class: 'axis' }, 'dot: dated to the day · bar: dated to a week, month or year (its whole span)'));
  return root;
}

// ---------- view 3: actor network ----------

async function renderNetwork() {
  const chart = clear($('network-chart'));
  const level = state.params.level || 'country';
  const limit = state.params.edges || '60';
  $('network-level').value = level;
  $('network-limit').value = limit;
  const p = filters({ level, limit });
  // The dyad picker narrows the network to one actor's neighbourhood when only A is given.
  if (p.a && p.b) { delete p.a; delete p.b; }
  const edges = await api('network', p);
  if (edges.length === 0) { chart.append(el('p', { class: 'muted' }, 'No event with a target matches.')); return; }
  chart.append(networkChart(edges));
}

function goldsteinColour(v) {
  // Red (-10) through grey (0) to green (+10).
  const t = Math.max(-1, Math.min(1, v / 10));
  const grey = [150, 150, 150];
  const end = t < 0 ? [200, 30, 30] : [30, 150, 60];
  const k = Math.abs(t) ** 0.7;
  const c = grey.map((g, i) => Math.round(g + (end[i] - g) * k));
  return `rgb(${c[0]},${c[1]},${c[2]})`;
}

function networkChart(edges) {
  const W = 960, H = 620;
  const nodes = new Map();
  for (const e of edges) {
    for (const id of [e.source, e.target]) {
      if (!nodes.has(id)) nodes.set(id, { id, events: 0, x: 0, y: 0, vx: 0, vy: 0 });
    }
    nodes.get(e.source).events += e.events;
    if (e.target !== e.source) nodes.get(e.target).events += e.events;
  }
  const list = [...nodes.values()].sort((a, b) => b.events - a.events || (a.id < b.id ? -1 : 1));
  // Fruchterman–Reingold layout from a circle (deterministic): a fixed number of steps,
  // each moving a node at most the current temperature.
  list.forEach((n, i) => {
    const angle = (2 * Math.PI * i) / list.length;
    n.x = W / 2 + Math.cos(angle) * W * 0.3;
    n.y = H / 2 + Math.sin(angle) * H * 0.3;
  });
  const k = 0.5 * Math.sqrt(((W - 100) * (H - 70)) / list.length);
  let temperature = W / 8;
  for (let step = 0; step < 250; step++) {
    for (const n of list) { n.vx = 0; n.vy = 0; }
    for (let i = 0; i < list.length; i++) {
      for (let j = i + 1; j < list.length; j++) {
        const a = list[i], b = list[j];
        // Two nodes on one spot are parted along a direction fixed by their ranks.
        const dx = a.x - b.x || Math.cos(i + j), dy = a.y - b.y || Math.sin(i + j);
        const d = Math.max(Math.hypot(dx, dy), 1);
        const f = (k * k) / d;
        a.vx += (dx / d) * f; a.vy += (dy / d) * f;
        b.vx -= (dx / d) * f; b.vy -= (dy / d) * f;
      }
    }
    for (const e of edges) {
      const a = nodes.get(e.source), b = nodes.get(e.target);
      if (a === b) continue;
      const dx = a.x - b.x, dy = a.y - b.y;
      const d = Math.max(Math.hypot(dx, dy), 1);
      const f = (d * d) / k;
      a.vx -= (dx / d) * f; a.vy -= (dy / d) * f;
      b.vx += (dx / d) * f; b.vy += (dy / d) * f;
    }
    for (const n of list) {
      // A weak pull to the centre keeps unconnected parts on the page.
      n.vx += (W / 2 - n.x) * 0.12; n.vy += (H / 2 - n.y) * 0.12;
      const d = Math.max(Math.hypot(n.vx, n.vy), 0.01);
      n.x = Math.max(50, Math.min(W - 50, n.x + (n.vx / d) * Math.min(d, temperature)));
      n.y = Math.max(30, Math.min(H - 40, n.y + (n.vy / d) * Math.min(d, temperature)));
    }
    temperature = Math.max(1, temperature * 0.97);
  }
  const root = svg('svg', { viewBox: `0 0 ${W} ${H}`, width: W, height: H, class: 'network', role: 'img', 'aria-label': 'actor network' });
  root.append(svg('defs', {}, svg('marker', { id: 'arrow', viewBox: '0 0 10 10', refX: 10, refY: 5, markerWidth: 6, markerHeight: 6, orient: 'auto-start-reverse' },
    svg('path', { d: 'M0 0 L10 5 L0 10 z', class: 'arrowhead' }))));
  const maxEvents = Math.max(...edges.map((e) => e.events));
  const radius = (n) => 6 + 14 * Math.sqrt(n.events / Math.max(1, list[0].events));
  for (const e of edges) {
    const a = nodes.get(e.source), b = nodes.get(e.target);
    const modes = Object.entries(e.by_mode).map(([k, v]) => `${v} ${k}`).join(', ');
    const title = svg('title', {}, `${e.source} → ${e.target}: ${e.events} events, mean Goldstein ${e.goldstein_mean.toFixed(2)} (${modes})`);
    let path;
    if (a === b) {
      path = svg('path', { d: `M${a.x} ${a.y - 8} c -30 -40, 30 -40, 4 -2`, class: 'edge' }, title);
    } else {
      // Curved, so that A→B and B→A are two visible edges.
      const mx = (a.x + b.x) / 2, my = (a.y + b.y) / 2;
      const dx = b.x - a.x, dy = b.y - a.y, len = Math.hypot(dx, dy) || 1;
      const cx = mx - (dy / len) * 24, cy = my + (dx / len) * 24;
      const rb = radius(b) + 2;
      const dc = Math.hypot(b.x - cx, b.y - cy) || 1;
      const ex = b.x - ((b.x - cx) / dc) * rb;
      const ey = b.y - ((b.y - cy) / dc) * rb;
      path = svg('path', { d: `M${a.x.toFixed(1)} ${a.y.toFixed(1)} Q${cx.toFixed(1)} ${cy.toFixed(1)} ${ex.toFixed(1)} ${ey.toFixed(1)}`, class: 'edge', 'marker-end': 'url(#arrow)' }, title);
    }
    path.style.stroke = goldsteinColour(e.goldstein_mean);
    path.style.strokeWidth = (1 + 7 * Math.sqrt(e.events / maxEvents)).toFixed(1);
    path.addEventListener('click', () => {
      const form = $('filters');
      form.elements.a.value = e.source;
      form.elements.b.value = e.target;
      writeHash('dyad');
    });
    root.append(path);
  }
  for (const n of list) {
    const g = svg('g', { class: 'node' },
      svg('circle', { cx: n.x, cy: n.y, r: radius(n) }, svg('title', {}, `${n.id}: ${n.events} events`)),
      svg('text', { x: n.x, y: n.y - radius(n) - 3, 'text-anchor': 'middle' }, n.id));
    g.addEventListener('click', () => {
      const form = $('filters');
      form.elements.a.value = n.id;
      form.elements.b.value = '';
      writeHash('events');
    });
    root.append(g);
  }
  const legend = svg('g', { class: 'axis' });
  [-10, -5, 0, 5, 10].forEach((v, i) => {
    legend.append(svg('rect', { x: 10 + i * 34, y: H - 22, width: 30, height: 8, fill: goldsteinColour(v) }),
      svg('text', { x: 10 + i * 34, y: H - 4 }, (v > 0 ? '+' : '') + v));
  });
  legend.append(svg('text', { x: 186, y: H - 14 }, 'mean Goldstein of the edge'));
  root.append(legend);
  return root;
}

// ---------- view: map ----------

// The country outlines (TopoJSON from the world-atlas package, served by dyad itself),
// decoded once into projected SVG paths keyed by ISO 3166-1 numeric code.
let worldShapes = null;

async function world() {
  if (worldShapes) return worldShapes;
  const response = await fetch('/world.json');
  if (!response.ok) throw new Error('the map outlines could not be loaded: ' + response.statusText);
  worldShapes = decodeWorld(await response.json());
  return worldShapes;
}

// Natural Earth projection (Šavrič, Jenny, Patterson and Hurni 2011): longitude and
// latitude in degrees → x, y in units of the earth's radius (y up).
function naturalEarth(lon, lat) {
  const l = (lon * Math.PI) / 180, p = (lat * Math.PI) / 180;
  const p2 = p * p, p4 = p2 * p2;
  const x = l * (0.8707 - 0.131979 * p2 + p4 * (-0.013791 + p4 * (0.003971 * p2 - 0.001529 * p4)));
  const y = p * (1.007226 + p2 * (0.015085 + p4 * (-0.044475 + 0.028874 * p2 - 0.005916 * p4)));
  return [x, y];
}

const MAP_W = 960;

// TopoJSON: shared arcs of quantized, delta-encoded points; a polygon's rings list arc
// indices (a negative index ~i is arc i reversed). Antarctica (010) is left out. The
// frame spans longitudes −180 to 180 and latitudes −57 to 84.
function decodeWorld(topology) {
  const [sx, sy] = topology.transform.scale;
  const [tx, ty] = topology.transform.translate;
  const arcs = topology.arcs.map((arc) => {
    let x = 0, y = 0;
    return arc.map(([dx, dy]) => { x += dx; y += dy; return [x * sx + tx, y * sy + ty]; });
  });
  const ring = (indices) => {
    const points = [];
    for (const index of indices) {
      const arc = index < 0 ? arcs[~index].slice().reverse() : arcs[index];
      // Consecutive arcs share their end point.
      points.push(...(points.length ? arc.slice(1) : arc));
    }
    // A ring that crosses the antimeridian (Russia's far east, Fiji) is kept in one piece:
    // its longitudes continue past ±180 (off the frame) instead of jumping across the map.
    for (let i = 1; i < points.length; i++) {
      const jump = points[i][0] - points[i - 1][0];
      if (Math.abs(jump) > 180) points[i] = [points[i][0] - 360 * Math.sign(jump), points[i][1]];
    }
    // Most of the ring stays inside the frame, whichever side it started on.
    const mean = points.reduce((sum, p) => sum + p[0], 0) / Math.max(points.length, 1);
    const shift = mean > 180 ? -360 : mean < -180 ? 360 : 0;
    return shift ? points.map(([lon, lat]) => [lon + shift, lat]) : points;
  };
  const [x1] = naturalEarth(180, 0);
  const x0 = -x1;
  const [, y1] = naturalEarth(0, 84);
  const [, y0] = naturalEarth(0, -57);
  const k = (MAP_W - 20) / (x1 - x0);
  const project = (lon, lat) => { const [x, y] = naturalEarth(lon, lat); return [10 + (x - x0) * k, 10 + (y1 - y) * k]; };
  const toPath = (r) => r.map(([lon, lat], i) => { const [x, y] = project(lon, lat); return (i ? 'L' : 'M') + x.toFixed(1) + ' ' + y.toFixed(1); }).join('') + 'Z';
  const shapes = [];
  for (const g of topology.objects.countries.geometries) {
    if (g.id === '010') continue;
    const polygons = g.type === 'Polygon' ? [g.arcs] : g.type === 'MultiPolygon' ? g.arcs : [];
    const rings = polygons.flatMap((rings) => rings.map(ring));
    shapes.push({ id: g.id || '', name: (g.properties && g.properties.name) || '', d: rings.map(toPath).join('') });
  }
  return { shapes, project, height: Math.ceil(20 + (y1 - y0) * k) };
}

// Light to dark blue by event count (square-root scale, so that one busy country does not
// leave the rest pale).
function countColour(n, max) {
  const t = Math.sqrt(n / Math.max(max, 1));
  const light = [222, 235, 247], dark = [8, 69, 148];
  const c = light.map((l, i) => Math.round(l + (dark[i] - l) * t));
  return `rgb(${c[0]},${c[1]},${c[2]})`;
}

function colourBox(colour) {
  const box = el('span', { class: 'swatch-box' });
  box.style.background = colour;
  return box;
}

async function renderMap() {
  const chart = clear($('map-chart'));
  const table = clear($('map-table'));
  const legend = clear($('map-legend'));
  const shade = state.params.shade === 'goldstein' ? 'goldstein' : 'events';
  $('map-shade').value = shade;
  const [shapes, data] = await Promise.all([world(), api('map', filters())]);
  const plural = (n, word) => `${n} ${n === 1 ? word : word.replace(/y$/, 'ie') + 's'}`;
  $('map-summary').textContent = `${plural(data.events, 'event')} match; ${data.located} located in a country, ` +
    `${plural(data.countries.length, 'country')}, ${plural(data.places.length, 'place')} with coordinates.`;
  const byNumeric = new Map(data.countries.filter((c) => c.numeric).map((c) => [c.numeric, c]));
  const max = Math.max(0, ...data.countries.map((c) => c.events));
  const root = svg('svg', { viewBox: `0 0 ${MAP_W} ${shapes.height}`, width: MAP_W, height: shapes.height, class: 'world', role: 'img', 'aria-label': 'map of events by country' });
  const land = svg('g', { class: 'countries' });
  for (const s of shapes.shapes) {
    const c = byNumeric.get(s.id);
    const title = c
      ? `${c.name}: ${plural(c.events, 'event')}, mean Goldstein ${c.goldstein_mean.toFixed(1)}` + (c.tone_mean === null ? '' : `, mean tone ${c.tone_mean.toFixed(1)}`)
      : `${s.name}: no event`;
    const fill = c ? (shade === 'goldstein' ? goldsteinColour(c.goldstein_mean) : countColour(c.events, max)) : null;
    // Colours through the CSSOM: the page's CSP forbids style attributes.
    const path = svg('path', { d: s.d, class: c ? 'country shaded' : 'country', 'data-country': c ? c.country : null, 'data-events': c ? c.events : null },
      svg('title', {}, title));
    if (fill) path.style.fill = fill;
    land.append(path);
  }
  root.append(land);
  const dots = svg('g', { class: 'places' });
  const maxPlace = Math.max(1, ...data.places.map((p) => p.events));
  // The busiest first, so that smaller circles are drawn on top of bigger ones.
  for (const p of data.places) {
    const [x, y] = shapes.project(p.lon, p.lat);
    const r = 3 + 9 * Math.sqrt(p.events / maxPlace);
    const dot = svg('circle', { cx: x.toFixed(1), cy: y.toFixed(1), r: r.toFixed(1), class: 'place', tabindex: 0, 'data-events': p.events },
      svg('title', {}, `${p.place || 'unnamed place'}${p.country ? ' (' + p.country + ')' : ''}: ${plural(p.events, 'event')}, mean Goldstein ${p.goldstein_mean.toFixed(1)}`));
    dot.style.fill = goldsteinColour(p.goldstein_mean);
    dot.addEventListener('click', () => openEvidence(p.example_event));
    dot.addEventListener('keydown', (k) => { if (k.key === 'Enter') openEvidence(p.example_event); });
    dots.append(dot);
  }
  root.append(dots);
  chart.append(root);
  // Legend: the shading scale and the circles' colours.
  if (shade === 'events') {
    for (const n of [...new Set([1, Math.round(max / 4), Math.round(max / 2), max])].filter((n) => n >= 1 && n <= max)) {
      legend.append(el('span', { class: 'legend-item' }, colourBox(countColour(n, max)), plural(n, 'event')));
    }
  } else {
    for (const g of [-10, -5, 0, 5, 10]) {
      legend.append(el('span', { class: 'legend-item' }, colourBox(goldsteinColour(g)), 'Goldstein ' + g));
    }
  }
  legend.append(el('span', { class: 'legend-item' }, el('span', { class: 'swatch-box dot' }), 'circle: place with coordinates (colour: mean Goldstein)'));
  if (data.countries.length === 0) {
    table.append(el('p', { class: 'muted' }, 'No matching event has a location with a country.'));
    return;
  }
  table.append(el('table', { class: 'events map-countries' },
    el('thead', {}, el('tr', {}, ['Country', 'Events', 'Mean Goldstein', 'Mean tone', 'Q1', 'Q2', 'Q3', 'Q4'].map((h) => el('th', {}, h)))),
    el('tbody', {}, data.countries.map((c) => el('tr', { class: 'country-row', 'data-country': c.country },
      el('td', {}, c.name, ' ', el('span', { class: 'muted' }, c.country)),
      el('td', { class: 'num' }, c.events),
      el('td', { class: 'num' }, colourBox(goldsteinColour(c.goldstein_mean)), ' ', c.goldstein_mean.toFixed(1)),
      el('td', { class: 'num' }, c.tone_mean === null ? '—' : c.tone_mean.toFixed(1)),
      c.quad_classes.map((n) => el('td', { class: 'num' }, n)))))));
}

// ---------- view 4: event table ----------

async function renderEvents() {
  const table = clear($('events-table'));
  const sort = state.params.sort || 'date';
  const offset = Number(state.params.offset || 0);
  $('events-sort').value = sort;
  const page = await api('events', filters({ sort, offset, limit: 100 }));
  table.append(eventTable(page.events));
  $('events-page').textContent = page.events.length ? `events ${offset + 1}–${offset + page.events.length}` : '';
  $('events-prev').disabled = offset === 0;
  $('events-next').disabled = page.events.length < page.limit;
}

// ---------- view 5: one article ----------

async function renderArticle() {
  const listNode = clear($('doc-list'));
  $('doc-search').value = state.params.q || '';
  const page = await api('documents', { q: state.params.q || '', limit: 100 });
  for (const d of page.documents) {
    listNode.append(el('li', { class: state.params.id === d.content_hash ? 'current' : null },
      el('a', { href: '#article?id=' + encodeURIComponent(d.content_hash) + (state.params.q ? '&q=' + encodeURIComponent(state.params.q) : '') },
        d.title || d.opening.split('\n')[0].slice(0, 70) || d.id), ' ', el('small', { class: 'muted' }, d.events + ' events')));
  }
  if (page.total > page.documents.length) listNode.append(el('li', { class: 'muted' }, `… ${page.total - page.documents.length} more: search to narrow`));
  renderDocLegend();
  const id = state.params.id || (page.documents[0] && page.documents[0].content_hash);
  clear($('doc-text')); clear($('doc-events'));
  $('doc-title').textContent = ''; $('doc-meta').textContent = '';
  if (!id) { $('doc-text').append(el('p', { class: 'muted' }, 'No document in the store.')); return; }
  const analysis = await api('documents/' + encodeURIComponent(id));
  showDocument(analysis, state.params.event);
}

function renderDocLegend() {
  const legend = clear($('doc-legend'));
  legend.append(el('span', { class: 'legend-item' }, el('span', { class: 'ent ent-PERSON' }, 'entity')),
    el('span', { class: 'legend-item' }, el('span', { class: 'timex' }, 'time expression')),
    el('span', { class: 'legend-item' }, el('span', { class: 'quote' }, 'quote')),
    el('span', { class: 'legend-item' }, 'event trigger by mode: '),
    ...MODES.map((m) => el('span', { class: 'legend-item' }, el('span', { class: 'trigger trig-' + m }, m))));
}

function showDocument(analysis, focusEvent) {
  const doc = analysis.doc;
  $('doc-title').textContent = doc.title || 'Untitled article ' + doc.id;
  $('doc-meta').textContent = [doc.outlet, doc.published, doc.url, `${analysis.entities.length} entities, ${analysis.timexes.length} time expressions, ${analysis.quotes.length} quotes, ${analysis.events.length} events`].filter(Boolean).join(' · ');
  const spans = [];
  for (const q of analysis.quotes) spans.push({ start: q.start, end: q.end, className: 'quote', title: `quote (${q.kind})` + (q.speaker ? ' by ' + actorLabel(q.speaker) : '') });
  for (const e of analysis.entities) spans.push({ start: e.start, end: e.end, className: 'ent ent-' + e.type, title: e.type + (e.actor ? ' · ' + actorLabel(e.actor) : '') });
  for (const t of analysis.timexes) spans.push({ start: t.start, end: t.end, className: 'timex', title: `${t.type} ${t.value}` });
  const side = clear($('doc-events'));
  const items = new Map();
  for (const ev of analysis.events) {
    const select = () => selectDocEvent(ev, items);
    spans.push({ start: ev.trigger.start, end: ev.trigger.end, className: 'trigger trig-' + ev.mode + (ev.id === focusEvent ? ' focus' : ''), title: `${ev.cameo} ${ev.cameo_name} · ${ev.mode}`, onclick: select });
    const item = el('li', { class: 'doc-event row-' + ev.mode, tabindex: 0 },
      modeBadge(ev.mode), ' ', actorLabel(ev.source), ' ', el('strong', {}, ev.cameo_name), ' ', actorLabel(ev.target), ' ', precisionBadge(ev.date));
    item.addEventListener('click', select);
    items.set(ev.id, item);
    side.append(item);
  }
  const text = clear($('doc-text'));
  text.append(markedText(doc.text, spans));
  const focus = analysis.events.find((e) => e.id === focusEvent);
  if (focus) selectDocEvent(focus, items);
}

function selectDocEvent(ev, items) {
  for (const item of items.values()) item.classList.remove('selected');
  const item = items.get(ev.id);
  if (!item) return;
  item.classList.add('selected');
  const old = item.querySelector('.doc-event-detail');
  if (old) old.remove();
  const chain = ev.attribution.length ? ev.attribution.map((a) => a.text + ' (' + a.kind + ')').join(' → ') : 'none';
  item.append(el('div', { class: 'doc-event-detail' },
    el('div', {}, 'CAMEO ', ev.cameo, ' · Goldstein ', ev.goldstein.toFixed(1), ' · quad ', ev.quad_class),
    el('div', {}, 'According to: ', chain),
    el('div', {}, 'Trigger: “', ev.trigger.text, '”')));
  item.scrollIntoView({ block: 'nearest' });
}

// ---------- wiring ----------

const RENDER = { dyad: renderDyad, timeline: renderTimeline, network: renderNetwork, map: renderMap, events: renderEvents, article: renderArticle };

async function render() {
  const hash = location.hash;
  const started = performance.now();
  readHash();
  for (const link of document.querySelectorAll('#tabs a')) link.classList.toggle('active', link.dataset.view === state.view);
  for (const section of document.querySelectorAll('.view')) section.hidden = section.id !== 'view-' + state.view;
  $('filters').hidden = state.view === 'article';
  $('evidence').hidden = true;
  showError(null);
  document.body.dataset.loading = 'true';
  try {
    await RENDER[state.view]();
  } catch (error) {
    showError(error);
  } finally {
    document.body.dataset.loading = 'false';
    // What was last drawn in full and how long it took, data and drawing (tests wait for
    // the address, and report the time).
    document.body.dataset.renderMs = String(Math.round(performance.now() - started));
    document.body.dataset.rendered = hash;
  }
}

function setup() {
  const modes = $('modes');
  for (const mode of MODES) {
    modes.append(el('label', { class: 'mode-check', title: MODE_HELP[mode] },
      el('input', { type: 'checkbox', name: 'mode', value: mode, checked: true }), ' ', modeBadge(mode)));
  }
  $('filters').addEventListener('submit', (event) => { event.preventDefault(); writeHash(state.view === 'article' ? 'events' : state.view); });
  $('dyad-by').addEventListener('change', (e) => writeHash('dyad', { by: e.target.value }));
  $('network-level').addEventListener('change', (e) => writeHash('network', { level: e.target.value, edges: $('network-limit').value }));
  $('network-limit').addEventListener('change', (e) => writeHash('network', { level: $('network-level').value, edges: e.target.value }));
  $('map-shade').addEventListener('change', (e) => writeHash('map', { shade: e.target.value }));
  $('events-sort').addEventListener('change', (e) => writeHash('events', { sort: e.target.value }));
  $('events-prev').addEventListener('click', () => writeHash('events', { sort: state.params.sort, offset: Math.max(0, Number(state.params.offset || 0) - 100) }));
  $('events-next').addEventListener('click', () => writeHash('events', { sort: state.params.sort, offset: Number(state.params.offset || 0) + 100 }));
  $('evidence-close').addEventListener('click', () => { $('evidence').hidden = true; });
  let timer = null;
  $('doc-search').addEventListener('input', (e) => {
    clearTimeout(timer);
    timer = setTimeout(() => { location.hash = '#article?q=' + encodeURIComponent(e.target.value); }, 250);
  });
  window.addEventListener('hashchange', render);
  render();
  api('stats').then((s) => {
    const n = (count, word) => `${count} ${word}${count === 1 ? '' : 's'}`;
    $('stats').textContent = `${n(s.documents, 'article')} · ${n(s.merged_events, 'event')} (${n(s.events, 'report')})` + (s.first_date ? ` · ${s.first_date} to ${s.last_date}` : '');
  }).catch(showError);
  api('actors', { limit: 300 }).then((actors) => {
    const list = $('actor-list');
    for (const a of actors) list.append(el('option', { value: a.actor }, `${a.events} reports`));
  }).catch(showError);
}

setup();
