package fr.ordre.comptexpert.bench.harness;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ServerProbeTest {

    /** Busy work this thread does shows in the machine's busy ticks, and in this process's own ticks. */
    @Test
    void busyTicksCountWorkDone() {
        long machineBefore = ServerProbe.machineBusyTicks();
        long ownBefore = ServerProbe.cpuTicks(ProcessHandle.current().pid());
        long deadline = System.nanoTime() + 300_000_000L;
        long spins = 0;
        long state = 1;
        while (System.nanoTime() < deadline) {
            state = state * 6364136223846793005L + 1442695040888963407L;
            spins++;
        }
        long machineAfter = ServerProbe.machineBusyTicks();
        long ownAfter = ServerProbe.cpuTicks(ProcessHandle.current().pid());
        assertTrue(spins > 0 && state != 0);
        assertTrue(ownAfter > ownBefore, "300 ms of spinning is more than one 10 ms tick of this process");
        assertTrue(
                machineAfter - machineBefore >= ownAfter - ownBefore - 2,
                "the machine's busy time holds this process's (to a tick or two of accounting): "
                        + (machineAfter - machineBefore) + " vs " + (ownAfter - ownBefore));
    }
}
