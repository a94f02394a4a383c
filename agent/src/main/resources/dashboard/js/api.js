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

async function post(path, body) {
  const headers = { Accept: 'application/json', 'Content-Type': 'application/json' };
  const t = token.get();
  if (t) headers.Authorization = `Bearer ${t}`;
  return answer(await fetch(path, { method: 'POST', headers, body: JSON.stringify(body ?? {}) }));
}

export const api = {
  modules: () => get('api/modules'),
  module: name => get(modulePath(name)),
  thresholds: name => get(`${modulePath(name)}/thresholds`),
  history: name => get(`${modulePath(name)}/history`),
  alarmLog: name => get(`${modulePath(name)}/alarms/log`),
  reset: name => post(`${modulePath(name)}/reset`),
  lowPower: (name, on) => post(`${modulePath(name)}/lpmode`, { lowPower: on }),
  tx: (name, lanes, enabled) => post(`${modulePath(name)}/tx`, { lanes, enabled }),
  apply: (name, appSel, lanes) => post(`${modulePath(name)}/apply`, { appSel, lanes }),
  firmwareUpdate: async (name, file) => {
    const headers = { Accept: 'application/json', 'Content-Type': 'application/octet-stream' };
    const t = token.get();
    if (t) headers.Authorization = `Bearer ${t}`;
    return answer(await fetch(`${modulePath(name)}/firmware`, { method: 'POST', headers, body: file }));
  },
  firmwareProgress: name => get(`${modulePath(name)}/firmware/progress`),

  /**
   * The event stream: calls {@code onEvent(event)} for every event (openxpo.event/1 plus the module's name) and
   * {@code onConnection(up)} when the stream opens or drops; EventSource reconnects by itself.
   */
  events(onEvent, onConnection) {
    const source = new EventSource('api/events');
    source.onopen = () => onConnection(true);
    source.onerror = () => onConnection(false);
    source.onmessage = message => {
      try { onEvent(JSON.parse(message.data)); } catch (e) { console.error('bad event', e); }
    };
    return () => source.close();
  },
};
