package io.ganeticonfd.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How file changes are followed ({@code confd.reload.*}). */
@ConfigMapping(prefix = "confd.reload")
public interface ReloadSettings {

    /** Minimum time between two reloads of a file (bursts coalesce; the last change is always loaded); default 1 s. */
    @WithDefault("1S")
    Duration minInterval();

    /** How often size, mtime, change time and inode are checked besides file-system events; default 500 ms. */
    @WithDefault("500MS")
    Duration pollInterval();

    /**
     * Whether to follow file-system events (inotify) besides the periodic check; default true.
     * False leaves only the check every {@link #pollInterval()}: for file systems whose events are
     * missing or unreliable (NFS, some FUSE mounts) or a host short of inotify instances.
     */
    @WithDefault("true")
    boolean fileEvents();

    /**
     * How long a file changed in place must stay quiet before what was read of it is served (so writes
     * in progress complete; it may be read ahead meanwhile); default 100 ms. A file renamed over the
     * path (a new inode, complete when it appears) is served as soon as it has been read.
     */
    @WithDefault("100MS")
    Duration settle();
}
