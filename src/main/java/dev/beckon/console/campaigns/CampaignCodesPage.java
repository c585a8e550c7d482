package dev.beckon.console.campaigns;

import dev.beckon.campaign.OfferCodeFiles;
import dev.beckon.campaign.OfferCodes;
import dev.beckon.console.ConsoleProblem;
import dev.beckon.console.ConsoleRoles;
import dev.beckon.platform.ProblemException;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.common.annotation.Blocking;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

/**
 * Filling a campaign's code pool from its page: generating codes, or importing a CSV file, chosen
 * as a file or pasted. The import answers with its report (what was added, which lines were not
 * codes) rather than a redirect, because the report is what the marketer needs next.
 */
@Path("/campaigns/{name}/codes")
@Blocking
@Produces(MediaType.TEXT_HTML)
public class CampaignCodesPage {

    @Inject
    OfferCodes codes;
    @Inject
    CampaignEditor editor;

    @POST
    @Path("/generate")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response generate(@PathParam("name") String name, @RestForm String count, @RestForm String prefix,
                             @RestForm String length) {
        ConsoleRoles.require(editor.canEdit());
        try {
            OfferCodes.Generated generated = codes.generate(name, new OfferCodes.Generation(number("count", count),
                    prefix == null || prefix.isBlank() ? null : prefix.strip(), number("length", length)));
            return CampaignsPage.backTo(name, "generated=" + generated.added());
        } catch (ProblemException e) {
            return Response.status(e.status()).entity(page(name, new CampaignEditor.CodesOutcome(null, ConsoleProblem.of(e))))
                    .build();
        }
    }

    /** Both encodings are taken: a file needs multipart, a pasted list does not (and an empty form is then refused for its content). */
    @POST
    @Path("/import")
    @Consumes({MediaType.MULTIPART_FORM_DATA, MediaType.APPLICATION_FORM_URLENCODED})
    public Response importCodes(@PathParam("name") String name, @RestForm("file") FileUpload file,
                                @RestForm String pasted) {
        ConsoleRoles.require(editor.canEdit());
        try {
            String csv = file != null && file.size() > 0 ? read(file) : pasted;
            OfferCodes.Imported imported = codes.importCsv(name, csv);
            return Response.ok(page(name, new CampaignEditor.CodesOutcome(imported, null))).build();
        } catch (ProblemException e) {
            return Response.status(e.status()).entity(page(name, new CampaignEditor.CodesOutcome(null, ConsoleProblem.of(e))))
                    .build();
        }
    }

    private TemplateInstance page(String name, CampaignEditor.CodesOutcome outcome) {
        return editor.saved(name, null, outcome);
    }

    private static String read(FileUpload file) {
        try {
            return OfferCodeFiles.read(Files.newInputStream(file.uploadedFile()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A number typed in the form; what is not one is refused under the field's name. */
    private static Integer number(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(value.strip());
        } catch (NumberFormatException e) {
            throw ProblemException.badRequest("The codes cannot be generated",
                    java.util.List.of(new dev.beckon.platform.FieldError(field, "must be a whole number")));
        }
    }
}
