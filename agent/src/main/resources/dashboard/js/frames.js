// DOM writes happen once per animation frame: updates arriving between two frames for the same key (a module's
// row, a lane grid) collapse into the latest one, so 64 modules at 1 update/s each cost at most one pass per frame.
const pending = new Map();
let requested = false;
let rendered = 0;

/** How many updates reached the page so far (the test hook reports it: updates applied per second). */
export const renderCount = () => rendered;

/** Runs {@code render} in the next animation frame; a later call with the same key replaces an earlier one. */
export function schedule(key, render) {
  pending.set(key, render);
  if (!requested) {
    requested = true;
    requestAnimationFrame(flush);
  }
}

function flush() {
  requested = false;
  const renders = [...pending.values()];
  pending.clear();
  for (const render of renders) {
    try { render(); rendered++; } catch (e) { console.error('render failed', e); }
  }
}

/** Sets an element's text only when it changed (a write, even of the same text, costs a layout). */
export function setText(element, text) {
  if (element.textContent !== text) element.textContent = text;
}

/** Sets an attribute only when it changed. */
export function setAttr(element, name, value) {
  if (element.getAttribute(name) !== value) element.setAttribute(name, value);
}

/**
 * Frame timing as the page sees it, for the browser test and for anyone curious (window.xpoDashboard): the deltas
 * between animation frames while measuring, and long tasks (> 50 ms) reported by the browser.
 */
export class FrameStats {
  #deltas = [];
  #longTasks = 0;
  #last = 0;
  #running = false;
  #observer = null;

  start() {
    this.#deltas = [];
    this.#longTasks = 0;
    this.#last = 0;
    this.#running = true;
    if ('PerformanceObserver' in window && PerformanceObserver.supportedEntryTypes?.includes('longtask')) {
      this.#observer = new PerformanceObserver(list => { this.#longTasks += list.getEntries().length; });
      this.#observer.observe({ type: 'longtask' });
    }
    const tick = now => {
      if (!this.#running) return;
      if (this.#last) this.#deltas.push(now - this.#last);
      this.#last = now;
      requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  }

  /** Stops measuring and summarizes: frames, median/p99/max delta (ms), frames over 50 ms, long tasks. */
  stop() {
    this.#running = false;
    this.#observer?.disconnect();
    const sorted = [...this.#deltas].sort((a, b) => a - b);
    const at = q => sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] : 0;
    return {
      frames: sorted.length,
      medianMs: at(0.5),
      p99Ms: at(0.99),
      maxMs: sorted.length ? sorted[sorted.length - 1] : 0,
      over50Ms: sorted.filter(d => d > 50).length,
      longTasks: this.#longTasks,
    };
  }
}
