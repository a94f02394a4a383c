package org.openxpo.driver.module;

import org.openxpo.driver.access.AdvertisedPages;
import org.openxpo.protocol.types.Lanes;
import org.openxpo.protocol.types.Sff8024Identifier;

import java.util.List;
import java.util.Optional;

/**
 * What the module is, read once from the lower page, pages 00h and 01h (and B0h for the XPO power rating): stable
 * until the module resets or is replaced.
 *
 * @param identifier        SFF-8024 identifier (00h:0)
 * @param vendorOui         "00-90-65"
 * @param maxPowerW         XPO MaxPowerXpo (B0h:156) on an XPO module, else CMIS MaxPower (00h:201)
 * @param banks             banks of the lane pages (01h:142 BanksSupported; 8 on an XPO module)
 * @param supportedPages    upper pages the module advertises, "00h", "01h", …
 * @param xpoProfileVersion XPO profile version (00h:226) when 00h:223 reads "XPO", else 0
 * @param biasMultiplierCode 01h:160 bits 4-3 (bias current scale ×1, ×2, ×4)
 * @param advertised        what 00h:2 and 01h:142/163 advertise, decoded ({@code supportedPages} names it)
 */
public record Identity(int identifier, int cmisMajor, int cmisMinor, boolean flatMemory, String vendorName,
                       String vendorOui, String partNumber, String vendorRevision, String serialNumber, String dateCode,
                       FirmwareVersion activeFirmware, FirmwareVersion inactiveFirmware, String hardwareRevision,
                       int mediaType, List<Application> applications, double maxPowerW, int banks,
                       List<String> supportedPages, int xpoProfileVersion, int biasMultiplierCode,
                       AdvertisedDurations durations, AdvertisedPages advertised) {

    /** "5.3". */
    public String cmisRevision() { return cmisMajor + "." + cmisMinor; }

    /** True when the module carries the XPO profile marker (pages B0h/B1h exist). */
    public boolean xpo() { return xpoProfileVersion > 0; }

    public int lanes() { return banks * Lanes.PER_BANK; }

    public Optional<Application> application(int appSel) {
        return applications.stream().filter(a -> a.appSel() == appSel).findFirst();
    }

    /** Short name of the SFF-8024 identifier ("OSFP", "QSFP-DD", ...). */
    public String identifierName() { return Sff8024Identifier.nameOf(identifier); }
}
