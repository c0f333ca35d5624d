import { Eta } from "eta";
import { duration, eventLogProblem } from "./format-text";
import { barChart } from "./report-charts";
import type { ReportModel } from "./report-model";
import { REPORT_TEMPLATE } from "./report-template";

/** The report as one self-contained HTML page: inline CSS and SVG, no script, no external reference. */
export function renderReport(model: ReportModel): string {
  const eta = new Eta({ autoEscape: true, autoTrim: false });
  const charts = {
    months: barChart({
      title: "Joiners and leavers per month",
      categories: model.months.map((m) => m.month),
      series: [
        { name: "joiners", color: "#2e7d32", values: model.months.map((m) => m.joiners) },
        { name: "leavers", color: "#6d4c41", values: model.months.map((m) => m.leavers) },
      ],
      width: 470,
    }),
    deprovision: barChart({
      title: "Time to deprovision",
      categories: model.deprovisionBuckets.map((b) => b.label),
      series: [{ name: "leavers", color: "#1565c0", values: model.deprovisionBuckets.map((b) => b.count) }],
      categoryColors: model.deprovisionBuckets.map((b) => (b.late ? "#c62828" : undefined)),
      width: 470,
    }),
    privileged: barChart({
      title: "Enabled accounts with a privileged entitlement, per app",
      categories: model.privilegedPerApp.map((p) => p.app),
      series: [{ name: "accounts", color: "#6a1b9a", values: model.privilegedPerApp.map((p) => p.accounts) }],
      height: 200,
    }),
  };
  const hours = (h: number | undefined) => (h === undefined ? "—" : `${h.toFixed(1)} h`);
  const when = (iso: string) => `${iso.slice(0, 16).replace("T", " ")} UTC`;
  return eta.renderString(REPORT_TEMPLATE, { ...model, charts, hours, duration, when, eventLogProblem });
}
