package se.newsroom.content;

import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import se.newsroom.error.FieldError;
import se.newsroom.error.InvalidInputException;

/**
 * The rules an article must meet, checked all at once so an editor sees every problem in one answer: a save
 * (ArticlesFunction) and a preview (PreviewFunction) check the same ones.
 */
public final class ArticleRules {
    public static final int MAX_TITLE = 200;
    public static final int MAX_SUMMARY = 500;
    public static final int MAX_BODY = 100_000;
    /** A DynamoDB item holds 400 KB; this keeps a body of many multi-byte characters storable. */
    public static final int MAX_BODY_BYTES = 300_000;
    public static final int MAX_CATEGORIES = 10;
    public static final int MAX_CATEGORY = 50;
    public static final int MAX_RELATED = 10;
    public static final int MAX_AUTHOR = 100;
    public static final int MAX_IMAGE_ALT = 300;
    public static final int MAX_IMAGE_CAPTION = 500;
    public static final int MAX_IMAGE_CREDIT = 100;
    /** How far ahead an article may be scheduled (or dated). */
    public static final int MAX_YEARS_AHEAD = 10;
    private static final Pattern ONE_LINE_SPACES = Pattern.compile("[\\t\\n]+");

    private ArticleRules() {
    }

    /**
     * An input that met the rules, with its values parsed.
     *
     * @param slug the slug the editor chose, if any
     */
    public record CheckedArticle(String title, String summary, String body, List<String> categories,
                                 List<String> related, ArticleStatus status, Optional<Instant> publishAt,
                                 Optional<Instant> publishedAt, Optional<String> author, boolean commentsOpen,
                                 Optional<String> slug, Optional<ArticleImage> image) {
    }

    /**
     * Refuses a move to review from anything but a draft (or review itself): review is where a writer's draft waits
     * for a publisher; what is scheduled or published is unpublished to a draft first.
     *
     * @throws InvalidInputException on {@code status}, in Swedish, for a scheduled or published article sent to review
     */
    public static void checkTransition(ArticleStatus from, ArticleStatus to) {
        if (to == ArticleStatus.REVIEW && from.isLive()) {
            String what = from == ArticleStatus.PUBLISHED ? "En publicerad" : "En schemalagd";
            throw new InvalidInputException(what + " nyhet kan inte skickas till granskning.", FieldError.only(
                    "status", what.toLowerCase(Locale.ROOT) + " nyhet kan inte skickas till granskning; spara den som "
                            + "utkast (draft) först"));
        }
    }

    /**
     * Checks {@code input} as of {@code now}.
     *
     * @param ownId the id of the article being replaced, which may not relate to itself
     * @throws InvalidInputException naming every field at fault
     */
    public static CheckedArticle check(ArticleInput input, Instant now, Optional<String> ownId) {
        List<FieldError> errors = new ArrayList<>();

        String title = text(errors, "title", input.title(), true);
        if (title.isEmpty()) {
            errors.add(new FieldError("title", "is required"));
        } else if (!Text.hasVisible(title)) {
            errors.add(new FieldError("title", "must contain a visible character"));
        }
        maxLength(errors, "title", title, MAX_TITLE);
        // A summary is shown as one paragraph (and a meta description): its line breaks and tabs become spaces.
        String summary = ONE_LINE_SPACES.matcher(text(errors, "summary", input.summary(), false)).replaceAll(" ");
        maxLength(errors, "summary", summary, MAX_SUMMARY);
        String body = Optional.ofNullable(input.body()).orElse("");
        Optional<Text.Flaw> bodyFlaw = Text.flaw(body, false);
        bodyFlaw.ifPresent(flaw -> errors.add(new FieldError("body", flaw.message())));
        body = bodyFlaw.isPresent() ? body : Text.normalize(body);
        maxLength(errors, "body", body, MAX_BODY);
        int bytes = body.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > MAX_BODY_BYTES) {
            errors.add(new FieldError("body", "must be at most " + MAX_BODY_BYTES + " bytes in UTF-8 (it has "
                    + bytes + ")"));
        }

        List<String> categories = categories(errors, Optional.ofNullable(input.categories()).orElse(List.of()));
        List<String> related = related(errors, Optional.ofNullable(input.related()).orElse(List.of()), ownId);

