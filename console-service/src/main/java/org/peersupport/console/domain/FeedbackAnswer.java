package org.peersupport.console.domain;

/**
 * One anonymous answer to the closing pulse, as the dashboard keeps it: the scores only (1 to 5, null when left
 * unanswered), under no case, supporter or requester. The hospital and month it counts in are where it is stored.
 */
public record FeedbackAnswer(int helpfulness, boolean wouldRecommend, Integer distress, Integer colleagueSupport,
        Integer institutionalSupport, Integer selfEfficacy, Integer turnoverIntention) {
}
