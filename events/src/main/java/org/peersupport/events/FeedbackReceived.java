package org.peersupport.events;

import java.time.Instant;

/**
 * One anonymous answer to the pulse given at a case's closure, unlinkable to it: the hospital, the month
 * ({@code 2026-11}) and the scores, under an id of its own, never a case, supporter or requester. Helpfulness and the
 * SVEST-style items are 1 to 5; an item left unanswered is null.
 */
public record FeedbackReceived(
        String eventId,
        Instant occurredAt,
        String hospitalId,
        String feedbackId,
        String month,
        int helpfulness,
        boolean wouldRecommend,
        Integer distress,
        Integer colleagueSupport,
        Integer institutionalSupport,
        Integer selfEfficacy,
        Integer turnoverIntention) implements DomainEvent {

    @Override
    public String subject() {
        return feedbackId;
    }
}
