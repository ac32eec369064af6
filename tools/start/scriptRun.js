// google.script.run and google.script.host for a sidebar or dialog of the playground (plain
// browser JavaScript, injected first into the frame's HTML by dialogPage.ts and called with the
// server's public function names). The frame is sandboxed, as Apps Script's is: it talks to
// the page that holds it, which sends each call to the server (one Apps Script execution each).
//
// The rules are Apps Script's (HtmlService guide "Communicate with server functions"):
// - the runner offers only the server's public functions (global names not ending in '_');
//   withSuccessHandler / withFailureHandler / withUserObject each return a new runner;
// - arguments are primitives, plain objects and arrays of them, or one form element (sent as
//   its fields); a Date, a function or another DOM node anywhere throws at once:
//   "Failed due to illegal value in property: <path>"; undefined inside an array becomes null;
// - calls are asynchronous; the success handler gets the result (null for none, and null when
//   the result held a Date), the failure handler an Error with the server's message as it is.
(function (names) {
  'use strict';
  var pending = {};
  var nextId = 1;

  function post(message) {
    window.parent.postMessage(message, '*');
  }

  window.addEventListener('message', function (event) {
    if (event.source !== window.parent) return;
    var reply = event.data;
    if (!reply || reply.type !== 'kehu.reply' || !pending[reply.callId]) return;
    var call = pending[reply.callId];
    delete pending[reply.callId];
    if (reply.ok) {
      if (call.success) call.success(reply.value === undefined ? null : reply.value, call.userObject);
    } else if (call.failure) {
      call.failure(new Error(reply.message), call.userObject);
    }
  });

  function isNode(value) {
    return typeof Node !== 'undefined' && value instanceof Node;
  }

  /** The path of the first value Apps Script refuses, or null. */
  function illegal(value, path) {
    if (value === null || value === undefined) return null;
    var t = typeof value;
    if (t === 'string' || t === 'number' || t === 'boolean') return null;
    if (t === 'function' || t === 'symbol' || t === 'bigint') return path;
    if (value instanceof Date || isNode(value)) return path;
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

  /** A form element is sent as its named fields (checkboxes when checked; several values as an array). */
  function formFields(form) {
    var out = {};
    for (var i = 0; i < form.elements.length; i++) {
      var el = form.elements[i];
      if (!el.name || el.disabled) continue;
      if ((el.type === 'checkbox' || el.type === 'radio') && !el.checked) continue;
      if (el.type === 'file') continue;
      var v = el.value;
      if (out.hasOwnProperty(el.name)) out[el.name] = [].concat(out[el.name], v);
      else out[el.name] = v;
    }
    return out;
  }

  function runner(success, failure, userObject) {
    var r = {
      withSuccessHandler: function (f) { return runner(f, failure, userObject); },
      withFailureHandler: function (f) { return runner(success, f, userObject); },
      withUserObject: function (o) { return runner(success, failure, o); },
    };
    names.forEach(function (name) {
      if (/_$/.test(name)) return;
      r[name] = function () {
        var args = Array.prototype.slice.call(arguments).map(function (a) {
          return typeof HTMLFormElement !== 'undefined' && a instanceof HTMLFormElement ? formFields(a) : a;
        });
        for (var i = 0; i < args.length; i++) {
          var bad = illegal(args[i], String(i));
          if (bad) throw new Error('Failed due to illegal value in property: ' + bad);
        }
        var callId = 'c' + nextId++;
        pending[callId] = { success: success, failure: failure, userObject: userObject };
        post({ type: 'kehu.run', callId: callId, name: name, args: JSON.stringify(args) });
      };
    });
    return r;
  }

  var host = {
    origin: location.origin,
    close: function () { post({ type: 'kehu.host', action: 'close' }); },
    setHeight: function (h) { post({ type: 'kehu.host', action: 'height', value: Number(h) }); },
    setWidth: function (w) { post({ type: 'kehu.host', action: 'width', value: Number(w) }); },
    editor: { focus: function () { post({ type: 'kehu.host', action: 'focus' }); } },
  };
  Object.defineProperty(window, 'google', {
    value: Object.freeze({ script: Object.freeze({ run: runner(null, null, undefined), host: Object.freeze(host) }) }),
    configurable: false,
    writable: false,
  });
})
