package org.peersupport.archfixture.broken.persistence;

/** A stored document, for the controller that should not see it. */
public class StoredThing {
}
