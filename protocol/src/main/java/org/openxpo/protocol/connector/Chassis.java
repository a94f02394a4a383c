package org.openxpo.protocol.connector;

import java.util.List;

/** A set of cages, numbered from 1, each with a control connector. */
public interface Chassis extends AutoCloseable {
    List<Integer> cages();

    /** The cage's connector; unknown cages fail with {@link IllegalArgumentException}. */
    ControlConnector cage(int number);

    @Override
    default void close() {}
}
