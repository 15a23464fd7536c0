package org.instanceha.recovery;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.instanceha.nova.Server;
import org.springframework.stereotype.Component;

/**
 * The failed host's servers as "Identify protected instances" just listed them, kept on this node for a few
 * seconds so that each instance's "Prepare instance" can start from the listing instead of reading its server
 * again: one Nova call for the host instead of one per instance before the first evacuation. Each server is
 * handed out once ({@link #take}); a retry, a later tier or another node reads Nova afresh. While the host is
 * forced down only the API can change its servers, and what that changes shows up as Nova's refusal of the next
 * call (a deleted server's lock answers 404), which the retry then reads.
 */
@Component
public class ListedServers {

    /** How long a listing stands in for a read. */
    static final Duration FRESH_FOR = Duration.ofSeconds(5);

    private final Cache<String, Server> listed = Caffeine.newBuilder()
            .expireAfterWrite(FRESH_FOR)
            .maximumSize(10_000)
            .build();

    public void remember(List<Server> servers) {
        servers.forEach(server -> listed.put(server.id(), server));
    }

    /** The server as listed within the last seconds, once; empty when it was not, or was taken already. */
    public Optional<Server> take(String serverId) {
        return Optional.ofNullable(listed.asMap().remove(serverId));
    }
}
