package org.openxpo.driver.access;

import org.openxpo.driver.XpoException;
import org.openxpo.protocol.cdb.CdbPage;
import org.openxpo.protocol.map.Field;
import org.openxpo.protocol.map.Pages;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.openxpo.protocol.map.AdminPages.*;
import static org.openxpo.protocol.map.LowerPage.MEMORY_MODEL;

/**
 * The upper pages a module says it has: page 00h always; on paged memory 01h, 02h, 10h and 11h, the optional CMIS
 * pages 01h:142 advertises (03h, 05h, diagnostics 13h–14h, network path 16h–17h, VDM 20h–2Fh), the CDB pages 01h:163
 * advertises, and the custom pages B0h–FFh (CMIS leaves them to the maker and advertises none of them). Banked pages
 * (10h and up) have the banks 01h:142 BanksSupported gives. This answers what a host may select before it selects
 * it: hosts must never probe memory a module does not advertise.
 *
 * @param banks    banks of the banked pages (1 on flat memory)
 * @param eplPages CDB extended-payload pages, A0h up (0: none)
 */
public record AdvertisedPages(boolean flat, int banks, boolean page03, boolean page05, boolean diagnostics,
                              boolean networkPath, boolean vdm, int cdbInstances, int eplPages) {

    /** The fields this is decoded from on page 01h. */
    public static final List<Field> PAGE_01_FIELDS = List.of(BANKS_SUPPORTED, PAGE03_SUPPORTED, PAGE05_SUPPORTED,
        DIAG_PAGES_SUPPORTED, NETWORK_PATH_PAGES_SUPPORTED, VDM_PAGES_SUPPORTED, CDB_INSTANCES_SUPPORTED,
        CDB_MAX_PAGES_EPL);

    /** A flat-memory module: page 00h and nothing else. */
    public static final AdvertisedPages FLAT = new AdvertisedPages(true, 1, false, false, false, false, false, 0, 0);

    /** Reads 00h:2 and, on paged memory, 01h:142 and 01h:163 (two short reads). */
    public static AdvertisedPages read(RegisterAccess access) {
        boolean flat = access.get(MEMORY_MODEL) == 1;
        return flat ? FLAT : of(access.readFields(Pages.ADVERTISING, 0, PAGE_01_FIELDS));
    }

    /** Decodes page 01h (a 256-byte window holding at least {@link #PAGE_01_FIELDS}) of a paged module. */
    public static AdvertisedPages of(byte[] p1) {
        int code = (int) CDB_MAX_PAGES_EPL.get(p1, 0);
        // a reserved code (above 7) is read as the largest advertisement: every EPL page
        int epl = code > CdbPage.EPL_PAGES_CODE_ALL ? Pages.CDB_EPL_PAGES : CdbPage.eplPageCount(code);
        int cdb = (int) CDB_INSTANCES_SUPPORTED.get(p1, 0);
        return new AdvertisedPages(false, 1 << BANKS_SUPPORTED.get(p1, 0), bit(PAGE03_SUPPORTED, p1),
            bit(PAGE05_SUPPORTED, p1), bit(DIAG_PAGES_SUPPORTED, p1), bit(NETWORK_PATH_PAGES_SUPPORTED, p1),
            bit(VDM_PAGES_SUPPORTED, p1), cdb, cdb > 0 ? epl : 0);
    }

    private static boolean bit(Field f, byte[] p1) { return f.get(p1, 0) == 1; }

    /** The pages as CMIS names them ("00h", "01h", …, "20h-2Fh"); B0h/B1h only for an XPO module ({@code xpo}). */
    public List<String> names(boolean xpo) {
        List<String> out = new ArrayList<>(List.of(name(Pages.ADMINISTRATIVE)));
        if (flat) return out;
        out.addAll(List.of(name(Pages.ADVERTISING), name(Pages.THRESHOLDS)));
        if (page03) out.add(name(Pages.USER_EEPROM));
        if (page05) out.add(name(Pages.OPTIONAL_05));
        out.addAll(List.of(name(Pages.LANE_CONTROL), name(Pages.LANE_STATUS)));
        if (diagnostics) out.addAll(List.of(name(Pages.DIAGNOSTICS_FIRST), name(Pages.DIAGNOSTICS_LAST)));
        if (networkPath) out.addAll(List.of(name(Pages.NETWORK_PATH_FIRST), name(Pages.NETWORK_PATH_LAST)));
        if (vdm) out.add(name(Pages.VDM_FIRST) + "-" + name(Pages.VDM_LAST));
        if (cdbInstances > 0) {
            out.add(name(Pages.CDB));
            if (eplPages > 0) {
                out.add(name(Pages.CDB_EPL_FIRST) + (eplPages == 1 ? "" : "-" + name(Pages.CDB_EPL_FIRST + eplPages - 1)));
            }
        }
        if (xpo) out.addAll(List.of(name(Pages.XPO_TELEMETRY), name(Pages.XPO_THRESHOLDS)));
        return List.copyOf(out);
    }

    /** Why {@code page}/{@code bank} may not be selected on this module, or empty when it may. */
    public Optional<String> refusal(int page, int bank) {
        if (page == Pages.ADMINISTRATIVE) {
            return bank == 0 ? Optional.empty() : Optional.of("page 00h is not banked: leave --bank out");
        }
        if (flat) return Optional.of(String.format("page %02Xh: the module has flat memory (00h:2 bit 7), only page 00h", page));
        Optional<String> unadvertised = advertisement(page);
        if (unadvertised.isPresent()) return unadvertised;
        if (!PageBanking.banked(page)) {
            return bank == 0 ? Optional.empty()
                : Optional.of(String.format("page %02Xh is not banked: leave --bank out", page));
        }
        return bank >= 0 && bank < banks ? Optional.empty()
            : Optional.of(String.format("page %02Xh has banks 0-%d, not %d (01h:142 BanksSupported)", page, banks - 1, bank));
    }

    /** Refuses, as a usage error, a page or bank the module does not advertise. */
    public void require(int page, int bank) {
        refusal(page, bank).ifPresent(why -> { throw new XpoException.InvalidRequest(why); });
    }

    /** Empty when the module advertises {@code page} (bank aside), else why not. */
    private Optional<String> advertisement(int page) {
        if (page == Pages.ADVERTISING || page == Pages.THRESHOLDS || page == Pages.LANE_CONTROL
            || page == Pages.LANE_STATUS || page >= Pages.FIRST_CUSTOM) {
            return Optional.empty();
        }
        if (page == Pages.USER_EEPROM) return advertised(page03, page, PAGE03_SUPPORTED);
        if (page == Pages.OPTIONAL_05) return advertised(page05, page, PAGE05_SUPPORTED);
        if (page >= Pages.DIAGNOSTICS_FIRST && page <= Pages.DIAGNOSTICS_LAST) {
            return advertised(diagnostics, page, DIAG_PAGES_SUPPORTED);
        }
        if (page >= Pages.NETWORK_PATH_FIRST && page <= Pages.NETWORK_PATH_LAST) {
            return advertised(networkPath, page, NETWORK_PATH_PAGES_SUPPORTED);
        }
        if (page >= Pages.VDM_FIRST && page <= Pages.VDM_LAST) return advertised(vdm, page, VDM_PAGES_SUPPORTED);
        if (page == Pages.CDB) return advertised(cdbInstances > 0, page, CDB_INSTANCES_SUPPORTED);
        if (page >= Pages.CDB_EPL_FIRST && page <= Pages.CDB_EPL_LAST) {
            return page < Pages.CDB_EPL_FIRST + eplPages ? Optional.empty() : Optional.of(String.format(
                "page %02Xh is not advertised: 01h:163 CdbMaxPagesEpl gives %d EPL page(s) from A0h", page, eplPages));
        }
        return Optional.of(String.format("page %02Xh is not advertised by the module (it has %s)", page,
            String.join(" ", names(false))));
    }

    private static Optional<String> advertised(boolean yes, int page, Field flag) {
        return yes ? Optional.empty() : Optional.of(String.format("page %02Xh is not advertised by the module "
            + "(01h:%d %s is 0)", page, flag.offset(), flag.name()));
    }

    private static String name(int page) { return String.format("%02Xh", page); }
}
