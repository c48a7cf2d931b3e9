package se.newsroom.media;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.S3Event;
import com.amazonaws.services.lambda.runtime.events.models.s3.S3EventNotification.S3EventNotificationRecord;

import se.newsroom.config.Env;
import se.newsroom.config.SnapStartPriming;

/** The uploads bucket's ObjectCreated events: each uploaded file becomes a ready picture or an error. */
public final class MediaFunction implements RequestHandler<S3Event, Void> {
    private final UploadedPictures pictures;

    /** Used by the Lambda runtime: builds the clients once per container. */
    public MediaFunction() {
        this(MediaWiring.pictures(MediaConfig.from(Env.system()), System.out::println));
        SnapStartPriming.register("MediaFunction", () -> MediaPriming.run(new ImageVariants()));
    }

    /** For tests and the local runner. */
    public MediaFunction(UploadedPictures pictures) {
        this.pictures = pictures;
    }

    @Override
    public Void handleRequest(S3Event event, Context context) {
        for (S3EventNotificationRecord record : event.getRecords()) {
            pictures.process(record.getS3().getBucket().getName(), record.getS3().getObject().getUrlDecodedKey());
        }
        return null;
    }
}
