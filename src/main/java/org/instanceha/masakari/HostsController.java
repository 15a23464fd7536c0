package org.instanceha.masakari;

import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
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

    public HostsController(SegmentService segments) {
        this.segments = segments;
    }

    @GetMapping
    public Map<String, Object> list(@PathVariable String segmentId,
                                    @RequestParam MultiValueMap<String, String> query) {
        Map<String, String> single = query.toSingleValueMap();
        var filter = new HostFilter(single.get("type"), ListParams.booleanFilter(single, "on_maintenance"),
                ListParams.booleanFilter(single, "reserved"));
        var page = ListParams.page(query, HostRepository.SORTABLE);
        return Map.of("hosts", segments.listHosts(segmentId, filter, page).stream().map(HostView::of).toList());
    }

    @GetMapping("/{hostId}")
    public Map<String, Object> show(@PathVariable String segmentId, @PathVariable String hostId) {
        return Map.of("host", HostView.of(segments.getHost(segmentId, hostId)));
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    public Map<String, Object> create(@PathVariable String segmentId, @RequestBody JsonNode body) {
        return Map.of("host", HostView.of(segments.createHost(segmentId, HostRequests.create(body))));
    }

    @PutMapping("/{hostId}")
    public Map<String, Object> update(@PathVariable String segmentId, @PathVariable String hostId,
                                      @RequestBody JsonNode body) {
        return Map.of("host", HostView.of(segments.updateHost(segmentId, hostId, HostRequests.update(body))));
    }

    @DeleteMapping("/{hostId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    public void delete(@PathVariable String segmentId, @PathVariable String hostId) {
        segments.deleteHost(segmentId, hostId);
    }
}