        ArticleStatus status = ArticleStatus.DRAFT;
        if (input.status() != null) {
            Optional<ArticleStatus> parsed = ArticleStatus.fromWireName(input.status());
            if (parsed.isEmpty()) {
                errors.add(new FieldError("status", "must be " + ArticleStatus.wireNames()));
            }
            status = parsed.orElse(ArticleStatus.DRAFT);
        }
        Optional<Instant> publishAt = instant(errors, "publishAt", input.publishAt(), now);
        Optional<Instant> publishedAt = instant(errors, "publishedAt", input.publishedAt(), now);
        if (status == ArticleStatus.SCHEDULED) {
            if (input.publishAt() == null) {
                errors.add(new FieldError("publishAt", "is required when status is scheduled"));
            } else if (publishAt.isPresent() && !publishAt.get().isAfter(now)) {
                errors.add(new FieldError("publishAt", "must be in the future when status is scheduled"));
            }
        }
        if (status == ArticleStatus.PUBLISHED && publishedAt.isPresent() && publishedAt.get().isAfter(now)) {
            errors.add(new FieldError("publishedAt",
                    "cannot be in the future; to publish later, use status scheduled with publishAt"));
        }
        if (status.isLive() && body.isBlank()) {
            errors.add(new FieldError("body", "is required to publish or schedule an article"));
        }

        Optional<String> author = Optional.of(text(errors, "author", input.author(), true)).filter(a -> !a.isEmpty());
        author.filter(a -> !Text.hasVisible(a))
                .ifPresent(a -> errors.add(new FieldError("author", "must contain a visible character")));
        author.ifPresent(a -> maxLength(errors, "author", a, MAX_AUTHOR));
        Optional<String> slug = Optional.ofNullable(input.slug());
        // The length first: a suggestion is made from the slug, and only a slug of bounded length is worth one.
        slug.filter(s -> maxLength(errors, "slug", s, Slugs.MAX_LENGTH) && !Slugs.isCanonical(s))
                .ifPresent(s -> errors.add(new FieldError("slug", "must be lower-case letters a–z, digits and "
                        + "single hyphens, at most " + Slugs.MAX_LENGTH + " characters, e.g. '" + suggestion(s)
                        + "'")));

        Optional<ArticleImage> image = image(errors, input.image());
        List<String> bodyMedia = MediaReferences.inBody(body);
        bodyMedia.stream().filter(id -> !ArticleIds.isValid(id)).findFirst().ifPresent(id -> errors.add(
                new FieldError("body", "![…](media:" + id + ") does not name a picture: use media:<id> of the media "
                        + "library")));
        if (MediaReferences.of(image, body).size() > MediaReferences.MAX_PER_ARTICLE) {
            errors.add(new FieldError("body", "an article may use at most " + MediaReferences.MAX_PER_ARTICLE
                    + " pictures, its featured image included"));
        }

