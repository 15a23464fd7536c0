package org.instanceha.fencing;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Primary;
import org.springframework.stereotype.Component;

/** {@link Fencing} by the adapter of each BMC's protocol; logs every call and its answer, never a password. */
@Primary
@Component
public class BmcFencing implements Fencing {

    private static final Logger log = LoggerFactory.getLogger(BmcFencing.class);

    private final Map<Bmc.Protocol, BmcAdapter> adapters = new EnumMap<>(Bmc.Protocol.class);

    public BmcFencing(List<BmcAdapter> adapters) {
        adapters.forEach(a -> this.adapters.put(a.protocol(), a));
    }

    @Override
    public PowerState powerState(Bmc bmc) {
        return call(bmc, "power state", a -> a.powerState(bmc));
    }

    @Override
    public void powerOff(Bmc bmc) {
        call(bmc, "power off", a -> {
            a.powerOff(bmc);
            return "accepted";
        });
    }

    @Override
    public void powerOn(Bmc bmc) {
        call(bmc, "power on", a -> {
            a.powerOn(bmc);
            return "accepted";
        });
    }

    private <T> T call(Bmc bmc, String what, Function<BmcAdapter, T> work) {
        BmcAdapter adapter = adapters.get(bmc.protocol());
        if (adapter == null) {
            throw new FencingException(FencingException.Failure.REFUSED, "instance-ha has no adapter for BMCs of "
                    + "protocol " + bmc.protocol().wireName() + ".");
        }
        long start = System.nanoTime();
        try {
            T answer = work.apply(adapter);
            log.info("BMC {} {}: {} ({} ms)", bmc, what, answer, (System.nanoTime() - start) / 1_000_000);
            return answer;
        } catch (FencingException e) {
            log.warn("BMC {} {}: {} ({} ms)", bmc, what, e.getMessage(), (System.nanoTime() - start) / 1_000_000);
            throw e;
        } catch (RuntimeException e) {
            // An address or path the adapter cannot use (a space in a URI, an odd path in an answer): the BMC's
            // fault, never the caller's; it must not stop a monitor's cycle or end a workflow in an incident.
            FencingException unusable = new FencingException(FencingException.Failure.UNUSABLE, "The BMC "
                    + bmc.summary() + " cannot be used: " + (e.getMessage() != null ? e.getMessage()
                    : e.getClass().getSimpleName()) + ".");
            log.warn("BMC {} {}: {} ({} ms)", bmc, what, unusable.getMessage(), (System.nanoTime() - start) / 1_000_000,
                    e);
            throw unusable;
        }
    }
}
