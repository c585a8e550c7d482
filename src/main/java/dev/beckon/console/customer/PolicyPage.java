package dev.beckon.console.customer;

import dev.beckon.campaign.FrequencyCap;
import dev.beckon.console.ConsoleProblem;
import dev.beckon.console.ConsoleRoles;
import dev.beckon.platform.ProblemException;
import dev.beckon.policy.MessagingPolicies;
import dev.beckon.policy.MessagingPolicy;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.common.annotation.Blocking;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;

/**
 * The messaging policy every campaign obeys: frequency caps across campaigns, quiet hours in the
 * customer's time zone, and the time zone assumed when a customer's events never named one.
 * Everyone reads it; campaign owners and admins change it.
 */
@Path("/policy")
@Blocking
public class PolicyPage {

    /** Rows the form offers for caps: the ones set, plus blank ones to add. */
    static final int CAP_ROWS = 4;

    /** A cap row as the form shows it; blank fields for a row not in use. */
    public record CapRow(String max, String per, String channel, String kind) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance policy(String user, boolean canEdit, List<CapRow> caps, String quietStart,
                                              String quietEnd, String defaultTimeZone, boolean saved,
                                              ConsoleProblem problem);
    }

    @Inject
    MessagingPolicies policies;
    @Inject
    SecurityIdentity identity;

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance page(@QueryParam("saved") boolean saved) {
        ConsoleRoles.require(ConsoleRoles.canRead(identity));
        MessagingPolicy policy = policies.current();
        List<CapRow> rows = new ArrayList<>();
        for (FrequencyCap cap : policy.caps()) {
            rows.add(new CapRow(String.valueOf(cap.max()), cap.per(), blank(cap.channel()), blank(cap.kind())));
        }
        return Templates.policy(user(), canEdit(), padded(rows),
                policy.quietStart == null ? "" : policy.quietStart.toString(),
                policy.quietEnd == null ? "" : policy.quietEnd.toString(), policy.defaultTimeZone, saved, null);
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Response save(@FormParam("max") List<String> max, @FormParam("per") List<String> per,
                         @FormParam("channel") List<String> channel, @FormParam("kind") List<String> kind,
                         @FormParam("quietStart") String quietStart, @FormParam("quietEnd") String quietEnd,
                         @FormParam("defaultTimeZone") String defaultTimeZone) {
        ConsoleRoles.require(canEdit());
        List<CapRow> rows = new ArrayList<>();
        List<FrequencyCap> caps = new ArrayList<>();
        for (int i = 0; i < max.size(); i++) {
            CapRow row = new CapRow(max.get(i), at(per, i), at(channel, i), at(kind, i));
            if (row.max().isBlank() && row.per().isBlank()) {
                continue;
            }
            rows.add(row);
            caps.add(new FrequencyCap(wholeNumber(row.max()), row.per().isBlank() ? null : row.per().trim(),
                    row.channel().isBlank() ? null : row.channel().trim(), row.kind().isBlank() ? null : row.kind()));
        }
        try {
            policies.update(new MessagingPolicies.Draft(caps, quietStart, quietEnd,
                    defaultTimeZone == null || defaultTimeZone.isBlank() ? null : defaultTimeZone.trim()));
            return Response.seeOther(URI.create("/policy?saved=true")).build();
        } catch (ProblemException e) {
            return Response.status(e.status()).entity(Templates.policy(user(), true, padded(rows), blank(quietStart),
                    blank(quietEnd), blank(defaultTimeZone), false, ConsoleProblem.of(e))).build();
        }
    }

    private boolean canEdit() {
        return ConsoleRoles.canSetMessagingPolicy(identity);
    }

    private String user() {
        return identity.getPrincipal().getName();
    }

    private static List<CapRow> padded(List<CapRow> rows) {
        List<CapRow> padded = new ArrayList<>(rows);
        while (padded.size() < Math.max(CAP_ROWS, rows.size() + 1)) {
            padded.add(new CapRow("", "", "", ""));
        }
        return padded;
    }

    /** A whole number as typed, or 0 (refused by validation, with the field named) when it is not one. */
    private static Integer wholeNumber(String text) {
        try {
            return text.isBlank() ? null : Integer.valueOf(text.trim());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static String at(List<String> values, int index) {
        return values != null && index < values.size() && values.get(index) != null ? values.get(index) : "";
    }

    private static String blank(String value) {
        return value == null ? "" : value;
    }
}
