/**
 * The Ui of SpreadsheetApp.getUi(): menus, alerts, prompts, sidebars and dialogs. What the
 * script shows is recorded in the GasState (the user's editor outlives executions), so tests
 * read the menu tree, "click" items, script the answers to alerts and read dialogs' HTML.
 */
import { htmlStateOf } from './html';
import { counted, type Runtime } from './runtime';

export type MenuEntry =
  | { type: 'item'; caption: string; functionName: string }
  | { type: 'separator' }
  | { type: 'submenu'; name: string; items: MenuEntry[] };

export interface MenuTree {
  name: string;
  /** Made by createAddonMenu() (shown under Extensions › add-on name). */
  addOn: boolean;
  items: MenuEntry[];
}

export type ButtonName = 'OK' | 'CANCEL' | 'YES' | 'NO' | 'CLOSE';
export type ButtonSetName = 'OK' | 'OK_CANCEL' | 'YES_NO' | 'YES_NO_CANCEL';

export interface AlertRecord {
  kind: 'alert' | 'prompt';
  title: string;
  prompt: string;
  buttons: ButtonSetName;
  /** The button the (scripted) user pressed. */
  answer: ButtonName;
  /** Prompt only: the text typed. */
  text?: string;
  execution: number;
}

export interface DialogRecord {
  kind: 'sidebar' | 'modal' | 'modeless';
  title: string;
  html: string;
  /** Size the output asked for (0 when not set; a sidebar's width is fixed at 300 px). */
  width: number;
  height: number;
  execution: number;
}

export interface ToastRecord {
  message: string;
  title: string;
  seconds: number;
  execution: number;
}

/** A test's answer to the next alert or prompt. */
export interface ScriptedAnswer {
  button?: ButtonName;
  text?: string;
}

export interface UiState {
  menus: MenuTree[];
  dialogs: DialogRecord[];
  alerts: AlertRecord[];
  toasts: ToastRecord[];
  answers: ScriptedAnswer[];
  /** The answer to a Yes/No question nobody scripted (default Yes, the first button); the playground asks No first, then shows the question. */
  yesNoDefault?: 'YES' | 'NO';
}

export const Button = { CLOSE: 'CLOSE', OK: 'OK', CANCEL: 'CANCEL', YES: 'YES', NO: 'NO' } as const;
export const ButtonSet = { OK: 'OK', OK_CANCEL: 'OK_CANCEL', YES_NO: 'YES_NO', YES_NO_CANCEL: 'YES_NO_CANCEL' } as const;

const BUTTONS_OF: Record<ButtonSetName, ButtonName[]> = {
  OK: ['OK', 'CLOSE'],
  OK_CANCEL: ['OK', 'CANCEL', 'CLOSE'],
  YES_NO: ['YES', 'NO', 'CLOSE'],
  YES_NO_CANCEL: ['YES', 'NO', 'CANCEL', 'CLOSE'],
};

export interface FakeMenu {
  addItem(caption: string, functionName: string): FakeMenu;
  addSeparator(): FakeMenu;
  addSubMenu(menu: FakeMenu): FakeMenu;
  addToUi(): void;
}

export interface FakePromptResponse {
  getResponseText(): string;
  getSelectedButton(): ButtonName;
}

export interface FakeUi {
  createMenu(caption: string): FakeMenu;
  createAddonMenu(): FakeMenu;
  alert(a: string, b?: string, c?: string): ButtonName;
  prompt(a: string, b?: string, c?: string): FakePromptResponse;
  showSidebar(userInterface: unknown): void;
  showModalDialog(userInterface: unknown, title: string): void;
  showModelessDialog(userInterface: unknown, title: string): void;
  Button: typeof Button;
  ButtonSet: typeof ButtonSet;
}

const menuStates = new WeakMap<object, MenuTree>();

const copyEntries = (items: MenuEntry[]): MenuEntry[] =>
  items.map((e) => (e.type === 'submenu' ? { type: 'submenu', name: e.name, items: copyEntries(e.items) } : { ...e }));

