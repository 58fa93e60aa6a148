package org.peersupport.notification.domain;

import org.peersupport.platform.kernel.DomainRuleBroken;

/** Only a delivery that failed on every channel can be tried again. */
public class DeliveryNotFailed extends DomainRuleBroken {

    public DeliveryNotFailed() {
        super("DELIVERY_NOT_FAILED", "Only a delivery that failed on every channel can be tried again.");
    }
}
