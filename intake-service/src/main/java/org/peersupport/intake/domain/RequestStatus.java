package org.peersupport.intake.domain;

/** Where a request for support stands, as the requester and coordinator see it. */
public enum RequestStatus {
    SUBMITTED, ASSIGNED, ESCALATED, WITHDRAWN, CLOSED
}
