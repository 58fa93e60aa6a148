package org.peersupport.intake.persistence;

/**
 * Contact fields as ciphertexts bound to their document; plaintext never reaches the store. The contact method and
 * window are sealed with them: they say how to reach a person and belong with the rest.
 */
public record SealedContact(String name, String phone, String email, String requesterSubject, String method,
        String window) {
}
