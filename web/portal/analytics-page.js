// Analytics: handover figures of the last 30 days by method (table and bar chart), with the conversation
// figures of the same period.
import { api } from './api.js';
import { stackedBarChart } from './bar-chart.js';
import { h, replaceChildren, uid } from './dom.js';
import { duration, percent } from './format.js';
import { icon } from './icons.js';
import { widgetPicker } from './widget-picker.js';

const SERIES = [
  { key: 'delivered', label: 'Delivered', className: 'bar-delivered' },
  { key: 'pending', label: 'Pending', className: 'bar-pending' },
  { key: 'failed', label: 'Failed', className: 'bar-failed' },
];
const PERIODS = [7, 30, 90];

export function analyticsPage({ agents }) {
  const body = h('div', { class: 'analytics-body' });
  let widgetId = '';
  let days = 30;

  async function load() {
    replaceChildren(body, h('p', { class: 'muted' }, 'Loading…'));
    const from = new Date(Date.now() - days * 86_400_000).toISOString();
    try {
      const [handover, stats] = await Promise.all([
        api.handoverAnalytics({ widget_id: widgetId || undefined, days }),
        api.stats({ widget_id: widgetId || undefined, from }).catch(() => null),
      ]);
      render(handover, stats);
    } catch (error) {
      replaceChildren(body, h('div', { class: 'card' }, h('p', { class: 'error-text' }, error.message)));
    }
  }

  function render(handover, stats) {
    const overall = handover.overall;
    const methods = Object.entries(handover.by_method).sort((a, b) => b[1].requests - a[1].requests);
    replaceChildren(body,
      h('section', { class: 'metric-grid', 'aria-label': 'Summary' },
        metric('Handover requests', String(overall.requests)),
        metric('Delivered', String(overall.delivered), `${percent(overall.success_rate)} success`),
        metric('Failed', String(overall.failed), overall.pending ? `${overall.pending} pending` : null),
        metric('Time to notify', duration(overall.avg_seconds_to_notify), `p90 ${duration(overall.p90_seconds_to_notify)}`),
        stats ? metric('Conversations', String(stats.conversations.total), `${stats.conversations.resolved} resolved`) : null,
        stats ? metric('First response', duration(stats.avg_first_response_s),
          stats.avg_rating ? `rating ${stats.avg_rating.toFixed(1)} / 5` : 'average') : null),
      h('section', { class: 'card' },
        h('h2', {}, 'Requests by method'),
        methods.length === 0
          ? h('div', { class: 'empty-state' }, icon('chart', 28), h('p', {}, `No handover requests in the last ${days} days.`))
          : [legend(), stackedBarChart({
            title: `Handover requests by method, last ${days} days`,
            rows: methods.map(([method, figures]) => ({ label: method, values: figures })),
            series: SERIES,
          })]),
      h('section', { class: 'card table-card' },
        h('h2', {}, 'By method'),
        table(methods, overall)));
  }

  const periodId = uid('period');
  const period = h('select', { id: periodId, onchange: () => { days = Number(period.value); load(); } },
    PERIODS.map((value) => h('option', { value: String(value), selected: value === days }, `Last ${value} days`)));
  const picker = widgetPicker({ agents, allowAll: true, onChange: (value) => { widgetId = value; load(); } });
  load();
  return h('div', { class: 'page' },
    h('header', { class: 'page-header' },
      h('div', {}, h('h1', {}, 'Analytics'), h('p', { class: 'muted' }, 'How handover requests were delivered, by method.')),
      h('div', { class: 'header-controls' }, picker.element,
        h('div', { class: 'inline-field' }, h('label', { for: periodId }, 'Period'), period))),
    body);
}

function metric(label, value, note) {
  return h('div', { class: 'metric card' }, h('p', { class: 'metric-label' }, label), h('p', { class: 'metric-value' }, value),
    note ? h('p', { class: 'metric-note' }, note) : null);
}

function legend() {
  return h('ul', { class: 'chart-legend', 'aria-hidden': 'true' },
    SERIES.map(({ label, className }) => h('li', {}, h('span', { class: `legend-swatch ${className}` }), label)));
}

function table(methods, overall) {
  const columns = ['Method', 'Requests', 'Delivered', 'Completed', 'Failed', 'Pending', 'Success rate', 'Avg to notify',
    'p90 to notify', 'Avg to complete'];
  const cells = (figures) => [figures.requests, figures.delivered, figures.completed, figures.failed, figures.pending]
    .map((value) => h('td', { class: 'numeric' }, String(value)))
    .concat([percent(figures.success_rate), duration(figures.avg_seconds_to_notify), duration(figures.p90_seconds_to_notify),
      duration(figures.avg_seconds_to_complete)].map((value) => h('td', { class: 'numeric' }, value)));
  return h('table', { class: 'data-table' },
    h('caption', { class: 'visually-hidden' }, 'Handover figures by method'),
    h('thead', {}, h('tr', {}, columns.map((label) => h('th', { scope: 'col', class: label === 'Method' ? '' : 'numeric' }, label)))),
    h('tbody', {}, methods.map(([method, figures]) => h('tr', {}, h('th', { scope: 'row' }, method), cells(figures)))),
    h('tfoot', {}, h('tr', {}, h('th', { scope: 'row' }, 'All methods'), cells(overall))));
}
