package org.openxpo.bench;

/** How much each benchmark does: quick mode stays under 2 minutes on the project's 2-core machine, full takes longer. */
record Settings(boolean full,
                int inProcessReads, int inProcessWarmup,
                double pipelinedWarmup, double pipelinedSeconds, int pipelinedRounds, int linkLatencyReads,
                int snapshotsInProcess, int snapshotsLink, int snapshotsTimed, int snapshotsI3c,
                int interruptWarmup, int interruptCycles,
                int firmwareImageBytes, int firmwareLplBytes,
                int footprintModules,
                double sweepSeconds, int sweepRounds) {

    static final int MIB = 1 << 20;

    static Settings quickMode() {
        return new Settings(false, 300_000, 200_000, 2, 0.6, 3, 20_000, 3_000, 1_000, 12, 200, 300, 60, MIB, MIB / 4,
            10_000, 4, 1);
    }

    static Settings fullMode() {
        return new Settings(true, 2_000_000, 500_000, 4, 2, 5, 100_000, 20_000, 5_000, 60, 2_000, 1_000, 400, MIB, MIB,
            10_000, 10, 3);
    }
}
