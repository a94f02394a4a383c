package org.openxpo.protocol.cdb;

/** A CDB payload or reply that does not have the layout its command defines: too short, too long, or a bad value. */
public final class CdbFormatException extends IllegalArgumentException {
    public CdbFormatException(String message) { super(message); }
}
