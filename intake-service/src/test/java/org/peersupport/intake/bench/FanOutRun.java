package org.peersupport.intake.bench;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.awaitility.Awaitility;
import org.peersupport.events.GroupDebriefSuggested;
import org.peersupport.events.OutreachOffered;
import org.peersupport.intake.domain.Outreach;
import org.peersupport.intake.domain.Trigger;
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
        // An offer of this trigger is recognised by its id, made of the trigger's id and the person's pseudonym.
        Predicate<OutreachOffered> ofThisTrigger = e -> e.offerId().equals(Outreach.triggerOfferId(triggerId,
                e.staffRef()));

        long start = System.nanoTime();
        Api.Response response = api.post("/api/hospitals/lakeside/triggers",
                TestTokens.token("lakeside-system", "lakeside", "hospital-system"), body);
        if (response.status() != 202) {
            throw new IllegalStateException("trigger refused: " + response.status() + " " + response.body());
        }
        Duration accepted = since(start);
        Duration[] debrief = {null};
        Awaitility.await().atMost(atMost).pollInterval(Duration.ofMillis(20)).until(() -> {
            if (debrief[0] == null && !debriefs(probe, triggerId).isEmpty()) {
                debrief[0] = since(start);
            }
            return probe.all(OutreachOffered.class, ofThisTrigger).size() >= staff && debrief[0] != null;
        });
        Duration allOffers = since(start);
        return new Result(staff, accepted, allOffers, debrief[0], probe.all(OutreachOffered.class, ofThisTrigger)
                .size(), debriefs(probe, triggerId).size());
    }

    private static List<GroupDebriefSuggested> debriefs(EventProbe probe, String triggerId) {
        return probe.all(GroupDebriefSuggested.class, e -> e.triggerId().equals(triggerId));
    }

    private static Duration since(long start) {
        return Duration.ofNanos(System.nanoTime() - start);
    }
}
