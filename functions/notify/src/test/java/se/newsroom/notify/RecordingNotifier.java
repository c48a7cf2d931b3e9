package se.newsroom.notify;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A notifier for tests: keeps every notice it is handed. */
final class RecordingNotifier implements Notifier {
    private final List<Notice> sent = new CopyOnWriteArrayList<>();

    @Override
    public void send(Notice notice) {
        sent.add(notice);
    }

    List<Notice> sent() {
        return List.copyOf(sent);
    }
}
