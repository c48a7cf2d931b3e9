package se.newsroom.http;

/**
 * The signed-in editor making a request, from the JWT claims the API's authorizer verified.
 *
 * @param subject the user's stable id ({@code sub})
 * @param name    how to show the user, e.g. as an article's default author
 */
public record Editor(String subject, String name) {
}
