package io.ganeticonfd.config;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Set;

import io.ganeticonfd.protocol.HmacKey;

/** Reads the HMAC key file (its exact bytes, trailing newline included) and checks its permissions. */
final class KeyFile {

    /** A key, or the one-line reason there is none. */
    record Read(HmacKey key, String error) {}

    /** Owned by the user this process runs as (Linux). */
    private static final Path SELF = Path.of("/proc/self");

    private KeyFile() {}

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

    /**
     * Who besides the daemon may read the file ("every user", "group NAME"), or null if nobody.
     * Group read is not counted when the daemon does not own the file: then it reads the key
     * through that group itself (a Kubernetes Secret: root-owned, 0440, the pod's fsGroup).
     */
    static String exposure(Path file) {
        try {
            Set<PosixFilePermission> p = Files.getPosixFilePermissions(file);
            if (p.contains(PosixFilePermission.OTHERS_READ)) {
                return "every user";
            }
            if (p.contains(PosixFilePermission.GROUP_READ) && ownedByThisProcess(file)) {
                return "group "
                        + Files.readAttributes(file, PosixFileAttributes.class)
                                .group()
                                .getName();
            }
            return null;
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return null;
        }
    }

    /** Whether the file's owner is this process's user (true when that cannot be told). */
    private static boolean ownedByThisProcess(Path file) throws IOException {
        Object self;
        try {
            self = Files.getAttribute(SELF, "unix:uid");
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return true;
        }
        return self.equals(Files.getAttribute(file, "unix:uid"));
    }
}
