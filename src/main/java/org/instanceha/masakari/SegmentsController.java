package org.instanceha.masakari;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.servlet.http.HttpServletRequest;
import org.instanceha.common.InvalidInputException;
import org.instanceha.common.PolicyNames;
import org.instanceha.segment.RecoveryMethod;
import org.instanceha.segment.RecoveryPlans;
import org.instanceha.segment.Segment;
import org.instanceha.segment.SegmentFilter;
import org.instanceha.segment.SegmentPolicies;
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
    private final SegmentPolicies policies;

    public SegmentsController(SegmentService segments, RecoveryPlans plans, SegmentPolicies policies) {
        this.segments = segments;
        this.plans = plans;
        this.policies = policies;
    }

    @GetMapping
    @PolicyRule(PolicyNames.SEGMENTS_INDEX)
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
        List<Segment> found = segments.listSegments(filter, page);
        if (PolicyCheck.scope(request).everything()) {
            return Map.of("segments", found.stream().map(SegmentView::of).toList());
        }
        Map<Long, Integer> counts = segments.hostCounts(found);
        return Map.of("segments", found.stream().map(s -> SegmentView.summary(s, counts.getOrDefault(s.id(), 0)))
                .toList());
    }

    @GetMapping("/{segmentId}")
    @PolicyRule(PolicyNames.SEGMENTS_DETAIL)
    public Map<String, Object> show(@PathVariable String segmentId, HttpServletRequest request) {
        Segment segment = segments.getSegment(segmentId);
        if (PolicyCheck.scope(request).everything()) {
            return Map.of("segment", SegmentView.of(segment));
        }
        return Map.of("segment", SegmentView.summary(segment,
                segments.hostCounts(List.of(segment)).getOrDefault(segment.id(), 0)));
    }

    /**
     * Our extension, in no Masakari microversion: "if this host died now", for every host of the segment,
     * where each instance would go under the segment's recovery method, and which would not fit.
     */
    @GetMapping("/{segmentId}/recovery-plan")
    @PolicyRule(PolicyNames.SEGMENTS_RECOVERY_PLAN)
    public Map<String, Object> recoveryPlan(@PathVariable String segmentId) {
        return Map.of("recovery_plan", RecoveryPlanView.of(plans.of(segments.getSegment(segmentId))));
    }

    /** Our extension: the segment's policy (return to service, failback), in no Masakari microversion. */
    @GetMapping("/{segmentId}/policy")
    @PolicyRule(PolicyNames.SEGMENTS_POLICY_DETAIL)
    public Map<String, Object> policy(@PathVariable String segmentId) {
        return Map.of("policy", SegmentPolicyView.of(segmentId, policies.of(segmentId)));
    }

    @PutMapping("/{segmentId}/policy")
    @PolicyRule(PolicyNames.SEGMENTS_POLICY_UPDATE)
    public Map<String, Object> updatePolicy(@PathVariable String segmentId, @RequestBody JsonNode body) {
        var changes = SegmentPolicyRequests.update(body);
        return Map.of("policy", SegmentPolicyView.of(segmentId, policies.update(segmentId, changes)));
    }

    @PostMapping
    @PolicyRule(PolicyNames.SEGMENTS_CREATE)
    @ResponseStatus(HttpStatus.CREATED)
    public Map<String, Object> create(@RequestBody JsonNode body, HttpServletRequest request) {
        var draft = SegmentRequests.create(body, MicroversionFilter.versionOf(request));
        return Map.of("segment", SegmentView.of(segments.createSegment(draft)));
    }

    @PutMapping("/{segmentId}")
    @PolicyRule(PolicyNames.SEGMENTS_UPDATE)
    public Map<String, Object> update(@PathVariable String segmentId, @RequestBody JsonNode body,
                                      HttpServletRequest request) {
        var changes = SegmentRequests.update(body, MicroversionFilter.versionOf(request));
        return Map.of("segment", SegmentView.of(segments.updateSegment(segmentId, changes)));
    }

    @DeleteMapping("/{segmentId}")
    @PolicyRule(PolicyNames.SEGMENTS_DELETE)
    @ResponseStatus(HttpStatus.NO_CONTENT)
    public void delete(@PathVariable String segmentId) {
        segments.deleteSegment(segmentId);
    }
}
