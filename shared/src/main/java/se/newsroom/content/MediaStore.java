package se.newsroom.content;

import java.util.List;
import java.util.Optional;

import se.newsroom.error.ConflictException;
import se.newsroom.error.InvalidCursorException;
import se.newsroom.error.NotFoundException;

/** Where the media library lives, beside the articles in the content table. */
public interface MediaStore {

    /**
     * One page of the library, newest first.
     *
     * @param nextCursor where the next page starts, empty on the last page
     */
    record MediaList(List<Media> items, Optional<String> nextCursor) {
        public MediaList {
            items = List.copyOf(items);
        }
    }

    /**
     * An article that uses a picture (as its image or in its body).
     *
     * @param articleId the article's id
     * @param title     its headline when it last was saved
     */
    record MediaUse(String articleId, String title) {
    }

    /**
     * Stores a new, pending item.
     *
     * @throws ConflictException when an item with its id exists
     */
    void create(Media media);

    /** The item with this id. */
    Optional<Media> find(String id);

    /**
     * Items, newest first.
     *
     * @throws InvalidCursorException when the cursor is not one this store made
     */
    MediaList list(int limit, Optional<String> cursor);

    /**
     * Stores an item's alt text, caption and credit (nothing else of {@code media} is written).
     *
     * @return the item as stored
     * @throws NotFoundException when there is no such item
     */
    Media update(Media media);

    /**
     * Records that the file was read and its variants written: only a pending item changes, so a retried event
     * cannot flip a finished one.
     *
     * @return whether the item was pending and is now ready
     */
    boolean markReady(String id, int width, int height, List<MediaVariant> variants);

    /**
     * Records that the file was refused, with the reason the desk shows; only a pending item changes.
     *
     * @return whether the item was pending and is now in error
     */
    boolean markError(String id, String reason);

    /**
     * Deletes an item no article uses (its variants are the caller's to delete, after this).
     *
     * @return the item as it was
     * @throws NotFoundException when there is no such item
     * @throws ConflictException when articles use it, naming each ({@code usedBy[i]}: its title and id)
     */
    Media delete(String id);

    /** The articles that use the item, as their saves recorded it. */
    List<MediaUse> usedBy(String mediaId);
}
