/**
 * Hand-written SVG charts for the report: static markup, no script, every label escaped (the SVG is embedded
 * unescaped in the page, so escaping here is what keeps HR text from becoming markup).
 */
export const escapeXml = (text: string): string =>
  text
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&#39;");

export interface Series {
  name: string;
  color: string;
  values: number[];
}

export interface BarChartOptions {
  title: string;
  categories: string[];
  series: Series[];
  width?: number;
  height?: number;
  /** Per-category colour override (e.g. late buckets in red), single-series charts only. */
  categoryColors?: Array<string | undefined>;
}

const FONT = `font-family="DejaVu Sans, Arial, sans-serif"`;

/** Vertical bars, one group per category, one bar per series, with value labels and a legend. */
export function barChart(o: BarChartOptions): string {
  const width = o.width ?? 640;
  const height = o.height ?? 260;
  const left = 40,
    right = 10,
    top = 34,
    bottom = 46;
  const plotW = width - left - right;
  const plotH = height - top - bottom;
  const max = Math.max(1, ...o.series.flatMap((s) => s.values));
  const step = niceStep(max);
  const top0 = Math.ceil(max / step) * step;
  const y = (v: number) => top + plotH - (v / top0) * plotH;
  const groupW = plotW / Math.max(1, o.categories.length);
  const barW = Math.min(36, (groupW * 0.8) / o.series.length);
  const parts: string[] = [];
  for (let v = 0; v <= top0; v += step) {
    parts.push(
      `<line x1="${left}" x2="${width - right}" y1="${y(v)}" y2="${y(v)}" stroke="#ddd"/>`,
      `<text x="${left - 6}" y="${y(v) + 4}" text-anchor="end" font-size="11" fill="#555">${v}</text>`,
    );
  }
  o.categories.forEach((category, c) => {
    const x0 = left + c * groupW + (groupW - barW * o.series.length) / 2;
    o.series.forEach((s, i) => {
      const v = s.values[c] ?? 0;
      const x = x0 + i * barW;
      const color = o.categoryColors?.[c] ?? s.color;
      parts.push(
        `<rect class="bar" x="${x.toFixed(1)}" y="${y(v).toFixed(1)}" width="${(barW - 2).toFixed(1)}" height="${(top + plotH - y(v)).toFixed(1)}" fill="${color}"><title>${escapeXml(`${s.name} ${category}: ${v}`)}</title></rect>`,
      );
      if (v > 0)
        parts.push(
          `<text x="${(x + barW / 2 - 1).toFixed(1)}" y="${(y(v) - 3).toFixed(1)}" text-anchor="middle" font-size="11">${v}</text>`,
        );
    });
    parts.push(
      `<text x="${(left + c * groupW + groupW / 2).toFixed(1)}" y="${height - bottom + 16}" text-anchor="middle" font-size="11">${escapeXml(category)}</text>`,
    );
  });
  const legend =
    o.series.length > 1
      ? o.series
          .map(
            (s, i) =>
              `<rect x="${left + i * 110}" y="${height - 18}" width="10" height="10" fill="${s.color}"/><text x="${left + i * 110 + 14}" y="${height - 9}" font-size="11">${escapeXml(s.name)}</text>`,
          )
          .join("")
      : "";
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" class="chart" role="img" aria-label="${escapeXml(o.title)}" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" ${FONT}>` +
    `<text x="${left}" y="18" font-size="14" font-weight="bold">${escapeXml(o.title)}</text>` +
    `<line x1="${left}" x2="${width - right}" y1="${top + plotH}" y2="${top + plotH}" stroke="#333"/>` +
    parts.join("") +
    legend +
    `</svg>`
  );
}

/** 1, 2 or 5 times a power of ten, giving about five grid lines; at least 1 (the charts count people). */
function niceStep(max: number): number {
  const raw = max / 5;
  const power = 10 ** Math.floor(Math.log10(raw));
  return Math.max(1, [1, 2, 5, 10].map((m) => m * power).find((s) => s >= raw) ?? power * 10);
}
