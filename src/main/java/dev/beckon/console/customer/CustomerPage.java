package dev.beckon.console.customer;

import dev.beckon.console.ConsoleRoles;
import dev.beckon.consent.ContactPoints;
import dev.beckon.event.StoredEvent;
import dev.beckon.policy.DecisionExplanations;
import dev.beckon.profile.CustomerProfile;
import io.agroal.api.AgroalDataSource;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.common.annotation.Blocking;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * One customer as Beckon sees them: the profile, the latest events, and why they got, or did not
 * get, each offer and message: the rule that decided, and the verdict with its reason (a cap,
 * quiet hours, the control group, consent, a budget, a paused campaign). Every role reads it.
 */
@Path("/customers")
@Blocking
public class CustomerPage {

    static final int DECISIONS = 100;
    static final int EVENTS = 30;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance customer(String user, String id, CustomerProfile profile,
                                                String timeZone, DecisionExplanations.Why why,
                                                List<StoredEvent> events);
    }

    @Inject
    DecisionExplanations explanations;
    @Inject
    ContactPoints contactPoints;
    @Inject
    AgroalDataSource dataSource;
    @Inject
    SecurityIdentity identity;

    @GET
    @Produces(MediaType.TEXT_HTML)
    @Transactional
    public TemplateInstance page(@QueryParam("id") String id) throws SQLException {
        ConsoleRoles.require(ConsoleRoles.canRead(identity));
        String user = identity.getPrincipal().getName();
        if (id == null || id.isBlank()) {
            return Templates.customer(user, "", null, null, null, List.of());
        }
        String customer = id.trim();
        List<StoredEvent> events = StoredEvent.<StoredEvent>find("customerId", Sort.descending("receivedAt", "id"), customer)
                .page(Page.ofSize(EVENTS)).list();
        String timeZone;
        try (Connection connection = dataSource.getConnection()) {
            timeZone = contactPoints.timeZones(connection, List.of(customer)).get(customer);
        }
        return Templates.customer(user, customer, CustomerProfile.findById(customer), timeZone,
                explanations.explain(customer, DECISIONS), events);
    }
}
