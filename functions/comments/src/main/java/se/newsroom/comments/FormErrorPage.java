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
        Map<String, String> headers = e instanceof TooManyRequestsException t
                ? Map.of("Retry-After", Long.toString(t.retryAfterSeconds()))
                : Map.of();
        return html(Problems.status(e), page, headers);
    }

    /**
     * The HTML response when a service the post needs failed passingly (the JSON answer's 503): the comment may or
     * may not have been stored, and sending it again is safe (a stored one is not stored twice).
     */
    public static APIGatewayV2HTTPResponse unavailable(String backUrl) {
        FormErrorPage page = new FormErrorPage("Kommentaren kunde inte skickas just nu", "Tjänsten är tillfälligt "
                + "upptagen. Försök igen om en stund; har kommentaren redan kommit fram får du veta det, och den "
                + "sparas aldrig två gånger.", List.of(), backUrl + "#kommentera", "Tillbaka till formuläret");
        return html(503, page, Map.of("Retry-After", Long.toString(Problems.RETRY_AFTER_SECONDS)));
    }

    private static APIGatewayV2HTTPResponse html(int status, FormErrorPage page, Map<String, String> headers) {
        StringOutput out = new StringOutput();
        TEMPLATES.render("formError.jte", Map.of("page", page), out);
        return HttpResponses.of(status, "text/html; charset=utf-8", out.toString(), headers);
    }
}
