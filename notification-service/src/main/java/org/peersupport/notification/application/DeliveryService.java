package org.peersupport.notification.application;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.peersupport.notification.channels.GuardedChannels;
import org.peersupport.notification.channels.ProviderFailure;
import org.peersupport.notification.domain.Channel;
import org.peersupport.notification.domain.Delivery;
import org.peersupport.notification.domain.Notice;
import org.peersupport.notification.domain.Templates;
import org.peersupport.notification.domain.Templates.Links;
import org.peersupport.notification.domain.Templates.Rendered;
import org.peersupport.notification.persistence.DeliveryDocument;
import org.peersupport.notification.persistence.Preferences;
import org.peersupport.platform.crypto.OfferLinks;
import org.peersupport.platform.crypto.OfferLinks.Action;
import org.peersupport.platform.crypto.OfferLinks.OfferLink;
import org.peersupport.platform.outbox.AggregateStore;
import org.peersupport.platform.security.Caller;
import org.peersupport.platform.security.Role;
import org.peersupport.platform.timers.TimerHandler;
import org.peersupport.platform.web.NotFoundException;
import org.peersupport.platform.timers.TimerTask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Makes each attempt of a delivery when its timer fires: renders the notice for the channel being tried, hands it to
 * that channel's guarded provider with the message's dedupe key, and records what became of it. The provider call
 * is outside the decision (which must be free of side effects); a crash between the two sends again under the same
 * key, which the provider drops.
 */
@Service
public class DeliveryService implements TimerHandler {

    private static final Logger log = LoggerFactory.getLogger(DeliveryService.class);

    private final AggregateStore<DeliveryDocument> deliveries;
    private final PreferencesService preferences;
    private final Preferences lists;
    private final GuardedChannels channels;
    private final OfferLinks offerLinks;
    private final NotificationSettings settings;
    private final Clock clock;

    public DeliveryService(AggregateStore<DeliveryDocument> deliveries, PreferencesService preferences,
            Preferences lists, GuardedChannels channels, OfferLinks offerLinks, NotificationSettings settings,
            Clock clock) {
        this.deliveries = deliveries;
        this.preferences = preferences;
        this.lists = lists;
        this.channels = channels;
        this.offerLinks = offerLinks;
        this.settings = settings;
        this.clock = clock;
    }

    @Override
    public String type() {
        return Delivery.DELIVER_TIMER;
    }

    @Override
    public void fire(TimerTask timer) {
        Optional<Delivery> found = deliveries.find(timer.aggregateId()).map(DeliveryDocument::toDomain);
        if (found.isEmpty() || !found.get().isAttempt(timer.payload())) {
            return;
        }
        Delivery delivery = found.get();
        Channel channel = delivery.channel();
        boolean sent = attempt(delivery, channel);
        Instant now = clock.instant();
        deliveries.apply(delivery.id(), timer.id(), (Delivery current) -> sent ? current.sent(channel, now)
                : current.failedOn(channel, now)).changedTo()
                .filter(after -> after.status() == Delivery.Status.FAILED)
                .ifPresent(failed -> {
                    log.warn("delivery {} failed on every channel {}", failed.id(), failed.channels());
                    lists.listFailure(failed.hospitalId(), failed.id());
                });
    }

    private boolean attempt(Delivery delivery, Channel channel) {
        Optional<String> address = preferences.of(delivery.recipientId(), delivery.hospitalId())
                .map(p -> p.addressFor(channel));
        if (address.isEmpty() || !channels.available(channel)) {
            log.info("delivery {}: no {} address or provider", delivery.id(), channel);
            return false;
        }
        try {
            channels.send(channel, address.get(), render(delivery, channel), delivery.keyFor(channel));
            return true;
        } catch (ProviderFailure failure) {
            log.warn("delivery {} on {}: {}", delivery.id(), channel, failure.getMessage());
            return false;
        }
    }

    /** What {@code delivery} says on {@code channel}: fixed words and links, nothing the event carried. */
    public Rendered render(Delivery delivery, Channel channel) {
        return Templates.render(delivery.notice(), channel, links(delivery));
    }

    private Links links(Delivery delivery) {
        String console = settings.consoleUrl();
        if (delivery.notice() != Notice.NEW_OFFER || delivery.offerExpiresAt() == null) {
            return Links.console(console);
        }
        String base = settings.offerLinkUrl().replaceAll("/+$", "") + "/";
        return new Links(console,
                base + offerLinks.sign(new OfferLink(Action.ACCEPT, delivery.hospitalId(), delivery.aboutId(),
                        delivery.recipientId(), delivery.offerExpiresAt())),
                base + offerLinks.sign(new OfferLink(Action.DECLINE, delivery.hospitalId(), delivery.aboutId(),
                        delivery.recipientId(), delivery.offerExpiresAt())),
                delivery.offerExpiresAt());
    }

    /** The coordinator tries a failed delivery again: off the failure list, and back on it if it fails again. */
    public Delivery retry(Caller caller, String hospitalId, String deliveryId) {
        caller.require(Role.COORDINATOR).requireHospital(hospitalId);
        Delivery again = deliveries.apply(deliveryId, null, (Delivery current) -> {
            if (!current.hospitalId().equals(hospitalId)) {
                throw new NotFoundException("Delivery");
            }
            return current.retry(clock.instant());
        }).decision().map(d -> d.state()).orElseThrow(() -> new NotFoundException("Delivery"));
        lists.unlistFailure(hospitalId, deliveryId);
        log.info("delivery {} tried again by the coordinator", deliveryId);
        return again;
    }

    /** The hospital's deliveries that reached nobody outside the console, newest last: the coordinator's view. */
    public List<Delivery> failures(Caller caller, String hospitalId) {
        caller.require(Role.COORDINATOR).requireHospital(hospitalId);
        return lists.failuresOf(hospitalId).stream()
                .map(deliveries::find).flatMap(Optional::stream).map(DeliveryDocument::toDomain)
                .filter(d -> d.hospitalId().equals(hospitalId) && d.status() == Delivery.Status.FAILED)
                .toList();
    }
}
