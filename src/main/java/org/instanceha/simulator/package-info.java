/**
 * A simulated OpenStack: Keystone v3 (tokens with a catalog) and the Nova v2.1 subset instance-ha
 * uses, served over real HTTP by the application itself under {@code /simulator}, with Nova's
 * state rules, error bodies and microversion behaviour as captured from Nova 26. Off by default;
 * on with {@code instanceha.simulator.enabled=true} (the demo profile and the tests).
 */
package org.instanceha.simulator;
