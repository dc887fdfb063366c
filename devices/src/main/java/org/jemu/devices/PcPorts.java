package org.jemu.devices;

import org.jemu.cpu.io.PortBus;
import org.jemu.cpu.io.PortIoHandler;

/**
 * The small PC ports Linux touches: 0x80 and 0xED (POST code / I/O delay: writes ignored, reads all
 * ones), 0x92 (PS/2 system control port A: bit 1 fast A20, bit 0 fast reset on a 0-to-1 write), and
 * 0xCF9 (Intel chipset reset control register: writing bit 2 (RST_CPU) from 0 to 1 resets;
 * byte accesses only).
 */
public final class PcPorts implements PortIoHandler {
    public static final int POST = 0x80, DELAY = 0xed, SYSCTL_A = 0x92, RESET_CONTROL = 0xcf9;

    private final Runnable resetRequest;
    private int port92;
    private int rstCnt;

    public PcPorts(Runnable resetRequest) {
        this.resetRequest = resetRequest;
    }

    public void attach(PortBus bus) {
        bus.register(POST, 1, this);
        bus.register(DELAY, 1, this);
        bus.register(SYSCTL_A, 1, this);
        bus.register(RESET_CONTROL, 1, this);
    }

    @Override
    public String portName(int port) {
        return switch (port) {
            case POST -> "ioport80";
            case DELAY -> "ioportED";
            case SYSCTL_A -> "port92";
            default -> "reset-control";
        };
    }

    public boolean a20() { return (port92 & 0x02) != 0; }

    @Override
    public int read(int port, int size) {
        return switch (port) {
            case SYSCTL_A -> port92 & 0x02;
            case RESET_CONTROL -> rstCnt & 0x0e;
            default -> 0xff;
        };
    }

    @Override
    public void write(int port, int size, int value) {
        switch (port) {
            case SYSCTL_A -> {
                boolean reset = (value & 1) != 0 && (port92 & 1) == 0;
                port92 = value & 0x03;
                if (reset) resetRequest.run();
            }
            case RESET_CONTROL -> {
                boolean reset = (value & 4) != 0 && (rstCnt & 4) == 0;
                rstCnt = value & 0x0e;
                if (reset) {
                    rstCnt &= ~4;
                    resetRequest.run();
                }
            }
            default -> { } // POST codes and delays
        }
    }
}
