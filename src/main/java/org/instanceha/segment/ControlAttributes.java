package org.instanceha.segment;

import org.instanceha.common.JsonValues;
import org.instanceha.fencing.Bmc;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.instanceha.common.FieldRules;
import org.instanceha.common.InvalidInputException;

/**
 * A host's {@code control_attributes}: a plain string, as Masakari's clients send ({@code SSH}), which means
 * "no BMC"; or a JSON object that describes the host's BMC ({@link Bmc}). A plain string holds at most 255
 * characters, as in Masakari; a JSON object at most 1,024. A BMC's password never leaves: what is shown has
 * {@link #MASK} in its place, and an update that sends the mask back keeps the stored password. Errors name
 * the field and never echo the value (it may hold a password). Plain Java.
 */
public final class ControlAttributes {

    /** What a BMC's password is shown as. */
    public static final String MASK = "******";
    static final int PLAIN_MAX = 255;
    static final int JSON_MAX = 1024;

    private static final ObjectMapper JSON = JsonValues.MAPPER;
    private static final List<String> COMMON = List.of("protocol", "host", "port", "username", "password",
            "management_address");
    private static final Set<String> IPMI_ONLY = Set.of("cipher");
    private static final Set<String> REDFISH_ONLY = Set.of("systems_uri", "ca_certificate", "verify_tls");
    private static final Pattern ADDRESS = Pattern.compile("^[A-Za-z0-9.\\-]{1,253}$|^\\[[0-9A-Fa-f:.]{2,45}]$"
            + "|^[0-9A-Fa-f:.]{2,45}$");
    private static final Pattern HOST_PORT = Pattern.compile("^(.+):([0-9]{1,5})$");

    private ControlAttributes() {
    }

    /** The field as it is stored: a plain string, or a BMC's JSON object with every field checked. */
    public static String validated(String text) {
        if (!isObject(text)) {
            return FieldRules.length("control_attributes", text, 1, PLAIN_MAX);
        }
        if (text.length() > JSON_MAX) {
            throw invalid("a BMC's JSON object holds at most " + JSON_MAX + " characters, this one "
                    + text.length() + ".");
        }
        parse(text);
        return text;
    }

    /**
     * The field a form's BMC fields describe: {@code SSH} (no BMC) when no protocol is chosen, else a BMC's JSON
     * object, checked as any other ({@link #validated}). Blank fields are left out: the defaults apply.
     */
    public static String fromFields(String protocol, String host, String port, String username, String password,
                                    String systemsUri, String caCertificate, boolean verifyTls,
                                    String managementAddress) {
        if (protocol == null || protocol.isBlank() || protocol.equals("none")) {
            return "SSH";
        }
        ObjectNode json = JSON.createObjectNode().put("protocol", protocol.strip());
        putIfGiven(json, "host", host);
        if (port != null && !port.isBlank()) {
            try {
                json.put("port", Integer.parseInt(port.strip()));
            } catch (NumberFormatException e) {
                throw invalid("'port' must be a number from 1 to 65535.");
            }
        }
        putIfGiven(json, "username", username);
        putIfGiven(json, "password", password);
        if (protocol.strip().equals(Bmc.Protocol.REDFISH.wireName())) {
            putIfGiven(json, "systems_uri", systemsUri);
            putIfGiven(json, "ca_certificate", caCertificate);
            if (!verifyTls) {
                json.put("verify_tls", false);
            }
        }
        putIfGiven(json, "management_address", managementAddress);
        return validated(json.toString());
    }

    private static void putIfGiven(ObjectNode json, String field, String value) {
        if (value != null && !value.isBlank()) {
            json.put(field, value.strip());
        }
    }

    /** The BMC the stored field describes; empty for a plain string. */
    public static Optional<Bmc> bmc(String stored) {
        return stored == null || !isObject(stored) ? Optional.empty() : Optional.of(parse(stored));
    }

    /** The field as the API and the dashboard show it: a BMC's password replaced by {@link #MASK}. */
    public static String masked(String stored) {
        if (stored == null || !isObject(stored)) {
            return stored;
        }
        ObjectNode shown = object(stored);
        if (shown.has("password")) {
            shown.put("password", MASK);
        }
        return shown.toString();
    }

    /**
     * What to store when {@code given} replaces {@code stored}: given as it is, unless its password is the mask,
     * which stands for the stored password (a form or a client that sends back what it was shown). The stored
     * password goes only where it went: with the mask, the BMC's protocol, address, port, system and the way its
     * certificate is checked must stay as they are (else the caller gives the password itself). A sealed value is
     * never taken from a caller: it would open to another host's password.
     */
    public static String keepingPassword(String given, String stored) {
        if (given == null || !isObject(given)) {
            return given;
        }
        String password = object(given).path("password").asText(null);
        if (password != null && password.startsWith(SecretBox.PREFIX)) {
            throw invalid("'password' must be the BMC's password, not a sealed value.");
        }
        if (!MASK.equals(password)) {
            return given;
        }
        Optional<Bmc> current = bmc(stored);
        if (current.isEmpty()) {
            throw invalid("'password' is the mask " + MASK + ", and the host has no BMC password to keep: give the "
                    + "BMC's password.");
        }
        Bmc was = current.get();
        Bmc wanted = parse(given);
        if (was.protocol() != wanted.protocol() || !was.host().equals(wanted.host()) || was.port() != wanted.port()
                || !java.util.Objects.equals(was.systemsUri(), wanted.systemsUri())
                || !java.util.Objects.equals(was.caCertificate(), wanted.caCertificate())
                || was.verifyTls() != wanted.verifyTls()) {
            throw invalid("'password' is the mask " + MASK + ", but the BMC's protocol, host, port, systems_uri, "
                    + "ca_certificate or verify_tls changes: give the BMC's password, the stored one goes only where "
                    + "it went.");
        }
        ObjectNode kept = object(given);
        kept.put("password", current.get().password());
        return validated(kept.toString());
    }

