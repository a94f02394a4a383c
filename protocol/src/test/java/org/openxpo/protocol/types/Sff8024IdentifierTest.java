package org.openxpo.protocol.types;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/** The SFF-8024 identifier table: codes, the names hosts show, and which ones hosts drive as CMIS. */
class Sff8024IdentifierTest {

    @ParameterizedTest
    @EnumSource
    void anIdentifierDecodesFromItsCode(Sff8024Identifier id) {
        assertEquals(Optional.of(id), Sff8024Identifier.fromCode(id.code()));
    }

    @ParameterizedTest
    @CsvSource({"24, QSFP-DD", "25, OSFP", "27, DSFP", "30, QSFP+ (CMIS)", "33, OSFP-XD", "128, vendor specific"})
    void aListedCodeIsNamedAsSff8024NamesIt(int code, String name) {
        assertEquals(name, Sff8024Identifier.nameOf(code));
    }

    @Test
    void anUnlistedCodeIsNamedInHex() {
        assertEquals(Optional.empty(), Sff8024Identifier.fromCode(0x0D));
        assertEquals("0x0D", Sff8024Identifier.nameOf(0x0D));
    }

    @Test
    void hostsDriveQsfpDdOsfpAndQsfpPlusAsCmisButNotVendorSpecific() {
        assertTrue(Sff8024Identifier.QSFP_DD.hostsTreatAsCmis());
        assertTrue(Sff8024Identifier.OSFP.hostsTreatAsCmis());
        assertTrue(Sff8024Identifier.QSFP_PLUS_CMIS.hostsTreatAsCmis());
        assertFalse(Sff8024Identifier.VENDOR_SPECIFIC.hostsTreatAsCmis());
        assertFalse(Sff8024Identifier.OSFP_XD.hostsTreatAsCmis());
    }
}
