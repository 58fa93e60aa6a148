package org.peersupport.notification.web;

import java.time.Instant;
import java.util.List;
import org.peersupport.notification.application.DeliveryService;
import org.peersupport.notification.domain.Channel;
import org.peersupport.notification.domain.Delivery;
import org.peersupport.platform.security.Caller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The coordinator's view of notices that reached nobody outside the console: whom, what kind, which channels. */
@RestController
class DeliveryFailuresController {

    private final DeliveryService deliveries;

    DeliveryFailuresController(DeliveryService deliveries) {
        this.deliveries = deliveries;
    }

    @GetMapping("/api/hospitals/{hospitalId}/notification-failures")
    List<FailureView> failures(@PathVariable String hospitalId) {
        return deliveries.failures(Caller.current(), hospitalId).stream().map(FailureView::of).toList();
    }

    @PostMapping("/api/hospitals/{hospitalId}/notification-failures/{deliveryId}/retry")
    @ResponseStatus(HttpStatus.ACCEPTED)
    void retry(@PathVariable String hospitalId, @PathVariable String deliveryId) {
        deliveries.retry(Caller.current(), hospitalId, deliveryId);
    }

    record FailureView(String id, String recipientId, String kind, String aboutId, List<Channel> channelsTried,
            Instant failedAt) {

        static FailureView of(Delivery d) {
            return new FailureView(d.id(), d.recipientId(), d.notice().name(), d.aboutId(), d.channels(),
                    d.doneAt());
        }
    }
}
