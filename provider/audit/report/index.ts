/** @module provider/audit/report — the HTML compliance report, its charts and model, and the text and CSV formats */
export * from "./csv";
export * from "./format-text";
export * from "./render-report";
export * from "./report-charts";
export * from "./report-model";
export * from "./report-template";
