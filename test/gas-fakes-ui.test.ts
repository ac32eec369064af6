/** Ui (menus, alerts, prompts, sidebars, dialogs) and HtmlService fakes. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createGasFakes, type FakeHtmlOutput, type FakeUi } from '../tools/gas/fakes';

type Html = { createHtmlOutput(html?: string): FakeHtmlOutput; createHtmlOutputFromFile(name: string): FakeHtmlOutput; SandboxMode: Record<string, string>; XFrameOptionsMode: Record<string, string> };

function fakes(options: Parameters<typeof createGasFakes>[0] = {}) {
  const f = createGasFakes(options);
  const ui = () => (f.globals.SpreadsheetApp as { getUi(): FakeUi }).getUi();
  return { ...f, ui: f.ui, getUi: ui, Html: f.globals.HtmlService as Html };
}

describe('menus', () => {
  it('records the add-on menu tree with separators and submenus, replacing it when onOpen runs again', () => {
    const f = fakes({ addOnName: 'Kehu' });
    const ui = f.getUi();
    const sub = ui.createMenu('Automation').addItem('On', 'installAutomation').addItem('Off', 'removeAutomation');
    ui.createAddonMenu().addItem('Customer card', 'showCustomerCard').addSeparator().addSubMenu(sub).addToUi();
    ui.createAddonMenu().addItem('Customer card', 'showCustomerCard').addSeparator().addSubMenu(sub).addToUi();
    ui.createMenu('Tools').addItem('Export', 'exportIcs').addToUi();
    expect(f.ui.menus()).toEqual([
      {
        name: 'Kehu',
        addOn: true,
        items: [
          { type: 'item', caption: 'Customer card', functionName: 'showCustomerCard' },
          { type: 'separator' },
          { type: 'submenu', name: 'Automation', items: [
            { type: 'item', caption: 'On', functionName: 'installAutomation' },
            { type: 'item', caption: 'Off', functionName: 'removeAutomation' },
          ] },
        ],
      },
      { name: 'Tools', addOn: false, items: [{ type: 'item', caption: 'Export', functionName: 'exportIcs' }] },
    ]);
    expect(f.ui.item('Automation', 'Off').functionName).toBe('removeAutomation');
    expect(f.ui.item('Kehu', 'Customer card').functionName).toBe('showCustomerCard');
    expect(f.ui.item('Export').functionName).toBe('exportIcs');
    expect(() => f.ui.item('Nothing')).toThrow('No menu item Nothing');
    expect(f.calls.get('Menu.addItem')).toBe(5);
    expect(f.calls.get('Ui.createAddonMenu')).toBe(2);
  });

  it('refuses getUi() where there is no editor (a trigger or the script editor)', () => {
    const f = fakes();
    f.beginExecution({ ui: false });
    expect(() => f.getUi()).toThrow('Cannot call SpreadsheetApp.getUi() from this context.');
    f.beginExecution({ authMode: 'NONE', ui: true });
    expect(() => f.getUi().createAddonMenu().addItem('Start', 'start').addToUi()).not.toThrow(); // menus work in NONE
  });
});

describe('alerts and prompts', () => {
  it('answers with the first button unless the test scripted another, and records what was asked', () => {
    const f = fakes();
    const ui = f.getUi();
    expect(ui.alert('Saved')).toBe('OK');
    expect(ui.alert('Replace the schedule?', ui.ButtonSet.YES_NO)).toBe('YES');
    f.ui.answer('NO', { button: 'CANCEL' });
    expect(ui.alert('Kehu', 'Send invites?', ui.ButtonSet.YES_NO)).toBe(ui.Button.NO);
    const response = ui.prompt('Kehu', 'Customer code?', ui.ButtonSet.OK_CANCEL);
    expect(response.getSelectedButton()).toBe('CANCEL');
    expect(response.getResponseText()).toBe('');
    f.ui.answer({ text: 'C01' });
    expect(ui.prompt('Customer code?').getResponseText()).toBe('C01');
    expect(f.ui.alerts().map(({ kind, title, prompt, buttons, answer }) => [kind, title, prompt, buttons, answer])).toEqual([
      ['alert', '', 'Saved', 'OK', 'OK'],
      ['alert', '', 'Replace the schedule?', 'YES_NO', 'YES'],
      ['alert', 'Kehu', 'Send invites?', 'YES_NO', 'NO'],
      ['prompt', 'Kehu', 'Customer code?', 'OK_CANCEL', 'CANCEL'],
      ['prompt', '', 'Customer code?', 'OK', 'OK'],
    ]);
    f.ui.answer('YES');
    expect(() => ui.alert('Only OK here')).toThrow('the alert offers OK, CLOSE, but the scripted answer is YES');
    expect(() => ui.alert('x', 'y', 'MAYBE')).toThrow('Invalid argument: buttons');
  });

  it('needs FULL authorization: simple triggers may not open dialogs', () => {
    const f = fakes();
    f.beginExecution({ authMode: 'LIMITED' });
    expect(() => f.getUi().alert('hi')).toThrow(
      'You do not have permission to call Ui.alert. Required permissions: https://www.googleapis.com/auth/script.container.ui',
    );
  });
});

describe('sidebars and dialogs', () => {
  let dir: string;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kehu-html-'));
    fs.writeFileSync(path.join(dir, 'sidebar.html'), '<!doctype html><p>客户卡</p>');
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('shows HTML from the project folder in a sidebar and records its title and content', () => {
    const f = fakes({ htmlDir: dir });
    const out = f.Html.createHtmlOutputFromFile('sidebar').setTitle('客户卡 · Kehu');
    f.getUi().showSidebar(out);
    expect(f.ui.lastDialog()).toMatchObject({ kind: 'sidebar', title: '客户卡 · Kehu', html: '<!doctype html><p>客户卡</p>', width: 300 });
    expect(f.Html.createHtmlOutputFromFile('sidebar.html').getContent()).toContain('客户卡');
    expect(() => f.Html.createHtmlOutputFromFile('Card')).toThrow('No HTML file named Card was found.');
    expect(() => f.Html.createHtmlOutputFromFile('../etc/passwd')).toThrow('No HTML file named');
    expect(f.calls.get('Ui.showSidebar')).toBe(1);
    expect(f.calls.get('HtmlService.createHtmlOutputFromFile')).toBe(4);
  });

  it('builds HTML output and shows modal and modeless dialogs with their title and size', () => {
    const f = fakes({ htmlFiles: { x: '' } });
    const out = f.Html.createHtmlOutput('<a download>')
      .append('<b>.ics</b>')
      .setWidth(420)
      .setHeight(220)
      .setSandboxMode(f.Html.SandboxMode.IFRAME)
      .setXFrameOptionsMode(f.Html.XFrameOptionsMode.ALLOWALL);
    expect([out.getWidth(), out.getHeight(), out.getContent()]).toEqual([420, 220, '<a download><b>.ics</b>']);
    out.appendUntrusted('<script>');
    expect(out.getContent()).toBe('<a download><b>.ics</b>&lt;script&gt;');
    f.getUi().showModalDialog(out.setContent('<p>ok</p>'), 'Export');
    f.getUi().showModelessDialog(f.Html.createHtmlOutput('<p>later</p>'), 'Note');
    expect(f.ui.dialogs().map(({ kind, title, html, width, height }) => [kind, title, html, width, height])).toEqual([
      ['modal', 'Export', '<p>ok</p>', 420, 220],
      ['modeless', 'Note', '<p>later</p>', 0, 0],
    ]);
    expect(() => f.getUi().showSidebar('<p>not an output</p>')).toThrow('Invalid argument: userInterface');
    expect(() => out.setSandboxMode('SAFE')).toThrow('Invalid argument: mode');
    f.ui.clear();
    expect(f.ui.dialogs()).toEqual([]);
  });
});
