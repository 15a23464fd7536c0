package org.instanceha.segment;

import org.instanceha.fencing.Bmc;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.instanceha.common.InvalidInputException;
import org.junit.jupiter.api.Test;

class ControlAttributesTest {

    private static final String SECRET = "s3cr3t-Bmc-Pa55";
    private static final String IPMI = """
            {"host": "10.0.0.21", "username": "admin", "password": "%s"}""".formatted(SECRET);
    private static final String REDFISH = """
            {"protocol": "redfish", "host": "bmc22.example.com", "port": 8443, "username": "root",
             "password": "%s", "verify_tls": false, "management_address": "10.0.1.22:22"}""".formatted(SECRET);

    @Test
    void aPlainStringMeansNoBmcAndKeepsMasakarisLimit() {
        assertThat(ControlAttributes.validated("SSH")).isEqualTo("SSH");
        assertThat(ControlAttributes.bmc("SSH")).isEmpty();
        assertThatThrownBy(() -> ControlAttributes.validated("x".repeat(256))).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("is too long");
    }

    @Test
    void anIpmiBmcNeedsHostUserAndPasswordAndTakesTheDefaults() {
        Bmc bmc = ControlAttributes.bmc(ControlAttributes.validated(IPMI)).orElseThrow();

        assertThat(bmc.protocol()).isEqualTo(Bmc.Protocol.IPMI);
        assertThat(bmc.port()).isEqualTo(623);
        assertThat(bmc.cipher()).isEqualTo(3);
        assertThat(bmc.password()).isEqualTo(SECRET);
        assertThat(bmc.toString()).doesNotContain(SECRET);
    }

    @Test
    void aRedfishBmcNeedsACertificateOrVerifyTlsFalse() {
        Bmc bmc = ControlAttributes.bmc(REDFISH).orElseThrow();
        assertThat(bmc.protocol()).isEqualTo(Bmc.Protocol.REDFISH);
        assertThat(bmc.port()).isEqualTo(8443);
        assertThat(bmc.verifyTls()).isFalse();
        assertThat(bmc.managementAddress()).isEqualTo("10.0.1.22:22");

        assertRefused("""
                {"protocol": "redfish", "host": "b", "username": "u", "password": "p"}""", "ca_certificate");
        assertThat(ControlAttributes.bmc("""
                {"protocol": "redfish", "host": "b", "username": "u", "password": "p",
                 "ca_certificate": "/etc/instanceha/bmc-ca.pem"}""").orElseThrow().verifyTls()).isTrue();
    }

    @Test
    void aMissingOrWrongFieldIsRefusedByNameWithoutEchoingThePassword() {
        assertRefused("""
                {"host": "10.0.0.21", "password": "%s"}""".formatted(SECRET), "'username' is missing");
        assertRefused("""
                {"host": "10.0.0.21", "username": "u", "password": "%s", "port": 70000}""".formatted(SECRET), "'port'");
        assertRefused("""
                {"host": "10.0.0.21", "username": "u", "password": "%s", "protocol": "ilo"}""".formatted(SECRET),
                "'protocol' must be ipmi or redfish");
        assertRefused("""
                {"host": "10.0.0.21", "username": "u", "password": "%s", "verify_tls": false}""".formatted(SECRET),
                "'verify_tls' is not a field of a BMC of protocol ipmi");
        assertRefused("""
                {"host": "a b", "username": "u", "password": "%s"}""".formatted(SECRET), "'host'");
        assertRefused("""
                {"host": "h", "username": "u", "password": "%s", "management_address": "h"}""".formatted(SECRET),
                "'management_address'");
        assertRefused("{\"host\": \"h\", \"password\": \"" + SECRET + "\",", "not one");
        assertRefused("{\"host\": \"h\", \"username\": \"u\", \"password\": \"" + SECRET + "\", \"x\": \""
                + "y".repeat(1024) + "\"}", "at most 1024 characters");
    }

    @Test
    void thePasswordIsShownMaskedAndTheMaskSentBackKeepsIt() {
        String shown = ControlAttributes.masked(REDFISH);
        assertThat(shown).doesNotContain(SECRET).contains("\"password\":\"" + ControlAttributes.MASK + "\"")
                .contains("bmc22.example.com");
        assertThat(ControlAttributes.masked("SSH")).isEqualTo("SSH");

        String kept = ControlAttributes.keepingPassword(shown.replace("\"root\"", "\"operator\""), REDFISH);
        assertThat(ControlAttributes.bmc(kept).orElseThrow().password()).isEqualTo(SECRET);
        assertThat(ControlAttributes.bmc(kept).orElseThrow().username()).isEqualTo("operator");
        for (String elsewhere : java.util.List.of(shown.replace("8443", "9443"),
                shown.replace("bmc22.example.com", "attacker.example.com"),
                shown.replace("\"redfish\"", "\"ipmi\"").replaceAll(",\\s*\"(systems_uri|ca_certificate|verify_tls)\"[^,}]*", ""))) {
            assertThatThrownBy(() -> ControlAttributes.keepingPassword(elsewhere, REDFISH))
                    .as(elsewhere).isInstanceOf(InvalidInputException.class)
                    .hasMessageContaining("'password'").hasMessageContaining("goes only where it went");
        }
        assertThatThrownBy(() -> ControlAttributes.keepingPassword(shown.replace(ControlAttributes.MASK,
                "sealed:v1:AAAA"), REDFISH)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("'password' must be the BMC's password, not a sealed value");
        assertThat(ControlAttributes.keepingPassword(IPMI, REDFISH)).isEqualTo(IPMI);
        assertThatThrownBy(() -> ControlAttributes.keepingPassword(shown, "SSH"))
                .hasMessageContaining("no BMC password to keep");
    }

    private static void assertRefused(String text, String reason) {
        assertThatThrownBy(() -> ControlAttributes.validated(text)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("control_attributes").hasMessageContaining(reason)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain(SECRET));
    }
}
