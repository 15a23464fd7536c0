package org.instanceha.masakari;

import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.servlet.http.HttpServletRequest;
import org.instanceha.common.InvalidInputException;
import org.instanceha.segment.RecoveryMethod;
import org.instanceha.segment.RecoveryPlans;
import org.instanceha.segment.SegmentFilter;
import org.instanceha.segment.SegmentRepository;
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

/** {@code /v1/segments}: Masakari's failover segment API, with and without the project id in the path. */
@RestController
@RequestMapping(path = {"/v1/segments", "/v1/" + V1Paths.PROJECT + "/segments"}, produces = MediaType.APPLICATION_JSON_VALUE)
public class SegmentsController {

    private final SegmentService segments;
    private final RecoveryPlans plans;

    public SegmentsController(SegmentService segments, RecoveryPlans plans) {
        this.segments = segments;
        this.plans = plans;
    }

    @GetMapping
    public Map<String, Object> list(@RequestParam MultiValueMap<String, String> query, HttpServletRequest request) {
        Map<String, String> single = query.toSingleValueMap();
        RecoveryMethod method = null;
        if (single.containsKey("recovery_method")) {
            method = RecoveryMethod.fromWire(single.get("recovery_method")).orElseThrow(() ->
                    new InvalidInputException("Invalid value '" + single.get("recovery_method")
                            + "' for filter recovery_method: it must be one of " + RecoveryMethod.wireNames() + "."));
        }
        Boolean enabled = MicroversionFilter.versionOf(request).atLeast(ApiVersion.V1_2)
                ? ListParams.booleanFilter(single, "enabled") : null;
        var filter = new SegmentFilter(method, single.get("service_type"), enabled);
        var page = ListParams.page(query, SegmentRepository.SORTABLE);
        return Map.of("segments", segments.listSegments(filter, page).stream().map(SegmentView::of).toList());
    }

    @GetMapping("/{segmentId}")
    public Map<String, Object> show(@PathVariable String segmentId) {
        return Map.of("segment", SegmentView.of(segments.getSegment(segmentId)));
    }

    /**
     * Our extension, in no Masakari microversion: "if this host died now", for every host of the segment,
     * where each instance would go under the segment's recovery method, and which would not fit.
     */
    @GetMapping("/{segmentId}/recovery-plan")
    public Map<String, Object> recoveryPlan(@PathVariable String segmentId) {
        return Map.of("recovery_plan", RecoveryPlanView.of(plans.of(segments.getSegment(segmentId))));
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    public Map<String, Object> create(@RequestBody JsonNode body, HttpServletRequest request) {
        var draft = SegmentRequests.create(body, MicroversionFilter.versionOf(request));
        return Map.of("segment", SegmentView.of(segments.createSegment(draft)));
    }

    @PutMapping("/{segmentId}")
    public Map<String, Object> update(@PathVariable String segmentId, @RequestBody JsonNode body,
                                      HttpServletRequest request) {
        var changes = SegmentRequests.update(body, MicroversionFilter.versionOf(request));
        return Map.of("segment", SegmentView.of(segments.updateSegment(segmentId, changes)));
    }

    @DeleteMapping("/{segmentId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    public void delete(@PathVariable String segmentId) {
        segments.deleteSegment(segmentId);
    }
}
