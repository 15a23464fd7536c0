package org.instanceha.fencing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.springframework.stereotype.Component;

/**
 * IPMI 2.0 over RMCP+ ({@code lanplus}) through Debian's {@code ipmitool}. The password goes through the
 * environment ({@code -E} reads {@code IPMITOOL_PASSWORD}), never on the command line, where every user of the
 * machine could read it; standard input is closed, so that a missing password cannot make it wait for one. Every
 * call ends within {@code instanceha.fencing.call-timeout}, its own retries included, or is killed.
 */
@Component
public class IpmiTool implements BmcAdapter {

    private static final List<String> WRONG_CREDENTIALS = List.of("RAKP 2 HMAC is invalid", "unauthorized name",
            "Invalid user name", "insufficient privilege", "Unauthorized");

    private final FencingProperties properties;

    public IpmiTool(FencingProperties properties) {
        this.properties = properties;
    }

    @Override
    public Bmc.Protocol protocol() {
        return Bmc.Protocol.IPMI;
    }

    @Override
    public PowerState powerState(Bmc bmc) {
        String answer = run(bmc, "status");
        if (answer.contains("Chassis Power is off")) {
            return PowerState.OFF;
        }
        if (answer.contains("Chassis Power is on")) {
            return PowerState.ON;
        }
        throw refused(bmc, answer);
    }

    @Override
    public void powerOff(Bmc bmc) {
        String answer = run(bmc, "off");
        if (!answer.contains("Chassis Power Control: Down/Off")) {
            throw refused(bmc, answer);
        }
    }

    @Override
    public void powerOn(Bmc bmc) {
        String answer = run(bmc, "on");
        if (!answer.contains("Chassis Power Control: Up/On")) {
            throw refused(bmc, answer);
        }
    }

    /** The command line of one call: everything but the password. */
    List<String> command(Bmc bmc, String action) {
        return List.of(properties.ipmitool(), "-v", "-I", "lanplus", "-H", bmc.host(), "-p", String.valueOf(bmc.port()),
                "-U", bmc.username(), "-E", "-C", String.valueOf(bmc.cipher() == null ? 3 : bmc.cipher()),
                "-N", "1", "-R", "2", "chassis", "power", action);
    }

    private String run(Bmc bmc, String action) {
        ProcessBuilder builder = new ProcessBuilder(command(bmc, action)).redirectErrorStream(true);
        onlyWhatIpmitoolNeeds(builder.environment(), bmc.password());
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new FencingException(FencingException.Failure.REFUSED, "Could not run " + properties.ipmitool()
                    + " for the IPMI BMC " + address(bmc) + ": " + e.getMessage() + " (install Debian's ipmitool).");
        }
        try {
            process.getOutputStream().close();
            if (!process.waitFor(properties.callTimeout().toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw noAnswer(bmc);
            }
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (process.exitValue() == 0) {
                return output;
            }
            if (WRONG_CREDENTIALS.stream().anyMatch(output::contains)) {
                throw new FencingException(FencingException.Failure.WRONG_CREDENTIALS, "The IPMI BMC " + address(bmc)
                        + " refused the credentials of user " + bmc.username() + " (wrong credentials).");
            }
            if (output.contains("Unable to establish") || output.contains("No response")) {
                throw noAnswer(bmc);
            }
            throw refused(bmc, output);
        } catch (IOException e) {
            throw noAnswer(bmc);
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw noAnswer(bmc);
        }
    }

    /**
     * The child's environment: the BMC's password for {@code -E}, the search path and the C locale (the answers
     * are read as text), and nothing else of ours: never the secrets key, the database password or whatever
     * else the node was started with.
     */
    static void onlyWhatIpmitoolNeeds(java.util.Map<String, String> environment, String password) {
        String path = environment.getOrDefault("PATH", "/usr/sbin:/usr/bin:/sbin:/bin");
        environment.clear();
        environment.put("PATH", path);
        environment.put("LC_ALL", "C");
        environment.put("IPMITOOL_PASSWORD", password == null ? "" : password);
    }

    private FencingException noAnswer(Bmc bmc) {
        return new FencingException(FencingException.Failure.NO_ANSWER, "The IPMI BMC " + address(bmc)
                + " did not answer within " + properties.callTimeout().toSeconds() + " s.");
    }

    private static FencingException refused(Bmc bmc, String output) {
        String last = output.strip().lines().reduce((a, b) -> b).orElse("nothing");
        return new FencingException(FencingException.Failure.REFUSED, "The IPMI BMC " + address(bmc) + " answered: "
                + last);
    }

    private static String address(Bmc bmc) {
        return bmc.host() + ":" + bmc.port();
    }
}
