package org.openxpo.driver.module;

import org.openxpo.driver.XpoException;

/**
 * A request that does not fit the module: an AppSel it does not advertise, lanes that do not split into data paths of
 * the application, a lane outside the module. Thrown before anything is written.
 */
public final class InvalidRequestException extends XpoException {
    public InvalidRequestException(String message) { super(message); }
}
