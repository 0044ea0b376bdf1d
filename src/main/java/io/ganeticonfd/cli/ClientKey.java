package io.ganeticonfd.cli;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

import io.ganeticonfd.protocol.HmacKey;

/** The HMAC key of a client command: the bundled DEMO key with {@code --demo}, else the key file. */
final class ClientKey {

    private ClientKey() {
    }

    /** The key, or a usage error naming the file and what is wrong with it. */
    static HmacKey load(boolean demo, Path keyFile) throws UsageException {
        if (demo) {
            try {
                return HmacKey.of(DemoCluster.key());
            } catch (IOException e) {
                throw new UsageException("cannot read the DEMO key: " + e.getMessage());
            }
        }
        String file = keyFile.toString();
        try {
            byte[] bytes = Files.readAllBytes(keyFile);
            if (bytes.length == 0) {
                throw new UsageException("HMAC key file " + file + " is empty");
            }
            return HmacKey.of(bytes);
        } catch (NoSuchFileException e) {
            throw new UsageException("HMAC key file " + file + " does not exist (use --hmac-key-file or --demo)");
        } catch (AccessDeniedException e) {
            throw new UsageException("HMAC key file " + file + " is not readable: permission denied");
        } catch (IOException e) {
            throw new UsageException("cannot read HMAC key file " + file + ": " + e.getMessage());
        }
    }
}
