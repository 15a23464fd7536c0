package org.instanceha.nova;

import java.util.Set;

/** What the contract tests need to do to a cloud besides calling the {@link Compute} port. */
interface CloudUnderTest {

    /** A host whose nova-compute is up and enabled and which runs at least {@code count} servers. */
    String hostWithServers(int count);

    /** The ids of the servers on a host, read independently of the adapter's paging. */
    Set<String> serverIdsOn(String host);

    /** The host dies: its nova-compute stops. */
    void killHost(String host);

    /** The host is back in service: process running, not forced down, enabled. */
    void restoreHost(String host);

    /** Whether this cloud can inject faults and expire tokens on demand (only the simulator can). */
    boolean canInjectFaults();

    /** The next {@code count} Nova requests are answered with {@code status}. */
    void failNextRequests(int count, int status);

    /** The next Nova request hangs longer than the adapter's read timeout. */
    void hangNextRequest();

    /** From now on Keystone issues tokens that live this many seconds. */
    void issueTokensLiving(int seconds);

    /** How many tokens Keystone has issued so far. */
    int tokensIssued();

    /** How many Nova requests were refused for a missing, invalid or expired token. */
    int requestsWithInvalidToken();

    /** How long one evacuation may take before the test gives up. */
    java.time.Duration evacuationPatience();
}
