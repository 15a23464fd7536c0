package org.instanceha.fencing;

import java.io.IOException;
import java.net.DatagramSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * A real IPMI 2.0 BMC for tests: OpenIPMI's {@code ipmi_sim} (Debian's {@code openipmi}, installed by
 * {@code .ci/setup}) on a free UDP port of the loopback, user {@code admin}, cipher suite 3, whose chassis power
 * is a file the test reads and sets ({@link #poweredOn()}, {@link #setPower}).
 */
public final class IpmiSim implements AutoCloseable {

    public static final String USER = "admin";

    private final Path dir;
    private final int port;
    private final Process process;

    public IpmiSim(String password) throws IOException, InterruptedException {
        dir = Files.createTempDirectory("ipmi-sim");
        try (DatagramSocket free = new DatagramSocket(0)) {
            port = free.getLocalPort();
        }
        Path chassis = dir.resolve("chassis.sh");
        Files.writeString(chassis, """
                #!/bin/sh
                # ipmi_sim's chassis_control: <name> get power | <name> set power 0|1
                f="%s"; op=$2; shift 2
                case $op in
                  get) echo "power:$(cat "$f" 2>/dev/null || echo 1)" ;;
                  set) echo "$2" > "$f"; date +%%s.%%N >> "$f.changes" ;;
                esac
                """.formatted(dir.resolve("power")));
        Files.setPosixFilePermissions(chassis, PosixFilePermissions.fromString("rwx------"));
        Files.writeString(dir.resolve("lan.conf"), """
                name "test-bmc"
                set_working_mc 0x20
                  startlan 1
                    addr 127.0.0.1 %d
                    priv_limit admin
                    allowed_auths_callback none md2 md5 straight
                    allowed_auths_user none md2 md5 straight
                    allowed_auths_operator none md2 md5 straight
                    allowed_auths_admin none md2 md5 straight
                    guid a1234567000000000000000000000042
                  endlan
                  chassis_control "%s test-bmc"
                  user 1 false ""      "x"      user  10 none md2 md5 straight
                  user 2 true  "%s" "%s" admin 10 none md2 md5 straight
                """.formatted(port, chassis, USER, password));
        Files.writeString(dir.resolve("bmc.emu"), "mc_setbmc 0x20\nmc_add 0x20 0 no-device-sdrs 0x23 9 8 0x9f 0x1291 "
                + "0xf02\nsel_enable 0x20 50 0x0a\nmc_enable 0x20\n");
        Files.createDirectories(dir.resolve("state"));
        setPower(true);
        try {
            process = new ProcessBuilder("ipmi_sim", "-n", "-c", dir.resolve("lan.conf").toString(), "-f",
                    dir.resolve("bmc.emu").toString(), "-s", dir.resolve("state").toString())
                    .redirectErrorStream(true).redirectOutput(dir.resolve("ipmi_sim.log").toFile()).start();
        } catch (IOException e) {
            throw new IllegalStateException("ipmi_sim is not installed: run .ci/setup (Debian package openipmi)", e);
        }
        process.getOutputStream().close();
        awaitAnswer(password);
    }

    public int port() {
        return port;
    }

    public Bmc bmc(String password) {
        return new Bmc(Bmc.Protocol.IPMI, "127.0.0.1", port, USER, password, 3, null, null, true, null);
    }

    /** The chassis' power, as the BMC's power switch holds it. */
    public boolean poweredOn() throws IOException {
        return !Files.readString(dir.resolve("power")).strip().equals("0");
    }

    public void setPower(boolean on) throws IOException {
        Files.writeString(dir.resolve("power"), on ? "1\n" : "0\n");
    }

    /** When the BMC last switched the power, as a Unix time in seconds; 0 if it never did. */
    public double lastPowerChange() throws IOException {
        Path changes = dir.resolve("power.changes");
        return Files.exists(changes) ? Files.readAllLines(changes).stream().mapToDouble(Double::parseDouble).max()
                .orElse(0) : 0;
    }

    private void awaitAnswer(String password) throws InterruptedException, IOException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("ipmi_sim ended: " + Files.readString(dir.resolve("ipmi_sim.log")));
            }
            ProcessBuilder status = new ProcessBuilder("ipmitool", "-I", "lanplus", "-H", "127.0.0.1", "-p",
                    String.valueOf(port), "-U", USER, "-E", "-C", "3", "-N", "1", "-R", "1", "chassis", "power",
                    "status").redirectErrorStream(true);
            status.environment().put("IPMITOOL_PASSWORD", password);
            Process p = status.start();
            p.getOutputStream().close();
            if (p.waitFor(5, TimeUnit.SECONDS) && p.exitValue() == 0) {
                return;
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("ipmi_sim did not answer on port " + port);
    }

    @Override
    public void close() {
        process.destroy();
    }
}
