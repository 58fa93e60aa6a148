package org.peersupport.intake.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.peersupport.intake.application.ContactReadService;
import org.peersupport.intake.application.ContactSealer.OpenedContact;
import org.peersupport.intake.domain.ContactRead;
import org.peersupport.platform.security.Caller;
import org.peersupport.platform.web.InvalidInputException;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The assigned supporter's read of their requester's contact details, and the coordinator's audit of such reads. */
@RestController
@RequestMapping("/api/hospitals/{hospitalId}")
class ContactController {

    private final ContactReadService contacts;

    ContactController(ContactReadService contacts) {
        this.contacts = contacts;
    }

    /** For the supporter who holds the request only (404 for anyone else); audited either way; never cached. */
    @GetMapping("/requests/{requestId}/contact")
    ResponseEntity<ContactView> contact(@PathVariable String hospitalId, @PathVariable String requestId) {
        OpenedContact opened = contacts.read(Caller.current(), hospitalId, requestId);
        return ResponseEntity.ok().cacheControl(CacheControl.noStore())
                .body(new ContactView(requestId, opened.name(), opened.phone(), opened.email(), opened.method(),
                        opened.window()));
    }

    /** The audit of one request's contact reads, for the hospital's coordinator: who, when, granted or refused. */
    @GetMapping("/requests/{requestId}/contact-reads")
    List<ContactReadView> readsOfRequest(@PathVariable String hospitalId, @PathVariable String requestId) {
        return contacts.readsOf(Caller.current(), hospitalId, requestId).stream().map(ContactReadView::of).toList();
    }

    /** The audit of a day's contact reads in the hospital ({@code day}: an ISO date, UTC; today by default). */
    @GetMapping("/contact-reads")
    List<ContactReadView> readsOfDay(@PathVariable String hospitalId,
            @RequestParam(name = "day", required = false) String day) {
        return contacts.readsOn(Caller.current(), hospitalId, day(day)).stream().map(ContactReadView::of).toList();
    }

    private static LocalDate day(String day) {
        if (day == null) {
            return LocalDate.now(ZoneOffset.UTC);
        }
        try {
            return LocalDate.parse(day);
        } catch (DateTimeParseException e) {
            throw new InvalidInputException("day", "must be an ISO date such as 2026-11-24");
        }
    }

    /** The contact a supporter reaches out with. Spring's DEBUG web logging prints a body with this: redacted. */
    record ContactView(String requestId, String name, String phone, String email, String contactMethod,
            String contactWindow) {

        @Override
        public String toString() {
            return "ContactView[redacted]";
        }
    }

    /** One audited read: never a value. */
    record ContactReadView(String requestId, String reader, String readerHospitalId, Instant at, String outcome) {

        static ContactReadView of(ContactRead read) {
            return new ContactReadView(read.requestId(), read.reader(), read.readerHospitalId(), read.at(),
                    read.outcome().name());
        }
    }
}
