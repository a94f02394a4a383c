package org.openxpo.driver.json;

import org.openxpo.driver.module.Application;
import org.openxpo.driver.module.Identity;

import java.util.List;

/** {@code identity} of the module JSON; names follow openconfig-platform-transceiver where it has a leaf. */
public record IdentityJson(String formFactor, int identifier, String cmisRevision, String vendor, String vendorOui,
                           String partNumber, String vendorRev, String serialNumber, String dateCode,
                           String firmwareVersion, String inactiveFirmwareVersion, String hardwareVersion,
                           Double maxPowerW, int banks, int lanes, List<String> supportedPages, int xpoProfileVersion,
                           List<ApplicationJson> applications) {

    /** One advertised application. */
    public record ApplicationJson(int appSel, String hostInterface, String mediaInterface, int hostLaneCount,
                                  int mediaLaneCount, List<Integer> startLanes, int perModule) {
        static ApplicationJson of(Application a, int banks) {
            return new ApplicationJson(a.appSel(), a.descriptor().hostInterfaceName(),
                a.descriptor().mediaInterfaceName(), a.hostLaneCount(), a.descriptor().mediaLaneCount(), a.startLanes(),
                a.dataPathsPerBank() * banks);
        }
    }

    static IdentityJson of(Identity id) {
        return new IdentityJson(id.identifierName(), id.identifier(), id.cmisRevision(), id.vendorName(),
            id.vendorOui(), id.partNumber(), id.vendorRevision(), id.serialNumber(), id.dateCode(),
            id.activeFirmware().toString(), id.inactiveFirmware().toString(), id.hardwareRevision(),
            JsonNumbers.round(id.maxPowerW(), 2), id.banks(), id.lanes(), id.supportedPages(), id.xpoProfileVersion(),
            id.applications().stream().map(a -> ApplicationJson.of(a, id.banks())).toList());
    }
}
