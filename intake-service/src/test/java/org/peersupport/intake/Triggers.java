package org.peersupport.intake;

import java.util.List;
import java.util.stream.Collectors;

/** Plain-JSON trigger bodies for the tests of the trigger doors. */
final class Triggers {

    private Triggers() {
    }

    static String body(String hospitalEventId, List<String> staffIds) {
        return body(null, hospitalEventId, staffIds);
    }

    /** A trigger naming {@code staffIds}, with {@code "hospitalId"} only when it is not null (the topic needs it). */
    static String body(String hospitalId, String hospitalEventId, List<String> staffIds) {
        String staff = staffIds.stream().map(id -> "{\"staffId\":\"" + id + "\"}").collect(Collectors.joining(","));
        return "{" + (hospitalId == null ? "" : "\"hospitalId\":\"" + hospitalId + "\",")
                + "\"hospitalEventId\":\"" + hospitalEventId + "\",\"occurredAt\":\"2026-11-24T08:30:00Z\","
                + "\"category\":\"ADVERSE_EVENT\",\"involvedStaff\":[" + staff + "]}";
    }
}
