// The dashboard's entry: routes #/ (chassis) and #/module/NAME, and hands the event stream to the view shown.
import { api } from './api.js';
import { ChassisView } from './chassis.js';
import { element as el } from './format.js';
import { FrameStats, setAttr, setText } from './frames.js';
import { ModuleView } from './module.js';

const main = document.getElementById('view');
const connection = document.getElementById('connection');
const crumb = document.getElementById('crumb');
const frameStats = new FrameStats();
let view = null;
let loaded = false;

async function route() {
  loaded = false;
  const match = /^#\/module\/(.+)$/.exec(location.hash);
  main.replaceChildren();
  try {
    if (match) {
      const name = decodeURIComponent(match[1]);
      crumb.replaceChildren(el('a', { href: '#/', text: 'chassis' }), ` › ${name}`);
      view = new ModuleView(main, name);
      await view.load();
    } else {
      crumb.replaceChildren();
      view = new ChassisView(main, []);
      const modules = await api.modules();
      for (const m of modules.modules ?? modules) view.update(m);
    }
    loaded = true;
  } catch (e) {
    main.append(el('p', { role: 'alert', text: `The agent did not answer as expected: ${e.message}` }));
  }
}

function onEvent(event) {
  if (view instanceof ChassisView) {
    if (event.module) view.update(event.module);
  } else if (view instanceof ModuleView && event.module?.name === view.name) {
    view.update(event.module);
  }
}

function onConnection(up) {
  setAttr(connection, 'data-state', up ? 'up' : 'down');
  setText(connection, up ? 'live' : 'reconnecting…');
}

window.addEventListener('hashchange', route);
api.events(onEvent, onConnection);
route();

/** What the browser test (and a curious user in the console) can ask the page. */
window.xpoDashboard = {
  loaded: () => loaded,
  startFrameStats: () => frameStats.start(),
  stopFrameStats: () => frameStats.stop(),
  trend: (chart, series) => view instanceof ModuleView ? view.trend(chart, series) : null,
};
