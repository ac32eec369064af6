// The add-on's side of the playground page (inlined after client.js by page.ts; plain browser
// JavaScript): the menu onOpen built, what a menu item shows (alerts, toasts, a modal dialog,
// the sidebar), the bridge between those frames' google.script.run and the server, and the
// simulated calendar. Every value from the server is put into the page as text.
(function () {
  'use strict';

  const grid = window.KehuGrid;
  const T = grid.text;
  const menusEl = document.getElementById('addon-menus');
  const sidebar = document.getElementById('sidebar');
  const sidebarTitle = document.getElementById('sb-title');
  const sidebarFrame = document.getElementById('sb-frame');
  const overlay = document.getElementById('overlay');
  const dialogBox = document.getElementById('dlg');
  const dialogTitle = document.getElementById('dlg-title');
  const dialogBody = document.getElementById('dlg-body');
  const toasts = document.getElementById('toasts');
  // Sandboxed as Apps Script sandboxes its frames: own (opaque) origin, scripts, forms, downloads.
  const FRAME_SANDBOX = 'allow-scripts allow-forms allow-downloads allow-popups allow-modals';
  /** The frames the add-on showed, by element: 'sidebar' or 'dialog' (only they may call the server). */
  const frames = new Map([[sidebarFrame, 'sidebar']]);

  function el(tag, attrs, ...children) {
    const node = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (v === undefined || v === null || v === false) continue;
      if (k === 'text') node.textContent = v;
      else if (k.startsWith('on')) node.addEventListener(k.slice(2), v);
      else node.setAttribute(k, v === true ? '' : String(v));
    }
    for (const c of children) if (c !== null && c !== undefined) node.append(c);
    return node;
  }

  const fill = (template, params) => template.replace(/\{(\w+)\}/g, (m, k) => (k in params ? String(params[k]) : m));

  // ---------------------------------------------------------------------------------------------
  // The menu

  let openMenu = null;

  function closeMenu() {
    if (!openMenu) return;
    openMenu.list.hidden = true;
    openMenu.button.setAttribute('aria-expanded', 'false');
    openMenu = null;
  }

  function drawMenus(menus) {
    menusEl.textContent = '';
    for (const menu of menus) {
      const list = el('ul', { class: 'menu-list', role: 'menu', hidden: true });
      const button = el('button', { type: 'button', class: 'menu-btn', 'aria-haspopup': 'menu', 'aria-expanded': 'false', text: menu.name });
      for (const item of menu.items) {
        if (item.type === 'separator') {
          list.append(el('li', { role: 'separator', class: 'menu-sep' }));
        } else if (item.type === 'item') {
          list.append(el('li', { role: 'none' }, el('button', {
            type: 'button', role: 'menuitem', class: 'menu-item', 'data-fn': item.functionName, text: item.caption,
            onclick: () => {
              closeMenu();
              runItem(item.functionName, item.caption);
            },
          })));
        }
      }
      button.addEventListener('click', (e) => {
        e.stopPropagation();
        const wasOpen = openMenu && openMenu.list === list;
        closeMenu();
        if (wasOpen) return;
        list.hidden = false;
        button.setAttribute('aria-expanded', 'true');
        openMenu = { list, button };
        const first = list.querySelector('[role=menuitem]');
        if (first) first.focus();
      });
      list.addEventListener('keydown', (e) => {
        const items = [...list.querySelectorAll('[role=menuitem]')];
        const i = items.indexOf(document.activeElement);
        if (e.key === 'ArrowDown') items[(i + 1) % items.length].focus();
        else if (e.key === 'ArrowUp') items[(i - 1 + items.length) % items.length].focus();
        else if (e.key === 'Escape') {
          closeMenu();
          button.focus();
        } else return;
        e.preventDefault();
      });
      menusEl.append(el('div', { class: 'menu' }, button, list));
    }
  }

  document.addEventListener('click', (e) => {
    if (openMenu && !openMenu.list.contains(e.target)) closeMenu();
  });

  // ---------------------------------------------------------------------------------------------
  // Running an item and showing what it showed

  let busy = Promise.resolve();

  function runItem(fn, caption) {
    busy = busy.then(async () => {
      grid.setStatus(fill(T.running, { item: caption }), false);
      const where = grid.selection();
      let run;
      try {
        run = await grid.api('/api/menu', Object.assign({ fn }, where || {}));
        // The item asked a Yes/No question (answered No, so nothing changed): ask the person, and on Yes run it again.
        const question = run.ok && run.alerts.find((a) => a.buttons === 'YES_NO');
        if (question) {
          const yes = await askYesNo(question.title, question.prompt);
          if (!yes) {
            // No: what the item said after the question (nothing was sent), then done.
            grid.setNote(fill(T.ran, { item: caption, seconds: (run.ms / 1000).toFixed(1) }), false);
            for (const a of run.alerts) if (a !== question) await showAlert(a.title, a.prompt, false);
            return;
          }
          run = await grid.api('/api/menu', Object.assign({ fn, answer: 'YES' }, where || {}));
          run.alerts = run.alerts.filter((a) => a.buttons !== 'YES_NO');
        }
      } catch (e) {
        grid.setNote(T.requestFailed + e.message, true);
        return;
      }
      await grid.refresh(run.active && run.active.sheet);
      grid.setNote(fill(T.ran, { item: caption, seconds: (run.ms / 1000).toFixed(1) }), !run.ok);
      for (const t of run.toasts) toast(t.title, t.message, t.seconds);
      for (const d of run.dialogs) {
        if (d.kind === 'sidebar') openSidebar(d);
        else await showFrameDialog(d);
      }
      for (const a of run.alerts) await showAlert(a.title, a.prompt, false);
      if (!run.ok) await showAlert(T.failed, run.error, true);
    });
    return busy;
  }

  function toast(title, message, seconds) {
    const t = el('div', { class: 'toast', role: 'status' }, title ? el('strong', { text: title }) : null, el('span', { text: message }));
    toasts.append(t);
    setTimeout(() => t.remove(), Math.max(2, Math.min(seconds > 0 ? seconds : 5, 30)) * 1000);
  }

  /** The dialog box: an alert (text and OK) or a frame; resolves when it is closed. */
  let closeDialog = null;

  function openDialog(title, body, size, onClose) {
    return new Promise((resolve) => {
      dialogTitle.textContent = title;
      dialogBody.textContent = '';
      dialogBody.append(body);
      dialogBox.style.width = size && size.width ? size.width + 'px' : '';
      overlay.hidden = false;
      closeDialog = () => {
        overlay.hidden = true;
        dialogBody.textContent = '';
        closeDialog = null;
        if (onClose) onClose();
        grid.focus();
        resolve();
      };
    });
  }

  document.getElementById('dlg-x').addEventListener('click', () => closeDialog && closeDialog());
  overlay.addEventListener('keydown', (e) => {
    if (e.key === 'Escape' && closeDialog) {
      e.preventDefault();
      closeDialog();
    }
  });

  /** A question with Yes and No (Ui.alert with ButtonSet.YES_NO); resolves true for Yes. */
  function askYesNo(title, message) {
    let answer = false;
    const yes = el('button', { type: 'button', class: 'dlg-ok', text: T.yes, onclick: () => { answer = true; closeDialog && closeDialog(); } });
    const no = el('button', { type: 'button', class: 'dlg-no', text: T.no, onclick: () => closeDialog && closeDialog() });
    const body = el('div', { class: 'alert' }, el('p', { class: 'alert-text', text: message }), el('div', { class: 'dlg-actions' }, no, yes));
    const shown = openDialog(title || 'Kehu', body, { width: 440 });
    yes.focus();
    return shown.then(() => answer);
  }

  function showAlert(title, message, isError) {
    const ok = el('button', { type: 'button', class: 'dlg-ok', text: T.ok, onclick: () => closeDialog && closeDialog() });
    const body = el('div', { class: 'alert' + (isError ? ' err' : '') }, el('p', { class: 'alert-text', text: message }), el('div', { class: 'dlg-actions' }, ok));
    const shown = openDialog(title || 'Kehu', body, { width: 440 });
    ok.focus();
    return shown;
  }

  function frame(id, title) {
    return el('iframe', { sandbox: FRAME_SANDBOX, src: '/ui/' + id, title: title });
  }

  function showFrameDialog(d) {
    const f = frame(d.id, d.title);
    f.style.width = (d.width || 420) + 'px';
    f.style.height = (d.height || 220) + 'px';
    frames.set(f, 'dialog');
    return openDialog(d.title, f, { width: (d.width || 420) + 34 }, () => frames.delete(f));
  }

  function openSidebar(d) {
    sidebarTitle.textContent = d.title;
    const f = frame(d.id, d.title);
    f.id = 'sb-frame';
    const old = document.getElementById('sb-frame');
    if (old) {
      frames.delete(old);
      old.replaceWith(f);
    }
    frames.set(f, 'sidebar');
    sidebar.hidden = false;
  }

  function closeSidebar() {
    sidebar.hidden = true;
    const f = document.getElementById('sb-frame');
    frames.delete(f);
    f.replaceWith(el('iframe', { id: 'sb-frame', sandbox: FRAME_SANDBOX, title: '' }));
    grid.focus();
  }

  document.getElementById('sb-close').addEventListener('click', closeSidebar);

  // ---------------------------------------------------------------------------------------------
  // google.script.run: the frames' calls go to the server, one execution each

  function frameOf(source) {
    for (const f of frames.keys()) if (f.isConnected && f.contentWindow === source) return f;
    return null;
  }

  window.addEventListener('message', async (event) => {
    const f = frameOf(event.source);
    const msg = event.data;
    if (!f || !msg || typeof msg !== 'object') return;
    if (msg.type === 'kehu.host') {
      if (msg.action === 'close') {
        if (frames.get(f) === 'sidebar') closeSidebar();
        else if (closeDialog) closeDialog();
      } else if (msg.action === 'height' && frames.get(f) === 'dialog' && msg.value > 0) {
        f.style.height = Math.min(msg.value, window.innerHeight - 120) + 'px';
      } else if (msg.action === 'width' && frames.get(f) === 'dialog' && msg.value > 0) {
        f.style.width = Math.min(msg.value, window.innerWidth - 80) + 'px';
      } else if (msg.action === 'focus') {
        grid.focus();
      }
      return;
    }
    if (msg.type !== 'kehu.run' || typeof msg.callId !== 'string' || typeof msg.name !== 'string' || typeof msg.args !== 'string') return;
    let reply;
    try {
      reply = await grid.api('/api/run', { name: msg.name, args: msg.args });
    } catch (e) {
      reply = { ok: false, message: e.message };
    }
    if (event.source) {
      event.source.postMessage(reply.ok ? { type: 'kehu.reply', callId: msg.callId, ok: true, value: reply.value } : { type: 'kehu.reply', callId: msg.callId, ok: false, message: reply.message }, '*');
    }
    // What the call wrote (a logged contact, an edited field) shows in the grid.
    if (reply.revision !== undefined) grid.refresh();
  });

  // ---------------------------------------------------------------------------------------------
  // The simulated calendar

  async function drawCalendar(pane) {
    let cal;
    try {
      cal = await grid.api('/api/calendar');
    } catch (e) {
      grid.setStatus(T.requestFailed + e.message, true);
      return;
    }
    pane.textContent = '';
    pane.append(el('h2', { text: T.calendarTitle }));
    const mails = cal.people.reduce((n, p) => n + p.mails.invite + p.mails.update + p.mails.cancel, 0);
    pane.append(el('p', { class: 'cal-summary', text: fill(T.calendarSummary, { events: cal.events, cancelled: cal.cancelled, people: cal.people.length, mails }) }));
    const trigger = cal.triggers.find((t) => t.handler === 'runDailyAutomation');
    pane.append(el('p', { class: 'cal-auto', text: trigger ? fill(T.automationOn, { next: trigger.nextRun || '—' }) : T.automationOff }));
    if (cal.people.length === 0) {
      pane.append(el('p', { class: 'cal-empty', text: T.calendarEmpty }));
      return;
    }
    const SHOWN = 40;
    cal.people.forEach((p, i) => {
      const list = el('ol', { class: 'cal-events' });
      for (const e of p.events.slice(0, SHOWN)) {
        list.append(el('li', { class: e.status === 'cancelled' ? 'cancelled' : '' },
          el('time', { text: e.start.replace('T', ' ').slice(0, 16) }),
          el('span', { class: 'cal-what', text: e.summary }),
          e.status === 'cancelled' ? el('span', { class: 'cal-status', text: T.cancelled }) : null));
      }
      if (p.events.length > SHOWN) list.append(el('li', { class: 'more', text: fill(T.calendarMore, { n: p.events.length - SHOWN }) }));
      pane.append(el('details', { class: 'cal-person', open: i === 0, 'data-email': p.email },
        el('summary', {},
          el('strong', { text: p.name || p.email }), ' ',
          el('span', { class: 'cal-mail', text: p.email }), ' ',
          el('span', { class: 'cal-count', text: fill(T.calendarPerson, { events: p.events.length, invite: p.mails.invite, update: p.mails.update, cancel: p.mails.cancel }) })),
        list));
    });
  }

  window.KehuAddon = { drawCalendar, runItem };

  grid.api('/api/sheets').then((info) => drawMenus(info.menus), (e) => grid.setStatus(T.requestFailed + e.message, true));
})();
