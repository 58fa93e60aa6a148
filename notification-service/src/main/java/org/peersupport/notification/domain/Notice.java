package org.peersupport.notification.domain;

/**
 * What a person is told, and nothing more: no names, no event descriptions, no clinical details, so the text is safe
 * on any channel (docs/design.md, "Confidentiality").
 */
public enum Notice {
    NEW_OFFER("You are offered a peer support request. Open the console to accept or decline it."),
    NEW_REQUEST("You have a new peer support request. Open the console to see it."),
    CHECK_IN_DUE("A check-in is due for one of your cases. Open the console to see it.");

    private final String text;

    Notice(String text) {
        this.text = text;
    }

    public String text() {
        return text;
    }
}
