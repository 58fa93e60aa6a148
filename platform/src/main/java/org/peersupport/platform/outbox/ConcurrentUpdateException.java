package org.peersupport.platform.outbox;

/** Another writer changed the document between this writer's read and its write; read again and retry. */
public class ConcurrentUpdateException extends RuntimeException {

    public ConcurrentUpdateException(String collection, String id) {
        super("concurrent update of " + collection + "/" + id);
    }
}
