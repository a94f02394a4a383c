package org.openxpo.agent.control;

/**
 * Where a module's firmware update stands: {@code phase} is the updater's ("start", "write", "run", "commit", …),
 * then "done" or "failed"; {@code running} is the version after a successful update, {@code error} why it failed.
 */
public record FirmwareStatus(String module, String phase, long done, long total, boolean finished, String running,
                             String error, String time) {}
