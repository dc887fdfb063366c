# Control-register rules (SDM Vol. 2B MOV CRn "Protected Mode Exceptions", Vol. 3A §2.5, §9.8.5):
# setting a reserved CR4 bit, clearing CR4.PAE or CR0.PG while in IA-32e mode, setting a CR3 bit at
# or above MAXPHYADDR, setting CR0.PG without PE, and CR8 bits above 3:0 are #GP(0).
# RDTSC at CPL 3 with CR4.TSD=1 is #GP(0) (Vol. 2B RDTSC).
        .include "common.S"
test_main:
        mov %cr4, %rbx
        EXPECT_FAULT 1f
        mov %rbx, %rax
        bts $31, %rax                           # reserved
c0:     mov %rax, %cr4
1:      EXPECT_FAULT 1f
        mov %rbx, %rax
        and $~0x20, %rax                        # PAE off in long mode
c1:     mov %rax, %cr4
1:      EXPECT_FAULT 1f
        mov %cr0, %rax
        btr $31, %rax                           # PG off in long mode (64-bit code)
c2:     mov %rax, %cr0
1:      EXPECT_FAULT 1f
        movabs $0x0000010000001000, %rax        # bit 40 = MAXPHYADDR
c3:     mov %rax, %cr3
1:      EXPECT_FAULT 1f
        mov $0x10, %eax
c4:     mov %rax, %cr8
1:      mov $5, %eax
        mov %rax, %cr8
        mov %cr8, %rax
        REPORT %rax                             # 0: 5
        xor %eax, %eax
        mov %rax, %cr8
        mov %cr4, %rax
        REPORT %rax                             # 1: CR4 unchanged by the failed writes: 0x2b0
        # RDTSC: allowed at CPL 3 with TSD=0, #GP(0) with TSD=1
        EXPECT_FAULT 1f
        TO_USER u_tsc
1:      mov %cr4, %rax
        or $4, %rax                             # TSD
        mov %rax, %cr4
        EXPECT_FAULT 1f
        TO_USER u_tsc
1:      DONE
u_tsc:  rdtsc
        REPORT $0x75C
        int $0x80
