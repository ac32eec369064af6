// The playground's drawing of a sheet's native charts (inlined into the page by page.ts; plain
// browser JavaScript, not part of the add-on's bundle). Sheets draws EmbeddedCharts itself; the
// local page gets each chart the add-on inserted, with its data, from GET /api/charts and draws
// it as SVG over the grid at its anchor cell: line, column (a second axis for series with
// targetAxisIndex 1) and bar charts, the types the dashboard uses.
(function () {
  'use strict';

  const CONFIG = JSON.parse(document.getElementById('config').textContent);
  const ZH = CONFIG.lang === 'zh';
  const PALETTE = ['#4285f4', '#db4437', '#f4b400', '#0f9d58', '#ab47bc', '#00acc1'];
  const FONT = 'system-ui, -apple-system, "Segoe UI", "PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", sans-serif';
  let drawing = 0;

  function esc(s) {
    return String(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
  }

  const trim = (n) => String(Number(n.toFixed(1)));

  /** A number as an axis shows it: shares as percents, large amounts compact (万/亿 or K/M). */
  function axisText(v, percent) {
    if (percent) return Math.round(v * 100) + '%';
    const a = Math.abs(v);
    if (ZH) {
      if (a >= 1e8) return trim(v / 1e8) + '亿';
      if (a >= 1e4) return trim(v / 1e4) + '万';
    } else {
      if (a >= 1e6) return trim(v / 1e6) + 'M';
      if (a >= 1e3) return trim(v / 1e3) + 'K';
    }
    return trim(v);
  }

  /** Round tick steps (1, 2, 5 × 10^k) from 0 to at least max. */
  function ticks(max, count) {
    if (!(max > 0)) return [0, 1];
    const raw = max / count;
    const p = Math.pow(10, Math.floor(Math.log10(raw)));
    const step = [1, 2, 5, 10].map((m) => m * p).find((s) => s >= raw);
    const out = [];
    for (let t = 0; t <= max + step * 1e-9; t += step) out.push(t);
    if (out[out.length - 1] < max) out.push(out[out.length - 1] + step);
    return out;
  }

  const num = (v) => (typeof v === 'number' && isFinite(v) ? v : null);
  const colorOf = (chart, i) => {
    const o = chart.options || {};
    const s = o.series && o.series[i];
    if (s && s.color) return s.color;
    if (Array.isArray(o.colors) && o.colors[i]) return o.colors[i];
    return PALETTE[i % PALETTE.length];
  };

  function text(x, y, s, attrs) {
    return '<text x="' + x + '" y="' + y + '"' + (attrs || '') + '>' + esc(s) + '</text>';
  }

  function legend(chart, names, x, y) {
    let out = '';
    let at = x;
    names.forEach((name, i) => {
      out += '<rect x="' + at + '" y="' + (y - 8) + '" width="10" height="10" rx="2" fill="' + colorOf(chart, i) + '"/>';
      out += text(at + 14, y + 1, name, ' font-size="11" fill="#444"');
      at += 26 + name.length * (/[\u3000-\u9fff]/.test(name) ? 11 : 6.5);
    });
    return out;
  }

  function frame(chart, body) {
    const w = chart.width;
    const h = chart.height;
    return '<svg width="' + w + '" height="' + h + '" font-family=\'' + FONT + '\'>' +
      '<rect width="' + w + '" height="' + h + '" fill="#fff"/>' +
      text(12, 20, chart.title, ' font-size="14" font-weight="600" fill="#202124"') + body + '</svg>';
  }

  /** Horizontal grid lines and labels of a value axis (left or right). */
  function valueAxis(ts, y, left, right, side, percent) {
    let out = '';
    for (const t of ts) {
      const yy = y(t);
      if (side === 'left') {
        out += '<line x1="' + left + '" x2="' + right + '" y1="' + yy + '" y2="' + yy + '" stroke="#e8eaed"/>';
        out += text(left - 6, yy + 4, axisText(t, percent), ' font-size="10" fill="#5f6368" text-anchor="end"');
      } else {
        out += text(right + 6, yy + 4, axisText(t, percent), ' font-size="10" fill="#5f6368"');
      }
    }
    return out;
  }

  function lineChart(chart) {
    const o = chart.options || {};
    const h = o.hAxis || {};
    const v = o.vAxis || {};
    const L = 52, R = chart.width - 18, T = 40, B = chart.height - 62;
    const rows = chart.rows.filter((r) => num(r[0]) !== null);
    const xs = rows.map((r) => r[0]);
    const x0 = num(h.minValue) !== null ? h.minValue : Math.min.apply(null, xs);
    const x1 = num(h.maxValue) !== null ? h.maxValue : Math.max.apply(null, xs);
    let yMax = num(v.maxValue);
    if (yMax === null) yMax = Math.max.apply(null, rows.flatMap((r) => r.slice(1).map((c) => num(c) || 0)));
    const yTicks = ticks(yMax, 5);
    const top = yTicks[yTicks.length - 1];
    const X = (x) => L + ((x - x0) / (x1 - x0 || 1)) * (R - L);
    const Y = (y) => B - (y / (top || 1)) * (B - T);
    const xPercent = h.format === 'percent';
    let out = valueAxis(yTicks, Y, L, R, 'left', v.format === 'percent');
    for (const t of ticks(x1 - x0, 5)) {
      out += text(X(x0 + t), B + 14, axisText(x0 + t, xPercent), ' font-size="10" fill="#5f6368" text-anchor="middle"');
    }
    out += '<line x1="' + L + '" x2="' + R + '" y1="' + B + '" y2="' + B + '" stroke="#9aa0a6"/>';
    const names = chart.headers.slice(1);
    names.forEach((name, j) => {
      let d = '';
      let pen = false;
      for (const r of rows) {
        const y = num(r[j + 1]);
        if (y === null) {
          pen = false;
          continue;
        }
        d += (pen ? 'L' : 'M') + X(r[0]).toFixed(1) + ' ' + Y(y).toFixed(1);
        pen = true;
      }
      if (d) out += '<path d="' + d + '" fill="none" stroke="' + colorOf(chart, j) + '" stroke-width="2.5" stroke-linejoin="round" data-series="' + esc(name) + '"/>';
    });
    if (h.title) out += text((L + R) / 2, B + 30, h.title, ' font-size="11" fill="#5f6368" text-anchor="middle"');
    if (v.title) out += text(14, (T + B) / 2, v.title, ' font-size="11" fill="#5f6368" text-anchor="middle" transform="rotate(-90 14 ' + (T + B) / 2 + ')"');
    out += legend(chart, names, L, chart.height - 10);
    return frame(chart, out);
  }

  function columnChart(chart) {
    const o = chart.options || {};
    const L = 58, R = chart.width - 62, T = 50, B = chart.height - 74;
    const rows = chart.rows.filter((r) => r[0] !== null);
    const names = chart.headers.slice(1);
    const axisOf = (j) => (o.series && o.series[j] && o.series[j].targetAxisIndex === 1 ? 1 : 0);
    const maxOf = (axis) => Math.max.apply(null, [0].concat(rows.flatMap((r) => r.slice(1).filter((_, j) => axisOf(j) === axis).map((c) => num(c) || 0))));
    const scales = [0, 1].map((axis) => {
      const ts = ticks(maxOf(axis), 5);
      const top = ts[ts.length - 1] || 1;
      return { ts, Y: (y) => B - (y / top) * (B - T) };
    });
    let out = valueAxis(scales[0].ts, scales[0].Y, L, R, 'left', false);
    if (names.some((_, j) => axisOf(j) === 1)) out += valueAxis(scales[1].ts, scales[1].Y, L, R, 'right', false);
    out += '<line x1="' + L + '" x2="' + R + '" y1="' + B + '" y2="' + B + '" stroke="#9aa0a6"/>';
    const band = (R - L) / Math.max(rows.length, 1);
    const bar = (band * 0.7) / Math.max(names.length, 1);
    rows.forEach((r, i) => {
      const x = L + band * i + band * 0.15;
      names.forEach((_, j) => {
        const y = num(r[j + 1]) || 0;
        const Y = scales[axisOf(j)].Y;
        out += '<rect x="' + (x + bar * j).toFixed(1) + '" y="' + Y(y).toFixed(1) + '" width="' + (bar - 1).toFixed(1) + '" height="' + (B - Y(y)).toFixed(1) + '" fill="' + colorOf(chart, j) + '"/>';
      });
      const cx = L + band * (i + 0.5);
      out += text(cx, B + 12, String(r[0]), ' font-size="10" fill="#3c4043" text-anchor="end" transform="rotate(-35 ' + cx + ' ' + (B + 12) + ')"');
    });
    const vAxes = o.vAxes || {};
    if (vAxes[0] && vAxes[0].title) out += text(14, (T + B) / 2, vAxes[0].title, ' font-size="11" fill="#5f6368" text-anchor="middle" transform="rotate(-90 14 ' + (T + B) / 2 + ')"');
    if (vAxes[1] && vAxes[1].title) {
      const x = chart.width - 10;
      out += text(x, (T + B) / 2, vAxes[1].title, ' font-size="11" fill="#5f6368" text-anchor="middle" transform="rotate(90 ' + x + ' ' + (T + B) / 2 + ')"');
    }
    out += legend(chart, names, 14, 40);
    return frame(chart, out);
  }

  function barChart(chart) {
    const L = 150, R = chart.width - 30, T = 36, B = chart.height - 26;
    const rows = chart.rows.filter((r) => r[0] !== null && num(r[1]) !== null);
    const ts = ticks(Math.max.apply(null, [0].concat(rows.map((r) => r[1]))), 5);
    const top = ts[ts.length - 1] || 1;
    const X = (v) => L + (v / top) * (R - L);
    let out = '';
    for (const t of ts) {
      out += '<line x1="' + X(t) + '" x2="' + X(t) + '" y1="' + T + '" y2="' + B + '" stroke="#e8eaed"/>';
      out += text(X(t), B + 14, axisText(t, false), ' font-size="10" fill="#5f6368" text-anchor="middle"');
    }
    const band = (B - T) / Math.max(rows.length, 1);
    rows.forEach((r, i) => {
      const y = T + band * i;
      const label = String(r[0]);
      out += text(L - 6, y + band / 2 + 4, label.length > 12 ? label.slice(0, 11) + '…' : label, ' font-size="10" fill="#3c4043" text-anchor="end"');
      out += '<rect x="' + L + '" y="' + (y + band * 0.15).toFixed(1) + '" width="' + (X(r[1]) - L).toFixed(1) + '" height="' + (band * 0.7).toFixed(1) + '" fill="' + colorOf(chart, 0) + '"/>';
    });
    if (rows.length === 0) out += text((L + R) / 2, (T + B) / 2, '—', ' font-size="14" fill="#9aa0a6" text-anchor="middle"');
    return frame(chart, out);
  }

  function svgOf(chart) {
    if (chart.type === 'LINE') return lineChart(chart);
    if (chart.type === 'BAR') return barChart(chart);
    return columnChart(chart);
  }

  /**
   * Draws the sheet's charts over the grid in `wrap`; `cellAt(r, c)` is the grid's cell element
   * (0-based). A newer call (another sheet, a redraw) wins over one still waiting for its data.
   */
  async function draw(sheet, wrap, cellAt) {
    const mine = ++drawing;
    let data;
    try {
      const res = await fetch('/api/charts?name=' + encodeURIComponent(sheet));
      data = await res.json();
    } catch (e) {
      return;
    }
    if (mine !== drawing) return;
    for (const old of wrap.querySelectorAll('.kchart')) old.remove();
    if (!data || !Array.isArray(data.charts)) return;
    const w = wrap.getBoundingClientRect();
    for (const chart of data.charts) {
      const cell = cellAt(chart.anchor.row, chart.anchor.column);
      if (!cell) continue;
      const b = cell.getBoundingClientRect();
      const box = document.createElement('div');
      box.className = 'kchart';
      box.dataset.type = chart.type;
      box.setAttribute('role', 'img');
      box.setAttribute('aria-label', chart.title);
      box.style.left = b.left - w.left + wrap.scrollLeft + 'px';
      box.style.top = b.top - w.top + wrap.scrollTop + 'px';
      box.innerHTML = svgOf(chart);
      wrap.appendChild(box);
    }
  }

  window.KehuCharts = { draw: draw, axisText: axisText };
})();
