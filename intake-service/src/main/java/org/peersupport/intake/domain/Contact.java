package org.peersupport.intake.domain;

/** How the assigned supporter can reach the requester. Only ever stored encrypted, only ever shown to that supporter. */
public record Contact(String name, String phone, String email) {

    public Contact {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("name");
        }
        if ((phone == null || phone.isBlank()) && (email == null || email.isBlank())) {
            throw new IllegalArgumentException("phone or email");
        }
    }

    @Override
    public String toString() {
        return "Contact[redacted]";
    }
}
