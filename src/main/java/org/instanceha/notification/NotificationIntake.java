package org.instanceha.notification;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import org.instanceha.common.ConflictException;
import org.instanceha.common.InvalidInputException;
import org.instanceha.common.UtcTime;
import org.instanceha.segment.Host;
import org.instanceha.segment.HostRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Takes in a failure report: the host must be registered and not on maintenance, the report must not
 * repeat one of the last {@code duplicate-interval}; then the notification is stored and its recovery
 * workflow started, in one transaction, so that neither exists without the other.
 */
@Service
public class NotificationIntake {

    private static final Logger log = LoggerFactory.getLogger(NotificationIntake.class);
    private static final ObjectMapper CANONICAL = JsonMapper.builder()
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS).build();

    private final NotificationRepository notifications;
    private final HostRepository hosts;
    private final RecoveryStarter starter;
    private final NotificationProperties properties;
    private final Clock clock;

    public NotificationIntake(NotificationRepository notifications, HostRepository hosts, RecoveryStarter starter,
                              NotificationProperties properties, Clock clock) {
        this.notifications = notifications;
        this.hosts = hosts;
        this.starter = starter;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * Stores a notification ({@code new}) and starts its workflow. A refused one changes nothing, and leaves a
     * caller's transaction (a workflow's job that reports several) free to go on.
     */
    @Transactional(noRollbackFor = {InvalidInputException.class, ConflictException.class})
    public Notification accept(NotificationDraft draft) {
        Notification stored = store(UUID.randomUUID().toString(), draft, NotificationStatus.NEW);
        starter.start(stored);
        log.info("Notification {}: {} from {} ({}), recovery started", stored.uuid(), draft.type(), draft.hostname(),
                stored.payload());
        return stored;
    }

    /**
     * Stores a notification for a workflow that was started without one (through Camunda's REST API),
     * under the same rules, already {@code running}.
     */
    @Transactional(noRollbackFor = {InvalidInputException.class, ConflictException.class})
    public Notification register(String uuid, NotificationDraft draft) {
        Notification stored = store(uuid, draft, NotificationStatus.RUNNING);
        log.info("Notification {}: {} from {} registered by its workflow", uuid, draft.type(), draft.hostname());
        return stored;
    }

    private Notification store(String uuid, NotificationDraft draft, NotificationStatus status) {
        PayloadRules.check(draft.type(), draft.payload());
        Host host = hosts.lockByName(draft.hostname()).orElseThrow(() ->
                new InvalidInputException("Host with name " + draft.hostname() + " could not be found."));
        if (host.onMaintenance()) {
            throw new ConflictException("Notification received from host " + draft.hostname() + " of type '"
                    + draft.type() + "' is ignored as the host is already under maintenance.");
        }
        String payload = canonical(draft.payload());
        LocalDateTime at = draft.generatedTime();
        if (notifications.existsSimilar(host.uuid(), draft.type(), payload, at.minus(properties.duplicateInterval()),
                at.plus(properties.duplicateInterval()))) {
            throw new ConflictException("Notification received from host " + draft.hostname() + " of type '"
                    + draft.type() + "' is ignored as a duplicate of one received within the last "
                    + properties.duplicateInterval().toSeconds() + " seconds.");
        }
        return notifications.insert(uuid, draft, payload, host.uuid(), host.segment().uuid(), status,
                UtcTime.now(clock));
    }

    /** The payload as JSON text with its keys in order, so that equal payloads compare equal in SQL. */
    public static String canonical(JsonNode payload) {
        try {
            return CANONICAL.writeValueAsString(CANONICAL.treeToValue(payload, Object.class));
        } catch (JsonProcessingException e) {
            throw new InvalidInputException("The payload could not be read: " + e.getOriginalMessage());
        }
    }
}
