package io.ganeticonfd.client;

/**
 * How many replies a request waits for, by the number of peers asked (Ganeti's rule): all of
 * them below three, all but one below five, otherwise a majority (half plus one).
 */
final class ExpectedReplies {

    private ExpectedReplies() {}

    static int forPeers(int asked) {
        if (asked < 3) {
            return asked;
        }
        if (asked < 5) {
            return asked - 1;
        }
        return asked / 2 + 1;
    }
}
