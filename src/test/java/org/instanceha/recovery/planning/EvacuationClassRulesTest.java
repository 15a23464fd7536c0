package org.instanceha.recovery.planning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import org.instanceha.common.InvalidInputException;
import org.instanceha.nova.Server;
import org.instanceha.nova.ServerBuild;
import org.instanceha.segment.EvacuationAction;
import org.instanceha.segment.EvacuationClass;
import org.instanceha.segment.EvacuationPolicy;
import org.instanceha.segment.InstanceStorage;
import org.junit.jupiter.api.Test;

class EvacuationClassRulesTest {

    private static final EvacuationPolicy SHARED = EvacuationPolicy.DEFAULTS;
    private static final EvacuationPolicy LOCAL = SHARED.with(new EvacuationPolicy.Changes(InstanceStorage.LOCAL,
            List.of("octavia"), List.of("amphora-*", "lb-??"), null));

    private static Server server(String name, String project, ServerBuild build, Map<String, String> metadata) {
        return new Server("id-" + name, name, "ACTIVE", "active", null, 1, "c1", "c1", false, metadata, 1, 512, null,
                project, build);
    }

    private static Server server(ServerBuild build) {
        return server("vm", "demo", build, Map.of());
    }

    @Test
    void theFirstClassThatAppliesWins() {
        ServerBuild vtpm = new ServerBuild(true, 0, 0, Map.of("hw:tpm_version", "2.0"));
        ServerBuild accelerated = new ServerBuild(false, 0, 0, Map.of("accel:device_profile", "gpu"));
        ServerBuild pci = new ServerBuild(false, 0, 0, Map.of("pci_passthrough:alias", "a1:2"));
        ServerBuild volume = new ServerBuild(true, 0, 0, Map.of("hw:cpu_policy", "dedicated"));
        ServerBuild volumeWithSwap = new ServerBuild(true, 0, 512, Map.of());
        assertThat(EvacuationClassRules.classify(server(vtpm), LOCAL)).isEqualTo(EvacuationClass.NOT_EVACUABLE);
        assertThat(EvacuationClassRules.classify(server("amphora-1", "demo", accelerated, Map.of()), LOCAL))
                .as("not evacuable before owned by a service").isEqualTo(EvacuationClass.NOT_EVACUABLE);
        assertThat(EvacuationClassRules.classify(server(pci), SHARED)).isEqualTo(EvacuationClass.NOT_EVACUABLE);
        assertThat(EvacuationClassRules.classify(server("amphora-1", "demo", volume, Map.of()), LOCAL))
                .isEqualTo(EvacuationClass.SERVICE_OWNED);
        assertThat(EvacuationClassRules.classify(server("lb-01", "demo", volume, Map.of()), LOCAL))
                .isEqualTo(EvacuationClass.SERVICE_OWNED);
        assertThat(EvacuationClassRules.classify(server("lb-001", "demo", volume, Map.of()), LOCAL))
                .as("? is one character").isEqualTo(EvacuationClass.VOLUME_BACKED);
        assertThat(EvacuationClassRules.classify(server("x", "octavia", volume, Map.of()), LOCAL))
                .isEqualTo(EvacuationClass.SERVICE_OWNED);
        assertThat(EvacuationClassRules.classify(server(volume), LOCAL)).isEqualTo(EvacuationClass.VOLUME_BACKED);
        assertThat(EvacuationClassRules.classify(server(volumeWithSwap), LOCAL))
                .as("its swap lives on the host").isEqualTo(EvacuationClass.LOCAL_EPHEMERAL);
        assertThat(EvacuationClassRules.classify(server(ServerBuild.FROM_IMAGE), LOCAL))
                .isEqualTo(EvacuationClass.LOCAL_EPHEMERAL);
        assertThat(EvacuationClassRules.classify(server(ServerBuild.FROM_IMAGE), SHARED))
                .isEqualTo(EvacuationClass.SHARED_EPHEMERAL);
    }

    @Test
    void theDefaultsAskAboutLocalDisksSkipWhatNovaCannotEvacuateAndEvacuateTheRest() {
        assertThat(SHARED.actions()).containsEntry(EvacuationClass.LOCAL_EPHEMERAL, EvacuationAction.ASK)
                .containsEntry(EvacuationClass.NOT_EVACUABLE, EvacuationAction.SKIP)
                .containsEntry(EvacuationClass.VOLUME_BACKED, EvacuationAction.EVACUATE)
                .containsEntry(EvacuationClass.SHARED_EPHEMERAL, EvacuationAction.EVACUATE)
                .containsEntry(EvacuationClass.SERVICE_OWNED, EvacuationAction.EVACUATE);
        EvacuationClassRules.Choice choice = EvacuationClassRules.choose(server(new ServerBuild(false, 0, 0,
                Map.of("hw:tpm_model", "tpm-crb", "pci_passthrough:alias", "a1:1"))), SHARED);
        assertThat(choice.action()).isEqualTo(EvacuationAction.SKIP);
        assertThat(choice.reason()).isEqualTo("not evacuable by Nova (PCI devices, a vTPM)");
    }

    @Test
    void theInstancesMetadataOverridesItsClassesActionAndABadValueIsNamed() {
        EvacuationClassRules.Choice stopped = EvacuationClassRules.choose(server("vm", "demo", ServerBuild.FROM_IMAGE,
                Map.of(EvacuationClassRules.ACTION_METADATA, "evacuate_stopped")), LOCAL);
        assertThat(stopped.evacuationClass()).isEqualTo(EvacuationClass.LOCAL_EPHEMERAL);
        assertThat(stopped.action()).isEqualTo(EvacuationAction.EVACUATE_STOPPED);
        assertThat(stopped.problem()).isNull();
        EvacuationClassRules.Choice bad = EvacuationClassRules.choose(server("vm", "demo", ServerBuild.FROM_IMAGE,
                Map.of(EvacuationClassRules.ACTION_METADATA, "later")), LOCAL);
        assertThat(bad.action()).isEqualTo(EvacuationAction.ASK);
        assertThat(bad.problem()).isEqualTo("vm: instanceha:action 'later' is not one of [evacuate, evacuate_stopped, "
                + "skip, ask], its class's action holds");
    }

    @Test
    void aPolicyThatWouldRebuildWhatNovaCannotOrListsTooMuchIsRefused() {
        assertThatThrownBy(() -> new EvacuationPolicy.Changes(null, null, null,
                Map.of(EvacuationClass.NOT_EVACUABLE, EvacuationAction.EVACUATE)))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("its action is 'skip' or 'ask'");
        assertThatThrownBy(() -> new EvacuationPolicy.Changes(null, java.util.Collections.nCopies(51, "p"), null,
                null)).isInstanceOf(InvalidInputException.class).hasMessageContaining("At most 50 entries");
        assertThatThrownBy(() -> new EvacuationPolicy.Changes(null, List.of("no spaces"), null, null))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("does not match");
        assertThatThrownBy(() -> new EvacuationPolicy.Changes(null, null, List.of("line\nbreak"), null))
                .isInstanceOf(InvalidInputException.class);
    }
}
