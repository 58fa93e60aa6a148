package org.peersupport.matching;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.peersupport.events.ClinicalRole;
import org.peersupport.events.Modality;
import org.peersupport.events.SupporterCertified;
import org.peersupport.matching.persistence.SupporterDocument;
import org.peersupport.platform.messaging.EventCodec;
import org.peersupport.platform.test.EventProbe;
import org.peersupport.platform.test.ServiceTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.test.annotation.DirtiesContext;

/**
 * The pool is built only from training's certifications, and a certification never moves a supporter into another
 * hospital's pool. Closed afterwards, like the other matching contexts, so no cached one keeps consuming as
 * {@code matching}.
 */
@ServiceTest
@DirtiesContext
class UntrustedEventsTest {

    static final EventProbe probe = EventProbe.shared();

    @Autowired
    MongoTemplate mongo;

    private static String hospital() {
        return "h" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static SupporterCertified certified(String hospital, String supporterId, int capacity) {
        return new SupporterCertified(UUID.randomUUID().toString(), Instant.now(), hospital, supporterId,
                ClinicalRole.NURSE, List.of("en"), List.of(Modality.PHONE), capacity,
                Instant.now().plusSeconds(86_400));
    }

    private Document supporter(String id) {
        return mongo.getCollection(SupporterDocument.COLLECTION).find(new Document("_id", id)).first();
    }

    @Test
    void aForgedCertificationPutsNobodyInThePool() {
        String hospital = hospital();
        SupporterCertified forged = certified(hospital, hospital + "-staff-1", 99);

        try (EventProbe dlq = EventProbe.deadLetters("matching")) {
            probe.publishAs("/evil", forged);

            assertThat(EventProbe.header(dlq.awaitRecord(forged.eventId()), "x-exception-message"))
                    .contains("untrusted").doesNotContain(hospital);
        }
        assertThat(supporter(forged.supporterId())).isNull();
    }

    @Test
    void aCertificationWithTrainingsSourceOnAnotherTopicIsUntrusted() {
        String hospital = hospital();
        SupporterCertified misplaced = certified(hospital, hospital + "-staff-2", 99);

        try (EventProbe dlq = EventProbe.deadLetters("matching")) {
            // Whoever may write the intake topic could put training's type and source on a record there.
            probe.publishRaw("peersupport.intake.v1", misplaced.supporterId(),
                    new EventCodec().encodeToString(misplaced).getBytes(StandardCharsets.UTF_8),
                    Map.of("ce_specversion", "1.0", "ce_id", misplaced.eventId(),
                            "ce_type", "peersupport.supporter.certified.v1", "ce_source", "/peersupport/training",
                            "ce_subject", misplaced.supporterId()));

            dlq.awaitRecord(misplaced.eventId());
        }
        assertThat(supporter(misplaced.supporterId())).isNull();
    }

    @Test
    void aCertificationNamingAnotherHospitalDoesNotMoveTheSupporter() {
        String home = hospital();
        String other = hospital();
        String supporterId = home + "-supporter-1";
        probe.publish(certified(home, supporterId, 2));
        await().atMost(Duration.ofSeconds(30)).until(() -> supporter(supporterId) != null);

        SupporterCertified move = certified(other, supporterId, 99);
        try (EventProbe dlq = EventProbe.deadLetters("matching")) {
            probe.publish(move);

            dlq.awaitRecord(move.eventId());
        }
        Document stored = supporter(supporterId);
        assertThat(stored.getString("hospitalId")).isEqualTo(home);
        assertThat(stored.getInteger("capacity")).isEqualTo(2);
        assertThat(stored.getList("handled", String.class, List.of())).doesNotContain(move.eventId());
    }
}
