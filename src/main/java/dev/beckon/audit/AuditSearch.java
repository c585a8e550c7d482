package dev.beckon.audit;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the audit trail newest first, a page at a time, narrowed by the beginning of the actor, the
 * action and the target: {@code login} finds every sign-in and failed one, {@code ruleset:} every
 * rule set version, {@code key:} every API key's doing.
 */
@ApplicationScoped
public class AuditSearch {

    public static final int PAGE_SIZE = 50;

    /** What to look for; a blank part matches everything. */
    public record Filter(String actor, String action, String target) {
    }

    /** One page of entries; {@code more} says whether older ones follow. */
    public record Result(List<AuditEntry> entries, int page, boolean more) {
    }

    public Result search(Filter filter, int page) {
        int index = Math.max(0, page);
        List<String> where = new ArrayList<>();
        Parameters parameters = new Parameters();
        narrow(where, parameters, "actor", filter.actor());
        narrow(where, parameters, "action", filter.action());
        narrow(where, parameters, "target", filter.target());
        String query = where.isEmpty() ? "1 = 1" : String.join(" and ", where);
        List<AuditEntry> found = QuarkusTransaction.requiringNew().call(() -> AuditEntry.<AuditEntry>find(query,
                Sort.descending("at", "id"), parameters).page(Page.of(index, PAGE_SIZE + 1)).list());
        boolean more = found.size() > PAGE_SIZE;
        return new Result(more ? found.subList(0, PAGE_SIZE) : found, index, more);
    }

    private static void narrow(List<String> where, Parameters parameters, String column, String prefix) {
        if (prefix == null || prefix.isBlank()) {
            return;
        }
        where.add(column + " like :" + column + " escape '!'");
        String literal = prefix.strip().replace("!", "!!").replace("%", "!%").replace("_", "!_");
        parameters.and(column, literal + "%");
    }
}
