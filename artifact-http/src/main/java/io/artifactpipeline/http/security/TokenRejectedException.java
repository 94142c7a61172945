package io.artifactpipeline.http.security;

/**
 * A bearer token that does not authenticate anybody. The message is safe to send to the client (it goes
 * into {@code WWW-Authenticate}'s error_description): it says what is wrong, never what the keys are.
 */
final class TokenRejectedException extends Exception {
    TokenRejectedException(String message) {
        super(message, null, false, false);
    }
}
