package org.jemu.jit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.jemu.cpu.CpuState;
import org.jemu.cpu.GuestFault;
import org.jemu.cpu.interp.Interpreter;
import org.jemu.cpu.interp.Snippet;
import org.jemu.cpu.mem.Mmu;
import org.jemu.cpu.mem.PhysicalMemory;
import org.jemu.cpu.mem.Translator;
import org.junit.jupiter.api.Test;

/**
 * The JIT's own hazards: code that changes under compiled code (self-modifying code in a hot
 * loop, code written on another page and called, pages remapped to other physical pages or one
 * page mapped twice) and faults in the middle of a compiled region. Each program runs on the
 * interpreter and on the JIT (compiling every entry on first use); the two must end in the same
 * state, and that state must be the one the program's arithmetic says.
 */
class JitTest {
    static final long CODE = 0x1000, RAM = 1 << 20;
    /** Where the guest's RAM is mapped a second time: a higher-half (kernel-style) address, negative as a long. */
    static final long HIGH = 0xffffffff80000000L;

    /** A flat user-mode guest whose page table is an array the test can change. */
    static final class Guest {
        final PhysicalMemory phys = new PhysicalMemory(RAM);
        /** Linear page -> physical page, -1 for not present. */
        final long[] map = new long[(int) (RAM >>> 12)];
        final Mmu mmu;
        final CpuState cpu;
        final Interpreter interp;
        final Jit jit;

        Guest(byte[] code, boolean useJit, int hot) {
            this(code, useJit, hot, RegionCache.MAX_LIVE);
        }

        Guest(byte[] code, boolean useJit, int hot, int maxRegions) {
            this(code, useJit, hot, maxRegions, false);
        }

        Guest(byte[] code, boolean useJit, int hot, int maxRegions, boolean background) {
            for (int i = 0; i < map.length; i++) map[i] = i;
            Translator t = (linear, access, user) -> {
                if (linear >= HIGH && linear < HIGH + RAM) linear -= HIGH;   // the higher-half alias
                long page = linear >>> 12;
                if (linear < 0 || page >= map.length || map[(int) page] < 0)
                    throw GuestFault.pf(linear, GuestFault.PF_U | (access == Translator.WRITE ? GuestFault.PF_W : 0));
                return (map[(int) page] << 12) | (linear & 0xfff);
            };
            mmu = new Mmu(phys, t);
            mmu.setUser(true);
            cpu = new CpuState(mmu);
            cpu.cpl = 3;
            phys.load(CODE, code, 0, code.length);
            cpu.rip = CODE;
            cpu.gpr[CpuState.RSP] = 0x9000;
            interp = new Interpreter(cpu);
            interp.setSyscallHandler(c -> interp.requestStop());
            jit = useJit ? new Jit(interp, hot, maxRegions, background) : null;
        }

        long run() {
            return jit != null ? jit.run(10_000_000) : interp.run(10_000_000);
        }

        /** Runs to the program's SYSCALL or to a fault, which is returned (null at the SYSCALL). */
        GuestFault runToEnd() {
            try {
                run();
                return null;
            } catch (GuestFault f) {
                return f;
            }
        }
    }

    /** Runs {@code asm} on both engines; asserts equal final states; returns the JIT's guest. */
    static Guest both(String asm) throws Exception {
        byte[] code = Snippet.assemble(asm);
        Guest a = new Guest(code, false, 1), b = new Guest(code, true, 1);
        GuestFault fa = a.runToEnd(), fb = b.runToEnd();
        assertEquals(fa == null ? null : fa.getMessage(), fb == null ? null : fb.getMessage(), "fault");
        assertSameState(a, b);
        assertTrue(b.jit.stats().contains("regions compiled"), "the JIT ran");
        if (fb == null)     // the statistics account for every instruction, compiled or interpreted
            assertEquals(b.interp.retired(), b.jit.compiledInsns + b.jit.interpretedInsns, b.jit.stats());
        return b;
    }

    static void assertSameState(Guest a, Guest b) {
        assertEquals(Long.toHexString(a.cpu.rip), Long.toHexString(b.cpu.rip), "rip");
        assertArrayEquals(a.cpu.gpr, b.cpu.gpr, () -> "gpr: " + Arrays.toString(a.cpu.gpr) + " vs " + Arrays.toString(b.cpu.gpr));
        assertEquals(Long.toHexString(a.cpu.flags.get()), Long.toHexString(b.cpu.flags.get()), "rflags");
        for (long p = 0; p < RAM; p += 8) assertEquals(a.phys.read(p, 8), b.phys.read(p, 8), "memory at " + p);
        assertEquals(a.interp.retired(), b.interp.retired(), "instructions retired");
    }

