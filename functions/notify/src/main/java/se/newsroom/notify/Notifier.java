package se.newsroom.notify;

/** Where a notice goes: an SNS topic when deployed ({@link SnsNotifier}); the console in the local runner. */
@FunctionalInterface
public interface Notifier {
    /** Sends the notice; throws when it could not be handed over (the caller keeps what it covers for later). */
    void send(Notice notice);
}
