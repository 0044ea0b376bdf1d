package io.ganeticonfd.loadgen;

import java.io.IOException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Drives one {@link BenchSocket} from {@code start} to {@code deadline}. Closed loop: one thread
 * keeps {@code window} requests in flight, refilling as replies arrive or requests time out. Open
 * loop: the calling thread sends on a fixed schedule ({@code perSecond}, the in-flight count capped
 * at {@code window}) while a second thread reads replies, so a reply is timed when it arrives.
 */
final class BenchWorker {

    /** When and how long to run, as {@code System.nanoTime()} values. */
    record Plan(long start, long countedFrom, long deadline, long timeoutNanos) {

        long scanNanos() {
            return Math.max(
                    TimeUnit.MILLISECONDS.toNanos(1), Math.min(timeoutNanos / 20, TimeUnit.MILLISECONDS.toNanos(50)));
        }
    }

    private static final long CAP_STALL_NANOS = 50_000;

    private final BenchSocket socket;
    private final InFlightTable table;
    private final SocketStats stats;
    private final Plan plan;
    private final int window;
    private final double perSecond;

    BenchWorker(BenchSocket socket, InFlightTable table, SocketStats stats, Plan plan, int window, double perSecond) {
        this.socket = socket;
        this.table = table;
        this.stats = stats;
        this.plan = plan;
        this.window = window;
        this.perSecond = perSecond;
    }

    /** Runs until the deadline; then counts what is still in flight. */
    void run() throws IOException, InterruptedException {
        sleepUntil(plan.start());
        if (perSecond > 0) {
            runOpen();
        } else {
            receiveLoop(true);
        }
        socket.finish();
    }

    private void runOpen() throws IOException, InterruptedException {
        IOException[] failure = new IOException[1];
        Thread receiver = new Thread(
                () -> {
                    try {
                        receiveLoop(false);
                    } catch (IOException e) {
                        failure[0] = e;
                    }
                },
                Thread.currentThread().getName() + "-rx");
        receiver.setDaemon(true);
        receiver.start();
        double nanosPerRequest = 1e9 / perSecond;
        long issued = 0;
        while (true) {
            long now = System.nanoTime();
            if (now - plan.deadline() >= 0) {
                break;
            }
            long due = (long) ((now - plan.start()) / nanosPerRequest) + 1;
            boolean stalled = false;
            while (issued < due && table.size() < window) {
                long scheduled = plan.start() + (long) (issued * nanosPerRequest);
                long sent = System.nanoTime();
                if (!socket.send(scheduled)) {
                    stalled = true;
                    break;
                }
                if (scheduled - plan.countedFrom() >= 0) {
                    SocketStats.record(stats.lag, sent - scheduled);
                }
                issued++;
            }
            long next = plan.start() + (long) (issued * nanosPerRequest);
            long wait = next - System.nanoTime();
            if (stalled || table.size() >= window) {
                wait = Math.max(wait, CAP_STALL_NANOS);
            }
            if (wait > 0) {
                LockSupport.parkNanos(Math.min(wait, plan.deadline() - now));
            }
        }
        receiver.join();
        if (failure[0] != null) {
            throw failure[0];
        }
    }

    /** Reads replies until the deadline, expiring timed-out requests; with {@code refill}, keeps the window full. */
    private void receiveLoop(boolean refill) throws IOException {
        long scan = plan.scanNanos();
        long lastScan = System.nanoTime();
        while (true) {
            long now = System.nanoTime();
            if (now - plan.deadline() >= 0) {
                return;
            }
            if (refill) {
                while (table.size() < window && socket.send(System.nanoTime())) {
                    // window refilled one request at a time
                }
            }
            int got = socket.receive(plan.deadline());
            if (now - lastScan >= scan) {
                socket.expire(now, plan.timeoutNanos());
                lastScan = now;
            }
            if (got == 0) {
                long untilDeadline = TimeUnit.NANOSECONDS.toMillis(plan.deadline() - now);
                socket.await(Math.min(TimeUnit.NANOSECONDS.toMillis(scan), untilDeadline));
            }
        }
    }

    static void sleepUntil(long nanoTime) throws InterruptedException {
        long d;
        while ((d = nanoTime - System.nanoTime()) > 0) {
            TimeUnit.NANOSECONDS.sleep(d);
        }
    }
}