    @Test
    void selfModifyingCodeInAHotLoop() throws Exception {
        // The ADD's immediate is rewritten from 1 to 5 in the 1001st of 2000 iterations, by the
        // loop itself: 1001 * 1 + 999 * 5.
        Guest g = both("""
                    xor %eax, %eax
                    mov $2000, %ecx
                1:
                patch:
                    add $1, %rax
                    cmp $1000, %ecx
                    jne 2f
                    movb $5, patch+3(%rip)
                2:  dec %ecx
                    jnz 1b
                    syscall
                """);
        assertEquals(1001 + 999 * 5, g.cpu.gpr[CpuState.RAX]);
    }

    @Test
    void codeWrittenOnAnotherPageAndCalled() throws Exception {
        // Each iteration writes "mov $ecx, %eax; ret" at 0x3000 and calls it: the page is compiled
        // (hot) and rewritten 200 times; the sum is 200 + 199 + ... + 1.
        Guest g = both("""
                    mov $0x3000, %edi
                    movb $0xb8, (%rdi)
                    movb $0xc3, 5(%rdi)
                    xor %ebx, %ebx
                    mov $200, %ecx
                1:  mov %ecx, 1(%rdi)
                    call *%rdi
                    add %rax, %rbx
                    dec %ecx
                    jnz 1b
                    syscall
                """);
        assertEquals(200 * 201 / 2, g.cpu.gpr[CpuState.RBX]);
    }

    @Test
    void faultInTheMiddleOfACompiledRegion() throws Exception {
        // Stores walk up to the first unmapped page; the #PF must find RIP at the store, RAX
        // already incremented for that iteration, and every earlier store done.
        byte[] code = Snippet.assemble("""
                    mov $0x8000, %edi
                    xor %eax, %eax
                1:  add $3, %rax
                    mov %rax, (%rdi)
                    add $8, %rdi
                    jmp 1b
                """);
        Guest a = new Guest(code, false, 1), b = new Guest(code, true, 1);
        a.map[0xa] = -1;
        b.map[0xa] = -1;
        GuestFault fa = a.runToEnd(), fb = b.runToEnd();
        assertNotNull(fb);
        assertEquals(GuestFault.PF, fb.vector);
        assertEquals(0xa000, fb.address);
        assertEquals(fa.getMessage(), fb.getMessage());
        assertSameState(a, b);
        assertEquals(3 * (0x2000 / 8 + 1), b.cpu.gpr[CpuState.RAX]);
        assertEquals(CODE + 7 + 4, b.cpu.rip, "RIP at the store");
    }

    @Test
    void faultInAFallbackInstructionOfACompiledRegion() throws Exception {
        // DIV is compiled as a call to the interpreter: #DE in the 6th iteration, RCX counted down.
        Guest g = both("""
                    mov $10, %ecx
                    mov $5, %ebx
                1:  mov $100, %eax
                    xor %edx, %edx
                    div %rbx
                    dec %rbx
                    dec %ecx
                    jnz 1b
                    syscall
                """);
        assertEquals(0, g.cpu.gpr[CpuState.RBX]);
        assertEquals(5, g.cpu.gpr[CpuState.RCX]);
    }

    @Test
    void pageRemappedToAnotherPhysicalPage() throws Exception {
        // Linear 0x5000 holds "mov $1,%eax; ret" in physical page 0x20, then is remapped to page
        // 0x21 holding "mov $2,%eax; ret": the compiled code of page 0x20 must not run for it.
        byte[] code = Snippet.assemble("""
                    xor %ebx, %ebx
                    mov $50, %ecx
                1:  mov $0x5000, %eax
                    call *%rax
                    add %rax, %rbx
                    dec %ecx
                    jnz 1b
                    syscall
                """);
        byte[] one = {(byte) 0xb8, 1, 0, 0, 0, (byte) 0xc3}, two = {(byte) 0xb8, 2, 0, 0, 0, (byte) 0xc3};
        for (boolean useJit : new boolean[] {false, true}) {
            Guest g = new Guest(code, useJit, 1);
            g.phys.load(0x20000, one, 0, one.length);
            g.phys.load(0x21000, two, 0, two.length);
            g.map[5] = 0x20;
            g.run();
            assertEquals(50, g.cpu.gpr[CpuState.RBX]);
            g.map[5] = 0x21;
            g.mmu.flushAll();
            g.cpu.rip = CODE;
            g.run();
            assertEquals(100, g.cpu.gpr[CpuState.RBX], useJit ? "jit" : "interp");
        }
    }

