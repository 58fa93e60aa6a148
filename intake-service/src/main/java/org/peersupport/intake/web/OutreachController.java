package org.peersupport.intake.web;

import jakarta.validation.Valid;
import java.time.Instant;
import java.util.List;
import org.peersupport.events.OutreachOrigin;
import org.peersupport.intake.application.CrisisService;
import org.peersupport.intake.application.NewRequest;
import org.peersupport.intake.application.OutreachService;
import org.peersupport.intake.domain.Outreach;
import org.peersupport.platform.security.Caller;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** A staff member's own outreach offers: see the open ones, accept one (a request follows) or decline it. */
@RestController
@RequestMapping("/api/hospitals/{hospitalId}/outreach-offers")
class OutreachController {

    private final OutreachService outreach;
    private final CrisisService crisis;

    OutreachController(OutreachService outreach, CrisisService crisis) {
        this.outreach = outreach;
        this.crisis = crisis;
    }

    @GetMapping
    List<OfferView> open(@PathVariable String hospitalId) {
        return outreach.openOffers(Caller.current(), hospitalId).stream().map(OfferView::of).toList();
    }

    /**
     * The body is a self-referral's: accepting asks for support exactly as asking for it oneself does, crisis screening
     * included (a signal of risk answers with the crisis lines and flags it; the offer stays open).
     */
    @PostMapping("/{offerId}/acceptance")
    ResponseEntity<?> accept(@PathVariable String hospitalId, @PathVariable String offerId,
            @Valid @RequestBody RequestController.SubmitRequestBody body) {
        NewRequest command = body.toCommand();
        if (body.signalsRisk()) {
            return ResponseEntity.ok(RequestController.CrisisView.of(hospitalId,
                    crisis.flag(Caller.current(), hospitalId, command)));
        }
        return RequestController.answer(hospitalId, outreach.accept(Caller.current(), hospitalId, offerId, command));
    }

    @PostMapping("/{offerId}/decline")
    ResponseEntity<Void> decline(@PathVariable String hospitalId, @PathVariable String offerId) {
        outreach.decline(Caller.current(), hospitalId, offerId);
        return ResponseEntity.noContent().build();
    }

    /** What the offered person sees: when it ends and why it came (a trigger or a colleague), never who referred. */
    record OfferView(String offerId, OutreachOrigin origin, Instant offeredAt, Instant expiresAt) {

        static OfferView of(Outreach offer) {
            return new OfferView(offer.id(), offer.origin(), offer.offeredAt(), offer.expiresAt());
        }
    }
}
