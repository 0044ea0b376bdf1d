package io.ganeticonfd.logging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.util.logging.Logger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import io.ganeticonfd.support.Closer;
import io.ganeticonfd.support.DevLogReceiver;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

/** The handler on the root logger from start-up to shutdown, only when syslog is asked for. */
class SyslogInstallerTest {

    @TempDir
    Path dir;

    @RegisterExtension
    final Closer closer = new Closer();

    private static SyslogSettings settings(boolean syslog, Path socket) {
        return new SyslogSettings() {
            @Override
            public boolean syslog() {
                return syslog;
            }

            @Override
            public Path syslogSocket() {
                return socket;
            }
        };
    }

    private static boolean rootHasSyslogHandler() {
        for (var h : Logger.getLogger("").getHandlers()) {
            if (h instanceof SyslogHandler) {
                return true;
            }
        }
        return false;
    }

    @Test
    void sendsWhatAnyLoggerLogsFromStartUpToShutdown() {
        Path socket = dir.resolve("log");
        DevLogReceiver syslog = closer.track(DevLogReceiver.bind(socket));
        SyslogInstaller installer = new SyslogInstaller(settings(true, socket));

        installer.onStart(new StartupEvent());
        try {
            assertThat(rootHasSyslogHandler()).isTrue();
            Logger.getLogger("io.ganeticonfd.logging.Check").warning("started");
            await().untilAsserted(() -> assertThat(syslog.records())
                    .singleElement()
                    .asString()
                    .matches(SyslogHandlerTest.GLIBC_RECORD.pattern())
                    .startsWith("<28>")
                    .endsWith(": WARNING [io.ga.lo.Check] started"));
        } finally {
            installer.onStop(new ShutdownEvent());
        }
        assertThat(rootHasSyslogHandler()).isFalse();
        Logger.getLogger("io.ganeticonfd.logging.Check").warning("after shutdown");
        assertThat(syslog.records()).hasSize(1);
    }

    @Test
    void installsNothingWhenSyslogIsOff() {
        SyslogInstaller installer = new SyslogInstaller(settings(false, dir.resolve("log")));

        installer.onStart(new StartupEvent());
        assertThat(rootHasSyslogHandler()).isFalse();
        installer.onStop(new ShutdownEvent());
    }
}
