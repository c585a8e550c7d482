package dev.beckon.delivery;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.net.InetAddress;
import java.net.URI;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Makes the {@link SsrfGuard} from configuration: the hosts the operator allowed, and the ports of
 * Beckon's own database and broker, which no endpoint may name.
 */
@ApplicationScoped
class SsrfGuards {

    static final int POSTGRES = 5432;
    static final int AMQP = 5672;
    static final int AMQPS = 5671;

    @Produces
    @Singleton
    SsrfGuard guard(DeliveryConfig config) {
        Set<Integer> ports = new HashSet<>(Set.of(POSTGRES, AMQP, AMQPS));
        ports.addAll(databasePorts(setting("quarkus.datasource.jdbc.url")));
        brokerPort(setting("beckon.rabbitmq.uri")).ifPresent(ports::add);
        return new SsrfGuard(config.allowedInternalHosts().orElse(List.of()), ports, InetAddress::getAllByName);
    }

    /** The ports in a JDBC URL such as {@code jdbc:postgresql://db1:5433,db2/beckon}. */
    static Set<Integer> databasePorts(String jdbcUrl) {
        Set<Integer> ports = new HashSet<>();
        int start = jdbcUrl.indexOf("//");
        if (start < 0) {
            return ports;
        }
        String rest = jdbcUrl.substring(start + 2);
        int end = rest.indexOf('/');
        for (String host : (end < 0 ? rest : rest.substring(0, end)).split(",")) {
            int colon = host.lastIndexOf(':');
            if (colon > 0 && host.substring(colon + 1).matches("\\d{1,5}")) {
                ports.add(Integer.parseInt(host.substring(colon + 1)));
            }
        }
        return ports;
    }

    static Optional<Integer> brokerPort(String amqpUri) {
        try {
            URI uri = URI.create(amqpUri);
            return uri.getPort() > 0 ? Optional.of(uri.getPort()) : Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static String setting(String key) {
        return ConfigProvider.getConfig().getOptionalValue(key, String.class).orElse("");
    }
}
