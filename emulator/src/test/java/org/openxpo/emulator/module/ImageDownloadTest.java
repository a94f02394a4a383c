package org.openxpo.emulator.module;

import org.junit.jupiter.api.Test;
import org.openxpo.protocol.cdb.FirmwareImageFormat;

import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.*;

/** Start Download announces a size; memory must follow what the host actually writes. */
class ImageDownloadTest {
    @Test
    void announcingTheLargestImageAllocatesNothingUntilBlocksArrive() {
        ImageDownload d = new ImageDownload(FirmwareImageFormat.MAX_IMAGE_SIZE);
        assertEquals(0, d.heldBytes());
        d.store(0, new byte[FirmwareImageFormat.HEADER_SIZE]);
        assertEquals(ImageDownload.CHUNK, d.heldBytes(), "one chunk for the header, not 16 MiB");
        d.store(FirmwareImageFormat.MAX_IMAGE_SIZE - 116, new byte[116]);
        assertEquals(2L * ImageDownload.CHUNK, d.heldBytes());
        assertFalse(d.whole());
    }

    @Test
    void blocksAcrossChunkBoundariesMakeTheWholeImage() {
        int size = ImageDownload.CHUNK * 2 + 100;
        byte[] image = new byte[size];
        for (int i = 0; i < size; i++) image[i] = (byte) (i * 7 + 1);
        ImageDownload d = new ImageDownload(size);
        for (int off = 0; off < size; off += 2048) {
            assertFalse(d.whole());
            d.store(off, Arrays.copyOfRange(image, off, Math.min(size, off + 2048)));
        }
        assertTrue(d.whole());
        assertArrayEquals(image, d.bytes());
        assertFalse(d.fits(size - 10, 11), "past the announced size");
        assertFalse(d.fits(0, 0));
    }
}
