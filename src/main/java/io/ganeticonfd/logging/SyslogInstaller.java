package io.ganeticonfd.logging;

import java.time.ZoneId;
import java.util.logging.Logger;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

/**
 * With {@code confd.log.syslog}, adds the syslog handler to the root logger before any other start-up
 * observer runs (so their lines reach syslog), and removes and closes it after every shutdown observer.
 */
@ApplicationScoped
class SyslogInstaller {

    /** The tag of every record, as Ganeti's daemon logs. */
    static final String TAG = "ganeti-confd";

    private final SyslogSettings settings;
    private volatile SyslogHandler handler;

    @Inject
    SyslogInstaller(SyslogSettings settings) {
        this.settings = settings;
    }

    void onStart(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE) StartupEvent event) {
        if (!settings.syslog()) {
            return;
        }
        handler = SyslogHandler.open(
                new SyslogFormatter(TAG, ProcessHandle.current().pid(), ZoneId.systemDefault()),
                settings.syslogSocket());
        if (handler.problem() != null) {
            // checked before start-up (daemon.ConfdMain); this is the rare socket that went away since
            System.err.println("ganeti-confd: warning: no syslog socket at " + settings.syslogSocket() + " ("
                    + handler.problem() + "); log records are dropped until it takes them");
        }
        Logger.getLogger("").addHandler(handler);
    }

    void onStop(@Observes @Priority(Interceptor.Priority.PLATFORM_AFTER) ShutdownEvent event) {
        if (handler != null) {
            Logger.getLogger("").removeHandler(handler);
            handler.close();
            handler = null;
        }
    }
}
