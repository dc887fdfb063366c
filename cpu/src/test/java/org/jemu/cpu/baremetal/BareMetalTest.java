package org.jemu.cpu.baremetal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.jemu.cpu.baremetal.BareMetal.Fault;
import org.jemu.cpu.baremetal.BareMetal.Result;
import org.junit.jupiter.api.Test;

/**
 * Bare-metal programs (src/test/resources/baremetal/*.S) run in 64-bit mode on the interpreter;
 * every expected value below is derived from the Intel SDM section cited next to it.
 */
class BareMetalTest {
    static final long NONE = -1L;          // isr_common's dummy error code for vectors that push none
    static final int KCODE = 0x08, KDATA = 0x10, UDATA = 0x1b, UCODE = 0x23;
    static final long RSP0_TOP = 0x90000, IST1_TOP = 0xA0000, IST2_TOP = 0xB0000, USTACK_TOP = 0xC0000;

    static Result run(String name) throws Exception {
        Result r = BareMetal.run(name);
        assertNull(r.tripleFault, () -> "unexpected triple fault: " + r);
        assertEquals(0, r.exitCode, () -> "program did not finish normally: " + r);
        return r;
    }

    static void assertFault(Result r, int index, int vector, long error, long rip, String what) {
        assertFault(r, index, (long) vector, error, rip, what);
    }

    static void assertFault(Result r, int index, long vector, long error, long rip, String what) {
        assertTrue(r.faults.size() > index, () -> what + ": missing fault record " + index + ": " + r);
        Fault f = r.faults.get(index);
        assertEquals(vector, f.vector(), () -> what + ": vector: " + f);
        assertEquals(error, f.error(), () -> what + ": error code: " + f);
        assertEquals(rip, f.rip(), () -> what + ": RIP: " + f);
    }

    static void assertValues(Result r, long... expected) {
        assertEquals(expected.length, r.values.size(), () -> "values: " + r);
        for (int i = 0; i < expected.length; i++) {
            final int k = i;
            assertEquals(expected[i], r.value(i), () -> String.format("value %d: expected %#x: %s", k, expected[k], r));
        }
    }

    /** §6.15 interrupt 6 (#UD, fault, no error code) and interrupt 0 (#DE, fault): RIP at the instruction. */
    @Test
    void undefinedOpcodeAndDivideError() throws Exception {
        Result r = run("ud_de");
        assertFault(r, 0, 6, NONE, r.sym("ud_insn"), "UD2");
        assertEquals(KCODE, r.faults.get(0).cs());
        assertFault(r, 1, 6, NONE, r.sym("cr1_insn"), "MOV CR1");
        assertFault(r, 2, 0, NONE, r.sym("de_insn"), "DIV by 0");
        assertFault(r, 3, 0, NONE, r.sym("idiv_insn"), "IDIV overflow");
        assertEquals(4, r.faults.size(), r::toString);
        assertValues(r, 0x600D, 7, 9);
    }

    /** §4.7: the #PF error code bits P, W/R, U/S, RSVD and I/D, CR2, and the RIP of the access. */
    @Test
    void pageFaultErrorCodes() throws Exception {
        Result r = run("pf_errcode");
        long[][] expect = {
            // error code, CR2, RIP
            {0, 0x200000, r.sym("f0")},                          // read, not present
            {2, 0x200008, r.sym("f1")},                          // write, not present
            {3, 0x201010, r.sym("f2")},                          // write, read-only, CR0.WP=1
            {9, 0x202000, r.sym("f3")},                          // reserved bit 51
            {0x11, 0x203000, 0x203000},                          // fetch, NX (I/D with EFER.NXE)
            {0x10, 0x204000, 0x204000},                          // fetch, not present
            {5, 0x205000, r.sym("u6")},                          // user read, supervisor page
            {6, 0x200010, r.sym("u7")},                          // user write, not present
            {7, 0x206000, r.sym("u8")},                          // user write, read-only
            {0x15, 0x207000, 0x207000},                          // user fetch, NX
            {0x15, 0x205000, 0x205000},                          // user fetch, supervisor page
        };
        assertEquals(expect.length, r.faults.size(), r::toString);
        for (int i = 0; i < expect.length; i++) {
            assertFault(r, i, 14, expect[i][0], expect[i][2], "case " + i);
            assertEquals(expect[i][1], r.faults.get(i).cr2(), "CR2 of case " + i);
            assertEquals(i >= 6 ? UCODE : KCODE, r.faults.get(i).cs(), "CS of case " + i);
        }
    }

