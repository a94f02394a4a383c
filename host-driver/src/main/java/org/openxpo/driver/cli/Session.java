package org.openxpo.driver.cli;

import org.openxpo.driver.XpoException;
import org.openxpo.driver.module.XpoModuleClient;
import org.openxpo.driver.transport.TargetUri;
import org.openxpo.driver.transport.Transport;

import java.util.function.Function;

/** One command's connection: the transport the target names, a module client on it, closed together. */
final class Session implements AutoCloseable {
    final String target;
    final Transport transport;
    final XpoModuleClient client;

    private Session(String target, Transport transport) {
        this.target = target;
        this.transport = transport;
        this.client = new XpoModuleClient(transport);
    }

    /**
     * Opens {@code target}: a malformed URI or options the target refuses are a usage error
     * ({@link XpoException.InvalidRequest}), a target that cannot be opened is {@link TargetUnreachableException}. A
     * fresh embedded module is waited for until it has booted.
     */
    static Session open(String target, Function<String, Transport> opener, boolean awaitEmbeddedBoot) {
        TargetUri uri;
        try {
            uri = TargetUri.parse(target);
        } catch (IllegalArgumentException malformed) {
            throw new XpoException.InvalidRequest(malformed.getMessage());
        }
        Transport t;
        try {
            t = opener.apply(target);
        } catch (XpoException.InvalidRequest e) {
            throw e;
        } catch (XpoException e) {
            throw new TargetUnreachableException(e.getMessage(), e);
        }
        Session s = new Session(target, t);
        if (awaitEmbeddedBoot && uri.kind() == TargetUri.Kind.EMBEDDED) EmbeddedBoot.awaitSettled(s.client);
        return s;
    }

    @Override
    public void close() {
        client.close();
        transport.close();
    }
}
