package org.instanceha.masakari;

import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.instanceha.common.Policy;
import org.instanceha.common.PolicyNames;
import org.instanceha.segment.Host;
import org.instanceha.segment.HostFilter;
import org.instanceha.segment.HostRepository;
import org.instanceha.segment.SegmentService;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** {@code /v1/segments/{segment_id}/hosts}: Masakari's host API, with and without the project id. */
@RestController
@RequestMapping(path = {"/v1/segments/{segmentId}/hosts", "/v1/" + V1Paths.PROJECT + "/segments/{segmentId}/hosts"},
        produces = MediaType.APPLICATION_JSON_VALUE)
public class HostsController {

    private final SegmentService segments;
    private final Policy policy;

    public HostsController(SegmentService segments, Policy policy) {
        this.segments = segments;
        this.policy = policy;
    }

    private HostView view(Host host) {
        return HostView.of(host, policy.allowsEverything(PolicyNames.HOSTS_CONTROL_ATTRIBUTES));
    }

    @GetMapping
    @PolicyRule(PolicyNames.HOSTS_INDEX)
    public Map<String, Object> list(@PathVariable String segmentId,
                                    @RequestParam MultiValueMap<String, String> query) {
        Map<String, String> single = query.toSingleValueMap();
        var filter = new HostFilter(single.get("type"), ListParams.booleanFilter(single, "on_maintenance"),
                ListParams.booleanFilter(single, "reserved"));
        var page = ListParams.page(query, HostRepository.SORTABLE);
        boolean withBmc = policy.allowsEverything(PolicyNames.HOSTS_CONTROL_ATTRIBUTES);
        return Map.of("hosts", segments.listHosts(segmentId, filter, page).stream()
                .map(h -> HostView.of(h, withBmc)).toList());
    }

    @GetMapping("/{hostId}")
    @PolicyRule(PolicyNames.HOSTS_DETAIL)
    public Map<String, Object> show(@PathVariable String segmentId, @PathVariable String hostId) {
        return Map.of("host", view(segments.getHost(segmentId, hostId)));
    }

    @PostMapping
    @PolicyRule(PolicyNames.HOSTS_CREATE)
    @ResponseStatus(HttpStatus.CREATED)
    public Map<String, Object> create(@PathVariable String segmentId, @RequestBody JsonNode body) {
        return Map.of("host", view(segments.createHost(segmentId, HostRequests.create(body))));
    }

    @PutMapping("/{hostId}")
    @PolicyRule(PolicyNames.HOSTS_UPDATE)
    public Map<String, Object> update(@PathVariable String segmentId, @PathVariable String hostId,
                                      @RequestBody JsonNode body) {
        return Map.of("host", view(segments.updateHost(segmentId, hostId, HostRequests.update(body))));
    }

    @DeleteMapping("/{hostId}")
    @PolicyRule(PolicyNames.HOSTS_DELETE)
    @ResponseStatus(HttpStatus.NO_CONTENT)
    public void delete(@PathVariable String segmentId, @PathVariable String hostId) {
        segments.deleteHost(segmentId, hostId);
    }
}