    /** §4.6: CR0.WP, XD in a non-leaf entry, U/S in a 2 MiB leaf. */
    @Test
    void nxWriteProtectAndUserSupervisor() throws Exception {
        Result r = run("nx_wp_us");
        assertValues(r, 0x1111, 0x1111, 0xE1, 0x1111);
        assertFault(r, 0, 14, 3, r.sym("wp_insn"), "WP=1 supervisor write to read-only page");
        assertFault(r, 1, 14, 0x11, 0x202000, "XD in the PDE");
        assertFault(r, 2, 14, 3, r.sym("rw_pde"), "write through a read-only PDE");
        assertFault(r, 3, 14, 5, r.sym("u1"), "user read of a supervisor 2 MiB page");
        assertEquals(0x400000, r.faults.get(3).cr2());
        assertFault(r, 4, 14, 7, r.sym("u2"), "user write to a read-only page with CR0.WP=0");
        assertEquals(5, r.faults.size(), r::toString);
    }

    /** §4.8: A on every level used, D only on writes and only in the leaf. */
    @Test
    void accessedAndDirtyBits() throws Exception {
        Result r = run("ad_bits");
        long a = 0x20, d = 0x40;
        assertEquals(a, r.value(0) & (a | d), () -> "PTE after read: " + r);
        assertEquals(a, r.value(1) & (a | d), () -> "PDE after read: " + r);
        assertEquals(a | d, r.value(2) & (a | d), () -> "PTE after write: " + r);
        assertEquals(a, r.value(3) & (a | d), () -> "non-leaf PDE after write: " + r);
        assertEquals(a, r.value(4) & (a | d), () -> "2 MiB PDE after read: " + r);
        assertEquals(a | d, r.value(5) & (a | d), () -> "2 MiB PDE after write: " + r);
        assertEquals(a, r.value(6) & (a | d), () -> "PTE after fetch: " + r);
        assertTrue(r.faults.isEmpty(), r::toString);
    }

    /** §4.10.4: stale translations until INVLPG / CR3 write / CR4.PGE toggle; globals survive CR3. */
    @Test
    void tlbInvalidation() throws Exception {
        Result r = run("tlb");
        assertValues(r, 0x1111, 0x1111, 0x2222, 0x2222, 0x1111, 0x2222, 0x2222, 0x1111, 0x2222, 0x1111, 0x2222,
                0x3333);
        assertFault(r, 0, 14, 0, r.sym("np_insn"), "not present");
        assertFault(r, 1, 14, 3, r.sym("ro_insn"), "read-only");
        assertEquals(2, r.faults.size(), r::toString);
    }

    /** §4.5: 2 MiB and 1 GiB pages, including fetches through a 1 GiB page; reserved bits in them. */
    @Test
    void largePages() throws Exception {
        Result r = run("large_pages");
        assertValues(r, 0x1122334455667788L, 0x1122334455667788L, 0x77, r.sym("back_home") + 0x40000000L);
        assertFault(r, 0, 14, 9, r.sym("rsvd2m"), "reserved bit in a 2 MiB PDE");
        assertEquals(0xC00000, r.faults.get(0).cr2());
        assertFault(r, 1, 14, 9, r.sym("rsvd1g"), "reserved bit in a 1 GiB PDPTE");
        assertEquals(0x80000000L, r.faults.get(1).cr2());
        assertEquals(2, r.faults.size(), r::toString);
    }

    static void assertFrame(Result r, int i, long cs, long ss, long rsp, long frame) {
        Fault f = r.faults.get(i);
        assertEquals(cs, f.cs(), () -> "CS in frame " + i + ": " + r);
        assertEquals(ss, f.ss(), () -> "SS in frame " + i + ": " + r);
        assertEquals(rsp, f.rsp(), () -> "RSP in frame " + i + ": " + r);
        assertEquals(frame, f.frame(), () -> "stack the frame is on, " + i + ": " + r);
    }

