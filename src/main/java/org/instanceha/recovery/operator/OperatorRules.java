package org.instanceha.recovery.operator;

import static org.instanceha.common.FieldRules.shortened;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.instanceha.recovery.planning.TargetPlanner;
import org.instanceha.vmove.VmMove;

/**
 * What happens to an instance whose evacuation failed: retried on its own while automatic retries are
 * left (each on a target other than those that failed), then handed to an operator, whose decision is
 * checked here before the user task may complete. Plain Java.
 */
public final class OperatorRules {

    /** The operator's choices: the values of the form's field {@code operatorDecision}. */
    public enum Decision {
        /** Retry on a host the operator picks ({@code chosenHost}). */
        RETRY_ON_HOST,
        /** Retry and let Nova's scheduler choose the host. */
        RETRY_SCHEDULER,
        /** The operator recovered the instance by hand (a comment says how). */
        RECOVERED_BY_HAND,
        /** Leave the instance where it is, unlocked (a comment says why). */
        GIVE_UP,
        /** Restart it on its host again: stop it, start it (an instance failure's retry). */
        RETRY,
        /** The operator made sure the failed host is off (a comment says how): its instances are evacuated. */
        CONFIRMED_OFF,
        /** Try the host's BMC again. */
        RETRY_FENCING,
        /** Report every host of a mass failure, each as the host monitor judged it. */
        APPROVE,
        /** Report none of the hosts of a mass failure (a comment says why). */
        REJECT,
        /** Keep a recovered host out of service (a comment says why); {@link #APPROVE} returns it. */
        KEEP_OUT,
        /** Rebuild the instance elsewhere (its policy said to ask first). */
        REBUILD,
        /** Leave the instance where it is, not rebuilt (a comment says why). */
        SKIP;

        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Optional<Decision> fromWire(String value) {
            for (Decision d : values()) {
                if (d.wireName().equals(value)) {
                    return Optional.of(d);
                }
            }
            return Optional.empty();
        }

        public boolean retries() {
            return this == RETRY_ON_HOST || this == RETRY_SCHEDULER || this == RETRY || this == RETRY_FENCING;
        }
    }

    /** What an operator may decide for an instance whose evacuation failed. */
    public static final List<Decision> EVACUATION_CHOICES = List.of(Decision.RETRY_ON_HOST, Decision.RETRY_SCHEDULER,
            Decision.RECOVERED_BY_HAND, Decision.GIVE_UP);
    /** What an operator may decide for an instance that did not come back ACTIVE after its restart. */
    public static final List<Decision> RESTART_CHOICES = List.of(Decision.RETRY, Decision.RECOVERED_BY_HAND,
            Decision.GIVE_UP);

    /** What an operator may decide for a failed host whose BMC did not confirm it is off. */
    public static final List<Decision> FENCING_CHOICES = List.of(Decision.CONFIRMED_OFF, Decision.RETRY_FENCING,
            Decision.GIVE_UP);

    private OperatorRules() {
    }

    /**
     * Whether the failure of attempt {@code attempt} (from 1) is retried on its own: attempts 1 to
     * {@code automaticRetries} are; the operators' retries always come after them and are not.
     */
    public static boolean retryAutomatically(int attempt, int automaticRetries) {
        return attempt <= automaticRetries;
    }

    /** The hosts a retry must not plan onto: the source, and every target an earlier attempt failed on. */
    public static Set<String> excludedTargets(List<VmMove> attempts) {
        Set<String> excluded = new java.util.TreeSet<>();
        for (VmMove attempt : attempts) {
            excluded.add(attempt.sourceHost());
            if (attempt.targetHost() != null) {
                excluded.add(attempt.targetHost());
            }
        }
        return excluded;
    }

    /** The candidates that could take an instance of this size now. */
    public static List<TargetPlanner.Candidate> hostsWithRoom(List<TargetPlanner.Candidate> candidates, int vcpus,
                                                              int ramMb) {
        return candidates.stream().filter(c -> c.freeVcpus() >= vcpus && c.freeRamMb() >= ramMb).toList();
    }

    /**
     * Why the operator's decision cannot be accepted as given, or empty when it can.
     *
     * @param hostsWithRoom the segment's hosts that are up, enabled, not on maintenance and have room for
     *                      the instance now
     */
    public static Optional<String> problem(String decision, String chosenHost, String comment,
                                           List<TargetPlanner.Candidate> hostsWithRoom) {
        Optional<Decision> parsed = chosen(decision, EVACUATION_CHOICES);
        if (parsed.isEmpty()) {
            return Optional.of(notAChoice(decision, EVACUATION_CHOICES));
        }
        if (parsed.get() == Decision.RETRY_ON_HOST) {
            if (chosenHost == null || chosenHost.isBlank()) {
                return Optional.of("Choose the host to retry on.");
            }
            if (hostsWithRoom.stream().noneMatch(c -> c.host().equals(chosenHost))) {
                return Optional.of("Host '" + shortened(chosenHost) + "' cannot take the instance now: it is "
                        + "not in the segment, not up, disabled, on maintenance, or has too little free vCPU or "
                        + "RAM." + (hostsWithRoom.isEmpty() ? " No host of the segment can take it now."
                        : " Hosts that can: " + hostsWithRoom.stream().map(TargetPlanner.Candidate::host)
                        .collect(Collectors.joining(", ")) + "."));
            }
        }
        return commentProblem(parsed.get(), comment);
    }

