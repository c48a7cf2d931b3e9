package se.newsroom.content;

import java.util.Locale;
import java.util.function.Supplier;

import com.github.f4b6a3.ulid.Ulid;
import com.github.f4b6a3.ulid.UlidCreator;

/** Article ids: ULIDs, which sort by creation time as strings (so newest-first listings need no extra key). */
public final class ArticleIds {
    private ArticleIds() {
    }

    /** A generator of new ids; monotonic within one container, so ids made in the same millisecond still sort. */
    public static Supplier<String> generator() {
        return () -> UlidCreator.getMonotonicUlid().toString();
    }

    /** Whether {@code value} is an id this system could have made. */
    public static boolean isValid(String value) {
        return value != null && Ulid.isValid(value) && value.equals(value.toUpperCase(Locale.ROOT));
    }
}