    /** Vol. 2B SYSCALL/SYSRET: RCX/R11, SFMASK, STAR selectors, no stack switch; #GP and #UD cases. */
    @Test
    void syscallSysret() throws Exception {
        Result r = run("syscall");
        assertValues(r, UCODE, 0x46, KCODE, KDATA, r.sym("user_ret"), 0x246, USTACK_TOP,
                0x1235, UCODE, UDATA, 0x246, USTACK_TOP);
        assertEquals(0x80, r.faults.get(0).vector(), r::toString);
        assertEquals(UCODE, r.faults.get(0).cs());
        assertFault(r, 1, 13, 0, r.sym("sysret_bad"), "SYSRET to non-canonical RCX");
        assertEquals(KCODE, r.faults.get(1).cs());
        assertFault(r, 2, 6, NONE, r.sym("syscall_ud"), "SYSCALL with EFER.SCE=0");
        assertEquals(3, r.faults.size(), r::toString);
    }

    /** §6.14: RSP0 and IST stack switches, same-stack alignment, gate DPL, IRETQ to CPL 3. */
    @Test
    void privilegeChangesAndStacks() throws Exception {
        Result r = run("iretq_ist");
        assertFault(r, 0, 0x80, NONE, r.sym("u0_next"), "user INT 0x80");
        assertFrame(r, 0, UCODE, UDATA, USTACK_TOP, RSP0_TOP - 40);
        assertEquals(0x202, r.faults.get(0).rflags());
        assertFault(r, 1, 0x81, NONE, r.sym("u1_next"), "user INT 0x81 (IST2)");
        assertFrame(r, 1, UCODE, UDATA, USTACK_TOP, IST2_TOP - 40);
        assertFault(r, 2, 13, 0x82 * 8 + 2, r.sym("u2"), "user INT through a DPL 0 gate");
        assertFrame(r, 2, UCODE, UDATA, USTACK_TOP, RSP0_TOP - 40);
        assertFault(r, 3, 0x81, NONE, r.sym("k3"), "kernel INT 0x81 (IST2)");
        assertFrame(r, 3, KCODE, KDATA, 0x80000, IST2_TOP - 40);
        long rsp = 0x80000 - 0x108;
        assertFault(r, 4, 0x80, NONE, r.sym("k4"), "kernel INT 0x80");
        assertFrame(r, 4, KCODE, KDATA, rsp, (rsp & ~15L) - 40);
        assertFault(r, 5, 0x80, NONE, r.sym("u5_next"), "user INT 0x80 after IRETQ with IOPL 3");
        assertEquals(0x3000, r.faults.get(5).rflags() & 0x3200, "IOPL 3, IF cleared by CLI");
        assertEquals(6, r.faults.size(), r::toString);
        assertValues(r, rsp, 0x3202, USTACK_TOP, 0x3000);
    }

    /** Vol. 2B MOV Sreg / §6.13: selector error codes; §3.3.7.1: non-canonical addresses; WRMSR/RDMSR. */
    @Test
    void generalProtection() throws Exception {
        Result r = run("gp_selectors");
        assertFault(r, 0, 13, 0x48, r.sym("g0"), "selector beyond the GDT limit");
        assertFault(r, 1, 11, 0x40, r.sym("g1"), "not-present data segment");
        assertFault(r, 2, 13, 0x28, r.sym("g2"), "system descriptor into ES");
        assertFault(r, 3, 13, 0x18, r.sym("g3"), "SS with RPL != CPL");
        assertFault(r, 4, 13, 0x0c, r.sym("g4"), "LDT selector without an LDT");
        assertFault(r, 5, 13, 0, r.sym("g5"), "non-canonical read");
        assertFault(r, 6, 13, 0, r.sym("g6"), "non-canonical write");
        assertFault(r, 7, 13, 0, r.sym("g7"), "WRMSR LSTAR non-canonical");
        assertFault(r, 8, 13, 0, r.sym("g8"), "RDMSR of an unknown MSR");
        assertFault(r, 9, 13, 0x10, r.sym("g9"), "CPL 3 loads a DPL 0 data segment");
        assertEquals(UCODE, r.faults.get(9).cs());
        assertFault(r, 10, 13, 0, r.sym("u10"), "CPL 3 reads CR0");
        assertEquals(11, r.faults.size(), r::toString);
        assertValues(r, KDATA);
    }

