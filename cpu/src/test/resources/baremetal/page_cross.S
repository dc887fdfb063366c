# Accesses that cross a page boundary (SDM Vol. 3A §4.7, §6.5 precise faults): when the second page
# faults, CR2 is the first byte in that page, RIP the instruction, and nothing was written to the
# first page. An instruction whose bytes continue into a not-present page faults on the fetch with
# I/D set, CR2 at the new page, and RIP at the instruction's first byte.
        .include "common.S"
test_main:
        SETPTE 0x201000, FRAME + 0x1000 + PTE_P + PTE_W
        SETPTE 0x202000, 0
        movq $0, FRAME + 0x1ff8
        movabs $0x1122334455667788, %rbx
        EXPECT_FAULT 1f
w0:     mov %rbx, 0x201ffc                      # bytes 0x201ffc-0x202003
1:      REPORT FRAME+0x1ff8                     # 0: 0: no partial write
        EXPECT_FAULT 1f
r0:     mov 0x201ffe, %eax                      # read crossing: #PF at 0x202000, error 0
1:      # a 5-byte MOV whose last 3 bytes would be in the not-present page
        movb $0xb8, FRAME + 0x1ffe              # mov $imm32, %eax at 0x201ffe
        movb $0x11, FRAME + 0x1fff
        EXPECT_FAULT 1f
        mov $0x201ffe, %rax
        jmp *%rax
1:      DONE
