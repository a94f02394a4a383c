// The agent's REST/SSE API as the dashboard uses it (docs/agent.md): every path the page requests is in this file.
const TOKEN_KEY = 'xpo-agent-token';

/** An answer other than 2xx: the HTTP status and the agent's error message. */
export class ApiError extends Error {
  constructor(status, message) {
    super(message);
    this.status = status;
  }
}

/** The control token, kept for this browser tab only (sessionStorage), never in the URL. */
export const token = {
  get: () => sessionStorage.getItem(TOKEN_KEY) ?? '',
  set: value => value ? sessionStorage.setItem(TOKEN_KEY, value) : sessionStorage.removeItem(TOKEN_KEY),
};

const modulePath = name => `api/modules/${encodeURIComponent(name)}`;

async function answer(response) {
  const text = await response.text();
  let body = null;
  try { body = text ? JSON.parse(text) : null; } catch { body = null; }
  if (!response.ok) throw new ApiError(response.status, body?.error ?? (text || response.statusText));
  return body;
}

async function get(path) {
  return answer(await fetch(path, { headers: { Accept: 'application/json' } }));
}

function authorized(headers) {
  const t = token.get();
  return t ? { ...headers, Authorization: `Bearer ${t}` } : headers;
}

async function post(path, body) {
  const headers = authorized({ Accept: 'application/json', 'Content-Type': 'application/json' });
  return answer(await fetch(path, { method: 'POST', headers, body: JSON.stringify(body ?? {}) }));
}

/** The named events of GET /api/events (docs/agent.md). */
const EVENTS = ['modules', 'module', 'snapshot', 'alarm', 'firmware', 'removed'];

export const api = {
  /** openxpo.agent.modules/1: every module's summary. */
  modules: () => get('api/modules'),
  /** openxpo.agent.module/1: summary, snapshot (openxpo.module/1), thresholds, vdm. */
  module: name => get(modulePath(name)),
  /** openxpo.agent.history/1: the trend samples of the last window, oldest first. */
  history: name => get(`${modulePath(name)}/history`),
  /** openxpo.agent.alarms/1: the alarm log with raise and clear times. */
  alarms: name => get(`${modulePath(name)}/alarms`),
  reset: name => post(`${modulePath(name)}/reset`),
  lowPower: (name, on) => post(`${modulePath(name)}/lpmode`, { on }),
  tx: (name, lanes, disabled) => post(`${modulePath(name)}/tx`, { lanes, disabled }),
  apply: (name, appSel, lanes) => post(`${modulePath(name)}/apply`, { appSel, lanes }),
  /** Starts an update with the image's bytes (202); progress arrives as firmware events. */
  firmwareUpdate: async (name, file) => answer(await fetch(`${modulePath(name)}/firmware`,
    { method: 'POST', headers: authorized({ Accept: 'application/json', 'Content-Type': 'application/octet-stream' }), body: file })),

  /**
   * The event stream, with the snapshots of module {@code watched} (null: summaries only): calls
   * {@code onEvent(type, data)} per event and {@code onConnection(up)} when the stream opens or drops (EventSource
   * reconnects by itself, and a new stream starts with a modules event, so nothing is missed).
   */
  events(watched, onEvent, onConnection) {
    const source = new EventSource(watched ? `api/events?module=${encodeURIComponent(watched)}` : 'api/events');
    source.onopen = () => onConnection(true);
    source.onerror = () => onConnection(false);
    for (const type of EVENTS) {
      source.addEventListener(type, message => {
        let data;
        try { data = JSON.parse(message.data); } catch (e) { console.error(`bad ${type} event`, e); return; }
        onEvent(type, data);
      });
    }
    return () => source.close();
  },
};
