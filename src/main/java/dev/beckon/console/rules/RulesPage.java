package dev.beckon.console.rules;

import dev.beckon.console.ConsoleRoles;
import dev.beckon.rules.ActiveRules;
import dev.beckon.rules.RuleFirings;
import dev.beckon.rules.RuleOverview;
import dev.beckon.rules.RuleSet;
import dev.beckon.rules.RuleSetService;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.common.annotation.Blocking;
import jakarta.inject.Inject;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The rules area's home: the live rules with their statistics, every version, and one rule's firings over time. */
@Path("/rules")
@Blocking
@Produces(MediaType.TEXT_HTML)
public class RulesPage {

    static final int STATS_DAYS = 7;

    /** One hour of the firings chart; {@code percent} is the bar's height against the busiest hour. */
    public record Bar(Instant hour, long firings, long decisions, int percent) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance rules(String user, ConsoleRoles.Can can, int live,
                                             List<RuleOverview.RuleView> rules, List<RuleSet> versions);

        static native TemplateInstance stats(String user, String rule, int days, List<Bar> bars, long total,
                                             List<Bar> busyHours);
    }

    @Inject
    RuleSetService ruleSets;
    @Inject
    RuleOverview overview;
    @Inject
    ActiveRules active;
    @Inject
    RuleFirings firings;
    @Inject
    SecurityIdentity identity;
    @Inject
    Clock clock;

    @GET
    public TemplateInstance rules() {
        int live = active.version();
        List<RuleOverview.RuleView> rules = live == 0 ? List.of() : overview.rulesOf(live);
        return Templates.rules(user(), ConsoleRoles.of(identity), live, rules, ruleSets.list());
    }

    /** A rule's firings hour by hour over the last week; the name is a query parameter, as names may hold any character. */
    @GET
    @Path("/stats")
    public TemplateInstance stats(@QueryParam("rule") String rule) {
        if (rule == null || rule.isBlank()) {
            throw new BadRequestException("Say which rule: /rules/stats?rule=NAME");
        }
        Instant now = clock.instant();
        Map<Instant, RuleFirings.Hour> byHour = new HashMap<>();
        firings.series(rule, STATS_DAYS, now).forEach(h -> byHour.put(h.hour(), h));
        long busiest = byHour.values().stream().mapToLong(RuleFirings.Hour::firings).max().orElse(0);
        Instant last = now.truncatedTo(ChronoUnit.HOURS);
        List<Bar> bars = new ArrayList<>();
        for (Instant hour = last.minus(Duration.ofHours(STATS_DAYS * 24L - 1)); !hour.isAfter(last); hour = hour.plus(Duration.ofHours(1))) {
            RuleFirings.Hour h = byHour.get(hour);
            long fired = h == null ? 0 : h.firings();
            bars.add(new Bar(hour, fired, h == null ? 0 : h.decisions(),
                    busiest == 0 ? 0 : (int) Math.max(fired > 0 ? 2 : 0, Math.round(100.0 * fired / busiest))));
        }
        List<Bar> busyHours = new ArrayList<>(bars.stream().filter(b -> b.firings() > 0).toList());
        Collections.reverse(busyHours);
        long total = busyHours.stream().mapToLong(Bar::firings).sum();
        return Templates.stats(user(), rule, STATS_DAYS, bars, total, busyHours);
    }

    private String user() {
        return identity.getPrincipal().getName();
    }
}