export function createUi(rt: Runtime): FakeUi {
  const ui = rt.state.ui;

  const makeMenu = (name: string, addOn: boolean): FakeMenu => {
    const tree: MenuTree = { name, addOn, items: [] };
    const menu: FakeMenu = {
      addItem(caption, functionName) {
        tree.items.push({ type: 'item', caption: String(caption), functionName: String(functionName) });
        return menu;
      },
      addSeparator() {
        tree.items.push({ type: 'separator' });
        return menu;
      },
      addSubMenu(sub) {
        const s = menuStates.get(sub);
        if (!s) throw rt.error('Invalid argument: menu');
        tree.items.push({ type: 'submenu', name: s.name, items: s.items });
        return menu;
      },
      addToUi() {
        // A menu added again (onOpen runs on every open) replaces the one shown.
        const shown: MenuTree = { name: tree.name, addOn: tree.addOn, items: copyEntries(tree.items) };
        const i = ui.menus.findIndex((m) => m.name === tree.name && m.addOn === tree.addOn);
        if (i >= 0) ui.menus[i] = shown;
        else ui.menus.push(shown);
      },
    };
    menuStates.set(menu, tree);
    return counted('Menu', menu, rt);
  };

  /** The next scripted answer, checked against the buttons the dialog offers. */
  const answer = (buttons: ButtonSetName, kind: string): ScriptedAnswer & { button: ButtonName } => {
    const next = ui.answers.shift() ?? {};
    const offered = BUTTONS_OF[buttons];
    const button = next.button ?? (buttons === 'YES_NO' && ui.yesNoDefault ? ui.yesNoDefault : offered[0]);
    if (!offered.includes(button)) throw new Error(`Test script: the ${kind} offers ${offered.join(', ')}, but the scripted answer is ${button}.`);
    return { ...next, button };
  };

  /** (prompt) | (prompt, buttons) | (title, prompt, buttons), as Apps Script overloads alert and prompt. */
  const parseArgs = (a: string, b?: string, c?: string): { title: string; prompt: string; buttons: ButtonSetName } => {
    const set = (x: unknown): ButtonSetName => {
      if (x === undefined) return 'OK';
      if (!Object.values(ButtonSet).includes(x as ButtonSetName)) throw rt.error('Invalid argument: buttons');
      return x as ButtonSetName;
    };
    if (c !== undefined) return { title: String(a), prompt: String(b), buttons: set(c) };
    if (b !== undefined) return { title: '', prompt: String(a), buttons: set(b) };
    return { title: '', prompt: String(a), buttons: 'OK' };
  };

  const show = (kind: DialogRecord['kind'], userInterface: unknown, title?: string): void => {
    const s = htmlStateOf(userInterface);
    if (!s) throw rt.error('Invalid argument: userInterface');
    ui.dialogs.push({
      kind,
      title: kind === 'sidebar' ? s.title : String(title ?? ''),
      html: s.content,
      width: kind === 'sidebar' ? 300 : s.width ?? 0,
      height: s.height ?? 0,
      execution: rt.execution.id,
    });
  };

  return counted('Ui', {
    createMenu: (caption: string) => makeMenu(String(caption), false),
    createAddonMenu: () => makeMenu(rt.state.addOnName, true),
    alert(a: string, b?: string, c?: string) {
      const args = parseArgs(a, b, c);
      const { button } = answer(args.buttons, 'alert');
      ui.alerts.push({ kind: 'alert', ...args, answer: button, execution: rt.execution.id });
      return button;
    },
    prompt(a: string, b?: string, c?: string) {
      const args = parseArgs(a, b, c);
      const { button, text = '' } = answer(args.buttons, 'prompt');
      ui.alerts.push({ kind: 'prompt', ...args, answer: button, text, execution: rt.execution.id });
      return counted('PromptResponse', { getResponseText: () => text, getSelectedButton: () => button }, rt);
    },
    showSidebar: (userInterface: unknown) => show('sidebar', userInterface),
    showModalDialog: (userInterface: unknown, title: string) => show('modal', userInterface, title),
    showModelessDialog: (userInterface: unknown, title: string) => show('modeless', userInterface, title),
    Button,
    ButtonSet,
  }, rt);
}

/** The item at `path` (captions; a leading menu name is optional), searching add-on menus first. */
export function findMenuItem(menus: MenuTree[], path: string[]): { caption: string; functionName: string } {
  const walk = (items: MenuEntry[], rest: string[]): { caption: string; functionName: string } | undefined => {
    const [head, ...tail] = rest;
    for (const e of items) {
      if (tail.length === 0 && e.type === 'item' && e.caption === head) return e;
      if (tail.length > 0 && e.type === 'submenu' && e.name === head) {
        const found = walk(e.items, tail);
        if (found) return found;
      }
    }
    return undefined;
  };
  const ordered = [...menus].sort((a, b) => Number(b.addOn) - Number(a.addOn));
  for (const m of ordered) {
    const found = (path.length > 1 && path[0] === m.name ? walk(m.items, path.slice(1)) : undefined) ?? walk(m.items, path);
    if (found) return found;
  }
  const shown = menus.map((m) => `${m.name}: ${JSON.stringify(m.items)}`).join('; ') || 'no menus';
  throw new Error(`No menu item ${path.join(' › ')} (menus shown: ${shown})`);
}
