package se.newsroom.content;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/** The fields of an article a revision names as changed, and which of them differ between two versions. */
public final class RevisionFields {
    /** The fields a revision's view compares word by word, in the order it shows them. */
    public static final List<String> COMPARED = List.of("title", "summary", "body", "categories", "slug", "status");

    private static final List<Field> FIELDS = List.of(
            new Field("title", Article::title), new Field("summary", Article::summary),
            new Field("body", Article::body),
            new Field("categories", Article::categories), new Field("slug", Article::slug),
            new Field("status", Article::status), new Field("related", Article::related),
            new Field("image", Article::image), new Field("author", Article::author),
            new Field("commentsOpen", Article::commentsOpen), new Field("publishAt", Article::publishAt),
            new Field("publishedAt", Article::publishedAt));

    private RevisionFields() {
    }

    /** The names of the fields whose values differ, in a fixed order (the compared ones first). */
    public static List<String> changed(Article before, Article after) {
        List<String> names = new ArrayList<>();
        for (Field field : FIELDS) {
            if (!Objects.equals(field.value().apply(before), field.value().apply(after))) {
                names.add(field.name());
            }
        }
        return names;
    }

    /** Every field a first version has (an article's creation changes all that it sets). */
    public static List<String> set(Article created) {
        List<String> names = new ArrayList<>();
        for (Field field : FIELDS) {
            Object value = field.value().apply(created);
            boolean empty = value == null || value instanceof String s && s.isEmpty()
                    || value instanceof List<?> l && l.isEmpty()
                    || value instanceof Optional<?> o && o.isEmpty();
            if (!empty) {
                names.add(field.name());
            }
        }
        return names;
    }

    private record Field(String name, Function<Article, Object> value) {
    }
}
