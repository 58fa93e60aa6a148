package org.peersupport.intake.web;

import org.peersupport.intake.application.FhirTriggerReader;
import org.peersupport.intake.application.TriggerGate;
import org.peersupport.intake.application.TriggerService;
import org.peersupport.platform.security.Caller;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The HTTPS door for hospital systems' adverse-event triggers: plain JSON through the minimal-data gate, or FHIR R4
 * {@code AdverseEvent} through the {@link FhirTriggerReader}. Bodies are read as bytes, so no field reaches a Java
 * object before the gate has refused what must not pass.
 */
@RestController
@RequestMapping("/api/hospitals/{hospitalId}/triggers")
class TriggerController {

    static final String FHIR_JSON = "application/fhir+json";

    private final TriggerService triggers;
    private final FhirTriggerReader fhir;

    TriggerController(TriggerService triggers, FhirTriggerReader fhir) {
        this.triggers = triggers;
        this.fhir = fhir;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<TriggerView> json(@PathVariable String hospitalId, @RequestBody byte[] body) {
        TriggerGate gate = triggers.gate();
        return accepted(triggers.report(Caller.current(), hospitalId, () -> gate.read(body)));
    }

    @PostMapping(consumes = FHIR_JSON)
    ResponseEntity<TriggerView> fhir(@PathVariable String hospitalId, @RequestBody byte[] body) {
        return accepted(triggers.report(Caller.current(), hospitalId,
                () -> new TriggerGate.Passed(null, fhir.read(hospitalId, body))));
    }

    private static ResponseEntity<TriggerView> accepted(TriggerService.Received received) {
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(new TriggerView(received.triggerId()));
    }

    /** The trigger's id in the network, the same for the same hospital event; nothing of what was sent. */
    record TriggerView(String triggerId) {
    }
}
