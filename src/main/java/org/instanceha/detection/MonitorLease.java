package org.instanceha.detection;

import java.util.UUID;

import javax.sql.DataSource;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.integration.jdbc.lock.DefaultLockRepository;
import org.springframework.integration.jdbc.lock.JdbcLockRegistry;
import org.springframework.integration.support.leader.LockRegistryLeaderInitiator;
import org.springframework.integration.util.UUIDConverter;

/**
 * The host monitor's leader lease, from Spring Integration: a {@link JdbcLockRegistry} lock in the shared
 * database (table {@code INT_LOCK}) that the judging node renews every third of {@code instanceha.detection.lease};
 * a node that dies stops renewing, and another takes the lock once it is that old.
 */
@Configuration(proxyBeanMethods = false)
public class MonitorLease {

    static final String REGION = "instance-ha";

    /** The lease's key in INT_LOCK, as JdbcLockRegistry names the lock of the leader initiator's role. */
    static final String LEASE_KEY = UUIDConverter.getUUID(MonitorLeadership.ROLE).toString();

    @Bean
    MonitorLeadership monitorLeadership(DefaultLockRepository monitorLockRepository) {
        return leadership(monitorLockRepository);
    }

    /** A node's candidate, which asks its lock repository whether its lease still runs before it reports. */
    static MonitorLeadership leadership(DefaultLockRepository repository) {
        return new MonitorLeadership(UUID.randomUUID().toString(), () -> repository.isAcquired(LEASE_KEY));
    }

    @Bean
    DefaultLockRepository monitorLockRepository(DataSource dataSource, DetectionProperties properties) {
        return lockRepository(dataSource, properties, REGION);
    }

    @Bean
    JdbcLockRegistry monitorLockRegistry(DefaultLockRepository monitorLockRepository) {
        return new JdbcLockRegistry(monitorLockRepository);
    }

    @Bean
    LockRegistryLeaderInitiator monitorLeaderInitiator(JdbcLockRegistry monitorLockRegistry,
                                                       MonitorLeadership monitorLeadership,
                                                       DetectionProperties properties) {
        return leaderInitiator(monitorLockRegistry, monitorLeadership, properties);
    }

    /** A lock repository of the lease, as every node has one. */
    static DefaultLockRepository lockRepository(DataSource dataSource, DetectionProperties properties, String region) {
        DefaultLockRepository repository = new DefaultLockRepository(dataSource);
        repository.setRegion(region);
        repository.setTimeToLive((int) properties.lease().toMillis());
        return repository;
    }

    /** What asks for the lease and renews it while held. */
    static LockRegistryLeaderInitiator leaderInitiator(JdbcLockRegistry registry, MonitorLeadership candidate,
                                                       DetectionProperties properties) {
        LockRegistryLeaderInitiator initiator = new LockRegistryLeaderInitiator(registry, candidate);
        initiator.setHeartBeatMillis(properties.lease().toMillis() / 3);
        initiator.setBusyWaitMillis(Math.max(50, properties.lease().toMillis() / 30));
        return initiator;
    }
}
