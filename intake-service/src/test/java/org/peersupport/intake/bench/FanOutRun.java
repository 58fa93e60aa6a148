package org.peersupport.intake.bench;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;
import org.peersupport.events.EventType;
import org.peersupport.events.GroupDebriefSuggested;
import org.peersupport.events.OutreachOffered;
import org.peersupport.intake.domain.Outreach;
import org.peersupport.intake.domain.Trigger;
import org.peersupport.platform.messaging.EventCodec;
import org.peersupport.platform.test.Api;
import org.peersupport.platform.test.EventProbe;
import org.peersupport.platform.test.TestTokens;

/**
 * One trigger naming {@code staff} people, posted over HTTPS as Lakeside's system, timed until every one of their
 * {@code OutreachOffered} is on the intake topic, and until its one {@code GroupDebriefSuggested} is. Used by the
 * scale test and by the benchmark main.
 */
public final class FanOutRun {

    /** Times from the POST: its 202, every offer seen on the topic, the debrief suggestion seen; and the counts. */
    public record Result(int staff, Duration accepted, Duration allOffers, Duration debrief, int offers,
            int debriefs) {
    }

    private static final EventCodec CODEC = new EventCodec();
    private static final EventType OFFERED = EventType.of(OutreachOffered.class);
    private static final EventType DEBRIEF = EventType.of(GroupDebriefSuggested.class);

    private FanOutRun() {
    }

    public static Result run(Api api, EventProbe probe, int staff, Duration atMost) {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String triggerId = Trigger.idFor("lakeside", "AE-" + tag);
        String body = "{\"hospitalEventId\":\"AE-" + tag + "\",\"occurredAt\":\"2026-11-24T08:30:00Z\","
                + "\"category\":\"ADVERSE_EVENT\",\"involvedStaff\":["
                + IntStream.rangeClosed(1, staff).mapToObj(i -> "{\"staffId\":\"lakeside-" + tag + "-" + i + "\"}")
                        .collect(Collectors.joining(","))
                + "]}";

        long start = System.nanoTime();
        Api.Response response = api.post("/api/hospitals/lakeside/triggers",
                TestTokens.token("lakeside-system", "lakeside", "hospital-system"), body);
        if (response.status() != 202) {
            throw new IllegalStateException("trigger refused: " + response.status() + " " + response.body());
        }
        Duration accepted = since(start);
        Duration[] debrief = {null};
        Set<String> offers = new HashSet<>();
        int[] read = {0};
        // Only the records that arrived since the last look are decoded: the probe holds every record of the run.
        Awaitility.await().atMost(atMost).pollInterval(Duration.ofMillis(50)).until(() -> {
            List<ConsumerRecord<byte[], byte[]>> records = probe.records();
            for (; read[0] < records.size(); read[0]++) {
                ConsumerRecord<byte[], byte[]> record = records.get(read[0]);
                String type = EventProbe.header(record, "ce_type");
                if (OFFERED.wireType().equals(type)) {
                    OutreachOffered offer = (OutreachOffered) CODEC.decode(OFFERED, record.value());
                    if (offer.offerId().equals(Outreach.triggerOfferId(triggerId, offer.staffRef()))) {
                        offers.add(offer.offerId());
                    }
                } else if (DEBRIEF.wireType().equals(type) && debrief[0] == null
                        && ((GroupDebriefSuggested) CODEC.decode(DEBRIEF, record.value())).triggerId().equals(triggerId)) {
                    debrief[0] = since(start);
                }
            }
            return offers.size() >= staff && debrief[0] != null;
        });
        Duration allOffers = since(start);
        return new Result(staff, accepted, allOffers, debrief[0], offers.size(), debriefs(probe, triggerId).size());
    }

    private static List<GroupDebriefSuggested> debriefs(EventProbe probe, String triggerId) {
        return probe.all(GroupDebriefSuggested.class, e -> e.triggerId().equals(triggerId));
    }

    private static Duration since(long start) {
        return Duration.ofNanos(System.nanoTime() - start);
    }
}
