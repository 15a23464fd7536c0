package org.instanceha.security;

/** Where API callers are authenticated. */
public enum AuthMode {
    /** HTTP Basic against Camunda's identity service (users and groups managed in Camunda Admin). */
    LOCAL,
    /** OpenStack Keystone tokens ({@code X-Auth-Token}). */
    KEYSTONE
}