        if (!errors.isEmpty()) {
            throw new InvalidInputException("The article has " + errors.size() + " problem"
                    + (errors.size() > 1 ? "s" : "") + "; see errors.", errors);
        }
        return new CheckedArticle(title, summary, body, categories, related, status, publishAt, publishedAt, author,
                Optional.ofNullable(input.commentsOpen()).orElse(Boolean.TRUE), slug, image);
    }

    /** The featured image, its alt text required unless it is decorative (WCAG 2.2, 1.1.1). */
    private static Optional<ArticleImage> image(List<FieldError> errors, ArticleInput.ImageInput input) {
        if (input == null) {
            return Optional.empty();
        }
        int before = errors.size();
        if (!ArticleIds.isValid(input.mediaId())) {
            errors.add(new FieldError("image.mediaId", input.mediaId() == null ? "is required"
                    : "'" + input.mediaId() + "' is not a media id"));
        }
        boolean decorative = Boolean.TRUE.equals(input.decorative());
        String alt = text(errors, "image.alt", input.alt(), true);
        if (!decorative && !Text.hasVisible(alt)) {
            errors.add(new FieldError("image.alt", "is required (what the picture shows) unless decorative is true"));
        }
        maxLength(errors, "image.alt", alt, MAX_IMAGE_ALT);
        String caption = text(errors, "image.caption", input.caption(), true);
        maxLength(errors, "image.caption", caption, MAX_IMAGE_CAPTION);
        String credit = text(errors, "image.credit", input.credit(), true);
        maxLength(errors, "image.credit", credit, MAX_IMAGE_CREDIT);
        return errors.size() > before ? Optional.empty()
                : Optional.of(new ArticleImage(input.mediaId(), decorative ? "" : alt, decorative, caption, credit));
    }

    private static List<String> categories(List<FieldError> errors, List<String> input) {
        if (input.size() > MAX_CATEGORIES) {
            errors.add(new FieldError("categories", "must be at most " + MAX_CATEGORIES + " (it has "
                    + input.size() + ")"));
        }
        List<String> categories = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < input.size(); i++) {
            String field = "categories[" + i + "]";
            int before = errors.size();
            String name = text(errors, field, input.get(i), true);
            if (errors.size() > before) {
                continue;
            } else if (!Text.hasVisible(name)) {
                errors.add(new FieldError(field, name.isEmpty() ? "must not be empty"
                        : "must contain a visible character"));
            } else if (!maxLength(errors, field, name, MAX_CATEGORY)) {
                continue;
            } else if (!seen.add(name.toLowerCase(Locale.ROOT))) {
                errors.add(new FieldError(field, "'" + name + "' is listed twice"));
            } else {
                categories.add(name);
            }
        }
        return categories;
    }

    private static List<String> related(List<FieldError> errors, List<String> input, Optional<String> ownId) {
        if (input.size() > MAX_RELATED) {
            errors.add(new FieldError("related", "must be at most " + MAX_RELATED + " (it has " + input.size()
                    + ")"));
        }
        List<String> related = new ArrayList<>();
        for (int i = 0; i < input.size(); i++) {
            String field = "related[" + i + "]";
            String id = input.get(i);
            if (!ArticleIds.isValid(id)) {
                errors.add(new FieldError(field, "'" + id + "' is not an article id"));
            } else if (ownId.filter(id::equals).isPresent()) {
                errors.add(new FieldError(field, "an article cannot be related to itself"));
            } else if (related.contains(id)) {
                errors.add(new FieldError(field, "'" + id + "' is listed twice"));
            } else {
                related.add(id);
            }
        }
        return related;
    }

    /**
     * A date within the site's range: not before {@link Timestamps#EARLIEST}, at most {@link #MAX_YEARS_AHEAD}
     * years after {@code now}; empty (with an error) when absent, unreadable or out of range.
     */
    private static Optional<Instant> instant(List<FieldError> errors, String field, String value, Instant now) {
        if (value == null) {
            return Optional.empty();
        }
        Instant instant;
        try {
            instant = Timestamps.truncate(OffsetDateTime.parse(value).toInstant());
        } catch (DateTimeException e) {
            errors.add(new FieldError(field, "must be an ISO-8601 date and time with offset, e.g. "
                    + "2019-12-04T10:00:00+01:00"));
            return Optional.empty();
        }
        Instant latest = now.atOffset(ZoneOffset.UTC).plusYears(MAX_YEARS_AHEAD).toInstant();
        if (instant.isBefore(Timestamps.EARLIEST)) {
            errors.add(new FieldError(field, "must be on or after " + Timestamps.EARLIEST.atOffset(ZoneOffset.UTC)
                    .toLocalDate()));
            return Optional.empty();
        }
        if (instant.isAfter(latest)) {
            errors.add(new FieldError(field, "must be at most " + MAX_YEARS_AHEAD + " years ahead, by " + latest));
            return Optional.empty();
        }
        return Optional.of(instant);
    }

    /**
     * A text field stripped and {@link Text#normalize normalized}, or as sent (stripped) after adding the error for
     * the first character it may not hold; "" when absent. Controls count wherever they are (strip would drop a
     * trailing VT silently); a line break only inside a one-line field, not at its ends.
     */
    private static String text(List<FieldError> errors, String field, String value, boolean oneLine) {
        String stripped = Optional.ofNullable(value).map(String::strip).orElse("");
        Optional<Text.Flaw> flaw = Text.flaw(value, false).or(() -> Text.flaw(stripped, oneLine));
        flaw.ifPresent(f -> errors.add(new FieldError(field, f.message())));
        return flaw.isPresent() ? stripped : Text.normalize(stripped);
    }

    private static boolean maxLength(List<FieldError> errors, String field, String value, int max) {
        int length = value.codePointCount(0, value.length());
        if (length > max) {
            errors.add(new FieldError(field, "must be at most " + max + " characters (it has " + length + ")"));
            return false;
        }
        return true;
    }

    private static String suggestion(String slug) {
        String s = Slugs.of(slug);
        return s.isEmpty() ? "min-nyhet" : s;
    }
}
