// The module view: identity, the lane heat map, trends, the alarm log and the controls of one module.
import { AlarmLog } from './alarmlog.js';
import { api } from './api.js';
import { Controls } from './controls.js';
import { element as el, fixed, NO_VALUE } from './format.js';
import { schedule, setText } from './frames.js';
import { HeatMap } from './heatmap.js';
import { Trends } from './trends.js';

const IDENTITY = [
  ['vendor', 'Vendor'], ['partNumber', 'Part number'], ['serialNumber', 'Serial'], ['vendorRev', 'Revision'],
  ['formFactor', 'Form factor'], ['cmisRevision', 'CMIS'], ['firmwareVersion', 'Firmware'],
  ['inactiveFirmwareVersion', 'Inactive firmware'], ['hardwareVersion', 'Hardware'], ['dateCode', 'Date code'],
];

export class ModuleView {
  #name;
  #identity;
  #status;
  #heatMap;
  #trends;
  #alarms;
  #controls;

  constructor(container, name) {
    this.#name = name;
    const panel = (title, ...children) => el('section', { class: 'panel', 'aria-label': title }, el('h2', { text: title }), ...children);
    const identity = el('dl', { class: 'identity' });
    this.#status = el('p', { class: 'status' });
    const lanes = el('div'), trends = el('div'), alarms = el('div'), controls = el('div', { class: 'controls' });
    container.append(el('h1', { text: `Module ${name}` }),
      el('div', { class: 'grid2' }, panel('Identity', identity, this.#status), panel('Controls', controls)),
      panel('Lanes', lanes), panel('Trends (15 minutes)', trends), panel('Alarm log', alarms));
    this.#identity = identity;
    this.#heatMap = new HeatMap(lanes);
    this.#trends = new Trends(trends);
    this.#alarms = new AlarmLog(alarms);
    this.#controls = new Controls(controls, name);
  }

  get name() { return this.#name; }

  /** Loads what the page needs beyond the event stream: the module, its thresholds, history and alarm log. */
  async load() {
    const [module, thresholds, history, log] = await Promise.all([api.module(this.#name),
      api.thresholds(this.#name).catch(() => null), api.history(this.#name).catch(() => null),
      api.alarmLog(this.#name).catch(() => null)]);
    this.#heatMap.setThresholds(thresholds);
    this.#trends.add(history?.samples ?? []);
    for (const entry of log?.alarms ?? []) {
      this.#alarms.record({ ...entry, raised: true, time: entry.raised });
      if (entry.cleared) this.#alarms.record({ ...entry, raised: false, time: entry.cleared });
    }
    this.update(module);
  }

  /** The module as the agent reports it (identity + latest snapshot). */
  update(module) {
    schedule(`module/${this.#name}`, () => this.#render(module));
  }

  /** A new snapshot: lanes and trends move. */
  snapshot(snapshot) {
    this.#trends.add([snapshot]);
    schedule(`module/${this.#name}/snapshot`, () => {
      this.#heatMap.update(snapshot.lanes);
      this.#trends.draw();
      this.#renderStatus(snapshot);
    });
  }

  alarm(event) { this.#alarms.record(event); }

  firmwareProgress(percent, phase) { this.#controls.progress(percent, phase); }

  /** For the page's test hook: the recorded values of one trend series. */
  trend(chart, series) { return this.#trends.values(chart, series); }

  #render(module) {
    const id = module.identity ?? {};
    this.#identity.replaceChildren(...IDENTITY.flatMap(([k, label]) =>
      [el('dt', { text: label }), el('dd', { 'data-field': k, text: id[k] ?? NO_VALUE })]));
    this.#controls.setApplications(id.applications);
    if (module.snapshot) this.snapshot(module.snapshot);
  }

  #renderStatus(s) {
    setText(this.#status, `${s.moduleState ?? NO_VALUE} · module ${fixed(s.temperatureC, 1, '°C')} · `
      + `input ${fixed(s.power?.inputPowerW, 1, 'W')} of ${fixed(s.power?.maxPowerW, 0, 'W')}`);
  }
}
