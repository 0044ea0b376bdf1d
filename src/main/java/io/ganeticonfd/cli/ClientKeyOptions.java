package io.ganeticonfd.cli;

import java.nio.file.Path;

import io.ganeticonfd.client.HmacKeyFile;
import io.ganeticonfd.protocol.HmacKey;
import io.quarkus.runtime.annotations.RegisterForReflection;

import picocli.CommandLine;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/** The key options of the client commands ({@code --hmac-key-file}, {@code --demo}), a picocli mixin. */
@RegisterForReflection
public final class ClientKeyOptions {

    @Option(names = "--hmac-key-file", paramLabel = "F", description = "HMAC key file [/var/lib/ganeti/hmac.key]")
    Path keyFile;

    @Option(names = "--demo", description = "use the bundled DEMO key (for a daemon started with --demo)")
    boolean demo;

    /** Whether {@code --demo} was given. */
    public boolean demo() {
        return demo;
    }

    /** The key file to read: the one given, else Ganeti's; null with {@code --demo}. */
    public Path keyFile(CommandLine command) {
        if (demo && keyFile != null) {
            throw new ParameterException(command, "--demo and --hmac-key-file cannot be combined");
        }
        return demo ? null : keyFile != null ? keyFile : HmacKeyFile.GANETI_PATH;
    }

    /** The key these options name; a usage error saying what is wrong with it. */
    public HmacKey key(CommandLine command) {
        Path file = keyFile(command);
        try {
            return HmacKeyFile.load(demo, file);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(command, e.getMessage());
        }
    }
}
