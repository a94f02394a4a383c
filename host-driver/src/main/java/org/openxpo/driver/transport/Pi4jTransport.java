package org.openxpo.driver.transport;

import com.pi4j.Pi4J;
import com.pi4j.context.Context;
import com.pi4j.io.gpio.digital.DigitalInput;
import com.pi4j.io.gpio.digital.DigitalOutput;
import com.pi4j.io.gpio.digital.DigitalState;
import com.pi4j.io.gpio.digital.PullResistance;
import com.pi4j.io.i2c.I2C;
import com.pi4j.plugin.gpiod.provider.gpio.digital.GpioDDigitalInputProvider;
import com.pi4j.plugin.gpiod.provider.gpio.digital.GpioDDigitalOutputProvider;
import com.pi4j.plugin.linuxfs.provider.i2c.LinuxFsI2CProvider;
import org.openxpo.driver.XpoException;
import org.openxpo.protocol.connector.CccRequest;
import org.openxpo.protocol.connector.CccResult;
import org.openxpo.protocol.connector.I2cMessage;
import org.openxpo.protocol.connector.I2cResult;
import org.openxpo.protocol.connector.I3cDevice;
import org.openxpo.protocol.connector.Pin;
import org.openxpo.protocol.connector.TargetEvent;
import org.openxpo.protocol.time.HostClock;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * A real module on a Raspberry Pi: I2C through Pi4J ({@code readRegister} = one I2C_RDWR with a repeated start,
 * {@code writeRegister} = one write message) and the sideband pins through Pi4J GPIO, ResetL starting high so the
 * module is not held in reset. The transport takes any Pi4J {@link Context}: on a Pi the linuxfs and gpiod
 * providers, in CI the emulator-backed providers — the code path is the same. GPIO cannot tell the host that the module
 * reset: listeners get IntL, ModPrsL and PowerGood edges, and {@link TargetEvent.PinLevel} for the pins the host
 * switches itself, never {@link TargetEvent.Reset}.
 */
public final class Pi4jTransport implements Transport {
    private final Context context;
    private final boolean ownsContext;
    private final I2C device;
    private final int bus;
    private final Map<Pin, DigitalOutput> outputs = new EnumMap<>(Pin.class);
    private final Map<Pin, DigitalInput> inputs = new EnumMap<>(Pin.class);
    private final List<Consumer<TargetEvent>> listeners = new CopyOnWriteArrayList<>();

    /**
     * Opens a module on {@code uri} (pi4j://BUS/ADDRESS?pins) with the real Pi providers. Without the bus's device
     * file it fails with one line naming the bus.
     */
    public static Pi4jTransport open(TargetUri uri) {
        Path dev = Path.of("/dev/i2c-" + uri.bus());
        if (!Files.exists(dev)) {
            throw new XpoException.Unsupported("I2C bus " + uri.bus() + " is not available (" + dev + " is missing): "
                + "on a Raspberry Pi enable I2C (dtparam=i2c_arm=on) and check the bus number");
        }
        DeviceAccess.require(dev);
        // a target that wires a GPIO line (TargetUri.gpioOption) needs the GPIO chip's device file
        if (Arrays.stream(Pin.values()).map(TargetUri::gpioOption).anyMatch(uri.options()::containsKey)) {
            DeviceAccess.require(Path.of("/dev", uri.options().getOrDefault("chip", "gpiochip0")));
        }
        var builder = Pi4J.newContextBuilder().noAutoDetect()
            .add(LinuxFsI2CProvider.newInstance(), GpioDDigitalOutputProvider.newInstance(),
                GpioDDigitalInputProvider.newInstance());
        if (uri.options().containsKey("chip")) builder.setGpioChipName(uri.options().get("chip"));
        Context ctx = builder.build();
        try {
            return new Pi4jTransport(ctx, true, uri);
        } catch (RuntimeException e) {
            ctx.shutdown();
            throw e;
        }
    }

    /** Uses a caller's context (e.g. with emulator-backed providers); the caller shuts it down. */
    public static Pi4jTransport open(Context context, TargetUri uri) { return new Pi4jTransport(context, false, uri); }

