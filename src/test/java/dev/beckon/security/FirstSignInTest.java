package dev.beckon.security;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The first sign-in after start-up leaves Vert.x's event loops free: a password hash (which takes a
 * good part of a second by design) is never computed on one, where every other request would wait
 * for it. Measured as the processor time the event-loop threads spend, which does not depend on how
 * busy the machine is, against the time one hash takes.
 */
@QuarkusTest
@TestProfile(FirstSignInTest.FreshStart.class)
class FirstSignInTest {

    /** A profile of this class's own, so Beckon starts afresh for it and its sign-in is the first request. */
    public static class FreshStart implements QuarkusTestProfile {
    }

    @Test
    void firstSignInDoesNotHashOnTheEventLoop() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long oneHash = cpuOf(threads, () -> Passwords.hash("a password to time"));
        Map<Long, Long> before = eventLoopCpu(threads);

        // The first request of all: it sets up the identity providers, whatever path it asks for.
        given().redirects().follow(false).formParam("j_username", "nobody-of-that-name").formParam("j_password", "wrong")
                .post("/j_security_check").then().statusCode(302);

        long spent = 0;
        for (Map.Entry<Long, Long> thread : eventLoopCpu(threads).entrySet()) {
            spent += thread.getValue() - before.getOrDefault(thread.getKey(), 0L);
        }
        // Less than one hash: the first request of a fresh start costs the event loops some work of
        // its own (well under half a hash here), but no hash was computed there.
        assertThat(spent).as("event-loop processor time (ns) against one hash's %d ns", oneHash).isLessThan(oneHash);
    }

    private static long cpuOf(ThreadMXBean threads, Runnable work) {
        work.run(); // once to load and warm up what it uses
        long start = threads.getCurrentThreadCpuTime();
        work.run();
        return threads.getCurrentThreadCpuTime() - start;
    }

    private static Map<Long, Long> eventLoopCpu(ThreadMXBean threads) {
        Map<Long, Long> cpu = new HashMap<>();
        Arrays.stream(threads.getThreadInfo(threads.getAllThreadIds())).filter(t -> t != null)
                .filter(t -> t.getThreadName().startsWith("vert.x-eventloop-thread-"))
                .map(ThreadInfo::getThreadId)
                .forEach(id -> cpu.put(id, threads.getThreadCpuTime(id)));
        return cpu;
    }
}
