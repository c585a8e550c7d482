package dev.beckon.audit;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.security.identity.SecurityIdentity;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.ContextNotActiveException;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.Map;

/**
 * Appends to the audit trail in the caller's transaction, so an audited change and its entry
 * commit together or not at all. The actor is the signed-in user or API key; the address is the
 * request's, when there is one.
 */
@ApplicationScoped
public class AuditLog {

    @Inject
    SecurityIdentity identity;
    @Inject
    Instance<HttpServerRequest> request;
    @Inject
    ObjectMapper json;
    @Inject
    Clock clock;

    @Transactional(Transactional.TxType.MANDATORY)
    public void record(String action, String target, Map<String, ?> details) {
        recordAs(actor(), remoteAddress(), action, target, details);
    }

    /**
     * For what happens before there is a signed-in identity (a sign-in, a refused one): the caller
     * names the actor and the address.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void recordAs(String actor, String remote, String action, String target, Map<String, ?> details) {
        AuditEntry entry = new AuditEntry();
        entry.at = clock.instant();
        entry.actor = actor;
        entry.action = action;
        entry.target = target;
        entry.details = json.valueToTree(details);
        entry.remote = remote;
        entry.persist();
    }

    public String actor() {
        try {
            return identity.isAnonymous() ? "beckon" : identity.getPrincipal().getName();
        } catch (ContextNotActiveException e) {
            return "beckon"; // start-up: no request, nobody signed in
        }
    }

    private String remoteAddress() {
        try {
            HttpServerRequest current = request.get();
            return current.remoteAddress() == null ? null : current.remoteAddress().hostAddress();
        } catch (RuntimeException e) {
            return null; // not in a request: a scheduled job or start-up
        }
    }
}
