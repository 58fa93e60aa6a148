package org.peersupport.events;

/**
 * The supporter's gender a requester would rather talk to: a preference about the supporter, never a fact recorded
 * about the requester. {@code ANY} is the default and means no preference.
 */
public enum SupporterGender {
    ANY,
    WOMAN,
    MAN,
    NONBINARY
}
