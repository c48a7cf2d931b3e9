package se.newsroom.importer;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import se.newsroom.content.CommentStatus;
import se.newsroom.importer.wxr.WxrComment;

/**
 * One post's comments sorted out: which come across and in what state, and where each stands in its thread. A reply
 * whose parent is missing from the export or left out becomes a comment of its own (top level), and is reported.
 */
final class CommentThreads {
    /** As deep as the site shows threads (the comments function's rule); a deeper reply sits at this depth. */
    static final int MAX_DEPTH = 5;

    /**
     * A comment that comes across.
     *
     * @param parent      the WordPress id of the comment it replies to, if that comes across too
     * @param orphanOf    the WordPress id of a parent that is missing or left out (0 when none)
     */
    record Kept(WxrComment comment, CommentStatus status, Optional<Long> parent, int depth, long orphanOf) {
    }

    /** A comment left out, with why (in Swedish). */
    record Left(WxrComment comment, String reason) {
    }

    private final Map<Long, Kept> kept = new LinkedHashMap<>();
    private final List<Left> left;

    private CommentThreads(Map<Long, Kept> kept, List<Left> left) {
        this.kept.putAll(kept);
        this.left = List.copyOf(left);
    }

    /** Sorts out {@code comments}, as one item of the export lists them. */
    static CommentThreads of(List<WxrComment> comments) {
        Map<Long, WxrComment> byId = new HashMap<>();
        Map<Long, CommentStatus> statuses = new LinkedHashMap<>();
        List<Left> left = new ArrayList<>();
        for (WxrComment c : comments) {
            Optional<String> reason = leftOut(c);
            if (reason.isPresent()) {
                left.add(new Left(c, reason.get()));
            } else if (byId.putIfAbsent(c.id(), c) == null) {
                statuses.put(c.id(), status(c.approved()));
            } else {
                left.add(new Left(c, "samma kommentar-id en gång till i exporten"));
            }
        }
        Map<Long, Kept> kept = new LinkedHashMap<>();
        Set<Long> placing = new HashSet<>();
        for (Long id : statuses.keySet()) {
            place(id, byId, statuses, kept, placing);
        }
        return new CommentThreads(kept, left);
    }

    private static Kept place(long id, Map<Long, WxrComment> byId, Map<Long, CommentStatus> statuses,
                              Map<Long, Kept> kept, Set<Long> placing) {
        Kept done = kept.get(id);
        if (done != null) {
            return done;
        }
        WxrComment c = byId.get(id);
        Kept placed;
        if (c.parent() == 0) {
            placed = new Kept(c, statuses.get(id), Optional.empty(), 1, 0);
        } else if (!byId.containsKey(c.parent()) || !placing.add(id)) {
            // Its parent is not in the export, or is not imported, or (a broken export) replies to itself in a cycle.
            placed = new Kept(c, statuses.get(id), Optional.empty(), 1, c.parent());
        } else {
            Kept parent = place(c.parent(), byId, statuses, kept, placing);
            placing.remove(id);
            if (kept.containsKey(id)) {
                return kept.get(id); // the cycle came back to it and made it top level
            }
            placed = new Kept(c, statuses.get(id), Optional.of(c.parent()), Math.min(MAX_DEPTH, parent.depth() + 1),
                    0);
        }
        kept.put(id, placed);
        return placed;
    }

    /** Why a comment does not come across; empty when it does. */
    private static Optional<String> leftOut(WxrComment c) {
        String type = c.type() == null ? "" : c.type();
        if (type.equals("pingback") || type.equals("trackback")) {
            return Optional.of("en " + type + ": bara läsarkommentarer importeras");
        }
        if (!type.isEmpty() && !type.equals("comment")) {
            return Optional.of("av typen " + type + ": bara läsarkommentarer importeras");
        }
        return switch (c.approved()) {
            case "1", "0", "spam" -> Optional.empty();
            case "trash", "post-trashed" -> Optional.of("i papperskorgen");
            default -> Optional.of("okänd status '" + c.approved() + "'");
        };
    }

    private static CommentStatus status(String approved) {
        return switch (approved) {
            case "1" -> CommentStatus.APPROVED;
            case "spam" -> CommentStatus.SPAM;
            default -> CommentStatus.PENDING;
        };
    }

    /** The comments that come across, each after its parent. */
    List<Kept> kept() {
        return List.copyOf(kept.values());
    }

    /** The one that comes across with this WordPress id. */
    Optional<Kept> find(long id) {
        return Optional.ofNullable(kept.get(id));
    }

    List<Left> left() {
        return left;
    }
}
