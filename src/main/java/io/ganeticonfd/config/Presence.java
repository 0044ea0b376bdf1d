package io.ganeticonfd.config;

/** Whether a member of a Ganeti object must be there, and what is served when it is absent or null. */
enum Presence {
    /** Ganeti refuses a file without it; when absent or null nothing is served. */
    REQUIRED,
    /** May be absent; absent or null, nothing is served. */
    OPTIONAL,
    /** Absent or null, the member's default is served. */
    DEFAULTED,
    /** Absent, null or empty, nothing is served (Ganeti does not write an empty value). */
    OMITTED_WHEN_EMPTY
}
