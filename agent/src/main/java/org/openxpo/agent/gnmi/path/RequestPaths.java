package org.openxpo.agent.gnmi.path;

import org.openxpo.agent.gnmi.proto.Path;
import org.openxpo.agent.gnmi.proto.PathElem;

/**
 * A request's prefix and path joined into the one path the agent looks up, with the checks gNMI asks for: origin in
 * the prefix or in the path but not both, only the {@code openconfig} origin (empty means openconfig), no deprecated
 * string elements, wildcards only where they may stand.
 */
public final class RequestPaths {
    /** The origin of every path the agent serves. */
    public static final String OPENCONFIG = "openconfig";

    private RequestPaths() {}

    /** {@code prefix} + {@code path}, checked; the result has no origin and no target. */
    public static Path join(Path prefix, Path path) {
        if (prefix.getElementCount() > 0 || path.getElementCount() > 0) {
            throw new InvalidPathException("the deprecated string 'element' paths are not accepted; send 'elem'");
        }
        if (!prefix.getOrigin().isEmpty() && !path.getOrigin().isEmpty()) {
            throw new InvalidPathException("origin is given in both the prefix and the path " + PathStrings.format(path));
        }
        String origin = prefix.getOrigin().isEmpty() ? path.getOrigin() : prefix.getOrigin();
        if (!origin.isEmpty() && !origin.equals(OPENCONFIG)) {
            throw new UnknownPathException("origin '" + origin + "' is not served; use '" + OPENCONFIG + "' or none");
        }
        Path joined = Path.newBuilder().addAllElem(prefix.getElemList()).addAllElem(path.getElemList()).build();
        for (PathElem e : joined.getElemList()) check(e, joined);
        return joined;
    }

    private static void check(PathElem e, Path whole) {
        if (e.getName().isEmpty()) throw new InvalidPathException("empty element name in " + PathStrings.format(whole));
        if ((e.getName().equals("*") || e.getName().equals("...")) && e.getKeyCount() > 0) {
            throw new InvalidPathException("wildcard element '" + e.getName() + "' cannot carry keys in "
                + PathStrings.format(whole));
        }
    }
}
