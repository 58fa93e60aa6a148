package org.peersupport.matching.application;

import java.time.Clock;
import java.util.Optional;
import org.peersupport.matching.domain.Assignment;
import org.peersupport.platform.crypto.OfferLinks;
import org.peersupport.platform.crypto.OfferLinks.Action;
import org.peersupport.platform.crypto.OfferLinks.OfferLink;
import org.peersupport.platform.web.NotFoundException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * Answers an offer through the signed link of an email or SMS (notification signs it with the secret both services
 * hold): the link stands in for the supporter's token, for that one request and answer, until the offer's window
 * ends. Looking at a link changes nothing; only {@link #answer} does, so a mail scanner that follows links accepts
 * nothing.
 */
@Service
public class OfferLinkService {

    private final OfferLinks links;
    private final MatchingService matching;
    private final Clock clock;

    public OfferLinkService(@Value("${peersupport.links.secret}") String secret, MatchingService matching,
            Clock clock) {
        this.links = new OfferLinks(secret);
        this.matching = matching;
        this.clock = clock;
    }

    /** What a link would do, if it is genuine and not expired. */
    public Optional<OfferLink> read(String token) {
        return links.verify(token, clock.instant());
    }

    /** Gives the link's answer as its supporter; a link that is forged, expired or not theirs is not found. */
    public Assignment answer(String token) {
        OfferLink link = read(token).orElseThrow(() -> new NotFoundException("offer link"));
        return link.action() == Action.ACCEPT
                ? matching.acceptByLink(link.supporterId(), link.hospitalId(), link.requestId())
                : matching.declineByLink(link.supporterId(), link.hospitalId(), link.requestId());
    }
}
