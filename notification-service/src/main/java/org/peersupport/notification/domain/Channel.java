package org.peersupport.notification.domain;

/** Where a notification is delivered. In-app is always on; email and SMS as each person chose. */
public enum Channel {
    IN_APP, EMAIL, SMS;

    /** The channels that leave the system, through a provider. */
    public boolean outside() {
        return this != IN_APP;
    }
}
