package org.instanceha.nova;

/**
 * Supplies the Keystone URL when {@code instanceha.openstack.auth-url} is not set: the built-in
 * simulator provides one for its own Keystone, whose port is only known once the server runs.
 */
public interface DefaultCloud {

    /** The Keystone v3 URL, e.g. {@code http://localhost:8080/simulator/identity/v3}. */
    String authUrl();
}
