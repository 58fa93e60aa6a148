package org.peersupport.followup.application;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HexFormat;
import java.util.UUID;
import org.peersupport.events.ClosureReason;
import org.peersupport.followup.domain.Feedback;
import org.peersupport.followup.domain.SupportCase;
import org.peersupport.followup.persistence.FeedbackDocument;
import org.peersupport.followup.persistence.FeedbackLinks;
import org.peersupport.platform.kernel.Decision;
import org.peersupport.platform.outbox.AggregateStore;
import org.peersupport.platform.security.Caller;
import org.peersupport.platform.web.NotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * The one-time anonymous feedback link of a closed case and its answers. The supporter takes the link once (with
 * their closure, or later for a case closed after its last check-in) to hand to the person. The link is a random
 * token; only its SHA-256 is stored, with the hospital and the month, never the case: the case keeps only that its
 * link was taken. The answer uses the link up and is stored under an id of its own with the hospital and month, so
 * nothing links it to the case, the supporter or the person.
 */
@Service
public class FeedbackService {

    private static final Logger log = LoggerFactory.getLogger(FeedbackService.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final FollowupService followup;
    private final FeedbackLinks links;
    private final AggregateStore<FeedbackDocument> answers;
    private final FollowupProperties properties;
    private final Clock clock;

    public FeedbackService(FollowupService followup, FeedbackLinks links, AggregateStore<FeedbackDocument> answers,
            FollowupProperties properties, Clock clock) {
        this.followup = followup;
        this.links = links;
        this.answers = answers;
        this.properties = properties;
        this.clock = clock;
    }

    /** A closed case and, when its supporter closed it and it has one, its feedback link. */
    public record Closure(SupportCase closed, String feedbackToken) {
    }

    /** The supporter (or the coordinator) closes the case; the supporter gets its feedback link with it. */
    public Closure close(Caller caller, String hospitalId, String caseId) {
        SupportCase closed = followup.close(caller, hospitalId, caseId);
        boolean linkDue = caller.subject().equals(closed.supporterId()) && !closed.feedbackLinkTaken()
                && closed.closedBecause() != ClosureReason.WITHDRAWN;
        return new Closure(closed, linkDue ? takeLink(caller, hospitalId, caseId) : null);
    }

    /**
     * The case's feedback link, for its supporter, once. The link is stored before the case records it taken, so a
     * link is never promised that does not exist; when the case refuses (taken already), the new link is removed.
     */
    public String takeLink(Caller caller, String hospitalId, String caseId) {
        String token = newToken();
        Instant now = clock.instant();
        links.add(hash(token), hospitalId, monthOf(now).toString(), now.plus(properties.feedbackLinkValidFor()));
        try {
            followup.takeFeedbackLink(caller, hospitalId, caseId);
        } catch (RuntimeException refused) {
            links.remove(hash(token));
            throw refused;
        }
        log.info("case {}: feedback link taken", caseId);
        return token;
    }

    /** An answer through a link, which it uses up; a link unknown, used or lapsed is not found. */
    public void answer(String token, Feedback.Pulse pulse) {
        Instant now = clock.instant();
        FeedbackLinks.Link link = links.use(hash(token), now).orElseThrow(() -> new NotFoundException("Feedback link"));
        Decision<Feedback> decision = Feedback.receive(UUID.randomUUID().toString(), link.hospitalId(),
                YearMonth.parse(link.month()), pulse, now);
        answers.insert(new FeedbackDocument(decision.state()), null, decision);
        log.info("feedback received");
    }

    private static YearMonth monthOf(Instant at) {
        return YearMonth.from(at.atZone(ZoneOffset.UTC));
    }

    private static String newToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** A plain hash is enough: the token is 256 random bits, nothing to guess. */
    static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
