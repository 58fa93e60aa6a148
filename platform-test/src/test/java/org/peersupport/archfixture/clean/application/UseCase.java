package org.peersupport.archfixture.clean.application;

/** Holds every rule: a use case that controllers call. */
public class UseCase {
}
