package org.peersupport.intake.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.peersupport.events.ClinicalRole;
import org.peersupport.events.Modality;
import org.peersupport.events.ReasonCategory;
import org.peersupport.events.RequestOrigin;
import org.peersupport.events.SupporterGender;
import org.peersupport.events.Urgency;
import org.peersupport.intake.application.CrisisDirectory.CrisisResource;
import org.peersupport.intake.application.CrisisService;
import org.peersupport.intake.application.NewRequest;
import org.peersupport.intake.application.OnBehalf;
import org.peersupport.intake.application.RequestService;
import org.peersupport.intake.domain.Contact;
import org.peersupport.intake.domain.ContactMethod;
import org.peersupport.intake.domain.ContactPreference;
import org.peersupport.intake.domain.ContactWindow;
import org.peersupport.intake.domain.RequestDetails;
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
    private final CrisisService crisis;

    RequestController(RequestService requests, CrisisService crisis) {
        this.requests = requests;
        this.crisis = crisis;
    }

    /**
     * A request for oneself: 202 with the new request; 202 again for the same Idempotency-Key and body; 200 with the
     * requester's open request when they have one already. A screening that signals risk answers 200 with the crisis
     * resources instead, and no request is made.
     */
    @PostMapping
    ResponseEntity<?> submit(@PathVariable String hospitalId, @Valid @RequestBody SubmitRequestBody body,
            @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey) {
        Optional<String> key = idempotencyKey(idempotencyKey);
        NewRequest command = body.toCommand();
        if (body.signalsRisk()) {
            return ResponseEntity.ok(CrisisView.of(hospitalId, crisis.flag(Caller.current(), hospitalId, command)));
        }
        return answer(hospitalId, requests.submit(Caller.current(), hospitalId, command, key));
    }

    /** A coordinator records a request for someone who phoned, wrote or walked in; answered as a submission. */
    @PostMapping("/on-behalf")
    ResponseEntity<?> recordOnBehalf(@PathVariable String hospitalId, @Valid @RequestBody OnBehalfBody body,
            @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey) {
        Optional<String> key = idempotencyKey(idempotencyKey);
        NewRequest command = body.request().toCommand();
        OnBehalf onBehalf = new OnBehalf(body.channel(), Optional.ofNullable(body.staffId()));
        if (body.request().signalsRisk()) {
            return ResponseEntity.ok(CrisisView.of(hospitalId,
                    crisis.flagOnBehalf(Caller.current(), hospitalId, command, onBehalf)));
        }
        return answer(hospitalId, requests.recordOnBehalf(Caller.current(), hospitalId, command, onBehalf, key));
    }

    @GetMapping("/{requestId}")
    RequestView status(@PathVariable String hospitalId, @PathVariable String requestId) {
        return RequestView.of(requests.status(Caller.current(), hospitalId, requestId), false);
    }

    /** The requester (or the hospital's coordinator) withdraws: 202 the first time, 200 when it was already. */
    @PostMapping("/{requestId}/withdrawal")
    ResponseEntity<RequestView> withdraw(@PathVariable String hospitalId, @PathVariable String requestId) {
        RequestService.Withdrawal withdrawal = requests.withdraw(Caller.current(), hospitalId, requestId);
        return ResponseEntity.status(withdrawal.changed() ? HttpStatus.ACCEPTED : HttpStatus.OK)
                .body(RequestView.of(withdrawal.request(), false));
    }

    private static Optional<String> idempotencyKey(String idempotencyKey) {
        if (idempotencyKey != null && !idempotencyKey.matches("[A-Za-z0-9._-]{8,64}")) {
            throw new InvalidInputException("Idempotency-Key", "8 to 64 letters, digits, '.', '_' or '-'");
        }
        return Optional.ofNullable(idempotencyKey);
    }

    static ResponseEntity<RequestView> answer(String hospitalId, RequestService.Submitted submitted) {
        SupportRequest request = submitted.request();
        boolean alreadyOpen = submitted.outcome() == RequestService.Submitted.Outcome.ALREADY_OPEN;
        return ResponseEntity.status(alreadyOpen ? HttpStatus.OK : HttpStatus.ACCEPTED)
                .location(URI.create("/api/hospitals/" + hospitalId + "/requests/" + request.id()))
                .body(RequestView.of(request, alreadyOpen));
    }

    /** The body of a submission. Values are checked here; their messages never echo what was sent. */
    record SubmitRequestBody(
            @NotNull ClinicalRole requesterRole,
            @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9 ._/-]{0,19}", message = "must be a unit code such as 'ICU-4'")
            String unit,
            ReasonCategory reasonCategory,
            Urgency urgency,
            @NotNull Modality preferredModality,
            @NotNull @Pattern(regexp = "[a-z]{2,3}", message = "must be an ISO 639 language code such as 'en'")
            String preferredLanguage,
            Boolean sameRolePreferred,
            Boolean outsideUnitPreferred,
            Boolean outsideHospitalPreferred,
            SupporterGender supporterGender,
            @NotNull @Valid ContactBody contact,
            ContactMethod contactMethod,
            ContactWindow contactWindow,
            @Valid ScreeningBody screening) {

        /** The first shape of a submission, for callers and tests that know only it. */
        SubmitRequestBody(ClinicalRole requesterRole, Modality preferredModality, String preferredLanguage,
                Boolean outsideHospitalPreferred, ContactBody contact) {
            this(requesterRole, null, null, null, preferredModality, preferredLanguage, null, null,
                    outsideHospitalPreferred, null, contact, null, null, null);
        }

        NewRequest toCommand() {
            if (isBlank(contact.phone()) && isBlank(contact.email())) {
                throw new InvalidInputException("contact.phone", "a phone number or an email address is required");
            }
            Contact reach = new Contact(contact.name().strip(), contact.phone(), contact.email());
            RequestDetails details = new RequestDetails(requesterRole, unit, reasonCategory, urgency,
                    preferredModality, preferredLanguage, sameRolePreferred, outsideUnitPreferred,
                    Boolean.TRUE.equals(outsideHospitalPreferred),
                    supporterGender, RequestOrigin.SELF);
            return new NewRequest(details, reach, ContactPreference.forContact(reach, contactMethod, contactWindow));
        }

        boolean signalsRisk() {
            return screening != null && Boolean.TRUE.equals(screening.riskOfHarmToSelf());
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

    /**
     * The form's crisis screening: "Are you thinking about harming yourself?" A yes is never queued as peer
     * support: crisis resources come back at once and the coordinator is alerted.
     */
    record ScreeningBody(Boolean riskOfHarmToSelf) {

        @Override
        public String toString() {
            return "ScreeningBody[redacted]";
        }
    }

    /** A request recorded by a coordinator: how the caller reached them, their staff id if known, and the request. */
    record OnBehalfBody(
            @NotNull OnBehalf.Channel channel,
            @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9._@-]{0,63}", message = "must be a staff identifier")
            String staffId,
            @NotNull @Valid SubmitRequestBody request) {

        @Override
        public String toString() {
            return "OnBehalfBody[redacted]";
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
            Instant assignedAt, Instant withdrawnAt, String unit, ReasonCategory reasonCategory, Urgency urgency,
            RequestOrigin origin, boolean alreadyOpen) {

        static RequestView of(SupportRequest request, boolean alreadyOpen) {
            RequestDetails details = request.details();
            return new RequestView(request.id(), request.hospitalId(), request.status(), request.submittedAt(),
                    request.assignedAt(), request.withdrawnAt(), details.unit(), details.reasonCategory(),
                    details.urgency(), details.origin(), alreadyOpen);
        }
    }

    /** What someone at risk sees at once: the lines to call now. Nothing is queued; the coordinator will call back. */
    record CrisisView(boolean crisis, String hospitalId, String message, List<CrisisResource> resources) {

        static CrisisView of(String hospitalId, List<CrisisResource> resources) {
            return new CrisisView(true, hospitalId, "If you are in danger now, call 911. You can call or text 988 "
                    + "at any time. Your hospital's peer support coordinator has been alerted and will contact you.",
                    resources);
        }
    }
}
