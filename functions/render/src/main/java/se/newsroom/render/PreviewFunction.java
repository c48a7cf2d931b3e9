package se.newsroom.render;

import java.util.Map;
import java.util.Optional;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;

import se.newsroom.aws.DynamoDbClients;
import se.newsroom.config.Env;
import se.newsroom.config.SnapStartPriming;
import se.newsroom.content.ArticleInput;
import se.newsroom.error.FieldError;
import se.newsroom.error.InvalidInputException;
import se.newsroom.error.MalformedRequestException;
import se.newsroom.error.NotFoundException;
import se.newsroom.http.ApiRequest;
import se.newsroom.http.Editor;
import se.newsroom.http.HttpApiFunction;
import se.newsroom.http.HttpResponses;
import se.newsroom.http.JsonBodies;
import se.newsroom.http.RouteRoles;
import se.newsroom.json.Json;
import se.newsroom.render.site.SiteRenderer;

/**
 * {@code POST /api/previews}: an article's page as the site would render it, marked as a preview and not indexed,
 * from the body of a save (plus an optional {@code id}); the edge to {@link ArticlePreviews}.
 */
public final class PreviewFunction extends HttpApiFunction {
    private final ArticlePreviews previews;

    /** Used by the Lambda runtime: builds the client and templates once per container, so SnapStart keeps them. */
    public PreviewFunction() {
        this(PreviewConfig.from(Env.system()));
    }

    private PreviewFunction(PreviewConfig config) {
        this(RenderWiring.previews(config, DynamoDbClients.create(config.region(), config.dynamoDbEndpoint())));
        SnapStartPriming.register("PreviewFunction", () -> PreviewPriming.run(this));
    }

    /** For tests and {@link RenderWiring}. */
    public PreviewFunction(ArticlePreviews previews) {
        this.previews = previews;
    }

    @Override
    protected APIGatewayV2HTTPResponse route(ApiRequest request) {
        Editor editor = RouteRoles.require(request);
        if (!request.routeKey().equals("POST /api/previews")) {
            throw new NotFoundException("No route " + request.routeKey() + " in the preview API.");
        }
        ArticleInput input = JsonBodies.read(request, ArticleInput.class, ArticleInput.READ_ONLY);
        return HttpResponses.of(200, SiteRenderer.HTML, previews.preview(editor, input, id(request)), Map.of());
    }

    /** The body's {@code id}, which a save ignores (it is in the path) and a preview uses; the body is valid JSON. */
    private static Optional<String> id(ApiRequest request) {
        JsonNode id;
        try {
            id = Json.MAPPER.readTree(request.bodyText()).path("id");
        } catch (JsonProcessingException e) {
            throw new MalformedRequestException("The request body is not valid JSON.");
        }
        if (id.isMissingNode() || id.isNull()) {
            return Optional.empty();
        }
        if (!id.isTextual()) {
            throw new InvalidInputException("The field id holds the wrong kind of value.",
                    FieldError.only("id", "must be a string"));
        }
        return Optional.of(id.asText());
    }
}
