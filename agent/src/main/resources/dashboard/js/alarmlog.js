// The module's alarm log: one row per raise, newest first, its clear time filled in when the alarm clears.
import { clock, element as el, NO_VALUE } from './format.js';
import { setAttr, setText } from './frames.js';

const MAX_ROWS = 500;

export class AlarmLog {
  #body;
  #rows = new Map();

  constructor(container) {
    this.#body = el('tbody');
    container.append(el('div', { class: 'alarm-log' }, el('table', { class: 'alarms' },
      el('thead', {}, el('tr', {}, ...['raised', 'cleared', 'severity', 'alarm', 'lane', 'description']
        .map(h => el('th', { scope: 'col', text: h })))), this.#body)));
  }

  /**
   * An entry of the agent's alarm log or an alarm event (openxpo.agent.alarms/1 entry): a raise adds a row, its
   * clear (the same name, lane and raise time) fills in the row's clear time.
   */
  record(entry) {
    const key = `${entry.name}/${entry.lane ?? ''}/${entry.raised}`;
    let row = this.#rows.get(key);
    if (!row) {
      row = el('tr', { 'data-alarm': entry.name, 'data-lane': entry.lane ?? '' },
        el('td', { text: clock(entry.raised) }), el('td', { class: 'cleared' }),
        el('td', {}, el('span', { class: 'badge', 'data-level': entry.severity, text: entry.severity })),
        el('td', { text: entry.name }), el('td', { class: 'num', text: entry.lane ?? NO_VALUE }),
        el('td', { text: entry.description ?? '' }));
      this.#rows.set(key, row);
      this.#body.prepend(row);
      while (this.#body.rows.length > MAX_ROWS) this.#forget(this.#body.lastElementChild);
    }
    setAttr(row, 'data-active', String(entry.active));
    setText(row.querySelector('.cleared'), entry.active ? 'active' : clock(entry.cleared));
  }

  #forget(row) {
    for (const [key, r] of this.#rows) if (r === row) this.#rows.delete(key);
    row.remove();
  }
}
