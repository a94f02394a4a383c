package org.openxpo.driver.pi4j;

import com.pi4j.io.gpio.digital.DigitalInput;
import com.pi4j.io.gpio.digital.DigitalInputBase;
import com.pi4j.io.gpio.digital.DigitalInputConfig;
import com.pi4j.io.gpio.digital.DigitalInputProviderBase;
import com.pi4j.io.gpio.digital.DigitalOutput;
import com.pi4j.io.gpio.digital.DigitalOutputBase;
import com.pi4j.io.gpio.digital.DigitalOutputConfig;
import com.pi4j.io.gpio.digital.DigitalOutputProviderBase;
import com.pi4j.io.gpio.digital.DigitalState;
import com.pi4j.io.gpio.digital.DigitalStateChangeEvent;
import org.openxpo.protocol.connector.ControlConnector;
import org.openxpo.protocol.connector.Pin;
import org.openxpo.protocol.connector.TargetEvent;

import java.util.Map;

/**
 * Pi4J GPIO providers whose lines are a control connector's sideband pins: outputs drive ResetL/LPMode/PowerEnable,
 * inputs follow IntL/ModPrsL/PowerGood from the connector's events. {@code lines} maps a BCM line number to the pin
 * wired to it, as on a bench.
 */
public final class ConnectorGpioProviders {
    private ConnectorGpioProviders() {}

    public static final String OUTPUT_ID = "xpo-connector-digital-output";
    public static final String INPUT_ID = "xpo-connector-digital-input";

    public static DigitalOutputProviderBase outputs(ControlConnector target, Map<Integer, Pin> lines) {
        return new DigitalOutputProviderBase(OUTPUT_ID, "OpenXPO connector outputs") {
            @Override
            public int getPriority() { return 2000; }

            @Override
            public DigitalOutput create(DigitalOutputConfig config) {
                Pin pin = pin(lines, config.address());
                DigitalOutput out = new DigitalOutputBase(this, config) {
                    @Override
                    public DigitalOutput state(DigitalState s) {
                        target.writePin(pin, s == DigitalState.HIGH);
                        return super.state(s);
                    }
                };
                this.context.registry().add(out);
                return out;
            }
        };
    }

    public static DigitalInputProviderBase inputs(ControlConnector target, Map<Integer, Pin> lines) {
        return new DigitalInputProviderBase(INPUT_ID, "OpenXPO connector inputs") {
            @Override
            public int getPriority() { return 2000; }

            @Override
            public DigitalInput create(DigitalInputConfig config) {
                Pin pin = pin(lines, config.address());
                ConnectorInput in = new ConnectorInput(this, config, target, pin);
                this.context.registry().add(in);
                return in;
            }
        };
    }

    private static Pin pin(Map<Integer, Pin> lines, Integer address) {
        Pin pin = lines.get(address);
        if (pin == null) throw new IllegalArgumentException("GPIO line " + address + " is not wired to the connector");
        return pin;
    }

    /** An input line that reads the pin and re-dispatches the connector's level changes as Pi4J events. */
    static final class ConnectorInput extends DigitalInputBase {
        private final ControlConnector target;
        private final Pin pin;
        private final AutoCloseable subscription;

        ConnectorInput(DigitalInputProviderBase provider, DigitalInputConfig config, ControlConnector target, Pin pin) {
            super(provider, config);
            this.target = target;
            this.pin = pin;
            this.subscription = target.subscribe(this::onEvent);
        }

        @Override
        public DigitalInput shutdown(com.pi4j.context.Context context) throws com.pi4j.exception.ShutdownException {
            try {
                subscription.close();
            } catch (Exception ignored) {
                // the connector is gone already
            }
            return super.shutdown(context);
        }

        private void onEvent(TargetEvent e) {
            Boolean high = switch (e) {
                case TargetEvent.IntL i when pin == Pin.INT_L -> !i.asserted();
                case TargetEvent.Presence p when pin == Pin.MOD_PRS_L -> !p.present();
                case TargetEvent.PinLevel l when l.pin() == pin -> l.high();
                default -> null;
            };
            if (high != null) dispatch(new DigitalStateChangeEvent<>(this, high ? DigitalState.HIGH : DigitalState.LOW));
        }

        @Override
        public DigitalState state() { return target.readPin(pin) ? DigitalState.HIGH : DigitalState.LOW; }
    }
}
