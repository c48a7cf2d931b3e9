package se.newsroom.render.record;

import java.util.List;
import java.util.Optional;

import se.newsroom.content.Article;
import se.newsroom.content.ArticleStatus;
import se.newsroom.record.PublicRecord;
import se.newsroom.record.RecordStore;

/**
 * Writes each published version of an article to the public record once, linked to the latest version recorded
 * before it. Lambda hands one item's stream records over in order, one batch at a time, so two versions of an article
 * are never written at once; a batch sent again finds its versions written and passes over them.
 */
public final class PublicRecordWriter {
    private final RecordStore store;

    public PublicRecordWriter(RecordStore store) {
        this.store = store;
    }

    /**
     * Records this version of the article if it is published and not yet recorded.
     *
     * @return the key written; empty when there was nothing to write
     */
    public Optional<String> record(Article article) {
        if (article.status() != ArticleStatus.PUBLISHED) {
            return Optional.empty();
        }
        String key = PublicRecord.key(article.id(), article.version());
        List<String> keys = store.keys(PublicRecord.prefix(article.id()));
        if (keys.contains(key)) {
            return Optional.empty();
        }
        // The previous version is the highest earlier key (keys hold 19 digits: their order is the versions').
        String previousHash = keys.stream().filter(k -> k.compareTo(key) < 0).reduce((a, b) -> b)
                .flatMap(store::read).map(bytes -> PublicRecord.parse(bytes).hash()).orElse("");
        byte[] bytes = PublicRecord.of(article, previousHash).bytes();
        return store.writeOnce(key, bytes) ? Optional.of(key) : Optional.empty();
    }
}
