package se.newsroom.emulators;

/** A fault an AWS service, or the network in front of it, gives one call. */
public enum Fault {
    /** Refused unapplied: DynamoDB's ProvisionedThroughputExceededException (400), S3's 503 SlowDown. */
    THROTTLING,
    /** Refused unapplied with a 500: DynamoDB's InternalServerError, S3's InternalError. */
    SERVER_ERROR,
    /** No answer: the call waits, then times out reading; the request never arrived. */
    TIMEOUT,
    /** The request is applied, then the connection is reset before the answer arrives. */
    RESET_AFTER_WRITE
}
