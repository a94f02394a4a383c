package org.openxpo.driver.cli;

import org.openxpo.driver.XpoException;
import org.openxpo.protocol.cdb.FirmwareImageFormat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * The firmware image file of {@code xpoctl fw update}: a regular file no larger than a module stores
 * ({@link FirmwareImageFormat#MAX_IMAGE_SIZE}), checked before a byte of it is read, so a device, a pipe or a huge file
 * is a usage error rather than a hang or an exhausted heap.
 */
final class ImageFile {
    private ImageFile() {}

    static byte[] read(Path file) {
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(file, BasicFileAttributes.class);
        } catch (NoSuchFileException e) {
            throw new XpoException.InvalidRequest("cannot read " + file + ": no such file");
        } catch (IOException e) {
            throw new XpoException.InvalidRequest("cannot read " + file + ": " + e.getMessage());
        }
        if (!attributes.isRegularFile()) {
            throw new XpoException.InvalidRequest(file + " is not a regular file"
                + (attributes.isDirectory() ? " but a directory" : ""));
        }
        if (attributes.size() > FirmwareImageFormat.MAX_IMAGE_SIZE) throw tooLarge(file, attributes.size() + " bytes");
        byte[] image;
        try (InputStream in = Files.newInputStream(file)) {
            image = in.readNBytes(FirmwareImageFormat.MAX_IMAGE_SIZE + 1);   // bounded: the file may grow meanwhile
        } catch (IOException e) {
            throw new XpoException.InvalidRequest("cannot read " + file + ": " + e.getMessage());
        }
        if (image.length > FirmwareImageFormat.MAX_IMAGE_SIZE) throw tooLarge(file, "at least " + image.length + " bytes");
        return image;
    }

    private static XpoException tooLarge(Path file, String size) {
        return new XpoException.InvalidRequest(file + " is " + size + ", larger than a module stores ("
            + FirmwareImageFormat.MAX_IMAGE_SIZE + " bytes); nothing was sent");
    }
}
