package dev.beckon.audit;

import dev.beckon.security.ApiScopes;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/** The audit trail, newest first. */
@RolesAllowed(ApiScopes.ADMIN)
@Path("/api/audit")
@Produces(MediaType.APPLICATION_JSON)
public class AuditResource {

    @GET
    @Transactional
    public List<AuditEntry> list(@QueryParam("limit") @DefaultValue("100") int limit) {
        return AuditEntry.<AuditEntry>findAll(Sort.descending("at", "id"))
                .page(Page.ofSize(Math.max(1, Math.min(limit, 500)))).list();
    }
}
