package se.newsroom.comments;

import java.util.List;
import java.util.Map;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;

import se.newsroom.error.FieldError;
import se.newsroom.error.NewsroomException;
import se.newsroom.error.TooManyRequestsException;
import se.newsroom.http.HttpResponses;
import se.newsroom.http.Problems;

/**
 * What a reader without JavaScript sees when the form could not be accepted: an error summary in Swedish, each
 * problem named by its field's label, and a way back to the form.
 */
public record FormErrorPage(String heading, String detail, List<Item> items, String backUrl, String backLabel) {
    private static final TemplateEngine TEMPLATES = TemplateEngine.createPrecompiled(ContentType.Html);
    private static final Map<String, String> LABELS = Map.of("author", "Namn", "email", "E-post", "body", "Kommentar",
            "parentId", "Svar", "website", "Webbplats");

    /** One problem: the field's label and what is wrong. */
    public record Item(String label, String message) {
    }

    /** The HTML response for a refused form post, with the status the JSON answer would have had. */
    public static APIGatewayV2HTTPResponse response(NewsroomException e, String backUrl) {
        List<Item> items = e.errors().stream()
                .map((FieldError f) -> new Item(LABELS.getOrDefault(f.field(), f.field()), f.message())).toList();
        FormErrorPage page = new FormErrorPage("Kommentaren kunde inte skickas", e.getMessage(), items,
                backUrl + "#kommentera", "Tillbaka till formuläret");
        StringOutput out = new StringOutput();
        TEMPLATES.render("formError.jte", Map.of("page", page), out);
        Map<String, String> headers = e instanceof TooManyRequestsException t
                ? Map.of("Retry-After", Long.toString(t.retryAfterSeconds()))
                : Map.of();
        return HttpResponses.of(Problems.status(e), "text/html; charset=utf-8",
                out.toString(), headers);
    }
}
