/**
 * How instance-ha talks to Nova. {@link org.instanceha.nova.Compute} is the port the recovery code uses;
 * {@link org.instanceha.nova.OpenStack4jCompute} implements it on openstack4j's Keystone session,
 * catalog and transport, with our own microversioned requests (see {@link org.instanceha.nova.NovaRequests}).
 */
package org.instanceha.nova;
