// The chassis view: one row per module the agent serves, updated in place as its snapshots arrive.
import { element as el, fixed, NO_VALUE } from './format.js';
import { schedule, setAttr, setText } from './frames.js';
import { worstLane } from './lanes.js';

const COLUMNS = [
  ['module', 'Module'], ['state', 'State'], ['firmware', 'Firmware'], ['power', 'Input power'],
  ['outlet', 'Coolant outlet'], ['worst', 'Worst lane'], ['alarms', 'Active alarms'],
];

export class ChassisView {
  #rows = new Map();
  #body;

  constructor(container, modules) {
    this.#body = el('tbody');
    container.append(el('h1', { text: 'Chassis' }), el('section', { class: 'panel' },
      el('table', { class: 'chassis' },
        el('thead', {}, el('tr', {}, ...COLUMNS.map(([, h]) => el('th', { scope: 'col', text: h })))),
        this.#body)));
    for (const m of modules) this.update(m);
  }

  /** A module's summary (the agent's module list entry, possibly with its latest snapshot). */
  update(module) {
    schedule(`chassis/${module.name}`, () => this.#render(module));
  }

  #row(name) {
    let row = this.#rows.get(name);
    if (!row) {
      const cells = Object.fromEntries(COLUMNS.map(([id, label]) => [id, el('td', { 'data-label': label, 'data-col': id })]));
      cells.module.append(el('a', { href: `#/module/${encodeURIComponent(name)}`, text: name }));
      cells.state.append(el('span', { class: 'badge' }));
      for (const id of ['power', 'outlet', 'alarms']) cells[id].classList.add('num');
      row = { element: el('tr', { class: 'module', 'data-module': name }, ...Object.values(cells)), cells };
      this.#rows.set(name, row);
      this.#body.append(row.element);
    }
    return row;
  }

  #render(m) {
    const row = this.#row(m.name), c = row.cells, s = m.snapshot;
    const presence = m.presence ?? 'present';
    setAttr(row.element, 'data-presence', presence);
    const state = presence === 'present' ? (s?.moduleState ?? 'waiting') : presence;
    const badge = c.state.firstElementChild;
    setText(badge, state);
    setAttr(badge, 'data-level', presence !== 'present' ? 'off' : state === 'ModuleFault' ? 'alarm'
      : state === 'ModuleReady' ? 'ok' : 'warning');
    setText(c.firmware, m.identity?.firmwareVersion ?? NO_VALUE);
    setText(c.power, fixed(s?.power?.inputPowerW, 1, 'W'));
    setText(c.outlet, fixed(s?.cooling?.outletTempC, 1, '°C'));
    setText(c.worst, presence === 'present' ? (worstLane(s?.lanes)?.text ?? NO_VALUE) : NO_VALUE);
    setText(c.alarms, m.activeAlarms === undefined ? NO_VALUE : String(m.activeAlarms));
  }
}
