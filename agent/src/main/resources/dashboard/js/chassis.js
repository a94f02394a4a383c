// The chassis view: one row per module the agent serves, updated in place as its snapshots arrive.
import { element as el, fixed, NO_VALUE } from './format.js';
import { schedule, setAttr, setText } from './frames.js';

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

  /** A module's summary (openxpo.agent.modules/1 entry). */
  update(summary) {
    schedule(`chassis/${summary.name}`, () => this.#render(summary));
  }

  /** A module the agent no longer serves. */
  remove(name) {
    schedule(`chassis/${name}`, () => {
      this.#rows.get(name)?.element.remove();
      this.#rows.delete(name);
    });
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
    const row = this.#row(m.name), c = row.cells;
    const presence = presenceOf(m);
    setAttr(row.element, 'data-presence', presence);
    const badge = c.state.firstElementChild;
    setText(badge, presence === 'present' ? m.state : presence);
    setAttr(badge, 'data-level', presence !== 'present' ? 'off' : m.state === 'ModuleFault' ? 'alarm'
      : m.state === 'ModuleReady' ? 'ok' : 'warning');
    setAttr(badge, 'title', m.lastError ?? '');
    setText(c.firmware, m.firmware ?? NO_VALUE);
    setText(c.power, fixed(m.inputPowerW, 1, 'W'));
    setText(c.outlet, fixed(m.coolantOutletC, 1, '°C'));
    const w = m.worstLane;
    setText(c.worst, !w ? NO_VALUE : w.rxPowerDbm === null ? `lane ${w.lane} dark` : `lane ${w.lane} ${fixed(w.rxPowerDbm, 2, 'dBm')}`);
    setText(c.alarms, presence === 'present' ? String(m.activeAlarms) : NO_VALUE);
  }
}

/** present, unplugged (the module reported itself absent) or unreachable (the target cannot be reached). */
export function presenceOf(summary) {
  if (!summary.reachable) return summary.lastError ? 'unreachable' : 'connecting';
  return summary.present ? 'present' : 'unplugged';
}
