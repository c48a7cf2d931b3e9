package se.newsroom.articles;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.Set;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.annotation.JsonInclude;

import se.newsroom.content.PrivacyNotice;
import se.newsroom.http.ApiRequest;
import se.newsroom.http.HttpResponses;
import se.newsroom.http.JsonBodies;

/** The privacy notice's routes ({@code /api/privacy-notice}) of the editors' API: the edge to its service. */
final class PrivacyNoticeRoutes {
    static final String GET = "GET /api/privacy-notice";
    static final String PUT = "PUT /api/privacy-notice";
    /** What a client may send back unchanged from a GET; ignored. */
    private static final Set<String> READ_ONLY = Set.of("version", "updatedAt", "isDefault", "path");

    private final PrivacyNoticeService service;
    private final ZoneId zone;

    PrivacyNoticeRoutes(PrivacyNoticeService service, ZoneId zone) {
        this.service = service;
        this.zone = zone;
    }

    static boolean handles(String routeKey) {
        return routeKey.equals(GET) || routeKey.equals(PUT);
    }

    /**
     * The notice as the API shows it.
     *
     * @param updatedAt when it was saved; null (written as such) for the default
     * @param isDefault whether it is the bundled default, not yet saved by anyone
     * @param path      its page on the site
     */
    record View(String markdown, long version, @JsonInclude(JsonInclude.Include.ALWAYS) String updatedAt,
                boolean isDefault, String path) {
    }

    APIGatewayV2HTTPResponse route(ApiRequest request) {
        PrivacyNotice notice = request.routeKey().equals(PUT)
                ? service.save(ArticlesFunction.ifMatch(request, true).orElseThrow(),
                        JsonBodies.read(request, PrivacyNoticeService.Input.class, READ_ONLY))
                : service.get();
        return HttpResponses.json(200, new View(notice.markdown(), notice.version(), notice.updatedAt()
                .map(t -> DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(t.atZone(zone))).orElse(null),
                notice.isDefault(), PrivacyNotice.PATH), Map.of("ETag", "\"" + notice.version() + "\""));
    }
}
