package org.openxpo.driver.cli;

import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * A module command whose result may be printed as JSON: {@code --json}, and {@code --compact} beside it. Each document
 * names its schema in its {@code "schema"} key (docs/host-driver.md lists them).
 */
abstract class JsonCommand extends ModuleCommand {
    @Option(names = "--json",
        description = "the result as JSON (its \"schema\" key names the schema, see docs/host-driver.md)")
    boolean json;

    @Mixin
    JsonStyle style;

    @Override
    void validate() { style.check(json); }
}
