package org.peersupport.intake.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Instant;
import java.util.Optional;
import org.peersupport.events.ClinicalRole;
import org.peersupport.events.Modality;
import org.peersupport.intake.application.NewRequest;
import org.peersupport.intake.application.RequestService;
import org.peersupport.intake.domain.Contact;
import org.peersupport.intake.domain.RequestStatus;
import org.peersupport.intake.domain.SupportRequest;
import org.peersupport.platform.security.Caller;
import org.peersupport.platform.web.InvalidInputException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Requests for support, per hospital: a caller only reaches the hospital in its token. */
@RestController
@RequestMapping("/api/hospitals/{hospitalId}/requests")
class RequestController {

    private final RequestService requests;

    RequestController(RequestService requests) {
        this.requests = requests;
    }

    @PostMapping
    ResponseEntity<RequestView> submit(@PathVariable String hospitalId, @Valid @RequestBody SubmitRequestBody body,
            @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey) {
        if (idempotencyKey != null && !idempotencyKey.matches("[A-Za-z0-9._-]{8,64}")) {
            throw new InvalidInputException("Idempotency-Key", "8 to 64 letters, digits, '.', '_' or '-'");
        }
        RequestService.Submitted submitted = requests.submit(Caller.current(), hospitalId, body.toCommand(),
                Optional.ofNullable(idempotencyKey));
        SupportRequest request = submitted.request();
        return ResponseEntity.status(HttpStatus.ACCEPTED)
                .location(URI.create("/api/hospitals/" + hospitalId + "/requests/" + request.id()))
                .body(RequestView.of(request));
    }

    @GetMapping("/{requestId}")
    RequestView status(@PathVariable String hospitalId, @PathVariable String requestId) {
        return RequestView.of(requests.status(Caller.current(), hospitalId, requestId));
    }

    /** The body of a submission. Values are checked here; their messages never echo what was sent. */
    record SubmitRequestBody(
            @NotNull ClinicalRole requesterRole,
            @NotNull Modality preferredModality,
            @NotNull @Pattern(regexp = "[a-z]{2,3}", message = "must be an ISO 639 language code such as 'en'")
            String preferredLanguage,
            Boolean outsideHospitalPreferred,
            @NotNull @Valid ContactBody contact) {

        NewRequest toCommand() {
            if (isBlank(contact.phone()) && isBlank(contact.email())) {
                throw new InvalidInputException("contact.phone", "a phone number or an email address is required");
            }
            return new NewRequest(requesterRole, preferredModality, preferredLanguage,
                    Boolean.TRUE.equals(outsideHospitalPreferred),
                    new Contact(contact.name().strip(), contact.phone(), contact.email()));
        }

        private static boolean isBlank(String value) {
            return value == null || value.isBlank();
        }

        /** Spring's DEBUG web logging prints a read body with this: unvalidated input, contact details included. */
        @Override
        public String toString() {
            return "SubmitRequestBody[redacted]";
        }
    }

    record ContactBody(
            @NotBlank @Size(max = 100) @Pattern(regexp = "[^\\p{Cntrl}$<>{}]*", message = "contains characters not allowed in a name")
            String name,
            @Size(max = 32) @Pattern(regexp = "\\+?[0-9 ()./-]{5,32}", message = "must be a phone number") String phone,
            @Size(max = 254) @Email String email) {

        @Override
        public String toString() {
            return "ContactBody[redacted]";
        }
    }

    /** What the requester and coordinators see: never the contact details. */
    record RequestView(String reference, String hospitalId, RequestStatus status, Instant submittedAt,
            Instant assignedAt) {

        static RequestView of(SupportRequest request) {
            return new RequestView(request.id(), request.hospitalId(), request.status(), request.submittedAt(),
                    request.assignedAt());
        }
    }
}
