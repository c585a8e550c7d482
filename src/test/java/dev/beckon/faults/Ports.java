package dev.beckon.faults;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Free TCP ports for the suite's own servers. Ports for the RabbitMQ node are taken below the
 * kernel's ephemeral range (32768 and up): a listener there can find its port taken by one of the
 * node's own outgoing connections when it starts again, and {@code start_app} then fails with
 * eaddrinuse, which is what happened on this machine.
 */
final class Ports {

    private Ports() {
    }

    /** A port between 20000 and 32000 that nothing listens on right now. */
    static int belowEphemeralRange() throws IOException {
        for (int attempt = 0; attempt < 200; attempt++) {
            int port = ThreadLocalRandom.current().nextInt(20_000, 32_000);
            if (isFree(port) && isFree(port + 1)) {
                return port;
            }
        }
        throw new IOException("no free port pair between 20000 and 32000");
    }

    private static boolean isFree(int port) {
        try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            socket.setReuseAddress(true);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
