package org.peersupport.notification.domain;

/** Where a notification is delivered. Email and SMS adapters arrive with their issue; in-app is always on. */
public enum Channel {
    IN_APP, EMAIL, SMS
}
