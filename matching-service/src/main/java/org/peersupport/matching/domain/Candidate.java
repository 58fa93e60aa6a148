package org.peersupport.matching.domain;

/** A supporter together with how many cases they carry right now. */
public record Candidate(Supporter supporter, long activeCases) {
}
