package io.ganeticonfd.client;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

import io.ganeticonfd.protocol.HmacKey;

/** The HMAC key of a client: the exact bytes of a key file, or the DEMO key bundled with the application. */
public final class HmacKeyFile {

    /** Classpath location of the DEMO key (in the application jar, not the client library). */
    public static final String DEMO_RESOURCE = "/demo/hmac.key";

    /** Where Ganeti keeps the key. */
    public static final Path GANETI_PATH = Path.of("/var/lib/ganeti/hmac.key");

    private HmacKeyFile() {}

    /** The key in {@code file}; throws with a one-line message naming the file and what is wrong with it. */
    public static HmacKey read(Path file) {
        try {
            byte[] bytes = Files.readAllBytes(file);
            if (bytes.length == 0) {
                throw new IllegalArgumentException("HMAC key file " + file + " is empty");
            }
            return HmacKey.of(bytes);
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException(
                    "HMAC key file " + file + " does not exist (use --hmac-key-file or --demo)");
        } catch (AccessDeniedException e) {
            throw new IllegalArgumentException("HMAC key file " + file + " is not readable: permission denied");
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read HMAC key file " + file + ": " + e.getMessage());
        }
    }

    /** The bundled DEMO key; throws with a one-line message when it is not on the class path. */
    public static HmacKey demo() {
        try (InputStream in = HmacKeyFile.class.getResourceAsStream(DEMO_RESOURCE)) {
            if (in == null) {
                throw new IllegalArgumentException("cannot read the DEMO key: not in this jar");
            }
            return HmacKey.of(in.readAllBytes());
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read the DEMO key: " + e.getMessage());
        }
    }

    /** The DEMO key with {@code demo}, else the key in {@code file}. */
    public static HmacKey load(boolean demo, Path file) {
        return demo ? demo() : read(file);
    }
}
