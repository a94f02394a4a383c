package org.openxpo.driver.json;

import java.util.List;

/**
 * {@code xpoctl dump --json}: the bytes read, as numbers 0–255, with where they were read.
 *
 * @param page   page number (0–255)
 * @param offset the first byte's address in the 256-byte window
 */
public record DumpJson(String schema, String target, int page, int bank, int offset, int length, List<Integer> bytes) {}
