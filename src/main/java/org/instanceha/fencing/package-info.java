/**
 * How instance-ha powers a failed host off through its baseboard management controller, and reads that it is
 * off. {@link org.instanceha.fencing.Fencing} is the port the recovery and the dashboard use;
 * {@link org.instanceha.fencing.BmcFencing} implements it by handing each call to the {@link
 * org.instanceha.fencing.BmcAdapter} of the BMC's protocol: {@link org.instanceha.fencing.IpmiTool} (IPMI 2.0
 * over RMCP+, through Debian's {@code ipmitool}) and {@link org.instanceha.fencing.Redfish} (Java's HTTP
 * client). A third protocol is a third adapter (docs/operator-guide.md says how). Uses only {@code common}.
 */
package org.instanceha.fencing;
