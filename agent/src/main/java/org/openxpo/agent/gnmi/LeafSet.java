package org.openxpo.agent.gnmi;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.openxpo.agent.gnmi.proto.Path;
import org.openxpo.agent.gnmi.tree.Scope;
import org.openxpo.agent.gnmi.tree.TreeQuery;

/** The leaves a set of subscribed paths names in a scope, by path string, in tree order. */
record LeafSet(Map<String, TreeQuery.LeafData> leaves) {

    static LeafSet of(List<Path> paths, Scope scope) {
        Map<String, TreeQuery.LeafData> out = new LinkedHashMap<>();
        for (Path p : paths) {
            for (TreeQuery.Node n : TreeQuery.find(p, scope)) TreeQuery.leaves(n, l -> out.putIfAbsent(l.key(), l));
        }
        return new LeafSet(out);
    }

    /** The leaves whose value differs from (or is missing in) {@code before}. */
    List<TreeQuery.LeafData> changedSince(LeafSet before) {
        List<TreeQuery.LeafData> out = new ArrayList<>();
        for (var e : leaves.entrySet()) {
            TreeQuery.LeafData old = before.leaves.get(e.getKey());
            if (old == null || !old.value().equals(e.getValue().value())) out.add(e.getValue());
        }
        return out;
    }

    /** The leaves of {@code before} that this set no longer has. */
    List<Path> goneSince(LeafSet before) {
        List<Path> out = new ArrayList<>();
        for (var e : before.leaves.entrySet()) if (!leaves.containsKey(e.getKey())) out.add(e.getValue().path());
        return out;
    }

    /** The components ({@code /components/component[name=…]}) these leaves belong to, each once. */
    Set<Path> components() {
        Set<Path> out = new LinkedHashSet<>();
        for (TreeQuery.LeafData l : leaves.values()) {
            if (l.path().getElemCount() >= 2) out.add(Path.newBuilder().addAllElem(l.path().getElemList().subList(0, 2)).build());
        }
        return out;
    }

    static LeafSet empty() { return new LeafSet(Map.of()); }
}
