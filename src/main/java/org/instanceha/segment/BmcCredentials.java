package org.instanceha.segment;

import java.util.Optional;

import org.instanceha.fencing.Bmc;
import org.springframework.stereotype.Component;

/**
 * A host's BMC password, sealed where it is stored and opened for a call through the Fencing port; never shown,
 * never logged. A sealed password is bound to its host's name and its BMC's protocol, address, port and system:
 * copied to another host, or left behind when the address is changed in the database, it does not open.
 */
@Component
public class BmcCredentials {

    private final SecretBox box;

    public BmcCredentials(SecretBox box) {
        this.box = box;
    }

    /** The host's BMC, ready to call; empty when its {@code control_attributes} describe none. */
    public Optional<Bmc> of(Host host) {
        return ControlAttributes.bmc(host.controlAttributes()).map(b -> SecretBox.isSealed(b.password())
                ? b.withPassword(box.open(b.password(), binding(host.name(), b))) : b);
    }

    /**
     * {@code attributes}, to be stored for the host {@code hostName}, with the BMC's password sealed for it. A
     * password that is sealed already is the one {@code was} keeps (its address unchanged, see
     * {@link ControlAttributes#keepingPassword}): it is opened for {@code was} and sealed again for the host as
     * it will be (its name may change).
     */
    String sealedFor(String hostName, String attributes, Host was) {
        Optional<Bmc> bmc = ControlAttributes.bmc(attributes);
        if (bmc.isEmpty()) {
            return attributes;
        }
        String binding = binding(hostName, bmc.get());
        return ControlAttributes.withPassword(attributes, password -> box.seal(SecretBox.isSealed(password)
                ? of(was).orElseThrow().password() : password, binding));
    }

    /** The host's attributes sealed again with the sealing key, or empty when they need no change. */
    Optional<String> sealedAgain(Host host) {
        Optional<Bmc> bmc = ControlAttributes.bmc(host.controlAttributes());
        if (bmc.isEmpty() || !box.needsSealingAgain(bmc.get().password())) {
            return Optional.empty();
        }
        return Optional.of(sealedFor(host.name(), host.controlAttributes(), host));
    }

    private static String binding(String hostName, Bmc bmc) {
        return String.join("\n", "bmc-password", hostName, bmc.protocol().wireName(), bmc.host(),
                Integer.toString(bmc.port()), bmc.systemsUri() == null ? "" : bmc.systemsUri());
    }
}
