package org.openxpo.driver.module;

import java.time.Duration;
import java.util.BitSet;

/**
 * What {@code applyApplication} did.
 *
 * @param released lanes outside the request that belonged to a data path overlapping it: they were deinitialized and
 *                 released (AppSel 0) and stay unused, with DPDeinit and Tx disable set
 */
public record ApplyResult(Application application, BitSet lanes, BitSet released, Duration took) {}
