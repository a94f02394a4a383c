package org.openxpo.protocol.connector;

/** What an I3C target reports during ENTDAA (or GETPID/GETBCR/GETDCR), with the address it was given. */
public record I3cDevice(long provisionedId, int bcr, int dcr, int dynamicAddress) {
    @Override
    public String toString() {
        return String.format("PID 0x%012X BCR 0x%02X DCR 0x%02X at 0x%02X", provisionedId, bcr, dcr, dynamicAddress);
    }
}