    /** The stored field with a BMC's password passed through {@code change} (sealing it); other fields as given. */
    static String withPassword(String stored, java.util.function.UnaryOperator<String> change) {
        if (stored == null || !isObject(stored)) {
            return stored;
        }
        ObjectNode json = object(stored);
        String password = json.path("password").asText(null);
        if (password == null) {
            return stored;
        }
        String changed = change.apply(password);
        if (changed.equals(password)) {
            return stored;
        }
        json.put("password", changed);
        if (json.toString().length() > JSON_MAX) {
            throw invalid("with its password stored sealed, this BMC's JSON object is longer than " + JSON_MAX
                    + " characters: shorten a field.");
        }
        return json.toString();
    }

    private static boolean isObject(String text) {
        return text.strip().startsWith("{");
    }

    private static ObjectNode object(String text) {
        try {
            JsonNode node = JSON.readTree(text);
            if (node instanceof ObjectNode object) {
                return object;
            }
        } catch (JsonProcessingException e) {
            // answered below, without the value
        }
        throw invalid("a BMC is described by a JSON object, and this is not one.");
    }

    private static Bmc parse(String text) {
        ObjectNode json = object(text);
        Bmc.Protocol protocol = protocol(json);
        List<String> fields = new ArrayList<>(COMMON);
        fields.addAll(protocol == Bmc.Protocol.IPMI ? IPMI_ONLY : REDFISH_ONLY);
        for (Iterator<String> names = json.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!fields.contains(name)) {
                throw invalid("'" + name + "' is not a field of a BMC of protocol " + protocol.wireName() + " ("
                        + String.join(", ", fields) + ").");
            }
        }
        String host = text(json, "host", true);
        if (!ADDRESS.matcher(host).matches()) {
            throw invalid("'host' must be the BMC's host name or IP address.");
        }
        int port = json.has("port") ? integer(json, "port", 1, 65535) : protocol.defaultPort();
        String username = text(json, "username", true);
        String password = text(json, "password", true);
        String management = text(json, "management_address", false);
        if (management != null) {
            var m = HOST_PORT.matcher(management);
            if (!m.matches() || !ADDRESS.matcher(m.group(1)).matches() || Integer.parseInt(m.group(2)) < 1
                    || Integer.parseInt(m.group(2)) > 65535) {
                throw invalid("'management_address' must be host:port, a TCP port that answers while the host runs.");
            }
        }
        if (protocol == Bmc.Protocol.IPMI) {
            int cipher = json.has("cipher") ? integer(json, "cipher", 0, 17) : 3;
            return new Bmc(protocol, host, port, username, password, cipher, null, null, true, management);
        }
        String systemsUri = text(json, "systems_uri", false);
        if (systemsUri != null && !systemsUri.startsWith("/redfish/v1/Systems/")) {
            throw invalid("'systems_uri' must be a path under /redfish/v1/Systems/.");
        }
        String caCertificate = text(json, "ca_certificate", false);
        if (caCertificate != null && !caCertificate.startsWith("/")) {
            throw invalid("'ca_certificate' must be the absolute path of a PEM file on the engine's machines.");
        }
        JsonNode verify = json.get("verify_tls");
        if (verify != null && !verify.isBoolean()) {
            throw invalid("'verify_tls' must be true or false.");
        }
        boolean verifyTls = verify == null || verify.asBoolean();
        if (verifyTls == (caCertificate == null)) {
            throw invalid(verifyTls ? "a Redfish BMC needs 'ca_certificate' (a PEM file its certificate chains to), "
                    + "or 'verify_tls': false." : "'ca_certificate' and 'verify_tls': false contradict each other.");
        }
        return new Bmc(protocol, host, port, username, password, null, systemsUri, caCertificate, verifyTls,
                management);
    }

    private static Bmc.Protocol protocol(ObjectNode json) {
        String given = text(json, "protocol", false);
        if (given == null) {
            return Bmc.Protocol.IPMI;
        }
        for (Bmc.Protocol protocol : Bmc.Protocol.values()) {
            if (protocol.wireName().equals(given)) {
                return protocol;
            }
        }
        throw invalid("'protocol' must be ipmi or redfish.");
    }

    private static String text(ObjectNode json, String field, boolean required) {
        JsonNode value = json.get(field);
        if (value == null || value.isNull()) {
            if (required) {
                throw invalid("'" + field + "' is missing.");
            }
            return null;
        }
        if (!value.isTextual() || value.asText().isBlank() || value.asText().indexOf('\u0000') >= 0) {
            throw invalid("'" + field + "' must be a text that is not empty.");
        }
        return value.asText();
    }

    private static int integer(ObjectNode json, String field, int min, int max) {
        JsonNode value = json.get(field);
        if (!value.isIntegralNumber() || value.asLong() < min || value.asLong() > max) {
            throw invalid("'" + field + "' must be a whole number from " + min + " to " + max + ".");
        }
        return value.asInt();
    }

    private static InvalidInputException invalid(String detail) {
        return new InvalidInputException("Invalid input for field/attribute control_attributes: " + detail);
    }
}
