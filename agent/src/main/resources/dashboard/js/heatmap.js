// The 64-lane heat map: 8 banks × 8 lanes as the paddle cards carry them (card A banks 0–3, card B banks 4–7).
// Each lane is a focusable cell whose text, band and state change only when the lane's reading does.
import { setAttr, setText } from './frames.js';
import { METRICS, band, describe, laneState, metric } from './lanes.js';
import { clock, element as el } from './format.js';

const BANKS = 8, LANES_PER_BANK = 8, BANKS_PER_CARD = 4;
const STATE_LABEL = { dark: 'DARK', disabled: 'OFF', loopback: 'LOOP' };

export class HeatMap {
  #cells = new Map();
  #metric = METRICS[0];
  #thresholds = new Map();
  #lanes = [];
  #asOf;

  constructor(container) {
    const choice = el('fieldset', { class: 'metric-switch' }, el('legend', { class: 'muted', text: 'Show' }));
    for (const m of METRICS) {
      const input = el('input', { type: 'radio', name: 'metric', value: m.id, checked: m === this.#metric,
        onchange: () => this.show(m.id) });
      choice.append(el('label', {}, input, m.label));
    }
    const cards = el('div', { class: 'cards' });
    for (const [card, first] of [['A', 0], ['B', BANKS_PER_CARD]]) {
      const grid = el('div', { class: 'lanes', role: 'grid', 'aria-label': `Paddle card ${card}` });
      for (let bank = first; bank < first + BANKS_PER_CARD; bank++) {
        const row = el('div', { role: 'row', style: 'display: contents' }, el('span', { class: 'bank', role: 'rowheader', text: `bank ${bank}` }));
        for (let i = 1; i <= LANES_PER_BANK; i++) {
          const lane = bank * LANES_PER_BANK + i;
          const cell = el('button', { type: 'button', class: 'lane', role: 'gridcell', 'data-lane': lane, 'data-band': 'none' },
            el('span', { class: 'n', text: String(lane) }), el('span', { class: 'v', text: '–' }), el('span', { class: 's' }));
          row.append(cell);
          this.#cells.set(lane, cell);
        }
        grid.append(row);
      }
      cards.append(el('div', { class: 'card' }, el('h3', { text: `Card ${card} · banks ${first}–${first + BANKS_PER_CARD - 1}` }), grid));
    }
    const legend = el('div', { class: 'legend', 'aria-hidden': 'true' },
      el('span', { class: 'lane', 'data-band': 'ok', text: 'within thresholds' }),
      el('span', { class: 'lane', 'data-band': 'warning', text: 'warning (stripes)' }),
      el('span', { class: 'lane', 'data-band': 'alarm', text: 'alarm (hatched)' }),
      el('span', { class: 'lane', 'data-band': 'none', text: 'no thresholds' }),
      el('span', { class: 'lane', 'data-state': 'dark', text: 'DARK: no light' }),
      el('span', { class: 'lane', 'data-state': 'disabled', text: 'OFF: no active data path' }),
      el('span', { class: 'lane', 'data-state': 'loopback', text: 'LOOP: in a diagnostics loopback' }),
      el('span', { text: 'darker: higher value (BER on a log scale)' }));
    this.#asOf = el('p', { class: 'muted as-of', 'aria-live': 'off' });
    container.append(choice, this.#asOf, cards, legend);
  }

  /** The module's thresholds report (openxpo.thresholds/1), used from the next update on. */
  setThresholds(report) {
    this.#thresholds = new Map((report?.thresholds ?? []).map(t => [t.monitor, t]));
  }

  show(metricId) {
    this.#metric = metric(metricId);
    this.render();
  }

  /** The lanes of a snapshot (openxpo.module/1 lanes[]) read at {@code time} (ISO-8601). */
  update(lanes, time) {
    this.#lanes = lanes ?? [];
    setAttr(this.#asOf, 'data-time', time ?? '');
    setText(this.#asOf, time ? `as read at ${clock(time)}` : 'not read yet');
    this.render();
  }

  render() {
    const m = this.#metric, moduleThresholds = m.monitor ? this.#thresholds.get(m.monitor) : null;
    const level = shading(this.#lanes, m);
    for (const lane of this.#lanes) {
      const cell = this.#cells.get(lane.lane);
      if (!cell) continue;
      const state = laneState(lane);
      const thresholds = m.limits ? m.limits(lane) : moduleThresholds;
      setText(cell.children[1], m.text(m.value(lane)));
      setText(cell.children[2], state ? STATE_LABEL[state] : '');
      setAttr(cell, 'data-band', band(m.banded(lane), thresholds));
      setAttr(cell, 'data-state', state ?? 'light');
      setAttr(cell, 'style', `--level: ${level(lane)}`);
      const words = describe(lane, m, thresholds);
      setAttr(cell, 'title', words);
      setAttr(cell, 'aria-label', words);
    }
  }
}

/**
 * The heat in a cell: where the lane's value lies between the lowest and highest shown (0–1, in log10 for ratios
 * such as BER), rounded so an unchanged reading writes nothing.
 */
function shading(lanes, m) {
  const scaled = lane => {
    const v = m.value(lane);
    if (v === null || v === undefined || !Number.isFinite(v) || (m.log && v <= 0)) return null;
    return m.log ? Math.log10(v) : v;
  };
  const values = lanes.map(scaled).filter(v => v !== null);
  const min = Math.min(...values), max = Math.max(...values);
  return lane => {
    const v = scaled(lane);
    return v === null || !(max > min) ? '0.5' : ((v - min) / (max - min)).toFixed(2);
  };
}

export const LANES = BANKS * LANES_PER_BANK;
