package org.peersupport.intake.application;

import java.util.Locale;
import org.peersupport.intake.domain.Contact;
import org.peersupport.platform.crypto.Pseudonyms;
import org.peersupport.platform.security.Caller;
import org.springframework.stereotype.Component;

/**
 * Who a request is from, as a hospital-scoped pseudonym ({@code rq-…}): the caller's own subject, or, for a request
 * recorded on someone's behalf, their staff id (so it is the same requester as when they ask themselves) or else
 * their normalised contact (so the same person calling twice is one requester).
 */
@Component
public class Requesters {

    private final Pseudonyms pseudonyms;

    Requesters(Pseudonyms pseudonyms) {
        this.pseudonyms = pseudonyms;
    }

    public String of(Caller caller, String hospitalId) {
        return ofStaff(hospitalId, caller.subject());
    }

    /** A staff member by their subject at the hospital's identity provider: one requester however support starts. */
    public String ofStaff(String hospitalId, String staffSubject) {
        return pseudonyms.of("rq", hospitalId, staffSubject);
    }

    public String onBehalf(String hospitalId, OnBehalf onBehalf, Contact contact) {
        if (onBehalf.staffId().isPresent()) {
            return ofStaff(hospitalId, onBehalf.staffId().get());
        }
        // Email first when there is one (it names one person more surely than a shared phone), lower-cased; else
        // the phone's digits. Prefixed so that no normalised contact can coincide with a token's subject.
        String normalised = contact.email() != null && !contact.email().isBlank()
                ? "email:" + contact.email().strip().toLowerCase(Locale.ROOT)
                : "phone:" + contact.phone().replaceAll("[^0-9]", "");
        return pseudonyms.of("rq", hospitalId, normalised);
    }

    /** The keyed fingerprint of a command's canonical form: never a plain hash of the contact details in it. */
    public String fingerprint(String hospitalId, String canonical) {
        return pseudonyms.of("fp", hospitalId, canonical);
    }

    /** The caller's pseudonym for counting what they do, apart from their requester reference. */
    public String counterOf(Caller caller, String hospitalId) {
        return pseudonyms.of("rl", hospitalId, caller.subject());
    }
}
