package se.newsroom.error;

/** Thrown when a listing is given a cursor it did not give out (or one for another listing); answered 400. */
public final class InvalidCursorException extends NewsroomException {
    public InvalidCursorException() {
        super("The cursor is not one this listing gave out; start again without it.",
                FieldError.only("cursor", "is not a cursor from this listing"));
    }
}
