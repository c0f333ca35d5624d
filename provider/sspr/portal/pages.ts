/**
 * The portal's pages as eta templates with auto-escaping on: every value from HR or the request is escaped
 * (`<%= %>`), and no template has a raw output tag. Links and form actions are relative, so the portal works
 * under any path prefix a reverse proxy gives it.
 */
import { Eta } from "eta";

const eta = new Eta({ autoEscape: true, autoTrim: false });

const LAYOUT = `<!doctype html><html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1"><title><%= it.title %></title>
<link rel="stylesheet" href="static/portal.css"></head><body><main><h1><%= it.title %></h1>`;
const END = `</main></body></html>`;

const TEMPLATES = {
  request: `${LAYOUT}<p>Enter your work email or username. We will send a link to the personal address HR holds for you.</p>
<form method="post" action="request"><input type="hidden" name="csrf" value="<%= it.csrf %>">
<label for="identifier">Work email or username</label>
<input id="identifier" name="identifier" autocomplete="username" required maxlength="256">
<button type="submit">Send me a link</button></form>${END}`,
  sent: `${LAYOUT}<p id="neutral">If that account can reset its password, a link is on its way to the personal
address HR holds for it. It works once, for <%= it.minutes %> minutes.</p><p>No mail? Ask the IT helpdesk.</p>${END}`,
  reset: `${LAYOUT}<p>Hello <span id="name"><%= it.name %></span>. Choose a new password: at least
<%= it.minLength %> characters; a few unrelated words are easy to remember and hard to guess.</p>
<% if (it.problems.length) { %><ul id="problems" class="problems"><% for (const p of it.problems) { %><li><%= p %></li><% } %></ul><% } %>
<form method="post" action="reset" id="reset-form" data-min="<%= it.minLength %>">
<input type="hidden" name="csrf" value="<%= it.csrf %>"><input type="hidden" name="token" value="<%= it.token %>">
<input type="text" name="username" value="<%= it.userName %>" autocomplete="username" hidden>
<% if (it.needsCode) { %><label for="code">Code we sent to your work mailbox</label>
<input id="code" name="code" inputmode="numeric" autocomplete="one-time-code" pattern="[0-9 ]{6,7}" required maxlength="7"><% } %>
<label for="password">New password</label>
<input id="password" name="password" type="password" autocomplete="new-password" required>
<meter id="strength" min="0" max="4" value="0"></meter><ul id="live" aria-live="polite"></ul>
<label for="confirm">Type it again</label>
<input id="confirm" name="confirm" type="password" autocomplete="new-password" required>
<button type="submit">Set my password</button></form><script src="static/check.js"></script>${END}`,
  done: `${LAYOUT}<p id="outcome">Your new password is set in:</p><ul id="set"><% for (const a of it.set) { %><li><%= a %></li><% } %></ul>
<% if (it.old.length) { %><p>These still have your old password; open your link again to retry:</p>
<ul id="old"><% for (const a of it.old) { %><li><%= a %></li><% } %></ul><% } %>${END}`,
  invalid: `${LAYOUT}<p id="invalid">This link is not valid: it was used already, it expired, or it was mistyped.
<a href="./">Ask for a new one</a>.</p>${END}`,
  forbidden: `${LAYOUT}<p id="csrf">This form expired. <a href="./">Start again</a>.</p>${END}`,
} as const;

export type PageName = keyof typeof TEMPLATES;

export function renderPage(name: PageName, data: Record<string, unknown>): string {
  return eta.renderString(TEMPLATES[name], data);
}
