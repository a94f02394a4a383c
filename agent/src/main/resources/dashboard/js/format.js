// Numbers as the dashboard shows them: fixed decimals, a unit, and an en dash for "no value".
export const NO_VALUE = '–';

export function fixed(value, decimals, unit = '') {
  if (value === null || value === undefined || !Number.isFinite(value)) return NO_VALUE;
  return value.toFixed(decimals) + (unit ? ' ' + unit : '');
}

/** A ratio such as a bit error rate, as 1.2e-6. */
export function exponent(value) {
  if (value === null || value === undefined || !Number.isFinite(value)) return NO_VALUE;
  return value === 0 ? '0' : value.toExponential(1);
}

/** The time of day of an ISO-8601 instant, in the browser's zone, to the second. */
export function clock(iso) {
  if (!iso) return NO_VALUE;
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? NO_VALUE : d.toLocaleTimeString([], { hour12: false });
}

export function element(tag, attributes = {}, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attributes)) {
    if (v === null || v === undefined || v === false) continue;
    if (k === 'text') e.textContent = v;
    else if (k.startsWith('on')) e.addEventListener(k.slice(2), v);
    else e.setAttribute(k, v === true ? '' : v);
  }
  e.append(...children.filter(c => c !== null && c !== undefined));
  return e;
}
