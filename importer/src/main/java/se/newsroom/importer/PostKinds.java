package se.newsroom.importer;

import java.util.Optional;

import se.newsroom.content.ArticleStatus;
import se.newsroom.importer.wxr.WxrItem;

/** Which items of an export become articles, in which status, and why the others are left out. */
final class PostKinds {
    private PostKinds() {
    }

    /** Why an item is not imported as an article (in Swedish, for the report); empty for a post that is. */
    static Optional<String> skipReason(WxrItem item) {
        if (!"post".equals(item.postType())) {
            return Optional.of(switch (item.postType()) {
                case "page" -> "en sida: sidor importeras inte, bara inlägg";
                case "attachment" -> "en bilaga: följer med som bild när en nyhet använder den";
                case "nav_menu_item" -> "ett menyval: webbplatsens menyer byggs inte av WordPress";
                default -> "av typen " + item.postType() + ": bara inlägg importeras";
            });
        }
        return switch (item.status()) {
            case "publish", "future", "draft", "pending", "private" -> Optional.empty();
            case "trash" -> Optional.of("i papperskorgen");
            case "auto-draft" -> Optional.of("ett automatiskt utkast som ingen har skrivit i");
            case "inherit" -> Optional.of("en revision");
            default -> Optional.of("okänd status '" + item.status() + "'");
        };
    }

    /**
     * The status here of a post that is imported: publish → published, future → scheduled, pending (WordPress's
     * "Väntar på granskning") → review, so the publishers find it in their queue; else draft.
     */
    static ArticleStatus status(WxrItem item) {
        return switch (item.status()) {
            case "publish" -> ArticleStatus.PUBLISHED;
            case "future" -> ArticleStatus.SCHEDULED;
            case "pending" -> ArticleStatus.REVIEW;
            default -> ArticleStatus.DRAFT;
        };
    }
}
