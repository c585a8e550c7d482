package dev.beckon.delivery;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Keeps Beckon's webhooks off the inside of its own network. An endpoint URL is refused when its
 * host resolves to an internal address (loopback, RFC 1918, CGNAT, link-local with the cloud
 * metadata address, unique-local, unspecified, multicast, reserved, and the IPv6 forms that embed
 * one of those) or when it names the port of Beckon's own database or broker, unless the operator
 * named that host (or host:port) in {@code beckon.delivery.allowed-internal-hosts}.
 * <p>
 * The check runs when an endpoint is registered and again before every attempt, on what the name
 * resolves to then: a name that was public at registration and points inside later (DNS
 * rebinding) is refused at send time. Redirects are never followed, so there is no second hop to check.
 */
public final class SsrfGuard {

    /** How a host name becomes addresses; the JVM's resolver in production. */
    @FunctionalInterface
    public interface Resolver {
        InetAddress[] resolve(String host) throws UnknownHostException;
    }

    private final Set<String> allowedHosts = new HashSet<>();
    private final Set<String> allowedHostPorts = new HashSet<>();
    private final Set<Integer> refusedPorts;
    private final Resolver resolver;

    /**
     * @param allowed      host names or addresses, optionally with {@code :port} ({@code [v6]:port}), that may be internal
     * @param refusedPorts ports no endpoint may name unless allowed (Beckon's database and broker)
     */
    public SsrfGuard(Collection<String> allowed, Set<Integer> refusedPorts, Resolver resolver) {
        for (String entry : allowed) {
            addAllowed(entry.strip().toLowerCase(Locale.ROOT));
        }
        this.refusedPorts = Set.copyOf(refusedPorts);
        this.resolver = resolver;
    }

    /**
     * Why the endpoint may not be registered, if it may not. A name that does not resolve yet is
     * accepted: it is checked again before every attempt.
     */
    public Optional<String> refusalAtRegistration(URI url) {
        return refusal(url, false);
    }

    /**
     * Why the attempt may not be made, if it may not. A name that does not resolve is no refusal:
     * the attempt then fails as any unreachable endpoint does, and is tried again.
     */
    public Optional<String> refusalBeforeSending(URI url) {
        return refusal(url, true);
    }

    private Optional<String> refusal(URI url, boolean sending) {
        String host = hostOf(url);
        int port = portOf(url);
        if (allowedHosts.contains(host) || allowedHostPorts.contains(host + ":" + port)) {
            return Optional.empty();
        }
        String advice = "; an operator can allow it in beckon.delivery.allowed-internal-hosts";
        if (refusedPorts.contains(port)) {
            return Optional.of("port " + port + " is the port of Beckon's database or broker" + advice);
        }
        InetAddress[] addresses;
        try {
            addresses = resolver.resolve(host);
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
        return Arrays.stream(addresses).filter(SsrfGuard::isInternal).findFirst()
                .map(internal -> host + (sending ? " now resolves to " : " resolves to ") + "the internal address "
                        + internal.getHostAddress() + advice);
    }

    /** Whether the address is one a webhook must not reach: anything not on the public internet. */
    public static boolean isInternal(InetAddress address) {
        byte[] b = address.getAddress();
        if (address instanceof Inet4Address) {
            return isInternalV4(b, 0);
        }
        int first = b[0] & 0xff;
        int second = b[1] & 0xff;
        if (allZero(b, 0, 10) && (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff) {
            return isInternalV4(b, 12); // ::ffff:a.b.c.d, IPv4-mapped
        }
        if (allZero(b, 0, 12)) {
            return true; // ::, ::1 and the deprecated IPv4-compatible ::a.b.c.d
        }
        if (first == 0x00 && second == 0x64 && (b[2] & 0xff) == 0xff && (b[3] & 0xff) == 0x9b && allZero(b, 4, 12)) {
            return isInternalV4(b, 12); // 64:ff9b::a.b.c.d, NAT64
        }
        if (first == 0x20 && second == 0x02) {
            return isInternalV4(b, 2); // 2002:aabb:ccdd::, 6to4
        }
        return (first & 0xfe) == 0xfc // fc00::/7 unique-local
                || (first == 0xfe && (second & 0xc0) == 0x80) // fe80::/10 link-local
                || (first == 0xfe && (second & 0xc0) == 0xc0) // fec0::/10 site-local (deprecated)
                || first == 0xff; // multicast
    }

    private static boolean isInternalV4(byte[] b, int at) {
        int a = b[at] & 0xff;
        int c = b[at + 1] & 0xff;
        return a == 0 // 0.0.0.0/8, "this network"
                || a == 10
                || a == 127
                || (a == 100 && (c & 0xc0) == 64) // 100.64.0.0/10, carrier-grade NAT
                || (a == 169 && c == 254) // link-local, with the cloud metadata address 169.254.169.254
                || (a == 172 && (c & 0xf0) == 16)
                || (a == 192 && c == 168)
                || (a == 192 && c == 0 && (b[at + 2] & 0xff) == 0) // 192.0.0.0/24, protocol assignments
                || (a == 198 && (c & 0xfe) == 18) // 198.18.0.0/15, benchmarking
                || a >= 224; // multicast, reserved and broadcast
    }

    private static boolean allZero(byte[] b, int from, int to) {
        for (int i = from; i < to; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        return true;
    }

    private void addAllowed(String entry) {
        if (entry.isEmpty()) {
            return;
        }
        String host = entry;
        String port = null;
        if (entry.startsWith("[")) {
            int end = entry.indexOf(']');
            host = entry.substring(1, end);
            port = entry.length() > end + 2 && entry.charAt(end + 1) == ':' ? entry.substring(end + 2) : null;
        } else if (entry.indexOf(':') > 0 && entry.indexOf(':') == entry.lastIndexOf(':')) {
            host = entry.substring(0, entry.indexOf(':'));
            port = entry.substring(entry.indexOf(':') + 1);
        }
        if (port == null) {
            allowedHosts.add(host);
        } else {
            allowedHostPorts.add(host + ":" + Integer.parseInt(port));
        }
    }

    private static String hostOf(URI url) {
        String host = url.getHost().toLowerCase(Locale.ROOT);
        return host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
    }

    static int portOf(URI url) {
        return url.getPort() != -1 ? url.getPort() : "https".equals(url.getScheme()) ? 443 : 80;
    }
}