    /**
     * Why the operator's decision on an instance that did not restart cannot be accepted as given, or empty
     * when it can.
     */
    public static Optional<String> restartProblem(String decision, String comment) {
        Optional<Decision> parsed = chosen(decision, RESTART_CHOICES);
        if (parsed.isEmpty()) {
            return Optional.of(notAChoice(decision, RESTART_CHOICES));
        }
        return commentProblem(parsed.get(), comment);
    }

    /**
     * Why the operator's decision on a host that could not be fenced cannot be accepted as given, or empty when
     * it can: "confirmed off" and "give up" need a comment that says how, or why.
     */
    public static Optional<String> fencingProblem(String decision, String comment) {
        Optional<Decision> parsed = chosen(decision, FENCING_CHOICES);
        if (parsed.isEmpty()) {
            return Optional.of("Choose what to do with the host (" + FENCING_CHOICES.stream().map(Decision::wireName)
                    .collect(Collectors.joining(", ")) + ")" + (decision == null || decision.isBlank() ? "."
                    : "; '" + shortened(decision) + "' is none of them."));
        }
        if (parsed.get() != Decision.RETRY_FENCING && (comment == null || comment.isBlank())) {
            return Optional.of("Say in the comment " + (parsed.get() == Decision.GIVE_UP
                    ? "why the recovery is given up." : "how you made sure the host is powered off."));
        }
        return Optional.empty();
    }

    /** What an operator may decide for the hosts of a mass failure the host monitor found. */
    public static final List<Decision> MASS_FAILURE_CHOICES = List.of(Decision.APPROVE, Decision.REJECT);

    /** Why the operator's decision on a mass failure cannot be accepted as given, or empty when it can. */
    public static Optional<String> approvalProblem(String decision, String comment) {
        Optional<Decision> parsed = chosen(decision, MASS_FAILURE_CHOICES);
        if (parsed.isEmpty()) {
            return Optional.of("Choose whether to recover the hosts (" + MASS_FAILURE_CHOICES.stream()
                    .map(Decision::wireName).collect(Collectors.joining(", ")) + ")" + (decision == null
                    || decision.isBlank() ? "." : "; '" + shortened(decision) + "' is none of them."));
        }
        if (parsed.get() == Decision.REJECT && (comment == null || comment.isBlank())) {
            return Optional.of("Say in the comment why none of the hosts is recovered.");
        }
        return Optional.empty();
    }

    /** What an operator may decide for an instance whose policy says to ask before it is rebuilt. */
    public static final List<Decision> REBUILD_CHOICES = List.of(Decision.REBUILD, Decision.SKIP);

    /** Why the decision on "Rebuild ... ?" cannot be accepted; empty when it can. Skipping needs a reason. */
    public static Optional<String> rebuildProblem(String decision, String comment) {
        Optional<Decision> parsed = chosen(decision, REBUILD_CHOICES);
        if (parsed.isEmpty()) {
            return Optional.of(notAChoice(decision, REBUILD_CHOICES));
        }
        if (parsed.get() == Decision.SKIP && (comment == null || comment.isBlank())) {
            return Optional.of("Say in the comment why the instance is not rebuilt.");
        }
        return Optional.empty();
    }

    /** What an operator may decide for a recovered host that is healthy again. */
    public static final List<Decision> RETURN_CHOICES = List.of(Decision.APPROVE, Decision.KEEP_OUT);

    /** Why the decision on "Return host to service?" cannot be accepted; empty when it can. */
    public static Optional<String> returnProblem(String decision, String comment) {
        Optional<Decision> parsed = chosen(decision, RETURN_CHOICES);
        if (parsed.isEmpty()) {
            return Optional.of("Choose whether to return the host to service (" + RETURN_CHOICES.stream()
                    .map(Decision::wireName).collect(Collectors.joining(", ")) + ")" + (decision == null
                    || decision.isBlank() ? "." : "; '" + shortened(decision) + "' is none of them."));
        }
        if (parsed.get() == Decision.KEEP_OUT && (comment == null || comment.isBlank())) {
            return Optional.of("Say in the comment why the host stays out of service.");
        }
        return Optional.empty();
    }

    private static Optional<Decision> chosen(String decision, List<Decision> choices) {
        return Decision.fromWire(decision).filter(choices::contains);
    }

    private static String notAChoice(String decision, List<Decision> choices) {
        return "Choose what to do with the instance (" + choices.stream().map(Decision::wireName)
                .collect(Collectors.joining(", ")) + ")"
                + (decision == null || decision.isBlank() ? "." : "; '" + shortened(decision) + "' is none of them.");
    }

    /** "Recovered by hand" and "give up" need a comment that says how, or why. */
    private static Optional<String> commentProblem(Decision decision, String comment) {
        if ((decision == Decision.RECOVERED_BY_HAND || decision == Decision.GIVE_UP)
                && (comment == null || comment.isBlank())) {
            return Optional.of("Say in the comment " + (decision == Decision.GIVE_UP
                    ? "why the instance is given up." : "how the instance was recovered."));
        }
        return Optional.empty();
    }
}
