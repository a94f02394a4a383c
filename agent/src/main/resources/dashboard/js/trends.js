// The module's trends over the last 15 minutes, drawn with uPlot (served from its WebJar, loaded as window.uPlot).
// Series differ by dash pattern as well as colour; the legend gives the values under the cursor and a line under
// each title gives the latest ones.
import { element as el, fixed } from './format.js';
import { setText } from './frames.js';

export const WINDOW_SECONDS = 15 * 60;

const series = (label, unit, pick, scale, stroke, dash) => ({ label, unit, pick, scale, stroke, dash });

/** The charts: id, title, axes (scale → unit, side), series (what a history sample gives). */
export const CHARTS = [
  { id: 'input', title: 'Input (50 V supply)', axes: [['W', 3], ['V', 1]], series: [
    series('power', 'W', s => s.inputPowerW, 'W', '#b3261e', []),
    series('voltage', 'V', s => s.inputVoltageV, 'V', '#0b57d0', [6, 3]),
    series('current', 'A', s => s.inputCurrentA, 'A', '#5b6470', [2, 3]),
  ] },
  { id: 'coolant', title: 'Coolant', axes: [['°C', 3], ['L/min', 1]], series: [
    series('inlet', '°C', s => s.coolantInletC, '°C', '#0b57d0', [6, 3]),
    series('outlet', '°C', s => s.coolantOutletC, '°C', '#b3261e', []),
    series('flow', 'L/min', s => s.coolantFlowLpm, 'L/min', '#2e7d32', [2, 3]),
  ] },
  { id: 'zones', title: 'Cold plate and zones', axes: [['°C', 3]], series: [
    series('cold plate', '°C', s => s.coldPlateC, '°C', '#1b1f24', []),
    series('card A hot', '°C', s => s.cardAHotZoneC, '°C', '#b3261e', [8, 3]),
    series('card A cold', '°C', s => s.cardAColdZoneC, '°C', '#0b57d0', [8, 3]),
    series('card B hot', '°C', s => s.cardBHotZoneC, '°C', '#e8710a', [2, 3]),
    series('card B cold', '°C', s => s.cardBColdZoneC, '°C', '#2e7d32', [2, 3]),
  ] },
];

/** A snapshot (openxpo.module/1) as a history sample (openxpo.agent.history/1), the one shape the charts read. */
export function sampleOf(snapshot) {
  const p = snapshot.power ?? {}, c = snapshot.cooling ?? {};
  return { time: snapshot.time, inputVoltageV: p.inputVoltageV, inputCurrentA: p.inputCurrentA,
    inputPowerW: p.inputPowerW, coolantInletC: c.inletTempC, coolantOutletC: c.outletTempC, coolantFlowLpm: c.flowLpm,
    coldPlateC: c.coldPlateTempC, cardAHotZoneC: c.cardAHotZoneTempC, cardAColdZoneC: c.cardAColdZoneTempC,
    cardBHotZoneC: c.cardBHotZoneTempC, cardBColdZoneC: c.cardBColdZoneTempC };
}

/** One chart: its columns (time in seconds, then one array per series) trimmed to the window. */
class Trend {
  constructor(spec, container) {
    this.spec = spec;
    this.data = [[], ...spec.series.map(() => [])];
    this.latest = el('p', { class: 'muted latest', 'data-chart': spec.id });
    const host = el('div', { class: 'plot' });
    const figure = el('figure', { class: 'chart', 'data-chart': spec.id, style: 'margin: 0' },
      el('h3', { text: spec.title }), this.latest, host);
    container.append(figure);
    const decimals = unit => unit === 'L/min' ? 3 : 2;
    this.plot = new uPlot({
      width: Math.max(280, figure.clientWidth), height: 200,
      scales: { x: { time: true }, ...Object.fromEntries(spec.series.map(s => [s.scale, { auto: true }])) },
      axes: [{}, ...spec.axes.map(([scale, side]) => ({ scale, side, label: scale, size: 55 }))],
      series: [{}, ...spec.series.map(s => ({ label: `${s.label} (${s.unit})`, scale: s.scale, stroke: s.stroke,
        dash: s.dash, width: 1.5, value: (u, v) => fixed(v, decimals(s.unit)) }))],
      legend: { live: true },
    }, this.data, host);
    // follows the figure's width (the plot's own size would feed back into the observer)
    new ResizeObserver(() => {
      const width = Math.max(280, figure.clientWidth);
      if (width !== this.plot.width) this.plot.setSize({ width, height: 200 });
    }).observe(figure);
  }

  add(time, sample) {
    if (time <= this.data[0][this.data[0].length - 1]) return; // already have it (history and stream overlap)
    this.data[0].push(time);
    this.spec.series.forEach((s, i) => this.data[i + 1].push(s.pick(sample) ?? null));
    let old = 0;
    while (old < this.data[0].length && this.data[0][old] < time - WINDOW_SECONDS) old++;
    if (old) this.data.forEach(column => column.splice(0, old));
  }

  draw() {
    this.plot.setData(this.data);
    const last = this.data[0].length - 1;
    setText(this.latest, last < 0 ? 'no data yet' : 'now: ' + this.spec.series
      .map((s, i) => `${s.label} ${fixed(this.data[i + 1][last], s.unit === 'L/min' ? 3 : 1, s.unit)}`).join(' · '));
  }

  /** The recorded values of one series (for the page's test hook). */
  values(label) {
    const i = this.spec.series.findIndex(s => s.label === label);
    return i < 0 ? null : [...this.data[i + 1]];
  }
}

export class Trends {
  #trends;

  constructor(container) {
    const grid = el('div', { class: 'charts' });
    container.append(grid);
    this.#trends = CHARTS.map(spec => new Trend(spec, grid));
  }

  /** Adds history samples in time order; draw() shows them. */
  add(samples) {
    for (const s of samples) {
      const time = Date.parse(s.time) / 1000;
      if (Number.isFinite(time)) this.#trends.forEach(t => t.add(time, s));
    }
  }

  draw() { this.#trends.forEach(t => t.draw()); }

  values(chart, label) { return this.#trends.find(t => t.spec.id === chart)?.values(label) ?? null; }
}
