package org.peersupport.archfixture.clean.domain;

import org.peersupport.platform.kernel.Decision;
import org.peersupport.platform.kernel.DomainRuleBroken;

/** Holds every rule: a domain class deciding through the kernel. */
public record KernelInDomain(int count) {

    public Decision<KernelInDomain> increment() {
        if (count == Integer.MAX_VALUE) {
            throw new DomainRuleBroken("FULL", "no more") {
            };
        }
        return Decision.to(new KernelInDomain(count + 1));
    }
}
