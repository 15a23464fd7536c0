package org.instanceha.dashboard;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.instanceha.nova.InstanceProtection;
import org.instanceha.nova.Server;
import org.instanceha.segment.Host;
import org.instanceha.vmove.InstanceRestart;
import org.instanceha.vmove.VmMove;

/** What "My instances" shows of a project's servers and their recoveries. Plain Java. */
final class MyInstances {

    private MyInstances() {
    }

    /**
     * One server of the project: its protection and priority as its metadata says, and what covers it.
     *
     * @param coveredBy "segment (host)", or why nothing covers it
     * @param covered   whether a host failure would be recovered
     */
    record Row(String id, String name, String status, boolean protectedOn, int priority, String priorityProblem,
               String coveredBy, boolean covered) {
    }

    /** One past attempt to bring an instance back: an evacuation or a restart. */
    record Recovery(String instance, String notificationUuid, String what, String status, String where,
                    LocalDateTime start, LocalDateTime end, String message) {
    }

    /**
     * @param servers the servers as the user's own token lists them
     * @param hosts   where each is, by server id (Nova shows hosts to administrators only)
     * @param hostOf  the registered host of a compute host name, with its segment
     */
    static List<Row> rows(List<Server> servers, Map<String, String> hosts, Function<String, Optional<Host>> hostOf) {
        List<Row> rows = new ArrayList<>();
        for (Server server : servers) {
            InstanceProtection.Priority priority = InstanceProtection.priority(server.name(), server.metadata(),
                    InstanceProtection.DEFAULT_PRIORITY);
            String hostName = hosts.get(server.id());
            Optional<Host> host = hostName == null ? Optional.empty() : hostOf.apply(hostName);
            String coveredBy;
            boolean covered = false;
            if (hostName == null) {
                coveredBy = "not covered: it is on no host";
            } else if (host.isEmpty()) {
                coveredBy = "not covered: its host is in no segment";
            } else if (!host.get().segment().enabled()) {
                coveredBy = "not covered: segment " + host.get().segment().name() + " (host " + hostName
                        + ") is disabled";
            } else {
                coveredBy = host.get().segment().name() + " (host " + hostName + ")";
                covered = true;
            }
            rows.add(new Row(server.id(), server.name(), server.status(), InstanceProtection.haEnabled(
                    server.metadata()), priority.value(), priority.problem(), coveredBy, covered));
        }
        rows.sort(Comparator.comparing(Row::name, Comparator.nullsLast(MyInstances::byNameAndNumber)));
        return rows;
    }

    /** vm2 before vm10: names compared as text, then by the number they end with. */
    static int byNameAndNumber(String a, String b) {
        String stemA = a.replaceAll("\\d+$", "");
        String stemB = b.replaceAll("\\d+$", "");
        if (!stemA.equals(stemB) || a.equals(stemA) || b.equals(stemB)) {
            return a.compareTo(b);
        }
        return new java.math.BigInteger(a.substring(stemA.length())).compareTo(
                new java.math.BigInteger(b.substring(stemB.length())));
    }

    /** The evacuations and restarts, newest first, named as the project's servers are. */
    static List<Recovery> history(List<VmMove> moves, List<InstanceRestart> restarts, List<Server> servers) {
        Map<String, String> names = servers.stream().collect(Collectors.toMap(Server::id,
                s -> s.name() == null ? s.id() : s.name(), (a, b) -> a));
        List<Recovery> history = new ArrayList<>();
        for (VmMove m : moves) {
            history.add(new Recovery(names.getOrDefault(m.instanceUuid(), m.instanceName()), m.notificationUuid(),
                    "evacuation", m.status().wireName(), m.sourceHost() + " → " + (m.destHost() == null ? "-"
                    : m.destHost()), m.startTime() != null ? m.startTime() : m.createdAt(), m.endTime(), m.message()));
        }
        for (InstanceRestart r : restarts) {
            history.add(new Recovery(names.getOrDefault(r.instanceUuid(), r.instanceName()), r.notificationUuid(),
                    "restart", r.status().wireName(), r.host(), r.startTime(), r.endTime(), r.message()));
        }
        history.sort(Comparator.comparing(Recovery::start, Comparator.nullsLast(Comparator.reverseOrder())));
        return history;
    }
}
