package dev.beckon.console;

import dev.beckon.catalog.EventTypeCatalog;
import dev.beckon.platform.FieldError;
import dev.beckon.platform.ProblemException;
import dev.beckon.rules.ActiveRules;
import dev.beckon.rules.RuleSet;
import dev.beckon.rules.guided.GuidedRule;
import dev.beckon.rules.guided.GuidedRuleService;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.common.annotation.Blocking;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The guided rule builder: a marketer builds a rule from choices, sees the DRL it generates
 * (read-only), and saves it as a new draft. Plain forms: every button posts the whole form and
 * the page comes back with the preview, the fields recent events carried, and any errors.
 */
@Path("/rules/guided")
@Blocking
public class GuidedRulePage {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance builder(String user, GuidedRuleForm form, int baseVersion,
                                               List<EventTypeCatalog.EventType> types, List<EventTypeCatalog.Field> declared,
                                               List<EventTypeCatalog.Field> sampled, Map<String, String> errors, String drl);
    }

    @Inject
    GuidedRuleService guided;
    @Inject
    EventTypeCatalog catalog;
    @Inject
    ActiveRules active;
    @Inject
    SecurityIdentity identity;

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance builder(@QueryParam("base") Integer base, @QueryParam("name") String name) {
        ConsoleRoles.require(ConsoleRoles.canBuildGuided(identity));
        int version = base == null ? active.version() : base;
        GuidedRuleForm form = name == null ? GuidedRuleForm.empty() : guided.rulesOf(version).stream()
                .filter(rule -> rule.name().equals(name)).findFirst().map(GuidedRuleForm::of)
                .orElseThrow(() -> ProblemException.notFound("Version " + version + " has no guided rule \"" + name + "\""));
        return page(form, version, Map.of(), name == null ? null : guided.preview(form.toRule()));
    }

    /** Shows the DRL the form generates, or what is missing; stores nothing. */
    @POST
    @Path("/preview")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Response preview(MultivaluedMap<String, String> fields) {
        ConsoleRoles.require(ConsoleRoles.canBuildGuided(identity));
        GuidedRuleForm form = GuidedRuleForm.of(fields);
        int base = baseOf(fields);
        try {
            return Response.ok(page(form, base, Map.of(), guided.preview(form.toRule()))).build();
        } catch (ProblemException e) {
            return Response.status(e.status()).entity(page(form, base, errors(e), null)).build();
        }
    }

    /** Saves the rule as a new draft and opens it; an incomplete rule comes back with its errors. */
    @POST
    @Path("/save")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Response save(MultivaluedMap<String, String> fields) {
        ConsoleRoles.require(ConsoleRoles.canBuildGuided(identity));
        GuidedRuleForm form = GuidedRuleForm.of(fields);
        int base = baseOf(fields);
        try {
            GuidedRule rule = form.toRule();
            RuleSet draft = guided.save(base, rule, identity.getPrincipal().getName());
            return Response.seeOther(URI.create("/rules/versions/" + draft.version)).build();
        } catch (ProblemException e) {
            return Response.status(e.status()).entity(page(form, base, errors(e), null)).build();
        }
    }

    private TemplateInstance page(GuidedRuleForm form, int base, Map<String, String> errors, String drl) {
        List<EventTypeCatalog.Field> fields = form.trigger() == null || form.trigger().isBlank() ? List.of()
                : catalog.fieldsOf(form.trigger());
        Map<Boolean, List<EventTypeCatalog.Field>> fromSchema = fields.stream()
                .collect(Collectors.partitioningBy(field -> EventTypeCatalog.FROM_SCHEMA.equals(field.origin())));
        return Templates.builder(identity.getPrincipal().getName(), form, base, catalog.knownTypes(), fromSchema.get(true),
                fromSchema.get(false), errors, drl);
    }

    private int baseOf(MultivaluedMap<String, String> fields) {
        try {
            return Integer.parseInt(fields.getFirst("base"));
        } catch (NumberFormatException | NullPointerException e) {
            return active.version();
        }
    }

    /** Field errors by field name, for showing each next to its input; a general one under "form". */
    private static Map<String, String> errors(ProblemException e) {
        Map<String, String> errors = new LinkedHashMap<>();
        for (FieldError error : e.errors()) {
            errors.merge(error.field(), error.message(), (a, b) -> a + "; " + b);
        }
        if (errors.isEmpty()) {
            errors.put("form", e.getMessage());
        }
        return errors;
    }
}