    /** Vol. 2A JMP/CALL/RET: a non-canonical target is #GP(0) on the branch itself. */
    @Test
    void nonCanonicalBranchTarget() throws Exception {
        Result r = run("nc_jump");
        assertFault(r, 0, 13, 0, r.sym("j0"), "JMP to non-canonical");
        assertFault(r, 1, 13, 0, r.sym("c0"), "CALL to non-canonical");
        assertEquals(0x80000, r.faults.get(1).rsp(), "CALL pushed nothing");
        assertFault(r, 2, 13, 0, r.sym("r0"), "RET to non-canonical");
        assertEquals(0x80000 - 8, r.faults.get(2).rsp(), "RET popped nothing");
        assertEquals(3, r.faults.size(), r::toString);
    }

    /** §6.15 interrupt 8 and table 6-5: contributory+contributory and #PF+#PF become #DF (error 0, IST1). */
    @Test
    void doubleFault() throws Exception {
        Result r = run("df");
        assertFault(r, 0, 8, 0, r.sym("de_insn"), "#NP while delivering #DE");
        assertEquals(IST1_TOP - 40, r.faults.get(0).frame());
        assertFault(r, 1, 8, 0, r.sym("ud_insn"), "#PF while delivering #PF (after #UD)");
        assertEquals(IST1_TOP - 40, r.faults.get(1).frame());
        assertEquals(0x20e000, r.faults.get(1).cr2() & ~0xfffL, "CR2 in the unmapped stack page");
        assertEquals(0x20f000, r.faults.get(1).rsp());
        assertEquals(2, r.faults.size(), r::toString);
    }

    /** §6.15 interrupt 8: a fault while delivering #DF is a triple fault, which reaches the harness. */
    @Test
    void tripleFault() throws Exception {
        Result r = BareMetal.run("triple");
        assertTrue(r.tripleFault != null, () -> "expected a triple fault: " + r);
        assertValues(r, 1);
        assertTrue(r.faults.isEmpty(), r::toString);
    }

    /** §6.8.3: STI (IF was 0) and MOV SS delay a pending interrupt by exactly one instruction. */
    @Test
    void interruptShadows() throws Exception {
        Result r = run("shadows");
        assertFault(r, 0, 0x30, NONE, r.sym("sti_after"), "after STI: taken after the next instruction");
        assertFault(r, 1, 0x31, NONE, r.sym("ss_after"), "after MOV SS: taken after the next instruction");
        assertFault(r, 2, 0x32, NONE, r.sym("ds_next"), "after MOV DS: no shadow");
        assertFault(r, 3, 0x33, NONE, r.sym("sti2_next"), "STI with IF=1: no shadow");
        assertFault(r, 4, 0x34, NONE, r.sym("hlt_after"), "STI; HLT with a pending interrupt");
        assertEquals(5, r.faults.size(), r::toString);
    }

    /** Vol. 2A HLT: woken by an interrupt, whose frame holds the RIP after HLT; HLT with IF=0 stops. */
    @Test
    void hltWokenByInterrupt() throws Exception {
        Result r = BareMetal.run("hlt");
        assertNull(r.tripleFault);
        assertFault(r, 0, 0x40, NONE, r.sym("after_hlt"), "interrupt during HLT");
        assertEquals(1, r.faults.size(), r::toString);
        assertValues(r, 0x4A17);
        assertTrue(r.haltedWithInterruptsOff, () -> "the final CLI; HLT should halt the machine: " + r);
        assertTrue(r.steps > 100, "HLT waited for the interrupt");
    }

    /** Vol. 1 §19.5: IOPL and the TSS I/O bitmap at CPL 3; CLI needs CPL <= IOPL. */
    @Test
    void ioPermission() throws Exception {
        Result r = run("io_perm");
        assertValues(r, 0x5A);
        assertEquals(List.of(0x8111, 0x8233, 0x8322, 0x8044), r.deviceWrites, r::toString);
        assertEquals(0x80, r.faults.get(0).vector(), r::toString);
        assertFault(r, 1, 13, 0, r.sym("u_deny8"), "IN from a denied port");
        assertFault(r, 2, 13, 0, r.sym("u_deny16") + 4, "16-bit IN covering a denied port");
        assertFault(r, 3, 13, 0, r.sym("u_cli"), "CLI at CPL 3 with IOPL 0");
        assertEquals(0x80, r.faults.get(4).vector(), r::toString);
        assertEquals(0x3000, r.faults.get(4).rflags() & 0x3200, "IOPL 3 and CLI allowed");
        assertEquals(5, r.faults.size(), r::toString);
    }

