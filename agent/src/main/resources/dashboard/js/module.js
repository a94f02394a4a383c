// The module view: identity, the lane heat map, trends, the alarm log and the controls of one module. Everything
// it shows is redrawn at most once per animation frame, from the latest module document.
import { AlarmLog } from './alarmlog.js';
import { api } from './api.js';
import { Controls } from './controls.js';
import { element as el, fixed, NO_VALUE } from './format.js';
import { schedule, setText } from './frames.js';
import { HeatMap } from './heatmap.js';
import { Trends, sampleOf } from './trends.js';
import { presenceOf } from './chassis.js';

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
  #shownIdentity = null;

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

  /** Loads what the event stream does not repeat: the module, its trend history and its alarm log. */
  async load() {
    const [module, history, log] = await Promise.all([api.module(this.#name),
      api.history(this.#name), api.alarms(this.#name)]);
    this.#trends.add(history.samples);
    for (const entry of log.alarms) this.#alarms.record(entry);
    this.update(module);
  }

  /** After the event stream reconnected: the alarm log's raises and clears it may have missed. */
  async resync() {
    const log = await api.alarms(this.#name);
    for (const entry of log.alarms) this.#alarms.record(entry);
  }

  /** The module document (openxpo.agent.module/1), from the API or a snapshot event. */
  update(module) {
    if (module.snapshot) this.#trends.add([sampleOf(module.snapshot)]);
    schedule(`module/${this.#name}`, () => this.#render(module));
  }

  /** An alarm event or log entry of this module. */
  alarm(entry) { this.#alarms.record(entry); }

  /** A firmware event of this module (where its update stands). */
  firmware(status) { this.#controls.firmware(status); }

  /** For the page's test hook: the recorded values of one trend series. */
  trend(chart, series) { return this.#trends.values(chart, series); }

  #render(module) {
    const snapshot = module.snapshot;
    const id = snapshot?.identity ?? {};
    if (this.#shownIdentity !== JSON.stringify(id)) {
      this.#shownIdentity = JSON.stringify(id);
      this.#identity.replaceChildren(...IDENTITY.flatMap(([k, label]) =>
        [el('dt', { text: label }), el('dd', { 'data-field': k, text: id[k] ?? NO_VALUE })]));
      this.#controls.setApplications(id.applications);
    }
    this.#heatMap.setThresholds(module.thresholds);
    this.#heatMap.update(withVdm(snapshot?.lanes ?? [], module.vdm, module.loopbacks), snapshot?.time);
    this.#trends.draw();
    this.#renderStatus(module.summary, snapshot);
  }

  #renderStatus(summary, s) {
    const presence = presenceOf(summary);
    setText(this.#status, presence !== 'present' ? presence : `${summary.state} · module ${fixed(s?.temperatureC, 1, '°C')} · `
      + `input ${fixed(s?.power?.inputPowerW, 1, 'W')} of ${fixed(s?.power?.maxPowerW, 0, 'W')}`);
  }
}

/**
 * The snapshot's lanes with the module's media-side VDM values (eSNR, pre-FEC BER) and their thresholds, and the
 * diagnostics loopbacks each lane is in, merged in by lane number.
 */
function withVdm(lanes, vdm, loopbacks) {
  const media = new Map((vdm?.lanes ?? []).filter(v => v.side === 'media').map(v => [v.lane, v]));
  const looped = new Map((loopbacks ?? []).map(l => [l.lane, l.loopbacks]));
  return lanes.map(l => {
    const v = media.get(l.lane);
    return { ...l, esnrDb: v?.values?.esnr, preFecBer: v?.values?.preFecBer, vdmThresholds: v?.thresholds ?? {},
      loopbacks: looped.get(l.lane) ?? [] };
  });
}
