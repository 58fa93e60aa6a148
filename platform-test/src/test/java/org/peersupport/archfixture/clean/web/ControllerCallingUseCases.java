package org.peersupport.archfixture.clean.web;

import org.peersupport.archfixture.clean.application.UseCase;

/** Holds every rule: a controller that goes through the application layer. */
public class ControllerCallingUseCases {

    UseCase useCase;
}