    /**
     * The "done when" test of issue 5: a user-mode store to a not-present page faults into the
     * kernel's handler, which maps the page and returns; the store is restarted and completes.
     */
    @Test
    void userFaultFixedByKernelHandler() throws Exception {
        Result r = run("user_pf_fixup");
        assertFault(r, 0, 14, 6, r.sym("store"), "user write to a not-present page");
        Fault pf = r.faults.get(0);
        assertEquals(0x20A010, pf.cr2());
        assertFrame(r, 0, UCODE, UDATA, USTACK_TOP, RSP0_TOP - 40);
        assertEquals(0x80, r.faults.get(1).vector(), r::toString);
        assertEquals(2, r.faults.size(), "exactly one page fault: the store completed on restart: " + r);
        assertEquals(0x5678, r.value(0));
        assertEquals(0x9abc, r.value(1));
        assertEquals(0x5678, r.value(2));
        assertEquals(0x600000L + 0xA000 + 0x67, r.value(3), "PTE: P|W|U|A|D");
    }

    /** §6.5 traps vs faults, REP restartability, §6.13 EXT and IDT bits in error codes. */
    @Test
    void trapsRepAndErrorCodeBits() throws Exception {
        Result r = run("traps");
        assertFault(r, 0, 3, NONE, r.sym("int3_next"), "INT3 is a trap");
        assertFault(r, 1, 14, 2, r.sym("rep_insn"), "REP MOVSB into a hole");
        assertEquals(0x203000, r.faults.get(1).cr2());
        assertValues(r, 0x20, 0x201ff0, 0x203000);
        assertEquals(11, r.faults.get(2).vector(), r::toString);
        assertEquals(0x50 * 8 + 3, r.faults.get(2).error(), "#NP(vector*8 + IDT + EXT): " + r);
        assertEquals(r.sym("ext_wait"), r.faults.get(2).rip());
        assertFault(r, 3, 13, 0x70 * 8 + 2, r.sym("int_lim"), "INT beyond the IDT limit");
        assertEquals(4, r.faults.size(), r::toString);
    }

    /** §6.15 interrupt 12: a non-canonical address in an SS-segment reference is #SS(0). */
    @Test
    void nonCanonicalStackReference() throws Exception {
        Result r = run("stack_fault");
        assertFault(r, 0, 12, 0, r.sym("s0"), "MOV through RBP");
        assertFault(r, 1, 12, 0, r.sym("s1"), "PUSH with a non-canonical RSP");
        assertEquals(0x0000800000000010L, r.faults.get(1).rsp());
        assertFault(r, 2, 13, 0, r.sym("s2"), "MOV through RBX");
        assertEquals(3, r.faults.size(), r::toString);
    }

    /** §3.4.4.1 and Vol. 2B SWAPGS: FS/GS bases from MSRs, SWAPGS, null GS keeps the base. */
    @Test
    void fsGsBasesAndSwapgs() throws Exception {
        Result r = run("fsgs");
        assertValues(r, 0x1111, 0x2222, 0x3333, 0x71000, 0x3333);
        assertFault(r, 0, 13, 0, r.sym("u_swapgs"), "SWAPGS at CPL 3");
        assertEquals(1, r.faults.size(), r::toString);
    }

    /** Vol. 2B MOV CRn: reserved and mode-breaking control-register writes; RDTSC with CR4.TSD. */
    @Test
    void controlRegisterChecks() throws Exception {
        Result r = run("cr_checks");
        for (int i = 0; i < 5; i++) assertFault(r, i, 13, 0, r.sym("c" + i), "case c" + i);
        assertEquals(0x80, r.faults.get(5).vector(), r::toString);
        assertFault(r, 6, 13, 0, r.sym("u_tsc"), "RDTSC at CPL 3 with CR4.TSD");
        assertEquals(UCODE, r.faults.get(6).cs());
        assertEquals(7, r.faults.size(), r::toString);
        assertValues(r, 5, 0x2b0, 0x75C);
    }

