package dev.beckon.campaign;

import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.jboss.logging.Logger;

/**
 * Keeps an eye on the pools that campaigns take their offer codes from (settings
 * {@code offerCodes.source = pool}, not ended): the gauge {@code beckon_offer_codes_available{campaign}}
 * for alerting, and one warning in the log when a running campaign's pool runs empty, again only
 * after it was refilled and ran empty once more. Counted on a schedule rather than on each claim,
 * so planning pays nothing for it; each replica warns for itself.
 */
@ApplicationScoped
public class OfferCodeWatch {

    private static final Logger LOG = Logger.getLogger(OfferCodeWatch.class);
    static final String GAUGE = "beckon.offer.codes.available";

    private static final String POOLS_IN_USE = """
            SELECT c.name, c.status, count(o.id)
            FROM campaigns c LEFT JOIN offer_codes o ON o.campaign = c.name AND o.decision_id IS NULL
            WHERE c.status <> 'ended' AND c.settings::jsonb -> 'offerCodes' ->> 'source' = 'pool'
            GROUP BY c.name, c.status
            """;

    @Inject
    AgroalDataSource dataSource;
    @Inject
    MeterRegistry registry;

    private final Map<String, AtomicLong> available = new HashMap<>();
    private final Map<String, Gauge> gauges = new HashMap<>();
    private final Set<String> warnedEmpty = new HashSet<>();

    @Scheduled(every = "${beckon.offer-codes.check-interval:30s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        try {
            check();
        } catch (RuntimeException e) {
            LOG.warnf("Offer code pools not checked: %s", e.getMessage());
        }
    }

    /** Counts the pools in use, sets their gauges, and warns about each running one newly found empty; returns those. */
    public synchronized List<String> check() {
        Map<String, Long> counts = new HashMap<>();
        Set<String> running = new HashSet<>();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement(POOLS_IN_USE);
             ResultSet row = query.executeQuery()) {
            while (row.next()) {
                counts.put(row.getString(1), row.getLong(3));
                if ("running".equals(row.getString(2))) {
                    running.add(row.getString(1));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not count offer codes", e);
        }
        forgetPoolsNoLongerInUse(counts.keySet());
        List<String> newlyEmpty = new ArrayList<>();
        counts.forEach((campaign, free) -> {
            available.computeIfAbsent(campaign, this::gauge).set(free);
            if (free > 0 || !running.contains(campaign)) {
                warnedEmpty.remove(campaign);
            } else if (warnedEmpty.add(campaign)) {
                newlyEmpty.add(campaign);
                LOG.warnf("The offer code pool of campaign %s is empty: new offers cannot take a code until codes are added "
                        + "(console, or POST /api/campaigns/%s/codes/generate or /import)", campaign, campaign);
            }
        });
        return newlyEmpty;
    }

    private AtomicLong gauge(String campaign) {
        AtomicLong value = new AtomicLong();
        gauges.put(campaign, Gauge.builder(GAUGE, value, AtomicLong::get)
                .description("Offer codes left in the pool of a campaign that takes its codes from a pool")
                .tag("campaign", campaign).register(registry));
        return value;
    }

    private void forgetPoolsNoLongerInUse(Set<String> inUse) {
        for (String campaign : new ArrayList<>(gauges.keySet())) {
            if (!inUse.contains(campaign)) {
                registry.remove(gauges.remove(campaign));
                available.remove(campaign);
                warnedEmpty.remove(campaign);
            }
        }
    }
}
