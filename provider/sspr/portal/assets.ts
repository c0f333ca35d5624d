/**
 * The two static files the pages load: the stylesheet and the live password check. The script asks the portal
 * (`POST check`, same origin, CSRF-protected, token-bound) so the browser and the server apply one policy.
 */
export const PORTAL_CSS = `body{font:16px/1.5 system-ui,sans-serif;margin:0;background:#f5f6f8;color:#1d232b}
main{max-width:34rem;margin:3rem auto;background:#fff;padding:2rem;border-radius:8px;box-shadow:0 1px 4px #0002}
label{display:block;margin-top:1rem;font-weight:600}input:not([type=hidden]){width:100%;padding:.5rem;font:inherit;box-sizing:border-box}
button{margin-top:1.25rem;padding:.6rem 1.2rem;font:inherit;background:#1565c0;color:#fff;border:0;border-radius:4px}
meter{width:100%;margin-top:.5rem}.problems,#live{color:#b3261e}
`;

export const CHECK_JS = `"use strict";
(function () {
  var form = document.getElementById("reset-form");
  if (!form) return;
  var password = document.getElementById("password");
  var meter = document.getElementById("strength");
  var live = document.getElementById("live");
  var timer;
  function show(problems) {
    while (live.firstChild) live.removeChild(live.firstChild);
    problems.forEach(function (text) { var li = document.createElement("li"); li.textContent = text; live.appendChild(li); });
  }
  password.addEventListener("input", function () {
    clearTimeout(timer);
    timer = setTimeout(function () {
      fetch("check", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({
        token: form.elements.token.value, csrf: form.elements.csrf.value, password: password.value }) })
        .then(function (r) { return r.ok ? r.json() : { score: 0, messages: [] }; })
        .then(function (v) { meter.value = v.score; show(v.messages); });
    }, 250);
  });
})();
`;
