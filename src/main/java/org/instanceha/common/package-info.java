/**
 * The few pieces every feature shares: the domain exceptions that the API maps to
 * Masakari faults, UTC time, and keyset paging over whitelisted sort keys.
 */
package org.instanceha.common;
