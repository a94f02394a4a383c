package org.openxpo.protocol.map;

/** Host access rules of a field, as CMIS defines them. */
public enum Access {
    /** Read-only: host writes are ignored (the byte keeps its value). */
    RO,
    /** Read/write control. */
    RW,
    /** Write-only / self-clearing: the write acts, the byte always reads 0. */
    WO_SC,
    /** Latched flag, read-only, cleared by reading it (clear-on-read). */
    COR;

    public boolean writable() { return this == RW || this == WO_SC; }
}
