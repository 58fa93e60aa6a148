package org.peersupport.followup.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.peersupport.events.CaseOpened;
import org.peersupport.events.CheckInDue;
import org.peersupport.events.DomainEvent;

/** A case under follow-up: the supporter's check-ins with the requester after an assignment. */
public record SupportCase(String id, String hospitalId, String supporterId, Instant openedAt, int checkInsDue,
        Status status) {

    public enum Status {
        OPEN, CLOSED
    }

    /** A timer the case asks for: fire check-in {@code number} at {@code dueAt}. */
    public record CheckInTimer(int number, Instant dueAt) {

        public String id(String caseId) {
            return caseId + ":check-in:" + number;
        }
    }

    /** The new state, the events it publishes and the timers it schedules. */
    public record Decision(SupportCase supportCase, List<DomainEvent> events, List<CheckInTimer> timers) {
    }

    public static Decision open(String requestId, String hospitalId, String supporterId, Instant now,
            CheckInSchedule schedule) {
        SupportCase opened = new SupportCase(requestId, hospitalId, supporterId, now, 0, Status.OPEN);
        Instant first = schedule.dueAt(now, 1).orElseThrow();
        return new Decision(opened,
                List.of(new CaseOpened(newId(), now, hospitalId, requestId, supporterId, first)),
                List.of(new CheckInTimer(1, first)));
    }

    /** Check-in {@code number} is due: tell the supporter, and schedule the next one if the schedule has one. */
    public Decision checkInDue(int number, Instant now, CheckInSchedule schedule) {
        if (status != Status.OPEN || number <= checkInsDue) {
            return new Decision(this, List.of(), List.of());
        }
        SupportCase next = new SupportCase(id, hospitalId, supporterId, openedAt, number, status);
        List<CheckInTimer> timers = new ArrayList<>();
        schedule.dueAt(openedAt, number + 1).ifPresent(at -> timers.add(new CheckInTimer(number + 1, at)));
        return new Decision(next, List.of(new CheckInDue(newId(), now, hospitalId, id, supporterId, number)), timers);
    }

    private static String newId() {
        return UUID.randomUUID().toString();
    }
}
