package dev.beckon.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class SsrfGuardTest {

    /** Names as a DNS server answers them in these tests; anything else does not resolve. */
    private static final Map<String, String> DNS = Map.of(
            "hooks.example.com", "93.184.216.34",
            "rebound.example.com", "10.1.2.3",
            "metadata.example.com", "169.254.169.254",
            "crm.internal", "10.20.30.40");

    private final SsrfGuard guard = guard(List.of());

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "127.9.9.9", "10.0.0.1", "172.16.0.1", "172.31.255.255", "192.168.1.1",
            "100.64.0.1", "100.127.255.255", "169.254.169.254", "0.0.0.0", "224.0.0.1", "255.255.255.255",
            "::", "::1", "fe80::1", "febf::1", "fc00::1", "fd12:3456::1", "ff02::1",
            "::ffff:127.0.0.1", "::ffff:169.254.169.254", "::ffff:10.0.0.1", "64:ff9b::a00:1", "2002:a00:1::1"})
    void refusesInternalAddresses(String address) throws Exception {
        assertThat(SsrfGuard.isInternal(InetAddress.getByName(address))).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"93.184.216.34", "8.8.8.8", "172.32.0.1", "100.128.0.1", "192.169.0.1", "2606:4700::1111",
            "::ffff:8.8.8.8", "64:ff9b::808:808"})
    void letsPublicAddressesThrough(String address) throws Exception {
        assertThat(SsrfGuard.isInternal(InetAddress.getByName(address))).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://127.0.0.1:8080/hook", "http://localhost/hook", "https://[::1]/hook",
            "http://[::ffff:7f00:1]/hook", "http://169.254.169.254/latest/meta-data/", "http://metadata.example.com/",
            "http://rebound.example.com/hook", "http://2130706433/hook"})
    void refusesAnEndpointThatResolvesInside(String url) {
        assertThat(guard.refusalAtRegistration(URI.create(url))).get().asString().contains("internal address");
    }

    @Test
    void refusesThePortsOfTheDatabaseAndTheBrokerOnAnyHost() {
        assertThat(guard.refusalAtRegistration(URI.create("http://hooks.example.com:5432/"))).get().asString()
                .contains("port 5432");
        assertThat(guard.refusalAtRegistration(URI.create("http://hooks.example.com:5672/"))).isPresent();
    }

    @Test
    void acceptsAPublicEndpointAndANameThatDoesNotResolveYet() {
        assertThat(guard.refusalAtRegistration(URI.create("https://hooks.example.com/beckon"))).isEmpty();
        assertThat(guard.refusalAtRegistration(URI.create("https://not-yet.example.com/beckon"))).isEmpty();
    }

    @Test
    void anOperatorAllowsNamedInternalHostsAlonePerPortOrAsIpv6() {
        SsrfGuard allowing = guard(List.of("crm.internal", "127.0.0.1:8443", "[::1]:9000"));

        assertThat(allowing.refusalAtRegistration(URI.create("http://crm.internal:8080/hook"))).isEmpty();
        assertThat(allowing.refusalAtRegistration(URI.create("https://127.0.0.1:8443/hook"))).isEmpty();
        assertThat(allowing.refusalAtRegistration(URI.create("http://[::1]:9000/hook"))).isEmpty();
        assertThat(allowing.refusalAtRegistration(URI.create("https://127.0.0.1:8444/hook"))).isPresent();
        assertThat(allowing.refusalAtRegistration(URI.create("http://[::1]:9001/hook"))).isPresent();
        // Allowed by the name written in the URL, not by the address: another name for it stays refused.
        assertThat(allowing.refusalAtRegistration(URI.create("https://localhost:8443/hook"))).isPresent();
    }

    @Test
    void checksWhatTheNameResolvesToAtSendTime() {
        Map<String, String> answers = new java.util.HashMap<>(Map.of("flip.example.com", "93.184.216.34"));
        SsrfGuard rebinding = new SsrfGuard(List.of(), Set.of(5432), host -> resolve(answers, host));
        URI url = URI.create("https://flip.example.com/hook");
        assertThat(rebinding.refusalAtRegistration(url)).isEmpty();

        answers.put("flip.example.com", "192.168.0.10");

        assertThat(rebinding.refusalBeforeSending(url)).get().asString()
                .contains("flip.example.com now resolves to the internal address 192.168.0.10");
    }

    @Test
    void readsTheDatabaseAndBrokerPortsFromTheirUrls() {
        assertThat(SsrfGuards.databasePorts("jdbc:postgresql://db1:6432,db2:6433/beckon?ssl=true")).containsOnly(6432, 6433);
        assertThat(SsrfGuards.databasePorts("jdbc:postgresql://db/beckon")).isEmpty();
        assertThat(SsrfGuards.brokerPort("amqps://u:p@mq.example.com:5999/%2f")).contains(5999);
    }

    private static SsrfGuard guard(List<String> allowed) {
        return new SsrfGuard(allowed, Set.of(5432, 5672), host -> resolve(DNS, host));
    }

    private static InetAddress[] resolve(Map<String, String> dns, String host) throws UnknownHostException {
        if (host.equals("localhost")) {
            return new InetAddress[] {InetAddress.getByName("127.0.0.1"), InetAddress.getByName("::1")};
        }
        String address = dns.get(host);
        if (address != null) {
            return new InetAddress[] {InetAddress.getByAddress(host, InetAddress.getByName(address).getAddress())};
        }
        if (Character.isDigit(host.charAt(0)) || host.contains(":")) {
            return InetAddress.getAllByName(host); // a literal: no lookup
        }
        throw new UnknownHostException(host);
    }
}