    private Pi4jTransport(Context context, boolean ownsContext, TargetUri uri) {
        this.context = context;
        this.ownsContext = ownsContext;
        this.bus = uri.bus();
        try {
            this.device = context.create(I2C.newConfigBuilder(context).id("xpo-i2c-" + uri.bus() + "-" + uri.address())
                .bus(uri.bus()).device(uri.address()).build());
            output(uri, Pin.RESET_L, DigitalState.HIGH);
            output(uri, Pin.LP_MODE, DigitalState.LOW);
            output(uri, Pin.POWER_ENABLE, DigitalState.HIGH);
            input(uri, Pin.INT_L);
            input(uri, Pin.MOD_PRS_L);
            input(uri, Pin.POWER_GOOD);
        } catch (com.pi4j.exception.Pi4JException e) {
            if (DeviceAccess.isDenial(e)) throw DeviceAccess.deniedWhileOpening(uri.toString(), rootMessage(e));
            throw new XpoException.BusError("cannot open " + uri + ": " + rootMessage(e), e);
        }
    }

    private void output(TargetUri uri, Pin pin, DigitalState initial) {
        int gpio = uri.gpio(pin);
        if (gpio < 0) return;
        outputs.put(pin, context.create(DigitalOutput.newConfigBuilder(context).id(lineId(pin)).address(gpio)
            .initial(initial).shutdown(initial).build()));
    }

    private void input(TargetUri uri, Pin pin) {
        int gpio = uri.gpio(pin);
        if (gpio < 0) return;
        DigitalInput in = context.create(DigitalInput.newConfigBuilder(context).id(lineId(pin)).address(gpio)
            .pull(PullResistance.PULL_UP).debounce(1000L).build());
        in.addListener(e -> onPin(pin, e.state() == DigitalState.HIGH));
        inputs.put(pin, in);
    }

    /** The Pi4J id of a pin's GPIO line: "xpo-resetL". */
    private static String lineId(Pin pin) { return "xpo-" + TargetUri.gpioOption(pin); }

    private void onPin(Pin pin, boolean high) {
        long now = HostClock.system().nanoTime();
        TargetEvent e = switch (pin) {
            case INT_L -> new TargetEvent.IntL(1, now, !high);
            case MOD_PRS_L -> new TargetEvent.Presence(1, now, !high);
            default -> new TargetEvent.PinLevel(1, now, pin, high);
        };
        emit(e);
    }

    private void emit(TargetEvent e) {
        for (Consumer<TargetEvent> l : listeners) l.accept(e);
    }

    @Override
    public String describe() { return String.format("pi4j://%d/0x%02X", bus, device.device()); }

    /** A register read (register byte + read) is the longest transfer Pi4J does as one I2C_RDWR. */
    @Override
    public int maxMessagesPerTransfer() { return 2; }

    @Override
    public boolean supportsI3c() { return false; }

    @Override
    public boolean hasInterruptEvents() { return inputs.containsKey(Pin.INT_L); }

    /**
     * Maps a transfer onto one Pi4J call under the device's bus lock: a one-byte register write followed by a read
     * becomes {@code readRegister} (one I2C_RDWR, repeated start), a longer write {@code writeRegister}, a lone read
     * {@code read}, a lone register byte {@code write}. Any other transfer would take several bus transactions, which
     * another master could come between: it is refused before anything is sent.
     */
    @Override
    public List<I2cResult> i2c(List<I2cMessage> messages) {
        requireAtomic(messages);
        return device.execute(() -> {
            try {
                return one(messages);
            } catch (RuntimeException e) {
                List<I2cResult> out = new ArrayList<>(messages.size());
                out.add(I2cResult.of(classify(e)));
                while (out.size() < messages.size()) out.add(I2cResult.of(I2cResult.Status.SKIPPED));
                return out;
            }
        });
    }

    /** Each transfer checked before the first is sent: a batch Pi4J cannot do atomically sends nothing. */
    @Override
    public List<List<I2cResult>> i2cBatch(List<List<I2cMessage>> transfers) {
        transfers.forEach(this::requireAtomic);
        return Transport.super.i2cBatch(transfers);
    }

