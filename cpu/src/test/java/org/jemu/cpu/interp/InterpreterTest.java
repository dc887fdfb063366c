package org.jemu.cpu.interp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.jemu.cpu.CpuState;
import org.jemu.cpu.GuestFault;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** The interpreter's own rules: register writes, stack, control flow, strings, CPUID, precise faults. */
class InterpreterTest {
    private static final int RAX = 0, RCX = 1, RDX = 2, RBX = 3, RSP = 4, RSI = 6, RDI = 7;

    /** Each case: assembly, register number, expected value (hex). Tests as data. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
        mov $-1, %rax; mov $5, %eax                                   | 0 | 5
        mov $-1, %rax; mov $5, %ax                                    | 0 | ffffffffffff0005
        mov $-1, %rax; mov $5, %al                                    | 0 | ffffffffffffff05
        mov $0x1234, %eax; mov $0x77, %ah                             | 0 | 7734
        mov $0x1122334455667788, %rsi; mov $0x99, %sil                | 6 | 1122334455667799
        mov $-1, %rax; xor %eax, %eax                                 | 0 | 0
        mov $-2, %rcx; movabs $0x123456789abcdef0, %rcx; mov %rcx, %rdx | 2 | 123456789abcdef0
        mov $0x80, %eax; movsbq %al, %rbx                             | 3 | ffffffffffffff80
        mov $0x8000, %eax; movzwl %ax, %ebx; movswq %ax, %rdx; add %rdx, %rbx | 3 | 0
        mov $-1, %rax; mov $3, %ecx; cmove %ecx, %eax                 | 0 | ffffffff
        mov $7, %rax; push %rax; push $-3; pop %rbx; pop %rcx; add %rcx, %rbx | 3 | 4
        call 1f; 1: pop %rax; sub $0x1005, %rax                        | 0 | 0
        mov $10, %ecx; xor %eax, %eax; 1: add %rcx, %rax; loop 1b      | 0 | 37
        mov $0x4000, %edi; mov $0x41, %eax; mov $100, %ecx; rep stosb; mov $0x4000, %esi; mov $0x4100, %edi; mov $100, %ecx; rep movsb; movzbl 0x4163, %eax | 0 | 41
        mov $0x4000, %edi; movl $0x00636261, (%rdi); xor %eax, %eax; mov $-1, %rcx; repne scasb; not %rcx; dec %rcx; mov %rcx, %rdx | 2 | 3
        mov $5, %eax; mov $0x4000, %ebx; movq $5, (%rbx); mov $9, %ecx; lock cmpxchg %rcx, (%rbx); mov (%rbx), %rdx | 2 | 9
        mov $0x4000, %ebx; movq $5, (%rbx); mov $3, %eax; lock xadd %rax, (%rbx); add (%rbx), %rax | 0 | d
        mov $0x13, %eax; mov $3, %ecx; cqto; idiv %rcx; shl $8, %rdx; or %rdx, %rax | 0 | 106
        mov $1, %eax; shl $63, %rax; bsr %rax, %rdx                   | 2 | 3f
        stc; mov $0, %eax; adc $0, %eax; cmc; adc $0, %eax            | 0 | 2
        xor %eax, %eax; cpuid                                         | 3 | 756e6547
        mov $0x80000001, %eax; cpuid                                  | 2 | 2c100800
        mov $0x4000, %ebx; movl $7, 8(%rbx); mov $2, %ecx; mov (%rbx,%rcx,4), %eax | 0 | 7
        lea 0x10(%rip), %rax; sub $0x1007, %rax                       | 0 | 10
        mov $0x123, %eax; bswap %eax                                  | 0 | 23010000
        mov $-1, %rax; sar $70, %rax                                  | 0 | ffffffffffffffff
        mov %rsp, %rbx; push %rbp; mov %rsp, %rbp; sub $16, %rsp; leave; sub %rsp, %rbx | 3 | 0
        pushfq; pop %rax; and $0x2, %eax                              | 0 | 2
        """)
    void registerResult(String asm, int reg, String hex) throws Exception {
        Snippet s = new Snippet(asm.replace(';', '\n')).run();
        assertEquals(1, s.syscalls, "did not reach the final syscall");
        assertEquals(Long.parseUnsignedLong(hex, 16), s.reg(reg), asm);
    }

    @Test
    void sse2MovesAndArithmetic() throws Exception {
        Snippet s = new Snippet("""
            mov $0x4000, %ebx
            movabs $0x4008000000000000, %rax
            mov %rax, (%rbx)
            movsd (%rbx), %xmm0
            addsd %xmm0, %xmm0
            cvttsd2si %xmm0, %rsi
            pxor %xmm1, %xmm1
            movdqa %xmm1, 16(%rbx)
            pcmpeqb %xmm2, %xmm2
            pmovmskb %xmm2, %edx
            """).run();
        assertEquals(6, s.reg(RSI));
        assertEquals(0xffff, s.reg(RDX));
    }

    @Test
    void syscallSetsRcxAndR11() throws Exception {
        Snippet s = new Snippet("nop").run();
        assertEquals(Snippet.CODE + 3, s.reg(RCX));
        assertEquals(s.cpu.flags.get(), s.reg(11));
    }

    @Test
    void pageFaultIsPrecise() throws Exception {
        Snippet s = new Snippet("mov $0xa000, %ebx; mov $5, %eax; add %eax, (%rbx)".replace(';', '\n'));
        s.interp.run(2);
        long rip = s.cpu.rip;
        long flags = s.cpu.flags.get();
        GuestFault f = assertThrows(GuestFault.class, () -> s.interp.run(10));
        assertEquals(GuestFault.PF, f.vector);
        assertEquals(0xa000, f.address);
        assertEquals(GuestFault.PF_P | GuestFault.PF_W | GuestFault.PF_U, f.errorCode);
        assertEquals(rip, s.cpu.rip);
        assertEquals(flags, s.cpu.flags.get());
        assertEquals(5, s.reg(RAX));
    }

    @Test
    void pushFaultLeavesRspAlone() throws Exception {
        Snippet s = new Snippet("mov $0x100000, %esp; push %rax".replace(';', '\n'));
        s.interp.run(1);
        assertThrows(GuestFault.class, () -> s.interp.run(10));
        assertEquals(0x100000, s.reg(RSP));
    }

    @Test
    void divideErrorIsPrecise() throws Exception {
        Snippet s = new Snippet("mov $1, %eax; xor %ecx, %ecx; div %ecx".replace(';', '\n'));
        s.interp.run(2);
        GuestFault f = assertThrows(GuestFault.class, () -> s.interp.run(10));
        assertEquals(GuestFault.DE, f.vector);
        assertEquals(Snippet.CODE + 7, s.cpu.rip);
        assertEquals(1, s.reg(RAX));
    }

    @Test
    void ud2AndPrivilegedInstructions() throws Exception {
        assertEquals(GuestFault.UD, assertThrows(GuestFault.class, () -> new Snippet("ud2").run()).vector);
        assertEquals(GuestFault.GP, assertThrows(GuestFault.class, () -> new Snippet("hlt").run()).vector);
        assertEquals(GuestFault.GP, assertThrows(GuestFault.class, () -> new Snippet("cli").run()).vector);
    }

    @Test
    void longRepIsSlicedButCompletes() throws Exception {
        Snippet s = new Snippet("mov $0x4000, %edi; mov $20000, %ecx; xor %eax, %eax; rep stosb; mov %rcx, %rdx".replace(';', '\n'));
        long n = s.interp.run(1_000_000);
        assertEquals(1, s.syscalls);
        assertEquals(0, s.reg(RDX));
        assertEquals(0x4000 + 20000, s.reg(RDI));
        assertEquals(true, n > 4, "REP ran in slices");
    }

    @Test
    void cpuidInstructionReportsVendorAndFeatures() throws Exception {
        Snippet s = new Snippet("xor %eax, %eax; cpuid; mov %rbx, %r8; mov %rdx, %r9; mov %rcx, %r10; mov $1, %eax; cpuid; mov %rcx, %r12".replace(';', '\n'));
        s.interp.run(100);
        StringBuilder v = new StringBuilder();
        for (long r : new long[] {s.reg(8), s.reg(9), s.reg(10)})
            for (int i = 0; i < 4; i++) v.append((char) ((r >>> (8 * i)) & 0xff));
        assertEquals("GenuineIntel", v.toString());
        long ecx = s.reg(12), edx = s.reg(RDX);
        for (int bit : new int[] {0, 9, 19, 20, 22, 23}) assertEquals(1, (ecx >> bit) & 1, "leaf 1 ECX bit " + bit);
        assertEquals(0, ecx & (1 << 28 | 1 << 27 | 1 << 26), "no AVX, OSXSAVE, XSAVE");
        for (int bit : new int[] {0, 23, 24, 25, 26}) assertEquals(1, (edx >> bit) & 1, "leaf 1 EDX bit " + bit);
    }

    /**
     * CR0.EM/TS/MP (SDM Vol. 3A §2.5 Table 2-2): x87 #NM with EM or TS; MMX and SSE #UD with EM and
     * #NM with TS; WAIT #NM only with TS and MP. Each case: CR0 bits, snippet, expected vector or -1.
     */
    @ParameterizedTest(name = "cr0={0} {1}")
    @CsvSource(delimiter = '|', textBlock = """
        8  | fld1                | 7
        4  | fld1                | 7
        8  | movq %mm1, %mm2     | 7
        4  | movq %mm1, %mm2     | 6
        4  | emms                | 6
        8  | addps %xmm1, %xmm2  | 7
        4  | pshufb %xmm1, %xmm2 | 6
        8  | fxsave 0x4000       | 7
        8  | fwait               | -1
        10 | fwait               | 7
        2  | fld1                | -1
        """)
    void fpuAvailability(int cr0, String asm, int vector) throws Exception {
        Snippet s = new Snippet(asm);
        s.cpu.cr0 = cr0;
        if (vector < 0) {
            s.run();
            assertEquals(1, s.syscalls);
        } else {
            GuestFault f = assertThrows(GuestFault.class, s::run);
            assertEquals(vector, f.vector);
            assertEquals(Snippet.CODE, s.cpu.rip);
        }
    }

    @SuppressWarnings("unused")
    private static final int UNUSED = CpuState.RAX + RBX + RDI + RSI;
}
