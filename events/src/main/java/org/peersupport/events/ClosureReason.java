package org.peersupport.events;

/** Why a case closed: the supporter's wrap-up, the requester stepping back, or nobody reached. */
public enum ClosureReason {
    /** Support given and the check-ins done (or ended by agreement). */
    COMPLETED,
    /** Handed on to professional help (employee assistance, behavioral health, the professionals health program). */
    REFERRED,
    /** The requester said they need nothing more. */
    REQUESTER_DECLINED,
    /** The requester could not be reached. */
    NO_CONTACT,
    /** The request was withdrawn. */
    WITHDRAWN
}
