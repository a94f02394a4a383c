package org.openxpo.driver.vdm;

/**
 * One observable's value in a {@link VdmReading}.
 *
 * @param raw   the 16-bit sample as the module stored it
 * @param value the engineering value (its type's encoding); null when there is none to present: a statistic whose
 *              freeze was not confirmed (its value could be an old interval's), or a type ID the project does not know
 */
public record VdmSample(VdmObservable observable, int raw, Double value) {}
