package org.openxpo.driver.access;

/**
 * What the driver did on one bus: transfers, bytes on the wire (each message's address byte plus its data or read
 * bytes), NACKs seen, retries made and page selects written.
 */
public record AccessStatistics(long transfers, long busBytes, long nacks, long retries, long pageSelects) {}