    @Test
    void onePageMappedAtTwoLinearAddresses() throws Exception {
        // "lea 0(%rip),%rax; ret" in one physical page, mapped at 0x5000 and 0x6000: each mapping
        // must return its own address (compiled code embeds linear addresses).
        byte[] code = Snippet.assemble("""
                    mov $20, %ecx
                1:  mov $0x5000, %eax
                    call *%rax
                    mov %rax, %rsi
                    mov $0x6000, %eax
                    call *%rax
                    mov %rax, %rdi
                    dec %ecx
                    jnz 1b
                    syscall
                """);
        byte[] lea = {0x48, (byte) 0x8d, 0x05, 0, 0, 0, 0, (byte) 0xc3};
        Guest g = new Guest(code, true, 1);
        g.phys.load(0x20000, lea, 0, lea.length);
        g.map[5] = 0x20;
        g.map[6] = 0x20;
        g.run();
        assertEquals(0x5007, g.cpu.gpr[CpuState.RSI]);
        assertEquals(0x6007, g.cpu.gpr[CpuState.RDI]);
    }

    @Test
    void aBlockFallingIntoALoopHeadStaysInTheRegionInTheHigherHalf() throws Exception {
        // Block 1 ends by falling into block 2 (the JMP's target), as in the kernel's
        // mpihelp_submul_1. At a higher-half RIP that fall-through once read as "none" (RIPs are
        // negative as longs), and the region was left once per iteration.
        byte[] code = Snippet.assemble("""
                    xor %eax, %eax
                    mov $1000, %ecx
                    jmp 2f
                1:  movslq %ecx, %rdx
                2:  add %rdx, %rax
                    dec %ecx
                    jnz 1b
                    syscall
                """);
        Guest a = new Guest(code, false, 1), b = new Guest(code, true, 1);
        a.cpu.rip = b.cpu.rip = HIGH + CODE;
        a.run();
        b.run();
        assertSameState(a, b);
        assertEquals(1000 * 1001 / 2 - 1000, b.cpu.gpr[CpuState.RAX]);   // the first pass adds 0
        Region r = b.jit.regionAt(HIGH + CODE, CODE);
        assertNotNull(r, "compiled at the entry");
        // One entry per young budget at most (Jit.YOUNG_BUDGET); leaving the region at the loop head
        // made it one per iteration (1,000).
        long bound = b.interp.retired() / Jit.YOUNG_BUDGET + 3;
        assertTrue(b.interp.retired() > 3000 && r.entries <= bound, "the loop runs inside the region: " + r.entries + " entries");
    }

    /**
     * System mode ({@link Jit#runSystem}): cold code runs in the interpreter from block to block,
     * counting block entries in the decoded instructions, and stops before an instruction where a
     * compiled region starts (marked {@code jitEntry}), so the dispatcher enters the region. f, on
     * a page of its own, loops five times per call; its loop head becomes hot first, and from then
     * on each call's remaining iterations run in that region. The state must equal the
     * interpreter's after the same number of instructions.
     */
    @Test
    void interpretedCodeStopsWhereACompiledRegionStarts() throws Exception {
        byte[] code = Snippet.assemble("""
                    xor %eax, %eax
                    mov $200, %ecx
                1:  call f
                    dec %ecx
                    jnz 1b
                2:  jmp 2b
                    .org 0x1000
                f:  mov $5, %edx
                3:  add %rdx, %rax
                    dec %edx
                    jnz 3b
                    ret
                """);
        int hot = 50;
        Guest a = new Guest(code, false, hot), b = new Guest(code, true, hot);
        org.jemu.cpu.io.CpuSignals signals = new org.jemu.cpu.io.CpuSignals();
        long budget = 200 * (3 + 1 + 15 + 1) + 1000;         // the loops, then the final jmp spins
        a.interp.runSystem(budget, signals, org.jemu.cpu.time.VirtualClock.deterministic(0, 1_000_000_000L, 0));
        b.jit.runSystem(budget, signals, org.jemu.cpu.time.VirtualClock.deterministic(0, 1_000_000_000L, 0));
        assertSameState(a, b);
        assertEquals(200 * (5 + 4 + 3 + 2 + 1), b.cpu.gpr[CpuState.RAX]);
        assertEquals(b.interp.retired(), b.jit.compiledInsns + b.jit.interpretedInsns, b.jit.stats());
        long head = CODE + 0x1000 + 5;                         // 3: after the 5-byte MOV
        Region loop = b.jit.regionAt(head, head);
        assertNotNull(loop, "f's loop compiled");
        assertTrue(loop.entries >= 100, "entered from interpreted code at each call: " + loop.entries + " entries");
        assertTrue(b.interp.decodeCache().cached(head).jitEntry, "the loop head's instruction is marked");
    }

