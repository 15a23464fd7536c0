package org.instanceha.simulator;

/** The simulated Keystone or Nova received no valid token (401, in keystonemiddleware's body). */
class KeystoneUnauthorized extends RuntimeException {
    KeystoneUnauthorized() {
        super("The request you have made requires authentication.");
    }
}
