package org.openxpo.dist;

import java.nio.file.Files;
import java.nio.file.Path;

/** The checkout the tests run in: the distribution module's parent directory. */
final class Repo {
    private Repo() {}

    static Path root() {
        Path root = Path.of("").toAbsolutePath().getParent();
        if (!Files.isRegularFile(root.resolve("scripts/jdk.sh"))) throw new IllegalStateException("not a checkout: " + root);
        return root;
    }
}
