// The local preview's page script (inlined into the page by page.ts; plain browser JavaScript).
// It draws one sheet at a time from GET /api/sheet, types into cells with POST /api/cell and
// tells the server the selection (POST /api/select), which the add-on's menu items read.
// addon.js (the menu, dialogs, sidebar and calendar) uses it through window.KehuGrid.
(function () {
  'use strict';

  const CONFIG = JSON.parse(document.getElementById('config').textContent);
  const T = CONFIG.text;
  const PAGE_ROWS = 1000;

  const grid = document.getElementById('grid');
  const wrap = document.getElementById('wrap');
  const editor = document.getElementById('editor');
  const fbar = document.getElementById('fbar');
  const addr = document.getElementById('addr');
  const tabs = document.getElementById('tabs');
  const calendarPane = document.getElementById('calendar');
  const statusEl = document.getElementById('status');
  const rowsEl = document.getElementById('rows');
  const moreBtn = document.getElementById('more');

  const state = {
    sheet: null,
    view: null,
    sel: { r: 0, c: 0 },
    /** null, 'cell' (typing in the cell) or 'bar' (typing in the formula bar). */
    editing: null,
    limits: {},
    selections: {},
    nRows: 0,
    nCols: 0,
    /** A message about the last action, shown until the selection moves. */
    note: null,
    queue: Promise.resolve(),
    /** The document's change count the shown sheet was drawn at. */
    revision: -1,
    /** 'sheet' or 'calendar' (the simulated calendar instead of a grid). */
    pane: 'sheet',
    selectTimer: 0,
  };

  // ---------------------------------------------------------------------------------------------
  // Helpers

  function colName(c) {
    let s = '';
    let n = c + 1;
    while (n > 0) {
      const r = (n - 1) % 26;
      s = String.fromCharCode(65 + r) + s;
      n = Math.floor((n - 1) / 26);
    }
    return s;
  }
  const a1Of = (r, c) => colName(c) + (r + 1);

  function esc(s) {
    return String(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
  }

  function cellAt(r, c) {
    const v = state.view;
    if (!v || r >= v.cells.length) return null;
    const row = v.cells[r];
    return c < row.length ? row[c] : null;
  }

  /** What editing a cell starts from: its formula, or its value as it would be typed. */
  function contentOf(cell) {
    if (!cell) return '';
    if (cell.f) return cell.f;
    return cell.raw !== undefined ? cell.raw : cell.v;
  }

  /** Pixel width of text in the grid's font (measured once per distinct text). */
  const measureCache = new Map();
  let measureCtx = null;
  function textWidth(s) {
    let w = measureCache.get(s);
    if (w !== undefined) return w;
    if (!measureCtx) {
      measureCtx = document.createElement('canvas').getContext('2d');
      const style = getComputedStyle(document.body);
      measureCtx.font = style.fontSize + ' ' + style.fontFamily;
    }
    w = measureCtx.measureText(s).width;
    if (measureCache.size > 50000) measureCache.clear();
    measureCache.set(s, w);
    return w;
  }

  function setStatus(text, isError) {
    statusEl.textContent = text;
    statusEl.title = text;
    statusEl.classList.toggle('err', !!isError);
  }

  async function api(path, body) {
    const res = await fetch(path, body === undefined ? {} : {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
    });
    let data;
    try {
      data = await res.json();
    } catch (e) {
      data = { error: res.status + ' ' + res.statusText };
    }
    if (!res.ok) throw new Error(data.error || res.statusText);
    return data;
  }

  // ---------------------------------------------------------------------------------------------
  // Drawing

  function render() {
    const v = state.view;
    const truncated = v.shownRows < v.rowCount;
    state.nRows = Math.max(v.shownRows + (truncated ? 0 : 30), 60, state.sel.r + 1);
    state.nCols = Math.max(v.colCount + 4, 16, state.sel.c + 1);

    // Column widths from what the cells show; text that runs over empty neighbours does not count.
    const widths = new Array(state.nCols).fill(72);
    const overflow = [];
    for (let r = 0; r < v.cells.length; r++) {
      const row = v.cells[r];
      overflow.push(new Array(row.length).fill(0));
      for (let c = 0; c < row.length; c++) {
        const cell = row[c];
        if (!cell || cell.v === '') continue;
        // Bold text (headers) is wider than the grid's font measures it.
        const w = Math.ceil(textWidth(cell.v) * (cell.t === 'e' ? 1.15 : cell.b ? 1.2 : 1) + 18);
        const nextEmpty = c + 1 >= row.length || !row[c + 1] || row[c + 1].v === '';
        if (cell.t === 's' && nextEmpty && c + 1 < v.colCount) {
          overflow[r][c] = w;
          continue;
        }
        if (cell.t === 's' && nextEmpty) overflow[r][c] = w;
        widths[c] = Math.max(widths[c], Math.min(w, 260));
      }
    }

    const hidden = new Set(v.hiddenColumns || []);
    for (const c of hidden) widths[c] = 5;

    const rowHeadWidth = Math.max(40, String(state.nRows).length * 8 + 18);
    const html = [];
    html.push('<colgroup><col style="width:' + rowHeadWidth + 'px">');
    for (let c = 0; c < state.nCols; c++) html.push('<col style="width:' + widths[c] + 'px">');
    html.push('</colgroup><thead><tr><th class="corner"></th>');
    for (let c = 0; c < state.nCols; c++) html.push(hidden.has(c) ? '<th class="hid" title="' + colName(c) + '"></th>' : '<th>' + colName(c) + '</th>');
    html.push('</tr></thead><tbody>');
    for (let r = 0; r < state.nRows; r++) {
      html.push('<tr><th>' + (r + 1) + '</th>');
      const row = r < v.cells.length ? v.cells[r] : [];
      const isEmpty = (k) => k >= row.length || !row[k] || (row[k].v === '' && !row[k].f);
      let covered = -1; // the last column that overflowing text from the left runs into
      for (let c = 0; c < state.nCols; c++) {
        const cell = c < row.length ? row[c] : null;
        const classes = [];
        let title = '';
        let inner = '';
        let style = '';
        if (hidden.has(c)) {
          html.push('<td class="hid"></td>');
          continue;
        }
        if (cell && cell.b) classes.push('bold');
        if (cell && cell.bg && /^#[0-9a-f]{6}$/i.test(cell.bg)) style = ' style="background:' + cell.bg + '"';
        if (cell && cell.v !== '') {
          classes.push(cell.t);
          if (cell.f) classes.push('f');
          if (cell.t === 'e') title = cell.m || '';
          inner = esc(cell.v);
          const need = overflow[r] ? overflow[r][c] : 0;
          if (need > widths[c]) {
            // As in Sheets, text runs over empty cells to its right and stops at the next value.
            let avail = widths[c];
            let k = c + 1;
            while (avail < need && k < state.nCols && isEmpty(k)) avail += widths[k++];
            if (k > c + 1) {
              classes.push('ov', 'nb');
              covered = k - 1;
              inner = '<span class="ovt" style="width:' + (Math.min(need, avail) - 13) + 'px">' + inner + '</span>';
            }
          }
        } else if (cell && cell.f) {
          classes.push('f');
        } else if (c < covered) {
          classes.push('nb');
        }
        html.push('<td' + (classes.length ? ' class="' + classes.join(' ') + '"' : '') + style + (title ? ' title="' + esc(title) + '"' : '') + '>' + inner + '</td>');
      }
      html.push('</tr>');
    }
    html.push('</tbody>');
    grid.innerHTML = html.join('');
    stickFrozenRows(Math.min(v.frozenRows || 0, state.nRows));
    // Fixed layout needs a definite width; then the <col> widths are what the columns get.
    grid.style.width = widths.reduce((a, b) => a + b, rowHeadWidth) + 'px';

    if (truncated) {
      rowsEl.textContent = T.rowsShown.replace('{shown}', v.shownRows).replace('{total}', v.rowCount);
      moreBtn.hidden = false;
    } else {
      rowsEl.textContent = '';
      moreBtn.hidden = true;
    }
    showSelection();
    // The sheet's native charts float over the grid (charts.js draws them).
    if (window.KehuCharts) window.KehuCharts.draw(v.name, wrap, td);
  }

  /** Rows the sheet freezes stay under the column letters while the rest scrolls, as in Sheets. */
  function stickFrozenRows(n) {
    let top = grid.rows[0] ? grid.rows[0].offsetHeight : 0;
    for (let r = 1; r <= n; r++) {
      const tr = grid.rows[r];
      for (const cell of tr.cells) {
        cell.classList.add('fz');
        if (r === n) cell.classList.add('fz-last');
        cell.style.top = top + 'px';
      }
      top += tr.offsetHeight;
    }
  }

  function td(r, c) {
    const tr = grid.rows[r + 1];
    return tr ? tr.cells[c + 1] : undefined;
  }

  function highlight(on) {
    const { r, c } = state.sel;
    const cellEl = td(r, c);
    if (cellEl) cellEl.classList.toggle('sel', on);
    const colHead = grid.rows[0] && grid.rows[0].cells[c + 1];
    if (colHead) colHead.classList.toggle('hl', on);
    const rowHead = grid.rows[r + 1] && grid.rows[r + 1].cells[0];
    if (rowHead) rowHead.classList.toggle('hl', on);
  }

  /** Puts the (idle or visible) editor over the selected cell, so typing and IMEs start there. */
  function placeEditor() {
    const cellEl = td(state.sel.r, state.sel.c);
    if (!cellEl) return;
    const w = wrap.getBoundingClientRect();
    const b = cellEl.getBoundingClientRect();
    editor.style.top = (b.top - w.top + wrap.scrollTop) + 'px';
    editor.style.left = (b.left - w.left + wrap.scrollLeft) + 'px';
    editor.style.minWidth = b.width + 'px';
    editor.style.height = b.height + 'px';
    sizeEditor();
  }

  function sizeEditor() {
    editor.style.width = Math.max(parseFloat(editor.style.minWidth) || 40, textWidth(editor.value) + 24) + 'px';
  }

  function showStatusForSelection() {
    const { r, c } = state.sel;
    const cell = cellAt(r, c);
    if (cell && cell.t === 'e') setStatus(T.errorIn.replace('{a1}', a1Of(r, c)) + (cell.m || cell.v), true);
    else if (state.note) setStatus(state.note.text, state.note.error);
    else setStatus(T.ready, false);
  }

  /** Shows the selected cell: highlight, address, formula bar, status line, editor position. */
  function showSelection() {
    const { r, c } = state.sel;
    highlight(true);
    addr.textContent = a1Of(r, c);
    if (state.editing !== 'bar') fbar.value = contentOf(cellAt(r, c));
    showStatusForSelection();
    if (!state.editing) placeEditor();
  }

  function select(r, c, opts) {
    opts = opts || {};
    r = Math.max(0, r);
    c = Math.max(0, c);
    const v = state.view;
    if (v && v.shownRows < v.rowCount && r >= v.shownRows) r = v.shownRows - 1;
    const grow = r >= state.nRows || c >= state.nCols;
    highlight(false);
    state.sel = { r, c };
    state.selections[state.sheet] = state.sel;
    tellSelection();
    if (!opts.keepNote) state.note = null;
    if (grow) render();
    else showSelection();
    const cellEl = td(r, c);
    if (cellEl && !opts.noScroll) cellEl.scrollIntoView({ block: 'nearest', inline: 'nearest' });
    if (!state.editing) placeEditor();
  }

  /** The add-on reads the selection (the card's menu item opens the selected row's customer). */
  function tellSelection() {
    clearTimeout(state.selectTimer);
    const sheet = state.sheet;
    const a1 = a1Of(state.sel.r, state.sel.c);
    state.selectTimer = setTimeout(() => {
      api('/api/select', { sheet, a1 }).catch(() => {});
    }, 60);
  }

  // ---------------------------------------------------------------------------------------------
  // Editing

  function startEditing(initial, caretAtEnd) {
    state.editing = 'cell';
    if (initial !== undefined) editor.value = initial;
    editor.classList.remove('idle');
    placeEditor();
    editor.focus();
    if (caretAtEnd) editor.setSelectionRange(editor.value.length, editor.value.length);
    fbar.value = editor.value;
  }

  function stopEditing() {
    state.editing = null;
    editor.value = '';
    editor.classList.add('idle');
    placeEditor();
    fbar.value = contentOf(cellAt(state.sel.r, state.sel.c));
  }

  function focusGrid() {
    if (document.activeElement !== editor) editor.focus({ preventScroll: true });
  }

  /** Types `text` into the selected cell, then moves by (dr, dc). Edits run one after another. */
  function commit(text, dr, dc) {
    const { r, c } = state.sel;
    const sheet = state.sheet;
    const unchanged = text === contentOf(cellAt(r, c));
    stopEditing();
    focusGrid();
    if (unchanged) {
      select(r + dr, c + dc);
      return;
    }
    select(r + dr, c + dc);
    setStatus(T.saving, false);
    state.queue = state.queue.then(async () => {
      try {
        const data = await api('/api/cell', { sheet, a1: a1Of(r, c), input: text, rows: state.limits[sheet] || PAGE_ROWS });
        if (state.sheet !== sheet) return;
        state.view = data.view;
        state.revision = data.revision;
        const cell = cellAt(r, c);
        if (cell && cell.t === 'e') state.note = { text: T.errorIn.replace('{a1}', a1Of(r, c)) + (cell.m || cell.v), error: true };
        else if (data.expanded && data.expanded.length) state.note = { text: T.expanded + data.expanded.join('; '), error: false };
        else state.note = { text: T.saved + ' ' + a1Of(r, c), error: false };
        render();
      } catch (e) {
        state.note = { text: T.requestFailed + e.message, error: true };
        showStatusForSelection();
      }
    });
  }

  function move(dr, dc) {
    select(state.sel.r + dr, state.sel.c + dc);
  }

  editor.addEventListener('keydown', (e) => {
    if (e.isComposing || e.keyCode === 229) return; // the IME is composing
    if (state.editing === 'cell') {
      if (e.key === 'Enter') {
        e.preventDefault();
        commit(editor.value, e.shiftKey ? -1 : 1, 0);
      } else if (e.key === 'Tab') {
        e.preventDefault();
        commit(editor.value, 0, e.shiftKey ? -1 : 1);
      } else if (e.key === 'Escape') {
        e.preventDefault();
        stopEditing();
      }
      return;
    }
    const page = Math.max(1, Math.floor(wrap.clientHeight / 25) - 2);
    switch (e.key) {
      case 'ArrowUp': move(-1, 0); break;
      case 'ArrowDown': move(1, 0); break;
      case 'ArrowLeft': move(0, -1); break;
      case 'ArrowRight': move(0, 1); break;
      case 'PageUp': move(-page, 0); break;
      case 'PageDown': move(page, 0); break;
      case 'Home': select(e.ctrlKey || e.metaKey ? 0 : state.sel.r, 0); break;
      case 'Tab': move(0, e.shiftKey ? -1 : 1); break;
      case 'Enter':
      case 'F2':
        startEditing(contentOf(cellAt(state.sel.r, state.sel.c)), true);
        break;
      case 'Delete':
      case 'Backspace':
        if (contentOf(cellAt(state.sel.r, state.sel.c)) !== '') commit('', 0, 0);
        break;
      default:
        return; // typing: the 'input' event below starts editing with what was typed
    }
    e.preventDefault();
  });

  editor.addEventListener('compositionstart', () => {
    if (!state.editing) startEditing(undefined, false);
  });

  editor.addEventListener('input', () => {
    if (!state.editing) startEditing(undefined, false);
    fbar.value = editor.value;
    sizeEditor();
  });

  fbar.addEventListener('focus', () => {
    if (state.editing === 'cell') {
      fbar.value = editor.value;
      editor.value = '';
      editor.classList.add('idle');
    }
    state.editing = 'bar';
  });

  fbar.addEventListener('keydown', (e) => {
    if (e.isComposing || e.keyCode === 229) return;
    if (e.key === 'Enter') {
      e.preventDefault();
      commit(fbar.value, 1, 0);
    } else if (e.key === 'Escape') {
      e.preventDefault();
      stopEditing();
      focusGrid();
    }
  });

  fbar.addEventListener('blur', () => {
    if (state.editing === 'bar') {
      state.editing = null;
      fbar.value = contentOf(cellAt(state.sel.r, state.sel.c));
    }
  });

  function cellFromEvent(e) {
    const cellEl = e.target.closest('td');
    if (!cellEl || !grid.contains(cellEl)) return null;
    return { r: cellEl.parentElement.rowIndex - 1, c: cellEl.cellIndex - 1 };
  }

  grid.addEventListener('mousedown', (e) => {
    const at = cellFromEvent(e);
    if (!at) return;
    e.preventDefault();
    if (state.editing === 'cell' && (at.r !== state.sel.r || at.c !== state.sel.c)) {
      // Clicking away keeps what was typed, as in Sheets.
      const text = editor.value;
      commit(text, 0, 0);
    } else if (state.editing === 'bar') {
      state.editing = null;
    }
    select(at.r, at.c);
    focusGrid();
  });

  grid.addEventListener('dblclick', (e) => {
    const at = cellFromEvent(e);
    if (!at) return;
    startEditing(contentOf(cellAt(at.r, at.c)), true);
  });

  wrap.addEventListener('scroll', () => {
    if (!state.editing) placeEditor();
  });

  // ---------------------------------------------------------------------------------------------
  // Sheets and tabs

  function showPane(pane) {
    state.pane = pane;
    wrap.hidden = pane !== 'sheet';
    calendarPane.hidden = pane !== 'calendar';
    fbar.disabled = pane !== 'sheet';
    if (pane !== 'sheet') {
      // The calendar is no sheet: no cell address, no formula, no row count.
      addr.textContent = '';
      fbar.value = '';
      rowsEl.textContent = '';
      moreBtn.hidden = true;
    }
    for (const b of tabs.children) b.classList.toggle('active', pane === 'calendar' ? b.dataset.pane === 'calendar' : b.dataset.sheet === state.sheet);
  }

  /** Draws a sheet; `keep`: the same sheet redrawn after a change (selection and scroll stay). */
  async function loadSheet(name, keep) {
    if (state.editing === 'cell') commit(editor.value, 0, 0);
    await state.queue;
    const limit = state.limits[name] || PAGE_ROWS;
    if (!keep) setStatus(T.loading, false);
    try {
      const view = await api('/api/sheet?name=' + encodeURIComponent(name) + '&rows=' + limit);
      const changed = state.sheet !== name;
      const note = state.note;
      state.sheet = name;
      state.view = view;
      state.sel = state.selections[name] || { r: 0, c: 0 };
      state.note = keep ? note : null;
      showPane('sheet');
      render();
      if (changed) {
        wrap.scrollTop = 0;
        wrap.scrollLeft = 0;
        select(state.sel.r, state.sel.c, { keepNote: keep });
      }
      focusGrid();
    } catch (e) {
      setStatus(T.requestFailed + e.message, true);
    }
  }

  moreBtn.addEventListener('click', () => {
    state.limits[state.sheet] = (state.limits[state.sheet] || PAGE_ROWS) + PAGE_ROWS;
    loadSheet(state.sheet);
  });

  /** The tabs: the visible sheets (hidden ones stay out, as in Sheets), then the simulated calendar. */
  function drawTabs(names) {
    tabs.innerHTML = '';
    for (const name of names) {
      const b = document.createElement('button');
      b.type = 'button';
      b.textContent = name;
      b.dataset.sheet = name;
      b.setAttribute('role', 'tab');
      if (T.sheetTitles[name]) b.title = T.sheetTitles[name];
      b.addEventListener('click', () => loadSheet(name));
      tabs.appendChild(b);
    }
    const cal = document.createElement('button');
    cal.type = 'button';
    cal.className = 'special';
    cal.textContent = T.calendarTab;
    cal.dataset.pane = 'calendar';
    cal.setAttribute('role', 'tab');
    cal.addEventListener('click', () => showCalendar());
    tabs.appendChild(cal);
    showPane(state.pane);
  }

  async function showCalendar() {
    if (state.editing === 'cell') commit(editor.value, 0, 0);
    showPane('calendar');
    if (window.KehuAddon) await window.KehuAddon.drawCalendar(calendarPane);
  }

  let sheetNames = CONFIG.sheetNames;

  /**
   * After the add-on ran: new tabs, the active sheet it chose (when visible), the shown sheet
   * redrawn. `active`: the sheet the add-on made active, or undefined.
   */
  async function refresh(active) {
    let info;
    try {
      info = await api('/api/sheets');
    } catch (e) {
      setStatus(T.requestFailed + e.message, true);
      return;
    }
    if (info.sheets.join('\n') !== sheetNames.join('\n')) {
      sheetNames = info.sheets;
      drawTabs(sheetNames);
    }
    if (active && sheetNames.includes(active) && active !== state.sheet) {
      state.pane = 'sheet';
      await loadSheet(active);
    } else if (state.pane === 'calendar') {
      await showCalendar();
    } else if (info.revision !== state.revision || !sheetNames.includes(state.sheet)) {
      await loadSheet(sheetNames.includes(state.sheet) ? state.sheet : sheetNames[0], true);
    }
    state.revision = info.revision;
  }

  function setNote(text, isError) {
    state.note = { text: text, error: !!isError };
    showStatusForSelection();
  }

  window.KehuGrid = {
    text: T,
    config: CONFIG,
    api: api,
    setStatus: setStatus,
    setNote: setNote,
    refresh: refresh,
    focus: focusGrid,
    /** The sheet and cell the user has selected (null while the calendar is shown). */
    selection: () => (state.pane === 'sheet' && state.sheet ? { sheet: state.sheet, a1: a1Of(state.sel.r, state.sel.c) } : null),
  };

  async function init() {
    try {
      sheetNames = (await api('/api/sheets')).sheets;
    } catch (e) {
      setStatus(T.requestFailed + e.message, true);
    }
    drawTabs(sheetNames);
    await loadSheet(sheetNames.includes(CONFIG.firstSheet) ? CONFIG.firstSheet : sheetNames[0]);
    setNote(T.welcome, false);
  }

  init();
})();