    /** A warm-up call (negative budget, made by the compiler thread) returns 0 and touches nothing. */
    @Test
    void aWarmUpCallLeavesTheMachineAlone() throws Exception {
        Guest g = both("""
                    mov $100, %ecx
                1:  add %rcx, %rax
                    dec %ecx
                    jnz 1b
                    syscall
                """);
        Region r = g.jit.regionAt(CODE, CODE);
        assertNotNull(r, "compiled at the entry");
        long[] gpr = g.cpu.gpr.clone();
        long rip = g.cpu.rip, flags = g.cpu.flags.get();
        JitFrame dry = new JitFrame(g.cpu, g.interp);
        dry.max = -1;
        for (int i = 0; i < 3; i++) assertEquals(0, r.code.run(g.cpu, dry));
        assertArrayEquals(gpr, g.cpu.gpr);
        assertEquals(rip, g.cpu.rip);
        assertEquals(flags, g.cpu.flags.get());
    }

    @Test
    void aRegionIsEnteredAtAnyOfItsBlocks() throws Exception {
        // f1 falls into f2 by a jump, so f2 is a block of the region compiled when f1 became hot;
        // calls to f2 then enter that region at f2 instead of compiling another copy of it.
        Guest g = both("""
                    xor %ebx, %ebx
                    mov $100, %ecx
                1:  call f1
                    call f2
                    dec %ecx
                    jnz 1b
                    syscall
                    .org 0x1000
                f1: add $1, %rbx
                    jmp f2
                    nop
                f2: add $1000, %rbx
                    ret
                """);
        assertEquals(100 * (1 + 1000) + 100 * 1000, g.cpu.gpr[CpuState.RBX]);
        long f1 = CODE + 0x1000, f2 = f1 + 4 + 2 + 1;
        Region r = g.jit.regionAt(f1, f1);
        assertNotNull(r, "f1 compiled");
        assertTrue(r == g.jit.regionAt(f2, f2), "f2 is entered in f1's region");
        assertTrue(r.entries > 100, "entered at f1 and at f2: " + r.entries);
    }

    @Test
    void theCodeCacheIsBoundedAndFlushedWhenFull() throws Exception {
        // 32 small functions called in turn, 50 rounds, with room for 8 regions: the cache fills
        // and is flushed again and again, and the result is still the interpreter's.
        StringBuilder asm = new StringBuilder("""
                    xor %ebx, %ebx
                    mov $50, %ecx
                1:
                """);
        for (int f = 0; f < 32; f++) asm.append("    call f").append(f).append('\n');
        asm.append("""
                    dec %ecx
                    jnz 1b
                    syscall
                """);
        for (int f = 0; f < 32; f++) asm.append("f").append(f).append(": add $").append(f + 1).append(", %rbx\n    ret\n");
        byte[] code = Snippet.assemble(asm.toString());
        Guest a = new Guest(code, false, 1), b = new Guest(code, true, 1, 8);
        a.runToEnd();
        b.runToEnd();
        assertSameState(a, b);
        assertEquals(50 * (32 * 33 / 2), b.cpu.gpr[CpuState.RBX]);
        assertTrue(b.jit.stats().matches("(?s).*, [1-9][0-9]* cache flushes.*"), b.jit.stats());
    }

    @Test
    void backgroundCompilationInstallsRegionsWhileTheInterpreterRuns() throws Exception {
        // A loop long enough for the worker thread to deliver its region mid-run; the state at the
        // end must be the interpreter's, and code written meanwhile must not be overtaken by a
        // region compiled from before the write (the rewrite happens every 100,000 iterations).
        byte[] code = Snippet.assemble("""
                    xor %eax, %eax
                    mov $3000000, %ecx
                1:
                patch:
                    add $1, %rax
                    test $0xffff, %ecx
                    jne 2f
                    xorb $3, patch+3(%rip)
                2:  dec %ecx
                    jnz 1b
                    syscall
                """);
        Guest a = new Guest(code, false, 1), b = new Guest(code, true, 64, RegionCache.MAX_LIVE, true);
        a.runToEnd();
        b.runToEnd();
        assertSameState(a, b);
        assertTrue(b.jit.stats().matches("jit: [1-9][0-9]* regions compiled.*"), b.jit.stats());
    }

    @Test
    void flagsAcrossBlocksAndFusedCompares() throws Exception {
        // Signed and unsigned compares at every size, with the flags read again in another block
        // (SETcc after the branch) and by PUSHF (a fallback): the fused branches must agree with
        // the recorded flags.
        both("""
                    mov $0x9000, %esp
                    mov $-3, %rax
                    mov $200, %ecx
                    xor %r8d, %r8d
                1:  cmp %cl, %al
                    jl 2f
                    inc %r8
                2:  setb %r9b
                    add %r9, %r8
                    cmp %ecx, %eax
                    ja 3f
                    add $3, %r8
                3:  cmpw $100, %cx
                    jge 4f
                    add $5, %r8
                4:  test %rax, %rcx
                    je 5f
                    pushf
                    pop %r10
                    add %r10, %r8
                5:  add $7, %rax
                    dec %ecx
                    jnz 1b
                    syscall
                """);
    }
}
