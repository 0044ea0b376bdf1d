package io.ganeticonfd.config;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Set;

import io.ganeticonfd.protocol.HmacKey;

/** Reads the HMAC key file (its exact bytes, trailing newline included) and checks its permissions. */
final class KeyFile {

    /** A key, or the one-line reason there is none. */
    record Read(HmacKey key, String error) {
    }

    private KeyFile() {
    }

    static Read read(Path file) {
        try {
            byte[] bytes = Files.readAllBytes(file);
            if (bytes.length == 0) {
                return new Read(null, "key file is empty");
            }
            return new Read(HmacKey.of(bytes), null);
        } catch (NoSuchFileException e) {
            return new Read(null, "key file does not exist");
        } catch (AccessDeniedException e) {
            return new Read(null, "permission denied");
        } catch (IOException e) {
            return new Read(null, "cannot read: " + e.getMessage());
        }
    }

    /** Who besides the owner may read the file ("others", "group NAME"), or null if nobody. */
    static String exposure(Path file) {
        try {
            Set<PosixFilePermission> p = Files.getPosixFilePermissions(file);
            if (p.contains(PosixFilePermission.OTHERS_READ)) {
                return "every user";
            }
            if (p.contains(PosixFilePermission.GROUP_READ)) {
                return "group " + Files.readAttributes(file, java.nio.file.attribute.PosixFileAttributes.class).group().getName();
            }
            return null;
        } catch (IOException | UnsupportedOperationException e) {
            return null;
        }
    }
}
