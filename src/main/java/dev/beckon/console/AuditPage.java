package dev.beckon.console;

import dev.beckon.audit.AuditSearch;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.common.annotation.Blocking;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/** The audit log, for admins: who did what to which target, when and from where, newest first, filtered and paged. */
@Path("/audit")
@Blocking
@Produces(MediaType.TEXT_HTML)
public class AuditPage {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance audit(String user, AuditSearch.Filter filter, AuditSearch.Result result);
    }

    @Inject
    AuditSearch search;
    @Inject
    SecurityIdentity identity;

    @GET
    public TemplateInstance audit(@QueryParam("actor") String actor, @QueryParam("action") String action,
                                  @QueryParam("target") String target, @QueryParam("page") @DefaultValue("0") int page) {
        ConsoleRoles.require(ConsoleRoles.canReadAudit(identity));
        AuditSearch.Filter filter = new AuditSearch.Filter(blankAsEmpty(actor), blankAsEmpty(action), blankAsEmpty(target));
        return Templates.audit(identity.getPrincipal().getName(), filter, search.search(filter, page));
    }

    private static String blankAsEmpty(String value) {
        return value == null ? "" : value.strip();
    }
}
