package org.instanceha.masakari;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import org.instanceha.common.PolicyNames;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** Version discovery: {@code GET /} and {@code GET /v1/}, without authentication, as Masakari serves them. */
@RestController
public class VersionsController {

    private static final String UPDATED = "2016-07-01T11:33:21Z";

    /** A browser ({@code Accept} naming text/html) is sent to the dashboard; anything else gets the versions. */
    @GetMapping(path = "/")
    @PolicyRule(PolicyNames.VERSIONS_INDEX)
    public ResponseEntity<Map<String, Object>> versions(HttpServletRequest request,
                                                        @RequestHeader(name = "Accept", required = false) String accept) {
        if (accept != null && accept.contains(MediaType.TEXT_HTML_VALUE)) {
            return ResponseEntity.status(HttpStatus.FOUND)
                    .location(ServletUriComponentsBuilder.fromContextPath(request).path("/dashboard/").build().toUri())
                    .build();
        }
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("versions", List.of(v1(request, false))));
    }

    @GetMapping(path = {"/v1", "/v1/"}, produces = MediaType.APPLICATION_JSON_VALUE)
    @PolicyRule(PolicyNames.VERSIONS_INDEX)
    public Map<String, Object> v1(HttpServletRequest request) {
        return Map.of("version", v1(request, true));
    }

    private static Map<String, Object> v1(HttpServletRequest request, boolean detailed) {
        String self = ServletUriComponentsBuilder.fromContextPath(request).path("/v1/").toUriString();
        Map<String, Object> version = new LinkedHashMap<>();
        version.put("id", "v1.0");
        version.put("status", "CURRENT");
        version.put("version", ApiVersion.MAX.toString());
        version.put("min_version", ApiVersion.MIN.toString());
        version.put("updated", UPDATED);
        if (detailed) {
            version.put("links", List.of(Map.of("rel", "self", "href", self),
                    Map.of("rel", "describedby", "type", "text/html",
                            "href", "https://docs.openstack.org/masakari/latest/")));
            version.put("media-types", List.of(Map.of("base", "application/json",
                    "type", "application/vnd.openstack.masakari+json;version=1")));
        } else {
            version.put("links", List.of(Map.of("rel", "self", "href", self)));
        }
        return version;
    }
}
