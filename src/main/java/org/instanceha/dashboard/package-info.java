/**
 * The operator dashboard: server-rendered pages (Thymeleaf, htmx for partial refresh) over the same
 * services as the v1 API. It reads notification and VM move rows, never the engine's internals.
 */
package org.instanceha.dashboard;
