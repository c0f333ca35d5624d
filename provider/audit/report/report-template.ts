/**
 * The report's eta template. `<%= %>` escapes (autoEscape is on); `<%~ %>` is used only for the SVG charts, which
 * escape their own text. The CSP meta tag forbids scripts and any request, so the file works the same offline.
 */
export const REPORT_TEMPLATE = `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<title><%= it.title %></title>
<style>
body { font-family: "DejaVu Sans", Arial, sans-serif; margin: 24px auto; max-width: 980px; color: #222; font-size: 14px; }
h1 { font-size: 22px; margin-bottom: 4px; } h2 { font-size: 17px; margin-top: 28px; border-bottom: 1px solid #ccc; padding-bottom: 4px; }
.meta { color: #555; } .cards { display: flex; gap: 12px; flex-wrap: wrap; margin: 16px 0; }
.card { border: 1px solid #ccc; border-radius: 6px; padding: 8px 14px; min-width: 110px; }
.card b { display: block; font-size: 22px; }
table { border-collapse: collapse; width: 100%; margin: 8px 0; } th, td { border: 1px solid #ddd; padding: 4px 8px; text-align: left; vertical-align: top; }
th { background: #f3f3f3; } td.late, .bad { color: #b00020; font-weight: bold; } .ok { color: #1b7f3b; font-weight: bold; }
td.ci { font-size: 12px; word-break: break-all; } .charts { display: flex; flex-wrap: wrap; gap: 16px; } .none { color: #666; font-style: italic; } code { font-size: 12px; }
</style>
</head>
<body>
<h1 id="title"><%= it.title %></h1>
<p class="meta">Stack <b><%= it.stack %></b><% if (it.period) { %> · updates from <%= it.when(it.period.from) %> to <%= it.when(it.period.to) %><% } %> · generated <%= it.when(it.generatedAt) %></p>
<div class="cards">
  <div class="card">updates<b id="total-updates"><%= it.totals.updates %></b></div>
  <div class="card">people<b><%= it.totals.people %></b></div>
  <div class="card">accounts enabled<b><%= it.totals.enabled %> / <%= it.totals.accounts %></b></div>
  <div class="card">privileged<b><%= it.totals.privileged %></b></div>
  <div class="card">late leavers<b id="late-count" class="<%= it.metrics.lateLeavers.length ? 'bad' : 'ok' %>"><%= it.metrics.lateLeavers.length %></b></div>
</div>

<h2>Joiners and leavers</h2>
<div class="charts"><%~ it.charts.months %><%~ it.charts.deprovision %></div>
<table id="timing">
<tr><th>measure</th><th>count</th><th>p50</th><th>p90</th><th>max</th></tr>
<% for (const [label, d] of [["time to provision (hire date → enabled)", it.metrics.timeToProvision], ["time to deprovision (leaving date → all disabled)", it.metrics.timeToDeprovision]]) { %>
<tr><td><%= label %></td><td><%= d.count %></td><td><%= it.hours(d.p50) %></td><td><%= it.hours(d.p90) %></td><td><%= it.hours(d.max) %></td></tr>
<% } %>
</table>

<h2>Late deprovisionings (policy: <%= it.metrics.policyHours %> h)</h2>
<% if (it.metrics.lateLeavers.length === 0) { %><p class="none">Every leaver lost access within the policy.</p><% } else { %>
<table id="late-leavers">
<tr><th>person</th><th>employee id</th><th>title</th><th>leaving date</th><th>access removed</th><th>hours</th></tr>
<% for (const m of it.metrics.lateLeavers) { %>
<tr><td class="person"><%= m.name %></td><td><%= m.employeeId %></td><td class="job-title"><%= m.title || "" %></td><td><%= m.start %></td><td><%= m.open ? "still enabled" : it.when(m.update.time) + " (update " + m.update.version + ")" %></td><td class="late"><%= it.hours(m.hours) %></td></tr>
<% } %>
</table><% } %>

<% if (it.metrics.hrToDisabled.length) { const d = it.metrics.timeHrToDisabled; %>
<h2>Terminated in HR → disabled in every app</h2>
<p><%= d.count %> measured: p50 <%= it.duration(d.p50) %>, p95 <%= it.duration(d.p95) %>, max <%= it.duration(d.max) %></p>
<table id="hr-to-disabled">
<tr><th>person</th><th>employee id</th><th>terminated in HR</th><th>from</th><th>disabled in every app</th><th>took</th></tr>
<% for (const m of it.metrics.hrToDisabled) { %>
<tr><td class="person"><%= m.name %></td><td><%= m.employeeId %></td><td><%= it.when(m.terminatedInHr) %></td><td><%= m.from %></td><td><%= m.open ? "still enabled" : it.when(m.update.time) + " (update " + m.update.version + ")" %></td><td><%= it.duration(m.seconds) %></td></tr>
<% } %>
</table><% } %>

<h2>Privileged access</h2>
<%~ it.charts.privileged %>
<% if (it.privilegedAccess.length) { %>
<table id="privileged">
<tr><th>person</th><th>app</th><th>entitlement</th><th>granted by roles</th><th>since</th><th>approved by</th></tr>
<% for (const r of it.privilegedAccess) { %>
<tr><td><%= r.name %> (<%= r.employeeId %>)</td><td><%= r.app %></td><td><%= r.entitlement %></td><td><%= r.roles %></td><td><%= it.when(r.since) %></td><td class="<%= r.approvedBy ? '' : 'bad' %>"><%= r.approvedBy || "no approval recorded" %></td></tr>
<% } %>
</table><% } %>

<h2>Policy results</h2>
<% if (!it.policies) { %><p class="none" id="no-policies">No policy results recorded (give the run's --event-log files to include them).</p>
<% } else if (it.policies.length === 0) { %><p class="ok">The recorded runs had no policy violations.</p><% } else { %>
<table id="policies">
<tr><th>pack</th><th>policy</th><th>level</th><th>violations</th><th>resources</th><th>example</th></tr>
<% for (const p of it.policies) { %>
<tr><td><%= p.pack %></td><td><%= p.policy %></td><td class="<%= p.enforcementLevel === 'mandatory' ? 'bad' : '' %>"><%= p.enforcementLevel %></td><td><%= p.violations %></td><td><%= p.resources.join(", ") %></td><td><%= p.message %></td></tr>
<% } %>
</table><% } %>

<% if (it.selfService) { const ss = it.selfService; %>
<h2>Password self-service</h2>
<table id="self-service">
<tr><th>link requests</th><th>links sent</th><th>resets</th><th>target failures</th><th>refused (not eligible)</th><th>lockouts (rate limit)</th><th>accounts locked out</th></tr>
<tr><td><%= ss.requests %></td><td><%= ss.linksSent %></td><td id="sspr-resets"><%= ss.resets %></td><td class="<%= ss.targetFailures ? 'bad' : '' %>"><%= ss.targetFailures %></td><td><%= ss.refusals %></td><td id="sspr-lockouts"><%= ss.lockouts %></td><td><%= ss.lockedOutAccounts %></td></tr>
</table>
<% } %>

<% if (it.chains) { %>
<h2>Tamper evidence</h2>
<% for (const chain of it.chains) { %>
<p id="<%= chain.stack ? 'chain-' + chain.stack : 'chain' %>" class="<%= chain.ok ? 'ok' : 'bad' %>"><%= (chain.stack ? chain.stack + ": " : "") + (chain.ok ? "Hash chain verified: " + chain.verified + " updates, head " + chain.head : "Hash chain does NOT verify" + (chain.firstMismatch ? ": line " + chain.firstMismatch.line + ", " + chain.firstMismatch.reason : "")) %></p>
<% for (const log of (chain.eventLogs || []).filter((l) => !(l.ok && l.missing))) { %>
<p class="event-log <%= log.ok ? 'ok' : 'bad' %>"><%= log.ok ? "Portal log verified: " + log.verified + " events, head " + (log.head || "(empty)") : "Portal log does NOT verify: " + it.eventLogProblem(log) %></p>
<% } %>
<% } %>
<% } %>

<h2>Changes</h2>
<table id="changes">
<tr><th>#</th><th>finished</th><th>kind</th><th>result</th><th>commit</th><th>author</th><th>CI run</th><th>message</th></tr>
<% for (const c of it.changes) { %>
<tr><td><%= (c.stack ? c.stack + " " : "") + c.version %></td><td><%= it.when(c.time) %></td><td><%= c.kind %></td><td class="<%= c.result === 'succeeded' ? '' : 'bad' %>"><%= c.result %></td><td><code><%= (c.gitHead || "").slice(0, 10) %></code></td><td><%= c.gitAuthor || "" %></td><td class="ci"><%= c.ciRun || "" %></td><td><%= c.message %></td></tr>
<% } %>
</table>
</body>
</html>
`;
