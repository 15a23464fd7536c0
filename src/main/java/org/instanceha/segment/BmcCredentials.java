package org.instanceha.segment;

import java.util.Optional;

import org.instanceha.fencing.Bmc;
import org.springframework.stereotype.Component;

/** A host's BMC with its password opened, for a call through the Fencing port; never shown, never logged. */
@Component
public class BmcCredentials {

    private final SecretBox box;

    public BmcCredentials(SecretBox box) {
        this.box = box;
    }

    /** The host's BMC, ready to call; empty when its {@code control_attributes} describe none. */
    public Optional<Bmc> of(Host host) {
        return ControlAttributes.bmc(host.controlAttributes())
                .map(b -> SecretBox.isSealed(b.password()) ? b.withPassword(box.open(b.password())) : b);
    }
}
