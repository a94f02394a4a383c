package org.openxpo.driver.transport;

/** Opens the transport a target URI names. */
public final class Transports {
    private Transports() {}

    public static Transport open(String target) { return open(TargetUri.parse(target)); }

    public static Transport open(TargetUri uri) {
        return switch (uri.kind()) {
            case EMBEDDED -> EmbeddedTargets.open(uri);
            case LINK_I2C -> LinkTransport.connect(uri);
            case LINK_I3C -> I3cTransport.assign(LinkTransport.connect(uri));
            case PI4J -> Pi4jTransport.open(uri);
        };
    }
}
