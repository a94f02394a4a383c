package org.openxpo.driver.pi4j;

import com.pi4j.exception.Pi4JException;
import com.pi4j.io.i2c.I2C;
import com.pi4j.io.i2c.I2CBase;
import com.pi4j.io.i2c.I2CBusBase;
import com.pi4j.io.i2c.I2CConfig;
import com.pi4j.io.i2c.I2CProvider;
import com.pi4j.io.i2c.I2CProviderBase;
import org.openxpo.protocol.connector.ControlConnector;
import org.openxpo.protocol.connector.I2cMessage;
import org.openxpo.protocol.connector.I2cResult;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.IntFunction;

/**
 * A Pi4J I2C provider whose buses are control connectors (the in-process emulator, or the emulator link): the
 * driver's real Pi4J code path runs unchanged without a Raspberry Pi. Register reads are one transfer with a repeated
 * start, as linuxfs's I2C_RDWR; a refused transfer throws the same {@code Pi4JException → IOException("Remote I/O
 * error")} chain linuxfs does.
 */
public final class ConnectorI2CProvider extends I2CProviderBase {
    public static final String ID = "xpo-connector-i2c";

    private final IntFunction<ControlConnector> buses;

    /** {@code buses} maps a Pi4J bus number to the connector that answers on it (null = no such bus). */
    public ConnectorI2CProvider(IntFunction<ControlConnector> buses) {
        super(ID, "OpenXPO control-connector I2C provider");
        this.buses = buses;
    }

    @Override
    public int getPriority() { return 2000; }

    @Override
    public I2C create(I2CConfig config) {
        ControlConnector target = buses.apply(config.bus());
        if (target == null) throw new Pi4JException("I2C bus " + config.bus() + " does not exist");
        ConnectorI2C i2c = new ConnectorI2C(this, config, new Bus(config), target);
        this.context.registry().add(i2c);
        return i2c;
    }

    static final class Bus extends I2CBusBase {
        Bus(I2CConfig config) { super(config); }

        @Override
        public <R> R execute(I2C i2c, Callable<R> action) { return _execute(i2c, action); }
    }

    static final class ConnectorI2C extends I2CBase<Bus> {
        private final ControlConnector target;

        ConnectorI2C(I2CProvider provider, I2CConfig config, Bus bus, ControlConnector target) {
            super(provider, config, bus);
            this.target = target;
        }

        private int address() { return config().device(); }

        private List<I2cResult> run(List<I2cMessage> messages) {
            List<I2cResult> results = target.i2c(messages);
            for (I2cResult r : results) {
                if (r.ok()) continue;
                String errno = r.status() == I2cResult.Status.BUS_ERROR ? "Input/output error" : "Remote I/O error";
                throw new Pi4JException("Failed to execute action for device " + address() + " on bus "
                    + config().bus(), new IOException(errno));
            }
            return results;
        }

        private byte[] writeThenRead(byte[] reg, int len) {
            List<I2cResult> r = run(List.of(I2cMessage.write(address(), reg), I2cMessage.read(address(), len)));
            return r.get(1).data();
        }

        private int writeAll(byte[] data) {
            run(List.of(I2cMessage.write(address(), data)));
            return data.length;
        }

        private static byte[] join(byte[] head, byte[] data, int off, int len) {
            byte[] out = new byte[head.length + len];
            System.arraycopy(head, 0, out, 0, head.length);
            System.arraycopy(data, off, out, head.length, len);
            return out;
        }

        @Override
        public int write(byte b) { return writeAll(new byte[] {b}); }

        @Override
        public int write(byte[] data, int off, int len) { return writeAll(join(new byte[0], data, off, len)); }

        @Override
        public int read() {
            return run(List.of(I2cMessage.read(address(), 1))).getFirst().data()[0] & 0xFF;
        }

        @Override
        public int read(byte[] buf, int off, int len) {
            byte[] d = run(List.of(I2cMessage.read(address(), len))).getFirst().data();
            System.arraycopy(d, 0, buf, off, len);
            return len;
        }

        @Override
        public int writeRegister(int reg, byte b) { return writeAll(new byte[] {(byte) reg, b}) - 1; }

        @Override
        public int writeRegister(int reg, byte[] data, int off, int len) {
            return writeAll(join(new byte[] {(byte) reg}, data, off, len)) - 1;
        }

        @Override
        public int writeRegister(byte[] reg, byte[] data, int off, int len) {
            return writeAll(join(reg, data, off, len)) - reg.length;
        }

        @Override
        public int readRegister(int reg) { return writeThenRead(new byte[] {(byte) reg}, 1)[0] & 0xFF; }

        @Override
        public int readRegister(int reg, byte[] buf, int off, int len) {
            System.arraycopy(writeThenRead(new byte[] {(byte) reg}, len), 0, buf, off, len);
            return len;
        }

        @Override
        public int readRegister(byte[] reg, byte[] buf, int off, int len) {
            System.arraycopy(writeThenRead(reg.clone(), len), 0, buf, off, len);
            return len;
        }
    }
}
