package se.newsroom.aws;

import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;

/**
 * The one HTTP client of a function, shared by all its SDK clients and signed calls. Each client built reads the
 * JDK's trust store and sets up TLS on its own, which on a cold start costs about 20 ms of CPU a time; one is enough
 * (it is thread-safe, and a service client does not close an HTTP client it was given).
 */
public final class SharedHttpClient {
    private SharedHttpClient() {
    }

    private static final class Holder {
        static final SdkHttpClient CLIENT = UrlConnectionHttpClient.create();
    }

    /** The client, built on first use. */
    public static SdkHttpClient get() {
        return Holder.CLIENT;
    }
}
