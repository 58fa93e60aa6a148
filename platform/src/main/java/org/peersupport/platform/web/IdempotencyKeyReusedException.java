package org.peersupport.platform.web;

/**
 * An {@code Idempotency-Key} sent again with a different body: answered 422, as the IETF Idempotency-Key draft
 * (draft-ietf-httpapi-idempotency-key-header) asks, instead of silently returning what the first body made.
 */
public class IdempotencyKeyReusedException extends RuntimeException {

    public IdempotencyKeyReusedException() {
        super("The Idempotency-Key was already used with a different request body.", null, false, false);
    }
}
