package org.openxpo.driver.access;

import org.openxpo.driver.transport.InProcessTransport;
import org.openxpo.driver.transport.Transport;
import org.openxpo.emulator.EmulatedChassis;

class InProcessAccessTest extends AccessLayerContract {
    @Override
    Transport open(EmulatedChassis chassis) { return new InProcessTransport(chassis.cage(1), null, "in-process"); }
}
