// The dashboard's entry: routes #/ (chassis) and #/module/NAME, and hands the event stream to the view shown.
import { api } from './api.js';
import { ChassisView } from './chassis.js';
import { element as el } from './format.js';
import { FrameStats, renderCount, schedule, setAttr, setText } from './frames.js';
import { ModuleView } from './module.js';

const main = document.getElementById('view');
const connection = document.getElementById('connection');
const crumb = document.getElementById('crumb');
const frameStats = new FrameStats();
let view = null;
let closeEvents = () => {};
let loaded = false;
let streamWasUp = false;  // the current stream has opened once: a later open is a reconnect

async function route() {
  loaded = false;
  closeEvents();
  main.replaceChildren();
  const match = /^#\/module\/(.+)$/.exec(location.hash);
  const name = match ? decodeURIComponent(match[1]) : null;
  // the stream opens first and its events wait until the first answers are shown, so nothing between is lost
  const early = [];
  let deliver = (type, data) => early.push([type, data]);
  streamWasUp = false;
  closeEvents = api.events(name, (type, data) => deliver(type, data), onConnection);
  try {
    if (name) {
      crumb.replaceChildren(el('a', { href: '#/', text: 'chassis' }), ` › ${name}`);
      view = new ModuleView(main, name);
      await view.load();
    } else {
      crumb.replaceChildren();
      view = new ChassisView(main, (await api.modules()).modules);
    }
    const shown = view;
    deliver = (type, data) => onEvent(shown, type, data);
    early.forEach(([type, data]) => deliver(type, data));
    loaded = true;
    // after the view's first render, in the same frame: how long the page took to show the agent's data
    schedule('shown', () => performance.mark('xpo-shown'));
  } catch (e) {
    main.append(el('p', { role: 'alert', text: `The agent did not answer as expected: ${e.message}` }));
  }
}

function onEvent(view, type, data) {
  if (view instanceof ChassisView) {
    if (type === 'modules') data.modules.forEach(m => view.update(m));
    else if (type === 'module') view.update(data);
    else if (type === 'removed') view.remove(data.module);
  } else if (view instanceof ModuleView) {
    if (type === 'snapshot' && data.summary?.name === view.name) view.update(data);
    else if (type === 'alarm' && data.module === view.name) view.alarm(data);
    else if (type === 'firmware' && data.module === view.name) view.firmware(data);
  }
}

function onConnection(up) {
  setAttr(connection, 'data-state', up ? 'up' : 'down');
  setText(connection, up ? 'live' : 'reconnecting…');
  // the agent cuts a stream that falls behind; what happened while it was away comes back with the new stream's
  // first events, except the alarm log's raises and clears: read it again
  if (up && streamWasUp && loaded && view instanceof ModuleView) view.resync();
  if (up) streamWasUp = true;
}

window.addEventListener('hashchange', route);
route();

/** What the browser test (and a curious user in the console) can ask the page. */
window.xpoDashboard = {
  loaded: () => loaded,
  startFrameStats: () => frameStats.start(),
  stopFrameStats: () => frameStats.stop(),
  renderCount,
  trend: (chart, series) => view instanceof ModuleView ? view.trend(chart, series) : null,
};