    /** The transfers Pi4J does as one bus transaction; see {@link #i2c}. */
    private void requireAtomic(List<I2cMessage> messages) {
        for (I2cMessage m : messages) {
            if (m.address() != device.device()) {
                throw new XpoException.Unsupported(String.format("this transport only reaches address 0x%02X", device.device()));
            }
        }
        boolean registerRead = messages.size() == 2 && !messages.get(0).read() && messages.get(0).length() == 1
            && messages.get(1).read();
        if (messages.size() != 1 && !registerRead) {
            throw new XpoException.Unsupported("Pi4J cannot do this " + messages.size() + "-message transfer as one bus "
                + "transaction (it does one message, or a register byte then a read): nothing was sent to " + describe());
        }
    }

    private List<I2cResult> one(List<I2cMessage> messages) {
        I2cMessage m = messages.getFirst();
        if (messages.size() == 2) {
            byte[] buf = new byte[messages.get(1).length()];
            device.readRegister(m.data()[0] & 0xFF, buf, 0, buf.length);
            return List.of(I2cResult.ack(), I2cResult.ack(buf));
        }
        if (m.read()) {
            byte[] buf = new byte[m.length()];
            device.read(buf, 0, buf.length);
            return List.of(I2cResult.ack(buf));
        }
        if (m.length() >= 2) device.writeRegister(m.data()[0] & 0xFF, m.data(), 1, m.length() - 1);
        else if (m.length() == 1) device.write(m.data()[0]);
        return List.of(I2cResult.ack());
    }

    /** Linux reports a NACK as EREMOTEIO ("Remote I/O error"), wrapped in Pi4J exceptions. */
    private static I2cResult.Status classify(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String msg = t.getMessage();
            if (msg != null && (msg.contains("Remote I/O error") || msg.contains("EREMOTEIO"))) {
                return I2cResult.Status.ADDRESS_NACK;
            }
        }
        return I2cResult.Status.BUS_ERROR;
    }

    @Override
    public List<I2cResult> i3c(List<I2cMessage> messages) { throw noI3c(); }

    @Override
    public CccResult ccc(CccRequest request) { throw noI3c(); }

    @Override
    public List<I3cDevice> entdaa(int firstAddress) { throw noI3c(); }

    private static XpoException noI3c() {
        return new XpoException.Unsupported("I3C is not available through Pi4J: Linux has no user-space I3C interface");
    }

    @Override
    public void writePin(Pin pin, boolean high) {
        if (!pin.hostDriven()) throw new XpoException.Unsupported(pin + " is driven by the module, not the host");
        DigitalOutput out = outputs.get(pin);
        if (out == null) throw new XpoException.Unsupported(pin + " is not wired: add " + TargetUri.gpioOption(pin) + "=GPIO to the target");
        boolean wasHigh = out.state() == DigitalState.HIGH;
        out.state(high ? DigitalState.HIGH : DigitalState.LOW);
        // GPIO brings no Reset event: report the level the host drove, so listeners (the access layer's page-select
        // cache) learn that asserting ResetL or switching PowerEnable restarts the module's management interface.
        if (wasHigh != high) emit(new TargetEvent.PinLevel(1, HostClock.system().nanoTime(), pin, high));
    }

    @Override
    public boolean readPin(Pin pin) {
        DigitalOutput out = outputs.get(pin);
        if (out != null) return out.state() == DigitalState.HIGH;
        DigitalInput in = inputs.get(pin);
        if (in == null) throw new XpoException.Unsupported(pin + " is not wired: add " + TargetUri.gpioOption(pin) + "=GPIO to the target");
        return in.state() == DigitalState.HIGH;
    }

    /** True when the pin has a GPIO line in this target. */
    public boolean wired(Pin pin) { return outputs.containsKey(pin) || inputs.containsKey(pin); }

    @Override
    public AutoCloseable subscribe(Consumer<TargetEvent> listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null) t = t.getCause();
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }

    @Override
    public void close() {
        try {
            device.close();
        } catch (RuntimeException ignored) {
            // closing an already failed device has nothing to release
        }
        if (ownsContext) context.shutdown();
    }
}