    /** Vol. 2A IRET and Vol. 2B POPF: IF/IOPL rules by CPL; IRETQ CS/SS checks. */
    @Test
    void iretAndPopfRules() throws Exception {
        Result r = run("iret_popf");
        assertValues(r, 0x1200, 0);
        assertEquals(0x80, r.faults.get(0).vector(), r::toString);
        assertFault(r, 1, 13, 0x08, r.sym("i0"), "IRETQ to DPL 0 code with RPL 3");
        assertFault(r, 2, 13, 0, r.sym("i1"), "IRETQ to CPL 3 with null SS");
        assertFault(r, 3, 13, 0, r.sym("i3"), "IRETQ to a non-canonical RIP");
        assertEquals(KCODE, r.faults.get(3).cs());
        assertFault(r, 4, 13, 0x08, r.sym("i2"), "IRETQ from CPL 3 to CPL 0");
        assertEquals(UCODE, r.faults.get(4).cs());
        assertEquals(5, r.faults.size(), r::toString);
    }

    /** Vol. 3B §17.3.1.4: TF single-step traps after each instruction that starts with TF=1. */
    @Test
    void singleStep() throws Exception {
        Result r = run("single_step");
        assertFault(r, 0, 1, NONE, r.sym("s1"), "after NOP");
        assertFault(r, 1, 1, NONE, r.sym("l_and"), "after PUSHF");
        assertFault(r, 2, 1, NONE, r.sym("l_popf"), "after AND");
        assertFault(r, 3, 1, NONE, r.sym("s2"), "after the POPF that cleared TF");
        assertEquals(4, r.faults.size(), r::toString);
        assertValues(r, 0x55);
    }

    /** §6.14: an external interrupt at CPL 3 goes to CPL 0 on RSP0 and IRETQ resumes the user code. */
    @Test
    void externalInterruptFromUserMode() throws Exception {
        Result r = run("ext_user");
        assertFault(r, 0, 0x41, NONE, r.sym("u_irq"), "external interrupt at CPL 3");
        assertFrame(r, 0, UCODE, UDATA, USTACK_TOP, RSP0_TOP - 40);
        assertEquals(0x200, r.faults.get(0).rflags() & 0x200, "IF=1 in the interrupted context");
        assertEquals(0x80, r.faults.get(1).vector(), r::toString);
        assertEquals(2, r.faults.size(), r::toString);
        assertValues(r, 11);
    }

    /** Vol. 2A/2B LTR, LLDT, LGDT, SGDT, SIDT, STR: busy TSS, CPL checks, accessed bit. */
    @Test
    void descriptorTableInstructions() throws Exception {
        Result r = run("desc_tables");
        assertValues(r, 0xB, 1, 0x47, r.sym("idt"), 0x28);
        assertFault(r, 0, 13, 0x28, r.sym("d0"), "LTR of a busy TSS");
        assertEquals(0x80, r.faults.get(1).vector(), r::toString);
        assertFault(r, 2, 13, 0, r.sym("d1"), "LLDT at CPL 3");
        assertFault(r, 3, 13, 0, r.sym("d2"), "LGDT at CPL 3");
        assertEquals(4, r.faults.size(), r::toString);
    }

    /** §4.7/§6.5: page-crossing data accesses and instruction fetches fault precisely on the second page. */
    @Test
    void pageCrossingFaults() throws Exception {
        Result r = run("page_cross");
        assertFault(r, 0, 14, 2, r.sym("w0"), "8-byte write crossing into a not-present page");
        assertEquals(0x202000, r.faults.get(0).cr2());
        assertFault(r, 1, 14, 0, r.sym("r0"), "4-byte read crossing into a not-present page");
        assertEquals(0x202000, r.faults.get(1).cr2());
        assertFault(r, 2, 14, 0x10, 0x201ffe, "instruction crossing into a not-present page");
        assertEquals(0x202000, r.faults.get(2).cr2());
        assertEquals(3, r.faults.size(), r::toString);
        assertValues(r, 0);
    }

    /** §4.5.4/§4.7: XD reserved without NXE, no I/D without NXE, PS in a PML4E, high address bits. */
    @Test
    void reservedBitsAndNxe() throws Exception {
        Result r = run("rsvd_nxe");
        assertFault(r, 0, 14, 9, r.sym("x0"), "XD set while EFER.NXE=0");
        assertFault(r, 1, 14, 0, 0x202000, "fetch fault with NXE=0: no I/D");
        assertFault(r, 2, 14, 9, r.sym("x2"), "PS in a PML4E");
        assertEquals(0x8000000000L, r.faults.get(2).cr2());
        assertFault(r, 3, 14, 0xb, r.sym("x3"), "bit 45 in a non-leaf PDPTE, write");
        assertEquals(4, r.faults.size(), r::toString);
    }

