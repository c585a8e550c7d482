package dev.beckon.delivery;

import dev.beckon.audit.AuditLog;
import dev.beckon.platform.ProblemException;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Map;

/**
 * Sends a dead delivery again, from the first retry on, its maximum age counted from now. One
 * service for the API and the console, which each check their own caller's right to do it.
 */
@ApplicationScoped
public class Redelivery {

    @Inject
    DeliveryStore store;
    @Inject
    AgroalDataSource dataSource;
    @Inject
    AuditLog audit;
    @Inject
    Clock clock;

    @Transactional
    public DeliveryStore.DeliveryView redeliver(long id) throws SQLException {
        DeliveryStore.DeliveryView view = find(id);
        boolean requeued;
        try (Connection connection = dataSource.getConnection()) {
            requeued = store.redeliver(connection, id, clock.instant());
        }
        if (!requeued) {
            throw ProblemException.conflict("Delivery " + id + " is " + view.status() + ": only a dead delivery is redelivered");
        }
        audit.record("delivery.redelivered", "delivery:" + id,
                Map.of("decision", view.decisionId().toString(), "channel", view.channel()));
        return find(id);
    }

    public DeliveryStore.DeliveryView find(long id) throws SQLException {
        DeliveryStore.DeliveryView view = store.byId(id);
        if (view == null) {
            throw ProblemException.notFound("No delivery " + id);
        }
        return view;
    }
}
