package org.instanceha.simulator;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A management address for every simulated host, standing for its sshd: a TCP port on 127.0.0.1 that accepts
 * connections while the host has power and does not hang, and refuses them otherwise (its listener is closed,
 * and opened again on the same port when the host comes back). Port {@code base + N} for computeN when
 * {@code instanceha.simulator.management-base-port} is set (the test bed's 2200), else a free port between 20000
 * and 31999, below the ports the system hands out to outgoing connections.
 */
public class SimulatedManagementPorts implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(SimulatedManagementPorts.class);

    private final SimulatedCloud cloud;
    private final int basePort;
    private final Map<String, Integer> ports = new ConcurrentHashMap<>();
    private final Map<String, ServerSocket> open = new ConcurrentHashMap<>();
    private final java.util.Random random = new java.util.Random();
    /** Follows the hosts' states; the listeners accept on threads of their own, so they never starve it. */
    private final ScheduledExecutorService follower = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "simulated-management");
        thread.setDaemon(true);
        return thread;
    });
    private final java.util.concurrent.ExecutorService listeners = Executors.newCachedThreadPool(r -> {
        Thread thread = new Thread(r, "simulated-sshd");
        thread.setDaemon(true);
        return thread;
    });

    public SimulatedManagementPorts(SimulatedCloud cloud, int basePort) {
        this.cloud = cloud;
        this.basePort = basePort;
        follower.scheduleWithFixedDelay(this::follow, 0, 100, TimeUnit.MILLISECONDS);
    }

    /** The management address of a simulated host, {@code 127.0.0.1:<port>}, for its control attributes. */
    public synchronized String address(String host) {
        follow();
        Integer port = ports.get(host);
        if (port == null) {
            throw new IllegalArgumentException("no simulated host " + host);
        }
        return "127.0.0.1:" + port;
    }

    /** Opens or closes each host's listener as the host's state says. */
    private synchronized void follow() {
        for (SimulatedHost host : cloud.computeHosts()) {
            boolean answers = host.managementAnswers();
            ServerSocket listener = open.get(host.name());
            if (answers && listener == null) {
                listen(host.name());
            } else if (!answers && listener != null) {
                open.remove(host.name());
                closeQuietly(listener);
            }
        }
    }

    private void listen(String host) {
        Integer known = ports.get(host);
        int tries = known != null || basePort > 0 ? 1 : 50;
        IOException failure = null;
        for (int i = 0; i < tries; i++) {
            // A port below Linux's ephemeral range (32768 and up), so that no outgoing connection takes it while
            // the host is down and it can be listened on again when the host comes back.
            int wanted = known != null ? known : basePort > 0 ? basePort + number(host)
                    : 20_000 + random.nextInt(12_000);
            try {
                ServerSocket listener = new ServerSocket();
                listener.setReuseAddress(true);
                try {
                    listener.bind(new InetSocketAddress("127.0.0.1", wanted));
                } catch (IOException e) {
                    closeQuietly(listener);
                    throw e;
                }
                ports.put(host, listener.getLocalPort());
                open.put(host, listener);
                listeners.execute(() -> accept(listener));
                return;
            } catch (IOException e) {
                failure = e;
            }
        }
        log.warn("Simulated management address of {} could not listen: {}", host, failure.toString());
    }

    private static void accept(ServerSocket listener) {
        while (!listener.isClosed()) {
            try (Socket connection = listener.accept()) {
                connection.getOutputStream().write("SSH-2.0-simulated\r\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            } catch (IOException e) {
                // closed: the host stopped answering
            }
        }
    }

    private static int number(String host) {
        String digits = host.replaceAll("\\D", "");
        return digits.isEmpty() ? 0 : Integer.parseInt(digits);
    }

    private static void closeQuietly(ServerSocket listener) {
        try {
            listener.close();
        } catch (IOException e) {
            // already closed
        }
    }

    @Override
    public synchronized void close() {
        follower.shutdownNow();
        listeners.shutdownNow();
        open.values().forEach(SimulatedManagementPorts::closeQuietly);
        open.clear();
    }
}