    /** §11.6: stores to code, directly or through an alias mapping, are executed afterwards. */
    @Test
    void selfModifyingCode() throws Exception {
        Result r = run("smc");
        assertValues(r, 1, 2, 3, 4);
    }

    /** §6.15 interrupt 17: #AC(0) for a misaligned access at CPL 3 with CR0.AM and RFLAGS.AC. */
    @Test
    void alignmentCheck() throws Exception {
        Result r = run("align_check");
        assertFault(r, 0, 17, 0, r.sym("a0"), "misaligned read at CPL 3 with AM and AC");
        assertEquals(1, r.faults.size(), r::toString);
    }

    /** Vol. 2B REP: an interrupt between iterations returns to the REP instruction, which resumes. */
    @Test
    void interruptDuringRepMovs() throws Exception {
        Result r = run("rep_irq");
        assertFault(r, 0, 0x61, NONE, r.sym("rep_insn"), "interrupt during REP MOVSB");
        assertEquals(1, r.faults.size(), r::toString);
        long left = r.value(0);
        assertTrue(left > 0 && left < 0x40000, () -> "interrupted part-way: " + r);
        assertEquals(0, r.value(1));
        assertEquals(0x440000, r.value(2));
        assertEquals(0x0807060504030201L, r.value(3));
    }

    /** §6.12.1.3 trap vs interrupt gates; table 6-5: #GP while delivering #PF becomes #DF. */
    @Test
    void gateTypesAndPageFaultDoubleFault() throws Exception {
        Result r = run("gates");
        assertValues(r, 0x200, 0);
        assertEquals(0x70, r.faults.get(0).vector(), r::toString);
        assertEquals(0x71, r.faults.get(1).vector(), r::toString);
        assertFault(r, 2, 8, 0, r.sym("pf_df"), "#GP while delivering #PF");
        assertEquals(0x200000, r.faults.get(2).cr2(), "CR2 was set by the #PF");
        assertEquals(3, r.faults.size(), r::toString);
    }

    /** §5.9: privileged instructions at CPL 3 are #GP(0); IRETQ to CPL 3 nulls kernel data segments. */
    @Test
    void privilegedInstructionsAtCpl3() throws Exception {
        Result r = run("cpl3_priv");
        assertValues(r, 0, 0, 0, UDATA);
        assertEquals(0x80, r.faults.get(0).vector(), r::toString);
        for (int i = 0; i < 10; i++) {
            assertFault(r, i + 1, 13, 0, r.sym("p" + i), "privileged instruction p" + i);
            assertEquals(UCODE, r.faults.get(i + 1).cs());
        }
        assertEquals(11, r.faults.size(), r::toString);
    }

    /** §6.7.1: NMI ignores IF; a second NMI waits until the handler's IRET. */
    @Test
    void nmiBlockedUntilIret() throws Exception {
        Result r = run("nmi");
        assertFault(r, 0, 2, NONE, r.sym("after_out"), "NMI with IF=0");
        assertFault(r, 1, 2, NONE, r.sym("after_out"), "second NMI taken after the first handler's IRETQ");
        assertEquals(2, r.faults.size(), r::toString);
        assertValues(r, 0x99);
    }

    /** §6.14.5/§6.13: an IST slot beyond the TSS limit is #TS(TSS selector), EXT set for exceptions. */
    @Test
    void tssLimitAndExtBit() throws Exception {
        Result r = run("tss_limit");
        assertFault(r, 0, 10, 0x38, r.sym("t0"), "INT n through an IST beyond the TSS limit");
        assertFault(r, 1, 10, 0x39, r.sym("t1"), "#UD through an IST beyond the TSS limit");
        assertEquals(2, r.faults.size(), r::toString);
    }

    /** Vol. 2A INVLPG, §4.10.4.1: INVLPG of any address in a 2 MiB / 1 GiB page drops the whole page. */
    @Test
    void invlpgOfLargePages() throws Exception {
        Result r = run("invlpg_large");
        assertValues(r, 0x6666, 0x8888, 0x6666, -1L);
    }

    /** MMIO through a page mapping: every access reaches the device (no TLB fast path). */
    @Test
    void mmioAccessesAlwaysReachTheDevice() throws Exception {
        Result r = run("mmio");
        assertValues(r, 0, 1, 2);
        assertEquals(List.of(0xAL, 0xBL, 0xCL), r.mmioWrites, r::toString);
    }
}
