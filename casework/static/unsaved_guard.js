/* The page's own guard against lost text (issue 17). The kernel saves; this script only
 * watches whether the kernel is still there to save.
 *
 * 1. Every change a widget sends to the kernel is answered at once by an `echo_update`
 *    (ipywidgets 8). A change with no answer within ACK_MS, a closed connection, or a
 *    kernel that restarted (its widgets are gone) turns the page's save status into
 *    "Connection lost: not saved".
 * 2. What the student types is also kept in this browser (localStorage, one key per page
 *    and student) until a "Saved at" status follows it. After a reload, text the saved
 *    case does not hold is offered back.
 *
 * It runs in <head>, before Voilà opens its kernel connection, so it sees that connection.
 */
(function () {
  "use strict";
  var ACK_MS = 5000;
  var SAVED_MARGIN_MS = 1500; // a save acknowledges only edits this much older than it
  var LOST_TEXT = "Connection lost: not saved. Your text is still on this page; " +
    "reload to reconnect. This browser keeps a copy and offers it back after the reload.";

  var params = new URLSearchParams(window.location.search);
  var student = (params.get("student") || "").trim().toLowerCase() || "(shared)";
  var page = window.location.pathname.split("/").pop();
  var STORE_KEY = "casework-unsaved:" + page + ":" + student;

  var pending = {}; // msg_id -> time sent, for widget updates not yet answered
  var lost = false;
  var unloading = false;
  var offered = false;
  var openedAt = Date.now(); // only text typed before this page opened is offered back
  window.addEventListener("beforeunload", function () { unloading = true; });

  function text(data) {
    if (typeof data === "string") return data;
    try {
      if (data instanceof ArrayBuffer) return new TextDecoder().decode(data);
      if (ArrayBuffer.isView(data)) return new TextDecoder().decode(data);
    } catch (e) { /* not text: not ours to read */ }
    return "";
  }

  // --- 1. Is the kernel still answering? -------------------------------------------
  var Native = window.WebSocket;
  function Watched(url, protocols) {
    var socket = protocols === undefined ? new Native(url) : new Native(url, protocols);
    if (String(url).indexOf("/channels") !== -1) watch(socket);
    return socket;
  }
  Watched.prototype = Native.prototype;
  ["CONNECTING", "OPEN", "CLOSING", "CLOSED"].forEach(function (name) {
    Watched[name] = Native[name];
  });
  window.WebSocket = Watched;

  function watch(socket) {
    var send = socket.send;
    socket.send = function (data) {
      var body = text(data);
      if (body.indexOf("comm_msg") !== -1 && /"method"\s*:\s*"update"/.test(body)) {
        var id = /"msg_id"\s*:\s*"([^"]+)"/.exec(body);
        if (id) pending[id[1]] = Date.now();
      }
      return send.apply(socket, arguments);
    };
    socket.addEventListener("message", function (event) {
      var body = text(event.data);
      if (!body) return;
      if (/"execution_state"\s*:\s*"(restarting|dead)"/.test(body)) {
        connectionLost(); // a new kernel has none of this page's widgets
        return;
      }
      if (body.indexOf("echo_update") === -1) return;
      Object.keys(pending).forEach(function (id) {
        if (body.indexOf(id) !== -1) delete pending[id];
      });
    });
    socket.addEventListener("close", function () {
      if (!unloading) connectionLost();
    });
  }

  setInterval(function () {
    var now = Date.now();
    Object.keys(pending).forEach(function (id) {
      if (now - pending[id] > ACK_MS) connectionLost();
    });
  }, 1000);

  function connectionLost() {
    if (lost) return;
    lost = true;
    document.querySelectorAll(".e2e-save-status").forEach(function (status) {
      status.innerHTML = "";
      var panel = document.createElement("div");
      panel.className = "cw-panel cw-error e2e-connection-lost";
      panel.setAttribute("role", "alert");
      panel.textContent = "✗ " + LOST_TEXT;
      status.appendChild(panel);
    });
    banner("e2e-connection-lost-banner", "✗ " + LOST_TEXT, [
      ["Reload", function () { window.location.reload(); }],
    ]);
  }

  // --- 2. A copy of unsaved text in this browser ------------------------------------
  function drafts() {
    try { return JSON.parse(window.localStorage.getItem(STORE_KEY) || "{}"); }
    catch (e) { return {}; }
  }
  function keep(all) {
    try {
      if (Object.keys(all).length) window.localStorage.setItem(STORE_KEY, JSON.stringify(all));
      else window.localStorage.removeItem(STORE_KEY);
    } catch (e) { /* storage full or blocked: the kernel's save is still the real one */ }
  }
  function hookOf(element) {
    for (var node = element; node && node !== document.body; node = node.parentElement) {
      for (var i = 0; i < node.classList.length; i++) {
        if (node.classList[i].indexOf("e2e-") === 0) return node.classList[i];
      }
    }
    return null;
  }
  function fieldsOf(hook) {
    return Array.prototype.slice.call(
      document.querySelectorAll("." + hook + " textarea, ." + hook + " input[type=text]"));
  }
  function fieldKey(element) {
    var hook = hookOf(element);
    if (!hook || hook === "e2e-connection-lost-banner") return null;
    return hook + "#" + fieldsOf(hook).indexOf(element);
  }
  function fieldFor(key) {
    var parts = key.split("#");
    return fieldsOf(parts[0])[Number(parts[1])] || null;
  }
  function labelOf(key) {
    var field = fieldFor(key);
    var label = field && field.parentElement && field.parentElement.querySelector("label");
    return label ? label.textContent.trim() : "";
  }
  function scenario() {
    var picker = document.querySelector(".e2e-scenario select");
    return picker && picker.selectedIndex >= 0 ? picker.options[picker.selectedIndex].text : "";
  }

  document.addEventListener("input", function (event) {
    var element = event.target;
    if (!element.matches || !element.matches("textarea, input[type=text]")) return;
    var key = fieldKey(element);
    if (!key) return;
    var all = drafts();
    all[key] = { value: element.value, at: Date.now(), scenario: scenario() };
    keep(all);
  }, true);

  function savedNow() {
    if (lost) return;
    var cutoff = Date.now() - SAVED_MARGIN_MS;
    var all = drafts();
    Object.keys(all).forEach(function (key) {
      if (all[key].at < cutoff) delete all[key];
    });
    keep(all);
  }
  new MutationObserver(function (changes) {
    for (var i = 0; i < changes.length; i++) {
      var target = changes[i].target;
      var status = target.closest ? target.closest(".e2e-save-status") :
        target.parentElement && target.parentElement.closest(".e2e-save-status");
      if (status && /Saved at|changes are kept/.test(status.textContent)) {
        savedNow();
        return;
      }
    }
  }).observe(document.documentElement, { childList: true, subtree: true, characterData: true });

  function offerable() {
    var all = drafts();
    var found = [];
    Object.keys(all).forEach(function (key) {
      var draft = all[key];
      if (draft.at >= openedAt) return; // typed on this page: still on the screen
      var field = fieldFor(key);
      if (!field || field.offsetParent === null || draft.scenario !== scenario()) return;
      if (field.value === draft.value) {
        delete all[key]; // the saved case holds it already
      } else if (draft.value.trim()) {
        found.push(key);
      }
    });
    keep(all);
    return found;
  }

  setInterval(function () {
    if (offered || lost) return;
    var keys = offerable();
    if (!keys.length) return;
    offered = true;
    var all = drafts();
    var newest = Math.max.apply(null, keys.map(function (key) { return all[key].at; }));
    var when = new Date(newest).toLocaleTimeString([], { hour: "2-digit", minute: "2-digit" });
    var names = keys.map(labelOf).filter(function (name) { return name; });
    var where = names.length === keys.length && names.length <= 2 ?
      " in " + names.join(" and ") : keys.length > 1 ? " in " + keys.length + " fields" : "";
    var box = banner("e2e-restore-offer",
      "You had unsaved text" + where + " from " + when + ". Restore it?", [
      ["Restore", function () {
        keys.forEach(function (key) {
          var field = fieldFor(key);
          if (!field) return;
          field.value = all[key].value;
          field.dispatchEvent(new Event("input", { bubbles: true }));
          field.dispatchEvent(new Event("change", { bubbles: true }));
        });
        box.remove();
      }],
      ["Discard", function () {
        var left = drafts();
        keys.forEach(function (key) { delete left[key]; });
        keep(left);
        box.remove();
      }],
    ]);
  }, 1000);

  function banner(hook, message, actions) {
    var old = document.querySelector("." + hook);
    if (old) old.remove();
    var box = document.createElement("div");
    box.className = "cw-page-banner " + hook;
    box.setAttribute("role", "alert");
    box.style.cssText = "position:fixed;top:0;left:0;right:0;z-index:1000;padding:0.75em 1em;" +
      "background:#fff4e5;border-bottom:3px solid #b35900;color:#1a1a1a;" +
      "font:15px/1.4 system-ui,sans-serif;display:flex;flex-wrap:wrap;gap:0.5em;" +
      "align-items:center;";
    var words = document.createElement("span");
    words.textContent = message;
    words.style.flex = "1 1 20em";
    box.appendChild(words);
    actions.forEach(function (action) {
      var button = document.createElement("button");
      button.type = "button";
      button.textContent = action[0];
      button.style.cssText = "font:inherit;padding:0.3em 0.9em;cursor:pointer;";
      button.addEventListener("click", action[1]);
      box.appendChild(button);
    });
    (document.body || document.documentElement).appendChild(box);
    return box;
  }
})();
