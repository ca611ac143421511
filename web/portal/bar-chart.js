// A horizontal stacked bar chart in SVG, built node by node (labels are set as text, never parsed as markup).
const SVG = 'http://www.w3.org/2000/svg';
const WIDTH = 960;
const LABEL_WIDTH = 150;
const VALUE_WIDTH = 48;
const BAR_HEIGHT = 22;
const ROW_GAP = 14;
const TOP = 8;
const AXIS_HEIGHT = 22;

function svgNode(tag, attributes = {}, text) {
  const node = document.createElementNS(SVG, tag);
  for (const [key, value] of Object.entries(attributes)) node.setAttribute(key, String(value));
  if (text !== undefined) node.textContent = text;
  return node;
}

/// rows: [{ label, values: { [seriesKey]: number } }]; series: [{ key, label, className }]. Returns an <svg>.
export function stackedBarChart({ title, rows, series }) {
  const totals = rows.map((row) => series.reduce((sum, { key }) => sum + (row.values[key] ?? 0), 0));
  // The axis ends at four whole-number steps, so every tick is a distinct integer.
  const tickStep = Math.max(1, Math.ceil(Math.max(...totals) / 4));
  const max = tickStep * 4;
  const plotWidth = WIDTH - LABEL_WIDTH - VALUE_WIDTH;
  const height = TOP + rows.length * (BAR_HEIGHT + ROW_GAP) + AXIS_HEIGHT;
  const scale = (value) => (value / max) * plotWidth;

  const summary = rows.map((row, index) => `${row.label}: ${totals[index]} (${series
    .map(({ key, label }) => `${row.values[key] ?? 0} ${label.toLowerCase()}`).join(', ')})`).join('; ');
  const svg = svgNode('svg', { viewBox: `0 0 ${WIDTH} ${height}`, class: 'bar-chart', role: 'img', 'aria-label': `${title}. ${summary}` });
  svg.append(svgNode('title', {}, title));

  // Vertical grid lines at quarters of the largest total.
  for (let step = 0; step <= 4; step += 1) {
    const x = LABEL_WIDTH + (plotWidth * step) / 4;
    svg.append(svgNode('line', { x1: x, x2: x, y1: TOP - 4, y2: height - AXIS_HEIGHT + 2, class: 'chart-grid' }));
    svg.append(svgNode('text', { x, y: height - 6, class: 'chart-axis', 'text-anchor': 'middle' }, String(tickStep * step)));
  }

  rows.forEach((row, index) => {
    const y = TOP + index * (BAR_HEIGHT + ROW_GAP);
    svg.append(svgNode('text', { x: LABEL_WIDTH - 10, y: y + BAR_HEIGHT / 2, class: 'chart-label', 'text-anchor': 'end',
      'dominant-baseline': 'central' }, row.label));
    let x = LABEL_WIDTH;
    for (const { key, label, className } of series) {
      const value = row.values[key] ?? 0;
      if (value <= 0) continue;
      const width = scale(value);
      const bar = svgNode('rect', { x, y, width: Math.max(width, 2), height: BAR_HEIGHT, rx: 3, class: className });
      bar.append(svgNode('title', {}, `${row.label}: ${value} ${label.toLowerCase()}`));
      svg.append(bar);
      x += width;
    }
    svg.append(svgNode('text', { x: x + 8, y: y + BAR_HEIGHT / 2, class: 'chart-value', 'dominant-baseline': 'central' },
      String(totals[index])));
  });
  return svg;
}
