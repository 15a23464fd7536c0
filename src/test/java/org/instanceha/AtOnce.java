package org.instanceha;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** Runs claims at the same moment, each on a thread of its own pool, and counts those that won. */
public final class AtOnce {

    private AtOnce() {
    }

    /** Starts every claim at once on {@code threads} threads; returns how many answered true. */
    public static long countWinners(int threads, List<Callable<Boolean>> claims) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<Boolean>> answers = new ArrayList<>();
            for (Callable<Boolean> claim : claims) {
                answers.add(pool.submit(() -> {
                    start.await();
                    return claim.call();
                }));
            }
            start.countDown();
            long won = 0;
            for (Future<Boolean> answer : answers) {
                won += Boolean.TRUE.equals(answer.get()) ? 1 : 0;
            }
            return won;
        } finally {
            pool.shutdownNow();
        }
    }
}
