package org.jemu.user;

import java.util.Arrays;

/**
 * Virtual page number to physical frame address, for the pages of the user address space that have a
 * frame. An open-addressing hash table of primitive longs (no boxing on the TLB-miss path).
 */
final class PageTable {
    private static final long EMPTY = -1, DELETED = -2;
    private long[] keys = new long[1024];
    private long[] values = new long[1024];
    private int size, used;

    PageTable() {
        Arrays.fill(keys, EMPTY);
    }

    private static int hash(long vpn, int mask) {
        long h = vpn * 0x9E3779B97F4A7C15L;
        return (int) (h >>> 32) & mask;
    }

    /** The frame for {@code vpn}, or -1. */
    long get(long vpn) {
        int mask = keys.length - 1;
        for (int i = hash(vpn, mask);; i = (i + 1) & mask) {
            long k = keys[i];
            if (k == vpn) return values[i];
            if (k == EMPTY) return -1;
        }
    }

    void put(long vpn, long frame) {
        if ((used + 1) * 2 > keys.length) rehash(size * 4 > keys.length ? keys.length * 2 : keys.length);
        int mask = keys.length - 1;
        int slot = -1;
        for (int i = hash(vpn, mask);; i = (i + 1) & mask) {
            long k = keys[i];
            if (k == vpn) { values[i] = frame; return; }
            if (k == DELETED && slot < 0) slot = i;
            if (k == EMPTY) {
                if (slot < 0) { slot = i; used++; }
                break;
            }
        }
        keys[slot] = vpn;
        values[slot] = frame;
        size++;
    }

    /** Removes {@code vpn}; returns its frame or -1. */
    long remove(long vpn) {
        int mask = keys.length - 1;
        for (int i = hash(vpn, mask);; i = (i + 1) & mask) {
            long k = keys[i];
            if (k == vpn) {
                keys[i] = DELETED;
                size--;
                return values[i];
            }
            if (k == EMPTY) return -1;
        }
    }

    int size() { return size; }

    private void rehash(int capacity) {
        long[] ok = keys, ov = values;
        keys = new long[capacity];
        values = new long[capacity];
        Arrays.fill(keys, EMPTY);
        size = 0;
        used = 0;
        for (int i = 0; i < ok.length; i++) if (ok[i] >= 0) put(ok[i], ov[i]);
    }
}
