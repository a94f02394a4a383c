// The module's alarm log: one row per raise, newest first, its clear time filled in when the alarm clears.
import { clock, element as el, NO_VALUE } from './format.js';
import { setAttr, setText } from './frames.js';

const MAX_ROWS = 500;
const key = a => `${a.name}/${a.lane ?? ''}`;

export class AlarmLog {
  #body;
  #open = new Map();

  constructor(container) {
    this.#body = el('tbody');
    container.append(el('div', { class: 'alarm-log' }, el('table', { class: 'alarms' },
      el('thead', {}, el('tr', {}, ...['raised', 'cleared', 'severity', 'alarm', 'lane', 'description']
        .map(h => el('th', { scope: 'col', text: h })))), this.#body)));
  }

  /** An alarm event (openxpo.event/1, type alarm): a raise adds a row, a clear closes the open one. */
  record(event) {
    if (event.raised) {
      if (this.#open.has(key(event))) return;
      const row = el('tr', { 'data-active': 'true', 'data-alarm': event.name, 'data-lane': event.lane ?? '' },
        el('td', { text: clock(event.time) }), el('td', { class: 'cleared', text: 'active' }),
        el('td', {}, el('span', { class: 'badge', 'data-level': event.severity, text: event.severity })),
        el('td', { text: event.name }), el('td', { class: 'num', text: event.lane ?? NO_VALUE }),
        el('td', { text: event.description ?? '' }));
      this.#open.set(key(event), row);
      this.#body.prepend(row);
      while (this.#body.rows.length > MAX_ROWS) this.#body.lastElementChild.remove();
    } else {
      const row = this.#open.get(key(event));
      if (!row) return;
      this.#open.delete(key(event));
      setAttr(row, 'data-active', 'false');
      setText(row.querySelector('.cleared'), clock(event.time));
    }
  }
}
