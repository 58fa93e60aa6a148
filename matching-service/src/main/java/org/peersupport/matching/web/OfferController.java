package org.peersupport.matching.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.peersupport.events.ClinicalRole;
import org.peersupport.events.Modality;
import org.peersupport.matching.application.MatchingService;
import org.peersupport.matching.domain.Assignment;
import org.peersupport.matching.domain.Availability;
import org.peersupport.platform.security.Caller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** A supporter's own offers and availability: the caller is the supporter, of the hospital in their token. */
@RestController
class OfferController {

    private final MatchingService matching;
    private final Clock clock;

    OfferController(MatchingService matching, Clock clock) {
        this.matching = matching;
        this.clock = clock;
    }

    @GetMapping("/api/offers")
    List<OfferView> myOffers() {
        return matching.myOffers(Caller.current()).stream().map(OfferView::of).toList();
    }

    @PostMapping("/api/offers/{requestId}/accept")
    AnswerView accept(@PathVariable String requestId) {
        Caller caller = Caller.current();
        return AnswerView.of(matching.accept(caller, requestId), caller.subject());
    }

    @PostMapping("/api/offers/{requestId}/decline")
    AnswerView decline(@PathVariable String requestId) {
        Caller caller = Caller.current();
        return AnswerView.of(matching.decline(caller, requestId), caller.subject());
    }

    @PutMapping("/api/availability")
    AvailabilityView availability(@Valid @RequestBody AvailabilityBody body) {
        Availability set = matching.availability(Caller.current(), body.status(), body.restUntil());
        return new AvailabilityView(set.status(), set.restUntil(), set.coolDownUntil(),
                set.isAvailable(clock.instant()));
    }

    /** What a supporter needs to decide: never who asked, only how they want to meet. */
    record OfferView(String requestId, String hospitalId, ClinicalRole requesterRole, Modality preferredModality,
            String language, boolean urgent, Instant expiresAt) {

        static OfferView of(Assignment offer) {
            return new OfferView(offer.request().requestId(), offer.request().hospitalId(),
                    offer.request().requesterRole(), offer.request().preferredModality(), offer.request().language(),
                    offer.request().urgent(), offer.offeredUntil());
        }
    }

    /** Where the request stands after the answer; {@code yours} when it is now assigned to the caller. */
    record AnswerView(String requestId, Assignment.Status status, boolean yours) {

        static AnswerView of(Assignment settled, String caller) {
            return new AnswerView(settled.request().requestId(), settled.status(),
                    settled.status() == Assignment.Status.ACTIVE && caller.equals(settled.supporterId()));
        }
    }

    /** On call or away, and optionally resting until a time. */
    record AvailabilityBody(@NotNull Availability.Status status, Instant restUntil) {
    }

    record AvailabilityView(Availability.Status status, Instant restUntil, Instant coolDownUntil, boolean available) {
    }
}
