package org.instanceha.fencing;

/** {@link Fencing} for the BMCs of one protocol; {@link BmcFencing} hands each call to the adapter of its BMC. */
public interface BmcAdapter extends Fencing {

    Bmc.Protocol protocol();
}
