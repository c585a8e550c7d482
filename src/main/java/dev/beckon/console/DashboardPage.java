package dev.beckon.console;

import dev.beckon.broker.Broker;
import dev.beckon.decision.Decision;
import dev.beckon.ingest.rabbit.RabbitIngest;
import dev.beckon.rules.ActiveRules;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/** The first page after sign-in: what Beckon has taken in and decided, and the latest decisions. */
@Path("/")
public class DashboardPage {

    /** The counts shown on the dashboard. */
    public record Stats(long events, long offers, long followUps, long pendingFollowUps, long escalations,
                        long openEscalations, long openDeadLetters, int ruleSetVersion, String broker) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance dashboard(String user, Stats stats, List<Decision> latest, boolean canLoadDemo,
                                                 int demoCustomers, Long demoLoaded);
    }

    @Inject
    EntityManager entityManager;
    @Inject
    ActiveRules rules;
    @Inject
    Broker broker;
    @Inject
    RabbitIngest rabbitIngest;
    @Inject
    SecurityIdentity identity;
    @Inject
    dev.beckon.demo.DemoLoader demo;

    @GET
    @Produces(MediaType.TEXT_HTML)
    @Transactional
    public TemplateInstance dashboard(@jakarta.ws.rs.QueryParam("demo") Long demoLoaded) {
        Object[] counts = (Object[]) entityManager.createNativeQuery("""
                SELECT (SELECT count(*) FROM events),
                       (SELECT count(*) FROM decisions WHERE kind = 'offer'),
                       (SELECT count(*) FROM decisions WHERE kind = 'followup'),
                       (SELECT count(*) FROM follow_ups WHERE status = 'pending'),
                       (SELECT count(*) FROM decisions WHERE kind = 'escalation'),
                       (SELECT count(*) FROM escalations WHERE status <> 'resolved'),
                       (SELECT count(*) FROM dead_letters WHERE status = 'open')
                """).getSingleResult();
        Stats stats = new Stats(n(counts[0]), n(counts[1]), n(counts[2]), n(counts[3]), n(counts[4]), n(counts[5]),
                n(counts[6]), rules.version(), brokerState());
        List<Decision> latest = Decision.find("order by decidedAt desc, id").page(0, 20).list();
        return Templates.dashboard(identity.getPrincipal().getName(), stats, latest,
                ConsoleRoles.canManageAccess(identity), demo.defaultCustomers(), demoLoaded);
    }

    private String brokerState() {
        if (!broker.isConfigured()) {
            return "not configured (HTTP ingestion only)";
        }
        return rabbitIngest.isConsuming() ? "consuming" : broker.isConnected() ? "connected" : "disconnected";
    }

    private static long n(Object value) {
        return ((Number) value).longValue();
    }
}
