/**
 * A `google.script.run` for a page in Chromium that keeps Apps Script's rules (HtmlService
 * guide "Communicate with server functions", reference "google.script.run"), bridged to a
 * server object in Node:
 * - each `with…Handler` returns a runner for chaining; only the server's public functions are
 *   on it (global names not ending in `_`);
 * - arguments may be primitives and plain objects/arrays of them: a Date, a function or a DOM
 *   node anywhere makes the request fail (here: it throws at once, before anything is sent);
 *   `undefined` in an array becomes null;
 * - answers are asynchronous; a result holding a Date reaches the page as null;
 * - a server exception reaches the failure handler as an Error carrying the server's message.
 */
import type { Page } from 'playwright-core';

export const SERVER_FUNCTIONS = ['kehuOpenCard', 'kehuCustomerList', 'kehuSearch', 'kehuLogContact', 'kehuEditField', 'kehuRevealField', 'kehuClassifyNow'];

/**
 * Runs in the page before its own script (page.addInitScript). Plain JavaScript source, not a
 * serialized TypeScript function: a TypeScript runner may add helpers (esbuild's __name) that
 * do not exist in the page.
 */
const RUN_SCRIPT = String.raw`(function (names) {
  'use strict';
  // Read at call time: Playwright's binding may be installed after this script.
  function bridge(name, json) { return window.__kehuBridge(name, json); }

  // The path of the first value Apps Script would refuse, or null.
  function illegal(value, path) {
    if (value === null || value === undefined) return null;
    var t = typeof value;
    if (t === 'string' || t === 'number' || t === 'boolean') return null;
    if (t === 'function' || t === 'symbol' || t === 'bigint') return path;
    if (value instanceof Date || value instanceof Node) return path;
    if (Array.isArray(value)) {
      for (var i = 0; i < value.length; i++) {
        var badItem = illegal(value[i], path + '.' + i);
        if (badItem) return badItem;
      }
      return null;
    }
    var proto = Object.getPrototypeOf(value);
    if (proto !== Object.prototype && proto !== null) return path;
    var keys = Object.keys(value);
    for (var k = 0; k < keys.length; k++) {
      var bad = illegal(value[keys[k]], path + '.' + keys[k]);
      if (bad) return bad;
    }
    return null;
  }

  function runner(success, failure) {
    var r = {
      withSuccessHandler: function (f) { return runner(f, failure); },
      withFailureHandler: function (f) { return runner(success, f); },
      withUserObject: function () { return runner(success, failure); },
    };
    names.forEach(function (name) {
      if (/_$/.test(name)) return;
      r[name] = function () {
        var args = Array.prototype.slice.call(arguments);
        for (var i = 0; i < args.length; i++) {
          var bad = illegal(args[i], String(i));
          if (bad) throw new Error('Failed due to illegal value in property: ' + bad);
        }
        bridge(name, JSON.stringify(args)).then(function (json) {
          var reply = JSON.parse(json);
          // A macrotask later, as a network answer would come.
          setTimeout(function () {
            if (reply.ok) { if (success) success(reply.value === undefined ? null : reply.value); }
            else if (failure) failure(new Error(reply.message));
          }, 0);
        });
      };
    });
    return r;
  }
  Object.defineProperty(window, 'google', {
    value: { script: { run: runner(null, null), host: { origin: location.origin, close: function () {}, editor: { focus: function () {} } } } },
    configurable: false,
    writable: false,
  });
})`;

function holdsDate(value: unknown): boolean {
  if (value instanceof Date) return true;
  if (Array.isArray(value)) return value.some(holdsDate);
  if (value && typeof value === 'object') return Object.values(value).some(holdsDate);
  return false;
}

export interface ServerLike {
  handle(name: string, arg: unknown): Promise<unknown>;
}

/** Wires a page to a server: call before page.goto. */
export async function installScriptRun(page: Page, server: ServerLike, names = SERVER_FUNCTIONS): Promise<void> {
  await page.exposeFunction('__kehuBridge', async (name: string, json: string): Promise<string> => {
    const args = JSON.parse(json) as unknown[];
    try {
      const value = await server.handle(name, args[0]);
      return JSON.stringify({ ok: true, value: holdsDate(value) ? null : value });
    } catch (e) {
      return JSON.stringify({ ok: false, message: e instanceof Error ? e.message : String(e) });
    }
  });
  await page.addInitScript({ content: `${RUN_SCRIPT}(${JSON.stringify(names)});` });
}
