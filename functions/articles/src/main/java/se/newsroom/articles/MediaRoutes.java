package se.newsroom.articles;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.Set;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;

import se.newsroom.content.Media;
import se.newsroom.content.MediaStore.MediaList;
import se.newsroom.http.ApiRequest;
import se.newsroom.http.Editor;
import se.newsroom.http.HttpResponses;
import se.newsroom.http.JsonBodies;

/** The media library's routes ({@code /api/media…}) of the editors' API: the edge to {@link MediaService}. */
final class MediaRoutes {
    /** Fields of an item a client may send back unchanged from a GET; they are ignored. */
    private static final Set<String> READ_ONLY = Set.of("id", "status", "fileName", "contentType", "size",
            "uploader", "createdAt", "width", "height", "variants", "reason");

    private final MediaService service;
    private final ZoneId zone;

    MediaRoutes(MediaService service, ZoneId zone) {
        this.service = service;
        this.zone = zone;
    }

    static boolean handles(String routeKey) {
        return routeKey.endsWith(" /api/media") || routeKey.endsWith(" /api/media/{id}");
    }

    APIGatewayV2HTTPResponse route(ApiRequest request, Editor editor) {
        return switch (request.routeKey()) {
            case "POST /api/media" -> created(service.create(editor,
                    JsonBodies.read(request, MediaService.UploadRequest.class, Set.of())));
            case "GET /api/media" -> list(request);
            case "GET /api/media/{id}" -> ok(service.get(request.pathParameter("id")));
            case "PATCH /api/media/{id}" -> ok(service.update(request.pathParameter("id"),
                    JsonBodies.read(request, MediaService.Texts.class, READ_ONLY)));
            case "DELETE /api/media/{id}" -> {
                service.delete(request.pathParameter("id"));
                yield HttpResponses.empty(204);
            }
            default -> throw new IllegalStateException("Not a media route: " + request.routeKey());
        };
    }

    private APIGatewayV2HTTPResponse list(ApiRequest request) {
        int limit = request.intParameter("limit", ArticlesFunction.DEFAULT_LIMIT, 1, ArticlesFunction.MAX_LIMIT);
        MediaList page = service.list(limit, request.queryParameter("cursor"));
        return HttpResponses.json(200, new MediaView.Listing(page.items().stream().map(m -> MediaView.of(m, zone))
                .toList(), page.nextCursor().orElse(null)), Map.of());
    }

    private APIGatewayV2HTTPResponse created(MediaService.Created created) {
        MediaFiles.Upload upload = created.upload();
        return HttpResponses.json(201, new MediaView.Created(MediaView.of(created.media(), zone),
                new MediaView.Upload(upload.url(), upload.method(), upload.headers(),
                        DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(upload.expiresAt().atZone(zone)))),
                Map.of("Location", "/api/media/" + created.media().id()));
    }

    private APIGatewayV2HTTPResponse ok(Media media) {
        return HttpResponses.json(200, MediaView.of(media, zone), Map.of());
    }
}
