// What a lane shows: the metric chosen in the heat map, its threshold band, and the lane's state.
import { fixed, exponent, NO_VALUE } from './format.js';

const dbm = v => fixed(v, 2, 'dBm');

/**
 * The heat map's metrics. {@code value} gives the number shown, {@code banded} the number compared with the
 * thresholds of {@code monitor} (the module's thresholds report, in the monitor's own unit: mW, mA) or, for the VDM
 * values eSNR and BER, with the lane's own VDM thresholds ({@code limits}, in dB and as a ratio); {@code log} marks a
 * ratio shaded on a log10 scale.
 */
export const METRICS = [
  { id: 'rx', label: 'Rx power', monitor: 'RxPower', value: l => l.rxPowerDbm, banded: l => l.rxPowerMw, text: dbm },
  { id: 'tx', label: 'Tx power', monitor: 'TxPower', value: l => l.txPowerDbm, banded: l => l.txPowerMw, text: dbm },
  { id: 'bias', label: 'Bias', monitor: 'TxBias', value: l => l.biasMa, banded: l => l.biasMa, text: v => fixed(v, 1, 'mA') },
  { id: 'esnr', label: 'eSNR', limits: l => l.vdmThresholds?.esnr, value: l => l.esnrDb, banded: l => l.esnrDb,
    text: v => fixed(v, 1, 'dB') },
  { id: 'ber', label: 'Pre-FEC BER', limits: l => l.vdmThresholds?.preFecBer, value: l => l.preFecBer,
    banded: l => l.preFecBer, text: exponent, log: true },
];

export const metric = id => METRICS.find(m => m.id === id) ?? METRICS[0];

/**
 * The lane's state, or null for a lane carrying light: disabled (not in an activated data path), in loopback (a
 * diagnostics loopback carries the lane's own signal back), dark (no Tx light).
 */
export function laneState(lane) {
  if (lane.appSel === 0 || lane.dataPathState !== 'DPActivated') return 'disabled';
  if (lane.loopbacks?.length) return 'loopback';
  if (!(lane.txPowerMw > 0) || !lane.txOutputValid) return 'dark';
  return null;
}

/** The band of a value against a thresholds entry: ok, warning, alarm, or none without thresholds or value. */
export function band(value, thresholds) {
  if (!thresholds || value === null || value === undefined || !Number.isFinite(value)) return 'none';
  const { highAlarm, highWarning, lowWarning, lowAlarm } = thresholds;
  if ((highAlarm != null && value > highAlarm) || (lowAlarm != null && value < lowAlarm)) return 'alarm';
  if ((highWarning != null && value > highWarning) || (lowWarning != null && value < lowWarning)) return 'warning';
  return 'ok';
}

/** How a lane reads in words, for its tooltip and screen readers. */
export function describe(lane, m, thresholds) {
  const state = laneState(lane);
  const b = band(m.banded(lane), thresholds);
  const value = m.text(m.value(lane));
  const parts = [`Lane ${lane.lane}`, `${m.label} ${value}`];
  if (b === 'warning' || b === 'alarm') parts.push(`${b} threshold crossed`);
  if (state === 'loopback') parts.push('in loopback (' + lane.loopbacks.join(', ') + ')');
  else if (state) parts.push(state);
  parts.push(lane.dataPathState ?? NO_VALUE);
  if (lane.flags?.length) parts.push('flags: ' + lane.flags.join(', '));
  return parts.join(' · ');
}
