package dev.beckon.console.rules;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.beckon.console.ConsoleProblem;
import dev.beckon.console.ConsoleRoles;
import dev.beckon.platform.ProblemException;
import dev.beckon.rules.scenario.Scenario;
import dev.beckon.rules.scenario.ScenarioService;
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
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;

/** The scenario tests that gate publishing: the list, a form to add one, and deleting. */
@Path("/rules/scenarios")
@Blocking
@Produces(MediaType.TEXT_HTML)
public class ScenariosPage {

    /** A stored scenario as listed, its events and expectations written out as JSON. */
    public record Row(long id, String name, int events, int expectations, boolean exactly, String given, String expect) {
    }

    /** The add form as the user left it. */
    public record Form(String name, String given, String expect, boolean exactly, ConsoleProblem problem) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance scenarios(String user, ConsoleRoles.Can can, List<Row> scenarios, Form form);
    }

    static final String EXAMPLE_GIVEN = """
            [
              {"at": "10:00", "type": "cart.updated", "data": {"total": 150}}
            ]""";
    static final String EXAMPLE_EXPECT = """
            [
              {"kind": "followup", "campaign": "abandoned-cart", "status": "fired", "at": "10:30", "percentOff": 10}
            ]""";

    @Inject
    ScenarioService scenarios;
    @Inject
    ObjectMapper json;
    @Inject
    SecurityIdentity identity;

    @GET
    public TemplateInstance list() {
        return page(new Form("", EXAMPLE_GIVEN, EXAMPLE_EXPECT, true, null));
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response create(@FormParam("name") String name, @FormParam("given") String given,
                           @FormParam("expect") String expect, @FormParam("exactly") String exactly) {
        ConsoleRoles.require(ConsoleRoles.canEditScenarios(identity));
        Form form = new Form(name == null ? "" : name, given == null ? "" : given, expect == null ? "" : expect,
                exactly != null, null);
        try {
            scenarios.create(new Scenario(name == null ? null : name.strip(),
                    parse(given, "given", new TypeReference<List<Scenario.Given>>() { }),
                    parse(expect, "expect", new TypeReference<List<Scenario.Expected>>() { }), exactly != null));
        } catch (ProblemException e) {
            return refused(form, ConsoleProblem.of(e), e.status());
        } catch (Unreadable e) {
            return refused(form, e.problem, 400);
        }
        return Response.seeOther(URI.create("/rules/scenarios")).build();
    }

    @POST
    @Path("/{id}/delete")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response delete(@PathParam("id") long id) {
        ConsoleRoles.require(ConsoleRoles.canEditScenarios(identity));
        try {
            scenarios.delete(id);
        } catch (ProblemException e) {
            if (e.status() != 404) { // already gone: the list shows the same either way
                throw e;
            }
        }
        return Response.seeOther(URI.create("/rules/scenarios")).build();
    }

    private Response refused(Form form, ConsoleProblem problem, int status) {
        Form shown = new Form(form.name(), form.given(), form.expect(), form.exactly(), problem);
        return Response.status(status).entity(page(shown)).build();
    }

    private TemplateInstance page(Form form) {
        List<Row> rows = new ArrayList<>();
        for (ScenarioService.Stored stored : scenarios.list()) {
            Scenario s = stored.scenario();
            rows.add(new Row(stored.id(), s.name(), s.given() == null ? 0 : s.given().size(),
                    s.expect() == null ? 0 : s.expect().size(), s.exactlyOrDefault(), write(s.given()), write(s.expect())));
        }
        return Templates.scenarios(identity.getPrincipal().getName(), ConsoleRoles.of(identity), rows, form);
    }

    private <T> List<T> parse(String text, String field, TypeReference<List<T>> type) {
        if (text == null || text.isBlank()) {
            return field.equals("expect") ? List.of() : null;
        }
        try {
            return json.readValue(text, type);
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr() + ")";
            throw new Unreadable(ConsoleProblem.of("The scenario is not valid JSON", field,
                    "must be a JSON list" + where + ": " + e.getOriginalMessage()));
        }
    }

    private String write(Object value) {
        try {
            return json.copy().setSerializationInclusion(JsonInclude.Include.NON_NULL)
                    .writerWithDefaultPrettyPrinter().writeValueAsString(value);
        } catch (JsonProcessingException e) {
            return String.valueOf(value);
        }
    }

    /** Text in the form that is not the JSON asked for. */
    private static final class Unreadable extends RuntimeException {
        final transient ConsoleProblem problem;

        Unreadable(ConsoleProblem problem) {
            super(problem.title(), null, false, false);
            this.problem = problem;
        }
    }
}
