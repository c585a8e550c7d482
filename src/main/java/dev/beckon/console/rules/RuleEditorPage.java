package dev.beckon.console.rules;

import dev.beckon.console.ConsoleProblem;
import dev.beckon.console.ConsoleRoles;
import dev.beckon.platform.FieldError;
import dev.beckon.platform.ProblemException;
import dev.beckon.rules.ActiveRules;
import dev.beckon.rules.CompileError;
import dev.beckon.rules.RuleSet;
import dev.beckon.rules.RuleSetService;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.common.annotation.Blocking;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;

/**
 * The rule text editor: start from a version's text, check it (every error with its line), and
 * save it as a new draft. Raw rule text runs inside Beckon, so only those allowed to write DRL
 * may open it.
 */
@Path("/rules/editor")
@Blocking
@Produces(MediaType.TEXT_HTML)
public class RuleEditorPage {

    /** What the check found: nothing yet ({@code checked} false), every compile error, or a refusal. */
    public record Check(boolean checked, List<CompileError> errors, ConsoleProblem problem) {
        static final Check NOT_YET = new Check(false, List.of(), null);
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance editor(String user, Integer from, String drl, String gutter, String comment,
                                              Check check);

        static native TemplateInstance editor$problems(Check check);
    }

    @Inject
    RuleSetService ruleSets;
    @Inject
    ActiveRules active;
    @Inject
    SecurityIdentity identity;

    @GET
    public TemplateInstance editor(@QueryParam("from") Integer from) {
        ConsoleRoles.require(ConsoleRoles.canEditDrl(identity));
        int start = from != null ? from : active.version();
        String drl = "";
        if (start > 0) {
            drl = ruleSets.find(start).map(r -> r.drl)
                    .orElseThrow(() -> new NotFoundException("No rule set version " + start));
        }
        return page(start > 0 ? start : null, drl, "", Check.NOT_YET);
    }

    /** Compiles the text without storing it; answers the list of problems as a fragment. */
    @POST
    @Path("/check")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public TemplateInstance check(@FormParam("drl") String drl) {
        ConsoleRoles.require(ConsoleRoles.canEditDrl(identity));
        return Templates.editor$problems(checked(drl));
    }

    /** Stores the text as a new draft and goes to it; text that does not compile comes back with its errors. */
    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response save(@FormParam("drl") String drl, @FormParam("comment") String comment,
                         @FormParam("from") Integer from) {
        ConsoleRoles.require(ConsoleRoles.canEditDrl(identity));
        String text = drl == null ? "" : drl.replace("\r\n", "\n");
        Check refused;
        if (comment == null || comment.isBlank()) {
            refused = new Check(true, List.of(), ConsoleProblem.of(ProblemException.badRequest("Say what this draft changes",
                    List.of(new FieldError("comment", "is required when saving a draft")))));
        } else {
            try {
                RuleSet draft = ruleSets.createDraft(text, comment.strip(), identity.getPrincipal().getName());
                return Response.seeOther(URI.create("/rules/versions/" + draft.version)).build();
            } catch (ProblemException e) {
                refused = e.status() == 422 ? new Check(true, compileErrors(e), null) : new Check(true, List.of(), ConsoleProblem.of(e));
            }
        }
        return Response.status(422).entity(page(from, text, comment == null ? "" : comment, refused)).build();
    }

    private Check checked(String drl) {
        try {
            return new Check(true, ruleSets.check(drl == null ? null : drl.replace("\r\n", "\n")), null);
        } catch (ProblemException e) {
            return new Check(true, List.of(), ConsoleProblem.of(e));
        }
    }

    private static List<CompileError> compileErrors(ProblemException e) {
        return e.errors().stream().map(f -> new CompileError(f.line() == null ? 0 : f.line(),
                f.column() == null ? 0 : f.column(), f.message())).toList();
    }

    private TemplateInstance page(Integer from, String drl, String comment, Check check) {
        return Templates.editor(identity.getPrincipal().getName(), from, drl, TextLines.gutter(drl), comment, check);
    }
}
