package org.peersupport.archfixture.broken.web;

import org.peersupport.archfixture.broken.persistence.StoredThing;

/** Breaks WEB_DOES_NOT_REACH_PERSISTENCE: a controller that returns stored documents. */
public class ControllerReadingDocuments {

    StoredThing thing;
}
