package org.openxpo.emulator.fault;

/** An injected fault with its id and when it was injected (module clock, ns). */
public record ActiveFault(String id, Fault fault, long injectedAtNanos) {}
