package org.instanceha.masakari;

import jakarta.servlet.http.HttpServletRequest;

/** The v1 API's paths: which requests are its own, and the project id that may prefix its routes. */
public final class V1Paths {

    /**
     * {@code /v1/{projectId}/...}: a project id is never one of the API's collection names, so that a
     * path such as {@code /v1/segments/segments} reads one way only (segment "segments", not found).
     */
    public static final String PROJECT = "{projectId:(?!segments$|notifications$).+}";

    private V1Paths() {
    }

    /** Whether the request is for {@code /v1} or below. */
    public static boolean isV1(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return path.equals("/v1") || path.startsWith("/v1/");
    }
}
