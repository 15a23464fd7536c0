package org.instanceha.fencing;

/**
 * A host's baseboard management controller, as its {@code control_attributes} describe it: how to reach it,
 * and as whom. Its stored {@code password} is sealed (the segment package opens it before a Fencing call); {@link #toString()}
 * never shows it.
 *
 * @param protocol          {@code ipmi} (IPMI 2.0 over RMCP+) or {@code redfish}
 * @param host              the BMC's address
 * @param port              623 for IPMI, 443 for Redfish, unless given
 * @param cipher            IPMI only: the cipher suite (default 3); null for Redfish
 * @param systemsUri        Redfish only: the system to act on; null for the first of the service root
 * @param caCertificate     Redfish only: a PEM file on the engine's machines that the BMC's certificate must
 *                          chain to; null when {@code verifyTls} is false
 * @param verifyTls         Redfish only: false to accept any certificate
 * @param managementAddress {@code host:port} of a TCP port that answers while the host runs; null if none
 */
public record Bmc(Protocol protocol, String host, int port, String username, String password, Integer cipher,
                  String systemsUri, String caCertificate, boolean verifyTls, String managementAddress) {

    /** How instance-ha speaks to a BMC. */
    public enum Protocol {
        IPMI("ipmi", 623), REDFISH("redfish", 443);

        private final String wireName;
        private final int defaultPort;

        Protocol(String wireName, int defaultPort) {
            this.wireName = wireName;
            this.defaultPort = defaultPort;
        }

        public String wireName() {
            return wireName;
        }

        public int defaultPort() {
            return defaultPort;
        }
    }

    /** The same BMC with another password (the segment package opens a sealed one). */
    public Bmc withPassword(String other) {
        return new Bmc(protocol, host, port, username, other, cipher, systemsUri, caCertificate, verifyTls,
                managementAddress);
    }

    /** How operators see it: protocol, user and address; never the password. */
    public String summary() {
        return protocol.wireName() + " " + username + "@" + host + ":" + port;
    }

    @Override
    public String toString() {
        return "Bmc[" + protocol.wireName() + " " + username + "@" + host + ":" + port + "]";
    }
}
