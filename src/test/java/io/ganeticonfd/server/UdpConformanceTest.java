package io.ganeticonfd.server;

import io.quarkus.test.junit.QuarkusTest;

/** Replays the testsuite-2.16 vectors (Ganeti's own testsuite cluster) over UDP. */
@QuarkusTest
class UdpConformanceTest extends UdpReplay {

    @Override
    String directory() {
        return "testsuite-2.16";
    }
}
