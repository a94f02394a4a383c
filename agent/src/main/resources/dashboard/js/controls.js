// The module's controls. Every one needs the agent's token: without it the agent refuses (401) and the page says so.
import { api, token } from './api.js';
import { element as el } from './format.js';

/** "9", "1-8", "1,3,5-7" → [1, 3, 5, 6, 7]; throws on anything else or a lane outside 1–64. */
export function parseLanes(text) {
  const lanes = new Set();
  for (const part of text.split(',').map(p => p.trim()).filter(Boolean)) {
    const m = /^(\d+)(?:\s*-\s*(\d+))?$/.exec(part);
    if (!m) throw new Error(`'${part}' is not a lane or a range of lanes`);
    const from = Number(m[1]), to = Number(m[2] ?? m[1]);
    if (from < 1 || to > 64 || from > to) throw new Error(`lanes are 1–64 ('${part}')`);
    for (let l = from; l <= to; l++) lanes.add(l);
  }
  if (!lanes.size) throw new Error('name at least one lane');
  return [...lanes];
}

export class Controls {
  #name;
  #output;
  #applications;
  #progress;
  #firmwareShown = null;

  constructor(container, name) {
    this.#name = name;
    this.#output = el('output', { 'aria-live': 'polite', class: 'result' });
    const tokenInput = el('input', { type: 'password', name: 'token', autocomplete: 'off', placeholder: 'agent token',
      'aria-label': 'Agent token', value: token.get() });
    tokenInput.addEventListener('change', () => token.set(tokenInput.value.trim()));

    const lanesInput = el('input', { name: 'lanes', size: 8, value: '1-64', 'aria-label': 'Lanes (e.g. 9 or 1-8)' });
    this.#applications = el('select', { name: 'appSel', 'aria-label': 'Application' });
    const fileInput = el('input', { type: 'file', name: 'image', 'aria-label': 'Firmware image' });
    this.#progress = el('progress', { max: 100, value: 0, hidden: true, 'aria-label': 'Firmware update progress' });

    const button = (label, action) => el('button', { type: 'button', 'data-action': label, text: label,
      onclick: () => this.#run(label, action) });
    container.append(
      el('form', { onsubmit: e => e.preventDefault() }, el('label', { text: 'Token ' }, tokenInput)),
      el('form', { onsubmit: e => e.preventDefault() },
        button('reset', () => api.reset(name)),
        button('low power on', () => api.lowPower(name, true)),
        button('low power off', () => api.lowPower(name, false))),
      el('form', { onsubmit: e => e.preventDefault() }, el('label', { text: 'Lanes ' }, lanesInput),
        button('tx on', () => api.tx(name, parseLanes(lanesInput.value), false)),
        button('tx off', () => api.tx(name, parseLanes(lanesInput.value), true)),
        this.#applications,
        button('apply', () => api.apply(name, Number(this.#applications.value), parseLanes(lanesInput.value)))),
      el('form', { onsubmit: e => e.preventDefault() }, fileInput,
        button('update firmware', () => this.#update(fileInput.files[0])), this.#progress),
      this.#output);
  }

  /** The advertised applications (identity.applications) for the apply control. */
  setApplications(applications) {
    this.#applications.replaceChildren(...(applications ?? []).map(a =>
      el('option', { value: a.appSel, text: `${a.appSel}: ${a.hostInterface} / ${a.mediaInterface}` })));
  }

  /** Where the module's firmware update stands (a firmware event: phase, done of total bytes, finished, error). */
  firmware(status) {
    // the upload's answer (the first status) may arrive after later events: never show an older status
    const time = Date.parse(status.time);
    const shown = this.#firmwareShown;
    if (shown && (time < shown.time || (time === shown.time && shown.finished))) return;
    this.#firmwareShown = { time, finished: status.finished };
    this.#progress.hidden = false;
    this.#progress.max = Math.max(1, status.total);
    this.#progress.value = status.done;
    const percent = status.total > 0 ? Math.round(100 * status.done / status.total) : 0;
    if (!status.finished) this.#say('running', `firmware update: ${status.phase} ${percent} %`);
    else if (status.error) this.#say('failed', `firmware update failed: ${status.error}`);
    else this.#say('done', `firmware update done: running ${status.running}`);
  }

  async #update(file) {
    if (!file) throw new Error('choose a firmware image file first');
    return api.firmwareUpdate(this.#name, file);
  }

  async #run(label, action) {
    this.#say('running', `${label}…`);
    try {
      const answer = await action();
      if (answer?.phase) this.firmware(answer);
      else this.#say('done', `${label}: ${answer?.result ?? 'done'}`);
    } catch (e) {
      if (e.status === 401 || e.status === 403) this.#say('refused', `${label}: refused (${e.status}) — ${e.message}`);
      else this.#say('failed', `${label}: ${e.status ? `failed (${e.status}) — ` : ''}${e.message}`);
    }
  }

  #say(result, text) {
    this.#output.dataset.result = result;
    this.#output.textContent = text;
  }
}
